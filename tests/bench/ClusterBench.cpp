// Cluster overview figures (issue 3): launch to first pod table against
// `ssh host kubectl get pods -A -o json` in the same run, watch latency from
// the simulator's write to the store updated, the large scenario (2,000 pods:
// first table, the longest event-loop stall while a 2,000-event burst is
// applied, RSS), and the footprint on the "VPS": CPU and RSS of everything
// below the sandbox's sshd while the Pods view is open (one watch + the
// 30-second ClusterPoller).
#include "BenchRegistry.h"
#include "PodFilterProxyModel.h"
#include "PodListModel.h"
#include "Sandbox.h"
#include "SandboxProfile.h"
#include "SandboxSession.h"
#include "core/MetaTypes.h"
#include "kube/ClusterPoller.h"
#include "kube/ResourceWatcher.h"
#include "metrics/ClusterUsage.h"
#include "metrics/Sampler.h"
#include "remote/KubectlRunner.h"
#include "session/Session.h"
#include "ssh/SshConnection.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QHeaderView>
#include <QScrollBar>
#include <QTableView>
#include <QTimer>

#include <unistd.h>

#include <memory>

using namespace vigia;
using namespace vigia::bench;

namespace {

// Runs the event loop until done() or the timeout; false on timeout.
bool waitFor(const std::function<bool()> &done, int timeoutMs)
{
    QElapsedTimer t;
    t.start();
    while (!done()) {
        if (t.elapsed() > timeoutMs)
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    }
    return true;
}

// Opens the connection and detects kubectl (tests/common/SandboxSession.h); an empty one on failure.
test::SandboxSession openSession(test::Sandbox &sb, QString *error)
{
    test::SandboxSession s = test::SandboxSession::open(sb);
    if (!s)
        *error = s.error;
    return s;
}

using test::sandboxProfile;

// The app's own launch path, headless: a session::Session (SSH, kubectl
// detection, the pod watcher whose list is the first table) into a PodListModel
// that follows it, as the Pods page's does.
// Returns ms from start() to the first rows in the model (-1 on failure);
// *sinceConnected: from the SSH session being up to the same moment.
double launchToFirstTable(session::Session &session, PodListModel &model, test::Sandbox &sb,
                          double *sinceConnected, QString *error)
{
    QElapsedTimer t, connected;
    bool haveRows = false;
    model.attach(&session);
    QObject::connect(&model, &PodListModel::countsChanged, &session,
                     [&](int total, int) { haveRows = haveRows || total > 0; });
    QObject::connect(&session, &session::Session::authenticated, &session, [&] { connected.start(); });
    t.start();
    session.start(sandboxProfile(sb), sb.target(QStringLiteral("ed25519")));
    const bool ok =
        waitFor([&] { return haveRows || session.phase() == session::Session::Phase::Failed; }, 60000);
    const double ms = double(t.nsecsElapsed()) / 1e6;
    if (sinceConnected)
        *sinceConnected = connected.isValid() ? double(connected.nsecsElapsed()) / 1e6 : -1;
    if (!ok || !haveRows) {
        *error = session.lastError().message.isEmpty() ? QStringLiteral("no rows within 60 s")
                                                          : session.lastError().message;
        return -1;
    }
    return ms;
}

double timeSsh(test::Sandbox &sb, const QString &command)
{
    QElapsedTimer t;
    t.start();
    QByteArray out;
    if (sb.runSsh(command, &out, 60000) != 0)
        return -1;
    return double(t.nsecsElapsed()) / 1e6;
}

double selfRssMb()
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : f.readAll().split('\n'))
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toDouble() / 1024.0;
    return -1;
}

// Every process below the sandbox's listening sshd: the session sshd processes,
// their shells and kubectl. CPU includes reaped children (cutime/cstime), so
// one-shot kubectl runs that already exited are counted too.
struct RemoteUsage {
    double cpuSeconds = 0;
    double rssMb = 0;
    double pssMb = 0; // shared pages (the kubectl binary's, sshd's) split between their users
    int processes = 0;
    int kubectls = 0;
};

