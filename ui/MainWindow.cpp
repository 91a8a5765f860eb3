#include "MainWindow.h"

#include "WindowStateKeeper.h"

#include "PodFilterProxyModel.h"
#include "PodListModel.h"
#include "SettingsDialog.h"
#include "StatusStyle.h"
#include "ThemePalette.h"
#include "ThemedStyleSheet.h"
#include "actions/ActionController.h"
#include "actions/ActionRunner.h"
#include "actions/ActivityView.h"
#include "actions/AuditLog.h"
#include "actions/CommandExecutor.h"
#include "actions/ReadOnlyBadge.h"
#include "actions/RolloutHistory.h"
#include "actions/RolloutProgressPanel.h"
#include "actions/ScaleDialog.h"
#include "actions/UndoDialog.h"
#include "capacity/CapacityView.h"
#include "cluster/ClusterFilterProxyModel.h"
#include "cluster/ClusterTab.h"
#include "cluster/ClusterViews.h"
#include "cluster/DeploymentListModel.h"
#include "cluster/PodDetailsPane.h"
#include "data/DataWorkspace.h"
#include "db/CommandRunner.h"
#include "kube/ClusterPoller.h"
#include "kube/ClusterTypes.h"
#include "logs/LogPanel.h"
#include "metrics/ClusterUsage.h"
#include "metrics/HistoryStore.h"
#include "metrics/MetricsParsers.h"
#include "metrics/Sampler.h"
#include "remote/KubectlRunner.h"
#include "ssh/SshConnection.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QDockWidget>
#include <QFrame>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QScrollArea>
#include <QShortcut>
#include <QSplitter>
#include <QStatusBar>
#include <QStyle>
#include <QTabWidget>
#include <QTableView>
#include <QTimeZone>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>

