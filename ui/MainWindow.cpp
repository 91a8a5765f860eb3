#include "MainWindow.h"

#include "ConnectionBanner.h"
#include "ConnectionHeader.h"
#include "SettingsDialog.h"
#include "StatusStyle.h"
#include "actions/ActionController.h"
#include "actions/AuditLog.h"
#include "actions/ActivityView.h"
#include "actions/RolloutProgressPanel.h"
#include "actions/WorkloadActions.h"
#include "capacity/CapacityPage.h"
#include "capacity/CapacityView.h"
#include "cluster/ClusterTab.h"
#include "cluster/ClusterViews.h"
#include "data/DataPage.h"
#include "logs/LogPanel.h"
#include "pods/PodsPage.h"
#include "session/Session.h"

#include <QAction>
#include <QCloseEvent>
#include <QDockWidget>
#include <QFrame>
#include <QLabel>
#include <QScrollArea>
#include <QShortcut>
#include <QStatusBar>
#include <QStyle>
#include <QTabWidget>
#include <QToolBar>
#include <QVBoxLayout>

namespace vigia {

MainWindow::MainWindow(session::Session *session, QWidget *parent) : QMainWindow(parent), m_session(session)
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowIcon(QIcon(QStringLiteral(":/vigia/icons/vigia.svg")));
    resize(1100, 640);

    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(8, 6, 8, 4);
    layout->setSpacing(6);
    m_header = new ui::ConnectionHeader(central);
    m_banner = new ui::ConnectionBanner(central);
    m_tabs = new QTabWidget(central);
    m_tabs->setObjectName(QStringLiteral("viewTabs"));
    m_tabs->setDocumentMode(true);
    layout->addWidget(m_header);
    layout->addWidget(m_banner);
    layout->addWidget(m_tabs, 1);
    setCentralWidget(central);

    buildRolloutDock();
    m_actions = new ui::WorkloadActions(this, m_rollout);
    connect(m_actions, &ui::WorkloadActions::message, statusBar(), &QStatusBar::showMessage);
    connect(m_actions, &ui::WorkloadActions::actionSent, this, [this](const actions::ActionSpec &spec) {
        if (spec.kind != actions::ActionKind::DeletePod)
            m_rolloutDock->show();
    });
    buildToolbar();
    buildPages();
    connect(m_tabs, &QTabWidget::currentChanged, this, &MainWindow::onCurrentTabChanged);

    // Ctrl+1..9: the tabs in order.
    for (int i = 0; i < 9; ++i) {
        auto *sc = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + i)), this);
        connect(sc, &QShortcut::activated, this, [this, i] {
            if (i < m_tabs->count())
                m_tabs->setCurrentIndex(i);
        });
    }

    m_header->attach(session);
    m_banner->attach(session);
    m_pods->attach(session);
    m_cluster->attach(session);
    m_data->attach(session);
    m_capacity->attach(session);
    m_actions->attach(session);
    connect(session, &session::Session::ready, this,
            [this] { m_logs->setTransport(m_session->runner(), m_session->connection()); });
    if (session->runner())
        m_logs->setTransport(session->runner(), session->connection());
    connect(session, &session::Session::phaseChanged, this, &MainWindow::updateTitleAndActions);
    updateTitleAndActions();
    onCurrentTabChanged();
    // Keys work at once (Down, P, L): the pod table has the focus when the window opens.
    m_pods->setFocus(Qt::OtherFocusReason);
}

MainWindow::~MainWindow()
{
    // The pages go after this body and still emit while they go (the log panel closes
    // its pages): nothing may reach back into a half-destroyed window.
    for (QObject *o : std::initializer_list<QObject *>{m_logs, m_tabs, m_capacity->view(), m_rollout, m_pods, m_cluster})
        o->disconnect(this);
    if (m_session)
        m_session->disconnect(this);
}

