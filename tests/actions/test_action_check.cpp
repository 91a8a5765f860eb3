// An action with no answer is recorded as unknown, then checked: found applied, not applied,
// or still unknown. Scripted with the FakeExecutor; the audit trail is a real SQLite file.
#include "FakeExecutor.h"
#include "actions/ActionCheck.h"
#include "actions/ActionRunner.h"
#include "actions/AuditLog.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace vigia;
using namespace vigia::actions;

namespace {

ActionSpec spec(ActionKind kind)
{
    ActionSpec s;
    s.kind = kind;
    s.profile = QStringLiteral("vps-1");
    s.server = QStringLiteral("vps-1");
    s.namespaceName = QStringLiteral("joledev");
    s.objectKind = kind == ActionKind::DeletePod ? ObjectKind::Pod : ObjectKind::Deployment;
    s.objectName = kind == ActionKind::DeletePod ? QStringLiteral("api-1") : QStringLiteral("api");
    s.replicas = 2;
    return s;
}

CommandResult timedOut()
{
    CommandResult r;
    r.error = makeError(QStringLiteral("kubectl did not finish within 60 s."), {}, QStringLiteral("kube.timeout"));
    return r;
}

CommandResult answer(const QByteArray &out)
{
    CommandResult r;
    r.exitCode = 0;
    r.out = out;
    return r;
}

bool isCheck(const QStringList &args)
{
    return args.value(0) == QLatin1String("get");
}

} // namespace

