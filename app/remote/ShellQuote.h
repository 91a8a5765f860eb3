#pragma once
// The command builders' spelling of core's quoting (core/ShellQuote.h).
#include "core/ShellQuote.h"

namespace vigia::remote {

using vigia::buildCommandLine;
using vigia::shellQuote;

} // namespace vigia::remote
