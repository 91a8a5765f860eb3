#pragma once
// Kubernetes resource quantities ("250m", "1234567n", "15Mi", "1G", "1e3").
// The grammar follows k8s.io/apimachinery resource.Quantity: a signed decimal
// number followed by a binary-SI suffix (Ki..Ei), a decimal-SI suffix
// (n u m "" k M G T P E) or a decimal exponent (e3, E-2).
#include "core/Result.h"

#include <QString>

namespace vigia::kube {

// The value in base units (cores, bytes). Errors carry code "kube.quantity".
Result<double> parseQuantity(const QString &text);

// CPU in nanocores, rounded up as Kubernetes does for MilliValue().
Result<qint64> parseCpuNanocores(const QString &text);

// Memory in bytes, rounded up.
Result<qint64> parseBytes(const QString &text);

// "1.9 GiB", "640 MiB", "12 KiB", "512 B"; negative values keep their sign.
QString formatBytes(qint64 bytes, int decimals = 1);
// "250m", "1.25 cores".
QString formatCpu(qint64 nanocores);

} // namespace vigia::kube
