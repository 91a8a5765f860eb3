// Read-only means read-only: every remote command line Vigía can send goes through the one gate
// (remote::CommandGate), which allows it or refuses it, each by a named rule. Then the same gate
// on a real connection to the sandbox: a refused command never reaches the server.
#include "Sandbox.h"
#include "actions/ActionSpec.h"
#include "actions/RolloutTracker.h"
#include "core/ShellQuote.h"
#include "db/SnapshotPlanner.h"
#include "kube/ClusterPoller.h"
#include "kube/PodQueries.h"
#include "kube/ResourceWatcher.h"
#include "logs/LogStream.h"
#include "logs/ServerLogSource.h"
#include "metrics/Sampler.h"
#include "remote/CommandGate.h"
#include "ssh/SshConnection.h"

#include <QFile>
#include <QSignalSpy>
#include <QtTest>

using namespace vigia;
using remote::CommandGate;

namespace {

const QList<QStringList> kPrefixes{{QStringLiteral("kubectl")},
                                   {QStringLiteral("k3s"), QStringLiteral("kubectl")},
                                   {QStringLiteral("sudo"), QStringLiteral("-n"), QStringLiteral("k3s"),
                                    QStringLiteral("kubectl")}};

QStringList withPrefix(const QStringList &prefix, const QStringList &args)
{
    return prefix + args;
}

} // namespace

class TestReadOnlyEverywhere : public QObject {
    Q_OBJECT
private slots:
    void splitIsTheInverseOfBuild_data();
    void splitIsTheInverseOfBuild();
    void splitRefusesWhatBuildNeverSpells();
    void everyCommandHasItsRule_data();
    void everyCommandHasItsRule();
    void refusedCommandNeverReachesTheServer();
};

void TestReadOnlyEverywhere::splitIsTheInverseOfBuild_data()
{
    QTest::addColumn<QStringList>("argv");
    QTest::newRow("plain") << QStringList{QStringLiteral("kubectl"), QStringLiteral("get"), QStringLiteral("pods")};
    QTest::newRow("quotes") << QStringList{QStringLiteral("echo"), QStringLiteral("it's"), QStringLiteral("'';$(x)")};
    QTest::newRow("empty arg") << QStringList{QStringLiteral("printf"), QString(), QStringLiteral("a b")};
    QTest::newRow("assignment first") << QStringList{QStringLiteral("X='1"), QStringLiteral("y")};
    QTest::newRow("newline") << QStringList{QStringLiteral("sh"), QStringLiteral("-c"), QStringLiteral("a\nb")};
    QTest::newRow("reserved") << QStringList{QStringLiteral("if"), QStringLiteral("then")};
}

void TestReadOnlyEverywhere::splitIsTheInverseOfBuild()
{
    QFETCH(QStringList, argv);
    const std::optional<QStringList> back = splitCommandLine(buildCommandLine(argv));
    QVERIFY(back);
    QCOMPARE(*back, argv);
}

void TestReadOnlyEverywhere::splitRefusesWhatBuildNeverSpells()
{
    for (const char *line : {"cat x; rm -rf /", "cat $(id)", "cat `id`", "cat x | sh", "cat  x", " cat", "cat x ",
                             "cat 'x", "cat \\x", "cat x&", "cat >x", ""})
        QVERIFY2(!splitCommandLine(QString::fromLatin1(line)), line);
}

