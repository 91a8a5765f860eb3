// A dropped connection comes back by itself (the 3 AM case: a Wi-Fi blip must not
// need a click), while a refused key is never retried behind the user's back.
#include "ConnectionController.h"
#include "MainWindow.h"
#include "PodListModel.h"
#include "Sandbox.h"
#include "SandboxProfile.h"
#include "core/MetaTypes.h"

#include <QLabel>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace vigia;
using Phase = ConnectionController::Phase;

namespace {

constexpr int kConnectTimeoutMs = 30000;

using test::sandboxProfile;

} // namespace

class TestUiReconnect : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        registerCoreMetaTypes();
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY2(m_sb.start(QStringLiteral("joledev")), qPrintable(m_sb.errorString()));
    }
    void cleanupTestCase() { m_sb.stop(); }

    void reconnectsByItselfAfterADrop()
    {
        ConnectionController controller;
        MainWindow w(&controller);
        w.resize(1100, 520);
        w.show();
        controller.start(sandboxProfile(m_sb), m_sb.target(QStringLiteral("ed25519")));
        QTRY_VERIFY_WITH_TIMEOUT(
            controller.phase() == Phase::Connected || controller.phase() == Phase::Failed, kConnectTimeoutMs);
        QVERIFY2(controller.phase() == Phase::Connected, qPrintable(controller.lastError().toString()));
        QTRY_VERIFY_WITH_TIMEOUT(controller.podModel()->rowCount() > 0, kConnectTimeoutMs);
        const int rows = controller.podModel()->rowCount();
        QVERIFY(!controller.nextRetryAt().isValid());

        QSignalSpy transports(&controller, &ConnectionController::transportReady);
        QVERIFY(m_sb.killSshdSessions() >= 1);
        QTRY_COMPARE_WITH_TIMEOUT(controller.phase(), Phase::Lost, kConnectTimeoutMs);
        QVERIFY(controller.nextRetryAt().isValid());
        QVERIFY(controller.isStale());
        QCOMPARE(controller.podModel()->rowCount(), rows); // the last good rows stay
        QTRY_VERIFY_WITH_TIMEOUT(w.banner()->isVisible(), 5000);
        QVERIFY2(w.bannerLabel()->text().contains(QLatin1String("Reconnecting by itself")),
                 qPrintable(w.bannerLabel()->text()));

        // No click: the first retry (2 s) reconnects, and the views get the new transport.
        QTRY_VERIFY_WITH_TIMEOUT(transports.size() == 1, kConnectTimeoutMs);
        QTRY_COMPARE_WITH_TIMEOUT(controller.phase(), Phase::Connected, kConnectTimeoutMs);
        QTRY_VERIFY_WITH_TIMEOUT(!controller.isStale(), kConnectTimeoutMs);
        QVERIFY(!controller.nextRetryAt().isValid());
        QCOMPARE(controller.podModel()->rowCount(), rows);
        QTRY_VERIFY_WITH_TIMEOUT(!w.banner()->isVisible(), 10000);
        controller.disconnectFromHost();
    }

    // libssh2 1.10 cannot sign with an RSA key against this sshd: authentication fails,
    // and that is the user's to fix, so nothing is scheduled.
    void authenticationFailureIsNotRetried()
    {
        ConnectionController controller;
        controller.start(sandboxProfile(m_sb), m_sb.target(QStringLiteral("rsa")));
        QTRY_VERIFY_WITH_TIMEOUT(
            controller.phase() == Phase::Connected || controller.phase() == Phase::Failed, kConnectTimeoutMs);
        QCOMPARE(controller.phase(), Phase::Failed);
        QVERIFY(!controller.nextRetryAt().isValid());
        QTest::qWait(2500); // past the first retry delay: still failed, no new attempt
        QCOMPARE(controller.phase(), Phase::Failed);
    }

    // Last: it kills the sandbox's sshd for good. While the server stays down the
    // retries continue, further apart, and the user's Disconnect stops them.
    void keepsRetryingWhileTheServerIsDown()
    {
        ConnectionController controller;
        controller.start(sandboxProfile(m_sb), m_sb.target(QStringLiteral("ed25519")));
        QTRY_COMPARE_WITH_TIMEOUT(controller.phase(), Phase::Connected, kConnectTimeoutMs);
        QTRY_VERIFY_WITH_TIMEOUT(controller.podModel()->rowCount() > 0, kConnectTimeoutMs);
        m_sb.killSshd();
        QTRY_VERIFY_WITH_TIMEOUT(controller.nextRetryAt().isValid(), kConnectTimeoutMs);
        const QDateTime first = controller.nextRetryAt();
        // The 2 s retry is refused; the next one is scheduled 4 s later.
        QTRY_VERIFY_WITH_TIMEOUT(controller.nextRetryAt().isValid() && controller.nextRetryAt() > first,
                                 15000);
        QCOMPARE(controller.phase(), Phase::Lost);
        QVERIFY2(controller.nextRetryAt() >= first.addSecs(3),
                 qPrintable(controller.nextRetryAt().toString()));
        QVERIFY(controller.podModel()->rowCount() > 0);
        controller.disconnectFromHost();
        QVERIFY(!controller.nextRetryAt().isValid());
        QCOMPARE(controller.phase(), Phase::Idle);
    }

private:
    test::Sandbox m_sb;
};

QTEST_MAIN(TestUiReconnect)
#include "test_ui_reconnect.moc"
