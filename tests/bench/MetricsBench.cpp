// Resource figures (issue 7): the remote cost of the real Sampler over a
// window (10 minutes by default) next to `kubectl top pods -A` every 10 s on a
// second connection in the same run, the size of 30 days of history, and the
// 7-day chart render in the real widget on the offscreen platform.
#include "BenchRegistry.h"
#include "Sandbox.h"
#include "SandboxSession.h"
#include "metrics/HistoryStore.h"
#include "metrics/Sampler.h"
#include "remote/KubectlRunner.h"
#include "remote/ShellQuote.h"
#include "ssh/SshConnection.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QPointer>
#include <QSet>
#include <QTemporaryDir>
#include <QTimer>
#include <cmath>
#include <memory>

#include "capacity/CapacityView.h"
#include "capacity/ResourceChartView.h"

#include <QApplication>

using namespace vigia;
using namespace vigia::bench;

namespace {

// One connection with kubectl detected, and the sshd process that serves it:
// everything the connection starts runs below that process.
struct Remote {
    test::SandboxSession session; // tests/common: connect and detect, once for everyone
    ssh::SshConnection *conn = nullptr;
    remote::KubectlRunner *runner = nullptr;
    qint64 sessionPid = 0;
};

bool openRemote(Context &ctx, Remote &r, const QString &what)
{
    test::Sandbox &sb = ctx.sandbox();
    const QList<qint64> before = test::proc::childrenOf(sb.sshdPid(), true);
    r.session = test::SandboxSession::open(sb);
    if (!r.session) {
        ctx.note(QStringLiteral("%1: %2").arg(what, r.session.error));
        return false;
    }
    r.conn = r.session.conn.get();
    r.runner = r.session.runner.get();
    // The connection's own sshd process: new below the listener since before.
    for (const qint64 pid : test::proc::childrenOf(sb.sshdPid(), true))
        if (!before.contains(pid))
            r.sessionPid = pid;
    if (r.sessionPid == 0) {
        ctx.note(QStringLiteral("%1: no new sshd session process").arg(what));
        return false;
    }
    return true;
}

} // namespace

