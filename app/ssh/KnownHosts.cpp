#include "ssh/KnownHosts.h"

#include "core/Log.h"
#include "ssh/Fingerprint.h"
#include "ssh/Libssh2Init.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <libssh2.h>

namespace vigia::ssh {

namespace {

struct KeyTypeMap {
    const char *name;
    int mask;
};

// OpenSSH's default HostKeyAlgorithms order (certificates aside).
const KeyTypeMap kKeyTypes[] = {
    {"ssh-ed25519", LIBSSH2_KNOWNHOST_KEY_ED25519},
    {"ecdsa-sha2-nistp256", LIBSSH2_KNOWNHOST_KEY_ECDSA_256},
    {"ecdsa-sha2-nistp384", LIBSSH2_KNOWNHOST_KEY_ECDSA_384},
    {"ecdsa-sha2-nistp521", LIBSSH2_KNOWNHOST_KEY_ECDSA_521},
    {"ssh-rsa", LIBSSH2_KNOWNHOST_KEY_SSHRSA},
    {"ssh-dss", LIBSSH2_KNOWNHOST_KEY_SSHDSS},
};

int maskForType(const QString &type)
{
    for (const auto &k : kKeyTypes)
        if (type == QLatin1String(k.name))
            return k.mask;
    return LIBSSH2_KNOWNHOST_KEY_UNKNOWN;
}

QString typeForMask(int mask)
{
    for (const auto &k : kKeyTypes)
        if ((mask & LIBSSH2_KNOWNHOST_KEY_MASK) == k.mask)
            return QString::fromLatin1(k.name);
    return {};
}

} // namespace

KnownHosts::KnownHosts(QString path) : m_path(std::move(path))
{
    if (ensureLibssh2()) {
        m_session = libssh2_session_init();
        if (m_session)
            m_hosts = libssh2_knownhost_init(m_session);
    }
}

KnownHosts::~KnownHosts()
{
    if (m_hosts)
        libssh2_knownhost_free(m_hosts);
    if (m_session)
        libssh2_session_free(m_session);
}

QString KnownHosts::hostEntryName(const QString &host, quint16 port)
{
    if (port == 22)
        return host;
    return QStringLiteral("[%1]:%2").arg(host).arg(port);
}

Result<void> KnownHosts::load()
{
    if (!m_hosts)
        return makeError(QCoreApplication::translate("KnownHosts", "Could not initialise libssh2 to read known_hosts."), {},
                         QStringLiteral("ssh.init"));
    QFile f(m_path);
    if (!f.exists())
        return {};
    if (!f.open(QIODevice::ReadOnly))
        return makeError(QCoreApplication::translate("KnownHosts", "Cannot read %1: %2").arg(m_path, f.errorString()),
                         QCoreApplication::translate("KnownHosts", "Check the file's permissions."), QStringLiteral("hostkey.read"));
    // Remember the last node so every node added by one line (a line may name
    // several hosts) can be mapped back to its line number.
    libssh2_knownhost *last = nullptr;
    while (libssh2_knownhost_get(m_hosts, &last, last) == 0) {
    }
    int lineNo = 0;
    while (!f.atEnd() && lineNo < 1000000) {
        QByteArray line = f.readLine(64 * 1024);
        ++lineNo;
        const QByteArray trimmed = line.trimmed();
        if (trimmed.isEmpty() || trimmed.startsWith('#'))
            continue;
        // @cert-authority and @revoked markers are not understood by libssh2;
        // skipping them is safer than misreading them as plain entries.
        if (trimmed.startsWith('@')) {
            ++m_skipped;
            continue;
        }
        // libssh2 accepts any base64-looking text as a key; OpenSSH skips a
        // line whose key does not decode to a blob of the named type, and an
        // accepted junk entry would later read as a key mismatch.
        const QList<QByteArray> fields = trimmed.simplified().split(' ');
        const auto decoded =
            QByteArray::fromBase64Encoding(fields.value(2), QByteArray::AbortOnBase64DecodingErrors);
        if (fields.size() < 3 || !decoded ||
            keyTypeFromBlob(decoded.decoded) != QString::fromLatin1(fields.at(1))) {
            ++m_skipped;
            qCDebug(lcSsh) << "known_hosts: skipped invalid line" << lineNo << "of" << m_path;
            continue;
        }
        if (libssh2_knownhost_readline(m_hosts, trimmed.constData(), size_t(trimmed.size()),
                                       LIBSSH2_KNOWNHOST_FILE_OPENSSH) != 0) {
            ++m_skipped;
            qCDebug(lcSsh) << "known_hosts: skipped unparsable line" << lineNo << "of" << m_path;
            continue;
        }
        libssh2_knownhost *node = nullptr;
        while (libssh2_knownhost_get(m_hosts, &node, last) == 0) {
            m_lineOf.insert(node->node, lineNo);
            ++m_entries;
            last = node;
        }
    }
    return {};
}

KnownHostLookup KnownHosts::lookup(const QString &host, quint16 port, const QByteArray &keyBlob) const
{
    KnownHostLookup r;
    r.hostEntry = hostEntryName(host, port);
    r.keyType = keyTypeFromBlob(keyBlob);
    r.fingerprint = sha256Fingerprint(keyBlob);
    if (!m_hosts)
        return r;
    const QByteArray name = r.hostEntry.toUtf8();
    libssh2_knownhost *found = nullptr;
    // port -1: libssh2 would otherwise fall back from "[host]:port" to a
    // plain "host" entry, which OpenSSH never does for a non-standard port.
    const int rc = libssh2_knownhost_checkp(
        m_hosts, name.constData(), -1, keyBlob.constData(), size_t(keyBlob.size()),
        LIBSSH2_KNOWNHOST_TYPE_PLAIN | LIBSSH2_KNOWNHOST_KEYENC_RAW | maskForType(r.keyType), &found);
    if (rc == LIBSSH2_KNOWNHOST_CHECK_MATCH) {
        r.status = KnownHostStatus::Match;
    } else if (rc == LIBSSH2_KNOWNHOST_CHECK_MISMATCH && found) {
        r.status = KnownHostStatus::Mismatch;
        const QByteArray known = QByteArray::fromBase64(QByteArray(found->key));
        r.knownFingerprint = sha256Fingerprint(known);
        r.knownKeyType = typeForMask(found->typemask);
        r.knownLine = m_lineOf.value(found->node, 0);
    } else if (rc == LIBSSH2_KNOWNHOST_CHECK_NOTFOUND) {
        r.recordedTypes = recordedKeyTypes(host, port);
        if (!r.recordedTypes.isEmpty())
            r.status = KnownHostStatus::OtherTypeKnown;
    }
    return r;
}

QStringList KnownHosts::recordedKeyTypes(const QString &host, quint16 port) const
{
    QStringList types;
    if (!m_hosts)
        return types;
    const QByteArray name = hostEntryName(host, port).toUtf8();
    // A probe with an impossible key answers "mismatch" exactly when an entry
    // of that type exists for the host.
    static const char probe[] = "AAAA";
    for (const auto &k : kKeyTypes) {
        libssh2_knownhost *found = nullptr;
        const int rc = libssh2_knownhost_checkp(
            m_hosts, name.constData(), -1, probe, 0,
            LIBSSH2_KNOWNHOST_TYPE_PLAIN | LIBSSH2_KNOWNHOST_KEYENC_BASE64 | k.mask, &found);
        if (rc == LIBSSH2_KNOWNHOST_CHECK_MISMATCH || rc == LIBSSH2_KNOWNHOST_CHECK_MATCH)
            types << QString::fromLatin1(k.name);
    }
    return types;
}

Result<void> KnownHosts::append(const QString &host, quint16 port, const QByteArray &keyBlob)
{
    if (!m_hosts)
        return makeError(QCoreApplication::translate("KnownHosts", "Could not initialise libssh2 to write known_hosts."), {},
                         QStringLiteral("ssh.init"));
    const QString type = keyTypeFromBlob(keyBlob);
    const int mask = maskForType(type);
    if (mask == LIBSSH2_KNOWNHOST_KEY_UNKNOWN)
        return makeError(QCoreApplication::translate("KnownHosts", "Unsupported host key type \"%1\".").arg(type), {},
                         QStringLiteral("hostkey.type"));
    const QByteArray name = hostEntryName(host, port).toUtf8();
    libssh2_knownhost *entry = nullptr;
    if (libssh2_knownhost_addc(
            m_hosts, name.constData(), nullptr, keyBlob.constData(), size_t(keyBlob.size()), nullptr, 0,
            LIBSSH2_KNOWNHOST_TYPE_PLAIN | LIBSSH2_KNOWNHOST_KEYENC_RAW | mask, &entry) != 0)
        return makeError(QCoreApplication::translate("KnownHosts", "Could not record the host key."), {},
                         QStringLiteral("hostkey.write"));
    char buf[16 * 1024];
    size_t outLen = 0;
    if (libssh2_knownhost_writeline(m_hosts, entry, buf, sizeof buf, &outLen,
                                    LIBSSH2_KNOWNHOST_FILE_OPENSSH) != 0)
        return makeError(QCoreApplication::translate("KnownHosts", "Could not format the known_hosts line."), {},
                         QStringLiteral("hostkey.write"));
    QByteArray line(buf, int(outLen));
    if (!line.endsWith('\n'))
        line += '\n';

    const QFileInfo fi(m_path);
    if (!fi.dir().exists()) {
        // ~/.ssh must stay private, as OpenSSH creates it.
        if (!QDir().mkpath(fi.absolutePath()))
            return makeError(QCoreApplication::translate("KnownHosts", "Cannot create %1.").arg(fi.absolutePath()), {},
                             QStringLiteral("hostkey.write"));
        QFile::setPermissions(fi.absolutePath(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    }
    QFile f(m_path);
    const bool existed = f.exists();
    // Append mode only: the user's file is never rewritten or truncated.
    if (!f.open(QIODevice::ReadWrite | QIODevice::Append))
        return makeError(QCoreApplication::translate("KnownHosts", "Cannot append to %1: %2").arg(m_path, f.errorString()),
                         QCoreApplication::translate("KnownHosts", "Check the file's permissions."), QStringLiteral("hostkey.write"));
    if (!existed)
        f.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
    // A file whose last line lacks its newline would swallow ours.
    if (f.size() > 0) {
        QFile tail(m_path);
        if (tail.open(QIODevice::ReadOnly) && tail.seek(tail.size() - 1) && tail.read(1) != "\n")
            line.prepend('\n');
    }
    if (f.write(line) != line.size() || !f.flush())
        return makeError(QCoreApplication::translate("KnownHosts", "Cannot append to %1: %2").arg(m_path, f.errorString()), {},
                         QStringLiteral("hostkey.write"));
    int lines = 0;
    // Count lines so a later mismatch can name the new line.
    {
        QFile r(m_path);
        if (r.open(QIODevice::ReadOnly))
            lines = int(r.readAll().count('\n'));
    }
    m_lineOf.insert(entry->node, lines);
    ++m_entries;
    return {};
}

} // namespace vigia::ssh
