#pragma once
// Follows one rollout after an action until it ends. It polls with two short
// kubectl commands per tick (the workload, then its ReplicaSets and pods)
// rather than holding `rollout status -w` open: nothing stays running on the
// server between ticks, and a hard deadline ends it whatever happens.
#include "actions/ActionSpec.h"
#include "actions/RolloutState.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QTimer>

namespace vigia::actions {

class CommandExecutor;
struct CommandResult;

class RolloutTracker : public QObject {
    Q_OBJECT
public:
    RolloutTracker(CommandExecutor *executor, ObjectKind kind, const QString &name,
                   const QString &namespaceName, QObject *parent = nullptr);

    void setIntervalMs(int ms) { m_intervalMs = ms; }
    void setTimeoutMs(int ms) { m_timeoutMs = ms; }
    int timeoutMs() const { return m_timeoutMs; }

    void start();
    // Stops following; the rollout itself goes on. Emits nothing more.
    void stop();
    bool isRunning() const { return m_running; }
    const RolloutSnapshot &snapshot() const { return m_state.last(); }
    ObjectKind objectKind() const { return m_kind; }
    QString objectName() const { return m_name; }
    QString namespaceName() const { return m_namespace; }

    // The kubectl arguments of one tick (pure, for tests and the audit of reads).
    static QStringList workloadArgs(ObjectKind kind, const QString &name, const QString &namespaceName);
    static QStringList podsArgs(ObjectKind kind, const QString &namespaceName, const QString &labelSelector);

signals:
    void updated(const vigia::actions::RolloutSnapshot &snapshot);
    void finished(const vigia::actions::RolloutSnapshot &snapshot);

private:
    void tick();
    void onCommand(quint64 token, const CommandResult &result);
    void publish(const RolloutSnapshot &s);
    void scheduleNext();

    QPointer<CommandExecutor> m_executor;
    ObjectKind m_kind;
    QString m_name;
    QString m_namespace;
    RolloutState m_state;
    int m_intervalMs = 1500;
    int m_timeoutMs = 5 * 60 * 1000;
    bool m_running = false;
    QElapsedTimer m_clock;
    QTimer m_tickTimer;
    QTimer m_deadline;
    quint64 m_workloadToken = 0;
    quint64 m_podsToken = 0;
    QJsonObject m_workload;
    int m_consecutiveErrors = 0;
    int m_ticks = 0;
};

} // namespace vigia::actions
