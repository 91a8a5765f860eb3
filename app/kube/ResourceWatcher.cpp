#include "kube/ResourceWatcher.h"

#include "core/Log.h"
#include "kube/KubeMetaTypes.h"
#include "kube/PodParser.h"
#include "remote/KubectlErrors.h"
#include "remote/KubectlRunner.h"
#include "ssh/SshConnection.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QUrl>

#include <utility>

namespace vigia::kube {

namespace {

constexpr int kListTimeoutMs = 60000;
constexpr qsizetype kMaxStderr = 64 * 1024;

QString apiPathFor(const QString &resource, const QString &ns)
{
    static const QStringList core{QStringLiteral("pods"),      QStringLiteral("events"),
                                  QStringLiteral("nodes"),     QStringLiteral("persistentvolumeclaims"),
                                  QStringLiteral("services"),  QStringLiteral("configmaps"),
                                  QStringLiteral("namespaces")};
    static const QStringList apps{QStringLiteral("deployments"), QStringLiteral("statefulsets"),
                                  QStringLiteral("daemonsets"), QStringLiteral("replicasets")};
    static const QStringList clusterScoped{QStringLiteral("nodes"), QStringLiteral("namespaces")};
    static const QRegularExpression nsRe(QStringLiteral("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$"));
    QString base;
    if (core.contains(resource))
        base = QStringLiteral("/api/v1");
    else if (apps.contains(resource))
        base = QStringLiteral("/apis/apps/v1");
    else
        return {};
    if (!ns.isEmpty() && !clusterScoped.contains(resource)) {
        // The path is built from parts the API itself constrains; anything else is refused.
        if (!nsRe.match(ns).hasMatch())
            return {};
        return base + QStringLiteral("/namespaces/") + ns + QLatin1Char('/') + resource;
    }
    return base + QLatin1Char('/') + resource;
}

// Errors that waiting alone will not fix: they need the user to act.
bool needsUser(const QString &code)
{
    static const QStringList codes{
        QStringLiteral("kube.not-found"),     QStringLiteral("kube.kubeconfig-permission"),
        QStringLiteral("kube.sudo-password"), QStringLiteral("kube.sudo-denied"),
        QStringLiteral("kube.unauthorized"),  QStringLiteral("kube.forbidden"),
        QStringLiteral("kube.no-kubeconfig"), QStringLiteral("kube.bad-resource")};
    return codes.contains(code);
}

const char *const kReconnectHintText = QT_TRANSLATE_NOOP(
    "ResourceWatcher", "Vigía lists and watches again by itself; the table keeps the last good data meanwhile.");
QString reconnectHint() { return QCoreApplication::translate("ResourceWatcher", kReconnectHintText); }

QString resourceVersionOf(const QJsonObject &o)
{
    return o.value(QLatin1StringView("metadata"))
        .toObject()
        .value(QLatin1StringView("resourceVersion"))
        .toString();
}

} // namespace

QString objectKey(const QJsonObject &object)
{
    const QJsonObject meta = object.value(QLatin1StringView("metadata")).toObject();
    const QString name = meta.value(QLatin1StringView("name")).toString();
    const QString ns = meta.value(QLatin1StringView("namespace")).toString();
    return ns.isEmpty() ? name : ns + QLatin1Char('/') + name;
}

PodDelta toPodDelta(const WatchBatch &batch)
{
    PodDelta d;
    auto conv = [](const QList<QJsonObject> &in, QList<PodInfo> &out) {
        out.reserve(in.size());
        for (const QJsonObject &o : in)
            if (Result<PodInfo> p = parsePod(o); p.ok())
                out << std::move(p).value();
    };
    conv(batch.added, d.added);
    conv(batch.modified, d.modified);
    conv(batch.deleted, d.deleted);
    return d;
}

ResourceWatcher::ResourceWatcher(remote::KubectlRunner *runner, const QString &resource, const QString &ns,
                                 QObject *parent)
    : QObject(parent), m_runner(runner), m_resource(resource), m_ns(ns), m_path(apiPathFor(resource, ns))
{
    registerMetaTypes();
    qRegisterMetaType<vigia::kube::WatchBatch>("vigia::kube::WatchBatch");
    qRegisterMetaType<vigia::kube::ResourceWatcher::State>("vigia::kube::ResourceWatcher::State");
    m_batchTimer.setSingleShot(true);
    m_batchTimer.setInterval(60); // the brief's 50-100 ms: a burst becomes one model update
    connect(&m_batchTimer, &QTimer::timeout, this, [this]() { flush(); });
    m_retryTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, [this]() {
        ++m_generation;
        list();
    });
    m_stableTimer.setSingleShot(true);
    connect(&m_stableTimer, &QTimer::timeout, this, [this]() { m_backoffMs = m_backoffInitialMs; });
    if (m_runner)
        connect(m_runner, &remote::KubectlRunner::finished, this, &ResourceWatcher::onListed);
}

