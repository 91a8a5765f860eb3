#pragma once
// One server: everything Vigía keeps about it and runs on it, apart from any window.
//
// A Session owns the SSH connection, the kubectl runner, the resident pod watch
// and the pods it keeps current, the cluster round and the live events
// (ClusterFeed), the sampler and its history (CapacityFeed), the action runner,
// the command runner the database snapshots use, the read-only flag and the
// reconnect policy. Windows and pages only watch it (attach(Session*)); it
// links no widgets, so GUI-less tests drive it against the sandbox.
//
// Turn-taking on the server is decided here and nowhere else: the 64 MB budget
// fits one kubectl at a time, so the cluster round pauses the pod watch (and
// the events watch while it runs) and the sampler starts no kubectl of its own
// but takes its per-pod figures from the round (see ClusterPoller.h).
//
// Phases: Connecting -> VerifyingHostKey -> Authenticating -> DetectingKubectl ->
// Loading -> Connected; Lost (with lastError(), retried by itself on a backoff)
// and Failed (needs the user: a refused key, a changed host key).
#include "core/Result.h"
#include "kube/Pod.h"
#include "profiles/Profile.h"
#include "ssh/RemoteWrapper.h"
#include "ssh/SshTypes.h"

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <optional>

namespace vigia::ssh {
class SshConnection;
}
namespace vigia::remote {
class KubectlRunner;
}
namespace vigia::kube {
class ResourceWatcher;
struct WatchBatch;
} // namespace vigia::kube
namespace vigia::actions {
class ActionRunner;
class AuditLog;
} // namespace vigia::actions
namespace vigia::db {
class CommandRunner;
}

namespace vigia::session {

class CapacityFeed;
class ClusterFeed;
class IncidentTracker;

class Session : public QObject {
    Q_OBJECT
public:
    enum class Phase {
        Idle,
        Connecting,
        VerifyingHostKey,
        Authenticating,
        DetectingKubectl,
        Loading,   // connected, first pod list on its way
        Connected, // pods shown
        Lost,      // was connected; the reason is in lastError()
        Failed,    // never got there; the reason is in lastError()
    };
    Q_ENUM(Phase)

    // audit: the shared audit trail (not owned; may be null: actions are then not recorded).
    explicit Session(actions::AuditLog *audit = nullptr, QObject *parent = nullptr);
    ~Session() override;

    // Opens a new connection, dropping any previous one.
    void start(const Profile &profile, const ssh::SshTarget &target);
    void reconnect();
    void disconnectFromHost();
    // The profile changed in a way that needs no new connection (database paths).
    void updateProfile(const Profile &profile) { m_profile = profile; }
    // Lists the pods again and runs a cluster round now (the user's Refresh); rows stay.
    void refresh();
    // Pods only: after an action, the watch relists (the round comes by itself).
    void refreshPods();

    void answerHostKey(ssh::HostKeyDecision decision, const QString &fingerprint = {});
    void answerPassphrase(const QString &keyFile, const std::optional<QString> &passphrase);

    Phase phase() const { return m_phase; }
    QString phaseDetail() const { return m_detail; }
    static QString phaseName(Phase phase);
    bool isBusy() const;
    // After a lost connection, the next automatic attempt; invalid when none is scheduled.
    // Authentication and host-key failures are never retried by themselves.
    QDateTime nextRetryAt() const { return m_nextRetryAt; }

    const Profile &profile() const { return m_profile; }
    const ssh::SshTarget &target() const { return m_target; }
    bool isReadOnly() const { return m_profile.readOnly; }
    QStringList kubectlPrefix() const { return m_prefix; }
    // "user@host:port" as the audit trail and the header name the server.
    QString serverText() const;
    // The last failure: connection, detection or the pod list. Empty message: none.
    const Error &lastError() const { return m_lastError; }
    // When the pods were last received; stale after an error.
    QDateTime lastUpdated() const { return m_lastUpdated; }
    bool isStale() const { return m_stale; }

