#pragma once
// kubectl's own `get pods` table as the oracle for PodParser/PodStatus: the
// STATUS, READY and RESTARTS columns must match row by row, and one instant
// must reproduce every AGE and "(x ago)" kubectl printed.
#include "kube/PodParser.h"
#include "kube/PodStatus.h"

#include <QHash>
#include <QRegularExpression>
#include <QStringList>

#include <algorithm>
#include <limits>
#include <optional>

namespace vigia::test {

// kubectl's table: columns start where their header starts (tabwriter pads
// with spaces), so cells are cut at the header offsets.
struct TableRow {
    QHash<QString, QString> cells;
};

inline QList<TableRow> parseKubectlTable(const QString &text)
{
    QList<TableRow> rows;
    QStringList lines = text.split(QLatin1Char('\n'));
    while (!lines.isEmpty() && lines.first().trimmed().isEmpty())
        lines.removeFirst();
    if (lines.isEmpty())
        return rows;
    const QString header = lines.takeFirst();
    QList<qsizetype> starts;
    QStringList names;
    static const QRegularExpression word(QStringLiteral("\\S+"));
    for (auto it = word.globalMatch(header); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        starts << m.capturedStart();
        names << m.captured();
    }
    for (const QString &line : std::as_const(lines)) {
        if (line.trimmed().isEmpty())
            continue;
        TableRow r;
        for (qsizetype i = 0; i < names.size(); ++i) {
            const qsizetype from = starts.at(i);
            const qsizetype to = i + 1 < starts.size() ? starts.at(i + 1) : line.size();
            r.cells.insert(names.at(i), line.mid(from, to - from).trimmed());
        }
        rows << r;
    }
    return rows;
}

// The [lo, hi) range of durations (ms) that kubectl could have printed as s;
// a superset is fine: the exact check follows.
inline std::optional<std::pair<qint64, qint64>> durationRange(const QString &s)
{
    static const QRegularExpression re(
        QStringLiteral("^(?:(\\d+)y)?(?:(\\d+)d)?(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+)s)?$"));
    const QRegularExpressionMatch m = re.match(s);
    if (!m.hasMatch() || s.isEmpty())
        return std::nullopt;
    const qint64 unit[] = {365LL * 86400, 86400, 3600, 60, 1};
    qint64 total = 0, smallest = 1;
    for (int i = 0; i < 5; ++i) {
        if (!m.captured(i + 1).isEmpty()) {
            total += m.captured(i + 1).toLongLong() * unit[i];
            smallest = unit[i];
        }
    }
    return std::make_pair(total * 1000, (total + smallest) * 1000);
}

// Empty when the parsed JSON reproduces the table; else what differs.
inline QString compareWithKubectlTable(const QByteArray &jsonText, const QString &tableText)
{
    using namespace vigia::kube;
    const Result<QList<PodInfo>> pods = parsePodList(jsonText);
    if (!pods.ok())
        return QStringLiteral("parse failed: ") + pods.error().message;
    const QList<TableRow> rows = parseKubectlTable(tableText);
    if (rows.isEmpty())
        return QStringLiteral("the kubectl table has no rows");
    if (rows.size() != pods->size())
        return QStringLiteral("%1 table rows but %2 pods").arg(rows.size()).arg(pods->size());

    QHash<QString, PodInfo> byKey;
    for (const PodInfo &p : pods.value())
        byKey.insert(p.key(), p);

    // The moment the table was printed is unknown: every AGE and restart age
    // narrows it; then one instant must reproduce all of them exactly.
    qint64 lo = std::numeric_limits<qint64>::min(), hi = std::numeric_limits<qint64>::max();
    struct Timed {
        QDateTime at;
        QString text;
    };
    QList<Timed> timed;
    QStringList problems;
    static const QRegularExpression restartRe(QStringLiteral("^(\\d+)(?: \\((\\S+) ago\\))?$"));
    for (const TableRow &row : rows) {
        const QString ns = row.cells.value(QStringLiteral("NAMESPACE"));
        const QString name = row.cells.value(QStringLiteral("NAME"));
        const QString key = ns + QLatin1Char('/') + name;
        if (!byKey.contains(key)) {
            problems << QStringLiteral("%1: in the table, not in the JSON").arg(key);
            continue;
        }
        const PodInfo p = byKey.value(key);
        const QString ready = QStringLiteral("%1/%2").arg(p.readyContainers).arg(p.totalContainers);
        if (ready != row.cells.value(QStringLiteral("READY")))
            problems << QStringLiteral("%1: READY %2, kubectl %3")
                            .arg(key, ready, row.cells.value(QStringLiteral("READY")));
        if (p.status != row.cells.value(QStringLiteral("STATUS")))
            problems << QStringLiteral("%1: STATUS %2, kubectl %3")
                            .arg(key, p.status, row.cells.value(QStringLiteral("STATUS")));
        const QString restarts = row.cells.value(QStringLiteral("RESTARTS"));
        const QRegularExpressionMatch rm = restartRe.match(restarts);
        if (!rm.hasMatch()) {
            problems << QStringLiteral("%1: unreadable RESTARTS \"%2\"").arg(key, restarts);
            continue;
        }
        if (p.restarts != rm.captured(1).toInt())
            problems << QStringLiteral("%1: RESTARTS %2, kubectl %3").arg(key).arg(p.restarts).arg(restarts);
        if (!rm.captured(2).isEmpty() != (p.restarts != 0 && p.lastRestartAt.isValid()))
            problems << QStringLiteral("%1: last restart %2, kubectl %3")
                            .arg(key, p.lastRestartAt.toString(Qt::ISODate), restarts);

        auto narrow = [&](const QDateTime &at, const QString &text) {
            const auto range = durationRange(text);
            if (!range || !at.isValid()) {
                problems << QStringLiteral("%1: cannot read duration \"%2\"").arg(key, text);
                return;
            }
            const qint64 base = at.toMSecsSinceEpoch();
            lo = std::max(lo, base + range->first);
            hi = std::min(hi, base + range->second);
            timed << Timed{at, text};
        };
        narrow(p.createdAt, row.cells.value(QStringLiteral("AGE")));
        if (!rm.captured(2).isEmpty())
            narrow(p.lastRestartAt, rm.captured(2));
    }
    if (!problems.isEmpty())
        return problems.join(QLatin1Char('\n'));
    if (lo >= hi)
        return QStringLiteral("the AGE columns are inconsistent with the timestamps");
    // Bounded: at most 200k candidate instants, one second apart.
    for (qint64 t = lo; t < hi && t < lo + 200000LL * 1000; t += 1000) {
        const QDateTime now = QDateTime::fromMSecsSinceEpoch(t, Qt::UTC);
        if (std::all_of(timed.cbegin(), timed.cend(),
                        [&](const Timed &x) { return kube::formatAge(x.at, now) == x.text; }))
            return {};
    }
    return QStringLiteral("no single instant reproduces every AGE and restart age kubectl printed");
}

} // namespace vigia::test
