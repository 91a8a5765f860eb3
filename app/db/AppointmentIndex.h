#pragma once
// The agenda's filter structure, so a million appointments filter in tens of
// milliseconds without being loaded: one small entry per row (its key, start
// instant and status code) in start order, and ONE contiguous buffer with the
// searchable text of every row (name, email, service, notes, organisation),
// folded for case and accents and scanned with memmem. A range is a binary
// search; a search is a scan of the range's slice of the buffer. Full records
// are never held here: the model reads the visible pages by key.
//
// Built once per snapshot from the local verified copy (one sequential read,
// raw sqlite3, cancellable), or from records for small in-memory sets.
#include "core/Result.h"
#include "db/Records.h"

#include <QByteArray>
#include <QHash>
#include <QStringList>
#include <QVector>

#include <atomic>
#include <limits>
#include <memory>

namespace vigia::db {

struct AppointmentFilter {
    static constexpr qint64 kMin = std::numeric_limits<qint64>::min();
    static constexpr qint64 kMax = std::numeric_limits<qint64>::max();
    qint64 from = kMin;      // unix seconds, inclusive
    qint64 to = kMax;        // exclusive
    int status = -1;         // a code from statuses(); -1: any
    QList<QByteArray> words; // folded (fold()); every word must occur in the same row
};

class AppointmentIndex {
public:
    static constexpr qint64 kNoStart =
        std::numeric_limits<qint64>::min(); // sorts first; only in unbounded ranges
    struct Entry {
        qint64 key = 0; // rowid (or the mapped id column) in the snapshot; the position for in-memory records
        qint64 start = kNoStart;
        int status = -1;
    };

    static Result<std::shared_ptr<const AppointmentIndex>>
    fromSnapshot(const QString &dbPath, const AppointmentMapping &mapping,
                 const std::atomic<bool> *cancel = nullptr);
    static std::shared_ptr<const AppointmentIndex> fromRecords(const QList<Appointment> &rows);

    // Lower-case, accents off Latin letters (á -> a, Ñ -> n), control characters as spaces: what is
    // stored and what is searched for, so "ZUNIGA", "zúñiga" and "Zúñiga" meet.
    static QByteArray fold(const QString &text);
    // Writes at most SIZE bytes to OUT; returns how many.
    static qsizetype foldUtf8(const char *utf8, qsizetype size, char *out);
    // The search words of a query, folded.
    static QList<QByteArray> words(const QString &query);

    qsizetype size() const { return m_entries.size(); }
    const Entry &entry(qsizetype i) const { return m_entries[i]; }
    // "rowid" or the id column: what the model selects pages by.
    QString keyColumn() const { return m_keyColumn; }
    const QStringList &statuses() const { return m_statuses; }
    int statusCode(const QString &status) const { return m_statuses.indexOf(status); }
    // The folded client name of entry I (sorting by client).
    QByteArrayView clientKey(qsizetype i) const;

    // Entry positions matching FILTER, in start order.
    QVector<int> match(const AppointmentFilter &filter) const;
    // Appointments per day in TZ, over every entry with a start.
    QHash<QDate, int> countsPerDay(const QTimeZone &tz) const;
    // The day in TZ of an instant (helper shared with the model).
    static QDate dayIn(qint64 unixSeconds, const QTimeZone &tz);

private:
    friend struct IndexBuilder;
    QVector<Entry> m_entries;     // by (start, key)
    QVector<qint64> m_offsets;    // size()+1 offsets into m_text
    QVector<qint64> m_clientEnds; // where the folded client name ends inside each row's text
    QByteArray m_text;            // folded fields, 0x1f between fields, 0x1e after each row
    QStringList m_statuses;
    QString m_keyColumn = QStringLiteral("rowid");
};

} // namespace vigia::db
