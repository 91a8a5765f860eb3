// Models over a generated snapshot (the sandbox's own dbgen.py): each checked
// by QAbstractItemModelTester, plus filters, lazy paging and CSV round trips.
#include "test_db_models.h"

#include "core/BidiControls.h"
#include "db/AppointmentIndex.h"
#include "db/AppointmentModel.h"
#include "db/CsvExport.h"
#include "db/QuoteModel.h"
#include "db/SnapshotReader.h"
#include "db/TableBrowserModel.h"

#include <QAbstractItemModelTester>
#include <QBuffer>
#include <QElapsedTimer>
#include <QProcess>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStandardItemModel>
#include <QTemporaryDir>
#include <QTest>

using namespace vigia;
using namespace vigia::db;

namespace {

bool dbgen(const QString &path, const QString &kind, int rows)
{
    QProcess p;
    p.start(QStringLiteral("python3"),
            {QStringLiteral(VIGIA_SANDBOX_DIR "/dbgen.py"), QStringLiteral("--db"), path,
             QStringLiteral("--kind"), kind, QStringLiteral("--rows"), QString::number(rows)});
    return p.waitForFinished(60000) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
}

QDateTime utc(const char *iso)
{
    return QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODate);
}

Appointment appt(qint64 id, const char *startIso, const QString &name, const QString &status,
                 const QString &notes = {})
{
    Appointment a;
    a.id = id;
    a.startsAt = utc(startIso);
    a.endsAt = a.startsAt.addSecs(3600);
    a.clientName = name;
    a.clientEmail = name.toLower().remove(QLatin1Char(' ')) + QStringLiteral("@example.mx");
    a.service = QStringLiteral("Consulta inicial");
    a.status = status;
    a.notes = notes;
    return a;
}

int columnIndex(const TableBrowserModel &m, const QString &name)
{
    for (int i = 0; i < m.columns().size(); ++i) {
        if (m.columns()[i].name == name)
            return i;
    }
    return -1;
}

} // namespace

void TestDbModels::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY(dbgen(m_dir.filePath(QStringLiteral("scheduler.db")), QStringLiteral("scheduler"), 3000));
    QVERIFY(dbgen(m_dir.filePath(QStringLiteral("quoter.db")), QStringLiteral("quoter"), 400));
}

void TestDbModels::timestampsAndTags()
{
    QCOMPARE(parseTimestamp(QStringLiteral("2026-11-27T10:30:00-08:00")), utc("2026-11-27T18:30:00Z"));
    QCOMPARE(parseTimestamp(QStringLiteral("2026-11-27 18:30:00")), utc("2026-11-27T18:30:00Z"));
    QCOMPARE(parseTimestamp(QStringLiteral("1795000000")),
             QDateTime::fromSecsSinceEpoch(1795000000, QTimeZone::utc()));
    QVERIFY(!parseTimestamp(QStringLiteral("mañana")).isValid());
    QCOMPARE(parseTags(QStringLiteral("[\"sitio web\",\"SEO\"]")),
             (QStringList{QStringLiteral("sitio web"), QStringLiteral("SEO")}));
    QCOMPARE(parseTags(QStringLiteral("[]")), QStringList());
    QCOMPARE(parseTags(QStringLiteral("hosting")), QStringList{QStringLiteral("hosting")});
    QCOMPARE(businessTimeZone().id(), QByteArray("America/Tijuana"));
    QCOMPARE(businessTimeZone("Not/AZone").id(), QByteArray("America/Tijuana"));
}

