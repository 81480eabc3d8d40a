// CSV files of a bundle (RFC 4180: comma, CRLF, fields with a comma, quote, CR or LF quoted,
// quotes doubled), safe to open in a spreadsheet: a text cell that starts with '=', '+', '-',
// '@', a tab or a carriage return gets a leading apostrophe, so that no query text or
// application name is ever run as a formula (CSV injection). Numbers are written as numbers.
#pragma once

#include "snapshot.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dbt {

// One text cell: guarded against formulas, then quoted when needed.
std::string csvText(std::string_view text);

class CsvWriter {
public:
    explicit CsvWriter(const std::vector<std::string>& header);
    CsvWriter& text(std::string_view value);
    CsvWriter& number(std::int64_t value);
    CsvWriter& number(double value); // shortest round-trip form, "0" for 0
    CsvWriter& number(const std::optional<double>& value);
    CsvWriter& number(const std::optional<std::int64_t>& value);
    CsvWriter& time(const OptMicros& value); // RFC 3339 UTC, empty when unknown
    CsvWriter& flag(bool value);             // "true" | "false"
    void endRow();
    const std::string& str() const { return out_; }

private:
    void separator();
    std::string out_;
    bool rowStarted_ = false;
};

// sessions.csv: one row per session of the snapshot.
std::string sessionsCsv(const Snapshot& snapshot);
// statements.csv: the snapshot's statements, by total time (window deltas for a series).
std::string statementsCsv(const Snapshot& snapshot);
// lock_waits.csv: one row per wait-for edge, with the root blocker it leads to.
std::string lockWaitsCsv(const Snapshot& snapshot);

} // namespace dbt
