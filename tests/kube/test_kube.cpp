// Pod JSON parsing, kubectl's STATUS/READY/RESTARTS/AGE columns, and the
// watch stream reader. Recorded kubectl output from the sandbox (tests/data)
// is the oracle: kubectl's own table is compared row by row.
#include "kube/PodParser.h"
#include "kube/PodQueries.h"
#include "kube/PodStatus.h"
#include "kube/WatchStreamParser.h"

#include "KubectlTableOracle.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QtTest>

#include <functional>

using namespace vigia;
using namespace vigia::kube;

#ifndef VIGIA_SHARED_TEST_DATA_DIR
#define VIGIA_SHARED_TEST_DATA_DIR "../data"
#endif

namespace {

const QDateTime kNow = QDateTime(QDate(2026, 11, 27), QTime(8, 0, 0), Qt::UTC);

QString ts(qint64 secondsAgo)
{
    return kNow.addSecs(-secondsAgo).toString(Qt::ISODate);
}

QJsonObject running(bool ready = true, int restarts = 0)
{
    return QJsonObject{{"name", "app"},
                       {"ready", ready},
                       {"restartCount", restarts},
                       {"started", true},
                       {"image", "nginx:1.27"},
                       {"state", QJsonObject{{"running", QJsonObject{{"startedAt", ts(600)}}}}}};
}

QJsonObject waiting(const QString &reason, int restarts = 0)
{
    return QJsonObject{
        {"name", "app"},
        {"ready", false},
        {"restartCount", restarts},
        {"state", QJsonObject{{"waiting", QJsonObject{{"reason", reason}, {"message", "back-off"}}}}}};
}

QJsonObject terminated(const QString &reason, int exitCode, int signal = 0)
{
    QJsonObject t{{"exitCode", exitCode}, {"startedAt", ts(100)}, {"finishedAt", ts(50)}};
    if (!reason.isEmpty())
        t.insert("reason", reason);
    if (signal)
        t.insert("signal", signal);
    return QJsonObject{
        {"name", "app"}, {"ready", false}, {"restartCount", 0}, {"state", QJsonObject{{"terminated", t}}}};
}

QJsonObject named(QJsonObject cs, const QString &name)
{
    cs.insert("name", name);
    return cs;
}

QJsonObject withLast(QJsonObject cs, const QString &reason, int exitCode, qint64 finishedAgo)
{
    cs.insert("lastState", QJsonObject{{"terminated", QJsonObject{{"reason", reason},
                                                                  {"exitCode", exitCode},
                                                                  {"startedAt", ts(finishedAgo + 30)},
                                                                  {"finishedAt", ts(finishedAgo)}}}});
    return cs;
}

QJsonArray specContainers(const QJsonArray &statuses)
{
    QJsonArray a;
    for (const QJsonValue &v : statuses)
        a << QJsonObject{{"name", v.toObject().value("name")}, {"image", "img"}};
    return a;
}

struct PodSpec {
    QString phase = QStringLiteral("Running");
    QJsonArray containers;
    QJsonArray initContainers; // statuses
    QJsonArray initSpecs;      // when empty, derived from initContainers
    QJsonArray conditions;
    QString reason;
    bool deleting = false;
};

QJsonObject makePod(const PodSpec &s)
{
    QJsonObject status{{"phase", s.phase}};
    if (!s.containers.isEmpty())
        status.insert("containerStatuses", s.containers);
    if (!s.initContainers.isEmpty())
        status.insert("initContainerStatuses", s.initContainers);
    if (!s.conditions.isEmpty())
        status.insert("conditions", s.conditions);
    if (!s.reason.isEmpty())
        status.insert("reason", s.reason);
    QJsonObject spec{{"containers", specContainers(s.containers)}, {"nodeName", "vps"}};
    const QJsonArray initSpecs = s.initSpecs.isEmpty() ? specContainers(s.initContainers) : s.initSpecs;
    if (!initSpecs.isEmpty())
        spec.insert("initContainers", initSpecs);
    QJsonObject meta{
        {"name", "p"}, {"namespace", "joledev"}, {"uid", "u-1"}, {"creationTimestamp", ts(3600)}};
    if (s.deleting)
        meta.insert("deletionTimestamp", ts(5));
    return QJsonObject{
        {"apiVersion", "v1"}, {"kind", "Pod"}, {"metadata", meta}, {"spec", spec}, {"status", status}};
}

QJsonObject cond(const QString &type, bool status, const QString &reason = {})
{
    QJsonObject c{{"type", type}, {"status", status ? "True" : "False"}};
    if (!reason.isEmpty())
        c.insert("reason", reason);
    return c;
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll();
}

} // namespace

class TestKube : public QObject {
    Q_OBJECT
private slots:
    void podQueriesPutNamesBehindDashDash();
    void status_data();
    void status();
    void restartsAndLastRestart();
    void sidecarInitContainers();
    void formatAge_data();
    void formatAge();
    void formatRestarts();
    void kubeTimes();

    void parseListBasics();
    void parseContainers();
    void parseTruncatedEveryPrefix();
    void parseWrongTypes();
    void parseOddShapes();

    void oracleTables_data();
    void oracleTables();

