#include "kube/WatchStreamParser.h"

#include "core/Log.h"

#include <QCoreApplication>
#include <QJsonDocument>

namespace vigia::kube {

bool WatchEvent::isExpired() const
{
    if (type != Type::Error)
        return false;
    const int code = object.value(QLatin1StringView("code")).toInt();
    const QString reason = object.value(QLatin1StringView("reason")).toString();
    return code == 410 || reason == QLatin1String("Expired") || reason == QLatin1String("Gone") ||
           errorMessage().contains(QLatin1String("too old resource version"));
}

QString WatchEvent::errorMessage() const
{
    return object.value(QLatin1StringView("message")).toString();
}

WatchStreamParser::WatchStreamParser(qsizetype maxObjectBytes) : m_max(maxObjectBytes) {}

void WatchStreamParser::reset()
{
    m_buf.clear();
    m_depth = 0;
    m_inString = false;
    m_escape = false;
    m_oversized = false;
    m_stray.clear();
    m_ready.clear();
}

QList<Error> WatchStreamParser::takeErrors()
{
    QList<Error> e;
    e.swap(m_errors);
    return e;
}

QList<WatchEvent> WatchStreamParser::feed(QByteArrayView chunk)
{
    const char *p = chunk.data();
    const qsizetype n = chunk.size();
    qsizetype objStart = m_depth > 0 ? 0 : -1; // where the current object begins in this chunk
    for (qsizetype i = 0; i < n; ++i) {
        const char c = p[i];
        if (m_depth == 0) {
            if (c == '{') {
                m_depth = 1;
                objStart = i;
                if (!m_stray.trimmed().isEmpty()) {
                    m_errors << makeError(QCoreApplication::translate("WatchStreamParser", "Unexpected text in the watch stream: %1")
                                              .arg(QString::fromUtf8(m_stray.trimmed().left(200))),
                                          QString(), QStringLiteral("kube.watch-stray"));
                }
                m_stray.clear();
            } else if (c == '\n') {
                if (!m_stray.trimmed().isEmpty())
                    m_errors << makeError(QCoreApplication::translate("WatchStreamParser", "Unexpected text in the watch stream: %1")
                                              .arg(QString::fromUtf8(m_stray.trimmed().left(200))),
                                          QString(), QStringLiteral("kube.watch-stray"));
                m_stray.clear();
            } else if (m_stray.size() < 4096) {
                m_stray += c;
            }
            continue;
        }
        if (m_inString) {
            if (m_escape)
                m_escape = false;
            else if (c == '\\')
                m_escape = true;
            else if (c == '"')
                m_inString = false;
            continue;
        }
        if (c == '"') {
            m_inString = true;
        } else if (c == '{' || c == '[') {
            ++m_depth;
        } else if (c == '}' || c == ']') {
            if (--m_depth == 0) {
                if (!m_oversized)
                    m_buf.append(p + objStart, i + 1 - objStart);
                objStart = -1;
                completeObject();
            }
        }
    }
    if (m_depth > 0 && objStart >= 0 && !m_oversized) {
        m_buf.append(p + objStart, n - objStart);
        if (m_buf.size() > m_max) {
            m_oversized = true;
            m_buf.clear();
            m_errors << makeError(
                QCoreApplication::translate("WatchStreamParser", "A watch event larger than %1 MB was dropped.").arg(m_max >> 20), QString(),
                QStringLiteral("kube.watch-oversized"));
        }
    }
    QList<WatchEvent> out;
    out.swap(m_ready);
    return out;
}

void WatchStreamParser::completeObject()
{
    if (m_oversized) {
        m_oversized = false;
        m_buf.clear();
        return;
    }
    QJsonParseError err{};
    const QJsonDocument doc = QJsonDocument::fromJson(m_buf, &err);
    m_buf.clear();
    if (err.error != QJsonParseError::NoError || !doc.isObject()) {
        m_errors << makeError(QCoreApplication::translate("WatchStreamParser", "A watch event was not valid JSON (%1).").arg(err.errorString()),
                              QString(), QStringLiteral("kube.watch-json"));
        return;
    }
    const QJsonObject o = doc.object();
    WatchEvent ev;
    const QJsonValue type = o.value(QLatin1StringView("type"));
    const QJsonValue object = o.value(QLatin1StringView("object"));
    if (type.isString() && object.isObject() && !o.contains(QLatin1StringView("metadata"))) {
        ev.typeName = type.toString();
        ev.object = object.toObject();
        if (ev.typeName == QLatin1String("ADDED"))
            ev.type = WatchEvent::Type::Added;
        else if (ev.typeName == QLatin1String("MODIFIED"))
            ev.type = WatchEvent::Type::Modified;
        else if (ev.typeName == QLatin1String("DELETED"))
            ev.type = WatchEvent::Type::Deleted;
        else if (ev.typeName == QLatin1String("BOOKMARK"))
            ev.type = WatchEvent::Type::Bookmark;
        else if (ev.typeName == QLatin1String("ERROR"))
            ev.type = WatchEvent::Type::Error;
        else {
            m_errors << makeError(QCoreApplication::translate("WatchStreamParser", "Unknown watch event type \"%1\".").arg(ev.typeName),
                                  QString(), QStringLiteral("kube.watch-type"));
            return;
        }
    } else if (o.value(QLatin1StringView("kind")).toString() == QLatin1String("Status")) {
        // A bare Status in the stream is how some versions report a failed watch.
        ev.type = WatchEvent::Type::Error;
        ev.typeName = QStringLiteral("ERROR");
        ev.object = o;
    } else {
        ev.type = WatchEvent::Type::Object;
        ev.object = o;
    }
    m_ready << ev;
}

Result<void> WatchStreamParser::finish()
{
    const bool truncated = m_depth > 0;
    const qsizetype pending = m_buf.size();
    const bool stray = !m_stray.trimmed().isEmpty();
    const QByteArray strayText = m_stray.trimmed().left(200);
    reset();
    if (truncated)
        return makeError(
            QCoreApplication::translate("WatchStreamParser", "The watch stream ended inside an event (%1 bytes left unfinished): the "
                           "JSON was truncated.")
                .arg(pending),
            QCoreApplication::translate("WatchStreamParser", "kubectl or the connection stopped mid-event; the view will list again."),
            QStringLiteral("kube.watch-truncated"));
    if (stray)
        return makeError(QCoreApplication::translate("WatchStreamParser", "The watch stream ended with unexpected text: %1")
                             .arg(QString::fromUtf8(strayText)),
                         QString(), QStringLiteral("kube.watch-stray"));
    return {};
}

} // namespace vigia::kube
