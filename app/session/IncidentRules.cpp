#include "session/IncidentRules.h"

#include <QCoreApplication>
#include <QLocale>

namespace vigia::session {

namespace {
bool isPullFailure(const QString &reason)
{
    return reason == QLatin1String("ImagePullBackOff") || reason == QLatin1String("ErrImagePull");
}

QString gib(qint64 bytes)
{
    return QLocale::c().toString(double(bytes) / double(1LL << 30), 'f', 1);
}

void podIncidents(const kube::PodInfo &pod, QList<IncidentCandidate> &out)
{
    auto make = [&pod](IncidentReason reason, const QString &detail) {
        IncidentCandidate c;
        c.reason = reason;
        c.objectKind = QStringLiteral("Pod");
        c.ns = pod.ns;
        c.name = pod.name;
        c.detail = detail;
        c.restarts = pod.restarts;
        return c;
    };
    bool crash = false, pull = false, oom = false;
    std::optional<int> exitCode;
    QDateTime lastFinished;
    for (const kube::ContainerInfo &c : pod.containers) {
        crash = crash || c.stateReason == QLatin1String("CrashLoopBackOff");
        pull = pull || isPullFailure(c.stateReason);
        if (c.lastReason == QLatin1String("OOMKilled") || c.stateReason == QLatin1String("OOMKilled"))
            oom = true;
        if (c.lastExitCode && (!lastFinished.isValid() || c.lastFinishedAt > lastFinished)) {
            exitCode = c.lastExitCode;
            lastFinished = c.lastFinishedAt;
        }
    }
    if (crash) {
        IncidentCandidate c = make(IncidentReason::CrashLoop,
                                   exitCode ? QCoreApplication::translate("IncidentRules", "restarted %1 times, last exit code %2")
                                                  .arg(pod.restarts)
                                                  .arg(*exitCode)
                                            : QCoreApplication::translate("IncidentRules", "restarted %1 times")
                                                  .arg(pod.restarts));
        c.lastExitCode = exitCode;
        out << c;
    }
    // An OOM kill that the pod already crash-loops on is one incident, not two.
    if (oom && !crash) {
        IncidentCandidate c =
            make(IncidentReason::OomKilled, QCoreApplication::translate("IncidentRules", "killed out of memory (exit code %1)")
                                                .arg(exitCode.value_or(137)));
        c.lastExitCode = exitCode;
        c.since = lastFinished;
        out << c;
    }
    if (pull)
        out << make(IncidentReason::ImagePull, pod.status);
    if (pod.phase == QLatin1String("Pending") && !pull && !pod.terminating) {
        IncidentCandidate c = make(IncidentReason::Pending, pod.status);
        c.since = pod.createdAt;
        c.needsToLast = true;
        out << c;
    }
}

const kube::Condition *condition(const QList<kube::Condition> &conditions, const QString &type)
{
    for (const kube::Condition &c : conditions)
        if (c.type == type)
            return &c;
    return nullptr;
}
} // namespace

QString IncidentCandidate::key() const
{
    return QStringLiteral("%1|%2|%3/%4").arg(reasonName(reason), objectKind, ns, name);
}

QString IncidentCandidate::objectKey() const
{
    return QStringLiteral("%1|%2/%3").arg(objectKind, ns, name);
}

QSet<QString> objectsIn(const ServerState &state)
{
    QSet<QString> out;
    out.insert(QStringLiteral("Server|/"));
    for (const kube::PodInfo &p : state.pods)
        out.insert(QStringLiteral("Pod|%1/%2").arg(p.ns, p.name));
    for (const kube::NodeInfo &n : state.nodes)
        out.insert(QStringLiteral("Node|/%1").arg(n.name));
    for (const kube::WorkloadInfo &w : state.workloads)
        out.insert(QStringLiteral("%1|%2/%3").arg(w.kind, w.ns, w.name));
    return out;
}

QString reasonName(IncidentReason reason)
{
    switch (reason) {
    case IncidentReason::CrashLoop:
        return QStringLiteral("CrashLoopBackOff");
    case IncidentReason::OomKilled:
        return QStringLiteral("OOMKilled");
    case IncidentReason::ImagePull:
        return QStringLiteral("ImagePull");
    case IncidentReason::Pending:
        return QStringLiteral("Pending");
    case IncidentReason::NodeNotReady:
        return QStringLiteral("NodeNotReady");
    case IncidentReason::NodePressure:
        return QStringLiteral("NodePressure");
    case IncidentReason::MemoryOverBudget:
        return QStringLiteral("MemoryOverBudget");
    case IncidentReason::RolloutFailed:
        return QStringLiteral("RolloutFailed");
    case IncidentReason::ReplicasUnavailable:
        return QStringLiteral("ReplicasUnavailable");
    case IncidentReason::Unreachable:
        return QStringLiteral("Unreachable");
    }
    return {};
}

Urgency urgencyOf(IncidentReason reason)
{
    switch (reason) {
    case IncidentReason::CrashLoop:
    case IncidentReason::OomKilled:
    case IncidentReason::NodeNotReady:
    case IncidentReason::RolloutFailed:
    case IncidentReason::Unreachable:
        return Urgency::Critical;
    default:
        return Urgency::Normal;
    }
}

QString summaryOf(const IncidentCandidate &i)
{
    switch (i.reason) {
    case IncidentReason::CrashLoop:
        return QCoreApplication::translate("IncidentRules", "%1 is crash-looping").arg(i.name);
    case IncidentReason::OomKilled:
        return QCoreApplication::translate("IncidentRules", "%1 ran out of memory").arg(i.name);
    case IncidentReason::ImagePull:
        return QCoreApplication::translate("IncidentRules", "%1 cannot pull its image").arg(i.name);
    case IncidentReason::Pending:
        return QCoreApplication::translate("IncidentRules", "%1 has been Pending for over 2 minutes").arg(i.name);
    case IncidentReason::NodeNotReady:
        return QCoreApplication::translate("IncidentRules", "Node %1 is NotReady").arg(i.name);
    case IncidentReason::NodePressure:
        return QCoreApplication::translate("IncidentRules", "Node %1 is under pressure").arg(i.name);
    case IncidentReason::MemoryOverBudget:
        return QCoreApplication::translate("IncidentRules", "Memory is over 90 % of the budget");
    case IncidentReason::RolloutFailed:
        return QCoreApplication::translate("IncidentRules", "The rollout of %1 failed").arg(i.name);
    case IncidentReason::ReplicasUnavailable:
        return QCoreApplication::translate("IncidentRules", "%1 has fewer replicas available than it wants").arg(i.name);
    case IncidentReason::Unreachable:
        return QCoreApplication::translate("IncidentRules", "The server is unreachable");
    }
    return {};
}

QList<IncidentCandidate> incidentsIn(const ServerState &state)
{
    QList<IncidentCandidate> out;
    if (state.connectionLost) {
        // While the server cannot be reached, what it last said is not news: only that.
        IncidentCandidate c;
        c.reason = IncidentReason::Unreachable;
        c.objectKind = QStringLiteral("Server");
        c.since = state.lostSince;
        c.needsToLast = true;
        c.detail = QCoreApplication::translate("IncidentRules", "not a cluster problem: the SSH connection is down");
        out << c;
        return out;
    }
    for (const kube::PodInfo &pod : state.pods)
        podIncidents(pod, out);
    if (state.haveCluster) {
        for (const kube::NodeInfo &n : state.nodes) {
            IncidentCandidate c;
            c.objectKind = QStringLiteral("Node");
            c.name = n.name;
            if (!n.ready) {
                c.reason = IncidentReason::NodeNotReady;
                c.detail = n.status;
                if (const kube::Condition *ready = condition(n.conditions, QStringLiteral("Ready")))
                    c.since = ready->lastTransition;
                out << c;
            }
            QStringList pressures;
            for (const QString &type : {QStringLiteral("DiskPressure"), QStringLiteral("MemoryPressure"),
                                       QStringLiteral("PIDPressure")})
                if (const kube::Condition *p = condition(n.conditions, type); p && p->status == QLatin1String("True"))
                    pressures << type;
            if (!pressures.isEmpty()) {
                c.reason = IncidentReason::NodePressure;
                c.detail = pressures.join(QStringLiteral(", "));
                out << c;
            }
        }
        for (const kube::WorkloadInfo &w : state.workloads) {
            IncidentCandidate c;
            c.objectKind = w.kind;
            c.ns = w.ns;
            c.name = w.name;
            const kube::Condition *progressing = condition(w.conditions, QStringLiteral("Progressing"));
            if (progressing && progressing->reason == QLatin1String("ProgressDeadlineExceeded")) {
                c.reason = IncidentReason::RolloutFailed;
                c.detail = progressing->message;
                c.since = progressing->lastTransition;
                out << c;
            } else if (w.desired > 0 && w.available < w.desired) {
                c.reason = IncidentReason::ReplicasUnavailable;
                c.detail = QCoreApplication::translate("IncidentRules", "%1 of %2 available").arg(w.available).arg(w.desired);
                c.needsToLast = true;
                out << c;
            }
        }
    }
    if (state.memoryUsedBytes && state.memoryBudgetBytes && *state.memoryBudgetBytes > 0 &&
        double(*state.memoryUsedBytes) > 0.9 * double(*state.memoryBudgetBytes)) {
        IncidentCandidate c;
        c.reason = IncidentReason::MemoryOverBudget;
        c.objectKind = QStringLiteral("Server");
        c.detail = QCoreApplication::translate("IncidentRules", "%1 of %2 GiB in use")
                       .arg(gib(*state.memoryUsedBytes), gib(*state.memoryBudgetBytes));
        out << c;
    }
    return out;
}

} // namespace vigia::session
