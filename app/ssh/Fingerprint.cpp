#include "ssh/Fingerprint.h"

#include <QCryptographicHash>

namespace vigia::ssh {

QString sha256Fingerprint(const QByteArray &keyBlob)
{
    const QByteArray digest = QCryptographicHash::hash(keyBlob, QCryptographicHash::Sha256);
    return QStringLiteral("SHA256:") +
           QString::fromLatin1(digest.toBase64(QByteArray::Base64Encoding | QByteArray::OmitTrailingEquals));
}

QString keyTypeFromBlob(const QByteArray &keyBlob)
{
    if (keyBlob.size() < 4)
        return {};
    const auto *p = reinterpret_cast<const unsigned char *>(keyBlob.constData());
    const quint32 len = (quint32(p[0]) << 24) | (quint32(p[1]) << 16) | (quint32(p[2]) << 8) | quint32(p[3]);
    if (len == 0 || len > 64 || len > quint32(keyBlob.size() - 4))
        return {};
    return QString::fromLatin1(keyBlob.constData() + 4, int(len));
}

} // namespace vigia::ssh
