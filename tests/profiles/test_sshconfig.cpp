// ~/.ssh/config parsing with ssh(1)'s semantics. Where OpenSSH's client is
// installed, resolutions are also checked against `ssh -G`, the real oracle.
#include "ssh/SshConfig.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using namespace vigia;
using namespace vigia::ssh;

static const QString kHome = QStringLiteral("/home/ana");
static const QString kUser = QStringLiteral("ana");

class TestSshConfig : public QObject {
    Q_OBJECT
private slots:
    void patterns_data();
    void patterns();
    void firstValueWins();
    void globalOptionsBeforeHost();
    void multiplePatternsAndNegation();
    void identityFilesAccumulateAndExpand();
    void hostNameTokens();
    void quotingEqualsAndComments();
    void matchBlocksAreSkipped();
    void proxyJumpRecognised();
    void aliasesForImport();
    void include();
    void missingFileIsEmpty();
    void invalidValues();
    void againstOpenSshClient();
};

void TestSshConfig::patterns_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<bool>("match");
    QTest::newRow("exact") << "vps"
                           << "vps" << true;
    QTest::newRow("case") << "VPS"
                          << "vps" << true;
    QTest::newRow("star") << "web.example.com"
                          << "*.example.com" << true;
    QTest::newRow("star no") << "example.com"
                             << "*.example.com" << false;
    QTest::newRow("star all") << "anything"
                              << "*" << true;
    QTest::newRow("question") << "web1"
                              << "web?" << true;
    QTest::newRow("question too short") << "web"
                                        << "web?" << false;
    QTest::newRow("middle star") << "db-eu-1"
                                 << "db-*-1" << true;
    QTest::newRow("multi star") << "aXbYc"
                                << "a*b*c" << true;
    QTest::newRow("backtrack") << "aaab"
                               << "*ab" << true;
    QTest::newRow("no") << "vps2"
                        << "vps" << false;
    QTest::newRow("ipv4 glob") << "10.0.0.7"
                               << "10.0.0.*" << true;
}

void TestSshConfig::patterns()
{
    QFETCH(QString, text);
    QFETCH(QString, pattern);
    QFETCH(bool, match);
    QCOMPARE(SshConfig::matchPattern(text, pattern), match);
}

void TestSshConfig::firstValueWins()
{
    const SshConfig c = SshConfig::parse(QStringLiteral("Host vps\n"
                                                        "  User first\n"
                                                        "  User second\n"
                                                        "  Port 2222\n"
                                                        "Host *\n"
                                                        "  User fallback\n"
                                                        "  Port 22\n"
                                                        "  HostName should-not-win-for-vps-if-set-above\n"));
    const SshHostConfig r = c.resolve(QStringLiteral("vps"), kUser, kHome);
    QCOMPARE(r.user, QStringLiteral("first"));
    QCOMPARE(r.port, std::optional<quint16>(2222));
    // HostName came only from Host *: it applies.
    QCOMPARE(r.hostName, QStringLiteral("should-not-win-for-vps-if-set-above"));
    QVERIFY(r.matchedAnyHostBlock);

    const SshHostConfig other = c.resolve(QStringLiteral("other"), kUser, kHome);
    QCOMPARE(other.user, QStringLiteral("fallback"));
    QCOMPARE(other.port, std::optional<quint16>(22));
    QVERIFY(!other.matchedAnyHostBlock);
}

void TestSshConfig::globalOptionsBeforeHost()
{
    const SshConfig c = SshConfig::parse(QStringLiteral("User global\n"
                                                        "Host vps\n"
                                                        "  User local\n"));
    QCOMPARE(c.resolve(QStringLiteral("vps"), kUser, kHome).user, QStringLiteral("global"));
    QCOMPARE(c.resolve(QStringLiteral("x"), kUser, kHome).user, QStringLiteral("global"));
}

