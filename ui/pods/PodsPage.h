#pragma once
// The Pods tab: every pod of the session's server, filtered and sorted, with the
// selected pod's details beside the table. L and P open its logs, Enter too.
// As an ActionSource it offers the selected pod (delete) and its owner (restart,
// undo, scale) to the window's toolbar.
#include "actions/ActionSource.h"
#include "kube/Pod.h"

#include <QPointer>
#include <QWidget>

class QAction;
class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QSplitter;
class QTableView;

namespace vigia {
class PodFilterProxyModel;
class PodListModel;
} // namespace vigia
namespace vigia::session {
class Session;
}
namespace vigia::cluster {
class PodDetailsPane;
}

namespace vigia::ui {

class PodsPage : public QWidget, public ActionSource {
    Q_OBJECT
public:
    explicit PodsPage(QWidget *parent = nullptr);
    ~PodsPage() override;

    void attach(session::Session *session);

    // The line the window shows in its status bar: how many pods, when fetched.
    QLabel *statusLabel() const { return m_statusText; }
    // Actions shown in the pod's context menu after the logs (the window's restart, …).
    void setMenuActions(const QList<QAction *> &actions) { m_menuActions = actions; }

    const kube::PodInfo *selectedPod() const;
    bool selectPod(const QString &ns, const QString &name);
    void openSelectedPodLogs(bool previous);
    // The pod's Events tab is on screen (events are then watched live).
    bool podEventsShown() const;

    Result<actions::ActionSpec> actionSpec(actions::ActionKind kind) const override;
    bool selectsPods() const override { return true; }

    static QString tabTitle(int total, int failing);

signals:
    void logsRequested(const vigia::kube::PodInfo &pod, bool previous);
    void message(const QString &text, int timeoutMs);
    // The tab's title and whether any pod is failing (its icon).
    void titleChanged(const QString &title, bool failing);
    void selectionChanged();
    void eventsShownChanged();

private:
    void buildTable();
    void fitColumnsOnce();
    void updateDetails();
    void updateNamespaces();
    void updateStatus();
    void updateTitle();
    void showMenu(const QPoint &pos);
    void triggerMenuAction(const QString &name);
    void updateLogActions();
    // On connect: the first failing pod, so the 3 AM reader starts on it.
    void selectFirstProblem();

    QPointer<session::Session> m_session;
    PodListModel *m_model = nullptr;
    PodFilterProxyModel *m_proxy = nullptr;
    QTableView *m_view = nullptr;
    QLineEdit *m_filter = nullptr;
    QComboBox *m_namespaces = nullptr;
    QCheckBox *m_problemsFirst = nullptr;
    QSplitter *m_splitter = nullptr;
    cluster::PodDetailsPane *m_details = nullptr;
    QLabel *m_statusText = nullptr;
    QAction *m_logsAction = nullptr;
    QAction *m_previousLogsAction = nullptr;
    QList<QAction *> m_menuActions;
    bool m_columnsSized = false;
};

} // namespace vigia::ui
