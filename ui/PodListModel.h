#pragma once
// A thin table over the pods kubectl returned. Updates are applied in place,
// keyed by namespace/name, so the view keeps its selection and scroll position.
#include "StatusStyle.h"
#include "kube/ClusterTypes.h"
#include "kube/Pod.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QPointer>
#include <optional>

namespace vigia::session {
class Session;
}

namespace vigia {

class PodListModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Namespace, Name, Ready, Status, Restarts, Age, Cpu, Memory, Node, ColumnCount };
    Q_ENUM(Column)

    enum Role {
        SortRole = Qt::UserRole + 1, // a value that sorts naturally (numbers, times)
        SeverityRole,                // int(Severity)
        KeyRole,                     // "namespace/name"
        FilterTextRole,              // everything the text filter matches against
    };

    explicit PodListModel(QObject *parent = nullptr);

    // Follows this session's pods (and the usage its cluster rounds read); null: none.
    void attach(session::Session *session);

    // Replaces the contents, row by row: changed rows emit dataChanged, new rows
    // are inserted, vanished rows removed. Never a reset. O(rows): for whole lists.
    void setPods(const QList<kube::PodInfo> &pods);
    // Applies one coalesced watch batch in place, touching only the rows it names:
    // deleted rows are removed, known rows that differ emit dataChanged (adjacent
    // rows together), unknown rows are inserted at their key's place. Added and
    // modified are both upserts, so a replayed ADDED or a MODIFIED for a row the
    // model has not seen yet is still right. O(batch), not O(rows), except
    // removals and insertions, which renumber the rows after them.
    void applyDelta(const QList<kube::PodInfo> &upserts, const QList<kube::PodInfo> &deleted);
    const QList<kube::PodInfo> &pods() const { return m_pods; }
    const kube::PodInfo *podAt(int row) const;
    int rowOf(const QString &key) const { return m_rowByKey.value(key, -1); }

    int failingCount() const;

    // "Now" for the Age and restart columns; tests pin it, the window ticks it.
    void setNow(const QDateTime &now);
    QDateTime now() const { return m_now.isValid() ? m_now : QDateTime::currentDateTimeUtc(); }

    // Stale data stays visible but greyed, after an error.
    void setStale(bool stale);
    bool isStale() const { return m_stale; }

    // CPU and memory from metrics.k8s.io, keyed by namespace/name. Pods without an
    // entry show "—"; problem (e.g. "metrics-server is not installed") is their tooltip.
    // Announces only the CPU and Memory columns: never a reset.
    void setUsage(const QHash<QString, kube::ResourceUsage> &usage, bool available, const QString &problem);
    std::optional<kube::ResourceUsage> usageOf(const QString &key) const;
    bool metricsAvailable() const { return m_metricsAvailable; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

signals:
    void countsChanged(int total, int failing);

private:
    void rebuildIndex(int fromRow = 0);
    void removeKeys(const QList<QString> &keys);
    void announceRows(QList<int> rows, const QList<int> &roles = {});
    QVariant displayData(const kube::PodInfo &pod, int column) const;
    QString statusTooltip(const kube::PodInfo &pod) const;

    QPointer<session::Session> m_session;
    QList<kube::PodInfo> m_pods;
    QList<Severity> m_severity; // parallel to m_pods: computed once per update, not per paint
    QHash<QString, int> m_rowByKey;
    int m_failing = 0; // kept in step with m_severity
    QDateTime m_now;
    bool m_stale = false;
    QHash<QString, kube::ResourceUsage> m_usage;
    bool m_metricsAvailable = false;
    QString m_metricsProblem;
};

} // namespace vigia
