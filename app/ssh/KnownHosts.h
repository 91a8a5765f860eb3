#pragma once
// ~/.ssh/known_hosts with OpenSSH's discipline: read line by line (lines that
// cannot be parsed are skipped, never fatal), hashed entries and [host]:port
// understood, and new keys appended as one line; the file is never rewritten.
#include "core/Result.h"

#include <QByteArray>
#include <QHash>
#include <QString>
#include <QStringList>

typedef struct _LIBSSH2_SESSION LIBSSH2_SESSION;
typedef struct _LIBSSH2_KNOWNHOSTS LIBSSH2_KNOWNHOSTS;

namespace vigia::ssh {

// OtherTypeKnown: no key of the presented type is on record, but keys of other types are. A
// server that stops offering the recorded type (a downgrade, or someone else answering) looks
// like a new host otherwise; it is refused like a mismatch.
enum class KnownHostStatus { Unknown, Match, Mismatch, OtherTypeKnown };

struct KnownHostLookup {
    KnownHostStatus status = KnownHostStatus::Unknown;
    QString hostEntry;        // "host" or "[host]:port", as looked up
    QString keyType;          // of the presented key
    QString fingerprint;      // of the presented key, "SHA256:..."
    QString knownKeyType;     // mismatch only
    QString knownFingerprint; // mismatch only
    int knownLine = 0;        // mismatch only, 1-based
    QStringList recordedTypes; // OtherTypeKnown only: the types on record
};

class KnownHosts {
public:
    explicit KnownHosts(QString path);
    ~KnownHosts();
    KnownHosts(const KnownHosts &) = delete;
    KnownHosts &operator=(const KnownHosts &) = delete;

    // Reads the file. A missing file is an empty list, not an error.
    Result<void> load();
    const QString &path() const { return m_path; }
    int entryCount() const { return m_entries; }
    int skippedLines() const { return m_skipped; }

    // How OpenSSH names a host in known_hosts: "host" on port 22, else "[host]:port".
    static QString hostEntryName(const QString &host, quint16 port);

    KnownHostLookup lookup(const QString &host, quint16 port, const QByteArray &keyBlob) const;
    // Key algorithms already on record for this host, in OpenSSH's preference order.
    QStringList recordedKeyTypes(const QString &host, quint16 port) const;
    // Appends exactly one line for this host and key (creating the file, mode
    // 600, if needed) and records it in memory too.
    Result<void> append(const QString &host, quint16 port, const QByteArray &keyBlob);

private:
    QString m_path;
    LIBSSH2_SESSION *m_session = nullptr; // only an allocator for the knownhost API
    LIBSSH2_KNOWNHOSTS *m_hosts = nullptr;
    QHash<const void *, int> m_lineOf; // libssh2 node -> 1-based line
    int m_entries = 0;
    int m_skipped = 0;
};

} // namespace vigia::ssh
