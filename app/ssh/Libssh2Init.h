#pragma once
// libssh2_init() is not thread-safe and must run once before any session is
// made; every entry point of the transport calls this guard first.

namespace vigia::ssh {

// Returns false when libssh2 (or its crypto backend) failed to initialise.
bool ensureLibssh2();

} // namespace vigia::ssh
