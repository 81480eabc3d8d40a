#include "plans/render.h"

#include "message.h"
#include "plans/format.h"
#include "plans/jsontext.h"
#include "textutil.h"

#include <fmt/format.h>
#include <map>

namespace dbt::plans {

using detail::appendJsonNumber;
using detail::appendJsonString;
using detail::formatBlocks;
using detail::formatCost;
using detail::formatFactor;
using detail::formatKb;
using detail::formatMs;
using detail::formatRows;

namespace {

std::string buffersText(const Buffers& b) {
    std::vector<std::string> parts;
    if (b.sharedHit || b.sharedRead || b.sharedDirtied || b.sharedWritten) {
        std::string s =
            fmt::format("shared hit {} read {}", formatRows(static_cast<double>(b.sharedHit)),
                        formatRows(static_cast<double>(b.sharedRead)));
        if (b.sharedDirtied)
            s += fmt::format(" dirtied {}", formatRows(static_cast<double>(b.sharedDirtied)));
        if (b.sharedWritten)
            s += fmt::format(" written {}", formatRows(static_cast<double>(b.sharedWritten)));
        parts.push_back(std::move(s));
    }
    if (b.localHit || b.localRead || b.localDirtied || b.localWritten)
        parts.push_back(fmt::format("local hit {} read {} written {}",
                                    formatRows(static_cast<double>(b.localHit)),
                                    formatRows(static_cast<double>(b.localRead)),
                                    formatRows(static_cast<double>(b.localWritten))));
    if (b.tempRead || b.tempWritten)
        parts.push_back(fmt::format("temp read {} written {}",
                                    formatRows(static_cast<double>(b.tempRead)),
                                    formatRows(static_cast<double>(b.tempWritten))));
    std::string out;
    for (const auto& p : parts)
        out += (out.empty() ? "" : ", ") + p;
    return out;
}

std::string headline(const Node& n, bool analyzed) {
    std::string s = nodeLabel(n);
    std::vector<std::string> parts;
    if (n.totalCost)
        parts.push_back("cost " + formatCost(*n.totalCost));
    else if (n.derived.inclusiveCost)
        parts.push_back("cost " + formatCost(*n.derived.inclusiveCost));
    if (n.neverExecuted) {
        parts.push_back("never executed");
    } else if (analyzed && n.actualRows) {
        std::string rows = "rows " + formatRows(*n.actualRows);
        if (n.planRows)
            rows += " of " + formatRows(*n.planRows) + " planned";
        if (n.derived.rowFactor && *n.derived.rowFactor >= 2)
            rows += fmt::format(" ({} {})", formatFactor(*n.derived.rowFactor),
                                n.derived.underestimated ? "under" : "over");
        parts.push_back(std::move(rows));
        if (n.actualLoops && *n.actualLoops != 1)
            parts.push_back("loops " + formatRows(*n.actualLoops));
    } else if (n.planRows) {
        parts.push_back("rows " + formatRows(*n.planRows));
    }
    if (n.derived.inclusiveTimeMs && !n.neverExecuted) {
        std::string t = "time " + formatMs(*n.derived.inclusiveTimeMs);
        if (n.derived.exclusiveTimeMs)
            t += fmt::format(", self {} ({})", formatMs(*n.derived.exclusiveTimeMs),
                             formatPercent(n.derived.timeShare));
        parts.push_back(std::move(t));
    }
    if (!parts.empty()) {
        s += "  [";
        for (std::size_t i = 0; i < parts.size(); ++i)
            s += (i ? "; " : "") + parts[i];
        s += ']';
    }
    return s;
}

std::vector<std::string> detailLines(const Node& n) {
    std::vector<std::string> out;
    if (!n.subplanName.empty())
        out.push_back(n.subplanName);
    for (const auto& [name, text] : n.conditions)
        out.push_back(name + ": " + oneLine(text, 200));
    if (n.rowsRemovedByFilter)
        out.push_back(fmt::format(
            "Rows Removed by Filter: {}{}", formatRows(*n.rowsRemovedByFilter),
            n.derived.filterRemovedShare ? " (" + formatPercent(*n.derived.filterRemovedShare) + ")"
                                         : std::string()));
    if (n.rowsRemovedByJoinFilter)
        out.push_back(
            fmt::format("Rows Removed by Join Filter: {}", formatRows(*n.rowsRemovedByJoinFilter)));
    if (n.rowsRemovedByIndexRecheck)
        out.push_back(fmt::format("Rows Removed by Index Recheck: {}",
                                  formatRows(*n.rowsRemovedByIndexRecheck)));
    if (n.hasBuffers && n.buffers.any())
        out.push_back("Buffers: " + buffersText(n.buffers));
    if (!n.sortMethod.empty())
        out.push_back(fmt::format("Sort: {}{}", n.sortMethod,
                                  n.sortSpaceUsedKb ? fmt::format(", {} {}", n.sortSpaceType,
                                                                  formatKb(*n.sortSpaceUsedKb))
                                                    : std::string()));
    if (n.hashBatches)
        out.push_back(
            fmt::format("Batches: {}{}", formatRows(static_cast<double>(*n.hashBatches)),
                        n.peakMemoryKb ? ", memory " + formatKb(*n.peakMemoryKb) : std::string()));
    if (n.workersPlanned)
        out.push_back(fmt::format(
            "Workers: {} planned{}", *n.workersPlanned,
            n.workersLaunched ? fmt::format(", {} launched", *n.workersLaunched) : std::string()));
    if (n.heapFetches)
        out.push_back("Heap Fetches: " + formatRows(*n.heapFetches));
    if (n.lossyHeapBlocks && *n.lossyHeapBlocks > 0)
        out.push_back(fmt::format("Heap Blocks: exact {} lossy {}",
                                  formatRows(n.exactHeapBlocks.value_or(0)),
                                  formatRows(*n.lossyHeapBlocks)));
    if (!n.possibleKeys.empty())
        out.push_back("possible_keys: " + joinWithAnd(n.possibleKeys));
    if (n.rowsExaminedPerScan && n.nodeType == "table")
        out.push_back(
            fmt::format("rows examined per scan: {}{}", formatRows(*n.rowsExaminedPerScan),
                        n.filteredPercent ? fmt::format(", filtered {:.3g} %", *n.filteredPercent)
                                          : std::string()));
    if (n.actualFilteredPercent)
        out.push_back(fmt::format("r_filtered: {:.3g} %", *n.actualFilteredPercent));
    if (n.usingFilesort && n.nodeType != "filesort")
        out.push_back("using filesort");
    if (n.usingTemporary && n.nodeType != "temporary_table")
        out.push_back("using temporary table");
    return out;
}

std::string indentFor(int depth, int maxDepth) {
    if (depth <= maxDepth)
        return std::string(static_cast<std::size_t>(depth) * 2, ' ');
    return std::string(static_cast<std::size_t>(maxDepth) * 2, ' ') +
           fmt::format("[depth {}] ", depth);
}

} // namespace

std::string renderPlanText(const Plan& plan, const std::vector<Insight>& insights,
                           const RenderOptions& options) {
    const auto T = [&](const char* context, const char* text, std::vector<Message> args = {}) {
        Message m = phrase(context, text, std::move(args));
        return options.text ? options.text(m) : englishText(m);
    };
    const auto say = [&](const Message& m) {
        return options.text ? options.text(m) : englishText(m);
    };
    std::string out;
    out += plan.analyzed ? T(DBT_TR("PlanText", "Plan (%1, with actual times and rows)"),
                             {literal(std::string(dialectName(plan.dialect)))})
                         : T(DBT_TR("PlanText", "Plan (%1, estimates only)"),
                             {literal(std::string(dialectName(plan.dialect)))});
    if (plan.planningTimeMs)
        out += T(DBT_TR("PlanText", ", planning %1"), {literal(formatMs(*plan.planningTimeMs))});
    if (plan.executionTimeMs)
        out += T(DBT_TR("PlanText", ", execution %1"), {literal(formatMs(*plan.executionTimeMs))});
    else if (plan.totalTimeMs > 0)
        out += T(DBT_TR("PlanText", ", total %1"), {literal(formatMs(plan.totalTimeMs))});
    const auto nodes = static_cast<std::int64_t>(plan.nodes.size());
    out += (nodes == 1 ? T(DBT_TR("PlanText", ", 1 node"))
                       : T(DBT_TR("PlanText", ", %1 nodes"), {count(nodes)})) +
           "\n";
    for (const std::string& note : plan.notes)
        out += T(DBT_TR("PlanText", "Note: %1"), {literal(note)}) + '\n';

    std::multimap<int, const Insight*> byNode;
    for (const Insight& i : insights)
        byNode.emplace(i.node, &i);

    out += '\n';
    for (std::size_t i = 0; i < plan.nodes.size(); ++i) {
        const Node& n = plan.nodes[i];
        const std::string indent = indentFor(n.derived.depth, options.maxIndentDepth);
        out += indent;
        out += n.parent < 0 ? "" : "-> ";
        out += fmt::format("#{} ", i);
        out += headline(n, plan.analyzed);
        out += '\n';
        const std::string sub = indent + (n.parent < 0 ? "   " : "      ");
        if (options.details) {
            for (const std::string& line : detailLines(n))
                out += sub + line + '\n';
        }
        const auto [from, to] = byNode.equal_range(static_cast<int>(i));
        for (auto it = from; it != to; ++it)
            out += fmt::format("{}! {} {}\n", sub, severityName(it->second->severity),
                               it->second->code);
    }
    if (!plan.triggers.empty()) {
        out += "\n" + T(DBT_TR("PlanText", "Triggers:")) + "\n";
        for (const Trigger& t : plan.triggers)
            out += fmt::format(
                "  {}{}: {}{}\n", t.name, t.relation.empty() ? "" : " on " + t.relation,
                t.timeMs ? formatMs(*t.timeMs) : std::string("?"),
                t.calls ? T(DBT_TR("PlanText", ", %1 calls"), {literal(formatRows(*t.calls))})
                        : std::string());
    }
    if (!plan.settings.empty()) {
        out += "\n" + T(DBT_TR("PlanText", "Settings:"));
        for (const auto& [k, v] : plan.settings)
            out += fmt::format(" {} = '{}'", k, v);
        out += '\n';
    }

    out += '\n';
    if (insights.empty()) {
        out +=
            T(DBT_TR("PlanText", "Insights: none; nothing in this plan crosses the thresholds.")) +
            "\n";
        return out;
    }
    out += T(DBT_TR("PlanText", "Insights (%1):"),
             {literal(static_cast<std::int64_t>(insights.size()))}) +
           "\n";
    for (const Insight& i : insights) {
        const std::string message = i.messageText.empty() ? i.message : say(i.messageText);
        out += fmt::format("  {} #{} {}: {}\n", say(phrase("Finding", severityName(i.severity))),
                           i.node, i.code, message);
        if (!i.suggestion.empty())
            out += "      " +
                   T(DBT_TR("PlanText", "Try: %1"),
                     {literal(i.suggestionText.empty() ? i.suggestion : say(i.suggestionText))}) +
                   "\n";
    }
    return out;
}

namespace {

class Writer {
public:
    std::string out;

