#pragma once
// The Deployments, Nodes and Events pages of the cluster overview, fed by the
// session's ClusterFeed (one kubectl every 30 s, events live while shown).
// The window embeds the pages in its tab widget:
//
//   auto *cluster = new cluster::ClusterViews(this);
//   for (auto page : {cluster::ClusterViews::Deployments, cluster::ClusterViews::Nodes,
//                     cluster::ClusterViews::Events})
//       tabs->addTab(cluster->page(page), cluster->tabTitle(page));
//   connect(cluster, &cluster::ClusterViews::titlesChanged, ...);   // re-read tabTitle()
//   cluster->attach(session);
//
// snapshotApplied() hands over the round (pod usage for the Pods table). As an
// ActionSource it offers the Deployments page's selected workload.
#include "actions/ActionSource.h"
#include "core/Result.h"
#include "kube/ClusterTypes.h"

#include <QObject>
#include <QPointer>
#include <QTimer>

class QAction;

namespace vigia::session {
class Session;
}

namespace vigia::cluster {

class ClusterTab;
class DeploymentListModel;
class NodeListModel;
class EventListModel;

class ClusterViews : public QObject, public ui::ActionSource {
    Q_OBJECT
public:
    enum Page { Deployments, Nodes, Events };

    explicit ClusterViews(QObject *parent = nullptr);
    ~ClusterViews() override; // deletes pages nobody adopted

    void attach(session::Session *session);

    // Events are watched live while they are on screen (the Events tab, a pod's
    // Events tab) and come with the 30 s round otherwise (see ClusterFeed).
    void setEventsWanted(bool wanted);
    bool eventsLive() const;

    ClusterTab *page(Page page) const;
    // "Deployments (9, 1 failing)", "Nodes (1, 1 not ready)", "Events (27, 3 warnings)".
    QString tabTitle(Page page) const;
    // Where the page's data comes from and how fresh it is.
    QString tabToolTip(Page page) const;

    // Applied from the session's rounds; public for tests and demos.
    void applySnapshot(const kube::ClusterSnapshot &snapshot);
    // Marks every page stale (banner with the error and the time of the last good data).
    void showStale(const Error &error, int retryInMs = 0);
    const kube::ClusterSnapshot &snapshot() const { return m_snapshot; }

    DeploymentListModel *deployments() const { return m_deployModel; }
    NodeListModel *nodes() const { return m_nodeModel; }
    EventListModel *events() const { return m_eventModel; }

    // The Deployments page's context menu (restart, undo, scale).
    void setWorkloadMenu(const QList<QAction *> &actions);
    // The workload selected on the Deployments page.
    const kube::WorkloadInfo *selectedWorkload() const;
    Result<actions::ActionSpec> actionSpec(actions::ActionKind kind) const override;
    bool selectsPods() const override { return false; }

signals:
    void titlesChanged();
    void snapshotApplied(const vigia::kube::ClusterSnapshot &snapshot);
    // The Deployments page's current workload changed, or its row did.
    void workloadSelectionChanged();

private:
    void updateNodeBanner();
    void applyEvents(const QList<kube::EventInfo> &events);

    QPointer<ClusterTab> m_pages[3];
    DeploymentListModel *m_deployModel;
    NodeListModel *m_nodeModel;
    EventListModel *m_eventModel;
    QPointer<session::Session> m_session;
    kube::ClusterSnapshot m_snapshot;
    std::optional<Error> m_stale;
    QTimer m_ageTimer;
};

} // namespace vigia::cluster
