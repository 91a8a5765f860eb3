#pragma once
// Which login shell the server's SSH user has, and how a command line gets through it.
// sshd hands every command line to the user's login shell (`$SHELL -c LINE`). Vigía's lines are
// spelled for a POSIX shell (sh, dash, bash, ksh, zsh). fish reads single quotes differently
// (a backslash escapes inside them), so for fish the line is passed to sh in fish's own quoting.
// csh and tcsh cannot carry the lines at all (history `!`, newlines in quotes): the connection
// says so plainly instead of failing in odd ways later.
#include "core/Result.h"

#include <QString>

namespace vigia::ssh {

enum class ShellKind { Posix, Fish, Csh, Unknown };

class LoginShell {
public:
    // The probe, valid in every one of those shells: prints the login shell's path.
    static QString probeCommand();
    // From the probe's output ("/usr/bin/fish\n").
    static ShellKind classify(const QString &probeOutput);
    // The line to send for a POSIX command line under this shell.
    static QString adapt(const QString &posixLine, ShellKind kind);
    // fish's single-quoted form of text: only \ and ' are special inside.
    static QString fishQuote(const QString &text);
    // The refusal for a shell that cannot carry the lines; nothing for the others.
    static std::optional<Error> refusal(ShellKind kind, const QString &probeOutput);
};

} // namespace vigia::ssh
