// PostgreSQL's text EXPLAIN, as pasted into tickets.
//
// Nesting follows indentation: a node line starts with "->" (the first node has none) and its
// parent is the nearest earlier node whose "->" is further left. Lines such as
// "InitPlan 1 (returns $0)", "SubPlan 2" or "CTE name" label the next node. Other lines are
// "Key: value" properties of the current node; a property indented further than the node's
// first property belongs to the property above it ("Worker 0:" and its "Buffers:").
// "Planning Time", "Execution Time", "Planning:", "JIT:", "Trigger …", "Settings" lines at the
// root's indentation or left of it are plan-level. Every line is kept in a raw field.
#include "plans/jsontext.h"
#include "plans/parse.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <fmt/format.h>
#include <unordered_map>

namespace dbt::plans {

namespace {

using detail::jsonString;

std::string_view trimmed(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
        s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
        s.remove_suffix(1);
    return s;
}

bool startsWith(std::string_view s, std::string_view p) {
    return s.substr(0, p.size()) == p;
}

std::optional<double> parseNumber(std::string_view s) {
    s = trimmed(s);
    double d = 0;
    const auto r = std::from_chars(s.data(), s.data() + s.size(), d);
    if (r.ec != std::errc() || r.ptr == s.data())
        return std::nullopt;
    return d;
}

// Value after "name=" inside s, up to the next space, comma or parenthesis.
std::optional<std::string_view> valueAfter(std::string_view s, std::string_view name) {
    std::size_t pos = 0;
    while ((pos = s.find(name, pos)) != std::string_view::npos) {
        if (pos == 0 || s[pos - 1] == ' ' || s[pos - 1] == '(' || s[pos - 1] == ',') {
            const std::size_t start = pos + name.size();
            std::size_t end = start;
            while (end < s.size() && s[end] != ' ' && s[end] != ',' && s[end] != ')')
                ++end;
            return s.substr(start, end - start);
        }
        pos += name.size();
    }
    return std::nullopt;
}

std::optional<double> numberAfter(std::string_view s, std::string_view name) {
    const auto v = valueAfter(s, name);
    return v ? parseNumber(*v) : std::nullopt;
}

// "87kB" -> 87, "2MB" -> 2048.
std::optional<std::int64_t> kilobytes(std::string_view s) {
    s = trimmed(s);
    double d = 0;
    const auto r = std::from_chars(s.data(), s.data() + s.size(), d);
    if (r.ec != std::errc() || r.ptr == s.data())
        return std::nullopt;
    const std::string_view unit = trimmed(s.substr(static_cast<std::size_t>(r.ptr - s.data())));
    if (unit == "MB")
        d *= 1024;
    else if (unit == "GB")
        d *= 1024 * 1024;
    else if (unit == "bytes" || unit == "B")
        d /= 1024;
    return detail::toInt64(d);
}

// Number after "Label:" inside a line of several "Label: value" parts separated by two spaces.
std::optional<std::string_view> part(std::string_view s, std::string_view label) {
    std::size_t pos = 0;
    while ((pos = s.find(label, pos)) != std::string_view::npos) {
        if (pos == 0 || s[pos - 1] == ' ') {
            std::size_t start = pos + label.size();
            while (start < s.size() && s[start] == ' ')
                ++start;
            std::size_t end = s.find("  ", start);
            if (end == std::string_view::npos)
                end = s.size();
            return trimmed(s.substr(start, end - start));
        }
        pos += label.size();
    }
    return std::nullopt;
}

constexpr std::array kNodeTypes = {
    std::string_view("Result"),
    std::string_view("ProjectSet"),
    std::string_view("ModifyTable"),
    std::string_view("Append"),
    std::string_view("Merge Append"),
    std::string_view("Recursive Union"),
    std::string_view("BitmapAnd"),
    std::string_view("BitmapOr"),
    std::string_view("Nested Loop"),
    std::string_view("Merge Join"),
    std::string_view("Hash Join"),
    std::string_view("Seq Scan"),
    std::string_view("Sample Scan"),
    std::string_view("Gather"),
    std::string_view("Gather Merge"),
    std::string_view("Index Scan"),
    std::string_view("Index Only Scan"),
    std::string_view("Bitmap Index Scan"),
    std::string_view("Bitmap Heap Scan"),
    std::string_view("Tid Scan"),
    std::string_view("Tid Range Scan"),
    std::string_view("Subquery Scan"),
    std::string_view("Function Scan"),
    std::string_view("Table Function Scan"),
    std::string_view("Values Scan"),
    std::string_view("CTE Scan"),
    std::string_view("Named Tuplestore Scan"),
    std::string_view("WorkTable Scan"),
    std::string_view("Foreign Scan"),
    std::string_view("Custom Scan"),
    std::string_view("Materialize"),
    std::string_view("Memoize"),
    std::string_view("Sort"),
    std::string_view("Incremental Sort"),
    std::string_view("Group"),
    std::string_view("Aggregate"),
    std::string_view("WindowAgg"),
    std::string_view("Unique"),
    std::string_view("SetOp"),
    std::string_view("LockRows"),
    std::string_view("Limit"),
    std::string_view("Hash"),
};

bool knownNodeType(std::string_view t) {
    return std::find(kNodeTypes.begin(), kNodeTypes.end(), t) != kNodeTypes.end();
}

// Splits "public.orders o" / "\"Odd Name\" x" into words, keeping quoted parts together.
std::vector<std::string> words(std::string_view s) {
    std::vector<std::string> out;
    std::string cur;
    bool quoted = false;
    for (const char c : s) {
        if (c == '"')
            quoted = !quoted;
        if (c == ' ' && !quoted) {
            if (!cur.empty())
                out.push_back(std::move(cur));
            cur.clear();
        } else {
            cur += c;
        }
    }
    if (!cur.empty())
        out.push_back(std::move(cur));
    return out;
}

// Fills type, join type, strategy, relation, index ... from "Index Scan Backward using i on t x".
void parseDescription(std::string_view desc, Node& n) {
    std::string_view type = desc;
    std::string_view target;
    if (const std::size_t on = desc.find(" on "); on != std::string_view::npos) {
        type = desc.substr(0, on);
        target = desc.substr(on + 4);
    }
    if (const std::size_t u = type.find(" using "); u != std::string_view::npos) {
        n.index = std::string(trimmed(type.substr(u + 7)));
        type = type.substr(0, u);
    }
    if (startsWith(type, "Parallel ")) {
        n.parallelAware = true;
        type.remove_prefix(9);
    }
    if (startsWith(type, "Partial ")) {
        n.partialMode = "Partial";
        type.remove_prefix(8);
    } else if (startsWith(type, "Finalize ")) {
        n.partialMode = "Finalize";
        type.remove_prefix(9);
    }
    if (type.size() > 9 && type.substr(type.size() - 9) == " Backward") {
        n.scanDirection = "Backward";
        type.remove_suffix(9);
    }
    std::string t(type);
    if (t == "HashAggregate" || t == "GroupAggregate" || t == "MixedAggregate" ||
        t == "Aggregate") {
        n.strategy = t == "HashAggregate"    ? "Hashed"
                     : t == "GroupAggregate" ? "Sorted"
                     : t == "MixedAggregate" ? "Mixed"
                                             : "Plain";
        t = "Aggregate";
    } else if (startsWith(t, "HashSetOp") || startsWith(t, "SetOp")) {
        n.strategy = startsWith(t, "Hash") ? "Hashed" : "Sorted";
        t = "SetOp";
    } else if (t == "Insert" || t == "Update" || t == "Delete" || t == "Merge") {
        n.operation = t;
        t = "ModifyTable";
    } else if (t.size() > 5 && t.substr(t.size() - 5) == " Join") {
        // "Hash Left Join", "Merge Full Join", "Nested Loop Anti Join", "Hash Join".
        std::string base;
        std::size_t prefix = 0;
        if (startsWith(t, "Hash ")) {
            base = "Hash Join";
            prefix = 5;
        } else if (startsWith(t, "Merge ")) {
            base = "Merge Join";
            prefix = 6;
        } else if (startsWith(t, "Nested Loop ")) {
            base = "Nested Loop";
            prefix = 12;
        }
        if (!base.empty()) {
            // What is left between the prefix and " Join": "", "Left", "Right Anti", ...
            const std::string rest =
                t.size() > prefix + 5 ? t.substr(prefix, t.size() - prefix - 5) : std::string();
            n.joinType = rest.empty() ? "Inner" : rest;
            t = base;
        }
    } else if (t == "Nested Loop") {
        n.joinType = "Inner";
    } else if (startsWith(t, "Custom Scan")) {
        t = "Custom Scan";
    } else if (startsWith(t, "Foreign ")) {
        t = "Foreign Scan";
    }
    n.nodeType = std::move(t);
    if (!target.empty()) {
        const auto w = words(trimmed(target));
        if (!w.empty()) {
            std::string name = w[0];
            if (n.nodeType == "Bitmap Index Scan") {
                n.index = name;
            } else if (n.nodeType == "CTE Scan" || n.nodeType == "WorkTable Scan") {
                n.cteName = name;
            } else if (n.nodeType == "Function Scan") {
                n.functionName = name;
            } else {
                const std::size_t dot = name.find('.');
                if (dot != std::string::npos && name.front() != '"') {
                    n.schema = name.substr(0, dot);
                    name = name.substr(dot + 1);
                }
                n.relation = name;
            }
            n.alias = w.size() > 1 ? w[1] : name;
        }
    }
}

// Parses a node line without its "->". Returns false when it does not read as a node.
bool parseNodeLine(std::string_view line, Node& n) {
    std::size_t paren = std::string_view::npos;
    for (const std::string_view marker : {" (cost=", " (actual ", " (never executed)"}) {
        const std::size_t p = line.find(marker);
        if (p != std::string_view::npos && p < paren)
            paren = p;
    }
    const std::string_view desc = trimmed(line.substr(0, paren));
    parseDescription(desc, n);
    if (paren == std::string_view::npos)
        return knownNodeType(n.nodeType) || n.nodeType == "Foreign Scan";
    std::string_view rest = line.substr(paren);
    while (true) {
        const std::size_t open = rest.find('(');
        if (open == std::string_view::npos)
            break;
        const std::size_t close = rest.find(')', open);
        if (close == std::string_view::npos)
            break;
        const std::string_view group = rest.substr(open + 1, close - open - 1);
        if (startsWith(group, "cost=")) {
            const auto costs = valueAfter(group, "cost=");
            if (costs) {
                const std::size_t dots = costs->find("..");
                if (dots != std::string_view::npos) {
                    n.startupCost = parseNumber(costs->substr(0, dots));
                    n.totalCost = parseNumber(costs->substr(dots + 2));
                }
            }
            n.planRows = numberAfter(group, "rows=");
            n.planWidth = numberAfter(group, "width=");
        } else if (startsWith(group, "actual ")) {
            if (const auto time = valueAfter(group, "time=")) {
                const std::size_t dots = time->find("..");
                if (dots != std::string_view::npos) {
                    n.actualStartupTimeMs = parseNumber(time->substr(0, dots));
                    n.actualTotalTimeMs = parseNumber(time->substr(dots + 2));
                }
            }
            n.actualRows = numberAfter(group, "rows=");
            n.actualLoops = numberAfter(group, "loops=");
        } else if (group == "never executed") {
            n.neverExecuted = true;
            n.actualLoops = 0;
            n.actualRows = 0;
            n.actualStartupTimeMs = 0;
            n.actualTotalTimeMs = 0;
        }
        rest = rest.substr(close + 1);
    }
    return true;
}

// Appends key -> value; a repeated key gets " #2", " #3", ... (seen counts the keys so far).
void addRaw(RawFields& raw, std::unordered_map<std::string, int>& seen, std::string key,
            std::string_view value) {
    const int same = seen[key]++;
    if (same > 0)
        key += fmt::format(" #{}", same + 1);
    raw.emplace_back(std::move(key), jsonString(value));
}

void parseBuffers(std::string_view v, Buffers& b) {
    // "shared hit=5 read=3 dirtied=1 written=2, local hit=1, temp read=3 written=4"
    std::size_t pos = 0;
    while (pos < v.size()) {
        std::size_t end = v.find(", ", pos);
        if (end == std::string_view::npos)
            end = v.size();
        const std::string_view group = trimmed(v.substr(pos, end - pos));
        auto get = [&](std::string_view name) {
            const auto d = numberAfter(group, name);
            return d ? std::max<std::int64_t>(0, detail::toInt64(*d)) : 0;
        };
        if (startsWith(group, "shared ")) {
            b.sharedHit = get("hit=");
            b.sharedRead = get("read=");
            b.sharedDirtied = get("dirtied=");
            b.sharedWritten = get("written=");
        } else if (startsWith(group, "local ")) {
            b.localHit = get("hit=");
            b.localRead = get("read=");
            b.localDirtied = get("dirtied=");
            b.localWritten = get("written=");
        } else if (startsWith(group, "temp ")) {
            b.tempRead = get("read=");
            b.tempWritten = get("written=");
        }
        pos = end + 2;
    }
}

void setProperty(Node& n, std::string_view key, std::string_view value) {
    if (key == "Filter" || key == "Index Cond" || key == "Recheck Cond" || key == "Join Filter" ||
        key == "Hash Cond" || key == "Merge Cond" || key == "One-Time Filter" ||
        key == "TID Cond" || key == "Order By") {
        n.conditions.emplace_back(std::string(key), std::string(value));
    } else if (key == "Rows Removed by Filter") {
        n.rowsRemovedByFilter = parseNumber(value);
    } else if (key == "Rows Removed by Join Filter") {
        n.rowsRemovedByJoinFilter = parseNumber(value);
    } else if (key == "Rows Removed by Index Recheck") {
        n.rowsRemovedByIndexRecheck = parseNumber(value);
    } else if (key == "Heap Fetches") {
        n.heapFetches = parseNumber(value);
    } else if (key == "Heap Blocks") {
        n.exactHeapBlocks = numberAfter(value, "exact=");
        n.lossyHeapBlocks = numberAfter(value, "lossy=");
        if (!n.exactHeapBlocks && n.lossyHeapBlocks)
            n.exactHeapBlocks = 0;
        if (n.exactHeapBlocks && !n.lossyHeapBlocks)
            n.lossyHeapBlocks = 0;
    } else if (key == "Buffers") {
        n.hasBuffers = true;
        parseBuffers(value, n.buffers);
    } else if (key == "Sort Method") {
        // "quicksort  Memory: 25kB", "external merge  Disk: 1432kB"
        const std::size_t two = value.find("  ");
        n.sortMethod = std::string(trimmed(value.substr(0, two)));
        if (const auto mem = part(value, "Memory:")) {
            n.sortSpaceType = "Memory";
            n.sortSpaceUsedKb = kilobytes(*mem);
        } else if (const auto disk = part(value, "Disk:")) {
            n.sortSpaceType = "Disk";
            n.sortSpaceUsedKb = kilobytes(*disk);
        }
    } else if (key == "Buckets") {
        // "65536 (originally 1024)  Batches: 4 (originally 1)  Memory Usage: 4097kB"
        const std::string_view whole = value;
        const std::size_t two = whole.find("  ");
        const std::string_view buckets = whole.substr(0, two);
        if (const auto b = parseNumber(buckets))
            n.hashBuckets = detail::toInt64(*b);
        if (const auto o = numberAfter(buckets, "(originally "); o)
            n.originalHashBuckets = detail::toInt64(*o);
        else
            n.originalHashBuckets = n.hashBuckets;
        if (const auto batches = part(whole, "Batches:")) {
            if (const auto b = parseNumber(*batches))
                n.hashBatches = detail::toInt64(*b);
            const std::size_t orig = batches->find("(originally ");
            if (orig != std::string_view::npos) {
                if (const auto o = parseNumber(batches->substr(orig + 12)))
                    n.originalHashBatches = detail::toInt64(*o);
            } else {
                n.originalHashBatches = n.hashBatches;
            }
        }
        if (const auto mem = part(whole, "Memory Usage:"))
            n.peakMemoryKb = kilobytes(*mem);
    } else if (key == "Batches" || key == "Planned Partitions") {
        // HashAggregate, PostgreSQL 13+: "Batches: 5  Memory Usage: 4145kB  Disk Usage: 8872kB"
        // or "Planned Partitions: 4  Batches: 85  Memory Usage: 177kB  Disk Usage: 7080kB"
        const auto batches = key == "Batches" ? std::optional(value.substr(0, value.find("  ")))
                                              : part(value, "Batches:");
        if (batches) {
            if (const auto b = parseNumber(*batches))
                n.hashBatches = detail::toInt64(*b);
        }
        if (const auto mem = part(value, "Memory Usage:"))
            n.peakMemoryKb = kilobytes(*mem);
        if (const auto disk = part(value, "Disk Usage:"))
            n.diskUsageKb = kilobytes(*disk);
    } else if (key == "Workers Planned") {
        if (const auto w = parseNumber(value))
            n.workersPlanned = detail::toInt(*w);
    } else if (key == "Workers Launched") {
        if (const auto w = parseNumber(value))
            n.workersLaunched = detail::toInt(*w);
    }
}

bool isJoin(const Node& n) {
    return n.nodeType == "Nested Loop" || n.nodeType == "Hash Join" || n.nodeType == "Merge Join";
}

struct Open {
    int col;
    int node;
    int propCol = -1;
    std::string lastProp;
    std::unordered_map<std::string, int> seen; // raw keys of the node so far
};

} // namespace

Plan parsePostgresText(std::string_view text) {
    Plan plan;
    plan.dialect = Dialect::PostgresText;
    std::vector<Open> stack;
    struct Label {
        int col;
        std::string text;
    };
    std::optional<Label> label;
    int rootCol = -1;
    bool planLevel = false;
    std::string block; // current plan-level block ("Planning", "JIT")
    std::unordered_map<std::string, int> planSeen;
    int lineNo = 0;

    std::size_t pos = 0;
    while (pos < text.size()) {
        std::size_t nl = text.find('\n', pos);
        if (nl == std::string_view::npos)
            nl = text.size();
        const std::string_view rawLine = text.substr(pos, nl - pos);
        pos = nl + 1;
        ++lineNo;
        int col = 0;
        while (static_cast<std::size_t>(col) < rawLine.size() &&
               (rawLine[static_cast<std::size_t>(col)] == ' ' ||
                rawLine[static_cast<std::size_t>(col)] == '\t'))
            ++col;
        std::string_view content = trimmed(rawLine);
        if (content.empty())
            continue;

        const bool arrow = startsWith(content, "->");
        if (arrow || plan.nodes.empty()) {
            if (!arrow && plan.nodes.empty() && planLevel)
                continue;
            Node n;
            const std::string_view body = arrow ? trimmed(content.substr(2)) : content;
            if (!parseNodeLine(body, n)) {
                if (plan.nodes.empty())
                    throw PlanError(fmt::format(
                        "The text does not read as a PostgreSQL plan: line {} should be a plan "
                        "node such as \"Seq Scan on t  (cost=0.00..35.50 rows=2550 width=4)\".",
                        lineNo));
                plan.notes.push_back(fmt::format(
                    "Line {} reads as a plan node of an unknown type \"{}\".", lineNo, n.nodeType));
            }
            const int index = static_cast<int>(plan.nodes.size());
            while (!stack.empty() && stack.back().col >= col)
                stack.pop_back();
            if (plan.nodes.empty()) {
                rootCol = col;
            } else if (stack.empty()) {
                plan.notes.push_back(fmt::format(
                    "Line {} is not indented under the first node; it was attached to it.",
                    lineNo));
                stack.push_back(Open{rootCol, 0, -1, {}, {}});
            }
            if (!stack.empty()) {
                n.parent = stack.back().node;
                Node& parent = plan.nodes[static_cast<std::size_t>(n.parent)];
                if (label && label->col < col && label->col > stack.back().col) {
                    n.subplanName = label->text;
                    n.parentRelationship =
                        startsWith(label->text, "SubPlan") ? "SubPlan" : "InitPlan";
                } else if (parent.nodeType == "Append" || parent.nodeType == "Merge Append") {
                    n.parentRelationship = "Member";
                } else if (parent.nodeType == "Subquery Scan") {
                    n.parentRelationship = "Subquery";
                } else if (isJoin(parent)) {
                    int regular = 0;
                    for (const int c : parent.children) {
                        const std::string& rel =
                            plan.nodes[static_cast<std::size_t>(c)].parentRelationship;
                        if (rel == "Outer" || rel == "Inner")
                            ++regular;
                    }
                    n.parentRelationship = regular == 0 ? "Outer" : "Inner";
                } else {
                    n.parentRelationship = "Outer";
                }
                parent.children.push_back(index);
            }
            label.reset();
            n.raw.emplace_back("Node", jsonString(body));
            if (n.actualLoops)
                plan.analyzed = true;
            plan.nodes.push_back(std::move(n));
            stack.push_back(Open{col, index, -1, {}, {{"Node", 1}}});
            continue;
        }

        // Plan-level lines: at the root's indentation or left of it, or inside such a block.
        const std::size_t colon = content.find(':');
        const std::string_view key =
            colon == std::string_view::npos ? content : trimmed(content.substr(0, colon));
        const std::string_view value = colon == std::string_view::npos
                                           ? std::string_view()
                                           : trimmed(content.substr(colon + 1));
        const bool planKey = key == "Planning Time" || key == "Execution Time" ||
                             key == "Total runtime" || key == "Planning" || key == "JIT" ||
                             key == "Settings" || key == "Query Identifier" ||
                             key == "Serialization" || startsWith(key, "Trigger ");
        if (col <= rootCol && !planLevel && !planKey && plan.nodes.size() == 1) {
            // The first line was pasted with more indentation than the lines under it.
            rootCol = col - 1;
            stack.assign(1, Open{rootCol, 0, -1, {}, {}});
        }
        if (col <= rootCol) {
            planLevel = true;
            block.clear();
            if (key == "Planning Time") {
                plan.planningTimeMs = parseNumber(value);
            } else if (key == "Execution Time" || key == "Total runtime") {
                plan.executionTimeMs = parseNumber(value);
            } else if (startsWith(key, "Trigger ")) {
                Trigger t;
                t.name = std::string(key.substr(8));
                const std::size_t on = t.name.rfind(" on ");
                if (on != std::string::npos) {
                    t.relation = t.name.substr(on + 4);
                    t.name.erase(on);
                }
                t.timeMs = numberAfter(value, "time=");
                t.calls = numberAfter(value, "calls=");
                plan.triggers.push_back(std::move(t));
            } else if (key == "Settings") {
                // "work_mem = '64kB', random_page_cost = '1.1'"
                std::string name;
                std::string val;
                bool inName = true;
                bool quoted = false;
                auto flush = [&] {
                    const std::string_view nm = trimmed(name);
                    if (!nm.empty())
                        plan.settings.emplace_back(std::string(nm), val);
                    name.clear();
                    val.clear();
                    inName = true;
                };
                for (std::size_t i = 0; i < value.size(); ++i) {
                    const char c = value[i];
                    if (quoted) {
                        if (c == '\'' && i + 1 < value.size() && value[i + 1] == '\'') {
                            val += '\'';
                            ++i;
                        } else if (c == '\'') {
                            quoted = false;
                        } else {
                            val += c;
                        }
                    } else if (c == '\'') {
                        quoted = true;
                    } else if (c == '=' && inName) {
                        inName = false;
                    } else if (c == ',') {
                        flush();
                    } else if (inName) {
                        name += c;
                    } else if (c != ' ') {
                        val += c;
                    }
                }
                flush();
            } else if (value.empty() && colon != std::string_view::npos) {
                block = std::string(key); // "Planning:", "JIT:"
            }
            addRaw(plan.raw, planSeen, std::string(key), value);
            continue;
        }
        if (planLevel) {
            if (block == "JIT") {
                plan.jit += (plan.jit.empty() ? "" : "; ") + std::string(content);
            }
            addRaw(plan.raw, planSeen,
                   (block.empty() ? std::string() : block + " / ") + std::string(key), value);
            continue;
        }

        // "InitPlan 1 (returns $0)", "SubPlan 2", "CTE name": labels of the next node.
        if (colon == std::string_view::npos &&
            (startsWith(content, "InitPlan") || startsWith(content, "SubPlan") ||
             startsWith(content, "CTE "))) {
            label = Label{col, std::string(content)};
            continue;
        }

        while (!stack.empty() && stack.back().col >= col)
            stack.pop_back();
        if (stack.empty()) {
            plan.notes.push_back(
                fmt::format("Line {} belongs to no node; it was skipped.", lineNo));
            continue;
        }
        Open& open = stack.back();
        Node& n = plan.nodes[static_cast<std::size_t>(open.node)];
        if (colon == std::string_view::npos) {
            addRaw(n.raw, open.seen, "Text", content);
            continue;
        }
        if (open.propCol < 0)
            open.propCol = col;
        if (col > open.propCol && !open.lastProp.empty()) {
            addRaw(n.raw, open.seen, open.lastProp + " / " + std::string(key), value);
            continue;
        }
        open.propCol = col;
        open.lastProp = std::string(key);
        addRaw(n.raw, open.seen, std::string(key), value);
        setProperty(n, key, value);
    }
    if (plan.nodes.empty())
        throw PlanError("The text holds no plan node; paste the output of EXPLAIN.");
    return plan;
}

} // namespace dbt::plans
