// The cluster views: models under QAbstractItemModelTester, in-place updates
// that keep selection and scroll, banners, tab titles, the pod details pane,
// and a rendering of every page from recorded data (VIGIA_SCREENSHOT=path saves it).
#include "cluster/ClusterFilterProxyModel.h"
#include "cluster/ClusterTab.h"
#include "cluster/ClusterViews.h"
#include "cluster/DeploymentListModel.h"
#include "cluster/EventListModel.h"
#include "cluster/NodeListModel.h"
#include "cluster/PodDetailsPane.h"
#include "cluster/StaleBanner.h"
#include "kube/ClusterParsers.h"
#include "kube/ResourceWatcher.h"
#include "remote/KubectlRunner.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QFontInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLineEdit>
#include <QPainter>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QAction>
#include <QClipboard>
#include <QGuiApplication>
#include <QLabel>
#include <QtTest>

using namespace vigia;
using namespace vigia::cluster;

namespace {

QByteArray readData(const char *name)
{
    QFile f(QStringLiteral(VIGIA_SHARED_TEST_DATA_DIR "/") + QLatin1String(name));
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot read test data %s", name);
    return f.readAll();
}

kube::ClusterSnapshot recordedSnapshot()
{
    kube::ClusterSnapshot s;
    s.workloads = kube::parseWorkloadList(readData("workloads-joledev.json")).value();
    s.nodes = kube::parseNodeList(readData("nodes-joledev.json")).value();
    s.events = kube::parseEventList(readData("events-joledev.json")).value();
    s.podUsage = kube::parsePodMetrics(readData("podmetrics.json")).value();
    const auto nodeUse = kube::parseNodeMetrics(readData("nodemetrics.json")).value();
    for (kube::NodeInfo &n : s.nodes) {
        n.cpuUsageMilli = nodeUse.value(n.name).cpuMilli;
        n.memoryUsageBytes = nodeUse.value(n.name).memoryBytes;
    }
    s.metricsAvailable = true;
    s.fetchedAt = QDateTime::currentDateTimeUtc();
    return s;
}

QList<kube::EventInfo> manyEvents(int n, int generation)
{
    QList<kube::EventInfo> out;
    const QDateTime base(QDate(2026, 11, 27), QTime(8, 0), Qt::UTC);
    for (int i = 0; i < n; ++i) {
        kube::EventInfo e;
        e.uid = QStringLiteral("uid-%1").arg(i);
        e.ns = QStringLiteral("ns%1").arg(i % 7);
        e.name = QStringLiteral("ev-%1").arg(i);
        e.type = i % 50 == 0 ? QStringLiteral("Warning") : QStringLiteral("Normal");
        e.reason = QStringLiteral("Pulled");
        e.objectKind = QStringLiteral("Pod");
        e.objectName = QStringLiteral("pod-%1").arg(i);
        e.message = QStringLiteral("message %1 generation %2").arg(i).arg(generation);
        e.count = 1 + generation;
        e.lastSeen = base.addSecs(-i); // fixed: sorting by last seen keeps rows in place
        out << e;
    }
    return out;
}

} // namespace

class TestClusterUi : public QObject {
    Q_OBJECT
private slots:
    void modelsPassTester();
    void updatesAreInPlace();
    void selectionAndScrollSurviveBurst();
    void filterNamespaceAndProblemsFirst();
    void bannerTexts();
    void viewsTitlesAndBanners();
    void podDetails();
    void renderPages();
};

