#include "db/SnapshotPlanner.h"

#include "db/SqlQuote.h"
#include "remote/ShellQuote.h"

#include <QRegularExpression>

namespace vigia::db {

using remote::buildCommandLine;

namespace {

// Fixed scripts; every value reaches them as a positional argument ("$1"),
// never pasted into the script text.
const QString kProbeScript = QStringLiteral(
    "stat -c %s -- \"$1\" || exit 2; "
    "stat -c %s -- \"$1-wal\" 2>/dev/null || echo 0; "
    "if command -v sqlite3 >/dev/null 2>&1; then echo sqlite3; else echo nosqlite3; fi; "
    "head -c 16 -- \"$1\" || exit 3");

const QString kVacuumScript = QStringLiteral(
    "umask 077 && sqlite3 -readonly -bail -cmd '.timeout 5000' \"$1\" \"$2\" && "
    "chmod 600 -- \"$3\" && stat -c %s -- \"$3\"");

// What a copy without sqlite3 must find unchanged before and after it: in WAL
// mode the database file is written only by checkpoints (its size and mtime,
// to the nanosecond, say whether one ran), and a checkpoint that restarts the
// WAL rewrites its header (new salts; its 32 raw bytes are compared). Only
// stat and head, which the probe needs already. Appends to the WAL change neither: a
// copy of the file and then of a longer WAL is still a consistent prefix.
const QString kFingerprintScript = QStringLiteral(
    "stat -c '%s %y' -- \"$1\" || exit 2; "
    "if [ -e \"$1-wal\" ]; then head -c 32 -- \"$1-wal\"; else echo nowal; fi");

const QString kCatIfExistsScript = QStringLiteral(
    "if [ -e \"$1\" ]; then exec cat -- \"$1\"; fi");

const QByteArray kSqliteMagic("SQLite format 3\0", 16);

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
    // Three text lines, then up to 16 raw header bytes.
    qsizetype pos = 0;
    QList<QByteArray> lines;
    for (int i = 0; i < 3; ++i) {
        const qsizetype nl = out.indexOf('\n', pos);
        if (nl < 0)
            return makeError(QStringLiteral("Unexpected answer from the server while checking the database file."),
                             {}, QStringLiteral("db.protocol"));
        lines << out.mid(pos, nl - pos).trimmed();
        pos = nl + 1;
    }
    ProbeResult r;
    bool ok1 = false, ok2 = false;
    r.size = lines[0].toLongLong(&ok1);
    r.walSize = lines[1].toLongLong(&ok2);
    if (!ok1 || !ok2 || r.size < 0 || r.walSize < 0)
        return makeError(QStringLiteral("Unexpected file size from the server."), {}, QStringLiteral("db.protocol"));
    r.hasSqlite3 = lines[2] == "sqlite3";
    const QByteArray header = out.mid(pos);
    r.looksLikeSqlite = (r.size == 0 && header.isEmpty()) || header == kSqliteMagic;
    return r;
}

QString SnapshotPlanner::tempDirCommand()
{
    return buildCommandLine({QStringLiteral("mktemp"), QStringLiteral("-d"), QStringLiteral("-t"),
                             QStringLiteral("vigia-snap.XXXXXXXX")});
}

Result<QString> SnapshotPlanner::parseTempDir(const QByteArray &out)
{
    const QString dir = QString::fromUtf8(out).trimmed();
    // mktemp names are plain; anything else is not what we asked for, and the
    // name ends up inside an SQL literal and an rm -rf.
    static const QRegularExpression re(QStringLiteral("^/[A-Za-z0-9._/-]*vigia-snap\\.[A-Za-z0-9]+$"));
    if (!re.match(dir).hasMatch() || dir.contains(QStringLiteral("/../")))
        return makeError(QStringLiteral("The server's mktemp returned an unexpected folder name."), dir,
                         QStringLiteral("db.protocol"));
    return dir;
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

Result<qint64> SnapshotPlanner::parseSize(const QByteArray &out)
{
    const QList<QByteArray> lines = out.trimmed().split('\n');
    bool ok = false;
    const qint64 n = lines.isEmpty() ? -1 : lines.last().trimmed().toLongLong(&ok);
    if (!ok || n < 0)
        return makeError(QStringLiteral("Unexpected snapshot size from the server."), {}, QStringLiteral("db.protocol"));
    return n;
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
