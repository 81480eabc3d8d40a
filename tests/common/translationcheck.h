// Loading a shipped translation (the compiled .qm files of the build, DBTRIAGE_QM_DIR) and
// checking Messages (diagnostics/core/message.h) against it: a template that the loaded
// translator leaves as it is would be shown in English.
#pragma once

#include "message.h"

#include <QCoreApplication>
#include <QLocale>
#include <QString>
#include <QStringList>
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

// The templates of `message` (and of its nested phrases) that have a translation context but
// no translation in the installed translators.
inline QStringList untranslatedTemplates(const Message& message) {
    QStringList out;
    if (message.kind == Message::Kind::Text && message.context && *message.context) {
        const QString source = QString::fromStdString(message.text);
        if (QCoreApplication::translate(message.context, message.text.c_str()) == source)
            out << QString::fromUtf8(message.context) + QStringLiteral(": ") + source;
    }
    for (const Message& a : message.args)
        out << untranslatedTemplates(a);
    return out;
}

} // namespace dbt::test
