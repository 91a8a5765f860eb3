#pragma once
// "Start at login": an XDG autostart entry (~/.config/autostart/vigia.desktop)
// that starts Vigía hidden, watching the servers that were open when it last ran.
#include "core/Result.h"

#include <QString>

namespace vigia::desktop {

class Autostart {
public:
    // folder: where autostart entries live; empty: $XDG_CONFIG_HOME/autostart.
    explicit Autostart(const QString &folder = {});

    QString entryPath() const;
    bool isEnabled() const;
    // program: the vigia to start (its absolute path, or "vigia" when on PATH).
    Result<void> setEnabled(bool enabled, const QString &program);
    // The entry's text: Exec quoted as the Desktop Entry spec asks.
    static QString entryText(const QString &program);

private:
    QString m_folder;
};

} // namespace vigia::desktop
