#pragma once
// SQL quoting for the few places where a value cannot be a bound parameter:
// identifiers (table and column names from an unknown schema) and the file
// name of VACUUM INTO on the sqlite3 command line.
#include <QString>

namespace vigia::db {

// 'it''s' : a string literal, every quote doubled.
QString sqlQuoteString(const QString &value);
// "my ""table""" : an identifier, every double quote doubled.
QString sqlQuoteIdentifier(const QString &name);
// Escapes % _ and \ for LIKE ... ESCAPE '\'.
QString sqlEscapeLike(const QString &text);

} // namespace vigia::db
