// ColorSchemeWatcher: the value's parsing, the fallback to the platform palette,
// and a real D-Bus round trip against a fake portal on a private session bus.
#include "desktop/ColorSchemeWatcher.h"

#include <QDBusConnection>
#include <QDBusContext>
#include <QDBusError>
#include <QDBusMessage>
#include <QDBusVariant>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using vigia::desktop::ColorSchemeWatcher;
using Scheme = ColorSchemeWatcher::Scheme;

namespace {

// The portal's Settings interface, as much of it as the watcher uses. Without
// ReadOne it behaves like portal version 1 (UnknownMethod), which must fall back to Read.
class FakePortal : public QObject, protected QDBusContext {
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.freedesktop.portal.Settings")
public:
    uint value = 1;
    bool hasReadOne = false;
    int reads = 0;
    int readOnes = 0;

public slots:
    QDBusVariant Read(const QString &ns, const QString &key)
    {
        ++reads;
        if (ns != ColorSchemeWatcher::kNamespace || key != ColorSchemeWatcher::kKey) {
            sendErrorReply(QStringLiteral("org.freedesktop.portal.Error.NotFound"), QStringLiteral("no such key"));
            return {};
        }
        // Read's documented quirk: the value comes as a variant inside a variant.
        return QDBusVariant(QVariant::fromValue(QDBusVariant(QVariant::fromValue(value))));
    }
    QDBusVariant ReadOne(const QString &ns, const QString &key)
    {
        ++readOnes;
        if (!hasReadOne) {
            sendErrorReply(QDBusError::UnknownMethod, QStringLiteral("No such method ReadOne"));
            return {};
        }
        if (ns != ColorSchemeWatcher::kNamespace || key != ColorSchemeWatcher::kKey) {
            sendErrorReply(QStringLiteral("org.freedesktop.portal.Error.NotFound"), QStringLiteral("no such key"));
            return {};
        }
        return QDBusVariant(QVariant::fromValue(value));
    }
};

} // namespace

class TestDesktop : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void parsesTheValue();
    void resolvesWithFallback();
    void noBusMeansPlatformPalette();
    void readsAndFollowsThePortal_data();
    void readsAndFollowsThePortal();
    void absentPortalFallsBack();
    void ignoresOtherSettings();

private:
    QDBusConnection connectTo(const QString &name);

    QProcess m_daemon;
    QString m_address;
    int m_connections = 0;
};

void TestDesktop::initTestCase()
{
    qRegisterMetaType<std::optional<Scheme>>();
    if (QStandardPaths::findExecutable(QStringLiteral("dbus-daemon")).isEmpty())
        return; // the bus tests skip themselves
    // A private bus: the developer's desktop session is neither read nor disturbed.
    m_daemon.start(QStringLiteral("dbus-daemon"),
                   {QStringLiteral("--session"), QStringLiteral("--print-address"), QStringLiteral("--nofork")});
    QVERIFY(m_daemon.waitForStarted(5000));
    QTRY_VERIFY_WITH_TIMEOUT(m_daemon.canReadLine(), 5000);
    m_address = QString::fromUtf8(m_daemon.readLine()).trimmed();
    QVERIFY2(m_address.startsWith(QLatin1String("unix:")), qPrintable(m_address));
}

void TestDesktop::cleanupTestCase()
{
    if (m_daemon.state() != QProcess::NotRunning) {
        m_daemon.terminate();
        if (!m_daemon.waitForFinished(3000))
            m_daemon.kill();
    }
}

QDBusConnection TestDesktop::connectTo(const QString &name)
{
    return QDBusConnection::connectToBus(m_address, name + QString::number(++m_connections));
}

