#pragma once
// Paints a QStringList role as rounded tags ("sitio web" "SEO").
#include <QStyledItemDelegate>

namespace vigia::ui {

class TagDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    explicit TagDelegate(int tagsRole, QObject *parent = nullptr);
    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

private:
    int m_role;
};

} // namespace vigia::ui
