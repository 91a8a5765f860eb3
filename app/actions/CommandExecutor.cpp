#include "actions/CommandExecutor.h"

#include "actions/ActionSpec.h"
#include "core/Log.h"
#include "remote/KubectlErrors.h"
#include "remote/KubectlRunner.h"
#include "remote/ReadOnlyGate.h"
#include "remote/ShellQuote.h"
#include "ssh/SshConnection.h"

#include <QCoreApplication>
#include <QTimer>

#include <memory>

namespace vigia::actions {

quint64 CommandExecutor::start(const QStringList &kubectlArgs, int timeoutMs)
{
    static const int registered = [] {
        qRegisterMetaType<CommandResult>();
        return 0;
    }();
    Q_UNUSED(registered);
    const quint64 token = m_nextToken++;
    if (m_readOnly && remote::isMutatingKubectl(kubectlArgs)) {
        qCInfo(lcRemote) << "read-only: refused a mutating kubectl command";
        CommandResult r;
        r.error = remote::readOnlyRefusal(QStringLiteral("kubectl ") + kubectlArgs.value(0) + QLatin1Char(' ') +
                                  kubectlArgs.value(1));
        QTimer::singleShot(0, this, [this, token, r]() { complete(token, r); });
        return token;
    }
    startCommand(token, kubectlArgs, timeoutMs);
    return token;
}

KubectlExecutor::KubectlExecutor(remote::KubectlRunner *runner, QObject *parent)
    : CommandExecutor(parent), m_runner(runner)
{
}

QString KubectlExecutor::commandLineFor(const QStringList &kubectlArgs) const
{
    const QStringList prefix = m_runner ? m_runner->prefix() : QStringList();
    return remote::buildCommandLine((prefix.isEmpty() ? QStringList{QStringLiteral("kubectl")} : prefix) +
                                    kubectlArgs);
}

namespace {
struct Pending {
    CommandResult result;
    bool done = false;
};
constexpr qsizetype kMaxOut = qsizetype(64) * 1024 * 1024;
} // namespace

void KubectlExecutor::startCommand(quint64 token, const QStringList &kubectlArgs, int timeoutMs)
{
    auto failLater = [this, token](Error e) {
        CommandResult r;
        r.error = std::move(e);
        QTimer::singleShot(0, this, [this, token, r]() { complete(token, r); });
    };
    if (!m_runner || !m_runner->isReady()) {
        failLater(makeError(QCoreApplication::translate("CommandExecutor", "kubectl is not ready on this server yet."), QString(),
                            QStringLiteral("kube.not-detected")));
        return;
    }
    // stream() hands back the channel itself, so the exit code reaches the
    // audit trail (run() keeps only an Error).
    ssh::SshChannel *ch = m_runner->stream(kubectlArgs);
    if (!ch) {
        failLater(makeError(QCoreApplication::translate("CommandExecutor", "The SSH connection could not start a command."), QString(),
                            QStringLiteral("kube.no-connection")));
        return;
    }
    auto p = std::make_shared<Pending>();
    p->result.commandLine = commandLineFor(kubectlArgs);
    connect(ch, &ssh::SshChannel::stdoutReady, this, [p](const QByteArray &c) {
        if (p->result.out.size() < kMaxOut)
            p->result.out += c;
    });
    connect(ch, &ssh::SshChannel::stderrReady, this, [p](const QByteArray &c) {
        if (p->result.err.size() < 256 * 1024)
            p->result.err += c;
    });
    if (timeoutMs > 0) {
        // Our own deadline: the runner's stream() has none.
        QPointer<ssh::SshChannel> guard(ch);
        QTimer::singleShot(timeoutMs, this, [guard]() {
            if (guard && !guard->isFinished())
                guard->cancel();
        });
    }
    connect(ch, &ssh::SshChannel::finished, this, [this, ch, p, token, timeoutMs](const ssh::ExitInfo &exit) {
        ch->deleteLater();
        if (p->done)
            return;
        p->done = true;
        p->result.exitCode = exit.exitCode;
        if (std::optional<Error> err = remote::kubectlExitError(exit, p->result.err)) {
            if (exit.cancelled && timeoutMs > 0)
                err = makeError(QCoreApplication::translate("CommandExecutor", "kubectl did not finish within %1 s.").arg(timeoutMs / 1000),
                                QString(), QStringLiteral("kube.timeout"));
            p->result.error = *err;
        }
        complete(token, p->result);
    });
}

} // namespace vigia::actions
