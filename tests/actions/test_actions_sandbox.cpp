// Actions against the sandbox: a real sshd, the real kubectl and the simulated
// K3s API, whose audit file records every mutating request kubectl sends.
#include "actions/ActionRunner.h"
#include "actions/AuditLog.h"
#include "actions/CommandExecutor.h"
#include "actions/RolloutHistory.h"
#include "actions/RolloutTracker.h"
#include "core/MetaTypes.h"
#include "remote/KubectlRunner.h"
#include "ssh/SshConnection.h"

#include "Sandbox.h"
#include "SandboxSession.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace vigia;
using namespace vigia::actions;

class TestActionsSandbox : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void readOnlyBlocksAllFourAndSendsNothing();
    void restartIsOnePatchAndFollowedToSuccess();
    void undoGoesToTheChosenRevision();
    void scaleShowsTheNewReplicaCount();
    void deletePodSendsOneDelete();
    void crashLoopingRolloutEndsInFailureWithUndo();

private:
    ActionSpec spec(ActionKind kind, ObjectKind objectKind, const QString &name) const;
    ActionResult runAction(const ActionSpec &s);
    RolloutSnapshot follow(ObjectKind kind, const QString &name, int timeoutMs);
    QByteArray kubectl(const QStringList &args);
    QList<QJsonObject> mutations(qsizetype from) const;

    test::Sandbox m_sb;
    std::unique_ptr<ssh::SshConnection> m_conn;
    std::unique_ptr<remote::KubectlRunner> m_kubectl;
    std::unique_ptr<KubectlExecutor> m_exec;
    std::unique_ptr<AuditLog> m_audit;
    std::unique_ptr<ActionRunner> m_runner;
    QTemporaryDir m_tmp;
};

void TestActionsSandbox::initTestCase()
{
    registerCoreMetaTypes();
    QVERIFY2(m_sb.start(QStringLiteral("joledev")), qPrintable(m_sb.errorString()));
    test::SandboxSession session = test::SandboxSession::open(m_sb);
    QVERIFY2(session, qPrintable(session.error));
    m_conn = std::move(session.conn);
    m_kubectl = std::move(session.runner);
    m_exec = std::make_unique<KubectlExecutor>(m_kubectl.get());
    m_audit = std::make_unique<AuditLog>();
    QVERIFY(m_audit->open(m_tmp.filePath(QStringLiteral("audit.sqlite"))).ok());
    m_runner = std::make_unique<ActionRunner>(m_exec.get(), m_audit.get());
}

void TestActionsSandbox::cleanupTestCase()
{
    m_runner.reset();
    m_exec.reset();
    m_kubectl.reset();
    m_conn.reset();
    m_sb.stop();
}

ActionSpec TestActionsSandbox::spec(ActionKind kind, ObjectKind objectKind, const QString &name) const
{
    ActionSpec s;
    s.kind = kind;
    s.profile = QStringLiteral("sandbox");
    s.server = QStringLiteral("vigia-sandbox");
    s.namespaceName = QStringLiteral("joledev");
    s.objectKind = objectKind;
    s.objectName = name;
    return s;
}

ActionResult TestActionsSandbox::runAction(const ActionSpec &s)
{
    QSignalSpy done(m_runner.get(), &ActionRunner::actionFinished);
    const Result<quint64> token = m_runner->execute(s);
    if (!token) {
        qWarning("refused: %s", qPrintable(token.error().message));
        return {};
    }
    if (!done.wait(60000))
        return {};
    return done.first().at(1).value<ActionResult>();
}

RolloutSnapshot TestActionsSandbox::follow(ObjectKind kind, const QString &name, int timeoutMs)
{
    RolloutTracker tracker(m_exec.get(), kind, name, QStringLiteral("joledev"));
    tracker.setIntervalMs(1000);
    tracker.setTimeoutMs(timeoutMs);
    QSignalSpy finished(&tracker, &RolloutTracker::finished);
    QSignalSpy updated(&tracker, &RolloutTracker::updated);
    tracker.start();
    finished.wait(timeoutMs + 30000);
    if (finished.isEmpty())
        return {};
    const RolloutSnapshot s = finished.first().first().value<RolloutSnapshot>();
    qInfo("%s: %s after %d updates", qPrintable(name), qPrintable(s.phaseText), int(updated.size()));
    return s;
}

