// "Start at login": the XDG autostart entry, written and removed, with a hostile path.
#include "desktop/Autostart.h"

#include <QFile>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using vigia::desktop::Autostart;

class TestAutostart : public QObject {
    Q_OBJECT
private slots:
    void writesAndRemovesTheEntry();
    void quotesAProgramPathAsTheSpecAsks();
    void unwritableFolderSaysSo();
};

void TestAutostart::writesAndRemovesTheEntry()
{
    QTemporaryDir dir;
    Autostart a(dir.path() + QStringLiteral("/autostart"));
    QVERIFY(!a.isEnabled());
    QVERIFY(a.setEnabled(true, QStringLiteral("vigia")).ok());
    QVERIFY(a.isEnabled());
    QSettings entry(a.entryPath(), QSettings::IniFormat);
    entry.beginGroup(QStringLiteral("Desktop Entry"));
    QCOMPARE(entry.value(QStringLiteral("Exec")).toString(), QStringLiteral("vigia --hidden"));
    QCOMPARE(entry.value(QStringLiteral("Type")).toString(), QStringLiteral("Application"));
    QVERIFY(a.setEnabled(false, QStringLiteral("vigia")).ok());
    QVERIFY(!a.isEnabled());
    QVERIFY(a.setEnabled(false, QStringLiteral("vigia")).ok()); // already off: fine
}

void TestAutostart::quotesAProgramPathAsTheSpecAsks()
{
    const QString text = Autostart::entryText(QStringLiteral("/home/ana/My Apps/$vigia\"50%"));
    // Quoted, ", $ escaped with a backslash (doubled once more in a string value), % doubled.
    QVERIFY2(text.contains(QStringLiteral("Exec=\"/home/ana/My Apps/\\\\$vigia\\\\\"50%%\" --hidden\n")),
             qPrintable(text));
    QVERIFY(Autostart::entryText(QStringLiteral("/usr/bin/vigia")).contains(QStringLiteral("Exec=/usr/bin/vigia --hidden\n")));
}

void TestAutostart::unwritableFolderSaysSo()
{
    QTemporaryDir dir;
    QFile blocker(dir.path() + QStringLiteral("/autostart"));
    QVERIFY(blocker.open(QIODevice::WriteOnly)); // a file where the folder should be
    blocker.close();
    Autostart a(blocker.fileName());
    const auto r = a.setEnabled(true, QStringLiteral("vigia"));
    QVERIFY(!r.ok());
    QVERIFY(r.error().message.contains(blocker.fileName()));
    QVERIFY(!r.error().hint.isEmpty());
}

QTEST_GUILESS_MAIN(TestAutostart)
#include "test_autostart.moc"
