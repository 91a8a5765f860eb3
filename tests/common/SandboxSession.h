#pragma once
// A connected SSH session on the sandbox with kubectl detected: what most
// integration tests start from. Opening waits (bounded) on the real signals.
#include "Sandbox.h"
#include "remote/KubectlRunner.h"
#include "ssh/SshConnection.h"

#include <QSignalSpy>

#include <memory>

namespace vigia::test {

struct SandboxSession {
    std::unique_ptr<ssh::SshConnection> conn;
    std::unique_ptr<remote::KubectlRunner> runner;

    explicit operator bool() const { return runner != nullptr; }

    // Connects with the given key and detects kubectl; an empty session on failure.
    static SandboxSession open(const Sandbox &sb, const QString &keyKind = QStringLiteral("ed25519"))
    {
        SandboxSession s;
        s.conn = std::make_unique<ssh::SshConnection>();
        QSignalSpy connected(s.conn.get(), &ssh::SshConnection::connected);
        s.conn->open(sb.target(keyKind));
        if (!connected.wait(20000))
            return {};
        auto runner = std::make_unique<remote::KubectlRunner>(s.conn.get());
        QSignalSpy detected(runner.get(), &remote::KubectlRunner::detected);
        runner->detect();
        if (!detected.wait(30000))
            return {};
        s.runner = std::move(runner);
        return s;
    }
};

} // namespace vigia::test
