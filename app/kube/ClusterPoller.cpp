#include "kube/ClusterPoller.h"

#include "core/Log.h"
#include "core/MetaTypes.h"
#include "kube/ClusterParsers.h"
#include "kube/ResourceWatcher.h"
#include "remote/KubectlRunner.h"

namespace vigia::kube {

namespace {
constexpr int kPollTimeoutMs = 30000;
}

ClusterPoller::ClusterPoller(remote::KubectlRunner *runner, QObject *parent)
    : QObject(parent), m_runner(runner)
{
    registerCoreMetaTypes();
    qRegisterMetaType<vigia::kube::ClusterSnapshot>("vigia::kube::ClusterSnapshot");
    m_timer.setInterval(kDefaultIntervalMs);
    connect(&m_timer, &QTimer::timeout, this, [this] { pollNow(); });
    if (m_runner)
        connect(m_runner, &remote::KubectlRunner::finished, this, &ClusterPoller::onFinished);
}

QStringList ClusterPoller::pollArgs(bool withMetrics)
{
    QString kinds = QStringLiteral("deployments,statefulsets,daemonsets,nodes,events");
    if (withMetrics)
        kinds += QStringLiteral(",pods.metrics.k8s.io,nodes.metrics.k8s.io");
    return {QStringLiteral("get"),  kinds,
            QStringLiteral("-A"),   QStringLiteral("-o"),
            QStringLiteral("json"), QStringLiteral("--request-timeout=20s")};
}

void ClusterPoller::start()
{
    m_timer.start();
    pollNow();
}

void ClusterPoller::stop()
{
    m_timer.stop();
    m_token = 0;
    if (m_waitingForQuiet || m_exclusive)
        roundOver();
}

void ClusterPoller::roundOver()
{
    m_waitingForQuiet = false;
    if (m_exclusive && m_exclusive->isPaused())
        m_exclusive->resume();
}

void ClusterPoller::pollNow(bool retryMetrics)
{
    if (m_token != 0 || m_waitingForQuiet || !m_runner)
        return; // one round at a time: a slow API must not pile up processes
    bool withMetrics = !m_metricsKnownMissing || retryMetrics;
    if (m_metricsKnownMissing && ++m_roundsSinceMetricsTry >= kMetricsRetryRounds) {
        m_roundsSinceMetricsTry = 0;
        withMetrics = true;
    }
    if (m_exclusive && m_exclusive->state() != ResourceWatcher::State::Idle) {
        m_waitingForQuiet = true;
        QPointer<ClusterPoller> self(this);
        m_exclusive->pause([self, withMetrics] {
            if (!self || !self->m_waitingForQuiet)
                return;
            self->m_waitingForQuiet = false;
            self->issue(withMetrics);
        });
        return;
    }
    issue(withMetrics);
}

void ClusterPoller::issue(bool withMetrics)
{
    m_tokenWithMetrics = withMetrics;
    m_token = m_runner->run(pollArgs(withMetrics), kPollTimeoutMs);
}

void ClusterPoller::onFinished(quint64 token, const Result<QByteArray> &result)
{
    if (token == 0 || token != m_token)
        return;
    m_token = 0;
    if (result.ok() || !m_tokenWithMetrics)
        roundOver();
    if (!result.ok()) {
        if (m_tokenWithMetrics) {
            // The metrics kinds make the whole command fail when metrics-server is
            // missing: ask again without them to tell the two apart.
            qCDebug(lcKube) << "poll with metrics failed:" << result.error().message;
            m_metricsFailure = result.error().message;
            issue(false);
            return;
        }
        m_lastError = result.error();
        emit failed(result.error());
        return;
    }
    Result<ClusterSnapshot> snap = parseClusterSnapshot(result.value(), m_tokenWithMetrics);
    if (!snap.ok()) {
        m_lastError = snap.error();
        emit failed(snap.error());
        return;
    }
    const QString metricsProblem = m_metricsFailure;
    m_snapshot = std::move(snap).value();
    m_snapshot.fetchedAt = QDateTime::currentDateTimeUtc();
    if (m_tokenWithMetrics) {
        m_metricsKnownMissing = false;
        m_snapshot.metricsProblem.clear();
    } else {
        m_metricsKnownMissing = true;
        m_snapshot.metricsAvailable = false;
        m_snapshot.metricsProblem =
            QStringLiteral("CPU and memory usage come from metrics-server (metrics.k8s.io), which is not "
                           "answering: %1")
                .arg(metricsProblem.isEmpty() ? QStringLiteral("not installed or not ready")
                                              : metricsProblem);
    }
    m_lastError.reset();
    emit updated(m_snapshot);
}

} // namespace vigia::kube
