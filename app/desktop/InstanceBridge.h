#pragma once
// One Vigía per desktop user: a second `vigia NAME` hands its command line to the
// one already running (which opens NAME in a window of its own) and exits,
// instead of starting a second process with its own audit writer and settings.
//
// The channel is a local socket in the user's runtime folder, named after the
// user and the profile store, so a test or a second store (--profiles) gets an
// instance of its own. Nothing but the argument list crosses it.
#include "core/Result.h"

#include <QObject>
#include <QStringList>

class QLocalServer;

namespace vigia::desktop {

class InstanceBridge : public QObject {
    Q_OBJECT
public:
    // key: what separates instances (the profile store's path).
    explicit InstanceBridge(const QString &key, QObject *parent = nullptr);
    ~InstanceBridge() override;

    // Hands arguments to the running instance. True when one took them (exit then).
    bool forward(const QStringList &arguments, int timeoutMs = 2000) const;
    // Becomes the running instance: later forward()s arrive as argumentsReceived.
    Result<void> listen();
    QString serverName() const { return m_name; }

    static QString serverNameFor(const QString &key);

signals:
    void argumentsReceived(const QStringList &arguments);

private:
    void onConnection();

    QString m_name;
    QLocalServer *m_server = nullptr;
};

} // namespace vigia::desktop
