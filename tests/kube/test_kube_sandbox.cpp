// Live oracle: the sandbox's real kubectl prints its own `get pods -A` table
// next to `-o json` of the same pods; PodParser/PodStatus must reproduce it.
#include "KubectlTableOracle.h"
#include "Sandbox.h"
#include "ProcessTree.h"
#include "SandboxSession.h"
#include "core/MetaTypes.h"
#include "kube/ClusterPoller.h"
#include "kube/ResourceWatcher.h"
#include "kube/WatchStreamParser.h"
#include "remote/KubectlRunner.h"
#include "ssh/SshConnection.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QtTest>

#include <csignal>
#include <sys/types.h>

using namespace vigia;

class TestKubeSandbox : public QObject {
    Q_OBJECT
private slots:
    void kubectlTableIsReproduced_data();
    void kubectlTableIsReproduced();
    void realWatchStreamIsRead();
    void watcherSurvivesFaults();
    void pollerSeesMetricsAndNodeState();
    void probeListThenPollerTakesTurns();
    void watcherSurvivesKubectlKilled();
    void pollerTakesTurnsWithTwoWatches();
};

void TestKubeSandbox::kubectlTableIsReproduced_data()
{
    QTest::addColumn<QString>("scenario");
    QTest::newRow("joledev") << QStringLiteral("joledev");
    QTest::newRow("crashloop") << QStringLiteral("crashloop");
}

void TestKubeSandbox::kubectlTableIsReproduced()
{
    QFETCH(QString, scenario);
    test::Sandbox sb;
    QVERIFY2(sb.start(scenario), qPrintable(sb.errorString()));
    // Both views in one command; pods in a crash loop move, so a rare race
    // between the two requests is retried (bounded).
    const QByteArray marker = "\n=====VIGIA-TABLE=====\n";
    QString failure = QStringLiteral("not run");
    for (int attempt = 0; attempt < 3 && !failure.isEmpty(); ++attempt) {
        QByteArray out;
        const int rc = sb.runSsh(
            QStringLiteral("kubectl get pods -A -o json && printf '%1' && kubectl get pods -A")
                .arg(QString::fromLatin1(marker).replace(QLatin1String("\n"), QLatin1String("\\n"))),
            &out);
        QCOMPARE(rc, 0);
        const qsizetype at = out.indexOf(marker);
        QVERIFY(at > 0);
        failure = test::compareWithKubectlTable(out.left(at), QString::fromUtf8(out.mid(at + marker.size())));
        if (!failure.isEmpty())
            qInfo("attempt %d: %s", attempt + 1, qPrintable(failure));
    }
    QVERIFY2(failure.isEmpty(), qPrintable(failure));
}

void TestKubeSandbox::realWatchStreamIsRead()
{
    test::Sandbox sb;
    QVERIFY2(sb.start(QStringLiteral("joledev")), qPrintable(sb.errorString()));
    QByteArray list;
    QCOMPARE(sb.runSsh(QStringLiteral("kubectl get pods -A -o json"), &list), 0);
    const Result<QList<kube::PodInfo>> pods = kube::parsePodList(list);
    QVERIFY(pods.ok());
    // The watch opens with one ADDED per pod; `timeout` ends it after that.
    QByteArray stream;
    sb.runSsh(QStringLiteral("timeout 4 kubectl get pods -A --watch -o json --output-watch-events"), &stream,
              20000);
    QVERIFY(!stream.isEmpty());
    // Read it in uneven chunks, as the SSH channel would deliver it.
    kube::WatchStreamParser parser;
    QList<kube::WatchEvent> events;
    for (qsizetype at = 0, n = 1; at < stream.size(); at += n, n = (n * 7 + 3) % 4096 + 1)
        events += parser.feed(QByteArrayView(stream).sliced(at, std::min(n, stream.size() - at)));
    QVERIFY(parser.takeErrors().isEmpty());
    QVERIFY(parser.finish().ok());
    QCOMPARE(events.size(), pods->size());
    QStringList names;
    for (const kube::WatchEvent &e : std::as_const(events)) {
        QCOMPARE(e.type, kube::WatchEvent::Type::Added);
        const Result<kube::PodInfo> p = kube::parsePod(e.object);
        QVERIFY(p.ok());
        names << p->key();
    }
    QStringList expected;
    for (const kube::PodInfo &p : pods.value())
        expected << p.key();
    names.sort();
    expected.sort();
    QCOMPARE(names, expected);
}

