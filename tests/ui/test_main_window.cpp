// MainWindow offline: the shell around an unconnected Session, reached by objectName
// (tests/common/WindowProbe.h) as a person would find things on screen.
#include "MainWindow.h"
#include "PodFilterProxyModel.h"
#include "PodFixtures.h"
#include "PodListModel.h"
#include "WindowProbe.h"
#include "cluster/ClusterFilterProxyModel.h"
#include "cluster/ClusterTab.h"
#include "cluster/ClusterViews.h"
#include "cluster/DeploymentListModel.h"
#include "kube/ClusterParsers.h"
#include "session/ClusterFeed.h"
#include "session/Session.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QSet>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTest>

using namespace vigia;
using vigia::test::fixtureNow;
using vigia::test::joledevPods;
using vigia::test::makePod;
namespace probe = vigia::test::probe;

namespace {
QString outputPath(const QString &file)
{
    return QStringLiteral(VIGIA_UI_TEST_OUTPUT_DIR "/") + file;
}

kube::ClusterSnapshot workloadSnapshot()
{
    QFile f(QStringLiteral(VIGIA_SHARED_TEST_DATA_DIR "/workloads-joledev.json"));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    kube::ClusterSnapshot snapshot;
    snapshot.workloads = kube::parseWorkloadList(f.readAll()).value();
    snapshot.metricsAvailable = false;
    snapshot.metricsProblem = QStringLiteral("metrics-server is not installed");
    snapshot.fetchedAt = QDateTime::currentDateTimeUtc();
    return snapshot;
}
} // namespace

class TestMainWindow : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void rendersAndFocusesThePodTable();
    void slashFocusesFilter();
    void podNamespaceChoice();
    void staleBanner();
    void tabTitleCountsFailing();
    void podTableActionsFollowSelection();
    void deploymentActionsFollowSelection();
};

void TestMainWindow::initTestCase()
{
    QVERIFY2(QFile::exists(QStringLiteral(":/vigia/icons/status-error.svg")), "resources not linked");
}

void TestMainWindow::rendersAndFocusesThePodTable()
{
    session::Session session;
    MainWindow w(&session);
    PodListModel *model = probe::podModel(&w);
    QTableView *table = probe::podTable(&w);
    QTabWidget *tabs = probe::tabs(&w);
    QVERIFY(model && table && tabs);
    model->setNow(fixtureNow());
    w.resize(1100, 560);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    // At launch the keys reach the pod table without a click.
    QVERIFY(QTest::qWaitForWindowActive(&w));
    QCOMPARE(QApplication::focusWidget(), static_cast<QWidget *>(table));
    QCOMPARE(tabs->tabText(0), QStringLiteral("Pods (0)"));
    QCOMPARE(tabs->widget(0), static_cast<QWidget *>(probe::podsPage(&w)));

    model->setPods(joledevPods(true));
    QCOMPARE(tabs->tabText(0), QStringLiteral("Pods (9, 1 failing)"));
    QCOMPARE(table->model()->rowCount(), 4); // kube-system is one toggle away
    // Problems first by default.
    QCOMPARE(table->model()->index(0, PodListModel::Status).data().toString(), QStringLiteral("CrashLoopBackOff"));
    QLabel *badge = probe::readOnlyBadge(&w);
    QFrame *banner = probe::banner(&w);
    QVERIFY(badge && banner);
    QVERIFY(!badge->isVisible());
    QVERIFY(!banner->isVisible());
    QLabel *state = probe::stateLabel(&w);
    QVERIFY(state);
    QVERIFY2(state->text().contains(QStringLiteral("Not connected")), qPrintable(state->text()));

    const QImage img = w.grab().toImage();
    QVERIFY(!img.isNull());
    QCOMPARE(img.size(), w.size() * img.devicePixelRatio());
    QVERIFY(img.save(outputPath(QStringLiteral("main-window.png"))));
    // Something was painted: not a blank window.
    QSet<QRgb> colours;
    for (int y = 0; y < img.height(); y += 7)
        for (int x = 0; x < img.width(); x += 7)
            colours.insert(img.pixel(x, y));
    QVERIFY(colours.size() > 10);
}

