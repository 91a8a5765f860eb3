#pragma once
// Plain rows of the two known databases (tests/sandbox/SCHEMA.md): what the
// models show. Loaded from a local, verified snapshot, never from the server.
#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>
#include <QTimeZone>
#include <optional>

namespace vigia::db {

struct Appointment {
    qint64 id = 0;
    QString clientName;
    QString clientEmail;
    QString clientPhone;
    QString organization;
    QString clientType;
    QString service;
    QDateTime startsAt; // absolute instant; shown in the business time zone
    QDateTime endsAt;
    QString status;
    QString notes;
    QStringList projectTypes;
};

struct Quote {
    qint64 id = 0;
    QDateTime createdAt;
    QString contactName;
    QString contactEmail;
    QString contactPhone;
    QString company;
    QString clientType;
    QStringList projectTypes;
    std::optional<qint64> budgetMin;
    std::optional<qint64> budgetMax;
    QString deadline;
    QString message;
    QString status;
    QString source;
};

// Which columns of an unknown schema mean what. Empty names are "not mapped".
struct AppointmentMapping {
    QString table = QStringLiteral("appointments");
    QString id = QStringLiteral("id");
    QString start = QStringLiteral("starts_at");
    QString end = QStringLiteral("ends_at");
    QString client = QStringLiteral("client_name");
    QString email = QStringLiteral("client_email");
    QString phone = QStringLiteral("client_phone");
    QString organization = QStringLiteral("organization");
    QString service = QStringLiteral("service");
    QString status = QStringLiteral("status");
    QString notes = QStringLiteral("notes");
    QString projectTypes = QStringLiteral("projectTypes");

    bool isUsable() const { return !table.isEmpty() && !start.isEmpty() && !client.isEmpty(); }
    // Best guess from a table's column names (start_time, customer, state, ...).
    static AppointmentMapping guess(const QString &table, const QStringList &columns);
    // The same mapping with every field that names a column not in `columns` unmapped.
    AppointmentMapping restrictedTo(const QStringList &columns) const;
    // "field=column" pairs for the profile; fromPairs leaves fields it is not given
    // unmapped, and returns nullopt when the pairs do not make a usable mapping.
    QStringList toPairs() const;
    static std::optional<AppointmentMapping> fromPairs(const QStringList &pairs);
    bool operator==(const AppointmentMapping &) const = default;
};

// "2026-11-27T10:30:00-08:00", "2026-11-27 18:30:00" (UTC), "…Z", unix seconds.
QDateTime parseTimestamp(const QString &text);
// '["sitio web","SEO"]' -> {"sitio web","SEO"}; anything else -> one tag or none.
QStringList parseTags(const QString &json);
// The profile's business zone, America/Tijuana when unset or unknown.
QTimeZone businessTimeZone(const QByteArray &ianaId = {});

} // namespace vigia::db
