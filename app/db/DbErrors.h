#pragma once
// Turns what a remote step printed (stderr, exit status) into an Error a person
// can act on. Pure, so every message is unit-tested without a server.
#include "core/Result.h"

#include <QByteArray>
#include <QString>
#include <optional>

namespace vigia::db {

enum class SnapshotStep { Probe, TempDir, Vacuum, Download, DownloadWal, Cleanup, Verify, Discovery };

enum class FailureKind {
    PermissionDenied,
    NotFound,
    NotADatabase,
    SudoNeedsPassword,
    NoSqlite3,
    Busy,
    NoSpace,
    Other,
};

// What kind of failure the text describes. The exit code breaks ties (127: not found).
FailureKind classifyFailureKind(std::optional<int> exitCode, const QByteArray &stderrText);

struct FailureContext {
    SnapshotStep step = SnapshotStep::Probe;
    QString path;          // the remote database path
    bool sudoAllowed = false;
    bool sudoTried = false;
};

// The full user-facing error: message, hint and a code ("db.permission-denied",
// "db.not-found", "db.not-a-database", "db.sudo-password", "db.no-sqlite3",
// "db.busy", "db.no-space", "db.remote-failed").
Error classifyRemoteFailure(const FailureContext &ctx, std::optional<int> exitCode, const QByteArray &stderrText);

QString stepName(SnapshotStep step);

} // namespace vigia::db
