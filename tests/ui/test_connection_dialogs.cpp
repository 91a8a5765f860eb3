// The questions a connection asks: HostKeyDialog (unknown and changed keys) and PassphraseDialog.
#include "HostKeyDialog.h"
#include "PassphraseDialog.h"

#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QCheckBox>
#include <QTest>

using namespace vigia;

namespace {
QString outputPath(const QString &file)
{
    return QStringLiteral(VIGIA_UI_TEST_OUTPUT_DIR "/") + file;
}
} // namespace

class TestConnectionDialogs : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void hostKeyUnknownDialog();
    void hostKeyMismatchDialog();
    void passphraseDialog();
};

void TestConnectionDialogs::initTestCase()
{
    QVERIFY2(QFile::exists(QStringLiteral(":/vigia/icons/status-error.svg")), "resources not linked");
}

void TestConnectionDialogs::hostKeyUnknownDialog()
{
    ssh::HostKeyInfo info;
    info.host = QStringLiteral("127.0.0.1");
    info.port = 2222;
    info.keyType = QStringLiteral("ssh-ed25519");
    info.fingerprint = QStringLiteral("SHA256:47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU");
    HostKeyDialog dlg(HostKeyDialog::Mode::Unknown, info);
    const QString text = dlg.messageText();
    QVERIFY2(
        text.contains(QStringLiteral("The authenticity of host '[127.0.0.1]:2222' can't be established.")),
        qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral(
                 "ED25519 key fingerprint is SHA256:47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU.")),
             qPrintable(text));
    QVERIFY(dlg.connectOnceButton());
    QVERIFY(dlg.trustButton());
    QCOMPARE(dlg.connectOnceButton()->text(), QStringLiteral("Connect once"));
    QCOMPARE(dlg.trustButton()->text(), QStringLiteral("Trust and remember"));
    // Enter must not trust anything.
    QVERIFY(dlg.cancelButton()->isDefault());
    QVERIFY(!dlg.trustButton()->isDefault());
    QCOMPARE(dlg.decision(), ssh::HostKeyDecision::Reject);
    dlg.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dlg));
    QTest::keyClick(&dlg, Qt::Key_Return);
    QCOMPARE(dlg.result(), int(QDialog::Rejected));
    QCOMPARE(dlg.decision(), ssh::HostKeyDecision::Reject);

    HostKeyDialog dlg2(HostKeyDialog::Mode::Unknown, info);
    dlg2.show();
    dlg2.trustButton()->click();
    QCOMPARE(dlg2.result(), int(QDialog::Accepted));
    QCOMPARE(dlg2.decision(), ssh::HostKeyDecision::TrustAndRemember);

    HostKeyDialog dlg3(HostKeyDialog::Mode::Unknown, info);
    dlg3.show();
    dlg3.connectOnceButton()->click();
    QCOMPARE(dlg3.decision(), ssh::HostKeyDecision::ConnectOnce);

    // Port 22: the bare host name, as ssh prints it.
    info.port = 22;
    info.host = QStringLiteral("vps.example.org");
    info.keyType = QStringLiteral("ecdsa-sha2-nistp256");
    QVERIFY(HostKeyDialog::unknownHostText(info).contains(QStringLiteral("host 'vps.example.org'")));
    QVERIFY(
        HostKeyDialog::unknownHostText(info).contains(QStringLiteral("ECDSA key fingerprint is SHA256:")));
    dlg3.grab().save(outputPath(QStringLiteral("hostkey-unknown.png")));
}

void TestConnectionDialogs::hostKeyMismatchDialog()
{
    ssh::HostKeyInfo info;
    info.host = QStringLiteral("[127.0.0.1]:2222");
    info.port = 2222;
    info.keyType = QStringLiteral("ssh-ed25519");
    info.fingerprint = QStringLiteral("SHA256:NEWnewNEWnewNEWnewNEWnewNEWnewNEWnewNEWnewA");
    info.knownFingerprint = QStringLiteral("SHA256:OLDoldOLDoldOLDoldOLDoldOLDoldOLDoldOLDoldB");
    info.knownHostsPath = QStringLiteral("/home/ana/.ssh/known_hosts");
    info.knownHostsLine = 7;
    HostKeyDialog dlg(HostKeyDialog::Mode::Mismatch, info);
    const QString text = dlg.messageText();
    QVERIFY(text.contains(QStringLiteral("HAS CHANGED")));
    QVERIFY(text.contains(info.fingerprint));
    QVERIFY(text.contains(info.knownFingerprint));
    QVERIFY(text.contains(QStringLiteral("/home/ana/.ssh/known_hosts:7")));
    QVERIFY(text.contains(QStringLiteral("[127.0.0.1]:2222")));
    QVERIFY(!dlg.connectOnceButton());
    QVERIFY(!dlg.trustButton());
    // Only Close: no way to connect from here.
    const auto buttons = dlg.findChildren<QPushButton *>();
    QCOMPARE(buttons.size(), 1);
    QVERIFY(dlg.findChild<QLabel *>(QStringLiteral("hostKeyMismatchBanner")));
    dlg.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dlg));
    dlg.grab().save(outputPath(QStringLiteral("hostkey-mismatch.png")));
    buttons.at(0)->click();
    QCOMPARE(dlg.result(), int(QDialog::Rejected));
    QCOMPARE(dlg.decision(), ssh::HostKeyDecision::Reject);
}

void TestConnectionDialogs::passphraseDialog()
{
    PassphraseDialog dlg(QStringLiteral("/home/ana/.ssh/id_ed25519"), true, false);
    QCOMPARE(dlg.passphraseEdit()->echoMode(), QLineEdit::Password);
    QVERIFY(dlg.findChild<QLabel *>(QStringLiteral("passphraseRetryWarning")));
    // No keychain: the box can't be ticked, and saving is off.
    QVERIFY(!dlg.saveCheckBox()->isEnabled());
    dlg.saveCheckBox()->setChecked(true);
    QVERIFY(!dlg.saveInKeychain());
    dlg.passphraseEdit()->setText(QStringLiteral("pässwörd 1"));
    QCOMPARE(dlg.passphrase(), QStringLiteral("pässwörd 1"));

    PassphraseDialog dlg2(QStringLiteral("/k"), false, true);
    QVERIFY(!dlg2.findChild<QLabel *>(QStringLiteral("passphraseRetryWarning")));
    QVERIFY(dlg2.saveCheckBox()->isEnabled());
    QVERIFY(!dlg2.saveInKeychain()); // opt-in
    dlg2.saveCheckBox()->setChecked(true);
    QVERIFY(dlg2.saveInKeychain());
}

QTEST_MAIN(TestConnectionDialogs)
#include "test_connection_dialogs.moc"
