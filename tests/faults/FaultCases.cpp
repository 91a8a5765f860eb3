#include "FaultCases.h"

#include "SilentRelay.h"
#include "SnapshotFaults.h"
#include "ProcessTree.h"
#include "SandboxProfile.h"
#include "core/BidiControls.h"
#include "db/SnapshotJob.h"
#include "kube/PodQueries.h"
#include "remote/KubectlRunner.h"
#include "ssh/SshConnection.h"

#include <QElapsedTimer>

#include <sqlite3.h>
#include <QCoreApplication>
#include <QDirIterator>
#include <QFile>
#include <QTemporaryDir>

namespace vigia::faults {

namespace {

using Phase = session::Session::Phase;

// PRAGMA quick_check of a local SQLite file, read-only.
QString sqliteCheck(const QString &path)
{
    sqlite3 *h = nullptr;
    QString v = QStringLiteral("<error>");
    if (sqlite3_open_v2(QFile::encodeName(path).constData(), &h, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
        sqlite3_stmt *st = nullptr;
        if (sqlite3_prepare_v2(h, "PRAGMA quick_check", -1, &st, nullptr) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
            v = QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(st, 0)));
        sqlite3_finalize(st);
    }
    sqlite3_close(h);
    return v;
}

// Remembers the first thing the app said while the fault lasted: its error, or the watch's.
struct MessageCatcher {
    QString text;
    void look(session::Session &s)
    {
        if (!text.isEmpty())
            return;
        if (!s.lastError().message.isEmpty())
            text = s.lastError().toString();
    }
};

// Runs the event loop for ms, noting what the Session says.
void watchFor(session::Session &s, MessageCatcher &m, int ms)
{
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < ms) {
        m.look(s);
        pump(100);
    }
}

// The common end of a case: the view must be live again in time and show every pod, the log
// must have every numbered line once, and after the Session is gone nothing of it runs.
FaultReport finish(FaultHarness &h, const QString &name, std::unique_ptr<session::Session> s, QElapsedTimer &sinceEnd,
                   const MessageCatcher &m, LogFollower *log = nullptr, bool needsMessage = true)
{
    FaultReport r;
    r.name = name;
    r.message = m.text;
    const bool live = h.waitLive(*s, 30000);
    r.recoveredSec = live ? double(sinceEnd.elapsed()) / 1000.0 : -1;
    if (log) {
        pump(2500); // a few more lines after the seam
        r.lost = log->missing() + log->duplicates();
        r.lostUnit = QStringLiteral("lines");
    } else {
        r.lost = std::max(0, h.podsMissing(*s));
        r.lostUnit = QStringLiteral("rows");
    }
    s.reset();
    const int left = h.remoteKubectlAfter(8000);
    if (!live)
        r.why = QStringLiteral("the view was not live again within 30 s");
    else if (sinceEnd.elapsed() > 0 && r.recoveredSec * 1000 > kRecoverWithinMs)
        r.why = QStringLiteral("live again only after %1 s").arg(r.recoveredSec, 0, 'f', 1);
    else if (r.lost != 0)
        r.why = QStringLiteral("%1 %2 lost or duplicated").arg(r.lost).arg(r.lostUnit);
    else if (left != 0)
        r.why = QStringLiteral("%1 kubectl processes left on the server").arg(left);
    else if (needsMessage && r.message.isEmpty())
        r.why = QStringLiteral("the app said nothing about it");
    r.survived = r.why.isEmpty();
    return r;
}

FaultReport failedToStart(const QString &name, const QString &error)
{
    FaultReport r;
    r.name = name;
    r.why = QStringLiteral("could not connect first: ") + error;
    return r;
}

FaultReport sshdKilledMidFollow(FaultHarness &h)
{
    const QString name = QStringLiteral("sshd_killed_mid_follow");
    QString err;
    auto s = h.connect(h.sandbox().target(), &err);
    if (s->phase() != Phase::Connected)
        return failedToStart(name, err);
    const auto log = h.follow(*s, 3000);
    MessageCatcher m;
    h.sandbox().killSshdSessions();
    QElapsedTimer sinceEnd; // the fault is over at once: sshd's listener never went away
    sinceEnd.start();
    waitFor([&] { m.look(*s); return s->phase() != Phase::Connected || s->isStale(); }, 15000);
    waitFor([&] { m.look(*s); return s->phase() == Phase::Connected && !s->isStale(); }, 30000);
    return finish(h, name, std::move(s), sinceEnd, m, log.get());
}

FaultReport silentPeer(FaultHarness &h)
{
    const QString name = QStringLiteral("silent_peer");
    test::SilentRelay relay(h.sandbox().sshPort());
    if (!relay.listen())
        return failedToStart(name, QStringLiteral("no relay"));
    // The relay's port needs its own known_hosts line for the same keys.
    QFile in(h.sandbox().knownHostsPath());
    in.open(QIODevice::ReadOnly);
    const QString kh = QString::fromUtf8(in.readAll())
                           .replace(QStringLiteral("]:%1 ").arg(h.sandbox().sshPort()),
                                    QStringLiteral("]:%1 ").arg(relay.port()));
    const QString khPath = h.sandbox().dir() + QStringLiteral("/known_hosts_relay");
    QFile out(khPath);
    if (out.open(QIODevice::WriteOnly))
        out.write(kh.toUtf8());
    out.close();
    ssh::SshTarget t = h.sandbox().target();
    t.port = relay.port();
    t.knownHostsPath = khPath;
    QString err;
    auto s = h.connect(t, &err);
    if (s->phase() != Phase::Connected)
        return failedToStart(name, err);
    const auto log = h.follow(*s, 3000);
    const QString oldConnection = s->connection()->target().connectionId;
    MessageCatcher m;
    relay.freeze(); // the route is gone; nobody sends a FIN or a RST
    QElapsedTimer sinceEnd;
    sinceEnd.start(); // later connections go through: the fault "ends" at once, as a new route would
    waitFor([&] { m.look(*s); return s->phase() == Phase::Connected && !s->isStale() &&
                                     s->connection()->target().connectionId != oldConnection; },
            40000);
    FaultReport r = finish(h, name, std::move(s), sinceEnd, m, log.get());
    // The frozen connection's sshd still lives; what it ran must not.
    int left = 0;
    waitFor([&] {
        left = 0;
        for (const qint64 pid : test::proc::allPids())
            if (test::proc::commandLine(pid).contains(oldConnection))
                ++left;
        return left == 0;
    }, 8000);
    if (r.survived && left > 0) {
        r.survived = false;
        r.why = QStringLiteral("%1 processes of the silent connection still run").arg(left);
    }
    relay.cut();
    return r;
}

// A fault the simulator switches on and off by ctl, lasting durationMs.
FaultReport apiFault(FaultHarness &h, const QString &name, const QStringList &on, const QStringList &off,
                     int durationMs)
{
    QString err;
    auto s = h.connect(h.sandbox().target(), &err);
    if (s->phase() != Phase::Connected)
        return failedToStart(name, err);
    MessageCatcher m;
    h.sandbox().ctl(on);
    // Something must ask the API meanwhile, as the user (or the round) would.
    QElapsedTimer during;
    during.start();
    while (during.elapsed() < durationMs) {
        if (during.elapsed() > 1500)
            s->refresh();
        watchFor(*s, m, 1500);
    }
    if (!off.isEmpty())
        h.sandbox().ctl(off);
    QElapsedTimer sinceEnd;
    sinceEnd.start();
    return finish(h, name, std::move(s), sinceEnd, m, nullptr, durationMs > 0);
}

FaultReport apiRefused(FaultHarness &h)
{
    return apiFault(h, QStringLiteral("api_refused_20s"), {QStringLiteral("api-stop")}, {QStringLiteral("api-start")},
                    20000);
}

FaultReport api500s(FaultHarness &h)
{
    return apiFault(h, QStringLiteral("api_500s"),
                    {QStringLiteral("api-error"), QStringLiteral("500"), QStringLiteral("--all")},
                    {QStringLiteral("api-error"), QStringLiteral("--off")}, 10000);
}

FaultReport watchTruncated(FaultHarness &h)
{
    // The next watch response is cut mid-JSON; touches make sure it has something to carry.
    QString err;
    auto s = h.connect(h.sandbox().target(), &err);
    if (s->phase() != Phase::Connected)
        return failedToStart(QStringLiteral("watch_truncated_mid_json"), err);
    MessageCatcher m;
    h.sandbox().ctl({QStringLiteral("watch-truncate"), QStringLiteral("--count"), QStringLiteral("1")});
    h.sandbox().ctl({QStringLiteral("watch-end")});
    watchFor(*s, m, 3000);
    QElapsedTimer sinceEnd;
    sinceEnd.start();
    // The watch heals by itself: nothing to tell the user unless it lasts.
    return finish(h, QStringLiteral("watch_truncated_mid_json"), std::move(s), sinceEnd, m, nullptr, false);
}

FaultReport gone410(FaultHarness &h)
{
    QString err;
    auto s = h.connect(h.sandbox().target(), &err);
    if (s->phase() != Phase::Connected)
        return failedToStart(QStringLiteral("gone_410"), err);
    MessageCatcher m;
    // Compacted history, then the watch ends: watching again from its resourceVersion is a 410.
    h.sandbox().ctl({QStringLiteral("touch"), QStringLiteral("--all")});
    h.sandbox().ctl({QStringLiteral("watch-compact")});
    h.sandbox().ctl({QStringLiteral("watch-end")});
    watchFor(*s, m, 2000);
    QElapsedTimer sinceEnd;
    sinceEnd.start();
    return finish(h, QStringLiteral("gone_410"), std::move(s), sinceEnd, m, nullptr, false);
}

// A server the app cannot use as it is: it must say what is wrong and what to do, and run on.
FaultReport cannotUse(FaultHarness &h, const QString &name, const QString &mustMention)
{
    FaultReport r;
    r.name = name;
    r.lostUnit = QStringLiteral("rows");
    auto s = std::make_unique<session::Session>();
    s->start(test::sandboxProfile(h.sandbox()), h.sandbox().target());
    waitFor([&] { return s->phase() == Phase::Failed || s->phase() == Phase::Connected; }, 40000);
    r.message = s->lastError().toString();
    if (s->phase() == Phase::Connected) {
        // It found another way (sudo -n k3s kubectl): survived, and says nothing is wrong.
        r.message = QStringLiteral("connected through %1").arg(s->runner() ? s->runner()->prefix().join(QLatin1Char(' ')) : QString());
        r.survived = true;
    } else {
        r.survived = r.message.contains(mustMention, Qt::CaseInsensitive) && !s->lastError().hint.isEmpty();
        if (!r.survived)
            r.why = QStringLiteral("the message does not say what is wrong and what to do");
    }
    s.reset();
    if (const int left = h.remoteKubectlAfter(5000); left != 0 && r.survived) {
        r.survived = false;
        r.why = QStringLiteral("%1 kubectl processes left on the server").arg(left);
    }
    return r;
}

FaultReport twoInstances(FaultHarness &h)
{
    // Two windows on one profile: each lives, and both take a snapshot of the same database into
    // the same cache at once; neither wrecks the other's download, nothing is left.
    const QString name = QStringLiteral("two_instances_one_profile");
    QString err;
    auto a = h.connect(h.sandbox().target(), &err);
    auto b = h.connect(h.sandbox().target(), &err);
    if (a->phase() != Phase::Connected || b->phase() != Phase::Connected)
        return failedToStart(name, err);
    FaultReport r;
    r.name = name;
    r.lostUnit = QStringLiteral("rows");
    const bool liveA = h.waitLive(*a, 15000);
    const bool liveB = h.waitLive(*b, 15000);
    r.lost = std::max(0, h.podsMissing(*a)) + std::max(0, h.podsMissing(*b));
    const QString db = h.schedulerDatabase();
    QTemporaryDir cacheRoot; // one cache, as two instances of one profile share it
    db::SnapshotJob jobA(a->commandRunner(), db::SnapshotCache(QStringLiteral("shared"), cacheRoot.path()));
    db::SnapshotJob jobB(b->commandRunner(), db::SnapshotCache(QStringLiteral("shared"), cacheRoot.path()));
    std::optional<db::SnapshotOutcome> oa, ob;
    QObject::connect(&jobA, &db::SnapshotJob::finished, &jobA, [&](quint64, const db::SnapshotOutcome &o) { oa = o; });
    QObject::connect(&jobB, &db::SnapshotJob::finished, &jobB, [&](quint64, const db::SnapshotOutcome &o) { ob = o; });
    db::SnapshotRequest req;
    req.remotePath = db;
    jobA.start(req);
    jobB.start(req);
    waitFor([&] { return oa.has_value() && ob.has_value(); }, 120000);
    const bool snapshots = oa && ob && oa->ok && ob->ok && oa->info.localPath == ob->info.localPath &&
                           sqliteCheck(oa->info.localPath) == QLatin1String("ok");
    r.message = snapshots ? QStringLiteral("both windows live; both snapshots downloaded into one cache, intact")
                          : QStringLiteral("snapshots: %1 / %2").arg(oa && oa->ok ? QStringLiteral("ok") : oa ? oa->error.message : QStringLiteral("none"),
                                                                   ob && ob->ok ? QStringLiteral("ok") : ob ? ob->error.message : QStringLiteral("none"));
    a.reset();
    b.reset();
    const int left = h.remoteKubectlAfter(8000);
    r.survived = liveA && liveB && snapshots && r.lost == 0 && left == 0;
    if (!r.survived)
        r.why = QStringLiteral("live %1/%2, snapshots %3, %4 rows lost, %5 left")
                    .arg(liveA).arg(liveB).arg(snapshots).arg(r.lost).arg(left);
    return r;
}

FaultReport hostileLogs(FaultHarness &h)
{
    // Lines of 10 MB and a line with bidirectional controls in a followed log: the app's memory
    // stays bounded (each line held cut at 64 KB), every numbered line arrives once.
    const QString name = QStringLiteral("hostile_logs");
    QString err;
    auto s = h.connect(h.sandbox().target(), &err);
    if (s->phase() != Phase::Connected)
        return failedToStart(name, err);
    QString ns;
    const QString pod = h.loggingPod(*s, &ns);
    const auto log = h.follow(*s, 2000);
    const qint64 rssBefore = test::proc::rssBytes(QCoreApplication::applicationPid());
    MessageCatcher m;
    const QStringList target{QStringLiteral("--namespace"), ns, QStringLiteral("--pod"), pod};
    for (int i = 0; i < 8; ++i) {
        h.sandbox().ctl(QStringList{QStringLiteral("log-hostile"), QStringLiteral("--bytes"),
                                    QString::number(10 * 1024 * 1024)} + target);
        pump(700); // a line of the pod's own between two hostile ones
    }
    h.sandbox().ctl(QStringList{QStringLiteral("log-hostile"), QStringLiteral("--bidi")} + target);
    pump(3000);
    const qint64 grew = test::proc::rssBytes(QCoreApplication::applicationPid()) - rssBefore;
    int cut = 0;
    for (int i = 0; i < log->buffer().size(); ++i)
        if (log->buffer().at(i).isCut())
            ++cut;
    m.text = QStringLiteral("%1 lines of 10 MB held cut at 64 KB; RSS grew %2 MB")
                 .arg(cut)
                 .arg(double(grew) / (1024.0 * 1024.0), 0, 'f', 1);
    QElapsedTimer sinceEnd;
    sinceEnd.start();
    FaultReport r = finish(h, name, std::move(s), sinceEnd, m, log.get());
    if (r.survived && (cut < 8 || grew > qint64(300) << 20)) {
        r.survived = false;
        r.why = QStringLiteral("%1 of 8 long lines cut, RSS grew %2 bytes").arg(cut).arg(grew);
    }
    return r;
}

FaultReport hostilePods(FaultHarness &)
{
    // A pod with the longest name Kubernetes allows and an annotation written to hurt: listed,
    // and its YAML and describe fetched by name (after "--"), with the bidi controls shown as marks.
    FaultReport r;
    r.name = QStringLiteral("hostile_pods");
    r.lostUnit = QStringLiteral("rows");
    test::Sandbox own;
    if (!own.start(QStringLiteral("crashloop"))) {
        r.why = QStringLiteral("its sandbox did not start: ") + own.errorString();
        return r;
    }
    FaultHarness h(own);
    QString err;
    auto s = h.connect(own.target(), &err);
    if (s->phase() != Phase::Connected)
        return failedToStart(r.name, err);
    r.lost = std::max(0, h.podsMissing(*s));
    QString name;
    for (const kube::PodInfo &p : s->pods())
        if (p.ns == QLatin1String("zoo") && p.name.startsWith(QLatin1String("hostile-")))
            name = p.name;
    QStringList fetched;
    bool marked = true;
    for (const QStringList &args : {kube::podYamlArgs(QStringLiteral("zoo"), name),
                                    kube::podDescribeArgs(QStringLiteral("zoo"), name)}) {
        std::optional<Result<QByteArray>> got;
        const quint64 token = s->runner()->run(args, 30000);
        const QMetaObject::Connection c = QObject::connect(
            s->runner(), &remote::KubectlRunner::finished, s.get(),
            [&](quint64 t, const Result<QByteArray> &res) {
                if (t == token)
                    got = res;
            });
        waitFor([&] { return got.has_value(); }, 30000);
        QObject::disconnect(c);
        if (got && *got && QString::fromUtf8(got->value()).contains(name)) {
            const QString text = QString::fromUtf8(got->value());
            fetched << args.first();
            marked = marked && containsBidiControls(text) && !containsBidiControls(showBidiControls(text));
        }
    }
    r.message = QStringLiteral("%1-character name listed; %2 fetched; bidi controls shown as marks")
                    .arg(name.size())
                    .arg(fetched.join(QStringLiteral(" and ")));
    s.reset();
    const int left = h.remoteKubectlAfter(8000);
    if (name.size() != 253)
        r.why = QStringLiteral("the 253-character pod is not listed");
    else if (fetched.size() != 2)
        r.why = QStringLiteral("its YAML or describe could not be fetched");
    else if (!marked)
        r.why = QStringLiteral("bidirectional controls were not neutralised");
    else if (r.lost != 0 || left != 0)
        r.why = QStringLiteral("%1 pods missing, %2 kubectl left").arg(r.lost).arg(left);
    r.survived = r.why.isEmpty();
    return r;
}

} // namespace

