#include "metrics/Sampler.h"

#include "core/Log.h"
#include "metrics/MetricsParsers.h"
#include "remote/CommandGate.h"
#include "remote/KubectlErrors.h"
#include "remote/ShellQuote.h"
#include "ssh/SshConnection.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFileInfo>
#include <QRegularExpression>
#include <QHash>
#include <memory>

namespace vigia::metrics {

namespace {

const QByteArray kMarker = QByteArrayLiteral("@@vigia:");

// Fixed text: $1 data folder, $2 what to include this tick (",du,pods,nodes," or
// any subset, "," for none), then the kubectl prefix. A kubectl start costs about
// 0.14 s of CPU whatever it fetches, so pods and nodes due on the same tick come
// from ONE `kubectl get` of both kinds (about 0.2 s) rather than two raw gets.
const char kScript[] = R"SH(d=$1; w=$2; shift 2
r() { if [ -r "$1" ]; then while IFS= read -r l || [ -n "$l" ]; do printf '%s\n' "$l"; done < "$1"; else echo "cannot read $1"; fi; }
echo @@vigia:meminfo; r /proc/meminfo
echo @@vigia:loadavg; r /proc/loadavg
case $w in *,cpus,*) echo @@vigia:nproc; nproc 2>/dev/null || getconf _NPROCESSORS_ONLN 2>/dev/null;; esac
echo @@vigia:cgroup
c=
for s in k3s k3s-agent; do
  if [ -z "$c" ] && [ -e /sys/fs/cgroup/system.slice/$s.service/memory.current ]; then
    c=/sys/fs/cgroup/system.slice/$s.service; echo v2; cat $c/memory.current 2>&1; grep -E '^(anon|file) ' $c/memory.stat 2>/dev/null
  elif [ -z "$c" ] && [ -e /sys/fs/cgroup/memory/system.slice/$s.service/memory.usage_in_bytes ]; then
    c=/sys/fs/cgroup/memory/system.slice/$s.service; echo v1; cat $c/memory.usage_in_bytes 2>&1
  fi
done
if [ -z "$c" ]; then if [ -e /sys/fs/cgroup/cgroup.controllers ]; then echo absent v2; else echo absent v1; fi; fi
case $w in *,du,*) echo @@vigia:du; du -sb -- "$d" 2>&1 | tail -n 4;; esac
if [ $# -eq 0 ]; then echo "@@vigia:kubectl none"; else
  case $w in
  *,pods,nodes,*) o=$("$@" get podmetrics.metrics.k8s.io,nodemetrics.metrics.k8s.io -A -o json 2>&1); echo "@@vigia:podsnodes $?"; printf '%s\n' "$o";;
  *,pods,*) o=$("$@" get --raw /apis/metrics.k8s.io/v1beta1/pods 2>&1); echo "@@vigia:pods $?"; printf '%s\n' "$o";;
  *,nodes,*) o=$("$@" get --raw /apis/metrics.k8s.io/v1beta1/nodes 2>&1); echo "@@vigia:nodes $?"; printf '%s\n' "$o";;
  esac
fi
echo @@vigia:end
)SH";

// What read-only mode allows of the script (remote/CommandGate.h): it reads /proc, cgroup files
// and disk use, and runs the detected kubectl prefix with `get` only.
[[maybe_unused]] const bool kDeclared = remote::CommandGate::declareScript(
    QString::fromLatin1(kScript),
    QCoreApplication::translate("Sampler", "reads memory, load, disk use and metrics (kubectl get)"), false,
    [](const QStringList &a) {
        static const QRegularExpression what(QStringLiteral("^[a-z,]*$"));
        if (a.size() < 3 || !what.match(a.at(2)).hasMatch())
            return false;
        const QStringList prefix = a.mid(3);
        for (const QString &word : prefix)
            if (QFileInfo(word).fileName() == QLatin1String("kubectl"))
                return true;
        return prefix.isEmpty();
    });

