#include "HostKeyDialog.h"

#include "ThemePalette.h"
#include "ThemedStyleSheet.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

namespace vigia {

namespace {
QString keyTypeShort(const QString &keyType)
{
    // OpenSSH says "ED25519 key fingerprint", "ECDSA key fingerprint", "RSA key fingerprint".
    if (keyType.contains(QLatin1String("ed25519"), Qt::CaseInsensitive))
        return QStringLiteral("ED25519");
    if (keyType.contains(QLatin1String("ecdsa"), Qt::CaseInsensitive))
        return QStringLiteral("ECDSA");
    if (keyType.contains(QLatin1String("rsa"), Qt::CaseInsensitive))
        return QStringLiteral("RSA");
    if (keyType.contains(QLatin1String("dss"), Qt::CaseInsensitive))
        return QStringLiteral("DSA");
    return keyType.toUpper();
}

QString hostLabel(const ssh::HostKeyInfo &info)
{
    // known_hosts spelling: "host" on 22, "[host]:port" otherwise.
    if (info.host.startsWith(QLatin1Char('[')) || info.port == 22)
        return info.host;
    return QStringLiteral("[%1]:%2").arg(info.host).arg(info.port);
}
} // namespace

QString HostKeyDialog::unknownHostText(const ssh::HostKeyInfo &info)
{
    return tr("The authenticity of host '%1' can't be established.\n"
              "%2 key fingerprint is %3.")
        .arg(hostLabel(info), keyTypeShort(info.keyType), info.fingerprint);
}

QString HostKeyDialog::mismatchText(const ssh::HostKeyInfo &info)
{
    QString where = info.knownHostsPath;
    if (info.knownHostsLine > 0)
        where += QStringLiteral(":%1").arg(info.knownHostsLine);
    return tr("WARNING: THE HOST KEY FOR '%1' HAS CHANGED!\n"
              "Someone could be eavesdropping on you right now (man-in-the-middle attack), "
              "or the server's host key has just been changed.\n\n"
              "Recorded %2 fingerprint: %3\n"
              "Offered %2 fingerprint:  %4\n"
              "Offending key in %5\n\n"
              "Vigía refused to connect. If the change is expected, remove the old key with\n"
              "    ssh-keygen -R '%1'\n"
              "and connect again.")
        .arg(hostLabel(info), keyTypeShort(info.keyType),
             info.knownFingerprint.isEmpty() ? tr("(unknown)") : info.knownFingerprint, info.fingerprint,
             where.isEmpty() ? tr("known_hosts") : where);
}

HostKeyDialog::HostKeyDialog(Mode mode, const ssh::HostKeyInfo &info, QWidget *parent)
    : QDialog(parent), m_mode(mode)
{
    setObjectName(mode == Mode::Unknown ? QStringLiteral("hostKeyUnknownDialog")
                                        : QStringLiteral("hostKeyMismatchDialog"));
    setWindowTitle(mode == Mode::Unknown ? tr("Unknown host key")
                                         : tr("Host key changed — connection refused"));

    auto *icon = new QLabel(this);
    const QStyle::StandardPixmap sp =
        mode == Mode::Unknown ? QStyle::SP_MessageBoxQuestion : QStyle::SP_MessageBoxCritical;
    icon->setPixmap(style()->standardIcon(sp).pixmap(48, 48));
    icon->setAlignment(Qt::AlignTop);

    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("hostKeyMessage"));
    m_message->setTextFormat(Qt::PlainText);
    m_message->setWordWrap(true);
    // Fingerprints must be copyable to compare with the server's console.
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_message->setMinimumWidth(480);
    QFont mono = m_message->font();
    mono.setFamily(QStringLiteral("monospace"));
    mono.setStyleHint(QFont::Monospace);
    m_message->setFont(mono);

    auto *top = new QHBoxLayout;
    top->addWidget(icon);
    top->addWidget(m_message, 1);

    auto *buttons = new QDialogButtonBox(this);
    auto *layout = new QVBoxLayout(this);

    if (mode == Mode::Unknown) {
        m_message->setText(unknownHostText(info));
        auto *question =
            new QLabel(tr("Check the fingerprint against the server before you trust it."), this);
        question->setWordWrap(true);
        layout->addLayout(top);
        layout->addWidget(question);

        m_once = buttons->addButton(tr("Connect once"), QDialogButtonBox::AcceptRole);
        m_trust = buttons->addButton(tr("Trust and remember"), QDialogButtonBox::AcceptRole);
        m_cancel = buttons->addButton(QDialogButtonBox::Cancel);
        m_once->setAutoDefault(false);
        m_trust->setAutoDefault(false);
        // Enter must not trust a key by accident.
        m_cancel->setDefault(true);
        m_cancel->setFocus();
        connect(m_once, &QPushButton::clicked, this, [this] {
            m_decision = ssh::HostKeyDecision::ConnectOnce;
            accept();
        });
        connect(m_trust, &QPushButton::clicked, this, [this] {
            m_decision = ssh::HostKeyDecision::TrustAndRemember;
            accept();
        });
        connect(m_cancel, &QPushButton::clicked, this, [this] {
            m_decision = ssh::HostKeyDecision::Reject;
            reject();
        });
    } else {
        m_message->setText(mismatchText(info));
        auto *banner = new QLabel(tr("POSSIBLE MAN-IN-THE-MIDDLE ATTACK"), this);
        banner->setObjectName(QStringLiteral("hostKeyMismatchBanner"));
        banner->setAlignment(Qt::AlignCenter);
        banner->setStyleSheet(QStringLiteral("QLabel { background: #b3261e; color: white; font-weight: bold;"
                                             " padding: 8px; border-radius: 4px; }"));
        ThemedStyleSheet::bind(m_message, [](bool dark) {
            return QStringLiteral("QLabel { color: %1; }")
                .arg(ThemePalette::toneText(ThemePalette::Tone::Error, dark).name());
        });
        layout->addWidget(banner);
        layout->addLayout(top);
        m_cancel = buttons->addButton(QDialogButtonBox::Close);
        m_cancel->setDefault(true);
        connect(m_cancel, &QPushButton::clicked, this, &QDialog::reject);
    }
    layout->addWidget(buttons);
}

QString HostKeyDialog::messageText() const
{
    return m_message->text();
}

} // namespace vigia
