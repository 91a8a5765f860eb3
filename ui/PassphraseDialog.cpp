#include "PassphraseDialog.h"

#include "ThemePalette.h"
#include "ThemedStyleSheet.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace vigia {

PassphraseDialog::PassphraseDialog(const QString &keyFile, bool previousAttemptFailed, bool keychainOffered,
                                   QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("passphraseDialog"));
    setWindowTitle(tr("Key passphrase"));

    auto *layout = new QVBoxLayout(this);
    auto *label =
        new QLabel(tr("Enter the passphrase for the key\n%1").arg(QDir::toNativeSeparators(keyFile)), this);
    label->setTextFormat(Qt::PlainText);
    label->setWordWrap(true);
    layout->addWidget(label);

    if (previousAttemptFailed) {
        auto *warn = new QLabel(tr("That passphrase did not unlock the key. Try again."), this);
        warn->setObjectName(QStringLiteral("passphraseRetryWarning"));
        ThemedStyleSheet::bind(warn, [](bool dark) {
            return QStringLiteral("QLabel { color: %1; font-weight: bold; }")
                .arg(ThemePalette::toneText(ThemePalette::Tone::Error, dark).name());
        });
        layout->addWidget(warn);
    }

    m_edit = new QLineEdit(this);
    m_edit->setEchoMode(QLineEdit::Password);
    m_edit->setObjectName(QStringLiteral("passphraseEdit"));
    m_edit->setMinimumWidth(320);
    layout->addWidget(m_edit);

    m_save = new QCheckBox(tr("Save in system keychain"), this);
    m_save->setObjectName(QStringLiteral("saveInKeychain"));
    m_save->setEnabled(keychainOffered);
    if (!keychainOffered)
        m_save->setToolTip(tr("No system keychain is available."));
    layout->addWidget(m_save);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Unlock"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    m_edit->setFocus();
}

PassphraseDialog::~PassphraseDialog()
{
    // Don't leave the secret in the widget's buffer longer than needed.
    m_edit->clear();
}

QString PassphraseDialog::passphrase() const
{
    return m_edit->text();
}

bool PassphraseDialog::saveInKeychain() const
{
    return m_save->isEnabled() && m_save->isChecked();
}

} // namespace vigia
