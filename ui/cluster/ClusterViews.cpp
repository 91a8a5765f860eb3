#include "cluster/ClusterViews.h"

#include "cluster/ClusterFilterProxyModel.h"
#include "cluster/ClusterTab.h"
#include "cluster/DeploymentListModel.h"
#include "cluster/EventListModel.h"
#include "cluster/NodeListModel.h"
#include "cluster/StaleBanner.h"
#include "actions/ActionTargets.h"
#include "session/ClusterFeed.h"
#include "session/Session.h"

#include <QLocale>
#include <QMenu>
#include <QSet>
#include <QTableView>

namespace vigia::cluster {

ClusterViews::ClusterViews(QObject *parent) : QObject(parent)
{
    // Each model belongs to its page, so a page adopted by a QTabWidget keeps its model alive.
    auto *deployPage = new ClusterTab(nullptr, true, DeploymentListModel::Name);
    m_deployModel = new DeploymentListModel(deployPage);
    deployPage->proxy()->setSourceModel(m_deployModel);
    deployPage->view()->sortByColumn(DeploymentListModel::Name, Qt::AscendingOrder);
    auto *nodePage = new ClusterTab(nullptr, false, NodeListModel::Name);
    m_nodeModel = new NodeListModel(nodePage);
    nodePage->proxy()->setSourceModel(m_nodeModel);
    nodePage->view()->sortByColumn(NodeListModel::Name, Qt::AscendingOrder);
    auto *eventPage = new ClusterTab(nullptr, true, EventListModel::LastSeen);
    m_eventModel = new EventListModel(eventPage);
    eventPage->proxy()->setSourceModel(m_eventModel);
    eventPage->view()->sortByColumn(EventListModel::LastSeen, Qt::AscendingOrder);
    deployPage->setObjectName(QStringLiteral("deploymentsPage"));
    nodePage->setObjectName(QStringLiteral("nodesPage"));
    eventPage->setObjectName(QStringLiteral("eventsPage"));
    m_pages[Deployments] = deployPage;
    m_pages[Nodes] = nodePage;
    m_pages[Events] = eventPage;
    for (ClusterTab *p : {deployPage, nodePage, eventPage}) {
        connect(p->banner(), &StaleBanner::retryRequested, this, [this]() {
            if (m_session)
                m_session->cluster()->pollNow(true);
        });
    }
    m_ageTimer.setInterval(30000);
    connect(&m_ageTimer, &QTimer::timeout, this, [this]() {
        m_deployModel->refreshColumn(DeploymentListModel::Age);
        m_nodeModel->refreshColumn(NodeListModel::Age);
        m_eventModel->refreshColumn(EventListModel::LastSeen);
    });
    m_ageTimer.start();
    // The toolbar's actions follow the workload the keyboard is on.
    connect(deployPage->view()->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &ClusterViews::workloadSelectionChanged);
    connect(m_deployModel, &QAbstractItemModel::dataChanged, this, &ClusterViews::workloadSelectionChanged);
    connect(m_deployModel, &QAbstractItemModel::rowsRemoved, this, &ClusterViews::workloadSelectionChanged);
}

ClusterViews::~ClusterViews()
{
    for (QPointer<ClusterTab> &p : m_pages)
        if (p && !p->parent())
            delete p.data();
}

void ClusterViews::attach(session::Session *session)
{
    if (m_session)
        m_session->cluster()->disconnect(this);
    m_session = session;
    if (!session)
        return;
    session::ClusterFeed *feed = session->cluster();
    connect(feed, &session::ClusterFeed::updated, this, &ClusterViews::applySnapshot);
    connect(feed, &session::ClusterFeed::failed, this, &ClusterViews::showStale);
    connect(feed, &session::ClusterFeed::eventsChanged, this, &ClusterViews::applyEvents);
    // The tooltip says live or not.
    connect(feed, &session::ClusterFeed::eventsLiveChanged, this, &ClusterViews::titlesChanged);
    if (feed->hasData())
        applySnapshot(feed->snapshot());
}

void ClusterViews::setEventsWanted(bool wanted)
{
    if (m_session)
        m_session->cluster()->setEventsWanted(wanted);
}

bool ClusterViews::eventsLive() const
{
    return m_session && m_session->cluster()->eventsLive();
}

void ClusterViews::applyEvents(const QList<kube::EventInfo> &events)
{
    m_snapshot.events = events;
    m_eventModel->setItems(events);
    if (ClusterTab *p = page(Events))
        p->fitColumns();
    emit titlesChanged();
}

ClusterTab *ClusterViews::page(Page page) const
{
    return m_pages[page].data();
}

QString ClusterViews::tabTitle(Page page) const
{
    switch (page) {
    case Deployments: {
        const int n = m_deployModel->rowCount();
        const int bad = m_deployModel->problemCount();
        return bad ? tr("Deployments (%1, %2 failing)").arg(n).arg(bad) : tr("Deployments (%1)").arg(n);
    }
    case Nodes: {
        const int n = m_nodeModel->rowCount();
        const int bad = m_nodeModel->problemCount();
        return bad ? tr("Nodes (%1, %2 not ready)").arg(n).arg(bad) : tr("Nodes (%1)").arg(n);
    }
    case Events: {
        const int n = m_eventModel->rowCount();
        const int w = m_eventModel->warningCount();
        if (!w)
            return tr("Events (%1)").arg(n);
        return w == 1 ? tr("Events (%1, 1 warning)").arg(n) : tr("Events (%1, %2 warnings)").arg(n).arg(w);
    }
    }
    return {};
}

QString ClusterViews::tabToolTip(Page page) const
{
    if (page == Events && eventsLive())
        return tr("Live: events stream from the server while this tab is shown.");
    const QString when = m_snapshot.fetchedAt.isValid()
                             ? tr("Last read at %1.").arg(QLocale().toString(m_snapshot.fetchedAt.toLocalTime().time(),
                                                                           QLocale::LongFormat))
                             : tr("Not read yet.");
    if (page == Events)
        return tr("Read every 30 s, and live while this tab is shown. %1").arg(when);
    return tr("Read every 30 s (Refresh reads now). %1").arg(when);
}

void ClusterViews::applySnapshot(const kube::ClusterSnapshot &snapshot)
{
    const QList<kube::EventInfo> liveEvents = m_snapshot.events;
    m_snapshot = snapshot;
    if (!snapshot.eventsIncluded && snapshot.events.isEmpty())
        m_snapshot.events = liveEvents; // watched live meanwhile: the round left them out
    if (!m_snapshot.fetchedAt.isValid())
        m_snapshot.fetchedAt = QDateTime::currentDateTimeUtc();
    m_stale.reset();
    m_deployModel->setItems(snapshot.workloads);
    m_nodeModel->setItems(snapshot.nodes);
    m_nodeModel->setMetricsProblem(snapshot.metricsAvailable ? QString() : snapshot.metricsProblem);
    m_eventModel->setItems(m_snapshot.events);
    QSet<QString> nsSet;
    for (const kube::WorkloadInfo &w : snapshot.workloads)
        nsSet.insert(w.ns);
    for (const kube::EventInfo &e : std::as_const(m_snapshot.events))
        if (!e.ns.isEmpty())
            nsSet.insert(e.ns);
    const QStringList namespaces(nsSet.cbegin(), nsSet.cend());
    for (ClusterTab *p : {page(Deployments), page(Events)})
        if (p)
            p->setNamespaces(namespaces);
    for (QPointer<ClusterTab> &p : m_pages) {
        if (!p)
            continue;
        p->banner()->clear();
        p->fitColumns();
    }
    updateNodeBanner();
    emit titlesChanged();
    emit snapshotApplied(m_snapshot);
}

void ClusterViews::updateNodeBanner()
{
    ClusterTab *p = page(Nodes);
    if (!p || m_stale)
        return;
    QStringList notReady;
    for (const kube::NodeInfo &n : m_snapshot.nodes)
        if (!n.ready)
            notReady << n.name;
    if (!notReady.isEmpty()) {
        p->banner()->showProblem(
            makeError(
                tr("Node %1 is NotReady.").arg(notReady.join(QStringLiteral(", "))),
                tr("Its kubelet stopped reporting or reports a problem: check `systemctl status k3s` and "
                   "`journalctl -u k3s` on the server. Pods on it may be evicted."),
                QStringLiteral("kube.node-notready")),
            m_snapshot.fetchedAt, StaleBanner::Level::Error);
        // The data is current: say so rather than "stale".
        p->banner()->setStaleLineVisible(false);
    } else if (!m_snapshot.metricsAvailable && !m_snapshot.nodes.isEmpty()) {
        p->banner()->showProblem(
            makeError(tr("CPU and memory usage are not available."),
                      tr("metrics-server (metrics.k8s.io) is not answering; K3s ships it "
                         "in kube-system. Usage columns show \u2014 until it is back."),
                      QStringLiteral("kube.no-metrics")),
            m_snapshot.fetchedAt, StaleBanner::Level::Info);
        p->banner()->setStaleLineVisible(false);
    }
}

void ClusterViews::showStale(const Error &error, int retryInMs)
{
    m_stale = error;
    for (QPointer<ClusterTab> &p : m_pages) {
        if (p) {
            p->banner()->showProblem(error, m_snapshot.fetchedAt, StaleBanner::Level::Error, retryInMs);
        }
    }
}

void ClusterViews::setWorkloadMenu(const QList<QAction *> &actions)
{
    ClusterTab *p = page(Deployments);
    if (!p)
        return;
    QTableView *view = p->view();
    view->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(view, &QWidget::customContextMenuRequested, this, [view, actions](const QPoint &pos) {
        if (!view->indexAt(pos).isValid())
            return;
        QMenu menu(view);
        menu.addActions(actions);
        menu.exec(view->viewport()->mapToGlobal(pos));
    });
}

const kube::WorkloadInfo *ClusterViews::selectedWorkload() const
{
    const ClusterTab *p = page(Deployments);
    if (!p)
        return nullptr;
    const QModelIndex cur = p->view()->currentIndex();
    if (!cur.isValid())
        return nullptr;
    return m_deployModel->itemAt(p->proxy()->mapToSource(cur).row());
}

Result<actions::ActionSpec> ClusterViews::actionSpec(actions::ActionKind kind) const
{
    const kube::WorkloadInfo *w = selectedWorkload();
    if (!w)
        return Result<actions::ActionSpec>(
            makeError(tr("No workload is selected."), {}, QStringLiteral("ui.no-selection")));
    if (std::optional<actions::ActionSpec> spec = actions::workloadSpec(kind, *w))
        return *spec;
    return Result<actions::ActionSpec>(makeError(tr("That action does not apply to %1 %2.").arg(w->kind, w->name), {},
                                                 QStringLiteral("action.not-applicable")));
}

} // namespace vigia::cluster
