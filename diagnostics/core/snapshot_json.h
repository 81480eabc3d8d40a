// The snapshot file format (docs/snapshot-format.md): "dbtriage-snapshot", format_version 1.
#pragma once

#include "snapshot.h"

#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>
#include <vector>

namespace dbt {

class FormatError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

nlohmann::json snapshotToJson(const Snapshot& snapshot);
// Throws FormatError with a sentence (wrong format, newer format_version, missing fields).
Snapshot snapshotFromJson(const nlohmann::json& json);

// Serialised text; invalid UTF-8 that slipped through is replaced, never thrown on.
std::string dumpJson(const nlohmann::json& json, int indent = 2);
// Parses text; throws FormatError with the position on malformed input.
nlohmann::json parseJson(const std::string& text);

} // namespace dbt
