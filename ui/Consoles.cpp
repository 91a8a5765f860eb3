#include "Consoles.h"

#include "ConnectWindow.h"
#include "ConnectionPrompter.h"
#include "MainWindow.h"
#include "WindowStateKeeper.h"
#include "session/Session.h"

#include <QAction>
#include <QTabWidget>
#include <QTextStream>
#include <QToolBar>

namespace vigia {

Consoles::Consoles(ProfileStore *store, actions::AuditLog *audit, const ssh::SshConfig &sshConfig,
                   const QString &sshConfigPath, const Options &options, QObject *parent)
    : QObject(parent), m_store(store), m_audit(audit), m_sshConfig(sshConfig), m_sshConfigPath(sshConfigPath),
      m_options(options)
{
}

Consoles::~Consoles()
{
    // Windows first: each owns its session, which must end before the audit trail goes.
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

bool Consoles::openSpec(const QString &spec, Error *error)
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
    open(resolved.value());
    return true;
}

MainWindow *Consoles::open(ResolvedTarget resolved)
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

    window->show();
    window->raise();
    session->start(resolved.profile, resolved.target);
    return window;
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
