#pragma once
// A thin table model over the audit trail's entries, newest first.
#include "actions/AuditLog.h"

#include <QAbstractTableModel>
#include <QDateTime>

namespace vigia::ui {

class ActivityModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Time, Profile, Action, Object, Command, Exit, Outcome, ColumnCount };
    explicit ActivityModel(QObject *parent = nullptr);

    void setEntries(const QList<actions::AuditEntry> &entries);
    // Updates one entry in place (dataChanged) or inserts it at the top.
    void upsert(const actions::AuditEntry &entry);
    const QList<actions::AuditEntry> &entries() const { return m_entries; }
    void setNow(const QDateTime &now) { m_now = now; } // tests pin the clock

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    static QString outcomeText(const actions::AuditEntry &e);

private:
    QList<actions::AuditEntry> m_entries;
    QDateTime m_now;
};

} // namespace vigia::ui
