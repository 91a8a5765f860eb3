// Snapshots of live SQLite databases: the pure planner and classifier, local
// verification, and the whole SnapshotJob run locally (LocalCommandRunner) on a
// database a writer process keeps changing.
#include "db/CommandRunner.h"
#include "db/DbDiscovery.h"
#include "db/DbErrors.h"
#include "db/SnapshotCache.h"
#include "db/SnapshotJob.h"
#include "db/SnapshotPlanner.h"
#include "db/SnapshotVerifier.h"
#include "db/SqlQuote.h"
#include "test_db_models.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace vigia;
using namespace vigia::db;

namespace {

// Runs SQL on a local file with the C API, returns the first column of the first row.
QString scalar(const QString &path, const char *sql)
{
    sqlite3 *h = nullptr;
    if (sqlite3_open_v2(QFile::encodeName(path).constData(), &h, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
        sqlite3_close(h);
        return QStringLiteral("<open failed>");
    }
    sqlite3_stmt *st = nullptr;
    QString v = QStringLiteral("<error>");
    if (sqlite3_prepare_v2(h, sql, -1, &st, nullptr) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
        v = QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(st, 0)));
    sqlite3_finalize(st);
    sqlite3_close(h);
    return v;
}

bool makeDb(const QString &path, int rows)
{
    QProcess p;
    p.start(QStringLiteral("python3"), {QStringLiteral(VIGIA_TEST_DATA_DIR "/writer.py"), path, QStringLiteral("--seconds"),
                                        QStringLiteral("0"), QStringLiteral("--seed-rows"), QString::number(rows)});
    return p.waitForFinished(30000) && p.exitCode() == 0;
}

SnapshotOutcome runJob(SnapshotJob &job, const SnapshotRequest &req, int timeoutMs = 60000)
{
    QSignalSpy spy(&job, &SnapshotJob::finished);
    const quint64 t = job.start(req);
    if (!spy.wait(timeoutMs) && spy.isEmpty()) {
        SnapshotOutcome o;
        o.error = makeError(QStringLiteral("timeout in test"));
        return o;
    }
    if (spy.first().at(0).toULongLong() != t) {
        SnapshotOutcome o;
        o.error = makeError(QStringLiteral("wrong token"));
        return o;
    }
    return spy.first().at(1).value<SnapshotOutcome>();
}

// A bin folder with the basic tools, optionally without sqlite3, optionally with a
// stand-in sudo and a stat/head that refuse paths containing "secret" unless run under it.
QString makeBin(const QString &dir, bool withSqlite, const QString &sudoMode = {})
{
    QDir().mkpath(dir);
    const QStringList tools{QStringLiteral("sh"), QStringLiteral("cat"), QStringLiteral("mktemp"),
                            QStringLiteral("chmod"), QStringLiteral("rm"), QStringLiteral("find"),
                            QStringLiteral("stat"), QStringLiteral("head"), QStringLiteral("sqlite3"),
                            QStringLiteral("id"), QStringLiteral("df"), QStringLiteral("tail")};
    for (const QString &t : tools) {
        if (t == QLatin1String("sqlite3") && !withSqlite)
            continue;
        const QString real = QStandardPaths::findExecutable(t);
        if (!sudoMode.isEmpty() && (t == QLatin1String("stat") || t == QLatin1String("head"))) {
            QFile f(dir + QLatin1Char('/') + t);
            f.open(QIODevice::WriteOnly);
            f.write(QStringLiteral("#!%1\ncase \"$*\" in *secret*) if [ -z \"$FAKE_SUDO\" ]; then "
                                   "echo \"%2: cannot open '$3': Permission denied\" >&2; exit 1; fi;; esac\nexec %3 \"$@\"\n")
                        .arg(QStandardPaths::findExecutable(QStringLiteral("sh")), t, real)
                        .toUtf8());
            f.close();
            f.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
            continue;
        }
        QFile::link(real, dir + QLatin1Char('/') + t);
    }
    if (!sudoMode.isEmpty()) {
        QFile f(dir + QStringLiteral("/sudo"));
        f.open(QIODevice::WriteOnly);
        const QString body = sudoMode == QLatin1String("ok")
                                 ? QStringLiteral("[ \"$1\" = -n ] && shift\nFAKE_SUDO=1 exec \"$@\"\n")
                                 : QStringLiteral("echo 'sudo: a password is required' >&2\nexit 1\n");
        f.write(QStringLiteral("#!%1\n").arg(QStandardPaths::findExecutable(QStringLiteral("sh"))).toUtf8() +
                body.toUtf8());
        f.close();
        f.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    }
    return dir;
}

} // namespace

