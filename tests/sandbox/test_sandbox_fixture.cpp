// The C++ fixture (tests/common/Sandbox) against the real sandbox: start, the
// JSON contract, ctl, the process census under sshd, and killSshd().
#include "Sandbox.h"

#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTest>
#include <QThread>

using vigia::test::Sandbox;

class TestSandboxFixture : public QObject {
    Q_OBJECT
private slots:
    void startExposesTheContract();
    void ctlAndAudit();
    void remoteProcessesAreCountedAndKilled();
    void stopIsIdempotent();
};

void TestSandboxFixture::startExposesTheContract()
{
    Sandbox sb;
    QVERIFY2(sb.start(), qPrintable(sb.errorString()));
    QCOMPARE(sb.host(), QStringLiteral("127.0.0.1"));
    QVERIFY(sb.sshPort() > 0);
    QVERIFY(!sb.user().isEmpty());
    for (const char *k : {"ed25519", "ed25519_passphrase", "ecdsa", "rsa"})
        QVERIFY2(QFile::exists(sb.keyPath(QString::fromLatin1(k))), k);
    QVERIFY(!sb.passphrase().isEmpty());
    QVERIFY(QFile::exists(sb.knownHostsPath()));
    QVERIFY(QFile::exists(sb.sshConfigPath()));
    const auto t = sb.target(QStringLiteral("ecdsa"));
    QCOMPARE(t.port, sb.sshPort());
    QCOMPARE(t.identityFiles, QStringList{sb.keyPath(QStringLiteral("ecdsa"))});
    QVERIFY(!t.useAgent);
    QVERIFY(!t.useDefaultIdentities);
    QCOMPARE(t.knownHostsPath, sb.knownHostsPath());
    QByteArray out;
    QCOMPARE(sb.runSsh(QStringLiteral("kubectl get pods -n joledev -o name"), &out), 0);
    QVERIFY2(out.contains("pod/api-scheduler-"), out.constData());
}

void TestSandboxFixture::ctlAndAudit()
{
    Sandbox sb;
    QVERIFY2(sb.start(), qPrintable(sb.errorString()));
    QString status;
    QVERIFY2(sb.ctl({QStringLiteral("status")}, &status), qPrintable(sb.errorString()));
    QVERIFY(status.contains(QStringLiteral("resourceVersion")));
    QVERIFY(!sb.ctl({QStringLiteral("no-such-command")}));
    QCOMPARE(sb.auditEntries().size(), 0);
    QCOMPARE(sb.runSsh(QStringLiteral("kubectl rollout restart -n joledev deployment/gatus")), 0);
    const auto au = sb.auditEntries();
    QCOMPARE(au.size(), 1);
    QCOMPARE(au.first().value(QStringLiteral("method")).toString(), QStringLiteral("PATCH"));
}

void TestSandboxFixture::remoteProcessesAreCountedAndKilled()
{
    Sandbox sb;
    QVERIFY2(sb.start(), qPrintable(sb.errorString()));
    QCOMPARE(sb.remoteProcessCount(QStringLiteral("sleep 4242")), 0);
    QProcess ssh;
    ssh.start(QStringLiteral("ssh"), {QStringLiteral("-F"), sb.sshConfigPath(), sb.sshAlias(),
                                      QStringLiteral("sleep 4242")});
    QVERIFY(ssh.waitForStarted(5000));
    QElapsedTimer t;
    t.start();
    while (sb.remoteProcessCount(QStringLiteral("sleep 4242")) == 0 && t.elapsed() < 10000)
        QThread::msleep(100);
    QCOMPARE(sb.remoteProcessCount(QStringLiteral("sleep 4242")), 1);
    sb.killSshd();
    QVERIFY(ssh.waitForFinished(10000));
    QCOMPARE(sb.remoteProcessCount(QStringLiteral("sleep 4242")), 0);
    QVERIFY(sb.runSsh(QStringLiteral("true"), nullptr, 10000) != 0);
}

void TestSandboxFixture::stopIsIdempotent()
{
    Sandbox sb;
    QVERIFY2(sb.start(), qPrintable(sb.errorString()));
    const QString dir = sb.dir();
    sb.stop();
    sb.stop();
    QVERIFY(!QFile::exists(dir));
    QVERIFY(sb.runSsh(QStringLiteral("true"), nullptr, 5000) != 0);
}

QTEST_GUILESS_MAIN(TestSandboxFixture)
#include "test_sandbox_fixture.moc"