namespace {

QString touchedValue(const QJsonObject &pod)
{
    return pod.value(QLatin1String("metadata"))
        .toObject()
        .value(QLatin1String("annotations"))
        .toObject()
        .value(QLatin1String("vigia.sim/touched"))
        .toString();
}

// SIGKILLs the processes below the sandbox sshd whose argv[0] is `program` and whose
// command line contains pattern, as the OOM killer or a stray `kill -9` would on the
// server. Returns how many were killed.
int killRemote(const test::Sandbox &sb, const QString &program, const QString &pattern)
{
    const qint64 root = sb.sshdPid();
    if (root <= 0)
        return 0;
    int killed = 0;
    for (const qint64 pid : test::proc::descendantsOf(root, true)) {
        if (test::proc::programName(pid) == program && test::proc::commandLine(pid).contains(pattern) &&
            ::kill(static_cast<pid_t>(pid), SIGKILL) == 0)
            ++killed;
    }
    return killed;
}

} // namespace

// The watch's kubectl is killed on the server mid-stream: reported as killed, the
// objects kept (stale) meanwhile, listed and watched again, later changes seen.
void TestKubeSandbox::watcherSurvivesKubectlKilled()
{
    registerCoreMetaTypes();
    test::Sandbox sb;
    QVERIFY2(sb.start(QStringLiteral("joledev")), qPrintable(sb.errorString()));
    test::SandboxSession session = test::SandboxSession::open(sb);
    QVERIFY(session);
    remote::KubectlRunner &runner = *session.runner;

    kube::ResourceWatcher w(&runner);
    w.setBackoff(200, 2000);
    w.setStableAfter(3000);
    QHash<QString, QJsonObject> mirror;
    connect(&w, &kube::ResourceWatcher::changed, &w, [&](const kube::WatchBatch &b) {
        for (const QJsonObject &o : b.added + b.modified)
            mirror.insert(kube::objectKey(o), o);
        for (const QJsonObject &o : b.deleted)
            mirror.remove(kube::objectKey(o));
    });
    // What the watcher says at the moment it reports the kill (it may be Live again soon after).
    struct Report {
        Error why;
        kube::ResourceWatcher::State state;
        bool staleSinceValid;
        bool hasData;
        qsizetype objects;
    };
    QList<Report> reports;
    connect(&w, &kube::ResourceWatcher::stateChanged, &w,
            [&](kube::ResourceWatcher::State s, const Error &why) {
                if (!why.code.isEmpty())
                    reports << Report{why, s, w.staleSince().isValid(), w.hasData(), w.objects().size()};
            });
    w.start();
    QTRY_COMPARE_WITH_TIMEOUT(w.state(), kube::ResourceWatcher::State::Live, 30000);
    const qsizetype podCount = mirror.size();
    QVERIFY(podCount > 5);
    const QString watchPattern = QStringLiteral("--raw /api/v1/pods?watch=1");
    QVERIFY(QTest::qWaitFor([&] { return sb.remoteProcessCount(watchPattern) > 0; }, 10000));
    const int watchProcesses = sb.remoteProcessCount(watchPattern);
    QVERIFY(reports.isEmpty());

    QCOMPARE(killRemote(sb, QStringLiteral("kubectl"), watchPattern), 1);
    QTRY_VERIFY_WITH_TIMEOUT(!reports.isEmpty(), 15000);
    const Report first = reports.first();
    QVERIFY2(first.why.code == QStringLiteral("kube.killed"),
             qPrintable(first.why.code + QStringLiteral(": ") + first.why.message));
    QVERIFY2(first.why.message.contains(QStringLiteral("killed")), qPrintable(first.why.message));
    QVERIFY(!first.why.hint.isEmpty());
    QCOMPARE(first.state, kube::ResourceWatcher::State::Reconnecting);
    QVERIFY(first.staleSinceValid);
    QVERIFY(first.hasData);
    QCOMPARE(first.objects, podCount);
    QCOMPARE(mirror.size(), podCount);

    // Back: listed and watched again, one resident kubectl, and a later change arrives.
    QTRY_COMPARE_WITH_TIMEOUT(w.state(), kube::ResourceWatcher::State::Live, 20000);
    QVERIFY(!w.staleSince().isValid());
    QCOMPARE(mirror.size(), podCount);
    QTRY_COMPARE_WITH_TIMEOUT(sb.remoteProcessCount(watchPattern), watchProcesses, 10000);
    QString webKey;
    for (auto it = mirror.cbegin(); it != mirror.cend(); ++it)
        if (it.key().startsWith(QLatin1String("joledev/web-")))
            webKey = it.key();
    QVERIFY(!webKey.isEmpty());
    const QString before = touchedValue(mirror.value(webKey));
    QVERIFY(sb.ctl({QStringLiteral("touch"), QStringLiteral("--namespace"), QStringLiteral("joledev"),
                    QStringLiteral("--pod"), webKey.section(QLatin1Char('/'), 1)}));
    QTRY_VERIFY_WITH_TIMEOUT(touchedValue(mirror.value(webKey)) != before, 10000);
    QCOMPARE(w.state(), kube::ResourceWatcher::State::Live);
    w.stop();
    QTRY_COMPARE_WITH_TIMEOUT(sb.remoteProcessCount(watchPattern), 0, 10000);
}

