#include "kube/PodStatus.h"

#include "kube/JsonAccess.h"

#include <QHash>
#include <QJsonArray>

namespace vigia::kube {

namespace {

using json::arrayAt;
using json::objectAt;
using json::stringAt;

qint64 intAt(const QJsonObject &o, QLatin1StringView key)
{
    const QJsonValue v = o.value(key);
    if (!v.isDouble())
        return 0;
    const double d = v.toDouble();
    // Out-of-range numbers (a hostile or broken server) are treated as absent.
    if (!(d >= -2147483648.0 && d <= 2147483647.0))
        return 0;
    return qint64(d);
}

bool hasKey(const QJsonObject &o, QLatin1StringView key)
{
    return o.value(key).isObject();
}

// The condition of this type with status "True".
bool conditionTrue(const QJsonObject &status, QLatin1StringView type)
{
    for (const QJsonValue &c : arrayAt(status, QLatin1StringView("conditions"))) {
        const QJsonObject co = c.toObject();
        if (stringAt(co, QLatin1StringView("type")) == type)
            return stringAt(co, QLatin1StringView("status")) == QLatin1String("True");
    }
    return false;
}

// hasPodReadyCondition in kubectl checks every Ready condition, not just the first.
bool anyReadyConditionTrue(const QJsonObject &status)
{
    for (const QJsonValue &c : arrayAt(status, QLatin1StringView("conditions"))) {
        const QJsonObject co = c.toObject();
        if (stringAt(co, QLatin1StringView("type")) == QLatin1String("Ready") &&
            stringAt(co, QLatin1StringView("status")) == QLatin1String("True"))
            return true;
    }
    return false;
}

void takeLaterRestart(QDateTime &latest, const QJsonObject &containerStatus)
{
    const QJsonObject last = objectAt(containerStatus, QLatin1StringView("lastState"));
    if (!hasKey(last, QLatin1StringView("terminated")))
        return;
    const QDateTime finished =
        parseKubeTime(objectAt(last, QLatin1StringView("terminated")).value(QLatin1StringView("finishedAt")));
    if (finished.isValid() && (!latest.isValid() || latest < finished))
        latest = finished;
}

} // namespace

QDateTime parseKubeTime(const QJsonValue &value)
{
    if (!value.isString())
        return {};
    const QString s = value.toString();
    if (s.size() < 20 || s.size() > 40)
        return {};
    QDateTime t = QDateTime::fromString(s, Qt::ISODateWithMs);
    if (!t.isValid())
        t = QDateTime::fromString(s, Qt::ISODate);
    return t.isValid() ? t.toUTC() : QDateTime();
}

PodStatusSummary computePodStatus(const QJsonObject &pod)
{
    PodStatusSummary out;
    const QJsonObject metadata = objectAt(pod, QLatin1StringView("metadata"));
    const QJsonObject spec = objectAt(pod, QLatin1StringView("spec"));
    const QJsonObject status = objectAt(pod, QLatin1StringView("status"));

    int restarts = 0;
    int restartableInitRestarts = 0;
    const QJsonArray containers = arrayAt(spec, QLatin1StringView("containers"));
    const QJsonArray initSpecs = arrayAt(spec, QLatin1StringView("initContainers"));
    int total = int(containers.size());
    int ready = 0;
    QDateTime lastRestart;
    QDateTime lastRestartableInitRestart;

    const QString phase = stringAt(status, QLatin1StringView("phase"));
    QString reason = phase;
    const QString statusReason = stringAt(status, QLatin1StringView("reason"));
    if (!statusReason.isEmpty())
        reason = statusReason;

    for (const QJsonValue &c : arrayAt(status, QLatin1StringView("conditions"))) {
        const QJsonObject co = c.toObject();
        if (stringAt(co, QLatin1StringView("type")) == QLatin1String("PodScheduled") &&
            stringAt(co, QLatin1StringView("reason")) == QLatin1String("SchedulingGated"))
            reason = QStringLiteral("SchedulingGated");
    }

    // Sidecars: init containers with restartPolicy Always count as containers.
    QHash<QString, bool> restartableInit;
    for (const QJsonValue &v : initSpecs) {
        const QJsonObject ic = v.toObject();
        const bool restartable = stringAt(ic, QLatin1StringView("restartPolicy")) == QLatin1String("Always");
        restartableInit.insert(stringAt(ic, QLatin1StringView("name")), restartable);
        if (restartable)
            ++total;
    }

    bool initializing = false;
    const QJsonArray initStatuses = arrayAt(status, QLatin1StringView("initContainerStatuses"));
    for (qsizetype i = 0; i < initStatuses.size(); ++i) {
        const QJsonObject cs = initStatuses.at(i).toObject();
        const int rc = int(intAt(cs, QLatin1StringView("restartCount")));
        restarts += rc;
        takeLaterRestart(lastRestart, cs);
        const bool restartable = restartableInit.value(stringAt(cs, QLatin1StringView("name")), false);
        if (restartable) {
            restartableInitRestarts += rc;
            takeLaterRestart(lastRestartableInitRestart, cs);
        }
        const QJsonObject state = objectAt(cs, QLatin1StringView("state"));
        const bool isTerminated = hasKey(state, QLatin1StringView("terminated"));
        const QJsonObject terminated = objectAt(state, QLatin1StringView("terminated"));
        const QJsonObject waiting = objectAt(state, QLatin1StringView("waiting"));
        const qint64 exitCode = intAt(terminated, QLatin1StringView("exitCode"));
        if (isTerminated && exitCode == 0)
            continue;
        if (restartable && cs.value(QLatin1StringView("started")).toBool(false)) {
            if (cs.value(QLatin1StringView("ready")).toBool(false))
                ++ready;
            continue;
        }
        if (isTerminated) {
            const QString tr = stringAt(terminated, QLatin1StringView("reason"));
            if (tr.isEmpty()) {
                const qint64 signal = intAt(terminated, QLatin1StringView("signal"));
                reason = signal != 0 ? QStringLiteral("Init:Signal:%1").arg(signal)
                                     : QStringLiteral("Init:ExitCode:%1").arg(exitCode);
            } else {
                reason = QStringLiteral("Init:") + tr;
            }
        } else if (const QString wr = stringAt(waiting, QLatin1StringView("reason"));
                   hasKey(state, QLatin1StringView("waiting")) && !wr.isEmpty() &&
                   wr != QLatin1String("PodInitializing")) {
            reason = QStringLiteral("Init:") + wr;
        } else {
            reason = QStringLiteral("Init:%1/%2").arg(i).arg(initSpecs.size());
        }
        initializing = true;
        break;
    }

    if (!initializing || conditionTrue(status, QLatin1StringView("Initialized"))) {
        restarts = restartableInitRestarts;
        lastRestart = lastRestartableInitRestart;
        bool hasRunning = false;
        const QJsonArray statuses = arrayAt(status, QLatin1StringView("containerStatuses"));
        for (qsizetype i = statuses.size() - 1; i >= 0; --i) {
            const QJsonObject cs = statuses.at(i).toObject();
            restarts += int(intAt(cs, QLatin1StringView("restartCount")));
            takeLaterRestart(lastRestart, cs);
            const QJsonObject state = objectAt(cs, QLatin1StringView("state"));
            const QJsonObject waiting = objectAt(state, QLatin1StringView("waiting"));
            const QJsonObject terminated = objectAt(state, QLatin1StringView("terminated"));
            const bool isWaiting = hasKey(state, QLatin1StringView("waiting"));
            const bool isTerminated = hasKey(state, QLatin1StringView("terminated"));
            if (isWaiting && !stringAt(waiting, QLatin1StringView("reason")).isEmpty()) {
                reason = stringAt(waiting, QLatin1StringView("reason"));
            } else if (isTerminated && !stringAt(terminated, QLatin1StringView("reason")).isEmpty()) {
                reason = stringAt(terminated, QLatin1StringView("reason"));
            } else if (isTerminated) {
                const qint64 signal = intAt(terminated, QLatin1StringView("signal"));
                reason =
                    signal != 0
                        ? QStringLiteral("Signal:%1").arg(signal)
                        : QStringLiteral("ExitCode:%1").arg(intAt(terminated, QLatin1StringView("exitCode")));
            } else if (cs.value(QLatin1StringView("ready")).toBool(false) &&
                       hasKey(state, QLatin1StringView("running"))) {
                hasRunning = true;
                ++ready;
            }
        }
        // A pod whose finished containers say Completed but one still runs is running (or not ready).
        if (reason == QLatin1String("Completed") && hasRunning)
            reason = anyReadyConditionTrue(status) ? QStringLiteral("Running") : QStringLiteral("NotReady");
    }

    const bool deleting = metadata.contains(QLatin1StringView("deletionTimestamp")) &&
                          !metadata.value(QLatin1StringView("deletionTimestamp")).isNull();
    if (deleting && statusReason == QLatin1String("NodeLost"))
        reason = QStringLiteral("Unknown");
    else if (deleting && phase != QLatin1String("Succeeded") && phase != QLatin1String("Failed"))
        reason = QStringLiteral("Terminating");

    out.status = reason;
    out.readyContainers = ready;
    out.totalContainers = total;
    out.restarts = restarts;
    out.lastRestartAt = lastRestart;
    return out;
}

QString formatAge(qint64 msecs)
{
    // Go's int(d.Seconds()) truncates toward zero.
    const qint64 seconds = msecs / 1000;
    if (seconds < -1)
        return QStringLiteral("<invalid>");
    if (seconds < 0)
        return QStringLiteral("0s");
    if (seconds < 60 * 2)
        return QStringLiteral("%1s").arg(seconds);
    const qint64 minutes = seconds / 60;
    if (minutes < 10) {
        const qint64 s = seconds % 60;
        return s == 0 ? QStringLiteral("%1m").arg(minutes) : QStringLiteral("%1m%2s").arg(minutes).arg(s);
    }
    if (minutes < 60 * 3)
        return QStringLiteral("%1m").arg(minutes);
    const qint64 hours = seconds / 3600;
    if (hours < 8) {
        const qint64 m = minutes % 60;
        return m == 0 ? QStringLiteral("%1h").arg(hours) : QStringLiteral("%1h%2m").arg(hours).arg(m);
    }
    if (hours < 48)
        return QStringLiteral("%1h").arg(hours);
    if (hours < 24 * 8) {
        const qint64 h = hours % 24;
        return h == 0 ? QStringLiteral("%1d").arg(hours / 24)
                      : QStringLiteral("%1d%2h").arg(hours / 24).arg(h);
    }
    if (hours < 24 * 365 * 2)
        return QStringLiteral("%1d").arg(hours / 24);
    if (hours < 24 * 365 * 8) {
        const qint64 dy = (hours / 24) % 365;
        return dy == 0 ? QStringLiteral("%1y").arg(hours / 24 / 365)
                       : QStringLiteral("%1y%2d").arg(hours / 24 / 365).arg(dy);
    }
    return QStringLiteral("%1y").arg(hours / 24 / 365);
}

QString formatAge(const QDateTime &then, const QDateTime &now)
{
    if (!then.isValid())
        return QStringLiteral("<unknown>");
    return formatAge(then.msecsTo(now));
}

QString formatRestarts(int restarts, const QDateTime &lastRestartAt, const QDateTime &now)
{
    if (restarts != 0 && lastRestartAt.isValid())
        return QStringLiteral("%1 (%2 ago)").arg(restarts).arg(formatAge(lastRestartAt, now));
    return QString::number(restarts);
}

} // namespace vigia::kube
