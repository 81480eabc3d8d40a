#include "report.h"

#include "message.h"
#include "textutil.h"
#include "timefmt.h"

#include <algorithm>
#include <fmt/format.h>
#include <map>
#include <set>
#include <type_traits>
#include <unordered_map>

namespace dbt {

namespace {

std::string serverLine(const Snapshot& s, const std::function<std::string(const Message&)>& T) {
    const ServerInfo& sv = s.server;
    const char* engine = sv.engine == Engine::PostgreSQL ? "PostgreSQL"
                         : sv.engine == Engine::MySQL    ? "MySQL"
                                                         : "MariaDB";
    std::string where = sv.host.empty() ? T(phrase(DBT_TR("Summary", "local socket"))) : sv.host;
    if (!sv.port.empty())
        where += ":" + sv.port;
    if (!sv.database.empty())
        where += "/" + sv.database;
    std::string line = T(phrase(DBT_TR("Summary", "%1 %2 at %3"),
                                {literal(engine), literal(sv.version), literal(where)}));
    if (!sv.user.empty())
        line += T(phrase(DBT_TR("Summary", " as %1"), {literal(sv.user)}));
    if (sv.inRecovery)
        line += T(phrase(DBT_TR("Summary", " (standby)")));
    return line;
}

// "RowExclusiveLock on public.orders, AccessShareLock on public.items", "" when none.
std::string describeHolds(const RootBlocker& r,
                          const std::function<std::string(const Message&)>& T) {
    if (r.holds.empty())
        return {};
    std::vector<std::string> parts;
    for (const HeldLock& h : r.holds) {
        if (parts.size() == 3) {
            parts.push_back(T(phrase(DBT_TR("Summary", "%1 more"),
                                     {literal(static_cast<std::int64_t>(r.holds.size() - 3))})));
            break;
        }
        parts.push_back(h.object.empty() ? h.mode
                                         : T(phrase(DBT_TR("Summary", "%1 on %2"),
                                                    {literal(h.mode), lockObject(h.object)})));
    }
    std::string out;
    for (std::size_t i = 0; i < parts.size(); ++i)
        out += (i ? ", " : "") + parts[i];
    return out;
}

} // namespace

std::string renderTextSummary(const Snapshot& s, const SummaryContext& ctx) {
    const std::function<std::string(const Message&)> T = [&](const Message& m) {
        return ctx.text ? ctx.text(m) : englishText(m);
    };
    const auto L = [&](const char* context, const char* text, std::vector<Message> args = {}) {
        return T(phrase(context, text, std::move(args)));
    };
    const auto lit = [](const auto& v) {
        if constexpr (std::is_convertible_v<decltype(v), std::string>)
            return literal(std::string(v));
        else
            return literal(static_cast<std::int64_t>(v));
    };
    const std::string redacted = s.redacted ? L(DBT_TR("Summary", " (query texts redacted)"))
                                            : L(DBT_TR("Summary", " (NOT redacted)"));
    std::string out;
    out += fmt::format("dbtriage — {}\n", serverLine(s, T));
    if (ctx.samples > 1) {
        out += L(DBT_TR("Summary", "%1 samples, %2 s apart, %3 → %4%5"),
                 {lit(ctx.samples), figure(fmt::format("{:g}", ctx.intervalSeconds)),
                  literal(formatRfc3339(ctx.firstAt)), literal(formatRfc3339(s.collectedAt)),
                  literal(redacted)}) +
               "\n";
    } else {
        out += L(DBT_TR("Summary", "Sampled at %1%2"),
                 {literal(formatRfc3339(s.collectedAt)), literal(redacted)}) +
               "\n";
    }

    // Connections
    const ConnectionCounts& c = s.connections;
    out += "\n" +
           L(DBT_TR("Summary", "Connections: %1 of %2 usable"), {lit(c.total), lit(c.usable())});
    if (c.max > 0)
        out += L(DBT_TR("Summary", " (max_connections %1, %2 reserved)"),
                 {lit(c.max), lit(c.reserved)});
    if (!c.byState.empty()) {
        std::vector<std::pair<std::string, std::int64_t>> states(c.byState.begin(),
                                                                 c.byState.end());
        std::stable_sort(states.begin(), states.end(),
                         [](const auto& a, const auto& b) { return a.second > b.second; });
        out += ": ";
        for (std::size_t i = 0; i < states.size(); ++i)
            out += fmt::format("{}{} {}", i ? ", " : "", states[i].second, states[i].first);
    }
    out += "\n";

    // Findings
    out += "\n" + L(DBT_TR("Summary", "Findings (%1):"), {lit(s.findings.size())}) + "\n";
    if (s.findings.empty())
        out += "  " + L(DBT_TR("Summary", "none: nothing above the thresholds.")) + "\n";
    const std::string labels[] = {L(DBT_TR("Summary", "INFO")), L(DBT_TR("Summary", "WARNING")),
                                  L(DBT_TR("Summary", "CRITICAL"))};
    std::size_t width = 0;
    for (const std::string& l : labels)
        width = std::max(width, utf8Length(l));
    const std::string indent(4 + width, ' ');
    for (const Finding& f : s.findings) {
        const std::string& label = labels[static_cast<int>(f.severity)];
        const std::string summary =
            T(f.summaryText.empty() ? phrase("Finding", f.summary.c_str()) : f.summaryText);
        out += "  " + label + std::string(width - utf8Length(label), ' ') + "  " + summary + "\n";
        if (!f.nextStep.empty()) {
            const std::string next =
                T(f.nextStepText.empty() ? phrase("Finding", f.nextStep.c_str()) : f.nextStepText);
            out += indent + L(DBT_TR("Summary", "Next: %1"), {literal(next)}) + "\n";
        }
        if (!f.command.empty())
            out += indent +
                   L(DBT_TR("Summary", "For a senior to run (dbtriage never runs it): %1"),
                     {literal(oneLine(f.command, 200))}) +
                   "\n";
    }

    // Root blockers with their direct waiters
    out += "\n" +
           L(DBT_TR("Summary", "Lock waits: %1 edge(s), %2 root blocker(s)"),
             {lit(s.lockWaits.size()), lit(s.rootBlockers.size())}) +
           "\n";
    std::unordered_map<std::int64_t, std::vector<const LockWait*>> waitersOf;
    for (const LockWait& w : s.lockWaits)
        waitersOf[w.blockingPid].push_back(&w);
    int shown = 0;
    for (const RootBlocker& r : s.rootBlockers) {
        if (shown++ == ctx.maxRootBlockers) {
            out += "  " +
                   L(DBT_TR("Summary", "… and %1 more root blockers"),
                     {lit(s.rootBlockers.size() - static_cast<std::size_t>(ctx.maxRootBlockers))}) +
                   "\n";
            break;
        }
        std::string age;
        if (r.transactionStart)
            age = L(DBT_TR("Summary", ", transaction open %1"),
                    {figure(formatDuration(
                        static_cast<double>(s.collectedAt - *r.transactionStart) / 1e6))});
        out += "  " +
               L(DBT_TR("Summary", "pid %1%2: %3%4%5, blocks %6 (%7 directly)"),
                 {lit(r.pid),
                  literal(r.inCycle ? L(DBT_TR("Summary", " (in a lock cycle)")) : std::string()),
                  literal(r.state.empty() ? L(DBT_TR("Summary", "unknown state")) : r.state),
                  literal(age),
                  literal(r.application.empty()
                              ? std::string()
                              : L(DBT_TR("Summary", ", application %1"), {lit(r.application)})),
                  lit(r.blockedTotal), lit(r.blockedDirect)}) +
               "\n";
        const std::string holds = describeHolds(r, T);
        if (!holds.empty())
            out += "      " + L(DBT_TR("Summary", "holds %1"), {literal(holds)}) + "\n";
        if (!r.query.empty())
            out += "      " +
                   L(DBT_TR("Summary", "last query: %1"), {literal(oneLine(r.query, 90))}) + "\n";
        std::set<std::int64_t> seen;
        int listed = 0;
        for (const LockWait* w : waitersOf[r.pid]) {
            if (!seen.insert(w->waitingPid).second)
                continue;
            if (listed++ == ctx.maxWaitersPerRoot) {
                out += "      └ …\n";
                break;
            }
            out += "      └ " +
                   (w->hard ? L(DBT_TR("Summary", "pid %1 waits for %2 on %3"),
                                {lit(w->waitingPid), lit(w->mode), lockObject(w->object)})
                            : L(DBT_TR("Summary", "pid %1 waits for %2 on %3 (queued behind it)"),
                                {lit(w->waitingPid), lit(w->mode), lockObject(w->object)})) +
                   "\n";
        }
    }

    // Statements
    const bool window = s.statementScope == StatementScope::Window;
    if (window) {
        out += "\n" +
               L(DBT_TR("Summary", "Top statements in the window (%1), by total time:"),
                 {figure(formatDuration(
                     static_cast<double>(s.collectedAt - s.statementWindowStart) / 1e6))}) +
               "\n";
    } else {
        out += "\n" +
               L(DBT_TR("Summary", "Top statements since the statistics reset, by total time:")) +
               "\n";
    }
    std::vector<const StatementStat*> top;
    for (const StatementStat& st : s.statements)
        top.push_back(&st);
    std::sort(top.begin(), top.end(), [](const StatementStat* a, const StatementStat* b) {
        return a->totalTimeMs > b->totalTimeMs;
    });
    if (top.empty())
        out += "  " + L(DBT_TR("Summary", "none recorded.")) + "\n";
    const std::string calls = L(DBT_TR("Summary", "calls"));
    std::string oneCall = L(DBT_TR("Summary", "call"));
    if (utf8Length(oneCall) < utf8Length(calls)) // keep the columns after it aligned
        oneCall += std::string(utf8Length(calls) - utf8Length(oneCall), ' ');
    const std::string perCall = L(DBT_TR("Summary", "ms/call"));
    for (std::size_t i = 0; i < top.size() && i < static_cast<std::size_t>(ctx.topStatements);
         ++i) {
        const StatementStat& st = *top[i];
        out += fmt::format(
            "  {:>2}. {:>12} ms {:>9} {} {:>10} {}  {}\n", i + 1,
            T(figure(fmt::format("{:.1f}", st.totalTimeMs))), st.calls,
            st.calls == 1 ? oneCall : calls, T(figure(fmt::format("{:.2f}", st.meanTimeMs))),
            perCall,
            oneLine(st.query.empty()
                        ? L(DBT_TR("Summary", "(text not available) id %1"), {lit(st.id)})
                        : st.query,
                    60));
    }

    // Health
    const Health& h = s.health;
    out += "\n" + L(DBT_TR("Summary", "Health:")) + " ";
    std::vector<std::string> parts;
    if (h.cacheHitRatio)
        parts.push_back(L(DBT_TR("Summary", "cache hit %1 %"),
                          {figure(fmt::format("{:.1f}", *h.cacheHitRatio * 100))}));
    if (h.longestTransactionSeconds)
        parts.push_back(L(DBT_TR("Summary", "longest transaction %1"),
                          {figure(formatDuration(*h.longestTransactionSeconds))}));
    if (h.oldestXminAge)
        parts.push_back(L(DBT_TR("Summary", "oldest xmin age %1"), {lit(*h.oldestXminAge)}));
    parts.push_back(L(DBT_TR("Summary", "temp files %1 (%2)"),
                      {lit(h.tempFiles), figure(formatBytes(h.tempBytes))}));
    parts.push_back(L(DBT_TR("Summary", "deadlocks %1"), {lit(h.deadlocks)}));
    for (std::size_t i = 0; i < parts.size(); ++i)
        out += (i ? ", " : "") + parts[i];
    out += "\n";

    // Probes
    std::vector<const ProbeNote*> notOk;
    for (const ProbeNote& p : s.probes) {
        if (!p.ok())
            notOk.push_back(&p);
    }
    if (notOk.empty()) {
        out += L(DBT_TR("Summary", "Probes: all %1 ok"), {lit(s.probes.size())}) + "\n";
    } else {
        out += L(DBT_TR("Summary", "Probes:"));
        for (std::size_t i = 0; i < notOk.size(); ++i)
            out += fmt::format("{} {} ({})", i ? ";" : "", notOk[i]->probe, notOk[i]->status);
        out += "\n";
    }
    return out;
}

} // namespace dbt
