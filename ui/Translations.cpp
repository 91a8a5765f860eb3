#include "Translations.h"

#include <QCoreApplication>
#include <QDir>
#include <QLibraryInfo>
#include <QList>
#include <QPointer>
#include <QSettings>
#include <QTranslator>

namespace vigia {

namespace {

// The translators this class installed, so a second install() replaces them.
QList<QPointer<QTranslator>> &installed()
{
    static QList<QPointer<QTranslator>> list;
    return list;
}

// Installed catalogues first (a package may ship newer ones), then the embedded ones.
QStringList catalogueDirs()
{
    return {QDir(QCoreApplication::applicationDirPath()).absoluteFilePath(QStringLiteral("../share/vigia/translations")),
            QStringLiteral(":/i18n")};
}

bool loadInto(QCoreApplication &app, const QLocale &locale, const QString &name, const QStringList &dirs)
{
    for (const QString &dir : dirs) {
        auto *t = new QTranslator(&app);
        if (t->load(locale, name, QStringLiteral("_"), dir)) {
            QCoreApplication::installTranslator(t);
            installed() << t;
            return true;
        }
        delete t;
    }
    return false;
}

} // namespace

QString Translations::settingsKey()
{
    return QStringLiteral("ui/language");
}

QStringList Translations::languages()
{
    return {QStringLiteral("en"), QStringLiteral("es")};
}

QString Translations::resolve(const QString &preference, const QLocale &system)
{
    const QString p = preference.trimmed().toLower();
    if (p.startsWith(QLatin1String("es")))
        return QStringLiteral("es");
    if (p.startsWith(QLatin1String("en")))
        return QStringLiteral("en");
    // Empty, "system" or a language without a catalogue: follow the system when it can.
    return system.language() == QLocale::Spanish ? QStringLiteral("es") : QStringLiteral("en");
}

QLocale Translations::localeFor(const QString &language, const QLocale &system)
{
    if (language == QLatin1String("es"))
        return system.language() == QLocale::Spanish ? system : QLocale(QLocale::Spanish, QLocale::Mexico);
    return system.language() == QLocale::English ? system : QLocale(QLocale::English, QLocale::UnitedStates);
}

QString Translations::install(QCoreApplication &app, const QString &override)
{
    for (const QPointer<QTranslator> &t : installed()) {
        if (t) {
            QCoreApplication::removeTranslator(t);
            delete t;
        }
    }
    installed().clear();

    const QString preference =
        !override.isEmpty() ? override : QSettings().value(settingsKey()).toString();
    const QString language = resolve(preference);
    const QLocale locale = localeFor(language);
    QLocale::setDefault(locale);
    if (language == QLatin1String("en"))
        return language;

    loadInto(app, locale, QStringLiteral("qtbase"), {QLibraryInfo::path(QLibraryInfo::TranslationsPath)});
    loadInto(app, locale, QStringLiteral("vigia_core"), catalogueDirs());
    loadInto(app, locale, QStringLiteral("vigia_ui"), catalogueDirs());
    return language;
}

} // namespace vigia
