// Number formatting shared by the plan insights and the text rendering (internal).
#pragma once

#include <cstdint>
#include <string>

namespace dbt::plans::detail {

// "0.042 ms", "12.3 ms", "812 ms", "4.21 s".
std::string formatMs(double ms);
// Rounded count with separators: 1234.6 -> "1,235".
std::string formatRows(double rows);
// "12×", "1,250×", "3.4×".
std::string formatFactor(double factor);
// Blocks of 8 kB as "1,234 blocks (9.6 MiB)".
std::string formatBlocks(std::int64_t blocks);
// kB as "1.4 MiB".
std::string formatKb(std::int64_t kb);
// Costs: "1,234.56" below 1e6, otherwise rounded.
std::string formatCost(double cost);

} // namespace dbt::plans::detail
