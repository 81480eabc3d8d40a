// Findings and plan insights in the user's language. The Qt-free core builds their sentences
// as Messages (diagnostics/core/message.h): English templates with arguments, translated
// here through QCoreApplication::translate with the translators the application installed
// (app/translation.h). snapshot.json keeps the English text; only what is shown changes.
//
// A finding or insight without a Message (built elsewhere, or an older snapshot.json whose
// findings could not be derived again) shows its English sentence, translated when the
// whole sentence is a known one (a constant sentence marked in messagetext.cpp).
#pragma once

#include "message.h"
#include "plans/insights.h"
#include "snapshot.h"

#include <QString>
#include <exception>
#include <string>

namespace dbt::i18n {

// The message with every template translated and the arguments put in: counts in the
// locale's digits and separators, literals as they are.
QString localized(const Message& message);
// The same as UTF-8, e.g. for SummaryContext::text (report.h).
std::string localizedUtf8(const Message& message);

QString findingSummary(const Finding& finding);
QString findingNextStep(const Finding& finding);
QString insightMessage(const plans::Insight& insight);
QString insightSuggestion(const plans::Insight& insight);

// An exception's sentence for the user: an EngineError built from a Message in the user's
// language, anything else as what() says it.
QString errorText(const std::exception& error);

// "critical", "warning", "info" in the user's language (findings and insights).
QString severityText(Severity severity);

// Whether the application shows English (no translation of ours installed): the CLI keeps
// its English output byte for byte then.
bool english();

} // namespace dbt::i18n
