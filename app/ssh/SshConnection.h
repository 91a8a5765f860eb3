#pragma once
// The UI-thread face of one SSH connection. It owns a worker thread, and the
// worker is the only code that ever calls libssh2 for this session: a libssh2
// session is not thread-safe. Everything here returns at once; results arrive
// as queued signals carrying coalesced chunks.
#include "ssh/LoginShell.h"
#include "ssh/SshTypes.h"

#include <QObject>
#include <QPointer>

#include <functional>
#include <optional>

namespace vigia::ssh {

class SshWorker;
class SshConnection;

// Handle to one remote command. Lives in the thread that called exec().
class SshChannel : public QObject {
    Q_OBJECT
public:
    ~SshChannel() override;
    quint64 id() const { return m_id; }
    bool isFinished() const { return m_finished; }

    // Ends the command. The remote process ends too: the command runs under a
    // wrapper that exits when its stdin reaches EOF.
    void cancel();
    void write(const QByteArray &data);
    void closeStdin();
    // Ends the command and reports finished() only once the remote side has
    // exited: stdin is closed, so the wrapper kills the command and exits, and
    // the channel closes from the server's end. cancel() reports at once, while
    // the remote process may still be dying; this is for callers that must
    // know it is gone (taking turns with another kubectl). Falls back to
    // cancel() after graceMs.
    void stop(int graceMs = 3000);

signals:
    void started();                           // the channel opened and the command was sent
    void stdoutReady(const QByteArray &chunk); // coalesced: several reads per signal
    void stderrReady(const QByteArray &chunk);
    void finished(const vigia::ssh::ExitInfo &exit); // exactly once, always

private:
    friend class SshConnection;
    SshChannel(quint64 id, SshConnection *owner);
    quint64 m_id;
    QPointer<SshConnection> m_owner;
    bool m_finished = false;
};

class SshConnection : public QObject {
    Q_OBJECT
public:
    explicit SshConnection(QObject *parent = nullptr);
    ~SshConnection() override; // disconnects and joins the worker thread

    void open(const SshTarget &target);
    void close();
    SessionState state() const { return m_state; }
    const SshTarget &target() const { return m_target; }
    // The cipher negotiated for server-to-client data ("aes128-ctr", ...); empty until connected.
    QString cipher() const;
    QString mac() const; // likewise for the MAC ("hmac-sha2-256", ...)
    // The SSH user's login shell as probed on connecting (Posix until then).
    ShellKind shellKind() const;

    // Answers to the questions the connection asks while opening.
    // fingerprint: the one the user was shown. A different key by the time the answer arrives
    // (a reconnect behind a stale dialog) is never trusted. Empty: not checked.
    void answerHostKey(HostKeyDecision decision, const QString &fingerprint = {});
    // nullopt: skip this key (the user cancelled). The passphrase is never logged or stored here.
    void answerPassphrase(const QString &keyFile, const std::optional<QString> &passphrase);

    // Runs a command line (already quoted by remote::buildCommandLine). Channels
    // above the cap (below sshd's MaxSessions) wait in a queue.
    SshChannel *exec(const QString &commandLine, const ExecOptions &options = {});

    static constexpr int kMaxChannels = 8;

    // Asked before every exec(): an error refuses the command, whose channel then finishes with it
    // and nothing reaches the server. The read-only profile's rules (remote::CommandGate) go here,
    // so that no path of any layer can run around them. Empty: everything runs.
    using CommandGate = std::function<std::optional<vigia::Error>(const QString &commandLine)>;
    void setCommandGate(CommandGate gate) { m_gate = std::move(gate); }

signals:
    void stateChanged(vigia::ssh::SessionState state, const QString &detail);
    void hostKeyUnknown(const vigia::ssh::HostKeyInfo &info);   // reply with answerHostKey()
    void hostKeyMismatch(const vigia::ssh::HostKeyInfo &info);  // the connection is already refused
    void passphraseRequired(const QString &keyFile, bool previousAttemptFailed);
    void connected();
    void failed(const vigia::Error &error); // could not connect or authenticate
    void lost(const vigia::Error &error);   // was connected, now dead; every channel has failed
    // After connecting with a client tag: how many process groups of this client's earlier
    // connections (left running by a half-open connection) were ended.
    void leftoversEnded(int groups);

private:
    void probeLoginShell();
    void sweepLeftovers();
    // Implementation detail owned by the transport; see SshConnection.cpp.
    friend class SshChannel;
    SshChannel *execUngated(const QString &commandLine, const ExecOptions &options);
    SshTarget m_target;
    CommandGate m_gate;
    SessionState m_state = SessionState::Disconnected;
    class Private;
    Private *d = nullptr;
};

} // namespace vigia::ssh
