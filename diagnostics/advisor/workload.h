// The advisor's workload from a sampled window: the statements with the most time, merged by
// libpg_query fingerprint (PostgreSQL) or digest text (MySQL/MariaDB), without cheap ones.
#pragma once

#include "advisor/advice.h"
#include "snapshot.h"

#include <vector>

namespace dbt::advisor {

// `snapshot` should hold window deltas (StatementScope::Window); cumulative counters work
// too. Statements under `minShare` of the window's statement time are dropped; at most `top`
// are returned, costliest first.
std::vector<WorkloadStatement> workloadFrom(const Snapshot& snapshot, int top,
                                            double minShare = 0.01);

} // namespace dbt::advisor
