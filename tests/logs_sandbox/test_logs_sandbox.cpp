// Log streams against the sandbox: a real sshd, real kubectl, the simulated API.
#include "Sandbox.h"
#include "SandboxSession.h"
#include "logs/LogBuffer.h"
#include "logs/LogStream.h"
#include "remote/KubectlRunner.h"
#include "ssh/SshConnection.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace vigia;

class TestLogsSandbox : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QVERIFY2(m_sb.start(), qPrintable(m_sb.errorString()));
        m_session = test::SandboxSession::open(m_sb);
        QVERIFY(m_session);
        m_runner = m_session.runner.get();

        QByteArray podsJson;
        bool gotPods = false;
        quint64 token = 0;
        connect(m_runner, &remote::KubectlRunner::finished, this,
                [&](quint64 tk, const Result<QByteArray> &r) {
                    if (tk != token)
                        return;
                    gotPods = true;
                    if (r)
                        podsJson = *r;
                });
        token = m_runner->run({QStringLiteral("get"), QStringLiteral("pods"), QStringLiteral("-A"),
                               QStringLiteral("-o"), QStringLiteral("json")});
        QTRY_VERIFY_WITH_TIMEOUT(gotPods, 30000);
        disconnect(m_runner, &remote::KubectlRunner::finished, this, nullptr);
        QVERIFY(!podsJson.isEmpty());
        const QByteArray *result = &podsJson;
        for (const QJsonValue &v :
             QJsonDocument::fromJson(*result).object().value(QStringLiteral("items")).toArray()) {
            const QJsonObject o = v.toObject();
            if (o.value(QStringLiteral("status")).toObject().value(QStringLiteral("phase")).toString() ==
                QLatin1String("Running")) {
                m_ns = o.value(QStringLiteral("metadata"))
                           .toObject()
                           .value(QStringLiteral("namespace"))
                           .toString();
                m_pod =
                    o.value(QStringLiteral("metadata")).toObject().value(QStringLiteral("name")).toString();
                break;
            }
        }
        QVERIFY(!m_pod.isEmpty());
    }

    void cleanupTestCase()
    {
        m_session = {};
        m_sb.stop();
    }

    // Closing a log view ends the remote `kubectl logs -f`: no orphan on the server.
    void stopLeavesNoRemoteProcess()
    {
        logs::LogBuffer buffer;
        auto stream = std::make_unique<logs::LogStream>(&buffer, 0);
        logs::LogRequest req;
        req.ns = m_ns;
        req.pod = m_pod;
        req.tailLines = 20;
        stream->start(m_runner, req);
        QTRY_VERIFY_WITH_TIMEOUT(buffer.size() >= 20, 20000);
        QVERIFY(stream->isRunning());
        QTRY_VERIFY_WITH_TIMEOUT(m_sb.remoteProcessCount(QStringLiteral("logs")) >= 1, 10000);
        // Every line is a whole kubectl line: timestamp parsed and stripped.
        QVERIFY(buffer.at(0).timestampNs > 0);
        QVERIFY(!buffer.at(0).bytes.startsWith("20"));
        stream.reset(); // as closing the page does
        QTRY_COMPARE_WITH_TIMEOUT(m_sb.remoteProcessCount(QStringLiteral("logs")), 0, 15000);
    }

    // A resumed stream continues at the last line seen: no line twice, a marker at the seam.
    void resumeContinuesWithoutDuplicates()
    {
        logs::LogBuffer buffer;
        logs::LogStream stream(&buffer, 0);
        logs::LogRequest req;
        req.ns = m_ns;
        req.pod = m_pod;
        req.tailLines = 50;
        stream.start(m_runner, req);
        QTRY_VERIFY_WITH_TIMEOUT(buffer.size() >= 50, 20000);
        stream.stop();
        stream.resume(m_runner);
        QTRY_VERIFY_WITH_TIMEOUT(stream.isRunning() && buffer.size() >= 53, 20000);
        stream.stop();
        QSet<QByteArray> seen;
        int markers = 0;
        for (int i = 0; i < buffer.size(); ++i) {
            const logs::LogLineRef l = buffer.at(i);
            if (l.flags & logs::LogBuffer::Marker) {
                ++markers;
                continue;
            }
            const QByteArray key = QByteArray::number(l.timestampNs) + ' ' + l.bytes;
            QVERIFY2(!seen.contains(key), key.constData());
            seen.insert(key);
        }
        QVERIFY(markers >= 1);
    }

    // The "resume after an sshd kill, with no loss": the generator numbers its
    // lines (seq=N); the connection's sshd processes are killed mid-follow, a new
    // connection resumes the stream, and every number must arrive exactly once, or the
    // seam marker must say lines may be missing.
    void resumeAfterSshdKillLosesNothing()
    {
        QVERIFY2(m_sb.ctl({QStringLiteral("log-rate"), QStringLiteral("200"), QStringLiteral("--namespace"),
                           m_ns, QStringLiteral("--pod"), m_pod}),
                 qPrintable(m_sb.errorString()));
        test::SandboxSession first = test::SandboxSession::open(m_sb);
        QVERIFY(first);
        logs::LogBuffer buffer;
        logs::LogStream stream(&buffer, 0);
        QSignalSpy ended(&stream, &logs::LogStream::ended);
        logs::LogRequest req;
        req.ns = m_ns;
        req.pod = m_pod;
        req.tailLines = 10;
        stream.start(first.runner.get(), req);
        QTRY_VERIFY_WITH_TIMEOUT(buffer.size() >= 200, 20000);

        QVERIFY(m_sb.killSshdSessions() >= 1);
        QTRY_VERIFY_WITH_TIMEOUT(ended.size() == 1, 30000);
        QVERIFY(!stream.isRunning());
        // The remote kubectl lost its stdin with the connection and must not linger.
        QTRY_COMPARE_WITH_TIMEOUT(m_sb.remoteProcessCount(QStringLiteral("logs")), 0, 15000);
        const int before = buffer.size();
        // Lines keep being written while nobody is connected; the resume must fetch them.
        QTest::qWait(1500);

        test::SandboxSession second = test::SandboxSession::open(m_sb);
        QVERIFY(second);
        stream.resume(second.runner.get());
        // 1.5 s at 200 lines/s is ~300 missed lines; wait for those and some live ones.
        QTRY_VERIFY_WITH_TIMEOUT(buffer.size() >= before + 500, 30000);
        stream.stop();

        static const QRegularExpression seqRe(QStringLiteral("\\bseq=(\\d+)"));
        qint64 expected = -1;
        int markers = 0;
        int gapMarkers = 0;
        bool gapAllowed = false;
        for (int i = 0; i < buffer.size(); ++i) {
            const logs::LogLineRef l = buffer.at(i);
            const QString text = QString::fromUtf8(l.bytes);
            if (l.flags & logs::LogBuffer::Marker) {
                ++markers;
                // A marker that admits a possible gap is the only excuse for a missing number.
                gapAllowed = text.contains(QLatin1String("miss"));
                gapMarkers += gapAllowed ? 1 : 0;
                continue;
            }
            const QRegularExpressionMatch m = seqRe.match(text);
            QVERIFY2(m.hasMatch(), qPrintable(text.left(200)));
            const qint64 seq = m.captured(1).toLongLong();
            if (expected >= 0 && seq != expected) {
                QVERIFY2(
                    seq > expected,
                    qPrintable(QStringLiteral("seq %1 arrived again (expected %2)").arg(seq).arg(expected)));
                QVERIFY2(gapAllowed, qPrintable(QStringLiteral("seq %1..%2 lost without a marker saying so")
                                                    .arg(expected)
                                                    .arg(seq - 1)));
            }
            gapAllowed = false;
            expected = seq + 1;
        }
        QCOMPARE(markers, 1);
        // The seam was found (the resume re-read the last second), so nothing was lost.
        QCOMPARE(gapMarkers, 0);
        QVERIFY(m_sb.ctl({QStringLiteral("log-rate"), QStringLiteral("2"), QStringLiteral("--namespace"),
                          m_ns, QStringLiteral("--pod"), m_pod}));
    }

private:
    test::Sandbox m_sb;
    test::SandboxSession m_session;
    remote::KubectlRunner *m_runner = nullptr;
    QString m_ns;
    QString m_pod;
};

QTEST_GUILESS_MAIN(TestLogsSandbox)
#include "test_logs_sandbox.moc"
