#pragma once
// Polls the resources that change rarely (Deployments, StatefulSets, DaemonSets,
// nodes, events) and metrics.k8s.io usage in ONE kubectl process per round:
//   kubectl get deployments,statefulsets,daemonsets,nodes,events,
//               pods.metrics.k8s.io,nodes.metrics.k8s.io -A -o json
//
// Why poll these and watch only pods (footprint budget on the VPS: <= 1% of one
// CPU on average and <= 64 MB RSS for everything Vigía starts there):
// - a resident `kubectl get -w` holds ~55 MB RSS and ~0 CPU while idle. One
//   watch (pods, which change the most and must be live) fits the 64 MB budget;
//   a second resident watch would not.
// - a one-shot `kubectl get` costs ~0.46 s wall (~0.2-0.3 s CPU) and its RSS is
//   gone when it exits. Polling every 2 s burns ~14% of a CPU; one combined
//   command every 30 s is ~0.2 s / 30 s ~ 0.7% of a CPU, inside the 1% budget,
//   where five separate gets (plus two for metrics) would be ~5%.
// When metrics-server is absent the combined command fails as a whole, so the
// round is repeated at once without the metrics kinds and the snapshot says
// metrics are unavailable (the UI shows "—" with a tooltip); metrics are tried
// again every few rounds.
#include "core/Result.h"
#include "kube/ClusterTypes.h"

#include <QObject>
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

    void start(); // polls now, then every interval
    void stop();
    void pollNow();
    void setInterval(int ms) { m_timer.setInterval(ms); }
    int interval() const { return m_timer.interval(); }

    bool hasData() const { return m_snapshot.fetchedAt.isValid(); }
    const ClusterSnapshot &snapshot() const { return m_snapshot; } // the last good one
    bool isStale() const { return m_lastError.has_value(); }
    std::optional<Error> lastError() const { return m_lastError; }
    bool isPolling() const { return m_token != 0; }

    // The kubectl arguments of one round (for tests and the footprint benchmark).
    static QStringList pollArgs(bool withMetrics);

signals:
    void updated(const vigia::kube::ClusterSnapshot &snapshot);
    void failed(const vigia::Error &error); // the snapshot() kept is now stale

private:
    void onFinished(quint64 token, const Result<QByteArray> &result);
    void issue(bool withMetrics);

    remote::KubectlRunner *m_runner;
    QTimer m_timer;
    quint64 m_token = 0;
    bool m_tokenWithMetrics = false;
    bool m_metricsKnownMissing = false;
    int m_roundsSinceMetricsTry = 0;
    ClusterSnapshot m_snapshot;
    QString m_metricsFailure; // why the last round with metrics failed
    std::optional<Error> m_lastError;
};

} // namespace vigia::kube
