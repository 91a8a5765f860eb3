#include "ConnectionController.h"

#include <algorithm>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include "kube/PodParser.h"
#include "remote/KubectlRunner.h"
#include "ssh/SshConnection.h"

#include <QLoggingCategory>
#include <QTimer>

#include <utility>

Q_LOGGING_CATEGORY(lcUiConn, "vigia.ui.connection", QtInfoMsg)

namespace vigia {

ConnectionController::ConnectionController(QObject *parent)
    : QObject(parent), m_retryTimer(new QTimer(this)), m_pods(new PodListModel(this))
{
    m_retryTimer->setSingleShot(true);
    connect(m_retryTimer, &QTimer::timeout, this, &ConnectionController::beginConnection);
}

ConnectionController::~ConnectionController()
{
    teardown();
}

QString ConnectionController::phaseName(Phase phase)
{
    switch (phase) {
    case Phase::Idle:
        return tr("Not connected");
    case Phase::Connecting:
        return tr("Connecting");
    case Phase::VerifyingHostKey:
        return tr("Verifying host key");
    case Phase::Authenticating:
        return tr("Authenticating");
    case Phase::DetectingKubectl:
        return tr("Looking for kubectl");
    case Phase::Loading:
        return tr("Loading pods");
    case Phase::Connected:
        return tr("Connected");
    case Phase::Lost:
        return tr("Connection lost");
    case Phase::Failed:
        return tr("Connection failed");
    }
    return {};
}

bool ConnectionController::isBusy() const
{
    return m_phase == Phase::Connecting || m_phase == Phase::VerifyingHostKey ||
           m_phase == Phase::Authenticating || m_phase == Phase::DetectingKubectl ||
           m_phase == Phase::Loading;
}

void ConnectionController::setPhase(Phase phase, const QString &detail)
{
    if (m_phase == phase && m_detail == detail)
        return;
    m_phase = phase;
    m_detail = detail;
    qCDebug(lcUiConn) << "phase" << phaseName(phase) << detail;
    emit phaseChanged(phase, detail);
}

void ConnectionController::markStale()
{
    // The rows stay for the reader, greyed, with the time they were fetched.
    if (m_pods->rowCount() > 0) {
        m_stale = true;
        m_pods->setStale(true);
    }
}

void ConnectionController::fail(Phase phase, const Error &error)
{
    m_lastError = error;
    markStale();
    setPhase(phase, error.message);
}

void ConnectionController::podsFailedWith(const Error &error)
{
    m_lastError = error;
    markStale();
    // The connection itself is fine: the header says connected, the banner says what failed.
    if (m_phase == Phase::Loading)
        setPhase(Phase::Connected);
    emit podsFailed(error);
}

void ConnectionController::teardown()
{
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

void ConnectionController::scheduleRetry()
{
    // 2, 4, 8 … 60 s: quick after a blip, gentle on a server that is down for a while.
    const int delaySec = std::min(60, 2 << std::min(m_retryAttempt, 5));
    ++m_retryAttempt;
    m_nextRetryAt = QDateTime::currentDateTime().addSecs(delaySec);
    m_retryTimer->start(delaySec * 1000);
    qCInfo(lcUiConn) << "reconnecting in" << delaySec << "s (attempt" << m_retryAttempt << ")";
}

void ConnectionController::start(const Profile &profile, const ssh::SshTarget &target)
{
    // A start by the user ends any automatic retrying; the retry timer calls beginConnection().
    m_retryTimer->stop();
    m_retryAttempt = 0;
    m_nextRetryAt = {};
    m_profile = profile;
    m_target = target;
    beginConnection();
}

void ConnectionController::beginConnection()
{
    const Profile profile = m_profile;
    const ssh::SshTarget target = m_target;
    m_nextRetryAt = {};
    teardown();
    // A different server: its pods must not be shown as this one's.
    if (profile.name != m_profile.name || target.host != m_target.host || target.port != m_target.port) {
        m_pods->setPods({});
        m_lastUpdated = {};
    }
    m_profile = profile;
    m_target = target;
    m_prefix.clear();
    // While retrying, the last error stays (the banner keeps saying what happened).
    if (m_retryAttempt == 0)
        m_lastError = {};
    emit starting(m_profile);

    auto *conn = new ssh::SshConnection(this);
    m_connection = conn;
    connect(conn, &ssh::SshConnection::stateChanged, this,
            [this](ssh::SessionState state, const QString &detail) {
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
                // Connected/Lost/Failed arrive with their own signals and data.
                default:
                    break;
                }
            });
    connect(conn, &ssh::SshConnection::hostKeyUnknown, this, &ConnectionController::hostKeyUnknown);
    connect(conn, &ssh::SshConnection::hostKeyMismatch, this, &ConnectionController::hostKeyMismatch);
    connect(conn, &ssh::SshConnection::passphraseRequired, this, &ConnectionController::passphraseRequired);
    connect(conn, &ssh::SshConnection::failed, this, [this](const Error &e) {
        // While reconnecting, a server still down (refused, timeout, unreachable) is tried
        // again later; a refused key or host key needs the user.
        const bool network = e.code.startsWith(QLatin1String("net.")) ||
                             e.code.startsWith(QLatin1String("conn.")) ||
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
        setPhase(Phase::DetectingKubectl);
        m_probeList.clear();
        // The probe is the pod watcher's own list: detection and the first table
        // cost one kubectl start, not two.
        m_runner->detect(m_profile.kubectlOverride, kube::ResourceWatcher::listArgs()
                                                        << QStringLiteral("--request-timeout=30s"));
    });

    auto *runner = new remote::KubectlRunner(conn, this);
    runner->setReadOnly(m_profile.readOnly);
    m_runner = runner;
    connect(runner, &remote::KubectlRunner::probed, this,
            [this](const QByteArray &out) { m_probeList = out; });
    connect(runner, &remote::KubectlRunner::detected, this, [this](const QStringList &prefix) {
        m_retryAttempt = 0;
        m_prefix = prefix;
        setPhase(Phase::Loading, prefix.join(QLatin1Char(' ')));
        // The watcher first: the views that start on transportReady may pace their
        // kubectl runs around its resident watch.
        startWatcher();
        emit transportReady(m_runner, m_connection);
    });
    connect(runner, &remote::KubectlRunner::detectionFailed, this,
            [this](const Error &e) { fail(Phase::Failed, e); });

    setPhase(Phase::Connecting, target.host);
    conn->open(target);
}

void ConnectionController::reconnect()
{
    start(m_profile, m_target);
}

void ConnectionController::disconnectFromHost()
{
    m_retryTimer->stop();
    m_retryAttempt = 0;
    m_nextRetryAt = {};
    teardown();
    setPhase(Phase::Idle);
}

void ConnectionController::refresh()
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

void ConnectionController::startWatcher()
{
    // The watcher's own list fills the first table (`kubectl get --raw
    // /api/v1/pods`: no discovery round trips, no printing, and it keeps the
    // resourceVersion the watch starts from), then ONE resident watch keeps it
    // live instead of polling: ~45 MB and no CPU on the server against ~14% of a
    // CPU for a get every 2 s. A separate `get pods` first would fetch the same
    // list twice.
    if (m_watcher || !m_runner || !m_runner->isReady())
        return;
    auto *watcher = new kube::ResourceWatcher(m_runner, QStringLiteral("pods"), QString(), this);
    m_watcher = watcher;
    connect(watcher, &kube::ResourceWatcher::changed, this, &ConnectionController::onWatchBatch);
    connect(watcher, &kube::ResourceWatcher::stateChanged, this,
            [this](kube::ResourceWatcher::State state, const Error &why) {
                if (state == kube::ResourceWatcher::State::Live) {
                    if (m_stale) {
                        m_stale = false;
                        m_lastError = {};
                        m_pods->setStale(false);
                        emit podsUpdated(m_lastUpdated);
                    }
                } else if (state == kube::ResourceWatcher::State::Reconnecting ||
                           state == kube::ResourceWatcher::State::Failed) {
                    if (m_phase == Phase::Connected || m_phase == Phase::Loading)
                        podsFailedWith(why);
                }
            });
    if (m_probeList.isEmpty()) {
        watcher->start();
    } else {
        watcher->startWithList(std::exchange(m_probeList, {}));
    }
}

void ConnectionController::onWatchBatch(const kube::WatchBatch &batch)
{
    if (sender() != m_watcher)
        return;
    const kube::PodDelta delta = kube::toPodDelta(batch);
    for (const QJsonObject &o : batch.added)
        m_podObjects.insert(kube::objectKey(o), o);
    for (const QJsonObject &o : batch.modified)
        m_podObjects.insert(kube::objectKey(o), o);
    for (const QJsonObject &o : batch.deleted)
        m_podObjects.remove(kube::objectKey(o));
    if (batch.initial && m_pods->rowCount() > 0) {
        // Rows from before this watcher (a reconnect to the same server) that its
        // list does not have: the new watcher never knew them, so it cannot say
        // they are gone.
        QList<kube::PodInfo> gone;
        for (const kube::PodInfo &p : m_pods->pods())
            if (!m_watcher->objects().contains(p.key()))
                gone << p;
        for (const kube::PodInfo &p : std::as_const(gone))
            m_podObjects.remove(p.key());
        m_pods->applyDelta({}, gone);
    }
    if (delta.modified.isEmpty())
        m_pods->applyDelta(delta.added, delta.deleted);
    else if (delta.added.isEmpty())
        m_pods->applyDelta(delta.modified, delta.deleted);
    else
        m_pods->applyDelta(delta.added + delta.modified, delta.deleted);
    m_lastUpdated = QDateTime::currentDateTime();
    if (batch.initial) {
        m_lastError = {};
        m_stale = false;
        m_pods->setStale(false);
        setPhase(Phase::Connected, m_prefix.join(QLatin1Char(' ')));
        // Requests and limits (capacity) read a pod list: the list just made, once
        // per (re)list, after this batch's rows have been painted.
        QTimer::singleShot(0, this, [this, gen = batch.generation] {
            if (!m_watcher || m_watcher->generation() != gen)
                return;
            QJsonArray items;
            for (const QJsonObject &o : m_watcher->objects())
                items.append(o);
            emit podListReceived(
                QJsonDocument(QJsonObject{{QStringLiteral("kind"), QStringLiteral("PodList")},
                                          {QStringLiteral("items"), items}})
                    .toJson(QJsonDocument::Compact));
        });
    }
    emit podsUpdated(m_lastUpdated);
}

void ConnectionController::answerHostKey(ssh::HostKeyDecision decision, const QString &fingerprint)
{
    if (m_connection)
        m_connection->answerHostKey(decision, fingerprint);
}

void ConnectionController::answerPassphrase(const QString &keyFile, const std::optional<QString> &passphrase)
{
    if (m_connection)
        m_connection->answerPassphrase(keyFile, passphrase);
}

} // namespace vigia
