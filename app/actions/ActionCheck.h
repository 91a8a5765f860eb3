#pragma once
// After an action whose command got no answer (timed out, or the connection dropped while it
// ran) the API may have applied it all the same. Recording it as failed would be untrue, and
// the user might run it twice. ActionCheck says how to look at the object afterwards and what
// the answer means: applied, not applied, or still unknown.
#include "actions/ActionSpec.h"
#include "actions/CommandExecutor.h"

#include <QDateTime>
#include <QStringList>

namespace vigia::actions {

enum class CheckVerdict { Applied, NotApplied, Unknown };

struct CheckResult {
    CheckVerdict verdict = CheckVerdict::Unknown;
    QString detail; // in words, for the audit trail and the status line
};

class ActionCheck {
public:
    // Whether a finished command's error leaves its effect unknown (no answer, as opposed to a
    // refusal by kubectl or the API, which is a plain failure).
    static bool outcomeIsUnknown(const CommandResult &result);
    // A read-only kubectl command that shows whether spec took effect; empty when nothing can
    // tell (an undo without the revision it started from).
    static QStringList checkArgs(const ActionSpec &spec);
    // sentAt: when the action was sent, by this machine's clock; the server's may differ, so
    // a restart's restartedAt is compared with some slack.
    static CheckResult judge(const ActionSpec &spec, const QDateTime &sentAt, const CommandResult &check);

    static constexpr int kClockSlackSec = 120;
};

} // namespace vigia::actions
