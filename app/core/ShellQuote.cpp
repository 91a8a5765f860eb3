#include "core/ShellQuote.h"

namespace vigia {

static bool isPlainWord(const QString &s)
{
    if (s.isEmpty())
        return false;
    for (QChar c : s) {
        const ushort u = c.unicode();
        const bool plain = (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') ||
                           u == '_' || u == '@' || u == '%' || u == '+' || u == '=' || u == ':' || u == ',' ||
                           u == '.' || u == '/' || u == '-';
        if (!plain)
            return false;
    }
    // '=' in the first word could read as an assignment: buildCommandLine handles that.
    return true;
}

QString shellQuote(const QString &arg)
{
    if (isPlainWord(arg))
        return arg;
    // Inside single quotes nothing is special except the quote itself, which is
    // closed, emitted escaped, and reopened.
    QString out;
    out.reserve(arg.size() + 2);
    out += QLatin1Char('\'');
    for (QChar c : arg) {
        if (c == QLatin1Char('\''))
            out += QStringLiteral("'\\''");
        else
            out += c;
    }
    out += QLatin1Char('\'');
    return out;
}

// In command position a plain word can still be grammar: "X=1" is an
// assignment and "if" a reserved word. Quoted, each is just a command name.
static bool needsQuotingAsCommand(const QString &word)
{
    static const QStringList reserved{
        QStringLiteral("if"),    QStringLiteral("then"),   QStringLiteral("else"),     QStringLiteral("elif"),
        QStringLiteral("fi"),    QStringLiteral("do"),     QStringLiteral("done"),     QStringLiteral("case"),
        QStringLiteral("esac"),  QStringLiteral("while"),  QStringLiteral("until"),    QStringLiteral("for"),
        QStringLiteral("in"),    QStringLiteral("select"), QStringLiteral("function"), QStringLiteral("time"),
        QStringLiteral("coproc")};
    return word.contains(QLatin1Char('=')) || reserved.contains(word);
}

QString buildCommandLine(const QStringList &argv)
{
    QStringList quoted;
    quoted.reserve(argv.size());
    for (const QString &a : argv) {
        if (quoted.isEmpty() && needsQuotingAsCommand(a)) {
            // A plain word is wrapped as it is; anything else is quoted in full (a "'" in
            // "X='y" must be escaped like any other, or it opens a quote of its own).
            const QString q = shellQuote(a);
            quoted << (q == a ? QLatin1Char('\'') + a + QLatin1Char('\'') : q);
        } else
            quoted << shellQuote(a);
    }
    return quoted.join(QLatin1Char(' '));
}

std::optional<QStringList> splitCommandLine(const QString &line)
{
    QStringList words;
    QString cur;
    bool inWord = false;
    for (qsizetype i = 0; i < line.size(); ++i) {
        const QChar c = line.at(i);
        if (c == QLatin1Char(' ')) {
            if (!inWord)
                return std::nullopt; // two spaces, or a leading one: not ours
            words << cur;
            cur.clear();
            inWord = false;
            continue;
        }
        inWord = true;
        if (c == QLatin1Char('\'')) {
            const qsizetype end = line.indexOf(QLatin1Char('\''), i + 1);
            if (end < 0)
                return std::nullopt;
            cur += line.mid(i + 1, end - i - 1);
            i = end;
        } else if (c == QLatin1Char('\\')) {
            if (i + 1 >= line.size() || line.at(i + 1) != QLatin1Char('\''))
                return std::nullopt;
            cur += QLatin1Char('\'');
            ++i;
        } else {
            const ushort u = c.unicode();
            const bool plain = (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') ||
                               u == '_' || u == '@' || u == '%' || u == '+' || u == '=' || u == ':' ||
                               u == ',' || u == '.' || u == '/' || u == '-';
            if (!plain)
                return std::nullopt;
            cur += c;
        }
    }
    if (!inWord)
        return std::nullopt; // empty, or a trailing space
    words << cur;
    return words;
}

} // namespace vigia
