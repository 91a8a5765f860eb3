#pragma once
// Incremental reader for `kubectl get ... --watch -o json --output-watch-events`:
// consecutive (pretty-printed) JSON objects {"type": ..., "object": ...} that
// arrive split at arbitrary byte boundaries. A brace scanner that knows about
// strings and escapes finds each object's end; only complete objects are parsed.
#include "core/Result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace vigia::kube {

struct WatchEvent {
    enum class Type { Added, Modified, Deleted, Bookmark, Error, Object };
    Type type = Type::Object; // Object: a bare object (watch without --output-watch-events)
    QString typeName;         // as sent ("ADDED", ...)
    QJsonObject object;

    // An ERROR event whose Status says the resourceVersion is too old (410
    // Gone / Expired): the caller must list again and restart the watch.
    bool isExpired() const;
    // For ERROR events: the Status message.
    QString errorMessage() const;
};

class WatchStreamParser {
public:
    // Objects larger than this are dropped with an error (a runaway stream).
    explicit WatchStreamParser(qsizetype maxObjectBytes = qsizetype(64) * 1024 * 1024);

    // Consumes one chunk and returns the events it completed, in order.
    QList<WatchEvent> feed(QByteArrayView chunk);

    // Problems met so far (unparseable objects, stray text); cleared by the call.
    QList<Error> takeErrors();

    // The stream has ended: an Error when it stopped inside an object (the JSON
    // was truncated), else ok. The parser is reset either way.
    Result<void> finish();

    void reset();
    qsizetype pendingBytes() const { return m_buf.size(); }

private:
    void completeObject();

    qsizetype m_max;
    QByteArray m_buf; // bytes of the object being read
    int m_depth = 0;
    bool m_inString = false;
    bool m_escape = false;
    bool m_oversized = false;
    QByteArray m_stray; // text outside any object, reported per line
    QList<WatchEvent> m_ready;
    QList<Error> m_errors;
};

} // namespace vigia::kube