VIGIA_BENCH(sampler_remote,
            "remote CPU (% of one CPU) and peak RSS (MB) of the processes the real Sampler starts "
            "over a window (600 s; --quick 60 s; VIGIA_BENCH_SAMPLER_SECONDS), vs `kubectl top "
            "pods -A` every 10 s on a second connection in the same run")
{
    bool okEnv = false;
    int seconds = qEnvironmentVariableIntValue("VIGIA_BENCH_SAMPLER_SECONDS", &okEnv);
    if (!okEnv || seconds <= 0)
        seconds = ctx.quick() ? 60 : 600;
    Remote a, b;
    if (!openRemote(ctx, a, QStringLiteral("sampler_remote")) ||
        !openRemote(ctx, b, QStringLiteral("kubectl_top")))
        return false;

    metrics::Sampler sampler(a.conn);
    const metrics::SamplerConfig cfg = sampler.config();
    sampler.setKubectlPrefix(a.runner->prefix());
    int samples = 0, withPods = 0, withNodes = 0, failures = 0;
    QStringList missing;
    QObject::connect(&sampler, &metrics::Sampler::sampled, [&](const metrics::Sample &s) {
        ++samples;
        withPods += s.podMetricsAvailable ? 1 : 0;
        withNodes += s.nodeMetricsAvailable ? 1 : 0;
        for (const QString &m : s.missing)
            if (!missing.contains(m))
                missing << m;
    });
    QObject::connect(&sampler, &metrics::Sampler::sampleFailed, [&](const Error &) { ++failures; });

    // The baseline: what a user would script instead, `kubectl top pods -A` every interval.
    const QString topLine = remote::buildCommandLine(a.runner->prefix() + QStringList{QStringLiteral("top"),
                                                                                      QStringLiteral("pods"),
                                                                                      QStringLiteral("-A")});
    int topRuns = 0, topOk = 0;
    QPointer<ssh::SshChannel> topInFlight;
    QTimer topTimer;
    topTimer.setInterval(cfg.intervalMs);
    auto runTop = [&] {
        if (topInFlight)
            return;
        ssh::SshChannel *ch = b.conn->exec(topLine, ssh::ExecOptions{30000, false, {}, false});
        if (!ch)
            return;
        ++topRuns;
        topInFlight = ch;
        QObject::connect(ch, &ssh::SshChannel::finished, [&topOk, ch](const ssh::ExitInfo &e) {
            topOk += e.exitCode.value_or(-1) == 0 ? 1 : 0;
            ch->deleteLater();
        });
    };
    QObject::connect(&topTimer, &QTimer::timeout, runTop);

    const ProcessTreeUsage a0 = processTreeUsage(a.sessionPid), b0 = processTreeUsage(b.sessionPid);
    double peakA = 0, peakB = 0, largestA = 0, largestB = 0;
    QElapsedTimer window;
    window.start();
    sampler.start();
    topTimer.start();
    runTop();
    // Polled every 100 ms: a kubectl lives longer than that, and VmHWM keeps its peak anyway.
    while (window.elapsed() < qint64(seconds) * 1000) {
        runEventsUntil([] { return false; }, 100);
        const ProcessTreeUsage ua = processTreeUsage(a.sessionPid), ub = processTreeUsage(b.sessionPid);
        peakA = std::max(peakA, ua.hwmRssMb);
        peakB = std::max(peakB, ub.hwmRssMb);
        largestA = std::max(largestA, ua.largestHwmMb);
        largestB = std::max(largestB, ub.largestHwmMb);
    }
    const double elapsed = double(window.elapsed()) / 1000.0;
    // The tick under way belongs to the window: let it finish rather than cancel it.
    topTimer.stop();
    runEventsUntil([&] { return !sampler.isBusy(); }, 15000);
    sampler.stop();
    // Let the last started commands finish and be reaped, so their CPU is counted.
    runEventsUntil([&] { return !topInFlight; }, 30000);
    runEventsUntil(
        [&] {
            return processTreeUsage(a.sessionPid).processes == 0 &&
                   processTreeUsage(b.sessionPid).processes == 0;
        },
        15000);
    runEventsUntil([] { return false; }, 300);
    const ProcessTreeUsage a1 = processTreeUsage(a.sessionPid), b1 = processTreeUsage(b.sessionPid);

    const double cpuA = 100.0 * (a1.cpuSeconds - a0.cpuSeconds) / elapsed;
    const double cpuB = 100.0 * (b1.cpuSeconds - b0.cpuSeconds) / elapsed;
    ctx.note(QStringLiteral(
                 "sampler_remote: %1 s window, interval %2 s, pods every %3 ticks, nodes every %4, du every "
                 "%5; %6 samples (%7 with pod metrics, %8 with node usage), %9 failed ticks, %10 skipped")
                 .arg(formatValue(elapsed))
                 .arg(cfg.intervalMs / 1000)
                 .arg(cfg.podMetricsEveryTicks)
                 .arg(cfg.nodeMetricsEveryTicks)
                 .arg(cfg.duEveryTicks)
                 .arg(samples)
                 .arg(withPods)
                 .arg(withNodes)
                 .arg(failures)
                 .arg(sampler.skippedTicks()));
    if (!missing.isEmpty())
        ctx.note(
            QStringLiteral("sampler_remote: reported missing: %1").arg(missing.join(QStringLiteral("; "))));
    ctx.note(
        QStringLiteral("sampler_remote: kubectl top pods -A: %1 runs, %2 ok; largest process %3 MB (sampler) "
                       "vs %4 MB (top); sshd's own CPU %5 % (sampler session) vs %6 % (top session)")
            .arg(topRuns)
            .arg(topOk)
            .arg(formatValue(largestA), formatValue(largestB))
            .arg(formatValue(100.0 * (a1.sshdCpuSeconds - a0.sshdCpuSeconds) / elapsed),
                 formatValue(100.0 * (b1.sshdCpuSeconds - b0.sshdCpuSeconds) / elapsed)));
    ctx.note(
        QStringLiteral("sampler_remote: targets <= 1 % of one CPU and <= 64 MB over 600 s; this window %1 s")
            .arg(seconds));
    if (samples == 0 || withPods == 0 || topOk == 0) {
        ctx.note(QStringLiteral("sampler_remote: nothing measured"));
        return false;
    }
    ctx.report({QStringLiteral("sampler_remote_cpu"), cpuA, QStringLiteral("%cpu"), cpuB,
                QStringLiteral("kubectl_top_pods_every_10s")});
    ctx.report({QStringLiteral("sampler_remote_rss"), peakA, QStringLiteral("MB"), peakB,
                QStringLiteral("kubectl_top_pods_every_10s")});
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
    QStringList keys = {metrics::keys::hostTotal(),
                        metrics::keys::hostUsed(),
                        metrics::keys::hostCache(),
                        metrics::keys::hostLoad1(),
                        metrics::keys::hostCpus(),
                        metrics::keys::k3sMemory(),
                        metrics::keys::dataDir(),
                        metrics::keys::nodeMemory(QStringLiteral("vps")),
                        metrics::keys::nodeCpu(QStringLiteral("vps"))};
    const char *pods[] = {"web-5c7b9d7f4-abcde",
                          "api-quoter-7d9f8c6b5-x2lkq",
                          "api-scheduler-66b7c9d8f-q8zr2",
                          "gatus-6f8d9c7b8-m2n4p",
                          "traefik-7d5f6474df-8zq2x",
                          "coredns-6799fbcd5-9pq7s",
                          "metrics-server-54fd9b65b-v4t5c",
                          "local-path-provisioner-6c86858495-2lq9d"};
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
    if (!store.beginSession(now - 30 * day, 10000).ok() || !write(now - 30 * day, now - 7 * day, 600000) ||
        !write(now - 7 * day, now - day, 60000) || !write(now - day, now, 10000) || !store.prune(now).ok())
        return false;
    store.close();
    const double mb = double(store.fileSizeBytes()) / (1024.0 * 1024.0);
    ctx.note(QStringLiteral("history_size_30d: %1 ticks written in %2 s; target <= 50 MB")
                 .arg(ticks)
                 .arg(double(timer.elapsed()) / 1000.0, 0, 'f', 1));
    ctx.report({QStringLiteral("history_size_30d"), mb, QStringLiteral("MB"), {}, {}});
    return true;
}

