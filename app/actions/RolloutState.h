#pragma once
// The pure part of following a rollout: fed parsed workload, ReplicaSet and
// pod JSON, it says where the rollout is, in numbers and in words, and whether
// it has ended. No I/O and no clock of its own, so it is tested with
// hand-written JSON sequences; RolloutTracker feeds it from the server.
#include "actions/ActionSpec.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace vigia::actions {

enum class RolloutPhase { Waiting, Progressing, Succeeded, Failed };
enum class RolloutFailure { None, ProgressDeadline, CrashLoop, ImagePull, Timeout, Error };

struct RolloutPod {
    QString name;
    bool isNew = false; // belongs to the new revision
    bool ready = false;
    bool terminating = false;
    QString status; // "Running", "ContainerCreating", "CrashLoopBackOff", "Terminating", ...
    int restarts = 0;
    bool operator==(const RolloutPod &) const = default;
};

struct RolloutSnapshot {
    RolloutPhase phase = RolloutPhase::Waiting;
    RolloutFailure failure = RolloutFailure::None;
    QString phaseText; // the current phase in words
    int desired = 0;
    int updated = 0;
    int ready = 0;
    int available = 0;
    int total = 0;          // pods the controller counts, old and new
    QList<RolloutPod> pods; // new first, then old
    QString failingPod;     // CrashLoop/ImagePull: the pod whose logs to offer
    QString failingContainer;
    qint64 elapsedMs = 0;
    bool finished() const { return phase == RolloutPhase::Succeeded || phase == RolloutPhase::Failed; }
    // Undo is offered after a failed rollout of something that has revisions.
    bool undoOffered = false;
};

class RolloutState {
public:
    RolloutState(ObjectKind kind, QString name, QString namespaceName);

    // One observation: the workload object, the ReplicaSets of its namespace
    // (deployments only; others pass an empty array) and the pods.
    // Items not owned by this workload are ignored.
    RolloutSnapshot observe(const QJsonObject &workload, const QJsonArray &replicaSets,
                            const QJsonArray &pods, qint64 elapsedMs);
    // The tracker gave up waiting.
    RolloutSnapshot timeOut(qint64 elapsedMs);
    // Following failed (kubectl error); the rollout itself may still be fine.
    RolloutSnapshot fail(const QString &message, qint64 elapsedMs);

    const RolloutSnapshot &last() const { return m_last; }

    // Pod status in kubectl's words, the short version the panel needs.
    static QString podStatus(const QJsonObject &pod);
    // "14 s", "2 min 5 s"
    static QString formatDuration(qint64 ms);

private:
    ObjectKind m_kind;
    QString m_name;
    QString m_namespace;
    RolloutSnapshot m_last;
};

} // namespace vigia::actions

Q_DECLARE_METATYPE(vigia::actions::RolloutSnapshot)
