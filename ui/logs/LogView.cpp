#include "logs/LogView.h"

#include "core/BidiControls.h"

#include "logs/AnsiText.h"
#include "logs/LogBuffer.h"
#include "logs/LogLineFormat.h"
#include "logs/LogLineSplitter.h"

#include <QApplication>
#include <QClipboard>
#include <QDateTime>
#include <QFontDatabase>
#include <QIODevice>
#include <QKeyEvent>
#include <QPainter>
#include <QScrollBar>
#include <QTextLayout>

#include <algorithm>

namespace vigia::logs {

struct LogView::Prepared {
    QTextLayout layout;
    int prefixLength = 0;
    int bodyLength = 0;
    bool marker = false;
    qreal height = 0;
    int searchGeneration = -1;
    QList<std::pair<int, int>> matches; // in layout text
};

namespace {

constexpr int kMaxCachedLayouts = 2000;

} // namespace

LogView::LogView(QWidget *parent) : QAbstractScrollArea(parent)
{
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    setFocusPolicy(Qt::StrongFocus);
    viewport()->setCursor(Qt::IBeamCursor);
    viewport()->setAutoFillBackground(true);
    viewport()->setBackgroundRole(QPalette::Base);
    // 40 ms: fast enough to look live, slow enough that a flood of lines costs a
    // handful of repaints per second instead of one per line.
    m_batch.setInterval(40);
    m_batch.setSingleShot(true);
    connect(&m_batch, &QTimer::timeout, this, &LogView::refreshNow);
    connect(verticalScrollBar(), &QScrollBar::valueChanged, this, &LogView::onScrolled);
    updateMetrics();
}

LogView::~LogView() = default;

void LogView::setBuffer(LogBuffer *buffer)
{
    m_buffer = buffer;
    m_cache.clear();
    m_maxWidth = 0;
    m_selAnchor = m_selCursor = -1;
    m_currentMatch = -1;
    m_topSeq = buffer ? buffer->firstSeq() : 0;
    rebuildIndexes();
    updateScrollBars();
    viewport()->update();
    emitCounts();
}

void LogView::notifyAppended()
{
    if (!m_batch.isActive())
        m_batch.start();
}

void LogView::refreshNow()
{
    m_batch.stop();
    syncIndexes();
    updateScrollBars();
    viewport()->update();
    emitCounts();
}

// ---- rows ------------------------------------------------------------------

int LogView::rowCount() const
{
    if (!m_buffer)
        return 0;
    return filtering() ? int(m_shown.size()) : m_buffer->size();
}

qint64 LogView::seqAtRow(int row) const
{
    if (filtering())
        return m_shown[size_t(row)];
    return m_buffer->firstSeq() + row;
}

int LogView::rowOfSeq(qint64 seq) const
{
    if (!m_buffer)
        return 0;
    if (filtering())
        return int(std::lower_bound(m_shown.begin(), m_shown.end(), seq) - m_shown.begin());
    return int(std::clamp<qint64>(seq - m_buffer->firstSeq(), 0, m_buffer->size()));
}

bool LogView::passesFilter(QByteArrayView bytes, quint8 flags) const
{
    if (!filtering() || (flags & LogBuffer::Marker))
        return true;
    const bool match = m_filter.matches(bytes);
    return m_filterMode == FilterMode::ShowMatching ? match : !match;
}

void LogView::syncIndexes()
{
    if (!m_buffer)
        return;
    const qint64 first = m_buffer->firstSeq();
    const qint64 next = m_buffer->nextSeq();
    if (m_indexedUpTo > next) { // a different buffer or history: start over
        rebuildIndexes();
        return;
    }
    while (!m_shown.empty() && m_shown.front() < first)
        m_shown.pop_front();
    while (!m_matches.empty() && m_matches.front() < first)
        m_matches.pop_front();
    if (m_currentMatch >= 0 && m_currentMatch < first)
        m_currentMatch = -1;
    if (m_selAnchor >= 0 && (m_selAnchor < first || m_selCursor < first)) {
        if (m_selCursor < first && m_selAnchor < first)
            m_selAnchor = m_selCursor = -1;
        else {
            m_selAnchor = std::max(m_selAnchor, first);
            m_selCursor = std::max(m_selCursor, first);
        }
    }
    m_indexedUpTo = std::max(m_indexedUpTo, first);
    const bool searching = !m_search.isEmpty() && m_search.isValid();
    const bool filteringNow = filtering();
    if (searching || filteringNow) {
        for (qint64 seq = m_indexedUpTo; seq < next; ++seq) {
            const int row = int(seq - first);
            const QByteArrayView bytes = m_buffer->bytesAt(row);
            if (filteringNow) {
                if (!passesFilter(bytes, m_buffer->at(row).flags))
                    continue;
                m_shown.push_back(seq);
            }
            if (searching && m_search.matches(bytes))
                m_matches.push_back(seq);
        }
    }
    m_indexedUpTo = next;

    if (m_cache.size() > kMaxCachedLayouts) {
        m_cache.clear();
    } else {
        for (auto it = m_cache.begin(); it != m_cache.end();)
            it = it.key() < first ? m_cache.erase(it) : std::next(it);
    }
    if (m_buffer->sources().size() != m_sourceCount) {
        m_sourceCount = int(m_buffer->sources().size());
        int width = 0;
        for (int i = 0; i < m_sourceCount; ++i)
            width = std::max(width, int(shortSourceName(i).size()));
        if (width != m_sourceWidth) {
            m_sourceWidth = width;
            invalidateLayouts();
        }
    }
}

void LogView::rebuildIndexes()
{
    m_shown.clear();
    m_matches.clear();
    m_indexedUpTo = m_buffer ? m_buffer->firstSeq() : 0;
    syncIndexes();
}

// ---- scrolling ---------------------------------------------------------------

void LogView::updateMetrics()
{
    const QFontMetricsF fm(font());
    m_lineHeight = std::max(1, int(std::ceil(fm.lineSpacing())));
    m_charWidth = fm.horizontalAdvance(QLatin1Char('m'));
    m_palette = AnsiPalette(palette());
}

void LogView::invalidateLayouts()
{
    m_cache.clear();
    m_maxWidth = 0;
    ++m_layoutGeneration;
}

void LogView::updateScrollBars()
{
    const int rows = rowCount();
    const int pageRows = std::max(1, viewport()->height() / m_lineHeight);
    // Wrapped lines have different heights, so the bar still counts logical lines
    // and its maximum puts the last line at the top.
    const int max = m_wrap ? std::max(0, rows - 1) : std::max(0, rows - pageRows);
    QScrollBar *v = verticalScrollBar();
    m_syncingScroll = true;
    v->setRange(0, max);
    v->setPageStep(pageRows);
    v->setSingleStep(1);
    if (m_follow) {
        v->setValue(max);
    } else {
        const int row = std::min(rowOfSeq(m_topSeq), max);
        v->setValue(row);
        if (rows > 0)
            m_topSeq = seqAtRow(std::min(row, rows - 1));
    }
    m_syncingScroll = false;

    QScrollBar *h = horizontalScrollBar();
    if (m_wrap) {
        h->setRange(0, 0);
    } else {
        h->setRange(0, std::max(0, int(m_maxWidth) + 2 * m_margin - viewport()->width()));
        h->setPageStep(viewport()->width());
        h->setSingleStep(std::max(1, int(m_charWidth * 4)));
    }
}

void LogView::onScrolled(int value)
{
    if (m_syncingScroll || !m_buffer)
        return;
    QScrollBar *v = verticalScrollBar();
    if (value >= v->maximum()) {
        if (!m_follow)
            setFollowing(true);
    } else {
        if (rowCount() > 0)
            m_topSeq = seqAtRow(value);
        if (m_follow) {
            m_follow = false;
            emit followChanged(false);
        }
    }
    viewport()->update();
}

void LogView::setFollowing(bool follow)
{
    if (follow == m_follow)
        return;
    m_follow = follow;
    if (!follow && m_buffer && rowCount() > 0)
        m_topSeq = seqAtRow(std::min(verticalScrollBar()->value(), rowCount() - 1));
    if (follow)
        syncIndexes();
    updateScrollBars();
    viewport()->update();
    emit followChanged(follow);
}

qint64 LogView::topSeq() const
{
    const QList<Placed> placed = placeLines();
    return placed.isEmpty() ? -1 : placed.first().seq;
}

void LogView::scrollToSeq(qint64 seq)
{
    const QList<Placed> placed = placeLines();
    for (const Placed &p : placed)
        if (p.seq == seq && p.y >= 0 && p.y + p.height <= viewport()->height()) {
            if (m_follow)
                setFollowing(false);
            return;
        }
    const int pageRows = std::max(1, viewport()->height() / m_lineHeight);
    const int row = std::max(0, rowOfSeq(seq) - (m_wrap ? 2 : pageRows / 3));
    if (rowCount() == 0)
        return;
    m_topSeq = seqAtRow(std::min(row, rowCount() - 1));
    if (m_follow) {
        m_follow = false;
        emit followChanged(false);
    }
    updateScrollBars();
    viewport()->update();
}

void LogView::scrollContentsBy(int, int)
{
    viewport()->update();
}

// ---- settings ------------------------------------------------------------------

void LogView::setShowTimestamps(bool on)
{
    if (on == m_showTimestamps)
        return;
    m_showTimestamps = on;
    invalidateLayouts();
    updateScrollBars();
    viewport()->update();
}

void LogView::setWrap(bool on)
{
    if (on == m_wrap)
        return;
    m_wrap = on;
    invalidateLayouts();
    updateScrollBars();
    viewport()->update();
}

void LogView::setShowSources(bool on)
{
    if (on == m_showSources)
        return;
    m_showSources = on;
    invalidateLayouts();
    viewport()->update();
}

void LogView::resizeEvent(QResizeEvent *event)
{
    QAbstractScrollArea::resizeEvent(event);
    if (m_wrap)
        invalidateLayouts();
    updateScrollBars();
}

void LogView::changeEvent(QEvent *event)
{
    QAbstractScrollArea::changeEvent(event);
    if (event->type() == QEvent::FontChange || event->type() == QEvent::PaletteChange ||
        event->type() == QEvent::StyleChange) {
        updateMetrics();
        invalidateLayouts();
        updateScrollBars();
        viewport()->update();
    }
}

// ---- search and filter ---------------------------------------------------------

void LogView::setSearch(const SearchOptions &options)
{
    if (options == m_search.options())
        return;
    m_search = LogMatcher(options);
    ++m_searchGeneration;
    m_currentMatch = -1;
    m_matches.clear();
    if (!m_search.isEmpty() && m_search.isValid() && m_buffer) {
        const qint64 first = m_buffer->firstSeq();
        const int rows = rowCount();
        for (int r = 0; r < rows; ++r) {
            const qint64 seq = seqAtRow(r);
            if (m_search.matches(m_buffer->bytesAt(int(seq - first))))
                m_matches.push_back(seq);
        }
    }
    viewport()->update();
    emitCounts();
}

void LogView::setFilter(const SearchOptions &options, FilterMode mode)
{
    if (options == m_filter.options() && mode == m_filterMode)
        return;
    if (!m_follow && m_buffer && rowCount() > 0)
        m_topSeq = seqAtRow(std::min(verticalScrollBar()->value(), rowCount() - 1));
    m_filter = LogMatcher(options);
    m_filterMode = mode;
    rebuildIndexes();
    if (m_currentMatch >= 0 && !std::binary_search(m_matches.begin(), m_matches.end(), m_currentMatch))
        m_currentMatch = -1;
    updateScrollBars();
    viewport()->update();
    emitCounts();
}

int LogView::currentMatchIndex() const
{
    if (m_currentMatch < 0)
        return -1;
    const auto it = std::lower_bound(m_matches.begin(), m_matches.end(), m_currentMatch);
    return (it != m_matches.end() && *it == m_currentMatch) ? int(it - m_matches.begin()) : -1;
}

void LogView::setCurrentMatch(qint64 seq)
{
    m_currentMatch = seq;
    scrollToSeq(seq);
    viewport()->update();
    emitCounts();
}

void LogView::findNext()
{
    syncIndexes();
    if (m_matches.empty())
        return;
    const qint64 from = m_currentMatch >= 0 ? m_currentMatch : topSeq() - 1;
    const auto it = std::upper_bound(m_matches.begin(), m_matches.end(), from);
    setCurrentMatch(it == m_matches.end() ? m_matches.front() : *it);
}

void LogView::findPrevious()
{
    syncIndexes();
    if (m_matches.empty())
        return;
    const QList<Placed> placed = placeLines();
    const qint64 from = m_currentMatch >= 0
                            ? m_currentMatch
                            : (placed.isEmpty() ? m_buffer->nextSeq() : placed.last().seq + 1);
    const auto it = std::lower_bound(m_matches.begin(), m_matches.end(), from);
    setCurrentMatch(it == m_matches.begin() ? m_matches.back() : *std::prev(it));
}

void LogView::emitCounts()
{
    const int shown = rowCount();
    const int total = m_buffer ? m_buffer->size() : 0;
    if (shown != m_lastShown || total != m_lastTotal) {
        m_lastShown = shown;
        m_lastTotal = total;
        emit shownLinesChanged(shown, total);
    }
    const int count = matchCount();
    const int index = currentMatchIndex();
    if (count != m_lastMatchCount || index != m_lastMatchIndex) {
        m_lastMatchCount = count;
        m_lastMatchIndex = index;
        emit searchResultsChanged(count, index);
    }
}

// ---- layout and painting ----------------------------------------------------------

QString LogView::shortSourceName(int source) const
{
    if (!m_buffer || source < 0 || source >= m_buffer->sources().size())
        return {};
    const QString name = m_buffer->sources().at(source);
    // Deployment pods are "<deployment>-<hash>-<id>": the last part tells them apart.
    const qsizetype dash = name.lastIndexOf(QLatin1Char('-'));
    if (dash > 0 && name.size() - dash - 1 >= 3 && name.size() - dash - 1 <= 8)
        return name.mid(dash + 1);
    return name.size() > 16 ? name.right(16) : name;
}

LogView::Prepared &LogView::prepared(qint64 seq) const
{
    auto it = m_cache.find(seq);
    if (it != m_cache.end())
        return **it;
    auto p = std::make_shared<Prepared>();
    const int row = int(seq - m_buffer->firstSeq());
    const LogLineRef ref = m_buffer->at(row);
    LogLineFormat::Options options;
    options.timestamps = m_showTimestamps;
    options.sources = m_showSources;
    options.sourceWidth = m_sourceWidth;
    options.sourceName = m_showSources ? shortSourceName(ref.source) : QString();
    options.maxDisplayBytes = kMaxDisplayBytes;
    FormattedLogLine formatted = LogLineFormat::format(ref, options, m_palette, palette());
    p->marker = formatted.marker;
    p->prefixLength = formatted.prefixLength;
    p->bodyLength = formatted.bodyLength;
    const QString text = std::move(formatted.text);
    const QList<QTextLayout::FormatRange> formats = std::move(formatted.formats);

    QTextOption option;
    option.setWrapMode(m_wrap ? QTextOption::WrapAtWordBoundaryOrAnywhere : QTextOption::NoWrap);
    option.setTabStopDistance(8 * m_charWidth);
    p->layout.setFont(font());
    p->layout.setText(text);
    p->layout.setTextOption(option);
    p->layout.setFormats(formats);
    p->layout.setCacheEnabled(true);
    const qreal width = m_wrap ? std::max<qreal>(m_charWidth * 8, viewport()->width() - 2 * m_margin) : 1e7;
    qreal y = 0;
    p->layout.beginLayout();
    for (int lines = 0; lines < 100000; ++lines) {
        QTextLine line = p->layout.createLine();
        if (!line.isValid())
            break;
        line.setLineWidth(width);
        line.setPosition(QPointF(0, y));
        y += m_wrap ? line.height() : m_lineHeight;
        if (!m_wrap) {
            m_maxWidth = std::max(m_maxWidth, line.naturalTextWidth());
            break;
        }
    }
    p->layout.endLayout();
    p->height = m_wrap ? std::max<qreal>(y, m_lineHeight) : m_lineHeight;
    Prepared &ref2 = *p;
    m_cache.insert(seq, std::move(p));
    return ref2;
}

QList<LogView::Placed> LogView::placeLines() const
{
    QList<Placed> out;
    const int rows = rowCount();
    if (!m_buffer || rows == 0)
        return out;
    const int height = viewport()->height();
    if (!m_wrap) {
        const int top = std::clamp(verticalScrollBar()->value(), 0, rows - 1);
        for (int row = top, y = 0; row < rows && y < height; ++row, y += m_lineHeight)
            out.append(Placed{seqAtRow(row), qreal(y), qreal(m_lineHeight)});
        return out;
    }
    if (m_follow) {
        // Anchored to the bottom: lay out upwards from the newest line.
        qreal y = height;
        for (int row = rows - 1; row >= 0 && y > 0; --row) {
            const qint64 seq = seqAtRow(row);
            const qreal h = prepared(seq).height;
            y -= h;
            out.prepend(Placed{seq, y, h});
        }
        // Fewer lines than the viewport holds: start at the top instead.
        if (!out.isEmpty() && out.first().y > 0) {
            const qreal shift = out.first().y;
            for (Placed &p : out)
                p.y -= shift;
        }
        return out;
    }
    qreal y = 0;
    for (int row = std::clamp(verticalScrollBar()->value(), 0, rows - 1); row < rows && y < height; ++row) {
        const qint64 seq = seqAtRow(row);
        const qreal h = prepared(seq).height;
        out.append(Placed{seq, y, h});
        y += h;
    }
    return out;
}

QList<qint64> LogView::visibleSeqs() const
{
    QList<qint64> out;
    for (const Placed &p : placeLines())
        out.append(p.seq);
    return out;
}

void LogView::paintEvent(QPaintEvent *)
{
    QPainter painter(viewport());
    if (!m_buffer)
        return;
    const qreal widthBefore = m_maxWidth;
    const QList<Placed> placed = placeLines();
    const int vw = viewport()->width();
    const int xOffset = m_wrap ? 0 : horizontalScrollBar()->value();
    const qint64 selLo = std::min(m_selAnchor, m_selCursor);
    const qint64 selHi = std::max(m_selAnchor, m_selCursor);
    const QColor selection = m_palette.selection();
    const QColor band = m_palette.markerBand();
    const QColor matchBackground = m_palette.matchBackground();
    const QColor currentBackground = m_palette.currentMatchBackground();
    const bool searching = !m_search.isEmpty() && m_search.isValid();

    for (const Placed &pl : placed) {
        Prepared &p = prepared(pl.seq);
        const QRectF rect(0, pl.y, vw, pl.height);
        if (p.marker) {
            painter.fillRect(rect, band);
            painter.setPen(QPen(m_palette.sourceColour(4), 1, Qt::DashLine));
            painter.drawLine(QPointF(0, pl.y + 0.5), QPointF(vw, pl.y + 0.5));
        }
        if (m_selAnchor >= 0 && pl.seq >= selLo && pl.seq <= selHi)
            painter.fillRect(rect, selection);
        if (searching) {
            if (p.searchGeneration != m_searchGeneration) {
                p.matches.clear();
                const QString body = p.layout.text().mid(p.prefixLength, p.bodyLength);
                for (const auto &[start, len] : m_search.ranges(body))
                    p.matches.append({start + p.prefixLength, len});
                p.searchGeneration = m_searchGeneration;
            }
            // Highlights are painted as rectangles under the text, and only where
            // visible: a 64 KiB line can hold thousands of matches.
            const QColor colour = pl.seq == m_currentMatch ? currentBackground : matchBackground;
            const QPointF origin(m_margin - xOffset, pl.y);
            for (int li = 0; li < p.layout.lineCount(); ++li) {
                const QTextLine line = p.layout.lineAt(li);
                const qreal top = pl.y + line.y();
                if (top > viewport()->height() || top + line.height() < 0)
                    continue;
                const int lineStart = m_wrap ? line.textStart() : line.xToCursor(xOffset - m_margin);
                const int lineEnd = m_wrap ? line.textStart() + line.textLength()
                                           : line.xToCursor(xOffset - m_margin + vw) + 1;
                auto it = std::lower_bound(
                    p.matches.begin(), p.matches.end(), lineStart,
                    [](const std::pair<int, int> &m, int pos) { return m.first + m.second <= pos; });
                for (int drawn = 0; it != p.matches.end() && it->first < lineEnd && drawn < 1000;
                     ++it, ++drawn) {
                    const int a = std::max(it->first, line.textStart());
                    const int b = std::min(it->first + it->second, line.textStart() + line.textLength());
                    if (b <= a)
                        continue;
                    const qreal x1 = line.cursorToX(a), x2 = line.cursorToX(b);
                    painter.fillRect(QRectF(origin.x() + x1, top, std::max<qreal>(2, x2 - x1), line.height()),
                                     colour);
                }
            }
        }
        painter.save();
        painter.setClipRect(rect);
        painter.setPen(palette().color(QPalette::Text));
        p.layout.draw(&painter, QPointF(m_margin - xOffset, pl.y), {}, rect);
        painter.restore();
    }
    if (!m_wrap && m_maxWidth > widthBefore && !m_hbarPending) {
        // A wider line came into view: grow the horizontal range after this paint.
        m_hbarPending = true;
        QMetaObject::invokeMethod(
            this,
            [this] {
                m_hbarPending = false;
                updateScrollBars();
            },
            Qt::QueuedConnection);
    }
}

// ---- selection and keys ---------------------------------------------------------

qint64 LogView::seqAt(const QPoint &pos) const
{
    const QList<Placed> placed = placeLines();
    if (placed.isEmpty())
        return -1;
    for (const Placed &p : placed)
        if (pos.y() < p.y + p.height)
            return p.seq;
    return placed.last().seq;
}

void LogView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton) {
        QAbstractScrollArea::mousePressEvent(event);
        return;
    }
    const qint64 seq = seqAt(event->position().toPoint());
    if (seq < 0)
        return;
    // Clicking a line means reading it: it must not scroll away under the pointer.
    if (m_follow && verticalScrollBar()->maximum() > 0)
        setFollowing(false);
    if ((event->modifiers() & Qt::ShiftModifier) && m_selAnchor >= 0)
        m_selCursor = seq;
    else
        m_selAnchor = m_selCursor = seq;
    m_dragging = true;
    viewport()->update();
    emit selectionChanged();
}

