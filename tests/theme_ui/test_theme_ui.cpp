// ThemeManager, ThemePalette and SettingsDialog, offscreen: the dark theme is
// really dark, every status colour reads on both bases, and the dialog writes
// the settings other parts of the app read at start.
#include "SettingsDialog.h"
#include "StatusStyle.h"
#include "ThemeManager.h"
#include "ThemePalette.h"
#include "ThemedStyleSheet.h"
#include "capacity/ResourceChartView.h"
#include "desktop/ColorSchemeWatcher.h"
#include "logs/AnsiPalette.h"

#include <QApplication>
#include <QChart>
#include <QComboBox>
#include <QDBusConnection>
#include <QLabel>
#include <QLineSeries>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace vigia;

namespace {
// A watcher on a bus that does not exist: the platform palette decides, no D-Bus needed.
desktop::ColorSchemeWatcher *offlineWatcher()
{
    return new desktop::ColorSchemeWatcher(QDBusConnection(QStringLiteral("vigia-test-no-bus")));
}

QList<Severity> allSeverities()
{
    return {Severity::Error, Severity::Warning, Severity::Pending, Severity::Ok, Severity::Unknown};
}
} // namespace

class TestThemeUi : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        // Settings in a throw-away place, never the developer's ~/.config/vigia.
        QVERIFY(m_dir.isValid());
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_dir.path());
        QCoreApplication::setOrganizationName(QStringLiteral("vigia"));
        QCoreApplication::setApplicationName(QStringLiteral("vigia"));
    }
    void init() { QSettings().clear(); }

    void appliesTheDarkPalette()
    {
        QSettings().setValue(ThemeManager::kSettingsKey, QStringLiteral("dark"));
        ThemeManager themes(offlineWatcher());
        QCOMPARE(themes.mode(), ThemeManager::Mode::Dark);
        QVERIFY(themes.isDark());
        QCOMPARE(QApplication::style()->name().toLower(), QStringLiteral("fusion"));
        QWidget w;
        const QPalette p = w.palette();
        QVERIFY2(p.color(QPalette::Window).lightness() < 100, qPrintable(p.color(QPalette::Window).name()));
        QVERIFY2(p.color(QPalette::WindowText).lightness() > 180, qPrintable(p.color(QPalette::WindowText).name()));
        QVERIFY(p.color(QPalette::Base).lightness() < 100);
        QVERIFY(p.color(QPalette::Text).lightness() > 180);
        // Designed, not inverted: the text on a selection and on tooltips reads too.
        QVERIFY(ThemePalette::contrast(p.color(QPalette::HighlightedText), p.color(QPalette::Highlight)) >= 4.5);
        QVERIFY(ThemePalette::contrast(p.color(QPalette::ToolTipText), p.color(QPalette::ToolTipBase)) >= 7.0);
        QVERIFY(ThemePalette::contrast(p.color(QPalette::Link), p.color(QPalette::Base)) >= 4.5);
        QVERIFY(ThemePalette::contrast(p.color(QPalette::Disabled, QPalette::Text), p.color(QPalette::Base)) < 4.5);
        QVERIFY(p.color(QPalette::AlternateBase) != p.color(QPalette::Base));

        QSignalSpy changed(&themes, &ThemeManager::themeChanged);
        themes.setMode(ThemeManager::Mode::Light);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.first().first().toBool(), false);
        QVERIFY(QApplication::palette().color(QPalette::Window).lightness() > 200);
        QCOMPARE(QSettings().value(ThemeManager::kSettingsKey).toString(), QStringLiteral("light"));
        themes.setMode(ThemeManager::Mode::Light); // no flip, no signal
        QCOMPARE(changed.count(), 1);
    }

    void systemFollowsThePlatformWithoutPortal()
    {
        // No portal and a light platform palette: light. (The default is "system".)
        QApplication::setPalette(ThemePalette::light());
        ThemeManager themes(offlineWatcher());
        QCOMPARE(themes.mode(), ThemeManager::Mode::System);
        QVERIFY(!themes.isDark());
        QCOMPARE(ThemeManager::modeFromKey(QStringLiteral("nonsense")), ThemeManager::Mode::System);
        QCOMPARE(ThemeManager::modeFromKey(ThemeManager::modeKey(ThemeManager::Mode::Dark)), ThemeManager::Mode::Dark);
    }

    void statusColoursReadOnBothThemes()
    {
        for (bool dark : {false, true}) {
            const QPalette p = dark ? ThemePalette::dark() : ThemePalette::light();
            for (Severity s : allSeverities()) {
                const QColor c = severityColor(s, dark);
                for (auto role : {QPalette::Base, QPalette::AlternateBase, QPalette::Window}) {
                    const double ratio = ThemePalette::contrast(c, p.color(role));
                    QVERIFY2(ratio >= 4.5, qPrintable(QStringLiteral("%1 on %2 (%3): %4:1")
                                                          .arg(c.name(), p.color(role).name(),
                                                               dark ? QStringLiteral("dark") : QStringLiteral("light"))
                                                          .arg(ratio, 0, 'f', 2)));
                }
            }
            for (auto tone : {ThemePalette::Tone::Error, ThemePalette::Tone::Warning, ThemePalette::Tone::Info,
                              ThemePalette::Tone::Ok, ThemePalette::Tone::Muted}) {
                const ThemePalette::Banner b = ThemePalette::banner(tone, dark);
                QVERIFY(ThemePalette::contrast(b.text, b.background) >= 7.0);
                // A banner keeps the theme's lightness: no pastel strip on a dark window.
                QCOMPARE(b.background.lightness() < 128, dark);
            }
        }
        // The one-argument form follows the palette in force.
        QApplication::setPalette(ThemePalette::dark());
        QCOMPARE(severityColor(Severity::Error), severityColor(Severity::Error, true));
        QApplication::setPalette(ThemePalette::light());
        QCOMPARE(severityColor(Severity::Error), severityColor(Severity::Error, false));
    }

    void logColoursReadOnBothThemes()
    {
        for (bool dark : {false, true}) {
            const QPalette p = dark ? ThemePalette::dark() : ThemePalette::light();
            const logs::AnsiPalette ansi(p);
            QCOMPARE(ansi.isDark(), dark);
            // The 16 colours as drawn on the view's base: readable, and the common
            // ones (red, green, yellow, blue, magenta, cyan) well above that.
            for (int i = 0; i < 16; ++i) {
                const double ratio = ThemePalette::contrast(ansi.foreground(i), p.color(QPalette::Base));
                QVERIFY2(ratio >= (i >= 1 && i <= 6 ? 4.5 : 3.0),
                         qPrintable(QStringLiteral("ANSI %1 %2: %3:1").arg(i).arg(ansi.foreground(i).name()).arg(ratio)));
            }
            // The designed variants differ: dark's red is not light's red.
            QVERIFY(logs::AnsiPalette::ansi16(1, true) != logs::AnsiPalette::ansi16(1, false));
            QVERIFY(ThemePalette::contrast(p.color(QPalette::Text), ansi.matchBackground()) >= 4.5);
            QVERIFY(ThemePalette::contrast(p.color(QPalette::Text), ansi.currentMatchBackground()) >= 4.5);
            QVERIFY(ThemePalette::contrast(ansi.timestamp(), p.color(QPalette::Base)) >= 4.5);
        }
    }

    void themedStyleSheetFollows()
    {
        QApplication::setPalette(ThemePalette::light());
        QLabel label;
        ThemedStyleSheet::bind(&label, [](bool dark) {
            return QStringLiteral("color: %1;").arg(ThemePalette::toneText(ThemePalette::Tone::Error, dark).name());
        });
        QVERIFY(label.styleSheet().contains(ThemePalette::toneText(ThemePalette::Tone::Error, false).name()));
        QApplication::setPalette(ThemePalette::dark());
        QTRY_VERIFY(label.styleSheet().contains(ThemePalette::toneText(ThemePalette::Tone::Error, true).name()));
        ThemedStyleSheet::bind(&label, nullptr);
        QVERIFY(label.styleSheet().isEmpty());
        QApplication::setPalette(ThemePalette::light());
        QVERIFY(label.styleSheet().isEmpty());
    }

    void chartBudgetLineStaysProminent()
    {
        for (bool dark : {false, true}) {
            ThemePalette::apply(dark);
            ui::ResourceChartView view(ui::ResourceChartView::Mode::Memory);
            metrics::ChartData data;
            data.grid.from = 1764230400000;
            data.grid.bucketMs = 60000;
            data.grid.count = 60;
            data.budgetBytes = 4LL << 30;
            view.setChartData(data);
            const QColor background = view.chart()->backgroundBrush().color();
            QCOMPARE(background.lightness() < 128, dark);
            QVERIFY(view.budgetLine());
            const QPen pen = view.budgetLine()->pen();
            QVERIFY(pen.widthF() >= 3.0);
            QVERIFY2(ThemePalette::contrast(pen.color(), background) >= 3.0, qPrintable(pen.color().name()));
            // Flipping the theme under a live chart rebuilds it in the other colours.
            ThemePalette::apply(!dark);
            QTRY_COMPARE(view.chart()->backgroundBrush().color().lightness() < 128, !dark);
        }
    }

    void dialogWritesTheKeys()
    {
        ThemeManager themes(offlineWatcher());
        SettingsDialog dialog(&themes);
        dialog.show();
        QCOMPARE(dialog.themeBox()->currentData().toString(), QStringLiteral("system"));
        QCOMPARE(dialog.languageBox()->currentData().toString(), QStringLiteral("system"));
        dialog.themeBox()->setCurrentIndex(dialog.themeBox()->findData(QStringLiteral("dark")));
        QCOMPARE(QSettings().value(QStringLiteral("ui/theme")).toString(), QStringLiteral("dark"));
        QVERIFY(themes.isDark());
        QVERIFY(QApplication::palette().color(QPalette::Window).lightness() < 100); // at once
        // VIGIA_SCREENSHOT_DIR=dir: the dialog in the dark theme, for people to look at.
        if (const QString dir = qEnvironmentVariable("VIGIA_SCREENSHOT_DIR"); !dir.isEmpty()) {
            QTest::qWait(50);
            QVERIFY(dialog.grab().save(dir + QStringLiteral("/preferences-dark.png")));
        }
        dialog.languageBox()->setCurrentIndex(dialog.languageBox()->findData(QStringLiteral("es")));
        QCOMPARE(QSettings().value(QStringLiteral("ui/language")).toString(), QStringLiteral("es"));
        auto *note = dialog.findChild<QLabel *>(QStringLiteral("languageNote"));
        QVERIFY(note && note->isVisible() && note->isEnabled());
        QVERIFY(note->text().contains(QStringLiteral("next start")));
        dialog.themeBox()->setCurrentIndex(dialog.themeBox()->findData(QStringLiteral("light")));
        QCOMPARE(QSettings().value(QStringLiteral("ui/theme")).toString(), QStringLiteral("light"));
        QVERIFY(!themes.isDark());

        // A second dialog starts from what was stored.
        SettingsDialog again(nullptr);
        QCOMPARE(again.themeBox()->currentData().toString(), QStringLiteral("light"));
        QCOMPARE(again.languageBox()->currentData().toString(), QStringLiteral("es"));
        again.themeBox()->setCurrentIndex(again.themeBox()->findData(QStringLiteral("system")));
        QCOMPARE(QSettings().value(QStringLiteral("ui/theme")).toString(), QStringLiteral("system"));
    }

    void actionOpensOneDialog()
    {
        QWidget window;
        QAction *action = SettingsDialog::createAction(&window);
        QCOMPARE(action->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_Comma));
        QVERIFY(action->text().contains(QStringLiteral("Preferences")));
        window.show();
        action->trigger();
        action->trigger();
        QCOMPARE(window.findChildren<SettingsDialog *>().size(), 1);
    }

private:
    QTemporaryDir m_dir;
};

QTEST_MAIN(TestThemeUi)
#include "test_theme_ui.moc"
