// Snapshots through the real transport: the sandbox's sshd, its simulated
// K3s (PVC discovery through real kubectl) and its live WAL databases, with
// the dbgen writer inserting a row every 10 ms.
#include "Sandbox.h"
#include "SandboxSession.h"
#include "db/CommandRunner.h"
#include "db/DbDiscovery.h"
#include "db/SnapshotJob.h"
#include "remote/KubectlRunner.h"
#include "ssh/SshConnection.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

using namespace vigia;
using namespace vigia::db;

namespace {
QString scalar(const QString &path, const char *sql)
{
    sqlite3 *h = nullptr;
    QString v = QStringLiteral("<error>");
    if (sqlite3_open_v2(QFile::encodeName(path).constData(), &h, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
        sqlite3_stmt *st = nullptr;
        if (sqlite3_prepare_v2(h, sql, -1, &st, nullptr) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
            v = QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(st, 0)));
        sqlite3_finalize(st);
    }
    sqlite3_close(h);
    return v;
}

SnapshotOutcome runJob(SnapshotJob &job, const SnapshotRequest &req)
{
    QSignalSpy spy(&job, &SnapshotJob::finished);
    job.start(req);
    if (!spy.wait(120000)) {
        SnapshotOutcome o;
        o.error = makeError(QStringLiteral("timeout in test"));
        return o;
    }
    return spy.first().at(1).value<SnapshotOutcome>();
}
} // namespace

