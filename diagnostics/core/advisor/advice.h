// The advisor's result as an immutable value: proposed indexes with their evidence, unused
// and redundant indexes. Shared by the CLI (text and --json), the bundle and the GUI panel.
// Nothing in here is ever executed.
#pragma once

#include "advisor/candidates.h"
#include "message.h"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace dbt::advisor {

// One statement of the workload (window deltas, merged by fingerprint).
struct WorkloadStatement {
    std::string id;    // queryid / digest (the first of the merged ones)
    std::string query; // normalised text ($n or ?)
    std::string database;
    double calls = 0;       // in the window
    double totalTimeMs = 0; // in the window
    double share = 0;       // of the window's statement time, 0..1
};

struct StatementEffect {
    std::string id;
    double share = 0;
    double calls = 0;
    double costBefore = 0;
    std::optional<double> costAfter; // not known for heuristic candidates
    bool usesIndex = false;          // the plan with the hypothetical index uses it
};

struct Proposal {
    Candidate candidate;
    std::string ddl;
    std::string method; // "hypopg" or "heuristic"
    std::vector<StatementEffect> statements;
    std::optional<double> sizeBytes; // hypopg_relation_size; estimated for heuristics
    std::vector<std::string> caveats;
    // The caveats as Messages (message.h), in the same order; empty when read from JSON
    // (which keeps the English only). Add caveats with addCaveat, which fills both.
    std::vector<Message> caveatTexts;
};

struct UnusedIndex {
    std::string schema, table, name;
    std::int64_t sizeBytes = 0;
    std::int64_t scans = 0;
    std::string definition;
};

struct RedundantIndex {
    std::string schema, table, name;
    std::string coveredBy; // the index that makes it unnecessary
    std::string kind;      // "duplicate" or "prefix"
    std::int64_t sizeBytes = 0;
    std::string definition;
};

struct Advice {
    std::string engine;              // "postgresql", "mysql", "mariadb"
    std::vector<Proposal> proposals; // chosen, in the greedy order
    std::vector<UnusedIndex> unused;
    std::vector<RedundantIndex> redundant;
    std::string statsReset;         // when "unused" started counting ("" unknown)
    Message statsResetText;         // the same as a Message (empty: statsReset as it is)
    std::vector<std::string> notes; // hypopg missing, statements skipped, ...
    std::vector<Message> noteTexts; // the same as Messages (addNote fills both; empty: JSON)
    int explains = 0;               // EXPLAINs sent
    // What cost_before / cost_after measure: "" the planner's cost units (PostgreSQL, MySQL 8
    // query_cost), or e.g. "rows examined (estimate)" where the engine prints no cost.
    std::string costUnit;
    int statementsConsidered = 0;
};

// The advisor's sentences are Messages (message.h) in the translation context "Advisor",
// so that the Indexes view and `dbtriage advise` show them in the user's language; the
// English strings beside them (englishText) are what the JSON keeps.
void addCaveat(Proposal& proposal, Message caveat);
void addNote(Advice& advice, Message note);
// A candidate's reason, a proposal's caveats, the advice's notes and the start of the
// statistics as Messages: the recorded ones, or, for an advice read from JSON (English
// strings only), the English string as a whole-sentence template (shown translated when it
// is one of the constant sentences, as it is otherwise).
Message reasonMessage(const Candidate& candidate);
std::vector<Message> caveatMessages(const Proposal& proposal);
std::vector<Message> noteMessages(const Advice& advice);
Message statsResetMessage(const Advice& advice);
// "cost" (the planner's units), "rows examined (estimate)" or "query_cost" (a field name).
Message costUnitMessage(const std::string& costUnit);

// Indexes of one table for the duplicate / prefix check.
struct IndexDef {
    std::string schema, table, name;
    std::vector<std::string> columns; // key columns; "" for expressions (never compared)
    bool unique = false, primary = false, partial = false, valid = true;
    std::string method = "btree";
    std::int64_t sizeBytes = 0;
    std::string definition;
};

// A duplicate (same method, columns) or a non-unique btree whose columns are a prefix of
// another's. Unique and primary-key indexes are never reported (they enforce a constraint).
std::vector<RedundantIndex> findRedundant(const std::vector<IndexDef>& indexes);

// {"candidates":[{"table","columns","ddl","method","cost_before","cost_after","statements",
// "size_bytes",...}],"unused_indexes":[...],"redundant_indexes":[...],...}
std::string adviceToJson(const Advice& advice);
Advice adviceFromJson(const std::string& text); // throws std::exception on malformed input

// The human report of `dbtriage advise`. `text` turns its phrases and the advisor's
// sentences (Messages) into text: English (englishText) when empty; the CLI passes the
// user's language (diagnostics/i18n, localizedUtf8).
std::string adviceToText(const Advice& advice,
                         const std::function<std::string(const Message&)>& text = {});

// The commented index-candidates.sql of a bundle: every statement commented out.
std::string adviceToSqlComments(const Advice& advice);

} // namespace dbt::advisor
