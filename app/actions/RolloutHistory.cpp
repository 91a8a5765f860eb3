#include "actions/RolloutHistory.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QTimeZone>

#include <algorithm>

namespace vigia::actions {

namespace {
const QString kRevisionAnnotation = QStringLiteral("deployment.kubernetes.io/revision");
const QString kChangeCause = QStringLiteral("kubernetes.io/change-cause");

int annotationInt(const QJsonObject &meta, const QString &key)
{
    bool ok = false;
    const int v = meta.value(QStringLiteral("annotations")).toObject().value(key).toString().toInt(&ok);
    return ok ? v : 0;
}
} // namespace

QDateTime parseKubeTime(const QString &text)
{
    QDateTime t = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!t.isValid())
        t = QDateTime::fromString(text, Qt::ISODate);
    if (t.isValid())
        t = t.toUTC();
    return t;
}

QString labelSelectorString(const QJsonObject &selector)
{
    QStringList parts;
    const QJsonObject labels = selector.value(QStringLiteral("matchLabels")).toObject();
    for (auto it = labels.begin(); it != labels.end(); ++it)
        parts << it.key() + QLatin1Char('=') + it.value().toString();
    for (const QJsonValue &v : selector.value(QStringLiteral("matchExpressions")).toArray()) {
        const QJsonObject e = v.toObject();
        const QString key = e.value(QStringLiteral("key")).toString();
        const QString op = e.value(QStringLiteral("operator")).toString();
        QStringList values;
        for (const QJsonValue &x : e.value(QStringLiteral("values")).toArray())
            values << x.toString();
        if (op == QLatin1String("In"))
            parts << QStringLiteral("%1 in (%2)").arg(key, values.join(QLatin1Char(',')));
        else if (op == QLatin1String("NotIn"))
            parts << QStringLiteral("%1 notin (%2)").arg(key, values.join(QLatin1Char(',')));
        else if (op == QLatin1String("Exists"))
            parts << key;
        else if (op == QLatin1String("DoesNotExist"))
            parts << QLatin1Char('!') + key;
        else
            return QString(); // unknown operator: list without a selector and filter by owner
    }
    return parts.join(QLatin1Char(','));
}

WorkloadRef workloadRefFromJson(const QJsonObject &workload)
{
    const QJsonObject meta = workload.value(QStringLiteral("metadata")).toObject();
    const QJsonObject spec = workload.value(QStringLiteral("spec")).toObject();
    WorkloadRef w;
    w.name = meta.value(QStringLiteral("name")).toString();
    w.uid = meta.value(QStringLiteral("uid")).toString();
    w.namespaceName = meta.value(QStringLiteral("namespace")).toString();
    w.revision = annotationInt(meta, kRevisionAnnotation);
    w.labelSelector = labelSelectorString(spec.value(QStringLiteral("selector")).toObject());
    w.replicas =
        spec.contains(QStringLiteral("replicas")) ? spec.value(QStringLiteral("replicas")).toInt() : 1;
    return w;
}

Result<WorkloadRef> parseWorkloadRef(const QByteArray &workloadJson)
{
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(workloadJson, &pe);
    if (pe.error != QJsonParseError::NoError || !doc.isObject())
        return makeError(QCoreApplication::translate("RolloutHistory", "kubectl's answer about the workload could not be read (%1).")
                             .arg(pe.errorString()),
                         QString(), QStringLiteral("kube.parse"));
    WorkloadRef w = workloadRefFromJson(doc.object());
    if (w.name.isEmpty())
        return makeError(QCoreApplication::translate("RolloutHistory", "kubectl's answer has no workload name."), QString(),
                         QStringLiteral("kube.parse"));
    return w;
}

QStringList replicaSetListArgs(const WorkloadRef &workload)
{
    QStringList args{QStringLiteral("get"), QStringLiteral("replicasets"),
                     QStringLiteral("--namespace=") + workload.namespaceName, QStringLiteral("-o"),
                     QStringLiteral("json")};
    if (!workload.labelSelector.isEmpty())
        args << QStringLiteral("--selector=") + workload.labelSelector;
    return args;
}

