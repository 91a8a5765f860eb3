#pragma once
// The cluster poller's round already carries metrics.k8s.io usage (pods and
// nodes); this turns it into the sampler's figures, so the sampler need not
// start a kubectl of its own (Sampler::offerMetrics).
#include "kube/ClusterTypes.h"
#include "metrics/Sample.h"

namespace vigia::metrics {

struct ClusterUsage {
    QList<PodUsage> pods;
    QList<NodeUsage> nodes;
    bool available = false;
    QString problem;
};

ClusterUsage usageFromCluster(const kube::ClusterSnapshot &snapshot);

// The cluster's memory, summed over its nodes: what the capacity view draws as the budget
// line when the profile sets none. Zero capacity means no node reported one (yet).
struct NodeMemoryTotals {
    qint64 capacityBytes = 0;
    qint64 allocatableBytes = 0;
    bool known() const { return capacityBytes > 0; }
};

NodeMemoryTotals nodeMemoryTotals(const kube::ClusterSnapshot &snapshot);

} // namespace vigia::metrics