namespace vigia {

namespace {
// Escape in the filter clears it and gives the table the keyboard back.
class FilterEscape : public QObject {
public:
    FilterEscape(QLineEdit *edit, QWidget *table) : QObject(edit), m_edit(edit), m_table(table) {}
    bool eventFilter(QObject *obj, QEvent *ev) override
    {
        if (obj == m_edit && ev->type() == QEvent::KeyPress &&
            static_cast<QKeyEvent *>(ev)->key() == Qt::Key_Escape) {
            m_edit->clear();
            m_table->setFocus();
            return true;
        }
        return QObject::eventFilter(obj, ev);
    }

private:
    QLineEdit *m_edit;
    QWidget *m_table;
};

QString escaped(const QString &s)
{
    return s.toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br>"));
}
} // namespace

MainWindow::MainWindow(ConnectionController *controller, QWidget *parent)
    : MainWindow(controller, nullptr, parent)
{
}

MainWindow::MainWindow(ConnectionController *controller, actions::AuditLog *audit, QWidget *parent)
    : QMainWindow(parent), m_controller(controller), m_audit(audit)
{
    setObjectName(QStringLiteral("mainWindow"));
    buildUi();
    buildWorkspaceTabs();
    buildActions();
    buildClusterViews();
    // Keys work at once (Down, P, L): the pod table has the focus when the window opens.
    m_podView->setFocus(Qt::OtherFocusReason);

    connect(m_controller, &ConnectionController::starting, this, &MainWindow::onStarting);
    connect(m_controller, &ConnectionController::transportReady, this, &MainWindow::onTransportReady);
    connect(m_controller, &ConnectionController::podListReceived, this, [this](const QByteArray &json) {
        Result<QList<metrics::PodResources>> res = metrics::parsePodResources(json);
        if (res.ok())
            m_capacity->setPodResources(res.value());
    });

    connect(m_controller, &ConnectionController::phaseChanged, this, &MainWindow::onPhaseChanged);
    connect(m_controller, &ConnectionController::podsUpdated, this, [this] {
        hideBanner();
        updateStatusBar();
        if (!m_columnsSized && m_controller->podModel()->rowCount() > 0 &&
            !ui::WindowStateKeeper::wasRestored(m_podView->horizontalHeader())) {
            // Size once to the first real data; later the user's widths (or the saved ones) win.
            m_columnsSized = true;
            m_podView->resizeColumnsToContents();
            QHeaderView *h = m_podView->horizontalHeader();
            // The last column stretches; sizing it too would push out a horizontal scrollbar.
            for (int c = 0; c < PodListModel::ColumnCount - 1; ++c)
                h->resizeSection(c, qBound(56, h->sectionSize(c) + 16, 420));
            // Room for the longest common statuses, which often arrive only later.
            const int statusMin =
                m_podView->fontMetrics().horizontalAdvance(QStringLiteral("ContainerCreating")) +
                m_podView->iconSize().width() + 28;
            h->resizeSection(PodListModel::Status, qMax(h->sectionSize(PodListModel::Status), statusMin));
        }
    });
    connect(m_controller, &ConnectionController::podsFailed, this, [this](const Error &e) {
        showBanner(e, false);
        updateStatusBar();
    });
    connect(m_controller->podModel(), &PodListModel::countsChanged, this, &MainWindow::updateTabTitle);
    connect(m_controller->podModel(), &PodListModel::countsChanged, this, &MainWindow::updatePodNamespaces);

    onPhaseChanged(m_controller->phase(), m_controller->phaseDetail());
    updateTabTitle();
    // Opened before the window existed: the per-server views catch up now.
    if (!m_controller->profile().name.isEmpty())
        onStarting(m_controller->profile());
    if (m_controller->runner() && m_controller->runner()->isReady())
        onTransportReady(m_controller->runner(), m_controller->connection());
}

MainWindow::~MainWindow()
{
    // The sampler lives with the connection; it must stop writing into the store before it goes.
    if (m_sampler)
        m_sampler->disconnect(this);
    // The children outlive this body and still emit while they go (the log panel closes
    // its pages): nothing may reach back into a half-destroyed window.
    m_logs->disconnect(this);
    m_tabs->disconnect(this);
    m_capacity->disconnect(this);
    m_rollout->disconnect(this);
    m_podView->selectionModel()->disconnect(this);
    if (m_cluster) {
        m_cluster->disconnect(this);
        m_cluster->deployments()->disconnect(this);
        if (cluster::ClusterTab *page = m_cluster->page(cluster::ClusterViews::Deployments))
            page->view()->selectionModel()->disconnect(this);
    }
    m_capacity->setHistoryStore(nullptr);
}

QString MainWindow::podsTabTitle(int total, int failing)
{
    if (failing > 0)
        return tr("Pods (%1, %2 failing)").arg(total).arg(failing);
    return tr("Pods (%1)").arg(total);
}

void MainWindow::buildUi()
{
    setWindowIcon(QIcon(QStringLiteral(":/vigia/icons/vigia.svg")));
    resize(1100, 640);

    // Actions
    m_refresh = new QAction(style()->standardIcon(QStyle::SP_BrowserReload), tr("&Refresh"), this);
    m_refresh->setObjectName(QStringLiteral("refreshAction"));
    m_refresh->setShortcut(QKeySequence::Refresh);
    m_refresh->setToolTip(tr("Fetch the pod list again (F5)"));
    connect(m_refresh, &QAction::triggered, m_controller, &ConnectionController::refresh);
    // Refresh means now for everything shown, metrics-server included if it was missing.
    connect(m_refresh, &QAction::triggered, this, [this] {
        if (kube::ClusterPoller *poller = m_cluster ? m_cluster->poller() : nullptr)
            poller->pollNow(true);
    });
    m_reconnect = new QAction(style()->standardIcon(QStyle::SP_DriveNetIcon), tr("Re&connect"), this);
    m_reconnect->setObjectName(QStringLiteral("reconnectAction"));
    m_reconnect->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    connect(m_reconnect, &QAction::triggered, m_controller, &ConnectionController::reconnect);

    auto *toolbar = addToolBar(tr("Main"));
    toolbar->setObjectName(QStringLiteral("mainToolBar"));
    toolbar->setMovable(false);
    toolbar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolbar->addAction(m_refresh);
    toolbar->addAction(m_reconnect);
    // The window has no menu bar: Preferences… (Ctrl+,) lives on the toolbar.
    toolbar->addAction(SettingsDialog::createAction(this));

    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(8, 6, 8, 4);
    layout->setSpacing(6);

    // Header: connection state, read-only badge.
    auto *header = new QFrame(central);
    header->setObjectName(QStringLiteral("connectionHeader"));
    auto *hl = new QHBoxLayout(header);
    hl->setContentsMargins(2, 0, 2, 0);
    m_stateIcon = new QLabel(header);
    m_stateIcon->setFixedSize(18, 18);
    m_stateLabel = new QLabel(header);
    m_stateLabel->setObjectName(QStringLiteral("connectionState"));
    m_stateLabel->setTextFormat(Qt::RichText);
    m_readOnly = new ui::ReadOnlyBadge(header);
    m_readOnly->setObjectName(QStringLiteral("readOnlyBadge"));
    m_readOnly->setToolTip(tr("This profile is read-only: Vigía will not change anything on the server."));
    m_readOnly->setVisible(false);
    m_capacityWarning = new QToolButton(header);
    m_capacityWarning->setObjectName(QStringLiteral("capacityWarning"));
    m_capacityWarning->setAutoRaise(true);
    m_capacityWarning->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_capacityWarning->setIcon(severityIcon(Severity::Warning));
    m_capacityWarning->setVisible(false);
    hl->addWidget(m_stateIcon);
    hl->addWidget(m_stateLabel, 1);
    hl->addWidget(m_capacityWarning);
    hl->addWidget(m_readOnly);
    layout->addWidget(header);

    // Banner: what went wrong, what to do, and that the rows below are stale.
    m_banner = new QFrame(central);
    m_banner->setObjectName(QStringLiteral("errorBanner"));
    ThemedStyleSheet::bind(m_banner, [](bool dark) {
        const ThemePalette::Banner b = ThemePalette::banner(ThemePalette::Tone::Error, dark);
        return QStringLiteral("#errorBanner { background: %1; border: 1px solid %2; border-radius: 4px; }"
                              " #errorBanner QLabel { color: %3; }")
            .arg(b.background.name(), b.border.name(), b.text.name());
    });
    auto *bl = new QHBoxLayout(m_banner);
    bl->setContentsMargins(10, 6, 10, 6);
    m_bannerIcon = new QLabel(m_banner);
    m_bannerIcon->setPixmap(severityIcon(Severity::Error).pixmap(20, 20));
    m_bannerIcon->setAlignment(Qt::AlignTop);
    m_bannerText = new QLabel(m_banner);
    m_bannerText->setObjectName(QStringLiteral("errorBannerText"));
    m_bannerText->setTextFormat(Qt::RichText);
    m_bannerText->setWordWrap(true);
    m_bannerText->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_bannerRetry = new QPushButton(m_banner);
    m_bannerRetry->setObjectName(QStringLiteral("errorBannerRetry"));
    bl->addWidget(m_bannerIcon);
    bl->addWidget(m_bannerText, 1);
    bl->addWidget(m_bannerRetry, 0, Qt::AlignTop);
    m_banner->setVisible(false);
    layout->addWidget(m_banner);

    // Pods tab.
    m_tabs = new QTabWidget(central);
    m_tabs->setObjectName(QStringLiteral("viewTabs"));
    m_tabs->setDocumentMode(true);
    auto *podsPage = new QWidget(m_tabs);
    podsPage->setObjectName(QStringLiteral("podsTab"));
    auto *pl = new QVBoxLayout(podsPage);
    pl->setContentsMargins(0, 6, 0, 0);
    auto *filterRow = new QHBoxLayout;
    m_filter = new QLineEdit(podsPage);
    m_filter->setObjectName(QStringLiteral("podFilter"));
    m_filter->setPlaceholderText(tr("Filter by namespace, name, status or node   ( / )"));
    m_filter->setClearButtonEnabled(true);
    m_problemsFirst = new QCheckBox(tr("Problems first"), podsPage);
    m_problemsFirst->setObjectName(QStringLiteral("problemsFirst"));
    m_problemsFirst->setChecked(true);
    // The same choice as the cluster tabs: kube-system hidden by default, one click
    // away. The tab title still counts (and flags) every pod, hidden ones too.
    m_podNamespaces = new QComboBox(podsPage);
    m_podNamespaces->setObjectName(QStringLiteral("podNamespaceBox"));
    m_podNamespaces->addItem(tr("All but kube-system"), PodFilterProxyModel::kAllButSystem);
    m_podNamespaces->addItem(tr("All namespaces"), PodFilterProxyModel::kAll);
    m_podNamespaces->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    filterRow->addWidget(new QLabel(tr("Namespace:"), podsPage));
    filterRow->addWidget(m_podNamespaces);
    filterRow->addWidget(m_filter, 1);
    filterRow->addWidget(m_problemsFirst);
    pl->addLayout(filterRow);

    m_proxy = new PodFilterProxyModel(this);
    m_proxy->setSourceModel(m_controller->podModel());
    for (auto sig : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(m_proxy, sig, this, &MainWindow::updateStatusBar);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &MainWindow::updateStatusBar);
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, &MainWindow::updateStatusBar);
    m_podView = new QTableView(podsPage);
    m_podView->setObjectName(QStringLiteral("podTable"));
    m_podView->setModel(m_proxy);
    m_podView->setSortingEnabled(true);
    m_podView->sortByColumn(PodListModel::Namespace, Qt::AscendingOrder);
    m_podView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_podView->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_podView->setAlternatingRowColors(true);
    m_podView->setShowGrid(false);
    m_podView->setWordWrap(false);
    m_podView->setTextElideMode(Qt::ElideMiddle);
    m_podView->setIconSize(QSize(14, 14));
    // Breathing room between right-aligned numbers and the next column's text.
    m_podView->setStyleSheet(QStringLiteral("QTableView::item { padding: 0px 6px; }"));
    m_podView->verticalHeader()->setVisible(false);
    m_podView->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
    QHeaderView *h = m_podView->horizontalHeader();
    h->setHighlightSections(false);
    h->setStretchLastSection(true);
    h->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    const int cw = fontMetrics().horizontalAdvance(QLatin1Char('M'));
    h->resizeSection(PodListModel::Namespace, cw * 11);
    h->resizeSection(PodListModel::Name, cw * 26);
    h->resizeSection(PodListModel::Ready, cw * 5);
    h->resizeSection(PodListModel::Status, cw * 16);
    h->resizeSection(PodListModel::Restarts, cw * 9);
    h->resizeSection(PodListModel::Age, cw * 5);
    m_podSplitter = new QSplitter(Qt::Horizontal, podsPage);
    m_podSplitter->setObjectName(QStringLiteral("podSplitter"));
    m_podSplitter->setChildrenCollapsible(false);
    m_podView->setParent(m_podSplitter);
    m_podSplitter->addWidget(m_podView);
    pl->addWidget(m_podSplitter, 1);
    m_tabs->addTab(podsPage, severityIcon(Severity::Ok), podsTabTitle(0, 0));
    layout->addWidget(m_tabs, 1);
    setCentralWidget(central);

