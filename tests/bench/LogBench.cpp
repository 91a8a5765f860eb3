// Log viewer figures (issue 4): ingest rate into the log model (in memory, and
// live from the sandbox's fast log generator against the OpenSSH client in the
// same run), search over a million lines and the memory a million lines cost.
// log_ui_stall_p99 drives the real LogView (offscreen) while the live stream pours in.
#include "BenchRegistry.h"
#include "Sandbox.h"
#include "SandboxSession.h"
#include "logs/LogBuffer.h"
#include "logs/LogLineSplitter.h"
#include "logs/LogMatcher.h"
#include "logs/LogStream.h"
#include "logs/LogView.h"
#include "remote/KubectlRunner.h"
#include "remote/ShellQuote.h"
#include "ssh/SshConnection.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTimer>

#include <algorithm>
#include <ctime>
#include <memory>

using namespace vigia;
using namespace vigia::bench;

namespace {

// A kubectl --timestamps line like the sandbox's generator writes (~130 bytes, ANSI level).
QByteArray sampleLine(qint64 n)
{
    static const char *levels[] = {"\x1b[32mINFO\x1b[0m", "\x1b[36mDEBUG\x1b[0m", "\x1b[33mWARN\x1b[0m",
                                   "\x1b[31mERROR\x1b[0m"};
    QByteArray line = "2026-11-27T03:12:04.";
    line += QByteArray::number(100000000 + n % 900000000);
    line += "Z ";
    line += levels[n % 7 == 3 ? 3 : n % 4 == 1 ? 1 : n % 11 == 2 ? 2 : 0];
    line += " 10.42.0.1 \"GET /servicios HTTP/1.1\" status=";
    line += QByteArray::number(n % 53 == 0 ? 503 : 200);
    line += " bytes=5123 ua=\"Mozilla/5.0 (X11; Linux x86_64)\" seq=";
    line += QByteArray::number(n);
    line += '\n';
    return line;
}

// A ~100-byte body without timestamp (what the buffer stores per line).
QByteArray sampleBody(qint64 n)
{
    QByteArray b = "INFO 10.42.0.1 GET /servicios/cotizar HTTP/1.1 status=";
    b += QByteArray::number(n % 53 == 0 ? 503 : 200);
    b += n % 97 == 0 ? " error=upstream-timeout" : " bytes=5123 dur=12ms";
    b += " seq=";
    b += QByteArray::number(n);
    return b;
}

// A connected, kubectl-ready session on the sandbox and a running pod whose log the
// fast generator feeds; shared by the live benchmarks.
struct LiveLog {
    test::SandboxSession session; // tests/common: connect and detect, once for everyone
    QString ns, pod;
    test::Sandbox *sb = nullptr;

    remote::KubectlRunner &kubectl() const { return *session.runner; }

    bool open(Context &ctx, const QString &what)
    {
        sb = &ctx.sandbox();
        session = test::SandboxSession::open(*sb);
        if (!session) {
            ctx.note(what + QStringLiteral(": ") + session.error);
            return false;
        }
        remote::KubectlRunner &runner = kubectl();

        QByteArray podsJson;
        bool gotPods = false;
        const quint64 token = runner.run({QStringLiteral("get"), QStringLiteral("pods"), QStringLiteral("-A"),
                                          QStringLiteral("-o"), QStringLiteral("json")});
        const auto c = QObject::connect(&runner, &remote::KubectlRunner::finished,
                                        [&](quint64 tk, const Result<QByteArray> &r) {
                                            if (tk == token) {
                                                gotPods = true;
                                                if (r)
                                                    podsJson = *r;
                                            }
                                        });
        runEventsUntil([&] { return gotPods; }, 30000);
        QObject::disconnect(c);
        for (const QJsonValue &v :
             QJsonDocument::fromJson(podsJson).object().value(QStringLiteral("items")).toArray()) {
            const QJsonObject o = v.toObject();
            if (o.value(QStringLiteral("status")).toObject().value(QStringLiteral("phase")).toString() ==
                QLatin1String("Running")) {
                ns = o.value(QStringLiteral("metadata"))
                         .toObject()
                         .value(QStringLiteral("namespace"))
                         .toString();
                pod = o.value(QStringLiteral("metadata")).toObject().value(QStringLiteral("name")).toString();
                break;
            }
        }
        if (pod.isEmpty()) {
            ctx.note(what + QStringLiteral(": no running pod in the sandbox"));
            return false;
        }
        if (!sb->ctl({QStringLiteral("log-rate"), QStringLiteral("fast"), QStringLiteral("--namespace"), ns,
                      QStringLiteral("--pod"), pod}))
            ctx.note(what + QStringLiteral(": log-rate fast failed: ") + sb->errorString());
        return true;
    }

