#include "desktop/InstanceBridge.h"

#include "core/Log.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDataStream>
#include <QLocalServer>
#include <QLocalSocket>

#include <memory>

#include <unistd.h>

namespace vigia::desktop {

namespace {
// A hostile peer on the socket could only send garbage; bound what it can make us hold.
constexpr qint64 kMaxMessageBytes = 64 * 1024;
} // namespace

InstanceBridge::InstanceBridge(const QString &key, QObject *parent) : QObject(parent), m_name(serverNameFor(key)) {}

InstanceBridge::~InstanceBridge() = default;

QString InstanceBridge::serverNameFor(const QString &key)
{
    const QByteArray digest = QCryptographicHash::hash(key.toUtf8(), QCryptographicHash::Sha256).toHex().left(12);
    return QStringLiteral("vigia-%1-%2").arg(::getuid()).arg(QString::fromLatin1(digest));
}

bool InstanceBridge::forward(const QStringList &arguments, int timeoutMs) const
{
    QLocalSocket socket;
    socket.connectToServer(m_name);
    if (!socket.waitForConnected(timeoutMs))
        return false;
    QByteArray message;
    QDataStream out(&message, QIODevice::WriteOnly);
    out << arguments;
    socket.write(message);
    socket.disconnectFromServer();
    if (socket.state() != QLocalSocket::UnconnectedState && !socket.waitForDisconnected(timeoutMs))
        return false;
    qCInfo(lcDesktop) << "handed the command line to the running instance";
    return true;
}

Result<void> InstanceBridge::listen()
{
    if (m_server)
        return {};
    auto *server = new QLocalServer(this);
    // Only this user may hand us arguments.
    server->setSocketOptions(QLocalServer::UserAccessOption);
    if (!server->listen(m_name)) {
        // A socket left by a crashed instance: nobody answers on it (forward() failed), so take it over.
        QLocalServer::removeServer(m_name);
        if (!server->listen(m_name)) {
            const QString why = server->errorString();
            delete server;
            return Result<void>(makeError(
                QCoreApplication::translate("InstanceBridge", "Another Vigía could not be told about this one: %1")
                    .arg(why),
                QCoreApplication::translate("InstanceBridge",
                                            "Each `vigia NAME` opens a separate process until this is fixed."),
                QStringLiteral("desktop.instance")));
        }
    }
    m_server = server;
    connect(server, &QLocalServer::newConnection, this, &InstanceBridge::onConnection);
    return {};
}

void InstanceBridge::onConnection()
{
    while (QLocalSocket *socket = m_server->nextPendingConnection()) {
        connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
        auto buffer = std::make_shared<QByteArray>();
        connect(socket, &QLocalSocket::readyRead, socket, [socket, buffer] {
            *buffer += socket->readAll();
            if (buffer->size() > kMaxMessageBytes)
                socket->abort();
        });
        connect(socket, &QLocalSocket::disconnected, this, [this, socket, buffer] {
            if (socket->isReadable())
                *buffer += socket->readAll();
            if (buffer->size() > kMaxMessageBytes)
                return;
            QDataStream in(*buffer);
            QStringList arguments;
            in >> arguments;
            if (in.status() == QDataStream::Ok)
                emit argumentsReceived(arguments);
        });
    }
}

} // namespace vigia::desktop
