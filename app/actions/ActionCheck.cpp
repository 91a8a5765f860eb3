#include "actions/ActionCheck.h"

#include <QCoreApplication>

namespace vigia::actions {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("ActionCheck", text);
}

} // namespace

bool ActionCheck::outcomeIsUnknown(const CommandResult &result)
{
    if (!result.error)
        return false;
    const QString &c = result.error->code;
    // Sent, then no answer: a timeout, or the connection (or sshd) gone while it ran.
    return !result.commandLine.isEmpty() &&
           (c == QLatin1String("kube.timeout") || c == QLatin1String("conn.lost") || c == QLatin1String("conn.closed") ||
            c == QLatin1String("ssh.channel"));
}

QStringList ActionCheck::checkArgs(const ActionSpec &spec)
{
    const QString target = objectKindName(spec.objectKind) + QLatin1Char('/') + spec.objectName;
    const QString ns = QStringLiteral("--namespace=") + spec.namespaceName;
    QString path;
    switch (spec.kind) {
    case ActionKind::Restart:
        path = QStringLiteral("{.spec.template.metadata.annotations.kubectl\\.kubernetes\\.io/restartedAt}");
        break;
    case ActionKind::Scale:
        path = QStringLiteral("{.spec.replicas}");
        break;
    case ActionKind::DeletePod:
        path = QStringLiteral("{.metadata.deletionTimestamp}");
        break;
    case ActionKind::Undo:
        return {};
    }
    return {QStringLiteral("get"), target, ns, QStringLiteral("-o"), QStringLiteral("jsonpath=") + path,
            QStringLiteral("--request-timeout=20s")};
}

CheckResult ActionCheck::judge(const ActionSpec &spec, const QDateTime &sentAt, const CommandResult &check)
{
    const QString out = QString::fromUtf8(check.out).trimmed();
    const QString err = QString::fromUtf8(check.err);
    if (spec.kind == ActionKind::DeletePod && !check.ok() && err.contains(QLatin1String("NotFound")))
        return {CheckVerdict::Applied, tr("checked afterwards: the pod is gone")};
    if (!check.ok())
        return {CheckVerdict::Unknown,
                tr("could not check afterwards (%1): look at the object before trying again")
                    .arg(check.error ? check.error->message : err.left(200))};
    switch (spec.kind) {
    case ActionKind::Restart: {
        const QDateTime restartedAt = QDateTime::fromString(out, Qt::ISODate);
        if (restartedAt.isValid() && restartedAt >= sentAt.addSecs(-kClockSlackSec))
            return {CheckVerdict::Applied, tr("checked afterwards: restarted at %1").arg(out)};
        return {CheckVerdict::NotApplied, out.isEmpty() ? tr("checked afterwards: no restart was recorded")
                                                        : tr("checked afterwards: the last restart was at %1").arg(out)};
    }
    case ActionKind::Scale: {
        bool ok = false;
        const int replicas = out.toInt(&ok);
        if (!ok)
            return {CheckVerdict::Unknown, tr("checked afterwards: the replica count could not be read")};
        if (replicas == spec.replicas)
            return {CheckVerdict::Applied, tr("checked afterwards: %1 replicas are asked for").arg(replicas)};
        return {CheckVerdict::NotApplied, tr("checked afterwards: still %1 replicas").arg(replicas)};
    }
    case ActionKind::DeletePod:
        if (!out.isEmpty())
            return {CheckVerdict::Applied, tr("checked afterwards: the pod is being deleted")};
        return {CheckVerdict::NotApplied, tr("checked afterwards: the pod is still there")};
    case ActionKind::Undo:
        break;
    }
    return {CheckVerdict::Unknown, tr("look at the rollout history before trying again")};
}

} // namespace vigia::actions
