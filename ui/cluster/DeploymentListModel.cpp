#include "cluster/DeploymentListModel.h"

#include "StatusStyle.h"
#include "kube/PodStatus.h"
#include <QCoreApplication>

namespace vigia::cluster {

namespace {

Severity workloadSeverity(const kube::WorkloadInfo &w)
{
    if (w.problem.isEmpty())
        return Severity::Ok;
    for (const kube::Condition &c : w.conditions)
        if (c.type == QLatin1String("Progressing") && c.status == QLatin1String("False"))
            return Severity::Error;
    return w.desired > 0 && w.available == 0 ? Severity::Error : Severity::Warning;
}

} // namespace

int DeploymentListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

int DeploymentListModel::problemCount() const
{
    int n = 0;
    for (const kube::WorkloadInfo &w : m_rows)
        n += w.problem.isEmpty() ? 0 : 1;
    return n;
}

QVariant DeploymentListModel::data(const QModelIndex &index, int role) const
{
    const kube::WorkloadInfo *w = itemAt(index.row());
    if (!w || index.column() < 0 || index.column() >= ColumnCount)
        return {};
    const Severity sev = workloadSeverity(*w);
    switch (role) {
    case KeyRole:
        return w->key();
    case SeverityRole:
        return int(sev);
    case NamespaceRole:
        return w->ns;
    case ProblemRole:
        return !w->problem.isEmpty();
    default:
        break;
    }
    const int col = index.column();
    if (role == Qt::DisplayRole || role == SortRole) {
        const bool sort = role == SortRole;
        switch (col) {
        case Namespace:
            return w->ns;
        case Name:
            return w->name;
        case Kind:
            return w->kind;
        case Status:
            return sort ? QVariant(int(sev))
                        : QVariant(w->problem.isEmpty() ? QCoreApplication::translate("DeploymentListModel", "OK") : w->problem);
        case Ready:
            return sort ? QVariant(w->desired - w->ready)
                        : QVariant(QStringLiteral("%1/%2").arg(w->ready).arg(w->desired));
        case UpToDate:
            return w->upToDate;
        case Available:
            return w->available;
        case Age:
            if (sort)
                return w->createdAt.isValid() ? -w->createdAt.toMSecsSinceEpoch() : 0;
            return kube::formatAge(w->createdAt, QDateTime::currentDateTimeUtc());
        case Images:
            return w->images.join(QStringLiteral(", "));
        default:
            return {};
        }
    }
    if (role == Qt::DecorationRole && col == Status)
        return severityIcon(sev);
    if (role == Qt::ForegroundRole && col == Status && sev != Severity::Ok)
        return severityColor(sev);
    if (role == Qt::ToolTipRole) {
        QStringList lines;
        lines << QStringLiteral("%1 %2/%3").arg(w->kind, w->ns, w->name);
        if (!w->problem.isEmpty())
            lines << QCoreApplication::translate("DeploymentListModel", "Needs attention: %1").arg(w->problem);
        for (const kube::Condition &c : w->conditions)
            lines << QStringLiteral("%1=%2 %3 %4").arg(c.type, c.status, c.reason, c.message).trimmed();
        lines << QCoreApplication::translate("DeploymentListModel", "Images: %1").arg(w->images.join(QStringLiteral(", ")));
        return lines.join(QLatin1Char('\n'));
    }
    if (role == Qt::TextAlignmentRole && (col == Ready || col == UpToDate || col == Available))
        return int(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

QVariant DeploymentListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Namespace:
        return QCoreApplication::translate("DeploymentListModel", "Namespace");
    case Name:
        return QCoreApplication::translate("DeploymentListModel", "Name");
    case Kind:
        return QCoreApplication::translate("DeploymentListModel", "Kind");
    case Status:
        return QCoreApplication::translate("DeploymentListModel", "Status");
    case Ready:
        return QCoreApplication::translate("DeploymentListModel", "Ready");
    case UpToDate:
        return QCoreApplication::translate("DeploymentListModel", "Up-to-date");
    case Available:
        return QCoreApplication::translate("DeploymentListModel", "Available");
    case Age:
        return QCoreApplication::translate("DeploymentListModel", "Age");
    case Images:
        return QCoreApplication::translate("DeploymentListModel", "Images");
    default:
        return {};
    }
}

} // namespace vigia::cluster
