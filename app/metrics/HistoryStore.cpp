#include "metrics/HistoryStore.h"

#include "core/PrivateFiles.h"

#include "core/Log.h"

#include <QCoreApplication>
#include <QAtomicInt>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QVariant>

#include <sqlite3.h>

namespace vigia::metrics {

namespace {
QAtomicInt g_connectionCounter;

const char *const kSchema[] = {
    "PRAGMA journal_mode=WAL",
    "PRAGMA synchronous=NORMAL",
    "CREATE TABLE IF NOT EXISTS series (id INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE)",
    // Integers keep the file small (bytes, nanocores, load x 1000). The primary key is the
    // (series, tier, ts) index every read walks, so opening a range is one index scan.
    "CREATE TABLE IF NOT EXISTS points (series INTEGER NOT NULL, tier INTEGER NOT NULL, ts INTEGER NOT NULL,"
    " vmin INTEGER NOT NULL, vmax INTEGER NOT NULL, vsum INTEGER NOT NULL, n INTEGER NOT NULL,"
    " PRIMARY KEY (series, tier, ts)) WITHOUT ROWID",
    "CREATE TABLE IF NOT EXISTS sessions (start INTEGER PRIMARY KEY, interval_ms INTEGER NOT NULL)",
    "CREATE TABLE IF NOT EXISTS ooms (ts INTEGER NOT NULL, ns TEXT NOT NULL, pod TEXT NOT NULL,"
    " container TEXT NOT NULL, PRIMARY KEY (ts, ns, pod, container)) WITHOUT ROWID",
};
} // namespace

QString HistoryStore::defaultPath(const QString &profileName)
{
    QString safe = profileName;
    safe.replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9._-]")), QStringLiteral("_"));
    if (safe.isEmpty() || safe.startsWith(QLatin1Char('.')))
        safe.prepend(QStringLiteral("profile"));
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/metrics/") +
           safe + QStringLiteral(".sqlite");
}

HistoryStore::HistoryStore(QString path)
    : m_path(std::move(path)),
      m_connectionName(QStringLiteral("vigia-history-%1").arg(g_connectionCounter.fetchAndAddRelaxed(1)))
{
}

HistoryStore::~HistoryStore()
{
    close();
}

Error HistoryStore::dbError(const QString &what) const
{
    const QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    return makeError(QCoreApplication::translate("HistoryStore", "Resource history: %1 failed").arg(what), db.lastError().text(),
                     QStringLiteral("metrics.db"));
}

Result<void> HistoryStore::open()
{
    // Private before SQLite opens it, so its -wal and -shm are too.
    privatefs::ensureDir(QFileInfo(m_path).absolutePath());
    privatefs::ensureFile(m_path);
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    db.setDatabaseName(m_path);
    if (!db.open())
        return makeError(QCoreApplication::translate("HistoryStore", "Cannot open the resource history at %1").arg(m_path),
                         db.lastError().text(), QStringLiteral("metrics.db"));
    QSqlQuery q(db);
    for (const char *stmt : kSchema)
        if (!q.exec(QString::fromLatin1(stmt)))
            return makeError(QCoreApplication::translate("HistoryStore", "Cannot prepare the resource history"), q.lastError().text(),
                             QStringLiteral("metrics.db"));
    if (q.exec(QStringLiteral("SELECT interval_ms FROM sessions ORDER BY start DESC LIMIT 1")) && q.next())
        m_rawIntervalMs = q.value(0).toInt();
    return {};
}

