#include "bundle/ticket.h"

#include "textutil.h"
#include "timefmt.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <fmt/format.h>
#include <set>
#include <unordered_map>

namespace dbt {

namespace {

// Newlines and tabs inside a one-line text become spaces (a note may span lines).
std::string flatten(std::string_view text) {
    std::string out(text);
    for (char& c : out) {
        if (c == '\n' || c == '\r' || c == '\t')
            c = ' ';
    }
    return out;
}

// The two markups. Texts passed to esc()/code() are raw; everything else takes markup.
class Markup {
public:
    virtual ~Markup() = default;
    virtual std::string esc(std::string_view raw) const = 0;
    virtual std::string code(std::string_view raw, bool inTable = false) const = 0;
    virtual std::string bold(std::string_view marked) const = 0;
    virtual std::string heading(int level, std::string_view marked) const = 0;
    virtual std::string bullet(std::string_view marked, int level = 1) const = 0;
    virtual std::string quote(std::string_view marked) const = 0;
    virtual std::string tableHeader(const std::vector<std::string>& cells,
                                    const std::vector<bool>& rightAligned) const = 0;
    virtual std::string tableRow(const std::vector<std::string>& cells) const = 0;
};

class MarkdownMarkup final : public Markup {
public:
    std::string esc(std::string_view raw) const override { return markdownEscape(flatten(raw)); }
    std::string code(std::string_view raw, bool inTable) const override {
        std::string c = markdownCode(flatten(raw));
        if (!inTable)
            return c;
        std::string out;
        for (const char ch : c) {
            if (ch == '|')
                out += '\\';
            out += ch;
        }
        return out;
    }
    std::string bold(std::string_view marked) const override {
        return fmt::format("**{}**", marked);
    }
    std::string heading(int level, std::string_view marked) const override {
        return fmt::format("{} {}\n\n", std::string(static_cast<std::size_t>(level), '#'), marked);
    }
    std::string bullet(std::string_view marked, int level) const override {
        return fmt::format("{}- {}\n", std::string(static_cast<std::size_t>(level - 1) * 2, ' '),
                           marked);
    }
    std::string quote(std::string_view marked) const override {
        return fmt::format("> {}\n\n", marked);
    }
    std::string tableHeader(const std::vector<std::string>& cells,
                            const std::vector<bool>& right) const override {
        std::string out = tableRow(cells);
        out += "|";
        for (std::size_t i = 0; i < cells.size(); ++i)
            out += i < right.size() && right[i] ? "---:|" : "---|";
        return out + "\n";
    }
    std::string tableRow(const std::vector<std::string>& cells) const override {
        std::string out = "|";
        for (const std::string& c : cells)
            out += " " + c + " |";
        return out + "\n";
    }
};

class JiraMarkup final : public Markup {
public:
    std::string esc(std::string_view raw) const override { return jiraEscape(flatten(raw)); }
    std::string code(std::string_view raw, bool) const override {
        const std::string e = jiraEscape(flatten(raw));
        return e.empty() ? std::string() : "{{" + e + "}}";
    }
    std::string bold(std::string_view marked) const override { return fmt::format("*{}*", marked); }
    std::string heading(int level, std::string_view marked) const override {
        return fmt::format("h{}. {}\n\n", level, marked);
    }
    std::string bullet(std::string_view marked, int level) const override {
        return fmt::format("{} {}\n", std::string(static_cast<std::size_t>(level), '*'), marked);
    }
    std::string quote(std::string_view marked) const override {
        return fmt::format("bq. {}\n\n", marked);
    }
    std::string tableHeader(const std::vector<std::string>& cells,
                            const std::vector<bool>&) const override {
        std::string out = "||";
        for (const std::string& c : cells)
            out += (c.empty() ? std::string(" ") : c) + "||";
        return out + "\n";
    }
    std::string tableRow(const std::vector<std::string>& cells) const override {
        std::string out = "|";
        for (const std::string& c : cells)
            out += (c.empty() ? std::string(" ") : c) + "|";
        return out + "\n";
    }
};

// Parts joined with a separator (appending, not "a" + b: GCC 12 at -O2/-O3 warns falsely
// about overlapping copies in operator+(const char*, std::string)).
std::string joined(const std::vector<std::string>& parts, std::string_view separator) {
    std::string out;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        if (i > 0)
            out += separator;
        out += parts[i];
    }
    return out;
}

std::string millis(double ms) {
    const long long tenths = std::llround((ms > 0 ? std::min(ms, 9.0e17) : 0.0) * 10.0); // NaN: 0
    return fmt::format("{}.{} ms", formatCount(tenths / 10), tenths % 10);
}

std::string meanMillis(double ms) {
    return ms >= 100 ? millis(ms) : fmt::format("{:.2f} ms", std::max(0.0, ms));
}

std::string since(Micros now, Micros then) {
    return formatDuration(static_cast<double>(now - then) / 1e6);
}

std::string holdText(const HeldLock& h) {
    if (h.object.empty())
        return h.mode;
    return fmt::format("{} on {}", h.mode, h.object);
}

class Renderer {
public:
    Renderer(const Snapshot& s, const TicketContext& ctx, const Markup& m)
        : s_(s)
        , ctx_(ctx)
        , m_(m) {}

