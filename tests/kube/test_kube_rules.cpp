// The cluster rules the core owns, without a server or a widget: how healthy a pod is
// (severity, "failing") and Kubernetes quantities.
#include "kube/PodHealth.h"
#include "kube/Quantity.h"

#include <QtTest>

using namespace vigia;
using namespace vigia::kube;

namespace {

PodInfo pod(const QString &phase, const QString &status, int ready, int total)
{
    PodInfo p;
    p.ns = QStringLiteral("default");
    p.name = QStringLiteral("p");
    p.phase = phase;
    p.status = status;
    p.readyContainers = ready;
    p.totalContainers = total;
    return p;
}

} // namespace

class TestKubeRules : public QObject {
    Q_OBJECT
private slots:
    void statusSeverities_data();
    void statusSeverities();
    void podSeverityFallsBackToPhase();
    void failingIsErrorOrWarning();
    void severityOrdersProblemsFirst();

    void quantity_data();
    void quantity();
    void quantityRejectsJunk_data();
    void quantityRejectsJunk();
    void formatting();
};

void TestKubeRules::statusSeverities_data()
{
    QTest::addColumn<QString>("status");
    QTest::addColumn<int>("ready");
    QTest::addColumn<int>("total");
    QTest::addColumn<Severity>("severity");
    const struct {
        const char *status;
        int ready, total;
        Severity severity;
    } rows[] = {
        {"Running", 2, 2, Severity::Ok},
        {"Running", 1, 2, Severity::Warning},      // not all containers ready
        {"Running", 0, 0, Severity::Ok},           // no container counts known
        {"Succeeded", 0, 1, Severity::Ok},
        {"Completed", 0, 1, Severity::Ok},
        {"CrashLoopBackOff", 0, 1, Severity::Error},
        {"OOMKilled", 0, 1, Severity::Error},
        {"ErrImagePull", 0, 1, Severity::Error},
        {"CreateContainerConfigError", 0, 1, Severity::Error},
        {"PodInitializing", 0, 1, Severity::Pending},
        {"Terminating", 1, 1, Severity::Pending},
        {"Init:0/3", 0, 1, Severity::Pending},     // progress
        {"Init:Error", 0, 1, Severity::Error},     // an init container failed
        {"Init:", 0, 1, Severity::Error},          // no digit: not progress
        {"Signal:15", 0, 1, Severity::Error},
        {"ExitCode:1", 0, 1, Severity::Error},
        {"NotReady", 0, 1, Severity::Warning},
        {"Unknown", 0, 1, Severity::Warning},      // NodeLost
        {"SomethingNew", 1, 1, Severity::Error},   // anything unrecognised is a problem
        {"", 0, 0, Severity::Unknown},
    };
    for (const auto &r : rows)
        QTest::addRow("%s %d/%d", r.status, r.ready, r.total)
            << QString::fromLatin1(r.status) << r.ready << r.total << r.severity;
}

void TestKubeRules::statusSeverities()
{
    QFETCH(QString, status);
    QFETCH(int, ready);
    QFETCH(int, total);
    QFETCH(Severity, severity);
    QCOMPARE(statusSeverity(status, ready, total), severity);
}

void TestKubeRules::podSeverityFallsBackToPhase()
{
    // The computed STATUS wins; the raw phase only when no status was computed.
    QCOMPARE(podSeverity(pod(QStringLiteral("Running"), QStringLiteral("CrashLoopBackOff"), 0, 1)), Severity::Error);
    QCOMPARE(podSeverity(pod(QStringLiteral("Pending"), QString(), 0, 1)), Severity::Pending);
    QCOMPARE(podSeverity(pod(QStringLiteral("Running"), QString(), 0, 2)), Severity::Warning);
    QCOMPARE(podSeverity(pod(QString(), QString(), 0, 0)), Severity::Unknown);
}

