#include "Sandbox.h"

#include "ProcessTree.h"

#include <QDir>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>

#include <csignal>
#include <sys/types.h>

#ifndef VIGIA_SANDBOX_DIR
#error "VIGIA_SANDBOX_DIR must point at tests/sandbox"
#endif

namespace vigia::test {

namespace {
constexpr int kStartTimeoutMs = 60000;
constexpr int kStopTimeoutMs = 20000;
constexpr int kCtlTimeoutMs = 30000;
} // namespace

Sandbox::Sandbox() = default;

Sandbox::~Sandbox()
{
    stop();
}

QString Sandbox::scriptPath()
{
    return QStringLiteral(VIGIA_SANDBOX_DIR "/vigia-sandbox");
}

bool Sandbox::runScript(const QStringList &args, QByteArray *out, int timeoutMs)
{
    QProcess p;
    p.setProgram(QStringLiteral("python3"));
    p.setArguments(QStringList{scriptPath()} + args);
    p.start();
    if (!p.waitForStarted(10000)) {
        m_error = QStringLiteral("cannot run python3 %1: %2").arg(scriptPath(), p.errorString());
        return false;
    }
    p.closeWriteChannel();
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished(5000);
        m_error = QStringLiteral("vigia-sandbox %1 did not finish within %2 s")
                      .arg(args.value(0))
                      .arg(timeoutMs / 1000);
        return false;
    }
    const QByteArray so = p.readAllStandardOutput();
    const QByteArray se = p.readAllStandardError();
    if (out)
        *out = so;
    if (p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        m_error = QStringLiteral("vigia-sandbox %1 failed (exit %2): %3")
                      .arg(args.value(0))
                      .arg(p.exitCode())
                      .arg(QString::fromUtf8(se.isEmpty() ? so : se).trimmed());
        return false;
    }
    return true;
}

bool Sandbox::start(const QString &scenario, const QStringList &extraArgs)
{
    stop();
    m_tmp = std::make_unique<QTemporaryDir>(QDir::tempPath() + QStringLiteral("/vigia-sandbox-XXXXXX"));
    if (!m_tmp->isValid()) {
        m_error = QStringLiteral("cannot create a temporary directory: %1").arg(m_tmp->errorString());
        return false;
    }
    // VIGIA_SANDBOX_KEEP=1 keeps the folder (sshd.log, k3sim.log, audit.jsonl) for post-mortems.
    if (qEnvironmentVariableIntValue("VIGIA_SANDBOX_KEEP") == 1)
        m_tmp->setAutoRemove(false);
    QByteArray out;
    const QStringList args = QStringList{QStringLiteral("start"), QStringLiteral("--dir"), m_tmp->path(),
                                         QStringLiteral("--scenario"), scenario} +
                             extraArgs;
    if (!runScript(args, &out, kStartTimeoutMs)) {
        runScript({QStringLiteral("stop"), QStringLiteral("--dir"), m_tmp->path()}, nullptr, kStopTimeoutMs);
        return false;
    }
    // The JSON object is the last non-empty line of stdout.
    const QList<QByteArray> lines = out.trimmed().split('\n');
    QJsonParseError perr{};
    const QJsonDocument doc = QJsonDocument::fromJson(lines.isEmpty() ? QByteArray() : lines.last(), &perr);
    if (!doc.isObject()) {
        m_error = QStringLiteral("vigia-sandbox start printed no JSON: %1").arg(perr.errorString());
        runScript({QStringLiteral("stop"), QStringLiteral("--dir"), m_tmp->path()}, nullptr, kStopTimeoutMs);
        return false;
    }
    m_info = doc.object();
    m_running = true;
    return true;
}

void Sandbox::stop()
{
    if (m_tmp && m_tmp->isValid()) {
        if (m_running || QFile::exists(m_tmp->filePath(QStringLiteral("api.json"))))
            runScript({QStringLiteral("stop"), QStringLiteral("--dir"), m_tmp->path()}, nullptr,
                      kStopTimeoutMs);
    }
    m_running = false;
    m_tmp.reset();
}

