// Incident rules and their life over time, without a server: what is wrong now,
// when it becomes an incident, how it is updated, resolved and summarised.
#include "session/IncidentRules.h"
#include "session/IncidentTracker.h"

#include <QSignalSpy>
#include <QTest>
#include <QTimeZone>

using namespace vigia;
using namespace vigia::session;

namespace {
const QDateTime t0 = QDateTime(QDate(2026, 12, 4), QTime(3, 0), Qt::UTC);

kube::PodInfo pod(const QString &name, const QString &phase = QStringLiteral("Running"))
{
    kube::PodInfo p;
    p.ns = QStringLiteral("joledev");
    p.name = name;
    p.phase = phase;
    p.status = phase;
    p.createdAt = t0.addSecs(-3600);
    kube::ContainerInfo c;
    c.name = QStringLiteral("app");
    c.state = QStringLiteral("running");
    p.containers << c;
    return p;
}

kube::PodInfo crashLooping(const QString &name, int restarts, int exitCode, const QString &lastReason = {})
{
    kube::PodInfo p = pod(name);
    p.status = QStringLiteral("CrashLoopBackOff");
    p.restarts = restarts;
    kube::ContainerInfo &c = p.containers.first();
    c.state = QStringLiteral("waiting");
    c.stateReason = QStringLiteral("CrashLoopBackOff");
    c.restartCount = restarts;
    c.lastExitCode = exitCode;
    c.lastReason = lastReason.isEmpty() ? QStringLiteral("Error") : lastReason;
    c.lastFinishedAt = t0.addSecs(-30);
    return p;
}

kube::Condition cond(const QString &type, const QString &status, const QString &reason = {})
{
    kube::Condition c;
    c.type = type;
    c.status = status;
    c.reason = reason;
    c.lastTransition = t0.addSecs(-60);
    return c;
}

QList<IncidentReason> reasons(const QList<IncidentCandidate> &list)
{
    QList<IncidentReason> out;
    for (const IncidentCandidate &c : list)
        out << c.reason;
    return out;
}
} // namespace

class TestIncidents : public QObject {
    Q_OBJECT
private slots:
    void healthyServerHasNone();
    void crashLoopIsOneIncidentWithItsExitCode();
    void oomKilledWithoutCrashLoop();
    void imagePullAndPending();
    void nodesAndPressure();
    void workloads();
    void memoryOverNinetyPercentOfBudget();
    void unreachableHidesTheRest();
    void pendingBecomesAnIncidentAfterTwoMinutes();
    void updatedInPlaceThenResolved();
    void goneObjectResolvesAtOnce();
    void lostConnectionResolvesNothingElse();
    void firstThirtySecondsComeAsOneSummary();
};

void TestIncidents::healthyServerHasNone()
{
    ServerState s;
    s.pods = {pod(QStringLiteral("web-1")), pod(QStringLiteral("api-1"))};
    s.haveCluster = true;
    kube::NodeInfo n;
    n.name = QStringLiteral("vps");
    n.ready = true;
    n.conditions = {cond(QStringLiteral("Ready"), QStringLiteral("True")),
                    cond(QStringLiteral("DiskPressure"), QStringLiteral("False"))};
    s.nodes = {n};
    s.memoryUsedBytes = 2LL << 30;
    s.memoryBudgetBytes = 4LL << 30;
    QVERIFY(incidentsIn(s).isEmpty());
}

void TestIncidents::crashLoopIsOneIncidentWithItsExitCode()
{
    ServerState s;
    s.pods = {crashLooping(QStringLiteral("api-scheduler-7d9c"), 7, 137, QStringLiteral("OOMKilled"))};
    const QList<IncidentCandidate> found = incidentsIn(s);
    QCOMPARE(found.size(), 1); // OOMKilled behind a crash loop is the same incident
    QCOMPARE(found.first().reason, IncidentReason::CrashLoop);
    QCOMPARE(found.first().lastExitCode, std::optional<int>(137));
    QCOMPARE(found.first().restarts, 7);
    QVERIFY(found.first().detail.contains(QStringLiteral("137")));
    QCOMPARE(urgencyOf(found.first().reason), Urgency::Critical);
    QCOMPARE(summaryOf(found.first()), QStringLiteral("api-scheduler-7d9c is crash-looping"));
    QVERIFY(found.first().key().contains(QStringLiteral("joledev/api-scheduler-7d9c")));
}

void TestIncidents::oomKilledWithoutCrashLoop()
{
    kube::PodInfo p = pod(QStringLiteral("quoter-1"));
    p.restarts = 1;
    p.containers.first().lastReason = QStringLiteral("OOMKilled");
    p.containers.first().lastExitCode = 137;
    ServerState s;
    s.pods = {p};
    QCOMPARE(reasons(incidentsIn(s)), QList<IncidentReason>{IncidentReason::OomKilled});
}

