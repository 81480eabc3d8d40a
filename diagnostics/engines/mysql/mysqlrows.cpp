#include "mysqlrows.h"

#include "redact.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <limits>
#include <set>
#include <tuple>

namespace dbt::mysql {

namespace {

bool equalsNoCase(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) ==
                      std::tolower(static_cast<unsigned char>(y));
           });
}

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

std::string upper(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(),
                   [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    return s;
}

bool containsNoCase(std::string_view haystack, std::string_view needle) {
    return lower(std::string(haystack)).find(lower(std::string(needle))) != std::string::npos;
}

std::string trim(std::string_view s) {
    const auto b = s.find_first_not_of(" \t\r\n");
    if (b == std::string_view::npos)
        return {};
    const auto e = s.find_last_not_of(" \t\r\n");
    return std::string(s.substr(b, e - b + 1));
}

// "`demo`.`orders`" -> "demo.orders"; backslash escapes of SHOW GRANTS removed too.
std::string unquoteName(std::string_view name) {
    std::string out;
    for (char c : name)
        if (c != '`' && c != '\\')
            out += c;
    return out;
}

Micros ageToStart(Micros now, std::optional<double> ageMicros) {
    return now - static_cast<Micros>(std::llround(std::max(0.0, ageMicros.value_or(0))));
}

} // namespace

// --- Row -----------------------------------------------------------------------------

const std::optional<std::string>* Row::find(std::string_view name) const {
    for (const auto& [key, value] : columns)
        if (equalsNoCase(key, name))
            return &value;
    return nullptr;
}

bool Row::isNull(std::string_view name) const {
    const auto* v = find(name);
    return v == nullptr || !v->has_value();
}

std::string Row::text(std::string_view name, std::size_t maxBytes) const {
    const auto* v = find(name);
    if (v == nullptr || !v->has_value())
        return {};
    return sanitizeText(**v, maxBytes);
}

std::optional<std::string> Row::raw(std::string_view name) const {
    const auto* v = find(name);
    return v == nullptr ? std::nullopt : *v;
}

std::optional<std::int64_t> Row::integer(std::string_view name) const {
    const auto* v = find(name);
    if (v == nullptr || !v->has_value())
        return std::nullopt;
    const std::string s = trim(**v);
    std::int64_t out = 0;
    const auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
    if (ec == std::errc() && ptr == s.data() + s.size())
        return out;
    // Decimals ("12.000") and unsigned values past int64 (BIGINT UNSIGNED counters).
    if (const auto d = number(name); d && std::isfinite(*d)) {
        if (*d >= 9.2e18)
            return std::numeric_limits<std::int64_t>::max();
        if (*d <= -9.2e18)
            return std::numeric_limits<std::int64_t>::min();
        return static_cast<std::int64_t>(*d);
    }
    return std::nullopt;
}

std::optional<double> Row::number(std::string_view name) const {
    const auto* v = find(name);
    if (v == nullptr || !v->has_value())
        return std::nullopt;
    const std::string s = trim(**v);
    double out = 0;
    const auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
    if (ec == std::errc() && ptr == s.data() + s.size())
        return out;
    return std::nullopt;
}

// --- connect time --------------------------------------------------------------------

Engine decideEngine(const std::map<std::string, std::string>& variables, bool dataLocks,
                    bool innodbLockWaits) {
    const auto has = [&](const char* name) { return variables.count(name) > 0; };
    if (has("max_statement_time"))
        return Engine::MariaDB;
    if (has("max_execution_time") || dataLocks)
        return Engine::MySQL;
    const auto get = [&](const char* name) {
        const auto it = variables.find(name);
        return it == variables.end() ? std::string() : it->second;
    };
    if (containsNoCase(get("version"), "mariadb") ||
        containsNoCase(get("version_comment"), "mariadb"))
        return Engine::MariaDB;
    (void)innodbLockWaits; // MySQL 5.7 has it too: no hint on its own
    return Engine::MySQL;
}

int versionNumber(const std::string& version) {
    std::string_view v = version;
    if (v.rfind("5.5.5-", 0) == 0)
        v.remove_prefix(6);
    int parts[3] = {0, 0, 0};
    std::size_t i = 0;
    for (int& part : parts) {
        std::size_t start = i;
        while (i < v.size() && std::isdigit(static_cast<unsigned char>(v[i])))
            ++i;
        if (i == start)
            break;
        std::from_chars(v.data() + start, v.data() + i, part);
        if (i >= v.size() || v[i] != '.')
            break;
        ++i;
    }
    return parts[0] * 10000 + parts[1] * 100 + parts[2];
}

