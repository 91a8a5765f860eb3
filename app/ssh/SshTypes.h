#pragma once
#include "core/Result.h"

#include <QMetaType>
#include <QString>
#include <QStringList>
#include <optional>

namespace vigia::ssh {

// Everything needed to reach one server. ~/.ssh/config is resolved before this
// (see SshConfig), so host/port/user here are final.
struct SshTarget {
    QString host;                 // name or address to connect to
    quint16 port = 22;
    QString user;                 // empty: the local user name
    QString hostKeyAlias;         // name looked up in known_hosts; empty: host
    QStringList identityFiles;    // profile key first, then ssh_config IdentityFiles
    bool useDefaultIdentities = true; // append ~/.ssh/id_ed25519 and id_ecdsa
    bool useAgent = true;
    QString knownHostsPath;       // empty: ~/.ssh/known_hosts
    int connectTimeoutMs = 15000;
    int keepaliveIntervalMs = 10000; // dead after about three silent intervals
    // Names this client's remote processes across reconnects (RemoteWrapper::newId()), so that a
    // reconnect ends what a half-open previous connection left running. Empty: nothing recorded.
    QString clientTag;
    // Set by SshConnection::open, new for each connection; callers leave it empty.
    QString connectionId;
};

enum class SessionState { Disconnected, Connecting, VerifyingHostKey, Authenticating, Connected, Lost, Failed };

struct HostKeyInfo {
    QString host;             // as written in known_hosts ("host" or "[host]:port")
    quint16 port = 22;
    QString keyType;          // "ssh-ed25519", "ecdsa-sha2-nistp256", ...
    QString fingerprint;      // "SHA256:..." exactly as OpenSSH prints it
    QString knownFingerprint; // mismatch only: the fingerprint on record
    QString knownHostsPath;
    int knownHostsLine = 0;   // mismatch only: the line holding the old key
};

enum class HostKeyDecision { Reject, ConnectOnce, TrustAndRemember };

struct ExecOptions {
    int timeoutMs = 0;         // 0: no deadline. Our own deadline: libssh2's works only when blocking.
    bool pty = false;          // merges stderr into stdout; prefer the default wrapper
    QByteArray stdinData;      // written first
    bool closeStdinAfterData = false; // send EOF once stdinData is written
    // The command reads stdin fed by write()/closeStdin(). Such a command gets
    // the channel's stdin, so cancel cannot use stdin EOF to kill it (it still
    // runs in its own process group and dies of SIGPIPE/EOF when the channel closes).
    bool interactiveStdin = false;
    // Sent exactly as given: no wrapper, no login-shell adaptation (the login-shell probe only).
    bool raw = false;
};

struct ExitInfo {
    std::optional<int> exitCode;  // absent when killed by a signal or never started
    QString exitSignal;           // "TERM", "KILL", ... when the remote process died by a signal
    bool cancelled = false;
    bool timedOut = false;
    std::optional<Error> error;   // transport failure (lost connection, channel refused)
    bool success() const { return !error && !cancelled && !timedOut && exitCode == 0; }
};

} // namespace vigia::ssh

Q_DECLARE_METATYPE(vigia::ssh::SessionState)
Q_DECLARE_METATYPE(vigia::ssh::HostKeyInfo)
Q_DECLARE_METATYPE(vigia::ssh::ExitInfo)
