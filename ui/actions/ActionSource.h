#pragma once
// What a page offers the window's action toolbar (restart, undo, scale, delete):
// the object its selection means. The window routes the toolbar to the current
// page's source (WorkloadActions), so no code outside a page asks which page is shown.
#include "actions/ActionSpec.h"
#include "core/Result.h"

namespace vigia::ui {

class ActionSource {
public:
    virtual ~ActionSource() = default;
    // What kind asks of the current selection (kind, namespace, object; no profile or
    // server yet), or why it does not apply, in words for the status bar.
    virtual Result<actions::ActionSpec> actionSpec(actions::ActionKind kind) const = 0;
    // Whether the selection is a pod (delete pod, "Restart owner") or a workload ("Restart").
    virtual bool selectsPods() const = 0;
};

} // namespace vigia::ui
