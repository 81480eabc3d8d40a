// Internal interface between parse.cpp and the dialect parsers.
#pragma once

#include "plans/plan.h"

#include <nlohmann/json.hpp>
#include <optional>
#include <string_view>

namespace dbt::plans::detail {

// Parses JSON text; throws PlanError with a sentence on malformed or truncated input.
nlohmann::ordered_json parseJsonText(std::string_view text);

// Which JSON dialect a parsed document is, or PlanError when it is not a plan.
Dialect detectJsonDialect(const nlohmann::ordered_json& doc);

Plan postgresFromJson(const nlohmann::ordered_json& doc);
Plan mysqlFromJson(const nlohmann::ordered_json& doc, Dialect dialect);

} // namespace dbt::plans::detail
