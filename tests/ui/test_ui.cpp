// Widget tests on the offscreen platform: models, dialogs, the main window.
#include "ConnectWindow.h"
#include "ConnectionController.h"
#include "HostKeyDialog.h"
#include "MainWindow.h"
#include "PassphraseDialog.h"
#include "PodFilterProxyModel.h"
#include "PodFixtures.h"
#include "PodListModel.h"
#include "ProfileDialog.h"
#include "StatusStyle.h"
#include "cluster/ClusterFilterProxyModel.h"
#include "cluster/ClusterTab.h"
#include "cluster/ClusterViews.h"
#include "cluster/DeploymentListModel.h"
#include "kube/ClusterParsers.h"
#include "profiles/ProfileStore.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSet>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace vigia;
using vigia::test::fixtureNow;
using vigia::test::joledevPods;
using vigia::test::makePod;

namespace {
QString outputPath(const QString &file)
{
    return QStringLiteral(VIGIA_UI_TEST_OUTPUT_DIR "/") + file;
}

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

class TestUi : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();

    void formatting();
    void severityOfStatuses_data();
    void severityOfStatuses();
    void modelTesterOnModelAndProxy();
    void setPodsUpdatesInPlace();
    void problemsFirstOrdering();
    void textFilter();
    void burstKeepsSelectionAndScroll();
    void watchDeltasTouchOnlyTheirRows();

    void hostKeyUnknownDialog();
    void hostKeyMismatchDialog();
    void passphraseDialog();
    void profileDialogRoundTrip();
    void profileDialogValidation();

    void connectWindowListsProfiles();
    void mainWindowRenders();
    void mainWindowSlashFocusesFilter();
    void mainWindowPodNamespaceChoice();
    void mainWindowStaleBanner();
    void podOwnerFromReplicaSet();
    void profileRequireTypedNameRoundTrip();
    void podTableActionsFollowSelection();
    void podUsageColumns();
    void deploymentActionsFollowSelection();
};

void TestUi::initTestCase()
{
    QVERIFY2(QFile::exists(QStringLiteral(":/vigia/icons/status-error.svg")), "resources not linked");
}

void TestUi::formatting()
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

void TestUi::severityOfStatuses_data()
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

void TestUi::severityOfStatuses()
{
    QFETCH(QString, status);
    QFETCH(int, ready);
    QFETCH(int, total);
    QFETCH(int, severity);
    QCOMPARE(int(statusSeverity(status, ready, total)), severity);
}

void TestUi::modelTesterOnModelAndProxy()
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

void TestUi::setPodsUpdatesInPlace()
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

void TestUi::problemsFirstOrdering()
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

void TestUi::textFilter()
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

void TestUi::burstKeepsSelectionAndScroll()
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

// The live path: ConnectionController feeds each coalesced watch batch to
// applyDelta. Only the rows a batch names may be announced, never a reset, and the
// reader's selection, current row and scroll position survive a burst that
// re-sorts rows, inserts above the viewport and deletes pods.
void TestUi::watchDeltasTouchOnlyTheirRows()
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

