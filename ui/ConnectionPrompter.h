#pragma once
// Answers a Session's questions with dialogs: host keys, and key
// passphrases (read from the system keychain first, saved there only after the
// passphrase has actually unlocked the key and the session is up).
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>

class QWidget;

namespace vigia::session {
class Session;
}

namespace vigia {

class PassphraseKeychain;

class ConnectionPrompter : public QObject {
    Q_OBJECT
public:
    ConnectionPrompter(session::Session *session, QWidget *dialogParent,
                       PassphraseKeychain *keychain = nullptr);

private:
    void onPassphraseRequired(const QString &keyFile, bool previousAttemptFailed);
    void showPassphraseDialog(const QString &keyFile, bool previousAttemptFailed);

    QPointer<session::Session> m_session;
    QPointer<QWidget> m_parent;
    PassphraseKeychain *m_keychain;
    QSet<QString> m_fromKeychain;          // keys answered from the keychain this attempt
    QHash<QString, QString> m_pendingSave; // saved once authenticated(); then forgotten
};

} // namespace vigia
