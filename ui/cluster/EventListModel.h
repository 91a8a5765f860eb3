#pragma once
// Events, warnings first (through the proxy's problems-first order), live.
#include "cluster/KeyedTableModel.h"
#include "kube/ClusterTypes.h"

namespace vigia::cluster {

class EventListModel : public KeyedTableModel<kube::EventInfo> {
public:
    enum Column { Type, LastSeen, Namespace, Object, Reason, Message, Count, ColumnCount };

    using KeyedTableModel::KeyedTableModel;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    int warningCount() const;
};

} // namespace vigia::cluster