    std::string render() {
        title();
        facts();
        findings();
        rootBlockers();
        statements();
        plans();
        connections();
        candidates();
        health();
        collected();
        redaction();
        while (out_.size() > 1 && out_[out_.size() - 1] == '\n' && out_[out_.size() - 2] == '\n')
            out_.pop_back();
        return out_;
    }

private:
    void add(const std::string& text) { out_ += text; }
    void paragraph(const std::string& marked) { out_ += marked + "\n\n"; }
    void endList() { out_ += "\n"; }

    const CollectionInfo& c() const { return ctx_.collection; }

    void title() {
        add(m_.heading(1, "dbtriage evidence: " + m_.esc(describeServer(s_.server))));
        if (!c().note.empty())
            add(m_.quote(m_.bold("Note:") + " " + m_.esc(c().note)));
        if (!s_.redacted)
            add(m_.quote(m_.bold("NOT REDACTED.") +
                         " Query texts in this bundle are as the server gave them and may hold "
                         "customers' data (collected with --no-redact). Share it only where such "
                         "data may go."));
    }

    void facts() {
        const ServerInfo& sv = s_.server;
        const Micros first = c().firstAt ? c().firstAt : s_.collectedAt;
        std::string when;
        if (c().samples > 1 && first != s_.collectedAt)
            when = fmt::format("{} to {} (UTC, the server's clock)", formatRfc3339(first),
                               formatRfc3339(s_.collectedAt));
        else
            when = fmt::format("{} (UTC, the server's clock)", formatRfc3339(s_.collectedAt));
        add(m_.bullet(m_.bold("Recorded:") + " " + m_.esc(when)));

        std::string server = engineTitle(sv.engine) + " " + sv.version;
        if (sv.versionNum > 0)
            server += fmt::format(" (version number {})", sv.versionNum);
        server += sv.inRecovery ? ", a standby (read-only replica)" : ", a primary";
        add(m_.bullet(m_.bold("Server:") + " " + m_.esc(server)));

        std::string where = sv.host.empty() ? std::string("local socket") : sv.host;
        if (!sv.port.empty())
            where += ", port " + sv.port;
        if (!sv.database.empty())
            where += ", database " + sv.database;
        add(m_.bullet(m_.bold("Host:") + " " + m_.esc(where)));

        if (!sv.user.empty()) {
            std::string role = sv.user;
            std::vector<std::string> notes;
            if (sv.superuser)
                notes.push_back("a superuser");
            notes.push_back(sv.readAllStats ? "sees every session's query text"
                                            : "may not see other roles' query texts");
            role += " (" + joinWithAnd(notes) + ")";
            add(m_.bullet(m_.bold("Connected as:") + " " + m_.esc(role)));
        }

        std::string how;
        if (c().samples > 1)
            how = fmt::format("{} samples {:g} s apart", c().samples, c().intervalSeconds);
        else
            how = "1 sample";
        if (c().requestedSamples != c().samples)
            how += fmt::format(" ({} requested)", c().requestedSamples);
        how += ", read-only, with dbtriage " +
               (ctx_.toolVersion.empty() ? s_.toolVersion : ctx_.toolVersion);
        add(m_.bullet(m_.bold("Collected:") + " " + m_.esc(how)));

        add(m_.bullet(m_.bold("Query texts:") + " " +
                      (s_.redacted ? m_.esc("redacted: literals replaced by placeholders ($1, ?)")
                                   : m_.bold("NOT redacted"))));
        endList();
    }

