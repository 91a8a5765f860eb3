#include "pods/PodsPage.h"

#include "PodFilterProxyModel.h"
#include "PodListModel.h"
#include "WindowStateKeeper.h"
#include "actions/ActionTargets.h"
#include "cluster/PodDetailsPane.h"
#include "session/ClusterFeed.h"
#include "session/Session.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QShortcut>
#include <QSplitter>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

#include <functional>

namespace vigia::ui {

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
} // namespace

PodsPage::PodsPage(QWidget *parent) : QWidget(parent), m_model(new PodListModel(this))
{
    setObjectName(QStringLiteral("podsTab"));
    auto *pl = new QVBoxLayout(this);
    pl->setContentsMargins(0, 6, 0, 0);
    auto *filterRow = new QHBoxLayout;
    m_filter = new QLineEdit(this);
    m_filter->setObjectName(QStringLiteral("podFilter"));
    m_filter->setPlaceholderText(tr("Filter by namespace, name, status or node   ( / )"));
    m_filter->setClearButtonEnabled(true);
    m_problemsFirst = new QCheckBox(tr("Problems first"), this);
    m_problemsFirst->setObjectName(QStringLiteral("problemsFirst"));
    m_problemsFirst->setChecked(true);
    // The same choice as the cluster tabs: kube-system hidden by default, one click
    // away. The tab title still counts (and flags) every pod, hidden ones too.
    m_namespaces = new QComboBox(this);
    m_namespaces->setObjectName(QStringLiteral("podNamespaceBox"));
    m_namespaces->addItem(tr("All but kube-system"), PodFilterProxyModel::kAllButSystem);
    m_namespaces->addItem(tr("All namespaces"), PodFilterProxyModel::kAll);
    m_namespaces->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    filterRow->addWidget(new QLabel(tr("Namespace:"), this));
    filterRow->addWidget(m_namespaces);
    filterRow->addWidget(m_filter, 1);
    filterRow->addWidget(m_problemsFirst);
    pl->addLayout(filterRow);

    m_proxy = new PodFilterProxyModel(this);
    m_proxy->setSourceModel(m_model);
    m_statusText = new QLabel(this);
    m_statusText->setObjectName(QStringLiteral("statusText"));
    buildTable();
    pl->addWidget(m_splitter, 1);

    connect(m_filter, &QLineEdit::textChanged, m_proxy, &PodFilterProxyModel::setFilterText);
    connect(m_problemsFirst, &QCheckBox::toggled, m_proxy, &PodFilterProxyModel::setProblemsFirst);
    connect(m_namespaces, &QComboBox::currentIndexChanged, this,
            [this] { m_proxy->setNamespaceChoice(m_namespaces->currentData().toString()); });
    m_filter->installEventFilter(new FilterEscape(m_filter, m_view));
    // k9s' "/ name Enter": Enter in the filter puts the keyboard on the first match, so L or P act on it.
    connect(m_filter, &QLineEdit::returnPressed, this, [this] {
        if (m_proxy->rowCount() == 0)
            return;
        const QModelIndex first = m_proxy->index(0, 0);
        m_view->setCurrentIndex(first);
        m_view->selectionModel()->select(first, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        m_view->setFocus(Qt::ShortcutFocusReason);
    });
    // From the filter, Tab goes to the table, not through the check box and the namespace box.
    setTabOrder(m_filter, m_view);
    // Scoped to this page: the cluster tabs have their own "/" for their filters.
    auto *slash = new QShortcut(QKeySequence(Qt::Key_Slash), this);
    slash->setContext(Qt::WidgetWithChildrenShortcut);
    connect(slash, &QShortcut::activated, this, [this] {
        m_filter->setFocus(Qt::ShortcutFocusReason);
        m_filter->selectAll();
    });
    for (auto sig : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(m_proxy, sig, this, &PodsPage::updateStatus);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &PodsPage::updateStatus);
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, &PodsPage::updateStatus);
    connect(m_model, &PodListModel::countsChanged, this, &PodsPage::updateTitle);
    connect(m_model, &PodListModel::countsChanged, this, &PodsPage::updateNamespaces);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &PodsPage::selectionChanged);
    connect(this, &PodsPage::selectionChanged, this, &PodsPage::updateLogActions);
    updateLogActions();

    auto *ageTimer = new QTimer(this);
    ageTimer->setInterval(15000);
    connect(ageTimer, &QTimer::timeout, this, [this] { m_model->setNow(QDateTime()); });
    ageTimer->start();
    // Keys work at once (Down, P, L): the table has the focus when the page is shown.
    setFocusProxy(m_view);
}

