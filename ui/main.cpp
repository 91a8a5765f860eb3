// Composition root: parse the command line, build the objects, show a window.
#include "Consoles.h"
#include "ThemeManager.h"
#include "Translations.h"
#include "actions/AuditLog.h"
#include "core/MetaTypes.h"
#include "kube/KubeMetaTypes.h"
#include "profiles/ProfileMetaTypes.h"
#include "profiles/ProfileStore.h"
#include "desktop/InstanceBridge.h"
#include "ssh/SshConfig.h"
#include "ssh/SshMetaTypes.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QIcon>
#include <QTextStream>
#include <memory>

namespace {
int fail(const QString &what, const vigia::Error &e)
{
    QTextStream err(stderr);
    err << "vigia: " << what << e.message << '\n';
    if (!e.hint.isEmpty())
        err << "  " << e.hint << '\n';
    return 2;
}
// The options, shared by the text-only path (--help, --version) and the GUI path.
struct Options {
    QCommandLineParser parser;
    // Built after Translations::install, so the texts come out in the user's language.
    QCommandLineOption readOnly{QStringLiteral("read-only"),
                                QCoreApplication::translate("main", "Never change anything on the server in this session.")};
    QCommandLineOption sshConfig{QStringLiteral("ssh-config"),
                                 QCoreApplication::translate("main", "Read this ssh config instead of ~/.ssh/config."),
                                 QCoreApplication::translate("main", "file")};
    QCommandLineOption knownHosts{QStringLiteral("known-hosts"),
                                  QCoreApplication::translate("main", "Check and record host keys in this file."),
                                  QCoreApplication::translate("main", "file")};
    QCommandLineOption hidden{QStringLiteral("hidden"),
                              QCoreApplication::translate("main", "Start hidden in the tray, watching the servers open last time (start at login).")};
    QCommandLineOption profiles{QStringLiteral("profiles"),
                                QCoreApplication::translate("main", "Keep server profiles in this INI file."),
                                QCoreApplication::translate("main", "file")};

    Options()
    {
        parser.setApplicationDescription(
            QCoreApplication::translate("main", "Vigía — a native console for a small K3s server, over SSH.\n\n"
                           "With no target, shows the saved servers. TARGET is a profile name,\n"
                           "an ~/.ssh/config alias, or [user@]host[:port]."));
        parser.addHelpOption();
        parser.addVersionOption();
        parser.addPositionalArgument(QStringLiteral("target"),
                                     QCoreApplication::translate("main", "Profile, ssh alias or [user@]host[:port]."),
                                     QCoreApplication::translate("main", "[NAME | [user@]host[:port]]"));
        parser.addOptions({readOnly, sshConfig, knownHosts, profiles, hidden});
    }
};

void setIdentity()
{
    QCoreApplication::setOrganizationName(QStringLiteral("vigia"));
    // ASCII for the settings path (~/.config/vigia/vigia.conf); the accent is for people.
    QCoreApplication::setApplicationName(QStringLiteral("vigia"));
    QCoreApplication::setApplicationVersion(QStringLiteral(VIGIA_VERSION));
}

bool wantsTextOnly(int argc, char **argv)
{
    for (int i = 1; i < argc; ++i) {
        const QByteArray a(argv[i]);
        if (a == "--help" || a == "-h" || a == "-?" || a == "--help-all" || a == "--version" || a == "-v")
            return true;
    }
    return false;
}
} // namespace

int main(int argc, char **argv)
{
    // --help and --version must work without a display (ssh sessions, CI).
    if (wantsTextOnly(argc, argv)) {
        QCoreApplication app(argc, argv);
        setIdentity();
        vigia::Translations::install(app);
        Options opts;
        opts.parser.process(app); // prints and exits
        return 0;
    }

    QApplication app(argc, argv);
    setIdentity();
    // The system's language, or the one chosen in Preferences (QSettings "ui/language").
    vigia::Translations::install(app);
    QApplication::setApplicationDisplayName(QStringLiteral("Vigía"));
    QApplication::setDesktopFileName(QStringLiteral("vigia"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/vigia/icons/vigia.svg")));
    // Light or dark from QSettings "ui/theme" or the desktop; before the first window is built.
    vigia::ThemeManager themes;
    // Each area registers its own types; the composition root knows them all.
    vigia::registerCoreMetaTypes();
    vigia::ssh::registerMetaTypes();
    vigia::kube::registerMetaTypes();
    vigia::profiles::registerMetaTypes();
    qRegisterMetaType<vigia::ResolvedTarget>();

    Options opts;
    QCommandLineParser &parser = opts.parser;
    const QCommandLineOption &readOnly = opts.readOnly;
    const QCommandLineOption &sshConfigOpt = opts.sshConfig;
    const QCommandLineOption &knownHostsOpt = opts.knownHosts;
    const QCommandLineOption &profilesOpt = opts.profiles;
    parser.process(app);

    const QStringList positional = parser.positionalArguments();
    if (positional.size() > 1)
        parser.showHelp(1);

    const QString sshConfigPath = parser.isSet(sshConfigOpt)
                                      ? QDir::current().absoluteFilePath(parser.value(sshConfigOpt))
                                      : vigia::ssh::SshConfig::defaultPath();
    vigia::Result<vigia::ssh::SshConfig> sshConfig = vigia::ssh::SshConfig::load(sshConfigPath);
    if (!sshConfig.ok())
        return fail(QString(), sshConfig.error());

    std::unique_ptr<vigia::ProfileStore> store =
        parser.isSet(profilesOpt) ? std::make_unique<vigia::ProfileStore>(parser.value(profilesOpt))
                                  : std::make_unique<vigia::ProfileStore>();

    const QString knownHosts = parser.isSet(knownHostsOpt)
                                   ? QDir::current().absoluteFilePath(parser.value(knownHostsOpt))
                                   : QString();

    // A second `vigia [NAME]` hands its target to the running instance and exits.
    vigia::desktop::InstanceBridge bridge(store->path());
    if (bridge.forward(positional))
        return 0;
    if (vigia::Result<void> listening = bridge.listen(); !listening.ok())
        QTextStream(stderr) << "vigia: " << listening.error().message << '\n';

    // One audit trail for every server and window; it needs the application name for its path.
    vigia::actions::AuditLog audit;
    if (vigia::Result<void> opened = audit.open(); !opened.ok())
        QTextStream(stderr) << "vigia: " << QCoreApplication::translate("main", "no audit trail: ")
                            << opened.error().message << '\n';

    vigia::Consoles consoles(store.get(), &audit, *sshConfig, sshConfigPath,
                             {parser.isSet(readOnly), knownHosts});
    QObject::connect(&bridge, &vigia::desktop::InstanceBridge::argumentsReceived, &consoles,
                     [&consoles](const QStringList &args) {
                         vigia::Error e;
                         if (!consoles.openSpec(args.value(0), &e))
                             QTextStream(stderr) << "vigia: " << e.message << '\n';
                     });
    // At login: the servers open last time, from the tray; with nothing to reopen the icon waits.
    if (parser.isSet(opts.hidden) && positional.isEmpty() &&
        (consoles.reopenLast(true) || consoles.tray()))
        return app.exec();
    vigia::Error error;
    if (!consoles.openSpec(positional.value(0), &error, parser.isSet(opts.hidden)))
        return fail(QCoreApplication::translate("main", "cannot connect to %1: ").arg(positional.first()), error);
    return app.exec();
}
