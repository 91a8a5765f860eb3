#include "core/MetaTypes.h"

namespace vigia {

void registerCoreMetaTypes()
{
    // Only core's own types: each area registers its own (ssh::registerMetaTypes(),
    // kube::registerMetaTypes(), profiles::registerMetaTypes()), so core needs no header above it.
    static const bool once = [] {
        qRegisterMetaType<vigia::Error>("vigia::Error");
        qRegisterMetaType<vigia::Result<QByteArray>>("vigia::Result<QByteArray>");
        return true;
    }();
    Q_UNUSED(once);
}

} // namespace vigia