PodsPage::~PodsPage()
{
    // The details pane and the table go after this body: nothing may call back into it.
    m_view->selectionModel()->disconnect(this);
    m_details->disconnect(this);
}

QString PodsPage::tabTitle(int total, int failing)
{
    if (failing > 0)
        return tr("Pods (%1, %2 failing)").arg(total).arg(failing);
    return tr("Pods (%1)").arg(total);
}

void PodsPage::buildTable()
{
    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_splitter->setObjectName(QStringLiteral("podSplitter"));
    m_splitter->setChildrenCollapsible(false);
    m_view = new QTableView(m_splitter);
    m_view->setObjectName(QStringLiteral("podTable"));
    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(PodListModel::Namespace, Qt::AscendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setAlternatingRowColors(true);
    m_view->setShowGrid(false);
    m_view->setWordWrap(false);
    m_view->setTextElideMode(Qt::ElideMiddle);
    m_view->setIconSize(QSize(14, 14));
    // Breathing room between right-aligned numbers and the next column's text.
    m_view->setStyleSheet(QStringLiteral("QTableView::item { padding: 0px 6px; }"));
    m_view->verticalHeader()->setVisible(false);
    m_view->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
    QHeaderView *h = m_view->horizontalHeader();
    h->setHighlightSections(false);
    h->setStretchLastSection(true);
    h->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    const int cw = fontMetrics().horizontalAdvance(QLatin1Char('M'));
    const int widths[] = {11, 26, 5, 16, 9, 5};
    for (int c = PodListModel::Namespace; c <= PodListModel::Age; ++c)
        h->resizeSection(c, cw * widths[c]);
    m_splitter->addWidget(m_view);

    m_details = new cluster::PodDetailsPane(m_splitter);
    m_splitter->addWidget(m_details);
    m_splitter->setStretchFactor(0, 5);
    m_splitter->setStretchFactor(1, 2);
    // Room for a container's state and image line; the list keeps the rest.
    m_details->setMinimumWidth(320);
    // The table gets the whole width until there is a pod to describe.
    m_details->hide();
    connect(m_details->tabs(), &QTabWidget::currentChanged, this, &PodsPage::eventsShownChanged);

    auto make = [this](const QString &text, Qt::Key key, const QString &name) {
        auto *a = new QAction(text, this);
        a->setObjectName(name);
        a->setShortcut(QKeySequence(key));
        // Plain letters only while the table has the keyboard: elsewhere they are typing.
        a->setShortcutContext(Qt::WidgetShortcut);
        m_view->addAction(a);
        return a;
    };
    m_logsAction = make(tr("&Logs"), Qt::Key_L, QStringLiteral("podLogsAction"));
    m_previousLogsAction = make(tr("&Previous logs"), Qt::Key_P, QStringLiteral("podPreviousLogsAction"));
    connect(m_logsAction, &QAction::triggered, this, [this] { openSelectedPodLogs(false); });
    connect(m_previousLogsAction, &QAction::triggered, this, [this] { openSelectedPodLogs(true); });
    connect(m_view, &QTableView::doubleClicked, this, [this] { openSelectedPodLogs(false); });
    for (const Qt::Key key : {Qt::Key_Return, Qt::Key_Enter}) {
        auto *enter = new QShortcut(QKeySequence(key), m_view);
        enter->setContext(Qt::WidgetShortcut);
        connect(enter, &QShortcut::activated, this, [this] { openSelectedPodLogs(false); });
    }
    // E: the pod's events; R and U: restart or undo its owner (the window's actions, confirmed as ever).
    auto key = [this](Qt::Key k, std::function<void()> what) {
        auto *sc = new QShortcut(QKeySequence(k), m_view);
        sc->setContext(Qt::WidgetShortcut);
        connect(sc, &QShortcut::activated, this, std::move(what));
    };
    key(Qt::Key_E, [this] {
        if (!selectedPod())
            return;
        m_details->show();
        m_details->tabs()->setCurrentIndex(cluster::PodDetailsPane::EventsTab);
        emit eventsShownChanged();
    });
    key(Qt::Key_R, [this] { triggerMenuAction(QStringLiteral("restartAction")); });
    key(Qt::Key_U, [this] { triggerMenuAction(QStringLiteral("undoAction")); });
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_view, &QWidget::customContextMenuRequested, this, &PodsPage::showMenu);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this, [this] {
        updateDetails();
        emit selectionChanged();
    });
}

