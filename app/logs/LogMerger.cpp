#include "logs/LogMerger.h"

namespace vigia::logs {

LogMerger::LogMerger(qint64 holdNs, qint64 startupHoldNs) : m_hold(holdNs), m_startupHold(startupHoldNs) {}

LogMerger::Source &LogMerger::sourceFor(quint16 id, qint64 nowNs)
{
    for (Source &s : m_sources)
        if (s.id == id)
            return s;
    Source s;
    s.id = id;
    s.registeredNs = nowNs;
    m_sources.append(std::move(s));
    return m_sources.last();
}

void LogMerger::addSource(quint16 source, qint64 nowNs)
{
    Source &s = sourceFor(source, nowNs);
    s.live = true;
    s.registeredNs = nowNs;
}

void LogMerger::finishSource(quint16 source)
{
    for (Source &s : m_sources)
        if (s.id == source)
            s.live = false;
}

void LogMerger::push(quint16 source, qint64 timestampNs, QByteArrayView bytes, qint64 nowNs, quint8 flags)
{
    Source &s = sourceFor(source, nowNs);
    s.seen = true;
    // A line without a timestamp (a marker, a kubectl without --timestamps) or
    // one that goes back in time sorts right after its predecessor.
    const qint64 key = timestampNs > s.lastTs ? timestampNs : s.lastTs;
    s.lastTs = key;
    s.queue.push_back(Held{Line{key, timestampNs, source, flags, bytes.toByteArray()}, nowNs, m_order++});
    ++m_pending;
}

int LogMerger::releaseOne(const Sink &sink, qint64 nowNs, bool force)
{
    Source *best = nullptr;
    for (Source &s : m_sources) {
        if (s.queue.empty())
            continue;
        const Held &h = s.queue.front();
        if (!best || h.line.timestampNs < best->queue.front().line.timestampNs ||
            (h.line.timestampNs == best->queue.front().line.timestampNs &&
             h.order < best->queue.front().order))
            best = &s;
    }
    if (!best)
        return 0;
    const Held &head = best->queue.front();
    if (!force) {
        // Safe when every other live source already has a later (or equal) line queued;
        // otherwise wait for the silent ones, but no longer than the hold time.
        for (const Source &s : m_sources) {
            if (&s == best || !s.live || !s.queue.empty())
                continue;
            const bool headWaited = nowNs - head.arrivalNs >= m_hold;
            const bool startupOver = s.seen || nowNs - s.registeredNs >= m_startupHold;
            if (!headWaited || !startupOver)
                return 0;
        }
    }
    sink(head.line);
    best->queue.pop_front();
    --m_pending;
    return 1;
}

int LogMerger::drain(qint64 nowNs, const Sink &sink)
{
    int released = 0;
    while (m_pending > 0 && releaseOne(sink, nowNs, false))
        ++released;
    return released;
}

int LogMerger::flushAll(const Sink &sink)
{
    int released = 0;
    while (m_pending > 0 && releaseOne(sink, 0, true))
        ++released;
    return released;
}

void LogMerger::clear()
{
    for (Source &s : m_sources) {
        s.queue.clear();
        s.lastTs = 0;
    }
    m_pending = 0;
}

} // namespace vigia::logs
