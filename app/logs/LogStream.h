#pragma once
// Follows one container's log through `kubectl logs` on the server and appends
// its lines to a LogBuffer. kubectl always runs with --timestamps, so that a
// dropped stream resumes with --since-time at the last line seen and the lines
// sent twice are dropped; the view decides whether to show the timestamps.
#include "core/Result.h"
#include "logs/LogBuffer.h"
#include "logs/LogLineSplitter.h"
#include "ssh/SshTypes.h"

#include <QObject>
#include <QPointer>
#include <vector>

namespace vigia::remote {
class KubectlRunner;
}
namespace vigia::ssh {
class SshChannel;
}

namespace vigia::logs {

struct LogRequest {
    QString ns;
    QString pod;
    QString container;     // empty: kubectl's default container
    bool previous = false; // the previous container's log (never follows)
    bool follow = true;
    int tailLines = 1000;   // -1: all
    QString since;          // "5m", "1h": kubectl --since
    qint64 sinceTimeNs = 0; // absolute start; wins over since and tail
};

class LogStream : public QObject {
    Q_OBJECT
public:
    LogStream(LogBuffer *buffer, quint16 source, QObject *parent = nullptr);
    ~LogStream() override;

    // The kubectl arguments for a request; resumeFromNs > 0 means "continue from there".
    static QStringList buildArgs(const LogRequest &request, qint64 resumeFromNs = 0);

    void start(remote::KubectlRunner *runner, const LogRequest &request);
    // After a drop: starts again from the last timestamp seen, marking the seam.
    void resume(remote::KubectlRunner *runner);
    // The resume bookkeeping without a channel: marks the seam and returns the arguments.
    QStringList prepareResume();
    // Ends the remote kubectl too (the channel's wrapper exits on stdin EOF).
    void stop();

    bool isRunning() const { return !m_channel.isNull(); }
    const LogRequest &request() const { return m_request; }
    qint64 lastTimestampNs() const { return m_lastTs; }
    qint64 linesReceived() const { return m_received; }

    // Feeds bytes as if they came from kubectl; the channel path uses it too.
    void ingest(QByteArrayView chunk);
    void finishIngest();

signals:
    void linesAppended(int count);
    // The stream ended by itself (pod stopped, connection lost, kubectl error).
    void ended(const vigia::ssh::ExitInfo &exit, const QString &stderrText);

private:
    void attach(ssh::SshChannel *channel);
    void appendLine(QByteArrayView line);
    void appendMarker(const QString &text);

    LogBuffer *m_buffer;
    quint16 m_source;
    LogRequest m_request;
    QPointer<ssh::SshChannel> m_channel;
    LogLineSplitter m_splitter;
    QByteArray m_stderr;
    qint64 m_lastTs = 0;
    qint64 m_received = 0;
    int m_pendingAppended = 0;
    // Hashes of the lines already held whose timestamp equals m_lastTs: a resume
    // re-sends them. Hashes, not copies: this runs for every line at 100k lines/s.
    // A multiset, so two identical lines in the same instant are both accounted for.
    std::vector<size_t> m_atLastTs;
    // Resume state: which re-sent lines to drop, and whether the seam was found.
    qint64 m_resumeTs = 0;
    std::vector<size_t> m_resumeDuplicates;
    bool m_resumeSeamSeen = false;
    bool m_resumePending = false;
};

} // namespace vigia::logs
