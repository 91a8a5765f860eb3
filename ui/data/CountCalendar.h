#pragma once
// A month calendar that paints how many appointments fall on each day.
#include <QCalendarWidget>
#include <QHash>

namespace vigia::ui {

class CountCalendar : public QCalendarWidget {
    Q_OBJECT
public:
    explicit CountCalendar(QWidget *parent = nullptr);
    void setCounts(const QHash<QDate, int> &counts);
    int countOn(const QDate &day) const { return m_counts.value(day); }

protected:
    void paintCell(QPainter *painter, const QRect &rect, QDate date) const override;

private:
    QHash<QDate, int> m_counts;
};

} // namespace vigia::ui
