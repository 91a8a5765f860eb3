#include "db/SnapshotCache.h"

#include <QCoreApplication>
#include <QLocale>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QStandardPaths>

namespace vigia::db {

namespace {

QString sanitize(const QString &name)
{
    QString out;
    for (QChar c : name) {
        // No dots at all: a profile called ".." must not climb out of the cache.
        if (c.isLetterOrNumber() || c == QLatin1Char('-') || c == QLatin1Char('_'))
            out += c;
        else
            out += QLatin1Char('_');
    }
    if (out.isEmpty())
        out = QStringLiteral("profile");
    return out;
}

constexpr auto kPrivate = QFile::ReadOwner | QFile::WriteOwner;

} // namespace

SnapshotCache::SnapshotCache(const QString &profileName, const QString &root)
{
    const QString base = root.isEmpty() ? QStandardPaths::writableLocation(QStandardPaths::CacheLocation) : root;
    m_dir = QDir(base).filePath(QStringLiteral("snapshots/") + sanitize(profileName));
}

Result<void> SnapshotCache::ensureDir() const
{
    if (!QDir().mkpath(m_dir))
        return makeError(QCoreApplication::translate("SnapshotCache", "Could not create the snapshot folder %1.").arg(m_dir), {},
                         QStringLiteral("db.local-failed"));
    QFile::setPermissions(m_dir, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    return {};
}

QString SnapshotCache::labelFor(const QString &remotePath)
{
    QString base = QFileInfo(remotePath).completeBaseName();
    const QByteArray h = QCryptographicHash::hash(remotePath.toUtf8(), QCryptographicHash::Sha1).toHex().left(8);
    return sanitize(base.left(40)) + QLatin1Char('-') + QString::fromLatin1(h);
}

QString SnapshotCache::pathFor(const QString &label) const
{
    return QDir(m_dir).filePath(label + QStringLiteral(".db"));
}

QString SnapshotCache::stagingPathFor(const QString &label, const QString &tag) const
{
    return QDir(m_dir).filePath(label + QLatin1Char('.') + tag + QStringLiteral(".part.db"));
}

Result<void> SnapshotCache::store(const SnapshotInfo &info) const
{
    QJsonObject o{{QStringLiteral("label"), info.label},
                  {QStringLiteral("remotePath"), info.remotePath},
                  {QStringLiteral("takenAt"), info.takenAt.toUTC().toString(Qt::ISODateWithMs)},
                  {QStringLiteral("bytes"), double(info.bytes)},
                  {QStringLiteral("method"), info.method},
                  {QStringLiteral("tableCount"), info.tableCount}};
    QSaveFile f(QDir(m_dir).filePath(info.label + QStringLiteral(".json")));
    if (!f.open(QIODevice::WriteOnly))
        return makeError(QCoreApplication::translate("SnapshotCache", "Could not write snapshot details in %1.").arg(m_dir), f.errorString(),
                         QStringLiteral("db.local-failed"));
    f.setPermissions(kPrivate);
    f.write(QJsonDocument(o).toJson(QJsonDocument::Indented));
    if (!f.commit())
        return makeError(QCoreApplication::translate("SnapshotCache", "Could not write snapshot details in %1.").arg(m_dir), f.errorString(),
                         QStringLiteral("db.local-failed"));
    return {};
}

std::optional<SnapshotInfo> SnapshotCache::latest(const QString &label) const
{
    QFile f(QDir(m_dir).filePath(label + QStringLiteral(".json")));
    if (!f.open(QIODevice::ReadOnly))
        return std::nullopt;
    const QJsonObject o = QJsonDocument::fromJson(f.read(64 * 1024)).object();
    SnapshotInfo info;
    info.label = label;
    info.remotePath = o.value(QStringLiteral("remotePath")).toString();
    info.takenAt = QDateTime::fromString(o.value(QStringLiteral("takenAt")).toString(), Qt::ISODateWithMs);
    info.bytes = qint64(o.value(QStringLiteral("bytes")).toDouble());
    info.method = o.value(QStringLiteral("method")).toString();
    info.tableCount = o.value(QStringLiteral("tableCount")).toInt();
    info.localPath = pathFor(label);
    if (!info.takenAt.isValid() || !QFileInfo::exists(info.localPath))
        return std::nullopt;
    return info;
}

QList<SnapshotInfo> SnapshotCache::all() const
{
    QList<SnapshotInfo> out;
    const QStringList files = QDir(m_dir).entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
    for (const QString &f : files) {
        if (auto i = latest(QFileInfo(f).completeBaseName()))
            out << *i;
    }
    return out;
}

QString SnapshotCache::asOfText(const QDateTime &takenAt, const QDateTime &now)
{
    const QDateTime t = takenAt.toLocalTime();
    if (t.date() == now.toLocalTime().date())
        return QCoreApplication::translate("SnapshotCache", "as of %1").arg(QLocale().toString(t.time(), QStringLiteral("HH:mm:ss")));
    return QCoreApplication::translate("SnapshotCache", "as of %1").arg(QLocale().toString(t, QStringLiteral("d MMM HH:mm")));
}

QString SnapshotCache::ageText(const QDateTime &takenAt, const QDateTime &now)
{
    const qint64 s = qMax<qint64>(0, takenAt.secsTo(now));
    if (s < 60)
        return QCoreApplication::translate("SnapshotCache", "%1 s").arg(s);
    if (s < 3600)
        return QCoreApplication::translate("SnapshotCache", "%1 min").arg(s / 60);
    if (s < 86400 * 2)
        return QCoreApplication::translate("SnapshotCache", "%1 h").arg(s / 3600);
    const int days = int(s / 86400);
    return QCoreApplication::translate("SnapshotCache", "%n days", nullptr, days);
}

} // namespace vigia::db
