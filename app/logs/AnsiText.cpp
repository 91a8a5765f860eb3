#include "logs/AnsiText.h"

#include <QStringDecoder>

#include <cstring>

namespace vigia::logs {

namespace {

struct Style {
    int fg = -1, bg = -1;
    bool bold = false, italic = false, underline = false, dim = false, inverse = false, strike = false;
    bool isDefault() const
    {
        return fg < 0 && bg < 0 && !bold && !italic && !underline && !dim && !inverse && !strike;
    }
};

void applySgr(Style &st, const QList<int> &params)
{
    if (params.isEmpty()) {
        st = Style{};
        return;
    }
    for (qsizetype i = 0; i < params.size(); ++i) {
        const int p = params[i];
        if (p == 0)
            st = Style{};
        else if (p == 1)
            st.bold = true;
        else if (p == 2)
            st.dim = true;
        else if (p == 3)
            st.italic = true;
        else if (p == 4)
            st.underline = true;
        else if (p == 7)
            st.inverse = true;
        else if (p == 9)
            st.strike = true;
        else if (p == 22)
            st.bold = st.dim = false; // "normal intensity" ends both bold and faint
        else if (p == 23)
            st.italic = false;
        else if (p == 24)
            st.underline = false;
        else if (p == 27)
            st.inverse = false;
        else if (p == 29)
            st.strike = false;
        else if (p >= 30 && p <= 37)
            st.fg = p - 30;
        else if (p == 39)
            st.fg = -1;
        else if (p >= 40 && p <= 47)
            st.bg = p - 40;
        else if (p == 49)
            st.bg = -1;
        else if (p >= 90 && p <= 97)
            st.fg = p - 90 + 8;
        else if (p >= 100 && p <= 107)
            st.bg = p - 100 + 8;
        else if (p == 38 || p == 48) {
            int *target = p == 38 ? &st.fg : &st.bg;
            if (i + 2 < params.size() && params[i + 1] == 5) {
                *target = qBound(0, params[i + 2], 255);
                i += 2;
            } else if (i + 4 < params.size() && params[i + 1] == 2) {
                *target = 0x1000000 | (qBound(0, params[i + 2], 255) << 16) |
                          (qBound(0, params[i + 3], 255) << 8) | qBound(0, params[i + 4], 255);
                i += 4;
            } else {
                break; // malformed extended colour: ignore the rest
            }
        }
    }
}

} // namespace

AnsiText parseAnsi(QByteArrayView utf8)
{
    AnsiText out;
    Style st;
    int spanStart = 0;
    Style spanStyle;
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    out.text.reserve(utf8.size());

    auto closeSpan = [&]() {
        const int end = int(out.text.size());
        if (end > spanStart && !spanStyle.isDefault())
            out.spans.append(AnsiSpan{spanStart, end - spanStart, spanStyle.fg, spanStyle.bg, spanStyle.bold,
                                      spanStyle.italic, spanStyle.underline, spanStyle.dim, spanStyle.inverse,
                                      spanStyle.strike});
        spanStart = end;
    };

    qsizetype i = 0;
    const qsizetype n = utf8.size();
    qsizetype runStart = 0;
    auto flushRun = [&](qsizetype upTo) {
        if (upTo > runStart)
            out.text += decoder.decode(utf8.sliced(runStart, upTo - runStart));
    };
    while (i < n) {
        const auto c = static_cast<unsigned char>(utf8[i]);
        if (c == 0x1b) {
            flushRun(i);
            qsizetype j = i + 1;
            if (j < n && utf8[j] == '[') {
                // CSI: parameters 0x30-0x3f, intermediates 0x20-0x2f, final 0x40-0x7e.
                ++j;
                const qsizetype paramStart = j;
                while (j < n && static_cast<unsigned char>(utf8[j]) >= 0x30 &&
                       static_cast<unsigned char>(utf8[j]) <= 0x3f)
                    ++j;
                const qsizetype paramEnd = j;
                while (j < n && static_cast<unsigned char>(utf8[j]) >= 0x20 &&
                       static_cast<unsigned char>(utf8[j]) <= 0x2f)
                    ++j;
                if (j < n && static_cast<unsigned char>(utf8[j]) >= 0x40 &&
                    static_cast<unsigned char>(utf8[j]) <= 0x7e) {
                    if (utf8[j] == 'm') {
                        QList<int> params;
                        for (auto part :
                             utf8.sliced(paramStart, paramEnd - paramStart).toByteArray().split(';'))
                            params << (part.isEmpty() ? 0 : qMin(part.toInt(), 100000));
                        closeSpan();
                        applySgr(st, params);
                        spanStyle = st;
                    }
                    i = j + 1;
                } else {
                    i = j; // broken sequence: drop what we consumed, keep the rest as text
                }
            } else if (j < n && utf8[j] == ']') {
                // OSC (hyperlinks, titles): up to BEL or ESC backslash, bounded by the line.
                ++j;
                while (j < n && utf8[j] != '\a' && !(utf8[j] == 0x1b && j + 1 < n && utf8[j + 1] == '\\'))
                    ++j;
                i = j < n ? (utf8[j] == '\a' ? j + 1 : j + 2) : n;
            } else {
                i = j < n ? j + 1 : n; // two-byte escape, or a lone ESC at the end
            }
            runStart = i;
            continue;
        }
        if (c < 0x20 && c != '\t') {
            flushRun(i);
            // Visible placeholders keep NULs and bells from vanishing or breaking painting.
            out.text += QChar(0x2400 + c);
            runStart = ++i;
            continue;
        }
        ++i;
    }
    flushRun(n);
    closeSpan();
    return out;
}

void stripAnsiBytes(QByteArrayView utf8, QByteArray &out)
{
    out.resize(0);
    const qsizetype n = utf8.size();
    qsizetype i = 0;
    while (i < n) {
        const char *esc = static_cast<const char *>(std::memchr(utf8.data() + i, 0x1b, size_t(n - i)));
        const qsizetype at = esc ? esc - utf8.data() : n;
        out.append(utf8.data() + i, at - i);
        if (at >= n)
            break;
        // The same grammar as parseAnsi: CSI, OSC, or a two-byte escape.
        qsizetype j = at + 1;
        if (j < n && utf8[j] == '[') {
            ++j;
            while (j < n && static_cast<unsigned char>(utf8[j]) >= 0x30 &&
                   static_cast<unsigned char>(utf8[j]) <= 0x3f)
                ++j;
            while (j < n && static_cast<unsigned char>(utf8[j]) >= 0x20 &&
                   static_cast<unsigned char>(utf8[j]) <= 0x2f)
                ++j;
            i = (j < n && static_cast<unsigned char>(utf8[j]) >= 0x40 &&
                 static_cast<unsigned char>(utf8[j]) <= 0x7e)
                    ? j + 1
                    : j;
        } else if (j < n && utf8[j] == ']') {
            ++j;
            while (j < n && utf8[j] != '\a' && !(utf8[j] == 0x1b && j + 1 < n && utf8[j + 1] == '\\'))
                ++j;
            i = j < n ? (utf8[j] == '\a' ? j + 1 : j + 2) : n;
        } else {
            i = j < n ? j + 1 : n;
        }
    }
}

QString stripAnsi(QByteArrayView utf8)
{
    if (!utf8.contains('\x1b')) {
        bool plain = true;
        for (char ch : utf8)
            if (static_cast<unsigned char>(ch) < 0x20 && ch != '\t') {
                plain = false;
                break;
            }
        if (plain)
            return QString::fromUtf8(utf8);
    }
    return parseAnsi(utf8).text;
}

} // namespace vigia::logs
