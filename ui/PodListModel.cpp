#include "PodListModel.h"

#include "session/ClusterFeed.h"
#include "session/Session.h"

#include "kube/PodStatus.h"

#include <QLocale>
#include <QBrush>
#include <QFont>
#include <QGuiApplication>
#include <QPalette>
#include <QSet>

#include <algorithm>

namespace vigia {

PodListModel::PodListModel(QObject *parent) : QAbstractTableModel(parent) {}

const kube::PodInfo *PodListModel::podAt(int row) const
{
    return (row >= 0 && row < m_pods.size()) ? &m_pods.at(row) : nullptr;
}

void PodListModel::attach(session::Session *session)
{
    if (m_session) {
        m_session->disconnect(this);
        m_session->cluster()->disconnect(this);
    }
    m_session = session;
    if (!session) {
        setPods({});
        return;
    }
    connect(session, &session::Session::podsChanged, this, &PodListModel::applyDelta);
    connect(session, &session::Session::podsReset, this, [this] { setPods({}); });
    connect(session, &session::Session::staleChanged, this, &PodListModel::setStale);
    // CPU and memory columns: only those two repaint.
    connect(session->cluster(), &session::ClusterFeed::updated, this, [this](const kube::ClusterSnapshot &s) {
        setUsage(s.podUsage, s.metricsAvailable, s.metricsProblem);
    });
    setPods(session->pods());
    setStale(session->isStale());
    if (session->cluster()->hasData()) {
        const kube::ClusterSnapshot &s = session->cluster()->snapshot();
        setUsage(s.podUsage, s.metricsAvailable, s.metricsProblem);
    }
}

int PodListModel::failingCount() const
{
    return m_failing;
}

void PodListModel::rebuildIndex(int fromRow)
{
    if (fromRow <= 0) {
        m_rowByKey.clear();
        m_rowByKey.reserve(m_pods.size());
        fromRow = 0;
    }
    for (int i = fromRow; i < m_pods.size(); ++i)
        m_rowByKey.insert(m_pods.at(i).key(), i);
}

void PodListModel::removeKeys(const QList<QString> &keys)
{
    QList<int> rows;
    rows.reserve(keys.size());
    for (const QString &k : keys) {
        auto it = m_rowByKey.constFind(k);
        if (it != m_rowByKey.cend())
            rows << *it;
    }
    if (rows.isEmpty())
        return;
    std::sort(rows.begin(), rows.end());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    // Contiguous ranges from the bottom, so the row numbers still to remove stay valid.
    int i = int(rows.size()) - 1;
    while (i >= 0) {
        int first = i;
        while (first > 0 && rows.at(first - 1) == rows.at(first) - 1)
            --first;
        const int top = rows.at(first);
        const int bottom = rows.at(i);
        beginRemoveRows({}, top, bottom);
        for (int r = top; r <= bottom; ++r) {
            m_failing -= isFailing(m_severity.at(r)) ? 1 : 0;
            m_rowByKey.remove(m_pods.at(r).key());
        }
        m_pods.remove(top, bottom - top + 1);
        m_severity.remove(top, bottom - top + 1);
        // Rows below moved up: the index must be right before anyone reacts to rowsRemoved.
        rebuildIndex(top);
        endRemoveRows();
        i = first - 1;
    }
}

// One dataChanged per run of nearby rows: a proxy with dynamic sorting re-sorts
// (and emits a layout change) once per dataChanged, so 100 scattered rows as 100
// signals cost far more than a few spans. A gap of a few unchanged rows inside a
// span is cheaper to re-check than another signal.
void PodListModel::announceRows(QList<int> rows, const QList<int> &roles)
{
    if (rows.isEmpty())
        return;
    constexpr int kMaxGap = 8;
    std::sort(rows.begin(), rows.end());
    int first = rows.at(0);
    int last = first;
    for (int i = 1; i <= rows.size(); ++i) {
        if (i < rows.size() && rows.at(i) - last <= kMaxGap) {
            last = rows.at(i);
            continue;
        }
        emit dataChanged(index(first, 0), index(last, ColumnCount - 1), roles);
        if (i < rows.size())
            first = last = rows.at(i);
    }
}

namespace {

// Whether a change can move the row or hide it: anything the sort, the severity
// ordering or the text filter reads. Most watch events (status timestamps,
// annotations, a new resourceVersion) change none of it.
bool orderKeysDiffer(const kube::PodInfo &a, const kube::PodInfo &b, Severity sa, Severity sb)
{
    return sa != sb || a.ns != b.ns || a.name != b.name || a.node != b.node || a.status != b.status ||
           a.phase != b.phase || a.readyContainers != b.readyContainers ||
           a.totalContainers != b.totalContainers || a.restarts != b.restarts ||
           a.lastRestartAt != b.lastRestartAt || a.createdAt != b.createdAt;
}

} // namespace

void PodListModel::applyDelta(const QList<kube::PodInfo> &upserts, const QList<kube::PodInfo> &deleted)
{
    const int oldTotal = int(m_pods.size());
    const int oldFailing = m_failing;

    if (!deleted.isEmpty()) {
        QList<QString> keys;
        keys.reserve(deleted.size());
        for (const kube::PodInfo &p : deleted)
            keys << p.key();
        removeKeys(keys);
    }

    QList<int> changedRows; // repaint only
    QList<int> movedRows;   // may re-sort or re-filter
    QList<kube::PodInfo> added;
    QHash<QString, qsizetype> addedAt; // the same key twice in one batch: the later one wins
    for (const kube::PodInfo &p : upserts) {
        const QString key = p.key();
        if (auto it = m_rowByKey.constFind(key); it != m_rowByKey.cend()) {
            const int row = *it;
            if (m_pods.at(row) == p)
                continue;
            const Severity sev = podSeverity(p);
            const Severity was = m_severity.at(row);
            (orderKeysDiffer(m_pods.at(row), p, was, sev) ? movedRows : changedRows) << row;
            m_failing += (isFailing(sev) ? 1 : 0) - (isFailing(was) ? 1 : 0);
            m_pods[row] = p;
            m_severity[row] = sev;
        } else if (auto a = addedAt.constFind(key); a != addedAt.cend()) {
            added[*a] = p;
        } else {
            addedAt.insert(key, added.size());
            added << p;
        }
    }
    // Without the sort and filter roles a proxy repaints these rows and moves
    // nothing (no layout change, no full repaint of the view).
    announceRows(std::move(changedRows),
                 {Qt::DisplayRole, Qt::DecorationRole, Qt::ForegroundRole, Qt::FontRole, Qt::ToolTipRole});
    announceRows(std::move(movedRows));

    // New rows go in one block at the end; the proxy decides where they show.
    if (!added.isEmpty()) {
        const int first = int(m_pods.size());
        beginInsertRows({}, first, first + int(added.size()) - 1);
        m_pods.reserve(first + added.size());
        m_severity.reserve(first + added.size());
        for (kube::PodInfo &p : added) {
            const Severity sev = podSeverity(p);
            m_failing += isFailing(sev) ? 1 : 0;
            m_severity.append(sev);
            m_pods.append(std::move(p));
        }
        rebuildIndex(first);
        endInsertRows();
    }

    if (oldTotal != m_pods.size() || oldFailing != m_failing)
        emit countsChanged(int(m_pods.size()), m_failing);
}

void PodListModel::setPods(const QList<kube::PodInfo> &pods)
{
    QSet<QString> incoming;
    incoming.reserve(pods.size());
    for (const kube::PodInfo &p : pods)
        incoming.insert(p.key());
    QList<kube::PodInfo> vanished;
    for (const kube::PodInfo &p : std::as_const(m_pods))
        if (!incoming.contains(p.key()))
            vanished << p;
    applyDelta(pods, vanished);
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
        return QLocale().toString(mib / 1024.0, 'f', 1) + QStringLiteral(" GiB");
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
                return col == Cpu ? tr("CPU in use now (metrics.k8s.io)")
                                  : tr("Memory in use now (metrics.k8s.io)");
            if (!m_metricsAvailable)
                return m_metricsProblem.isEmpty()
                           ? tr("No usage: metrics.k8s.io (metrics-server) is not available.")
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