    connect(m_filter, &QLineEdit::textChanged, m_proxy, &PodFilterProxyModel::setFilterText);
    connect(m_problemsFirst, &QCheckBox::toggled, m_proxy, &PodFilterProxyModel::setProblemsFirst);
    connect(m_podNamespaces, &QComboBox::currentIndexChanged, this,
            [this] { m_proxy->setNamespaceChoice(m_podNamespaces->currentData().toString()); });
    m_filter->installEventFilter(new FilterEscape(m_filter, m_podView));
    // Scoped to the Pods page: the cluster tabs have their own "/" for their filters.
    auto *slash = new QShortcut(QKeySequence(Qt::Key_Slash), podsPage);
    slash->setContext(Qt::WidgetWithChildrenShortcut);
    connect(slash, &QShortcut::activated, this, [this] {
        m_filter->setFocus(Qt::ShortcutFocusReason);
        m_filter->selectAll();
    });

    // Status bar: when the rows were fetched.
    m_statusText = new QLabel(this);
    m_statusText->setObjectName(QStringLiteral("statusText"));
    statusBar()->addWidget(m_statusText, 1);

    m_ageTimer = new QTimer(this);
    m_ageTimer->setInterval(15000);
    connect(m_ageTimer, &QTimer::timeout, this, [this] { m_controller->podModel()->setNow(QDateTime()); });
    m_ageTimer->start();
}

QString MainWindow::targetText() const
{
    const Profile &p = m_controller->profile();
    const ssh::SshTarget &t = m_controller->target();
    QString where = t.host.isEmpty() ? p.host : t.host;
    if (!t.user.isEmpty())
        where = t.user + QLatin1Char('@') + where;
    if (t.port != 22)
        where += QStringLiteral(":%1").arg(t.port);
    if (p.name.isEmpty() || p.name == t.host)
        return where;
    return QStringLiteral("%1 (%2)").arg(p.name, where);
}

void MainWindow::onPhaseChanged(ConnectionController::Phase phase, const QString &detail)
{
    using Phase = ConnectionController::Phase;
    const Profile &p = m_controller->profile();
    setWindowTitle(p.name.isEmpty() ? tr("Vigía") : tr("%1 — Vigía").arg(p.name));
    m_readOnly->setVisible(p.readOnly);

    Severity sev = Severity::Pending;
    QString text = QStringLiteral("<b>%1</b>").arg(ConnectionController::phaseName(phase).toHtmlEscaped());
    const QString target = targetText().toHtmlEscaped();
    switch (phase) {
    case Phase::Idle:
        sev = Severity::Unknown;
        break;
    case Phase::Connected:
        sev = Severity::Ok;
        text += tr(" to %1").arg(target);
        if (!m_controller->kubectlPrefix().isEmpty())
            text += QStringLiteral(" <span style='color:%1'>· %2</span>")
                        .arg(ThemePalette::toneText(ThemePalette::Tone::Muted).name(),
                             m_controller->kubectlPrefix().join(QLatin1Char(' ')).toHtmlEscaped());
        break;
    case Phase::Lost:
    case Phase::Failed:
        sev = Severity::Error;
        text += QStringLiteral(" — %1").arg(target);
        showBanner(m_controller->lastError(), true);
        break;
    default:
        text += tr(" to %1…").arg(target);
        if (!detail.isEmpty() && phase != Phase::Connecting)
            text += QStringLiteral(" <span style='color:%1'>%2</span>")
                        .arg(ThemePalette::toneText(ThemePalette::Tone::Muted).name(), detail.toHtmlEscaped());
        break;
    }
    m_stateIcon->setPixmap(severityIcon(sev).pixmap(16, 16));
    m_stateIcon->setToolTip(severityName(sev));
    m_stateLabel->setText(text);
    if (phase == Phase::Connecting)
        hideBanner();
    updateActions();
    updateStatusBar();
}

void MainWindow::showBanner(const Error &error, bool connectionProblem)
{
    QString html = QStringLiteral("<b>%1</b>")
                       .arg(escaped(error.message.isEmpty() ? tr("Something went wrong.") : error.message));
    if (!error.hint.isEmpty())
        html += QStringLiteral("<br>%1").arg(escaped(error.hint));
    const QDateTime at = m_controller->lastUpdated();
    if (m_controller->podModel()->rowCount() > 0 && at.isValid())
        html += QStringLiteral("<br><i>%1</i>")
                    .arg(tr("Showing data from %1 — it may be out of date.")
                             .arg(at.toString(QStringLiteral("HH:mm:ss")))
                             .toHtmlEscaped());
    if (connectionProblem && m_controller->nextRetryAt().isValid())
        html += QStringLiteral("<br>%1").arg(
            tr("Reconnecting by itself at %1; Reconnect tries now.")
                .arg(m_controller->nextRetryAt().toString(QStringLiteral("HH:mm:ss")))
                .toHtmlEscaped());
    m_bannerText->setText(html);
    m_bannerRetry->disconnect();
    if (connectionProblem) {
        m_bannerRetry->setText(tr("Reconnect"));
        connect(m_bannerRetry, &QPushButton::clicked, m_controller, &ConnectionController::reconnect);
    } else {
        m_bannerRetry->setText(tr("Retry"));
        connect(m_bannerRetry, &QPushButton::clicked, m_controller, &ConnectionController::refresh);
    }
    m_banner->setVisible(true);
}

void MainWindow::hideBanner()
{
    m_banner->setVisible(false);
}

void MainWindow::updateTabTitle()
{
    const PodListModel *m = m_controller->podModel();
    const int failing = m->failingCount();
    const int idx = 0; // the Pods tab is always first
    m_tabs->setTabText(idx, podsTabTitle(m->rowCount(), failing));
    m_tabs->setTabIcon(idx, severityIcon(failing > 0 ? Severity::Error : Severity::Ok));
}

