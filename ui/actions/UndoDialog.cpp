#include "actions/UndoDialog.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QRadioButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace vigia::ui {

using namespace vigia::actions;

UndoDialog::UndoDialog(const ActionSpec &spec, const QList<RolloutRevision> &revisions, const QDateTime &now,
                       QWidget *parent)
    : QDialog(parent), m_spec(spec), m_revisions(revisions)
{
    m_spec.kind = ActionKind::Undo;
    setWindowTitle(tr("Roll back %1").arg(spec.objectName));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(
        tr("Roll back %1/%2 in namespace %3 on %4 to:")
            .arg(objectKindName(spec.objectKind), spec.objectName, spec.namespaceName, spec.server),
        this);
    intro->setTextFormat(Qt::PlainText);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    const int previous = previousRevision(revisions);
    m_previous = new QRadioButton(
        previous > 0 ? tr("The previous revision (%1)").arg(previous) : tr("The previous revision"), this);
    m_pick = new QRadioButton(tr("The revision selected below:"), this);
    layout->addWidget(m_previous);
    layout->addWidget(m_pick);

    m_table = new QTableWidget(int(revisions.size()), 4, this);
    m_table->setHorizontalHeaderLabels({tr("Revision"), tr("Images"), tr("Change-cause"), tr("Age")});
    m_table->verticalHeader()->hide();
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    for (int row = 0; row < revisions.size(); ++row) {
        const RolloutRevision &r = revisions.at(row);
        auto *rev = new QTableWidgetItem(r.current ? tr("%1 (current)").arg(r.revision)
                                                   : QString::number(r.revision));
        rev->setData(Qt::UserRole, r.revision);
        if (r.current) {
            // The current revision cannot be a rollback target.
            rev->setFlags(rev->flags() & ~Qt::ItemIsSelectable);
            QFont f = rev->font();
            f.setBold(true);
            rev->setFont(f);
        }
        m_table->setItem(row, 0, rev);
        auto *images = new QTableWidgetItem(r.images.join(QStringLiteral(", ")));
        images->setToolTip(r.images.join(QLatin1Char('\n')));
        m_table->setItem(row, 1, images);
        m_table->setItem(row, 2,
                         new QTableWidgetItem(r.changeCause.isEmpty() ? QStringLiteral("—") : r.changeCause));
        auto *age = new QTableWidgetItem(formatAge(r.created, now));
        age->setToolTip(r.created.toString(Qt::ISODate));
        m_table->setItem(row, 3, age);
        for (int c = 1; c < 4; ++c)
            if (r.current)
                m_table->item(row, c)->setFlags(m_table->item(row, c)->flags() & ~Qt::ItemIsSelectable);
    }
    m_table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_table->resizeColumnsToContents();
    m_table->horizontalHeader()->setStretchLastSection(false);
    m_table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    layout->addWidget(m_table, 1);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    auto *ok = buttons->button(QDialogButtonBox::Ok);
    ok->setText(tr("Continue…"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);

    auto update = [this, ok, previous]() {
        if (m_pick->isChecked())
            ok->setEnabled(chosenRevision() > 0);
        else
            ok->setEnabled(previous > 0 || m_revisions.isEmpty());
    };
    connect(m_table, &QTableWidget::itemSelectionChanged, this, [this, update]() {
        if (!m_table->selectedItems().isEmpty())
            m_pick->setChecked(true);
        update();
    });
    connect(m_previous, &QRadioButton::toggled, this, update);
    connect(m_pick, &QRadioButton::toggled, this, update);
    m_previous->setChecked(true);
    update();
    resize(640, 360);
}

int UndoDialog::chosenRevision() const
{
    if (!m_pick->isChecked())
        return 0;
    const QList<QTableWidgetItem *> sel = m_table->selectedItems();
    if (sel.isEmpty())
        return -1;
    return m_table->item(sel.first()->row(), 0)->data(Qt::UserRole).toInt();
}

ActionSpec UndoDialog::result() const
{
    ActionSpec s = m_spec;
    s.revision = qMax(0, chosenRevision());
    return s;
}

} // namespace vigia::ui
