// Resource figures (issue 7): the remote cost of one sampler tick against
// `kubectl top pods -A` on the sandbox, and the size of 30 days of history.
// chart_render_7d needs QtWidgets, which vigia-bench does not link: it is
// measured by tests/capacity_ui (render7d), which prints the same line.
#include "BenchRegistry.h"
#include "Sandbox.h"
#include "metrics/HistoryStore.h"
#include "metrics/Sampler.h"
#include "remote/KubectlRunner.h"
#include "remote/ShellQuote.h"
#include "ssh/SshConnection.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QTemporaryDir>
#include <QTimer>
#include <cmath>

using namespace vigia;
using namespace vigia::bench;

namespace {

bool waitFor(const std::function<bool()> &done, int timeoutMs)
{
    QEventLoop loop;
    QTimer tick;
    QObject::connect(&tick, &QTimer::timeout, &loop, &QEventLoop::quit);
    tick.start(20);
    QElapsedTimer t;
    t.start();
    while (!done() && t.elapsed() < timeoutMs)
        loop.exec();
    return done();
}

struct Cost {
    double cpuSeconds = 0; // user + system of the whole process tree
    double maxRssMb = 0;   // the largest process in it
    bool ok = false;
};

// Runs argv on the server under GNU time (the sandbox's sshd is local, so /usr/bin/time is there).
Cost remoteCost(ssh::SshConnection &conn, const QStringList &argv)
{
    const QString wrapper = QStringLiteral("/usr/bin/time -f '@@time %U %S %M' \"$@\" >/dev/null 2>/tmp/vigia-bench-time.$$; "
                                           "tail -n 1 /tmp/vigia-bench-time.$$; rm -f /tmp/vigia-bench-time.$$");
    QStringList full{QStringLiteral("sh"), QStringLiteral("-c"), wrapper, QStringLiteral("vigia-measure")};
    full += argv;
    ssh::SshChannel *ch = conn.exec(remote::buildCommandLine(full), ssh::ExecOptions{30000, false, {}, false});
    Cost c;
    if (!ch)
        return c;
    QByteArray out;
    bool done = false;
    QObject::connect(ch, &ssh::SshChannel::stdoutReady, [&](const QByteArray &b) { out += b; });
    QObject::connect(ch, &ssh::SshChannel::finished, [&](const ssh::ExitInfo &) { done = true; });
    waitFor([&] { return done; }, 35000);
    ch->deleteLater();
    const qsizetype at = out.lastIndexOf("@@time ");
    if (at < 0)
        return c;
    const QList<QByteArray> f = out.mid(at + 7).simplified().split(' ');
    if (f.size() < 3)
        return c;
    c.cpuSeconds = f[0].toDouble() + f[1].toDouble();
    c.maxRssMb = f[2].toDouble() / 1024.0;
    c.ok = true;
    return c;
}

} // namespace

VIGIA_BENCH(sampler_remote, "remote CPU (% of one CPU at a 10 s interval) and max RSS of one sampler tick, vs "
                            "`kubectl top pods -A` every 10 s; prints sampler_remote_cpu and sampler_remote_rss")
{
    test::Sandbox &sb = ctx.sandbox();
    ssh::SshConnection conn;
    bool connected = false, failed = false;
    QObject::connect(&conn, &ssh::SshConnection::connected, [&] { connected = true; });
    QObject::connect(&conn, &ssh::SshConnection::failed, [&](const Error &e) {
        failed = true;
        ctx.note(QStringLiteral("sampler_remote: connect failed: ") + e.toString());
    });
    conn.open(sb.target(QStringLiteral("ed25519")));
    if (!waitFor([&] { return connected || failed; }, 20000) || !connected)
        return false;
    remote::KubectlRunner runner(&conn);
    bool detected = false, detectFailed = false;
    QObject::connect(&runner, &remote::KubectlRunner::detected, [&] { detected = true; });
    QObject::connect(&runner, &remote::KubectlRunner::detectionFailed, [&](const Error &e) {
        detectFailed = true;
        ctx.note(QStringLiteral("sampler_remote: kubectl detection failed: ") + e.toString());
    });
    runner.detect();
    if (!waitFor([&] { return detected || detectFailed; }, 30000) || !detected)
        return false;

    // Ticks as the sampler schedules them (see SamplerConfig).
    const metrics::SamplerConfig cfg;
    const int ticks = ctx.quick() ? 6 : 30;
    double samplerCpu = 0, samplerRss = 0, topCpu = 0, topRss = 0;
    for (int i = 0; i < ticks; ++i) {
        const Cost s = remoteCost(conn, metrics::Sampler::argv(cfg, runner.prefix(), i % cfg.duEveryTicks == 0,
                                                               i % cfg.nodeMetricsEveryTicks == 0,
                                                               i % cfg.podMetricsEveryTicks == 0));
        const Cost t = remoteCost(conn, runner.prefix() + QStringList{QStringLiteral("top"), QStringLiteral("pods"),
                                                                      QStringLiteral("-A")});
        if (!s.ok || !t.ok) {
            ctx.note(QStringLiteral("sampler_remote: could not measure a tick"));
            return false;
        }
        samplerCpu += s.cpuSeconds;
        samplerRss = std::max(samplerRss, s.maxRssMb);
        topCpu += t.cpuSeconds;
        topRss = std::max(topRss, t.maxRssMb);
    }
    const double interval = cfg.intervalMs / 1000.0;
    auto pct = [&](double cpu) { return 100.0 * cpu / ticks / interval; };
    ctx.note(QStringLiteral("sampler_remote: %1 ticks; the targets are <= 1% CPU and <= 64 MB RSS").arg(ticks));
    ctx.report({QStringLiteral("sampler_remote_cpu"), pct(samplerCpu), QStringLiteral("%cpu"), pct(topCpu),
                QStringLiteral("kubectl_top_pods")});
    ctx.report({QStringLiteral("sampler_remote_rss"), samplerRss, QStringLiteral("MB"), topRss,
                QStringLiteral("kubectl_top_pods")});
    return true;
}

