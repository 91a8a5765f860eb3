#pragma once
// The agenda: range (today, this week, upcoming, past), search, status filter,
// a month calendar with a count per day (clicking a day filters to it), the
// list, and a detail pane. Times in the business zone; local time in tooltips.
#include "core/Result.h"
#include "db/AppointmentModel.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QTableView;
class QTextBrowser;
class QToolButton;

namespace vigia::ui {

class CountCalendar;

class AppointmentsView : public QWidget {
    Q_OBJECT
public:
    explicit AppointmentsView(QWidget *parent = nullptr);
    void setAppointments(QList<db::Appointment> rows);
    void setTimeZone(const QTimeZone &tz);
    db::AppointmentModel *model() const { return m_model; }
    db::AppointmentFilterModel *proxy() const { return m_proxy; }
    CountCalendar *calendar() const { return m_calendar; }
    QTableView *table() const { return m_table; }
    QLineEdit *searchField() const { return m_search; }
    void selectDay(const QDate &day);
    void clearDay();
    Result<qint64> exportCsv(const QString &path);

private:
    void refreshStatuses();
    void updateCount();
    void showDetail();
    db::AppointmentModel *m_model;
    db::AppointmentFilterModel *m_proxy;
    QComboBox *m_range;
    QLineEdit *m_search;
    QComboBox *m_status;
    QLabel *m_count;
    QLabel *m_zone;
    QToolButton *m_dayChip;
    QTableView *m_table;
    CountCalendar *m_calendar;
    QTextBrowser *m_detail;
};

} // namespace vigia::ui
