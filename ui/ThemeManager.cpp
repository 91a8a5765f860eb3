#include "ThemeManager.h"

#include "ThemePalette.h"
#include "desktop/ColorSchemeWatcher.h"

#include <QGuiApplication>
#include <QPalette>
#include <QPointer>
#include <QSettings>

namespace vigia {

namespace {
QPointer<ThemeManager> g_instance;
} // namespace

ThemeManager::ThemeManager(desktop::ColorSchemeWatcher *watcher, QObject *parent)
    : QObject(parent), m_watcher(watcher ? watcher : new desktop::ColorSchemeWatcher(this)),
      m_platformLightness(QGuiApplication::palette().color(QPalette::Window).lightness())
{
    m_watcher->setParent(this);
    if (!g_instance)
        g_instance = this;
    m_mode = modeFromKey(QSettings().value(kSettingsKey).toString());
    // The platform's guess first, so the first window never waits for D-Bus; the
    // portal's answer, typically a few milliseconds later, corrects it if needed.
    apply(true);
    connect(m_watcher, &desktop::ColorSchemeWatcher::schemeChanged, this, [this] { apply(); });
    m_watcher->start();
}

ThemeManager::~ThemeManager() = default;

ThemeManager *ThemeManager::instance()
{
    return g_instance.data();
}

QString ThemeManager::modeKey(Mode mode)
{
    switch (mode) {
    case Mode::Light:
        return QStringLiteral("light");
    case Mode::Dark:
        return QStringLiteral("dark");
    case Mode::System:
        break;
    }
    return QStringLiteral("system");
}

ThemeManager::Mode ThemeManager::modeFromKey(const QString &key)
{
    const QString k = key.trimmed().toLower();
    if (k == QLatin1String("light"))
        return Mode::Light;
    if (k == QLatin1String("dark"))
        return Mode::Dark;
    return Mode::System; // unset or a value from a newer version
}

void ThemeManager::setMode(Mode mode)
{
    QSettings().setValue(kSettingsKey, modeKey(mode));
    if (mode == m_mode)
        return;
    m_mode = mode;
    emit modeChanged(mode);
    apply();
}

bool ThemeManager::wantsDark() const
{
    switch (m_mode) {
    case Mode::Light:
        return false;
    case Mode::Dark:
        return true;
    case Mode::System:
        break;
    }
    return m_watcher->prefersDark(m_platformLightness);
}

void ThemeManager::apply(bool force)
{
    const bool dark = wantsDark();
    if (!force && m_applied && dark == m_dark)
        return;
    const bool flipped = m_applied && dark != m_dark;
    m_dark = dark;
    m_applied = true;
    ThemePalette::apply(dark);
    if (flipped || force)
        emit themeChanged(dark);
}

} // namespace vigia
