#include "plans/format.h"

#include "textutil.h"

#include <cmath>
#include <fmt/format.h>

namespace dbt::plans::detail {

std::string formatMs(double ms) {
    if (!std::isfinite(ms))
        return "? ms";
    if (ms >= 10000)
        return fmt::format("{:.1f} s", ms / 1000.0);
    if (ms >= 1000)
        return fmt::format("{:.2f} s", ms / 1000.0);
    if (ms >= 100)
        return fmt::format("{:.0f} ms", ms);
    if (ms >= 10)
        return fmt::format("{:.1f} ms", ms);
    if (ms >= 1)
        return fmt::format("{:.2f} ms", ms);
    return fmt::format("{:.3f} ms", ms);
}

std::string formatRows(double rows) {
    if (!std::isfinite(rows))
        return "?";
    if (rows > 0 && rows < 10 && std::floor(rows) != rows)
        return fmt::format("{:.2g}", rows);
    if (std::fabs(rows) >= 9.2e18)
        return fmt::format("{:.3g}", rows);
    return formatCount(static_cast<std::int64_t>(std::llround(rows)));
}

std::string formatFactor(double factor) {
    if (!std::isfinite(factor))
        return "?×";
    if (factor < 10)
        return fmt::format("{:.1f}×", factor);
    return formatRows(factor) + "×";
}

std::string formatBlocks(std::int64_t blocks) {
    const std::int64_t bytes = blocks > INT64_MAX / 8192 ? INT64_MAX : blocks * 8192;
    return fmt::format("{} ({})", plural(blocks, "block"), formatBytes(bytes));
}

std::string formatKb(std::int64_t kb) {
    return formatBytes(kb > INT64_MAX / 1024 ? INT64_MAX : kb * 1024);
}

std::string formatCost(double cost) {
    if (!std::isfinite(cost))
        return "?";
    if (cost >= 1e6)
        return formatRows(cost);
    return fmt::format("{:.2f}", cost);
}

} // namespace dbt::plans::detail
