#include "profiles/ProfileMetaTypes.h"

#include "profiles/Profile.h"

namespace vigia::profiles {

void registerMetaTypes()
{
    static const bool once = [] {
        qRegisterMetaType<vigia::Profile>("vigia::Profile");
        return true;
    }();
    Q_UNUSED(once);
}

} // namespace vigia::profiles
