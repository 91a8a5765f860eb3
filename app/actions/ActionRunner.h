#pragma once
// The gate every mutating kubectl command passes through. It refuses all of
// them on a read-only profile (here, in the core, not only in the UI), writes
// the audit entry before sending, and records the exit status after.
#include "actions/ActionSpec.h"
#include "actions/AuditLog.h"
#include "actions/CommandExecutor.h"
#include "core/Result.h"

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QPointer>

namespace vigia::actions {

class AuditLog;

struct ActionResult {
    ActionSpec spec;
    qint64 auditId = 0; // 0: not recorded (no audit log)
    QString commandLine;
    std::optional<int> exitCode;
    QString output;             // kubectl's stdout ("deployment.apps/x restarted")
    std::optional<Error> error; // kubectl failed
    // No answer (timeout, connection gone): the API may have applied it. A check follows, and
    // actionChecked() says what it found.
    bool unknown = false;
    bool ok() const { return !error.has_value(); }
    // Whether a rollout follows that a RolloutTracker can watch.
    bool followsRollout() const { return ok() && spec.kind != ActionKind::DeletePod; }
};

class ActionRunner : public QObject {
    Q_OBJECT
public:
    // audit may be null (then nothing is recorded); neither is owned.
    ActionRunner(CommandExecutor *executor, AuditLog *audit, QObject *parent = nullptr);

    // A read-only runner refuses every action; it also marks its executor
    // read-only so no other path can send a mutating command through it.
    void setReadOnly(bool readOnly);
    bool isReadOnly() const { return m_readOnly; }

    // Checks the gate and the spec, appends the audit entry, sends the command.
    // Returns the token of actionFinished(), or the refusal; a refused or invalid
    // action sends nothing and records nothing.
    Result<quint64> execute(const ActionSpec &spec, int timeoutMs = 60000);

    // Records how the rollout that followed an action ended.
    void recordOutcome(qint64 auditId, const QString &outcomeWord, const QString &detail);

    AuditLog *auditLog() const { return m_audit; }
    CommandExecutor *executor() const { return m_executor; }

signals:
    void actionFinished(quint64 token, const vigia::actions::ActionResult &result);
    // After an unknown outcome: what looking at the object found (also in the audit trail).
    void actionChecked(quint64 token, const vigia::actions::ActionSpec &spec, bool applied, bool known,
                       const QString &detail);

private:
    void onCommandFinished(quint64 execToken, const CommandResult &result);

    struct Pending {
        quint64 token = 0;
        ActionSpec spec;
        qint64 auditId = 0;
        QString commandLine;
        QDateTime sentAt;
        bool isCheck = false; // the read that follows an unknown outcome
    };
    void check(const Pending &action);
    QPointer<CommandExecutor> m_executor;
    QPointer<AuditLog> m_audit;
    bool m_readOnly = false;
    quint64 m_nextToken = 1;
    QHash<quint64, Pending> m_pending; // by executor token
};

} // namespace vigia::actions

Q_DECLARE_METATYPE(vigia::actions::ActionResult)
