#include "core/MetaTypes.h"

#include "kube/Pod.h"
#include "profiles/Profile.h"
#include "ssh/SshTypes.h"

#include <QList>

namespace vigia {

void registerCoreMetaTypes()
{
    static const bool once = [] {
        qRegisterMetaType<vigia::Error>("vigia::Error");
        qRegisterMetaType<vigia::Result<QByteArray>>("vigia::Result<QByteArray>");
        qRegisterMetaType<vigia::Profile>("vigia::Profile");
        qRegisterMetaType<vigia::kube::PodInfo>("vigia::kube::PodInfo");
        qRegisterMetaType<QList<vigia::kube::PodInfo>>("QList<vigia::kube::PodInfo>");
        qRegisterMetaType<vigia::ssh::SessionState>("vigia::ssh::SessionState");
        qRegisterMetaType<vigia::ssh::HostKeyInfo>("vigia::ssh::HostKeyInfo");
        qRegisterMetaType<vigia::ssh::ExitInfo>("vigia::ssh::ExitInfo");
        return true;
    }();
    Q_UNUSED(once);
}

} // namespace vigia
