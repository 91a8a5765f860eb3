// The cluster pages of the main window against the real sandbox: metrics-server
// missing and a node NotReady shown where they belong, and events live while shown.
#include "MainWindow.h"
#include "PodListModel.h"
#include "Sandbox.h"
#include "SandboxSession.h"
#include "ThemePalette.h"
#include "WindowProbe.h"
#include "cluster/ClusterTab.h"
#include "cluster/ClusterViews.h"
#include "cluster/EventListModel.h"
#include "cluster/NodeListModel.h"
#include "cluster/PodDetailsPane.h"
#include "cluster/StaleBanner.h"
#include "core/MetaTypes.h"
#include "kube/ClusterPoller.h"
#include "session/ClusterFeed.h"
#include "session/Session.h"

#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTest>

using namespace vigia;

namespace {
constexpr int kConnectTimeoutMs = 30000;

QString outputPath(const QString &file)
{
    return QStringLiteral(VIGIA_UI_TEST_OUTPUT_DIR "/") + file;
}

using test::connectSession;
namespace probe = vigia::test::probe;
} // namespace

class TestClusterViewsSandbox : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void metricsMissingAndNodeNotReadyShown();
    void eventsLiveWhileShown();
};

void TestClusterViewsSandbox::initTestCase()
{
    registerCoreMetaTypes();
    QStandardPaths::setTestModeEnabled(true);
    // VIGIA_SCREENSHOT_THEME=dark: the same pictures in the dark theme (README's "Light and dark").
    if (qEnvironmentVariable("VIGIA_SCREENSHOT_THEME") == QLatin1String("dark"))
        ThemePalette::apply(true);
    else if (qEnvironmentVariable("VIGIA_SCREENSHOT_THEME") == QLatin1String("light"))
        ThemePalette::apply(false);
}

// metrics-server gone: CPU and memory read "—" with a tooltip that says why. A node
// NotReady: counted in the Nodes tab title, its status in the table, a banner on it.
void TestClusterViewsSandbox::metricsMissingAndNodeNotReadyShown()
{
    test::Sandbox sb;
    QVERIFY2(sb.start(QStringLiteral("joledev")), qPrintable(sb.errorString()));
    session::Session session;
    MainWindow w(&session);
    PodListModel *model = probe::podModel(&w);
    QVERIFY(model);
    w.resize(1100, 560);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    cluster::ClusterViews *cv = probe::clusterViews(&w);
    QVERIFY(cv);
    QSignalSpy applied(cv, &cluster::ClusterViews::snapshotApplied);
    const QString why = connectSession(session, sb);
    QVERIFY2(why.isEmpty(), qPrintable(why));
    QTRY_VERIFY_WITH_TIMEOUT(applied.count() > 0, kConnectTimeoutMs);
    QVERIFY(cv->snapshot().metricsAvailable);
    QVERIFY(session.cluster()->poller());

    const PodListModel *pods = model;
    auto webRow = [&]() -> int {
        for (int r = 0; r < pods->rowCount(); ++r)
            if (pods->index(r, 0)
                    .data(PodListModel::KeyRole)
                    .toString()
                    .startsWith(QLatin1String("joledev/web-")))
                return r;
        return -1;
    };
    QVERIFY(webRow() >= 0);
    const QModelIndex cpu0 = pods->index(webRow(), PodListModel::Cpu);
    QVERIFY2(cpu0.data().toString() != QStringLiteral("—"), qPrintable(cpu0.data().toString()));
    cluster::ClusterTab *nodesTab = cv->page(cluster::ClusterViews::Nodes);
    QVERIFY(nodesTab);
    const int nodesIdx = probe::tabs(&w)->indexOf(nodesTab);
    QVERIFY(nodesIdx > 0);
    QCOMPARE(probe::tabs(&w)->tabText(nodesIdx), QStringLiteral("Nodes (1)"));
    QVERIFY(!nodesTab->banner()->isVisibleTo(nodesTab));

    QVERIFY(sb.ctl({QStringLiteral("metrics"), QStringLiteral("off")}));
    QVERIFY(sb.ctl({QStringLiteral("node-notready")}));
    const qsizetype before = applied.count();
    session.cluster()->poller()->pollNow();
    QTRY_VERIFY_WITH_TIMEOUT(applied.count() > before, kConnectTimeoutMs);
    QVERIFY(!cv->snapshot().metricsAvailable);

    // Usage: a dash, and a tooltip that says why.
    for (int col : {int(PodListModel::Cpu), int(PodListModel::Memory)}) {
        const QModelIndex i = pods->index(webRow(), col);
        QCOMPARE(i.data().toString(), QStringLiteral("—"));
        const QString tip = i.data(Qt::ToolTipRole).toString();
        QVERIFY2(tip.startsWith(QStringLiteral("No usage")), qPrintable(tip));
    }
    // Nodes: counted, labelled NotReady, and a banner saying what to check.
    QCOMPARE(probe::tabs(&w)->tabText(nodesIdx), QStringLiteral("Nodes (1, 1 not ready)"));
    const QAbstractItemModel *nodes = cv->nodes();
    QCOMPARE(nodes->rowCount(), 1);
    QVERIFY2(nodes->index(0, cluster::NodeListModel::Status)
                 .data()
                 .toString()
                 .contains(QStringLiteral("NotReady")),
             qPrintable(nodes->index(0, cluster::NodeListModel::Status).data().toString()));
    QVERIFY(nodesTab->banner()->isVisibleTo(nodesTab));
    QVERIFY2(nodesTab->banner()->message().contains(QStringLiteral("NotReady")),
             qPrintable(nodesTab->banner()->message()));
    QVERIFY2(nodesTab->banner()->hint().contains(QStringLiteral("systemctl status k3s")),
             qPrintable(nodesTab->banner()->hint()));
    // The pods themselves are current: no stale banner on the Pods view.
    QVERIFY(!probe::banner(&w)->isVisible());
    QVERIFY(!session.isStale());
    probe::tabs(&w)->setCurrentIndex(nodesIdx);
    QTest::qWait(50);
    QVERIFY(w.grab().save(outputPath(QStringLiteral("main-window-node-notready.png"))));
    probe::tabs(&w)->setCurrentIndex(0);

    // Metrics back, node Ready: the numbers return, the count and the banner clear.
    QVERIFY(sb.ctl({QStringLiteral("metrics"), QStringLiteral("on")}));
    QVERIFY(sb.ctl({QStringLiteral("node-ready")}));
    // Known-missing metrics are asked for again only every kMetricsRetryRounds rounds (bounded).
    for (int round = 0; round <= kube::ClusterPoller::kMetricsRetryRounds && !cv->snapshot().metricsAvailable;
         ++round) {
        const qsizetype before2 = applied.count();
        session.cluster()->poller()->pollNow();
        QTRY_VERIFY_WITH_TIMEOUT(applied.count() > before2, kConnectTimeoutMs);
    }
    QVERIFY(cv->snapshot().metricsAvailable);
    QVERIFY(pods->index(webRow(), PodListModel::Cpu).data().toString() != QStringLiteral("—"));
    QCOMPARE(probe::tabs(&w)->tabText(nodesIdx), QStringLiteral("Nodes (1)"));
    QVERIFY(!nodesTab->banner()->isVisibleTo(nodesTab));
}

