// Quoting is proved, not eyeballed: every built command line is run by real
// POSIX shells (dash as /bin/sh, and bash when present) and the argv they
// hand to printf is decoded and compared with the input.
#include "remote/KubectlErrors.h"
#include "remote/ShellQuote.h"

#include <QFile>

#include <QFileInfo>
#include <QProcess>
#include <QRandomGenerator>
#include <QtTest>

using namespace vigia;
using namespace vigia::remote;

namespace {

// Runs `shell -c line` and returns stdout, or fails the test.
QByteArray runShell(const QString &shell, const QString &line, int *exitCode = nullptr)
{
    QProcess p;
    p.setProgram(shell);
    p.setArguments({QStringLiteral("-c"), line});
    p.start();
    if (!p.waitForStarted(5000))
        return QByteArray("<<did not start>>");
    p.closeWriteChannel();
    if (!p.waitForFinished(10000)) {
        p.kill();
        p.waitForFinished(2000);
        return QByteArray("<<timed out>>");
    }
    if (exitCode)
        *exitCode = p.exitCode();
    return p.readAllStandardOutput();
}

// printf '%s\0' prints each argument followed by NUL, so the decoded list is
// exactly the argv the shell built.
QStringList argvThroughShell(const QString &shell, const QStringList &args)
{
    QStringList argv{QStringLiteral("printf"), QStringLiteral("%s\\0")};
    argv += args;
    const QByteArray out = runShell(shell, buildCommandLine(argv));
    QStringList decoded;
    if (args.isEmpty())
        return decoded;
    QList<QByteArray> parts = out.split('\0');
    // The output ends with NUL, so the last split part is empty.
    if (!parts.isEmpty() && parts.last().isEmpty())
        parts.removeLast();
    for (const QByteArray &p : std::as_const(parts))
        decoded << QString::fromUtf8(p);
    return decoded;
}

QStringList shells()
{
    QStringList s{QStringLiteral("/bin/sh")};
    for (const char *candidate : {"/bin/bash", "/bin/dash", "/usr/bin/zsh", "/bin/busybox"}) {
        const QString path = QString::fromLatin1(candidate);
        if (QFileInfo(path).isExecutable() && path != QLatin1String("/bin/busybox"))
            s << path;
    }
    return s;
}

QStringList hostileStrings()
{
    return {
        QString(),
        QStringLiteral("plain"),
        QStringLiteral("two words"),
        QStringLiteral("'"),
        QStringLiteral("''"),
        QStringLiteral("it's"),
        QStringLiteral("\""),
        QStringLiteral("say \"hi\""),
        QStringLiteral("$(touch /tmp/vigia-pwned)"),
        QStringLiteral("`id`"),
        QStringLiteral("${HOME}"),
        QStringLiteral("$HOME"),
        QStringLiteral("$'\\x41'"),
        QStringLiteral("line1\nline2"),
        QStringLiteral("\n"),
        QStringLiteral("tab\there"),
        QStringLiteral("cr\rhere"),
        QStringLiteral("*"),
        QStringLiteral("/*"),
        QStringLiteral("?"),
        QStringLiteral("[a-z]*"),
        QStringLiteral("{a,b}"),
        QStringLiteral("a;b"),
        QStringLiteral("a|b"),
        QStringLiteral("a&b"),
        QStringLiteral("a && b || c"),
        QStringLiteral("> /tmp/x"),
        QStringLiteral("< /etc/passwd"),
        QStringLiteral("(sub)"),
        QStringLiteral("#comment"),
        QStringLiteral("a #b"),
        QStringLiteral("~"),
        QStringLiteral("~root"),
        QStringLiteral("\\"),
        QStringLiteral("back\\slash\\n"),
        QStringLiteral("%s%d%n"),
        QStringLiteral("Peña ñ 日本"),
        QStringLiteral("emoji 🚀 ok"),
        QStringLiteral("-n"),
        QStringLiteral("-e"),
        QStringLiteral("--help"),
        QStringLiteral("-"),
        QStringLiteral("--"),
        QStringLiteral("a=b"),
        QStringLiteral("!"),
        QStringLiteral("!!"),
        QStringLiteral(" leading and trailing "),
        QStringLiteral("\x01\x02\x1b[31mred"),
        QStringLiteral("'\"'\"'"),
        QStringLiteral("'$(id)'"),
    };
}

} // namespace

