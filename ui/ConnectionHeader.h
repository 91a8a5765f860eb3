#pragma once
// The line above the tabs: the session's phase and server, the kubectl prefix
// found, a capacity warning button and the read-only badge.
#include <QFrame>
#include <QPointer>

class QLabel;
class QToolButton;

namespace vigia::session {
class Session;
}

namespace vigia::ui {

class ConnectionHeader : public QFrame {
    Q_OBJECT
public:
    explicit ConnectionHeader(QWidget *parent = nullptr);
    void attach(session::Session *session);
    void setCapacityWarnings(const QStringList &warnings);
    // "name (user@host:port)", or the server alone when the profile is named after it.
    static QString targetText(const session::Session &session);

signals:
    void capacityWarningClicked();

private:
    void update();

    QPointer<session::Session> m_session;
    QLabel *m_stateIcon;
    QLabel *m_stateLabel;
    QLabel *m_readOnly;
    QToolButton *m_capacityWarning;
};

} // namespace vigia::ui
