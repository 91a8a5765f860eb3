#include "kube/ClusterParsers.h"

#include "kube/PodStatus.h"
#include "kube/Quantity.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

#include <algorithm>
#include <cmath>

namespace vigia::kube {

namespace {

QJsonObject obj(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1StringView(key)).toObject();
}
QString str(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1StringView(key)).toString();
}
int num(const QJsonObject &o, const char *key)
{
    const QJsonValue v = o.value(QLatin1StringView(key));
    if (v.isDouble())
        return v.toInt();
    if (v.isString()) // some tools print numbers as strings
        return v.toString().toInt();
    return 0;
}

QList<Condition> parseConditions(const QJsonObject &status)
{
    QList<Condition> out;
    const QJsonArray arr = status.value(QLatin1StringView("conditions")).toArray();
    for (const QJsonValue &v : arr) {
        const QJsonObject c = v.toObject();
        if (str(c, "type").isEmpty())
            continue;
        out << Condition{str(c, "type"), str(c, "status"), str(c, "reason"), str(c, "message"),
                         parseKubeTime(c.value(QLatin1StringView("lastTransitionTime")))};
    }
    return out;
}

const Condition *findCondition(const QList<Condition> &conds, const QString &type)
{
    for (const Condition &c : conds)
        if (c.type == type)
            return &c;
    return nullptr;
}

QStringList templateImages(const QJsonObject &spec)
{
    QStringList images;
    const QJsonObject podSpec = obj(obj(spec, "template"), "spec");
    for (const char *key : {"initContainers", "containers"}) {
        const QJsonArray arr = podSpec.value(QLatin1StringView(key)).toArray();
        for (const QJsonValue &v : arr) {
            const QString img = str(v.toObject(), "image");
            if (!img.isEmpty() && !images.contains(img))
                images << img;
        }
    }
    return images;
}

Result<QJsonObject> parseDocument(const QByteArray &json, const QString &what)
{
    QJsonParseError pe{};
    const QJsonDocument doc = QJsonDocument::fromJson(json, &pe);
    if (pe.error != QJsonParseError::NoError || !doc.isObject()) {
        // Cut-off output breaks at its very end; anything else is not JSON at all.
        const QByteArray t = json.trimmed();
        const bool truncated =
            t.isEmpty() || ((t.startsWith('{') || t.startsWith('[')) &&
                            (pe.error == QJsonParseError::UnterminatedObject ||
                             pe.error == QJsonParseError::UnterminatedArray ||
                             pe.error == QJsonParseError::UnterminatedString || pe.offset >= t.size() - 1));
        return makeError(QCoreApplication::translate("ClusterParsers", "kubectl printed unreadable %1 (%2 at byte %3).")
                             .arg(what, pe.errorString())
                             .arg(pe.offset),
                         truncated ? QCoreApplication::translate("ClusterParsers", "The output looks cut off; it is fetched again shortly.")
                                   : QString(),
                         truncated ? QStringLiteral("kube.truncated") : QStringLiteral("kube.bad-json"));
    }
    return doc.object();
}

QJsonArray itemsOf(const QJsonObject &root)
{
    if (root.contains(QLatin1StringView("items")))
        return root.value(QLatin1StringView("items")).toArray();
    return QJsonArray{root}; // a single object
}

QString listItemKind(const QJsonObject &root)
{
    QString kind = str(root, "kind");
    if (kind.endsWith(QLatin1String("List")))
        kind.chop(4);
    return kind == QLatin1String("") ? QString() : kind;
}

ResourceUsage sumContainers(const QJsonObject &item)
{
    ResourceUsage u;
    const QJsonArray containers = item.value(QLatin1StringView("containers")).toArray();
    for (const QJsonValue &v : containers) {
        const QJsonObject usage = obj(v.toObject(), "usage");
        u.cpuMilli += cpuToMilli(str(usage, "cpu")).value_or(0);
        u.memoryBytes += memoryToBytes(str(usage, "memory")).value_or(0);
    }
    return u;
}

