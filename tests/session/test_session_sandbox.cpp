// The core Session, GUI-less, against real sshd + kubectl + the simulated API.
#include "Sandbox.h"
#include "SandboxProfile.h"

#include "actions/ActionRunner.h"
#include "actions/ActionSpec.h"
#include "kube/ClusterPoller.h"
#include "remote/KubectlRunner.h"
#include "session/CapacityFeed.h"
#include "session/ClusterFeed.h"
#include "session/Session.h"

#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace vigia;
using namespace vigia::session;

namespace {
constexpr int kConnectMs = 60000;

QSet<QString> namespacesOf(const Session &s)
{
    QSet<QString> out;
    for (const kube::PodInfo &p : s.pods())
        out.insert(p.ns);
    return out;
}

Profile profileFor(const test::Sandbox &sb, const QString &name)
{
    Profile p = test::sandboxProfile(sb);
    p.name = name;
    return p;
}
} // namespace

class TestSessionSandbox : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void connectsAndStartsItsServices();
    void readOnlyReachesTheActionRunner();
    void lostConnectionComesBackStaleThenLive();
    void twoServersSideBySideNeverCross();
    void disconnectStopsEverythingOnTheServer();

private:
    test::Sandbox m_sb;
};

void TestSessionSandbox::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true); // histories and caches under a test folder
    QVERIFY2(m_sb.start(), qPrintable(m_sb.errorString()));
}

void TestSessionSandbox::connectsAndStartsItsServices()
{
    Session s;
    QSignalSpy phases(&s, &Session::phaseChanged);
    QSignalSpy ready(&s, &Session::ready);
    QSignalSpy changed(&s, &Session::podsChanged);
    QSignalSpy rounds(s.cluster(), &ClusterFeed::updated);
    QSignalSpy history(s.capacity(), &CapacityFeed::historyChanged);
    s.start(profileFor(m_sb, QStringLiteral("session-a")), m_sb.target());
    QCOMPARE(history.size(), 1); // the history opens at start, before the network
    QTRY_COMPARE_WITH_TIMEOUT(s.phase(), Session::Phase::Connected, kConnectMs);
    QCOMPARE(ready.size(), 1);
    QVERIFY(!s.kubectlPrefix().isEmpty());
    QVERIFY(s.runner() && s.runner()->isReady());
    QVERIFY(s.podWatcher());
    QVERIFY(s.actionRunner());
    QVERIFY(s.commandRunner());
    QVERIFY(s.capacity()->sampler());
    QVERIFY(s.capacity()->history());
    // The pods the session keeps are the server's, and their objects with them.
    QVERIFY(!changed.isEmpty());
    QVERIFY(namespacesOf(s).contains(QStringLiteral("joledev")));
    const QList<kube::PodInfo> pods = s.pods();
    QCOMPARE(s.podCount(), int(pods.size()));
    QVERIFY(!s.podObject(pods.first().key()).isEmpty());
    QVERIFY(s.pod(pods.first().key()).has_value());
    QVERIFY(!s.isStale());
    // The round runs at once, taking turns with the pod watch.
    QTRY_VERIFY_WITH_TIMEOUT(!rounds.isEmpty(), kConnectMs);
    QVERIFY(s.cluster()->hasData());
    QVERIFY(!s.cluster()->snapshot().workloads.isEmpty());
    // Phases in order: nothing connected before it was.
    const auto phaseAt = [&](int i) { return phases.at(i).first().value<Session::Phase>(); };
    QCOMPARE(phaseAt(0), Session::Phase::Connecting);
    QCOMPARE(phaseAt(int(phases.size()) - 1), Session::Phase::Connected);
    QCOMPARE(s.serverText(), QStringLiteral("%1@%2:%3").arg(m_sb.user(), m_sb.host()).arg(m_sb.sshPort()));
}

void TestSessionSandbox::readOnlyReachesTheActionRunner()
{
    Session s;
    Profile p = profileFor(m_sb, QStringLiteral("session-ro"));
    p.readOnly = true;
    s.start(p, m_sb.target());
    QTRY_COMPARE_WITH_TIMEOUT(s.phase(), Session::Phase::Connected, kConnectMs);
    QVERIFY(s.isReadOnly());
    QVERIFY(s.actionRunner()->isReadOnly());
    QVERIFY(s.runner()->isReadOnly());
    const qsizetype before = m_sb.auditEntries().size();
    actions::ActionSpec spec;
    spec.kind = actions::ActionKind::Restart;
    spec.namespaceName = QStringLiteral("joledev");
    spec.objectKind = actions::ObjectKind::Deployment;
    spec.objectName = QStringLiteral("web");
    QVERIFY(!s.actionRunner()->execute(spec).ok());
    QTest::qWait(500);
    QCOMPARE(m_sb.auditEntries().size(), before);
}

