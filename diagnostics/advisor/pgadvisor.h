// The index advisor on PostgreSQL: one dedicated read-only session (the monitoring session's
// options: timeouts, application_name dbtriage, "/* dbtriage */" tags), statistics and
// existing indexes from the catalogs, and — where HypoPG is installed in the connected
// database — each candidate validated by the planner with a hypothetical index. Without
// HypoPG the candidates are heuristic. Nothing is ever created, altered or dropped.
#pragma once

#include "advisor/advice.h"
#include "engines/engine.h"

#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace dbt::advisor {

struct AdvisorOptions {
    ConnectOptions connect;
    int maxCandidatesPerStatement = 12; // hypothetical indexes tried per statement
    double minCost = 100;               // statements with a lower estimated cost are skipped
    // Called before each statement (done of total, the statement's id) and once at the end
    // (total of total, ""). From the advisor's thread: hand it on to the GUI thread yourself.
    std::function<void(int done, int total, const std::string& statementId)> progress;
    // Polled between statements and candidates: true stops the advice; what was found so far
    // is returned with a note saying it was cancelled.
    std::function<bool()> cancelled;
};

// Advice for the statements of the connected database (others are skipped with a note).
// Throws EngineError for connection failures; statement-level failures become notes.
Advice advisePostgres(const AdvisorOptions& options,
                      const std::vector<WorkloadStatement>& workload);

} // namespace dbt::advisor