    void findings() {
        add(m_.heading(2, fmt::format("Findings ({})", s_.findings.size())));
        if (s_.findings.empty()) {
            paragraph("None: nothing was above the thresholds.");
            return;
        }
        for (const Finding& f : s_.findings) {
            std::string label = severityName(f.severity);
            std::transform(label.begin(), label.end(), label.begin(),
                           [](unsigned char ch) { return static_cast<char>(std::toupper(ch)); });
            add(m_.bullet(m_.bold(label) + " " + m_.esc(f.summary)));
            if (!f.nextStep.empty())
                add(m_.bullet("Next: " + m_.esc(f.nextStep), 2));
            if (!f.command.empty())
                add(m_.bullet("For a senior to run (dbtriage never runs it): " +
                                  m_.code(oneLine(f.command, 300)),
                              2));
        }
        endList();
    }

    void rootBlockers() {
        add(m_.heading(2, "Root blockers"));
        if (s_.rootBlockers.empty()) {
            paragraph(s_.lockWaits.empty() ? "No session waited for a lock."
                                           : "Lock waits were seen but no root blocker.");
            return;
        }
        std::set<std::int64_t> waiting;
        for (const LockWait& w : s_.lockWaits)
            waiting.insert(w.waitingPid);
        paragraph(m_.esc(
            fmt::format("{}; {} wait for a lock ({}).",
                        plural(static_cast<std::int64_t>(s_.rootBlockers.size()), "root blocker"),
                        plural(static_cast<std::int64_t>(waiting.size()), "session"),
                        plural(static_cast<std::int64_t>(s_.lockWaits.size()), "wait-for edge"))));
        std::unordered_map<std::int64_t, std::vector<const LockWait*>> waitersOf;
        for (const LockWait& w : s_.lockWaits)
            waitersOf[w.blockingPid].push_back(&w);

        int n = 0;
        for (const RootBlocker& r : s_.rootBlockers) {
            if (n == ctx_.maxRootBlockers) {
                paragraph(
                    m_.esc(fmt::format("… and {} more root blockers (lock_waits.csv has "
                                       "every wait).",
                                       s_.rootBlockers.size() - static_cast<std::size_t>(n))));
                break;
            }
            ++n;
            add(m_.heading(
                3, m_.esc(fmt::format("{}. pid {}{}: blocks {} ({} directly)", n, r.pid,
                                      r.inCycle ? " (in a lock cycle)" : "",
                                      plural(r.blockedTotal, "session"), r.blockedDirect))));
            std::vector<std::string> state;
            state.push_back(r.state.empty() ? std::string("state unknown") : r.state);
            if (r.transactionStart)
                state.push_back("transaction open " + since(s_.collectedAt, *r.transactionStart));
            if (r.stateChange && r.state != "active")
                state.push_back("in this state for " + since(s_.collectedAt, *r.stateChange));
            if (!r.application.empty())
                state.push_back("application " + r.application);
            if (!r.user.empty())
                state.push_back("user " + r.user);
            if (r.depth > 1)
                state.push_back(fmt::format("chains {} deep", r.depth));
            const std::string line = joined(state, ", ");
            add(m_.bullet(m_.bold("Session:") + " " + m_.esc(line)));
            if (!r.holds.empty()) {
                std::string holds;
                for (std::size_t i = 0; i < r.holds.size(); ++i) {
                    if (i == 5) {
                        holds += fmt::format("; and {} more", r.holds.size() - 5);
                        break;
                    }
                    if (i > 0)
                        holds += "; ";
                    holds += holdText(r.holds[i]);
                }
                add(m_.bullet(m_.bold("Holds:") + " " + m_.esc(holds)));
            }
            if (!r.query.empty())
                add(m_.bullet(m_.bold("Last query:") + " " + m_.code(oneLine(r.query, 300))));
            std::set<std::int64_t> seen;
            std::vector<std::string> waiters;
            std::size_t total = 0;
            for (const LockWait* w : waitersOf[r.pid]) {
                if (!seen.insert(w->waitingPid).second)
                    continue;
                ++total;
                if (waiters.size() < static_cast<std::size_t>(ctx_.maxWaitersPerRoot))
                    waiters.push_back(fmt::format("pid {} ({}{}{}{})", w->waitingPid, w->mode,
                                                  w->object.empty() ? "" : " on ", w->object,
                                                  w->hard ? "" : ", queued behind it"));
            }
            if (!waiters.empty()) {
                std::string list = joined(waiters, ", ");
                if (total > waiters.size())
                    list += fmt::format(" and {} more", total - waiters.size());
                add(m_.bullet(m_.bold("Waiting on it directly:") + " " + m_.esc(list)));
            }
            endList();
        }
    }