    void watchWholeAndSplit();
    void watchByteByByte();
    void watchErrorsAndExpiry();
    void watchTruncatedTail();
    void watchStrayTextAndBadJson();
    void watchOversized();
    void watchRecordedStream();
};

void TestKube::status_data()
{
    QTest::addColumn<QJsonObject>("pod");
    QTest::addColumn<QString>("status");
    QTest::addColumn<QString>("ready");

    auto add = [](const char *name, const PodSpec &s, const char *status, const char *ready) {
        QTest::newRow(name) << makePod(s) << QString::fromUtf8(status) << QString::fromUtf8(ready);
    };
    PodSpec s;
    s.containers = {running()};
    s.conditions = {cond("Ready", true)};
    add("running", s, "Running", "1/1");

    s = {};
    s.phase = "Pending";
    add("pending, nothing yet", s, "Pending", "0/0");

    s = {};
    s.phase = "Pending";
    s.containers = {waiting("ContainerCreating")};
    add("container creating", s, "ContainerCreating", "0/1");

    s = {};
    s.containers = {withLast(waiting("CrashLoopBackOff", 7), "OOMKilled", 137, 120)};
    add("crashloop", s, "CrashLoopBackOff", "0/1");

    s = {};
    s.containers = {waiting("ImagePullBackOff")};
    s.phase = "Pending";
    add("image pull", s, "ImagePullBackOff", "0/1");

    s = {};
    s.containers = {terminated("OOMKilled", 137)};
    add("oomkilled", s, "OOMKilled", "0/1");

    s = {};
    s.phase = "Succeeded";
    s.containers = {terminated("Completed", 0)};
    add("completed job", s, "Completed", "0/1");

    s = {};
    s.phase = "Failed";
    s.containers = {terminated("Error", 1)};
    add("error", s, "Error", "0/1");

    s = {};
    s.phase = "Failed";
    s.containers = {terminated(QString(), 2)};
    add("exit code", s, "ExitCode:2", "0/1");

    s = {};
    s.phase = "Failed";
    s.containers = {terminated(QString(), 143, 15)};
    add("signal", s, "Signal:15", "0/1");

    s = {};
    s.phase = "Pending";
    s.initContainers = {named(running(false), "init-a"), named(waiting("PodInitializing"), "init-b")};
    s.containers = {waiting("PodInitializing")};
    add("init running", s, "Init:0/2", "0/1");

    s = {};
    s.phase = "Pending";
    s.initContainers = {named(terminated("Completed", 0), "init-a"), named(running(false), "init-b")};
    s.containers = {waiting("PodInitializing")};
    add("init 1 of 2", s, "Init:1/2", "0/1");

    s = {};
    s.phase = "Pending";
    s.initContainers = {named(waiting("CrashLoopBackOff", 3), "init-a")};
    s.containers = {waiting("PodInitializing")};
    add("init crashloop", s, "Init:CrashLoopBackOff", "0/1");

    s = {};
    s.phase = "Pending";
    s.initContainers = {named(waiting("PodInitializing"), "init-a")};
    add("init waiting PodInitializing", s, "Init:0/1", "0/0");

    s = {};
    s.phase = "Pending";
    s.initContainers = {named(terminated(QString(), 1), "init-a")};
    add("init exit code", s, "Init:ExitCode:1", "0/0");

    s = {};
    s.phase = "Pending";
    s.initContainers = {named(terminated(QString(), 137, 9), "init-a")};
    add("init signal", s, "Init:Signal:9", "0/0");

    s = {};
    s.phase = "Failed";
    s.initContainers = {named(terminated("Error", 1), "init-a")};
    add("init error", s, "Init:Error", "0/0");

    s = {};
    s.containers = {running()};
    s.conditions = {cond("Ready", true)};
    s.deleting = true;
    add("terminating", s, "Terminating", "1/1");

    s = {};
    s.phase = "Succeeded";
    s.containers = {terminated("Completed", 0)};
    s.deleting = true;
    add("deleting a finished pod keeps Completed", s, "Completed", "0/1");

    s = {};
    s.containers = {running()};
    s.reason = "NodeLost";
    s.deleting = true;
    add("node lost", s, "Unknown", "1/1");

    s = {};
    s.phase = "Failed";
    s.reason = "Evicted";
    add("evicted", s, "Evicted", "0/0");

    s = {};
    s.containers = {named(running(), "web"), named(terminated("Completed", 0), "job")};
    s.conditions = {cond("Ready", true)};
    add("completed sidecar but running", s, "Running", "1/2");

    s.conditions = {cond("Ready", false)};
    add("completed sidecar, not ready", s, "NotReady", "1/2");

    s = {};
    s.containers = {named(waiting("CrashLoopBackOff"), "api"), named(running(), "proxy")};
    add("first container's reason wins", s, "CrashLoopBackOff", "1/2");

    s = {};
    s.containers = {named(running(false), "api")};
    add("running, not ready", s, "Running", "0/1");

    s = {};
    s.phase = "Pending";
    s.conditions = {cond("PodScheduled", false, "SchedulingGated")};
    add("scheduling gated", s, "SchedulingGated", "0/0");

    s = {};
    s.phase = "Pending";
    s.conditions = {cond("PodScheduled", false, "Unschedulable")};
    add("unschedulable", s, "Pending", "0/0");
}