void TestDbModels::appointmentModelFromSnapshot()
{
    const QString path = m_dir.filePath(QStringLiteral("scheduler.db"));
    auto rows = SnapshotReader::appointments(path);
    QVERIFY2(rows.ok(), qPrintable(rows.ok() ? QString() : rows.error().toString()));
    QCOMPARE(rows->size(), 3000);
    // The snapshot read lazily, and the same rows held in memory: both must agree on every filter.
    AppointmentModel model;
    QAbstractItemModelTester t1(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy loaded(&model, &AppointmentModel::loaded);
    model.openSnapshot(path, SnapshotReader::mappingFor(path));
    QVERIFY(model.isLoading());
    QVERIFY(loaded.wait(30000));
    QCOMPARE(loaded.first().at(0).toBool(), true);
    AppointmentModel memory;
    memory.setAppointments(rows.value());
    QCOMPARE(model.rowCount(), 3000);
    QCOMPARE(model.totalCount(), 3000);
    QVERIFY(model.recordsFetched() <= AppointmentModel::kPageSize); // the tester reads the first rows only
    QVERIFY(model.statuses().contains(QStringLiteral("confirmada")));
    QCOMPARE(model.statuses(), memory.statuses());
    QCOMPARE(model.countsPerDay(), memory.countsPerDay());
    // Sorted by start, and every start valid (the generator writes -08:00/-07:00 offsets).
    for (int i = 1; i < 300; ++i)
        QVERIFY(model.at(i - 1)->startsAt <= model.at(i)->startsAt);
    QVERIFY(model.recordsFetched() <= 3 * AppointmentModel::kPageSize); // only the pages read
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (AppointmentModel *m : {&model, &memory})
        m->setNow(now);
    auto both = [&](const std::function<void(AppointmentModel &)> &f) {
        f(model);
        f(memory);
        QCOMPARE(model.rowCount(), memory.rowCount());
        for (int r = 0; r < model.rowCount(); r += 97)
            QCOMPARE(model.at(r)->id, memory.at(r)->id);
    };
    both([](AppointmentModel &m) { m.setSearchText(QStringLiteral("peña")); });
    QVERIFY(model.rowCount() > 0 && model.rowCount() < 3000);
    // Accents and case do not matter: "PENA" finds the Peñas.
    const int pena = model.rowCount();
    both([](AppointmentModel &m) { m.setSearchText(QStringLiteral("PENA")); });
    QVERIFY(model.rowCount() >= pena);
    both([](AppointmentModel &m) { m.setSearchText({}); });
    both([](AppointmentModel &m) { m.setStatus(QStringLiteral("cancelada")); });
    QVERIFY(model.rowCount() > 0);
    for (int r = 0; r < model.rowCount(); ++r)
        QCOMPARE(model.index(r, AppointmentModel::Status).data().toString(), QStringLiteral("cancelada"));
    both([](AppointmentModel &m) { m.setStatus(QStringLiteral("no such status")); });
    QCOMPARE(model.rowCount(), 0);
    both([](AppointmentModel &m) { m.setStatus({}); });
    both([](AppointmentModel &m) { m.setRange(AppointmentModel::Range::Upcoming); });
    const int upcoming = model.rowCount();
    both([](AppointmentModel &m) { m.setRange(AppointmentModel::Range::Past); });
    QCOMPARE(model.rowCount() + upcoming, 3000);
    both([](AppointmentModel &m) { m.sort(AppointmentModel::Start, Qt::DescendingOrder); });
    QVERIFY(model.index(0, 0).data(Qt::EditRole).toDateTime() >=
            model.index(1, 0).data(Qt::EditRole).toDateTime());
    // The first page read before the index (for rows at once) is the index's first page.
    model.sort(AppointmentModel::Start, Qt::AscendingOrder);
    model.setRange(AppointmentModel::Range::Upcoming);
    auto preview =
        AppointmentModel::previewRows(path, SnapshotReader::mappingFor(path), now, model.timeZone(), true);
    QVERIFY2(preview.ok(), qPrintable(preview.ok() ? QString() : preview.error().toString()));
    QCOMPARE(preview->size(), qMin(AppointmentModel::kPageSize, model.rowCount()));
    for (int r = 0; r < preview->size(); ++r)
        QCOMPARE(preview->at(r).id, model.at(r)->id);
    model.setRange(AppointmentModel::Range::All);
    preview =
        AppointmentModel::previewRows(path, SnapshotReader::mappingFor(path), now, model.timeZone(), false);
    QVERIFY(preview.ok());
    for (int r = 0; r < preview->size(); ++r)
        QCOMPARE(preview->at(r).id, model.at(r)->id);
    model.sort(AppointmentModel::Client, Qt::AscendingOrder);
    for (int r = 1; r < 200; ++r)
        QVERIFY(AppointmentIndex::fold(model.at(r - 1)->clientName) <=
                AppointmentIndex::fold(model.at(r)->clientName));
}

void TestDbModels::appointmentIndexFoldsAndScales()
{
    QCOMPARE(AppointmentIndex::fold(QStringLiteral("Zúñiga PEÑA Ávilés")), QByteArray("zuniga pena aviles"));
    QCOMPARE(AppointmentIndex::fold(QStringLiteral("Línea 1\nLínea 2")), QByteArray("linea 1 linea 2"));
    QCOMPARE(AppointmentIndex::fold(QStringLiteral("📱 ok")),
             QStringLiteral("📱 ok").toUtf8()); // other characters kept
    QCOMPARE(AppointmentIndex::words(QStringLiteral("  Noé   ZÚÑIGA ")),
             (QList<QByteArray>{"noe", "zuniga"}));
    // A lean table (integer unix times, no organisation, WITHOUT ROWID keyed by id) is indexed and
    // read by key like the known one.
    const QString path = m_dir.filePath(QStringLiteral("lean db's copy.db"));
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("mk-lean"));
        db.setDatabaseName(path);
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral(
            "CREATE TABLE appointments (id INTEGER PRIMARY KEY, client_name TEXT, client_email TEXT, "
            "service TEXT, starts_at INTEGER, ends_at INTEGER, status TEXT, notes TEXT) WITHOUT ROWID")));
        QVERIFY(q.exec(QStringLiteral("BEGIN")));
        q.prepare(QStringLiteral("INSERT INTO appointments VALUES (?,?,?,?,?,?,?,?)"));
        for (int i = 1; i <= 2000; ++i) {
            q.addBindValue(i * 7); // ids not in start order
            q.addBindValue(i % 10 == 0 ? QStringLiteral("Ramón Güereña %1").arg(i)
                                       : QStringLiteral("Cliente %1").arg(i));
            q.addBindValue(QStringLiteral("c%1@example.mx").arg(i));
            q.addBindValue(QStringLiteral("Consulta"));
            q.addBindValue(qint64(1795000000) - i * 3600); // later ids start earlier
            q.addBindValue(qint64(1795000000) - i * 3600 + 1800);
            q.addBindValue(i % 2 ? QStringLiteral("confirmada") : QStringLiteral("pendiente"));
            q.addBindValue(QString());
            QVERIFY(q.exec());
        }
        QVERIFY(q.exec(QStringLiteral("COMMIT")));
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("mk-lean"));
    const AppointmentMapping m = SnapshotReader::mappingFor(path);
    QVERIFY(m.isUsable());
    QVERIFY(m.organization.isEmpty());
    auto ix = AppointmentIndex::fromSnapshot(path, m);
    QVERIFY2(ix.ok(), qPrintable(ix.ok() ? QString() : ix.error().toString()));
    QCOMPARE(ix.value()->size(), 2000);
    QCOMPARE(ix.value()->keyColumn(), QStringLiteral("id"));
    AppointmentModel model;
    QAbstractItemModelTester t(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy loaded(&model, &AppointmentModel::loaded);
    model.openSnapshot(path, m);
    QVERIFY(loaded.wait(30000));
    QCOMPARE(model.rowCount(), 2000);
    QCOMPARE(model.at(0)->id, qint64(2000 * 7)); // the earliest start
    QCOMPARE(model.at(0)->startsAt,
             QDateTime::fromSecsSinceEpoch(1795000000 - 2000 * 3600, QTimeZone::utc()));
    const QDateTime mid = QDateTime::fromSecsSinceEpoch(1795000000 - 1000 * 3600 + 60, QTimeZone::utc());
    auto preview = AppointmentModel::previewRows(path, m, mid, model.timeZone(), true, 5);
    QVERIFY(preview.ok());
    QCOMPARE(preview->size(), 5);
    QCOMPARE(preview->first().id, qint64(999 * 7)); // the first start after MID
    model.setSearchText(QStringLiteral("guerena"));
    QCOMPARE(model.rowCount(), 200);
    model.setSearchText(QStringLiteral("GÜEREÑA 1990"));
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.at(0)->clientName, QStringLiteral("Ramón Güereña 1990"));
    // A cancelled build reports it and leaves no index behind.
    std::atomic<bool> cancel{true};
    auto cancelled = AppointmentIndex::fromSnapshot(path, m, &cancel);
    QVERIFY(!cancelled.ok());
    QCOMPARE(cancelled.error().code, QStringLiteral("db.cancelled"));
    QCOMPARE(AppointmentIndex::fromSnapshot(m_dir.filePath(QStringLiteral("missing.db")), m).ok(), false);
}

