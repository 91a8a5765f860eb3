#pragma once
// A log viewer that paints only the visible lines, straight from a LogBuffer.
// Nothing is copied per line: rows are buffer seqs, so a million lines cost the
// buffer and, with a filter, one index entry per shown line. Appends are
// picked up on a batch timer, never per line, and while the user reads (follow
// paused) the top line is anchored by seq, so neither new lines nor evictions
// of older ones move the view.
#include "logs/AnsiPalette.h"
#include "logs/LogMatcher.h"

#include <QAbstractScrollArea>
#include <QHash>
#include <QTimer>
#include <deque>
#include <memory>

class QIODevice;
class QTextLayout;

namespace vigia::logs {

class LogBuffer;

class LogView : public QAbstractScrollArea {
    Q_OBJECT
public:
    enum class FilterMode { Off, ShowMatching, HideMatching };
    // Longer lines are drawn cut with a visible marker; copy and save keep them whole.
    static constexpr int kMaxDisplayBytes = 64 * 1024;

    explicit LogView(QWidget *parent = nullptr);
    ~LogView() override;

    // Not owned. The buffer must outlive the view or be replaced first.
    void setBuffer(LogBuffer *buffer);
    LogBuffer *buffer() const { return m_buffer; }
    // Lines were appended, evicted or cleared: refresh on the next batch tick.
    void notifyAppended();
    // The batch tick's work, now (tests, and after a burst the caller knows has ended).
    void refreshNow();
    void setBatchInterval(int ms) { m_batch.setInterval(ms); }

    bool isFollowing() const { return m_follow; }
    void setFollowing(bool follow);

    bool showTimestamps() const { return m_showTimestamps; }
    void setShowTimestamps(bool on);
    bool wrap() const { return m_wrap; }
    void setWrap(bool on);
    bool showSources() const { return m_showSources; }
    void setShowSources(bool on);

    // Search: every match is highlighted; next/previous move through them.
    void setSearch(const SearchOptions &options);
    const SearchOptions &search() const { return m_search.options(); }
    QString searchError() const { return m_search.isValid() ? QString() : m_search.errorString(); }
    int matchCount() const { return int(m_matches.size()); }
    int currentMatchIndex() const; // -1: none
    qint64 currentMatchSeq() const { return m_currentMatch; }
    void findNext();
    void findPrevious();

    // Filter: show only matching lines, or hide them. Markers always stay visible.
    void setFilter(const SearchOptions &options, FilterMode mode);
    FilterMode filterMode() const { return m_filterMode; }
    QString filterError() const { return m_filter.isValid() ? QString() : m_filter.errorString(); }
    int shownLineCount() const { return rowCount(); }

    bool hasSelection() const { return m_selAnchor >= 0; }
    void selectAll();
    void clearSelection();
    // Whole lines, ANSI stripped, with the prefixes the view shows.
    QString selectedText() const;
    void copySelection() const;
    // Writes whole lines (ANSI stripped; RFC 3339 timestamps and source names
    // when known) and returns how many, or -1 when the device failed.
    qint64 writeLines(QIODevice *device, bool shownOnly) const;

    // What is on screen, top to bottom (tests, and the panel's status line).
    QList<qint64> visibleSeqs() const;
    qint64 topSeq() const;

signals:
    void followChanged(bool following);
    void searchResultsChanged(int count, int current);
    void shownLinesChanged(int shown, int total);
    void selectionChanged();

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void changeEvent(QEvent *event) override;
    void scrollContentsBy(int dx, int dy) override;
    bool viewportEvent(QEvent *event) override;

private:
    struct Prepared;
    struct Placed {
        qint64 seq;
        qreal y;
        qreal height;
    };

    int rowCount() const;
    qint64 seqAtRow(int row) const;
    int rowOfSeq(qint64 seq) const; // the row of seq, or of the next shown line after it
    bool filtering() const { return m_filterMode != FilterMode::Off && !m_filter.isEmpty(); }
    bool passesFilter(QByteArrayView bytes, quint8 flags) const;

    void syncIndexes();
    void rebuildIndexes();
    void updateScrollBars();
    void updateMetrics();
    void invalidateLayouts();
    void onScrolled(int value);
    void scrollToSeq(qint64 seq);
    void setCurrentMatch(qint64 seq);
    void emitCounts();

    QList<Placed> placeLines() const;
    Prepared &prepared(qint64 seq) const;
    qint64 seqAt(const QPoint &pos) const;
    QString lineText(qint64 seq, bool exportFormat) const;
    QString shortSourceName(int source) const;

    LogBuffer *m_buffer = nullptr;
    QTimer m_batch;
    AnsiPalette m_palette;
    int m_lineHeight = 16;
    qreal m_charWidth = 8;
    int m_margin = 4;

    bool m_follow = true;
    qint64 m_topSeq = 0;
    bool m_syncingScroll = false;

    bool m_showTimestamps = false;
    bool m_wrap = false;
    bool m_showSources = false;
    int m_sourceWidth = 0;
    int m_sourceCount = 0;

    LogMatcher m_search;
    LogMatcher m_filter;
    FilterMode m_filterMode = FilterMode::Off;
    std::deque<qint64> m_shown;   // seqs that pass the filter (only while filtering)
    std::deque<qint64> m_matches; // seqs of shown lines that match the search
    qint64 m_currentMatch = -1;
    qint64 m_indexedUpTo = 0; // lines below this seq are in the indexes
    int m_lastShown = -1;
    int m_lastTotal = -1;
    int m_lastMatchCount = -1;
    int m_lastMatchIndex = -2;

    qint64 m_selAnchor = -1;
    qint64 m_selCursor = -1;
    bool m_dragging = false;

    mutable QHash<qint64, std::shared_ptr<Prepared>> m_cache;
    mutable qreal m_maxWidth = 0;
    int m_searchGeneration = 0;
    int m_layoutGeneration = 0;
    bool m_hbarPending = false;
};

} // namespace vigia::logs