void TestKube::status()
{
    QFETCH(QJsonObject, pod);
    QFETCH(QString, status);
    QFETCH(QString, ready);
    const PodStatusSummary s = computePodStatus(pod);
    QCOMPARE(s.status, status);
    QCOMPARE(QStringLiteral("%1/%2").arg(s.readyContainers).arg(s.totalContainers), ready);
    // The parser carries the same values.
    const Result<PodInfo> p = parsePod(pod);
    QVERIFY(p.ok());
    QCOMPARE(p->status, status);
}

void TestKube::restartsAndLastRestart()
{
    PodSpec s;
    s.containers = {named(withLast(running(true, 2), "Error", 1, 300), "a"),
                    named(withLast(waiting("CrashLoopBackOff", 5), "OOMKilled", 137, 40), "b")};
    const PodStatusSummary r = computePodStatus(makePod(s));
    QCOMPARE(r.restarts, 7);
    QCOMPARE(r.lastRestartAt, kNow.addSecs(-40));
    QCOMPARE(kube::formatRestarts(r.restarts, r.lastRestartAt, kNow), QStringLiteral("7 (40s ago)"));

    // While initialising, init restarts count; afterwards only containers (and sidecars) do.
    s = {};
    s.phase = "Pending";
    s.initContainers = {named(withLast(waiting("CrashLoopBackOff", 4), "Error", 1, 200), "init")};
    s.containers = {named(waiting("PodInitializing", 0), "app")};
    const PodStatusSummary init = computePodStatus(makePod(s));
    QCOMPARE(init.status, QStringLiteral("Init:CrashLoopBackOff"));
    QCOMPARE(init.restarts, 4);
    QCOMPARE(kube::formatRestarts(init.restarts, init.lastRestartAt, kNow), QStringLiteral("4 (3m20s ago)"));

    s.initContainers = {named(withLast(terminated("Completed", 0), "Error", 1, 900), "init")};
    s.initContainers[0] = [&] {
        QJsonObject o = s.initContainers.at(0).toObject();
        o.insert("restartCount", 4);
        return o;
    }();
    s.containers = {running()};
    s.phase = "Running";
    const PodStatusSummary done = computePodStatus(makePod(s));
    QCOMPARE(done.status, QStringLiteral("Running"));
    QCOMPARE(done.restarts, 0);
    QVERIFY(!done.lastRestartAt.isValid());
}

void TestKube::sidecarInitContainers()
{
    PodSpec s;
    QJsonObject sidecar = named(running(true, 1), "log-shipper");
    sidecar = withLast(sidecar, "Error", 1, 90);
    s.initContainers = {named(terminated("Completed", 0), "migrate"), sidecar};
    s.initSpecs = {QJsonObject{{"name", "migrate"}, {"image", "m"}},
                   QJsonObject{{"name", "log-shipper"}, {"image", "l"}, {"restartPolicy", "Always"}}};
    s.containers = {running(true, 2)};
    s.conditions = {cond("Initialized", true), cond("Ready", true)};
    const PodStatusSummary r = computePodStatus(makePod(s));
    QCOMPARE(r.status, QStringLiteral("Running"));
    QCOMPARE(r.totalContainers, 2);
    QCOMPARE(r.readyContainers, 2);
    QCOMPARE(r.restarts, 3);
    QCOMPARE(r.lastRestartAt, kNow.addSecs(-90));
}

void TestKube::formatAge_data()
{
    QTest::addColumn<qint64>("seconds");
    QTest::addColumn<QString>("text");
    const qint64 m = 60, h = 3600, d = 86400;
    QTest::newRow("0") << qint64(0) << "0s";
    QTest::newRow("-1") << qint64(-1) << "0s";
    QTest::newRow("-2") << qint64(-2) << "<invalid>";
    QTest::newRow("45s") << qint64(45) << "45s";
    QTest::newRow("119s") << qint64(119) << "119s";
    QTest::newRow("2m") << 2 * m << "2m";
    QTest::newRow("2m5s") << 2 * m + 5 << "2m5s";
    QTest::newRow("9m59s") << 10 * m - 1 << "9m59s";
    QTest::newRow("10m") << 10 * m << "10m";
    QTest::newRow("179m") << 3 * h - 1 << "179m";
    QTest::newRow("3h") << 3 * h << "3h";
    QTest::newRow("3h5m") << 3 * h + 5 * m + 30 << "3h5m";
    QTest::newRow("7h59m") << 8 * h - 1 << "7h59m";
    QTest::newRow("8h") << 8 * h + 59 * m << "8h";
    QTest::newRow("47h") << 48 * h - 1 << "47h";
    QTest::newRow("2d") << 2 * d << "2d";
    QTest::newRow("2d3h") << 2 * d + 3 * h + 59 * m << "2d3h";
    QTest::newRow("7d23h") << 8 * d - 1 << "7d23h";
    QTest::newRow("8d") << 8 * d + 23 * h << "8d";
    QTest::newRow("729d") << 730 * d - 1 << "729d";
    QTest::newRow("2y") << 730 * d << "2y";
    QTest::newRow("2y1d") << 731 * d << "2y1d";
    QTest::newRow("7y364d") << 8 * 365 * d - 1 << "7y364d";
    QTest::newRow("8y") << 8 * 365 * d + 100 * d << "8y";
}

