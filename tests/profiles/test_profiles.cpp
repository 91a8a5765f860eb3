// Profiles in QSettings (an INI file in a temporary folder) and the CLI's
// connect spec: profile name, ssh-config alias or [user@]host[:port].
#include "profiles/ProfileStore.h"

#include <QDir>
#include <QFile>
#include <QSettings>
#include <QTemporaryDir>
#include <QtTest>

using namespace vigia;

class TestProfiles : public QObject {
    Q_OBJECT
private slots:
    void init();
    void cleanup();

    void crudRoundTrip();
    void survivesReopen();
    void twoInstancesKeepEachOthersFields();
    void validation_data();
    void validation();
    void importFromSshConfig();
    void parseAddress_data();
    void parseAddress();
    void parseAddressErrors_data();
    void parseAddressErrors();
    void resolveProfileMergesConfig();
    void resolveSpecOrder();
    void proxyJumpRefused();
    void corruptSettingsAreTolerated();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString iniPath() const { return m_dir->filePath(QStringLiteral("vigia.ini")); }
};

static ssh::SshConfig sampleConfig()
{
    return ssh::SshConfig::parse(QStringLiteral("Host vps\n"
                                                "  HostName 203.0.113.5\n"
                                                "  User deploy\n"
                                                "  Port 2222\n"
                                                "  IdentityFile ~/.ssh/vps_ed25519\n"
                                                "  UserKnownHostsFile ~/.ssh/known_hosts_vps\n"
                                                "Host jumpy\n"
                                                "  HostName 10.0.0.9\n"
                                                "  ProxyJump bastion.example.com\n"
                                                "Host cmd\n"
                                                "  ProxyCommand nc %h %p\n"
                                                "Host *.corp\n"
                                                "  User corpuser\n"
                                                "Host *\n"
                                                "  IdentityFile ~/.ssh/id_all\n"));
}

void TestProfiles::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestProfiles::cleanup()
{
    m_dir.reset();
}

void TestProfiles::crudRoundTrip()
{
    ProfileStore store(iniPath());
    QVERIFY(store.profiles().isEmpty());

    Profile a;
    a.name = QStringLiteral("Producción Peña");
    a.host = QStringLiteral("vps.example.com");
    a.port = 2200;
    a.user = QStringLiteral("ana");
    a.keyFile = QStringLiteral("~/.ssh/id_ed25519");
    a.kubectlOverride = QStringLiteral("sudo -n k3s kubectl");
    a.ramBudgetBytes = qint64(4) * 1024 * 1024 * 1024;
    a.readOnly = true;
    a.knownHostsPath = QStringLiteral("/tmp/kh");
    a.appointmentsDbPath = QStringLiteral("/var/lib/rancher/k3s/storage/pvc-1_joledev_data/citas 'v2'.db");
    a.quotesDbPath = QStringLiteral("/srv/quoter.sqlite");
    a.allowDbSudo = true;
    a.appointmentColumns = {QStringLiteral("table=reservas"), QStringLiteral("start=inicio"),
                            QStringLiteral("client=cliente, \"nombre\""), QStringLiteral("notes=")};
    a.timeZone = QStringLiteral("Europe/Madrid");
    a.sampleIntervalSec = 30;
    QVERIFY(store.add(a).ok());

    Profile b;
    b.name = QStringLiteral("b");
    b.host = QStringLiteral("10.0.0.2");
    QVERIFY(store.add(b).ok());

    const Result<void> dup = store.add(b);
    QVERIFY(!dup.ok());
    QCOMPARE(dup.error().code, QStringLiteral("profile.duplicate"));

    QCOMPARE(store.profiles().size(), 2);
    QCOMPARE(store.find(a.name), std::optional<Profile>(a));
    QCOMPARE(store.find(b.name)->ramBudgetBytes, std::nullopt);

    Profile b2 = b;
    b2.name = QStringLiteral("b renamed");
    b2.readOnly = true;
    QVERIFY(store.update(QStringLiteral("b"), b2).ok());
    QVERIFY(!store.find(QStringLiteral("b")));
    QCOMPARE(store.find(QStringLiteral("b renamed")), std::optional<Profile>(b2));
    // Renaming onto an existing name is refused.
    Profile clash = b2;
    clash.name = a.name;
    QVERIFY(!store.update(b2.name, clash).ok());
    QVERIFY(!store.update(QStringLiteral("nope"), b2).ok());

    QVERIFY(store.remove(a.name));
    QVERIFY(!store.remove(a.name));
    QCOMPARE(store.profiles().size(), 1);
    // Clearing the RAM budget really clears it.
    Profile c = b2;
    c.ramBudgetBytes = 1000;
    QVERIFY(store.update(c.name, c).ok());
    c.ramBudgetBytes.reset();
    QVERIFY(store.update(c.name, c).ok());
    QCOMPARE(store.find(c.name)->ramBudgetBytes, std::nullopt);
}

