#include "db/AppointmentModel.h"

#include "db/SnapshotReader.h"
#include "db/SqlQuote.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

namespace vigia::db {

namespace {
QString fmt(const QDateTime &dt, const QTimeZone &tz)
{
    return dt.isValid() ? dt.toTimeZone(tz).toString(QStringLiteral("yyyy-MM-dd HH:mm")) : QString();
}
} // namespace

AppointmentModel::AppointmentModel(QObject *parent) : QAbstractTableModel(parent), m_tz(businessTimeZone()) {}

AppointmentModel::~AppointmentModel()
{
    if (m_watcher) {
        m_cancel->store(true);
        m_watcher->waitForFinished();
    }
    if (m_previewWatcher)
        m_previewWatcher->waitForFinished();
    sqlconn::close(m_connection);
}

Result<QList<Appointment>> AppointmentModel::previewRows(const QString &dbPath, const AppointmentMapping &m,
                                                         const QDateTime &now, const QTimeZone &tz,
                                                         bool upcoming, int limit)
{
    if (!m.isUsable())
        return makeError(QCoreApplication::translate("AppointmentModel", "Map the start and client columns first."), {},
                         QStringLiteral("db.unmapped"));
    ScopedSqlConnection c(dbPath);
    if (!c.isOpen())
        return makeError(QCoreApplication::translate("AppointmentModel", "Could not open the snapshot."), c.errorText(),
                         QStringLiteral("db.query-failed"));
    const QString start = sqlQuoteIdentifier(m.start);
    const QString table = sqlQuoteIdentifier(m.table);
    QSqlQuery q(QSqlDatabase::database(c.name()));
    q.setForwardOnly(true);
    // The bare column in WHERE and ORDER BY, so an index on it serves the page without a scan.
    // Integer columns hold unix seconds; text ones local ISO time (the scheduler's), which sorts
    // like the instant except in the repeated hour of a DST change; the index corrects that.
    QVariant from;
    if (upcoming) {
        bool integer = false;
        if (q.exec(
                QStringLiteral("SELECT typeof(%1) FROM %2 WHERE %1 IS NOT NULL LIMIT 1").arg(start, table)) &&
            q.next())
            integer = q.value(0).toString() == QLatin1String("integer");
        from = integer ? QVariant(now.toSecsSinceEpoch())
                       : QVariant(now.toTimeZone(tz).toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss")));
    }
    const QString sql = QStringLiteral("SELECT %1 FROM %2 WHERE %3 IS NOT NULL%4 ORDER BY %3 LIMIT %5")
                            .arg(SnapshotReader::appointmentSelectList(m), table, start,
                                 upcoming ? QStringLiteral(" AND %1 >= ?").arg(start) : QString())
                            .arg(limit);
    if (!q.prepare(sql))
        return makeError(QCoreApplication::translate("AppointmentModel", "Could not read appointments."), q.lastError().text(),
                         QStringLiteral("db.query-failed"));
    if (upcoming)
        q.addBindValue(from);
    if (!q.exec())
        return makeError(QCoreApplication::translate("AppointmentModel", "Could not read appointments."), q.lastError().text(),
                         QStringLiteral("db.query-failed"));
    QList<Appointment> out;
    while (q.next())
        out << SnapshotReader::appointmentFromQuery(q);
    return out;
}

void AppointmentModel::clear()
{
    beginResetModel();
    m_index.reset();
    m_preview.clear();
    m_records.clear();
    m_match.clear();
    m_pages.clear();
    sqlconn::close(m_connection);
    m_connection.clear();
    m_dbPath.clear();
    endResetModel();
}

void AppointmentModel::setAppointments(QList<Appointment> rows)
{
    if (m_watcher) {
        m_cancel->store(true);
        m_watcher->disconnect(this);
        m_watcher->deleteLater();
        m_watcher = nullptr;
    }
    sqlconn::close(m_connection);
    m_connection.clear();
    m_dbPath.clear();
    m_records = std::move(rows);
    setIndex(AppointmentIndex::fromRecords(m_records));
}

void AppointmentModel::openSnapshot(const QString &dbPath, const AppointmentMapping &mapping)
{
    if (m_watcher) {
        m_cancel->store(true);
        m_watcher->disconnect(this);
        m_watcher->deleteLater();
    }
    m_cancel = std::make_shared<std::atomic<bool>>(false);
    m_watcher = new QFutureWatcher<AppointmentIndexBuild>(this);
    connect(m_watcher, &QFutureWatcherBase::finished, this, [this, dbPath, mapping, w = m_watcher] {
        if (w != m_watcher)
            return;
        const AppointmentIndexBuild built = w->result();
        w->deleteLater();
        m_watcher = nullptr;
        if (!built.index) {
            emit loaded(false, built.error.toString());
            return;
        }
        QString err;
        const QString conn = sqlconn::open(dbPath, QStringLiteral("agenda"), true, &err);
        if (conn.isEmpty()) {
            emit loaded(false, err);
            return;
        }
        sqlconn::close(m_connection);
        m_connection = conn;
        m_dbPath = dbPath;
        m_mapping = mapping;
        m_records.clear();
        setIndex(built.index);
        emit loaded(true, {});
    });
    // The first page first, when nothing is shown yet and the agenda is unfiltered.
    if (!m_index && !m_day.isValid() && m_search.trimmed().isEmpty() && m_status.isEmpty() &&
        (m_range == Range::Upcoming || m_range == Range::All) && !m_previewWatcher) {
        const bool upcoming = m_range == Range::Upcoming;
        m_previewWatcher = new QFutureWatcher<QList<Appointment>>(this);
        connect(m_previewWatcher, &QFutureWatcherBase::finished, this, [this, w = m_previewWatcher] {
            w->deleteLater();
            m_previewWatcher = nullptr;
            if (m_index || !m_watcher)
                return; // the index won the race, or the load was replaced
            beginResetModel();
            m_preview = w->result();
            endResetModel();
        });
        m_previewWatcher->setFuture(QtConcurrent::run([dbPath, mapping, at = now(), tz = m_tz, upcoming] {
            auto r = previewRows(dbPath, mapping, at, tz, upcoming);
            return r ? r.value() : QList<Appointment>();
        }));
    }
    // The index reads the whole table once: off the GUI thread, cancellable.
    m_watcher->setFuture(QtConcurrent::run([dbPath, mapping, cancel = m_cancel] {
        auto r = AppointmentIndex::fromSnapshot(dbPath, mapping, cancel.get());
        return r ? AppointmentIndexBuild{r.value(), {}} : AppointmentIndexBuild{nullptr, r.error()};
    }));
}

void AppointmentModel::setIndex(std::shared_ptr<const AppointmentIndex> index)
{
    m_index = std::move(index);
    refilter();
}

void AppointmentModel::setTimeZone(const QTimeZone &tz)
{
    m_tz = tz.isValid() ? tz : businessTimeZone();
    refilter();
}

QStringList AppointmentModel::statuses() const
{
    return m_index ? m_index->statuses() : QStringList();
}

QHash<QDate, int> AppointmentModel::countsPerDay() const
{
    return m_index ? m_index->countsPerDay(m_tz) : QHash<QDate, int>();
}

QDate AppointmentModel::businessDay(int row) const
{
    const int e = entryAt(row);
    if (e < 0 || m_index->entry(e).start == AppointmentIndex::kNoStart)
        return {};
    return AppointmentIndex::dayIn(m_index->entry(e).start, m_tz);
}

void AppointmentModel::setRange(Range range)
{
    m_range = range;
    m_day = {};
    refilter();
}

void AppointmentModel::setDay(const QDate &day)
{
    m_day = day;
    refilter();
}

void AppointmentModel::setSearchText(const QString &text)
{
    m_search = text;
    refilter();
}

void AppointmentModel::setStatus(const QString &status)
{
    m_status = status;
    refilter();
}

void AppointmentModel::setNow(const QDateTime &now)
{
    m_fixedNow = now;
    refilter();
}

QDateTime AppointmentModel::now() const
{
    return m_fixedNow.isValid() ? m_fixedNow : QDateTime::currentDateTimeUtc();
}

void AppointmentModel::sort(int column, Qt::SortOrder order)
{
    m_sortColumn = column;
    m_sortOrder = order;
    refilter();
}

void AppointmentModel::refilter()
{
    beginResetModel();
    if (m_index)
        m_preview.clear();
    m_pages.clear();
    m_match.clear();
    if (m_index) {
        AppointmentFilter f;
        const QDateTime n = now();
        const QDate today = n.toTimeZone(m_tz).date();
        auto dayStart = [this](const QDate &d) { return d.startOfDay(m_tz).toSecsSinceEpoch(); };
        if (m_day.isValid()) {
            f.from = dayStart(m_day);
            f.to = dayStart(m_day.addDays(1));
        } else {
            switch (m_range) {
            case Range::All:
                break;
            case Range::Today:
                f.from = dayStart(today);
                f.to = dayStart(today.addDays(1));
                break;
            case Range::ThisWeek: {
                const QDate monday = today.addDays(1 - today.dayOfWeek());
                f.from = dayStart(monday);
                f.to = dayStart(monday.addDays(7));
                break;
            }
            case Range::Upcoming:
                f.from = n.toSecsSinceEpoch();
                break;
            case Range::Past:
                f.to = n.toSecsSinceEpoch();
                break;
            }
        }
        if (!m_status.isEmpty())
            f.status = m_index->statusCode(m_status) >= 0 ? m_index->statusCode(m_status)
                                                          : int(m_index->statuses().size());
        f.words = AppointmentIndex::words(m_search);
        m_match = m_index->match(f);
        const AppointmentIndex &ix = *m_index;
        if (m_sortColumn == Client) {
            std::stable_sort(m_match.begin(), m_match.end(),
                             [&ix](int a, int b) { return ix.clientKey(a) < ix.clientKey(b); });
        } else if (m_sortColumn == Status) {
            std::stable_sort(m_match.begin(), m_match.end(),
                             [&ix](int a, int b) { return ix.entry(a).status < ix.entry(b).status; });
        }
        if (m_sortOrder == Qt::DescendingOrder)
            std::reverse(m_match.begin(), m_match.end());
    }
    endResetModel();
}

int AppointmentModel::entryAt(int row) const
{
    return row >= 0 && row < m_match.size() ? m_match[row] : -1;
}

bool AppointmentModel::fetchPage(int page) const
{
    const int first = page * kPageSize;
    const int last = std::min<int>(int(m_match.size()), first + kPageSize);
    if (first >= last || m_connection.isEmpty())
        return false;
    // Keys are integers from the index, so they go into the SQL as numbers (no quoting to get wrong).
    QStringList keys;
    keys.reserve(last - first);
    for (int r = first; r < last; ++r)
        keys << QString::number(m_index->entry(m_match[r]).key);
    const QString key = m_index->keyColumn() == QLatin1String("rowid")
                            ? QStringLiteral("rowid")
                            : sqlQuoteIdentifier(m_index->keyColumn());
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT %1, %2 FROM %3 WHERE %1 IN (%4)")
                    .arg(key, SnapshotReader::appointmentSelectList(m_mapping),
                         sqlQuoteIdentifier(m_mapping.table), keys.join(QLatin1Char(',')))))
        return false;
    QHash<qint64, Appointment> byKey;
    byKey.reserve(last - first);
    while (q.next())
        byKey.insert(q.value(0).toLongLong(), SnapshotReader::appointmentFromQuery(q, 1));
    auto *rows = new QVector<Appointment>(last - first);
    for (int r = first; r < last; ++r)
        (*rows)[r - first] = byKey.value(m_index->entry(m_match[r]).key);
    m_recordsFetched += last - first;
    m_pages.insert(page, rows);
    return true;
}