void PodsPage::attach(session::Session *session)
{
    if (m_session)
        m_session->disconnect(this);
    m_session = session;
    m_model->attach(session);
    m_details->setRunner(nullptr);
    if (!session)
        return;
    connect(session, &session::Session::ready, this, [this] { m_details->setRunner(m_session->runner()); });
    connect(session, &session::Session::servicesGone, this, [this] { m_details->setRunner(nullptr); });
    if (session->runner())
        m_details->setRunner(session->runner());
    connect(session, &session::Session::phaseChanged, this, [this](session::Session::Phase phase) {
        if (phase == session::Session::Phase::Connected)
            QTimer::singleShot(0, this, &PodsPage::selectFirstProblem);
    });
    connect(session, &session::Session::podsUpdated, this, [this] {
        fitColumnsOnce();
        updateStatus();
        // Live updates refresh the pane in place; the key check keeps its scroll and tab otherwise.
        updateDetails();
    });
    connect(session, &session::Session::podsFailed, this, &PodsPage::updateStatus);
    connect(session, &session::Session::staleChanged, this, &PodsPage::updateStatus);
    connect(session, &session::Session::phaseChanged, this, &PodsPage::updateStatus);
    connect(session->cluster(), &session::ClusterFeed::eventsChanged, m_details,
            &cluster::PodDetailsPane::setEvents);
    updateTitle();
    updateStatus();
}

void PodsPage::fitColumnsOnce()
{
    if (m_columnsSized || m_model->rowCount() == 0 || WindowStateKeeper::wasRestored(m_view->horizontalHeader()))
        return;
    // Size once to the first real data; later the user's widths (or the saved ones) win.
    m_columnsSized = true;
    m_view->resizeColumnsToContents();
    QHeaderView *h = m_view->horizontalHeader();
    // The last column stretches; sizing it too would push out a horizontal scrollbar.
    for (int c = 0; c < PodListModel::ColumnCount - 1; ++c)
        h->resizeSection(c, qBound(56, h->sectionSize(c) + 16, 420));
    // Room for the longest common statuses, which often arrive only later.
    const int statusMin = m_view->fontMetrics().horizontalAdvance(QStringLiteral("ContainerCreating")) +
                          m_view->iconSize().width() + 28;
    h->resizeSection(PodListModel::Status, qMax(h->sectionSize(PodListModel::Status), statusMin));
}

const kube::PodInfo *PodsPage::selectedPod() const
{
    const QModelIndex cur = m_view->currentIndex();
    if (!cur.isValid())
        return nullptr;
    return m_model->podAt(m_proxy->mapToSource(cur).row());
}