Grants parseGrants(const std::vector<std::string>& lines) {
    Grants g;
    for (const std::string& raw : lines) {
        const std::string line = trim(raw);
        if (!equalsNoCase(std::string_view(line).substr(0, std::min<std::size_t>(6, line.size())),
                          "GRANT "))
            continue;
        // The privilege list ends at " ON " outside parentheses (column lists).
        int depth = 0;
        std::size_t on = std::string::npos;
        for (std::size_t i = 6; i + 4 <= line.size(); ++i) {
            if (line[i] == '(')
                ++depth;
            else if (line[i] == ')')
                --depth;
            else if (depth == 0 && equalsNoCase(std::string_view(line).substr(i, 4), " ON ")) {
                on = i;
                break;
            } else if (depth == 0 && equalsNoCase(std::string_view(line).substr(i, 4), " TO "))
                break;
        }
        if (on == std::string::npos) {
            g.roles = true; // GRANT role TO user
            continue;
        }
        const std::string lowerLine = lower(line);
        auto to = lowerLine.find(" to ", on + 4);
        if (to == std::string::npos)
            to = line.size();
        std::string object = lower(unquoteName(trim(line.substr(on + 4, to - on - 4))));
        if (object.rfind("table ", 0) == 0)
            object = trim(object.substr(6));
        std::vector<std::string> privileges;
        std::string current;
        depth = 0;
        for (std::size_t i = 6; i < on; ++i) {
            const char c = line[i];
            if (c == '(')
                ++depth;
            else if (c == ')')
                --depth;
            else if (depth == 0 && c == ',') {
                privileges.push_back(upper(trim(current)));
                current.clear();
            } else if (depth == 0)
                current += c;
        }
        privileges.push_back(upper(trim(current)));
        for (const std::string& p : privileges) {
            const bool all = p == "ALL PRIVILEGES" || p == "ALL";
            if (object == "*.*") {
                g.all = g.all || all;
                g.super = g.super || p == "SUPER";
                g.process = g.process || all || p == "PROCESS";
                const bool select = all || p == "SELECT";
                g.selectAll = g.selectAll || select;
                g.selectPerformanceSchema = g.selectPerformanceSchema || select;
                g.selectSys = g.selectSys || select;
            } else if (object == "performance_schema.*") {
                g.selectPerformanceSchema = g.selectPerformanceSchema || all || p == "SELECT";
            } else if (object == "sys.*") {
                g.selectSys = g.selectSys || all || p == "SELECT";
            }
        }
    }
    return g;
}

std::vector<Finding> preflightFindings(const Features& f, const Grants& grants,
                                       const std::string& account) {
    std::vector<Finding> out;
    const auto add = [&](Severity severity, const char* code, std::string summary,
                         std::string nextStep, std::string command) {
        out.push_back(Finding{
            severity, code, std::move(summary), std::move(nextStep), std::move(command), {}});
    };
    const bool maria = f.engine == Engine::MariaDB;
    const std::string upgrade = maria ? "mariadb-upgrade" : "mysql_upgrade";
    if (!f.performanceSchemaOn) {
        add(Severity::Warning, "mysql-performance-schema-off",
            "performance_schema is OFF on this server, so top statements, metadata-lock "
            "waits (the ALTER TABLE queue) and client program names stay empty; "
            "sessions, row-lock waits and health figures still work.",
            "Add these lines to the server's my.cnf and restart the server "
            "(performance_schema cannot be switched on while it runs).",
            "[mysqld]\n"
            "performance_schema = ON\n"
            "performance-schema-instrument = 'wait/lock/metadata/sql/mdl=ON'\n"
            "performance-schema-consumer-statements-digest = ON");
    } else if (!f.performanceSchemaReadable) {
        add(Severity::Warning, "mysql-no-performance-schema-select",
            std::string("The monitoring user cannot read performance_schema, so top "
                        "statements, metadata-lock waits and client program names stay "
                        "empty") +
                (f.dataLocks ? " and row-lock waits (performance_schema.data_locks) are "
                               "not visible."
                             : "."),
            "Grant SELECT on performance_schema to the monitoring user.",
            "GRANT SELECT ON performance_schema.* TO " + account + ";");
    } else {
        if (f.digestTable && !f.digestConsumerOn) {
            add(Severity::Warning, "mysql-digest-consumer-off",
                "The performance_schema consumer statements_digest is off, so top "
                "statements stay empty.",
                "An administrator can switch it on now (until the next restart) and "
                "keep it with a my.cnf line.",
                "UPDATE performance_schema.setup_consumers SET ENABLED = 'YES' "
                "WHERE NAME = 'statements_digest';\n"
                "-- my.cnf, under [mysqld]:\n"
                "-- performance-schema-consumer-statements-digest = ON");
        }
        if (f.metadataLocksTable && !f.mdlInstrumentOn) {
            add(Severity::Warning, "mysql-mdl-instrument-off",
                "The metadata-lock instrument is off, so sessions that wait for a "
                "table metadata lock (an ALTER TABLE queue) are shown as waiting, but "
                "not who blocks them.",
                "An administrator can switch it on now (until the next restart) and "
                "keep it with a my.cnf line.",
                "UPDATE performance_schema.setup_instruments SET ENABLED = 'YES', "
                "TIMED = 'YES' WHERE NAME = 'wait/lock/metadata/sql/mdl';\n"
                "-- my.cnf, under [mysqld]:\n"
                "-- performance-schema-instrument = 'wait/lock/metadata/sql/mdl=ON'");
        }
    }
    if (!grants.process) {
        add(Severity::Warning, "mysql-no-process-privilege",
            "The monitoring user lacks the PROCESS privilege, so it sees only its own "
            "sessions and cannot read InnoDB transactions and row-lock waits "
            "(information_schema.INNODB_TRX, INNODB_LOCKS, INNODB_LOCK_WAITS).",
            "Grant PROCESS to the monitoring user.", "GRANT PROCESS ON *.* TO " + account + ";");
    }
    if (!f.sysSchema) {
        add(Severity::Info, "mysql-sys-schema-missing",
            "The sys schema is missing (an instance upgraded without running " + upgrade +
                "): dbtriage does not need it, but the usual manual checks "
                "(sys.innodb_lock_waits, sys.schema_table_lock_waits) are unavailable.",
            "Ask an administrator to run " + upgrade + " in the next maintenance window.", upgrade);
    } else if (!f.sysReadable) {
        add(Severity::Info, "mysql-no-sys-select",
            "The monitoring user cannot read the sys schema: dbtriage reads "
            "performance_schema directly, but the usual manual checks "
            "(sys.innodb_lock_waits, sys.schema_table_lock_waits) fail for this user.",
            "Grant SELECT on sys to the monitoring user if seniors use those views.",
            "GRANT SELECT ON sys.* TO " + account + ";");
    }
    if (grants.all || grants.super) {
        const std::string who = "'dbtriage_monitor'@'%'";
        add(Severity::Warning, "mysql-broad-privileges",
            std::string("The monitoring user has ") + (grants.all ? "ALL PRIVILEGES" : "SUPER") +
                ": dbtriage stays read-only, but a monitoring account needs only PROCESS and "
                "SELECT on performance_schema and sys.",
            "Create a least-privileged monitoring account and connect with it.",
            "CREATE USER " + who + " IDENTIFIED BY '<password>';\nGRANT PROCESS ON *.* TO " + who +
                ";\nGRANT SELECT ON performance_schema.* TO " + who +
                ";\nGRANT SELECT ON sys.* TO " + who + ";");
    }
    return out;
}

