// Parsers of the cluster overview, fed kubectl output recorded from the
// sandbox (tests/data) plus odd input, and the ResourceWatcher's failure path.
#include "kube/ClusterParsers.h"
#include "kube/ClusterPoller.h"
#include "kube/PodParser.h"
#include "kube/ResourceWatcher.h"
#include "remote/KubectlRunner.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QtTest>

using namespace vigia;
using namespace vigia::kube;

namespace {

QByteArray readData(const char *name)
{
    QFile f(QStringLiteral(VIGIA_SHARED_TEST_DATA_DIR "/") + QLatin1String(name));
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot read test data %s", name);
    return f.readAll();
}

QJsonArray itemsWithKind(const char *file, const QString &kind)
{
    QJsonArray out;
    const QJsonArray items =
        QJsonDocument::fromJson(readData(file)).object().value(QLatin1String("items")).toArray();
    for (const QJsonValue &v : items) {
        QJsonObject o = v.toObject();
        if (!kind.isEmpty())
            o.insert(QStringLiteral("kind"), kind);
        out.append(o);
    }
    return out;
}

const WorkloadInfo *findWorkload(const QList<WorkloadInfo> &list, const QString &name)
{
    for (const WorkloadInfo &w : list)
        if (w.name == name)
            return &w;
    return nullptr;
}

} // namespace

class TestKubeCluster : public QObject {
    Q_OBJECT
private slots:
    void workloadsRecorded();
    void workloadOdd();
    void nodesRecorded();
    void nodeOdd();
    void eventsRecorded();
    void eventOdd();
    void metricsRecorded();
    void quantities();
    void snapshotCombined();
    void joinUsage();
    void truncatedEveryPrefix();
    void pollArgs();
    void objectKeysAndPodDelta();
    void watcherWithoutConnectionRetries();
    void watcherRefusesBadNamespace();
};

void TestKubeCluster::workloadsRecorded()
{
    const Result<QList<WorkloadInfo>> r = parseWorkloadList(readData("workloads-joledev.json"));
    QVERIFY(r.ok());
    QCOMPARE(r->size(), 9); // 8 Deployments + 1 DaemonSet; ReplicaSets skipped
    const WorkloadInfo *web = findWorkload(r.value(), QStringLiteral("web"));
    QVERIFY(web);
    QCOMPARE(web->kind, QStringLiteral("Deployment"));
    QCOMPARE(web->ns, QStringLiteral("joledev"));
    QCOMPARE(web->desired, 2);
    QCOMPARE(web->ready, 2);
    QCOMPARE(web->strategy, QStringLiteral("RollingUpdate"));
    QCOMPARE(web->maxUnavailable, QStringLiteral("25%"));
    QCOMPARE(web->images, QStringList{QStringLiteral("ghcr.io/joledev/web:2026.10.30")});
    QVERIFY(web->createdAt.isValid());
    QVERIFY(web->problem.isEmpty());
    QVERIFY(!web->uid.isEmpty());
    const WorkloadInfo *ds = findWorkload(r.value(), QStringLiteral("svclb-traefik-5d3f5d0a"));
    QVERIFY(ds);
    QCOMPARE(ds->kind, QStringLiteral("DaemonSet"));
    QCOMPARE(ds->desired, 1);
    QCOMPARE(ds->ready, 1);
    QCOMPARE(ds->available, 1);
    QCOMPARE(ds->images.size(), 1); // the same image twice is listed once
    const WorkloadInfo *q = findWorkload(r.value(), QStringLiteral("api-quoter"));
    QVERIFY(q);
    QCOMPARE(q->conditions.size(), 2);
    QCOMPARE(q->conditions.at(0).type, QStringLiteral("Available"));
}

