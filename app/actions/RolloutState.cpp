#include "actions/RolloutState.h"

#include <QCoreApplication>
#include <QHash>

#include <algorithm>

#include <utility>

namespace vigia::actions {

namespace {
QJsonObject obj(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toObject();
}
int num(const QJsonObject &o, const char *key, int fallback = 0)
{
    const QJsonValue v = o.value(QLatin1String(key));
    return v.isDouble() ? v.toInt() : fallback;
}
QString str(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}

// The controller ownerReference (kind, name), or empty.
std::pair<QString, QString> controllerOf(const QJsonObject &meta)
{
    for (const QJsonValue &v : meta.value(QStringLiteral("ownerReferences")).toArray()) {
        const QJsonObject ref = v.toObject();
        if (ref.value(QStringLiteral("controller")).toBool())
            return {str(ref, "kind"), str(ref, "name")};
    }
    return {};
}

bool podReady(const QJsonObject &pod)
{
    for (const QJsonValue &v : obj(pod, "status").value(QStringLiteral("conditions")).toArray()) {
        const QJsonObject c = v.toObject();
        if (str(c, "type") == QLatin1String("Ready"))
            return str(c, "status") == QLatin1String("True");
    }
    return false;
}

int podRestarts(const QJsonObject &pod)
{
    int n = 0;
    for (const QJsonValue &v : obj(pod, "status").value(QStringLiteral("containerStatuses")).toArray())
        n += num(v.toObject(), "restartCount");
    return n;
}

// A waiting reason that means the new revision is broken, and the container.
std::pair<RolloutFailure, QString> brokenContainer(const QJsonObject &pod)
{
    const QJsonObject status = obj(pod, "status");
    for (const char *list : {"initContainerStatuses", "containerStatuses"}) {
        for (const QJsonValue &v : status.value(QLatin1String(list)).toArray()) {
            const QJsonObject cs = v.toObject();
            const QString reason = str(obj(obj(cs, "state"), "waiting"), "reason");
            if (reason == QLatin1String("CrashLoopBackOff"))
                return {RolloutFailure::CrashLoop, str(cs, "name")};
            if (reason == QLatin1String("ImagePullBackOff") || reason == QLatin1String("InvalidImageName"))
                return {RolloutFailure::ImagePull, str(cs, "name")};
        }
    }
    return {RolloutFailure::None, QString()};
}
} // namespace

RolloutState::RolloutState(ObjectKind kind, QString name, QString namespaceName)
    : m_kind(kind), m_name(std::move(name)), m_namespace(std::move(namespaceName))
{
    m_last.phaseText = QCoreApplication::translate("RolloutState", "Waiting for the first status…");
}

QString RolloutState::formatDuration(qint64 ms)
{
    const qint64 s = (ms + 500) / 1000;
    if (s < 60)
        return QStringLiteral("%1 s").arg(s);
    if (s < 3600)
        return s % 60 ? QCoreApplication::translate("RolloutState", "%1 min %2 s").arg(s / 60).arg(s % 60)
                      : QCoreApplication::translate("RolloutState", "%1 min").arg(s / 60);
    return QCoreApplication::translate("RolloutState", "%1 h %2 min").arg(s / 3600).arg((s % 3600) / 60);
}

QString RolloutState::podStatus(const QJsonObject &pod)
{
    const QJsonObject meta = obj(pod, "metadata");
    if (meta.contains(QStringLiteral("deletionTimestamp")))
        return QStringLiteral("Terminating");
    const QJsonObject status = obj(pod, "status");
    const QJsonArray init = status.value(QStringLiteral("initContainerStatuses")).toArray();
    for (int i = 0; i < init.size(); ++i) {
        const QJsonObject st = obj(init.at(i).toObject(), "state");
        const QString waiting = str(obj(st, "waiting"), "reason");
        if (!waiting.isEmpty() && waiting != QLatin1String("PodInitializing"))
            return QStringLiteral("Init:") + waiting;
        if (st.contains(QStringLiteral("running")) || !waiting.isEmpty())
            return QStringLiteral("Init:%1/%2").arg(i).arg(init.size());
    }
    QString result = str(status, "reason");
    if (result.isEmpty())
        result = str(status, "phase");
    for (const QJsonValue &v : status.value(QStringLiteral("containerStatuses")).toArray()) {
        const QJsonObject st = obj(v.toObject(), "state");
        const QString waiting = str(obj(st, "waiting"), "reason");
        if (!waiting.isEmpty())
            return waiting;
        const QJsonObject term = obj(st, "terminated");
        if (!term.isEmpty()) {
            const QString r = str(term, "reason");
            if (!r.isEmpty())
                return r;
        }
    }
    return result.isEmpty() ? QStringLiteral("Pending") : result;
}

RolloutSnapshot RolloutState::timeOut(qint64 elapsedMs)
{
    if (m_last.finished())
        return m_last;
    m_last.phase = RolloutPhase::Failed;
    m_last.failure = RolloutFailure::Timeout;
    m_last.elapsedMs = elapsedMs;
    m_last.undoOffered = m_kind != ObjectKind::Pod;
    m_last.phaseText =
        QCoreApplication::translate("RolloutState", "Not finished after %1: %2").arg(formatDuration(elapsedMs), m_last.phaseText);
    return m_last;
}

RolloutSnapshot RolloutState::fail(const QString &message, qint64 elapsedMs)
{
    if (m_last.finished())
        return m_last;
    m_last.phase = RolloutPhase::Failed;
    m_last.failure = RolloutFailure::Error;
    m_last.elapsedMs = elapsedMs;
    m_last.undoOffered = false;
    m_last.phaseText = message;
    return m_last;
}

RolloutSnapshot RolloutState::observe(const QJsonObject &workload, const QJsonArray &replicaSets,
                                      const QJsonArray &pods, qint64 elapsedMs)
{
    if (m_last.finished())
        return m_last;
    RolloutSnapshot s;
    s.elapsedMs = elapsedMs;
    const QString kindText = m_kind == ObjectKind::Deployment    ? QStringLiteral("Deployment")
                             : m_kind == ObjectKind::StatefulSet ? QStringLiteral("StatefulSet")
                                                                 : QStringLiteral("DaemonSet");
    const QJsonObject meta = obj(workload, "metadata");
    if (workload.isEmpty() || str(meta, "name").isEmpty()) {
        s.phase = RolloutPhase::Failed;
        s.failure = RolloutFailure::Error;
        s.phaseText = QCoreApplication::translate("RolloutState", "%1 %2 no longer exists.").arg(kindText, m_name);
        m_last = s;
        return s;
    }
    const QJsonObject spec = obj(workload, "spec");
    const QJsonObject status = obj(workload, "status");
    const int generation = num(meta, "generation");
    const int observed = num(status, "observedGeneration");

    switch (m_kind) {
    case ObjectKind::DaemonSet:
        s.desired = num(status, "desiredNumberScheduled");
        s.updated = num(status, "updatedNumberScheduled");
        s.ready = num(status, "numberReady");
        s.available = num(status, "numberAvailable");
        s.total = num(status, "currentNumberScheduled");
        break;
    case ObjectKind::StatefulSet:
        s.desired = num(spec, "replicas", 1);
        s.updated = num(status, "updatedReplicas");
        s.ready = num(status, "readyReplicas");
        s.available = num(status, "availableReplicas", s.ready);
        s.total = num(status, "replicas");
        break;
    default:
        s.desired = num(spec, "replicas", 1);
        s.updated = num(status, "updatedReplicas");
        s.ready = num(status, "readyReplicas");
        s.available = num(status, "availableReplicas");
        s.total = num(status, "replicas");
        break;
    }

    // Which ReplicaSets (deployments) are this workload's, and which is new.
    QHash<QString, bool> rsIsNew;
    if (m_kind == ObjectKind::Deployment) {
        const QString revision =
            obj(meta, "annotations").value(QStringLiteral("deployment.kubernetes.io/revision")).toString();
        for (const QJsonValue &v : replicaSets) {
            const QJsonObject rsMeta = obj(v.toObject(), "metadata");
            const auto [kind, name] = controllerOf(rsMeta);
            if (kind != QLatin1String("Deployment") || name != m_name)
                continue;
            const QString rsRevision = obj(rsMeta, "annotations")
                                           .value(QStringLiteral("deployment.kubernetes.io/revision"))
                                           .toString();
            rsIsNew.insert(str(rsMeta, "name"), !revision.isEmpty() && rsRevision == revision);
        }
    }
    const QString updateRevision = str(status, "updateRevision");
    const QString generationText = QString::number(generation);

    QList<RolloutPod> newPods, oldPods;
    QString brokenPod, brokenName;
    RolloutFailure brokenKind = RolloutFailure::None;
    for (const QJsonValue &v : pods) {
        const QJsonObject pod = v.toObject();
        const QJsonObject podMeta = obj(pod, "metadata");
        const auto [ownerKind, ownerName] = controllerOf(podMeta);
        const QJsonObject labels = obj(podMeta, "labels");
        RolloutPod p;
        if (m_kind == ObjectKind::Deployment) {
            if (ownerKind != QLatin1String("ReplicaSet") || !rsIsNew.contains(ownerName))
                continue;
            p.isNew = rsIsNew.value(ownerName);
        } else if (m_kind == ObjectKind::StatefulSet) {
            if (ownerKind != QLatin1String("StatefulSet") || ownerName != m_name)
                continue;
            p.isNew = !updateRevision.isEmpty() && str(labels, "controller-revision-hash") == updateRevision;
        } else {
            if (ownerKind != QLatin1String("DaemonSet") || ownerName != m_name)
                continue;
            p.isNew = str(labels, "pod-template-generation") == generationText;
        }
        p.name = str(podMeta, "name");
        p.terminating = podMeta.contains(QStringLiteral("deletionTimestamp"));
        p.ready = podReady(pod);
        p.status = podStatus(pod);
        p.restarts = podRestarts(pod);
        if (p.isNew && !p.terminating && brokenKind == RolloutFailure::None) {
            const auto [failure, container] = brokenContainer(pod);
            if (failure != RolloutFailure::None) {
                brokenKind = failure;
                brokenPod = p.name;
                brokenName = container;
            }
        }
        (p.isNew ? newPods : oldPods) << p;
    }
    auto byName = [](const RolloutPod &a, const RolloutPod &b) { return a.name < b.name; };
    std::sort(newPods.begin(), newPods.end(), byName);
    std::sort(oldPods.begin(), oldPods.end(), byName);
    s.pods = newPods + oldPods;

    if (generation > observed) {
        s.phase = RolloutPhase::Waiting;
        s.phaseText = QCoreApplication::translate("RolloutState", "Waiting for the controller to pick up the change…");
        m_last = s;
        return s;
    }
    if (m_kind == ObjectKind::Deployment) {
        for (const QJsonValue &v : status.value(QStringLiteral("conditions")).toArray()) {
            const QJsonObject c = v.toObject();
            if (str(c, "type") == QLatin1String("Progressing") &&
                str(c, "reason") == QLatin1String("ProgressDeadlineExceeded")) {
                s.phase = RolloutPhase::Failed;
                s.failure = RolloutFailure::ProgressDeadline;
                s.undoOffered = true;
                s.phaseText =
                    QCoreApplication::translate("RolloutState", "Failed: the rollout exceeded its progress deadline (%1 of %2 new "
                                   "replicas updated, %3 available).")
                        .arg(s.updated)
                        .arg(s.desired)
                        .arg(s.available);
                m_last = s;
                return s;
            }
        }
    }
    if (brokenKind != RolloutFailure::None) {
        s.phase = RolloutPhase::Failed;
        s.failure = brokenKind;
        s.failingPod = brokenPod;
        s.failingContainer = brokenName;
        s.undoOffered = true;
        s.phaseText =
            brokenKind == RolloutFailure::CrashLoop
                ? QCoreApplication::translate("RolloutState", "Failed: new pod %1 is crash-looping (CrashLoopBackOff).").arg(brokenPod)
                : QCoreApplication::translate("RolloutState", "Failed: new pod %1 cannot pull its image (ImagePullBackOff).")
                      .arg(brokenPod);
        m_last = s;
        return s;
    }

    s.phase = RolloutPhase::Progressing;
    if (m_kind == ObjectKind::Deployment) {
        if (s.updated < s.desired)
            s.phaseText = QCoreApplication::translate("RolloutState", "%1 of %2 new replicas updated; starting new pods…")
                              .arg(s.updated)
                              .arg(s.desired);
        else if (s.total > s.updated)
            s.phaseText = QCoreApplication::translate("RolloutState", "%n old replica(s) pending termination…", nullptr,
                                                       s.total - s.updated);
        else if (s.available < s.updated)
            s.phaseText = QCoreApplication::translate("RolloutState", "%1 of %2 updated replicas available; waiting for readiness…")
                              .arg(s.available)
                              .arg(s.updated);
        else if (s.total > s.desired)
            s.phaseText = QCoreApplication::translate("RolloutState", "Stopping %n extra replica(s)…", nullptr,
                                                       s.total - s.desired);
        else
            s.phase = RolloutPhase::Succeeded;
    } else if (m_kind == ObjectKind::StatefulSet) {
        const QString current = str(status, "currentRevision");
        if (s.ready < s.desired)
            s.phaseText = QCoreApplication::translate("RolloutState", "Waiting for %n pod(s) to be ready…", nullptr,
                                                       s.desired - s.ready);
        else if (!updateRevision.isEmpty() && updateRevision != current && s.updated < s.desired)
            s.phaseText = QCoreApplication::translate("RolloutState", "%1 of %2 pods updated…").arg(s.updated).arg(s.desired);
        else if (s.total > s.desired)
            s.phaseText = QCoreApplication::translate("RolloutState", "Stopping %n extra pod(s)…", nullptr,
                                                       s.total - s.desired);
        else
            s.phase = RolloutPhase::Succeeded;
    } else {
        if (s.updated < s.desired)
            s.phaseText = QCoreApplication::translate("RolloutState", "%1 of %2 nodes run the new pod…").arg(s.updated).arg(s.desired);
        else if (s.available < s.desired)
            s.phaseText = QCoreApplication::translate("RolloutState", "%1 of %2 updated pods available…").arg(s.available).arg(s.desired);
        else
            s.phase = RolloutPhase::Succeeded;
    }
    if (s.phase == RolloutPhase::Succeeded)
        s.phaseText = QCoreApplication::translate("RolloutState", "Rolled out in %1.").arg(formatDuration(elapsedMs));
    m_last = s;
    return s;
}

} // namespace vigia::actions