void TestMainWindow::slashFocusesFilter()
{
    session::Session session;
    MainWindow w(&session);
    PodListModel *model = probe::podModel(&w);
    QTableView *table = probe::podTable(&w);
    QLineEdit *filter = probe::podFilter(&w);
    QComboBox *box = probe::podNamespaceBox(&w);
    QVERIFY(model && table && filter && box);
    model->setPods(joledevPods(true));
    box->setCurrentIndex(box->findData(PodFilterProxyModel::kAll));
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QApplication::setActiveWindow(&w);
    table->setFocus();
    QVERIFY(!filter->hasFocus());
    QTest::keyClick(table, Qt::Key_Slash);
    QTRY_VERIFY_WITH_TIMEOUT(filter->hasFocus(), 2000);
    QTest::keyClicks(filter, QStringLiteral("kube-sys"));
    QCOMPARE(filter->text(), QStringLiteral("kube-sys"));
    QCOMPARE(table->model()->rowCount(), 5);
    // A slash typed in the filter is text, not the shortcut.
    QTest::keyClick(filter, Qt::Key_Slash);
    QCOMPARE(filter->text(), QStringLiteral("kube-sys/"));
    QTest::keyClick(filter, Qt::Key_Escape);
    QCOMPARE(filter->text(), QString());
    QCOMPARE(table->model()->rowCount(), 9);
    // Escape gives the table the keyboard back.
    QTRY_VERIFY_WITH_TIMEOUT(table->hasFocus(), 2000);
}

// "All but kube-system" by default, with a toggle; the tab title still counts and
// flags every pod, hidden ones included, so a failing system pod is never silent.
void TestMainWindow::podNamespaceChoice()
{
    session::Session session;
    MainWindow w(&session);
    PodListModel *model = probe::podModel(&w);
    QComboBox *box = probe::podNamespaceBox(&w);
    QTableView *table = probe::podTable(&w);
    QLineEdit *filter = probe::podFilter(&w);
    QVERIFY(model && box && table && filter);
    QList<kube::PodInfo> pods = joledevPods(true);
    pods << makePod(QStringLiteral("kube-system"), QStringLiteral("coredns-broken"),
                    QStringLiteral("CrashLoopBackOff"), 0, 1, 4, 86400, 60);
    model->setPods(pods);
    QCOMPARE(box->currentText(), QStringLiteral("All but kube-system"));
    QAbstractItemModel *view = table->model();
    int system = 0;
    for (const kube::PodInfo &p : std::as_const(pods))
        system += p.ns == QLatin1String("kube-system") ? 1 : 0;
    QVERIFY(system > 0);
    QCOMPARE(view->rowCount(), pods.size() - system);
    for (int r = 0; r < view->rowCount(); ++r)
        QVERIFY(view->index(r, PodListModel::Namespace).data().toString() != QLatin1String("kube-system"));
    QCOMPARE(probe::tabs(&w)->tabText(0), QStringLiteral("Pods (%1, 2 failing)").arg(pods.size()));
    // The toggle: everything.
    box->setCurrentIndex(box->findData(PodFilterProxyModel::kAll));
    QCOMPARE(view->rowCount(), pods.size());
    // One namespace, listed from the pods themselves.
    const int ks = box->findData(QStringLiteral("kube-system"));
    QVERIFY(ks >= 2);
    QVERIFY(box->findData(QStringLiteral("joledev")) >= 2);
    box->setCurrentIndex(ks);
    QCOMPARE(view->rowCount(), system);
    // Problems first within it: the broken coredns on top.
    QCOMPARE(view->index(0, PodListModel::Name).data().toString(), QStringLiteral("coredns-broken"));
    // The text filter still narrows inside the choice.
    filter->setText(QStringLiteral("coredns-6799"));
    QCOMPARE(view->rowCount(), 1);
}

void TestMainWindow::staleBanner()
{
    session::Session session;
    MainWindow w(&session);
    PodListModel *model = probe::podModel(&w);
    QComboBox *box = probe::podNamespaceBox(&w);
    QFrame *banner = probe::banner(&w);
    QLabel *text = probe::bannerText(&w);
    QPushButton *retry = probe::bannerRetry(&w);
    QVERIFY(model && box && banner && text && retry);
    box->setCurrentIndex(box->findData(PodFilterProxyModel::kAll));
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    model->setPods(joledevPods(false));
    QVERIFY(!banner->isVisible());
    // A failed refresh keeps the rows and says so (as the session reports it).
    emit session.podsFailed(makeError(QStringLiteral("The connection to the K3s API was refused."),
                                      QStringLiteral("Check that k3s is running: sudo systemctl status k3s"),
                                      QStringLiteral("kube.refused")));
    QVERIFY(banner->isVisible());
    QVERIFY(text->text().contains(QStringLiteral("refused")));
    QVERIFY(text->text().contains(QStringLiteral("systemctl")));
    // The pod list failed, not the connection: the button lists the pods again.
    QVERIFY(retry->isVisible());
    QCOMPARE(retry->text(), QStringLiteral("Retry"));
    QCOMPARE(probe::podTable(&w)->model()->rowCount(), 9);
    emit session.podsUpdated(QDateTime::currentDateTime());
    QVERIFY(!banner->isVisible());
}

