#include "translation.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>
#include <QTranslator>

namespace dbt {

namespace {

// The same file as QSettings() in the window (organization and application "dbtriage"),
// named explicitly so that the command line, which sets no organization, reads it too.
QSettings appSettings() {
    return QSettings(QStringLiteral("dbtriage"), QStringLiteral("dbtriage"));
}

const QString kLanguageKey = QStringLiteral("ui/language");

} // namespace

QStringList availableLanguages() {
    return {QStringLiteral("de"), QStringLiteral("fr")};
}

QString languageName(const QString& code) {
    const QLocale locale(code);
    QString name = locale.nativeLanguageName();
    if (!name.isEmpty())
        name[0] = name[0].toUpper();
    return name;
}

QString languageSetting() {
    return appSettings().value(kLanguageKey).toString();
}

void setLanguageSetting(const QString& code) {
    QSettings settings = appSettings();
    if (code.isEmpty())
        settings.remove(kLanguageKey);
    else
        settings.setValue(kLanguageKey, code);
}

QString installTranslations() {
    QString code = qEnvironmentVariable("DBTRIAGE_LANG");
    if (code.isEmpty())
        code = languageSetting();
    const QLocale locale = code.isEmpty() ? QLocale::system() : QLocale(code);
    if (!code.isEmpty())
        QLocale::setDefault(locale);
    if (locale.language() == QLocale::English || locale.language() == QLocale::C)
        return QStringLiteral("en");

    auto* app = QCoreApplication::instance();
    auto* own = new QTranslator(app);
    if (!own->load(locale, QStringLiteral("dbtriage"), QStringLiteral("_"),
                   QStringLiteral(":/i18n"))) {
        delete own;
        return QStringLiteral("en");
    }
    QCoreApplication::installTranslator(own);
    auto* qt = new QTranslator(app);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    else
        delete qt;
    return QLocale(own->language()).name().section(QLatin1Char('_'), 0, 0);
}

} // namespace dbt