// The ResourceWatcher against the real kubectl through the real sshd: first
// list, a live change, the stream ending and being cut mid-object, a 500, and
// the API going away and coming back, keeping the last data all along.
void TestKubeSandbox::watcherSurvivesFaults()
{
    registerCoreMetaTypes();
    test::Sandbox sb;
    QVERIFY2(sb.start(QStringLiteral("joledev")), qPrintable(sb.errorString()));
    QByteArray list;
    QCOMPARE(sb.runSsh(QStringLiteral("kubectl get pods -A -o json"), &list), 0);
    const qsizetype podCount = kube::parsePodList(list)->size();
    QVERIFY(podCount > 5);

    test::SandboxSession session = test::SandboxSession::open(sb);
    QVERIFY(session);
    remote::KubectlRunner &runner = *session.runner;

    kube::ResourceWatcher w(&runner);
    w.setBackoff(200, 2000);
    w.setStableAfter(3000);
    QHash<QString, QJsonObject> mirror; // what a view would hold, built only from batches
    int batches = 0;
    connect(&w, &kube::ResourceWatcher::changed, &w, [&](const kube::WatchBatch &b) {
        ++batches;
        for (const QJsonObject &o : b.added)
            mirror.insert(kube::objectKey(o), o);
        for (const QJsonObject &o : b.modified)
            mirror.insert(kube::objectKey(o), o);
        for (const QJsonObject &o : b.deleted)
            mirror.remove(kube::objectKey(o));
    });
    QStringList codes;
    connect(&w, &kube::ResourceWatcher::stateChanged, &w,
            [&](kube::ResourceWatcher::State, const Error &why) {
                if (!why.code.isEmpty())
                    codes << why.code;
            });
    QElapsedTimer t;
    t.start();
    w.start();
    QTRY_COMPARE_WITH_TIMEOUT(w.state(), kube::ResourceWatcher::State::Live, 30000);
    QCOMPARE(mirror.size(), podCount);
    qInfo("first list: %lld ms", qint64(t.elapsed()));
    // The kubectl of the watch (its own argv, unquoted; the shell wrappers quote it).
    const QString watchPattern = QStringLiteral("--raw /api/v1/pods?watch=1");
    QVERIFY(QTest::qWaitFor([&] { return sb.remoteProcessCount(watchPattern) > 0; }, 10000));
    const int watchProcesses = sb.remoteProcessCount(watchPattern);
    QVERIFY2(watchProcesses <= 2, qPrintable(QString::number(watchProcesses))); // kubectl (+ a dispatcher)

    auto touchAndSee = [&](const char *step) -> bool {
        const QString webKey = [&] {
            for (auto it = mirror.cbegin(); it != mirror.cend(); ++it)
                if (it.key().startsWith(QLatin1String("joledev/web-")))
                    return it.key();
            return QString();
        }();
        const QString before = touchedValue(mirror.value(webKey));
        QString out;
        if (!sb.ctl({QStringLiteral("touch"), QStringLiteral("--namespace"), QStringLiteral("joledev"),
                     QStringLiteral("--pod"), webKey.section(QLatin1Char('/'), 1)},
                    &out))
            return false;
        QElapsedTimer lat;
        lat.start();
        for (int i = 0; i < 200 && touchedValue(mirror.value(webKey)) == before; ++i)
            QTest::qWait(50);
        const bool seen = touchedValue(mirror.value(webKey)) != before;
        qInfo("%s: touch seen=%d after %lld ms", step, int(seen), qint64(lat.elapsed()));
        return seen;
    };
    QVERIFY(touchAndSee("live"));

    // The API ends the watch: the watcher carries on (resume or relist) and still sees changes.
    QTest::qWait(3200); // past setStableAfter, so the end is a normal one
    QVERIFY(sb.ctl({QStringLiteral("watch-end")}));
    QTest::qWait(500);
    QVERIFY(touchAndSee("after watch-end"));
    QCOMPARE(mirror.size(), podCount);

    // The stream is cut mid-object: reported as truncated, relisted, nothing lost.
    QVERIFY(sb.ctl({QStringLiteral("watch-truncate")}));
    QVERIFY(sb.ctl({QStringLiteral("touch"), QStringLiteral("--namespace"), QStringLiteral("joledev"),
                    QStringLiteral("--pod"), QStringLiteral("gatus")}));
    QTRY_VERIFY_WITH_TIMEOUT(codes.contains(QStringLiteral("kube.truncated")) ||
                                 codes.contains(QStringLiteral("kube.failed")),
                             15000);
    QTRY_COMPARE_WITH_TIMEOUT(w.state(), kube::ResourceWatcher::State::Live, 15000);
    QCOMPARE(mirror.size(), podCount);
    QVERIFY(touchAndSee("after truncate"));

    // The API answers 500 for a while: classified, retried, recovered.
    codes.clear();
    QVERIFY(sb.ctl({QStringLiteral("api-error"), QStringLiteral("500"), QStringLiteral("--count"),
                    QStringLiteral("2")}));
    QVERIFY(sb.ctl({QStringLiteral("watch-end")}));
    QTRY_VERIFY_WITH_TIMEOUT(codes.contains(QStringLiteral("kube.server-error")), 15000);
    QTRY_COMPARE_WITH_TIMEOUT(w.state(), kube::ResourceWatcher::State::Live, 20000);
    QCOMPARE(mirror.size(), podCount);

    // The API goes away: refused, stale since a time, the data kept; back when it returns.
    QVERIFY(sb.ctl({QStringLiteral("api-stop")}));
    QTRY_COMPARE_WITH_TIMEOUT(w.lastError().code, QStringLiteral("kube.refused"), 20000);
    QVERIFY(w.state() == kube::ResourceWatcher::State::Reconnecting);
    QVERIFY(w.staleSince().isValid());
    QVERIFY(w.hasData());
    QCOMPARE(w.objects().size(), podCount);
    QCOMPARE(mirror.size(), podCount);
    QVERIFY(!w.lastError().hint.isEmpty());
    QVERIFY(sb.ctl({QStringLiteral("api-start")}));
    QTRY_COMPARE_WITH_TIMEOUT(w.state(), kube::ResourceWatcher::State::Live, 20000);
    QVERIFY(!w.staleSince().isValid());
    QCOMPARE(mirror.size(), podCount);
    QVERIFY(touchAndSee("after api-start"));
    // Exactly one resident watch on the server, whatever happened before.
    QTRY_COMPARE_WITH_TIMEOUT(sb.remoteProcessCount(watchPattern), watchProcesses, 10000);
    w.stop();
    QTRY_COMPARE_WITH_TIMEOUT(sb.remoteProcessCount(watchPattern), 0, 10000);
    qInfo("batches: %d", batches);
}

