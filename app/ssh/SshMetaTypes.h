#pragma once
// The SSH layer's value types that cross threads in queued signals (SshTypes.h).
namespace vigia::ssh {

// Idempotent. SshConnection calls it; so does anything that queues these types before one exists.
void registerMetaTypes();

} // namespace vigia::ssh
