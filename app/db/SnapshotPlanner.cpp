#include "db/SnapshotPlanner.h"

#include "db/SqlQuote.h"
#include "remote/CommandGate.h"
#include "remote/ShellQuote.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace vigia::db {

using remote::buildCommandLine;

namespace {

// Fixed scripts; every value reaches them as a positional argument ("$1"),
// never pasted into the script text.
// Lines: size, -wal size, sqlite3 or not, the file's owner uid, our uid, which of -wal and -shm
// exist; then the first 100 header bytes (the magic, and bytes 18-19: 1 = rollback journal,
// 2 = WAL). What exists beside the file decides whether opening it would create anything there.
const QString kProbeScript = QStringLiteral(
    "stat -c %s -- \"$1\" || exit 2; "
    "stat -c %s -- \"$1-wal\" 2>/dev/null || echo 0; "
    "if command -v sqlite3 >/dev/null 2>&1; then echo sqlite3; else echo nosqlite3; fi; "
    "stat -c %u -- \"$1\"; id -u; "
    "w=0; s=0; [ -e \"$1-wal\" ] && w=1; [ -e \"$1-shm\" ] && s=1; echo \"wal=$w shm=$s\"; "
    "head -c 100 -- \"$1\" || exit 3");

// The folder, then its filesystem's line from df (1K blocks), to refuse a copy that would fill it.
const QString kTempDirScript = QStringLiteral(
    "d=$(mktemp -d -t vigia-snap.XXXXXXXX) || exit 1; echo \"$d\"; df -Pk -- \"$d\" | tail -n 1");

// The snapshot on the server is one process from copy to download: VACUUM INTO a file in the
// folder made by tempDirCommand, then the file on stdout, and the folder removed by the EXIT trap
// however the script ends. A dropped connection ends it too: the wrapper's watcher (or the
// reconnect's leftover sweep) sends TERM, and the TERM, HUP and INT traps stop sqlite3 or cat and
// exit, which runs the EXIT trap. Only SIGKILL skips the trap; the stale-folder sweep on connect
// catches that. sqlite3 and cat run in the background and are waited for, because a shell runs a
// trap only after its foreground command ends: a cancel under sudo (which relays TERM to this
// shell, not to its root children) must stop sqlite3 at once, not after the VACUUM.
// -init /dev/null: no ~/.sqliterc of the server's user applies. umask 077: the copy is 0600.
// Each trap first ignores TERM, HUP and INT: the watcher's TERM goes to the whole group, and
// must not kill the EXIT trap's rm (which inherits the ignoring) half-way.
// The folder must be a vigia-snap.* one: nothing else is ever removed.
const QString kVacuumScript = QStringLiteral(
    "umask 077\n"
    "d=${3%/*}; case ${d##*/} in vigia-snap.?*) ;; *) echo 'not a snapshot folder' >&2; exit 2;; esac\n"
    "s=\n"
    "trap 'trap \"\" TERM HUP INT; rm -rf -- \"$d\"' EXIT\n"
    "trap 'trap \"\" TERM HUP INT; [ -n \"$s\" ] && kill $s 2>/dev/null; exit 143' TERM\n"
    "trap 'trap \"\" TERM HUP INT; [ -n \"$s\" ] && kill $s 2>/dev/null; exit 129' HUP\n"
    "trap 'trap \"\" TERM HUP INT; [ -n \"$s\" ] && kill $s 2>/dev/null; exit 130' INT\n"
    "sqlite3 -init /dev/null -readonly -bail -cmd '.timeout 5000' \"$1\" \"$2\" </dev/null & s=$!\n"
    "wait $s; r=$?; s=\n"
    "[ $r -eq 0 ] || exit $r\n"
    "cat -- \"$3\" </dev/null & s=$!\n"
    "wait $s; r=$?; s=\n"
    "exit $r\n");

// What a copy without sqlite3 must find unchanged before and after it: in WAL
// mode the database file is written only by checkpoints (its size and mtime,
// to the nanosecond, say whether one ran), and a checkpoint that restarts the
// WAL rewrites its header (new salts; its 32 raw bytes are compared). Only
// stat and head, which the probe needs already. Appends to the WAL change neither: a
// copy of the file and then of a longer WAL is still a consistent prefix.
// A rollback-journal database being written has a -journal beside it: its name is printed, so
// a copy made meanwhile is refused.
const QString kFingerprintScript = QStringLiteral(
    "stat -c '%s %y' -- \"$1\" || exit 2; "
    "if [ -e \"$1-journal\" ]; then echo journal; fi; "
    "if [ -e \"$1-wal\" ]; then head -c 32 -- \"$1-wal\"; else echo nowal; fi");

const QString kCatIfExistsScript = QStringLiteral(
    "if [ -e \"$1\" ]; then exec cat -- \"$1\"; fi");

const QByteArray kSqliteMagic("SQLite format 3\0", 16);

const QString kSweepStaleScript = QStringLiteral(
    "find \"${TMPDIR:-/tmp}/\" -maxdepth 1 -type d -name 'vigia-snap.*' "
    "-user \"$(id -u)\" -mmin +120 -exec rm -rf -- {} + 2>/dev/null; true");

// What read-only mode allows of these scripts, and why (remote/CommandGate.h).
bool onePath(const QStringList &a)
{
    return a.size() == 2;
}
[[maybe_unused]] const bool kDeclared = [] {
    using remote::CommandGate;
    const auto tr = [](const char *t) { return QCoreApplication::translate("SnapshotPlanner", t); };
    CommandGate::declareScript(kProbeScript, tr("reads the database file's size, owner and first bytes"), true,
                               onePath);
    CommandGate::declareScript(kFingerprintScript, tr("reads the database file's size and time and the WAL's header"),
                               true, onePath);
    CommandGate::declareScript(kCatIfExistsScript, tr("reads a file beside the database"), true, onePath);
    CommandGate::declareScript(kTempDirScript,
                               tr("makes a private temporary folder of the SSH user's own, and reads its free space"),
                               false, [](const QStringList &a) { return a.size() == 1; });
    CommandGate::declareScript(
        kVacuumScript,
        tr("copies the database, opened read-only, into Vigía's own temporary folder, sends the copy and removes "
           "the folder"),
        true,
        [](const QStringList &a) {
            if (a.size() != 4)
                return false;
            const QString &target = a.at(3);
            const qsizetype slash = target.lastIndexOf(QLatin1Char('/'));
            return slash > 0 && CommandGate::isSnapshotTempDir(target.left(slash)) &&
                   a.at(2) == SnapshotPlanner::vacuumSql(target);
        });
    CommandGate::declareScript(kSweepStaleScript,
                               tr("removes the SSH user's own snapshot folders left over two hours ago"), false,
                               [](const QStringList &a) { return a.size() == 1; });
    return true;
}();

} // namespace

