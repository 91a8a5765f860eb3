#pragma once
// Turns a failed kubectl run into words a person can act on. Pure, so the
// texts kubectl, k3s, sudo and the shells really print can be unit-tested.
#include "core/Result.h"
#include "ssh/SshTypes.h"

#include <QByteArray>

namespace vigia::remote {

// Error codes (Error::code) set by classifyKubectlFailure:
//   kube.not-found            no kubectl / k3s / sudo on the server (exit 127, "command not found")
//   kube.kubeconfig-permission the kubeconfig (usually /etc/rancher/k3s/k3s.yaml) is not readable
//   kube.sudo-password        "sudo -n" needs a password
//   kube.sudo-denied          sudo refuses this user the command
//   kube.refused              the API server refuses connections (K3s down)
//   kube.no-kubeconfig        kubectl has no config and fell back to localhost:8080
//   kube.timeout              the API did not answer in time
//   kube.unauthorized / kube.forbidden / kube.server-error / kube.not-found-object
//   kube.killed               killed by a signal (exit 128+N)
//   kube.failed               anything else; the message carries kubectl's own words
Error classifyKubectlFailure(int exitCode, const QByteArray &stderrText);

// The outcome of one finished kubectl channel: nullopt when it succeeded,
// else the transport error, cancellation, deadline, signal or classified failure.
std::optional<Error> kubectlExitError(const ssh::ExitInfo &exit, const QByteArray &stderrText);

// How useful an error is for explaining why detection failed: when every
// candidate prefix fails, the highest-ranked error is the one shown.
int kubectlFailureRank(const Error &error);

// The last meaningful stderr line, trimmed and shortened, for messages.
QString lastErrorLine(const QByteArray &stderrText, int maxChars = 300);

} // namespace vigia::remote
