#include "cluster/ClusterViews.h"

#include "cluster/ClusterFilterProxyModel.h"
#include "cluster/ClusterTab.h"
#include "cluster/DeploymentListModel.h"
#include "cluster/EventListModel.h"
#include "cluster/NodeListModel.h"
#include "cluster/StaleBanner.h"
#include "kube/ClusterParsers.h"
#include "kube/ClusterPoller.h"
#include "kube/ResourceWatcher.h"

#include <QLocale>
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
            if (m_poller)
                m_poller->pollNow(true);
        });
    }
    m_ageTimer.setInterval(30000);
    connect(&m_ageTimer, &QTimer::timeout, this, [this]() {
        m_deployModel->refreshColumn(DeploymentListModel::Age);
        m_nodeModel->refreshColumn(NodeListModel::Age);
        m_eventModel->refreshColumn(EventListModel::LastSeen);
    });
    m_ageTimer.start();
    m_eventsLinger.setSingleShot(true);
    m_eventsLinger.setInterval(20000);
    connect(&m_eventsLinger, &QTimer::timeout, this, [this] {
        if (!m_eventsWanted)
            stopEventsWatch();
    });
}

ClusterViews::~ClusterViews()
{
    for (QPointer<ClusterTab> &p : m_pages)
        if (p && !p->parent())
            delete p.data();
}

void ClusterViews::setRunner(remote::KubectlRunner *runner, kube::ResourceWatcher *takeTurnsWith)
{
    stopEventsWatch();
    m_runner = runner;
    if (m_poller) {
        m_poller->stop();
        m_poller->deleteLater();
        m_poller = nullptr;
    }
    if (!runner) {
        if (m_snapshot.fetchedAt.isValid())
            showStale(makeError(tr("Disconnected from the server."), tr("Reconnect to see live data again."),
                                QStringLiteral("kube.no-connection")));
        return;
    }
    m_poller = new kube::ClusterPoller(runner, this);
    m_poller->setExclusiveWith(takeTurnsWith);
    connect(m_poller, &kube::ClusterPoller::updated, this, &ClusterViews::applySnapshot);
    connect(m_poller, &kube::ClusterPoller::failed, this,
            [this](const Error &e) { showStale(e, m_poller ? m_poller->interval() : 0); });
    m_poller->start();
    if (m_eventsWanted)
        startEventsWatch();
}

void ClusterViews::setEventsWanted(bool wanted)
{
    if (wanted == m_eventsWanted)
        return;
    m_eventsWanted = wanted;
    if (wanted) {
        m_eventsLinger.stop();
        startEventsWatch();
    } else if (m_eventsWatcher) {
        m_eventsLinger.start();
    }
}

bool ClusterViews::eventsLive() const
{
    return m_eventsWatcher && m_eventsWatcher->state() == kube::ResourceWatcher::State::Live;
}

void ClusterViews::startEventsWatch()
{
    if (!m_runner || !m_poller || m_eventsWatcher)
        return;
    m_eventsWatcher = new kube::ResourceWatcher(m_runner, QStringLiteral("events"), QString(), this);
    m_liveEvents.clear();
    kube::ResourceWatcher *w = m_eventsWatcher;
    connect(w, &kube::ResourceWatcher::changed, this, [this, w](const kube::WatchBatch &b) {
        if (w != m_eventsWatcher)
            return;
        applyEventBatch(b.added + b.modified, b.deleted, b.initial);
    });
    connect(w, &kube::ResourceWatcher::stateChanged, this, [this, w](kube::ResourceWatcher::State state) {
        if (w != m_eventsWatcher || !m_poller)
            return;
        // Rounds leave events out only while the watch is current; a broken
        // watch (RBAC, API down) falls back to the round's events.
        const bool live = state == kube::ResourceWatcher::State::Live;
        if (m_poller->eventsWatched() != live) {
            m_poller->setEventsWatched(live);
            emit eventsLiveChanged(live);
            emit titlesChanged(); // the tooltip says live or not
        }
    });
    m_poller->addExclusive(w);
    w->start();
}

void ClusterViews::stopEventsWatch()
{
    m_eventsLinger.stop();
    kube::ResourceWatcher *w = std::exchange(m_eventsWatcher, nullptr);
    if (!w)
        return;
    w->stop(); // first: removeExclusive() resumes a watcher a round had paused
    if (m_poller) {
        m_poller->removeExclusive(w);
        m_poller->setEventsWatched(false);
    }
    w->deleteLater();
    m_liveEvents.clear();
    emit eventsLiveChanged(false);
    emit titlesChanged();
}

void ClusterViews::applyEventBatch(const QList<QJsonObject> &upserts, const QList<QJsonObject> &removed,
                                   bool initial)
{
    if (initial)
        m_liveEvents.clear(); // a (re)list: the batch is the whole list
    for (const QJsonObject &o : upserts)
        if (Result<kube::EventInfo> e = kube::parseEvent(o); e.ok())
            m_liveEvents.insert(kube::objectKey(o), e.value());
    for (const QJsonObject &o : removed)
        m_liveEvents.remove(kube::objectKey(o));
    QList<kube::EventInfo> events(m_liveEvents.cbegin(), m_liveEvents.cend());
    kube::sortEvents(events);
    applyEvents(events);
}

void ClusterViews::applyEvents(const QList<kube::EventInfo> &events)
{
    m_snapshot.events = events;
    m_eventModel->setItems(events);
    if (ClusterTab *p = page(Events))
        p->fitColumns();
    emit titlesChanged();
    emit eventsChanged(m_snapshot.events);
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
    if (!snapshot.eventsIncluded)
        m_snapshot.events = liveEvents; // watched live meanwhile: the round left them out
    if (!m_snapshot.fetchedAt.isValid())
        m_snapshot.fetchedAt = QDateTime::currentDateTimeUtc();
    m_stale.reset();
    m_deployModel->setItems(snapshot.workloads);
    m_nodeModel->setItems(snapshot.nodes);
    m_nodeModel->setMetricsProblem(snapshot.metricsAvailable ? QString() : snapshot.metricsProblem);
    if (snapshot.eventsIncluded)
        m_eventModel->setItems(snapshot.events);
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
    if (snapshot.eventsIncluded)
        emit eventsChanged(m_snapshot.events);
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

} // namespace vigia::cluster
