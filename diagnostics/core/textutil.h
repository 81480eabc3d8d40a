// Small text helpers for the sentences of the analysis (no Qt): durations, sizes, counts,
// lists, SQL quoting and the first keywords of a statement.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace dbt {

// "0 s", "45 s", "1 min 30 s" (under 10 min), "12 min" (under 1 h), "2 h 05 min",
// "3 d 04 h". Sub-second values: "250 ms". Negative values count as 0.
std::string formatDuration(double seconds);

// "512 B", "1.5 KiB", "12.3 MiB", "1.2 GiB", "3.0 TiB" (binary units, one decimal).
std::string formatBytes(std::int64_t bytes);

// Thousands separated with commas: 1234567 -> "1,234,567".
std::string formatCount(std::int64_t n);

// Rounded percentage without decimals: 0.9156 -> "92 %".
std::string formatPercent(double ratio);

// "1 session", "3 sessions"; pluralForm defaults to singular + "s".
std::string plural(std::int64_t n, std::string_view singular, std::string_view pluralForm = {});

// "a", "a and b", "a, b and c".
std::string joinWithAnd(const std::vector<std::string>& items);

// SQL string literal with doubled quotes: it's -> 'it''s'.
std::string quoteSqlLiteral(std::string_view text);

// Identifier quoted with double quotes only when it needs to be (PostgreSQL rules):
// orders -> orders, Order Items -> "Order Items", a"b -> "a""b".
std::string quoteIdentifier(std::string_view name);

// Code points of UTF-8 text (for padding translated labels into columns).
std::size_t utf8Length(std::string_view text);

// Whitespace runs collapsed to one space, trimmed, cut after maxBytes on a code point
// boundary with "…" appended. For one-line excerpts of query texts in sentences.
std::string oneLine(std::string_view text, std::size_t maxBytes = 120);

// The text after leading whitespace, "--" line comments and (nested) block comments.
std::string_view skipSqlNoise(std::string_view sql);

// The first `count` words (letters, digits, '_') of a statement after skipSqlNoise,
// upper-cased: "  /* x */ alter table t" -> {"ALTER", "TABLE"}.
std::vector<std::string> leadingKeywords(std::string_view sql, std::size_t count);

} // namespace dbt
