#pragma once
// The window's restart, undo, scale and delete actions, routed to the current
// page's ActionSource (a small multiplexer, as KeePassXC routes its toolbar to
// the current database). It asks the session's action runner through one
// ActionController per connection, and opens the scale and undo dialogs with
// the figures they start from, read without ever blocking the UI.
#include "actions/ActionSpec.h"
#include "core/Result.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <functional>

class QAction;
class QWidget;

namespace vigia::session {
class Session;
}
namespace vigia::remote {
class KubectlRunner;
}

namespace vigia::ui {

class ActionController;
class ActionSource;
class RolloutProgressPanel;

class WorkloadActions : public QObject {
    Q_OBJECT
public:
    // window: where the shortcuts live and the dialogs open; panel: the rollout's progress.
    WorkloadActions(QWidget *window, RolloutProgressPanel *panel);
    ~WorkloadActions() override;

    void attach(session::Session *session);
    // The current page's source, or null when the page offers no actions.
    void setSource(ActionSource *source);

    QList<QAction *> actions() const;
    ActionController *controller() const { return m_controller; }
    // Enables what applies to the current selection; pages call it when theirs changes.
    void update();

signals:
    void message(const QString &text, int timeoutMs);
    void actionSent(const vigia::actions::ActionSpec &spec);

private:
    void onReady();
    void trigger(actions::ActionKind kind);
    void fillTarget(actions::ActionSpec &spec) const;
    void askScale(actions::ActionSpec spec);
    void askUndo(actions::ActionSpec spec);
    // A read-only kubectl query on the current connection; done never runs for an older one.
    void query(const QStringList &args, std::function<void(const Result<QByteArray> &)> done);

    QWidget *m_window;
    RolloutProgressPanel *m_panel;
    QPointer<session::Session> m_session;
    ActionSource *m_source = nullptr;
    QPointer<ActionController> m_controller;
    QAction *m_restart = nullptr;
    QAction *m_undo = nullptr;
    QAction *m_scale = nullptr;
    QAction *m_delete = nullptr;
    QPointer<remote::KubectlRunner> m_queryRunner;
    QHash<quint64, std::function<void(const Result<QByteArray> &)>> m_queries;
};

} // namespace vigia::ui
