#pragma once
// Keeps a live copy of one resource (pods by default) with the informer
// pattern over kubectl: one LIST (`kubectl get --raw <path>`, which keeps the
// list's resourceVersion that `-o json` drops), then ONE long-lived WATCH from
// that resourceVersion (`kubectl get --raw '<path>?watch=1&resourceVersion=RV'`,
// the same JSON-lines stream `kubectl get -w -o json --output-watch-events`
// prints, read with WatchStreamParser). Changes leave as coalesced batches at
// most every batchIntervalMs. When the watch ends (kubectl exits 0 on a dropped
// or truncated stream), reports ERROR 410 Expired, or kubectl fails (API refused,
// 500), it lists again and re-watches with exponential backoff (1 s doubling to
// 30 s, reset once a watch has stayed up). The last good objects stay in the
// store, stamped with the time they stopped being live, so the UI can say
// "stale since 03:12:04". Every run carries a generation token: output from an
// older run is dropped.
#include "core/Result.h"
#include "kube/Pod.h"
#include "kube/WatchStreamParser.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <functional>

namespace vigia::remote {
class KubectlRunner;
}
namespace vigia::ssh {
class SshChannel;
struct ExitInfo;
} // namespace vigia::ssh

namespace vigia::kube {

// One coalesced set of changes. Objects are the API's own (raw list items carry no "kind").
struct WatchBatch {
    quint64 generation = 0;
    bool initial = false; // the first batch after a (re)list: the store was reconciled with it
    QList<QJsonObject> added;
    QList<QJsonObject> modified;
    QList<QJsonObject> deleted; // the last state known of each deleted object
    bool isEmpty() const { return added.isEmpty() && modified.isEmpty() && deleted.isEmpty(); }
};

// The same batch as PodInfo rows (objects that do not parse are left out).
struct PodDelta {
    QList<PodInfo> added;
    QList<PodInfo> modified;
    QList<PodInfo> deleted;
};
PodDelta toPodDelta(const WatchBatch &batch);

// "namespace/name" (or "name" for cluster-scoped objects), the store's key.
QString objectKey(const QJsonObject &object);

class ResourceWatcher : public QObject {
    Q_OBJECT
public:
    enum class State {
        Idle,         // not started, or stopped
        Connecting,   // first list in flight, no data yet
        Live,         // watching; the data is current
        Reconnecting, // lost the watch; retrying, the data is stale since staleSince()
        Failed, // a failure retrying will not fix by itself (no kubectl, permissions); still retried slowly
    };
    Q_ENUM(State)

    // resource: pods, events, nodes, deployments, statefulsets, daemonsets, replicasets,
    // persistentvolumeclaims, services, configmaps. ns empty: all namespaces.
    explicit ResourceWatcher(remote::KubectlRunner *runner, const QString &resource = QStringLiteral("pods"),
                             const QString &ns = QString(), QObject *parent = nullptr);
    ~ResourceWatcher() override;

    void start();
    // start() with the list already made (the same `get --raw <apiPath()>`, e.g.
    // run as the kubectl detection probe): reconciled at once, then watched.
    void startWithList(const QByteArray &listJson);
    void stop();

    // Lets another kubectl run on the server without two resident Go processes
    // at once (the footprint budget, see ClusterPoller.h): the watch is dropped,
    // and whenQuiet runs once its remote kubectl is gone (at once when none runs;
    // after a list in flight has landed). resume() watches again from the same
    // resourceVersion, so changes made meanwhile arrive late, never lost (a 410
    // relists as usual). The data stays Live: a pause is seconds, not an outage.
    void pause(std::function<void()> whenQuiet = {});
    void resume();
    bool isPaused() const { return m_paused; }
    // Another kubectl command just got through to the API: a watch waiting out its backoff
    // after an outage retries now, so the view is live again within seconds of the API's
    // return instead of after up to the longest backoff.
    void retryNowIfWaiting();