ResourceWatcher::~ResourceWatcher()
{
    dropWatch();
}

void ResourceWatcher::setBackoff(int initialMs, int maxMs)
{
    m_backoffInitialMs = initialMs;
    m_backoffMaxMs = maxMs;
    m_backoffMs = initialMs;
}

// What start() and startWithList() share: a fresh run, nothing paused or pending from the last.
void ResourceWatcher::beginRun()
{
    m_paused = false;
    m_retryWhenResumed = false;
    m_onQuiet = {};
    dropWatch();
    m_retryTimer.stop();
    ++m_generation;
    m_backoffMs = m_backoffInitialMs;
}

void ResourceWatcher::start()
{
    beginRun();
    if (m_path.isEmpty()) {
        m_lastError =
            makeError(QCoreApplication::translate("ResourceWatcher", "Vigía cannot watch \"%1\" in namespace \"%2\".").arg(m_resource, m_ns),
                      QString(), QStringLiteral("kube.bad-resource"));
        setState(State::Failed, m_lastError);
        return;
    }
    setState(m_listedOnce ? State::Reconnecting : State::Connecting, m_lastError);
    list();
}

void ResourceWatcher::pause(std::function<void()> whenQuiet)
{
    if (m_paused) {
        if (whenQuiet)
            QTimer::singleShot(0, this, std::move(whenQuiet));
        return;
    }
    m_paused = true;
    m_onQuiet = std::move(whenQuiet);
    if (m_retryTimer.isActive()) {
        m_retryTimer.stop();
        m_retryWhenResumed = true;
    }
    if (m_listing)
        return; // onListed() keeps the list and calls quiet() instead of watching
    ssh::SshChannel *ch = m_channel.data();
    if (!ch) {
        QTimer::singleShot(0, this, [this] { quiet(); });
        return;
    }
    // What already arrived is applied first: the watch resumes after it.
    drain(m_generation, true);
    flush();
    ++m_generation;
    dropWatch(); // disconnects ch from this watcher, so the quiet hook is connected after
    if (ch->isFinished())
        QTimer::singleShot(0, this, [this] { quiet(); });
    else // stop() reports the channel's end only once the remote kubectl has exited
        connect(ch, &ssh::SshChannel::finished, this, [this] { quiet(); });
}

void ResourceWatcher::quiet()
{
    if (!m_paused)
        return;
    if (std::function<void()> f = std::exchange(m_onQuiet, {}))
        f();
}

void ResourceWatcher::resume()
{
    if (!m_paused)
        return;
    m_paused = false;
    m_onQuiet = {};
    if (m_state == State::Idle || m_listing || m_channel)
        return;
    if (m_retryWhenResumed) {
        m_retryWhenResumed = false;
        m_retryTimer.start(m_backoffInitialMs);
        return;
    }
    if (m_state == State::Live) {
        ++m_generation;
        watchFrom(m_resourceVersion);
    }
}

void ResourceWatcher::stop()
{
    m_paused = false;
    m_retryWhenResumed = false;
    m_onQuiet = {};
    ++m_generation;
    dropWatch();
    m_retryTimer.stop();
    m_listing = false;
    flush();
    if (m_state != State::Idle) {
        if (m_state == State::Live)
            m_staleSince = QDateTime::currentDateTimeUtc();
        setState(State::Idle);
    }
}

