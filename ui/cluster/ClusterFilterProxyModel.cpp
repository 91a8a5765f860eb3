#include "cluster/ClusterFilterProxyModel.h"

#include "cluster/KeyedTableModel.h"

namespace vigia::cluster {

ClusterFilterProxyModel::ClusterFilterProxyModel(QObject *parent) : QSortFilterProxyModel(parent)
{
    setSortRole(SortRole);
    setSortCaseSensitivity(Qt::CaseInsensitive);
    // Rows re-sort as they change: a pod turning red moves up without a reset.
    setDynamicSortFilter(true);
}

void ClusterFilterProxyModel::setText(const QString &text)
{
    if (text == m_text)
        return;
    m_text = text;
    invalidateFilter();
}

void ClusterFilterProxyModel::setNamespace(const QString &ns)
{
    if (ns == m_namespace)
        return;
    m_namespace = ns;
    invalidateFilter();
}

void ClusterFilterProxyModel::setHideSystem(bool hide)
{
    if (hide == m_hideSystem)
        return;
    m_hideSystem = hide;
    invalidateFilter();
}

void ClusterFilterProxyModel::setProblemsFirst(bool on)
{
    if (on == m_problemsFirst)
        return;
    m_problemsFirst = on;
    invalidate();
}

bool ClusterFilterProxyModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QAbstractItemModel *m = sourceModel();
    if (!m)
        return false;
    const QString ns = m->index(sourceRow, 0, sourceParent).data(NamespaceRole).toString();
    if (!ns.isEmpty()) {
        if (!m_namespace.isEmpty() && ns != m_namespace)
            return false;
        if (m_namespace.isEmpty() && m_hideSystem && ns == QLatin1String("kube-system"))
            return false;
    }
    if (m_text.isEmpty())
        return true;
    const int cols = m->columnCount(sourceParent);
    for (int c = 0; c < cols; ++c) {
        if (m->index(sourceRow, c, sourceParent)
                .data(Qt::DisplayRole)
                .toString()
                .contains(m_text, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

bool ClusterFilterProxyModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    if (m_problemsFirst) {
        const int a = left.data(SeverityRole).toInt();
        const int b = right.data(SeverityRole).toInt();
        if (a != b) // problems first whichever way the column is sorted
            return sortOrder() == Qt::AscendingOrder ? a < b : a > b;
    }
    const QVariant l = left.data(SortRole);
    const QVariant r = right.data(SortRole);
    if (l.typeId() == QMetaType::QString || r.typeId() == QMetaType::QString)
        return QString::compare(l.toString(), r.toString(), Qt::CaseInsensitive) < 0;
    return QVariant::compare(l, r) == QPartialOrdering::Less;
}

} // namespace vigia::cluster
