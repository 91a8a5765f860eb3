#pragma once
// The UI flow of one action: confirmation dialog → ActionRunner → (for
// restart, undo and scale) a RolloutTracker shown in a RolloutProgressPanel →
// the outcome written to the audit trail. The main window owns one and calls
// request() from its menus, toolbar and shortcuts.
#include "actions/ActionRunner.h"
#include "actions/RolloutState.h"
#include "actions/RolloutTracker.h"

#include <QObject>
#include <QPointer>

class QWidget;

namespace vigia::ui {

class ConfirmActionDialog;
class RolloutProgressPanel;

class ActionController : public QObject {
    Q_OBJECT
public:
    // None owned. panel may be null (no progress shown).
    ActionController(actions::ActionRunner *runner, RolloutProgressPanel *panel, QWidget *dialogParent,
                     QObject *parent = nullptr);

    // From the profile: undo and delete need the object's name typed.
    void setRequireTypedName(bool require) { m_requireTypedName = require; }
    void setTrackerTiming(int intervalMs, int timeoutMs);

    // Opens the confirmation (window-modal, returns at once). Nothing is sent
    // unless the user confirms. On a read-only runner it returns nullptr and
    // emits refused(): the UI should not have offered the action.
    ConfirmActionDialog *request(const actions::ActionSpec &spec);

    actions::RolloutTracker *currentTracker() const { return m_tracker; }

signals:
    void refused(const vigia::Error &error);
    void actionSent(const vigia::actions::ActionSpec &spec);
    void actionFinished(const vigia::actions::ActionResult &result);
    void rolloutFinished(const vigia::actions::RolloutSnapshot &snapshot);

private:
    void confirmed(const actions::ActionSpec &spec);
    void onActionFinished(quint64 token, const actions::ActionResult &result);
    void onActionChecked(quint64 token, const actions::ActionSpec &spec, bool applied, bool known,
                         const QString &detail);

    QPointer<actions::ActionRunner> m_runner;
    QPointer<RolloutProgressPanel> m_panel;
    QPointer<QWidget> m_dialogParent;
    QPointer<actions::RolloutTracker> m_tracker;
    bool m_requireTypedName = false;
    int m_intervalMs = 1500;
    int m_timeoutMs = 5 * 60 * 1000;
    quint64 m_token = 0;
    quint64 m_checkToken = 0; // an action with no answer, being checked
};

} // namespace vigia::ui
