// The login shell the command lines go through: which shells are told apart, fish's quoting, and
// the plain refusal for csh. The probe itself runs against the sandbox in test_leftovers.
#include "core/ShellQuote.h"
#include "ssh/LoginShell.h"

#include <QProcess>
#include <QtTest>

using namespace vigia;
using namespace vigia::ssh;

class TestLoginShell : public QObject {
    Q_OBJECT
private slots:
    void classify_data()
    {
        QTest::addColumn<QString>("out");
        QTest::addColumn<int>("kind");
        QTest::newRow("bash") << "/bin/bash\n" << int(ShellKind::Posix);
        QTest::newRow("dash") << "/usr/bin/dash" << int(ShellKind::Posix);
        QTest::newRow("zsh") << "/usr/bin/zsh\n" << int(ShellKind::Posix);
        QTest::newRow("fish") << "/usr/bin/fish\n" << int(ShellKind::Fish);
        QTest::newRow("csh") << "/bin/csh\n" << int(ShellKind::Csh);
        QTest::newRow("tcsh") << "/usr/local/bin/tcsh\n" << int(ShellKind::Csh);
        QTest::newRow("empty") << "\n" << int(ShellKind::Unknown);
        QTest::newRow("nologin") << "/usr/sbin/nologin\n" << int(ShellKind::Unknown);
    }
    void classify()
    {
        QFETCH(QString, out);
        QFETCH(int, kind);
        QCOMPARE(int(LoginShell::classify(out)), kind);
    }

    void posixLinesPassUnchanged()
    {
        const QString line = buildCommandLine({QStringLiteral("sh"), QStringLiteral("-c"), QStringLiteral("echo 'a'")});
        QCOMPARE(LoginShell::adapt(line, ShellKind::Posix), line);
    }

    void fishGetsItsOwnQuoting()
    {
        // Inside fish's single quotes only \ and ' are special, each escaped by a backslash.
        QCOMPARE(LoginShell::fishQuote(QStringLiteral("a'b\\c")), QStringLiteral("'a\\'b\\\\c'"));
        const QString line = buildCommandLine({QStringLiteral("printf"), QStringLiteral("%s"), QStringLiteral("it's \\n")});
        const QString fish = LoginShell::adapt(line, ShellKind::Fish);
        QVERIFY(fish.startsWith(QStringLiteral("sh -c '")));
        // Undoing fish's quoting gives back the POSIX line, which sh then runs as written.
        QString inner = fish.mid(7, fish.size() - 8);
        inner.replace(QStringLiteral("\\\\"), QStringLiteral("\x01")).replace(QStringLiteral("\\'"), QStringLiteral("'"));
        inner.replace(QStringLiteral("\x01"), QStringLiteral("\\"));
        QCOMPARE(inner, line);
        QProcess sh;
        sh.start(QStringLiteral("sh"), {QStringLiteral("-c"), inner});
        QVERIFY(sh.waitForFinished(5000));
        QCOMPARE(sh.readAllStandardOutput(), QByteArray("it's \\n"));
    }

    void cshIsRefusedPlainly()
    {
        const std::optional<Error> e = LoginShell::refusal(ShellKind::Csh, QStringLiteral("/bin/tcsh\n"));
        QVERIFY(e);
        QCOMPARE(e->code, QStringLiteral("ssh.login-shell"));
        QVERIFY(e->message.contains(QStringLiteral("/bin/tcsh")));
        QVERIFY(e->hint.contains(QStringLiteral("chsh")));
        QVERIFY(!LoginShell::refusal(ShellKind::Fish, QStringLiteral("/usr/bin/fish")));
        QVERIFY(!LoginShell::refusal(ShellKind::Posix, QStringLiteral("/bin/bash")));
    }
};

QTEST_GUILESS_MAIN(TestLoginShell)
#include "test_login_shell.moc"