void TestDbModels::appointmentRangesAndZone()
{
    AppointmentModel model;
    QAbstractItemModelTester t(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    // Friday 2026-11-27 12:00 in Tijuana (PST, UTC-8) = 20:00Z.
    model.setNow(utc("2026-11-27T20:00:00Z"));
    model.setAppointments({
        appt(1, "2026-11-27T18:30:00Z", QStringLiteral("Itzel Peña"),
             QStringLiteral("completada")), // today 10:30, past
        appt(2, "2026-11-28T01:00:00Z", QStringLiteral("Noé Zúñiga"),
             QStringLiteral("confirmada")), // today 17:00 local
        appt(3, "2026-11-28T09:00:00Z", QStringLiteral("Zoé Ochoa"),
             QStringLiteral("pendiente")), // Nov 28 01:00 local
        appt(4, "2026-11-23T17:00:00Z", QStringLiteral("Ramón Valdés"), QStringLiteral("cancelada"),
             QStringLiteral("Llega en lancha 🌊")), // Monday
        appt(5, "2026-12-15T17:00:00Z", QStringLiteral("Lucía Muñoz"), QStringLiteral("confirmada")),
        appt(6, "2026-11-22T17:00:00Z", QStringLiteral("Andrés Núñez"),
             QStringLiteral("completada")), // last Sunday
    });
    model.setRange(AppointmentModel::Range::All);
    QCOMPARE(model.index(3, AppointmentModel::Start).data().toString(), QStringLiteral("2026-11-27 17:00"));
    QVERIFY(model.index(3, AppointmentModel::Start)
                .data(Qt::ToolTipRole)
                .toString()
                .contains(QStringLiteral("Your local time")));
    model.setRange(AppointmentModel::Range::Today);
    QCOMPARE(model.rowCount(), 2);
    model.setRange(AppointmentModel::Range::ThisWeek);
    QCOMPARE(model.rowCount(), 4); // Mon 23 .. Sun 29: ids 1,2,3,4
    model.setRange(AppointmentModel::Range::Upcoming);
    QCOMPARE(model.rowCount(), 3);
    model.setRange(AppointmentModel::Range::Past);
    QCOMPARE(model.rowCount(), 3);
    model.setRange(AppointmentModel::Range::All);
    model.setDay(QDate(2026, 11, 28));
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.index(0, AppointmentModel::Client).data().toString(), QStringLiteral("Zoé Ochoa"));
    model.setDay({});
    model.setSearchText(QStringLiteral("LANCHA"));
    QCOMPARE(model.rowCount(), 1);
    model.setSearchText(QStringLiteral("zúñiga lancha")); // every word must match the same row
    QCOMPARE(model.rowCount(), 0);
    model.setSearchText(QStringLiteral("noé ZÚÑIGA"));
    QCOMPARE(model.rowCount(), 1);
    const auto counts = model.countsPerDay();
    QCOMPARE(counts.value(QDate(2026, 11, 27)), 2);
    QCOMPARE(counts.value(QDate(2026, 11, 28)), 1);
    // Another business zone moves the day boundaries.
    model.setTimeZone(QTimeZone("UTC"));
    QCOMPARE(model.countsPerDay().value(QDate(2026, 11, 28)), 2);
}

