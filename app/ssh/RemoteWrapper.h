#pragma once
// The shell wrapper every remote command runs under, and the sweep that ends what a previous
// connection of the same client left running.
//
// Why the sweep: after a network drop sshd may not notice for a long time (hours without
// ClientAliveInterval), so its side of every channel stays open and the wrapper's watcher never
// sees stdin EOF. The reconnect starts new watches and `logs -f` beside the old ones. Each wrapper
// therefore records its command's process group in a per-user runtime folder on the server,
// named by the client's tag (stable across reconnects) and the connection's id (new each time);
// right after connecting, the sweep ends the groups of this tag's other connections.
#include <QString>

namespace vigia::ssh {

class RemoteWrapper {
public:
    // commandLine: already quoted by buildCommandLine. usesStdin: the command reads the
    // channel's stdin, so no watcher can read it. tag/connectionId: empty records nothing.
    static QString wrap(const QString &commandLine, bool usesStdin, const QString &tag = {},
                        const QString &connectionId = {});
    // Ends the recorded groups of tag's connections other than currentConnectionId, and forgets
    // records whose processes are gone. A recorded pid that now belongs to something else (pid
    // reuse) is left alone: its environment or arguments must still name the connection.
    // Prints one line per group ended: "ended CONNECTION PGID".
    static QString sweepCommand(const QString &tag, const QString &currentConnectionId);
    // A fresh random id, [0-9a-f]{12}: tags and connection ids reach the server only in this form.
    static QString newId();
    static bool isValidId(const QString &id);
};

} // namespace vigia::ssh
