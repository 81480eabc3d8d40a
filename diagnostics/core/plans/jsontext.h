// JSON text helpers for the plan code (internal). Serialising a parsed value is iterative:
// nlohmann's own dump() recurses once per nesting level, which a hostile or absurdly deep
// field could turn into a stack overflow.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

namespace dbt::plans::detail {

// Appends s as a JSON string literal (quotes, escapes). s must be valid UTF-8.
void appendJsonString(std::string& out, std::string_view s);
std::string jsonString(std::string_view s);

// Appends the JSON text of v, compact, without recursion.
void appendJsonValue(std::string& out, const nlohmann::ordered_json& v);
std::string jsonText(const nlohmann::ordered_json& v);

// Shortest text that reads back as the same double; integers without a fraction.
void appendJsonNumber(std::string& out, double d);

// A number, or a string holding one ("1.20", "100.00"), as MySQL prints costs.
std::optional<double> numberOf(const nlohmann::ordered_json& v);
// The string itself, or the JSON text of anything else.
std::string textOf(const nlohmann::ordered_json& v);
bool truthy(const nlohmann::ordered_json& v);

// d rounded toward zero and clamped to the int64 range (NaN: 0); never undefined behaviour.
std::int64_t toInt64(double d);
int toInt(double d);

} // namespace dbt::plans::detail
