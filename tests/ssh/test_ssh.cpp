// The SSH transport against the sandbox's real OpenSSH sshd.
#include "ProcessTree.h"
#include "Sandbox.h"
#include "SandboxSession.h"
#include "remote/ShellQuote.h"
#include "ssh/Fingerprint.h"
#include "ssh/SshConnection.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QtTest>

#include <csignal>
#include <libssh2.h>
#include <memory>
#include <sys/resource.h>

using namespace vigia;
using namespace vigia::ssh;

namespace {

struct RunResult {
    QByteArray out;
    QByteArray err;
    ExitInfo exit;
    bool finished = false;
    int stdoutSignals = 0;
};

// Collects everything a channel reports. Owned by the test, so it outlives the channel.
struct Collector {
    RunResult r;
    void attach(SshChannel *ch)
    {
        QObject::connect(ch, &SshChannel::stdoutReady, ch, [this](const QByteArray &c) {
            r.out += c;
            ++r.stdoutSignals;
        });
        QObject::connect(ch, &SshChannel::stderrReady, ch, [this](const QByteArray &c) { r.err += c; });
        QObject::connect(ch, &SshChannel::finished, ch, [this](const ExitInfo &e) {
            QVERIFY2(!r.finished, "finished() must be emitted exactly once");
            r.exit = e;
            r.finished = true;
        });
    }
};

QString cmd(const QStringList &argv)
{
    return remote::buildCommandLine(argv);
}

// Every process on this machine whose command line contains the pattern. The
// sandbox's sshd is local, and a process orphaned by a failed kill is
// reparented away from sshd, where remoteProcessCount() would not see it.
int countEverywhere(const QString &pattern, bool exact = false)
{
    int n = 0;
    for (const qint64 pid : test::proc::allPids()) {
        if (pid == QCoreApplication::applicationPid())
            continue;
        const QString line = test::proc::commandLine(pid).trimmed();
        if (exact ? line == pattern : line.contains(pattern))
            ++n;
    }
    return n;
}

} // namespace

class TestSsh : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();

    void loginEd25519();
    void loginEcdsa();
    void passphraseRight();
    void passphraseWrongThenRight();
    void passphraseWrongThreeTimes();
    void passphraseSkipped();
    void agent();
    void rsaKeyGivesClearMessage();
    void unknownHostConnectOnce();
    void unknownHostTrustAndRemember();
    void staleHostKeyAnswerIsNotTrusted();
    void mismatchedHostKeyRefused();
    void refusedPort();
    void silentServerTimesOut();
    void recordedHostKeyTypeIsPreferred();

    void stderrAndExitCodes();
    void stdinData();
    void fiveConcurrentChannels();
    void moreChannelsThanTheCapAreQueued();
    void stream100MB();
    void timeoutEndsRemoteProcess();
    void cancelLeavesNoRemoteProcess();
    void cancelKubectlWatchLeavesNoRemoteProcess();
    void deletingTheHandleCancels();
    void destroyWhileRunningDoesNotHang();
    void idleConnectionStaysAliveWithoutSpinning();
    void silentPeerIsDetected();
    void sshdKilledMidCommand(); // last: it kills the sandbox's sshd

private:
    std::unique_ptr<SshConnection> connectWith(const SshTarget &t, const QString &passphrase = {});
    RunResult run(SshConnection &c, const QString &commandLine, const ExecOptions &o = {},
                  int timeoutMs = 30000);

    test::Sandbox m_sb;
    QTemporaryDir m_tmp;
};

void TestSsh::initTestCase()
{
    QVERIFY(m_tmp.isValid());
    QVERIFY2(m_sb.start(), qPrintable(m_sb.errorString()));
}

void TestSsh::cleanupTestCase()
{
    m_sb.stop();
}

std::unique_ptr<SshConnection> TestSsh::connectWith(const SshTarget &t, const QString &passphrase)
{
    return test::openConnection(t, passphrase);
}

RunResult TestSsh::run(SshConnection &c, const QString &commandLine, const ExecOptions &o, int timeoutMs)
{
    Collector col;
    SshChannel *ch = c.exec(commandLine, o);
    col.attach(ch);
    if (!QTest::qWaitFor([&] { return col.r.finished; }, timeoutMs))
        qWarning() << "command did not finish in time:" << commandLine;
    delete ch;
    return col.r;
}

void TestSsh::loginEd25519()
{
    auto c = connectWith(m_sb.target(QStringLiteral("ed25519")));
    QVERIFY(c);
    QCOMPARE(c->state(), SessionState::Connected);
    QVERIFY(!c->cipher().isEmpty());
    const RunResult r = run(*c, cmd({QStringLiteral("echo"), QStringLiteral("hello, wörld")}));
    QVERIFY(r.finished);
    QVERIFY2(r.exit.success(), qPrintable(r.exit.error ? r.exit.error->toString() : QString()));
    QCOMPARE(QString::fromUtf8(r.out), QStringLiteral("hello, wörld\n"));
    QCOMPARE(r.err, QByteArray());
}

