#include "StatusStyle.h"

#include "ThemePalette.h"

#include <QHash>
#include <QObject>

namespace vigia {

Severity statusSeverity(const QString &status, int readyContainers, int totalContainers)
{
    if (status.isEmpty())
        return Severity::Unknown;
    if (status == QLatin1String("Running")) {
        // A running pod whose containers are not all ready is what usually needs a look.
        return (totalContainers > 0 && readyContainers < totalContainers) ? Severity::Warning : Severity::Ok;
    }
    if (status == QLatin1String("Completed") || status == QLatin1String("Succeeded"))
        return Severity::Ok;
    if (status == QLatin1String("Pending") || status == QLatin1String("ContainerCreating") ||
        status == QLatin1String("PodInitializing") || status == QLatin1String("Terminating") ||
        status == QLatin1String("SchedulingGated"))
        return Severity::Pending;
    if (status.startsWith(QLatin1String("Init:"))) {
        // "Init:1/2" is progress; "Init:CrashLoopBackOff" and "Init:Error" are failures.
        const QString rest = status.mid(5);
        const bool progress = !rest.isEmpty() && rest.front().isDigit();
        return progress ? Severity::Pending : Severity::Error;
    }
    if (status.startsWith(QLatin1String("Signal:")) || status.startsWith(QLatin1String("ExitCode:")))
        return Severity::Error;
    if (status == QLatin1String("Unknown"))
        return Severity::Warning;
    if (status == QLatin1String("NotReady"))
        return Severity::Warning;
    // CrashLoopBackOff, OOMKilled, Error, ImagePullBackOff, ErrImagePull, Evicted,
    // CreateContainerConfigError, Failed ...: anything else kubectl prints is a problem.
    return Severity::Error;
}

Severity podSeverity(const kube::PodInfo &pod)
{
    // The core computes status as kubectl prints it, Terminating and NodeLost's
    // "Unknown" included, so the pod's flags need no second guess here.
    return statusSeverity(pod.status.isEmpty() ? pod.phase : pod.status, pod.readyContainers,
                          pod.totalContainers);
}

QIcon severityIcon(Severity s)
{
    // Cached: the view asks for decorations on every paint.
    static QHash<int, QIcon> cache;
    auto it = cache.constFind(int(s));
    if (it != cache.constEnd())
        return *it;
    QString file;
    switch (s) {
    case Severity::Error:
        file = QStringLiteral(":/vigia/icons/status-error.svg");
        break;
    case Severity::Warning:
        file = QStringLiteral(":/vigia/icons/status-warn.svg");
        break;
    case Severity::Pending:
        file = QStringLiteral(":/vigia/icons/status-pending.svg");
        break;
    case Severity::Ok:
        file = QStringLiteral(":/vigia/icons/status-ok.svg");
        break;
    case Severity::Unknown:
        file = QStringLiteral(":/vigia/icons/status-unknown.svg");
        break;
    }
    QIcon icon(file);
    cache.insert(int(s), icon);
    return icon;
}

QColor severityColor(Severity s)
{
    return severityColor(s, ThemePalette::isDark());
}

QColor severityColor(Severity s, bool dark)
{
    // Text colours that keep >= 4.5:1 on the theme's base; the icon says the same thing.
    switch (s) {
    case Severity::Error:
        return ThemePalette::toneText(ThemePalette::Tone::Error, dark);
    case Severity::Warning:
        return ThemePalette::toneText(ThemePalette::Tone::Warning, dark);
    case Severity::Pending:
        return ThemePalette::toneText(ThemePalette::Tone::Info, dark);
    case Severity::Ok:
        return ThemePalette::toneText(ThemePalette::Tone::Ok, dark);
    case Severity::Unknown:
        return ThemePalette::toneText(ThemePalette::Tone::Muted, dark);
    }
    return {};
}

QString severityName(Severity s)
{
    switch (s) {
    case Severity::Error:
        return QObject::tr("failing");
    case Severity::Warning:
        return QObject::tr("degraded");
    case Severity::Pending:
        return QObject::tr("in progress");
    case Severity::Ok:
        return QObject::tr("healthy");
    case Severity::Unknown:
        return QObject::tr("unknown");
    }
    return {};
}

} // namespace vigia