void MainWindow::updatePodNamespaces()
{
    QStringList namespaces;
    for (const kube::PodInfo &p : m_controller->podModel()->pods())
        namespaces << p.ns;
    namespaces.removeDuplicates();
    namespaces.sort();
    QStringList current;
    for (int i = 2; i < m_podNamespaces->count(); ++i)
        current << m_podNamespaces->itemData(i).toString();
    if (current == namespaces)
        return;
    const QString chosen = m_podNamespaces->currentData().toString();
    const QSignalBlocker block(m_podNamespaces);
    while (m_podNamespaces->count() > 2)
        m_podNamespaces->removeItem(2);
    for (const QString &ns : std::as_const(namespaces))
        m_podNamespaces->addItem(ns, ns);
    // A namespace that went away falls back to the default choice.
    const int at = m_podNamespaces->findData(chosen);
    m_podNamespaces->setCurrentIndex(at >= 0 ? at : 0);
    m_proxy->setNamespaceChoice(m_podNamespaces->currentData().toString());
}

void MainWindow::updateActions()
{
    using Phase = ConnectionController::Phase;
    const Phase ph = m_controller->phase();
    m_refresh->setEnabled(ph == Phase::Connected);
    m_reconnect->setEnabled(!m_controller->isBusy() && !m_controller->target().host.isEmpty());
}

void MainWindow::updateStatusBar()
{
    if (!m_statusText) // the pod proxy reports changes while the window is still being built
        return;
    const QDateTime at = m_controller->lastUpdated();
    const int n = m_controller->podModel()->rowCount();
    if (!at.isValid()) {
        m_statusText->setText(m_controller->isBusy() ? tr("Waiting for the first pod list…") : QString());
        return;
    }
    const int shown = m_proxy ? m_proxy->rowCount() : n;
    // With a namespace or text filter on, say how many of the pods are on screen.
    QString s = shown == n ? tr("%n pod(s)", nullptr, n) : tr("%1 of %n pods shown", nullptr, n).arg(shown);
    s += tr(" · updated %1").arg(at.toString(QStringLiteral("HH:mm:ss")));
    if (m_controller->isStale())
        s += tr(" · stale");
    m_statusText->setText(s);
}

// ---------------------------------------------------------------------------
// Logs, Data, Capacity, Activity

void MainWindow::buildWorkspaceTabs()
{
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

    m_dataPage = new QWidget(m_tabs);
    m_dataPage->setObjectName(QStringLiteral("dataTab"));
    auto *dl = new QVBoxLayout(m_dataPage);
    dl->setContentsMargins(0, 4, 0, 0);
    m_dataPlaceholder = new QLabel(tr("Connect to a server to see its data."), m_dataPage);
    m_dataPlaceholder->setAlignment(Qt::AlignCenter);
    dl->addWidget(m_dataPlaceholder);
    m_tabs->addTab(m_dataPage, tr("Data"));

    // The charts and the table want more height than a laptop screen has: scroll, don't grow the window.
    m_capacityPage = new QScrollArea(m_tabs);
    m_capacityPage->setObjectName(QStringLiteral("capacityTab"));
    m_capacityPage->setWidgetResizable(true);
    m_capacityPage->setFrameShape(QFrame::NoFrame);
    m_capacity = new ui::CapacityView(m_capacityPage);
    m_capacityPage->setWidget(m_capacity);
    m_tabs->addTab(m_capacityPage, tr("Capacity"));
    connect(m_capacity, &ui::CapacityView::podSelected, this, [this](const QString &ns, const QString &pod) {
        m_tabs->setCurrentIndex(0);
        selectPod(ns, pod);
    });
    connect(m_capacity, &ui::CapacityView::warningsChanged, this, &MainWindow::onCapacityWarnings);
    connect(m_capacityWarning, &QToolButton::clicked, this,
            [this] { m_tabs->setCurrentWidget(m_capacityPage); });

    m_activityPage = new QWidget(m_tabs);
    m_activityPage->setObjectName(QStringLiteral("activityTab"));
    auto *al = new QVBoxLayout(m_activityPage);
    al->setContentsMargins(0, 4, 0, 0);
    m_activity = new ui::ActivityView(m_audit, m_activityPage);
    al->addWidget(m_activity);
    m_tabs->addTab(m_activityPage, tr("Activity"));
    connect(m_tabs, &QTabWidget::currentChanged, this, [this] {
        if (m_tabs->currentWidget() != m_activityPage)
            return;
        // Fit the short columns to their text; the outcome keeps the rest.
        QTableView *t = m_activity->table();
        t->resizeColumnsToContents();
        for (int c = 0; c < t->model()->columnCount() - 1; ++c)
            t->setColumnWidth(c, qMin(t->columnWidth(c), 240));
    });

    // The progress of the last restart/undo/scale, out of the way until there is one.
    m_rollout = new ui::RolloutProgressPanel(this);
    m_rolloutDock = new QDockWidget(tr("Rollout"), this);
    m_rolloutDock->setObjectName(QStringLiteral("rolloutDock"));
    m_rolloutDock->setFeatures(QDockWidget::DockWidgetClosable);
    // Scrolls rather than pushing the window taller than the screen.
    auto *rolloutScroll = new QScrollArea(m_rolloutDock);
    rolloutScroll->setWidgetResizable(true);
    rolloutScroll->setFrameShape(QFrame::NoFrame);
    rolloutScroll->setWidget(m_rollout);
    rolloutScroll->setMinimumHeight(120);
    m_rolloutDock->setWidget(rolloutScroll);
    addDockWidget(Qt::BottomDockWidgetArea, m_rolloutDock);
    m_rolloutDock->hide();
    connect(m_rollout, &ui::RolloutProgressPanel::logsRequested, this,
            [this](const QString &ns, const QString &pod, const QString &container) {
                const int row = m_controller->podModel()->rowOf(ns + QLatin1Char('/') + pod);
                kube::PodInfo info;
                if (const kube::PodInfo *p = m_controller->podModel()->podAt(row))
                    info = *p;
                info.ns = ns;
                info.name = pod;
                m_logs->openPod(info, false, container);
                m_tabs->setCurrentWidget(m_logsPage);
            });

    // Ctrl+1..9: the tabs in order.
    for (int i = 0; i < 9; ++i) {
        auto *sc = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + i)), this);
        connect(sc, &QShortcut::activated, this, [this, i] {
            if (i < m_tabs->count())
                m_tabs->setCurrentIndex(i);
        });
    }
}

ui::ActionController *MainWindow::actionController() const
{
    return m_actionController;
}

QWidget *MainWindow::capacityTab() const
{
    return m_capacityPage;
}

int MainWindow::addClusterTab(QWidget *page, const QString &title, const QIcon &icon)
{
    ++m_clusterTabCount;
    return m_tabs->insertTab(m_clusterTabCount, page, icon, title);
}

void MainWindow::setPodDetailsPane(QWidget *pane)
{
    while (m_podSplitter->count() > 1)
        delete m_podSplitter->widget(1);
    if (!pane)
        return;
    m_podSplitter->addWidget(pane);
    m_podSplitter->setStretchFactor(0, 5);
    m_podSplitter->setStretchFactor(1, 2);
    // Room for a container's state and image line; the list keeps the rest.
    pane->setMinimumWidth(320);
}