    void statements() {
        const bool window = s_.statementScope == StatementScope::Window;
        add(m_.heading(2, window ? "Top statements by window time"
                                 : "Top statements since the statistics reset"));
        if (window) {
            paragraph(m_.esc(fmt::format(
                "Deltas over the {} window from {} to {}, by total execution time.",
                since(s_.collectedAt, s_.statementWindowStart),
                formatRfc3339(s_.statementWindowStart), formatRfc3339(s_.collectedAt))));
        } else {
            paragraph(m_.esc("Counters since the server's last statistics reset (one sample: no "
                             "window). Collect with --samples 2 or more for the work of the "
                             "last minutes."));
        }
        std::vector<const StatementStat*> top;
        for (const StatementStat& st : s_.statements)
            top.push_back(&st);
        std::stable_sort(top.begin(), top.end(), [](const auto* a, const auto* b) {
            return a->totalTimeMs > b->totalTimeMs;
        });
        if (top.empty()) {
            paragraph("None recorded.");
            return;
        }
        double sum = 0;
        for (const StatementStat* st : top)
            sum += st->totalTimeMs;
        add(m_.tableHeader({"#", "Total", "Share", "Calls", "Mean", "Rows", "Statement"},
                           {true, true, true, true, true, true, false}));
        const std::size_t shown =
            std::min(top.size(), static_cast<std::size_t>(ctx_.topStatements));
        for (std::size_t i = 0; i < shown; ++i) {
            const StatementStat& st = *top[i];
            const std::string text =
                st.query.empty() ? "(text not available) id " + st.id : oneLine(st.query, 200);
            add(m_.tableRow({std::to_string(i + 1), m_.esc(millis(st.totalTimeMs)),
                             m_.esc(sum > 0 ? formatPercent(st.totalTimeMs / sum) : "-"),
                             formatCount(st.calls), m_.esc(meanMillis(st.meanTimeMs)),
                             formatCount(st.rows), m_.code(text, true)}));
        }
        add("\n");
        if (top.size() > shown)
            paragraph(m_.esc(fmt::format("{} statements in all; statements.csv has every one "
                                         "with its full text.",
                                         formatCount(static_cast<std::int64_t>(top.size())))));
    }

    // The statement's text, shortened, for naming it next to its id.
    std::string statementText(const PlanSummary& p) const {
        for (const StatementStat& st : s_.statements) {
            if (st.id == p.statementId && (p.database.empty() || st.database == p.database))
                return st.query.empty() ? std::string() : oneLine(st.query, 120);
        }
        return {};
    }