void LogView::mouseMoveEvent(QMouseEvent *event)
{
    if (!m_dragging)
        return;
    const QPoint pos = event->position().toPoint();
    if (pos.y() < 0)
        verticalScrollBar()->triggerAction(QAbstractSlider::SliderSingleStepSub);
    else if (pos.y() > viewport()->height())
        verticalScrollBar()->triggerAction(QAbstractSlider::SliderSingleStepAdd);
    const qint64 seq = seqAt(pos);
    if (seq >= 0 && seq != m_selCursor) {
        m_selCursor = seq;
        viewport()->update();
        emit selectionChanged();
    }
}

void LogView::mouseReleaseEvent(QMouseEvent *event)
{
    m_dragging = false;
    QAbstractScrollArea::mouseReleaseEvent(event);
}

void LogView::mouseDoubleClickEvent(QMouseEvent *event)
{
    mousePressEvent(event);
}

bool LogView::viewportEvent(QEvent *event)
{
    return QAbstractScrollArea::viewportEvent(event);
}

void LogView::selectAll()
{
    if (rowCount() == 0)
        return;
    m_selAnchor = seqAtRow(0);
    m_selCursor = seqAtRow(rowCount() - 1);
    viewport()->update();
    emit selectionChanged();
}

void LogView::clearSelection()
{
    m_selAnchor = m_selCursor = -1;
    viewport()->update();
    emit selectionChanged();
}

