// The resource charts and capacity panel, rendered offscreen from a generated
// joledev history. Set VIGIA_CAPACITY_SCREENSHOT=path.png to save the view.
#include "ThemePalette.h"
#include "capacity/CapacityPanel.h"
#include "capacity/CapacityView.h"
#include "capacity/ResourceChartView.h"
#include "metrics/HistoryStore.h"

#include <QAreaSeries>
#include <QChart>
#include <QLineSeries>
#include <QScatterSeries>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTreeWidget>
#include <QtTest>
#include <cmath>
#include <optional>

using namespace vigia;
using namespace vigia::metrics;

namespace {
constexpr qint64 kMiB = 1024 * 1024;

struct FakePod {
    const char *ns, *name;
    double memMiB, memSwingMiB, cpuMilli;
    qint64 requestMiB, limitMiB; // 0: none
};
const FakePod kPods[] = {
    {"joledev", "web-5c7b9d7f4-abcde", 38, 6, 12, 32, 128},
    {"joledev", "api-quoter-7d9f8c6b5-x2lkq", 15, 3, 4, 16, 64},
    {"joledev", "api-scheduler-66b7c9d8f-q8zr2", 22, 36, 6, 32, 64},
    {"joledev", "gatus-6f8d9c7b8-m2n4p", 26, 4, 8, 0, 0},
    {"cooperativa", "postgres-0", 310, 60, 40, 256, 512},
    {"cooperativa", "odoo-7b9c8d6f5-k3j2h", 420, 120, 90, 384, 768},
    {"kube-system", "traefik-7d5f6474df-8zq2x", 46, 5, 6, 0, 0},
    {"kube-system", "coredns-6799fbcd5-9pq7s", 18, 2, 3, 70, 170},
    {"kube-system", "metrics-server-54fd9b65b-v4t5c", 24, 3, 5, 70, 0},
    {"kube-system", "local-path-provisioner-6c86858495-2lq9d", 11, 1, 1, 0, 0},
};

// A day with a working-hours rhythm, noise, a scheduler leak that gets OOM-killed,
// and an afternoon when the console was closed.
void generate(HistoryStore &store, qint64 from, qint64 to, qint64 stepMs, qint64 gapFrom, qint64 gapTo)
{
    quint32 seed = 12345;
    auto noise = [&seed]() {
        seed = seed * 1664525u + 1013904223u;
        return double(seed >> 8) / double(1u << 24) - 0.5;
    };
    QVERIFY(store.beginSession(from, int(stepMs)).ok());
    bool sessionOpen = true;
    for (qint64 t = from; t <= to; t += stepMs) {
        if (t >= gapFrom && t < gapTo) {
            sessionOpen = false;
            continue;
        }
        if (!sessionOpen) {
            QVERIFY(store.beginSession(t, int(stepMs)).ok());
            sessionOpen = true;
        }
        const double hour = double((t / 1000) % 86400) / 3600.0;
        const double busy = 0.5 + 0.5 * std::sin((hour - 9.0) / 24.0 * 2 * M_PI);
        QList<SeriesValue> v;
        double podSum = 0, cpuSum = 0;
        for (const FakePod &p : kPods) {
            double mem = p.memMiB + p.memSwingMiB * busy + 2 * noise();
            if (QByteArray(p.name).startsWith("api-scheduler")) // leaks 40 MiB over 3 h, then dies
                mem = p.memMiB + double(t % (3 * 3600000LL)) / double(3 * 3600000LL) * 42.0 + noise();
            const double cpu =
                p.cpuMilli * (0.3 + busy) * (1.0 + 0.6 * noise()) + (noise() > 0.4985 ? 250 : 0);
            podSum += mem;
            cpuSum += cpu;
            v.append({keys::podMemory(QString::fromLatin1(p.ns), QString::fromLatin1(p.name)),
                      qint64(mem * kMiB)});
            v.append(
                {keys::podCpu(QString::fromLatin1(p.ns), QString::fromLatin1(p.name)), qint64(cpu * 1e6)});
        }
        const double k3s = 560 + 40 * busy + 8 * noise();
        const double system = 310 + 10 * noise();
        v.append({keys::hostTotal(), 4096 * kMiB});
        v.append({keys::hostUsed(), qint64((podSum + k3s + system) * kMiB)});
        v.append({keys::hostCache(), qint64((900 + 300 * busy + 20 * noise()) * kMiB)});
        v.append({keys::k3sMemory(), qint64(k3s * kMiB)});
        v.append({keys::hostCpus(), 2});
        v.append({keys::nodeCpu(QStringLiteral("vps-joledev")), qint64((cpuSum + 120 + 60 * busy) * 1e6)});
        QVERIFY(store.appendValues(t, v).ok());
        if (t % (3 * 3600000LL) < stepMs && t > from)
            QVERIFY(
                store
                    .appendOom({t, QStringLiteral("joledev"), QStringLiteral("api-scheduler-66b7c9d8f-q8zr2"),
                                QStringLiteral("api-scheduler")})
                    .ok());
    }
}

QList<PodResources> podResources()
{
    QList<PodResources> out;
    for (const FakePod &p : kPods) {
        PodResources r;
        r.ns = QString::fromLatin1(p.ns);
        r.name = QString::fromLatin1(p.name);
        r.phase = QStringLiteral("Running");
        r.memoryRequest = p.requestMiB * kMiB;
        if (p.limitMiB)
            r.memoryLimit = p.limitMiB * kMiB;
        out.append(r);
    }
    return out;
}

bool isBudgetRed(const QColor &c)
{
    return c.red() > 170 && c.green() < 110 && c.blue() < 110;
}
} // namespace

