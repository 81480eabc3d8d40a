#include "analysis.h"

#include "deltas.h"
#include "waitgraph.h"

#include <algorithm>

namespace dbt {

void analyseSnapshot(Snapshot& s, const std::vector<Finding>& preflight,
                     const FindingOptions& options) {
    WaitGraph graph = analyzeWaitGraph(s.sessions, s.lockWaits, s.heldLocks);
    s.rootBlockers = std::move(graph.roots);
    s.cycles = std::move(graph.cycles);
    std::vector<Finding> findings = preflight;
    std::vector<Finding> derived = deriveFindings(s, options);
    findings.insert(findings.end(), std::make_move_iterator(derived.begin()),
                    std::make_move_iterator(derived.end()));
    std::stable_sort(findings.begin(), findings.end(), [](const Finding& a, const Finding& b) {
        return static_cast<int>(a.severity) > static_cast<int>(b.severity);
    });
    s.findings = std::move(findings);
}

Snapshot withStatementWindow(const Snapshot& earlier, const Snapshot& later) {
    Snapshot out = later;
    StatementDelta delta = statementDeltas(earlier.statements, later.statements);
    out.statements = std::move(delta.statements);
    out.statementScope = StatementScope::Window;
    // Carried counters were read earlier than their sample: the window starts at the read.
    out.statementWindowStart = earlier.statementsAt();
    if (delta.resetDetected) {
        out.findings.push_back(Finding{
            Severity::Info,
            "statistics-reset",
            "Statement statistics were reset during the window; the figures of the affected "
            "statements count only the time since the reset.",
            "Compare a longer window later, or ask who reset the statistics.",
            {},
            {}});
    }
    return out;
}

} // namespace dbt