QList<PodInfo> ResourceWatcher::pods() const
{
    QList<PodInfo> out;
    out.reserve(m_store.size());
    for (const QJsonObject &o : m_store)
        if (Result<PodInfo> p = parsePod(o); p.ok())
            out << std::move(p).value();
    return out;
}

QStringList ResourceWatcher::listArgs(const QString &resource, const QString &ns)
{
    const QString path = apiPathFor(resource, ns);
    if (path.isEmpty())
        return {};
    return {QStringLiteral("get"), QStringLiteral("--raw"), path};
}

void ResourceWatcher::list()
{
    if (!m_runner) {
        broke(makeError(QCoreApplication::translate("ResourceWatcher", "There is no connection to list %1 on.").arg(m_resource), QString(),
                        QStringLiteral("kube.no-connection")),
              true);
        return;
    }
    m_listing = true;
    m_listToken = m_runner->run(listArgs(m_resource, m_ns), kListTimeoutMs);
}

void ResourceWatcher::onListed(quint64 token, const Result<QByteArray> &result)
{
    if (!m_listing || token != m_listToken)
        return; // another caller's run, or a list this watcher no longer waits for
    m_listing = false;
    if (!result.ok()) {
        broke(result.error(), true);
        return;
    }
    applyList(result.value());
}

void ResourceWatcher::startWithList(const QByteArray &listJson)
{
    if (m_path.isEmpty()) {
        start(); // says why it cannot
        return;
    }
    beginRun();
    m_listing = false;
    setState(m_listedOnce ? State::Reconnecting : State::Connecting, m_lastError);
    applyList(listJson);
}

void ResourceWatcher::applyList(const QByteArray &json)
{
    QJsonParseError pe{};
    const QJsonDocument doc = QJsonDocument::fromJson(json, &pe);
    if (pe.error != QJsonParseError::NoError || !doc.isObject() ||
        !doc.object().value(QLatin1StringView("items")).isArray()) {
        broke(
            makeError(QCoreApplication::translate("ResourceWatcher", "The %1 list from kubectl was cut off or unreadable (%2).")
                          .arg(m_resource, pe.error != QJsonParseError::NoError ? pe.errorString()
                                                                                : QCoreApplication::translate("ResourceWatcher", "no items")),
                      reconnectHint(), QStringLiteral("kube.truncated")),
            true);
        return;
    }
    const QJsonObject root = doc.object();
    const QString rv = resourceVersionOf(root);
    const QJsonArray items = root.value(QLatin1StringView("items")).toArray();
    QHash<QString, QJsonObject> fresh;
    fresh.reserve(items.size());
    for (const QJsonValue &v : items) {
        const QJsonObject o = v.toObject();
        const QString key = objectKey(o);
        if (!key.isEmpty())
            fresh.insert(key, o);
    }
    // Reconcile with what the views already show, so a relist is a small delta, not a reset.
    for (auto it = fresh.cbegin(); it != fresh.cend(); ++it) {
        auto old = m_store.constFind(it.key());
        if (old == m_store.cend())
            queue(OpAdded, it.value());
        else if (resourceVersionOf(*old) != resourceVersionOf(it.value()) || *old != it.value())
            queue(OpModified, it.value());
    }
    for (auto it = m_store.cbegin(); it != m_store.cend(); ++it)
        if (!fresh.contains(it.key()))
            queue(OpDeleted, it.value());
    m_store = std::move(fresh);
    m_listedOnce = true;
    m_lastGoodAt = QDateTime::currentDateTimeUtc();
    m_staleSince = QDateTime();
    m_resourceVersion = rv;
    flush(true);
    qCDebug(lcKube) << "listed" << m_resource << m_store.size() << "rv" << rv;
    setState(State::Live);
    if (m_paused) {
        quiet(); // resume() watches from m_resourceVersion
        return;
    }
    watchFrom(rv);
}

