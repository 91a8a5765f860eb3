#pragma once
// The Data tab: the server's appointments and quotes, from snapshots of the live
// databases. The workspace opens per profile from the cached snapshots, offline,
// and takes its first snapshots once the session's connection is up.
#include "profiles/Profile.h"

#include <QPointer>
#include <functional>
#include <QWidget>

class QLabel;

namespace vigia::session {
class Session;
}

namespace vigia::ui {

class DataWorkspace;

class DataPage : public QWidget {
    Q_OBJECT
public:
    explicit DataPage(QWidget *parent = nullptr);
    void attach(session::Session *session);

signals:
    // The user changed what the profile keeps (the databases, the columns): save it.
    void profileChanged(const vigia::Profile &profile);

private:
    void onStarting(const Profile &profile);
    void onReady();
    void changeProfile(const std::function<void(Profile &)> &change);

    QPointer<session::Session> m_session;
    QLabel *m_placeholder;
    DataWorkspace *m_workspace = nullptr;
    QString m_profile;
    bool m_needsSnapshot = false;
};

} // namespace vigia::ui
