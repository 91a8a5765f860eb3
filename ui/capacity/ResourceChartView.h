#pragma once
// One resource chart (memory or CPU) drawn from ChartData: stacked areas per
// namespace or pod, the K3s-and-system layer at the bottom, page cache apart
// above the stack, a budget line (or the vCPU count), the sum of memory
// limits and OOMKilled markers. A gap in the data is a gap in the drawing:
// each contiguous run is its own area.
#include "metrics/ChartData.h"

#include <QChartView>
#include <QPointer>

class QAreaSeries;
class QLineSeries;
class QScatterSeries;
class QDateTimeAxis;
class QValueAxis;

namespace vigia::ui {

class ResourceChartView : public QChartView {
    Q_OBJECT
public:
    enum class Mode { Memory, Cpu };
    explicit ResourceChartView(Mode mode, QWidget *parent = nullptr);

    void setChartData(const metrics::ChartData &data);
    Mode mode() const { return m_mode; }

    // For tests and the tooltip: what is on the chart now.
    QLineSeries *budgetLine() const { return m_budget; }
    QLineSeries *limitsLine() const { return m_limits; }
    QScatterSeries *oomMarkers() const { return m_ooms; }
    QList<QAreaSeries *> layerAreas() const { return m_areas; }
    double axisMax() const;
    const metrics::ChartData &chartData() const { return m_data; }
    // One display bucket per pixel of the plot area: finer buys nothing on screen.
    int pixelBuckets() const;
    // The tooltip text at a time (ms since epoch); empty outside the data.
    QString valuesAt(qint64 t) const;

signals:
    void namespaceClicked(const QString &ns);
    void podClicked(const QString &ns, const QString &pod);

protected:
    void mouseMoveEvent(QMouseEvent *event) override;
    // A theme switch rebuilds the chart in the other theme's colours.
    void changeEvent(QEvent *event) override;

private:
    bool isDark() const;
    // Qt Charts' light or dark theme, then the app palette's colours on top, so
    // the chart sits on the window like the tables do.
    void styleChart(QChart *chart) const;
    QString format(double v) const;
    QColor colorFor(const metrics::ChartLayer &layer, int index) const;

    Mode m_mode;
    metrics::ChartData m_data;
    QDateTimeAxis *m_x = nullptr;
    QValueAxis *m_y = nullptr;
    QLineSeries *m_budget = nullptr;
    QLineSeries *m_limits = nullptr;
    QScatterSeries *m_ooms = nullptr;
    QList<QAreaSeries *> m_areas;
    bool m_styledDark = false;
    double m_unit = 1.0; // axis units: GiB for memory, cores for CPU
};

} // namespace vigia::ui
