#include "actions/ActionRunner.h"

#include "actions/ActionCheck.h"
#include "actions/AuditLog.h"
#include "core/Log.h"
#include "remote/ReadOnlyGate.h"
#include <QCoreApplication>

namespace vigia::actions {

ActionRunner::ActionRunner(CommandExecutor *executor, AuditLog *audit, QObject *parent)
    : QObject(parent), m_executor(executor), m_audit(audit)
{
    qRegisterMetaType<ActionResult>();
    qRegisterMetaType<CommandResult>();
    if (m_executor)
        connect(m_executor, &CommandExecutor::finished, this, &ActionRunner::onCommandFinished);
}

void ActionRunner::setReadOnly(bool readOnly)
{
    m_readOnly = readOnly;
    // The runner holds the policy for its connection: the executor follows it.
    if (m_executor)
        m_executor->setReadOnly(readOnly);
}

Result<quint64> ActionRunner::execute(const ActionSpec &spec, int timeoutMs)
{
    // The gate comes first: a read-only profile refuses even a malformed action.
    if (m_readOnly || (m_executor && m_executor->isReadOnly()))
        return remote::readOnlyRefusal(actionTitle(spec));
    Result<QStringList> args = kubectlArgs(spec);
    if (!args)
        return args.error();
    if (!m_executor)
        return makeError(QCoreApplication::translate("ActionRunner", "There is no connection to send the action on."), QString(),
                         QStringLiteral("kube.no-connection"));

    Pending p;
    p.token = m_nextToken++;
    p.spec = spec;
    p.commandLine = m_executor->commandLineFor(args.value());
    if (m_audit && m_audit->isOpen()) {
        AuditEntry e;
        e.profile = spec.profile;
        e.server = spec.server;
        e.action = actionKindName(spec.kind);
        e.namespaceName = spec.namespaceName;
        e.objectKind = objectKindName(spec.objectKind);
        e.objectName = spec.objectName;
        e.commandLine = p.commandLine;
        Result<qint64> id = m_audit->append(e);
        // An action that cannot be recorded is not sent: the trail must be complete.
        if (!id)
            return id.error();
        p.auditId = id.value();
    }
    p.sentAt = QDateTime::currentDateTimeUtc();
    qCInfo(lcRemote) << "action" << actionKindName(spec.kind) << objectKindName(spec.objectKind);
    const quint64 execToken = m_executor->start(args.value(), timeoutMs);
    m_pending.insert(execToken, p);
    return p.token;
}

void ActionRunner::onCommandFinished(quint64 execToken, const CommandResult &result)
{
    const auto it = m_pending.find(execToken);
    if (it == m_pending.end())
        return; // someone else's command on a shared executor
    const Pending p = *it;
    m_pending.erase(it);
    if (p.isCheck) {
        const CheckResult c = ActionCheck::judge(p.spec, p.sentAt, result);
        const char *word = c.verdict == CheckVerdict::Applied      ? outcome::kFoundApplied
                           : c.verdict == CheckVerdict::NotApplied ? outcome::kNotApplied
                                                                   : outcome::kUnknown;
        recordOutcome(p.auditId, QString::fromLatin1(word), c.detail);
        qCInfo(lcRemote) << "checked after no answer:" << word;
        emit actionChecked(p.token, p.spec, c.verdict == CheckVerdict::Applied, c.verdict != CheckVerdict::Unknown,
                           c.detail);
        return;
    }

    ActionResult r;
    r.spec = p.spec;
    r.auditId = p.auditId;
    r.commandLine = result.commandLine.isEmpty() ? p.commandLine : result.commandLine;
    r.exitCode = result.exitCode;
    r.output = QString::fromUtf8(result.out).trimmed();
    r.error = result.error;
    r.unknown = ActionCheck::outcomeIsUnknown(result);
    if (r.unknown) {
        // Not a failure: nobody knows yet. Say so, record it, and go and look.
        r.error->message = QCoreApplication::translate("ActionRunner", "No answer: %1 It may have been applied; "
                                                                       "checking…")
                               .arg(result.error->message);
        r.error->hint = QCoreApplication::translate("ActionRunner", "Do not run it again until the check says "
                                                                    "whether it was applied.");
        if (m_audit && p.auditId > 0) {
            (void)m_audit->setExitStatus(p.auditId, result.exitCode, result.error->message);
            (void)m_audit->setOutcome(p.auditId, QString::fromLatin1(outcome::kUnknown), result.error->message);
        }
        emit actionFinished(p.token, r);
        check(p);
        return;
    }
    if (m_audit && p.auditId > 0) {
        (void)m_audit->setExitStatus(p.auditId, result.exitCode,
                                     result.error ? result.error->message : QString());
        if (!r.ok())
            (void)m_audit->setOutcome(p.auditId, QString::fromLatin1(outcome::kCommandFailed),
                                      result.error->message);
        else if (r.followsRollout())
            (void)m_audit->setOutcome(p.auditId, QString::fromLatin1(outcome::kFollowing), QString());
        else
            (void)m_audit->setOutcome(p.auditId, QString::fromLatin1(outcome::kDone), r.output);
    }
    emit actionFinished(p.token, r);
}

void ActionRunner::check(const Pending &action)
{
    const QStringList args = ActionCheck::checkArgs(action.spec);
    if (args.isEmpty() || !m_executor) {
        const QString detail =
            args.isEmpty() ? ActionCheck::judge(action.spec, action.sentAt, CommandResult{}).detail
                           : QCoreApplication::translate("ActionRunner", "could not check afterwards: no connection; "
                                                                         "look at the object before trying again");
        recordOutcome(action.auditId, QString::fromLatin1(outcome::kUnknown), detail);
        emit actionChecked(action.token, action.spec, false, false, detail);
        return;
    }
    Pending c = action;
    c.isCheck = true;
    // A read, so a read-only executor would allow it too; the connection may be back by now.
    const quint64 execToken = m_executor->start(args, 30000);
    m_pending.insert(execToken, c);
}

void ActionRunner::recordOutcome(qint64 auditId, const QString &outcomeWord, const QString &detail)
{
    if (m_audit && auditId > 0)
        (void)m_audit->setOutcome(auditId, outcomeWord, detail);
}

} // namespace vigia::actions
