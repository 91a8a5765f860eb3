// The read-only gate, without a server: which kubectl argument lists count as a change.
// A refusal that the gate gets wrong either breaks a read-only profile's views (a read
// counted as a change) or lets a change through (the dangerous side, tested hardest).
#include "remote/ReadOnlyGate.h"

#include <QtTest>

using namespace vigia;
using namespace vigia::remote;

class TestReadOnlyGate : public QObject {
    Q_OBJECT
private slots:
    void mutatingClassification_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<bool>("mutating");
        QTest::newRow("get") << QStringList{"get", "pods", "-A", "-o", "json"} << false;
        QTest::newRow("get with -n first") << QStringList{"-n", "delete", "get", "pods"} << false;
        QTest::newRow("logs") << QStringList{"logs", "x", "-f"} << false;
        QTest::newRow("rollout history") << QStringList{"rollout", "history", "deployment/x"} << false;
        QTest::newRow("rollout status")
            << QStringList{"--namespace=a", "rollout", "status", "deployment/x"} << false;
        QTest::newRow("version") << QStringList{"version", "-o", "json"} << false;
        QTest::newRow("rollout restart") << QStringList{"rollout", "restart", "deployment/x"} << true;
        QTest::newRow("rollout undo") << QStringList{"rollout", "undo", "deployment/x"} << true;
        QTest::newRow("scale") << QStringList{"scale", "deployment/x", "--replicas=0"} << true;
        QTest::newRow("delete") << QStringList{"delete", "pod/x"} << true;
        QTest::newRow("flag then delete") << QStringList{"--context", "c", "delete", "pod/x"} << true;
        QTest::newRow("apply") << QStringList{"apply", "-f", "-"} << true;
        QTest::newRow("exec") << QStringList{"exec", "x", "--", "sh"} << true;
        QTest::newRow("unknown verb") << QStringList{"frobnicate"} << true;
        QTest::newRow("config set") << QStringList{"config", "set-context", "x"} << true;
        QTest::newRow("auth can-i") << QStringList{"auth", "can-i", "get", "pods"} << false;
        // An unknown flag before the verb may or may not take a value: the gate cannot tell which
        // word is the verb, so it fails closed.
        QTest::newRow("unknown flag hides delete") << QStringList{"--as-group", "get", "delete", "pod", "x"} << true;
        QTest::newRow("unknown flag=value first") << QStringList{"--as-group=g", "get", "pods"} << true;
        QTest::newRow("unknown flag before rollout sub")
            << QStringList{"rollout", "--frob", "status", "restart", "deployment/x"} << true;
        QTest::newRow("known flags before get") << QStringList{"--request-timeout=5s", "-v", "2", "get", "pods"} << false;
        QTest::newRow("unknown flag after get") << QStringList{"get", "pods", "--chunk-size=0"} << false;
        QTest::newRow("logs with follow first") << QStringList{"logs", "-f", "--tail=10", "-n", "a", "x"} << false;
    }
    void mutatingClassification()
    {
        QFETCH(QStringList, args);
        QFETCH(bool, mutating);
        QCOMPARE(isMutatingKubectl(args), mutating);
    }


    void refusalNamesWhatWasRefused()
    {
        const Error e = readOnlyRefusal(QStringLiteral("kubectl delete pod/x"));
        QCOMPARE(e.code, QStringLiteral("action.read-only"));
        QVERIFY2(e.message.contains(QStringLiteral("kubectl delete pod/x")), qPrintable(e.message));
        QVERIFY(!e.hint.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestReadOnlyGate)
#include "test_read_only_gate.moc"