struct Section {
    QByteArray args; // text after the name on the marker line ("0" for an exit code)
    QByteArray body;
};

QHash<QByteArray, Section> splitSections(const QByteArray &text)
{
    QHash<QByteArray, Section> out;
    QByteArray current;
    qsizetype pos = 0;
    while (pos < text.size()) {
        qsizetype eol = text.indexOf('\n', pos);
        if (eol < 0)
            eol = text.size();
        const QByteArray line = text.mid(pos, eol - pos);
        pos = eol + 1;
        if (line.startsWith(kMarker)) {
            const QByteArray rest = line.mid(kMarker.size()).trimmed();
            const qsizetype sp = rest.indexOf(' ');
            current = sp < 0 ? rest : rest.left(sp);
            out[current].args = sp < 0 ? QByteArray() : rest.mid(sp + 1).trimmed();
            continue;
        }
        if (!current.isEmpty()) {
            out[current].body.append(line);
            out[current].body.append('\n');
        }
    }
    return out;
}

// Says why metrics.k8s.io gave nothing, in words that suggest the fix.
QString metricsFailure(int rc, const QByteArray &body, const QString &what)
{
    const QByteArray lower = body.toLower();
    if (lower.contains("could not find the requested resource") || lower.contains("notfound") ||
        lower.contains("404") || lower.contains("currently unable to handle the request") ||
        lower.contains("serviceunavailable") || lower.contains("503") ||
        lower.contains("doesn't have a resource type"))
        return QCoreApplication::translate("Sampler", "metrics-server is not installed or not ready: no %1").arg(what);
    const Error e = remote::classifyKubectlFailure(rc, body);
    return QCoreApplication::translate("Sampler", "%1 unavailable: %2").arg(what, e.message);
}

} // namespace

Sampler::Sampler(ssh::SshConnection *connection, QObject *parent) : QObject(parent), m_connection(connection)
{
    m_timer.setInterval(m_config.intervalMs);
    connect(&m_timer, &QTimer::timeout, this, [this]() { sampleNow(); });
}

Sampler::~Sampler()
{
    if (m_inFlight)
        m_inFlight->cancel();
}

void Sampler::setConfig(const SamplerConfig &config)
{
    m_config = config;
    m_config.intervalMs = std::max(1000, m_config.intervalMs);
    m_timer.setInterval(m_config.intervalMs);
}

void Sampler::start()
{
    m_tick = 0;
    m_timer.start();
    sampleNow();
}

void Sampler::stop()
{
    m_timer.stop();
    if (m_inFlight)
        m_inFlight->cancel();
}

QString Sampler::script()
{
    return QString::fromLatin1(kScript);
}

QStringList Sampler::argv(const SamplerConfig &config, const QStringList &kubectlPrefix, bool withDu,
                          bool withNodes, bool withPods, bool withCpus)
{
    QString what = QStringLiteral(",");
    if (withDu)
        what += QStringLiteral("du,");
    // The CPU count changes only with a resize: asked on the slow ticks, and until known.
    if (withCpus || withDu)
        what += QStringLiteral("cpus,");
    if (withPods)
        what += QStringLiteral("pods,");
    if (withNodes)
        what += QStringLiteral("nodes,");
    QStringList a{QStringLiteral("sh"),
                  QStringLiteral("-c"),
                  script(),
                  QStringLiteral("vigia-sampler"),
                  config.dataDir.isEmpty() ? QStringLiteral("/var/lib/rancher/k3s") : config.dataDir,
                  what};
    a += kubectlPrefix;
    return a;
}

