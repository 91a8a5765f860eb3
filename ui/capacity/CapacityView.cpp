#include "capacity/CapacityView.h"

#include "capacity/CapacityPanel.h"
#include "capacity/ResourceChartView.h"

#include <QButtonGroup>
#include <QDateTime>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QTimer>

#include <QVBoxLayout>
#include <cstdlib>

namespace vigia::ui {

CapacityView::CapacityView(QWidget *parent) : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    auto *bar = new QHBoxLayout;
    m_ranges = new QButtonGroup(this);
    const struct {
        const char *label;
        qint64 ms;
    } ranges[] = {{"15 min", 15 * 60000LL},
                  {"1 h", 3600000LL},
                  {"24 h", 24 * 3600000LL},
                  {"7 days", 7 * 24 * 3600000LL}};
    for (const auto &r : ranges) {
        auto *b = new QPushButton(tr(r.label), this);
        b->setCheckable(true);
        b->setChecked(r.ms == m_rangeMs);
        b->setProperty("rangeMs", r.ms);
        m_ranges->addButton(b);
        bar->addWidget(b);
    }
    bar->addStretch(1);
    m_missing = new QLabel(this);
    m_missing->setWordWrap(true);
    m_missing->setVisible(false);
    m_missing->setStyleSheet(
        QStringLiteral("QLabel { background: #fff4ce; border: 1px solid #e0c060; padding: 4px; }"));
    layout->addLayout(bar);
    layout->addWidget(m_missing);

    auto *split = new QSplitter(Qt::Vertical, this);
    m_memory = new ResourceChartView(ResourceChartView::Mode::Memory, split);
    m_cpu = new ResourceChartView(ResourceChartView::Mode::Cpu, split);
    m_panel = new CapacityPanel(split);
    split->addWidget(m_memory);
    split->addWidget(m_cpu);
    split->addWidget(m_panel);
    split->setStretchFactor(0, 5);
    split->setStretchFactor(1, 3);
    split->setStretchFactor(2, 4);
    layout->addWidget(split, 1);

    connect(m_ranges, &QButtonGroup::buttonClicked, this,
            [this](QAbstractButton *b) { setRangeMs(b->property("rangeMs").toLongLong()); });
    auto toggle = [this](const QString &ns) {
        if (m_expanded.contains(ns))
            m_expanded.remove(ns);
        else
            m_expanded.insert(ns);
        refresh(m_lastNow);
    };
    connect(m_memory, &ResourceChartView::namespaceClicked, this, toggle);
    connect(m_cpu, &ResourceChartView::namespaceClicked, this, toggle);
    connect(m_memory, &ResourceChartView::podClicked, this, &CapacityView::podSelected);
    connect(m_cpu, &ResourceChartView::podClicked, this, &CapacityView::podSelected);
    connect(m_panel, &CapacityPanel::podActivated, this, &CapacityView::podSelected);

    // One bucket per pixel: a much wider or narrower chart is rebuilt once the resizing stops.
    m_resizeRefresh = new QTimer(this);
    m_resizeRefresh->setSingleShot(true);
    m_resizeRefresh->setInterval(150);
    connect(m_resizeRefresh, &QTimer::timeout, this, [this] {
        if (std::abs(m_memory->pixelBuckets() - m_drawnBuckets) * 10 > m_drawnBuckets)
            refresh(m_lastNow);
    });
}

void CapacityView::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    if (m_drawnBuckets > 0)
        m_resizeRefresh->start();
}

void CapacityView::setHistoryStore(metrics::HistoryStore *store)
{
    m_store = store;
}
void CapacityView::setPodResources(const QList<metrics::PodResources> &pods)
{
    m_pods = pods;
    // A pod keeps only its last termination: stored, the kill stays on the time axis
    // after the next restart and after the console is closed (the store de-duplicates).
    if (m_store && m_store->isOpen())
        for (const auto &p : m_pods)
            for (const auto &o : p.ooms)
                if (o.finishedAtMs > 0)
                    (void)m_store->appendOom({o.finishedAtMs, p.ns, p.name, o.container});
}

void CapacityView::setBudget(std::optional<qint64> profileBudget, std::optional<qint64> nodeCapacity,
                             std::optional<qint64> nodeAllocatable)
{
    m_profileBudget = profileBudget;
    m_nodeCapacity = nodeCapacity;
    m_nodeAllocatable = nodeAllocatable;
}

void CapacityView::setMissing(const QStringList &missing)
{
    m_missing->setText(tr("Not shown: %1").arg(missing.join(QStringLiteral("; "))));
    m_missing->setVisible(!missing.isEmpty());
}

void CapacityView::setRangeMs(qint64 rangeMs)
{
    m_rangeMs = std::max<qint64>(60000, rangeMs);
    for (QAbstractButton *b : m_ranges->buttons())
        b->setChecked(b->property("rangeMs").toLongLong() == m_rangeMs);
    refresh(m_lastNow);
}

void CapacityView::refresh(qint64 nowMs)
{
    const qint64 now = nowMs > 0 ? nowMs : QDateTime::currentMSecsSinceEpoch();
    m_lastNow = nowMs; // 0 keeps following the clock
    const qint64 from = now - m_rangeMs;
    metrics::HistoryRead read;
    if (m_store && m_store->isOpen()) {
        auto r = m_store->read(QString(), from, now, now);
        if (r)
            read = r.value();
        else
            setMissing({r.error().message});
    }
    // Kills known from pod states that the history has not seen yet.
    for (const auto &p : m_pods)
        for (const auto &o : p.ooms)
            if (o.finishedAtMs >= from && o.finishedAtMs <= now) {
                bool known = false;
                for (const auto &k : read.ooms)
                    known = known || (k.t == o.finishedAtMs && k.pod == p.name);
                if (!known)
                    read.ooms.append({o.finishedAtMs, p.ns, p.name, o.container});
            }

    const qint64 budget = metrics::resolveBudget(m_profileBudget, m_nodeCapacity);
    qint64 limits = 0;
    for (const auto &p : m_pods)
        if (!p.isFinished())
            limits += p.memoryLimit.value_or(0);

    metrics::ChartOptions opt;
    opt.budgetBytes = budget;
    opt.expandedNamespaces = m_expanded;
    opt.maxBuckets = m_drawnBuckets = m_memory->pixelBuckets();
    if (limits > 0)
        opt.limitsSumBytes = limits;
    const metrics::ChartData data = metrics::buildChartData(read, from, now, opt);
    m_memory->setChartData(data);
    m_cpu->setChartData(data);

    const metrics::Observed observed = metrics::observeHistory(read, from, now);
    metrics::CapacityInput in;
    in.pods = m_pods;
    in.observed = observed.pods;
    in.overheadPeakBytes = observed.overheadPeakBytes;
    in.budgetBytes = budget;
    in.nodeAllocatableBytes = m_nodeAllocatable;
    m_report = metrics::computeCapacity(in);
    m_panel->setReport(m_report);
    QStringList w;
    for (const auto &x : m_report.warnings)
        w << x.text;
    emit warningsChanged(w);
}

} // namespace vigia::ui