ResourceUsage nodeUsage(const QJsonObject &item)
{
    const QJsonObject usage = obj(item, "usage");
    return ResourceUsage{cpuToMilli(str(usage, "cpu")).value_or(0),
                         memoryToBytes(str(usage, "memory")).value_or(0)};
}

bool isWorkloadKind(const QString &kind)
{
    return kind == QLatin1String("Deployment") || kind == QLatin1String("StatefulSet") ||
           kind == QLatin1String("DaemonSet");
}

} // namespace

std::optional<qint64> cpuToMilli(const QString &quantity)
{
    if (quantity.trimmed().isEmpty())
        return std::nullopt;
    const Result<qint64> n = parseCpuNanocores(quantity.trimmed());
    if (!n.ok())
        return std::nullopt;
    return (n.value() + 999999) / 1000000;
}

std::optional<qint64> memoryToBytes(const QString &quantity)
{
    if (quantity.trimmed().isEmpty())
        return std::nullopt;
    const Result<qint64> n = parseBytes(quantity.trimmed());
    if (!n.ok())
        return std::nullopt;
    return n.value();
}

Result<WorkloadInfo> parseWorkload(const QJsonObject &o, const QString &kindHint)
{
    const QJsonObject meta = obj(o, "metadata");
    WorkloadInfo w;
    w.name = str(meta, "name");
    if (w.name.isEmpty())
        return makeError(QCoreApplication::translate("ClusterParsers", "A workload without a name was skipped."), QString(),
                         QStringLiteral("kube.bad-object"));
    w.kind = str(o, "kind").isEmpty() ? kindHint : str(o, "kind");
    w.uid = str(meta, "uid");
    w.ns = str(meta, "namespace");
    w.createdAt = parseKubeTime(meta.value(QLatin1StringView("creationTimestamp")));
    const QJsonObject spec = obj(o, "spec");
    const QJsonObject status = obj(o, "status");
    w.images = templateImages(spec);
    w.conditions = parseConditions(status);
    {
        // Deployments say "strategy", StatefulSets and DaemonSets "updateStrategy".
        QJsonObject strategy = obj(spec, "strategy");
        if (strategy.isEmpty())
            strategy = obj(spec, "updateStrategy");
        w.strategy = str(strategy, "type");
        const QJsonValue mu = obj(strategy, "rollingUpdate").value(QLatin1StringView("maxUnavailable"));
        w.maxUnavailable = mu.isDouble() ? QString::number(mu.toInt()) : mu.toString();
    }
    if (w.kind == QLatin1String("DaemonSet")) {
        w.desired = num(status, "desiredNumberScheduled");
        w.ready = num(status, "numberReady");
        w.upToDate = num(status, "updatedNumberScheduled");
        w.available = num(status, "numberAvailable");
    } else {
        // spec.replicas defaults to 1 when left out.
        const QJsonValue r = spec.value(QLatin1StringView("replicas"));
        w.desired = r.isUndefined() || r.isNull() ? 1 : r.toInt();
        w.ready = num(status, "readyReplicas");
        w.upToDate = num(status, "updatedReplicas");
        w.available = num(status, "availableReplicas");
    }
    QStringList problems;
    if (const Condition *p = findCondition(w.conditions, QStringLiteral("Progressing"));
        p && p->status == QLatin1String("False"))
        problems << (p->reason.isEmpty() ? QCoreApplication::translate("ClusterParsers", "Not progressing") : p->reason);
    if (const Condition *f = findCondition(w.conditions, QStringLiteral("ReplicaFailure"));
        f && f->status == QLatin1String("True"))
        problems << (f->reason.isEmpty() ? QStringLiteral("ReplicaFailure") : f->reason);
    if (w.ready < w.desired)
        problems << QCoreApplication::translate("ClusterParsers", "%1/%2 ready").arg(w.ready).arg(w.desired);
    w.problem = problems.join(QStringLiteral(", "));
    return w;
}