// One combined kubectl per round: workloads, nodes, events and usage; metrics-server
// missing is told apart from a broken API; a NotReady node shows as such.
void TestKubeSandbox::pollerSeesMetricsAndNodeState()
{
    registerCoreMetaTypes();
    test::Sandbox sb;
    QVERIFY2(sb.start(QStringLiteral("joledev")), qPrintable(sb.errorString()));
    test::SandboxSession session = test::SandboxSession::open(sb);
    QVERIFY(session);
    remote::KubectlRunner &runner = *session.runner;

    kube::ClusterPoller poller(&runner);
    QSignalSpy updated(&poller, &kube::ClusterPoller::updated);
    QSignalSpy failed(&poller, &kube::ClusterPoller::failed);
    poller.start();
    QTRY_VERIFY_WITH_TIMEOUT(updated.size() == 1, 30000);
    kube::ClusterSnapshot s = poller.snapshot();
    QVERIFY(s.metricsAvailable);
    QVERIFY(s.workloads.size() >= 9);
    QCOMPARE(s.nodes.size(), 1);
    QVERIFY(s.nodes.first().ready);
    QVERIFY(s.nodes.first().cpuUsageMilli.has_value());
    QVERIFY(!s.events.isEmpty());
    QVERIFY(s.podUsage.size() >= 8);

    QVERIFY(sb.ctl({QStringLiteral("metrics"), QStringLiteral("off")}));
    QVERIFY(sb.ctl({QStringLiteral("node-notready")}));
    poller.pollNow();
    QTRY_VERIFY_WITH_TIMEOUT(updated.size() == 2, 30000);
    s = poller.snapshot();
    QVERIFY(!s.metricsAvailable);
    QVERIFY(!s.metricsProblem.isEmpty());
    QVERIFY(s.podUsage.isEmpty());
    QVERIFY(!s.nodes.first().cpuUsageMilli.has_value());
    QVERIFY(s.workloads.size() >= 9); // everything else still came
    QVERIFY(!s.nodes.first().ready);
    QCOMPARE(s.nodes.first().status, QStringLiteral("NotReady"));
    QVERIFY(failed.isEmpty());

    // The API down: failed() with the reason, the last snapshot kept.
    QVERIFY(sb.ctl({QStringLiteral("api-stop")}));
    poller.pollNow();
    QTRY_VERIFY_WITH_TIMEOUT(!failed.isEmpty(), 30000);
    QCOMPARE(failed.last().first().value<Error>().code, QStringLiteral("kube.refused"));
    QVERIFY(poller.isStale());
    QVERIFY(poller.snapshot().workloads.size() >= 9);
    QVERIFY(sb.ctl({QStringLiteral("api-start")}));
    QVERIFY(sb.ctl({QStringLiteral("metrics"), QStringLiteral("on")}));
    QVERIFY(sb.ctl({QStringLiteral("node-ready")}));
    poller.pollNow();
    QTRY_VERIFY_WITH_TIMEOUT(updated.size() == 3, 30000);
    QVERIFY(!poller.isStale());
    QVERIFY(poller.snapshot().nodes.first().ready);
}

