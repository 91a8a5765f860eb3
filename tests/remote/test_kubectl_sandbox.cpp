// KubectlRunner against the sandbox: a real sshd, the real kubectl, and the
// simulated K3s API. Each failure the detection must explain is produced by
// the sandbox for real (no kubectl, unreadable k3s.yaml, sudo, API down).
#include "core/MetaTypes.h"
#include "kube/PodParser.h"
#include "profiles/ProfileStore.h"
#include "remote/KubectlRunner.h"
#include "ssh/SshConnection.h"

#include "Sandbox.h"

#include <QFileInfo>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace vigia;
using namespace vigia::remote;

namespace {

// Result has no default constructor, so QVariant::value() cannot build one.
Result<QByteArray> resultFrom(const QVariant &v)
{
    return *static_cast<const Result<QByteArray> *>(v.constData());
}

struct DetectOutcome {
    bool ok = false;
    QStringList prefix;
    Error error;
};

} // namespace

class TestKubectlSandbox : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void detectsPlainKubectlAndRuns();
    void overrideIsUsedAsGiven();
    void fallsBackToK3sKubectl();
    void nothingToRun();
    void kubeconfigPermissionDenied();
    void sudoNeedsPassword();
    void apiRefusesConnections();
    void connectsThroughSshConfigAlias();

private:
    bool startSandbox(test::Sandbox &sb, const QStringList &args = {});
    std::unique_ptr<ssh::SshConnection> connectTo(const test::Sandbox &sb);
    DetectOutcome detect(KubectlRunner &runner, const QString &override = {});
    Result<QByteArray> run(KubectlRunner &runner, const QStringList &args, int timeoutMs = 30000);
};

void TestKubectlSandbox::initTestCase()
{
    registerCoreMetaTypes();
}

bool TestKubectlSandbox::startSandbox(test::Sandbox &sb, const QStringList &args)
{
    if (!sb.start(QStringLiteral("joledev"), args)) {
        qWarning("sandbox did not start: %s", qPrintable(sb.errorString()));
        return false;
    }
    return true;
}

std::unique_ptr<ssh::SshConnection> TestKubectlSandbox::connectTo(const test::Sandbox &sb)
{
    auto c = std::make_unique<ssh::SshConnection>();
    QSignalSpy connected(c.get(), &ssh::SshConnection::connected);
    QSignalSpy failed(c.get(), &ssh::SshConnection::failed);
    c->open(sb.target(QStringLiteral("ed25519")));
    for (int i = 0; i < 300 && connected.isEmpty() && failed.isEmpty(); ++i)
        connected.wait(100);
    if (connected.isEmpty()) {
        if (!failed.isEmpty())
            qWarning("connect failed: %s", qPrintable(failed.first().first().value<Error>().toString()));
        return nullptr;
    }
    return c;
}

DetectOutcome TestKubectlSandbox::detect(KubectlRunner &runner, const QString &override)
{
    QSignalSpy ok(&runner, &KubectlRunner::detected);
    QSignalSpy bad(&runner, &KubectlRunner::detectionFailed);
    runner.detect(override);
    // Three probes of at most 15 s each, and the loop is bounded.
    for (int i = 0; i < 500 && ok.isEmpty() && bad.isEmpty(); ++i)
        ok.wait(100);
    DetectOutcome out;
    if (!ok.isEmpty()) {
        out.ok = true;
        out.prefix = ok.first().first().toStringList();
    } else if (!bad.isEmpty()) {
        out.error = bad.first().first().value<Error>();
    } else {
        out.error =
            makeError(QStringLiteral("detection never answered"), QString(), QStringLiteral("test.hang"));
    }
    // Exactly one answer.
    if (ok.size() + bad.size() > 1)
        out.error =
            makeError(QStringLiteral("detection answered twice"), QString(), QStringLiteral("test.twice"));
    return out;
}

Result<QByteArray> TestKubectlSandbox::run(KubectlRunner &runner, const QStringList &args, int timeoutMs)
{
    QSignalSpy spy(&runner, &KubectlRunner::finished);
    const quint64 token = runner.run(args, timeoutMs);
    for (int i = 0; i < (timeoutMs / 100) + 100 && spy.isEmpty(); ++i)
        spy.wait(100);
    if (spy.isEmpty())
        return makeError(QStringLiteral("run never answered"), QString(), QStringLiteral("test.hang"));
    if (spy.first().at(0).toULongLong() != token)
        return makeError(QStringLiteral("wrong token"), QString(), QStringLiteral("test.token"));
    return resultFrom(spy.first().at(1));
}