void TestReadOnlyEverywhere::everyCommandHasItsRule_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<bool>("allowed");
    const auto add = [](const QString &name, const QString &line, bool allowed) {
        QTest::newRow(qPrintable(name)) << line << allowed;
    };
    const QString db = QStringLiteral("/var/lib/rancher/k3s/storage/pvc-1_apps_data/scheduler.db");
    const QString tmp = QStringLiteral("/tmp/vigia-snap.Ab12Cd34");
    using db::SnapshotPlanner;
    for (const bool sudo : {false, true}) {
        const QString s = sudo ? QStringLiteral(" sudo") : QString();
        add(QStringLiteral("snapshot probe") + s, SnapshotPlanner::probeCommand(db, sudo), true);
        add(QStringLiteral("snapshot fingerprint") + s, SnapshotPlanner::fingerprintCommand(db, sudo), true);
        add(QStringLiteral("snapshot copy (cat)") + s, SnapshotPlanner::catCommand(db, sudo), true);
        add(QStringLiteral("snapshot wal copy") + s, SnapshotPlanner::catIfExistsCommand(db + QStringLiteral("-wal"), sudo),
            true);
        add(QStringLiteral("snapshot vacuum into temp") + s,
            SnapshotPlanner::vacuumCommand(db, tmp + QStringLiteral("/snapshot.db"), sudo), true);
        add(QStringLiteral("snapshot vacuum elsewhere") + s,
            SnapshotPlanner::vacuumCommand(db, QStringLiteral("/var/lib/app/evil.db"), sudo), false);
        add(QStringLiteral("snapshot cleanup") + s, SnapshotPlanner::cleanupCommand(tmp, sudo), true);
        add(QStringLiteral("cleanup of another folder") + s,
            SnapshotPlanner::cleanupCommand(QStringLiteral("/var/lib/rancher"), sudo), false);
        add(QStringLiteral("cleanup escaping the temp folder") + s,
            SnapshotPlanner::cleanupCommand(QStringLiteral("/tmp/vigia-snap.x/../../etc"), sudo), false);
        add(QStringLiteral("database discovery") + s,
            SnapshotPlanner::findDatabasesCommand({QStringLiteral("/var/lib/rancher/k3s/storage")}, sudo), true);
    }
    add(QStringLiteral("snapshot temp folder"), SnapshotPlanner::tempDirCommand(), true);
    add(QStringLiteral("stale snapshot sweep"), SnapshotPlanner::sweepStaleCommand(), true);
    add(QStringLiteral("temp folder under sudo"),
        buildCommandLine(QStringList{QStringLiteral("sudo"), QStringLiteral("-n")} +
                         splitCommandLine(SnapshotPlanner::tempDirCommand()).value()),
        false);

    for (const logs::ServerLogCandidate &c : logs::ServerLogSource::candidates(1000)) {
        add(QStringLiteral("server log probe: ") + c.what, buildCommandLine(c.probeArgv), true);
        add(QStringLiteral("server log follow: ") + c.what, buildCommandLine(c.streamArgv), true);
    }

    for (const QStringList &prefix : kPrefixes) {
        const QString p = QStringLiteral(" [") + prefix.join(QLatin1Char(' ')) + QLatin1Char(']');
        metrics::SamplerConfig config;
        add(QStringLiteral("sampler") + p,
            buildCommandLine(metrics::Sampler::argv(config, prefix, true, true, true, true)), true);
        add(QStringLiteral("pod list") + p, buildCommandLine(withPrefix(prefix, kube::ResourceWatcher::listArgs())),
            true);
        add(QStringLiteral("cluster round") + p,
            buildCommandLine(withPrefix(prefix, kube::ClusterPoller::pollArgs(true, true))), true);
        add(QStringLiteral("pod yaml") + p,
            buildCommandLine(withPrefix(prefix, kube::podYamlArgs(QStringLiteral("apps"), QStringLiteral("-rf")))),
            true);
        add(QStringLiteral("pod describe") + p,
            buildCommandLine(
                withPrefix(prefix, kube::podDescribeArgs(QStringLiteral("apps"), QStringLiteral("x;reboot")))),
            true);
        logs::LogRequest req;
        req.ns = QStringLiteral("apps");
        req.pod = QStringLiteral("api-scheduler-1");
        add(QStringLiteral("logs follow") + p, buildCommandLine(withPrefix(prefix, logs::LogStream::buildArgs(req))),
            true);
        req.previous = true;
        req.follow = false;
        add(QStringLiteral("logs previous") + p,
            buildCommandLine(withPrefix(prefix, logs::LogStream::buildArgs(req))), true);
        add(QStringLiteral("rollout workload") + p,
            buildCommandLine(withPrefix(prefix, actions::RolloutTracker::workloadArgs(
                                                    actions::ObjectKind::Deployment, QStringLiteral("quoter"),
                                                    QStringLiteral("apps")))),
            true);
        add(QStringLiteral("rollout pods") + p,
            buildCommandLine(withPrefix(prefix, actions::RolloutTracker::podsArgs(actions::ObjectKind::Deployment,
                                                                                  QStringLiteral("apps"),
                                                                                  QStringLiteral("app=quoter")))),
            true);
        // Every action is a change.
        for (const actions::ActionKind kind : {actions::ActionKind::Restart, actions::ActionKind::Undo,
                                               actions::ActionKind::Scale, actions::ActionKind::DeletePod}) {
            actions::ActionSpec spec;
            spec.kind = kind;
            spec.namespaceName = QStringLiteral("apps");
            spec.objectKind = kind == actions::ActionKind::DeletePod ? actions::ObjectKind::Pod
                                                                     : actions::ObjectKind::Deployment;
            spec.objectName = QStringLiteral("quoter");
            spec.replicas = 2;
            const Result<QString> line = actions::remoteCommandLine(prefix, spec);
            QVERIFY(line);
            add(QStringLiteral("action ") + actions::actionKindName(kind) + p, line.value(), false);
        }
    }
    add(QStringLiteral("kubectl with env"),
        buildCommandLine({QStringLiteral("env"), QStringLiteral("KUBECTL_COMMAND_HEADERS=false"),
                          QStringLiteral("kubectl"), QStringLiteral("get"), QStringLiteral("pods")}),
        true);
    add(QStringLiteral("unknown flag before the verb"),
        buildCommandLine({QStringLiteral("kubectl"), QStringLiteral("--as-group"), QStringLiteral("get"),
                          QStringLiteral("delete"), QStringLiteral("pod"), QStringLiteral("x")}),
        false);
    add(QStringLiteral("script of someone else's"),
        buildCommandLine({QStringLiteral("sh"), QStringLiteral("-c"), QStringLiteral("rm -rf ~"), QStringLiteral("sh")}),
        false);
    add(QStringLiteral("find -delete"),
        buildCommandLine({QStringLiteral("find"), QStringLiteral("/tmp"), QStringLiteral("-delete")}), false);
    add(QStringLiteral("journalctl --vacuum-size"),
        buildCommandLine({QStringLiteral("journalctl"), QStringLiteral("--vacuum-size=1M")}), false);
    add(QStringLiteral("touch"), buildCommandLine({QStringLiteral("touch"), QStringLiteral("/tmp/x")}), false);
    add(QStringLiteral("env with another program"),
        buildCommandLine({QStringLiteral("env"), QStringLiteral("A=1"), QStringLiteral("rm"), QStringLiteral("x")}),
        false);
    add(QStringLiteral("hand-written line"), QStringLiteral("cat /etc/hostname; reboot"), false);
}

