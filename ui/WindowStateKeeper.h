#pragma once
// Remembers a main window's layout per server profile: the window's geometry, every splitter's
// sizes, every table header's column widths and order, and the tab that was open last. Kept in
// the app's QSettings under window/<profile>. Views built later (the Data workspace, log pages)
// are picked up by restorePending(), each widget once, so a restored width is never overwritten.
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QString>

class QMainWindow;
class QScreen;
class QSettings;
class QTabWidget;

namespace vigia::ui {

class WindowStateKeeper : public QObject {
    Q_OBJECT
public:
    // settings: not owned; null means the application's default QSettings.
    WindowStateKeeper(QMainWindow *window, QTabWidget *tabs, QSettings *settings = nullptr);
    ~WindowStateKeeper() override;

    // Saves the current profile's layout, then restores the one kept for this profile.
    void setProfile(const QString &profile);
    QString profile() const { return m_profile; }
    // Restores splitters and headers built since the last call.
    void restorePending();
    void save();
    // True once a header's state came from the settings: callers that size columns to the
    // first data leave it alone then.
    static bool wasRestored(const QObject *widget);
    // The first start's size: most of the screen (the capacity charts are cramped at 1100×640),
    // never more than the screen has.
    static QSize firstSize(const QScreen *screen);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QString keyFor(const QObject *widget) const;
    QString group() const;

    QPointer<QMainWindow> m_window;
    QPointer<QTabWidget> m_tabs;
    QSettings *m_settings;
    bool m_ownsSettings = false;
    QString m_profile;
    bool m_restoringTab = false;
    QSet<QString> m_restored;
};

} // namespace vigia::ui