void TestSshConfig::multiplePatternsAndNegation()
{
    const SshConfig c = SshConfig::parse(QStringLiteral("Host *.prod !bastion.prod db?\n"
                                                        "  User deploy\n"
                                                        "Host bastion.prod\n"
                                                        "  User jump\n"));
    QCOMPARE(c.resolve(QStringLiteral("web.prod"), kUser, kHome).user, QStringLiteral("deploy"));
    QCOMPARE(c.resolve(QStringLiteral("db1"), kUser, kHome).user, QStringLiteral("deploy"));
    QCOMPARE(c.resolve(QStringLiteral("bastion.prod"), kUser, kHome).user, QStringLiteral("jump"));
    QCOMPARE(c.resolve(QStringLiteral("db12"), kUser, kHome).user, QString());
    // A negation alone matches nothing.
    QVERIFY(!SshConfig::matchPatternList(QStringLiteral("a"), {QStringLiteral("!b")}));
}

void TestSshConfig::identityFilesAccumulateAndExpand()
{
    const SshConfig c = SshConfig::parse(QStringLiteral("Host vps\n"
                                                        "  HostName 203.0.113.5\n"
                                                        "  User root\n"
                                                        "  IdentityFile ~/.ssh/vps_ed25519\n"
                                                        "  IdentityFile %d/keys/%u-%h-%r-%n-%p\n"
                                                        "Host *\n"
                                                        "  IdentityFile ~/.ssh/id_ecdsa\n"
                                                        "  IdentityFile ~/.ssh/vps_ed25519\n"
                                                        "  IdentityFile \"/path with space/key\"\n"));
    const SshHostConfig r = c.resolve(QStringLiteral("vps"), kUser, kHome);
    QCOMPARE(r.identityFiles, (QStringList{QStringLiteral("/home/ana/.ssh/vps_ed25519"),
                                           QStringLiteral("/home/ana/keys/ana-203.0.113.5-root-vps-22"),
                                           QStringLiteral("/home/ana/.ssh/id_ecdsa"),
                                           QStringLiteral("/path with space/key")}));
}

void TestSshConfig::hostNameTokens()
{
    const SshConfig c = SshConfig::parse(QStringLiteral("Host *.lan\n"
                                                        "  HostName %h.example.net\n"
                                                        "Host pct\n"
                                                        "  HostName 100%%.example\n"));
    QCOMPARE(c.resolve(QStringLiteral("box.lan"), kUser, kHome).hostName,
             QStringLiteral("box.lan.example.net"));
    QCOMPARE(c.resolve(QStringLiteral("pct"), kUser, kHome).hostName, QStringLiteral("100%.example"));
    QCOMPARE(c.resolve(QStringLiteral("plain"), kUser, kHome).effectiveHost(), QStringLiteral("plain"));
}

void TestSshConfig::quotingEqualsAndComments()
{
    const SshConfig c = SshConfig::parse(QStringLiteral("# a comment\n"
                                                        "\n"
                                                        "Host=vps\r\n"
                                                        "\tHostName = vps.example.com # trailing comment\r\n"
                                                        "  PORT=2200\n"
                                                        "  user \"ana maría\"\n"
                                                        "  IdentityFile='~/.ssh/my key'\n"));
    const SshHostConfig r = c.resolve(QStringLiteral("vps"), kUser, kHome);
    QCOMPARE(r.hostName, QStringLiteral("vps.example.com"));
    QCOMPARE(r.port, std::optional<quint16>(2200));
    QCOMPARE(r.user, QStringLiteral("ana maría"));
    QCOMPARE(r.identityFiles, QStringList{QStringLiteral("/home/ana/.ssh/my key")});
}

void TestSshConfig::matchBlocksAreSkipped()
{
    const SshConfig c = SshConfig::parse(QStringLiteral("Match host vps exec \"true\"\n"
                                                        "  User frommatch\n"
                                                        "Host vps\n"
                                                        "  User fromhost\n"),
                                         QString(), QStringLiteral("cfg"));
    QCOMPARE(c.resolve(QStringLiteral("vps"), kUser, kHome).user, QStringLiteral("fromhost"));
    QCOMPARE(c.warnings().size(), 1);
    QVERIFY(c.warnings().first().startsWith(QLatin1String("cfg:1:")));
    QVERIFY(c.warnings().first().contains(QLatin1String("Match")));
}

