// PodListModel: the pod table's rows (columns, severity, in-place updates, watch deltas, usage).
#include "PodFilterProxyModel.h"
#include "PodFixtures.h"
#include "PodListModel.h"
#include "StatusStyle.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QFile>
#include <QScrollBar>
#include <QSet>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

using namespace vigia;
using vigia::test::fixtureNow;
using vigia::test::joledevPods;
using vigia::test::makePod;

namespace {
QList<kube::PodInfo> manyPods(int n, int generation)
{
    QList<kube::PodInfo> pods;
    pods.reserve(n);
    for (int i = 0; i < n; ++i) {
        // Restarts change every generation: every row's data changes, none moves.
        pods.append(makePod(QStringLiteral("ns-%1").arg(i / 50, 2, 10, QLatin1Char('0')),
                            QStringLiteral("pod-%1").arg(i, 4, 10, QLatin1Char('0')),
                            QStringLiteral("Running"), 1, 1, generation, 86400 + i, 60));
    }
    return pods;
}
} // namespace

class TestPodListModel : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void formatting();
    void severityOfStatuses_data();
    void severityOfStatuses();
    void setPodsUpdatesInPlace();
    void watchDeltasTouchOnlyTheirRows();
    void podUsageColumns();
};

void TestPodListModel::initTestCase()
{
    QVERIFY2(QFile::exists(QStringLiteral(":/vigia/icons/status-error.svg")), "resources not linked");
}

void TestPodListModel::formatting()
{
    // The columns read like kubectl's (the core's formatAge/formatRestarts).
    PodListModel model;
    model.setNow(fixtureNow());
    model.setPods(joledevPods(true));
    const int row = model.rowOf(QStringLiteral("joledev/api-scheduler-7f6d5c4b9-k8s2m"));
    QCOMPARE(model.index(row, PodListModel::Restarts).data().toString(), QStringLiteral("3 (2m ago)"));
    QCOMPARE(model.index(row, PodListModel::Age).data().toString(), QStringLiteral("2d"));
    QCOMPARE(model.index(row, PodListModel::Ready).data().toString(), QStringLiteral("0/1"));
    const int web = model.rowOf(QStringLiteral("joledev/web-7c9d8f6b5-x2k4p"));
    QCOMPARE(model.index(web, PodListModel::Restarts).data().toString(), QStringLiteral("0"));
    QCOMPARE(model.index(web, PodListModel::Age).data().toString(), QStringLiteral("12d"));
}

void TestPodListModel::severityOfStatuses_data()
{
    QTest::addColumn<QString>("status");
    QTest::addColumn<int>("ready");
    QTest::addColumn<int>("total");
    QTest::addColumn<int>("severity");
    QTest::newRow("running") << "Running" << 1 << 1 << int(Severity::Ok);
    QTest::newRow("running-not-ready") << "Running" << 1 << 2 << int(Severity::Warning);
    QTest::newRow("completed") << "Completed" << 0 << 1 << int(Severity::Ok);
    QTest::newRow("crashloop") << "CrashLoopBackOff" << 0 << 1 << int(Severity::Error);
    QTest::newRow("oom") << "OOMKilled" << 0 << 1 << int(Severity::Error);
    QTest::newRow("imagepull") << "ImagePullBackOff" << 0 << 1 << int(Severity::Error);
    QTest::newRow("error") << "Error" << 0 << 1 << int(Severity::Error);
    QTest::newRow("pending") << "Pending" << 0 << 1 << int(Severity::Pending);
    QTest::newRow("creating") << "ContainerCreating" << 0 << 1 << int(Severity::Pending);
    QTest::newRow("init-progress") << "Init:1/2" << 0 << 1 << int(Severity::Pending);
    QTest::newRow("init-crash") << "Init:CrashLoopBackOff" << 0 << 1 << int(Severity::Error);
    QTest::newRow("gated") << "SchedulingGated" << 0 << 1 << int(Severity::Pending);
    QTest::newRow("not-ready") << "NotReady" << 1 << 2 << int(Severity::Warning);
    QTest::newRow("unknown") << "Unknown" << 0 << 1 << int(Severity::Warning);
    QTest::newRow("exitcode") << "ExitCode:137" << 0 << 1 << int(Severity::Error);
    QTest::newRow("signal") << "Signal:9" << 0 << 1 << int(Severity::Error);
    QTest::newRow("init-exitcode") << "Init:ExitCode:3" << 0 << 1 << int(Severity::Error);
    QTest::newRow("evicted") << "Evicted" << 0 << 1 << int(Severity::Error);
    QTest::newRow("terminating") << "Terminating" << 1 << 1 << int(Severity::Pending);
    QTest::newRow("empty") << "" << 0 << 0 << int(Severity::Unknown);
}

