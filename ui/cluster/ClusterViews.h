#pragma once
// The Deployments, Nodes and Events pages of the cluster overview, fed by one
// ClusterPoller (a single kubectl every 30 s; see ClusterPoller.h for why).
// MainWindow embeds the pages in its QTabWidget:
//
//   auto *cluster = new cluster::ClusterViews(this);
//   for (auto page : {cluster::ClusterViews::Deployments, cluster::ClusterViews::Nodes,
//                     cluster::ClusterViews::Events})
//       tabs->addTab(cluster->page(page), cluster->tabTitle(page));
//   connect(cluster, &cluster::ClusterViews::titlesChanged, ...);   // re-read tabTitle()
//   cluster->setRunner(runner);   // once kubectl is detected; nullptr on disconnect
//
// snapshotApplied() hands over pod usage (kube::joinPodUsage); eventsChanged() the
// events (PodDetailsPane::setEvents), from the round or, while someone looks at
// them (setEventsWanted), from a live events watch.
#include "core/Result.h"
#include "kube/ClusterTypes.h"

#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QTimer>

namespace vigia::remote {
class KubectlRunner;
}
namespace vigia::kube {
class ClusterPoller;
class ResourceWatcher;
} // namespace vigia::kube

namespace vigia::cluster {

class ClusterTab;
class DeploymentListModel;
class NodeListModel;
class EventListModel;

class ClusterViews : public QObject {
    Q_OBJECT
public:
    enum Page { Deployments, Nodes, Events };

    explicit ClusterViews(QObject *parent = nullptr);
    ~ClusterViews() override; // deletes pages nobody adopted

    // Starts polling through this runner (kubectl already detected); nullptr stops and marks the data stale.
    // takeTurnsWith: the resident pod watch, paused during each round (ClusterPoller::setExclusiveWith).
    void setRunner(remote::KubectlRunner *runner, kube::ResourceWatcher *takeTurnsWith = nullptr);
    kube::ClusterPoller *poller() const { return m_poller; }

    // Events are watched live while they are on screen (the Events tab, a pod's
    // Events tab) and come with the 30 s round otherwise: a second resident
    // kubectl only while someone reads events (footprint, see ClusterPoller.h).
    // The watch outlives the wish by lingerMs, so flipping tabs does not restart it.
    void setEventsWanted(bool wanted);
    bool eventsLive() const; // the events watch is running and current
    kube::ResourceWatcher *eventsWatcher() const { return m_eventsWatcher; }
    void setEventsLinger(int ms) { m_eventsLinger.setInterval(ms); }

    ClusterTab *page(Page page) const;
    // "Deployments (9, 1 failing)", "Nodes (1, 1 not ready)", "Events (27, 3 warnings)".
    QString tabTitle(Page page) const;
    // Where the page's data comes from and how fresh it is.
    QString tabToolTip(Page page) const;

    // Applied by the poller; public for tests and demos.
    void applySnapshot(const kube::ClusterSnapshot &snapshot);
    // Marks every page stale (banner with the error and the time of the last good data).
    void showStale(const Error &error, int retryInMs = 0);
    const kube::ClusterSnapshot &snapshot() const { return m_snapshot; }

    DeploymentListModel *deployments() const { return m_deployModel; }
    NodeListModel *nodes() const { return m_nodeModel; }
    EventListModel *events() const { return m_eventModel; }

signals:
    void titlesChanged();
    void snapshotApplied(const vigia::kube::ClusterSnapshot &snapshot);
    void eventsChanged(const QList<vigia::kube::EventInfo> &events);
    void eventsLiveChanged(bool live);

private:
    void updateNodeBanner();
    void startEventsWatch();
    void stopEventsWatch();
    void applyEventBatch(const QList<QJsonObject> &upserts, const QList<QJsonObject> &removed, bool initial);
    void applyEvents(const QList<kube::EventInfo> &events);

    QPointer<ClusterTab> m_pages[3];
    DeploymentListModel *m_deployModel;
    NodeListModel *m_nodeModel;
    EventListModel *m_eventModel;
    kube::ClusterPoller *m_poller = nullptr;
    kube::ClusterSnapshot m_snapshot;
    std::optional<Error> m_stale;
    QTimer m_ageTimer;
    remote::KubectlRunner *m_runner = nullptr;
    kube::ResourceWatcher *m_eventsWatcher = nullptr;
    QHash<QString, kube::EventInfo> m_liveEvents; // by object key, while watched
    bool m_eventsWanted = false;
    QTimer m_eventsLinger;
};

} // namespace vigia::cluster
