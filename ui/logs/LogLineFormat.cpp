#include "logs/LogLineFormat.h"

#include "core/BidiControls.h"
#include "logs/AnsiText.h"

#include <QCoreApplication>
#include <QDateTime>

#include <algorithm>

namespace vigia::logs {

QString LogLineFormat::displayTimestamp(qint64 ns)
{
    return QDateTime::fromMSecsSinceEpoch(ns / 1000000).toString(QStringLiteral("MM-dd HH:mm:ss.zzz"));
}

FormattedLogLine LogLineFormat::format(const LogLineRef &ref, const Options &options, const AnsiPalette &colours,
                                       const QPalette &palette)
{
    FormattedLogLine out;
    // Cut for display here, or already held cut by the buffer (the whole line is in its spill file).
    const bool truncated = ref.bytes.size() > options.maxDisplayBytes || ref.isCut();
    const AnsiText ansi =
        parseAnsi(truncated ? QByteArrayView(ref.bytes).first(options.maxDisplayBytes) : QByteArrayView(ref.bytes));
    out.marker = ref.flags & LogBuffer::Marker;

    QList<QTextLayout::FormatRange> &formats = out.formats;
    QString &text = out.text;
    if (options.timestamps && ref.timestampNs > 0) {
        text += displayTimestamp(ref.timestampNs) + QLatin1Char(' ');
        QTextCharFormat f;
        f.setForeground(colours.timestamp());
        formats.append({0, int(text.size()), f});
    }
    if (options.sources && options.sourceWidth > 0) {
        const int start = int(text.size());
        text += options.sourceName.leftJustified(options.sourceWidth) + QLatin1Char(' ');
        QTextCharFormat f;
        f.setForeground(colours.sourceColour(ref.source));
        f.setFontWeight(QFont::Bold);
        formats.append({start, options.sourceWidth, f});
    }
    out.prefixLength = int(text.size());
    // Marked, one for one, so the spans below still line up.
    text += showBidiControls(ansi.text);
    out.bodyLength = int(ansi.text.size());
    for (const AnsiSpan &s : ansi.spans) {
        QTextCharFormat f;
        QColor fg =
            s.fg >= 0 || s.bg >= 0 ? colours.foreground(s.fg, s.bg) : palette.color(QPalette::Text);
        QColor bg = s.bg >= 0 ? colours.background(s.bg) : QColor();
        if (s.inverse) {
            // Reverse video swaps whatever is in effect, defaults included.
            const QColor shownBg = bg.isValid() ? bg : palette.color(QPalette::Base);
            bg = fg;
            fg = shownBg;
        }
        if (s.dim) {
            // Faint text: the colour taken 45% of the way to the background, still readable.
            const QColor under = bg.isValid() ? bg : palette.color(QPalette::Base);
            fg = QColor::fromRgbF(fg.redF() * 0.55f + under.redF() * 0.45f,
                                  fg.greenF() * 0.55f + under.greenF() * 0.45f,
                                  fg.blueF() * 0.55f + under.blueF() * 0.45f);
        }
        if (s.fg >= 0 || s.bg >= 0 || s.inverse || s.dim)
            f.setForeground(fg);
        if (bg.isValid())
            f.setBackground(bg);
        if (s.strike)
            f.setFontStrikeOut(true);
        if (s.bold)
            f.setFontWeight(QFont::Bold);
        if (s.italic)
            f.setFontItalic(true);
        if (s.underline)
            f.setFontUnderline(true);
        formats.append({out.prefixLength + s.start, s.length, f});
    }
    if (out.marker) {
        QTextCharFormat f;
        f.setFontItalic(true);
        f.setForeground(colours.sourceColour(4));
        formats.append({out.prefixLength, out.bodyLength, f});
    }
    for (int i = 0; i < out.bodyLength; ++i) {
        if (isBidiControl(ansi.text.at(i))) {
            QTextCharFormat f;
            f.setForeground(palette.color(QPalette::HighlightedText));
            f.setBackground(palette.color(QPalette::Highlight));
            const QString code = QString::number(ansi.text.at(i).unicode(), 16).toUpper();
            f.setToolTip(QCoreApplication::translate("vigia::logs::LogView", "A bidirectional control character (U+%1) was here; it is shown, not applied.").arg(code));
            formats.append({out.prefixLength + i, 1, f});
        }
    }
    if (truncated) {
        const int start = int(text.size());
        text += QCoreApplication::translate("vigia::logs::LogView", " \u2026 [line cut here: %1 KiB more \u2014 copy or save keeps it whole]")
                    .arg((ref.fullLength - std::min<qint64>(ref.bytes.size(), options.maxDisplayBytes) + 1023) / 1024);
        QTextCharFormat f;
        f.setForeground(palette.color(QPalette::HighlightedText));
        f.setBackground(palette.color(QPalette::Highlight));
        formats.append({start, int(text.size()) - start, f});
    }

    return out;
}

} // namespace vigia::logs
