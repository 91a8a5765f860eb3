#include "metrics/ChartData.h"

#include <QCoreApplication>
#include <QMap>
#include <cmath>
#include <limits>

namespace vigia::metrics {

namespace {

double nanv() { return std::numeric_limits<double>::quiet_NaN(); }

// NaN + x = x, so a pod missing from one tick does not punch a hole in its namespace.
void addInto(QVector<double> &sum, const QVector<double> &v)
{
    for (int i = 0; i < sum.size(); ++i) {
        if (std::isnan(v[i]))
            continue;
        sum[i] = std::isnan(sum[i]) ? v[i] : sum[i] + v[i];
    }
}

double topOf(const QList<ChartLayer> &layers, const ChartLayer *extra)
{
    if (layers.isEmpty())
        return 0;
    double top = 0;
    const int n = int(layers.first().values.size());
    for (int i = 0; i < n; ++i) {
        double s = 0;
        for (const ChartLayer &l : layers)
            if (!std::isnan(l.values[i]))
                s += l.values[i];
        if (extra && !std::isnan(extra->values[i]))
            s += extra->values[i];
        top = std::max(top, s);
    }
    return top;
}

} // namespace

double ChartData::memoryTop() const { return topOf(memory, cache ? &*cache : nullptr); }
double ChartData::cpuTop() const { return topOf(cpu, nullptr); }

QList<QPair<int, int>> segmentsOf(const QVector<double> &values)
{
    QList<QPair<int, int>> out;
    int start = -1;
    for (int i = 0; i <= values.size(); ++i) {
        const bool has = i < values.size() && !std::isnan(values[i]);
        if (has && start < 0)
            start = i;
        if (!has && start >= 0) {
            out.append({start, i - 1});
            start = -1;
        }
    }
    return out;
}

ChartData buildChartData(const HistoryRead &read, qint64 from, qint64 to, const ChartOptions &opt)
{
    ChartData d;
    d.grid = Grid::forRange(from, to, opt.maxBuckets, std::max<qint64>(1000, read.bucketMs));
    d.gapMs = read.gapMs;
    d.budgetBytes = opt.budgetBytes;
    d.limitsSumBytes = opt.limitsSumBytes;
    d.ooms = read.ooms;
    const int n = d.grid.count;
    const QVector<double> empty(n, nanv());

    QMap<QString, QVector<double>> nsMem, nsCpu;                 // collapsed namespaces
    QMap<QString, QMap<QString, QVector<double>>> podMem, podCpu; // expanded ones
    QVector<double> podMemTotal = empty, podCpuTotal = empty;
    QVector<double> nodeCpu = empty;
    for (auto it = read.series.constBegin(); it != read.series.constEnd(); ++it) {
        const QStringList parts = it.key().split(QLatin1Char('/'));
        if (parts.size() == 4 && parts[0] == QLatin1String("pod")) {
            const bool mem = parts[3] == QLatin1String("mem");
            // Peaks per bucket: the chart must never shave off a spike.
            QVector<double> g = toGrid(it.value(), d.grid, GridValue::Max, read.gapMs);
            if (!mem)
                for (double &x : g)
                    x /= 1e9; // nanocores to cores
            addInto(mem ? podMemTotal : podCpuTotal, g);
            if (opt.expandedNamespaces.contains(parts[1])) {
                auto &m = (mem ? podMem : podCpu)[parts[1]];
                m.insert(parts[2], g);
            } else {
                auto &m = mem ? nsMem : nsCpu;
                if (!m.contains(parts[1]))
                    m.insert(parts[1], empty);
                addInto(m[parts[1]], g);
            }
        } else if (parts.size() == 3 && parts[0] == QLatin1String("node") && parts[2] == QLatin1String("cpu")) {
            QVector<double> g = toGrid(it.value(), d.grid, GridValue::Max, read.gapMs);
            for (double &x : g)
                x /= 1e9;
            addInto(nodeCpu, g);
        }
    }

    // K3s + system: what the host holds beyond the pods. Without host figures,
    // K3s's own cgroup is the best we have.
    ChartLayer sys{ChartLayer::System, {}, {}, QCoreApplication::translate("ChartData", "K3s + system"), empty};
    if (read.series.contains(keys::hostUsed())) {
        const QVector<double> used = toGrid(read.series.value(keys::hostUsed()), d.grid, GridValue::Max, read.gapMs);
        for (int i = 0; i < n; ++i)
            if (!std::isnan(used[i]))
                sys.values[i] = std::max(0.0, used[i] - (std::isnan(podMemTotal[i]) ? 0.0 : podMemTotal[i]));
    } else if (read.series.contains(keys::k3sMemory())) {
        sys.label = QStringLiteral("K3s");
        sys.values = toGrid(read.series.value(keys::k3sMemory()), d.grid, GridValue::Max, read.gapMs);
    }
    if (!segmentsOf(sys.values).isEmpty())
        d.memory.append(sys);

    auto appendLayers = [&](QList<ChartLayer> &out, const QMap<QString, QVector<double>> &ns,
                            const QMap<QString, QMap<QString, QVector<double>>> &pods) {
        QSet<QString> names;
        for (auto it = ns.constBegin(); it != ns.constEnd(); ++it)
            names.insert(it.key());
        for (auto it = pods.constBegin(); it != pods.constEnd(); ++it)
            names.insert(it.key());
        QStringList sorted(names.begin(), names.end());
        sorted.sort();
        // kube-system sits right above the system layer: it is platform too.
        std::stable_sort(sorted.begin(), sorted.end(), [](const QString &a, const QString &b) {
            return (a == QLatin1String("kube-system")) > (b == QLatin1String("kube-system"));
        });
        for (const QString &name : sorted) {
            if (ns.contains(name)) {
                out.append({ChartLayer::Namespace, name, {}, name, ns.value(name)});
            } else {
                const auto &pm = pods.value(name);
                for (auto p = pm.constBegin(); p != pm.constEnd(); ++p)
                    out.append({ChartLayer::Pod, name, p.key(), name + QLatin1Char('/') + p.key(), p.value()});
            }
        }
    };
    appendLayers(d.memory, nsMem, podMem);

    if (read.series.contains(keys::hostCache())) {
        ChartLayer c{ChartLayer::Cache, {}, {}, QCoreApplication::translate("ChartData", "Page cache + buffers (reclaimable)"),
                     toGrid(read.series.value(keys::hostCache()), d.grid, GridValue::Max, read.gapMs)};
        if (!segmentsOf(c.values).isEmpty())
            d.cache = c;
    }

    ChartLayer cpuSys{ChartLayer::System, {}, {}, QCoreApplication::translate("ChartData", "K3s + system"), empty};
    for (int i = 0; i < n; ++i)
        if (!std::isnan(nodeCpu[i]))
            cpuSys.values[i] = std::max(0.0, nodeCpu[i] - (std::isnan(podCpuTotal[i]) ? 0.0 : podCpuTotal[i]));
    if (!segmentsOf(cpuSys.values).isEmpty())
        d.cpu.append(cpuSys);
    appendLayers(d.cpu, nsCpu, podCpu);

    if (auto cpus = read.series.constFind(keys::hostCpus()); cpus != read.series.constEnd() && !cpus->isEmpty())
        d.vcpus = cpus->last().max;
    return d;
}

} // namespace vigia::metrics
