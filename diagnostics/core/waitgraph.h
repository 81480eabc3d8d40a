// Wait-for graph analysis: who blocks whom, the root blockers, transitive counts,
// chain depth and cycles. Pure function of sessions + lock-wait edges.
#pragma once

#include "snapshot.h"

#include <cstdint>
#include <map>
#include <vector>

namespace dbt {

struct WaitGraph {
    std::vector<RootBlocker> roots; // sorted by blockedTotal desc, then pid
    std::vector<std::vector<std::int64_t>> cycles; // each cycle's pids, smallest pid first
    std::map<std::int64_t, int> depth; // waiting pid -> distance from its nearest root (1 = direct)
};

// Roots are sessions that block others and wait on nobody (through hard or soft edges).
// Sessions on a cycle with no root are reported as roots with inCycle = true, one per cycle.
// Session details (state, user, times, query) are copied from `sessions` when present;
// `held` fills RootBlocker::holds. Iterative (no recursion): safe for 100,000 edges.
WaitGraph analyzeWaitGraph(const std::vector<Session>& sessions,
                           const std::vector<LockWait>& waits,
                           const std::vector<HeldLock>& held);

} // namespace dbt
