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
    : m_base(palette.color(QPalette::Base)), m_text(palette.color(QPalette::Text))
{
    m_dark = luminance(m_base) < 0.3;
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
    QColor fg = index >= 0 ? xterm(index) : m_text;
    // Black lifted to a lighter grey stays dark-ish on white; lighter() on pure black does nothing.
    if (fg == QColor(Qt::black) && luminance(bg) < 0.3)
        fg = QColor(0x60, 0x60, 0x60);
    return readableOn(fg, bg);
}

QColor AnsiPalette::background(int index) const
{
    return xterm(index);
}

QColor AnsiPalette::sourceColour(int n) const
{
    static constexpr std::array<QRgb, 8> hues{0x1f77b4, 0xd62728, 0x2ca02c, 0x9467bd,
                                              0xff7f0e, 0x17becf, 0xe377c2, 0x8c564b};
    return readableOn(QColor::fromRgb(hues[size_t(n) % hues.size()]), m_base);
}

} // namespace vigia::logs
