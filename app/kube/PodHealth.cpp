#include "kube/PodHealth.h"

namespace vigia::kube {

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

} // namespace vigia::kube