Result<NodeInfo> parseNode(const QJsonObject &o)
{
    const QJsonObject meta = obj(o, "metadata");
    NodeInfo n;
    n.name = str(meta, "name");
    if (n.name.isEmpty())
        return makeError(QCoreApplication::translate("ClusterParsers", "A node without a name was skipped."), QString(),
                         QStringLiteral("kube.bad-object"));
    n.uid = str(meta, "uid");
    n.createdAt = parseKubeTime(meta.value(QLatin1StringView("creationTimestamp")));
    const QJsonObject labels = obj(meta, "labels");
    const QLatin1StringView rolePrefix("node-role.kubernetes.io/");
    for (auto it = labels.begin(); it != labels.end(); ++it) {
        if (it.key().startsWith(rolePrefix) && it.key().size() > rolePrefix.size())
            n.roles << it.key().mid(rolePrefix.size());
        else if (it.key() == QLatin1String("kubernetes.io/role") && !it.value().toString().isEmpty())
            n.roles << it.value().toString();
    }
    n.roles.removeDuplicates();
    n.roles.sort();
    const QJsonObject status = obj(o, "status");
    n.conditions = parseConditions(status);
    const Condition *ready = findCondition(n.conditions, QStringLiteral("Ready"));
    n.ready = ready && ready->status == QLatin1String("True");
    // As kubectl prints it: a Ready condition that is False or Unknown (the node
    // controller's NodeStatusUnknown) is "NotReady"; no condition at all is "Unknown".
    n.status = !ready    ? QStringLiteral("Unknown")
               : n.ready ? QStringLiteral("Ready")
                         : QStringLiteral("NotReady");
    if (obj(o, "spec").value(QLatin1StringView("unschedulable")).toBool())
        n.status += QStringLiteral(",SchedulingDisabled");
    const QJsonObject info = obj(status, "nodeInfo");
    n.version = str(info, "kubeletVersion");
    n.osImage = str(info, "osImage");
    const QJsonArray addrs = status.value(QLatin1StringView("addresses")).toArray();
    for (const QJsonValue &v : addrs)
        if (str(v.toObject(), "type") == QLatin1String("InternalIP"))
            n.internalIp = str(v.toObject(), "address");
    const QJsonObject cap = obj(status, "capacity");
    const QJsonObject alloc = obj(status, "allocatable");
    n.cpuCapacityMilli = cpuToMilli(str(cap, "cpu")).value_or(0);
    n.cpuAllocatableMilli = cpuToMilli(str(alloc, "cpu")).value_or(0);
    n.memoryCapacityBytes = memoryToBytes(str(cap, "memory")).value_or(0);
    n.memoryAllocatableBytes = memoryToBytes(str(alloc, "memory")).value_or(0);
    n.podsCapacity = str(cap, "pods").toInt();
    QStringList problems;
    if (!n.ready)
        problems << (ready && !ready->reason.isEmpty() ? ready->reason : n.status);
    for (const Condition &c : std::as_const(n.conditions)) {
        if (c.type != QLatin1String("Ready") && c.status == QLatin1String("True"))
            problems << c.type; // MemoryPressure, DiskPressure, PIDPressure, NetworkUnavailable
    }
    n.problem = problems.join(QStringLiteral(", "));
    return n;
}

