#include "ProfileDialog.h"

#include "ThemePalette.h"
#include "ThemedStyleSheet.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSpinBox>
#include <QTimeZone>
#include <QToolButton>
#include <QVBoxLayout>
#include <cmath>

namespace vigia {

namespace {
constexpr double kGiB = 1024.0 * 1024.0 * 1024.0;

// Accepts "2", "2.5" and "2,5": people type their own decimal separator.
std::optional<double> parseGiB(const QString &text, bool *ok)
{
    const QString t = text.trimmed();
    *ok = true;
    if (t.isEmpty())
        return std::nullopt;
    QString norm = t;
    norm.replace(QLatin1Char(','), QLatin1Char('.'));
    bool parsed = false;
    const double v = norm.toDouble(&parsed);
    if (!parsed || !std::isfinite(v) || v <= 0 || v > 1024 * 1024) {
        *ok = false;
        return std::nullopt;
    }
    return v;
}
} // namespace

ProfileDialog::ProfileDialog(const Profile &profile, const QStringList &takenNames, QWidget *parent)
    : QDialog(parent), m_original(profile), m_taken(takenNames)
{
    setObjectName(QStringLiteral("profileDialog"));
    setWindowTitle(profile.name.isEmpty() ? tr("Add server") : tr("Edit server “%1”").arg(profile.name));

    m_name = new QLineEdit(profile.name, this);
    m_name->setPlaceholderText(tr("e.g. production VPS"));
    m_host = new QLineEdit(profile.host, this);
    m_host->setPlaceholderText(tr("host name, address or ~/.ssh/config alias"));
    m_port = new QSpinBox(this);
    m_port->setRange(1, 65535);
    m_port->setValue(profile.port);
    m_user = new QLineEdit(profile.user, this);
    m_user->setPlaceholderText(tr("from ~/.ssh/config, else your local user"));

    m_keyFile = new QLineEdit(profile.keyFile, this);
    m_keyFile->setPlaceholderText(tr("ssh-agent, ~/.ssh/config, then id_ed25519 / id_ecdsa"));
    auto *browse = new QToolButton(this);
    browse->setText(tr("Browse…"));
    browse->setObjectName(QStringLiteral("browseKeyFile"));
    connect(browse, &QToolButton::clicked, this, &ProfileDialog::browseKeyFile);
    auto *keyRow = new QHBoxLayout;
    keyRow->addWidget(m_keyFile, 1);
    keyRow->addWidget(browse);

    m_kubectl = new QLineEdit(profile.kubectlOverride, this);
    m_kubectl->setPlaceholderText(tr("detect: kubectl, k3s kubectl, sudo -n k3s kubectl"));

    m_ram = new QLineEdit(this);
    if (profile.ramBudgetBytes)
        m_ram->setText(QLocale().toString(double(*profile.ramBudgetBytes) / kGiB, 'g', 4));
    m_ram->setPlaceholderText(tr("empty: take it from the node"));

    m_sampleInterval = new QSpinBox(this);
    m_sampleInterval->setObjectName(QStringLiteral("sampleInterval"));
    m_sampleInterval->setRange(Profile::kMinSampleIntervalSec, Profile::kMaxSampleIntervalSec);
    m_sampleInterval->setSuffix(tr(" s"));
    m_sampleInterval->setValue(profile.sampleIntervalSec);
    m_sampleInterval->setToolTip(tr("How often the Capacity tab samples memory and CPU on the server"));
    m_timeZone = new QLineEdit(profile.timeZone, this);
    m_timeZone->setObjectName(QStringLiteral("timeZone"));
    m_timeZone->setPlaceholderText(QStringLiteral("America/Tijuana"));
    m_timeZone->setToolTip(tr("The business's time zone: appointments are shown in it"));

    m_readOnly = new QCheckBox(tr("Read-only: never change anything on this server"), this);
    m_readOnly->setChecked(profile.readOnly);
    m_readOnly->setToolTip(tr("Vigía then sends only commands that read: kubectl's read verbs, files, logs and "
                              "metrics. A database snapshot still makes a temporary copy in your own temp folder on "
                              "the server, removed as soon as it is downloaded."));
    m_requireTypedName = new QCheckBox(tr("Ask to type the name before undo or delete"), this);
    m_requireTypedName->setObjectName(QStringLiteral("requireTypedName"));
    m_requireTypedName->setChecked(profile.requireTypedName);

    auto *form = new QFormLayout;
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Host:"), m_host);
    form->addRow(tr("&Port:"), m_port);
    form->addRow(tr("&User:"), m_user);
    form->addRow(tr("&Key file:"), keyRow);
    form->addRow(tr("kube&ctl command:"), m_kubectl);
    form->addRow(tr("&RAM budget (GiB):"), m_ram);
    form->addRow(tr("&Sample every:"), m_sampleInterval);
    form->addRow(tr("&Time zone:"), m_timeZone);
    form->addRow(QString(), m_readOnly);
    form->addRow(QString(), m_requireTypedName);

    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("profileError"));
    ThemedStyleSheet::bind(m_error, [](bool dark) {
        return QStringLiteral("QLabel { color: %1; }")
            .arg(ThemePalette::toneText(ThemePalette::Tone::Error, dark).name());
    });
    m_error->setWordWrap(true);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &ProfileDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(m_buttons);