void TestDbModels::unknownSchemaMapping()
{
    const QString path = m_dir.filePath(QStringLiteral("other.db"));
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("mk-other"));
        db.setDatabaseName(path);
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("CREATE TABLE \"Citas del día\" (uuid TEXT, customer TEXT, start_time "
                                      "TEXT, state TEXT, comments TEXT)")));
        QVERIFY(q.exec(QStringLiteral(
            "INSERT INTO \"Citas del día\" VALUES ('a','Héctor','2026-11-27T09:00:00-08:00','ok','x'),"
            "('b','Sofía','2026-11-26T09:00:00-08:00','no','y')")));
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("mk-other"));
    QCOMPARE(SnapshotReader::findAppointmentsTable(path), QStringLiteral("Citas del día"));
    auto cols = SnapshotReader::columns(path, QStringLiteral("Citas del día"));
    QVERIFY(cols.ok());
    QStringList names;
    for (const auto &c : cols.value())
        names << c.name;
    const AppointmentMapping m = AppointmentMapping::guess(QStringLiteral("Citas del día"), names);
    QCOMPARE(m.start, QStringLiteral("start_time"));
    QCOMPARE(m.client, QStringLiteral("customer"));
    QCOMPARE(m.status, QStringLiteral("state"));
    QCOMPARE(m.notes, QStringLiteral("comments"));
    QVERIFY(m.end.isEmpty());
    auto rows = SnapshotReader::appointments(path, m);
    QVERIFY2(rows.ok(), qPrintable(rows.ok() ? QString() : rows.error().toString()));
    QCOMPARE(rows->size(), 2);
    QCOMPARE(rows->at(0).clientName, QStringLiteral("Sofía")); // by start
    QVERIFY(!rows->at(0).endsAt.isValid());
    AppointmentMapping unusable;
    unusable.start.clear();
    QCOMPARE(SnapshotReader::appointments(path, unusable).error().code, QStringLiteral("db.unmapped"));
}

