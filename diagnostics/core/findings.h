// Findings: plain sentences with a next step, derived from one analysed snapshot.
#pragma once

#include "snapshot.h"

#include <vector>

namespace dbt {

struct FindingOptions {
    double saturationRatio = 0.8;      // connections >= 80 % of usable slots
    double idleInTransactionSeconds = 300;
    double longRunningSeconds = 60;    // an active statement running longer
    double longTransactionSeconds = 300;
};

// Needs snapshot.rootBlockers filled (analyzeWaitGraph). Commands shown to the user
// (pg_terminate_backend, KILL) are text for a senior to copy, never executed.
// Sorted: critical first, then warning, then info.
std::vector<Finding> deriveFindings(const Snapshot& snapshot, const FindingOptions& options = {});

} // namespace dbt