void TestProfiles::survivesReopen()
{
    Profile a;
    a.name = QStringLiteral("日本 server");
    a.host = QStringLiteral("[::1]");
    a.host = QStringLiteral("::1");
    a.port = 22;
    {
        ProfileStore store(iniPath());
        QVERIFY(store.add(a).ok());
    }
    ProfileStore again(iniPath());
    QCOMPARE(again.profiles(), QList<Profile>{a});
    // A second store on the same file sees writes from the first.
    ProfileStore other(iniPath());
    Profile b;
    b.name = QStringLiteral("second");
    b.host = QStringLiteral("h");
    QVERIFY(other.add(b).ok());
    QCOMPARE(again.profiles().size(), 2);
}

void TestProfiles::validation_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("host");
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("code");
    QTest::newRow("ok") << "n"
                        << "h"
                        << ""
                        << "";
    QTest::newRow("no name") << " "
                             << "h"
                             << ""
                             << "profile.name";
    QTest::newRow("no host") << "n"
                             << ""
                             << ""
                             << "profile.host";
    QTest::newRow("option-like host") << "n"
                                      << "-oProxyCommand=x"
                                      << ""
                                      << "profile.host";
    QTest::newRow("host with space") << "n"
                                     << "a b"
                                     << ""
                                     << "profile.host";
    QTest::newRow("host with user") << "n"
                                    << "u@h"
                                    << ""
                                    << "profile.host";
    QTest::newRow("user with space") << "n"
                                     << "h"
                                     << "a b"
                                     << "profile.user";
    // "user" picks the bad interval here: too fast for the server, or too slow to chart.
    QTest::newRow("sample interval too short") << "n"
                                               << "h"
                                               << "fast"
                                               << "profile.sampleInterval";
    QTest::newRow("sample interval too long") << "n"
                                              << "h"
                                              << "slow"
                                              << "profile.sampleInterval";
}

void TestProfiles::validation()
{
    QFETCH(QString, name);
    QFETCH(QString, host);
    QFETCH(QString, user);
    QFETCH(QString, code);
    Profile p;
    p.name = name;
    p.host = host;
    p.user = user;
    if (code == QLatin1String("profile.sampleInterval"))
        p.sampleIntervalSec = user == QLatin1String("fast") ? 1 : 3600;
    if (code == QLatin1String("profile.sampleInterval"))
        p.user.clear();
    const Result<void> r = ProfileStore::validate(p);
    QCOMPARE(r.ok(), code.isEmpty());
    if (!r.ok())
        QCOMPARE(r.error().code, code);
    ProfileStore store(iniPath());
    QCOMPARE(store.add(p).ok(), code.isEmpty());
}

