#include "plans/derive.h"

#include <algorithm>
#include <climits>
#include <map>

namespace dbt::plans {

namespace {

bool isGather(const Node& n) {
    return n.nodeType == "Gather" || n.nodeType == "Gather Merge";
}

bool isCteSubplan(const Node& n) {
    return n.parentRelationship == "InitPlan" && n.subplanName.rfind("CTE ", 0) == 0;
}

} // namespace

std::optional<double> totalActualRows(const Node& n) {
    if (!n.actualRows)
        return std::nullopt;
    if (n.neverExecuted)
        return 0.0;
    return *n.actualRows * std::max(1.0, n.actualLoops.value_or(1.0));
}

void derive(Plan& plan) {
    auto& nodes = plan.nodes;
    const std::size_t count = nodes.size();
    if (count == 0)
        return;
    const bool postgres = isPostgres(plan.dialect);
    const bool mariadbTimes = plan.dialect == Dialect::MariadbAnalyzeJson;

    // Top-down (pre-order: parents first): depth, processes, effective loops, inclusive time.
    std::vector<double> processes(count, 1.0);
    for (std::size_t i = 0; i < count; ++i) {
        Node& n = nodes[i];
        Derived& d = n.derived;
        d = Derived{};
        if (n.parent >= 0) {
            const Node& p = nodes[static_cast<std::size_t>(n.parent)];
            d.depth = p.derived.depth + 1;
            processes[i] = processes[static_cast<std::size_t>(n.parent)];
            if (postgres && isGather(p)) {
                const int workers = p.workersLaunched.value_or(p.workersPlanned.value_or(0));
                processes[i] = workers >= INT_MAX - 1 ? INT_MAX : std::max(1, workers + 1);
            }
        }
        const double loops = n.actualLoops.value_or(n.neverExecuted ? 0 : 1);
        d.effectiveLoops =
            loops <= 0 ? 0.0 : std::max(1.0, loops / (postgres ? processes[i] : 1.0));
        if (n.neverExecuted) {
            d.inclusiveTimeMs = 0.0;
        } else if (n.actualTotalTimeMs) {
            d.inclusiveTimeMs = *n.actualTotalTimeMs * d.effectiveLoops;
        }
        // Row estimate per loop.
        std::optional<double> planned = n.planRows;
        if (!postgres && n.nodeType == "table" && n.rowsExaminedPerScan)
            planned = n.rowsExaminedPerScan;
        if (planned && n.actualRows && !n.neverExecuted) {
            const double a = std::max(1.0, *n.actualRows);
            const double p = std::max(1.0, *planned);
            d.rowFactor = std::max(a, p) / std::min(a, p);
            d.underestimated = a > p;
        }
        auto share = [&](const std::optional<double>& removed) -> std::optional<double> {
            if (!removed || !n.actualRows)
                return std::nullopt;
            const double sum = *removed + *n.actualRows;
            return sum > 0 ? *removed / sum : 0.0;
        };
        d.filterRemovedShare = share(n.rowsRemovedByFilter);
        d.joinFilterRemovedShare = share(n.rowsRemovedByJoinFilter);
        d.recheckRemovedShare = share(n.rowsRemovedByIndexRecheck);
        if (!d.filterRemovedShare && n.actualFilteredPercent)
            d.filterRemovedShare = std::clamp(1.0 - *n.actualFilteredPercent / 100.0, 0.0, 1.0);
    }

    // MariaDB: r_total_time_ms is the operation's own time.
    if (mariadbTimes) {
        for (std::size_t i = count; i-- > 0;) {
            Node& n = nodes[i];
            const double own = n.derived.inclusiveTimeMs.value_or(0.0);
            double children = 0;
            bool any = n.derived.inclusiveTimeMs.has_value();
            for (const int c : n.children) {
                const auto& ct = nodes[static_cast<std::size_t>(c)].derived.inclusiveTimeMs;
                if (ct) {
                    children += *ct;
                    any = true;
                }
            }
            if (any) {
                // A query block's or sort's time may already include its children's.
                const bool containsChildren =
                    n.nodeType == "query_block" && n.derived.inclusiveTimeMs && own >= children;
                n.derived.exclusiveTimeMs = containsChildren ? own - children : own;
                n.derived.inclusiveTimeMs = containsChildren ? own : own + children;
            }
        }
    }

    // CTE subplans: the CTE Scans that read them give up the CTE's time.
    std::vector<char> skipInParent(count, 0);
    std::vector<double> cteCredit(count, 0.0);
    if (postgres && plan.analyzed) {
        std::map<std::string, double> cteTime;
        for (std::size_t i = 0; i < count; ++i) {
            const Node& n = nodes[i];
            if (isCteSubplan(n)) {
                cteTime[n.subplanName.substr(4)] += n.derived.inclusiveTimeMs.value_or(0.0);
                skipInParent[i] = 1;
            }
        }
        std::map<std::string, bool> scanned;
        for (std::size_t i = 0; i < count; ++i) {
            const Node& n = nodes[i];
            if (n.nodeType == "CTE Scan" && cteTime.count(n.cteName)) {
                double childTime = 0;
                for (const int c : n.children) {
                    if (!skipInParent[static_cast<std::size_t>(c)])
                        childTime +=
                            nodes[static_cast<std::size_t>(c)].derived.inclusiveTimeMs.value_or(0);
                }
                const double own =
                    std::max(0.0, n.derived.inclusiveTimeMs.value_or(0.0) - childTime);
                double& left = cteTime[n.cteName];
                cteCredit[i] = std::min(own, left);
                left -= cteCredit[i];
                scanned[n.cteName] = true;
            }
        }
        // A CTE nobody scans (or that is not found): subtract it as usual.
        for (std::size_t i = 0; i < count; ++i) {
            if (skipInParent[i] && !scanned[nodes[i].subplanName.substr(4)])
                skipInParent[i] = 0;
        }
    }

    // Bottom-up: exclusive time, cost, buffers.
    double totalCost = 0;
    for (std::size_t i = count; i-- > 0;) {
        Node& n = nodes[i];
        Derived& d = n.derived;
        double childTime = 0;
        double childCost = 0;
        Buffers childBuffers;
        for (const int ci : n.children) {
            const Node& c = nodes[static_cast<std::size_t>(ci)];
            if (!skipInParent[static_cast<std::size_t>(ci)])
                childTime += c.derived.inclusiveTimeMs.value_or(0.0);
            if (postgres)
                childCost += c.totalCost.value_or(0.0);
            else
                childCost += c.derived.inclusiveCost.value_or(0.0);
            if (c.hasBuffers)
                childBuffers += c.buffers;
        }
        if (postgres && d.inclusiveTimeMs)
            d.exclusiveTimeMs = std::max(0.0, *d.inclusiveTimeMs - childTime - cteCredit[i]);
        if (postgres) {
            if (n.totalCost) {
                d.inclusiveCost = *n.totalCost;
                d.exclusiveCost = std::max(0.0, *n.totalCost - childCost);
            }
        } else {
            std::optional<double> own;
            if (n.readCost || n.evalCost)
                own = n.readCost.value_or(0) + n.evalCost.value_or(0);
            if (n.sortCost)
                own = own.value_or(0) + *n.sortCost;
            if (n.queryCost) {
                d.inclusiveCost = *n.queryCost;
                d.exclusiveCost = std::max(0.0, *n.queryCost - childCost);
            } else if (own || childCost > 0) {
                d.exclusiveCost = own.value_or(0);
                d.inclusiveCost = own.value_or(0) + childCost;
            }
        }
        if (n.hasBuffers)
            d.exclusiveBuffers = postgres ? n.buffers.minus(childBuffers) : n.buffers;
    }

    // Totals and shares.
    const Node& root = nodes.front();
    double totalTime = 0;
    if (postgres) {
        totalTime = root.derived.inclusiveTimeMs.value_or(0.0);
        // CTE subplans hanging from the root are not inside the root's own time twice.
    } else {
        for (const Node& n : nodes)
            totalTime += n.derived.exclusiveTimeMs.value_or(0.0);
    }
    totalCost = root.derived.inclusiveCost.value_or(0.0);
    plan.totalTimeMs = totalTime;
    plan.totalCost = totalCost;
    for (Node& n : nodes) {
        Derived& d = n.derived;
        if (totalTime > 0 && d.exclusiveTimeMs)
            d.timeShare = std::clamp(*d.exclusiveTimeMs / totalTime, 0.0, 1.0);
        if (totalCost > 0 && d.exclusiveCost)
            d.costShare = std::clamp(*d.exclusiveCost / totalCost, 0.0, 1.0);
    }
}

} // namespace dbt::plans
