#include "actions/ActionSpec.h"

#include "remote/ShellQuote.h"
#include <QCoreApplication>

namespace vigia::actions {

QString actionKindName(ActionKind kind)
{
    switch (kind) {
    case ActionKind::Restart:
        return QStringLiteral("restart");
    case ActionKind::Undo:
        return QStringLiteral("undo");
    case ActionKind::Scale:
        return QStringLiteral("scale");
    case ActionKind::DeletePod:
        return QStringLiteral("delete-pod");
    }
    return QString();
}

QString objectKindName(ObjectKind kind)
{
    switch (kind) {
    case ObjectKind::Deployment:
        return QStringLiteral("deployment");
    case ObjectKind::StatefulSet:
        return QStringLiteral("statefulset");
    case ObjectKind::DaemonSet:
        return QStringLiteral("daemonset");
    case ObjectKind::Pod:
        return QStringLiteral("pod");
    }
    return QString();
}

std::optional<ObjectKind> objectKindFromString(const QString &kind)
{
    const QString k = kind.trimmed().toLower();
    if (k == QLatin1String("deployment") || k == QLatin1String("deployments") || k == QLatin1String("deploy"))
        return ObjectKind::Deployment;
    if (k == QLatin1String("statefulset") || k == QLatin1String("statefulsets") || k == QLatin1String("sts"))
        return ObjectKind::StatefulSet;
    if (k == QLatin1String("daemonset") || k == QLatin1String("daemonsets") || k == QLatin1String("ds"))
        return ObjectKind::DaemonSet;
    if (k == QLatin1String("pod") || k == QLatin1String("pods") || k == QLatin1String("po"))
        return ObjectKind::Pod;
    return std::nullopt;
}

bool actionApplies(ActionKind action, ObjectKind object)
{
    switch (action) {
    case ActionKind::Restart:
    case ActionKind::Undo:
        return object != ObjectKind::Pod;
    case ActionKind::Scale:
        // A DaemonSet runs one pod per node; it has no replica count.
        return object == ObjectKind::Deployment || object == ObjectKind::StatefulSet;
    case ActionKind::DeletePod:
        return object == ObjectKind::Pod;
    }
    return false;
}

static Result<void> checkName(const QString &what, const QString &name)
{
    if (name.trimmed().isEmpty())
        return makeError(QCoreApplication::translate("ActionSpec", "The %1 name is empty.").arg(what), QString(),
                         QStringLiteral("action.invalid"));
    // A slash would turn "deployment/NAME" into a different resource path; a
    // control character is never part of a Kubernetes name.
    for (QChar c : name) {
        if (c == QLatin1Char('/') || c.unicode() < 0x20 || c.unicode() == 0x7f)
            return makeError(
                QCoreApplication::translate("ActionSpec", "The %1 name \"%2\" contains a character Kubernetes names never have.")
                    .arg(what, name),
                QString(), QStringLiteral("action.invalid"));
    }
    return {};
}

Result<void> validateAction(const ActionSpec &spec)
{
    if (!actionApplies(spec.kind, spec.objectKind))
        return makeError(
            QCoreApplication::translate("ActionSpec", "Cannot %1 a %2.").arg(actionKindName(spec.kind), objectKindName(spec.objectKind)),
            QString(), QStringLiteral("action.invalid"));
    if (auto r = checkName(QStringLiteral("namespace"), spec.namespaceName); !r)
        return r;
    if (auto r = checkName(objectKindName(spec.objectKind), spec.objectName); !r)
        return r;
    if (spec.kind == ActionKind::Undo && spec.revision < 0)
        return makeError(QCoreApplication::translate("ActionSpec", "Revision %1 does not exist.").arg(spec.revision), QString(),
                         QStringLiteral("action.invalid"));
    if (spec.kind == ActionKind::Scale && (spec.replicas < 0 || spec.replicas > 10000))
        return makeError(QCoreApplication::translate("ActionSpec", "%1 is not a replica count.").arg(spec.replicas), QString(),
                         QStringLiteral("action.invalid"));
    return {};
}

Result<QStringList> kubectlArgs(const ActionSpec &spec)
{
    if (auto v = validateAction(spec); !v)
        return v.error();
    const QString target = objectKindName(spec.objectKind) + QLatin1Char('/') + spec.objectName;
    const QString ns = QStringLiteral("--namespace=") + spec.namespaceName;
    switch (spec.kind) {
    case ActionKind::Restart:
        return QStringList{QStringLiteral("rollout"), QStringLiteral("restart"), target, ns};
    case ActionKind::Undo: {
        QStringList args{QStringLiteral("rollout"), QStringLiteral("undo"), target};
        if (spec.revision > 0)
            args << QStringLiteral("--to-revision=%1").arg(spec.revision);
        args << ns;
        return args;
    }
    case ActionKind::Scale:
        return QStringList{QStringLiteral("scale"), target,
                           QStringLiteral("--replicas=%1").arg(spec.replicas), ns};
    case ActionKind::DeletePod:
        // --wait=false: the command returns once the API accepted the deletion;
        // the tracker, not an open kubectl, watches the replacement.
        return QStringList{QStringLiteral("delete"), target, ns, QStringLiteral("--wait=false")};
    }
    return makeError(QCoreApplication::translate("ActionSpec", "Unknown action."), QString(), QStringLiteral("action.invalid"));
}

Result<QString> remoteCommandLine(const QStringList &kubectlPrefix, const ActionSpec &spec)
{
    Result<QStringList> args = kubectlArgs(spec);
    if (!args)
        return args.error();
    return remote::buildCommandLine(kubectlPrefix + args.value());
}

static QString kindWord(ObjectKind k)
{
    switch (k) {
    case ObjectKind::Deployment:
        return QStringLiteral("deployment");
    case ObjectKind::StatefulSet:
        return QCoreApplication::translate("ActionSpec", "stateful set");
    case ObjectKind::DaemonSet:
        return QCoreApplication::translate("ActionSpec", "daemon set");
    case ObjectKind::Pod:
        return QStringLiteral("pod");
    }
    return QString();
}

QString actionTitle(const ActionSpec &spec)
{
    const QString obj = kindWord(spec.objectKind) + QLatin1Char(' ') + spec.objectName;
    switch (spec.kind) {
    case ActionKind::Restart:
        return QCoreApplication::translate("ActionSpec", "Restart %1").arg(obj);
    case ActionKind::Undo:
        return spec.revision > 0 ? QCoreApplication::translate("ActionSpec", "Roll back %1 to revision %2").arg(obj).arg(spec.revision)
                                 : QCoreApplication::translate("ActionSpec", "Roll back %1 to the previous revision").arg(obj);
    case ActionKind::Scale:
        return QCoreApplication::translate("ActionSpec", "Scale %1 to %2").arg(obj).arg(spec.replicas);
    case ActionKind::DeletePod:
        return QCoreApplication::translate("ActionSpec", "Delete pod %1").arg(spec.objectName);
    }
    return QString();
}

// Pods a rolling update may take down at once: a percentage of the replicas rounded down, as
// Kubernetes does for maxUnavailable; 25 % when unset.
static int resolvedMaxUnavailable(const QString &value, int replicas)
{
    const QString v = value.isEmpty() ? QStringLiteral("25%") : value.trimmed();
    if (v.endsWith(QLatin1Char('%'))) {
        bool ok = false;
        const int pct = v.chopped(1).toInt(&ok);
        return ok ? pct * replicas / 100 : 0;
    }
    bool ok = false;
    const int n = v.toInt(&ok);
    return ok ? n : 0;
}

static QString restartDescription(const ActionSpec &spec, const QString &where)
{
    if (spec.strategy == QLatin1String("Recreate"))
        return QCoreApplication::translate("ActionSpec", "Restart %1: it uses the Recreate strategy, so every pod is stopped before the new ones "
                  "start. The service is DOWN until a new pod is Ready.")
            .arg(where);
    if (spec.strategy.isEmpty() || spec.currentReplicas < 0)
        return QCoreApplication::translate("ActionSpec", "Restart %1: pods are replaced by its update strategy (not read yet). With one replica, or "
                  "with the Recreate strategy, the service is down until a new pod is Ready.")
            .arg(where);
    if (spec.currentReplicas == 0)
        return QCoreApplication::translate("ActionSpec", "Restart %1: it has no replicas, so nothing runs before or after.").arg(where);
    const int down = resolvedMaxUnavailable(spec.maxUnavailable, spec.currentReplicas);
    if (down >= spec.currentReplicas)
        return QCoreApplication::translate("ActionSpec",
                                           "Restart %1: maxUnavailable lets all %n pod(s) stop at once, so the "
                                           "service can be DOWN until a new pod is Ready.",
                                           nullptr, spec.currentReplicas)
            .arg(where);
    if (down == 0)
        return QCoreApplication::translate("ActionSpec",
                                           "Restart %1: a new pod starts before an old one stops, and %n pod(s) "
                                           "keep serving throughout, as long as the new pods become Ready.",
                                           nullptr, spec.currentReplicas)
            .arg(where);
    return QCoreApplication::translate("ActionSpec",
                                       "Restart %1: pods are replaced a few at a time; at least %n keep serving "
                                       "throughout.",
                                       nullptr, spec.currentReplicas - down)
        .arg(where);
}

QString actionDescription(const ActionSpec &spec)
{
    const QString where = QCoreApplication::translate("ActionSpec", "%1 %2 in namespace %3 on server %4")
                              .arg(kindWord(spec.objectKind), spec.objectName, spec.namespaceName,
                                   spec.server.isEmpty() ? QCoreApplication::translate("ActionSpec", "(unnamed)") : spec.server);
    switch (spec.kind) {
    case ActionKind::Restart:
        if (spec.objectKind == ObjectKind::DaemonSet)
            return QCoreApplication::translate("ActionSpec", "Restart %1: the pod on each node is replaced, one node at a time.")
                .arg(where);
        if (spec.objectKind == ObjectKind::StatefulSet)
            return QCoreApplication::translate("ActionSpec", "Restart %1: pods are replaced one by one, from the highest ordinal down.")
                .arg(where);
        return restartDescription(spec, where);
    case ActionKind::Undo:
        if (spec.revision > 0)
            return QCoreApplication::translate("ActionSpec",
                       "Roll back %1 to revision %2: its pod template (images, settings) becomes the "
                       "current one and pods are replaced.")
                .arg(where)
                .arg(spec.revision);
        return QCoreApplication::translate("ActionSpec",
                   "Roll back %1 to the previous revision: its pod template (images, settings) becomes "
                   "the current one and pods are replaced.")
            .arg(where);
    case ActionKind::Scale: {
        const QString from =
            spec.currentReplicas >= 0 ? QCoreApplication::translate("ActionSpec", "from %1 ").arg(spec.currentReplicas) : QString();
        if (spec.replicas == 0)
            return QCoreApplication::translate("ActionSpec", "Scale %1 %2to 0: every pod is stopped and the workload stops serving.")
                .arg(where, from);
        if (spec.currentReplicas >= 0 && spec.replicas < spec.currentReplicas)
            return QCoreApplication::translate("ActionSpec", "Scale %1 %2to %3: %n pod(s) are stopped.", nullptr,
                                               spec.currentReplicas - spec.replicas)
                .arg(where, from)
                .arg(spec.replicas);
        return QCoreApplication::translate("ActionSpec", "Scale %1 %2to %3 replicas.").arg(where, from).arg(spec.replicas);
    }
    case ActionKind::DeletePod:
        if (!spec.podHasController)
            return QCoreApplication::translate("ActionSpec", "Delete %1. Warning: this pod has no controller, so it will NOT come back.")
                .arg(where);
        return QCoreApplication::translate("ActionSpec", "Delete %1: its controller creates a replacement pod.").arg(where);
    }
    return QString();
}

bool actionIsDestructive(ActionKind kind)
{
    return kind == ActionKind::Undo || kind == ActionKind::DeletePod;
}

} // namespace vigia::actions
