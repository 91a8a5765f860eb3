#include "metrics/MetricsParsers.h"

#include "kube/Quantity.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace vigia::metrics {

namespace {

QList<QByteArray> lines(const QByteArray &text)
{
    QList<QByteArray> out;
    for (const QByteArray &l : text.split('\n')) {
        const QByteArray t = l.trimmed();
        if (!t.isEmpty())
            out.append(t);
    }
    return out;
}

bool mentionsPermission(const QByteArray &text)
{
    return text.contains("Permission denied") || text.contains("permission denied") ||
           text.contains("Operation not permitted");
}

Result<QJsonObject> parseObject(const QByteArray &json, const QString &what)
{
    // kubectl may print a warning line before the body; the JSON starts at the first '{'.
    const qsizetype start = json.indexOf('{');
    if (start < 0)
        return makeError(QCoreApplication::translate("MetricsParsers", "%1: no JSON in the output").arg(what), {},
                         QStringLiteral("metrics.json"));
    QJsonParseError err{};
    const QJsonDocument doc = QJsonDocument::fromJson(json.mid(start), &err);
    if (err.error != QJsonParseError::NoError || !doc.isObject())
        return makeError(QCoreApplication::translate("MetricsParsers", "%1: malformed JSON (%2)").arg(what, err.errorString()), {},
                         QStringLiteral("metrics.json"));
    return doc.object();
}

// Quantities are strings, but the API also accepts bare JSON numbers.
QString quantityText(const QJsonValue &v)
{
    return v.isDouble() ? QString::number(v.toDouble(), 'g', 17) : v.toString();
}

qint64 cpuOf(const QJsonValue &v)
{
    auto r = kube::parseCpuNanocores(quantityText(v));
    return r ? std::max<qint64>(0, r.value()) : 0;
}

qint64 bytesOf(const QJsonValue &v)
{
    auto r = kube::parseBytes(quantityText(v));
    return r ? std::max<qint64>(0, r.value()) : 0;
}

} // namespace

Result<HostMemory> parseMeminfo(const QByteArray &text)
{
    HostMemory m;
    for (const QByteArray &line : lines(text)) {
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            continue;
        const QByteArray key = line.left(colon);
        const QList<QByteArray> rest = line.mid(colon + 1).simplified().split(' ');
        bool ok = false;
        qint64 v = rest.value(0).toLongLong(&ok);
        if (!ok || v < 0)
            continue;
        // The kernel writes "kB" but means KiB; lines without a unit are page counts we skip.
        if (rest.size() < 2 || rest[1] != "kB")
            continue;
        v *= 1024;
        if (key == "MemTotal")
            m.total = v;
        else if (key == "MemAvailable")
            m.available = v;
        else if (key == "MemFree")
            m.free = v;
        else if (key == "Cached")
            m.cached = v;
        else if (key == "Buffers")
            m.buffers = v;
        else if (key == "SReclaimable")
            m.sReclaimable = v;
        else if (key == "Shmem")
            m.shmem = v;
        else if (key == "SwapTotal")
            m.swapTotal = v;
        else if (key == "SwapFree")
            m.swapFree = v;
    }
    if (!m.total)
        return makeError(QCoreApplication::translate("MetricsParsers", "/proc/meminfo has no MemTotal line"), {},
                         QStringLiteral("metrics.meminfo"));
    // Kernels before 3.14 lack MemAvailable; free + buffers + cache is the classic estimate.
    if (!m.available && m.free)
        m.available = *m.free + m.buffers.value_or(0) + m.cached.value_or(0);
    return m;
}

Result<LoadAverage> parseLoadavg(const QByteArray &text)
{
    const QList<QByteArray> f = text.simplified().split(' ');
    if (f.size() < 3)
        return makeError(QCoreApplication::translate("MetricsParsers", "/proc/loadavg is unreadable"), {},
                         QStringLiteral("metrics.loadavg"));
    LoadAverage l;
    bool a = false, b = false, c = false;
    l.one = f[0].toDouble(&a);
    l.five = f[1].toDouble(&b);
    l.fifteen = f[2].toDouble(&c);
    if (!a || !b || !c)
        return makeError(QCoreApplication::translate("MetricsParsers", "/proc/loadavg is unreadable"), {},
                         QStringLiteral("metrics.loadavg"));
    if (f.size() >= 4) {
        const QList<QByteArray> rt = f[3].split('/');
        if (rt.size() == 2) {
            l.running = rt[0].toInt();
            l.total = rt[1].toInt();
        }
    }
    return l;
}

