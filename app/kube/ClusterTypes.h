#pragma once
// Value types for the cluster overview: workloads (Deployments, StatefulSets,
// DaemonSets), nodes, events and metrics.k8s.io usage, as the views need them.
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>
#include <optional>

namespace vigia::kube {

struct Condition {
    QString type;
    QString status; // "True", "False", "Unknown"
    QString reason;
    QString message;
    QDateTime lastTransition;
    bool operator==(const Condition &) const = default;
};

struct WorkloadInfo {
    QString uid;
    QString kind; // Deployment, StatefulSet, DaemonSet
    QString ns;
    QString name;
    int desired = 0;
    int ready = 0;
    int upToDate = 0;
    int available = 0;
    QStringList images;
    QDateTime createdAt;
    QList<Condition> conditions;
    // How pods are replaced: "RollingUpdate" or "Recreate" (Deployment), "RollingUpdate" or
    // "OnDelete" (StatefulSet, DaemonSet); maxUnavailable as written ("25%", "1"), empty when unset.
    QString strategy;
    QString maxUnavailable;
    // Why this workload needs attention ("1/2 ready", "ProgressDeadlineExceeded"); empty when healthy.
    QString problem;

    QString key() const { return kind + QLatin1Char('/') + ns + QLatin1Char('/') + name; }
    bool operator==(const WorkloadInfo &) const = default;
};

struct NodeInfo {
    QString uid;
    QString name;
    QString status; // Ready, NotReady, Unknown, plus ",SchedulingDisabled" as kubectl prints
    bool ready = false;
    QStringList roles; // from node-role.kubernetes.io/<role> labels; empty prints "<none>"
    QString version;   // kubelet version
    QString internalIp;
    QString osImage;
    qint64 cpuCapacityMilli = 0, cpuAllocatableMilli = 0;
    qint64 memoryCapacityBytes = 0, memoryAllocatableBytes = 0;
    int podsCapacity = 0;
    QDateTime createdAt;
    QList<Condition> conditions;
    // From metrics.k8s.io NodeMetrics; absent when metrics-server is missing.
    std::optional<qint64> cpuUsageMilli;
    std::optional<qint64> memoryUsageBytes;
    // Pressure conditions and the like, in words; empty when healthy.
    QString problem;

    QString key() const { return name; }
    bool operator==(const NodeInfo &) const = default;
};

struct EventInfo {
    QString uid;
    QString ns;
    QString name;
    QString type; // Normal, Warning
    QString reason;
    QString message;
    QString objectKind; // involvedObject.kind
    QString objectName;
    QString objectNamespace;
    int count = 1;
    QDateTime firstSeen;
    QDateTime lastSeen; // lastTimestamp, series.lastObservedTime, eventTime or creation, first found
    QString source;     // reportingComponent or source.component

    bool isWarning() const { return type == QLatin1String("Warning"); }
    // "pod/web-5f9c", as kubectl prints the OBJECT column.
    QString object() const { return objectKind.toLower() + QLatin1Char('/') + objectName; }
    QString key() const { return uid.isEmpty() ? ns + QLatin1Char('/') + name : uid; }
    bool operator==(const EventInfo &) const = default;
};

struct ResourceUsage {
    qint64 cpuMilli = 0;
    qint64 memoryBytes = 0;
    bool operator==(const ResourceUsage &) const = default;
};

// What one ClusterPoller round brings back.
struct ClusterSnapshot {
    QList<WorkloadInfo> workloads;
    QList<NodeInfo> nodes;
    QList<EventInfo> events;
    bool eventsIncluded = true; // false: the round left events out (they were watched live meanwhile)
    QHash<QString, ResourceUsage> podUsage; // key: namespace/name
    bool metricsAvailable = false;
    QString metricsProblem; // why usage is missing ("metrics-server is not installed ...")
    QDateTime fetchedAt;
};

} // namespace vigia::kube

Q_DECLARE_METATYPE(vigia::kube::ClusterSnapshot)
