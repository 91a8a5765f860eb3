#pragma once
// The profile as a QVariant and a queued-signal argument.
namespace vigia::profiles {

// Idempotent. ProfileStore calls it in its constructors.
void registerMetaTypes();

} // namespace vigia::profiles