// The scheduler's real schema: no organization column. SQLite would read "organization" as the
// string 'organization' in every row; the mapping drops it, and a wrong name is an error.
void TestDbModels::missingColumnsAreNeverData()
{
    const QString path = m_dir.filePath(QStringLiteral("scheduler-real.db"));
    const QString bare = m_dir.filePath(QStringLiteral("scheduler-bare.db"));
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("mk-sched"));
        db.setDatabaseName(path);
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("CREATE TABLE appointments (id INTEGER PRIMARY KEY, client_name TEXT, "
                                      "client_email TEXT, client_phone TEXT, service TEXT, starts_at TEXT, ends_at TEXT, "
                                      "status TEXT, notes TEXT, created_at TEXT)")));
        QVERIFY(q.exec(QStringLiteral("INSERT INTO appointments (client_name, client_email, service, starts_at, status) "
                                      "VALUES ('Lucía', 'l@example.mx', 'Corte', '2026-12-05T10:00:00-06:00', 'confirmed')")));
        db.close();
        db.setDatabaseName(bare);
        QVERIFY(db.open());
        QVERIFY(q.exec(QStringLiteral("CREATE TABLE appointments (id INTEGER PRIMARY KEY, client_name TEXT, starts_at TEXT)")));
        QVERIFY(q.exec(QStringLiteral("INSERT INTO appointments (client_name, starts_at) VALUES ('Tomás', '2026-12-06')")));
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("mk-sched"));

    // The default mapping names organization and projectTypes, which this table lacks: read as they
    // are, they are an error now, not a column of the literal text.
    const auto wrong = SnapshotReader::appointments(path, AppointmentMapping{});
    QVERIFY2(!wrong.ok(), "a column the table lacks must not read as its own name");
    auto fromIndex = AppointmentIndex::fromSnapshot(path, AppointmentMapping{});
    QVERIFY(!fromIndex.ok());

    const auto cols = SnapshotReader::columns(path, QStringLiteral("appointments"));
    QVERIFY(cols.ok());
    const AppointmentMapping fixed = AppointmentMapping{}.restrictedTo(SnapshotReader::columnNames(cols.value()));
    QVERIFY(fixed.organization.isEmpty());
    QVERIFY(fixed.projectTypes.isEmpty());
    QCOMPARE(fixed.client, QStringLiteral("client_name"));
    QCOMPARE(fixed.status, QStringLiteral("status"));
    const auto rows = SnapshotReader::appointments(path, fixed);
    QVERIFY2(rows.ok(), qPrintable(rows.ok() ? QString() : rows.error().toString()));
    QCOMPARE(rows->size(), 1);
    QCOMPARE(rows->at(0).clientName, QStringLiteral("Lucía"));
    QVERIFY(rows->at(0).organization.isEmpty());

    AppointmentModel model;
    model.setAppointments(rows.value());
    QCOMPARE(model.data(model.index(0, AppointmentModel::Client)).toString(), QStringLiteral("Lucía"));

    // No organization, no email, no status at all: the guess leaves them unmapped and it reads.
    const AppointmentMapping guessed = SnapshotReader::mappingFor(bare);
    QVERIFY(guessed.organization.isEmpty());
    QVERIFY(guessed.email.isEmpty());
    QVERIFY(guessed.status.isEmpty());
    const auto bareRows = SnapshotReader::appointments(bare, guessed);
    QVERIFY2(bareRows.ok(), qPrintable(bareRows.ok() ? QString() : bareRows.error().toString()));
    QCOMPARE(bareRows->at(0).clientName, QStringLiteral("Tomás"));
    QVERIFY(bareRows->at(0).status.isEmpty());
}