// --- sessions ------------------------------------------------------------------------

namespace {

struct NormalisedState {
    std::string state;
    std::string waitEventType;
    std::string waitEvent;
    bool background = false;
};

NormalisedState normaliseState(const std::string& user, const std::string& command,
                               const std::string& stateText, bool inTransaction, bool lockWait) {
    NormalisedState n;
    const std::string cmd = lower(command);
    if (user == "system user" || user == "event_scheduler" || cmd == "daemon") {
        n.state = "background";
        n.background = true;
    } else if (cmd.rfind("binlog dump", 0) == 0) {
        n.state = "replication";
        n.background = true;
    } else if (cmd == "sleep") {
        n.state = inTransaction ? "idle in transaction" : "idle";
    } else if (cmd == "killed") {
        n.state = "killed";
    } else if (cmd == "connect") {
        n.state = "connecting";
    } else {
        n.state = "active";
    }
    const std::string st = lower(stateText);
    if (st.find("waiting for table metadata lock") != std::string::npos) {
        n.waitEventType = "Lock";
        n.waitEvent = "metadata lock";
    } else if (lockWait) {
        n.waitEventType = "Lock";
        n.waitEvent = "row lock";
    } else if (st.rfind("waiting for ", 0) == 0 && st.size() > 5 &&
               st.compare(st.size() - 5, 5, " lock") == 0) {
        // "Waiting for table level lock", "Waiting for global read lock", "... commit lock"
        n.waitEventType = "Lock";
        n.waitEvent = st.substr(12);
    }
    return n;
}

} // namespace

std::vector<Session> buildSessions(const Rows& processlist, const Rows& innodbTrx,
                                   const std::map<std::int64_t, std::string>& programNames,
                                   Micros now, std::int64_t ownId) {
    std::map<std::int64_t, const Row*> trxByPid;
    for (const Row& t : innodbTrx)
        if (const auto pid = t.integer("trx_mysql_thread_id"))
            trxByPid.emplace(*pid, &t);

    std::vector<Session> out;
    out.reserve(processlist.size());
    for (const Row& r : processlist) {
        const auto id = r.integer("ID");
        if (!id || *id == ownId)
            continue;
        Session s;
        s.pid = *id;
        s.user = r.text("USER", 256);
        s.database = r.text("DB", 256);
        s.client = r.text("HOST", 256);
        s.backendType = r.text("COMMAND", 64);
        if (r.has("PROGRAM_NAME")) {
            s.application = r.text("PROGRAM_NAME", 256);
        } else if (const auto it = programNames.find(s.pid); it != programNames.end()) {
            s.application = sanitizeText(it->second, 256);
        }
        s.query = r.text("INFO");
        const auto trxIt = trxByPid.find(s.pid);
        const Row* trx = trxIt == trxByPid.end() ? nullptr : trxIt->second;
        const bool lockWait = trx && upper(trx->text("trx_state", 32)) == "LOCK WAIT";
        const NormalisedState n =
            normaliseState(s.user, s.backendType, r.text("STATE", 256), trx != nullptr, lockWait);
        s.state = n.state;
        s.waitEventType = n.waitEventType;
        s.waitEvent = n.waitEvent;

        std::optional<double> elapsedMicros;
        if (const auto ms = r.number("TIME_MS"))
            elapsedMicros = *ms * 1000.0;
        else if (const auto sec = r.number("TIME"))
            elapsedMicros = *sec * 1e6;
        if (elapsedMicros) {
            s.stateChange = ageToStart(now, elapsedMicros);
            if (s.state == "active")
                s.queryStart = s.stateChange;
        }
        if (trx)
            s.transactionStart = ageToStart(now, trx->number("TRX_AGE_US"));
        out.push_back(std::move(s));
    }
    std::sort(out.begin(), out.end(),
              [](const Session& a, const Session& b) { return a.pid < b.pid; });
    return out;
}

std::string hostWithoutPort(const std::string& host) {
    if (!host.empty() && host.front() == '[') {
        const auto close = host.find(']');
        return close == std::string::npos ? host : host.substr(1, close - 1);
    }
    const auto colon = host.find(':');
    if (colon != std::string::npos && host.find(':', colon + 1) == std::string::npos)
        return host.substr(0, colon);
    return host;
}

