#pragma once
// CSV of what a view shows (RFC 4180: fields with a comma, quote, CR or LF are
// quoted, quotes doubled, CRLF between records; UTF-8). Export reads through
// the model, so a filter proxy exports exactly the filtered rows.
#include "core/Result.h"

#include <QByteArray>
#include <QList>
#include <QStringList>

class QAbstractItemModel;
class QIODevice;

namespace vigia::db {

class CsvExport {
public:
    // Text a spreadsheet would run as a formula; encodeField writes it with a leading '.
    static bool isFormulaLike(const QString &field);
    static QByteArray encodeField(const QString &field);
    static QByteArray encodeRecord(const QStringList &fields);
    // Header from headerData, then every row (DisplayRole; EditRole for dates and
    // numbers so they stay machine-readable). Lazy models are fetched to the end,
    // bounded by MAXROWS.
    static Result<qint64> write(QAbstractItemModel *model, QIODevice *out, qint64 maxRows = 5'000'000);
    static Result<qint64> writeFile(QAbstractItemModel *model, const QString &path);
    static QByteArray toCsv(QAbstractItemModel *model);
    // RFC 4180 reader (for the round-trip test and imports).
    static QList<QStringList> parse(const QByteArray &csv);
};

} // namespace vigia::db
