#include "remote/ShellQuote.h"

namespace vigia::remote {

static bool isPlainWord(const QString &s)
{
    if (s.isEmpty())
        return false;
    for (QChar c : s) {
        const ushort u = c.unicode();
        const bool plain = (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') ||
                           u == '_' || u == '@' || u == '%' || u == '+' || u == '=' || u == ':' ||
                           u == ',' || u == '.' || u == '/' || u == '-';
        if (!plain)
            return false;
    }
    // '=' in the first word could read as an assignment; '~' is excluded above.
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

QString buildCommandLine(const QStringList &argv)
{
    QStringList quoted;
    quoted.reserve(argv.size());
    for (const QString &a : argv)
        quoted << shellQuote(a);
    return quoted.join(QLatin1Char(' '));
}

} // namespace vigia::remote
