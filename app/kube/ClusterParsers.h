#pragma once
// Pure parsers for the rarely-changing resources of the cluster overview. Each
// takes what kubectl or the API prints and returns a Result; missing or
// oddly-typed fields give defaults, never a crash.
#include "core/Result.h"
#include "kube/ClusterTypes.h"
#include "kube/Pod.h"

#include <QByteArray>
#include <QJsonObject>

namespace vigia::kube {

// One Deployment, StatefulSet or DaemonSet (kind from the object, or kindHint
// for raw API lists whose items carry no kind). Error when it has no name.
Result<WorkloadInfo> parseWorkload(const QJsonObject &obj, const QString &kindHint = {});
Result<NodeInfo> parseNode(const QJsonObject &obj);
Result<EventInfo> parseEvent(const QJsonObject &obj);

// Lists (a v1 List of mixed kinds, or a typed list). ReplicaSets and other
// kinds are skipped; so are unnamed items.
Result<QList<WorkloadInfo>> parseWorkloadList(const QByteArray &json);
Result<QList<NodeInfo>> parseNodeList(const QByteArray &json);
// Warnings first, then most recent first.
Result<QList<EventInfo>> parseEventList(const QByteArray &json);
void sortEvents(QList<EventInfo> &events);

// metrics.k8s.io PodMetricsList / NodeMetricsList: containers summed per pod.
Result<QHash<QString, ResourceUsage>> parsePodMetrics(const QByteArray &json);  // key ns/name
Result<QHash<QString, ResourceUsage>> parseNodeMetrics(const QByteArray &json); // key node name

// `kubectl get deploy,sts,ds,nodes,events[,pods.metrics.k8s.io,nodes.metrics.k8s.io] -A -o json`:
// one List of mixed kinds. metricsAvailable is set when any metrics kind was asked for
// (withMetrics) and the call succeeded.
Result<ClusterSnapshot> parseClusterSnapshot(const QByteArray &json, bool withMetrics);

// Joins usage into pods (cpuMilli/memoryBytes); pods without an entry get none.
void joinPodUsage(QList<PodInfo> &pods, const QHash<QString, ResourceUsage> &usage);

// CPU quantity to millicores (rounded up, as Kubernetes' MilliValue) and memory to bytes.
std::optional<qint64> cpuToMilli(const QString &quantity);
std::optional<qint64> memoryToBytes(const QString &quantity);

} // namespace vigia::kube
