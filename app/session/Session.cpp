#include "session/Session.h"

#include "actions/ActionRunner.h"
#include "actions/AuditLog.h"
#include "metrics/Sampler.h"
#include "actions/CommandExecutor.h"
#include "core/Log.h"
#include "core/MetaTypes.h"
#include "db/CommandRunner.h"
#include "db/SnapshotPlanner.h"
#include "kube/ResourceWatcher.h"
#include "remote/CommandGate.h"
#include "remote/KubectlRunner.h"
#include "session/CapacityFeed.h"
#include "session/ClusterFeed.h"
#include "session/IncidentTracker.h"
#include "ssh/SshConnection.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>
#include <utility>

Q_LOGGING_CATEGORY(lcSession, "vigia.session", QtInfoMsg)

namespace vigia::session {

Session::Session(actions::AuditLog *audit, QObject *parent)
    : QObject(parent), m_audit(audit), m_retryTimer(new QTimer(this)), m_cluster(new ClusterFeed(this)),
      m_capacity(new CapacityFeed(this)), m_incidents(new IncidentTracker(this))
{
    registerCoreMetaTypes();
    qRegisterMetaType<vigia::session::Session::Phase>();
    m_retryTimer->setSingleShot(true);
    connect(m_retryTimer, &QTimer::timeout, this, &Session::beginConnection);
    connect(this, &Session::podListReceived, m_capacity, &CapacityFeed::takePodList);
    m_incidents->attach(this);
}

void Session::setForeground(bool foreground)
{
    if (foreground == m_foreground)
        return;
    m_foreground = foreground;
    qCInfo(lcSession) << (foreground ? "foreground: sampling again" : "background: pod watch and round only");
    m_capacity->setPaused(!foreground);
    if (!foreground)
        m_cluster->setEventsWanted(false, true);
}

Session::~Session()
{
    teardown();
}

QString Session::phaseName(Phase phase)
{
    switch (phase) {
    case Phase::Idle:
        return QCoreApplication::translate("Session", "Not connected");
    case Phase::Connecting:
        return QCoreApplication::translate("Session", "Connecting");
    case Phase::VerifyingHostKey:
        return QCoreApplication::translate("Session", "Verifying host key");
    case Phase::Authenticating:
        return QCoreApplication::translate("Session", "Authenticating");
    case Phase::DetectingKubectl:
        return QCoreApplication::translate("Session", "Looking for kubectl");
    case Phase::Loading:
        return QCoreApplication::translate("Session", "Loading pods");
    case Phase::Connected:
        return QCoreApplication::translate("Session", "Connected");
    case Phase::Lost:
        return QCoreApplication::translate("Session", "Connection lost");
    case Phase::Failed:
        return QCoreApplication::translate("Session", "Connection failed");
    }
    return {};
}

bool Session::isBusy() const
{
    return m_phase == Phase::Connecting || m_phase == Phase::VerifyingHostKey ||
           m_phase == Phase::Authenticating || m_phase == Phase::DetectingKubectl || m_phase == Phase::Loading;
}

QString Session::serverText() const
{
    QString where = m_target.host.isEmpty() ? m_profile.host : m_target.host;
    if (!m_target.user.isEmpty())
        where = m_target.user + QLatin1Char('@') + where;
    if (m_target.port != 22)
        where += QStringLiteral(":%1").arg(m_target.port);
    return where;
}

ssh::SshConnection *Session::connection() const
{
    return m_connection;
}

remote::KubectlRunner *Session::runner() const
{
    return m_runner;
}

kube::ResourceWatcher *Session::podWatcher() const
{
    return m_watcher;
}

actions::ActionRunner *Session::actionRunner() const
{
    return m_actionRunner;
}

db::CommandRunner *Session::commandRunner() const
{
    return m_commandRunner;
}

std::optional<kube::PodInfo> Session::pod(const QString &key) const
{
    const auto it = m_pods.constFind(key);
    if (it == m_pods.cend())
        return std::nullopt;
    return *it;
}

void Session::setPhase(Phase phase, const QString &detail)
{
    if (m_phase == phase && m_detail == detail)
        return;
    m_phase = phase;
    m_detail = detail;
    qCDebug(lcSession) << "phase" << phaseName(phase) << detail;
    emit phaseChanged(phase, detail);
}

void Session::setStale(bool stale)
{
    // Stale pods stay for the reader, greyed, with the time they were fetched.
    if (stale && m_pods.isEmpty())
        stale = false;
    if (m_stale == stale)
        return;
    m_stale = stale;
    emit staleChanged(stale);
}

void Session::fail(Phase phase, const Error &error)
{
    m_lastError = error;
    setStale(true);
    setPhase(phase, error.message);
}

void Session::podsFailedWith(const Error &error)
{
    m_lastError = error;
    setStale(true);
    // The connection itself is fine: the header says connected, the banner says what failed.
    if (m_phase == Phase::Loading)
        setPhase(Phase::Connected);
    emit podsFailed(error);
}

void Session::teardown()
{
    const bool hadServices = m_runner || m_watcher;
    if (hadServices)
        emit servicesGone();
    m_cluster->detach(makeError(QCoreApplication::translate("Session", "Disconnected from the server."),
                                QCoreApplication::translate("Session", "Reconnect to see live data again."),
                                QStringLiteral("kube.no-connection")));
    m_capacity->detach();
    for (QObject *o : {static_cast<QObject *>(m_actionRunner.data()), static_cast<QObject *>(m_commandRunner.data())})
        if (o)
            o->deleteLater();
    m_actionRunner = nullptr;
    m_commandRunner = nullptr;
    if (m_watcher) {
        m_watcher->disconnect(this);
        m_watcher->stop();
        m_watcher->deleteLater();
        m_watcher = nullptr;
    }
    if (m_runner) {
        m_runner->disconnect(this);
        m_runner->deleteLater();
    }
    if (m_connection) {
        m_connection->disconnect(this);
        m_connection->close();
        m_connection->deleteLater();
    }
    m_runner = nullptr;
    m_connection = nullptr;
}

void Session::scheduleRetry()
{
    // 2, 4, 8 … 60 s: quick after a blip, gentle on a server that is down for a while.
    const int delaySec = std::min(60, 2 << std::min(m_retryAttempt, 5));
    ++m_retryAttempt;
    m_nextRetryAt = QDateTime::currentDateTime().addSecs(delaySec);
    m_retryTimer->start(delaySec * 1000);
    qCInfo(lcSession) << "reconnecting in" << delaySec << "s (attempt" << m_retryAttempt << ")";
}

void Session::start(const Profile &profile, const ssh::SshTarget &target)
{
    // A start by the user ends any automatic retrying; the retry timer calls beginConnection().
    m_retryTimer->stop();
    m_retryAttempt = 0;
    m_nextRetryAt = {};
    // A different server: its pods must not be shown as this one's.
    if (profile.name != m_profile.name || target.host != m_target.host || target.port != m_target.port) {
        m_pods.clear();
        m_podObjects.clear();
        m_lastUpdated = {};
        setStale(false);
        emit podsReset();
    }
    m_profile = profile;
    m_target = target;
    // One tag for all of this Session's connections: a reconnect ends what the previous one left.
    m_target.clientTag = m_clientTag;
    beginConnection();
}

void Session::beginConnection()
{
    m_nextRetryAt = {};
    teardown();
    m_prefix.clear();
    // While retrying, the last error stays (the banner keeps saying what happened).
    if (m_retryAttempt == 0)
        m_lastError = {};
    m_capacity->open(m_profile.name, m_profile.ramBudgetBytes);
    emit starting(m_profile);

    auto *conn = new ssh::SshConnection(this);
    m_connection = conn;
    // Read-only is enforced for every remote command, whichever layer builds it.
    if (m_profile.readOnly)
        conn->setCommandGate(&remote::CommandGate::readOnlyCheck);
    wireConnection(conn);

    auto *runner = new remote::KubectlRunner(conn, this);
    runner->setReadOnly(m_profile.readOnly);
    m_runner = runner;
    connect(runner, &remote::KubectlRunner::probed, this, [this](const QByteArray &out) { m_probeList = out; });
    connect(runner, &remote::KubectlRunner::detected, this, [this](const QStringList &prefix) {
        m_retryAttempt = 0;
        m_prefix = prefix;
        setPhase(Phase::Loading, prefix.join(QLatin1Char(' ')));
        // The watcher first: the round paces its kubectl runs around the resident watch.
        startWatcher();
        startServices();
        emit ready();
    });
    connect(runner, &remote::KubectlRunner::detectionFailed, this,
            [this](const Error &e) { fail(Phase::Failed, e); });

    setPhase(Phase::Connecting, m_target.host);
    conn->open(m_target);
}

void Session::wireConnection(ssh::SshConnection *conn)
{
    connect(conn, &ssh::SshConnection::stateChanged, this, [this](ssh::SessionState state, const QString &detail) {
        switch (state) {
        case ssh::SessionState::Connecting:
            setPhase(Phase::Connecting, detail);
            break;
        case ssh::SessionState::VerifyingHostKey:
            setPhase(Phase::VerifyingHostKey, detail);
            break;
        case ssh::SessionState::Authenticating:
            setPhase(Phase::Authenticating, detail);
            break;
        default: // Connected/Lost/Failed arrive with their own signals and data.
            break;
        }
    });
    connect(conn, &ssh::SshConnection::hostKeyUnknown, this, &Session::hostKeyUnknown);
    connect(conn, &ssh::SshConnection::hostKeyMismatch, this, &Session::hostKeyMismatch);
    connect(conn, &ssh::SshConnection::passphraseRequired, this, &Session::passphraseRequired);
    connect(conn, &ssh::SshConnection::failed, this, [this](const Error &e) {
        // While reconnecting, a server still down (refused, timeout, unreachable) is tried
        // again later; a refused key or host key needs the user.
        const bool network = e.code.startsWith(QLatin1String("net.")) || e.code.startsWith(QLatin1String("conn.")) ||
                             e.code == QLatin1String("ssh.handshake");
        if (m_retryAttempt > 0 && network) {
            scheduleRetry();
            fail(Phase::Lost, e);
            return;
        }
        m_retryAttempt = 0;
        fail(Phase::Failed, e);
    });
    connect(conn, &ssh::SshConnection::lost, this, [this](const Error &e) {
        scheduleRetry();
        fail(Phase::Lost, e);
    });
    connect(conn, &ssh::SshConnection::connected, this, [this] {
        emit authenticated();
        sweepStaleSnapshots();
        setPhase(Phase::DetectingKubectl);
        m_probeList.clear();
        // The probe is the pod watcher's own list: detection and the first table
        // cost one kubectl start, not two.
        m_runner->detect(m_profile.kubectlOverride,
                         kube::ResourceWatcher::listArgs() << QStringLiteral("--request-timeout=30s"));
    });
}

void Session::sweepStaleSnapshots()
{
    // A snapshot cut off with its connection may have left its copy in the SSH user's temp
    // folder; the snapshot's own trap removes it when its process is ended, and this catches
    // what a killed shell could not (only this user's folders, older than two hours).
    ssh::ExecOptions opts;
    opts.timeoutMs = 15000;
    ssh::SshChannel *ch = m_connection->exec(db::SnapshotPlanner::sweepStaleCommand(), opts);
    connect(ch, &ssh::SshChannel::finished, ch, &QObject::deleteLater);
}

void Session::startServices()
{
    // The round takes turns with the resident pod watch (one kubectl at a time).
    m_cluster->attach(m_runner, m_watcher);
    m_capacity->attach(m_connection, m_prefix, m_profile.sampleIntervalSec * 1000, m_cluster);
    // Actions: one executor and one runner per connection; they die with it.
    auto *exec = new actions::KubectlExecutor(m_runner, m_runner);
    auto *actionRunner = new actions::ActionRunner(exec, m_audit, m_runner);
    actionRunner->setReadOnly(m_profile.readOnly);
    m_actionRunner = actionRunner;
    // After an action the pod list is fetched again (the watch would bring it too, later).
    connect(actionRunner, &actions::ActionRunner::actionFinished, this, &Session::refreshPods);
    m_commandRunner = new db::SshCommandRunner(m_connection, m_connection);
}

void Session::reconnect()
{
    start(m_profile, m_target);
}

void Session::disconnectFromHost()
{
    m_retryTimer->stop();
    m_retryAttempt = 0;
    m_nextRetryAt = {};
    teardown();
    setPhase(Phase::Idle);
}

void Session::refresh()
{
    refreshPods();
    // Refresh means now for everything shown, metrics-server included if it was missing.
    m_cluster->pollNow(true);
}

void Session::refreshPods()
{
    if (!m_runner || !m_runner->isReady())
        return;
    // One list, from the watcher: a relist is reconciled into the rows as a delta,
    // so the table keeps its selection while it is checked against the API.
    if (m_watcher)
        m_watcher->start();
    else
        startWatcher();
}

void Session::startWatcher()
{
    // The watcher's own list fills the first table (`kubectl get --raw
    // /api/v1/pods`: no discovery round trips, no printing, and it keeps the
    // resourceVersion the watch starts from), then ONE resident watch keeps it
    // live instead of polling: ~45 MB and no CPU on the server against ~14% of a
    // CPU for a get every 2 s.
    if (m_watcher || !m_runner || !m_runner->isReady())
        return;
    auto *watcher = new kube::ResourceWatcher(m_runner, QStringLiteral("pods"), QString(), this);
    m_watcher = watcher;
    connect(watcher, &kube::ResourceWatcher::changed, this, &Session::onWatchBatch);
    // Any other kubectl that gets through (the round, a log, a snapshot's discovery) proves the
    // API is back: the watch need not wait out its backoff.
    connect(m_runner, &remote::KubectlRunner::finished, watcher,
            [watcher](quint64, const Result<QByteArray> &r) {
                if (r)
                    watcher->retryNowIfWaiting();
            });
    connect(watcher, &kube::ResourceWatcher::stateChanged, this,
            [this](kube::ResourceWatcher::State state, const Error &why) {
                if (state == kube::ResourceWatcher::State::Live) {
                    if (m_stale) {
                        m_lastError = {};
                        setStale(false);
                        emit podsUpdated(m_lastUpdated);
                    }
                } else if (state == kube::ResourceWatcher::State::Reconnecting ||
                           state == kube::ResourceWatcher::State::Failed) {
                    if (m_phase == Phase::Connected || m_phase == Phase::Loading)
                        podsFailedWith(why);
                }
            });
    if (m_probeList.isEmpty())
        watcher->start();
    else
        watcher->startWithList(std::exchange(m_probeList, {}));
}

void Session::onWatchBatch(const kube::WatchBatch &batch)
{
    if (sender() != m_watcher)
        return;
    const kube::PodDelta delta = kube::toPodDelta(batch);
    QList<kube::PodInfo> removed = delta.deleted;
    if (batch.initial && !m_pods.isEmpty()) {
        // Pods from before this watcher (a reconnect to the same server) that its
        // list does not have: the new watcher never knew them, so it cannot say
        // they are gone.
        for (const kube::PodInfo &p : std::as_const(m_pods))
            if (!m_watcher->objects().contains(p.key()))
                removed << p;
    }
    for (const QJsonObject &o : batch.added)
        m_podObjects.insert(kube::objectKey(o), o);
    for (const QJsonObject &o : batch.modified)
        m_podObjects.insert(kube::objectKey(o), o);
    for (const kube::PodInfo &p : std::as_const(removed)) {
        m_pods.remove(p.key());
        m_podObjects.remove(p.key());
    }
    QList<kube::PodInfo> upserts = delta.added;
    upserts += delta.modified;
    for (const kube::PodInfo &p : std::as_const(upserts))
        m_pods.insert(p.key(), p);
    m_lastUpdated = QDateTime::currentDateTime();
    emit podsChanged(upserts, removed);
    if (batch.initial) {
        m_lastError = {};
        setStale(false);
        setPhase(Phase::Connected, m_prefix.join(QLatin1Char(' ')));
        // Requests and limits (capacity) read a pod list: the list just made, once
        // per (re)list, after this batch's rows have been painted.
        QTimer::singleShot(0, this, [this, gen = batch.generation] { emitPodList(gen); });
    }
    emit podsUpdated(m_lastUpdated);
}

void Session::emitPodList(quint64 generation)
{
    if (!m_watcher || m_watcher->generation() != generation)
        return;
    QJsonArray items;
    for (const QJsonObject &o : m_watcher->objects())
        items.append(o);
    emit podListReceived(QJsonDocument(QJsonObject{{QStringLiteral("kind"), QStringLiteral("PodList")},
                                                   {QStringLiteral("items"), items}})
                             .toJson(QJsonDocument::Compact));
}

void Session::answerHostKey(ssh::HostKeyDecision decision, const QString &fingerprint)
{
    if (m_connection)
        m_connection->answerHostKey(decision, fingerprint);
}

void Session::answerPassphrase(const QString &keyFile, const std::optional<QString> &passphrase)
{
    if (m_connection)
        m_connection->answerPassphrase(keyFile, passphrase);
}

} // namespace vigia::session
