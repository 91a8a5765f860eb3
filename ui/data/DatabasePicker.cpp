#include "data/DatabasePicker.h"

#include "ThemePalette.h"
#include "ThemedStyleSheet.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace vigia::ui {

DatabasePicker::DatabasePicker(QWidget *parent) : QWidget(parent)
{
    auto *title = new QLabel(tr("<b>Databases on the server</b>"), this);
    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_files = new QTreeWidget(this);
    m_files->setHeaderLabels({tr("File"), tr("Volume"), tr("Folder")});
    m_files->setRootIsDecorated(false);
    m_files->header()->setStretchLastSection(true);
    m_appointments = new QComboBox(this);
    m_quotes = new QComboBox(this);
    for (QComboBox *box : {m_appointments, m_quotes}) {
        // Editable: a profile may name a path discovery cannot see.
        box->setEditable(true);
        box->setInsertPolicy(QComboBox::NoInsert);
        box->setMinimumContentsLength(40);
        box->addItem(tr("(none)"), QString());
    }
    m_sudo = new QCheckBox(tr("Use sudo -n to read the volumes"), this);
    m_discover = new QPushButton(tr("Discover"), this);
    m_use = new QPushButton(tr("Use these"), this);
    m_use->setDefault(true);
    m_cancel = new QPushButton(tr("Back"), this);

    auto *form = new QFormLayout;
    form->addRow(tr("Appointments:"), m_appointments);
    form->addRow(tr("Quotes:"), m_quotes);
    auto *top = new QHBoxLayout;
    top->addWidget(title, 1);
    top->addWidget(m_sudo);
    top->addWidget(m_discover);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_cancel);
    buttons->addWidget(m_use);
    auto *lay = new QVBoxLayout(this);
    lay->addLayout(top);
    lay->addWidget(m_status);
    lay->addWidget(m_files, 1);
    lay->addLayout(form);
    lay->addLayout(buttons);

    connect(m_discover, &QPushButton::clicked, this, [this] { emit discoverRequested(sudo()); });
    connect(m_use, &QPushButton::clicked, this,
            [this] { emit chosen(appointmentsPath(), quotesPath(), sudo()); });
    connect(m_cancel, &QPushButton::clicked, this, &DatabasePicker::cancelled);
    // Double-click a file: it becomes the appointments database, or the quotes one when its name says so.
    connect(m_files, &QTreeWidget::itemDoubleClicked, this, [this](QTreeWidgetItem *item) {
        const QString path = item->data(0, Qt::UserRole).toString();
        const bool quotes = QFileInfo(path).fileName().contains(QLatin1String("quot"), Qt::CaseInsensitive) ||
                            QFileInfo(path).fileName().contains(QLatin1String("cotiz"), Qt::CaseInsensitive);
        select(quotes ? m_quotes : m_appointments, path);
    });
}

void DatabasePicker::addChoice(const QString &path)
{
    if (path.isEmpty())
        return;
    for (QComboBox *box : {m_appointments, m_quotes}) {
        if (box->findData(path) < 0)
            box->addItem(path, path);
    }
}

void DatabasePicker::select(QComboBox *box, const QString &path)
{
    const int i = box->findData(path);
    if (i >= 0)
        box->setCurrentIndex(i);
    else
        box->setEditText(path);
}

void DatabasePicker::setCurrent(const QString &appointmentsPath, const QString &quotesPath, bool allowSudo)
{
    addChoice(appointmentsPath);
    addChoice(quotesPath);
    select(m_appointments, appointmentsPath);
    select(m_quotes, quotesPath);
    m_sudo->setChecked(allowSudo);
}

void DatabasePicker::setDiscoveryAvailable(bool available, const QString &why)
{
    m_discover->setEnabled(available);
    if (!available && !why.isEmpty())
        m_status->setText(why);
}

void DatabasePicker::setBusy()
{
    m_discover->setEnabled(false);
    ThemedStyleSheet::bind(m_status, nullptr);
    m_status->setText(tr("Looking for databases in the cluster's volumes…"));
}

void DatabasePicker::showOutcome(const db::DiscoveryOutcome &o)
{
    m_discover->setEnabled(true);
    if (!o.ok) {
        ThemedStyleSheet::bind(m_status, [](bool dark) {
            return QStringLiteral("color: %1;")
                .arg(ThemePalette::toneText(ThemePalette::Tone::Error, dark).name());
        });
        m_status->setText(o.error.hint.isEmpty()
                              ? o.error.message
                              : QStringLiteral("%1\n%2").arg(o.error.message, o.error.hint));
        return;
    }
    ThemedStyleSheet::bind(m_status, nullptr);
    m_files->clear();
    for (const QString &f : o.found.files) {
        QString volume;
        for (const db::VolumeDir &v : o.found.volumes) {
            if (f.startsWith(v.dir + QLatin1Char('/')))
                volume = QStringLiteral("%1/%2").arg(v.ns, v.claim);
        }
        auto *item = new QTreeWidgetItem({QFileInfo(f).fileName(), volume, QFileInfo(f).path()});
        item->setData(0, Qt::UserRole, f);
        item->setToolTip(0, f);
        m_files->addTopLevelItem(item);
        addChoice(f);
    }
    m_files->resizeColumnToContents(0);
    m_files->resizeColumnToContents(1);
    if (o.found.files.isEmpty()) {
        m_status->setText(o.found.volumes.isEmpty()
                              ? tr("No volume claims were found in the cluster. Type the paths below.")
                              : tr("%n volume(s) found, but no *.db, *.sqlite or *.sqlite3 file in them.",
                                   nullptr, int(o.found.volumes.size())));
        return;
    }
    m_status->setText(
        tr("%n database file(s) in %1 volume(s). Pick which holds appointments and which quotes.", nullptr,
           int(o.found.files.size()))
            .arg(o.found.volumes.size()));
    // Preselect the guesses only where nothing is chosen yet.
    if (appointmentsPath().isEmpty())
        select(m_appointments, o.found.appointmentsPath);
    if (quotesPath().isEmpty())
        select(m_quotes, o.found.quotesPath);
}

QString DatabasePicker::appointmentsPath() const
{
    const QString t = m_appointments->currentText().trimmed();
    return t == m_appointments->itemText(0) ? QString() : t;
}

QString DatabasePicker::quotesPath() const
{
    const QString t = m_quotes->currentText().trimmed();
    return t == m_quotes->itemText(0) ? QString() : t;
}

bool DatabasePicker::sudo() const
{
    return m_sudo->isChecked();
}

QString DatabasePicker::statusText() const
{
    return m_status->text();
}

} // namespace vigia::ui