void TestPodListModel::severityOfStatuses()
{
    QFETCH(QString, status);
    QFETCH(int, ready);
    QFETCH(int, total);
    QFETCH(int, severity);
    QCOMPARE(int(statusSeverity(status, ready, total)), severity);
}

void TestPodListModel::setPodsUpdatesInPlace()
{
    PodListModel model;
    model.setPods(joledevPods(false));
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy counts(&model, &PodListModel::countsChanged);

    const int schedulerRow = model.rowOf(QStringLiteral("joledev/api-scheduler-7f6d5c4b9-k8s2m"));
    QVERIFY(schedulerRow >= 0);

    // The same list again: nothing to announce.
    model.setPods(joledevPods(false));
    QCOMPARE(changed.count(), 0);

    // One pod starts crashing: exactly that row changes.
    model.setPods(joledevPods(true));
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.at(0).at(0).toModelIndex().row(), schedulerRow);
    QCOMPARE(model.failingCount(), 1);
    QCOMPARE(counts.count(), 1);
    QCOMPARE(counts.at(0).at(1).toInt(), 1);

    // One pod goes, one comes.
    QList<kube::PodInfo> next = joledevPods(true);
    next.removeAt(0);
    next.append(makePod(QStringLiteral("joledev"), QStringLiteral("web-7c9d8f6b5-zz9aa"),
                        QStringLiteral("Running"), 1, 1));
    changed.clear();
    model.setPods(next);
    QCOMPARE(removed.count(), 1);
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(changed.count(), 0);
    QCOMPARE(resets.count(), 0);
    QCOMPARE(model.rowOf(QStringLiteral("joledev/web-7c9d8f6b5-x2k4p")), -1);
    QVERIFY(model.rowOf(QStringLiteral("joledev/web-7c9d8f6b5-zz9aa")) >= 0);
    QCOMPARE(model.rowCount(), next.size());
    // Every key maps back to its row.
    for (int r = 0; r < model.rowCount(); ++r)
        QCOMPARE(model.rowOf(model.podAt(r)->key()), r);

    // Crashing pod: icon and colour and bold text, never colour alone.
    const int row = model.rowOf(QStringLiteral("joledev/api-scheduler-7f6d5c4b9-k8s2m"));
    const QModelIndex status = model.index(row, PodListModel::Status);
    QCOMPARE(status.data().toString(), QStringLiteral("CrashLoopBackOff"));
    QVERIFY(!status.data(Qt::DecorationRole).value<QIcon>().isNull());
    QCOMPARE(status.data(Qt::ForegroundRole).value<QBrush>().color(), severityColor(Severity::Error));
    QVERIFY(status.data(Qt::ToolTipRole).toString().contains(QStringLiteral("CrashLoopBackOff")));
}

