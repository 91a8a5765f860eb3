#include "session/ClusterFeed.h"

#include "kube/ClusterParsers.h"
#include "kube/ClusterPoller.h"
#include "kube/ResourceWatcher.h"
#include "remote/KubectlRunner.h"

#include <utility>

namespace vigia::session {

ClusterFeed::ClusterFeed(QObject *parent) : QObject(parent)
{
    m_eventsLinger.setSingleShot(true);
    m_eventsLinger.setInterval(20000);
    connect(&m_eventsLinger, &QTimer::timeout, this, [this] {
        if (!m_eventsWanted)
            stopEventsWatch();
    });
}

ClusterFeed::~ClusterFeed() = default;

void ClusterFeed::attach(remote::KubectlRunner *runner, kube::ResourceWatcher *takeTurnsWith)
{
    stopEventsWatch();
    if (m_poller) {
        m_poller->stop();
        m_poller->deleteLater();
    }
    m_runner = runner;
    m_poller = new kube::ClusterPoller(runner, this);
    m_poller->setExclusiveWith(takeTurnsWith);
    connect(m_poller, &kube::ClusterPoller::updated, this, &ClusterFeed::onRound);
    connect(m_poller, &kube::ClusterPoller::failed, this, [this](const Error &e) {
        m_stale = e;
        emit failed(e, m_poller ? m_poller->interval() : 0);
    });
    m_poller->start();
    if (m_eventsWanted)
        startEventsWatch();
}

void ClusterFeed::detach(const Error &why)
{
    stopEventsWatch();
    if (m_poller) {
        m_poller->stop();
        m_poller->deleteLater();
        m_poller = nullptr;
    }
    m_runner = nullptr;
    if (hasData()) {
        m_stale = why;
        emit failed(why, 0);
    }
}

void ClusterFeed::pollNow(bool retryMetrics)
{
    if (m_poller)
        m_poller->pollNow(retryMetrics);
}

void ClusterFeed::onRound(const kube::ClusterSnapshot &snapshot)
{
    const QList<kube::EventInfo> liveEvents = m_snapshot.events;
    m_snapshot = snapshot;
    if (!snapshot.eventsIncluded)
        m_snapshot.events = liveEvents; // watched live meanwhile: the round left them out
    if (!m_snapshot.fetchedAt.isValid())
        m_snapshot.fetchedAt = QDateTime::currentDateTimeUtc();
    m_stale.reset();
    emit updated(m_snapshot);
    if (snapshot.eventsIncluded)
        emit eventsChanged(m_snapshot.events);
}

void ClusterFeed::setEventsWanted(bool wanted, bool now)
{
    if (!wanted && now)
        stopEventsWatch();
    if (wanted == m_eventsWanted)
        return;
    m_eventsWanted = wanted;
    if (wanted) {
        m_eventsLinger.stop();
        startEventsWatch();
    } else if (m_eventsWatcher) {
        m_eventsLinger.start();
    }
}

bool ClusterFeed::eventsLive() const
{
    return m_eventsWatcher && m_eventsWatcher->state() == kube::ResourceWatcher::State::Live;
}

void ClusterFeed::startEventsWatch()
{
    if (!m_runner || !m_poller || m_eventsWatcher)
        return;
    m_eventsWatcher = new kube::ResourceWatcher(m_runner, QStringLiteral("events"), QString(), this);
    m_liveEvents.clear();
    kube::ResourceWatcher *w = m_eventsWatcher;
    connect(w, &kube::ResourceWatcher::changed, this, [this, w](const kube::WatchBatch &b) {
        if (w == m_eventsWatcher)
            applyEventBatch(b.added + b.modified, b.deleted, b.initial);
    });
    connect(w, &kube::ResourceWatcher::stateChanged, this, [this, w](kube::ResourceWatcher::State state) {
        if (w != m_eventsWatcher || !m_poller)
            return;
        // Rounds leave events out only while the watch is current; a broken
        // watch (RBAC, API down) falls back to the round's events.
        const bool live = state == kube::ResourceWatcher::State::Live;
        if (m_poller->eventsWatched() != live) {
            m_poller->setEventsWatched(live);
            emit eventsLiveChanged(live);
        }
    });
    // The second resident kubectl takes turns with the round like the pod watch.
    m_poller->addExclusive(w);
    w->start();
}

void ClusterFeed::stopEventsWatch()
{
    m_eventsLinger.stop();
    kube::ResourceWatcher *w = std::exchange(m_eventsWatcher, nullptr);
    if (!w)
        return;
    w->stop(); // first: removeExclusive() resumes a watcher a round had paused
    if (m_poller) {
        m_poller->removeExclusive(w);
        m_poller->setEventsWatched(false);
    }
    w->deleteLater();
    m_liveEvents.clear();
    emit eventsLiveChanged(false);
}

void ClusterFeed::applyEventBatch(const QList<QJsonObject> &upserts, const QList<QJsonObject> &removed,
                                  bool initial)
{
    if (initial)
        m_liveEvents.clear(); // a (re)list: the batch is the whole list
    for (const QJsonObject &o : upserts)
        if (Result<kube::EventInfo> e = kube::parseEvent(o); e.ok())
            m_liveEvents.insert(kube::objectKey(o), e.value());
    for (const QJsonObject &o : removed)
        m_liveEvents.remove(kube::objectKey(o));
    QList<kube::EventInfo> events(m_liveEvents.cbegin(), m_liveEvents.cend());
    kube::sortEvents(events);
    m_snapshot.events = events;
    emit eventsChanged(events);
}

} // namespace vigia::session