void TestSsh::loginEcdsa()
{
    auto c = connectWith(m_sb.target(QStringLiteral("ecdsa")));
    QVERIFY(c);
    const RunResult r = run(*c, cmd({QStringLiteral("id"), QStringLiteral("-un")}));
    QVERIFY(r.exit.success());
    QCOMPARE(r.out.trimmed(), m_sb.user().toUtf8());
}

void TestSsh::passphraseRight()
{
    SshConnection c;
    QSignalSpy asked(&c, &SshConnection::passphraseRequired);
    QSignalSpy ok(&c, &SshConnection::connected);
    QSignalSpy failed(&c, &SshConnection::failed);
    connect(&c, &SshConnection::passphraseRequired, this,
            [&](const QString &file, bool) { c.answerPassphrase(file, m_sb.passphrase()); });
    c.open(m_sb.target(QStringLiteral("ed25519_passphrase")));
    QTRY_VERIFY_WITH_TIMEOUT(ok.count() + failed.count() > 0, 20000);
    QCOMPARE(failed.count(), 0);
    QCOMPARE(asked.count(), 1);
    QCOMPARE(asked.first().at(0).toString(), m_sb.keyPath(QStringLiteral("ed25519_passphrase")));
    QCOMPARE(asked.first().at(1).toBool(), false);
}

void TestSsh::passphraseWrongThenRight()
{
    SshConnection c;
    QSignalSpy asked(&c, &SshConnection::passphraseRequired);
    QSignalSpy ok(&c, &SshConnection::connected);
    QSignalSpy failed(&c, &SshConnection::failed);
    int n = 0;
    connect(&c, &SshConnection::passphraseRequired, this, [&](const QString &file, bool) {
        c.answerPassphrase(file, ++n == 1 ? QStringLiteral("not the passphrase") : m_sb.passphrase());
    });
    c.open(m_sb.target(QStringLiteral("ed25519_passphrase")));
    QTRY_VERIFY_WITH_TIMEOUT(ok.count() + failed.count() > 0, 20000);
    QCOMPARE(failed.count(), 0);
    QCOMPARE(asked.count(), 2);
    QCOMPARE(asked.at(1).at(1).toBool(), true); // "that was wrong, try again"
}

void TestSsh::passphraseWrongThreeTimes()
{
    SshConnection c;
    QSignalSpy asked(&c, &SshConnection::passphraseRequired);
    QSignalSpy ok(&c, &SshConnection::connected);
    QSignalSpy failed(&c, &SshConnection::failed);
    connect(&c, &SshConnection::passphraseRequired, this,
            [&](const QString &file, bool) { c.answerPassphrase(file, QStringLiteral("wrong")); });
    c.open(m_sb.target(QStringLiteral("ed25519_passphrase")));
    QTRY_VERIFY_WITH_TIMEOUT(ok.count() + failed.count() > 0, 20000);
    QCOMPARE(ok.count(), 0);
    QCOMPARE(asked.count(), 3);
    const Error e = failed.first().first().value<Error>();
    QCOMPARE(e.code, QStringLiteral("auth.failed"));
    QVERIFY2(e.message.contains(QLatin1String("wrong passphrase")), qPrintable(e.message));
    QCOMPARE(c.state(), SessionState::Failed);
}

void TestSsh::passphraseSkipped()
{
    SshConnection c;
    QSignalSpy failed(&c, &SshConnection::failed);
    connect(&c, &SshConnection::passphraseRequired, this,
            [&](const QString &file, bool) { c.answerPassphrase(file, std::nullopt); });
    c.open(m_sb.target(QStringLiteral("ed25519_passphrase")));
    QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 20000);
    QCOMPARE(failed.first().first().value<Error>().code, QStringLiteral("auth.failed"));
}

void TestSsh::agent()
{
    const QString sock = m_tmp.filePath(QStringLiteral("agent.sock"));
    QProcess agent;
    agent.start(QStringLiteral("ssh-agent"), {QStringLiteral("-D"), QStringLiteral("-a"), sock});
    QVERIFY(agent.waitForStarted(5000));
    QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(sock), 5000);
    const QByteArray oldSock = qgetenv("SSH_AUTH_SOCK");
    qputenv("SSH_AUTH_SOCK", sock.toLocal8Bit());
    auto restore = qScopeGuard([&] {
        if (oldSock.isEmpty())
            qunsetenv("SSH_AUTH_SOCK");
        else
            qputenv("SSH_AUTH_SOCK", oldSock);
        agent.terminate();
        agent.waitForFinished(3000);
    });
    QProcess add;
    add.start(QStringLiteral("ssh-add"), {m_sb.keyPath(QStringLiteral("ecdsa"))});
    QVERIFY(add.waitForFinished(10000));
    QCOMPARE(add.exitCode(), 0);

    SshTarget t = m_sb.target(QStringLiteral("ed25519"));
    t.identityFiles.clear(); // only the agent can log in
    t.useAgent = true;
    t.useDefaultIdentities = false;
    auto c = connectWith(t);
    QVERIFY2(c, "login through ssh-agent failed");
    QVERIFY(run(*c, cmd({QStringLiteral("true")})).exit.success());

    // Without the agent the same target has no key at all.
    t.useAgent = false;
    SshConnection none;
    QSignalSpy failed(&none, &SshConnection::failed);
    none.open(t);
    QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 20000);
    QCOMPARE(failed.first().first().value<Error>().code, QStringLiteral("auth.failed"));
}

