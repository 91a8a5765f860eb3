#pragma once
// Asks about a host key the way OpenSSH does, or refuses loudly on a mismatch.
#include "ssh/SshTypes.h"

#include <QDialog>

class QLabel;
class QPushButton;

namespace vigia {

class HostKeyDialog : public QDialog {
    Q_OBJECT
public:
    enum class Mode { Unknown, Mismatch };

    HostKeyDialog(Mode mode, const ssh::HostKeyInfo &info, QWidget *parent = nullptr);

    Mode mode() const { return m_mode; }
    // Reject unless the user chose "Connect once" or "Trust and remember".
    ssh::HostKeyDecision decision() const { return m_decision; }

    // For tests and screen readers: the whole message as shown.
    QString messageText() const;
    QPushButton *connectOnceButton() const { return m_once; }
    QPushButton *trustButton() const { return m_trust; }
    QPushButton *cancelButton() const { return m_cancel; }

    static QString unknownHostText(const ssh::HostKeyInfo &info);
    static QString mismatchText(const ssh::HostKeyInfo &info);

private:
    Mode m_mode;
    ssh::HostKeyDecision m_decision = ssh::HostKeyDecision::Reject;
    QLabel *m_message = nullptr;
    QPushButton *m_once = nullptr;
    QPushButton *m_trust = nullptr;
    QPushButton *m_cancel = nullptr;
};

} // namespace vigia
