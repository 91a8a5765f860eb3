#include "ConnectWindow.h"

#include "SettingsDialog.h"
#include "ThemePalette.h"
#include "ThemedStyleSheet.h"

#include "ProfileDialog.h"
#include "StatusStyle.h"

#include <QDir>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QAction>
#include <QPushButton>
#include <QSet>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace vigia {

namespace {
constexpr int kNameRole = Qt::UserRole + 1;
// Set on rows that are ~/.ssh/config aliases not saved as profiles yet: shown at first run so the
// list is never empty when the user already has servers in their ssh config.
constexpr int kSuggestionRole = Qt::UserRole + 2;

QString addressOf(const Profile &p)
{
    QString s = p.host;
    if (!p.user.isEmpty())
        s = p.user + QLatin1Char('@') + s;
    if (p.port != 22)
        s += QStringLiteral(":%1").arg(p.port);
    return s;
}
} // namespace

ConnectWindow::ConnectWindow(ProfileStore *store, const ssh::SshConfig &sshConfig,
                             const QString &sshConfigPath, QWidget *parent)
    : QWidget(parent), m_store(store), m_sshConfig(sshConfig), m_sshConfigPath(sshConfigPath)
{
    setObjectName(QStringLiteral("connectWindow"));
    setWindowTitle(tr("Vigía — Connect to a server"));
    setWindowIcon(QIcon(QStringLiteral(":/vigia/icons/vigia.svg")));
    resize(720, 420);

    auto *logo = new QLabel(this);
    logo->setPixmap(QIcon(QStringLiteral(":/vigia/icons/vigia.svg")).pixmap(48, 48));
    auto *title = new QLabel(tr("<b style='font-size:15pt'>Vigía</b><br>"
                                "<span style='color:#5f6b78'>Choose a server to watch over SSH</span>")
                                 // The muted grey of the theme in force (the catalogue keeps the light one).
                                 .replace(QLatin1String("#5f6b78"),
                                          ThemePalette::toneText(ThemePalette::Tone::Muted).name()),
                             this);
    auto *head = new QHBoxLayout;
    head->addWidget(logo);
    head->addWidget(title, 1);

    m_list = new QTreeWidget(this);
    m_list->setObjectName(QStringLiteral("profileList"));
    m_list->setColumnCount(3);
    m_list->setHeaderLabels({tr("Name"), tr("Server"), tr("Options")});
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setAlternatingRowColors(true);
    m_list->setSortingEnabled(true);
    m_list->sortByColumn(0, Qt::AscendingOrder);
    m_list->header()->setStretchLastSection(false);
    m_list->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_list->header()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_list->header()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    // Enter or a double click connects.
    connect(m_list, &QTreeWidget::itemActivated, this, [this] { connectSelected(); });
    connect(m_list, &QTreeWidget::itemSelectionChanged, this, &ConnectWindow::updateButtons);

    m_connect = new QPushButton(tr("&Connect"), this);
    m_connect->setObjectName(QStringLiteral("connectButton"));
    m_connect->setDefault(true);
    auto *add = new QPushButton(tr("&Add…"), this);
    add->setObjectName(QStringLiteral("addButton"));
    m_edit = new QPushButton(tr("&Edit…"), this);
    m_edit->setObjectName(QStringLiteral("editButton"));
    m_delete = new QPushButton(tr("&Delete"), this);
    m_delete->setObjectName(QStringLiteral("deleteButton"));
    m_import = new QPushButton(tr("&Import from SSH config"), this);
    m_import->setObjectName(QStringLiteral("importButton"));
    m_import->setToolTip(
        tr("Add a profile for every Host alias in %1").arg(QDir::toNativeSeparators(m_sshConfigPath)));
    connect(m_connect, &QPushButton::clicked, this, &ConnectWindow::connectSelected);
    connect(add, &QPushButton::clicked, this, [this] { addProfile(); });
    connect(m_edit, &QPushButton::clicked, this, &ConnectWindow::editSelected);
    connect(m_delete, &QPushButton::clicked, this, [this] { deleteSelected(true); });
    connect(m_import, &QPushButton::clicked, this, [this] { importFromSshConfig(); });

    auto *side = new QVBoxLayout;
    side->addWidget(m_connect);
    side->addSpacing(8);
    side->addWidget(add);
    side->addWidget(m_edit);
    side->addWidget(m_delete);
    side->addStretch(1);
    side->addWidget(m_import);
    // Preferences… (Ctrl+,) here too: the theme can be chosen before any connection.
    QAction *preferences = SettingsDialog::createAction(this);
    addAction(preferences);
    auto *preferencesButton = new QPushButton(preferences->text(), this);
    preferencesButton->setObjectName(QStringLiteral("preferencesButton"));
    connect(preferencesButton, &QPushButton::clicked, preferences, &QAction::trigger);
    side->addWidget(preferencesButton);

    auto *body = new QHBoxLayout;
    body->addWidget(m_list, 1);
    body->addLayout(side);

    m_quick = new QLineEdit(this);
    m_quick->setObjectName(QStringLiteral("quickConnect"));
    m_quick->setPlaceholderText(tr("Or type [user@]host[:port] or an ~/.ssh/config alias, then Enter"));
    m_quick->setClearButtonEnabled(true);
    connect(m_quick, &QLineEdit::returnPressed, this, [this] { connectSpec(m_quick->text()); });

    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("connectMessage"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->setVisible(false);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(head);
    layout->addLayout(body, 1);
    layout->addWidget(m_quick);
    layout->addWidget(m_message);

    reload();
    for (const QString &w : m_sshConfig.warnings())
        showMessage(w, false);
}

void ConnectWindow::reload()
{
    const QString keep = selectedName();
    m_list->clear();
    const QList<Profile> profiles = m_store->profiles();
    for (const Profile &p : profiles) {
        auto *item = new QTreeWidgetItem(m_list);
        item->setText(0, p.name);
        item->setData(0, kNameRole, p.name);
        item->setIcon(0, QIcon(QStringLiteral(":/vigia/icons/vigia.svg")));
        item->setText(1, addressOf(p));
        QStringList opts;
        if (p.readOnly)
            opts << tr("read-only");
        if (!p.kubectlOverride.isEmpty())
            opts << p.kubectlOverride;
        if (!p.keyFile.isEmpty())
            opts << QDir::toNativeSeparators(p.keyFile);
        item->setText(2, opts.join(QStringLiteral(" · ")));
        if (p.readOnly)
            item->setIcon(2, QIcon(QStringLiteral(":/vigia/icons/readonly.svg")));
    }
    addSuggestions(profiles);
    if (!selectProfile(keep) && m_list->topLevelItemCount() > 0)
        m_list->setCurrentItem(m_list->topLevelItem(0));
    if (m_list->topLevelItemCount() == 0)
        m_quick->setFocus();
    else
        m_list->setFocus();
    updateButtons();
}

bool ConnectWindow::selectProfile(const QString &name)
{
    if (name.isEmpty())
        return false;
    for (int i = 0; i < m_list->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = m_list->topLevelItem(i);
        if (item->data(0, kNameRole).toString() == name) {
            m_list->setCurrentItem(item);
            return true;
        }
    }
    return false;
}

void ConnectWindow::addSuggestions(const QList<Profile> &profiles)
{
    QSet<QString> taken;
    for (const Profile &p : profiles)
        taken.insert(p.name);
    const QString from = tr("suggested from %1").arg(QDir::toNativeSeparators(m_sshConfigPath));
    for (const QString &alias : m_sshConfig.aliases()) {
        if (taken.contains(alias))
            continue;
        const ssh::SshHostConfig hc = m_sshConfig.resolve(alias);
        Profile p;
        p.host = hc.hostName.isEmpty() ? alias : hc.hostName;
        p.user = hc.user;
        p.port = hc.port.value_or(22);
        auto *item = new QTreeWidgetItem(m_list);
        item->setText(0, alias);
        item->setData(0, kNameRole, alias);
        item->setData(0, kSuggestionRole, true);
        item->setIcon(0, QIcon(QStringLiteral(":/vigia/icons/vigia.svg")));
        item->setText(1, addressOf(p));
        item->setText(2, from);
        item->setToolTip(0, tr("A Host in your ssh config. Connect to use it as it is, or Edit to save "
                               "it as a profile with its own options."));
        QFont italic = item->font(0);
        italic.setItalic(true);
        for (int c = 0; c < 3; ++c) {
            item->setFont(c, italic);
            item->setForeground(c, m_list->palette().brush(QPalette::Disabled, QPalette::Text));
        }
    }
}

bool ConnectWindow::isSuggestionSelected() const
{
    const QTreeWidgetItem *item = m_list->currentItem();
    return item && item->data(0, kSuggestionRole).toBool();
}

QString ConnectWindow::selectedName() const
{
    const QTreeWidgetItem *item = m_list->currentItem();
    return item ? item->data(0, kNameRole).toString() : QString();
}

void ConnectWindow::updateButtons()
{
    const bool has = !selectedName().isEmpty();
    const bool suggestion = isSuggestionSelected();
    m_connect->setEnabled(has);
    m_edit->setEnabled(has);
    m_edit->setText(suggestion ? tr("&Save as profile…") : tr("&Edit…"));
    m_delete->setEnabled(has && !suggestion);
}

void ConnectWindow::showMessage(const QString &text, bool error)
{
    m_message->setText(text);
    ThemedStyleSheet::bind(m_message, [error](bool dark) {
        return QStringLiteral("QLabel { color: %1; }")
            .arg(ThemePalette::toneText(error ? ThemePalette::Tone::Error : ThemePalette::Tone::Muted, dark)
                     .name());
    });
    m_message->setVisible(!text.isEmpty());
}

void ConnectWindow::connectSelected()
{
    if (isSuggestionSelected()) {
        connectSpec(selectedName());
        return;
    }
    const std::optional<Profile> p = m_store->find(selectedName());
    if (!p)
        return;
    Result<ResolvedTarget> r = ProfileStore::resolveProfile(*p, m_sshConfig);
    if (!r.ok()) {
        showMessage(r.error().toString(), true);
        return;
    }
    showMessage({}, false);
    emit connectRequested(r.value());
}

void ConnectWindow::connectSpec(const QString &spec)
{
    if (spec.trimmed().isEmpty())
        return;
    Result<ResolvedTarget> r = m_store->resolveConnectSpec(spec.trimmed(), m_sshConfig);
    if (!r.ok()) {
        showMessage(r.error().toString(), true);
        return;
    }
    showMessage({}, false);
    emit connectRequested(r.value());
}

void ConnectWindow::addProfile(const Profile &seed)
{
    QStringList taken;
    for (const Profile &p : m_store->profiles())
        taken << p.name;
    ProfileDialog dlg(seed, taken, this);
    if (dlg.exec() != QDialog::Accepted)
        return;
    const Profile p = dlg.profile();
    const Result<void> r = m_store->add(p);
    if (!r.ok()) {
        showMessage(r.error().toString(), true);
        return;
    }
    reload();
    selectProfile(p.name);
}

void ConnectWindow::editSelected()
{
    const QString name = selectedName();
    if (isSuggestionSelected()) {
        saveSuggestion(name);
        return;
    }
    const std::optional<Profile> current = m_store->find(name);
    if (!current)
        return;
    QStringList taken;
    for (const Profile &p : m_store->profiles())
        taken << p.name;
    ProfileDialog dlg(*current, taken, this);
    if (dlg.exec() != QDialog::Accepted)
        return;
    const Profile p = dlg.profile();
    const Result<void> r = m_store->update(name, p);
    if (!r.ok()) {
        showMessage(r.error().toString(), true);
        return;
    }
    reload();
    selectProfile(p.name);
}

void ConnectWindow::saveSuggestion(const QString &alias)
{
    addProfile(ProfileStore::profileForAlias(alias, m_sshConfig));
}

bool ConnectWindow::deleteSelected(bool confirm)
{
    const QString name = selectedName();
    if (name.isEmpty() || isSuggestionSelected())
        return false;
    if (confirm && QMessageBox::question(
                       this, tr("Delete server"),
                       tr("Delete the profile “%1”? Nothing on the server changes.").arg(name),
                       QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel) != QMessageBox::Yes)
        return false;
    const bool ok = m_store->remove(name);
    reload();
    return ok;
}

QStringList ConnectWindow::importFromSshConfig()
{
    const QStringList added = m_store->importFromSshConfig(m_sshConfig);
    reload();
    if (added.isEmpty())
        showMessage(tr("No new Host aliases in %1.").arg(QDir::toNativeSeparators(m_sshConfigPath)), false);
    else
        showMessage(
            tr("Imported %n server(s): %1", nullptr, int(added.size())).arg(added.join(QStringLiteral(", "))),
            false);
    if (!added.isEmpty())
        selectProfile(added.first());
    return added;
}

} // namespace vigia