void TestSsh::rsaKeyGivesClearMessage()
{
    SshConnection c;
    QSignalSpy ok(&c, &SshConnection::connected);
    QSignalSpy failed(&c, &SshConnection::failed);
    c.open(m_sb.target(QStringLiteral("rsa")));
    QTRY_VERIFY_WITH_TIMEOUT(ok.count() + failed.count() > 0, 20000);
#if LIBSSH2_VERSION_NUM < 0x010b00
    QCOMPARE(failed.count(), 1);
    const Error e = failed.first().first().value<Error>();
    QCOMPARE(e.code, QStringLiteral("auth.rsa-sha1"));
    QVERIFY2(e.message.contains(QLatin1String("libssh2 1.10 cannot sign with rsa-sha2-256/512")),
             qPrintable(e.message));
    QVERIFY(e.message.contains(QLatin1String("OpenSSH 8.8+")));
    QVERIFY(e.hint.contains(QLatin1String("ssh-keygen -t ed25519")));
    QVERIFY(e.hint.contains(QLatin1String("libssh2 1.11")));
#else
    QCOMPARE(ok.count(), 1); // 1.11 signs with rsa-sha2
#endif
}

void TestSsh::unknownHostConnectOnce()
{
    const QString kh = m_tmp.filePath(QStringLiteral("empty_known_hosts"));
    SshTarget t = m_sb.target(QStringLiteral("ed25519"));
    t.knownHostsPath = kh;
    SshConnection c;
    QSignalSpy unknown(&c, &SshConnection::hostKeyUnknown);
    QSignalSpy ok(&c, &SshConnection::connected);
    QSignalSpy states(&c, &SshConnection::stateChanged);
    connect(&c, &SshConnection::hostKeyUnknown, this, [&] { c.answerHostKey(HostKeyDecision::ConnectOnce); });
    c.open(t);
    QTRY_COMPARE_WITH_TIMEOUT(ok.count(), 1, 20000);
    QCOMPARE(unknown.count(), 1);
    const HostKeyInfo info = unknown.first().first().value<HostKeyInfo>();
    QCOMPARE(info.host, QStringLiteral("[%1]:%2").arg(m_sb.host()).arg(m_sb.sshPort()));
    QVERIFY(info.fingerprint.startsWith(QLatin1String("SHA256:")));
    QVERIFY(!info.fingerprint.contains(QLatin1Char('=')));
    // The fingerprint is one of the server's keys, exactly as ssh-keygen prints it.
    QProcess keygen;
    keygen.start(QStringLiteral("ssh-keygen"),
                 {QStringLiteral("-l"), QStringLiteral("-f"), m_sb.knownHostsPath()});
    QVERIFY(keygen.waitForFinished(10000));
    const QString listed = QString::fromLatin1(keygen.readAllStandardOutput());
    QVERIFY2(listed.contains(info.fingerprint + QLatin1Char(' ')), qPrintable(listed + info.fingerprint));
    bool sawVerifying = false;
    for (const auto &s : states)
        sawVerifying = sawVerifying || s.first().value<SessionState>() == SessionState::VerifyingHostKey;
    QVERIFY(sawVerifying);
    QVERIFY2(!QFile::exists(kh), "ConnectOnce must not write known_hosts");
}

// An answer names the fingerprint the user read: a dialog left open across a reconnect must
// not trust whatever key the new connection brought.
void TestSsh::staleHostKeyAnswerIsNotTrusted()
{
    const QString kh = m_tmp.filePath(QStringLiteral("stale_known_hosts"));
    SshTarget t = m_sb.target(QStringLiteral("ed25519"));
    t.knownHostsPath = kh;
    SshConnection c;
    QSignalSpy ok(&c, &SshConnection::connected);
    QSignalSpy failed(&c, &SshConnection::failed);
    connect(&c, &SshConnection::hostKeyUnknown, this, [&] {
        c.answerHostKey(HostKeyDecision::TrustAndRemember, QStringLiteral("SHA256:notTheKeyThatWasShown"));
    });
    c.open(t);
    QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 20000);
    QCOMPARE(ok.count(), 0);
    QCOMPARE(failed.first().first().value<Error>().code, QStringLiteral("hostkey.stale-answer"));
    QVERIFY2(!QFile::exists(kh), "nothing may be remembered");
}

