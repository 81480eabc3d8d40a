#include "plans/insights.h"

#include "message.h"
#include "plans/derive.h"
#include "plans/format.h"
#include "saturating.h"
#include "textutil.h"

#include <algorithm>
#include <fmt/format.h>

namespace dbt::plans {

using detail::formatBlocks;
using detail::formatFactor;
using detail::formatKb;
using detail::formatMs;
using detail::formatRows;

namespace {

// The sentences are Messages (message.h): templates in the translation context "Insight";
// the English text is englishText(message).
Message lit(std::string text) {
    return literal(std::move(text));
}

class Finder {
public:
    Finder(const Plan& plan, const InsightOptions& options)
        : plan_(plan)
        , o_(options)
        , postgres_(isPostgres(plan.dialect)) {}

    std::vector<Insight> run() {
        markEarlyStops();
        for (std::size_t i = 0; i < plan_.nodes.size(); ++i) {
            const Node& n = plan_.nodes[i];
            const int index = static_cast<int>(i);
            misestimate(index, n);
            timeShare(index, n);
            removedRows(index, n);
            if (postgres_) {
                seqScan(index, n);
                spills(index, n);
                lossyBitmap(index, n);
                heapFetches(index, n);
                nestedLoop(index, n);
                workers(index, n);
            } else {
                mysqlTable(index, n);
            }
        }
        if (postgres_)
            largeResult();
        std::stable_sort(out_.begin(), out_.end(), [](const Insight& a, const Insight& b) {
            if (a.severity != b.severity)
                return a.severity > b.severity;
            return a.node < b.node;
        });
        return std::move(out_);
    }

private:
    void add(int node, std::string code, Severity s, Message message, Message suggestion) {
        Insight insight{node, std::move(code), s, englishText(message), englishText(suggestion)};
        insight.messageText = std::move(message);
        insight.suggestionText = std::move(suggestion);
        out_.push_back(std::move(insight));
    }

    std::string label(const Node& n) const { return nodeLabel(n); }

    // Loops for row totals: every execution in every process (per-loop rows × loops).
    static double loops(const Node& n) { return std::max(1.0, n.actualLoops.value_or(1.0)); }

    std::string relationName(const Node& n) const {
        if (!n.relation.empty())
            return n.schema.empty() ? n.relation : n.schema + '.' + n.relation;
        return n.tableName;
    }

    void misestimate(int i, const Node& n) {
        const auto& f = n.derived.rowFactor;
        if (!f || *f < 10 || !n.actualRows)
            return;
        std::optional<double> planned = n.planRows;
        if (!planned)
            return;
        const double larger = std::max(*n.actualRows, *planned) * loops(n);
        if (larger < o_.minMisestimateRows)
            return;
        if (!n.derived.underestimated && stoppedEarly(i))
            return;
        const Severity s = *f >= 1000  ? Severity::Critical
                           : *f >= 100 ? Severity::Warning
                                       : Severity::Info;
        std::vector<Message> args{lit(label(n)), figure(formatRows(*n.actualRows)),
                                  figure(formatRows(*planned)), figure(formatFactor(*f))};
        Message message =
            n.derived.underestimated
                ? phrase(DBT_TR("Insight", "%1 returned %2 rows per loop where %3 were estimated "
                                           "(%4 more rows than the planner expected), so the plan "
                                           "above it was chosen for the wrong input size."),
                         std::move(args))
                : phrase(DBT_TR("Insight", "%1 returned %2 rows per loop where %3 were estimated "
                                           "(%4 fewer rows than the planner expected), so the "
                                           "plan above it was chosen for the wrong input size."),
                         std::move(args));
        const std::string rel = relationName(n);
        Message suggestion;
        if (postgres_) {
            suggestion =
                rel.empty()
                    ? phrase(DBT_TR("Insight", "Refresh statistics with ANALYZE on the tables "
                                               "below this node; for correlated columns try "
                                               "CREATE STATISTICS, or raise the columns' "
                                               "statistics target."))
                    : phrase(DBT_TR("Insight", "Run ANALYZE %1; if the filtered columns are "
                                               "correlated, try CREATE STATISTICS on them, or "
                                               "raise their statistics target (ALTER TABLE … "
                                               "ALTER COLUMN … SET STATISTICS)."),
                             {lit(rel)});
        } else {
            suggestion = phrase(DBT_TR("Insight", "Run ANALYZE TABLE %1 PERSISTENT FOR ALL to "
                                                  "refresh statistics and histograms."),
                                {lit(rel.empty() ? "…" : rel)});
        }
        add(i, "row-misestimate", s, std::move(message), std::move(suggestion));
    }

