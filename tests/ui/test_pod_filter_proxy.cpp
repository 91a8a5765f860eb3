// PodFilterProxyModel: problems first, the text and namespace filters, and a view kept in place under bursts.
#include "PodFilterProxyModel.h"
#include "PodFixtures.h"
#include "PodListModel.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QFile>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

using namespace vigia;
using vigia::test::fixtureNow;
using vigia::test::joledevPods;
using vigia::test::makePod;

namespace {
// Proxy rows as "ns/name", top to bottom.
QStringList proxyKeys(const QAbstractItemModel &m)
{
    QStringList keys;
    for (int r = 0; r < m.rowCount(); ++r)
        keys << m.index(r, 0).data(PodListModel::KeyRole).toString();
    return keys;
}

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

class TestPodFilterProxy : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void modelTesterOnModelAndProxy();
    void problemsFirstOrdering();
    void textFilter();
    void burstKeepsSelectionAndScroll();
};

void TestPodFilterProxy::initTestCase()
{
    QVERIFY2(QFile::exists(QStringLiteral(":/vigia/icons/status-error.svg")), "resources not linked");
}

void TestPodFilterProxy::modelTesterOnModelAndProxy()
{
    PodListModel model;
    model.setNow(fixtureNow());
    PodFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    proxy.sort(PodListModel::Name);
    QAbstractItemModelTester t1(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester t2(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);

    model.setPods(joledevPods(false));
    QCOMPARE(model.rowCount(), 9);
    model.setPods(joledevPods(true)); // one row changes
    QList<kube::PodInfo> fewer = joledevPods(true);
    fewer.removeAt(1);
    fewer.removeAt(4);
    fewer.removeAt(4);
    fewer.append(
        makePod(QStringLiteral("joledev"), QStringLiteral("web-new"), QStringLiteral("Pending"), 0, 1));
    model.setPods(fewer);
    QCOMPARE(model.rowCount(), 7);
    proxy.setFilterText(QStringLiteral("joledev"));
    proxy.setProblemsFirst(false);
    proxy.sort(PodListModel::Age, Qt::DescendingOrder);
    model.setPods({});
    QCOMPARE(proxy.rowCount(), 0);
    model.setPods(joledevPods(true));
    QCOMPARE(proxy.rowCount(), 4);
}

void TestPodFilterProxy::problemsFirstOrdering()
{
    PodListModel model;
    model.setPods(joledevPods(true));
    model.setPods(model.pods() +
                  QList<kube::PodInfo>{makePod(QStringLiteral("zeta"), QStringLiteral("waiting"),
                                               QStringLiteral("ContainerCreating"), 0, 1),
                                       makePod(QStringLiteral("alpha"), QStringLiteral("half"),
                                               QStringLiteral("Running"), 1, 2)});
    PodFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);

    proxy.sort(PodListModel::Name, Qt::AscendingOrder);
    QStringList keys = proxyKeys(proxy);
    QCOMPARE(keys.value(0), QStringLiteral("joledev/api-scheduler-7f6d5c4b9-k8s2m")); // Error
    QCOMPARE(keys.value(1), QStringLiteral("alpha/half"));                            // Warning
    QCOMPARE(keys.value(2), QStringLiteral("zeta/waiting"));                          // Pending
    // Within the healthy ones: by name.
    QCOMPARE(keys.value(3), QStringLiteral("joledev/api-quoter-5b8c7d9f4-m7q2w"));

    // Descending by name still keeps problems on top.
    proxy.sort(PodListModel::Name, Qt::DescendingOrder);
    keys = proxyKeys(proxy);
    QCOMPARE(keys.value(0), QStringLiteral("joledev/api-scheduler-7f6d5c4b9-k8s2m"));
    QCOMPARE(keys.value(1), QStringLiteral("alpha/half"));
    QCOMPARE(keys.value(3), QStringLiteral("joledev/web-7c9d8f6b5-x2k4p"));

    // Off: plain name order.
    proxy.setProblemsFirst(false);
    proxy.sort(PodListModel::Name, Qt::AscendingOrder);
    keys = proxyKeys(proxy);
    QCOMPARE(keys.value(0), QStringLiteral("joledev/api-quoter-5b8c7d9f4-m7q2w"));

    // A live change re-sorts: the crashing pod recovers and leaves the top.
    proxy.setProblemsFirst(true);
    proxy.sort(PodListModel::Namespace, Qt::AscendingOrder);
    QCOMPARE(proxyKeys(proxy).value(0), QStringLiteral("joledev/api-scheduler-7f6d5c4b9-k8s2m"));
    QList<kube::PodInfo> healed = model.pods();
    healed[model.rowOf(QStringLiteral("joledev/api-scheduler-7f6d5c4b9-k8s2m"))] =
        makePod(QStringLiteral("joledev"), QStringLiteral("api-scheduler-7f6d5c4b9-k8s2m"),
                QStringLiteral("Running"), 1, 1);
    model.setPods(healed);
    QCOMPARE(proxyKeys(proxy).value(0), QStringLiteral("alpha/half"));
}

