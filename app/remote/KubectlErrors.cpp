#include "remote/KubectlErrors.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QStringList>

namespace vigia::remote {

namespace {

const char *const kPermissionHintText = QT_TRANSLATE_NOOP(
    "KubectlErrors",
    "K3s writes /etc/rancher/k3s/k3s.yaml readable by root only. Either start K3s with "
    "--write-kubeconfig-mode 644 (or --write-kubeconfig-group), allow \"sudo -n k3s kubectl\" for this user "
    "(a NOPASSWD sudoers rule), or copy the kubeconfig to ~/.kube/config owned by this user and set the "
    "profile's kubectl command accordingly.");

QStringList meaningfulLines(const QByteArray &stderrText)
{
    QStringList lines;
    const QStringList all = QString::fromUtf8(stderrText).split(QLatin1Char('\n'));
    for (const QString &raw : all) {
        const QString l = raw.trimmed();
        if (!l.isEmpty())
            lines << l;
    }
    return lines;
}

} // namespace

QString lastErrorLine(const QByteArray &stderrText, int maxChars)
{
    const QStringList lines = meaningfulLines(stderrText);
    if (lines.isEmpty())
        return {};
    QString l = lines.last();
    if (l.size() > maxChars)
        l = l.left(maxChars - 1) + QChar(0x2026);
    return l;
}

Error classifyKubectlFailure(int exitCode, const QByteArray &stderrText)
{
    const QString text = QString::fromUtf8(stderrText);
    const QString last = lastErrorLine(stderrText);

    // Order matters: sudo speaks before the command it guards, and k3s prints a
    // WARN about the kubeconfig before the real error.
    if (text.contains(QLatin1String("sudo: a password is required")) ||
        text.contains(QLatin1String("sudo: a terminal is required")) ||
        text.contains(QLatin1String("no askpass program specified"))) {
        return makeError(
            QCoreApplication::translate("KubectlErrors", "sudo needs a password to run k3s kubectl."),
            QCoreApplication::translate("KubectlErrors", "Vigía runs \"sudo -n\" and cannot type a password. Add a sudoers rule such as "
                           "\"youruser ALL=(root) NOPASSWD: /usr/local/bin/k3s kubectl *\", or make "
                           "the kubeconfig readable (k3s --write-kubeconfig-mode 644)."),
            QStringLiteral("kube.sudo-password"));
    }
    if (text.contains(QLatin1String("is not allowed to execute")) ||
        text.contains(QLatin1String("is not in the sudoers file"))) {
        return makeError(QCoreApplication::translate("KubectlErrors", "sudo does not allow this user to run k3s kubectl: %1").arg(last),
                         QCoreApplication::translate("KubectlErrors", "Add a NOPASSWD sudoers rule for k3s kubectl, or make the kubeconfig "
                                        "readable (k3s --write-kubeconfig-mode 644)."),
                         QStringLiteral("kube.sudo-denied"));
    }

    static const QRegularExpression permRe(QStringLiteral(R"(open ([^\s:"]+): permission denied)"),
                                           QRegularExpression::CaseInsensitiveOption);
    if (const QRegularExpressionMatch m = permRe.match(text); m.hasMatch()) {
        const QString file = m.captured(1);
        return makeError(
            QCoreApplication::translate("KubectlErrors", "kubectl cannot read its kubeconfig %1: permission denied.").arg(file),
            QCoreApplication::translate("KubectlErrors", kPermissionHintText), QStringLiteral("kube.kubeconfig-permission"));
    }
    if (text.contains(QLatin1String("Unable to read /etc/rancher/k3s/k3s.yaml"))) {
        return makeError(QCoreApplication::translate("KubectlErrors", "kubectl cannot read /etc/rancher/k3s/k3s.yaml: permission denied."),
                         QCoreApplication::translate("KubectlErrors", kPermissionHintText), QStringLiteral("kube.kubeconfig-permission"));
    }

    const bool notFoundText = text.contains(QLatin1String("command not found")) ||
                              text.contains(QLatin1String(": not found")) ||
                              text.contains(QLatin1String("No such file or directory"));
    if (exitCode == 127 || (notFoundText && !text.contains(QLatin1String("Error from server")))) {
        static const QRegularExpression whichRe(QStringLiteral(R"(\b(kubectl|k3s|sudo)\b)"));
        const QRegularExpressionMatch m = whichRe.match(text);
        const QString what = m.hasMatch() ? m.captured(1) : QStringLiteral("kubectl");
        return makeError(
            QCoreApplication::translate("KubectlErrors", "%1 was not found on the server.").arg(what),
            QCoreApplication::translate("KubectlErrors", "Install K3s (it provides \"k3s kubectl\") or kubectl, make sure it is on the "
                           "PATH of non-interactive SSH sessions, or set the kubectl command in the "
                           "profile (for example /usr/local/bin/k3s kubectl)."),
            QStringLiteral("kube.not-found"));
    }

    static const QRegularExpression refusedRe(
        QStringLiteral(R"(The connection to the server (\S+) was refused)"));
    if (const QRegularExpressionMatch m = refusedRe.match(text); m.hasMatch()) {
        const QString server = m.captured(1);
        if (server == QLatin1String("localhost:8080") || server == QLatin1String("127.0.0.1:8080")) {
            return makeError(
                QCoreApplication::translate("KubectlErrors", "kubectl has no kubeconfig on the server (it tried localhost:8080)."),
                QCoreApplication::translate("KubectlErrors", "On K3s use \"k3s kubectl\", set KUBECONFIG=/etc/rancher/k3s/k3s.yaml, "
                               "or copy the kubeconfig to ~/.kube/config."),
                QStringLiteral("kube.no-kubeconfig"));
        }
        return makeError(
            QCoreApplication::translate("KubectlErrors", "The Kubernetes API at %1 refused the connection.").arg(server),
            QCoreApplication::translate("KubectlErrors", "K3s is not running or its API is not listening: check `systemctl status "
                           "k3s` and `journalctl -u k3s` on the server."),
            QStringLiteral("kube.refused"));
    }
    if (text.contains(QLatin1String("connect: connection refused"))) {
        return makeError(
            QCoreApplication::translate("KubectlErrors", "The Kubernetes API refused the connection."),
            QCoreApplication::translate("KubectlErrors", "K3s is not running or its API is not listening: check `systemctl status "
                           "k3s` and `journalctl -u k3s` on the server."),
            QStringLiteral("kube.refused"));
    }
    if (text.contains(QLatin1String("Client.Timeout exceeded")) ||
        text.contains(QLatin1String("i/o timeout")) ||
        text.contains(QLatin1String("context deadline exceeded")) ||
        text.contains(QLatin1String("TLS handshake timeout"))) {
        return makeError(
            QCoreApplication::translate("KubectlErrors", "The Kubernetes API did not answer in time."),
            QCoreApplication::translate("KubectlErrors", "The server may be overloaded or K3s may be starting: check `systemctl "
                           "status k3s` and the node's load."),
            QStringLiteral("kube.timeout"));
    }
    if (text.contains(QLatin1String("(Unauthorized)"))) {
        return makeError(
            QCoreApplication::translate("KubectlErrors", "The Kubernetes API rejected kubectl's credentials (Unauthorized)."),
            QCoreApplication::translate("KubectlErrors", "The kubeconfig's certificate or token is wrong or expired: copy a fresh "
                           "one from /etc/rancher/k3s/k3s.yaml."),
            QStringLiteral("kube.unauthorized"));
    }
    if (text.contains(QLatin1String("(Forbidden)"))) {
        return makeError(QCoreApplication::translate("KubectlErrors", "The Kubernetes API refused the request: %1").arg(last),
                         QCoreApplication::translate("KubectlErrors", "The kubeconfig's user lacks RBAC permission for this; use the admin "
                                        "kubeconfig of K3s or grant the role."),
                         QStringLiteral("kube.forbidden"));
    }
    if (text.contains(QLatin1String("(NotFound)"))) {
        return makeError(QCoreApplication::translate("KubectlErrors", "Not found: %1").arg(last), QString(),
                         QStringLiteral("kube.not-found-object"));
    }
    if (text.contains(QLatin1String("Error from server (InternalError)")) ||
        text.contains(QLatin1String("Error from server (ServiceUnavailable)")) ||
        text.contains(QLatin1String("an error on the server"))) {
        return makeError(QCoreApplication::translate("KubectlErrors", "The Kubernetes API failed: %1").arg(last),
                         QCoreApplication::translate("KubectlErrors", "Check the K3s logs: `journalctl -u k3s`."),
                         QStringLiteral("kube.server-error"));
    }
    if (exitCode > 128 && exitCode < 160 && last.isEmpty()) {
        return makeError(QCoreApplication::translate("KubectlErrors", "kubectl was killed (signal %1).").arg(exitCode - 128),
                         QCoreApplication::translate("KubectlErrors", "The server may be out of memory: check `dmesg` for the OOM killer."),
                         QStringLiteral("kube.killed"));
    }
    if (last.isEmpty())
        return makeError(QCoreApplication::translate("KubectlErrors", "kubectl failed with exit code %1 and no message.").arg(exitCode),
                         QString(), QStringLiteral("kube.failed"));
    return makeError(QCoreApplication::translate("KubectlErrors", "kubectl failed: %1").arg(last), QString(),
                     QStringLiteral("kube.failed"));
}