void TestSshConfig::proxyJumpRecognised()
{
    const SshConfig c = SshConfig::parse(QStringLiteral("Host inner\n"
                                                        "  ProxyJump bastion\n"
                                                        "Host direct\n"
                                                        "  ProxyJump none\n"
                                                        "Host *\n"
                                                        "  ProxyJump everyone\n"
                                                        "Host cmd\n"
                                                        "  ProxyCommand ssh -W %h:%p bastion\n"));
    QCOMPARE(c.resolve(QStringLiteral("inner"), kUser, kHome).proxyJump, QStringLiteral("bastion"));
    // "none" set first wins and means no jump.
    QCOMPARE(c.resolve(QStringLiteral("direct"), kUser, kHome).proxyJump, QString());
    QCOMPARE(c.resolve(QStringLiteral("cmd"), kUser, kHome).proxyJump, QStringLiteral("everyone"));
}

void TestSshConfig::aliasesForImport()
{
    const SshConfig c = SshConfig::parse(QStringLiteral("Host vps vps-alt\n"
                                                        "  HostName 203.0.113.5\n"
                                                        "Host *.example.com !bad web?\n"
                                                        "  User x\n"
                                                        "Host vps\n"
                                                        "  Port 2\n"
                                                        "Match all\n"
                                                        "  User y\n"
                                                        "Host Peña-日本\n"
                                                        "  User ñ\n"
                                                        "Host lonely\n"));
    QCOMPARE(c.aliases(), (QStringList{QStringLiteral("vps"), QStringLiteral("vps-alt"),
                                       QStringLiteral("Peña-日本"), QStringLiteral("lonely")}));
}

void TestSshConfig::include()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QDir(dir.path()).mkdir(QStringLiteral("conf.d"));
    auto write = [&](const QString &name, const QByteArray &text) {
        QFile f(dir.filePath(name));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(text);
    };
    write(QStringLiteral("conf.d/10-work.conf"), "Host work\n  HostName work.example.com\n  User worker\n");
    write(QStringLiteral("conf.d/20-home.conf"), "Host home\n  HostName home.example.com\n");
    write(QStringLiteral("inner.conf"), "User inneruser\nHost other\n  User otheruser\n");
    write(QStringLiteral("config"), "Include conf.d/*.conf\n"
                                    "Host scoped\n"
                                    "  Include inner.conf\n"
                                    "  Port 2022\n"
                                    "Host *\n"
                                    "  User default\n");
    const Result<SshConfig> loaded = SshConfig::load(dir.filePath(QStringLiteral("config")));
    QVERIFY(loaded.ok());
    const SshConfig &c = loaded.value();
    QCOMPARE(c.resolve(QStringLiteral("work"), kUser, kHome).user, QStringLiteral("worker"));
    QCOMPARE(c.resolve(QStringLiteral("home"), kUser, kHome).hostName, QStringLiteral("home.example.com"));
    QCOMPARE(c.resolve(QStringLiteral("home"), kUser, kHome).user, QStringLiteral("default"));
    // Inside "Host scoped" the included global line applies only to scoped...
    QCOMPARE(c.resolve(QStringLiteral("scoped"), kUser, kHome).user, QStringLiteral("inneruser"));
    // ...the Port after the Include still belongs to scoped...
    QCOMPARE(c.resolve(QStringLiteral("scoped"), kUser, kHome).port, std::optional<quint16>(2022));
    // ...and a Host block in the included file never matches outside it.
    QCOMPARE(c.resolve(QStringLiteral("other"), kUser, kHome).user, QStringLiteral("default"));
    QCOMPARE(c.aliases().mid(0, 3),
             (QStringList{QStringLiteral("work"), QStringLiteral("home"), QStringLiteral("scoped")}));

    // Self-inclusion ends at the depth limit with a warning instead of recursing forever.
    write(QStringLiteral("loop"), "Include loop\nHost x\n  User y\n");
    const Result<SshConfig> loop = SshConfig::load(dir.filePath(QStringLiteral("loop")));
    QVERIFY(loop.ok());
    QVERIFY(!loop->warnings().isEmpty());
    QCOMPARE(loop->resolve(QStringLiteral("x"), kUser, kHome).user, QStringLiteral("y"));
}

