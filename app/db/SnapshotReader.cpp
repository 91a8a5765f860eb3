#include "db/SnapshotReader.h"

#include "db/SqlQuote.h"

#include <QCoreApplication>
#include <QAtomicInteger>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>

namespace vigia::db {

namespace {

Error sqlError(const QString &what, const QString &detail)
{
    return makeError(what, detail, QStringLiteral("db.query-failed"));
}

QString col(const QString &name)
{
    // Unmapped columns read as NULL, so one SELECT shape serves every mapping.
    return name.isEmpty() ? QStringLiteral("NULL") : sqlQuoteIdentifier(name);
}

} // namespace

Result<QStringList> SnapshotReader::tables(const QString &dbPath)
{
    ScopedSqlConnection c(dbPath);
    if (!c.isOpen())
        return sqlError(QCoreApplication::translate("SnapshotReader", "Could not open the snapshot."), c.errorText());
    QSqlQuery q(QSqlDatabase::database(c.name()));
    if (!q.exec(QStringLiteral("SELECT name FROM sqlite_schema WHERE type IN ('table','view') AND name NOT "
                               "LIKE 'sqlite_%' ORDER BY name")))
        return sqlError(QCoreApplication::translate("SnapshotReader", "Could not list the tables."), q.lastError().text());
    QStringList out;
    while (q.next())
        out << q.value(0).toString();
    return out;
}

Result<QList<ColumnInfo>> SnapshotReader::columns(const QString &dbPath, const QString &table)
{
    ScopedSqlConnection c(dbPath);
    if (!c.isOpen())
        return sqlError(QCoreApplication::translate("SnapshotReader", "Could not open the snapshot."), c.errorText());
    QSqlQuery q(QSqlDatabase::database(c.name()));
    q.prepare(QStringLiteral("SELECT name, type, pk, \"notnull\" FROM pragma_table_info(?)"));
    q.addBindValue(table);
    if (!q.exec())
        return sqlError(QCoreApplication::translate("SnapshotReader", "Could not read the columns of %1.").arg(table), q.lastError().text());
    QList<ColumnInfo> out;
    while (q.next())
        out << ColumnInfo{q.value(0).toString(), q.value(1).toString(), q.value(2).toInt() > 0,
                          q.value(3).toBool()};
    return out;
}

Result<QList<Appointment>> SnapshotReader::appointments(const QString &dbPath, const AppointmentMapping &m,
                                                        const QDateTime &from, int limit)
{
    if (!m.isUsable())
        return makeError(QCoreApplication::translate("SnapshotReader", "Map the start and client columns first."), {},
                         QStringLiteral("db.unmapped"));
    ScopedSqlConnection c(dbPath);
    if (!c.isOpen())
        return sqlError(QCoreApplication::translate("SnapshotReader", "Could not open the snapshot."), c.errorText());
    QString sql =
        QStringLiteral("SELECT %1 FROM %2").arg(appointmentSelectList(m), sqlQuoteIdentifier(m.table));
    QSqlQuery q(QSqlDatabase::database(c.name()));
    q.setForwardOnly(true);
    if (from.isValid()) {
        // Compare on the instant: the column's text may carry any offset.
        sql += QStringLiteral(" WHERE julianday(%1) >= julianday(?)").arg(col(m.start));
    }
    sql += QStringLiteral(" ORDER BY julianday(%1) LIMIT ?").arg(col(m.start));
    if (!q.prepare(sql))
        return sqlError(QCoreApplication::translate("SnapshotReader", "Could not read appointments from %1.").arg(m.table),
                        q.lastError().text());
    if (from.isValid())
        q.addBindValue(from.toUTC().toString(Qt::ISODate));
    q.addBindValue(limit);
    if (!q.exec())
        return sqlError(QCoreApplication::translate("SnapshotReader", "Could not read appointments from %1.").arg(m.table),
                        q.lastError().text());
    QList<Appointment> out;
    while (q.next())
        out << appointmentFromQuery(q);
    return out;
}

QString SnapshotReader::appointmentSelectList(const AppointmentMapping &m)
{
    return QStringLiteral("%1,%2,%3,%4,%5,%6,%7,%8,%9,%10,%11")
        .arg(col(m.id), col(m.start), col(m.end), col(m.client), col(m.email), col(m.phone),
             col(m.organization), col(m.service), col(m.status))
        .arg(col(m.notes), col(m.projectTypes));
}

Appointment SnapshotReader::appointmentFromQuery(const QSqlQuery &q, int first)
{
    Appointment a;
    a.id = q.value(first).toLongLong();
    a.startsAt = parseTimestamp(q.value(first + 1).toString());
    a.endsAt = parseTimestamp(q.value(first + 2).toString());
    a.clientName = q.value(first + 3).toString();
    a.clientEmail = q.value(first + 4).toString();
    a.clientPhone = q.value(first + 5).toString();
    a.organization = q.value(first + 6).toString();
    a.service = q.value(first + 7).toString();
    a.status = q.value(first + 8).toString();
    a.notes = q.value(first + 9).toString();
    a.projectTypes = parseTags(q.value(first + 10).toString());
    return a;
}

QStringList SnapshotReader::columnNames(const QList<ColumnInfo> &columns)
{
    QStringList names;
    for (const ColumnInfo &c : columns)
        names << c.name;
    return names;
}

AppointmentMapping SnapshotReader::mappingFor(const QString &dbPath, const QString &table)
{
    const QString t = table.isEmpty() ? findAppointmentsTable(dbPath) : table;
    QStringList names;
    if (const auto cols = columns(dbPath, t))
        names = columnNames(cols.value());
    if (t.isEmpty() || names.isEmpty())
        return AppointmentMapping{};
    return AppointmentMapping::guess(t, names);
}

Result<QList<Quote>> SnapshotReader::quotes(const QString &dbPath, int limit)
{
    ScopedSqlConnection c(dbPath);
    if (!c.isOpen())
        return sqlError(QCoreApplication::translate("SnapshotReader", "Could not open the snapshot."), c.errorText());
    QSqlQuery q(QSqlDatabase::database(c.name()));
    q.setForwardOnly(true);
    q.prepare(QStringLiteral(
        "SELECT id, created_at, contact_name, contact_email, contact_phone, company, client_type, "
        "projectTypes, budget_min_mxn, budget_max_mxn, deadline, message, status, source "
        "FROM quotes ORDER BY julianday(created_at) DESC, id DESC LIMIT ?"));
    q.addBindValue(limit);
    if (!q.exec())
        return sqlError(QCoreApplication::translate("SnapshotReader", "Could not read quotes."), q.lastError().text());
    QList<Quote> out;
    while (q.next()) {
        Quote r;
        r.id = q.value(0).toLongLong();
        r.createdAt = parseTimestamp(q.value(1).toString());
        r.contactName = q.value(2).toString();
        r.contactEmail = q.value(3).toString();
        r.contactPhone = q.value(4).toString();
        r.company = q.value(5).toString();
        r.clientType = q.value(6).toString();
        r.projectTypes = parseTags(q.value(7).toString());
        if (!q.value(8).isNull())
            r.budgetMin = q.value(8).toLongLong();
        if (!q.value(9).isNull())
            r.budgetMax = q.value(9).toLongLong();
        r.deadline = q.value(10).toString();
        r.message = q.value(11).toString();
        r.status = q.value(12).toString();
        r.source = q.value(13).toString();
        out << r;
    }
    return out;
}

QString SnapshotReader::findAppointmentsTable(const QString &dbPath)
{
    const auto t = tables(dbPath);
    if (!t)
        return {};
    if (t->contains(QStringLiteral("appointments")))
        return QStringLiteral("appointments");
    for (const QString &name : t.value()) {
        if (name.contains(QStringLiteral("appoint"), Qt::CaseInsensitive) ||
            name.contains(QStringLiteral("booking"), Qt::CaseInsensitive) ||
            name.contains(QStringLiteral("cita"), Qt::CaseInsensitive))
            return name;
    }
    return {};
}

bool SnapshotReader::hasQuotesTable(const QString &dbPath)
{
    const auto t = tables(dbPath);
    return t && t->contains(QStringLiteral("quotes"));
}

} // namespace vigia::db
