#pragma once
// The transport a snapshot needs: run one command line, stream its stdout and
// stderr, report how it ended, cancel it. SshCommandRunner runs it on the
// server over an SSH exec channel; LocalCommandRunner runs it here with
// /bin/sh, so the whole snapshot path (the same command lines, the same
// verification) is tested without a server.
#include "ssh/SshTypes.h"

#include <QObject>
#include <QProcessEnvironment>
#include <QPointer>
#include <QString>


namespace vigia::ssh {
class SshConnection;
class SshChannel;
} // namespace vigia::ssh

namespace vigia::db {

class RunningCommand : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;
    virtual void cancel() = 0;

signals:
    void stdoutReady(const QByteArray &chunk);
    void stderrReady(const QByteArray &chunk);
    void finished(const vigia::ssh::ExitInfo &exit); // exactly once
};

class CommandRunner : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;
    // The command line is already quoted (remote::buildCommandLine). The
    // returned object belongs to the caller (deleteLater it after finished()).
    virtual RunningCommand *start(const QString &commandLine, int timeoutMs) = 0;
};

class LocalCommandRunner : public CommandRunner {
    Q_OBJECT
public:
    using CommandRunner::CommandRunner;
    RunningCommand *start(const QString &commandLine, int timeoutMs) override;
    // Tests: a PATH without sqlite3, or with a stand-in sudo.
    void setEnvironment(const QProcessEnvironment &env) { m_env = env; m_hasEnv = true; }

private:
    QProcessEnvironment m_env;
    bool m_hasEnv = false;
};

class SshCommandRunner : public CommandRunner {
    Q_OBJECT
public:
    explicit SshCommandRunner(ssh::SshConnection *connection, QObject *parent = nullptr);
    RunningCommand *start(const QString &commandLine, int timeoutMs) override;

private:
    QPointer<ssh::SshConnection> m_connection;
};

} // namespace vigia::db
