#pragma once
// A table of value rows keyed by a stable id (uid or namespace/name). setItems()
// applies a new list in place: rows that went away are removed, rows that
// changed get dataChanged, new rows are inserted at the end. Never a reset per
// update, so selection, scroll and expanded details survive live updates.
// Order is the proxy's business (ClusterFilterProxyModel sorts).
#include <QAbstractTableModel>
#include <QHash>
#include <QList>
#include <QSet>

namespace vigia::cluster {

// Roles shared by the cluster models and the filter proxy.
enum ClusterRole {
    KeyRole = Qt::UserRole + 1, // QString: the row's key
    SeverityRole,               // int (vigia::Severity): lower is worse
    NamespaceRole,              // QString: empty for cluster-scoped rows
    SortRole,                   // raw value for sorting (numbers, times)
    ProblemRole,                // bool: a person should look at this row
};

template <typename T> class KeyedTableModel : public QAbstractTableModel {
public:
    using QAbstractTableModel::QAbstractTableModel;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override
    {
        return parent.isValid() ? 0 : int(m_rows.size());
    }

    const QList<T> &items() const { return m_rows; }
    const T *itemAt(int row) const { return row >= 0 && row < m_rows.size() ? &m_rows.at(row) : nullptr; }
    int rowOfKey(const QString &key) const { return m_index.value(key, -1); }

    void setItems(const QList<T> &items)
    {
        QHash<QString, qsizetype> incoming;
        incoming.reserve(items.size());
        for (qsizetype i = 0; i < items.size(); ++i)
            incoming.insert(items.at(i).key(), i);

        // 1. Removals, from the end, in contiguous runs.
        for (qsizetype r = m_rows.size() - 1; r >= 0;) {
            if (incoming.contains(m_rows.at(r).key())) {
                --r;
                continue;
            }
            qsizetype first = r;
            while (first > 0 && !incoming.contains(m_rows.at(first - 1).key()))
                --first;
            beginRemoveRows(QModelIndex(), int(first), int(r));
            m_rows.remove(first, r - first + 1);
            endRemoveRows();
            r = first - 1;
        }
        // 2. Changes in place, signalled in contiguous runs.
        QSet<QString> present;
        qsizetype runStart = -1;
        for (qsizetype r = 0; r < m_rows.size(); ++r) {
            const QString key = m_rows.at(r).key();
            present.insert(key);
            const T &next = items.at(incoming.value(key));
            const bool changed = !(m_rows.at(r) == next);
            if (changed) {
                m_rows[r] = next;
                if (runStart < 0)
                    runStart = r;
            }
            if ((!changed || r == m_rows.size() - 1) && runStart >= 0) {
                const qsizetype last = changed ? r : r - 1;
                emit dataChanged(index(int(runStart), 0), index(int(last), columnCount() - 1));
                runStart = -1;
            }
        }
        // 3. New rows at the end.
        QList<T> added;
        for (const T &item : items)
            if (!present.contains(item.key()))
                added << item;
        if (!added.isEmpty()) {
            beginInsertRows(QModelIndex(), int(m_rows.size()), int(m_rows.size() + added.size() - 1));
            m_rows += added;
            endInsertRows();
        }
        m_index.clear();
        for (qsizetype i = 0; i < m_rows.size(); ++i)
            m_index.insert(m_rows.at(i).key(), int(i));
    }

    // Time-relative columns (ages) change without new data.
    void refreshColumn(int column)
    {
        if (!m_rows.isEmpty())
            emit dataChanged(index(0, column), index(int(m_rows.size()) - 1, column), {Qt::DisplayRole});
    }

protected:
    QList<T> m_rows;
    QHash<QString, int> m_index;
};

} // namespace vigia::cluster
