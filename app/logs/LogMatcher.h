#pragma once
// Decides whether a log line matches a search or filter. Plain patterns are
// matched on the UTF-8 bytes directly (no decoding per line), which is what
// keeps a search over a million buffered lines within a few hundred ms.
#include <QByteArrayMatcher>
#include <QList>
#include <QRegularExpression>
#include <QString>

#include <array>

namespace vigia::logs {

class LogBuffer;

struct SearchOptions {
    QString pattern;
    bool regex = false;
    bool caseSensitive = false;
    bool operator==(const SearchOptions &) const = default;
};

class LogMatcher {
public:
    explicit LogMatcher(const SearchOptions &options = {});

    bool isEmpty() const { return m_options.pattern.isEmpty(); }
    bool isValid() const { return m_valid; }
    QString errorString() const { return m_error; }
    const SearchOptions &options() const { return m_options; }

    bool matches(QByteArrayView line) const;
    // Match ranges in already decoded, ANSI-stripped text (for highlighting).
    QList<std::pair<int, int>> ranges(const QString &text) const;

    // Rows (0 = oldest held) of every matching line in the buffer. Large buffers
    // are searched on all cores; the buffer must not change meanwhile (it is
    // only ever appended to from the caller's thread, which this call blocks).
    QList<int> findAll(const LogBuffer &buffer) const;

private:
    bool matchesBytes(QByteArrayView line) const;

    SearchOptions m_options;
    bool m_valid = true;
    QString m_error;
    bool m_asciiFold = false;         // plain, case-insensitive, ASCII-only pattern
    QByteArray m_needle;              // UTF-8 (lower-cased when folding)
    std::array<quint8, 256> m_skip{}; // Horspool shifts on folded bytes (m_asciiFold)
    QByteArrayMatcher m_matcher;
    QRegularExpression m_regex;
};

} // namespace vigia::logs
