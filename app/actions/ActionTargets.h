#pragma once
// Which object an action on a pod or a workload means, and what its confirmation
// must know about it: rules, not widgets, so they are tested without a window.
#include "actions/ActionSpec.h"
#include "core/Result.h"
#include "kube/ClusterTypes.h"
#include "kube/Pod.h"

#include <optional>
#include <utility>

namespace vigia::actions {

// The workload that owns a pod: a ReplicaSet's deployment ("api-7d9c8b-x" -> "api").
std::optional<std::pair<ObjectKind, QString>> podOwner(const kube::PodInfo &pod);
// How the workload replaces its pods: what a restart's confirmation says.
void takeRolloutFacts(ActionSpec &spec, const kube::WorkloadInfo &workload);
// What kind asks of this workload (no profile or server yet), or nothing when it does not apply.
std::optional<ActionSpec> workloadSpec(ActionKind kind, const kube::WorkloadInfo &workload);
// What kind asks of this pod: the pod itself (delete) or its owner, with the owner's
// strategy and replicas from workloads (the last cluster round). An error says why not.
Result<ActionSpec> podActionSpec(ActionKind kind, const kube::PodInfo &pod, const QList<kube::WorkloadInfo> &workloads);

} // namespace vigia::actions
