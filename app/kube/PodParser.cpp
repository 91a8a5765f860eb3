#include "kube/PodParser.h"

#include "core/Log.h"
#include "kube/JsonAccess.h"
#include "kube/PodStatus.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>

namespace vigia::kube {

namespace {

using json::arrayAt;
using json::objectAt;
using json::stringAt;

std::optional<int> optIntAt(const QJsonObject &o, QLatin1StringView key)
{
    const QJsonValue v = o.value(key);
    if (!v.isDouble())
        return std::nullopt;
    const double d = v.toDouble();
    if (!(d >= -2147483648.0 && d <= 2147483647.0))
        return std::nullopt;
    return int(d);
}

ContainerInfo containerFrom(const QJsonObject &specContainer, const QJsonObject &cs, bool init)
{
    ContainerInfo c;
    c.name = stringAt(specContainer, QLatin1StringView("name"));
    if (c.name.isEmpty())
        c.name = stringAt(cs, QLatin1StringView("name"));
    // The spec's image is what was asked for; the status may show a resolved digest.
    c.image = stringAt(specContainer, QLatin1StringView("image"));
    if (c.image.isEmpty())
        c.image = stringAt(cs, QLatin1StringView("image"));
    c.init = init;
    c.ready = cs.value(QLatin1StringView("ready")).toBool(false);
    c.restartCount = std::max(0, optIntAt(cs, QLatin1StringView("restartCount")).value_or(0));

    const QJsonObject state = objectAt(cs, QLatin1StringView("state"));
    for (const char *kind : {"running", "waiting", "terminated"}) {
        const QLatin1StringView key(kind);
        if (!state.value(key).isObject())
            continue;
        const QJsonObject s = state.value(key).toObject();
        c.state = QString::fromLatin1(kind);
        c.stateReason = stringAt(s, QLatin1StringView("reason"));
        c.stateMessage = stringAt(s, QLatin1StringView("message"));
        c.startedAt = parseKubeTime(s.value(QLatin1StringView("startedAt")));
        if (c.state == QLatin1String("terminated"))
            c.exitCode = optIntAt(s, QLatin1StringView("exitCode"));
        break;
    }
    const QJsonObject last =
        objectAt(objectAt(cs, QLatin1StringView("lastState")), QLatin1StringView("terminated"));
    if (!last.isEmpty()) {
        c.lastReason = stringAt(last, QLatin1StringView("reason"));
        c.lastExitCode = optIntAt(last, QLatin1StringView("exitCode"));
        c.lastFinishedAt = parseKubeTime(last.value(QLatin1StringView("finishedAt")));
    }
    return c;
}

// Spec containers in order, each with its status (matched by name). Status
// entries for containers the spec does not list are kept at the end.
void appendContainers(QList<ContainerInfo> &out, const QJsonArray &specs, const QJsonArray &statuses,
                      bool init)
{
    QHash<QString, QJsonObject> byName;
    QStringList statusOrder;
    for (const QJsonValue &v : statuses) {
        const QJsonObject cs = v.toObject();
        const QString name = stringAt(cs, QLatin1StringView("name"));
        if (name.isEmpty() || byName.contains(name))
            continue;
        byName.insert(name, cs);
        statusOrder << name;
    }
    for (const QJsonValue &v : specs) {
        const QJsonObject sc = v.toObject();
        const QString name = stringAt(sc, QLatin1StringView("name"));
        out << containerFrom(sc, byName.take(name), init);
    }
    for (const QString &name : std::as_const(statusOrder)) {
        if (byName.contains(name))
            out << containerFrom(QJsonObject(), byName.value(name), init);
    }
}

} // namespace

Result<PodInfo> parsePod(const QJsonObject &pod)
{
    const QJsonObject metadata = objectAt(pod, QLatin1StringView("metadata"));
    const QJsonObject spec = objectAt(pod, QLatin1StringView("spec"));
    const QJsonObject status = objectAt(pod, QLatin1StringView("status"));

    PodInfo p;
    p.name = stringAt(metadata, QLatin1StringView("name"));
    if (p.name.isEmpty())
        return makeError(QCoreApplication::translate("PodParser", "A pod without a name was skipped."), QString(),
                         QStringLiteral("kube.pod-name"));
    p.ns = stringAt(metadata, QLatin1StringView("namespace"));
    p.uid = stringAt(metadata, QLatin1StringView("uid"));
    p.resourceVersion = stringAt(metadata, QLatin1StringView("resourceVersion"));
    p.createdAt = parseKubeTime(metadata.value(QLatin1StringView("creationTimestamp")));
    p.terminating = metadata.contains(QLatin1StringView("deletionTimestamp")) &&
                    !metadata.value(QLatin1StringView("deletionTimestamp")).isNull();
    p.node = stringAt(spec, QLatin1StringView("nodeName"));
    p.phase = stringAt(status, QLatin1StringView("phase"));

    // The controlling owner, else the first one listed.
    const QJsonArray owners = arrayAt(metadata, QLatin1StringView("ownerReferences"));
    for (const QJsonValue &v : owners) {
        const QJsonObject o = v.toObject();
        if (o.value(QLatin1StringView("controller")).toBool(false) || p.ownerKind.isEmpty()) {
            p.ownerKind = stringAt(o, QLatin1StringView("kind"));
            p.ownerName = stringAt(o, QLatin1StringView("name"));
            if (o.value(QLatin1StringView("controller")).toBool(false))
                break;
        }
    }

    const PodStatusSummary s = computePodStatus(pod);
    p.status = s.status;
    p.readyContainers = s.readyContainers;
    p.totalContainers = s.totalContainers;
    p.restarts = s.restarts;
    p.lastRestartAt = s.lastRestartAt;

    appendContainers(p.containers, arrayAt(spec, QLatin1StringView("initContainers")),
                     arrayAt(status, QLatin1StringView("initContainerStatuses")), true);
    appendContainers(p.containers, arrayAt(spec, QLatin1StringView("containers")),
                     arrayAt(status, QLatin1StringView("containerStatuses")), false);
    // Ephemeral (debug) containers are not part of READY or RESTARTS in kubectl; left out here too.
    return p;
}

Result<QList<PodInfo>> parsePodList(const QByteArray &json, int *skipped)
{
    if (skipped)
        *skipped = 0;
    if (json.trimmed().isEmpty())
        return makeError(QCoreApplication::translate("PodParser", "kubectl returned no pod list (empty output)."),
                         QCoreApplication::translate("PodParser", "The command may have been cut off: try again."),
                         QStringLiteral("kube.json"));
    QJsonParseError err{};
    const QJsonDocument doc = QJsonDocument::fromJson(json, &err);
    if (err.error != QJsonParseError::NoError) {
        const bool truncated = err.error == QJsonParseError::UnterminatedObject ||
                               err.error == QJsonParseError::UnterminatedArray ||
                               err.error == QJsonParseError::UnterminatedString ||
                               err.error == QJsonParseError::IllegalValue || err.offset >= json.size() - 1;
        return makeError(
            truncated ? QCoreApplication::translate("PodParser", "The pod list from kubectl is incomplete: the JSON ends early (%1 at "
                                       "byte %2 of %3).")
                            .arg(err.errorString())
                            .arg(err.offset)
                            .arg(json.size())
                      : QCoreApplication::translate("PodParser", "The pod list from kubectl is not valid JSON (%1 at byte %2).")
                            .arg(err.errorString())
                            .arg(err.offset),
            QCoreApplication::translate("PodParser", "kubectl or the connection may have been cut off mid-output: try again."),
            QStringLiteral("kube.json"));
    }
    if (!doc.isObject())
        return makeError(QCoreApplication::translate("PodParser", "The pod list from kubectl is not a JSON object."), QString(),
                         QStringLiteral("kube.json"));
    const QJsonObject root = doc.object();
    const QString kind = stringAt(root, QLatin1StringView("kind"));
    if (kind == QLatin1String("Status")) {
        const QString msg = stringAt(root, QLatin1StringView("message"));
        return makeError(QCoreApplication::translate("PodParser", "The Kubernetes API answered with an error: %1").arg(msg), QString(),
                         QStringLiteral("kube.status"));
    }
    if (kind == QLatin1String("Pod")) {
        Result<PodInfo> one = parsePod(root);
        if (!one)
            return one.error();
        return QList<PodInfo>{one.value()};
    }
    const QJsonValue items = root.value(QLatin1StringView("items"));
    if (!items.isArray()) {
        // "items": null is how Go writes an empty list in some versions.
        if (items.isNull() && (kind == QLatin1String("List") || kind == QLatin1String("PodList")))
            return QList<PodInfo>{};
        return makeError(
            QCoreApplication::translate("PodParser", "kubectl's output is not a pod list (kind \"%1\", no items).").arg(kind),
            QString(), QStringLiteral("kube.json"));
    }
    QList<PodInfo> out;
    const QJsonArray arr = items.toArray();
    out.reserve(arr.size());
    int bad = 0;
    for (const QJsonValue &v : arr) {
        if (!v.isObject()) {
            ++bad;
            continue;
        }
        const QJsonObject item = v.toObject();
        const QString itemKind = stringAt(item, QLatin1StringView("kind"));
        if (!itemKind.isEmpty() && itemKind != QLatin1String("Pod")) {
            ++bad;
            continue;
        }
        Result<PodInfo> p = parsePod(item);
        if (!p) {
            ++bad;
            continue;
        }
        out << std::move(p).value();
    }
    if (bad)
        qCWarning(lcKube) << "skipped" << bad << "malformed pod items";
    if (skipped)
        *skipped = bad;
    return out;
}

} // namespace vigia::kube
