#pragma once
// How a pod's severity is presented: an icon, a colour and a name. The icon
// carries the meaning; the colour only helps.
#include "kube/PodHealth.h"

#include <QColor>
#include <QIcon>
#include <QString>

namespace vigia {

// The rules live in the core (kube/PodHealth.h); these names keep the UI's spelling.
using kube::isFailing;
using kube::podSeverity;
using kube::Severity;
using kube::statusSeverity;

QIcon severityIcon(Severity s);
// The colour for the theme in force (the application palette), or for a given one.
QColor severityColor(Severity s);
QColor severityColor(Severity s, bool dark);
QString severityName(Severity s);

} // namespace vigia