void TestDesktop::parsesTheValue()
{
    QCOMPARE(ColorSchemeWatcher::parseValue(QVariant::fromValue(1u)), std::optional(Scheme::PreferDark));
    QCOMPARE(ColorSchemeWatcher::parseValue(QVariant::fromValue(2u)), std::optional(Scheme::PreferLight));
    QCOMPARE(ColorSchemeWatcher::parseValue(QVariant::fromValue(0u)), std::optional(Scheme::NoPreference));
    // Read's v(v(u)) and ReadOne's v(u).
    const QVariant inner = QVariant::fromValue(QDBusVariant(QVariant::fromValue(1u)));
    QCOMPARE(ColorSchemeWatcher::parseValue(inner), std::optional(Scheme::PreferDark));
    QCOMPARE(ColorSchemeWatcher::parseValue(QVariant::fromValue(QDBusVariant(inner))),
             std::optional(Scheme::PreferDark));
    // Out of range, wrong types and nothing at all are "no answer", not "light".
    QCOMPARE(ColorSchemeWatcher::parseValue(QVariant::fromValue(3u)), std::nullopt);
    QCOMPARE(ColorSchemeWatcher::parseValue(QVariant::fromValue(-1)), std::nullopt);
    QCOMPARE(ColorSchemeWatcher::parseValue(QVariant(QStringLiteral("1"))), std::nullopt);
    QCOMPARE(ColorSchemeWatcher::parseValue(QVariant(true)), std::nullopt);
    QCOMPARE(ColorSchemeWatcher::parseValue(QVariant()), std::nullopt);
}

void TestDesktop::resolvesWithFallback()
{
    // A stated preference wins over the palette; otherwise lightness < 128 is dark.
    QVERIFY(ColorSchemeWatcher::resolveDark(Scheme::PreferDark, 250));
    QVERIFY(!ColorSchemeWatcher::resolveDark(Scheme::PreferLight, 20));
    QVERIFY(ColorSchemeWatcher::resolveDark(Scheme::NoPreference, 40));
    QVERIFY(!ColorSchemeWatcher::resolveDark(Scheme::NoPreference, 239));
    QVERIFY(ColorSchemeWatcher::resolveDark(std::nullopt, 127));
    QVERIFY(!ColorSchemeWatcher::resolveDark(std::nullopt, 128));
}

void TestDesktop::noBusMeansPlatformPalette()
{
    ColorSchemeWatcher watcher(QDBusConnection(QStringLiteral("vigia-test-no-such-bus")));
    QSignalSpy resolved(&watcher, &ColorSchemeWatcher::resolved);
    watcher.start();
    QCOMPARE(resolved.count(), 1);
    QVERIFY(watcher.isResolved());
    QVERIFY(!watcher.portalAvailable());
    QCOMPARE(watcher.scheme(), std::nullopt);
    QVERIFY(watcher.prefersDark(30));
    QVERIFY(!watcher.prefersDark(240));
}

void TestDesktop::readsAndFollowsThePortal_data()
{
    QTest::addColumn<bool>("hasReadOne");
    QTest::newRow("portal v1: Read") << false;
    QTest::newRow("portal v2: ReadOne") << true;
}