class TestRemote : public QObject {
    Q_OBJECT
private slots:
    void plainWordsStayReadable();
    void hostileStrings_data();
    void hostileStrings();
    void allHostileStringsInOneLine();
    void firstWordIsNeverAnAssignmentOrKeyword();
    void randomFuzz();
    void injectionHasNoSideEffect();

    void classify_data();
    void classify();
    void classifyHasHintForEveryKnownFailure();
};

void TestRemote::plainWordsStayReadable()
{
    QCOMPARE(shellQuote(QStringLiteral("kubectl")), QStringLiteral("kubectl"));
    QCOMPARE(buildCommandLine({QStringLiteral("kubectl"), QStringLiteral("get"), QStringLiteral("pods"),
                               QStringLiteral("-A"), QStringLiteral("-o"), QStringLiteral("json")}),
             QStringLiteral("kubectl get pods -A -o json"));
    QCOMPARE(shellQuote(QString()), QStringLiteral("''"));
    QCOMPARE(shellQuote(QStringLiteral("it's")), QStringLiteral("'it'\\''s'"));
}

void TestRemote::hostileStrings_data()
{
    QTest::addColumn<QString>("shell");
    QTest::addColumn<QString>("input");
    const QStringList sh = shells();
    const QStringList inputs = ::hostileStrings();
    for (const QString &s : sh) {
        for (int i = 0; i < inputs.size(); ++i)
            QTest::addRow("%s #%d", qPrintable(QFileInfo(s).fileName()), i) << s << inputs.at(i);
    }
}

void TestRemote::hostileStrings()
{
    QFETCH(QString, shell);
    QFETCH(QString, input);
    const QStringList got = argvThroughShell(shell, {input});
    QCOMPARE(got, QStringList{input});
}

void TestRemote::allHostileStringsInOneLine()
{
    const QStringList inputs = ::hostileStrings();
    for (const QString &shell : shells())
        QCOMPARE(argvThroughShell(shell, inputs), inputs);
}

void TestRemote::firstWordIsNeverAnAssignmentOrKeyword()
{
    // A first word with '=' would be an assignment and a reserved word would be
    // syntax: both must still run (and fail) as the command of that name.
    // "X='y" and "a=b'; touch pwned; '" hold a quote: it must be escaped in command position too.
    for (const QString &word : {QStringLiteral("X=1"), QStringLiteral("if"), QStringLiteral("while"),
                                QStringLiteral("done"), QStringLiteral("!"), QStringLiteral("X='y"),
                                QStringLiteral("a=b'; touch /tmp/vigia-pwned-%1; '").arg(QCoreApplication::applicationPid())}) {
        int code = -1;
        runShell(QStringLiteral("/bin/sh"), buildCommandLine({word, QStringLiteral("true")}), &code);
        QVERIFY2(code == 127,
                 qPrintable(word + QStringLiteral(" gave exit %1 (expected 127: not found)").arg(code)));
    }
    QVERIFY(!QFile::exists(QStringLiteral("/tmp/vigia-pwned-%1").arg(QCoreApplication::applicationPid())));
}

void TestRemote::randomFuzz()
{
    // Deterministic seed: a failure is reproducible.
    QRandomGenerator rng(20261127);
    const QString alphabet = QStringLiteral(" \t\n'\"\\$`(){}[]*?;|&<>#~!=%^-_.,:/aZ09ñ日🚀");
    QStringList batch;
    for (int i = 0; i < 400; ++i) {
        QString s;
        const int len = int(rng.bounded(12));
        for (int j = 0; j < len; ++j) {
            const int k = int(rng.bounded(alphabet.size()));
            // Keep surrogate pairs whole.
            if (alphabet.at(k).isLowSurrogate())
                s += alphabet.mid(k - 1, 2);
            else if (alphabet.at(k).isHighSurrogate())
                s += alphabet.mid(k, 2);
            else
                s += alphabet.at(k);
        }
        batch << s;
        if (batch.size() == 100) {
            QCOMPARE(argvThroughShell(QStringLiteral("/bin/sh"), batch), batch);
            batch.clear();
        }
    }
}