void TestKubeCluster::workloadOdd()
{
    // No status at all, replicas omitted (defaults to 1), a StatefulSet in a raw typed list.
    const QByteArray raw = R"({"kind":"StatefulSetList","items":[
        {"metadata":{"name":"db","namespace":"d\u00e9v"},"spec":{"template":{"spec":{"containers":[{"name":"c","image":"pg:16"}]}}}},
        {"metadata":{"namespace":"x"}},
        {"metadata":{"name":"stuck","namespace":"x"},"spec":{"replicas":"3"},"status":{"readyReplicas":1,
          "conditions":[{"type":"Progressing","status":"False","reason":"ProgressDeadlineExceeded"}]}}]})";
    const Result<QList<WorkloadInfo>> r = parseWorkloadList(raw);
    QVERIFY(r.ok());
    QCOMPARE(r->size(), 2);
    QCOMPARE(r->at(0).kind, QStringLiteral("StatefulSet"));
    QCOMPARE(r->at(0).ns, QString::fromUtf8("d\u00e9v"));
    QCOMPARE(r->at(0).desired, 1);
    QCOMPARE(r->at(0).ready, 0);
    QCOMPARE(r->at(0).problem, QStringLiteral("0/1 ready"));
    QVERIFY(!r->at(0).createdAt.isValid());
    // replicas as a string is not a number the API would send: treated as 0 desired, no crash.
    QVERIFY(r->at(1).problem.contains(QStringLiteral("ProgressDeadlineExceeded")));
    QVERIFY(!parseWorkload(QJsonObject{}).ok());
    {
        // Recreate, and a StatefulSet's updateStrategy with a numeric maxUnavailable.
        const QJsonObject recreate = QJsonDocument::fromJson(
            R"({"kind":"Deployment","metadata":{"name":"api-scheduler","namespace":"joledev"},
                "spec":{"replicas":1,"strategy":{"type":"Recreate"}}})").object();
        QCOMPARE(parseWorkload(recreate)->strategy, QStringLiteral("Recreate"));
        QVERIFY(parseWorkload(recreate)->maxUnavailable.isEmpty());
        const QJsonObject sts = QJsonDocument::fromJson(
            R"({"kind":"StatefulSet","metadata":{"name":"db","namespace":"x"},
                "spec":{"updateStrategy":{"type":"RollingUpdate","rollingUpdate":{"maxUnavailable":1}}}})").object();
        QCOMPARE(parseWorkload(sts)->maxUnavailable, QStringLiteral("1"));
    }
    QVERIFY(parseWorkloadList("[]").ok() == false);
}

void TestKubeCluster::nodesRecorded()
{
    const Result<QList<NodeInfo>> r = parseNodeList(readData("nodes-joledev.json"));
    QVERIFY(r.ok());
    QCOMPARE(r->size(), 1);
    const NodeInfo &n = r->first();
    QCOMPARE(n.name, QStringLiteral("joledev-vps"));
    QVERIFY(n.ready);
    QCOMPARE(n.status, QStringLiteral("Ready"));
    QCOMPARE(n.roles, (QStringList{QStringLiteral("control-plane"), QStringLiteral("master")}));
    QCOMPARE(n.version, QStringLiteral("v1.31.5+k3s1"));
    QCOMPARE(n.cpuCapacityMilli, 2000);
    QCOMPARE(n.cpuAllocatableMilli, 2000);
    QCOMPARE(n.memoryCapacityBytes, qint64(4015184) * 1024);
    QCOMPARE(n.podsCapacity, 110);
    QVERIFY(n.problem.isEmpty());
    QVERIFY(!n.cpuUsageMilli.has_value());
}

void TestKubeCluster::nodeOdd()
{
    const QByteArray raw = R"({"items":[
        {"kind":"Node","metadata":{"name":"n1","labels":{"kubernetes.io/role":"worker","node-role.kubernetes.io/":"x"}},
         "spec":{"unschedulable":true},
         "status":{"conditions":[{"type":"Ready","status":"False","reason":"KubeletNotReady"},
                                 {"type":"MemoryPressure","status":"True"}]}},
        {"kind":"Node","metadata":{"name":"n2"},"status":{"conditions":[{"type":"Ready","status":"Unknown",
          "reason":"NodeStatusUnknown"}],"capacity":{"cpu":"500m","memory":"1Gi"}}},
        {"kind":"Node","metadata":{"name":"n3"}}]})";
    const Result<QList<NodeInfo>> r = parseNodeList(raw);
    QVERIFY(r.ok());
    QCOMPARE(r->size(), 3);
    QCOMPARE(r->at(0).status, QStringLiteral("NotReady,SchedulingDisabled"));
    QCOMPARE(r->at(0).roles, QStringList{QStringLiteral("worker")});
    QVERIFY(r->at(0).problem.contains(QStringLiteral("KubeletNotReady")));
    QVERIFY(r->at(0).problem.contains(QStringLiteral("MemoryPressure")));
    QCOMPARE(r->at(1).status, QStringLiteral("NotReady")); // Ready=Unknown prints NotReady, as kubectl
    QCOMPARE(r->at(1).cpuCapacityMilli, 500);
    QCOMPARE(r->at(1).memoryCapacityBytes, qint64(1) << 30);
    QCOMPARE(r->at(2).status, QStringLiteral("Unknown")); // no conditions at all
    QVERIFY(!r->at(2).ready);
}

