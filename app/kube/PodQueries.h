#pragma once
// The kubectl argument lists that read one pod, built in one place so that a name is always
// behind "--": a name with a leading dash (hostile, or from a future API) is never a flag.
#include <QStringList>

namespace vigia::kube {

QStringList podYamlArgs(const QString &ns, const QString &pod);
QStringList podDescribeArgs(const QString &ns, const QString &pod);

} // namespace vigia::kube
