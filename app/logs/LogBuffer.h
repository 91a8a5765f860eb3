#pragma once
// A bounded ring of log lines. Bytes live in large shared blocks rather than
// one QString per line: a million 100-byte lines cost ~125 MB this way against
// ~350 MB as QStrings, and appends never reallocate what is already stored.
#include <QByteArray>
#include <QString>
#include <QStringList>
#include <QTemporaryFile>
#include <deque>
#include <functional>
#include <memory>
#include <unordered_map>

namespace vigia::logs {

struct LogLineRef {
    qint64 seq = -1;        // monotonically increasing, survives eviction: a stable row identity
    qint64 timestampNs = 0; // 0: no timestamp (kubectl ran without --timestamps)
    quint16 source = 0;     // index into LogBuffer::sources() (pod/container of a merged view)
    quint8 flags = 0;
    QByteArray bytes; // the line as held, without the timestamp prefix or line ending (shallow view)
    qint64 fullLength = 0; // bytes as it arrived: more than bytes.size() when it was cut
    bool isCut() const { return fullLength > bytes.size(); }
};

class LogBuffer {
public:
    enum Flag : quint8 { Marker = 1, Stderr = 2 };
    static constexpr int kDefaultCapacity = 200000;
    // A hostile or broken app can log lines of many megabytes: one is held in memory up to this
    // much, the whole of it in a private spill file on local disk, for copy and save.
    static constexpr qsizetype kMaxLineBytes = 64 * 1024;
    // Memory for the lines themselves; the oldest go first when it is reached.
    static constexpr qint64 kDefaultByteBudget = qint64(256) << 20;
    // Disk for the spill file; past it, cut lines keep only their first kMaxLineBytes.
    static constexpr qint64 kDefaultSpillBudget = qint64(1) << 30;

    explicit LogBuffer(int capacity = kDefaultCapacity);
    ~LogBuffer();
    LogBuffer(const LogBuffer &) = delete;
    LogBuffer &operator=(const LogBuffer &) = delete;

    void setByteBudget(qint64 bytes);
    qint64 byteBudget() const { return m_byteBudget; }
    void setSpillBudget(qint64 bytes) { m_spillBudget = bytes; }
    // Bytes in the spill file now (it is emptied once no held line is in it).
    qint64 spillBytes() const { return m_spillBytes; }

    void setCapacity(int lines);
    int capacity() const { return m_capacity; }
    int size() const { return int(m_entries.size()); }
    bool isEmpty() const { return m_entries.empty(); }
    qint64 firstSeq() const { return m_firstSeq; }
    qint64 nextSeq() const { return m_firstSeq + qint64(m_entries.size()); }
    qint64 totalAppended() const { return nextSeq(); }
    qint64 evicted() const { return m_firstSeq; }

    quint16 addSource(const QString &name);
    const QStringList &sources() const { return m_sources; }

    // Appends one line; evicts the oldest when full. Returns its seq.
    qint64 append(QByteArrayView line, qint64 timestampNs = 0, quint16 source = 0, quint8 flags = 0);
    void clear();

    // Row i, 0 = oldest still held. The bytes share the block: no copy.
    LogLineRef at(int i) const;
    QByteArrayView bytesAt(int i) const;
    // Row i whole, as it arrived: read back from the spill file when it was cut. A line cut
    // past the spill budget comes back as held (isCut() stays true for it).
    QByteArray fullLine(int i) const;
    qint64 timestampAt(int i) const { return m_entries[size_t(i)].timestampNs; }

    // Approximate bytes held, for the memory budget.
    qint64 memoryBytes() const;

private:
    struct Entry {
        qint64 timestampNs;
        quint32 block; // block id (absolute)
        quint32 offset;
        quint32 length;
        quint16 source;
        quint8 flags;
    };
    static constexpr int kBlockSize = 1 << 20;
    struct Spilled {
        qint64 offset = -1; // in the spill file; -1: not kept (over the spill budget)
        qint64 length = 0;  // the whole line
    };

    void evictFront();
    void spill(qint64 seq, QByteArrayView line);

    int m_capacity;
    std::deque<Entry> m_entries;
    std::deque<QByteArray> m_blocks;
    quint32 m_firstBlockId = 0;
    qint64 m_firstSeq = 0;
    QStringList m_sources;
    qint64 m_byteBudget = kDefaultByteBudget;
    qint64 m_blockBytes = 0; // capacity of m_blocks, kept as they come and go
    qint64 m_spillBudget = kDefaultSpillBudget;
    qint64 m_spillBytes = 0;
    std::unique_ptr<QTemporaryFile> m_spillFile;
    std::unordered_map<qint64, Spilled> m_spilled; // by seq; only lines longer than kMaxLineBytes
};

} // namespace vigia::logs
