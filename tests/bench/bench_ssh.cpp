// SSH transport against the OpenSSH client, on the same sandbox in the same run.
// Targets (issue 2): connect <= 1.0x `ssh host true`, a second command on an
// open session <= 0.3x a fresh `ssh host CMD`, streaming >= 0.8x OpenSSH's.
#include "BenchRegistry.h"
#include "Sandbox.h"
#include "remote/ShellQuote.h"
#include "ssh/SshConnection.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QProcess>
#include <QTimer>

#include <memory>

using namespace vigia;
using namespace vigia::bench;

namespace {

// Runs the event loop until `done` (checked after every signal that quits) or the timeout.
bool spin(const std::function<bool()> &done, int timeoutMs, QEventLoop &loop)
{
    QTimer guard;
    guard.setSingleShot(true);
    QObject::connect(&guard, &QTimer::timeout, &loop, &QEventLoop::quit);
    guard.start(timeoutMs);
    while (!done() && guard.isActive())
        loop.exec();
    return done();
}

std::unique_ptr<ssh::SshConnection> connectOnce(const ssh::SshTarget &t, double *ms, QString *error)
{
    auto c = std::make_unique<ssh::SshConnection>();
    QEventLoop loop;
    bool ok = false, failed = false;
    QObject::connect(c.get(), &ssh::SshConnection::connected, &loop, [&] {
        ok = true;
        loop.quit();
    });
    QObject::connect(c.get(), &ssh::SshConnection::failed, &loop, [&](const Error &e) {
        failed = true;
        *error = e.toString();
        loop.quit();
    });
    QElapsedTimer timer;
    timer.start();
    c->open(t);
    spin([&] { return ok || failed; }, 20000, loop);
    *ms = double(timer.nsecsElapsed()) / 1e6;
    if (!ok) {
        if (error->isEmpty())
            *error = QStringLiteral("timed out");
        return nullptr;
    }
    return c;
}

// Wall time of one OpenSSH client run, stdout discarded.
double timeSsh(test::Sandbox &sb, const QStringList &extra, const QString &remote, bool *ok)
{
    QProcess p;
    p.setStandardOutputFile(QProcess::nullDevice());
    QStringList args{QStringLiteral("-F"), sb.sshConfigPath(), QStringLiteral("-o"),
                     QStringLiteral("BatchMode=yes")};
    args << extra << QStringLiteral("vigia-sandbox") << remote;
    QElapsedTimer timer;
    timer.start();
    p.start(QStringLiteral("ssh"), args);
    const bool finished = p.waitForFinished(120000);
    const double ms = double(timer.nsecsElapsed()) / 1e6;
    *ok = finished && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
    if (!*ok)
        qWarning().noquote() << "ssh" << args.join(QLatin1Char(' ')) << "failed:" << p.readAllStandardError();
    return ms;
}

// Runs one command on an open connection; returns ms, or -1.
double timeExec(ssh::SshConnection &c, const QString &commandLine, qint64 *bytes)
{
    QEventLoop loop;
    bool done = false;
    bool success = false;
    qint64 got = 0;
    QElapsedTimer timer;
    timer.start();
    ssh::SshChannel *ch = c.exec(commandLine);
    QObject::connect(ch, &ssh::SshChannel::stdoutReady, &loop,
                     [&](const QByteArray &chunk) { got += chunk.size(); });
    QObject::connect(ch, &ssh::SshChannel::finished, &loop, [&](const ssh::ExitInfo &e) {
        done = true;
        success = e.success();
        loop.quit();
    });
    spin([&] { return done; }, 120000, loop);
    const double ms = double(timer.nsecsElapsed()) / 1e6;
    delete ch;
    if (bytes)
        *bytes = got;
    return done && success ? ms : -1;
}

double opensshTrueMedian(Context &ctx, int runs, bool *ok)
{
    std::vector<double> v;
    for (int i = 0; i < runs; ++i) {
        const double ms = timeSsh(ctx.sandbox(), {}, QStringLiteral("true"), ok);
        if (!*ok)
            return 0;
        v.push_back(ms);
    }
    return median(v);
}

} // namespace

