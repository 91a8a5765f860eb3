#pragma once
// The open servers of this process: one Session and one MainWindow each, side by
// side. They share only the audit trail, the profile store and the settings.
// Opening a profile that is already open raises its window. Closing a window
// ends its session and leaves the others running.
#include "profiles/ProfileStore.h"
#include "ssh/SshConfig.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <memory>

namespace vigia::actions {
class AuditLog;
}

namespace vigia {

class ConnectWindow;
class MainWindow;
namespace ui {
class TrayIcon;
}
namespace session {
class Session;
}
namespace desktop {
class DesktopNotifier;
}

class Consoles : public QObject {
    Q_OBJECT
public:
    struct Options {
        bool forceReadOnly = false;
        QString knownHostsPath; // empty: each target's own
        // Where a system tray is: closing a window keeps watching (ui/closeToTray, on by default).
        bool trayAllowed = true;
    };

    Consoles(ProfileStore *store, actions::AuditLog *audit, const ssh::SshConfig &sshConfig,
             const QString &sshConfigPath, const Options &options, QObject *parent = nullptr);
    ~Consoles() override;

    // A window for this server (a new one, or the one already showing this profile).
    // hidden: watching from the tray without showing it (start at login), where there is a tray.
    MainWindow *open(ResolvedTarget resolved, bool hidden = false);
    // The servers open when this process last ran, watching hidden (`vigia --hidden`).
    // False when there were none.
    bool reopenLast(bool hidden);
    // The server picker; what it picks opens in a window of its own.
    void showPicker();
    // `vigia [NAME]` run again while this process runs: NAME opens here, or the picker.
    // Returns false (with the message for stderr in *error) when NAME cannot be resolved.
    bool openSpec(const QString &spec, Error *error = nullptr, bool hidden = false);

    QList<MainWindow *> windows() const;

    ui::TrayIcon *tray() const { return m_tray; }

private:
    void saveProfile(const Profile &profile);
    void watch(MainWindow *window, session::Session *session, const QString &name);
    void updateTray();
    void rememberOpen();
    void showAll();

    ProfileStore *m_store;
    actions::AuditLog *m_audit;
    ssh::SshConfig m_sshConfig;
    QString m_sshConfigPath;
    Options m_options;
    std::unique_ptr<ConnectWindow> m_picker;
    QHash<QString, QPointer<MainWindow>> m_windows; // by profile name
    // What each profile was when this process last read or wrote it: the base of its changes.
    QHash<QString, Profile> m_seen;
    ui::TrayIcon *m_tray = nullptr;
    QList<QPointer<desktop::DesktopNotifier>> m_notifiers;
};

} // namespace vigia