void TestKube::formatAge()
{
    QFETCH(qint64, seconds);
    QFETCH(QString, text);
    QCOMPARE(kube::formatAge(seconds * 1000), text);
    QCOMPARE(kube::formatAge(kNow.addSecs(-seconds), kNow), text);
}

void TestKube::formatRestarts()
{
    QCOMPARE(kube::formatRestarts(0, QDateTime(), kNow), QStringLiteral("0"));
    QCOMPARE(kube::formatRestarts(0, kNow.addSecs(-5), kNow), QStringLiteral("0"));
    QCOMPARE(kube::formatRestarts(3, QDateTime(), kNow), QStringLiteral("3"));
    QCOMPARE(kube::formatRestarts(3, kNow.addSecs(-150), kNow), QStringLiteral("3 (2m30s ago)"));
    QCOMPARE(kube::formatAge(QDateTime(), kNow), QStringLiteral("<unknown>"));
}

void TestKube::kubeTimes()
{
    const QDateTime base(QDate(2026, 11, 13), QTime(8, 9, 16), Qt::UTC);
    QCOMPARE(parseKubeTime(QJsonValue("2026-11-13T08:09:16Z")), base);
    QCOMPARE(parseKubeTime(QJsonValue("2026-11-13T08:09:16.123456Z")), base.addMSecs(123));
    QCOMPARE(parseKubeTime(QJsonValue("2026-11-13T10:09:16+02:00")), base);
    QVERIFY(!parseKubeTime(QJsonValue("garbage")).isValid());
    QVERIFY(!parseKubeTime(QJsonValue("2026-13-40T99:00:00Z")).isValid());
    QVERIFY(!parseKubeTime(QJsonValue(12345)).isValid());
    QVERIFY(!parseKubeTime(QJsonValue()).isValid());
}

void TestKube::parseListBasics()
{
    PodSpec s;
    s.containers = {running()};
    QJsonObject a = makePod(s);
    QJsonObject meta = a.value("metadata").toObject();
    meta.insert("name", "web-7d9f-abcde");
    meta.insert("resourceVersion", "12345");
    meta.insert("labels", QJsonObject{{"app.kubernetes.io/name", "peña-日本"}, {"emoji", "🚀"}});
    meta.insert("ownerReferences",
                QJsonArray{QJsonObject{{"kind", "Node"}, {"name", "vps"}},
                           QJsonObject{{"kind", "ReplicaSet"}, {"name", "web-7d9f"}, {"controller", true}}});
    meta.insert("someFutureField", QJsonObject{{"x", 1}});
    a.insert("metadata", meta);
    const QJsonObject list{{"apiVersion", "v1"},
                           {"kind", "List"},
                           {"metadata", QJsonObject{{"resourceVersion", ""}}},
                           {"items", QJsonArray{a, makePod(PodSpec{})}}};
    const Result<QList<PodInfo>> r = parsePodList(QJsonDocument(list).toJson());
    QVERIFY(r.ok());
    QCOMPARE(r->size(), 2);
    const PodInfo &p = r->first();
    QCOMPARE(p.name, QStringLiteral("web-7d9f-abcde"));
    QCOMPARE(p.ns, QStringLiteral("joledev"));
    QCOMPARE(p.key(), QStringLiteral("joledev/web-7d9f-abcde"));
    QCOMPARE(p.node, QStringLiteral("vps"));
    QCOMPARE(p.uid, QStringLiteral("u-1"));
    QCOMPARE(p.resourceVersion, QStringLiteral("12345"));
    QCOMPARE(p.ownerKind, QStringLiteral("ReplicaSet"));
    QCOMPARE(p.ownerName, QStringLiteral("web-7d9f"));
    QCOMPARE(p.createdAt, kNow.addSecs(-3600));
    QCOMPARE(p.phase, QStringLiteral("Running"));
    QVERIFY(!p.terminating);

    // A single Pod, a PodList, and an empty list.
    QVERIFY(parsePodList(QJsonDocument(a).toJson()).ok());
    const QJsonObject podList{{"kind", "PodList"}, {"items", QJsonArray{a}}};
    QCOMPARE(parsePodList(QJsonDocument(podList).toJson(QJsonDocument::Compact))->size(), 1);
    QCOMPARE(parsePodList("{\"kind\":\"List\",\"items\":[]}")->size(), 0);
    QCOMPARE(parsePodList("{\"kind\":\"List\",\"items\":null}")->size(), 0);
}