    logs::LogRequest request() const
    {
        logs::LogRequest req;
        req.ns = ns;
        req.pod = pod;
        req.tailLines = 0;
        return req;
    }

    ~LiveLog()
    {
        if (sb && !pod.isEmpty())
            sb->ctl({QStringLiteral("log-rate"), QStringLiteral("2"), QStringLiteral("--namespace"), ns,
                     QStringLiteral("--pod"), pod});
    }
};

} // namespace

VIGIA_BENCH(log_ingest,
            "lines/s through LogStream::ingest into the ring buffer: in memory, and live from the "
            "sandbox's fast generator vs `ssh host kubectl logs -f POD > /dev/null`")
{
    // 1. In memory: parsing, timestamps, de-duplication bookkeeping and the ring.
    const int lines = ctx.quick() ? 100000 : 1000000;
    QByteArray data;
    data.reserve(qsizetype(lines) * 140);
    for (int i = 0; i < lines; ++i)
        data += sampleLine(i);
    std::vector<double> rates;
    for (int rep = 0; rep < (ctx.quick() ? 1 : 3); ++rep) {
        logs::LogBuffer buffer;
        logs::LogStream stream(&buffer, 0);
        QElapsedTimer t;
        t.start();
        constexpr qsizetype kChunk = 32 * 1024; // about what one coalesced channel signal carries
        for (qsizetype off = 0; off < data.size(); off += kChunk)
            stream.ingest(QByteArrayView(data).sliced(off, std::min(kChunk, data.size() - off)));
        const double s = double(t.nsecsElapsed()) / 1e9;
        if (buffer.totalAppended() != lines) {
            ctx.note(QStringLiteral("log_ingest: %1 lines appended, expected %2")
                         .arg(buffer.totalAppended())
                         .arg(lines));
            return false;
        }
        rates.push_back(lines / s);
    }
    ctx.report({QStringLiteral("log_ingest_memory"), median(rates), QStringLiteral("lines/s"), {}, {}});

    // 2. Live through SSH from the sandbox, against the OpenSSH client on the same stream.
    LiveLog live;
    if (!live.open(ctx, QStringLiteral("log_ingest")))
        return false;
    test::Sandbox &sb = ctx.sandbox();
    remote::KubectlRunner &runner = live.kubectl();
    const int seconds = ctx.quick() ? 2 : 5;
    const logs::LogRequest req = live.request();

    logs::LogBuffer buffer;
    logs::LogStream stream(&buffer, 0);
    stream.start(&runner, req);
    // Skip the first half second (process start-up on both sides), then count.
    runEventsUntil([] { return false; }, 500);
    const qint64 startLines = stream.linesReceived();
    QElapsedTimer t;
    t.start();
    runEventsUntil([] { return false; }, seconds * 1000);
    const double ours = double(stream.linesReceived() - startLines) / (double(t.nsecsElapsed()) / 1e9);
    stream.stop();

    // OpenSSH: the same command line, output only counted.
    QProcess ssh;
    qint64 newlines = 0;
    bool counting = false;
    QObject::connect(&ssh, &QProcess::readyReadStandardOutput, [&] {
        const QByteArray chunk = ssh.readAllStandardOutput();
        if (counting)
            newlines += chunk.count('\n');
    });
    const QString remoteCmd = remote::buildCommandLine(runner.prefix() + logs::LogStream::buildArgs(req));
    ssh.start(QStringLiteral("ssh"), {QStringLiteral("-F"), sb.sshConfigPath(), QStringLiteral("-o"),
                                      QStringLiteral("BatchMode=yes"), sb.sshAlias(), remoteCmd});
    if (!ssh.waitForStarted(10000)) {
        ctx.note(QStringLiteral("log_ingest: ssh did not start"));
        return false;
    }
    runEventsUntil([] { return false; }, 500);
    counting = true;
    QElapsedTimer t2;
    t2.start();
    runEventsUntil([] { return false; }, seconds * 1000);
    const double theirs = double(newlines) / (double(t2.nsecsElapsed()) / 1e9);
    ssh.kill();
    ssh.waitForFinished(5000);
    ctx.report({QStringLiteral("log_ingest"), ours, QStringLiteral("lines/s"), theirs,
                QStringLiteral("ssh_kubectl_logs")});
    return true;
}

