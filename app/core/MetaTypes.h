#pragma once
// Declarations and one registration call for the value types that travel
// through queued signals between the SSH worker thread, the core and the UI.
#include "core/Result.h"

#include <QByteArray>
#include <QMetaType>

Q_DECLARE_METATYPE(vigia::Result<QByteArray>)

namespace vigia {

// Idempotent; call once before making queued connections (the composition root
// and the core classes that emit across threads do).
void registerCoreMetaTypes();

} // namespace vigia