void TestKube::parseContainers()
{
    PodSpec s;
    s.phase = "Running";
    s.initContainers = {named(terminated("Completed", 0), "migrate")};
    s.containers = {named(withLast(running(true, 3), "OOMKilled", 137, 60), "api"),
                    named(waiting("CrashLoopBackOff", 9), "worker")};
    QJsonObject pod = makePod(s);
    QJsonObject status = pod.value("status").toObject();
    status.insert("ephemeralContainerStatuses",
                  QJsonArray{QJsonObject{{"name", "debugger"},
                                         {"restartCount", 50},
                                         {"ready", false},
                                         {"state", QJsonObject{{"running", QJsonObject{}}}}}});
    pod.insert("status", status);
    QJsonObject spec = pod.value("spec").toObject();
    spec.insert("ephemeralContainers", QJsonArray{QJsonObject{{"name", "debugger"}, {"image", "busybox"}}});
    pod.insert("spec", spec);

    const Result<PodInfo> r = parsePod(pod);
    QVERIFY(r.ok());
    const PodInfo &p = r.value();
    QCOMPARE(p.containers.size(), 3);
    QVERIFY(p.containers.at(0).init);
    QCOMPARE(p.containers.at(0).name, QStringLiteral("migrate"));
    QCOMPARE(p.containers.at(0).state, QStringLiteral("terminated"));
    QCOMPARE(p.containers.at(0).exitCode, std::optional<int>(0));
    const ContainerInfo &api = p.containers.at(1);
    QVERIFY(!api.init);
    QCOMPARE(api.name, QStringLiteral("api"));
    QCOMPARE(api.image, QStringLiteral("img"));
    QVERIFY(api.ready);
    QCOMPARE(api.state, QStringLiteral("running"));
    QCOMPARE(api.restartCount, 3);
    QCOMPARE(api.lastReason, QStringLiteral("OOMKilled"));
    QCOMPARE(api.lastExitCode, std::optional<int>(137));
    QCOMPARE(api.lastFinishedAt, kNow.addSecs(-60));
    QCOMPARE(api.startedAt, kNow.addSecs(-600));
    const ContainerInfo &worker = p.containers.at(2);
    QCOMPARE(worker.state, QStringLiteral("waiting"));
    QCOMPARE(worker.stateReason, QStringLiteral("CrashLoopBackOff"));
    QCOMPARE(worker.stateMessage, QStringLiteral("back-off"));
    // Ephemeral containers count nowhere, as in kubectl.
    QCOMPARE(p.restarts, 12);
    QCOMPARE(p.totalContainers, 2);
    QCOMPARE(p.status, QStringLiteral("CrashLoopBackOff"));
}

void TestKube::parseTruncatedEveryPrefix()
{
    PodSpec s;
    s.containers = {withLast(waiting("CrashLoopBackOff", 2), "OOMKilled", 137, 30)};
    const QJsonObject list{{"kind", "List"}, {"items", QJsonArray{makePod(s), makePod(s)}}};
    const QByteArray full = QJsonDocument(list).toJson();
    QVERIFY(parsePodList(full).ok());
    int errors = 0;
    for (qsizetype n = 0; n < full.size(); ++n) {
        const Result<QList<PodInfo>> r = parsePodList(full.left(n));
        if (!r.ok()) {
            ++errors;
            QCOMPARE(r.error().code, QStringLiteral("kube.json"));
            QVERIFY(!r.error().message.isEmpty());
        } else {
            // Only the complete text (ignoring trailing whitespace) is valid.
            QVERIFY2(full.left(n).trimmed() == full.trimmed(), qPrintable(QString::number(n)));
        }
    }
    QVERIFY(errors >= full.trimmed().size() - 1);
    const Result<QList<PodInfo>> cut = parsePodList(full.left(full.size() / 2));
    QVERIFY(cut.error().message.contains(QLatin1String("incomplete")));
}

void TestKube::parseWrongTypes()
{
    // Every field in the wrong type: no crash, sane defaults, still a row.
    const QByteArray weird = R"({"kind":"List","items":[
        {"metadata":{"name":"w","namespace":7,"creationTimestamp":12,"deletionTimestamp":null,
                     "ownerReferences":{"kind":"x"},"labels":["a"]},
         "spec":{"containers":{"name":"c"},"initContainers":"no","nodeName":["n"]},
         "status":{"phase":5,"conditions":"Ready","containerStatuses":[
             {"name":"c","ready":"yes","restartCount":"3","state":{"waiting":"CrashLoopBackOff"},
              "lastState":{"terminated":{"finishedAt":"not a time","exitCode":"1"}}},
             7, null, "s",
             {"name":"d","restartCount":1e300,"state":{"terminated":{"exitCode":-1e20,"reason":42}}}
         ]}},
        1, "x", null, [], {},
        {"metadata":"nope"},
        {"metadata":{"name":"ok"},"status":null,"spec":null}
    ]})";
    int skipped = -1;
    const Result<QList<PodInfo>> r = parsePodList(weird, &skipped);
    QVERIFY(r.ok());
    QCOMPARE(r->size(), 2);
    QCOMPARE(skipped, 6);
    const PodInfo &w = r->first();
    QCOMPARE(w.name, QStringLiteral("w"));
    QCOMPARE(w.ns, QString());
    QVERIFY(!w.createdAt.isValid());
    QVERIFY(!w.terminating);
    QCOMPARE(w.restarts, 0);
    QCOMPARE(w.totalContainers, 0);
    QCOMPARE(w.status, QStringLiteral("ExitCode:0"));
    QVERIFY(!w.lastRestartAt.isValid());
    const PodInfo &ok = r->at(1);
    QCOMPARE(ok.status, QString());
    QCOMPARE(ok.readyContainers, 0);

    // Not a list at all.
    QVERIFY(!parsePodList("[]").ok());
    QVERIFY(!parsePodList("\"pods\"").ok());
    QVERIFY(!parsePodList("").ok());
    QVERIFY(!parsePodList("   \n").ok());
    QVERIFY(!parsePodList("{\"kind\":\"List\"}").ok());
    QVERIFY(!parsePodList("{\"kind\":\"List\",\"items\":{}}").ok());
    QVERIFY(!parsePodList("error: You must be logged in to the server (Unauthorized)\n").ok());
    QVERIFY(!parsePodList(QByteArray("\x00\xff\xfe{", 4)).ok());
    const Result<QList<PodInfo>> status = parsePodList(
        R"({"kind":"Status","apiVersion":"v1","status":"Failure","message":"pods is forbidden","code":403})");
    QVERIFY(!status.ok());
    QVERIFY(status.error().message.contains(QLatin1String("forbidden")));
}

