// Widget tests of the action flow: confirmation (Cancel is the default, typed
// names), confirm → runner → tracker → progress panel, failure with Logs and
// Undo, the scale and undo dialogs, and the Activity model.
// VIGIA_SCREENSHOT_DIR=dir saves the progress panel as rollout.png there.
#include "FakeExecutor.h"

#include "actions/ActionController.h"
#include "actions/ActivityModel.h"
#include "actions/ActivityView.h"
#include "actions/AuditLog.h"
#include "actions/ConfirmActionDialog.h"
#include "actions/ReadOnlyBadge.h"
#include "actions/RolloutProgressPanel.h"
#include "actions/ScaleDialog.h"
#include "actions/UndoDialog.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QtTest>

using namespace vigia;
using namespace vigia::actions;
using namespace vigia::ui;

namespace {

ActionSpec restartSpec()
{
    ActionSpec s;
    s.kind = ActionKind::Restart;
    s.profile = QStringLiteral("vps-1");
    s.server = QStringLiteral("vps-1");
    s.namespaceName = QStringLiteral("joledev");
    s.objectKind = ObjectKind::Deployment;
    s.objectName = QStringLiteral("api-scheduler");
    return s;
}

QJsonObject dep(int gen, int observed, int rev, int replicas, int updated, int ready, int available,
                int total)
{
    return QJsonObject{
        {"kind", "Deployment"},
        {"metadata", QJsonObject{{"name", "api-scheduler"},
                                 {"uid", "u1"},
                                 {"generation", gen},
                                 {"annotations",
                                  QJsonObject{{"deployment.kubernetes.io/revision", QString::number(rev)}}}}},
        {"spec",
         QJsonObject{{"replicas", replicas},
                     {"selector", QJsonObject{{"matchLabels", QJsonObject{{"app", "api-scheduler"}}}}}}},
        {"status", QJsonObject{{"observedGeneration", observed},
                               {"replicas", total},
                               {"updatedReplicas", updated},
                               {"readyReplicas", ready},
                               {"availableReplicas", available}}}};
}

QJsonObject rs(const QString &name, int rev)
{
    const QJsonObject owner{{"kind", "Deployment"}, {"name", "api-scheduler"}, {"controller", true}};
    const QJsonObject annotations{{"deployment.kubernetes.io/revision", QString::number(rev)}};
    const QJsonObject meta{
        {"name", name}, {"annotations", annotations}, {"ownerReferences", QJsonArray{owner}}};
    return QJsonObject{{"kind", "ReplicaSet"}, {"metadata", meta}};
}

QJsonObject pod(const QString &name, const QString &owner, bool ready, const QString &waiting = QString(),
                bool terminating = false)
{
    QJsonObject meta{
        {"name", name},
        {"ownerReferences",
         QJsonArray{QJsonObject{{"kind", "ReplicaSet"}, {"name", owner}, {"controller", true}}}}};
    if (terminating)
        meta.insert("deletionTimestamp", "2026-11-27T08:00:00Z");
    const QJsonObject state = waiting.isEmpty() ? QJsonObject{{"running", QJsonObject{}}}
                                                : QJsonObject{{"waiting", QJsonObject{{"reason", waiting}}}};
    return QJsonObject{
        {"kind", "Pod"},
        {"metadata", meta},
        {"status",
         QJsonObject{
             {"phase", "Running"},
             {"conditions", QJsonArray{QJsonObject{{"type", "Ready"}, {"status", ready ? "True" : "False"}}}},
             {"containerStatuses",
              QJsonArray{QJsonObject{{"name", "scheduler"},
                                     {"restartCount", waiting == "CrashLoopBackOff" ? 4 : 0},
                                     {"state", state}}}}}}};
}

// The simulated server: a rollout of 2 replicas that takes `steps` polls, or crash-loops.
struct FakeCluster {
    int step = 0;
    bool crash = false;
    CommandResult answer(const QStringList &args)
    {
        CommandResult r;
        r.exitCode = 0;
        if (args.value(0) == QLatin1String("rollout") || args.value(0) == QLatin1String("scale") ||
            args.value(0) == QLatin1String("delete")) {
            r.out = "deployment.apps/api-scheduler restarted\n";
            return r;
        }
        if (args.value(1).startsWith(QLatin1String("deployment/"))) {
            ++step;
            const QJsonObject d = step == 1            ? dep(2, 1, 1, 2, 2, 2, 2, 2)
                                  : step == 2 || crash ? dep(2, 2, 2, 2, 1, 2, 2, 3)
                                                       : dep(2, 2, 2, 2, 2, 2, 2, 2);
            r.out = QJsonDocument(d).toJson();
            return r;
        }
        QJsonArray items{rs("api-scheduler-old", 1), rs("api-scheduler-new", 2)};
        if (crash)
            items << pod("api-scheduler-old-a", "api-scheduler-old", true)
                  << pod("api-scheduler-old-b", "api-scheduler-old", true)
                  << pod("api-scheduler-new-a", "api-scheduler-new", false,
                         step >= 3 ? "CrashLoopBackOff" : "ContainerCreating");
        else if (step <= 2)
            items << pod("api-scheduler-old-a", "api-scheduler-old", true)
                  << pod("api-scheduler-old-b", "api-scheduler-old", true, "", step == 2)
                  << pod("api-scheduler-new-a", "api-scheduler-new", step == 2);
        else
            items << pod("api-scheduler-new-a", "api-scheduler-new", true)
                  << pod("api-scheduler-new-b", "api-scheduler-new", true);
        r.out = QJsonDocument(QJsonObject{{"kind", "List"}, {"items", items}}).toJson();
        return r;
    }
};

ConfirmActionDialog *openDialog(QWidget *parent)
{
    ConfirmActionDialog *d = nullptr;
    for (int i = 0; i < 50 && !d; ++i) {
        d = parent->findChild<ConfirmActionDialog *>();
        if (!d)
            QTest::qWait(10);
    }
    return d;
}

void saveShot(QWidget *w, const QString &name)
{
    const QString dir = qEnvironmentVariable("VIGIA_SCREENSHOT_DIR");
    if (dir.isEmpty())
        return;
    w->grab().save(dir + QLatin1Char('/') + name);
}

} // namespace

