#include "report.h"

#include "textutil.h"
#include "timefmt.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

namespace dbt {

namespace {

std::string serverLine(const Snapshot& s)
{
    const ServerInfo& sv = s.server;
    const char* engine = sv.engine == Engine::PostgreSQL ? "PostgreSQL"
                         : sv.engine == Engine::MySQL    ? "MySQL"
                                                         : "MariaDB";
    std::string where = sv.host.empty() ? std::string("local socket") : sv.host;
    if (!sv.port.empty())
        where += ":" + sv.port;
    if (!sv.database.empty())
        where += "/" + sv.database;
    std::string line = fmt::format("{} {} at {}", engine, sv.version, where);
    if (!sv.user.empty())
        line += fmt::format(" as {}", sv.user);
    if (sv.inRecovery)
        line += " (standby)";
    return line;
}

const char* severityLabel(Severity s)
{
    switch (s) {
    case Severity::Critical:
        return "CRITICAL";
    case Severity::Warning:
        return "WARNING ";
    case Severity::Info:
        break;
    }
    return "INFO    ";
}

std::string describeHolds(const RootBlocker& r)
{
    if (r.holds.empty())
        return {};
    std::vector<std::string> parts;
    for (const HeldLock& h : r.holds) {
        if (parts.size() == 3) {
            parts.push_back(fmt::format("{} more", r.holds.size() - 3));
            break;
        }
        parts.push_back(h.object.empty() ? h.mode : fmt::format("{} on {}", h.mode, h.object));
    }
    std::string out = "holds ";
    for (std::size_t i = 0; i < parts.size(); ++i)
        out += (i ? ", " : "") + parts[i];
    return out;
}

} // namespace

std::string renderTextSummary(const Snapshot& s, const SummaryContext& ctx)
{
    std::string out;
    out += fmt::format("dbtriage — {}\n", serverLine(s));
    if (ctx.samples > 1) {
        out += fmt::format("{} samples, {:g} s apart, {} → {}{}\n", ctx.samples, ctx.intervalSeconds,
                           formatRfc3339(ctx.firstAt), formatRfc3339(s.collectedAt),
                           s.redacted ? " (query texts redacted)" : " (NOT redacted)");
    } else {
        out += fmt::format("Sampled at {}{}\n", formatRfc3339(s.collectedAt),
                           s.redacted ? " (query texts redacted)" : " (NOT redacted)");
    }

    // Connections
    const ConnectionCounts& c = s.connections;
    out += fmt::format("\nConnections: {} of {} usable", c.total, c.usable());
    if (c.max > 0)
        out += fmt::format(" (max_connections {}, {} reserved)", c.max, c.reserved);
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
    out += fmt::format("\nFindings ({}):\n", s.findings.size());
    if (s.findings.empty())
        out += "  none: nothing above the thresholds.\n";
    for (const Finding& f : s.findings) {
        out += fmt::format("  {}  {}\n", severityLabel(f.severity), f.summary);
        if (!f.nextStep.empty())
            out += fmt::format("            Next: {}\n", f.nextStep);
        if (!f.command.empty())
            out += fmt::format("            For a senior to run (dbtriage never runs it): {}\n",
                               oneLine(f.command, 200));
    }

    // Root blockers with their direct waiters
    out += fmt::format("\nLock waits: {} edge(s), {} root blocker(s)\n", s.lockWaits.size(),
                       s.rootBlockers.size());
    std::unordered_map<std::int64_t, std::vector<const LockWait*>> waitersOf;
    for (const LockWait& w : s.lockWaits)
        waitersOf[w.blockingPid].push_back(&w);
    int shown = 0;
    for (const RootBlocker& r : s.rootBlockers) {
        if (shown++ == ctx.maxRootBlockers) {
            out += fmt::format("  … and {} more root blockers\n",
                               s.rootBlockers.size() - static_cast<std::size_t>(ctx.maxRootBlockers));
            break;
        }
        std::string age;
        if (r.transactionStart)
            age = fmt::format(", transaction open {}",
                              formatDuration(static_cast<double>(s.collectedAt - *r.transactionStart) / 1e6));
        out += fmt::format("  pid {}{}: {}{}{}, blocks {} ({} directly)\n", r.pid,
                           r.inCycle ? " (in a lock cycle)" : "",
                           r.state.empty() ? std::string("unknown state") : r.state, age,
                           r.application.empty() ? std::string() : ", application " + r.application,
                           r.blockedTotal, r.blockedDirect);
        const std::string holds = describeHolds(r);
        if (!holds.empty())
            out += fmt::format("      {}\n", holds);
        if (!r.query.empty())
            out += fmt::format("      last query: {}\n", oneLine(r.query, 90));
        std::set<std::int64_t> seen;
        int listed = 0;
        for (const LockWait* w : waitersOf[r.pid]) {
            if (!seen.insert(w->waitingPid).second)
                continue;
            if (listed++ == ctx.maxWaitersPerRoot) {
                out += "      └ …\n";
                break;
            }
            out += fmt::format("      └ pid {} waits for {} on {}{}\n", w->waitingPid, w->mode,
                               w->object, w->hard ? "" : " (queued behind it)");
        }
    }

    // Statements
    const bool window = s.statementScope == StatementScope::Window;
    if (window) {
        out += fmt::format("\nTop statements in the window ({}), by total time:\n",
                           formatDuration(static_cast<double>(s.collectedAt - s.statementWindowStart) / 1e6));
    } else {
        out += "\nTop statements since the statistics reset, by total time:\n";
    }
    std::vector<const StatementStat*> top;
    for (const StatementStat& st : s.statements)
        top.push_back(&st);
    std::sort(top.begin(), top.end(), [](const StatementStat* a, const StatementStat* b) {
        return a->totalTimeMs > b->totalTimeMs;
    });
    if (top.empty())
        out += "  none recorded.\n";
    for (std::size_t i = 0; i < top.size() && i < static_cast<std::size_t>(ctx.topStatements); ++i) {
        const StatementStat& st = *top[i];
        out += fmt::format("  {:>2}. {:>12.1f} ms {:>9} calls {:>10.2f} ms/call  {}\n", i + 1,
                           st.totalTimeMs, st.calls, st.meanTimeMs,
                           oneLine(st.query.empty() ? "(text not available) id " + st.id : st.query, 60));
    }

    // Health
    const Health& h = s.health;
    out += "\nHealth: ";
    std::vector<std::string> parts;
    if (h.cacheHitRatio)
        parts.push_back(fmt::format("cache hit {:.1f} %", *h.cacheHitRatio * 100));
    if (h.longestTransactionSeconds)
        parts.push_back(fmt::format("longest transaction {}", formatDuration(*h.longestTransactionSeconds)));
    if (h.oldestXminAge)
        parts.push_back(fmt::format("oldest xmin age {}", *h.oldestXminAge));
    parts.push_back(fmt::format("temp files {} ({})", h.tempFiles, formatBytes(h.tempBytes)));
    parts.push_back(fmt::format("deadlocks {}", h.deadlocks));
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
        out += fmt::format("Probes: all {} ok\n", s.probes.size());
    } else {
        out += "Probes:";
        for (const ProbeNote* p : notOk)
            out += fmt::format(" {} ({});", p->probe, p->status);
        out += "\n";
    }
    return out;
}

} // namespace dbt
