#pragma once
// A small org.freedesktop.Notifications server for tests: it answers Notify with
// ids as a desktop does (a new one, or replaces_id) and records every call.
#include <QDBusAbstractAdaptor>
#include <QDBusConnection>
#include <QDBusVariant>
#include <QObject>
#include <QStringList>
#include <QVariantMap>

namespace vigia::test {

struct NotifyCall {
    QString appName;
    quint32 replacesId = 0;
    QString summary;
    QString body;
    QStringList actions;
    QVariantMap hints;
    int expireTimeout = -1;
    quint32 returnedId = 0;
    int urgency() const { return hints.value(QStringLiteral("urgency")).toInt(); }
};

class FakeNotificationServer : public QObject {
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.freedesktop.Notifications")
public:
    // Registers the service and the object on this connection; false if it could not.
    bool registerOn(QDBusConnection bus)
    {
        m_bus = bus;
        return bus.registerService(QStringLiteral("org.freedesktop.Notifications")) &&
               bus.registerObject(QStringLiteral("/org/freedesktop/Notifications"), this,
                                  QDBusConnection::ExportAllSlots | QDBusConnection::ExportAllSignals);
    }
    // Clicks an action, as the desktop does.
    void invoke(quint32 id, const QString &action) { emit ActionInvoked(id, action); }

    QList<NotifyCall> calls;

public slots:
    quint32 Notify(const QString &appName, quint32 replacesId, const QString &appIcon, const QString &summary,
                   const QString &body, const QStringList &actions, const QVariantMap &hints, int expireTimeout)
    {
        Q_UNUSED(appIcon)
        NotifyCall c{appName, replacesId, summary, body, actions, hints, expireTimeout, 0};
        c.returnedId = replacesId != 0 ? replacesId : ++m_lastId;
        calls << c;
        return c.returnedId;
    }
    QStringList GetCapabilities() { return {QStringLiteral("actions"), QStringLiteral("body")}; }
    void CloseNotification(quint32 id) { Q_UNUSED(id) }

signals:
    void ActionInvoked(quint32 id, const QString &actionKey);
    void NotificationClosed(quint32 id, quint32 reason);

private:
    QDBusConnection m_bus{QStringLiteral("none")};
    quint32 m_lastId = 0;
};

} // namespace vigia::test