namespace {
// 60 pods in 6 namespaces plus the host, one sample every 10 minutes over
// [from, now): what the history serves for a 7-day range (its 10-minute tier).
bool fillSevenDays(metrics::HistoryStore &store, qint64 from, qint64 now, quint32 &seed)
{
    constexpr qint64 kMiB = 1024 * 1024;
    if (!store.open().ok() || !store.beginSession(from, 600000).ok())
        return false;
    for (qint64 t = from; t < now; t += 600000) {
        QList<metrics::SeriesValue> v;
        for (int pod = 0; pod < 60; ++pod) {
            const QString ns = QStringLiteral("ns%1").arg(pod % 6), name = QStringLiteral("pod-%1").arg(pod);
            seed = seed * 1664525u + 1013904223u;
            v.append({metrics::keys::podMemory(ns, name), qint64((20 + pod) * kMiB + (seed >> 12))});
            v.append({metrics::keys::podCpu(ns, name), qint64(seed >> 8)});
        }
        v.append({metrics::keys::hostUsed(), 3LL << 30});
        v.append({metrics::keys::hostCache(), 1LL << 30});
        if (!store.appendValues(t, v).ok())
            return false;
    }
    return true;
}
} // namespace

// 7 days of 10 s samples for 60 pods in memory (the worst case: the
// history would serve 10-minute buckets for this range), then what the
// Capacity tab does with them: min/max buckets one pixel wide, the stacked
// chart rebuilt, and one offscreen paint.
VIGIA_BENCH(chart_render_7d, "7 days x 10 s x 60 pods (3.6 M points): downsample to the chart's pixel width, "
                             "build the stacked memory chart and paint it offscreen, ms (median of 5)")
{
    if (!qobject_cast<QApplication *>(QCoreApplication::instance())) {
        ctx.note(QStringLiteral("chart_render_7d: needs a QApplication (vigia-bench main with widgets)"));
        return false;
    }
    constexpr qint64 kMiB = 1024 * 1024;
    const qint64 now = 1764230400000;
    const qint64 from = now - 7 * metrics::HistoryStore::kDayMs;
    metrics::HistoryRead read;
    read.bucketMs = 10000;
    read.gapMs = 25000;
    quint32 seed = 7;
    qint64 points = 0;
    for (int pod = 0; pod < 60; ++pod) {
        metrics::Series s;
        s.reserve(60480);
        for (qint64 t = from; t < now; t += 10000) {
            // A console closed for 3 hours on day 3: the gap must survive too.
            if (t >= from + 2 * metrics::HistoryStore::kDayMs &&
                t < from + 2 * metrics::HistoryStore::kDayMs + 3 * 3600000LL)
                continue;
            seed = seed * 1664525u + 1013904223u;
            s.append(metrics::Point::raw(t, double(20 + pod) * kMiB + double(seed >> 12)));
        }
        points += s.size();
        read.series.insert(
            metrics::keys::podMemory(QStringLiteral("ns%1").arg(pod % 6), QStringLiteral("pod-%1").arg(pod)),
            std::move(s));
    }
    ui::ResourceChartView view(ui::ResourceChartView::Mode::Memory);
    view.resize(1200, 400);
    view.show();
    runEventsUntil([] { return false; }, 200);
    std::vector<double> total, downsample;
    int buckets = 0;
    for (int i = 0; i < (ctx.quick() ? 2 : 5); ++i) {
        QElapsedTimer timer;
        timer.start();
        metrics::ChartOptions opt;
        opt.budgetBytes = 4LL << 30;
        opt.maxBuckets = view.pixelBuckets();
        const metrics::ChartData data = metrics::buildChartData(read, from, now, opt);
        downsample.push_back(double(timer.nsecsElapsed()) / 1e6);
        view.setChartData(data);
        const QImage img = view.grab().toImage();
        total.push_back(double(timer.nsecsElapsed()) / 1e6);
        buckets = data.grid.count;
        if (img.isNull() || view.layerAreas().size() < 6)
            return false;
    }
    ctx.note(QStringLiteral(
                 "chart_render_7d: %1 points into %2 buckets; downsampling %3 ms of it; target <= 200 ms")
                 .arg(points)
                 .arg(buckets)
                 .arg(formatValue(median(downsample))));
    ctx.report({QStringLiteral("chart_render_7d"), median(total), QStringLiteral("ms"), {}, {}});

    // What the Capacity tab really does for "7 days": read the history (it serves the
    // 10-minute tier for that range), then the same downsampling and paint.
    QTemporaryDir dir;
    metrics::HistoryStore store(dir.filePath(QStringLiteral("7d.sqlite")));
    if (!fillSevenDays(store, from, now, seed))
        return false;
    std::vector<double> open, reading, building;
    for (int i = 0; i < (ctx.quick() ? 2 : 5); ++i) {
        QElapsedTimer timer;
        timer.start();
        const auto r = store.read(QString(), from, now, now);
        if (!r)
            return false;
        reading.push_back(double(timer.nsecsElapsed()) / 1e6);
        metrics::ChartOptions opt;
        opt.budgetBytes = 4LL << 30;
        opt.maxBuckets = view.pixelBuckets();
        const metrics::ChartData data = metrics::buildChartData(r.value(), from, now, opt);
        building.push_back(double(timer.nsecsElapsed()) / 1e6 - reading.back());
        view.setChartData(data);
        if (view.grab().toImage().isNull())
            return false;
        open.push_back(double(timer.nsecsElapsed()) / 1e6);
    }
    ctx.note(QStringLiteral("chart_open_7d_history: 122 series x 1,008 ten-minute buckets; reading %1 ms, "
                            "chart data %2 ms")
                 .arg(formatValue(median(reading)), formatValue(median(building))));
    ctx.report({QStringLiteral("chart_open_7d_history"), median(open), QStringLiteral("ms"), {}, {}});
    return true;
}

