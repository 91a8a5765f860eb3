#include "ssh/SshMetaTypes.h"

#include "core/MetaTypes.h"
#include "ssh/SshTypes.h"

namespace vigia::ssh {

void registerMetaTypes()
{
    static const bool once = [] {
        registerCoreMetaTypes();
        qRegisterMetaType<vigia::ssh::SessionState>("vigia::ssh::SessionState");
        qRegisterMetaType<vigia::ssh::HostKeyInfo>("vigia::ssh::HostKeyInfo");
        qRegisterMetaType<vigia::ssh::ExitInfo>("vigia::ssh::ExitInfo");
        qRegisterMetaType<vigia::ssh::SshTarget>("vigia::ssh::SshTarget");
        qRegisterMetaType<vigia::ssh::ExecOptions>("vigia::ssh::ExecOptions");
        return true;
    }();
    Q_UNUSED(once);
}

} // namespace vigia::ssh
