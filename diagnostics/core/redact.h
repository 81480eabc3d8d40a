// Redaction of literals in query texts, so that no customer value reaches a ticket.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace dbt {

enum class RedactMethod { Unchanged, Normalised, Masked };

struct Redacted {
    std::string text;
    RedactMethod method = RedactMethod::Unchanged;
};

// Which server the text comes from. Auto suits PostgreSQL and texts of unknown origin;
// MySQL (also MariaDB) skips libpg_query and masks "double-quoted" strings too, which are
// string literals in MySQL's default sql_mode (identifiers only with ANSI_QUOTES).
enum class SqlDialect { Auto, PostgreSQL, MySQL };

// The text is first read token by token once per plausible dialect (Auto: PostgreSQL and
// MySQL; PostgreSQL: with and without standard_conforming_strings; MySQL: with and without
// NO_BACKSLASH_ESCAPES). When the readings agree and the text parses, libpg_query's
// normaliser replaces constants by $1, $2, ..., and the token mask then runs over its result
// (the normaliser keeps comments and the literals of utility statements such as
// CREATE INDEX ... WHERE or COMMENT ON). Otherwise (truncated text, MySQL dialect, a
// backslash before a quote, '#' comments, garbage) the token mask runs over the text with
// every reading and masks the union: every string, number, hex/bit literal, dollar-quoted
// body and anything unterminated becomes "?", every comment but dbtriage's own tag
// ("/* dbtriage */") "/* ? */". A small integer that is a whole ORDER BY / GROUP BY item is
// a column position and stays on either path.
// In Auto and PostgreSQL mode "double-quoted" text is an identifier and kept; MySQL texts
// with "double-quoted" strings need SqlDialect::MySQL. A NUL byte skips libpg_query.
// Method: Unchanged when the text comes out identical, else Normalised when libpg_query
// parsed it, else Masked. Never returns input literals. Output is valid UTF-8.
Redacted redactQuery(std::string_view sql, SqlDialect dialect = SqlDialect::Auto);

// Replaces invalid UTF-8 (overlong forms, surrogates, code points above U+10FFFF, stray or
// truncated sequences) by U+FFFD, one per maximal invalid subpart, and caps the result at
// maxBytes bytes: a longer text is cut on a code point boundary and ends with the marker
// "…[truncated]", the marker included in maxBytes (below 14 bytes: cut without marker).
std::string sanitizeText(std::string_view text, std::size_t maxBytes = 64 * 1024);

// MySQL/MariaDB lock objects carry the locked key's values ("row (PRIMARY: 'a@b.c') of
// shop.customers"): the values are masked like literals ("row (PRIMARY: ?) of …").
std::string redactLockObject(const std::string& object);

} // namespace dbt
