// Models over a generated snapshot (the sandbox's own dbgen.py): each checked
// by QAbstractItemModelTester, plus filters, lazy paging and CSV round trips.
#include "test_db_models.h"

#include "db/AppointmentModel.h"
#include "db/CsvExport.h"
#include "db/QuoteModel.h"
#include "db/SnapshotReader.h"
#include "db/TableBrowserModel.h"

#include <QAbstractItemModelTester>
#include <QBuffer>
#include <QElapsedTimer>
#include <QProcess>
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
    p.start(QStringLiteral("python3"), {QStringLiteral(VIGIA_SANDBOX_DIR "/dbgen.py"), QStringLiteral("--db"), path,
                                        QStringLiteral("--kind"), kind, QStringLiteral("--rows"), QString::number(rows)});
    return p.waitForFinished(60000) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
}

QDateTime utc(const char *iso)
{
    return QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODate);
}

Appointment appt(qint64 id, const char *startIso, const QString &name, const QString &status, const QString &notes = {})
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
    QCOMPARE(parseTimestamp(QStringLiteral("1795000000")), QDateTime::fromSecsSinceEpoch(1795000000, QTimeZone::utc()));
    QVERIFY(!parseTimestamp(QStringLiteral("mañana")).isValid());
    QCOMPARE(parseTags(QStringLiteral("[\"sitio web\",\"SEO\"]")), (QStringList{QStringLiteral("sitio web"), QStringLiteral("SEO")}));
    QCOMPARE(parseTags(QStringLiteral("[]")), QStringList());
    QCOMPARE(parseTags(QStringLiteral("hosting")), QStringList{QStringLiteral("hosting")});
    QCOMPARE(businessTimeZone().id(), QByteArray("America/Tijuana"));
    QCOMPARE(businessTimeZone("Not/AZone").id(), QByteArray("America/Tijuana"));
}