void TestSsh::unknownHostTrustAndRemember()
{
    const QString kh = m_tmp.filePath(QStringLiteral("remember_known_hosts"));
    {
        QFile f(kh);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("# mine, keep me\nsomewhere.example ssh-ed25519 "
                "AAAAC3NzaC1lZDI1NTE5AAAAIOZ0pl6PlZ8UlmCqBTnd5AfT1Ozj3ndrNk7b0NUCVt5Y\n");
    }
    const QByteArray before = [&] {
        QFile f(kh);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }();
    SshTarget t = m_sb.target(QStringLiteral("ed25519"));
    t.knownHostsPath = kh;
    {
        SshConnection c;
        QSignalSpy ok(&c, &SshConnection::connected);
        connect(&c, &SshConnection::hostKeyUnknown, this,
                [&] { c.answerHostKey(HostKeyDecision::TrustAndRemember); });
        c.open(t);
        QTRY_COMPARE_WITH_TIMEOUT(ok.count(), 1, 20000);
    }
    QFile f(kh);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray after = f.readAll();
    QVERIFY(after.startsWith(before));
    QCOMPARE(after.mid(before.size()).count('\n'), 1);
    QVERIFY(after.mid(before.size())
                .startsWith(QStringLiteral("[%1]:%2 ").arg(m_sb.host()).arg(m_sb.sshPort()).toLatin1()));

    // Remembered: the next connection asks nothing.
    SshConnection again;
    QSignalSpy unknown(&again, &SshConnection::hostKeyUnknown);
    QSignalSpy ok(&again, &SshConnection::connected);
    again.open(t);
    QTRY_COMPARE_WITH_TIMEOUT(ok.count(), 1, 20000);
    QCOMPARE(unknown.count(), 0);
}

void TestSsh::mismatchedHostKeyRefused()
{
    // Another key of each type on record for this [host]:port.
    QTemporaryDir keys;
    QVERIFY(keys.isValid());
    QString lines = QStringLiteral("# first line\n");
    QStringList oldFingerprints;
    for (const QString &type : {QStringLiteral("ed25519"), QStringLiteral("ecdsa")}) {
        const QString path = keys.filePath(type);
        QProcess p;
        p.start(QStringLiteral("ssh-keygen"), {QStringLiteral("-q"), QStringLiteral("-t"), type,
                                               QStringLiteral("-N"), QString(), QStringLiteral("-f"), path});
        QVERIFY(p.waitForFinished(10000));
        QFile pub(path + QStringLiteral(".pub"));
        QVERIFY(pub.open(QIODevice::ReadOnly));
        const QStringList parts = QString::fromLatin1(pub.readAll()).split(QLatin1Char(' '));
        lines += QStringLiteral("[%1]:%2 %3 %4\n")
                     .arg(m_sb.host())
                     .arg(m_sb.sshPort())
                     .arg(parts.at(0), parts.at(1));
        oldFingerprints << sha256Fingerprint(QByteArray::fromBase64(parts.at(1).toLatin1()));
    }
    const QString kh = m_tmp.filePath(QStringLiteral("mismatch_known_hosts"));
    QFile f(kh);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(lines.toLatin1());
    f.close();

    SshTarget t = m_sb.target(QStringLiteral("ed25519"));
    t.knownHostsPath = kh;
    SshConnection c;
    QSignalSpy mismatch(&c, &SshConnection::hostKeyMismatch);
    QSignalSpy unknown(&c, &SshConnection::hostKeyUnknown);
    QSignalSpy ok(&c, &SshConnection::connected);
    QSignalSpy failed(&c, &SshConnection::failed);
    c.open(t);
    QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 20000);
    QCOMPARE(ok.count(), 0);
    QCOMPARE(unknown.count(), 0);
    QCOMPARE(mismatch.count(), 1);
    const HostKeyInfo info = mismatch.first().first().value<HostKeyInfo>();
    QVERIFY(oldFingerprints.contains(info.knownFingerprint));
    QVERIFY(!oldFingerprints.contains(info.fingerprint));
    // The type on record was preferred: ed25519 is on line 2.
    QCOMPARE(info.keyType, QStringLiteral("ssh-ed25519"));
    QCOMPARE(info.knownHostsLine, 2);
    const Error e = failed.first().first().value<Error>();
    QCOMPARE(e.code, QStringLiteral("hostkey.mismatch"));
    QVERIFY(e.message.contains(info.fingerprint));
    QVERIFY(e.message.contains(info.knownFingerprint));
    QVERIFY(e.message.contains(kh));
    QVERIFY(e.message.contains(QLatin1String("line 2")));
    QCOMPARE(c.state(), SessionState::Failed);
    QFile again(kh);
    QVERIFY(again.open(QIODevice::ReadOnly));
    QCOMPARE(QString::fromLatin1(again.readAll()), lines); // untouched
}

