#pragma once
// How a pod's status is presented: a severity that orders "problems first",
// an icon and a colour. The icon carries the meaning; the colour only helps.
#include "kube/Pod.h"

#include <QColor>
#include <QIcon>
#include <QString>

namespace vigia {

// Lower is worse, so an ascending sort puts problems first.
enum class Severity { Error = 0, Warning = 1, Pending = 2, Ok = 3, Unknown = 4 };

Severity podSeverity(const kube::PodInfo &pod);
Severity statusSeverity(const QString &status, int readyContainers, int totalContainers);

// A pod counts as failing when a person should look at it now.
inline bool isFailing(Severity s)
{
    return s == Severity::Error || s == Severity::Warning;
}

QIcon severityIcon(Severity s);
// The colour for the theme in force (the application palette), or for a given one.
QColor severityColor(Severity s);
QColor severityColor(Severity s, bool dark);
QString severityName(Severity s);

} // namespace vigia