namespace {
struct RoundSeen {
    int rounds = 0;       // updated() signals so far
    bool sawPoll = false; // the round's kubectl was seen on the server
    bool overlap = false; // ... while a watch's kubectl was there too
};

// One poller round, the server's processes sampled every 15 ms throughout.
RoundSeen pollOnce(test::Sandbox &sb, kube::ClusterPoller &poller, const QStringList &watchPatterns)
{
    const QString kubectl = QStringLiteral("kubectl");
    const QString pollPattern = QStringLiteral("get deployments,statefulsets,daemonsets");
    QSignalSpy updated(&poller, &kube::ClusterPoller::updated);
    RoundSeen seen;
    poller.pollNow();
    QElapsedTimer t;
    t.start();
    while (updated.isEmpty() && t.elapsed() < 30000) {
        const int polls = sb.remoteProcessCount(pollPattern, kubectl);
        seen.sawPoll = seen.sawPoll || polls > 0;
        for (const QString &w : watchPatterns)
            seen.overlap = seen.overlap || (polls > 0 && sb.remoteProcessCount(w, kubectl) > 0);
        QTest::qWait(15);
    }
    seen.rounds = int(updated.size());
    return seen;
}
} // namespace

// The first table from the detection probe (one kubectl, not two), and the 30 s
// poll taking turns with the resident watch: never two kubectl on the server at
// once, and a change made while the watch was paused still arrives.
void TestKubeSandbox::probeListThenPollerTakesTurns()
{
    registerCoreMetaTypes();
    test::Sandbox sb;
    QVERIFY2(sb.start(QStringLiteral("joledev")), qPrintable(sb.errorString()));
    test::SandboxSession::Options detect;
    detect.probeArgs = kube::ResourceWatcher::listArgs();
    test::SandboxSession session = test::SandboxSession::open(sb.target(QStringLiteral("ed25519")), detect);
    QVERIFY2(session, qPrintable(session.error));
    remote::KubectlRunner &runner = *session.runner;
    QCOMPARE(session.probes.size(), 1);
    const QByteArray list = session.probes.first();
    const Result<QList<kube::PodInfo>> pods = kube::parsePodList(list);
    QVERIFY2(pods.ok(), qPrintable(pods.ok() ? QString() : pods.error().message));
    QVERIFY(pods->size() > 5);

    kube::ResourceWatcher w(&runner);
    QHash<QString, QJsonObject> mirror;
    connect(&w, &kube::ResourceWatcher::changed, &w, [&](const kube::WatchBatch &b) {
        for (const QJsonObject &o : b.added + b.modified)
            mirror.insert(kube::objectKey(o), o);
        for (const QJsonObject &o : b.deleted)
            mirror.remove(kube::objectKey(o));
    });
    w.startWithList(list);
    // Applied at once, from the probe's output: no second list.
    QCOMPARE(w.state(), kube::ResourceWatcher::State::Live);
    QCOMPARE(mirror.size(), pods->size());
    const QString watchPattern = QStringLiteral("--raw /api/v1/pods?watch=1");
    const QString kubectl = QStringLiteral("kubectl");
    QVERIFY(QTest::qWaitFor([&] { return sb.remoteProcessCount(watchPattern, kubectl) > 0; }, 10000));

    // Paused: the watch's kubectl is gone when whenQuiet runs; a change made now
    // arrives after resume().
    bool quiet = false;
    w.pause([&] { quiet = true; });
    QTRY_VERIFY_WITH_TIMEOUT(quiet, 10000);
    QCOMPARE(sb.remoteProcessCount(watchPattern, kubectl), 0);
    QString webKey;
    for (auto it = mirror.cbegin(); it != mirror.cend(); ++it)
        if (it.key().startsWith(QLatin1String("joledev/web-")))
            webKey = it.key();
    QVERIFY(!webKey.isEmpty());
    const QString before = touchedValue(mirror.value(webKey));
    QVERIFY(sb.ctl({QStringLiteral("touch"), QStringLiteral("--namespace"), QStringLiteral("joledev"),
                    QStringLiteral("--pod"), webKey.section(QLatin1Char('/'), 1)}));
    QTest::qWait(300);
    QCOMPARE(touchedValue(mirror.value(webKey)), before); // nothing is watching
    w.resume();
    QTRY_VERIFY_WITH_TIMEOUT(touchedValue(mirror.value(webKey)) != before, 10000);
    QCOMPARE(w.state(), kube::ResourceWatcher::State::Live);

    // Two rounds of the poller, sampled all along: the watch and the poll never overlap.
    kube::ClusterPoller poller(&runner);
    poller.setExclusiveWith(&w);
    poller.setInterval(600000);
    for (int round = 0; round < 2; ++round) {
        QVERIFY(QTest::qWaitFor([&] { return sb.remoteProcessCount(watchPattern, kubectl) > 0; }, 10000));
        const RoundSeen seen = pollOnce(sb, poller, {watchPattern});
        QCOMPARE(seen.rounds, 1);
        QVERIFY(seen.sawPoll);
        QVERIFY(!seen.overlap);
    }
    // The watch is back after each round, and live.
    QVERIFY(QTest::qWaitFor([&] { return sb.remoteProcessCount(watchPattern, kubectl) > 0; }, 10000));
    QVERIFY(!w.isPaused());
    const QString before2 = touchedValue(mirror.value(webKey));
    QVERIFY(sb.ctl({QStringLiteral("touch"), QStringLiteral("--namespace"), QStringLiteral("joledev"),
                    QStringLiteral("--pod"), webKey.section(QLatin1Char('/'), 1)}));
    QTRY_VERIFY_WITH_TIMEOUT(touchedValue(mirror.value(webKey)) != before2, 10000);
    poller.stop();
    w.stop();
}