    // The pods as the watch last reported them.
    QList<kube::PodInfo> pods() const { return m_pods.values(); }
    std::optional<kube::PodInfo> pod(const QString &key) const;
    int podCount() const { return int(m_pods.size()); }
    // The pod as the API last sent it (details pane, YAML); empty when unknown.
    QJsonObject podObject(const QString &key) const { return m_podObjects.value(key); }

    ClusterFeed *cluster() const { return m_cluster; }
    CapacityFeed *capacity() const { return m_capacity; }
    IncidentTracker *incidents() const { return m_incidents; }

    // Hidden (false): only the pod watch and the 30 s round run on the server, so the
    // footprint stays within budget while nobody looks; the sampler and the events
    // watch stop, and come back with the window.
    void setForeground(bool foreground);
    bool isForeground() const { return m_foreground; }
    actions::AuditLog *auditLog() const { return m_audit; }

    // Valid while connected (kubectl detected); replaced on reconnect.
    ssh::SshConnection *connection() const;
    remote::KubectlRunner *runner() const;
    kube::ResourceWatcher *podWatcher() const;
    actions::ActionRunner *actionRunner() const;
    // Runs the snapshot and discovery commands of the Data area over this connection.
    db::CommandRunner *commandRunner() const;

signals:
    // start() was called: per-server state (history, cached snapshots) can open now, offline.
    void starting(const vigia::Profile &profile);
    // kubectl was detected on a new connection: the services above are ready.
    void ready();
    // The services of the previous connection are about to go (lost, reconnect, disconnect).
    void servicesGone();
    void phaseChanged(vigia::session::Session::Phase phase, const QString &detail);
    void hostKeyUnknown(const vigia::ssh::HostKeyInfo &info);
    void hostKeyMismatch(const vigia::ssh::HostKeyInfo &info);
    void passphraseRequired(const QString &keyFile, bool previousAttemptFailed);
    void authenticated(); // the SSH session is up; safe to save a passphrase now
    // The pods changed: upserts (added or modified) and removals. reset: a different server.
    void podsChanged(const QList<vigia::kube::PodInfo> &upserts, const QList<vigia::kube::PodInfo> &removed);
    void podsReset();
    void podsUpdated(const QDateTime &at);
    // The pod list could not be refreshed. The pods kept are now stale.
    void podsFailed(const vigia::Error &error);
    void staleChanged(bool stale);
    // The raw pod list JSON behind each (re)list (requests and limits).
    void podListReceived(const QByteArray &json);

private:
    void setPhase(Phase phase, const QString &detail = {});
    void fail(Phase phase, const Error &error);
    void setStale(bool stale);
    void podsFailedWith(const Error &error);
    void teardown();
    void startWatcher();
    void startServices();
    void sweepStaleSnapshots();
    void scheduleRetry();
    void beginConnection();
    void wireConnection(ssh::SshConnection *conn);
    void onWatchBatch(const kube::WatchBatch &batch);
    void emitPodList(quint64 generation);

    actions::AuditLog *m_audit;
    Profile m_profile;
    ssh::SshTarget m_target;
    const QString m_clientTag = ssh::RemoteWrapper::newId();
    Phase m_phase = Phase::Idle;
    QString m_detail;
    Error m_lastError;
    QStringList m_prefix;
    QDateTime m_lastUpdated;
    bool m_stale = false;
    QTimer *m_retryTimer = nullptr;
    int m_retryAttempt = 0; // 0: not retrying
    QDateTime m_nextRetryAt;

    QHash<QString, kube::PodInfo> m_pods;
    QHash<QString, QJsonObject> m_podObjects;
    QByteArray m_probeList; // the detection probe's pod list, handed to the watcher once

    QPointer<ssh::SshConnection> m_connection;
    QPointer<remote::KubectlRunner> m_runner;
    QPointer<kube::ResourceWatcher> m_watcher;
    QPointer<actions::ActionRunner> m_actionRunner;
    QPointer<db::CommandRunner> m_commandRunner;
    ClusterFeed *m_cluster = nullptr;
    CapacityFeed *m_capacity = nullptr;
    IncidentTracker *m_incidents = nullptr;
    bool m_foreground = true;
};

} // namespace vigia::session
