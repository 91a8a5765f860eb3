// One Vigía per user and profile store: a second start hands its arguments over.
#include "desktop/InstanceBridge.h"

#include <QLocalServer>
#include <QLocalSocket>
#include <QProcess>
#include <QSignalSpy>
#include <QTest>
#include <QDir>
#include <QThread>
#include <QUuid>
#include <atomic>

using vigia::desktop::InstanceBridge;

class TestInstanceBridge : public QObject {
    Q_OBJECT
private slots:
    void nobodyListeningMeansStartNormally();
    void secondStartHandsItsArgumentsOver();
    void storesAreSeparateInstances();
    void staleSocketIsTakenOver();
    void garbageIsIgnored();

private:
    static QString uniqueKey() { return QUuid::createUuid().toString(); }
};

void TestInstanceBridge::nobodyListeningMeansStartNormally()
{
    InstanceBridge b(uniqueKey());
    QVERIFY(!b.forward({QStringLiteral("prod")}, 300));
}

void TestInstanceBridge::secondStartHandsItsArgumentsOver()
{
    const QString key = uniqueKey();
    InstanceBridge running(key);
    QVERIFY(running.listen().ok());
    QSignalSpy received(&running, &InstanceBridge::argumentsReceived);
    // The second start blocks on its own socket calls, so it runs in another thread here
    // as it would in another process; the running one serves from its event loop.
    const QString hostile = QStringLiteral("-rf; $(reboot) 'x'\n\u202Eevil");
    std::atomic<bool> handed{false};
    QThread *t = QThread::create([&] {
        InstanceBridge second(key);
        handed = second.forward({hostile});
    });
    t->start();
    QTRY_VERIFY_WITH_TIMEOUT(t->isFinished(), 10000);
    delete t;
    QVERIFY(handed);
    QTRY_COMPARE_WITH_TIMEOUT(received.size(), 1, 5000);
    QCOMPARE(received.first().first().toStringList(), QStringList{hostile});
}

void TestInstanceBridge::storesAreSeparateInstances()
{
    const QString a = InstanceBridge::serverNameFor(QStringLiteral("/home/u/.config/vigia/vigia.conf"));
    const QString b = InstanceBridge::serverNameFor(QStringLiteral("/tmp/test/profiles.ini"));
    QVERIFY(a != b);
    QVERIFY(a.startsWith(QStringLiteral("vigia-")));
    InstanceBridge running(QStringLiteral("/tmp/test/profiles.ini-") + uniqueKey());
    QVERIFY(running.listen().ok());
    InstanceBridge other(uniqueKey());
    QVERIFY(!other.forward({QStringLiteral("x")}, 300));
}

void TestInstanceBridge::staleSocketIsTakenOver()
{
    // A crashed instance leaves its socket file: nobody answers, the next start takes it over.
    const QString key = uniqueKey();
    QProcess::execute(QStringLiteral("python3"),
                      {QStringLiteral("-c"),
                       QStringLiteral("import socket,sys;s=socket.socket(socket.AF_UNIX);s.bind(sys.argv[1])"),
                       QDir::tempPath() + QLatin1Char('/') + InstanceBridge::serverNameFor(key)}); // where QLocalServer puts it
    InstanceBridge next(key);
    QVERIFY(!next.forward({QStringLiteral("x")}, 300));
    QVERIFY(next.listen().ok());
}

void TestInstanceBridge::garbageIsIgnored()
{
    const QString key = uniqueKey();
    InstanceBridge running(key);
    QVERIFY(running.listen().ok());
    QSignalSpy received(&running, &InstanceBridge::argumentsReceived);
    QLocalSocket s;
    s.connectToServer(running.serverName());
    QVERIFY(s.waitForConnected(2000));
    s.write(QByteArray(200 * 1024, 'A')); // over the bound, and no QStringList either
    s.flush();
    s.disconnectFromServer();
    QTest::qWait(500);
    QCOMPARE(received.size(), 0);
}

QTEST_GUILESS_MAIN(TestInstanceBridge)
#include "test_instance_bridge.moc"
