// ConnectWindow: the server list (profiles, ssh config suggestions, import, quick connect).
#include "ConnectWindow.h"
#include "profiles/ProfileStore.h"
#include "ssh/SshConfig.h"

#include <QFile>
#include <QLabel>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace vigia;

namespace {
QString outputPath(const QString &file)
{
    return QStringLiteral(VIGIA_UI_TEST_OUTPUT_DIR "/") + file;
}
} // namespace

class TestConnectWindow : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void connectWindowListsProfiles();
};

void TestConnectWindow::initTestCase()
{
    QVERIFY2(QFile::exists(QStringLiteral(":/vigia/icons/status-error.svg")), "resources not linked");
}

void TestConnectWindow::connectWindowListsProfiles()
{
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    ProfileStore store(tmp.filePath(QStringLiteral("profiles.ini")));
    Profile prod;
    prod.name = QStringLiteral("producción");
    prod.host = QStringLiteral("vps.example.org");
    prod.user = QStringLiteral("deploy");
    prod.port = 2202;
    prod.readOnly = true;
    QVERIFY(store.add(prod).ok());
    Profile lab;
    lab.name = QStringLiteral("lab");
    lab.host = QStringLiteral("10.0.0.5");
    QVERIFY(store.add(lab).ok());

    const ssh::SshConfig config =
        ssh::SshConfig::parse(QStringLiteral("Host joledev\n  HostName 203.0.113.7\n"
                                             "  User ana\n  Port 2222\n"
                                             "Host *.internal\n  User ops\n"));
    ConnectWindow w(&store, config, QStringLiteral("/tmp/ssh_config"));
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QTreeWidget *list = w.profileList();
    // Two profiles, and the ssh config's literal alias offered at once as a suggestion.
    QCOMPARE(list->topLevelItemCount(), 3);
    QStringList shown;
    for (int i = 0; i < list->topLevelItemCount(); ++i)
        shown << list->topLevelItem(i)->text(0) + QLatin1Char('|') + list->topLevelItem(i)->text(1);
    QVERIFY2(shown.contains(QStringLiteral("producción|deploy@vps.example.org:2202")),
             qPrintable(shown.join(',')));
    QVERIFY(shown.contains(QStringLiteral("lab|10.0.0.5")));
    QVERIFY2(shown.contains(QStringLiteral("joledev|ana@203.0.113.7:2222")), qPrintable(shown.join(',')));
    QVERIFY(!shown.join(',').contains(QStringLiteral("*.internal")));

    // Enter on a profile connects it, resolved to a target.
    QSignalSpy requested(&w, &ConnectWindow::connectRequested);
    QVERIFY(w.selectProfile(QStringLiteral("producción")));
    list->setFocus();
    QTest::keyClick(list, Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(requested.count(), 1, 2000);
    const auto first = requested.at(0).at(0).value<ResolvedTarget>();
    QCOMPARE(first.profile.name, QStringLiteral("producción"));
    QCOMPARE(first.target.host, QStringLiteral("vps.example.org"));
    QCOMPARE(first.target.port, quint16(2202));
    QCOMPARE(first.target.user, QStringLiteral("deploy"));
    QVERIFY(first.profile.readOnly);

    w.grab().save(outputPath(QStringLiteral("connect-window-suggestions.png")));
    // A suggestion connects as the alias, without being saved, and cannot be deleted.
    QVERIFY(w.selectProfile(QStringLiteral("joledev")));
    QVERIFY(w.isSuggestionSelected());
    QVERIFY(!w.deleteSelected(false));
    w.connectSelected();
    QCOMPARE(requested.count(), 2);
    QCOMPARE(requested.at(1).at(0).value<ResolvedTarget>().target.host, QStringLiteral("203.0.113.7"));
    QVERIFY(!store.find(QStringLiteral("joledev")).has_value());
    requested.removeLast(); // the rest counts saved-profile and typed connections

    // Import adds the literal alias, not the pattern.
    const QStringList added = w.importFromSshConfig();
    QCOMPARE(added, QStringList{QStringLiteral("joledev")});
    QCOMPARE(list->topLevelItemCount(), 3);
    QCOMPARE(w.selectedName(), QStringLiteral("joledev"));
    QVERIFY(!w.isSuggestionSelected());
    w.connectSelected();
    QCOMPARE(requested.count(), 2);
    const auto alias = requested.at(1).at(0).value<ResolvedTarget>();
    QCOMPARE(alias.target.host, QStringLiteral("203.0.113.7"));
    QCOMPARE(alias.target.port, quint16(2222));
    QCOMPARE(alias.target.user, QStringLiteral("ana"));

    // Quick connect: a bad address is explained, not connected.
    w.connectSpec(QStringLiteral("ana@host:99999"));
    QCOMPARE(requested.count(), 2);
    QVERIFY(w.messageLabel()->isVisible());
    QVERIFY(!w.messageLabel()->text().isEmpty());
    w.connectSpec(QStringLiteral("ops@db.internal"));
    QCOMPARE(requested.count(), 3);
    QCOMPARE(requested.at(2).at(0).value<ResolvedTarget>().target.user, QStringLiteral("ops"));

    w.grab().save(outputPath(QStringLiteral("connect-window.png")));

    QVERIFY(w.selectProfile(QStringLiteral("lab")));
    QVERIFY(w.deleteSelected(false));
    QCOMPARE(list->topLevelItemCount(), 2);
    QVERIFY(!store.find(QStringLiteral("lab")).has_value());
}

QTEST_MAIN(TestConnectWindow)
#include "test_connect_window.moc"
