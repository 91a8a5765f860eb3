#include "kube/PodQueries.h"

namespace vigia::kube {

QStringList podYamlArgs(const QString &ns, const QString &pod)
{
    return {QStringLiteral("get"), QStringLiteral("pod"), QStringLiteral("-n"), ns,
            QStringLiteral("-o"),  QStringLiteral("yaml"), QStringLiteral("--"), pod};
}

QStringList podDescribeArgs(const QString &ns, const QString &pod)
{
    return {QStringLiteral("describe"), QStringLiteral("pod"), QStringLiteral("-n"), ns, QStringLiteral("--"), pod};
}

} // namespace vigia::kube
