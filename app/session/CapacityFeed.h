#pragma once
// Memory and CPU over time for one Session: the history on disk (opened when
// the session starts, before or without the network), the sampler on the
// server while connected, and the budget line (the profile's budget, or the
// node's capacity that each cluster round reports).
#include "core/Result.h"
#include "kube/ClusterTypes.h"
#include "metrics/MetricsParsers.h"
#include "metrics/Sample.h"

#include <QObject>
#include <QPointer>
#include <memory>
#include <optional>

namespace vigia::ssh {
class SshConnection;
}
namespace vigia::metrics {
class HistoryStore;
class Sampler;
} // namespace vigia::metrics

namespace vigia::session {

class ClusterFeed;

class CapacityFeed : public QObject {
    Q_OBJECT
public:
    explicit CapacityFeed(QObject *parent = nullptr);
    ~CapacityFeed() override;

    // A session for this profile starts: its history opens (kept when it is the same profile).
    void open(const QString &profileName, std::optional<qint64> ramBudgetBytes);
    // Connected: sample through this connection, taking per-pod figures from the cluster round.
    void attach(ssh::SshConnection *connection, const QStringList &kubectlPrefix, int intervalMs,
                ClusterFeed *cluster);
    void detach();
    // Paused: the sampler starts nothing on the server (the window is hidden).
    void setPaused(bool paused);
    // The pod list behind a (re)list: requests and limits.
    void takePodList(const QByteArray &json);

    metrics::HistoryStore *history() const { return m_history.get(); }
    metrics::Sampler *sampler() const;
    std::optional<qint64> budget() const { return m_budget; }
    // Memory in use on the host at the last sample (cache not counted).
    std::optional<qint64> lastMemoryUsed() const { return m_lastMemoryUsed; }
    // Sum over the nodes of the last round; 0 until one came.
    qint64 nodeCapacityBytes() const { return m_capacity; }
    qint64 nodeAllocatableBytes() const { return m_allocatable; }

signals:
    // The history was replaced (another profile) or could not open (null, with the reason).
    void historyChanged(vigia::metrics::HistoryStore *store, const QString &problem);
    void sampled(const vigia::metrics::Sample &sample);
    void budgetChanged(std::optional<qint64> profileBudget, std::optional<qint64> nodeCapacity,
                       std::optional<qint64> nodeAllocatable);
    void podResourcesChanged(const QList<vigia::metrics::PodResources> &pods);

private:
    void takeNodes(const kube::ClusterSnapshot &snapshot);

    std::unique_ptr<metrics::HistoryStore> m_history;
    QString m_profile;
    std::optional<qint64> m_budget;
    qint64 m_capacity = 0;
    qint64 m_allocatable = 0;
    std::optional<qint64> m_lastMemoryUsed;
    QPointer<metrics::Sampler> m_sampler;
    bool m_paused = false;
};

} // namespace vigia::session
