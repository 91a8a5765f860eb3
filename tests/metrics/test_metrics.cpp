// Parsers, sampler script, downsampling, history and capacity arithmetic.
#include "metrics/Capacity.h"
#include "metrics/ChartData.h"
#include "metrics/ClusterUsage.h"
#include "metrics/Downsample.h"
#include "metrics/HistoryStore.h"
#include "metrics/MetricsParsers.h"
#include "metrics/Sampler.h"
#include "remote/ShellQuote.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>
#include <cmath>

using namespace vigia;
using namespace vigia::metrics;

namespace {
constexpr qint64 kMiB = 1024 * 1024;
constexpr qint64 kGiB = 1024 * kMiB;

QByteArray fixture(const char *name)
{
    QFile f(QStringLiteral(VIGIA_TEST_DATA_DIR "/") + QLatin1String(name));
    if (!f.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", name);
    return f.readAll();
}

// Runs the command line through a local POSIX shell, as sshd hands it to the login shell.
QByteArray runLikeSshd(const QString &commandLine, int *exitCode = nullptr)
{
    QProcess p;
    p.start(QStringLiteral("sh"), {QStringLiteral("-c"), commandLine});
    if (!p.waitForFinished(20000)) {
        p.kill();
        p.waitForFinished(2000);
        return {};
    }
    if (exitCode)
        *exitCode = p.exitCode();
    return p.readAllStandardOutput();
}

const char kMeminfo[] = "MemTotal:        4014252 kB\n"
                        "MemFree:          812344 kB\n"
                        "MemAvailable:    2301188 kB\n"
                        "Buffers:           84212 kB\n"
                        "Cached:          1401232 kB\n"
                        "SwapCached:            0 kB\n"
                        "Shmem:             12044 kB\n"
                        "SReclaimable:      98312 kB\n"
                        "SwapTotal:             0 kB\n"
                        "SwapFree:              0 kB\n"
                        "HugePages_Total:       0\n";
} // namespace

class TestMetrics : public QObject {
    Q_OBJECT
private slots:
    void meminfo();
    void meminfoRealAndOdd();
    void loadavg();
    void cgroup();
    void du();
    void podMetrics();
    void podMetricsBroken();
    void nodeMetrics();
    void podResources();
    void nodeCapacity();
    void nodeMemoryTotalsSumEveryNode();
    void samplerParsesSections();
    void samplerReportsMissing();
    void samplerScriptRunsThroughShell();
    void samplerHostileDataDir();
    void downsampleKeepsPeaks();
    void gapsAreKept();
    void chartDataAtPixelWidth();
    void historyTiersAndGaps();
    void historyRetention();
    void capacityHandComputed();
    void capacityOverBudget();
    void observeHistoryOverhead();
};

void TestMetrics::meminfo()
{
    auto m = parseMeminfo(kMeminfo);
    QVERIFY(m.ok());
    QCOMPARE(*m->total, qint64(4014252) * 1024);
    QCOMPARE(*m->available, qint64(2301188) * 1024);
    QCOMPARE(*m->used(), qint64(4014252 - 2301188) * 1024);
    // Cached - Shmem + Buffers + SReclaimable
    QCOMPARE(*m->cache(), qint64(1401232 - 12044 + 84212 + 98312) * 1024);
    QCOMPARE(*m->swapTotal, qint64(0));
}

void TestMetrics::meminfoRealAndOdd()
{
    QFile f(QStringLiteral("/proc/meminfo"));
    if (f.open(QIODevice::ReadOnly)) {
        auto real = parseMeminfo(f.readAll());
        QVERIFY(real.ok());
        QVERIFY(*real->total > 0);
        QVERIFY(real->available.has_value());
        QVERIFY(*real->used() <= *real->total);
    }
    // Old kernel without MemAvailable: free + buffers + cached.
    auto old = parseMeminfo("MemTotal: 1000 kB\nMemFree: 100 kB\nBuffers: 50 kB\nCached: 200 kB\n");
    QVERIFY(old.ok());
    QCOMPARE(*old->available, qint64(350) * 1024);
    // Truncated mid-line, junk lines, negative numbers, missing units.
    auto odd = parseMeminfo("garbage\nMemTotal:   2048 kB\nMemAvailable: -5 kB\nCached: 12\nBuff");
    QVERIFY(odd.ok());
    QVERIFY(!odd->available);
    QVERIFY(!odd->cached);
    QVERIFY(!odd->used());
    auto none = parseMeminfo("cat: /proc/meminfo: Permission denied\n");
    QVERIFY(!none.ok());
    QCOMPARE(none.error().code, QStringLiteral("metrics.meminfo"));
    QVERIFY(!parseMeminfo(QByteArray()).ok());
}

void TestMetrics::loadavg()
{
    auto l = parseLoadavg("0.52 0.58 0.59 2/934 12345\n");
    QVERIFY(l.ok());
    QCOMPARE(l->one, 0.52);
    QCOMPARE(l->fifteen, 0.59);
    QCOMPARE(l->running, 2);
    QCOMPARE(l->total, 934);
    QVERIFY(parseLoadavg("1.0 2.0 3.0").ok());
    QVERIFY(!parseLoadavg("").ok());
    QVERIFY(!parseLoadavg("a b c d").ok());
    QVERIFY(!parseLoadavg("0.1 0.2").ok());
}

void TestMetrics::cgroup()
{
    auto v2 = parseCgroupSection("v2\n512344064\nanon 301989888\nfile 180355072\n");
    QVERIFY(v2.ok());
    QCOMPARE(v2->version, CgroupVersion::V2);
    QCOMPARE(v2->currentBytes, qint64(512344064));
    QCOMPARE(*v2->anonBytes, qint64(301989888));
    QCOMPARE(*v2->fileBytes, qint64(180355072));
    auto v1 = parseCgroupSection("v1\n734003200\n");
    QVERIFY(v1.ok());
    QCOMPARE(v1->version, CgroupVersion::V1);
    QVERIFY(!v1->anonBytes);
    auto absent = parseCgroupSection("absent v2\n");
    QVERIFY(!absent.ok());
    QCOMPARE(absent.error().code, QStringLiteral("metrics.cgroup-absent"));
    QVERIFY(absent.error().message.contains(QStringLiteral("cgroup v2")));
    auto denied = parseCgroupSection(
        "v2\ncat: /sys/fs/cgroup/system.slice/k3s.service/memory.current: Permission denied\n");
    QCOMPARE(denied.error().code, QStringLiteral("metrics.cgroup-denied"));
    QCOMPARE(parseCgroupSection("v2\nmax\n").error().code, QStringLiteral("metrics.cgroup"));
    QVERIFY(!parseCgroupSection("").ok());
    QVERIFY(!parseCgroupSection("v3\n1\n").ok());
    QCOMPARE(parseCgroupValue("  42\n").value(), qint64(42));
    QVERIFY(!parseCgroupValue("-1").ok());
}

void TestMetrics::du()
{
    auto d = parseDuOutput("5368709120\t/var/lib/rancher/k3s\n");
    QVERIFY(d.ok());
    QCOMPARE(d->bytes, qint64(5368709120));
    QVERIFY(!d->partial);
    auto partial =
        parseDuOutput("du: cannot read directory '/var/lib/rancher/k3s/server/tls': Permission denied\n"
                      "1234\t/var/lib/rancher/k3s\n");
    QVERIFY(partial.ok());
    QVERIFY(partial->partial);
    QCOMPARE(partial->bytes, qint64(1234));
    auto absent = parseDuOutput("du: cannot access '/nope': No such file or directory\n");
    QCOMPARE(absent.error().code, QStringLiteral("metrics.du-absent"));
    QVERIFY(!parseDuOutput("").ok());
    QVERIFY(!parseDuOutput("lots\t/x").ok());
}

void TestMetrics::podMetrics()
{
    auto pods = parsePodMetricsList(fixture("podmetrics.json"));
    QVERIFY(pods.ok());
    QCOMPARE(pods->size(), 3);
    const PodUsage &q = pods->at(0);
    QCOMPARE(q.ns, QStringLiteral("joledev"));
    QCOMPARE(q.cpuNanocores, qint64(1234567));
    QCOMPARE(q.memoryBytes, qint64(15360) * 1024);
    const PodUsage &web = pods->at(1);
    QCOMPARE(web.containers, 2);
    QCOMPARE(web.cpuNanocores, qint64(250000000));
    QCOMPARE(web.memoryBytes, 12 * kMiB + 3145728);
    QCOMPARE(pods->at(2).cpuNanocores, qint64(2000000000));
    QCOMPARE(pods->at(2).memoryBytes, qint64(1000000000));
    // A warning line before the body is tolerated.
    QVERIFY(parsePodMetricsList("W1127 some warning\n" + fixture("podmetrics.json")).ok());
    auto empty = parsePodMetricsList(R"({"kind":"PodMetricsList","items":[]})");
    QVERIFY(empty.ok());
    QVERIFY(empty->isEmpty());
}

void TestMetrics::podMetricsBroken()
{
    const QByteArray full = fixture("podmetrics.json");
    QCOMPARE(parsePodMetricsList(full.left(full.size() / 2)).error().code, QStringLiteral("metrics.json"));
    QVERIFY(
        !parsePodMetricsList("Error from server (NotFound): the server could not find the requested resource")
             .ok());
    QVERIFY(!parsePodMetricsList(R"({"items": 7})").ok());
    // Wrong types inside items: skipped or zero, never a crash.
    auto odd = parsePodMetricsList(
        R"({"items":[{"metadata":{"name":"a","namespace":"n"},"containers":[{"usage":{"cpu":5,"memory":"??"}}]},)"
        R"({"metadata":"x"},7,{"metadata":{"name":"b"},"containers":"none"}]})");
    QVERIFY(odd.ok());
    QCOMPARE(odd->size(), 2);
    QCOMPARE(odd->at(0).cpuNanocores, qint64(5000000000));
    QCOMPARE(odd->at(0).memoryBytes, qint64(0));
}

void TestMetrics::nodeMetrics()
{
    auto nodes = parseNodeMetricsList(fixture("nodemetrics.json"));
    QVERIFY(nodes.ok());
    QCOMPARE(nodes->size(), 1);
    QCOMPARE(nodes->at(0).name, QStringLiteral("vps-joledev"));
    QCOMPARE(nodes->at(0).cpuNanocores, qint64(187654321));
    QCOMPARE(nodes->at(0).memoryBytes, qint64(1843200) * 1024);
    QVERIFY(!parseNodeMetricsList("{").ok());
}

void TestMetrics::podResources()
{
    auto pods = parsePodResources(fixture("pods.json"));
    QVERIFY(pods.ok());
    QCOMPARE(pods->size(), 4); // the item without a name is skipped
    const PodResources &s = pods->at(0);
    QCOMPARE(s.name, QStringLiteral("api-scheduler-66b7c9d8f-q8zr2"));
    // Containers: 32Mi + 16Mi (request defaults to the limit); the init container's 256Mi wins.
    QCOMPARE(s.memoryRequest, 256 * kMiB);
    QCOMPARE(s.cpuRequest, qint64(100000000));
    QCOMPARE(*s.memoryLimit, 80 * kMiB);
    QVERIFY(!s.cpuLimit); // litestream has no CPU limit
    QCOMPARE(s.ooms.size(), 1);
    QCOMPARE(s.ooms[0].container, QStringLiteral("api-scheduler"));
    QCOMPARE(s.ooms[0].finishedAtMs,
             QDateTime::fromString(QStringLiteral("2026-11-27T06:41:12Z"), Qt::ISODate).toMSecsSinceEpoch());
    const PodResources &web = pods->at(1);
    QVERIFY(!web.memoryLimit);
    QCOMPARE(web.containersWithoutMemoryLimit, QStringList{QStringLiteral("nginx")});
    QCOMPARE(web.memoryRequest, 64 * kMiB);
    QVERIFY(pods->at(2).isFinished());
    const PodResources &weird = pods->at(3);
    QCOMPARE(weird.memoryRequest, qint64(0)); // "lots" is not a quantity
    QCOMPARE(*weird.memoryLimit, qint64(12)); // a bare JSON number is a quantity
    QVERIFY(!parsePodResources("[]").ok());
    QVERIFY(!parsePodResources(fixture("pods.json").left(300)).ok());
}

void TestMetrics::nodeCapacity()
{
    auto n = parseNodeCapacity(fixture("nodes.json"));
    QVERIFY(n.ok());
    QCOMPARE(n->size(), 1);
    QCOMPARE(n->at(0).memoryCapacity, qint64(4014252) * 1024);
    QCOMPARE(n->at(0).cpuAllocatable, qint64(2000000000));
    QCOMPARE(resolveBudget(std::nullopt, n->at(0).memoryCapacity), qint64(4014252) * 1024);
    QCOMPARE(resolveBudget(3 * kGiB, n->at(0).memoryCapacity), 3 * kGiB);
    QCOMPARE(resolveBudget(std::nullopt, std::nullopt), 4 * kGiB);
}

void TestMetrics::nodeMemoryTotalsSumEveryNode()
{
    kube::ClusterSnapshot snap;
    QVERIFY(!nodeMemoryTotals(snap).known()); // no node yet: the view keeps its own budget
    kube::NodeInfo a;
    a.name = QStringLiteral("server");
    a.memoryCapacityBytes = 4 * kGiB;
    a.memoryAllocatableBytes = 3 * kGiB;
    kube::NodeInfo b;
    b.name = QStringLiteral("agent");
    b.memoryCapacityBytes = 2 * kGiB;
    b.memoryAllocatableBytes = kGiB + kGiB / 2;
    kube::NodeInfo silent; // a node whose status carries no capacity yet
    silent.name = QStringLiteral("joining");
    silent.memoryCapacityBytes = -1;
    snap.nodes = {a, b, silent};
    const NodeMemoryTotals t = nodeMemoryTotals(snap);
    QVERIFY(t.known());
    QCOMPARE(t.capacityBytes, 6 * kGiB);
    QCOMPARE(t.allocatableBytes, 4 * kGiB + kGiB / 2);
}

void TestMetrics::samplerParsesSections()
{
    const QByteArray out =
        QByteArray("@@vigia:meminfo\n") + kMeminfo + "@@vigia:loadavg\n0.10 0.20 0.30 1/200 99\n" +
        "@@vigia:nproc\n2\n@@vigia:cgroup\nv2\n400000000\nanon 300000000\nfile 100000000\n" +
        "@@vigia:du\n5000\t/var/lib/rancher/k3s\n@@vigia:pods 0\n" + fixture("podmetrics.json") +
        "@@vigia:nodes 0\n" + fixture("nodemetrics.json") + "@@vigia:end\n";
    const Sample s = Sampler::parseOutput(out, 1234);
    QCOMPARE(s.timestampMs, qint64(1234));
    QVERIFY2(s.missing.isEmpty(), qPrintable(s.missing.join(QLatin1Char('|'))));
    QVERIFY(s.memory);
    QCOMPARE(*s.cpuCount, 2);
    QCOMPARE(s.k3s->anonBytes.value(), qint64(300000000));
    QCOMPARE(*s.dataDirBytes, qint64(5000));
    QCOMPARE(s.pods.size(), 3);
    QCOMPARE(s.nodes.size(), 1);
    const auto flat = flattenSample(s);
    bool sawK3s = false, sawPod = false;
    for (const auto &v : flat) {
        if (v.key == keys::k3sMemory()) {
            sawK3s = true;
            QCOMPARE(v.value, qint64(300000000)); // anon: K3s's page cache is not "used"
        }
        if (v.key == keys::podMemory(QStringLiteral("joledev"), QStringLiteral("api-quoter-7d9f8c6b5-x2lkq")))
            sawPod = true;
    }
    QVERIFY(sawK3s && sawPod);
}

void TestMetrics::samplerReportsMissing()
{
    const QByteArray out =
        QByteArray("@@vigia:meminfo\n") + kMeminfo + "@@vigia:loadavg\n0.1 0.2 0.3 1/2 3\n" +
        "@@vigia:cgroup\nv1\n734003200\n" +
        "@@vigia:pods 1\nError from server (NotFound): the server could not find the requested resource\n" +
        "@@vigia:nodes 1\nError from server (NotFound): the server could not find the requested resource\n" +
        "@@vigia:end\n";
    const Sample s = Sampler::parseOutput(out, 1);
    QVERIFY(s.memory);
    QVERIFY(!s.podMetricsAvailable);
    const QString all = s.missing.join(QLatin1Char('|'));
    QVERIFY2(all.contains(QStringLiteral("metrics-server is not installed")), qPrintable(all));
    QVERIFY2(all.contains(QStringLiteral("cgroup v1")), qPrintable(all));
    QCOMPARE(s.missing.size(), 2); // node failure has the same cause: said once

    // Pods and nodes from one `kubectl get podmetrics,nodemetrics`: kubectl's own words
    // when the API group is not served, said once for both.
    const Sample combined = Sampler::parseOutput(QByteArray("@@vigia:meminfo\n") + kMeminfo +
                                                     "@@vigia:podsnodes 1\nerror: the server doesn't have a "
                                                     "resource type \"podmetrics\"\n@@vigia:end\n",
                                                 1);
    const QString c = combined.missing.join(QLatin1Char('|'));
    QVERIFY(!combined.podMetricsAvailable && !combined.nodeMetricsAvailable);
    QVERIFY2(c.contains(QStringLiteral("metrics-server is not installed")), qPrintable(c));
    QCOMPARE(combined.missing.size(), 1);

    const Sample denied = Sampler::parseOutput(
        "@@vigia:meminfo\ncat: /proc/meminfo: Permission denied\n@@vigia:cgroup\nabsent v2\n"
        "@@vigia:pods 1\nerror: error loading config file \"/etc/rancher/k3s/k3s.yaml\": open "
        "/etc/rancher/k3s/k3s.yaml: permission denied\n",
        1);
    const QString d = denied.missing.join(QLatin1Char('|'));
    QVERIFY2(d.contains(QStringLiteral("Host memory unavailable")), qPrintable(d));
    QVERIFY2(d.contains(QStringLiteral("no k3s.service cgroup")), qPrintable(d));
    QVERIFY2(d.contains(QStringLiteral("per-pod CPU and memory unavailable")), qPrintable(d));
    QVERIFY2(d.contains(QStringLiteral("cut short")), qPrintable(d));
    const Sample nothing = Sampler::parseOutput(QByteArray(), 1);
    QVERIFY(!nothing.memory);
    QVERIFY(nothing.missing.size() >= 2);
}

void TestMetrics::samplerScriptRunsThroughShell()
{
    // Real output from this machine, through the same quoting sshd's login shell sees,
    // with a stand-in kubectl that serves the metrics API fixtures.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QFile fake(dir.filePath(QStringLiteral("fake kubectl.sh")));
    QVERIFY(fake.open(QIODevice::WriteOnly));
    fake.write("case \"$2 $3\" in\n"
               "  '--raw '*/pods) cat '" VIGIA_TEST_DATA_DIR "/podmetrics.json' ;;\n"
               "  '--raw '*/nodes) cat '" VIGIA_TEST_DATA_DIR "/nodemetrics.json' ;;\n"
               "  'podmetrics.metrics.k8s.io,nodemetrics.metrics.k8s.io -A') cat '" VIGIA_TEST_DATA_DIR
               "/podnodemetrics.json' ;;\n"
               "  *) echo 'error: unknown' >&2; exit 1 ;;\n"
               "esac\n");
    fake.close();
    QFile data(dir.filePath(QStringLiteral("data/blob")));
    QVERIFY(QDir().mkpath(dir.filePath(QStringLiteral("data"))));
    QVERIFY(data.open(QIODevice::WriteOnly));
    data.write(QByteArray(4096, 'x'));
    data.close();

    SamplerConfig cfg;
    cfg.dataDir = dir.filePath(QStringLiteral("data"));
    const QStringList argv = Sampler::argv(cfg, {QStringLiteral("sh"), fake.fileName()}, true, true);
    int rc = -1;
    const QByteArray out = runLikeSshd(remote::buildCommandLine(argv), &rc);
    QCOMPARE(rc, 0);
    const Sample s = Sampler::parseOutput(out, 5);
    QVERIFY2(s.memory, out.left(400).constData());
    QVERIFY(s.load);
    QVERIFY(s.cpuCount && *s.cpuCount >= 1);
    QVERIFY(s.dataDirBytes && *s.dataDirBytes >= 4096);
    QVERIFY(s.podMetricsAvailable);
    QCOMPARE(s.pods.size(), 3);
    QCOMPARE(s.nodes.size(), 1);
    QVERIFY(s.nodeMetricsAvailable);
    for (const PodUsage &p : s.pods) // the node in the same list is not read as a pod
        QVERIFY(!p.ns.isEmpty());
    // Pods alone: the cheaper raw get.
    const Sample podsOnly =
        Sampler::parseOutput(runLikeSshd(remote::buildCommandLine(
                                 Sampler::argv(cfg, {QStringLiteral("sh"), fake.fileName()}, false, false))),
                             5);
    QCOMPARE(podsOnly.pods.size(), 3);
    QVERIFY(podsOnly.nodes.isEmpty());
    QVERIFY2(!podsOnly.missing.join(QLatin1Char(' ')).contains(QStringLiteral("per-pod")),
             qPrintable(podsOnly.missing.join(QLatin1Char('|'))));
    // This machine runs no k3s.service: said in words, not a zero.
    if (!s.k3s)
        QVERIFY(s.missing.join(QLatin1Char(' ')).contains(QStringLiteral("k3s.service")));

    // Without du or nodes on this tick, and a kubectl that is not there.
    const QByteArray out2 = runLikeSshd(
        remote::buildCommandLine(Sampler::argv(cfg, {QStringLiteral("/nonexistent/kubectl")}, false, false)));
    const Sample s2 = Sampler::parseOutput(out2, 6);
    QVERIFY(s2.memory);
    QVERIFY(!s2.dataDirBytes);
    QVERIFY(!s2.podMetricsAvailable);
    QVERIFY2(s2.missing.join(QLatin1Char(' ')).contains(QStringLiteral("per-pod CPU and memory")),
             qPrintable(s2.missing.join(QLatin1Char('|'))));

    // A tick without pod metrics due says nothing is missing; no kubectl at all does.
    const Sample s3 =
        Sampler::parseOutput(runLikeSshd(remote::buildCommandLine(Sampler::argv(
                                 cfg, {QStringLiteral("sh"), fake.fileName()}, false, false, false))),
                             7);
    QVERIFY(s3.memory);
    QVERIFY(!s3.podMetricsAvailable);
    QVERIFY2(!s3.missing.join(QLatin1Char(' ')).contains(QStringLiteral("per-pod")),
             qPrintable(s3.missing.join(QLatin1Char('|'))));
    const Sample s4 =
        Sampler::parseOutput(runLikeSshd(remote::buildCommandLine(Sampler::argv(cfg, {}, false, false))), 8);
    QVERIFY(s4.missing.join(QLatin1Char(' ')).contains(QStringLiteral("kubectl not detected")));
}

void TestMetrics::samplerHostileDataDir()
{
    QTemporaryDir dir;
    const QString marker = dir.filePath(QStringLiteral("pwned"));
    SamplerConfig cfg;
    cfg.dataDir = QStringLiteral("-x'; touch ") + marker + QStringLiteral(" #$(touch ") + marker +
                  QStringLiteral(")`touch ") + marker + QStringLiteral("`\n");
    const QByteArray out = runLikeSshd(remote::buildCommandLine(
        Sampler::argv(cfg, {QStringLiteral("touch"), marker + QStringLiteral("; true")}, true, false)));
    QVERIFY(out.contains("@@vigia:end"));
    QVERIFY(!QFile::exists(marker));
}

void TestMetrics::downsampleKeepsPeaks()
{
    Series s;
    for (int i = 0; i < 10000; ++i)
        s.append(Point::raw(qint64(i) * 10000, 100.0 + (i % 7)));
    s[4321].min = s[4321].max = s[4321].avg = 999.0; // one spike
    s[8765].min = s[8765].max = s[8765].avg = -50.0; // one dip
    const Series b = minMaxBuckets(s, 0, 600000);
    QVERIFY(b.size() <= 10000 / 60 + 1);
    double maxOf = -1e9, minOf = 1e9;
    for (const Point &p : b) {
        maxOf = std::max(maxOf, p.max);
        minOf = std::min(minOf, p.min);
    }
    QCOMPARE(maxOf, 999.0);
    QCOMPARE(minOf, -50.0);
    // Re-bucketing buckets keeps it too, and the mean is weighted by sample count.
    const Series bb = minMaxBuckets(b, 0, 3600000);
    double maxOf2 = -1e9;
    qint64 n = 0;
    for (const Point &p : bb) {
        maxOf2 = std::max(maxOf2, p.max);
        n += p.n;
    }
    QCOMPARE(maxOf2, 999.0);
    QCOMPARE(n, qint64(10000));
    // The grid keeps it as well.
    const Grid g = Grid::forRange(0, 10000LL * 10000, 500, 10000);
    const QVector<double> v = toGrid(s, g, GridValue::Max, 25000);
    QCOMPARE(*std::max_element(v.begin(), v.end()), 999.0);
    QCOMPARE(percentile({1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, 95), 10.0);
    QCOMPARE(percentile({5, 1, 3}, 50), 3.0);
    QVERIFY(std::isnan(percentile({}, 95)));
}

void TestMetrics::gapsAreKept()
{
    Series s;
    for (int i = 0; i < 30; ++i)
        s.append(Point::raw(qint64(i) * 10000, 1));
    for (int i = 0; i < 30; ++i) // the console was closed for an hour
        s.append(Point::raw(3600000 + qint64(i) * 10000, 2));
    s.append(Point::raw(3600000 + 29 * 10000 + 12000, 2)); // late by 2 s: not a gap
    const auto parts = splitAtGaps(s, 25000);
    QCOMPARE(parts.size(), 2);
    QCOMPARE(parts[0].size(), 30);
    QCOMPARE(parts[1].size(), 31);
    const Grid g = Grid::forRange(0, 4000000, 400, 10000);
    const QVector<double> v = toGrid(s, g, GridValue::Avg, 25000);
    const int gapStart = int(300000 / g.bucketMs) + 1, gapEnd = int(3600000 / g.bucketMs) - 1;
    for (int i = gapStart; i <= gapEnd; ++i)
        QVERIFY2(std::isnan(v[i]), qPrintable(QString::number(i)));
    QCOMPARE(v[0], 1.0);
    QCOMPARE(v[gapEnd + 1], 2.0);
    // No NaN inside a session despite jitter.
    for (int i = gapEnd + 1; i < int((3600000 + 290000) / g.bucketMs); ++i)
        QVERIFY(!std::isnan(v[i]));
}

// 7 days of 10 s samples squeezed into ~1,000 one-pixel buckets: a single 10 s
// spike still tops its bucket (pod and namespace layers), and 3 hours with the
// console closed stay NaN in every layer.
void TestMetrics::chartDataAtPixelWidth()
{
    const qint64 day = HistoryStore::kDayMs;
    const qint64 now = 1764230400000, from = now - 7 * day;
    const qint64 gapFrom = from + 2 * day, gapTo = gapFrom + 3 * 3600000LL;
    const qint64 spikeAt = from + 5 * day + 4321 * 10000LL;
    HistoryRead read;
    read.bucketMs = 10000;
    read.gapMs = 25000;
    for (int pod = 0; pod < 3; ++pod) {
        Series s;
        for (qint64 t = from; t < now; t += 10000) {
            if (t >= gapFrom && t < gapTo)
                continue;
            s.append(Point::raw(t, t == spikeAt && pod == 1 ? 900.0 : 100.0 + double((t / 10000) % 5)));
        }
        read.series.insert(keys::podMemory(QStringLiteral("ns"), QStringLiteral("p%1").arg(pod)), s);
    }
    ChartOptions opt;
    opt.maxBuckets = 1000;
    opt.expandedNamespaces = {};
    const ChartData collapsed = buildChartData(read, from, now, opt);
    QVERIFY(collapsed.grid.count <= 1000);
    QCOMPARE(collapsed.memory.size(), 1);
    const QVector<double> &ns = collapsed.memory.first().values;
    const int spikeBucket = int((spikeAt - from) / collapsed.grid.bucketMs);
    // The namespace sums the pods' bucket maxima: the spike plus the others' highs.
    QCOMPARE(ns[spikeBucket], 900.0 + 104.0 + 104.0);
    QVERIFY(ns[spikeBucket - 2] < 400.0);
    opt.expandedNamespaces = {QStringLiteral("ns")};
    const ChartData expanded = buildChartData(read, from, now, opt);
    QCOMPARE(expanded.memory.size(), 3);
    QCOMPARE(expanded.memory[1].values[spikeBucket], 900.0);
    // Buckets wholly inside the gap are empty in every layer; the next full bucket after it is not.
    const int g0 = int((gapFrom - from) / collapsed.grid.bucketMs) + 1;
    const int g1 = int((gapTo - from) / collapsed.grid.bucketMs) - 1;
    QVERIFY(g1 - g0 >= 10);
    for (const ChartLayer &l : expanded.memory)
        for (int i = g0; i <= g1; ++i)
            QVERIFY2(std::isnan(l.values[i]), qPrintable(QStringLiteral("%1 at %2").arg(l.label).arg(i)));
    QVERIFY(!std::isnan(ns[g1 + 2]));
    QCOMPARE(segmentsOf(ns).size(), 2);
}

void TestMetrics::historyTiersAndGaps()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("h/joledev.sqlite"));
    const qint64 t0 = 1764230400000; // 2025-11-27 08:00 UTC, minute aligned
    {
        HistoryStore store(path);
        QVERIFY(store.open().ok());
        QVERIFY(store.beginSession(t0, 10000).ok());
        // 0600 (its -wal and -shm take the database's mode), in a 0700 folder.
        for (const QString &f : {path, path + QStringLiteral("-wal"), path + QStringLiteral("-shm")})
            if (QFile::exists(f))
                QCOMPARE(int(QFile::permissions(f) & 0x0077), 0);
        QCOMPARE(int(QFile::permissions(dir.filePath(QStringLiteral("h"))) & 0x0077), 0);
        for (int i = 0; i < 60; ++i) // ten minutes
            QVERIFY(store
                        .appendValues(t0 + i * 10000, {{QStringLiteral("pod/joledev/web/mem"), 100 + i},
                                                       {keys::hostUsed(), 1000}})
                        .ok());
        QVERIFY(store.beginSession(t0 + 3600000, 10000).ok());
        for (int i = 0; i < 6; ++i)
            QVERIFY(
                store.appendValues(t0 + 3600000 + i * 10000, {{QStringLiteral("pod/joledev/web/mem"), 5000}})
                    .ok());
        QVERIFY(store
                    .appendOom({t0 + 5000, QStringLiteral("joledev"), QStringLiteral("web"),
                                QStringLiteral("nginx")})
                    .ok());
        QVERIFY(store
                    .appendOom({t0 + 5000, QStringLiteral("joledev"), QStringLiteral("web"),
                                QStringLiteral("nginx")})
                    .ok());
    }
    HistoryStore store(path); // reopened: history survives
    QVERIFY(store.open().ok());
    const qint64 now = t0 + 3700000;
    QCOMPARE(store.seriesKeys(QStringLiteral("pod/")), QStringList{QStringLiteral("pod/joledev/web/mem")});