void HistoryStore::close()
{
    m_ids.clear();
    if (m_reader) {
        sqlite3_close(m_reader);
        m_reader = nullptr;
    }
    if (!QSqlDatabase::contains(m_connectionName))
        return;
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

bool HistoryStore::isOpen() const
{
    return QSqlDatabase::contains(m_connectionName) &&
           QSqlDatabase::database(m_connectionName, false).isOpen();
}

Result<void> HistoryStore::beginSession(qint64 startMs, int intervalMs)
{
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    q.prepare(QStringLiteral("INSERT OR REPLACE INTO sessions (start, interval_ms) VALUES (?, ?)"));
    q.addBindValue(startMs);
    q.addBindValue(intervalMs);
    if (!q.exec())
        return dbError(QCoreApplication::translate("HistoryStore", "recording the session"));
    m_rawIntervalMs = std::max(1000, intervalMs);
    return {};
}

Result<qint64> HistoryStore::seriesId(const QString &key)
{
    if (auto it = m_ids.constFind(key); it != m_ids.constEnd())
        return *it;
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    QSqlQuery q(db);
    q.prepare(QStringLiteral("INSERT OR IGNORE INTO series (key) VALUES (?)"));
    q.addBindValue(key);
    if (!q.exec())
        return dbError(QCoreApplication::translate("HistoryStore", "adding a series"));
    q.prepare(QStringLiteral("SELECT id FROM series WHERE key = ?"));
    q.addBindValue(key);
    if (!q.exec() || !q.next())
        return dbError(QCoreApplication::translate("HistoryStore", "finding a series"));
    const qint64 id = q.value(0).toLongLong();
    m_ids.insert(key, id);
    return id;
}

Result<void> HistoryStore::append(const Sample &sample)
{
    return appendValues(sample.timestampMs, flattenSample(sample));
}

Result<void> HistoryStore::appendValues(qint64 ts, const QList<SeriesValue> &values)
{
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    if (!db.isOpen())
        return makeError(QCoreApplication::translate("HistoryStore", "Resource history is not open"), {}, QStringLiteral("metrics.db"));
    db.transaction();
    QSqlQuery q(db);
    q.prepare(QStringLiteral(
        "INSERT INTO points (series, tier, ts, vmin, vmax, vsum, n) VALUES (?, ?, ?, ?, ?, ?, 1) "
        "ON CONFLICT (series, tier, ts) DO UPDATE SET vmin = min(vmin, excluded.vmin), "
        "vmax = max(vmax, excluded.vmax), vsum = vsum + excluded.vsum, n = n + 1"));
    for (const SeriesValue &v : values) {
        auto id = seriesId(v.key);
        if (!id) {
            db.rollback();
            return id.error();
        }
        for (int tier = Raw; tier <= TenMinutes; ++tier) {
            const qint64 t = tier == Raw ? ts : ts - ts % kBucketMs[tier];
            q.addBindValue(id.value());
            q.addBindValue(tier);
            q.addBindValue(t);
            q.addBindValue(v.value);
            q.addBindValue(v.value);
            q.addBindValue(v.value);
            if (!q.exec()) {
                const Error e = dbError(QCoreApplication::translate("HistoryStore", "storing a sample"));
                db.rollback();
                return e;
            }
        }
    }
    if (!db.commit())
        return dbError(QCoreApplication::translate("HistoryStore", "committing a sample"));
    if (ts - m_lastPrune > 3600 * 1000) {
        m_lastPrune = ts;
        return prune(ts);
    }
    return {};
}

Result<void> HistoryStore::appendOom(const OomMarker &oom)
{
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    q.prepare(QStringLiteral("INSERT OR IGNORE INTO ooms (ts, ns, pod, container) VALUES (?, ?, ?, ?)"));
    q.addBindValue(oom.t);
    q.addBindValue(oom.ns);
    q.addBindValue(oom.pod);
    q.addBindValue(oom.container);
    if (!q.exec())
        return dbError(QCoreApplication::translate("HistoryStore", "storing an OOM kill"));
    return {};
}

Result<void> HistoryStore::prune(qint64 nowMs)
{
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    QSqlQuery q(db);
    for (int tier = Raw; tier <= TenMinutes; ++tier) {
        q.prepare(QStringLiteral("DELETE FROM points WHERE tier = ? AND ts < ?"));
        q.addBindValue(tier);
        q.addBindValue(nowMs - kRetentionMs[tier]);
        if (!q.exec())
            return dbError(QCoreApplication::translate("HistoryStore", "pruning"));
    }
    q.prepare(QStringLiteral("DELETE FROM ooms WHERE ts < ?"));
    q.addBindValue(nowMs - kRetentionMs[TenMinutes]);
    q.exec();
    q.prepare(QStringLiteral("DELETE FROM sessions WHERE start < ?"));
    q.addBindValue(nowMs - kRetentionMs[TenMinutes]);
    q.exec();
    return {};
}

int HistoryStore::chooseTier(qint64 from, qint64 to, qint64 nowMs, int maxPoints)
{
    const qint64 span = std::max<qint64>(1, to - from);
    const qint64 rawStep = 10000;
    for (int tier = Raw; tier <= TenMinutes; ++tier) {
        const qint64 step = tier == Raw ? rawStep : kBucketMs[tier];
        if (from >= nowMs - kRetentionMs[tier] - 60000 && span / step <= maxPoints)
            return tier;
    }
    return TenMinutes;
}

qint64 HistoryStore::gapThresholdMs(int tier) const
{
    // A point may arrive a little late; more than two missed points is a gap.
    const qint64 step = tier == Raw ? m_rawIntervalMs : kBucketMs[std::clamp(tier, 0, 2)];
    return 2 * step + step / 2;
}

QStringList HistoryStore::seriesKeys(const QString &prefix) const
{
    QStringList out;
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    q.prepare(QStringLiteral("SELECT key FROM series WHERE substr(key, 1, ?) = ? ORDER BY key"));
    q.addBindValue(prefix.size());
    q.addBindValue(prefix.isNull() ? QStringLiteral("") : prefix);
    if (q.exec())
        while (q.next())
            out << q.value(0).toString();
    return out;
}

Result<HistoryRead> HistoryStore::read(const QString &keyPrefix, qint64 from, qint64 to, qint64 nowMs,
                                       int tier) const
{
    if (!isOpen())
        return makeError(QCoreApplication::translate("HistoryStore", "Resource history is not open"), {}, QStringLiteral("metrics.db"));
    sqlite3 *h = reader();
    if (!h)
        return makeError(QCoreApplication::translate("HistoryStore", "Resource history: reading failed"),
                         QCoreApplication::translate("HistoryStore", "cannot open %1").arg(m_path), QStringLiteral("metrics.db"));
    return readWith(h, keyPrefix, from, to, nowMs, tier, m_rawIntervalMs);
}

Result<HistoryRead> HistoryStore::readFile(const QString &path, const QString &keyPrefix, qint64 from, qint64 to,
                                           qint64 nowMs, int rawIntervalMs, int tier)
{
    sqlite3 *h = nullptr;
    if (sqlite3_open_v2(QFile::encodeName(path).constData(), &h, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
        const QString why = h ? QString::fromUtf8(sqlite3_errmsg(h)) : QCoreApplication::translate("HistoryStore", "out of memory");
        sqlite3_close(h);
        return makeError(QCoreApplication::translate("HistoryStore", "Resource history: reading failed"),
                         QCoreApplication::translate("HistoryStore", "cannot open %1: %2").arg(path, why), QStringLiteral("metrics.db"));
    }
    sqlite3_busy_timeout(h, 2000);
    Result<HistoryRead> r = readWith(h, keyPrefix, from, to, nowMs, tier, rawIntervalMs);
    sqlite3_close(h);
    return r;
}

namespace {
QString columnText(sqlite3_stmt *st, int col)
{
    return QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(st, col)),
                             sqlite3_column_bytes(st, col));
}
} // namespace