class TestCapacityUi : public QObject {
    Q_OBJECT
private slots:
    void chartDrawsBudgetAndSeries();
    void clickSelectsPod();
    void gapsAreBreaks();
    void bucketsFollowWidth();
    void oomFromPodStateIsKept();
    void cpuAgainstVcpus();
    void render7d();
    void backgroundRefreshMatches();
    void screenshot();
};

// The periodic refresh reads and computes on a worker: the same charts and
// report as the synchronous one, and ticks while it runs fold into one more.
void TestCapacityUi::backgroundRefreshMatches()
{
    QTemporaryDir dir;
    HistoryStore store(dir.filePath(QStringLiteral("h.sqlite")));
    QVERIFY(store.open().ok());
    const qint64 now = 1764230400000 + 12 * 3600000LL;
    generate(store, now - 3600000, now, 10000, now - 1800000, now - 1500000);

    ui::CapacityView sync;
    sync.resize(1100, 900);
    sync.setHistoryStore(&store);
    sync.setPodResources(podResources());
    sync.refresh(now);

    ui::CapacityView bg;
    bg.resize(1100, 900);
    bg.setPodResources(podResources());
    bg.refresh(now); // no store yet: empty charts, and the view's clock pinned to now
    QVERIFY(bg.memoryChart()->layerAreas().isEmpty());
    bg.setHistoryStore(&store);
    QSignalSpy landed(&bg, &ui::CapacityView::refreshedInBackground);
    for (int i = 0; i < 5; ++i)
        bg.refreshInBackground();
    QVERIFY(bg.memoryChart()->layerAreas().isEmpty()); // nothing drawn on this thread yet
    QTRY_VERIFY_WITH_TIMEOUT(landed.size() >= 2, 10000);
    QTest::qWait(200);
    QCOMPARE(landed.size(), 2); // the first, then one for the four that came meanwhile
    // Hidden: the report is current, the charts are drawn only once shown.
    QCOMPARE(bg.report().sentence, sync.report().sentence);
    QVERIFY(bg.memoryChart()->layerAreas().isEmpty());
    bg.show();
    QVERIFY(QTest::qWaitForWindowExposed(&bg));
    QCOMPARE(bg.memoryChart()->layerAreas().size(), sync.memoryChart()->layerAreas().size());
    QVERIFY(!bg.memoryChart()->layerAreas().isEmpty());
    QCOMPARE(bg.report().sentence, sync.report().sentence);
    QCOMPARE(bg.report().pods.size(), sync.report().pods.size());
    QCOMPARE(bg.report().warnings.size(), sync.report().warnings.size());

    // Shown, on the same clock: no new bucket is due, so the charts are not rebuilt.
    auto *drawn = bg.memoryChart()->layerAreas().first();
    bg.refreshInBackground();
    QTRY_COMPARE_WITH_TIMEOUT(landed.size(), 3, 10000);
    QCOMPARE(bg.memoryChart()->layerAreas().first(), drawn);

    // A synchronous refresh after a background one started wins: the late result is dropped.
    bg.refreshInBackground();
    bg.setRangeMs(15 * 60000); // refresh() at once
    const int areas15 = bg.memoryChart()->layerAreas().size();
    const QString sentence15 = bg.report().sentence;
    QTRY_COMPARE_WITH_TIMEOUT(landed.size(), 4, 10000);
    QCOMPARE(bg.memoryChart()->layerAreas().size(), areas15);
    QCOMPARE(bg.report().sentence, sentence15);
}