void ResourceWatcher::watchFrom(const QString &resourceVersion)
{
    dropWatch();
    m_parser.reset();
    m_parser.takeErrors();
    m_inbox.clear();
    m_inboxPos = 0;
    m_drainQueued = false;
    m_watchStderr.clear();
    m_watchError.reset();
    m_expired = false;
    QString query = m_path + QStringLiteral("?watch=1&allowWatchBookmarks=true");
    if (!resourceVersion.isEmpty())
        query += QStringLiteral("&resourceVersion=") +
                 QString::fromLatin1(QUrl::toPercentEncoding(resourceVersion));
    // The watch is the one kubectl that stays resident on the server, so its Go
    // heap is kept tighter. Measured on the sandbox (kubectl 1.31, joledev, RSS
    // after 12 s): 46.8 MB by default, 44.1 MB with GOGC=25 (anonymous memory
    // 12.4 -> 9.2 MB; the other ~35 MB are the binary's own pages, which no
    // setting changes), idle CPU unchanged. GOMEMLIMIT=8MiB holds 43.9 MB but
    // makes the GC thrash whenever the heap grows: a one-shot poll went from 0.2 s
    // to 0.8 s of CPU. The 30 s poll keeps Go's defaults: there GOGC=25 saves
    // 2.5 MB for ~40% more CPU, and CPU is the tighter budget (ClusterPoller.h).
    ssh::SshChannel *ch = m_runner ? m_runner->stream({QStringLiteral("get"), QStringLiteral("--raw"), query},
                                                      {QStringLiteral("GOGC=25")})
                                   : nullptr;
    if (!ch) {
        broke(makeError(QCoreApplication::translate("ResourceWatcher", "The watch of %1 could not be started.").arg(m_resource),
                        QCoreApplication::translate("ResourceWatcher", "The SSH connection is down or kubectl was not detected."),
                        QStringLiteral("kube.no-connection")),
              true);
        return;
    }
    m_channel = ch;
    const quint64 gen = m_generation;
    connect(ch, &ssh::SshChannel::stdoutReady, this,
            [this, gen](const QByteArray &c) { onWatchChunk(gen, c); });
    connect(ch, &ssh::SshChannel::stderrReady, this, [this, gen](const QByteArray &c) {
        if (gen == m_generation && m_watchStderr.size() < kMaxStderr)
            m_watchStderr += c;
    });
    connect(ch, &ssh::SshChannel::finished, this,
            [this, gen](const ssh::ExitInfo &exit) { onWatchFinished(gen, exit); });
    connect(ch, &ssh::SshChannel::finished, ch, &QObject::deleteLater);
    m_watchStartedAt = QDateTime::currentDateTimeUtc();
    m_stableTimer.start(m_stableAfterMs);
}

void ResourceWatcher::onWatchChunk(quint64 gen, const QByteArray &chunk)
{
    if (gen != m_generation)
        return;
    if (!chunk.isEmpty())
        m_inbox << chunk; // queued as is: no copy of what is already waiting
    if (m_state == State::Live)
        m_lastGoodAt = QDateTime::currentDateTimeUtc();
    if (!m_drainQueued)
        drain(gen, false);
}