// Events stream live while the Events tab (or a pod's Events tab) is shown, and
// only then: the round is pushed 10 minutes away, so only the watch can bring a
// new event; leaving the tabs ends the events kubectl after the linger.
void TestClusterViewsSandbox::eventsLiveWhileShown()
{
    test::Sandbox sb;
    QVERIFY2(sb.start(QStringLiteral("joledev")), qPrintable(sb.errorString()));
    session::Session session;
    MainWindow w(&session);
    PodListModel *model = probe::podModel(&w);
    QVERIFY(model);
    w.resize(1100, 560);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    cluster::ClusterViews *cv = probe::clusterViews(&w);
    QVERIFY(cv);
    session.cluster()->setEventsLinger(300);
    QSignalSpy applied(cv, &cluster::ClusterViews::snapshotApplied);
    const QString why = connectSession(session, sb);
    QVERIFY2(why.isEmpty(), qPrintable(why));
    QTRY_VERIFY_WITH_TIMEOUT(applied.count() > 0, kConnectTimeoutMs);
    QVERIFY(cv->snapshot().eventsIncluded);
    session.cluster()->poller()->setInterval(600000);
    const QString eventsWatch = QStringLiteral("/api/v1/events?watch=1");
    const QString kubectl = QStringLiteral("kubectl");
    // On the Pods view: no events watch, events from the round.
    QVERIFY(!cv->eventsLive());
    QCOMPARE(sb.remoteProcessCount(eventsWatch, kubectl), 0);

    auto eventRows = [&](const QString &reason) {
        int n = 0;
        const QAbstractItemModel *m = cv->events();
        for (int r = 0; r < m->rowCount(); ++r)
            n += m->index(r, cluster::EventListModel::Reason).data().toString() == reason;
        return n;
    };
    cluster::ClusterTab *eventsTab = cv->page(cluster::ClusterViews::Events);
    probe::tabs(&w)->setCurrentWidget(eventsTab);
    QTRY_VERIFY_WITH_TIMEOUT(cv->eventsLive(), kConnectTimeoutMs);
    QVERIFY(QTest::qWaitFor([&] { return sb.remoteProcessCount(eventsWatch, kubectl) == 1; }, 10000));
    const int countBefore = cv->events()->rowCount();
    QVERIFY(countBefore > 0); // the watch's list replaced the round's, nothing lost
    QVERIFY2(probe::tabs(&w)->tabToolTip(probe::tabs(&w)->indexOf(eventsTab)).startsWith(QStringLiteral("Live")),
             qPrintable(probe::tabs(&w)->tabToolTip(probe::tabs(&w)->indexOf(eventsTab))));
    QVERIFY(sb.ctl({QStringLiteral("event"), QStringLiteral("--namespace"), QStringLiteral("joledev"),
                    QStringLiteral("--pod"), QStringLiteral("web"), QStringLiteral("--reason"),
                    QStringLiteral("VigiaLiveOne"), QStringLiteral("--message"),
                    QStringLiteral("Readiness probe failed: live test")}));
    QTRY_COMPARE_WITH_TIMEOUT(eventRows(QStringLiteral("VigiaLiveOne")), 1, 10000);
    QVERIFY(cv->events()->rowCount() >= countBefore + 1); // the simulator may add its own meanwhile
    QVERIFY(w.grab().save(outputPath(QStringLiteral("main-window-events-live.png"))));
    QCOMPARE(probe::tabs(&w)->tabText(probe::tabs(&w)->indexOf(eventsTab)), cv->tabTitle(cluster::ClusterViews::Events));
    QVERIFY2(probe::tabs(&w)->tabText(probe::tabs(&w)->indexOf(eventsTab)).contains(QString::number(cv->events()->rowCount())),
             qPrintable(probe::tabs(&w)->tabText(probe::tabs(&w)->indexOf(eventsTab))));
    // A round meanwhile leaves events out and keeps the live ones.
    const qsizetype before = applied.count();
    session.cluster()->poller()->pollNow();
    QTRY_VERIFY_WITH_TIMEOUT(applied.count() > before, kConnectTimeoutMs);
    QVERIFY(!applied.last().first().value<kube::ClusterSnapshot>().eventsIncluded);
    QCOMPARE(eventRows(QStringLiteral("VigiaLiveOne")), 1);
    QTRY_VERIFY_WITH_TIMEOUT(cv->eventsLive(), 10000); // resumed after the round

    // Back to Pods: the events kubectl ends after the linger. (Wait for the watch
    // to be running again after the round first: eventsLive() stays true across a
    // pause, while its kubectl is restarting.)
    QVERIFY(QTest::qWaitFor([&] { return sb.remoteProcessCount(eventsWatch, kubectl) == 1; }, 10000));
    probe::tabs(&w)->setCurrentIndex(0);
    QTRY_VERIFY_WITH_TIMEOUT(!session.cluster()->eventsWatcher(), 10000);
    QVERIFY(!cv->eventsLive());
    QVERIFY(QTest::qWaitFor([&] { return sb.remoteProcessCount(eventsWatch, kubectl) == 0; }, 10000));
    QTest::qWait(400);
    QCOMPARE(sb.remoteProcessCount(eventsWatch, kubectl), 0); // and nothing starts it again
    QVERIFY(probe::tabs(&w)->tabToolTip(probe::tabs(&w)->indexOf(eventsTab)).startsWith(QStringLiteral("Read every 30 s")));

    // A pod's own Events tab is live too.
    QTableView *pv = probe::podTable(&w);
    int webRow = -1;
    for (int r = 0; r < pv->model()->rowCount(); ++r)
        if (pv->model()->index(r, 0).data(PodListModel::KeyRole).toString().startsWith(QLatin1String("joledev/web-")))
            webRow = r;
    QVERIFY(webRow >= 0);
    pv->setCurrentIndex(pv->model()->index(webRow, 0));
    cluster::PodDetailsPane *details = probe::podDetails(&w);
    QTRY_VERIFY(!details->isHidden());
    const int podEventsBefore = details->eventCount();
    details->tabs()->setCurrentIndex(cluster::PodDetailsPane::EventsTab);
    QTRY_VERIFY_WITH_TIMEOUT(cv->eventsLive(), kConnectTimeoutMs);
    QVERIFY(sb.ctl({QStringLiteral("event"), QStringLiteral("--namespace"), QStringLiteral("joledev"),
                    QStringLiteral("--pod"), QStringLiteral("web"), QStringLiteral("--reason"),
                    QStringLiteral("VigiaLiveTwo"), QStringLiteral("--message"), QStringLiteral("Back-off")}));
    QTRY_VERIFY_WITH_TIMEOUT(details->eventCount() >= podEventsBefore + 1, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(eventRows(QStringLiteral("VigiaLiveTwo")), 1, 10000);
    details->tabs()->setCurrentIndex(cluster::PodDetailsPane::OverviewTab);
    QTRY_VERIFY_WITH_TIMEOUT(!session.cluster()->eventsWatcher(), 10000);
    QVERIFY(QTest::qWaitFor([&] { return sb.remoteProcessCount(eventsWatch, kubectl) == 0; }, 10000));
}

QTEST_MAIN(TestClusterViewsSandbox)
#include "test_cluster_views_sandbox.moc"
