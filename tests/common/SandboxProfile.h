#pragma once
// The profile that points the app at a running sandbox (its sshd on 127.0.0.1).
#include "Sandbox.h"
#include "profiles/Profile.h"

namespace vigia::test {

inline Profile sandboxProfile(const Sandbox &sb)
{
    Profile p;
    p.name = QStringLiteral("vigia-sandbox");
    p.host = sb.host();
    p.port = sb.sshPort();
    p.user = sb.user();
    return p;
}

} // namespace vigia::test
