// A JSON number read as a C++ number, for documents a user opens (bundles, snapshots,
// manifests): any field may hold any number. nlohmann's get<T>() casts a float to an
// integer type, which is undefined behaviour beyond the type's range (1.5e111 as a pid);
// here integer types saturate at their limits and a fraction is cut toward zero, as the
// counters do elsewhere (saturating.h).
#pragma once

#include <cmath>
#include <cstdint>
#include <limits>
#include <nlohmann/json.hpp>
#include <type_traits>

namespace dbt {

template<typename T> T jsonNumberAs(const nlohmann::json& v) {
    static_assert(std::is_arithmetic_v<T> && !std::is_same_v<T, bool>);
    if constexpr (std::is_floating_point_v<T>) {
        return v.get<T>();
    } else {
        using L = std::numeric_limits<T>;
        if (v.is_number_unsigned()) {
            const std::uint64_t u = v.get<std::uint64_t>();
            return u > static_cast<std::uint64_t>(L::max()) ? L::max() : static_cast<T>(u);
        }
        if (v.is_number_integer()) {
            const std::int64_t i = v.get<std::int64_t>();
            if constexpr (std::is_unsigned_v<T>) {
                if (i < 0)
                    return 0;
                return static_cast<std::uint64_t>(i) > static_cast<std::uint64_t>(L::max())
                           ? L::max()
                           : static_cast<T>(i);
            } else {
                if (i > static_cast<std::int64_t>(L::max()))
                    return L::max();
                if (i < static_cast<std::int64_t>(L::min()))
                    return L::min();
                return static_cast<T>(i);
            }
        }
        const double d = v.get<double>();
        if (std::isnan(d))
            return 0;
        // The limits as doubles round up (2^63 for int64): at or past them, saturate.
        if (d >= static_cast<double>(L::max()))
            return L::max();
        if (d <= static_cast<double>(L::min()))
            return L::min();
        return static_cast<T>(d);
    }
}

} // namespace dbt