void TestKubeCluster::eventsRecorded()
{
    const Result<QList<EventInfo>> r = parseEventList(readData("events-joledev.json"));
    QVERIFY(r.ok());
    QCOMPARE(r->size(), 27);
    // Warnings first, then newest first.
    QVERIFY(r->first().isWarning());
    QCOMPARE(r->first().reason, QStringLiteral("NodeNotReady"));
    QCOMPARE(r->first().object(), QStringLiteral("node/joledev-vps"));
    for (qsizetype i = 2; i < r->size(); ++i) {
        QVERIFY(!r->at(i).isWarning());
        QVERIFY(r->at(i - 1).isWarning() || r->at(i - 1).lastSeen >= r->at(i).lastSeen);
    }
    for (const EventInfo &e : r.value()) {
        QVERIFY(e.lastSeen.isValid());
        QVERIFY(e.count >= 1);
        QVERIFY(!e.reason.isEmpty());
    }
}

void TestKubeCluster::eventOdd()
{
    // events.k8s.io shape: regarding + series + eventTime, no lastTimestamp; and one with nothing.
    const QByteArray raw = R"({"items":[
        {"kind":"Event","metadata":{"name":"a.1","namespace":"ns","uid":"u1"},"type":"Warning","reason":"BackOff",
         "regarding":{"kind":"Pod","name":"p","namespace":"ns"},"eventTime":"2026-11-27T08:00:00.123456Z",
         "series":{"count":17,"lastObservedTime":"2026-11-27T08:30:00.000000Z"},"note":"x","message":"Back-off restarting\n"},
        {"kind":"Event","metadata":{"name":"b.1","namespace":"ns","creationTimestamp":"2026-11-27T07:00:00Z"}},
        {"kind":"Event","metadata":{}}]})";
    const Result<QList<EventInfo>> r = parseEventList(raw);
    QVERIFY(r.ok());
    QCOMPARE(r->size(), 2);
    const EventInfo &a = r->at(0);
    QCOMPARE(a.count, 17);
    QCOMPARE(a.lastSeen, QDateTime(QDate(2026, 11, 27), QTime(8, 30), Qt::UTC));
    QCOMPARE(a.object(), QStringLiteral("pod/p"));
    QCOMPARE(a.message, QStringLiteral("Back-off restarting"));
    const EventInfo &b = r->at(1);
    QCOMPARE(b.type, QStringLiteral("Normal"));
    QCOMPARE(b.count, 1);
    QCOMPARE(b.lastSeen, QDateTime(QDate(2026, 11, 27), QTime(7, 0), Qt::UTC));
}

void TestKubeCluster::metricsRecorded()
{
    const Result<QHash<QString, ResourceUsage>> pods = parsePodMetrics(readData("podmetrics.json"));
    QVERIFY(pods.ok());
    QCOMPARE(pods->size(), 10);
    const ResourceUsage q = pods->value(QStringLiteral("joledev/api-quoter-8bbmt47vzd-fw5dx"));
    QCOMPARE(q.cpuMilli, 1);                       // 986413n rounds up, as MilliValue()
    QCOMPARE(q.memoryBytes, qint64(15307) * 1024); // 15307Ki
    const Result<QHash<QString, ResourceUsage>> nodes = parseNodeMetrics(readData("nodemetrics.json"));
    QVERIFY(nodes.ok());
    QCOMPARE(nodes->value(QStringLiteral("joledev-vps")).cpuMilli, 95);
    QCOMPARE(nodes->value(QStringLiteral("joledev-vps")).memoryBytes, qint64(834951) * 1024);
    // kubectl top (recorded in the same run) prints the same pods.
    const QStringList top =
        QString::fromUtf8(readData("top-pods.txt")).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    int matched = 0;
    for (const QString &line : top.mid(1)) {
        const QStringList f = line.simplified().split(QLatin1Char(' '));
        if (f.size() >= 4 && pods->contains(f[0] + QLatin1Char('/') + f[1]))
            ++matched;
    }
    QVERIFY2(matched >= 8, qPrintable(QString::number(matched)));
    QVERIFY(
        !parsePodMetrics(
             "{\"items\":[{\"metadata\":{\"name\":\"x\"},\"containers\":[{\"usage\":{\"cpu\":\"lots\"}}]}]}")
             ->value(QStringLiteral("/x"))
             .cpuMilli);
}

