#include "db/CsvExport.h"

#include <QCoreApplication>
#include <QAbstractItemModel>
#include <QBuffer>
#include <QDateTime>
#include <QFile>
#include <QRegularExpression>
#include <QSaveFile>

namespace vigia::db {

bool CsvExport::isFormulaLike(const QString &field)
{
    if (field.isEmpty())
        return false;
    const QChar c = field.front();
    if (c != QLatin1Char('=') && c != QLatin1Char('+') && c != QLatin1Char('-') && c != QLatin1Char('@') &&
        c != QLatin1Char('\t') && c != QLatin1Char('\r'))
        return false;
    // A plain signed number ("-12.5") is data a spreadsheet reads as a number, never a formula.
    static const QRegularExpression number(QStringLiteral("^[-+]?[0-9]+([.,][0-9]+)?$"));
    return !number.match(field).hasMatch();
}

QByteArray CsvExport::encodeField(const QString &field)
{
    // Customers typed these cells. One starting with = + - @ tab or CR is a formula to a
    // spreadsheet (OWASP "CSV injection"): a leading ' makes it text, shown as typed.
    const bool formula = isFormulaLike(field);
    QByteArray b = formula ? "'" + field.toUtf8() : field.toUtf8();
    const bool quote = formula || b.contains(',') || b.contains('"') || b.contains('\n') || b.contains('\r') ||
                       (!b.isEmpty() && (b.front() == ' ' || b.back() == ' '));
    if (!quote)
        return b;
    b.replace("\"", "\"\"");
    return '"' + b + '"';
}

QByteArray CsvExport::encodeRecord(const QStringList &fields)
{
    QByteArray line;
    for (qsizetype i = 0; i < fields.size(); ++i) {
        if (i)
            line += ',';
        line += encodeField(fields[i]);
    }
    line += "\r\n";
    return line;
}

namespace {
QString cellText(const QAbstractItemModel *model, const QModelIndex &idx)
{
    const QVariant edit = model->data(idx, Qt::EditRole);
    if (edit.typeId() == QMetaType::QDateTime)
        return edit.toDateTime().toString(Qt::ISODate);
    if (edit.isValid() && !edit.isNull() && edit.typeId() != QMetaType::QByteArray)
        return edit.toString();
    return model->data(idx, Qt::DisplayRole).toString();
}
} // namespace

Result<qint64> CsvExport::write(QAbstractItemModel *model, QIODevice *out, qint64 maxRows)
{
    if (!model || !out)
        return makeError(QCoreApplication::translate("CsvExport", "Nothing to export."));
    QStringList header;
    for (int c = 0; c < model->columnCount(); ++c)
        header << model->headerData(c, Qt::Horizontal, Qt::DisplayRole).toString();
    if (out->write(encodeRecord(header)) < 0)
        return makeError(QCoreApplication::translate("CsvExport", "Could not write the CSV file."), out->errorString(), QStringLiteral("db.export"));
    qint64 written = 0;
    int row = 0;
    for (;;) {
        for (; row < model->rowCount(); ++row) {
            if (written >= maxRows)
                return written;
            QStringList fields;
            for (int c = 0; c < model->columnCount(); ++c)
                fields << cellText(model, model->index(row, c));
            if (out->write(encodeRecord(fields)) < 0)
                return makeError(QCoreApplication::translate("CsvExport", "Could not write the CSV file."), out->errorString(), QStringLiteral("db.export"));
            ++written;
        }
        if (!model->canFetchMore({}))
            break;
        const int before = model->rowCount();
        model->fetchMore({});
        if (model->rowCount() == before)
            break;
    }
    return written;
}

Result<qint64> CsvExport::writeFile(QAbstractItemModel *model, const QString &path)
{
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return makeError(QCoreApplication::translate("CsvExport", "Could not create %1.").arg(path), f.errorString(), QStringLiteral("db.export"));
    // Exports hold the same personal data as the snapshot.
    f.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
    auto r = write(model, &f);
    if (!r)
        return r;
    if (!f.commit())
        return makeError(QCoreApplication::translate("CsvExport", "Could not save %1.").arg(path), f.errorString(), QStringLiteral("db.export"));
    return r;
}

QByteArray CsvExport::toCsv(QAbstractItemModel *model)
{
    QByteArray data;
    QBuffer buf(&data);
    buf.open(QIODevice::WriteOnly);
    (void)write(model, &buf);
    return data;
}

QList<QStringList> CsvExport::parse(const QByteArray &csv)
{
    QList<QStringList> records;
    QStringList record;
    QByteArray field;
    bool inQuotes = false;
    bool any = false;
    const qsizetype n = csv.size();
    for (qsizetype i = 0; i < n; ++i) {
        const char ch = csv[i];
        any = true;
        if (inQuotes) {
            if (ch == '"') {
                if (i + 1 < n && csv[i + 1] == '"') {
                    field += '"';
                    ++i;
                } else {
                    inQuotes = false;
                }
            } else {
                field += ch;
            }
            continue;
        }
        if (ch == '"') {
            inQuotes = true;
        } else if (ch == ',') {
            record << QString::fromUtf8(field);
            field.clear();
        } else if (ch == '\r' || ch == '\n') {
            if (ch == '\r' && i + 1 < n && csv[i + 1] == '\n')
                ++i;
            record << QString::fromUtf8(field);
            field.clear();
            records << record;
            record.clear();
            any = false;
        } else {
            field += ch;
        }
    }
    if (any) {
        record << QString::fromUtf8(field);
        records << record;
    }
    return records;
}

} // namespace vigia::db
