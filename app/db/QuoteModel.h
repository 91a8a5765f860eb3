#pragma once
// Quote requests, newest first; project types as a tag list (TagsRole), and a
// proxy for search (name, email, company, message, tags) and status.
#include "db/Records.h"

#include <QAbstractTableModel>
#include <QSortFilterProxyModel>
#include <QTimeZone>
#include <QUrl>

namespace vigia::db {

class QuoteModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Created, Contact, Email, Company, ProjectTypes, Budget, Status, ColumnCount };
    enum Role { TagsRole = Qt::UserRole + 1, CreatedInstantRole, StatusRole, MailtoRole };

    explicit QuoteModel(QObject *parent = nullptr);
    void setQuotes(QList<Quote> rows); // sorted newest first here, whatever the input order
    const QList<Quote> &quotes() const { return m_rows; }
    const Quote *at(int row) const { return row >= 0 && row < m_rows.size() ? &m_rows[row] : nullptr; }
    void setTimeZone(const QTimeZone &tz);
    QTimeZone timeZone() const { return m_tz; }
    QStringList statuses() const;
    static QString budgetText(const Quote &q);
    static QUrl mailtoUrl(const Quote &q);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<Quote> m_rows;
    QTimeZone m_tz;
};

class QuoteFilterModel : public QSortFilterProxyModel {
    Q_OBJECT
public:
    explicit QuoteFilterModel(QObject *parent = nullptr);
    void setSearchText(const QString &text);
    void setStatus(const QString &status);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QStringList m_words;
    QString m_status;
};

} // namespace vigia::db
