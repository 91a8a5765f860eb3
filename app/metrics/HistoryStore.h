#pragma once
// Local resource history, one SQLite file per profile, kept 30 days. Three
// tiers are written side by side on every sample: raw 10 s points (kept a
// day), 1-minute buckets (7 days) and 10-minute buckets (30 days). Buckets
// keep min, max, sum and count, so peaks survive downsampling. Nothing is
// written while the console is not running, and reads return those periods
// as gaps (see gapThresholdMs), never as interpolated values.
#include "core/Result.h"
#include "metrics/Downsample.h"
#include "metrics/Sample.h"

#include <QHash>
#include <QString>

struct sqlite3;

namespace vigia::metrics {

struct OomMarker {
    qint64 t = 0;
    QString ns, pod, container;
};

struct HistoryRead {
    int tier = 0;
    qint64 bucketMs = 10000;
    qint64 gapMs = 20000; // split series where points are further apart than this
    QHash<QString, Series> series;
    QList<OomMarker> ooms;
};

class HistoryStore {
public:
    enum Tier { Raw = 0, Minute = 1, TenMinutes = 2 };
    static constexpr qint64 kDayMs = 24LL * 3600 * 1000;
    static constexpr qint64 kRetentionMs[3] = {kDayMs, 7 * kDayMs, 30 * kDayMs};
    static constexpr qint64 kBucketMs[3] = {0, 60000, 600000}; // raw: the sampling interval

    // <AppDataLocation>/metrics/<profile>.sqlite, the name made file-safe.
    static QString defaultPath(const QString &profileName);

    explicit HistoryStore(QString path);
    ~HistoryStore();
    HistoryStore(const HistoryStore &) = delete;
    HistoryStore &operator=(const HistoryStore &) = delete;

    Result<void> open();
    void close();
    bool isOpen() const;
    QString path() const { return m_path; }

    // Marks the start of a sampling session; its interval sets the raw gap threshold.
    Result<void> beginSession(qint64 startMs, int intervalMs);
    Result<void> append(const Sample &sample);
    Result<void> appendValues(qint64 timestampMs, const QList<SeriesValue> &values);
    // Deduplicated: the same kill reported on every tick is stored once.
    Result<void> appendOom(const OomMarker &oom);
    // Drops what is older than each tier keeps. Called by append() about hourly.
    Result<void> prune(qint64 nowMs);

    // The finest tier that covers [from, to] with at most maxPoints points per series.
    static int chooseTier(qint64 from, qint64 to, qint64 nowMs, int maxPoints = 4000);
    qint64 gapThresholdMs(int tier) const;
    QStringList seriesKeys(const QString &prefix = {}) const;
    // Series whose key starts with keyPrefix (empty: all). tier -1 picks one.
    Result<HistoryRead> read(const QString &keyPrefix, qint64 from, qint64 to, qint64 nowMs,
                             int tier = -1) const;
    qint64 fileSizeBytes() const;
    int rawIntervalMs() const { return m_rawIntervalMs; }
    // The same read on a connection of its own, for a worker thread (the store
    // itself belongs to the thread that opened it). WAL lets it read while the
    // store writes.
    static Result<HistoryRead> readFile(const QString &path, const QString &keyPrefix, qint64 from, qint64 to,
                                        qint64 nowMs, int rawIntervalMs, int tier = -1);

private:
    Result<qint64> seriesId(const QString &key);
    Error dbError(const QString &what) const;
    // A read-only SQLite connection of its own for the points: a 7-day chart reads
    // ~120k rows, and QtSql's QVariant per value costs most of the 200 ms budget.
    // WAL lets it read while the QtSql connection writes.
    sqlite3 *reader() const;
    static Result<HistoryRead> readWith(sqlite3 *h, const QString &keyPrefix, qint64 from, qint64 to,
                                        qint64 nowMs, int tier, int rawIntervalMs);

    QString m_path;
    QString m_connectionName;
    QHash<QString, qint64> m_ids;
    qint64 m_lastPrune = 0;
    int m_rawIntervalMs = 10000;
    mutable sqlite3 *m_reader = nullptr;
};

} // namespace vigia::metrics
