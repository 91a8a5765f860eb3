// Incident notifications on a real D-Bus session bus of the test's own, with a
// small org.freedesktop.Notifications server recording what Vigía sends.
#include "FakeNotificationServer.h"
#include "PrivateSessionBus.h"

#include "desktop/DesktopNotifier.h"
#include "session/IncidentTracker.h"

#include <QSignalSpy>
#include <QTest>

using namespace vigia;
using namespace vigia::session;
using vigia::desktop::DesktopNotifier;
using vigia::desktop::NotificationPolicy;

namespace {
ServerState crashing(int restarts)
{
    kube::PodInfo p;
    p.ns = QStringLiteral("joledev");
    p.name = QStringLiteral("api-scheduler-7d9c");
    p.phase = QStringLiteral("Running");
    p.restarts = restarts;
    kube::ContainerInfo c;
    c.stateReason = QStringLiteral("CrashLoopBackOff");
    c.lastExitCode = 137;
    p.containers << c;
    ServerState s;
    s.pods = {p};
    return s;
}
} // namespace

class TestNotifier : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void oneNotificationPerIncidentUpdatedThenRecovered();
    void changesWhileInFlightSendTheLatest();
    void openActionNamesTheIncident();
    void policyAndPause();
    void noServiceFallsBackToTheTray();

private:
    std::unique_ptr<test::PrivateSessionBus> m_bus;
    std::unique_ptr<test::FakeNotificationServer> m_server;
    QDBusConnection m_serverConn{QStringLiteral("none")};
    QDBusConnection m_clientConn{QStringLiteral("none")};
};

void TestNotifier::initTestCase()
{
    m_bus = std::make_unique<test::PrivateSessionBus>();
    QVERIFY2(!m_bus->address().isEmpty(), "dbus-daemon --session did not start (package dbus)");
}

void TestNotifier::init()
{
    m_serverConn = m_bus->connect(QStringLiteral("notification-server"));
    m_clientConn = m_bus->connect(QStringLiteral("vigia"));
    QVERIFY(m_serverConn.isConnected() && m_clientConn.isConnected());
    m_server = std::make_unique<test::FakeNotificationServer>();
    QVERIFY(m_server->registerOn(m_serverConn));
}

void TestNotifier::cleanup()
{
    m_serverConn.unregisterObject(QStringLiteral("/org/freedesktop/Notifications"));
    m_serverConn.unregisterService(QStringLiteral("org.freedesktop.Notifications"));
    m_server.reset();
}

void TestNotifier::oneNotificationPerIncidentUpdatedThenRecovered()
{
    IncidentTracker tracker;
    DesktopNotifier notifier(m_clientConn);
    QTRY_VERIFY_WITH_TIMEOUT(notifier.available(), 5000);
    notifier.attach(&tracker, QStringLiteral("vps-joledev"));
    const QDateTime t0 = QDateTime::currentDateTimeUtc();
    tracker.evaluate(crashing(7), t0);
    tracker.evaluate(crashing(7), t0.addSecs(10)); // the same state: nothing new to say
    QTRY_COMPARE_WITH_TIMEOUT(m_server->calls.size(), 1, 5000);
    tracker.evaluate(crashing(8), t0.addSecs(60));
    QTRY_COMPARE_WITH_TIMEOUT(m_server->calls.size(), 2, 5000);
    ServerState healthy = crashing(8);
    healthy.pods.first().containers.first().stateReason.clear();
    tracker.evaluate(healthy, t0.addSecs(14 * 60));
    tracker.evaluate(healthy, t0.addSecs(14 * 60 + kHealingSecs));
    QTRY_COMPARE_WITH_TIMEOUT(m_server->calls.size(), 3, 5000);
    QTest::qWait(200);
    QCOMPARE(m_server->calls.size(), 3);
    const test::NotifyCall &first = m_server->calls.at(0);
    QCOMPARE(first.replacesId, 0u);
    QCOMPARE(first.appName, QStringLiteral("Vigía"));
    QCOMPARE(first.summary, QStringLiteral("api-scheduler-7d9c is crash-looping"));
    QVERIFY(first.body.contains(QStringLiteral("vps-joledev")));
    QVERIFY(first.body.contains(QStringLiteral("137")));
    QCOMPARE(first.urgency(), 2);
    QCOMPARE(first.hints.value(QStringLiteral("desktop-entry")).toString(), QStringLiteral("vigia"));
    QVERIFY(first.actions.contains(QStringLiteral("open")));
    // Updated in place, then resolved in place with low urgency.
    const test::NotifyCall &update = m_server->calls.at(1);
    QCOMPARE(update.replacesId, first.returnedId);
    QVERIFY(update.body.contains(QStringLiteral("restarted 8 times")));
    const test::NotifyCall &recovered = m_server->calls.at(2);
    QCOMPARE(recovered.replacesId, first.returnedId);
    QCOMPARE(recovered.summary, QStringLiteral("api-scheduler-7d9c: recovered after 14 min"));
    QCOMPARE(recovered.urgency(), 0);
    QVERIFY(recovered.actions.isEmpty());
}

