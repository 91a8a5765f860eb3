#pragma once
// Test fixture for the local sandbox (tests/sandbox/vigia-sandbox): a real
// OpenSSH sshd on 127.0.0.1 in front of the simulated K3s API. Each instance
// owns a temporary directory and stops everything in its destructor.
#include "ssh/SshTypes.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <memory>

namespace vigia::test {

class Sandbox {
public:
    Sandbox();
    ~Sandbox();
    Sandbox(const Sandbox &) = delete;
    Sandbox &operator=(const Sandbox &) = delete;

    // Starts sshd + the simulator. scenario: joledev | crashloop | large.
    // extraArgs go to `vigia-sandbox start` (e.g. {"--no-kubectl"}, {"--writer"}).
    bool start(const QString &scenario = QStringLiteral("joledev"), const QStringList &extraArgs = {});
    void stop();
    bool isRunning() const { return m_running; }
    QString errorString() const { return m_error; }

    QString host() const;
    quint16 sshPort() const;
    quint16 apiPort() const;
    QString user() const;
    // kind: "ed25519" | "ed25519_passphrase" | "ecdsa" | "rsa"
    QString keyPath(const QString &kind = QStringLiteral("ed25519")) const;
    QString passphrase() const;
    QString knownHostsPath() const;
    QString sshConfigPath() const;
    QString sshAlias() const;
    QString auditLogPath() const;
    QString kubeconfigPath() const;
    QString storageRoot() const;
    QString dir() const;
    qint64 sshdPid() const;
    QJsonObject info() const { return m_info; }

    // A target for this sandbox: the given key only, no agent, no default identities,
    // the sandbox's own known_hosts.
    ssh::SshTarget target(const QString &keyKind = QStringLiteral("ed25519")) const;

    // Kills sshd (and every session under it) with SIGKILL, as a crash would.
    void killSshd();
    // Kills only sshd's per-connection processes, as a dropped network would: the listener
    // stays up for a reconnect, and the commands they ran lose their stdin and must end
    // by themselves. Returns how many were killed.
    int killSshdSessions();
    // Processes below the sandbox sshd whose command line contains pattern.
    // program, when given, counts only processes whose argv[0] is that program:
    // a kubectl, not the shell wrapper around it, whose command line holds the
    // same words and which outlives it by a moment.
    int remoteProcessCount(const QString &pattern, const QString &program = {}) const;
    // Drives the simulator: `vigia-sandbox ctl --dir DIR args...`. Returns false on failure
    // (errorString() then holds the output). output, when given, receives stdout.
    bool ctl(const QStringList &args, QString *output = nullptr);
    // Audit lines (one JSON object each) appended so far.
    QList<QJsonObject> auditEntries() const;
    // Runs `ssh -F ssh_config vigia-sandbox command` with the OpenSSH client (for comparisons).
    int runSsh(const QString &command, QByteArray *stdoutData = nullptr, int timeoutMs = 30000) const;

    static QString scriptPath();

private:
    bool runScript(const QStringList &args, QByteArray *out, int timeoutMs);

    std::unique_ptr<QTemporaryDir> m_tmp;
    QJsonObject m_info;
    QString m_error;
    bool m_running = false;
};

} // namespace vigia::test
