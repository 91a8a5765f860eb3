// Which command reads K3s's own log, from recorded probe outcomes: every fallback
// step (journal readable, journal empty for this user, sudo refused, the file, nothing
// works), so a regression in the order or in what counts as "readable" shows here.
#include "logs/ServerLogSource.h"

#include <QTest>

using namespace vigia;
using namespace vigia::logs;

namespace {

ServerLogProbe ok(const QByteArray &out)
{
    ServerLogProbe p;
    p.exit.exitCode = 0;
    p.out = out;
    return p;
}

ServerLogProbe failed(int code, const QByteArray &err)
{
    ServerLogProbe p;
    p.exit.exitCode = code;
    p.err = err;
    return p;
}

const QByteArray kJournalLine = "2026-11-27T07:48:27+0000 vps k3s[812]: I1127 apiserver ready\n";

} // namespace

class TestServerLogSource : public QObject {
    Q_OBJECT
private slots:
    void theWaysInOrder()
    {
        const QList<ServerLogCandidate> c = ServerLogSource::candidates(500);
        QCOMPARE(c.size(), 3);
        QCOMPARE(c.at(0).probeArgv, QStringList({"journalctl", "-u", "k3s", "-q", "--no-pager", "-o", "short-iso",
                                                 "-n", "1"}));
        QCOMPARE(c.at(0).streamArgv, QStringList({"journalctl", "-u", "k3s", "-q", "--no-pager", "-o", "short-iso",
                                                  "-n", "500", "-f"}));
        QCOMPARE(c.at(1).probeArgv.mid(0, 3), QStringList({"sudo", "-n", "journalctl"}));
        QCOMPARE(c.at(1).streamArgv.last(), QStringLiteral("-f"));
        QCOMPARE(c.at(2).probeArgv, QStringList({"tail", "-n", "1", "/var/log/k3s.log"}));
        QCOMPARE(c.at(2).streamArgv, QStringList({"tail", "-n", "500", "-F", "/var/log/k3s.log"}));
        // All of it: journalctl's "all", tail's "+1".
        const QList<ServerLogCandidate> all = ServerLogSource::candidates(-1);
        QVERIFY(all.at(0).streamArgv.contains(QStringLiteral("all")));
        QCOMPARE(all.at(2).streamArgv.at(2), QStringLiteral("+1"));
    }

    void journalReadableIsFollowedAtOnce()
    {
        ServerLogSource s(100);
        QCOMPARE(s.current()->what, QStringLiteral("journalctl -u k3s"));
        QVERIFY(s.recordProbe(ok(kJournalLine)));
        QCOMPARE(s.current()->what, QStringLiteral("journalctl -u k3s")); // stays: that is the one to follow
        QVERIFY(s.problems().isEmpty());
    }

    // journalctl exits 0 and prints nothing when the user is not in systemd-journal.
    void emptyJournalFallsToSudo()
    {
        ServerLogSource s(100);
        QVERIFY(!s.recordProbe(ok("\n")));
        QCOMPARE(s.current()->what, QStringLiteral("sudo -n journalctl -u k3s"));
        QCOMPARE(s.problems(), QStringList{"journalctl -u k3s: no k3s entries visible to this user"});
        QVERIFY(s.recordProbe(ok(kJournalLine)));
    }

    void sudoRefusedFallsToTheFile()
    {
        ServerLogSource s(100);
        QVERIFY(!s.recordProbe(failed(1, "No journal files were found.\n-- more detail\n")));
        QVERIFY(!s.recordProbe(failed(1, "sudo: a password is required\n")));
        QCOMPARE(s.current()->what, QStringLiteral("/var/log/k3s.log"));
        // An empty file still is the log: tail's success is proof enough.
        QVERIFY(s.recordProbe(ok(QByteArray())));
        QCOMPARE(s.problems(),
                 QStringList({"journalctl -u k3s: No journal files were found.",
                              "sudo -n journalctl -u k3s: sudo: a password is required"}));
    }

    void nothingWorksSaysWhyForEachWay()
    {
        ServerLogSource s(100);
        ServerLogProbe notStarted;
        notStarted.started = false;
        QVERIFY(!s.recordProbe(notStarted));
        ServerLogProbe lost;
        lost.exit.error = makeError(QStringLiteral("The connection was lost."));
        QVERIFY(!s.recordProbe(lost));
        QVERIFY(!s.exhausted());
        QVERIFY(!s.recordProbe(failed(1, QByteArray())));
        QVERIFY(s.exhausted());
        QVERIFY(s.current() == nullptr);
        QCOMPARE(s.problems(), QStringList({"journalctl -u k3s: the command could not be started",
                                            "sudo -n journalctl -u k3s: The connection was lost.",
                                            "/var/log/k3s.log: exit code 1"}));
        // Nothing is left to try: a late answer changes nothing.
        QVERIFY(!s.recordProbe(ok(kJournalLine)));
        QCOMPARE(s.problems().size(), 3);
        QVERIFY(ServerLogSource::fixAdvice().contains(QStringLiteral("systemd-journal")));
    }

    void timeoutIsNamed()
    {
        ServerLogSource s(100);
        ServerLogProbe slow;
        slow.exit.timedOut = true;
        QVERIFY(!s.recordProbe(slow));
        QCOMPARE(s.problems(), QStringList{"journalctl -u k3s: no answer in time"});
    }
};

QTEST_GUILESS_MAIN(TestServerLogSource)
#include "test_server_log_source.moc"
