// Which object an action means (actions/ActionTargets.h), without a window: a pod's
// owner, what an action asks of a workload, and what it asks of a pod with the
// owner's rollout facts from the last cluster round. (Formerly MainWindow's.)
#include "actions/ActionTargets.h"
#include "kube/ClusterParsers.h"

#include <QFile>
#include <QTest>

using namespace vigia;
using namespace vigia::actions;

namespace {
QList<kube::WorkloadInfo> joledevWorkloads()
{
    QFile f(QStringLiteral(VIGIA_SHARED_TEST_DATA_DIR "/workloads-joledev.json"));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return kube::parseWorkloadList(f.readAll()).value();
}

const kube::WorkloadInfo *find(const QList<kube::WorkloadInfo> &all, const QString &kind, const QString &name)
{
    for (const kube::WorkloadInfo &w : all)
        if (w.kind == kind && w.name == name)
            return &w;
    return nullptr;
}

kube::PodInfo podOf(const QString &ns, const QString &name, const QString &ownerKind, const QString &ownerName)
{
    kube::PodInfo pod;
    pod.ns = ns;
    pod.name = name;
    pod.ownerKind = ownerKind;
    pod.ownerName = ownerName;
    return pod;
}
} // namespace

class TestActionTargets : public QObject {
    Q_OBJECT
private slots:
    void podOwnerFromReplicaSet();
    void workloadSpecPerKind();
    void podActionSpecTakesTheOwnersFacts();
};

void TestActionTargets::podOwnerFromReplicaSet()
{
    kube::PodInfo pod;
    pod.ownerKind = QStringLiteral("ReplicaSet");
    pod.ownerName = QStringLiteral("api-scheduler-7d9c8b6f5");
    auto owner = podOwner(pod);
    QVERIFY(owner);
    QCOMPARE(owner->first, ObjectKind::Deployment);
    QCOMPARE(owner->second, QStringLiteral("api-scheduler"));
    pod.ownerKind = QStringLiteral("StatefulSet");
    pod.ownerName = QStringLiteral("db");
    owner = podOwner(pod);
    QVERIFY(owner);
    QCOMPARE(owner->first, ObjectKind::StatefulSet);
    QCOMPARE(owner->second, QStringLiteral("db"));
    pod.ownerKind = QStringLiteral("DaemonSet");
    pod.ownerName = QStringLiteral("svclb-traefik");
    owner = podOwner(pod);
    QVERIFY(owner);
    QCOMPARE(owner->first, ObjectKind::DaemonSet);
    // A ReplicaSet name without a hash names no deployment.
    pod.ownerKind = QStringLiteral("ReplicaSet");
    pod.ownerName = QStringLiteral("standalone");
    QVERIFY(!podOwner(pod));
    pod.ownerKind = QStringLiteral("Job");
    QVERIFY(!podOwner(pod));
    pod.ownerKind.clear();
    QVERIFY(!podOwner(pod));
}

void TestActionTargets::workloadSpecPerKind()
{
    const QList<kube::WorkloadInfo> all = joledevWorkloads();
    QVERIFY(!all.isEmpty());
    const kube::WorkloadInfo *web = find(all, QStringLiteral("Deployment"), QStringLiteral("web"));
    QVERIFY(web);
    const auto restart = workloadSpec(ActionKind::Restart, *web);
    QVERIFY(restart);
    QCOMPARE(restart->kind, ActionKind::Restart);
    QCOMPARE(restart->namespaceName, QStringLiteral("joledev"));
    QCOMPARE(restart->objectKind, ObjectKind::Deployment);
    QCOMPARE(restart->objectName, QStringLiteral("web"));
    // The confirmation says how the pods are replaced: the workload's own strategy.
    QCOMPARE(restart->strategy, web->strategy);
    QCOMPARE(restart->maxUnavailable, web->maxUnavailable);
    QCOMPARE(restart->currentReplicas, web->desired);
    QVERIFY(workloadSpec(ActionKind::Scale, *web));
    QVERIFY(workloadSpec(ActionKind::Undo, *web));
    QVERIFY(!workloadSpec(ActionKind::DeletePod, *web));

    // A DaemonSet restarts and undoes, but has no replica count to scale.
    const kube::WorkloadInfo *ds = find(all, QStringLiteral("DaemonSet"), QStringLiteral("svclb-traefik-5d3f5d0a"));
    QVERIFY(ds);
    const auto dsRestart = workloadSpec(ActionKind::Restart, *ds);
    QVERIFY(dsRestart);
    QCOMPARE(dsRestart->objectKind, ObjectKind::DaemonSet);
    QCOMPARE(dsRestart->namespaceName, QStringLiteral("kube-system"));
    QVERIFY(workloadSpec(ActionKind::Undo, *ds));
    QVERIFY(!workloadSpec(ActionKind::Scale, *ds));

    kube::WorkloadInfo odd = *web;
    odd.kind = QStringLiteral("CronJob");
    QVERIFY(!workloadSpec(ActionKind::Restart, odd));
}