    State state() const { return m_state; }
    Error lastError() const { return m_lastError; }       // why the last run broke (Reconnecting, Failed)
    QDateTime staleSince() const { return m_staleSince; } // invalid while Live
    QDateTime lastGoodAt() const { return m_lastGoodAt; } // when the data was last known current
    QDateTime reconnectingSince() const { return m_staleSince; }
    bool hasData() const { return m_listedOnce; }
    quint64 generation() const { return m_generation; }
    int nextRetryMs() const { return m_backoffMs; }

    const QHash<QString, QJsonObject> &objects() const { return m_store; }
    QJsonObject object(const QString &key) const { return m_store.value(key); }
    QList<PodInfo> pods() const; // the store parsed as pods

    // The remote path listed and watched ("/api/v1/pods"); empty with an unknown resource.
    QString apiPath() const { return m_path; }
    // The kubectl arguments of the list (`get --raw /api/v1/pods`); empty with an unknown resource.
    static QStringList listArgs(const QString &resource = QStringLiteral("pods"),
                                const QString &ns = QString());

    // For tests and benchmarks.
    void setBatchInterval(int ms) { m_batchTimer.setInterval(ms); }
    void setBackoff(int initialMs, int maxMs);
    void setStableAfter(int ms) { m_stableAfterMs = ms; }

    // A burst is parsed in slices of about this long, yielding to the event loop in
    // between, and goes out in batches of at most kMaxBatch objects: no long stall.
    static constexpr int kSliceMs = 6;
    static constexpr int kMaxBatch = 100;

signals:
    void changed(const vigia::kube::WatchBatch &batch);
    void stateChanged(vigia::kube::ResourceWatcher::State state, const vigia::Error &why);

private:
    void beginRun();
    void list();
    void onListed(quint64 token, const Result<QByteArray> &result);
    void applyList(const QByteArray &json);
    void watchFrom(const QString &resourceVersion);
    void onWatchChunk(quint64 gen, const QByteArray &chunk);
    void drain(quint64 gen, bool all);
    void onWatchFinished(quint64 gen, const ssh::ExitInfo &exit);
    void apply(const WatchEvent &event);
    void queue(int op, const QJsonObject &object);
    void flush(bool initial = false);
    void broke(const Error &why, bool relist);
    void scheduleRetry();
    void setState(State s, const Error &why = {});
    void dropWatch();
    void quiet();

    remote::KubectlRunner *m_runner;
    QString m_resource;
    QString m_ns;
    QString m_path;
    State m_state = State::Idle;
    Error m_lastError;
    QDateTime m_staleSince;
    QDateTime m_lastGoodAt;
    bool m_listedOnce = false;
    quint64 m_generation = 0;
    quint64 m_listToken = 0;
    bool m_listing = false;
    QString m_resourceVersion;
    QPointer<ssh::SshChannel> m_channel;
    WatchStreamParser m_parser;
    QByteArray m_watchStderr;
    QList<QByteArray> m_inbox; // watch chunks not parsed yet (parsed in time slices)
    qsizetype m_inboxPos = 0;  // how far into m_inbox.first() the parser is
    bool m_drainQueued = false;
    std::optional<Error> m_watchError; // an ERROR event or a parse problem in this watch
    bool m_expired = false;
    QDateTime m_watchStartedAt;
    QHash<QString, QJsonObject> m_store;
    // Pending changes since the last flush, coalesced per key.
    enum Op { OpAdded = 1, OpModified = 2, OpDeleted = 3 };
    struct Pending {
        int op;
        QJsonObject object;
    };
    QHash<QString, Pending> m_pending;
    QList<QString> m_pendingOrder;
    QTimer m_batchTimer;
    QElapsedTimer m_sinceFlush; // leading edge: a lone change goes out at once
    QTimer m_retryTimer;
    QTimer m_stableTimer;
    int m_backoffInitialMs = 1000;
    // 8 s at most: a list every 8 s while the API is down costs little (one kubectl start
    // each), and the view is back within 10 s of the API's return (vigia-faults api_refused).
    int m_backoffMaxMs = 8000;
    int m_backoffMs = 1000;
    int m_stableAfterMs = 10000;
    bool m_paused = false;
    bool m_retryWhenResumed = false;
    std::function<void()> m_onQuiet;
};

} // namespace vigia::kube

Q_DECLARE_METATYPE(vigia::kube::WatchBatch)
