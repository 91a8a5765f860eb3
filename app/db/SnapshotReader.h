#pragma once
// Reads the known tables of a local snapshot into plain records, read-only,
// through QtSql with a connection name of its own (one per call).
#include "core/Result.h"
#include "db/Records.h"
#include "db/SqlConnection.h"

#include <QList>
#include <QString>
#include <QStringList>

class QSqlQuery;

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
    static QStringList columnNames(const QList<ColumnInfo> &columns);

    // Appointments starting after FROM (null: all), at most LIMIT, by start time.
    static Result<QList<Appointment>> appointments(const QString &dbPath,
                                                   const AppointmentMapping &mapping = {},
                                                   const QDateTime &from = {}, int limit = 100000);
    // Newest first.
    static Result<QList<Quote>> quotes(const QString &dbPath, int limit = 100000);

    // The SELECT list of an appointment row for MAPPING (unmapped columns read as NULL), and the
    // record made from a row selected with it, starting at column FIRST.
    static QString appointmentSelectList(const AppointmentMapping &mapping);
    static Appointment appointmentFromQuery(const QSqlQuery &query, int first = 0);
    // The mapping for the appointments table of a snapshot: the known one when the columns are
    // there, otherwise a guess from the column names (the user can correct it).
    static AppointmentMapping mappingFor(const QString &dbPath, const QString &table = {});

    // Which table looks like appointments / quotes ("" when none does).
    static QString findAppointmentsTable(const QString &dbPath);
    static bool hasQuotesTable(const QString &dbPath);
};

} // namespace vigia::db
