#include "ssh/Libssh2Init.h"

#include <libssh2.h>
#include <mutex>

namespace vigia::ssh {

bool ensureLibssh2()
{
    static std::once_flag once;
    static bool ok = false;
    // Never paired with libssh2_exit(): sessions may outlive any static
    // destructor order we could choose, and the process exit frees it all.
    std::call_once(once, [] { ok = libssh2_init(0) == 0; });
    return ok;
}

} // namespace vigia::ssh
