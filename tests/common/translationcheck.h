// Loading a shipped translation (the compiled .qm files of the build, DBTRIAGE_QM_DIR) and
// checking Messages (diagnostics/core/message.h) against it: a template that the loaded
// translator leaves as it is would be shown in English.
#pragma once

#include "advisor/advice.h"
#include "i18n/messagetext.h"
#include "language.h"
#include "message.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>
#include <QTest>

namespace dbt::test {

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

// The index advisor's texts of `advice` that would be shown in English under the installed
// translators: a reason, caveat or note without its Message, whose Message's English is not
// the string the JSON keeps, or whose templates lack a translation. Empty when all is well.
inline QStringList untranslatedAdvice(const advisor::Advice& advice) {
    QStringList out;
    auto check = [&](const Message* m, const std::string& english) {
        const QString e = QString::fromStdString(english);
        if (!m || m->empty())
            out << QStringLiteral("no Message: ") + e;
        else if (englishText(*m) != english)
            out << QStringLiteral("Message differs from: ") + e;
        else
            out << untranslatedTemplates(*m);
    };
    auto list = [&](const std::vector<Message>& ms, const std::vector<std::string>& english) {
        for (std::size_t i = 0; i < english.size(); ++i)
            check(ms.size() == english.size() ? &ms[i] : nullptr, english[i]);
    };
    for (const auto& p : advice.proposals) {
        check(&p.candidate.reasonText, p.candidate.reason);
        list(p.caveatTexts, p.caveats);
    }
    list(advice.noteTexts, advice.notes);
    if (!advice.statsResetText.empty())
        check(&advice.statsResetText, advice.statsReset);
    return out;
}

// Every reason, caveat and note of a real advice has its Message, and the shipped German
// translation knows every template of them (dbtriage advise and the Indexes view show them
// in German).
inline void verifyAdviceGerman(const advisor::Advice& a) {
    QVERIFY(useLanguage(QStringLiteral("de")));
    const QStringList missing = untranslatedAdvice(a);
    const std::string report = advisor::adviceToText(a, i18n::localizedUtf8);
    QVERIFY(useLanguage(QStringLiteral("en")));
    QVERIFY2(missing.isEmpty(), qPrintable(missing.join(QStringLiteral("\n"))));
    QVERIFY2(report.find("why:") == std::string::npos &&
                 report.find("caveat:") == std::string::npos,
             report.c_str());
}

} // namespace dbt::test
