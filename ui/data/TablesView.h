#pragma once
// A browser for any table of a snapshot: the table list, its columns and types,
// rows loaded lazily as you scroll, sorting and filtering done in SQL.
#include "db/TableBrowserModel.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QTableView;
class QTreeWidget;

namespace vigia::ui {

class TablesView : public QWidget {
    Q_OBJECT
public:
    explicit TablesView(QWidget *parent = nullptr);
    Result<void> openDatabase(const QString &path);
    bool showTable(const QString &table);
    db::TableBrowserModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    QListWidget *tableList() const { return m_tables; }

signals:
    // "Map as appointments…": the user wants the agenda to read this table.
    void mapRequested(const QString &table);

private:
    void applyFilter();
    void updateCount();
    db::TableBrowserModel *m_model;
    QListWidget *m_tables;
    QTreeWidget *m_columns;
    QLineEdit *m_filter;
    QComboBox *m_filterColumn;
    QLabel *m_count;
    QTableView *m_table;
};

} // namespace vigia::ui