void ResourceWatcher::drain(quint64 gen, bool all)
{
    m_drainQueued = false;
    if (gen != m_generation)
        return;
    constexpr qsizetype kSliceBytes = 16 * 1024;
    QElapsedTimer spent;
    spent.start();
    if (!all && m_pending.size() >= kMaxBatch) {
        // A full batch goes out in a turn of its own: the views apply and paint it
        // without a parse slice before it in the same event-loop turn.
        flush();
        if (!m_inbox.isEmpty()) {
            m_drainQueued = true;
            QTimer::singleShot(0, this, [this, gen]() { drain(gen, false); });
        }
        return;
    }
    while (!m_inbox.isEmpty()) {
        const QByteArray &head = m_inbox.first();
        const qsizetype n = std::min(kSliceBytes, head.size() - m_inboxPos);
        const QList<WatchEvent> events = m_parser.feed(QByteArrayView(head).sliced(m_inboxPos, n));
        m_inboxPos += n;
        if (m_inboxPos >= head.size()) {
            m_inbox.removeFirst();
            m_inboxPos = 0;
        }
        for (const WatchEvent &e : events)
            apply(e);
        if (m_pending.size() >= kMaxBatch) {
            if (!all)
                break; // flushed at the start of the next turn
            flush();
        }
        if (!all && spent.elapsed() >= kSliceMs)
            break;
    }
    const QList<Error> errors = m_parser.takeErrors();
    if (!errors.isEmpty()) {
        qCWarning(lcKube) << "watch stream problem:" << errors.first().message;
        if (!m_watchError)
            m_watchError = errors.first();
    }
    // Throttle, don't delay: the first change after a quiet spell leaves at once
    // (watch latency), later ones within the interval wait for the timer.
    if (!m_pending.isEmpty() && (all || m_pending.size() < kMaxBatch) &&
        (!m_sinceFlush.isValid() || m_sinceFlush.elapsed() >= m_batchTimer.interval()))
        flush();
    if (!m_inbox.isEmpty() || m_pending.size() >= kMaxBatch) {
        m_drainQueued = true;
        QTimer::singleShot(0, this, [this, gen]() { drain(gen, false); });
    }
}

void ResourceWatcher::apply(const WatchEvent &e)
{
    using T = WatchEvent::Type;
    switch (e.type) {
    case T::Added:
    case T::Modified:
    case T::Object: {
        const QString key = objectKey(e.object);
        if (key.isEmpty())
            return;
        const bool known = m_store.contains(key);
        m_store.insert(key, e.object);
        m_resourceVersion = resourceVersionOf(e.object);
        queue(known ? OpModified : OpAdded, e.object);
        return;
    }
    case T::Deleted: {
        const QString key = objectKey(e.object);
        m_resourceVersion = resourceVersionOf(e.object);
        if (m_store.remove(key) > 0)
            queue(OpDeleted, e.object);
        return;
    }
    case T::Bookmark:
        m_resourceVersion = resourceVersionOf(e.object);
        return;
    case T::Error:
        if (e.isExpired()) {
            m_expired = true;
            m_watchError = makeError(
                QCoreApplication::translate("ResourceWatcher", "The watch of %1 expired (410 Gone: %2).").arg(m_resource, e.errorMessage()),
                reconnectHint(), QStringLiteral("kube.expired"));
        } else {
            m_watchError = makeError(
                QCoreApplication::translate("ResourceWatcher", "The API ended the watch of %1: %2").arg(m_resource, e.errorMessage()),
                reconnectHint(), QStringLiteral("kube.watch-error"));
        }
        return;
    }
}

void ResourceWatcher::queue(int op, const QJsonObject &object)
{
    const QString key = objectKey(object);
    auto it = m_pending.find(key);
    if (it == m_pending.end()) {
        m_pending.insert(key, Pending{op, object});
        m_pendingOrder << key;
    } else {
        const int prev = it->op;
        int next = op;
        if (prev == OpAdded && op == OpModified)
            next = OpAdded;
        else if (prev == OpAdded && op == OpDeleted)
            next = 0; // came and went within one batch: nothing to tell
        else if (prev == OpDeleted && op != OpDeleted)
            next = OpModified;
        else if (prev == 0)
            next = op;
        it->op = next;
        it->object = object;
    }
    if (!m_batchTimer.isActive())
        m_batchTimer.start();
}

void ResourceWatcher::flush(bool initial)
{
    m_batchTimer.stop();
    m_sinceFlush.start();
    WatchBatch b;
    b.generation = m_generation;
    b.initial = initial;
    for (const QString &key : std::as_const(m_pendingOrder)) {
        auto it = m_pending.constFind(key);
        if (it == m_pending.cend())
            continue;
        switch (it->op) {
        case OpAdded:
            b.added << it->object;
            break;
        case OpModified:
            b.modified << it->object;
            break;
        case OpDeleted:
            b.deleted << it->object;
            break;
        default:
            break;
        }
        m_pending.erase(it);
    }
    m_pending.clear();
    m_pendingOrder.clear();
    if (initial || !b.isEmpty())
        emit changed(b);
}