void TestNotifier::changesWhileInFlightSendTheLatest()
{
    IncidentTracker tracker;
    DesktopNotifier notifier(m_clientConn);
    QTRY_VERIFY_WITH_TIMEOUT(notifier.available(), 5000);
    notifier.attach(&tracker, QStringLiteral("vps-joledev"));
    const QDateTime t0 = QDateTime::currentDateTimeUtc();
    // Three changes before the desktop answered the first: the first and the latest are sent.
    tracker.evaluate(crashing(7), t0);
    tracker.evaluate(crashing(8), t0.addSecs(1));
    tracker.evaluate(crashing(9), t0.addSecs(2));
    QTRY_COMPARE_WITH_TIMEOUT(m_server->calls.size(), 2, 5000);
    QTest::qWait(200);
    QCOMPARE(m_server->calls.size(), 2);
    QCOMPARE(m_server->calls.at(1).replacesId, m_server->calls.at(0).returnedId);
    QVERIFY(m_server->calls.at(1).body.contains(QStringLiteral("restarted 9 times")));
}

void TestNotifier::openActionNamesTheIncident()
{
    IncidentTracker tracker;
    DesktopNotifier notifier(m_clientConn);
    QTRY_VERIFY_WITH_TIMEOUT(notifier.available(), 5000);
    notifier.attach(&tracker, QStringLiteral("vps-joledev"));
    QSignalSpy open(&notifier, &DesktopNotifier::openRequested);
    tracker.evaluate(crashing(7), QDateTime::currentDateTimeUtc());
    QTRY_COMPARE_WITH_TIMEOUT(m_server->calls.size(), 1, 5000);
    m_server->invoke(m_server->calls.first().returnedId + 100, QStringLiteral("open")); // not ours
    m_server->invoke(m_server->calls.first().returnedId, QStringLiteral("open"));
    QTRY_COMPARE_WITH_TIMEOUT(open.size(), 1, 5000);
    const Incident i = open.first().first().value<Incident>();
    QCOMPARE(i.what.name, QStringLiteral("api-scheduler-7d9c"));
    QCOMPARE(i.what.reason, IncidentReason::CrashLoop);
}

void TestNotifier::policyAndPause()
{
    NotificationPolicy policy;
    policy.namespaces = {QStringLiteral("cliente-01")};
    QVERIFY(!policy.allows(crashing(1).pods.isEmpty() ? IncidentCandidate{} : incidentsIn(crashing(1)).first(),
                           QTime(12, 0)));
    policy.namespaces.clear();
    policy.reasons = {QStringLiteral("NodeNotReady")};
    QVERIFY(!policy.allows(incidentsIn(crashing(1)).first(), QTime(12, 0)));
    policy.reasons.clear();
    policy.quietFrom = QTime(23, 0);
    policy.quietUntil = QTime(7, 0);
    QVERIFY(policy.isQuiet(QTime(3, 0)));
    QVERIFY(policy.isQuiet(QTime(23, 30)));
    QVERIFY(!policy.isQuiet(QTime(7, 0)));
    QVERIFY(!policy.isQuiet(QTime(12, 0)));

    IncidentTracker tracker;
    DesktopNotifier notifier(m_clientConn);
    QTRY_VERIFY_WITH_TIMEOUT(notifier.available(), 5000);
    notifier.attach(&tracker, QStringLiteral("vps-joledev"));
    notifier.pauseUntil(QDateTime::currentDateTimeUtc().addSecs(3600));
    QVERIFY(notifier.isPaused());
    tracker.evaluate(crashing(7), QDateTime::currentDateTimeUtc());
    tracker.evaluate(ServerState{}, QDateTime::currentDateTimeUtc().addSecs(60));
    QTest::qWait(300);
    QCOMPARE(m_server->calls.size(), 0); // nor a recovery for what was never told
}

void TestNotifier::noServiceFallsBackToTheTray()
{
    cleanup(); // no notification service on the bus
    IncidentTracker tracker;
    DesktopNotifier notifier(m_clientConn);
    QTest::qWait(300); // its look at the bus has come back
    QVERIFY(!notifier.available());
    notifier.attach(&tracker, QStringLiteral("vps-joledev"));
    QSignalSpy fallback(&notifier, &DesktopNotifier::fallbackRequested);
    tracker.evaluate(crashing(7), QDateTime::currentDateTimeUtc());
    QCOMPARE(fallback.size(), 1);
    QCOMPARE(fallback.first().at(0).toString(), QStringLiteral("api-scheduler-7d9c is crash-looping"));
    m_server = std::make_unique<test::FakeNotificationServer>(); // for cleanup()
}

QTEST_GUILESS_MAIN(TestNotifier)
#include "test_notifier.moc"