QStringList SnapshotPlanner::sudoPrefix(bool sudo)
{
    return sudo ? QStringList{QStringLiteral("sudo"), QStringLiteral("-n")} : QStringList{};
}

QString SnapshotPlanner::safePath(const QString &path)
{
    if (path.startsWith(QLatin1Char('/')) || path.startsWith(QStringLiteral("./")))
        return path;
    return QStringLiteral("./") + path;
}

QString SnapshotPlanner::probeCommand(const QString &dbPath, bool sudo)
{
    return buildCommandLine(sudoPrefix(sudo) + QStringList{QStringLiteral("sh"), QStringLiteral("-c"), kProbeScript,
                                                           QStringLiteral("sh"), safePath(dbPath)});
}

Result<ProbeResult> SnapshotPlanner::parseProbe(const QByteArray &out)
{
    // Six text lines, then up to 100 raw header bytes.
    qsizetype pos = 0;
    QList<QByteArray> lines;
    for (int i = 0; i < 6; ++i) {
        const qsizetype nl = out.indexOf('\n', pos);
        if (nl < 0)
            return makeError(QCoreApplication::translate(
                                 "SnapshotPlanner", "Unexpected answer from the server while checking the database file."),
                             {}, QStringLiteral("db.protocol"));
        lines << out.mid(pos, nl - pos).trimmed();
        pos = nl + 1;
    }
    ProbeResult r;
    bool ok1 = false, ok2 = false, ok3 = false, ok4 = false;
    r.size = lines[0].toLongLong(&ok1);
    r.walSize = lines[1].toLongLong(&ok2);
    r.ownerUid = lines[3].toLongLong(&ok3);
    r.ourUid = lines[4].toLongLong(&ok4);
    if (!ok1 || !ok2 || !ok3 || !ok4 || r.size < 0 || r.walSize < 0)
        return makeError(QCoreApplication::translate("SnapshotPlanner", "Unexpected file size from the server."), {},
                         QStringLiteral("db.protocol"));
    r.hasSqlite3 = lines[2] == "sqlite3";
    r.walExists = lines[5].contains("wal=1");
    r.shmExists = lines[5].contains("shm=1");
    const QByteArray header = out.mid(pos);
    r.looksLikeSqlite = (r.size == 0 && header.isEmpty()) || header.startsWith(kSqliteMagic);
    if (header.size() >= 20) {
        const auto write = quint8(header.at(18)), read = quint8(header.at(19));
        if (write == 2 && read == 2)
            r.journal = JournalMode::Wal;
        else if (write == 1 && read == 1)
            r.journal = JournalMode::Rollback;
    }
    return r;
}

