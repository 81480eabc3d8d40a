// Human text renderings of a snapshot: the CLI's summary (and later the bundle README).
#pragma once

#include "message.h"
#include "snapshot.h"

#include <functional>
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
    // How the headings, labels and findings (Messages, message.h) become text: English
    // (englishText) when empty; the CLI passes the user's language (diagnostics/i18n).
    std::function<std::string(const Message&)> text;
};

// Plain text for a terminal, 100 columns at most, findings first.
std::string renderTextSummary(const Snapshot& snapshot, const SummaryContext& context = {});

} // namespace dbt
