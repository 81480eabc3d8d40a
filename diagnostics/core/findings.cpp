#include "findings.h"

#include "textutil.h"
#include "waitgraph.h"

#include <algorithm>
#include <fmt/format.h>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <unordered_set>

namespace dbt {

namespace {

constexpr const char* kOwnApplication = "dbtriage";

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) {
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c - 'A' + 'a');
    }
    return out;
}

std::optional<double> secondsSince(Micros now, const OptMicros& t) {
    if (!t)
        return std::nullopt;
    return std::max(0.0, static_cast<double>(now - *t) / 1e6);
}

// "(user app, application billing-worker)", or "" when neither is known.
std::string owner(const std::string& user, const std::string& application) {
    std::vector<std::string> parts;
    if (!user.empty())
        parts.push_back("user " + user);
    if (!application.empty())
        parts.push_back("application " + application);
    if (parts.empty())
        return {};
    return " (" + fmt::format("{}", fmt::join(parts, ", ")) + ")";
}

std::string pidList(const std::vector<std::int64_t>& pids) {
    std::vector<std::string> items;
    items.reserve(pids.size());
    for (std::int64_t p : pids)
        items.push_back(std::to_string(p));
    return joinWithAnd(items);
}

enum class Kind { Active, Idle, IdleInTransaction, Other };

class Analysis {
public:
    Analysis(const Snapshot& s, const FindingOptions& o)
        : s_(s)
        , o_(o)
        , now_(s.collectedAt)
        , pg_(s.server.engine == Engine::PostgreSQL) {
        for (const Session& x : s.sessions)
            sessions_.emplace(x.pid, &x);
        for (const RootBlocker& r : s.rootBlockers)
            roots_.insert(r.pid);
        for (const LockWait& w : s.lockWaits) {
            if (w.waitingPid != w.blockingPid)
                waiters_.insert(w.waitingPid);
        }
    }

    std::vector<Finding> run() {
        for (const RootBlocker& r : s_.rootBlockers) {
            if (r.inCycle)
                lockCycle(r);
            else
                rootBlocker(r);
        }
        ddlQueued();
        saturation();
        idleInTransaction();
        longRunning();
        longTransaction();
        std::stable_sort(out_.begin(), out_.end(), [](const Finding& a, const Finding& b) {
            return static_cast<int>(a.severity) > static_cast<int>(b.severity);
        });
        return std::move(out_);
    }

private:
    // ---- helpers ------------------------------------------------------------------------

    const Session* session(std::int64_t pid) const {
        auto it = sessions_.find(pid);
        return it == sessions_.end() ? nullptr : it->second;
    }

    bool isClient(const Session& x) const {
        if (x.application == kOwnApplication)
            return false;
        if (pg_)
            return x.backendType.empty() || x.backendType == "client backend";
        static const std::set<std::string> notClients = {"binlog dump", "binlog dump gtid",
                                                         "daemon", "connect", "register slave"};
        const std::string user = lower(x.user);
        return !notClients.count(lower(x.backendType)) && user != "system user" &&
               user != "event_scheduler";
    }

    Kind kind(const std::string& state, const OptMicros& transactionStart) const {
        const std::string st = lower(state);
        if (st.rfind("idle in transaction", 0) == 0)
            return Kind::IdleInTransaction;
        if (st == "idle" || st == "sleep") {
            // MySQL reports an open transaction only through information_schema.innodb_trx.
            return (!pg_ && transactionStart) ? Kind::IdleInTransaction : Kind::Idle;
        }
        if (st == "active" || (!pg_ && (st == "query" || st == "execute")))
            return Kind::Active;
        return Kind::Other;
    }

    std::optional<double> idleSeconds(const Session& x) const {
        if (auto d = secondsSince(now_, x.stateChange))
            return d;
        return secondsSince(now_, x.transactionStart);
    }

