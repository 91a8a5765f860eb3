#include "db/AppointmentIndex.h"
#include "db/SqlConnection.h"

#include "db/SqlQuote.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QTimeZone>

#include <sqlite3.h>

#include <algorithm>
#include <cstring>
#include <numeric>
#include <string.h>
#include <string>
#include <vector>

namespace vigia::db {

namespace {

// U+00C0..U+00FF (UTF-8 C3 80..C3 BF) to a lower-case base letter; 0 keeps the character.
constexpr char kLatin1Fold[64] = {
    'a', 'a', 'a', 'a', 'a', 'a', 'a', 'c', 'e', 'e', 'e', 'e', 'i', 'i', 'i', 'i', // C0-CF
    'd', 'n', 'o', 'o', 'o', 'o', 'o', 0,   'o', 'u', 'u', 'u', 'u', 'y', 0,   0,   // D0-DF
    'a', 'a', 'a', 'a', 'a', 'a', 'a', 'c', 'e', 'e', 'e', 'e', 'i', 'i', 'i', 'i', // E0-EF
    'd', 'n', 'o', 'o', 'o', 'o', 'o', 0,   'o', 'u', 'u', 'u', 'u', 'y', 0,   'y', // F0-FF
};

constexpr char kFieldSep = '\x1f';
constexpr char kRowEnd = '\x1e';

// Text of an appointment column as unix seconds, whatever the Go service stored: integer
// seconds (or milliseconds), a real, ISO text with any offset, or digits as text.
QString startExpression(const QString &column)
{
    if (column.isEmpty())
        return QStringLiteral("NULL");
    const QString c = sqlQuoteIdentifier(column);
    return QStringLiteral(
               "CASE typeof(%1) WHEN 'integer' THEN (CASE WHEN %1 > 100000000000 THEN %1 / 1000 ELSE %1 END) "
               "WHEN 'real' THEN CAST(%1 AS INTEGER) "
               "WHEN 'text' THEN (CASE WHEN %1 NOT GLOB '*[^0-9]*' AND %1 <> '' THEN CAST(%1 AS INTEGER) "
               "ELSE CAST(strftime('%s', %1) AS INTEGER) END) END")
        .arg(c);
}

QString colOrNull(const QString &column)
{
    return column.isEmpty() ? QStringLiteral("NULL") : sqlQuoteIdentifier(column);
}

} // namespace

// Rows in read order first, then one sort into start order. Plain std containers and raw
// writes: this loop runs a million times per snapshot.
struct IndexBuilder {
    std::vector<AppointmentIndex::Entry> entries;
    std::vector<qint64> offsets{0};
    std::vector<qint64> clientEnds;
    std::string text;
    std::vector<std::string> statusBytes; // few distinct values: a linear scan beats hashing
    QStringList statuses;
    int lastStatus = -1;

    int statusCode(const char *s, int n)
    {
        if (lastStatus >= 0 && statusBytes[size_t(lastStatus)].size() == size_t(n) &&
            std::memcmp(statusBytes[size_t(lastStatus)].data(), s, size_t(n)) == 0)
            return lastStatus;
        for (size_t i = 0; i < statusBytes.size(); ++i) {
            if (statusBytes[i].size() == size_t(n) && std::memcmp(statusBytes[i].data(), s, size_t(n)) == 0)
                return lastStatus = int(i);
        }
        statusBytes.emplace_back(s, size_t(n));
        statuses << QString::fromUtf8(s, n);
        return lastStatus = int(statusBytes.size() - 1);
    }

    void add(qint64 key, qint64 start, const char *status, int statusSize, const char *const fields[5],
             const int sizes[5])
    {
        entries.push_back({key, start, status && statusSize > 0 ? statusCode(status, statusSize) : -1});
        size_t at = text.size();
        size_t need = at + 6;
        for (int f = 0; f < 5; ++f)
            need += size_t(sizes[f]);
        if (text.capacity() < need)
            text.reserve(std::max(need, text.capacity() * 2));
        text.resize(need);
        char *out = text.data();
        for (int f = 0; f < 5; ++f) {
            if (f > 0)
                out[at++] = kFieldSep;
            at += size_t(AppointmentIndex::foldUtf8(fields[f], sizes[f], out + at));
            if (f == 0)
                clientEnds.push_back(qint64(at));
        }
        out[at++] = kRowEnd;
        text.resize(at);
        offsets.push_back(qint64(at));
    }