ConnectionCounts buildConnectionCounts(const std::vector<Session>& sessions,
                                       const std::map<std::string, std::string>& status,
                                       std::int64_t maxConnections) {
    ConnectionCounts c;
    std::int64_t clients = 0;
    const auto orNone = [](const std::string& s) { return s.empty() ? std::string("(none)") : s; };
    for (const Session& s : sessions) {
        if (s.state == "background" || s.state == "replication")
            continue;
        ++clients;
        ++c.byState[s.state];
        ++c.byUser[orNone(s.user)];
        ++c.byDatabase[orNone(s.database)];
        ++c.byApplication[orNone(s.application)];
        ++c.byClient[orNone(hostWithoutPort(s.client))];
    }
    c.total = clients;
    if (const auto it = status.find("Threads_connected"); it != status.end()) {
        Row r;
        r.columns.emplace_back("v", it->second);
        c.total = r.integer("v").value_or(clients);
    }
    c.max = maxConnections;
    return c;
}

// --- lock waits ----------------------------------------------------------------------

std::string lockObjectText(const std::string& lockType, const std::string& table,
                           const std::string& index, const std::string& lockData) {
    const std::string tableName = unquoteName(table);
    if (lower(lockType) != "record")
        return tableName;
    const std::string data = sanitizeText(lockData, 200);
    const std::string idx = unquoteName(index);
    std::string what;
    if (data.empty())
        what = idx.empty() ? "row" : "row (" + idx + ")";
    else if (data.find("pseudo-record") != std::string::npos)
        what = data + (idx.empty() ? "" : " (" + idx + ")");
    else
        what = "row (" + (idx.empty() ? data : idx + ": " + data) + ")";
    return tableName.empty() ? what : what + " of " + tableName;
}

namespace {

struct EdgeKey {
    std::int64_t waiter, blocker;
    std::string object, mode;
    bool operator<(const EdgeKey& o) const {
        return std::tie(waiter, blocker, object, mode) <
               std::tie(o.waiter, o.blocker, o.object, o.mode);
    }
};

class EdgeSet {
public:
    void addWait(LockWait w) {
        if (w.waitingPid == 0 || w.blockingPid == 0 || w.waitingPid == w.blockingPid)
            return;
        if (!waitKeys_.insert({w.waitingPid, w.blockingPid, w.object, w.mode}).second)
            return;
        out_.waits.push_back(std::move(w));
    }
    void addHeld(HeldLock h) {
        if (h.pid == 0 || !heldKeys_.insert({h.pid, 0, h.object, h.mode}).second)
            return;
        out_.held.push_back(std::move(h));
    }
    // Queue positions among the waiters of one object, longest waiting first.
    LockEdges finish(const std::map<std::int64_t, double>& waitAge) {
        std::map<std::string, std::vector<std::int64_t>> waitersByObject;
        for (const LockWait& w : out_.waits) {
            auto& v = waitersByObject[w.object];
            if (std::find(v.begin(), v.end(), w.waitingPid) == v.end())
                v.push_back(w.waitingPid);
        }
        for (auto& [object, pids] : waitersByObject) {
            const bool known = std::all_of(pids.begin(), pids.end(),
                                           [&](std::int64_t p) { return waitAge.count(p) > 0; });
            if (!known)
                continue;
            std::stable_sort(pids.begin(), pids.end(), [&](std::int64_t a, std::int64_t b) {
                return waitAge.at(a) > waitAge.at(b);
            });
            for (LockWait& w : out_.waits)
                if (w.object == object)
                    w.queuePosition = static_cast<int>(
                        std::find(pids.begin(), pids.end(), w.waitingPid) - pids.begin() + 1);
        }
        return std::move(out_);
    }

private:
    LockEdges out_;
    std::set<EdgeKey> waitKeys_;
    std::set<EdgeKey> heldKeys_;
};

std::map<std::string, const Row*> indexBy(const Rows& rows, std::string_view column) {
    std::map<std::string, const Row*> out;
    for (const Row& r : rows)
        if (auto v = r.raw(column))
            out.emplace(*v, &r);
    return out;
}

std::map<std::int64_t, double> waitAges(const Rows& innodbTrx) {
    std::map<std::int64_t, double> out;
    for (const Row& t : innodbTrx) {
        const auto pid = t.integer("trx_mysql_thread_id");
        const auto age = t.number("TRX_WAIT_AGE_US");
        if (pid && age)
            out[*pid] = *age;
    }
    return out;
}

} // namespace

