// Human text renderings of a snapshot: the CLI's summary (and later the bundle README).
#pragma once

#include "snapshot.h"

#include <string>

namespace dbt {

struct SummaryContext {
    int samples = 1;
    int requestedSamples = 1;
    double intervalSeconds = 0;
    Micros firstAt = 0;
    int topStatements = 10;
    int maxRootBlockers = 10;
    int maxWaitersPerRoot = 8;
};

// Plain text for a terminal, 100 columns at most, findings first.
std::string renderTextSummary(const Snapshot& snapshot, const SummaryContext& context = {});

} // namespace dbt
