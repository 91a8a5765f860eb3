#pragma once
// The first window: the saved servers, with connect / add / edit / delete and
// import from ~/.ssh/config, plus a quick-connect field for an address or alias.
#include "profiles/ProfileStore.h"
#include "ssh/SshConfig.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;
class QTreeWidget;

namespace vigia {

class ConnectWindow : public QWidget {
    Q_OBJECT
public:
    // The store and config outlive the window; sshConfigPath is only shown to the user.
    ConnectWindow(ProfileStore *store, const ssh::SshConfig &sshConfig, const QString &sshConfigPath,
                  QWidget *parent = nullptr);

    void reload();
    // Selects a profile by name; false when there is none.
    bool selectProfile(const QString &name);
    QString selectedName() const;
    // True when the selected row is an ~/.ssh/config alias offered as a suggestion, not a profile.
    bool isSuggestionSelected() const;

    // Actions, public so tests can drive them without modal dialogs.
    void connectSelected();
    void connectSpec(const QString &spec);
    bool deleteSelected(bool confirm = true);
    QStringList importFromSshConfig();

    QTreeWidget *profileList() const { return m_list; }
    QLineEdit *quickConnectEdit() const { return m_quick; }
    QLabel *messageLabel() const { return m_message; }

signals:
    void connectRequested(const vigia::ResolvedTarget &target);

private:
    // The profile dialog, filled from seed; the new profile is added and selected.
    void addProfile(const Profile &seed = {});
    void addSuggestions(const QList<Profile> &profiles);
    void saveSuggestion(const QString &alias);
    void editSelected();
    void showMessage(const QString &text, bool error);
    void updateButtons();

    ProfileStore *m_store;
    ssh::SshConfig m_sshConfig;
    QString m_sshConfigPath;
    QTreeWidget *m_list = nullptr;
    QLineEdit *m_quick = nullptr;
    QLabel *m_message = nullptr;
    QPushButton *m_connect = nullptr;
    QPushButton *m_edit = nullptr;
    QPushButton *m_delete = nullptr;
    QPushButton *m_import = nullptr;
};

} // namespace vigia

Q_DECLARE_METATYPE(vigia::ResolvedTarget)
