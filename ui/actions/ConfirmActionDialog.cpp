#include "actions/ConfirmActionDialog.h"

#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

namespace vigia::ui {

using namespace vigia::actions;

QString ConfirmActionDialog::confirmText(ActionKind kind)
{
    switch (kind) {
    // A key of their own (Alt+R, …): Enter stays on Cancel, but confirming needs no mouse at 3 AM.
    case ActionKind::Restart:
        return tr("&Restart");
    case ActionKind::Undo:
        return tr("Roll &back");
    case ActionKind::Scale:
        return tr("&Scale");
    case ActionKind::DeletePod:
        return tr("&Delete pod");
    }
    return tr("Confirm");
}

ConfirmActionDialog::ConfirmActionDialog(const ActionSpec &spec, const QString &commandLine,
                                         bool requireTypedName, QWidget *parent)
    : QDialog(parent), m_spec(spec)
{
    setWindowTitle(actionTitle(spec) + QStringLiteral("?"));
    setObjectName(QStringLiteral("confirmActionDialog"));
    auto *layout = new QVBoxLayout(this);

    auto *top = new QHBoxLayout;
    auto *icon = new QLabel(this);
    const bool dangerous =
        actionIsDestructive(spec.kind) || (spec.kind == ActionKind::Scale && spec.replicas == 0);
    icon->setPixmap(
        style()
            ->standardIcon(dangerous ? QStyle::SP_MessageBoxWarning : QStyle::SP_MessageBoxQuestion)
            .pixmap(40, 40));
    icon->setAlignment(Qt::AlignTop);
    top->addWidget(icon);
    auto *text = new QVBoxLayout;
    auto *title = new QLabel(QStringLiteral("<b>%1?</b>").arg(actionTitle(spec).toHtmlEscaped()), this);
    title->setTextFormat(Qt::RichText);
    text->addWidget(title);

    auto *facts = new QFormLayout;
    auto plain = [this](const QString &s) {
        auto *l = new QLabel(s, this);
        l->setTextFormat(Qt::PlainText);
        l->setTextInteractionFlags(Qt::TextSelectableByMouse);
        return l;
    };
    facts->addRow(tr("Server:"), plain(spec.server));
    facts->addRow(tr("Namespace:"), plain(spec.namespaceName));
    facts->addRow(tr("Object:"), plain(objectKindName(spec.objectKind) + QLatin1Char('/') + spec.objectName));
    text->addLayout(facts);

    auto *what = plain(actionDescription(spec));
    what->setWordWrap(true);
    what->setObjectName(QStringLiteral("actionDescription"));
    text->addWidget(what);
    top->addLayout(text, 1);
    layout->addLayout(top);

    auto *cmdCaption = new QLabel(tr("Command sent to the server:"), this);
    layout->addWidget(cmdCaption);
    auto *cmd = plain(commandLine);
    cmd->setObjectName(QStringLiteral("commandLine"));
    cmd->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    cmd->setWordWrap(true);
    cmd->setStyleSheet(QStringLiteral("QLabel { background: palette(base); padding: 4px; }"));
    layout->addWidget(cmd);

    if (requireTypedName) {
        auto *ask = new QLabel(tr("Type <b>%1</b> to confirm:").arg(spec.objectName.toHtmlEscaped()), this);
        layout->addWidget(ask);
        m_nameEdit = new QLineEdit(this);
        m_nameEdit->setObjectName(QStringLiteral("typedName"));
        m_nameEdit->setPlaceholderText(spec.objectName);
        layout->addWidget(m_nameEdit);
    }

    auto *buttons = new QDialogButtonBox(this);
    m_cancel = buttons->addButton(QDialogButtonBox::Cancel);
    m_confirm = buttons->addButton(confirmText(spec.kind), QDialogButtonBox::AcceptRole);
    m_confirm->setObjectName(QStringLiteral("confirmButton"));
    // Enter must never confirm by accident: Cancel is the default.
    m_confirm->setAutoDefault(false);
    m_confirm->setDefault(false);
    m_cancel->setAutoDefault(true);
    m_cancel->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);

    if (m_nameEdit) {
        m_confirm->setEnabled(false);
        connect(m_nameEdit, &QLineEdit::textChanged, this,
                [this](const QString &t) { m_confirm->setEnabled(t == m_spec.objectName); });
        m_nameEdit->setFocus();
    } else {
        m_cancel->setFocus();
    }
    setMinimumWidth(480);
}

} // namespace vigia::ui
