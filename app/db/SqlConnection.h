#pragma once
// Every QSQLITE connection of the app is opened and closed here: a unique
// connection name, read-only unless asked, a busy timeout, and the driver's
// error text when it fails (snapshot readers, the table browser, the agenda,
// and the audit log).
#include <QString>

struct sqlite3;

namespace vigia::db {

namespace sqlconn {
// SQLite reads a double-quoted name that matches no column as a string literal, so a wrong
// column mapping would show its own name as data in every row. Off, it is an error.
void disableDoubleQuotedStrings(sqlite3 *handle);
// Returns the connection name, or "" with *ERROR set.
QString open(const QString &dbPath, const QString &prefix, bool readOnly, QString *error = nullptr);
void close(const QString &name);
} // namespace sqlconn

// Opens a read-only QSQLITE connection under a unique name and removes it on scope exit.
class ScopedSqlConnection {
public:
    explicit ScopedSqlConnection(const QString &dbPath);
    ~ScopedSqlConnection();
    ScopedSqlConnection(const ScopedSqlConnection &) = delete;
    ScopedSqlConnection &operator=(const ScopedSqlConnection &) = delete;
    bool isOpen() const { return m_open; }
    QString name() const { return m_name; }
    QString errorText() const { return m_error; }
    static QString uniqueName(const QString &prefix);

private:
    QString m_name;
    QString m_error;
    bool m_open = false;
};

} // namespace vigia::db
