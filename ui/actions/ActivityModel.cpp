#include "actions/ActivityModel.h"

#include "ThemePalette.h"

#include <QColor>
#include <QFontDatabase>

namespace vigia::ui {

using namespace vigia::actions;

ActivityModel::ActivityModel(QObject *parent) : QAbstractTableModel(parent) {}

void ActivityModel::setEntries(const QList<AuditEntry> &entries)
{
    beginResetModel();
    m_entries = entries;
    endResetModel();
}

void ActivityModel::upsert(const AuditEntry &entry)
{
    for (int row = 0; row < m_entries.size(); ++row) {
        if (m_entries.at(row).id == entry.id) {
            m_entries[row] = entry;
            emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
            return;
        }
    }
    beginInsertRows({}, 0, 0);
    m_entries.prepend(entry);
    endInsertRows();
}

int ActivityModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int ActivityModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString ActivityModel::outcomeText(const AuditEntry &e)
{
    const QString o = e.outcome;
    QString word;
    if (o == QLatin1String(outcome::kSucceeded))
        word = tr("✔ succeeded");
    else if (o == QLatin1String(outcome::kDone))
        word = tr("✔ done");
    else if (o == QLatin1String(outcome::kFailed))
        word = tr("✖ rollout failed");
    else if (o == QLatin1String(outcome::kCommandFailed))
        word = tr("✖ command failed");
    else if (o == QLatin1String(outcome::kTimedOut))
        word = tr("⏱ timed out");
    else if (o == QLatin1String(outcome::kFollowing))
        word = tr("… in progress");
    else if (o == QLatin1String(outcome::kStopped))
        word = tr("■ not followed");
    else if (o == QLatin1String(outcome::kPending))
        word = tr("… sending");
    else
        word = o;
    const QString detail = e.outcomeDetail.isEmpty() ? e.error : e.outcomeDetail;
    return detail.isEmpty() ? word : word + QStringLiteral(": ") + detail;
}

QVariant ActivityModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const AuditEntry &e = m_entries.at(index.row());
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case Time:
            return e.time.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
        case Profile:
            return e.server == e.profile || e.server.isEmpty()
                       ? e.profile
                       : e.profile + QStringLiteral(" (") + e.server + QLatin1Char(')');
        case Action:
            return e.action;
        case Object:
            return e.namespaceName + QLatin1Char('/') + e.objectKind + QLatin1Char('/') + e.objectName;
        case Command:
            return e.commandLine;
        case Exit:
            return e.exitCode ? QVariant(*e.exitCode) : QVariant(QStringLiteral("—"));
        case Outcome:
            return outcomeText(e);
        default:
            return {};
        }
    }
    if (role == Qt::ToolTipRole) {
        if (index.column() == Command)
            return e.commandLine;
        if (index.column() == Outcome)
            return outcomeText(e);
        if (index.column() == Time)
            return e.time.toString(Qt::ISODateWithMs);
    }
    if (role == Qt::FontRole && index.column() == Command)
        return QFontDatabase::systemFont(QFontDatabase::FixedFont);
    if (role == Qt::ForegroundRole && index.column() == Outcome) {
        if (e.outcome == QLatin1String(outcome::kFailed) ||
            e.outcome == QLatin1String(outcome::kCommandFailed) ||
            e.outcome == QLatin1String(outcome::kTimedOut))
            return ThemePalette::toneText(ThemePalette::Tone::Error);
        if (e.outcome == QLatin1String(outcome::kSucceeded) || e.outcome == QLatin1String(outcome::kDone))
            return ThemePalette::toneText(ThemePalette::Tone::Ok);
    }
    if (role == Qt::UserRole)
        return e.id;
    return {};
}

QVariant ActivityModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Time:
        return tr("Time");
    case Profile:
        return tr("Profile");
    case Action:
        return tr("Action");
    case Object:
        return tr("Object");
    case Command:
        return tr("Command");
    case Exit:
        return tr("Exit");
    case Outcome:
        return tr("Outcome");
    default:
        return {};
    }
}

} // namespace vigia::ui
