// Plan output for the CLI and bundles: an indented text tree with the insights, and JSON.
// Neither recurses; indentation stops growing past maxIndentDepth (deeper levels are shown
// with their depth number) so a plan nested thousands of levels deep prints in linear size.
#pragma once

#include "message.h"
#include "plans/insights.h"
#include "plans/plan.h"

#include <functional>
#include <string>
#include <vector>

namespace dbt::plans {

struct RenderOptions {
    int maxIndentDepth = 40;
    bool details = true; // conditions, buffers, sort/hash figures under each node
    // How the headings and the insights' sentences (Messages, message.h) become text: English
    // when empty; the CLI passes the user's language (diagnostics/i18n). Node lines keep
    // EXPLAIN's own (English) terms.
    std::function<std::string(const Message&)> text;
};

std::string renderPlanText(const Plan& plan, const std::vector<Insight>& insights,
                           const RenderOptions& options = {});

// {"plan": {"dialect", "analyzed", "planning_time_ms", "execution_time_ms", "total_time_ms",
//   "total_cost", "settings", "jit", "triggers", "notes", "raw", "nodes": [{"id", "parent",
//   "children", "depth", "label", "node_type", …, "derived": {…}, "raw": {…}}]},
//  "insights": [{"node", "code", "severity", "message", "suggestion"}]}
// Nodes are a flat list in pre-order (parents before children); raw fields are the engine's
// own JSON values (text plans: strings).
std::string planToJson(const Plan& plan, const std::vector<Insight>& insights);

} // namespace dbt::plans
