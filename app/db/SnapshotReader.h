#pragma once
// Reads the known tables of a local snapshot into plain records, read-only,
// through QtSql with a connection name of its own (one per call).
#include "core/Result.h"
#include "db/Records.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace vigia::db {

struct ColumnInfo {
    QString name;
    QString type;
    bool primaryKey = false;
    bool notNull = false;
};

class SnapshotReader {
public:
    static Result<QStringList> tables(const QString &dbPath);
    static Result<QList<ColumnInfo>> columns(const QString &dbPath, const QString &table);

    // Appointments starting after FROM (null: all), at most LIMIT, by start time.
    static Result<QList<Appointment>> appointments(const QString &dbPath, const AppointmentMapping &mapping = {},
                                                   const QDateTime &from = {}, int limit = 100000);
    // Newest first.
    static Result<QList<Quote>> quotes(const QString &dbPath, int limit = 100000);

    // Which table looks like appointments / quotes ("" when none does).
    static QString findAppointmentsTable(const QString &dbPath);
    static bool hasQuotesTable(const QString &dbPath);
};

// Opens a read-only QSQLITE connection under a unique name and removes it on scope exit.
class ScopedSqlConnection {
public:
    explicit ScopedSqlConnection(const QString &dbPath);
    ~ScopedSqlConnection();
    ScopedSqlConnection(const ScopedSqlConnection &) = delete;
    ScopedSqlConnection &operator=(const ScopedSqlConnection &) = delete;
    bool isOpen() const { return m_open; }
    QString name() const { return m_name; }
    QString errorText() const { return m_error; }
    static QString uniqueName(const QString &prefix);

private:
    QString m_name;
    QString m_error;
    bool m_open = false;
};

} // namespace vigia::db
