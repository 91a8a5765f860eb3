#pragma once
// Maps the colour indices of logs::AnsiSpan to QColors that stay readable on
// the widget palette's base colour (dark blue on a dark theme is lifted, bright
// yellow on white is darkened).
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

    QColor base() const { return m_base; }
    QColor text() const { return m_text; }
    bool isDark() const { return m_dark; }

    static QColor xterm(int index);
    static double contrast(const QColor &a, const QColor &b);

private:
    QColor readableOn(QColor fg, const QColor &bg) const;
    QColor m_base;
    QColor m_text;
    bool m_dark = false;
};

} // namespace vigia::logs
