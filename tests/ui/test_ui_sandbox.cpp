// GUI smoke against the real sandbox: sshd + kubectl + the simulated K3s API.
// The cluster pages against it (metrics, nodes, live events): test_cluster_views_sandbox.cpp.
#include "ConnectionPrompter.h"
#include "HostKeyDialog.h"
#include "MainWindow.h"
#include "PassphraseDialog.h"
#include "PassphraseKeychain.h"
#include "PodFilterProxyModel.h"
#include "PodListModel.h"
#include "Sandbox.h"
#include "SandboxProfile.h"
#include "SandboxSession.h"
#include "StatusStyle.h"
#include "ThemePalette.h"
#include "WindowProbe.h"
#include "actions/ActionController.h"
#include "actions/ActivityView.h"
#include "actions/AuditLog.h"
#include "actions/ConfirmActionDialog.h"
#include "actions/RolloutProgressPanel.h"
#include "capacity/CapacityView.h"
#include "cluster/ClusterTab.h"
#include "cluster/ClusterViews.h"
#include "cluster/EventListModel.h"
#include "cluster/NodeListModel.h"
#include "cluster/PodDetailsPane.h"
#include "cluster/StaleBanner.h"
#include "core/MetaTypes.h"
#include "data/DataWorkspace.h"
#include "db/SnapshotCache.h"
#include "kube/ClusterPoller.h"
#include "logs/LogPage.h"
#include "logs/LogPanel.h"
#include "metrics/HistoryStore.h"
#include "session/CapacityFeed.h"
#include "session/ClusterFeed.h"
#include "session/Session.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QFrame>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace vigia;

namespace {
constexpr int kConnectTimeoutMs = 30000;

QString outputPath(const QString &file)
{
    return QStringLiteral(VIGIA_UI_TEST_OUTPUT_DIR "/") + file;
}

using test::connectSession;
using test::sandboxProfile;
namespace probe = vigia::test::probe;
using Phase = session::Session::Phase;

QStringList podKeys(const PodListModel *m)
{
    QStringList keys;
    for (const kube::PodInfo &p : m->pods())
        keys << p.key();
    return keys;
}

template <typename T> T *waitForDialog(int timeoutMs = 10000)
{
    T *found = nullptr;
    const bool seen = QTest::qWaitFor(
        [&] {
            for (QWidget *w : QApplication::topLevelWidgets()) {
                if (auto *d = qobject_cast<T *>(w); d && d->isVisible()) {
                    found = d;
                    return true;
                }
            }
            return false;
        },
        timeoutMs);
    return seen ? found : nullptr;
}
} // namespace

class TestUiSandbox : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void connectsAndFillsPodTable();
    void unknownHostKeyDialogThenConnect();
    void passphraseDialogRetry();
    void crashloopScenarioShowsProblemFirst();
    void workspaceTabsAndPodLogs();
    void apiRefusedShowsBannerKeepsStaleRows();
    void lostConnectionKeepsStaleRows(); // last: it kills the shared sandbox's sshd

private:
    test::Sandbox m_sb;
};

void TestUiSandbox::initTestCase()
{
    registerCoreMetaTypes();
    // The history, snapshot cache and log settings go to a test location, not the user's.
    QStandardPaths::setTestModeEnabled(true);
    // VIGIA_SCREENSHOT_THEME=dark: the same pictures in the dark theme (README's "Light and dark").
    if (qEnvironmentVariable("VIGIA_SCREENSHOT_THEME") == QLatin1String("dark"))
        ThemePalette::apply(true);
    else if (qEnvironmentVariable("VIGIA_SCREENSHOT_THEME") == QLatin1String("light"))
        ThemePalette::apply(false); // as the app draws it: Fusion, the light palette
    QVERIFY2(m_sb.start(QStringLiteral("joledev")), qPrintable(m_sb.errorString()));
}

