// Core tests for mutating actions: argv and quoting, the read-only gate, the
// audit trail, rollout history parsing and the rollout state machine.
#include "FakeExecutor.h"

#include "actions/ActionRunner.h"
#include "actions/ActionSpec.h"
#include "actions/AuditLog.h"
#include "actions/RolloutHistory.h"
#include "actions/RolloutState.h"
#include "actions/RolloutTracker.h"
#include "remote/KubectlRunner.h"
#include "remote/ShellQuote.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace vigia;
using namespace vigia::actions;

namespace {

ActionSpec spec(ActionKind kind, ObjectKind objectKind, const QString &name,
                const QString &ns = QStringLiteral("joledev"))
{
    ActionSpec s;
    s.kind = kind;
    s.profile = QStringLiteral("vps-1");
    s.server = QStringLiteral("vps-1");
    s.namespaceName = ns;
    s.objectKind = objectKind;
    s.objectName = name;
    if (kind == ActionKind::Scale)
        s.replicas = 3;
    return s;
}

QList<ActionSpec> allFour()
{
    ActionSpec undo = spec(ActionKind::Undo, ObjectKind::Deployment, QStringLiteral("api"));
    undo.revision = 2;
    return {spec(ActionKind::Restart, ObjectKind::Deployment, QStringLiteral("api")), undo,
            spec(ActionKind::Scale, ObjectKind::Deployment, QStringLiteral("api")),
            spec(ActionKind::DeletePod, ObjectKind::Pod, QStringLiteral("api-7d9c-x2x"))};
}

// --- JSON builders for the state machine -----------------------------------------
QJsonObject ownerRef(const QString &kind, const QString &name, const QString &uid = QString())
{
    QJsonObject r{{"kind", kind}, {"name", name}, {"controller", true}};
    if (!uid.isEmpty())
        r.insert("uid", uid);
    return r;
}

QJsonObject deployment(int generation, int observed, int revision, int replicas, int updated, int ready,
                       int available, int total,
                       const QString &progressingReason = QStringLiteral("ReplicaSetUpdated"))
{
    return QJsonObject{
        {"kind", "Deployment"},
        {"metadata", QJsonObject{{"name", "api"},
                                 {"namespace", "joledev"},
                                 {"uid", "dep-uid"},
                                 {"generation", generation},
                                 {"annotations", QJsonObject{{"deployment.kubernetes.io/revision",
                                                              QString::number(revision)}}}}},
        {"spec", QJsonObject{{"replicas", replicas},
                             {"selector", QJsonObject{{"matchLabels", QJsonObject{{"app", "api"}}}}}}},
        {"status",
         QJsonObject{{"observedGeneration", observed},
                     {"replicas", total},
                     {"updatedReplicas", updated},
                     {"readyReplicas", ready},
                     {"availableReplicas", available},
                     {"conditions",
                      QJsonArray{QJsonObject{
                          {"type", "Progressing"},
                          {"status", progressingReason == "ProgressDeadlineExceeded" ? "False" : "True"},
                          {"reason", progressingReason}}}}}}};
}

QJsonObject replicaSet(const QString &name, int revision, const QString &image, const QString &owner = "api",
                       const QString &changeCause = QString(), int replicas = 0)
{
    QJsonObject annotations{{"deployment.kubernetes.io/revision", QString::number(revision)}};
    if (!changeCause.isEmpty())
        annotations.insert("kubernetes.io/change-cause", changeCause);
    const QJsonObject container{{"name", "app"}, {"image", image}};
    const QJsonObject podTemplate{{"spec", QJsonObject{{"containers", QJsonArray{container}}}}};
    const QJsonObject rsSpec{{"replicas", replicas}, {"template", podTemplate}};
    return QJsonObject{
        {"kind", "ReplicaSet"},
        {"metadata",
         QJsonObject{{"name", name},
                     {"namespace", "joledev"},
                     {"creationTimestamp", "2026-11-20T10:00:00Z"},
                     {"annotations", annotations},
                     {"ownerReferences",
                      QJsonArray{ownerRef("Deployment", owner, owner == "api" ? "dep-uid" : "other-uid")}}}},
        {"spec", rsSpec}};
}

QJsonObject pod(const QString &name, const QString &rs, bool ready, const QString &waitingReason = QString(),
                bool terminating = false)
{
    QJsonObject meta{{"name", name},
                     {"namespace", "joledev"},
                     {"ownerReferences", QJsonArray{ownerRef("ReplicaSet", rs)}}};
    if (terminating)
        meta.insert("deletionTimestamp", "2026-11-27T08:00:00Z");
    QJsonObject state = waitingReason.isEmpty()
                            ? QJsonObject{{"running", QJsonObject{}}}
                            : QJsonObject{{"waiting", QJsonObject{{"reason", waitingReason}}}};
    return QJsonObject{
        {"kind", "Pod"},
        {"metadata", meta},
        {"status",
         QJsonObject{
             {"phase", waitingReason.isEmpty() ? "Running" : "Pending"},
             {"conditions", QJsonArray{QJsonObject{{"type", "Ready"}, {"status", ready ? "True" : "False"}}}},
             {"containerStatuses",
              QJsonArray{QJsonObject{{"name", "app"},
                                     {"restartCount", waitingReason == "CrashLoopBackOff" ? 3 : 0},
                                     {"state", state}}}}}}};
}

QByteArray listJson(const QJsonArray &items)
{
    return QJsonDocument(QJsonObject{{"kind", "List"}, {"items", items}}).toJson(QJsonDocument::Compact);
}

} // namespace