void TestUi::hostKeyUnknownDialog()
{
    ssh::HostKeyInfo info;
    info.host = QStringLiteral("127.0.0.1");
    info.port = 2222;
    info.keyType = QStringLiteral("ssh-ed25519");
    info.fingerprint = QStringLiteral("SHA256:47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU");
    HostKeyDialog dlg(HostKeyDialog::Mode::Unknown, info);
    const QString text = dlg.messageText();
    QVERIFY2(
        text.contains(QStringLiteral("The authenticity of host '[127.0.0.1]:2222' can't be established.")),
        qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral(
                 "ED25519 key fingerprint is SHA256:47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU.")),
             qPrintable(text));
    QVERIFY(dlg.connectOnceButton());
    QVERIFY(dlg.trustButton());
    QCOMPARE(dlg.connectOnceButton()->text(), QStringLiteral("Connect once"));
    QCOMPARE(dlg.trustButton()->text(), QStringLiteral("Trust and remember"));
    // Enter must not trust anything.
    QVERIFY(dlg.cancelButton()->isDefault());
    QVERIFY(!dlg.trustButton()->isDefault());
    QCOMPARE(dlg.decision(), ssh::HostKeyDecision::Reject);
    dlg.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dlg));
    QTest::keyClick(&dlg, Qt::Key_Return);
    QCOMPARE(dlg.result(), int(QDialog::Rejected));
    QCOMPARE(dlg.decision(), ssh::HostKeyDecision::Reject);

    HostKeyDialog dlg2(HostKeyDialog::Mode::Unknown, info);
    dlg2.show();
    dlg2.trustButton()->click();
    QCOMPARE(dlg2.result(), int(QDialog::Accepted));
    QCOMPARE(dlg2.decision(), ssh::HostKeyDecision::TrustAndRemember);

    HostKeyDialog dlg3(HostKeyDialog::Mode::Unknown, info);
    dlg3.show();
    dlg3.connectOnceButton()->click();
    QCOMPARE(dlg3.decision(), ssh::HostKeyDecision::ConnectOnce);

    // Port 22: the bare host name, as ssh prints it.
    info.port = 22;
    info.host = QStringLiteral("vps.example.org");
    info.keyType = QStringLiteral("ecdsa-sha2-nistp256");
    QVERIFY(HostKeyDialog::unknownHostText(info).contains(QStringLiteral("host 'vps.example.org'")));
    QVERIFY(
        HostKeyDialog::unknownHostText(info).contains(QStringLiteral("ECDSA key fingerprint is SHA256:")));
    dlg3.grab().save(outputPath(QStringLiteral("hostkey-unknown.png")));
}

void TestUi::hostKeyMismatchDialog()
{
    ssh::HostKeyInfo info;
    info.host = QStringLiteral("[127.0.0.1]:2222");
    info.port = 2222;
    info.keyType = QStringLiteral("ssh-ed25519");
    info.fingerprint = QStringLiteral("SHA256:NEWnewNEWnewNEWnewNEWnewNEWnewNEWnewNEWnewA");
    info.knownFingerprint = QStringLiteral("SHA256:OLDoldOLDoldOLDoldOLDoldOLDoldOLDoldOLDoldB");
    info.knownHostsPath = QStringLiteral("/home/ana/.ssh/known_hosts");
    info.knownHostsLine = 7;
    HostKeyDialog dlg(HostKeyDialog::Mode::Mismatch, info);
    const QString text = dlg.messageText();
    QVERIFY(text.contains(QStringLiteral("HAS CHANGED")));
    QVERIFY(text.contains(info.fingerprint));
    QVERIFY(text.contains(info.knownFingerprint));
    QVERIFY(text.contains(QStringLiteral("/home/ana/.ssh/known_hosts:7")));
    QVERIFY(text.contains(QStringLiteral("[127.0.0.1]:2222")));
    QVERIFY(!dlg.connectOnceButton());
    QVERIFY(!dlg.trustButton());
    // Only Close: no way to connect from here.
    const auto buttons = dlg.findChildren<QPushButton *>();
    QCOMPARE(buttons.size(), 1);
    QVERIFY(dlg.findChild<QLabel *>(QStringLiteral("hostKeyMismatchBanner")));
    dlg.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dlg));
    dlg.grab().save(outputPath(QStringLiteral("hostkey-mismatch.png")));
    buttons.at(0)->click();
    QCOMPARE(dlg.result(), int(QDialog::Rejected));
    QCOMPARE(dlg.decision(), ssh::HostKeyDecision::Reject);
}

void TestUi::passphraseDialog()
{
    PassphraseDialog dlg(QStringLiteral("/home/ana/.ssh/id_ed25519"), true, false);
    QCOMPARE(dlg.passphraseEdit()->echoMode(), QLineEdit::Password);
    QVERIFY(dlg.findChild<QLabel *>(QStringLiteral("passphraseRetryWarning")));
    // No keychain: the box can't be ticked, and saving is off.
    QVERIFY(!dlg.saveCheckBox()->isEnabled());
    dlg.saveCheckBox()->setChecked(true);
    QVERIFY(!dlg.saveInKeychain());
    dlg.passphraseEdit()->setText(QStringLiteral("pässwörd 1"));
    QCOMPARE(dlg.passphrase(), QStringLiteral("pässwörd 1"));

    PassphraseDialog dlg2(QStringLiteral("/k"), false, true);
    QVERIFY(!dlg2.findChild<QLabel *>(QStringLiteral("passphraseRetryWarning")));
    QVERIFY(dlg2.saveCheckBox()->isEnabled());
    QVERIFY(!dlg2.saveInKeychain()); // opt-in
    dlg2.saveCheckBox()->setChecked(true);
    QVERIFY(dlg2.saveInKeychain());
}