double pssMbOf(qint64 pid)
{
    QFile f(QStringLiteral("/proc/%1/smaps_rollup").arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : f.readAll().split('\n'))
        if (line.startsWith("Pss:"))
            return line.mid(4).trimmed().split(' ').first().toDouble() / 1024.0;
    return 0;
}

RemoteUsage remoteUsage(qint64 sshdPid)
{
    RemoteUsage u;
    const long tick = sysconf(_SC_CLK_TCK);
    const long page = sysconf(_SC_PAGESIZE);
    // Zombies too: a kubectl that just exited still holds its CPU until it is reaped.
    for (const qint64 pid : test::proc::descendantsOf(sshdPid, true)) {
        const QList<QByteArray> f = test::proc::statFields(pid); // f[0] = state (field 3)
        if (f.size() < 22)
            continue;
        // utime, stime, cutime, cstime are fields 14-17: indices 11-14 here; rss (pages) is field 24:
        // index 21.
        const double ticks =
            f.at(11).toDouble() + f.at(12).toDouble() + f.at(13).toDouble() + f.at(14).toDouble();
        u.cpuSeconds += ticks / double(tick);
        u.rssMb += f.at(21).toDouble() * double(page) / (1024.0 * 1024.0);
        u.pssMb += pssMbOf(pid);
        ++u.processes;
        if (test::proc::comm(pid).startsWith("kubectl"))
            ++u.kubectls;
    }
    return u;
}

// "2026-11-27T08:51:01.101748Z" (the simulator's write time) in microseconds since the epoch; 0 if
// unreadable.
qint64 touchedMicros(const QString &v)
{
    const qsizetype dot = v.indexOf(QLatin1Char('.'));
    const QDateTime base =
        QDateTime::fromString((dot > 0 ? v.left(dot) : v.chopped(1)) + QLatin1Char('Z'), Qt::ISODate);
    if (!base.isValid())
        return 0;
    QString frac = dot > 0 ? v.mid(dot + 1) : QString();
    frac.remove(QLatin1Char('Z'));
    frac = (frac + QStringLiteral("000000")).left(6);
    return base.toMSecsSinceEpoch() * 1000 + frac.toLongLong();
}

} // namespace

VIGIA_BENCH(pods_first_table, "launch (session::Session: connect + kubectl detection + the pod "
                              "watcher's list) to the first rows in PodListModel, ms, vs "
                              "`ssh host kubectl get pods -A -o json`")
{
    const int reps = ctx.quick() ? 1 : 5;
    std::vector<double> ours, theirs;
    for (int i = 0; i < reps; ++i) {
        // Alternated, so load from elsewhere on the machine hits both sides alike.
        theirs.push_back(timeSsh(ctx.sandbox(), QStringLiteral("kubectl get pods -A -o json")));
        session::Session session;
        PodListModel model;
        QString error;
        const double ms = launchToFirstTable(session, model, ctx.sandbox(), nullptr, &error);
        if (ms < 0) {
            ctx.note(QStringLiteral("pods_first_table: %1").arg(error));
            return false;
        }
        ours.push_back(ms);
        session.disconnectFromHost();
        waitFor([] { return false; }, 200);
    }
    ctx.report({QStringLiteral("pods_first_table"), median(ours), QStringLiteral("ms"), median(theirs),
                QStringLiteral("ssh_kubectl_get_pods")});
    return true;
}

