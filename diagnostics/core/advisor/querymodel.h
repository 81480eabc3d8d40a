// What a statement asks of each table it reads, from libpg_query's parse tree: the columns
// compared for equality, the range columns, join keys, ORDER BY columns and LIMIT. The input of
// index candidate generation (candidates.h). No Qt, no server: pure analysis of the text.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace dbt::advisor {

struct OrderColumn {
    std::string column;
    bool descending = false;
};

// One table reference in one query level (a table read twice under two aliases is two uses).
struct TableUse {
    std::string schema; // as written; empty when unqualified
    std::string table;  // relation name as written (parser-folded: unquoted names lower case)
    std::string alias;
    std::vector<std::string> equality;        // col = value, col IN (...), col IS NULL
    std::vector<std::string> range;           // <, <=, >, >=, BETWEEN, prefix LIKE
    std::vector<std::string> prefixLike;      // the subset of `range` from prefix LIKE
    std::vector<std::string> joinKeys;        // col = column of another table of the statement
    std::vector<OrderColumn> orderBy;         // only when every ORDER BY column is on this table
    std::vector<std::string> groupBy;         // only when every GROUP BY column is on this table
    std::vector<std::string> containment;     // col @> value (GIN)
    std::vector<std::string> leadingWildcard; // col LIKE '%...' (trigram GIN)
    std::optional<long long> limit;           // LIMIT n of the level (constant only)
    bool hasLimit = false;                    // LIMIT present (constant or parameter)
    std::vector<std::string> updated;         // UPDATE ... SET columns (cost HOT updates)
};

struct QueryShape {
    bool parsed = false;
    std::string error;              // why the statement did not parse
    std::string statementKind;      // "select", "update", "delete", "insert", "other"
    std::vector<TableUse> tables;   // every table use of every level, outermost first
    std::vector<std::string> notes; // plain sentences: rewrites applied, columns not placed
    std::string parsedText;         // the text that parsed (after rewrites)
};

// Parses one statement (PostgreSQL dialect; `$n` parameters allowed). Unqualified columns
// are placed on the level's only table; with several tables they are placed through
// `columnsOf` when given (table name -> column names), otherwise noted and left out.
using ColumnLookup = std::function<std::vector<std::string>(const std::string& table)>;
QueryShape analyzeQuery(const std::string& sql, const ColumnLookup& columnsOf = {});

// "interval $1" (valid in pg_stat_statements texts, a syntax error to the parser) becomes
// "$1::interval", through plans::rewritePostgresParams. Returns the text unchanged when it
// cannot be rewritten.
std::string rewriteTypedParameters(const std::string& sql);

// libpg_query's fingerprint as hex text ("" when the text does not parse).
std::string fingerprint(const std::string& sql);

} // namespace dbt::advisor