void TestDbModels::quoteModelNewestFirstWithTags()
{
    auto rows = SnapshotReader::quotes(m_dir.filePath(QStringLiteral("quoter.db")));
    QVERIFY(rows.ok());
    QCOMPARE(rows->size(), 400);
    QuoteModel model;
    QuoteFilterModel proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester t1(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester t2(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QList<Quote> shuffled = rows.value();
    std::reverse(shuffled.begin(), shuffled.end());
    model.setQuotes(shuffled);
    for (int i = 1; i < model.rowCount(); ++i)
        QVERIFY(model.at(i - 1)->createdAt >= model.at(i)->createdAt);
    const QStringList tags = model.index(0, 0).data(QuoteModel::TagsRole).toStringList();
    QVERIFY(!tags.isEmpty() && tags.size() <= 4);
    QVERIFY(!tags.first().contains(QLatin1Char('[')));
    const QUrl mail = model.index(0, 0).data(QuoteModel::MailtoRole).toUrl();
    QCOMPARE(mail.scheme(), QStringLiteral("mailto"));
    QCOMPARE(mail.path(), model.at(0)->contactEmail);
    proxy.setSearchText(QStringLiteral("trazabilidad"));
    QVERIFY(proxy.rowCount() > 0 && proxy.rowCount() < 400);
    proxy.setStatus(QStringLiteral("nueva"));
    for (int r = 0; r < proxy.rowCount(); ++r)
        QCOMPARE(proxy.index(r, QuoteModel::Status).data().toString(), QStringLiteral("nueva"));
}

void TestDbModels::tableBrowserIsLazy()
{
    TableBrowserModel model;
    QAbstractItemModelTester t(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(model.openDatabase(m_dir.filePath(QStringLiteral("scheduler.db"))).ok());
    QVERIFY(model.tables().contains(QStringLiteral("appointments")));
    QVERIFY(model.setTable(QStringLiteral("appointments")).ok());
    // Pages only: whoever asks (a view, the tester) gets 256 rows per fetch, never the table.
    const int before = model.rowCount();
    QVERIFY(before < 3000);
    QVERIFY(model.canFetchMore({}));
    model.fetchMore({});
    QCOMPARE(model.rowCount(), before + TableBrowserModel::kPageSize);
    QCOMPARE(model.pagesFetched(), model.rowCount() / TableBrowserModel::kPageSize);
    QCOMPARE(model.matchingRowCount().valueOr(-1), 3000);
    QCOMPARE(model.headerData(0, Qt::Horizontal).toString(), QStringLiteral("id"));
    // Sorting happens in SQL: the first page of a DESC sort starts at the largest id.
    model.sort(0, Qt::DescendingOrder);
    QVERIFY(model.rowCount() <=
            TableBrowserModel::kPageSize); // a reset drops the pages (the tester may fetch one)
    QVERIFY(model.pageSql().contains(QStringLiteral("ORDER BY \"id\" DESC")));
    if (model.rowCount() == 0)
        model.fetchMore({});
    QCOMPARE(model.index(0, 0).data(Qt::EditRole).toLongLong(), 3000);
    // Filtering too, with the text bound, never pasted.
    model.setFilter(QStringLiteral("%' OR 1=1 --"));
    if (model.canFetchMore({}))
        model.fetchMore({});
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(model.lastError().isEmpty());
    const int statusCol = columnIndex(model, QStringLiteral("status"));
    QVERIFY(statusCol > 0);
    model.setFilter(QStringLiteral("cancelada"), statusCol);
    QVERIFY(model.pageSql().contains(QStringLiteral("CAST(\"status\" AS TEXT) LIKE ?")));
    if (model.rowCount() == 0)
        model.fetchMore({});
    QVERIFY(model.rowCount() > 0);
    for (int r = 0; r < model.rowCount(); ++r)
        QCOMPARE(model.index(r, statusCol).data().toString(), QStringLiteral("cancelada"));
    QVERIFY(!model.setTable(QStringLiteral("no_such_table")).ok());
}

void TestDbModels::tableBrowserHostileNames()
{
    const QString path = m_dir.filePath(QStringLiteral("hostile.db"));
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("mk-hostile"));
        db.setDatabaseName(path);
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral(
            "CREATE TABLE \"we\"\"ird; DROP TABLE x\" (\"sel ect\" TEXT, \"a\"\"b\" INTEGER, data BLOB)")));
        QVERIFY(q.exec(QStringLiteral(
            "INSERT INTO \"we\"\"ird; DROP TABLE x\" VALUES ('uno', 1, x'0001'), ('dos', 2, NULL), "
            "('pago ' || char(0x202E) || 'gpj.exe' || char(0x2066), 0, NULL)")));
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("mk-hostile"));
    TableBrowserModel model;
    QAbstractItemModelTester t(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(model.openDatabase(path).ok());
    QVERIFY(model.setTable(QStringLiteral("we\"ird; DROP TABLE x")).ok());
    model.sort(1, Qt::DescendingOrder);
    if (model.rowCount() == 0)
        model.fetchMore({});
    QVERIFY2(model.lastError().isEmpty(), qPrintable(model.lastError()));
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.index(0, 0).data().toString(), QStringLiteral("dos"));
    QCOMPARE(model.index(0, 2).data().toString(), QStringLiteral("NULL"));
    QCOMPARE(model.index(1, 2).data().toString(), QStringLiteral("<BLOB 2 bytes>"));
    // A right-to-left override is shown as a mark, never applied; the stored value is untouched.
    const QString shown = model.index(2, 0).data().toString();
    QVERIFY(!containsBidiControls(shown));
    QCOMPARE(shown, QStringLiteral("pago ") + kBidiMark + QStringLiteral("gpj.exe") + kBidiMark);
    QVERIFY(containsBidiControls(model.index(2, 0).data(Qt::EditRole).toString()));
    QVERIFY(isBidiControl(QChar(0x202A)) && isBidiControl(QChar(0x2069)) && !isBidiControl(QChar(0x2070)) &&
            !isBidiControl(QChar(0x2029)));
    QVERIFY(!model.canFetchMore({}));
}