    // Whether a node may have been stopped before returning all its rows: under a Limit (with
    // no node in between that reads all its input), or the inner side of a semi or anti join,
    // or a side of a merge join. Its row estimate is for the full run then. Pre-order, so a
    // parent's flag is known before its children's.
    void markEarlyStops() {
        early_.assign(plan_.nodes.size(), 0);
        for (std::size_t i = 0; i < plan_.nodes.size(); ++i) {
            const Node& c = plan_.nodes[i];
            if (c.parent < 0)
                continue;
            const Node& a = plan_.nodes[static_cast<std::size_t>(c.parent)];
            if (a.nodeType == "Limit" || a.nodeType == "Merge Join" ||
                ((a.joinType == "Semi" || a.joinType == "Anti") && c.parentRelationship == "Inner"))
                early_[i] = 1;
            else if (a.nodeType == "Sort" || a.nodeType == "Incremental Sort" ||
                     a.nodeType == "Hash" || a.nodeType == "Aggregate" ||
                     a.nodeType == "Materialize" || a.nodeType == "WindowAgg" ||
                     a.nodeType == "SetOp" || c.parentRelationship == "InitPlan" ||
                     c.parentRelationship == "SubPlan")
                early_[i] = 0;
            else
                early_[i] = early_[static_cast<std::size_t>(c.parent)];
        }
    }

    bool stoppedEarly(int i) const { return early_[static_cast<std::size_t>(i)] != 0; }

    void timeShare(int i, const Node& n) {
        const double share = n.derived.timeShare;
        if (plan_.totalTimeMs < o_.minTotalTimeMs || share <= 0.10 || !n.derived.exclusiveTimeMs)
            return;
        const Severity s = share > 0.90   ? Severity::Critical
                           : share > 0.40 ? Severity::Warning
                                          : Severity::Info;
        add(i, "time-share", s,
            phrase(DBT_TR("Insight",
                          "%1 takes %2 of the execution time (%3 of %4 in this node itself)."),
                   {lit(label(n)), figure(formatPercent(share)),
                    figure(formatMs(*n.derived.exclusiveTimeMs)),
                    figure(formatMs(plan_.totalTimeMs))}),
            phrase(DBT_TR("Insight", "Start here: look at the rows this node reads and the other "
                                     "insights on it.")));
    }

    void removedRows(int i, const Node& n) {
        struct Kind {
            const std::optional<double>& share;
            std::optional<double> removed; // all loops
            const char* code;
            bool join;
        };
        std::optional<double> filterRemoved;
        if (n.rowsRemovedByFilter)
            filterRemoved = *n.rowsRemovedByFilter * loops(n);
        else if (n.actualFilteredPercent && n.actualRows)
            filterRemoved = *n.actualRows * loops(n) * (1.0 - *n.actualFilteredPercent / 100.0);
        std::optional<double> joinRemoved;
        if (n.rowsRemovedByJoinFilter)
            joinRemoved = *n.rowsRemovedByJoinFilter * loops(n);
        const Kind kinds[] = {
            {n.derived.filterRemovedShare, filterRemoved, "filter-removes-rows", false},
            {n.derived.joinFilterRemovedShare, joinRemoved, "join-filter-removes-rows", true},
        };
        for (const Kind& k : kinds) {
            if (!k.share || !k.removed || *k.share <= 0.5 || *k.removed < o_.minRemovedRows)
                continue;
            const Severity s = *k.share > 0.9 ? Severity::Warning : Severity::Info;
            std::string condition;
            for (const auto& [name, text] : n.conditions) {
                if ((k.code[0] == 'f' && (name == "Filter" || name == "attached_condition")) ||
                    (k.code[0] == 'j' && name == "Join Filter"))
                    condition = text;
            }
            Message with = k.join      ? phrase(DBT_TR("Insight", "its Join Filter"))
                           : postgres_ ? phrase(DBT_TR("Insight", "its Filter"))
                                       : phrase(DBT_TR("Insight", "its attached condition"));
            add(i, k.code, s,
                phrase(DBT_TR("Insight", "%1 discarded %2 of the rows it read (%3 rows) with %4: "
                                         "the rows are read first and thrown away after."),
                       {lit(label(n)), figure(formatPercent(*k.share)),
                        figure(formatRows(*k.removed)), std::move(with)}),
                condition.empty()
                    ? phrase(DBT_TR("Insight", "An index on the filtered columns would read only "
                                               "the rows that are kept."))
                    : phrase(DBT_TR("Insight", "An index matching %1 would read only the rows "
                                               "that are kept (a partial or multicolumn index if "
                                               "several columns are compared)."),
                             {lit(oneLine(condition, 100))}));
        }
    }