// Two windows (or two instances) on one profile: each writes only what it changed, onto a fresh
// read, so neither reverts the other's field.
void TestProfiles::twoInstancesKeepEachOthersFields()
{
    Profile p;
    p.name = QStringLiteral("prod");
    p.host = QStringLiteral("vps.example.org");
    {
        ProfileStore setup(iniPath());
        QVERIFY(setup.add(p).ok());
    }
    ProfileStore one(iniPath());
    ProfileStore two(iniPath());
    const Profile seenByOne = *one.find(QStringLiteral("prod"));
    const Profile seenByTwo = *two.find(QStringLiteral("prod"));

    Profile fromTwo = seenByTwo;
    fromTwo.quotesDbPath = QStringLiteral("/var/lib/quoter/quotes.db");
    QVERIFY(two.applyChanges(seenByTwo, fromTwo).ok());

    Profile fromOne = seenByOne; // still holds the old, empty quotes path
    fromOne.appointmentsDbPath = QStringLiteral("/var/lib/scheduler/citas.db");
    QVERIFY(one.applyChanges(seenByOne, fromOne).ok());

    const Profile stored = *ProfileStore(iniPath()).find(QStringLiteral("prod"));
    QCOMPARE(stored.appointmentsDbPath, QStringLiteral("/var/lib/scheduler/citas.db"));
    QCOMPARE(stored.quotesDbPath, QStringLiteral("/var/lib/quoter/quotes.db"));
    QCOMPARE(stored.host, QStringLiteral("vps.example.org"));
    QVERIFY(!QFile::exists(iniPath() + QStringLiteral(".update-lock")));
}

void TestProfiles::importFromSshConfig()
{
    ProfileStore store(iniPath());
    Profile existing;
    existing.name = QStringLiteral("vps");
    existing.host = QStringLiteral("somewhere-else");
    QVERIFY(store.add(existing).ok());

    const QStringList added = store.importFromSshConfig(sampleConfig());
    QCOMPARE(added, (QStringList{QStringLiteral("jumpy"), QStringLiteral("cmd")}));
    // The existing profile is untouched.
    QCOMPARE(store.find(QStringLiteral("vps"))->host, QStringLiteral("somewhere-else"));
    const Profile jumpy = *store.find(QStringLiteral("jumpy"));
    QCOMPARE(jumpy.host, QStringLiteral("jumpy"));
    // Importing again adds nothing.
    QVERIFY(store.importFromSshConfig(sampleConfig()).isEmpty());

    ProfileStore fresh(m_dir->filePath(QStringLiteral("fresh.ini")));
    QCOMPARE(fresh.importFromSshConfig(sampleConfig()).size(), 3);
    const Profile vps = *fresh.find(QStringLiteral("vps"));
    QCOMPARE(vps.user, QStringLiteral("deploy"));
    QCOMPARE(vps.port, quint16(2222));
}

void TestProfiles::parseAddress_data()
{
    QTest::addColumn<QString>("spec");
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("port");
    QTest::newRow("host") << "example.com"
                          << ""
                          << "example.com" << 22;
    QTest::newRow("user@host") << "ana@example.com"
                               << "ana"
                               << "example.com" << 22;
    QTest::newRow("host:port") << "example.com:2222"
                               << ""
                               << "example.com" << 2222;
    QTest::newRow("user@host:port") << "root@203.0.113.5:2200"
                                    << "root"
                                    << "203.0.113.5" << 2200;
    QTest::newRow("v6 brackets port") << "[::1]:2022"
                                      << ""
                                      << "::1" << 2022;
    QTest::newRow("v6 brackets") << "[2001:db8::1]"
                                 << ""
                                 << "2001:db8::1" << 22;
    QTest::newRow("user v6 brackets port") << "ana@[fe80::1]:22"
                                           << "ana"
                                           << "fe80::1" << 22;
    QTest::newRow("bare v6") << "2001:db8::1"
                             << ""
                             << "2001:db8::1" << 22;
    QTest::newRow("last @ wins") << "a@b@host"
                                 << "a@b"
                                 << "host" << 22;
    QTest::newRow("unicode host") << "peña.example"
                                  << ""
                                  << "peña.example" << 22;
    QTest::newRow("spaces trimmed") << "  host  "
                                    << ""
                                    << "host" << 22;
}