    auto raw = store.read(QStringLiteral("pod/"), t0, now, now, HistoryStore::Raw);
    QVERIFY(raw.ok());
    const Series web = raw->series.value(QStringLiteral("pod/joledev/web/mem"));
    QCOMPARE(web.size(), 66);
    const auto segments = splitAtGaps(web, raw->gapMs);
    QCOMPARE(segments.size(), 2); // the hour the console was closed stays a gap
    QCOMPARE(raw->ooms.size(), 1);
    QVERIFY(!raw->series.contains(keys::hostUsed())); // prefix filter

    auto minute = store.read(QStringLiteral("pod/joledev/web/mem"), t0, now, now, HistoryStore::Minute);
    QVERIFY(minute.ok());
    const Series m = minute->series.value(QStringLiteral("pod/joledev/web/mem"));
    QCOMPARE(m.size(), 11); // ten minutes + one minute after the gap
    QCOMPARE(m[0].min, 100.0);
    QCOMPARE(m[0].max, 105.0);
    QCOMPARE(m[0].avg, 102.5);
    QCOMPARE(m[0].n, qint64(6));
    QCOMPARE(splitAtGaps(m, minute->gapMs).size(), 2);

    auto tenMin = store.read(QString(), t0, now, now, HistoryStore::TenMinutes);
    const Series tm = tenMin->series.value(QStringLiteral("pod/joledev/web/mem"));
    QCOMPARE(tm.size(), 2);
    QCOMPARE(tm[0].max, 159.0); // a max stays a max
    QCOMPARE(tm[0].min, 100.0);