QByteArray TestActionsSandbox::kubectl(const QStringList &args)
{
    QSignalSpy done(m_exec.get(), &CommandExecutor::finished);
    const quint64 token = m_exec->start(args, 30000);
    for (int i = 0; i < 10; ++i) {
        if (!done.wait(30000))
            return {};
        for (const auto &call : done)
            if (call.at(0).toULongLong() == token) {
                const auto r = call.at(1).value<CommandResult>();
                return r.ok() ? r.out : QByteArray();
            }
    }
    return {};
}

QList<QJsonObject> TestActionsSandbox::mutations(qsizetype from) const
{
    const QList<QJsonObject> all = m_sb.auditEntries();
    return all.mid(from);
}

void TestActionsSandbox::readOnlyBlocksAllFourAndSendsNothing()
{
    const qsizetype before = m_sb.auditEntries().size();
    const qsizetype localBefore = m_audit->entries().value().size();
    m_runner->setReadOnly(true);
    ActionSpec undo = spec(ActionKind::Undo, ObjectKind::Deployment, QStringLiteral("web"));
    ActionSpec scale = spec(ActionKind::Scale, ObjectKind::Deployment, QStringLiteral("web"));
    scale.replicas = 3;
    const QList<ActionSpec> four{spec(ActionKind::Restart, ObjectKind::Deployment, QStringLiteral("web")),
                                 undo, scale,
                                 spec(ActionKind::DeletePod, ObjectKind::Pod, QStringLiteral("web-x"))};
    for (const ActionSpec &s : four) {
        const Result<quint64> r = m_runner->execute(s);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, QStringLiteral("action.read-only"));
    }
    // The executor refuses a raw mutating command as well, from any caller.
    QSignalSpy done(m_exec.get(), &CommandExecutor::finished);
    m_exec->start(
        {QStringLiteral("delete"), QStringLiteral("pod/web-x"), QStringLiteral("--namespace=joledev")});
    QVERIFY(done.wait(5000));
    QCOMPARE(done.first().at(1).value<CommandResult>().error->code, QStringLiteral("action.read-only"));
    QTest::qWait(1500);
    QCOMPARE(m_sb.auditEntries().size(), before);
    QCOMPARE(m_audit->entries().value().size(), localBefore);
    m_runner->setReadOnly(false);
}

void TestActionsSandbox::restartIsOnePatchAndFollowedToSuccess()
{
    const qsizetype before = m_sb.auditEntries().size();
    const ActionResult r =
        runAction(spec(ActionKind::Restart, ObjectKind::Deployment, QStringLiteral("api-scheduler")));
    QVERIFY2(r.ok(), r.error ? qPrintable(r.error->toString()) : "no result");
    QCOMPARE(r.exitCode, std::optional<int>(0));
    QVERIFY(r.output.contains(QStringLiteral("restarted")));

    const QList<QJsonObject> sent = mutations(before);
    QCOMPARE(sent.size(), 1);
    const QJsonObject patch = sent.first();
    QCOMPARE(patch.value("method").toString(), QStringLiteral("PATCH"));
    QVERIFY(patch.value("path").toString().endsWith(
        QStringLiteral("/namespaces/joledev/deployments/api-scheduler")));
    const QString restartedAt =
        patch
            .value("body")["spec"]["template"]["metadata"]["annotations"]["kubectl.kubernetes.io/restartedAt"]
            .toString();
    QVERIFY2(!restartedAt.isEmpty(), QJsonDocument(patch).toJson().constData());

    const RolloutSnapshot s = follow(ObjectKind::Deployment, QStringLiteral("api-scheduler"), 120000);
    QCOMPARE(s.phase, RolloutPhase::Succeeded);
    QVERIFY(s.phaseText.startsWith(QStringLiteral("Rolled out in ")));
    m_runner->recordOutcome(r.auditId, QString::fromLatin1(outcome::kSucceeded), s.phaseText);

    const AuditEntry local = m_audit->entry(r.auditId).value();
    QCOMPARE(local.commandLine,
             QStringLiteral("kubectl rollout restart deployment/api-scheduler --namespace=joledev"));
    QCOMPARE(local.exitCode, std::optional<int>(0));
    QCOMPARE(local.outcome, QStringLiteral("succeeded"));
}

