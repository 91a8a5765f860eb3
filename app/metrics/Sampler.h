#pragma once
// Takes one resource sample per tick with ONE remote process tree: a fixed
// `sh -c` script prints delimited sections (meminfo, loadavg, CPU count, the
// k3s.service cgroup, du of the data folder, metrics.k8s.io through kubectl).
// Paths and the kubectl prefix reach the script as positional parameters, so
// no user or server text is ever pasted into the script itself.
#include "core/Result.h"
#include "metrics/Sample.h"

#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QTimer>

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
    // Each kubectl run costs about 0.1 s of CPU, most of a tick's cost. metrics-server
    // scrapes every 15 s, so asking every 20 s loses little and keeps the sampler
    // under 1% of one CPU; host figures stay at every tick.
    int podMetricsEveryTicks = 2;
    // Node usage changes slowly: every 6th tick (1 min).
    int nodeMetricsEveryTicks = 6;
    int timeoutMs = 8000;
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
    // Takes a sample now unless one is already in flight (ticks never pile up).
    bool sampleNow();
    int skippedTicks() const { return m_skipped; }

    // The pure parts, unit-tested without a connection.
    static QString script();
    static QStringList argv(const SamplerConfig &config, const QStringList &kubectlPrefix, bool withDu,
                            bool withNodes, bool withPods = true);
    static Sample parseOutput(const QByteArray &stdoutText, qint64 timestampMs);

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
    int m_skipped = 0;
};

} // namespace vigia::metrics
