#include "session/CapacityFeed.h"

#include "kube/ClusterPoller.h"
#include "metrics/ClusterUsage.h"
#include "metrics/HistoryStore.h"
#include "metrics/Sampler.h"
#include "session/ClusterFeed.h"

#include <QCoreApplication>
#include <QDateTime>

namespace vigia::session {

CapacityFeed::CapacityFeed(QObject *parent) : QObject(parent)
{
    qRegisterMetaType<metrics::HistoryStore *>();
    qRegisterMetaType<std::optional<qint64>>();
}

CapacityFeed::~CapacityFeed()
{
    // The sampler lives with the connection; it must stop writing into the store before it goes.
    detach();
}

metrics::Sampler *CapacityFeed::sampler() const
{
    return m_sampler;
}

void CapacityFeed::open(const QString &profileName, std::optional<qint64> ramBudgetBytes)
{
    m_budget = ramBudgetBytes;
    if (!m_history || m_profile != profileName) {
        detach();
        m_history = std::make_unique<metrics::HistoryStore>(metrics::HistoryStore::defaultPath(profileName));
        m_profile = profileName;
        m_capacity = m_allocatable = 0;
        QString problem;
        if (Result<void> r = m_history->open(); !r.ok()) {
            problem = QCoreApplication::translate("CapacityFeed", "No history: %1").arg(r.error().message);
            m_history.reset();
        }
        emit historyChanged(m_history.get(), problem);
    }
    emit budgetChanged(m_budget, m_capacity > 0 ? std::optional<qint64>(m_capacity) : std::nullopt,
                       m_allocatable > 0 ? std::optional<qint64>(m_allocatable) : std::nullopt);
}

void CapacityFeed::attach(ssh::SshConnection *connection, const QStringList &kubectlPrefix, int intervalMs,
                          ClusterFeed *cluster)
{
    detach();
    // Sampling: one process tree per tick, into the history the view reads.
    auto *sampler = new metrics::Sampler(connection, this);
    m_sampler = sampler;
    sampler->setKubectlPrefix(kubectlPrefix);
    metrics::SamplerConfig config = sampler->config();
    config.intervalMs = intervalMs;
    if (cluster) {
        // The cluster round fetches metrics.k8s.io every 30 s already: the sampler takes
        // its per-pod figures from there and starts no kubectl of its own (one kubectl at
        // a time on the server; see SamplerConfig::ownKubectl).
        config.ownKubectl = false;
        auto offer = [sampler](const kube::ClusterSnapshot &snap) {
            const metrics::ClusterUsage u = metrics::usageFromCluster(snap);
            sampler->offerMetrics(u.pods, u.nodes, u.available, u.problem);
        };
        connect(cluster, &ClusterFeed::updated, sampler, offer);
        // The node's capacity (the budget line when the profile sets none) comes with the round too.
        connect(cluster, &ClusterFeed::updated, sampler, [this](const kube::ClusterSnapshot &s) { takeNodes(s); });
        if (cluster->hasData()) {
            offer(cluster->snapshot());
            takeNodes(cluster->snapshot());
        }
    }
    sampler->setConfig(config);
    connect(sampler, &metrics::Sampler::sampled, this, [this](const metrics::Sample &sample) {
        if (m_history)
            (void)m_history->append(sample);
        if (sample.memory)
            m_lastMemoryUsed = sample.memory->used();
        emit sampled(sample);
    });
    if (m_history)
        (void)m_history->beginSession(QDateTime::currentMSecsSinceEpoch(), sampler->config().intervalMs);
    if (!m_paused)
        sampler->start(); // takes the first sample at once
}

void CapacityFeed::setPaused(bool paused)
{
    m_paused = paused;
    if (!m_sampler)
        return;
    if (paused)
        m_sampler->stop();
    else if (!m_sampler->isRunning())
        m_sampler->start();
}

void CapacityFeed::detach()
{
    if (metrics::Sampler *s = m_sampler.data()) {
        s->stop();
        s->disconnect(this);
        s->deleteLater();
    }
    m_sampler = nullptr;
}

void CapacityFeed::takePodList(const QByteArray &json)
{
    Result<QList<metrics::PodResources>> res = metrics::parsePodResources(json);
    if (res.ok())
        emit podResourcesChanged(res.value());
}

void CapacityFeed::takeNodes(const kube::ClusterSnapshot &snapshot)
{
    qint64 cap = 0, alloc = 0;
    for (const kube::NodeInfo &n : snapshot.nodes) {
        cap += n.memoryCapacityBytes;
        alloc += n.memoryAllocatableBytes;
    }
    if (cap <= 0 || (cap == m_capacity && alloc == m_allocatable))
        return;
    m_capacity = cap;
    m_allocatable = alloc;
    emit budgetChanged(m_budget, cap, alloc);
}

} // namespace vigia::session
