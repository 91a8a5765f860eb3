#include "kube/ClusterPoller.h"

#include "core/Log.h"
#include "kube/KubeMetaTypes.h"
#include "kube/ClusterParsers.h"
#include "kube/ResourceWatcher.h"
#include "remote/KubectlRunner.h"
#include <QCoreApplication>

namespace vigia::kube {

namespace {
constexpr int kPollTimeoutMs = 30000;
constexpr int kQuietDeadlineMs = 15000;
}

ClusterPoller::ClusterPoller(remote::KubectlRunner *runner, QObject *parent)
    : QObject(parent), m_runner(runner)
{
    registerMetaTypes();
    qRegisterMetaType<vigia::kube::ClusterSnapshot>("vigia::kube::ClusterSnapshot");
    m_timer.setInterval(kDefaultIntervalMs);
    connect(&m_timer, &QTimer::timeout, this, [this] { pollNow(); });
    // A watcher's kubectl that never reports its end (a wedged channel) must not
    // stop the rounds for good: after this long the round goes ahead.
    m_quietDeadline.setSingleShot(true);
    m_quietDeadline.setInterval(kQuietDeadlineMs);
    connect(&m_quietDeadline, &QTimer::timeout, this, [this] {
        if (!m_waitingForQuiet)
            return;
        qCWarning(lcKube) << "a paused watch did not go quiet in" << kQuietDeadlineMs << "ms; polling anyway";
        m_waitingOn = nullptr;
        pauseNext(m_pendingWithMetrics);
    });
    if (m_runner)
        connect(m_runner, &remote::KubectlRunner::finished, this, &ClusterPoller::onFinished);
}

QStringList ClusterPoller::pollArgs(bool withMetrics, bool withEvents)
{
    QString kinds = QStringLiteral("deployments,statefulsets,daemonsets,nodes");
    if (withEvents)
        kinds += QStringLiteral(",events");
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
    roundOver();
}

void ClusterPoller::setExclusiveWith(ResourceWatcher *watcher)
{
    m_exclusive.clear();
    addExclusive(watcher);
}

void ClusterPoller::addExclusive(ResourceWatcher *watcher)
{
    if (watcher && !m_exclusive.contains(watcher))
        m_exclusive << watcher;
}

void ClusterPoller::removeExclusive(ResourceWatcher *watcher)
{
    m_exclusive.removeAll(watcher);
    const bool pausedByUs = m_pausedByUs.removeAll(watcher) > 0;
    if (m_waitingForQuiet && m_waitingOn == watcher) {
        // The round was waiting for this one (which may have been stopped, dropping
        // its quiet hook): go on with the others rather than wait for ever.
        m_waitingOn = nullptr;
        if (watcher->isPaused())
            watcher->resume();
        pauseNext(m_pendingWithMetrics);
        return;
    }
    if (pausedByUs && watcher->isPaused())
        watcher->resume();
}

void ClusterPoller::roundOver()
{
    m_waitingForQuiet = false;
    m_waitingOn = nullptr;
    m_quietDeadline.stop();
    for (const QPointer<ResourceWatcher> &w : std::exchange(m_pausedByUs, {}))
        if (w && w->isPaused())
            w->resume();
}

// Pauses the running watchers one after the other, each once the previous one's
// kubectl has exited, then issues the round.
void ClusterPoller::pauseNext(bool withMetrics)
{
    for (const QPointer<ResourceWatcher> &w : std::as_const(m_exclusive)) {
        if (!w || w->state() == ResourceWatcher::State::Idle || m_pausedByUs.contains(w))
            continue;
        m_pausedByUs << w;
        m_waitingOn = w;
        m_pendingWithMetrics = withMetrics;
        m_quietDeadline.start();
        QPointer<ClusterPoller> self(this);
        QPointer<ResourceWatcher> which(w);
        w->pause([self, which, withMetrics] {
            if (self && self->m_waitingForQuiet && self->m_waitingOn == which) {
                self->m_waitingOn = nullptr;
                self->pauseNext(withMetrics);
            }
        });
        return;
    }
    m_waitingForQuiet = false;
    m_waitingOn = nullptr;
    m_quietDeadline.stop();
    issue(withMetrics);
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
    m_waitingForQuiet = true;
    pauseNext(withMetrics);
}

void ClusterPoller::issue(bool withMetrics)
{
    m_tokenWithMetrics = withMetrics;
    m_tokenWithEvents = !m_eventsWatched;
    m_token = m_runner->run(pollArgs(withMetrics, m_tokenWithEvents), kPollTimeoutMs);
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
    m_snapshot.eventsIncluded = m_tokenWithEvents;
    m_snapshot.fetchedAt = QDateTime::currentDateTimeUtc();
    if (m_tokenWithMetrics) {
        m_metricsKnownMissing = false;
        m_snapshot.metricsProblem.clear();
    } else {
        m_metricsKnownMissing = true;
        m_snapshot.metricsAvailable = false;
        m_snapshot.metricsProblem =
            QCoreApplication::translate("ClusterPoller", "CPU and memory usage come from metrics-server (metrics.k8s.io), which is not "
                           "answering: %1")
                .arg(metricsProblem.isEmpty() ? QCoreApplication::translate("ClusterPoller", "not installed or not ready")
                                              : metricsProblem);
    }
    m_lastError.reset();
    emit updated(m_snapshot);
}

} // namespace vigia::kube