Sample Sampler::parseOutput(const QByteArray &text, qint64 timestampMs,
                            QHash<QString, QStringList> *missingBySource)
{
    Sample s;
    s.timestampMs = timestampMs;
    auto sections = splitSections(text);
    // One kubectl listed both kinds: each parser keeps its own kind.
    if (auto both = sections.constFind("podsnodes"); both != sections.constEnd()) {
        sections.insert("pods", *both);
        sections.insert("nodes", *both);
    }

    if (auto it = sections.find("meminfo"); it != sections.end()) {
        auto m = parseMeminfo(it->body);
        if (m)
            s.memory = m.value();
        else
            s.missing << QCoreApplication::translate("Sampler", "Host memory unavailable: %1").arg(m.error().message);
    } else {
        s.missing << QCoreApplication::translate("Sampler", "Host memory unavailable: no /proc/meminfo output");
    }
    if (auto it = sections.find("loadavg"); it != sections.end()) {
        auto l = parseLoadavg(it->body);
        if (l)
            s.load = l.value();
        else
            s.missing << l.error().message;
    }
    if (auto it = sections.find("nproc"); it != sections.end()) {
        bool ok = false;
        const int n = it->body.trimmed().toInt(&ok);
        if (ok && n > 0)
            s.cpuCount = n;
    }
    if (auto it = sections.find("cgroup"); it != sections.end()) {
        auto c = parseCgroupSection(it->body);
        if (c) {
            s.k3s = c.value();
            if (c->version == CgroupVersion::V1)
                s.missing << QCoreApplication::translate("Sampler", "cgroup v1: K3s's memory includes its page cache");
        } else {
            s.missing << c.error().message;
        }
    }
    // What the slower sources said, so ticks that skip them can repeat it (see sampleNow).
    qsizetype mark = s.missing.size();
    auto attribute = [&](const QString &source) {
        if (missingBySource)
            (*missingBySource)[source] = s.missing.mid(mark);
        mark = s.missing.size();
    };
    if (auto it = sections.find("du"); it != sections.end()) {
        auto d = parseDuOutput(it->body);
        if (d) {
            s.dataDirBytes = d->bytes;
            if (d->partial)
                s.missing << QCoreApplication::translate("Sampler",
                    "Disk use of the K3s data folder is partial: permission denied on some files");
        } else {
            s.missing << d.error().message;
        }
    }
    attribute(QStringLiteral("du"));
    if (auto it = sections.find("pods"); it != sections.end()) {
        const int rc = it->args.toInt();
        if (rc == 0) {
            auto p = parsePodMetricsList(it->body);
            if (p) {
                s.pods = p.value();
                s.podMetricsAvailable = true;
            } else {
                s.missing << QCoreApplication::translate("Sampler", "Per-pod metrics unreadable: %1").arg(p.error().message);
            }
        } else {
            s.missing << metricsFailure(rc, it->body, QCoreApplication::translate("Sampler", "per-pod CPU and memory"));
        }
    } else if (sections.contains("kubectl")) {
        s.missing << QCoreApplication::translate("Sampler", "kubectl not detected: no per-pod CPU and memory");
    }
    // Neither: pod metrics were not due on this tick.
    if (auto it = sections.find("nodes"); it != sections.end()) {
        const int rc = it->args.toInt();
        auto n = rc == 0 ? parseNodeMetricsList(it->body) : Result<QList<NodeUsage>>(makeError(QString()));
        if (n) {
            s.nodes = n.value();
            s.nodeMetricsAvailable = true;
        } else if (rc != 0 && !s.podMetricsAvailable) {
            // Same cause as the pod metrics failure: say it once.
        } else {
            s.missing << (rc == 0 ? n.error().message
                                  : metricsFailure(rc, it->body, QCoreApplication::translate("Sampler", "node usage")));
        }
    }
    attribute(QStringLiteral("metrics"));
    if (!sections.contains("end"))
        s.missing << QCoreApplication::translate("Sampler", "The sample was cut short");
    return s;
}

void Sampler::offerMetrics(const QList<PodUsage> &pods, const QList<NodeUsage> &nodes, bool available,
                           const QString &problem)
{
    m_offered = Offered{pods, nodes, available, problem};
}