    void plans() {
        const std::vector<PlanSummary>& all = c().plans;
        std::size_t explained = 0;
        for (const PlanSummary& p : all)
            explained += p.explained() ? 1 : 0;
        add(m_.heading(2, fmt::format("Plans ({})", explained)));
        if (c().explainTopRequested == 0) {
            paragraph(m_.esc("No plans were gathered (run with --explain-top N)."));
            return;
        }
        const bool window = s_.statementScope == StatementScope::Window;
        paragraph(m_.esc(fmt::format(
            "The plans of the top {} statements by {}, explained on a second read-only session "
            "(EXPLAIN without ANALYZE: no statement was run). Each plans/NN-<id>.txt holds the "
            "statement, the plan tree and its insights; the .json next to it is the engine's "
            "plan as it printed it.",
            c().explainTopRequested, window ? "window time" : "time since the statistics reset")));
        if (all.empty()) {
            paragraph(m_.esc("No statement could be explained: none had a text that EXPLAIN "
                             "accepts."));
            return;
        }
        for (const PlanSummary& p : all) {
            std::vector<std::string> facts;
            facts.push_back(fmt::format("{} of {}, {}", formatPercent(p.share),
                                        window ? "window time" : "statement time",
                                        millis(p.totalTimeMs)));
            if (!p.database.empty())
                facts.push_back("database " + p.database);
            std::string head = m_.bold(fmt::format("{}. Statement", p.rank)) + " " +
                               m_.code(p.statementId.empty() ? "?" : p.statementId) + " " +
                               m_.esc("(" + joined(facts, ", ") + ")");
            if (!p.explained()) {
                add(m_.bullet(head + m_.esc(": not explained: " + p.error)));
                continue;
            }
            const std::string kind = p.analyzed ? "EXPLAIN ANALYZE (run read-only, rolled back)"
                                     : p.genericPlan ? "generic plan (no parameter values)"
                                                     : "estimated plan (not run)";
            add(m_.bullet(head + m_.esc(": " + kind + ", ") + m_.code(p.textFile)));
            const std::string text = statementText(p);
            if (!text.empty())
                add(m_.bullet(m_.bold("Statement:") + " " + m_.code(text), 2));
            if (p.insights.empty())
                add(m_.bullet(m_.esc("No insight: nothing in the plan crossed a threshold."), 2));
            for (const PlanInsightSummary& i : p.insights) {
                std::string label = i.severity;
                std::transform(label.begin(), label.end(), label.begin(), [](unsigned char ch) {
                    return static_cast<char>(std::toupper(ch));
                });
                add(m_.bullet(m_.bold(label) + " " + m_.esc(i.node + ": " + i.message) + " " +
                                  m_.code(i.code),
                              2));
            }
        }
        endList();
    }

    void connections() {
        add(m_.heading(2, "Connections"));
        const ConnectionCounts& cc = s_.connections;
        std::string line = fmt::format("{} of {} usable connections", formatCount(cc.total),
                                       formatCount(cc.usable()));
        if (cc.usable() > 0)
            line += fmt::format(" ({})", formatPercent(static_cast<double>(cc.total) /
                                                       static_cast<double>(cc.usable())));
        if (cc.max > 0)
            line += fmt::format("; max_connections {}, {} reserved", cc.max, cc.reserved);
        paragraph(m_.esc(line + "."));
        auto table = [&](const char* what, const std::map<std::string, std::int64_t>& counts,
                         std::size_t limit) {
            if (counts.empty())
                return;
            std::vector<std::pair<std::string, std::int64_t>> rows(counts.begin(), counts.end());
            std::stable_sort(rows.begin(), rows.end(),
                             [](const auto& a, const auto& b) { return a.second > b.second; });
            add(m_.tableHeader({what, "Connections"}, {false, true}));
            std::int64_t rest = 0;
            for (std::size_t i = 0; i < rows.size(); ++i) {
                if (i >= limit) {
                    rest += rows[i].second;
                    continue;
                }
                add(m_.tableRow(
                    {rows[i].first.empty() ? std::string("(none)") : m_.esc(rows[i].first),
                     formatCount(rows[i].second)}));
            }
            if (rest > 0)
                add(m_.tableRow(
                    {m_.esc(fmt::format("{} others", rows.size() - limit)), formatCount(rest)}));
            add("\n");
        };
        table("State", cc.byState, 20);
        table("Application", cc.byApplication, static_cast<std::size_t>(ctx_.topApplications));
    }

    void candidates() {
        add(m_.heading(2, "Index candidates"));
        if (!c().adviseRequested) {
            paragraph(m_.esc("No index candidates were gathered (run with --advise)."));
            return;
        }
        paragraph(m_.esc("Index candidates are in index-candidates.sql: each with its table, "
                         "columns, method (hypopg or heuristic), the statements it helps and "
                         "caveats. Every statement there is commented out; dbtriage executed "
                         "none of them. If the advice failed, the reason is listed below."));
    }

