#pragma once
// The read-only rules for every remote command line, not only kubectl's: the connection asks
// them before anything of a read-only profile reaches the server.
//
// What read-only allows, each by a named rule:
//  - kubectl with a read verb (isMutatingKubectl), under sudo -n or env as detected;
//  - reading commands: cat, head, tail, stat, df, id, find without actions that write or run
//    anything, journalctl without its maintenance flags;
//  - the fixed scripts the builders declare (declareScript), each with a rule saying what it
//    does and a check of its arguments;
//  - a database snapshot's temporary copy under the SSH user's own temp folder
//    (vigia-snap.XXXXXXXX), and removing that folder.
// Everything else is refused, as is a command line not spelled by buildCommandLine.
#include "core/Result.h"

#include <QString>
#include <QStringList>
#include <functional>
#include <optional>

namespace vigia::remote {

class CommandGate {
public:
    using ArgCheck = std::function<bool(const QStringList &scriptArgs)>;

    // script: the exact text given to `sh -c`. args: what follows the script ($0 first).
    // sudoAllowed: the script may run under sudo -n (it reads, or writes only the temp copy).
    // Returns true so a builder can declare from a static initialiser.
    static bool declareScript(const QString &script, const QString &rule, bool sudoAllowed = false,
                              ArgCheck check = {});

    // The rule that lets commandLine run in read-only mode, or the refusal.
    static Result<QString> readOnlyRule(const QString &commandLine);

    // For SshConnection::setCommandGate: nullopt when allowed.
    static std::optional<Error> readOnlyCheck(const QString &commandLine);

    // A folder made by the snapshot's mktemp: /…/vigia-snap.XXXXXXXX, nothing else.
    static bool isSnapshotTempDir(const QString &path);
};

} // namespace vigia::remote