    for (QLineEdit *e : {m_name, m_host, m_ram, m_timeZone})
        connect(e, &QLineEdit::textChanged, this, &ProfileDialog::updateValidity);
    updateValidity();
    setMinimumWidth(520);
}

void ProfileDialog::browseKeyFile()
{
    const QString start =
        m_keyFile->text().isEmpty() ? QDir::home().filePath(QStringLiteral(".ssh")) : m_keyFile->text();
    const QString file = QFileDialog::getOpenFileName(this, tr("Choose a private key"), start);
    if (!file.isEmpty())
        m_keyFile->setText(file);
}

QString ProfileDialog::validationError() const
{
    const QString name = m_name->text().trimmed();
    if (name.isEmpty())
        return tr("Give the server a name.");
    if (name != m_original.name && m_taken.contains(name))
        return tr("A server named “%1” already exists.").arg(name);
    if (m_host->text().trimmed().isEmpty())
        return tr("Enter a host name, address or ~/.ssh/config alias.");
    if (m_host->text().trimmed().contains(QLatin1Char(' ')))
        return tr("The host cannot contain spaces.");
    bool ok = true;
    (void)parseGiB(m_ram->text(), &ok);
    if (!ok)
        return tr("The RAM budget must be a positive number of GiB, or empty.");
    const QString zone = m_timeZone->text().trimmed();
    if (!zone.isEmpty() && !QTimeZone(zone.toUtf8()).isValid())
        return tr("“%1” is not a time zone this system knows (e.g. America/Tijuana).").arg(zone);
    return {};
}

void ProfileDialog::updateValidity()
{
    const QString err = validationError();
    m_error->setText(err);
    m_error->setVisible(!err.isEmpty() && !m_name->text().isEmpty());
    m_buttons->button(QDialogButtonBox::Save)->setEnabled(err.isEmpty());
}

void ProfileDialog::accept()
{
    if (!validationError().isEmpty()) {
        updateValidity();
        m_error->setVisible(true);
        return;
    }
    QDialog::accept();
}

Profile ProfileDialog::profile() const
{
    // Start from the original so fields this dialog doesn't show (knownHostsPath) survive.
    Profile p = m_original;
    p.name = m_name->text().trimmed();
    p.host = m_host->text().trimmed();
    p.port = quint16(m_port->value());
    p.user = m_user->text().trimmed();
    p.keyFile = m_keyFile->text().trimmed();
    p.kubectlOverride = m_kubectl->text().trimmed();
    bool ok = true;
    const std::optional<double> gib = parseGiB(m_ram->text(), &ok);
    p.ramBudgetBytes = (ok && gib) ? std::optional<qint64>(qint64(std::llround(*gib * kGiB))) : std::nullopt;
    p.readOnly = m_readOnly->isChecked();
    p.requireTypedName = m_requireTypedName->isChecked();
    p.sampleIntervalSec = m_sampleInterval->value();
    const QString zone = m_timeZone->text().trimmed();
    p.timeZone = zone.isEmpty() ? Profile().timeZone : zone;
    return p;
}

} // namespace vigia
