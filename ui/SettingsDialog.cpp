#include "SettingsDialog.h"

#include "ThemeManager.h"
#include "desktop/Autostart.h"

#include <QAction>
#include <QCheckBox>
#include <QCoreApplication>
#include <QFileInfo>
#include <QStandardPaths>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPointer>
#include <QPushButton>
#include <QSettings>
#include <QVBoxLayout>

namespace vigia {

SettingsDialog::SettingsDialog(ThemeManager *themes, QWidget *parent) : QDialog(parent), m_themes(themes)
{
    setObjectName(QStringLiteral("settingsDialog"));
    setWindowTitle(tr("Preferences"));
    const QSettings settings;

    m_theme = new QComboBox(this);
    m_theme->setObjectName(QStringLiteral("themeBox"));
    m_theme->addItem(tr("System (follow the desktop)"), ThemeManager::modeKey(ThemeManager::Mode::System));
    m_theme->addItem(tr("Light"), ThemeManager::modeKey(ThemeManager::Mode::Light));
    m_theme->addItem(tr("Dark"), ThemeManager::modeKey(ThemeManager::Mode::Dark));
    const ThemeManager::Mode mode = themes ? themes->mode()
                                           : ThemeManager::modeFromKey(settings.value(ThemeManager::kSettingsKey).toString());
    m_theme->setCurrentIndex(std::max(0, m_theme->findData(ThemeManager::modeKey(mode))));

    m_language = new QComboBox(this);
    m_language->setObjectName(QStringLiteral("languageBox"));
    m_language->addItem(tr("System (the desktop's language)"), QStringLiteral("system"));
    // Language names in their own language, so a reader finds theirs whatever is shown now.
    m_language->addItem(tr("English", "language name, in English"), QStringLiteral("en"));
    m_language->addItem(tr("Español", "language name, in Spanish"), QStringLiteral("es"));
    m_startLanguage = settings.value(kLanguageKey, QStringLiteral("system")).toString();
    const int languageIndex = m_language->findData(m_startLanguage);
    m_language->setCurrentIndex(std::max(0, languageIndex));

    m_languageNote = new QLabel(tr("The language takes effect at the next start."), this);
    m_languageNote->setObjectName(QStringLiteral("languageNote"));
    m_languageNote->setWordWrap(true);
    m_languageNote->setEnabled(false); // quiet text, not a warning

    m_closeToTray = new QCheckBox(tr("&Keep watching in the tray when a window is closed"), this);
    m_closeToTray->setObjectName(QStringLiteral("closeToTrayBox"));
    m_closeToTray->setChecked(settings.value(QStringLiteral("ui/closeToTray"), true).toBool());
    m_closeToTray->setToolTip(tr("Takes effect at the next start. Without a system tray, closing always quits."));
    m_autostart = new QCheckBox(tr("&Start at login, hidden, watching the servers open now"), this);
    m_autostart->setObjectName(QStringLiteral("autostartBox"));
    m_autostart->setChecked(desktop::Autostart().isEnabled());
    m_autostartNote = new QLabel(this);
    m_autostartNote->setObjectName(QStringLiteral("autostartNote"));
    m_autostartNote->setWordWrap(true);
    m_autostartNote->hide();

    auto *form = new QFormLayout;
    form->addRow(tr("&Theme:"), m_theme);
    form->addRow(tr("&Language:"), m_language);
    form->addRow(QString(), m_languageNote);
    form->addRow(tr("Watching:"), m_closeToTray);
    form->addRow(QString(), m_autostart);
    form->addRow(QString(), m_autostartNote);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(buttons->button(QDialogButtonBox::Close), &QPushButton::clicked, this, &QDialog::accept);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addStretch(1);
    layout->addWidget(buttons);

    // Applied as chosen: there is nothing to confirm, the window shows the result.
    connect(m_theme, &QComboBox::currentIndexChanged, this, &SettingsDialog::themeChosen);
    connect(m_language, &QComboBox::currentIndexChanged, this, &SettingsDialog::languageChosen);
    connect(m_closeToTray, &QCheckBox::toggled, this,
            [](bool on) { QSettings().setValue(QStringLiteral("ui/closeToTray"), on); });
    connect(m_autostart, &QCheckBox::toggled, this, &SettingsDialog::autostartChosen);
    setMinimumWidth(420);
}

void SettingsDialog::themeChosen()
{
    const QString key = m_theme->currentData().toString();
    if (m_themes)
        m_themes->setMode(ThemeManager::modeFromKey(key));
    else
        QSettings().setValue(ThemeManager::kSettingsKey, key);
}

void SettingsDialog::languageChosen()
{
    const QString key = m_language->currentData().toString();
    QSettings().setValue(kLanguageKey, key);
    // Say it louder once the choice differs from what this session runs with.
    m_languageNote->setEnabled(key != m_startLanguage);
}

void SettingsDialog::autostartChosen(bool on)
{
    // The installed vigia when this is it; otherwise the very binary running now.
    const QString self = QCoreApplication::applicationFilePath();
    const QString onPath = QStandardPaths::findExecutable(QStringLiteral("vigia"));
    const QString program = !onPath.isEmpty() && QFileInfo(onPath).canonicalFilePath() == QFileInfo(self).canonicalFilePath()
                                ? QStringLiteral("vigia")
                                : self;
    const Result<void> r = desktop::Autostart().setEnabled(on, program);
    m_autostartNote->setVisible(!r.ok());
    if (!r.ok()) {
        m_autostartNote->setText(r.error().message + QLatin1Char(' ') + r.error().hint);
        const QSignalBlocker block(m_autostart);
        m_autostart->setChecked(!on);
    }
}

QAction *SettingsDialog::createAction(QWidget *window)
{
    auto *action = new QAction(tr("&Preferences…"), window);
    action->setObjectName(QStringLiteral("preferencesAction"));
    // Ctrl+, as in most desktop applications (QKeySequence::Preferences is empty on GNOME).
    action->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Comma));
    action->setToolTip(tr("Theme, language and watching (Ctrl+,)"));
    QObject::connect(action, &QAction::triggered, window, [window] {
        if (auto *open = window->findChild<SettingsDialog *>(QString(), Qt::FindDirectChildrenOnly)) {
            open->raise();
            open->activateWindow();
            return;
        }
        auto *dialog = new SettingsDialog(ThemeManager::instance(), window);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->open();
    });
    return action;
}

} // namespace vigia