    void health() {
        add(m_.heading(2, "Health"));
        const Health& h = s_.health;
        if (h.cacheHitRatio)
            add(m_.bullet(
                m_.esc(fmt::format("Cache hit ratio: {:.1f} %", *h.cacheHitRatio * 100))));
        if (h.longestTransactionSeconds)
            add(m_.bullet(
                m_.esc("Longest transaction: " + formatDuration(*h.longestTransactionSeconds))));
        if (h.oldestXminAge)
            add(m_.bullet(m_.esc("Oldest xmin age: " + formatCount(*h.oldestXminAge))));
        add(m_.bullet(m_.esc(fmt::format("Temporary files: {} ({}), deadlocks: {} (since the "
                                         "statistics reset)",
                                         formatCount(h.tempFiles), formatBytes(h.tempBytes),
                                         formatCount(h.deadlocks)))));
        for (const ReplicaLag& r : h.replicas) {
            std::string line = "Replica " + (r.name.empty() ? std::string("(unnamed)") : r.name);
            if (!r.state.empty())
                line += ", " + r.state;
            if (r.replayLagSeconds)
                line += ", replay lag " + formatDuration(*r.replayLagSeconds);
            if (r.lagBytes)
                line += ", " + formatBytes(*r.lagBytes) + " behind";
            add(m_.bullet(m_.esc(line)));
        }
        endList();
    }

    void collected() {
        add(m_.heading(2, "What was collected"));
        std::vector<const ProbeNote*> notOk;
        for (const ProbeNote& p : s_.probes) {
            if (!p.ok())
                notOk.push_back(&p);
        }
        if (notOk.empty()) {
            add(m_.bullet(m_.esc(
                fmt::format("Probes: all {} completed in the last sample.", s_.probes.size()))));
        } else {
            for (const ProbeNote* p : notOk)
                add(m_.bullet(
                    m_.esc(fmt::format("Probe {} did not complete: {}.", p->probe, p->status))));
        }
        add(m_.bullet(
            m_.esc(fmt::format("{}, {}, {} statements in the last sample.",
                               plural(static_cast<std::int64_t>(s_.sessions.size()), "session"),
                               plural(static_cast<std::int64_t>(s_.lockWaits.size()), "lock wait"),
                               formatCount(static_cast<std::int64_t>(s_.statements.size()))))));
        for (const std::string& u : c().unavailable)
            add(m_.bullet(m_.esc(u)));
        endList();
        if (!ctx_.files.empty()) {
            add(m_.tableHeader({"File", "What it holds"}, {false, false}));
            std::vector<std::string> samples;
            for (const std::string& f : ctx_.files) {
                if (f.rfind("samples/", 0) == 0)
                    samples.push_back(f);
            }
            bool samplesListed = false;
            for (const std::string& f : ctx_.files) {
                if (f.rfind("samples/", 0) == 0 && samples.size() > 1) {
                    if (!samplesListed)
                        add(m_.tableRow({m_.code(samples.front() + " … " + samples.back(), true),
                                         m_.esc(fmt::format("the {} raw samples, oldest first",
                                                            samples.size()))}));
                    samplesListed = true;
                    continue;
                }
                add(m_.tableRow({m_.code(f, true), m_.esc(describeBundleFile(f))}));
            }
            add("\n");
        }
    }

    void redaction() {
        add(m_.heading(2, "Redaction and integrity"));
        if (s_.redacted)
            add(m_.bullet(m_.esc("Query texts: literals (strings, numbers) were replaced by "
                                 "placeholders ($1, ?) before anything was written; identifiers "
                                 "and the shape of each statement are kept.")));
        else
            add(m_.bullet(m_.bold("Query texts were NOT redacted") +
                          m_.esc(": they are as the server gave them and may hold customers' "
                                 "data.")));
        add(m_.bullet(m_.esc("Passwords: none. The server is named by host, port, database and "
                             "role only; credentials are never written.")));
        add(m_.bullet(m_.esc("Integrity: manifest.json lists the SHA-256 and size of every "
                             "other file; \"dbtriage open\" verifies them.")));
        endList();
    }