void TestKube::parseOddShapes()
{
    // Unicode everywhere, deep nesting in unknown fields, no status at all.
    QJsonObject pod{
        {"metadata", QJsonObject{{"name", "peña-日本-🚀"},
                                 {"namespace", "año"},
                                 {"annotations", QJsonObject{{"note", "línea\n\"quoted\" {brace}"}}}}},
        {"spec", QJsonObject{{"containers", QJsonArray{QJsonObject{{"name", "c"}, {"image", "ñ:1"}}}}}}};
    QJsonValue deep = QJsonObject{{"leaf", 1}};
    for (int i = 0; i < 200; ++i)
        deep = QJsonObject{{"d", deep}};
    pod.insert("x-unknown", deep);
    const Result<PodInfo> r = parsePod(pod);
    QVERIFY(r.ok());
    QCOMPARE(r->name, QStringLiteral("peña-日本-🚀"));
    QCOMPARE(r->status, QString());
    QCOMPARE(r->totalContainers, 1);
    QCOMPARE(r->containers.size(), 1);
    QCOMPARE(r->containers.first().state, QString());
    QCOMPARE(r->containers.first().image, QStringLiteral("ñ:1"));
    // No name: an error for this pod.
    QVERIFY(!parsePod(QJsonObject{{"metadata", QJsonObject{}}}).ok());
}

void TestKube::oracleTables_data()
{
    QTest::addColumn<QString>("json");
    QTest::addColumn<QString>("table");
    const QDir dir(QStringLiteral(VIGIA_SHARED_TEST_DATA_DIR));
    const QStringList jsons = dir.entryList({QStringLiteral("pods-*.json")}, QDir::Files, QDir::Name);
    for (const QString &j : jsons) {
        const QString base = j.chopped(5);
        if (dir.exists(base + QStringLiteral(".txt")))
            QTest::newRow(qPrintable(base)) << dir.filePath(j) << dir.filePath(base + QStringLiteral(".txt"));
    }
    if (jsons.isEmpty())
        QTest::newRow("none") << QString() << QString();
}

void TestKube::oracleTables()
{
    QFETCH(QString, json);
    QFETCH(QString, table);
    if (json.isEmpty())
        QSKIP("no recorded kubectl output in tests/data yet (pods-*.json with pods-*.txt)");
    const QByteArray jsonText = readFile(json);
    const QString tableText = QString::fromUtf8(readFile(table));
    QVERIFY(!jsonText.isEmpty());
    QVERIFY(!tableText.isEmpty());

    const QString failure = test::compareWithKubectlTable(jsonText, tableText);
    QVERIFY2(failure.isEmpty(), qPrintable(failure));
}

// --- watch stream ---------------------------------------------------------

namespace {

QByteArray eventText(const char *type, const QJsonObject &object)
{
    return QJsonDocument(QJsonObject{{"type", QString::fromLatin1(type)}, {"object", object}})
        .toJson(QJsonDocument::Indented);
}

QByteArray sampleStream()
{
    PodSpec s;
    s.containers = {running()};
    QJsonObject tricky = makePod(s);
    QJsonObject meta = tricky.value("metadata").toObject();
    meta.insert("annotations", QJsonObject{{"braces", "}}}{{{ \"quoted\" \\ back\\\\slash }"},
                                           {"unicode", "peña 日本 🚀"},
                                           {"nested", "{\"json\": [1, 2, {\"x\": \"}\"}]}"}});
    tricky.insert("metadata", meta);
    QByteArray out;
    out += eventText("ADDED", makePod(s));
    out += eventText("MODIFIED", tricky);
    out += "\n";
    out += QJsonDocument(QJsonObject{{"type", "DELETED"}, {"object", makePod(s)}})
               .toJson(QJsonDocument::Compact);
    out += "\n";
    out += eventText("BOOKMARK",
                     QJsonObject{{"kind", "Pod"}, {"metadata", QJsonObject{{"resourceVersion", "99"}}}});
    return out;
}

QStringList summarize(const QList<WatchEvent> &events)
{
    QStringList out;
    for (const WatchEvent &e : events)
        out << e.typeName + QLatin1Char(' ') +
                   QString::fromUtf8(QJsonDocument(e.object).toJson(QJsonDocument::Compact));
    return out;
}

} // namespace

