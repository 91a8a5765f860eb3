#include "metrics/ClusterUsage.h"

namespace vigia::metrics {

ClusterUsage usageFromCluster(const kube::ClusterSnapshot &snapshot)
{
    constexpr qint64 kNanoPerMilli = 1000000;
    ClusterUsage u;
    u.available = snapshot.metricsAvailable;
    u.problem = snapshot.metricsAvailable ? QString() : snapshot.metricsProblem;
    if (!snapshot.metricsAvailable)
        return u;
    u.pods.reserve(snapshot.podUsage.size());
    for (auto it = snapshot.podUsage.cbegin(); it != snapshot.podUsage.cend(); ++it) {
        const qsizetype slash = it.key().indexOf(QLatin1Char('/'));
        if (slash <= 0)
            continue;
        PodUsage p;
        p.ns = it.key().left(slash);
        p.name = it.key().mid(slash + 1);
        p.cpuNanocores = it.value().cpuMilli * kNanoPerMilli;
        p.memoryBytes = it.value().memoryBytes;
        u.pods.append(p);
    }
    for (const kube::NodeInfo &n : snapshot.nodes) {
        if (!n.cpuUsageMilli && !n.memoryUsageBytes)
            continue;
        u.nodes.append(
            NodeUsage{n.name, n.cpuUsageMilli.value_or(0) * kNanoPerMilli, n.memoryUsageBytes.value_or(0)});
    }
    return u;
}

NodeMemoryTotals nodeMemoryTotals(const kube::ClusterSnapshot &snapshot)
{
    NodeMemoryTotals t;
    for (const kube::NodeInfo &n : snapshot.nodes) {
        // A node that reports nothing (or nonsense) adds nothing rather than lowering the sum.
        t.capacityBytes += qMax<qint64>(0, n.memoryCapacityBytes);
        t.allocatableBytes += qMax<qint64>(0, n.memoryAllocatableBytes);
    }
    return t;
}

} // namespace vigia::metrics