VIGIA_BENCH(log_search_1m, "search over 1,000,000 buffered lines (plain case-insensitive, and a regex), ms")
{
    const int n = ctx.quick() ? 200000 : 1000000;
    logs::LogBuffer buffer(n);
    for (int i = 0; i < n; ++i)
        buffer.append(sampleBody(i), 0);
    // Wall time is the figure; CPU time is noted too, since on a loaded machine
    // (CI, or parallel builds) the wall time says more about the neighbours.
    auto timeIt = [&](const logs::SearchOptions &o, int *hits) {
        std::vector<double> ms, cpu;
        for (int rep = 0; rep < 3; ++rep) {
            QElapsedTimer t;
            t.start();
            const std::clock_t c0 = std::clock();
            const logs::LogMatcher m(o);
            *hits = int(m.findAll(buffer).size());
            ms.push_back(double(t.nsecsElapsed()) / 1e6);
            cpu.push_back(double(std::clock() - c0) * 1000.0 / CLOCKS_PER_SEC);
        }
        ctx.note(QStringLiteral("%1: wall %2 ms, cpu %3 ms (all threads)")
                     .arg(o.pattern, formatValue(median(ms)), formatValue(median(cpu))));
        return median(ms);
    };
    int plainHits = 0, regexHits = 0, caseHits = 0;
    const double plain = timeIt({QStringLiteral("ERROR=upstream"), false, false}, &plainHits);
    const double cs = timeIt({QStringLiteral("status=503"), false, true}, &caseHits);
    const double regex = timeIt({QStringLiteral("status=5\\d\\d .*timeout"), true, false}, &regexHits);
    ctx.note(QStringLiteral("log_search_1m: %1 lines; hits plain=%2 case=%3 regex=%4")
                 .arg(n)
                 .arg(plainHits)
                 .arg(caseHits)
                 .arg(regexHits));
    ctx.report({QStringLiteral("log_search_1m"), plain, QStringLiteral("ms"), {}, {}});
    ctx.report({QStringLiteral("log_search_1m_case"), cs, QStringLiteral("ms"), {}, {}});
    ctx.report({QStringLiteral("log_search_1m_regex"), regex, QStringLiteral("ms"), {}, {}});
    return plainHits > 0 && regexHits > 0;
}

VIGIA_BENCH(log_rss_1m, "RSS growth holding 1,000,000 lines of about 100 bytes, MB")
{
    const int n = 1000000;
    const double before = ownRssMb();
    auto buffer = std::make_unique<logs::LogBuffer>(n);
    for (int i = 0; i < n; ++i)
        buffer->append(sampleBody(i), qint64(i) * 1000, 0);
    const double after = ownRssMb();
    ctx.note(QStringLiteral("log_rss_1m: buffer reports %1 MB")
                 .arg(double(buffer->memoryBytes()) / 1048576.0, 0, 'f', 1));
    if (before < 0 || after < 0)
        return false;
    ctx.report({QStringLiteral("log_rss_1m"), after - before, QStringLiteral("MB"), {}, {}});
    return true;
}