void TestRemote::injectionHasNoSideEffect()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString marker = dir.filePath(QStringLiteral("pwned"));
    const QStringList attacks{
        QStringLiteral("$(touch %1)").arg(marker),  QStringLiteral("`touch %1`").arg(marker),
        QStringLiteral("; touch %1").arg(marker),   QStringLiteral("' ; touch %1 ; '").arg(marker),
        QStringLiteral("\ntouch %1\n").arg(marker), QStringLiteral("&& touch %1").arg(marker),
        QStringLiteral("| touch %1").arg(marker)};
    for (const QString &a : attacks) {
        runShell(QStringLiteral("/bin/sh"), buildCommandLine({QStringLiteral("echo"), a}));
        // Nested: the quoted line itself quoted again (sh -c inside sh -c) stays inert.
        runShell(QStringLiteral("/bin/sh"),
                 buildCommandLine({QStringLiteral("sh"), QStringLiteral("-c"),
                                   buildCommandLine({QStringLiteral("echo"), a})}));
    }
    QVERIFY2(!QFileInfo::exists(marker), "an argument was executed by the shell");
    // Control: the marker mechanism itself works.
    runShell(QStringLiteral("/bin/sh"), QStringLiteral("touch ") + shellQuote(marker));
    QVERIFY(QFileInfo::exists(marker));
}

void TestRemote::classify_data()
{
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QByteArray>("stderrText");
    QTest::addColumn<QString>("code");

    QTest::newRow("bash not found") << 127 << QByteArray("bash: line 1: kubectl: command not found\n")
                                    << QStringLiteral("kube.not-found");
    QTest::newRow("dash not found") << 127 << QByteArray("sh: 1: kubectl: not found\n")
                                    << QStringLiteral("kube.not-found");
    QTest::newRow("sudo k3s not found")
        << 1 << QByteArray("sudo: k3s: command not found\n") << QStringLiteral("kube.not-found");
    QTest::newRow("k3s.yaml permission")
        << 1
        << QByteArray(
               "WARN[0000] Unable to read /etc/rancher/k3s/k3s.yaml, please start server with "
               "--write-kubeconfig-mode or --write-kubeconfig-group to modify kube config permissions \n"
               "error: error loading config file \"/etc/rancher/k3s/k3s.yaml\": open "
               "/etc/rancher/k3s/k3s.yaml: permission denied\n")
        << QStringLiteral("kube.kubeconfig-permission");
    QTest::newRow("copied kubeconfig permission")
        << 1
        << QByteArray(
               "error: error loading config file \"/home/ana/.kube/config\": open /home/ana/.kube/config: "
               "permission denied\n")
        << QStringLiteral("kube.kubeconfig-permission");
    QTest::newRow("sudo password") << 1 << QByteArray("sudo: a password is required\n")
                                   << QStringLiteral("kube.sudo-password");
    QTest::newRow("sudo not allowed")
        << 1
        << QByteArray(
               "Sorry, user ana is not allowed to execute '/usr/local/bin/k3s kubectl version' as root.\n")
        << QStringLiteral("kube.sudo-denied");
    QTest::newRow("api refused")
        << 1
        << QByteArray(
               "The connection to the server 127.0.0.1:6443 was refused - did you specify the right host "
               "or port?\n")
        << QStringLiteral("kube.refused");
    QTest::newRow("api refused, with memcache noise")
        << 1
        << QByteArray(
               "E1127 07:55:01.123456   12345 memcache.go:265] \"Unhandled Error\" err=\"couldn't get "
               "current "
               "server API group list: Get \\\"https://127.0.0.1:6443/api?timeout=32s\\\": dial tcp "
               "127.0.0.1:6443: connect: connection refused\"\n"
               "The connection to the server 127.0.0.1:6443 was refused - did you specify the right host "
               "or port?\n")
        << QStringLiteral("kube.refused");
    QTest::newRow("no kubeconfig")
        << 1
        << QByteArray(
               "The connection to the server localhost:8080 was refused - did you specify the right host "
               "or port?\n")
        << QStringLiteral("kube.no-kubeconfig");
    QTest::newRow("timeout")
        << 1
        << QByteArray("Unable to connect to the server: net/http: request canceled (Client.Timeout "
                      "exceeded while awaiting headers)\n")
        << QStringLiteral("kube.timeout");
    QTest::newRow("unauthorized") << 1
                                  << QByteArray("error: You must be logged in to the server (Unauthorized)\n")
                                  << QStringLiteral("kube.unauthorized");
    QTest::newRow("forbidden")
        << 1
        << QByteArray(
               "Error from server (Forbidden): pods is forbidden: User \"system:anonymous\" cannot list "
               "resource \"pods\" in API group \"\" at the cluster scope\n")
        << QStringLiteral("kube.forbidden");
    QTest::newRow("server 500")
        << 1
        << QByteArray(
               "Error from server (InternalError): an error on the server (\"boom\") has prevented the "
               "request from succeeding (get pods)\n")
        << QStringLiteral("kube.server-error");
    QTest::newRow("not found resource")
        << 1 << QByteArray("Error from server (NotFound): pods \"web-0\" not found\n")
        << QStringLiteral("kube.not-found-object");
    QTest::newRow("killed") << 137 << QByteArray() << QStringLiteral("kube.killed");
    QTest::newRow("other") << 2
                           << QByteArray(
                                  "error: unknown flag: --bogus\nSee 'kubectl get --help' for usage.\n")
                           << QStringLiteral("kube.failed");
    QTest::newRow("empty stderr") << 1 << QByteArray() << QStringLiteral("kube.failed");
}