    QCOMPARE(HistoryStore::chooseTier(now - 15 * 60000, now, now), int(HistoryStore::Raw));
    QCOMPARE(HistoryStore::chooseTier(now - 3600000, now, now), int(HistoryStore::Raw));
    QCOMPARE(HistoryStore::chooseTier(now - 24 * 3600000LL, now, now), int(HistoryStore::Minute));
    QCOMPARE(HistoryStore::chooseTier(now - 7 * 24 * 3600000LL, now, now), int(HistoryStore::TenMinutes));
    QVERIFY(HistoryStore::defaultPath(QStringLiteral("../evil/name"))
                .endsWith(QStringLiteral("/metrics/.._evil_name.sqlite")) ||
            HistoryStore::defaultPath(QStringLiteral("../evil/name"))
                .endsWith(QStringLiteral("_evil_name.sqlite")));
}

void TestMetrics::historyRetention()
{
    QTemporaryDir dir;
    HistoryStore store(dir.filePath(QStringLiteral("r.sqlite")));
    QVERIFY(store.open().ok());
    const qint64 day = HistoryStore::kDayMs;
    const qint64 t0 = 1764230400000;
    for (int d = 0; d < 40; ++d)
        QVERIFY(store.appendValues(t0 + d * day, {{QStringLiteral("k3s/mem"), d}}).ok());
    const qint64 now = t0 + 39 * day;
    QVERIFY(store.prune(now).ok());
    auto all = [&](int tier) {
        auto r = store.read(QStringLiteral("k3s/"), 0, now, now, tier);
        return r.ok() ? r->series.value(QStringLiteral("k3s/mem")) : Series{};
    };
    QCOMPARE(all(HistoryStore::Raw).size(), 2);         // the last day, inclusive
    QCOMPARE(all(HistoryStore::Minute).size(), 8);      // the last 7 days
    QCOMPARE(all(HistoryStore::TenMinutes).size(), 31); // the last 30 days
    QCOMPARE(all(HistoryStore::TenMinutes).first().max, 9.0);
}

