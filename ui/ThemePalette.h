#pragma once
// Vigía's two designed palettes and the semantic colours that go with them.
// The dark one is chosen, not inverted: dark greys with enough contrast, a
// calm blue highlight, tinted (not pastel) banners. Everything here depends
// on QtGui/QtWidgets only, so widget tests that compile a few ui/ files
// directly can use it without linking the whole of vigia_ui.
#include <QColor>
#include <QPalette>
#include <QString>

namespace vigia {

class ThemePalette {
public:
    // What a coloured piece of text or a banner means.
    enum class Tone { Error, Warning, Info, Ok, Muted };
    struct Banner {
        QColor background;
        QColor border;
        QColor text;
    };

    static QPalette light();
    static QPalette dark();

    // Dark: a window colour with lightness below 128 (the rule used for the
    // platform palette too).
    static bool isDark(const QPalette &palette);
    // The application palette, i.e. the theme in force.
    static bool isDark();

    // Fusion and the chosen palette, app-wide (tooltips included).
    static void apply(bool dark);

    // Coloured text that reads (>= 4.5:1) on Base, AlternateBase and Window.
    static QColor toneText(Tone tone, bool dark);
    static QColor toneText(Tone tone) { return toneText(tone, isDark()); }
    // A banner's colours: a tinted background, its border and the text on it.
    static Banner banner(Tone tone, bool dark);
    static Banner banner(Tone tone) { return banner(tone, isDark()); }
    // "QLabel { color: ... }" and friends, for the stylesheets that set a colour.
    static QString bannerStyleSheet(const QString &selector, Tone tone, bool dark);

    // WCAG 2 contrast ratio (1 to 21) and relative luminance (0 to 1).
    static double contrast(const QColor &a, const QColor &b);
    static double luminance(const QColor &c);
};

} // namespace vigia