void TestMainWindow::tabTitleCountsFailing()
{
    QCOMPARE(ui::PodsPage::tabTitle(0, 0), QStringLiteral("Pods (0)"));
    QCOMPARE(ui::PodsPage::tabTitle(9, 0), QStringLiteral("Pods (9)"));
    QCOMPARE(ui::PodsPage::tabTitle(9, 2), QStringLiteral("Pods (9, 2 failing)"));
}

void TestMainWindow::podTableActionsFollowSelection()
{
    // Not connected: logs can open (they wait for a transport), actions cannot be sent.
    session::Session session;
    MainWindow w(&session);
    PodListModel *model = probe::podModel(&w);
    QTableView *table = probe::podTable(&w);
    ui::PodsPage *pods = probe::podsPage(&w);
    QTabWidget *tabs = probe::tabs(&w);
    QVERIFY(model && table && pods && tabs);
    QList<kube::PodInfo> withOwner = joledevPods(true);
    for (kube::PodInfo &p : withOwner)
        if (p.name.startsWith(QLatin1String("api-scheduler-"))) {
            p.ownerKind = QStringLiteral("ReplicaSet"); // as the API says for a Deployment's pod
            p.ownerName = QStringLiteral("api-scheduler-7f6d5c4b9");
        }
    model->setPods(withOwner);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QAction *logs = probe::action(&w, QStringLiteral("podLogsAction"));
    QAction *previous = probe::action(&w, QStringLiteral("podPreviousLogsAction"));
    QAction *restart = probe::action(&w, QStringLiteral("restartAction"));
    QAction *del = probe::action(&w, QStringLiteral("deletePodAction"));
    QVERIFY(logs && previous && restart && del);
    // The focused table makes its first row current at once (keys work at launch); with no
    // current pod, logs cannot open.
    table->setCurrentIndex(QModelIndex());
    QVERIFY(!pods->selectedPod());
    QVERIFY(!logs->isEnabled());
    // Problems first: row 0 is the crash-looping pod, which has restarted.
    table->setCurrentIndex(table->model()->index(0, 0));
    QVERIFY(pods->selectedPod());
    QVERIFY(pods->selectedPod()->restarts > 0);
    QVERIFY(logs->isEnabled());
    QVERIFY(previous->isEnabled());
    QVERIFY(!restart->isEnabled());
    QVERIFY(!del->isEnabled());
    QCOMPARE(restart->text(), QStringLiteral("&Restart owner"));
    ui::WorkloadActions *router = probe::workloadActions(&w);
    QVERIFY(router);
    QCOMPARE(router->controller(), nullptr);
    // What a restart would ask, though it cannot be sent yet: the owner of the selected pod.
    const Result<actions::ActionSpec> spec = pods->actionSpec(actions::ActionKind::Restart);
    QVERIFY2(spec.ok(), qPrintable(spec.ok() ? QString() : spec.error().message));
    QCOMPARE(spec->objectKind, actions::ObjectKind::Deployment);
    QCOMPARE(spec->objectName, QStringLiteral("api-scheduler"));
    // Tabs: Pods first, then the cluster tabs, then the workspace, Activity last.
    QWidget *logsTab = probe::page(&w, QStringLiteral("logsTab"));
    QWidget *dataTab = probe::page(&w, QStringLiteral("dataTab"));
    QWidget *capacityTab = probe::page(&w, QStringLiteral("capacityTab"));
    QWidget *activityTab = probe::page(&w, QStringLiteral("activityTab"));
    QVERIFY(logsTab && dataTab && capacityTab && activityTab);
    QCOMPARE(tabs->indexOf(pods), 0);
    QVERIFY(tabs->tabText(1).startsWith(QStringLiteral("Deployments")));
    QVERIFY(tabs->tabText(2).startsWith(QStringLiteral("Nodes")));
    QVERIFY(tabs->tabText(3).startsWith(QStringLiteral("Events")));
    QCOMPARE(tabs->indexOf(logsTab), 4);
    QVERIFY(tabs->indexOf(dataTab) > tabs->indexOf(logsTab));
    QVERIFY(tabs->indexOf(capacityTab) > tabs->indexOf(dataTab));
    QCOMPARE(tabs->indexOf(activityTab), tabs->count() - 1);
    // L opens the selected pod's log in the Logs tab, waiting for a transport.
    QVERIFY(probe::trigger(&w, QStringLiteral("podLogsAction")));
    QCOMPARE(tabs->currentWidget(), logsTab);
    logs::LogPanel *panel = probe::logPanel(&w);
    QVERIFY(panel);
    QCOMPARE(panel->pageCount(), 1);
    QCOMPARE(tabs->tabText(tabs->indexOf(logsTab)), QStringLiteral("Logs (1)"));
}