void TestMetrics::capacityHandComputed()
{
    // Budget 4 GiB; K3s + system peak 1 GiB.
    //  joledev/web           req 64Mi  lim 128Mi  peak 100Mi (78%: fine)
    //  joledev/api-quoter    req 32Mi  lim 64Mi   peak 60Mi  (94%: OOM risk)
    //  joledev/api-scheduler req 64Mi  no limit   peak 40Mi  (no limit)
    //  kube-system/traefik   req 0     lim 256Mi  no metrics (counts at its request, 0)
    //  joledev/old-job       Succeeded: ignored
    // Sum of peaks 200Mi; sum of requests 160Mi.
    // Room at peaks: 4096 - 1024 - 200 = 2872 MiB = 2.80 GiB; by requests: 4096 - 1024 - 160 = 2912 MiB
    // = 2.84 GiB.
    auto pod = [](const char *ns, const char *name, qint64 req, std::optional<qint64> lim) {
        PodResources p;
        p.ns = QString::fromLatin1(ns);
        p.name = QString::fromLatin1(name);
        p.phase = QStringLiteral("Running");
        p.memoryRequest = req;
        p.memoryLimit = lim;
        return p;
    };
    CapacityInput in;
    in.budgetBytes = 4 * kGiB;
    in.overheadPeakBytes = 1 * kGiB;
    in.nodeAllocatableBytes = qint64(4014252) * 1024;
    in.pods = {pod("joledev", "web", 64 * kMiB, 128 * kMiB),
               pod("joledev", "api-quoter", 32 * kMiB, 64 * kMiB),
               pod("joledev", "api-scheduler", 64 * kMiB, std::nullopt),
               pod("kube-system", "traefik", 0, 256 * kMiB)};
    PodResources done = pod("joledev", "old-job", 512 * kMiB, std::nullopt);
    done.phase = QStringLiteral("Succeeded");
    in.pods.append(done);
    in.observed[QStringLiteral("joledev/web")] = {90 * kMiB, 100 * kMiB, std::nullopt, std::nullopt};
    in.observed[QStringLiteral("joledev/api-quoter")] = {55 * kMiB, 60 * kMiB, std::nullopt, std::nullopt};
    in.observed[QStringLiteral("joledev/api-scheduler")] = {30 * kMiB, 40 * kMiB, std::nullopt, std::nullopt};

    const CapacityReport r = computeCapacity(in);
    QCOMPARE(r.pods.size(), 4);
    QCOMPARE(r.namespaces.size(), 2);
    QCOMPARE(r.namespaces[0].ns, QStringLiteral("joledev"));
    QCOMPARE(r.namespaces[0].memoryRequest, 160 * kMiB);
    QCOMPARE(r.namespaces[0].memoryLimitSum, 192 * kMiB);
    QCOMPARE(r.namespaces[0].podsWithoutLimit, 1);
    QCOMPARE(*r.namespaces[0].memoryPeak, 200 * kMiB);
    QCOMPARE(*r.namespaces[0].memoryP95, 175 * kMiB);
    QCOMPARE(r.total.memoryLimitSum, 448 * kMiB);
    QCOMPARE(r.total.memoryRequest, 160 * kMiB);
    QCOMPARE(*r.roomAtPeaksBytes, 2872 * kMiB);
    QCOMPARE(r.roomByRequestsBytes, 2912 * kMiB);
    QCOMPARE(
        r.sentence,
        QStringLiteral("Room for one more project: about 2.8 GiB at current peaks, 2.8 GiB by requests."));
    QCOMPARE(r.warnings.size(), 2);
    QCOMPARE(r.warnings[0].kind, CapacityWarning::NearLimit);
    QCOMPARE(r.warnings[0].pod, QStringLiteral("api-quoter"));
    QVERIFY2(r.warnings[0].text.contains(QStringLiteral("94%")), qPrintable(r.warnings[0].text));
    QCOMPARE(r.warnings[1].kind, CapacityWarning::NoLimit);
    QCOMPARE(r.warnings[1].pod, QStringLiteral("api-scheduler"));
    QVERIFY(r.warningState());

    // The issue's own example: 1.9 GiB at peaks, 2.6 GiB by requests.
    CapacityInput ex;
    ex.budgetBytes = 4 * kGiB;
    ex.overheadPeakBytes = 1 * kGiB;
    PodResources a = pod("joledev", "a", qint64(0.4 * double(kGiB)), 2 * kGiB);
    ex.pods = {a};
    ex.observed[QStringLiteral("joledev/a")] = {std::nullopt, qint64(1.1 * double(kGiB)), std::nullopt,
                                                std::nullopt};
    QCOMPARE(
        computeCapacity(ex).sentence,
        QStringLiteral("Room for one more project: about 1.9 GiB at current peaks, 2.6 GiB by requests."));
}