void TestUi::profileDialogRoundTrip()
{
    Profile p;
    p.name = QStringLiteral("producción");
    p.host = QStringLiteral("vps.example.org");
    p.port = 2202;
    p.user = QStringLiteral("deploy");
    p.keyFile = QStringLiteral("/home/ana/.ssh/id_ed25519");
    p.kubectlOverride = QStringLiteral("sudo -n k3s kubectl");
    p.ramBudgetBytes = qint64(3) * 1024 * 1024 * 1024 + qint64(512) * 1024 * 1024; // 3.5 GiB
    p.readOnly = true;
    p.knownHostsPath = QStringLiteral("/tmp/kh");
    ProfileDialog dlg(p, {QStringLiteral("producción"), QStringLiteral("other")});
    QCOMPARE(dlg.profile(), p);
    QVERIFY(dlg.validationError().isEmpty());
    dlg.adjustSize();
    QVERIFY(dlg.grab().save(outputPath(QStringLiteral("profile-dialog.png"))));

    dlg.ramEdit()->setText(QString());
    QVERIFY(!dlg.profile().ramBudgetBytes.has_value());
    dlg.ramEdit()->setText(QStringLiteral("2,5"));
    QCOMPARE(dlg.profile().ramBudgetBytes.value(), qint64(2.5 * 1024 * 1024 * 1024));
    dlg.readOnlyCheck()->setChecked(false);
    dlg.portSpin()->setValue(22);
    QCOMPARE(dlg.profile().port, quint16(22));
    QVERIFY(!dlg.profile().readOnly);
    QCOMPARE(dlg.profile().knownHostsPath, QStringLiteral("/tmp/kh"));
}

void TestUi::profileDialogValidation()
{
    ProfileDialog dlg(Profile{}, {QStringLiteral("taken")});
    auto *save = dlg.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Save);
    QVERIFY(!save->isEnabled());
    dlg.nameEdit()->setText(QStringLiteral("taken"));
    dlg.hostEdit()->setText(QStringLiteral("example.org"));
    QVERIFY(dlg.validationError().contains(QStringLiteral("already exists")));
    QVERIFY(!save->isEnabled());
    dlg.nameEdit()->setText(QStringLiteral("new"));
    QVERIFY(save->isEnabled());
    dlg.ramEdit()->setText(QStringLiteral("lots"));
    QVERIFY(!save->isEnabled());
    dlg.ramEdit()->setText(QStringLiteral("-1"));
    QVERIFY(!save->isEnabled());
    dlg.ramEdit()->setText(QStringLiteral("4"));
    QVERIFY(save->isEnabled());
    dlg.hostEdit()->setText(QStringLiteral("a b"));
    QVERIFY(!save->isEnabled());
}

