#pragma once
// Where a table's schema differs from the scheduler's, the user says which
// columns are the appointment's start, end, client, email, service, status and
// notes. Starts from AppointmentMapping::guess(); OK needs start and client.
#include "db/Records.h"
#include "db/SnapshotReader.h"

#include <QDialog>
#include <QHash>

class QComboBox;
class QDialogButtonBox;
class QLabel;

namespace vigia::ui {

class ColumnMappingDialog : public QDialog {
    Q_OBJECT
public:
    // TABLES: table name -> its columns. CURRENT preselects (its table, else the first table).
    ColumnMappingDialog(const QHash<QString, QList<db::ColumnInfo>> &tables,
                        const db::AppointmentMapping &current, QWidget *parent = nullptr);
    // Reads the tables of a local snapshot.
    static QHash<QString, QList<db::ColumnInfo>> tablesOf(const QString &dbPath);

    db::AppointmentMapping mapping() const;
    QComboBox *tableBox() const { return m_table; }
    QComboBox *fieldBox(const QString &field) const { return m_fields.value(field); }
    bool isAcceptable() const;

private:
    void fillColumns(const db::AppointmentMapping &preset);
    void updateOk();
    QHash<QString, QList<db::ColumnInfo>> m_tables;
    QComboBox *m_table;
    QHash<QString, QComboBox *> m_fields; // "start", "end", "client", "email", "service", "status", "notes"
    QLabel *m_hint;
    QDialogButtonBox *m_buttons;
};

} // namespace vigia::ui
