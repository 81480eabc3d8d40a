// A sentence as a translatable template with its arguments, so that the places that show
// findings and plan insights can show them in the user's language (diagnostics/i18n) while
// the core, which has no Qt, keeps producing English (snapshot.json stays English).
//
// Templates use Qt's placeholders %1 … %9. An argument is a literal (a pid, a name, a query
// excerpt: never translated), a count (formatted for the locale: 1,234 in English, 1.234 in
// German) or a nested template (a phrase translated on its own). Mark a template for lupdate
// with DBT_TR(context, text), which expands to the two arguments `context, text` of tr():
// scripts/update-translations runs lupdate with -tr-function-alias QT_TRANSLATE_NOOP+=DBT_TR.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#define DBT_TR(context, text) context, text

namespace dbt {

struct Message {
    enum class Kind { Literal, Count, Text, Decimal };
    Kind kind = Kind::Literal;
    const char* context = ""; // Text: the translation context ("dbt::Finding")
    std::string text;         // Text: the English template; Literal: the text itself
    std::int64_t count = 0;   // Count: the number
    double number = 0;        // Decimal: the number
    char format = 'f';        // Decimal: 'f' (fixed) or 'g' (shortest), as in printf
    int precision = 0;        // Decimal: digits after the point ('f') or significant ('g')
    bool figure = false;      // Literal: an English figure ("1,234.5 ms") to localize
    bool lockObject = false;  // Literal: an engine's English lock object ("row (0,42) of t")
    std::vector<Message> args;

    bool empty() const { return kind == Kind::Literal && text.empty(); }
};

// A template (mark it with DBT_TR) and its arguments.
Message phrase(const char* context, const char* text, std::vector<Message> args = {});
// Text shown as it is.
Message literal(std::string text);
Message literal(std::int64_t number); // a pid: digits, no separators
// A number formatted with thousands separators.
Message count(std::int64_t n);

// A number with a fraction (a percentage, an estimate): English as printf's %.<precision>f
// or %.<precision>g prints it (a decimal point, no separators); the locale's decimal sign
// and separators when translated (12.5 / 12,5).
Message decimal(double value, char format = 'f', int precision = 0);

// A figure the core formatted the English way ("176,471", "0.042 ms", "1.4 MiB", "12.3 %"):
// shown as it is in English, with the locale's group separator and decimal point otherwise
// (a ',' or '.' between two digits changes; units and rounding stay).
Message figure(std::string english);

// A lock object as the engines describe it ("row (0,42) of public.orders", "transaction
// 827"): shown as it is in English, its words translated otherwise (i18n/lockobject.h).
Message lockObject(std::string english);

// The English text: placeholders replaced in one pass (a %1 inside an argument stays).
std::string englishText(const Message& message);

} // namespace dbt