Result<HistoryRead> HistoryStore::readWith(sqlite3 *h, const QString &keyPrefix, qint64 from, qint64 to,
                                           qint64 nowMs, int tier, int rawIntervalMs)
{
    HistoryRead r;
    r.tier = tier < 0 ? chooseTier(from, to, nowMs) : std::clamp(tier, 0, 2);
    const qint64 step = r.tier == Raw ? std::max(1000, rawIntervalMs) : kBucketMs[r.tier];
    r.bucketMs = step;
    // A point may arrive a little late; more than two missed points is a gap.
    r.gapMs = 2 * step + step / 2;
    auto failed = [h] {
        return makeError(QCoreApplication::translate("HistoryStore", "Resource history: reading failed"), QString::fromUtf8(sqlite3_errmsg(h)),
                         QStringLiteral("metrics.db"));
    };
    // One snapshot for every series and the kills: a sample written meanwhile shows up in all or none.
    sqlite3_exec(h, "BEGIN", nullptr, nullptr, nullptr);
    struct Done {
        sqlite3 *h;
        ~Done() { sqlite3_exec(h, "COMMIT", nullptr, nullptr, nullptr); }
    } done{h};
    sqlite3_stmt *ids = nullptr;
    sqlite3_stmt *st = nullptr;
    sqlite3_stmt *oo = nullptr;
    struct Finalize {
        sqlite3_stmt **a, **b, **c;
        ~Finalize()
        {
            sqlite3_finalize(*a);
            sqlite3_finalize(*b);
            sqlite3_finalize(*c);
        }
    } fin{&ids, &st, &oo};
    if (sqlite3_prepare_v2(h, "SELECT id, key FROM series WHERE substr(key, 1, ?) = ?", -1, &ids, nullptr) !=
            SQLITE_OK ||
        sqlite3_prepare_v2(h,
                           "SELECT ts, vmin, vmax, vsum, n FROM points WHERE series = ? AND tier = ? "
                           "AND ts >= ? AND ts <= ? ORDER BY ts",
                           -1, &st, nullptr) != SQLITE_OK ||
        sqlite3_prepare_v2(h, "SELECT ts, ns, pod, container FROM ooms WHERE ts >= ? AND ts <= ? ORDER BY ts",
                           -1, &oo, nullptr) != SQLITE_OK)
        return failed();
    const QByteArray prefix = keyPrefix.toUtf8();
    sqlite3_bind_int(ids, 1, int(keyPrefix.size()));
    sqlite3_bind_text(ids, 2, prefix.constData(), int(prefix.size()), SQLITE_TRANSIENT);
    int rc = SQLITE_DONE;
    int idRc = SQLITE_DONE;
    while ((idRc = sqlite3_step(ids)) == SQLITE_ROW) {
        sqlite3_reset(st);
        sqlite3_bind_int64(st, 1, sqlite3_column_int64(ids, 0));
        sqlite3_bind_int(st, 2, r.tier);
        sqlite3_bind_int64(st, 3, from - (r.tier == Raw ? 0 : r.bucketMs));
        sqlite3_bind_int64(st, 4, to);
        Series s;
        while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
            const qint64 n = std::max<qint64>(1, sqlite3_column_int64(st, 4));
            s.append(Point{sqlite3_column_int64(st, 0), double(sqlite3_column_int64(st, 1)),
                           double(sqlite3_column_int64(st, 2)),
                           double(sqlite3_column_int64(st, 3)) / double(n), n});
        }
        if (rc != SQLITE_DONE)
            return failed();
        if (!s.isEmpty())
            r.series.insert(columnText(ids, 1), std::move(s));
    }
    if (idRc != SQLITE_DONE)
        return failed();
    sqlite3_bind_int64(oo, 1, from);
    sqlite3_bind_int64(oo, 2, to);
    while (sqlite3_step(oo) == SQLITE_ROW)
        r.ooms.append({sqlite3_column_int64(oo, 0), columnText(oo, 1), columnText(oo, 2), columnText(oo, 3)});
    return r;
}

sqlite3 *HistoryStore::reader() const
{
    if (m_reader)
        return m_reader;
    sqlite3 *h = nullptr;
    if (sqlite3_open_v2(QFile::encodeName(m_path).constData(), &h, SQLITE_OPEN_READONLY, nullptr) !=
        SQLITE_OK) {
        sqlite3_close(h);
        return nullptr;
    }
    sqlite3_busy_timeout(h, 2000);
    m_reader = h;
    return m_reader;
}

qint64 HistoryStore::fileSizeBytes() const
{
    return QFileInfo(m_path).size() + QFileInfo(m_path + QStringLiteral("-wal")).size();
}

} // namespace vigia::metrics
