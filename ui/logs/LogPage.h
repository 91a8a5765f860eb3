#pragma once
// One open log: a pod's container, a whole deployment merged by timestamp, or
// the K3s server's own log. It owns the buffer, the view and the remote
// streams; closing the page ends every remote process it started.
#include "kube/Pod.h"
#include "logs/LogBuffer.h"
#include "logs/LogMerger.h"
#include "logs/LogStream.h"
#include "logs/ServerLogSource.h"
#include "remote/KubectlRunner.h"
#include "ssh/SshConnection.h"

#include <QElapsedTimer>
#include <QPointer>
#include <QTimer>
#include <QWidget>
#include <memory>
#include <vector>

class QLabel;
class QPushButton;
class QFrame;

namespace vigia::remote {
class KubectlRunner;
}
namespace vigia::ssh {
class SshConnection;
class SshChannel;
} // namespace vigia::ssh

namespace vigia::logs {

class LogView;

struct LogRange {
    int tailLines = 1000;   // -1: all
    QString since;          // "5m", "1h"; empty: no limit
    qint64 sinceTimeNs = 0; // a chosen time; wins over the others
};

class LogPage : public QWidget {
    Q_OBJECT
public:
    enum class Kind { Pod, Deployment, Server };

    LogPage(Kind kind, remote::KubectlRunner *runner, ssh::SshConnection *connection, int capacity,
            QWidget *parent = nullptr);
    ~LogPage() override;

    Kind kind() const { return m_kind; }
    LogView *view() const { return m_view; }
    LogBuffer *buffer() { return &m_buffer; }
    QString title() const;

    // Pod: one container (empty: the default one), live or the previous run.
    void showPod(const kube::PodInfo &pod, const QString &container, bool previous, const LogRange &range);
    void showDeployment(const QString &ns, const QString &name, const QList<kube::PodInfo> &pods,
                        const QString &container, const LogRange &range);
    void showServerLog(int tailLines);

    const kube::PodInfo &pod() const { return m_pods.isEmpty() ? m_noPod : m_pods.first(); }
    QString container() const { return m_container; }
    bool previous() const { return m_previous; }
    LogRange range() const { return m_range; }

    // Starts again with other settings (the buffer is cleared).
    void restart(const QString &container, bool previous, const LogRange &range);
    void setTransport(remote::KubectlRunner *runner, ssh::SshConnection *connection)
    {
        m_runner = runner;
        m_connection = connection;
    }
    // After a reconnect: every stream continues from its last line.
    void resumeStreams();
    // Ends every remote process. Idempotent.
    void stopAll();
    int runningStreams() const;
    // The status line as shown: lines, drops, and the stream's state ("following", "reconnecting…").
    QString statusText() const;

    // Feeds lines as if they came from kubectl (tests and demos).
    void ingestForTest(int podIndex, QByteArrayView bytes);
    void flushMerge();

signals:
    void statusChanged(const QString &text);
    void previousRequested(); // the restart banner's button

private:
    struct PodSource {
        kube::PodInfo pod;
        quint16 source = 0;
        std::unique_ptr<LogBuffer> staging; // deployment: lines wait here for the merger
        LogStream *stream = nullptr;
        int failures = 0;
        bool ended = false;
    };
    void startStreams();
    void startOne(PodSource &src);
    void onLinesAppended(PodSource &src);
    void onStreamEnded(PodSource &src, const ssh::ExitInfo &exit, const QString &stderrText);
    void drainMerger(bool all);
    void appendMarker(const QString &text, quint16 source = 0);
    void updateRestartBanner();
    void updateStatus();
    void probeServerLog();
    void startServerStream(const QStringList &argv, const QString &what);

    Kind m_kind;
    QPointer<remote::KubectlRunner> m_runner;
    QPointer<ssh::SshConnection> m_connection;
    LogBuffer m_buffer;
    LogView *m_view = nullptr;
    QFrame *m_pausedBar = nullptr;
    QFrame *m_restartBar = nullptr;
    QLabel *m_restartText = nullptr;
    QLabel *m_status = nullptr;

    QList<kube::PodInfo> m_pods;
    kube::PodInfo m_noPod;
    QString m_deploymentNs;
    QString m_deploymentName;
    QString m_container;
    bool m_previous = false;
    LogRange m_range;
    std::vector<std::unique_ptr<PodSource>> m_sources;
    LogMerger m_merger;
    QElapsedTimer m_clock;
    QTimer m_mergeTimer;

    // Server log
    QPointer<ssh::SshChannel> m_serverChannel;
    LogLineSplitter m_serverSplitter;
    ServerLogSource m_serverSource;
    quint64 m_serverProbeGeneration = 0;
    QString m_streamState;
};

} // namespace vigia::logs
