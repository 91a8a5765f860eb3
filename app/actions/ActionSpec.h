#pragma once
// A mutating kubectl command described as data. Every change Vigía makes to a
// cluster goes through one of these: the argv, the confirmation text, the
// read-only gate and the audit entry are all derived from the same struct, so
// what the user confirmed is exactly what runs.
#include "core/Result.h"

#include <QMetaType>
#include <QString>
#include <QStringList>

namespace vigia::actions {

enum class ActionKind { Restart, Undo, Scale, DeletePod };
enum class ObjectKind { Deployment, StatefulSet, DaemonSet, Pod };

struct ActionSpec {
    ActionKind kind = ActionKind::Restart;
    QString profile; // profile name, for the audit trail and the dialog
    QString server;  // what the user calls the server ("vps-1", "deploy@1.2.3.4")
    QString namespaceName;
    ObjectKind objectKind = ObjectKind::Deployment;
    QString objectName;
    int revision = 0;             // Undo: 0 means "the previous revision"
    int replicas = -1;            // Scale: the new count
    int currentReplicas = -1;     // Scale: what it was, for the description (-1: unknown)
    bool podHasController = true; // DeletePod: false for a bare pod, which will not come back
    // Restart: how the workload replaces its pods, when known, so the confirmation says truly
    // whether the service stays up. Empty strategy: unknown.
    QString strategy;       // "RollingUpdate", "Recreate"
    QString maxUnavailable; // "25%", "1"; empty: Kubernetes' default (25%)

    bool operator==(const ActionSpec &) const = default;
};

QString actionKindName(ActionKind kind); // "restart", "undo", "scale", "delete-pod"
QString objectKindName(ObjectKind kind); // "deployment", "statefulset", "daemonset", "pod"
std::optional<ObjectKind> objectKindFromString(const QString &kind); // accepts "Deployment", "deploy", ...

// Whether the action can be applied to that kind of object (scale a DaemonSet: no).
bool actionApplies(ActionKind action, ObjectKind object);

// Checks the spec without touching the network: names present, no '/' that
// would change which resource is addressed, sensible numbers.
Result<void> validateAction(const ActionSpec &spec);

// The kubectl arguments (without the kubectl prefix). Pure. Names are passed as
// single arguments ("deployment/NAME", "--namespace=NS") so nothing a user or a
// server wrote can be read as an option; the shell quoting happens once, in
// remote::buildCommandLine.
Result<QStringList> kubectlArgs(const ActionSpec &spec);

// The exact remote command line for a kubectl prefix ("kubectl", "sudo -n k3s kubectl").
Result<QString> remoteCommandLine(const QStringList &kubectlPrefix, const ActionSpec &spec);

// A short title ("Restart deployment api-scheduler") and the sentence that says
// what will happen, naming server, namespace and object.
QString actionTitle(const ActionSpec &spec);
QString actionDescription(const ActionSpec &spec);

// Undo and delete can be set (per profile) to require typing the object's name.
bool actionIsDestructive(ActionKind kind);

} // namespace vigia::actions

Q_DECLARE_METATYPE(vigia::actions::ActionSpec)
