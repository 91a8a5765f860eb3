#pragma once
// Where the memory budget goes and whether one more project fits: requests,
// limits and observed p95/peak memory per pod and namespace, summed against the
// node's allocatable and the budget, with a one-line answer and warnings.
#include "metrics/HistoryStore.h"
#include "metrics/MetricsParsers.h"

#include <QHash>
#include <QList>
#include <QString>
#include <optional>

namespace vigia::metrics {

constexpr qint64 kDefaultBudgetBytes = 4LL * 1024 * 1024 * 1024;

// The profile's budget, else the node's memory capacity, else 4 GiB.
qint64 resolveBudget(std::optional<qint64> profileBudget, std::optional<qint64> nodeCapacity);

struct PodObservation {
    std::optional<qint64> memoryP95, memoryPeak;
    std::optional<qint64> cpuP95, cpuPeak;
};

struct CapacityInput {
    QList<PodResources> pods;                   // finished pods are ignored
    QHash<QString, PodObservation> observed;    // key "ns/pod"
    std::optional<qint64> overheadPeakBytes;    // K3s + system: host used minus pods, at its peak
    qint64 budgetBytes = kDefaultBudgetBytes;
    std::optional<qint64> nodeAllocatableBytes;
};

struct CapacityRow {
    QString ns, pod; // pod empty: a namespace row; both empty: the total
    qint64 memoryRequest = 0;
    qint64 memoryLimitSum = 0;   // of the pods that declare one
    int podsWithoutLimit = 0;
    std::optional<qint64> memoryP95, memoryPeak;
    qint64 cpuRequest = 0;
    std::optional<qint64> cpuPeak;
    bool hasLimit() const { return podsWithoutLimit == 0; }
    bool operator==(const CapacityRow &) const = default;
};

struct CapacityWarning {
    enum Kind { NoLimit, NearLimit, OverBudget };
    Kind kind = NoLimit;
    QString ns, pod;
    QString text;
    bool operator==(const CapacityWarning &) const = default;
};

struct CapacityReport {
    QList<CapacityRow> pods;       // sorted by namespace, then pod
    QList<CapacityRow> namespaces; // sorted by namespace
    CapacityRow total;
    qint64 budgetBytes = 0;
    std::optional<qint64> nodeAllocatableBytes;
    std::optional<qint64> overheadPeakBytes;
    std::optional<qint64> roomAtPeaksBytes; // empty without observed figures
    qint64 roomByRequestsBytes = 0;
    QString sentence;
    QList<CapacityWarning> warnings;
    bool warningState() const { return !warnings.isEmpty(); }
    bool operator==(const CapacityReport &) const = default;
};

CapacityReport computeCapacity(const CapacityInput &input);

// p95 and peak per pod, and the K3s+system peak, from a history read of
// prefix "" (all series) over [from, to].
struct Observed {
    QHash<QString, PodObservation> pods;
    std::optional<qint64> overheadPeakBytes;
};
Observed observeHistory(const HistoryRead &read, qint64 from, qint64 to);

// "1.9 GiB" at or above 1 GiB, "640 MiB" below.
QString formatRoom(qint64 bytes);

} // namespace vigia::metrics