    std::optional<double> runningSeconds(const Session& x) const {
        if (auto d = secondsSince(now_, x.queryStart))
            return d;
        return secondsSince(now_, x.stateChange);
    }

    std::string terminate(std::int64_t pid) const {
        return pg_ ? fmt::format("SELECT pg_terminate_backend({});", pid)
                   : fmt::format("KILL {};", pid);
    }

    std::string cancel(std::int64_t pid) const {
        return pg_ ? fmt::format("SELECT pg_cancel_backend({});", pid)
                   : fmt::format("KILL QUERY {};", pid);
    }

    std::string applicationOrOwner(const std::string& application) const {
        return application.empty() ? std::string("the client") : "application " + application;
    }

    void add(Severity sev, std::string code, std::string summary, std::string next,
             std::string command, std::vector<std::int64_t> pids) {
        out_.push_back(Finding{sev, std::move(code), std::move(summary), std::move(next),
                               std::move(command), std::move(pids)});
    }

    // The oldest statement start among the sessions waiting behind a root, in seconds.
    std::optional<double> oldestWait(const std::vector<std::int64_t>& blocked) const {
        std::optional<double> best;
        for (std::int64_t p : blocked) {
            const Session* x = session(p);
            if (!x)
                continue;
            if (auto d = runningSeconds(*x); d && (!best || *d > *best))
                best = d;
        }
        return best;
    }

    static std::string holdsPhrase(const std::vector<HeldLock>& holds) {
        std::vector<std::string> items;
        std::set<std::string> seen;
        // Table-level locks first: they say what the blocker has in hand.
        std::vector<const HeldLock*> ordered;
        for (const HeldLock& h : holds) {
            if (h.lockType == "relation" || h.lockType == "metadata" || h.lockType == "table")
                ordered.push_back(&h);
        }
        for (const HeldLock& h : holds) {
            if (!(h.lockType == "relation" || h.lockType == "metadata" || h.lockType == "table"))
                ordered.push_back(&h);
        }
        for (const HeldLock* h : ordered) {
            std::string item = h->mode.empty() ? std::string("a lock") : h->mode;
            if (!h->object.empty())
                item += " on " + h->object;
            else if (!h->lockType.empty())
                item += " (" + h->lockType + ")";
            if (seen.insert(item).second)
                items.push_back(std::move(item));
        }
        if (items.empty())
            return {};
        constexpr std::size_t kShown = 3;
        if (items.size() > kShown) {
            const std::size_t more = items.size() - kShown;
            items.resize(kShown);
            items.push_back(plural(static_cast<std::int64_t>(more), "more lock"));
        }
        return "; it holds " + joinWithAnd(items);
    }

    // ---- root blockers and cycles ---------------------------------------------------------

    std::string rootState(const RootBlocker& r, const Session* x) const {
        const Kind k = kind(r.state, r.transactionStart);
        const auto idle = secondsSince(now_, r.stateChange);
        const auto tx = secondsSince(now_, r.transactionStart);
        const std::string st = lower(r.state);
        if (r.state.empty()) {
            return x ? "is in an unknown state and"
                     : "is no longer in the session list (it may have just ended) and";
        }
        if (!pg_ && (st == "idle" || st == "sleep" || k == Kind::IdleInTransaction)) {
            if (tx)
                return fmt::format("is a sleeping connection with an open transaction (open for "
                                   "{}{}) and",
                                   formatDuration(*tx),
                                   idle ? ", idle for " + formatDuration(*idle) : "");
            return idle ? fmt::format("is a sleeping connection (idle for {}) and",
                                      formatDuration(*idle))
                        : std::string("is a sleeping connection and");
        }
        if (k == Kind::IdleInTransaction) {
            std::string phrase = st.find("aborted") != std::string::npos
                                     ? "is idle in a failed (aborted) transaction"
                                     : "is idle in transaction";
            if (idle)
                phrase += " for " + formatDuration(*idle);
            if (tx && idle && *tx - *idle >= 60)
                phrase += " (transaction open for " + formatDuration(*tx) + ")";
            return phrase + " and";
        }
        if (k == Kind::Active) {
            std::optional<double> running = x ? runningSeconds(*x) : idle;
            return running ? fmt::format("has been running a statement for {} and",
                                         formatDuration(*running))
                           : std::string("is running a statement and");
        }
        if (k == Kind::Idle) {
            return idle ? fmt::format("is idle outside a transaction for {} (a session-level lock "
                                      "such as an advisory lock) and",
                                      formatDuration(*idle))
                        : std::string("is idle outside a transaction (a session-level lock "
                                      "such as an advisory lock) and");
        }
        return fmt::format("is in state \"{}\" and", r.state);
    }

