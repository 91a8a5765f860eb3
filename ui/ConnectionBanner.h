#pragma once
// What went wrong with the session, what to do, and that the rows below are
// stale: shown on a lost or failed connection and when the pod list fails,
// hidden once data flows again.
#include "core/Result.h"

#include <QFrame>
#include <QPointer>

class QLabel;
class QPushButton;

namespace vigia::session {
class Session;
}

namespace vigia::ui {

class ConnectionBanner : public QFrame {
    Q_OBJECT
public:
    explicit ConnectionBanner(QWidget *parent = nullptr);
    void attach(session::Session *session);
    // connectionProblem: the button reconnects; otherwise it lists the pods again.
    void showError(const Error &error, bool connectionProblem);

private:
    void onPhase();

    QPointer<session::Session> m_session;
    QLabel *m_text;
    QPushButton *m_retry;
};

} // namespace vigia::ui
