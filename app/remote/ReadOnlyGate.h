#pragma once
// The read-only gate: what a read-only profile lets Vigía send to its server.
// It lives in remote, below every layer that builds commands, so the runner,
// the actions and the snapshot path all ask the same rules.
#include "core/Result.h"

#include <QString>
#include <QStringList>

namespace vigia::remote {

// Whether a kubectl argument list (without the kubectl prefix) changes the cluster.
// Unknown verbs, and any flag the gate does not know before the verb, count as mutating.
bool isMutatingKubectl(const QStringList &kubectlArgs);

// The read-only refusal, shared by every gate so the words are the same (code "action.read-only").
Error readOnlyRefusal(const QString &what);

} // namespace vigia::remote
