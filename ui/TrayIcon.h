#pragma once
// The icon that keeps watching while every window is hidden: its colour is the
// worst state of the open servers; its menu has Open, Pause notifications for
// 1 h, and Quit. Only made where the desktop has a system tray.
#include "StatusStyle.h"

#include <QObject>

class QAction;
class QSystemTrayIcon;

namespace vigia::ui {

class TrayIcon : public QObject {
    Q_OBJECT
public:
    explicit TrayIcon(QObject *parent = nullptr);
    ~TrayIcon() override;

    static bool available();

    void setState(Severity severity, const QString &toolTip);
    void showMessage(const QString &title, const QString &body, bool critical);
    bool notificationsPaused() const;

signals:
    void openRequested();
    void quitRequested();
    // Checked: no notifications for an hour.
    void pauseToggled(bool paused);

private:
    QSystemTrayIcon *m_icon;
    QAction *m_pause;
};

} // namespace vigia::ui
