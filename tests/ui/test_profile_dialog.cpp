// ProfileDialog: a profile in and out unchanged, validation, and the fields it keeps but does not show.
#include "ProfileDialog.h"
#include "profiles/ProfileStore.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>

using namespace vigia;

namespace {
QString outputPath(const QString &file)
{
    return QStringLiteral(VIGIA_UI_TEST_OUTPUT_DIR "/") + file;
}
} // namespace

class TestProfileDialog : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void profileDialogRoundTrip();
    void profileDialogValidation();
    void profileRequireTypedNameRoundTrip();
};

void TestProfileDialog::initTestCase()
{
    QVERIFY2(QFile::exists(QStringLiteral(":/vigia/icons/status-error.svg")), "resources not linked");
}

void TestProfileDialog::profileDialogRoundTrip()
{
    Profile p;
    p.name = QStringLiteral("producción");
    p.host = QStringLiteral("vps.example.org");
    p.port = 2202;
    p.user = QStringLiteral("deploy");
    p.keyFile = QStringLiteral("/home/ana/.ssh/id_ed25519");
    p.kubectlOverride = QStringLiteral("sudo -n k3s kubectl");
    p.ramBudgetBytes = qint64(3) * 1024 * 1024 * 1024 + qint64(512) * 1024 * 1024; // 3.5 GiB
    p.readOnly = true;
    p.knownHostsPath = QStringLiteral("/tmp/kh");
    ProfileDialog dlg(p, {QStringLiteral("producción"), QStringLiteral("other")});
    QCOMPARE(dlg.profile(), p);
    QVERIFY(dlg.validationError().isEmpty());
    dlg.adjustSize();
    QVERIFY(dlg.grab().save(outputPath(QStringLiteral("profile-dialog.png"))));

    dlg.ramEdit()->setText(QString());
    QVERIFY(!dlg.profile().ramBudgetBytes.has_value());
    dlg.ramEdit()->setText(QStringLiteral("2,5"));
    QCOMPARE(dlg.profile().ramBudgetBytes.value(), qint64(2.5 * 1024 * 1024 * 1024));
    dlg.readOnlyCheck()->setChecked(false);
    dlg.portSpin()->setValue(22);
    QCOMPARE(dlg.profile().port, quint16(22));
    QVERIFY(!dlg.profile().readOnly);
    QCOMPARE(dlg.profile().knownHostsPath, QStringLiteral("/tmp/kh"));
}

void TestProfileDialog::profileDialogValidation()
{
    ProfileDialog dlg(Profile{}, {QStringLiteral("taken")});
    auto *save = dlg.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Save);
    QVERIFY(!save->isEnabled());
    dlg.nameEdit()->setText(QStringLiteral("taken"));
    dlg.hostEdit()->setText(QStringLiteral("example.org"));
    QVERIFY(dlg.validationError().contains(QStringLiteral("already exists")));
    QVERIFY(!save->isEnabled());
    dlg.nameEdit()->setText(QStringLiteral("new"));
    QVERIFY(save->isEnabled());
    dlg.ramEdit()->setText(QStringLiteral("lots"));
    QVERIFY(!save->isEnabled());
    dlg.ramEdit()->setText(QStringLiteral("-1"));
    QVERIFY(!save->isEnabled());
    dlg.ramEdit()->setText(QStringLiteral("4"));
    QVERIFY(save->isEnabled());
    dlg.hostEdit()->setText(QStringLiteral("a b"));
    QVERIFY(!save->isEnabled());
}

void TestProfileDialog::profileRequireTypedNameRoundTrip()
{
    Profile p;
    p.name = QStringLiteral("vps");
    p.host = QStringLiteral("203.0.113.7");
    p.requireTypedName = true;
    p.appointmentsDbPath = QStringLiteral("/srv/a.db");
    ProfileDialog dlg(p, {});
    QVERIFY(dlg.requireTypedNameCheck()->isChecked());
    dlg.requireTypedNameCheck()->setChecked(false);
    const Profile edited = dlg.profile();
    QCOMPARE(edited.requireTypedName, false);
    // Fields the dialog does not show survive an edit.
    QCOMPARE(edited.appointmentsDbPath, QStringLiteral("/srv/a.db"));
    QCOMPARE(edited.timeZone, QStringLiteral("America/Tijuana"));

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    {
        ProfileStore store(dir.filePath(QStringLiteral("profiles.ini")));
        QVERIFY(store.add(p).ok());
    }
    ProfileStore again(dir.filePath(QStringLiteral("profiles.ini")));
    const std::optional<Profile> loaded = again.find(QStringLiteral("vps"));
    QVERIFY(loaded);
    QCOMPARE(*loaded, p);
}

QTEST_MAIN(TestProfileDialog)
#include "test_profile_dialog.moc"
