#pragma once
// Display downsampling that never hides a peak: each bucket keeps the min, the
// max and the mean of what fell in it, so a max stays a max at any zoom. Gaps
// (no data for longer than a threshold) stay gaps: nothing is interpolated
// across them.
#include <QList>
#include <QVector>
#include <QtGlobal>

namespace vigia::metrics {

// A raw sample (min == max == avg) or a bucket.
struct Point {
    qint64 t = 0; // ms since epoch; a bucket's start
    double min = 0, max = 0, avg = 0;
    qint64 n = 1; // samples behind this point
    static Point raw(qint64 t, double v) { return Point{t, v, v, v, 1}; }
};
using Series = QList<Point>;

// Splits where consecutive points are more than maxGapMs apart.
QList<Series> splitAtGaps(const Series &points, qint64 maxGapMs);

// Buckets aligned at `from`, each bucketMs wide; empty buckets are absent.
// Input must be sorted by time.
Series minMaxBuckets(const Series &points, qint64 from, qint64 bucketMs);

// A common time grid for stacking series of different sampling.
struct Grid {
    qint64 from = 0;
    qint64 bucketMs = 10000;
    int count = 0;
    qint64 timeAt(int i) const { return from + qint64(i) * bucketMs; }
    // Picks a bucket that is a multiple of minBucketMs (the source step), with at
    // most maxBuckets buckets.
    static Grid forRange(qint64 from, qint64 to, int maxBuckets, qint64 minBucketMs);
};
enum class GridValue { Max, Avg };
// Values per bucket; NaN where there is no data. Holes shorter than maxGapMs
// (timing jitter) hold the previous value; longer holes stay NaN: a gap.
QVector<double> toGrid(const Series &points, const Grid &grid, GridValue which, qint64 maxGapMs);

// Percentile (nearest rank, p in 0..100) of the given values; NaN when empty.
double percentile(QVector<double> values, double p);

} // namespace vigia::metrics
