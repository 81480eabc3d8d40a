// Plan parsers: PostgreSQL JSON and text, MySQL 8 JSON, MariaDB JSON and ANALYZE JSON.
//
// parsePlan() detects the dialect, strips what psql adds around a pasted plan (the
// "QUERY PLAN" header, the dashed rule, the "(N rows)" footer, " +" line continuations),
// parses, and runs derive(). It throws PlanError with one sentence for empty input, bytes
// that are not UTF-8, malformed or truncated JSON, JSON that is not a plan, and text that
// does not read as a PostgreSQL plan. None of the parsers recurse per nesting level.
#pragma once

#include "plans/plan.h"

#include <optional>
#include <string>
#include <string_view>

namespace dbt::plans {

struct ParseOptions {
    std::optional<Dialect> dialect; // force a dialect instead of detecting it
    bool derive = true;             // run derive() on the result
};

Plan parsePlan(std::string_view text, const ParseOptions& options = {});

// The dialect parsePlan() would use, or empty when the input is not recognised (no throw).
std::optional<Dialect> detectDialect(std::string_view text);

// The individual parsers, for tests and fuzzing. Input: the plan text without psql
// decoration (see unwrapPsqlOutput). They do not derive.
Plan parsePostgresJson(std::string_view text);
Plan parsePostgresText(std::string_view text);
// MySQL 8 and MariaDB: the dialect is detected from the fields unless given.
Plan parseMysqlJson(std::string_view text, std::optional<Dialect> dialect = std::nullopt);

// Removes what psql prints around a query result: header, rule, footer, " +" continuations,
// a UTF-8 byte order mark. Anything else is returned unchanged.
std::string unwrapPsqlOutput(std::string_view text);

// Byte offset of the first byte that is not part of valid UTF-8, or npos.
std::size_t findInvalidUtf8(std::string_view text);

} // namespace dbt::plans
