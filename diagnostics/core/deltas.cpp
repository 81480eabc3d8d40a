#include "deltas.h"

#include "saturating.h"

#include <algorithm>
#include <map>
#include <string>
#include <tuple>

namespace dbt {

namespace {

using Key = std::tuple<std::string, std::string, std::string>; // id, database, user

Key keyOf(const StatementStat& s) {
    return {s.id, s.database, s.user};
}

// Sums entries that share a key (PostgreSQL 14+ reports one queryid twice, top-level and
// nested): both samples are folded the same way, so their difference stays right.
void accumulate(StatementStat& into, const StatementStat& s) {
    if (into.query.empty())
        into.query = s.query;
    into.calls = saturatingAdd(into.calls, s.calls);
    into.totalTimeMs += s.totalTimeMs;
    into.rows = saturatingAdd(into.rows, s.rows);
    into.sharedBlksHit = saturatingAdd(into.sharedBlksHit, s.sharedBlksHit);
    into.sharedBlksRead = saturatingAdd(into.sharedBlksRead, s.sharedBlksRead);
    into.tempBlksWritten = saturatingAdd(into.tempBlksWritten, s.tempBlksWritten);
    into.rowsExamined = saturatingAdd(into.rowsExamined, s.rowsExamined);
    into.noIndexUsed = saturatingAdd(into.noIndexUsed, s.noIndexUsed);
    into.tmpDiskTables = saturatingAdd(into.tmpDiskTables, s.tmpDiskTables);
    into.sortMergePasses = saturatingAdd(into.sortMergePasses, s.sortMergePasses);
}

std::map<Key, StatementStat> fold(const std::vector<StatementStat>& list) {
    std::map<Key, StatementStat> out;
    for (const StatementStat& s : list) {
        auto [it, inserted] = out.try_emplace(keyOf(s), s);
        if (!inserted)
            accumulate(it->second, s);
    }
    return out;
}

std::int64_t minus(std::int64_t later, std::int64_t earlier) {
    return later > earlier ? later - earlier : 0;
}

bool wentBackwards(const StatementStat& earlier, const StatementStat& later) {
    // Times are floating point sums kept by the server; allow for text round trips.
    const double tolerance = 1e-9 * std::max(1.0, earlier.totalTimeMs);
    return later.calls < earlier.calls || later.totalTimeMs < earlier.totalTimeMs - tolerance;
}

} // namespace

StatementDelta statementDeltas(const std::vector<StatementStat>& earlier,
                               const std::vector<StatementStat>& later) {
    StatementDelta result;
    const std::map<Key, StatementStat> before = fold(earlier);
    const std::map<Key, StatementStat> after = fold(later);

    for (const auto& [key, now] : after) {
        auto it = before.find(key);
        StatementStat d = now;
        if (it == before.end()) {
            ++result.newEntries;
        } else if (wentBackwards(it->second, now)) {
            result.resetDetected = true;
        } else {
            const StatementStat& then = it->second;
            d.calls = minus(now.calls, then.calls);
            d.totalTimeMs = std::max(0.0, now.totalTimeMs - then.totalTimeMs);
            d.rows = minus(now.rows, then.rows);
            d.sharedBlksHit = minus(now.sharedBlksHit, then.sharedBlksHit);
            d.sharedBlksRead = minus(now.sharedBlksRead, then.sharedBlksRead);
            d.tempBlksWritten = minus(now.tempBlksWritten, then.tempBlksWritten);
            d.rowsExamined = minus(now.rowsExamined, then.rowsExamined);
            d.noIndexUsed = minus(now.noIndexUsed, then.noIndexUsed);
            d.tmpDiskTables = minus(now.tmpDiskTables, then.tmpDiskTables);
            d.sortMergePasses = minus(now.sortMergePasses, then.sortMergePasses);
            if (d.query.empty())
                d.query = then.query;
        }
        if (d.calls <= 0)
            continue;
        d.meanTimeMs = d.totalTimeMs / static_cast<double>(d.calls);
        result.statements.push_back(std::move(d));
    }
    for (const auto& [key, then] : before) {
        if (!after.count(key))
            ++result.evictedEntries;
    }
    std::sort(result.statements.begin(), result.statements.end(),
              [](const StatementStat& a, const StatementStat& b) {
                  if (a.totalTimeMs != b.totalTimeMs)
                      return a.totalTimeMs > b.totalTimeMs;
                  if (a.calls != b.calls)
                      return a.calls > b.calls;
                  return std::tie(a.id, a.database, a.user) < std::tie(b.id, b.database, b.user);
              });
    return result;
}

} // namespace dbt