VIGIA_BENCH(watch_latency, "`ctl touch` written by the simulator to the watcher's store updated, median ms")
{
    QString error;
    test::SandboxSession s = openSession(ctx.sandbox(), &error);
    if (!s) {
        ctx.note(QStringLiteral("watch_latency: %1").arg(error));
        return false;
    }
    kube::ResourceWatcher w(s.runner.get());
    QString webKey;
    std::vector<double> lat;
    qint64 lastTouched = 0;
    QObject::connect(&w, &kube::ResourceWatcher::changed, &w, [&](const kube::WatchBatch &b) {
        const qint64 nowUs = QDateTime::currentMSecsSinceEpoch() * 1000;
        for (const QJsonObject &o : b.modified) {
            const QString v = o.value(QLatin1String("metadata"))
                                  .toObject()
                                  .value(QLatin1String("annotations"))
                                  .toObject()
                                  .value(QLatin1String("vigia.sim/touched"))
                                  .toString();
            const qint64 us = touchedMicros(v);
            if (us > 0 && us != lastTouched) {
                lastTouched = us;
                lat.push_back(double(nowUs - lastTouched) / 1000.0);
            }
        }
    });
    w.start();
    if (!waitFor([&] { return w.state() == kube::ResourceWatcher::State::Live; }, 30000)) {
        ctx.note(QStringLiteral("watch_latency: the watch did not go live"));
        return false;
    }
    waitFor([] { return false; }, 1500); // let the watch settle
    const int reps = ctx.quick() ? 3 : 15;
    for (int i = 0; i < reps; ++i) {
        const size_t before = lat.size();
        QString out;
        if (!ctx.sandbox().ctl({QStringLiteral("touch"), QStringLiteral("--namespace"),
                                QStringLiteral("joledev"), QStringLiteral("--pod"), QStringLiteral("web")},
                               &out)) {
            ctx.note(QStringLiteral("watch_latency: ctl touch failed: %1").arg(ctx.sandbox().errorString()));
            return false;
        }
        waitFor([&] { return lat.size() > before; }, 10000);
        waitFor([] { return false; }, 200);
    }
    if (lat.empty()) {
        ctx.note(QStringLiteral("watch_latency: no change seen"));
        return false;
    }
    ctx.report({QStringLiteral("watch_latency"), median(lat), QStringLiteral("ms"), {}, {}});
    return true;
}

