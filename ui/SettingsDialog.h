#pragma once
// Preferences: the theme (System / Light / Dark, applied at once through the
// ThemeManager) and the interface language (QSettings "ui/language", read by
// Translations at start, so it takes effect at the next start).
#include <QDialog>
#include <QString>

class QAction;
class QCheckBox;
class QComboBox;
class QLabel;

namespace vigia {

class ThemeManager;

class SettingsDialog : public QDialog {
    Q_OBJECT
public:
    static inline const QString kLanguageKey = QStringLiteral("ui/language");

    // themes may be null (tests, or no manager): the choice is then only stored.
    explicit SettingsDialog(ThemeManager *themes, QWidget *parent = nullptr);

    // "Preferences…" on Ctrl+, for a window's toolbar or menu: opens one dialog
    // per window (raised again if already open), using ThemeManager::instance().
    static QAction *createAction(QWidget *window);

    QComboBox *themeBox() const { return m_theme; }
    QComboBox *languageBox() const { return m_language; }

private:
    void themeChosen();
    void languageChosen();
    void autostartChosen(bool on);

    ThemeManager *m_themes;
    QComboBox *m_theme;
    QComboBox *m_language;
    QLabel *m_languageNote;
    QCheckBox *m_closeToTray;
    QCheckBox *m_autostart;
    QLabel *m_autostartNote;
    QString m_startLanguage;
};

} // namespace vigia
