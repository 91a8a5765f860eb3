#include "SnapshotFaults.h"

#include "db/SnapshotJob.h"

#include <QDir>
#include <functional>
#include <QDirIterator>
#include <QFile>
#include <QProcess>
#include <QScopeGuard>
#include <QTemporaryDir>

#include <csignal>
#include <sqlite3.h>

namespace vigia::faults {

namespace {

QString scalar(const QString &path, const char *sql, int flags = SQLITE_OPEN_READONLY)
{
    sqlite3 *h = nullptr;
    QString v = QStringLiteral("<error>");
    if (sqlite3_open_v2(QFile::encodeName(path).constData(), &h, flags, nullptr) == SQLITE_OK) {
        sqlite3_busy_timeout(h, 5000);
        sqlite3_stmt *st = nullptr;
        if (sqlite3_prepare_v2(h, sql, -1, &st, nullptr) == SQLITE_OK) {
            const int rc = sqlite3_step(st);
            if (rc == SQLITE_ROW)
                v = QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(st, 0)));
            else if (rc == SQLITE_DONE)
                v = QString();
        }
        sqlite3_finalize(st);
    }
    sqlite3_close(h);
    return v;
}

QStringList filesBeside(const QString &db)
{
    return QDir(QFileInfo(db).path()).entryList(QDir::Files, QDir::Name);
}

// One snapshot of db through the Session's command runner into cacheDir; onStage sees each
// stage as it starts (1 = the probe). nullopt when it never finished.
std::optional<db::SnapshotOutcome> takeSnapshot(session::Session &s, const QString &db, const QString &cacheDir,
                                                const std::function<void(int)> &onStage = {})
{
    db::SnapshotJob job(s.commandRunner(), db::SnapshotCache(QStringLiteral("faults"), cacheDir));
    std::optional<db::SnapshotOutcome> outcome;
    QObject::connect(&job, &db::SnapshotJob::finished, &job,
                     [&](quint64, const db::SnapshotOutcome &o) { outcome = o; });
    int stages = 0;
    QObject::connect(&job, &db::SnapshotJob::stageChanged, &job, [&](quint64, const QString &) {
        if (onStage)
            onStage(++stages);
    });
    db::SnapshotRequest req;
    req.remotePath = db;
    job.start(req);
    waitFor([&] { return outcome.has_value(); }, 120000);
    return outcome;
}

} // namespace

FaultReport dbAppStoppedDuringSnapshot(FaultHarness &h)
{
    FaultReport r;
    r.name = QStringLiteral("db_app_stopped_during_snapshot");
    r.lostUnit = QStringLiteral("rows");
    const QString db = h.schedulerDatabase();
    QString err;
    auto s = h.connect(h.sandbox().target(), &err);
    if (db.isEmpty() || s->phase() != session::Session::Phase::Connected || !s->commandRunner()) {
        r.why = QStringLiteral("could not start: ") + (db.isEmpty() ? QStringLiteral("no scheduler.db") : err);
        return r;
    }
    const QStringList before = filesBeside(db);
    QTemporaryDir cache;
    // The writer is the scheduler app: it dies (OOM kill, crash) while the snapshot runs, once
    // the probe has found it running (its -wal and -shm there) and the copy begins.
    const qint64 writer = h.sandbox().info().value(QStringLiteral("writer_pid")).toVariant().toLongLong();
    QElapsedTimer t;
    t.start();
    const std::optional<db::SnapshotOutcome> outcome = takeSnapshot(*s, db, cache.path(), [&](int stage) {
        if (stage == 2 && writer > 0)
            ::kill(pid_t(writer), SIGKILL);
    });
    QElapsedTimer sinceEnd;
    sinceEnd.start();
    if (!outcome) {
        r.why = QStringLiteral("the snapshot never finished");
        return r;
    }
    r.message = outcome->ok ? QStringLiteral("snapshot taken (%1)").arg(outcome->info.method) : outcome->error.toString();
    r.recoveredSec = double(t.elapsed()) / 1000.0;
    // The copy is consistent: its counter matches its rows (lost = the difference).
    if (outcome->ok) {
        const QString local = outcome->info.localPath;
        const qint64 counter = scalar(local, "SELECT value FROM counters WHERE name='appointments'").toLongLong();
        const qint64 rows = scalar(local, "SELECT count(*) FROM appointments").toLongLong();
        r.lost = std::abs(counter - rows);
        if (scalar(local, "PRAGMA quick_check") != QLatin1String("ok"))
            r.why = QStringLiteral("the copy fails quick_check");
    }
    // Nothing new beside the live file (looked at before this tool opens it itself: the last
    // connection to close a WAL database removes its -wal and -shm).
    const QStringList after = filesBeside(db);
    // The live database: intact, and its owner can still write.
    const QString check = scalar(db, "PRAGMA quick_check", SQLITE_OPEN_READWRITE);
    const QString write = scalar(db, "UPDATE counters SET value = value WHERE name='appointments'", SQLITE_OPEN_READWRITE);
    s.reset();
    const int left = h.remoteKubectlAfter(8000);
    const int folders = QDir(QDir::tempPath()).entryList({QStringLiteral("vigia-snap.*")}, QDir::Dirs).size();
    if (!r.why.isEmpty()) {
    } else if (!outcome->ok) {
        r.why = QStringLiteral("the snapshot failed: ") + outcome->error.message;
    } else if (check != QLatin1String("ok")) {
        r.why = QStringLiteral("the live database fails quick_check: ") + check;
    } else if (!write.isEmpty()) {
        r.why = QStringLiteral("its owner cannot write: ") + write;
    } else if (after != before) {
        r.why = QStringLiteral("files beside the database changed: %1 -> %2").arg(before.join(QLatin1Char(',')),
                                                                                 after.join(QLatin1Char(',')));
    } else if (r.lost != 0) {
        r.why = QStringLiteral("the copy is inconsistent");
    } else if (left != 0 || folders != 0) {
        r.why = QStringLiteral("%1 kubectl processes and %2 snapshot folders left").arg(left).arg(folders);
    }
    r.survived = r.why.isEmpty();
    return r;
}

