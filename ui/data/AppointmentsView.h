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
class FilterBar;

class AppointmentsView : public QWidget {
    Q_OBJECT
public:
    explicit AppointmentsView(QWidget *parent = nullptr);
    void setAppointments(QList<db::Appointment> rows);
    // A local snapshot, read lazily (the index builds in the background; loaded() follows).
    void openSnapshot(const QString &dbPath, const db::AppointmentMapping &mapping);
    void setTimeZone(const QTimeZone &tz);
    db::AppointmentModel *model() const { return m_model; }
    FilterBar *filterBar() const { return m_bar; }
    QComboBox *rangeBox() const { return m_range; }
    CountCalendar *calendar() const { return m_calendar; }
    QTableView *table() const { return m_table; }
    QLineEdit *searchField() const;
    void selectDay(const QDate &day);
    void clearDay();
    Result<qint64> exportCsv(const QString &path);

signals:
    void loaded(bool ok, const QString &error);

private:
    void onLoaded();
    void updateCount();
    void showDetail();
    db::AppointmentModel *m_model;
    FilterBar *m_bar;
    QComboBox *m_range;
    QLabel *m_zone;
    QToolButton *m_dayChip;
    QTableView *m_table;
    CountCalendar *m_calendar;
    QTextBrowser *m_detail;
};

} // namespace vigia::ui
