#include "cluster/NodeListModel.h"

#include "StatusStyle.h"
#include "kube/PodStatus.h"
#include "kube/Quantity.h"
#include <QCoreApplication>

namespace vigia::cluster {

namespace {

const QString kDash = QStringLiteral("\u2014");

Severity nodeSeverity(const kube::NodeInfo &n)
{
    if (!n.ready)
        return Severity::Error;
    return n.problem.isEmpty() ? Severity::Ok : Severity::Warning;
}

QString cpuText(qint64 milli)
{
    return kube::formatCpu(milli * 1000000);
}

QString memText(qint64 bytes)
{
    return kube::formatBytes(bytes);
}

QString usageText(std::optional<qint64> used, qint64 allocatable, bool cpu)
{
    if (!used)
        return kDash;
    const QString v = cpu ? cpuText(*used) : memText(*used);
    if (allocatable <= 0)
        return v;
    return QStringLiteral("%1 (%2%)").arg(v).arg(qRound(100.0 * double(*used) / double(allocatable)));
}

} // namespace

int NodeListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

void NodeListModel::setMetricsProblem(const QString &problem)
{
    if (problem == m_metricsProblem)
        return;
    m_metricsProblem = problem;
    refreshColumn(Cpu);
    refreshColumn(Memory);
}

int NodeListModel::problemCount() const
{
    int n = 0;
    for (const kube::NodeInfo &node : m_rows)
        n += nodeSeverity(node) == Severity::Ok ? 0 : 1;
    return n;
}

QVariant NodeListModel::data(const QModelIndex &index, int role) const
{
    const kube::NodeInfo *n = itemAt(index.row());
    if (!n || index.column() < 0 || index.column() >= ColumnCount)
        return {};
    const Severity sev = nodeSeverity(*n);
    switch (role) {
    case KeyRole:
        return n->key();
    case SeverityRole:
        return int(sev);
    case NamespaceRole:
        return QString();
    case ProblemRole:
        return sev != Severity::Ok;
    default:
        break;
    }
    const int col = index.column();
    if (role == Qt::DisplayRole) {
        switch (col) {
        case Name:
            return n->name;
        case Status:
            if (n->problem.isEmpty() || n->problem == n->status)
                return n->status;
            return QString(n->status + QStringLiteral(" (") + n->problem + QLatin1Char(')'));
        case Roles:
            return n->roles.isEmpty() ? QStringLiteral("<none>") : n->roles.join(QLatin1Char(','));
        case Version:
            return n->version;
        case Cpu:
            return usageText(n->cpuUsageMilli, n->cpuAllocatableMilli, true);
        case Memory:
            return usageText(n->memoryUsageBytes, n->memoryAllocatableBytes, false);
        case Capacity:
            return QCoreApplication::translate("NodeListModel", "%1, %2, %n pods", nullptr, int(n->podsCapacity))
                .arg(cpuText(n->cpuCapacityMilli), memText(n->memoryCapacityBytes));
        case Allocatable:
            return QStringLiteral("%1, %2").arg(cpuText(n->cpuAllocatableMilli),
                                                memText(n->memoryAllocatableBytes));
        case Age:
            return kube::formatAge(n->createdAt, QDateTime::currentDateTimeUtc());
        default:
            return {};
        }
    }
    if (role == SortRole) {
        switch (col) {
        case Status:
            return int(sev);
        case Cpu:
            return n->cpuUsageMilli.value_or(-1);
        case Memory:
            return n->memoryUsageBytes.value_or(-1);
        case Capacity:
            return n->memoryCapacityBytes;
        case Allocatable:
            return n->memoryAllocatableBytes;
        case Age:
            return n->createdAt.isValid() ? -n->createdAt.toMSecsSinceEpoch() : 0;
        default:
            return data(index, Qt::DisplayRole);
        }
    }
    if (role == Qt::DecorationRole && col == Status)
        return severityIcon(sev);
    if (role == Qt::ForegroundRole && col == Status && sev != Severity::Ok)
        return severityColor(sev);
    if (role == Qt::ToolTipRole) {
        if ((col == Cpu || col == Memory) && !(col == Cpu ? n->cpuUsageMilli : n->memoryUsageBytes))
            return m_metricsProblem.isEmpty()
                       ? QCoreApplication::translate("NodeListModel", "No usage figures: metrics-server (metrics.k8s.io) "
                                        "has not reported this node.")
                       : m_metricsProblem;
        QStringList lines;
        for (const kube::Condition &c : n->conditions)
            lines << QStringLiteral("%1=%2 %3").arg(c.type, c.status, c.message).trimmed();
        lines << QCoreApplication::translate("NodeListModel", "OS: %1  IP: %2").arg(n->osImage, n->internalIp);
        return lines.join(QLatin1Char('\n'));
    }
    return {};
}

QVariant NodeListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Name:
        return QCoreApplication::translate("NodeListModel", "Name");
    case Status:
        return QCoreApplication::translate("NodeListModel", "Status");
    case Roles:
        return QCoreApplication::translate("NodeListModel", "Roles");
    case Version:
        return QCoreApplication::translate("NodeListModel", "Version");
    case Cpu:
        return QCoreApplication::translate("NodeListModel", "CPU used");
    case Memory:
        return QCoreApplication::translate("NodeListModel", "Memory used");
    case Capacity:
        return QCoreApplication::translate("NodeListModel", "Capacity");
    case Allocatable:
        return QCoreApplication::translate("NodeListModel", "Allocatable");
    case Age:
        return QCoreApplication::translate("NodeListModel", "Age");
    default:
        return {};
    }
}

} // namespace vigia::cluster
