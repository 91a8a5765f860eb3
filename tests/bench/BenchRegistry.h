#pragma once
// vigia-bench's registry: each benchmark is a function registered by name from
// its own file with VIGIA_BENCH(name), so new issues add files, not edits.
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>
#include <vector>

namespace vigia::test {
class Sandbox;
}

namespace vigia::bench {

// One printed figure: "bench: NAME VALUE UNIT[ ratio=R vs BASELINE]".
struct Figure {
    QString name;
    double value = 0;
    QString unit;
    std::optional<double> baseline; // same unit, measured in the same run
    QString baselineName;           // what the baseline is ("ssh_true")
};

class Context {
public:
    virtual ~Context() = default;
    virtual vigia::test::Sandbox &sandbox() = 0;
    virtual bool quick() const = 0; // --quick: few repetitions, small sizes (a smoke run)
    virtual void report(const Figure &figure) = 0;
    virtual void note(const QString &text) = 0; // "# ..." line, not a figure
};

// Returns false (after note()) when the benchmark could not run.
using BenchFunction = std::function<bool(Context &)>;

struct BenchEntry {
    QString name;
    QString description;
    BenchFunction run;
};

std::vector<BenchEntry> &registry();

struct Registrar {
    Registrar(const char *name, const char *description, BenchFunction fn)
    {
        registry().push_back({QString::fromLatin1(name), QString::fromUtf8(description), std::move(fn)});
    }
};

// Helpers shared by benchmarks.
double median(std::vector<double> v);
QString formatValue(double v);

} // namespace vigia::bench

#define VIGIA_BENCH_CAT2(a, b) a##b
#define VIGIA_BENCH_CAT(a, b) VIGIA_BENCH_CAT2(a, b)
// VIGIA_BENCH(ssh_connect, "what it measures") { ...; return true; }  (ctx is the Context&)
#define VIGIA_BENCH(name, description)                                                                       \
    static bool VIGIA_BENCH_CAT(vigiaBench_, name)(vigia::bench::Context & ctx);                             \
    static const vigia::bench::Registrar VIGIA_BENCH_CAT(vigiaBenchReg_, name)(                              \
        #name, description, &VIGIA_BENCH_CAT(vigiaBench_, name));                                            \
    static bool VIGIA_BENCH_CAT(vigiaBench_, name)(vigia::bench::Context & ctx)