void TestProfiles::parseAddress()
{
    QFETCH(QString, spec);
    QFETCH(QString, user);
    QFETCH(QString, host);
    QFETCH(int, port);
    const Result<Profile> r = ProfileStore::parseAddress(spec);
    QVERIFY2(r.ok(), r.ok() ? "" : qPrintable(r.error().message));
    QCOMPARE(r->user, user);
    QCOMPARE(r->host, host);
    QCOMPARE(int(r->port), port);
}

void TestProfiles::parseAddressErrors_data()
{
    QTest::addColumn<QString>("spec");
    QTest::addColumn<QString>("code");
    QTest::newRow("empty host") << "ana@"
                                << "spec.host";
    QTest::newRow("empty user") << "@host"
                                << "spec.user";
    QTest::newRow("port 0") << "host:0"
                            << "spec.port";
    QTest::newRow("port too big") << "host:65536"
                                  << "spec.port";
    QTest::newRow("port text") << "host:ssh"
                               << "spec.port";
    QTest::newRow("port empty") << "host:"
                                << "spec.port";
    QTest::newRow("negative port") << "host:-1"
                                   << "spec.port";
    QTest::newRow("missing bracket") << "[::1:22"
                                     << "spec.bracket";
    QTest::newRow("junk after bracket") << "[::1]x"
                                        << "spec.port";
    QTest::newRow("empty v6 port") << "[::1]:"
                                   << "spec.port";
    QTest::newRow("option") << "-oProxyCommand=sh"
                            << "spec.host";
    QTest::newRow("space") << "a b"
                           << "spec.host";
    QTest::newRow("bad v6") << "::zz::1"
                            << "spec.host";
    QTest::newRow("only colon") << ":22"
                                << "spec.host";
}

void TestProfiles::parseAddressErrors()
{
    QFETCH(QString, spec);
    QFETCH(QString, code);
    const Result<Profile> r = ProfileStore::parseAddress(spec);
    QVERIFY(!r.ok());
    QCOMPARE(r.error().code, code);
    QVERIFY(!r.error().message.isEmpty());
}

void TestProfiles::resolveProfileMergesConfig()
{
    const ssh::SshConfig cfg = sampleConfig();
    const QString home = QDir::homePath();

    Profile p;
    p.name = QStringLiteral("mine");
    p.host = QStringLiteral("vps");
    Result<ResolvedTarget> r = ProfileStore::resolveProfile(p, cfg);
    QVERIFY(r.ok());
    QCOMPARE(r->target.host, QStringLiteral("203.0.113.5"));
    QCOMPARE(r->target.port, quint16(2222));
    QCOMPARE(r->target.user, QStringLiteral("deploy"));
    QCOMPARE(r->target.identityFiles, (QStringList{home + QStringLiteral("/.ssh/vps_ed25519"),
                                                   home + QStringLiteral("/.ssh/id_all")}));
    QCOMPARE(r->target.knownHostsPath, home + QStringLiteral("/.ssh/known_hosts_vps"));

    // Explicit profile values win; the profile key comes first.
    p.port = 2200;
    p.user = QStringLiteral("ana");
    p.keyFile = QStringLiteral("~/keys/special");
    p.knownHostsPath = QStringLiteral("/tmp/kh");
    r = ProfileStore::resolveProfile(p, cfg);
    QVERIFY(r.ok());
    QCOMPARE(r->target.port, quint16(2200));
    QCOMPARE(r->target.user, QStringLiteral("ana"));
    QCOMPARE(r->target.identityFiles.first(), home + QStringLiteral("/keys/special"));
    QCOMPARE(r->target.identityFiles.size(), 3);
    QCOMPARE(r->target.knownHostsPath, QStringLiteral("/tmp/kh"));
    QCOMPARE(r->profile.port, quint16(2200));

    // A host the config knows only by pattern.
    Profile q;
    q.name = QStringLiteral("corp");
    q.host = QStringLiteral("build.corp");
    r = ProfileStore::resolveProfile(q, cfg);
    QVERIFY(r.ok());
    QCOMPARE(r->target.host, QStringLiteral("build.corp"));
    QCOMPARE(r->target.user, QStringLiteral("corpuser"));
    QCOMPARE(r->target.port, quint16(22));
}

