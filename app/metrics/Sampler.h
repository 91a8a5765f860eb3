#pragma once
// Takes one resource sample per tick with ONE remote process tree: a fixed
// `sh -c` script prints delimited sections (meminfo, loadavg, CPU count, the
// k3s.service cgroup, du of the data folder, metrics.k8s.io through kubectl).
// Paths and the kubectl prefix reach the script as positional parameters, so
// no user or server text is ever pasted into the script itself.
#include "core/Result.h"
#include "metrics/Sample.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QTimer>

#include <optional>

namespace vigia::ssh {
class SshConnection;
class SshChannel;
} // namespace vigia::ssh

namespace vigia::metrics {

struct SamplerConfig {
    int intervalMs = 10000;
    QString dataDir = QStringLiteral("/var/lib/rancher/k3s");
    // du walks the whole containerd store: every 30th tick (5 min) keeps it cheap.
    int duEveryTicks = 30;
    // Each kubectl run costs about 0.14 s of CPU, nearly all of a tick's cost (the
    // host part is ~4 ms). Every 3rd tick (30 s, two metrics-server scrapes) keeps
    // the sampler under 1% of one CPU with room for a loaded server (measured by
    // vigia-bench sampler_remote); host figures stay at every tick.
    int podMetricsEveryTicks = 3;
    // Node usage changes slowly: every 6th tick (1 min), in the same kubectl as the pods.
    int nodeMetricsEveryTicks = 6;
    int timeoutMs = 8000;
    // false: start no kubectl at all; per-pod and node usage come through offerMetrics()
    // from the cluster poller's round, which fetches metrics.k8s.io every 30 s anyway.
    // In the app that halves the kubectl starts and keeps one kubectl on the server at a
    // time (the 64 MB budget fits exactly one); see vigia-bench remote_footprint.
    bool ownKubectl = true;
};

class Sampler : public QObject {
    Q_OBJECT
public:
    explicit Sampler(ssh::SshConnection *connection, QObject *parent = nullptr);
    ~Sampler() override;

    void setConfig(const SamplerConfig &config);
    const SamplerConfig &config() const { return m_config; }
    // From KubectlRunner::prefix(); empty means no per-pod figures ("kubectl not detected").
    void setKubectlPrefix(const QStringList &prefix) { m_prefix = prefix; }

    void start();
    void stop();
    bool isRunning() const { return m_timer.isActive(); }
    // A tick's command is running on the server.
    bool isBusy() const { return !m_inFlight.isNull(); }
    // Takes a sample now unless one is already in flight (ticks never pile up).
    bool sampleNow();
    int skippedTicks() const { return m_skipped; }
    // Usage fetched by someone else (the cluster poller); goes into the next sample.
    // available=false with a problem in words when metrics-server is missing.
    void offerMetrics(const QList<PodUsage> &pods, const QList<NodeUsage> &nodes, bool available,
                      const QString &problem = {});

    // The pure parts, unit-tested without a connection.
    static QString script();
    static QStringList argv(const SamplerConfig &config, const QStringList &kubectlPrefix, bool withDu,
                            bool withNodes, bool withPods = true, bool withCpus = true);
    // missingBySource, when given, receives what the slower sources ("du", "metrics")
    // reported missing, so a tick that skips them can repeat it.
    static Sample parseOutput(const QByteArray &stdoutText, qint64 timestampMs,
                              QHash<QString, QStringList> *missingBySource = nullptr);

signals:
    void sampled(const vigia::metrics::Sample &sample);
    // The tick itself failed (lost connection, timeout): the chart shows a gap.
    void sampleFailed(const vigia::Error &error);

private:
    ssh::SshConnection *m_connection;
    SamplerConfig m_config;
    QStringList m_prefix;
    QTimer m_timer;
    QPointer<ssh::SshChannel> m_inFlight;
    quint64 m_tick = 0;
    QHash<QString, QStringList> m_carriedMissing;
    int m_skipped = 0;
    struct Offered {
        QList<PodUsage> pods;
        QList<NodeUsage> nodes;
        bool available = false;
        QString problem;
    };
    std::optional<Offered> m_offered;
    std::optional<int> m_lastCpuCount;
};

} // namespace vigia::metrics