void TestReadOnlyEverywhere::everyCommandHasItsRule()
{
    QFETCH(QString, line);
    QFETCH(bool, allowed);
    const Result<QString> rule = CommandGate::readOnlyRule(line);
    QVERIFY2(bool(rule) == allowed, qPrintable(rule ? rule.value() : rule.error().message));
    if (rule) {
        QVERIFY(!rule.value().isEmpty()); // allowed by a rule that says what it does
    } else {
        QCOMPARE(rule.error().code, QStringLiteral("action.read-only"));
        QVERIFY(rule.error().message.contains(QStringLiteral(": "))); // and why
        QVERIFY(!rule.error().hint.isEmpty());
    }
}

void TestReadOnlyEverywhere::refusedCommandNeverReachesTheServer()
{
    test::Sandbox sb;
    QVERIFY2(sb.start(), qPrintable(sb.errorString()));
    ssh::SshConnection conn;
    conn.setCommandGate(&CommandGate::readOnlyCheck);
    QSignalSpy connected(&conn, &ssh::SshConnection::connected);
    conn.open(sb.target());
    QTRY_COMPARE_WITH_TIMEOUT(connected.count(), 1, 20000);

    const QString marker = sb.dir() + QStringLiteral("/touched-by-a-read-only-profile");
    std::optional<ssh::ExitInfo> refused;
    ssh::SshChannel *ch = conn.exec(buildCommandLine({QStringLiteral("touch"), marker}));
    connect(ch, &ssh::SshChannel::finished, this, [&](const ssh::ExitInfo &e) { refused = e; });
    QTRY_VERIFY_WITH_TIMEOUT(refused.has_value(), 5000);
    QVERIFY(refused->error);
    QCOMPARE(refused->error->code, QStringLiteral("action.read-only"));

    // A reading command runs as usual on the same connection, and the refused one did nothing.
    std::optional<ssh::ExitInfo> read;
    QByteArray out;
    ch = conn.exec(buildCommandLine({QStringLiteral("id"), QStringLiteral("-u")}));
    connect(ch, &ssh::SshChannel::stdoutReady, this, [&](const QByteArray &b) { out += b; });
    connect(ch, &ssh::SshChannel::finished, this, [&](const ssh::ExitInfo &e) { read = e; });
    QTRY_VERIFY_WITH_TIMEOUT(read.has_value(), 15000);
    QVERIFY(read->success());
    QVERIFY(!out.trimmed().isEmpty());
    QVERIFY(!QFile::exists(marker));
}

QTEST_GUILESS_MAIN(TestReadOnlyEverywhere)
#include "test_read_only_everywhere.moc"
