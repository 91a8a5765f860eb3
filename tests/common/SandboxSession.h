#pragma once
// Connect-and-detect on the sandbox, written once for every test and bench:
//  - SandboxSession: a bare SSH connection with kubectl detected (the transport
//    layers' tests start from it);
//  - connectSession(): the app's own vigia::session::Session on the sandbox, up to
//    its pods shown (the UI tests and the launch benches start from it).
// Both wait (bounded) on the real signals and stop early on a failure, saying why.
#include "Sandbox.h"
#include "SandboxProfile.h"
#include "core/MetaTypes.h"
#include "remote/KubectlRunner.h"
#include "session/Session.h"
#include "ssh/SshConnection.h"

#include <QSignalSpy>
#include <QTest>

#include <memory>

namespace vigia::test {

// A bare SSH connection to target, waited for (bounded); null, with a warning saying why, when
// it does not connect. passphrase answers a key's question (empty: the key is skipped).
inline std::unique_ptr<ssh::SshConnection> openConnection(const ssh::SshTarget &target,
                                                          const QString &passphrase = {}, int timeoutMs = 20000)
{
    registerCoreMetaTypes();
    auto c = std::make_unique<ssh::SshConnection>();
    QObject::connect(c.get(), &ssh::SshConnection::passphraseRequired, c.get(),
                     [conn = c.get(), passphrase](const QString &file, bool) {
                         conn->answerPassphrase(
                             file, passphrase.isEmpty() ? std::nullopt : std::optional<QString>(passphrase));
                     });
    QSignalSpy ok(c.get(), &ssh::SshConnection::connected);
    QSignalSpy failed(c.get(), &ssh::SshConnection::failed);
    c->open(target);
    if (!QTest::qWaitFor([&] { return ok.count() + failed.count() > 0; }, timeoutMs)) {
        qWarning() << "connect did not finish in time";
        return nullptr;
    }
    if (failed.count() > 0) {
        qWarning().noquote() << "connect failed:" << failed.first().first().value<Error>().toString();
        return nullptr;
    }
    return c;
}

struct SandboxSession {
    std::unique_ptr<ssh::SshConnection> conn;
    std::unique_ptr<remote::KubectlRunner> runner;
    QString error;      // why open() gave an empty session
    QList<QByteArray> probes; // the detection probe's output each time it ran, when probeArgs were given

    explicit operator bool() const { return runner != nullptr; }

    struct Options {
        QString overrideCommand;  // the profile's kubectl override
        QStringList probeArgs;    // run as the detection probe (its output lands in probes)
        int connectTimeoutMs = 30000;
        int detectTimeoutMs = 30000;
    };

    // Connects with the given key and detects kubectl; an empty session (and error) on failure.
    static SandboxSession open(const Sandbox &sb, const QString &keyKind = QStringLiteral("ed25519"))
    {
        return open(sb.target(keyKind), Options());
    }
    static SandboxSession open(const ssh::SshTarget &target, const Options &options)
    {
        registerCoreMetaTypes(); // the spies below carry vigia::Error
        SandboxSession s;
        s.conn = std::make_unique<ssh::SshConnection>();
        QSignalSpy connected(s.conn.get(), &ssh::SshConnection::connected);
        QSignalSpy failed(s.conn.get(), &ssh::SshConnection::failed);
        s.conn->open(target);
        if (!QTest::qWaitFor([&] { return !connected.isEmpty() || !failed.isEmpty(); }, options.connectTimeoutMs) ||
            connected.isEmpty()) {
            s.error = failed.isEmpty() ? QStringLiteral("SSH: no answer within %1 ms").arg(options.connectTimeoutMs)
                                       : QStringLiteral("SSH: ") + failed.first().first().value<Error>().toString();
            s.conn.reset();
            return s;
        }
        auto runner = std::make_unique<remote::KubectlRunner>(s.conn.get());
        QSignalSpy detected(runner.get(), &remote::KubectlRunner::detected);
        QSignalSpy detectFailed(runner.get(), &remote::KubectlRunner::detectionFailed);
        QSignalSpy probed(runner.get(), &remote::KubectlRunner::probed);
        runner->detect(options.overrideCommand, options.probeArgs);
        if (!QTest::qWaitFor([&] { return !detected.isEmpty() || !detectFailed.isEmpty(); },
                             options.detectTimeoutMs) ||
            detected.isEmpty()) {
            s.error = detectFailed.isEmpty()
                          ? QStringLiteral("kubectl: not detected within %1 ms").arg(options.detectTimeoutMs)
                          : QStringLiteral("kubectl: ") + detectFailed.first().first().value<Error>().toString();
            return s; // the connection stays, for a test that looks at it
        }
        for (const QList<QVariant> &args : std::as_const(probed))
            s.probes.append(args.first().toByteArray());
        s.runner = std::move(runner);
        return s;
    }
};

// Starts session on the sandbox and waits until it is Connected (the first pod list
// shown) or Failed. Empty when connected, else why not.
inline QString connectSession(session::Session &session, const Profile &profile, const ssh::SshTarget &target,
                              int timeoutMs = 30000)
{
    using Phase = session::Session::Phase;
    session.start(profile, target);
    (void)QTest::qWaitFor(
        [&] { return session.phase() == Phase::Connected || session.phase() == Phase::Failed; }, timeoutMs);
    if (session.phase() == Phase::Connected)
        return {};
    return session.lastError().message.isEmpty()
               ? QStringLiteral("not connected within %1 ms (%2)").arg(timeoutMs).arg(session::Session::phaseName(session.phase()))
               : session.lastError().toString();
}

inline QString connectSession(session::Session &session, const Sandbox &sb,
                              const QString &keyKind = QStringLiteral("ed25519"), int timeoutMs = 30000)
{
    return connectSession(session, sandboxProfile(sb), sb.target(keyKind), timeoutMs);
}

} // namespace vigia::test
