#include "db/SnapshotVerifier.h"

#include "core/Log.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>

#include <sqlite3.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

namespace vigia::db {

namespace {

struct Db {
    sqlite3 *h = nullptr;
    ~Db()
    {
        if (h)
            sqlite3_close_v2(h);
    }
    QString lastError() const { return h ? QString::fromUtf8(sqlite3_errmsg(h)) : QCoreApplication::translate("SnapshotVerifier", "out of memory"); }
};

Error fromSqlite(int rc, const QString &message, const QString &path)
{
    const int prim = rc & 0xff;
    if (prim == SQLITE_NOTADB)
        return makeError(QCoreApplication::translate("SnapshotVerifier", "The copy of %1 is not an SQLite database.").arg(QFileInfo(path).fileName()),
                         message, QStringLiteral("db.not-a-database"));
    if (prim == SQLITE_CORRUPT)
        return makeError(QCoreApplication::translate("SnapshotVerifier", "The copy of %1 is damaged and was refused.").arg(QFileInfo(path).fileName()),
                         message, QStringLiteral("db.corrupt"));
    return makeError(QCoreApplication::translate("SnapshotVerifier", "Could not read the copy of %1.").arg(QFileInfo(path).fileName()), message,
                     QStringLiteral("db.local-failed"));
}

// Runs SQL and returns the first column of every row.
Result<QStringList> queryColumn(Db &db, const char *sql, const QString &path)
{
    sqlite3_stmt *st = nullptr;
    int rc = sqlite3_prepare_v2(db.h, sql, -1, &st, nullptr);
    if (rc != SQLITE_OK)
        return fromSqlite(rc, db.lastError(), path);
    QStringList rows;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        const unsigned char *t = sqlite3_column_text(st, 0);
        rows << (t ? QString::fromUtf8(reinterpret_cast<const char *>(t)) : QString());
        if (rows.size() > 1000) // quick_check stops at 100 errors by default; be bounded anyway
            break;
    }
    const QString msg = db.lastError();
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE && rc != SQLITE_ROW)
        return fromSqlite(rc, msg, path);
    return rows;
}

Result<VerifyInfo> checkOpen(Db &db, const QString &path)
{
    if (!QFileInfo::exists(path))
        return makeError(QCoreApplication::translate("SnapshotVerifier", "The local copy %1 is missing.").arg(path), {}, QStringLiteral("db.local-failed"));
    const int rc = sqlite3_open_v2(QFile::encodeName(path).constData(), &db.h, SQLITE_OPEN_READWRITE, nullptr);
    if (rc != SQLITE_OK)
        return fromSqlite(rc, db.lastError(), path);
    sqlite3_busy_timeout(db.h, 2000);
    auto qc = queryColumn(db, "PRAGMA quick_check", path);
    if (!qc)
        return qc.error();
    if (qc.value() != QStringList{QStringLiteral("ok")})
        return makeError(QCoreApplication::translate("SnapshotVerifier", "The copy of %1 failed its integrity check and was refused.")
                             .arg(QFileInfo(path).fileName()),
                         qc.value().mid(0, 3).join(QLatin1Char('\n')), QStringLiteral("db.corrupt"));
    auto tables = queryColumn(db, "SELECT count(*) FROM sqlite_schema WHERE type='table'", path);
    if (!tables)
        return tables.error();
    VerifyInfo info;
    info.tableCount = tables.value().value(0).toInt();
    info.bytes = QFileInfo(path).size();
    return info;
}

} // namespace

void SnapshotVerifier::removeWithSidecars(const QString &path)
{
    QFile::remove(path);
    QFile::remove(path + QStringLiteral("-wal"));
    QFile::remove(path + QStringLiteral("-shm"));
    QFile::remove(path + QStringLiteral("-journal"));
}

Result<VerifyInfo> SnapshotVerifier::verify(const QString &path)
{
    Db db;
    return checkOpen(db, path);
}

Result<VerifyInfo> SnapshotVerifier::verifyAndInstall(const QString &stagingPath, const QString &finalPath)
{
    auto result = [&]() -> Result<VerifyInfo> {
        Db db;
        auto info = checkOpen(db, stagingPath);
        if (!info)
            return info;
        auto ck = queryColumn(db, "PRAGMA wal_checkpoint(TRUNCATE)", stagingPath);
        if (!ck)
            return ck.error();
        auto jm = queryColumn(db, "PRAGMA journal_mode=DELETE", stagingPath);
        if (!jm)
            return jm.error();
        sqlite3_close_v2(db.h);
        db.h = nullptr;
        QFile::setPermissions(stagingPath, QFile::ReadOwner | QFile::WriteOwner);
        // rename(2) replaces atomically: a view that has the old file open keeps reading the old inode.
        if (std::rename(QFile::encodeName(stagingPath).constData(), QFile::encodeName(finalPath).constData()) != 0)
            return makeError(QCoreApplication::translate("SnapshotVerifier", "Could not store the snapshot in %1.").arg(finalPath),
                             QString::fromLocal8Bit(strerror(errno)), QStringLiteral("db.local-failed"));
        QFile::remove(finalPath + QStringLiteral("-wal"));
        QFile::remove(finalPath + QStringLiteral("-shm"));
        VerifyInfo v = info.value();
        v.bytes = QFileInfo(finalPath).size();
        return v;
    }();
    removeWithSidecars(stagingPath);
    if (!result)
        qCWarning(lcDb) << "snapshot refused:" << result.error().message;
    return result;
}

} // namespace vigia::db
