#include "TrayIcon.h"

#include <QAction>
#include <QMenu>
#include <QSystemTrayIcon>
#include <QTimer>

namespace vigia::ui {

TrayIcon::TrayIcon(QObject *parent) : QObject(parent), m_icon(new QSystemTrayIcon(this))
{
    auto *menu = new QMenu;
    connect(this, &QObject::destroyed, menu, &QObject::deleteLater);
    QAction *open = menu->addAction(tr("&Open Vigía"));
    open->setObjectName(QStringLiteral("trayOpenAction"));
    connect(open, &QAction::triggered, this, &TrayIcon::openRequested);
    m_pause = menu->addAction(tr("&Pause notifications for 1 hour"));
    m_pause->setObjectName(QStringLiteral("trayPauseAction"));
    m_pause->setCheckable(true);
    auto *resume = new QTimer(this);
    resume->setSingleShot(true);
    resume->setInterval(3600 * 1000);
    connect(resume, &QTimer::timeout, m_pause, [this] { m_pause->setChecked(false); });
    connect(m_pause, &QAction::toggled, this, [this, resume](bool on) {
        if (on)
            resume->start();
        else
            resume->stop();
        emit pauseToggled(on);
    });
    menu->addSeparator();
    QAction *quit = menu->addAction(tr("&Quit"));
    quit->setObjectName(QStringLiteral("trayQuitAction"));
    connect(quit, &QAction::triggered, this, &TrayIcon::quitRequested);
    m_icon->setContextMenu(menu);
    connect(m_icon, &QSystemTrayIcon::activated, this, [this](QSystemTrayIcon::ActivationReason reason) {
        if (reason == QSystemTrayIcon::Trigger || reason == QSystemTrayIcon::DoubleClick)
            emit openRequested();
    });
    setState(Severity::Unknown, tr("Vigía"));
    m_icon->show();
}

TrayIcon::~TrayIcon() = default;

bool TrayIcon::available()
{
    return QSystemTrayIcon::isSystemTrayAvailable();
}

void TrayIcon::setState(Severity severity, const QString &toolTip)
{
    // The app's own icon when all is well; the state's icon when something needs a look.
    m_icon->setIcon(severity == Severity::Ok || severity == Severity::Unknown
                        ? QIcon(QStringLiteral(":/vigia/icons/vigia.svg"))
                        : severityIcon(severity));
    m_icon->setToolTip(toolTip);
}

void TrayIcon::showMessage(const QString &title, const QString &body, bool critical)
{
    m_icon->showMessage(title, body, critical ? QSystemTrayIcon::Critical : QSystemTrayIcon::Information);
}

bool TrayIcon::notificationsPaused() const
{
    return m_pause->isChecked();
}

} // namespace vigia::ui
