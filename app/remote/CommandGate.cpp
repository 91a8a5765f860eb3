#include "remote/CommandGate.h"

#include "core/ShellQuote.h"
#include "remote/ReadOnlyGate.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QHash>
#include <QMutex>
#include <QRegularExpression>

namespace vigia::remote {

namespace {

struct DeclaredScript {
    QString rule;
    bool sudoAllowed = false;
    CommandGate::ArgCheck check;
};

// Declared from static initialisers of several files, read from any thread.
QHash<QString, DeclaredScript> &scripts()
{
    static QHash<QString, DeclaredScript> s;
    return s;
}
QMutex &scriptsLock()
{
    static QMutex m;
    return m;
}

QString tr(const char *text)
{
    return QCoreApplication::translate("CommandGate", text);
}

// A reading command's words that would write, delete or run something after all.
bool findWrites(const QStringList &args)
{
    static const QStringList actions{QStringLiteral("-delete"),  QStringLiteral("-exec"),
                                     QStringLiteral("-execdir"), QStringLiteral("-ok"),
                                     QStringLiteral("-okdir"),   QStringLiteral("-fprint"),
                                     QStringLiteral("-fprint0"), QStringLiteral("-fprintf"),
                                     QStringLiteral("-fls")};
    for (const QString &a : args)
        if (actions.contains(a))
            return true;
    return false;
}

bool journalctlWrites(const QStringList &args)
{
    for (const QString &a : args) {
        const QString name = a.section(QLatin1Char('='), 0, 0);
        if (name == QLatin1String("--rotate") || name.startsWith(QLatin1String("--vacuum")) ||
            name == QLatin1String("--flush") || name == QLatin1String("--sync") ||
            name == QLatin1String("--relinquish-var") || name == QLatin1String("--smart-relinquish-var") ||
            name == QLatin1String("--setup-keys") || name == QLatin1String("--update-catalog"))
            return true;
    }
    return false;
}

} // namespace

bool CommandGate::declareScript(const QString &script, const QString &rule, bool sudoAllowed, ArgCheck check)
{
    QMutexLocker lock(&scriptsLock());
    scripts().insert(script, {rule, sudoAllowed, std::move(check)});
    return true;
}

bool CommandGate::isSnapshotTempDir(const QString &path)
{
    static const QRegularExpression re(QStringLiteral("^/[A-Za-z0-9._/-]*/vigia-snap\\.[A-Za-z0-9]+$"));
    return re.match(path).hasMatch() && !path.contains(QStringLiteral("/../")) &&
           !path.contains(QStringLiteral("/./"));
}

Result<QString> CommandGate::readOnlyRule(const QString &commandLine)
{
    const auto refuse = [&](const QString &why) -> Result<QString> {
        // The first words say which command; a script's text would bury the reason.
        const QString what = commandLine.section(QLatin1Char(' '), 0, 1).left(80);
        Error e = readOnlyRefusal(what);
        e.message += QStringLiteral(": ") + why;
        return e;
    };
    const std::optional<QStringList> split = splitCommandLine(commandLine);
    if (!split)
        return refuse(tr("it is not spelled by Vigía's own quoting"));
    QStringList argv = *split;

    bool sudo = false;
    if (argv.size() >= 2 && argv.at(0) == QLatin1String("sudo") && argv.at(1) == QLatin1String("-n")) {
        sudo = true;
        argv = argv.mid(2);
    }
    // env NAME=VALUE …: only kubectl is run with an environment (KubectlRunner::stream).
    bool withEnv = false;
    if (!argv.isEmpty() && argv.first() == QLatin1String("env")) {
        withEnv = true;
        argv.removeFirst();
        static const QRegularExpression assignment(QStringLiteral("^[A-Za-z_][A-Za-z0-9_]*="));
        while (!argv.isEmpty() && assignment.match(argv.first()).hasMatch())
            argv.removeFirst();
    }
    if (argv.isEmpty())
        return refuse(tr("it runs nothing"));

    const QString program = QFileInfo(argv.first()).fileName();
    // `k3s kubectl` is kubectl with one more word in front.
    const bool viaK3s = program == QLatin1String("k3s") && argv.value(1) == QLatin1String("kubectl");
    const QStringList rest = argv.mid(viaK3s ? 2 : 1);
    if (program == QLatin1String("kubectl") || viaK3s) {
        if (isMutatingKubectl(rest))
            return refuse(tr("kubectl with a verb or flag that can change the cluster"));
        return tr("kubectl with a read verb");
    }
    if (withEnv)
        return refuse(tr("only kubectl runs with an environment"));

    static const QStringList readers{QStringLiteral("cat"),  QStringLiteral("head"), QStringLiteral("tail"),
                                     QStringLiteral("stat"), QStringLiteral("df"),   QStringLiteral("id")};
    if (readers.contains(argv.first()))
        return tr("reads a file or a fact of the server");
    if (argv.first() == QLatin1String("find")) {
        if (findWrites(rest))
            return refuse(tr("find with an action that writes, deletes or runs something"));
        return tr("lists files");
    }
    if (argv.first() == QLatin1String("journalctl")) {
        if (journalctlWrites(rest))
            return refuse(tr("journalctl with a maintenance flag"));
        return tr("reads the journal");
    }
    if (argv.first() == QLatin1String("rm")) {
        if (rest.size() == 3 && rest.at(0) == QLatin1String("-rf") && rest.at(1) == QLatin1String("--") &&
            isSnapshotTempDir(rest.at(2)))
            return tr("removes Vigía's own temporary snapshot folder");
        return refuse(tr("it removes files"));
    }
    if (argv.first() == QLatin1String("sh") && rest.size() >= 2 && rest.first() == QLatin1String("-c")) {
        DeclaredScript declared;
        {
            QMutexLocker lock(&scriptsLock());
            const auto it = scripts().constFind(rest.at(1));
            if (it == scripts().constEnd())
                return refuse(tr("a script Vigía does not know as read-only"));
            declared = *it;
        }
        if (sudo && !declared.sudoAllowed)
            return refuse(tr("this script may not run under sudo"));
        if (declared.check && !declared.check(rest.mid(2)))
            return refuse(tr("its arguments are not the ones the rule allows"));
        return declared.rule;
    }
    return refuse(tr("a command Vigía does not know as read-only"));
}

std::optional<Error> CommandGate::readOnlyCheck(const QString &commandLine)
{
    Result<QString> r = readOnlyRule(commandLine);
    if (r)
        return std::nullopt;
    return r.error();
}

} // namespace vigia::remote
