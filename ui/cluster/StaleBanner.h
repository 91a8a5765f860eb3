#pragma once
// A banner that says what happened, what to do, and that the table below is
// the last good data, stamped with its time ("last good data from 03:12:04").
#include "core/Result.h"
#include "kube/ResourceWatcher.h"

#include <QDateTime>
#include <QFrame>

class QLabel;
class QPushButton;

namespace vigia::cluster {

class StaleBanner : public QFrame {
    Q_OBJECT
public:
    enum class Level { Info, Warning, Error };

    explicit StaleBanner(QWidget *parent = nullptr);

    // Shows the banner. lastGood invalid: no data was ever fetched. retryInMs > 0 adds "retrying in N s".
    void showProblem(const Error &error, const QDateTime &lastGood, Level level = Level::Error,
                     int retryInMs = 0);
    void clear(); // hides it
    // Follows a watcher: hidden while Live; otherwise its error, its stale time and the retry delay.
    // Connect ResourceWatcher::stateChanged to a lambda calling this.
    void showWatcher(const kube::ResourceWatcher &watcher);
    // The "last good data" line; hidden for banners about current data (a NotReady node).
    void setStaleLineVisible(bool visible);

    QString message() const;
    QString hint() const;
    QString staleText() const;
    // "Showing the last good data from 03:12:04." (local time; the date is added when not today)
    static QString staleTextFor(const QDateTime &lastGood,
                                const QDateTime &now = QDateTime::currentDateTime());

signals:
    void retryRequested();

private:
    QLabel *m_icon;
    QLabel *m_message;
    QLabel *m_hint;
    QLabel *m_stale;
    QPushButton *m_retry;
};

} // namespace vigia::cluster
