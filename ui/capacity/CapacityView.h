#pragma once
// The Resources tab: range buttons, what is missing, the memory and CPU
// charts, and the capacity panel, all read from the local history so the
// view opens at once, before the connection is up.
#include "metrics/Capacity.h"
#include "metrics/ChartData.h"
#include "metrics/HistoryStore.h"
#include "metrics/MetricsParsers.h"

#include <QSet>
#include <QWidget>

class QButtonGroup;
class QLabel;
class QTimer;

namespace vigia::ui {

class ResourceChartView;
class CapacityPanel;

class CapacityView : public QWidget {
    Q_OBJECT
public:
    explicit CapacityView(QWidget *parent = nullptr);

    // Not owned; may be null (then the view says there is no history yet).
    void setHistoryStore(metrics::HistoryStore *store);
    // Requests, limits and OOMKilled states from the pod list (kubectl get pods -A -o json).
    void setPodResources(const QList<metrics::PodResources> &pods);
    // profileBudget empty: the node's capacity, else 4 GiB.
    void setBudget(std::optional<qint64> profileBudget, std::optional<qint64> nodeCapacity = std::nullopt,
                   std::optional<qint64> nodeAllocatable = std::nullopt);
    // Sources the last sample could not read, shown above the charts.
    void setMissing(const QStringList &missing);
    void setRangeMs(qint64 rangeMs);
    qint64 rangeMs() const { return m_rangeMs; }
    // Re-reads the history for [now - range, now] and redraws.
    void refresh(qint64 nowMs = 0);
    // The same, read and computed on a worker thread; for the periodic
    // refresh, so a long range never stalls the UI. Ticks that come while one
    // is running fold into one more.
    void refreshInBackground();

    ResourceChartView *memoryChart() const { return m_memory; }
    ResourceChartView *cpuChart() const { return m_cpu; }
    CapacityPanel *panel() const { return m_panel; }
    const metrics::CapacityReport &report() const { return m_report; }

signals:
    void podSelected(const QString &ns, const QString &pod);
    // For the cluster overview's warning state.
    void warningsChanged(const QStringList &warnings);
    void refreshedInBackground(); // for tests

protected:
    void resizeEvent(QResizeEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    struct RefreshInput {
        qint64 from = 0, now = 0;
        QList<metrics::PodResources> pods;
        qint64 budget = 0;
        std::optional<qint64> nodeAllocatable;
        metrics::ChartOptions options;
    };
    struct RefreshOutput {
        metrics::ChartData data;
        metrics::CapacityReport report;
    };
    RefreshInput refreshInput(qint64 nowMs);
    static RefreshOutput compute(metrics::HistoryRead read, const RefreshInput &in);
    void apply(const RefreshOutput &out, bool periodic = false);
    std::optional<metrics::ChartData> m_pendingChart; // computed while hidden, drawn when shown
    qint64 m_chartDrawnTo = 0;                         // the drawn grid's end
    qint64 m_chartBucketMs = 0;

    quint64 m_refreshToken = 0;
    bool m_backgroundBusy = false;
    bool m_backgroundAgain = false;
    metrics::HistoryStore *m_store = nullptr;
    QList<metrics::PodResources> m_pods;
    std::optional<qint64> m_profileBudget, m_nodeCapacity, m_nodeAllocatable;
    qint64 m_rangeMs = 3600 * 1000;
    qint64 m_lastNow = 0;
    int m_drawnBuckets = 0; // the display grid the charts were built for
    QTimer *m_resizeRefresh;
    QSet<QString> m_expanded;
    metrics::CapacityReport m_report;
    QLabel *m_missing;
    QButtonGroup *m_ranges;
    ResourceChartView *m_memory;
    ResourceChartView *m_cpu;
    CapacityPanel *m_panel;
};

} // namespace vigia::ui
