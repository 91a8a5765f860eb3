#pragma once
// Bidirectional control characters (U+202A-U+202E embeddings and overrides, U+2066-U+2069
// isolates) reorder the text after them when it is drawn: a log line or a label written to
// deceive can appear to say something else ("Trojan Source"). Text from the server is shown
// with each one replaced by a visible mark, one character for one, so offsets into the text
// (search hits, colour spans) stay valid. Copy and save keep the original bytes.
#include <QString>

namespace vigia {

inline constexpr QChar kBidiMark = QChar(0x2194); // LEFT RIGHT ARROW

bool isBidiControl(QChar c);
bool containsBidiControls(const QString &text);
// The same text with every bidi control replaced by kBidiMark.
QString showBidiControls(QString text);

} // namespace vigia
