#include "logs/LogPage.h"

#include "logs/LogView.h"
#include "remote/KubectlRunner.h"
#include "remote/ShellQuote.h"
#include "ssh/SshConnection.h"

#include <QDateTime>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QVBoxLayout>

#include <memory>

namespace vigia::logs {

namespace {

// A stream that keeps failing without delivering a line stops retrying after
// this many attempts; resumeStreams() (the panel's Reconnect) starts again.
constexpr int kMaxRetries = 6;
constexpr int kMergeTickMs = 100;

QFrame *makeBar(QWidget *parent, const QString &objectName)
{
    auto *bar = new QFrame(parent);
    bar->setObjectName(objectName);
    bar->setFrameShape(QFrame::StyledPanel);
    bar->setAutoFillBackground(true);
    QPalette pal = bar->palette();
    pal.setColor(QPalette::Window, pal.color(QPalette::ToolTipBase));
    pal.setColor(QPalette::WindowText, pal.color(QPalette::ToolTipText));
    bar->setPalette(pal);
    return bar;
}

QString firstLine(const QString &text)
{
    const QString t = text.trimmed();
    const qsizetype nl = t.indexOf(QLatin1Char('\n'));
    return (nl < 0 ? t : t.left(nl)).left(300);
}

} // namespace

LogPage::LogPage(Kind kind, remote::KubectlRunner *runner, ssh::SshConnection *connection, int capacity,
                 QWidget *parent)
    : QWidget(parent), m_kind(kind), m_runner(runner), m_connection(connection), m_buffer(capacity)
{
    // The memory this page's lines may take (Preferences; 256 MB unless set).
    const qint64 budgetMb = QSettings().value(QStringLiteral("logs/bufferMegabytes"), 256).toLongLong();
    m_buffer.setByteBudget(qBound(qint64(16), budgetMb, qint64(16384)) << 20);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);

    m_restartBar = makeBar(this, QStringLiteral("restartBar"));
    auto *rl = new QHBoxLayout(m_restartBar);
    rl->setContentsMargins(8, 3, 8, 3);
    m_restartText = new QLabel(m_restartBar);
    auto *prevButton = new QPushButton(tr("Show the previous container's log"), m_restartBar);
    prevButton->setObjectName(QStringLiteral("restartBarPrevious"));
    rl->addWidget(m_restartText, 1);
    rl->addWidget(prevButton);
    connect(prevButton, &QPushButton::clicked, this, &LogPage::previousRequested);
    m_restartBar->hide();
    layout->addWidget(m_restartBar);

    m_view = new LogView(this);
    m_view->setBuffer(&m_buffer);
    m_view->setShowSources(kind == Kind::Deployment);
    layout->addWidget(m_view, 1);

    m_pausedBar = makeBar(this, QStringLiteral("pausedBar"));
    auto *pl = new QHBoxLayout(m_pausedBar);
    pl->setContentsMargins(8, 3, 8, 3);
    auto *pausedText =
        new QLabel(tr("Paused \u2014 new lines keep arriving below. Press End to resume."), m_pausedBar);
    auto *resume = new QPushButton(tr("Resume following"), m_pausedBar);
    resume->setObjectName(QStringLiteral("resumeButton"));
    pl->addWidget(pausedText, 1);
    pl->addWidget(resume);
    connect(resume, &QPushButton::clicked, this, [this] {
        m_view->setFollowing(true);
        m_view->setFocus();
    });
    m_pausedBar->hide();
    layout->addWidget(m_pausedBar);

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("logStatus"));
    m_status->setContentsMargins(6, 0, 6, 2);
    layout->addWidget(m_status);

    connect(m_view, &LogView::followChanged, this,
            [this](bool following) { m_pausedBar->setVisible(!following); });
    connect(m_view, &LogView::shownLinesChanged, this, [this] { updateStatus(); });

    m_clock.start();
    m_mergeTimer.setInterval(kMergeTickMs);
    connect(&m_mergeTimer, &QTimer::timeout, this, [this] { drainMerger(false); });
}

LogPage::~LogPage()
{
    stopAll();
    // The view paints from m_buffer: detach it before the buffer goes.
    m_view->setBuffer(nullptr);
}

QString LogPage::title() const
{
    switch (m_kind) {
    case Kind::Server:
        return tr("Server log");
    case Kind::Deployment:
        return tr("deploy/%1").arg(m_deploymentName);
    case Kind::Pod:
        break;
    }
    QString t = pod().name;
    if (!m_container.isEmpty() && pod().containers.size() > 1)
        t += QLatin1Char('/') + m_container;
    if (m_previous)
        t += tr(" (previous)");
    return t;
}

