#pragma once
// Parses `kubectl get pods -o json` (a v1 List or PodList, or a single Pod)
// into PodInfo rows. Broken input gives an Error, never a crash: truncated
// JSON, wrong types and missing fields are all expected from a dying stream.
#include "core/Result.h"
#include "kube/Pod.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>

namespace vigia::kube {

// Items without a name are skipped (and counted in skipped, when given).
Result<QList<PodInfo>> parsePodList(const QByteArray &json, int *skipped = nullptr);

// One Pod object; an Error when it has no metadata.name.
Result<PodInfo> parsePod(const QJsonObject &pod);

} // namespace vigia::kube