void MainWindow::buildToolbar()
{
    m_refresh = new QAction(style()->standardIcon(QStyle::SP_BrowserReload), tr("&Refresh"), this);
    m_refresh->setObjectName(QStringLiteral("refreshAction"));
    m_refresh->setShortcut(QKeySequence::Refresh);
    m_refresh->setToolTip(tr("Fetch the pod list again (F5)"));
    connect(m_refresh, &QAction::triggered, this, [this] { m_session->refresh(); });
    m_reconnect = new QAction(style()->standardIcon(QStyle::SP_DriveNetIcon), tr("Re&connect"), this);
    m_reconnect->setObjectName(QStringLiteral("reconnectAction"));
    m_reconnect->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    connect(m_reconnect, &QAction::triggered, this, [this] { m_session->reconnect(); });

    auto *toolbar = addToolBar(tr("Main"));
    toolbar->setObjectName(QStringLiteral("mainToolBar"));
    toolbar->setMovable(false);
    toolbar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolbar->addAction(m_refresh);
    toolbar->addAction(m_reconnect);
    // The window has no menu bar: Preferences… (Ctrl+,) lives on the toolbar.
    toolbar->addAction(SettingsDialog::createAction(this));
    toolbar->addSeparator();
    toolbar->addActions(m_actions->actions());
}

void MainWindow::buildPages()
{
    m_pods = new ui::PodsPage(m_tabs);
    m_pods->setMenuActions(m_actions->actions());
    m_tabs->addTab(m_pods, severityIcon(Severity::Ok), ui::PodsPage::tabTitle(0, 0));
    statusBar()->addWidget(m_pods->statusLabel(), 1);
    connect(m_pods, &ui::PodsPage::titleChanged, this, [this](const QString &title, bool failing) {
        m_tabs->setTabText(0, title);
        m_tabs->setTabIcon(0, severityIcon(failing ? Severity::Error : Severity::Ok));
    });
    connect(m_pods, &ui::PodsPage::message, statusBar(), &QStatusBar::showMessage);
    connect(m_pods, &ui::PodsPage::logsRequested, this,
            [this](const kube::PodInfo &pod, bool previous) { openLogs(pod, previous); });
    connect(m_pods, &ui::PodsPage::selectionChanged, m_actions, &ui::WorkloadActions::update);
    connect(m_pods, &ui::PodsPage::eventsShownChanged, this, &MainWindow::updateEventsWanted);

    m_cluster = new cluster::ClusterViews(this);
    using Page = cluster::ClusterViews::Page;
    for (const Page page : {Page::Deployments, Page::Nodes, Page::Events})
        m_tabs->addTab(m_cluster->page(page), m_cluster->tabTitle(page));
    connect(m_cluster, &cluster::ClusterViews::titlesChanged, this, [this] {
        for (const Page page : {Page::Deployments, Page::Nodes, Page::Events}) {
            const int index = m_tabs->indexOf(m_cluster->page(page));
            m_tabs->setTabText(index, m_cluster->tabTitle(page));
            m_tabs->setTabToolTip(index, m_cluster->tabToolTip(page));
        }
    });
    m_cluster->setWorkloadMenu({m_actions->actions().mid(0, 3)});
    connect(m_cluster, &cluster::ClusterViews::workloadSelectionChanged, m_actions, &ui::WorkloadActions::update);

    m_logsPage = new QWidget(m_tabs);
    m_logsPage->setObjectName(QStringLiteral("logsTab"));
    auto *ll = new QVBoxLayout(m_logsPage);
    ll->setContentsMargins(0, 4, 0, 0);
    m_logs = new logs::LogPanel(nullptr, nullptr, m_logsPage);
    ll->addWidget(m_logs);
    m_tabs->addTab(m_logsPage, tr("Logs"));
    connect(m_logs, &logs::LogPanel::pageCountChanged, this, [this](int n) {
        m_tabs->setTabText(m_tabs->indexOf(m_logsPage), n > 0 ? tr("Logs (%1)").arg(n) : tr("Logs"));
    });

    m_data = new ui::DataPage(m_tabs);
    m_tabs->addTab(m_data, tr("Data"));
    connect(m_data, &ui::DataPage::profileChanged, this, &MainWindow::profileChanged);

    m_capacity = new ui::CapacityPage(m_tabs);
    m_tabs->addTab(m_capacity, tr("Capacity"));
    connect(m_capacity->view(), &ui::CapacityView::podSelected, this, [this](const QString &ns, const QString &pod) {
        m_tabs->setCurrentWidget(m_pods);
        m_pods->selectPod(ns, pod);
    });
    connect(m_capacity->view(), &ui::CapacityView::warningsChanged, this, [this](const QStringList &warnings) {
        m_header->setCapacityWarnings(warnings);
        m_tabs->setTabIcon(m_tabs->indexOf(m_capacity),
                           warnings.isEmpty() ? QIcon() : severityIcon(Severity::Warning));
    });
    connect(m_header, &ui::ConnectionHeader::capacityWarningClicked, this,
            [this] { m_tabs->setCurrentWidget(m_capacity); });

    auto *activityPage = new QWidget(m_tabs);
    activityPage->setObjectName(QStringLiteral("activityTab"));
    auto *al = new QVBoxLayout(activityPage);
    al->setContentsMargins(0, 4, 0, 0);
    m_activity = new ui::ActivityView(m_session->auditLog(), activityPage);
    al->addWidget(m_activity);
    m_tabs->addTab(activityPage, tr("Activity"));
}