FaultReport tmpFullDuringSnapshot(FaultHarness &)
{
    FaultReport r;
    r.name = QStringLiteral("tmp_full_during_snapshot");
    r.lostUnit = QStringLiteral("rows");
    QTemporaryDir base;
    const QString tmp = base.filePath(QStringLiteral("small-tmp"));
    QDir().mkpath(tmp);
    QProcess mount;
    mount.start(QStringLiteral("mount"), {QStringLiteral("-t"), QStringLiteral("tmpfs"), QStringLiteral("-o"),
                                          QStringLiteral("size=256k,mode=1777"), QStringLiteral("tmpfs"), tmp});
    if (!mount.waitForFinished(10000) || mount.exitCode() != 0) {
        r.why = QStringLiteral("could not mount a small filesystem: ") +
                QString::fromUtf8(mount.readAllStandardError()).trimmed();
        return r;
    }
    auto unmount = qScopeGuard([&] { QProcess::execute(QStringLiteral("umount"), {QStringLiteral("-l"), tmp}); });
    test::Sandbox own;
    if (!own.start(QStringLiteral("joledev"), {QStringLiteral("--writer"), QStringLiteral("--tmpdir"), tmp})) {
        r.why = QStringLiteral("its sandbox did not start: ") + own.errorString();
        return r;
    }
    FaultHarness h(own);
    const QString db = h.schedulerDatabase();
    QString err;
    auto s = h.connect(own.target(), &err);
    if (db.isEmpty() || s->phase() != session::Session::Phase::Connected || !s->commandRunner()) {
        r.why = QStringLiteral("could not start: ") + (db.isEmpty() ? QStringLiteral("no scheduler.db") : err);
        return r;
    }
    const QStringList before = filesBeside(db);
    QTemporaryDir cache;
    const std::optional<db::SnapshotOutcome> outcome = takeSnapshot(*s, db, cache.path());
    const QStringList after = filesBeside(db);
    if (!outcome) {
        r.why = QStringLiteral("the snapshot never finished");
        return r;
    }
    r.message = outcome->ok ? QStringLiteral("snapshot taken") : outcome->error.toString();
    pump(1000); // the cleanup of the refused copy's folder
    const int folders = QDir(tmp).entryList({QStringLiteral("vigia-snap.*")}, QDir::Dirs).size();
    const QString check = scalar(db, "PRAGMA quick_check", SQLITE_OPEN_READWRITE);
    s.reset();
    const int left = h.remoteKubectlAfter(8000);
    if (outcome->ok)
        r.why = QStringLiteral("a copy was written to a full temp folder");
    else if (outcome->error.code != QLatin1String("db.tmp-full") || outcome->error.hint.isEmpty())
        r.why = QStringLiteral("not the clear refusal: ") + outcome->error.code;
    else if (after != before)
        r.why = QStringLiteral("files beside the database changed");
    else if (check != QLatin1String("ok"))
        r.why = QStringLiteral("the live database fails quick_check");
    else if (folders != 0 || left != 0)
        r.why = QStringLiteral("%1 snapshot folders and %2 kubectl processes left").arg(folders).arg(left);
    r.survived = r.why.isEmpty();
    return r;
}

} // namespace vigia::faults