class TestActionCheck : public QObject {
    Q_OBJECT
private slots:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_audit = std::make_unique<AuditLog>();
        QVERIFY(m_audit->open(m_dir.filePath(QStringLiteral("audit-%1.sqlite").arg(++m_n))).ok());
    }

    void timedOutRestartFoundApplied()
    {
        test::FakeExecutor exec;
        exec.responder = [](const QStringList &args) {
            return isCheck(args) ? answer(QDateTime::currentDateTimeUtc().toString(Qt::ISODate).toUtf8())
                                 : timedOut();
        };
        ActionRunner runner(&exec, m_audit.get());
        QSignalSpy finished(&runner, &ActionRunner::actionFinished);
        QSignalSpy checked(&runner, &ActionRunner::actionChecked);
        QVERIFY(runner.execute(spec(ActionKind::Restart)).ok());
        QTRY_COMPARE(finished.size(), 1);
        const auto r = finished.first().at(1).value<ActionResult>();
        QVERIFY(r.unknown);
        QVERIFY(r.error->message.contains(QStringLiteral("may have been applied")));
        QTRY_COMPARE(checked.size(), 1);
        QCOMPARE(checked.first().at(2).toBool(), true); // applied
        QCOMPARE(checked.first().at(3).toBool(), true); // known
        QCOMPARE(exec.sent.size(), 2);
        QVERIFY(exec.sent.at(1).contains(QStringLiteral("deployment/api")));
        const AuditEntry e = m_audit->entries().value().first();
        QCOMPARE(e.outcome, QString::fromLatin1(outcome::kFoundApplied));
        QVERIFY(e.outcomeDetail.contains(QStringLiteral("restarted at")));
    }

    void timedOutScaleFoundNotApplied()
    {
        test::FakeExecutor exec;
        exec.responder = [](const QStringList &args) { return isCheck(args) ? answer("1") : timedOut(); };
        ActionRunner runner(&exec, m_audit.get());
        QSignalSpy checked(&runner, &ActionRunner::actionChecked);
        QVERIFY(runner.execute(spec(ActionKind::Scale)).ok());
        QTRY_COMPARE(checked.size(), 1);
        QCOMPARE(checked.first().at(2).toBool(), false);
        QCOMPARE(checked.first().at(3).toBool(), true);
        const AuditEntry e = m_audit->entries().value().first();
        QCOMPARE(e.outcome, QString::fromLatin1(outcome::kNotApplied));
        QVERIFY(e.outcomeDetail.contains(QStringLiteral("still 1 replicas")));
    }

    void lostConnectionDeleteFoundApplied()
    {
        test::FakeExecutor exec;
        exec.responder = [](const QStringList &args) {
            CommandResult r;
            if (isCheck(args)) {
                r.exitCode = 1;
                r.err = "Error from server (NotFound): pods \"api-1\" not found";
                r.error = makeError(QStringLiteral("pods \"api-1\" not found"), {}, QStringLiteral("kube.not-found-object"));
            } else {
                r.error = makeError(QStringLiteral("The connection was lost."), {}, QStringLiteral("conn.lost"));
            }
            return r;
        };
        ActionRunner runner(&exec, m_audit.get());
        QSignalSpy checked(&runner, &ActionRunner::actionChecked);
        QVERIFY(runner.execute(spec(ActionKind::DeletePod)).ok());
        QTRY_COMPARE(checked.size(), 1);
        QCOMPARE(checked.first().at(2).toBool(), true);
        QCOMPARE(m_audit->entries().value().first().outcome, QString::fromLatin1(outcome::kFoundApplied));
    }

    void undoStaysUnknownWithoutACheck()
    {
        test::FakeExecutor exec;
        exec.responder = [](const QStringList &) { return timedOut(); };
        ActionRunner runner(&exec, m_audit.get());
        QSignalSpy checked(&runner, &ActionRunner::actionChecked);
        QVERIFY(runner.execute(spec(ActionKind::Undo)).ok());
        QTRY_COMPARE(checked.size(), 1);
        QCOMPARE(checked.first().at(3).toBool(), false); // not known
        QCOMPARE(exec.sent.size(), 1);
        QCOMPARE(m_audit->entries().value().first().outcome, QString::fromLatin1(outcome::kUnknown));
    }

    void refusalIsAPlainFailure()
    {
        test::FakeExecutor exec;
        exec.responder = [](const QStringList &) {
            CommandResult r;
            r.exitCode = 1;
            r.error = makeError(QStringLiteral("forbidden"), {}, QStringLiteral("kube.forbidden"));
            return r;
        };
        ActionRunner runner(&exec, m_audit.get());
        QSignalSpy finished(&runner, &ActionRunner::actionFinished);
        QSignalSpy checked(&runner, &ActionRunner::actionChecked);
        QVERIFY(runner.execute(spec(ActionKind::Restart)).ok());
        QTRY_COMPARE(finished.size(), 1);
        QVERIFY(!finished.first().at(1).value<ActionResult>().unknown);
        QTest::qWait(50);
        QCOMPARE(checked.size(), 0);
        QCOMPARE(exec.sent.size(), 1);
        QCOMPARE(m_audit->entries().value().first().outcome, QString::fromLatin1(outcome::kCommandFailed));
    }

    void anOlderRestartIsNotThisOne()
    {
        const QDateTime sent = QDateTime::currentDateTimeUtc();
        const CheckResult old = ActionCheck::judge(
            spec(ActionKind::Restart), sent,
            answer(sent.addSecs(-600).toString(Qt::ISODate).toUtf8()));
        QCOMPARE(old.verdict, CheckVerdict::NotApplied);
        // A server clock a minute behind still counts as this restart.
        const CheckResult skewed = ActionCheck::judge(
            spec(ActionKind::Restart), sent, answer(sent.addSecs(-60).toString(Qt::ISODate).toUtf8()));
        QCOMPARE(skewed.verdict, CheckVerdict::Applied);
        QVERIFY(ActionCheck::checkArgs(spec(ActionKind::Undo)).isEmpty());
        QCOMPARE(ActionCheck::checkArgs(spec(ActionKind::Scale)).value(0), QStringLiteral("get"));
    }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<AuditLog> m_audit;
    int m_n = 0;
};

QTEST_GUILESS_MAIN(TestActionCheck)
#include "test_action_check.moc"
