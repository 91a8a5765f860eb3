#pragma once
// Incidents over time for one Session: a condition the rules see becomes an
// incident (at once, or once it has lasted 2 minutes for Pending, missing
// replicas and an unreachable server), is updated in place while it lasts,
// and is resolved when it heals. While the server is unreachable nothing else
// is resolved: the pods' last state is not news either way.
//
// Noise: what is found in the first 30 s after connecting comes as one summary.
#include "session/IncidentRules.h"

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QTimer>

namespace vigia::session {

class Session;

struct Incident {
    quint64 id = 0; // unique in this process
    IncidentCandidate what;
    QDateTime began;    // when the condition began (the API's time, else first seen)
    QDateTime resolved; // invalid while open
    qint64 durationSecs(const QDateTime &now) const;
};

class IncidentTracker : public QObject {
    Q_OBJECT
public:
    static constexpr int kSummaryWindowSecs = 30;

    explicit IncidentTracker(QObject *parent = nullptr);

    // Evaluates the session's state as it changes (pods, rounds, samples, phases).
    void attach(Session *session);
    // The rules' input at this moment; public for tests.
    void evaluate(const ServerState &state, const QDateTime &now);
    // The connection came up at this time: a summary window starts.
    void connectedAt(const QDateTime &now);
    void setSummaryWindowSecs(int secs) { m_summaryWindowSecs = secs; }
    void setHealingSecs(int secs) { m_healingSecs = secs; }

    QList<Incident> openIncidents() const;
    static ServerState stateOf(const Session &session);

signals:
    void opened(const vigia::session::Incident &incident);
    void updated(const vigia::session::Incident &incident);
    void resolved(const vigia::session::Incident &incident);
    // Incidents found in the first 30 s after connecting, as one (they are open too).
    void summarized(const QList<vigia::session::Incident> &incidents);

private:
    void scheduleEvaluation();
    void flushSummary();

    QPointer<Session> m_session;
    QHash<QString, Incident> m_open;     // by key
    QHash<QString, QDateTime> m_seen;    // conditions waiting to last, by key: since when
    QHash<QString, QDateTime> m_healing; // open incidents whose condition is gone: since when
    QList<Incident> m_summary;           // held during the summary window
    QDateTime m_summaryUntil;
    quint64 m_nextId = 1;
    int m_summaryWindowSecs = kSummaryWindowSecs;
    int m_healingSecs = kHealingSecs;
    QDateTime m_lostSince;
    QTimer m_tick;
    QTimer m_coalesce;
};

} // namespace vigia::session

Q_DECLARE_METATYPE(vigia::session::Incident)