void TestSsh::refusedPort()
{
    // A port nobody listens on: bind one, learn its number, close it.
    quint16 port = 0;
    {
        QProcess p;
        p.start(QStringLiteral("python3"),
                {QStringLiteral("-c"),
                 QStringLiteral(
                     "import socket;s=socket.socket();s.bind(('127.0.0.1',0));print(s.getsockname()[1])")});
        QVERIFY(p.waitForFinished(10000));
        port = quint16(p.readAllStandardOutput().trimmed().toUInt());
    }
    QVERIFY(port != 0);
    SshTarget t = m_sb.target(QStringLiteral("ed25519"));
    t.port = port;
    SshConnection c;
    QSignalSpy failed(&c, &SshConnection::failed);
    QElapsedTimer timer;
    timer.start();
    c.open(t);
    QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 10000);
    QCOMPARE(failed.first().first().value<Error>().code, QStringLiteral("net.refused"));
    QVERIFY(timer.elapsed() < 5000);
}

void TestSsh::silentServerTimesOut()
{
    // Accepts TCP but never says a word: the connect deadline must fire.
    QTcpServer silent;
    QVERIFY(silent.listen(QHostAddress::LocalHost, 0));
    SshTarget t = m_sb.target();
    t.port = silent.serverPort();
    t.connectTimeoutMs = 1500;
    SshConnection c;
    QSignalSpy failed(&c, &SshConnection::failed);
    QElapsedTimer timer;
    timer.start();
    c.open(t);
    QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 8000);
    QCOMPARE(failed.first().first().value<Error>().code, QStringLiteral("net.timeout"));
    QVERIFY(timer.elapsed() >= 1400);
    QCOMPARE(c.state(), SessionState::Failed);
}

void TestSsh::recordedHostKeyTypeIsPreferred()
{
    // Only the server's ECDSA key is on record. OpenSSH's default order would
    // fetch ed25519 and call the host unknown; the recorded type goes first.
    QFile all(m_sb.knownHostsPath());
    QVERIFY(all.open(QIODevice::ReadOnly));
    QByteArray ecdsaOnly;
    for (const QByteArray &line : all.readAll().split('\n'))
        if (line.contains(" ecdsa-sha2-"))
            ecdsaOnly += line + '\n';
    QVERIFY2(!ecdsaOnly.isEmpty(), "the sandbox should have an ECDSA host key");
    const QString kh = m_tmp.filePath(QStringLiteral("ecdsa_only_known_hosts"));
    QFile f(kh);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(ecdsaOnly);
    f.close();
    SshTarget t = m_sb.target();
    t.knownHostsPath = kh;
    SshConnection c;
    QSignalSpy unknown(&c, &SshConnection::hostKeyUnknown);
    QSignalSpy mismatch(&c, &SshConnection::hostKeyMismatch);
    QSignalSpy ok(&c, &SshConnection::connected);
    c.open(t);
    QTRY_COMPARE_WITH_TIMEOUT(ok.count(), 1, 20000);
    QCOMPARE(unknown.count(), 0);
    QCOMPARE(mismatch.count(), 0);
}

void TestSsh::stderrAndExitCodes()
{
    auto c = connectWith(m_sb.target());
    QVERIFY(c);
    RunResult r = run(*c, cmd({QStringLiteral("sh"), QStringLiteral("-c"),
                               QStringLiteral("echo out; echo err >&2; exit 3")}));
    QVERIFY(r.finished);
    QCOMPARE(r.out, QByteArray("out\n"));
    QCOMPARE(r.err, QByteArray("err\n"));
    QCOMPARE(r.exit.exitCode, std::optional<int>(3));
    QVERIFY(!r.exit.success());
    QVERIFY(!r.exit.error);

    r = run(*c, cmd({QStringLiteral("sh"), QStringLiteral("-c"), QStringLiteral("kill -TERM $$")}));
    QVERIFY(r.finished);
    QCOMPARE(r.exit.exitSignal, QStringLiteral("TERM"));
    QVERIFY(!r.exit.exitCode);

    r = run(*c, cmd({QStringLiteral("no-such-command-vigia")}));
    QCOMPARE(r.exit.exitCode, std::optional<int>(127));
    QVERIFY(r.err.contains("not found"));

    // Output and exit status are not mixed up when many commands run back to back.
    for (int i = 0; i < 10; ++i) {
        r = run(*c,
                cmd({QStringLiteral("sh"), QStringLiteral("-c"), QStringLiteral("echo %1; exit %1").arg(i)}));
        QCOMPARE(r.out, QByteArray::number(i) + '\n');
        QCOMPARE(r.exit.exitCode, std::optional<int>(i));
    }
}

void TestSsh::stdinData()
{
    auto c = connectWith(m_sb.target());
    QVERIFY(c);
    ExecOptions o;
    o.stdinData = QByteArray("line one\nline two\n");
    o.closeStdinAfterData = true;
    RunResult r = run(*c, cmd({QStringLiteral("wc"), QStringLiteral("-l")}), o);
    QVERIFY(r.exit.success());
    QCOMPARE(r.out.trimmed(), QByteArray("2"));

    // Written later through the handle.
    Collector col;
    ExecOptions later;
    later.interactiveStdin = true; // EOF comes from closeStdin()
    later.stdinData = QByteArray("a");
    SshChannel *ch = c->exec(cmd({QStringLiteral("cat")}), later);
    col.attach(ch);
    ch->write("bc");
    ch->closeStdin();
    QTRY_VERIFY_WITH_TIMEOUT(col.r.finished, 10000);
    QCOMPARE(col.r.out, QByteArray("abc"));
}

