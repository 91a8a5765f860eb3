#include "capacity/CapacityPanel.h"

#include "ThemePalette.h"
#include "kube/Quantity.h"

#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QStyle>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>

namespace vigia::ui {

using metrics::CapacityRow;
using kube::formatBytes;

namespace {
enum Column { Name, Request, Limit, P95, Peak, OfLimit, ColumnCount };

QString optBytes(const std::optional<qint64> &v)
{
    return v ? formatBytes(*v) : QStringLiteral("—");
}

void fillRow(QTreeWidgetItem *item, const CapacityRow &r, const QString &name)
{
    item->setText(Name, name);
    item->setText(Request, r.memoryRequest ? formatBytes(r.memoryRequest) : QStringLiteral("—"));
    QString limit = r.memoryLimitSum ? formatBytes(r.memoryLimitSum) : QString();
    if (r.podsWithoutLimit > 0)
        limit = limit.isEmpty() ? QObject::tr("none")
                                : limit + QObject::tr(" (+%n without)", nullptr, r.podsWithoutLimit);
    item->setText(Limit, limit);
    item->setText(P95, optBytes(r.memoryP95));
    item->setText(Peak, optBytes(r.memoryPeak));
    if (r.memoryPeak && r.memoryLimitSum > 0 && r.podsWithoutLimit == 0) {
        const double pct = 100.0 * double(*r.memoryPeak) / double(r.memoryLimitSum);
        item->setText(OfLimit, QStringLiteral("%1%").arg(qint64(std::llround(pct))));
        if (pct > 90.0)
            item->setForeground(OfLimit, ThemePalette::toneText(ThemePalette::Tone::Error));
    }
    for (int c = Request; c < ColumnCount; ++c)
        item->setTextAlignment(c, Qt::AlignRight | Qt::AlignVCenter);
}
} // namespace

CapacityPanel::CapacityPanel(QWidget *parent) : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_sentence = new QLabel(this);
    m_sentence->setWordWrap(true);
    QFont f = m_sentence->font();
    f.setPointSizeF(f.pointSizeF() * 1.15);
    f.setBold(true);
    m_sentence->setFont(f);
    m_sentence->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_totals = new QLabel(this);
    m_totals->setWordWrap(true);
    m_table = new QTreeWidget(this);
    m_table->setColumnCount(ColumnCount);
    m_table->setHeaderLabels(
        {tr("Namespace / pod"), tr("Request"), tr("Limit"), tr("p95"), tr("Peak"), tr("Peak / limit")});
    m_table->setRootIsDecorated(true);
    m_table->setUniformRowHeights(true);
    m_table->header()->setStretchLastSection(false);
    m_table->header()->setSectionResizeMode(Name, QHeaderView::Stretch);
    for (int c = Request; c < ColumnCount; ++c)
        m_table->header()->setSectionResizeMode(c, QHeaderView::ResizeToContents);
    m_table->header()->setMinimumSectionSize(70);
    m_warnings = new QListWidget(this);
    m_warnings->setMaximumHeight(120);
    layout->addWidget(m_sentence);
    layout->addWidget(m_totals);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_warnings);
    connect(m_table, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item) {
        const QString ns = item->data(Name, Qt::UserRole).toString();
        const QString pod = item->data(Name, Qt::UserRole + 1).toString();
        if (!pod.isEmpty())
            emit podActivated(ns, pod);
    });
}

void CapacityPanel::setReport(const metrics::CapacityReport &r)
{
    m_sentence->setText(r.sentence);
    QStringList totals;
    totals << tr("Budget %1").arg(formatBytes(r.budgetBytes));
    if (r.nodeAllocatableBytes)
        totals << tr("node allocatable %1").arg(formatBytes(*r.nodeAllocatableBytes));
    if (r.overheadPeakBytes)
        totals << tr("K3s + system peak %1").arg(formatBytes(*r.overheadPeakBytes));
    // Each sum against the node's allocatable (what the scheduler hands out), when known.
    auto ofAllocatable = [&r](qint64 v) {
        if (!r.nodeAllocatableBytes || *r.nodeAllocatableBytes <= 0)
            return QString();
        return tr(" (%1% of allocatable)")
            .arg(qint64(std::llround(100.0 * double(v) / double(*r.nodeAllocatableBytes))));
    };
    totals
        << tr("requests %1%2").arg(formatBytes(r.total.memoryRequest), ofAllocatable(r.total.memoryRequest));
    if (r.total.memoryLimitSum > 0)
        totals << tr("limits %1%2")
                      .arg(formatBytes(r.total.memoryLimitSum), ofAllocatable(r.total.memoryLimitSum));
    if (r.total.memoryP95)
        totals << tr("pod p95 %1").arg(formatBytes(*r.total.memoryP95));
    if (r.total.memoryPeak) {
        totals << tr("pod peaks %1").arg(formatBytes(*r.total.memoryPeak));
        const qint64 used = *r.total.memoryPeak + r.overheadPeakBytes.value_or(0);
        totals << tr("peaks with K3s + system: %1% of the budget")
                      .arg(qint64(
                          std::llround(100.0 * double(used) / double(std::max<qint64>(1, r.budgetBytes)))));
    }
    m_totals->setText(totals.join(QStringLiteral(" · ")));

    QSet<QString> expanded;
    for (int i = 0; i < m_table->topLevelItemCount(); ++i)
        if (m_table->topLevelItem(i)->isExpanded())
            expanded.insert(m_table->topLevelItem(i)->data(Name, Qt::UserRole).toString());
    m_table->clear();
    for (const CapacityRow &ns : r.namespaces) {
        auto *item = new QTreeWidgetItem(m_table);
        fillRow(item, ns, ns.ns);
        item->setData(Name, Qt::UserRole, ns.ns);
        for (const CapacityRow &p : r.pods) {
            if (p.ns != ns.ns)
                continue;
            auto *child = new QTreeWidgetItem(item);
            fillRow(child, p, p.pod);
            child->setData(Name, Qt::UserRole, p.ns);
            child->setData(Name, Qt::UserRole + 1, p.pod);
        }
        item->setExpanded(expanded.contains(ns.ns));
    }
    auto *total = new QTreeWidgetItem(m_table);
    fillRow(total, r.total, tr("Total"));
    QFont bold = total->font(Name);
    bold.setBold(true);
    for (int c = 0; c < ColumnCount; ++c)
        total->setFont(c, bold);

    m_warnings->clear();
    for (const auto &w : r.warnings) {
        auto *item =
            new QListWidgetItem(style()->standardIcon(QStyle::SP_MessageBoxWarning), w.text, m_warnings);
        item->setData(Qt::UserRole, int(w.kind));
    }
    if (r.warnings.isEmpty())
        new QListWidgetItem(style()->standardIcon(QStyle::SP_DialogApplyButton), tr("No capacity warnings."),
                            m_warnings);
}

QString CapacityPanel::sentence() const
{
    return m_sentence->text();
}
QString CapacityPanel::totalsText() const
{
    return m_totals->text();
}

QStringList CapacityPanel::warningTexts() const
{
    QStringList out;
    for (int i = 0; i < m_warnings->count(); ++i)
        if (m_warnings->item(i)->data(Qt::UserRole).isValid())
            out << m_warnings->item(i)->text();
    return out;
}

} // namespace vigia::ui
