#pragma once
// Drives one connection for one profile: SSH open -> host key / passphrase
// questions -> kubectl detection -> one pod watcher (its list is the first
// table, its watch keeps it live) -> the model.
// It owns no widgets: the questions go out as signals (see ConnectionPrompter),
// so tests can answer them directly.
#include "PodListModel.h"
#include "core/Result.h"
#include "kube/ResourceWatcher.h"
#include "profiles/Profile.h"
#include "remote/KubectlRunner.h"
#include "ssh/SshConnection.h"

#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <optional>

namespace vigia {

class ConnectionController : public QObject {
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

    explicit ConnectionController(QObject *parent = nullptr);
    ~ConnectionController() override;

    // Opens a new connection, dropping any previous one.
    void start(const Profile &profile, const ssh::SshTarget &target);
    void reconnect();
    void disconnectFromHost();
    // The profile changed in a way that needs no new connection (database paths).
    void updateProfile(const Profile &profile) { m_profile = profile; }
    // After a lost connection (or a network failure while retrying), the next automatic
    // attempt; invalid when none is scheduled. Authentication and host-key failures are
    // never retried by themselves.
    QDateTime nextRetryAt() const { return m_nextRetryAt; }
    // Lists the pods again (the watcher relists and re-watches); the current rows stay.
    void refresh();

    void answerHostKey(ssh::HostKeyDecision decision, const QString &fingerprint = {});
    void answerPassphrase(const QString &keyFile, const std::optional<QString> &passphrase);

    Phase phase() const { return m_phase; }
    QString phaseDetail() const { return m_detail; }
    static QString phaseName(Phase phase);
    bool isBusy() const;

    const Profile &profile() const { return m_profile; }
    const ssh::SshTarget &target() const { return m_target; }
    QStringList kubectlPrefix() const { return m_prefix; }
    // The last failure: connection, detection or the pod list. Empty message: none.
    const Error &lastError() const { return m_lastError; }
    // When the model last received good data; stale after an error.
    QDateTime lastUpdated() const { return m_lastUpdated; }
    bool isStale() const { return m_stale; }

    PodListModel *podModel() const { return m_pods; }
    // The pod as the API last sent it (details pane, YAML); empty when unknown.
    QJsonObject podObject(const QString &key) const { return m_podObjects.value(key); }
    kube::ResourceWatcher *podWatcher() const { return m_watcher; }
    ssh::SshConnection *connection() const { return m_connection; }
    // Ready once kubectl is detected; replaced (and the old one deleted) on reconnect.
    remote::KubectlRunner *runner() const { return m_runner; }

signals:
    // start() was called: per-server views (history, cached snapshots) can open now, offline.
    void starting(const vigia::Profile &profile);
    // kubectl was detected on a new connection: the other views can use this runner.
    void transportReady(vigia::remote::KubectlRunner *runner, vigia::ssh::SshConnection *connection);
    // The raw pod list JSON behind each successful podsUpdated() (requests and limits).
    void podListReceived(const QByteArray &json);
    void phaseChanged(vigia::ConnectionController::Phase phase, const QString &detail);
    void hostKeyUnknown(const vigia::ssh::HostKeyInfo &info);
    void hostKeyMismatch(const vigia::ssh::HostKeyInfo &info);
    void passphraseRequired(const QString &keyFile, bool previousAttemptFailed);
    void authenticated(); // the SSH session is up; safe to save a passphrase now
    void podsUpdated(const QDateTime &at);
    // The pod list could not be refreshed. The old rows stay, marked stale.
    void podsFailed(const vigia::Error &error);

private:
    void setPhase(Phase phase, const QString &detail = {});
    void fail(Phase phase, const Error &error);
    void markStale();
    void podsFailedWith(const Error &error);
    void teardown();
    void startWatcher();
    void scheduleRetry();
    void beginConnection();
    void onWatchBatch(const kube::WatchBatch &batch);

    Profile m_profile;
    ssh::SshTarget m_target;
    Phase m_phase = Phase::Idle;
    QString m_detail;
    Error m_lastError;
    QStringList m_prefix;
    QDateTime m_lastUpdated;
    bool m_stale = false;
    QTimer *m_retryTimer = nullptr;
    int m_retryAttempt = 0; // 0: not retrying
    QDateTime m_nextRetryAt;

    PodListModel *m_pods = nullptr;
    QPointer<ssh::SshConnection> m_connection;
    QPointer<remote::KubectlRunner> m_runner;
    QPointer<kube::ResourceWatcher> m_watcher;
    QHash<QString, QJsonObject> m_podObjects;
    QByteArray m_probeList; // the detection probe's pod list, handed to the watcher once
};

} // namespace vigia