    void seqScan(int i, const Node& n) {
        if (n.nodeType == "Seq Scan" && !n.actualRows && !plan_.analyzed) {
            estimatedSeqScan(i, n);
            return;
        }
        if (n.nodeType != "Seq Scan" || !n.actualRows)
            return;
        const double returned = *n.actualRows * loops(n);
        const Message createIndex = [&] {
            for (const auto& [name, text] : n.conditions) {
                if (name == "Filter")
                    return phrase(DBT_TR("Insight", "Create an index for %1 so that only the "
                                                    "matching rows are read."),
                                  {lit(oneLine(text, 100))});
            }
            return phrase(
                DBT_TR("Insight", "Create an index so that only the matching rows are read."));
        }();
        if (n.hasBuffers) {
            const std::int64_t blocks = n.derived.exclusiveBuffers.sharedTotal();
            if (blocks < o_.seqScanMinBlocks || returned >= static_cast<double>(blocks))
                return;
            add(i, "seq-scan-few-rows", Severity::Warning,
                phrase(DBT_TR("Insight", "%1 read %2 to return %3 rows: most of the table was "
                                         "read for few rows."),
                       {lit(label(n)), figure(formatBlocks(blocks)), figure(formatRows(returned))}),
                createIndex);
            return;
        }
        if (!n.rowsRemovedByFilter)
            return;
        const double read = returned + *n.rowsRemovedByFilter * loops(n);
        if (read < o_.seqScanMinRows || returned >= read * 0.01)
            return;
        add(i, "seq-scan-few-rows", Severity::Warning,
            phrase(DBT_TR("Insight",
                          "%1 read %2 rows to return %3: most of the table was read for few rows."),
                   {lit(label(n)), figure(formatRows(read)), figure(formatRows(returned))}),
            createIndex);
    }

    // Estimates only (EXPLAIN without ANALYZE, generic plans): a filtered sequential scan that
    // carries most of the plan's cost and is expected to return few rows.
    void estimatedSeqScan(int i, const Node& n) {
        const std::string* filter = nullptr;
        for (const auto& [name, text] : n.conditions) {
            if (name == "Filter")
                filter = &text;
        }
        if (!filter || !n.planRows || !n.totalCost || *n.totalCost < o_.estimatedSeqScanMinCost ||
            n.derived.costShare < 0.4 || *n.planRows > o_.estimatedSeqScanMaxRows)
            return;
        add(i, "seq-scan-estimated", Severity::Warning,
            phrase(DBT_TR("Insight", "%1 carries %2 of the plan's estimated cost and is "
                                     "estimated to return only %3 rows for %4: the whole table is "
                                     "read for a few rows."),
                   {lit(label(n)), figure(formatPercent(n.derived.costShare)),
                    figure(formatRows(*n.planRows)), lit(oneLine(*filter, 100))}),
            phrase(DBT_TR("Insight", "Create an index for %1 so that only the matching rows are "
                                     "read; confirm with EXPLAIN ANALYZE and real values."),
                   {lit(oneLine(*filter, 100))}));
    }

