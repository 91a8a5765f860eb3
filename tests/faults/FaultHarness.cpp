#include "FaultHarness.h"

#include "SandboxProfile.h"
#include "ssh/SshConnection.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDirIterator>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QThread>

namespace vigia::faults {

void pump(int ms)
{
    QDeadlineTimer d(ms);
    while (!d.hasExpired()) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
        QThread::msleep(5);
    }
}

bool waitFor(const std::function<bool()> &cond, int timeoutMs)
{
    QDeadlineTimer d(timeoutMs);
    while (!cond()) {
        if (d.hasExpired())
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
        QThread::msleep(5);
    }
    return true;
}

QString FaultReport::line() const
{
    QString msg = message.simplified();
    msg.replace(QLatin1Char('"'), QLatin1Char('\''));
    if (msg.size() > 160)
        msg = msg.left(157) + QStringLiteral("...");
    const QString rec = recoveredSec < 0 ? QStringLiteral("-") : QString::number(recoveredSec, 'f', 1) + QStringLiteral(" s");
    QString out = QStringLiteral("fault: %1  survived=%2  lost=%3 %4  recovered_in=%5  message=\"%6\"")
                      .arg(name, survived ? QStringLiteral("yes") : QStringLiteral("no"))
                      .arg(lost)
                      .arg(lostUnit, rec, msg);
    if (!survived && !why.isEmpty())
        out += QStringLiteral("  why=\"%1\"").arg(why);
    return out;
}

LogFollower::LogFollower(session::Session *session, const QString &ns, const QString &pod)
    : m_session(session), m_stream(&m_buffer, 0)
{
    m_request.ns = ns;
    m_request.pod = pod;
    m_request.follow = true;
    m_request.tailLines = 20;
    QObject::connect(&m_stream, &logs::LogStream::linesAppended, this, [this](int) { scan(); });
    // As the Logs page: a stream that ends resumes from its last line once the session is back.
    QObject::connect(&m_stream, &logs::LogStream::ended, this, [this] {
        if (m_session->phase() == session::Session::Phase::Connected && m_session->runner())
            m_stream.resume(m_session->runner());
    });
    QObject::connect(m_session, &session::Session::ready, this, [this] {
        if (!m_stream.isRunning())
            m_stream.resume(m_session->runner());
    });
}

void LogFollower::start()
{
    m_stream.start(m_session->runner(), m_request);
}

void LogFollower::scan()
{
    static const QRegularExpression seq(QStringLiteral("seq=(\\d+)"));
    for (; m_scanned < m_buffer.size(); ++m_scanned) {
        const logs::LogLineRef ref = m_buffer.at(m_scanned);
        if (ref.flags & logs::LogBuffer::Marker)
            continue;
        // A line held cut (at 64 KB) keeps its end in the spill file: seq=N is at the end.
        const QByteArray text = ref.isCut() ? m_buffer.fullLine(m_scanned).right(64) : QByteArray(ref.bytes);
        const QRegularExpressionMatch m = seq.match(QString::fromUtf8(text));
        if (!m.hasMatch())
            continue;
        const qint64 n = m.captured(1).toLongLong();
        if (m_seen.contains(n)) {
            ++m_duplicates;
            continue;
        }
        m_seen.insert(n);
        m_lowest = m_lowest < 0 ? n : std::min(m_lowest, n);
        m_highest = std::max(m_highest, n);
    }
}

qint64 LogFollower::missing() const
{
    if (m_highest < 0)
        return 0;
    return (m_highest - m_lowest + 1) - m_seen.size();
}

std::unique_ptr<session::Session> FaultHarness::connect(const ssh::SshTarget &target, QString *error)
{
    auto s = std::make_unique<session::Session>();
    ssh::SshTarget t = target;
    t.keepaliveIntervalMs = 1000;
    s->start(test::sandboxProfile(m_sb), t);
    waitFor([&] { return s->phase() == session::Session::Phase::Connected ||
                         s->phase() == session::Session::Phase::Failed; },
            40000);
    if (s->phase() != session::Session::Phase::Connected) {
        if (error)
            *error = s->lastError().toString();
    }
    return s;
}

bool FaultHarness::waitLive(session::Session &s, int timeoutMs)
{
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < timeoutMs) {
        QString out;
        // One MODIFIED event for one pod; the view is live when it shows that resourceVersion.
        if (!m_sb.ctl({QStringLiteral("touch"), QStringLiteral("--namespace"), QStringLiteral("joledev"),
                       QStringLiteral("--pod"), QStringLiteral("api-quoter")},
                      &out)) {
            pump(250);
            continue;
        }
        const QJsonObject o = QJsonDocument::fromJson(out.toUtf8()).object();
        const QString pod = o.value(QStringLiteral("pod")).toString();
        const QString rv = o.value(QStringLiteral("resourceVersion")).toString();
        const bool seen = waitFor(
            [&] {
                for (const kube::PodInfo &p : s.pods())
                    if (p.name == pod && p.resourceVersion == rv)
                        return true;
                return false;
            },
            std::min<qint64>(1000, std::max<qint64>(1, timeoutMs - t.elapsed())));
        if (seen && s.phase() == session::Session::Phase::Connected && !s.isStale())
            return true;
    }
    return false;
}

int FaultHarness::podsMissing(session::Session &s)
{
    QString out;
    if (!m_sb.ctl({QStringLiteral("pods")}, &out))
        return -1;
    QSet<QString> shown;
    for (const kube::PodInfo &p : s.pods())
        shown.insert(p.ns + QLatin1Char('/') + p.name);
    int missing = 0;
    const QJsonArray pods = QJsonDocument::fromJson(out.toUtf8()).object().value(QStringLiteral("pods")).toArray();
    for (const QJsonValue &v : pods) {
        const QJsonObject p = v.toObject();
        if (!shown.contains(p.value(QStringLiteral("namespace")).toString() + QLatin1Char('/') +
                            p.value(QStringLiteral("name")).toString()))
            ++missing;
    }
    return missing;
}

int FaultHarness::remoteKubectlAfter(int waitMs)
{
    int n = 0;
    waitFor([&] { return (n = m_sb.remoteProcessCount(QStringLiteral("kubectl"), QStringLiteral("kubectl"))) == 0; },
            waitMs);
    return n;
}

QString FaultHarness::loggingPod(session::Session &s, QString *ns)
{
    for (const kube::PodInfo &p : s.pods())
        if (p.ns == QLatin1String("joledev") && p.name.startsWith(QLatin1String("api-scheduler"))) {
            *ns = p.ns;
            return p.name;
        }
    return {};
}

std::unique_ptr<LogFollower> FaultHarness::follow(session::Session &s, int warmUpMs)
{
    QString ns;
    const QString pod = loggingPod(s, &ns);
    auto log = std::make_unique<LogFollower>(&s, ns, pod);
    log->start();
    pump(warmUpMs);
    return log;
}

QString FaultHarness::schedulerDatabase() const
{
    QDirIterator it(m_sb.storageRoot(), {QStringLiteral("scheduler.db")}, QDir::Files, QDirIterator::Subdirectories);
    return it.hasNext() ? it.next() : QString();
}

} // namespace vigia::faults
