// The Sampler against the sandbox: a real sshd, real kubectl, the simulated
// metrics API. A tick holds pod metrics, node usage, meminfo, loadavg and the
// data folder's size; a source that is not there (no k3s.service cgroup here,
// metrics-server switched off) is reported as missing in words, and the other
// figures still come.
#include "Sandbox.h"
#include "SandboxSession.h"
#include "core/MetaTypes.h"
#include "kube/ClusterPoller.h"
#include "metrics/ClusterUsage.h"
#include "metrics/HistoryStore.h"
#include "metrics/Sampler.h"
#include "remote/KubectlRunner.h"
#include "ssh/SshConnection.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace vigia;
using namespace vigia::metrics;

class TestMetricsSandbox : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        registerCoreMetaTypes();
        qRegisterMetaType<vigia::metrics::Sample>();
        QVERIFY2(m_sb.start(), qPrintable(m_sb.errorString()));
        test::SandboxSession session = test::SandboxSession::open(m_sb);
        QVERIFY2(session, qPrintable(session.error));
        m_conn = std::move(session.conn);
        m_runner = std::move(session.runner);
    }

    void cleanupTestCase()
    {
        m_runner.reset();
        m_conn.reset();
        m_sb.stop();
    }

    // Two ticks: the first with pods + nodes (one kubectl) and du, the second with pods alone.
    void twoTicksCarryEverySource()
    {
        Sampler sampler(m_conn.get());
        SamplerConfig cfg;
        cfg.intervalMs = 1000;
        cfg.podMetricsEveryTicks = 1;
        cfg.nodeMetricsEveryTicks = 2;
        cfg.duEveryTicks = 2;
        cfg.dataDir = m_sb.storageRoot();
        sampler.setConfig(cfg);
        sampler.setKubectlPrefix(m_runner->prefix());
        QSignalSpy sampled(&sampler, &Sampler::sampled);
        QSignalSpy failed(&sampler, &Sampler::sampleFailed);
        sampler.start();
        QTRY_VERIFY_WITH_TIMEOUT(sampled.size() >= 2 || !failed.isEmpty(), 30000);
        sampler.stop();
        QVERIFY2(failed.isEmpty(),
                 failed.isEmpty() ? "" : qPrintable(failed.first().first().value<Error>().message));

        const Sample first = sampled.at(0).first().value<Sample>();
        const QString missing = first.missing.join(QLatin1Char('|'));
        QVERIFY2(first.memory && first.memory->total && first.memory->available, qPrintable(missing));
        QVERIFY(first.memory->cache());
        QVERIFY(first.load);
        QVERIFY(first.cpuCount && *first.cpuCount >= 1);
        QVERIFY2(first.dataDirBytes && *first.dataDirBytes > 0, qPrintable(missing));
        QVERIFY2(first.podMetricsAvailable, qPrintable(missing));
        QVERIFY2(first.nodeMetricsAvailable, qPrintable(missing));
        QCOMPARE(first.nodes.size(), 1);
        QVERIFY(first.nodes.first().memoryBytes > 0);
        bool sawJoledev = false;
        for (const PodUsage &p : first.pods) {
            QVERIFY(!p.ns.isEmpty());
            QVERIFY(p.memoryBytes > 0);
            sawJoledev = sawJoledev || p.ns == QLatin1String("joledev");
        }
        QVERIFY(sawJoledev);
        // The sandbox runs no k3s.service: said in words, while everything else came.
        if (!first.k3s)
            QVERIFY2(missing.contains(QStringLiteral("k3s.service")), qPrintable(missing));

        const Sample second = sampled.at(1).first().value<Sample>();
        QVERIFY(second.podMetricsAvailable);
        QVERIFY(!second.nodeMetricsAvailable); // not due: not missing either
        QVERIFY(!second.dataDirBytes);
        QCOMPARE(second.pods.size(), first.pods.size());
        QVERIFY(!second.missing.join(QLatin1Char(' ')).contains(QStringLiteral("metrics")));

        // What the chart reads back: the ticks as series in the history.
        QTemporaryDir dir;
        HistoryStore store(dir.filePath(QStringLiteral("h.sqlite")));
        QVERIFY(store.open().ok());
        QVERIFY(store.beginSession(first.timestampMs, cfg.intervalMs).ok());
        QVERIFY(store.append(first).ok());
        QVERIFY(store.append(second).ok());
        const QStringList keys = store.seriesKeys(QStringLiteral("pod/joledev/"));
        QVERIFY2(keys.size() >= 2, qPrintable(keys.join(QLatin1Char(' '))));
        QVERIFY(store.seriesKeys(QStringLiteral("node/")).size() >= 1);
    }

    // metrics-server off (404, then 503): host figures still come, the pods are "missing".
    // In the app the cluster poller's round carries metrics.k8s.io: the sampler takes the
    // per-pod figures from it and runs no kubectl of its own (one kubectl at a time).
    void sharedMetricsFromTheClusterRound()
    {
        kube::ClusterPoller poller(m_runner.get());
        QSignalSpy updated(&poller, &kube::ClusterPoller::updated);
        poller.pollNow();
        QVERIFY(updated.wait(30000));
        const ClusterUsage usage = usageFromCluster(poller.snapshot());
        QVERIFY(usage.available);
        QVERIFY(usage.pods.size() >= 5);
        QCOMPARE(usage.nodes.size(), 1);

        Sampler sampler(m_conn.get());
        SamplerConfig cfg;
        cfg.podMetricsEveryTicks = 1; // would fetch its own on every tick if it were allowed to
        cfg.nodeMetricsEveryTicks = 1;
        cfg.duEveryTicks = 0;
        cfg.ownKubectl = false;
        sampler.setConfig(cfg);
        sampler.setKubectlPrefix(m_runner->prefix());
        QSignalSpy sampled(&sampler, &Sampler::sampled);
        sampler.offerMetrics(usage.pods, usage.nodes, usage.available, usage.problem);
        QVERIFY(sampler.sampleNow());
        QTRY_COMPARE_WITH_TIMEOUT(sampled.size(), 1, 20000);
        const Sample withOffer = sampled.at(0).first().value<Sample>();
        QVERIFY(withOffer.podMetricsAvailable);
        QCOMPARE(withOffer.pods.size(), usage.pods.size());
        QCOMPARE(withOffer.nodes.size(), 1);
        QVERIFY(withOffer.memory.has_value()); // the host part still comes from the tick

        // Nothing offered since: no per-pod figures, because no kubectl ran for them.
        QVERIFY(sampler.sampleNow());
        QTRY_COMPARE_WITH_TIMEOUT(sampled.size(), 2, 20000);
        const Sample without = sampled.at(1).first().value<Sample>();
        QVERIFY(without.pods.isEmpty());
        QVERIFY(!without.podMetricsAvailable);
        QVERIFY(without.memory.has_value());

        // metrics-server gone: the problem in words reaches the sample.
        sampler.offerMetrics({}, {}, false, QStringLiteral("metrics-server is not installed"));
        QVERIFY(sampler.sampleNow());
        QTRY_COMPARE_WITH_TIMEOUT(sampled.size(), 3, 20000);
        QVERIFY(sampled.at(2).first().value<Sample>().missing.contains(
            QStringLiteral("metrics-server is not installed")));
    }

    void metricsServerOffIsMissing_data()
    {
        QTest::addColumn<QString>("mode");
        QTest::newRow("404") << QStringLiteral("404");
        QTest::newRow("503") << QStringLiteral("503");
    }
    void metricsServerOffIsMissing()
    {
        QFETCH(QString, mode);
        QVERIFY2(m_sb.ctl({QStringLiteral("metrics"), QStringLiteral("off"), QStringLiteral("--mode"), mode}),
                 qPrintable(m_sb.errorString()));
        Sampler sampler(m_conn.get());
        SamplerConfig cfg;
        cfg.podMetricsEveryTicks = 3; // tick 0 asks, tick 1 does not
        cfg.nodeMetricsEveryTicks = 3;
        sampler.setConfig(cfg);
        sampler.setKubectlPrefix(m_runner->prefix());
        QSignalSpy sampled(&sampler, &Sampler::sampled);
        QVERIFY(sampler.sampleNow());
        QVERIFY(sampled.wait(30000));
        QVERIFY(sampler.sampleNow());
        const bool second = sampled.wait(30000);
        QVERIFY(m_sb.ctl({QStringLiteral("metrics"), QStringLiteral("on")}));
        QVERIFY(second);
        const Sample s = sampled.first().first().value<Sample>();
        const QString missing = s.missing.join(QLatin1Char('|'));
        QVERIFY(s.memory && s.load);
        QVERIFY(!s.podMetricsAvailable && s.pods.isEmpty());
        QVERIFY(!s.nodeMetricsAvailable);
        QVERIFY2(missing.contains(QStringLiteral("metrics-server is not installed or not ready")),
                 qPrintable(missing));
        // One cause, said once.
        QCOMPARE(missing.count(QStringLiteral("metrics-server")), 1);
        // The next tick does not ask again, and still says so (the banner does not blink).
        const Sample next = sampled.at(1).first().value<Sample>();
        QVERIFY(next.memory);
        QCOMPARE(next.missing.join(QLatin1Char('|')).count(QStringLiteral("metrics-server is not installed")),
                 1);
    }

    // A dropped connection: the tick fails with a message (a gap in the chart), no crash.
    void lostConnectionFailsTheTick()
    {
        Sampler sampler(m_conn.get());
        sampler.setKubectlPrefix(m_runner->prefix());
        QSignalSpy failed(&sampler, &Sampler::sampleFailed);
        QVERIFY(m_sb.killSshdSessions() >= 1);
        // Either the tick starts and its channel dies, or the connection is already known lost.
        sampler.sampleNow();
        QTRY_VERIFY_WITH_TIMEOUT(!failed.isEmpty(), 30000);
        QVERIFY(!failed.first().first().value<Error>().message.isEmpty());
    }

private:
    test::Sandbox m_sb;
    std::unique_ptr<ssh::SshConnection> m_conn;
    std::unique_ptr<remote::KubectlRunner> m_runner;
};

QTEST_GUILESS_MAIN(TestMetricsSandbox)
#include "test_metrics_sandbox.moc"