QString Sandbox::host() const
{
    return m_info.value(QStringLiteral("host")).toString();
}
quint16 Sandbox::sshPort() const
{
    return static_cast<quint16>(m_info.value(QStringLiteral("ssh_port")).toInt());
}
quint16 Sandbox::apiPort() const
{
    return static_cast<quint16>(m_info.value(QStringLiteral("api_port")).toInt());
}
QString Sandbox::user() const
{
    return m_info.value(QStringLiteral("user")).toString();
}
QString Sandbox::keyPath(const QString &kind) const
{
    return m_info.value(QStringLiteral("keys")).toObject().value(kind).toString();
}
QString Sandbox::passphrase() const
{
    return m_info.value(QStringLiteral("passphrase")).toString();
}
QString Sandbox::knownHostsPath() const
{
    return m_info.value(QStringLiteral("known_hosts")).toString();
}
QString Sandbox::sshConfigPath() const
{
    return m_info.value(QStringLiteral("ssh_config")).toString();
}
QString Sandbox::sshAlias() const
{
    return m_info.value(QStringLiteral("ssh_alias")).toString();
}
QString Sandbox::auditLogPath() const
{
    return m_info.value(QStringLiteral("audit_log")).toString();
}
QString Sandbox::kubeconfigPath() const
{
    return m_info.value(QStringLiteral("kubeconfig")).toString();
}
QString Sandbox::storageRoot() const
{
    return m_info.value(QStringLiteral("storage_root")).toString();
}
QString Sandbox::dir() const
{
    return m_tmp ? m_tmp->path() : QString();
}
qint64 Sandbox::sshdPid() const
{
    return m_info.value(QStringLiteral("sshd_pid")).toInteger();
}

ssh::SshTarget Sandbox::target(const QString &keyKind) const
{
    ssh::SshTarget t;
    t.host = host();
    t.port = sshPort();
    t.user = user();
    t.identityFiles = QStringList{keyPath(keyKind)};
    t.useDefaultIdentities = false;
    t.useAgent = false;
    t.knownHostsPath = knownHostsPath();
    return t;
}

using proc::descendantsOf;

int Sandbox::remoteProcessCount(const QString &pattern, const QString &program) const
{
    const qint64 root = sshdPid();
    if (root <= 0)
        return 0;
    int n = 0;
    for (const qint64 pid : descendantsOf(root)) {
        if (!program.isEmpty() && proc::programName(pid) != program)
            continue;
        // A trailing space, as ps would show the argv: "/usr/sbin/sshd" alone still matches "/sshd ".
        const QString line = proc::commandLine(pid) + QLatin1Char(' ');
        // sshd's own per-connection processes are not "remote processes".
        if (line.startsWith(QStringLiteral("sshd:")) || line.contains(QStringLiteral("/sshd ")))
            continue;
        if (pattern.isEmpty() || line.contains(pattern))
            ++n;
    }
    return n;
}

void Sandbox::killSshd()
{
    const qint64 root = sshdPid();
    if (root <= 0)
        return;
    const QList<qint64> pids = descendantsOf(root);
    ::kill(static_cast<pid_t>(root), SIGKILL);
    for (qint64 pid : pids)
        ::kill(static_cast<pid_t>(pid), SIGKILL);
}

int Sandbox::killSshdSessions()
{
    const qint64 root = sshdPid();
    if (root <= 0)
        return 0;
    int killed = 0;
    for (const qint64 pid : descendantsOf(root)) {
        const QByteArray cmd = proc::argv(pid).join(' ');
        if (cmd.startsWith("sshd:") || cmd.contains("/sshd")) {
            ::kill(static_cast<pid_t>(pid), SIGKILL);
            ++killed;
        }
    }
    return killed;
}

bool Sandbox::ctl(const QStringList &args, QString *output)
{
    if (!m_tmp)
        return false;
    QByteArray out;
    const bool ok =
        runScript(QStringList{QStringLiteral("ctl"), QStringLiteral("--dir"), m_tmp->path()} + args, &out,
                  kCtlTimeoutMs);
    if (output)
        *output = QString::fromUtf8(out);
    return ok;
}

QList<QJsonObject> Sandbox::auditEntries() const
{
    QList<QJsonObject> out;
    QFile f(auditLogPath());
    if (!f.open(QIODevice::ReadOnly))
        return out;
    while (!f.atEnd()) {
        const QByteArray line = f.readLine().trimmed();
        if (line.isEmpty())
            continue;
        const QJsonDocument d = QJsonDocument::fromJson(line);
        if (d.isObject())
            out.append(d.object());
    }
    return out;
}

int Sandbox::runSsh(const QString &command, QByteArray *stdoutData, int timeoutMs) const
{
    QProcess p;
    p.start(QStringLiteral("ssh"), {QStringLiteral("-F"), sshConfigPath(), sshAlias(), command});
    if (!p.waitForStarted(10000))
        return -1;
    p.closeWriteChannel();
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished(5000);
        return -1;
    }
    if (stdoutData)
        *stdoutData = p.readAllStandardOutput();
    return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
}

} // namespace vigia::test
