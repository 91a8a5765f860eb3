#include "desktop/Autostart.h"


#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QSaveFile>
#include <QStandardPaths>

namespace vigia::desktop {

namespace {
// The Desktop Entry spec: an argument with reserved characters goes in double quotes,
// with ", `, $ and \ escaped by a backslash (and % doubled: it starts field codes).
QString quoteExecArgument(const QString &arg)
{
    static const QString reserved = QStringLiteral(" \t\n\"'\\><~|&;$*?#()`");
    bool plain = !arg.isEmpty();
    for (const QChar c : arg)
        if (reserved.contains(c))
            plain = false;
    QString escaped = arg;
    escaped.replace(QLatin1Char('%'), QStringLiteral("%%"));
    if (plain)
        return escaped;
    QString out = QStringLiteral("\"");
    for (const QChar c : std::as_const(escaped)) {
        if (c == QLatin1Char('"') || c == QLatin1Char('`') || c == QLatin1Char('$') || c == QLatin1Char('\\'))
            out += QLatin1Char('\\');
        out += c;
    }
    return out + QLatin1Char('"');
}
} // namespace

Autostart::Autostart(const QString &folder)
    : m_folder(folder.isEmpty()
                   ? QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation) + QStringLiteral("/autostart")
                   : folder)
{
}

QString Autostart::entryPath() const
{
    return m_folder + QStringLiteral("/vigia.desktop");
}

bool Autostart::isEnabled() const
{
    return QFile::exists(entryPath());
}

QString Autostart::entryText(const QString &program)
{
    // Escapes in a desktop file's string values: a backslash doubles once more.
    QString exec = quoteExecArgument(program);
    exec.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
    return QStringLiteral("[Desktop Entry]\n"
                          "Type=Application\n"
                          "Name=Vigía\n"
                          "Comment=Watches your K3s servers from the tray\n"
                          "Exec=%1 --hidden\n"
                          "Icon=vigia\n"
                          "Terminal=false\n"
                          "NoDisplay=true\n"
                          "X-GNOME-Autostart-enabled=true\n")
        .arg(exec);
}

Result<void> Autostart::setEnabled(bool enabled, const QString &program)
{
    if (!enabled) {
        if (QFile::exists(entryPath()) && !QFile::remove(entryPath()))
            return Result<void>(makeError(
                QCoreApplication::translate("Autostart", "The login entry %1 could not be removed.").arg(entryPath()),
                QCoreApplication::translate("Autostart", "Remove it by hand, or check the folder's permissions."),
                QStringLiteral("desktop.autostart")));
        return {};
    }
    if (!QDir().mkpath(m_folder))
        return Result<void>(makeError(
            QCoreApplication::translate("Autostart", "The folder %1 could not be created.").arg(m_folder),
            QCoreApplication::translate("Autostart", "Check that your home folder is writable."),
            QStringLiteral("desktop.autostart")));
    QSaveFile file(entryPath());
    if (!file.open(QIODevice::WriteOnly) || file.write(entryText(program).toUtf8()) < 0 || !file.commit())
        return Result<void>(makeError(
            QCoreApplication::translate("Autostart", "The login entry %1 could not be written: %2")
                .arg(entryPath(), file.errorString()),
            QCoreApplication::translate("Autostart", "Check that your home folder is writable."),
            QStringLiteral("desktop.autostart")));
    return {};
}

} // namespace vigia::desktop