void TestKubectlSandbox::detectsPlainKubectlAndRuns()
{
    test::Sandbox sb;
    QVERIFY(startSandbox(sb));
    auto conn = connectTo(sb);
    QVERIFY(conn);
    KubectlRunner runner(conn.get());

    // Before detection: a clear error, delivered after run() returns.
    const Result<QByteArray> early = run(runner, {QStringLiteral("get"), QStringLiteral("pods")});
    QVERIFY(!early.ok());
    QCOMPARE(early.error().code, QStringLiteral("kube.not-detected"));

    const DetectOutcome d = detect(runner);
    QVERIFY2(d.ok, qPrintable(d.error.toString()));
    QCOMPARE(d.prefix, QStringList{QStringLiteral("kubectl")});
    QVERIFY(runner.isReady());

    const Result<QByteArray> pods =
        run(runner, {QStringLiteral("get"), QStringLiteral("pods"), QStringLiteral("-A"),
                     QStringLiteral("-o"), QStringLiteral("json")});
    QVERIFY2(pods.ok(), pods.ok() ? "" : qPrintable(pods.error().toString()));
    const Result<QList<kube::PodInfo>> parsed = kube::parsePodList(pods.value());
    QVERIFY(parsed.ok());
    QVERIFY2(parsed->size() >= 8, qPrintable(QString::number(parsed->size())));
    // Same answer as the OpenSSH client gives.
    QByteArray viaSsh;
    QCOMPARE(sb.runSsh(QStringLiteral("kubectl get pods -A -o json"), &viaSsh), 0);
    QCOMPARE(kube::parsePodList(viaSsh)->size(), parsed->size());

    // A kubectl error is classified, with kubectl's words kept.
    const Result<QByteArray> bad = run(runner, {QStringLiteral("get"), QStringLiteral("no-such-kind-xyz")});
    QVERIFY(!bad.ok());
    QVERIFY2(bad.error().message.contains(QLatin1String("no-such-kind-xyz")),
             qPrintable(bad.error().message));

    // Hostile arguments travel as data.
    QTemporaryDir dir;
    const QString marker = dir.filePath(QStringLiteral("pwned"));
    const Result<QByteArray> hostile =
        run(runner, {QStringLiteral("get"), QStringLiteral("pods"), QStringLiteral("-n"),
                     QStringLiteral("$(touch %1)`touch %1`;touch %1").arg(marker)});
    Q_UNUSED(hostile);
    QVERIFY(!QFileInfo::exists(marker));

    // Several runs at once each get their own answer.
    QSignalSpy spy(&runner, &KubectlRunner::finished);
    QList<quint64> tokens;
    for (int i = 0; i < 4; ++i)
        tokens << runner.run(
            {QStringLiteral("get"), QStringLiteral("ns"), QStringLiteral("-o"), QStringLiteral("name")});
    for (int i = 0; i < 300 && spy.size() < 4; ++i)
        spy.wait(100);
    QCOMPARE(spy.size(), 4);
    QList<quint64> got;
    for (const QList<QVariant> &args : std::as_const(spy)) {
        got << args.at(0).toULongLong();
        const Result<QByteArray> r = resultFrom(args.at(1));
        QVERIFY(r.ok());
        QVERIFY(r.value().contains("namespace/joledev"));
    }
    std::sort(got.begin(), got.end());
    QCOMPARE(got, tokens);
}

void TestKubectlSandbox::overrideIsUsedAsGiven()
{
    test::Sandbox sb;
    QVERIFY(startSandbox(sb));
    auto conn = connectTo(sb);
    QVERIFY(conn);
    KubectlRunner runner(conn.get());
    DetectOutcome d = detect(runner, QStringLiteral("  k3s   kubectl "));
    QVERIFY2(d.ok, qPrintable(d.error.toString()));
    QCOMPARE(d.prefix, (QStringList{QStringLiteral("k3s"), QStringLiteral("kubectl")}));

    // A wrong override is reported, not silently replaced by detection.
    d = detect(runner, QStringLiteral("/opt/nowhere/kubectl"));
    QVERIFY(!d.ok);
    QCOMPARE(d.error.code, QStringLiteral("kube.not-found"));
    QVERIFY(!runner.isReady());
}

