// Incidents from a live (simulated) server to desktop notifications: the sandbox
// crashes a pod, heals it, takes the node down and back, and runs over a small
// budget; each becomes exactly one notification, updated in place, then resolved.
#include "FakeNotificationServer.h"
#include "PrivateSessionBus.h"
#include "Sandbox.h"
#include "SandboxProfile.h"

#include "desktop/DesktopNotifier.h"
#include "session/ClusterFeed.h"
#include "session/IncidentTracker.h"
#include "session/Session.h"

#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace vigia;
using namespace vigia::session;

namespace {
constexpr int kConnectMs = 60000;

QList<test::NotifyCall> callsAbout(const test::FakeNotificationServer &server, const QString &word)
{
    QList<test::NotifyCall> out;
    for (const test::NotifyCall &c : server.calls)
        if (c.summary.contains(word))
            out << c;
    return out;
}
} // namespace

class TestIncidentsSandbox : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void crashThenHealIsOneNotification();
    void nodeNotReadyThenReady();
    void memoryOverBudget();

private:
    void connect(Session &session, qint64 budgetBytes = 0);

    test::Sandbox m_sb;
    std::unique_ptr<test::PrivateSessionBus> m_bus;
    std::unique_ptr<test::FakeNotificationServer> m_server;
    QDBusConnection m_client{QStringLiteral("none")};
};

void TestIncidentsSandbox::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    m_bus = std::make_unique<test::PrivateSessionBus>();
    QVERIFY2(!m_bus->address().isEmpty(), "dbus-daemon --session did not start (package dbus)");
    m_server = std::make_unique<test::FakeNotificationServer>();
    QVERIFY(m_server->registerOn(m_bus->connect(QStringLiteral("notifications"))));
    m_client = m_bus->connect(QStringLiteral("vigia"));
    QVERIFY2(m_sb.start(), qPrintable(m_sb.errorString()));
}

void TestIncidentsSandbox::connect(Session &session, qint64 budgetBytes)
{
    session.incidents()->setSummaryWindowSecs(1);
    session.incidents()->setHealingSecs(3); // a minute in the app
    Profile p = test::sandboxProfile(m_sb);
    if (budgetBytes > 0)
        p.ramBudgetBytes = budgetBytes;
    session.start(p, m_sb.target());
    QTRY_COMPARE_WITH_TIMEOUT(session.phase(), Session::Phase::Connected, kConnectMs);
    QTRY_VERIFY_WITH_TIMEOUT(session.cluster()->hasData(), kConnectMs);
}

void TestIncidentsSandbox::crashThenHealIsOneNotification()
{
    Session session;
    desktop::DesktopNotifier notifier(m_client);
    notifier.attach(session.incidents(), QStringLiteral("vps-joledev"));
    connect(session);
    QTRY_VERIFY_WITH_TIMEOUT(notifier.available(), 5000);
    QTest::qWait(2000); // past the summary window: the healthy server said nothing
    QCOMPARE(m_server->calls.size(), 0);
    QString crashed;
    QVERIFY(m_sb.ctl({QStringLiteral("crash-pod"), QStringLiteral("--namespace"), QStringLiteral("joledev"),
                      QStringLiteral("--pod"), QStringLiteral("api-quoter")},
                     &crashed));
    QTRY_VERIFY_WITH_TIMEOUT(!callsAbout(*m_server, QStringLiteral("crash-looping")).isEmpty(), 90000);
    const test::NotifyCall first = callsAbout(*m_server, QStringLiteral("crash-looping")).first();
    QCOMPARE(first.replacesId, 0u);
    QCOMPARE(first.urgency(), 2);
    // More restarts update the same notification; never a second one.
    QTRY_VERIFY_WITH_TIMEOUT(callsAbout(*m_server, QStringLiteral("crash-looping")).size() >= 2, 90000);
    for (const test::NotifyCall &c : callsAbout(*m_server, QStringLiteral("crash-looping")).mid(1))
        QCOMPARE(c.replacesId, first.returnedId);
    // Healed: the pod is replaced; the incident resolves into a low-urgency note in place.
    QVERIFY(m_sb.ctl({QStringLiteral("delete-pod"), QStringLiteral("--namespace"), QStringLiteral("joledev"),
                      QStringLiteral("--pod"), QStringLiteral("api-quoter")}));
    QTRY_VERIFY_WITH_TIMEOUT(!callsAbout(*m_server, QStringLiteral("recovered")).isEmpty(), 90000);
    const test::NotifyCall healed = callsAbout(*m_server, QStringLiteral("recovered")).first();
    QCOMPARE(healed.replacesId, first.returnedId);
    QCOMPARE(healed.urgency(), 0);
    QTRY_VERIFY_WITH_TIMEOUT(session.incidents()->openIncidents().isEmpty(), 30000);
    m_server->calls.clear();
}

void TestIncidentsSandbox::nodeNotReadyThenReady()
{
    Session session;
    desktop::DesktopNotifier notifier(m_client);
    notifier.attach(session.incidents(), QStringLiteral("vps-joledev"));
    connect(session);
    QTest::qWait(1500);
    m_server->calls.clear();
    QVERIFY(m_sb.ctl({QStringLiteral("node-notready")}));
    session.cluster()->pollNow();
    QTRY_VERIFY_WITH_TIMEOUT(!callsAbout(*m_server, QStringLiteral("NotReady")).isEmpty(), 60000);
    const QList<test::NotifyCall> down = callsAbout(*m_server, QStringLiteral("NotReady"));
    QCOMPARE(down.size(), 1);
    QCOMPARE(down.first().urgency(), 2);
    QVERIFY(m_sb.ctl({QStringLiteral("node-ready")}));
    QTest::qWait(500);
    session.cluster()->pollNow();
    QTest::qWait(4000); // healed for longer than the healing time: the next round resolves it
    session.cluster()->pollNow();
    QTRY_VERIFY_WITH_TIMEOUT(!callsAbout(*m_server, QStringLiteral("recovered")).isEmpty(), 60000);
    QCOMPARE(callsAbout(*m_server, QStringLiteral("recovered")).first().replacesId, down.first().returnedId);
    m_server->calls.clear();
}

void TestIncidentsSandbox::memoryOverBudget()
{
    Session session;
    desktop::DesktopNotifier notifier(m_client);
    notifier.attach(session.incidents(), QStringLiteral("vps-joledev"));
    // 64 MB: the host's memory in use is far over 90 % of it.
    connect(session, 64LL << 20);
    QTRY_VERIFY_WITH_TIMEOUT(!callsAbout(*m_server, QStringLiteral("budget")).isEmpty(), 60000);
    QTest::qWait(3000); // more samples: still the one notification
    const QList<test::NotifyCall> calls = callsAbout(*m_server, QStringLiteral("budget"));
    QCOMPARE(calls.first().urgency(), 1);
    for (const test::NotifyCall &c : calls.mid(1))
        QCOMPARE(c.replacesId, calls.first().returnedId);
}

QTEST_GUILESS_MAIN(TestIncidentsSandbox)
#include "test_incidents_sandbox.moc"