void TestKube::watchWholeAndSplit()
{
    const QByteArray stream = sampleStream();
    WatchStreamParser whole;
    const QList<WatchEvent> all = whole.feed(stream);
    QCOMPARE(all.size(), 4);
    QCOMPARE(all.at(0).type, WatchEvent::Type::Added);
    QCOMPARE(all.at(1).type, WatchEvent::Type::Modified);
    QCOMPARE(all.at(2).type, WatchEvent::Type::Deleted);
    QCOMPARE(all.at(3).type, WatchEvent::Type::Bookmark);
    QCOMPARE(all.at(1)
                 .object.value("metadata")
                 .toObject()
                 .value("annotations")
                 .toObject()
                 .value("unicode")
                 .toString(),
             QStringLiteral("peña 日本 🚀"));
    QVERIFY(whole.takeErrors().isEmpty());
    QVERIFY(whole.finish().ok());
    const QStringList expected = summarize(all);

    // Every split point, in two chunks, and in three chunks around each point.
    for (qsizetype cut = 0; cut <= stream.size(); ++cut) {
        WatchStreamParser p;
        QList<WatchEvent> got = p.feed(QByteArrayView(stream).first(cut));
        got += p.feed(QByteArrayView(stream).sliced(cut));
        QCOMPARE(summarize(got), expected);
        QVERIFY(p.takeErrors().isEmpty());
        QVERIFY(p.finish().ok());

        const qsizetype cut2 = std::min(stream.size(), cut + 7);
        WatchStreamParser q;
        QList<WatchEvent> got3 = q.feed(QByteArrayView(stream).first(cut));
        got3 += q.feed(QByteArrayView(stream).sliced(cut, cut2 - cut));
        got3 += q.feed(QByteArrayView(stream).sliced(cut2));
        QCOMPARE(got3.size(), expected.size());
    }
}

void TestKube::watchByteByByte()
{
    const QByteArray stream = sampleStream();
    WatchStreamParser p;
    QList<WatchEvent> got;
    for (qsizetype i = 0; i < stream.size(); ++i)
        got += p.feed(QByteArrayView(stream).sliced(i, 1));
    WatchStreamParser whole;
    QCOMPARE(summarize(got), summarize(whole.feed(stream)));
    QVERIFY(p.finish().ok());
}

void TestKube::watchErrorsAndExpiry()
{
    const QJsonObject gone{{"kind", "Status"},    {"apiVersion", "v1"},
                           {"status", "Failure"}, {"message", "too old resource version: 123 (456)"},
                           {"reason", "Expired"}, {"code", 410}};
    const QJsonObject other{{"kind", "Status"}, {"status", "Failure"}, {"message", "boom"}, {"code", 500}};
    WatchStreamParser p;
    const QList<WatchEvent> ev = p.feed(eventText("ERROR", gone) + eventText("ERROR", other) +
                                        QJsonDocument(other).toJson() + eventText("WEIRD", other));
    QCOMPARE(ev.size(), 3);
    QCOMPARE(ev.at(0).type, WatchEvent::Type::Error);
    QVERIFY(ev.at(0).isExpired());
    QCOMPARE(ev.at(0).errorMessage(), QStringLiteral("too old resource version: 123 (456)"));
    QCOMPARE(ev.at(1).type, WatchEvent::Type::Error);
    QVERIFY(!ev.at(1).isExpired());
    // A bare Status object is an error too.
    QCOMPARE(ev.at(2).type, WatchEvent::Type::Error);
    const QList<Error> errors = p.takeErrors();
    QCOMPARE(errors.size(), 1);
    QCOMPARE(errors.first().code, QStringLiteral("kube.watch-type"));

    // Bare objects (a watch without --output-watch-events) come through as Object.
    WatchStreamParser bare;
    PodSpec s;
    const QList<WatchEvent> b =
        bare.feed(QJsonDocument(makePod(s)).toJson() + QJsonDocument(makePod(s)).toJson());
    QCOMPARE(b.size(), 2);
    QCOMPARE(b.first().type, WatchEvent::Type::Object);
}

void TestKube::watchTruncatedTail()
{
    const QByteArray stream = sampleStream();
    // Stop at every offset: events before the cut arrive, and finish() says
    // truncated exactly when the cut is inside an object.
    WatchStreamParser whole;
    const int total = int(whole.feed(stream).size());
    for (qsizetype cut = 0; cut < stream.size(); ++cut) {
        WatchStreamParser p;
        const QList<WatchEvent> got = p.feed(QByteArrayView(stream).first(cut));
        QVERIFY(got.size() <= total);
        const Result<void> end = p.finish();
        const bool inside = !QByteArrayView(stream).first(cut).trimmed().endsWith('}') && cut > 0 &&
                            !QByteArrayView(stream).first(cut).trimmed().isEmpty();
        if (inside) {
            QVERIFY2(!end.ok(), qPrintable(QString::number(cut)));
            QCOMPARE(end.error().code, QStringLiteral("kube.watch-truncated"));
        }
        // After finish() the parser starts clean.
        QCOMPARE(p.pendingBytes(), qsizetype(0));
        QCOMPARE(p.feed(stream).size(), total);
    }
}

