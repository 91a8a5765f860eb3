#pragma once
// Runs kubectl on the server through an SSH connection. The command prefix
// ("kubectl", "k3s kubectl" or "sudo -n k3s kubectl") is detected once per
// connection, or taken from the profile.
#include "core/Result.h"
#include "ssh/SshConnection.h"

#include <QObject>
#include <QStringList>

namespace vigia::remote {

class KubectlRunner : public QObject {
    Q_OBJECT
public:
    explicit KubectlRunner(ssh::SshConnection *connection, QObject *parent = nullptr);

    // Tries each prefix in order, or only the override when given (split on spaces).
    // Emits detected() or detectionFailed() with a message that says what to do:
    // kubectl not found, k3s.yaml permission denied, sudo needs a password,
    // the K3s API refuses connections.
    //
    // probeArgs replaces the default probe (`version -o json`): a caller that needs
    // some output at once (the first pod list) makes the probe that command and gets
    // its stdout from probed(), just before detected(): one kubectl start on the
    // way to the first table instead of two. It fails the same ways.
    void detect(const QString &overrideCommand = {}, const QStringList &probeArgs = {});
    bool isReady() const { return !m_prefix.isEmpty(); }
    QStringList prefix() const { return m_prefix; }

    // Runs "<prefix> args..." collecting all output. Returns a token; the result
    // arrives once as finished(token, ...). Stale tokens are the caller's to drop.
    quint64 run(const QStringList &kubectlArgs, int timeoutMs = 30000);

    // Read-only profiles: the runner itself refuses every mutating kubectl
    // command (rollout, scale, delete, ...), whatever part of the app asks.
    void setReadOnly(bool readOnly) { m_readOnly = readOnly; }
    bool isReadOnly() const { return m_readOnly; }

    // Starts a streaming kubectl ("get --watch", "logs -f"); the caller owns the channel.
    // env: NAME=VALUE words for kubectl alone, passed as `env NAME=VALUE kubectl ...`
    // argv words (quoted like any other). Not applied under a sudo prefix: sudo
    // resets the environment, and `sudo env` may not be allowed by sudoers.
    ssh::SshChannel *stream(const QStringList &kubectlArgs, const QStringList &env = {});

signals:
    void probed(const QByteArray &stdoutOfProbe); // custom probes only, before detected()
    void detected(const QStringList &prefix);
    void detectionFailed(const vigia::Error &error);
    void finished(quint64 token, const vigia::Result<QByteArray> &stdoutOrError);

private:
    ssh::SshConnection *m_connection;
    QStringList m_prefix;
    quint64 m_nextToken = 1;
    bool m_readOnly = false;
};

} // namespace vigia::remote
