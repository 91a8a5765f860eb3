#pragma once
// Server profiles kept with QSettings (array "profiles"), and the one place
// that turns what a person typed (a profile, an ssh-config alias or
// [user@]host[:port]) into an SSH target, merged with ~/.ssh/config.
#include "core/Result.h"
#include "profiles/Profile.h"
#include "ssh/SshConfig.h"
#include "ssh/SshTypes.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <memory>
#include <optional>

class QSettings;

namespace vigia {

// A profile ready to connect: the profile (for the kubectl override, RAM budget,
// read-only flag) and the final SSH target.
struct ResolvedTarget {
    Profile profile;
    ssh::SshTarget target;
    // How the spec was understood ("profile", "ssh-config alias", "address"), for the log and the title bar.
    QString source;
};

class ProfileStore {
public:
    // Uses the application's default QSettings (organisation/application names set by main).
    ProfileStore();
    // Uses an INI file at this path: tests and portable setups.
    explicit ProfileStore(const QString &iniPath);
    ~ProfileStore();
    ProfileStore(const ProfileStore &) = delete;
    ProfileStore &operator=(const ProfileStore &) = delete;

    // The file the profiles live in (which instance of Vigía they belong to).
    QString path() const;

    QList<Profile> profiles() const;
    std::optional<Profile> find(const QString &name) const;

    // Names are unique (case-sensitive) and non-empty; host must be set.
    Result<void> add(const Profile &profile);
    // Replaces the profile called oldName (it may be renamed).
    Result<void> update(const QString &oldName, const Profile &profile);
    // Writes only the fields that differ between before and after, onto a fresh read of the
    // profile, under a lock file: two Vigía windows or instances on one profile each keep what
    // the other changed (the Data tab's databases in one, a column mapping in the other).
    Result<void> applyChanges(const Profile &before, const Profile &after);
    bool remove(const QString &name);

    // One profile per literal Host alias that has no profile yet (by name).
    // The host stays the alias so ~/.ssh/config remains the source of truth for
    // HostName and IdentityFile. Returns the names added.
    QStringList importFromSshConfig(const ssh::SshConfig &config);
    // A profile for an ~/.ssh/config alias: its host stays the alias, so the config keeps applying
    // (HostName, IdentityFile, …); user and port are shown as the config sets them.
    static Profile profileForAlias(const QString &alias, const ssh::SshConfig &config);

    // Checks a profile before saving: a message for the edit dialog, or ok.
    static Result<void> validate(const Profile &profile);

    // "name", "alias", "[user@]host[:port]" or "[user@][v6addr]:port" → target.
    Result<ResolvedTarget> resolveConnectSpec(const QString &spec, const ssh::SshConfig &config) const;

    // Merges a profile with ~/.ssh/config: the profile's explicit values win,
    // then the config's, then ssh's defaults. Refuses ProxyJump/ProxyCommand.
    // portIsExplicit: the port was typed (host:22), so it wins even when it is 22.
    static Result<ResolvedTarget> resolveProfile(const Profile &profile, const ssh::SshConfig &config,
                                                 const QString &source = QStringLiteral("profile"),
                                                 bool portIsExplicit = false);

    // Parses "[user@]host[:port]" (brackets for IPv6 with a port). Errors name the problem.
    static Result<Profile> parseAddress(const QString &spec);

private:
    void save(const QList<Profile> &profiles);
    std::unique_ptr<QSettings> m_settings;
};

} // namespace vigia