    std::string rootNextStep(const RootBlocker& r) const {
        const Kind k = kind(r.state, r.transactionStart);
        const std::string st = lower(r.state);
        const std::string who = applicationOrOwner(r.application);
        if (pg_) {
            switch (k) {
            case Kind::IdleInTransaction:
                return fmt::format(
                    "Ask the owner of {} to commit or roll back that transaction; if that cannot "
                    "happen quickly, an authorised person can end the session with the command "
                    "below, which rolls its transaction back and releases its locks. "
                    "pg_cancel_backend would not help: it only cancels a running statement and "
                    "this session is idle.",
                    who);
            case Kind::Active:
                return fmt::format(
                    "Find out with the owner of {} what the statement does: "
                    "pg_cancel_backend({}) cancels only the running statement (inside an "
                    "explicit transaction the locks stay until the client rolls back); the "
                    "command below ends the session and releases its locks. Either is for an "
                    "authorised person.",
                    who, r.pid);
            case Kind::Idle:
                return fmt::format(
                    "The session holds a session-level lock while idle; ask the owner of {} to "
                    "release it (for example pg_advisory_unlock), or an authorised person can end "
                    "the session with the command below. pg_cancel_backend would not help: no "
                    "statement is running.",
                    who);
            case Kind::Other:
                break;
            }
            return fmt::format("Find out with the owner of {} why the session holds its locks; an "
                               "authorised person can end it with the command below, which rolls "
                               "back its transaction and releases its locks.",
                               who);
        }
        if (st == "idle" || st == "sleep" || k == Kind::IdleInTransaction) {
            if (r.transactionStart || k == Kind::IdleInTransaction)
                return fmt::format(
                    "This is a sleeping connection with an open transaction: the application ran "
                    "statements, did not commit, and went quiet. Ask the owner of {} to commit or "
                    "roll back; if that cannot happen quickly, an authorised person can run the "
                    "command below, which closes the connection and rolls the transaction back. "
                    "KILL QUERY would not help: no statement is running.",
                    who);
            return fmt::format("The connection sleeps while holding locks (LOCK TABLES, GET_LOCK "
                               "or an open transaction); ask the owner of {} to release them, or "
                               "an authorised person can run the command below, which closes the "
                               "connection. KILL QUERY would not help: no statement is running.",
                               who);
        }
        return fmt::format("Find out with the owner of {} what the statement does: KILL QUERY {} "
                           "stops only the running statement; the command below closes the "
                           "connection and rolls back its transaction. Either is for an "
                           "authorised person.",
                           who, r.pid);
    }

    void rootBlocker(const RootBlocker& r) {
        const Session* x = session(r.pid);
        const std::vector<std::int64_t> blocked = blockedBy(r.pid, s_.lockWaits);
        const auto oldest = oldestWait(blocked);
        const bool critical = r.blockedTotal >= 5 || (oldest && *oldest > 60);

        std::string blocks = fmt::format("blocks {}", plural(r.blockedTotal, "session"));
        if (r.blockedDirect != r.blockedTotal)
            blocks += fmt::format(" ({} directly)", r.blockedDirect);
        if (oldest)
            blocks += fmt::format(", the oldest waiting statement started {} ago",
                                  formatDuration(*oldest));
        std::string summary =
            fmt::format("Session {}{} {} {}{}.", r.pid, owner(r.user, r.application),
                        rootState(r, x), blocks, holdsPhrase(r.holds));
        std::vector<std::int64_t> pids{r.pid};
        pids.insert(pids.end(), blocked.begin(), blocked.end());
        add(critical ? Severity::Critical : Severity::Warning, "root-blocker", std::move(summary),
            rootNextStep(r), terminate(r.pid), std::move(pids));
    }

