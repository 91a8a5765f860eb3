#include "actions/ActivityView.h"

#include "actions/ActivityModel.h"
#include "actions/AuditLog.h"

#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QTableView>
#include <QVBoxLayout>

namespace vigia::ui {

using namespace vigia::actions;

ActivityView::ActivityView(AuditLog *audit, QWidget *parent) : QWidget(parent), m_audit(audit)
{
    auto *layout = new QVBoxLayout(this);
    auto *intro =
        new QLabel(tr("Every change Vigía sent to a cluster, newest first (kept on this computer)."), this);
    layout->addWidget(intro);
    m_filter = new QLineEdit(this);
    m_filter->setPlaceholderText(tr("Filter by object, namespace, command or outcome"));
    m_filter->setClearButtonEnabled(true);
    layout->addWidget(m_filter);
    m_model = new ActivityModel(this);
    m_table = new QTableView(this);
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->verticalHeader()->hide();
    m_table->setWordWrap(false);
    m_table->horizontalHeader()->setStretchLastSection(true);
    layout->addWidget(m_table, 1);

    connect(m_filter, &QLineEdit::textChanged, this, &ActivityView::reload);
    if (m_audit) {
        // An id seen for the first time or changed: reread only that row.
        auto refreshOne = [this](qint64 id) {
            if (!m_audit || !m_filter->text().isEmpty()) {
                reload();
                return;
            }
            const Result<AuditEntry> e = m_audit->entry(id);
            if (e)
                m_model->upsert(e.value());
        };
        connect(m_audit, &AuditLog::entryAdded, this, refreshOne);
        connect(m_audit, &AuditLog::entryChanged, this, refreshOne);
    }
    reload();
}

void ActivityView::reload()
{
    if (!m_audit || !m_audit->isOpen()) {
        m_model->setEntries({});
        return;
    }
    AuditQuery q;
    q.textFilter = m_filter->text().trimmed();
    const Result<QList<AuditEntry>> entries = m_audit->entries(q);
    m_model->setEntries(entries ? entries.value() : QList<AuditEntry>{});
    m_table->resizeColumnsToContents();
}

void ActivityView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    // Fit the short columns to their text each time the trail is shown; the outcome keeps the rest.
    m_table->resizeColumnsToContents();
    for (int c = 0; c < m_table->model()->columnCount() - 1; ++c)
        m_table->setColumnWidth(c, qMin(m_table->columnWidth(c), 240));
}

} // namespace vigia::ui
