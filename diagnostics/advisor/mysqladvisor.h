// The index advisor on MySQL 8 and MariaDB: heuristic, never validated (neither engine has
// hypothetical indexes). One read-only session (makeMysqlSession: timeouts, "/* dbtriage */"
// tags). Per statement of the workload (the window's costliest digests): the digest text is
// turned into something libpg_query reads, so equality, range, ORDER BY and GROUP BY columns
// come from the same query model as on PostgreSQL; the current plan (EXPLAIN FORMAT=JSON,
// placeholders filled) must show the scan an index would replace; statistics come from
// information_schema.STATISTICS, MySQL 8 histograms (information_schema.COLUMN_STATISTICS)
// or MariaDB's mysql.column_stats. Unused and redundant indexes from the sys schema.
// Nothing is ever created, altered or dropped.
#pragma once

#include "advisor/advice.h"
#include "advisor/pgadvisor.h"
#include "plans/plan.h"

#include <optional>
#include <string>
#include <vector>

namespace dbt::advisor {

// Throws EngineError for connection failures; statement-level failures become notes.
Advice adviseMySql(const AdvisorOptions& options, const std::vector<WorkloadStatement>& workload);

// ---- pure parts, for tests

// A MySQL digest or statement text in a form libpg_query parses: `?` and `...` become $n,
// backtick identifiers double-quoted identifiers, "strings" 'strings', LIMIT a, b becomes
// LIMIT b OFFSET a, INTERVAL ? DAY a parameter, # comments dropped. MySQL-only syntax that
// has no such rewrite (index hints, STRAIGHT_JOIN, /*! */, <=>, ...) gives ok = false with the
// reason in a few words.
struct MysqlText {
    bool ok = false;
    std::string sql;
    std::string reason;
    Message reasonText; // the same as a Message (context "Advisor")
};
MysqlText mysqlToPostgresText(const std::string& text);

// A MySQL 8 histogram (information_schema.COLUMN_STATISTICS.HISTOGRAM, singleton or
// equi-height) as column statistics; known = false when the JSON is not one.
ColumnStats statsFromHistogram(const std::string& histogramJson);
// MariaDB mysql.column_stats: nulls_ratio and avg_frequency (rows per distinct value).
ColumnStats statsFromColumnStats(std::optional<double> nullsRatio,
                                 std::optional<double> avgFrequency, double rows);

// What the current plan says about one table of the statement (matched by alias or name).
struct PlanScan {
    bool found = false;       // the table appears in the plan
    bool replaceable = false; // a scan an index would replace
    std::string evidence;     // "full table scan (access_type ALL, about 20000 rows)", ...
    Message evidenceText;     // the same as a Message (context "Advisor")
    double rows = 0;          // rows examined per scan (estimate)
    bool sorts = false;       // the plan sorts (filesort) or groups in a temporary table
};
PlanScan scanFor(const plans::Plan& plan, const std::string& tableOrAlias);

// The statement's cost: MySQL 8's query_cost (MariaDB 11's cost) when printed, else the
// estimated rows examined (Σ over the joined tables of rows × the prefix's row count).
struct PlanCost {
    double value = 0;
    bool queryCost = false; // true: the engine's cost units; false: rows examined
};
PlanCost planCost(const plans::Plan& plan);

// MySQL column order: equality columns (most selective first), then one range column, or the
// ORDER BY / GROUP BY columns when the plan sorts; at most 3. No candidate when an existing
// index covers it as a prefix, when the table is small (< 1000 rows), when no equality column
// has statistics, or when the estimated match is more than 5 % of the rows (unless the index
// also delivers the ORDER BY of a LIMIT query).
struct MysqlPick {
    std::optional<Candidate> candidate;
    double selectivity = 1;           // estimated fraction of rows the index reads
    std::vector<std::string> noStats; // equality columns left out for lack of statistics
    std::string why;                  // why there is no candidate ("" when there is)
};
MysqlPick pickMysqlCandidate(const TableUse& use, const TableInfo& info, bool planSorts);

// How to validate a heuristic candidate on this engine and version: MySQL 8 an INVISIBLE
// index, MariaDB 10.6+ an IGNORED one, otherwise a clone. One or two sentences with DDL.
std::string validationHint(const Candidate& c, Engine engine, int versionNum);
Message validationHintText(const Candidate& c, Engine engine, int versionNum);

} // namespace dbt::advisor