    void lockCycle(const RootBlocker& r) {
        std::vector<std::int64_t> members;
        for (const auto& c : s_.cycles) {
            if (std::find(c.begin(), c.end(), r.pid) != c.end()) {
                members = c;
                break;
            }
        }
        if (members.empty())
            members.push_back(r.pid);
        const std::int64_t others = std::max<std::int64_t>(
            0, r.blockedTotal - static_cast<std::int64_t>(members.size()) + 1);
        std::string summary =
            members.size() > 1
                ? fmt::format("Sessions {} wait on each other in a lock cycle", pidList(members))
                : fmt::format("Session {} waits in a lock cycle", r.pid);
        if (others > 0)
            summary += fmt::format("; {} behind them",
                                   plural(others, "more session waits", "more sessions wait"));
        summary += ".";
        std::string next =
            pg_ ? fmt::format(
                      "PostgreSQL's deadlock detector cancels one of them after deadlock_timeout "
                      "when the cycle is a real deadlock; if the same cycle is still there in the "
                      "next samples, an authorised person can end one of the sessions (the "
                      "command below ends pid {}).",
                      r.pid)
                : fmt::format(
                      "InnoDB normally detects deadlocks at once and rolls one transaction back; "
                      "a cycle that stays means deadlock detection is off "
                      "(innodb_deadlock_detect) or a metadata or user lock is involved, and only "
                      "lock wait timeouts will end it. An authorised person can end one of the "
                      "sessions (the command below ends pid {}).",
                      r.pid);
        std::vector<std::int64_t> pids = members;
        for (std::int64_t p : blockedBy(r.pid, s_.lockWaits)) {
            if (std::find(members.begin(), members.end(), p) == members.end())
                pids.push_back(p);
        }
        add(r.blockedTotal >= 5 ? Severity::Critical : Severity::Warning, "lock-cycle",
            std::move(summary), std::move(next), terminate(r.pid), std::move(pids));
    }

    // ---- DDL queued behind a transaction ----------------------------------------------------

    struct Ddl {
        std::string label;      // "ALTER TABLE"
        std::string shortLabel; // "ALTER"
    };

    static std::optional<Ddl> ddlOf(const std::string& query) {
        const std::vector<std::string> kw = leadingKeywords(query, 3);
        if (kw.empty())
            return std::nullopt;
        const std::string& k0 = kw[0];
        const std::string k1 = kw.size() > 1 ? kw[1] : std::string();
        const std::string k2 = kw.size() > 2 ? kw[2] : std::string();
        if (k0 == "ALTER" || k0 == "DROP" || k0 == "RENAME" || k0 == "OPTIMIZE" || k0 == "REINDEX")
            return Ddl{k1.empty() ? k0 : k0 + " " + k1, k0};
        if (k0 == "TRUNCATE" || k0 == "CLUSTER")
            return Ddl{k0, k0};
        if (k0 == "LOCK")
            return Ddl{k1 == "TABLE" || k1 == "TABLES" ? k0 + " " + k1 : k0, k0};
        if (k0 == "CREATE" && (k1 == "INDEX" || (k1 == "UNIQUE" && k2 == "INDEX")))
            return Ddl{"CREATE INDEX", "CREATE INDEX"};
        if (k0 == "VACUUM" && (k1 == "FULL" || k2 == "FULL"))
            return Ddl{"VACUUM FULL", "VACUUM FULL"};
        return std::nullopt;
    }

