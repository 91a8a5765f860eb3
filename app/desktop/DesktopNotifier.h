#pragma once
// Desktop notifications for incidents, over org.freedesktop.Notifications (D-Bus):
// one notification per incident, replaced in place while it lasts (replaces_id),
// then a short "recovered after 14 min" that can be turned off. Urgency follows
// the incident, the desktop-entry hint names Vigía, and the "Open" action asks
// the app to show the object. Calls are asynchronous: the UI never waits on the bus.
//
// When no notification service is on the bus, available() is false and the app
// falls back to its tray icon's balloon (fallbackRequested).
#include "session/IncidentTracker.h"

#include <QDBusConnection>
#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QStringList>
#include <QTime>
#include <functional>
#include <optional>

namespace vigia::desktop {

// Which incidents notify: per profile.
struct NotificationPolicy {
    QStringList namespaces;  // empty: every namespace
    QStringList reasons;     // reasonName()s; empty: every reason
    std::optional<QTime> quietFrom, quietUntil; // no notifications in between (may wrap midnight)
    bool recoveredNotes = true;

    bool allows(const session::IncidentCandidate &incident, const QTime &localTime) const;
    bool isQuiet(const QTime &localTime) const;
};

class DesktopNotifier : public QObject {
    Q_OBJECT
public:
    static constexpr const char *kService = "org.freedesktop.Notifications";
    static constexpr const char *kPath = "/org/freedesktop/Notifications";

    explicit DesktopNotifier(const QDBusConnection &bus = QDBusConnection::sessionBus(), QObject *parent = nullptr);

    // serverName: "vps-joledev", in every summary.
    void attach(session::IncidentTracker *tracker, const QString &serverName);
    void setPolicy(const NotificationPolicy &policy) { m_policy = policy; }
    // Pause notifications until then (the tray's "Pause for 1 h"); invalid: not paused.
    void pauseUntil(const QDateTime &until) { m_pausedUntil = until; }
    bool isPaused() const { return m_pausedUntil.isValid() && QDateTime::currentDateTimeUtc() < m_pausedUntil; }
    // A notification service is on the bus (known a moment after construction).
    bool available() const;

    // Incident id -> notification id, for tests and the tray.
    quint32 notificationOf(quint64 incidentId) const { return m_ids.value(incidentId); }

signals:
    // The user clicked "Open" on an incident's notification.
    void openRequested(const vigia::session::Incident &incident);
    // No notification service: the text for the tray's balloon instead.
    void fallbackRequested(const QString &title, const QString &body, session::Urgency urgency);

private slots:
    void onActionInvoked(quint32 id, const QString &actionKey);

private:
    void show(const session::Incident &incident, bool resolvedNote);
    void showSummary(const QList<session::Incident> &incidents);
    void send(quint64 incidentId, const QString &summary, const QString &body, session::Urgency urgency,
              bool withOpen);
    bool mayNotify(const session::IncidentCandidate &incident) const;

    QDBusConnection m_bus;
    bool m_available = false;
    QString m_server;
    NotificationPolicy m_policy;
    QDateTime m_pausedUntil;
    QHash<quint64, quint32> m_ids;              // incident -> notification
    QHash<quint64, session::Incident> m_shown;  // what each notification is about
    QHash<quint64, QList<quint64>> m_sharing;   // a summary's other incidents, until its id is known
    QHash<quint64, int> m_inFlight;             // Notify calls not answered yet
    QHash<quint64, std::function<void()>> m_afterReply; // the latest change while one is in flight
};

} // namespace vigia::desktop