void TestUiSandbox::cleanupTestCase()
{
    m_sb.stop();
}

void TestUiSandbox::connectsAndFillsPodTable()
{
    session::Session session;
    MainWindow w(&session);
    PodListModel *model = probe::podModel(&w);
    QVERIFY(model);
    w.resize(1100, 520);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    // The sandbox's known_hosts has the key: no question may be asked.
    QSignalSpy unknown(&session, &session::Session::hostKeyUnknown);
    QSignalSpy phases(&session, &session::Session::phaseChanged);

    const QString why = connectSession(session, m_sb);
    QVERIFY2(why.isEmpty(), qPrintable(why));
    QCOMPARE(unknown.count(), 0);
    // Went through the stages in order.
    QList<Phase> seen;
    for (const auto &args : std::as_const(phases))
        seen << args.at(0).value<Phase>();
    QVERIFY(seen.contains(Phase::Connecting));
    QVERIFY(seen.contains(Phase::DetectingKubectl));
    QVERIFY(seen.indexOf(Phase::DetectingKubectl) <
            seen.indexOf(Phase::Connected));

    const QStringList keys = podKeys(model);
    for (const QString &prefix :
         {QStringLiteral("joledev/web-"), QStringLiteral("joledev/api-quoter-"),
          QStringLiteral("joledev/api-scheduler-"), QStringLiteral("joledev/gatus-"),
          QStringLiteral("kube-system/traefik-"), QStringLiteral("kube-system/coredns-")}) {
        QVERIFY2(
            std::any_of(keys.cbegin(), keys.cend(), [&](const QString &k) { return k.startsWith(prefix); }),
            qPrintable(prefix + QStringLiteral(" missing from ") + keys.join(QLatin1Char(' '))));
    }
    QVERIFY(probe::tabs(&w)->tabText(0).startsWith(QStringLiteral("Pods (%1").arg(keys.size())));
    // kube-system is hidden by default (one toggle away); the title counts it.
    const qsizetype system = std::count_if(keys.cbegin(), keys.cend(), [](const QString &k) {
        return k.startsWith(QLatin1String("kube-system/"));
    });
    QVERIFY(system > 0);
    QCOMPARE(probe::podTable(&w)->model()->rowCount(), keys.size() - system);
    QVERIFY(probe::stateLabel(&w)->text().contains(QStringLiteral("Connected")));
    QVERIFY(!probe::banner(&w)->isVisible());

    // Refresh runs the get again and changes nothing that didn't change.
    QSignalSpy updated(&session, &session::Session::podsUpdated);
    QSignalSpy resets(model, &QAbstractItemModel::modelReset);
    QVERIFY(probe::trigger(&w, QStringLiteral("refreshAction")));
    QVERIFY(updated.wait(kConnectTimeoutMs));
    QCOMPARE(resets.count(), 0);
    QCOMPARE(podKeys(model).size(), keys.size());

    QTest::qWait(50);
    QVERIFY(w.grab().save(outputPath(QStringLiteral("main-window-sandbox.png"))));
}

