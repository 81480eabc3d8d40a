// Counter arithmetic that clamps instead of overflowing. Figures come from servers and from
// bundles a user opens, so any of them may be near the int64 limit; signed overflow would be
// undefined behaviour, and a clamped figure is still the right order of magnitude.
#pragma once

#include <cstdint>
#include <limits>

namespace dbt {

inline std::int64_t saturatingAdd(std::int64_t a, std::int64_t b) {
    std::int64_t r = 0;
    if (__builtin_add_overflow(a, b, &r))
        return b < 0 ? std::numeric_limits<std::int64_t>::min()
                     : std::numeric_limits<std::int64_t>::max();
    return r;
}

inline std::int64_t saturatingMul(std::int64_t a, std::int64_t b) {
    std::int64_t r = 0;
    if (__builtin_mul_overflow(a, b, &r))
        return (a < 0) != (b < 0) ? std::numeric_limits<std::int64_t>::min()
                                  : std::numeric_limits<std::int64_t>::max();
    return r;
}

// PostgreSQL's block counters in bytes (8 KiB blocks).
inline std::int64_t blocksToBytes(std::int64_t blocks) {
    return saturatingMul(blocks, 8192);
}

} // namespace dbt