class TestDb : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY2(!QStandardPaths::findExecutable(QStringLiteral("sqlite3")).isEmpty(), "the sqlite3 CLI is required");
        QVERIFY2(!QStandardPaths::findExecutable(QStringLiteral("python3")).isEmpty(), "python3 is required");
    }

    // ---- pure ----
    void sqlQuoting()
    {
        QCOMPARE(sqlQuoteString(QStringLiteral("it's")), QStringLiteral("'it''s'"));
        QCOMPARE(sqlQuoteIdentifier(QStringLiteral("a\"b")), QStringLiteral("\"a\"\"b\""));
        QCOMPARE(sqlEscapeLike(QStringLiteral("50%_\\")), QStringLiteral("50\\%\\_\\\\"));
    }

    void vacuumCommandQuotesTwice()
    {
        const QString target = QStringLiteral("/tmp/vigia-snap.AbC123/snapshot.db");
        QCOMPARE(SnapshotPlanner::vacuumSql(QStringLiteral("/x/it's.db")), QStringLiteral("VACUUM INTO '/x/it''s.db'"));
        const QString cmd = SnapshotPlanner::vacuumCommand(QStringLiteral("/data/a b/it's \"q\".db"), target, false);
        // The hostile source is one single-quoted shell word; the script is fixed text.
        QVERIFY(cmd.startsWith(QStringLiteral("sh -c 'umask 077")));
        QVERIFY(cmd.contains(QStringLiteral("sqlite3 -init /dev/null -readonly")));
        QVERIFY2(cmd.contains(QStringLiteral("rm -rf -- \"$d\"'\\'' EXIT")), qPrintable(cmd));
        QVERIFY(cmd.contains(QStringLiteral("'/data/a b/it'\\''s \"q\".db'")));
        QVERIFY(cmd.contains(QStringLiteral("'VACUUM INTO '\\''/tmp/vigia-snap.AbC123/snapshot.db'\\'''")));
        QVERIFY(SnapshotPlanner::vacuumCommand(QStringLiteral("/d.db"), target, true).startsWith(QStringLiteral("sudo -n sh -c ")));
        QCOMPARE(SnapshotPlanner::catCommand(QStringLiteral("-rf.db"), false), QStringLiteral("cat -- ./-rf.db"));
        QCOMPARE(SnapshotPlanner::cleanupCommand(QStringLiteral("/tmp/vigia-snap.x1"), true),
                 QStringLiteral("sudo -n rm -rf -- /tmp/vigia-snap.x1"));
        QVERIFY(SnapshotPlanner::tempDirCommand().startsWith(QStringLiteral("sh -c ")));
        QVERIFY(SnapshotPlanner::tempDirCommand().contains(QStringLiteral("mktemp -d -t vigia-snap.XXXXXXXX")));
        const QString vacuum = SnapshotPlanner::vacuumCommand(QStringLiteral("/d.db"), QStringLiteral("/t/s.db"), true);
        QVERIFY2(vacuum.contains(QStringLiteral("sqlite3 -init /dev/null -readonly")), qPrintable(vacuum));
    }

    void parseProbe()
    {
        QByteArray header("SQLite format 3\0\x10\0\x02\x02", 20);
        QByteArray out = "4096\n0\nsqlite3\n1000\n1001\nwal=0 shm=1\n" + header;
        auto r = SnapshotPlanner::parseProbe(out);
        QVERIFY(r.ok());
        QCOMPARE(r->size, 4096);
        QVERIFY(r->hasSqlite3);
        QVERIFY(r->looksLikeSqlite);
        QCOMPARE(r->ownerUid, 1000);
        QCOMPARE(r->ourUid, 1001);
        QVERIFY(!r->walExists);
        QVERIFY(r->shmExists);
        QCOMPARE(r->journal, JournalMode::Wal);
        header[18] = 1;
        header[19] = 1;
        QCOMPARE(SnapshotPlanner::parseProbe("4096\n0\nsqlite3\n0\n0\nwal=0 shm=0\n" + header)->journal,
                 JournalMode::Rollback);
        r = SnapshotPlanner::parseProbe("12\n33\nnosqlite3\n0\n0\nwal=1 shm=1\nhello world!");
        QVERIFY(r.ok());
        QCOMPARE(r->walSize, 33);
        QVERIFY(!r->hasSqlite3);
        QVERIFY(!r->looksLikeSqlite);
        QCOMPARE(r->journal, JournalMode::Unknown);
        QVERIFY(!SnapshotPlanner::parseProbe("12\n").ok());
        QVERIFY(!SnapshotPlanner::parseProbe("x\n0\nsqlite3\n0\n0\nwal=0 shm=0\n").ok());
        QVERIFY(!SnapshotPlanner::parseProbe("0\n0\nsqlite3\nroot\n0\nwal=0 shm=0\n").ok());
        // an empty file is a valid empty db
        QVERIFY(SnapshotPlanner::parseProbe("0\n0\nsqlite3\n0\n0\nwal=0 shm=0\n")->looksLikeSqlite);
    }

    // VACUUM INTO only where opening the file creates nothing and blocks no writer.
    void planNeverHarmsTheLiveFile()
    {
        ProbeResult p;
        p.hasSqlite3 = true;
        p.journal = JournalMode::Wal;
        p.walExists = p.shmExists = true; // the app has it open
        QCOMPARE(SnapshotPlanner::choosePlan(p, SnapshotMethod::Auto).method, SnapshotMethod::Sqlite3);
        QVERIFY(SnapshotPlanner::choosePlan(p, SnapshotMethod::Auto).reason.isEmpty());
        for (const auto &[wal, shm] : {std::pair{false, false}, std::pair{true, false}, std::pair{false, true}}) {
            p.walExists = wal;
            p.shmExists = shm;
            // Even when sqlite3 is asked for by name: opening would create the missing file.
            for (SnapshotMethod m : {SnapshotMethod::Auto, SnapshotMethod::Sqlite3}) {
                const SnapshotPlan plan = SnapshotPlanner::choosePlan(p, m);
                QCOMPARE(plan.method, SnapshotMethod::Copy);
                QVERIFY(plan.reason.contains(QStringLiteral("closed")));
            }
        }
        p.journal = JournalMode::Rollback;
        p.walExists = p.shmExists = false;
        QCOMPARE(SnapshotPlanner::choosePlan(p, SnapshotMethod::Auto).method, SnapshotMethod::Copy);
        QVERIFY(SnapshotPlanner::choosePlan(p, SnapshotMethod::Auto).reason.contains(QStringLiteral("rollback")));
        p.journal = JournalMode::Wal;
        p.walExists = p.shmExists = true;
        p.hasSqlite3 = false;
        QCOMPARE(SnapshotPlanner::choosePlan(p, SnapshotMethod::Auto).method, SnapshotMethod::Copy);
        QCOMPARE(SnapshotPlanner::choosePlan(p, SnapshotMethod::Copy).method, SnapshotMethod::Copy);
    }

    void refusesToFillTheServersDisk()
    {
        const auto space = SnapshotPlanner::parseFreeSpace(
            "/tmp/vigia-snap.Ab12Cd34\n/dev/vda1 10000000 8400000 1600000 84% /\n");
        QVERIFY(space.has_value());
        QCOMPARE(space->totalBytes, qint64(10000000) * 1024);
        QCOMPARE(space->availableBytes, qint64(1600000) * 1024);
        QVERIFY(SnapshotPlanner::checkRoomFor(qint64(500000) * 1024, *space, QStringLiteral("/tmp/x")).ok());
        const Result<void> full = SnapshotPlanner::checkRoomFor(qint64(700000) * 1024, *space, QStringLiteral("/tmp/x"));
        QVERIFY(!full.ok());
        QCOMPARE(full.error().code, QStringLiteral("db.tmp-full"));
        QVERIFY(full.error().message.contains(QStringLiteral("/tmp/x")));
        QVERIFY(!full.error().hint.isEmpty());
        QVERIFY(!SnapshotPlanner::parseFreeSpace("/tmp/vigia-snap.x\n").has_value());
        QVERIFY(!SnapshotPlanner::parseFreeSpace("/tmp/vigia-snap.x\ngarbage line\n").has_value());
    }

    void parseTempDir()
    {
        QCOMPARE(SnapshotPlanner::parseTempDir("/tmp/vigia-snap.Ab12Cd34\n").valueOr({}), QStringLiteral("/tmp/vigia-snap.Ab12Cd34"));
        QCOMPARE(SnapshotPlanner::parseTempDir("/tmp/vigia-snap.Ab12Cd34\n/dev/sda1 100 50 50 50% /\n").valueOr({}),
                 QStringLiteral("/tmp/vigia-snap.Ab12Cd34"));
        QVERIFY(!SnapshotPlanner::parseTempDir("/tmp/x'; rm -rf /\n").ok());
        QVERIFY(!SnapshotPlanner::parseTempDir("").ok());
        QVERIFY(!SnapshotPlanner::parseTempDir("relative/vigia-snap.x").ok());
        QVERIFY(!SnapshotPlanner::parseTempDir("/tmp/../etc/vigia-snap.x").ok());
    }

    void findCommand()
    {
        const QString c = SnapshotPlanner::findDatabasesCommand({QStringLiteral("/s/pvc-1_joledev_data")}, true);
        QCOMPARE(c, QStringLiteral("sudo -n find /s/pvc-1_joledev_data -maxdepth 2 -type f '(' -name '*.db' -o -name "
                                   "'*.sqlite' -o -name '*.sqlite3' ')' -print0"));
        QCOMPARE(SnapshotPlanner::parseFindOutput(QByteArray("/b.db\0/a\nb.sqlite\0", 17)),
                 (QStringList{QStringLiteral("/a\nb.sqlite"), QStringLiteral("/b.db")}));
    }

    void discoveryParsesClaims()
    {
        const QByteArray pvc = R"({"items":[
          {"metadata":{"name":"api-scheduler-data","namespace":"joledev"},"spec":{"volumeName":"pvc-1111"}},
          {"metadata":{"name":"api-quoter-data","namespace":"joledev"},"spec":{"volumeName":"pvc-2222"}},
          {"metadata":{"name":"pending","namespace":"joledev"},"spec":{}},
          {"metadata":{"name":"evil","namespace":"x/../.."},"spec":{"volumeName":"pvc-3"}},
          {"metadata":{"name":"cache","namespace":"kube-system"},"spec":{"volumeName":"pvc-4444"}}]})";
        const QByteArray pv = R"({"items":[{"metadata":{"name":"pvc-2222"},"spec":{"hostPath":{"path":"/data/q"}}}]})";
        auto v = DbDiscovery::parseVolumes(pvc, pv, QStringLiteral("/sb/storage"), {QStringLiteral("joledev")});
        QVERIFY(v.ok());
        QCOMPARE(v->size(), 2);
        QCOMPARE(v->at(0).dir, QStringLiteral("/sb/storage/pvc-1111_joledev_api-scheduler-data"));
        QCOMPARE(v->at(1).dir, QStringLiteral("/data/q")); // the PV's own path wins
        v = DbDiscovery::parseVolumes(pvc, {}, {});
        QVERIFY(v.ok());
        QCOMPARE(v->size(), 3);
        QCOMPARE(v->at(2).dir, QStringLiteral("/var/lib/rancher/k3s/storage/pvc-4444_kube-system_cache"));
        QVERIFY(!DbDiscovery::parseVolumes("not json", {}, {}).ok());
        DiscoveredDatabases found;
        found.files = {QStringLiteral("/s/pvc-2_joledev_api-quoter-data/quoter.db"),
                       QStringLiteral("/s/pvc-1_joledev_api-scheduler-data/scheduler.db")};
        DbDiscovery::guessRoles(found);
        QCOMPARE(found.appointmentsPath, found.files[1]);
        QCOMPARE(found.quotesPath, found.files[0]);
    }

    void classify_data()
    {
        QTest::addColumn<int>("exit");
        QTest::addColumn<QByteArray>("err");
        QTest::addColumn<bool>("sudoAllowed");
        QTest::addColumn<bool>("sudoTried");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("stat-perm") << 1 << QByteArray("stat: cannot statx '/s/a.db': Permission denied\n") << false
                                   << false << "db.permission-denied" << "sudo was not tried";
        QTest::newRow("perm-after-sudo") << 1 << QByteArray("head: cannot open '/s/a.db' for reading: Permission denied")
                                         << true << true << "db.permission-denied" << "even with sudo";
        QTest::newRow("sqlite-perm") << 1 << QByteArray("Error: unable to open database \"/s/a.db\": unable to open database file\n"
                                                         "Permission denied")
                                     << true << false << "db.permission-denied" << "sudo was not tried";
        QTest::newRow("missing") << 1 << QByteArray("stat: cannot statx '/s/a.db': No such file or directory")
                                 << false << false << "db.not-found" << "is not there";
        QTest::newRow("notadb") << 1 << QByteArray("Error: file is not a database") << false << false
                                << "db.not-a-database" << "not an SQLite database";
        QTest::newRow("malformed") << 11 << QByteArray("Error: database disk image is malformed") << false << false
                                   << "db.not-a-database" << "damaged";
        QTest::newRow("sudo-pw") << 1 << QByteArray("sudo: a password is required\n") << true << true
                                 << "db.sudo-password" << "NOPASSWD";
        QTest::newRow("no-sqlite3-bash") << 127 << QByteArray("sh: 1: sqlite3: not found\n") << false << false
                                         << "db.no-sqlite3" << "not installed";
        QTest::newRow("exit127") << 127 << QByteArray() << false << false << "db.no-sqlite3" << "not installed";
        QTest::newRow("locked") << 5 << QByteArray("Error: database is locked") << false << false << "db.busy" << "busy";
        QTest::newRow("nospace") << 1 << QByteArray("Error: database or disk is full") << false << false
                                 << "db.no-space" << "No space";
        QTest::newRow("other") << 9 << QByteArray("weird\nsecond line") << false << false << "db.remote-failed"
                               << "exit status 9";
    }
    void classify()
    {
        QFETCH(int, exit);
        QFETCH(QByteArray, err);
        QFETCH(bool, sudoAllowed);
        QFETCH(bool, sudoTried);
        QFETCH(QString, code);
        QFETCH(QString, mentions);
        const Error e = classifyRemoteFailure({SnapshotStep::Vacuum, QStringLiteral("/s/a.db"), sudoAllowed, sudoTried},
                                              exit, err);
        QCOMPARE(e.code, code);
        QVERIFY2(e.toString().contains(mentions), qPrintable(e.toString()));
        QVERIFY(!e.message.isEmpty());
    }

    // ---- local files ----
    void cacheIsPrivate()
    {
        QTemporaryDir tmp;
        SnapshotCache cache(QStringLiteral("my/../profile"), tmp.path());
        QVERIFY(cache.ensureDir().ok());
        QVERIFY(cache.dir().startsWith(tmp.path()));
        QVERIFY(!cache.dir().contains(QStringLiteral("..")));
        QCOMPARE(QFileInfo(cache.dir()).permissions() & (QFile::ReadOther | QFile::ReadGroup | QFile::WriteOther),
                 QFile::Permissions());
        QCOMPARE(SnapshotCache::labelFor(QStringLiteral("/a/scheduler.db")), SnapshotCache::labelFor(QStringLiteral("/a/scheduler.db")));
        QVERIFY(SnapshotCache::labelFor(QStringLiteral("/a/scheduler.db")) != SnapshotCache::labelFor(QStringLiteral("/b/scheduler.db")));
        const QDateTime now(QDate(2026, 11, 27), QTime(10, 0, 0));
        QCOMPARE(SnapshotCache::asOfText(QDateTime(QDate(2026, 11, 27), QTime(3, 12, 4)), now), QStringLiteral("as of 03:12:04"));
        QCOMPARE(SnapshotCache::ageText(now.addSecs(-300), now), QStringLiteral("5 min"));
    }

    void corruptFileRefused()
    {
        QTemporaryDir tmp;
        const QString good = tmp.filePath(QStringLiteral("good.db"));
        QVERIFY(makeDb(good, 3000));
        QVERIFY(SnapshotVerifier::verify(good).ok());
        // Not a database at all.
        const QString junk = tmp.filePath(QStringLiteral("junk.db"));
        QFile j(junk);
        QVERIFY(j.open(QIODevice::WriteOnly));
        j.write(QByteArray(8192, 'z'));
        j.close();
        auto r = SnapshotVerifier::verify(junk);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, QStringLiteral("db.not-a-database"));
        // A real database with damaged pages in the middle.
        QFile::copy(good, tmp.filePath(QStringLiteral("bad.db")));
        QFile b(tmp.filePath(QStringLiteral("bad.db")));
        QVERIFY(b.open(QIODevice::ReadWrite));
        QVERIFY(b.size() > 40000);
        b.seek(4096 * 3);
        b.write(QByteArray(4096 * 4, char(0x5a)));
        b.close();
        r = SnapshotVerifier::verifyAndInstall(tmp.filePath(QStringLiteral("bad.db")), tmp.filePath(QStringLiteral("final.db")));
        QVERIFY(!r.ok());
        QVERIFY2(r.error().code == QLatin1String("db.corrupt") || r.error().code == QLatin1String("db.not-a-database"),
                 qPrintable(r.error().code));
        QVERIFY(r.error().message.contains(QStringLiteral("refused")) || r.error().message.contains(QStringLiteral("not an SQLite")));
        QVERIFY(!QFile::exists(tmp.filePath(QStringLiteral("final.db")))); // never shown
        QVERIFY(!QFile::exists(tmp.filePath(QStringLiteral("bad.db"))));  // staging removed
    }

    void snapshotHostilePath()
    {
        QTemporaryDir tmp;
        const QString dir = tmp.filePath(QStringLiteral("it's a \"db\" $(touch pwned) dir"));
        QVERIFY(QDir().mkpath(dir));
        const QString src = dir + QStringLiteral("/-citas 'prod'.db");
        QVERIFY(makeDb(src, 500));
        LocalCommandRunner runner;
        SnapshotCache cache(QStringLiteral("hostile"), tmp.filePath(QStringLiteral("cache")));
        SnapshotJob job(&runner, cache);
        QSignalSpy progress(&job, &SnapshotJob::progress);
        SnapshotRequest req;
        req.remotePath = src;
        const SnapshotOutcome o = runJob(job, req);
        QVERIFY2(o.ok, qPrintable(o.error.toString()));
        // No writer has it open: copied, so nothing is created beside it.
        QCOMPARE(o.info.method, QStringLiteral("copy"));
        QCOMPARE(QDir(dir).entryList(QDir::Files), QStringList{QStringLiteral("-citas 'prod'.db")});
        QCOMPARE(scalar(o.info.localPath, "SELECT count(*) FROM appointments"), QStringLiteral("500"));
        QCOMPARE(QFileInfo(o.info.localPath).permissions() & ~(QFile::ReadOwner | QFile::WriteOwner | QFile::ReadUser | QFile::WriteUser),
                 QFile::Permissions());
        QVERIFY(!progress.isEmpty());
        QVERIFY(!QFile::exists(QDir::current().filePath(QStringLiteral("pwned"))));
        QVERIFY(!QFile::exists(dir + QStringLiteral("/pwned")));
        // The last snapshot reopens from the cache alone.
        auto again = cache.latest(o.info.label);
        QVERIFY(again.has_value());
        QCOMPARE(again->localPath, o.info.localPath);
        QCOMPARE(again->takenAt.toSecsSinceEpoch(), o.info.takenAt.toSecsSinceEpoch());
        QCOMPARE(again->remotePath, src);
    }

    void missingAndNotADatabase()
    {
        QTemporaryDir tmp;
        LocalCommandRunner runner;
        SnapshotJob job(&runner, SnapshotCache(QStringLiteral("p"), tmp.filePath(QStringLiteral("cache"))));
        SnapshotRequest req;
        req.remotePath = tmp.filePath(QStringLiteral("nope.db"));
        SnapshotOutcome o = runJob(job, req);
        QVERIFY(!o.ok);
        QCOMPARE(o.error.code, QStringLiteral("db.not-found"));
        const QString txt = tmp.filePath(QStringLiteral("notes.db"));
        QFile f(txt);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("just some text, definitely not sqlite\n");
        f.close();
        req.remotePath = txt;
        o = runJob(job, req);
        QVERIFY(!o.ok);
        QCOMPARE(o.error.code, QStringLiteral("db.not-a-database"));
    }

    void permissionDeniedSaysWhetherSudoWasTried()
    {
        QTemporaryDir tmp;
        const QString src = tmp.filePath(QStringLiteral("secret.db"));
        QVERIFY(makeDb(src, 100));
        SnapshotRequest req;
        req.remotePath = src;
        for (const QString &mode : {QStringLiteral("ok"), QStringLiteral("password")}) {
            LocalCommandRunner runner;
            QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
            env.insert(QStringLiteral("PATH"), makeBin(tmp.filePath(QStringLiteral("bin-") + mode), true, mode));
            runner.setEnvironment(env);
            SnapshotJob job(&runner, SnapshotCache(QStringLiteral("p"), tmp.filePath(QStringLiteral("cache"))));
            req.allowSudo = false;
            SnapshotOutcome o = runJob(job, req);
            QVERIFY(!o.ok);
            QCOMPARE(o.error.code, QStringLiteral("db.permission-denied"));
            QVERIFY2(o.error.message.contains(QStringLiteral("sudo was not tried")), qPrintable(o.error.message));
            req.allowSudo = true;
            o = runJob(job, req);
            if (mode == QLatin1String("ok")) {
                QVERIFY2(o.ok, qPrintable(o.error.toString()));
                QVERIFY(o.sudoUsed);
            } else {
                QVERIFY(!o.ok);
                QCOMPARE(o.error.code, QStringLiteral("db.sudo-password"));
            }
        }
    }

    // The copy fallback's guard: appends to the WAL leave the fingerprint alone
    // (a copy then holds a consistent prefix); a checkpoint changes it.
    void fingerprintSeesCheckpoints()
    {
        QTemporaryDir tmp;
        const QString path = tmp.filePath(QStringLiteral("it's a db.db"));
        sqlite3 *db = nullptr;
        QCOMPARE(sqlite3_open(QFile::encodeName(path).constData(), &db), SQLITE_OK);
        auto exec = [db](const char *sql) { return sqlite3_exec(db, sql, nullptr, nullptr, nullptr) == SQLITE_OK; };
        QVERIFY(exec("PRAGMA journal_mode=WAL"));
        QVERIFY(exec("PRAGMA wal_autocheckpoint=0"));
        QVERIFY(exec("CREATE TABLE t(x)"));
        QVERIFY(exec("PRAGMA wal_checkpoint(TRUNCATE)"));
        QVERIFY(exec("INSERT INTO t VALUES (1)"));
        auto fingerprint = [&path] {
            QProcess sh;
            sh.start(QStringLiteral("sh"), {QStringLiteral("-c"), SnapshotPlanner::fingerprintCommand(path, false)});
            if (!sh.waitForFinished(10000) || sh.exitCode() != 0)
                return QByteArray("failed");
            return sh.readAllStandardOutput();
        };
        const QByteArray first = fingerprint();
        QVERIFY(first != "failed");
        QVERIFY(first.size() > 32);
        QTest::qWait(20); // an mtime a checkpoint would change is not the same nanosecond
        QVERIFY(exec("INSERT INTO t VALUES (2)"));
        QCOMPARE(fingerprint(), first); // appended to the WAL only
        QVERIFY(exec("PRAGMA wal_checkpoint(TRUNCATE)"));
        QVERIFY(exec("INSERT INTO t VALUES (3)"));
        QVERIFY(fingerprint() != first); // the file was written, the WAL restarted
        sqlite3_close(db);
    }

    void fallbackWithoutSqlite3()
    {
        QTemporaryDir tmp;
        const QString src = tmp.filePath(QStringLiteral("quoter db.db"));
        QProcess writer;
        writer.start(QStringLiteral("python3"), {QStringLiteral(VIGIA_TEST_DATA_DIR "/writer.py"), src,
                                                 QStringLiteral("--seconds"), QStringLiteral("20")});
        QVERIFY(writer.waitForReadyRead(20000));
        LocalCommandRunner runner;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("PATH"), makeBin(tmp.filePath(QStringLiteral("bin")), false));
        runner.setEnvironment(env);
        SnapshotJob job(&runner, SnapshotCache(QStringLiteral("p"), tmp.filePath(QStringLiteral("cache"))));
        SnapshotRequest req;
        req.remotePath = src;
        for (int i = 0; i < 3; ++i) {
            const SnapshotOutcome o = runJob(job, req);
            QVERIFY2(o.ok, qPrintable(o.error.toString()));
            QCOMPARE(o.info.method, QStringLiteral("copy"));
            QCOMPARE(scalar(o.info.localPath, "PRAGMA quick_check"), QStringLiteral("ok"));
            QCOMPARE(scalar(o.info.localPath, "SELECT n FROM counter"),
                     scalar(o.info.localPath, "SELECT count(*) FROM appointments"));
            QVERIFY(!QFile::exists(o.info.localPath + QStringLiteral("-wal")));
        }
        writer.kill();
        writer.waitForFinished(5000);
    }

    // The issue's consistency test, run locally: 20 snapshots while a writer
    // inserts a row every 10 ms; each is whole and a consistent prefix.
    void twentySnapshotsWhileWriting()
    {
        QTemporaryDir tmp;
        const QString src = tmp.filePath(QStringLiteral("scheduler.db"));
        QProcess writer;
        writer.start(QStringLiteral("python3"), {QStringLiteral(VIGIA_TEST_DATA_DIR "/writer.py"), src,
                                                 QStringLiteral("--seconds"), QStringLiteral("90"),
                                                 QStringLiteral("--seed-rows"), QStringLiteral("20000")});
        QVERIFY(writer.waitForReadyRead(30000));
        LocalCommandRunner runner;
        SnapshotJob job(&runner, SnapshotCache(QStringLiteral("p"), tmp.filePath(QStringLiteral("cache"))));
        SnapshotRequest req;
        req.remotePath = src;
        qint64 previous = -1;
        int grew = 0;
        for (int i = 0; i < 20; ++i) {
            const SnapshotOutcome o = runJob(job, req);
            QVERIFY2(o.ok, qPrintable(QStringLiteral("snapshot %1: %2").arg(i).arg(o.error.toString())));
            QCOMPARE(o.attempts, 1);
            QCOMPARE(o.info.method, QStringLiteral("vacuum-into")); // open by its app: -wal and -shm exist
            QCOMPARE(scalar(o.info.localPath, "PRAGMA quick_check"), QStringLiteral("ok"));
            const QString n = scalar(o.info.localPath, "SELECT n FROM counter");
            QCOMPARE(n, scalar(o.info.localPath, "SELECT count(*) FROM appointments"));
            QVERIFY(n.toLongLong() >= previous);
            grew += n.toLongLong() > previous ? 1 : 0;
            previous = n.toLongLong();
            QTest::qWait(30);
        }
        QVERIFY2(writer.state() == QProcess::Running, "the writer must still be writing");
        QVERIFY2(grew >= 15, "the database kept changing between snapshots");
        writer.kill();
        writer.waitForFinished(5000);
    }

    // The 3 AM case: the app is stopped, its WAL database has no -wal or -shm, the folder is
    // 0777 (local-path), and the SSH user is not the database's owner. Opening the file with
    // sqlite3 would leave -wal and -shm owned by the SSH user, and the app's next INSERT would
    // fail with "attempt to write a readonly database". After a snapshot the owner still writes,
    // and the folder holds exactly what it held.
    void closedDatabaseOfAnotherUserStaysWritable()
    {
        if (::geteuid() != 0)
            QSKIP("needs root to act as two users (CI and the sandbox run as root)");
        QTemporaryDir tmp;
        // The other users must reach the folder; QTemporaryDir makes it 0700.
        QVERIFY(::chmod(QFile::encodeName(tmp.path()).constData(), 0755) == 0);
        const QString pvc = tmp.filePath(QStringLiteral("pvc-1_clients_scheduler-data"));
        QVERIFY(QDir().mkpath(pvc));
        QVERIFY(::chmod(QFile::encodeName(pvc).constData(), 0777) == 0);
        const QString src = pvc + QStringLiteral("/scheduler.db");
        // The app's user creates the database and closes it (WAL mode: no -wal, no -shm left).
        auto asUser = [](const QString &user, const QStringList &argv) {
            QProcess p;
            // Numeric: Debian's nobody is 65534:65534 (its group is "nogroup").
            p.start(QStringLiteral("setpriv"), QStringList{QStringLiteral("--reuid=") + user,
                                                           QStringLiteral("--regid=") + user,
                                                           QStringLiteral("--clear-groups"), QStringLiteral("--")} +
                                                   argv);
            p.waitForFinished(30000);
            return p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0 ? QString()
                                                                             : QString::fromUtf8(p.readAllStandardError());
        };
        // The system's python and a copy of the writer: a per-user python or a checkout under /root
        // is out of the other users' reach.
        const QString writer = tmp.filePath(QStringLiteral("writer.py"));
        QVERIFY(QFile::copy(QStringLiteral(VIGIA_TEST_DATA_DIR "/writer.py"), writer));
        QVERIFY(QFile::setPermissions(writer, QFile::ReadOwner | QFile::ReadOther | QFile::ReadGroup));
        QCOMPARE(asUser(QStringLiteral("65534"), {QStringLiteral("/usr/bin/python3"), writer,
                                                   src, QStringLiteral("--seconds"), QStringLiteral("0"),
                                                   QStringLiteral("--seed-rows"), QStringLiteral("300")}),
                 QString());
        const QStringList before = QDir(pvc).entryList(QDir::Files | QDir::Hidden);
        QCOMPARE(before, QStringList{QStringLiteral("scheduler.db")});

        // Every remote command runs as another unprivileged user ("daemon"), as an SSH login would.
        const QString bin = tmp.filePath(QStringLiteral("bin"));
        QVERIFY(QDir().mkpath(bin));
        const QString shell = QStandardPaths::findExecutable(QStringLiteral("sh"));
        for (const QString &t : {QStringLiteral("sh"), QStringLiteral("cat"), QStringLiteral("mktemp"), QStringLiteral("rm"),
                                 QStringLiteral("stat"), QStringLiteral("head"), QStringLiteral("sqlite3"),
                                 QStringLiteral("id"), QStringLiteral("df"), QStringLiteral("tail")}) {
            const QString real = QStandardPaths::findExecutable(t);
            QVERIFY2(!real.isEmpty(), qPrintable(t));
            QFile f(bin + QLatin1Char('/') + t);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(QStringLiteral("#!%1\nif [ \"$(/usr/bin/id -u)\" = 0 ]; then exec /usr/bin/setpriv --reuid=1 "
                                   "--regid=1 --clear-groups -- %2 \"$@\"; fi\nexec %2 \"$@\"\n")
                        .arg(shell, real)
                        .toUtf8());
            f.close();
            QVERIFY(f.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadOther |
                                     QFile::ExeOther));
        }
        LocalCommandRunner runner;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("PATH"), bin);
        env.insert(QStringLiteral("TMPDIR"), QStringLiteral("/tmp"));
        runner.setEnvironment(env);
        SnapshotJob job(&runner, SnapshotCache(QStringLiteral("p"), tmp.filePath(QStringLiteral("cache"))));
        QSignalSpy stages(&job, &SnapshotJob::stageChanged);
        SnapshotRequest req;
        req.remotePath = src;
        const SnapshotOutcome o = runJob(job, req);
        QVERIFY2(o.ok, qPrintable(o.error.toString()));
        // The harm first: the owner's next write, and what the folder holds.
        QCOMPARE(asUser(QStringLiteral("65534"),
                        {QStringLiteral("sqlite3"), src,
                         QStringLiteral("INSERT INTO appointments(name, startsAt) VALUES ('after', '2026-12-04')")}),
                 QString());
        QCOMPARE(QDir(pvc).entryList(QDir::Files | QDir::Hidden), before);
        QCOMPARE(o.info.method, QStringLiteral("copy"));
        QCOMPARE(scalar(o.info.localPath, "SELECT count(*) FROM appointments"), QStringLiteral("300"));
        bool said = false;
        for (const QList<QVariant> &st : stages)
            said = said || st.at(1).toString().contains(QStringLiteral("closed"));
        QVERIFY2(said, "the user is told why the snapshot was copied");
        QCOMPARE(scalar(src, "PRAGMA quick_check"), QStringLiteral("ok"));
    }

    // What a snapshot that died with its connection left behind goes at the next session's first
    // snapshot; a fresh folder (another instance's, mid-snapshot) and other files stay.
    void staleSnapshotFoldersAreSwept()
    {
        QTemporaryDir tmp;
        const QString remoteTmp = tmp.filePath(QStringLiteral("server-tmp"));
        QVERIFY(QDir().mkpath(remoteTmp + QStringLiteral("/vigia-snap.OLD12345")));
        QVERIFY(QDir().mkpath(remoteTmp + QStringLiteral("/vigia-snap.NEW12345")));
        QVERIFY(QDir().mkpath(remoteTmp + QStringLiteral("/other.OLD")));
        QFile leftover(remoteTmp + QStringLiteral("/vigia-snap.OLD12345/snapshot.db"));
        QVERIFY(leftover.open(QIODevice::WriteOnly));
        leftover.write(QByteArray(4096, 'x'));
        leftover.close();
        for (const QString &d : {QStringLiteral("/vigia-snap.OLD12345"), QStringLiteral("/other.OLD")})
            QCOMPARE(QProcess::execute(QStringLiteral("touch"),
                                       {QStringLiteral("-d"), QStringLiteral("3 hours ago"), remoteTmp + d}),
                     0);
        const QString src = tmp.filePath(QStringLiteral("a.db"));
        QVERIFY(makeDb(src, 10));
        LocalCommandRunner runner;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("TMPDIR"), remoteTmp);
        runner.setEnvironment(env);
        SnapshotJob job(&runner, SnapshotCache(QStringLiteral("p"), tmp.filePath(QStringLiteral("cache"))));
        SnapshotRequest req;
        req.remotePath = src;
        const SnapshotOutcome o = runJob(job, req);
        QVERIFY2(o.ok, qPrintable(o.error.toString()));
        QTRY_VERIFY_WITH_TIMEOUT(!QFile::exists(remoteTmp + QStringLiteral("/vigia-snap.OLD12345")), 10000);
        QVERIFY(QFile::exists(remoteTmp + QStringLiteral("/vigia-snap.NEW12345")));
        QVERIFY(QFile::exists(remoteTmp + QStringLiteral("/other.OLD")));
    }

    // Two Vigía instances on one profile snapshot the same database at once: each stages in a
    // file of its own, both finish whole, and the cache holds one good copy.
    void twoInstancesOnOneProfile()
    {
        QTemporaryDir tmp;
        const QString src = tmp.filePath(QStringLiteral("two.db"));
        // Live, so the two copies differ: interleaved in one file they would not be a database.
        QProcess writer;
        writer.start(QStringLiteral("python3"), {QStringLiteral(VIGIA_TEST_DATA_DIR "/writer.py"), src,
                                                 QStringLiteral("--seconds"), QStringLiteral("60"),
                                                 QStringLiteral("--seed-rows"), QStringLiteral("20000")});
        QVERIFY(writer.waitForReadyRead(30000));
        const QString cacheDir = tmp.filePath(QStringLiteral("cache"));
        LocalCommandRunner r1, r2;
        SnapshotJob a(&r1, SnapshotCache(QStringLiteral("p"), cacheDir));
        SnapshotJob b(&r2, SnapshotCache(QStringLiteral("p"), cacheDir));
        QSignalSpy doneA(&a, &SnapshotJob::finished), doneB(&b, &SnapshotJob::finished);
        SnapshotRequest req;
        req.remotePath = src;
        req.maxAttempts = 1; // a torn copy must show, not be retried away
        for (int round = 0; round < 4; ++round) {
            doneA.clear();
            doneB.clear();
            a.start(req);
            QTest::qWait(5);
            b.start(req);
            QTRY_VERIFY_WITH_TIMEOUT(doneA.size() == 1 && doneB.size() == 1, 60000);
            for (QSignalSpy *spy : {&doneA, &doneB}) {
                const SnapshotOutcome o = spy->first().at(1).value<SnapshotOutcome>();
                QVERIFY2(o.ok, qPrintable(QStringLiteral("round %1: %2").arg(round).arg(o.error.toString())));
                QCOMPARE(scalar(o.info.localPath, "PRAGMA quick_check"), QStringLiteral("ok"));
            }
        }
        writer.kill();
        writer.waitForFinished(5000);
        QVERIFY(QDir(cacheDir).entryList({QStringLiteral("*.part.db*")}, QDir::Files).isEmpty());
    }

    void cancelDropsResultAndCleansUp()
    {
        QTemporaryDir tmp;
        const QString src = tmp.filePath(QStringLiteral("big.db"));
        QVERIFY(makeDb(src, 50000));
        LocalCommandRunner runner;
        SnapshotCache cache(QStringLiteral("p"), tmp.filePath(QStringLiteral("cache")));
        SnapshotJob job(&runner, cache);
        QSignalSpy spy(&job, &SnapshotJob::finished);
        SnapshotRequest req;
        req.remotePath = src;
        const quint64 t1 = job.start(req);
        job.cancel();
        QCOMPARE(spy.size(), 1);
        QCOMPARE(spy.first().at(0).toULongLong(), t1);
        QVERIFY(spy.first().at(1).value<SnapshotOutcome>().cancelled);
        // A restart gets a new token and its own result; nothing stale arrives.
        const quint64 t2 = job.start(req);
        QVERIFY(t2 != t1);
        QVERIFY(spy.wait(60000));
        QTest::qWait(200);
        QCOMPARE(spy.size(), 2);
        QCOMPARE(spy.at(1).at(0).toULongLong(), t2);
        QVERIFY(spy.at(1).at(1).value<SnapshotOutcome>().ok);
        // No staging file is left, of either run.
        QVERIFY2(QDir(tmp.filePath(QStringLiteral("cache"))).entryList({QStringLiteral("*.part.db*")}, QDir::Files).isEmpty(),
                 qPrintable(QDir(tmp.filePath(QStringLiteral("cache"))).entryList(QDir::Files).join(',')));
    }
};

// One executable for the area, two test classes: snapshots, then models.
int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QTEST_SET_MAIN_SOURCE_PATH
    // Named functions run in the class that has them; options go to both.
    auto argsFor = [&](QObject *test) {
        QStringList args{QString::fromLocal8Bit(argv[0])};
        bool named = false, mine = false;
        for (int i = 1; i < argc; ++i) {
            const QString a = QString::fromLocal8Bit(argv[i]);
            if (a.startsWith(QLatin1Char('-'))) {
                args << a;
                continue;
            }
            named = true;
            const QString fn = a.section(QLatin1Char(':'), 0, 0);
            if (test->metaObject()->indexOfMethod(QString(fn + QStringLiteral("()")).toLatin1().constData()) >= 0) {
                args << a;
                mine = true;
            }
        }
        return (named && !mine) ? QStringList() : args;
    };
    int status = 0;
    TestDb snapshots;
    TestDbModels models;
    for (QObject *t : {static_cast<QObject *>(&snapshots), static_cast<QObject *>(&models)}) {
        const QStringList args = argsFor(t);
        if (!args.isEmpty())
            status |= QTest::qExec(t, args);
    }
    return status;
}
#include "test_db.moc"