void TestKube::watchStrayTextAndBadJson()
{
    WatchStreamParser p;
    QByteArray s = "Warning: something odd\n";
    s += eventText("ADDED", QJsonObject{{"kind", "Pod"}});
    s += "{\"type\": \"ADDED\", \"object\": {\"a\": tru}}\n"; // balanced braces, invalid JSON
    s += eventText("DELETED", QJsonObject{{"kind", "Pod"}});
    s += "trailing";
    const QList<WatchEvent> ev = p.feed(s);
    QCOMPARE(ev.size(), 2);
    QCOMPARE(ev.at(0).type, WatchEvent::Type::Added);
    QCOMPARE(ev.at(1).type, WatchEvent::Type::Deleted);
    const QList<Error> errors = p.takeErrors();
    QCOMPARE(errors.size(), 2);
    QCOMPARE(errors.at(0).code, QStringLiteral("kube.watch-stray"));
    QCOMPARE(errors.at(1).code, QStringLiteral("kube.watch-json"));
    const Result<void> end = p.finish();
    QVERIFY(!end.ok());
    QCOMPARE(end.error().code, QStringLiteral("kube.watch-stray"));
}

void TestKube::watchOversized()
{
    WatchStreamParser p(1024);
    QByteArray big = "{\"type\":\"ADDED\",\"object\":{\"pad\":\"";
    big += QByteArray(4000, 'x');
    big += "\"}}";
    QList<WatchEvent> ev;
    for (qsizetype i = 0; i < big.size(); i += 100)
        ev += p.feed(QByteArrayView(big).sliced(i, std::min<qsizetype>(100, big.size() - i)));
    QVERIFY(ev.isEmpty());
    QVERIFY(p.pendingBytes() <= 1200);
    const QList<Error> errors = p.takeErrors();
    QCOMPARE(errors.size(), 1);
    QCOMPARE(errors.first().code, QStringLiteral("kube.watch-oversized"));
    // The stream recovers for the next event.
    ev = p.feed(eventText("ADDED", QJsonObject{{"kind", "Pod"}}));
    QCOMPARE(ev.size(), 1);
}

void TestKube::watchRecordedStream()
{
    const QDir dir(QStringLiteral(VIGIA_SHARED_TEST_DATA_DIR));
    const QStringList files = dir.entryList({QStringLiteral("*watch*")}, QDir::Files, QDir::Name);
    if (files.isEmpty())
        QSKIP("no recorded watch stream in tests/data yet");
    for (const QString &f : files) {
        const QByteArray stream = readFile(dir.filePath(f));
        WatchStreamParser whole;
        const QStringList expected = summarize(whole.feed(stream));
        QVERIFY2(!expected.isEmpty(), qPrintable(f));
        QVERIFY2(whole.takeErrors().isEmpty(), qPrintable(f));
        // Split at a spread of offsets (every byte for small files), plus
        // every offset around the first object boundary.
        const qsizetype step = std::max<qsizetype>(1, stream.size() / 300);
        const qsizetype firstEnd = stream.indexOf("}\n");
        for (qsizetype cut = std::max<qsizetype>(0, firstEnd - 40);
             cut < std::min(stream.size(), firstEnd + 40); ++cut) {
            WatchStreamParser p;
            QList<WatchEvent> got = p.feed(QByteArrayView(stream).first(cut));
            got += p.feed(QByteArrayView(stream).sliced(cut));
            QCOMPARE(got.size(), expected.size());
        }
        for (qsizetype cut = 0; cut <= stream.size(); cut += step) {
            WatchStreamParser p;
            QList<WatchEvent> got = p.feed(QByteArrayView(stream).first(cut));
            got += p.feed(QByteArrayView(stream).sliced(cut));
            QCOMPARE(summarize(got), expected);
        }
    }
}

QTEST_GUILESS_MAIN(TestKube)
#include "test_kube.moc"

void TestKube::podQueriesPutNamesBehindDashDash()
{
    const QString hostile = QStringLiteral("-o=json");
    for (const QStringList &args : {kube::podYamlArgs(QStringLiteral("ns"), hostile),
                                    kube::podDescribeArgs(QStringLiteral("ns"), hostile)}) {
        const qsizetype dd = args.indexOf(QStringLiteral("--"));
        QVERIFY2(dd > 0, qPrintable(args.join(' ')));
        QCOMPARE(args.last(), hostile);
        QCOMPARE(dd, args.size() - 2);
        // Nothing after "--" but the name.
        QVERIFY(!args.mid(0, dd).contains(hostile));
    }
    QCOMPARE(kube::podYamlArgs(QStringLiteral("a b"), QStringLiteral("p")).mid(0, 6),
             (QStringList{QStringLiteral("get"), QStringLiteral("pod"), QStringLiteral("-n"), QStringLiteral("a b"),
                          QStringLiteral("-o"), QStringLiteral("yaml")}));
}