void ResourceWatcher::onWatchFinished(quint64 gen, const ssh::ExitInfo &exit)
{
    if (gen != m_generation)
        return;
    m_channel = nullptr;
    m_stableTimer.stop();
    drain(gen, true);
    flush();
    const Result<void> tail = m_parser.finish();
    // Checked first: a stream cut mid-object also makes kubectl fail, less precisely.
    if (!tail.ok()) {
        broke(makeError(
                  QCoreApplication::translate("ResourceWatcher", "The watch of %1 was cut off mid-object (truncated JSON).").arg(m_resource),
                  reconnectHint(), QStringLiteral("kube.truncated")),
              true);
        return;
    }
    if (std::optional<Error> err = remote::kubectlExitError(exit, m_watchStderr)) {
        if (err->hint.isEmpty())
            err->hint = reconnectHint();
        broke(*err, true);
        return;
    }
    if (m_watchError) {
        broke(*m_watchError, true);
        return;
    }
    const qint64 lived = m_watchStartedAt.msecsTo(QDateTime::currentDateTimeUtc());
    if (lived >= m_stableAfterMs && !m_resourceVersion.isEmpty()) {
        // The API closes long watches on purpose: carry on from where it stopped.
        qCDebug(lcKube) << "watch of" << m_resource << "ended after" << lived << "ms; resuming";
        watchFrom(m_resourceVersion);
        return;
    }
    broke(makeError(QCoreApplication::translate("ResourceWatcher", "The watch of %1 ended unexpectedly.").arg(m_resource), reconnectHint(),
                    QStringLiteral("kube.watch-ended")),
          true);
}

void ResourceWatcher::broke(const Error &why, bool relist)
{
    Q_UNUSED(relist); // every recovery lists again: only a list can tell what was deleted meanwhile
    dropWatch();
    m_listing = false;
    m_lastError = why;
    if (m_state == State::Live || !m_staleSince.isValid())
        m_staleSince = m_listedOnce ? QDateTime::currentDateTimeUtc() : QDateTime();
    qCInfo(lcKube) << "watch of" << m_resource << "broke:" << why.code << why.message << "retry in"
                   << m_backoffMs << "ms";
    setState(needsUser(why.code) ? State::Failed : State::Reconnecting, why);
    scheduleRetry();
}

void ResourceWatcher::retryNowIfWaiting()
{
    if (!m_retryTimer.isActive() || m_paused)
        return;
    qCInfo(lcKube) << "another command reached the API: retrying the watch of" << m_resource << "now";
    m_retryTimer.stop();
    m_backoffMs = m_backoffInitialMs;
    m_retryTimer.start(0);
}

void ResourceWatcher::scheduleRetry()
{
    if (m_paused) {
        m_retryWhenResumed = true;
        m_backoffMs = std::min(m_backoffMs * 2, m_backoffMaxMs);
        quiet();
        return;
    }
    m_retryTimer.start(m_backoffMs);
    m_backoffMs = std::min(m_backoffMs * 2, m_backoffMaxMs);
}

void ResourceWatcher::setState(State s, const Error &why)
{
    const bool same = s == m_state && why.message == m_lastError.message;
    m_state = s;
    if (s == State::Live)
        m_lastError = Error{};
    if (!same || s != State::Live)
        emit stateChanged(s, why);
}

void ResourceWatcher::dropWatch()
{
    m_stableTimer.stop();
    if (ssh::SshChannel *ch = m_channel.data()) {
        m_channel = nullptr;
        disconnect(ch, nullptr, this, nullptr);
        ch->stop();
        if (ch->isFinished())
            ch->deleteLater();
        else
            connect(ch, &ssh::SshChannel::finished, ch, &QObject::deleteLater, Qt::UniqueConnection);
    }
}

} // namespace vigia::kube