void TestCapacityUi::chartDrawsBudgetAndSeries()
{
    QTemporaryDir dir;
    HistoryStore store(dir.filePath(QStringLiteral("h.sqlite")));
    QVERIFY(store.open().ok());
    const qint64 now = 1764230400000 + 12 * 3600000LL;
    generate(store, now - 3600000, now, 10000, 0, 0);

    ui::CapacityView view;
    view.resize(1100, 900);
    view.setHistoryStore(&store);
    view.setPodResources(podResources());
    view.setBudget(std::nullopt, std::nullopt, qint64(4014252) * 1024);
    view.refresh(now);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));

    ui::ResourceChartView *mem = view.memoryChart();
    QVERIFY(mem->budgetLine());
    QCOMPARE(mem->budgetLine()->at(0).y(), 4.0); // 4 GiB default budget, in GiB
    QVERIFY(mem->limitsLine());
    // System + 3 namespaces + cache: one area each (no gaps in this hour).
    QCOMPARE(mem->layerAreas().size(), 5);
    QVERIFY(mem->oomMarkers() == nullptr || mem->oomMarkers()->count() >= 0);

    const QImage img = mem->grab().toImage();
    QVERIFY(!img.isNull());
    const qreal dpr = img.devicePixelRatio();
    const QRectF plot = mem->chart()->plotArea();
    int redHits = 0, samples = 0;
    for (double f = 0.1; f < 0.95; f += 0.1) {
        const double x = double(now - 3600000) + f * 3600000.0;
        const QPointF pos = mem->chart()->mapToPosition(QPointF(x, 4.0), mem->budgetLine());
        QVERIFY(plot.adjusted(-1, -1, 1, 1).contains(pos));
        ++samples;
        // The 2.5 px line may straddle pixel rows: look one row up and down.
        for (int dy = -1; dy <= 1; ++dy)
            if (isBudgetRed(img.pixelColor(int(pos.x() * dpr), int((pos.y() + dy) * dpr)))) {
                ++redHits;
                break;
            }
    }
    QVERIFY2(redHits == samples, qPrintable(QStringLiteral("%1 of %2").arg(redHits).arg(samples)));
    // Inside the stack near the bottom there is fill, not background.
    const QPointF low = mem->chart()->mapToPosition(QPointF(double(now - 1800000), 0.2), mem->budgetLine());
    const QColor fill = img.pixelColor(int(low.x() * dpr), int(low.y() * dpr));
    QVERIFY2(fill != mem->chart()->backgroundBrush().color() && fill != QColor(Qt::white),
             qPrintable(fill.name()));
    // Above the budget there is no fill: the whole stack is below 4 GiB.
    // Off any grid line: 30% of the way from the budget to the top.
    const double above = 4.0 + 0.3 * (mem->axisMax() / double(1LL << 30) - 4.0);
    // now - 1750000: off the vertical grid line at the half hour.
    const QPointF high =
        mem->chart()->mapToPosition(QPointF(double(now - 1750000), above), mem->budgetLine());
    QVERIFY(plot.contains(high));
    QCOMPARE(img.pixelColor(int(high.x() * dpr), int(high.y() * dpr)), QColor(Qt::white));

    QVERIFY(view.panel()->sentence().startsWith(QStringLiteral("Room for one more project: about ")));
    // Totals against the node's allocatable (3.83 GiB) and the budget: requests 860 MiB = 22%.
    const QString totals = view.panel()->totalsText();
    QVERIFY2(totals.contains(QStringLiteral("requests 860 MiB (22% of allocatable)")), qPrintable(totals));
    QVERIFY2(totals.contains(QStringLiteral("of the budget")), qPrintable(totals));
    const QString warnings = view.panel()->warningTexts().join(QLatin1Char('\n'));
    QVERIFY2(warnings.contains(QStringLiteral("gatus-6f8d9c7b8-m2n4p has no memory limit")),
             qPrintable(warnings));
    QVERIFY(view.panel()->table()->topLevelItemCount() == 4); // 3 namespaces + total

    // Clicking a namespace expands it to pods.
    emit mem->namespaceClicked(QStringLiteral("joledev"));
    QCOMPARE(mem->layerAreas().size(), 5 - 1 + 4);
    const QString tip = mem->valuesAt(now - 1800000);
    QVERIFY2(tip.contains(QStringLiteral("joledev/api-quoter")), qPrintable(tip));
    QVERIFY(tip.contains(QStringLiteral("Page cache")));
}