void TestUiSandbox::unknownHostKeyDialogThenConnect()
{
    // An empty known_hosts: the dialog must ask, and "Connect once" must not write it.
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const QString kh = tmp.filePath(QStringLiteral("known_hosts"));
    {
        QFile f(kh);
        QVERIFY(f.open(QIODevice::WriteOnly));
    }
    ssh::SshTarget target = m_sb.target(QStringLiteral("ed25519"));
    target.knownHostsPath = kh;

    session::Session session;
    MainWindow w(&session);
    PodListModel *model = probe::podModel(&w);
    QVERIFY(model);
    auto *keychain = new PassphraseKeychain(&session);
    keychain->setEnabled(false);
    new ConnectionPrompter(&session, &w, keychain);
    w.show();
    session.start(sandboxProfile(m_sb), target);

    HostKeyDialog *dlg = waitForDialog<HostKeyDialog>(kConnectTimeoutMs);
    QVERIFY2(dlg, "no host key dialog");
    QCOMPARE(dlg->mode(), HostKeyDialog::Mode::Unknown);
    QVERIFY2(dlg->messageText().contains(QStringLiteral("key fingerprint is SHA256:")),
             qPrintable(dlg->messageText()));
    QVERIFY(dlg->messageText().contains(QStringLiteral("[127.0.0.1]:%1").arg(m_sb.sshPort())));
    dlg->grab().save(outputPath(QStringLiteral("hostkey-unknown-sandbox.png")));
    dlg->connectOnceButton()->click();

    QTRY_VERIFY_WITH_TIMEOUT(session.phase() == Phase::Connected ||
                                 session.phase() == Phase::Failed,
                             kConnectTimeoutMs);
    QVERIFY2(session.phase() == Phase::Connected,
             qPrintable(session.lastError().toString()));
    QVERIFY(model->rowCount() > 0);
    QFile f(kh);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), QByteArray());
}

void TestUiSandbox::passphraseDialogRetry()
{
    session::Session session;
    MainWindow w(&session);
    PodListModel *model = probe::podModel(&w);
    QVERIFY(model);
    auto *keychain = new PassphraseKeychain(&session);
    keychain->setEnabled(false); // never touch the developer's real keychain
    new ConnectionPrompter(&session, &w, keychain);
    w.show();
    QSignalSpy asked(&session, &session::Session::passphraseRequired);
    session.start(sandboxProfile(m_sb), m_sb.target(QStringLiteral("ed25519_passphrase")));

    PassphraseDialog *dlg = waitForDialog<PassphraseDialog>(kConnectTimeoutMs);
    QVERIFY2(dlg, "no passphrase dialog");
    QVERIFY(!dlg->findChild<QLabel *>(QStringLiteral("passphraseRetryWarning")));
    dlg->passphraseEdit()->setText(QStringLiteral("not the passphrase"));
    dlg->accept();

    QTRY_VERIFY_WITH_TIMEOUT(asked.count() >= 2, kConnectTimeoutMs);
    QCOMPARE(asked.at(1).at(1).toBool(), true);
    PassphraseDialog *retry = waitForDialog<PassphraseDialog>(kConnectTimeoutMs);
    QVERIFY2(retry, "no second passphrase dialog");
    QVERIFY(retry->findChild<QLabel *>(QStringLiteral("passphraseRetryWarning")));
    retry->passphraseEdit()->setText(m_sb.passphrase());
    retry->accept();

    QTRY_VERIFY_WITH_TIMEOUT(session.phase() == Phase::Connected ||
                                 session.phase() == Phase::Failed,
                             kConnectTimeoutMs);
    QVERIFY2(session.phase() == Phase::Connected,
             qPrintable(session.lastError().toString()));
}