void TestDbModels::csvRoundTrip()
{
    QStandardItemModel m(0, 3);
    m.setHorizontalHeaderLabels(
        {QStringLiteral("name"), QStringLiteral("notes, etc"), QStringLiteral("\"q\"")});
    const QList<QStringList> rows{
        {QStringLiteral("José Núñez"), QStringLiteral("Nota con comillas \"dobles\", 'simples' y coma"),
         QStringLiteral("🐟")},
        {QStringLiteral(" leading space"), QStringLiteral("Línea 1\nLínea 2\r\nLínea 3"), QString()},
        {QStringLiteral("=SUM(A1)"), QStringLiteral(","), QStringLiteral("\"")},
    };
    for (const QStringList &r : rows) {
        QList<QStandardItem *> items;
        for (const QString &f : r)
            items << new QStandardItem(f);
        m.appendRow(items);
    }
    const QByteArray csv = CsvExport::toCsv(&m);
    QVERIFY(csv.startsWith("name,\"notes, etc\",\"\"\"q\"\"\"\r\n"));
    QVERIFY(csv.contains("\"Nota con comillas \"\"dobles\"\", 'simples' y coma\""));
    const QList<QStringList> back = CsvExport::parse(csv);
    QCOMPARE(back.size(), 4);
    QCOMPARE(back[0],
             (QStringList{QStringLiteral("name"), QStringLiteral("notes, etc"), QStringLiteral("\"q\"")}));
    for (int i = 0; i < rows.size() - 1; ++i)
        QCOMPARE(back[i + 1], rows[i]);
    // The formula comes back as text with its guard; the rest of its row as it was.
    QCOMPARE(back[3], (QStringList{QStringLiteral("'=SUM(A1)"), QStringLiteral(","), QStringLiteral("\"")}));
}