    const Snapshot& s_;
    const TicketContext& ctx_;
    const Markup& m_;
    std::string out_;
};

} // namespace

std::string markdownEscape(std::string_view text) {
    const auto alnum = [&](std::size_t i) {
        return i < text.size() && std::isalnum(static_cast<unsigned char>(text[i])) != 0;
    };
    std::string out;
    out.reserve(text.size() + 8);
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        switch (c) {
        case '_':
            // Inside a word ("dbtriage_test") an underscore never starts emphasis in GFM.
            if (i == 0 || !alnum(i - 1) || !alnum(i + 1))
                out += '\\';
            break;
        case '\\':
        case '`':
        case '*':
        case '[':
        case ']':
        case '<':
        case '>':
        case '|':
            out += '\\';
            break;
        default:
            break;
        }
        out += c;
    }
    return out;
}

std::string markdownCode(std::string_view text) {
    std::size_t longest = 0;
    std::size_t run = 0;
    for (const char c : text) {
        run = c == '`' ? run + 1 : 0;
        longest = std::max(longest, run);
    }
    const std::string fence(longest + 1, '`');
    const bool pad = !text.empty() && (text.front() == '`' || text.back() == '`');
    return fence + (pad ? " " : "") + std::string(text) + (pad ? " " : "") + fence;
}

std::string jiraEscape(std::string_view text) {
    std::string out;
    out.reserve(text.size() + 8);
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        const bool lineStart = i == 0 || text[i - 1] == ' ';
        switch (c) {
        case '\\':
            out += "&#92;"; // "\\" would be a Jira line break
            continue;
        case '*':
        case '_':
        case '{':
        case '}':
        case '[':
        case ']':
        case '|':
        case '!':
        case '^':
        case '~':
        case '+':
            out += '\\';
            break;
        case '?':
            if (i + 1 < text.size() && text[i + 1] == '?')
                out += '\\';
            break;
        case '-':
        case '#':
            if (lineStart)
                out += '\\';
            break;
        default:
            break;
        }
        out += c;
    }
    return out;
}

std::string describeBundleFile(std::string_view path) {
    if (path == "README.md")
        return "this summary (Markdown)";
    if (path == "summary.jira.txt")
        return "the same summary in Jira wiki markup";
    if (path == "snapshot.json")
        return "the analysed recording (statements as window deltas for a series)";
    if (path.substr(0, 8) == "samples/")
        return "one raw sample";
    if (path == "sessions.csv")
        return "every session of the last sample";
    if (path == "statements.csv")
        return "every statement with its figures and full (normalised) text";
    if (path == "lock_waits.csv")
        return "every wait-for edge with its root blocker";
    if (path == "settings.json")
        return "server settings that matter for triage";
    if (path == "charts/connections.png")
        return "connections by state over the samples, against the usable maximum";
    if (path == "charts/lock-graph.svg" || path == "charts/lock-graph.png")
        return "root blockers and the sessions waiting on them";
    if (path == "index-candidates.sql")
        return "index candidates as commented DDL (never executed)";
    if (path.substr(0, 6) == "plans/" && path.size() > 5 && path.substr(path.size() - 5) == ".json")
        return "an execution plan as the engine printed it (JSON)";
    if (path.substr(0, 6) == "plans/" && path.size() > 4 && path.substr(path.size() - 4) == ".txt")
        return "an execution plan as text: the statement, the plan tree and its insights";
    if (path.substr(0, 6) == "plans/")
        return "an execution plan";
    if (path == "manifest.json")
        return "SHA-256 and size of every other file, collection parameters";
    return {};
}

std::string renderReadmeMarkdown(const Snapshot& snapshot, const TicketContext& context) {
    const MarkdownMarkup markup;
    return Renderer(snapshot, context, markup).render();
}

std::string renderJiraSummary(const Snapshot& snapshot, const TicketContext& context) {
    const JiraMarkup markup;
    return Renderer(snapshot, context, markup).render();
}

} // namespace dbt
