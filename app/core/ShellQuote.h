#pragma once
// The one place that turns arguments into a remote shell command line.
// Nothing from a user or a server is ever pasted into a shell string by hand.
// In core because the SSH layer's own wrapper needs it as much as every command builder.
#include <QString>
#include <QStringList>
#include <optional>

namespace vigia {

// Quotes one argument for a POSIX shell. Plain words ([A-Za-z0-9_@%+=:,./-]) are
// left as they are; everything else is wrapped in single quotes.
QString shellQuote(const QString &arg);

// Quotes each argument and joins them with spaces: the command line sshd hands
// to the user's login shell.
QString buildCommandLine(const QStringList &argv);

// The inverse of buildCommandLine, for the read-only gate: the words of a line spelled exactly as
// buildCommandLine spells them (plain words, '…' and \' joined, single spaces). nullopt for
// anything else: a line that could mean something else to a shell is never guessed at.
std::optional<QStringList> splitCommandLine(const QString &line);

} // namespace vigia
