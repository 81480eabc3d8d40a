#include "models/snapshothistory.h"

#include "deltas.h"

#include <algorithm>

namespace dbt {

int windowSeconds(StatementWindow window) {
    switch (window) {
    case StatementWindow::OneMinute:
        return 60;
    case StatementWindow::FiveMinutes:
        return 5 * 60;
    case StatementWindow::FifteenMinutes:
        return 15 * 60;
    case StatementWindow::SinceConnect:
        return 0;
    }
    return 0;
}

SnapshotHistory::SnapshotHistory()
    : SnapshotHistory(Limits{}) {}

SnapshotHistory::SnapshotHistory(Limits limits)
    : limits_(limits) {}

void SnapshotHistory::clear() {
    snapshots_.clear();
    points_.clear();
    first_.reset();
    windowCache_.clear();
}

SnapshotPtr SnapshotHistory::latest() const {
    return snapshots_.empty() ? SnapshotPtr() : snapshots_.back();
}

bool SnapshotHistory::append(SnapshotPtr snapshot) {
    if (!snapshot)
        return false;
    if (!snapshots_.empty() && snapshot->collectedAt <= snapshots_.back()->collectedAt)
        return false;
    if (!first_)
        first_ = snapshot;
    ConnectionPoint point;
    point.at = snapshot->collectedAt;
    point.total = snapshot->connections.total;
    point.usable = snapshot->connections.usable();
    point.byState = snapshot->connections.byState;
    points_.push_back(std::move(point));
    while (
        points_.size() > limits_.maxPoints ||
        (points_.size() > 1 && points_.front().at < points_.back().at - limits_.pointsMaxAgeMicros))
        points_.pop_front();

    snapshots_.push_back(std::move(snapshot));
    thin();
    return true;
}

void SnapshotHistory::thin() {
    const Micros now = snapshots_.back()->collectedAt;
    std::deque<SnapshotPtr> kept;
    Micros lastKept = 0;
    for (const SnapshotPtr& s : snapshots_) {
        const Micros age = now - s->collectedAt;
        const bool isFirst = s == first_;
        bool keep = true;
        if (!isFirst && age > limits_.maxAgeMicros)
            keep = false;
        else if (!isFirst && age > limits_.keepAllMicros && !kept.empty() &&
                 (s->collectedAt - lastKept < limits_.thinSpacingMicros || !s->statementsFresh))
            keep = false; // thinned; of the older samples only those with fresh counters
        if (keep) {
            kept.push_back(s);
            lastKept = s->collectedAt;
        }
    }
    while (kept.size() > std::max<std::size_t>(limits_.maxSnapshots, 2)) {
        // Drop the oldest that is not the first sample.
        auto victim = kept.begin();
        if (*victim == first_)
            ++victim;
        kept.erase(victim);
    }
    snapshots_ = std::move(kept);
}

SnapshotPtr SnapshotHistory::statementWindow(StatementWindow window) const {
    if (snapshots_.size() < 2)
        return {};

    // Statement counters are read on their own cadence: only samples that read them
    // (statementsFresh) bound a window; the samples in between only carry those values.
    SnapshotPtr later;
    for (auto it = snapshots_.rbegin(); it != snapshots_.rend() && !later; ++it) {
        if ((*it)->statementsFresh)
            later = *it;
    }
    if (!later)
        return {};
    SnapshotPtr baseline = first_ && first_->statementsFresh ? first_ : SnapshotPtr();
    for (const SnapshotPtr& s : snapshots_) {
        if (!baseline && s->statementsFresh)
            baseline = s;
    }
    if (window != StatementWindow::SinceConnect) {
        const Micros start = later->collectedAt - Micros(windowSeconds(window)) * 1'000'000;
        // The oldest kept fresh sample at or after the window start (the first sample of the
        // session is kept even when older, and is skipped by this test); the oldest fresh
        // sample when the history is shorter than the window or has a gap.
        for (const SnapshotPtr& s : snapshots_) {
            if (s->statementsFresh && s->collectedAt >= start && s != later) {
                baseline = s;
                break;
            }
        }
    }
    if (!baseline || baseline == later)
        return {};
    auto cached = windowCache_.find(window);
    if (cached != windowCache_.end() && cached->second.baseline == baseline &&
        cached->second.later == later)
        return cached->second.window;
    // Like withStatementWindow(), without copying the sessions and locks of the sample: the
    // window snapshot only feeds the statement views, and a 2,000-session copy per refresh
    // is time the GUI thread does not have.
    auto out = std::make_shared<Snapshot>();
    out->collectedAt = later->collectedAt;
    out->server = later->server;
    out->probes = later->probes;
    out->findings = later->findings;
    out->redacted = later->redacted;
    out->toolVersion = later->toolVersion;
    StatementDelta delta = statementDeltas(baseline->statements, later->statements);
    out->statements = std::move(delta.statements);
    out->statementScope = StatementScope::Window;
    out->statementWindowStart = baseline->collectedAt;
    if (delta.resetDetected) {
        out->findings.push_back(Finding{
            Severity::Info,
            "statistics-reset",
            "Statement statistics were reset during the window; the figures of the affected "
            "statements count only the time since the reset.",
            "Compare a longer window later, or ask who reset the statistics.",
            {},
            {}});
    }
    SnapshotPtr result = std::move(out);
    windowCache_[window] = CachedWindow{baseline, later, result};
    return result;
}

namespace {

const StatementStat* findStatement(const Snapshot& s, const std::string& id,
                                   const std::string& database, const std::string& user) {
    for (const StatementStat& st : s.statements) {
        if (st.id == id && st.database == database && st.user == user)
            return &st;
    }
    return nullptr;
}

} // namespace

std::vector<StatementPoint> SnapshotHistory::statementSeries(const std::string& id,
                                                             const std::string& database,
                                                             const std::string& user) const {
    std::vector<StatementPoint> out;
    if (snapshots_.size() < 2)
        return out;
    out.reserve(snapshots_.size() - 1);
    // Between consecutive samples with fresh counters (carried ones repeat the last values).
    std::vector<const Snapshot*> fresh;
    for (const SnapshotPtr& s : snapshots_) {
        if (s->statementsFresh)
            fresh.push_back(s.get());
    }
    for (std::size_t i = 1; i < fresh.size(); ++i) {
        const Snapshot& a = *fresh[i - 1];
        const Snapshot& b = *fresh[i];
        StatementPoint p;
        p.at = b.collectedAt;
        p.seconds = double(b.collectedAt - a.collectedAt) / 1e6;
        const StatementStat* before = findStatement(a, id, database, user);
        const StatementStat* after = findStatement(b, id, database, user);
        if (after) {
            const bool reset = before && (after->calls < before->calls ||
                                          after->totalTimeMs < before->totalTimeMs);
            if (before && !reset) {
                p.calls = after->calls - before->calls;
                p.totalTimeMs = after->totalTimeMs - before->totalTimeMs;
                p.rows = after->rows - before->rows;
            } else {
                p.calls = after->calls;
                p.totalTimeMs = after->totalTimeMs;
                p.rows = after->rows;
            }
            p.meanTimeMs = p.calls > 0 ? p.totalTimeMs / double(p.calls) : 0;
        }
        out.push_back(p);
    }
    return out;
}

} // namespace dbt
