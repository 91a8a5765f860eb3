// The data views on the offscreen platform: a full local Refresh (the same
// snapshot path as over SSH, run by LocalCommandRunner) into the workspace,
// filters driven through the widgets, the offline reopen, and a screenshot.
// VIGIA_SCREENSHOT_OUT=path.png saves the Appointments view.
#include "data/AppointmentsView.h"
#include "data/ColumnMappingDialog.h"
#include "data/CountCalendar.h"
#include "data/DataWorkspace.h"
#include "data/DatabasePicker.h"
#include "data/FilterBar.h"
#include "data/QuotesView.h"
#include "data/SnapshotBar.h"
#include "data/TablesView.h"
#include "db/CommandRunner.h"
#include "db/DbErrors.h"
#include "db/SnapshotReader.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QProcess>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollBar>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace vigia;

namespace {
bool dbgen(const QString &path, const QString &kind, int rows)
{
    QProcess p;
    p.start(QStringLiteral("python3"),
            {QStringLiteral(VIGIA_SANDBOX_DIR "/dbgen.py"), QStringLiteral("--db"), path,
             QStringLiteral("--kind"), kind, QStringLiteral("--rows"), QString::number(rows)});
    return p.waitForFinished(60000) && p.exitCode() == 0;
}
int countIn(db::AppointmentModel *m, db::AppointmentModel::Range range)
{
    const auto before = m->range();
    m->setRange(range);
    const int n = m->rowCount();
    m->setRange(before);
    return n;
}
} // namespace

