#include "actions/ActionController.h"

#include "actions/AuditLog.h"
#include "actions/ConfirmActionDialog.h"
#include "actions/RolloutProgressPanel.h"
#include "actions/RolloutTracker.h"
#include "remote/ReadOnlyGate.h"

#include <QWidget>

namespace vigia::ui {

using namespace vigia::actions;

ActionController::ActionController(ActionRunner *runner, RolloutProgressPanel *panel, QWidget *dialogParent,
                                   QObject *parent)
    : QObject(parent), m_runner(runner), m_panel(panel), m_dialogParent(dialogParent)
{
    if (m_runner) {
        connect(m_runner, &ActionRunner::actionFinished, this, &ActionController::onActionFinished);
        connect(m_runner, &ActionRunner::actionChecked, this, &ActionController::onActionChecked);
    }
    if (m_panel)
        connect(m_panel, &RolloutProgressPanel::undoRequested, this,
                [this](const ActionSpec &undo) { request(undo); });
}

void ActionController::setTrackerTiming(int intervalMs, int timeoutMs)
{
    m_intervalMs = intervalMs;
    m_timeoutMs = timeoutMs;
}

ConfirmActionDialog *ActionController::request(const ActionSpec &spec)
{
    if (!m_runner)
        return nullptr;
    if (m_runner->isReadOnly()) {
        emit refused(remote::readOnlyRefusal(actionTitle(spec)));
        return nullptr;
    }
    const Result<QStringList> args = kubectlArgs(spec);
    if (!args) {
        emit refused(args.error());
        return nullptr;
    }
    const QString line =
        m_runner->executor() ? m_runner->executor()->commandLineFor(args.value()) : QString();
    auto *dialog = new ConfirmActionDialog(spec, line, m_requireTypedName && actionIsDestructive(spec.kind),
                                           m_dialogParent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, spec]() { confirmed(spec); });
    dialog->open();
    return dialog;
}

void ActionController::confirmed(const ActionSpec &spec)
{
    if (!m_runner)
        return;
    if (m_tracker) {
        m_tracker->stop();
        m_tracker->deleteLater();
    }
    if (m_panel)
        m_panel->begin(spec);
    const Result<quint64> token = m_runner->execute(spec);
    if (!token) {
        if (m_panel)
            m_panel->showCommandError(token.error().toString());
        emit refused(token.error());
        return;
    }
    m_token = token.value();
    emit actionSent(spec);
}

void ActionController::onActionFinished(quint64 token, const ActionResult &result)
{
    if (token != m_token)
        return;
    m_token = 0;
    emit actionFinished(result);
    if (result.unknown)
        m_checkToken = token; // the check's answer decides what the panel shows next
    if (!result.ok()) {
        if (m_panel)
            m_panel->showCommandError(result.error->toString());
        return;
    }
    if (!result.followsRollout()) {
        RolloutSnapshot done;
        done.phase = RolloutPhase::Succeeded;
        done.phaseText = result.output.isEmpty() ? tr("Done.") : result.output;
        if (m_panel)
            m_panel->setSnapshot(done);
        emit rolloutFinished(done);
        return;
    }
    auto *tracker = new RolloutTracker(m_runner->executor(), result.spec.objectKind, result.spec.objectName,
                                       result.spec.namespaceName, this);
    tracker->setIntervalMs(m_intervalMs);
    tracker->setTimeoutMs(m_timeoutMs);
    m_tracker = tracker;
    if (m_panel)
        m_panel->attach(tracker);
    const qint64 auditId = result.auditId;
    connect(tracker, &RolloutTracker::finished, this, [this, auditId](const RolloutSnapshot &s) {
        const char *word = s.phase == RolloutPhase::Succeeded     ? outcome::kSucceeded
                           : s.failure == RolloutFailure::Timeout ? outcome::kTimedOut
                                                                  : outcome::kFailed;
        if (m_runner)
            m_runner->recordOutcome(auditId, QString::fromLatin1(word), s.phaseText);
        emit rolloutFinished(s);
    });
    if (m_panel)
        connect(m_panel, &RolloutProgressPanel::stopRequested, this, [this, auditId, tracker]() {
            if (m_tracker == tracker && !tracker->snapshot().finished() && m_runner)
                m_runner->recordOutcome(auditId, QString::fromLatin1(outcome::kStopped),
                                        tr("Stopped following: %1").arg(tracker->snapshot().phaseText));
        });
    tracker->start();
}

void ActionController::onActionChecked(quint64 token, const ActionSpec &spec, bool applied, bool known,
                                       const QString &detail)
{
    if (token != m_checkToken)
        return;
    m_checkToken = 0;
    if (applied) {
        // Found applied: from here on it is an action that succeeded (a rollout is followed).
        ActionResult r;
        r.spec = spec;
        r.output = detail;
        m_token = token;
        onActionFinished(token, r);
        return;
    }
    if (m_panel)
        m_panel->showCommandError(known ? tr("Not applied: %1").arg(detail) : tr("Still unknown: %1").arg(detail));
}

} // namespace vigia::ui