bool PodsPage::selectPod(const QString &ns, const QString &name)
{
    const int row = m_model->rowOf(ns + QLatin1Char('/') + name);
    if (row < 0)
        return false;
    QModelIndex idx = m_proxy->mapFromSource(m_model->index(row, 0));
    if (!idx.isValid()) {
        // Hidden by the filter: the reader asked for this pod, so show it.
        m_filter->clear();
        idx = m_proxy->mapFromSource(m_model->index(row, 0));
    }
    if (!idx.isValid())
        return false;
    m_view->setCurrentIndex(idx);
    m_view->selectionModel()->select(idx, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_view->scrollTo(idx);
    m_view->setFocus();
    return true;
}

void PodsPage::openSelectedPodLogs(bool previous)
{
    const kube::PodInfo *pod = selectedPod();
    if (!pod)
        return;
    if (previous && pod->restarts == 0) {
        emit message(tr("%1 has not restarted: there is no previous log.").arg(pod->name), 5000);
        return;
    }
    emit logsRequested(*pod, previous);
}

bool PodsPage::podEventsShown() const
{
    return !m_details->isHidden() &&
           m_details->tabs()->currentIndex() == cluster::PodDetailsPane::EventsTab;
}

Result<actions::ActionSpec> PodsPage::actionSpec(actions::ActionKind kind) const
{
    const kube::PodInfo *pod = selectedPod();
    if (!pod)
        return Result<actions::ActionSpec>(makeError(tr("No pod is selected."), {}, QStringLiteral("ui.no-selection")));
    const QList<kube::WorkloadInfo> workloads =
        m_session ? m_session->cluster()->snapshot().workloads : QList<kube::WorkloadInfo>{};
    return actions::podActionSpec(kind, *pod, workloads);
}

void PodsPage::updateLogActions()
{
    const kube::PodInfo *pod = selectedPod();
    m_logsAction->setEnabled(pod != nullptr);
    m_previousLogsAction->setEnabled(pod && pod->restarts > 0);
}

void PodsPage::triggerMenuAction(const QString &name)
{
    for (QAction *a : std::as_const(m_menuActions))
        if (a->objectName() == name && a->isEnabled())
            a->trigger();
}

void PodsPage::selectFirstProblem()
{
    // The current row moves, the keyboard does not: whoever is typing in a field goes on
    // typing. A row the reader already chose stays.
    if (m_view->currentIndex().isValid())
        return;
    for (int r = 0; r < m_proxy->rowCount(); ++r) {
        const QModelIndex idx = m_proxy->index(r, 0);
        if (isFailing(Severity(idx.data(PodListModel::SeverityRole).toInt()))) {
            m_view->setCurrentIndex(idx);
            m_view->selectionModel()->select(idx, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
            m_view->scrollTo(idx);
            return;
        }
    }
}

void PodsPage::showMenu(const QPoint &pos)
{
    if (!m_view->indexAt(pos).isValid())
        return;
    updateLogActions();
    QMenu menu(this);
    menu.addAction(m_logsAction);
    menu.addAction(m_previousLogsAction);
    for (QAction *a : std::as_const(m_menuActions)) {
        if (a->objectName() == QLatin1String("restartAction") || a->objectName() == QLatin1String("deletePodAction"))
            menu.addSeparator();
        menu.addAction(a);
    }
    menu.exec(m_view->viewport()->mapToGlobal(pos));
}

void PodsPage::updateDetails()
{
    const kube::PodInfo *pod = selectedPod();
    if (!pod) {
        m_details->clearPod();
        if (!m_details->isHidden()) {
            m_details->hide();
            emit eventsShownChanged();
        }
        return;
    }
    if (m_details->isHidden()) {
        m_details->show();
        emit eventsShownChanged();
    }
    const QJsonObject object = m_session ? m_session->podObject(pod->key()) : QJsonObject();
    if (!object.isEmpty())
        m_details->setPod(object);
}

void PodsPage::updateTitle()
{
    emit titleChanged(tabTitle(m_model->rowCount(), m_model->failingCount()), m_model->failingCount() > 0);
}

void PodsPage::updateNamespaces()
{
    QStringList namespaces;
    for (const kube::PodInfo &p : m_model->pods())
        namespaces << p.ns;
    namespaces.removeDuplicates();
    namespaces.sort();
    QStringList current;
    for (int i = 2; i < m_namespaces->count(); ++i)
        current << m_namespaces->itemData(i).toString();
    if (current == namespaces)
        return;
    const QString chosen = m_namespaces->currentData().toString();
    const QSignalBlocker block(m_namespaces);
    while (m_namespaces->count() > 2)
        m_namespaces->removeItem(2);
    for (const QString &ns : std::as_const(namespaces))
        m_namespaces->addItem(ns, ns);
    // A namespace that went away falls back to the default choice.
    const int at = m_namespaces->findData(chosen);
    m_namespaces->setCurrentIndex(at >= 0 ? at : 0);
    m_proxy->setNamespaceChoice(m_namespaces->currentData().toString());
}

void PodsPage::updateStatus()
{
    const QDateTime at = m_session ? m_session->lastUpdated() : QDateTime();
    const int n = m_model->rowCount();
    if (!at.isValid()) {
        m_statusText->setText(m_session && m_session->isBusy() ? tr("Waiting for the first pod list…") : QString());
        return;
    }
    const int shown = m_proxy->rowCount();
    // With a namespace or text filter on, say how many of the pods are on screen.
    QString s = shown == n ? tr("%n pod(s)", nullptr, n) : tr("%1 of %n pods shown", nullptr, n).arg(shown);
    s += tr(" · updated %1").arg(at.toString(QStringLiteral("HH:mm:ss")));
    if (m_session->isStale())
        s += tr(" · stale");
    m_statusText->setText(s);
}

} // namespace vigia::ui