bool Sampler::sampleNow()
{
    if (m_inFlight) {
        ++m_skipped;
        return false;
    }
    if (!m_connection || m_connection->state() != ssh::SessionState::Connected) {
        emit sampleFailed(makeError(QCoreApplication::translate("Sampler", "Not connected"), {}, QStringLiteral("metrics.offline")));
        return false;
    }
    const quint64 tick = m_tick++;
    const bool withDu = m_config.duEveryTicks > 0 && tick % quint64(m_config.duEveryTicks) == 0;
    const bool withCpus = withDu || !m_lastCpuCount;
    const bool withNodes = m_config.ownKubectl && m_config.nodeMetricsEveryTicks > 0 &&
                           tick % quint64(m_config.nodeMetricsEveryTicks) == 0;
    const bool withPods = m_config.ownKubectl && m_config.podMetricsEveryTicks > 0 &&
                          tick % quint64(m_config.podMetricsEveryTicks) == 0;
    ssh::ExecOptions opts;
    opts.timeoutMs = m_config.timeoutMs;
    const qint64 ts = QDateTime::currentMSecsSinceEpoch();
    ssh::SshChannel *ch = m_connection->exec(
        remote::buildCommandLine(argv(m_config, m_prefix, withDu, withNodes, withPods, withCpus)), opts);
    if (!ch) {
        emit sampleFailed(makeError(QCoreApplication::translate("Sampler", "Could not start the sampler command")));
        return false;
    }
    m_inFlight = ch;
    auto out = std::make_shared<QByteArray>();
    connect(ch, &ssh::SshChannel::stdoutReady, this, [out](const QByteArray &chunk) {
        // A runaway server cannot make us buffer without bound.
        if (out->size() < 64 * 1024 * 1024)
            out->append(chunk);
    });
    connect(ch, &ssh::SshChannel::finished, this,
            [this, ch, out, ts, withDu, withMetrics = withPods || withNodes](const ssh::ExitInfo &exit) {
                ch->deleteLater();
                m_inFlight = nullptr;
                if (exit.error || exit.timedOut || exit.cancelled) {
                    const QString why = exit.error ? exit.error->message
                                                   : (exit.timedOut ? QCoreApplication::translate("Sampler", "the sampler timed out")
                                                                    : QCoreApplication::translate("Sampler", "cancelled"));
                    qCDebug(lcMetrics) << "sample failed:" << why;
                    emit sampleFailed(makeError(QCoreApplication::translate("Sampler", "No sample: %1").arg(why), {},
                                                QStringLiteral("metrics.tick")));
                    return;
                }
                QHash<QString, QStringList> bySource;
                Sample sample = parseOutput(*out, ts, &bySource);
                // nproc runs only on the slow ticks; the count it gave holds in between.
                if (sample.cpuCount)
                    m_lastCpuCount = sample.cpuCount;
                else
                    sample.cpuCount = m_lastCpuCount;
                bool metricsFetched = withMetrics;
                if (m_offered) {
                    sample.pods = m_offered->pods;
                    sample.nodes = m_offered->nodes;
                    sample.podMetricsAvailable = m_offered->available;
                    sample.nodeMetricsAvailable = m_offered->available && !m_offered->nodes.isEmpty();
                    const QStringList problem =
                        m_offered->problem.isEmpty() ? QStringList() : QStringList{m_offered->problem};
                    bySource[QStringLiteral("metrics")] = problem;
                    for (const QString &m : problem)
                        if (!sample.missing.contains(m))
                            sample.missing << m;
                    metricsFetched = true;
                    m_offered.reset();
                }
                // Pod metrics come every 3rd tick and du every 30th: what they reported missing
                // still holds on the ticks between, so the banner does not blink.
                auto carry = [&](const QString &source, bool fetched) {
                    if (fetched) {
                        m_carriedMissing[source] = bySource.value(source);
                        return;
                    }
                    for (const QString &m : m_carriedMissing.value(source))
                        if (!sample.missing.contains(m))
                            sample.missing << m;
                };
                carry(QStringLiteral("du"), withDu);
                carry(QStringLiteral("metrics"), metricsFetched);
                emit sampled(sample);
            });
    return true;
}

} // namespace vigia::metrics
