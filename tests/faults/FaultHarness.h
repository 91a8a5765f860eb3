#pragma once
// What every fault case of vigia-faults needs: the app's own Session on a sandbox, a check that
// its pods view is live (a pod touched on the server shows up), a log follower that resumes like
// the Logs page and counts the numbered lines (seq=N) it missed or got twice, and the count of
// remote processes left behind. One report line per case.
#include "Sandbox.h"
#include "logs/LogBuffer.h"
#include "logs/LogStream.h"
#include "session/Session.h"

#include <QElapsedTimer>
#include <QObject>
#include <QSet>
#include <memory>

namespace vigia::faults {

struct FaultReport {
    QString name;
    bool survived = false;
    qint64 lost = 0;
    QString lostUnit = QStringLiteral("lines");
    double recoveredSec = -1; // -1: not applicable (the fault does not end by itself)
    QString message;          // what the app said while the fault lasted
    QString why;              // when not survived: which check failed
    QString line() const;
};

// Follows one pod's log through the Session's runner, resuming after each drop from the last
// timestamp seen (as the Logs page does), and checks the sandbox's numbered lines.
class LogFollower : public QObject {
public:
    LogFollower(session::Session *session, const QString &ns, const QString &pod);
    void start();
    qint64 highestSeq() const { return m_highest; }
    qint64 missing() const;           // seq numbers skipped between the first and the highest
    qint64 duplicates() const { return m_duplicates; }
    qint64 lines() const { return m_seen.size(); }
    const logs::LogBuffer &buffer() const { return m_buffer; }

private:
    void scan();
    session::Session *m_session;
    logs::LogBuffer m_buffer;
    logs::LogStream m_stream;
    logs::LogRequest m_request;
    int m_scanned = 0;
    QSet<qint64> m_seen;
    qint64 m_lowest = -1;
    qint64 m_highest = -1;
    qint64 m_duplicates = 0;
};

class FaultHarness {
public:
    explicit FaultHarness(test::Sandbox &sb) : m_sb(sb) {}

    // A Session on the sandbox with a quick keepalive (a silent peer is noticed in seconds).
    std::unique_ptr<session::Session> connect(const ssh::SshTarget &target, QString *error);
    // Touches a pod on the server until the Session shows the change; false after timeoutMs.
    bool waitLive(session::Session &s, int timeoutMs);
    // The Session's pods against the server's: pods missing from the view once it is live.
    int podsMissing(session::Session &s);
    // kubectl processes below the sandbox's sshd (watches, logs -f); waits up to waitMs for 0.
    int remoteKubectlAfter(int waitMs);
    // A pod whose log streams steadily.
    QString loggingPod(session::Session &s, QString *ns);
    // A follower of that pod's log, started, with a few lines in already.
    std::unique_ptr<LogFollower> follow(session::Session &s, int warmUpMs);
    // The scheduler app's live database file in the sandbox's local-path storage.
    QString schedulerDatabase() const;
    test::Sandbox &sandbox() { return m_sb; }

private:
    test::Sandbox &m_sb;
};

// Runs the event loop for ms.
void pump(int ms);
// Waits for cond while running the event loop; false after timeoutMs.
bool waitFor(const std::function<bool()> &cond, int timeoutMs);

} // namespace vigia::faults
