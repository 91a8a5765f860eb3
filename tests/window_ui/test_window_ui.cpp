// WindowStateKeeper: what a person arranged comes back for the same server, not for another.
#include "WindowStateKeeper.h"

#include <QGuiApplication>
#include <QHeaderView>
#include <QLabel>
#include <QMainWindow>
#include <QScreen>
#include <QSettings>
#include <QSplitter>
#include <QStandardItemModel>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace vigia::ui;

namespace {
// A window shaped like the main one: tabs, a splitter beside a table, a second table built later.
struct Window {
    QMainWindow w;
    QTabWidget *tabs = new QTabWidget;
    QSplitter *split = new QSplitter(Qt::Horizontal);
    QTableView *table = new QTableView;
    QStandardItemModel model{3, 4};

    Window()
    {
        table->setModel(&model);
        split->addWidget(table);
        split->addWidget(new QLabel(QStringLiteral("details")));
        tabs->addTab(split, QStringLiteral("Pods"));
        tabs->addTab(new QLabel(QStringLiteral("logs")), QStringLiteral("Logs"));
        tabs->addTab(new QLabel(QStringLiteral("data")), QStringLiteral("Data"));
        w.setCentralWidget(tabs);
    }
};
} // namespace

class TestWindowUi : public QObject {
    Q_OBJECT
private slots:
    void keptPerProfile()
    {
        QTemporaryDir dir;
        QSettings settings(dir.filePath(QStringLiteral("vigia.conf")), QSettings::IniFormat);
        {
            Window a;
            WindowStateKeeper keeper(&a.w, a.tabs, &settings);
            keeper.setProfile(QStringLiteral("cliente/prod"));
            a.w.show();
            QVERIFY(QTest::qWaitForWindowExposed(&a.w));
            a.w.resize(900, 500);
            a.split->setSizes({600, 300});
            a.table->horizontalHeader()->resizeSection(2, 177);
            a.tabs->setCurrentIndex(2);
            QTest::qWait(20);
            a.w.close(); // saves
        }
        {
            Window b;
            WindowStateKeeper keeper(&b.w, b.tabs, &settings);
            keeper.setProfile(QStringLiteral("cliente/prod"));
            QCOMPARE(b.tabs->currentIndex(), 2);
            QCOMPARE(b.table->horizontalHeader()->sectionSize(2), 177);
            QVERIFY(WindowStateKeeper::wasRestored(b.table->horizontalHeader()));
            b.w.show();
            QVERIFY(QTest::qWaitForWindowExposed(&b.w));
            QCOMPARE(b.w.size(), QSize(900, 500));
            const QList<int> sizes = b.split->sizes();
            QVERIFY2(sizes.value(0) > sizes.value(1) * 3 / 2, qPrintable(QString::number(sizes.value(0))));
        }
        {
            // Another server starts from the defaults, not from this one's layout.
            Window c;
            WindowStateKeeper keeper(&c.w, c.tabs, &settings);
            keeper.setProfile(QStringLiteral("staging"));
            QCOMPARE(c.tabs->currentIndex(), 0);
            QVERIFY(c.table->horizontalHeader()->sectionSize(2) != 177);
            QVERIFY(!WindowStateKeeper::wasRestored(c.table->horizontalHeader()));
            QCOMPARE(c.w.size(), WindowStateKeeper::firstSize(c.w.screen()));
        }
    }

    // The first start uses most of the screen, never more than it has.
    void firstSizeUsesTheScreen()
    {
        const QScreen *screen = QGuiApplication::primaryScreen();
        QVERIFY(screen);
        const QSize s = WindowStateKeeper::firstSize(screen);
        const QSize avail = screen->availableGeometry().size();
        QVERIFY(s.width() <= avail.width() && s.height() <= avail.height());
        QVERIFY(s.width() >= qMin(1100, avail.width()));
        QVERIFY(s.height() >= qMin(640, avail.height()));
        QCOMPARE(WindowStateKeeper::firstSize(nullptr), QSize(1100, 640));
    }
};

QTEST_MAIN(TestWindowUi)
#include "test_window_ui.moc"