void TestKubeCluster::quantities()
{
    QCOMPARE(cpuToMilli(QStringLiteral("2")), std::optional<qint64>(2000));
    QCOMPARE(cpuToMilli(QStringLiteral("250m")), std::optional<qint64>(250));
    QCOMPARE(cpuToMilli(QStringLiteral("1n")), std::optional<qint64>(1));
    QCOMPARE(cpuToMilli(QString()), std::nullopt);
    QCOMPARE(cpuToMilli(QStringLiteral("x")), std::nullopt);
    QCOMPARE(memoryToBytes(QStringLiteral("1Mi")), std::optional<qint64>(1048576));
    QCOMPARE(memoryToBytes(QStringLiteral("1G")), std::optional<qint64>(1000000000));
}

void TestKubeCluster::snapshotCombined()
{
    QJsonArray items;
    for (const QJsonValue &v : itemsWithKind("workloads-joledev.json", {}))
        items.append(v);
    for (const QJsonValue &v : itemsWithKind("nodes-joledev.json", QStringLiteral("Node")))
        items.append(v);
    for (const QJsonValue &v : itemsWithKind("events-joledev.json", QStringLiteral("Event")))
        items.append(v);
    for (const QJsonValue &v : itemsWithKind("podmetrics.json", QStringLiteral("PodMetrics")))
        items.append(v);
    for (const QJsonValue &v : itemsWithKind("nodemetrics.json", QStringLiteral("NodeMetrics")))
        items.append(v);
    const QByteArray doc = QJsonDocument(QJsonObject{{QStringLiteral("kind"), QStringLiteral("List")},
                                                     {QStringLiteral("items"), items}})
                               .toJson(QJsonDocument::Compact);
    const Result<ClusterSnapshot> s = parseClusterSnapshot(doc, true);
    QVERIFY(s.ok());
    QCOMPARE(s->workloads.size(), 9);
    QCOMPARE(s->nodes.size(), 1);
    QCOMPARE(s->events.size(), 27);
    QCOMPARE(s->podUsage.size(), 10);
    QVERIFY(s->metricsAvailable);
    QCOMPARE(s->nodes.first().cpuUsageMilli, std::optional<qint64>(95));
    QVERIFY(s->events.first().isWarning());
    const Result<ClusterSnapshot> noMetrics = parseClusterSnapshot(doc, false);
    QVERIFY(!noMetrics->metricsAvailable);
}

void TestKubeCluster::joinUsage()
{
    Result<QList<PodInfo>> pods = parsePodList(readData("pods-joledev.json"));
    QVERIFY(pods.ok());
    const Result<QHash<QString, ResourceUsage>> usage = parsePodMetrics(readData("podmetrics.json"));
    QList<PodInfo> list = pods.value();
    joinPodUsage(list, usage.value());
    int with = 0;
    for (const PodInfo &p : list) {
        QCOMPARE(p.cpuMilli.has_value(), usage->contains(p.key()));
        QCOMPARE(p.memoryBytes.has_value(), usage->contains(p.key()));
        with += p.cpuMilli ? 1 : 0;
    }
    QVERIFY(with >= 8);
    joinPodUsage(list, {}); // metrics-server gone: every figure disappears
    for (const PodInfo &p : list)
        QVERIFY(!p.cpuMilli && !p.memoryBytes);
}