void TestPodFilterProxy::textFilter()
{
    PodListModel model;
    model.setPods(joledevPods(true));
    PodFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    // By default kube-system is left out; the words filter inside the namespace choice.
    QCOMPARE(proxy.rowCount(), 4);
    proxy.setNamespaceChoice(PodFilterProxyModel::kAll);
    proxy.setFilterText(QStringLiteral("kube-system"));
    QCOMPARE(proxy.rowCount(), 5);
    proxy.setFilterText(QStringLiteral("CRASHLOOP"));
    QCOMPARE(proxy.rowCount(), 1);
    proxy.setFilterText(QStringLiteral("joledev api"));
    QCOMPARE(proxy.rowCount(), 2);
    proxy.setFilterText(QStringLiteral("joledev/web"));
    QCOMPARE(proxy.rowCount(), 1);
    proxy.setFilterText(QStringLiteral("  "));
    QCOMPARE(proxy.rowCount(), model.rowCount());
    proxy.setFilterText(QStringLiteral("nothing-matches-this"));
    QCOMPARE(proxy.rowCount(), 0);
}

void TestPodFilterProxy::burstKeepsSelectionAndScroll()
{
    PodListModel model;
    model.setNow(fixtureNow());
    PodFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    QTableView view;
    view.setModel(&proxy);
    view.setSortingEnabled(true);
    view.sortByColumn(PodListModel::Name, Qt::AscendingOrder);
    view.setSelectionBehavior(QAbstractItemView::SelectRows);
    view.resize(800, 400);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));

    model.setPods(manyPods(500, 0));
    QCOMPARE(proxy.rowCount(), 500);
    const QString selectedKey = QStringLiteral("ns-04/pod-0230");
    const QModelIndex src = model.index(model.rowOf(selectedKey), PodListModel::Name);
    const QModelIndex sel = proxy.mapFromSource(src);
    view.selectionModel()->setCurrentIndex(sel,
                                           QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    view.scrollTo(sel, QAbstractItemView::PositionAtCenter);
    QApplication::processEvents();
    const int scroll = view.verticalScrollBar()->value();
    const QString topKey = view.indexAt(QPoint(5, 5)).data(PodListModel::KeyRole).toString();
    QVERIFY(scroll > 0);
    QVERIFY(!topKey.isEmpty());

    QSignalSpy resets(&proxy, &QAbstractItemModel::modelReset);
    QSignalSpy layoutChanges(&proxy, &QAbstractItemModel::layoutChanged);
    for (int gen = 1; gen <= 50; ++gen) {
        QList<kube::PodInfo> pods = manyPods(500, gen);
        // Churn at the end of the list: pods come and go below the viewport.
        for (int extra = 0; extra < gen % 5; ++extra)
            pods.append(makePod(QStringLiteral("zz-batch"), QStringLiteral("job-%1").arg(gen * 10 + extra),
                                QStringLiteral("Running"), 1, 1));
        model.setPods(pods);
        QApplication::processEvents();
    }
    QCOMPARE(resets.count(), 0);
    QCOMPARE(view.selectionModel()->selectedRows().size(), 1);
    QCOMPARE(view.selectionModel()->selectedRows().at(0).data(PodListModel::KeyRole).toString(), selectedKey);
    QCOMPARE(view.currentIndex().data(PodListModel::KeyRole).toString(), selectedKey);
    QCOMPARE(view.verticalScrollBar()->value(), scroll);
    QCOMPARE(view.indexAt(QPoint(5, 5)).data(PodListModel::KeyRole).toString(), topKey);
    // The data did change underneath.
    QCOMPARE(model.pods().at(model.rowOf(selectedKey)).restarts, 50);
    Q_UNUSED(layoutChanges);
}

QTEST_MAIN(TestPodFilterProxy)
#include "test_pod_filter_proxy.moc"
