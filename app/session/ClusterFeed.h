#pragma once
// The slowly changing cluster state of one Session: Deployments, StatefulSets,
// DaemonSets, nodes, events and metrics.k8s.io usage, from ONE kubectl round
// every 30 s (kube::ClusterPoller), and events live while someone reads them.
//
// Events are watched live only while they are on screen (setEventsWanted):
// a second resident kubectl costs ~44 MB RSS on the server, so otherwise they
// come with the round. The watch outlives the wish by lingerMs, so flipping
// tabs does not restart it. While the watch is current the round leaves events
// out, and snapshot() keeps the live ones.
#include "core/Result.h"
#include "kube/ClusterTypes.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QTimer>

namespace vigia::remote {
class KubectlRunner;
}

namespace vigia::kube {
class ClusterPoller;
class ResourceWatcher;
} // namespace vigia::kube

namespace vigia::session {

class ClusterFeed : public QObject {
    Q_OBJECT
public:
    explicit ClusterFeed(QObject *parent = nullptr);
    ~ClusterFeed() override;

    // Starts the rounds through this runner. takeTurnsWith: the resident pod watch,
    // paused during each round (one kubectl at a time on the server).
    void attach(remote::KubectlRunner *runner, kube::ResourceWatcher *takeTurnsWith);
    // Stops everything; the last snapshot stays, marked stale with this reason.
    void detach(const Error &why);

    // now: stop at once instead of lingering (the window was hidden).
    void setEventsWanted(bool wanted, bool now = false);
    bool eventsWanted() const { return m_eventsWanted; }
    bool eventsLive() const; // the events watch is running and current
    void setEventsLinger(int ms) { m_eventsLinger.setInterval(ms); }
    kube::ResourceWatcher *eventsWatcher() const { return m_eventsWatcher; }

    // A round now; retryMetrics asks metrics.k8s.io again even if it was missing.
    void pollNow(bool retryMetrics = false);
    kube::ClusterPoller *poller() const { return m_poller; }

    bool hasData() const { return m_snapshot.fetchedAt.isValid(); }
    // The last good snapshot, with the live events when they are watched.
    const kube::ClusterSnapshot &snapshot() const { return m_snapshot; }
    std::optional<Error> staleReason() const { return m_stale; }

signals:
    void updated(const vigia::kube::ClusterSnapshot &snapshot);
    // The snapshot kept is stale; the next round is in retryInMs (0: none scheduled).
    void failed(const vigia::Error &error, int retryInMs);
    void eventsChanged(const QList<vigia::kube::EventInfo> &events);
    void eventsLiveChanged(bool live);

private:
    void onRound(const kube::ClusterSnapshot &snapshot);
    void startEventsWatch();
    void stopEventsWatch();
    void applyEventBatch(const QList<QJsonObject> &upserts, const QList<QJsonObject> &removed, bool initial);

    QPointer<remote::KubectlRunner> m_runner;
    kube::ClusterPoller *m_poller = nullptr;
    kube::ResourceWatcher *m_eventsWatcher = nullptr;
    kube::ClusterSnapshot m_snapshot;
    std::optional<Error> m_stale;
    QHash<QString, kube::EventInfo> m_liveEvents; // by object key, while watched
    bool m_eventsWanted = false;
    QTimer m_eventsLinger;
};

} // namespace vigia::session
