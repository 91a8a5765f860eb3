#include "logs/LogLineSplitter.h"

#include <QDate>

#include <cstring>

namespace vigia::logs {

void LogLineSplitter::feed(QByteArrayView chunk, const Sink &sink)
{
    qsizetype start = 0;
    const qsizetype n = chunk.size();
    if (m_pendingCr) {
        m_pendingCr = false;
        // CR then LF split across chunks: the LF belongs to the line already ended.
        if (n > 0 && chunk[0] == '\n')
            start = 1;
    }
    const char *data = chunk.data();
    // memchr finds the next LF with SIMD; CR is looked for only up to it (rare in logs).
    qsizetype nextCr = -2; // -2: unknown, -1: none left in the chunk
    for (qsizetype i = start; i < n;) {
        const void *lf = std::memchr(data + i, '\n', size_t(n - i));
        const qsizetype lfPos = lf ? static_cast<const char *>(lf) - data : n;
        if (nextCr != -1 && nextCr < i) {
            const void *cr = std::memchr(data + i, '\r', size_t(n - i));
            nextCr = cr ? static_cast<const char *>(cr) - data : -1;
        }
        qsizetype end = lfPos;
        if (nextCr >= 0 && nextCr < lfPos)
            end = nextCr;
        if (end >= n)
            break;
        const char c = data[end];
        if (m_partial.isEmpty()) {
            sink(chunk.sliced(start, end - start));
        } else {
            m_partial.append(chunk.sliced(start, end - start));
            sink(m_partial);
            m_partial.clear();
        }
        i = end;
        if (c == '\r') {
            if (i + 1 < n) {
                if (data[i + 1] == '\n')
                    ++i;
            } else {
                m_pendingCr = true;
            }
        }
        start = ++i;
    }
    if (start < n) {
        m_partial.append(chunk.sliced(start));
        if (m_partial.size() >= kMaxPartialBytes) {
            sink(m_partial);
            m_partial.clear();
        }
    }
}

void LogLineSplitter::finish(const Sink &sink)
{
    if (!m_partial.isEmpty())
        sink(m_partial);
    reset();
}

void LogLineSplitter::reset()
{
    m_partial.clear();
    m_pendingCr = false;
}

static bool digits(QByteArrayView s, qsizetype pos, int count, int *out)
{
    if (pos + count > s.size())
        return false;
    int v = 0;
    for (int k = 0; k < count; ++k) {
        const char c = s[pos + k];
        if (c < '0' || c > '9')
            return false;
        v = v * 10 + (c - '0');
    }
    *out = v;
    return true;
}

qint64 parseLogTimestamp(QByteArrayView line, QByteArrayView *rest)
{
    if (rest)
        *rest = line;
    int y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0;
    if (line.size() < 20 || !digits(line, 0, 4, &y) || line[4] != '-' || !digits(line, 5, 2, &mo) ||
        line[7] != '-' || !digits(line, 8, 2, &d) || line[10] != 'T' || !digits(line, 11, 2, &h) ||
        line[13] != ':' || !digits(line, 14, 2, &mi) || line[16] != ':' || !digits(line, 17, 2, &s))
        return 0;
    qsizetype pos = 19;
    qint64 frac = 0;
    if (pos < line.size() && line[pos] == '.') {
        ++pos;
        int count = 0;
        while (pos < line.size() && line[pos] >= '0' && line[pos] <= '9') {
            if (count < 9) {
                frac = frac * 10 + (line[pos] - '0');
                ++count;
            }
            ++pos;
        }
        for (; count < 9; ++count)
            frac *= 10;
    }
    qint64 offsetSec = 0;
    if (pos < line.size() && line[pos] == 'Z') {
        ++pos;
    } else if (pos + 6 <= line.size() && (line[pos] == '+' || line[pos] == '-')) {
        int oh = 0, om = 0;
        if (!digits(line, pos + 1, 2, &oh) || line[pos + 3] != ':' || !digits(line, pos + 4, 2, &om))
            return 0;
        offsetSec = (oh * 3600 + om * 60) * (line[pos] == '+' ? 1 : -1);
        pos += 6;
    } else {
        return 0;
    }
    // Consecutive lines share their date: remember the last day computed.
    thread_local int cachedYmd = -1;
    thread_local qint64 cachedDays = 0;
    const int ymd = y * 10000 + mo * 100 + d;
    qint64 days = 0;
    if (ymd == cachedYmd) {
        days = cachedDays;
    } else {
        const QDate date(y, mo, d);
        if (!date.isValid())
            return 0;
        days = date.toJulianDay() - QDate(1970, 1, 1).toJulianDay();
        cachedYmd = ymd;
        cachedDays = days;
    }
    if (h > 23 || mi > 59 || s > 60)
        return 0;
    const qint64 secs = days * 86400 + h * 3600 + mi * 60 + s - offsetSec;
    if (rest) {
        if (pos < line.size() && line[pos] == ' ')
            ++pos;
        *rest = line.sliced(pos);
    }
    return secs * 1000000000LL + frac;
}

QByteArray formatLogTimestamp(qint64 ns)
{
    qint64 secs = ns / 1000000000LL;
    qint64 frac = ns % 1000000000LL;
    if (frac < 0) {
        frac += 1000000000LL;
        --secs;
    }
    const qint64 days = secs >= 0 ? secs / 86400 : (secs - 86399) / 86400;
    const qint64 daySecs = secs - days * 86400;
    const QDate date = QDate(1970, 1, 1).addDays(days);
    char buf[40];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%09lldZ", date.year(), date.month(),
                  date.day(), int(daySecs / 3600), int((daySecs / 60) % 60), int(daySecs % 60),
                  static_cast<long long>(frac));
    return QByteArray(buf);
}

} // namespace vigia::logs
