#include "db/Records.h"

#include <QJsonArray>
#include <utility>
#include <QJsonDocument>

namespace vigia::db {

QDateTime parseTimestamp(const QString &text)
{
    const QString t = text.trimmed();
    if (t.isEmpty())
        return {};
    bool isNumber = false;
    const qint64 n = t.toLongLong(&isNumber);
    if (isNumber)
        return QDateTime::fromSecsSinceEpoch(n > 100000000000LL ? n / 1000 : n, QTimeZone::utc());
    QDateTime dt = QDateTime::fromString(t, Qt::ISODateWithMs);
    if (!dt.isValid()) {
        QString s = t;
        s.replace(QLatin1Char(' '), QLatin1Char('T'));
        dt = QDateTime::fromString(s, Qt::ISODateWithMs);
    }
    if (!dt.isValid())
        return {};
    // SQLite's datetime('now') has no offset and is UTC.
    if (dt.timeSpec() == Qt::LocalTime)
        dt = QDateTime(dt.date(), dt.time(), QTimeZone::utc());
    return dt;
}

QStringList parseTags(const QString &json)
{
    const QString t = json.trimmed();
    if (t.isEmpty() || t == QLatin1String("[]") || t == QLatin1String("null"))
        return {};
    const QJsonDocument doc = QJsonDocument::fromJson(t.toUtf8());
    if (!doc.isArray())
        return {t};
    QStringList tags;
    for (const QJsonValue &v : doc.array()) {
        const QString s = v.isString() ? v.toString() : v.toVariant().toString();
        if (!s.isEmpty())
            tags << s;
    }
    return tags;
}

QTimeZone businessTimeZone(const QByteArray &ianaId)
{
    const QByteArray id = ianaId.isEmpty() ? QByteArrayLiteral("America/Tijuana") : ianaId;
    QTimeZone tz(id);
    if (!tz.isValid())
        tz = QTimeZone(QByteArrayLiteral("America/Tijuana"));
    return tz.isValid() ? tz : QTimeZone(-8 * 3600);
}

namespace {
// Every mapped field by its name in the profile.
constexpr std::pair<const char *, QString AppointmentMapping::*> kMappingFields[] = {
    {"table", &AppointmentMapping::table},
    {"id", &AppointmentMapping::id},
    {"start", &AppointmentMapping::start},
    {"end", &AppointmentMapping::end},
    {"client", &AppointmentMapping::client},
    {"email", &AppointmentMapping::email},
    {"phone", &AppointmentMapping::phone},
    {"organization", &AppointmentMapping::organization},
    {"service", &AppointmentMapping::service},
    {"status", &AppointmentMapping::status},
    {"notes", &AppointmentMapping::notes},
    {"projectTypes", &AppointmentMapping::projectTypes},
};
} // namespace

QStringList AppointmentMapping::toPairs() const
{
    QStringList out;
    for (const auto &[name, member] : kMappingFields)
        out << QString::fromLatin1(name) + QLatin1Char('=') + this->*member;
    return out;
}

std::optional<AppointmentMapping> AppointmentMapping::fromPairs(const QStringList &pairs)
{
    AppointmentMapping m;
    for (const auto &[name, member] : kMappingFields)
        m.*member = QString();
    for (const QString &pair : pairs) {
        const qsizetype eq = pair.indexOf(QLatin1Char('='));
        if (eq <= 0)
            continue;
        const QString field = pair.left(eq);
        for (const auto &[name, member] : kMappingFields)
            if (field == QLatin1String(name))
                m.*member = pair.mid(eq + 1);
    }
    if (!m.isUsable())
        return std::nullopt;
    return m;
}

AppointmentMapping AppointmentMapping::restrictedTo(const QStringList &columns) const
{
    AppointmentMapping m = *this;
    for (const auto &[name, member] : kMappingFields) {
        if (member == &AppointmentMapping::table)
            continue;
        // SQLite matches identifiers case-insensitively; the table's own spelling is kept.
        const QString wanted = m.*member;
        m.*member = QString();
        for (const QString &c : columns)
            if (c.compare(wanted, Qt::CaseInsensitive) == 0)
                m.*member = c;
    }
    return m;
}

AppointmentMapping AppointmentMapping::guess(const QString &table, const QStringList &columns)
{
    AppointmentMapping m;
    m.table = table;
    auto pick = [&columns](std::initializer_list<const char *> names) -> QString {
        for (const char *n : names) {
            for (const QString &c : columns) {
                if (c.compare(QLatin1String(n), Qt::CaseInsensitive) == 0)
                    return c;
            }
        }
        return {};
    };
    m.id = pick({"id", "rowid", "appointment_id", "uuid"});
    m.start = pick({"starts_at", "start_at", "start_time", "startsAt", "start", "begins_at", "scheduled_at", "date",
                    "datetime", "time"});
    m.end = pick({"ends_at", "end_at", "end_time", "endsAt", "end", "finishes_at"});
    m.client = pick({"client_name", "clientName", "customer_name", "customer", "client", "name", "full_name", "contact_name"});
    m.email = pick({"client_email", "clientEmail", "email", "customer_email", "contact_email"});
    m.phone = pick({"client_phone", "phone", "telephone", "customer_phone"});
    m.organization = pick({"organization", "company", "org"});
    m.service = pick({"service", "service_name", "title", "subject", "type"});
    m.status = pick({"status", "state"});
    m.notes = pick({"notes", "note", "comments", "description", "message"});
    m.projectTypes = pick({"projectTypes", "project_types", "tags"});
    return m;
}

} // namespace vigia::db
