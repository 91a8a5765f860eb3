#include "actions/ActionTargets.h"

#include <QCoreApplication>

namespace vigia::actions {

std::optional<std::pair<ObjectKind, QString>> podOwner(const kube::PodInfo &pod)
{
    if (pod.ownerKind == QLatin1String("ReplicaSet")) {
        // Deployment ReplicaSets are "<deployment>-<pod-template-hash>".
        const qsizetype dash = pod.ownerName.lastIndexOf(QLatin1Char('-'));
        if (dash <= 0)
            return std::nullopt;
        return std::make_pair(ObjectKind::Deployment, pod.ownerName.left(dash));
    }
    if (pod.ownerKind == QLatin1String("StatefulSet"))
        return std::make_pair(ObjectKind::StatefulSet, pod.ownerName);
    if (pod.ownerKind == QLatin1String("DaemonSet"))
        return std::make_pair(ObjectKind::DaemonSet, pod.ownerName);
    return std::nullopt;
}

void takeRolloutFacts(ActionSpec &spec, const kube::WorkloadInfo &workload)
{
    spec.strategy = workload.strategy;
    spec.maxUnavailable = workload.maxUnavailable;
    spec.currentReplicas = workload.desired;
}

std::optional<ActionSpec> workloadSpec(ActionKind kind, const kube::WorkloadInfo &workload)
{
    const auto objectKind = objectKindFromString(workload.kind);
    if (!objectKind || *objectKind == ObjectKind::Pod || !actionApplies(kind, *objectKind))
        return std::nullopt;
    ActionSpec spec;
    spec.kind = kind;
    spec.namespaceName = workload.ns;
    spec.objectKind = *objectKind;
    spec.objectName = workload.name;
    takeRolloutFacts(spec, workload);
    return spec;
}

Result<ActionSpec> podActionSpec(ActionKind kind, const kube::PodInfo &pod, const QList<kube::WorkloadInfo> &workloads)
{
    ActionSpec spec;
    spec.kind = kind;
    spec.namespaceName = pod.ns;
    if (kind == ActionKind::DeletePod) {
        spec.objectKind = ObjectKind::Pod;
        spec.objectName = pod.name;
        spec.podHasController = !pod.ownerKind.isEmpty();
        return spec;
    }
    const auto owner = podOwner(pod);
    if (!owner)
        return Result<ActionSpec>(makeError(
            QCoreApplication::translate("ActionTargets", "%1 has no deployment, statefulset or daemonset to act on.")
                .arg(pod.name),
            {}, QStringLiteral("action.no-owner")));
    if (!actionApplies(kind, owner->first))
        return Result<ActionSpec>(makeError(
            QCoreApplication::translate("ActionTargets", "That action does not apply to %1 %2.")
                .arg(objectKindName(owner->first), owner->second),
            {}, QStringLiteral("action.not-applicable")));
    spec.objectKind = owner->first;
    spec.objectName = owner->second;
    // What the last cluster round read of the owner: its strategy and replicas.
    for (const kube::WorkloadInfo &w : workloads) {
        if (w.ns == pod.ns && w.name == owner->second && objectKindFromString(w.kind) == owner->first) {
            takeRolloutFacts(spec, w);
            break;
        }
    }
    return spec;
}

} // namespace vigia::actions
