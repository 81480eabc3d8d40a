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

// Matches entries by (id, database, user). An entry whose calls or time went down was
// reset: its later value is the window's. meanTimeMs is recomputed for the window.
StatementDelta statementDeltas(const std::vector<StatementStat>& earlier,
                               const std::vector<StatementStat>& later);

} // namespace dbt