    std::shared_ptr<AppointmentIndex> finish(const QString &keyColumn)
    {
        auto idx = std::make_shared<AppointmentIndex>();
        idx->m_keyColumn = keyColumn;
        const size_t n = entries.size();
        struct Order {
            qint64 start;
            qint64 key;
            int at;
        };
        std::vector<Order> order;
        order.reserve(n);
        for (size_t i = 0; i < n; ++i)
            order.push_back({entries[i].start, entries[i].key, int(i)});
        std::sort(order.begin(), order.end(), [](const Order &x, const Order &y) {
            return x.start != y.start ? x.start < y.start : x.key < y.key;
        });
        // Status codes in alphabetical order, as the filter lists them.
        QStringList sorted = statuses;
        sorted.sort();
        std::vector<int> remap(size_t(statuses.size()));
        for (qsizetype i = 0; i < statuses.size(); ++i)
            remap[size_t(i)] = int(sorted.indexOf(statuses[i]));
        idx->m_statuses = sorted;
        idx->m_entries.resize(qsizetype(n));
        idx->m_offsets.resize(qsizetype(n) + 1);
        idx->m_clientEnds.resize(qsizetype(n));
        idx->m_text.resize(qsizetype(text.size()));
        char *dst = idx->m_text.data();
        qint64 pos = 0;
        idx->m_offsets[0] = 0;
        for (size_t r = 0; r < n; ++r) {
            const size_t p = size_t(order[r].at);
            AppointmentIndex::Entry e = entries[p];
            if (e.status >= 0)
                e.status = remap[size_t(e.status)];
            idx->m_entries[qsizetype(r)] = e;
            const qint64 from = offsets[p], len = offsets[p + 1] - from;
            idx->m_clientEnds[qsizetype(r)] = pos + (clientEnds[p] - from);
            std::memcpy(dst + pos, text.data() + from, size_t(len));
            pos += len;
            idx->m_offsets[qsizetype(r) + 1] = pos;
        }
        return idx;
    }
};

qsizetype AppointmentIndex::foldUtf8(const char *utf8, qsizetype size, char *out)
{
    const auto *s = reinterpret_cast<const unsigned char *>(utf8);
    qsizetype o = 0;
    for (qsizetype i = 0; i < size; ++i) {
        const unsigned char c = s[i];
        if (c < 0x80) {
            out[o++] = c < 0x20 ? ' ' : (c >= 'A' && c <= 'Z') ? char(c + 32) : char(c);
        } else if (c == 0xC3 && i + 1 < size && s[i + 1] >= 0x80 && s[i + 1] <= 0xBF &&
                   kLatin1Fold[s[i + 1] - 0x80]) {
            out[o++] = kLatin1Fold[s[i + 1] - 0x80];
            ++i;
        } else if (c == 0xC3 && i + 1 < size && s[i + 1] >= 0x80 && s[i + 1] <= 0x9E && s[i + 1] != 0x97) {
            // Other upper-case Latin-1 letters (Þ): to their lower-case form, C3 A0-BE.
            out[o++] = char(0xC3);
            out[o++] = char(s[i + 1] + 0x20);
            ++i;
        } else {
            out[o++] = char(c);
        }
    }
    return o;
}

QByteArray AppointmentIndex::fold(const QString &text)
{
    const QByteArray u = text.toUtf8();
    QByteArray out(u.size(), Qt::Uninitialized); // folding never lengthens
    out.truncate(foldUtf8(u.constData(), u.size(), out.data()));
    return out;
}

QList<QByteArray> AppointmentIndex::words(const QString &query)
{
    QList<QByteArray> out;
    for (const QString &w : query.simplified().split(QLatin1Char(' '), Qt::SkipEmptyParts))
        out << fold(w);
    return out;
}

QByteArrayView AppointmentIndex::clientKey(qsizetype i) const
{
    return QByteArrayView(m_text.constData() + m_offsets[i], m_clientEnds[i] - m_offsets[i]);
}

Result<std::shared_ptr<const AppointmentIndex>>
AppointmentIndex::fromSnapshot(const QString &dbPath, const AppointmentMapping &m,
                               const std::atomic<bool> *cancel)
{
    if (!m.isUsable())
        return makeError(QCoreApplication::translate("AppointmentIndex", "Map the start and client columns first."), {},
                         QStringLiteral("db.unmapped"));
    sqlite3 *h = nullptr;
    const int rc = sqlite3_open_v2(QFile::encodeName(dbPath).constData(), &h, SQLITE_OPEN_READONLY, nullptr);
    std::unique_ptr<sqlite3, int (*)(sqlite3 *)> guard(h, sqlite3_close_v2);
    sqlconn::disableDoubleQuotedStrings(h);
    if (rc != SQLITE_OK)
        return makeError(QCoreApplication::translate("AppointmentIndex", "Could not open the snapshot %1.").arg(QFileInfo(dbPath).fileName()),
                         h ? QString::fromUtf8(sqlite3_errmsg(h)) : QString(),
                         QStringLiteral("db.query-failed"));
    const QString rest = QStringLiteral("%1, %2, %3, %4, %5, %6, %7 FROM %8")
                             .arg(startExpression(m.start), colOrNull(m.status), colOrNull(m.client),
                                  colOrNull(m.email), colOrNull(m.service), colOrNull(m.notes),
                                  colOrNull(m.organization), sqlQuoteIdentifier(m.table));
    // rowid where the table has one (the fastest page lookups); the mapped id otherwise (WITHOUT ROWID).
    QString keyColumn = QStringLiteral("rowid");
    sqlite3_stmt *st = nullptr;
    QByteArray sql = (QStringLiteral("SELECT rowid, ") + rest).toUtf8();
    if (sqlite3_prepare_v2(h, sql.constData(), int(sql.size()), &st, nullptr) != SQLITE_OK &&
        !m.id.isEmpty()) {
        keyColumn = m.id;
        sql = (QStringLiteral("SELECT %1, ").arg(sqlQuoteIdentifier(m.id)) + rest).toUtf8();
        sqlite3_prepare_v2(h, sql.constData(), int(sql.size()), &st, nullptr);
    }
    if (!st)
        return makeError(QCoreApplication::translate("AppointmentIndex", "Could not read appointments from %1.").arg(m.table),
                         QString::fromUtf8(sqlite3_errmsg(h)), QStringLiteral("db.query-failed"));
    std::unique_ptr<sqlite3_stmt, int (*)(sqlite3_stmt *)> stGuard(st, sqlite3_finalize);
    IndexBuilder b;
    int step;
    qint64 n = 0;
    while ((step = sqlite3_step(st)) == SQLITE_ROW) {
        if ((n++ & 0xfff) == 0 && cancel && cancel->load(std::memory_order_relaxed))
            return makeError(QCoreApplication::translate("AppointmentIndex", "Cancelled."), {}, QStringLiteral("db.cancelled"));
        const qint64 key = sqlite3_column_int64(st, 0);
        const qint64 start =
            sqlite3_column_type(st, 1) == SQLITE_NULL ? kNoStart : sqlite3_column_int64(st, 1);
        const char *fields[5];
        int sizes[5];
        for (int f = 0; f < 5; ++f) {
            fields[f] = reinterpret_cast<const char *>(sqlite3_column_text(st, 3 + f));
            sizes[f] = fields[f] ? sqlite3_column_bytes(st, 3 + f) : 0;
        }
        const char *status = reinterpret_cast<const char *>(sqlite3_column_text(st, 2));
        b.add(key, start, status, status ? sqlite3_column_bytes(st, 2) : 0, fields, sizes);
    }
    if (step != SQLITE_DONE)
        return makeError(QCoreApplication::translate("AppointmentIndex", "Could not read appointments from %1.").arg(m.table),
                         QString::fromUtf8(sqlite3_errmsg(h)), QStringLiteral("db.query-failed"));
    return std::shared_ptr<const AppointmentIndex>(b.finish(keyColumn));
}

std::shared_ptr<const AppointmentIndex> AppointmentIndex::fromRecords(const QList<Appointment> &rows)
{
    IndexBuilder b;
    for (qsizetype i = 0; i < rows.size(); ++i) {
        const Appointment &a = rows[i];
        const QByteArray f[5] = {a.clientName.toUtf8(), a.clientEmail.toUtf8(), a.service.toUtf8(),
                                 a.notes.toUtf8(), a.organization.toUtf8()};
        const char *fields[5];
        int sizes[5];
        for (int k = 0; k < 5; ++k) {
            fields[k] = f[k].constData();
            sizes[k] = int(f[k].size());
        }
        const QByteArray status = a.status.toUtf8();
        b.add(i, a.startsAt.isValid() ? a.startsAt.toSecsSinceEpoch() : kNoStart, status.constData(),
              int(status.size()), fields, sizes);
    }
    return b.finish(QString());
}

QVector<int> AppointmentIndex::match(const AppointmentFilter &f) const
{
    QVector<int> out;
    const auto byStart = [](const Entry &e, qint64 t) { return e.start < t; };
    // A bounded range never holds rows without a start; "all" does.
    const bool bounded = f.from != AppointmentFilter::kMin || f.to != AppointmentFilter::kMax;
    const qint64 from = bounded && f.from == AppointmentFilter::kMin ? kNoStart + 1 : f.from;
    qsizetype lo = std::lower_bound(m_entries.cbegin(), m_entries.cend(), from, byStart) - m_entries.cbegin();
    const qsizetype hi =
        f.to == AppointmentFilter::kMax
            ? m_entries.size()
            : std::lower_bound(m_entries.cbegin(), m_entries.cend(), f.to, byStart) - m_entries.cbegin();
    if (lo >= hi)
        return out;
    if (f.words.isEmpty()) {
        for (qsizetype i = lo; i < hi; ++i) {
            if (f.status < 0 || m_entries[i].status == f.status)
                out << int(i);
        }
        return out;
    }
    // The longest word drives the scan (fewest hits); the others are checked in the hit's row.
    const QByteArray *lead = &f.words.first();
    for (const QByteArray &w : f.words) {
        if (w.size() > lead->size())
            lead = &w;
    }
    const char *text = m_text.constData();
    qint64 pos = m_offsets[lo];
    const qint64 end = m_offsets[hi];
    while (pos < end) {
        const void *hit = ::memmem(text + pos, size_t(end - pos), lead->constData(), size_t(lead->size()));
        if (!hit)
            break;
        const qint64 at = static_cast<const char *>(hit) - text;
        const qsizetype row = std::upper_bound(m_offsets.cbegin() + lo, m_offsets.cbegin() + hi + 1, at) -
                              m_offsets.cbegin() - 1;
        const qint64 rowFrom = m_offsets[row], rowTo = m_offsets[row + 1];
        bool ok = f.status < 0 || m_entries[row].status == f.status;
        for (const QByteArray &w : f.words) {
            if (!ok)
                break;
            if (&w != lead)
                ok = ::memmem(text + rowFrom, size_t(rowTo - rowFrom), w.constData(), size_t(w.size())) !=
                     nullptr;
        }
        if (ok)
            out << int(row);
        pos = rowTo;
        lo = row + 1;
    }
    return out;
}

QDate AppointmentIndex::dayIn(qint64 unixSeconds, const QTimeZone &tz)
{
    return QDateTime::fromSecsSinceEpoch(unixSeconds, tz).date();
}

QHash<QDate, int> AppointmentIndex::countsPerDay(const QTimeZone &tz) const
{
    QHash<QDate, int> counts;
    // Entries are in start order: the zone's offset is looked up once per transition, not
    // per row, and equal days come in runs.
    qint64 validTo = AppointmentFilter::kMin;
    int offset = 0;
    qint64 runDay = AppointmentFilter::kMin;
    int run = 0;
    const auto flush = [&] {
        if (run > 0)
            counts[QDate::fromJulianDay(2440588 + runDay)] += run;
    };
    for (const Entry &e : m_entries) {
        if (e.start == kNoStart)
            continue;
        if (e.start >= validTo) {
            const QDateTime at = QDateTime::fromSecsSinceEpoch(e.start, QTimeZone::utc());
            offset = tz.offsetFromUtc(at);
            const QTimeZone::OffsetData next = tz.nextTransition(at);
            validTo = next.atUtc.isValid() ? next.atUtc.toSecsSinceEpoch() : AppointmentFilter::kMax;
        }
        const qint64 local = e.start + offset;
        const qint64 day = local >= 0 ? local / 86400 : -((-local + 86399) / 86400);
        if (day != runDay) {
            flush();
            runDay = day;
            run = 0;
        }
        ++run;
    }
    flush();
    return counts;
}

} // namespace vigia::db