LockEdges innodbLockWaits(const Rows& lockWaits, const Rows& locks, const Rows& innodbTrx) {
    const auto trxById = indexBy(innodbTrx, "trx_id");
    const auto lockById = indexBy(locks, "lock_id");
    EdgeSet edges;
    const auto pidOf = [&](const std::optional<std::string>& trxId) -> std::int64_t {
        if (!trxId)
            return 0;
        const auto it = trxById.find(*trxId);
        return it == trxById.end() ? 0 : it->second->integer("trx_mysql_thread_id").value_or(0);
    };
    const auto describe = [](const Row* lock) {
        return lockObjectText(lock->text("lock_type", 16), lock->text("lock_table", 1024),
                              lock->text("lock_index", 256), lock->raw("lock_data").value_or(""));
    };
    for (const Row& w : lockWaits) {
        const auto requesting = w.raw("requesting_trx_id");
        const auto blocking = w.raw("blocking_trx_id");
        const std::int64_t waiter = pidOf(requesting);
        const std::int64_t blocker = pidOf(blocking);
        const auto rl = lockById.find(w.raw("requested_lock_id").value_or(""));
        const auto bl = lockById.find(w.raw("blocking_lock_id").value_or(""));
        LockWait e;
        e.waitingPid = waiter;
        e.blockingPid = blocker;
        if (rl != lockById.end()) {
            e.lockType = lower(rl->second->text("lock_type", 16));
            e.mode = rl->second->text("lock_mode", 32);
            e.object = describe(rl->second);
        } else {
            e.lockType = "record";
        }
        // The blocking lock is itself a waiting request when the blocking transaction is
        // waiting for exactly that lock: the blocker is queued ahead, not a holder.
        bool blockerWaitsForIt = false;
        if (const auto bt = trxById.find(blocking.value_or("")); bt != trxById.end())
            blockerWaitsForIt =
                bt->second->raw("trx_requested_lock_id") == w.raw("blocking_lock_id");
        e.hard = !blockerWaitsForIt;
        if (bl != lockById.end() && !blockerWaitsForIt) {
            HeldLock h;
            h.pid = blocker;
            h.lockType = lower(bl->second->text("lock_type", 16));
            h.mode = bl->second->text("lock_mode", 32);
            h.object = describe(bl->second);
            edges.addHeld(std::move(h));
        }
        edges.addWait(std::move(e));
    }
    return edges.finish(waitAges(innodbTrx));
}

LockEdges dataLockWaits(const Rows& lockWaits, const Rows& locks, const Rows& innodbTrx,
                        const std::map<std::int64_t, std::int64_t>& threadToPid) {
    const auto trxById = indexBy(innodbTrx, "trx_id");
    const auto lockById = indexBy(locks, "ENGINE_LOCK_ID");
    const auto pidOf = [&](const Row& r, std::string_view trxColumn,
                           std::string_view threadColumn) -> std::int64_t {
        if (const auto trxId = r.raw(trxColumn)) {
            const auto it = trxById.find(*trxId);
            if (it != trxById.end())
                if (const auto pid = it->second->integer("trx_mysql_thread_id"))
                    return *pid;
        }
        if (const auto thread = r.integer(threadColumn)) {
            const auto it = threadToPid.find(*thread);
            if (it != threadToPid.end())
                return it->second;
        }
        return 0;
    };
    const auto describe = [](const Row* lock) {
        std::string table = lock->text("OBJECT_SCHEMA", 256);
        const std::string name = lock->text("OBJECT_NAME", 256);
        table = table.empty() ? name : table + "." + name;
        if (const std::string part = lock->text("PARTITION_NAME", 256); !part.empty())
            table += " partition " + part;
        return lockObjectText(lock->text("LOCK_TYPE", 16), table, lock->text("INDEX_NAME", 256),
                              lock->raw("LOCK_DATA").value_or(""));
    };
    EdgeSet edges;
    std::set<std::string> blockingTrx;
    std::map<std::string, std::int64_t> blockingPidByTrx;
    for (const Row& w : lockWaits) {
        LockWait e;
        e.waitingPid = pidOf(w, "REQUESTING_ENGINE_TRANSACTION_ID", "REQUESTING_THREAD_ID");
        e.blockingPid = pidOf(w, "BLOCKING_ENGINE_TRANSACTION_ID", "BLOCKING_THREAD_ID");
        const auto rl = lockById.find(w.raw("REQUESTING_ENGINE_LOCK_ID").value_or(""));
        const auto bl = lockById.find(w.raw("BLOCKING_ENGINE_LOCK_ID").value_or(""));
        if (rl != lockById.end()) {
            e.lockType = lower(rl->second->text("LOCK_TYPE", 16));
            e.mode = rl->second->text("LOCK_MODE", 64);
            e.object = describe(rl->second);
        } else {
            e.lockType = "record";
        }
        if (bl != lockById.end())
            e.hard = upper(bl->second->text("LOCK_STATUS", 16)) != "WAITING";
        if (e.hard)
            if (const auto trxId = w.raw("BLOCKING_ENGINE_TRANSACTION_ID")) {
                blockingTrx.insert(*trxId);
                blockingPidByTrx[*trxId] = e.blockingPid;
            }
        edges.addWait(std::move(e));
    }
    // Granted locks of the blocking transactions, table intention locks last.
    for (int pass = 0; pass < 2; ++pass)
        for (const Row& l : locks) {
            const auto trxId = l.raw("ENGINE_TRANSACTION_ID");
            if (!trxId || !blockingTrx.count(*trxId) ||
                upper(l.text("LOCK_STATUS", 16)) != "GRANTED")
                continue;
            const bool record = lower(l.text("LOCK_TYPE", 16)) == "record";
            if (record != (pass == 0))
                continue;
            HeldLock h;
            h.pid = blockingPidByTrx[*trxId];
            h.lockType = lower(l.text("LOCK_TYPE", 16));
            h.mode = l.text("LOCK_MODE", 64);
            h.object = describe(&l);
            edges.addHeld(std::move(h));
        }
    return edges.finish(waitAges(innodbTrx));
}