class TestActions : public QObject {
    Q_OBJECT
private slots:
    void runnerRefusesMutatingWhenReadOnly()
    {
        // No connection at all: a refusal must come from the read-only gate, before anything else.
        remote::KubectlRunner runner(nullptr);
        runner.setReadOnly(true);
        QSignalSpy spy(&runner, &remote::KubectlRunner::finished);
        const quint64 scale = runner.run({QStringLiteral("scale"), QStringLiteral("deployment/web"),
                                          QStringLiteral("--replicas=0")});
        const quint64 get = runner.run({QStringLiteral("get"), QStringLiteral("pods")});
        QTRY_COMPARE(spy.size(), 2);
        QHash<quint64, QString> codes;
        for (const QList<QVariant> &args : spy) {
            const auto *r = static_cast<const Result<QByteArray> *>(args.at(1).constData());
            codes.insert(args.at(0).toULongLong(), r->ok() ? QString() : r->error().code);
        }
        QCOMPARE(codes.value(scale), QStringLiteral("action.read-only"));
        QCOMPARE(codes.value(get), QStringLiteral("kube.no-connection"));
        QCOMPARE(runner.stream({QStringLiteral("delete"), QStringLiteral("pod"), QStringLiteral("x")}), nullptr);
    }

    // ---- argv ----
    void argvForEachAction()
    {
        const QList<ActionSpec> specs = allFour();
        QCOMPARE(kubectlArgs(specs[0]).value(),
                 (QStringList{"rollout", "restart", "deployment/api", "--namespace=joledev"}));
        QCOMPARE(kubectlArgs(specs[1]).value(), (QStringList{"rollout", "undo", "deployment/api",
                                                             "--to-revision=2", "--namespace=joledev"}));
        QCOMPARE(kubectlArgs(specs[2]).value(),
                 (QStringList{"scale", "deployment/api", "--replicas=3", "--namespace=joledev"}));
        QCOMPARE(kubectlArgs(specs[3]).value(),
                 (QStringList{"delete", "pod/api-7d9c-x2x", "--namespace=joledev", "--wait=false"}));
        ActionSpec prev = specs[1];
        prev.revision = 0;
        QCOMPARE(kubectlArgs(prev).value(),
                 (QStringList{"rollout", "undo", "deployment/api", "--namespace=joledev"}));
        ActionSpec sts = spec(ActionKind::Restart, ObjectKind::StatefulSet, "db");
        QCOMPARE(kubectlArgs(sts).value().at(2), QStringLiteral("statefulset/db"));
        QCOMPARE(remoteCommandLine({"sudo", "-n", "k3s", "kubectl"}, specs[0]).value(),
                 QStringLiteral("sudo -n k3s kubectl rollout restart deployment/api --namespace=joledev"));
    }

