#pragma once
// The fault cases around a database snapshot (the production data).
#include "FaultHarness.h"

namespace vigia::faults {

FaultReport dbAppStoppedDuringSnapshot(FaultHarness &h);
// The SSH user's temp folder on a filesystem too small for the copy (a tmpfs of 256 KB, mounted
// for the case: it needs root, as the sandbox's sshd does).
FaultReport tmpFullDuringSnapshot(FaultHarness &h);

} // namespace vigia::faults
