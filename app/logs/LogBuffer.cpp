#include "logs/LogBuffer.h"

#include <algorithm>

namespace vigia::logs {

LogBuffer::LogBuffer(int capacity) : m_capacity(std::max(1, capacity)) {}

void LogBuffer::setCapacity(int lines)
{
    m_capacity = std::max(1, lines);
    while (int(m_entries.size()) > m_capacity)
        evictFront();
}

quint16 LogBuffer::addSource(const QString &name)
{
    const qsizetype existing = m_sources.indexOf(name);
    if (existing >= 0)
        return quint16(existing);
    m_sources << name;
    return quint16(m_sources.size() - 1);
}

qint64 LogBuffer::append(QByteArrayView line, qint64 timestampNs, quint16 source, quint8 flags)
{
    if (int(m_entries.size()) >= m_capacity)
        evictFront();

    const auto len = quint32(line.size());
    // A line longer than a block gets a block of its own, so it is kept whole.
    if (m_blocks.empty() || m_blocks.back().size() + qsizetype(len) > m_blocks.back().capacity()) {
        QByteArray block;
        block.reserve(std::max<qsizetype>(kBlockSize, len));
        m_blocks.push_back(std::move(block));
    }
    QByteArray &block = m_blocks.back();
    const auto offset = quint32(block.size());
    block.append(line.data(), line.size());
    const auto blockId = quint32(m_firstBlockId + m_blocks.size() - 1);
    m_entries.push_back(Entry{timestampNs, blockId, offset, len, source, flags});
    return nextSeq() - 1;
}

void LogBuffer::evictFront()
{
    if (m_entries.empty())
        return;
    m_entries.pop_front();
    ++m_firstSeq;
    // Free whole blocks once no held line points into them.
    const quint32 keepFrom =
        m_entries.empty() ? m_firstBlockId + quint32(m_blocks.size()) - 1 : m_entries.front().block;
    while (m_firstBlockId < keepFrom && m_blocks.size() > 1) {
        m_blocks.pop_front();
        ++m_firstBlockId;
    }
}

void LogBuffer::clear()
{
    m_firstSeq = nextSeq();
    m_entries.clear();
    m_blocks.clear();
    m_firstBlockId = 0;
}

QByteArrayView LogBuffer::bytesAt(int i) const
{
    const Entry &e = m_entries[size_t(i)];
    const QByteArray &block = m_blocks[e.block - m_firstBlockId];
    return QByteArrayView(block.constData() + e.offset, e.length);
}

LogLineRef LogBuffer::at(int i) const
{
    const Entry &e = m_entries[size_t(i)];
    const QByteArray &block = m_blocks[e.block - m_firstBlockId];
    LogLineRef ref;
    ref.seq = m_firstSeq + i;
    ref.timestampNs = e.timestampNs;
    ref.source = e.source;
    ref.flags = e.flags;
    // fromRawData keeps the block alive only as long as the buffer; callers copy what they keep.
    ref.bytes = QByteArray::fromRawData(block.constData() + e.offset, qsizetype(e.length));
    return ref;
}

qint64 LogBuffer::memoryBytes() const
{
    qint64 total = qint64(m_entries.size()) * qint64(sizeof(Entry));
    for (const QByteArray &b : m_blocks)
        total += b.capacity();
    return total;
}

} // namespace vigia::logs