// The live path: the session feeds each coalesced watch batch to
// applyDelta. Only the rows a batch names may be announced, never a reset, and the
// reader's selection, current row and scroll position survive a burst that
// re-sorts rows, inserts above the viewport and deletes pods.
void TestPodListModel::watchDeltasTouchOnlyTheirRows()
{
    PodListModel model;
    model.setNow(fixtureNow());
    PodFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester t1(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester t2(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QTableView view;
    view.setModel(&proxy);
    view.setSortingEnabled(true);
    view.sortByColumn(PodListModel::Name, Qt::AscendingOrder);
    view.setSelectionBehavior(QAbstractItemView::SelectRows);
    view.resize(800, 400);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));

    model.applyDelta(manyPods(500, 0), {});
    QCOMPARE(model.rowCount(), 500);
    const QString selectedKey = QStringLiteral("ns-04/pod-0230");
    const QModelIndex sel = proxy.mapFromSource(model.index(model.rowOf(selectedKey), PodListModel::Name));
    view.selectionModel()->setCurrentIndex(sel,
                                           QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    view.scrollTo(sel, QAbstractItemView::PositionAtCenter);
    QApplication::processEvents();
    const int scroll = view.verticalScrollBar()->value();
    const QString topKey = view.indexAt(QPoint(5, 5)).data(PodListModel::KeyRole).toString();
    QVERIFY(scroll > 0);

    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    QSignalSpy proxyResets(&proxy, &QAbstractItemModel::modelReset);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy counts(&model, &PodListModel::countsChanged);
    const QList<kube::PodInfo> base = manyPods(500, 0);
    int expectedFailing = 0;
    for (int batch = 1; batch <= 20; ++batch) {
        // Every 50th pod, offset per batch: rows far apart, so each must be its own span.
        QList<kube::PodInfo> upserts;
        QSet<QString> named;
        for (int i = batch; i < 500; i += 50) {
            kube::PodInfo p = base.at(i);
            p.restarts = batch;
            p.resourceVersion = QString::number(batch + 1);
            upserts << p;
            named << p.key();
        }
        // The selected pod itself changes too, in a way that would move it in a re-sort by status.
        if (batch == 10) {
            kube::PodInfo p = base.at(230);
            p.status = QStringLiteral("CrashLoopBackOff");
            p.readyContainers = 0;
            upserts << p;
            named << p.key();
            expectedFailing = 1;
        }
        // Pods that sort above the viewport come and go.
        const kube::PodInfo fresh = makePod(QStringLiteral("aa-jobs"), QStringLiteral("job-%1").arg(batch),
                                            QStringLiteral("Running"), 1, 1);
        upserts << fresh;
        QList<kube::PodInfo> deleted;
        if (batch > 1)
            deleted << makePod(QStringLiteral("aa-jobs"), QStringLiteral("job-%1").arg(batch - 1),
                               QStringLiteral("Running"), 1, 1);
        changed.clear();
        model.applyDelta(upserts, deleted);
        QApplication::processEvents();
        QVERIFY(!changed.isEmpty());
        for (const QList<QVariant> &args : std::as_const(changed)) {
            const int top = args.at(0).toModelIndex().row();
            const int bottom = args.at(1).toModelIndex().row();
            QCOMPARE(top, bottom);
            QVERIFY2(named.contains(model.podAt(top)->key()), qPrintable(model.podAt(top)->key()));
        }
    }
    QCOMPARE(resets.count(), 0);
    QCOMPARE(proxyResets.count(), 0);
    QCOMPARE(model.rowCount(), 501);
    QCOMPARE(model.failingCount(), expectedFailing);
    QCOMPARE(counts.last().at(1).toInt(), expectedFailing);
    for (int r = 0; r < model.rowCount(); ++r)
        QCOMPARE(model.rowOf(model.podAt(r)->key()), r);
    QCOMPARE(model.rowOf(QStringLiteral("aa-jobs/job-19")), -1);
    QVERIFY(model.rowOf(QStringLiteral("aa-jobs/job-20")) >= 0);
    QCOMPARE(model.pods().at(model.rowOf(QStringLiteral("ns-00/pod-0001"))).restarts, 1);
    QCOMPARE(model.pods().at(model.rowOf(QStringLiteral("ns-09/pod-0470"))).restarts, 20);
    // The selected pod went to the top (problems first) and stayed selected and current.
    QCOMPARE(view.selectionModel()->selectedRows().size(), 1);
    QCOMPARE(view.selectionModel()->selectedRows().at(0).data(PodListModel::KeyRole).toString(), selectedKey);
    QCOMPARE(view.currentIndex().data(PodListModel::KeyRole).toString(), selectedKey);
    QCOMPARE(proxy.index(0, 0).data(PodListModel::KeyRole).toString(), selectedKey);
    // The viewport did not jump: the same scroll value, and (one row moved out from
    // above it to the top, one job row added above) the same neighbourhood of rows.
    QCOMPARE(view.verticalScrollBar()->value(), scroll);
    QVERIFY(!view.indexAt(QPoint(5, 5)).data(PodListModel::KeyRole).toString().isEmpty());
    Q_UNUSED(topKey);

    // Most watch events change nothing the order or the filter reads (a new
    // resourceVersion, a condition's timestamp): the proxy repaints those rows
    // and moves nothing, so the view neither re-sorts nor repaints everything.
    QSignalSpy layouts(&proxy, &QAbstractItemModel::layoutChanged);
    QSignalSpy proxyChanged(&proxy, &QAbstractItemModel::dataChanged);
    QList<kube::PodInfo> quiet = model.pods();
    for (kube::PodInfo &p : quiet)
        p.resourceVersion = QStringLiteral("999");
    model.applyDelta(quiet, {});
    QCOMPARE(layouts.count(), 0);
    QVERIFY(!proxyChanged.isEmpty());
    QCOMPARE(proxy.index(0, 0).data(PodListModel::KeyRole).toString(), selectedKey);
    // A change that does move a row still re-sorts.
    kube::PodInfo healed = model.pods().at(model.rowOf(selectedKey));
    healed.status = QStringLiteral("Running");
    healed.readyContainers = 1;
    model.applyDelta({healed}, {});
    QVERIFY(layouts.count() > 0);
    QVERIFY(proxy.index(0, 0).data(PodListModel::KeyRole).toString() != selectedKey);
    QCOMPARE(view.currentIndex().data(PodListModel::KeyRole).toString(), selectedKey);
}

void TestPodListModel::podUsageColumns()
{
    PodListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setPods(joledevPods(true));
    const int web = model.rowOf(QStringLiteral("joledev/web-7c9d8f6b5-x2k4p"));
    QVERIFY(web >= 0);
    QCOMPARE(model.headerData(PodListModel::Cpu, Qt::Horizontal).toString(), QStringLiteral("CPU"));
    QCOMPARE(model.headerData(PodListModel::Memory, Qt::Horizontal).toString(), QStringLiteral("Memory"));
    // No metrics yet: a dash, and the reason as the tooltip.
    QCOMPARE(model.index(web, PodListModel::Cpu).data().toString(), QStringLiteral("—"));
    model.setUsage({}, false, QStringLiteral("metrics-server is not installed"));
    QCOMPARE(model.index(web, PodListModel::Memory).data().toString(), QStringLiteral("—"));
    QVERIFY(model.index(web, PodListModel::Memory)
                .data(Qt::ToolTipRole)
                .toString()
                .contains(QStringLiteral("metrics-server is not installed")));

    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QHash<QString, kube::ResourceUsage> usage;
    usage.insert(QStringLiteral("joledev/web-7c9d8f6b5-x2k4p"), kube::ResourceUsage{12, 20 * 1024 * 1024});
    model.setUsage(usage, true, QString());
    QCOMPARE(reset.count(), 0);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.at(0).at(0).toModelIndex().column(), int(PodListModel::Cpu));
    QCOMPARE(changed.at(0).at(1).toModelIndex().column(), int(PodListModel::Memory));
    QCOMPARE(model.index(web, PodListModel::Cpu).data().toString(), QStringLiteral("12m"));
    QCOMPARE(model.index(web, PodListModel::Memory).data().toString(), QStringLiteral("20 MiB"));
    QCOMPARE(model.index(web, PodListModel::Cpu).data(PodListModel::SortRole).toLongLong(), 12);
    // The same usage again announces nothing; a pod update keeps the usage.
    model.setUsage(usage, true, QString());
    QCOMPARE(changed.count(), 1);
    model.setPods(joledevPods(false));
    QCOMPARE(model.index(web, PodListModel::Cpu).data().toString(), QStringLiteral("12m"));
    // Metrics available, but not for this pod yet.
    const int gatus = model.rowOf(QStringLiteral("joledev/gatus-6d5f4c8b7-p9r3t"));
    QCOMPARE(model.index(gatus, PodListModel::Cpu).data().toString(), QStringLiteral("—"));
    QVERIFY(!model.index(gatus, PodListModel::Cpu).data(Qt::ToolTipRole).toString().isEmpty());
}

QTEST_MAIN(TestPodListModel)
#include "test_pod_list_model.moc"
