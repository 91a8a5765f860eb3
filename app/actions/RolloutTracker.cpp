#include "actions/RolloutTracker.h"

#include "actions/CommandExecutor.h"
#include "actions/RolloutHistory.h"
#include "core/Log.h"

#include <QCoreApplication>
#include <QJsonDocument>

namespace vigia::actions {

namespace {
constexpr int kMaxConsecutiveErrors = 3;
} // namespace

RolloutTracker::RolloutTracker(CommandExecutor *executor, ObjectKind kind, const QString &name,
                               const QString &namespaceName, QObject *parent)
    : QObject(parent), m_executor(executor), m_kind(kind), m_name(name), m_namespace(namespaceName),
      m_state(kind, name, namespaceName)
{
    qRegisterMetaType<RolloutSnapshot>();
    m_tickTimer.setSingleShot(true);
    m_deadline.setSingleShot(true);
    connect(&m_tickTimer, &QTimer::timeout, this, &RolloutTracker::tick);
    connect(&m_deadline, &QTimer::timeout, this, [this]() {
        if (!m_running)
            return;
        publish(m_state.timeOut(m_clock.elapsed()));
    });
    if (m_executor)
        connect(m_executor, &CommandExecutor::finished, this, &RolloutTracker::onCommand);
}

QStringList RolloutTracker::workloadArgs(ObjectKind kind, const QString &name, const QString &namespaceName)
{
    return {QStringLiteral("get"), objectKindName(kind) + QLatin1Char('/') + name,
            QStringLiteral("--namespace=") + namespaceName, QStringLiteral("-o"), QStringLiteral("json")};
}

QStringList RolloutTracker::podsArgs(ObjectKind kind, const QString &namespaceName,
                                     const QString &labelSelector)
{
    QStringList args{
        QStringLiteral("get"),
        kind == ObjectKind::Deployment ? QStringLiteral("replicasets,pods") : QStringLiteral("pods"),
        QStringLiteral("--namespace=") + namespaceName, QStringLiteral("-o"), QStringLiteral("json")};
    if (!labelSelector.isEmpty())
        args << QStringLiteral("--selector=") + labelSelector;
    return args;
}

void RolloutTracker::start()
{
    if (m_running)
        return;
    if (!m_executor || m_kind == ObjectKind::Pod) {
        m_running = true;
        m_clock.start();
        publish(m_state.fail(QCoreApplication::translate("RolloutTracker", "Nothing to follow for this object."), 0));
        return;
    }
    m_running = true;
    m_clock.start();
    m_deadline.start(m_timeoutMs);
    tick();
}

void RolloutTracker::stop()
{
    m_running = false;
    m_tickTimer.stop();
    m_deadline.stop();
    m_workloadToken = m_podsToken = 0;
}

void RolloutTracker::scheduleNext()
{
    if (m_running)
        m_tickTimer.start(m_intervalMs);
}

void RolloutTracker::tick()
{
    if (!m_running || !m_executor)
        return;
    // A bound independent of the clock: a stuck deadline timer cannot keep it polling.
    if (++m_ticks > m_timeoutMs / qMax(1, m_intervalMs) + 20) {
        publish(m_state.timeOut(m_clock.elapsed()));
        return;
    }
    m_workloadToken = m_executor->start(workloadArgs(m_kind, m_name, m_namespace), 20000);
}

void RolloutTracker::onCommand(quint64 token, const CommandResult &result)
{
    if (!m_running || token == 0 || (token != m_workloadToken && token != m_podsToken))
        return;
    if (!result.ok()) {
        const bool aboutWorkload = token == m_workloadToken;
        m_workloadToken = m_podsToken = 0;
        const Error &e = *result.error;
        if (e.code == QLatin1String("kube.not-found-object") && aboutWorkload) {
            publish(m_state.fail(QCoreApplication::translate("RolloutTracker", "%1 no longer exists.").arg(m_name), m_clock.elapsed()));
            return;
        }
        if (++m_consecutiveErrors >= kMaxConsecutiveErrors) {
            publish(m_state.fail(QCoreApplication::translate("RolloutTracker", "Could not follow the rollout: %1").arg(e.message),
                                 m_clock.elapsed()));
            return;
        }
        qCInfo(lcKube) << "rollout tracker: transient error" << e.code;
        scheduleNext();
        return;
    }
    const QJsonDocument doc = QJsonDocument::fromJson(result.out);
    if (token == m_workloadToken) {
        m_workloadToken = 0;
        m_workload = doc.object();
        const WorkloadRef ref = workloadRefFromJson(m_workload);
        m_podsToken = m_executor->start(podsArgs(m_kind, m_namespace, ref.labelSelector), 20000);
        return;
    }
    m_podsToken = 0;
    m_consecutiveErrors = 0;
    QJsonArray replicaSets, pods;
    for (const QJsonValue &v : doc.object().value(QStringLiteral("items")).toArray()) {
        const QString kind = v.toObject().value(QStringLiteral("kind")).toString();
        if (kind == QLatin1String("ReplicaSet"))
            replicaSets << v;
        else if (kind == QLatin1String("Pod") || kind.isEmpty())
            pods << v;
    }
    publish(m_state.observe(m_workload, replicaSets, pods, m_clock.elapsed()));
    scheduleNext();
}

void RolloutTracker::publish(const RolloutSnapshot &s)
{
    emit updated(s);
    if (s.finished()) {
        stop();
        emit finished(s);
    }
}

} // namespace vigia::actions