Result<qint64> parseCgroupValue(const QByteArray &text)
{
    bool ok = false;
    const qint64 v = text.trimmed().toLongLong(&ok);
    if (!ok || v < 0)
        return makeError(
            QCoreApplication::translate("MetricsParsers", "Unexpected cgroup value \"%1\"").arg(QString::fromUtf8(text.trimmed().left(40))),
            {}, QStringLiteral("metrics.cgroup"));
    return v;
}

Result<CgroupMemory> parseCgroupSection(const QByteArray &text)
{
    const QList<QByteArray> l = lines(text);
    if (l.isEmpty())
        return makeError(QCoreApplication::translate("MetricsParsers", "K3s memory: no cgroup output"), {},
                         QStringLiteral("metrics.cgroup"));
    if (l[0].startsWith("absent")) {
        const bool v1 = l[0].contains("v1");
        return makeError(QCoreApplication::translate("MetricsParsers", "K3s's own memory is unavailable: no k3s.service cgroup (cgroup %1)")
                             .arg(v1 ? QStringLiteral("v1") : QStringLiteral("v2")),
                         QCoreApplication::translate("MetricsParsers", "K3s may run outside systemd, or as k3s-agent."),
                         QStringLiteral("metrics.cgroup-absent"));
    }
    CgroupMemory c;
    if (l[0] == "v2")
        c.version = CgroupVersion::V2;
    else if (l[0] == "v1")
        c.version = CgroupVersion::V1;
    else
        return makeError(QCoreApplication::translate("MetricsParsers", "K3s memory: unexpected cgroup output"), {},
                         QStringLiteral("metrics.cgroup"));
    if (l.size() < 2 || mentionsPermission(l[1]))
        return makeError(
            QCoreApplication::translate("MetricsParsers", "K3s's own memory is unavailable: permission denied reading its cgroup"), {},
            QStringLiteral("metrics.cgroup-denied"));
    auto v = parseCgroupValue(l[1]);
    if (!v)
        return v.error();
    c.currentBytes = v.value();
    for (int i = 2; i < l.size(); ++i) {
        const QList<QByteArray> kv = l[i].split(' ');
        if (kv.size() != 2)
            continue;
        bool ok = false;
        const qint64 n = kv[1].toLongLong(&ok);
        if (!ok)
            continue;
        if (kv[0] == "anon")
            c.anonBytes = n;
        else if (kv[0] == "file")
            c.fileBytes = n;
    }
    return c;
}

Result<DiskUsage> parseDuOutput(const QByteArray &text)
{
    DiskUsage d;
    bool found = false;
    for (const QByteArray &line : lines(text)) {
        if (line.startsWith("du:")) {
            if (line.contains("No such file or directory") && !found)
                return makeError(QCoreApplication::translate("MetricsParsers", "The K3s data folder does not exist"),
                                 QCoreApplication::translate("MetricsParsers", "Set the data folder in the profile (K3s's --data-dir)."),
                                 QStringLiteral("metrics.du-absent"));
            d.partial = true;
            continue;
        }
        const qsizetype tab = line.indexOf('\t');
        const QByteArray num = tab > 0 ? line.left(tab) : line.split(' ').value(0);
        bool ok = false;
        const qint64 v = num.toLongLong(&ok);
        if (ok && v >= 0) {
            d.bytes = v;
            found = true;
        }
    }
    if (!found)
        return makeError(QCoreApplication::translate("MetricsParsers", "Disk use of the K3s data folder is unreadable"), {},
                         QStringLiteral("metrics.du"));
    return d;
}