void TestDesktop::readsAndFollowsThePortal()
{
    if (m_address.isEmpty())
        QSKIP("dbus-daemon is not installed");
    QFETCH(bool, hasReadOne);
    FakePortal portal;
    portal.hasReadOne = hasReadOne;
    portal.value = 1; // prefer dark
    QDBusConnection service = connectTo(QStringLiteral("fake-portal"));
    QVERIFY2(service.isConnected(), qPrintable(service.lastError().message()));
    QVERIFY(service.registerObject(ColorSchemeWatcher::kPath, &portal, QDBusConnection::ExportAllSlots));
    QVERIFY2(service.registerService(ColorSchemeWatcher::kService), qPrintable(service.lastError().message()));

    {
        ColorSchemeWatcher watcher(connectTo(QStringLiteral("watcher")));
        QSignalSpy changed(&watcher, &ColorSchemeWatcher::schemeChanged);
        QSignalSpy resolved(&watcher, &ColorSchemeWatcher::resolved);
        watcher.start();
        // Asynchronous: nothing is known before the event loop runs.
        QVERIFY(!watcher.isResolved());
        QTRY_COMPARE_WITH_TIMEOUT(resolved.count(), 1, 5000);
        QVERIFY(watcher.portalAvailable());
        QCOMPARE(watcher.scheme(), std::optional(Scheme::PreferDark));
        QVERIFY(watcher.prefersDark(250)); // the portal beats a light platform palette
        QCOMPARE(portal.readOnes, 1);
        QCOMPARE(portal.reads, hasReadOne ? 0 : 1);
        QCOMPARE(changed.count(), 1);

        // The desktop switches to light: SettingChanged(namespace, key, v(u)).
        portal.value = 2;
        QDBusMessage signal = QDBusMessage::createSignal(ColorSchemeWatcher::kPath, ColorSchemeWatcher::kInterface,
                                                         QStringLiteral("SettingChanged"));
        signal << ColorSchemeWatcher::kNamespace << ColorSchemeWatcher::kKey
               << QVariant::fromValue(QDBusVariant(QVariant::fromValue(2u)));
        QVERIFY(service.send(signal));
        QTRY_COMPARE_WITH_TIMEOUT(changed.count(), 2, 5000);
        QCOMPARE(watcher.scheme(), std::optional(Scheme::PreferLight));
        QVERIFY(!watcher.prefersDark(20));
        QCOMPARE(resolved.count(), 1);
    }
    service.unregisterService(ColorSchemeWatcher::kService);
    service.unregisterObject(ColorSchemeWatcher::kPath);
    QDBusConnection::disconnectFromBus(service.name());
}

void TestDesktop::absentPortalFallsBack()
{
    if (m_address.isEmpty())
        QSKIP("dbus-daemon is not installed");
    // A bus without the portal (a bare window manager, a container): ServiceUnknown.
    ColorSchemeWatcher watcher(connectTo(QStringLiteral("watcher")));
    QSignalSpy resolved(&watcher, &ColorSchemeWatcher::resolved);
    watcher.start();
    QTRY_COMPARE_WITH_TIMEOUT(resolved.count(), 1, 5000);
    QVERIFY(!watcher.portalAvailable());
    QCOMPARE(watcher.scheme(), std::nullopt);
    QVERIFY(watcher.prefersDark(40));
    QVERIFY(!watcher.prefersDark(230));
}

void TestDesktop::ignoresOtherSettings()
{
    if (m_address.isEmpty())
        QSKIP("dbus-daemon is not installed");
    FakePortal portal;
    portal.hasReadOne = true;
    portal.value = 0; // no preference
    QDBusConnection service = connectTo(QStringLiteral("fake-portal"));
    QVERIFY(service.registerObject(ColorSchemeWatcher::kPath, &portal, QDBusConnection::ExportAllSlots));
    QVERIFY(service.registerService(ColorSchemeWatcher::kService));
    ColorSchemeWatcher watcher(connectTo(QStringLiteral("watcher")));
    QSignalSpy changed(&watcher, &ColorSchemeWatcher::schemeChanged);
    watcher.start();
    QTRY_VERIFY_WITH_TIMEOUT(watcher.isResolved(), 5000);
    QCOMPARE(watcher.scheme(), std::optional(Scheme::NoPreference));
    QVERIFY(watcher.prefersDark(40)); // no preference: the palette decides
    // Another key of the same namespace (accent colour) must not move the scheme.
    QDBusMessage other = QDBusMessage::createSignal(ColorSchemeWatcher::kPath, ColorSchemeWatcher::kInterface,
                                                    QStringLiteral("SettingChanged"));
    other << ColorSchemeWatcher::kNamespace << QStringLiteral("contrast")
          << QVariant::fromValue(QDBusVariant(QVariant::fromValue(1u)));
    QVERIFY(service.send(other));
    QTest::qWait(200);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(watcher.scheme(), std::optional(Scheme::NoPreference));
    service.unregisterService(ColorSchemeWatcher::kService);
    QDBusConnection::disconnectFromBus(service.name());
}

QTEST_GUILESS_MAIN(TestDesktop)
#include "test_desktop.moc"