class TestActionsUi : public QObject {
    Q_OBJECT
private slots:
    void confirmDialogCancelIsDefault()
    {
        ConfirmActionDialog d(
            restartSpec(),
            QStringLiteral("kubectl rollout restart deployment/api-scheduler --namespace=joledev"), false);
        d.show();
        QVERIFY(QTest::qWaitForWindowExposed(&d));
        QVERIFY(d.cancelButton()->isDefault());
        QVERIFY(!d.confirmButton()->isDefault());
        QVERIFY(!d.confirmButton()->autoDefault());
        QVERIFY(d.findChild<QLabel *>("actionDescription")->text().contains("on server vps-1"));
        QCOMPARE(d.findChild<QLabel *>("commandLine")->text(),
                 QStringLiteral("kubectl rollout restart deployment/api-scheduler --namespace=joledev"));
        saveShot(&d, "confirm.png");
        // Enter answers with the default button: Cancel.
        QTest::keyClick(&d, Qt::Key_Return);
        QCOMPARE(d.result(), int(QDialog::Rejected));
    }

    // Restart has a key of its own: Alt+R confirms without reaching for the mouse.
    void confirmHasAKey()
    {
        ConfirmActionDialog d(
            restartSpec(),
            QStringLiteral("kubectl rollout restart deployment/api-scheduler --namespace=joledev"), false);
        d.show();
        QVERIFY(QTest::qWaitForWindowActive(&d));
        QVERIFY(d.confirmButton()->text().contains(QLatin1Char('&')));
        QTest::keyClick(&d, Qt::Key_R, Qt::AltModifier);
        // A mnemonic animates the click: it lands a moment later.
        QTRY_COMPARE_WITH_TIMEOUT(d.result(), int(QDialog::Accepted), 2000);
    }

