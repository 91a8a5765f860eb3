#pragma once
// A Deployment's revisions, read from its ReplicaSets (the same source
// `kubectl rollout history` uses): number from the revision annotation, the
// images of the pod template, the change-cause, and when it was created.
#include "core/Result.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QStringList>

namespace vigia::actions {

struct RolloutRevision {
    int revision = 0;
    QStringList images;
    QString changeCause; // kubernetes.io/change-cause, often empty
    QDateTime created;   // the ReplicaSet's creationTimestamp
    QString replicaSetName;
    int replicas = 0;     // pods the ReplicaSet currently wants
    bool current = false; // the deployment's current revision

    bool operator==(const RolloutRevision &) const = default;
};

// What the history needs to know about the deployment itself.
struct WorkloadRef {
    QString name;
    QString uid;
    QString namespaceName;
    int revision = 0;      // deployment.kubernetes.io/revision on the deployment
    QString labelSelector; // spec.selector as a -l string; empty when it cannot be expressed
    int replicas = 1;      // spec.replicas
};

Result<WorkloadRef> parseWorkloadRef(const QByteArray &workloadJson);
WorkloadRef workloadRefFromJson(const QJsonObject &workload);

// spec.selector → "app=api,tier in (web,worker),!canary". Empty for an empty selector.
QString labelSelectorString(const QJsonObject &selector);

// kubectl arguments that list the candidate ReplicaSets.
QStringList replicaSetListArgs(const WorkloadRef &workload);

// Revisions of the ReplicaSets that the deployment controls (controller
// ownerReference to its uid, or to its name when the uid is unknown), newest first.
Result<QList<RolloutRevision>> parseRevisions(const QByteArray &replicaSetListJson, const WorkloadRef &owner);
QList<RolloutRevision> revisionsFromItems(const QJsonArray &replicaSets, const WorkloadRef &owner);

// The revision "undo to previous" goes to: the highest below the current one (0: none).
int previousRevision(const QList<RolloutRevision> &revisions);

// "45s", "12m", "3h", "5d" like kubectl's AGE column.
QString formatAge(const QDateTime &since, const QDateTime &now);

// Parses Kubernetes' RFC 3339 timestamps ("2026-11-27T07:53:52Z").
QDateTime parseKubeTime(const QString &text);

} // namespace vigia::actions
