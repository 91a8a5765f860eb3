#pragma once
// vigia-bench's registry: each benchmark is a function registered by name from
// its own file with VIGIA_BENCH(name), so new issues add files, not edits.
#include "ProcessTree.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QHash>
#include <QString>
#include <QStringList>
#include <QTimer>

#include <unistd.h>

#include <algorithm>
#include <functional>
#include <optional>
#include <vector>

namespace vigia::test {
class Sandbox;
}

namespace vigia::bench {

// One printed figure: "bench: NAME VALUE UNIT[ ratio=R vs BASELINE]".
struct Figure {
    QString name;
    double value = 0;
    QString unit;
    std::optional<double> baseline; // same unit, measured in the same run
    QString baselineName;           // what the baseline is ("ssh_true")
};

class Context {
public:
    virtual ~Context() = default;
    virtual vigia::test::Sandbox &sandbox() = 0;
    virtual bool quick() const = 0; // --quick: few repetitions, small sizes (a smoke run)
    virtual void report(const Figure &figure) = 0;
    virtual void note(const QString &text) = 0; // "# ..." line, not a figure
};

// Returns false (after note()) when the benchmark could not run.
using BenchFunction = std::function<bool(Context &)>;

struct BenchEntry {
    QString name;
    QString description;
    BenchFunction run;
};

std::vector<BenchEntry> &registry();

struct Registrar {
    Registrar(const char *name, const char *description, BenchFunction fn)
    {
        registry().push_back({QString::fromLatin1(name), QString::fromUtf8(description), std::move(fn)});
    }
};

// Helpers shared by benchmarks.
double median(std::vector<double> v);
QString formatValue(double v);

// Runs the event loop until done() or timeoutMs; returns done(). done() is checked
// at least every 10 ms, and the loop sleeps in between.
inline bool runEventsUntil(const std::function<bool()> &done, int timeoutMs)
{
    QEventLoop loop;
    QTimer tick;
    QObject::connect(&tick, &QTimer::timeout, &loop, &QEventLoop::quit);
    tick.start(10);
    QElapsedTimer t;
    t.start();
    while (!done() && t.elapsed() < timeoutMs)
        loop.exec();
    return done();
}

// A "Key:   123 kB" field of /proc/PID/status in MB; -1 if unreadable.
inline double procStatusMb(qint64 pid, const QByteArray &key)
{
    QFile f(pid > 0 ? QStringLiteral("/proc/%1/status").arg(pid) : QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray prefix = key + ':';
    for (const QByteArray &line : f.readAll().split('\n'))
        if (line.startsWith(prefix))
            return line.mid(prefix.size()).trimmed().split(' ').value(0).toDouble() / 1024.0;
    return -1;
}
inline double ownRssMb()
{
    return procStatusMb(0, "VmRSS");
}

// Processes that a remote session started, read from /proc (the sandbox's sshd is
// local). CPU counts reaped children (cutime/cstime), so one-shot commands that
// already exited are included. sshd's own processes are the transport, shared by
// every feature: their own CPU and memory are kept apart from what they started.
struct ProcessTreeUsage {
    double cpuSeconds = 0;     // started processes, live and reaped
    double sshdCpuSeconds = 0; // the sshd processes themselves (crypto, channels)
    double rssMb = 0;          // started processes alive now, summed
    double hwmRssMb = 0;       // their peaks so far (VmHWM), summed: catches a short spike between polls
    double largestHwmMb = 0;   // the single largest started process
    int processes = 0;         // started processes alive now
};

// Usage of root and everything below it (root included if it is an sshd).
inline ProcessTreeUsage processTreeUsage(qint64 root)
{
    ProcessTreeUsage u;
    const double tick = double(sysconf(_SC_CLK_TCK));
    const double page = double(sysconf(_SC_PAGESIZE));
    const QList<qint64> tree = QList<qint64>{root} + test::proc::descendantsOf(root, true);
    for (const qint64 pid : tree) {
        QByteArray name;
        const QList<QByteArray> fld = test::proc::statFields(pid, &name); // fld[0] is field 3 (state)
        if (fld.size() < 22)
            continue;
        const bool sshd = name.startsWith("sshd");
        // utime, stime, cutime, cstime are fields 14-17 (indices 11-14); rss in pages is field 24 (21).
        const double own = (fld.at(11).toDouble() + fld.at(12).toDouble()) / tick;
        const double reaped = (fld.at(13).toDouble() + fld.at(14).toDouble()) / tick;
        if (sshd) {
            u.sshdCpuSeconds += own;
            u.cpuSeconds += reaped;
        } else {
            u.cpuSeconds += own + reaped;
            u.rssMb += fld.at(21).toDouble() * page / (1024.0 * 1024.0);
            const double hwm = procStatusMb(pid, "VmHWM");
            u.hwmRssMb += std::max(0.0, hwm);
            u.largestHwmMb = std::max(u.largestHwmMb, hwm);
            ++u.processes;
        }
    }
    return u;
}

} // namespace vigia::bench

#define VIGIA_BENCH_CAT2(a, b) a##b
#define VIGIA_BENCH_CAT(a, b) VIGIA_BENCH_CAT2(a, b)
// VIGIA_BENCH(ssh_connect, "what it measures") { ...; return true; }  (ctx is the Context&)
#define VIGIA_BENCH(name, description)                                                                       \
    static bool VIGIA_BENCH_CAT(vigiaBench_, name)(vigia::bench::Context & ctx);                             \
    static const vigia::bench::Registrar VIGIA_BENCH_CAT(vigiaBenchReg_, name)(                              \
        #name, description, &VIGIA_BENCH_CAT(vigiaBench_, name));                                            \
    static bool VIGIA_BENCH_CAT(vigiaBench_, name)(vigia::bench::Context & ctx)