    void typedNameGuardsDestructiveActions()
    {
        ActionSpec undo = restartSpec();
        undo.kind = ActionKind::Undo;
        undo.revision = 3;
        ConfirmActionDialog d(
            undo, "kubectl rollout undo deployment/api-scheduler --to-revision=3 --namespace=joledev", true);
        d.show();
        QVERIFY(d.nameEdit());
        QVERIFY(!d.confirmButton()->isEnabled());
        QTest::keyClicks(d.nameEdit(), "api-schedule");
        QVERIFY(!d.confirmButton()->isEnabled());
        QTest::keyClick(d.nameEdit(), Qt::Key_R);
        QVERIFY(d.confirmButton()->isEnabled());
        // Enter in the name field still does not confirm.
        QTest::keyClick(d.nameEdit(), Qt::Key_Return);
        QCOMPARE(d.result(), int(QDialog::Rejected));
    }

    void cancelSendsNothingConfirmRunsAndPanelShowsSuccess()
    {
        QTemporaryDir tmp;
        QWidget window;
        auto *layout = new QVBoxLayout(&window);
        auto *panel = new RolloutProgressPanel(&window);
        layout->addWidget(panel);
        window.resize(640, 420);
        window.show();
        test::FakeExecutor exec;
        FakeCluster cluster;
        exec.responder = [&cluster](const QStringList &args) { return cluster.answer(args); };
        AuditLog audit;
        QVERIFY(audit.open(tmp.filePath("audit.sqlite")).ok());
        ActionRunner runner(&exec, &audit);
        ActionController controller(&runner, panel, &window);
        controller.setTrackerTiming(30, 10000);
        QSignalSpy rolloutDone(&controller, &ActionController::rolloutFinished);

        // Cancel: nothing is sent, nothing recorded.
        QVERIFY(controller.request(restartSpec()));
        ConfirmActionDialog *d = openDialog(&window);
        QVERIFY(d);
        QTest::mouseClick(d->cancelButton(), Qt::LeftButton);
        QTest::qWait(50);
        QCOMPARE(exec.sent.size(), 0);
        QCOMPARE(audit.entries().value().size(), 0);
        QTRY_VERIFY(!window.findChild<ConfirmActionDialog *>()); // deleted on close

        // Confirm: the runner sends the restart, the tracker follows, the panel ends in success.
        controller.request(restartSpec());
        d = openDialog(&window);
        QVERIFY(d);
        QTest::mouseClick(d->confirmButton(), Qt::LeftButton);
        QTRY_VERIFY(!exec.sent.isEmpty());
        QCOMPARE(exec.sent.first(),
                 (QStringList{"rollout", "restart", "deployment/api-scheduler", "--namespace=joledev"}));
        QTRY_COMPARE_WITH_TIMEOUT(rolloutDone.size(), 1, 5000);
        QCOMPARE(panel->snapshot().phase, RolloutPhase::Succeeded);
        QVERIFY(panel->findChild<QLabel *>("rolloutBanner")->text().contains("Success: rolled out in"));
        QCOMPARE(panel->progressBar()->value(), 2);
        QVERIFY(!panel->undoButton()->isVisible());
        const AuditEntry e = audit.entries().value().first();
        QCOMPARE(e.outcome, QStringLiteral("succeeded"));
        QCOMPARE(e.exitCode, std::optional<int>(0));
        saveShot(&window, "rollout-success.png");
    }

