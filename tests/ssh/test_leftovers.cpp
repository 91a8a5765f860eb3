// What a half-open connection leaves on the server, against the sandbox's real sshd behind a
// relay that goes silent: the reconnect of the same client ends it, and nothing else.
#include "ProcessTree.h"
#include "Sandbox.h"
#include "SandboxSession.h"
#include "SilentRelay.h"
#include "core/ShellQuote.h"
#include "ssh/RemoteWrapper.h"
#include "ssh/SshConnection.h"

#include <QFile>
#include <QTcpSocket>
#include <QSignalSpy>
#include <QtTest>

#include <memory>

using namespace vigia;
using namespace vigia::ssh;

namespace {

// Processes on this machine (the sandbox's sshd is local) whose command line contains pattern.
int countEverywhere(const QString &pattern)
{
    int n = 0;
    for (const qint64 pid : test::proc::allPids())
        if (pid != QCoreApplication::applicationPid() && test::proc::commandLine(pid).contains(pattern))
            ++n;
    return n;
}

// Processes whose command line is exactly line: the command itself, not a shell around it.
int countExactly(const QString &line)
{
    int n = 0;
    for (const qint64 pid : test::proc::allPids())
        if (test::proc::commandLine(pid).trimmed() == line)
            ++n;
    return n;
}

} // namespace

class TestLeftovers : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void wrapperKeepsExitStatusAndStreams();
    void hostileTagIsNotRecorded();
    void reconnectEndsWhatTheSilentConnectionLeft();

private:
    std::unique_ptr<SshConnection> connectTo(SshTarget t);
    SshTarget viaRelay(const test::SilentRelay &relay) const;

    test::Sandbox m_sb;
    QTemporaryDir m_tmp;
    QString m_knownHosts;
};

void TestLeftovers::initTestCase()
{
    QVERIFY(m_tmp.isValid());
    QVERIFY2(m_sb.start(), qPrintable(m_sb.errorString()));
    // The relay's port needs its own known_hosts line for the same key.
    QFile in(m_sb.knownHostsPath());
    QVERIFY(in.open(QIODevice::ReadOnly));
    m_knownHosts = QString::fromUtf8(in.readAll());
}

void TestLeftovers::cleanupTestCase()
{
    m_sb.stop();
}

std::unique_ptr<SshConnection> TestLeftovers::connectTo(SshTarget t)
{
    return test::openConnection(t);
}

SshTarget TestLeftovers::viaRelay(const test::SilentRelay &relay) const
{
    SshTarget t = m_sb.target();
    const QString path = m_tmp.filePath(QStringLiteral("known_hosts_%1").arg(relay.port()));
    QFile out(path);
    if (out.open(QIODevice::WriteOnly))
        out.write(QString(m_knownHosts)
                      .replace(QStringLiteral("]:%1 ").arg(m_sb.sshPort()), QStringLiteral("]:%1 ").arg(relay.port()))
                      .toUtf8());
    t.port = relay.port();
    t.knownHostsPath = path;
    t.keepaliveIntervalMs = 1000;
    return t;
}

void TestLeftovers::wrapperKeepsExitStatusAndStreams()
{
    SshTarget t = m_sb.target();
    t.clientTag = RemoteWrapper::newId();
    auto c = connectTo(t);
    QVERIFY(c);
    // The login shell was probed first (the sandbox user's is a POSIX one).
    QCOMPARE(int(c->shellKind()), int(ShellKind::Posix));
    QByteArray out, err;
    std::optional<ExitInfo> exit;
    SshChannel *ch = c->exec(buildCommandLine({QStringLiteral("sh"), QStringLiteral("-c"),
                                               QStringLiteral("echo out; echo err >&2; exit 7")}));
    connect(ch, &SshChannel::stdoutReady, this, [&](const QByteArray &b) { out += b; });
    connect(ch, &SshChannel::stderrReady, this, [&](const QByteArray &b) { err += b; });
    connect(ch, &SshChannel::finished, this, [&](const ExitInfo &e) { exit = e; });
    QTRY_VERIFY_WITH_TIMEOUT(exit.has_value(), 15000);
    QCOMPARE(out, QByteArray("out\n"));
    QCOMPARE(err, QByteArray("err\n"));
    QCOMPARE(exit->exitCode.value_or(-1), 7);
}

