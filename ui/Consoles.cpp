#include "Consoles.h"

#include "ConnectWindow.h"
#include "ConnectionPrompter.h"
#include "MainWindow.h"
#include "TrayIcon.h"
#include "WindowStateKeeper.h"
#include "desktop/DesktopNotifier.h"
#include "session/IncidentTracker.h"
#include "session/Session.h"

#include <QAction>
#include <QApplication>
#include <QSettings>
#include <QTimer>
#include <QTabWidget>
#include <QTextStream>
#include <QToolBar>

namespace vigia {

Consoles::Consoles(ProfileStore *store, actions::AuditLog *audit, const ssh::SshConfig &sshConfig,
                   const QString &sshConfigPath, const Options &options, QObject *parent)
    : QObject(parent), m_store(store), m_audit(audit), m_sshConfig(sshConfig), m_sshConfigPath(sshConfigPath),
      m_options(options)
{
    if (m_options.trayAllowed && ui::TrayIcon::available() &&
        QSettings().value(QStringLiteral("ui/closeToTray"), true).toBool()) {
        m_tray = new ui::TrayIcon(this);
        // Hidden windows keep watching: the last one closed is not the end.
        qApp->setQuitOnLastWindowClosed(false);
        connect(m_tray, &ui::TrayIcon::openRequested, this, &Consoles::showAll);
        connect(m_tray, &ui::TrayIcon::quitRequested, qApp, &QCoreApplication::quit);
        connect(m_tray, &ui::TrayIcon::pauseToggled, this, [this](bool paused) {
            for (const QPointer<desktop::DesktopNotifier> &n : std::as_const(m_notifiers))
                if (n)
                    n->pauseUntil(paused ? QDateTime::currentDateTimeUtc().addSecs(3600) : QDateTime());
        });
    }
}

Consoles::~Consoles()
{
    // Windows first: each owns its session, which must end before the audit trail goes.
    // Quitting is not closing: the servers open now are the ones to watch next time.
    for (const QPointer<MainWindow> &w : std::as_const(m_windows))
        if (w)
            w->disconnect(this);
    for (const QPointer<MainWindow> &w : std::as_const(m_windows))
        delete w.data();
}

QList<MainWindow *> Consoles::windows() const
{
    QList<MainWindow *> out;
    for (const QPointer<MainWindow> &w : m_windows)
        if (w)
            out << w.data();
    return out;
}

void Consoles::showPicker()
{
    if (!m_picker) {
        m_picker = std::make_unique<ConnectWindow>(m_store, m_sshConfig, m_sshConfigPath);
        connect(m_picker.get(), &ConnectWindow::connectRequested, this, [this](const ResolvedTarget &t) {
            m_picker->hide();
            open(t);
        });
    }
    m_picker->reload();
    m_picker->show();
    m_picker->raise();
    m_picker->activateWindow();
}

bool Consoles::openSpec(const QString &spec, Error *error, bool hidden)
{
    if (spec.isEmpty()) {
        showPicker();
        return true;
    }
    Result<ResolvedTarget> resolved = m_store->resolveConnectSpec(spec, m_sshConfig);
    if (!resolved.ok()) {
        if (error)
            *error = resolved.error();
        return false;
    }
    open(resolved.value(), hidden);
    return true;
}

MainWindow *Consoles::open(ResolvedTarget resolved, bool hidden)
{
    if (m_options.forceReadOnly)
        resolved.profile.readOnly = true;
    if (!m_options.knownHostsPath.isEmpty())
        resolved.target.knownHostsPath = m_options.knownHostsPath;
    const QString key = resolved.profile.name;
    if (MainWindow *existing = m_windows.value(key)) {
        existing->show();
        existing->raise();
        existing->activateWindow();
        return existing;
    }
    m_seen.insert(key, resolved.profile);

    auto *session = new session::Session(m_audit);
    auto *window = new MainWindow(session);
    // The window owns its session: closing it ends this server's connection only.
    session->setParent(window);
    window->setAttribute(Qt::WA_DeleteOnClose);
    m_windows.insert(key, window);
    connect(window, &QObject::destroyed, this, [this, key] { m_windows.remove(key); });
    connect(window, &MainWindow::profileChanged, this, &Consoles::saveProfile);
    new ConnectionPrompter(session, window);
    // The layout is kept per profile; tests build windows without it, so their state
    // never depends on an earlier run's.
    auto *layoutKeeper =
        new ui::WindowStateKeeper(window, window->findChild<QTabWidget *>(QStringLiteral("viewTabs")));
    layoutKeeper->setProfile(key);

    // File → Connect to another server: the picker again; what it picks opens beside this one.
    auto *another = new QAction(tr("Connect to &another server…"), window);
    another->setObjectName(QStringLiteral("connectAnotherAction"));
    another->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N));
    connect(another, &QAction::triggered, this, &Consoles::showPicker);
    if (auto *toolbar = window->findChild<QToolBar *>(QStringLiteral("mainToolBar")))
        toolbar->insertAction(toolbar->actions().value(2), another);

    watch(window, session, key);
    if (!hidden || !m_tray) {
        window->show();
        window->raise();
    }
    session->start(resolved.profile, resolved.target);
    rememberOpen();
    return window;
}

