#pragma once
// The seam between actions and the remote side. ActionRunner and
// RolloutTracker talk to this interface, so their logic is unit-tested with a
// scripted fake while the real implementation (KubectlExecutor) runs kubectl
// over SSH. The read-only gate lives here too: an executor marked read-only
// refuses any kubectl command that would change the cluster, whoever asks.
#include "core/Result.h"

#include <QByteArray>
#include <QObject>
#include <QPointer>
#include <QStringList>
#include <optional>

namespace vigia::remote {
class KubectlRunner;
}

namespace vigia::actions {

struct CommandResult {
    QString commandLine;         // the exact remote command line that was sent (empty: nothing sent)
    std::optional<int> exitCode; // absent: killed, cancelled, timed out or never started
    QByteArray out;
    QByteArray err;
    std::optional<Error> error; // set when the command did not succeed, in words
    bool ok() const { return !error.has_value(); }
};

class CommandExecutor : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;

    void setReadOnly(bool readOnly) { m_readOnly = readOnly; }
    bool isReadOnly() const { return m_readOnly; }

    // Starts "<prefix> args"; the result arrives once, later (never from inside
    // start()), as finished(token, result). A read-only executor answers a
    // mutating command with the read-only error and sends nothing.
    quint64 start(const QStringList &kubectlArgs, int timeoutMs = 30000);

    // The command line start() would send for these arguments.
    virtual QString commandLineFor(const QStringList &kubectlArgs) const = 0;

signals:
    void finished(quint64 token, const vigia::actions::CommandResult &result);

protected:
    // Implementations send the command and later call complete(token, ...).
    virtual void startCommand(quint64 token, const QStringList &kubectlArgs, int timeoutMs) = 0;
    void complete(quint64 token, const CommandResult &result) { emit finished(token, result); }

private:
    bool m_readOnly = false;
    quint64 m_nextToken = 1;
};

// Runs kubectl through a KubectlRunner (its detected prefix, its SSH connection).
class KubectlExecutor : public CommandExecutor {
    Q_OBJECT
public:
    explicit KubectlExecutor(remote::KubectlRunner *runner, QObject *parent = nullptr);
    QString commandLineFor(const QStringList &kubectlArgs) const override;

protected:
    void startCommand(quint64 token, const QStringList &kubectlArgs, int timeoutMs) override;

private:
    QPointer<remote::KubectlRunner> m_runner;
};

} // namespace vigia::actions

Q_DECLARE_METATYPE(vigia::actions::CommandResult)
