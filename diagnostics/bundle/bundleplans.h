// Plans and index candidates for an evidence bundle, shared by `dbtriage collect --explain-top N
// --advise` and the window's Export evidence… (docs/bundle-format.md, "plans/").
//
// explainForBundle() chooses the top statements of a recording by time (window deltas, or the
// counters since the statistics reset for one sample), explains each on a dedicated read-only
// session opened with the monitoring session's ConnectOptions (the driver's explain(): a generic
// plan for `$n` statements, never ANALYZE, a read-only transaction rolled back, statement and
// lock timeouts), in the statement's database, and builds for each
//     plans/NN-<id>.json   the engine's plan as it printed it, untouched
//     plans/NN-<id>.txt    the statement (as redacted as the recording), the plan kind and the
//                          driver's notes, the plan tree and the insights, as `dbtriage explain`
//                          prints them
// plus a PlanSummary per statement for the README, the Jira summary and the manifest. A statement
// that cannot be explained (lock timeout, permission denied, a text that does not parse) gets a
// summary with the sentence and no files. Synchronous: run it on a worker thread in the GUI.
// Qt Core only.
#pragma once

#include "bundle/bundlewriter.h"
#include "bundle/manifest.h"
#include "engines/engine.h"
#include "snapshot.h"

#include <QString>
#include <functional>
#include <string>
#include <vector>

namespace dbt {

// The server's own text of a statement (id, database) for EXPLAIN, or "" to use the text of the
// recording. collect passes the normalised text pg_stat_statements / the digest gave, which the
// collector keeps in memory unredacted (redaction turns ORDER BY 2 into ORDER BY $3).
using StatementTextLookup =
    std::function<std::string(const std::string& id, const std::string& database)>;

// One statement chosen for a plan.
struct PlanTarget {
    int rank = 0; // 1-based
    std::string id;
    std::string database;
    std::string text; // as in the recording (redacted when the recording is)
    double totalTimeMs = 0;
    double share = 0; // of all statements' time, 0..1
};

// The `top` costliest statements (by total time, merged by id and database) that EXPLAIN can
// take: a text that starts with SELECT, WITH, VALUES, TABLE, INSERT, UPDATE, DELETE, MERGE or
// REPLACE (utility statements such as COMMIT or SET are passed over), time above zero.
std::vector<PlanTarget> choosePlanTargets(const Snapshot& snapshot, int top);

// "plans/01-1234" (no extension): the rank and the id, the id reduced to [A-Za-z0-9_-] and
// at most 64 characters.
std::string planFileStem(const PlanTarget& target);

struct BundlePlansOptions {
    ConnectOptions connect;         // the monitoring session's (read-only, timeouts)
    StatementTextLookup serverText; // may be empty
    // Before each statement: (0-based index, count, the statement). Returns false to stop
    // (cancel); the statements not explained then are left out.
    std::function<bool(int, int, const PlanTarget&)> progress;
};

struct BundlePlans {
    std::vector<BundleAttachment> files; // plans/NN-<id>.json and .txt
    std::vector<PlanSummary> summaries;  // one per chosen statement, in rank order
    bool cancelled = false;
    int failed() const;
};

// The files and summary of one explained statement (public for tests).
void addExplainedPlan(const PlanTarget& target, const ExplainResult& result,
                      const ServerInfo& server, bool redacted, BundlePlans& out);

// Explains the top statements on `session` (connected; `server` is what connect() returned).
// Throws nothing: a failure of one statement becomes its summary's error; a lost connection is
// reconnected once per statement.
BundlePlans explainForBundle(EngineSession& session, const ServerInfo& server,
                             const Snapshot& snapshot, int top, const BundlePlansOptions& options);

// The same on a session of its own, opened with options.connect. When it cannot connect, every
// chosen statement gets that sentence.
BundlePlans explainForBundle(const Snapshot& snapshot, int top, const BundlePlansOptions& options);

// Adds the plans to a bundle input: attachments, collection.plans and explainTopRequested.
void addPlansToBundle(BundlePlans plans, int top, BundleInput& input);

// --advise: index candidates of the recording's costliest statements as index-candidates.sql
// (commented, never executed) through advisor::advise() (every engine) on sessions of the
// advisor's own. When it fails, the sentence goes to collection.unavailable. Returns the error
// sentence ("" when the file was added). `cancelled` may stop the advisor early.
QString addAdviceToBundle(const ConnectOptions& connect, const StatementTextLookup& serverText,
                          BundleInput& input, const std::function<bool()>& cancelled = {});

// "PostgreSQL 15.4 (database shop), generic plan (no parameter values)" and the lines after
// it, as the header of plans/*.txt and of `dbtriage explain`.
std::string planTextHeader(const ServerInfo& server, const std::string& database,
                           const ExplainResult& result);

} // namespace dbt