    static bool readerMode(const std::string& mode) {
        return mode == "AccessShareLock" || mode == "SHARED_READ";
    }

    void ddlQueued() {
        for (const Session& x : s_.sessions) {
            if (!waiters_.count(x.pid) || x.application == kOwnApplication)
                continue;
            const auto ddl = ddlOf(x.query);
            if (!ddl)
                continue;
            std::vector<std::int64_t> blockers;
            std::string object;
            bool anyHard = false;
            for (const LockWait& w : s_.lockWaits) {
                if (w.waitingPid != x.pid || w.blockingPid == x.pid)
                    continue;
                if (w.hard && !anyHard) { // hard edges name the lock holder: prefer them
                    blockers.clear();
                    anyHard = true;
                }
                if (w.hard == anyHard &&
                    std::find(blockers.begin(), blockers.end(), w.blockingPid) == blockers.end())
                    blockers.push_back(w.blockingPid);
                if (object.empty())
                    object = w.object;
            }
            std::sort(blockers.begin(), blockers.end());
            const std::vector<std::int64_t> behind = blockedBy(x.pid, s_.lockWaits);
            const auto queued = runningSeconds(x);
            if (queued ? *queued < o_.ddlQueuedSeconds : behind.empty())
                continue;

            // Readers: every wait of theirs asks for a share (read) lock.
            std::unordered_map<std::int64_t, bool> onlyReads;
            for (const LockWait& w : s_.lockWaits) {
                auto [it, inserted] = onlyReads.try_emplace(w.waitingPid, true);
                it->second = it->second && readerMode(w.mode);
            }
            std::int64_t readers = 0;
            for (std::int64_t p : behind) {
                if (onlyReads[p])
                    ++readers;
            }

            std::string summary =
                fmt::format("{} from pid {}{}", ddl->label, x.pid,
                            x.application.empty() ? std::string() : " (" + x.application + ")");
            summary += queued ? fmt::format(" has been queued for {}", formatDuration(*queued))
                              : std::string(" is queued");
            if (blockers.size() == 1) {
                summary += fmt::format(" behind the transaction of pid {}", blockers.front());
                const Session* b = session(blockers.front());
                if (b) {
                    if (auto tx = secondsSince(now_, b->transactionStart))
                        summary += fmt::format(" (open for {})", formatDuration(*tx));
                }
            } else if (!blockers.empty()) {
                summary += fmt::format(" behind the transactions of pids {}", pidList(blockers));
            }
            const std::int64_t n = static_cast<std::int64_t>(behind.size());
            const std::string on = object.empty() ? std::string("the table") : object;
            if (behind.empty()) {
                summary += "; nothing waits behind it yet.";
            } else if (readers == n) {
                summary += n == 1
                               ? fmt::format("; 1 session that only reads {} waits behind the {}.",
                                             on, ddl->shortLabel)
                               : fmt::format("; {} sessions that only read {} wait behind the {}.",
                                             formatCount(n), on, ddl->shortLabel);
            } else {
                summary +=
                    fmt::format("; {} behind the {} on {}",
                                plural(n, "session waits", "sessions wait"), ddl->shortLabel, on);
                if (readers > 0)
                    summary += fmt::format(" ({} of them only read)", readers);
                summary += ".";
            }

            const std::string blockerText =
                blockers.empty() ? std::string("the blocking transaction")
                                 : fmt::format("the transaction of pid {}", pidList(blockers));
            std::string next = fmt::format(
                "Cancel the {} (pid {}{}) so that the sessions behind it can proceed, which the "
                "command below does, or end {} if it should not be open; run migrations with a "
                "short {} and retries, so that they give up instead of queueing in front of "
                "other sessions.",
                ddl->label, x.pid,
                x.application.empty() ? std::string() : ", application " + x.application,
                blockerText,
                pg_ ? "lock_timeout (for example SET lock_timeout = '5s')"
                    : "lock_wait_timeout (for example SET SESSION lock_wait_timeout = 5)");
            std::vector<std::int64_t> pids{x.pid};
            pids.insert(pids.end(), blockers.begin(), blockers.end());
            add(behind.empty() ? Severity::Warning : Severity::Critical, "ddl-queued",
                std::move(summary), std::move(next), cancel(x.pid), std::move(pids));
        }
    }

