#pragma once
// Adds or edits one server profile: every field of vigia::Profile.
#include "profiles/Profile.h"

#include <QDialog>
#include <QStringList>

class QCheckBox;
class QDialogButtonBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace vigia {

class ProfileDialog : public QDialog {
    Q_OBJECT
public:
    // takenNames: other profiles' names, so a duplicate is caught here.
    explicit ProfileDialog(const Profile &profile, const QStringList &takenNames = {},
                           QWidget *parent = nullptr);

    Profile profile() const;
    // Empty when the form can be saved; otherwise what to fix.
    QString validationError() const;

    QLineEdit *nameEdit() const { return m_name; }
    QLineEdit *hostEdit() const { return m_host; }
    QSpinBox *portSpin() const { return m_port; }
    QLineEdit *userEdit() const { return m_user; }
    QLineEdit *keyFileEdit() const { return m_keyFile; }
    QLineEdit *kubectlEdit() const { return m_kubectl; }
    QLineEdit *ramEdit() const { return m_ram; }
    QCheckBox *readOnlyCheck() const { return m_readOnly; }
    QCheckBox *requireTypedNameCheck() const { return m_requireTypedName; }

    void accept() override;

private:
    void updateValidity();
    void browseKeyFile();

    Profile m_original;
    QStringList m_taken;
    QLineEdit *m_name = nullptr;
    QLineEdit *m_host = nullptr;
    QSpinBox *m_port = nullptr;
    QLineEdit *m_user = nullptr;
    QLineEdit *m_keyFile = nullptr;
    QLineEdit *m_kubectl = nullptr;
    QLineEdit *m_ram = nullptr;
    QSpinBox *m_sampleInterval = nullptr;
    QLineEdit *m_timeZone = nullptr;
    QCheckBox *m_readOnly = nullptr;
    QCheckBox *m_requireTypedName = nullptr;
    QLabel *m_error = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace vigia
