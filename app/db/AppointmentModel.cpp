#include "db/AppointmentModel.h"

#include <QLocale>

namespace vigia::db {

namespace {
QString fmt(const QDateTime &dt, const QTimeZone &tz)
{
    return dt.isValid() ? dt.toTimeZone(tz).toString(QStringLiteral("yyyy-MM-dd HH:mm")) : QString();
}
} // namespace

AppointmentModel::AppointmentModel(QObject *parent) : QAbstractTableModel(parent), m_tz(businessTimeZone()) {}

void AppointmentModel::setAppointments(QList<Appointment> rows)
{
    beginResetModel();
    m_rows = std::move(rows);
    computeDays();
    endResetModel();
}

void AppointmentModel::computeDays()
{
    m_days.resize(m_rows.size());
    for (qsizetype i = 0; i < m_rows.size(); ++i)
        m_days[i] = m_rows[i].startsAt.isValid() ? m_rows[i].startsAt.toTimeZone(m_tz).date() : QDate();
}

void AppointmentModel::setTimeZone(const QTimeZone &tz)
{
    beginResetModel();
    m_tz = tz.isValid() ? tz : businessTimeZone();
    computeDays();
    endResetModel();
}

QStringList AppointmentModel::statuses() const
{
    QStringList s;
    for (const Appointment &a : m_rows) {
        if (!a.status.isEmpty() && !s.contains(a.status))
            s << a.status;
    }
    s.sort();
    return s;
}

QHash<QDate, int> AppointmentModel::countsPerDay() const
{
    QHash<QDate, int> c;
    for (const QDate &d : m_days) {
        if (d.isValid())
            ++c[d];
    }
    return c;
}

int AppointmentModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int AppointmentModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AppointmentModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Appointment &a = m_rows[index.row()];
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Start: return fmt(a.startsAt, m_tz);
        case End: return a.endsAt.isValid() ? a.endsAt.toTimeZone(m_tz).toString(QStringLiteral("HH:mm")) : QString();
        case Client: return a.organization.isEmpty() ? a.clientName : QStringLiteral("%1 (%2)").arg(a.clientName, a.organization);
        case Email: return a.clientEmail;
        case Service: return a.service;
        case Status: return a.status;
        case Notes: return QString(a.notes).replace(QLatin1Char('\n'), QStringLiteral(" ⏎ "));
        }
        break;
    case Qt::ToolTipRole:
        if (index.column() == Start || index.column() == End) {
            const QDateTime &t = index.column() == Start ? a.startsAt : a.endsAt;
            if (!t.isValid())
                return {};
            return QStringLiteral("%1 (%2)\nYour local time: %3")
                .arg(fmt(t, m_tz), QString::fromUtf8(m_tz.id()), t.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")));
        }
        if (index.column() == Notes)
            return a.notes;
        break;
    case Qt::EditRole:
        if (index.column() == Start)
            return a.startsAt;
        if (index.column() == End)
            return a.endsAt;
        return data(index, Qt::DisplayRole);
    case RecordIndexRole: return index.row();
    case StartInstantRole: return a.startsAt;
    case StatusRole: return a.status;
    case SearchTextRole:
        return QStringList{a.clientName, a.clientEmail, a.service, a.notes, a.organization}.join(QLatin1Char('\n'));
    default: break;
    }
    return {};
}

QVariant AppointmentModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Start: return tr("Start");
    case End: return tr("End");
    case Client: return tr("Client");
    case Email: return tr("Email");
    case Service: return tr("Service");
    case Status: return tr("Status");
    case Notes: return tr("Notes");
    }
    return {};
}

AppointmentFilterModel::AppointmentFilterModel(QObject *parent) : QSortFilterProxyModel(parent)
{
    setSortRole(Qt::EditRole);
}

void AppointmentFilterModel::setRange(Range range)
{
    m_range = range;
    m_day = {};
    refilter();
}

void AppointmentFilterModel::setDay(const QDate &day)
{
    m_day = day;
    refilter();
}

void AppointmentFilterModel::setSearchText(const QString &text)
{
    m_words = text.simplified().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    refilter();
}

void AppointmentFilterModel::setStatus(const QString &status)
{
    m_status = status;
    refilter();
}

void AppointmentFilterModel::setNow(const QDateTime &now)
{
    m_fixedNow = now;
    refilter();
}

QDateTime AppointmentFilterModel::now() const
{
    return m_fixedNow.isValid() ? m_fixedNow : QDateTime::currentDateTimeUtc();
}

void AppointmentFilterModel::refilter()
{
    m_today = {};
    if (const auto *m = qobject_cast<const AppointmentModel *>(sourceModel()))
        m_today = now().toTimeZone(m->timeZone()).date();
    // Qt 6.4 has no begin/endFilterChange; invalidateFilter re-runs filterAcceptsRow.
    invalidateFilter();
}

bool AppointmentFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const auto *m = qobject_cast<const AppointmentModel *>(sourceModel());
    if (!m)
        return true;
    const Appointment *a = m->at(sourceRow);
    if (!a)
        return false;
    Q_UNUSED(sourceParent);
    if (!m_status.isEmpty() && a->status != m_status)
        return false;
    const QDateTime n = now();
    const QDate today = m_today.isValid() ? m_today : n.toTimeZone(m->timeZone()).date();
    const QDate day = m->businessDay(sourceRow);
    if (m_day.isValid()) {
        if (day != m_day)
            return false;
    } else {
        switch (m_range) {
        case Range::All: break;
        case Range::Today:
            if (day != today)
                return false;
            break;
        case Range::ThisWeek: {
            const QDate monday = today.addDays(1 - today.dayOfWeek());
            if (day < monday || day > monday.addDays(6))
                return false;
            break;
        }
        case Range::Upcoming:
            if (a->startsAt < n)
                return false;
            break;
        case Range::Past:
            if (a->startsAt >= n)
                return false;
            break;
        }
    }
    for (const QString &w : m_words) {
        if (!a->clientName.contains(w, Qt::CaseInsensitive) && !a->clientEmail.contains(w, Qt::CaseInsensitive) &&
            !a->service.contains(w, Qt::CaseInsensitive) && !a->notes.contains(w, Qt::CaseInsensitive) &&
            !a->organization.contains(w, Qt::CaseInsensitive))
            return false;
    }
    return true;
}

} // namespace vigia::db
