#pragma once
#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>
#include <optional>

namespace vigia::kube {

struct ContainerInfo {
    QString name;
    QString image;
    bool init = false;
    bool ready = false;
    int restartCount = 0;
    QString state;            // "running", "waiting", "terminated"
    QString stateReason;      // CrashLoopBackOff, OOMKilled, ...
    QString stateMessage;
    std::optional<int> exitCode;
    QDateTime startedAt;
    // The previous run, when the container has restarted.
    QString lastReason;
    std::optional<int> lastExitCode;
    QDateTime lastFinishedAt;

    bool operator==(const ContainerInfo &) const = default;
};

struct PodInfo {
    QString uid;
    QString ns;
    QString name;
    QString node;
    QString phase;           // status.phase as the API sends it
    QString status;          // the reason a person needs, computed as kubectl's STATUS column
    int readyContainers = 0;
    int totalContainers = 0;
    int restarts = 0;
    QDateTime lastRestartAt; // when the most recent restart happened, if any
    QDateTime createdAt;
    bool terminating = false;
    QString resourceVersion;
    QString ownerKind;       // ReplicaSet, StatefulSet, DaemonSet, Job, or empty for a bare pod
    QString ownerName;
    QList<ContainerInfo> containers; // init containers first, marked init
    // From metrics.k8s.io (kube::joinPodUsage); absent when metrics-server is missing.
    std::optional<qint64> cpuMilli;
    std::optional<qint64> memoryBytes;

    QString key() const { return ns + QLatin1Char('/') + name; }
    bool operator==(const PodInfo &) const = default;
};

} // namespace vigia::kube

Q_DECLARE_METATYPE(vigia::kube::PodInfo)