VIGIA_BENCH(ssh_connect, "TCP + handshake + host key check + public key auth, median, vs `ssh host true`")
{
    const int runs = ctx.quick() ? 3 : 15;
    std::vector<double> ours, theirs;
    for (int i = 0; i < runs; ++i) { // interleaved, so load changes hit both sides alike
        double ms = 0;
        QString error;
        auto c = connectOnce(ctx.sandbox().target(QStringLiteral("ed25519")), &ms, &error);
        if (!c) {
            ctx.note(QStringLiteral("ssh_connect: %1").arg(error));
            return false;
        }
        ours.push_back(ms);
        c.reset();
        bool ok = false;
        theirs.push_back(timeSsh(ctx.sandbox(), {}, QStringLiteral("true"), &ok));
        if (!ok)
            return false;
    }
    ctx.report({QStringLiteral("ssh_connect"), median(ours), QStringLiteral("ms"), median(theirs),
                QStringLiteral("ssh_true")});
    return true;
}

VIGIA_BENCH(ssh_second_command, "`true` on an already open session, median, vs a fresh `ssh host true`")
{
    const int runs = ctx.quick() ? 3 : 30;
    double connectMs = 0;
    QString error;
    auto c = connectOnce(ctx.sandbox().target(QStringLiteral("ed25519")), &connectMs, &error);
    if (!c) {
        ctx.note(QStringLiteral("ssh_second_command: %1").arg(error));
        return false;
    }
    timeExec(*c, QStringLiteral("true"), nullptr); // warm-up: the first channel
    std::vector<double> ours;
    for (int i = 0; i < runs; ++i) {
        const double ms = timeExec(*c, QStringLiteral("true"), nullptr);
        if (ms < 0)
            return false;
        ours.push_back(ms);
    }
    bool ok = false;
    const double base = opensshTrueMedian(ctx, ctx.quick() ? 3 : 15, &ok);
    if (!ok)
        return false;
    ctx.report({QStringLiteral("ssh_second_command"), median(ours), QStringLiteral("ms"), base,
                QStringLiteral("ssh_fresh_true")});
    return true;
}

VIGIA_BENCH(ssh_stream, "200 MB through one channel, MB/s, vs OpenSSH with the same cipher and MAC")
{
    const qint64 size = (ctx.quick() ? 20LL : 200LL) * 1024 * 1024;
    const int runs = ctx.quick() ? 1 : 3;
    double connectMs = 0;
    QString error;
    auto c = connectOnce(ctx.sandbox().target(QStringLiteral("ed25519")), &connectMs, &error);
    if (!c) {
        ctx.note(QStringLiteral("ssh_stream: %1").arg(error));
        return false;
    }
    const QString remote = remote::buildCommandLine(
        {QStringLiteral("head"), QStringLiteral("-c"), QString::number(size), QStringLiteral("/dev/zero")});
    QStringList extra;
    if (!c->cipher().isEmpty())
        extra << QStringLiteral("-c") << c->cipher();
    if (!c->mac().isEmpty())
        extra << QStringLiteral("-m") << c->mac();
    // Interleaved runs, so a change in machine load hits both sides alike.
    std::vector<double> ours, theirs;
    for (int i = 0; i < runs; ++i) {
        qint64 bytes = 0;
        const double ms = timeExec(*c, remote, &bytes);
        if (ms < 0 || bytes != size) {
            ctx.note(QStringLiteral("ssh_stream: got %1 of %2 bytes").arg(bytes).arg(size));
            return false;
        }
        ours.push_back(double(size) / (1024.0 * 1024.0) / (ms / 1000.0));
        bool ok = false;
        const double theirMs = timeSsh(ctx.sandbox(), extra, remote, &ok);
        if (!ok)
            return false;
        theirs.push_back(double(size) / (1024.0 * 1024.0) / (theirMs / 1000.0));
    }
    ctx.note(QStringLiteral("ssh_stream: cipher %1, mac %2, %3 MB per run")
                 .arg(c->cipher(), c->mac())
                 .arg(size >> 20));
    ctx.report({QStringLiteral("ssh_stream"), median(ours), QStringLiteral("MB/s"), median(theirs),
                QStringLiteral("openssh")});
    return true;
}
