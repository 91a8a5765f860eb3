#include "db/QuoteModel.h"

#include <QLocale>
#include <QUrl>
#include <QUrlQuery>
#include <algorithm>

namespace vigia::db {

QuoteModel::QuoteModel(QObject *parent) : QAbstractTableModel(parent), m_tz(businessTimeZone()) {}

void QuoteModel::setQuotes(QList<Quote> rows)
{
    std::stable_sort(rows.begin(), rows.end(), [](const Quote &a, const Quote &b) {
        if (a.createdAt != b.createdAt)
            return a.createdAt > b.createdAt;
        return a.id > b.id;
    });
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
}

void QuoteModel::setTimeZone(const QTimeZone &tz)
{
    m_tz = tz.isValid() ? tz : businessTimeZone();
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, Created), index(int(m_rows.size()) - 1, Created));
}

QStringList QuoteModel::statuses() const
{
    QStringList s;
    for (const Quote &q : m_rows) {
        if (!q.status.isEmpty() && !s.contains(q.status))
            s << q.status;
    }
    s.sort();
    return s;
}

QString QuoteModel::budgetText(const Quote &q)
{
    const QLocale c(QLocale::Spanish, QLocale::Mexico);
    if (q.budgetMin && q.budgetMax)
        return QStringLiteral("$%1–%2 MXN").arg(c.toString(*q.budgetMin), c.toString(*q.budgetMax));
    if (q.budgetMin)
        return QStringLiteral("≥ $%1 MXN").arg(c.toString(*q.budgetMin));
    if (q.budgetMax)
        return QStringLiteral("≤ $%1 MXN").arg(c.toString(*q.budgetMax));
    return {};
}

QUrl QuoteModel::mailtoUrl(const Quote &q)
{
    if (q.contactEmail.isEmpty())
        return {};
    QUrl u;
    u.setScheme(QStringLiteral("mailto"));
    u.setPath(q.contactEmail);
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("subject"),
                       QStringLiteral("Cotización: %1").arg(q.projectTypes.isEmpty() ? q.company : q.projectTypes.join(QStringLiteral(", "))));
    u.setQuery(query);
    return u;
}

int QuoteModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int QuoteModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant QuoteModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Quote &q = m_rows[index.row()];
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Created: return q.createdAt.isValid() ? q.createdAt.toTimeZone(m_tz).toString(QStringLiteral("yyyy-MM-dd HH:mm")) : QString();
        case Contact: return q.contactName;
        case Email: return q.contactEmail;
        case Company: return q.company;
        case ProjectTypes: return q.projectTypes.join(QStringLiteral(", "));
        case Budget: return budgetText(q);
        case Status: return q.status;
        }
        break;
    case Qt::ToolTipRole:
        if (index.column() == Created && q.createdAt.isValid())
            return tr("Your local time: %1").arg(q.createdAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")));
        if (index.column() == Email)
            return tr("Double-click to write to %1").arg(q.contactEmail);
        break;
    case Qt::EditRole:
        if (index.column() == Created)
            return q.createdAt;
        if (index.column() == Budget)
            return q.budgetMin ? QVariant(*q.budgetMin) : QVariant(qint64(-1));
        return data(index, Qt::DisplayRole);
    case TagsRole: return q.projectTypes;
    case CreatedInstantRole: return q.createdAt;
    case StatusRole: return q.status;
    case MailtoRole: return mailtoUrl(q);
    default: break;
    }
    return {};
}

QVariant QuoteModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Created: return tr("Received");
    case Contact: return tr("Contact");
    case Email: return tr("Email");
    case Company: return tr("Company");
    case ProjectTypes: return tr("Project types");
    case Budget: return tr("Budget");
    case Status: return tr("Status");
    }
    return {};
}

QuoteFilterModel::QuoteFilterModel(QObject *parent) : QSortFilterProxyModel(parent)
{
    setSortRole(Qt::EditRole);
}

void QuoteFilterModel::setSearchText(const QString &text)
{
    m_words = text.simplified().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    invalidateFilter();
}

void QuoteFilterModel::setStatus(const QString &status)
{
    m_status = status;
    invalidateFilter();
}

bool QuoteFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &) const
{
    const auto *m = qobject_cast<const QuoteModel *>(sourceModel());
    if (!m)
        return true;
    const Quote *q = m->at(sourceRow);
    if (!q)
        return false;
    if (!m_status.isEmpty() && q->status != m_status)
        return false;
    for (const QString &w : m_words) {
        const bool hit = q->contactName.contains(w, Qt::CaseInsensitive) || q->contactEmail.contains(w, Qt::CaseInsensitive) ||
                         q->company.contains(w, Qt::CaseInsensitive) || q->message.contains(w, Qt::CaseInsensitive) ||
                         q->projectTypes.join(QLatin1Char(' ')).contains(w, Qt::CaseInsensitive);
        if (!hit)
            return false;
    }
    return true;
}

} // namespace vigia::db
