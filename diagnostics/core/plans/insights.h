// Plan insights: what looks wrong in a plan, why, and what to try. Each insight names one
// node; thresholds are in InsightOptions so tests and users can move them.
//
// Codes (PostgreSQL unless marked):
//   row-misestimate           actual vs planned rows per loop ≥ 10× info, ≥ 100× warning,
//                             ≥ 1000× critical (also MariaDB ANALYZE); only when the larger
//                             side is at least minMisestimateRows over all loops.
//   time-share                a node's exclusive time > 10 % info, > 40 % warning, > 90 %
//                             critical of the plan; only when the plan took minTotalTimeMs.
//   filter-removes-rows       Filter removed > 50 % info, > 90 % warning of the rows it read
//   join-filter-removes-rows  the same for a Join Filter (also MariaDB r_filtered)
//   seq-scan-few-rows         a Seq Scan read seqScanMinBlocks blocks or more and returned
//                             fewer rows than blocks (or, without BUFFERS, kept < 1 % of
//                             seqScanMinRows rows read)
//   seq-scan-estimated        estimates only (no ANALYZE, e.g. a generic plan): a filtered
//                             Seq Scan with >= 40 % of the plan's cost, cost >= 1000, and at
//                             most 1000 rows expected
//   sort-spill                a Sort wrote to disk (Sort Space Type Disk, external sort)
//   hash-spill                a Hash or HashAggregate used more than one batch / disk
//   temp-written              other nodes writing temp blocks (Materialize, CTE, ...)
//   lossy-bitmap              a Bitmap Heap Scan with lossy heap blocks
//   heap-fetches              an Index Only Scan that visited the heap for many rows
//   nested-loop-inner         a Nested Loop whose inner side ran nestedLoopMinLoops times
//                             and took nestedLoopMinShare of the time (ANALYZE), or whose
//                             inner side is costed for many outer rows (no ANALYZE)
//   large-result              the plan returns largeResultRows rows or more without a Limit
//   workers-short             a Gather launched fewer workers than planned
//   full-scan                 MySQL/MariaDB access_type ALL on fullScanMinRows rows with
//                             filtered < 50 % info, ≤ 10 % warning
//   key-not-used              MySQL/MariaDB possible_keys listed but key NULL
//   filesort                  MySQL/MariaDB sort by filesort
//   temporary-table           MySQL/MariaDB temporary table
#pragma once

#include "plans/plan.h"
#include "snapshot.h"

#include <string>
#include <vector>

namespace dbt::plans {

// The same severities as findings (snapshot.h), named by dbt::severityName.
using dbt::Severity;
using dbt::severityName;

struct Insight {
    int node = 0;
    std::string code;
    Severity severity = Severity::Info;
    std::string message;    // what and why, one sentence
    std::string suggestion; // what to try
    // message and suggestion as translatable templates (message.h) for diagnostics/i18n.
    Message messageText = {};
    Message suggestionText = {};
};

struct InsightOptions {
    double minMisestimateRows = 100;
    double minTotalTimeMs = 10;
    double minRemovedRows = 1000;
    std::int64_t seqScanMinBlocks = 1000;
    double estimatedSeqScanMinCost = 1000; // estimate-only plans: a filtered seq scan this
    double estimatedSeqScanMaxRows = 1000; // costly, expected to return at most this many rows
    double seqScanMinRows = 100000;
    double nestedLoopMinLoops = 100;
    double nestedLoopMinShare = 0.2;
    double largeResultRows = 100000;
    double heapFetchesMin = 100;
    double fullScanMinRows = 1000;
    std::int64_t tempMinBlocks = 1;
};

// Insights of a derived plan, most severe first, then in plan order.
std::vector<Insight> findInsights(const Plan& plan, const InsightOptions& options = {});

} // namespace dbt::plans