class TestDataUi : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(dbgen(m_dir.filePath(QStringLiteral("storage/pvc-1_joledev_scheduler/scheduler.db")),
                      QStringLiteral("scheduler"), 1500));
        QVERIFY(dbgen(m_dir.filePath(QStringLiteral("storage/pvc-2_joledev_quoter/quoter.db")),
                      QStringLiteral("quoter"), 300));
    }

    void refreshFillsTheViews()
    {
        db::LocalCommandRunner runner;
        const db::SnapshotCache cache(QStringLiteral("sandbox"), m_dir.filePath(QStringLiteral("cache")));
        ui::DataWorkspace w(cache, &runner);
        w.resize(1280, 760);
        ui::DataSources src;
        src.appointmentsPath = m_dir.filePath(QStringLiteral("storage/pvc-1_joledev_scheduler/scheduler.db"));
        src.quotesPath = m_dir.filePath(QStringLiteral("storage/pvc-2_joledev_quoter/quoter.db"));
        w.setSources(src);
        QVERIFY(!w.openCached());
        w.show();
        QSignalSpy done(&w, &ui::DataWorkspace::refreshed);
        w.refresh();
        QVERIFY(done.wait(60000));
        QVERIFY(done.first().at(0).toBool());
        QVERIFY(w.snapshotBar()->asOfText().startsWith(QStringLiteral("as of ")));

        ui::AppointmentsView *av = w.appointmentsView();
        QCOMPARE(av->model()->totalCount(), 1500);
        QCOMPARE(countIn(av->model(), db::AppointmentModel::Range::All), 1500);
        const int upcoming = countIn(av->model(), db::AppointmentModel::Range::Upcoming);
        QCOMPARE(countIn(av->model(), db::AppointmentModel::Range::Past) + upcoming, 1500);
        QVERIFY(av->model()->recordsFetched() < 1500); // read by page, as shown
        // Calendar: click a day with appointments; the list shows exactly that day's count.
        const auto counts = av->model()->countsPerDay();
        QDate busiest;
        for (auto it = counts.begin(); it != counts.end(); ++it)
            if (!busiest.isValid() || it.value() > counts.value(busiest))
                busiest = it.key();
        QVERIFY(busiest.isValid());
        QCOMPARE(av->calendar()->countOn(busiest), counts.value(busiest));
        av->selectDay(busiest);
        QCOMPARE(av->model()->rowCount(), counts.value(busiest));
        for (int r = 0; r < av->model()->rowCount(); ++r)
            QCOMPARE(av->model()->businessDay(r), busiest);
        av->clearDay();
        QCOMPARE(av->model()->rowCount(), upcoming);
        QCOMPARE(av->model()->range(), db::AppointmentModel::Range::Upcoming); // the agenda's default
        QVERIFY(av->filterBar()->countLabel()->text().endsWith(QStringLiteral(" of 1,500")) ||
                av->filterBar()->countLabel()->text().contains(QStringLiteral("1500")));
        QTest::keyClicks(av->searchField(), QStringLiteral("cooperativa"));
        QVERIFY(av->model()->rowCount() > 0 && av->model()->rowCount() < upcoming);
        // The status filter from the shared bar.
        QComboBox *status = av->filterBar()->statusBox();
        const int conf = status->findData(QStringLiteral("confirmada"));
        QVERIFY(conf > 0);
        status->setCurrentIndex(conf);
        for (int r = 0; r < av->model()->rowCount(); ++r)
            QCOMPARE(av->model()->index(r, db::AppointmentModel::Status).data().toString(),
                     QStringLiteral("confirmada"));
        status->setCurrentIndex(0);
        av->searchField()->clear();
        av->table()->selectRow(0);

        ui::QuotesView *qv = w.quotesView();
        QCOMPARE(qv->model()->rowCount(), 300);
        qv->table()->selectRow(0);
        QVERIFY(qv->currentQuote());
        qv->copyEmail();
        QCOMPARE(QGuiApplication::clipboard()->text(), qv->currentQuote()->contactEmail);

        ui::TablesView *tv = w.tablesView();
        QVERIFY(tv->tableList()->count() >= 3);
        QVERIFY(tv->showTable(QStringLiteral("appointments")));
        QVERIFY(tv->model()->rowCount() < 1500); // lazily, one page at a time
        const int firstPage = tv->model()->rowCount();
        tv->table()->scrollToBottom();
        QApplication::processEvents();
        QVERIFY(tv->model()->rowCount() >= firstPage);

        // Screenshot of the agenda at a realistic size.
        w.tabs()->setCurrentIndex(0);
        av->table()->selectRow(3);
        QApplication::processEvents();
        const QPixmap shot = w.grab();
        QVERIFY(!shot.isNull());
        const QString out = qEnvironmentVariable("VIGIA_SCREENSHOT_OUT");
        if (!out.isEmpty())
            QVERIFY(shot.save(out, "PNG", 0)); // 0: smallest file
        if (const QString q = qEnvironmentVariable("VIGIA_SCREENSHOT_QUOTES"); !q.isEmpty()) {
            w.tabs()->setCurrentIndex(1);
            qv->table()->selectRow(1);
            QApplication::processEvents();
            QVERIFY(w.grab().save(q, "PNG"));
            w.tabs()->setCurrentIndex(2);
            QApplication::processEvents();
            QVERIFY(w.grab().save(q + QStringLiteral(".tables.png"), "PNG"));
        }
    }

    void cachedSnapshotOpensOffline()
    {
        const db::SnapshotCache cache(QStringLiteral("sandbox"), m_dir.filePath(QStringLiteral("cache")));
        ui::DataWorkspace w(cache, nullptr);
        ui::DataSources src;
        src.appointmentsPath = m_dir.filePath(QStringLiteral("storage/pvc-1_joledev_scheduler/scheduler.db"));
        src.quotesPath = m_dir.filePath(QStringLiteral("storage/pvc-2_joledev_quoter/quoter.db"));
        w.setSources(src);
        QSignalSpy loaded(w.appointmentsView(), &ui::AppointmentsView::loaded);
        QVERIFY(w.openCached());
        QVERIFY(loaded.wait(30000));
        QCOMPARE(w.appointmentsView()->model()->totalCount(), 1500);
        QCOMPARE(w.quotesView()->model()->rowCount(), 300);
        QVERIFY(w.snapshotBar()->asOfText().contains(QStringLiteral("offline")));
        w.refresh(); // no runner: a clear message, no crash
    }

    void pickerChoosesAndExplains()
    {
        // No paths in the profile: the chooser shows instead of the views, and says discovery needs a
        // connection.
        const db::SnapshotCache cache(QStringLiteral("picker"),
                                      m_dir.filePath(QStringLiteral("cache-picker")));
        ui::DataWorkspace w(cache, nullptr);
        w.setSources({});
        QVERIFY(w.isPickerShown());
        ui::DatabasePicker *p = w.picker();
        QVERIFY(!p->discoverButton()->isEnabled());
        QVERIFY(p->statusText().contains(QStringLiteral("Not connected")));
        // A discovery result: files listed with their volume, the guesses preselected.
        db::DiscoveryOutcome o;
        o.ok = true;
        o.found.volumes = {{QStringLiteral("joledev"), QStringLiteral("scheduler-data"),
                            QStringLiteral("pvc-1"), QStringLiteral("/s/pvc-1_joledev_scheduler-data")},
                           {QStringLiteral("joledev"), QStringLiteral("quoter-data"), QStringLiteral("pvc-2"),
                            QStringLiteral("/s/pvc-2_joledev_quoter-data")}};
        o.found.files = {QStringLiteral("/s/pvc-1_joledev_scheduler-data/scheduler.db"),
                         QStringLiteral("/s/pvc-2_joledev_quoter-data/quoter.sqlite3"),
                         QStringLiteral("/s/pvc-2_joledev_quoter-data/it's a \"copy\".db")};
        db::DbDiscovery::guessRoles(o.found);
        p->showOutcome(o);
        QCOMPARE(p->fileList()->topLevelItemCount(), 3);
        QCOMPARE(p->fileList()->topLevelItem(0)->text(1), QStringLiteral("joledev/scheduler-data"));
        QCOMPARE(p->appointmentsPath(), o.found.files[0]);
        QCOMPARE(p->quotesPath(), o.found.files[1]);
        if (const QString shot = qEnvironmentVariable("VIGIA_SCREENSHOT_PICKER"); !shot.isEmpty()) {
            w.resize(1000, 520);
            w.show();
            QApplication::processEvents();
            QVERIFY(w.grab().save(shot, "PNG"));
        }
        // The user picks the hostile one for quotes; Use these hands both paths out for the profile.
        p->quotesBox()->setCurrentIndex(p->quotesBox()->findData(o.found.files[2]));
        QSignalSpy chosen(&w, &ui::DataWorkspace::sourcesChosen);
        p->useButton()->click();
        QCOMPARE(chosen.size(), 1);
        QCOMPARE(chosen.first().at(0).toString(), o.found.files[0]);
        QCOMPARE(chosen.first().at(1).toString(), o.found.files[2]);
        QVERIFY(!w.isPickerShown());
        QCOMPARE(w.sources().quotesPath, o.found.files[2]);
        // A path typed in directly.
        w.showPicker();
        p->appointmentsBox()->setEditText(QStringLiteral("/srv/data/citas.sqlite"));
        p->useButton()->click();
        QCOMPARE(chosen.last().at(0).toString(), QStringLiteral("/srv/data/citas.sqlite"));
        // Failures say why, and whether sudo was tried.
        w.showPicker();
        db::DiscoveryOutcome denied;
        denied.error =
            db::classifyRemoteFailure({db::SnapshotStep::Discovery, QStringLiteral("/s/pvc-1"), false, false},
                                      1, "find: '/s/pvc-1': Permission denied\n");
        p->showOutcome(denied);
        QVERIFY2(p->statusText().contains(QStringLiteral("ermission denied")), qPrintable(p->statusText()));
        QVERIFY2(p->statusText().contains(QStringLiteral("sudo was not tried")), qPrintable(p->statusText()));
        db::DiscoveryOutcome none;
        none.ok = true;
        none.found.volumes = o.found.volumes;
        p->showOutcome(none);
        QVERIFY(p->statusText().contains(QStringLiteral("no *.db")));
    }

    void refreshExplainsMissingAndNotADatabase()
    {
        db::LocalCommandRunner runner;
        const db::SnapshotCache cache(QStringLiteral("errors"),
                                      m_dir.filePath(QStringLiteral("cache-errors")));
        ui::DataWorkspace w(cache, &runner);
        QFile junk(m_dir.filePath(QStringLiteral("not a db.db")));
        QVERIFY(junk.open(QIODevice::WriteOnly));
        junk.write(QByteArray(8192, 'x'));
        junk.close();
        struct Case {
            QString path;
            QString says;
        };
        for (const Case &c : {Case{m_dir.filePath(QStringLiteral("gone/it's \"missing\".db")),
                                   QStringLiteral("is not there")},
                              Case{junk.fileName(), QStringLiteral("not an SQLite database")}}) {
            ui::DataSources src;
            src.appointmentsPath = c.path;
            w.setSources(src);
            QSignalSpy done(&w, &ui::DataWorkspace::refreshed);
            w.refresh();
            QVERIFY(done.wait(60000));
            QCOMPARE(done.first().at(0).toBool(), false);
            const QString shown = w.snapshotBar()->errorText();
            QVERIFY2(shown.contains(c.says), qPrintable(shown));
        }
    }

    void progressAndCancel()
    {
        db::LocalCommandRunner runner;
        const db::SnapshotCache cache(QStringLiteral("cancel"),
                                      m_dir.filePath(QStringLiteral("cache-cancel")));
        ui::DataWorkspace w(cache, &runner);
        w.show();
        ui::SnapshotBar *bar = w.snapshotBar();
        auto *progress = bar->findChild<QProgressBar *>();
        QPushButton *cancel = nullptr;
        for (QPushButton *b : bar->findChildren<QPushButton *>())
            if (b->text() == QStringLiteral("Cancel"))
                cancel = b;
        QVERIFY(progress && cancel);
        QVERIFY(!cancel->isVisible());
        ui::DataSources src;
        src.appointmentsPath = m_dir.filePath(QStringLiteral("storage/pvc-1_joledev_scheduler/scheduler.db"));
        w.setSources(src);
        QSignalSpy done(&w, &ui::DataWorkspace::refreshed);
        w.refresh();
        // While it runs: progress and a cancel, Refresh off; byte counts once the size is known.
        QVERIFY(cancel->isVisible());
        QVERIFY(progress->isVisible());
        bar->setProgress(512 * 1024, 2 * 1024 * 1024);
        QCOMPARE(progress->value(), 250);
        QVERIFY(progress->format().contains(QStringLiteral("/")));
        cancel->click();
        QVERIFY(!cancel->isVisible());
        QVERIFY(!progress->isVisible());
        // A cancelled Refresh reports nothing and leaves no snapshot behind.
        QVERIFY(!done.wait(1500));
        QVERIFY(cache.all().isEmpty());
    }

    void columnMappingDialog()
    {
        const QString path = m_dir.filePath(QStringLiteral("other schema.db"));
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("mk-map"));
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral(
                "CREATE TABLE reservas (folio TEXT, cliente TEXT, inicio TEXT, fin TEXT, estado TEXT)")));
            QVERIFY(q.exec(QStringLiteral(
                "INSERT INTO reservas VALUES ('A1','Héctor Peña','2026-11-27T09:00:00-08:00',"
                "'2026-11-27T10:00:00-08:00','ok'),('A2','Sofía','2026-11-26T09:00:00-08:00',NULL,'no')")));
            QVERIFY(q.exec(QStringLiteral("CREATE TABLE notas (id INTEGER PRIMARY KEY, texto TEXT)")));
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("mk-map"));
        const auto tables = ui::ColumnMappingDialog::tablesOf(path);
        QCOMPARE(tables.size(), 2);
        // Nothing guessable: OK stays off until start and client are chosen.
        ui::ColumnMappingDialog dlg(tables, db::SnapshotReader::mappingFor(path, QStringLiteral("reservas")));
        QCOMPARE(dlg.tableBox()->currentText(), QStringLiteral("reservas"));
        QVERIFY(!dlg.isAcceptable());
        auto pick = [&](const char *field, const char *column) {
            QComboBox *b = dlg.fieldBox(QString::fromLatin1(field));
            QVERIFY(b);
            const int i = b->findData(QString::fromLatin1(column));
            QVERIFY(i > 0);
            b->setCurrentIndex(i);
        };
        pick("start", "inicio");
        QVERIFY(!dlg.isAcceptable());
        pick("client", "cliente");
        pick("end", "fin");
        pick("status", "estado");
        QVERIFY(dlg.isAcceptable());
        if (const QString shot = qEnvironmentVariable("VIGIA_SCREENSHOT_MAPPING"); !shot.isEmpty()) {
            dlg.show();
            QApplication::processEvents();
            QVERIFY(dlg.grab().save(shot, "PNG"));
        }
        const db::AppointmentMapping m = dlg.mapping();
        QCOMPARE(m.table, QStringLiteral("reservas"));
        QCOMPARE(m.start, QStringLiteral("inicio"));
        QCOMPARE(m.client, QStringLiteral("cliente"));
        QCOMPARE(m.status, QStringLiteral("estado"));
        QVERIFY(m.notes.isEmpty());
        // Switching tables re-guesses from that table's columns.
        dlg.tableBox()->setCurrentIndex(dlg.tableBox()->findText(QStringLiteral("notas")));
        QVERIFY(!dlg.isAcceptable());
        dlg.tableBox()->setCurrentIndex(dlg.tableBox()->findText(QStringLiteral("reservas")));
        // The workspace reads the table through the mapping.
        const db::SnapshotCache cache(QStringLiteral("map"), m_dir.filePath(QStringLiteral("cache-map")));
        ui::DataWorkspace w(cache, nullptr);
        db::SnapshotInfo info;
        info.localPath = path;
        info.takenAt = QDateTime::currentDateTimeUtc();
        w.showSnapshots(info, {}, true);
        QSignalSpy loaded(w.appointmentsView(), &ui::AppointmentsView::loaded);
        w.setAppointmentMapping(m);
        QVERIFY(loaded.wait(30000));
        db::AppointmentModel *model = w.appointmentsView()->model();
        model->setRange(db::AppointmentModel::Range::All);
        QCOMPARE(model->rowCount(), 2);
        QCOMPARE(model->at(0)->clientName, QStringLiteral("Sofía")); // by start
        QCOMPARE(model->at(1)->status, QStringLiteral("ok"));
        QVERIFY(model->at(1)->endsAt.isValid());

        // Kept in the profile: the pairs round-trip, and a workspace given them
        // (the next launch) reads the table through the mapping at once.
        QCOMPARE(db::AppointmentMapping::fromPairs(m.toPairs()).value(), m);
        QVERIFY(m.toPairs().contains(QStringLiteral("start=inicio")));
        QVERIFY(!db::AppointmentMapping::fromPairs({QStringLiteral("table=reservas")}).has_value());
        ui::DataWorkspace again(cache, nullptr);
        ui::DataSources sources;
        sources.appointmentsPath = QStringLiteral("/srv/other.db");
        sources.appointmentColumns = m.toPairs();
        again.setSources(sources);
        QSignalSpy loaded2(again.appointmentsView(), &ui::AppointmentsView::loaded);
        again.showSnapshots(info, {}, true);
        QVERIFY(loaded2.wait(30000));
        again.appointmentsView()->model()->setRange(db::AppointmentModel::Range::All);
        QCOMPARE(again.appointmentsView()->model()->rowCount(), 2);
        QCOMPARE(again.appointmentsView()->model()->mapping(), m);
    }

private:
    QTemporaryDir m_dir;
};

QTEST_MAIN(TestDataUi)
#include "test_data_ui.moc"
