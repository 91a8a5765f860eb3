#include "remote/KubectlRunner.h"

#include "remote/ReadOnlyGate.h"

#include "core/Log.h"
#include "core/MetaTypes.h"
#include "remote/KubectlErrors.h"
#include "remote/ShellQuote.h"

#include <QCoreApplication>
#include <QPointer>
#include <QTimer>

#include <functional>
#include <memory>

namespace vigia::remote {

namespace {

// The probe asks the API for its version: cheap, and it fails exactly the way
// every later command would (no kubectl, unreadable kubeconfig, sudo, API down).
const QStringList kProbeArgs{QStringLiteral("version"), QStringLiteral("-o"), QStringLiteral("json"),
                             QStringLiteral("--request-timeout=10s")};
constexpr int kProbeTimeoutMs = 15000;
constexpr int kCustomProbeTimeoutMs = 60000; // a list of thousands of pods on a slow VPS
// A pod list of the large scenario is tens of MB; anything far beyond is a runaway.
constexpr qsizetype kMaxCollectedBytes = qsizetype(512) * 1024 * 1024;

bool isApiLevelFailure(const QString &code)
{
    return code == QLatin1String("kube.refused") || code == QLatin1String("kube.timeout") ||
           code == QLatin1String("kube.server-error") || code == QLatin1String("kube.unauthorized") ||
           code == QLatin1String("kube.forbidden");
}

struct Collected {
    QByteArray out;
    QByteArray err;
    bool overflow = false;
};

} // namespace

// One detection run. It is a child of the runner and the context of every
// connection it makes, so deleting it (a new detect()) silences the old run.
class DetectContext : public QObject {
public:
    DetectContext(KubectlRunner *runner, ssh::SshConnection *connection, QList<QStringList> candidates,
                  QStringList probeArgs)
        : QObject(runner), m_runner(runner), m_connection(connection), m_candidates(std::move(candidates)),
          m_probeArgs(std::move(probeArgs))
    {
        setObjectName(QStringLiteral("vigia-kubectl-detection"));
    }

    // Emits through the runner; returns the prefix found via onDetected.
    std::function<void(const QStringList &)> onDetected;
    // Detection failed, but this prefix did run kubectl (the API was the problem).
    std::function<void(const QStringList &)> onUsable;

    void tryNext()
    {
        if (m_index >= m_candidates.size()) {
            const Error e =
                m_best.value_or(makeError(QCoreApplication::translate("KubectlRunner", "kubectl could not be run on the server."),
                                          QString(), QStringLiteral("kube.failed")));
            qCInfo(lcRemote) << "kubectl detection failed:" << e.code << e.message;
            finish();
            if (m_usable && onUsable)
                onUsable(*m_usable);
            emit m_runner->detectionFailed(e);
            return;
        }
        const QStringList prefix = m_candidates.at(m_index);
        const bool custom = !m_probeArgs.isEmpty();
        ssh::ExecOptions opts;
        opts.timeoutMs = custom ? kCustomProbeTimeoutMs : kProbeTimeoutMs;
        ssh::SshChannel *ch =
            m_connection
                ? m_connection->exec(buildCommandLine(prefix + (custom ? m_probeArgs : kProbeArgs)), opts)
                : nullptr;
        if (!ch) {
            finish();
            emit m_runner->detectionFailed(
                makeError(QCoreApplication::translate("KubectlRunner", "There is no SSH connection to run kubectl on."), QString(),
                          QStringLiteral("kube.no-connection")));
            return;
        }
        // The channel goes away when it ends, whether or not this run still cares.
        connect(ch, &ssh::SshChannel::finished, ch, &QObject::deleteLater);
        auto data = std::make_shared<Collected>();
        // A custom probe's output is the caller's data (a pod list can be tens of MB).
        const qsizetype keep = custom ? kMaxCollectedBytes : 1024 * 1024;
        connect(ch, &ssh::SshChannel::stdoutReady, this, [data, keep, ch](const QByteArray &c) {
            if (data->overflow)
                return;
            if (data->out.size() + c.size() > keep) {
                data->overflow = true;
                data->out.clear();
                if (keep > 1024 * 1024)
                    ch->cancel();
                return;
            }
            data->out += c;
        });
        connect(ch, &ssh::SshChannel::stderrReady, this, [data](const QByteArray &c) {
            if (data->err.size() < 64 * 1024)
                data->err += c;
        });
        connect(ch, &ssh::SshChannel::finished, this, [this, data, prefix](const ssh::ExitInfo &exit) {
            const std::optional<Error> err = kubectlExitError(exit, data->err);
            if (!err) {
                qCInfo(lcRemote) << "kubectl detected:" << prefix.join(QLatin1Char(' '));
                finish();
                if (!m_probeArgs.isEmpty())
                    emit m_runner->probed(data->overflow ? QByteArray() : data->out);
                onDetected(prefix);
                return;
            }
            qCDebug(lcRemote) << "kubectl probe failed for" << prefix.join(QLatin1Char(' ')) << err->code;
            if (!m_best || kubectlFailureRank(*err) > kubectlFailureRank(*m_best))
                m_best = *err;
            // kubectl itself ran and reached for its API: the prefix is right even
            // though the API is down, so later runs can succeed once it is back.
            if (!m_usable && isApiLevelFailure(err->code))
                m_usable = prefix;
            // A transport failure will not get better with another prefix, and an
            // API that does not answer in time would cost every prefix the same wait.
            const bool hopeless = exit.error.has_value() || err->code == QLatin1String("kube.timeout");
            m_index = hopeless ? int(m_candidates.size()) : m_index + 1;
            tryNext();
        });
    }

private:
    void finish() { deleteLater(); }

