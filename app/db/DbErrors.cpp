#include "db/DbErrors.h"
#include <QCoreApplication>

namespace vigia::db {

namespace {

bool has(const QString &text, const char *needle)
{
    return text.contains(QLatin1String(needle), Qt::CaseInsensitive);
}

QString firstLine(const QByteArray &err)
{
    const QString s = QString::fromUtf8(err).trimmed();
    const qsizetype nl = s.indexOf(QLatin1Char('\n'));
    QString line = nl < 0 ? s : s.left(nl);
    if (line.size() > 300)
        line = line.left(300) + QStringLiteral("…");
    return line;
}

} // namespace

QString stepName(SnapshotStep step)
{
    switch (step) {
    case SnapshotStep::Probe: return QCoreApplication::translate("DbErrors", "checking the database file");
    case SnapshotStep::TempDir: return QCoreApplication::translate("DbErrors", "creating a temporary folder");
    case SnapshotStep::Vacuum: return QCoreApplication::translate("DbErrors", "taking the snapshot with sqlite3");
    case SnapshotStep::Download: return QCoreApplication::translate("DbErrors", "downloading the snapshot");
    case SnapshotStep::DownloadWal: return QCoreApplication::translate("DbErrors", "downloading the write-ahead log");
    case SnapshotStep::Cleanup: return QCoreApplication::translate("DbErrors", "removing the temporary copy");
    case SnapshotStep::Verify: return QCoreApplication::translate("DbErrors", "verifying the local copy");
    case SnapshotStep::Discovery: return QCoreApplication::translate("DbErrors", "looking for databases");
    }
    return {};
}

FailureKind classifyFailureKind(std::optional<int> exitCode, const QByteArray &stderrText)
{
    const QString e = QString::fromUtf8(stderrText);
    // sudo first: its "password is required" must not read as a plain permission problem.
    if (has(e, "sudo:") && (has(e, "password is required") || has(e, "terminal is required") ||
                            has(e, "no tty present") || has(e, "a password")))
        return FailureKind::SudoNeedsPassword;
    if ((has(e, "sqlite3") && (has(e, "not found") || has(e, "no such file"))) &&
        (exitCode == 127 || has(e, "command not found") || has(e, "sqlite3: not found")))
        return FailureKind::NoSqlite3;
    if (has(e, "file is not a database") || has(e, "database disk image is malformed") ||
        has(e, "not a database"))
        return FailureKind::NotADatabase;
    if (has(e, "permission denied") || has(e, "operation not permitted") || has(e, "attempt to write a readonly") ||
        has(e, "readonly database"))
        return FailureKind::PermissionDenied;
    if (has(e, "no such file or directory") || has(e, "cannot stat") || has(e, "does not exist"))
        return FailureKind::NotFound;
    if (has(e, "database is locked") || has(e, "database is busy") || has(e, "database table is locked"))
        return FailureKind::Busy;
    if (has(e, "no space left") || has(e, "database or disk is full") || has(e, "disk quota"))
        return FailureKind::NoSpace;
    if (exitCode == 127)
        return FailureKind::NoSqlite3;
    return FailureKind::Other;
}

Error classifyRemoteFailure(const FailureContext &ctx, std::optional<int> exitCode, const QByteArray &stderrText)
{
    const FailureKind kind = classifyFailureKind(exitCode, stderrText);
    const QString detail = firstLine(stderrText);
    const QString p = ctx.path.isEmpty() ? QCoreApplication::translate("DbErrors", "the database") : ctx.path;
    Error err;
    switch (kind) {
    case FailureKind::PermissionDenied:
        err.code = QStringLiteral("db.permission-denied");
        if (ctx.sudoTried) {
            err.message = QCoreApplication::translate("DbErrors", "Permission denied reading %1, even with sudo.").arg(p);
            err.hint = QCoreApplication::translate("DbErrors", "sudo -n was tried and still could not read it. Check the file's owner and mode on the server.");
        } else if (ctx.sudoAllowed) {
            err.message = QCoreApplication::translate("DbErrors", "Permission denied reading %1 (sudo was not tried).").arg(p);
            err.hint = QCoreApplication::translate("DbErrors", "Retry; Vigía tries sudo -n when a plain read is refused.");
        } else {
            err.message = QCoreApplication::translate("DbErrors", "Permission denied reading %1 (sudo was not tried: the profile does not allow it).").arg(p);
            err.hint = QCoreApplication::translate("DbErrors", "Allow sudo for databases in the profile (passwordless sudo -n), or make the file readable by your SSH user.");
        }
        break;
    case FailureKind::NotFound:
        err.code = QStringLiteral("db.not-found");
        err.message = QCoreApplication::translate("DbErrors", "The file %1 is not there.").arg(p);
        err.hint = QCoreApplication::translate("DbErrors", "Check the path in the profile, or run discovery again: the volume may have moved.");
        break;
    case FailureKind::NotADatabase:
        err.code = QStringLiteral("db.not-a-database");
        err.message = QCoreApplication::translate("DbErrors", "%1 is not an SQLite database (or it is damaged).").arg(p);
        err.hint = QCoreApplication::translate("DbErrors", "Pick another file; nothing was changed on the server.");
        break;
    case FailureKind::SudoNeedsPassword:
        err.code = QStringLiteral("db.sudo-password");
        err.message = QCoreApplication::translate("DbErrors", "sudo needs a password to read %1.").arg(p);
        err.hint = QCoreApplication::translate("DbErrors", "Vigía only uses passwordless sudo (sudo -n). Add a NOPASSWD rule for this user, or make the file readable.");
        break;
    case FailureKind::NoSqlite3:
        err.code = QStringLiteral("db.no-sqlite3");
        err.message = QCoreApplication::translate("DbErrors", "sqlite3 is not installed on the server.");
        err.hint = QCoreApplication::translate("DbErrors", "Vigía falls back to copying the file and its -wal; install sqlite3 on the server for fully consistent snapshots.");
        break;
    case FailureKind::Busy:
        err.code = QStringLiteral("db.busy");
        err.message = QCoreApplication::translate("DbErrors", "%1 was busy while %2.").arg(p, stepName(ctx.step));
        err.hint = QCoreApplication::translate("DbErrors", "Refresh again in a moment.");
        break;
    case FailureKind::NoSpace:
        err.code = QStringLiteral("db.no-space");
        err.message = QCoreApplication::translate("DbErrors", "No space left on the server's temporary folder while %1.").arg(stepName(ctx.step));
        err.hint = QCoreApplication::translate("DbErrors", "Free space in /tmp (or $TMPDIR) on the server; a snapshot needs about the database's size.");
        break;
    case FailureKind::Other:
        err.code = QStringLiteral("db.remote-failed");
        err.message = QCoreApplication::translate("DbErrors", "Failed while %1 for %2%3.")
                          .arg(stepName(ctx.step), p,
                               exitCode ? QCoreApplication::translate("DbErrors", " (exit status %1)").arg(*exitCode) : QString());
        err.hint = detail.isEmpty() ? QString() : QCoreApplication::translate("DbErrors", "The server said: %1").arg(detail);
        return err;
    }
    if (!detail.isEmpty() && kind != FailureKind::NoSqlite3)
        err.hint += QCoreApplication::translate("DbErrors", "\nThe server said: %1").arg(detail);
    return err;
}

} // namespace vigia::db
