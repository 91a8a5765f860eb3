#include "db/CommandRunner.h"

#include "ssh/SshConnection.h"

#include <QCoreApplication>
#include <QProcess>
#include <QTimer>

namespace vigia::db {

namespace {

class LocalCommand : public RunningCommand {
public:
    LocalCommand(const QString &commandLine, int timeoutMs, const QProcessEnvironment *env)
    {
        m_proc = new QProcess(this);
        if (env)
            m_proc->setProcessEnvironment(*env);
        connect(m_proc, &QProcess::readyReadStandardOutput, this,
                [this] { emit stdoutReady(m_proc->readAllStandardOutput()); });
        connect(m_proc, &QProcess::readyReadStandardError, this,
                [this] { emit stderrReady(m_proc->readAllStandardError()); });
        connect(m_proc, &QProcess::finished, this, [this](int code, QProcess::ExitStatus status) {
            if (const QByteArray o = m_proc->readAllStandardOutput(); !o.isEmpty())
                emit stdoutReady(o);
            if (const QByteArray e = m_proc->readAllStandardError(); !e.isEmpty())
                emit stderrReady(e);
            if (status == QProcess::NormalExit)
                m_exit.exitCode = code;
            else if (!m_exit.cancelled && !m_exit.timedOut)
                m_exit.exitSignal = QStringLiteral("KILL");
            finish();
        });
        connect(m_proc, &QProcess::errorOccurred, this, [this](QProcess::ProcessError e) {
            if (e == QProcess::FailedToStart) {
                m_exit.error = makeError(QCoreApplication::translate("CommandRunner", "Could not start /bin/sh."), m_proc->errorString(),
                                         QStringLiteral("db.local-failed"));
                finish();
            }
        });
        if (timeoutMs > 0) {
            QTimer::singleShot(timeoutMs, this, [this] {
                if (m_done)
                    return;
                m_exit.timedOut = true;
                m_proc->kill();
            });
        }
        m_proc->start(QStringLiteral("/bin/sh"), {QStringLiteral("-c"), commandLine});
        m_proc->closeWriteChannel();
    }
    ~LocalCommand() override
    {
        if (m_proc->state() != QProcess::NotRunning) {
            m_proc->kill();
            m_proc->waitForFinished(2000);
        }
    }
    void cancel() override
    {
        if (m_done)
            return;
        m_exit.cancelled = true;
        m_proc->kill();
    }

private:
    void finish()
    {
        if (m_done)
            return;
        m_done = true;
        emit finished(m_exit);
    }
    QProcess *m_proc = nullptr;
    ssh::ExitInfo m_exit;
    bool m_done = false;
};

class SshCommand : public RunningCommand {
public:
    explicit SshCommand(ssh::SshChannel *channel) : m_channel(channel)
    {
        connect(channel, &ssh::SshChannel::stdoutReady, this, &RunningCommand::stdoutReady);
        connect(channel, &ssh::SshChannel::stderrReady, this, &RunningCommand::stderrReady);
        connect(channel, &ssh::SshChannel::finished, this, &RunningCommand::finished);
    }
    ~SshCommand() override
    {
        if (m_channel) {
            if (!m_channel->isFinished())
                m_channel->cancel();
            m_channel->deleteLater();
        }
    }
    void cancel() override
    {
        if (m_channel)
            m_channel->cancel();
    }

private:
    QPointer<ssh::SshChannel> m_channel;
};

class FailedCommand : public RunningCommand {
public:
    explicit FailedCommand(Error e)
    {
        ssh::ExitInfo exit;
        exit.error = std::move(e);
        // Queued, so the caller has connected before it fires.
        QTimer::singleShot(0, this, [this, exit] { emit finished(exit); });
    }
    void cancel() override {}
};

} // namespace

RunningCommand *LocalCommandRunner::start(const QString &commandLine, int timeoutMs)
{
    return new LocalCommand(commandLine, timeoutMs, m_hasEnv ? &m_env : nullptr);
}

SshCommandRunner::SshCommandRunner(ssh::SshConnection *connection, QObject *parent)
    : CommandRunner(parent), m_connection(connection)
{
}

RunningCommand *SshCommandRunner::start(const QString &commandLine, int timeoutMs)
{
    if (!m_connection)
        return new FailedCommand(makeError(QCoreApplication::translate("CommandRunner", "Not connected."), {}, QStringLiteral("db.not-connected")));
    ssh::ExecOptions opts;
    opts.timeoutMs = timeoutMs;
    return new SshCommand(m_connection->exec(commandLine, opts));
}

} // namespace vigia::db
