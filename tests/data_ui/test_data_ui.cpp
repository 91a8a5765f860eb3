// The data views on the offscreen platform: a full local Refresh (the same
// snapshot path as over SSH, run by LocalCommandRunner) into the workspace,
// filters driven through the widgets, the offline reopen, and a screenshot.
// VIGIA_SCREENSHOT_OUT=path.png saves the Appointments view.
#include "data/AppointmentsView.h"
#include "data/CountCalendar.h"
#include "data/DataWorkspace.h"
#include "data/QuotesView.h"
#include "data/SnapshotBar.h"
#include "data/TablesView.h"
#include "db/CommandRunner.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QLineEdit>
#include <QListWidget>
#include <QProcess>
#include <QScrollBar>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace vigia;

namespace {
bool dbgen(const QString &path, const QString &kind, int rows)
{
    QProcess p;
    p.start(QStringLiteral("python3"), {QStringLiteral(VIGIA_SANDBOX_DIR "/dbgen.py"), QStringLiteral("--db"), path,
                                        QStringLiteral("--kind"), kind, QStringLiteral("--rows"), QString::number(rows)});
    return p.waitForFinished(60000) && p.exitCode() == 0;
}
int pastCount(const ui::AppointmentsView &v)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    int n = 0;
    for (const db::Appointment &a : v.model()->appointments())
        n += a.startsAt < now ? 1 : 0;
    return n;
}
} // namespace

class TestDataUi : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(dbgen(m_dir.filePath(QStringLiteral("storage/pvc-1_joledev_scheduler/scheduler.db")), QStringLiteral("scheduler"), 1500));
        QVERIFY(dbgen(m_dir.filePath(QStringLiteral("storage/pvc-2_joledev_quoter/quoter.db")), QStringLiteral("quoter"), 300));
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
        QCOMPARE(av->model()->rowCount(), 1500);
        // Calendar: click a day with appointments; the list shows exactly that day's count.
        const auto counts = av->model()->countsPerDay();
        QDate busiest;
        for (auto it = counts.begin(); it != counts.end(); ++it)
            if (!busiest.isValid() || it.value() > counts.value(busiest))
                busiest = it.key();
        QVERIFY(busiest.isValid());
        QCOMPARE(av->calendar()->countOn(busiest), counts.value(busiest));
        av->selectDay(busiest);
        QCOMPARE(av->proxy()->rowCount(), counts.value(busiest));
        av->clearDay();
        QCOMPARE(av->proxy()->rowCount(), av->model()->rowCount() - pastCount(*av));
        QTest::keyClicks(av->searchField(), QStringLiteral("cooperativa"));
        QVERIFY(av->proxy()->rowCount() > 0 && av->proxy()->rowCount() < 1500);
        QCOMPARE(av->proxy()->range(), db::AppointmentFilterModel::Range::Upcoming); // the agenda's default
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
        QVERIFY(w.openCached());
        QCOMPARE(w.appointmentsView()->model()->rowCount(), 1500);
        QCOMPARE(w.quotesView()->model()->rowCount(), 300);
        QVERIFY(w.snapshotBar()->asOfText().contains(QStringLiteral("offline")));
        w.refresh(); // no runner: a clear message, no crash
    }

private:
    QTemporaryDir m_dir;
};

QTEST_MAIN(TestDataUi)
#include "test_data_ui.moc"
