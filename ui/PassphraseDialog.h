#pragma once
// Asks for a key's passphrase. The text lives only in this dialog and in the
// answer handed to the transport; it is never logged or written in plain text.
#include <QDialog>

class QCheckBox;
class QLabel;
class QLineEdit;

namespace vigia {

class PassphraseDialog : public QDialog {
    Q_OBJECT
public:
    PassphraseDialog(const QString &keyFile, bool previousAttemptFailed, bool keychainOffered,
                     QWidget *parent = nullptr);
    ~PassphraseDialog() override;

    QString passphrase() const;
    bool saveInKeychain() const;
    QLineEdit *passphraseEdit() const { return m_edit; }
    QCheckBox *saveCheckBox() const { return m_save; }

private:
    QLineEdit *m_edit = nullptr;
    QCheckBox *m_save = nullptr;
};

} // namespace vigia
