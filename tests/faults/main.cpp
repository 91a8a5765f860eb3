// vigia-faults: injects the faults a production VPS throws at Vigía into the local sandbox (real
// sshd, real kubectl, the simulated K3s API) and prints one line per case:
//   fault: NAME  survived=yes|no  lost=N lines|rows  recovered_in=S s  message="..."
// Usage: vigia-faults [--check] [NAME...]   --check: exit 1 unless every case survived.
#include "FaultCases.h"
#include "core/MetaTypes.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <cstdio>

using namespace vigia;
using namespace vigia::faults;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    registerCoreMetaTypes();
    // The report is the output; the app's own logging would bury it.
    QLoggingCategory::setFilterRules(QStringLiteral("vigia.*.info=false\nvigia.*.debug=false"));
    QStringList names = app.arguments().mid(1);
    const bool check = names.removeAll(QStringLiteral("--check")) > 0;

    test::Sandbox shared;
    if (!shared.start()) {
        std::fprintf(stderr, "vigia-faults: the sandbox did not start: %s\n", qPrintable(shared.errorString()));
        return 2;
    }
    int failed = 0, ran = 0;
    for (const FaultCase &c : allFaultCases()) {
        if (!names.isEmpty() && !names.contains(c.name))
            continue;
        ++ran;
        FaultReport r;
        if (c.sandboxArgs.isEmpty()) {
            FaultHarness h(shared);
            r = c.run(h);
        } else {
            test::Sandbox own;
            if (!own.start(QStringLiteral("joledev"), c.sandboxArgs)) {
                r.name = c.name;
                r.why = QStringLiteral("its sandbox did not start: ") + own.errorString();
            } else {
                FaultHarness h(own);
                r = c.run(h);
            }
        }
        if (!r.survived)
            ++failed;
        std::printf("%s\n", qPrintable(r.line()));
        std::fflush(stdout);
    }
    if (ran == 0) {
        std::fprintf(stderr, "vigia-faults: no case named %s\n", qPrintable(names.join(QLatin1Char(' '))));
        return 2;
    }
    std::printf("faults: %d of %d survived\n", ran - failed, ran);
    return check && failed > 0 ? 1 : 0;
}