void TestKubeCluster::truncatedEveryPrefix()
{
    const QByteArray full = readData("nodes-joledev.json");
    for (qsizetype n = 0; n < full.size() - 2; n += 37) {
        const Result<QList<NodeInfo>> r = parseNodeList(full.left(n));
        QVERIFY2(!r.ok(), qPrintable(QString::number(n)));
        QCOMPARE(r.error().code, QStringLiteral("kube.truncated"));
    }
    const QByteArray ev = readData("events-joledev.json");
    for (qsizetype n = 1; n < ev.size() - 2; n += 501)
        QVERIFY(!parseEventList(ev.left(n)).ok());
    QCOMPARE(parseWorkloadList("not json").error().code, QStringLiteral("kube.bad-json"));
}

void TestKubeCluster::pollArgs()
{
    const QStringList with = ClusterPoller::pollArgs(true);
    QCOMPARE(with.at(0), QStringLiteral("get"));
    QVERIFY(with.at(1).contains(QStringLiteral("deployments,statefulsets,daemonsets,nodes,events")));
    QVERIFY(with.at(1).contains(QStringLiteral("pods.metrics.k8s.io")));
    QVERIFY(!ClusterPoller::pollArgs(false).at(1).contains(QStringLiteral("metrics")));
    QVERIFY(with.contains(QStringLiteral("-A")));
    // Events watched live: the round leaves them out.
    const QStringList noEvents = ClusterPoller::pollArgs(true, false);
    QVERIFY(!noEvents.at(1).contains(QStringLiteral("events")));
    QVERIFY(noEvents.at(1).contains(QStringLiteral("nodes")));
}

void TestKubeCluster::objectKeysAndPodDelta()
{
    QCOMPARE(objectKey(QJsonObject{
                 {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("name"), QStringLiteral("n")}}}}),
             QStringLiteral("n"));
    const QJsonArray pods = itemsWithKind("pods-joledev.json", {});
    WatchBatch b;
    b.added << pods.at(0).toObject() << QJsonObject{};
    b.deleted << pods.at(1).toObject();
    const PodDelta d = toPodDelta(b);
    QCOMPARE(d.added.size(), 1); // the nameless object is dropped
    QCOMPARE(d.deleted.size(), 1);
    QCOMPARE(objectKey(pods.at(0).toObject()), d.added.first().key());
}

void TestKubeCluster::watcherWithoutConnectionRetries()
{
    remote::KubectlRunner runner(nullptr);
    ResourceWatcher w(&runner);
    w.setBackoff(50, 200);
    QCOMPARE(w.apiPath(), QStringLiteral("/api/v1/pods"));
    QSignalSpy states(&w, &ResourceWatcher::stateChanged);
    w.start();
    QCOMPARE(w.state(), ResourceWatcher::State::Connecting);
    // It keeps retrying with a growing delay, capped, and never claims to be live.
    QTRY_VERIFY_WITH_TIMEOUT(states.size() >= 5, 5000);
    QCOMPARE(w.state(), ResourceWatcher::State::Reconnecting);
    QCOMPARE(w.lastError().code, QStringLiteral("kube.no-connection"));
    QCOMPARE(w.nextRetryMs(), 200);
    QVERIFY(!w.hasData());
    w.stop();
    QCOMPARE(w.state(), ResourceWatcher::State::Idle);
    const qsizetype n = states.size();
    QTest::qWait(300);
    QCOMPARE(states.size(), n); // stopped means stopped
}

void TestKubeCluster::watcherRefusesBadNamespace()
{
    remote::KubectlRunner runner(nullptr);
    ResourceWatcher bad(&runner, QStringLiteral("pods"), QStringLiteral("a b;rm -rf"));
    QVERIFY(bad.apiPath().isEmpty());
    bad.start();
    QCOMPARE(bad.state(), ResourceWatcher::State::Failed);
    ResourceWatcher deps(&runner, QStringLiteral("deployments"), QStringLiteral("joledev"));
    QCOMPARE(deps.apiPath(), QStringLiteral("/apis/apps/v1/namespaces/joledev/deployments"));
    ResourceWatcher nodes(&runner, QStringLiteral("nodes"), QStringLiteral("joledev"));
    QCOMPARE(nodes.apiPath(), QStringLiteral("/api/v1/nodes"));
}

QTEST_GUILESS_MAIN(TestKubeCluster)
#include "test_kube_cluster.moc"
