#include "logs/AnsiPalette.h"

#include <array>
#include <cmath>

namespace vigia::logs {

namespace {

double channel(double c)
{
    c /= 255.0;
    return c <= 0.03928 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

double luminance(const QColor &c)
{
    return 0.2126 * channel(c.red()) + 0.7152 * channel(c.green()) + 0.0722 * channel(c.blue());
}

} // namespace

AnsiPalette::AnsiPalette(const QPalette &palette)
    : m_base(palette.color(QPalette::Base)), m_text(palette.color(QPalette::Text)),
      m_highlight(palette.color(QPalette::Highlight))
{
    m_dark = luminance(m_base) < 0.3;
}

QColor AnsiPalette::ansi16(int index, bool dark)
{
    // Dark: soft, evenly bright hues (>= 4.5:1 on #16181c except black, which is a
    // visible grey, not a hole); bright variants lighter still. Light: the same hues
    // deep enough for white paper; "white" and "bright white" become greys that read.
    static constexpr std::array<QRgb, 16> darkSet{0x5c6370, 0xe06c75, 0x98c379, 0xe5c07b, 0x61afef, 0xc678dd,
                                                  0x56b6c2, 0xd0d4da, 0x7f848e, 0xff7b86, 0xb5e890, 0xffd68a,
                                                  0x8cc8ff, 0xde93f0, 0x72d3de, 0xffffff};
    static constexpr std::array<QRgb, 16> lightSet{0x1d1f22, 0xc0262d, 0x2a7a1e, 0x8a6500, 0x1f5fc0, 0xa42ea8,
                                                   0x087f8c, 0x6f757c, 0x5c6370, 0xd42a30, 0x37872a, 0x9a7000,
                                                   0x2f6fd8, 0xb33ab8, 0x14889a, 0x7a8088};
    if (index < 0 || index > 15)
        return {};
    return QColor::fromRgb((dark ? darkSet : lightSet)[size_t(index)]);
}

QColor AnsiPalette::selection() const
{
    QColor c = m_highlight;
    // Over dark text backgrounds a selection needs more body to be seen.
    c.setAlpha(m_dark ? 110 : 70);
    return c;
}

QColor AnsiPalette::matchBackground() const
{
    // Under light text on dark: a deep olive (text on it ~5:1), not a dimmed yellow.
    return m_dark ? QColor(0x6b, 0x58, 0x00) : QColor(0xff, 0xe0, 0x50);
}

QColor AnsiPalette::currentMatchBackground() const
{
    return m_dark ? QColor(0x9c, 0x45, 0x00) : QColor(0xff, 0x9a, 0x30);
}

QColor AnsiPalette::markerBand() const
{
    QColor c = m_highlight;
    c.setAlpha(m_dark ? 60 : 28);
    return c;
}

QColor AnsiPalette::timestamp() const
{
    // Quieter than the text, still >= 4.5:1: the time is read, not skimmed past.
    return m_dark ? QColor(0x8a, 0x90, 0x98) : QColor(0x6f, 0x75, 0x7c);
}

QColor AnsiPalette::xterm(int index)
{
    // The 16 base colours as xterm ships them (VGA-like, but a less harsh blue).
    static constexpr std::array<QRgb, 16> base16{0x000000, 0xcd0000, 0x00cd00, 0xcdcd00, 0x0000ee, 0xcd00cd,
                                                 0x00cdcd, 0xe5e5e5, 0x7f7f7f, 0xff0000, 0x00ff00, 0xffff00,
                                                 0x5c5cff, 0xff00ff, 0x00ffff, 0xffffff};
    if (index & 0x1000000)
        return QColor::fromRgb(QRgb(index & 0xffffff));
    if (index < 0 || index > 255)
        return {};
    if (index < 16)
        return QColor::fromRgb(base16[size_t(index)]);
    if (index < 232) {
        const int i = index - 16;
        auto level = [](int v) { return v == 0 ? 0 : 55 + v * 40; };
        return QColor(level(i / 36), level((i / 6) % 6), level(i % 6));
    }
    const int g = 8 + (index - 232) * 10;
    return QColor(g, g, g);
}

double AnsiPalette::contrast(const QColor &a, const QColor &b)
{
    const double la = luminance(a), lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

QColor AnsiPalette::readableOn(QColor fg, const QColor &bg) const
{
    // Move the colour toward black or white in steps until it reads (WCAG 3:1
    // is enough for coloured log text; it keeps the hue recognisable).
    const bool lighten = luminance(bg) < 0.3;
    for (int step = 0; step < 10 && contrast(fg, bg) < 3.0; ++step)
        fg = lighten ? fg.lighter(125) : fg.darker(125);
    if (contrast(fg, bg) < 3.0)
        fg = lighten ? QColor(Qt::white) : QColor(Qt::black);
    return fg;
}

QColor AnsiPalette::foreground(int index, int backgroundIndex) const
{
    if (index < 0 && backgroundIndex < 0)
        return m_text;
    const QColor bg = backgroundIndex >= 0 ? background(backgroundIndex) : m_base;
    QColor fg = index >= 16 ? xterm(index) : index >= 0 ? ansi16(index, m_dark) : m_text;
    // Black lifted to a lighter grey stays dark-ish on white; lighter() on pure black does nothing.
    if (luminance(fg) < 0.01 && luminance(bg) < 0.3)
        fg = QColor(0x60, 0x60, 0x60);
    return readableOn(fg, bg);
}

QColor AnsiPalette::background(int index) const
{
    // On dark, coloured backgrounds come from the dark set, so "white on red" stays calm.
    return m_dark && index >= 0 && index < 16 ? ansi16(index, true) : xterm(index);
}

QColor AnsiPalette::sourceColour(int n) const
{
    static constexpr std::array<QRgb, 8> hues{0x1f77b4, 0xd62728, 0x2ca02c, 0x9467bd,
                                              0xff7f0e, 0x17becf, 0xe377c2, 0x8c564b};
    return readableOn(QColor::fromRgb(hues[size_t(n) % hues.size()]), m_base);
}

} // namespace vigia::logs
