#pragma once
// Where snapshots live on this machine: CacheLocation/<profile>/, folder 0700,
// files 0600 (they hold clients' personal data). Each snapshot is one
// self-contained .db plus a small .json with where and when it was taken, so
// the last one opens at once, even offline.
#include "core/Result.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <optional>

namespace vigia::db {

struct SnapshotInfo {
    QString label;       // stable per remote path: "scheduler-1a2b3c4d"
    QString remotePath;
    QString localPath;
    QDateTime takenAt;   // UTC, when the remote snapshot was taken
    qint64 bytes = 0;
    QString method;      // "vacuum-into" or "copy"
    int tableCount = 0;
};

class SnapshotCache {
public:
    // ROOT overrides QStandardPaths::CacheLocation (tests).
    explicit SnapshotCache(const QString &profileName, const QString &root = {});

    QString dir() const { return m_dir; }
    Result<void> ensureDir() const;

    static QString labelFor(const QString &remotePath);
    QString pathFor(const QString &label) const;
    // Where a download is written before it is verified and renamed into place. tag tells apart
    // two instances (or two jobs) on one profile, so neither writes into the other's file.
    QString stagingPathFor(const QString &label, const QString &tag) const;

    Result<void> store(const SnapshotInfo &info) const;
    std::optional<SnapshotInfo> latest(const QString &label) const;
    QList<SnapshotInfo> all() const;

    // "as of 03:12:04" today, "as of 26 Nov 03:12" before; in local time.
    static QString asOfText(const QDateTime &takenAt, const QDateTime &now = QDateTime::currentDateTime());
    // "12 s", "5 min", "3 h", "2 days"
    static QString ageText(const QDateTime &takenAt, const QDateTime &now = QDateTime::currentDateTime());

private:
    QString m_dir;
};

} // namespace vigia::db
