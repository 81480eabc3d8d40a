// The execution-plan model shared by every dialect (no Qt).
//
// A plan is a flat vector of nodes in pre-order: nodes[0] is the root, a node's parent always
// has a smaller index than the node, and `children` lists indices in the order the engine
// printed them. Nothing here is recursive, so plans nested tens of thousands of levels deep
// are parsed, derived, checked, printed and destroyed without deep call stacks.
//
// Every field the engine printed is kept in `raw` (key -> JSON text, in input order, unknown
// keys too), so a details pane can show all of it; the typed members are the subset the
// derived metrics and insights use. Optional members are empty when the engine did not print
// the field (for example: no ANALYZE, no BUFFERS, a MySQL plan has no actual times).
#pragma once

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace dbt::plans {

// Thrown by the parsers with one sentence that a user can act on.
class PlanError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

enum class Dialect {
    PostgresJson,       // EXPLAIN (FORMAT JSON [, ANALYZE, BUFFERS, VERBOSE, SETTINGS, WAL])
    PostgresText,       // EXPLAIN [ANALYZE] text, as psql prints it
    MysqlJson,          // MySQL 8 EXPLAIN FORMAT=JSON
    MariadbJson,        // MariaDB EXPLAIN FORMAT=JSON
    MariadbAnalyzeJson, // MariaDB ANALYZE FORMAT=JSON (r_* fields)
};

// "postgres-json", "postgres-text", "mysql-json", "mariadb-json", "mariadb-analyze-json".
std::string_view dialectName(Dialect d);
std::optional<Dialect> dialectFromName(std::string_view name);
bool isPostgres(Dialect d);

using RawFields = std::vector<std::pair<std::string, std::string>>; // key -> JSON text

// Block counts as PostgreSQL prints them with BUFFERS (8 kB blocks by default).
// PostgreSQL's counts are cumulative: a node's figures include its children's.
struct Buffers {
    std::int64_t sharedHit = 0;
    std::int64_t sharedRead = 0;
    std::int64_t sharedDirtied = 0;
    std::int64_t sharedWritten = 0;
    std::int64_t localHit = 0;
    std::int64_t localRead = 0;
    std::int64_t localDirtied = 0;
    std::int64_t localWritten = 0;
    std::int64_t tempRead = 0;
    std::int64_t tempWritten = 0;

    bool any() const;
    std::int64_t sharedTotal() const; // hit + read, saturating
    // Each counter minus other's, never below zero.
    Buffers minus(const Buffers& other) const;
    Buffers& operator+=(const Buffers& other);
};

// Figures computed from the parsed ones by derive() (plans/derive.h).
struct Derived {
    // Milliseconds, all loops included (see derive.h for parallel workers, CTEs, InitPlans).
    std::optional<double> inclusiveTimeMs;
    std::optional<double> exclusiveTimeMs;
    double timeShare = 0; // exclusive time / plan total, 0..1
    // Planner cost units (PostgreSQL) or MySQL cost units; empty when the dialect has none.
    std::optional<double> inclusiveCost;
    std::optional<double> exclusiveCost;
    double costShare = 0; // exclusive cost / plan total cost, 0..1
    // Row estimate per loop: max(actual, planned) / min(actual, planned), both floored at 1.
    std::optional<double> rowFactor;
    bool underestimated = false; // actual rows > planned rows
    // Rows removed / (rows removed + rows returned), per kind; empty when not printed.
    std::optional<double> filterRemovedShare;
    std::optional<double> joinFilterRemovedShare;
    std::optional<double> recheckRemovedShare;
    // Buffers of this node alone (its counts minus its children's).
    Buffers exclusiveBuffers;
    // Loops that ran one after another (a parallel node's loops divided by its processes).
    double effectiveLoops = 0;
    int depth = 0;
};

struct Node {
    int parent = -1;
    std::vector<int> children;

    // PostgreSQL: "Node Type" ("Seq Scan", "Hash Join", ...). MySQL/MariaDB: the JSON key
    // that holds the operation ("table", "nested_loop", "ordering_operation", "filesort", ...).
    std::string nodeType;
    std::string parentRelationship; // Outer, Inner, Member, InitPlan, SubPlan, Subquery, ...
    std::string subplanName;        // "InitPlan 1 (returns $0)", "CTE x", "SubPlan 2"
    std::string joinType;           // Inner, Left, Semi, Anti, ...
    std::string strategy;           // Aggregate: Plain, Sorted, Hashed, Mixed
    std::string partialMode;        // Simple, Partial, Finalize
    std::string operation;          // ModifyTable: Insert, Update, Delete, Merge
    std::string relation;
    std::string schema;
    std::string alias;
    std::string index;
    std::string cteName;
    std::string functionName;
    std::string scanDirection;
    bool parallelAware = false;

    std::optional<double> startupCost;
    std::optional<double> totalCost;
    std::optional<double> planRows; // per loop
    std::optional<double> planWidth;

    std::optional<double> actualStartupTimeMs; // per loop
    std::optional<double> actualTotalTimeMs;   // per loop
    std::optional<double> actualRows;          // per loop
    std::optional<double> actualLoops;
    bool neverExecuted = false;

    // Conditions in print order: "Filter", "Index Cond", "Join Filter", "Hash Cond",
    // "attached_condition", ... -> expression text.
    std::vector<std::pair<std::string, std::string>> conditions;
    std::optional<double> rowsRemovedByFilter; // per loop
    std::optional<double> rowsRemovedByJoinFilter;
    std::optional<double> rowsRemovedByIndexRecheck;

    bool hasBuffers = false;
    Buffers buffers;

    std::string sortMethod;    // "quicksort", "external merge", "top-N heapsort"
    std::string sortSpaceType; // "Memory", "Disk"
    std::optional<std::int64_t> sortSpaceUsedKb;
    std::optional<std::int64_t> hashBuckets;
    std::optional<std::int64_t> originalHashBuckets;
    std::optional<std::int64_t> hashBatches; // Hash, or HashAgg Batches (PostgreSQL 13+)
    std::optional<std::int64_t> originalHashBatches;
    std::optional<std::int64_t> peakMemoryKb;
    std::optional<std::int64_t> diskUsageKb; // HashAggregate spill (PostgreSQL 13+)
    std::optional<int> workersPlanned;
    std::optional<int> workersLaunched;
    std::optional<double> heapFetches;
    std::optional<double> exactHeapBlocks;
    std::optional<double> lossyHeapBlocks;

    // MySQL / MariaDB.
    std::string tableName;
    std::string accessType; // ALL, index, range, ref, eq_ref, const, system, ...
    std::string key;        // empty: no index used
    std::vector<std::string> possibleKeys;
    std::optional<double> filteredPercent;       // estimate, 0..100
    std::optional<double> actualFilteredPercent; // MariaDB r_filtered
    bool usingFilesort = false;
    bool usingTemporary = false;
    std::optional<double> rowsExaminedPerScan; // MySQL rows_examined_per_scan, MariaDB rows
    std::optional<double> rowsProducedPerJoin;
    std::optional<double> readCost;
    std::optional<double> evalCost;
    std::optional<double> prefixCost;
    std::optional<double> sortCost;
    std::optional<double> queryCost;

    RawFields raw;
    Derived derived;

    // The raw JSON text of a field, or "" when absent.
    std::string_view rawField(std::string_view key) const;
};

struct Trigger {
    std::string name;
    std::string relation;
    std::optional<double> timeMs;
    std::optional<double> calls;
};

struct Plan {
    Dialect dialect = Dialect::PostgresJson;
    std::vector<Node> nodes; // pre-order; nodes[0] is the root
    std::optional<double> planningTimeMs;
    std::optional<double> executionTimeMs;
    bool analyzed = false; // actual times/rows present (ANALYZE)
    std::vector<std::pair<std::string, std::string>> settings; // SETTINGS: name -> value
    std::string jit;                                           // JSON text of the JIT block
    std::vector<Trigger> triggers;
    RawFields raw;                  // plan-level fields other than the node tree
    std::vector<std::string> notes; // what the parser skipped or guessed, as sentences
    double totalTimeMs = 0;         // set by derive()
    double totalCost = 0;           // set by derive()

    bool empty() const { return nodes.empty(); }
};

// A short label for one node: "Seq Scan on orders o", "Index Scan using i on t",
// "table orders (ALL)", "nested_loop".
std::string nodeLabel(const Node& node);

} // namespace dbt::plans
