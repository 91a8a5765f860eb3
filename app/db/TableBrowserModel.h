#pragma once
// Any table of a snapshot, like DB Browser for SQLite, but never a full load:
// rows arrive in pages of kPageSize through canFetchMore()/fetchMore(), and
// sorting and filtering become ORDER BY / WHERE in SQL (identifiers quoted,
// values bound), so a million-row table costs one page to show.
#include "core/Result.h"
#include "db/SnapshotReader.h"

#include <QAbstractTableModel>
#include <QVariant>
#include <QVector>

namespace vigia::db {

class TableBrowserModel : public QAbstractTableModel {
    Q_OBJECT
public:
    static constexpr int kPageSize = 256;

    explicit TableBrowserModel(QObject *parent = nullptr);
    ~TableBrowserModel() override;

    Result<void> openDatabase(const QString &dbPath); // read-only, own connection
    void closeDatabase();
    QString databasePath() const { return m_path; }
    QStringList tables() const;
    Result<void> setTable(const QString &table);
    QString table() const { return m_table; }
    const QList<ColumnInfo> &columns() const { return m_columns; }

    // Rows whose COLUMN (or any column, -1) contains TEXT, case-insensitively for ASCII.
    void setFilter(const QString &text, int column = -1);
    QString filterText() const { return m_filter; }
    // The number of rows matching the filter (one COUNT query, on demand).
    Result<qint64> matchingRowCount() const;
    int pagesFetched() const { return m_pages; }
    QString lastError() const { return m_error; }
    // The SQL of the page query, for tests (values are placeholders).
    QString pageSql() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

private:
    void reload();
    QString whereClause() const;
    QVariantList whereValues() const;

    QString m_connection;
    QString m_path;
    QString m_table;
    QList<ColumnInfo> m_columns;
    QVector<QVector<QVariant>> m_rows;
    QString m_filter;
    int m_filterColumn = -1;
    int m_sortColumn = -1;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
    bool m_atEnd = true;
    bool m_fetching = false;
    int m_pages = 0;
    QString m_error;
};

} // namespace vigia::db
