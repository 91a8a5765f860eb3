#include "cluster/ClusterTab.h"

#include "cluster/ClusterFilterProxyModel.h"
#include "cluster/StaleBanner.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QShortcut>
#include <QTableView>
#include <QVBoxLayout>

namespace vigia::cluster {

namespace {
const QString kAllButSystem = QStringLiteral("\x01all-but-system");
const QString kAll = QStringLiteral("\x01all");
} // namespace

ClusterTab::ClusterTab(QAbstractItemModel *model, bool namespaced, int defaultSortColumn, QWidget *parent)
    : QWidget(parent)
{
    auto *lay = new QVBoxLayout(this);
    lay->setContentsMargins(4, 4, 4, 4);
    lay->setSpacing(4);
    m_banner = new StaleBanner(this);
    lay->addWidget(m_banner);

    auto *bar = new QHBoxLayout;
    m_filter = new QLineEdit(this);
    m_filter->setObjectName(QStringLiteral("clusterFilter"));
    m_filter->setPlaceholderText(tr("Filter (press / to focus)"));
    m_filter->setClearButtonEnabled(true);
    bar->addWidget(m_filter, 1);
    if (namespaced) {
        m_namespaces = new QComboBox(this);
        m_namespaces->setObjectName(QStringLiteral("namespaceBox"));
        m_namespaces->addItem(tr("All but kube-system"), kAllButSystem);
        m_namespaces->addItem(tr("All namespaces"), kAll);
        m_namespaces->setSizeAdjustPolicy(QComboBox::AdjustToContents);
        bar->addWidget(new QLabel(tr("Namespace:"), this));
        bar->addWidget(m_namespaces);
    }
    m_problemsFirst = new QCheckBox(tr("Problems first"), this);
    m_problemsFirst->setObjectName(QStringLiteral("problemsFirst"));
    m_problemsFirst->setChecked(true);
    bar->addWidget(m_problemsFirst);
    lay->addLayout(bar);

    m_proxy = new ClusterFilterProxyModel(this);
    m_proxy->setSourceModel(model);
    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("clusterTable"));
    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(defaultSortColumn, Qt::AscendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 8);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->horizontalHeader()->setHighlightSections(false);
    lay->addWidget(m_view, 1);

    connect(m_filter, &QLineEdit::textChanged, m_proxy, &ClusterFilterProxyModel::setText);
    connect(m_problemsFirst, &QCheckBox::toggled, m_proxy, &ClusterFilterProxyModel::setProblemsFirst);
    if (m_namespaces)
        connect(m_namespaces, &QComboBox::currentIndexChanged, this, &ClusterTab::applyNamespaceChoice);
    auto *slash = new QShortcut(QKeySequence(Qt::Key_Slash), this);
    slash->setContext(Qt::WidgetWithChildrenShortcut);
    connect(slash, &QShortcut::activated, this, &ClusterTab::focusFilter);
    auto *esc = new QShortcut(QKeySequence(Qt::Key_Escape), m_filter);
    esc->setContext(Qt::WidgetShortcut);
    connect(esc, &QShortcut::activated, this, [this]() {
        m_filter->clear();
        m_view->setFocus();
    });
}

void ClusterTab::focusFilter()
{
    m_filter->setFocus(Qt::ShortcutFocusReason);
    m_filter->selectAll();
}

void ClusterTab::setNamespaces(QStringList namespaces)
{
    if (!m_namespaces)
        return;
    namespaces.removeDuplicates();
    namespaces.sort();
    QStringList current;
    for (int i = 2; i < m_namespaces->count(); ++i)
        current << m_namespaces->itemData(i).toString();
    if (current == namespaces)
        return;
    const QString chosen = m_namespaces->currentData().toString();
    const QSignalBlocker block(m_namespaces);
    while (m_namespaces->count() > 2)
        m_namespaces->removeItem(2);
    for (const QString &ns : std::as_const(namespaces))
        m_namespaces->addItem(ns, ns);
    const int at = m_namespaces->findData(chosen);
    m_namespaces->setCurrentIndex(at >= 0 ? at : 0);
    applyNamespaceChoice();
}

void ClusterTab::applyNamespaceChoice()
{
    const QString v = m_namespaces->currentData().toString();
    if (v == kAllButSystem) {
        m_proxy->setNamespace(QString());
        m_proxy->setHideSystem(true);
    } else if (v == kAll) {
        m_proxy->setNamespace(QString());
        m_proxy->setHideSystem(false);
    } else {
        m_proxy->setHideSystem(false);
        m_proxy->setNamespace(v);
    }
}

void ClusterTab::fitColumns()
{
    if (m_proxy->rowCount() == 0)
        return;
    QHeaderView *h = m_view->horizontalHeader();
    if (!m_fitted) {
        m_fitted = true;
        m_view->resizeColumnsToContents();
        for (int c = 0; c < h->count(); ++c)
            h->resizeSection(c, std::min(h->sectionSize(c) + 12, 420));
        return;
    }
    // Later rounds only widen a column whose text grew ("Ready" became "NotReady"), so a
    // status is never cut; the widths the user chose otherwise stay.
    const QAbstractItemView *view = m_view; // sizeHintForColumn is public there
    for (int c = 0; c < h->count(); ++c) {
        const int wanted = std::min(view->sizeHintForColumn(c) + 12, 420);
        if (!h->isSectionHidden(c) && wanted > h->sectionSize(c))
            h->resizeSection(c, wanted);
    }
}

} // namespace vigia::cluster
