#include "metrics/Downsample.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace vigia::metrics {

QList<Series> splitAtGaps(const Series &points, qint64 maxGapMs)
{
    QList<Series> out;
    Series cur;
    for (const Point &p : points) {
        if (!cur.isEmpty() && p.t - cur.last().t > maxGapMs) {
            out.append(cur);
            cur.clear();
        }
        cur.append(p);
    }
    if (!cur.isEmpty())
        out.append(cur);
    return out;
}

Series minMaxBuckets(const Series &points, qint64 from, qint64 bucketMs)
{
    Series out;
    if (bucketMs <= 0)
        return points;
    qint64 curBucket = std::numeric_limits<qint64>::min();
    double sum = 0;
    for (const Point &p : points) {
        const qint64 b =
            (p.t - from) >= 0 ? (p.t - from) / bucketMs : -(((from - p.t) + bucketMs - 1) / bucketMs);
        if (b != curBucket || out.isEmpty()) {
            if (!out.isEmpty())
                out.last().avg = sum / double(std::max<qint64>(1, out.last().n));
            out.append(Point{from + b * bucketMs, p.min, p.max, 0, 0});
            sum = 0;
            curBucket = b;
        }
        Point &o = out.last();
        o.min = std::min(o.min, p.min);
        o.max = std::max(o.max, p.max);
        sum += p.avg * double(p.n);
        o.n += p.n;
    }
    if (!out.isEmpty())
        out.last().avg = sum / double(std::max<qint64>(1, out.last().n));
    return out;
}

Grid Grid::forRange(qint64 from, qint64 to, int maxBuckets, qint64 minBucketMs)
{
    Grid g;
    g.from = from;
    const qint64 span = std::max<qint64>(1, to - from);
    g.bucketMs = std::max<qint64>(minBucketMs, (span + maxBuckets - 1) / std::max(1, maxBuckets));
    // A whole number of source steps per bucket: 1-minute data on an 88 s grid would
    // alternate one and two samples per bucket and draw a comb.
    if (minBucketMs > 0)
        g.bucketMs = (g.bucketMs + minBucketMs - 1) / minBucketMs * minBucketMs;
    g.count = int((span + g.bucketMs - 1) / g.bucketMs);
    return g;
}

QVector<double> toGrid(const Series &points, const Grid &grid, GridValue which, qint64 maxGapMs)
{
    const double nan = std::numeric_limits<double>::quiet_NaN();
    QVector<double> out(grid.count, nan);
    if (grid.count <= 0 || grid.bucketMs <= 0)
        return out;
    // Raw pointers: this loop sees millions of points for a 7-day chart.
    double *v = out.data();
    const Point *p = points.constData();
    const Point *end = p + points.size();
    // Sorted input: skip what precedes the grid with a binary search.
    p = std::lower_bound(p, end, grid.from, [](const Point &a, qint64 t) { return a.t < t; });
    const qint64 limit = grid.from + qint64(grid.count) * grid.bucketMs;
    if (which == GridValue::Max) {
        for (; p != end && p->t < limit; ++p) {
            double &slot = v[(p->t - grid.from) / grid.bucketMs];
            slot = std::isnan(slot) ? p->max : std::max(slot, p->max);
        }
    } else {
        QVector<double> sum(grid.count, 0.0);
        QVector<qint64> cnt(grid.count, 0);
        double *s = sum.data();
        qint64 *c = cnt.data();
        for (; p != end && p->t < limit; ++p) {
            const qint64 i = (p->t - grid.from) / grid.bucketMs;
            s[i] += p->avg * double(p->n);
            c[i] += p->n;
        }
        for (int i = 0; i < grid.count; ++i)
            if (c[i] > 0)
                v[i] = s[i] / double(c[i]);
    }
    // Hold across short holes (a 10 s sample that landed in the next bucket);
    // a hole longer than maxGapMs is a real gap and stays NaN.
    int lastFilled = -1;
    for (int i = 0; i < grid.count; ++i) {
        if (std::isnan(v[i]))
            continue;
        if (lastFilled >= 0 && i - lastFilled > 1 && qint64(i - lastFilled) * grid.bucketMs <= maxGapMs)
            for (int k = lastFilled + 1; k < i; ++k)
                v[k] = v[lastFilled];
        lastFilled = i;
    }
    return out;
}

double percentile(QVector<double> values, double p)
{
    values.erase(std::remove_if(values.begin(), values.end(), [](double x) { return std::isnan(x); }),
                 values.end());
    if (values.isEmpty())
        return std::numeric_limits<double>::quiet_NaN();
    std::sort(values.begin(), values.end());
    const double rank = std::ceil(std::clamp(p, 0.0, 100.0) / 100.0 * double(values.size()));
    const qsizetype idx = std::clamp<qsizetype>(qsizetype(rank) - 1, 0, values.size() - 1);
    return values[idx];
}

} // namespace vigia::metrics