class TestDbSandbox : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QVERIFY2(m_sb.start(QStringLiteral("joledev"), {QStringLiteral("--writer"), QStringLiteral("--db-rows"), QStringLiteral("5000")}),
                 qPrintable(m_sb.errorString()));
        m_session = test::SandboxSession::open(m_sb);
        QVERIFY2(m_session, qPrintable(m_session.error));
        m_conn = m_session.conn.get();
        m_runner = std::make_unique<SshCommandRunner>(m_conn);
    }

    void discoversTheDatabases()
    {
        remote::KubectlRunner &kubectl = *m_session.runner;
        DbDiscoveryJob job(&kubectl, m_runner.get());
        QSignalSpy done(&job, &DbDiscoveryJob::finished);
        job.start(m_sb.storageRoot(), false, {QStringLiteral("joledev")});
        QVERIFY(done.wait(60000));
        const auto o = done.first().first().value<DiscoveryOutcome>();
        QVERIFY2(o.ok, qPrintable(o.error.toString()));
        const DiscoveredDatabases *r = &o.found;
        QVERIFY2(r->appointmentsPath.endsWith(QStringLiteral("/scheduler.db")), qPrintable(r->files.join(QLatin1Char(' '))));
        QVERIFY(r->quotesPath.endsWith(QStringLiteral("/quoter.db")));
        QVERIFY(r->appointmentsPath.startsWith(m_sb.storageRoot()));
        m_scheduler = r->appointmentsPath;
    }

    // The test: 20 snapshots while the writer inserts every 10 ms.
    void twentyConsistentSnapshotsOverSsh()
    {
        QVERIFY(!m_scheduler.isEmpty());
        QTemporaryDir cacheDir;
        SnapshotJob job(m_runner.get(), SnapshotCache(QStringLiteral("sandbox"), cacheDir.path()));
        SnapshotRequest req;
        req.remotePath = m_scheduler;
        qint64 previous = -1;
        int grew = 0;
        for (int i = 0; i < 20; ++i) {
            const SnapshotOutcome o = runJob(job, req);
            QVERIFY2(o.ok, qPrintable(QStringLiteral("snapshot %1: %2").arg(i).arg(o.error.toString())));
            QCOMPARE(o.info.method, QStringLiteral("vacuum-into"));
            QCOMPARE(scalar(o.info.localPath, "PRAGMA quick_check"), QStringLiteral("ok"));
            const QString n = scalar(o.info.localPath, "SELECT value FROM counters WHERE name='appointments'");
            QCOMPARE(n, scalar(o.info.localPath, "SELECT count(*) FROM appointments"));
            grew += n.toLongLong() > previous ? 1 : 0;
            QVERIFY(n.toLongLong() >= previous);
            previous = n.toLongLong();
        }
        QVERIFY2(grew >= 15, "the writer kept writing between snapshots");
        QByteArray leftovers;
        m_sb.runSsh(QStringLiteral("ls \"${TMPDIR:-/tmp}\" | grep -c vigia-snap || true"), &leftovers);
        QCOMPARE(leftovers.trimmed(), QByteArray("0"));
    }

    void copyFallbackOverSsh()
    {
        QTemporaryDir cacheDir;
        SnapshotJob job(m_runner.get(), SnapshotCache(QStringLiteral("sandbox"), cacheDir.path()));
        SnapshotRequest req;
        req.remotePath = m_scheduler;
        req.method = SnapshotMethod::Copy;
        for (int i = 0; i < 3; ++i) {
            const SnapshotOutcome o = runJob(job, req);
            QVERIFY2(o.ok, qPrintable(o.error.toString()));
            QCOMPARE(o.info.method, QStringLiteral("copy"));
            QCOMPARE(scalar(o.info.localPath, "SELECT value FROM counters WHERE name='appointments'"),
                     scalar(o.info.localPath, "SELECT count(*) FROM appointments"));
        }
    }

    // A server without sqlite3 in PATH: Auto falls back to copying db + -wal.
    void fallbackWhenServerHasNoSqlite3()
    {
        test::Sandbox bare;
        QVERIFY2(bare.start(QStringLiteral("joledev"), {QStringLiteral("--writer"), QStringLiteral("--hide"), QStringLiteral("sqlite3")}),
                 qPrintable(bare.errorString()));
        ssh::SshConnection conn;
        QSignalSpy ok(&conn, &ssh::SshConnection::connected);
        QSignalSpy failed(&conn, &ssh::SshConnection::failed);
        conn.open(bare.target());
        QVERIFY(QTest::qWaitFor([&] { return ok.count() + failed.count() > 0; }, 20000));
        QVERIFY(failed.isEmpty());
        QByteArray which;
        bare.runSsh(QStringLiteral("command -v sqlite3 || echo none"), &which);
        QCOMPARE(which.trimmed(), QByteArray("none"));
        SshCommandRunner runner(&conn);
        QTemporaryDir cacheDir;
        SnapshotJob job(&runner, SnapshotCache(QStringLiteral("bare"), cacheDir.path()));
        SnapshotRequest req;
        req.remotePath = m_scheduler;
        req.remotePath.replace(m_sb.storageRoot(), bare.storageRoot());
        const SnapshotOutcome o = runJob(job, req);
        QVERIFY2(o.ok, qPrintable(o.error.toString()));
        QCOMPARE(o.info.method, QStringLiteral("copy"));
        QCOMPARE(scalar(o.info.localPath, "PRAGMA quick_check"), QStringLiteral("ok"));
        QCOMPARE(scalar(o.info.localPath, "SELECT value FROM counters WHERE name='appointments'"),
                 scalar(o.info.localPath, "SELECT count(*) FROM appointments"));
        bare.stop();
    }

    void hostileAndMissingPathsOverSsh()
    {
        QTemporaryDir cacheDir;
        SnapshotJob job(m_runner.get(), SnapshotCache(QStringLiteral("sandbox"), cacheDir.path()));
        SnapshotRequest req;
        req.remotePath = m_sb.storageRoot() + QStringLiteral("/it's \"not\" $(here).db");
        const SnapshotOutcome o = runJob(job, req);
        QVERIFY(!o.ok);
        QCOMPARE(o.error.code, QStringLiteral("db.not-found"));
    }

    void cleanupTestCase()
    {
        m_runner.reset();
        m_conn = nullptr;
        m_session = {};
        m_sb.stop();
    }

private:
    test::Sandbox m_sb;
    test::SandboxSession m_session; // the connection, kubectl detected once
    ssh::SshConnection *m_conn = nullptr;
    std::unique_ptr<SshCommandRunner> m_runner;
    QString m_scheduler;
};

QTEST_GUILESS_MAIN(TestDbSandbox)
#include "test_db_sandbox.moc"