void MainWindow::onStarting(const Profile &profile)
{
    // Per server: the history and the cached snapshots open now, before (or without) the network.
    if (!m_history || m_historyProfile != profile.name) {
        if (m_sampler)
            m_sampler->disconnect(this);
        m_capacity->setHistoryStore(nullptr);
        m_history = std::make_unique<metrics::HistoryStore>(metrics::HistoryStore::defaultPath(profile.name));
        m_historyProfile = profile.name;
        if (Result<void> r = m_history->open(); !r.ok()) {
            m_capacity->setMissing({tr("No history: %1").arg(r.error().message)});
            m_history.reset();
        }
        m_capacity->setHistoryStore(m_history.get());
    }
    m_capacity->setBudget(profile.ramBudgetBytes);
    m_capacity->refresh();

    if (!m_data || m_dataProfile != profile.name) {
        delete m_data;
        m_data = new ui::DataWorkspace(db::SnapshotCache(profile.name), nullptr, m_dataPage);
        m_data->setObjectName(QStringLiteral("dataWorkspace"));
        m_dataProfile = profile.name;
        // The databases picked in the Data tab belong to the profile: kept for the session
        // at once, and saved by whoever owns the profile store.
        connect(m_data, &ui::DataWorkspace::sourcesChosen, this,
                [this](const QString &appointments, const QString &quotes, bool sudo) {
                    Profile p = m_controller->profile();
                    p.appointmentsDbPath = appointments;
                    p.quotesDbPath = quotes;
                    p.allowDbSudo = sudo;
                    m_controller->updateProfile(p);
                    emit profileChanged(p);
                });
        connect(m_data, &ui::DataWorkspace::mappingChosen, this, [this](const QStringList &pairs) {
            Profile p = m_controller->profile();
            p.appointmentColumns = pairs;
            m_controller->updateProfile(p);
            emit profileChanged(p);
        });
        m_dataPlaceholder->hide();
        m_dataPage->layout()->addWidget(m_data);
    }
    ui::DataSources sources;
    sources.appointmentsPath = profile.appointmentsDbPath;
    sources.quotesPath = profile.quotesDbPath;
    sources.allowSudo = profile.allowDbSudo;
    sources.appointmentColumns = profile.appointmentColumns;
    m_data->setSources(sources);
    const QTimeZone tz(profile.timeZone.toUtf8());
    m_data->setTimeZone(tz.isValid() ? tz : QTimeZone::systemTimeZone());
    // Nothing cached yet: take the first snapshots as soon as the connection is up.
    const bool haveSources = !sources.appointmentsPath.isEmpty() || !sources.quotesPath.isEmpty();
    m_dataNeedsSnapshot = !m_data->openCached() && haveSources;
    updatePodActions();
}

void MainWindow::onTransportReady(remote::KubectlRunner *runner, ssh::SshConnection *connection)
{
    if (!runner || !connection)
        return;
    const Profile &profile = m_controller->profile();
    if (m_cluster) {
        // Its rounds and the pod watch take turns on the server (ClusterPoller.h).
        m_cluster->setRunner(runner, m_controller->podWatcher());
    }
    if (m_podDetails)
        m_podDetails->setRunner(runner);
    m_queryRunner = runner;
    m_queries.clear();
    connect(runner, &remote::KubectlRunner::finished, this,
            [this, runner](quint64 token, const Result<QByteArray> &r) {
                if (runner != m_queryRunner)
                    return;
                if (auto done = m_queries.take(token))
                    done(r);
            });

    m_logs->setTransport(runner, connection);

    if (m_data) {
        m_data->setRunner(new db::SshCommandRunner(connection, connection));
        m_data->setKubectl(runner);
        if (m_dataNeedsSnapshot) {
            m_dataNeedsSnapshot = false;
            m_data->refresh();
        }
    }

    // Sampling: one process tree per tick, into the history the view reads.
    if (m_sampler)
        m_sampler->disconnect(this);
    auto *sampler = new metrics::Sampler(connection, connection);
    m_sampler = sampler;
    sampler->setKubectlPrefix(runner->prefix());
    metrics::SamplerConfig samplerConfig = sampler->config();
    samplerConfig.intervalMs = profile.sampleIntervalSec * 1000;
    if (kube::ClusterPoller *poller = m_cluster ? m_cluster->poller() : nullptr) {
        // The cluster round fetches metrics.k8s.io every 30 s already: the sampler takes
        // its per-pod figures from there and starts no kubectl of its own (one kubectl at
        // a time on the server; see SamplerConfig::ownKubectl).
        samplerConfig.ownKubectl = false;
        auto offer = [sampler](const kube::ClusterSnapshot &snap) {
            const metrics::ClusterUsage u = metrics::usageFromCluster(snap);
            sampler->offerMetrics(u.pods, u.nodes, u.available, u.problem);
        };
        connect(poller, &kube::ClusterPoller::updated, sampler, offer);
        if (poller->hasData())
            offer(poller->snapshot());
    }
    sampler->setConfig(samplerConfig);
    connect(sampler, &metrics::Sampler::sampled, this, [this](const metrics::Sample &sample) {
        if (m_history)
            (void)m_history->append(sample);
        m_capacity->setMissing(sample.missing);
        m_capacity->refreshInBackground();
    });
    if (m_history)
        (void)m_history->beginSession(QDateTime::currentMSecsSinceEpoch(), sampler->config().intervalMs);
    sampler->start(); // takes the first sample at once

    const std::optional<qint64> budget = profile.ramBudgetBytes;
    // The node's capacity (the budget line when the profile sets none) comes with the
    // cluster round too: no kubectl of its own beside the resident watch.
    if (kube::ClusterPoller *poller = m_cluster ? m_cluster->poller() : nullptr) {
        auto applyNodes = [this, budget](const kube::ClusterSnapshot &snap) {
            qint64 cap = 0, alloc = 0;
            for (const kube::NodeInfo &n : snap.nodes) {
                cap += n.memoryCapacityBytes;
                alloc += n.memoryAllocatableBytes;
            }
            if (cap <= 0)
                return;
            m_capacity->setBudget(budget, cap, alloc);
            m_capacity->refreshInBackground();
        };
        connect(poller, &kube::ClusterPoller::updated, m_capacity, applyNodes);
        if (poller->hasData())
            applyNodes(poller->snapshot());
    }

    // Actions: one executor and one runner per connection; they die with it.
    auto *exec = new actions::KubectlExecutor(runner, runner);
    auto *actionRunner = new actions::ActionRunner(exec, m_audit, runner);
    actionRunner->setReadOnly(profile.readOnly);
    m_actionRunner = actionRunner;
    auto *ac = new ui::ActionController(actionRunner, m_rollout, this, runner);
    ac->setRequireTypedName(profile.requireTypedName);
    m_actionController = ac;
    connect(ac, &ui::ActionController::refused, this,
            [this](const Error &e) { statusBar()->showMessage(e.message, 8000); });
    connect(ac, &ui::ActionController::actionSent, this, [this](const actions::ActionSpec &spec) {
        if (spec.kind != actions::ActionKind::DeletePod)
            m_rolloutDock->show();
    });
    connect(ac, &ui::ActionController::actionFinished, m_controller, &ConnectionController::refresh);
    connect(ac, &ui::ActionController::rolloutFinished, m_controller, &ConnectionController::refresh);
    updatePodActions();
}

