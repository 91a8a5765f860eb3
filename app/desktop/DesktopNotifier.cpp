#include "desktop/DesktopNotifier.h"

#include "core/Log.h"

#include <QCoreApplication>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QDBusServiceWatcher>
#include <QDBusVariant>

namespace vigia::desktop {

namespace {
constexpr auto kInterface = "org.freedesktop.Notifications";
constexpr auto kOpenAction = "open";

QString minutesText(qint64 secs)
{
    const qint64 minutes = qMax<qint64>(1, (secs + 30) / 60);
    return QCoreApplication::translate("DesktopNotifier", "%n min", nullptr, int(minutes));
}
} // namespace

bool NotificationPolicy::isQuiet(const QTime &t) const
{
    if (!quietFrom || !quietUntil || *quietFrom == *quietUntil)
        return false;
    if (*quietFrom < *quietUntil)
        return t >= *quietFrom && t < *quietUntil;
    return t >= *quietFrom || t < *quietUntil; // wraps midnight (23:00-07:00)
}

bool NotificationPolicy::allows(const session::IncidentCandidate &incident, const QTime &localTime) const
{
    if (isQuiet(localTime))
        return false;
    if (!namespaces.isEmpty() && !incident.ns.isEmpty() && !namespaces.contains(incident.ns))
        return false;
    if (!reasons.isEmpty() && !reasons.contains(session::reasonName(incident.reason)))
        return false;
    return true;
}

DesktopNotifier::DesktopNotifier(const QDBusConnection &bus, QObject *parent) : QObject(parent), m_bus(bus)
{
    m_bus.connect(QString::fromLatin1(kService), QString::fromLatin1(kPath), QString::fromLatin1(kInterface),
                  QStringLiteral("ActionInvoked"), this, SLOT(onActionInvoked(quint32, QString)));
    if (!m_bus.isConnected())
        return;
    // Whether a notification service is there, followed without ever blocking on the bus.
    auto *watcher = new QDBusServiceWatcher(QString::fromLatin1(kService), m_bus,
                                            QDBusServiceWatcher::WatchForOwnerChange, this);
    connect(watcher, &QDBusServiceWatcher::serviceOwnerChanged, this,
            [this](const QString &, const QString &, const QString &owner) { m_available = !owner.isEmpty(); });
    QDBusMessage ask = QDBusMessage::createMethodCall(QStringLiteral("org.freedesktop.DBus"),
                                                      QStringLiteral("/org/freedesktop/DBus"),
                                                      QStringLiteral("org.freedesktop.DBus"),
                                                      QStringLiteral("NameHasOwner"));
    ask << QString::fromLatin1(kService);
    auto *pending = new QDBusPendingCallWatcher(m_bus.asyncCall(ask), this);
    connect(pending, &QDBusPendingCallWatcher::finished, this, [this](QDBusPendingCallWatcher *w) {
        w->deleteLater();
        const QDBusPendingReply<bool> reply = *w;
        if (!reply.isError())
            m_available = reply.value();
    });
}

bool DesktopNotifier::available() const
{
    return m_available;
}

void DesktopNotifier::attach(session::IncidentTracker *tracker, const QString &serverName)
{
    m_server = serverName;
    connect(tracker, &session::IncidentTracker::opened, this, [this](const session::Incident &i) { show(i, false); });
    connect(tracker, &session::IncidentTracker::updated, this, [this](const session::Incident &i) { show(i, false); });
    connect(tracker, &session::IncidentTracker::resolved, this, [this](const session::Incident &i) {
        if (m_policy.recoveredNotes)
            show(i, true);
    });
    connect(tracker, &session::IncidentTracker::summarized, this, &DesktopNotifier::showSummary);
}

bool DesktopNotifier::mayNotify(const session::IncidentCandidate &incident) const
{
    return !isPaused() && m_policy.allows(incident, QTime::currentTime());
}

void DesktopNotifier::show(const session::Incident &incident, bool resolvedNote)
{
    // A recovery note goes only where the incident was told.
    if (resolvedNote ? !m_ids.contains(incident.id) && !m_inFlight.contains(incident.id) : !mayNotify(incident.what))
        return;
    m_shown.insert(incident.id, incident);
    QString summary = session::summaryOf(incident.what);
    QString body = incident.what.detail;
    if (!incident.what.ns.isEmpty())
        body = QStringLiteral("%1 · %2").arg(incident.what.ns, body);
    body = QStringLiteral("%1\n%2").arg(m_server, body);
    session::Urgency urgency = session::urgencyOf(incident.what.reason);
    if (resolvedNote) {
        summary = QCoreApplication::translate("DesktopNotifier", "%1: recovered after %2")
                      .arg(incident.what.name.isEmpty() ? m_server : incident.what.name,
                           minutesText(incident.durationSecs(incident.resolved)));
        body = QStringLiteral("%1\n%2").arg(m_server, session::summaryOf(incident.what));
        urgency = session::Urgency::Low;
    }
    send(incident.id, summary, body, urgency, !resolvedNote);
}

void DesktopNotifier::showSummary(const QList<session::Incident> &incidents)
{
    QList<session::Incident> told;
    for (const session::Incident &i : incidents)
        if (mayNotify(i.what))
            told << i;
    if (told.isEmpty())
        return;
    QStringList lines;
    session::Urgency urgency = session::Urgency::Low;
    for (const session::Incident &i : std::as_const(told)) {
        lines << session::summaryOf(i.what);
        urgency = std::max(urgency, session::urgencyOf(i.what.reason));
    }
    const QString summary =
        QCoreApplication::translate("DesktopNotifier", "%n problem(s) on %1", nullptr, int(told.size())).arg(m_server);
    // One notification speaks for all of them; a later change of any of them replaces it.
    const quint64 first = told.first().id;
    for (const session::Incident &i : std::as_const(told)) {
        m_shown.insert(i.id, i);
        if (i.id != first)
            m_sharing[first] << i.id;
    }
    send(first, summary, lines.join(QLatin1Char('\n')), urgency, true);
}

void DesktopNotifier::send(quint64 incidentId, const QString &summary, const QString &body, session::Urgency urgency,
                           bool withOpen)
{
    if (!available()) {
        emit fallbackRequested(summary, body, urgency);
        return;
    }
    if (m_inFlight.value(incidentId) > 0) {
        // Its id is not known yet: send the latest text once it is, replacing the first.
        m_afterReply.insert(incidentId, [=, this] { send(incidentId, summary, body, urgency, withOpen); });
        return;
    }
    QDBusMessage call = QDBusMessage::createMethodCall(QString::fromLatin1(kService), QString::fromLatin1(kPath),
                                                       QString::fromLatin1(kInterface), QStringLiteral("Notify"));
    QVariantMap hints;
    hints.insert(QStringLiteral("urgency"), QVariant::fromValue(uchar(urgency)));
    hints.insert(QStringLiteral("desktop-entry"), QStringLiteral("vigia"));
    const QStringList actions = withOpen ? QStringList{QString::fromLatin1(kOpenAction),
                                                       QCoreApplication::translate("DesktopNotifier", "Open")}
                                         : QStringList{};
    call << QStringLiteral("Vigía") << m_ids.value(incidentId) << QStringLiteral("vigia") << summary << body
         << actions << hints << int(urgency == session::Urgency::Critical ? 0 : -1);
    ++m_inFlight[incidentId];
    auto *watcher = new QDBusPendingCallWatcher(m_bus.asyncCall(call), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [this, incidentId](QDBusPendingCallWatcher *w) {
        w->deleteLater();
        const QDBusPendingReply<quint32> reply = *w;
        if (--m_inFlight[incidentId] <= 0)
            m_inFlight.remove(incidentId);
        if (reply.isError())
            qCWarning(lcDesktop) << "notification not shown:" << reply.error().message();
        else {
            QList<quint64> ids = m_sharing.take(incidentId);
            ids << incidentId;
            for (const quint64 id : std::as_const(ids))
                m_ids.insert(id, reply.value());
        }
        if (auto next = m_afterReply.take(incidentId))
            next();
    });
}

void DesktopNotifier::onActionInvoked(quint32 id, const QString &actionKey)
{
    if (actionKey != QLatin1String(kOpenAction))
        return;
    for (auto it = m_ids.cbegin(); it != m_ids.cend(); ++it)
        if (it.value() == id) {
            emit openRequested(m_shown.value(it.key()));
            return;
        }
}

} // namespace vigia::desktop
