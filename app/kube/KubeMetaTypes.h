#pragma once
// The kube layer's value types that travel through queued signals and QVariant.
namespace vigia::kube {

// Idempotent. The watchers and the poller call it in their constructors.
void registerMetaTypes();

} // namespace vigia::kube
