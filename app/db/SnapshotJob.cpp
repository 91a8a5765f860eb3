#include "db/SnapshotJob.h"

#include "core/Log.h"
#include "db/CommandRunner.h"
#include "db/DbErrors.h"
#include "db/SnapshotVerifier.h"

#include <QCoreApplication>
#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>

#include <atomic>

namespace vigia::db {

namespace {
constexpr qsizetype kMaxTextOutput = 1024 * 1024; // probe/vacuum/stderr text, never a file
constexpr int kCleanupTimeoutMs = 15000;
} // namespace

SnapshotJob::SnapshotJob(CommandRunner *runner, const SnapshotCache &cache, QObject *parent)
    : QObject(parent), m_runner(runner), m_cache(cache)
{
    qRegisterMetaType<vigia::db::SnapshotOutcome>();
}

SnapshotJob::~SnapshotJob()
{
    if (m_current)
        m_current->cancel();
    delete m_current.data();
    m_sink.reset();
}

quint64 SnapshotJob::start(const SnapshotRequest &request)
{
    if (m_running)
        cancel();
    ++m_token;
    m_req = request;
    m_req.maxAttempts = qBound(1, m_req.maxAttempts, 10);
    m_running = true;
    m_sudo = request.forceSudo;
    m_sudoTried = request.forceSudo;
    m_attempt = 0;
    m_remoteTempDir.clear();
    m_label = SnapshotCache::labelFor(request.remotePath);
    // This process and this run: a second Vigía on the same profile stages beside it, not over it.
    static std::atomic<quint64> runs{0};
    m_stagingTag = QStringLiteral("%1-%2").arg(QCoreApplication::applicationPid()).arg(++runs);
    if (auto d = m_cache.ensureDir(); !d) {
        const quint64 t = m_token;
        const Error e = d.error();
        QMetaObject::invokeMethod(this, [this, t, e] {
            if (t == m_token && m_running) {
                SnapshotOutcome o;
                o.error = e;
                finish(o);
            }
        }, Qt::QueuedConnection);
        return m_token;
    }
    if (!m_swept) {
        // A snapshot that died with its connection leaves its copy in the server's temp folder:
        // the first snapshot of a session removes this user's old ones. Fire and forget.
        m_swept = true;
        RunningCommand *c = m_runner->start(SnapshotPlanner::sweepStaleCommand(), kCleanupTimeoutMs);
        connect(c, &RunningCommand::finished, c, &QObject::deleteLater);
    }
    emit stageChanged(m_token, QCoreApplication::translate("SnapshotJob", "Checking %1…").arg(request.remotePath));
    probe(m_sudo);
    return m_token;
}

void SnapshotJob::cancel()
{
    if (!m_running)
        return;
    const quint64 t = m_token;
    if (m_current)
        m_current->cancel();
    m_sink.reset();
    SnapshotVerifier::removeWithSidecars(m_cache.stagingPathFor(m_label, m_stagingTag));
    // The remote temp folder must not outlive the cancel; this cleanup is not tied to the token.
    if (!m_remoteTempDir.isEmpty()) {
        RunningCommand *c = m_runner->start(SnapshotPlanner::cleanupCommand(m_remoteTempDir, m_sudo), kCleanupTimeoutMs);
        connect(c, &RunningCommand::finished, c, &QObject::deleteLater);
        m_remoteTempDir.clear();
    }
    SnapshotOutcome o;
    o.cancelled = true;
    o.attempts = m_attempt;
    o.error = makeError(QCoreApplication::translate("SnapshotJob", "Snapshot cancelled."), {}, QStringLiteral("db.cancelled"));
    finish(o);
    Q_UNUSED(t);
}

void SnapshotJob::run(SnapshotStep step, const QString &commandLine, int timeoutMs, Done done, QFile *sink)
{
    Q_UNUSED(step);
    const quint64 t = m_token;
    RunningCommand *c = m_runner->start(commandLine, timeoutMs);
    m_current = c;
    auto out = std::make_shared<QByteArray>();
    auto err = std::make_shared<QByteArray>();
    connect(c, &RunningCommand::stdoutReady, c, [this, t, out, sink](const QByteArray &chunk) {
        if (t != m_token || !m_running)
            return;
        if (sink) {
            sink->write(chunk);
            m_received += chunk.size();
            emit progress(t, m_received, qMax(m_total, m_received));
        } else if (out->size() < kMaxTextOutput) {
            out->append(chunk);
        }
    });
    connect(c, &RunningCommand::stderrReady, c, [err](const QByteArray &chunk) {
        if (err->size() < kMaxTextOutput)
            err->append(chunk);
    });
    connect(c, &RunningCommand::finished, this, [this, t, c, out, err, done](const ssh::ExitInfo &exit) {
        c->deleteLater();
        if (m_current == c)
            m_current = nullptr;
        if (t != m_token || !m_running)
            return;
        done(exit, *out, *err);
    });
}

void SnapshotJob::probe(bool sudo)
{
    m_sudo = sudo;
    run(SnapshotStep::Probe, SnapshotPlanner::probeCommand(m_req.remotePath, sudo), m_req.stepTimeoutMs,
        [this](const ssh::ExitInfo &exit, const QByteArray &out, const QByteArray &err) {
            if (!exit.success()) {
                const FailureKind k = classifyFailureKind(exit.exitCode, err);
                if (k == FailureKind::PermissionDenied && m_req.allowSudo && !m_sudoTried) {
                    m_sudoTried = true;
                    emit stageChanged(m_token, QCoreApplication::translate("SnapshotJob", "Permission denied; trying sudo -n…"));
                    probe(true);
                    return;
                }
                failStep(SnapshotStep::Probe, exit, err);
                return;
            }
            auto p = SnapshotPlanner::parseProbe(out);
            if (!p) {
                SnapshotOutcome o;
                o.error = p.error();
                finish(o);
                return;
            }
            if (!p->looksLikeSqlite) {
                SnapshotOutcome o;
                FailureContext ctx{SnapshotStep::Probe, m_req.remotePath, m_req.allowSudo, m_sudoTried};
                o.error = classifyRemoteFailure(ctx, std::nullopt, QByteArrayLiteral("file is not a database"));
                finish(o);
                return;
            }
            m_probe = p.value();
            beginAttempt();
        });
}

void SnapshotJob::beginAttempt()
{
    ++m_attempt;
    m_received = 0;
    const SnapshotPlan plan = SnapshotPlanner::choosePlan(m_probe, m_req.method);
    if (!plan.reason.isEmpty() && m_attempt == 1) {
        qCInfo(lcDb) << "snapshot by copy:" << plan.reason;
        emit stageChanged(m_token, plan.reason);
    }
    if (plan.method == SnapshotMethod::Sqlite3)
        vacuumPath();
    else
        copyPath();
}

void SnapshotJob::vacuumPath()
{
    m_method = QStringLiteral("vacuum-into");
    emit stageChanged(m_token, QCoreApplication::translate("SnapshotJob", "Taking a snapshot on the server (attempt %1 of %2)…")
                                   .arg(m_attempt).arg(m_req.maxAttempts));
    run(SnapshotStep::TempDir, SnapshotPlanner::tempDirCommand(), m_req.stepTimeoutMs,
        [this](const ssh::ExitInfo &exit, const QByteArray &out, const QByteArray &err) {
            if (!exit.success())
                return failStep(SnapshotStep::TempDir, exit, err);
            auto dir = SnapshotPlanner::parseTempDir(out);
            if (!dir) {
                SnapshotOutcome o;
                o.error = dir.error();
                return finish(o);
            }
            m_remoteTempDir = dir.value();
            // VACUUM INTO writes at most the database's pages; the -wal's are folded in.
            const qint64 needed = m_probe.size + m_probe.walSize;
            if (const std::optional<DiskSpace> space = SnapshotPlanner::parseFreeSpace(out)) {
                if (Result<void> room = SnapshotPlanner::checkRoomFor(needed, *space, m_remoteTempDir); !room) {
                    SnapshotOutcome o;
                    o.error = room.error();
                    return cleanupRemote([this, o] { finish(o); });
                }
            }
            const QString remoteFile = SnapshotPlanner::snapshotFileIn(m_remoteTempDir);
            if (!openSink(m_cache.stagingPathFor(m_label, m_stagingTag)))
                return;
            // An upper bound, for the progress bar: the copy is the pages in use.
            m_total = m_probe.size + m_probe.walSize;
            // No step timeout: the copy streams for as long as the download takes.
            run(SnapshotStep::Vacuum, SnapshotPlanner::vacuumCommand(m_req.remotePath, remoteFile, m_sudo), 0,
                [this](const ssh::ExitInfo &vexit, const QByteArray &, const QByteArray &verr) {
                    const bool flushed = m_sink && m_sink->flush() && m_sink->error() == QFileDevice::NoError;
                    m_sink.reset();
                    // The script's own trap removed the folder; a cleanup is sent only if the
                    // script could not have run it (the channel failed before it started).
                    if (!vexit.error)
                        m_remoteTempDir.clear();
                    if (!vexit.success()) {
                        SnapshotVerifier::removeWithSidecars(m_cache.stagingPathFor(m_label, m_stagingTag));
                        m_received = 0;
                        const FailureKind k = classifyFailureKind(vexit.exitCode, verr);
                        if (k == FailureKind::NoSqlite3 && m_req.method == SnapshotMethod::Auto) {
                            // sudo's secure_path can lack sqlite3 even when the login PATH has it.
                            cleanupRemote([this] { copyPath(); });
                            return;
                        }
                        if (k == FailureKind::Busy) {
                            const Error e = classifyRemoteFailure(
                                {SnapshotStep::Vacuum, m_req.remotePath, m_req.allowSudo, m_sudoTried},
                                vexit.exitCode, verr);
                            cleanupRemote([this, e] { retryOrFail(e); });
                            return;
                        }
                        cleanupRemote([this, vexit, verr] { failStep(SnapshotStep::Vacuum, vexit, verr); });
                        return;
                    }
                    if (!flushed) {
                        SnapshotOutcome o;
                        o.error = makeError(QCoreApplication::translate("SnapshotJob", "Could not write the local copy (disk full?)."), {},
                                            QStringLiteral("db.local-failed"));
                        return finish(o);
                    }
                    m_takenAt = QDateTime::currentDateTimeUtc();
                    verify();
                },
                m_sink.get());
        });
}

void SnapshotJob::copyPath()
{
    m_method = QStringLiteral("copy");
    m_total = m_probe.size + m_probe.walSize;
    m_received = 0;
    m_takenAt = QDateTime::currentDateTimeUtc();
    emit stageChanged(m_token, QCoreApplication::translate("SnapshotJob", "Copying the database and its -wal (no sqlite3 on the server; attempt %1 of %2)…")
                                   .arg(m_attempt).arg(m_req.maxAttempts));
    const QString staging = m_cache.stagingPathFor(m_label, m_stagingTag);
    // quick_check cannot see a torn copy: a checkpoint between reading the file and
    // its WAL gives a well-formed database whose tables disagree. So the file and
    // the WAL header must be the same after the copy as before it.
    const QString fingerprint = SnapshotPlanner::fingerprintCommand(m_req.remotePath, m_sudo);
    run(SnapshotStep::Download, fingerprint, kCleanupTimeoutMs,
        [this, staging, fingerprint](const ssh::ExitInfo &exit, const QByteArray &before, const QByteArray &err) {
            if (!exit.success())
                return failStep(SnapshotStep::Download, exit, err);
            download(m_req.remotePath, staging, SnapshotStep::Download, false, [this, staging, fingerprint, before] {
                download(SnapshotPlanner::walPath(m_req.remotePath), staging + QStringLiteral("-wal"),
                         SnapshotStep::DownloadWal, true, [this, fingerprint, before] {
                             run(SnapshotStep::DownloadWal, fingerprint, kCleanupTimeoutMs,
                                 [this, before](const ssh::ExitInfo &exit2, const QByteArray &after,
                                                const QByteArray &err2) {
                                     if (!exit2.success())
                                         return failStep(SnapshotStep::DownloadWal, exit2, err2);
                                     if (before.contains("\njournal\n") || after.contains("\njournal\n"))
                                         return retryOrFail(makeError(
                                             QCoreApplication::translate(
                                                 "SnapshotJob", "The app was writing to the database while it was "
                                                                "being copied, so the copy could be torn."),
                                             QCoreApplication::translate(
                                                 "SnapshotJob", "Take the snapshot again in a moment."),
                                             QStringLiteral("db.torn-copy")));
                                     if (after != before)
                                         return retryOrFail(makeError(
                                             QCoreApplication::translate("SnapshotJob", "The database was checkpointed while it was being "
                                                            "copied, so the copy could be torn."),
                                             QCoreApplication::translate("SnapshotJob", "Install sqlite3 on the server for snapshots that "
                                                            "do not depend on timing."),
                                             QStringLiteral("db.torn-copy")));
                                     verify();
                                 });
                         });
            });
        });
}

bool SnapshotJob::openSink(const QString &localFile)
{
    m_sink = std::make_unique<QFile>(localFile);
    if (!m_sink->open(QIODevice::WriteOnly | QIODevice::Truncate, QFile::ReadOwner | QFile::WriteOwner)) {
        SnapshotOutcome o;
        o.error = makeError(QCoreApplication::translate("SnapshotJob", "Could not write %1.").arg(localFile), m_sink->errorString(),
                            QStringLiteral("db.local-failed"));
        m_sink.reset();
        cleanupRemote([this, o] { finish(o); });
        return false;
    }
    m_sink->setPermissions(QFile::ReadOwner | QFile::WriteOwner);
    return true;
}

void SnapshotJob::download(const QString &remoteFile, const QString &localFile, SnapshotStep step, bool mayBeMissing,
                           std::function<void()> next)
{
    if (!openSink(localFile))
        return;
    const QString cmd = mayBeMissing ? SnapshotPlanner::catIfExistsCommand(remoteFile, m_sudo)
                                     : SnapshotPlanner::catCommand(remoteFile, m_sudo);
    run(step, cmd, 0, [this, step, next](const ssh::ExitInfo &exit, const QByteArray &, const QByteArray &err) {
        const bool flushed = m_sink && m_sink->flush() && m_sink->error() == QFileDevice::NoError;
        m_sink.reset();
        if (!exit.success())
            return cleanupRemote([this, step, exit, err] { failStep(step, exit, err); });
        if (!flushed) {
            SnapshotOutcome o;
            o.error = makeError(QCoreApplication::translate("SnapshotJob", "Could not write the local copy (disk full?)."), {},
                                QStringLiteral("db.local-failed"));
            return cleanupRemote([this, o] { finish(o); });
        }
        next();
    }, m_sink.get());
}

void SnapshotJob::cleanupRemote(std::function<void()> next)
{
    if (m_remoteTempDir.isEmpty())
        return next();
    const QString dir = m_remoteTempDir;
    m_remoteTempDir.clear();
    run(SnapshotStep::Cleanup, SnapshotPlanner::cleanupCommand(dir, m_sudo), kCleanupTimeoutMs,
        [next](const ssh::ExitInfo &exit, const QByteArray &, const QByteArray &err) {
            if (!exit.success())
                qCWarning(lcDb) << "could not remove the remote temporary snapshot folder:" << err.left(200);
            next();
        });
}

void SnapshotJob::verify()
{
    emit stageChanged(m_token, QCoreApplication::translate("SnapshotJob", "Verifying the copy…"));
    const quint64 t = m_token;
    const QString staging = m_cache.stagingPathFor(m_label, m_stagingTag);
    const QString finalPath = m_cache.pathFor(m_label);
    auto *w = new QFutureWatcher<Result<VerifyInfo>>(this);
    connect(w, &QFutureWatcher<Result<VerifyInfo>>::finished, this, [this, t, w, finalPath] {
        w->deleteLater();
        if (t != m_token || !m_running)
            return;
        const Result<VerifyInfo> r = w->result();
        if (!r)
            return retryOrFail(r.error());
        SnapshotOutcome o;
        o.ok = true;
        o.info.label = m_label;
        o.info.remotePath = m_req.remotePath;
        o.info.localPath = finalPath;
        o.info.takenAt = m_takenAt;
        o.info.bytes = r->bytes;
        o.info.method = m_method;
        o.info.tableCount = r->tableCount;
        if (auto s = m_cache.store(o.info); !s) {
            o.ok = false;
            o.error = s.error();
        }
        finish(o);
    });
    w->setFuture(QtConcurrent::run([staging, finalPath] {
        return SnapshotVerifier::verifyAndInstall(staging, finalPath);
    }));
}

void SnapshotJob::failStep(SnapshotStep step, const ssh::ExitInfo &exit, const QByteArray &err)
{
    SnapshotOutcome o;
    if (exit.error) {
        o.error = *exit.error;
    } else if (exit.timedOut) {
        o.error = makeError(QCoreApplication::translate("SnapshotJob", "The server took too long while %1.").arg(stepName(step)), {},
                            QStringLiteral("db.timeout"));
    } else {
        o.error = classifyRemoteFailure({step, m_req.remotePath, m_req.allowSudo, m_sudoTried}, exit.exitCode, err);
    }
    finish(o);
}

void SnapshotJob::retryOrFail(const Error &e)
{
    qCInfo(lcDb) << "snapshot attempt" << m_attempt << "refused:" << e.code;
    if (m_attempt < m_req.maxAttempts) {
        beginAttempt();
        return;
    }
    SnapshotOutcome o;
    o.error = e;
    o.error.message = QCoreApplication::translate("SnapshotJob", "No consistent snapshot after %1 attempts: %2").arg(m_attempt).arg(e.message);
    finish(o);
}

void SnapshotJob::finish(SnapshotOutcome outcome)
{
    if (!m_running)
        return;
    m_running = false;
    outcome.attempts = m_attempt;
    outcome.sudoUsed = m_sudo;
    const quint64 t = m_token;
    // Anything still in flight for this token is stale from now on.
    ++m_token;
    if (!outcome.ok)
        SnapshotVerifier::removeWithSidecars(m_cache.stagingPathFor(m_label, m_stagingTag));
    emit finished(t, outcome);
}

} // namespace vigia::db
