#pragma once
// Takes one consistent snapshot of a remote SQLite database into the local
// cache: probe, VACUUM INTO on the server (or the copy fallback), stream it
// back, clean up, verify locally, retry up to maxAttempts. Every result carries
// the token start() returned; a newer start() or cancel() makes older signals stale.
#include "core/Result.h"
#include "db/DbErrors.h"
#include "db/SnapshotCache.h"
#include "db/SnapshotPlanner.h"
#include "ssh/SshTypes.h"

#include <QDateTime>
#include <QFile>
#include <QObject>
#include <QPointer>
#include <functional>
#include <memory>

namespace vigia::db {

class CommandRunner;
class RunningCommand;

struct SnapshotRequest {
    QString remotePath;
    bool allowSudo = false;      // try "sudo -n" when a plain read is refused
    bool forceSudo = false;      // start with sudo (the profile knows plain reads fail)
    SnapshotMethod method = SnapshotMethod::Auto;
    int maxAttempts = 3;
    int stepTimeoutMs = 120000;  // probe, temp folder, vacuum; the download has none
};

struct SnapshotOutcome {
    bool ok = false;
    bool cancelled = false;
    SnapshotInfo info;
    Error error;
    int attempts = 0;
    bool sudoUsed = false;
};

class SnapshotJob : public QObject {
    Q_OBJECT
public:
    SnapshotJob(CommandRunner *runner, const SnapshotCache &cache, QObject *parent = nullptr);
    ~SnapshotJob() override;

    quint64 start(const SnapshotRequest &request);
    void cancel();
    bool isRunning() const { return m_running; }
    quint64 token() const { return m_token; }

signals:
    void stageChanged(quint64 token, const QString &text);
    void progress(quint64 token, qint64 received, qint64 total);
    void finished(quint64 token, const vigia::db::SnapshotOutcome &outcome);

private:
    using Done = std::function<void(const ssh::ExitInfo &, const QByteArray &out, const QByteArray &err)>;
    void run(SnapshotStep step, const QString &commandLine, int timeoutMs, Done done, QFile *sink = nullptr);
    void probe(bool sudo);
    void beginAttempt();
    void vacuumPath();
    void copyPath();
    bool openSink(const QString &localFile); // false: failed, and finishing with the error
    void download(const QString &remoteFile, const QString &localFile, SnapshotStep step, bool mayBeMissing,
                  std::function<void()> next);
    void verify();
    void cleanupRemote(std::function<void()> next);
    void failStep(SnapshotStep step, const ssh::ExitInfo &exit, const QByteArray &err);
    void retryOrFail(const Error &e);
    void finish(SnapshotOutcome outcome);

    CommandRunner *m_runner;
    SnapshotCache m_cache;
    SnapshotRequest m_req;
    quint64 m_token = 0;
    bool m_running = false;
    QString m_stagingTag; // makes the staging file this run's own
    bool m_swept = false; // stale snapshot folders of earlier sessions removed
    bool m_sudo = false;
    bool m_sudoTried = false;
    int m_attempt = 0;
    ProbeResult m_probe;
    QString m_label;
    QString m_remoteTempDir;
    QDateTime m_takenAt;
    QString m_method;
    qint64 m_total = 0;
    qint64 m_received = 0;
    QPointer<RunningCommand> m_current;
    std::unique_ptr<QFile> m_sink;
};

} // namespace vigia::db

Q_DECLARE_METATYPE(vigia::db::SnapshotOutcome)
