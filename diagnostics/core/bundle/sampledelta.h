// Samples of a bundle after the first are written as deltas of the sample before them, so
// that 30 samples of a server with 5,000 statements and 2,000 sessions stay a few MB:
// a statement entry (key: id, database, user) or a session entry (key: pid) leaves out every
// field whose value is the same in the previous sample's entry with the same key (the first
// one, when a key occurs twice). The sample says so with "delta_of_previous_sample": true.
// Expanding restores the full snapshot JSON exactly. No Qt.
#pragma once

#include <nlohmann/json.hpp>

namespace dbt {

// `previous` and `current` are full snapshot JSON documents (snapshotToJson).
nlohmann::json deltaOfPrevious(const nlohmann::json& previous, const nlohmann::json& current);

// The full document of a sample written by deltaOfPrevious (a document without the marker is
// returned as it is). Throws FormatError when the delta is malformed.
nlohmann::json expandDelta(const nlohmann::json& previous, const nlohmann::json& sample);

} // namespace dbt