void TestSessionSandbox::lostConnectionComesBackStaleThenLive()
{
    Session s;
    s.start(profileFor(m_sb, QStringLiteral("session-a")), m_sb.target());
    QTRY_COMPARE_WITH_TIMEOUT(s.phase(), Session::Phase::Connected, kConnectMs);
    const int podsBefore = s.podCount();
    QSignalSpy stale(&s, &Session::staleChanged);
    QSignalSpy gone(&s, &Session::servicesGone);
    QSignalSpy ready(&s, &Session::ready);
    QVERIFY(m_sb.killSshdSessions() > 0);
    QTRY_COMPARE_WITH_TIMEOUT(s.phase(), Session::Phase::Lost, kConnectMs);
    QVERIFY(s.nextRetryAt().isValid());
    QVERIFY(s.isStale());
    // The pods stay for the reader while the server is away.
    QCOMPARE(s.podCount(), podsBefore);
    QTRY_COMPARE_WITH_TIMEOUT(s.phase(), Session::Phase::Connected, kConnectMs);
    QVERIFY(!s.isStale());
    QVERIFY(gone.size() >= 1);
    QCOMPARE(ready.size(), 1);
    QVERIFY(stale.size() >= 2);
    QCOMPARE(stale.last().first().toBool(), false);
    QCOMPARE(s.podCount(), podsBefore);
}

void TestSessionSandbox::twoServersSideBySideNeverCross()
{
    test::Sandbox other;
    QVERIFY2(other.start(QStringLiteral("crashloop")), qPrintable(other.errorString()));
    Session a;
    Session b;
    a.start(profileFor(m_sb, QStringLiteral("side-a")), m_sb.target());
    b.start(profileFor(other, QStringLiteral("side-b")), other.target());
    QTRY_COMPARE_WITH_TIMEOUT(a.phase(), Session::Phase::Connected, kConnectMs);
    QTRY_COMPARE_WITH_TIMEOUT(b.phase(), Session::Phase::Connected, kConnectMs);
    // Pods: the crashloop server has its zoo namespace; the other server must not show it.
    QVERIFY(namespacesOf(b).contains(QStringLiteral("zoo")));
    QVERIFY(!namespacesOf(a).contains(QStringLiteral("zoo")));
    QVERIFY(a.capacity()->history() != b.capacity()->history());

    // Commands: each runner reaches its own server (a zoo pod exists on b only).
    QString zooPod;
    for (const kube::PodInfo &p : b.pods())
        if (p.ns == QLatin1String("zoo")) {
            zooPod = p.name;
            break;
        }
    QVERIFY(!zooPod.isEmpty());
    auto hasZooPod = [&](Session &s) {
        bool done = false, ok = false;
        quint64 token = 0;
        const QMetaObject::Connection c = QObject::connect(
            s.runner(), &remote::KubectlRunner::finished, [&](quint64 t, const Result<QByteArray> &r) {
                if (t == token) {
                    ok = r.ok();
                    done = true;
                }
            });
        token = s.runner()->run({QStringLiteral("get"), QStringLiteral("pod"), zooPod, QStringLiteral("--namespace=zoo"),
                                 QStringLiteral("-o"), QStringLiteral("name")});
        const bool answered = QTest::qWaitFor([&] { return done; }, 30000);
        QObject::disconnect(c);
        return answered && ok;
    };
    QVERIFY(hasZooPod(b));
    QVERIFY(!hasZooPod(a));

    // Actions: a restart through a reaches a's server only.
    const qsizetype beforeA = m_sb.auditEntries().size();
    const qsizetype beforeB = other.auditEntries().size();
    actions::ActionSpec spec;
    spec.kind = actions::ActionKind::Restart;
    spec.profile = QStringLiteral("side-a");
    spec.server = a.serverText();
    spec.namespaceName = QStringLiteral("joledev");
    spec.objectKind = actions::ObjectKind::Deployment;
    spec.objectName = QStringLiteral("web");
    QSignalSpy finished(a.actionRunner(), &actions::ActionRunner::actionFinished);
    QVERIFY(a.actionRunner()->execute(spec).ok());
    QVERIFY(finished.wait(60000));
    QVERIFY(finished.first().at(1).value<actions::ActionResult>().ok());
    QTRY_VERIFY_WITH_TIMEOUT(m_sb.auditEntries().size() > beforeA, 10000);
    QCOMPARE(other.auditEntries().size(), beforeB);

    // Closing one leaves the other running.
    a.disconnectFromHost();
    QCOMPARE(a.phase(), Session::Phase::Idle);
    QTest::qWait(1000);
    QCOMPARE(b.phase(), Session::Phase::Connected);
    QVERIFY(b.runner() && b.runner()->isReady());
}

void TestSessionSandbox::disconnectStopsEverythingOnTheServer()
{
    auto s = std::make_unique<Session>();
    s->start(profileFor(m_sb, QStringLiteral("session-a")), m_sb.target());
    QTRY_COMPARE_WITH_TIMEOUT(s->phase(), Session::Phase::Connected, kConnectMs);
    QTRY_VERIFY_WITH_TIMEOUT(m_sb.remoteProcessCount(QStringLiteral("watch"), QStringLiteral("kubectl")) >= 1,
                             kConnectMs);
    s.reset();
    // The watch, the round and the sampler end with the session: nothing is left running.
    QTRY_COMPARE_WITH_TIMEOUT(m_sb.remoteProcessCount(QStringLiteral("kubectl")), 0, 20000);
}

QTEST_GUILESS_MAIN(TestSessionSandbox)
#include "test_session_sandbox.moc"