void TestActionsSandbox::undoGoesToTheChosenRevision()
{
    const Result<WorkloadRef> ref = parseWorkloadRef(
        kubectl({QStringLiteral("get"), QStringLiteral("deployment/web"),
                 QStringLiteral("--namespace=joledev"), QStringLiteral("-o"), QStringLiteral("json")}));
    QVERIFY(ref.ok());
    const Result<QList<RolloutRevision>> revs =
        parseRevisions(kubectl(replicaSetListArgs(ref.value())), ref.value());
    QVERIFY(revs.ok());
    QVERIFY2(revs.value().size() >= 3, qPrintable(QString::number(revs.value().size())));
    QVERIFY(revs.value().first().current);
    // Not the previous one: the oldest, so "previous" would be the wrong answer.
    const RolloutRevision target = revs.value().last();
    QVERIFY(!target.current);
    QVERIFY(target.revision != previousRevision(revs.value()));
    QVERIFY(target.images != revs.value().first().images);

    const qsizetype before = m_sb.auditEntries().size();
    ActionSpec undo = spec(ActionKind::Undo, ObjectKind::Deployment, QStringLiteral("web"));
    undo.revision = target.revision;
    const ActionResult r = runAction(undo);
    QVERIFY2(r.ok(), r.error ? qPrintable(r.error->toString()) : "no result");
    QVERIFY(r.commandLine.contains(QStringLiteral("--to-revision=%1").arg(target.revision)));

    const QList<QJsonObject> sent = mutations(before);
    QCOMPARE(sent.size(), 1);
    QCOMPARE(sent.first().value("method").toString(), QStringLiteral("PATCH"));
    QVERIFY(sent.first().value("path").toString().endsWith(QStringLiteral("/deployments/web")));
    const QJsonArray ops = sent.first().value("body").toArray();
    QString patchedImage;
    for (const QJsonValue &op : ops)
        if (op["path"].toString() == QLatin1String("/spec/template"))
            patchedImage = op["value"]["spec"]["containers"][0]["image"].toString();
    QCOMPARE(patchedImage, target.images.first());

    const RolloutSnapshot s = follow(ObjectKind::Deployment, QStringLiteral("web"), 120000);
    QCOMPARE(s.phase, RolloutPhase::Succeeded);
    const QJsonObject dep =
        QJsonDocument::fromJson(
            kubectl({QStringLiteral("get"), QStringLiteral("deployment/web"),
                     QStringLiteral("--namespace=joledev"), QStringLiteral("-o"), QStringLiteral("json")}))
            .object();
    QCOMPARE(dep["spec"]["template"]["spec"]["containers"][0]["image"].toString(), target.images.first());
}

void TestActionsSandbox::scaleShowsTheNewReplicaCount()
{
    const qsizetype before = m_sb.auditEntries().size();
    ActionSpec scale = spec(ActionKind::Scale, ObjectKind::Deployment, QStringLiteral("api-quoter"));
    scale.currentReplicas = 1;
    scale.replicas = 2;
    const ActionResult r = runAction(scale);
    QVERIFY2(r.ok(), r.error ? qPrintable(r.error->toString()) : "no result");
    const QList<QJsonObject> sent = mutations(before);
    QCOMPARE(sent.size(), 1);
    QVERIFY(sent.first().value("path").toString().endsWith(QStringLiteral("/deployments/api-quoter/scale")));
    QCOMPARE(sent.first().value("body")["spec"]["replicas"].toInt(), 2);

    const RolloutSnapshot s = follow(ObjectKind::Deployment, QStringLiteral("api-quoter"), 120000);
    QCOMPARE(s.phase, RolloutPhase::Succeeded);
    QCOMPARE(s.desired, 2);
    QCOMPARE(s.available, 2);
    const QJsonObject dep =
        QJsonDocument::fromJson(
            kubectl({QStringLiteral("get"), QStringLiteral("deployment/api-quoter"),
                     QStringLiteral("--namespace=joledev"), QStringLiteral("-o"), QStringLiteral("json")}))
            .object();
    QCOMPARE(dep["spec"]["replicas"].toInt(), 2);
    QCOMPARE(dep["status"]["readyReplicas"].toInt(), 2);
}