    // ---- connections -------------------------------------------------------------------------

    void saturation() {
        const ConnectionCounts& c = s_.connections;
        const std::int64_t usable = c.usable();
        if (usable <= 0)
            return;
        const double ratio = static_cast<double>(c.total) / static_cast<double>(usable);
        if (ratio < o_.saturationRatio)
            return;
        std::int64_t idle = 0, iit = 0, active = 0;
        for (const auto& [state, n] : c.byState) {
            const std::string st = lower(state);
            if (st == "idle" || st == "sleep")
                idle += n;
            else if (st.rfind("idle in transaction", 0) == 0)
                iit += n;
            else if (st == "active")
                active += n;
        }
        // Which application the idle-in-transaction sessions come from (session list).
        std::map<std::string, std::int64_t> iitByApp;
        for (const Session& x : s_.sessions) {
            if (kind(x.state, x.transactionStart) == Kind::IdleInTransaction)
                ++iitByApp[x.application];
        }
        auto top = [](const std::map<std::string, std::int64_t>& m) {
            std::pair<std::string, std::int64_t> best{"", 0};
            for (const auto& [k, v] : m) {
                if (!k.empty() && k != kOwnApplication && v > best.second)
                    best = {k, v};
            }
            return best;
        };
        const auto topIit = iit > 0 ? top(iitByApp) : std::pair<std::string, std::int64_t>{};
        const auto topAll = top(c.byApplication);

        std::string summary =
            fmt::format("{} of {} usable connection slots are in use ({})", formatCount(c.total),
                        formatCount(usable), formatPercent(ratio));
        std::vector<std::string> parts;
        if (idle > 0)
            parts.push_back(fmt::format("{} {} idle", formatCount(idle), idle == 1 ? "is" : "are"));
        if (iit > 0) {
            std::string p = fmt::format("{} idle in transaction", formatCount(iit));
            if (topIit.second > 0)
                p += fmt::format(" ({} of them from application {})", formatCount(topIit.second),
                                 topIit.first);
            parts.push_back(std::move(p));
        }
        if (parts.empty() && active > 0)
            parts.push_back(
                fmt::format("{} {} active", formatCount(active), active == 1 ? "is" : "are"));
        if (!parts.empty())
            summary += "; " + fmt::format("{}", fmt::join(parts, ", "));
        if (topIit.second == 0 && topAll.second > 0)
            summary += fmt::format("; application {} holds the most ({})", topAll.first,
                                   formatCount(topAll.second));
        summary += ".";

        const std::string app = topIit.second > 0 ? topIit.first : topAll.first;
        std::string next;
        if (!app.empty())
            next = fmt::format("Look at application {} first: check its connection pool size and "
                               "that it commits or rolls back promptly (idle-in-transaction "
                               "sessions keep their slot and their locks). ",
                               app);
        else
            next = "Find out which clients hold the connections (by application, user and "
                   "client address) and check their pool sizes. ";
        next += pg_ ? "A pooler such as PgBouncer in transaction mode lets many clients share "
                      "few server connections; raising max_connections costs memory and is a "
                      "reviewed change."
                    : "A proxy such as ProxySQL lets many clients share few server connections; "
                      "raising max_connections costs memory and is a reviewed change.";
        add(ratio >= 0.95 ? Severity::Critical : Severity::Warning, "connection-saturation",
            std::move(summary), std::move(next), {}, {});
    }

    // ---- sessions over time thresholds ---------------------------------------------------

    struct Aged {
        const Session* session;
        double seconds;
    };

