// Redaction of literals in query texts, so that no customer value reaches a ticket.
#pragma once

#include <string>
#include <string_view>

namespace dbt {

enum class RedactMethod { Unchanged, Normalised, Masked };

struct Redacted {
    std::string text;
    RedactMethod method = RedactMethod::Unchanged;
};

// PostgreSQL and generic SQL: libpg_query's normaliser ($1, $2, ...) when the text parses;
// otherwise (truncated text, MySQL dialect, garbage) a token-by-token mask that replaces
// every string, number, hex/bit literal, dollar-quoted body and anything unterminated with
// "?". Never returns input literals. Output is valid UTF-8.
Redacted redactQuery(std::string_view sql);

// Replaces invalid UTF-8 sequences by U+FFFD and caps the length (bytes) with a marker.
std::string sanitizeText(std::string_view text, std::size_t maxBytes = 64 * 1024);

} // namespace dbt
