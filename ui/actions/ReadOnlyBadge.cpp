#include "actions/ReadOnlyBadge.h"

#include <QFile>

namespace vigia::ui {

ReadOnlyBadge::ReadOnlyBadge(QWidget *parent) : QLabel(parent)
{
    // Words and a lock, not colour alone. The lock is the app's own icon: the
    // emoji one is in none of the fonts a Debian desktop is sure to have.
    const QString lock = QStringLiteral(":/vigia/icons/readonly.svg");
    if (QFile::exists(lock))
        setText(QStringLiteral("<img src=\"%1\" width=\"14\" height=\"14\" style=\"vertical-align: middle\">"
                               "&nbsp;%2")
                    .arg(lock, tr("READ-ONLY")));
    else
        setText(tr("READ-ONLY"));
    setObjectName(QStringLiteral("readOnlyBadge"));
    setToolTip(tr("This profile is read-only: restart, undo, scale and delete are refused. "
                  "Edit the profile (or start without --read-only) to allow changes."));
    setAccessibleName(tr("Read-only profile"));
    setStyleSheet(
        QStringLiteral("QLabel#readOnlyBadge { background: #6b4f00; color: #fff6d5; font-weight: bold;"
                       " border: 1px solid #a07800; border-radius: 4px; padding: 2px 8px; }"));
}

} // namespace vigia::ui
