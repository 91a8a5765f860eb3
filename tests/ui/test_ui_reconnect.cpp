// A dropped connection comes back by itself (the 3 AM case: a Wi-Fi blip must not
// need a click), while a refused key is never retried behind the user's back.
#include "MainWindow.h"
#include "PodListModel.h"
#include "Sandbox.h"
#include "SandboxProfile.h"
#include "SandboxSession.h"
#include "WindowProbe.h"
#include "session/Session.h"
#include "core/MetaTypes.h"

#include <QLabel>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace vigia;
using Phase = session::Session::Phase;
namespace probe = vigia::test::probe;

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
        session::Session session;
        MainWindow w(&session);
        PodListModel *model = probe::podModel(&w);
        QFrame *banner = probe::banner(&w);
        QLabel *bannerText = probe::bannerText(&w);
        QVERIFY(model && banner && bannerText);
        w.resize(1100, 520);
        w.show();
        const QString why = test::connectSession(session, m_sb, QStringLiteral("ed25519"), kConnectTimeoutMs);
        QVERIFY2(why.isEmpty(), qPrintable(why));
        QTRY_VERIFY_WITH_TIMEOUT(model->rowCount() > 0, kConnectTimeoutMs);
        const int rows = model->rowCount();
        QCOMPARE(session.podCount(), rows);
        QVERIFY(!session.nextRetryAt().isValid());

        QSignalSpy transports(&session, &session::Session::ready);
        QVERIFY(m_sb.killSshdSessions() >= 1);
        QTRY_COMPARE_WITH_TIMEOUT(session.phase(), Phase::Lost, kConnectTimeoutMs);
        QVERIFY(session.nextRetryAt().isValid());
        QVERIFY(session.isStale());
        QCOMPARE(model->rowCount(), rows); // the last good rows stay
        QVERIFY(model->isStale());
        QTRY_VERIFY_WITH_TIMEOUT(banner->isVisible(), 5000);
        QVERIFY2(bannerText->text().contains(QLatin1String("Reconnecting by itself")),
                 qPrintable(bannerText->text()));

        // No click: the first retry (2 s) reconnects, and the views get the new transport.
        QTRY_VERIFY_WITH_TIMEOUT(transports.size() == 1, kConnectTimeoutMs);
        QTRY_COMPARE_WITH_TIMEOUT(session.phase(), Phase::Connected, kConnectTimeoutMs);
        QTRY_VERIFY_WITH_TIMEOUT(!session.isStale(), kConnectTimeoutMs);
        QVERIFY(!session.nextRetryAt().isValid());
        QCOMPARE(model->rowCount(), rows);
        QVERIFY(!model->isStale());
        QTRY_VERIFY_WITH_TIMEOUT(!banner->isVisible(), 10000);
        session.disconnectFromHost();
    }

    // libssh2 1.10 cannot sign with an RSA key against this sshd: authentication fails,
    // and that is the user's to fix, so nothing is scheduled.
    void authenticationFailureIsNotRetried()
    {
        session::Session session;
        session.start(sandboxProfile(m_sb), m_sb.target(QStringLiteral("rsa")));
        QTRY_VERIFY_WITH_TIMEOUT(
            session.phase() == Phase::Connected || session.phase() == Phase::Failed, kConnectTimeoutMs);
        QCOMPARE(session.phase(), Phase::Failed);
        QVERIFY(!session.nextRetryAt().isValid());
        QTest::qWait(2500); // past the first retry delay: still failed, no new attempt
        QCOMPARE(session.phase(), Phase::Failed);
    }

    // Last: it kills the sandbox's sshd for good. While the server stays down the
    // retries continue, further apart, and the user's Disconnect stops them.
    void keepsRetryingWhileTheServerIsDown()
    {
        session::Session session;
        // A model that follows the session, as a window's would.
        PodListModel model;
        model.attach(&session);
        const QString why = test::connectSession(session, m_sb, QStringLiteral("ed25519"), kConnectTimeoutMs);
        QVERIFY2(why.isEmpty(), qPrintable(why));
        QTRY_VERIFY_WITH_TIMEOUT(model.rowCount() > 0, kConnectTimeoutMs);
        m_sb.killSshd();
        QTRY_VERIFY_WITH_TIMEOUT(session.nextRetryAt().isValid(), kConnectTimeoutMs);
        const QDateTime first = session.nextRetryAt();
        // The 2 s retry is refused; the next one is scheduled 4 s later.
        QTRY_VERIFY_WITH_TIMEOUT(session.nextRetryAt().isValid() && session.nextRetryAt() > first,
                                 15000);
        QCOMPARE(session.phase(), Phase::Lost);
        QVERIFY2(session.nextRetryAt() >= first.addSecs(3),
                 qPrintable(session.nextRetryAt().toString()));
        QVERIFY(model.rowCount() > 0);
        QVERIFY(model.isStale());
        session.disconnectFromHost();
        QVERIFY(!session.nextRetryAt().isValid());
        QCOMPARE(session.phase(), Phase::Idle);
    }

private:
    test::Sandbox m_sb;
};

QTEST_MAIN(TestUiReconnect)
#include "test_ui_reconnect.moc"
