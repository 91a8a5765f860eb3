// The resource charts and capacity panel, rendered offscreen from a generated
// joledev history. Set VIGIA_CAPACITY_SCREENSHOT=path.png to save the view.
#include "capacity/CapacityPanel.h"
#include "capacity/CapacityView.h"
#include "capacity/ResourceChartView.h"
#include "metrics/HistoryStore.h"

#include <QAreaSeries>
#include <QElapsedTimer>
#include <QChart>
#include <QLineSeries>
#include <QScatterSeries>
#include <QTemporaryDir>
#include <QTreeWidget>
#include <QtTest>
#include <cmath>

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
            const double cpu = p.cpuMilli * (0.3 + busy) * (1.0 + 0.6 * noise()) + (noise() > 0.4985 ? 250 : 0);
            podSum += mem;
            cpuSum += cpu;
            v.append({keys::podMemory(QString::fromLatin1(p.ns), QString::fromLatin1(p.name)), qint64(mem * kMiB)});
            v.append({keys::podCpu(QString::fromLatin1(p.ns), QString::fromLatin1(p.name)), qint64(cpu * 1e6)});
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
            QVERIFY(store.appendOom({t, QStringLiteral("joledev"), QStringLiteral("api-scheduler-66b7c9d8f-q8zr2"),
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

bool isBudgetRed(const QColor &c) { return c.red() > 170 && c.green() < 110 && c.blue() < 110; }
} // namespace

class TestCapacityUi : public QObject {
    Q_OBJECT
private slots:
    void chartDrawsBudgetAndSeries();
    void gapsAreBreaks();
    void cpuAgainstVcpus();
    void render7d();
    void screenshot();
};

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
    const QPointF high = mem->chart()->mapToPosition(QPointF(double(now - 1750000), above), mem->budgetLine());
    QVERIFY(plot.contains(high));
    QCOMPARE(img.pixelColor(int(high.x() * dpr), int(high.y() * dpr)), QColor(Qt::white));

    QVERIFY(view.panel()->sentence().startsWith(QStringLiteral("Room for one more project: about ")));
    const QString warnings = view.panel()->warningTexts().join(QLatin1Char('\n'));
    QVERIFY2(warnings.contains(QStringLiteral("gatus-6f8d9c7b8-m2n4p has no memory limit")), qPrintable(warnings));
    QVERIFY(view.panel()->table()->topLevelItemCount() == 4); // 3 namespaces + total

    // Clicking a namespace expands it to pods.
    QSignalSpy pods(&view, &ui::CapacityView::podSelected);
    emit mem->namespaceClicked(QStringLiteral("joledev"));
    QCOMPARE(mem->layerAreas().size(), 5 - 1 + 4);
    const QString tip = mem->valuesAt(now - 1800000);
    QVERIFY2(tip.contains(QStringLiteral("joledev/api-quoter")), qPrintable(tip));
    QVERIFY(tip.contains(QStringLiteral("Page cache")));
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

// chart_render_7d: 7 days of 10 s samples for 60 pods (about 3.6 million points)
// downsampled to the chart grid and rendered offscreen. The history store would
// serve 10-minute buckets for this range; this is the worst case of raw points.
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
        read.series.insert(keys::podMemory(QStringLiteral("ns%1").arg(pod % 6), QStringLiteral("pod-%1").arg(pod)),
                           std::move(s));
    }
    QVERIFY(points > 3600000);
    ui::ResourceChartView view(ui::ResourceChartView::Mode::Memory);
    view.resize(1200, 400);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    std::vector<double> runs;
    for (int i = 0; i < 3; ++i) {
        QElapsedTimer timer;
        timer.start();
        ChartOptions opt;
        opt.budgetBytes = 4LL << 30;
        const ChartData data = buildChartData(read, from, now, opt);
        const double tBuild = double(timer.nsecsElapsed()) / 1e6;
        view.setChartData(data);
        const double tSet = double(timer.nsecsElapsed()) / 1e6;
        const QImage img = view.grab().toImage();
        if (qEnvironmentVariableIsSet("VIGIA_CAPACITY_DEBUG"))
            qInfo() << "build" << tBuild << "set" << tSet - tBuild << "grab" << double(timer.nsecsElapsed()) / 1e6 - tSet;
        runs.push_back(double(timer.nsecsElapsed()) / 1e6);
        QVERIFY(!img.isNull());
        QCOMPARE(view.layerAreas().size(), 6);
    }
    std::sort(runs.begin(), runs.end());
    qInfo().noquote() << QStringLiteral("bench: chart_render_7d %1 ms (points=%2, target <= 200 ms)")
                             .arg(runs[1], 0, 'f', 1)
                             .arg(points);
    // Generous against a loaded CI machine; the printed figure is what the issue tracks.
    QVERIFY2(runs[1] < 1000.0, qPrintable(QString::number(runs[1])));
}

void TestCapacityUi::screenshot()
{
    const QString out = qEnvironmentVariable("VIGIA_CAPACITY_SCREENSHOT");
    if (out.isEmpty())
        QSKIP("set VIGIA_CAPACITY_SCREENSHOT to save a screenshot");
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
    QVERIFY(view.grab().save(out));
}

QTEST_MAIN(TestCapacityUi)
#include "test_capacity_ui.moc"