void Consoles::watch(MainWindow *window, session::Session *session, const QString &name)
{
    window->setHidesOnClose(m_tray != nullptr);
    connect(window, &MainWindow::hiddenToBackground, this, [this] {
        // The first close says once what happened, so the window is not thought gone.
        QSettings settings;
        if (!m_tray || settings.value(QStringLiteral("ui/trayNoticeShown")).toBool())
            return;
        settings.setValue(QStringLiteral("ui/trayNoticeShown"), true);
        m_tray->showMessage(tr("Vigía keeps watching"),
                            tr("It tells you when something breaks. Quit from this icon's menu; "
                               "Preferences turns this off."),
                            false);
    });
    auto *notifier = new desktop::DesktopNotifier(QDBusConnection::sessionBus(), window);
    notifier->attach(session->incidents(), name);
    if (m_tray && m_tray->notificationsPaused())
        notifier->pauseUntil(QDateTime::currentDateTimeUtc().addSecs(3600));
    m_notifiers << notifier;
    connect(notifier, &desktop::DesktopNotifier::openRequested, window, [window](const session::Incident &i) {
        if (i.what.objectKind == QLatin1String("Pod"))
            window->showPod(i.what.ns, i.what.name);
        else {
            window->show();
            window->raise();
            window->activateWindow();
        }
    });
    connect(notifier, &desktop::DesktopNotifier::fallbackRequested, this,
            [this](const QString &title, const QString &body, session::Urgency urgency) {
                if (m_tray)
                    m_tray->showMessage(title, body, urgency == session::Urgency::Critical);
            });
    for (auto sig : {&session::IncidentTracker::opened, &session::IncidentTracker::resolved,
                     &session::IncidentTracker::updated})
        connect(session->incidents(), sig, this, &Consoles::updateTray);
    connect(session, &session::Session::phaseChanged, this, &Consoles::updateTray);
    connect(window, &QObject::destroyed, this, [this] {
        QTimer::singleShot(0, this, [this] {
            updateTray();
            rememberOpen();
        });
    });
}

void Consoles::updateTray()
{
    if (!m_tray)
        return;
    Severity worst = Severity::Ok;
    QStringList lines;
    for (MainWindow *w : windows()) {
        session::Session *s = w->session();
        const QList<session::Incident> open = s->incidents()->openIncidents();
        Severity sev = Severity::Ok;
        if (s->phase() == session::Session::Phase::Lost || s->phase() == session::Session::Phase::Failed)
            sev = Severity::Error;
        for (const session::Incident &i : open)
            sev = std::min(sev, session::urgencyOf(i.what.reason) == session::Urgency::Critical ? Severity::Error
                                                                                              : Severity::Warning);
        worst = std::min(worst, sev);
        lines << (open.isEmpty() ? tr("%1: %2").arg(s->profile().name, session::Session::phaseName(s->phase()))
                                 : tr("%1: %n problem(s)", nullptr, int(open.size())).arg(s->profile().name));
    }
    m_tray->setState(worst, lines.isEmpty() ? tr("Vigía") : lines.join(QLatin1Char('\n')));
}

void Consoles::showAll()
{
    const QList<MainWindow *> all = windows();
    if (all.isEmpty()) {
        showPicker();
        return;
    }
    for (MainWindow *w : all) {
        w->show();
        w->raise();
        w->activateWindow();
    }
}

void Consoles::rememberOpen()
{
    // What `vigia --hidden` (start at login) watches next time: the profiles open now.
    QStringList names;
    for (auto it = m_windows.cbegin(); it != m_windows.cend(); ++it)
        if (it.value() && m_store->find(it.key()))
            names << it.key();
    names.sort();
    QSettings().setValue(QStringLiteral("consoles/open"), names);
}

bool Consoles::reopenLast(bool hidden)
{
    bool any = false;
    for (const QString &name : QSettings().value(QStringLiteral("consoles/open")).toStringList()) {
        Result<ResolvedTarget> resolved = m_store->resolveConnectSpec(name, m_sshConfig);
        if (!resolved.ok())
            continue;
        open(resolved.value(), hidden);
        any = true;
    }
    return any;
}

void Consoles::saveProfile(const Profile &p)
{
    // Profiles from the store get the fields this window changed, onto a fresh read
    // (another instance may have changed others); an ssh-config alias opened directly
    // keeps the choice for this session only.
    if (!m_store->find(p.name))
        return;
    const Profile before = m_seen.value(p.name, p);
    if (Result<void> r = m_store->applyChanges(before, p); !r.ok())
        QTextStream(stderr) << "vigia: " << r.error().message << '\n';
    m_seen.insert(p.name, p);
}

} // namespace vigia
