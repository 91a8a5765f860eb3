#include "remote/ReadOnlyGate.h"

#include <QCoreApplication>

namespace vigia::remote {

// Flags of kubectl's that take their value as the next argument.
static bool flagTakesValue(const QString &flag)
{
    static const QStringList withValue{QStringLiteral("-n"),
                                       QStringLiteral("--namespace"),
                                       QStringLiteral("--context"),
                                       QStringLiteral("--kubeconfig"),
                                       QStringLiteral("--cluster"),
                                       QStringLiteral("--user"),
                                       QStringLiteral("-s"),
                                       QStringLiteral("--server"),
                                       QStringLiteral("--request-timeout"),
                                       QStringLiteral("--cache-dir"),
                                       QStringLiteral("-l"),
                                       QStringLiteral("--selector"),
                                       QStringLiteral("-o"),
                                       QStringLiteral("--output"),
                                       QStringLiteral("-c"),
                                       QStringLiteral("--container"),
                                       QStringLiteral("--as"),
                                       QStringLiteral("--token"),
                                       QStringLiteral("-v"),
                                       QStringLiteral("--field-selector"),
                                       QStringLiteral("--tail"),
                                       QStringLiteral("--since")};
    return withValue.contains(flag);
}

// kubectl's flags that take no value, as Vigía and a person at a terminal use them.
static bool flagIsBoolean(const QString &flag)
{
    static const QStringList booleans{QStringLiteral("-A"),          QStringLiteral("--all-namespaces"),
                                      QStringLiteral("-w"),          QStringLiteral("--watch"),
                                      QStringLiteral("--watch-only"), QStringLiteral("--output-watch-events"),
                                      QStringLiteral("-f"),          QStringLiteral("--follow"),
                                      QStringLiteral("-p"),          QStringLiteral("--previous"),
                                      QStringLiteral("--timestamps"), QStringLiteral("--no-headers"),
                                      QStringLiteral("--show-labels"), QStringLiteral("--help"),
                                      QStringLiteral("-h")};
    return booleans.contains(flag);
}

bool isMutatingKubectl(const QStringList &kubectlArgs)
{
    QStringList words;
    bool afterDashDash = false;
    // The verb (and for rollout, auth and config the word after it) decides. A flag before that
    // word which the gate does not know could take the next word as its value, or not, and so
    // hide the real verb ("--as-group get delete pod x" deletes): it counts as a change.
    const auto decided = [&words] {
        if (words.isEmpty())
            return false;
        const QString &v = words.first();
        return !(v == QLatin1String("rollout") || v == QLatin1String("auth") || v == QLatin1String("config"));
    };
    for (int i = 0; i < kubectlArgs.size(); ++i) {
        const QString &a = kubectlArgs.at(i);
        if (!afterDashDash && a == QLatin1String("--")) {
            afterDashDash = true;
            continue;
        }
        if (!afterDashDash && a.startsWith(QLatin1Char('-'))) {
            const qsizetype eq = a.indexOf(QLatin1Char('='));
            const QString name = eq < 0 ? a : a.left(eq);
            const bool known = flagTakesValue(name) || flagIsBoolean(name);
            if (!known && !decided())
                return true;
            if (eq < 0 && flagTakesValue(name))
                ++i;
            continue;
        }
        words << a;
        if (words.size() == 2)
            break;
    }
    if (words.isEmpty())
        return false; // "kubectl --help"
    static const QStringList readOnlyVerbs{
        QStringLiteral("get"),           QStringLiteral("describe"),     QStringLiteral("logs"),
        QStringLiteral("top"),           QStringLiteral("version"),      QStringLiteral("explain"),
        QStringLiteral("api-resources"), QStringLiteral("api-versions"), QStringLiteral("cluster-info"),
        QStringLiteral("events"),        QStringLiteral("wait"),         QStringLiteral("help")};
    const QString verb = words.at(0);
    if (readOnlyVerbs.contains(verb))
        return false;
    const QString sub = words.size() > 1 ? words.at(1) : QString();
    if (verb == QLatin1String("rollout"))
        return !(sub == QLatin1String("history") || sub == QLatin1String("status"));
    if (verb == QLatin1String("auth"))
        return sub != QLatin1String("can-i") && sub != QLatin1String("whoami");
    if (verb == QLatin1String("config"))
        return !(sub == QLatin1String("view") || sub == QLatin1String("current-context") ||
                 sub == QLatin1String("get-contexts"));
    // Everything else (apply, delete, scale, patch, edit, exec, cp, drain, ...)
    // and anything unknown counts as a change: the gate fails closed.
    return true;
}

Error readOnlyRefusal(const QString &what)
{
    return makeError(
        QCoreApplication::translate("ReadOnlyGate", "read-only profile: %1 refused").arg(what),
        QCoreApplication::translate("ReadOnlyGate", "This profile is read-only (profile setting or --read-only). Edit the profile "
                       "to allow changes."),
        QStringLiteral("action.read-only"));
}

} // namespace vigia::remote
