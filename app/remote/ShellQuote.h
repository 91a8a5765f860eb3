#pragma once
// The one place that turns arguments into a remote shell command line.
// Nothing from a user or a server is ever pasted into a shell string by hand.
#include <QString>
#include <QStringList>

namespace vigia::remote {

// Quotes one argument for a POSIX shell. Plain words ([A-Za-z0-9_@%+=:,./-]) are
// left as they are; everything else is wrapped in single quotes.
QString shellQuote(const QString &arg);

// Quotes each argument and joins them with spaces: the command line sshd hands
// to the user's login shell.
QString buildCommandLine(const QStringList &argv);

} // namespace vigia::remote