Result<QList<PodUsage>> parsePodMetricsList(const QByteArray &json)
{
    auto obj = parseObject(json, QCoreApplication::translate("MetricsParsers", "Pod metrics"));
    if (!obj)
        return obj.error();
    const QJsonValue items = obj->value(QLatin1String("items"));
    if (!items.isArray() && !items.isNull() && !items.isUndefined())
        return makeError(QCoreApplication::translate("MetricsParsers", "Pod metrics: \"items\" is not a list"), {},
                         QStringLiteral("metrics.json"));
    QList<PodUsage> out;
    for (const QJsonValue &it : items.toArray()) {
        // A `kubectl get podmetrics,nodemetrics` list holds both kinds.
        const QString kind = it.toObject().value(QLatin1String("kind")).toString();
        if (!kind.isEmpty() && kind != QLatin1String("PodMetrics"))
            continue;
        const QJsonObject meta = it.toObject().value(QLatin1String("metadata")).toObject();
        PodUsage p;
        p.ns = meta.value(QLatin1String("namespace")).toString();
        p.name = meta.value(QLatin1String("name")).toString();
        if (p.name.isEmpty())
            continue;
        for (const QJsonValue &c : it.toObject().value(QLatin1String("containers")).toArray()) {
            const QJsonObject usage = c.toObject().value(QLatin1String("usage")).toObject();
            p.cpuNanocores += cpuOf(usage.value(QLatin1String("cpu")));
            p.memoryBytes += bytesOf(usage.value(QLatin1String("memory")));
            ++p.containers;
        }
        out.append(p);
    }
    return out;
}

Result<QList<NodeUsage>> parseNodeMetricsList(const QByteArray &json)
{
    auto obj = parseObject(json, QCoreApplication::translate("MetricsParsers", "Node metrics"));
    if (!obj)
        return obj.error();
    QList<NodeUsage> out;
    for (const QJsonValue &it : obj->value(QLatin1String("items")).toArray()) {
        const QString kind = it.toObject().value(QLatin1String("kind")).toString();
        if (!kind.isEmpty() && kind != QLatin1String("NodeMetrics"))
            continue;
        NodeUsage n;
        n.name =
            it.toObject().value(QLatin1String("metadata")).toObject().value(QLatin1String("name")).toString();
        if (n.name.isEmpty())
            continue;
        const QJsonObject usage = it.toObject().value(QLatin1String("usage")).toObject();
        n.cpuNanocores = cpuOf(usage.value(QLatin1String("cpu")));
        n.memoryBytes = bytesOf(usage.value(QLatin1String("memory")));
        out.append(n);
    }
    return out;
}

