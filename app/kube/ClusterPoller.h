#pragma once
// Polls the resources that change rarely (Deployments, StatefulSets, DaemonSets,
// nodes, events) and metrics.k8s.io usage in ONE kubectl process per round:
//   kubectl get deployments,statefulsets,daemonsets,nodes,events,
//               pods.metrics.k8s.io,nodes.metrics.k8s.io -A -o json
//
// Why poll these and watch only pods (footprint budget on the VPS: <= 1% of one
// CPU on average and <= 64 MB RSS for everything Vigía starts there), measured
// on the sandbox with kubectl 1.31 (tests/bench: remote_footprint):
// - any kubectl holds ~44-48 MB RSS, ~35 MB of it the binary's own pages; the
//   SSH session's sshd adds ~10 MB. So the budget fits exactly ONE kubectl at a
//   time: the resident pod watch plus a poll's kubectl running beside it peaked
//   at 111.5 MB. Hence setExclusiveWith(): each round pauses the watch, runs,
//   and resumes it from the same resourceVersion (nothing is lost; pod changes
//   made during the ~0.5 s round arrive when it ends). Measured over 10 min on
//   joledev (watch with GOGC=25, see ResourceWatcher.cpp): peak 62.7 MB, mean
//   57.0 MB, 0.85% of a CPU, never more than one kubectl at a 250 ms sample.
// - a second resident watch (events, to make the Events view live) would hold
//   another ~44 MB RSS all the time (~35 MB of it the same binary pages as the
//   pod watch's, so ~9 MB more real memory, but RSS counts them twice). So
//   events come with this round every 30 s while nobody looks at them, and are
//   watched live only while the Events view (or a pod's Events tab) is shown:
//   setEventsWatched(true) leaves them out of the round (ClusterViews).
// - a one-shot `kubectl get` costs ~0.2-0.3 s of CPU; restarting the paused
//   watch ~0.15 s. One combined command every 30 s is ~0.75% of a CPU; five
//   separate gets (plus two for metrics) would be ~5%, a get every 2 s ~14%.
// When metrics-server is absent the combined command fails as a whole, so the
// round is repeated at once without the metrics kinds and the snapshot says
// metrics are unavailable (the UI shows "—" with a tooltip); metrics are tried
// again every few rounds.
#include "core/Result.h"
#include "kube/ClusterTypes.h"
#include "kube/ResourceWatcher.h"

#include <QObject>
#include <QPointer>
#include <QTimer>

namespace vigia::remote {
class KubectlRunner;
}

namespace vigia::kube {

class ClusterPoller : public QObject {
    Q_OBJECT
public:
    static constexpr int kDefaultIntervalMs = 30000;
    static constexpr int kMetricsRetryRounds = 4; // with metrics absent, ask again every 4th round (2 min)

    explicit ClusterPoller(remote::KubectlRunner *runner, QObject *parent = nullptr);

    // Never two kubectl processes on the server at once: with a watcher set, each
    // round first pauses its watch (and waits until that kubectl has exited),
    // then resumes it from the same resourceVersion once the round is over.
    // Several watchers may take turns with it (the pod watch, the events watch while shown).
    void setExclusiveWith(ResourceWatcher *watcher);
    void addExclusive(ResourceWatcher *watcher);
    // No longer takes turns. A round waiting for it goes on with the others; if a
    // round had paused it, it is resumed (stop() it first to leave it stopped).
    void removeExclusive(ResourceWatcher *watcher);
    // Events are watched live elsewhere: rounds leave them out (snapshot.eventsIncluded false).
    void setEventsWatched(bool watched) { m_eventsWatched = watched; }
    bool eventsWatched() const { return m_eventsWatched; }

    void start(); // polls now, then every interval
    void stop();
    // retryMetrics: ask metrics.k8s.io again now even if it was missing (the user's Refresh).
    void pollNow(bool retryMetrics = false);
    void setInterval(int ms) { m_timer.setInterval(ms); }
    int interval() const { return m_timer.interval(); }

    bool hasData() const { return m_snapshot.fetchedAt.isValid(); }
    const ClusterSnapshot &snapshot() const { return m_snapshot; } // the last good one
    bool isStale() const { return m_lastError.has_value(); }
    std::optional<Error> lastError() const { return m_lastError; }
    bool isPolling() const { return m_token != 0; }

    // The kubectl arguments of one round (for tests and the footprint benchmark).
    static QStringList pollArgs(bool withMetrics, bool withEvents = true);

signals:
    void updated(const vigia::kube::ClusterSnapshot &snapshot);
    void failed(const vigia::Error &error); // the snapshot() kept is now stale

private:
    void onFinished(quint64 token, const Result<QByteArray> &result);
    void issue(bool withMetrics);
    void roundOver();
    void pauseNext(bool withMetrics);

    remote::KubectlRunner *m_runner;
    QTimer m_timer;
    quint64 m_token = 0;
    bool m_tokenWithMetrics = false;
    bool m_metricsKnownMissing = false;
    int m_roundsSinceMetricsTry = 0;
    ClusterSnapshot m_snapshot;
    QString m_metricsFailure; // why the last round with metrics failed
    std::optional<Error> m_lastError;
    QList<QPointer<ResourceWatcher>> m_exclusive;
    QList<QPointer<ResourceWatcher>> m_pausedByUs;
    bool m_waitingForQuiet = false;
    QPointer<ResourceWatcher> m_waitingOn; // the watcher whose quiet the round waits for
    bool m_pendingWithMetrics = true;
    QTimer m_quietDeadline;
    bool m_eventsWatched = false;
    bool m_tokenWithEvents = true;
};

} // namespace vigia::kube