void MainWindow::buildRolloutDock()
{
    // The progress of the last restart/undo/scale, out of the way until there is one.
    m_rollout = new ui::RolloutProgressPanel(this);
    m_rolloutDock = new QDockWidget(tr("Rollout"), this);
    m_rolloutDock->setObjectName(QStringLiteral("rolloutDock"));
    m_rolloutDock->setFeatures(QDockWidget::DockWidgetClosable);
    // Scrolls rather than pushing the window taller than the screen.
    auto *scroll = new QScrollArea(m_rolloutDock);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(m_rollout);
    scroll->setMinimumHeight(120);
    m_rolloutDock->setWidget(scroll);
    addDockWidget(Qt::BottomDockWidgetArea, m_rolloutDock);
    m_rolloutDock->hide();
    connect(m_rollout, &ui::RolloutProgressPanel::logsRequested, this,
            [this](const QString &ns, const QString &pod, const QString &container) {
                kube::PodInfo info = m_session->pod(ns + QLatin1Char('/') + pod).value_or(kube::PodInfo{});
                info.ns = ns;
                info.name = pod;
                openLogs(info, false, container);
            });
}

void MainWindow::showPod(const QString &ns, const QString &name)
{
    show();
    raise();
    activateWindow();
    m_tabs->setCurrentWidget(m_pods);
    m_pods->selectPod(ns, name);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (m_hidesOnClose) {
        event->ignore();
        hide();
        emit hiddenToBackground();
        return;
    }
    QMainWindow::closeEvent(event);
}

void MainWindow::showEvent(QShowEvent *event)
{
    QMainWindow::showEvent(event);
    if (!std::exchange(m_background, false))
        return;
    m_session->setForeground(true);
    m_logs->resumeAll();
    updateEventsWanted();
}

void MainWindow::hideEvent(QHideEvent *event)
{
    QMainWindow::hideEvent(event);
    // Minimised windows still show in the taskbar and come back at once: only a hidden one rests.
    if (isVisible() || m_background)
        return;
    m_background = true;
    m_session->setForeground(false);
    m_logs->suspendAll();
    updateEventsWanted();
}

void MainWindow::openLogs(const kube::PodInfo &pod, bool previous, const QString &container)
{
    m_logs->openPod(pod, previous, container);
    m_tabs->setCurrentWidget(m_logsPage);
}

void MainWindow::onCurrentTabChanged()
{
    // The toolbar acts on what the current page shows: its pod, its workload, or nothing.
    QWidget *current = m_tabs->currentWidget();
    if (current == m_pods)
        m_actions->setSource(m_pods);
    else if (current == m_cluster->page(cluster::ClusterViews::Deployments))
        m_actions->setSource(m_cluster);
    else
        m_actions->setSource(nullptr);
    updateEventsWanted();
}

void MainWindow::updateEventsWanted()
{
    // Events stream live while someone reads them (the Events tab or a pod's Events tab).
    const bool eventsTab = m_tabs->currentWidget() == m_cluster->page(cluster::ClusterViews::Events);
    const bool podEvents = m_tabs->currentWidget() == m_pods && m_pods->podEventsShown();
    m_cluster->setEventsWanted(!m_background && (eventsTab || podEvents));
}

void MainWindow::updateTitleAndActions()
{
    const Profile &p = m_session->profile();
    setWindowTitle(p.name.isEmpty() ? tr("Vigía") : tr("%1 — Vigía").arg(p.name));
    m_refresh->setEnabled(m_session->phase() == session::Session::Phase::Connected);
    m_reconnect->setEnabled(!m_session->isBusy() && !m_session->target().host.isEmpty());
}

} // namespace vigia