static bool controlledBy(const QJsonObject &meta, const WorkloadRef &owner)
{
    for (const QJsonValue &v : meta.value(QStringLiteral("ownerReferences")).toArray()) {
        const QJsonObject ref = v.toObject();
        if (!ref.value(QStringLiteral("controller")).toBool())
            continue;
        if (!owner.uid.isEmpty() && !ref.value(QStringLiteral("uid")).toString().isEmpty())
            return ref.value(QStringLiteral("uid")).toString() == owner.uid;
        return ref.value(QStringLiteral("name")).toString() == owner.name;
    }
    return false;
}

QList<RolloutRevision> revisionsFromItems(const QJsonArray &replicaSets, const WorkloadRef &owner)
{
    QList<RolloutRevision> out;
    for (const QJsonValue &v : replicaSets) {
        const QJsonObject rs = v.toObject();
        const QJsonObject meta = rs.value(QStringLiteral("metadata")).toObject();
        if (!controlledBy(meta, owner))
            continue;
        RolloutRevision r;
        r.revision = annotationInt(meta, kRevisionAnnotation);
        if (r.revision <= 0)
            continue;
        r.replicaSetName = meta.value(QStringLiteral("name")).toString();
        r.changeCause = meta.value(QStringLiteral("annotations")).toObject().value(kChangeCause).toString();
        r.created = parseKubeTime(meta.value(QStringLiteral("creationTimestamp")).toString());
        r.replicas = rs.value(QStringLiteral("spec")).toObject().value(QStringLiteral("replicas")).toInt();
        const QJsonObject podSpec = rs.value(QStringLiteral("spec"))
                                        .toObject()
                                        .value(QStringLiteral("template"))
                                        .toObject()
                                        .value(QStringLiteral("spec"))
                                        .toObject();
        for (const QJsonValue &c : podSpec.value(QStringLiteral("containers")).toArray())
            r.images << c.toObject().value(QStringLiteral("image")).toString();
        r.current = owner.revision > 0 && r.revision == owner.revision;
        out << r;
    }
    std::sort(out.begin(), out.end(),
              [](const RolloutRevision &a, const RolloutRevision &b) { return a.revision > b.revision; });
    return out;
}

Result<QList<RolloutRevision>> parseRevisions(const QByteArray &replicaSetListJson, const WorkloadRef &owner)
{
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(replicaSetListJson, &pe);
    if (pe.error != QJsonParseError::NoError || !doc.isObject())
        return makeError(QCoreApplication::translate("RolloutHistory", "The ReplicaSet list could not be read (%1).").arg(pe.errorString()),
                         QString(), QStringLiteral("kube.parse"));
    return revisionsFromItems(doc.object().value(QStringLiteral("items")).toArray(), owner);
}

int previousRevision(const QList<RolloutRevision> &revisions)
{
    int current = 0;
    for (const RolloutRevision &r : revisions)
        if (r.current)
            current = r.revision;
    if (current == 0) // unknown current: the newest is
        for (const RolloutRevision &r : revisions)
            current = qMax(current, r.revision);
    int best = 0;
    for (const RolloutRevision &r : revisions)
        if (r.revision < current)
            best = qMax(best, r.revision);
    return best;
}

QString formatAge(const QDateTime &since, const QDateTime &now)
{
    if (!since.isValid() || !now.isValid())
        return QStringLiteral("—");
    const qint64 s = qMax<qint64>(0, since.secsTo(now));
    if (s < 120)
        return QStringLiteral("%1s").arg(s);
    if (s < 3600 * 2)
        return QStringLiteral("%1m").arg(s / 60);
    if (s < 86400 * 2)
        return QStringLiteral("%1h").arg(s / 3600);
    return QStringLiteral("%1d").arg(s / 86400);
}

} // namespace vigia::actions
