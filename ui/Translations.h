#pragma once
// Chooses the interface language and installs the translators: Vigía's own
// catalogues (embedded under :/i18n/, or installed in share/vigia/translations)
// and Qt's (qtbase_<lang>.qm). English is the source language: no catalogue.
#include <QLocale>
#include <QString>
#include <QStringList>

class QCoreApplication;

namespace vigia {

class Translations {
public:
    // The QSettings key the Preferences dialog writes: "", "system", "en" or "es".
    static QString settingsKey();
    // Languages with a catalogue, plus the source language: {"en", "es"}.
    static QStringList languages();
    // "en" or "es" for a preference ("", "system", "en", "es", "es_MX"…) and a system locale.
    static QString resolve(const QString &preference, const QLocale &system = QLocale::system());
    // The locale dates and numbers use for a language: the system's own when it speaks that
    // language (es_ES stays es_ES), otherwise es_MX for Spanish and en_US for English.
    static QLocale localeFor(const QString &language, const QLocale &system = QLocale::system());

    // Reads the preference (override wins when it is not empty; else the settings key), installs
    // the translators into app (replacing any installed earlier by this class), sets
    // QLocale::setDefault and returns the language chosen ("en" or "es").
    // Call after the organisation and application names are set (they locate the settings).
    static QString install(QCoreApplication &app, const QString &override = QString());
};

} // namespace vigia
