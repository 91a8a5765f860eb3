#pragma once
// Local half of a snapshot: a downloaded copy is only shown after it opens,
// passes PRAGMA quick_check, and has been folded into one self-contained file.
// A torn copy never reaches a view.
#include "core/Result.h"

#include <QString>

namespace vigia::db {

struct VerifyInfo {
    int tableCount = 0;
    qint64 bytes = 0;
};

class SnapshotVerifier {
public:
    // Opens PATH (applying a -wal beside it, if any), runs quick_check.
    // Error codes: "db.not-a-database", "db.corrupt".
    static Result<VerifyInfo> verify(const QString &path);

    // verify(), then checkpoint the -wal into the file, switch it to a rollback
    // journal (so it is one file), make it 0600 and move it atomically to FINALPATH.
    // STAGING and its -wal/-shm are removed whatever happens.
    static Result<VerifyInfo> verifyAndInstall(const QString &stagingPath, const QString &finalPath);

    static void removeWithSidecars(const QString &path);
};

} // namespace vigia::db
