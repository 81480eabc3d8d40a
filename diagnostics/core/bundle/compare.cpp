#include "bundle/compare.h"

#include "bundle/manifest.h"
#include "textutil.h"
#include "timefmt.h"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>
#include <map>
#include <set>
#include <tuple>

namespace dbt {

using nlohmann::json;

namespace {

using StatementKey = std::tuple<std::string, std::string, std::string>;

StatementKey keyOf(const StatementStat& s) {
    return {s.id.empty() ? "text:" + s.query : s.id, s.database, s.user};
}

double windowSeconds(const Snapshot& s) {
    return static_cast<double>(s.collectedAt - s.statementWindowStart) / 1e6;
}

// A session is the same one in both recordings when its pid and start time agree.
std::pair<std::int64_t, Micros> blockerKey(const Snapshot& s, const RootBlocker& r) {
    const Session* session = s.session(r.pid);
    return {r.pid, session && session->backendStart ? *session->backendStart : 0};
}

std::string signedMs(double v, bool perSecond) {
    return fmt::format("{}{:.1f} {}", v > 0 ? "+" : "", v, perSecond ? "ms/s" : "ms");
}

} // namespace

Comparison compareSnapshots(const Snapshot& before, const Snapshot& after, int top) {
    Comparison c;
    c.serverBefore = describeServer(before.server);
    c.serverAfter = describeServer(after.server);
    c.serverBeforeText = serverDescription(before.server);
    c.serverAfterText = serverDescription(after.server);
    c.sameServer =
        before.server.engine == after.server.engine && before.server.host == after.server.host &&
        before.server.port == after.server.port && before.server.database == after.server.database;
    c.beforeAt = before.collectedAt;
    c.afterAt = after.collectedAt;

    // Statements
    const bool windows = before.statementScope == StatementScope::Window &&
                         after.statementScope == StatementScope::Window &&
                         windowSeconds(before) > 0 && windowSeconds(after) > 0;
    const bool cumulative = before.statementScope == StatementScope::Cumulative &&
                            after.statementScope == StatementScope::Cumulative;
    if (windows) {
        c.statementUnit = "ms per second of window";
    } else if (cumulative) {
        c.statementUnit = "ms since the statistics reset";
        c.statementNote =
            englishText(phrase(DBT_TR("Compare", "Both recordings hold counters since the "
                                                 "statistics reset: the change is the work done "
                                                 "between them (unless the statistics were "
                                                 "reset in between).")));
    } else {
        c.statementUnit = "ms";
        c.statementNote =
            englishText(phrase(DBT_TR("Compare", "One recording holds a window, the other "
                                                 "counters since the statistics reset: the "
                                                 "figures are not directly comparable. Collect "
                                                 "both with --samples 2 or more.")));
    }
    const double scaleBefore = windows ? 1.0 / windowSeconds(before) : 1.0;
    const double scaleAfter = windows ? 1.0 / windowSeconds(after) : 1.0;
    std::map<StatementKey, StatementChange> changes;
    for (const StatementStat& s : before.statements) {
        StatementChange& ch = changes[keyOf(s)];
        ch.id = s.id;
        ch.database = s.database;
        ch.user = s.user;
        ch.query = s.query;
        ch.before += s.totalTimeMs * scaleBefore;
        ch.callsBefore += s.calls;
        ch.onlyBefore = true;
    }
    for (const StatementStat& s : after.statements) {
        const auto [it, inserted] = changes.try_emplace(keyOf(s));
        StatementChange& ch = it->second;
        if (inserted) {
            ch.id = s.id;
            ch.database = s.database;
            ch.user = s.user;
            ch.onlyAfter = true;
        }
        if (!s.query.empty())
            ch.query = s.query;
        ch.after += s.totalTimeMs * scaleAfter;
        ch.callsAfter += s.calls;
        ch.onlyBefore = false;
    }
    for (auto& [key, ch] : changes) {
        if (ch.change() != 0)
            c.statements.push_back(std::move(ch));
    }
    std::stable_sort(c.statements.begin(), c.statements.end(), [](const auto& a, const auto& b) {
        return std::fabs(a.change()) > std::fabs(b.change());
    });
    if (c.statements.size() > static_cast<std::size_t>(std::max(top, 0)))
        c.statements.resize(static_cast<std::size_t>(std::max(top, 0)));

    // Root blockers
    std::set<std::pair<std::int64_t, Micros>> beforeKeys;
    std::set<std::pair<std::int64_t, Micros>> afterKeys;
    for (const RootBlocker& r : before.rootBlockers)
        beforeKeys.insert(blockerKey(before, r));
    for (const RootBlocker& r : after.rootBlockers) {
        afterKeys.insert(blockerKey(after, r));
        if (beforeKeys.count(blockerKey(after, r)))
            c.blockersStill.push_back(r);
        else
            c.blockersNew.push_back(r);
    }
    for (const RootBlocker& r : before.rootBlockers) {
        if (!afterKeys.count(blockerKey(before, r)))
            c.blockersGone.push_back(r);
    }

    c.connectionsBefore = before.connections;
    c.connectionsAfter = after.connections;

    // Settings (the tool's own session values are not the server's)
    std::set<std::string> names;
    for (const auto& [k, v] : before.server.settings)
        names.insert(k);
    for (const auto& [k, v] : after.server.settings)
        names.insert(k);
    for (const std::string& name : names) {
        if (name.rfind("dbtriage_session.", 0) == 0)
            continue;
        SettingChange ch;
        ch.name = name;
        if (const auto it = before.server.settings.find(name); it != before.server.settings.end())
            ch.before = it->second;
        if (const auto it = after.server.settings.find(name); it != after.server.settings.end())
            ch.after = it->second;
        if (ch.before != ch.after)
            c.settings.push_back(std::move(ch));
    }
    return c;
}

std::string renderComparisonText(const Comparison& c,
                                 const std::function<std::string(const Message&)>& text) {
    const auto T = [&](const Message& m) { return text ? text(m) : englishText(m); };
    const auto L = [&](const char* context, const char* tmpl, std::vector<Message> args = {}) {
        return T(phrase(context, tmpl, std::move(args)));
    };
    const auto n = [](std::int64_t v) { return literal(v); };
    const auto signedCount = [](std::int64_t v) { return literal(fmt::format("{:+d}", v)); };
    std::string out;
    out += L(DBT_TR("Compare", "Before: %1 at %2"),
             {c.serverBeforeText.empty() ? literal(c.serverBefore) : c.serverBeforeText,
              literal(formatRfc3339(c.beforeAt))}) +
           "\n";
    out += L(DBT_TR("Compare", "After:  %1 at %2"),
             {c.serverAfterText.empty() ? literal(c.serverAfter) : c.serverAfterText,
              literal(formatRfc3339(c.afterAt))}) +
           "\n";
    if (!c.sameServer)
        out += L(DBT_TR("Compare", "Note: the two recordings come from different servers or "
                                   "databases.")) +
               "\n";

    // Connections
    const ConnectionCounts& b = c.connectionsBefore;
    const ConnectionCounts& a = c.connectionsAfter;
    out +=
        "\n" +
        L(DBT_TR("Compare", "Connections: %1 of %2 usable before, %3 of %4 after (%5)"),
          {n(b.total), n(b.usable()), n(a.total), n(a.usable()), signedCount(a.total - b.total)}) +
        "\n";
    std::set<std::string> states;
    for (const auto& [k, v] : b.byState)
        states.insert(k);
    for (const auto& [k, v] : a.byState)
        states.insert(k);
    for (const std::string& st : states) {
        const auto bi = b.byState.find(st);
        const auto ai = a.byState.find(st);
        const std::int64_t bv = bi == b.byState.end() ? 0 : bi->second;
        const std::int64_t av = ai == a.byState.end() ? 0 : ai->second;
        out += fmt::format("  {:<32} {:>7} → {:<7} ({:+d})\n", oneLine(st, 32), bv, av, av - bv);
    }

    // Root blockers
    out += "\n" +
           L(DBT_TR("Compare", "Root blockers: %1 new, %2 gone, %3 still there"),
             {n(std::int64_t(c.blockersNew.size())), n(std::int64_t(c.blockersGone.size())),
              n(std::int64_t(c.blockersStill.size()))}) +
           "\n";
    const std::string tags[] = {L(DBT_TR("Compare", "new")), L(DBT_TR("Compare", "gone")),
                                L(DBT_TR("Compare", "still"))};
    std::size_t width = 0;
    for (const std::string& t : tags)
        width = std::max(width, utf8Length(t));
    auto blocker = [&](const std::string& tag, const RootBlocker& r) {
        const Message state =
            r.state.empty() ? phrase(DBT_TR("Compare", "unknown state")) : literal(r.state);
        const Message blocks = r.blockedTotal == 1 ? phrase(DBT_TR("Compare", "blocks 1 session"))
                                                   : phrase(DBT_TR("Compare", "blocks %1 sessions"),
                                                            {count(r.blockedTotal)});
        const std::string line =
            r.application.empty()
                ? L(DBT_TR("Compare", "pid %1: %2, %3"), {n(r.pid), state, blocks})
                : L(DBT_TR("Compare", "pid %1: %2, application %3, %4"),
                    {n(r.pid), state, literal(r.application), blocks});
        out += "  " + tag + std::string(width - utf8Length(tag), ' ') + " " + line + "\n";
        if (!r.query.empty())
            out += "      " +
                   L(DBT_TR("Compare", "last query: %1"), {literal(oneLine(r.query, 86))}) + "\n";
    };
    for (const RootBlocker& r : c.blockersNew)
        blocker(tags[0], r);
    for (const RootBlocker& r : c.blockersGone)
        blocker(tags[1], r);
    for (const RootBlocker& r : c.blockersStill)
        blocker(tags[2], r);

    // Statements
    const bool perSecond = c.statementUnit == "ms per second of window";
    const Message unit = perSecond ? phrase(DBT_TR("Compare", "ms per second of window"))
                         : c.statementUnit == "ms since the statistics reset"
                             ? phrase(DBT_TR("Compare", "ms since the statistics reset"))
                             : literal(c.statementUnit);
    out += "\n" + L(DBT_TR("Compare", "Statements whose time changed most (%1):"), {unit}) + "\n";
    if (!c.statementNote.empty())
        out += "  " + T(phrase("Compare", c.statementNote.c_str())) + "\n";
    if (c.statements.empty())
        out += "  " + L(DBT_TR("Compare", "none changed.")) + "\n";
    const std::string newTag = " " + L(DBT_TR("Compare", "(new)"));
    const std::string goneTag = " " + L(DBT_TR("Compare", "(gone)"));
    for (const StatementChange& s : c.statements) {
        const std::string tag = s.onlyAfter ? newTag : s.onlyBefore ? goneTag : "";
        const std::string query =
            s.query.empty() ? L(DBT_TR("Compare", "(text not available) id %1"), {literal(s.id)})
                            : s.query;
        out +=
            fmt::format("  {:>14}  {:>10.1f} → {:<10.1f}{}  {}\n", signedMs(s.change(), perSecond),
                        s.before, s.after, tag, oneLine(query, 48));
    }

    // Settings
    out += "\n" +
           L(DBT_TR("Compare", "Settings that changed: %1"), {n(std::int64_t(c.settings.size()))}) +
           "\n";
    const std::string notRead = L(DBT_TR("Compare", "(not read)"));
    for (const SettingChange& s : c.settings)
        out += fmt::format("  {}: {} → {}\n", s.name, s.before ? *s.before : notRead,
                           s.after ? *s.after : notRead);
    return out;
}

json comparisonToJson(const Comparison& c) {
    auto counts = [](const ConnectionCounts& x) {
        json byState = json::object();
        for (const auto& [k, v] : x.byState)
            byState[k] = v;
        return json{
            {"total", x.total}, {"max", x.max}, {"usable", x.usable()}, {"by_state", byState}};
    };
    auto blockers = [](const std::vector<RootBlocker>& list) {
        json arr = json::array();
        for (const RootBlocker& r : list)
            arr.push_back({{"pid", r.pid},
                           {"state", r.state},
                           {"application", r.application},
                           {"user", r.user},
                           {"blocked_total", r.blockedTotal},
                           {"query", r.query}});
        return arr;
    };
    json statements = json::array();
    for (const StatementChange& s : c.statements)
        statements.push_back({{"id", s.id},
                              {"database", s.database},
                              {"user", s.user},
                              {"query", s.query},
                              {"before", s.before},
                              {"after", s.after},
                              {"change", s.change()},
                              {"calls_before", s.callsBefore},
                              {"calls_after", s.callsAfter},
                              {"new", s.onlyAfter},
                              {"gone", s.onlyBefore}});
    json settings = json::array();
    for (const SettingChange& s : c.settings)
        settings.push_back({{"name", s.name},
                            {"before", s.before ? json(*s.before) : json(nullptr)},
                            {"after", s.after ? json(*s.after) : json(nullptr)}});
    return json{
        {"format", "dbtriage-comparison"},
        {"before", {{"server", c.serverBefore}, {"collected_at", formatRfc3339(c.beforeAt)}}},
        {"after", {{"server", c.serverAfter}, {"collected_at", formatRfc3339(c.afterAt)}}},
        {"same_server", c.sameServer},
        {"connections",
         {{"before", counts(c.connectionsBefore)}, {"after", counts(c.connectionsAfter)}}},
        {"root_blockers",
         {{"new", blockers(c.blockersNew)},
          {"gone", blockers(c.blockersGone)},
          {"still", blockers(c.blockersStill)}}},
        {"statement_unit", c.statementUnit},
        {"statement_note", c.statementNote},
        {"statements", statements},
        {"settings", settings}};
}

} // namespace dbt
