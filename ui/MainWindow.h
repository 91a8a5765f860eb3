#pragma once
// The console for one server: connection state, an error banner that keeps the
// last good data visible, the Pods tab, and the Logs, Data, Capacity and
// Activity areas wired to the current connection.
#include "ConnectionController.h"
#include "actions/ActionSpec.h"

#include <QHash>
#include <QIcon>
#include <QMainWindow>
#include <QPointer>
#include <functional>
#include <memory>
#include <optional>
#include <utility>

class QAction;
class QCheckBox;
class QFrame;
class QLabel;
class QComboBox;
class QLineEdit;
class QPushButton;
class QTabWidget;
class QTableView;
class QTimer;
class QScrollArea;
class QSplitter;
class QToolButton;
class QDockWidget;

namespace vigia::actions {
class AuditLog;
class ActionRunner;
} // namespace vigia::actions
namespace vigia::logs {
class LogPanel;
}
namespace vigia::metrics {
class HistoryStore;
class Sampler;
} // namespace vigia::metrics
namespace vigia::ui {
class ActionController;
class ActivityView;
class CapacityView;
class DataWorkspace;
class RolloutProgressPanel;
} // namespace vigia::ui

namespace vigia::cluster {
class ClusterViews;
class PodDetailsPane;
} // namespace vigia::cluster
namespace vigia::kube {
struct WorkloadInfo;
}

namespace vigia {

class PodFilterProxyModel;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(ConnectionController *controller, QWidget *parent = nullptr);
    // audit: the shared, already opened audit trail (not owned). Null: actions are not recorded.
    MainWindow(ConnectionController *controller, actions::AuditLog *audit, QWidget *parent = nullptr);
    ~MainWindow() override;

    // Where the cluster views (Deployments, Nodes, Events) go: after the Pods tab and
    // any cluster tab added before. Returns the tab index.
    int addClusterTab(QWidget *page, const QString &title, const QIcon &icon = {});
    // A pane beside the pod table (pod details); replaces any previous one.
    void setPodDetailsPane(QWidget *pane);

    logs::LogPanel *logPanel() const { return m_logs; }
    ui::DataWorkspace *dataWorkspace() const { return m_data; } // null until a profile is started
    ui::CapacityView *capacityView() const { return m_capacity; }
    ui::ActivityView *activityView() const { return m_activity; }
    ui::RolloutProgressPanel *rolloutPanel() const { return m_rollout; }
    ui::ActionController *actionController() const; // null until connected
    metrics::HistoryStore *historyStore() const { return m_history.get(); }
    QWidget *logsTab() const { return m_logsPage; }
    QWidget *dataTab() const { return m_dataPage; }
    QWidget *capacityTab() const;
    QWidget *activityTab() const { return m_activityPage; }
    QToolButton *capacityWarning() const { return m_capacityWarning; }

    // The pod the keyboard is on in the Pods tab (the current row), or null.
    const kube::PodInfo *selectedPod() const;
    bool selectPod(const QString &ns, const QString &name);
    // Opens the selected pod's log (or its previous run's) in the Logs tab.
    void openSelectedPodLogs(bool previous);
    // Asks to restart/undo/scale the selected pod's owner, or to delete the pod.
    void requestPodAction(actions::ActionKind kind);
    // The workload that owns a pod: a ReplicaSet's deployment ("api-7d9c8b-x" -> "api").
    static std::optional<std::pair<actions::ObjectKind, QString>> podOwner(const kube::PodInfo &pod);

    // The workload the keyboard is on in the Deployments tab, or null (also when another tab is current).
    const kube::WorkloadInfo *selectedWorkload() const;
    // Asks to restart/undo/scale the selected workload of the Deployments tab.
    void requestWorkloadAction(actions::ActionKind kind);
    // What kind asks of this workload (kind, namespace, object kind and name; no profile or
    // server yet), or nothing when the action does not apply to it (undo on a DaemonSet
    // is fine, scale is not; delete is for pods).
    static std::optional<actions::ActionSpec> workloadSpec(actions::ActionKind kind,
                                                           const kube::WorkloadInfo &workload);

    cluster::ClusterViews *clusterViews() const { return m_cluster; }
    cluster::PodDetailsPane *podDetails() const { return m_podDetails; }
    QAction *restartAction() const { return m_restartAction; }
    QAction *undoAction() const { return m_undoAction; }
    QAction *scaleAction() const { return m_scaleAction; }
    QAction *deleteAction() const { return m_deleteAction; }

