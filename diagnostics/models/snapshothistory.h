// In-memory history of one monitoring session: a bounded ring of snapshots for statement
// windows and per-statement figures over time, plus a light series of connection counts
// for the connection chart. Lives on the GUI thread; snapshots are shared, never copied.
#pragma once

#include "snapshot.h"

#include <cstddef>
#include <cstdint>
#include <deque>
#include <map>
#include <string>
#include <vector>

namespace dbt {

enum class StatementWindow { OneMinute, FiveMinutes, FifteenMinutes, SinceConnect };

// Seconds a window asks for; 0 for SinceConnect.
int windowSeconds(StatementWindow window);

struct ConnectionPoint {
    Micros at = 0;
    std::int64_t total = 0;
    std::int64_t usable = 0;
    std::map<std::string, std::int64_t> byState;
};

// A statement's work between two consecutive kept samples.
struct StatementPoint {
    Micros at = 0;      // end of the interval
    double seconds = 0; // length of the interval
    std::int64_t calls = 0;
    double totalTimeMs = 0;
    double meanTimeMs = 0; // of the interval's calls; 0 without calls
    std::int64_t rows = 0;
};

class SnapshotHistory {
public:
    struct Limits {
        // Every sample of the last keepAllMicros is kept; older ones only one per
        // thinSpacingMicros, and none older than maxAgeMicros (the first sample of the
        // session is always kept for "since connect"). Bounds memory whatever the interval.
        Micros keepAllMicros = 120'000'000;
        Micros thinSpacingMicros = 30'000'000;
        Micros maxAgeMicros = 16 * 60'000'000LL;
        std::size_t maxSnapshots = 200;
        // The connection series is small per point; 2 h at 1 s.
        Micros pointsMaxAgeMicros = 120 * 60'000'000LL;
        std::size_t maxPoints = 7200;
    };

    SnapshotHistory();
    explicit SnapshotHistory(Limits limits);

    void clear();
    // Samples must come in time order; an older or equal one is ignored (returns false).
    bool append(SnapshotPtr snapshot);

    bool empty() const { return snapshots_.empty(); }
    std::size_t size() const { return snapshots_.size(); }
    SnapshotPtr latest() const;
    SnapshotPtr first() const { return first_; }
    const std::deque<SnapshotPtr>& snapshots() const { return snapshots_; }
    const std::deque<ConnectionPoint>& connectionPoints() const { return points_; }

    // The latest sample's statements as deltas over the window (scope Window, window start =
    // the baseline's time), with its server, probes and findings but no sessions or locks. When the
    // history is shorter than the window the baseline is the oldest kept sample, so the window is
    // shorter than asked: read statementWindowStart. Null with fewer than two samples. Cached until
    // the window's two samples change: the same
    // pointer comes back until then.
    SnapshotPtr statementWindow(StatementWindow window) const;

    // The statement (matched by id, database, user) between consecutive kept samples,
    // oldest first. Empty with fewer than two samples.
    std::vector<StatementPoint> statementSeries(const std::string& id, const std::string& database,
                                                const std::string& user) const;

private:
    void thin();

    Limits limits_;
    std::deque<SnapshotPtr> snapshots_;
    SnapshotPtr first_;
    std::deque<ConnectionPoint> points_;
    struct CachedWindow {
        SnapshotPtr baseline;
        SnapshotPtr later;
        SnapshotPtr window;
    };
    // Kept while the window's two samples are the same: between two reads of the statement
    // counters (every 10 s) the same snapshot comes back, and views can tell nothing changed.
    mutable std::map<StatementWindow, CachedWindow> windowCache_;
};

} // namespace dbt