void TestKubeRules::failingIsErrorOrWarning()
{
    QVERIFY(isFailing(Severity::Error));
    QVERIFY(isFailing(Severity::Warning));
    QVERIFY(!isFailing(Severity::Pending));
    QVERIFY(!isFailing(Severity::Ok));
    QVERIFY(!isFailing(Severity::Unknown));
    QVERIFY(isFailing(pod(QStringLiteral("Running"), QStringLiteral("Running"), 1, 2)));
    QVERIFY(!isFailing(pod(QStringLiteral("Running"), QStringLiteral("Running"), 2, 2)));
    QVERIFY(!isFailing(pod(QStringLiteral("Pending"), QStringLiteral("ContainerCreating"), 0, 1)));
}

void TestKubeRules::severityOrdersProblemsFirst()
{
    // The Pods table sorts ascending on the severity: errors, then warnings, then the rest.
    QVERIFY(int(Severity::Error) < int(Severity::Warning));
    QVERIFY(int(Severity::Warning) < int(Severity::Pending));
    QVERIFY(int(Severity::Pending) < int(Severity::Ok));
    QVERIFY(int(Severity::Ok) < int(Severity::Unknown));
}

void TestKubeRules::quantity_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("nanocores");
    QTest::addColumn<qint64>("bytes");
    QTest::newRow("nano") << "1234567n" << qint64(1234567) << qint64(1);
    QTest::newRow("milli") << "250m" << qint64(250000000) << qint64(1);
    QTest::newRow("cores") << "2" << qint64(2000000000) << qint64(2);
    QTest::newRow("fraction") << "0.1" << qint64(100000000) << qint64(1);
    QTest::newRow("micro") << "5u" << qint64(5000) << qint64(1);
    QTest::newRow("Mi") << "15Mi" << qint64(15728640000000000) << qint64(15728640);
    QTest::newRow("Ki") << "123456Ki" << qint64(126418944000000000) << qint64(126418944);
    QTest::newRow("G") << "1G" << qint64(1000000000000000000) << qint64(1000000000);
    QTest::newRow("Gi-frac") << "1.5Gi" << qint64(0) << qint64(1610612736);
    QTest::newRow("k") << "12k" << qint64(12000000000000) << qint64(12000);
    QTest::newRow("exp") << "1e3" << qint64(1000000000000) << qint64(1000);
    QTest::newRow("exp-neg") << "5E-1" << qint64(500000000) << qint64(1);
    QTest::newRow("exa") << "1E" << qint64(0) << qint64(1000000000000000000);
    QTest::newRow("plus") << "+7" << qint64(7000000000) << qint64(7);
    QTest::newRow("spaces") << "  64Mi " << qint64(0) << qint64(67108864);
}

void TestKubeRules::quantity()
{
    QFETCH(QString, text);
    QFETCH(qint64, nanocores);
    QFETCH(qint64, bytes);
    auto b = parseBytes(text);
    QVERIFY2(b.ok(), qPrintable(text));
    QCOMPARE(b.value(), bytes);
    if (nanocores) {
        auto c = parseCpuNanocores(text);
        QVERIFY(c.ok());
        QCOMPARE(c.value(), nanocores);
    }
}

void TestKubeRules::quantityRejectsJunk_data()
{
    QTest::addColumn<QString>("text");
    for (const char *t :
         {"", "   ", "abc", "Mi", "12Zi", "1.2.3", "12 Mi", "1e", "--1", "1e999", "0x10", "12mi"})
        QTest::newRow(t[0] ? t : "empty") << QString::fromLatin1(t);
}

void TestKubeRules::quantityRejectsJunk()
{
    QFETCH(QString, text);
    auto q = parseQuantity(text);
    QVERIFY2(!q.ok(), qPrintable(text));
    QCOMPARE(q.error().code, QStringLiteral("kube.quantity"));
}

void TestKubeRules::formatting()
{
    QCOMPARE(formatBytes(512), QStringLiteral("512 B"));
    QCOMPARE(formatBytes(640LL << 20), QStringLiteral("640 MiB"));
    QCOMPARE(formatBytes(qint64(1.9 * (1LL << 30))), QStringLiteral("1.9 GiB"));
    QCOMPARE(formatCpu(1250000000), QStringLiteral("1.25 cores"));
    QCOMPARE(formatCpu(250000000), QStringLiteral("250m"));
}

QTEST_GUILESS_MAIN(TestKubeRules)
#include "test_kube_rules.moc"
