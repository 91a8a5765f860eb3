#include "db/SqlConnection.h"

#include <QAtomicInteger>
#include <QSqlDatabase>
#include <QSqlDriver>
#include <QSqlError>
#include <QVariant>

#include <sqlite3.h>

namespace vigia::db {

QString ScopedSqlConnection::uniqueName(const QString &prefix)
{
    static QAtomicInteger<quint64> counter;
    return QStringLiteral("vigia-%1-%2").arg(prefix).arg(counter.fetchAndAddRelaxed(1));
}

namespace sqlconn {

void disableDoubleQuotedStrings(sqlite3 *handle)
{
    if (!handle)
        return;
    sqlite3_db_config(handle, SQLITE_DBCONFIG_DQS_DML, 0, nullptr);
    sqlite3_db_config(handle, SQLITE_DBCONFIG_DQS_DDL, 0, nullptr);
}

QString open(const QString &dbPath, const QString &prefix, bool readOnly, QString *error)
{
    const QString name = ScopedSqlConnection::uniqueName(prefix);
    QString err;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(dbPath);
        // A writer (the audit log) waits for a moment rather than failing on a busy file.
        db.setConnectOptions(readOnly ? QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=5000")
                                      : QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
        if (db.open()) {
            // The driver's handle is the system libsqlite3's, the one linked here.
            const QVariant v = db.driver()->handle();
            if (v.isValid() && qstrcmp(v.typeName(), "sqlite3*") == 0)
                disableDoubleQuotedStrings(*static_cast<sqlite3 *const *>(v.constData()));
            return name;
        }
        err = db.lastError().text();
    }
    QSqlDatabase::removeDatabase(name);
    if (error)
        *error = err;
    return {};
}

void close(const QString &name)
{
    if (name.isEmpty())
        return;
    {
        QSqlDatabase db = QSqlDatabase::database(name, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
}

} // namespace sqlconn

ScopedSqlConnection::ScopedSqlConnection(const QString &dbPath)
{
    m_name = sqlconn::open(dbPath, QStringLiteral("read"), true, &m_error);
    m_open = !m_name.isEmpty();
}

ScopedSqlConnection::~ScopedSqlConnection()
{
    sqlconn::close(m_name);
}

} // namespace vigia::db
