#include "kube/Quantity.h"

#include <cmath>
#include <limits>
#include <QCoreApplication>

namespace vigia::kube {

namespace {

Error quantityError(const QString &text, const QString &why)
{
    return makeError(QCoreApplication::translate("Quantity", "Not a Kubernetes quantity: \"%1\" (%2)").arg(text.left(40), why), {},
                     QStringLiteral("kube.quantity"));
}

} // namespace

Result<double> parseQuantity(const QString &raw)
{
    const QString text = raw.trimmed();
    if (text.isEmpty())
        return quantityError(raw, QCoreApplication::translate("Quantity", "empty"));

    int i = 0;
    const int n = int(text.size());
    bool negative = false;
    if (text[i] == QLatin1Char('+') || text[i] == QLatin1Char('-')) {
        negative = text[i] == QLatin1Char('-');
        ++i;
    }
    const int numberStart = i;
    int digits = 0;
    while (i < n && text[i].isDigit()) {
        ++i;
        ++digits;
    }
    if (i < n && text[i] == QLatin1Char('.')) {
        ++i;
        while (i < n && text[i].isDigit()) {
            ++i;
            ++digits;
        }
    }
    if (digits == 0)
        return quantityError(raw, QCoreApplication::translate("Quantity", "no number"));
    bool ok = false;
    double value = text.mid(numberStart, i - numberStart).toDouble(&ok);
    if (!ok)
        return quantityError(raw, QCoreApplication::translate("Quantity", "bad number"));

    const QString suffix = text.mid(i);
    double scale = 1.0;
    if (suffix.isEmpty()) {
        scale = 1.0;
    } else if (suffix.size() > 1 && (suffix[0] == QLatin1Char('e') || suffix[0] == QLatin1Char('E'))) {
        // A decimal exponent; a lone "E" is exa and handled below.
        bool expOk = false;
        const int exponent = suffix.mid(1).toInt(&expOk);
        if (!expOk || exponent < -30 || exponent > 30)
            return quantityError(raw, QCoreApplication::translate("Quantity", "bad exponent"));
        scale = std::pow(10.0, exponent);
    } else {
        static const struct {
            const char *suffix;
            double scale;
        } table[] = {
            {"Ki", 1024.0}, {"Mi", 1048576.0}, {"Gi", 1073741824.0}, {"Ti", 1099511627776.0},
            {"Pi", 1125899906842624.0}, {"Ei", 1152921504606846976.0},
            {"n", 1e-9}, {"u", 1e-6}, {"m", 1e-3}, {"k", 1e3}, {"M", 1e6}, {"G", 1e9}, {"T", 1e12},
            {"P", 1e15}, {"E", 1e18},
        };
        bool found = false;
        for (const auto &entry : table) {
            if (suffix == QLatin1String(entry.suffix)) {
                scale = entry.scale;
                found = true;
                break;
            }
        }
        if (!found)
            return quantityError(raw, QCoreApplication::translate("Quantity", "unknown suffix \"%1\"").arg(suffix.left(8)));
    }
    value *= scale;
    return negative ? -value : value;
}

namespace {

Result<qint64> scaledCeil(const QString &text, double factor)
{
    auto q = parseQuantity(text);
    if (!q)
        return q.error();
    const double v = q.value() * factor;
    if (!std::isfinite(v) || std::fabs(v) > 9.0e18)
        return quantityError(text, QCoreApplication::translate("Quantity", "out of range"));
    // Tolerate floating noise: 0.1 * 1e9 must stay 100000000, not round up to ...001.
    const double nearest = std::round(v);
    if (std::fabs(v - nearest) < 1e-6 * std::max(1.0, std::fabs(v)))
        return qint64(nearest);
    return qint64(std::ceil(v));
}

} // namespace

Result<qint64> parseCpuNanocores(const QString &text) { return scaledCeil(text, 1e9); }

Result<qint64> parseBytes(const QString &text) { return scaledCeil(text, 1.0); }

QString formatBytes(qint64 bytes, int decimals)
{
    const double a = std::fabs(double(bytes));
    const char *units[] = {"B", "KiB", "MiB", "GiB", "TiB"};
    int u = 0;
    double v = a;
    while (v >= 1024.0 && u < 4) {
        v /= 1024.0;
        ++u;
    }
    const QString sign = bytes < 0 ? QStringLiteral("-") : QString();
    // Whole numbers below 10 GiB read better with a decimal; MiB and smaller never need one.
    const int d = (u >= 3) ? decimals : 0;
    return sign + QString::number(v, 'f', d) + QLatin1Char(' ') + QLatin1String(units[u]);
}

QString formatCpu(qint64 nanocores)
{
    if (std::llabs(nanocores) < 1000000000LL)
        return QString::number(std::llround(double(nanocores) / 1e6)) + QLatin1Char('m');
    return QString::number(double(nanocores) / 1e9, 'f', 2) + QStringLiteral(" cores");
}

} // namespace vigia::kube