void TestIncidents::imagePullAndPending()
{
    kube::PodInfo pull = pod(QStringLiteral("web-2"), QStringLiteral("Pending"));
    pull.containers.first().state = QStringLiteral("waiting");
    pull.containers.first().stateReason = QStringLiteral("ImagePullBackOff");
    kube::PodInfo pending = pod(QStringLiteral("web-3"), QStringLiteral("Pending"));
    ServerState s;
    s.pods = {pull, pending};
    const QList<IncidentCandidate> found = incidentsIn(s);
    QCOMPARE(reasons(found), (QList<IncidentReason>{IncidentReason::ImagePull, IncidentReason::Pending}));
    QVERIFY(!found.at(0).needsToLast);
    QVERIFY(found.at(1).needsToLast); // a pod is Pending for a moment when it starts
}

void TestIncidents::nodesAndPressure()
{
    kube::NodeInfo n;
    n.name = QStringLiteral("vps");
    n.ready = false;
    n.status = QStringLiteral("NotReady");
    n.conditions = {cond(QStringLiteral("Ready"), QStringLiteral("Unknown")),
                    cond(QStringLiteral("DiskPressure"), QStringLiteral("True")),
                    cond(QStringLiteral("MemoryPressure"), QStringLiteral("True"))};
    ServerState s;
    s.nodes = {n};
    QVERIFY(incidentsIn(s).isEmpty()); // no round yet: nothing known about nodes
    s.haveCluster = true;
    const QList<IncidentCandidate> found = incidentsIn(s);
    QCOMPARE(reasons(found), (QList<IncidentReason>{IncidentReason::NodeNotReady, IncidentReason::NodePressure}));
    QCOMPARE(found.at(1).detail, QStringLiteral("DiskPressure, MemoryPressure"));
    QCOMPARE(found.at(0).since, t0.addSecs(-60));
}

void TestIncidents::workloads()
{
    kube::WorkloadInfo failed;
    failed.kind = QStringLiteral("Deployment");
    failed.ns = QStringLiteral("joledev");
    failed.name = QStringLiteral("api-quoter");
    failed.desired = 1;
    failed.available = 0;
    failed.conditions = {cond(QStringLiteral("Progressing"), QStringLiteral("False"),
                              QStringLiteral("ProgressDeadlineExceeded"))};
    kube::WorkloadInfo short1 = failed;
    short1.name = QStringLiteral("web");
    short1.desired = 2;
    short1.available = 1;
    short1.conditions.clear();
    kube::WorkloadInfo fine = short1;
    fine.name = QStringLiteral("gatus");
    fine.available = 2;
    ServerState s;
    s.haveCluster = true;
    s.workloads = {failed, short1, fine};
    const QList<IncidentCandidate> found = incidentsIn(s);
    QCOMPARE(reasons(found),
             (QList<IncidentReason>{IncidentReason::RolloutFailed, IncidentReason::ReplicasUnavailable}));
    QVERIFY(found.at(1).needsToLast);
    QCOMPARE(found.at(1).detail, QStringLiteral("1 of 2 available"));
}

void TestIncidents::memoryOverNinetyPercentOfBudget()
{
    ServerState s;
    s.memoryBudgetBytes = 4LL << 30;
    s.memoryUsedBytes = qint64(0.89 * double(4LL << 30));
    QVERIFY(incidentsIn(s).isEmpty());
    s.memoryUsedBytes = qint64(0.91 * double(4LL << 30));
    const QList<IncidentCandidate> found = incidentsIn(s);
    QCOMPARE(reasons(found), QList<IncidentReason>{IncidentReason::MemoryOverBudget});
    QCOMPARE(found.first().detail, QStringLiteral("3.6 of 4.0 GiB in use"));
}

void TestIncidents::unreachableHidesTheRest()
{
    ServerState s;
    s.pods = {crashLooping(QStringLiteral("api-1"), 3, 1)};
    s.connectionLost = true;
    s.lostSince = t0;
    const QList<IncidentCandidate> found = incidentsIn(s);
    QCOMPARE(reasons(found), QList<IncidentReason>{IncidentReason::Unreachable});
    QVERIFY(found.first().needsToLast);
    QCOMPARE(summaryOf(found.first()), QStringLiteral("The server is unreachable"));
}

void TestIncidents::pendingBecomesAnIncidentAfterTwoMinutes()
{
    IncidentTracker tracker;
    QSignalSpy opened(&tracker, &IncidentTracker::opened);
    ServerState s;
    kube::PodInfo p = pod(QStringLiteral("web-3"), QStringLiteral("Pending"));
    p.createdAt = t0;
    s.pods = {p};
    tracker.evaluate(s, t0.addSecs(30));
    tracker.evaluate(s, t0.addSecs(119));
    QCOMPARE(opened.size(), 0);
    tracker.evaluate(s, t0.addSecs(121));
    QCOMPARE(opened.size(), 1);
    QCOMPARE(opened.first().first().value<Incident>().began, t0);
    // Pending that resolves before 2 minutes is never told.
    IncidentTracker other;
    QSignalSpy otherOpened(&other, &IncidentTracker::opened);
    QSignalSpy otherResolved(&other, &IncidentTracker::resolved);
    other.evaluate(s, t0.addSecs(60));
    other.evaluate(ServerState{}, t0.addSecs(90));
    other.evaluate(s, t0.addSecs(200)); // a new Pending spell, counted from the pod's creation
    QCOMPARE(otherResolved.size(), 0);
    QCOMPARE(otherOpened.size(), 1);
}

