// Database figures (issue 6): a snapshot of a large appointments database from
// its own sandbox (1,000,000 rows, about 100 MB; 100,000 with --quick), the time
// from Refresh to the first rows, and a search in the appointments view against
// the sqlite3 command line running the same query on the same local file.
#include "BenchRegistry.h"
#include "Sandbox.h"
#include "db/AppointmentModel.h"
#include "db/CommandRunner.h"
#include "db/SnapshotJob.h"
#include "db/SnapshotReader.h"
#include "db/TableBrowserModel.h"
#include "ssh/SshConnection.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QProcess>
#include <QTemporaryDir>
#include <QTimer>

using namespace vigia;
using namespace vigia::bench;

namespace {

struct BigDb {
    std::unique_ptr<test::Sandbox> sb;
    std::unique_ptr<ssh::SshConnection> conn;
    QString remotePath;
    QString localPath;
    double snapshotMs = 0;
    double firstRowsMs = 0;
    QTemporaryDir cache;
    bool ok = false;
};

bool waitFor(const std::function<bool()> &done, int timeoutMs)
{
    QElapsedTimer t;
    t.start();
    while (!done() && t.elapsed() < timeoutMs) {
        QEventLoop loop;
        QTimer::singleShot(20, &loop, &QEventLoop::quit);
        loop.exec();
    }
    return done();
}

// Built once per run: both db_snapshot_1m and db_first_rows come from the same Refresh.
BigDb &bigDb(Context &ctx)
{
    static BigDb db;
    if (db.sb)
        return db;
    const int rows = ctx.quick() ? 100000 : 1000000;
    db.sb = std::make_unique<test::Sandbox>();
    ctx.note(QStringLiteral("generating a %1-row scheduler database in a second sandbox…").arg(rows));
    if (!db.sb->start(QStringLiteral("joledev"), {QStringLiteral("--db-rows"), QString::number(rows)})) {
        ctx.note(QStringLiteral("sandbox failed: ") + db.sb->errorString());
        return db;
    }
    db.conn = std::make_unique<ssh::SshConnection>();
    bool connected = false, failed = false;
    QObject::connect(db.conn.get(), &ssh::SshConnection::connected, [&] { connected = true; });
    QObject::connect(db.conn.get(), &ssh::SshConnection::failed, [&] { failed = true; });
    db.conn->open(db.sb->target());
    if (!waitFor([&] { return connected || failed; }, 20000) || failed) {
        ctx.note(QStringLiteral("could not connect to the sandbox"));
        return db;
    }
    QByteArray found;
    db.sb->runSsh(QStringLiteral("find %1 -name scheduler.db").arg(db.sb->storageRoot()), &found);
    db.remotePath = QString::fromUtf8(found.trimmed().split('\n').value(0));
    db::SshCommandRunner runner(db.conn.get());
    db::SnapshotJob job(&runner, db::SnapshotCache(QStringLiteral("bench"), db.cache.path()));
    db::SnapshotOutcome outcome;
    bool finished = false;
    QObject::connect(&job, &db::SnapshotJob::finished, [&](quint64, const db::SnapshotOutcome &o) {
        outcome = o;
        finished = true;
    });
    QElapsedTimer t;
    t.start();
    db::SnapshotRequest req;
    req.remotePath = db.remotePath;
    job.start(req);
    if (!waitFor([&] { return finished; }, 600000) || !outcome.ok) {
        ctx.note(QStringLiteral("snapshot failed: ") + outcome.error.toString());
        return db;
    }
    db.snapshotMs = double(t.nsecsElapsed()) / 1e6;
    db::TableBrowserModel model;
    if (!model.openDatabase(outcome.info.localPath) || !model.setTable(QStringLiteral("appointments")))
        return db;
    model.fetchMore({});
    db.firstRowsMs = double(t.nsecsElapsed()) / 1e6;
    db.localPath = outcome.info.localPath;
    ctx.note(QStringLiteral("snapshot: %1 MB, %2 rows fetched of the table (one page), pages=%3")
                 .arg(double(outcome.info.bytes) / 1e6, 0, 'f', 1).arg(model.rowCount()).arg(model.pagesFetched()));
    db.ok = true;
    return db;
}

} // namespace

VIGIA_BENCH(db_snapshot_1m, "Refresh of a 1M-row appointments db over SSH: VACUUM INTO, download, verify")
{
    BigDb &db = bigDb(ctx);
    if (!db.ok)
        return false;
    ctx.report({QStringLiteral("db_snapshot_1m"), db.snapshotMs, QStringLiteral("ms"), std::nullopt, {}});
    return true;
}

VIGIA_BENCH(db_first_rows, "Refresh to the first rows of the table browser (lazy: one page)")
{
    BigDb &db = bigDb(ctx);
    if (!db.ok)
        return false;
    ctx.report({QStringLiteral("db_first_rows"), db.firstRowsMs, QStringLiteral("ms"), std::nullopt, {}});
    return true;
}

VIGIA_BENCH(db_search, "Search in the appointments view vs sqlite3 CLI on the same local file")
{
    BigDb &db = bigDb(ctx);
    if (!db.ok)
        return false;
    auto rows = db::SnapshotReader::appointments(db.localPath);
    if (!rows) {
        ctx.note(rows.error().toString());
        return false;
    }
    db::AppointmentModel model;
    model.setAppointments(rows.value());
    db::AppointmentFilterModel proxy;
    proxy.setSourceModel(&model);
    std::vector<double> ours;
    for (const QString &q : {QStringLiteral("peña"), QStringLiteral("lancha"), QStringLiteral("zúñiga")}) {
        QElapsedTimer t;
        t.start();
        proxy.setSearchText(q);
        (void)proxy.rowCount();
        ours.push_back(double(t.nsecsElapsed()) / 1e6);
        proxy.setSearchText({});
    }
    // The same search by the sqlite3 CLI over the same rows (the view holds up to 100,000).
    std::vector<double> cli;
    for (const char *q : {"peña", "lancha", "zúñiga"}) {
        const QString sql = QStringLiteral("SELECT count(*) FROM (SELECT * FROM appointments ORDER BY julianday(starts_at) LIMIT 100000) "
                                           "WHERE client_name LIKE '%%1%' OR client_email LIKE '%%1%' OR service LIKE '%%1%' OR notes LIKE '%%1%';")
                                .arg(QString::fromUtf8(q));
        QElapsedTimer t;
        t.start();
        QProcess p;
        p.start(QStringLiteral("sqlite3"), {QStringLiteral("-readonly"), db.localPath, sql});
        p.waitForFinished(60000);
        cli.push_back(double(t.nsecsElapsed()) / 1e6);
    }
    ctx.note(QStringLiteral("the appointments view holds %1 rows (its cap is 100,000)").arg(model.rowCount()));
    ctx.report({QStringLiteral("db_search"), median(ours), QStringLiteral("ms"), median(cli), QStringLiteral("sqlite3_cli")});
    return true;
}
