// Wait-for graph analysis: who blocks whom, the root blockers, transitive counts,
// chain depth and cycles. Pure function of sessions + lock-wait edges.
#pragma once

#include "snapshot.h"

#include <cstdint>
#include <map>
#include <vector>

namespace dbt {

struct WaitGraph {
    std::vector<RootBlocker> roots;                // sorted by blockedTotal desc, then pid
    std::vector<std::vector<std::int64_t>> cycles; // each cycle's pids, smallest pid first
    // Waiting pid -> distance from its nearest root (1 = direct). Roots themselves, including
    // the representative of a cycle reported as a root, are not in the map.
    std::map<std::int64_t, int> depth;
};

// Edges go waiter -> blocker for every LockWait (hard or soft); self-edges and duplicate
// edges are ignored, and pids that are not in `sessions` still take part (details empty).
//
// Roots are sessions that block others and wait on nobody (through hard or soft edges).
// blockedDirect counts distinct direct waiters, blockedTotal distinct sessions that wait on
// the root directly or transitively (a waiter below two roots counts for both), depth is the
// longest chain of waits ending at the root (a cycle upstream counts as one step).
//
// Cycles are the strongly connected components with more than one session, listed in
// cycle order from the smallest pid when the component is a simple cycle, else ascending.
// A cycle that waits on nobody outside itself is reported as one root with inCycle = true:
// pid = its smallest pid, blockedTotal counts the other members and everything behind them.
//
// Session details (state, user, times, query) are copied from `sessions` when present;
// `held` fills RootBlocker::holds. Iterative (no recursion): safe for 100,000 edges and
// chains 10,000 deep.
WaitGraph analyzeWaitGraph(const std::vector<Session>& sessions, const std::vector<LockWait>& waits,
                           const std::vector<HeldLock>& held);

// The locks `pid` holds, most telling first: table-level locks, then row locks, then
// transaction ids, virtual transaction ids last; within each kind first those a session waits
// for right now (an object a LockWait blocked by `pid` names), then the stronger mode first,
// otherwise as reported. RootBlocker::holds is in this order; the locks tree and charts use it too.
std::vector<const HeldLock*> rankedHolds(std::int64_t pid, const std::vector<HeldLock>& held,
                                         const std::vector<LockWait>& waits);

// Every session that waits on `pid` directly or transitively, ascending, without `pid`.
std::vector<std::int64_t> blockedBy(std::int64_t pid, const std::vector<LockWait>& waits);

} // namespace dbt
