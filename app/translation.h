// Loads the translations for the user's language: DBTRIAGE_LANG, else the "language" setting
// (View > Language in the window), else the system locale (LANG, LC_MESSAGES, LC_ALL).
// dbtriage's own strings are compiled in under :/i18n/; Qt's own (dialog buttons, context
// menus) come from Qt's translations directory (Debian qt6-translations-l10n) when installed.
#pragma once

#include <QString>
#include <QStringList>

namespace dbt {

// The languages shipped besides English, as codes ("de", "fr").
QStringList availableLanguages();
// The language's own name ("Deutsch", "Français", "English").
QString languageName(const QString& code);
// The setting's value: "" follows the system.
QString languageSetting();
void setLanguageSetting(const QString& code);
// Installs the translators on the running application; returns the language used ("en" when
// none was loaded).
QString installTranslations();

} // namespace dbt
