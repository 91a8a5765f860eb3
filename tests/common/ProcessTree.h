#pragma once
// The processes of this machine as /proc shows them: the one walker the tests and
// benches use to find, count, measure or kill what a remote session started below
// the sandbox's sshd (which is local). Header-only, Qt Core only.
#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QHash>
#include <QList>
#include <QString>

#include <unistd.h>

namespace vigia::test::proc {

// Every numeric entry of /proc.
inline QList<qint64> allPids()
{
    QList<qint64> pids;
    const QStringList entries = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &e : entries) {
        bool ok = false;
        const qint64 pid = e.toLongLong(&ok);
        if (ok)
            pids.append(pid);
    }
    return pids;
}

// The fields of /proc/PID/stat after the command name, so index 0 is field 3 (state),
// 1 the parent pid, 11..14 utime, stime, cutime, cstime (ticks) and 21 the RSS (pages).
// Empty when the process is gone. The name may hold spaces and parentheses: the
// fields start after the last ')'.
inline QList<QByteArray> statFields(qint64 pid, QByteArray *name = nullptr)
{
    QFile f(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    const QByteArray s = f.readAll();
    const qsizetype open = s.indexOf('(');
    const qsizetype close = s.lastIndexOf(')');
    if (open < 0 || close < open)
        return {};
    if (name)
        *name = s.mid(open + 1, close - open - 1);
    return s.mid(close + 2).split(' ');
}

// pid -> parent pid for every process; zombies only when asked for.
inline QHash<qint64, qint64> parentMap(bool withZombies = false)
{
    QHash<qint64, qint64> parents;
    for (const qint64 pid : allPids()) {
        const QList<QByteArray> fields = statFields(pid);
        if (fields.size() < 2 || (!withZombies && fields.at(0) == "Z"))
            continue;
        parents.insert(pid, fields.at(1).toLongLong());
    }
    return parents;
}

// Resident memory of pid in bytes (field 24 of stat, in pages); 0 when it is gone.
inline qint64 rssBytes(qint64 pid)
{
    return statFields(pid).value(21).toLongLong() * qint64(sysconf(_SC_PAGESIZE));
}

// The direct children of pid.
inline QList<qint64> childrenOf(qint64 pid, bool withZombies = false)
{
    QList<qint64> out;
    const QHash<qint64, qint64> parents = parentMap(withZombies);
    for (auto it = parents.cbegin(); it != parents.cend(); ++it)
        if (it.value() == pid)
            out.append(it.key());
    return out;
}

// Every process below root (root itself left out), parents before their children.
inline QList<qint64> descendantsOf(qint64 root, bool withZombies = false)
{
    const QHash<qint64, qint64> parents = parentMap(withZombies);
    QHash<qint64, QList<qint64>> children;
    for (auto it = parents.cbegin(); it != parents.cend(); ++it)
        children[it.value()].append(it.key());
    QList<qint64> out;
    QList<qint64> todo{root};
    // Bounded: the parent map is a forest, so each pid is visited at most once.
    while (!todo.isEmpty() && out.size() < 100000) {
        const qint64 p = todo.takeFirst();
        for (const qint64 c : children.value(p)) {
            out.append(c);
            todo.append(c);
        }
    }
    return out;
}

// argv of pid (empty when it is gone or a kernel thread).
inline QList<QByteArray> argv(qint64 pid)
{
    QFile f(QStringLiteral("/proc/%1/cmdline").arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    QByteArray all = f.readAll();
    if (all.endsWith('\0'))
        all.chop(1);
    if (all.isEmpty())
        return {};
    return all.split('\0');
}

// argv joined by spaces, as ps shows it.
inline QString commandLine(qint64 pid)
{
    return QString::fromUtf8(argv(pid).join(' '));
}

// The program argv[0] names, without its folder ("kubectl" for "/usr/local/bin/kubectl").
inline QString programName(qint64 pid)
{
    const QByteArray arg0 = argv(pid).value(0);
    return QString::fromUtf8(arg0.mid(arg0.lastIndexOf('/') + 1));
}

// /proc/PID/comm: the kernel's short name of the process.
inline QByteArray comm(qint64 pid)
{
    QFile f(QStringLiteral("/proc/%1/comm").arg(pid));
    return f.open(QIODevice::ReadOnly) ? f.readAll().trimmed() : QByteArray();
}

} // namespace vigia::test::proc