    static void sortOldestFirst(std::vector<Aged>& v) {
        std::sort(v.begin(), v.end(), [](const Aged& a, const Aged& b) {
            if (a.seconds != b.seconds)
                return a.seconds > b.seconds;
            return a.session->pid < b.session->pid;
        });
    }

    static std::vector<std::int64_t> pidsOf(const std::vector<Aged>& v) {
        std::vector<std::int64_t> out;
        out.reserve(v.size());
        for (const Aged& a : v)
            out.push_back(a.session->pid);
        return out;
    }

    // "; 4 of them come from application checkout-api" when one application has several.
    static std::string topApplication(const std::vector<Aged>& v) {
        if (v.size() < 2)
            return {};
        std::map<std::string, std::int64_t> byApp;
        for (const Aged& a : v) {
            if (!a.session->application.empty())
                ++byApp[a.session->application];
        }
        std::pair<std::string, std::int64_t> best{"", 0};
        for (const auto& [k, n] : byApp) {
            if (n > best.second)
                best = {k, n};
        }
        if (best.second < 2)
            return {};
        return fmt::format("; {} of them come from application {}", best.second, best.first);
    }

    void idleInTransaction() {
        std::vector<Aged> over;
        std::vector<std::int64_t> blocking;
        for (const Session& x : s_.sessions) {
            if (!isClient(x) || kind(x.state, x.transactionStart) != Kind::IdleInTransaction)
                continue;
            const auto idle = idleSeconds(x);
            if (!idle || *idle <= o_.idleInTransactionSeconds)
                continue;
            if (roots_.count(x.pid))
                blocking.push_back(x.pid);
            else
                over.push_back({&x, *idle});
        }
        if (over.empty())
            return;
        sortOldestFirst(over);
        std::sort(blocking.begin(), blocking.end());
        const Session& o = *over.front().session;
        for (const Aged& a : over)
            covered_.insert(a.session->pid);

        std::string summary = fmt::format(
            "{} been idle in transaction for more than {}; the oldest, pid {}{}, for {}",
            over.size() == 1 ? std::string("1 session has")
                             : fmt::format("{} sessions have", over.size()),
            formatDuration(o_.idleInTransactionSeconds), o.pid, owner(o.user, o.application),
            formatDuration(over.front().seconds));
        if (auto tx = secondsSince(now_, o.transactionStart);
            tx && *tx - over.front().seconds >= 60)
            summary += fmt::format(" (transaction open for {})", formatDuration(*tx));
        summary += topApplication(over);
        if (!blocking.empty())
            summary += blocking.size() == 1
                           ? fmt::format("; pid {}, also idle in transaction, blocks other "
                                         "sessions and is reported as a root blocker",
                                         blocking.front())
                           : fmt::format("; pids {}, also idle in transaction, block other "
                                         "sessions and are reported as root blockers",
                                         pidList(blocking));
        summary += ".";

        const std::string who = applicationOrOwner(o.application);
        std::string next =
            pg_ ? fmt::format(
                      "Ask the owner of {} to commit or roll back promptly: these sessions keep "
                      "their locks and hold back the xmin horizon, so vacuum cannot remove dead "
                      "rows. idle_in_transaction_session_timeout (set per role or database) ends "
                      "such sessions automatically; an authorised person can end the oldest with "
                      "the command below.",
                      who)
                : fmt::format(
                      "Ask the owner of {} to commit or roll back promptly: these sleeping "
                      "connections keep their row locks and stop InnoDB from purging old row "
                      "versions (the history list grows). An authorised person can end the "
                      "oldest with the command below, which rolls its transaction back.",
                      who);
        add(Severity::Warning, "idle-in-transaction", std::move(summary), std::move(next),
            terminate(o.pid), pidsOf(over));
    }

