#include "ConnectWindow.h"

#include "ProfileDialog.h"
#include "StatusStyle.h"

#include <QDir>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace vigia {

namespace {
constexpr int kNameRole = Qt::UserRole + 1;

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
                                "<span style='color:#5f6b78'>Choose a server to watch over SSH</span>"),
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
    connect(add, &QPushButton::clicked, this, &ConnectWindow::addProfile);
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
    if (!selectProfile(keep) && m_list->topLevelItemCount() > 0)
        m_list->setCurrentItem(m_list->topLevelItem(0));
    if (profiles.isEmpty())
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

QString ConnectWindow::selectedName() const
{
    const QTreeWidgetItem *item = m_list->currentItem();
    return item ? item->data(0, kNameRole).toString() : QString();
}

void ConnectWindow::updateButtons()
{
    const bool has = !selectedName().isEmpty();
    m_connect->setEnabled(has);
    m_edit->setEnabled(has);
    m_delete->setEnabled(has);
}

void ConnectWindow::showMessage(const QString &text, bool error)
{
    m_message->setText(text);
    m_message->setStyleSheet(error ? QStringLiteral("QLabel { color: #b3261e; }")
                                   : QStringLiteral("QLabel { color: #5f6b78; }"));
    m_message->setVisible(!text.isEmpty());
}

void ConnectWindow::connectSelected()
{
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

void ConnectWindow::addProfile()
{
    QStringList taken;
    for (const Profile &p : m_store->profiles())
        taken << p.name;
    ProfileDialog dlg(Profile{}, taken, this);
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

bool ConnectWindow::deleteSelected(bool confirm)
{
    const QString name = selectedName();
    if (name.isEmpty())
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
