#include "metrics/Sample.h"

#include <cmath>

namespace vigia::metrics {

std::optional<qint64> HostMemory::used() const
{
    if (!total || !available)
        return std::nullopt;
    return std::max<qint64>(0, *total - *available);
}

std::optional<qint64> HostMemory::cache() const
{
    if (!cached && !buffers)
        return std::nullopt;
    // Shmem is counted in Cached but cannot be dropped, so it belongs to "used".
    const qint64 c = cached.value_or(0) - shmem.value_or(0) + buffers.value_or(0) + sReclaimable.value_or(0);
    return std::max<qint64>(0, c);
}

QList<SeriesValue> flattenSample(const Sample &s)
{
    QList<SeriesValue> out;
    if (s.memory) {
        if (s.memory->total)
            out.append({keys::hostTotal(), *s.memory->total});
        if (auto u = s.memory->used())
            out.append({keys::hostUsed(), *u});
        if (auto c = s.memory->cache())
            out.append({keys::hostCache(), *c});
    }
    if (s.load)
        out.append({keys::hostLoad1(), qint64(std::llround(s.load->one * 1000.0))});
    if (s.cpuCount)
        out.append({keys::hostCpus(), *s.cpuCount});
    if (s.k3s)
        out.append({keys::k3sMemory(), s.k3s->anonBytes.value_or(s.k3s->currentBytes)});
    if (s.dataDirBytes)
        out.append({keys::dataDir(), *s.dataDirBytes});
    for (const auto &p : s.pods) {
        out.append({keys::podMemory(p.ns, p.name), p.memoryBytes});
        out.append({keys::podCpu(p.ns, p.name), p.cpuNanocores});
    }
    for (const auto &n : s.nodes) {
        out.append({keys::nodeMemory(n.name), n.memoryBytes});
        out.append({keys::nodeCpu(n.name), n.cpuNanocores});
    }
    return out;
}

} // namespace vigia::metrics
