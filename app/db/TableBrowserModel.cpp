#include "db/TableBrowserModel.h"
#include "core/BidiControls.h"

#include "db/SqlQuote.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

namespace vigia::db {

TableBrowserModel::TableBrowserModel(QObject *parent) : QAbstractTableModel(parent) {}

TableBrowserModel::~TableBrowserModel()
{
    closeDatabase();
}

Result<void> TableBrowserModel::openDatabase(const QString &dbPath)
{
    beginResetModel();
    closeDatabase();
    QString err;
    m_connection = sqlconn::open(dbPath, QStringLiteral("browse"), true, &err);
    const bool ok = !m_connection.isEmpty();
    m_path = ok ? dbPath : QString();
    endResetModel();
    if (!ok) {
        return makeError(QCoreApplication::translate("TableBrowserModel", "Could not open the snapshot %1.").arg(dbPath), err,
                         QStringLiteral("db.query-failed"));
    }
    return {};
}

void TableBrowserModel::closeDatabase()
{
    m_rows.clear();
    m_columns.clear();
    m_table.clear();
    m_atEnd = true;
    sqlconn::close(m_connection);
    m_connection.clear();
}

QStringList TableBrowserModel::tables() const
{
    QStringList out;
    if (m_connection.isEmpty())
        return out;
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    if (q.exec(QStringLiteral("SELECT name FROM sqlite_schema WHERE type IN ('table','view') AND name NOT "
                              "LIKE 'sqlite_%' ORDER BY name"))) {
        while (q.next())
            out << q.value(0).toString();
    }
    return out;
}

Result<void> TableBrowserModel::setTable(const QString &table)
{
    if (m_connection.isEmpty())
        return makeError(QCoreApplication::translate("TableBrowserModel", "No snapshot is open."), {}, QStringLiteral("db.query-failed"));
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(QStringLiteral("SELECT name, type, pk, \"notnull\" FROM pragma_table_info(?)"));
    q.addBindValue(table);
    QList<ColumnInfo> cols;
    if (q.exec()) {
        while (q.next())
            cols << ColumnInfo{q.value(0).toString(), q.value(1).toString(), q.value(2).toInt() > 0,
                               q.value(3).toBool()};
    }
    if (cols.isEmpty())
        return makeError(QCoreApplication::translate("TableBrowserModel", "The table %1 has no columns or does not exist.").arg(table),
                         q.lastError().text(), QStringLiteral("db.query-failed"));
    m_fetching = true; // no fetch from inside the reset signals
    beginResetModel();
    m_table = table;
    m_columns = cols;
    m_filter.clear();
    m_filterColumn = -1;
    m_sortColumn = -1;
    m_rows.clear();
    m_pages = 0;
    m_atEnd = false;
    m_error.clear();
    endResetModel();
    m_fetching = false;
    return {};
}

QString TableBrowserModel::whereClause() const
{
    if (m_filter.isEmpty() || m_columns.isEmpty())
        return {};
    QStringList parts;
    for (int c = 0; c < m_columns.size(); ++c) {
        if (m_filterColumn >= 0 && c != m_filterColumn)
            continue;
        parts << QStringLiteral("CAST(%1 AS TEXT) LIKE ? ESCAPE '\\'")
                     .arg(sqlQuoteIdentifier(m_columns[c].name));
    }
    return parts.isEmpty() ? QString() : QStringLiteral(" WHERE ") + parts.join(QStringLiteral(" OR "));
}

QVariantList TableBrowserModel::whereValues() const
{
    QVariantList v;
    if (m_filter.isEmpty())
        return v;
    const QString pattern = QLatin1Char('%') + sqlEscapeLike(m_filter) + QLatin1Char('%');
    for (int c = 0; c < m_columns.size(); ++c) {
        if (m_filterColumn < 0 || c == m_filterColumn)
            v << pattern;
    }
    return v;
}

QString TableBrowserModel::pageSql() const
{
    QStringList cols;
    for (const ColumnInfo &c : m_columns)
        cols << sqlQuoteIdentifier(c.name);
    QString sql =
        QStringLiteral("SELECT %1 FROM %2").arg(cols.join(QLatin1Char(',')), sqlQuoteIdentifier(m_table));
    sql += whereClause();
    if (m_sortColumn >= 0 && m_sortColumn < m_columns.size())
        sql += QStringLiteral(" ORDER BY %1 %2")
                   .arg(sqlQuoteIdentifier(m_columns[m_sortColumn].name),
                        m_sortOrder == Qt::AscendingOrder ? QStringLiteral("ASC") : QStringLiteral("DESC"));
    sql += QStringLiteral(" LIMIT ? OFFSET ?");
    return sql;
}

Result<qint64> TableBrowserModel::matchingRowCount() const
{
    if (m_connection.isEmpty() || m_table.isEmpty())
        return qint64(0);
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(QStringLiteral("SELECT count(*) FROM %1").arg(sqlQuoteIdentifier(m_table)) + whereClause());
    for (const QVariant &v : whereValues())
        q.addBindValue(v);
    if (!q.exec() || !q.next())
        return makeError(QCoreApplication::translate("TableBrowserModel", "Could not count rows."), q.lastError().text(),
                         QStringLiteral("db.query-failed"));
    return q.value(0).toLongLong();
}

void TableBrowserModel::reload()
{
    m_fetching = true;
    beginResetModel();
    m_rows.clear();
    m_pages = 0;
    m_atEnd = m_table.isEmpty();
    m_error.clear();
    endResetModel();
    m_fetching = false;
}

void TableBrowserModel::setFilter(const QString &text, int column)
{
    if (text == m_filter && column == m_filterColumn)
        return;
    m_filter = text;
    m_filterColumn = column;
    reload();
}

void TableBrowserModel::sort(int column, Qt::SortOrder order)
{
    m_sortColumn = column;
    m_sortOrder = order;
    reload();
}

int TableBrowserModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int TableBrowserModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_columns.size());
}

