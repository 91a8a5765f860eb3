#pragma once
// How healthy a pod is, as a rule the core owns: a severity that orders
// "problems first" and the "failing" test the header counts and the tray
// would notify on. How a severity looks (icon, colour, name) is the UI's.
#include "kube/Pod.h"

#include <QString>

namespace vigia::kube {

// Lower is worse, so an ascending sort puts problems first.
enum class Severity { Error = 0, Warning = 1, Pending = 2, Ok = 3, Unknown = 4 };

// From the STATUS column as kubectl prints it and the READY counts.
Severity statusSeverity(const QString &status, int readyContainers, int totalContainers);
Severity podSeverity(const PodInfo &pod);

// A pod counts as failing when a person should look at it now.
inline bool isFailing(Severity s)
{
    return s == Severity::Error || s == Severity::Warning;
}
inline bool isFailing(const PodInfo &pod)
{
    return isFailing(podSeverity(pod));
}

} // namespace vigia::kube