QList<FaultCase> allFaultCases()
{
    return {
        {QStringLiteral("sshd_killed_mid_follow"), sshdKilledMidFollow, {}},
        {QStringLiteral("silent_peer"), silentPeer, {}},
        {QStringLiteral("api_refused_20s"), apiRefused, {}},
        {QStringLiteral("api_500s"), api500s, {}},
        {QStringLiteral("watch_truncated_mid_json"), watchTruncated, {}},
        {QStringLiteral("gone_410"), gone410, {}},
        {QStringLiteral("kubectl_missing"),
         [](FaultHarness &h) { return cannotUse(h, QStringLiteral("kubectl_missing"), QStringLiteral("kubectl")); },
         {QStringLiteral("--no-kubectl"), QStringLiteral("--no-k3s")}},
        {QStringLiteral("k3s_yaml_permission_denied"),
         [](FaultHarness &h) {
             return cannotUse(h, QStringLiteral("k3s_yaml_permission_denied"), QStringLiteral("k3s.yaml"));
         },
         {QStringLiteral("--kubeconfig-denied")}},
        {QStringLiteral("k3s_yaml_denied_no_sudo"),
         [](FaultHarness &h) {
             return cannotUse(h, QStringLiteral("k3s_yaml_denied_no_sudo"), QStringLiteral("k3s.yaml"));
         },
         {QStringLiteral("--kubeconfig-denied"), QStringLiteral("--sudo-password")}},
        {QStringLiteral("two_instances_one_profile"), twoInstances, {}},
        {QStringLiteral("hostile_pods"), hostilePods, {}},
        {QStringLiteral("hostile_logs"), hostileLogs, {}},
        {QStringLiteral("tmp_full_during_snapshot"), tmpFullDuringSnapshot, {}},
        {QStringLiteral("db_app_stopped_during_snapshot"), dbAppStoppedDuringSnapshot,
         {QStringLiteral("--writer"), QStringLiteral("--db-rows"), QStringLiteral("3000")}},
    };
}

} // namespace vigia::faults