    void key(std::string_view k) {
        comma();
        appendJsonString(out, k);
        out += ':';
        first_ = true; // the value follows without a comma
        pendingValue_ = true;
    }
    void open(char c) {
        comma();
        out += c;
        first_ = true;
    }
    void close(char c) {
        out += c;
        first_ = false;
    }
    void str(std::string_view s) {
        comma();
        appendJsonString(out, s);
    }
    void num(double d) {
        comma();
        appendJsonNumber(out, d);
    }
    void integer(std::int64_t i) {
        comma();
        out += std::to_string(i);
    }
    void boolean(bool b) {
        comma();
        out += b ? "true" : "false";
    }
    void null() {
        comma();
        out += "null";
    }
    void rawValue(std::string_view json) {
        comma();
        out += json;
    }
    void opt(std::string_view k, const std::optional<double>& v) {
        if (!v)
            return;
        key(k);
        num(*v);
    }
    void optInt(std::string_view k, const std::optional<std::int64_t>& v) {
        if (!v)
            return;
        key(k);
        integer(*v);
    }
    void text(std::string_view k, const std::string& v) {
        if (v.empty())
            return;
        key(k);
        str(v);
    }

private:
    void comma() {
        if (pendingValue_) {
            pendingValue_ = false;
            first_ = false;
            return;
        }
        if (!first_)
            out += ',';
        first_ = false;
    }
    bool first_ = true;
    bool pendingValue_ = false;
};

void writeBuffers(Writer& w, const Buffers& b) {
    w.open('{');
    w.key("shared_hit");
    w.integer(b.sharedHit);
    w.key("shared_read");
    w.integer(b.sharedRead);
    w.key("shared_dirtied");
    w.integer(b.sharedDirtied);
    w.key("shared_written");
    w.integer(b.sharedWritten);
    w.key("local_hit");
    w.integer(b.localHit);
    w.key("local_read");
    w.integer(b.localRead);
    w.key("local_dirtied");
    w.integer(b.localDirtied);
    w.key("local_written");
    w.integer(b.localWritten);
    w.key("temp_read");
    w.integer(b.tempRead);
    w.key("temp_written");
    w.integer(b.tempWritten);
    w.close('}');
}

void writeRaw(Writer& w, const RawFields& raw) {
    w.open('{');
    for (const auto& [k, v] : raw) {
        w.key(k);
        w.rawValue(v);
    }
    w.close('}');
}

} // namespace

std::string planToJson(const Plan& plan, const std::vector<Insight>& insights) {
    Writer w;
    w.out.reserve(plan.nodes.size() * 600 + 1024);
    w.open('{');
    w.key("plan");
    w.open('{');
    w.key("dialect");
    w.str(dialectName(plan.dialect));
    w.key("analyzed");
    w.boolean(plan.analyzed);
    w.opt("planning_time_ms", plan.planningTimeMs);
    w.opt("execution_time_ms", plan.executionTimeMs);
    w.key("total_time_ms");
    w.num(plan.totalTimeMs);
    w.key("total_cost");
    w.num(plan.totalCost);
    w.key("settings");
    w.open('{');
    for (const auto& [k, v] : plan.settings) {
        w.key(k);
        w.str(v);
    }
    w.close('}');
    if (!plan.jit.empty()) {
        w.key("jit");
        if (plan.dialect == Dialect::PostgresJson)
            w.rawValue(plan.jit);
        else
            w.str(plan.jit);
    }
    w.key("triggers");
    w.open('[');
    for (const Trigger& t : plan.triggers) {
        w.open('{');
        w.key("name");
        w.str(t.name);
        w.text("relation", t.relation);
        w.opt("time_ms", t.timeMs);
        w.opt("calls", t.calls);
        w.close('}');
    }
    w.close(']');
    w.key("notes");
    w.open('[');
    for (const std::string& n : plan.notes)
        w.str(n);
    w.close(']');
    w.key("raw");
    writeRaw(w, plan.raw);
    w.key("nodes");
    w.open('[');
    for (std::size_t i = 0; i < plan.nodes.size(); ++i) {
        const Node& n = plan.nodes[i];
        const Derived& d = n.derived;
        w.open('{');
        w.key("id");
        w.integer(static_cast<std::int64_t>(i));
        w.key("parent");
        if (n.parent < 0)
            w.null();
        else
            w.integer(n.parent);
        w.key("children");
        w.open('[');
        for (const int c : n.children)
            w.integer(c);
        w.close(']');
        w.key("depth");
        w.integer(d.depth);
        w.key("label");
        w.str(nodeLabel(n));
        w.key("node_type");
        w.str(n.nodeType);
        w.text("parent_relationship", n.parentRelationship);
        w.text("subplan_name", n.subplanName);
        w.text("relation", n.relation.empty() ? n.tableName : n.relation);
        w.text("alias", n.alias);
        w.text("index", n.index.empty() ? n.key : n.index);
        w.key("derived");
        w.open('{');
        w.opt("inclusive_time_ms", d.inclusiveTimeMs);
        w.opt("exclusive_time_ms", d.exclusiveTimeMs);
        w.key("time_share");
        w.num(d.timeShare);
        w.opt("inclusive_cost", d.inclusiveCost);
        w.opt("exclusive_cost", d.exclusiveCost);
        w.key("cost_share");
        w.num(d.costShare);
        w.opt("row_factor", d.rowFactor);
        if (d.rowFactor) {
            w.key("row_estimate");
            w.str(d.underestimated ? "under" : "over");
        }
        w.opt("filter_removed_share", d.filterRemovedShare);
        w.opt("join_filter_removed_share", d.joinFilterRemovedShare);
        w.opt("recheck_removed_share", d.recheckRemovedShare);
        w.key("effective_loops");
        w.num(d.effectiveLoops);
        if (n.hasBuffers) {
            w.key("buffers");
            writeBuffers(w, n.buffers);
            w.key("exclusive_buffers");
            writeBuffers(w, d.exclusiveBuffers);
        }
        w.close('}');
        w.key("raw");
        writeRaw(w, n.raw);
        w.close('}');
    }
    w.close(']');
    w.close('}');
    w.key("insights");
    w.open('[');
    for (const Insight& i : insights) {
        w.open('{');
        w.key("node");
        w.integer(i.node);
        w.key("code");
        w.str(i.code);
        w.key("severity");
        w.str(severityName(i.severity));
        w.key("message");
        w.str(i.message);
        w.key("suggestion");
        w.str(i.suggestion);
        w.close('}');
    }
    w.close(']');
    w.close('}');
    w.out += '\n';
    return std::move(w.out);
}

} // namespace dbt::plans
