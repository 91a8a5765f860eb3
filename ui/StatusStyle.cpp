#include "StatusStyle.h"

#include "ThemePalette.h"

#include <QHash>
#include <QObject>

namespace vigia {

QIcon severityIcon(Severity s)
{
    // Cached: the view asks for decorations on every paint.
    static QHash<int, QIcon> cache;
    auto it = cache.constFind(int(s));
    if (it != cache.constEnd())
        return *it;
    QString file;
    switch (s) {
    case Severity::Error:
        file = QStringLiteral(":/vigia/icons/status-error.svg");
        break;
    case Severity::Warning:
        file = QStringLiteral(":/vigia/icons/status-warn.svg");
        break;
    case Severity::Pending:
        file = QStringLiteral(":/vigia/icons/status-pending.svg");
        break;
    case Severity::Ok:
        file = QStringLiteral(":/vigia/icons/status-ok.svg");
        break;
    case Severity::Unknown:
        file = QStringLiteral(":/vigia/icons/status-unknown.svg");
        break;
    }
    QIcon icon(file);
    cache.insert(int(s), icon);
    return icon;
}

QColor severityColor(Severity s)
{
    return severityColor(s, ThemePalette::isDark());
}

QColor severityColor(Severity s, bool dark)
{
    // Text colours that keep >= 4.5:1 on the theme's base; the icon says the same thing.
    switch (s) {
    case Severity::Error:
        return ThemePalette::toneText(ThemePalette::Tone::Error, dark);
    case Severity::Warning:
        return ThemePalette::toneText(ThemePalette::Tone::Warning, dark);
    case Severity::Pending:
        return ThemePalette::toneText(ThemePalette::Tone::Info, dark);
    case Severity::Ok:
        return ThemePalette::toneText(ThemePalette::Tone::Ok, dark);
    case Severity::Unknown:
        return ThemePalette::toneText(ThemePalette::Tone::Muted, dark);
    }
    return {};
}

QString severityName(Severity s)
{
    switch (s) {
    case Severity::Error:
        return QObject::tr("failing");
    case Severity::Warning:
        return QObject::tr("degraded");
    case Severity::Pending:
        return QObject::tr("in progress");
    case Severity::Ok:
        return QObject::tr("healthy");
    case Severity::Unknown:
        return QObject::tr("unknown");
    }
    return {};
}

} // namespace vigia