std::optional<Error> kubectlExitError(const ssh::ExitInfo &exit, const QByteArray &stderrText)
{
    if (exit.error)
        return *exit.error;
    if (exit.cancelled)
        return makeError(QCoreApplication::translate("KubectlErrors", "The kubectl command was cancelled."), QString(),
                         QStringLiteral("kube.cancelled"));
    if (exit.timedOut)
        return makeError(
            QCoreApplication::translate("KubectlErrors", "kubectl did not finish in time."),
            QCoreApplication::translate("KubectlErrors", "The server or its Kubernetes API is slow or stuck: check `systemctl status "
                           "k3s` and the node's load."),
            QStringLiteral("kube.timeout"));
    if (!exit.exitSignal.isEmpty()) {
        const QString last = lastErrorLine(stderrText);
        return makeError(
            QCoreApplication::translate("KubectlErrors", "kubectl was killed by signal %1%2")
                .arg(exit.exitSignal, last.isEmpty() ? QStringLiteral(".") : QStringLiteral(": ") + last),
            QCoreApplication::translate("KubectlErrors", "The server may be out of memory: check `dmesg` for the OOM killer."),
            QStringLiteral("kube.killed"));
    }
    if (!exit.exitCode)
        return makeError(QCoreApplication::translate("KubectlErrors", "kubectl ended without an exit status."), QString(),
                         QStringLiteral("kube.failed"));
    if (*exit.exitCode != 0)
        return classifyKubectlFailure(*exit.exitCode, stderrText);
    return std::nullopt;
}

int kubectlFailureRank(const Error &error)
{
    const QString &c = error.code;
    if (c == QLatin1String("kube.kubeconfig-permission"))
        return 50;
    if (c == QLatin1String("kube.refused") || c == QLatin1String("kube.timeout") ||
        c == QLatin1String("kube.unauthorized") || c == QLatin1String("kube.forbidden") ||
        c == QLatin1String("kube.server-error"))
        return 40;
    if (c == QLatin1String("kube.sudo-password") || c == QLatin1String("kube.sudo-denied"))
        return 30;
    if (c == QLatin1String("kube.failed") || c == QLatin1String("kube.killed"))
        return 20;
    if (c == QLatin1String("kube.no-kubeconfig"))
        return 10;
    return 0; // not found, or transport trouble
}

} // namespace vigia::remote