VIGIA_BENCH(log_rss_hostile,
            "RSS growth while 2,000 lines of 10 MB (with ordinary lines between) stream through the "
            "splitter into one page's buffer, MB (target <= +300)")
{
    const int hostile = ctx.quick() ? 100 : 2000;
    const double before = ownRssMb();
    logs::LogBuffer buffer;
    logs::LogLineSplitter splitter;
    const auto sink = [&buffer](QByteArrayView line) { buffer.append(line); };
    // The stream arrives as SSH delivers it: 32 KiB chunks, line endings wherever they fall.
    const QByteArray chunk(32 * 1024, 'h');
    const int chunksPerLine = (10 * 1024 * 1024) / chunk.size();
    double peak = before;
    for (int i = 0; i < hostile; ++i) {
        splitter.feed(QByteArrayLiteral("ordinary line before the flood\n"), sink);
        for (int c = 0; c < chunksPerLine; ++c)
            splitter.feed(chunk, sink);
        splitter.feed(QByteArrayLiteral("\n"), sink);
        if (i % 100 == 0)
            peak = std::max(peak, ownRssMb());
    }
    const double after = ownRssMb();
    peak = std::max(peak, after);
    ctx.note(QStringLiteral("log_rss_hostile: %1 lines held, buffer %2 MB, spill file %3 MB, peak +%4 MB")
                 .arg(buffer.size())
                 .arg(double(buffer.memoryBytes()) / 1048576.0, 0, 'f', 1)
                 .arg(double(buffer.spillBytes()) / 1048576.0, 0, 'f', 1)
                 .arg(peak - before, 0, 'f', 1));
    if (before < 0 || after < 0)
        return false;
    ctx.report({QStringLiteral("log_rss_hostile"), peak - before, QStringLiteral("MB"), {}, {}});
    return peak - before <= 300;
}

VIGIA_BENCH(log_ui_stall_p99,
            "p99 stall of the UI thread's event loop while the live stream from the sandbox's fast "
            "generator pours into a shown, following LogView with a search active (offscreen), ms")
{
    LiveLog live;
    if (!live.open(ctx, QStringLiteral("log_ui_stall_p99")))
        return false;
    logs::LogBuffer buffer;
    logs::LogStream stream(&buffer, 0);
    logs::LogView view;
    view.resize(1200, 700);
    view.setShowTimestamps(true);
    view.setBuffer(&buffer);
    view.setSearch(logs::SearchOptions{QStringLiteral("error"), false, false});
    view.show();
    QObject::connect(&stream, &logs::LogStream::linesAppended, &view, &logs::LogView::notifyAppended);
    stream.start(&live.kubectl(), live.request());
    runEventsUntil([] { return false; }, 500);

    // A 5 ms precise timer: each late firing is a stall of the event loop.
    std::vector<double> gaps;
    QElapsedTimer clock;
    clock.start();
    qint64 last = clock.nsecsElapsed();
    QTimer probe;
    probe.setInterval(5);
    probe.setTimerType(Qt::PreciseTimer);
    QObject::connect(&probe, &QTimer::timeout, [&] {
        const qint64 now = clock.nsecsElapsed();
        gaps.push_back(std::max(0.0, double(now - last) / 1e6 - 5.0));
        last = now;
    });
    const qint64 startLines = stream.linesReceived();
    probe.start();
    runEventsUntil([] { return false; }, ctx.quick() ? 2000 : 6000);
    probe.stop();
    const double seconds = double(clock.nsecsElapsed()) / 1e9;
    const qint64 lines = stream.linesReceived() - startLines;
    stream.stop();
    if (gaps.size() < 50 || lines == 0) {
        ctx.note(QStringLiteral("log_ui_stall_p99: too few probes (%1) or no lines (%2)")
                     .arg(gaps.size())
                     .arg(lines));
        return false;
    }
    std::sort(gaps.begin(), gaps.end());
    const double p99 = gaps[size_t(double(gaps.size() - 1) * 0.99)];
    ctx.note(
        QStringLiteral("log_ui_stall_p99: %1 lines/s live into the shown view, %2 probes, max stall %3 ms, "
                       "following=%4")
            .arg(formatValue(double(lines) / seconds))
            .arg(gaps.size())
            .arg(formatValue(gaps.back()))
            .arg(view.isFollowing() ? QStringLiteral("yes") : QStringLiteral("no")));
    ctx.report({QStringLiteral("log_ui_stall_p99"), p99, QStringLiteral("ms"), {}, {}});
    return view.isFollowing();
}