void LogPage::showPod(const kube::PodInfo &pod, const QString &container, bool previous,
                      const LogRange &range)
{
    m_pods = {pod};
    restart(container, previous, range);
}

void LogPage::showDeployment(const QString &ns, const QString &name, const QList<kube::PodInfo> &pods,
                             const QString &container, const LogRange &range)
{
    m_deploymentNs = ns;
    m_deploymentName = name;
    m_pods = pods;
    restart(container, false, range);
}

void LogPage::restart(const QString &container, bool previous, const LogRange &range)
{
    stopAll();
    m_container = container;
    m_previous = previous;
    m_range = range;
    m_buffer.clear();
    m_merger = LogMerger();
    for (auto &src : m_sources)
        delete src->stream; // already stopped; it points into the staging buffer going away
    m_sources.clear();
    m_view->setFollowing(true);
    for (const kube::PodInfo &p : std::as_const(m_pods)) {
        auto src = std::make_unique<PodSource>();
        src->pod = p;
        src->source = m_buffer.addSource(p.name);
        if (m_kind == Kind::Deployment) {
            src->staging = std::make_unique<LogBuffer>(100000);
            m_merger.addSource(src->source, m_clock.nsecsElapsed());
        }
        m_sources.push_back(std::move(src));
    }
    if (m_kind == Kind::Deployment)
        m_mergeTimer.start();
    updateRestartBanner();
    startStreams();
    m_view->refreshNow();
    updateStatus();
}

void LogPage::startStreams()
{
    for (auto &src : m_sources)
        startOne(*src);
}

void LogPage::startOne(PodSource &src)
{
    LogBuffer *target = src.staging ? src.staging.get() : &m_buffer;
    if (!src.stream) {
        src.stream = new LogStream(target, src.source, this);
        PodSource *raw = &src;
        connect(src.stream, &LogStream::linesAppended, this, [this, raw] { onLinesAppended(*raw); });
        connect(
            src.stream, &LogStream::ended, this,
            [this, raw](const ssh::ExitInfo &exit, const QString &err) { onStreamEnded(*raw, exit, err); });
    }
    src.ended = false;
    if (!m_runner) {
        m_streamState = tr("not connected");
        return;
    }
    LogRequest r;
    r.ns = src.pod.ns;
    r.pod = src.pod.name;
    r.container = m_container;
    r.previous = m_previous;
    r.follow = !m_previous;
    r.tailLines = m_range.tailLines;
    r.since = m_range.since;
    r.sinceTimeNs = m_range.sinceTimeNs;
    src.stream->start(m_runner, r);
    m_streamState = m_previous ? tr("previous container") : tr("following");
}

void LogPage::ingestForTest(int podIndex, QByteArrayView bytes)
{
    if (podIndex < 0 || podIndex >= int(m_sources.size()))
        return;
    PodSource &src = *m_sources[size_t(podIndex)];
    if (!src.stream) {
        LogBuffer *target = src.staging ? src.staging.get() : &m_buffer;
        src.stream = new LogStream(target, src.source, this);
        PodSource *raw = &src;
        connect(src.stream, &LogStream::linesAppended, this, [this, raw] { onLinesAppended(*raw); });
    }
    src.stream->ingest(bytes);
}

void LogPage::onLinesAppended(PodSource &src)
{
    src.failures = 0;
    if (src.staging) {
        // Move the new lines through the merger; the staging buffer is emptied at
        // once, so it never holds more than one chunk.
        const qint64 now = m_clock.nsecsElapsed();
        LogBuffer &st = *src.staging;
        for (int i = 0; i < st.size(); ++i) {
            const LogLineRef l = st.at(i);
            m_merger.push(src.source, l.timestampNs, l.bytes, now, l.flags);
        }
        st.clear();
        if (m_merger.pending() > 50000) // a runaway backlog: release rather than grow
            drainMerger(true);
        return;
    }
    m_view->notifyAppended();
}

void LogPage::drainMerger(bool all)
{
    auto sink = [this](const LogMerger::Line &l) {
        m_buffer.append(l.bytes, l.originalTimestampNs, l.source, l.flags);
    };
    const int n = all ? m_merger.flushAll(sink) : m_merger.drain(m_clock.nsecsElapsed(), sink);
    if (n > 0)
        m_view->notifyAppended();
}

void LogPage::flushMerge()
{
    drainMerger(true);
    m_view->refreshNow();
}

void LogPage::appendMarker(const QString &text, quint16 source)
{
    m_buffer.append(text.toUtf8(), 0, source, LogBuffer::Marker);
    m_view->notifyAppended();
}

