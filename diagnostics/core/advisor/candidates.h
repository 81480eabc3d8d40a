// Index candidates from a statement's shape (querymodel.h) and the table's statistics, the
// DDL that would create them (never executed by dbtriage), and the greedy choice of a small
// set across a workload. No Qt, no server.
#pragma once

#include "advisor/querymodel.h"
#include "message.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace dbt::advisor {

enum class Dialect { PostgreSQL, MySQL };

// What pg_stats (or information_schema.STATISTICS / histograms) says about one column.
struct ColumnStats {
    double nDistinct = 0; // pg_stats convention: > 0 a count, < 0 a fraction of rows
    double nullFrac = 0;
    double maxCommonFreq = 0; // the largest of most_common_freqs (0 when none)
    std::string type;         // data type name ("integer", "text", "jsonb", ...)
    bool btreeOpclass = true; // false for json, xml, point, ... (no default btree opclass)
    bool known = false;       // statistics exist for the column
};

struct ExistingIndex {
    std::string name;
    std::vector<std::string> columns; // key columns in order; "" for an expression
    bool unique = false;
    bool primary = false;
    bool partial = false;
    std::string method = "btree";
};

struct TableInfo {
    std::string schema;
    std::string name;
    double rows = 0; // reltuples / TABLE_ROWS
    std::map<std::string, ColumnStats> columns;
    std::vector<ExistingIndex> indexes;
    std::int64_t writes = 0; // n_tup_ins + n_tup_upd + n_tup_del
    std::int64_t updates = 0;
    std::int64_t inserts = 0;
    std::int64_t modSinceAnalyze = -1; // n_mod_since_analyze (-1 unknown)
    std::string lastAnalyze;           // ISO time of the last (auto)analyze, "" never
};

// Estimated fraction of rows matched by "column = value" (1 when unknown).
double equalitySelectivity(const ColumnStats& stats, double rows);

struct Candidate {
    std::string schema;
    std::string table;
    std::vector<std::string> columns;
    std::vector<bool> descending;       // per column (ORDER BY ... DESC)
    std::vector<std::string> opclasses; // per column, "" for the default
    std::string method = "btree";       // "btree", "gin", "gin_trgm"
    std::string reason;                 // "equality", "equality + range", "join key", ...
    Message reasonText;                 // the same as a Message (empty: read from JSON)
    bool hintOnly = false;              // GIN / trigram: a hint, not validated as btree
    std::string key() const;            // schema.table(cols) for de-duplication
};

// Candidates (at most 3 columns each) for one table use, without those an existing btree
// index already covers as a prefix and without columns whose type has no btree opclass.
// `info` may be null (no statistics: equality columns keep the statement's order).
std::vector<Candidate> candidatesFor(const TableUse& use, const TableInfo* info);

// Is `columns` a prefix of one of the table's valid btree indexes?
bool coveredByExisting(const std::vector<std::string>& columns,
                       const std::vector<ExistingIndex>& indexes);

// quote_ident: unquoted only for [a-z_][a-z0-9_$]* that is not a reserved/non-unreserved
// keyword; otherwise in double quotes with embedded quotes doubled.
std::string quoteIdentPg(const std::string& name);
// MySQL/MariaDB: always in backticks, embedded backticks doubled.
std::string quoteIdentMy(const std::string& name);

// A name for the index: idx_<table>_<col>_<col>, at most 63 bytes (cut at a UTF-8 boundary).
std::string indexName(const Candidate& c);

// CREATE INDEX CONCURRENTLY name ON schema.table USING method (cols);
// ALTER TABLE `s`.`t` ADD INDEX `name` (`a`, `b`), ALGORITHM=INPLACE, LOCK=NONE;
std::string ddl(const Candidate& c, Dialect dialect);
// The column list alone, as HypoPG's hypopg_create_index wants it in a CREATE INDEX text.
std::string createIndexForHypo(const Candidate& c);

// One statement's figures for one candidate (validated or estimated).
struct Effect {
    std::string statementId;
    double weight = 0; // calls in the window (or share of time)
    double costBefore = 0;
    double costAfter = 0;
};

struct Evaluated {
    Candidate candidate;
    std::vector<Effect> effects;
    double sizeBytes = 0;
};

// Greedy choice across the workload: repeatedly the candidate with the largest
// Σ weight × (current cost − cost after) per MB of index; each statement's current cost drops
// to the best chosen so far. Stops when the next adds less than `minShare` of the first
// choice's benefit, or after `maxIndexes`. Then every chosen index that later choices made
// unnecessary (its removal costs less than that threshold) is dropped again.
std::vector<std::size_t> chooseGreedy(const std::vector<Evaluated>& all, double minShare = 0.05,
                                      std::size_t maxIndexes = 10);

// Acceptance for one statement: a single column must save at least half the cost; a
// multi-column one must beat the best single column of the statement by a clear margin
// (its cost at most 80 % of that).
bool acceptSingle(double before, double after);
bool acceptMulti(double bestSingleAfter, double after);

} // namespace dbt::advisor
