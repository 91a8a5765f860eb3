#include "data/TagDelegate.h"

#include "ThemePalette.h"

#include <QApplication>
#include <QPainter>

namespace vigia::ui {

TagDelegate::TagDelegate(int tagsRole, QObject *parent) : QStyledItemDelegate(parent), m_role(tagsRole) {}

static QColor tagColor(const QString &tag, bool dark)
{
    // Stable per tag, so "SEO" always has the same colour; on dark, a deep tint
    // under light text instead of a pastel pill that glares.
    const int hue = int(qHash(tag, 7u) % 360u);
    return dark ? QColor::fromHsl(hue, 70, 62) : QColor::fromHsl(hue, 120, 225);
}

void TagDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    opt.text.clear();
    const QWidget *w = option.widget;
    QStyle *style = w ? w->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, w);
    const QStringList tags = index.data(m_role).toStringList();
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    QFont f = option.font;
    f.setPointSizeF(f.pointSizeF() * 0.9);
    painter->setFont(f);
    const QFontMetrics fm(f);
    int x = option.rect.left() + 3;
    const int h = fm.height() + 2;
    const int y = option.rect.top() + (option.rect.height() - h) / 2;
    for (const QString &t : tags) {
        const int tw = fm.horizontalAdvance(t) + 12;
        if (x + tw > option.rect.right())
            break;
        const QRect r(x, y, tw, h);
        painter->setPen(Qt::NoPen);
        const bool dark = ThemePalette::isDark(option.palette);
        painter->setBrush(tagColor(t, dark));
        painter->drawRoundedRect(r, h / 2.0, h / 2.0);
        painter->setPen(dark ? QColor(0xe6, 0xe6, 0xe6) : QColor(0x20, 0x20, 0x20));
        painter->drawText(r, Qt::AlignCenter, t);
        x += tw + 4;
    }
    painter->restore();
}

QSize TagDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const QFontMetrics fm(option.font);
    int w = 6;
    for (const QString &t : index.data(m_role).toStringList())
        w += fm.horizontalAdvance(t) + 16;
    return {w, fm.height() + 8};
}

} // namespace vigia::ui