SnapshotPlan SnapshotPlanner::choosePlan(const ProbeResult &probe, SnapshotMethod requested)
{
    if (requested == SnapshotMethod::Copy)
        return {SnapshotMethod::Copy, {}};
    // SQLite creates -wal and -shm beside a WAL database that no connection has open, owned by
    // whoever opens it: as another user (or root under sudo) that locks the app out of writing.
    // A copy creates nothing on the server.
    if (probe.journal == JournalMode::Wal && (!probe.walExists || !probe.shmExists))
        return {SnapshotMethod::Copy,
                QCoreApplication::translate("SnapshotPlanner", "The app has the database closed, and opening it would create files beside it: copying it "
                    "instead.")};
    // A reader of a rollback-journal database holds its lock as long as it reads: the whole VACUUM,
    // during which the app cannot write. A copy, checked before and after, holds none.
    if (probe.journal == JournalMode::Rollback)
        return {SnapshotMethod::Copy,
                QCoreApplication::translate("SnapshotPlanner", "The database uses a rollback journal, where a snapshot would block the app's writes: "
                    "copying it instead.")};
    if (requested == SnapshotMethod::Sqlite3 || probe.hasSqlite3)
        return {SnapshotMethod::Sqlite3, {}};
    return {SnapshotMethod::Copy, {}};
}

QString SnapshotPlanner::tempDirCommand()
{
    return buildCommandLine({QStringLiteral("sh"), QStringLiteral("-c"), kTempDirScript, QStringLiteral("sh")});
}

Result<QString> SnapshotPlanner::parseTempDir(const QByteArray &out)
{
    const QString dir = QString::fromUtf8(out.left(out.indexOf('\n') < 0 ? out.size() : out.indexOf('\n'))).trimmed();
    // mktemp names are plain; anything else is not what we asked for, and the
    // name ends up inside an SQL literal and an rm -rf.
    static const QRegularExpression re(QStringLiteral("^/[A-Za-z0-9._/-]*vigia-snap\\.[A-Za-z0-9]+$"));
    if (!re.match(dir).hasMatch() || dir.contains(QStringLiteral("/../")))
        return makeError(QCoreApplication::translate("SnapshotPlanner",
                                                     "The server's mktemp returned an unexpected folder name."),
                         dir, QStringLiteral("db.protocol"));
    return dir;
}

std::optional<DiskSpace> SnapshotPlanner::parseFreeSpace(const QByteArray &out)
{
    // "Filesystem 1024-blocks Used Available Capacity Mounted-on" (POSIX df -P), on the line after the folder.
    const QList<QByteArray> lines = out.trimmed().split('\n');
    if (lines.size() < 2)
        return std::nullopt;
    const QList<QByteArray> f = lines.last().simplified().split(' ');
    if (f.size() < 6)
        return std::nullopt;
    bool ok1 = false, ok2 = false;
    DiskSpace d;
    d.totalBytes = f.at(1).toLongLong(&ok1) * 1024;
    d.availableBytes = f.at(3).toLongLong(&ok2) * 1024;
    if (!ok1 || !ok2 || d.totalBytes <= 0)
        return std::nullopt;
    return d;
}

