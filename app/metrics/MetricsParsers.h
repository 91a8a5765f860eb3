#pragma once
// Pure parsers for what the sampler and kubectl print. Each takes the raw text
// and returns a Result: odd or partial input yields what can be read, or an
// Error that says what was wrong, never a crash or a silent zero.
#include "core/Result.h"
#include "metrics/Sample.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <optional>

namespace vigia::metrics {

// /proc/meminfo. Fails (code "metrics.meminfo") only when MemTotal is absent.
Result<HostMemory> parseMeminfo(const QByteArray &text);

// /proc/loadavg: "0.52 0.58 0.59 2/934 12345".
Result<LoadAverage> parseLoadavg(const QByteArray &text);

// A single integer file such as memory.current; "max" and junk are errors.
Result<qint64> parseCgroupValue(const QByteArray &text);

// The cgroup section the sampler prints: a tag line ("v2", "v1", "absent v2",
// "absent v1"), the value, then optional memory.stat lines ("anon N", "file N").
// Error codes: metrics.cgroup-absent, metrics.cgroup-denied, metrics.cgroup.
Result<CgroupMemory> parseCgroupSection(const QByteArray &text);

// `du -sb DIR` (stderr merged): the last "<bytes>\t<path>" line. Error codes:
// metrics.du-absent (no such folder), metrics.du (unreadable output).
// Permission problems under the folder still give the partial total.
struct DiskUsage {
    qint64 bytes = 0;
    bool partial = false; // some entries could not be read
};
Result<DiskUsage> parseDuOutput(const QByteArray &text);

// metrics.k8s.io/v1beta1 PodMetricsList: containers summed per pod.
Result<QList<PodUsage>> parsePodMetricsList(const QByteArray &json);
// metrics.k8s.io/v1beta1 NodeMetricsList.
Result<QList<NodeUsage>> parseNodeMetricsList(const QByteArray &json);

struct OomEvent {
    QString container;
    qint64 finishedAtMs = 0; // 0 when kubectl gave no time
};

// Requests and limits of one pod from `kubectl get pods -A -o json`, in bytes and nanocores.
struct PodResources {
    QString ns, name, phase, nodeName;
    qint64 memoryRequest = 0;
    std::optional<qint64> memoryLimit; // empty when any container has no memory limit
    qint64 cpuRequest = 0;
    std::optional<qint64> cpuLimit;
    QStringList containersWithoutMemoryLimit;
    QList<OomEvent> ooms; // last terminations with reason OOMKilled
    bool isFinished() const
    {
        return phase == QLatin1String("Succeeded") || phase == QLatin1String("Failed");
    }
};
// Effective requests follow the scheduler: max(sum of containers, largest init container).
Result<QList<PodResources>> parsePodResources(const QByteArray &podListJson);

struct NodeCapacity {
    QString name;
    qint64 cpuCapacity = 0, cpuAllocatable = 0;       // nanocores
    qint64 memoryCapacity = 0, memoryAllocatable = 0; // bytes
};
// `kubectl get nodes -o json`.
Result<QList<NodeCapacity>> parseNodeCapacity(const QByteArray &nodeListJson);

} // namespace vigia::metrics
