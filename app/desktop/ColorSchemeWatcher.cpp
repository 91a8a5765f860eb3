#include "desktop/ColorSchemeWatcher.h"

#include "core/Log.h"

#include <QDBusArgument>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QDBusVariant>

namespace vigia::desktop {

namespace {
// A portal that is starting up (D-Bus activation) answers within a second or two;
// after that the platform palette decides and a later SettingChanged still counts.
constexpr int kReadTimeoutMs = 3000;
} // namespace

ColorSchemeWatcher::ColorSchemeWatcher(QObject *parent)
    : ColorSchemeWatcher(QDBusConnection::sessionBus(), parent)
{
}

ColorSchemeWatcher::ColorSchemeWatcher(const QDBusConnection &bus, QObject *parent)
    : QObject(parent), m_bus(bus)
{
}

bool ColorSchemeWatcher::resolveDark(std::optional<Scheme> scheme, int platformWindowLightness)
{
    if (scheme == Scheme::PreferDark)
        return true;
    if (scheme == Scheme::PreferLight)
        return false;
    return platformWindowLightness < 128;
}

std::optional<ColorSchemeWatcher::Scheme> ColorSchemeWatcher::parseValue(const QVariant &value)
{
    QVariant v = value;
    // Read() returns v(v(u)); a D-Bus variant can arrive as QDBusVariant or,
    // demarshalled lazily, as a QDBusArgument holding one.
    for (int depth = 0; depth < 4; ++depth) {
        if (v.metaType() == QMetaType::fromType<QDBusVariant>()) {
            v = v.value<QDBusVariant>().variant();
        } else if (v.metaType() == QMetaType::fromType<QDBusArgument>()) {
            const QDBusArgument arg = v.value<QDBusArgument>();
            if (arg.currentType() != QDBusArgument::VariantType)
                return std::nullopt;
            v = qdbus_cast<QDBusVariant>(arg).variant();
        } else {
            break;
        }
    }
    // Only integers: a string "1" or a bool is not what the portal documents.
    const int id = v.metaType().id();
    if (id != QMetaType::UInt && id != QMetaType::Int && id != QMetaType::UChar && id != QMetaType::UShort &&
        id != QMetaType::Short && id != QMetaType::ULongLong && id != QMetaType::LongLong)
        return std::nullopt;
    bool ok = false;
    const qlonglong n = v.toLongLong(&ok);
    if (!ok || n < 0 || n > 2)
        return std::nullopt;
    return Scheme(int(n));
}

void ColorSchemeWatcher::start()
{
    if (m_started)
        return;
    m_started = true;
    if (!m_bus.isConnected()) {
        qCInfo(lcDesktop) << "no D-Bus connection: colour scheme from the platform palette";
        markResolved();
        return;
    }
    // Subscribing first: a change between the read and the subscription is not lost.
    const bool subscribed =
        m_bus.connect(kService, kPath, kInterface, QStringLiteral("SettingChanged"), this,
                      SLOT(onSettingChanged(QString, QString, QDBusVariant)));
    if (!subscribed)
        qCDebug(lcDesktop) << "cannot subscribe to SettingChanged:" << m_bus.lastError().message();
    read(QStringLiteral("ReadOne"));
}

void ColorSchemeWatcher::read(const QString &method)
{
    QDBusMessage msg = QDBusMessage::createMethodCall(kService, kPath, kInterface, method);
    msg << kNamespace << kKey;
    m_changedSinceRead = false;
    auto *call = new QDBusPendingCallWatcher(m_bus.asyncCall(msg, kReadTimeoutMs), this);
    connect(call, &QDBusPendingCallWatcher::finished, this,
            [this, method](QDBusPendingCallWatcher *w) { onReadFinished(w, method); });
}

void ColorSchemeWatcher::onReadFinished(QDBusPendingCallWatcher *call, const QString &method)
{
    call->deleteLater();
    const QDBusPendingReply<QVariant> reply = *call;
    if (reply.isError()) {
        const QString name = reply.error().name();
        // ReadOne came with portal version 2; an older portal says UnknownMethod.
        if (method == QLatin1String("ReadOne") &&
            (name == QLatin1String("org.freedesktop.DBus.Error.UnknownMethod") ||
             name == QLatin1String("org.freedesktop.DBus.Error.NotSupported"))) {
            m_portalAvailable = true;
            read(QStringLiteral("Read"));
            return;
        }
        // NotFound: a portal without the appearance namespace (no preference).
        if (name == QLatin1String("org.freedesktop.portal.Error.NotFound"))
            m_portalAvailable = true;
        qCInfo(lcDesktop).noquote() << "no colour scheme from the portal:" << name << reply.error().message();
        markResolved();
        return;
    }
    m_portalAvailable = true;
    if (!m_changedSinceRead)
        setScheme(parseValue(reply.value()));
    markResolved();
}

void ColorSchemeWatcher::onSettingChanged(const QString &ns, const QString &key, const QDBusVariant &value)
{
    if (ns != kNamespace || key != kKey)
        return;
    m_portalAvailable = true;
    m_changedSinceRead = true;
    setScheme(parseValue(QVariant::fromValue(value)));
    markResolved();
}

void ColorSchemeWatcher::setScheme(std::optional<Scheme> scheme)
{
    if (scheme == m_scheme && m_resolved)
        return;
    m_scheme = scheme;
    qCDebug(lcDesktop) << "colour scheme:" << (scheme ? int(*scheme) : -1);
    emit schemeChanged(scheme);
}

void ColorSchemeWatcher::markResolved()
{
    if (m_resolved)
        return;
    m_resolved = true;
    emit resolved();
}

} // namespace vigia::desktop