Result<EventInfo> parseEvent(const QJsonObject &o)
{
    const QJsonObject meta = obj(o, "metadata");
    EventInfo e;
    e.name = str(meta, "name");
    e.uid = str(meta, "uid");
    if (e.name.isEmpty() && e.uid.isEmpty())
        return makeError(QCoreApplication::translate("ClusterParsers", "An event without a name was skipped."), QString(),
                         QStringLiteral("kube.bad-object"));
    e.ns = str(meta, "namespace");
    e.type = str(o, "type").isEmpty() ? QStringLiteral("Normal") : str(o, "type");
    e.reason = str(o, "reason");
    e.message = str(o, "message").trimmed();
    // core/v1 uses involvedObject; events.k8s.io/v1 uses regarding.
    QJsonObject involved = obj(o, "involvedObject");
    if (involved.isEmpty())
        involved = obj(o, "regarding");
    e.objectKind = str(involved, "kind");
    e.objectName = str(involved, "name");
    e.objectNamespace = str(involved, "namespace");
    const QJsonObject series = obj(o, "series");
    const int seriesCount = num(series, "count");
    const int count = num(o, "count");
    e.count = seriesCount > 0 ? seriesCount : (count > 0 ? count : 1);
    const QDateTime created = parseKubeTime(meta.value(QLatin1StringView("creationTimestamp")));
    e.firstSeen = parseKubeTime(o.value(QLatin1StringView("firstTimestamp")));
    if (!e.firstSeen.isValid())
        e.firstSeen = parseKubeTime(o.value(QLatin1StringView("eventTime")));
    if (!e.firstSeen.isValid())
        e.firstSeen = created;
    for (const QJsonValue &v :
         {o.value(QLatin1StringView("lastTimestamp")), series.value(QLatin1StringView("lastObservedTime")),
          o.value(QLatin1StringView("eventTime")), meta.value(QLatin1StringView("creationTimestamp"))}) {
        const QDateTime t = parseKubeTime(v);
        if (t.isValid()) {
            e.lastSeen = t;
            break;
        }
    }
    e.source = str(o, "reportingComponent");
    if (e.source.isEmpty())
        e.source = str(obj(o, "source"), "component");
    return e;
}

void sortEvents(QList<EventInfo> &events)
{
    std::stable_sort(events.begin(), events.end(), [](const EventInfo &a, const EventInfo &b) {
        if (a.isWarning() != b.isWarning())
            return a.isWarning();
        return a.lastSeen > b.lastSeen;
    });
}

Result<QList<WorkloadInfo>> parseWorkloadList(const QByteArray &json)
{
    const Result<QJsonObject> root = parseDocument(json, QCoreApplication::translate("ClusterParsers", "workloads"));
    if (!root.ok())
        return root.error();
    const QString hint = listItemKind(root.value());
    QList<WorkloadInfo> out;
    const QJsonArray items = itemsOf(root.value());
    for (const QJsonValue &v : items) {
        const QJsonObject o = v.toObject();
        const QString kind = str(o, "kind").isEmpty() ? hint : str(o, "kind");
        if (!isWorkloadKind(kind))
            continue;
        if (Result<WorkloadInfo> w = parseWorkload(o, kind); w.ok())
            out << w.value();
    }
    return out;
}

Result<QList<NodeInfo>> parseNodeList(const QByteArray &json)
{
    const Result<QJsonObject> root = parseDocument(json, QCoreApplication::translate("ClusterParsers", "nodes"));
    if (!root.ok())
        return root.error();
    const QString hint = listItemKind(root.value());
    QList<NodeInfo> out;
    const QJsonArray items = itemsOf(root.value());
    for (const QJsonValue &v : items) {
        const QJsonObject o = v.toObject();
        const QString kind = str(o, "kind").isEmpty() ? hint : str(o, "kind");
        if (!kind.isEmpty() && kind != QLatin1String("Node"))
            continue;
        if (Result<NodeInfo> n = parseNode(o); n.ok())
            out << n.value();
    }
    return out;
}

Result<QList<EventInfo>> parseEventList(const QByteArray &json)
{
    const Result<QJsonObject> root = parseDocument(json, QCoreApplication::translate("ClusterParsers", "events"));
    if (!root.ok())
        return root.error();
    const QString hint = listItemKind(root.value());
    QList<EventInfo> out;
    const QJsonArray items = itemsOf(root.value());
    for (const QJsonValue &v : items) {
        const QJsonObject o = v.toObject();
        const QString kind = str(o, "kind").isEmpty() ? hint : str(o, "kind");
        if (!kind.isEmpty() && kind != QLatin1String("Event"))
            continue;
        if (Result<EventInfo> e = parseEvent(o); e.ok())
            out << e.value();
    }
    sortEvents(out);
    return out;
}