VIGIA_BENCH(history_size_30d, "local history file after 30 days of the joledev scenario (25 series), MB")
{
    QTemporaryDir dir;
    metrics::HistoryStore store(dir.filePath(QStringLiteral("joledev.sqlite")));
    if (!store.open().ok())
        return false;
    const qint64 day = metrics::HistoryStore::kDayMs;
    const qint64 now = 1764230400000;
    QStringList keys = {metrics::keys::hostTotal(), metrics::keys::hostUsed(), metrics::keys::hostCache(),
                        metrics::keys::hostLoad1(), metrics::keys::hostCpus(), metrics::keys::k3sMemory(),
                        metrics::keys::dataDir(), metrics::keys::nodeMemory(QStringLiteral("vps")),
                        metrics::keys::nodeCpu(QStringLiteral("vps"))};
    const char *pods[] = {"web-5c7b9d7f4-abcde", "api-quoter-7d9f8c6b5-x2lkq", "api-scheduler-66b7c9d8f-q8zr2",
                          "gatus-6f8d9c7b8-m2n4p", "traefik-7d5f6474df-8zq2x", "coredns-6799fbcd5-9pq7s",
                          "metrics-server-54fd9b65b-v4t5c", "local-path-provisioner-6c86858495-2lq9d"};
    for (int i = 0; i < 8; ++i) {
        const QString ns = i < 4 ? QStringLiteral("joledev") : QStringLiteral("kube-system");
        keys << metrics::keys::podMemory(ns, QString::fromLatin1(pods[i]))
             << metrics::keys::podCpu(ns, QString::fromLatin1(pods[i]));
    }
    // Only what each tier keeps survives, so older days are written at the rate their
    // tier keeps: the file ends as it would after 30 days at 10 s, in far less time.
    QElapsedTimer timer;
    timer.start();
    quint32 seed = 1;
    qint64 ticks = 0;
    auto write = [&](qint64 from, qint64 to, qint64 step) {
        for (qint64 t = from; t < to; t += step) {
            QList<metrics::SeriesValue> v;
            for (const QString &k : keys) {
                seed = seed * 1664525u + 1013904223u;
                v.append({k, qint64(20000000 + (seed >> 8))});
            }
            if (!store.appendValues(t, v).ok())
                return false;
            ++ticks;
        }
        return true;
    };
    if (!store.beginSession(now - 30 * day, 10000).ok() || !write(now - 30 * day, now - 7 * day, 600000)
        || !write(now - 7 * day, now - day, 60000) || !write(now - day, now, 10000) || !store.prune(now).ok())
        return false;
    store.close();
    const double mb = double(store.fileSizeBytes()) / (1024.0 * 1024.0);
    ctx.note(QStringLiteral("history_size_30d: %1 ticks written in %2 s; target <= 50 MB")
                 .arg(ticks)
                 .arg(double(timer.elapsed()) / 1000.0, 0, 'f', 1));
    ctx.report({QStringLiteral("history_size_30d"), mb, QStringLiteral("MB"), {}, {}});
    return true;
}
