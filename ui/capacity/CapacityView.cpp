#include "capacity/CapacityView.h"

#include "capacity/CapacityPanel.h"
#include "capacity/ResourceChartView.h"
#include "ThemePalette.h"
#include "ThemedStyleSheet.h"

#include <QApplication>
#include <QButtonGroup>
#include <QDateTime>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QPointer>
#include <QSplitter>
#include <QThreadPool>
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
    } ranges[] = {{QT_TR_NOOP("15 min"), 15 * 60000LL},
                  {QT_TR_NOOP("1 h"), 3600000LL},
                  {QT_TR_NOOP("24 h"), 24 * 3600000LL},
                  {QT_TR_NOOP("7 days"), 7 * 24 * 3600000LL}};
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
    ThemedStyleSheet::bind(m_missing, [](bool dark) {
        return ThemePalette::bannerStyleSheet(QStringLiteral("QLabel"), ThemePalette::Tone::Warning, dark) +
               QStringLiteral(" QLabel { padding: 4px; }");
    });
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

void CapacityView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_pendingChart) {
        const metrics::ChartData data = *std::exchange(m_pendingChart, std::nullopt);
        m_memory->setChartData(data);
        m_cpu->setChartData(data);
        m_chartDrawnTo = data.grid.from + qint64(data.grid.count) * data.grid.bucketMs;
        m_chartBucketMs = data.grid.bucketMs;
    }
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

CapacityView::RefreshInput CapacityView::refreshInput(qint64 nowMs)
{
    RefreshInput in;
    in.now = nowMs > 0 ? nowMs : QDateTime::currentMSecsSinceEpoch();
    m_lastNow = nowMs; // 0 keeps following the clock
    in.from = in.now - m_rangeMs;
    in.pods = m_pods;
    in.budget = metrics::resolveBudget(m_profileBudget, m_nodeCapacity);
    in.nodeAllocatable = m_nodeAllocatable;
    in.options.budgetBytes = in.budget;
    in.options.expandedNamespaces = m_expanded;
    in.options.maxBuckets = m_drawnBuckets = m_memory->pixelBuckets();
    qint64 limits = 0;
    for (const auto &p : m_pods)
        if (!p.isFinished())
            limits += p.memoryLimit.value_or(0);
    if (limits > 0)
        in.options.limitsSumBytes = limits;
    return in;
}

// Pure: runs on the UI thread (refresh) or a worker (refreshInBackground).
CapacityView::RefreshOutput CapacityView::compute(metrics::HistoryRead read, const RefreshInput &in)
{
    // Kills known from pod states that the history has not seen yet.
    for (const auto &p : in.pods)
        for (const auto &o : p.ooms)
            if (o.finishedAtMs >= in.from && o.finishedAtMs <= in.now) {
                bool known = false;
                for (const auto &k : read.ooms)
                    known = known || (k.t == o.finishedAtMs && k.pod == p.name);
                if (!known)
                    read.ooms.append({o.finishedAtMs, p.ns, p.name, o.container});
            }
    RefreshOutput out;
    out.data = metrics::buildChartData(read, in.from, in.now, in.options);
    const metrics::Observed observed = metrics::observeHistory(read, in.from, in.now);
    metrics::CapacityInput c;
    c.pods = in.pods;
    c.observed = observed.pods;
    c.overheadPeakBytes = observed.overheadPeakBytes;
    c.budgetBytes = in.budget;
    c.nodeAllocatableBytes = in.nodeAllocatable;
    out.report = metrics::computeCapacity(c);
    return out;
}

void CapacityView::refresh(qint64 nowMs)
{
    ++m_refreshToken; // a background result still on its way is older than this
    const RefreshInput in = refreshInput(nowMs);
    metrics::HistoryRead read;
    if (m_store && m_store->isOpen()) {
        auto r = m_store->read(QString(), in.from, in.now, in.now);
        if (r)
            read = r.value();
        else
            setMissing({r.error().message});
    }
    apply(compute(std::move(read), in));
}

void CapacityView::refreshInBackground()
{
    if (!m_store || !m_store->isOpen() || m_store->path().isEmpty() ||
        m_store->path() == QLatin1String(":memory:")) {
        refresh(m_lastNow);
        return;
    }
    if (m_backgroundBusy) {
        m_backgroundAgain = true; // one more when this one lands, not one per tick
        return;
    }
    m_backgroundBusy = true;
    m_backgroundAgain = false;
    const quint64 token = ++m_refreshToken;
    const RefreshInput in = refreshInput(m_lastNow);
    const QString path = m_store->path();
    const int rawInterval = m_store->rawIntervalMs();
    QPointer<CapacityView> self(this);
    // A 7-day range reads ~120k rows: ~120 ms that must not stall the UI thread every tick.
    QThreadPool::globalInstance()->start([self, token, in, path, rawInterval] {
        auto r = metrics::HistoryStore::readFile(path, QString(), in.from, in.now, in.now, rawInterval);
        const QString error = r ? QString() : r.error().message;
        RefreshOutput out = compute(r ? std::move(r).value() : metrics::HistoryRead{}, in);
        // Delivered on the UI thread (qApp lives there), where the QPointer check is safe.
        QMetaObject::invokeMethod(
            qApp,
            [self, token, out = std::move(out), error] {
                if (!self)
                    return;
                self->m_backgroundBusy = false;
                if (token == self->m_refreshToken) {
                    if (!error.isEmpty())
                        self->setMissing({error});
                    self->apply(out, true);
                }
                if (self->m_backgroundAgain)
                    self->refreshInBackground();
                emit self->refreshedInBackground();
            },
            Qt::QueuedConnection);
    });
}

void CapacityView::apply(const RefreshOutput &out, bool periodic)
{
    // Rebuilding and painting both charts is most of a refresh's cost on the UI
    // thread (~40 ms each for 7 days). The periodic one redraws only what can
    // be seen and has moved: nothing while the tab is hidden (done when shown),
    // and only once a new bucket is due (a 7-day chart's bucket is ~10 min; its
    // sample every 10 s changes no pixel).
    const qint64 at = out.data.grid.from + qint64(out.data.grid.count) * out.data.grid.bucketMs;
    if (periodic && !isVisible()) {
        m_pendingChart = out.data;
    } else if (!periodic || m_chartBucketMs <= 0 || at - m_chartDrawnTo >= m_chartBucketMs) {
        m_pendingChart.reset();
        m_memory->setChartData(out.data);
        m_cpu->setChartData(out.data);
        m_chartDrawnTo = at;
        m_chartBucketMs = out.data.grid.bucketMs;
    }
    // The panel's tables and the warning state are rebuilt only when the report changed.
    if (periodic && out.report == m_report)
        return;
    m_report = out.report;
    m_panel->setReport(m_report);
    QStringList w;
    for (const auto &x : m_report.warnings)
        w << x.text;
    emit warningsChanged(w);
}

} // namespace vigia::ui
