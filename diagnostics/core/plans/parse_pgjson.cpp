// PostgreSQL EXPLAIN (FORMAT JSON), PostgreSQL 12 to 17 field names.
#include "plans/jsontext.h"
#include "plans/parsers.h"

#include <fmt/format.h>
#include <unordered_map>

namespace dbt::plans::detail {

using json = nlohmann::ordered_json;

namespace {

enum class F {
    NodeType,
    ParentRelationship,
    SubplanName,
    JoinType,
    Strategy,
    PartialMode,
    Operation,
    Relation,
    Schema,
    Alias,
    Index,
    CteName,
    Function,
    ScanDirection,
    ParallelAware,
    StartupCost,
    TotalCost,
    PlanRows,
    PlanWidth,
    ActualStartup,
    ActualTotal,
    ActualRows,
    ActualLoops,
    Condition,
    RemovedFilter,
    RemovedJoinFilter,
    RemovedRecheck,
    SharedHit,
    SharedRead,
    SharedDirtied,
    SharedWritten,
    LocalHit,
    LocalRead,
    LocalDirtied,
    LocalWritten,
    TempRead,
    TempWritten,
    SortMethod,
    SortSpaceType,
    SortSpaceUsed,
    HashBuckets,
    OriginalHashBuckets,
    HashBatches,
    OriginalHashBatches,
    PeakMemory,
    DiskUsage,
    WorkersPlanned,
    WorkersLaunched,
    HeapFetches,
    ExactHeapBlocks,
    LossyHeapBlocks,
};

const std::unordered_map<std::string_view, F>& fieldMap() {
    static const std::unordered_map<std::string_view, F> m = {
        {"Node Type", F::NodeType},
        {"Parent Relationship", F::ParentRelationship},
        {"Subplan Name", F::SubplanName},
        {"Join Type", F::JoinType},
        {"Strategy", F::Strategy},
        {"Partial Mode", F::PartialMode},
        {"Operation", F::Operation},
        {"Relation Name", F::Relation},
        {"Schema", F::Schema},
        {"Alias", F::Alias},
        {"Index Name", F::Index},
        {"CTE Name", F::CteName},
        {"Function Name", F::Function},
        {"Scan Direction", F::ScanDirection},
        {"Parallel Aware", F::ParallelAware},
        {"Startup Cost", F::StartupCost},
        {"Total Cost", F::TotalCost},
        {"Plan Rows", F::PlanRows},
        {"Plan Width", F::PlanWidth},
        {"Actual Startup Time", F::ActualStartup},
        {"Actual Total Time", F::ActualTotal},
        {"Actual Rows", F::ActualRows},
        {"Actual Loops", F::ActualLoops},
        {"Filter", F::Condition},
        {"Index Cond", F::Condition},
        {"Recheck Cond", F::Condition},
        {"Join Filter", F::Condition},
        {"Hash Cond", F::Condition},
        {"Merge Cond", F::Condition},
        {"One-Time Filter", F::Condition},
        {"TID Cond", F::Condition},
        {"Order By", F::Condition},
        {"Rows Removed by Filter", F::RemovedFilter},
        {"Rows Removed by Join Filter", F::RemovedJoinFilter},
        {"Rows Removed by Index Recheck", F::RemovedRecheck},
        {"Shared Hit Blocks", F::SharedHit},
        {"Shared Read Blocks", F::SharedRead},
        {"Shared Dirtied Blocks", F::SharedDirtied},
        {"Shared Written Blocks", F::SharedWritten},
        {"Local Hit Blocks", F::LocalHit},
        {"Local Read Blocks", F::LocalRead},
        {"Local Dirtied Blocks", F::LocalDirtied},
        {"Local Written Blocks", F::LocalWritten},
        {"Temp Read Blocks", F::TempRead},
        {"Temp Written Blocks", F::TempWritten},
        {"Sort Method", F::SortMethod},
        {"Sort Space Type", F::SortSpaceType},
        {"Sort Space Used", F::SortSpaceUsed},
        {"Hash Buckets", F::HashBuckets},
        {"Original Hash Buckets", F::OriginalHashBuckets},
        {"Hash Batches", F::HashBatches},
        {"HashAgg Batches", F::HashBatches},
        {"Original Hash Batches", F::OriginalHashBatches},
        {"Peak Memory Usage", F::PeakMemory},
        {"Disk Usage", F::DiskUsage},
        {"Workers Planned", F::WorkersPlanned},
        {"Workers Launched", F::WorkersLaunched},
        {"Heap Fetches", F::HeapFetches},
        {"Exact Heap Blocks", F::ExactHeapBlocks},
        {"Lossy Heap Blocks", F::LossyHeapBlocks},
    };
    return m;
}

std::int64_t blocks(const json& v) {
    const auto d = numberOf(v);
    return d && *d > 0 ? toInt64(*d) : 0;
}

std::optional<std::int64_t> integer(const json& v) {
    const auto d = numberOf(v);
    if (!d)
        return std::nullopt;
    return toInt64(*d);
}

void setField(Node& n, F f, const std::string& key, const json& v) {
    switch (f) {
    case F::NodeType:
        n.nodeType = textOf(v);
        break;
    case F::ParentRelationship:
        n.parentRelationship = textOf(v);
        break;
    case F::SubplanName:
        n.subplanName = textOf(v);
        break;
    case F::JoinType:
        n.joinType = textOf(v);
        break;
    case F::Strategy:
        n.strategy = textOf(v);
        break;
    case F::PartialMode:
        n.partialMode = textOf(v);
        break;
    case F::Operation:
        n.operation = textOf(v);
        break;
    case F::Relation:
        n.relation = textOf(v);
        break;
    case F::Schema:
        n.schema = textOf(v);
        break;
    case F::Alias:
        n.alias = textOf(v);
        break;
    case F::Index:
        n.index = textOf(v);
        break;
    case F::CteName:
        n.cteName = textOf(v);
        break;
    case F::Function:
        n.functionName = textOf(v);
        break;
    case F::ScanDirection:
        n.scanDirection = textOf(v);
        break;
    case F::ParallelAware:
        n.parallelAware = truthy(v);
        break;
    case F::StartupCost:
        n.startupCost = numberOf(v);
        break;
    case F::TotalCost:
        n.totalCost = numberOf(v);
        break;
    case F::PlanRows:
        n.planRows = numberOf(v);
        break;
    case F::PlanWidth:
        n.planWidth = numberOf(v);
        break;
    case F::ActualStartup:
        n.actualStartupTimeMs = numberOf(v);
        break;
    case F::ActualTotal:
        n.actualTotalTimeMs = numberOf(v);
        break;
    case F::ActualRows:
        n.actualRows = numberOf(v);
        break;
    case F::ActualLoops:
        n.actualLoops = numberOf(v);
        n.neverExecuted = n.actualLoops && *n.actualLoops == 0;
        break;
    case F::Condition:
        n.conditions.emplace_back(key, textOf(v));
        break;
    case F::RemovedFilter:
        n.rowsRemovedByFilter = numberOf(v);
        break;
    case F::RemovedJoinFilter:
        n.rowsRemovedByJoinFilter = numberOf(v);
        break;
    case F::RemovedRecheck:
        n.rowsRemovedByIndexRecheck = numberOf(v);
        break;
    case F::SharedHit:
        n.hasBuffers = true;
        n.buffers.sharedHit = blocks(v);
        break;
    case F::SharedRead:
        n.hasBuffers = true;
        n.buffers.sharedRead = blocks(v);
        break;
    case F::SharedDirtied:
        n.hasBuffers = true;
        n.buffers.sharedDirtied = blocks(v);
        break;
    case F::SharedWritten:
        n.hasBuffers = true;
        n.buffers.sharedWritten = blocks(v);
        break;
    case F::LocalHit:
        n.hasBuffers = true;
        n.buffers.localHit = blocks(v);
        break;
    case F::LocalRead:
        n.hasBuffers = true;
        n.buffers.localRead = blocks(v);
        break;
    case F::LocalDirtied:
        n.hasBuffers = true;
        n.buffers.localDirtied = blocks(v);
        break;
    case F::LocalWritten:
        n.hasBuffers = true;
        n.buffers.localWritten = blocks(v);
        break;
    case F::TempRead:
        n.hasBuffers = true;
        n.buffers.tempRead = blocks(v);
        break;
    case F::TempWritten:
        n.hasBuffers = true;
        n.buffers.tempWritten = blocks(v);
        break;
    case F::SortMethod:
        n.sortMethod = textOf(v);
        break;
    case F::SortSpaceType:
        n.sortSpaceType = textOf(v);
        break;
    case F::SortSpaceUsed:
        n.sortSpaceUsedKb = integer(v);
        break;
    case F::HashBuckets:
        n.hashBuckets = integer(v);
        break;
    case F::OriginalHashBuckets:
        n.originalHashBuckets = integer(v);
        break;
    case F::HashBatches:
        n.hashBatches = integer(v);
        break;
    case F::OriginalHashBatches:
        n.originalHashBatches = integer(v);
        break;
    case F::PeakMemory:
        n.peakMemoryKb = integer(v);
        break;
    case F::DiskUsage:
        n.diskUsageKb = integer(v);
        break;
    case F::WorkersPlanned:
        if (const auto i = integer(v))
            n.workersPlanned = toInt(static_cast<double>(*i));
        break;
    case F::WorkersLaunched:
        if (const auto i = integer(v))
            n.workersLaunched = toInt(static_cast<double>(*i));
        break;
    case F::HeapFetches:
        n.heapFetches = numberOf(v);
        break;
    case F::ExactHeapBlocks:
        n.exactHeapBlocks = numberOf(v);
        break;
    case F::LossyHeapBlocks:
        n.lossyHeapBlocks = numberOf(v);
        break;
    }
}

void readPlanLevel(Plan& plan, const json& top) {
    for (auto it = top.cbegin(); it != top.cend(); ++it) {
        const std::string& key = it.key();
        const json& v = *it;
        if (key == "Plan")
            continue;
        plan.raw.emplace_back(key, jsonText(v));
        if (key == "Planning Time") {
            plan.planningTimeMs = numberOf(v);
        } else if (key == "Execution Time" || key == "Total Runtime") {
            plan.executionTimeMs = numberOf(v);
        } else if (key == "Settings" && v.is_object()) {
            for (auto s = v.cbegin(); s != v.cend(); ++s)
                plan.settings.emplace_back(s.key(), textOf(*s));
        } else if (key == "JIT") {
            plan.jit = jsonText(v);
        } else if (key == "Triggers" && v.is_array()) {
            for (const json& t : v) {
                if (!t.is_object())
                    continue;
                Trigger trigger;
                if (const auto n = t.find("Trigger Name"); n != t.end())
                    trigger.name = textOf(*n);
                if (const auto r = t.find("Relation"); r != t.end())
                    trigger.relation = textOf(*r);
                if (const auto tm = t.find("Time"); tm != t.end())
                    trigger.timeMs = numberOf(*tm);
                if (const auto c = t.find("Calls"); c != t.end())
                    trigger.calls = numberOf(*c);
                plan.triggers.push_back(std::move(trigger));
            }
        }
    }
}

} // namespace

Plan postgresFromJson(const json& doc) {
    Plan plan;
    plan.dialect = Dialect::PostgresJson;
    const json* top = &doc;
    if (doc.is_array()) {
        if (doc.empty())
            throw PlanError("The JSON holds an empty list, not a plan.");
        top = &doc.front();
        if (doc.size() > 1)
            plan.notes.push_back(
                fmt::format("The input holds {} plans; only the first one is shown.", doc.size()));
    }
    if (!top->is_object() || !top->contains("Plan"))
        throw PlanError("The JSON is not a PostgreSQL plan: the \"Plan\" object is missing.");
    const json& rootPlan = (*top)["Plan"];
    if (!rootPlan.is_object())
        throw PlanError("The PostgreSQL plan's \"Plan\" field is not an object.");
    readPlanLevel(plan, *top);

    const auto& fields = fieldMap();
    struct Item {
        const json* object;
        int parent;
    };
    std::vector<Item> stack{{&rootPlan, -1}};
    std::vector<const json*> children;
    while (!stack.empty()) {
        const Item item = stack.back();
        stack.pop_back();
        const int index = static_cast<int>(plan.nodes.size());
        plan.nodes.emplace_back();
        Node& n = plan.nodes.back();
        n.parent = item.parent;
        if (item.parent >= 0)
            plan.nodes[static_cast<std::size_t>(item.parent)].children.push_back(index);
        children.clear();
        n.raw.reserve(item.object->size());
        for (auto it = item.object->cbegin(); it != item.object->cend(); ++it) {
            const std::string& key = it.key();
            if (key == "Plans" && it->is_array()) {
                for (const json& c : *it) {
                    if (c.is_object())
                        children.push_back(&c);
                }
                if (children.size() != it->size())
                    plan.notes.push_back(
                        fmt::format("Node {} lists child plans that are not objects; they "
                                    "were skipped.",
                                    index));
                continue;
            }
            n.raw.emplace_back(key, jsonText(*it));
            if (const auto f = fields.find(key); f != fields.end())
                setField(n, f->second, key, *it);
        }
        if (n.nodeType.empty())
            n.nodeType = "Unknown";
        if (n.actualLoops || n.actualRows)
            plan.analyzed = true;
        for (auto c = children.rbegin(); c != children.rend(); ++c)
            stack.push_back(Item{*c, index});
    }
    return plan;
}

} // namespace dbt::plans::detail
