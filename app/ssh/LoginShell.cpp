#include "ssh/LoginShell.h"

#include <QCoreApplication>

namespace vigia::ssh {

QString LoginShell::probeCommand()
{
    // No quotes, no redirections: the same words in sh, fish and csh.
    return QStringLiteral("echo $SHELL");
}

ShellKind LoginShell::classify(const QString &probeOutput)
{
    const QString path = probeOutput.trimmed().section(QLatin1Char('\n'), 0, 0).trimmed();
    const QString name = path.section(QLatin1Char('/'), -1);
    if (name.isEmpty())
        return ShellKind::Unknown;
    if (name == QLatin1String("fish"))
        return ShellKind::Fish;
    if (name == QLatin1String("csh") || name == QLatin1String("tcsh"))
        return ShellKind::Csh;
    static const QStringList posix{QStringLiteral("sh"),   QStringLiteral("bash"), QStringLiteral("dash"),
                                   QStringLiteral("ash"),  QStringLiteral("ksh"),  QStringLiteral("mksh"),
                                   QStringLiteral("zsh"),  QStringLiteral("yash"), QStringLiteral("busybox"),
                                   QStringLiteral("rbash"), QStringLiteral("lksh")};
    return posix.contains(name) ? ShellKind::Posix : ShellKind::Unknown;
}

QString LoginShell::fishQuote(const QString &text)
{
    QString out;
    out.reserve(text.size() + 2);
    out += QLatin1Char('\'');
    for (const QChar c : text) {
        if (c == QLatin1Char('\\') || c == QLatin1Char('\''))
            out += QLatin1Char('\\');
        out += c;
    }
    out += QLatin1Char('\'');
    return out;
}

QString LoginShell::adapt(const QString &posixLine, ShellKind kind)
{
    if (kind != ShellKind::Fish)
        return posixLine;
    // fish runs sh with the POSIX line as one argument, which sh then reads as written.
    return QStringLiteral("sh -c ") + fishQuote(posixLine);
}

std::optional<Error> LoginShell::refusal(ShellKind kind, const QString &probeOutput)
{
    if (kind != ShellKind::Csh)
        return std::nullopt;
    const QString shell = probeOutput.trimmed().section(QLatin1Char('\n'), 0, 0).trimmed();
    return makeError(
        QCoreApplication::translate("LoginShell", "The SSH user's login shell is %1, which Vigía cannot send "
                                                  "commands through.")
            .arg(shell),
        QCoreApplication::translate("LoginShell", "Vigía needs a POSIX login shell (sh, bash, dash, zsh) or fish "
                                                  "for this user. Change it on the server with `chsh -s /bin/bash`, "
                                                  "or connect as another user."),
        QStringLiteral("ssh.login-shell"));
}

} // namespace vigia::ssh
