#include "PodListModel.h"

#include "kube/PodStatus.h"

#include <QBrush>
#include <QFont>
#include <QGuiApplication>
#include <QPalette>

namespace vigia {

PodListModel::PodListModel(QObject *parent) : QAbstractTableModel(parent) {}

const kube::PodInfo *PodListModel::podAt(int row) const
{
    return (row >= 0 && row < m_pods.size()) ? &m_pods.at(row) : nullptr;
}

int PodListModel::failingCount() const
{
    int n = 0;
    for (Severity s : m_severity)
        n += isFailing(s) ? 1 : 0;
    return n;
}

void PodListModel::rebuildIndex()
{
    m_rowByKey.clear();
    m_rowByKey.reserve(m_pods.size());
    for (int i = 0; i < m_pods.size(); ++i)
        m_rowByKey.insert(m_pods.at(i).key(), i);
}

void PodListModel::setPods(const QList<kube::PodInfo> &pods)
{
    const int oldTotal = m_pods.size();
    const int oldFailing = failingCount();

    QHash<QString, int> incoming;
    incoming.reserve(pods.size());
    for (int i = 0; i < pods.size(); ++i)
        incoming.insert(pods.at(i).key(), i);

    // 1. Remove vanished rows, as contiguous ranges from the bottom so row numbers stay valid.
    int row = m_pods.size() - 1;
    while (row >= 0) {
        if (incoming.contains(m_pods.at(row).key())) {
            --row;
            continue;
        }
        int first = row;
        while (first - 1 >= 0 && !incoming.contains(m_pods.at(first - 1).key()))
            --first;
        beginRemoveRows({}, first, row);
        m_pods.remove(first, row - first + 1);
        m_severity.remove(first, row - first + 1);
        endRemoveRows();
        row = first - 1;
    }
    rebuildIndex();

    // 2. Update rows that are still there; only changed ones are announced.
    for (int i = 0; i < m_pods.size(); ++i) {
        const kube::PodInfo &next = pods.at(incoming.value(m_pods.at(i).key()));
        // Only a changed row repaints.
        if (m_pods.at(i) == next)
            continue;
        m_pods[i] = next;
        m_severity[i] = podSeverity(next);
        emit dataChanged(index(i, 0), index(i, ColumnCount - 1));
    }

    // 3. Append the new ones in one block; the proxy decides where they show.
    QList<kube::PodInfo> added;
    for (const kube::PodInfo &p : pods) {
        if (!m_rowByKey.contains(p.key()))
            added.append(p);
    }
    if (!added.isEmpty()) {
        const int first = m_pods.size();
        beginInsertRows({}, first, first + int(added.size()) - 1);
        for (const kube::PodInfo &p : std::as_const(added)) {
            m_pods.append(p);
            m_severity.append(podSeverity(p));
        }
        rebuildIndex();
        endInsertRows();
    }

    const int failing = failingCount();
    if (oldTotal != m_pods.size() || oldFailing != failing)
        emit countsChanged(int(m_pods.size()), failing);
}

void PodListModel::setNow(const QDateTime &now)
{
    m_now = now;
    if (!m_pods.isEmpty()) {
        // Only the time-derived columns change; a narrow dataChanged keeps repaints cheap.
        emit dataChanged(index(0, Restarts), index(int(m_pods.size()) - 1, Age));
    }
}

void PodListModel::setStale(bool stale)
{
    if (m_stale == stale)
        return;
    m_stale = stale;
    if (!m_pods.isEmpty())
        emit dataChanged(index(0, 0), index(int(m_pods.size()) - 1, ColumnCount - 1), {Qt::ForegroundRole});
}

void PodListModel::setUsage(const QHash<QString, kube::ResourceUsage> &usage, bool available,
                            const QString &problem)
{
    if (m_usage == usage && m_metricsAvailable == available && m_metricsProblem == problem)
        return;
    m_usage = usage;
    m_metricsAvailable = available;
    m_metricsProblem = problem;
    if (!m_pods.isEmpty())
        emit dataChanged(index(0, Cpu), index(int(m_pods.size()) - 1, Memory));
}

std::optional<kube::ResourceUsage> PodListModel::usageOf(const QString &key) const
{
    if (auto it = m_usage.constFind(key); it != m_usage.constEnd())
        return *it;
    return std::nullopt;
}

namespace {

QString formatMilli(qint64 milli)
{
    return QString::number(milli) + QLatin1Char('m');
}

// "20 MiB" below 1 GiB, "1.9 GiB" above.
QString formatMemory(qint64 bytes)
{
    const double mib = double(bytes) / (1024.0 * 1024.0);
    if (mib >= 1024.0)
        return QString::number(mib / 1024.0, 'f', 1) + QStringLiteral(" GiB");
    if (bytes >= 1024 * 1024)
        return QString::number(qRound64(mib)) + QStringLiteral(" MiB");
    return QString::number((bytes + 1023) / 1024) + QStringLiteral(" KiB");
}

} // namespace

int PodListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_pods.size());
}

int PodListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PodListModel::displayData(const kube::PodInfo &pod, int column) const
{
    switch (column) {
    case Namespace:
        return pod.ns;
    case Name:
        return pod.name;
    case Ready:
        return QStringLiteral("%1/%2").arg(pod.readyContainers).arg(pod.totalContainers);
    case Status:
        return pod.status.isEmpty() ? pod.phase : pod.status;
    case Restarts:
        return kube::formatRestarts(pod.restarts, pod.lastRestartAt, now());
    case Age:
        return pod.createdAt.isValid() ? kube::formatAge(pod.createdAt, now()) : QStringLiteral("—");
    case Cpu:
    case Memory: {
        const auto use = usageOf(pod.key());
        if (!use)
            return QStringLiteral("—");
        return column == Cpu ? formatMilli(use->cpuMilli) : formatMemory(use->memoryBytes);
    }
    case Node:
        return pod.node.isEmpty() ? QStringLiteral("—") : pod.node;
    default:
        return {};
    }
}

QString PodListModel::statusTooltip(const kube::PodInfo &pod) const
{
    QStringList lines;
    lines << tr("%1: %2 (phase %3)").arg(pod.name, pod.status, pod.phase);
    for (const kube::ContainerInfo &c : pod.containers) {
        QString line = (c.init ? tr("init %1: %2") : tr("%1: %2")).arg(c.name, c.state);
        if (!c.stateReason.isEmpty())
            line += QStringLiteral(" (%1)").arg(c.stateReason);
        if (!c.lastReason.isEmpty()) {
            line += tr(", last exit: %1").arg(c.lastReason);
            if (c.lastExitCode)
                line += tr(" code %1").arg(*c.lastExitCode);
        }
        lines << line;
    }
    return lines.join(QLatin1Char('\n'));
}

QVariant PodListModel::data(const QModelIndex &idx, int role) const
{
    if (!checkIndex(idx, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const kube::PodInfo &pod = m_pods.at(idx.row());
    const Severity sev = m_severity.at(idx.row());
    const int col = idx.column();

    switch (role) {
    case Qt::DisplayRole:
        return displayData(pod, col);
    case Qt::DecorationRole:
        if (col == Status)
            return severityIcon(sev);
        return {};
    case Qt::ForegroundRole:
        if (m_stale)
            return QBrush(QGuiApplication::palette().color(QPalette::Disabled, QPalette::Text));
        if (col == Status)
            return QBrush(severityColor(sev));
        if (col == Restarts && pod.restarts > 0)
            return QBrush(severityColor(Severity::Warning));
        if (col == Ready && pod.readyContainers < pod.totalContainers && sev != Severity::Ok)
            return QBrush(severityColor(sev));
        return {};
    case Qt::FontRole:
        if (col == Status && isFailing(sev)) {
            QFont f;
            f.setBold(true);
            return f;
        }
        return {};
    case Qt::TextAlignmentRole:
        if (col == Ready)
            return QVariant::fromValue(Qt::AlignHCenter | Qt::AlignVCenter);
        if (col == Restarts || col == Age || col == Cpu || col == Memory)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return QVariant::fromValue(Qt::AlignLeft | Qt::AlignVCenter);
    case Qt::ToolTipRole:
        if (col == Cpu || col == Memory) {
            if (usageOf(pod.key()))
                return col == Cpu ? tr("CPU in use now (metrics.k8s.io)") : tr("Memory in use now (metrics.k8s.io)");
            if (!m_metricsAvailable)
                return m_metricsProblem.isEmpty() ? tr("No usage: metrics.k8s.io (metrics-server) is not available.")
                                                  : tr("No usage: %1").arg(m_metricsProblem);
            return tr("metrics-server has no usage for this pod yet.");
        }
        if (col == Status || col == Restarts)
            return statusTooltip(pod);
        if (col == Age && pod.createdAt.isValid())
            return pod.createdAt.toLocalTime().toString(Qt::ISODate);
        return {};
    case SortRole:
        switch (col) {
        case Ready:
            return pod.totalContainers == 0 ? 0.0 : double(pod.readyContainers) / pod.totalContainers;
        case Restarts:
            return pod.restarts;
        case Age:
            return pod.createdAt.isValid() ? -pod.createdAt.toSecsSinceEpoch() : qint64(0);
        case Cpu:
        case Memory: {
            const auto use = usageOf(pod.key());
            if (!use)
                return qint64(-1);
            return col == Cpu ? use->cpuMilli : use->memoryBytes;
        }
        default:
            return displayData(pod, col);
        }
    case SeverityRole:
        return int(sev);
    case KeyRole:
        return pod.key();
    case FilterTextRole:
        return QStringList{pod.ns, pod.name, pod.status, pod.node, pod.key()}.join(QLatin1Char(' '));
    default:
        return {};
    }
}

QVariant PodListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::DisplayRole) {
        switch (section) {
        case Namespace:
            return tr("Namespace");
        case Name:
            return tr("Name");
        case Ready:
            return tr("Ready");
        case Status:
            return tr("Status");
        case Restarts:
            return tr("Restarts");
        case Age:
            return tr("Age");
        case Cpu:
            return tr("CPU");
        case Memory:
            return tr("Memory");
        case Node:
            return tr("Node");
        default:
            return {};
        }
    }
    if (role == Qt::TextAlignmentRole) {
        if (section == Ready)
            return QVariant::fromValue(Qt::AlignHCenter | Qt::AlignVCenter);
        if (section == Restarts || section == Age || section == Cpu || section == Memory)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return QVariant::fromValue(Qt::AlignLeft | Qt::AlignVCenter);
    }
    return {};
}

} // namespace vigia