QVariant TableBrowserModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const QVariant &v = m_rows[index.row()].value(index.column());
    switch (role) {
    case Qt::DisplayRole:
        if (v.isNull())
            return QStringLiteral("NULL");
        if (v.typeId() == QMetaType::QByteArray)
            return tr("<BLOB %1 bytes>").arg(v.toByteArray().size());
        {
            QString s = v.toString();
            if (s.size() > 500)
                s = s.left(500) + QStringLiteral("…");
            // Customers' text: bidi controls are shown as marks, never applied.
            return showBidiControls(s.replace(QLatin1Char('\n'), QStringLiteral(" ⏎ ")));
        }
    case Qt::EditRole:
        return v;
    case Qt::ToolTipRole:
        if (v.typeId() != QMetaType::QByteArray && v.toString().size() > 80)
            return showBidiControls(v.toString().left(4000));
        return {};
    case Qt::TextAlignmentRole:
        if (v.typeId() == QMetaType::LongLong || v.typeId() == QMetaType::Int ||
            v.typeId() == QMetaType::Double)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    default:
        return {};
    }
}

QVariant TableBrowserModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && section >= 0 && section < m_columns.size()) {
        if (role == Qt::DisplayRole)
            return m_columns[section].name;
        if (role == Qt::ToolTipRole)
            return QStringLiteral("%1 %2%3%4")
                .arg(m_columns[section].name, m_columns[section].type,
                     m_columns[section].primaryKey ? QStringLiteral(" PRIMARY KEY") : QString(),
                     m_columns[section].notNull ? QStringLiteral(" NOT NULL") : QString());
    }
    return QAbstractTableModel::headerData(section, orientation, role);
}

bool TableBrowserModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_atEnd && !m_fetching && !m_connection.isEmpty();
}

void TableBrowserModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return;
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.setForwardOnly(true);
    if (!q.prepare(pageSql())) {
        m_error = q.lastError().text();
        m_atEnd = true;
        return;
    }
    for (const QVariant &v : whereValues())
        q.addBindValue(v);
    q.addBindValue(kPageSize);
    q.addBindValue(qint64(m_rows.size()));
    if (!q.exec()) {
        m_error = q.lastError().text();
        m_atEnd = true;
        return;
    }
    QVector<QVector<QVariant>> page;
    page.reserve(kPageSize);
    const int n = int(m_columns.size());
    while (q.next()) {
        QVector<QVariant> row(n);
        for (int c = 0; c < n; ++c)
            row[c] = q.value(c);
        page << row;
    }
    ++m_pages;
    if (page.size() < kPageSize)
        m_atEnd = true;
    if (page.isEmpty())
        return;
    const int first = int(m_rows.size());
    // Views (and the model tester) may ask for more from inside the insert signals.
    m_fetching = true;
    beginInsertRows({}, first, first + int(page.size()) - 1);
    m_rows += page;
    endInsertRows();
    m_fetching = false;
}

} // namespace vigia::db