void TestDbModels::appointmentModelFromSnapshot()
{
    auto rows = SnapshotReader::appointments(m_dir.filePath(QStringLiteral("scheduler.db")));
    QVERIFY2(rows.ok(), qPrintable(rows.ok() ? QString() : rows.error().toString()));
    QCOMPARE(rows->size(), 3000);
    AppointmentModel model;
    AppointmentFilterModel proxy;
    proxy.setSourceModel(&model);
    // The proxy's tester runs in appointmentRangesAndZone (small data): on
    // thousands of rows its per-change checks dominate the run time.
    QAbstractItemModelTester t1(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setAppointments(rows.value());
    QCOMPARE(model.rowCount(), 3000);
    QElapsedTimer timer;
    timer.start();
    QVERIFY(model.statuses().contains(QStringLiteral("confirmada")));
    // Sorted by start, and every start valid (the generator writes -08:00/-07:00 offsets).
    for (int i = 1; i < model.rowCount(); ++i)
        QVERIFY(model.at(i - 1)->startsAt <= model.at(i)->startsAt);
    proxy.setSearchText(QStringLiteral("peña"));
    QVERIFY(proxy.rowCount() > 0 && proxy.rowCount() < 3000);
    proxy.setSearchText({});
    proxy.setStatus(QStringLiteral("cancelada"));
    for (int r = 0; r < proxy.rowCount(); ++r)
        QCOMPARE(proxy.index(r, AppointmentModel::Status).data().toString(), QStringLiteral("cancelada"));
    proxy.setStatus({});
    proxy.setRange(AppointmentFilterModel::Range::Upcoming);
    const int upcoming = proxy.rowCount();
    proxy.setRange(AppointmentFilterModel::Range::Past);
    QCOMPARE(proxy.rowCount() + upcoming, 3000);
    proxy.sort(AppointmentModel::Start, Qt::DescendingOrder);
    qInfo("filtering and sorting 3000 appointments: %lld ms", qint64(timer.elapsed()));
    QVERIFY(proxy.index(0, 0).data(Qt::EditRole).toDateTime() >= proxy.index(1, 0).data(Qt::EditRole).toDateTime());
}

void TestDbModels::appointmentRangesAndZone()
{
    AppointmentModel model;
    AppointmentFilterModel proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester t(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    // Friday 2026-11-27 12:00 in Tijuana (PST, UTC-8) = 20:00Z.
    proxy.setNow(utc("2026-11-27T20:00:00Z"));
    model.setAppointments({
        appt(1, "2026-11-27T18:30:00Z", QStringLiteral("Itzel Peña"), QStringLiteral("completada")), // today 10:30, past
        appt(2, "2026-11-28T01:00:00Z", QStringLiteral("Noé Zúñiga"), QStringLiteral("confirmada")), // today 17:00 local
        appt(3, "2026-11-28T09:00:00Z", QStringLiteral("Zoé Ochoa"), QStringLiteral("pendiente")),   // Nov 28 01:00 local
        appt(4, "2026-11-23T17:00:00Z", QStringLiteral("Ramón Valdés"), QStringLiteral("cancelada"), QStringLiteral("Llega en lancha 🌊")), // Monday
        appt(5, "2026-12-15T17:00:00Z", QStringLiteral("Lucía Muñoz"), QStringLiteral("confirmada")),
        appt(6, "2026-11-22T17:00:00Z", QStringLiteral("Andrés Núñez"), QStringLiteral("completada")), // last Sunday
    });
    QCOMPARE(model.index(1, AppointmentModel::Start).data().toString(), QStringLiteral("2026-11-27 17:00"));
    QVERIFY(model.index(1, AppointmentModel::Start).data(Qt::ToolTipRole).toString().contains(QStringLiteral("Your local time")));
    proxy.setRange(AppointmentFilterModel::Range::Today);
    QCOMPARE(proxy.rowCount(), 2);
    proxy.setRange(AppointmentFilterModel::Range::ThisWeek);
    QCOMPARE(proxy.rowCount(), 4); // Mon 23 .. Sun 29: ids 1,2,3,4
    proxy.setRange(AppointmentFilterModel::Range::Upcoming);
    QCOMPARE(proxy.rowCount(), 3);
    proxy.setRange(AppointmentFilterModel::Range::Past);
    QCOMPARE(proxy.rowCount(), 3);
    proxy.setRange(AppointmentFilterModel::Range::All);
    proxy.setDay(QDate(2026, 11, 28));
    QCOMPARE(proxy.rowCount(), 1);
    QCOMPARE(proxy.index(0, AppointmentModel::Client).data().toString(), QStringLiteral("Zoé Ochoa"));
    proxy.setDay({});
    proxy.setSearchText(QStringLiteral("LANCHA"));
    QCOMPARE(proxy.rowCount(), 1);
    proxy.setSearchText(QStringLiteral("zúñiga lancha")); // every word must match the same row
    QCOMPARE(proxy.rowCount(), 0);
    proxy.setSearchText(QStringLiteral("noé ZÚÑIGA"));
    QCOMPARE(proxy.rowCount(), 1);
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
        QVERIFY(q.exec(QStringLiteral("CREATE TABLE \"Citas del día\" (uuid TEXT, customer TEXT, start_time TEXT, state TEXT, comments TEXT)")));
        QVERIFY(q.exec(QStringLiteral("INSERT INTO \"Citas del día\" VALUES ('a','Héctor','2026-11-27T09:00:00-08:00','ok','x'),"
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
    QVERIFY(model.rowCount() <= TableBrowserModel::kPageSize); // a reset drops the pages (the tester may fetch one)
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
        QVERIFY(q.exec(QStringLiteral("CREATE TABLE \"we\"\"ird; DROP TABLE x\" (\"sel ect\" TEXT, \"a\"\"b\" INTEGER, data BLOB)")));
        QVERIFY(q.exec(QStringLiteral("INSERT INTO \"we\"\"ird; DROP TABLE x\" VALUES ('uno', 1, x'0001'), ('dos', 2, NULL)")));
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
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.index(0, 0).data().toString(), QStringLiteral("dos"));
    QCOMPARE(model.index(0, 2).data().toString(), QStringLiteral("NULL"));
    QCOMPARE(model.index(1, 2).data().toString(), QStringLiteral("<BLOB 2 bytes>"));
    QVERIFY(!model.canFetchMore({}));
}

void TestDbModels::csvRoundTrip()
{
    QStandardItemModel m(0, 3);
    m.setHorizontalHeaderLabels({QStringLiteral("name"), QStringLiteral("notes, etc"), QStringLiteral("\"q\"")});
    const QList<QStringList> rows{
        {QStringLiteral("José Núñez"), QStringLiteral("Nota con comillas \"dobles\", 'simples' y coma"), QStringLiteral("🐟")},
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
    QCOMPARE(back[0], (QStringList{QStringLiteral("name"), QStringLiteral("notes, etc"), QStringLiteral("\"q\"")}));
    for (int i = 0; i < rows.size(); ++i)
        QCOMPARE(back[i + 1], rows[i]);
}

void TestDbModels::csvOfFilteredView()
{
    auto rows = SnapshotReader::appointments(m_dir.filePath(QStringLiteral("scheduler.db")));
    QVERIFY(rows.ok());
    AppointmentModel model;
    model.setAppointments(rows.value());
    AppointmentFilterModel proxy;
    proxy.setSourceModel(&model);
    proxy.setStatus(QStringLiteral("confirmada"));
    QTemporaryDir tmp;
    const QString file = tmp.filePath(QStringLiteral("citas.csv"));
    auto n = CsvExport::writeFile(&proxy, file);
    QVERIFY(n.ok());
    QCOMPARE(n.value(), qint64(proxy.rowCount()));
    QFile f(file);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.permissions() & (QFile::ReadOther | QFile::ReadGroup), QFile::Permissions());
    const QList<QStringList> back = CsvExport::parse(f.readAll());
    QCOMPARE(back.size(), proxy.rowCount() + 1);
    for (int r = 0; r < proxy.rowCount(); ++r) {
        QCOMPARE(back[r + 1][AppointmentModel::Status], QStringLiteral("confirmada"));
        QCOMPARE(back[r + 1][AppointmentModel::Notes], proxy.index(r, AppointmentModel::Notes).data(Qt::EditRole).toString());
        QCOMPARE(parseTimestamp(back[r + 1][AppointmentModel::Start]), model.at(proxy.mapToSource(proxy.index(r, 0)).row())->startsAt);
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
