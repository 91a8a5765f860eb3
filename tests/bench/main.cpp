// vigia-bench [--quick] [--list] [NAME...]: starts its own sandbox, runs the
// named benchmarks (all by default) and prints one line per figure:
//   bench: NAME VALUE UNIT[ ratio=R vs BASELINE]
#include "BenchRegistry.h"
#include "Sandbox.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QTextStream>

#include <algorithm>
#include <cstdio>

namespace vigia::bench {

std::vector<BenchEntry> &registry()
{
    static std::vector<BenchEntry> entries;
    return entries;
}

double median(std::vector<double> v)
{
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    const size_t n = v.size();
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

QString formatValue(double v)
{
    return QString::number(v, 'f', v >= 100 ? 1 : (v >= 1 ? 2 : 3));
}

namespace {

class RunContext : public Context {
public:
    RunContext(test::Sandbox &sb, bool quick) : m_sb(sb), m_quick(quick) {}
    test::Sandbox &sandbox() override { return m_sb; }
    bool quick() const override { return m_quick; }
    void report(const Figure &f) override
    {
        QString line = QStringLiteral("bench: %1 %2 %3").arg(f.name, formatValue(f.value), f.unit);
        if (f.baseline && *f.baseline > 0)
            line += QStringLiteral(" ratio=%1 vs %2(%3 %4)")
                        .arg(QString::number(f.value / *f.baseline, 'f', 2), f.baselineName,
                             formatValue(*f.baseline), f.unit);
        std::printf("%s\n", qPrintable(line));
        std::fflush(stdout);
    }
    void note(const QString &text) override
    {
        std::printf("# %s\n", qPrintable(text));
        std::fflush(stdout);
    }

private:
    test::Sandbox &m_sb;
    bool m_quick;
};

} // namespace
} // namespace vigia::bench

int main(int argc, char **argv)
{
    // Widget benchmarks run on the offscreen platform unless the caller chose one, so the
    // figures do not depend on a display being present.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("vigia-bench"));
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Vigía benchmarks against the local sandbox."));
    parser.addHelpOption();
    QCommandLineOption quick(QStringLiteral("quick"),
                             QStringLiteral("Few repetitions and small sizes (smoke run)."));
    QCommandLineOption list(QStringLiteral("list"), QStringLiteral("List the benchmarks and exit."));
    parser.addOption(quick);
    parser.addOption(list);
    parser.addPositionalArgument(QStringLiteral("NAME"), QStringLiteral("Benchmarks to run (default: all)."),
                                 QStringLiteral("[NAME...]"));
    parser.process(app);

    auto &entries = vigia::bench::registry();
    std::sort(entries.begin(), entries.end(), [](const auto &a, const auto &b) { return a.name < b.name; });
    if (parser.isSet(list)) {
        for (const auto &e : entries)
            std::printf("%s\t%s\n", qPrintable(e.name), qPrintable(e.description));
        return 0;
    }
    const QStringList wanted = parser.positionalArguments();
    for (const QString &w : wanted) {
        if (std::none_of(entries.begin(), entries.end(), [&](const auto &e) { return e.name == w; })) {
            std::fprintf(stderr, "vigia-bench: unknown benchmark \"%s\" (see --list)\n", qPrintable(w));
            return 2;
        }
    }

    vigia::test::Sandbox sandbox;
    if (!sandbox.start()) {
        std::fprintf(stderr, "vigia-bench: the sandbox did not start: %s\n",
                     qPrintable(sandbox.errorString()));
        return 1;
    }
    vigia::bench::RunContext ctx(sandbox, parser.isSet(quick));
    int failures = 0;
    for (const auto &e : entries) {
        if (!wanted.isEmpty() && !wanted.contains(e.name))
            continue;
        if (!e.run(ctx)) {
            std::printf("bench: %s FAILED\n", qPrintable(e.name));
            ++failures;
        }
    }
    sandbox.stop();
    return failures == 0 ? 0 : 1;
}