void TestSsh::fiveConcurrentChannels()
{
    auto c = connectWith(m_sb.target());
    QVERIFY(c);
    std::vector<std::unique_ptr<Collector>> cols;
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < 5; ++i) {
        cols.push_back(std::make_unique<Collector>());
        cols.back()->attach(c->exec(cmd({QStringLiteral("sh"), QStringLiteral("-c"),
                                         QStringLiteral("sleep 2; echo channel-%1; echo e%1 >&2").arg(i)})));
    }
    QTRY_VERIFY_WITH_TIMEOUT(
        std::all_of(cols.begin(), cols.end(), [](const auto &x) { return x->r.finished; }), 20000);
    // Sequentially this would take 10 s.
    QVERIFY2(timer.elapsed() < 6000, qPrintable(QString::number(timer.elapsed())));
    for (int i = 0; i < 5; ++i) {
        QVERIFY(cols[size_t(i)]->r.exit.success());
        QCOMPARE(cols[size_t(i)]->r.out, QStringLiteral("channel-%1\n").arg(i).toUtf8());
        QCOMPARE(cols[size_t(i)]->r.err, QStringLiteral("e%1\n").arg(i).toUtf8());
    }
}

void TestSsh::moreChannelsThanTheCapAreQueued()
{
    auto c = connectWith(m_sb.target());
    QVERIFY(c);
    const int n = SshConnection::kMaxChannels * 2 + 3;
    std::vector<std::unique_ptr<Collector>> cols;
    for (int i = 0; i < n; ++i) {
        cols.push_back(std::make_unique<Collector>());
        cols.back()->attach(c->exec(
            cmd({QStringLiteral("sh"), QStringLiteral("-c"), QStringLiteral("sleep 0.3; echo %1").arg(i)})));
    }
    QTRY_VERIFY_WITH_TIMEOUT(
        std::all_of(cols.begin(), cols.end(), [](const auto &x) { return x->r.finished; }), 30000);
    for (int i = 0; i < n; ++i) {
        QVERIFY2(cols[size_t(i)]->r.exit.success(),
                 qPrintable(cols[size_t(i)]->r.exit.error ? cols[size_t(i)]->r.exit.error->toString()
                                                          : QString()));
        QCOMPARE(cols[size_t(i)]->r.out, QByteArray::number(i) + '\n');
    }
}

void TestSsh::stream100MB()
{
    auto c = connectWith(m_sb.target());
    QVERIFY(c);
    const qint64 total = 100LL * 1024 * 1024;
    qint64 got = 0;
    qint64 nonZero = 0;
    int chunks = 0;
    bool finished = false;
    ExitInfo exit;
    SshChannel *ch = c->exec(cmd(
        {QStringLiteral("head"), QStringLiteral("-c"), QString::number(total), QStringLiteral("/dev/zero")}));
    connect(ch, &SshChannel::stdoutReady, this, [&](const QByteArray &chunk) {
        got += chunk.size();
        nonZero += chunk.size() - chunk.count('\0');
        ++chunks;
    });
    connect(ch, &SshChannel::finished, this, [&](const ExitInfo &e) {
        exit = e;
        finished = true;
    });
    QElapsedTimer timer;
    timer.start();
    QTRY_VERIFY_WITH_TIMEOUT(finished, 90000);
    QCOMPARE(got, total);
    QCOMPARE(nonZero, 0);
    QVERIFY(exit.success());
    // Coalesced: far fewer signals than libssh2's 32 KiB packets.
    QVERIFY2(chunks < total / (64 * 1024), qPrintable(QString::number(chunks)));
    qInfo("100 MB in %lld ms over %d chunks (%s)", timer.elapsed(), chunks, qPrintable(c->cipher()));
}

void TestSsh::timeoutEndsRemoteProcess()
{
    auto c = connectWith(m_sb.target());
    QVERIFY(c);
    ExecOptions o;
    o.timeoutMs = 700;
    QElapsedTimer timer;
    timer.start();
    const RunResult r = run(*c, cmd({QStringLiteral("sleep"), QStringLiteral("2971")}), o, 10000);
    QVERIFY(r.finished);
    QVERIFY(r.exit.timedOut);
    QVERIFY(!r.exit.success());
    QVERIFY(timer.elapsed() < 5000);
    QTRY_COMPARE_WITH_TIMEOUT(m_sb.remoteProcessCount(QStringLiteral("sleep 2971")), 0, 6000);
    QTRY_COMPARE_WITH_TIMEOUT(countEverywhere(QStringLiteral("sleep 2971")), 0, 4000);
}

