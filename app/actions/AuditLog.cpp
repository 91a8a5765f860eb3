#include "actions/AuditLog.h"

#include "core/PrivateFiles.h"
#include "db/SqlConnection.h"

#include "core/Log.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTimeZone>
#include <QVariant>

namespace vigia::actions {

namespace {
constexpr int kSchemaVersion = 1;

Error dbError(const QString &what, const QSqlError &e)
{
    // The driver's text only: never a row's content.
    return makeError(QCoreApplication::translate("AuditLog", "The activity log could not %1: %2").arg(what, e.text()), QString(),
                     QStringLiteral("db.audit"));
}

AuditEntry fromQuery(const QSqlQuery &q)
{
    AuditEntry e;
    e.id = q.value(0).toLongLong();
    e.time = QDateTime::fromMSecsSinceEpoch(q.value(1).toLongLong(), QTimeZone::utc());
    e.profile = q.value(2).toString();
    e.server = q.value(3).toString();
    e.action = q.value(4).toString();
    e.namespaceName = q.value(5).toString();
    e.objectKind = q.value(6).toString();
    e.objectName = q.value(7).toString();
    e.commandLine = q.value(8).toString();
    if (!q.value(9).isNull())
        e.exitCode = q.value(9).toInt();
    e.error = q.value(10).toString();
    e.outcome = q.value(11).toString();
    e.outcomeDetail = q.value(12).toString();
    return e;
}

const char kColumns[] = "id, time_ms, profile, server, action, namespace, object_kind, object_name, command, "
                        "exit_code, error, outcome, outcome_detail";
} // namespace

AuditLog::AuditLog(QObject *parent) : QObject(parent) {}

AuditLog::~AuditLog()
{
    db::sqlconn::close(m_connectionName);
}

QString AuditLog::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation) +
           QStringLiteral("/audit.sqlite");
}

bool AuditLog::isOpen() const
{
    return !m_connectionName.isEmpty() && QSqlDatabase::database(m_connectionName, false).isOpen();
}

Result<void> AuditLog::open(const QString &path)
{
    if (path != QLatin1String(":memory:")) {
        const QString dir = QFileInfo(path).absolutePath();
        if (!privatefs::ensureDir(dir) || !privatefs::ensureFile(path))
            return makeError(QCoreApplication::translate("AuditLog", "The activity log folder %1 could not be created.").arg(dir),
                             QString(), QStringLiteral("db.audit"));
    }
    db::sqlconn::close(m_connectionName);
    QString err;
    // Opened for writing, with a busy timeout: another Vigía window may be writing at the same moment.
    m_connectionName = db::sqlconn::open(path, QStringLiteral("audit"), /*readOnly=*/false, &err);
    if (m_connectionName.isEmpty())
        return makeError(QCoreApplication::translate("AuditLog", "The activity log %1 could not be opened.").arg(path), err,
                         QStringLiteral("db.audit"));
    m_path = path;
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("CREATE TABLE IF NOT EXISTS audit ("
                               " id INTEGER PRIMARY KEY AUTOINCREMENT,"
                               " time_ms INTEGER NOT NULL,"
                               " profile TEXT NOT NULL, server TEXT NOT NULL,"
                               " action TEXT NOT NULL, namespace TEXT NOT NULL,"
                               " object_kind TEXT NOT NULL, object_name TEXT NOT NULL,"
                               " command TEXT NOT NULL, exit_code INTEGER, error TEXT NOT NULL DEFAULT '',"
                               " outcome TEXT NOT NULL, outcome_detail TEXT NOT NULL DEFAULT '')")))
        return dbError(QCoreApplication::translate("AuditLog", "create its table"), q.lastError());
    q.exec(QStringLiteral("CREATE INDEX IF NOT EXISTS audit_time ON audit(time_ms)"));
    q.exec(QStringLiteral("PRAGMA user_version = %1").arg(kSchemaVersion));
    qCDebug(lcDb) << "audit log open";
    return {};
}

Result<void> AuditLog::exec(const QString &sql, const QVariantList &binds) const
{
    if (!isOpen())
        return makeError(QCoreApplication::translate("AuditLog", "The activity log is not open."), QString(),
                         QStringLiteral("db.audit"));
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    if (!q.prepare(sql))
        return dbError(QCoreApplication::translate("AuditLog", "prepare a query"), q.lastError());
    for (const QVariant &b : binds)
        q.addBindValue(b);
    if (!q.exec())
        return dbError(QCoreApplication::translate("AuditLog", "be written"), q.lastError());
    return {};
}