Result<QList<PodResources>> parsePodResources(const QByteArray &podListJson)
{
    auto obj = parseObject(podListJson, QCoreApplication::translate("MetricsParsers", "Pod list"));
    if (!obj)
        return obj.error();
    QList<PodResources> out;
    for (const QJsonValue &it : obj->value(QLatin1String("items")).toArray()) {
        const QJsonObject pod = it.toObject();
        const QJsonObject meta = pod.value(QLatin1String("metadata")).toObject();
        const QJsonObject spec = pod.value(QLatin1String("spec")).toObject();
        const QJsonObject status = pod.value(QLatin1String("status")).toObject();
        PodResources r;
        r.ns = meta.value(QLatin1String("namespace")).toString();
        r.name = meta.value(QLatin1String("name")).toString();
        if (r.name.isEmpty())
            continue;
        r.phase = status.value(QLatin1String("phase")).toString();
        r.nodeName = spec.value(QLatin1String("nodeName")).toString();

        qint64 memReq = 0, cpuReq = 0, memLim = 0, cpuLim = 0;
        bool allMemLimits = true, allCpuLimits = true;
        const QJsonArray containers = spec.value(QLatin1String("containers")).toArray();
        for (const QJsonValue &cv : containers) {
            const QJsonObject c = cv.toObject();
            const QJsonObject res = c.value(QLatin1String("resources")).toObject();
            const QJsonObject req = res.value(QLatin1String("requests")).toObject();
            const QJsonObject lim = res.value(QLatin1String("limits")).toObject();
            // A limit without a request means request == limit, as the API server defaults it.
            const QJsonValue memR = req.contains(QLatin1String("memory"))
                                        ? req.value(QLatin1String("memory"))
                                        : lim.value(QLatin1String("memory"));
            const QJsonValue cpuR = req.contains(QLatin1String("cpu")) ? req.value(QLatin1String("cpu"))
                                                                       : lim.value(QLatin1String("cpu"));
            memReq += bytesOf(memR);
            cpuReq += cpuOf(cpuR);
            if (lim.contains(QLatin1String("memory"))) {
                memLim += bytesOf(lim.value(QLatin1String("memory")));
            } else {
                allMemLimits = false;
                r.containersWithoutMemoryLimit.append(c.value(QLatin1String("name")).toString());
            }
            if (lim.contains(QLatin1String("cpu")))
                cpuLim += cpuOf(lim.value(QLatin1String("cpu")));
            else
                allCpuLimits = false;
        }
        qint64 initMem = 0, initCpu = 0;
        for (const QJsonValue &cv : spec.value(QLatin1String("initContainers")).toArray()) {
            const QJsonObject res = cv.toObject().value(QLatin1String("resources")).toObject();
            const QJsonObject req = res.value(QLatin1String("requests")).toObject();
            initMem = std::max(initMem, bytesOf(req.value(QLatin1String("memory"))));
            initCpu = std::max(initCpu, cpuOf(req.value(QLatin1String("cpu"))));
        }
        r.memoryRequest = std::max(memReq, initMem);
        r.cpuRequest = std::max(cpuReq, initCpu);
        if (allMemLimits && !containers.isEmpty())
            r.memoryLimit = memLim;
        if (allCpuLimits && !containers.isEmpty())
            r.cpuLimit = cpuLim;

        for (const QJsonValue &sv : status.value(QLatin1String("containerStatuses")).toArray()) {
            const QJsonObject cs = sv.toObject();
            for (const char *which : {"lastState", "state"}) {
                const QJsonObject term =
                    cs.value(QLatin1String(which)).toObject().value(QLatin1String("terminated")).toObject();
                if (term.value(QLatin1String("reason")).toString() != QLatin1String("OOMKilled"))
                    continue;
                OomEvent e;
                e.container = cs.value(QLatin1String("name")).toString();
                const QDateTime t =
                    QDateTime::fromString(term.value(QLatin1String("finishedAt")).toString(), Qt::ISODate);
                e.finishedAtMs = t.isValid() ? t.toMSecsSinceEpoch() : 0;
                r.ooms.append(e);
            }
        }
        out.append(r);
    }
    return out;
}

Result<QList<NodeCapacity>> parseNodeCapacity(const QByteArray &nodeListJson)
{
    auto obj = parseObject(nodeListJson, QCoreApplication::translate("MetricsParsers", "Node list"));
    if (!obj)
        return obj.error();
    QList<NodeCapacity> out;
    for (const QJsonValue &it : obj->value(QLatin1String("items")).toArray()) {
        const QJsonObject node = it.toObject();
        NodeCapacity n;
        n.name = node.value(QLatin1String("metadata")).toObject().value(QLatin1String("name")).toString();
        const QJsonObject st = node.value(QLatin1String("status")).toObject();
        const QJsonObject cap = st.value(QLatin1String("capacity")).toObject();
        const QJsonObject alloc = st.value(QLatin1String("allocatable")).toObject();
        n.cpuCapacity = cpuOf(cap.value(QLatin1String("cpu")));
        n.memoryCapacity = bytesOf(cap.value(QLatin1String("memory")));
        n.cpuAllocatable =
            alloc.contains(QLatin1String("cpu")) ? cpuOf(alloc.value(QLatin1String("cpu"))) : n.cpuCapacity;
        n.memoryAllocatable = alloc.contains(QLatin1String("memory"))
                                  ? bytesOf(alloc.value(QLatin1String("memory")))
                                  : n.memoryCapacity;
        out.append(n);
    }
    return out;
}

} // namespace vigia::metrics