void TestSsh::cancelLeavesNoRemoteProcess()
{
    auto c = connectWith(m_sb.target());
    QVERIFY(c);
    Collector col;
    SshChannel *ch = c->exec(cmd({QStringLiteral("sleep"), QStringLiteral("3001")}));
    col.attach(ch);
    QSignalSpy started(ch, &SshChannel::started);
    QTRY_COMPARE_WITH_TIMEOUT(started.count(), 1, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(m_sb.remoteProcessCount(QStringLiteral("sleep 3001")) >= 1, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(countEverywhere(QStringLiteral("sleep 3001"), true), 1, 10000);
    ch->cancel();
    QTRY_VERIFY_WITH_TIMEOUT(col.r.finished, 5000);
    QVERIFY(col.r.exit.cancelled);
    QVERIFY(!col.r.exit.success());
    QTRY_COMPARE_WITH_TIMEOUT(m_sb.remoteProcessCount(QStringLiteral("sleep 3001")), 0, 6000);
    QTRY_COMPARE_WITH_TIMEOUT(countEverywhere(QStringLiteral("sleep 3001")), 0, 4000);
    // The session is still usable afterwards.
    QVERIFY(run(*c, cmd({QStringLiteral("true")})).exit.success());

    // Descendants die too, not just the command the wrapper started.
    Collector pipeline;
    SshChannel *p = c->exec(
        cmd({QStringLiteral("sh"), QStringLiteral("-c"), QStringLiteral("sleep 2941 | cat; echo never")}));
    pipeline.attach(p);
    // The sleep itself is running (not just the wrapper, whose arguments name it).
    QTRY_COMPARE_WITH_TIMEOUT(countEverywhere(QStringLiteral("sleep 2941"), true), 1, 10000);
    p->cancel();
    QTRY_VERIFY_WITH_TIMEOUT(pipeline.r.finished, 5000);
    QTRY_COMPARE_WITH_TIMEOUT(m_sb.remoteProcessCount(QStringLiteral("sleep 2941")), 0, 6000);
    QTRY_COMPARE_WITH_TIMEOUT(countEverywhere(QStringLiteral("sleep 2941")), 0, 4000);
    QVERIFY(!pipeline.r.out.contains("never"));
}

void TestSsh::cancelKubectlWatchLeavesNoRemoteProcess()
{
    auto c = connectWith(m_sb.target());
    QVERIFY(c);
    Collector col;
    SshChannel *ch = c->exec(cmd({QStringLiteral("kubectl"), QStringLiteral("get"), QStringLiteral("pods"),
                                  QStringLiteral("-A"), QStringLiteral("--watch")}));
    col.attach(ch);
    // The watch is running and streaming: the first listing arrived.
    QTRY_VERIFY_WITH_TIMEOUT(!col.r.out.isEmpty() || col.r.finished, 20000);
    QVERIFY2(!col.r.finished, col.r.err.constData());
    QVERIFY(m_sb.remoteProcessCount(QStringLiteral("kubectl get pods")) >= 1);
    ch->cancel();
    QTRY_VERIFY_WITH_TIMEOUT(col.r.finished, 5000);
    QVERIFY(col.r.exit.cancelled);
    QTRY_COMPARE_WITH_TIMEOUT(m_sb.remoteProcessCount(QStringLiteral("kubectl get pods")), 0, 6000);
    QTRY_COMPARE_WITH_TIMEOUT(countEverywhere(QStringLiteral("kubectl get pods")), 0, 4000);
}

void TestSsh::deletingTheHandleCancels()
{
    auto c = connectWith(m_sb.target());
    QVERIFY(c);
    SshChannel *ch = c->exec(cmd({QStringLiteral("sleep"), QStringLiteral("2981")}));
    QSignalSpy started(ch, &SshChannel::started);
    QTRY_COMPARE_WITH_TIMEOUT(started.count(), 1, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(m_sb.remoteProcessCount(QStringLiteral("sleep 2981")) >= 1, 10000);
    delete ch;
    QTRY_COMPARE_WITH_TIMEOUT(m_sb.remoteProcessCount(QStringLiteral("sleep 2981")), 0, 6000);
    QTRY_COMPARE_WITH_TIMEOUT(countEverywhere(QStringLiteral("sleep 2981")), 0, 4000);
}

void TestSsh::destroyWhileRunningDoesNotHang()
{
    QElapsedTimer timer;
    {
        auto c = connectWith(m_sb.target());
        QVERIFY(c);
        SshChannel *ch = c->exec(cmd({QStringLiteral("sleep"), QStringLiteral("2961")}));
        QSignalSpy started(ch, &SshChannel::started);
        QTRY_COMPARE_WITH_TIMEOUT(started.count(), 1, 10000);
        timer.start();
    }
    QVERIFY2(timer.elapsed() < 3000, qPrintable(QString::number(timer.elapsed())));
    // The dropped connection closed the wrapper's stdin: the command died with it.
    QTRY_COMPARE_WITH_TIMEOUT(m_sb.remoteProcessCount(QStringLiteral("sleep 2961")), 0, 6000);
    QTRY_COMPARE_WITH_TIMEOUT(countEverywhere(QStringLiteral("sleep 2961")), 0, 4000);
}

void TestSsh::idleConnectionStaysAliveWithoutSpinning()
{
    SshTarget t = m_sb.target();
    t.keepaliveIntervalMs = 1000;
    auto c = connectWith(t);
    QVERIFY(c);
    QSignalSpy lost(c.get(), &SshConnection::lost);
    auto cpuSeconds = [] {
        rusage ru{};
        getrusage(RUSAGE_SELF, &ru);
        return double(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) +
               double(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
    };
    // Idle with no channel: keepalive replies are not read, yet prove the peer alive.
    double cpu = cpuSeconds();
    QTest::qWait(5000);
    QCOMPARE(lost.count(), 0);
    QVERIFY2(cpuSeconds() - cpu < 0.5, qPrintable(QString::number(cpuSeconds() - cpu)));
    // A quiet running command: the socket is watched, nothing spins.
    Collector col;
    col.attach(c->exec(cmd({QStringLiteral("sleep"), QStringLiteral("5")})));
    cpu = cpuSeconds();
    QTRY_VERIFY_WITH_TIMEOUT(col.r.finished, 15000);
    QVERIFY(col.r.exit.success());
    QVERIFY2(cpuSeconds() - cpu < 0.5, qPrintable(QString::number(cpuSeconds() - cpu)));
    QCOMPARE(lost.count(), 0);
    QCOMPARE(c->state(), SessionState::Connected);
    QVERIFY(run(*c, cmd({QStringLiteral("true")})).exit.success());
}

void TestSsh::silentPeerIsDetected()
{
    const int listener = int(m_sb.sshdPid());
    QVERIFY2(listener > 0, "the sandbox must report sshd_pid");
    const QList<qint64> before = test::proc::childrenOf(listener, true);
    SshTarget t = m_sb.target();
    t.keepaliveIntervalMs = 1000;
    auto c = connectWith(t);
    QVERIFY(c);
    QList<qint64> mine;
    for (const qint64 pid : test::proc::childrenOf(listener, true))
        if (!before.contains(pid) && test::proc::comm(pid) == "sshd")
            mine << pid;
    QVERIFY(!mine.isEmpty());
    Collector col;
    col.attach(c->exec(cmd({QStringLiteral("sleep"), QStringLiteral("295")})));
    QSignalSpy lost(c.get(), &SshConnection::lost);
    QTest::qWait(500);
    // A frozen server: the socket stays open but nothing comes back.
    for (const qint64 pid : mine)
        ::kill(pid_t(pid), SIGSTOP);
    auto thaw = qScopeGuard([&] {
        for (const qint64 pid : mine) {
            ::kill(pid_t(pid), SIGKILL);
            ::kill(pid_t(pid), SIGCONT);
        }
    });
    QElapsedTimer timer;
    timer.start();
    QTRY_COMPARE_WITH_TIMEOUT(lost.count(), 1, 10000);
    // About three silent intervals of 1 s.
    QVERIFY2(timer.elapsed() >= 2000 && timer.elapsed() < 6000, qPrintable(QString::number(timer.elapsed())));
    QCOMPARE(lost.first().first().value<Error>().code, QStringLiteral("conn.lost"));
    QTRY_VERIFY_WITH_TIMEOUT(col.r.finished, 2000);
    QVERIFY(col.r.exit.error);
    QCOMPARE(c->state(), SessionState::Lost);
}

void TestSsh::sshdKilledMidCommand()
{
    SshTarget t = m_sb.target();
    t.keepaliveIntervalMs = 1000;
    auto c = connectWith(t);
    QVERIFY(c);
    Collector col;
    col.attach(c->exec(cmd({QStringLiteral("sh"), QStringLiteral("-c"),
                            QStringLiteral("while :; do echo tick; sleep 0.2; done")})));
    QTRY_VERIFY_WITH_TIMEOUT(col.r.out.contains("tick"), 10000);
    QSignalSpy lost(c.get(), &SshConnection::lost);
    QElapsedTimer timer;
    timer.start();
    m_sb.killSshd();
    QTRY_COMPARE_WITH_TIMEOUT(lost.count(), 1, 6000);
    QVERIFY(timer.elapsed() < 4500);
    const Error e = lost.first().first().value<Error>();
    QCOMPARE(e.code, QStringLiteral("conn.lost"));
    QVERIFY(!e.message.isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(col.r.finished, 2000);
    QVERIFY(col.r.exit.error);
    QCOMPARE(col.r.exit.error->code, QStringLiteral("conn.lost"));
    // A new command on the dead connection fails at once instead of hanging.
    const RunResult r = run(*c, cmd({QStringLiteral("true")}), {}, 3000);
    QVERIFY(r.finished);
    QVERIFY(r.exit.error);
}

QTEST_GUILESS_MAIN(TestSsh)
#include "test_ssh.moc"