    void spills(int i, const Node& n) {
        bool flagged = false;
        const bool sort = n.nodeType == "Sort" || n.nodeType == "Incremental Sort";
        if (sort && (n.sortSpaceType == "Disk" || n.sortMethod.find("external") == 0)) {
            flagged = true;
            add(i, "sort-spill", Severity::Warning,
                phrase(DBT_TR("Insight", "%1 did not fit in work_mem and sorted on disk (%2%3)."),
                       {lit(label(n)),
                        n.sortMethod.empty() ? phrase(DBT_TR("Insight", "external sort"))
                                             : lit(n.sortMethod),
                        n.sortSpaceUsedKb ? phrase(DBT_TR("Insight", ", %1 written"),
                                                   {figure(formatKb(*n.sortSpaceUsedKb))})
                                          : lit({})}),
                phrase(DBT_TR("Insight", "Raise work_mem for this query (SET LOCAL work_mem = "
                                         "'%1'), sort fewer rows or narrower rows, or let an "
                                         "index provide the order."),
                       {lit(suggestedWorkMem(saturatingMul(n.sortSpaceUsedKb.value_or(0), 2)))}));
        }
        const bool hash =
            n.nodeType == "Hash" || n.nodeType == "Aggregate" || n.nodeType == "SetOp";
        if (hash &&
            ((n.hashBatches && *n.hashBatches > 1) || (n.diskUsageKb && *n.diskUsageKb > 0))) {
            flagged = true;
            const std::int64_t batches = n.hashBatches.value_or(1);
            Message detail = phrase(DBT_TR("Insight", "%1 batches"),
                                    {figure(formatRows(static_cast<double>(batches)))});
            if (n.originalHashBatches && *n.originalHashBatches != batches)
                detail = phrase(DBT_TR("Insight", "%1, planned %2"),
                                {std::move(detail),
                                 figure(formatRows(static_cast<double>(*n.originalHashBatches)))});
            if (n.diskUsageKb)
                detail = phrase(DBT_TR("Insight", "%1, %2 on disk"),
                                {std::move(detail), figure(formatKb(*n.diskUsageKb))});
            add(i, "hash-spill", Severity::Warning,
                phrase(DBT_TR("Insight", "%1 did not fit in memory and was split into batches "
                                         "written to disk (%2)."),
                       {lit(label(n)), std::move(detail)}),
                phrase(
                    DBT_TR("Insight", "Raise work_mem (or hash_mem_multiplier) for this query "
                                      "(SET LOCAL work_mem = '%1'), or reduce the rows "
                                      "hashed."),
                    {lit(suggestedWorkMem(saturatingMul(n.peakMemoryKb.value_or(0), batches)))}));
        }
        const std::int64_t temp = n.derived.exclusiveBuffers.tempWritten;
        if (!flagged && n.hasBuffers && temp >= o_.tempMinBlocks) {
            add(i, "temp-written", temp >= 1000 ? Severity::Warning : Severity::Info,
                phrase(DBT_TR("Insight", "%1 wrote %2 of temporary files."),
                       {lit(label(n)), figure(formatBlocks(temp))}),
                phrase(DBT_TR("Insight", "Raise work_mem for this query if the data should stay "
                                         "in memory, or reduce the rows this node keeps.")));
        }
    }

    static std::string suggestedWorkMem(std::int64_t kb) {
        std::int64_t mb = 4;
        while (mb * 1024 < kb && mb < (INT64_C(1) << 40))
            mb *= 2;
        return fmt::format("{}MB", mb);
    }

    void lossyBitmap(int i, const Node& n) {
        if (!n.lossyHeapBlocks || *n.lossyHeapBlocks <= 0)
            return;
        const double total = *n.lossyHeapBlocks + n.exactHeapBlocks.value_or(0);
        add(i, "lossy-bitmap", Severity::Warning,
            phrase(DBT_TR("Insight", "%1 kept %2 of %3 heap blocks only as lossy pages (the "
                                     "bitmap did not fit in work_mem), so every row on them was "
                                     "checked again%4."),
                   {lit(label(n)), figure(formatRows(*n.lossyHeapBlocks)),
                    figure(formatRows(total)),
                    n.rowsRemovedByIndexRecheck
                        ? phrase(DBT_TR("Insight", " (%1 rows removed by the recheck)"),
                                 {figure(formatRows(*n.rowsRemovedByIndexRecheck * loops(n)))})
                        : lit({})}),
            phrase(DBT_TR("Insight", "Raise work_mem for this query so the bitmap stays exact, "
                                     "or make the condition more selective.")));
    }

    void heapFetches(int i, const Node& n) {
        if (n.nodeType != "Index Only Scan" || !n.heapFetches || !n.actualRows)
            return;
        const double fetches = *n.heapFetches; // a total, unlike the per-loop row counts
        const double rows = *n.actualRows * loops(n);
        if (fetches < o_.heapFetchesMin || fetches < rows * 0.1)
            return;
        const std::string rel = relationName(n);
        add(i, "heap-fetches", Severity::Warning,
            phrase(DBT_TR("Insight", "%1 had to visit the table for %2 of its %3 rows because "
                                     "the visibility map is not up to date, so it is hardly "
                                     "index-only."),
                   {lit(label(n)), figure(formatRows(fetches)), figure(formatRows(rows))}),
            phrase(DBT_TR("Insight", "Run VACUUM %1 and check that autovacuum keeps up with the "
                                     "changes on it (autovacuum_vacuum_scale_factor, "
                                     "autovacuum_vacuum_insert_threshold)."),
                   {rel.empty() ? phrase(DBT_TR("Insight", "on the table")) : lit(rel)}));
    }

