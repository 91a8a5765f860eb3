#include "capacity/ResourceChartView.h"

#include "ThemePalette.h"
#include "kube/Quantity.h"

#include <QAreaSeries>
#include <QChart>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QEvent>
#include <QLegendMarker>
#include <QLineSeries>
#include <QMouseEvent>
#include <QScatterSeries>
#include <QToolTip>
#include <QValueAxis>
#include <algorithm>
#include <cmath>

namespace vigia::ui {

using metrics::ChartLayer;

namespace {
constexpr double kGiB = 1024.0 * 1024.0 * 1024.0;

// Calm, distinguishable fills; the status colours (red, orange) stay reserved for the lines.
const QColor kPalette[] = {QColor(0x4e, 0x79, 0xa7), QColor(0x59, 0xa1, 0x4f), QColor(0x76, 0xb7, 0xb2),
                           QColor(0xb0, 0x7a, 0xa1), QColor(0xed, 0xc9, 0x48), QColor(0x9c, 0x75, 0x5f),
                           QColor(0xff, 0x9d, 0xa7), QColor(0x86, 0xbc, 0xb6), QColor(0x8c, 0xd1, 0x7d),
                           QColor(0xd3, 0x72, 0x95)};
} // namespace

ResourceChartView::ResourceChartView(Mode mode, QWidget *parent) : QChartView(parent), m_mode(mode)
{
    setRenderHint(QPainter::Antialiasing);
    setMouseTracking(true);
    setMinimumHeight(220);
    auto *c = new QChart;
    c->setMargins(QMargins(4, 4, 4, 4));
    c->legend()->setAlignment(Qt::AlignRight);
    c->setTitle(mode == Mode::Memory ? tr("Memory") : tr("CPU"));
    styleChart(c);
    setChart(c);
}

bool ResourceChartView::isDark() const
{
    return ThemePalette::isDark(palette());
}

void ResourceChartView::styleChart(QChart *c) const
{
    const bool dark = isDark();
    const QPalette pal = palette();
    // setTheme() recolours series too: it is called on an empty chart, before any series.
    if (c->series().isEmpty())
        c->setTheme(dark ? QChart::ChartThemeDark : QChart::ChartThemeLight);
    c->setBackgroundBrush(pal.color(QPalette::Base));
    c->setBackgroundPen(QPen(pal.color(QPalette::Mid).darker(dark ? 200 : 100), 0));
    c->setTitleBrush(pal.color(QPalette::Text));
    c->legend()->setLabelColor(pal.color(QPalette::Text));
    const QColor grid = dark ? QColor(0x33, 0x38, 0x3f) : QColor(0xdd, 0xdf, 0xe2);
    for (QAbstractAxis *axis : c->axes()) {
        axis->setLabelsColor(pal.color(QPalette::Text));
        axis->setLinePenColor(pal.color(QPalette::Mid));
        axis->setGridLineColor(grid);
        axis->setTitleBrush(pal.color(QPalette::Text));
    }
}

void ResourceChartView::changeEvent(QEvent *event)
{
    QChartView::changeEvent(event);
    if (event->type() != QEvent::PaletteChange || isDark() == m_styledDark)
        return;
    if (m_data.grid.count > 0) {
        setChartData(m_data);
    } else {
        m_styledDark = isDark();
        chart()->setTheme(m_styledDark ? QChart::ChartThemeDark : QChart::ChartThemeLight);
        styleChart(chart());
    }
}

double ResourceChartView::axisMax() const
{
    return m_y ? m_y->max() * m_unit : 0;
}

int ResourceChartView::pixelBuckets() const
{
    const int plot = int(chart()->plotArea().width());
    // Before the first data (no axes, no legend) or layout: the widget less axis and legend.
    return std::clamp(m_x && plot > 50 ? plot : width() - 260, 120, 4000);
}

QString ResourceChartView::format(double v) const
{
    if (m_mode == Mode::Memory)
        return kube::formatBytes(qint64(std::llround(v)));
    return kube::formatCpu(qint64(std::llround(v * 1e9)));
}

QColor ResourceChartView::colorFor(const ChartLayer &layer, int index) const
{
    // System and cache are greys: on dark, mid greys that stay behind the namespaces' colours.
    if (layer.kind == ChartLayer::System)
        return isDark() ? QColor(0x6e, 0x74, 0x7c) : QColor(0x9a, 0x9a, 0xa0);
    if (layer.kind == ChartLayer::Cache)
        return isDark() ? QColor(0x9a, 0xa2, 0xac) : QColor(0xd8, 0xdc, 0xe2);
    return kPalette[index % int(std::size(kPalette))];
}

void ResourceChartView::setChartData(const metrics::ChartData &data)
{
    m_data = data;
    // A fresh chart populated off-scene, then swapped in: adding series to a chart
    // on screen relayouts it on every call, which costs more than the data itself.
    QChart *old = chart();
    auto *c = new QChart;
    c->setMargins(old->margins());
    c->legend()->setAlignment(old->legend()->alignment());
    c->setTitle(old->title());
    m_styledDark = isDark();
    styleChart(c); // the theme first: it would recolour the series added below
    m_areas.clear();
    m_budget = m_limits = nullptr;
    m_ooms = nullptr;

    m_x = new QDateTimeAxis(c);
    const qint64 span = qint64(m_data.grid.count) * m_data.grid.bucketMs;
    m_x->setFormat(span > 2 * 86400000LL ? QStringLiteral("ddd d") : QStringLiteral("HH:mm"));
    m_x->setTickCount(7);
    m_x->setRange(QDateTime::fromMSecsSinceEpoch(m_data.grid.from),
                  QDateTime::fromMSecsSinceEpoch(m_data.grid.from + span));
    m_y = new QValueAxis(c);
    m_unit = m_mode == Mode::Memory ? kGiB : 1.0;
    m_y->setLabelFormat(m_mode == Mode::Memory ? QStringLiteral("%.1f GiB") : QStringLiteral("%.1f"));
    c->addAxis(m_x, Qt::AlignBottom);
    c->addAxis(m_y, Qt::AlignLeft);

    const QList<ChartLayer> &layers = m_mode == Mode::Memory ? m_data.memory : m_data.cpu;
    const int n = m_data.grid.count;
    QVector<double> base(n, 0.0);
    auto addLayer = [&](const ChartLayer &layer, const QColor &color, bool hatched) {
        QVector<double> top = base;
        for (int i = 0; i < n; ++i)
            if (!std::isnan(layer.values[i]))
                top[i] = base[i] + layer.values[i];
        bool first = true;
        for (const auto &[a, b] : metrics::segmentsOf(layer.values)) {
            auto *upper = new QLineSeries;
            auto *lower = new QLineSeries;
            QList<QPointF> up, lo;
            up.reserve((b - a + 1) * 2);
            lo.reserve((b - a + 1) * 2);
            // Steps: each bucket holds its value across its width, so a spike keeps its height.
            for (int i = a; i <= b; ++i) {
                const double t0 = double(m_data.grid.timeAt(i));
                const double t1 = double(m_data.grid.timeAt(i + 1));
                up << QPointF(t0, top[i] / m_unit) << QPointF(t1, top[i] / m_unit);
                lo << QPointF(t0, base[i] / m_unit) << QPointF(t1, base[i] / m_unit);
            }
            upper->replace(up);
            lower->replace(lo);
            auto *area = new QAreaSeries(upper, lower);
            upper->setParent(area);
            lower->setParent(area);
            area->setName(layer.label);
            QColor fill = color;
            if (hatched) {
                area->setBrush(QBrush(color.darker(115), Qt::BDiagPattern));
                area->setPen(QPen(color.darker(130), 1, Qt::DotLine));
            } else {
                fill.setAlpha(220);
                area->setBrush(fill);
                area->setPen(QPen(color.darker(125), 1));
            }
            c->addSeries(area);
            area->attachAxis(m_x);
            area->attachAxis(m_y);
            const ChartLayer info = layer;
            // Queued: expanding a namespace rebuilds the chart, which must not happen
            // under the press whose release still goes to this area's item.
            connect(
                area, &QAreaSeries::clicked, this,
                [this, info]() {
                    if (info.kind == ChartLayer::Namespace)
                        emit namespaceClicked(info.ns);
                    else if (info.kind == ChartLayer::Pod)
                        emit podClicked(info.ns, info.pod);
                },
                Qt::QueuedConnection);
            // One legend entry per layer, however many gaps split it.
            if (!first)
                for (QLegendMarker *m : c->legend()->markers(area))
                    m->setVisible(false);
            first = false;
            m_areas.append(area);
        }
        for (int i = 0; i < n; ++i)
            if (!std::isnan(layer.values[i]))
                base[i] = top[i];
    };
    int colorIndex = 0;
    for (const ChartLayer &layer : layers)
        addLayer(layer, colorFor(layer, layer.kind == ChartLayer::System ? 0 : colorIndex++), false);
    if (m_mode == Mode::Memory && m_data.cache)
        addLayer(*m_data.cache, colorFor(*m_data.cache, 0), true);

    const double stackTop = m_mode == Mode::Memory ? m_data.memoryTop() : m_data.cpuTop();
    const double reference = m_mode == Mode::Memory ? double(m_data.budgetBytes) : m_data.vcpus;
    double yMax = std::max(stackTop, reference);
    if (m_mode == Mode::Memory && m_data.limitsSumBytes)
        yMax = std::max(yMax, double(*m_data.limitsSumBytes));
    yMax = yMax > 0 ? yMax * 1.08 : (m_mode == Mode::Memory ? kGiB : 1.0);
    m_y->setRange(0, yMax / m_unit);
    m_y->applyNiceNumbers();

    const double x0 = double(m_data.grid.from), x1 = double(m_data.grid.from + span);
    auto hline = [&](double v, const QString &name, const QColor &color, Qt::PenStyle style, qreal width) {
        auto *s = new QLineSeries;
        s->setName(name);
        s->append(x0, v / m_unit);
        s->append(x1, v / m_unit);
        QPen pen(color, width, style);
        s->setPen(pen);
        c->addSeries(s);
        s->attachAxis(m_x);
        s->attachAxis(m_y);
        return s;
    };
    if (reference > 0)
        m_budget =
            hline(reference,
                  m_mode == Mode::Memory ? tr("Budget %1").arg(kube::formatBytes(m_data.budgetBytes))
                                         : tr("%n vCPU", nullptr, int(std::lround(m_data.vcpus))),
                  // The budget is the line to see first: bright and thick in both themes.
                  m_styledDark ? QColor(0xff, 0x5a, 0x5a) : QColor(0xd6, 0x27, 0x28), Qt::SolidLine, 3.0);
    if (m_mode == Mode::Memory && m_data.limitsSumBytes && *m_data.limitsSumBytes > 0)
        m_limits = hline(double(*m_data.limitsSumBytes),
                         tr("Sum of limits %1").arg(kube::formatBytes(*m_data.limitsSumBytes)),
                         m_styledDark ? QColor(0xff, 0xa9, 0x4d) : QColor(0xf2, 0x8e, 0x2b), Qt::DashLine,
                         2.5);
    if (m_mode == Mode::Memory && !m_data.ooms.isEmpty()) {
        m_ooms = new QScatterSeries;
        m_ooms->setName(tr("OOMKilled"));
        m_ooms->setMarkerShape(QScatterSeries::MarkerShapeTriangle);
        m_ooms->setMarkerSize(13);
        m_ooms->setColor(m_styledDark ? QColor(0xff, 0x5a, 0x5a) : QColor(0xd6, 0x27, 0x28));
        // Outlined in the chart's background, so a marker over a filled area stays a triangle.
        m_ooms->setBorderColor(palette().color(QPalette::Base));
        for (const auto &o : m_data.ooms)
            m_ooms->append(double(o.t), m_y->max() * 0.03);
        c->addSeries(m_ooms);
        m_ooms->attachAxis(m_x);
        m_ooms->attachAxis(m_y);
    }
    styleChart(c); // the axes exist now
    setChart(c);
    // Later: an event being delivered may still point into the old chart's items.
    old->deleteLater();
}

QString ResourceChartView::valuesAt(qint64 t) const
{
    if (m_data.grid.count == 0 || t < m_data.grid.from)
        return {};
    const qint64 i = (t - m_data.grid.from) / m_data.grid.bucketMs;
    if (i >= m_data.grid.count)
        return {};
    QStringList lines;
    lines << QDateTime::fromMSecsSinceEpoch(m_data.grid.timeAt(int(i)))
                 .toString(QStringLiteral("ddd HH:mm:ss"));
    const QList<ChartLayer> &layers = m_mode == Mode::Memory ? m_data.memory : m_data.cpu;
    double total = 0;
    bool any = false;
    for (auto it = layers.crbegin(); it != layers.crend(); ++it) {
        const double v = it->values[int(i)];
        if (std::isnan(v))
            continue;
        any = true;
        total += v;
        lines << QStringLiteral("%1: %2").arg(it->label, format(v));
    }
    if (!any)
        return lines.first() + QLatin1Char('\n') + tr("No data (the console was not running)");
    lines.insert(1, tr("Total: %1").arg(format(total)));
    if (m_mode == Mode::Memory && m_data.cache && !std::isnan(m_data.cache->values[int(i)]))
        lines << tr("Page cache + buffers: %1 (reclaimable)").arg(format(m_data.cache->values[int(i)]));
    for (const auto &o : m_data.ooms)
        if (o.t >= m_data.grid.timeAt(int(i)) && o.t < m_data.grid.timeAt(int(i) + 1))
            lines << tr("OOMKilled: %1/%2 (%3)").arg(o.ns, o.pod, o.container);
    return lines.join(QLatin1Char('\n'));
}

void ResourceChartView::mouseMoveEvent(QMouseEvent *event)
{
    QChartView::mouseMoveEvent(event);
    if (!chart()->plotArea().contains(event->position())) {
        QToolTip::hideText();
        return;
    }
    const QPointF v = chart()->mapToValue(event->position());
    const QString text = valuesAt(qint64(v.x()));
    if (text.isEmpty())
        QToolTip::hideText();
    else
        QToolTip::showText(event->globalPosition().toPoint(), text, this);
}

} // namespace vigia::ui
