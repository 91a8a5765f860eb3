#pragma once
// Turns a log line with ANSI escape sequences into plain text plus colour spans.
// Only SGR (ESC[...m) carries meaning for logs; every other escape sequence is
// dropped, and a broken one never swallows the rest of the line.
#include <QList>
#include <QString>

namespace vigia::logs {

struct AnsiSpan {
    int start = 0; // in the plain text, UTF-16 units
    int length = 0;
    int fg = -1; // -1 default; 0-255 palette index; 0x1000000|rgb for truecolour
    int bg = -1;
    bool bold = false;
    bool italic = false;
    bool underline = false;
    bool dim = false;     // SGR 2: faint, drawn as the colour blended toward the background
    bool inverse = false; // SGR 7: foreground and background swapped when drawn
    bool strike = false;  // SGR 9
    bool operator==(const AnsiSpan &) const = default;
};

struct AnsiText {
    QString text;
    QList<AnsiSpan> spans; // only spans with some attribute set
};

// Decodes UTF-8 leniently (invalid bytes become U+FFFD), strips escapes, replaces
// NUL and other C0 controls except TAB with visible placeholders.
AnsiText parseAnsi(QByteArrayView utf8);

// Plain text only (search, copy of the shown text).
QString stripAnsi(QByteArrayView utf8);

// The bytes without escape sequences, still UTF-8 and with control bytes kept:
// what search matches against, without decoding or building spans. out is
// reused storage (its capacity is kept between calls).
void stripAnsiBytes(QByteArrayView utf8, QByteArray &out);

} // namespace vigia::logs
