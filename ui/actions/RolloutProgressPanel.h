#pragma once
// Follows a rollout after restart, undo or scale: updated / ready / available
// against desired, the new and old pods, the phase in words, and at the end a
// clear success or failure with "Logs" and "Undo" buttons.
#include "actions/ActionSpec.h"
#include "actions/RolloutState.h"

#include <QWidget>

class QLabel;
class QProgressBar;
class QPushButton;
class QTreeWidget;

namespace vigia::actions {
class RolloutTracker;
}

namespace vigia::ui {

class RolloutProgressPanel : public QWidget {
    Q_OBJECT
public:
    explicit RolloutProgressPanel(QWidget *parent = nullptr);

    // Starts showing a new rollout: the action that caused it.
    void begin(const actions::ActionSpec &spec);
    // Follows a tracker's updates (not owned).
    void attach(actions::RolloutTracker *tracker);
    void setSnapshot(const actions::RolloutSnapshot &snapshot);
    // The action command itself failed (no rollout to follow).
    void showCommandError(const QString &message);

    const actions::RolloutSnapshot &snapshot() const { return m_snapshot; }
    QPushButton *logsButton() const { return m_logs; }
    QPushButton *undoButton() const { return m_undo; }
    QLabel *phaseLabel() const { return m_phase; }
    QProgressBar *progressBar() const { return m_bar; }
    QTreeWidget *podList() const { return m_pods; }

signals:
    void logsRequested(const QString &namespaceName, const QString &pod, const QString &container);
    void undoRequested(const vigia::actions::ActionSpec &undo);
    void stopRequested();

private:
    void setBanner(const QString &text, const QString &style);

    actions::ActionSpec m_spec;
    actions::RolloutSnapshot m_snapshot;
    QLabel *m_title = nullptr;
    QLabel *m_banner = nullptr;
    QLabel *m_phase = nullptr;
    QProgressBar *m_bar = nullptr;
    QLabel *m_counts = nullptr;
    QTreeWidget *m_pods = nullptr;
    QPushButton *m_logs = nullptr;
    QPushButton *m_undo = nullptr;
    QPushButton *m_stop = nullptr;
};

} // namespace vigia::ui