void TestUi::connectWindowListsProfiles()
{
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    ProfileStore store(tmp.filePath(QStringLiteral("profiles.ini")));
    Profile prod;
    prod.name = QStringLiteral("producción");
    prod.host = QStringLiteral("vps.example.org");
    prod.user = QStringLiteral("deploy");
    prod.port = 2202;
    prod.readOnly = true;
    QVERIFY(store.add(prod).ok());
    Profile lab;
    lab.name = QStringLiteral("lab");
    lab.host = QStringLiteral("10.0.0.5");
    QVERIFY(store.add(lab).ok());

    const ssh::SshConfig config =
        ssh::SshConfig::parse(QStringLiteral("Host joledev\n  HostName 203.0.113.7\n"
                                             "  User ana\n  Port 2222\n"
                                             "Host *.internal\n  User ops\n"));
    ConnectWindow w(&store, config, QStringLiteral("/tmp/ssh_config"));
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QTreeWidget *list = w.profileList();
    // Two profiles, and the ssh config's literal alias offered at once as a suggestion.
    QCOMPARE(list->topLevelItemCount(), 3);
    QStringList shown;
    for (int i = 0; i < list->topLevelItemCount(); ++i)
        shown << list->topLevelItem(i)->text(0) + QLatin1Char('|') + list->topLevelItem(i)->text(1);
    QVERIFY2(shown.contains(QStringLiteral("producción|deploy@vps.example.org:2202")),
             qPrintable(shown.join(',')));
    QVERIFY(shown.contains(QStringLiteral("lab|10.0.0.5")));
    QVERIFY2(shown.contains(QStringLiteral("joledev|ana@203.0.113.7:2222")), qPrintable(shown.join(',')));
    QVERIFY(!shown.join(',').contains(QStringLiteral("*.internal")));

    // Enter on a profile connects it, resolved to a target.
    QSignalSpy requested(&w, &ConnectWindow::connectRequested);
    QVERIFY(w.selectProfile(QStringLiteral("producción")));
    list->setFocus();
    QTest::keyClick(list, Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(requested.count(), 1, 2000);
    const auto first = requested.at(0).at(0).value<ResolvedTarget>();
    QCOMPARE(first.profile.name, QStringLiteral("producción"));
    QCOMPARE(first.target.host, QStringLiteral("vps.example.org"));
    QCOMPARE(first.target.port, quint16(2202));
    QCOMPARE(first.target.user, QStringLiteral("deploy"));
    QVERIFY(first.profile.readOnly);

    w.grab().save(outputPath(QStringLiteral("connect-window-suggestions.png")));
    // A suggestion connects as the alias, without being saved, and cannot be deleted.
    QVERIFY(w.selectProfile(QStringLiteral("joledev")));
    QVERIFY(w.isSuggestionSelected());
    QVERIFY(!w.deleteSelected(false));
    w.connectSelected();
    QCOMPARE(requested.count(), 2);
    QCOMPARE(requested.at(1).at(0).value<ResolvedTarget>().target.host, QStringLiteral("203.0.113.7"));
    QVERIFY(!store.find(QStringLiteral("joledev")).has_value());
    requested.removeLast(); // the rest counts saved-profile and typed connections

    // Import adds the literal alias, not the pattern.
    const QStringList added = w.importFromSshConfig();
    QCOMPARE(added, QStringList{QStringLiteral("joledev")});
    QCOMPARE(list->topLevelItemCount(), 3);
    QCOMPARE(w.selectedName(), QStringLiteral("joledev"));
    QVERIFY(!w.isSuggestionSelected());
    w.connectSelected();
    QCOMPARE(requested.count(), 2);
    const auto alias = requested.at(1).at(0).value<ResolvedTarget>();
    QCOMPARE(alias.target.host, QStringLiteral("203.0.113.7"));
    QCOMPARE(alias.target.port, quint16(2222));
    QCOMPARE(alias.target.user, QStringLiteral("ana"));

    // Quick connect: a bad address is explained, not connected.
    w.connectSpec(QStringLiteral("ana@host:99999"));
    QCOMPARE(requested.count(), 2);
    QVERIFY(w.messageLabel()->isVisible());
    QVERIFY(!w.messageLabel()->text().isEmpty());
    w.connectSpec(QStringLiteral("ops@db.internal"));
    QCOMPARE(requested.count(), 3);
    QCOMPARE(requested.at(2).at(0).value<ResolvedTarget>().target.user, QStringLiteral("ops"));

    w.grab().save(outputPath(QStringLiteral("connect-window.png")));

    QVERIFY(w.selectProfile(QStringLiteral("lab")));
    QVERIFY(w.deleteSelected(false));
    QCOMPARE(list->topLevelItemCount(), 2);
    QVERIFY(!store.find(QStringLiteral("lab")).has_value());
}

void TestUi::mainWindowRenders()
{
    ConnectionController controller;
    controller.podModel()->setNow(fixtureNow());
    MainWindow w(&controller);
    w.resize(1100, 560);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    // At launch the keys reach the pod table without a click.
    QVERIFY(QTest::qWaitForWindowActive(&w));
    QCOMPARE(QApplication::focusWidget(), static_cast<QWidget *>(w.podView()));
    QCOMPARE(w.tabs()->tabText(0), QStringLiteral("Pods (0)"));

    controller.podModel()->setPods(joledevPods(true));
    QCOMPARE(w.tabs()->tabText(0), QStringLiteral("Pods (9, 1 failing)"));
    QCOMPARE(w.podView()->model()->rowCount(), 4); // kube-system is one toggle away
    // Problems first by default.
    QCOMPARE(w.podView()->model()->index(0, PodListModel::Status).data().toString(),
             QStringLiteral("CrashLoopBackOff"));
    QVERIFY(!w.readOnlyBadge()->isVisible());
    QVERIFY(!w.banner()->isVisible());

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

void TestUi::mainWindowSlashFocusesFilter()
{
    ConnectionController controller;
    controller.podModel()->setPods(joledevPods(true));
    MainWindow w(&controller);
    w.podNamespaceBox()->setCurrentIndex(w.podNamespaceBox()->findData(PodFilterProxyModel::kAll));
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QApplication::setActiveWindow(&w);
    w.podView()->setFocus();
    QVERIFY(!w.filterEdit()->hasFocus());
    QTest::keyClick(w.podView(), Qt::Key_Slash);
    QTRY_VERIFY_WITH_TIMEOUT(w.filterEdit()->hasFocus(), 2000);
    QTest::keyClicks(w.filterEdit(), QStringLiteral("kube-sys"));
    QCOMPARE(w.filterEdit()->text(), QStringLiteral("kube-sys"));
    QCOMPARE(w.podView()->model()->rowCount(), 5);
    // A slash typed in the filter is text, not the shortcut.
    QTest::keyClick(w.filterEdit(), Qt::Key_Slash);
    QCOMPARE(w.filterEdit()->text(), QStringLiteral("kube-sys/"));
    QTest::keyClick(w.filterEdit(), Qt::Key_Escape);
    QCOMPARE(w.filterEdit()->text(), QString());
    QCOMPARE(w.podView()->model()->rowCount(), 9);
}

// "All but kube-system" by default, with a toggle; the tab title still counts and
// flags every pod, hidden ones included, so a failing system pod is never silent.
void TestUi::mainWindowPodNamespaceChoice()
{
    ConnectionController controller;
    MainWindow w(&controller);
    QList<kube::PodInfo> pods = joledevPods(true);
    pods << makePod(QStringLiteral("kube-system"), QStringLiteral("coredns-broken"),
                    QStringLiteral("CrashLoopBackOff"), 0, 1, 4, 86400, 60);
    controller.podModel()->setPods(pods);
    QComboBox *box = w.podNamespaceBox();
    QVERIFY(box);
    QCOMPARE(box->currentText(), QStringLiteral("All but kube-system"));
    QAbstractItemModel *view = w.podView()->model();
    int system = 0;
    for (const kube::PodInfo &p : std::as_const(pods))
        system += p.ns == QLatin1String("kube-system") ? 1 : 0;
    QVERIFY(system > 0);
    QCOMPARE(view->rowCount(), pods.size() - system);
    for (int r = 0; r < view->rowCount(); ++r)
        QVERIFY(view->index(r, PodListModel::Namespace).data().toString() != QLatin1String("kube-system"));
    QCOMPARE(w.tabs()->tabText(0), QStringLiteral("Pods (%1, 2 failing)").arg(pods.size()));
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
    w.filterEdit()->setText(QStringLiteral("coredns-6799"));
    QCOMPARE(view->rowCount(), 1);
}

void TestUi::mainWindowStaleBanner()
{
    ConnectionController controller;
    MainWindow w(&controller);
    w.podNamespaceBox()->setCurrentIndex(w.podNamespaceBox()->findData(PodFilterProxyModel::kAll));
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    controller.podModel()->setPods(joledevPods(false));
    // A failed refresh keeps the rows and says so.
    emit controller.podsFailed(
        makeError(QStringLiteral("The connection to the K3s API was refused."),
                  QStringLiteral("Check that k3s is running: sudo systemctl status k3s"),
                  QStringLiteral("kube.refused")));
    QVERIFY(w.banner()->isVisible());
    QVERIFY(w.bannerLabel()->text().contains(QStringLiteral("refused")));
    QVERIFY(w.bannerLabel()->text().contains(QStringLiteral("systemctl")));
    QCOMPARE(w.podView()->model()->rowCount(), 9);
    emit controller.podsUpdated(QDateTime::currentDateTime());
    QVERIFY(!w.banner()->isVisible());
}

void TestUi::podOwnerFromReplicaSet()
{
    kube::PodInfo pod;
    pod.ownerKind = QStringLiteral("ReplicaSet");
    pod.ownerName = QStringLiteral("api-scheduler-7d9c8b6f5");
    auto owner = MainWindow::podOwner(pod);
    QVERIFY(owner);
    QCOMPARE(owner->first, actions::ObjectKind::Deployment);
    QCOMPARE(owner->second, QStringLiteral("api-scheduler"));
    pod.ownerKind = QStringLiteral("StatefulSet");
    pod.ownerName = QStringLiteral("db");
    owner = MainWindow::podOwner(pod);
    QVERIFY(owner);
    QCOMPARE(owner->first, actions::ObjectKind::StatefulSet);
    QCOMPARE(owner->second, QStringLiteral("db"));
    pod.ownerKind = QStringLiteral("Job");
    QVERIFY(!MainWindow::podOwner(pod));
    pod.ownerKind.clear();
    QVERIFY(!MainWindow::podOwner(pod));
}

void TestUi::profileRequireTypedNameRoundTrip()
{
    Profile p;
    p.name = QStringLiteral("vps");
    p.host = QStringLiteral("203.0.113.7");
    p.requireTypedName = true;
    p.appointmentsDbPath = QStringLiteral("/srv/a.db");
    ProfileDialog dlg(p, {});
    QVERIFY(dlg.requireTypedNameCheck()->isChecked());
    dlg.requireTypedNameCheck()->setChecked(false);
    const Profile edited = dlg.profile();
    QCOMPARE(edited.requireTypedName, false);
    // Fields the dialog does not show survive an edit.
    QCOMPARE(edited.appointmentsDbPath, QStringLiteral("/srv/a.db"));
    QCOMPARE(edited.timeZone, QStringLiteral("America/Tijuana"));

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    {
        ProfileStore store(dir.filePath(QStringLiteral("profiles.ini")));
        QVERIFY(store.add(p).ok());
    }
    ProfileStore again(dir.filePath(QStringLiteral("profiles.ini")));
    const std::optional<Profile> loaded = again.find(QStringLiteral("vps"));
    QVERIFY(loaded);
    QCOMPARE(*loaded, p);
}

void TestUi::podTableActionsFollowSelection()
{
    // Not connected: logs can open (they wait for a transport), actions cannot be sent.
    ConnectionController controller;
    controller.podModel()->setPods(joledevPods(true));
    MainWindow w(&controller);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    auto *logs = w.findChild<QAction *>(QStringLiteral("podLogsAction"));
    auto *previous = w.findChild<QAction *>(QStringLiteral("podPreviousLogsAction"));
    auto *restart = w.findChild<QAction *>(QStringLiteral("restartAction"));
    QVERIFY(logs && previous && restart);
    // The focused table makes its first row current at once (keys work at launch); with no
    // current pod, logs cannot open.
    w.podView()->setCurrentIndex(QModelIndex());
    QVERIFY(!logs->isEnabled());
    // Problems first: row 0 is the crash-looping pod, which has restarted.
    w.podView()->setCurrentIndex(w.podView()->model()->index(0, 0));
    QVERIFY(w.selectedPod());
    QVERIFY(w.selectedPod()->restarts > 0);
    QVERIFY(logs->isEnabled());
    QVERIFY(previous->isEnabled());
    QVERIFY(!restart->isEnabled());
    QCOMPARE(w.actionController(), nullptr);
    // Tabs: Pods first, then the workspace.
    QVERIFY(w.tabs()->indexOf(w.logsTab()) > 0);
    QVERIFY(w.tabs()->indexOf(w.activityTab()) == w.tabs()->count() - 1);
    // The cluster tabs sit right after Pods, before the workspace; a new one goes after them.
    QVERIFY(w.tabs()->tabText(1).startsWith(QStringLiteral("Deployments")));
    QVERIFY(w.tabs()->tabText(2).startsWith(QStringLiteral("Nodes")));
    QVERIFY(w.tabs()->tabText(3).startsWith(QStringLiteral("Events")));
    auto *extra = new QWidget;
    QCOMPARE(w.addClusterTab(extra, QStringLiteral("Extra")), 4);
    QCOMPARE(w.tabs()->indexOf(w.logsTab()), 5);
}

void TestUi::podUsageColumns()
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

void TestUi::deploymentActionsFollowSelection()
{
    QFile f(QStringLiteral(VIGIA_SHARED_TEST_DATA_DIR "/workloads-joledev.json"));
    QVERIFY(f.open(QIODevice::ReadOnly));
    kube::ClusterSnapshot snapshot;
    snapshot.workloads = kube::parseWorkloadList(f.readAll()).value();
    snapshot.metricsAvailable = false;
    snapshot.metricsProblem = QStringLiteral("metrics-server is not installed");
    snapshot.fetchedAt = QDateTime::currentDateTimeUtc();
    QVERIFY(!snapshot.workloads.isEmpty());

    // Not connected: the actions exist and follow the selection, but stay disabled.
    ConnectionController controller;
    controller.podModel()->setPods(joledevPods(true));
    MainWindow w(&controller);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    w.clusterViews()->applySnapshot(snapshot);
    // The snapshot's (missing) usage reached the pod table.
    QCOMPARE(w.podView()->model()->index(0, PodListModel::Cpu).data().toString(), QStringLiteral("—"));
    QVERIFY(w.podView()
                ->model()
                ->index(0, PodListModel::Cpu)
                .data(Qt::ToolTipRole)
                .toString()
                .contains(QStringLiteral("metrics-server")));

    cluster::ClusterTab *page = w.clusterViews()->page(cluster::ClusterViews::Deployments);
    QVERIFY(page);
    QCOMPARE(page->view()->contextMenuPolicy(), Qt::CustomContextMenu);
    w.tabs()->setCurrentWidget(page);
    QVERIFY(!w.selectedWorkload());
    QCOMPARE(w.restartAction()->text(), QStringLiteral("&Restart"));
    QVERIFY(!w.deleteAction()->isEnabled());

    auto select = [&](const QString &kind, const QString &name) -> const kube::WorkloadInfo * {
        QAbstractItemModel *m = page->view()->model();
        for (int r = 0; r < m->rowCount(); ++r) {
            const QModelIndex src = page->proxy()->mapToSource(m->index(r, 0));
            const kube::WorkloadInfo *wl = w.clusterViews()->deployments()->itemAt(src.row());
            if (wl && wl->kind == kind && wl->name == name) {
                page->view()->setCurrentIndex(m->index(r, 0));
                return w.selectedWorkload();
            }
        }
        return nullptr;
    };
    const kube::WorkloadInfo *web = select(QStringLiteral("Deployment"), QStringLiteral("web"));
    QVERIFY(web);
    QCOMPARE(web->ns, QStringLiteral("joledev"));
    QVERIFY(!w.restartAction()->isEnabled());
    QVERIFY(!w.undoAction()->isEnabled());
    QVERIFY(!w.scaleAction()->isEnabled());

    const auto restart = MainWindow::workloadSpec(actions::ActionKind::Restart, *web);
    QVERIFY(restart);
    QCOMPARE(restart->kind, actions::ActionKind::Restart);
    QCOMPARE(restart->namespaceName, QStringLiteral("joledev"));
    QCOMPARE(restart->objectKind, actions::ObjectKind::Deployment);
    QCOMPARE(restart->objectName, QStringLiteral("web"));
    QVERIFY(MainWindow::workloadSpec(actions::ActionKind::Scale, *web));
    QVERIFY(MainWindow::workloadSpec(actions::ActionKind::Undo, *web));
    QVERIFY(!MainWindow::workloadSpec(actions::ActionKind::DeletePod, *web));

    // A DaemonSet restarts and undoes, but has no replica count to scale (the "All namespaces"
    // choice shows kube-system).
    page->namespaceBox()->setCurrentIndex(1);
    const kube::WorkloadInfo *ds =
        select(QStringLiteral("DaemonSet"), QStringLiteral("svclb-traefik-5d3f5d0a"));
    QVERIFY(ds);
    const auto dsRestart = MainWindow::workloadSpec(actions::ActionKind::Restart, *ds);
    QVERIFY(dsRestart);
    QCOMPARE(dsRestart->objectKind, actions::ObjectKind::DaemonSet);
    QCOMPARE(dsRestart->namespaceName, QStringLiteral("kube-system"));
    QVERIFY(!MainWindow::workloadSpec(actions::ActionKind::Scale, *ds));

    // Back on Pods: the actions act on the selected pod's owner again.
    w.tabs()->setCurrentIndex(0);
    QVERIFY(!w.selectedWorkload());
    QCOMPARE(w.restartAction()->text(), QStringLiteral("&Restart owner"));
}

QTEST_MAIN(TestUi)
#include "test_ui.moc"
