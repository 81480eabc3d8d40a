// Derived figures per node (Node::derived) and per plan (Plan::totalTimeMs, totalCost).
//
// Time (ANALYZE plans):
// - PostgreSQL prints per-loop averages; inclusive time = actual total time × loops.
//   Under Gather / Gather Merge each process (workers launched + the leader) counts one loop
//   and they run at the same time, so loops are divided by that number of processes
//   ("effective loops"): a parallel Seq Scan with loops=3 under a Gather with 2 workers
//   counts its time once, not three times.
// - Exclusive time = inclusive time − the children's inclusive times, never below zero.
//   InitPlans and SubPlans are subtracted like any child: their time is part of the node
//   that evaluates them.
// - A CTE's subplan ("InitPlan" named "CTE x") runs while the CTE Scans read it, so its time
//   is inside the CTE Scans' time and not again in the node it hangs from: it is not
//   subtracted from that node, and each CTE Scan of x gives up (in plan order, up to its own
//   time) the CTE's time, so the CTE's work is counted once, in the CTE's own nodes.
// - MariaDB ANALYZE prints r_total_time_ms per operation for its own work (reading a table,
//   sorting); it is taken as exclusive and inclusive time adds the children's.
// - The plan total is the root's inclusive time (MariaDB: the sum of exclusive times);
//   shares are exclusive / total.
// Cost: PostgreSQL's total cost is cumulative, exclusive = total − the children's (an
//   estimate: inner sides of nested loops are costed per loop). MySQL: read_cost + eval_cost
//   of a table, sort_cost of a sort; inclusive adds the children's; a query block's
//   query_cost is its inclusive cost. MariaDB 10.x prints no cost.
// Rows: row factor = max(actual, planned) / min(actual, planned) per loop, each floored at 1
//   (PostgreSQL and MariaDB ANALYZE; MySQL has no actual rows). Removed shares = removed /
//   (removed + returned); MariaDB's r_filtered gives 1 − r_filtered/100.
// Buffers: PostgreSQL's counts include the children's; exclusive = own − children's.
#pragma once

#include "plans/plan.h"

namespace dbt::plans {

void derive(Plan& plan);

// Rows a node returned over all loops and processes (actual rows × loops), or empty.
std::optional<double> totalActualRows(const Node& node);

} // namespace dbt::plans