void LogPage::onStreamEnded(PodSource &src, const ssh::ExitInfo &exit, const QString &stderrText)
{
    src.ended = true;
    const QString who = m_kind == Kind::Deployment ? src.pod.name + QStringLiteral(": ") : QString();
    if (m_kind == Kind::Deployment)
        drainMerger(true);
    if (m_previous || !m_runner) {
        if (!exit.success())
            appendMarker(tr("\u2014 %1kubectl logs failed: %2 \u2014")
                             .arg(who, firstLine(stderrText.isEmpty() && exit.error ? exit.error->message
                                                                                    : stderrText)),
                         src.source);
        m_merger.finishSource(src.source);
        updateStatus();
        return;
    }
    // kubectl errors that retrying cannot fix: say so and stop.
    const bool transport = exit.error.has_value();
    const bool permanent =
        !transport && exit.exitCode.value_or(0) != 0 &&
        (stderrText.contains(QLatin1String("NotFound")) || stderrText.contains(QLatin1String("not found")) ||
         stderrText.contains(QLatin1String("forbidden")) || src.stream->linesReceived() == 0);
    if (permanent || ++src.failures > kMaxRetries) {
        appendMarker(tr("\u2014 %1log stream ended: %2 \u2014")
                         .arg(who, firstLine(stderrText.isEmpty()
                                                 ? (exit.error ? exit.error->message : tr("the pod stopped"))
                                                 : stderrText)),
                     src.source);
        m_merger.finishSource(src.source);
        m_streamState = tr("ended");
        updateStatus();
        return;
    }
    // The stream dropped (API hiccup, kubectl restarted, connection lost): continue
    // from the last line seen, with a growing pause so a dead server is not hammered.
    const int delayMs = std::min(15000, 500 * (1 << std::min(src.failures, 5)));
    m_streamState = tr("reconnecting\u2026");
    updateStatus();
    PodSource *raw = &src;
    QTimer::singleShot(delayMs, this, [this, raw] {
        for (auto &s : m_sources)
            if (s.get() == raw && raw->ended && m_runner) {
                raw->ended = false;
                raw->stream->resume(m_runner);
                m_streamState = tr("following");
                updateStatus();
            }
    });
}

void LogPage::resumeStreams()
{
    if (m_kind == Kind::Server) {
        showServerLog(m_serverSource.tailLines());
        return;
    }
    bool resumed = false;
    for (auto &src : m_sources) {
        src->failures = 0;
        if (src->stream && !src->stream->isRunning() && m_runner && !m_previous) {
            if (src->stream->lastTimestampNs() > 0)
                src->stream->resume(m_runner);
            else
                startOne(*src);
            src->ended = false;
            resumed = true;
        }
    }
    // The retry timer that said "reconnecting…" finds its stream already running and leaves the
    // state alone: the new connection's resume is what says it is followed again.
    if (resumed) {
        m_streamState = tr("following");
        updateStatus();
    }
}

QString LogPage::statusText() const
{
    return m_status->text();
}

void LogPage::stopAll()
{
    m_mergeTimer.stop();
    for (auto &src : m_sources)
        if (src->stream)
            src->stream->stop();
    // A server-log probe still in flight must not start a stream after this.
    ++m_serverProbeGeneration;
    if (m_serverChannel) {
        ssh::SshChannel *ch = m_serverChannel;
        m_serverChannel.clear();
        disconnect(ch, nullptr, this, nullptr);
        ch->cancel();
        ch->deleteLater();
    }
}

int LogPage::runningStreams() const
{
    int n = m_serverChannel ? 1 : 0;
    for (const auto &src : m_sources)
        n += src->stream && src->stream->isRunning() ? 1 : 0;
    return n;
}

void LogPage::updateRestartBanner()
{
    if (m_kind != Kind::Pod || m_previous || m_pods.isEmpty()) {
        m_restartBar->hide();
        return;
    }
    const kube::ContainerInfo *c = nullptr;
    for (const kube::ContainerInfo &ci : pod().containers)
        if ((m_container.isEmpty() && !ci.init) || ci.name == m_container) {
            c = &ci;
            break;
        }
    const int restarts = c ? c->restartCount : pod().restarts;
    if (restarts <= 0) {
        m_restartBar->hide();
        return;
    }
    QString text = tr("This container has restarted %n time(s).", nullptr, restarts);
    if (c && !c->lastReason.isEmpty())
        text +=
            QLatin1Char(' ') +
            tr("Last end: %1%2.")
                .arg(c->lastReason, c->lastExitCode ? tr(", exit code %1").arg(*c->lastExitCode) : QString());
    m_restartText->setText(text);
    m_restartBar->show();
}

