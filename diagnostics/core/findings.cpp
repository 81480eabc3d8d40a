#include "findings.h"

#include "message.h"
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

// The sentences are built as Messages (message.h): translatable templates in the context
// "Finding" with their arguments; the English text is englishText(message). Punctuation that
// only glues phrases together is composed without translation.
constexpr const char* kNoContext = "";

Message compose(const char* pattern, std::vector<Message> args) {
    return phrase(kNoContext, pattern, std::move(args));
}

Message none() {
    return literal(std::string());
}

Message duration(double seconds) {
    return figure(formatDuration(seconds));
}

// "a", "a and b", "a, b and c".
Message joinAnd(std::vector<Message> items) {
    if (items.empty())
        return none();
    Message out = std::move(items.front());
    for (std::size_t i = 1; i < items.size(); ++i) {
        if (i + 1 == items.size())
            out = phrase(DBT_TR("Finding", "%1 and %2"), {std::move(out), std::move(items[i])});
        else
            out = compose("%1, %2", {std::move(out), std::move(items[i])});
    }
    return out;
}

// " (user app, application billing-worker)", or nothing when neither is known.
Message owner(const std::string& user, const std::string& application) {
    std::vector<Message> parts;
    if (!user.empty())
        parts.push_back(phrase(DBT_TR("Finding", "user %1"), {literal(user)}));
    if (!application.empty())
        parts.push_back(phrase(DBT_TR("Finding", "application %1"), {literal(application)}));
    if (parts.empty())
        return none();
    Message inner =
        parts.size() == 1 ? std::move(parts.front()) : compose("%1, %2", std::move(parts));
    return compose(" (%1)", {std::move(inner)});
}

// "1, 2 and 3"; past kShownPids the first ones and "and N more", so that a queue behind
// hundreds of transactions stays a sentence (the finding's pids list keeps every one).
constexpr std::size_t kShownPids = 8;

