// Plan parse cost: a generated 10,000-node PostgreSQL EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON)
// plan, parsed + derived + checked for insights, against a bare nlohmann::json::parse of the
// same text. Prints the figures and the ratio (goal: at most 3×); never asserts.
//
// Usage: plan_parse [NODES] [REPEATS]
#include "plans/insights.h"
#include "plans/parse.h"
#include "plans/render.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

// A bushy plan: each node has up to three children, with the fields ANALYZE, BUFFERS and
// VERBOSE print, as nested "Plans" arrays.
std::string generatePlan(int nodes) {
    std::vector<std::vector<int>> children(static_cast<std::size_t>(nodes));
    for (int i = 1; i < nodes; ++i)
        children[static_cast<std::size_t>((i - 1) / 3)].push_back(i);
    static const char* types[] = {"Hash Join", "Seq Scan",    "Index Scan", "Sort",
                                  "Hash",      "Nested Loop", "Aggregate",  "Bitmap Heap Scan"};
    std::string out = "[\n  {\n    \"Plan\": ";
    struct Frame {
        int node;
        std::size_t next;
    };
    std::vector<Frame> stack{{0, 0}};
    auto open = [&](int i) {
        const char* type = types[static_cast<std::size_t>(i) % 8];
        char buf[1600];
        std::snprintf(
            buf, sizeof buf,
            "{\"Node Type\": \"%s\", \"Parent Relationship\": \"Outer\", \"Parallel Aware\": "
            "false, \"Async Capable\": false, \"Relation Name\": \"table_%d\", \"Schema\": "
            "\"public\", \"Alias\": \"t%d\", \"Startup Cost\": %d.25, \"Total Cost\": %d.75, "
            "\"Plan Rows\": %d, \"Plan Width\": 48, \"Actual Startup Time\": 0.%03d, \"Actual "
            "Total Time\": %d.%03d, \"Actual Rows\": %d, \"Actual Loops\": 1, \"Output\": "
            "[\"t%d.id\", \"t%d.customer_id\", \"t%d.amount\"], \"Filter\": \"(t%d.amount > "
            "'10'::numeric)\", \"Rows Removed by Filter\": %d, \"Shared Hit Blocks\": %d, "
            "\"Shared Read Blocks\": %d, \"Shared Dirtied Blocks\": 0, \"Shared Written "
            "Blocks\": 0, \"Local Hit Blocks\": 0, \"Local Read Blocks\": 0, \"Local Dirtied "
            "Blocks\": 0, \"Local Written Blocks\": 0, \"Temp Read Blocks\": 0, \"Temp Written "
            "Blocks\": 0, \"I/O Read Time\": 0.125, \"I/O Write Time\": 0.000",
            type, i, i, i, 100000 - i, 10 + i % 5000, i % 1000, 100000 - i, i % 1000, 5 + i % 3000,
            i, i, i, i, i % 700, 30 + i % 90, i % 40);
        out += buf;
    };
    open(0);
    while (!stack.empty()) {
        Frame& f = stack.back();
        const auto& kids = children[static_cast<std::size_t>(f.node)];
        if (f.next == 0 && !kids.empty())
            out += ", \"Plans\": [";
        if (f.next < kids.size()) {
            if (f.next > 0)
                out += ", ";
            const int child = kids[f.next++];
            open(child);
            stack.push_back(Frame{child, 0});
            continue;
        }
        out += kids.empty() ? "}" : "]}";
        stack.pop_back();
    }
    out += ",\n    \"Planning Time\": 1.234,\n    \"Triggers\": [],\n    \"Execution Time\": "
           "5678.9\n  }\n]\n";
    return out;
}

template<typename F> double bestMs(int repeats, F&& f) {
    double best = 1e300;
    for (int r = 0; r < repeats; ++r) {
        const auto start = Clock::now();
        f();
        const double ms = std::chrono::duration<double, std::milli>(Clock::now() - start).count();
        best = std::min(best, ms);
    }
    return best;
}

} // namespace

int main(int argc, char** argv) {
    const int nodes = argc > 1 ? std::max(1, std::atoi(argv[1])) : 10000;
    const int repeats = argc > 2 ? std::max(1, std::atoi(argv[2])) : 5;
    const std::string text = generatePlan(nodes);

    std::size_t sink = 0;
    const double bare = bestMs(repeats, [&] {
        const auto doc = nlohmann::json::parse(text);
        sink += doc.size();
    });
    std::size_t insightCount = 0;
    const double full = bestMs(repeats, [&] {
        const dbt::plans::Plan plan = dbt::plans::parsePlan(text);
        const auto insights = dbt::plans::findInsights(plan);
        insightCount = insights.size();
        sink += plan.nodes.size();
    });
    const double render = bestMs(repeats, [&] {
        const dbt::plans::Plan plan = dbt::plans::parsePlan(text);
        const auto insights = dbt::plans::findInsights(plan);
        sink += dbt::plans::planToJson(plan, insights).size();
    });

    std::printf("plan: %d nodes, %.1f MiB of JSON, best of %d runs\n", nodes,
                static_cast<double>(text.size()) / (1024.0 * 1024.0), repeats);
    std::printf("bare nlohmann::json::parse:        %8.1f ms\n", bare);
    std::printf("parse + derive + insights (%zu):  %8.1f ms\n", insightCount, full);
    std::printf("  … + JSON output:                 %8.1f ms\n", render);
    std::printf("ratio (parse + derive + insights) / bare parse: %.2f× (goal ≤ 3×)\n", full / bare);
    return sink == 0 ? 1 : 0;
}
