#pragma once
// Splits a byte stream into lines across arbitrary chunk boundaries. LF, CRLF
// and lone CR all end a line; a CR at the end of a chunk waits for the next
// chunk to tell which. A partial last line is kept until more bytes arrive.
#include <QByteArray>
#include <QByteArrayView>
#include <functional>

namespace vigia::logs {

class LogLineSplitter {
public:
    // A stream that never sends a line ending must not grow memory without end: a partial line
    // this long is passed on as a line of its own, and the rest follows as the next.
    static constexpr qsizetype kMaxPartialBytes = 16 * 1024 * 1024;

    // Called once per complete line, without its ending. The view is valid only during the call.
    using Sink = std::function<void(QByteArrayView line)>;

    void feed(QByteArrayView chunk, const Sink &sink);
    // End of stream: emit a partial last line, if any.
    void finish(const Sink &sink);
    bool hasPartial() const { return !m_partial.isEmpty() || m_pendingCr; }
    void reset();

private:
    QByteArray m_partial;
    bool m_pendingCr = false;
};

// "2026-11-27T03:12:04.123456789Z rest" -> nanoseconds since the epoch (UTC) and
// the rest. Accepts any fraction length and a numeric offset. Returns 0 when
// the line has no timestamp prefix; the whole line is then the rest.
qint64 parseLogTimestamp(QByteArrayView line, QByteArrayView *rest);

// kubectl's --since-time wants RFC 3339; this keeps the nanoseconds.
QByteArray formatLogTimestamp(qint64 ns);

} // namespace vigia::logs