// With the events watch running beside the pod watch (the Events view shown),
// a round pauses both, one after the other, and runs alone; it leaves events out.
void TestKubeSandbox::pollerTakesTurnsWithTwoWatches()
{
    registerCoreMetaTypes();
    test::Sandbox sb;
    QVERIFY2(sb.start(QStringLiteral("joledev")), qPrintable(sb.errorString()));
    test::SandboxSession s = test::SandboxSession::open(sb);
    QVERIFY(s);
    kube::ResourceWatcher pods(s.runner.get());
    kube::ResourceWatcher events(s.runner.get(), QStringLiteral("events"));
    pods.start();
    events.start();
    QTRY_COMPARE_WITH_TIMEOUT(pods.state(), kube::ResourceWatcher::State::Live, 30000);
    QTRY_COMPARE_WITH_TIMEOUT(events.state(), kube::ResourceWatcher::State::Live, 30000);
    const QString kubectl = QStringLiteral("kubectl");
    const QString podWatch = QStringLiteral("/api/v1/pods?watch=1");
    const QString eventWatch = QStringLiteral("/api/v1/events?watch=1");
    QVERIFY(QTest::qWaitFor([&] { return sb.remoteProcessCount(podWatch, kubectl) == 1 &&
                                 sb.remoteProcessCount(eventWatch, kubectl) == 1; }, 10000));

    kube::ClusterPoller poller(s.runner.get());
    poller.setExclusiveWith(&pods);
    poller.addExclusive(&events);
    poller.setEventsWatched(true);
    poller.setInterval(600000);
    for (int round = 0; round < 2; ++round) {
        QVERIFY(QTest::qWaitFor([&] { return sb.remoteProcessCount(podWatch, kubectl) == 1 &&
                                     sb.remoteProcessCount(eventWatch, kubectl) == 1; }, 10000));
        const RoundSeen seen = pollOnce(sb, poller, {podWatch, eventWatch});
        QCOMPARE(seen.rounds, 1);
        QVERIFY(seen.sawPoll);
        QVERIFY(!seen.overlap);
    }
    const kube::ClusterSnapshot snap = poller.snapshot();
    QVERIFY(!snap.eventsIncluded);
    QVERIFY(snap.events.isEmpty());
    QVERIFY(snap.workloads.size() >= 9);
    // Both watches are back and live; an event made now arrives through the events watch.
    QTRY_VERIFY_WITH_TIMEOUT(!pods.isPaused() && !events.isPaused(), 10000);
    QSignalSpy changed(&events, &kube::ResourceWatcher::changed);
    QVERIFY(sb.ctl({QStringLiteral("event"), QStringLiteral("--namespace"), QStringLiteral("joledev"),
                    QStringLiteral("--pod"), QStringLiteral("web"), QStringLiteral("--reason"),
                    QStringLiteral("TwoWatches")}));
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            for (const QJsonObject &o : events.objects())
                if (o.value(QLatin1String("reason")).toString() == QLatin1String("TwoWatches"))
                    return true;
            return false;
        }(),
        10000);
    // A watcher stopped and taken out while a round waits for it to go quiet (its
    // quiet hook is gone with the stop): the round goes on with the other one,
    // well before the poller's 15 s safety deadline.
    QSignalSpy updated(&poller, &kube::ClusterPoller::updated);
    QVERIFY(QTest::qWaitFor([&] { return sb.remoteProcessCount(podWatch, kubectl) == 1; }, 10000));
    poller.pollNow(); // pauses the pod watch first and waits for its kubectl to end
    QVERIFY(pods.isPaused());
    pods.stop();
    poller.removeExclusive(&pods);
    QTRY_COMPARE_WITH_TIMEOUT(updated.size(), 1, 10000);
    QCOMPARE(pods.state(), kube::ResourceWatcher::State::Idle);
    QTRY_VERIFY_WITH_TIMEOUT(!events.isPaused(), 10000);
    poller.stop();
    events.stop();
}

QTEST_GUILESS_MAIN(TestKubeSandbox)
#include "test_kube_sandbox.moc"
