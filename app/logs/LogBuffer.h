#pragma once
// A bounded ring of log lines. Bytes live in large shared blocks rather than
// one QString per line: a million 100-byte lines cost ~125 MB this way against
// ~350 MB as QStrings, and appends never reallocate what is already stored.
#include <QByteArray>
#include <QString>
#include <QStringList>
#include <deque>
#include <functional>

namespace vigia::logs {

struct LogLineRef {
    qint64 seq = -1;        // monotonically increasing, survives eviction: a stable row identity
    qint64 timestampNs = 0; // 0: no timestamp (kubectl ran without --timestamps)
    quint16 source = 0;     // index into LogBuffer::sources() (pod/container of a merged view)
    quint8 flags = 0;
    QByteArray bytes; // the whole line, without the timestamp prefix or line ending (shallow view)
};

class LogBuffer {
public:
    enum Flag : quint8 { Marker = 1, Stderr = 2 };
    static constexpr int kDefaultCapacity = 200000;

    explicit LogBuffer(int capacity = kDefaultCapacity);

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

    void evictFront();

    int m_capacity;
    std::deque<Entry> m_entries;
    std::deque<QByteArray> m_blocks;
    quint32 m_firstBlockId = 0;
    qint64 m_firstSeq = 0;
    QStringList m_sources;
};

} // namespace vigia::logs
