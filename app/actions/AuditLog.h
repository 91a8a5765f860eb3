#pragma once
// The local audit trail of every change Vigía sent to a cluster. One SQLite
// file per user in the app's data folder; appended before the command runs,
// then completed with the exit status and, later, the rollout's outcome, so a
// crash mid-action still leaves a trace.
#include "core/Result.h"

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QString>
#include <optional>

namespace vigia::actions {

// Outcome words stored in the trail (and shown, translated to words, by the view).
namespace outcome {
inline constexpr char kPending[] = "pending";              // appended, command not finished yet
inline constexpr char kFollowing[] = "following";          // command done, rollout being followed
inline constexpr char kDone[] = "done";                    // command succeeded, nothing to follow
inline constexpr char kSucceeded[] = "succeeded";          // rollout completed
inline constexpr char kFailed[] = "failed";                // rollout failed (deadline, crash loop, ...)
inline constexpr char kTimedOut[] = "timed-out";           // stopped following before the end
inline constexpr char kCommandFailed[] = "command-failed"; // kubectl itself failed
inline constexpr char kStopped[] = "stopped";              // the user stopped following
inline constexpr char kUnknown[] = "unknown";              // no answer: applied or not is not known yet
inline constexpr char kFoundApplied[] = "found-applied";   // no answer, then found applied by a check
inline constexpr char kNotApplied[] = "not-applied";       // no answer, then found not applied
} // namespace outcome

struct AuditEntry {
    qint64 id = 0;
    QDateTime time; // UTC
    QString profile;
    QString server;
    QString action; // actionKindName()
    QString namespaceName;
    QString objectKind; // objectKindName()
    QString objectName;
    QString commandLine; // exactly what was sent to the server
    std::optional<int> exitCode;
    QString error; // kubectl's failure in words, when it failed
    QString outcome = QString::fromLatin1(outcome::kPending);
    QString outcomeDetail; // "rolled out in 14 s", "pod x is in CrashLoopBackOff", ...

    bool operator==(const AuditEntry &) const = default;
};

struct AuditQuery {
    int limit = 500;
    QString profile;    // empty: all
    QString textFilter; // matched against object, namespace, command and outcome
};

class AuditLog : public QObject {
    Q_OBJECT
public:
    explicit AuditLog(QObject *parent = nullptr);
    ~AuditLog() override;

    // <AppLocalDataLocation>/audit.sqlite
    static QString defaultPath();

    Result<void> open(const QString &path = defaultPath());
    bool isOpen() const;
    QString path() const { return m_path; }

    // Returns the new entry's id. time is set to now when invalid.
    Result<qint64> append(AuditEntry entry);
    Result<void> setExitStatus(qint64 id, std::optional<int> exitCode, const QString &error);
    Result<void> setOutcome(qint64 id, const QString &outcomeWord, const QString &detail);

    Result<AuditEntry> entry(qint64 id) const;
    // Newest first.
    Result<QList<AuditEntry>> entries(const AuditQuery &query = {}) const;

signals:
    void entryAdded(qint64 id);
    void entryChanged(qint64 id);

private:
    Result<void> exec(const QString &sql, const QVariantList &binds) const;
    QString m_connectionName;
    QString m_path;
};

} // namespace vigia::actions
