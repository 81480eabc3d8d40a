// The index advisor on PostgreSQL: one dedicated read-only session (the monitoring session's
// options: timeouts, application_name dbtriage, "/* dbtriage */" tags), statistics and
// existing indexes from the catalogs, and — where HypoPG is installed in the connected
// database — each candidate validated by the planner with a hypothetical index. Without
// HypoPG the candidates are heuristic. Nothing is ever created, altered or dropped.
#pragma once

#include "advisor/advice.h"
#include "engines/engine.h"

#include <memory>
#include <vector>

namespace dbt::advisor {

struct AdvisorOptions {
    ConnectOptions connect;
    int maxCandidatesPerStatement = 12; // hypothetical indexes tried per statement
    double minCost = 100;               // statements with a lower estimated cost are skipped
};

// Advice for the statements of the connected database (others are skipped with a note).
// Throws EngineError for connection failures; statement-level failures become notes.
Advice advisePostgres(const AdvisorOptions& options,
                      const std::vector<WorkloadStatement>& workload);

} // namespace dbt::advisor
