#include "logs/ServerLogSource.h"

#include <QCoreApplication>

namespace vigia::logs {

namespace {

QString firstLine(const QByteArray &bytes)
{
    const QString t = QString::fromUtf8(bytes).trimmed();
    const qsizetype nl = t.indexOf(QLatin1Char('\n'));
    return (nl < 0 ? t : t.left(nl)).left(300);
}

} // namespace

ServerLogSource::ServerLogSource(int tailLines) : m_tail(tailLines), m_candidates(candidates(tailLines)) {}

QList<ServerLogCandidate> ServerLogSource::candidates(int tailLines)
{
    const QString tail = tailLines < 0 ? QStringLiteral("all") : QString::number(tailLines);
    const QStringList journal{QStringLiteral("journalctl"), QStringLiteral("-u"), QStringLiteral("k3s"),
                              QStringLiteral("-q"), QStringLiteral("--no-pager"), QStringLiteral("-o"),
                              QStringLiteral("short-iso")};
    const QStringList probeOne{QStringLiteral("-n"), QStringLiteral("1")};
    const QStringList follow{QStringLiteral("-n"), tail, QStringLiteral("-f")};
    const QStringList sudo{QStringLiteral("sudo"), QStringLiteral("-n")};
    const QString file = QStringLiteral("/var/log/k3s.log");

    QList<ServerLogCandidate> c;
    c.append({QStringLiteral("journalctl -u k3s"), journal + probeOne, journal + follow, true});
    // -n: never a password prompt; a sudoers rule either allows it or the step fails at once.
    c.append({QStringLiteral("sudo -n journalctl -u k3s"), sudo + journal + probeOne, sudo + journal + follow, true});
    // -F follows the file across K3s's log rotation; "+1" is tail's "from the first line".
    c.append({file,
              {QStringLiteral("tail"), QStringLiteral("-n"), QStringLiteral("1"), file},
              {QStringLiteral("tail"), QStringLiteral("-n"), tailLines < 0 ? QStringLiteral("+1") : tail,
               QStringLiteral("-F"), file},
              false});
    return c;
}

const ServerLogCandidate *ServerLogSource::current() const
{
    return m_step < m_candidates.size() ? &m_candidates.at(m_step) : nullptr;
}

bool ServerLogSource::recordProbe(const ServerLogProbe &probe)
{
    const ServerLogCandidate *c = current();
    if (!c)
        return false;
    if (probe.started && probe.exit.success() && (!c->needsOutput || !probe.out.trimmed().isEmpty()))
        return true;

    QString why;
    if (!probe.started) {
        why = QCoreApplication::translate("ServerLogSource", "the command could not be started");
    } else {
        why = firstLine(probe.err);
        if (why.isEmpty() && probe.exit.error)
            why = probe.exit.error->message;
        if (why.isEmpty() && probe.exit.timedOut)
            why = QCoreApplication::translate("ServerLogSource", "no answer in time");
        if (why.isEmpty())
            why = probe.exit.success()
                      ? QCoreApplication::translate("ServerLogSource", "no k3s entries visible to this user")
                      : QCoreApplication::translate("ServerLogSource", "exit code %1").arg(probe.exit.exitCode.value_or(-1));
    }
    m_problems << QStringLiteral("%1: %2").arg(c->what, why);
    ++m_step;
    return false;
}

QString ServerLogSource::fixAdvice()
{
    return QCoreApplication::translate("ServerLogSource",
                                       "To fix: add the SSH user to the systemd-journal group "
                                       "(sudo usermod -aG systemd-journal USER), allow it `sudo -n journalctl`, "
                                       "or make /var/log/k3s.log readable.");
}

} // namespace vigia::logs