void TestMainWindow::deploymentActionsFollowSelection()
{
    const kube::ClusterSnapshot snapshot = workloadSnapshot();
    QVERIFY(!snapshot.workloads.isEmpty());

    // Not connected: the actions exist and follow the selection, but stay disabled.
    session::Session session;
    MainWindow w(&session);
    PodListModel *model = probe::podModel(&w);
    QTableView *table = probe::podTable(&w);
    cluster::ClusterViews *cv = probe::clusterViews(&w);
    QVERIFY(model && table && cv);
    model->setPods(joledevPods(true));
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    // A round arrives, as the session's ClusterFeed hands it over.
    emit session.cluster()->updated(snapshot);
    // The snapshot's (missing) usage reached the pod table.
    QCOMPARE(table->model()->index(0, PodListModel::Cpu).data().toString(), QStringLiteral("—"));
    QVERIFY(table->model()
                ->index(0, PodListModel::Cpu)
                .data(Qt::ToolTipRole)
                .toString()
                .contains(QStringLiteral("metrics-server")));
    QCOMPARE(cv->deployments()->rowCount(), snapshot.workloads.size());

    cluster::ClusterTab *page = cv->page(cluster::ClusterViews::Deployments);
    QVERIFY(page);
    QCOMPARE(page->view()->contextMenuPolicy(), Qt::CustomContextMenu);
    QAction *restart = probe::action(&w, QStringLiteral("restartAction"));
    QAction *undo = probe::action(&w, QStringLiteral("undoAction"));
    QAction *scale = probe::action(&w, QStringLiteral("scaleAction"));
    QAction *del = probe::action(&w, QStringLiteral("deletePodAction"));
    QVERIFY(restart && undo && scale && del);
    QVERIFY(probe::showPage(&w, page));
    QVERIFY(!cv->selectedWorkload());
    QCOMPARE(restart->text(), QStringLiteral("&Restart"));
    QVERIFY(!del->isEnabled());

    auto select = [&](const QString &kind, const QString &name) -> const kube::WorkloadInfo * {
        QAbstractItemModel *m = page->view()->model();
        for (int r = 0; r < m->rowCount(); ++r) {
            const QModelIndex src = page->proxy()->mapToSource(m->index(r, 0));
            const kube::WorkloadInfo *wl = cv->deployments()->itemAt(src.row());
            if (wl && wl->kind == kind && wl->name == name) {
                page->view()->setCurrentIndex(m->index(r, 0));
                return cv->selectedWorkload();
            }
        }
        return nullptr;
    };
    const kube::WorkloadInfo *web = select(QStringLiteral("Deployment"), QStringLiteral("web"));
    QVERIFY(web);
    QCOMPARE(web->ns, QStringLiteral("joledev"));
    QVERIFY(!restart->isEnabled());
    QVERIFY(!undo->isEnabled());
    QVERIFY(!scale->isEnabled());
    // The page offers the workload itself to the toolbar.
    const Result<actions::ActionSpec> spec = cv->actionSpec(actions::ActionKind::Restart);
    QVERIFY(spec.ok());
    QCOMPARE(spec->objectKind, actions::ObjectKind::Deployment);
    QCOMPARE(spec->objectName, QStringLiteral("web"));
    QCOMPARE(spec->namespaceName, QStringLiteral("joledev"));
    QVERIFY(!cv->actionSpec(actions::ActionKind::DeletePod).ok());

    // A DaemonSet restarts and undoes, but has no replica count to scale (the "All namespaces"
    // choice shows kube-system).
    page->namespaceBox()->setCurrentIndex(1);
    const kube::WorkloadInfo *ds = select(QStringLiteral("DaemonSet"), QStringLiteral("svclb-traefik-5d3f5d0a"));
    QVERIFY(ds);
    QCOMPARE(ds->ns, QStringLiteral("kube-system"));
    QVERIFY(cv->actionSpec(actions::ActionKind::Restart).ok());
    QVERIFY(!cv->actionSpec(actions::ActionKind::Scale).ok());

    // Back on Pods: the actions act on the selected pod's owner again.
    QVERIFY(probe::showPage(&w, QStringLiteral("podsTab")));
    QCOMPARE(restart->text(), QStringLiteral("&Restart owner"));
}

QTEST_MAIN(TestMainWindow)
#include "test_main_window.moc"
