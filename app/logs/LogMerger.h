#pragma once
// Merges the lines of several pods into one timestamp order. Each source is
// already in order; lines from different sources arrive in bursts, so a line
// is held back until either every live source has something queued (then the
// smallest head is provably next) or it has waited the hold time. Ties and
// lines without a timestamp keep their source's arrival order: the merge is
// stable per source and never reorders a pod's own lines.
#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <deque>
#include <functional>

namespace vigia::logs {

class LogMerger {
public:
    struct Line {
        qint64 timestampNs = 0;         // the merge key (after per-source clamping)
        qint64 originalTimestampNs = 0; // as received; 0 for lines without one
        quint16 source = 0;
        quint8 flags = 0;
        QByteArray bytes;
    };
    using Sink = std::function<void(const Line &line)>;

    // hold: how long a line may wait for slower sources. startupHold: how long
    // to wait for a source that has not sent anything yet (the initial tails).
    explicit LogMerger(qint64 holdNs = 500'000'000, qint64 startupHoldNs = 3'000'000'000);

    // Registers a source as live; lines are held for it until it sends, ends or times out.
    void addSource(quint16 source, qint64 nowNs);
    // The source ended: nobody waits for it any more.
    void finishSource(quint16 source);

    // A line from one source. nowNs is the local arrival time (monotonic clock).
    void push(quint16 source, qint64 timestampNs, QByteArrayView bytes, qint64 nowNs, quint8 flags = 0);

    // Releases, in timestamp order, every line that may go now. Returns the count.
    int drain(qint64 nowNs, const Sink &sink);
    // Releases everything still held, in order (the view closes, or a test ends).
    int flushAll(const Sink &sink);

    int pending() const { return m_pending; }
    void clear();

private:
    struct Held {
        Line line;
        qint64 arrivalNs;
        quint64 order; // global arrival counter: the tie-breaker
    };
    struct Source {
        quint16 id = 0;
        bool live = true;
        bool seen = false;
        qint64 registeredNs = 0;
        qint64 lastTs = 0;
        std::deque<Held> queue;
    };
    Source &sourceFor(quint16 id, qint64 nowNs);
    int releaseOne(const Sink &sink, qint64 nowNs, bool force);

    qint64 m_hold;
    qint64 m_startupHold;
    QList<Source> m_sources;
    quint64 m_order = 0;
    int m_pending = 0;
};

} // namespace vigia::logs
