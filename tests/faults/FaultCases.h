#pragma once
// The faults vigia-faults injects, one function each. Every case starts from a connected
// Session, injects its fault, ends it, and reports whether the app came back (view live within
// 10 s of the fault ending), what it said meanwhile, what was lost, and what was left behind.
#include "FaultHarness.h"

#include <functional>

namespace vigia::faults {

struct FaultCase {
    QString name;
    std::function<FaultReport(FaultHarness &)> run;
    QStringList sandboxArgs; // a sandbox of its own, started with these (empty: the shared one)
};

QList<FaultCase> allFaultCases();

// Live again within this of the fault ending (issue: "within 10 s").
inline constexpr int kRecoverWithinMs = 10000;

} // namespace vigia::faults