void MainWindow::runKubectl(const QStringList &args, std::function<void(const Result<QByteArray> &)> done)
{
    if (!m_queryRunner || !m_queryRunner->isReady()) {
        done(Result<QByteArray>(makeError(tr("Not connected."), {}, QStringLiteral("ui.not-connected"))));
        return;
    }
    const quint64 token = m_queryRunner->run(args, 20000);
    if (token != 0)
        m_queries.insert(token, std::move(done));
}

void MainWindow::onCapacityWarnings(const QStringList &warnings)
{
    m_capacityWarning->setVisible(!warnings.isEmpty());
    m_capacityWarning->setText(warnings.size() == 1 ? tr("1 capacity warning")
                                                    : tr("%1 capacity warnings").arg(warnings.size()));
    m_capacityWarning->setToolTip(warnings.join(QLatin1Char('\n')));
    const int idx = m_tabs->indexOf(m_capacityPage);
    m_tabs->setTabIcon(idx, warnings.isEmpty() ? QIcon() : severityIcon(Severity::Warning));
}

// ---------------------------------------------------------------------------
// Pod table: logs and actions

void MainWindow::buildActions()
{
    auto make = [this](const QString &text, const QKeySequence &key, const QString &name) {
        auto *a = new QAction(text, this);
        a->setObjectName(name);
        a->setShortcut(key);
        return a;
    };
    m_logsAction = make(tr("&Logs"), QKeySequence(Qt::Key_L), QStringLiteral("podLogsAction"));
    m_previousLogsAction =
        make(tr("&Previous logs"), QKeySequence(Qt::Key_P), QStringLiteral("podPreviousLogsAction"));
    // Plain letters only while the pod table has the keyboard: elsewhere they are typing.
    for (QAction *a : {m_logsAction, m_previousLogsAction}) {
        a->setShortcutContext(Qt::WidgetShortcut);
        m_podView->addAction(a);
    }
    connect(m_logsAction, &QAction::triggered, this, [this] { openSelectedPodLogs(false); });
    connect(m_previousLogsAction, &QAction::triggered, this, [this] { openSelectedPodLogs(true); });

    m_restartAction = make(tr("&Restart owner"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R),
                           QStringLiteral("restartAction"));
    // No icon: the reload arrows already mean "fetch again" (Refresh), a very different thing.
    m_undoAction = make(tr("&Undo rollout…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_U),
                        QStringLiteral("undoAction"));
    m_undoAction->setIcon(style()->standardIcon(QStyle::SP_ArrowBack));
    m_scaleAction =
        make(tr("&Scale…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S), QStringLiteral("scaleAction"));
    m_deleteAction =
        make(tr("&Delete pod"), QKeySequence(Qt::CTRL | Qt::Key_Delete), QStringLiteral("deletePodAction"));
    m_deleteAction->setIcon(style()->standardIcon(QStyle::SP_TrashIcon));
    connect(m_restartAction, &QAction::triggered, this,
            [this] { requestOwnerAction(actions::ActionKind::Restart); });
    connect(m_undoAction, &QAction::triggered, this,
            [this] { requestOwnerAction(actions::ActionKind::Undo); });
    connect(m_scaleAction, &QAction::triggered, this,
            [this] { requestOwnerAction(actions::ActionKind::Scale); });
    connect(m_deleteAction, &QAction::triggered, this,
            [this] { requestPodAction(actions::ActionKind::DeletePod); });
    auto *toolbar = findChild<QToolBar *>(QStringLiteral("mainToolBar"));
    toolbar->addSeparator();
    for (QAction *a : {m_restartAction, m_undoAction, m_scaleAction, m_deleteAction}) {
        addAction(a);
        toolbar->addAction(a);
    }

    connect(m_podView, &QTableView::doubleClicked, this, [this] { openSelectedPodLogs(false); });
    for (const Qt::Key key : {Qt::Key_Return, Qt::Key_Enter}) {
        auto *enter = new QShortcut(QKeySequence(key), m_podView);
        enter->setContext(Qt::WidgetShortcut);
        connect(enter, &QShortcut::activated, this, [this] { openSelectedPodLogs(false); });
    }
    m_podView->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_podView, &QWidget::customContextMenuRequested, this, &MainWindow::showPodMenu);
    connect(m_podView->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &MainWindow::updatePodActions);
    connect(m_controller->podModel(), &QAbstractItemModel::dataChanged, this, &MainWindow::updatePodActions);
    connect(m_tabs, &QTabWidget::currentChanged, this, &MainWindow::updatePodActions);
    updatePodActions();
}

const kube::PodInfo *MainWindow::selectedPod() const
{
    const QModelIndex cur = m_podView->currentIndex();
    if (!cur.isValid())
        return nullptr;
    return m_controller->podModel()->podAt(m_proxy->mapToSource(cur).row());
}

bool MainWindow::selectPod(const QString &ns, const QString &name)
{
    const int row = m_controller->podModel()->rowOf(ns + QLatin1Char('/') + name);
    if (row < 0)
        return false;
    QModelIndex idx = m_proxy->mapFromSource(m_controller->podModel()->index(row, 0));
    if (!idx.isValid()) {
        // Hidden by the filter: the reader asked for this pod, so show it.
        m_filter->clear();
        idx = m_proxy->mapFromSource(m_controller->podModel()->index(row, 0));
    }
    if (!idx.isValid())
        return false;
    m_podView->setCurrentIndex(idx);
    m_podView->selectionModel()->select(idx, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_podView->scrollTo(idx);
    m_podView->setFocus();
    return true;
}

void MainWindow::openSelectedPodLogs(bool previous)
{
    const kube::PodInfo *pod = selectedPod();
    if (!pod)
        return;
    if (previous && pod->restarts == 0) {
        statusBar()->showMessage(tr("%1 has not restarted: there is no previous log.").arg(pod->name), 5000);
        return;
    }
    m_logs->openPod(*pod, previous);
    m_tabs->setCurrentWidget(m_logsPage);
}

std::optional<std::pair<actions::ObjectKind, QString>> MainWindow::podOwner(const kube::PodInfo &pod)
{
    if (pod.ownerKind == QLatin1String("ReplicaSet")) {
        // Deployment ReplicaSets are "<deployment>-<pod-template-hash>".
        const qsizetype dash = pod.ownerName.lastIndexOf(QLatin1Char('-'));
        if (dash <= 0)
            return std::nullopt;
        return std::make_pair(actions::ObjectKind::Deployment, pod.ownerName.left(dash));
    }
    if (pod.ownerKind == QLatin1String("StatefulSet"))
        return std::make_pair(actions::ObjectKind::StatefulSet, pod.ownerName);
    if (pod.ownerKind == QLatin1String("DaemonSet"))
        return std::make_pair(actions::ObjectKind::DaemonSet, pod.ownerName);
    return std::nullopt;
}

void MainWindow::updatePodActions()
{
    const kube::PodInfo *pod = selectedPod();
    const bool connected = m_actionController && m_actionRunner;
    const bool writable = connected && !m_controller->profile().readOnly;
    auto owner = pod ? podOwner(*pod) : std::nullopt;
    const bool onWorkloads = deploymentsTabCurrent();
    if (onWorkloads) {
        // The Deployments tab acts on its own selection, not on the pod behind it.
        owner.reset();
        if (const kube::WorkloadInfo *w = selectedWorkload())
            if (const auto kind = actions::objectKindFromString(w->kind);
                kind && *kind != actions::ObjectKind::Pod)
                owner = std::make_pair(*kind, w->name);
    }
    m_restartAction->setText(onWorkloads ? tr("&Restart") : tr("&Restart owner"));
    m_logsAction->setEnabled(pod != nullptr);
    m_previousLogsAction->setEnabled(pod && pod->restarts > 0);
    m_restartAction->setEnabled(writable && owner &&
                                actions::actionApplies(actions::ActionKind::Restart, owner->first));
    m_undoAction->setEnabled(writable && owner &&
                             actions::actionApplies(actions::ActionKind::Undo, owner->first));
    m_scaleAction->setEnabled(writable && owner &&
                              actions::actionApplies(actions::ActionKind::Scale, owner->first));
    m_deleteAction->setEnabled(writable && pod != nullptr && !onWorkloads);
    const QString why = m_controller->profile().readOnly ? tr(" (read-only profile)") : QString();
    for (QAction *a : {m_restartAction, m_undoAction, m_scaleAction, m_deleteAction})
        a->setToolTip(a->text().remove(QLatin1Char('&')) +
                      QStringLiteral(" (%1)").arg(a->shortcut().toString(QKeySequence::NativeText)) + why);
}

void MainWindow::showPodMenu(const QPoint &pos)
{
    if (!m_podView->indexAt(pos).isValid())
        return;
    updatePodActions();
    QMenu menu(this);
    menu.addAction(m_logsAction);
    menu.addAction(m_previousLogsAction);
    menu.addSeparator();
    menu.addAction(m_restartAction);
    menu.addAction(m_undoAction);
    menu.addAction(m_scaleAction);
    menu.addSeparator();
    menu.addAction(m_deleteAction);
    menu.exec(m_podView->viewport()->mapToGlobal(pos));
}

void MainWindow::fillTarget(actions::ActionSpec &spec) const
{
    spec.profile = m_controller->profile().name;
    // Where, not which profile: the profile is its own column in the audit trail.
    const ssh::SshTarget &t = m_controller->target();
    spec.server = t.host.isEmpty() ? m_controller->profile().host : t.host;
    if (!t.user.isEmpty())
        spec.server = t.user + QLatin1Char('@') + spec.server;
    if (t.port != 22)
        spec.server += QStringLiteral(":%1").arg(t.port);
}

void MainWindow::dispatch(const actions::ActionSpec &spec)
{
    switch (spec.kind) {
    case actions::ActionKind::Scale:
        askScale(spec);
        break;
    case actions::ActionKind::Undo:
        askUndo(spec);
        break;
    default:
        m_actionController->request(spec);
        break;
    }
}

bool MainWindow::deploymentsTabCurrent() const
{
    return m_cluster && m_cluster->page(cluster::ClusterViews::Deployments) &&
           m_tabs->currentWidget() == m_cluster->page(cluster::ClusterViews::Deployments);
}

const kube::WorkloadInfo *MainWindow::selectedWorkload() const
{
    if (!deploymentsTabCurrent())
        return nullptr;
    const cluster::ClusterTab *page = m_cluster->page(cluster::ClusterViews::Deployments);
    const QModelIndex cur = page->view()->currentIndex();
    if (!cur.isValid())
        return nullptr;
    return m_cluster->deployments()->itemAt(page->proxy()->mapToSource(cur).row());
}

namespace {
// What a confirmation needs to say truly what a restart does: how the workload replaces its pods.
void takeRolloutFacts(actions::ActionSpec &spec, const kube::WorkloadInfo &workload)
{
    spec.strategy = workload.strategy;
    spec.maxUnavailable = workload.maxUnavailable;
    spec.currentReplicas = workload.desired;
}
} // namespace

std::optional<actions::ActionSpec> MainWindow::workloadSpec(actions::ActionKind kind,
                                                            const kube::WorkloadInfo &workload)
{
    const auto objectKind = actions::objectKindFromString(workload.kind);
    if (!objectKind || *objectKind == actions::ObjectKind::Pod || !actions::actionApplies(kind, *objectKind))
        return std::nullopt;
    actions::ActionSpec spec;
    spec.kind = kind;
    spec.namespaceName = workload.ns;
    spec.objectKind = *objectKind;
    spec.objectName = workload.name;
    takeRolloutFacts(spec, workload);
    return spec;
}

void MainWindow::requestOwnerAction(actions::ActionKind kind)
{
    if (deploymentsTabCurrent())
        requestWorkloadAction(kind);
    else
        requestPodAction(kind);
}

void MainWindow::requestWorkloadAction(actions::ActionKind kind)
{
    const kube::WorkloadInfo *w = selectedWorkload();
    if (!w || !m_actionController)
        return;
    std::optional<actions::ActionSpec> spec = workloadSpec(kind, *w);
    if (!spec) {
        statusBar()->showMessage(tr("That action does not apply to %1 %2.").arg(w->kind, w->name), 6000);
        return;
    }
    fillTarget(*spec);
    dispatch(*spec);
}

void MainWindow::showWorkloadMenu(const QPoint &pos)
{
    const cluster::ClusterTab *page = m_cluster->page(cluster::ClusterViews::Deployments);
    if (!page || !page->view()->indexAt(pos).isValid())
        return;
    updatePodActions();
    QMenu menu(this);
    menu.addAction(m_restartAction);
    menu.addAction(m_undoAction);
    menu.addAction(m_scaleAction);
    menu.exec(page->view()->viewport()->mapToGlobal(pos));
}

void MainWindow::requestPodAction(actions::ActionKind kind)
{
    const kube::PodInfo *pod = selectedPod();
    if (!pod || !m_actionController)
        return;
    actions::ActionSpec spec;
    spec.kind = kind;
    fillTarget(spec);
    spec.namespaceName = pod->ns;
    const auto owner = podOwner(*pod);
    if (kind == actions::ActionKind::DeletePod) {
        spec.objectKind = actions::ObjectKind::Pod;
        spec.objectName = pod->name;
        spec.podHasController = !pod->ownerKind.isEmpty();
    } else {
        if (!owner) {
            statusBar()->showMessage(
                tr("%1 has no deployment, statefulset or daemonset to act on.").arg(pod->name), 6000);
            return;
        }
        spec.objectKind = owner->first;
        spec.objectName = owner->second;
        // What the last cluster round read of the owner: its strategy and replicas.
        if (m_cluster) {
            for (const kube::WorkloadInfo &w : m_cluster->deployments()->items()) {
                if (w.ns == pod->ns && w.name == owner->second &&
                    actions::objectKindFromString(w.kind) == owner->first) {
                    takeRolloutFacts(spec, w);
                    break;
                }
            }
        }
    }
    dispatch(spec);
}

void MainWindow::askScale(actions::ActionSpec spec)
{
    // The current count first, so the dialog starts from it; the UI never waits on it.
    runKubectl({QStringLiteral("get"), actions::objectKindName(spec.objectKind), spec.objectName,
                QStringLiteral("--namespace=") + spec.namespaceName, QStringLiteral("-o"),
                QStringLiteral("jsonpath={.spec.replicas}")},
               [this, spec](const Result<QByteArray> &r) mutable {
                   if (r.ok()) {
                       bool ok = false;
                       const int n = QString::fromUtf8(r.value()).trimmed().toInt(&ok);
                       if (ok)
                           spec.currentReplicas = n;
                   }
                   auto *dlg = new ui::ScaleDialog(spec, this);
                   dlg->setAttribute(Qt::WA_DeleteOnClose);
                   connect(dlg, &QDialog::accepted, this, [this, dlg] {
                       if (m_actionController)
                           m_actionController->request(dlg->result());
                   });
                   dlg->open();
               });
}

void MainWindow::askUndo(actions::ActionSpec spec)
{
    if (spec.objectKind != actions::ObjectKind::Deployment) {
        m_actionController->request(spec);
        return;
    }
    runKubectl({QStringLiteral("get"), QStringLiteral("deployment"), spec.objectName,
                QStringLiteral("--namespace=") + spec.namespaceName, QStringLiteral("-o"),
                QStringLiteral("json")},
               [this, spec](const Result<QByteArray> &r) {
                   Result<actions::WorkloadRef> ref = r.ok() ? actions::parseWorkloadRef(r.value())
                                                             : Result<actions::WorkloadRef>(r.error());
                   auto showDialog = [this, spec](const QList<actions::RolloutRevision> &revisions) {
                       auto *dlg = new ui::UndoDialog(spec, revisions, QDateTime::currentDateTimeUtc(), this);
                       dlg->setAttribute(Qt::WA_DeleteOnClose);
                       connect(dlg, &QDialog::accepted, this, [this, dlg] {
                           if (m_actionController)
                               m_actionController->request(dlg->result());
                       });
                       dlg->open();
                   };
                   if (!ref.ok()) {
                       showDialog({});
                       return;
                   }
                   const actions::WorkloadRef workload = ref.value();
                   runKubectl(actions::replicaSetListArgs(workload),
                              [showDialog, workload](const Result<QByteArray> &rs) {
                                  Result<QList<actions::RolloutRevision>> revs =
                                      rs.ok() ? actions::parseRevisions(rs.value(), workload)
                                              : Result<QList<actions::RolloutRevision>>(rs.error());
                                  showDialog(revs.ok() ? revs.value() : QList<actions::RolloutRevision>{});
                              });
               });
}

} // namespace vigia

namespace vigia {

void MainWindow::buildClusterViews()
{
    m_cluster = new cluster::ClusterViews(this);
    using Page = cluster::ClusterViews::Page;
    for (const Page page : {Page::Deployments, Page::Nodes, Page::Events})
        addClusterTab(m_cluster->page(page), m_cluster->tabTitle(page));
    connect(m_cluster, &cluster::ClusterViews::titlesChanged, this, [this] {
        for (const Page page : {Page::Deployments, Page::Nodes, Page::Events}) {
            const int index = m_tabs->indexOf(m_cluster->page(page));
            if (index >= 0) {
                m_tabs->setTabText(index, m_cluster->tabTitle(page));
                m_tabs->setTabToolTip(index, m_cluster->tabToolTip(page));
            }
        }
    });

    m_podDetails = new cluster::PodDetailsPane(this);
    setPodDetailsPane(m_podDetails);
    // The table gets the whole width until there is a pod to describe.
    m_podDetails->hide();
    connect(m_cluster, &cluster::ClusterViews::eventsChanged, m_podDetails, &cluster::PodDetailsPane::setEvents);
    connect(m_cluster, &cluster::ClusterViews::snapshotApplied, this,
            [this](const kube::ClusterSnapshot &snapshot) {
                // CPU and memory columns: only those two repaint.
                m_controller->podModel()->setUsage(snapshot.podUsage, snapshot.metricsAvailable,
                                                   snapshot.metricsProblem);
            });

    // Restart / undo / scale on the Deployments tab's own selection: menu, toolbar, shortcuts.
    if (cluster::ClusterTab *page = m_cluster->page(Page::Deployments)) {
        page->view()->setContextMenuPolicy(Qt::CustomContextMenu);
        connect(page->view(), &QWidget::customContextMenuRequested, this, &MainWindow::showWorkloadMenu);
        connect(page->view()->selectionModel(), &QItemSelectionModel::currentChanged, this,
                &MainWindow::updatePodActions);
    }
    connect(m_cluster->deployments(), &QAbstractItemModel::dataChanged, this, &MainWindow::updatePodActions);
    connect(m_cluster->deployments(), &QAbstractItemModel::rowsRemoved, this, &MainWindow::updatePodActions);
    updatePodActions();
    connect(m_podView->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &MainWindow::updatePodDetails);
    // Live updates refresh the pane in place; the key check keeps its scroll and tab otherwise.
    connect(m_controller, &ConnectionController::podsUpdated, this, &MainWindow::updatePodDetails);
    // Events stream live while someone reads them (ClusterViews::setEventsWanted).
    connect(m_tabs, &QTabWidget::currentChanged, this, &MainWindow::updateEventsWanted);
    connect(m_podDetails->tabs(), &QTabWidget::currentChanged, this, &MainWindow::updateEventsWanted);
}

void MainWindow::updateEventsWanted()
{
    if (!m_cluster)
        return;
    const bool eventsTab = m_tabs->currentWidget() == m_cluster->page(cluster::ClusterViews::Events);
    const bool podEvents = m_podDetails && m_tabs->currentIndex() == 0 && !m_podDetails->isHidden() &&
                           m_podDetails->tabs()->currentIndex() == cluster::PodDetailsPane::EventsTab;
    m_cluster->setEventsWanted(eventsTab || podEvents);
}

void MainWindow::updatePodDetails()
{
    if (!m_podDetails)
        return;
    const kube::PodInfo *pod = selectedPod();
    if (!pod) {
        m_detailsKey.clear();
        m_podDetails->clearPod();
        m_podDetails->hide();
        updateEventsWanted();
        return;
    }
    m_podDetails->show();
    updateEventsWanted();
    const QJsonObject object = m_controller->podObject(pod->key());
    if (object.isEmpty())
        return;
    m_detailsKey = pod->key();
    m_podDetails->setPod(object);
}

} // namespace vigia
