#pragma once
// Vigía's own files hold customers' data, server logs and what was done where: the audit trail,
// the resource history, the snapshot cache, saved logs. Each is made 0600 in a 0700 folder,
// explicitly, whatever the user's umask. A database file is made 0600 before SQLite opens it,
// so its -wal, -shm and -journal (SQLite gives them the database's mode) are private too.
#include <QString>

namespace vigia::privatefs {

// mkpath, then 0700 on the folder itself. False when it cannot be created.
bool ensureDir(const QString &dir);
// Creates an empty file when missing; 0600 either way. False when neither works.
bool ensureFile(const QString &path);
// 0600 on an existing file (a saved export).
bool restrict(const QString &path);

} // namespace vigia::privatefs
