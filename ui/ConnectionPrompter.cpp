#include "ConnectionPrompter.h"

#include "session/Session.h"
#include "HostKeyDialog.h"
#include "PassphraseDialog.h"
#include "PassphraseKeychain.h"

#include <QWidget>

namespace vigia {

ConnectionPrompter::ConnectionPrompter(session::Session *session, QWidget *dialogParent,
                                       PassphraseKeychain *keychain)
    : QObject(session), m_session(session), m_parent(dialogParent),
      m_keychain(keychain ? keychain : new PassphraseKeychain(this))
{
    connect(session, &session::Session::hostKeyUnknown, this, [this](const ssh::HostKeyInfo &info) {
        auto *dlg = new HostKeyDialog(HostKeyDialog::Mode::Unknown, info, m_parent);
        dlg->setAttribute(Qt::WA_DeleteOnClose);
        // The answer names the key it was about: a reconnect meanwhile brings another prompt.
        connect(dlg, &QDialog::finished, this, [this, dlg, fingerprint = info.fingerprint](int) {
            if (m_session)
                m_session->answerHostKey(dlg->decision(), fingerprint);
        });
        dlg->open();
    });
    connect(session, &session::Session::hostKeyMismatch, this, [this](const ssh::HostKeyInfo &info) {
        // Nothing to answer: the transport has already refused.
        auto *dlg = new HostKeyDialog(HostKeyDialog::Mode::Mismatch, info, m_parent);
        dlg->setAttribute(Qt::WA_DeleteOnClose);
        dlg->open();
    });
    connect(session, &session::Session::passphraseRequired, this,
            &ConnectionPrompter::onPassphraseRequired);
    connect(session, &session::Session::authenticated, this, [this] {
        for (auto it = m_pendingSave.cbegin(); it != m_pendingSave.cend(); ++it)
            m_keychain->write(it.key(), it.value());
        m_pendingSave.clear();
        m_fromKeychain.clear();
    });
    connect(session, &session::Session::phaseChanged, this,
            [this](session::Session::Phase phase, const QString &) {
                if (phase == session::Session::Phase::Failed ||
                    phase == session::Session::Phase::Lost) {
                    m_pendingSave.clear();
                    m_fromKeychain.clear();
                }
            });
    connect(m_keychain, &PassphraseKeychain::readFinished, this,
            [this](const QString &keyFile, bool found, const QString &passphrase, const QString &) {
                if (!m_session)
                    return;
                if (found) {
                    m_fromKeychain.insert(keyFile);
                    m_session->answerPassphrase(keyFile, passphrase);
                } else {
                    // Not saved, or no keychain: just ask.
                    showPassphraseDialog(keyFile, false);
                }
            });
}

void ConnectionPrompter::onPassphraseRequired(const QString &keyFile, bool previousAttemptFailed)
{
    if (!previousAttemptFailed && !m_fromKeychain.contains(keyFile) && m_keychain->isEnabled()) {
        m_keychain->read(keyFile);
        return;
    }
    // A saved passphrase that fails is as good as a wrong one typed in.
    showPassphraseDialog(keyFile, previousAttemptFailed);
}

void ConnectionPrompter::showPassphraseDialog(const QString &keyFile, bool previousAttemptFailed)
{
    auto *dlg = new PassphraseDialog(keyFile, previousAttemptFailed, m_keychain->isEnabled(), m_parent);
    dlg->setAttribute(Qt::WA_DeleteOnClose);
    connect(dlg, &QDialog::finished, this, [this, dlg, keyFile](int result) {
        if (!m_session)
            return;
        if (result == QDialog::Accepted) {
            const QString pass = dlg->passphrase();
            if (dlg->saveInKeychain())
                m_pendingSave.insert(keyFile, pass);
            else
                m_pendingSave.remove(keyFile);
            m_session->answerPassphrase(keyFile, pass);
        } else {
            m_pendingSave.remove(keyFile);
            m_session->answerPassphrase(keyFile, std::nullopt);
        }
    });
    dlg->open();
}

} // namespace vigia
