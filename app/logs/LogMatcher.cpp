#include "logs/LogMatcher.h"

#include "logs/AnsiText.h"
#include "logs/LogBuffer.h"

#include <QThreadPool>
#include <QtConcurrent/QtConcurrentMap>

#include <cstring>

namespace vigia::logs {

static bool isAscii(const QString &s)
{
    for (QChar c : s)
        if (c.unicode() >= 0x80)
            return false;
    return true;
}

static inline char lowerAscii(char c)
{
    return (c >= 'A' && c <= 'Z') ? char(c + 32) : c;
}

LogMatcher::LogMatcher(const SearchOptions &options) : m_options(options)
{
    if (options.pattern.isEmpty())
        return;
    if (options.regex) {
        m_regex.setPattern(options.pattern);
        m_regex.setPatternOptions(options.caseSensitive ? QRegularExpression::NoPatternOption
                                                        : QRegularExpression::CaseInsensitiveOption);
        m_valid = m_regex.isValid();
        if (!m_valid)
            m_error = m_regex.errorString();
        else
            m_regex.optimize();
        return;
    }
    if (options.caseSensitive) {
        m_needle = options.pattern.toUtf8();
        m_matcher.setPattern(m_needle);
    } else if (isAscii(options.pattern)) {
        m_asciiFold = true;
        m_needle = options.pattern.toLower().toUtf8();
        // Horspool: how far the window may move when its last byte is c (either case).
        const qsizetype n = m_needle.size();
        const int maxShift = int(std::min<qsizetype>(n, 255));
        m_skip.fill(quint8(maxShift));
        for (qsizetype k = std::max<qsizetype>(0, n - 255); k + 1 < n; ++k) {
            const auto c = static_cast<unsigned char>(m_needle[k]);
            const auto shift = quint8(n - 1 - k);
            m_skip[c] = shift;
            if (c >= 'a' && c <= 'z')
                m_skip[c - 32] = shift;
        }
    }
}

bool LogMatcher::matchesBytes(QByteArrayView line) const
{
    if (!m_asciiFold)
        return m_matcher.indexIn(line) >= 0;
    const qsizetype n = m_needle.size();
    if (n > line.size())
        return false;
    const char *data = line.data();
    const char *needle = m_needle.constData();
    const auto last = static_cast<unsigned char>(needle[n - 1]);
    for (qsizetype i = 0; i + n <= line.size();) {
        const auto c = static_cast<unsigned char>(lowerAscii(data[i + n - 1]));
        if (c == last) {
            qsizetype k = n - 2;
            while (k >= 0 && lowerAscii(data[i + k]) == needle[k])
                --k;
            if (k < 0)
                return true;
        }
        i += m_skip[static_cast<unsigned char>(data[i + n - 1])];
    }
    return false;
}

bool LogMatcher::matches(QByteArrayView line) const
{
    if (m_options.pattern.isEmpty())
        return true;
    if (!m_valid)
        return false;
    QByteArrayView bytes = line;
    if (std::memchr(line.data(), 0x1b, size_t(line.size()))) {
        // Colour codes can split a word ("\e[31mred\e[0m text"): match the text
        // between them. Stripping bytes is far cheaper than a full parseAnsi.
        thread_local QByteArray scratch;
        stripAnsiBytes(line, scratch);
        bytes = scratch;
    }
    if (!m_options.regex && !m_needle.isEmpty())
        return matchesBytes(bytes);
    const QString text = QString::fromUtf8(bytes);
    if (m_options.regex)
        return m_regex.match(text).hasMatch();
    return text.contains(m_options.pattern,
                         m_options.caseSensitive ? Qt::CaseSensitive : Qt::CaseInsensitive);
}

QList<std::pair<int, int>> LogMatcher::ranges(const QString &text) const
{
    QList<std::pair<int, int>> out;
    if (m_options.pattern.isEmpty() || !m_valid)
        return out;
    if (m_options.regex) {
        auto it = m_regex.globalMatch(text);
        while (it.hasNext() && out.size() < 10000) {
            const auto m = it.next();
            if (m.capturedLength() > 0)
                out.append({int(m.capturedStart()), int(m.capturedLength())});
        }
        return out;
    }
    const auto cs = m_options.caseSensitive ? Qt::CaseSensitive : Qt::CaseInsensitive;
    qsizetype from = 0;
    while (out.size() < 10000) {
        const qsizetype at = text.indexOf(m_options.pattern, from, cs);
        if (at < 0)
            break;
        out.append({int(at), int(m_options.pattern.size())});
        from = at + m_options.pattern.size();
    }
    return out;
}

QList<int> LogMatcher::findAll(const LogBuffer &buffer) const
{
    const int n = buffer.size();
    constexpr int kSlice = 65536;
    if (n < 2 * kSlice || QThreadPool::globalInstance()->maxThreadCount() < 2) {
        QList<int> rows;
        for (int i = 0; i < n; ++i)
            if (matches(buffer.bytesAt(i)))
                rows.append(i);
        return rows;
    }
    // Slices on the pool, each with its own matcher (a regex is compiled per
    // copy, so no two threads share matching state); results joined in order.
    QList<std::pair<int, int>> slices;
    for (int from = 0; from < n; from += kSlice)
        slices.append({from, std::min(n, from + kSlice)});
    const SearchOptions options = m_options;
    const QList<QList<int>> parts =
        QtConcurrent::blockingMapped(slices, [&buffer, options](const std::pair<int, int> &slice) {
            const LogMatcher local(options);
            QList<int> rows;
            for (int i = slice.first; i < slice.second; ++i)
                if (local.matches(buffer.bytesAt(i)))
                    rows.append(i);
            return rows;
        });
    QList<int> rows;
    for (const QList<int> &part : parts)
        rows += part;
    return rows;
}

} // namespace vigia::logs