namespace {
// A point inside a layer's area, halfway up its band, in the chart view's viewport.
std::optional<QPoint> insideArea(ui::ResourceChartView *chart, const QString &label)
{
    for (QAreaSeries *area : chart->layerAreas()) {
        if (area->name() != label)
            continue;
        const QList<QPointF> up = area->upperSeries()->points(), lo = area->lowerSeries()->points();
        if (up.isEmpty() || up.size() != lo.size())
            return std::nullopt;
        const int i = int(up.size() / 2) & ~1; // a bucket's left edge
        const QPointF mid((up[i].x() + up[i + 1].x()) / 2, (up[i].y() + lo[i].y()) / 2);
        const QPointF scene = chart->chart()->mapToScene(chart->chart()->mapToPosition(mid, area));
        return chart->mapFromScene(scene);
    }
    return std::nullopt;
}
} // namespace

// A real click on the namespace's band expands it; a click on a pod's band selects
// that pod (CapacityView::podSelected, which the main window routes to the Pods view).
void TestCapacityUi::clickSelectsPod()
{
    QTemporaryDir dir;
    HistoryStore store(dir.filePath(QStringLiteral("k.sqlite")));
    QVERIFY(store.open().ok());
    const qint64 now = 1764230400000 + 12 * 3600000LL;
    generate(store, now - 3600000, now, 10000, 0, 0);
    ui::CapacityView view;
    view.resize(1100, 900);
    view.setHistoryStore(&store);
    view.refresh(now);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    ui::ResourceChartView *mem = view.memoryChart();
    QSignalSpy selected(&view, &ui::CapacityView::podSelected);

    const auto ns = insideArea(mem, QStringLiteral("cooperativa"));
    QVERIFY(ns);
    QTest::mouseClick(mem->viewport(), Qt::LeftButton, Qt::NoModifier, *ns);
    QTRY_VERIFY(insideArea(mem, QStringLiteral("cooperativa/odoo-7b9c8d6f5-k3j2h")).has_value());
    QVERIFY(selected.isEmpty()); // a namespace band expands, it selects nothing

    const auto pod = insideArea(mem, QStringLiteral("cooperativa/odoo-7b9c8d6f5-k3j2h"));
    QTest::mouseClick(mem->viewport(), Qt::LeftButton, Qt::NoModifier, *pod);
    QTRY_COMPARE(selected.size(), 1);
    QCOMPARE(selected.first().at(0).toString(), QStringLiteral("cooperativa"));
    QCOMPARE(selected.first().at(1).toString(), QStringLiteral("odoo-7b9c8d6f5-k3j2h"));

    // The same from the CPU chart, and a click on empty plot selects nothing.
    const auto cpuNs = insideArea(view.cpuChart(), QStringLiteral("cooperativa/odoo-7b9c8d6f5-k3j2h"));
    QVERIFY(cpuNs); // expanding is shared by both charts
    selected.clear();
    const QPointF empty = mem->chart()->mapToPosition(
        QPointF(double(now - 1750000), mem->axisMax() / double(1LL << 30) * 0.97), mem->budgetLine());
    QTest::mouseClick(mem->viewport(), Qt::LeftButton, Qt::NoModifier,
                      mem->mapFromScene(mem->chart()->mapToScene(empty)));
    QTest::qWait(50);
    QVERIFY(selected.isEmpty());
}

