#pragma once
// Nodes: readiness, roles, version, capacity, allocatable and usage (metrics.k8s.io).
#include "cluster/KeyedTableModel.h"
#include "kube/ClusterTypes.h"

namespace vigia::cluster {

class NodeListModel : public KeyedTableModel<kube::NodeInfo> {
public:
    enum Column { Name, Status, Roles, Version, Cpu, Memory, Capacity, Allocatable, Age, ColumnCount };

    using KeyedTableModel::KeyedTableModel;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // Without metrics-server the usage columns show "—" with this explanation.
    void setMetricsProblem(const QString &problem);
    int problemCount() const;

private:
    QString m_metricsProblem;
};

} // namespace vigia::cluster