    QTableView *podView() const { return m_podView; }
    PodFilterProxyModel *podProxy() const { return m_proxy; }
    QLineEdit *filterEdit() const { return m_filter; }
    QComboBox *podNamespaceBox() const { return m_podNamespaces; }
    QTabWidget *tabs() const { return m_tabs; }
    QLabel *stateLabel() const { return m_stateLabel; }
    QLabel *readOnlyBadge() const { return m_readOnly; }
    QFrame *banner() const { return m_banner; }
    QLabel *bannerLabel() const { return m_bannerText; }
    QAction *refreshAction() const { return m_refresh; }
    QAction *reconnectAction() const { return m_reconnect; }

    static QString podsTabTitle(int total, int failing);

signals:
    // The user changed something the profile keeps (the Data tab's databases): save it.
    void profileChanged(const vigia::Profile &profile);

private:
    void buildUi();
    void buildWorkspaceTabs();
    void buildActions();
    void buildClusterViews();
    void updatePodDetails();
    void updateEventsWanted();
    void onStarting(const Profile &profile);
    void onTransportReady(remote::KubectlRunner *runner, ssh::SshConnection *connection);
    void onCapacityWarnings(const QStringList &warnings);
    void showPodMenu(const QPoint &pos);
    void showWorkloadMenu(const QPoint &pos);
    bool deploymentsTabCurrent() const;
    // Restart/undo/scale from the toolbar or a shortcut: the Deployments tab's workload when
    // that tab is current, the selected pod's owner otherwise.
    void requestOwnerAction(actions::ActionKind kind);
    // Profile and server, for the audit trail.
    void fillTarget(actions::ActionSpec &spec) const;
    void dispatch(const actions::ActionSpec &spec);
    void updatePodActions();
    // Runs a read-only kubectl command on the current runner; done gets the answer (not on a newer runner).
    void runKubectl(const QStringList &args, std::function<void(const Result<QByteArray> &)> done);
    void askScale(actions::ActionSpec spec);
    void askUndo(actions::ActionSpec spec);
    void onPhaseChanged(ConnectionController::Phase phase, const QString &detail);
    void showBanner(const Error &error, bool connectionProblem);
    void hideBanner();
    void updateTabTitle();
    void updatePodNamespaces();
    void updateActions();
    void updateStatusBar();
    QString targetText() const;

    ConnectionController *m_controller;
    PodFilterProxyModel *m_proxy = nullptr;
    QTabWidget *m_tabs = nullptr;
    QTableView *m_podView = nullptr;
    QLineEdit *m_filter = nullptr;
    QComboBox *m_podNamespaces = nullptr;
    QCheckBox *m_problemsFirst = nullptr;
    QLabel *m_stateIcon = nullptr;
    QLabel *m_stateLabel = nullptr;
    QLabel *m_readOnly = nullptr;
    QFrame *m_banner = nullptr;
    QLabel *m_bannerIcon = nullptr;
    QLabel *m_bannerText = nullptr;
    QPushButton *m_bannerRetry = nullptr;
    QLabel *m_statusText = nullptr;
    QAction *m_refresh = nullptr;
    QAction *m_reconnect = nullptr;
    QTimer *m_ageTimer = nullptr;
    bool m_columnsSized = false;

    QSplitter *m_podSplitter = nullptr;
    int m_clusterTabCount = 0;
    logs::LogPanel *m_logs = nullptr;
    QWidget *m_logsPage = nullptr;
    QWidget *m_dataPage = nullptr;
    QLabel *m_dataPlaceholder = nullptr;
    ui::DataWorkspace *m_data = nullptr;
    QString m_dataProfile;
    bool m_dataNeedsSnapshot = false;
    ui::CapacityView *m_capacity = nullptr;
    cluster::ClusterViews *m_cluster = nullptr;
    cluster::PodDetailsPane *m_podDetails = nullptr;
    QString m_detailsKey;
    QScrollArea *m_capacityPage = nullptr;
    std::unique_ptr<metrics::HistoryStore> m_history;
    QString m_historyProfile;
    QPointer<metrics::Sampler> m_sampler;
    QToolButton *m_capacityWarning = nullptr;
    actions::AuditLog *m_audit = nullptr;
    QWidget *m_activityPage = nullptr;
    ui::ActivityView *m_activity = nullptr;
    ui::RolloutProgressPanel *m_rollout = nullptr;
    QDockWidget *m_rolloutDock = nullptr;
    QPointer<ui::ActionController> m_actionController;
    QPointer<actions::ActionRunner> m_actionRunner;
    QPointer<remote::KubectlRunner> m_queryRunner;
    QHash<quint64, std::function<void(const Result<QByteArray> &)>> m_queries;
    QAction *m_logsAction = nullptr;
    QAction *m_previousLogsAction = nullptr;
    QAction *m_restartAction = nullptr;
    QAction *m_undoAction = nullptr;
    QAction *m_scaleAction = nullptr;
    QAction *m_deleteAction = nullptr;
};

} // namespace vigia