void TestMetrics::capacityOverBudget()
{
    CapacityInput in;
    in.budgetBytes = 1 * kGiB;
    in.overheadPeakBytes = 700 * kMiB;
    PodResources p;
    p.ns = QStringLiteral("n");
    p.name = QStringLiteral("big");
    p.memoryRequest = 100 * kMiB;
    p.memoryLimit = 1 * kGiB;
    in.pods = {p};
    in.observed[QStringLiteral("n/big")] = {std::nullopt, 400 * kMiB, std::nullopt, std::nullopt};
    const CapacityReport r = computeCapacity(in);
    QCOMPARE(*r.roomAtPeaksBytes, -76 * kMiB);
    QCOMPARE(r.sentence,
             QStringLiteral("No room for another project: current peaks exceed the 1.0 GiB budget by 76 MiB "
                            "(224 MiB by requests)."));
    QCOMPARE(r.warnings.size(), 1);
    QCOMPARE(r.warnings[0].kind, CapacityWarning::OverBudget);
    // No metrics at all: the sentence says so instead of inventing peaks.
    in.observed.clear();
    const CapacityReport none = computeCapacity(in);
    QVERIFY(!none.roomAtPeaksBytes);
    QVERIFY(none.sentence.contains(QStringLiteral("no observed peaks")));
}

