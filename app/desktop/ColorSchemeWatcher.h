#pragma once
// Which colour scheme the desktop prefers, read from the XDG desktop portal
// (org.freedesktop.portal.Settings, "org.freedesktop.appearance" / "color-scheme").
// Qt 6.4 has no QStyleHints::colorScheme, so this is how Vigía follows GNOME,
// KDE and friends. Every call is asynchronous: the portal may be slow to start
// or absent, and the UI thread must never wait for it.
//
// No widgets and no QtGui here: when the portal has no answer, the caller's
// own guess (the platform palette's lightness) decides, see resolveDark().
#include <QDBusConnection>
#include <QObject>
#include <QString>
#include <QVariant>
#include <optional>

class QDBusPendingCallWatcher;
class QDBusVariant;

namespace vigia::desktop {

class ColorSchemeWatcher : public QObject {
    Q_OBJECT
public:
    // The portal's values, as documented for "color-scheme".
    enum class Scheme { NoPreference = 0, PreferDark = 1, PreferLight = 2 };
    Q_ENUM(Scheme)

    static inline const QString kService = QStringLiteral("org.freedesktop.portal.Desktop");
    static inline const QString kPath = QStringLiteral("/org/freedesktop/portal/desktop");
    static inline const QString kInterface = QStringLiteral("org.freedesktop.portal.Settings");
    static inline const QString kNamespace = QStringLiteral("org.freedesktop.appearance");
    static inline const QString kKey = QStringLiteral("color-scheme");

    // The session bus; tests pass a private bus.
    explicit ColorSchemeWatcher(QObject *parent = nullptr);
    explicit ColorSchemeWatcher(const QDBusConnection &bus, QObject *parent = nullptr);

    // Subscribes to SettingChanged and asks for the current value (ReadOne, then
    // the older Read). Answers arrive later through schemeChanged()/resolved().
    void start();

    // The portal's last answer; empty while unknown or when there is no portal.
    std::optional<Scheme> scheme() const { return m_scheme; }
    // True once the first read answered or failed.
    bool isResolved() const { return m_resolved; }
    bool portalAvailable() const { return m_portalAvailable; }

    // Dark or not: the portal's preference when it states one, otherwise the
    // platform palette's window lightness (0-255; below 128 reads as dark).
    bool prefersDark(int platformWindowLightness) const
    {
        return resolveDark(m_scheme, platformWindowLightness);
    }
    static bool resolveDark(std::optional<Scheme> scheme, int platformWindowLightness);

    // The portal wraps the value in one or two variants (Read: v inside v;
    // ReadOne: v); anything but 0/1/2 is no answer.
    static std::optional<Scheme> parseValue(const QVariant &value);

signals:
    // Only on a change of the portal's value (the first answer counts as one).
    void schemeChanged(std::optional<vigia::desktop::ColorSchemeWatcher::Scheme> scheme);
    // Once: the first read is over, with or without an answer.
    void resolved();

private slots:
    void onSettingChanged(const QString &ns, const QString &key, const QDBusVariant &value);

private:
    void read(const QString &method);
    void onReadFinished(QDBusPendingCallWatcher *call, const QString &method);
    void setScheme(std::optional<Scheme> scheme);
    void markResolved();

    QDBusConnection m_bus;
    std::optional<Scheme> m_scheme;
    bool m_started = false;
    bool m_resolved = false;
    bool m_portalAvailable = false;
    // A SettingChanged newer than a read still in flight wins over its answer.
    bool m_changedSinceRead = false;
};

} // namespace vigia::desktop
