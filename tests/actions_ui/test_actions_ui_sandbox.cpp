// The confirm-and-progress flow against the sandbox: cancelling sends nothing
// (the simulator's audit file is unchanged); confirming sends one PATCH and
// the progress panel follows the simulator's rollout to success.
#include "actions/ActionController.h"
#include "actions/AuditLog.h"
#include "actions/ConfirmActionDialog.h"
#include "actions/RolloutProgressPanel.h"
#include "core/MetaTypes.h"
#include "remote/KubectlRunner.h"
#include "ssh/SshConnection.h"

#include "Sandbox.h"
#include "SandboxSession.h"

#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QVBoxLayout>
#include <QtTest>

using namespace vigia;
using namespace vigia::actions;
using namespace vigia::ui;

class TestActionsUiSandbox : public QObject {
    Q_OBJECT
private slots:
    void cancelSendsNothingConfirmFollowsToSuccess()
    {
        registerCoreMetaTypes();
        test::Sandbox sb;
        QVERIFY2(sb.start(QStringLiteral("joledev")), qPrintable(sb.errorString()));
        test::SandboxSession session = test::SandboxSession::open(sb);
        QVERIFY2(session, qPrintable(session.error));
        remote::KubectlRunner &kubectl = *session.runner;
        KubectlExecutor exec(&kubectl);
        AuditLog audit;
        QVERIFY(audit.open(QStringLiteral(":memory:")).ok());
        ActionRunner runner(&exec, &audit);

        QWidget window;
        auto *layout = new QVBoxLayout(&window);
        auto *panel = new RolloutProgressPanel(&window);
        layout->addWidget(panel);
        window.show();
        ActionController controller(&runner, panel, &window);
        controller.setTrackerTiming(1000, 120000);
        QSignalSpy done(&controller, &ActionController::rolloutFinished);

        ActionSpec s;
        s.kind = ActionKind::Restart;
        s.profile = s.server = QStringLiteral("vigia-sandbox");
        s.namespaceName = QStringLiteral("joledev");
        s.objectKind = ObjectKind::Deployment;
        s.objectName = QStringLiteral("web");

        const qsizetype before = sb.auditEntries().size();
        ConfirmActionDialog *dialog = controller.request(s);
        QVERIFY(dialog);
        QVERIFY(dialog->cancelButton()->isDefault());
        QTest::mouseClick(dialog->cancelButton(), Qt::LeftButton);
        QTest::qWait(2000);
        QCOMPARE(sb.auditEntries().size(), before);
        QCOMPARE(audit.entries().value().size(), 0);

        dialog = controller.request(s);
        QVERIFY(dialog);
        QTest::mouseClick(dialog->confirmButton(), Qt::LeftButton);
        QVERIFY(done.wait(150000));
        QCOMPARE(panel->snapshot().phase, RolloutPhase::Succeeded);
        QVERIFY(panel->findChild<QLabel *>(QStringLiteral("rolloutBanner"))
                    ->text()
                    .contains(QStringLiteral("Success")));
        const QList<QJsonObject> sent = sb.auditEntries().mid(before);
        QCOMPARE(sent.size(), 1);
        QCOMPARE(sent.first().value(QStringLiteral("method")).toString(), QStringLiteral("PATCH"));
        QCOMPARE(audit.entries().value().first().outcome, QStringLiteral("succeeded"));
    }
};

QTEST_MAIN(TestActionsUiSandbox)
#include "test_actions_ui_sandbox.moc"
