#pragma once
// A reader for OpenSSH's client configuration (~/.ssh/config), with the
// semantics of ssh(1): the first value obtained for a keyword wins, Host lines
// carry pattern lists (*, ?, !negation), IdentityFile accumulates, Include
// pulls in more files. Only what Vigía uses is resolved; everything else is
// kept out of the way. Match blocks are skipped (noted in warnings()).
#include "core/Result.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace vigia::ssh {

// What ~/.ssh/config says about one host alias, tokens and ~ expanded.
struct SshHostConfig {
    QString alias;    // the name that was looked up
    QString hostName; // HostName, %h expanded; empty when not set
    std::optional<quint16> port;
    QString user;
    QStringList identityFiles; // every IdentityFile that applies, in order, expanded
    QString hostKeyAlias;
    QString userKnownHostsFile; // first file of UserKnownHostsFile, expanded
    std::optional<bool> identitiesOnly;
    QString proxyJump;                // set (and not "none"): not supported yet, callers must refuse
    QString proxyCommand;             // likewise
    bool matchedAnyHostBlock = false; // some Host block (other than "Host *") applied

    // The name to connect to: HostName, else the alias.
    QString effectiveHost() const { return hostName.isEmpty() ? alias : hostName; }
};

class SshConfig {
public:
    SshConfig() = default;

    // ~/.ssh/config
    static QString defaultPath();

    // A missing file is an empty configuration, not an error; an unreadable one is.
    static Result<SshConfig> load(const QString &path = defaultPath());
    // Parses text; Include paths are relative to baseDir (~/.ssh for the user's file).
    static SshConfig parse(const QString &text, const QString &baseDir = {}, const QString &sourceName = {});

    // Everything that applies to an alias, as ssh(1) would see it for `ssh alias`.
    // localUser/homeDir default to the current ones (tests pass their own).
    SshHostConfig resolve(const QString &alias, const QString &localUser = {},
                          const QString &homeDir = {}) const;

    // Host names written literally (no *, ? or !) in Host lines, in file order,
    // without duplicates: the candidates for importing profiles.
    QStringList aliases() const;

    // Lines that were skipped or not understood, with file and line ("config:12: Match blocks are not
    // supported").
    QStringList warnings() const { return m_warnings; }

    bool isEmpty() const { return m_blocks.isEmpty(); }

    // ssh(1)'s pattern matching for one pattern (*, ?), case-insensitive.
    static bool matchPattern(const QString &text, const QString &pattern);
    // A comma- or space-separated pattern list with ! negation, as on Host lines.
    static bool matchPatternList(const QString &host, const QStringList &patterns);

private:
    struct Option {
        QString keyword; // lower case
        QStringList args;
        QString where; // file:line, for messages
    };
    struct Block {
        // Every pattern list must match (an Include inside a Host block adds the
        // outer list to the included file's blocks). Empty: applies to all.
        QList<QStringList> conditions;
        bool skipped = false; // a Match block: never applies
        QList<Option> options;
    };

    void parseInto(const QString &text, const QString &baseDir, const QString &sourceName,
                   const QList<QStringList> &outerConditions, int depth);

    QList<Block> m_blocks;
    QStringList m_warnings;
};

// Expands ssh_config tokens (%%, %h, %n, %p, %r, %u, %d, %l, %i) and a leading ~.
QString expandSshTokens(const QString &value, const SshHostConfig &cfg, const QString &localUser,
                        const QString &homeDir);

} // namespace vigia::ssh
