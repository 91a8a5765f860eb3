#include "metrics/Capacity.h"

#include "kube/Quantity.h"

#include <QLocale>
#include <QCoreApplication>
#include <QMap>
#include <cmath>

namespace vigia::metrics {

namespace {
constexpr qint64 kMiB = 1024 * 1024;
constexpr qint64 kGiB = 1024 * kMiB;

void addOpt(std::optional<qint64> &sum, std::optional<qint64> v)
{
    if (v)
        sum = sum.value_or(0) + *v;
}
} // namespace

qint64 resolveBudget(std::optional<qint64> profileBudget, std::optional<qint64> nodeCapacity)
{
    if (profileBudget && *profileBudget > 0)
        return *profileBudget;
    if (nodeCapacity && *nodeCapacity > 0)
        return *nodeCapacity;
    return kDefaultBudgetBytes;
}

QString formatRoom(qint64 bytes)
{
    const qint64 a = std::llabs(bytes);
    if (a >= kGiB)
        return QLocale().toString(double(a) / double(kGiB), 'f', 1) + QStringLiteral(" GiB");
    return QString::number(qint64(std::llround(double(a) / double(kMiB)))) + QStringLiteral(" MiB");
}

CapacityReport computeCapacity(const CapacityInput &in)
{
    CapacityReport r;
    r.budgetBytes = in.budgetBytes > 0 ? in.budgetBytes : kDefaultBudgetBytes;
    r.nodeAllocatableBytes = in.nodeAllocatableBytes;
    r.overheadPeakBytes = in.overheadPeakBytes;

    QMap<QString, CapacityRow> byNs;
    qint64 peaksOrRequests = 0; // pods with no observation count at their request
    bool anyObserved = false;
    for (const PodResources &p : in.pods) {
        if (p.isFinished())
            continue;
        CapacityRow row;
        row.ns = p.ns;
        row.pod = p.name;
        row.memoryRequest = p.memoryRequest;
        row.cpuRequest = p.cpuRequest;
        row.memoryLimitSum = p.memoryLimit.value_or(0);
        row.podsWithoutLimit = p.memoryLimit ? 0 : 1;
        const auto it = in.observed.constFind(p.ns + QLatin1Char('/') + p.name);
        if (it != in.observed.constEnd()) {
            row.memoryP95 = it->memoryP95;
            row.memoryPeak = it->memoryPeak;
            row.cpuPeak = it->cpuPeak;
        }
        if (row.memoryPeak)
            anyObserved = true;
        peaksOrRequests += row.memoryPeak.value_or(row.memoryRequest);
        r.pods.append(row);

        CapacityRow &ns = byNs[p.ns];
        ns.ns = p.ns;
        ns.memoryRequest += row.memoryRequest;
        ns.cpuRequest += row.cpuRequest;
        ns.memoryLimitSum += row.memoryLimitSum;
        ns.podsWithoutLimit += row.podsWithoutLimit;
        addOpt(ns.memoryP95, row.memoryP95);
        addOpt(ns.memoryPeak, row.memoryPeak);
        addOpt(ns.cpuPeak, row.cpuPeak);

        if (!p.memoryLimit) {
            r.warnings.append({CapacityWarning::NoLimit, p.ns, p.name,
                               QCoreApplication::translate("Capacity", "%1/%2 has no memory limit: it can take the whole node.")
                                   .arg(p.ns, p.name)});
        } else if (row.memoryPeak && *p.memoryLimit > 0 && double(*row.memoryPeak) > 0.9 * double(*p.memoryLimit)) {
            r.warnings.append({CapacityWarning::NearLimit, p.ns, p.name,
                               QCoreApplication::translate("Capacity", "%1/%2 peaked at %3% of its %4 limit: it risks being OOM-killed.")
                                   .arg(p.ns, p.name)
                                   .arg(qint64(std::llround(100.0 * double(*row.memoryPeak) / double(*p.memoryLimit))))
                                   .arg(kube::formatBytes(*p.memoryLimit))});
        }
    }
    std::sort(r.pods.begin(), r.pods.end(), [](const CapacityRow &a, const CapacityRow &b) {
        return a.ns != b.ns ? a.ns < b.ns : a.pod < b.pod;
    });
    for (const CapacityRow &ns : byNs) {
        r.namespaces.append(ns);
        r.total.memoryRequest += ns.memoryRequest;
        r.total.cpuRequest += ns.cpuRequest;
        r.total.memoryLimitSum += ns.memoryLimitSum;
        r.total.podsWithoutLimit += ns.podsWithoutLimit;
        addOpt(r.total.memoryP95, ns.memoryP95);
        addOpt(r.total.memoryPeak, ns.memoryPeak);
        addOpt(r.total.cpuPeak, ns.cpuPeak);
    }

    // Peaks of different pods rarely coincide, so summing them errs on the safe side.
    const qint64 overhead = in.overheadPeakBytes.value_or(0);
    r.roomByRequestsBytes = r.budgetBytes - overhead - r.total.memoryRequest;
    if (anyObserved)
        r.roomAtPeaksBytes = r.budgetBytes - overhead - peaksOrRequests;

    const QString byReq = r.roomByRequestsBytes > 0
        ? QCoreApplication::translate("Capacity", "%1 by requests").arg(formatRoom(r.roomByRequestsBytes))
        : QCoreApplication::translate("Capacity", "requests already exceed it by %1").arg(formatRoom(r.roomByRequestsBytes));
    if (!r.roomAtPeaksBytes) {
        r.sentence = QCoreApplication::translate("Capacity", "Room for one more project: %1; no observed peaks yet (metrics-server missing or no history).")
                         .arg(byReq);
    } else if (*r.roomAtPeaksBytes > 0) {
        r.sentence = QCoreApplication::translate("Capacity", "Room for one more project: about %1 at current peaks, %2.")
                         .arg(formatRoom(*r.roomAtPeaksBytes), byReq);
    } else {
        r.sentence = QCoreApplication::translate("Capacity", "No room for another project: current peaks exceed the %1 budget by %2 (%3).")
                         .arg(formatRoom(r.budgetBytes), formatRoom(*r.roomAtPeaksBytes), byReq);
    }

    if (anyObserved) {
        const qint64 used = overhead + peaksOrRequests;
        if (double(used) > 0.9 * double(r.budgetBytes))
            r.warnings.append({CapacityWarning::OverBudget, {}, {},
                               QCoreApplication::translate("Capacity", "Peak memory (%1) is over 90% of the %2 budget.")
                                   .arg(kube::formatBytes(used), kube::formatBytes(r.budgetBytes))});
    }
    return r;
}

Observed observeHistory(const HistoryRead &read, qint64 from, qint64 to)
{
    Observed o;
    const qint64 bucket = std::max<qint64>(1000, read.bucketMs);
    const Grid grid = Grid::forRange(from, to, int(std::min<qint64>(100000, (to - from) / bucket + 1)), bucket);
    QVector<double> podSum(grid.count, 0.0);
    QVector<int> podCount(grid.count, 0);
    for (auto it = read.series.constBegin(); it != read.series.constEnd(); ++it) {
        const QString &key = it.key();
        if (!key.startsWith(QLatin1String("pod/")))
            continue;
        const QStringList parts = key.split(QLatin1Char('/'));
        if (parts.size() != 4)
            continue;
        const QString podKey = parts[1] + QLatin1Char('/') + parts[2];
        QVector<double> values, peaks;
        for (const Point &p : it.value()) {
            if (p.t < from - read.bucketMs || p.t > to)
                continue;
            values.append(p.avg);
            peaks.append(p.max);
        }
        if (values.isEmpty())
            continue;
        PodObservation &obs = o.pods[podKey];
        const qint64 p95 = qint64(std::llround(percentile(values, 95)));
        const qint64 peak = qint64(std::llround(*std::max_element(peaks.begin(), peaks.end())));
        if (parts[3] == QLatin1String("mem")) {
            obs.memoryP95 = p95;
            obs.memoryPeak = peak;
            const QVector<double> g = toGrid(it.value(), grid, GridValue::Avg, read.gapMs);
            for (int i = 0; i < grid.count; ++i)
                if (!std::isnan(g[i])) {
                    podSum[i] += g[i];
                    ++podCount[i];
                }
        } else if (parts[3] == QLatin1String("cpu")) {
            obs.cpuP95 = p95;
            obs.cpuPeak = peak;
        }
    }
    // K3s + system = what the host cannot give back, minus what the pods hold.
    if (auto used = read.series.constFind(keys::hostUsed()); used != read.series.constEnd()) {
        const QVector<double> g = toGrid(*used, grid, GridValue::Avg, read.gapMs);
        for (int i = 0; i < grid.count; ++i) {
            if (std::isnan(g[i]))
                continue;
            const qint64 overhead = std::max<qint64>(0, qint64(std::llround(g[i] - podSum[i])));
            o.overheadPeakBytes = std::max(o.overheadPeakBytes.value_or(0), overhead);
        }
    } else if (auto k3s = read.series.constFind(keys::k3sMemory()); k3s != read.series.constEnd()) {
        for (const Point &p : *k3s)
            o.overheadPeakBytes = std::max(o.overheadPeakBytes.value_or(0), qint64(p.max));
    }
    return o;
}

} // namespace vigia::metrics
