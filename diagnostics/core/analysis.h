// Turns a raw sample into what people read: wait-for graph, findings, statement windows.
#pragma once

#include "findings.h"
#include "snapshot.h"

#include <vector>

namespace dbt {

// Fills rootBlockers, cycles and findings (preflight findings first, then derived ones,
// most severe first). Idempotent.
void analyseSnapshot(Snapshot& snapshot, const std::vector<Finding>& preflight,
                     const FindingOptions& options = {});

// A copy of `later` whose statements are the window deltas since `earlier`
// (scope Window, window start = earlier.statementsAt(), i.e. when its counters were read).
// `later` should hold fresh counters (statementsFresh), or the window ends at its
// statementsAt(). A stats reset inside the window adds an info finding that says so.
Snapshot withStatementWindow(const Snapshot& earlier, const Snapshot& later);

} // namespace dbt
