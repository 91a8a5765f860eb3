#include "logs/LogMatcher.h"

#include "logs/AnsiText.h"
#include "logs/LogBuffer.h"

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
    }
}

bool LogMatcher::matchesBytes(QByteArrayView line) const
{
    if (!m_asciiFold)
        return m_matcher.indexIn(line) >= 0;
    const qsizetype n = m_needle.size();
    if (n > line.size())
        return false;
    const char first = m_needle[0];
    const char firstUpper = (first >= 'a' && first <= 'z') ? char(first - 32) : first;
    const char *data = line.data();
    const qsizetype last = line.size() - n;
    for (qsizetype i = 0; i <= last; ++i) {
        const char c = data[i];
        if (c != first && c != firstUpper)
            continue;
        qsizetype k = 1;
        while (k < n && lowerAscii(data[i + k]) == m_needle[k])
            ++k;
        if (k == n)
            return true;
    }
    return false;
}

bool LogMatcher::matches(QByteArrayView line) const
{
    if (m_options.pattern.isEmpty())
        return true;
    if (!m_valid)
        return false;
    const bool hasEscape = std::memchr(line.data(), 0x1b, size_t(line.size())) != nullptr;
    if (!m_options.regex && !m_needle.isEmpty() && !hasEscape)
        return matchesBytes(line);
    const QString text = hasEscape ? stripAnsi(line) : QString::fromUtf8(line);
    if (m_options.regex)
        return m_regex.match(text).hasMatch();
    return text.contains(m_options.pattern, m_options.caseSensitive ? Qt::CaseSensitive : Qt::CaseInsensitive);
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
    QList<int> rows;
    const int n = buffer.size();
    for (int i = 0; i < n; ++i)
        if (matches(buffer.bytesAt(i)))
            rows.append(i);
    return rows;
}

} // namespace vigia::logs
