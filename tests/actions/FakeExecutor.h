#pragma once
// A scripted CommandExecutor: records every command it is asked to send and
// answers from a responder function, always later (like the real one).
#include "actions/CommandExecutor.h"
#include "remote/ShellQuote.h"

#include <QTimer>
#include <functional>

namespace vigia::test {

class FakeExecutor : public actions::CommandExecutor {
    Q_OBJECT
public:
    using Responder = std::function<actions::CommandResult(const QStringList &args)>;
    explicit FakeExecutor(QObject *parent = nullptr) : actions::CommandExecutor(parent) {}

    QString commandLineFor(const QStringList &args) const override
    {
        return remote::buildCommandLine(QStringList{QStringLiteral("kubectl")} + args);
    }

    QList<QStringList> sent;
    Responder responder = [](const QStringList &) {
        actions::CommandResult r;
        r.exitCode = 0;
        return r;
    };

protected:
    void startCommand(quint64 token, const QStringList &args, int) override
    {
        sent << args;
        actions::CommandResult r = responder(args);
        r.commandLine = commandLineFor(args);
        QTimer::singleShot(0, this, [this, token, r]() { complete(token, r); });
    }
};

} // namespace vigia::test