QString LogView::lineText(qint64 seq, bool exportFormat) const
{
    const int row = int(seq - m_buffer->firstSeq());
    const LogLineRef ref = m_buffer->at(row);
    QString out;
    if (ref.timestampNs > 0 && (exportFormat || m_showTimestamps))
        out += (exportFormat ? QString::fromLatin1(formatLogTimestamp(ref.timestampNs))
                             : LogLineFormat::displayTimestamp(ref.timestampNs)) +
               QLatin1Char(' ');
    if (m_buffer->sources().size() > 1 && (exportFormat || m_showSources))
        out += (exportFormat ? m_buffer->sources().value(ref.source) : shortSourceName(ref.source)) +
               QLatin1Char(' ');
    // Copy and save keep a cut line whole.
    out += stripAnsi(ref.isCut() ? m_buffer->fullLine(row) : ref.bytes);
    return out;
}

QString LogView::selectedText() const
{
    if (m_selAnchor < 0 || !m_buffer)
        return {};
    const int lo = rowOfSeq(std::min(m_selAnchor, m_selCursor));
    const qint64 hiSeq = std::max(m_selAnchor, m_selCursor);
    QStringList lines;
    for (int row = lo; row < rowCount() && seqAtRow(row) <= hiSeq; ++row)
        lines << lineText(seqAtRow(row), false);
    return lines.join(QLatin1Char('\n'));
}

