// A snapshot cut off mid-way leaves no copy of the database on the server: the one remote
// script that copies and sends it removes its temporary folder on TERM, HUP and EXIT. Against the
// sandbox's real sshd and the real sqlite3.
#include "Sandbox.h"
#include "db/SnapshotPlanner.h"
#include "ssh/SshConnection.h"

#include <QDir>
#include <QProcess>
#include <QSignalSpy>
#include <QtTest>

#include <sqlite3.h>

using namespace vigia;
using db::SnapshotPlanner;

class TestSnapshotTrap : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QVERIFY2(m_sb.start(), qPrintable(m_sb.errorString()));
        // A database big enough that the copy is still streaming when the cancel comes.
        m_db = m_sb.dir() + QStringLiteral("/big.db");
        sqlite3 *h = nullptr;
        QCOMPARE(sqlite3_open(m_db.toUtf8().constData(), &h), SQLITE_OK);
        QCOMPARE(sqlite3_exec(h,
                              "PRAGMA journal_mode=WAL; CREATE TABLE t(b BLOB);"
                              "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i+1 FROM n WHERE i<6000) "
                              "INSERT INTO t SELECT randomblob(16384) FROM n;",
                              nullptr, nullptr, nullptr),
                 SQLITE_OK);
        m_keepOpen = h; // the app has it open: the VACUUM path, not the copy
        QSignalSpy ok(&m_conn, &ssh::SshConnection::connected);
        m_conn.open(m_sb.target());
        QTRY_COMPARE_WITH_TIMEOUT(ok.count(), 1, 20000);
    }
    void cleanupTestCase()
    {
        sqlite3_close(m_keepOpen);
        m_sb.stop();
    }

    void cancelMidCopyLeavesNoFolder()
    {
        const QString dir = makeTempDir();
        QVERIFY(QDir(dir).exists());
        ssh::SshChannel *ch = m_conn.exec(
            SnapshotPlanner::vacuumCommand(m_db, SnapshotPlanner::snapshotFileIn(dir), false));
        qint64 received = 0;
        bool finished = false;
        connect(ch, &ssh::SshChannel::stdoutReady, this, [&](const QByteArray &b) { received += b.size(); });
        connect(ch, &ssh::SshChannel::finished, this, [&] { finished = true; });
        // Cancelled once the copy is on its way: the channel closes, the watcher sends TERM.
        QTRY_VERIFY_WITH_TIMEOUT(received > 0 || finished, 30000);
        QVERIFY2(!finished, "the copy finished before it could be cut off");
        ch->cancel();
        if (!QTest::qWaitFor([&] { return !QDir(dir).exists(); }, 10000)) {
            QProcess ps;
            ps.start(QStringLiteral("sh"), {QStringLiteral("-c"), QStringLiteral("ps -eo pid,args | grep -E 'sqlite3|cat --'; ls -la ") + dir});
            ps.waitForFinished();
            qWarning().noquote() << ps.readAll();
        }
        QVERIFY(!QDir(dir).exists());
    }

    void completedCopyRemovesItsFolder()
    {
        const QString dir = makeTempDir();
        ssh::SshChannel *ch = m_conn.exec(
            SnapshotPlanner::vacuumCommand(m_db, SnapshotPlanner::snapshotFileIn(dir), false));
        qint64 received = 0;
        std::optional<ssh::ExitInfo> exit;
        connect(ch, &ssh::SshChannel::stdoutReady, this, [&](const QByteArray &b) { received += b.size(); });
        connect(ch, &ssh::SshChannel::finished, this, [&](const ssh::ExitInfo &e) { exit = e; });
        QTRY_VERIFY_WITH_TIMEOUT(exit.has_value(), 60000);
        QVERIFY(exit->success());
        QVERIFY(received > 6000LL * 16384);
        QVERIFY(!QDir(dir).exists());
    }

    void refusesAFolderThatIsNotASnapshotOne()
    {
        // The script removes only a vigia-snap.* folder, whatever it is given.
        const QString other = m_sb.dir() + QStringLiteral("/precious");
        QVERIFY(QDir().mkpath(other));
        ssh::SshChannel *ch =
            m_conn.exec(SnapshotPlanner::vacuumCommand(m_db, other + QStringLiteral("/snapshot.db"), false));
        std::optional<ssh::ExitInfo> exit;
        connect(ch, &ssh::SshChannel::finished, this, [&](const ssh::ExitInfo &e) { exit = e; });
        QTRY_VERIFY_WITH_TIMEOUT(exit.has_value(), 20000);
        QVERIFY(!exit->success());
        QVERIFY(QDir(other).exists());
    }

private:
    QString makeTempDir()
    {
        ssh::SshChannel *ch = m_conn.exec(SnapshotPlanner::tempDirCommand());
        QByteArray out;
        bool done = false;
        connect(ch, &ssh::SshChannel::stdoutReady, this, [&](const QByteArray &b) { out += b; });
        connect(ch, &ssh::SshChannel::finished, this, [&] { done = true; });
        if (!QTest::qWaitFor([&] { return done; }, 20000))
            return {};
        const Result<QString> dir = SnapshotPlanner::parseTempDir(out);
        return dir ? dir.value() : QString();
    }

    test::Sandbox m_sb;
    ssh::SshConnection m_conn;
    QString m_db;
    sqlite3 *m_keepOpen = nullptr;
};

QTEST_GUILESS_MAIN(TestSnapshotTrap)
#include "test_snapshot_trap.moc"