void TestDbModels::csvNeutralisesFormulas()
{
    const QStringList hostile{QStringLiteral("=HYPERLINK(\"http://x\",\"clic\")"), QStringLiteral("+52 55 1234"),
                              QStringLiteral("-2+3"), QStringLiteral("@SUM(A1)"), QStringLiteral("\t=1"),
                              QStringLiteral("\r=1"), QStringLiteral("=cmd|' /C calc'!A0")};
    for (const QString &h : hostile) {
        const QByteArray enc = CsvExport::encodeField(h);
        QVERIFY2(enc.startsWith("\"'"), enc.constData());
        QCOMPARE(CsvExport::parse(enc + "\r\n").value(0).value(0), QLatin1Char('\'') + h);
    }
    // Numbers and ordinary text are left as they are.
    for (const QString &plain : {QStringLiteral("-12.5"), QStringLiteral("+3"), QStringLiteral("42"),
                                 QStringLiteral("Ana = cliente"), QStringLiteral("a-b")})
        QCOMPARE(CsvExport::encodeField(plain), plain.toUtf8());
}

void TestDbModels::csvOfFilteredView()
{
    auto rows = SnapshotReader::appointments(m_dir.filePath(QStringLiteral("scheduler.db")));
    QVERIFY(rows.ok());
    AppointmentModel model;
    model.setAppointments(rows.value());
    model.setStatus(QStringLiteral("confirmada"));
    QTemporaryDir tmp;
    const QString file = tmp.filePath(QStringLiteral("citas.csv"));
    auto n = CsvExport::writeFile(&model, file);
    QVERIFY(n.ok());
    QCOMPARE(n.value(), qint64(model.rowCount()));
    QFile f(file);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.permissions() & (QFile::ReadOther | QFile::ReadGroup), QFile::Permissions());
    const QList<QStringList> back = CsvExport::parse(f.readAll());
    QCOMPARE(back.size(), model.rowCount() + 1);
    for (int r = 0; r < model.rowCount(); ++r) {
        QCOMPARE(back[r + 1][AppointmentModel::Status], QStringLiteral("confirmada"));
        QCOMPARE(back[r + 1][AppointmentModel::Notes],
                 model.index(r, AppointmentModel::Notes).data(Qt::EditRole).toString());
        QCOMPARE(parseTimestamp(back[r + 1][AppointmentModel::Start]), model.at(r)->startsAt);
    }
    // A lazy model exports every matching row, not only the fetched pages.
    TableBrowserModel browser;
    QVERIFY(browser.openDatabase(m_dir.filePath(QStringLiteral("scheduler.db"))).ok());
    QVERIFY(browser.setTable(QStringLiteral("appointments")).ok());
    browser.setFilter(QStringLiteral("confirmada"), columnIndex(browser, QStringLiteral("status")));
    const qint64 matching = browser.matchingRowCount().valueOr(-1);
    QVERIFY(matching > 300 && matching < 3000);
    QCOMPARE(CsvExport::parse(CsvExport::toCsv(&browser)).size(), matching + 1);
}