void TestProfiles::resolveSpecOrder()
{
    ProfileStore store(iniPath());
    const ssh::SshConfig cfg = sampleConfig();

    // An ssh-config alias.
    Result<ResolvedTarget> r = store.resolveConnectSpec(QStringLiteral("vps"), cfg);
    QVERIFY(r.ok());
    QCOMPARE(r->source, QStringLiteral("ssh-config alias"));
    QCOMPARE(r->target.host, QStringLiteral("203.0.113.5"));
    QCOMPARE(r->profile.name, QStringLiteral("vps"));

    // A profile with the same name wins over the alias.
    Profile p;
    p.name = QStringLiteral("vps");
    p.host = QStringLiteral("198.51.100.7");
    QVERIFY(store.add(p).ok());
    r = store.resolveConnectSpec(QStringLiteral("vps"), cfg);
    QVERIFY(r.ok());
    QCOMPARE(r->source, QStringLiteral("profile"));
    QCOMPARE(r->target.host, QStringLiteral("198.51.100.7"));

    // user@alias:port still goes through the config, with the typed values winning.
    r = store.resolveConnectSpec(QStringLiteral("root@vps:22"), cfg);
    QVERIFY(r.ok());
    QCOMPARE(r->source, QStringLiteral("address"));
    QCOMPARE(r->target.host, QStringLiteral("203.0.113.5"));
    QCOMPARE(r->target.user, QStringLiteral("root"));
    QCOMPARE(r->target.port, quint16(22));

    // A plain address.
    r = store.resolveConnectSpec(QStringLiteral("ana@[::1]:2022"), cfg);
    QVERIFY(r.ok());
    QCOMPARE(r->target.host, QStringLiteral("::1"));
    QCOMPARE(r->target.port, quint16(2022));
    QCOMPARE(r->target.user, QStringLiteral("ana"));

    // Garbage is an error, not a connection attempt.
    r = store.resolveConnectSpec(QStringLiteral("host:99999"), cfg);
    QVERIFY(!r.ok());
    r = store.resolveConnectSpec(QStringLiteral("   "), cfg);
    QVERIFY(!r.ok());
    QCOMPARE(r.error().code, QStringLiteral("spec.empty"));
}

void TestProfiles::proxyJumpRefused()
{
    ProfileStore store(iniPath());
    const ssh::SshConfig cfg = sampleConfig();
    Result<ResolvedTarget> r = store.resolveConnectSpec(QStringLiteral("jumpy"), cfg);
    QVERIFY(!r.ok());
    QCOMPARE(r.error().code, QStringLiteral("ssh.proxyjump"));
    QVERIFY(r.error().message.contains(QLatin1String("ProxyJump is not supported yet")));
    QVERIFY(r.error().message.contains(QLatin1String("SSH tunnel")));
    r = store.resolveConnectSpec(QStringLiteral("cmd"), cfg);
    QVERIFY(!r.ok());
    QCOMPARE(r.error().code, QStringLiteral("ssh.proxycommand"));
}

void TestProfiles::corruptSettingsAreTolerated()
{
    {
        QFile f(iniPath());
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("[profiles]\n"
                "size=3\n"
                "1\\name=good\n1\\host=h\n1\\port=70000\n1\\ramBudgetBytes=notanumber\n"
                "2\\host=nameless\n"
                "3\\name=third\n3\\host=t\n3\\port=2022\n3\\readOnly=true\n"
                "garbage line without equals\n");
    }
    ProfileStore store(iniPath());
    const QList<Profile> list = store.profiles();
    QCOMPARE(list.size(), 2);
    QCOMPARE(list.at(0).name, QStringLiteral("good"));
    QCOMPARE(list.at(0).port, quint16(22));
    QCOMPARE(list.at(0).ramBudgetBytes, std::nullopt);
    QCOMPARE(list.at(1).port, quint16(2022));
    QVERIFY(list.at(1).readOnly);
}

QTEST_GUILESS_MAIN(TestProfiles)
#include "test_profiles.moc"