    void failedRolloutOffersLogsAndUndo()
    {
        QWidget window;
        auto *layout = new QVBoxLayout(&window);
        auto *panel = new RolloutProgressPanel(&window);
        layout->addWidget(panel);
        window.resize(640, 420);
        window.show();
        test::FakeExecutor exec;
        FakeCluster cluster;
        cluster.crash = true;
        exec.responder = [&cluster](const QStringList &args) { return cluster.answer(args); };
        AuditLog audit;
        QVERIFY(audit.open(":memory:").ok());
        ActionRunner runner(&exec, &audit);
        ActionController controller(&runner, panel, &window);
        controller.setTrackerTiming(30, 10000);
        QSignalSpy rolloutDone(&controller, &ActionController::rolloutFinished);
        controller.request(restartSpec());
        ConfirmActionDialog *d = openDialog(&window);
        QVERIFY(d);
        QTest::mouseClick(d->confirmButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(rolloutDone.size(), 1, 5000);
        QCOMPARE(panel->snapshot().failure, RolloutFailure::CrashLoop);
        QVERIFY(panel->logsButton()->isVisible());
        QVERIFY(panel->undoButton()->isVisible());
        QCOMPARE(audit.entries().value().first().outcome, QStringLiteral("failed"));
        saveShot(&window, "rollout-failed.png");

        QSignalSpy logs(panel, &RolloutProgressPanel::logsRequested);
        QTest::mouseClick(panel->logsButton(), Qt::LeftButton);
        QCOMPARE(logs.size(), 1);
        QCOMPARE(logs.first().at(1).toString(), QStringLiteral("api-scheduler-new-a"));
        QCOMPARE(logs.first().at(2).toString(), QStringLiteral("scheduler"));

        // Undo asks first, for an undo of the same deployment.
        QTest::mouseClick(panel->undoButton(), Qt::LeftButton);
        ConfirmActionDialog *undo = openDialog(&window);
        QVERIFY(undo);
        QCOMPARE(undo->spec().kind, ActionKind::Undo);
        QCOMPARE(undo->spec().objectName, QStringLiteral("api-scheduler"));
        const qsizetype sent = exec.sent.size();
        undo->reject();
        QTest::qWait(30);
        QCOMPARE(exec.sent.size(), sent);
    }

    void readOnlyControllerRefuses()
    {
        QWidget window;
        test::FakeExecutor exec;
        ActionRunner runner(&exec, nullptr);
        runner.setReadOnly(true);
        ActionController controller(&runner, nullptr, &window);
        QSignalSpy refused(&controller, &ActionController::refused);
        QVERIFY(!controller.request(restartSpec()));
        QCOMPARE(refused.size(), 1);
        QVERIFY(refused.first().first().value<Error>().message.startsWith("read-only profile:"));
        QCOMPARE(exec.sent.size(), 0);
        ReadOnlyBadge badge;
        QVERIFY(badge.text().contains("READ-ONLY"));
    }

    void scaleDialogShowsCurrentCount()
    {
        ActionSpec s = restartSpec();
        s.currentReplicas = 2;
        ScaleDialog d(s);
        QCOMPARE(d.findChild<QLabel *>("currentReplicas")->text(), QStringLiteral("2"));
        QCOMPARE(d.spinBox()->value(), 2);
        d.spinBox()->setValue(4);
        QCOMPARE(d.result().kind, ActionKind::Scale);
        QCOMPARE(d.result().replicas, 4);
        QVERIFY(actionDescription(d.result()).contains("from 2 to 4"));
    }

    void undoDialogPicksARevision()
    {
        const QDateTime now = QDateTime::fromString("2026-11-27T10:00:00Z", Qt::ISODate);
        QList<RolloutRevision> revs;
        for (int i = 3; i >= 1; --i) {
            RolloutRevision r;
            r.revision = i;
            r.images = {QStringLiteral("ghcr.io/joledev/web:v%1").arg(i)};
            r.changeCause = i == 2 ? QStringLiteral("portafolio") : QString();
            r.created = now.addDays(-i);
            r.current = i == 3;
            revs << r;
        }
        ActionSpec s = restartSpec();
        UndoDialog d(s, revs, now);
        QCOMPARE(d.table()->rowCount(), 3);
        QVERIFY(d.table()->item(0, 0)->text().contains("current"));
        QCOMPARE(d.table()->item(1, 2)->text(), QStringLiteral("portafolio"));
        QCOMPARE(d.table()->item(2, 3)->text(), QStringLiteral("24h"));
        QCOMPARE(d.table()->item(0, 3)->text(), QStringLiteral("3d"));
        QVERIFY(d.previousButton()->isChecked());
        QCOMPARE(d.result().revision, 0);
        QCOMPARE(d.result().kind, ActionKind::Undo);
        d.table()->selectRow(2);
        QVERIFY(d.pickButton()->isChecked());
        QCOMPARE(d.chosenRevision(), 1);
        QCOMPARE(d.result().revision, 1);
        saveShot(&d, "undo.png");
    }

    void activityModelAndView()
    {
        AuditLog audit;
        QVERIFY(audit.open(":memory:").ok());
        AuditEntry e;
        e.profile = "vps-1";
        e.server = "vps-1";
        e.action = "restart";
        e.namespaceName = "joledev";
        e.objectKind = "deployment";
        e.objectName = "api-scheduler";
        e.commandLine = "kubectl rollout restart deployment/api-scheduler --namespace=joledev";
        const qint64 id = audit.append(e).value();
        ActivityView view(&audit);
        QAbstractItemModelTester tester(view.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(view.model()->rowCount(), 1);
        QVERIFY(audit.setExitStatus(id, 0, QString()).ok());
        QVERIFY(audit.setOutcome(id, outcome::kSucceeded, "Rolled out in 14 s.").ok());
        QCOMPARE(view.model()->rowCount(), 1);
        QVERIFY(
            view.model()->index(0, ActivityModel::Outcome).data().toString().contains("Rolled out in 14 s."));
        QCOMPARE(view.model()->index(0, ActivityModel::Exit).data().toInt(), 0);
        e.objectName = "web";
        audit.append(e).value();
        QCOMPARE(view.model()->rowCount(), 2);
        QCOMPARE(view.model()->entries().first().objectName, QStringLiteral("web"));
        view.resize(900, 200);
        saveShot(&view, "activity.png");
    }

    // A realistic mid-rollout picture for the README (only with VIGIA_SCREENSHOT_DIR).
    void screenshot()
    {
        if (qEnvironmentVariableIsEmpty("VIGIA_SCREENSHOT_DIR"))
            QSKIP("set VIGIA_SCREENSHOT_DIR to save screenshots");
        RolloutProgressPanel panel;
        ActionSpec s = restartSpec();
        panel.begin(s);
        RolloutState st(ObjectKind::Deployment, "api-scheduler", "joledev");
        const QJsonArray rss{rs("api-scheduler-7c9f8d6b5", 1), rs("api-scheduler-5d4b9c7f8", 2)};
        QJsonObject d = dep(2, 2, 2, 3, 2, 3, 2, 4);
        panel.setSnapshot(st.observe(
            d, rss,
            {pod("api-scheduler-7c9f8d6b5-x8k2p", "api-scheduler-7c9f8d6b5", true, "", true),
             pod("api-scheduler-7c9f8d6b5-qz7mw", "api-scheduler-7c9f8d6b5", true),
             pod("api-scheduler-5d4b9c7f8-h2n4v", "api-scheduler-5d4b9c7f8", true),
             pod("api-scheduler-5d4b9c7f8-t6r9c", "api-scheduler-5d4b9c7f8", true),
             pod("api-scheduler-5d4b9c7f8-w3l5b", "api-scheduler-5d4b9c7f8", false, "ContainerCreating")},
            9000));
        panel.resize(640, 380);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        saveShot(&panel, "rollout.png");
    }
};

QTEST_MAIN(TestActionsUi)
#include "test_actions_ui.moc"