    void nestedLoop(int, const Node& n) {
        if (n.nodeType != "Nested Loop" || n.children.size() < 2)
            return;
        int inner = -1;
        int outer = -1;
        for (const int c : n.children) {
            const std::string& rel = plan_.nodes[static_cast<std::size_t>(c)].parentRelationship;
            if (rel == "Inner" && inner < 0)
                inner = c;
            else if (rel == "Outer" && outer < 0)
                outer = c;
        }
        if (inner < 0 || outer < 0)
            return;
        const Node& in = plan_.nodes[static_cast<std::size_t>(inner)];
        const Node& out = plan_.nodes[static_cast<std::size_t>(outer)];
        if (plan_.analyzed) {
            if (!in.actualLoops || !in.derived.inclusiveTimeMs || plan_.totalTimeMs <= 0)
                return;
            const double share = *in.derived.inclusiveTimeMs / plan_.totalTimeMs;
            if (loops(in) < o_.nestedLoopMinLoops || share < o_.nestedLoopMinShare ||
                plan_.totalTimeMs < o_.minTotalTimeMs)
                return;
            add(inner, "nested-loop-inner", share > 0.5 ? Severity::Warning : Severity::Info,
                phrase(DBT_TR("Insight", "%1 ran its inner side (%2) %3 times, which took %4 (%5 "
                                         "of the execution time)."),
                       {lit(label(n)), lit(label(in)), figure(formatRows(loops(in))),
                        figure(formatMs(*in.derived.inclusiveTimeMs)),
                        figure(formatPercent(share))}),
                nestedLoopAdvice());
            return;
        }
        if (!out.planRows || !in.totalCost || plan_.totalCost <= 0)
            return;
        const double innerTotal = *out.planRows * *in.totalCost;
        if (*out.planRows < o_.nestedLoopMinLoops * 10 ||
            innerTotal < plan_.totalCost * o_.nestedLoopMinShare)
            return;
        add(inner, "nested-loop-inner", Severity::Info,
            phrase(DBT_TR("Insight", "%1 is planned to run its inner side (%2) for about %3 "
                                     "outer rows, at a cost of %4 each."),
                   {lit(label(n)), lit(label(in)), figure(formatRows(*out.planRows)),
                    figure(detail::formatCost(*in.totalCost))}),
            nestedLoopAdvice());
    }

    static Message nestedLoopAdvice() {
        return phrase(DBT_TR("Insight", "Check the outer side's row estimate (a low estimate "
                                        "often picks a nested loop); an index matching the join "
                                        "condition on the inner side makes each loop cheap, and "
                                        "a hash or merge join reads each side once."));
    }

    void workers(int i, const Node& n) {
        if (!n.workersPlanned || !n.workersLaunched || *n.workersLaunched >= *n.workersPlanned)
            return;
        add(i, "workers-short", Severity::Warning,
            *n.workersPlanned == 1
                ? phrase(DBT_TR("Insight", "%1 planned 1 worker but launched %3: the parallel "
                                           "part ran with fewer processes than it was costed "
                                           "for."),
                         {lit(label(n)), count(*n.workersPlanned),
                          lit(std::to_string(*n.workersLaunched))})
                : phrase(DBT_TR("Insight", "%1 planned %2 workers but launched %3: the parallel "
                                           "part ran with fewer processes than it was costed "
                                           "for."),
                         {lit(label(n)), count(*n.workersPlanned),
                          lit(std::to_string(*n.workersLaunched))}),
            phrase(DBT_TR("Insight", "Check max_parallel_workers and max_worker_processes "
                                     "against the parallel queries that run at the same time.")));
    }

    void largeResult() {
        const Node& root = plan_.nodes.front();
        if (root.nodeType == "Limit" || root.nodeType == "ModifyTable")
            return;
        std::optional<double> rows = totalActualRows(root);
        const bool actual = rows.has_value();
        if (!rows && root.planRows)
            rows = root.planRows;
        if (!rows || *rows < o_.largeResultRows)
            return;
        add(0, "large-result", Severity::Info,
            actual ? phrase(DBT_TR("Insight",
                                   "The query returned %1 rows to the client and has no Limit."),
                            {figure(formatRows(*rows))})
                   : phrase(DBT_TR("Insight", "The query is estimated to return %1 rows to the "
                                              "client and has no Limit."),
                            {figure(formatRows(*rows))}),
            phrase(DBT_TR("Insight", "If the application shows only some rows, add LIMIT (with a "
                                     "keyset or cursor for the next page); if it aggregates "
                                     "them, do that in the query.")));
    }

