#include "actions/ReadOnlyBadge.h"

namespace vigia::ui {

ReadOnlyBadge::ReadOnlyBadge(QWidget *parent) : QLabel(parent)
{
    // Text and a lock sign, not colour alone.
    setText(QStringLiteral("\U0001F512 READ-ONLY"));
    setObjectName(QStringLiteral("readOnlyBadge"));
    setToolTip(tr("This profile is read-only: restart, undo, scale and delete are refused. "
                  "Edit the profile (or start without --read-only) to allow changes."));
    setAccessibleName(tr("Read-only profile"));
    setStyleSheet(
        QStringLiteral("QLabel#readOnlyBadge { background: #6b4f00; color: #fff6d5; font-weight: bold;"
                       " border: 1px solid #a07800; border-radius: 4px; padding: 2px 8px; }"));
}

} // namespace vigia::ui