void TestKubectlSandbox::fallsBackToK3sKubectl()
{
    test::Sandbox sb;
    QVERIFY(startSandbox(sb, {QStringLiteral("--no-kubectl")}));
    auto conn = connectTo(sb);
    QVERIFY(conn);
    KubectlRunner runner(conn.get());
    const DetectOutcome d = detect(runner);
    QVERIFY2(d.ok, qPrintable(d.error.toString()));
    QCOMPARE(d.prefix, (QStringList{QStringLiteral("k3s"), QStringLiteral("kubectl")}));
    const Result<QByteArray> pods =
        run(runner, {QStringLiteral("get"), QStringLiteral("pods"), QStringLiteral("-A"),
                     QStringLiteral("-o"), QStringLiteral("json")});
    QVERIFY(pods.ok());
    QVERIFY(kube::parsePodList(pods.value()).ok());
}

void TestKubectlSandbox::nothingToRun()
{
    test::Sandbox sb;
    QVERIFY(startSandbox(sb, {QStringLiteral("--no-kubectl"), QStringLiteral("--no-k3s")}));
    auto conn = connectTo(sb);
    QVERIFY(conn);
    KubectlRunner runner(conn.get());
    const DetectOutcome d = detect(runner);
    QVERIFY(!d.ok);
    QCOMPARE(d.error.code, QStringLiteral("kube.not-found"));
    QVERIFY(!d.error.hint.isEmpty());
}

void TestKubectlSandbox::kubeconfigPermissionDenied()
{
    test::Sandbox sb;
    QVERIFY(startSandbox(sb, {QStringLiteral("--kubeconfig-denied")}));
    auto conn = connectTo(sb);
    QVERIFY(conn);
    KubectlRunner runner(conn.get());
    // k3s.yaml is unreadable but sudo -n works (a NOPASSWD rule): the third candidate wins.
    DetectOutcome d = detect(runner);
    QVERIFY2(d.ok, qPrintable(d.error.toString()));
    QCOMPARE(d.prefix, (QStringList{QStringLiteral("sudo"), QStringLiteral("-n"), QStringLiteral("k3s"),
                                    QStringLiteral("kubectl")}));
    const Result<QByteArray> pods =
        run(runner, {QStringLiteral("get"), QStringLiteral("pods"), QStringLiteral("-A"),
                     QStringLiteral("-o"), QStringLiteral("json")});
    QVERIFY(pods.ok());

    // Forced to plain kubectl or k3s kubectl, the permission problem is explained.
    for (const QString &override : {QStringLiteral("kubectl"), QStringLiteral("k3s kubectl")}) {
        d = detect(runner, override);
        QVERIFY(!d.ok);
        QCOMPARE(d.error.code, QStringLiteral("kube.kubeconfig-permission"));
        QVERIFY(d.error.message.contains(QLatin1String("/etc/rancher/k3s/k3s.yaml")));
        QVERIFY(d.error.hint.contains(QLatin1String("--write-kubeconfig-mode")));
        QVERIFY(d.error.hint.contains(QLatin1String("sudo -n")));
    }
}

void TestKubectlSandbox::sudoNeedsPassword()
{
    test::Sandbox sb;
    QVERIFY(startSandbox(sb, {QStringLiteral("--kubeconfig-denied"), QStringLiteral("--sudo-password")}));
    auto conn = connectTo(sb);
    QVERIFY(conn);
    KubectlRunner runner(conn.get());
    // All three fail: the unreadable kubeconfig is the root cause to report.
    DetectOutcome d = detect(runner);
    QVERIFY(!d.ok);
    QCOMPARE(d.error.code, QStringLiteral("kube.kubeconfig-permission"));
    // Asked for sudo explicitly, the sudo problem is what is said.
    d = detect(runner, QStringLiteral("sudo -n k3s kubectl"));
    QVERIFY(!d.ok);
    QCOMPARE(d.error.code, QStringLiteral("kube.sudo-password"));
    QVERIFY(d.error.hint.contains(QLatin1String("NOPASSWD")));
}