void LogPage::updateStatus()
{
    const int shown = m_view->shownLineCount();
    const int total = m_buffer.size();
    QString text = shown == total ? tr("%n line(s)", nullptr, total)
                                  : tr("%1 of %n line(s) shown", nullptr, total).arg(shown);
    if (m_buffer.evicted() > 0)
        text += tr(" \u00b7 %1 older line(s) dropped (buffer holds %2)")
                    .arg(m_buffer.evicted())
                    .arg(m_buffer.capacity());
    if (!m_streamState.isEmpty())
        text += QStringLiteral(" \u00b7 ") + m_streamState;
    m_status->setText(text);
    emit statusChanged(text);
}

// ---- server log ------------------------------------------------------------------

void LogPage::showServerLog(int tailLines)
{
    stopAll();
    m_serverSource = ServerLogSource(tailLines);
    m_buffer.clear();
    m_view->setFollowing(true);
    m_streamState = tr("looking for the K3s log\u2026");
    updateStatus();
    probeServerLog();
}

// Runs the probe of the way ServerLogSource says to try now, and follows the first that works.
void LogPage::probeServerLog()
{
    if (!m_connection) {
        appendMarker(tr("\u2014 not connected: the server log needs an SSH connection \u2014"));
        m_streamState = tr("not connected");
        updateStatus();
        return;
    }
    const ServerLogCandidate *way = m_serverSource.current();
    if (!way) {
        appendMarker(tr("\u2014 the K3s server log could not be read \u2014"));
        for (const QString &p : m_serverSource.problems())
            appendMarker(QStringLiteral("   ") + p);
        appendMarker(QStringLiteral("   ") + ServerLogSource::fixAdvice());
        m_streamState = tr("server log unavailable");
        updateStatus();
        return;
    }
    ssh::ExecOptions opts;
    opts.timeoutMs = 15000;
    ssh::SshChannel *ch = m_connection->exec(remote::buildCommandLine(way->probeArgv), opts);
    if (!ch) {
        ServerLogProbe notStarted;
        notStarted.started = false;
        m_serverSource.recordProbe(notStarted);
        probeServerLog();
        return;
    }
    auto probe = std::make_shared<ServerLogProbe>();
    connect(ch, &ssh::SshChannel::stdoutReady, this, [probe](const QByteArray &c) {
        if (probe->out.size() < 65536)
            probe->out.append(c);
    });
    connect(ch, &ssh::SshChannel::stderrReady, this, [probe](const QByteArray &c) {
        if (probe->err.size() < 65536)
            probe->err.append(c);
    });
    connect(ch, &ssh::SshChannel::finished, ch, &QObject::deleteLater);
    // A newer showServerLog() starts its own chain; this probe's answer then belongs to no one.
    const quint64 generation = m_serverProbeGeneration;
    connect(ch, &ssh::SshChannel::finished, this, [this, probe, generation](const ssh::ExitInfo &exit) {
        if (generation != m_serverProbeGeneration)
            return;
        probe->exit = exit;
        const ServerLogCandidate probed = *m_serverSource.current();
        if (m_serverSource.recordProbe(*probe))
            startServerStream(probed.streamArgv, probed.what);
        else
            probeServerLog();
    });
}

void LogPage::startServerStream(const QStringList &argv, const QString &what)
{
    m_serverSplitter.reset();
    ssh::SshChannel *ch = m_connection ? m_connection->exec(remote::buildCommandLine(argv)) : nullptr;
    if (!ch) {
        appendMarker(tr("\u2014 %1 could not be started \u2014").arg(what));
        return;
    }
    m_serverChannel = ch;
    m_streamState = tr("following %1").arg(what);
    updateStatus();
    auto sink = [this](QByteArrayView line) {
        QByteArrayView rest;
        const qint64 ts = parseLogTimestamp(line, &rest);
        m_buffer.append(ts > 0 ? rest : line, ts);
    };
    connect(ch, &ssh::SshChannel::stdoutReady, this, [this, sink](const QByteArray &chunk) {
        m_serverSplitter.feed(chunk, sink);
        m_view->notifyAppended();
    });
    connect(ch, &ssh::SshChannel::finished, this, [this, sink, what](const ssh::ExitInfo &exit) {
        m_serverSplitter.finish(sink);
        if (m_serverChannel) {
            m_serverChannel->deleteLater();
            m_serverChannel.clear();
        }
        appendMarker(tr("\u2014 %1 ended%2 \u2014")
                         .arg(what, exit.error ? QStringLiteral(": ") + exit.error->message : QString()));
        m_streamState = tr("ended");
        updateStatus();
    });
}

} // namespace vigia::logs