Message pidList(const std::vector<std::int64_t>& pids) {
    const std::size_t shown = pids.size() > kShownPids ? kShownPids - 1 : pids.size();
    std::vector<Message> items;
    items.reserve(shown + 1);
    for (std::size_t i = 0; i < shown; ++i)
        items.push_back(literal(pids[i]));
    if (shown < pids.size())
        items.push_back(phrase(DBT_TR("Finding", "%1 more"),
                               {count(static_cast<std::int64_t>(pids.size() - shown))}));
    return joinAnd(std::move(items));
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
        // Roots come most-blocking first. Past kDetailedRoots the rest are one finding: forty
        // batch workers that each hold a row are one pattern, not forty cards to scroll.
        std::vector<const RootBlocker*> rest;
        std::size_t detailed = 0;
        for (const RootBlocker& r : s_.rootBlockers) {
            if (r.inCycle)
                lockCycle(r);
            else if (detailed++ < kDetailedRoots)
                rootBlocker(r);
            else
                rest.push_back(&r);
        }
        moreRootBlockers(rest);
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

    // In "the owner of %1": its own context, as languages inflect it differently from the
    // "(user …, application …)" of a summary.
    static Message applicationOrOwner(const std::string& application) {
        return application.empty()
                   ? phrase(DBT_TR("FindingOwner", "the client"))
                   : phrase(DBT_TR("FindingOwner", "application %1"), {literal(application)});
    }

    void add(Severity sev, std::string code, Message summary, Message next, std::string command,
             std::vector<std::int64_t> pids) {
        Finding f{sev,
                  std::move(code),
                  englishText(summary),
                  englishText(next),
                  std::move(command),
                  std::move(pids)};
        f.summaryText = std::move(summary);
        f.nextStepText = std::move(next);
        out_.push_back(std::move(f));
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

    static Message holdsPhrase(const std::vector<HeldLock>& holds) {
        std::vector<Message> items;
        std::set<std::string> seen;
        // In rankedHolds order (waitgraph.h): what others wait for first.
        for (const HeldLock& hold : holds) {
            const HeldLock* h = &hold;
            Message item = h->mode.empty() ? phrase(DBT_TR("Finding", "a lock")) : literal(h->mode);
            if (!h->object.empty())
                item =
                    phrase(DBT_TR("Finding", "%1 on %2"), {std::move(item), lockObject(h->object)});
            else if (!h->lockType.empty())
                item = compose("%1 (%2)", {std::move(item), literal(h->lockType)});
            if (seen.insert(englishText(item)).second)
                items.push_back(std::move(item));
        }
        if (items.empty())
            return none();
        constexpr std::size_t kShown = 3;
        if (items.size() > kShown) {
            const auto more = static_cast<std::int64_t>(items.size() - kShown);
            items.resize(kShown);
            items.push_back(more == 1 ? phrase(DBT_TR("Finding", "1 more lock"))
                                      : phrase(DBT_TR("Finding", "%1 more locks"), {count(more)}));
        }
        return phrase(DBT_TR("Finding", "; it holds %1"), {joinAnd(std::move(items))});
    }

    // ---- root blockers and cycles ---------------------------------------------------------

    Message rootState(const RootBlocker& r, const Session* x) const {
        const Kind k = kind(r.state, r.transactionStart);
        const auto idle = secondsSince(now_, r.stateChange);
        const auto tx = secondsSince(now_, r.transactionStart);
        const std::string st = lower(r.state);
        if (r.state.empty()) {
            return x ? phrase(DBT_TR("Finding", "is in an unknown state and"))
                     : phrase(DBT_TR("Finding", "is no longer in the session list (it may have "
                                                "just ended) and"));
        }
        if (!pg_ && (st == "idle" || st == "sleep" || k == Kind::IdleInTransaction)) {
            if (tx && idle)
                return phrase(DBT_TR("Finding", "is a sleeping connection with an open "
                                                "transaction (open for %1, idle for %2) and"),
                              {duration(*tx), duration(*idle)});
            if (tx)
                return phrase(DBT_TR("Finding", "is a sleeping connection with an open "
                                                "transaction (open for %1) and"),
                              {duration(*tx)});
            return idle ? phrase(DBT_TR("Finding", "is a sleeping connection (idle for %1) and"),
                                 {duration(*idle)})
                        : phrase(DBT_TR("Finding", "is a sleeping connection and"));
        }
        if (k == Kind::IdleInTransaction) {
            const bool aborted = st.find("aborted") != std::string::npos;
            if (idle && tx && *tx - *idle >= 60)
                return aborted ? phrase(DBT_TR("Finding",
                                               "is idle in a failed (aborted) transaction for %1 "
                                               "(transaction open for %2) and"),
                                        {duration(*idle), duration(*tx)})
                               : phrase(DBT_TR("Finding", "is idle in transaction for %1 "
                                                          "(transaction open for %2) and"),
                                        {duration(*idle), duration(*tx)});
            if (idle)
                return aborted ? phrase(DBT_TR("Finding",
                                               "is idle in a failed (aborted) transaction for %1 "
                                               "and"),
                                        {duration(*idle)})
                               : phrase(DBT_TR("Finding", "is idle in transaction for %1 and"),
                                        {duration(*idle)});
            return aborted
                       ? phrase(DBT_TR("Finding", "is idle in a failed (aborted) transaction and"))
                       : phrase(DBT_TR("Finding", "is idle in transaction and"));
        }
        if (k == Kind::Active) {
            std::optional<double> running = x ? runningSeconds(*x) : idle;
            return running ? phrase(DBT_TR("Finding", "has been running a statement for %1 and"),
                                    {duration(*running)})
                           : phrase(DBT_TR("Finding", "is running a statement and"));
        }
        if (k == Kind::Idle) {
            return idle ? phrase(DBT_TR("Finding", "is idle outside a transaction for %1 (a "
                                                   "session-level lock such as an advisory lock) "
                                                   "and"),
                                 {duration(*idle)})
                        : phrase(DBT_TR("Finding", "is idle outside a transaction (a "
                                                   "session-level lock such as an advisory lock) "
                                                   "and"));
        }
        return phrase(DBT_TR("Finding", "is in state \"%1\" and"), {literal(r.state)});
    }

    Message rootNextStep(const RootBlocker& r) const {
        const Kind k = kind(r.state, r.transactionStart);
        const std::string st = lower(r.state);
        Message who = applicationOrOwner(r.application);
        if (pg_) {
            switch (k) {
            case Kind::IdleInTransaction:
                return phrase(
                    DBT_TR("Finding",
                           "Ask the owner of %1 to commit or roll back that transaction; if that "
                           "cannot happen quickly, an authorised person can end the session with "
                           "the command below, which rolls its transaction back and releases its "
                           "locks. pg_cancel_backend would not help: it only cancels a running "
                           "statement and this session is idle."),
                    {std::move(who)});
            case Kind::Active:
                return phrase(
                    DBT_TR("Finding",
                           "Find out with the owner of %1 what the statement does: "
                           "pg_cancel_backend(%2) cancels only the running statement (inside an "
                           "explicit transaction the locks stay until the client rolls back); the "
                           "command below ends the session and releases its locks. Either is for "
                           "an authorised person."),
                    {std::move(who), literal(r.pid)});
            case Kind::Idle:
                return phrase(
                    DBT_TR("Finding",
                           "The session holds a session-level lock while idle; ask the owner of "
                           "%1 to release it (for example pg_advisory_unlock), or an authorised "
                           "person can end the session with the command below. pg_cancel_backend "
                           "would not help: no statement is running."),
                    {std::move(who)});
            case Kind::Other:
                break;
            }
            return phrase(DBT_TR("Finding",
                                 "Find out with the owner of %1 why the session holds its locks; "
                                 "an authorised person can end it with the command below, which "
                                 "rolls back its transaction and releases its locks."),
                          {std::move(who)});
        }
        if (st == "idle" || st == "sleep" || k == Kind::IdleInTransaction) {
            if (r.transactionStart || k == Kind::IdleInTransaction)
                return phrase(
                    DBT_TR("Finding",
                           "This is a sleeping connection with an open transaction: the "
                           "application ran statements, did not commit, and went quiet. Ask the "
                           "owner of %1 to commit or roll back; if that cannot happen quickly, an "
                           "authorised person can run the command below, which closes the "
                           "connection and rolls the transaction back. KILL QUERY would not help: "
                           "no statement is running."),
                    {std::move(who)});
            return phrase(DBT_TR("Finding",
                                 "The connection sleeps while holding locks (LOCK TABLES, GET_LOCK "
                                 "or an open transaction); ask the owner of %1 to release them, "
                                 "or an authorised person can run the command below, which closes "
                                 "the connection. KILL QUERY would not help: no statement is "
                                 "running."),
                          {std::move(who)});
        }
        return phrase(DBT_TR("Finding",
                             "Find out with the owner of %1 what the statement does: KILL QUERY "
                             "%2 stops only the running statement; the command below closes the "
                             "connection and rolls back its transaction. Either is for an "
                             "authorised person."),
                      {std::move(who), literal(r.pid)});
    }

    static constexpr std::size_t kDetailedRoots = 5;

    // The root blockers past the first kDetailedRoots: how many, how many sessions wait behind
    // them, from which applications; each is still in the Locks view and lock_waits.csv.
    void moreRootBlockers(const std::vector<const RootBlocker*>& rest) {
        if (rest.empty())
            return;
        std::set<std::int64_t> behind;
        std::map<std::string, std::int64_t> byApplication;
        std::vector<std::int64_t> pids;
        bool critical = false;
        for (const RootBlocker* r : rest) {
            pids.push_back(r->pid);
            const std::vector<std::int64_t> blocked = blockedBy(r->pid, s_.lockWaits);
            behind.insert(blocked.begin(), blocked.end());
            const Session* x = session(r->pid);
            ++byApplication[x ? x->application : r->application];
            const auto oldest = oldestWait(blocked);
            critical = critical || r->blockedTotal >= 5 || (oldest && *oldest > 60);
        }
        std::vector<std::pair<std::string, std::int64_t>> apps(byApplication.begin(),
                                                               byApplication.end());
        std::stable_sort(apps.begin(), apps.end(),
                         [](const auto& a, const auto& b) { return a.second > b.second; });
        constexpr std::size_t kApps = 3;
        std::vector<Message> items;
        for (std::size_t i = 0; i < apps.size() && i < kApps; ++i)
            items.push_back(compose("%1 (%2)", {apps[i].first.empty()
                                                    ? phrase(DBT_TR("Finding", "no application"))
                                                    : literal(apps[i].first),
                                                count(apps[i].second)}));
        if (apps.size() > kApps) {
            std::int64_t others = 0;
            for (std::size_t i = kApps; i < apps.size(); ++i)
                others += apps[i].second;
            items.push_back(phrase(DBT_TR("Finding", "%1 more"), {count(others)}));
        }
        const auto n = static_cast<std::int64_t>(rest.size());
        const auto waiting = static_cast<std::int64_t>(behind.size());
        Message summary = phrase(
            DBT_TR("Finding", "%1 more sessions are root blockers and %2 sessions wait behind "
                              "them; by application: %3."),
            {count(n), count(waiting), joinAnd(std::move(items))});
        Message next =
            phrase(DBT_TR("Finding",
                          "Each is listed with what it holds in the Locks view and in a bundle's "
                          "lock_waits.csv (pids %1); ask the owner of %2, where most of them come "
                          "from, why its sessions keep locks that other sessions wait for."),
                   {pidList(pids), applicationOrOwner(apps.front().first)});
        add(critical ? Severity::Critical : Severity::Warning, "root-blockers-more",
            std::move(summary), std::move(next), std::string(), std::move(pids));
    }

    void rootBlocker(const RootBlocker& r) {
        const Session* x = session(r.pid);
        const std::vector<std::int64_t> blocked = blockedBy(r.pid, s_.lockWaits);
        const auto oldest = oldestWait(blocked);
        const bool critical = r.blockedTotal >= 5 || (oldest && *oldest > 60);

        Message blocks = r.blockedTotal == 1 ? phrase(DBT_TR("Finding", "blocks 1 session"))
                                             : phrase(DBT_TR("Finding", "blocks %1 sessions"),
                                                      {count(r.blockedTotal)});
        Message direct =
            r.blockedDirect != r.blockedTotal
                ? phrase(DBT_TR("Finding", " (%1 directly)"), {literal(r.blockedDirect)})
                : none();
        Message oldestText =
            oldest ? phrase(DBT_TR("Finding", ", the oldest waiting statement started %1 ago"),
                            {duration(*oldest)})
                   : none();
        Message summary = phrase(
            DBT_TR("Finding", "Session %1%2 %3 %4%5."),
            {literal(r.pid), owner(r.user, r.application), rootState(r, x),
             compose("%1%2%3", {std::move(blocks), std::move(direct), std::move(oldestText)}),
             holdsPhrase(r.holds)});
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
        Message cycle =
            members.size() > 1
                ? phrase(DBT_TR("Finding", "Sessions %1 wait on each other in a lock cycle"),
                         {pidList(members)})
                : phrase(DBT_TR("Finding", "Session %1 waits in a lock cycle"), {literal(r.pid)});
        Message behind =
            others == 0 ? none()
            : others == 1
                ? phrase(DBT_TR("Finding", "; 1 more session waits behind them"))
                : phrase(DBT_TR("Finding", "; %1 more sessions wait behind them"), {count(others)});
        Message summary = compose("%1%2.", {std::move(cycle), std::move(behind)});
        Message next =
            pg_ ? phrase(DBT_TR("Finding",
                                "PostgreSQL's deadlock detector cancels one of them after "
                                "deadlock_timeout when the cycle is a real deadlock; if the same "
                                "cycle is still there in the next samples, an authorised person "
                                "can end one of the sessions (the command below ends pid %1)."),
                         {literal(r.pid)})
                : phrase(DBT_TR("Finding",
                                "InnoDB normally detects deadlocks at once and rolls one "
                                "transaction back; a cycle that stays means deadlock detection is "
                                "off (innodb_deadlock_detect) or a metadata or user lock is "
                                "involved, and only lock wait timeouts will end it. An authorised "
                                "person can end one of the sessions (the command below ends pid "
                                "%1)."),
                         {literal(r.pid)});
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

            Message what =
                x.application.empty()
                    ? phrase(DBT_TR("Finding", "%1 from pid %2"),
                             {literal(ddl->label), literal(x.pid)})
                    : phrase(DBT_TR("Finding", "%1 from pid %2 (%3)"),
                             {literal(ddl->label), literal(x.pid), literal(x.application)});
            Message state =
                queued ? phrase(DBT_TR("Finding", " has been queued for %1"), {duration(*queued)})
                       : phrase(DBT_TR("Finding", " is queued"));
            Message behindWhom = none();
            if (blockers.size() == 1) {
                const Session* b = session(blockers.front());
                const auto tx = b ? secondsSince(now_, b->transactionStart) : std::nullopt;
                behindWhom = tx ? phrase(DBT_TR("Finding",
                                                " behind the transaction of pid %1 (open for %2)"),
                                         {literal(blockers.front()), duration(*tx)})
                                : phrase(DBT_TR("Finding", " behind the transaction of pid %1"),
                                         {literal(blockers.front())});
            } else if (!blockers.empty()) {
                behindWhom = phrase(DBT_TR("Finding", " behind the transactions of pids %1"),
                                    {pidList(blockers)});
            }
            const std::int64_t n = static_cast<std::int64_t>(behind.size());
            Message on =
                object.empty() ? phrase(DBT_TR("Finding", "the table")) : lockObject(object);
            Message queue = none();
            if (behind.empty()) {
                queue = phrase(DBT_TR("Finding", "; nothing waits behind it yet."));
            } else if (readers == n) {
                queue = n == 1 ? phrase(DBT_TR("Finding", "; 1 session that only reads %1 waits "
                                                          "behind the %2."),
                                        {std::move(on), literal(ddl->shortLabel)})
                               : phrase(DBT_TR("Finding", "; %1 sessions that only read %2 wait "
                                                          "behind the %3."),
                                        {count(n), std::move(on), literal(ddl->shortLabel)});
            } else {
                queue = n == 1 ? phrase(DBT_TR("Finding", "; 1 session waits behind the %1 on %2"),
                                        {literal(ddl->shortLabel), std::move(on)})
                               : phrase(DBT_TR("Finding", "; %1 sessions wait behind the %2 on %3"),
                                        {count(n), literal(ddl->shortLabel), std::move(on)});
                queue = compose("%1%2.",
                                {std::move(queue),
                                 readers > 0 ? phrase(DBT_TR("Finding", " (%1 of them only read)"),
                                                      {literal(readers)})
                                             : none()});
            }
            Message summary = compose("%1%2%3%4", {std::move(what), std::move(state),
                                                   std::move(behindWhom), std::move(queue)});

            Message blockerText =
                blockers.empty()
                    ? phrase(DBT_TR("Finding", "the blocking transaction if it should not be open"))
                : blockers.size() == 1
                    ? phrase(
                          DBT_TR("Finding", "the transaction of pid %1 if it should not be open"),
                          {literal(blockers.front())})
                    : phrase(DBT_TR("Finding",
                                    "the transactions of pids %1 if they should not be open"),
                             {pidList(blockers)});
            Message next = phrase(
                DBT_TR("Finding",
                       "Cancel the %1 (pid %2%3) so that the sessions behind it can proceed, "
                       "which the command below does, or end %4; run "
                       "migrations with a short %5 and retries, so that they give up instead of "
                       "queueing in front of other sessions."),
                {literal(ddl->label), literal(x.pid),
                 x.application.empty()
                     ? none()
                     : phrase(DBT_TR("Finding", ", application %1"), {literal(x.application)}),
                 std::move(blockerText),
                 pg_ ? phrase(DBT_TR("Finding", "lock_timeout (for example SET lock_timeout = "
                                                "'5s')"))
                     : phrase(DBT_TR("Finding", "lock_wait_timeout (for example SET SESSION "
                                                "lock_wait_timeout = 5)"))});
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

        Message summary =
            phrase(DBT_TR("Finding", "%1 of %2 usable connection slots are in use (%3)"),
                   {count(c.total), count(usable), figure(formatPercent(ratio))});
        std::vector<Message> parts;
        if (idle > 0)
            parts.push_back(idle == 1 ? phrase(DBT_TR("Finding", "%1 is idle"), {count(idle)})
                                      : phrase(DBT_TR("Finding", "%1 are idle"), {count(idle)}));
        if (iit > 0) {
            parts.push_back(
                topIit.second > 0
                    ? phrase(DBT_TR("Finding",
                                    "%1 idle in transaction (%2 of them from application %3)"),
                             {count(iit), count(topIit.second), literal(topIit.first)})
                    : phrase(DBT_TR("Finding", "%1 idle in transaction"), {count(iit)}));
        }
        if (parts.empty() && active > 0)
            parts.push_back(active == 1
                                ? phrase(DBT_TR("Finding", "%1 is active"), {count(active)})
                                : phrase(DBT_TR("Finding", "%1 are active"), {count(active)}));
        if (!parts.empty()) {
            Message joined =
                parts.size() == 1 ? std::move(parts.front()) : compose("%1, %2", std::move(parts));
            summary = compose("%1; %2", {std::move(summary), std::move(joined)});
        }
        if (topIit.second == 0 && topAll.second > 0)
            summary =
                compose("%1%2", {std::move(summary),
                                 phrase(DBT_TR("Finding", "; application %1 holds the most (%2)"),
                                        {literal(topAll.first), count(topAll.second)})});
        summary = compose("%1.", {std::move(summary)});

        const std::string app = topIit.second > 0 ? topIit.first : topAll.first;
        Message first =
            !app.empty()
                ? phrase(DBT_TR("Finding",
                                "Look at application %1 first: check its connection pool size "
                                "and that it commits or rolls back promptly "
                                "(idle-in-transaction sessions keep their slot and their locks)."),
                         {literal(app)})
                : phrase(DBT_TR("Finding", "Find out which clients hold the connections (by "
                                           "application, user and client address) and check "
                                           "their pool sizes."));
        Message pooler =
            pg_ ? phrase(DBT_TR("Finding", "A pooler such as PgBouncer in transaction mode lets "
                                           "many clients share few server connections; raising "
                                           "max_connections costs memory and is a reviewed "
                                           "change."))
                : phrase(DBT_TR("Finding", "A proxy such as ProxySQL lets many clients share few "
                                           "server connections; raising max_connections costs "
                                           "memory and is a reviewed change."));
        add(ratio >= 0.95 ? Severity::Critical : Severity::Warning, "connection-saturation",
            std::move(summary), compose("%1 %2", {std::move(first), std::move(pooler)}), {}, {});
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
    static Message topApplication(const std::vector<Aged>& v) {
        if (v.size() < 2)
            return none();
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
            return none();
        return phrase(DBT_TR("Finding", "; %1 of them come from application %2"),
                      {literal(best.second), literal(best.first)});
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

        std::vector<Message> args{literal(static_cast<std::int64_t>(over.size())),
                                  duration(o_.idleInTransactionSeconds), literal(o.pid),
                                  owner(o.user, o.application), duration(over.front().seconds)};
        Message summary =
            over.size() == 1
                ? phrase(DBT_TR("Finding", "1 session has been idle in transaction for more than "
                                           "%2; the oldest, pid %3%4, for %5"),
                         std::move(args))
                : phrase(DBT_TR("Finding", "%1 sessions have been idle in transaction for more "
                                           "than %2; the oldest, pid %3%4, for %5"),
                         std::move(args));
        Message openFor = none();
        if (auto tx = secondsSince(now_, o.transactionStart);
            tx && *tx - over.front().seconds >= 60)
            openFor = phrase(DBT_TR("Finding", " (transaction open for %1)"), {duration(*tx)});
        Message alsoBlocking = none();
        if (!blocking.empty())
            alsoBlocking =
                blocking.size() == 1
                    ? phrase(DBT_TR("Finding", "; pid %1, also idle in transaction, blocks other "
                                               "sessions and is reported as a root blocker"),
                             {literal(blocking.front())})
                    : phrase(DBT_TR("Finding", "; pids %1, also idle in transaction, block other "
                                               "sessions and are reported as root blockers"),
                             {pidList(blocking)});
        summary = compose("%1%2%3%4.", {std::move(summary), std::move(openFor),
                                        topApplication(over), std::move(alsoBlocking)});

        Message who = applicationOrOwner(o.application);
        Message next =
            pg_ ? phrase(DBT_TR("Finding",
                                "Ask the owner of %1 to commit or roll back promptly: these "
                                "sessions keep their locks and hold back the xmin horizon, so "
                                "vacuum cannot remove dead rows. "
                                "idle_in_transaction_session_timeout (set per role or database) "
                                "ends such sessions automatically; an authorised person can end "
                                "the oldest with the command below."),
                         {std::move(who)})
                : phrase(DBT_TR("Finding",
                                "Ask the owner of %1 to commit or roll back promptly: these "
                                "sleeping connections keep their row locks and stop InnoDB from "
                                "purging old row versions (the history list grows). An "
                                "authorised person can end the oldest with the command below, "
                                "which rolls its transaction back."),
                         {std::move(who)});
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
        std::vector<Message> args{literal(static_cast<std::int64_t>(over.size())),
                                  duration(o_.longRunningSeconds),
                                  literal(o.pid),
                                  owner(o.user, o.application),
                                  duration(over.front().seconds),
                                  topApplication(over)};
        Message summary =
            over.size() == 1
                ? phrase(DBT_TR("Finding", "1 statement has been running for more than %2; the "
                                           "longest, pid %3%4, for %5%6."),
                         std::move(args))
                : phrase(DBT_TR("Finding", "%1 statements have been running for more than %2; "
                                           "the longest, pid %3%4, for %5%6."),
                         std::move(args));
        Message who = applicationOrOwner(o.application);
        Message next =
            pg_ ? phrase(DBT_TR("Finding",
                                "Check with the owner of %1 whether that run time is expected (a "
                                "report or a batch job) or a plan gone wrong (look at the "
                                "statement's plan); an authorised person can cancel the statement "
                                "with the command below, which keeps the session."),
                         {std::move(who)})
                : phrase(DBT_TR("Finding",
                                "Check with the owner of %1 whether that run time is expected (a "
                                "report or a batch job) or a plan gone wrong (look at the "
                                "statement's plan); an authorised person can cancel the statement "
                                "with the command below, which keeps the connection."),
                         {std::move(who)});
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
        std::vector<Message> args{literal(static_cast<std::int64_t>(over.size())),
                                  duration(o_.longTransactionSeconds), literal(o.pid),
                                  owner(o.user, o.application), duration(over.front().seconds)};
        Message summary =
            over.size() == 1
                ? phrase(DBT_TR("Finding", "1 transaction has been open for more than %2; the "
                                           "oldest, pid %3%4, for %5"),
                         std::move(args))
                : phrase(DBT_TR("Finding", "%1 transactions have been open for more than %2; "
                                           "the oldest, pid %3%4, for %5"),
                         std::move(args));
        Message now =
            o.state.empty() ? none() : phrase(DBT_TR("Finding", " (now %1)"), {literal(o.state)});
        Message xmin =
            pg_ && o.xminAge && *o.xminAge > 0
                ? phrase(DBT_TR("Finding", "; it holds the xmin horizon back by %1 transactions"),
                         {count(*o.xminAge)})
                : none();
        summary = compose("%1%2%3%4.", {std::move(summary), std::move(now), std::move(xmin),
                                        topApplication(over)});
        Message who = applicationOrOwner(o.application);
        Message next =
            pg_ ? phrase(DBT_TR("Finding",
                                "Long transactions hold back the xmin horizon, so vacuum cannot "
                                "remove dead rows anywhere in the database and tables and "
                                "indexes bloat; ask the owner of %1 whether the transaction needs "
                                "to stay open, and have batch jobs commit in smaller pieces."),
                         {std::move(who)})
                : phrase(DBT_TR("Finding",
                                "Long transactions stop InnoDB from purging old row versions (the "
                                "history list grows and reads slow down); ask the owner of %1 "
                                "whether the transaction needs to stay open, and have batch jobs "
                                "commit in smaller pieces."),
                         {std::move(who)});
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

void restoreFindingMessages(Snapshot& snapshot, const FindingOptions& options) {
    const bool missing = std::any_of(snapshot.findings.begin(), snapshot.findings.end(),
                                     [](const Finding& f) { return f.summaryText.empty(); });
    if (!missing)
        return;
    std::vector<Finding> derived = Analysis(snapshot, options).run();
    // A sentence comes back only where deriving again gives exactly the recorded English (a
    // recording by another version may word a finding differently); the next step is matched
    // on its own, so an older recording still gets its next step translated.
    for (Finding& f : snapshot.findings) {
        if (!f.summaryText.empty())
            continue;
        for (Finding& d : derived) {
            if (d.code == f.code && d.summary == f.summary && !d.summaryText.empty()) {
                f.summaryText = std::move(d.summaryText);
                if (d.nextStep == f.nextStep)
                    f.nextStepText = std::move(d.nextStepText);
                break;
            }
        }
        if (!f.nextStepText.empty())
            continue;
        for (Finding& d : derived) {
            if (d.code == f.code && d.nextStep == f.nextStep && !d.nextStepText.empty()) {
                f.nextStepText = d.nextStepText;
                break;
            }
        }
    }
}

} // namespace dbt