void TestSshConfig::missingFileIsEmpty()
{
    const Result<SshConfig> r = SshConfig::load(QStringLiteral("/nonexistent/vigia/ssh_config"));
    QVERIFY(r.ok());
    QVERIFY(r->isEmpty());
    QCOMPARE(r->resolve(QStringLiteral("h"), kUser, kHome).effectiveHost(), QStringLiteral("h"));
}

void TestSshConfig::invalidValues()
{
    const SshConfig c = SshConfig::parse(QStringLiteral("Host a\n"
                                                        "  Port 99999\n"
                                                        "  User \"unterminated\n"
                                                        "  HostName\n"
                                                        "Host a\n"
                                                        "  User ok\n"));
    const SshHostConfig r = c.resolve(QStringLiteral("a"), kUser, kHome);
    QCOMPARE(r.port, std::nullopt);
    QCOMPARE(r.user, QStringLiteral("ok"));
    QCOMPARE(r.hostName, QString());
    QCOMPARE(c.warnings().size(), 2);
}

void TestSshConfig::againstOpenSshClient()
{
    const QString ssh = QStandardPaths::findExecutable(QStringLiteral("ssh"));
    if (ssh.isEmpty())
        QSKIP("OpenSSH client not installed; the oracle comparison needs `ssh -G`");
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QByteArray text = "Host vps vps2\n"
                            "  HostName 203.0.113.5\n"
                            "  User deploy\n"
                            "  IdentityFile ~/.ssh/vps_key\n"
                            "Host *.lan !nas.lan\n"
                            "  HostName %h.example.net\n"
                            "  Port 2200\n"
                            "  User lan\n"
                            "Host db?\n"
                            "  Port 2201\n"
                            "Host *\n"
                            "  User fallback\n"
                            "  Port 2299\n"
                            "  IdentityFile ~/.ssh/id_all\n";
    QFile f(dir.filePath(QStringLiteral("config")));
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(text);
    f.close();
    const SshConfig c = SshConfig::parse(QString::fromUtf8(text));
    const QString home = QDir::homePath();
    for (const QString &alias :
         {QStringLiteral("vps"), QStringLiteral("vps2"), QStringLiteral("box.lan"), QStringLiteral("nas.lan"),
          QStringLiteral("db1"), QStringLiteral("db12"), QStringLiteral("other")}) {
        QProcess p;
        p.start(ssh, {QStringLiteral("-G"), QStringLiteral("-F"), f.fileName(), alias});
        QVERIFY(p.waitForFinished(10000));
        QCOMPARE(p.exitCode(), 0);
        QString hostname, user, port;
        QStringList ids;
        for (const QByteArray &line : p.readAllStandardOutput().split('\n')) {
            const QString l = QString::fromUtf8(line);
            const QString key = l.section(QLatin1Char(' '), 0, 0);
            const QString val = l.section(QLatin1Char(' '), 1);
            if (key == QLatin1String("hostname"))
                hostname = val;
            else if (key == QLatin1String("user"))
                user = val;
            else if (key == QLatin1String("port"))
                port = val;
            else if (key == QLatin1String("identityfile"))
                ids << (val.startsWith(QLatin1String("~/")) ? home + val.mid(1) : val);
        }
        const SshHostConfig r = c.resolve(alias, QString(), home);
        QCOMPARE(r.effectiveHost().toLower(), hostname);
        QCOMPARE(r.user, user);
        QCOMPARE(QString::number(r.port.value_or(22)), port);
        QCOMPARE(r.identityFiles, ids);
    }
}

QTEST_GUILESS_MAIN(TestSshConfig)
#include "test_sshconfig.moc"