void TestActionTargets::podActionSpecTakesTheOwnersFacts()
{
    const QList<kube::WorkloadInfo> all = joledevWorkloads();
    const kube::WorkloadInfo *web = find(all, QStringLiteral("Deployment"), QStringLiteral("web"));
    QVERIFY(web);
    const kube::PodInfo pod = podOf(QStringLiteral("joledev"), QStringLiteral("web-7c9d8f6b5-x2k4p"),
                                    QStringLiteral("ReplicaSet"), QStringLiteral("web-7c9d8f6b5"));

    // Delete: the pod itself, and whether something will replace it.
    const Result<ActionSpec> del = podActionSpec(ActionKind::DeletePod, pod, all);
    QVERIFY(del.ok());
    QCOMPARE(del->objectKind, ObjectKind::Pod);
    QCOMPARE(del->objectName, pod.name);
    QCOMPARE(del->namespaceName, QStringLiteral("joledev"));
    QVERIFY(del->podHasController);
    QVERIFY(!podActionSpec(ActionKind::DeletePod, podOf(QStringLiteral("joledev"), QStringLiteral("bare"), {}, {}), all)
                 ->podHasController);

    // Restart and scale: the owner, with its strategy and replicas from the round.
    const Result<ActionSpec> restart = podActionSpec(ActionKind::Restart, pod, all);
    QVERIFY(restart.ok());
    QCOMPARE(restart->objectKind, ObjectKind::Deployment);
    QCOMPARE(restart->objectName, QStringLiteral("web"));
    QCOMPARE(restart->strategy, web->strategy);
    QCOMPARE(restart->currentReplicas, web->desired);
    // No round yet: the owner still, without facts.
    const Result<ActionSpec> blind = podActionSpec(ActionKind::Scale, pod, {});
    QVERIFY(blind.ok());
    QCOMPARE(blind->objectName, QStringLiteral("web"));
    QVERIFY(blind->strategy.isEmpty());
    // A workload of the same name elsewhere is not this pod's owner.
    QList<kube::WorkloadInfo> elsewhere{*web};
    elsewhere.first().ns = QStringLiteral("other");
    elsewhere.first().strategy = QStringLiteral("Recreate");
    QVERIFY(podActionSpec(ActionKind::Restart, pod, elsewhere)->strategy.isEmpty());

    // No owner, or an owner the action does not apply to: an error that says why.
    const Result<ActionSpec> job = podActionSpec(
        ActionKind::Restart, podOf(QStringLiteral("joledev"), QStringLiteral("backup-x"), QStringLiteral("Job"),
                                   QStringLiteral("backup")), all);
    QVERIFY(!job.ok());
    QCOMPARE(job.error().code, QStringLiteral("action.no-owner"));
    QVERIFY(job.error().message.contains(QStringLiteral("backup-x")));
    const Result<ActionSpec> dsScale = podActionSpec(
        ActionKind::Scale, podOf(QStringLiteral("kube-system"), QStringLiteral("svclb-x"), QStringLiteral("DaemonSet"),
                                 QStringLiteral("svclb-traefik-5d3f5d0a")), all);
    QVERIFY(!dsScale.ok());
    QCOMPARE(dsScale.error().code, QStringLiteral("action.not-applicable"));
}

QTEST_GUILESS_MAIN(TestActionTargets)
#include "test_action_targets.moc"
