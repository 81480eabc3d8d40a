// Shared body of the plan fuzz targets: everything a parsed plan goes through.
#pragma once

#include "plans/derive.h"
#include "plans/insights.h"
#include "plans/parse.h"
#include "plans/render.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

namespace dbt::plans::fuzz {

inline std::string_view asText(const std::uint8_t* data, std::size_t size) {
    return {reinterpret_cast<const char*>(data), size};
}

inline void exercise(Plan& plan) {
    derive(plan);
    for (std::size_t i = 0; i < plan.nodes.size(); ++i) {
        const Node& n = plan.nodes[i];
        if (n.parent >= static_cast<int>(i))
            std::abort(); // the model's pre-order promise
        for (const int c : n.children) {
            if (c <= static_cast<int>(i) || c >= static_cast<int>(plan.nodes.size()))
                std::abort();
        }
    }
    const auto insights = findInsights(plan);
    (void)renderPlanText(plan, insights);
    (void)planToJson(plan, insights);
}

} // namespace dbt::plans::fuzz
