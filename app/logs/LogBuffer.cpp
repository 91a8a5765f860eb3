#include "logs/LogBuffer.h"

#include <QDir>

#include <algorithm>

namespace vigia::logs {

LogBuffer::LogBuffer(int capacity) : m_capacity(std::max(1, capacity)) {}

LogBuffer::~LogBuffer() = default;

void LogBuffer::setByteBudget(qint64 bytes)
{
    m_byteBudget = std::max<qint64>(bytes, 4 * kBlockSize);
    while (m_entries.size() > 1 && memoryBytes() > m_byteBudget)
        evictFront();
}

void LogBuffer::spill(qint64 seq, QByteArrayView line)
{
    Spilled s;
    s.length = line.size();
    if (m_spillBytes + line.size() <= m_spillBudget) {
        if (!m_spillFile) {
            // QTemporaryFile: mode 0600, removed with the buffer; log text may be private.
            m_spillFile = std::make_unique<QTemporaryFile>(QDir::tempPath() + QStringLiteral("/vigia-log-XXXXXX.spill"));
            if (!m_spillFile->open())
                m_spillFile.reset();
        }
        if (m_spillFile && m_spillFile->seek(m_spillBytes) &&
            m_spillFile->write(line.data(), line.size()) == line.size()) {
            s.offset = m_spillBytes;
            m_spillBytes += line.size();
        }
    }
    m_spilled[seq] = s;
}

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

    const qint64 seq = nextSeq();
    if (line.size() > kMaxLineBytes) {
        spill(seq, line);
        line = line.first(kMaxLineBytes);
    }
    const auto len = quint32(line.size());
    if (m_blocks.empty() || m_blocks.back().size() + qsizetype(len) > m_blocks.back().capacity()) {
        QByteArray block;
        block.reserve(std::max<qsizetype>(kBlockSize, len));
        m_blockBytes += block.capacity();
        m_blocks.push_back(std::move(block));
    }
    QByteArray &block = m_blocks.back();
    const auto offset = quint32(block.size());
    block.append(line.data(), line.size());
    const auto blockId = quint32(m_firstBlockId + m_blocks.size() - 1);
    m_entries.push_back(Entry{timestampNs, blockId, offset, len, source, flags});
    while (m_entries.size() > 1 && memoryBytes() > m_byteBudget)
        evictFront();
    return seq;
}

void LogBuffer::evictFront()
{
    if (m_entries.empty())
        return;
    m_entries.pop_front();
    if (!m_spilled.empty()) {
        m_spilled.erase(m_firstSeq);
        // The file only grows while lines are in it; once none is, it starts over.
        if (m_spilled.empty() && m_spillFile) {
            m_spillFile->resize(0);
            m_spillBytes = 0;
        }
    }
    ++m_firstSeq;
    // Free whole blocks once no held line points into them.
    const quint32 keepFrom =
        m_entries.empty() ? m_firstBlockId + quint32(m_blocks.size()) - 1 : m_entries.front().block;
    while (m_firstBlockId < keepFrom && m_blocks.size() > 1) {
        m_blockBytes -= m_blocks.front().capacity();
        m_blocks.pop_front();
        ++m_firstBlockId;
    }
}

void LogBuffer::clear()
{
    m_firstSeq = nextSeq();
    m_entries.clear();
    m_blocks.clear();
    m_blockBytes = 0;
    m_firstBlockId = 0;
    m_spilled.clear();
    m_spillFile.reset();
    m_spillBytes = 0;
}

QByteArray LogBuffer::fullLine(int i) const
{
    const qint64 seq = m_firstSeq + i;
    const auto it = m_spilled.find(seq);
    if (it != m_spilled.end() && it->second.offset >= 0 && m_spillFile && m_spillFile->seek(it->second.offset)) {
        QByteArray whole = m_spillFile->read(it->second.length);
        if (whole.size() == it->second.length)
            return whole;
    }
    return bytesAt(i).toByteArray();
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
    ref.fullLength = e.length;
    if (!m_spilled.empty()) {
        if (const auto it = m_spilled.find(ref.seq); it != m_spilled.end())
            ref.fullLength = it->second.length;
    }
    return ref;
}

qint64 LogBuffer::memoryBytes() const
{
    return qint64(m_entries.size()) * qint64(sizeof(Entry)) + m_blockBytes;
}

} // namespace vigia::logs