void TestCapacityUi::gapsAreBreaks()
{
    QTemporaryDir dir;
    HistoryStore store(dir.filePath(QStringLiteral("g.sqlite")));
    QVERIFY(store.open().ok());
    const qint64 now = 1764230400000 + 12 * 3600000LL;
    generate(store, now - 3600000, now, 10000, now - 2400000, now - 1800000); // 10 min closed
    ui::CapacityView view;
    view.resize(900, 800);
    view.setHistoryStore(&store);
    view.refresh(now);
    ui::ResourceChartView *mem = view.memoryChart();
    QCOMPARE(mem->layerAreas().size(), 10); // each of 5 layers in two pieces
    QVERIFY(mem->valuesAt(now - 2100000).contains(QStringLiteral("No data")));
    const QImage img = mem->grab().toImage();
    const QPointF inGap = mem->chart()->mapToPosition(QPointF(double(now - 2100000), 0.3), mem->budgetLine());
    QCOMPARE(img.pixelColor(int(inGap.x() * img.devicePixelRatio()), int(inGap.y() * img.devicePixelRatio())),
             QColor(Qt::white));
}

// One display bucket per pixel: a narrower chart is rebuilt on a coarser grid.
void TestCapacityUi::bucketsFollowWidth()
{
    QTemporaryDir dir;
    HistoryStore store(dir.filePath(QStringLiteral("w.sqlite")));
    QVERIFY(store.open().ok());
    const qint64 now = 1764230400000 + 12 * 3600000LL;
    generate(store, now - 6 * 3600000LL, now, 30000, 0, 0);
    ui::CapacityView view;
    view.resize(1400, 800);
    view.setHistoryStore(&store);
    view.setRangeMs(6 * 3600000LL);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.refresh(now);
    const int wide = view.memoryChart()->chartData().grid.count;
    QVERIFY(wide <= view.memoryChart()->pixelBuckets());
    QCOMPARE(wide, 720); // 6 h of 30 s samples: one per bucket fits
    view.resize(700, 800);
    QTRY_VERIFY(view.memoryChart()->chartData().grid.count < wide);
    QVERIFY(view.memoryChart()->chartData().grid.count <= view.memoryChart()->pixelBuckets());
    QCOMPARE(view.memoryChart()->chartData().grid.bucketMs % 30000, 0); // whole samples per bucket
}

// An OOM kill seen in a pod's last state is stored: after the pod restarted again
// (its state no longer says so), the marker is still on the time axis.
void TestCapacityUi::oomFromPodStateIsKept()
{
    QTemporaryDir dir;
    HistoryStore store(dir.filePath(QStringLiteral("o.sqlite")));
    QVERIFY(store.open().ok());
    const qint64 now = 1764230400000 + 12 * 3600000LL;
    generate(store, now - 900000, now, 10000, 0, 0);
    ui::CapacityView view;
    view.setHistoryStore(&store);
    view.setRangeMs(15 * 60000);
    QList<PodResources> pods = podResources();
    pods[0].ooms.append({QStringLiteral("web"), now - 300000});
    view.setPodResources(pods);
    view.refresh(now);
    QVERIFY(view.memoryChart()->oomMarkers());
    QCOMPARE(view.memoryChart()->oomMarkers()->count(), 1);
    view.setPodResources(podResources()); // the next restart replaced the last state
    view.refresh(now);
    QVERIFY(view.memoryChart()->oomMarkers());
    QCOMPARE(view.memoryChart()->oomMarkers()->count(), 1);
    QCOMPARE(qint64(view.memoryChart()->oomMarkers()->at(0).x()), now - 300000);
}

