#pragma once
// Light or dark, app-wide. The choice (QSettings "ui/theme": "system", "light"
// or "dark") is applied as Fusion plus one of ThemePalette's palettes; with
// "system" the desktop portal's colour scheme decides, and the platform
// palette when there is no portal. Views that paint their own colours either
// read the application palette when they paint or listen to themeChanged().
#include <QObject>
#include <QString>

namespace vigia::desktop {
class ColorSchemeWatcher;
}

namespace vigia {

class ThemeManager : public QObject {
    Q_OBJECT
public:
    enum class Mode { System, Light, Dark };
    Q_ENUM(Mode)

    static inline const QString kSettingsKey = QStringLiteral("ui/theme");

    // Reads the setting and applies it at once (create it before the first window).
    // watcher: where the desktop's preference comes from; null means the session
    // bus portal. It is started here and owned by the manager.
    explicit ThemeManager(desktop::ColorSchemeWatcher *watcher = nullptr, QObject *parent = nullptr);
    ~ThemeManager() override;

    // The manager the application made, for dialogs opened deep in the UI; null in
    // tests that create none.
    static ThemeManager *instance();

    Mode mode() const { return m_mode; }
    // Stores the choice and applies it now.
    void setMode(Mode mode);
    bool isDark() const { return m_dark; }

    static QString modeKey(Mode mode);
    static Mode modeFromKey(const QString &key);

signals:
    // After the palette is in place; only when light/dark actually flips.
    void themeChanged(bool dark);
    void modeChanged(vigia::ThemeManager::Mode mode);

private:
    void apply(bool force = false);
    bool wantsDark() const;

    desktop::ColorSchemeWatcher *m_watcher;
    Mode m_mode = Mode::System;
    bool m_dark = false;
    bool m_applied = false;
    // The platform's own palette, measured before ours replaces it.
    int m_platformLightness = 255;
};

} // namespace vigia