void TestMetrics::observeHistoryOverhead()
{
    HistoryRead read;
    read.bucketMs = 10000;
    read.gapMs = 25000;
    Series used, a, b;
    for (int i = 0; i < 20; ++i) {
        const qint64 t = qint64(i) * 10000;
        a.append(Point::raw(t, 100 + i));           // peak 119 at i = 19
        b.append(Point::raw(t, i == 5 ? 500 : 50)); // spike at i = 5
        used.append(Point::raw(t, i == 5 ? 1500 : 1000 + i));
    }
    read.series.insert(QStringLiteral("pod/ns/a/mem"), a);
    read.series.insert(QStringLiteral("pod/ns/b/mem"), b);
    read.series.insert(keys::hostUsed(), used);
    const Observed o = observeHistory(read, 0, 200000);
    QCOMPARE(*o.pods.value(QStringLiteral("ns/a")).memoryPeak, qint64(119));
    QCOMPARE(*o.pods.value(QStringLiteral("ns/a")).memoryP95, qint64(118));
    QCOMPARE(*o.pods.value(QStringLiteral("ns/b")).memoryPeak, qint64(500));
    // used - pods: i=5 gives 1500-105-500 = 895; i=19 gives 1019-119-50 = 850; max is i=5.
    QCOMPARE(*o.overheadPeakBytes, qint64(895));
}

QTEST_GUILESS_MAIN(TestMetrics)
#include "test_metrics.moc"
