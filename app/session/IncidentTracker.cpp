#include "session/IncidentTracker.h"

#include "metrics/Sample.h"
#include "session/CapacityFeed.h"
#include "session/ClusterFeed.h"
#include "session/Session.h"

#include <QSet>

namespace vigia::session {

qint64 Incident::durationSecs(const QDateTime &now) const
{
    return began.secsTo(resolved.isValid() ? resolved : now);
}

IncidentTracker::IncidentTracker(QObject *parent) : QObject(parent)
{
    qRegisterMetaType<vigia::session::Incident>();
    qRegisterMetaType<QList<vigia::session::Incident>>();
    // The 2-minute rules mature between changes: look again every 10 s.
    m_tick.setInterval(10000);
    connect(&m_tick, &QTimer::timeout, this, &IncidentTracker::scheduleEvaluation);
    // A watch burst is one look, not hundreds.
    m_coalesce.setSingleShot(true);
    m_coalesce.setInterval(500);
    connect(&m_coalesce, &QTimer::timeout, this, [this] {
        if (m_session)
            evaluate(stateOf(*m_session), QDateTime::currentDateTimeUtc());
    });
}

void IncidentTracker::attach(Session *session)
{
    if (m_session) {
        m_session->disconnect(this);
        m_session->cluster()->disconnect(this);
        m_session->capacity()->disconnect(this);
    }
    m_session = session;
    if (!session) {
        m_tick.stop();
        return;
    }
    connect(session, &Session::podsUpdated, this, &IncidentTracker::scheduleEvaluation);
    connect(session->cluster(), &ClusterFeed::updated, this, &IncidentTracker::scheduleEvaluation);
    connect(session->capacity(), &CapacityFeed::sampled, this, &IncidentTracker::scheduleEvaluation);
    connect(session, &Session::phaseChanged, this, [this](Session::Phase phase) {
        if (phase == Session::Phase::Connected)
            connectedAt(QDateTime::currentDateTimeUtc());
        if (phase == Session::Phase::Lost || phase == Session::Phase::Failed) {
            if (!m_lostSince.isValid())
                m_lostSince = QDateTime::currentDateTimeUtc();
        } else if (phase == Session::Phase::Connected) {
            m_lostSince = {};
        }
        scheduleEvaluation();
    });
    m_tick.start();
}

ServerState IncidentTracker::stateOf(const Session &session)
{
    ServerState s;
    s.pods = session.pods();
    const ClusterFeed *cluster = session.cluster();
    s.haveCluster = cluster->hasData() && !cluster->staleReason();
    if (s.haveCluster) {
        s.workloads = cluster->snapshot().workloads;
        s.nodes = cluster->snapshot().nodes;
    }
    const CapacityFeed *capacity = session.capacity();
    s.memoryUsedBytes = capacity->lastMemoryUsed();
    if (!s.memoryUsedBytes || !session.isForeground()) {
        // Hidden, the sampler rests: the round's node usage (metrics.k8s.io) says enough.
        qint64 used = 0;
        bool any = false;
        for (const kube::NodeInfo &n : s.nodes)
            if (n.memoryUsageBytes) {
                used += *n.memoryUsageBytes;
                any = true;
            }
        if (any)
            s.memoryUsedBytes = used;
    }
    s.memoryBudgetBytes = capacity->budget();
    if (!s.memoryBudgetBytes && capacity->nodeCapacityBytes() > 0)
        s.memoryBudgetBytes = capacity->nodeCapacityBytes();
    const Session::Phase phase = session.phase();
    s.connectionLost = phase == Session::Phase::Lost || (phase == Session::Phase::Failed && session.podCount() > 0);
    return s;
}

void IncidentTracker::scheduleEvaluation()
{
    if (!m_coalesce.isActive())
        m_coalesce.start();
}

void IncidentTracker::connectedAt(const QDateTime &now)
{
    m_summaryUntil = now.addSecs(m_summaryWindowSecs);
    QTimer::singleShot(m_summaryWindowSecs * 1000 + 100, this, &IncidentTracker::flushSummary);
}

void IncidentTracker::flushSummary()
{
    if (m_summaryUntil.isValid() && QDateTime::currentDateTimeUtc() < m_summaryUntil)
        return;
    m_summaryUntil = {};
    if (m_summary.isEmpty())
        return;
    const QList<Incident> held = std::exchange(m_summary, {});
    if (held.size() == 1)
        emit opened(held.first());
    else
        emit summarized(held);
}

void IncidentTracker::evaluate(const ServerState &state, const QDateTime &now)
{
    ServerState s = state;
    if (s.connectionLost && !s.lostSince.isValid())
        s.lostSince = m_lostSince.isValid() ? m_lostSince : now;
    const QList<IncidentCandidate> seen = incidentsIn(s);
    QSet<QString> present;
    for (const IncidentCandidate &c : seen) {
        const QString key = c.key();
        present.insert(key);
        auto it = m_open.find(key);
        if (it != m_open.end()) {
            if (!(it->what == c)) {
                it->what = c;
                emit updated(*it);
            }
            continue;
        }
        QDateTime began = c.since.isValid() ? c.since : m_seen.value(key);
        if (!began.isValid()) {
            began = now;
            m_seen.insert(key, now);
        }
        if (c.needsToLast && began.secsTo(now) < kLastingSecs) {
            m_seen.insert(key, began);
            continue;
        }
        m_seen.remove(key);
        Incident incident;
        incident.id = m_nextId++;
        incident.what = c;
        incident.began = began;
        m_open.insert(key, incident);
        if (m_summaryUntil.isValid() && now < m_summaryUntil)
            m_summary << incident;
        else
            emit opened(incident);
    }
    // Conditions that went away before they lasted are forgotten.
    for (auto it = m_seen.begin(); it != m_seen.end();)
        it = present.contains(it.key()) ? std::next(it) : m_seen.erase(it);
    const QSet<QString> objects = objectsIn(s);
    for (auto it = m_open.begin(); it != m_open.end();) {
        const bool unreachable = it->what.reason == IncidentReason::Unreachable;
        // While unreachable, only the unreachable incident can heal (when the connection does).
        if (present.contains(it.key()) || (s.connectionLost && !unreachable)) {
            m_healing.remove(it.key());
            ++it;
            continue;
        }
        // Gone from the rules but its object is still there: healed only once it stays so.
        const bool objectGone = !objects.contains(it->what.objectKey());
        const QDateTime since = m_healing.value(it.key(), now);
        m_healing.insert(it.key(), since);
        if (!objectGone && !unreachable && since.secsTo(now) < m_healingSecs) {
            ++it;
            continue;
        }
        m_healing.remove(it.key());
        Incident done = *it;
        done.resolved = objectGone || unreachable ? now : since;
        it = m_open.erase(it);
        // Healed inside the summary window: it never needs telling.
        const auto held = std::find_if(m_summary.begin(), m_summary.end(),
                                       [&](const Incident &i) { return i.id == done.id; });
        if (held != m_summary.end()) {
            m_summary.erase(held);
            continue;
        }
        emit resolved(done);
    }
}

QList<Incident> IncidentTracker::openIncidents() const
{
    return m_open.values();
}

} // namespace vigia::session
