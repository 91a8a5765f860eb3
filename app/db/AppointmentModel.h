#pragma once
// The agenda: appointments as rows, times in the business time zone (the local
// time goes in the tooltip), filtered by range (today, this week, upcoming,
// past), a chosen day, a search over name/email/service/notes and a status.
//
// Filtering and sorting happen on an AppointmentIndex (compact, in start order),
// never on records: a snapshot's rows are read by key only for the pages the
// view shows, so a million-row database costs one page per screenful. Small
// in-memory sets (setAppointments) go through the same index.
#include "db/AppointmentIndex.h"
#include "db/Records.h"

#include <QAbstractTableModel>
#include <QCache>
#include <QFutureWatcher>
#include <QHash>
#include <QTimeZone>

namespace vigia::db {

struct AppointmentIndexBuild {
    std::shared_ptr<const AppointmentIndex> index;
    Error error;
};

class AppointmentModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Start, End, Client, Email, Service, Status, Notes, ColumnCount };
    enum Role { RecordIndexRole = Qt::UserRole + 1, StartInstantRole, StatusRole, SearchTextRole };
    enum class Range { All, Today, ThisWeek, Upcoming, Past };
    static constexpr int kPageSize = 128;

    explicit AppointmentModel(QObject *parent = nullptr);
    ~AppointmentModel() override;

    // A small set held in memory (tests, fixtures). Synchronous.
    void setAppointments(QList<Appointment> rows);
    // A local snapshot: the index is built on a worker thread; loaded() tells when the rows are there.
    void openSnapshot(const QString &dbPath, const AppointmentMapping &mapping);
    bool isLoading() const { return m_watcher != nullptr; }
    // While the first index of a snapshot builds, the first page of the agenda ("upcoming" or
    // "all", unfiltered) is read straight from the table so rows show at once; filters wait.
    bool isPreview() const { return !m_index && !m_preview.isEmpty(); }
    // That page: up to LIMIT rows from NOW on (or from the start, when UPCOMING is false), in
    // start order, compared the way the column stores time (unix seconds or local ISO text).
    static Result<QList<Appointment>> previewRows(const QString &dbPath, const AppointmentMapping &mapping,
                                                  const QDateTime &now, const QTimeZone &tz, bool upcoming,
                                                  int limit = kPageSize);
    QString snapshotPath() const { return m_dbPath; }
    AppointmentMapping mapping() const { return m_mapping; }
    void clear();

    // Row R's record (its page is read on demand). The pointer lives until the next call.
    const Appointment *at(int row) const;
    void setTimeZone(const QTimeZone &tz);
    QTimeZone timeZone() const { return m_tz; }
    QStringList statuses() const;
    // Appointments per business-zone day, for the month calendar (all rows, not just the filtered).
    QHash<QDate, int> countsPerDay() const;
    // Row R's start date in the business zone.
    QDate businessDay(int row) const;
    int totalCount() const { return m_index ? int(m_index->size()) : 0; }
    // Records read from the snapshot so far (proof the list stays lazy).
    qint64 recordsFetched() const { return m_recordsFetched; }

    // Filters. Each re-runs the match on the index (milliseconds, even for a million rows).
    void setRange(Range range); // clears the day
    Range range() const { return m_range; }
    void setDay(const QDate &day); // null: no day filter; set: overrides the range
    QDate day() const { return m_day; }
    void setSearchText(const QString &text);
    QString searchText() const { return m_search; }
    void setStatus(const QString &status); // empty: all
    void setNow(const QDateTime &now);     // tests; default: the clock at each filter change

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    // Start (and End) sort by time, Client by name, Status by status; others by time.
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

signals:
    void loaded(bool ok, const QString &error);

private:
    void setIndex(std::shared_ptr<const AppointmentIndex> index);
    void refilter();
    int entryAt(int row) const;
    const Appointment *record(int entry) const;
    bool fetchPage(int page) const;
    QDateTime now() const;

    std::shared_ptr<const AppointmentIndex> m_index;
    QList<Appointment> m_records; // in-memory mode
    QString m_dbPath;
    AppointmentMapping m_mapping;
    QString m_connection;
    QFutureWatcher<AppointmentIndexBuild> *m_watcher = nullptr;
    std::shared_ptr<std::atomic<bool>> m_cancel;
    QVector<int> m_match;
    QList<Appointment> m_preview;
    QFutureWatcher<QList<Appointment>> *m_previewWatcher = nullptr;
    mutable QCache<int, QVector<Appointment>> m_pages{64}; // page number (of m_match order) -> records
    mutable qint64 m_recordsFetched = 0;
    mutable Appointment m_scratch;
    QTimeZone m_tz;
    Range m_range = Range::All;
    QDate m_day;
    QString m_search;
    QString m_status;
    QDateTime m_fixedNow;
    int m_sortColumn = Start;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
};

} // namespace vigia::db
