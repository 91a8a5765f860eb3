#pragma once
// The remote side of a snapshot, as pure functions: every command line the
// job sends and every parser of what comes back. Nothing here touches a
// network or a file, so the exact bytes sent to the server are unit-tested.
//
// The steps, in order:
//   1. probe     stat the file and its -wal, detect sqlite3, read the 16-byte header
//   2. tempdir   mktemp -d (mode 0700 by construction)
//   3. vacuum    sqlite3 -readonly SRC "VACUUM INTO 'DIR/snapshot.db'"; chmod 600; stat
//                (VACUUM INTO, not .backup: .backup restarts on every write and may
//                never finish on a busy database; VACUUM INTO reads one snapshot)
//   4. download  cat the file; the exec channel is binary-safe
//   5. cleanup   rm -rf DIR, also after a failure or a cancel
// Fallback without sqlite3: cat the database, then cat its -wal (the -shm is
// rebuilt locally), and let local verification decide whether the pair is whole.
#include "core/Result.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace vigia::db {

enum class SnapshotMethod { Auto, Sqlite3, Copy };

struct ProbeResult {
    qint64 size = -1;        // bytes of the database file
    qint64 walSize = 0;      // bytes of its -wal, 0 when absent
    bool hasSqlite3 = false; // sqlite3 is in the remote PATH
    bool looksLikeSqlite = false; // header is "SQLite format 3\0" (or the file is empty)
};

class SnapshotPlanner {
public:
    static QStringList sudoPrefix(bool sudo);
    // Relative paths become "./path", so a name starting with "-" is never an option.
    static QString safePath(const QString &path);
    static QString walPath(const QString &path) { return path + QStringLiteral("-wal"); }

    static QString probeCommand(const QString &dbPath, bool sudo);
    static Result<ProbeResult> parseProbe(const QByteArray &stdoutData);

    static QString tempDirCommand();
    static Result<QString> parseTempDir(const QByteArray &stdoutData);
    static QString snapshotFileIn(const QString &dir) { return dir + QStringLiteral("/snapshot.db"); }

    // The SQL text itself, with the target quoted as an SQL string literal.
    static QString vacuumSql(const QString &targetFile);
    // Runs the vacuum, makes the result 0600, prints its size.
    static QString vacuumCommand(const QString &dbPath, const QString &targetFile, bool sudo);
    static Result<qint64> parseSize(const QByteArray &stdoutData);

    // Prints what a copy without sqlite3 compares before and after itself (the
    // database file's size and mtime, the WAL header's checksum).
    static QString fingerprintCommand(const QString &dbPath, bool sudo);
    static QString catCommand(const QString &path, bool sudo);
    // Like cat, but a missing file is an empty stream, not an error (a -wal may vanish at checkpoint).
    static QString catIfExistsCommand(const QString &path, bool sudo);
    static QString cleanupCommand(const QString &dir, bool sudo);

    // Discovery of database files under local-path volume folders.
    static QString findDatabasesCommand(const QStringList &dirs, bool sudo);
    static QStringList parseFindOutput(const QByteArray &stdoutData);
};

} // namespace vigia::db
