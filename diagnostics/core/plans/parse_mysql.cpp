// MySQL 8 EXPLAIN FORMAT=JSON, MariaDB EXPLAIN FORMAT=JSON and ANALYZE FORMAT=JSON.
//
// Both engines nest operations as JSON objects under known keys ("query_block", "table",
// "ordering_operation", "filesort", ...) and lists of them under other keys ("nested_loop",
// "subqueries", ...). Each such object becomes a node whose type is its key; a list element
// that only wraps one operation ({"table": {...}}, {"dependent": true, "query_block": {...}})
// becomes the node of the wrapped operation, with the wrapper's other fields in its raw
// fields. Every other field stays in the node's raw fields.
#include "plans/jsontext.h"
#include "plans/parsers.h"

#include <algorithm>
#include <array>
#include <fmt/format.h>

namespace dbt::plans::detail {

using json = nlohmann::ordered_json;

namespace {

constexpr std::array kObjectOperations = {
    std::string_view("query_block"),        std::string_view("table"),
    std::string_view("ordering_operation"), std::string_view("grouping_operation"),
    std::string_view("duplicates_removal"), std::string_view("duplicate_removal"),
    std::string_view("windowing"),          std::string_view("window_functions_computation"),
    std::string_view("buffer_result"),      std::string_view("materialized_from_subquery"),
    std::string_view("materialized"),       std::string_view("union_result"),
    std::string_view("except_result"),      std::string_view("intersect_result"),
    std::string_view("filesort"),           std::string_view("temporary_table"),
    std::string_view("read_sorted_file"),   std::string_view("block-nl-join"),
    std::string_view("expression_cache"),   std::string_view("insert_from"),
};

constexpr std::array kListOperations = {
    std::string_view("nested_loop"),
    std::string_view("subqueries"),
    std::string_view("attached_subqueries"),
    std::string_view("select_list_subqueries"),
    std::string_view("optimized_away_subqueries"),
    std::string_view("having_subqueries"),
    std::string_view("order_by_subqueries"),
    std::string_view("group_by_subqueries"),
    std::string_view("update_value_subqueries"),
    std::string_view("query_specifications"),
    std::string_view("sorts"),
};

template<std::size_t N>
bool isOneOf(const std::array<std::string_view, N>& keys, std::string_view k) {
    return std::find(keys.begin(), keys.end(), k) != keys.end();
}

bool isOperationKey(std::string_view k, const json& v) {
    return v.is_object() && isOneOf(kObjectOperations, k);
}

void readCostInfo(Node& n, const json& cost) {
    if (!cost.is_object())
        return;
    for (auto it = cost.cbegin(); it != cost.cend(); ++it) {
        const std::string& k = it.key();
        if (k == "query_cost")
            n.queryCost = numberOf(*it);
        else if (k == "read_cost")
            n.readCost = numberOf(*it);
        else if (k == "eval_cost")
            n.evalCost = numberOf(*it);
        else if (k == "prefix_cost")
            n.prefixCost = numberOf(*it);
        else if (k == "sort_cost")
            n.sortCost = numberOf(*it);
    }
}

void setField(Node& n, const std::string& k, const json& v, Dialect dialect) {
    if (k == "table_name") {
        n.tableName = textOf(v);
    } else if (k == "access_type") {
        n.accessType = textOf(v);
    } else if (k == "key") {
        if (!v.is_null())
            n.key = textOf(v);
    } else if (k == "possible_keys") {
        if (v.is_array()) {
            for (const json& e : v)
                n.possibleKeys.push_back(textOf(e));
        } else if (v.is_string()) {
            n.possibleKeys.push_back(v.get<std::string>());
        }
    } else if (k == "rows_examined_per_scan") {
        n.rowsExaminedPerScan = numberOf(v);
    } else if (k == "rows") {
        // MariaDB: estimated rows examined per scan of the table.
        n.rowsExaminedPerScan = numberOf(v);
        n.planRows = n.rowsExaminedPerScan;
    } else if (k == "rows_produced_per_join") {
        n.rowsProducedPerJoin = numberOf(v);
    } else if (k == "filtered") {
        n.filteredPercent = numberOf(v);
    } else if (k == "r_filtered") {
        n.actualFilteredPercent = numberOf(v);
    } else if (k == "using_filesort") {
        n.usingFilesort = truthy(v);
    } else if (k == "using_temporary_table") {
        n.usingTemporary = truthy(v);
    } else if (k == "cost_info") {
        readCostInfo(n, v);
    } else if (k == "cost" && dialect != Dialect::MysqlJson) {
        // MariaDB 11: one cost per operation, cumulative at the query block.
        if (n.nodeType == "query_block")
            n.queryCost = numberOf(v);
        else
            n.readCost = numberOf(v);
    } else if (k == "attached_condition" || k == "index_condition" || k == "having_condition" ||
               k == "pushed_index_condition" || k == "index_condition_bka" ||
               k == "outer_ref_condition" || k == "pseudo_bits_condition") {
        n.conditions.emplace_back(k, textOf(v));
    } else if (k == "r_loops") {
        n.actualLoops = numberOf(v);
        n.neverExecuted = n.actualLoops && *n.actualLoops == 0;
    } else if (k == "r_rows") {
        n.actualRows = numberOf(v);
    } else if (k == "r_total_time_ms") {
        n.actualTotalTimeMs = numberOf(v); // all loops; made per loop below
    } else if (k == "sort_key") {
        n.conditions.emplace_back(k, textOf(v));
    }
}

struct Item {
    const json* object;
    const json* wrapper; // the list element that wrapped the operation, or null
    std::string type;
    std::string relationship;
    int parent;
};

} // namespace

Plan mysqlFromJson(const json& doc, Dialect dialect) {
    Plan plan;
    plan.dialect = dialect;
    if (!doc.is_object() || !doc.contains("query_block") || !doc["query_block"].is_object())
        throw PlanError("The JSON is not a MySQL or MariaDB plan: the \"query_block\" object is "
                        "missing.");
    for (auto it = doc.cbegin(); it != doc.cend(); ++it) {
        if (it.key() == "query_block")
            continue;
        plan.raw.emplace_back(it.key(), jsonText(*it));
        if (it.key() == "query_optimization" && it->is_object()) {
            if (const auto t = it->find("r_total_time_ms"); t != it->end())
                plan.planningTimeMs = numberOf(*t);
        }
    }

    std::vector<Item> stack;
    stack.push_back(Item{&doc["query_block"], nullptr, "query_block", {}, -1});
    std::vector<Item> pending;
    while (!stack.empty()) {
        Item item = std::move(stack.back());
        stack.pop_back();
        const int index = static_cast<int>(plan.nodes.size());
        plan.nodes.emplace_back();
        Node& n = plan.nodes.back();
        n.parent = item.parent;
        n.nodeType = std::move(item.type);
        n.parentRelationship = std::move(item.relationship);
        if (item.parent >= 0)
            plan.nodes[static_cast<std::size_t>(item.parent)].children.push_back(index);
        if (n.nodeType == "filesort")
            n.usingFilesort = true;
        if (n.nodeType == "temporary_table")
            n.usingTemporary = true;
        pending.clear();
        std::optional<double> splitTime;

        auto readFields = [&](const json& object, bool wrapper) {
            for (auto it = object.cbegin(); it != object.cend(); ++it) {
                const std::string& k = it.key();
                const json& v = *it;
                if (wrapper && isOperationKey(k, v))
                    continue; // the operation itself
                if (!wrapper && isOperationKey(k, v)) {
                    pending.push_back(Item{&v, nullptr, k, {}, index});
                    continue;
                }
                if (!wrapper && v.is_array() && isOneOf(kListOperations, k)) {
                    for (const json& e : v) {
                        if (!e.is_object()) {
                            plan.notes.push_back(fmt::format(
                                "Node {} lists a non-object under \"{}\"; it was skipped.", index,
                                k));
                            continue;
                        }
                        // The element's own operation: its first operation key, if any.
                        const json* inner = nullptr;
                        std::string innerKey;
                        int operations = 0;
                        for (auto e2 = e.cbegin(); e2 != e.cend(); ++e2) {
                            if (isOperationKey(e2.key(), *e2)) {
                                if (!inner) {
                                    inner = &*e2;
                                    innerKey = e2.key();
                                }
                                ++operations;
                            }
                        }
                        if (inner && operations == 1)
                            pending.push_back(Item{inner, &e, innerKey, k, index});
                        else
                            pending.push_back(Item{&e, nullptr, k, k, index});
                    }
                    continue;
                }
                n.raw.emplace_back(k, jsonText(v));
                if (k == "r_table_time_ms" || k == "r_other_time_ms") {
                    // MariaDB 10.6+: a table's time in two parts, totals over all loops.
                    if (const auto t = numberOf(v))
                        splitTime = splitTime.value_or(0.0) + *t;
                    continue;
                }
                setField(n, k, v, dialect);
            }
        };
        if (item.wrapper)
            readFields(*item.wrapper, true);
        readFields(*item.object, false);

        if (!n.actualTotalTimeMs && splitTime)
            n.actualTotalTimeMs = splitTime;
        if (index == 0 && n.actualTotalTimeMs)
            plan.executionTimeMs = n.actualTotalTimeMs;
        if (n.actualTotalTimeMs && n.actualLoops && *n.actualLoops > 0)
            n.actualTotalTimeMs = *n.actualTotalTimeMs / *n.actualLoops;
        if (n.actualLoops || n.actualRows)
            plan.analyzed = true;
        if (n.nodeType == "table" && n.rowsExaminedPerScan && !n.planRows)
            n.planRows = n.rowsExaminedPerScan;
        for (auto c = pending.rbegin(); c != pending.rend(); ++c)
            stack.push_back(std::move(*c));
    }
    return plan;
}

} // namespace dbt::plans::detail