void TestCapacityUi::cpuAgainstVcpus()
{
    QTemporaryDir dir;
    HistoryStore store(dir.filePath(QStringLiteral("c.sqlite")));
    QVERIFY(store.open().ok());
    const qint64 now = 1764230400000;
    generate(store, now - 900000, now, 10000, 0, 0);
    ui::CapacityView view;
    view.setHistoryStore(&store);
    view.setRangeMs(15 * 60000);
    view.refresh(now);
    QVERIFY(view.cpuChart()->budgetLine());
    QCOMPARE(view.cpuChart()->budgetLine()->at(0).y(), 2.0);
    QCOMPARE(view.cpuChart()->layerAreas().size(), 4); // system + 3 namespaces
}

// 7 days of 10 s samples for 60 pods (about 3.6 million points) drawn in the
// widget: one bucket per pixel, every namespace drawn. How long it takes is
// vigia-bench's chart_render_7d, never asserted here.
void TestCapacityUi::render7d()
{
    const qint64 now = 1764230400000;
    const qint64 from = now - 7 * 24 * 3600000LL;
    HistoryRead read;
    read.bucketMs = 10000;
    read.gapMs = 25000;
    quint32 seed = 7;
    qint64 points = 0;
    for (int pod = 0; pod < 60; ++pod) {
        Series s;
        s.reserve(60480);
        for (qint64 t = from; t < now; t += 10000) {
            seed = seed * 1664525u + 1013904223u;
            s.append(Point::raw(t, double(20 + pod) * kMiB + double(seed >> 12)));
        }
        points += s.size();
        read.series.insert(
            keys::podMemory(QStringLiteral("ns%1").arg(pod % 6), QStringLiteral("pod-%1").arg(pod)),
            std::move(s));
    }
    QVERIFY(points > 3600000);
    ui::ResourceChartView view(ui::ResourceChartView::Mode::Memory);
    view.resize(1200, 400);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    ChartOptions opt;
    opt.budgetBytes = 4LL << 30;
    opt.maxBuckets = view.pixelBuckets();
    view.setChartData(buildChartData(read, from, now, opt));
    QVERIFY(view.chartData().grid.count <= opt.maxBuckets);
    QVERIFY(view.chartData().grid.count > opt.maxBuckets / 2);
    QCOMPARE(view.layerAreas().size(), 6);
    // Each area holds two points per bucket (steps), not millions.
    QCOMPARE(view.layerAreas().first()->upperSeries()->count(), 2 * view.chartData().grid.count);
    QVERIFY(!view.grab().toImage().isNull());
}

void TestCapacityUi::screenshot()
{
    const QString out = qEnvironmentVariable("VIGIA_CAPACITY_SCREENSHOT");
    if (out.isEmpty())
        QSKIP("set VIGIA_CAPACITY_SCREENSHOT to save a screenshot");
    // VIGIA_SCREENSHOT_THEME=dark: the dark variant (capacity-dark.png in the README).
    if (qEnvironmentVariable("VIGIA_SCREENSHOT_THEME") == QLatin1String("dark"))
        ThemePalette::apply(true);
    else if (qEnvironmentVariable("VIGIA_SCREENSHOT_THEME") == QLatin1String("light"))
        ThemePalette::apply(false); // as the app draws it: Fusion, the light palette
    QTemporaryDir dir;
    HistoryStore store(dir.filePath(QStringLiteral("s.sqlite")));
    QVERIFY(store.open().ok());
    const qint64 now = 1764230400000 + 17 * 3600000LL;
    generate(store, now - 24 * 3600000LL, now, 30000, now - 9 * 3600000LL, now - 7 * 3600000LL);
    ui::CapacityView view;
    view.resize(1280, 1000);
    view.setHistoryStore(&store);
    view.setPodResources(podResources());
    view.setBudget(std::nullopt, std::nullopt, qint64(4014252) * 1024);
    view.setRangeMs(24 * 3600000LL);
    view.refresh(now);
    view.panel()->table()->expandAll();
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    // Laid out now: the charts rebuild at one bucket per pixel of their real width.
    QTest::qWait(400);
    QVERIFY(view.grab().save(out));
}

QTEST_MAIN(TestCapacityUi)
#include "test_capacity_ui.moc"
