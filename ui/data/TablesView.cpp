#include "data/TablesView.h"

#include "db/CsvExport.h"

#include <QComboBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace vigia::ui {

TablesView::TablesView(QWidget *parent) : QWidget(parent)
{
    m_model = new db::TableBrowserModel(this);
    m_tables = new QListWidget(this);
    m_columns = new QTreeWidget(this);
    m_columns->setHeaderLabels({tr("Column"), tr("Type")});
    m_columns->setRootIsDecorated(false);
    auto *left = new QSplitter(Qt::Vertical, this);
    left->addWidget(m_tables);
    left->addWidget(m_columns);

    m_filter = new QLineEdit(this);
    m_filter->setPlaceholderText(tr("Filter rows (contains)…"));
    m_filter->setClearButtonEnabled(true);
    m_filterColumn = new QComboBox(this);
    m_count = new QLabel(this);
    auto *exportBtn = new QPushButton(tr("Export CSV…"), this);
    auto *mapBtn = new QPushButton(tr("Map as appointments…"), this);
    mapBtn->setToolTip(tr("Show this table in the agenda: choose its start, end, client and status columns"));
    connect(mapBtn, &QPushButton::clicked, this, [this] { emit mapRequested(m_model->table()); });
    auto *bar = new QHBoxLayout;
    bar->addWidget(m_filter, 1);
    bar->addWidget(m_filterColumn);
    bar->addWidget(m_count);
    bar->addWidget(mapBtn);
    bar->addWidget(exportBtn);

    m_table = new QTableView(this);
    m_table->setModel(m_model);
    m_table->setSortingEnabled(true);
    m_table->horizontalHeader()->setSortIndicatorShown(true);
    m_table->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);
    m_table->setWordWrap(false);
    auto *right = new QWidget(this);
    auto *rl = new QVBoxLayout(right);
    rl->setContentsMargins(0, 0, 0, 0);
    rl->addLayout(bar);
    rl->addWidget(m_table, 1);

    auto *split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(left);
    split->addWidget(right);
    split->setStretchFactor(1, 1);
    auto *lay = new QVBoxLayout(this);
    lay->setContentsMargins(4, 4, 4, 4);
    lay->addWidget(split);

    // Typing filters after a pause, not on every key: each change is a query.
    auto *debounce = new QTimer(this);
    debounce->setSingleShot(true);
    debounce->setInterval(250);
    connect(debounce, &QTimer::timeout, this, &TablesView::applyFilter);
    connect(m_filter, &QLineEdit::textChanged, debounce, qOverload<>(&QTimer::start));
    connect(m_filterColumn, &QComboBox::currentIndexChanged, this, &TablesView::applyFilter);
    connect(m_tables, &QListWidget::currentTextChanged, this, [this](const QString &t) {
        if (!t.isEmpty())
            showTable(t);
    });
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &TablesView::updateCount);
    connect(m_model, &QAbstractItemModel::modelReset, this, &TablesView::updateCount);
    connect(exportBtn, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(
            this, tr("Export rows"), m_model->table() + QStringLiteral(".csv"), tr("CSV (*.csv)"));
        if (!path.isEmpty())
            (void)db::CsvExport::writeFile(m_model, path);
    });
}

Result<void> TablesView::openDatabase(const QString &path)
{
    auto r = m_model->openDatabase(path);
    m_tables->clear();
    m_columns->clear();
    if (!r)
        return r;
    m_tables->addItems(m_model->tables());
    if (m_tables->count() > 0)
        m_tables->setCurrentRow(0);
    return {};
}

bool TablesView::showTable(const QString &table)
{
    if (!m_model->setTable(table))
        return false;
    const auto items = m_tables->findItems(table, Qt::MatchExactly);
    if (!items.isEmpty() && m_tables->currentItem() != items.first())
        m_tables->setCurrentItem(items.first());
    m_columns->clear();
    m_filterColumn->blockSignals(true);
    m_filterColumn->clear();
    m_filterColumn->addItem(tr("Any column"), -1);
    int i = 0;
    for (const db::ColumnInfo &c : m_model->columns()) {
        auto *item =
            new QTreeWidgetItem({c.name, c.type + (c.primaryKey ? QStringLiteral(" PK") : QString())});
        m_columns->addTopLevelItem(item);
        m_filterColumn->addItem(c.name, i++);
    }
    m_filterColumn->blockSignals(false);
    m_filter->blockSignals(true);
    m_filter->clear();
    m_filter->blockSignals(false);
    m_table->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
    if (m_model->canFetchMore({}))
        m_model->fetchMore({});
    m_table->resizeColumnsToContents();
    for (int c = 0; c < m_model->columnCount(); ++c)
        m_table->setColumnWidth(c, qMin(m_table->columnWidth(c), 280));
    updateCount();
    return true;
}

void TablesView::applyFilter()
{
    m_model->setFilter(m_filter->text(), m_filterColumn->currentData().toInt());
    if (m_model->canFetchMore({}))
        m_model->fetchMore({});
}

void TablesView::updateCount()
{
    m_count->setText(m_model->canFetchMore({}) ? tr("%n+ rows", nullptr, m_model->rowCount())
                                               : tr("%n rows", nullptr, m_model->rowCount()));
}

} // namespace vigia::ui