void TestLeftovers::hostileTagIsNotRecorded()
{
    // Tags reach a shell; only the generated hex form is ever used.
    QVERIFY(RemoteWrapper::isValidId(RemoteWrapper::newId()));
    QVERIFY(!RemoteWrapper::isValidId(QStringLiteral("../../etc")));
    QVERIFY(!RemoteWrapper::isValidId(QStringLiteral("abc$(id)0123")));
    QVERIFY(RemoteWrapper::sweepCommand(QStringLiteral("x;rm -rf ~"), RemoteWrapper::newId()).isEmpty());
    const QString plain = RemoteWrapper::wrap(QStringLiteral("true"), false, QStringLiteral("'; reboot"),
                                              RemoteWrapper::newId());
    QVERIFY(!plain.contains(QStringLiteral("reboot")));
}

void TestLeftovers::reconnectEndsWhatTheSilentConnectionLeft()
{
    const QString tag = RemoteWrapper::newId();
    test::SilentRelay relay(m_sb.sshPort());
    QVERIFY(relay.listen());
    {
        // The relay itself: sshd's banner comes through.
        QTcpSocket probe;
        probe.connectToHost(QHostAddress::LocalHost, relay.port());
        QTRY_VERIFY_WITH_TIMEOUT(probe.bytesAvailable() > 0, 5000);
        QVERIFY(probe.readAll().startsWith("SSH-2.0-"));
    }
    SshTarget t = viaRelay(relay);
    t.clientTag = tag;
    auto first = connectTo(t);
    QVERIFY(first);
    const QString oldId = first->target().connectionId;
    QVERIFY(RemoteWrapper::isValidId(oldId));
    first->exec(buildCommandLine({QStringLiteral("sleep"), QStringLiteral("297")}));
    first->exec(buildCommandLine({QStringLiteral("sh"), QStringLiteral("-c"), QStringLiteral("sleep 296; true")}));

    // Another client of the same user (another window, another machine): never touched.
    SshTarget other = m_sb.target();
    other.clientTag = RemoteWrapper::newId();
    auto bystander = connectTo(other);
    QVERIFY(bystander);
    bystander->exec(buildCommandLine({QStringLiteral("sleep"), QStringLiteral("298")}));
    QTRY_COMPARE_WITH_TIMEOUT(countExactly(QStringLiteral("sleep 297")), 1, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(countExactly(QStringLiteral("sleep 296")) >= 1, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(countExactly(QStringLiteral("sleep 298")), 1, 10000);

    // The network goes silent: the client gives up, sshd does not notice.
    QSignalSpy lost(first.get(), &SshConnection::lost);
    relay.freeze();
    QTRY_COMPARE_WITH_TIMEOUT(lost.count(), 1, 15000);
    QTest::qWait(1000);
    QCOMPARE(countExactly(QStringLiteral("sleep 297")), 1); // still running: the leftover
    QVERIFY(countEverywhere(oldId) > 0);

    // The reconnect, with the same tag, ends the old connection's processes.
    auto second = std::make_unique<SshConnection>();
    QSignalSpy ended(second.get(), &SshConnection::leftoversEnded);
    QSignalSpy ok(second.get(), &SshConnection::connected);
    second->open(t);
    QTRY_COMPARE_WITH_TIMEOUT(ok.count(), 1, 20000);
    QTRY_COMPARE_WITH_TIMEOUT(ended.count(), 1, 20000);
    QCOMPARE(ended.first().first().toInt(), 2);
    QTRY_COMPARE_WITH_TIMEOUT(countExactly(QStringLiteral("sleep 297")), 0, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(countExactly(QStringLiteral("sleep 296")), 0, 10000);
    // Nothing of the old connection's channels is left: no wrapper, no watcher.
    QTRY_COMPARE_WITH_TIMEOUT(countEverywhere(oldId), 0, 10000);
    QCOMPARE(countExactly(QStringLiteral("sleep 298")), 1);

    // The new connection's own commands run and are recorded as its own.
    second->exec(buildCommandLine({QStringLiteral("sleep"), QStringLiteral("299")}));
    QTRY_COMPARE_WITH_TIMEOUT(countExactly(QStringLiteral("sleep 299")), 1, 10000);
    QVERIFY(countEverywhere(second->target().connectionId) > 0);
    second.reset();
    bystander.reset();
    QTRY_COMPARE_WITH_TIMEOUT(countExactly(QStringLiteral("sleep 299")), 0, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(countExactly(QStringLiteral("sleep 298")), 0, 10000);
    relay.cut();
}

QTEST_GUILESS_MAIN(TestLeftovers)
#include "test_leftovers.moc"
