#pragma once
// Deployments, StatefulSets and DaemonSets as a table, updated in place by key.
#include "cluster/KeyedTableModel.h"
#include "kube/ClusterTypes.h"

namespace vigia::cluster {

class DeploymentListModel : public KeyedTableModel<kube::WorkloadInfo> {
public:
    enum Column { Namespace, Name, Kind, Status, Ready, UpToDate, Available, Age, Images, ColumnCount };

    using KeyedTableModel::KeyedTableModel;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    int problemCount() const;
};

} // namespace vigia::cluster