    KubectlRunner *m_runner;
    QPointer<ssh::SshConnection> m_connection;
    QList<QStringList> m_candidates;
    QStringList m_probeArgs;
    int m_index = 0;
    std::optional<Error> m_best;
    std::optional<QStringList> m_usable;
};

KubectlRunner::KubectlRunner(ssh::SshConnection *connection, QObject *parent)
    : QObject(parent), m_connection(connection)
{
    registerCoreMetaTypes();
}

void KubectlRunner::detect(const QString &overrideCommand, const QStringList &probeArgs)
{
    m_prefix.clear();
    delete findChild<QObject *>(QStringLiteral("vigia-kubectl-detection"), Qt::FindDirectChildrenOnly);

    QList<QStringList> candidates;
    const QString trimmed = overrideCommand.trimmed();
    if (!trimmed.isEmpty()) {
        // The profile says how; it is still probed so a wrong override gets a clear message.
        candidates << trimmed.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    } else {
        candidates << QStringList{QStringLiteral("kubectl")}
                   << QStringList{QStringLiteral("k3s"), QStringLiteral("kubectl")}
                   << QStringList{QStringLiteral("sudo"), QStringLiteral("-n"), QStringLiteral("k3s"),
                                  QStringLiteral("kubectl")};
    }
    auto *ctx = new DetectContext(this, m_connection, candidates, probeArgs);
    ctx->onDetected = [this](const QStringList &prefix) {
        m_prefix = prefix;
        emit detected(prefix);
    };
    ctx->onUsable = [this](const QStringList &prefix) { m_prefix = prefix; };
    // Start from the event loop so callers can connect after detect() returns.
    QTimer::singleShot(0, ctx, [ctx]() { ctx->tryNext(); });
}

quint64 KubectlRunner::run(const QStringList &kubectlArgs, int timeoutMs)
{
    const quint64 token = m_nextToken++;
    auto failLater = [this, token](Error e) {
        // Never emit from inside run(): the caller connects after it returns the token.
        QTimer::singleShot(0, this, [this, token, e]() { emit finished(token, Result<QByteArray>(e)); });
    };
    if (m_readOnly && isMutatingKubectl(kubectlArgs)) {
        failLater(readOnlyRefusal(QStringLiteral("kubectl ") + kubectlArgs.join(QLatin1Char(' '))));
        return token;
    }
    if (!m_connection) {
        failLater(makeError(QCoreApplication::translate("KubectlRunner", "There is no SSH connection to run kubectl on."), QString(),
                            QStringLiteral("kube.no-connection")));
        return token;
    }
    if (m_prefix.isEmpty()) {
        failLater(makeError(QCoreApplication::translate("KubectlRunner", "kubectl has not been found on this server yet."), QString(),
                            QStringLiteral("kube.not-detected")));
        return token;
    }
    ssh::ExecOptions opts;
    opts.timeoutMs = timeoutMs;
    ssh::SshChannel *ch = m_connection->exec(buildCommandLine(m_prefix + kubectlArgs), opts);
    if (!ch) {
        failLater(makeError(QCoreApplication::translate("KubectlRunner", "The SSH connection could not start a command."), QString(),
                            QStringLiteral("kube.no-connection")));
        return token;
    }
    auto data = std::make_shared<Collected>();
    connect(ch, &ssh::SshChannel::stdoutReady, this, [data, ch](const QByteArray &c) {
        if (data->overflow)
            return;
        if (data->out.size() + c.size() > kMaxCollectedBytes) {
            data->overflow = true;
            data->out.clear();
            ch->cancel();
            return;
        }
        data->out += c;
    });
    connect(ch, &ssh::SshChannel::stderrReady, this, [data](const QByteArray &c) {
        if (data->err.size() < 256 * 1024)
            data->err += c;
    });
    connect(ch, &ssh::SshChannel::finished, this, [this, ch, data, token](const ssh::ExitInfo &exit) {
        ch->deleteLater();
        if (data->overflow) {
            emit finished(token,
                          Result<QByteArray>(makeError(
                              QCoreApplication::translate("KubectlRunner", "kubectl printed more than %1 MB; the output was dropped.")
                                  .arg(kMaxCollectedBytes / (1024 * 1024)),
                              QString(), QStringLiteral("kube.too-large"))));
            return;
        }
        if (std::optional<Error> err = kubectlExitError(exit, data->err)) {
            emit finished(token, Result<QByteArray>(*err));
            return;
        }
        emit finished(token, Result<QByteArray>(std::move(data->out)));
    });
    return token;
}

ssh::SshChannel *KubectlRunner::stream(const QStringList &kubectlArgs, const QStringList &env)
{
    if (!m_connection || m_prefix.isEmpty() || (m_readOnly && isMutatingKubectl(kubectlArgs)))
        return nullptr;
    QStringList argv = m_prefix + kubectlArgs;
    if (!env.isEmpty() && m_prefix.first() != QLatin1String("sudo"))
        argv = QStringList{QStringLiteral("env")} + env + argv;
    return m_connection->exec(buildCommandLine(argv));
}

} // namespace vigia::remote