namespace {

// Indices into the object-lock matrices (mdl.cc, MDL_object_lock).
int objectLockIndex(const std::string& type) {
    static const char* const names[] = {
        "SHARED",           "SHARED_HIGH_PRIO",      "SHARED_READ",
        "SHARED_WRITE",     "SHARED_WRITE_LOW_PRIO", "SHARED_UPGRADABLE",
        "SHARED_READ_ONLY", "SHARED_NO_WRITE",       "SHARED_NO_READ_WRITE",
        "EXCLUSIVE"};
    for (int i = 0; i < 10; ++i)
        if (type == names[i])
            return i;
    return -1;
}

// '-' where the request (row) cannot be granted while the column's lock is granted.
constexpr const char* kObjectGranted[10] = {
    // S SH SR SW SWLP SU SRO SNW SNRW X
    "+++++++++-", // S
    "+++++++++-", // SH
    "++++++++--", // SR
    "++++++----", // SW  (SRO, SNW, SNRW, X)
    "++++++----", // SWLP
    "+++++-+---", // SU
    "+++--+++--", // SRO
    "+++---+---", // SNW
    "++--------", // SNRW
    "----------", // X
};
// '-' where the request (row) must wait behind a pending request of the column's type.
constexpr const char* kObjectPending[10] = {
    // S SH SR SW SWLP SU SRO SNW SNRW X
    "+++++++++-", // S
    "++++++++++", // SH
    "++++++++--", // SR
    "+++++++---", // SW
    "++++++----", // SWLP
    "+++++++++-", // SU
    "+++-++++--", // SRO  (SW, SNRW, X)
    "+++++++++-", // SNW
    "+++++++++-", // SNRW
    "++++++++++", // X
};

int scopedLockIndex(const std::string& type) {
    if (type == "INTENTION_EXCLUSIVE")
        return 0;
    if (type == "SHARED")
        return 1;
    if (type == "EXCLUSIVE")
        return 2;
    return -1;
}
// Scoped locks (MDL_scoped_lock): IX, S, X.
constexpr const char* kScopedGranted[3] = {"+--", "-+-", "---"};
constexpr const char* kScopedPending[3] = {"+--", "++-", "+++"};

bool scopedNamespace(const std::string& objectType) {
    static const std::set<std::string> scoped = {
        "GLOBAL",      "SCHEMA",          "COMMIT",      "TABLESPACE",       "BACKUP LOCK",
        "BACKUP_LOCK", "RESOURCE_GROUPS", "FOREIGN KEY", "CHECK CONSTRAINT", "SRID"};
    return scoped.count(objectType) > 0;
}

} // namespace

bool mdlGrantedConflicts(const std::string& objectType, const std::string& requested,
                         const std::string& granted) {
    if (scopedNamespace(upper(objectType))) {
        const int r = scopedLockIndex(upper(requested));
        const int g = scopedLockIndex(upper(granted));
        return r < 0 || g < 0 || kScopedGranted[r][g] == '-';
    }
    const int r = objectLockIndex(upper(requested));
    const int g = objectLockIndex(upper(granted));
    return r < 0 || g < 0 || kObjectGranted[r][g] == '-';
}

bool mdlPendingConflicts(const std::string& objectType, const std::string& requested,
                         const std::string& pending) {
    if (scopedNamespace(upper(objectType))) {
        const int r = scopedLockIndex(upper(requested));
        const int p = scopedLockIndex(upper(pending));
        return r >= 0 && p >= 0 && kScopedPending[r][p] == '-';
    }
    const int r = objectLockIndex(upper(requested));
    const int p = objectLockIndex(upper(pending));
    return r >= 0 && p >= 0 && kObjectPending[r][p] == '-';
}

LockEdges metadataLockWaits(const Rows& metadataLocks,
                            const std::map<std::int64_t, std::int64_t>& threadToPid) {
    struct Mdl {
        std::int64_t pid = 0;
        std::string lockType;
        bool pending = false;
    };
    struct Object {
        std::string type, text;
        std::vector<Mdl> locks;
    };
    std::map<std::tuple<std::string, std::string, std::string>, Object> objects;
    for (const Row& r : metadataLocks) {
        Mdl m;
        if (const auto pid = r.integer("PROCESSLIST_ID"))
            m.pid = *pid;
        else if (const auto thread = r.integer("OWNER_THREAD_ID")) {
            const auto it = threadToPid.find(*thread);
            m.pid = it == threadToPid.end() ? 0 : it->second;
        }
        const std::string status = upper(r.text("LOCK_STATUS", 32));
        if (m.pid == 0 || (status != "PENDING" && status != "GRANTED"))
            continue;
        m.pending = status == "PENDING";
        m.lockType = upper(r.text("LOCK_TYPE", 64));
        const std::string type = upper(r.text("OBJECT_TYPE", 64));
        const std::string schema = r.text("OBJECT_SCHEMA", 256);
        const std::string name = r.text("OBJECT_NAME", 256);
        Object& o = objects[{type, schema, name}];
        if (o.text.empty()) {
            o.type = type;
            const std::string qualified =
                schema.empty() ? name : (name.empty() ? schema : schema + "." + name);
            o.text = type == "TABLE" ? qualified
                                     : lower(type) + (qualified.empty() ? "" : " " + qualified);
        }
        o.locks.push_back(std::move(m));
    }
    EdgeSet edges;
    for (const auto& [key, o] : objects) {
        std::set<std::int64_t> blockers;
        for (const Mdl& p : o.locks) {
            if (!p.pending)
                continue;
            for (const Mdl& other : o.locks) {
                if (other.pid == p.pid)
                    continue;
                const bool conflict = other.pending
                                          ? mdlPendingConflicts(o.type, p.lockType, other.lockType)
                                          : mdlGrantedConflicts(o.type, p.lockType, other.lockType);
                if (!conflict)
                    continue;
                LockWait e;
                e.waitingPid = p.pid;
                e.blockingPid = other.pid;
                e.lockType = "metadata";
                e.mode = p.lockType;
                e.object = o.text;
                e.hard = !other.pending;
                if (e.hard)
                    blockers.insert(other.pid);
                edges.addWait(std::move(e));
            }
        }
        for (const Mdl& g : o.locks)
            if (!g.pending && blockers.count(g.pid))
                edges.addHeld({g.pid, "metadata", g.lockType, o.text});
    }
    return edges.finish({});
}