void TestKubectlSandbox::apiRefusesConnections()
{
    test::Sandbox sb;
    QVERIFY(startSandbox(sb));
    auto conn = connectTo(sb);
    QVERIFY(conn);
    KubectlRunner runner(conn.get());
    QVERIFY2(sb.ctl({QStringLiteral("api-stop")}), qPrintable(sb.errorString()));
    DetectOutcome d = detect(runner);
    QVERIFY(!d.ok);
    QCOMPARE(d.error.code, QStringLiteral("kube.refused"));
    QVERIFY(d.error.hint.contains(QLatin1String("systemctl status k3s")));

    // kubectl itself ran, so its prefix is kept: once the API is back, runs work without a new detection.
    QVERIFY(runner.isReady());
    QCOMPARE(runner.prefix(), QStringList{QStringLiteral("kubectl")});
    Result<QByteArray> during = run(runner, {QStringLiteral("get"), QStringLiteral("ns")});
    QVERIFY(!during.ok());
    QCOMPARE(during.error().code, QStringLiteral("kube.refused"));
    QVERIFY(sb.ctl({QStringLiteral("api-start")}));
    const Result<QByteArray> after = run(runner, {QStringLiteral("get"), QStringLiteral("ns")});
    QVERIFY2(after.ok(), after.ok() ? "" : qPrintable(after.error().toString()));
    d = detect(runner);
    QVERIFY2(d.ok, qPrintable(d.error.toString()));

    // A 500 from the API during a run.
    QVERIFY(sb.ctl({QStringLiteral("api-error"), QStringLiteral("500"), QStringLiteral("--all"),
                    QStringLiteral("--path"), QStringLiteral("pods")}));
    const Result<QByteArray> r =
        run(runner, {QStringLiteral("get"), QStringLiteral("pods"), QStringLiteral("-A"),
                     QStringLiteral("-o"), QStringLiteral("json")});
    QVERIFY(!r.ok());
    QVERIFY2(r.error().code == QLatin1String("kube.server-error"),
             qPrintable(r.error().code + QLatin1Char(' ') + r.error().message));
    QVERIFY(sb.ctl({QStringLiteral("api-error"), QStringLiteral("--off")}));
}

void TestKubectlSandbox::connectsThroughSshConfigAlias()
{
    // `vigia vigia-sandbox` with the sandbox's ssh_config: the alias resolves to
    // its HostName, Port, User, IdentityFile and UserKnownHostsFile, and connects.
    test::Sandbox sb;
    QVERIFY(startSandbox(sb));
    const Result<ssh::SshConfig> cfg = ssh::SshConfig::load(sb.sshConfigPath());
    QVERIFY(cfg.ok());
    QTemporaryDir dir;
    ProfileStore store(dir.filePath(QStringLiteral("profiles.ini")));
    const Result<ResolvedTarget> r = store.resolveConnectSpec(sb.sshAlias(), cfg.value());
    QVERIFY2(r.ok(), r.ok() ? "" : qPrintable(r.error().toString()));
    QCOMPARE(r->target.host, sb.host());
    QCOMPARE(r->target.port, sb.sshPort());
    QCOMPARE(r->target.user, sb.user());
    QCOMPARE(r->target.identityFiles, QStringList{sb.keyPath(QStringLiteral("ed25519"))});
    QCOMPARE(r->target.knownHostsPath, sb.knownHostsPath());
    QVERIFY(!r->target.useAgent); // IdentitiesOnly yes

    ssh::SshTarget t = r->target;
    t.useDefaultIdentities = false;
    ssh::SshConnection conn;
    QSignalSpy connected(&conn, &ssh::SshConnection::connected);
    QSignalSpy failed(&conn, &ssh::SshConnection::failed);
    conn.open(t);
    for (int i = 0; i < 300 && connected.isEmpty() && failed.isEmpty(); ++i)
        connected.wait(100);
    QVERIFY2(!connected.isEmpty(),
             failed.isEmpty() ? "no answer" : qPrintable(failed.first().first().value<Error>().toString()));
    KubectlRunner runner(&conn);
    const DetectOutcome d = detect(runner);
    QVERIFY2(d.ok, qPrintable(d.error.toString()));
}

QTEST_GUILESS_MAIN(TestKubectlSandbox)
#include "test_kubectl_sandbox.moc"
