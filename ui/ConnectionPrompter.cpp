#include "ConnectionPrompter.h"

#include "ConnectionController.h"
#include "HostKeyDialog.h"
#include "PassphraseDialog.h"
#include "PassphraseKeychain.h"

#include <QWidget>

namespace vigia {

ConnectionPrompter::ConnectionPrompter(ConnectionController *controller, QWidget *dialogParent,
                                       PassphraseKeychain *keychain)
    : QObject(controller), m_controller(controller), m_parent(dialogParent),
      m_keychain(keychain ? keychain : new PassphraseKeychain(this))
{
    connect(controller, &ConnectionController::hostKeyUnknown, this, [this](const ssh::HostKeyInfo &info) {
        auto *dlg = new HostKeyDialog(HostKeyDialog::Mode::Unknown, info, m_parent);
        dlg->setAttribute(Qt::WA_DeleteOnClose);
        // The answer names the key it was about: a reconnect meanwhile brings another prompt.
        connect(dlg, &QDialog::finished, this, [this, dlg, fingerprint = info.fingerprint](int) {
            if (m_controller)
                m_controller->answerHostKey(dlg->decision(), fingerprint);
        });
        dlg->open();
    });
    connect(controller, &ConnectionController::hostKeyMismatch, this, [this](const ssh::HostKeyInfo &info) {
        // Nothing to answer: the transport has already refused.
        auto *dlg = new HostKeyDialog(HostKeyDialog::Mode::Mismatch, info, m_parent);
        dlg->setAttribute(Qt::WA_DeleteOnClose);
        dlg->open();
    });
    connect(controller, &ConnectionController::passphraseRequired, this,
            &ConnectionPrompter::onPassphraseRequired);
    connect(controller, &ConnectionController::authenticated, this, [this] {
        for (auto it = m_pendingSave.cbegin(); it != m_pendingSave.cend(); ++it)
            m_keychain->write(it.key(), it.value());
        m_pendingSave.clear();
        m_fromKeychain.clear();
    });
    connect(controller, &ConnectionController::phaseChanged, this,
            [this](ConnectionController::Phase phase, const QString &) {
                if (phase == ConnectionController::Phase::Failed ||
                    phase == ConnectionController::Phase::Lost) {
                    m_pendingSave.clear();
                    m_fromKeychain.clear();
                }
            });
    connect(m_keychain, &PassphraseKeychain::readFinished, this,
            [this](const QString &keyFile, bool found, const QString &passphrase, const QString &) {
                if (!m_controller)
                    return;
                if (found) {
                    m_fromKeychain.insert(keyFile);
                    m_controller->answerPassphrase(keyFile, passphrase);
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
        if (!m_controller)
            return;
        if (result == QDialog::Accepted) {
            const QString pass = dlg->passphrase();
            if (dlg->saveInKeychain())
                m_pendingSave.insert(keyFile, pass);
            else
                m_pendingSave.remove(keyFile);
            m_controller->answerPassphrase(keyFile, pass);
        } else {
            m_pendingSave.remove(keyFile);
            m_controller->answerPassphrase(keyFile, std::nullopt);
        }
    });
    dlg->open();
}

} // namespace vigia
