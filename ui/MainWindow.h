#pragma once
// The console for one server: a shell of header, banner, tabs, toolbar and
// shortcuts around the pages, each attached to the window's Session. The
// toolbar's restart/undo/scale/delete go to the current page (WorkloadActions).
// Tests reach the pages and widgets by objectName.
#include "kube/Pod.h"
#include "profiles/Profile.h"
#include "session/Session.h"

#include <QMainWindow>
#include <QPointer>

class QAction;
class QDockWidget;
class QTabWidget;

namespace vigia::session {
class Session;
}
namespace vigia::logs {
class LogPanel;
}
namespace vigia::cluster {
class ClusterViews;
}
namespace vigia::ui {
class ActivityView;
class CapacityPage;
class ConnectionBanner;
class ConnectionHeader;
class DataPage;
class PodsPage;
class RolloutProgressPanel;
class WorkloadActions;
} // namespace vigia::ui

namespace vigia {

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(session::Session *session, QWidget *parent = nullptr);
    ~MainWindow() override;

    session::Session *session() const { return m_session; }
    // Brings the window up on this pod (a notification's Open).
    void showPod(const QString &ns, const QString &name);
    // Closing hides the window instead (the tray keeps watching); false: closing closes.
    void setHidesOnClose(bool hides) { m_hidesOnClose = hides; }

signals:
    // Closed while hiding on close: it went on watching in the background.
    void hiddenToBackground();
    // The user changed something the profile keeps (the Data tab's databases): save it.
    void profileChanged(const vigia::Profile &profile);

protected:
    void closeEvent(QCloseEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    void buildToolbar();
    void buildPages();
    void buildRolloutDock();
    void onCurrentTabChanged();
    void updateEventsWanted();
    void updateTitleAndActions();
    void openLogs(const kube::PodInfo &pod, bool previous, const QString &container = {});

    QPointer<session::Session> m_session;
    ui::ConnectionHeader *m_header = nullptr;
    ui::ConnectionBanner *m_banner = nullptr;
    QTabWidget *m_tabs = nullptr;
    ui::PodsPage *m_pods = nullptr;
    cluster::ClusterViews *m_cluster = nullptr;
    logs::LogPanel *m_logs = nullptr;
    QWidget *m_logsPage = nullptr;
    ui::DataPage *m_data = nullptr;
    ui::CapacityPage *m_capacity = nullptr;
    ui::ActivityView *m_activity = nullptr;
    ui::RolloutProgressPanel *m_rollout = nullptr;
    QDockWidget *m_rolloutDock = nullptr;
    ui::WorkloadActions *m_actions = nullptr;
    QAction *m_refresh = nullptr;
    QAction *m_reconnect = nullptr;
    bool m_hidesOnClose = false;
    bool m_background = false; // hidden after being shown: the session rests
};

} // namespace vigia