// The Capacity tab's periodic refresh on a 7-day range, as the sampler's tick
// drives it: the UI thread's longest event-loop gap while refreshing once a
// second for 8 s, done on the UI thread (refresh: read, compute and redraw
// every time) and as MainWindow does it (refreshInBackground: read and compute
// on a worker, redraw only when a new bucket is due, ~10 min on this range).
VIGIA_BENCH(capacity_tick_stall, "longest UI event-loop gap while the Capacity tab (7 days, 60 pods) refreshes "
                                 "every second from the history, ms; baseline: the same refresh on the UI thread")
{
    if (!qobject_cast<QApplication *>(QCoreApplication::instance()))
        return false;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const qint64 from = now - 7 * metrics::HistoryStore::kDayMs;
    QTemporaryDir dir;
    metrics::HistoryStore store(dir.filePath(QStringLiteral("7d.sqlite")));
    quint32 seed = 11;
    if (!fillSevenDays(store, from, now, seed))
        return false;
    ui::CapacityView view;
    view.resize(1200, 900);
    view.setHistoryStore(&store);
    view.setRangeMs(7 * metrics::HistoryStore::kDayMs);
    view.show();
    runEventsUntil([] { return false; }, 300);
    auto measure = [&](bool background) {
        QElapsedTimer clock;
        clock.start();
        qint64 last = clock.nsecsElapsed(), worst = 0;
        QTimer ticker;
        ticker.setInterval(2);
        QObject::connect(&ticker, &QTimer::timeout, [&] {
            const qint64 n = clock.nsecsElapsed();
            worst = std::max(worst, n - last);
            last = n;
        });
        QTimer tick;
        tick.setInterval(1000);
        QObject::connect(&tick, &QTimer::timeout, [&] {
            if (background)
                view.refreshInBackground();
            else
                view.refresh();
        });
        ticker.start();
        tick.start();
        runEventsUntil([] { return false; }, ctx.quick() ? 4000 : 8000);
        tick.stop();
        runEventsUntil([] { return false; }, 500); // the last background result lands
        return double(worst) / 1e6;
    };
    {
        std::vector<double> refreshMs, paintMs;
        for (int i = 0; i < 3; ++i) {
            QElapsedTimer t;
            t.start();
            view.refresh();
            refreshMs.push_back(double(t.nsecsElapsed()) / 1e6);
            t.restart();
            (void)view.grab();
            paintMs.push_back(double(t.nsecsElapsed()) / 1e6);
        }
        ctx.note(QStringLiteral("capacity_tick_stall: one refresh on the UI thread %1 ms, one paint of the tab %2 ms")
                     .arg(formatValue(median(refreshMs)), formatValue(median(paintMs))));
    }
    const double sync = measure(false);
    const double bg = measure(true);
    if (view.memoryChart()->layerAreas().isEmpty())
        return false;
    ctx.report({QStringLiteral("capacity_tick_stall"), bg, QStringLiteral("ms"), sync,
                QStringLiteral("capacity_tick_stall_ui_thread")});
    return true;
}
