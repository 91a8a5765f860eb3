#pragma once
// The remote side of a snapshot, as pure functions: every command line the
// job sends and every parser of what comes back. Nothing here touches a
// network or a file, so the exact bytes sent to the server are unit-tested.
//
// The steps, in order:
//   1. probe     stat the file, its owner, its -wal and -shm, detect sqlite3, read the header
//                (choosePlan: a WAL database no one has open, or a rollback-journal one, is
//                copied, since opening it would create files beside it or block the app)
//   2. tempdir   mktemp -d (mode 0700 by construction) and its free space (>= 10 % must remain)
//   3. vacuum    exec sqlite3 -init /dev/null -readonly SRC "VACUUM INTO 'DIR/snapshot.db'"
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
#include <optional>

namespace vigia::db {

enum class SnapshotMethod { Auto, Sqlite3, Copy };
// From header bytes 18-19 (the file format's write and read versions).
enum class JournalMode { Unknown, Rollback, Wal };

struct ProbeResult {
    qint64 size = -1;        // bytes of the database file
    qint64 walSize = 0;      // bytes of its -wal, 0 when absent
    bool hasSqlite3 = false; // sqlite3 is in the remote PATH
    bool looksLikeSqlite = false; // header is "SQLite format 3\0" (or the file is empty)
    qint64 ownerUid = -1;    // who owns the database file
    qint64 ourUid = -1;      // who the probe ran as (root under sudo)
    bool walExists = false;  // -wal beside it: a connection has it open (or crashed)
    bool shmExists = false;
    JournalMode journal = JournalMode::Unknown;
};

// How a snapshot is taken, and the sentence that says why when it is not the usual way.
struct SnapshotPlan {
    SnapshotMethod method = SnapshotMethod::Sqlite3;
    QString reason;
};

struct DiskSpace {
    qint64 totalBytes = 0;
    qint64 availableBytes = 0;
};

class SnapshotPlanner {
public:
    static QStringList sudoPrefix(bool sudo);
    // Relative paths become "./path", so a name starting with "-" is never an option.
    static QString safePath(const QString &path);
    static QString walPath(const QString &path) { return path + QStringLiteral("-wal"); }

    static QString probeCommand(const QString &dbPath, bool sudo);
    static Result<ProbeResult> parseProbe(const QByteArray &stdoutData);

    // Never harms the live file: VACUUM INTO only where opening the database creates nothing
    // beside it and takes no lock the app would wait for; a copy (which creates nothing) otherwise.
    static SnapshotPlan choosePlan(const ProbeResult &probe, SnapshotMethod requested);

    // mktemp -d, then the line df prints for that folder's filesystem.
    static QString tempDirCommand();
    static Result<QString> parseTempDir(const QByteArray &stdoutData);
    static std::optional<DiskSpace> parseFreeSpace(const QByteArray &stdoutData);
    // Refuses a copy of `bytes` that would leave the disk under 10 % free.
    static Result<void> checkRoomFor(qint64 bytes, const DiskSpace &space, const QString &dir);
    static QString snapshotFileIn(const QString &dir) { return dir + QStringLiteral("/snapshot.db"); }

    // The SQL text itself, with the target quoted as an SQL string literal.
    static QString vacuumSql(const QString &targetFile);
    // Runs the vacuum into targetFile (0600), sends the copy on stdout, and removes targetFile's
    // folder (a vigia-snap.* one) however it ends: one remote process, trapping EXIT, HUP and TERM.
    static QString vacuumCommand(const QString &dbPath, const QString &targetFile, bool sudo);

    // Prints what a copy without sqlite3 compares before and after itself (the
    // database file's size and mtime, the WAL header's checksum).
    static QString fingerprintCommand(const QString &dbPath, bool sudo);
    static QString catCommand(const QString &path, bool sudo);
    // Like cat, but a missing file is an empty stream, not an error (a -wal may vanish at checkpoint).
    static QString catIfExistsCommand(const QString &path, bool sudo);
    static QString cleanupCommand(const QString &dir, bool sudo);
    // Removes this user's vigia-snap.* folders older than two hours from the temp folder: what a
    // snapshot that died with its connection left behind (a live one is never that old a folder).
    static QString sweepStaleCommand();

    // Discovery of database files under local-path volume folders.
    static QString findDatabasesCommand(const QStringList &dirs, bool sudo);
    static QStringList parseFindOutput(const QByteArray &stdoutData);
};

} // namespace vigia::db
