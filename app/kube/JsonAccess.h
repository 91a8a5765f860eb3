#pragma once
// Type-checked reads from API objects: a field of the wrong type reads as
// absent, so a broken or hostile server cannot make a parser misbehave.
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>

namespace vigia::kube::json {

inline QJsonObject objectAt(const QJsonObject &o, QLatin1StringView key)
{
    const QJsonValue v = o.value(key);
    return v.isObject() ? v.toObject() : QJsonObject();
}

inline QJsonArray arrayAt(const QJsonObject &o, QLatin1StringView key)
{
    const QJsonValue v = o.value(key);
    return v.isArray() ? v.toArray() : QJsonArray();
}

inline QString stringAt(const QJsonObject &o, QLatin1StringView key)
{
    const QJsonValue v = o.value(key);
    return v.isString() ? v.toString() : QString();
}

} // namespace vigia::kube::json
