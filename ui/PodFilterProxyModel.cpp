#include "PodFilterProxyModel.h"

#include "PodListModel.h"

namespace vigia {

PodFilterProxyModel::PodFilterProxyModel(QObject *parent) : QSortFilterProxyModel(parent)
{
    setSortRole(PodListModel::SortRole);
    // What filterAcceptsRow() reads: a dataChanged without this role (or the sort
    // role) is repainted without re-filtering or re-sorting.
    setFilterRole(PodListModel::FilterTextRole);
    setSortCaseSensitivity(Qt::CaseInsensitive);
    setSortLocaleAware(true);
    // Re-sort and re-filter when rows change in place (live updates).
    setDynamicSortFilter(true);
}

void PodFilterProxyModel::setFilterText(const QString &text)
{
    const QStringList words = text.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (words == m_words)
        return;
    // Qt 6.4 has no begin/endFilterChange; invalidateFilter() keeps the sort.
    m_words = words;
    invalidateFilter();
}

void PodFilterProxyModel::setNamespaceChoice(const QString &choice)
{
    const QString next = choice.isEmpty() ? kAll : choice;
    if (next == m_namespace)
        return;
    m_namespace = next;
    invalidateFilter();
}

void PodFilterProxyModel::setProblemsFirst(bool on)
{
    if (m_problemsFirst == on)
        return;
    m_problemsFirst = on;
    invalidate();
}

bool PodFilterProxyModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex idx = sourceModel()->index(sourceRow, PodListModel::Namespace, sourceParent);
    if (m_namespace != kAll) {
        const QString ns = idx.data().toString();
        if (m_namespace == kAllButSystem ? ns == QLatin1String("kube-system") : ns != m_namespace)
            return false;
    }
    if (m_words.isEmpty())
        return true;
    const QString hay = idx.data(PodListModel::FilterTextRole).toString();
    for (const QString &w : m_words) {
        if (!hay.contains(w, Qt::CaseInsensitive))
            return false;
    }
    return true;
}

bool PodFilterProxyModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    if (m_problemsFirst || left.column() == PodListModel::Status) {
        const int ls = left.data(PodListModel::SeverityRole).toInt();
        const int rs = right.data(PodListModel::SeverityRole).toInt();
        if (ls != rs) {
            // The view reverses lessThan for a descending sort; undo that for
            // severity so problems stay on top when problems-first is on.
            const bool descending = sortOrder() == Qt::DescendingOrder;
            if (m_problemsFirst && descending)
                return ls > rs;
            return ls < rs;
        }
    }
    const QVariant l = left.data(sortRole());
    const QVariant r = right.data(sortRole());
    const int c = QVariant::compare(l, r) == QPartialOrdering::Less      ? -1
                  : QVariant::compare(l, r) == QPartialOrdering::Greater ? 1
                                                                         : 0;
    if (l.typeId() == QMetaType::QString && r.typeId() == QMetaType::QString) {
        const int sc = l.toString().localeAwareCompare(r.toString());
        if (sc != 0)
            return sc < 0;
    } else if (c != 0) {
        return c < 0;
    }
    // Stable, readable tie-break: namespace then name.
    const QString lk = left.data(PodListModel::KeyRole).toString();
    const QString rk = right.data(PodListModel::KeyRole).toString();
    return lk < rk;
}

} // namespace vigia
