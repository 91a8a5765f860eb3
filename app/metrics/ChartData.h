#pragma once
// Turns a history read into what the resource charts draw: stacked layers on a
// common time grid (NaN marks a gap, which the chart leaves empty), the
// K3s-and-system layer, page cache apart, and the reference lines. Pure, so
// the arithmetic is tested without a display and benchmarked offscreen.
#include "metrics/Downsample.h"
#include "metrics/HistoryStore.h"

#include <QList>
#include <QSet>
#include <QString>
#include <QVector>
#include <optional>

namespace vigia::metrics {

struct ChartLayer {
    enum Kind { System, Namespace, Pod, Cache };
    Kind kind = Namespace;
    QString ns, pod; // what a click selects
    QString label;
    QVector<double> values; // per grid bucket, base units (bytes or cores); NaN: no data
};

struct ChartData {
    Grid grid;
    // Bottom to top. The system layer first, then namespaces (or pods of expanded namespaces).
    QList<ChartLayer> memory;
    std::optional<ChartLayer> cache; // drawn above the stack, apart from used memory
    QList<ChartLayer> cpu;           // in cores
    qint64 budgetBytes = 0;
    std::optional<qint64> limitsSumBytes;
    double vcpus = 0;
    QList<OomMarker> ooms;
    qint64 gapMs = 0;
    // Peak of the memory stack (with cache), for the axis.
    double memoryTop() const;
    double cpuTop() const;
};

struct ChartOptions {
    int maxBuckets = 720;
    QSet<QString> expandedNamespaces;
    qint64 budgetBytes = 0;
    std::optional<qint64> limitsSumBytes;
};

ChartData buildChartData(const HistoryRead &read, qint64 from, qint64 to, const ChartOptions &options);

// Contiguous non-NaN runs [first, last] of a layer: one drawn segment each.
QList<QPair<int, int>> segmentsOf(const QVector<double> &values);

} // namespace vigia::metrics