void TestIncidents::updatedInPlaceThenResolved()
{
    IncidentTracker tracker;
    QSignalSpy opened(&tracker, &IncidentTracker::opened);
    QSignalSpy updated(&tracker, &IncidentTracker::updated);
    QSignalSpy resolved(&tracker, &IncidentTracker::resolved);
    ServerState s;
    s.pods = {crashLooping(QStringLiteral("api-1"), 3, 1)};
    tracker.evaluate(s, t0);
    tracker.evaluate(s, t0.addSecs(10)); // nothing changed: nothing said
    QCOMPARE(opened.size(), 1);
    QCOMPARE(updated.size(), 0);
    s.pods = {crashLooping(QStringLiteral("api-1"), 4, 2)};
    tracker.evaluate(s, t0.addSecs(60));
    QCOMPARE(updated.size(), 1);
    const Incident up = updated.first().first().value<Incident>();
    QCOMPARE(up.id, opened.first().first().value<Incident>().id); // the same incident
    QCOMPARE(up.what.restarts, 4);
    s.pods = {pod(QStringLiteral("api-1"))};
    tracker.evaluate(s, t0.addSecs(14 * 60));
    // Running between two restarts is not healed yet: it must stay so for a minute.
    QCOMPARE(resolved.size(), 0);
    s.pods = {crashLooping(QStringLiteral("api-1"), 4, 2)};
    tracker.evaluate(s, t0.addSecs(14 * 60 + 20));
    QCOMPARE(resolved.size(), 0);
    QCOMPARE(opened.size(), 1);
    s.pods = {pod(QStringLiteral("api-1"))};
    tracker.evaluate(s, t0.addSecs(14 * 60));
    tracker.evaluate(s, t0.addSecs(14 * 60 + kHealingSecs));
    QCOMPARE(resolved.size(), 1);
    const Incident done = resolved.first().first().value<Incident>();
    QCOMPARE(done.durationSecs(t0.addSecs(99999)), qint64(14 * 60)); // healed when it went, not when seen to stay
    QVERIFY(tracker.openIncidents().isEmpty());
    QCOMPARE(opened.size(), 1);
}

void TestIncidents::goneObjectResolvesAtOnce()
{
    IncidentTracker tracker;
    QSignalSpy resolved(&tracker, &IncidentTracker::resolved);
    ServerState s;
    s.pods = {crashLooping(QStringLiteral("api-1"), 3, 1)};
    tracker.evaluate(s, t0);
    s.pods = {pod(QStringLiteral("api-2"))}; // replaced by a new pod
    tracker.evaluate(s, t0.addSecs(5));
    QCOMPARE(resolved.size(), 1);
}

void TestIncidents::lostConnectionResolvesNothingElse()
{
    IncidentTracker tracker;
    QSignalSpy opened(&tracker, &IncidentTracker::opened);
    QSignalSpy resolved(&tracker, &IncidentTracker::resolved);
    ServerState s;
    s.pods = {crashLooping(QStringLiteral("api-1"), 3, 1)};
    tracker.evaluate(s, t0);
    ServerState lost = s;
    lost.connectionLost = true;
    lost.lostSince = t0.addSecs(10);
    tracker.evaluate(lost, t0.addSecs(60));
    QCOMPARE(resolved.size(), 0);
    QCOMPARE(opened.size(), 1);
    tracker.evaluate(lost, t0.addSecs(10 + kLastingSecs + 1));
    QCOMPARE(opened.size(), 2);
    QCOMPARE(opened.last().first().value<Incident>().what.reason, IncidentReason::Unreachable);
    tracker.evaluate(s, t0.addSecs(400)); // back, still crash-looping
    QCOMPARE(resolved.size(), 1);
    QCOMPARE(resolved.first().first().value<Incident>().what.reason, IncidentReason::Unreachable);
    QCOMPARE(tracker.openIncidents().size(), 1);
}

void TestIncidents::firstThirtySecondsComeAsOneSummary()
{
    IncidentTracker tracker;
    QSignalSpy opened(&tracker, &IncidentTracker::opened);
    QSignalSpy summarized(&tracker, &IncidentTracker::summarized);
    tracker.setSummaryWindowSecs(2);
    tracker.connectedAt(QDateTime::currentDateTimeUtc());
    ServerState s;
    s.pods = {crashLooping(QStringLiteral("api-1"), 3, 1), crashLooping(QStringLiteral("api-2"), 2, 1)};
    s.memoryBudgetBytes = 100;
    s.memoryUsedBytes = 99;
    tracker.evaluate(s, QDateTime::currentDateTimeUtc());
    QCOMPARE(opened.size(), 0);
    QTRY_COMPARE_WITH_TIMEOUT(summarized.size(), 1, 10000);
    QCOMPARE(summarized.first().first().value<QList<Incident>>().size(), 3);
    QCOMPARE(opened.size(), 0);
    QCOMPARE(tracker.openIncidents().size(), 3);
}

QTEST_GUILESS_MAIN(TestIncidents)
#include "test_incidents.moc"