    void mysqlTable(int i, const Node& n) {
        const std::string table = n.tableName.empty() ? "the table" : n.tableName;
        // Sentences that start with the table name use it as it is; "the table" is translated.
        const Message tableText =
            n.tableName.empty() ? phrase(DBT_TR("Insight", "the table")) : lit(n.tableName);
        if (n.accessType == "ALL") {
            const double rows = n.rowsExaminedPerScan.value_or(0);
            const std::optional<double> filtered =
                n.actualFilteredPercent ? n.actualFilteredPercent : n.filteredPercent;
            if (rows >= o_.fullScanMinRows && filtered && *filtered < 50) {
                add(i, "full-scan", *filtered <= 10 ? Severity::Warning : Severity::Info,
                    phrase(DBT_TR("Insight", "Full table scan of %1 (%2 rows per scan) keeps "
                                             "only %3 % of the rows it reads."),
                           {tableText, figure(formatRows(rows)),
                            figure(fmt::format("{:.3g}", *filtered))}),
                    phrase(DBT_TR("Insight", "Add an index on the columns of the WHERE or join "
                                             "condition so that only the matching rows are "
                                             "read.")));
            }
        }
        // "<subquery2>", "<derived3>": the server's own temporary tables, not the user's.
        const bool internal = !n.tableName.empty() && n.tableName.front() == '<';
        if (!n.possibleKeys.empty() && n.key.empty() && !n.accessType.empty() && !internal) {
            add(i, "key-not-used", Severity::Warning,
                n.possibleKeys.size() == 1
                    ? phrase(DBT_TR("Insight", "%1 could use index %2 but no index was chosen."),
                             {n.tableName.empty() ? phrase(DBT_TR("Insight", "The table"))
                                                  : lit(table),
                              lit(n.possibleKeys.front())})
                    : phrase(DBT_TR("Insight", "%1 could use indexes %2 but no index was chosen."),
                             {n.tableName.empty() ? phrase(DBT_TR("Insight", "The table"))
                                                  : lit(table),
                              lit(joinWithAnd(n.possibleKeys))}),
                phrase(DBT_TR("Insight", "Refresh statistics (ANALYZE TABLE %1); if the optimizer "
                                         "still prefers a scan the index is not selective enough "
                                         "for this condition, or a function or type conversion on "
                                         "the column keeps it from being used."),
                       {lit(table)}));
        }
        if (n.usingFilesort) {
            add(i, "filesort", Severity::Info,
                n.nodeType == "filesort"
                    ? phrase(DBT_TR("Insight", "The query sorts its rows with a filesort instead "
                                               "of reading them in index order."))
                    : phrase(DBT_TR("Insight", "The %1 sorts its rows with a filesort instead of "
                                               "reading them in index order."),
                             {lit(n.nodeType)}),
                phrase(DBT_TR("Insight", "An index whose columns match the ORDER BY (after the "
                                         "equality columns of the WHERE) returns rows already "
                                         "sorted.")));
        }
        if (n.usingTemporary) {
            add(i, "temporary-table", Severity::Info,
                n.nodeType == "temporary_table"
                    ? phrase(DBT_TR("Insight", "The query builds a temporary table."))
                : n.nodeType == "grouping_operation"
                    ? phrase(
                          DBT_TR("Insight", "The %1 builds a temporary table to group the rows."),
                          {lit(n.nodeType)})
                : n.nodeType == "duplicates_removal" || n.nodeType == "duplicate_removal"
                    ? phrase(DBT_TR("Insight",
                                    "The %1 builds a temporary table to remove duplicates."),
                             {lit(n.nodeType)})
                    : phrase(DBT_TR("Insight", "The %1 builds a temporary table."),
                             {lit(n.nodeType)}),
                phrase(DBT_TR("Insight", "An index on the GROUP BY / DISTINCT columns lets the "
                                         "server group rows in index order without a temporary "
                                         "table; also check that the temporary table fits in "
                                         "tmp_table_size.")));
        }
    }

    const Plan& plan_;
    const InsightOptions& o_;
    bool postgres_;
    std::vector<Insight> out_;
    std::vector<char> early_;
};

} // namespace

std::vector<Insight> findInsights(const Plan& plan, const InsightOptions& options) {
    if (plan.nodes.empty())
        return {};
    return Finder(plan, options).run();
}

} // namespace dbt::plans