void TestActionsSandbox::deletePodSendsOneDelete()
{
    const QJsonObject pods =
        QJsonDocument::fromJson(
            kubectl({QStringLiteral("get"), QStringLiteral("pods"), QStringLiteral("--namespace=joledev"),
                     QStringLiteral("--selector=app=gatus"), QStringLiteral("-o"), QStringLiteral("json")}))
            .object();
    QString name;
    for (const QJsonValue &p : pods["items"].toArray())
        if (!p["metadata"].toObject().contains(QStringLiteral("deletionTimestamp")))
            name = p["metadata"]["name"].toString();
    if (name.isEmpty()) {
        const QJsonObject all =
            QJsonDocument::fromJson(
                kubectl({QStringLiteral("get"), QStringLiteral("pods"), QStringLiteral("--namespace=joledev"),
                         QStringLiteral("-o"), QStringLiteral("json")}))
                .object();
        for (const QJsonValue &p : all["items"].toArray())
            if (p["metadata"]["name"].toString().startsWith(QStringLiteral("gatus-")))
                name = p["metadata"]["name"].toString();
    }
    QVERIFY2(!name.isEmpty(), "no gatus pod in the sandbox");
    const qsizetype before = m_sb.auditEntries().size();
    const ActionResult r = runAction(spec(ActionKind::DeletePod, ObjectKind::Pod, name));
    QVERIFY2(r.ok(), r.error ? qPrintable(r.error->toString()) : "no result");
    QVERIFY(!r.followsRollout());
    const QList<QJsonObject> sent = mutations(before);
    QCOMPARE(sent.size(), 1);
    QCOMPARE(sent.first().value("method").toString(), QStringLiteral("DELETE"));
    QVERIFY(sent.first().value("path").toString().endsWith(QStringLiteral("/pods/") + name));
    QCOMPARE(m_audit->entry(r.auditId).value().outcome, QStringLiteral("done"));
}

void TestActionsSandbox::crashLoopingRolloutEndsInFailureWithUndo()
{
    QString out;
    QVERIFY2(m_sb.ctl({QStringLiteral("next-rollout-crash"), QStringLiteral("--deployment"),
                       QStringLiteral("gatus"), QStringLiteral("--deadline"), QStringLiteral("90")},
                      &out),
             qPrintable(m_sb.errorString()));
    const ActionResult r =
        runAction(spec(ActionKind::Restart, ObjectKind::Deployment, QStringLiteral("gatus")));
    QVERIFY2(r.ok(), r.error ? qPrintable(r.error->toString()) : "no result");
    const RolloutSnapshot s = follow(ObjectKind::Deployment, QStringLiteral("gatus"), 150000);
    QCOMPARE(s.phase, RolloutPhase::Failed);
    QVERIFY2(s.failure == RolloutFailure::CrashLoop || s.failure == RolloutFailure::ProgressDeadline,
             qPrintable(s.phaseText));
    QVERIFY(s.undoOffered);
    if (s.failure == RolloutFailure::CrashLoop) {
        QVERIFY(s.failingPod.startsWith(QStringLiteral("gatus-")));
        QVERIFY(!s.failingContainer.isEmpty());
    }
    // The undo that the panel offers works: back to the previous revision.
    ActionSpec undo = spec(ActionKind::Undo, ObjectKind::Deployment, QStringLiteral("gatus"));
    const ActionResult u = runAction(undo);
    QVERIFY2(u.ok(), u.error ? qPrintable(u.error->toString()) : "no result");
    QCOMPARE(follow(ObjectKind::Deployment, QStringLiteral("gatus"), 120000).phase, RolloutPhase::Succeeded);
}

QTEST_GUILESS_MAIN(TestActionsSandbox)
#include "test_actions_sandbox.moc"
