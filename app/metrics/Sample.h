#pragma once
// One tick of resource figures from the server. Every source is optional:
// a missing source is recorded in `missing` in words, never as a zero.
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>
#include <optional>

namespace vigia::metrics {

// /proc/meminfo, in bytes. Fields the kernel did not print stay empty.
struct HostMemory {
    std::optional<qint64> total, available, free, cached, buffers, sReclaimable, shmem, swapTotal, swapFree;
    // total - available: what the system cannot give back without swapping.
    std::optional<qint64> used() const;
    // Cached + Buffers (+ reclaimable slab): shown apart so cache never reads as used memory.
    std::optional<qint64> cache() const;
};

struct LoadAverage {
    double one = 0, five = 0, fifteen = 0;
    int running = 0, total = 0;
};

enum class CgroupVersion { Unknown, V1, V2 };

struct CgroupMemory {
    CgroupVersion version = CgroupVersion::Unknown;
    qint64 currentBytes = 0;           // memory.current (v2) or memory.usage_in_bytes (v1)
    std::optional<qint64> anonBytes;   // v2 memory.stat "anon"
    std::optional<qint64> fileBytes;   // v2 memory.stat "file" (page cache charged to k3s)
};

struct PodUsage {
    QString ns, name;
    qint64 cpuNanocores = 0;
    qint64 memoryBytes = 0; // working set, as metrics-server reports it
    int containers = 0;
};

struct NodeUsage {
    QString name;
    qint64 cpuNanocores = 0;
    qint64 memoryBytes = 0;
};

struct Sample {
    qint64 timestampMs = 0;
    std::optional<HostMemory> memory;
    std::optional<LoadAverage> load;
    std::optional<int> cpuCount;
    std::optional<CgroupMemory> k3s;
    std::optional<qint64> dataDirBytes;
    bool podMetricsAvailable = false;
    QList<PodUsage> pods;
    bool nodeMetricsAvailable = false;
    QList<NodeUsage> nodes;
    // What could not be read, in words ("metrics-server is not installed: no per-pod figures").
    QStringList missing;
};

// One (series key, value) pair per figure; keys are stable and used by HistoryStore.
// Values are integers: bytes, nanocores, load × 1000.
struct SeriesValue {
    QString key;
    qint64 value = 0;
};
QList<SeriesValue> flattenSample(const Sample &sample);

namespace keys {
inline QString hostTotal() { return QStringLiteral("host/mem_total"); }
inline QString hostUsed() { return QStringLiteral("host/mem_used"); }
inline QString hostCache() { return QStringLiteral("host/mem_cache"); }
inline QString hostLoad1() { return QStringLiteral("host/load1"); }
inline QString hostCpus() { return QStringLiteral("host/cpus"); }
inline QString k3sMemory() { return QStringLiteral("k3s/mem"); }
inline QString dataDir() { return QStringLiteral("k3s/data_bytes"); }
inline QString podMemory(const QString &ns, const QString &pod) { return QStringLiteral("pod/%1/%2/mem").arg(ns, pod); }
inline QString podCpu(const QString &ns, const QString &pod) { return QStringLiteral("pod/%1/%2/cpu").arg(ns, pod); }
inline QString nodeMemory(const QString &node) { return QStringLiteral("node/%1/mem").arg(node); }
inline QString nodeCpu(const QString &node) { return QStringLiteral("node/%1/cpu").arg(node); }
} // namespace keys

} // namespace vigia::metrics

Q_DECLARE_METATYPE(vigia::metrics::Sample)