VIGIA_BENCH(pods_big,
            "large scenario (2,000 pods), through session::Session + PodListModel + "
            "PodFilterProxyModel (problems first, sorted) + a shown QTableView: pods_big_first_table "
            "(SSH session up to rows in the model) ms, pods_big_stall (longest event-loop gap while a "
            "2,000-event burst is applied and painted) ms, pods_big_rss MB")
{
    test::Sandbox big;
    if (!big.start(QStringLiteral("large"))) {
        ctx.note(QStringLiteral("pods_big: the large sandbox did not start: %1").arg(big.errorString()));
        return false;
    }
    session::Session session;
    PodListModel podModel;
    PodFilterProxyModel proxy;
    proxy.setSourceModel(&podModel);
    QTableView view;
    view.setModel(&proxy);
    view.setSortingEnabled(true);
    view.sortByColumn(PodListModel::Namespace, Qt::AscendingOrder);
    view.setSelectionBehavior(QAbstractItemView::SelectRows);
    view.verticalHeader()->setVisible(false);
    view.resize(1100, 640);
    view.show();
    QString error;
    double sinceConnected = -1;
    if (launchToFirstTable(session, podModel, big, &sinceConnected, &error) < 0) {
        ctx.note(QStringLiteral("pods_big: %1").arg(error));
        return false;
    }
    ctx.report({QStringLiteral("pods_big_first_table"), sinceConnected, QStringLiteral("ms"), {}, {}});
    waitFor([] { return false; }, 1000);
    PodListModel *model = &podModel;
    ctx.note(QStringLiteral("pods_big: %1 rows").arg(model->rowCount()));
    // A reader's place: a selected row in the middle, scrolled to.
    const QModelIndex sel = proxy.index(proxy.rowCount() / 2, PodListModel::Name);
    const QString selectedKey = sel.data(PodListModel::KeyRole).toString();
    view.selectionModel()->setCurrentIndex(sel,
                                           QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    view.scrollTo(sel, QAbstractItemView::PositionAtCenter);
    waitFor([] { return false; }, 200);
    const int scroll = view.verticalScrollBar()->value();

    qsizetype modified = 0;
    if (!session.podWatcher()) {
        ctx.note(QStringLiteral("pods_big: no pod watcher"));
        return false;
    }
    // Counted after the model has applied each batch (the session's slot runs first).
    QObject::connect(session.podWatcher(), &kube::ResourceWatcher::changed, model,
                     [&](const kube::WatchBatch &b) { modified += b.modified.size(); });
    QElapsedTimer gap;
    qint64 worst = 0;
    QTimer tick;
    tick.setInterval(2);
    QObject::connect(&tick, &QTimer::timeout, [&] {
        if (gap.isValid())
            worst = std::max(worst, gap.nsecsElapsed());
        gap.start();
    });
    tick.start();
    const int count = ctx.quick() ? 500 : 2000;
    // ctl blocks this thread while it runs; the gap is measured from when it returns.
    big.ctl({QStringLiteral("touch"), QStringLiteral("--all"), QStringLiteral("--count"),
             QString::number(count)});
    gap.invalidate();
    worst = 0;
    QElapsedTimer applying;
    applying.start();
    waitFor([&] { return modified >= count; }, 60000);
    const double applyMs = double(applying.nsecsElapsed()) / 1e6;
    waitFor([] { return false; }, 300);
    tick.stop();
    ctx.report({QStringLiteral("pods_big_stall"), double(worst) / 1e6, QStringLiteral("ms"), {}, {}});
    const bool kept = view.currentIndex().data(PodListModel::KeyRole).toString() == selectedKey &&
                      view.verticalScrollBar()->value() == scroll;
    ctx.note(QStringLiteral("pods_big: %1 modified pods applied in %2 ms; selection and scroll %3")
                 .arg(modified)
                 .arg(applyMs, 0, 'f', 0)
                 .arg(kept ? QStringLiteral("kept") : QStringLiteral("LOST")));
    ctx.report({QStringLiteral("pods_big_rss"), selfRssMb(), QStringLiteral("MB"), {}, {}});
    session.disconnectFromHost();
    return true;
}

namespace {

// The footprint under the sandbox sshd of what one connection keeps running. With
// withSampler, the Capacity sampler runs too, as the app wires it (no kubectl of its
// own; metrics from the poller's round): the whole app's cost on the server.
// withEvents: the events watch runs beside the pod watch, as while the Events view is shown.
bool measureFootprint(Context &ctx, bool withSampler, const QString &prefix, bool withEvents = false)
{
    QString error;
    test::SandboxSession s = openSession(ctx.sandbox(), &error);
    if (!s) {
        ctx.note(QStringLiteral("%1: %2").arg(prefix, error));
        return false;
    }
    kube::ResourceWatcher w(s.runner.get());
    kube::ClusterPoller poller(s.runner.get());
    poller.setExclusiveWith(&w); // as MainWindow wires them
    kube::ResourceWatcher events(s.runner.get(), QStringLiteral("events"));
    if (withEvents) { // as ClusterViews::setEventsWanted(true) wires it
        poller.addExclusive(&events);
        QObject::connect(&events, &kube::ResourceWatcher::stateChanged, &poller,
                         [&](kube::ResourceWatcher::State st) {
                             poller.setEventsWatched(st == kube::ResourceWatcher::State::Live);
                         });
        events.start();
    }
    metrics::Sampler sampler(s.conn.get());
    int samplesTaken = 0;
    if (withSampler) {
        metrics::SamplerConfig cfg = sampler.config();
        cfg.ownKubectl = false;
        cfg.dataDir = ctx.sandbox().storageRoot();
        sampler.setConfig(cfg);
        sampler.setKubectlPrefix(s.runner->prefix());
        QObject::connect(&poller, &kube::ClusterPoller::updated, &sampler,
                         [&](const kube::ClusterSnapshot &snap) {
                             const metrics::ClusterUsage u = metrics::usageFromCluster(snap);
                             sampler.offerMetrics(u.pods, u.nodes, u.available, u.problem);
                         });
        QObject::connect(&sampler, &metrics::Sampler::sampled, [&] { ++samplesTaken; });
    }
    w.start();
    poller.start();
    if (!waitFor(
            [&] {
                return w.state() == kube::ResourceWatcher::State::Live && poller.hasData() &&
                       (!withEvents || events.state() == kube::ResourceWatcher::State::Live);
            },
            60000)) {
        ctx.note(QStringLiteral("%1: not live").arg(prefix));
        return false;
    }
    if (withSampler)
        sampler.start();
    const qint64 sshd = ctx.sandbox().sshdPid();
    int seconds = ctx.quick() ? 35 : (withEvents ? 120 : 300);
    if (const int env = qEnvironmentVariableIntValue("VIGIA_FOOTPRINT_SECONDS"); env > 0)
        seconds = env;
    const RemoteUsage start = remoteUsage(sshd);
    QElapsedTimer t;
    t.start();
    double peakRss = start.rssMb, peakPss = start.pssMb;
    double sumRss = 0, sumPss = 0;
    int samples = 0, maxKubectls = 0;
    // Sampled every 250 ms: a poll's kubectl lives ~0.3-0.5 s, a 1 s sampler could miss an overlap.
    while (t.elapsed() < qint64(seconds) * 1000) {
        waitFor([] { return false; }, 250);
        const RemoteUsage u = remoteUsage(sshd);
        peakRss = std::max(peakRss, u.rssMb);
        peakPss = std::max(peakPss, u.pssMb);
        maxKubectls = std::max(maxKubectls, u.kubectls);
        sumRss += u.rssMb;
        sumPss += u.pssMb;
        ++samples;
    }
    const RemoteUsage end = remoteUsage(sshd);
    sampler.stop();
    const double cpuPct = 100.0 * (end.cpuSeconds - start.cpuSeconds) / (double(t.elapsed()) / 1000.0);
    ctx.note(
        QStringLiteral("%1: %2 s window, %3 processes at the end, at most %4 kubectl at "
                       "once, mean RSS %5 MB, mean PSS %6 MB, peak PSS %7 MB (includes the sshd session "
                       "processes)%8")
            .arg(prefix)
            .arg(seconds)
            .arg(end.processes)
            .arg(maxKubectls)
            .arg(samples ? sumRss / samples : 0, 0, 'f', 1)
            .arg(samples ? sumPss / samples : 0, 0, 'f', 1)
            .arg(peakPss, 0, 'f', 1)
            .arg(withSampler ? QStringLiteral(", %1 capacity samples taken").arg(samplesTaken) : QString()));
    const QString p = withEvents ? QStringLiteral("events_view_") : withSampler ? QStringLiteral("app_") : QString();
    ctx.report({p + QStringLiteral("remote_cpu"), cpuPct, QStringLiteral("%"), {}, {}});
    ctx.report({p + QStringLiteral("remote_rss"), peakRss, QStringLiteral("MB"), {}, {}});
    ctx.report({p + QStringLiteral("remote_rss_mean"),
                samples ? sumRss / samples : 0,
                QStringLiteral("MB"),
                {},
                {}});
    if (withEvents)
        ctx.report({p + QStringLiteral("remote_pss"), peakPss, QStringLiteral("MB"), {}, {}});
    return !withSampler || samplesTaken > 0;
}

} // namespace

VIGIA_BENCH(remote_footprint,
            "remote_cpu (% of one CPU) and remote_rss (MB, peak of the summed RSS) of "
            "everything under sshd with the pod watch + the 30 s ClusterPoller taking turns "
            "with it; VIGIA_FOOTPRINT_SECONDS sets the window (default 300, --quick 35)")
{
    return measureFootprint(ctx, false, QStringLiteral("remote_footprint"));
}

VIGIA_BENCH(app_footprint,
            "app_remote_cpu / app_remote_rss: as remote_footprint, plus the Capacity sampler every "
            "10 s as the app runs it (metrics taken from the poller's round): everything one "
            "connection of Vigía runs on the server")
{
    return measureFootprint(ctx, true, QStringLiteral("app_footprint"));
}

VIGIA_BENCH(events_view_footprint,
            "events_view_remote_cpu / _rss / _pss: as app_footprint with the events watch running "
            "beside the pod watch, as while the Events view is shown (default 120 s window). RSS "
            "counts the kubectl binary's shared pages twice; PSS splits them")
{
    return measureFootprint(ctx, true, QStringLiteral("events_view_footprint"), true);
}