void TestClusterUi::modelsPassTester()
{
    const kube::ClusterSnapshot s = recordedSnapshot();
    DeploymentListModel d;
    NodeListModel n;
    EventListModel e;
    ClusterFilterProxyModel pd, pn, pe;
    pd.setSourceModel(&d);
    pn.setSourceModel(&n);
    pe.setSourceModel(&e);
    pd.sort(0);
    pe.sort(EventListModel::LastSeen);
    QAbstractItemModelTester t1(&d, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester t2(&n, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester t3(&e, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester t4(&pd, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester t5(&pe, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester t6(&pn, QAbstractItemModelTester::FailureReportingMode::QtTest);
    d.setItems(s.workloads);
    n.setItems(s.nodes);
    e.setItems(s.events);
    QCOMPARE(d.rowCount(), 9);
    QCOMPARE(e.rowCount(), 27);
    // Change, remove and add in one go.
    QList<kube::WorkloadInfo> w = s.workloads;
    w[0].ready = 0;
    w[0].problem = QStringLiteral("0/1 ready");
    w.removeAt(3);
    w.removeAt(5);
    kube::WorkloadInfo extra = w.first();
    extra.name = QStringLiteral("new-one");
    w << extra;
    d.setItems(w);
    QCOMPARE(d.rowCount(), 8);
    QVERIFY(d.rowOfKey(extra.key()) >= 0);
    QList<kube::NodeInfo> nodes = s.nodes;
    nodes[0].ready = false;
    nodes[0].status = QStringLiteral("NotReady");
    n.setItems(nodes);
    n.setMetricsProblem(QStringLiteral("metrics-server missing"));
    e.setItems(s.events.mid(5, 10));
    e.setItems({});
    d.setItems({});
    QCOMPARE(d.rowCount(), 0);
    for (int c = 0; c < NodeListModel::ColumnCount; ++c)
        QVERIFY(!n.headerData(c, Qt::Horizontal).toString().isEmpty());
}

void TestClusterUi::updatesAreInPlace()
{
    EventListModel m;
    m.setItems(manyEvents(100, 0));
    QSignalSpy reset(&m, &QAbstractItemModel::modelReset);
    QSignalSpy changed(&m, &QAbstractItemModel::dataChanged);
    QSignalSpy removed(&m, &QAbstractItemModel::rowsRemoved);
    QSignalSpy inserted(&m, &QAbstractItemModel::rowsInserted);
    QList<kube::EventInfo> next = manyEvents(100, 0);
    next[10].count = 99;
    next[11].count = 99;
    next[50].message = QStringLiteral("changed");
    next.removeAt(70);
    next << manyEvents(101, 0).last();
    m.setItems(next);
    QCOMPARE(reset.size(), 0);
    QCOMPARE(changed.size(), 2); // rows 10-11 as one run, row 50
    QCOMPARE(removed.size(), 1);
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(m.rowCount(), 100);
    QCOMPARE(m.itemAt(m.rowOfKey(QStringLiteral("uid-10")))->count, 99);
    changed.clear();
    m.setItems(next); // nothing new: no signal at all
    QCOMPARE(changed.size(), 0);
}

void TestClusterUi::selectionAndScrollSurviveBurst()
{
    auto *model = new EventListModel;
    ClusterTab tab(model, true, EventListModel::LastSeen);
    model->setParent(&tab);
    tab.proxy()->setHideSystem(false);
    tab.resize(900, 400);
    tab.show();
    QVERIFY(QTest::qWaitForWindowExposed(&tab));
    model->setItems(manyEvents(600, 0));
    QTableView *v = tab.view();
    const QModelIndex target = tab.proxy()->index(300, 0);
    const QString key = target.data(KeyRole).toString();
    v->selectionModel()->setCurrentIndex(target,
                                         QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    v->scrollTo(target, QAbstractItemView::PositionAtCenter);
    const int scroll = v->verticalScrollBar()->value();
    QVERIFY(scroll > 0);
    // A burst: 50 rounds of updates to every row, plus rows coming and going at the far end.
    for (int round = 1; round <= 50; ++round) {
        QList<kube::EventInfo> next = manyEvents(600, round);
        if (round % 2)
            next << manyEvents(610, round).mid(600);
        model->setItems(next);
        QCoreApplication::processEvents();
    }
    QCOMPARE(v->verticalScrollBar()->value(), scroll);
    const QModelIndexList sel = v->selectionModel()->selectedRows();
    QCOMPARE(sel.size(), 1);
    QCOMPARE(sel.first().data(KeyRole).toString(), key);
    QCOMPARE(v->currentIndex().data(KeyRole).toString(), key);
    QVERIFY(sel.first()
                .siblingAtColumn(EventListModel::Message)
                .data()
                .toString()
                .contains(QStringLiteral("generation 50")));
}

void TestClusterUi::filterNamespaceAndProblemsFirst()
{
    const kube::ClusterSnapshot s = recordedSnapshot();
    ClusterViews views;
    views.applySnapshot(s);
    ClusterTab *dep = views.page(ClusterViews::Deployments);
    // Default: all but kube-system.
    QCOMPARE(dep->proxy()->rowCount(), 4);
    dep->namespaceBox()->setCurrentIndex(1); // all namespaces
    QCOMPARE(dep->proxy()->rowCount(), 9);
    const int ks = dep->namespaceBox()->findData(QStringLiteral("kube-system"));
    QVERIFY(ks >= 2);
    dep->namespaceBox()->setCurrentIndex(ks);
    QCOMPARE(dep->proxy()->rowCount(), 5);
    dep->namespaceBox()->setCurrentIndex(1);
    dep->filterEdit()->setText(QStringLiteral("TRAEFIK"));
    QCOMPARE(dep->proxy()->rowCount(), 2); // the Deployment and the svclb DaemonSet
    dep->filterEdit()->clear();
    // A failing workload goes first even though its name sorts last.
    kube::ClusterSnapshot bad = s;
    for (kube::WorkloadInfo &w : bad.workloads)
        if (w.name == QLatin1String("web")) {
            w.ready = 0;
            w.available = 0;
            w.problem = QStringLiteral("0/2 ready");
        }
    views.applySnapshot(bad);
    QCOMPARE(dep->proxy()->index(0, DeploymentListModel::Name).data().toString(), QStringLiteral("web"));
    QVERIFY(views.tabTitle(ClusterViews::Deployments).contains(QStringLiteral("1 failing")));
    dep->problemsFirstBox()->setChecked(false);
    QVERIFY(dep->proxy()->index(0, DeploymentListModel::Name).data().toString() != QLatin1String("web"));
    // Events: the warning first.
    ClusterTab *ev = views.page(ClusterViews::Events);
    ev->namespaceBox()->setCurrentIndex(1);
    QCOMPARE(ev->proxy()->index(0, EventListModel::Type).data().toString(), QStringLiteral("Warning"));
    // `/` focuses the filter.
    ev->show();
    ev->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(ev));
    ev->view()->setFocus();
    QTest::keyClick(ev->view(), Qt::Key_Slash);
    QTRY_VERIFY(ev->filterEdit()->hasFocus());
}

void TestClusterUi::bannerTexts()
{
    StaleBanner b;
    const QDateTime now = QDateTime::currentDateTime();
    const QDateTime at(now.date(), QTime(3, 12, 4));
    QCOMPARE(StaleBanner::staleTextFor(at, now),
             QStringLiteral("Showing the last good data from 03:12:04 (stale)."));
    QVERIFY(StaleBanner::staleTextFor(at.addDays(-2), now)
                .contains(at.addDays(-2).toString(QStringLiteral("yyyy-MM-dd"))));
    QCOMPARE(StaleBanner::staleTextFor(QDateTime(), now), QStringLiteral("No data has been received yet."));
    b.showProblem(makeError(QStringLiteral("The Kubernetes API at 127.0.0.1:6443 refused the connection."),
                            QStringLiteral("K3s is not running: check systemctl status k3s."),
                            QStringLiteral("kube.refused")),
                  at, StaleBanner::Level::Error, 4000);
    QVERIFY(!b.isHidden());
    QCOMPARE(b.message(),
             QStringLiteral("The Kubernetes API at 127.0.0.1:6443 refused the connection. Retrying in 4 s."));
    QCOMPARE(b.hint(), QStringLiteral("K3s is not running: check systemctl status k3s."));
    QCOMPARE(b.staleText(), QStringLiteral("Showing the last good data from 03:12:04 (stale)."));
    QSignalSpy retry(&b, &StaleBanner::retryRequested);
    QTest::mouseClick(b.findChild<QWidget *>(QStringLiteral("bannerRetry")), Qt::LeftButton);
    QCOMPARE(retry.size(), 1);
    b.clear();
    QVERIFY(b.isHidden());
    // Following a watcher that cannot reach anything: a banner with its error, then hidden when stopped.
    remote::KubectlRunner runner(nullptr);
    kube::ResourceWatcher w(&runner);
    w.setBackoff(30, 60);
    QObject::connect(&w, &kube::ResourceWatcher::stateChanged, &b, [&]() { b.showWatcher(w); });
    w.start();
    QTRY_VERIFY(!b.isHidden());
    QVERIFY(b.message().contains(QStringLiteral("no SSH connection")));
    QCOMPARE(b.staleText(), QStringLiteral("No data has been received yet."));
    w.stop();
    QVERIFY(b.isHidden());
}

void TestClusterUi::viewsTitlesAndBanners()
{
    kube::ClusterSnapshot s = recordedSnapshot();
    ClusterViews views;
    QSignalSpy titles(&views, &ClusterViews::titlesChanged);
    views.applySnapshot(s);
    QCOMPARE(titles.size(), 1);
    QCOMPARE(views.tabTitle(ClusterViews::Deployments), QStringLiteral("Deployments (9)"));
    QCOMPARE(views.tabTitle(ClusterViews::Nodes), QStringLiteral("Nodes (1)"));
    QCOMPARE(views.tabTitle(ClusterViews::Events), QStringLiteral("Events (27, 1 warning)"));
    QVERIFY(views.page(ClusterViews::Nodes)->banner()->isHidden());
    QVERIFY(views.nodes()->index(0, NodeListModel::Cpu).data().toString().contains(QStringLiteral("%")));
    // Node NotReady: a banner on the Nodes page, the row marked by icon and text.
    s.nodes[0].ready = false;
    s.nodes[0].status = QStringLiteral("NotReady");
    s.nodes[0].problem = QStringLiteral("NodeStatusUnknown");
    views.applySnapshot(s);
    StaleBanner *nb = views.page(ClusterViews::Nodes)->banner();
    QVERIFY(!nb->isHidden());
    QVERIFY(nb->message().contains(QStringLiteral("joledev-vps is NotReady")));
    QCOMPARE(views.tabTitle(ClusterViews::Nodes), QStringLiteral("Nodes (1, 1 not ready)"));
    QVERIFY(!views.nodes()->index(0, NodeListModel::Status).data(Qt::DecorationRole).value<QIcon>().isNull());
    // metrics-server missing: usage shows a dash with a tooltip that says why.
    s = recordedSnapshot();
    for (kube::NodeInfo &n : s.nodes) {
        n.cpuUsageMilli.reset();
        n.memoryUsageBytes.reset();
    }
    s.metricsAvailable = false;
    s.metricsProblem = QStringLiteral("metrics-server is not answering");
    views.applySnapshot(s);
    const QModelIndex cpu = views.nodes()->index(0, NodeListModel::Cpu);
    QCOMPARE(cpu.data().toString(), QStringLiteral("\u2014"));
    QVERIFY(cpu.data(Qt::ToolTipRole).toString().contains(QStringLiteral("metrics-server")));
    QVERIFY(nb->message().contains(QStringLiteral("usage are not available")));
    // A failed poll: every page says so and keeps its rows, stamped with the last good time.
    views.showStale(makeError(QStringLiteral("The Kubernetes API answered 500 (InternalError)."),
                              QStringLiteral("Retrying."), QStringLiteral("kube.server-error")));
    StaleBanner *db = views.page(ClusterViews::Deployments)->banner();
    QVERIFY(!db->isHidden());
    QVERIFY(db->message().contains(QStringLiteral("500")));
    QVERIFY(db->staleText().contains(s.fetchedAt.toLocalTime().toString(QStringLiteral("HH:mm:ss"))));
    QCOMPARE(views.deployments()->rowCount(), 9);
    views.applySnapshot(s);
    QVERIFY(db->isHidden());
}

void TestClusterUi::podDetails()
{
    const QJsonArray pods = QJsonDocument::fromJson(readData("pods-crashloop.json"))
                                .object()
                                .value(QStringLiteral("items"))
                                .toArray();
    QJsonObject scheduler;
    for (const QJsonValue &v : pods)
        if (v.toObject()
                .value(QStringLiteral("metadata"))
                .toObject()
                .value(QStringLiteral("name"))
                .toString()
                .startsWith(QLatin1String("api-scheduler")))
            scheduler = v.toObject();
    QVERIFY(!scheduler.isEmpty());
    const QString name =
        scheduler.value(QStringLiteral("metadata")).toObject().value(QStringLiteral("name")).toString();
    PodDetailsPane pane;
    pane.resize(900, 500);
    kube::EventInfo mine;
    mine.uid = QStringLiteral("e1");
    mine.ns = QStringLiteral("joledev");
    mine.type = QStringLiteral("Warning");
    mine.reason = QStringLiteral("BackOff");
    mine.objectKind = QStringLiteral("Pod");
    mine.objectName = name;
    mine.message = QStringLiteral("Back-off restarting failed container");
    kube::EventInfo other = mine;
    other.uid = QStringLiteral("e2");
    other.objectName = QStringLiteral("someone-else");
    pane.setEvents({mine, other});
    pane.setPod(scheduler);
    QCOMPARE(pane.podKey(), QStringLiteral("joledev/") + name);
    QCOMPARE(pane.eventCount(), 1);
    const QString text = pane.overviewText();
    QVERIFY2(text.contains(QStringLiteral("CrashLoopBackOff")), qPrintable(text));
    QVERIFY(text.contains(QStringLiteral("OOMKilled")));
    QVERIFY(text.contains(QStringLiteral("exit code 137")));
    QVERIFY(text.contains(QStringLiteral("(init)")));
    QVERIFY(text.contains(QStringLiteral("app=api-scheduler")));
    {
        // A 253-character name is elided in the header, whole in its tooltip and in Copy name.
        QJsonObject longPod = scheduler;
        QJsonObject meta = longPod.value(QStringLiteral("metadata")).toObject();
        const QString longName = QStringLiteral("x").repeated(240) + QStringLiteral("-7d9f8-abcde");
        meta.insert(QStringLiteral("name"), longName);
        longPod.insert(QStringLiteral("metadata"), meta);
        PodDetailsPane longPane;
        longPane.resize(400, 400);
        longPane.setPod(longPod);
        if (const QString out = qEnvironmentVariable("VIGIA_SCREENSHOT_LONG_NAME"); !out.isEmpty())
            longPane.grab().save(out);
        auto *header = longPane.findChild<QLabel *>(QStringLiteral("podHeader"));
        QVERIFY(header);
        QVERIFY(!header->text().contains(longName));
        QVERIFY(header->text().contains(QStringLiteral("7d9f8-abcde")));
        QVERIFY(header->toolTip().endsWith(longName));
        auto *copy = header->findChild<QAction *>(QStringLiteral("copyPodName"));
        QVERIFY(copy);
        copy->trigger();
        QCOMPARE(QGuiApplication::clipboard()->text(), longName);
    }
    // YAML: read-only, monospace, searchable; an update of the same pod keeps the tab.
    pane.tabs()->setCurrentIndex(PodDetailsPane::YamlTab);
    pane.setYaml(
        QStringLiteral("apiVersion: v1\nkind: Pod\nmetadata:\n  name: %1\nspec:\n  nodeName: joledev-vps\n")
            .arg(name));
    QVERIFY(pane.findInYaml(QStringLiteral("nodeName")));
    QVERIFY(!pane.findInYaml(QStringLiteral("no-such-text")));
    QJsonObject updated = scheduler;
    QJsonObject meta = updated.value(QStringLiteral("metadata")).toObject();
    meta.insert(QStringLiteral("resourceVersion"), QStringLiteral("999999"));
    updated.insert(QStringLiteral("metadata"), meta);
    pane.setPod(updated);
    QCOMPARE(pane.tabs()->currentIndex(), int(PodDetailsPane::YamlTab));
    QVERIFY(pane.yamlText().contains(QStringLiteral("nodeName")));
    auto *yaml = pane.findChild<QPlainTextEdit *>(QStringLiteral("podYaml"));
    QVERIFY(yaml && yaml->isReadOnly());
    // Monospace by measurement: some mono fonts (Noto Sans Mono) do not set the fixed-pitch flag.
    const QFontMetrics metrics(yaml->font());
    QCOMPARE(metrics.horizontalAdvance(QStringLiteral("iiii")), metrics.horizontalAdvance(QStringLiteral("MMMM")));
}

void TestClusterUi::renderPages()
{
    kube::ClusterSnapshot s = recordedSnapshot();
    // Make one workload fail so the picture shows how problems look.
    for (kube::WorkloadInfo &w : s.workloads)
        if (w.name == QLatin1String("api-scheduler")) {
            w.ready = 0;
            w.available = 0;
            w.problem = QStringLiteral("0/1 ready");
        }
    ClusterViews views;
    views.applySnapshot(s);
    QTabWidget tabs;
    for (auto p : {ClusterViews::Deployments, ClusterViews::Nodes, ClusterViews::Events})
        tabs.addTab(views.page(p), views.tabTitle(p));
    tabs.resize(1100, 330);
    tabs.show();
    QVERIFY(QTest::qWaitForWindowExposed(&tabs));
    QList<QImage> shots;
    for (int i = 0; i < 3; ++i) {
        tabs.setCurrentIndex(i);
        if (i == 2)
            views.page(ClusterViews::Events)->namespaceBox()->setCurrentIndex(1);
        QCoreApplication::processEvents();
        shots << tabs.grab().toImage();
    }
    const QJsonArray pods = QJsonDocument::fromJson(readData("pods-crashloop.json"))
                                .object()
                                .value(QStringLiteral("items"))
                                .toArray();
    PodDetailsPane pane;
    for (const QJsonValue &v : pods)
        if (v.toObject()
                .value(QStringLiteral("metadata"))
                .toObject()
                .value(QStringLiteral("name"))
                .toString()
                .startsWith(QLatin1String("api-scheduler")))
            pane.setPod(v.toObject());
    pane.resize(1100, 330);
    pane.show();
    QVERIFY(QTest::qWaitForWindowExposed(&pane));
    shots << pane.grab().toImage();
    int h = 0;
    for (const QImage &img : std::as_const(shots)) {
        QVERIFY(!img.isNull());
        h += img.height();
    }
    QImage all(shots.first().width(), h, QImage::Format_RGB32);
    all.fill(Qt::white);
    QPainter painter(&all);
    int y = 0;
    for (const QImage &img : std::as_const(shots)) {
        painter.drawImage(0, y, img);
        y += img.height();
    }
    painter.end();
    const QString out = qEnvironmentVariable("VIGIA_SCREENSHOT");
    if (!out.isEmpty())
        QVERIFY(all.save(out));
    // Something was drawn: text, icons and grid give many colours, a blank page a few.
    QSet<QRgb> colours;
    for (int py = 0; py < all.height(); py += 3)
        for (int px = 0; px < all.width(); px += 5)
            colours.insert(all.pixel(px, py));
    QVERIFY2(colours.size() > 20, qPrintable(QString::number(colours.size())));
}

QTEST_MAIN(TestClusterUi)
#include "test_cluster_ui.moc"