const Appointment *AppointmentModel::at(int row) const
{
    if (!m_index)
        return row >= 0 && row < m_preview.size() ? &m_preview[row] : nullptr;
    const int e = entryAt(row);
    if (e < 0)
        return nullptr;
    if (m_dbPath.isEmpty()) {
        const qint64 k = m_index->entry(e).key;
        return k >= 0 && k < m_records.size() ? &m_records[k] : nullptr;
    }
    const int page = row / kPageSize;
    if (!m_pages.contains(page) && !fetchPage(page))
        return nullptr;
    const QVector<Appointment> *rows = m_pages.object(page);
    return rows ? &rows->at(row % kPageSize) : nullptr;
}

int AppointmentModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_index ? int(m_match.size()) : int(m_preview.size());
}

int AppointmentModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AppointmentModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    if (role == RecordIndexRole)
        return index.row();
    if (role == StartInstantRole && !m_index) {
        const Appointment *p = at(index.row());
        return p ? p->startsAt : QDateTime();
    }
    if (role == StartInstantRole) {
        const qint64 t = m_index->entry(m_match[index.row()]).start;
        return t == AppointmentIndex::kNoStart ? QDateTime()
                                               : QDateTime::fromSecsSinceEpoch(t, QTimeZone::utc());
    }
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole && role != Qt::EditRole && role != StatusRole &&
        role != SearchTextRole)
        return {};
    const Appointment *ap = at(index.row());
    if (!ap)
        return {};
    const Appointment &a = *ap;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Start:
            return fmt(a.startsAt, m_tz);
        case End:
            return a.endsAt.isValid() ? a.endsAt.toTimeZone(m_tz).toString(QStringLiteral("HH:mm"))
                                      : QString();
        case Client:
            return a.organization.isEmpty() ? a.clientName
                                            : QStringLiteral("%1 (%2)").arg(a.clientName, a.organization);
        case Email:
            return a.clientEmail;
        case Service:
            return a.service;
        case Status:
            return a.status;
        case Notes:
            return QString(a.notes).replace(QLatin1Char('\n'), QStringLiteral(" ⏎ "));
        }
        break;
    case Qt::ToolTipRole:
        if (index.column() == Start || index.column() == End) {
            const QDateTime &t = index.column() == Start ? a.startsAt : a.endsAt;
            if (!t.isValid())
                return {};
            return tr("%1 (%2)\nYour local time: %3")
                .arg(fmt(t, m_tz), QString::fromUtf8(m_tz.id()),
                     t.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")));
        }
        if (index.column() == Notes)
            return a.notes;
        break;
    case Qt::EditRole:
        if (index.column() == Start)
            return a.startsAt;
        if (index.column() == End)
            return a.endsAt;
        if (index.column() == Notes)
            return a.notes;
        return data(index, Qt::DisplayRole);
    case StatusRole:
        return a.status;
    case SearchTextRole:
        return QStringList{a.clientName, a.clientEmail, a.service, a.notes, a.organization}.join(
            QLatin1Char('\n'));
    default:
        break;
    }
    return {};
}

QVariant AppointmentModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Start:
        return tr("Start");
    case End:
        return tr("End");
    case Client:
        return tr("Client");
    case Email:
        return tr("Email");
    case Service:
        return tr("Service");
    case Status:
        return tr("Status");
    case Notes:
        return tr("Notes");
    }
    return {};
}

} // namespace vigia::db
