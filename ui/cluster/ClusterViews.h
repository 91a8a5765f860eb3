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
// snapshotApplied() hands over pod usage (kube::joinPodUsage) and events (PodDetailsPane::setEvents).
#include "core/Result.h"
#include "kube/ClusterTypes.h"

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

    ClusterTab *page(Page page) const;
    // "Deployments (9, 1 failing)", "Nodes (1, 1 not ready)", "Events (27, 3 warnings)".
    QString tabTitle(Page page) const;

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

private:
    void updateNodeBanner();

    QPointer<ClusterTab> m_pages[3];
    DeploymentListModel *m_deployModel;
    NodeListModel *m_nodeModel;
    EventListModel *m_eventModel;
    kube::ClusterPoller *m_poller = nullptr;
    kube::ClusterSnapshot m_snapshot;
    std::optional<Error> m_stale;
    QTimer m_ageTimer;
};

} // namespace vigia::cluster
