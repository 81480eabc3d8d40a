// Statement counters between two samples: the window's work, not counters since reset.
#pragma once

#include "snapshot.h"

#include <vector>

namespace dbt {

struct StatementDelta {
    std::vector<StatementStat> statements; // only entries with calls > 0 in the window,
                                           // sorted by totalTimeMs desc
    bool resetDetected = false; // counters went backwards (stats reset): later taken whole
    int newEntries = 0;         // in later only (new or evicted and re-added): taken whole
    int evictedEntries = 0;     // in earlier only
};

// Matches entries by (id, database, user); entries sharing a key within one sample (PostgreSQL
// 14+ lists a queryid once top-level and once nested) are summed first. An entry whose calls
// or time went down was reset: its later value is the window's. Every other counter is
// subtracted and clamped at 0; meanTimeMs is recomputed for the window.
// Entries only in `later` are taken whole: callers that fetch only the top N statements per
// sample should fetch the earlier counters of the later top N too, or new entries overstate.
StatementDelta statementDeltas(const std::vector<StatementStat>& earlier,
                               const std::vector<StatementStat>& later);

} // namespace dbt
