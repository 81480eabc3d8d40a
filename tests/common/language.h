// Loading a shipped translation in a test: the compiled .qm files of the build (the test
// target defines DBTRIAGE_QM_DIR and depends on dbtriage_lrelease).
#pragma once

#include <QCoreApplication>
#include <QLocale>
#include <QString>
#include <QTranslator>
#include <memory>

namespace dbt::test {

// Installs dbtriage_<language>.qm (none for "en") and sets the default locale; the previous
// one is removed. Returns false when the file does not load.
inline bool useLanguage(const QString& language) {
    static std::unique_ptr<QTranslator> current;
    if (current) {
        QCoreApplication::removeTranslator(current.get());
        current.reset();
    }
    QLocale::setDefault(QLocale(language));
    if (language == QStringLiteral("en"))
        return true;
    current = std::make_unique<QTranslator>();
    if (!current->load(QStringLiteral(DBTRIAGE_QM_DIR "/dbtriage_") + language +
                       QStringLiteral(".qm")))
        return false;
    QCoreApplication::installTranslator(current.get());
    return true;
}

} // namespace dbt::test