Result<void> SnapshotPlanner::checkRoomFor(qint64 bytes, const DiskSpace &space, const QString &dir)
{
    // A full /tmp can stop the server's own services; keep a tenth of the disk free.
    const qint64 after = space.availableBytes - bytes;
    if (after * 10 >= space.totalBytes)
        return {};
    const auto mb = [](qint64 b) { return QString::number(double(b) / (1024.0 * 1024.0), 'f', 1); };
    return makeError(
        QCoreApplication::translate("SnapshotPlanner",
                                    "Not enough room on the server for a snapshot: %1 MB free in %2, and a %3 MB "
                                    "copy would leave less than 10 % of that disk free.")
            .arg(mb(space.availableBytes), dir, mb(bytes)),
        QCoreApplication::translate("SnapshotPlanner",
                                    "Free some space on the server (or point TMPDIR at a larger disk for the SSH "
                                    "user), then take the snapshot again. Nothing was written."),
        QStringLiteral("db.tmp-full"));
}

QString SnapshotPlanner::vacuumSql(const QString &targetFile)
{
    return QStringLiteral("VACUUM INTO ") + sqlQuoteString(targetFile);
}

QString SnapshotPlanner::vacuumCommand(const QString &dbPath, const QString &targetFile, bool sudo)
{
    return buildCommandLine(sudoPrefix(sudo) + QStringList{QStringLiteral("sh"), QStringLiteral("-c"), kVacuumScript,
                                                           QStringLiteral("sh"), safePath(dbPath),
                                                           vacuumSql(targetFile), targetFile});
}

QString SnapshotPlanner::fingerprintCommand(const QString &dbPath, bool sudo)
{
    return buildCommandLine(sudoPrefix(sudo) + QStringList{QStringLiteral("sh"), QStringLiteral("-c"),
                                                           kFingerprintScript, QStringLiteral("sh"),
                                                           safePath(dbPath)});
}

QString SnapshotPlanner::catCommand(const QString &path, bool sudo)
{
    return buildCommandLine(sudoPrefix(sudo) + QStringList{QStringLiteral("cat"), QStringLiteral("--"), safePath(path)});
}

QString SnapshotPlanner::catIfExistsCommand(const QString &path, bool sudo)
{
    return buildCommandLine(sudoPrefix(sudo) + QStringList{QStringLiteral("sh"), QStringLiteral("-c"),
                                                           kCatIfExistsScript, QStringLiteral("sh"), safePath(path)});
}

QString SnapshotPlanner::cleanupCommand(const QString &dir, bool sudo)
{
    return buildCommandLine(sudoPrefix(sudo) + QStringList{QStringLiteral("rm"), QStringLiteral("-rf"),
                                                           QStringLiteral("--"), dir});
}

QString SnapshotPlanner::sweepStaleCommand()
{
    return buildCommandLine({QStringLiteral("sh"), QStringLiteral("-c"), kSweepStaleScript, QStringLiteral("sh")});
}

QString SnapshotPlanner::findDatabasesCommand(const QStringList &dirs, bool sudo)
{
    QStringList argv = sudoPrefix(sudo);
    argv << QStringLiteral("find");
    for (const QString &d : dirs)
        argv << safePath(d);
    argv << QStringLiteral("-maxdepth") << QStringLiteral("2") << QStringLiteral("-type") << QStringLiteral("f")
         << QStringLiteral("(") << QStringLiteral("-name") << QStringLiteral("*.db") << QStringLiteral("-o")
         << QStringLiteral("-name") << QStringLiteral("*.sqlite") << QStringLiteral("-o") << QStringLiteral("-name")
         << QStringLiteral("*.sqlite3") << QStringLiteral(")") << QStringLiteral("-print0");
    return buildCommandLine(argv);
}

QStringList SnapshotPlanner::parseFindOutput(const QByteArray &out)
{
    QStringList files;
    // -print0: a file name may hold a newline.
    for (const QByteArray &line : out.split('\0')) {
        const QString f = QString::fromUtf8(line);
        if (!f.isEmpty())
            files << f;
    }
    files.sort();
    return files;
}

} // namespace vigia::db
