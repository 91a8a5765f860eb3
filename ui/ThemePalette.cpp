#include "ThemePalette.h"

#include <QApplication>
#include <QStyle>
#include <QStyleFactory>
#include <QToolTip>

#include <algorithm>
#include <cmath>

namespace vigia {

namespace {

struct Roles {
    QColor window, windowText, base, alternateBase, text, button, buttonText, brightText;
    QColor light, midlight, mid, dark, shadow;
    QColor highlight, highlightedText, link, linkVisited, toolTipBase, toolTipText, placeholder;
    QColor disabledText, disabledButton, disabledHighlight;
};

QPalette build(const Roles &r)
{
    QPalette p;
    auto all = [&p](QPalette::ColorRole role, const QColor &c) {
        for (auto group : {QPalette::Active, QPalette::Inactive, QPalette::Disabled})
            p.setColor(group, role, c);
    };
    all(QPalette::Window, r.window);
    all(QPalette::WindowText, r.windowText);
    all(QPalette::Base, r.base);
    all(QPalette::AlternateBase, r.alternateBase);
    all(QPalette::Text, r.text);
    all(QPalette::Button, r.button);
    all(QPalette::ButtonText, r.buttonText);
    all(QPalette::BrightText, r.brightText);
    all(QPalette::Light, r.light);
    all(QPalette::Midlight, r.midlight);
    all(QPalette::Mid, r.mid);
    all(QPalette::Dark, r.dark);
    all(QPalette::Shadow, r.shadow);
    all(QPalette::Highlight, r.highlight);
    all(QPalette::HighlightedText, r.highlightedText);
    all(QPalette::Link, r.link);
    all(QPalette::LinkVisited, r.linkVisited);
    all(QPalette::ToolTipBase, r.toolTipBase);
    all(QPalette::ToolTipText, r.toolTipText);
    all(QPalette::PlaceholderText, r.placeholder);
    // Disabled: text fades toward the background, a selection loses its colour.
    for (auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, r.disabledText);
    p.setColor(QPalette::Disabled, QPalette::Button, r.disabledButton);
    p.setColor(QPalette::Disabled, QPalette::Highlight, r.disabledHighlight);
    p.setColor(QPalette::Disabled, QPalette::HighlightedText, r.disabledText);
    // An inactive window keeps its selection visible, only calmer.
    p.setColor(QPalette::Inactive, QPalette::Highlight, r.highlight.darker(r.window.lightness() < 128 ? 115 : 90));
    return p;
}

double channel(double c)
{
    c /= 255.0;
    return c <= 0.03928 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

} // namespace

QPalette ThemePalette::light()
{
    Roles r;
    r.window = QColor(0xef, 0xf0, 0xf1);
    r.windowText = QColor(0x1d, 0x1f, 0x22);
    r.base = QColor(0xff, 0xff, 0xff);
    r.alternateBase = QColor(0xf5, 0xf6, 0xf7);
    r.text = QColor(0x1d, 0x1f, 0x22);
    r.button = QColor(0xe6, 0xe7, 0xe9);
    r.buttonText = r.windowText;
    r.brightText = QColor(0xff, 0xff, 0xff);
    r.light = QColor(0xff, 0xff, 0xff);
    r.midlight = QColor(0xd9, 0xdb, 0xde);
    // Mid doubles as "quiet text" in a few style sheets (palette(mid)): it must still read.
    r.mid = QColor(0x6f, 0x75, 0x7c);
    r.dark = QColor(0xa4, 0xa8, 0xad);
    r.shadow = QColor(0x76, 0x7a, 0x80);
    r.highlight = QColor(0x2f, 0x6f, 0xc0);
    r.highlightedText = QColor(0xff, 0xff, 0xff);
    r.link = QColor(0x1a, 0x5f, 0xb4);
    r.linkVisited = QColor(0x6a, 0x3f, 0xa8);
    r.toolTipBase = QColor(0xff, 0xfb, 0xe0);
    r.toolTipText = r.windowText;
    r.placeholder = QColor(0x6f, 0x75, 0x7c);
    r.disabledText = QColor(0x98, 0x9d, 0xa3);
    r.disabledButton = QColor(0xec, 0xed, 0xee);
    r.disabledHighlight = QColor(0xb8, 0xbc, 0xc2);
    return build(r);
}

QPalette ThemePalette::dark()
{
    Roles r;
    r.window = QColor(0x1f, 0x22, 0x27);
    r.windowText = QColor(0xe6, 0xe6, 0xe6);
    r.base = QColor(0x16, 0x18, 0x1c);
    r.alternateBase = QColor(0x1c, 0x1f, 0x24);
    r.text = QColor(0xe6, 0xe6, 0xe6);
    r.button = QColor(0x2b, 0x2f, 0x35);
    r.buttonText = r.windowText;
    r.brightText = QColor(0xff, 0xff, 0xff);
    // Fusion draws bevels and frames from these: a little lighter than the window, never white.
    r.light = QColor(0x3c, 0x41, 0x48);
    r.midlight = QColor(0x31, 0x35, 0x3c);
    r.mid = QColor(0x8a, 0x90, 0x98);
    r.dark = QColor(0x12, 0x14, 0x17);
    r.shadow = QColor(0x0a, 0x0b, 0x0d);
    // Calm blue: white text on it is 5:1, and it still stands out from the greys.
    r.highlight = QColor(0x35, 0x6a, 0xb0);
    r.highlightedText = QColor(0xff, 0xff, 0xff);
    r.link = QColor(0x7c, 0xb3, 0xff);
    r.linkVisited = QColor(0xb9, 0x9c, 0xf5);
    r.toolTipBase = QColor(0x2e, 0x32, 0x39);
    r.toolTipText = r.windowText;
    r.placeholder = QColor(0x8a, 0x90, 0x98);
    r.disabledText = QColor(0x6b, 0x71, 0x79);
    r.disabledButton = QColor(0x25, 0x28, 0x2d);
    r.disabledHighlight = QColor(0x3a, 0x3f, 0x46);
    return build(r);
}

bool ThemePalette::isDark(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightness() < 128;
}

bool ThemePalette::isDark()
{
    return isDark(QGuiApplication::palette());
}

void ThemePalette::apply(bool dark)
{
    // Fusion: the platform style may ignore a palette (GTK, some KDE styles) or
    // paint light bevels onto a dark one; Fusion draws from the palette only.
    if (QApplication::style()->name().compare(QLatin1String("fusion"), Qt::CaseInsensitive) != 0)
        QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    const QPalette p = dark ? ThemePalette::dark() : ThemePalette::light();
    QApplication::setPalette(p);
    QToolTip::setPalette(p);
}

QColor ThemePalette::toneText(Tone tone, bool dark)
{
    // Light: dark, saturated hues on white (>= 5:1). Dark: the same hues lifted
    // and slightly desaturated, so they glow less on #16181c and still reach 6:1.
    switch (tone) {
    case Tone::Error:
        return dark ? QColor(0xf2, 0x8b, 0x82) : QColor(0xb3, 0x26, 0x1e);
    case Tone::Warning:
        return dark ? QColor(0xf0, 0xb8, 0x49) : QColor(0x8a, 0x5c, 0x00);
    case Tone::Info:
        return dark ? QColor(0x7c, 0xb3, 0xff) : QColor(0x1f, 0x5f, 0xb0);
    case Tone::Ok:
        return dark ? QColor(0x6f, 0xcf, 0x7f) : QColor(0x1e, 0x7b, 0x3f);
    case Tone::Muted:
        return dark ? QColor(0x9a, 0xa4, 0xae) : QColor(0x5f, 0x6b, 0x78);
    }
    return {};
}

ThemePalette::Banner ThemePalette::banner(Tone tone, bool dark)
{
    // Dark banners are tinted greys, not the light pastels dimmed: a pastel strip
    // on a dark window is the brightest thing on screen and reads as a glare.
    switch (tone) {
    case Tone::Error:
        return dark ? Banner{QColor(0x3d, 0x1f, 0x1f), QColor(0x7a, 0x34, 0x30), QColor(0xf6, 0xd5, 0xd2)}
                    : Banner{QColor(0xfd, 0xec, 0xea), QColor(0xe5, 0xa3, 0x9e), QColor(0x5f, 0x14, 0x10)};
    case Tone::Warning:
        return dark ? Banner{QColor(0x3a, 0x30, 0x18), QColor(0x7a, 0x62, 0x26), QColor(0xf3, 0xe3, 0xb5)}
                    : Banner{QColor(0xff, 0xf4, 0xce), QColor(0xe0, 0xc0, 0x60), QColor(0x4d, 0x38, 0x00)};
    case Tone::Info:
        return dark ? Banner{QColor(0x1c, 0x2c, 0x40), QColor(0x35, 0x58, 0x7f), QColor(0xd3, 0xe4, 0xf7)}
                    : Banner{QColor(0xe1, 0xf0, 0xfd), QColor(0x9c, 0xc3, 0xe8), QColor(0x0f, 0x34, 0x57)};
    case Tone::Ok:
        return dark ? Banner{QColor(0x1d, 0x33, 0x24), QColor(0x3a, 0x6b, 0x47), QColor(0xd2, 0xef, 0xd9)}
                    : Banner{QColor(0xe6, 0xf4, 0xea), QColor(0x9f, 0xd3, 0xad), QColor(0x0f, 0x3d, 0x1d)};
    case Tone::Muted:
        return dark ? Banner{QColor(0x2a, 0x2e, 0x34), QColor(0x45, 0x4b, 0x53), QColor(0xe6, 0xe6, 0xe6)}
                    : Banner{QColor(0xe9, 0xeb, 0xed), QColor(0xc4, 0xc8, 0xcd), QColor(0x1d, 0x1f, 0x22)};
    }
    return {};
}

QString ThemePalette::bannerStyleSheet(const QString &selector, Tone tone, bool dark)
{
    const Banner b = banner(tone, dark);
    return QStringLiteral("%1 { background: %2; border: 1px solid %3; color: %4; }")
        .arg(selector, b.background.name(), b.border.name(), b.text.name());
}

double ThemePalette::luminance(const QColor &c)
{
    return 0.2126 * channel(c.red()) + 0.7152 * channel(c.green()) + 0.0722 * channel(c.blue());
}

double ThemePalette::contrast(const QColor &a, const QColor &b)
{
    const double la = luminance(a), lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

} // namespace vigia