Result<QHash<QString, ResourceUsage>> parsePodMetrics(const QByteArray &json)
{
    const Result<QJsonObject> root = parseDocument(json, QCoreApplication::translate("ClusterParsers", "pod metrics"));
    if (!root.ok())
        return root.error();
    QHash<QString, ResourceUsage> out;
    const QJsonArray items = itemsOf(root.value());
    for (const QJsonValue &v : items) {
        const QJsonObject meta = obj(v.toObject(), "metadata");
        if (str(meta, "name").isEmpty())
            continue;
        out.insert(str(meta, "namespace") + QLatin1Char('/') + str(meta, "name"),
                   sumContainers(v.toObject()));
    }
    return out;
}

Result<QHash<QString, ResourceUsage>> parseNodeMetrics(const QByteArray &json)
{
    const Result<QJsonObject> root = parseDocument(json, QCoreApplication::translate("ClusterParsers", "node metrics"));
    if (!root.ok())
        return root.error();
    QHash<QString, ResourceUsage> out;
    const QJsonArray items = itemsOf(root.value());
    for (const QJsonValue &v : items) {
        const QString name = str(obj(v.toObject(), "metadata"), "name");
        if (!name.isEmpty())
            out.insert(name, nodeUsage(v.toObject()));
    }
    return out;
}

Result<ClusterSnapshot> parseClusterSnapshot(const QByteArray &json, bool withMetrics)
{
    const Result<QJsonObject> root = parseDocument(json, QCoreApplication::translate("ClusterParsers", "cluster state"));
    if (!root.ok())
        return root.error();
    ClusterSnapshot s;
    s.metricsAvailable = withMetrics;
    QHash<QString, ResourceUsage> nodeUse;
    const QJsonArray items = itemsOf(root.value());
    for (const QJsonValue &v : items) {
        const QJsonObject o = v.toObject();
        const QString kind = str(o, "kind");
        if (isWorkloadKind(kind)) {
            if (Result<WorkloadInfo> w = parseWorkload(o); w.ok())
                s.workloads << w.value();
        } else if (kind == QLatin1String("Node")) {
            if (Result<NodeInfo> n = parseNode(o); n.ok())
                s.nodes << n.value();
        } else if (kind == QLatin1String("Event")) {
            if (Result<EventInfo> e = parseEvent(o); e.ok())
                s.events << e.value();
        } else if (kind == QLatin1String("PodMetrics")) {
            const QJsonObject meta = obj(o, "metadata");
            s.podUsage.insert(str(meta, "namespace") + QLatin1Char('/') + str(meta, "name"),
                              sumContainers(o));
        } else if (kind == QLatin1String("NodeMetrics")) {
            nodeUse.insert(str(obj(o, "metadata"), "name"), nodeUsage(o));
        }
    }
    for (NodeInfo &n : s.nodes) {
        if (auto it = nodeUse.constFind(n.name); it != nodeUse.constEnd()) {
            n.cpuUsageMilli = it->cpuMilli;
            n.memoryUsageBytes = it->memoryBytes;
        }
    }
    sortEvents(s.events);
    return s;
}

void joinPodUsage(QList<PodInfo> &pods, const QHash<QString, ResourceUsage> &usage)
{
    for (PodInfo &p : pods) {
        if (auto it = usage.constFind(p.key()); it != usage.constEnd()) {
            p.cpuMilli = it->cpuMilli;
            p.memoryBytes = it->memoryBytes;
        } else {
            p.cpuMilli.reset();
            p.memoryBytes.reset();
        }
    }
}

} // namespace vigia::kube
