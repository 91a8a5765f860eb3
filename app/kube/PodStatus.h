#pragma once
// The STATUS, READY and RESTARTS columns computed exactly as kubectl prints
// them (k8s.io/kubernetes pkg/printers/internalversion/printers.go, printPod,
// 1.29+ with restartable init containers), and kubectl's duration format.
#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace vigia::kube {

struct PodStatusSummary {
    QString status; // Running, CrashLoopBackOff, Init:1/2, Terminating, ...
    int readyContainers = 0;
    int totalContainers = 0; // containers plus restartable (sidecar) init containers
    int restarts = 0;
    QDateTime lastRestartAt; // invalid when never restarted (or unknown)
};

// From one Pod object as the API serves it (a v1 Pod, any missing part tolerated).
PodStatusSummary computePodStatus(const QJsonObject &pod);

// kubectl's HumanDuration: "45s", "119s", "2m5s", "9m", "3h", "5h10m", "2d3h", "45d", "2y3d", "<invalid>".
QString formatAge(qint64 msecs);
// Age of a timestamp at now; "<unknown>" when the timestamp is missing.
QString formatAge(const QDateTime &then, const QDateTime &now);
// "3" or "3 (2m ago)", as kubectl's RESTARTS column.
QString formatRestarts(int restarts, const QDateTime &lastRestartAt, const QDateTime &now);

// RFC 3339 as the API writes it ("2026-11-27T07:48:27Z", fractions allowed); invalid on anything else.
QDateTime parseKubeTime(const QJsonValue &value);

} // namespace vigia::kube
