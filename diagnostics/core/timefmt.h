// RFC 3339 timestamps (UTC) for the snapshot format and human durations' anchors.
#pragma once

#include "snapshot.h"

#include <optional>
#include <string>
#include <string_view>

namespace dbt {

// "2026-11-25T07:40:01.123456Z" (microseconds kept only when non-zero: "…T07:40:01Z").
std::string formatRfc3339(Micros t);
// Accepts "YYYY-MM-DDTHH:MM:SS[.frac](Z|±HH:MM)" and a space instead of 'T'.
std::optional<Micros> parseRfc3339(std::string_view text);
// The current time, for stamping a snapshot when the server did not give one.
Micros nowMicros();

} // namespace dbt
