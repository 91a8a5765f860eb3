#include "logs/LogStream.h"

#include "core/Log.h"
#include "remote/KubectlRunner.h"
#include "ssh/SshConnection.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHashFunctions>

#include <algorithm>

namespace vigia::logs {

LogStream::LogStream(LogBuffer *buffer, quint16 source, QObject *parent)
    : QObject(parent), m_buffer(buffer), m_source(source)
{
}

LogStream::~LogStream()
{
    stop();
}

QStringList LogStream::buildArgs(const LogRequest &r, qint64 resumeFromNs)
{
    QStringList args{QStringLiteral("logs"), QStringLiteral("--namespace"), r.ns,
                     QStringLiteral("--timestamps")};
    if (!r.container.isEmpty())
        args << QStringLiteral("--container") << r.container;
    if (r.previous)
        args << QStringLiteral("--previous");
    else if (r.follow)
        args << QStringLiteral("--follow");
    if (resumeFromNs > 0) {
        args << QStringLiteral("--since-time=") + QString::fromLatin1(formatLogTimestamp(resumeFromNs));
    } else if (r.sinceTimeNs > 0) {
        args << QStringLiteral("--since-time=") + QString::fromLatin1(formatLogTimestamp(r.sinceTimeNs));
    } else {
        if (!r.since.isEmpty())
            args << QStringLiteral("--since=") + r.since;
        if (r.tailLines >= 0)
            args << QStringLiteral("--tail=") + QString::number(r.tailLines);
    }
    // "--" keeps a pod name that starts with a dash from reading as a flag.
    args << QStringLiteral("--") << r.pod;
    return args;
}

void LogStream::start(remote::KubectlRunner *runner, const LogRequest &request)
{
    stop();
    m_request = request;
    m_splitter.reset();
    m_stderr.clear();
    m_resumePending = false;
    attach(runner->stream(buildArgs(request)));
}

void LogStream::resume(remote::KubectlRunner *runner)
{
    stop();
    attach(runner->stream(prepareResume()));
}

QStringList LogStream::prepareResume()
{
    m_splitter.reset();
    m_stderr.clear();
    if (m_lastTs <= 0)
        return buildArgs(m_request);
    m_resumeTs = m_lastTs;
    m_resumeDuplicates = m_atLastTs;
    m_resumeSeamSeen = false;
    m_resumePending = true;
    appendMarker(QCoreApplication::translate("LogStream", "— reconnected at %1 —")
                     .arg(QDateTime::currentDateTime().toString(QStringLiteral("HH:mm:ss"))));
    emit linesAppended(1);
    return buildArgs(m_request, m_lastTs);
}

void LogStream::stop()
{
    if (m_channel) {
        ssh::SshChannel *ch = m_channel;
        m_channel.clear();
        disconnect(ch, nullptr, this, nullptr);
        ch->cancel();
        ch->deleteLater();
    }
}

void LogStream::attach(ssh::SshChannel *channel)
{
    m_channel = channel;
    if (!channel)
        return;
    connect(channel, &ssh::SshChannel::stdoutReady, this, [this](const QByteArray &chunk) { ingest(chunk); });
    connect(channel, &ssh::SshChannel::stderrReady, this, [this](const QByteArray &chunk) {
        // Bounded: kubectl's errors are short; a flood must not grow without end.
        if (m_stderr.size() < 64 * 1024)
            m_stderr.append(chunk.left(64 * 1024 - m_stderr.size()));
    });
    connect(channel, &ssh::SshChannel::finished, this, [this](const ssh::ExitInfo &exit) {
        finishIngest();
        if (m_channel) {
            m_channel->deleteLater();
            m_channel.clear();
        }
        emit ended(exit, QString::fromUtf8(m_stderr).trimmed());
    });
}

void LogStream::ingest(QByteArrayView chunk)
{
    m_pendingAppended = 0;
    m_splitter.feed(chunk, [this](QByteArrayView line) { appendLine(line); });
    if (m_pendingAppended > 0)
        emit linesAppended(m_pendingAppended);
}

void LogStream::finishIngest()
{
    m_pendingAppended = 0;
    m_splitter.finish([this](QByteArrayView line) { appendLine(line); });
    if (m_pendingAppended > 0)
        emit linesAppended(m_pendingAppended);
}

void LogStream::appendLine(QByteArrayView line)
{
    QByteArrayView body;
    const qint64 ts = parseLogTimestamp(line, &body);
    ++m_received;
    if (m_resumePending && ts > 0) {
        if (ts < m_resumeTs)
            return;
        if (ts == m_resumeTs) {
            const auto it = std::find(m_resumeDuplicates.begin(), m_resumeDuplicates.end(), qHash(body));
            if (it != m_resumeDuplicates.end()) {
                m_resumeDuplicates.erase(it);
                m_resumeSeamSeen = true;
                return;
            }
        } else {
            m_resumePending = false;
            // The server no longer had the last line we saw (rotated, or the
            // container restarted): say so rather than pretend the seam is clean.
            if (!m_resumeSeamSeen && !m_resumeDuplicates.empty())
                appendMarker(QCoreApplication::translate("LogStream", "— lines between %1 and %2 may be missing —")
                                 .arg(QString::fromLatin1(formatLogTimestamp(m_resumeTs)),
                                      QString::fromLatin1(formatLogTimestamp(ts))));
            m_resumeDuplicates.clear();
        }
    }
    if (ts > 0) {
        if (ts != m_lastTs) {
            m_lastTs = ts;
            m_atLastTs.clear();
        }
        // Bounded: a burst of lines sharing one timestamp keeps at most a few thousand keys.
        if (m_atLastTs.size() < 4096)
            m_atLastTs.push_back(qHash(body));
    }
    m_buffer->append(ts > 0 ? body : line, ts, m_source);
    ++m_pendingAppended;
}

void LogStream::appendMarker(const QString &text)
{
    m_buffer->append(text.toUtf8(), 0, m_source, LogBuffer::Marker);
    ++m_pendingAppended;
}

} // namespace vigia::logs