    void longRunning() {
        std::vector<Aged> over;
        for (const Session& x : s_.sessions) {
            if (!isClient(x) || kind(x.state, x.transactionStart) != Kind::Active)
                continue;
            if (waiters_.count(x.pid) || roots_.count(x.pid))
                continue; // lock waits and root blockers have their own findings
            const auto running = runningSeconds(x);
            if (!running || *running <= o_.longRunningSeconds)
                continue;
            over.push_back({&x, *running});
        }
        if (over.empty())
            return;
        sortOldestFirst(over);
        const Session& o = *over.front().session;
        for (const Aged& a : over)
            covered_.insert(a.session->pid);
        std::string summary =
            fmt::format("{} been running for more than {}; the longest, pid {}{}, for {}{}.",
                        over.size() == 1 ? std::string("1 statement has")
                                         : fmt::format("{} statements have", over.size()),
                        formatDuration(o_.longRunningSeconds), o.pid, owner(o.user, o.application),
                        formatDuration(over.front().seconds), topApplication(over));
        const std::string who = applicationOrOwner(o.application);
        std::string next = fmt::format(
            "Check with the owner of {} whether that run time is expected (a report or a batch "
            "job) or a plan gone wrong (look at the statement's plan); an authorised person can "
            "cancel the statement with the command below, which keeps the {}.",
            who, pg_ ? "session" : "connection");
        add(Severity::Warning, "long-running-query", std::move(summary), std::move(next),
            cancel(o.pid), pidsOf(over));
    }

    void longTransaction() {
        std::vector<Aged> over;
        for (const Session& x : s_.sessions) {
            if (!isClient(x) || covered_.count(x.pid) || roots_.count(x.pid) ||
                waiters_.count(x.pid))
                continue;
            const auto tx = secondsSince(now_, x.transactionStart);
            if (!tx || *tx <= o_.longTransactionSeconds)
                continue;
            over.push_back({&x, *tx});
        }
        if (over.empty())
            return;
        sortOldestFirst(over);
        const Session& o = *over.front().session;
        std::string summary =
            fmt::format("{} been open for more than {}; the oldest, pid {}{}, for {}",
                        over.size() == 1 ? std::string("1 transaction has")
                                         : fmt::format("{} transactions have", over.size()),
                        formatDuration(o_.longTransactionSeconds), o.pid,
                        owner(o.user, o.application), formatDuration(over.front().seconds));
        if (!o.state.empty())
            summary += fmt::format(" (now {})", o.state);
        if (pg_ && o.xminAge && *o.xminAge > 0)
            summary += fmt::format("; it holds the xmin horizon back by {} transactions",
                                   formatCount(*o.xminAge));
        summary += topApplication(over) + ".";
        const std::string who = applicationOrOwner(o.application);
        std::string next =
            pg_ ? fmt::format("Long transactions hold back the xmin horizon, so vacuum cannot "
                              "remove dead rows anywhere in the database and tables and indexes "
                              "bloat; ask the owner of {} whether the transaction needs to stay "
                              "open, and have batch jobs commit in smaller pieces.",
                              who)
                : fmt::format("Long transactions stop InnoDB from purging old row versions (the "
                              "history list grows and reads slow down); ask the owner of {} "
                              "whether the transaction needs to stay open, and have batch jobs "
                              "commit in smaller pieces.",
                              who);
        add(Severity::Warning, "long-transaction", std::move(summary), std::move(next), {},
            pidsOf(over));
    }

    const Snapshot& s_;
    const FindingOptions& o_;
    Micros now_;
    bool pg_;
    std::unordered_map<std::int64_t, const Session*> sessions_;
    std::unordered_set<std::int64_t> roots_;
    std::unordered_set<std::int64_t> waiters_;
    std::unordered_set<std::int64_t> covered_; // reported by idle-in-tx / long-running
    std::vector<Finding> out_;
};

} // namespace

std::vector<Finding> deriveFindings(const Snapshot& snapshot, const FindingOptions& options) {
    return Analysis(snapshot, options).run();
}

} // namespace dbt
