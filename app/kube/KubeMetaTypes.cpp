#include "kube/KubeMetaTypes.h"

#include "core/MetaTypes.h"
#include "kube/Pod.h"

#include <QList>

namespace vigia::kube {

void registerMetaTypes()
{
    static const bool once = [] {
        registerCoreMetaTypes();
        qRegisterMetaType<vigia::kube::PodInfo>("vigia::kube::PodInfo");
        qRegisterMetaType<QList<vigia::kube::PodInfo>>("QList<vigia::kube::PodInfo>");
        return true;
    }();
    Q_UNUSED(once);
}

} // namespace vigia::kube