void TestUiSandbox::crashloopScenarioShowsProblemFirst()
{
    // Its own sandbox: this scenario has api-scheduler in CrashLoopBackOff (OOMKilled before).
    test::Sandbox crash;
    QVERIFY2(crash.start(QStringLiteral("crashloop")), qPrintable(crash.errorString()));
    session::Session session;
    MainWindow w(&session);
    PodListModel *model = probe::podModel(&w);
    QVERIFY(model);
    w.resize(1100, 700);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    Profile profile = sandboxProfile(crash);
    profile.name = QStringLiteral("joledev-vps");
    profile.readOnly = true;
    const QString why = connectSession(session, profile, crash.target(QStringLiteral("ed25519")), kConnectTimeoutMs);
    QVERIFY2(why.isEmpty(), qPrintable(why));

    // Problems first: every failing pod sits above every healthy one.
    const QAbstractItemModel *view = probe::podTable(&w)->model();
    const int failing = model->failingCount();
    QVERIFY(failing > 0);
    int shownFailing = 0; // kube-system is hidden by default
    for (int r = 0; r < view->rowCount(); ++r)
        shownFailing +=
            isFailing(Severity(view->index(r, 0).data(PodListModel::SeverityRole).toInt())) ? 1 : 0;
    QVERIFY(shownFailing > 0);
    for (int r = 0; r < view->rowCount(); ++r) {
        const bool isFail = isFailing(Severity(view->index(r, 0).data(PodListModel::SeverityRole).toInt()));
        QVERIFY2(isFail == (r < shownFailing),
                 qPrintable(view->index(r, 0).data(PodListModel::KeyRole).toString()));
    }
    // The title counts every pod, shown or not.
    QCOMPARE(probe::tabs(&w)->tabText(0), ui::PodsPage::tabTitle(model->rowCount(), failing));
    QVERIFY(probe::readOnlyBadge(&w)->isVisible());

    // The joledev namespace: api-scheduler is crashing, first, with its restarts dated.
    probe::podFilter(&w)->setText(QStringLiteral("joledev/")); // the node is "joledev-vps"
    QCOMPARE(view->rowCount(), 4);
    QVERIFY2(
        view->index(0, PodListModel::Name).data().toString().startsWith(QStringLiteral("api-scheduler-")),
        qPrintable(view->index(0, PodListModel::Name).data().toString()));
    QCOMPARE(view->index(0, PodListModel::Status).data().toString(), QStringLiteral("CrashLoopBackOff"));
    QVERIFY(view->index(0, PodListModel::Restarts).data().toString().contains(QStringLiteral("ago")));
    QTest::qWait(50);
    QVERIFY(w.grab().save(outputPath(QStringLiteral("main-window-crashloop-joledev.png"))));
    probe::podFilter(&w)->clear();

    // Select a healthy pod, as a reader would, then refresh: selection survives.
    probe::podTable(&w)->selectRow(3);
    const QString selected = probe::podTable(&w)->currentIndex().data(PodListModel::KeyRole).toString();
    QSignalSpy updated(&session, &session::Session::podsUpdated);
    QVERIFY(probe::trigger(&w, QStringLiteral("refreshAction")));
    QVERIFY(updated.wait(kConnectTimeoutMs));
    QCOMPARE(probe::podTable(&w)->currentIndex().data(PodListModel::KeyRole).toString(), selected);

    probe::podTable(&w)->clearSelection();
    probe::podTable(&w)->scrollToTop();
    QTest::qWait(50);
    QVERIFY(w.grab().save(outputPath(QStringLiteral("main-window-crashloop.png"))));

    // The Events tab streams live; the crash's BackOff warnings come first.
    cluster::ClusterViews *cv = probe::clusterViews(&w);
    probe::tabs(&w)->setCurrentWidget(cv->page(cluster::ClusterViews::Events));
    QTRY_VERIFY_WITH_TIMEOUT(cv->eventsLive(), kConnectTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(cv->events()->warningCount() > 0, kConnectTimeoutMs);
    QTest::qWait(50);
    QVERIFY(w.grab().save(outputPath(QStringLiteral("main-window-crashloop-events.png"))));
    probe::tabs(&w)->setCurrentIndex(0);
    crash.stop();
}

// The K3s API refuses connections while the Pods view is open: the banner says so and
// what to do, the rows stay, marked stale with the time of the last good data; when
// the API is back the banner goes and the rows are current again.
void TestUiSandbox::apiRefusedShowsBannerKeepsStaleRows()
{
    test::Sandbox sb; // its own: the API is stopped here
    QVERIFY2(sb.start(QStringLiteral("joledev")), qPrintable(sb.errorString()));
    session::Session session;
    MainWindow w(&session);
    PodListModel *model = probe::podModel(&w);
    QVERIFY(model);
    w.resize(1100, 560);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    const QString why = connectSession(session, sb);
    QVERIFY2(why.isEmpty(), qPrintable(why));
    const int rows = model->rowCount();
    QVERIFY(rows > 0);
    const int shown = probe::podTable(&w)->model()->rowCount();
    QVERIFY(shown > 0);
    QVERIFY(!probe::banner(&w)->isVisible());
    auto *status = w.findChild<QLabel *>(QStringLiteral("statusText"));
    QVERIFY(status);
    QVERIFY(!status->text().contains(QStringLiteral("stale")));

    QVERIFY(sb.ctl({QStringLiteral("api-stop")}));
    QTRY_VERIFY_WITH_TIMEOUT(probe::banner(&w)->isVisible(), 30000);
    QTRY_COMPARE_WITH_TIMEOUT(session.lastError().code, QStringLiteral("kube.refused"), 30000);
    const QString text = probe::bannerText(&w)->text();
    // What happened, what to do, and how old the rows below are.
    QVERIFY2(text.contains(QStringLiteral("refused the connection")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("systemctl status")), qPrintable(text));
    QVERIFY2(text.contains(QRegularExpression(QStringLiteral("Showing data from \\d\\d:\\d\\d:\\d\\d"))),
             qPrintable(text));
    QVERIFY2(text.contains(session.lastUpdated().toString(QStringLiteral("HH:mm:ss"))), qPrintable(text));
    QVERIFY(session.isStale());
    QVERIFY(model->isStale());
    QCOMPARE(model->rowCount(), rows);
    QCOMPARE(probe::podTable(&w)->model()->rowCount(), shown);
    QVERIFY2(status->text().contains(QStringLiteral("stale")), qPrintable(status->text()));
    auto *retry = w.findChild<QPushButton *>(QStringLiteral("errorBannerRetry"));
    QVERIFY(retry && retry->isVisible());
    QTest::qWait(50);
    QVERIFY(w.grab().save(outputPath(QStringLiteral("main-window-api-refused.png"))));

    QVERIFY(sb.ctl({QStringLiteral("api-start")}));
    QTRY_VERIFY_WITH_TIMEOUT(!probe::banner(&w)->isVisible(), 30000);
    QTRY_VERIFY_WITH_TIMEOUT(!session.isStale(), 5000);
    QVERIFY(!model->isStale());
    QCOMPARE(model->rowCount(), rows);
    QVERIFY2(!status->text().contains(QStringLiteral("stale")), qPrintable(status->text()));
    QCOMPARE(session.phase(), Phase::Connected);
}

void TestUiSandbox::lostConnectionKeepsStaleRows()
{
    session::Session session;
    MainWindow w(&session);
    PodListModel *model = probe::podModel(&w);
    QVERIFY(model);
    w.show();
    const QString why = connectSession(session, m_sb);
    QVERIFY2(why.isEmpty(), qPrintable(why));
    const int rows = model->rowCount();
    QVERIFY(rows > 0);

    m_sb.killSshd();
    // A refresh on a dead connection must end in Lost (or a failed refresh), never hang.
    probe::action(&w, QStringLiteral("refreshAction"))->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(probe::banner(&w)->isVisible(), 45000);
    QCOMPARE(model->rowCount(), rows);
    QVERIFY(session.isStale());
    QVERIFY(model->isStale());
    QVERIFY2(probe::bannerText(&w)->text().contains(QStringLiteral("out of date")),
             qPrintable(probe::bannerText(&w)->text()));
    w.grab().save(outputPath(QStringLiteral("main-window-lost.png")));
    // The sandbox is dead now; later tests would need a new one.
    m_sb.stop();
}

QTEST_MAIN(TestUiSandbox)
void TestUiSandbox::workspaceTabsAndPodLogs()
{
    QTemporaryDir auditDir;
    QVERIFY(auditDir.isValid());
    actions::AuditLog audit;
    QVERIFY(audit.open(auditDir.filePath(QStringLiteral("audit.sqlite"))).ok());
    session::Session session(&audit);
    MainWindow w(&session);
    PodListModel *model = probe::podModel(&w);
    QVERIFY(model);
    w.resize(1100, 560);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));

    // The workspace tabs are there, in order, after Pods.
    QStringList titles;
    for (int i = 0; i < probe::tabs(&w)->count(); ++i)
        titles << probe::tabs(&w)->tabText(i);
    QVERIFY2(titles.size() >= 5, qPrintable(titles.join(QLatin1Char(','))));
    QVERIFY(titles.at(0).startsWith(QStringLiteral("Pods")));
    const int logsIdx = probe::tabs(&w)->indexOf(probe::page(&w, QStringLiteral("logsTab")));
    QVERIFY(logsIdx > 0);
    QVERIFY(probe::tabs(&w)->indexOf(probe::page(&w, QStringLiteral("dataTab"))) > logsIdx);
    QVERIFY(probe::tabs(&w)->indexOf(probe::page(&w, QStringLiteral("capacityTab"))) > probe::tabs(&w)->indexOf(probe::page(&w, QStringLiteral("dataTab"))));
    QVERIFY(probe::tabs(&w)->indexOf(probe::page(&w, QStringLiteral("activityTab"))) > probe::tabs(&w)->indexOf(probe::page(&w, QStringLiteral("capacityTab"))));
    QVERIFY(probe::activityView(&w) != nullptr);

    Profile profile = sandboxProfile(m_sb);
    // The name the README's screenshot shows; nothing cached from an earlier run.
    profile.name = QStringLiteral("joledev-vps");
    QVERIFY(QDir(db::SnapshotCache(profile.name).dir()).removeRecursively());
    QFile::remove(metrics::HistoryStore::defaultPath(profile.name));
    const QJsonObject dbs = m_sb.info().value(QStringLiteral("databases")).toObject();
    profile.appointmentsDbPath = dbs.value(QStringLiteral("scheduler")).toString();
    profile.quotesDbPath = dbs.value(QStringLiteral("quoter")).toString();
    QVERIFY2(!profile.appointmentsDbPath.isEmpty(), "the sandbox names its scheduler database");
    session.start(profile, m_sb.target(QStringLiteral("ed25519")));
    // The per-server views open as soon as the connection starts, before it is up.
    QVERIFY(session.capacity()->history() != nullptr);
    QVERIFY(probe::dataWorkspace(&w) != nullptr);
    // No snapshot cached for this fresh profile: the first one is taken once connected.
    QSignalSpy dataRefreshed(probe::dataWorkspace(&w), &ui::DataWorkspace::refreshed);
    QTRY_VERIFY_WITH_TIMEOUT(session.phase() == Phase::Connected ||
                                 session.phase() == Phase::Failed,
                             kConnectTimeoutMs);
    QVERIFY2(session.phase() == Phase::Connected,
             qPrintable(session.lastError().toString()));
    QVERIFY(probe::workloadActions(&w)->controller() != nullptr);

    // Ctrl+<n> switches to the n-th tab from the keyboard.
    QApplication::setActiveWindow(&w);
    probe::tabs(&w)->setCurrentIndex(0);
    probe::podTable(&w)->setFocus();
    QTest::keyClick(probe::podTable(&w), Qt::Key(Qt::Key_1 + logsIdx), Qt::ControlModifier);
    QCOMPARE(probe::tabs(&w)->currentIndex(), logsIdx);
    probe::tabs(&w)->setCurrentIndex(0);

    // Select the web pod and press L: its log opens in the Logs tab and lines arrive.
    bool selected = false;
    for (const kube::PodInfo &p : model->pods()) {
        if (p.key().startsWith(QStringLiteral("joledev/web-"))) {
            selected = probe::podsPage(&w)->selectPod(p.ns, p.name);
            break;
        }
    }
    QVERIFY(selected);
    QCOMPARE(probe::podsPage(&w)->selectedPod()->ns, QStringLiteral("joledev"));
    probe::podTable(&w)->setFocus();
    QTest::keyClick(probe::podTable(&w), Qt::Key_L);
    QCOMPARE(probe::tabs(&w)->currentWidget(), probe::page(&w, QStringLiteral("logsTab")));
    QCOMPARE(probe::logPanel(&w)->pageCount(), 1);
    logs::LogPage *page = probe::logPanel(&w)->currentPage();
    QVERIFY(page);
    QVERIFY(page->pod().name.startsWith(QStringLiteral("web-")));
    QTRY_VERIFY_WITH_TIMEOUT(page->buffer()->size() > 0, kConnectTimeoutMs);

    // The capacity view is fed: the sampler's first tick lands in the history.
    QVERIFY(probe::capacityView(&w) != nullptr);
    QTRY_VERIFY_WITH_TIMEOUT(!session.capacity()->history()->seriesKeys().isEmpty(), kConnectTimeoutMs);
    probe::tabs(&w)->setCurrentIndex(0);
    QVERIFY(probe::podsPage(&w)->selectPod(page->pod().ns, page->pod().name));

    // Restart the web pod's deployment from the toolbar: confirm, sent, recorded in Activity.
    QVERIFY(probe::podsPage(&w)->selectPod(page->pod().ns, page->pod().name));
    auto *restart = w.findChild<QAction *>(QStringLiteral("restartAction"));
    QVERIFY(restart && restart->isEnabled());
    QSignalSpy finished(probe::workloadActions(&w)->controller(), &ui::ActionController::actionFinished);
    restart->trigger();
    auto *confirm = waitForDialog<ui::ConfirmActionDialog>();
    QVERIFY(confirm);
    QVERIFY(confirm->findChild<QLabel *>() != nullptr);
    confirm->confirmButton()->click();
    QVERIFY(finished.count() > 0 || finished.wait(kConnectTimeoutMs));
    const auto result = finished.first().at(0).value<actions::ActionResult>();
    QVERIFY2(result.ok(), qPrintable(result.spec.objectName));
    QCOMPARE(result.spec.objectName, QStringLiteral("web"));
    QTRY_VERIFY_WITH_TIMEOUT(probe::activityView(&w)->table()->model()->rowCount() > 0, 5000);
    // The rollout panel docks below the tabs without making the window taller.
    QTRY_VERIFY_WITH_TIMEOUT(probe::rolloutPanel(&w)->isVisible(), 5000);
    probe::tabs(&w)->setCurrentIndex(0);
    QTest::qWait(100);
    QVERIFY(w.grab().save(outputPath(QStringLiteral("main-window-rollout.png"))));
    for (QDockWidget *dock : w.findChildren<QDockWidget *>())
        dock->close();
    QTest::qWait(50);

    // One picture per tab, for people to look at (the README's is the Pods one).
    w.resize(1100, 700);
    QTRY_COMPARE_WITH_TIMEOUT(w.height(), 700, 2000);
    QVERIFY2(w.minimumSizeHint().height() <= 700, "the window fits a laptop screen");
    QVERIFY(dataRefreshed.count() > 0 || dataRefreshed.wait(60000));
    QCOMPARE(dataRefreshed.first().at(0).toBool(), true);
    for (QWidget *tab : {probe::tabs(&w)->widget(0), probe::page(&w, QStringLiteral("logsTab")), probe::page(&w, QStringLiteral("dataTab")), probe::page(&w, QStringLiteral("capacityTab")), probe::page(&w, QStringLiteral("activityTab"))}) {
        probe::tabs(&w)->setCurrentWidget(tab);
        QTest::qWait(100);
        QVERIFY(w.grab().save(outputPath(QStringLiteral("main-window-%1.png").arg(tab->objectName()))));
    }
    // Destroyed with its log still streaming, as when the user closes the window.
}

#include "test_ui_sandbox.moc"
