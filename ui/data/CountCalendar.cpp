#include "data/CountCalendar.h"

#include <QPainter>

namespace vigia::ui {

CountCalendar::CountCalendar(QWidget *parent) : QCalendarWidget(parent)
{
    setGridVisible(false);
    setVerticalHeaderFormat(QCalendarWidget::NoVerticalHeader);
    setFirstDayOfWeek(Qt::Monday);
}

void CountCalendar::setCounts(const QHash<QDate, int> &counts)
{
    m_counts = counts;
    updateCells();
}

void CountCalendar::paintCell(QPainter *painter, const QRect &rect, QDate date) const
{
    QCalendarWidget::paintCell(painter, rect, date);
    const int n = m_counts.value(date);
    if (n <= 0)
        return;
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    const QString text = n > 99 ? QStringLiteral("99+") : QString::number(n);
    QFont f = painter->font();
    f.setPointSizeF(qMax(6.0, f.pointSizeF() * 0.7));
    f.setBold(true);
    painter->setFont(f);
    const QFontMetrics fm(f);
    const int w = qMax(fm.height(), fm.horizontalAdvance(text) + 6);
    // Bottom-right, clear of the centred day number.
    const QRect badge(rect.right() - w - 1, rect.bottom() - fm.height(), w, fm.height());
    const bool today = date == QDate::currentDate();
    painter->setPen(Qt::NoPen);
    painter->setBrush(today ? QColor(0xd9, 0x5d, 0x1e) : QColor(0x1f, 0x6f, 0xb2));
    painter->drawRoundedRect(badge, badge.height() / 2.0, badge.height() / 2.0);
    painter->setPen(Qt::white);
    painter->drawText(badge, Qt::AlignCenter, text);
    painter->restore();
}

} // namespace vigia::ui
