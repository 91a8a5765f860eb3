#pragma once
// A real D-Bus session bus of the test's own (`dbus-daemon --session`), so tests
// never touch the desktop's bus. Empty address() when dbus-daemon is missing.
#include <QDBusConnection>
#include <QProcess>
#include <QStandardPaths>
#include <QString>

namespace vigia::test {

class PrivateSessionBus {
public:
    PrivateSessionBus()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("dbus-daemon")).isEmpty())
            return;
        m_daemon.start(QStringLiteral("dbus-daemon"),
                       {QStringLiteral("--session"), QStringLiteral("--print-address"), QStringLiteral("--nofork")});
        if (!m_daemon.waitForStarted(5000) || !m_daemon.waitForReadyRead(5000))
            return;
        const QString address = QString::fromUtf8(m_daemon.readLine()).trimmed();
        if (address.startsWith(QLatin1String("unix:")))
            m_address = address;
    }
    ~PrivateSessionBus()
    {
        for (const QString &name : std::as_const(m_names))
            QDBusConnection::disconnectFromBus(name);
        m_daemon.kill();
        m_daemon.waitForFinished(3000);
    }
    PrivateSessionBus(const PrivateSessionBus &) = delete;
    PrivateSessionBus &operator=(const PrivateSessionBus &) = delete;

    QString address() const { return m_address; }
    // A connection of its own to this bus; each call gets a new one.
    QDBusConnection connect(const QString &name)
    {
        const QString unique = name + QString::number(m_names.size() + 1);
        m_names << unique;
        return QDBusConnection::connectToBus(m_address, unique);
    }

private:
    QProcess m_daemon;
    QString m_address;
    QStringList m_names;
};

} // namespace vigia::test