Result<qint64> AuditLog::append(AuditEntry e)
{
    if (!isOpen())
        return makeError(QCoreApplication::translate("AuditLog", "The activity log is not open."), QString(),
                         QStringLiteral("db.audit"));
    if (!e.time.isValid())
        e.time = QDateTime::currentDateTimeUtc();
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    q.prepare(
        QStringLiteral("INSERT INTO audit (time_ms, profile, server, action, namespace, object_kind, "
                       "object_name, command, exit_code, error, outcome, outcome_detail) "
                       "VALUES (?,COALESCE(?,''),COALESCE(?,''),COALESCE(?,''),COALESCE(?,''),COALESCE(?,''),"
                       "COALESCE(?,''),COALESCE(?,''),?,COALESCE(?,''),COALESCE(?,''),COALESCE(?,''))"));
    q.addBindValue(e.time.toMSecsSinceEpoch());
    q.addBindValue(e.profile);
    q.addBindValue(e.server);
    q.addBindValue(e.action);
    q.addBindValue(e.namespaceName);
    q.addBindValue(e.objectKind);
    q.addBindValue(e.objectName);
    q.addBindValue(e.commandLine);
    q.addBindValue(e.exitCode ? QVariant(*e.exitCode) : QVariant(QMetaType(QMetaType::Int)));
    q.addBindValue(e.error);
    q.addBindValue(e.outcome);
    q.addBindValue(e.outcomeDetail);
    if (!q.exec())
        return dbError(QCoreApplication::translate("AuditLog", "be written"), q.lastError());
    const qint64 id = q.lastInsertId().toLongLong();
    emit entryAdded(id);
    return id;
}

Result<void> AuditLog::setExitStatus(qint64 id, std::optional<int> exitCode, const QString &error)
{
    auto r = exec(QStringLiteral("UPDATE audit SET exit_code = ?, error = COALESCE(?, '') WHERE id = ?"),
                  {exitCode ? QVariant(*exitCode) : QVariant(QMetaType(QMetaType::Int)), error, id});
    if (r)
        emit entryChanged(id);
    return r;
}

Result<void> AuditLog::setOutcome(qint64 id, const QString &outcomeWord, const QString &detail)
{
    auto r =
        exec(QStringLiteral(
                 "UPDATE audit SET outcome = COALESCE(?, ''), outcome_detail = COALESCE(?, '') WHERE id = ?"),
             {outcomeWord, detail, id});
    if (r)
        emit entryChanged(id);
    return r;
}

Result<AuditEntry> AuditLog::entry(qint64 id) const
{
    if (!isOpen())
        return makeError(QCoreApplication::translate("AuditLog", "The activity log is not open."), QString(),
                         QStringLiteral("db.audit"));
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    q.prepare(QStringLiteral("SELECT %1 FROM audit WHERE id = ?").arg(QLatin1String(kColumns)));
    q.addBindValue(id);
    if (!q.exec())
        return dbError(QCoreApplication::translate("AuditLog", "be read"), q.lastError());
    if (!q.next())
        return makeError(QCoreApplication::translate("AuditLog", "Activity entry %1 does not exist.").arg(id), QString(),
                         QStringLiteral("db.audit"));
    return fromQuery(q);
}

Result<QList<AuditEntry>> AuditLog::entries(const AuditQuery &query) const
{
    if (!isOpen())
        return makeError(QCoreApplication::translate("AuditLog", "The activity log is not open."), QString(),
                         QStringLiteral("db.audit"));
    QString sql = QStringLiteral("SELECT %1 FROM audit WHERE 1=1").arg(QLatin1String(kColumns));
    QVariantList binds;
    if (!query.profile.isEmpty()) {
        sql += QStringLiteral(" AND profile = ?");
        binds << query.profile;
    }
    if (!query.textFilter.isEmpty()) {
        sql += QStringLiteral(
            " AND (instr(lower(object_name), lower(?)) > 0 OR instr(lower(namespace), lower(?)) > 0"
            " OR instr(lower(command), lower(?)) > 0 OR instr(lower(outcome), lower(?)) > 0)");
        binds << query.textFilter << query.textFilter << query.textFilter << query.textFilter;
    }
    sql += QStringLiteral(" ORDER BY time_ms DESC, id DESC LIMIT ?");
    binds << qMax(1, query.limit);
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    if (!q.prepare(sql))
        return dbError(QCoreApplication::translate("AuditLog", "prepare a query"), q.lastError());
    for (const QVariant &b : binds)
        q.addBindValue(b);
    if (!q.exec())
        return dbError(QCoreApplication::translate("AuditLog", "be read"), q.lastError());
    QList<AuditEntry> out;
    while (q.next())
        out << fromQuery(q);
    return out;
}

} // namespace vigia::actions