void markWaiting(std::vector<Session>& sessions, const std::vector<LockWait>& waits) {
    for (const LockWait& w : waits) {
        const auto it = std::find_if(sessions.begin(), sessions.end(),
                                     [&](const Session& s) { return s.pid == w.waitingPid; });
        if (it == sessions.end() || !it->waitEventType.empty())
            continue;
        it->waitEventType = "Lock";
        it->waitEvent = w.lockType == "record"     ? "row lock"
                        : w.lockType == "metadata" ? "metadata lock"
                                                   : w.lockType + " lock";
    }
}

// --- statements and health -----------------------------------------------------------

std::string statementShape(std::string_view sql) {
    std::string out;
    std::size_t i = 0;
    const auto isWordStart = [](char c) {
        return std::isalpha(static_cast<unsigned char>(c)) || c == '_' ||
               static_cast<unsigned char>(c) >= 0x80;
    };
    const auto isWord = [&](char c) {
        return isWordStart(c) || std::isdigit(static_cast<unsigned char>(c)) || c == '$';
    };
    while (i < sql.size()) {
        const char c = sql[i];
        if (c == '\'' || c == '"') { // string literal ('' and backslash escapes)
            for (++i; i < sql.size(); ++i) {
                if (sql[i] == '\\')
                    ++i;
                else if (sql[i] == c && (i + 1 >= sql.size() || sql[i + 1] != c))
                    break;
                else if (sql[i] == c)
                    ++i;
            }
            ++i;
        } else if (c == '/' && i + 1 < sql.size() && sql[i + 1] == '*') {
            const auto end = sql.find("*/", i + 2);
            i = end == std::string_view::npos ? sql.size() : end + 2;
        } else if (std::isdigit(static_cast<unsigned char>(c))) { // numbers, 0x.. literals
            while (i < sql.size() && (isWord(sql[i]) || sql[i] == '.'))
                ++i;
        } else if (isWordStart(c)) {
            const std::size_t start = i;
            while (i < sql.size() && isWord(sql[i]))
                ++i;
            if (!out.empty())
                out += ' ';
            out += upper(std::string(sql.substr(start, i - start)));
        } else {
            ++i;
        }
    }
    return out;
}

const std::set<std::string>& driverStatementShapes() {
    // The driver's statements that cannot carry a dbtriage_tag column (SHOW and SET; keep in
    // step with mysqlsession.cpp). Their digest texts are these shapes whatever the values.
    // MariaDB digests SHOW REPLICA STATUS as SHOW SLAVE STATUS.
    static const std::set<std::string> shapes = [] {
        std::set<std::string> out;
        for (const char* sql :
             {"SHOW VARIABLES WHERE Variable_name IN ('x')",
              "SHOW GLOBAL STATUS WHERE Variable_name IN ('x')", "SHOW GRANTS",
              "SHOW REPLICA STATUS", "SHOW SLAVE STATUS", "SET SESSION TRANSACTION READ ONLY",
              "SET SESSION autocommit = 1, lock_wait_timeout = 1, innodb_lock_wait_timeout = 1",
              "SET SESSION autocommit = 1, lock_wait_timeout = 1, innodb_lock_wait_timeout = 1, "
              "max_statement_time = 1",
              "SET SESSION autocommit = 1, lock_wait_timeout = 1, innodb_lock_wait_timeout = 1, "
              "max_execution_time = 1"})
            out.insert(statementShape(sql));
        return out;
    }();
    return shapes;
}

