#include "cluster/EventListModel.h"
#include "core/BidiControls.h"

#include "StatusStyle.h"
#include "kube/PodStatus.h"
#include <QCoreApplication>

namespace vigia::cluster {

int EventListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

int EventListModel::warningCount() const
{
    int n = 0;
    for (const kube::EventInfo &e : m_rows)
        n += e.isWarning() ? 1 : 0;
    return n;
}

QVariant EventListModel::data(const QModelIndex &index, int role) const
{
    const kube::EventInfo *e = itemAt(index.row());
    if (!e || index.column() < 0 || index.column() >= ColumnCount)
        return {};
    const Severity sev = e->isWarning() ? Severity::Warning : Severity::Ok;
    switch (role) {
    case KeyRole:
        return e->key();
    case SeverityRole:
        return int(sev);
    case NamespaceRole:
        return e->ns;
    case ProblemRole:
        return e->isWarning();
    default:
        break;
    }
    const int col = index.column();
    if (role == Qt::DisplayRole) {
        switch (col) {
        case Type:
            return e->type;
        case LastSeen:
            return kube::formatAge(e->lastSeen, QDateTime::currentDateTimeUtc());
        case Namespace:
            return e->ns;
        case Object:
            return showBidiControls(e->object());
        case Reason:
            return showBidiControls(e->reason);
        case Message:
            return showBidiControls(QString(e->message).replace(QLatin1Char('\n'), QLatin1Char(' ')));
        case Count:
            return e->count;
        default:
            return {};
        }
    }
    if (role == SortRole) {
        switch (col) {
        case Type:
            return int(sev);
        // Most recent first in an ascending sort.
        case LastSeen:
            return e->lastSeen.isValid() ? -e->lastSeen.toMSecsSinceEpoch() : 0;
        case Count:
            return e->count;
        default:
            return data(index, Qt::DisplayRole);
        }
    }
    if (role == Qt::DecorationRole && col == Type)
        return severityIcon(sev);
    if (role == Qt::ForegroundRole && col == Type && e->isWarning())
        return severityColor(sev);
    if (role == Qt::ToolTipRole)
        return QCoreApplication::translate("EventListModel", "%1 %2: %3\nfirst %4, last %5, %6\u00d7 (%7)")
            .arg(e->type, e->object(), e->message, e->firstSeen.toLocalTime().toString(Qt::ISODate),
                 e->lastSeen.toLocalTime().toString(Qt::ISODate))
            .arg(e->count)
            .arg(e->source);
    if (role == Qt::TextAlignmentRole && col == Count)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

QVariant EventListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Type:
        return QCoreApplication::translate("EventListModel", "Type");
    case LastSeen:
        return QCoreApplication::translate("EventListModel", "Last seen");
    case Namespace:
        return QCoreApplication::translate("EventListModel", "Namespace");
    case Object:
        return QCoreApplication::translate("EventListModel", "Object");
    case Reason:
        return QCoreApplication::translate("EventListModel", "Reason");
    case Message:
        return QCoreApplication::translate("EventListModel", "Message");
    case Count:
        return QCoreApplication::translate("EventListModel", "Count");
    default:
        return {};
    }
}

} // namespace vigia::cluster