void LogView::copySelection() const
{
    if (hasSelection())
        QApplication::clipboard()->setText(selectedText());
}

qint64 LogView::writeLines(QIODevice *device, bool shownOnly) const
{
    if (!m_buffer || !device)
        return -1;
    const int rows = shownOnly ? rowCount() : m_buffer->size();
    QByteArray chunk;
    qint64 written = 0;
    for (int r = 0; r < rows; ++r) {
        const qint64 seq = shownOnly ? seqAtRow(r) : m_buffer->firstSeq() + r;
        chunk += lineText(seq, true).toUtf8();
        chunk += '\n';
        ++written;
        if (chunk.size() > (1 << 20) || r == rows - 1) {
            if (device->write(chunk) != chunk.size())
                return -1;
            chunk.clear();
        }
    }
    return written;
}

void LogView::keyPressEvent(QKeyEvent *event)
{
    QScrollBar *v = verticalScrollBar();
    if (event->matches(QKeySequence::Copy)) {
        copySelection();
    } else if (event->matches(QKeySequence::SelectAll)) {
        selectAll();
    } else if (event->matches(QKeySequence::FindNext) || event->key() == Qt::Key_F3) {
        (event->modifiers() & Qt::ShiftModifier) ? findPrevious() : findNext();
    } else if (event->matches(QKeySequence::FindPrevious)) {
        findPrevious();
    } else {
        switch (event->key()) {
        case Qt::Key_End:
            setFollowing(true);
            break;
        case Qt::Key_Home:
            if (rowCount() > 0) {
                setFollowing(false);
                v->setValue(0);
            }
            break;
        case Qt::Key_Up:
            v->triggerAction(QAbstractSlider::SliderSingleStepSub);
            break;
        case Qt::Key_Down:
            v->triggerAction(QAbstractSlider::SliderSingleStepAdd);
            break;
        case Qt::Key_PageUp:
            v->triggerAction(QAbstractSlider::SliderPageStepSub);
            break;
        case Qt::Key_PageDown:
            v->triggerAction(QAbstractSlider::SliderPageStepAdd);
            break;
        case Qt::Key_Escape:
            clearSelection();
            break;
        default:
            QAbstractScrollArea::keyPressEvent(event);
            return;
        }
    }
    event->accept();
}

} // namespace vigia::logs