std::vector<StatementStat> buildStatements(const Rows& digests, bool useSampleText,
                                           const std::set<std::string>& ownShapes) {
    const std::set<std::string>& driverShapes = driverStatementShapes();
    const auto known = [&](const std::string& shape) {
        return ownShapes.count(shape) > 0 || driverShapes.count(shape) > 0;
    };
    const auto knownPrefix = [&](const std::string& prefix) {
        const auto starts = [&](const std::string& o) { return o.rfind(prefix, 0) == 0; };
        return std::any_of(ownShapes.begin(), ownShapes.end(), starts) ||
               std::any_of(driverShapes.begin(), driverShapes.end(), starts);
    };
    constexpr double kPicosPerMs = 1e9;
    std::vector<StatementStat> out;
    out.reserve(digests.size());
    for (const Row& r : digests) {
        StatementStat s;
        s.id = r.text("DIGEST", 128);
        s.database = r.text("SCHEMA_NAME", 256);
        if (useSampleText && !r.isNull("QUERY_SAMPLE_TEXT"))
            s.query = r.text("QUERY_SAMPLE_TEXT");
        if (s.query.empty())
            s.query = r.text("DIGEST_TEXT");
        if (!r.isNull("DIGEST_TEXT")) {
            const std::string digestText = r.text("DIGEST_TEXT");
            std::string shape = statementShape(digestText);
            bool own = digestText.find("dbtriage_tag") != std::string::npos || known(shape);
            if (!own && digestText.size() > 3 &&
                digestText.compare(digestText.size() - 3, 3, "...") == 0) {
                // A truncated digest text: its words but the last (maybe cut) start a shape.
                const auto cut = shape.find_last_of(' ');
                shape.resize(cut == std::string::npos ? 0 : cut);
                own = !shape.empty() && knownPrefix(shape);
            }
            if (own)
                s.query = "/* dbtriage */ " + s.query;
        }
        if (s.id.empty()) {
            // The row that collects everything once the digest table is full.
            s.id = "(other)";
            if (s.query.empty())
                s.query = "(statements not tracked: the digest table is full)";
        }
        s.calls = r.integer("COUNT_STAR").value_or(0);
        s.totalTimeMs = r.number("SUM_TIMER_WAIT").value_or(0) / kPicosPerMs;
        if (const auto avg = r.number("AVG_TIMER_WAIT"))
            s.meanTimeMs = *avg / kPicosPerMs;
        else if (s.calls > 0)
            s.meanTimeMs = s.totalTimeMs / static_cast<double>(s.calls);
        s.rows = r.integer("SUM_ROWS_SENT").value_or(0);
        s.rowsExamined = r.integer("SUM_ROWS_EXAMINED").value_or(0);
        s.noIndexUsed = r.integer("SUM_NO_INDEX_USED").value_or(0);
        s.tmpDiskTables = r.integer("SUM_CREATED_TMP_DISK_TABLES").value_or(0);
        s.sortMergePasses = r.integer("SUM_SORT_MERGE_PASSES").value_or(0);
        if (const auto q = r.number("QUANTILE_95"))
            s.p95TimeMs = *q / kPicosPerMs;
        if (const auto q = r.number("QUANTILE_99"))
            s.p99TimeMs = *q / kPicosPerMs;
        if (const auto cpu = r.number("SUM_CPU_TIME"))
            s.cpuTimeMs = *cpu / kPicosPerMs;
        out.push_back(std::move(s));
    }
    return out;
}

std::map<std::string, std::string> nameValueMap(const Rows& rows) {
    std::map<std::string, std::string> out;
    for (const Row& r : rows) {
        if (r.columns.size() < 2)
            continue;
        out[r.columns[0].second.value_or("")] =
            sanitizeText(r.columns[1].second.value_or(""), 4096);
    }
    return out;
}

void fillHealth(Health& health, const std::map<std::string, std::string>& status,
                const Rows& innodbTrx) {
    const auto value = [&](const char* name) -> std::optional<double> {
        const auto it = status.find(name);
        if (it == status.end())
            return std::nullopt;
        Row r;
        r.columns.emplace_back("v", it->second);
        return r.number("v");
    };
    const auto requests = value("Innodb_buffer_pool_read_requests");
    const auto reads = value("Innodb_buffer_pool_reads");
    if (requests && reads && *requests > 0)
        health.cacheHitRatio = std::clamp(1.0 - *reads / *requests, 0.0, 1.0);
    health.tempFiles = static_cast<std::int64_t>(value("Created_tmp_disk_tables").value_or(0));
    health.deadlocks = static_cast<std::int64_t>(value("Innodb_deadlocks").value_or(0));
    for (const Row& t : innodbTrx)
        if (const auto age = t.number("TRX_AGE_US")) {
            const double seconds = *age / 1e6;
            if (!health.longestTransactionSeconds || seconds > *health.longestTransactionSeconds)
                health.longestTransactionSeconds = seconds;
        }
}

ReplicaLag replicaLag(const Row& r) {
    ReplicaLag lag;
    std::string name = r.text("Connection_name", 256);
    if (name.empty()) {
        std::string host = r.text("Source_Host", 256);
        if (host.empty())
            host = r.text("Master_Host", 256);
        std::string port = r.text("Source_Port", 16);
        if (port.empty())
            port = r.text("Master_Port", 16);
        name = port.empty() ? host : host + ":" + port;
    }
    lag.name = name;
    std::string io = r.text("Replica_IO_Running", 16);
    if (io.empty())
        io = r.text("Slave_IO_Running", 16);
    std::string sql = r.text("Replica_SQL_Running", 16);
    if (sql.empty())
        sql = r.text("Slave_SQL_Running", 16);
    lag.state = "IO thread " + (io.empty() ? std::string("?") : io) + ", SQL thread " +
                (sql.empty() ? std::string("?") : sql);
    auto seconds = r.number("Seconds_Behind_Source");
    if (!seconds)
        seconds = r.number("Seconds_Behind_Master");
    lag.replayLagSeconds = seconds;
    return lag;
}

std::string probeStatus(unsigned errorNumber, const std::string& message) {
    switch (errorNumber) {
    case 1205: // ER_LOCK_WAIT_TIMEOUT (InnoDB rows and metadata locks)
        return "skipped: lock timeout";
    case 3024: // ER_QUERY_TIMEOUT (MySQL max_execution_time)
    case 1969: // ER_STATEMENT_TIMEOUT (MariaDB max_statement_time)
        return "skipped: statement timeout";
    case 1142: // ER_TABLEACCESS_DENIED_ERROR
    case 1143: // ER_COLUMNACCESS_DENIED_ERROR
    case 1227: // ER_SPECIFIC_ACCESS_DENIED_ERROR (PROCESS)
    case 1044: // ER_DBACCESS_DENIED_ERROR
        return "unavailable: permission denied (" + sanitizeText(message, 300) + ")";
    case 1146: // ER_NO_SUCH_TABLE
        return "unavailable: " + sanitizeText(message, 300);
    default:
        return "failed: " + sanitizeText(message, 300);
    }
}

} // namespace dbt::mysql
