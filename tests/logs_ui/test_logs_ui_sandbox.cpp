// The log panel against the sandbox (real sshd, real kubectl, the simulated API):
// the server log explains why it cannot be read, a deployment's pods merge live in
// timestamp order, and an open log continues after the connection is replaced.
#include "Sandbox.h"
#include "SandboxSession.h"
#include "kube/PodParser.h"
#include "logs/LogBuffer.h"
#include "logs/LogPage.h"
#include "logs/LogPanel.h"
#include "logs/LogView.h"
#include "remote/KubectlRunner.h"
#include "ssh/SshConnection.h"

#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace vigia;
using namespace vigia::logs;

using Session = test::SandboxSession;

class TestLogsUiSandbox : public QObject {
    Q_OBJECT

    Session openSession() { return Session::open(m_sb); }

    static QStringList markers(LogBuffer *buf)
    {
        QStringList out;
        for (int i = 0; i < buf->size(); ++i)
            if (buf->at(i).flags & LogBuffer::Marker)
                out << QString::fromUtf8(buf->at(i).bytes);
        return out;
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(m_sb.start(), qPrintable(m_sb.errorString()));
        m_s = openSession();
        QVERIFY(m_s.runner);
        QByteArray json;
        bool done = false;
        const quint64 token =
            m_s.runner->run({QStringLiteral("get"), QStringLiteral("pods"), QStringLiteral("-A"),
                             QStringLiteral("-o"), QStringLiteral("json")});
        connect(m_s.runner.get(), &remote::KubectlRunner::finished, this,
                [&](quint64 tk, const Result<QByteArray> &r) {
                    if (tk == token) {
                        done = true;
                        if (r)
                            json = *r;
                    }
                });
        QTRY_VERIFY_WITH_TIMEOUT(done, 30000);
        disconnect(m_s.runner.get(), &remote::KubectlRunner::finished, this, nullptr);
        const auto pods = kube::parsePodList(json);
        QVERIFY(pods.ok());
        for (const kube::PodInfo &p : pods.value())
            if (p.ns == QLatin1String("joledev") && p.status == QLatin1String("Running"))
                m_pods << p;
        QVERIFY(m_pods.size() >= 2);
    }

    void cleanupTestCase()
    {
        m_s = {};
        m_sb.stop();
    }

    // The sandbox has no k3s unit and no /var/log/k3s.log: every way tried is listed
    // with its own reason, followed by what to do.
    void serverLogUnreadableSaysWhy()
    {
        if (QFile::exists(QStringLiteral("/var/log/k3s.log")))
            QSKIP("this machine has a real /var/log/k3s.log");
        LogPanel panel(m_s.runner.get(), m_s.conn.get());
        panel.resize(900, 400);
        panel.show();
        LogPage *page = panel.openServerLog();
        QTRY_VERIFY_WITH_TIMEOUT(
            markers(page->buffer()).join(QLatin1Char('\n')).contains(QLatin1String("To fix")) ||
                (page->buffer()->size() > 0 && !(page->buffer()->at(0).flags & LogBuffer::Marker)),
            30000);
        const QString text = markers(page->buffer()).join(QLatin1Char('\n'));
        if (!text.contains(QLatin1String("could not be read")))
            QSKIP("this machine's journal holds k3s entries");
        QVERIFY2(text.contains(QLatin1String("journalctl -u k3s:")), qPrintable(text));
        QVERIFY2(text.contains(QLatin1String("sudo -n journalctl -u k3s:")), qPrintable(text));
        QVERIFY2(text.contains(QLatin1String("/var/log/k3s.log:")), qPrintable(text));
        QVERIFY2(text.contains(QLatin1String("systemd-journal")), qPrintable(text));
    }

    // Two pods' logs merge into one buffer in timestamp order, each line tagged with its pod.
    void deploymentMergesLivePods()
    {
        LogPanel panel(m_s.runner.get(), m_s.conn.get());
        panel.resize(900, 400);
        panel.show();
        LogPage *page =
            panel.openDeployment(QStringLiteral("joledev"), QStringLiteral("two-pods"), m_pods.mid(0, 2));
        LogBuffer *buf = page->buffer();
        auto sourcesSeen = [buf] {
            QSet<quint16> s;
            for (int i = 0; i < buf->size(); ++i)
                if (!(buf->at(i).flags & LogBuffer::Marker))
                    s.insert(buf->at(i).source);
            return s.size();
        };
        QTRY_VERIFY_WITH_TIMEOUT(sourcesSeen() == 2, 30000);
        qint64 last = 0;
        for (int i = 0; i < buf->size(); ++i) {
            const LogLineRef l = buf->at(i);
            if (l.flags & LogBuffer::Marker)
                continue;
            QVERIFY2(l.timestampNs >= last, qPrintable(QStringLiteral("line %1 goes back in time").arg(i)));
            last = l.timestampNs;
        }
        QVERIFY(page->view()->showSources());
        QTRY_VERIFY_WITH_TIMEOUT(m_sb.remoteProcessCount(QStringLiteral("logs")) >= 2, 10000);
        panel.closeAll();
        QTRY_COMPARE_WITH_TIMEOUT(m_sb.remoteProcessCount(QStringLiteral("logs")), 0, 15000);
    }

    // Last: it drops every session. The open log continues on the new connection from
    // its last line, with the seam marked, as MainWindow does on reconnect.
    void panelContinuesOnNewConnection()
    {
        LogPanel panel(m_s.runner.get(), m_s.conn.get());
        panel.resize(900, 400);
        panel.show();
        LogPage *page = panel.openPod(m_pods.first());
        LogBuffer *buf = page->buffer();
        QTRY_VERIFY_WITH_TIMEOUT(buf->size() >= 5, 30000);
        QVERIFY(m_sb.killSshdSessions() >= 1);
        QTRY_COMPARE_WITH_TIMEOUT(page->runningStreams(), 0, 30000);
        const int before = buf->size();

        Session fresh = openSession();
        QVERIFY(fresh.runner);
        panel.setTransport(fresh.runner.get(), fresh.conn.get());
        m_s = std::move(fresh);
        QTRY_VERIFY_WITH_TIMEOUT(page->runningStreams() == 1 && buf->size() > before + 2, 30000);
        QVERIFY2(markers(buf).join(QLatin1Char('\n')).contains(QLatin1String("reconnected")),
                 qPrintable(markers(buf).join(QLatin1Char('\n'))));
        // The status says so too, not a stale "reconnecting…" (the retry timer may still fire).
        QTest::qWait(1500);
        QVERIFY2(!page->statusText().contains(QStringLiteral("reconnecting")), qPrintable(page->statusText()));
        QVERIFY2(page->statusText().contains(QStringLiteral("following")), qPrintable(page->statusText()));
        panel.closeAll();
    }

private:
    test::Sandbox m_sb;
    Session m_s;
    QList<kube::PodInfo> m_pods;
};

QTEST_MAIN(TestLogsUiSandbox)
#include "test_logs_ui_sandbox.moc"
