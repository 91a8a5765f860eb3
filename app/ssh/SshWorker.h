#pragma once
// The only code that calls libssh2 for one session. It lives in the
// connection's own thread and is driven by socket notifiers and timers.
// Internal to the transport: use SshConnection.
#include "ssh/LoginShell.h"
#include "ssh/SshTypes.h"

#include <QElapsedTimer>
#include <QObject>
#include <QStringList>

#include <deque>
#include <map>
#include <memory>

class QSocketNotifier;
class QTimer;

typedef struct _LIBSSH2_SESSION LIBSSH2_SESSION;
typedef struct _LIBSSH2_CHANNEL LIBSSH2_CHANNEL;
typedef struct _LIBSSH2_AGENT LIBSSH2_AGENT;

namespace vigia::ssh {

class KnownHosts;

class SshWorker : public QObject {
    Q_OBJECT
public:
    explicit SshWorker(QObject *parent = nullptr);
    ~SshWorker() override;

    // All of these run in the worker thread (invoked queued by SshConnection).
    void open(const vigia::ssh::SshTarget &target);
    void shutdown(const QString &why);
    void answerHostKey(vigia::ssh::HostKeyDecision decision, const QString &fingerprint = {});
    // How command lines get through the login shell (LoginShell::adapt), from the probe.
    void setShellKind(vigia::ssh::ShellKind kind) { m_shellKind = kind; }
    void answerPassphrase(const QString &keyFile, const std::optional<QString> &passphrase);
    void exec(quint64 id, const QString &commandLine, const vigia::ssh::ExecOptions &options);
    void cancel(quint64 id, bool dropped);
    void write(quint64 id, const QByteArray &data);
    void closeStdin(quint64 id);
    void consumed(quint64 id, qint64 bytes); // backpressure credit from the caller thread

    // Called by libssh2's recv callback: any incoming byte proves the peer alive.
    void noteBytesArrived() { m_lastRx = m_clock.elapsed(); }

    // The wrapper every plain command runs under; see the comment in SshWorker.cpp.

signals:
    void stateChanged(vigia::ssh::SessionState state, const QString &detail);
    void hostKeyUnknown(const vigia::ssh::HostKeyInfo &info);
    void hostKeyMismatch(const vigia::ssh::HostKeyInfo &info);
    void passphraseRequired(const QString &keyFile, bool previousAttemptFailed);
    void connected(const QString &cipher, const QString &mac);
    void failed(const vigia::Error &error);
    void lost(const vigia::Error &error);
    void channelStarted(quint64 id);
    void channelOutput(quint64 id, const QByteArray &out, const QByteArray &err);
    void channelFinished(quint64 id, const vigia::ssh::ExitInfo &exit);

private:
    enum class Phase {
        Idle,
        TcpConnect,
        Handshake,
        HostKeyWait,
        AuthList,
        Auth,
        PassphraseWait,
        Connected,
        Dead
    };
    enum class ChanState { Queued, Opening, Pty, Starting, Running, Closing, Zombie };

    struct Channel {
        quint64 id = 0;
        QString command;
        ExecOptions options;
        ChanState state = ChanState::Queued;
        LIBSSH2_CHANNEL *ch = nullptr;
        QByteArray out, err;  // coalesced, not yet emitted
        QByteArray pendingIn; // stdin waiting for window space
        bool wantEof = false;
        bool eofSent = false;
        qint64 inFlight = 0; // emitted, not yet consumed by the caller
        bool finishedReported = false;
        ExitInfo exit; // for an early end (cancel, timeout)
        QTimer *deadline = nullptr;
        qint64 zombieSince = 0;
        bool probe = false; // internal: opened only to drain the socket while idle
    };

    struct AuthCandidate {
        enum Kind { Agent, KeyFile } kind = KeyFile;
        void *agentIdentity = nullptr; // libssh2_agent_publickey*, owned by m_agent
        QString keyFile;
        QString keyType; // "ssh-rsa", "ssh-ed25519", ... when known
        bool encrypted = false;
    };

    void setState(SessionState s, const QString &detail = {});
    void finishAllChannels(const Error &e); // every open channel ends with e
    void fail(const Error &e);              // before Connected
    void die(const Error &e);               // after Connected
    void teardown();
    void dropNotifiers();
    void updateNotifiers(bool wantRead);
    void drive(); // one pass of the state machine
    void scheduleDrive();
    bool startTcp();
    void tcpConnected();
    bool stepHandshake();
    void checkHostKey();
    void afterHostKey();
    bool stepAuthList();
    bool stepAuth();
    void buildAuthCandidates();
    void authExhausted();
    void onConnected();
    void serviceChannels();
    bool serviceChannel(Channel &c); // false: session-fatal error already handled
    void startQueued();
    void flush(Channel &c);
    void flushAll();
    void finishChannel(Channel &c, const ExitInfo &exit);
    void endEarly(Channel &c, ExitInfo exit);
    int activeCount() const;
    void onKeepalive();
    Error sessionError(const QString &what, int rc) const;
    QString lastErrorText() const;

    SshTarget m_target;
    Phase m_phase = Phase::Idle;
    SessionState m_state = SessionState::Disconnected;
    int m_sock = -1;
    QList<QByteArray> m_addrs; // sockaddr candidates
    int m_addrIndex = 0;
    QSocketNotifier *m_readN = nullptr;
    QSocketNotifier *m_writeN = nullptr;
    QTimer *m_connectDeadline = nullptr;
    QTimer *m_keepalive = nullptr;
    QTimer *m_flushTimer = nullptr;
    bool m_driveScheduled = false;
    bool m_inDrive = false;
    LIBSSH2_SESSION *m_session = nullptr;
    LIBSSH2_AGENT *m_agent = nullptr;
    std::unique_ptr<KnownHosts> m_knownHosts;
    QByteArray m_hostKeyBlob;
    QString m_hostKeyEntry;
    QByteArray m_user;
    QString m_authMethods;
    std::vector<AuthCandidate> m_auth;
    size_t m_authIndex = 0;
    QString m_passphrase;
    bool m_havePassphrase = false;
    int m_passphraseTries = 0;
    bool m_rsaRefused = false;
    QStringList m_authNotes;
    std::map<quint64, std::unique_ptr<Channel>> m_channels;
    std::deque<quint64> m_queue;
    QElapsedTimer m_clock;
    qint64 m_lastRx = 0;
    int m_pendingRxProbe = 0; // bytes waiting in the kernel when we are not reading
    QString m_cipher;
    QString m_mac;
    ShellKind m_shellKind = ShellKind::Posix;
};

} // namespace vigia::ssh