void TestRemote::classify()
{
    QFETCH(int, exitCode);
    QFETCH(QByteArray, stderrText);
    QFETCH(QString, code);
    const Error e = classifyKubectlFailure(exitCode, stderrText);
    QCOMPARE(e.code, code);
    QVERIFY(!e.message.isEmpty());
}

void TestRemote::classifyHasHintForEveryKnownFailure()
{
    const Error perm = classifyKubectlFailure(
        1, "error: error loading config file \"/etc/rancher/k3s/k3s.yaml\": open /etc/rancher/k3s/k3s.yaml: "
           "permission denied\n");
    QVERIFY(perm.message.contains(QLatin1String("k3s.yaml")));
    QVERIFY(perm.hint.contains(QLatin1String("--write-kubeconfig-mode")));
    QVERIFY(perm.hint.contains(QLatin1String("sudo -n")));
    QVERIFY(perm.hint.contains(QLatin1String("kubeconfig")));

    const Error sudo = classifyKubectlFailure(1, "sudo: a password is required\n");
    QVERIFY(sudo.hint.contains(QLatin1String("NOPASSWD")));

    const Error refused = classifyKubectlFailure(1, "The connection to the server 127.0.0.1:6443 was refused "
                                                    "- did you specify the right host or port?\n");
    QVERIFY(refused.message.contains(QLatin1String("127.0.0.1:6443")));
    QVERIFY(refused.hint.contains(QLatin1String("systemctl status k3s")));

    const Error missing = classifyKubectlFailure(127, "bash: kubectl: command not found\n");
    QVERIFY(!missing.hint.isEmpty());

    // The server's own words survive in the message for anything unrecognised.
    const Error other =
        classifyKubectlFailure(1, "error: the server doesn't have a resource type \"podz\"\n");
    QVERIFY(other.message.contains(QLatin1String("podz")));
}

QTEST_GUILESS_MAIN(TestRemote)
#include "test_remote.moc"