    void invalidSpecsAreRejected_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<int>("objectKind");
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("ns");
        QTest::addColumn<int>("replicas");
        QTest::newRow("empty name") << int(ActionKind::Restart) << int(ObjectKind::Deployment) << ""
                                    << "ns" << 1;
        QTest::newRow("slash in name") << int(ActionKind::Restart) << int(ObjectKind::Deployment) << "a/b"
                                       << "ns" << 1;
        QTest::newRow("newline in ns") << int(ActionKind::Restart) << int(ObjectKind::Deployment) << "a"
                                       << "n\ns" << 1;
        QTest::newRow("empty ns") << int(ActionKind::Restart) << int(ObjectKind::Deployment) << "a"
                                  << " " << 1;
        QTest::newRow("scale daemonset") << int(ActionKind::Scale) << int(ObjectKind::DaemonSet) << "a"
                                         << "ns" << 1;
        QTest::newRow("restart pod") << int(ActionKind::Restart) << int(ObjectKind::Pod) << "a"
                                     << "ns" << 1;
        QTest::newRow("delete deployment") << int(ActionKind::DeletePod) << int(ObjectKind::Deployment) << "a"
                                           << "ns" << 1;
        QTest::newRow("negative replicas") << int(ActionKind::Scale) << int(ObjectKind::Deployment) << "a"
                                           << "ns" << -1;
    }
    void invalidSpecsAreRejected()
    {
        QFETCH(int, kind);
        QFETCH(int, objectKind);
        QFETCH(QString, name);
        QFETCH(QString, ns);
        QFETCH(int, replicas);
        ActionSpec s = spec(ActionKind(kind), ObjectKind(objectKind), name, ns);
        s.replicas = replicas;
        const auto r = kubectlArgs(s);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, QStringLiteral("action.invalid"));
    }

    // Names a shell would act on: the command line, run by a real /bin/sh with
    // kubectl replaced by printf, must give back exactly the argv, and nothing
    // in it may run.
    void hostileNamesSurviveARealShell_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("ns");
        QTest::newRow("dns-1123 plain") << "api-scheduler.v2"
                                        << "joledev";
        QTest::newRow("command substitution") << "$(touch CANARY)"
                                              << "`touch CANARY`";
        QTest::newRow("quotes") << "it's \"quoted\""
                                << "a'b";
        QTest::newRow("separators") << "x; touch CANARY & echo"
                                    << "a|b>CANARY";
        QTest::newRow("leading dash") << "--all"
                                      << "-n";
        QTest::newRow("globs and vars") << "*?[a]$HOME${IFS}"
                                        << "~root";
        QTest::newRow("unicode") << "café-ñ✓"
                                 << "名前";
    }
    void hostileNamesSurviveARealShell()
    {
        QFETCH(QString, name);
        QFETCH(QString, ns);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        for (const ActionSpec &base : allFour()) {
            ActionSpec s = base;
            s.objectName = name;
            s.namespaceName = ns;
            const Result<QStringList> args = kubectlArgs(s);
            QVERIFY2(args.ok(), qPrintable(args.ok() ? QString() : args.error().message));
            // The object is always addressed as TYPE/NAME and the namespace with '=',
            // so neither can be read as a flag.
            QVERIFY(args.value().contains(objectKindName(s.objectKind) + "/" + name));
            QVERIFY(args.value().contains("--namespace=" + ns));
            const QString line = remoteCommandLine({"printf", "%s\\n"}, s).value();
            QProcess sh;
            sh.setWorkingDirectory(dir.path());
            sh.start("/bin/sh", {"-c", line});
            QVERIFY(sh.waitForFinished(5000));
            QCOMPARE(sh.exitCode(), 0);
            const QString out = QString::fromUtf8(sh.readAllStandardOutput());
            QCOMPARE(out, args.value().join('\n') + '\n');
            QVERIFY2(!QFile::exists(dir.filePath("CANARY")), "the shell ran part of a name");
        }
    }

    void descriptionsNameServerNamespaceAndObject()
    {
        for (const ActionSpec &s : allFour()) {
            const QString d = actionDescription(s);
            QVERIFY2(d.contains("server vps-1"), qPrintable(d));
            QVERIFY2(d.contains("namespace joledev"), qPrintable(d));
            QVERIFY2(d.contains(s.objectName), qPrintable(d));
            QVERIFY(!actionTitle(s).isEmpty());
        }
        // A restart says truly whether the service stays up: Recreate (api-scheduler, with its
        // SQLite volume) or a single replica that may stop first means downtime.
        ActionSpec r = spec(ActionKind::Restart, ObjectKind::Deployment, "api-scheduler");
        QVERIFY2(actionDescription(r).startsWith(
                     "Restart deployment api-scheduler in namespace joledev on server vps-1: "),
                 qPrintable(actionDescription(r)));
        QVERIFY(!actionDescription(r).contains("stays up"));
        r.strategy = "Recreate";
        r.currentReplicas = 1;
        QVERIFY2(actionDescription(r).contains("DOWN until a new pod is Ready"), qPrintable(actionDescription(r)));
        r.strategy = "RollingUpdate";
        r.maxUnavailable = "1";
        QVERIFY2(actionDescription(r).contains("DOWN"), qPrintable(actionDescription(r)));
        r.maxUnavailable = "25%"; // of 1 rounds down to 0: a new pod starts first
        QVERIFY2(actionDescription(r).contains("starts before an old one stops"), qPrintable(actionDescription(r)));
        r.currentReplicas = 4; // 25 % of 4: one at a time, three keep serving
        QVERIFY2(actionDescription(r).contains("at least 3 keep serving"), qPrintable(actionDescription(r)));
        r.maxUnavailable = "100%";
        QVERIFY2(actionDescription(r).contains("DOWN"), qPrintable(actionDescription(r)));
        ActionSpec bare = spec(ActionKind::DeletePod, ObjectKind::Pod, "debug");
        bare.podHasController = false;
        QVERIFY(actionDescription(bare).contains("will NOT come back"));
        ActionSpec down = spec(ActionKind::Scale, ObjectKind::Deployment, "api");
        down.currentReplicas = 3;
        down.replicas = 1;
        QVERIFY(actionDescription(down).contains("from 3 to 1"));
        QVERIFY(actionIsDestructive(ActionKind::Undo));
        QVERIFY(actionIsDestructive(ActionKind::DeletePod));
        QVERIFY(!actionIsDestructive(ActionKind::Restart));
    }

    // ---- the read-only gate, at core level ----
    void readOnlyBlocksAllFourInTheCore()
    {
        QTemporaryDir dir;
        test::FakeExecutor exec;
        AuditLog audit;
        QVERIFY(audit.open(dir.filePath("audit.sqlite")).ok());
        ActionRunner runner(&exec, &audit);
        runner.setReadOnly(true);
        QSignalSpy finished(&runner, &ActionRunner::actionFinished);
        for (const ActionSpec &s : allFour()) {
            const Result<quint64> r = runner.execute(s);
            QVERIFY(!r.ok());
            QCOMPARE(r.error().code, QStringLiteral("action.read-only"));
            QVERIFY2(r.error().message.startsWith("read-only profile: ") &&
                         r.error().message.endsWith(" refused"),
                     qPrintable(r.error().message));
        }
        QTest::qWait(20);
        QCOMPARE(exec.sent.size(), 0);
        QCOMPARE(finished.size(), 0);
        QCOMPARE(audit.entries().value().size(), 0);

        // The executor itself refuses mutating commands for any other caller...
        QSignalSpy execDone(&exec, &CommandExecutor::finished);
        for (const ActionSpec &s : allFour())
            exec.start(kubectlArgs(s).value());
        QTRY_COMPARE(execDone.size(), 4);
        QCOMPARE(exec.sent.size(), 0);
        for (const auto &call : execDone)
            QCOMPARE(call.at(1).value<CommandResult>().error->code, QStringLiteral("action.read-only"));
        // ...and still lets reads through.
        exec.start({"get", "pods", "-o", "json"});
        QTRY_COMPARE(execDone.size(), 5);
        QCOMPARE(exec.sent.size(), 1);

        // Turning read-only off opens the gate again.
        runner.setReadOnly(false);
        const Result<quint64> again = runner.execute(allFour().first());
        QVERIFY2(again.ok(), qPrintable(again.ok() ? QString() : again.error().message));
        QTRY_COMPARE(exec.sent.size(), 2);
    }

    // ---- runner and audit ----
    void runnerRecordsEachActionInTheAudit()
    {
        QTemporaryDir dir;
        test::FakeExecutor exec;
        exec.responder = [](const QStringList &args) {
            CommandResult r;
            if (args.contains("--replicas=3")) {
                r.exitCode = 1;
                r.err = "Error from server (NotFound): deployments.apps \"api\" not found";
                r.error = makeError("deployments.apps \"api\" not found", QString(), "kube.not-found-object");
            } else {
                r.exitCode = 0;
                r.out = "deployment.apps/api restarted\n";
            }
            return r;
        };
        AuditLog audit;
        QVERIFY(audit.open(dir.filePath("sub/audit.sqlite")).ok());
        // Private whatever the umask: 0600 in a 0700 folder.
        QCOMPARE(int(QFile::permissions(dir.filePath("sub/audit.sqlite")) & 0x0077), 0);
        QCOMPARE(int(QFile::permissions(dir.filePath("sub"))), int(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner |
                                                                  QFile::ReadUser | QFile::WriteUser | QFile::ExeUser));
        ActionRunner runner(&exec, &audit);
        QSignalSpy finished(&runner, &ActionRunner::actionFinished);
        const QList<ActionSpec> specs = allFour();
        QList<quint64> tokens;
        for (const ActionSpec &s : specs) {
            const Result<quint64> r = runner.execute(s);
            QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message));
            tokens << r.value();
        }
        QTRY_COMPARE(finished.size(), 4);
        QCOMPARE(exec.sent.size(), 4);

        const QList<AuditEntry> entries = audit.entries().value();
        QCOMPARE(entries.size(), 4);
        // Newest first; every entry has the exact command line that was sent.
        for (int i = 0; i < 4; ++i) {
            const AuditEntry &e = entries.at(3 - i);
            QCOMPARE(e.commandLine, exec.commandLineFor(exec.sent.at(i)));
            QCOMPARE(e.profile, QStringLiteral("vps-1"));
            QCOMPARE(e.action, actionKindName(specs.at(i).kind));
            QCOMPARE(e.namespaceName, QStringLiteral("joledev"));
        }
        const AuditEntry restart = entries.at(3);
        QCOMPARE(restart.exitCode, std::optional<int>(0));
        QCOMPARE(restart.outcome, QString::fromLatin1(outcome::kFollowing));
        const AuditEntry scale = entries.at(1);
        QCOMPARE(scale.exitCode, std::optional<int>(1));
        QCOMPARE(scale.outcome, QString::fromLatin1(outcome::kCommandFailed));
        QVERIFY(scale.error.contains("not found"));
        const AuditEntry del = entries.at(0);
        QCOMPARE(del.outcome, QString::fromLatin1(outcome::kDone));

        for (const auto &call : finished) {
            const auto r = call.at(1).value<ActionResult>();
            QVERIFY(tokens.contains(call.at(0).toULongLong()));
            QVERIFY(r.auditId > 0);
            QCOMPARE(r.ok(), r.spec.kind != ActionKind::Scale);
        }
        runner.recordOutcome(restart.id, outcome::kSucceeded, "rolled out in 14 s");
        QCOMPARE(audit.entry(restart.id).value().outcomeDetail, QStringLiteral("rolled out in 14 s"));
    }

    void invalidActionSendsAndRecordsNothing()
    {
        test::FakeExecutor exec;
        AuditLog audit;
        QVERIFY(audit.open(":memory:").ok());
        ActionRunner runner(&exec, &audit);
        QVERIFY(!runner.execute(spec(ActionKind::Restart, ObjectKind::Deployment, "a/b")).ok());
        QTest::qWait(10);
        QCOMPARE(exec.sent.size(), 0);
        QCOMPARE(audit.entries().value().size(), 0);
    }

    void auditPersistsAndFilters()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath("audit.sqlite");
        qint64 firstId = 0;
        {
            AuditLog audit;
            QVERIFY(audit.open(path).ok());
            QSignalSpy added(&audit, &AuditLog::entryAdded);
            QSignalSpy changed(&audit, &AuditLog::entryChanged);
            AuditEntry e;
            e.time = QDateTime::fromString("2026-11-27T08:00:00Z", Qt::ISODate);
            e.profile = "vps-1";
            e.server = "vps-1";
            e.action = "restart";
            e.namespaceName = "joledev";
            e.objectKind = "deployment";
            e.objectName = "api-scheduler";
            e.commandLine = "kubectl rollout restart deployment/api-scheduler --namespace=joledev";
            firstId = audit.append(e).value();
            e.time = e.time.addSecs(60);
            e.profile = "other";
            e.objectName = "web";
            e.commandLine = "kubectl scale deployment/web --replicas=2 --namespace=joledev";
            audit.append(e).value();
            QCOMPARE(added.size(), 2);
            QVERIFY(audit.setExitStatus(firstId, 0, QString()).ok());
            QVERIFY(audit.setOutcome(firstId, outcome::kFailed, "pod x is in CrashLoopBackOff").ok());
            QCOMPARE(changed.size(), 2);
        }
        AuditLog reopened;
        QVERIFY(reopened.open(path).ok());
        const auto all = reopened.entries().value();
        QCOMPARE(all.size(), 2);
        QCOMPARE(all.at(0).objectName, QStringLiteral("web")); // newest first
        QCOMPARE(all.at(1).id, firstId);
        QCOMPARE(all.at(1).exitCode, std::optional<int>(0));
        QCOMPARE(all.at(1).outcome, QStringLiteral("failed"));
        QCOMPARE(all.at(1).time, QDateTime::fromString("2026-11-27T08:00:00Z", Qt::ISODate));
        QCOMPARE(all.at(0).exitCode, std::nullopt);
        AuditQuery q;
        q.profile = "vps-1";
        QCOMPARE(reopened.entries(q).value().size(), 1);
        q = {};
        q.textFilter = "SCHEDULER";
        QCOMPARE(reopened.entries(q).value().size(), 1);
        q.textFilter = "'; DROP TABLE audit; --";
        QCOMPARE(reopened.entries(q).value().size(), 0);
        QCOMPARE(reopened.entries().value().size(), 2);
        QVERIFY(!reopened.entry(9999).ok());
        AuditLog closed;
        QVERIFY(!closed.append(AuditEntry{}).ok());
    }

    // ---- history ----
    void historyFromReplicaSets()
    {
        const QJsonArray items{
            replicaSet("api-aaa", 1, "api:1.0", "api", "", 0),
            replicaSet("api-ccc", 3, "api:1.2", "api", "kubectl set image api app=api:1.2", 2),
            replicaSet("api-bbb", 2, "api:1.1", "api", "", 0),
            replicaSet("other-zzz", 9, "other:9", "other", "", 1)};
        WorkloadRef ref = workloadRefFromJson(deployment(4, 4, 3, 2, 2, 2, 2, 2));
        QCOMPARE(ref.uid, QStringLiteral("dep-uid"));
        QCOMPARE(ref.revision, 3);
        QCOMPARE(ref.labelSelector, QStringLiteral("app=api"));
        const auto revs = parseRevisions(listJson(items), ref).value();
        QCOMPARE(revs.size(), 3);
        QCOMPARE(revs.at(0).revision, 3);
        QVERIFY(revs.at(0).current);
        QCOMPARE(revs.at(0).images, QStringList{"api:1.2"});
        QCOMPARE(revs.at(0).changeCause, QStringLiteral("kubectl set image api app=api:1.2"));
        QCOMPARE(revs.at(0).replicas, 2);
        QCOMPARE(revs.at(2).revision, 1);
        QCOMPARE(revs.at(1).replicaSetName, QStringLiteral("api-bbb"));
        QCOMPARE(previousRevision(revs), 2);
        QVERIFY(!parseRevisions("{not json", ref).ok());
        QCOMPARE(replicaSetListArgs(ref), (QStringList{"get", "replicasets", "--namespace=joledev", "-o",
                                                       "json", "--selector=app=api"}));
        QCOMPARE(formatAge(QDateTime::fromString("2026-11-20T10:00:00Z", Qt::ISODate),
                           QDateTime::fromString("2026-11-27T10:00:00Z", Qt::ISODate)),
                 QStringLiteral("7d"));
        QCOMPARE(formatAge(QDateTime::fromString("2026-11-27T09:59:15Z", Qt::ISODate),
                           QDateTime::fromString("2026-11-27T10:00:00Z", Qt::ISODate)),
                 QStringLiteral("45s"));
    }

    void selectorExpressions()
    {
        const QJsonObject sel{
            {"matchLabels", QJsonObject{{"app", "api"}}},
            {"matchExpressions",
             QJsonArray{
                 QJsonObject{{"key", "tier"}, {"operator", "In"}, {"values", QJsonArray{"web", "worker"}}},
                 QJsonObject{{"key", "canary"}, {"operator", "DoesNotExist"}}}}};
        QCOMPARE(labelSelectorString(sel), QStringLiteral("app=api,tier in (web,worker),!canary"));
        QCOMPARE(labelSelectorString(QJsonObject{}), QString());
    }

    // ---- the rollout state machine ----
    void restartSequenceReachesSuccess()
    {
        RolloutState st(ObjectKind::Deployment, "api", "joledev");
        const QJsonArray rs{replicaSet("api-old", 1, "api:1"), replicaSet("api-new", 2, "api:1")};
        // 1. The PATCH bumped generation; the controller has not seen it yet.
        auto s = st.observe(deployment(2, 1, 1, 2, 2, 2, 2, 2), rs,
                            {pod("api-old-a", "api-old", true), pod("api-old-b", "api-old", true)}, 300);
        QCOMPARE(s.phase, RolloutPhase::Waiting);
        // 2. One new pod is being created.
        s = st.observe(deployment(2, 2, 2, 2, 1, 2, 2, 3), rs,
                       {pod("api-old-a", "api-old", true), pod("api-old-b", "api-old", true),
                        pod("api-new-a", "api-new", false, "ContainerCreating")},
                       2000);
        QCOMPARE(s.phase, RolloutPhase::Progressing);
        QCOMPARE(s.updated, 1);
        QCOMPARE(s.desired, 2);
        QVERIFY2(s.phaseText.contains("1 of 2 new replicas"), qPrintable(s.phaseText));
        QCOMPARE(s.pods.size(), 3);
        QVERIFY(s.pods.at(0).isNew);
        QCOMPARE(s.pods.at(0).status, QStringLiteral("ContainerCreating"));
        // 3. Both new pods exist, one old one terminating.
        s = st.observe(deployment(2, 2, 2, 2, 2, 2, 1, 3), rs,
                       {pod("api-old-a", "api-old", true, "", true), pod("api-new-a", "api-new", true),
                        pod("api-new-b", "api-new", false)},
                       8000);
        QCOMPARE(s.phase, RolloutPhase::Progressing);
        QVERIFY2(s.phaseText.contains("pending termination"), qPrintable(s.phaseText));
        QCOMPARE(s.pods.last().status, QStringLiteral("Terminating"));
        QVERIFY(s.pods.last().terminating);
        // 4. Old ones gone, new ones available.
        s = st.observe(deployment(2, 2, 2, 2, 2, 2, 2, 2), rs,
                       {pod("api-new-a", "api-new", true), pod("api-new-b", "api-new", true)}, 14200);
        QCOMPARE(s.phase, RolloutPhase::Succeeded);
        QCOMPARE(s.phaseText, QStringLiteral("Rolled out in 14 s."));
        QVERIFY(s.finished());
        // Further observations do not change a finished rollout.
        s = st.observe(deployment(3, 2, 2, 2, 0, 0, 0, 0), rs, {}, 20000);
        QCOMPARE(s.phase, RolloutPhase::Succeeded);
    }

    void progressDeadlineExceededFails()
    {
        RolloutState st(ObjectKind::Deployment, "api", "joledev");
        auto s = st.observe(deployment(2, 2, 2, 2, 1, 2, 2, 3, "ProgressDeadlineExceeded"),
                            {replicaSet("api-new", 2, "api:2")}, {}, 600000);
        QCOMPARE(s.phase, RolloutPhase::Failed);
        QCOMPARE(s.failure, RolloutFailure::ProgressDeadline);
        QVERIFY(s.undoOffered);
        QVERIFY(s.phaseText.contains("progress deadline"));
    }

    void crashLoopingNewPodFailsButOldOneDoesNot()
    {
        RolloutState st(ObjectKind::Deployment, "api", "joledev");
        const QJsonArray rs{replicaSet("api-old", 1, "api:1"), replicaSet("api-new", 2, "api:2")};
        // An old pod crash-looping is not this rollout's failure.
        auto s = st.observe(deployment(2, 2, 2, 2, 1, 1, 1, 3), rs,
                            {pod("api-old-a", "api-old", false, "CrashLoopBackOff"),
                             pod("api-new-a", "api-new", false, "ContainerCreating")},
                            1000);
        QCOMPARE(s.phase, RolloutPhase::Progressing);
        s = st.observe(
            deployment(2, 2, 2, 2, 1, 1, 1, 3), rs,
            {pod("api-old-a", "api-old", true), pod("api-new-a", "api-new", false, "CrashLoopBackOff")},
            9000);
        QCOMPARE(s.phase, RolloutPhase::Failed);
        QCOMPARE(s.failure, RolloutFailure::CrashLoop);
        QCOMPARE(s.failingPod, QStringLiteral("api-new-a"));
        QCOMPARE(s.failingContainer, QStringLiteral("app"));
        QVERIFY(s.undoOffered);
        QVERIFY(s.phaseText.contains("CrashLoopBackOff"));
    }

    void imagePullFails()
    {
        RolloutState st(ObjectKind::Deployment, "api", "joledev");
        auto s = st.observe(deployment(2, 2, 2, 1, 1, 0, 0, 2), {replicaSet("api-new", 2, "api:nope")},
                            {pod("api-new-a", "api-new", false, "ImagePullBackOff")}, 5000);
        QCOMPARE(s.failure, RolloutFailure::ImagePull);
        QCOMPARE(s.failingPod, QStringLiteral("api-new-a"));
    }

    void timeoutAndErrors()
    {
        RolloutState st(ObjectKind::Deployment, "api", "joledev");
        st.observe(deployment(2, 2, 2, 2, 1, 2, 2, 3), {}, {}, 1000);
        auto s = st.timeOut(300000);
        QCOMPARE(s.phase, RolloutPhase::Failed);
        QCOMPARE(s.failure, RolloutFailure::Timeout);
        QVERIFY(s.undoOffered);
        QVERIFY(s.phaseText.startsWith("Not finished after 5 min"));
        RolloutState gone(ObjectKind::Deployment, "api", "joledev");
        s = gone.observe(QJsonObject{}, {}, {}, 100);
        QCOMPARE(s.failure, RolloutFailure::Error);
        QVERIFY(!s.undoOffered);
    }

    void scaleDownWaitsForExtraPods()
    {
        RolloutState st(ObjectKind::Deployment, "api", "joledev");
        auto s = st.observe(deployment(3, 3, 2, 1, 1, 2, 2, 2), {}, {}, 500);
        QCOMPARE(s.phase, RolloutPhase::Progressing);
        s = st.observe(deployment(3, 3, 2, 1, 1, 1, 1, 1), {}, {}, 1500);
        QCOMPARE(s.phase, RolloutPhase::Succeeded);
    }

    void statefulSetAndDaemonSet()
    {
        QJsonObject sts{{"metadata", QJsonObject{{"name", "db"}, {"generation", 2}}},
                        {"spec", QJsonObject{{"replicas", 2}}},
                        {"status", QJsonObject{{"observedGeneration", 2},
                                               {"replicas", 2},
                                               {"readyReplicas", 2},
                                               {"updatedReplicas", 1},
                                               {"currentRevision", "db-1"},
                                               {"updateRevision", "db-2"}}}};
        RolloutState a(ObjectKind::StatefulSet, "db", "joledev");
        QCOMPARE(a.observe(sts, {}, {}, 10).phase, RolloutPhase::Progressing);
        QJsonObject status = sts["status"].toObject();
        status["updatedReplicas"] = 2;
        status["currentRevision"] = "db-2";
        sts["status"] = status;
        QCOMPARE(a.observe(sts, {}, {}, 20).phase, RolloutPhase::Succeeded);

        QJsonObject ds{{"metadata", QJsonObject{{"name", "agent"}, {"generation", 4}}},
                       {"status", QJsonObject{{"observedGeneration", 4},
                                              {"desiredNumberScheduled", 1},
                                              {"updatedNumberScheduled", 0},
                                              {"numberAvailable", 1}}}};
        RolloutState b(ObjectKind::DaemonSet, "agent", "joledev");
        QCOMPARE(b.observe(ds, {}, {}, 10).phase, RolloutPhase::Progressing);
        QJsonObject dstatus = ds["status"].toObject();
        dstatus["updatedNumberScheduled"] = 1;
        ds["status"] = dstatus;
        QCOMPARE(b.observe(ds, {}, {}, 20).phase, RolloutPhase::Succeeded);
    }

    // ---- the tracker, driven by a scripted executor ----
    void trackerFollowsToSuccess()
    {
        test::FakeExecutor exec;
        int step = 0;
        exec.responder = [&step](const QStringList &args) {
            CommandResult r;
            r.exitCode = 0;
            const QJsonArray rs{replicaSet("api-old", 1, "api:1"), replicaSet("api-new", 2, "api:1")};
            if (args.at(1).startsWith("deployment/")) {
                ++step;
                const QJsonObject d =
                    step < 2 ? deployment(2, 2, 2, 1, 0, 1, 1, 2) : deployment(2, 2, 2, 1, 1, 1, 1, 1);
                r.out = QJsonDocument(d).toJson();
            } else {
                r.out = listJson(step < 2 ? QJsonArray{rs[0], rs[1], pod("api-old-a", "api-old", true),
                                                       pod("api-new-a", "api-new", false)}
                                          : QJsonArray{rs[0], rs[1], pod("api-new-a", "api-new", true)});
            }
            return r;
        };
        RolloutTracker tracker(&exec, ObjectKind::Deployment, "api", "joledev");
        tracker.setIntervalMs(20);
        QSignalSpy updated(&tracker, &RolloutTracker::updated);
        QSignalSpy finished(&tracker, &RolloutTracker::finished);
        tracker.start();
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 5000);
        const auto s = finished.first().first().value<RolloutSnapshot>();
        QCOMPARE(s.phase, RolloutPhase::Succeeded);
        QVERIFY(updated.size() >= 2);
        QVERIFY(!tracker.isRunning());
        QCOMPARE(exec.sent.at(0), RolloutTracker::workloadArgs(ObjectKind::Deployment, "api", "joledev"));
        QCOMPARE(exec.sent.at(1), (QStringList{"get", "replicasets,pods", "--namespace=joledev", "-o", "json",
                                               "--selector=app=api"}));
        const int sent = exec.sent.size();
        QTest::qWait(100);
        QCOMPARE(exec.sent.size(), sent); // nothing more after the end
    }

    void trackerTimesOut()
    {
        test::FakeExecutor exec;
        exec.responder = [](const QStringList &args) {
            CommandResult r;
            r.exitCode = 0;
            r.out = args.at(1).startsWith("deployment/")
                        ? QJsonDocument(deployment(2, 2, 2, 2, 1, 1, 1, 3)).toJson()
                        : listJson({});
            return r;
        };
        RolloutTracker tracker(&exec, ObjectKind::Deployment, "api", "joledev");
        tracker.setIntervalMs(20);
        tracker.setTimeoutMs(300);
        QSignalSpy finished(&tracker, &RolloutTracker::finished);
        tracker.start();
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 5000);
        QCOMPARE(finished.first().first().value<RolloutSnapshot>().failure, RolloutFailure::Timeout);
    }

    void trackerGivesUpAfterRepeatedErrors()
    {
        test::FakeExecutor exec;
        exec.responder = [](const QStringList &) {
            CommandResult r;
            r.error = makeError("The connection to the server was refused", QString(), "kube.refused");
            return r;
        };
        RolloutTracker tracker(&exec, ObjectKind::Deployment, "api", "joledev");
        tracker.setIntervalMs(10);
        QSignalSpy finished(&tracker, &RolloutTracker::finished);
        tracker.start();
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 5000);
        const auto s = finished.first().first().value<RolloutSnapshot>();
        QCOMPARE(s.failure, RolloutFailure::Error);
        QVERIFY(s.phaseText.contains("refused"));
        QCOMPARE(exec.sent.size(), 3);
    }
};

QTEST_GUILESS_MAIN(TestActions)
#include "test_actions.moc"
