#pragma once
// Maps the colour indices of logs::AnsiSpan to QColors that stay readable on
// the widget palette's base colour. The 16 base colours come in two designed
// variants (a dark and a light one, picked from the base's luminance) rather
// than xterm's VGA set corrected on the fly; the 256-colour cube and truecolour
// are still nudged toward readable (dark blue lifted on dark, yellow darkened on white).
#include <QColor>
#include <QPalette>

namespace vigia::logs {

class AnsiPalette {
public:
    explicit AnsiPalette(const QPalette &palette = {});

    // index: 0-255 xterm palette, or 0x1000000|rgb for truecolour.
    QColor foreground(int index, int backgroundIndex = -1) const;
    QColor background(int index) const;
    // A distinct, readable colour for the n-th source of a merged view.
    QColor sourceColour(int n) const;

    // The view's own colours, designed per variant: a selected line, a search
    // match, the current match, a marker line's band, and the timestamps.
    QColor selection() const;
    QColor matchBackground() const;
    QColor currentMatchBackground() const;
    QColor markerBand() const;
    QColor timestamp() const;

    QColor base() const { return m_base; }
    QColor text() const { return m_text; }
    bool isDark() const { return m_dark; }

    static QColor xterm(int index);
    // The 16 base colours of the dark or the light variant (index 0-15).
    static QColor ansi16(int index, bool dark);
    static double contrast(const QColor &a, const QColor &b);

private:
    QColor readableOn(QColor fg, const QColor &bg) const;
    QColor m_base;
    QColor m_text;
    QColor m_highlight;
    bool m_dark = false;
};

} // namespace vigia::logs
