#pragma once
// Where K3s's own log is read from, decided without a widget. K3s logs to the
// systemd journal when it runs as a unit, and to /var/log/k3s.log when started
// by hand or by some installers; which of them the SSH user may read varies.
// So the ways are tried in order, each with a cheap probe, and the first one
// that shows a line is followed. The probes' outcomes come in from outside
// (LogPage runs them), so every fallback step is tested from recorded outcomes.
#include "ssh/SshTypes.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace vigia::logs {

// One way of reading the K3s log.
struct ServerLogCandidate {
    QString what;            // "journalctl -u k3s": named in the status line and the problems
    QStringList probeArgv;   // reads one line, to learn whether this way works
    QStringList streamArgv;  // follows the log
    // journalctl exits 0 with no output when the user may not read the unit's entries,
    // so for it only a line proves access; tail -n 1 of a readable file is proof enough.
    bool needsOutput = true;
};

// How one probe went, as it came back from the server.
struct ServerLogProbe {
    bool started = true;     // false: the command could not be started at all
    ssh::ExitInfo exit;
    QByteArray out;
    QByteArray err;
};

class ServerLogSource {
public:
    // tailLines: how many earlier lines the stream starts with; -1 for all of them.
    explicit ServerLogSource(int tailLines = 1000);

    // The ways, in the order they are tried: journalctl, sudo -n journalctl, /var/log/k3s.log.
    static QList<ServerLogCandidate> candidates(int tailLines);

    int tailLines() const { return m_tail; }
    // The way to probe now; null once every way has failed.
    const ServerLogCandidate *current() const;
    bool exhausted() const { return current() == nullptr; }

    // Records how current()'s probe went. True: current() works, follow it. False: its
    // problem is recorded and the next way (if any) becomes current().
    bool recordProbe(const ServerLogProbe &probe);

    // One line per way that failed: "journalctl -u k3s: No journal files were found."
    QStringList problems() const { return m_problems; }
    // What the user can do when no way works (shown under the problems).
    static QString fixAdvice();

private:
    int m_tail = 1000;
    QList<ServerLogCandidate> m_candidates;
    int m_step = 0;
    QStringList m_problems;
};

} // namespace vigia::logs
