#pragma once
// What is wrong on a server right now, as incidents: an object plus a reason.
// Pure rules over what a Session holds (pods, the cluster round, memory, the
// connection), so they are tested without a server or a window. Whether a
// condition has lasted long enough to be an incident (Pending for 2 minutes,
// replicas missing for 2 minutes, unreachable for 2 minutes) is the tracker's
// job: these rules say only what is seen now, and since when when they can.
#include "kube/ClusterTypes.h"
#include "kube/Pod.h"

#include <QDateTime>
#include <QList>
#include <QSet>
#include <QString>
#include <optional>

namespace vigia::session {

enum class IncidentReason {
    CrashLoop,           // CrashLoopBackOff
    OomKilled,           // a container's last run ended OOMKilled
    ImagePull,           // ImagePullBackOff / ErrImagePull
    Pending,             // Pending (counts after 2 minutes)
    NodeNotReady,
    NodePressure,        // DiskPressure, MemoryPressure, PIDPressure
    MemoryOverBudget,    // memory in use over 90 % of the profile's budget
    RolloutFailed,       // ProgressDeadlineExceeded
    ReplicasUnavailable, // fewer available than desired (counts after 2 minutes)
    Unreachable,         // the connection is lost (counts after 2 minutes)
};

enum class Urgency { Low = 0, Normal = 1, Critical = 2 }; // as org.freedesktop.Notifications

struct IncidentCandidate {
    IncidentReason reason = IncidentReason::CrashLoop;
    QString objectKind; // Pod, Node, Deployment, StatefulSet, DaemonSet, Server
    QString ns;
    QString name;
    QString detail;    // "7 restarts, last exit code 137", "DiskPressure", "3.7 of 4.0 GiB"
    int restarts = 0;
    std::optional<int> lastExitCode;
    QDateTime since;   // when the condition began, when the API says (else invalid)
    bool needsToLast = false; // counts only after kLastingSecs

    // Object plus reason: one incident while it lasts.
    QString key() const;
    // The object alone: "Pod|joledev/api-1".
    QString objectKey() const;
    bool operator==(const IncidentCandidate &) const = default;
};

inline constexpr int kLastingSecs = 120;
// A crash-looping pod shows Running between restarts: an incident heals only once its
// condition has been gone this long, or at once when its object is gone.
inline constexpr int kHealingSecs = 60;

struct ServerState;
// The objects the state holds, as IncidentCandidate::objectKey()s.
QSet<QString> objectsIn(const ServerState &state);

QString reasonName(IncidentReason reason);
Urgency urgencyOf(IncidentReason reason);
// "api-scheduler-7d9c is crash-looping" and the like: the notification's summary.
QString summaryOf(const IncidentCandidate &incident);

struct ServerState {
    QList<kube::PodInfo> pods;
    QList<kube::WorkloadInfo> workloads;
    QList<kube::NodeInfo> nodes;
    bool haveCluster = false;
    std::optional<qint64> memoryUsedBytes;
    std::optional<qint64> memoryBudgetBytes;
    bool connectionLost = false;
    QDateTime lostSince;
};

QList<IncidentCandidate> incidentsIn(const ServerState &state);

} // namespace vigia::session
