#include "advisor/workload.h"

#include "advisor/querymodel.h"

#include <algorithm>
#include <map>

namespace dbt::advisor {

std::vector<WorkloadStatement> workloadFrom(const Snapshot& snapshot, int top, double minShare) {
    double total = 0;
    for (const auto& s : snapshot.statements)
        total += std::max(0.0, s.totalTimeMs);
    const bool pg = snapshot.server.engine == Engine::PostgreSQL;
    std::map<std::string, WorkloadStatement> merged;
    std::vector<std::string> order;
    for (const auto& s : snapshot.statements) {
        if (s.query.empty() || s.calls <= 0)
            continue;
        std::string key = pg ? fingerprint(s.query) : std::string();
        if (key.empty())
            key = s.query;
        key = s.database + "\x1f" + key;
        auto it = merged.find(key);
        if (it == merged.end()) {
            WorkloadStatement w;
            w.id = s.id;
            w.query = s.query;
            w.database = s.database;
            it = merged.emplace(key, w).first;
            order.push_back(key);
        }
        it->second.calls += static_cast<double>(s.calls);
        it->second.totalTimeMs += s.totalTimeMs;
    }
    std::vector<WorkloadStatement> out;
    for (const auto& k : order) {
        WorkloadStatement w = merged[k];
        w.share = total > 0 ? w.totalTimeMs / total : 0;
        if (w.share < minShare)
            continue;
        out.push_back(std::move(w));
    }
    std::stable_sort(out.begin(), out.end(),
                     [](const auto& a, const auto& b) { return a.totalTimeMs > b.totalTimeMs; });
    if (top >= 0 && out.size() > static_cast<std::size_t>(top))
        out.resize(static_cast<std::size_t>(top));
    return out;
}

} // namespace dbt::advisor
