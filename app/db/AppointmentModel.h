#pragma once
// The agenda: appointments as rows, times in the business time zone (the local
// time goes in the tooltip), plus a proxy for the agenda ranges, a chosen day,
// search over name/email/service/notes and a status filter.
#include "db/Records.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QSortFilterProxyModel>
#include <QTimeZone>

namespace vigia::db {

class AppointmentModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Start, End, Client, Email, Service, Status, Notes, ColumnCount };
    enum Role { RecordIndexRole = Qt::UserRole + 1, StartInstantRole, StatusRole, SearchTextRole };

    explicit AppointmentModel(QObject *parent = nullptr);

    void setAppointments(QList<Appointment> rows);
    const QList<Appointment> &appointments() const { return m_rows; }
    const Appointment *at(int row) const { return row >= 0 && row < m_rows.size() ? &m_rows[row] : nullptr; }
    void setTimeZone(const QTimeZone &tz);
    QTimeZone timeZone() const { return m_tz; }
    QStringList statuses() const;
    // Appointments per business-zone day, for the month calendar.
    QHash<QDate, int> countsPerDay() const;
    // The start's date in the business zone (cached: zone conversions are slow).
    QDate businessDay(int row) const { return m_days.value(row); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    void computeDays();
    QList<Appointment> m_rows;
    QVector<QDate> m_days;
    QTimeZone m_tz;
};

class AppointmentFilterModel : public QSortFilterProxyModel {
    Q_OBJECT
public:
    enum class Range { All, Today, ThisWeek, Upcoming, Past };
    explicit AppointmentFilterModel(QObject *parent = nullptr);

    void setRange(Range range);
    Range range() const { return m_range; }
    void setDay(const QDate &day); // null: no day filter; set: overrides the range
    QDate day() const { return m_day; }
    void setSearchText(const QString &text);
    void setStatus(const QString &status); // empty: all
    void setNow(const QDateTime &now);     // tests; default: the clock at each filter change

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QDateTime now() const;
    void refilter();
    Range m_range = Range::All;
    QDate m_day;
    QStringList m_words;
    QString m_status;
    QDateTime m_fixedNow;
    QDate m_today; // per refilter, not per row
};

} // namespace vigia::db
