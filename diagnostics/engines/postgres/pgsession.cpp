// PostgreSQL 12-17 monitoring session on libpqxx 6.4 (Debian 12).
//
// Safety, as the architecture requires:
//  * read-only: default_transaction_read_only=on in the startup packet (so even the first
//    statement runs read-only), verified with SHOW transaction_read_only;
//  * bounded: statement_timeout, lock_timeout and idle_in_transaction_session_timeout also
//    in the startup packet; every statement is tagged "/* dbtriage */";
//  * no transaction between samples: each statement runs in its own autocommit
//    nontransaction; EXPLAIN runs in BEGIN READ ONLY ... ROLLBACK; the statements of every
//    sample are named prepared statements (dbtriage_activity, ...), planned once per
//    connection;
//  * no silent reconnect: libpqxx 6 would reactivate a broken connection by itself; the
//    connection policy below refuses, so a lost connection surfaces as EngineError(Lost).
#include "engines/postgres/pgsession.h"

#include "engines/postgres/pgconninfo.h"
#include "engines/postgres/pgexplain.h"
#include "engines/postgres/pgqueries.h"
#include "redact.h"
#include "saturating.h"
#include "timefmt.h"

#include <algorithm>
#include <charconv>
#include <chrono>
#include <libpq-fe.h>
#include <pqxx/connection>
#include <pqxx/except>
#include <pqxx/nontransaction>
#include <pqxx/result>
#include <set>
#include <unordered_map>

namespace dbt {

namespace {

using Kind = EngineError::Kind;
using Clock = std::chrono::steady_clock;

// Statement texts make the server read its whole query-text file: at most this often
// (and on the first sample), and only when unknown queryids appeared.
constexpr std::chrono::seconds kStatementTextInterval{60};
constexpr int kStatementTextWarmUpFetches = 3;

// ---------------------------------------------------------------- connection policy

struct StartupFailure : std::runtime_error {
    explicit StartupFailure(pg::ConnectFailure f)
        : std::runtime_error("connection failed")
        , info(std::move(f)) {}
    pg::ConnectFailure info;
};

std::string nonNull(const char* s) {
    return s ? std::string(s) : std::string();
}

// Connects once with PQconnectdb and keeps libpq's own view of a failure (host, port,
// whether a password was needed). Never reconnects: libpqxx 6 calls do_startconnect again
// after a broken connection, and a silent reconnect would hide an incident from the user.
class MonitorPolicy : public pqxx::connectionpolicy {
public:
    explicit MonitorPolicy(const std::string& options)
        : pqxx::connectionpolicy(options) {}

    handle do_startconnect(handle orig) override {
        if (orig)
            return orig;
        if (started_)
            throw pqxx::broken_connection("the monitoring connection is closed");
        started_ = true;
        PGconn* conn = PQconnectdb(options().c_str());
        if (!conn)
            throw std::bad_alloc();
        if (PQstatus(conn) != CONNECTION_OK) {
            pg::ConnectFailure f;
            f.message = nonNull(PQerrorMessage(conn));
            f.host = nonNull(PQhost(conn));
            f.port = nonNull(PQport(conn));
            f.user = nonNull(PQuser(conn));
            f.database = nonNull(PQdb(conn));
            f.needsPassword = PQconnectionNeedsPassword(conn) != 0;
            f.usedPassword = PQconnectionUsedPassword(conn) != 0;
            PQfinish(conn);
            throw StartupFailure(std::move(f));
        }
        return conn;
    }

private:
    bool started_ = false;
};

using MonitorConnection = pqxx::basic_connection_base<MonitorPolicy>;

// ---------------------------------------------------------------- field access

std::string text(const pqxx::field& f) {
    if (f.is_null())
        return {};
    return sanitizeText(std::string_view(f.c_str(), f.size()));
}

std::optional<std::int64_t> int64(const pqxx::field& f) {
    if (f.is_null())
        return std::nullopt;
    std::int64_t v = 0;
    const char* b = f.c_str();
    const auto [ptr, ec] = std::from_chars(b, b + f.size(), v);
    if (ec != std::errc{} || ptr != b + f.size())
        return std::nullopt;
    return v;
}

std::optional<double> float64(const pqxx::field& f) {
    if (f.is_null())
        return std::nullopt;
    double v = 0;
    const char* b = f.c_str();
    const auto [ptr, ec] = std::from_chars(b, b + f.size(), v);
    if (ec != std::errc{})
        return std::nullopt;
    return v;
}

bool boolean(const pqxx::field& f) {
    return !f.is_null() && f.c_str()[0] == 't';
}

std::int64_t orZero(const std::optional<std::int64_t>& v) {
    return v.value_or(0);
}

std::string orUnknown(std::string s) {
    return s.empty() ? std::string("unknown") : s;
}

std::string quoteIdent(const std::string& name) {
    std::string out = "\"";
    for (char c : name) {
        if (c == '"')
            out += '"';
        out += c;
    }
    return out + '"';
}

// "1.10" -> {1, 10}
std::pair<int, int> extVersion(const std::string& v) {
    int major = 0;
    int minor = 0;
    const char* b = v.data();
    const char* e = b + v.size();
    auto r = std::from_chars(b, e, major);
    if (r.ptr < e && *r.ptr == '.')
        std::from_chars(r.ptr + 1, e, minor);
    return {major, minor};
}

// ---------------------------------------------------------------- errors

std::string errorLine(const std::exception& e, const std::vector<std::string>& secrets) {
    return pg::scrubSecrets(pg::firstMessageLine(e.what()), secrets);
}

// Why a connection went away, in words: libpqxx's own texts ("Could not obtain client
// encoding: not connected.") mean nothing to the user.
Message lostReason(const std::exception& e, const std::string& sqlstate) {
    const std::string what = e.what();
    if (sqlstate == "57P01" ||
        what.find("terminating connection due to administrator command") != std::string::npos)
        return phrase(
            DBT_TR("Engine", "the server shut down or an administrator ended the session"));
    if (sqlstate == "57P02" || what.find("crash of another server process") != std::string::npos)
        return phrase(DBT_TR("Engine", "the server restarted after a crash"));
    if (sqlstate == "57P03")
        return phrase(DBT_TR("Engine", "the server is not accepting connections"));
    if (what.find("idle-in-transaction timeout") != std::string::npos)
        return phrase(DBT_TR("Engine", "the server ended the idle session"));
    return phrase(DBT_TR("Engine", "the server closed the connection"));
}

bool connectionGone(const std::string& sqlstate) {
    return sqlstate.rfind("08", 0) == 0 || sqlstate == "57P01" || sqlstate == "57P02" ||
           sqlstate == "57P03";
}

std::string probeStatus(const pqxx::sql_error& e, const std::vector<std::string>& secrets) {
    const std::string& state = e.sqlstate();
    if (state == "55P03")
        return "skipped: lock timeout";
    if (state == "57014")
        return "skipped: statement timeout";
    if (state == "42501")
        return "failed: permission denied (" + errorLine(e, secrets) + ")";
    return "failed: " + errorLine(e, secrets);
}

// ---------------------------------------------------------------- lock texts

std::string lockObject(const pqxx::row& r) {
    const std::string type = text(r["locktype"]);
    const std::string rel = text(r["rel"]);
    const std::string page = text(r["page"]);
    const std::string tuple = text(r["tuple"]);
    if (type == "relation")
        return rel;
    if (type == "extend")
        return "extension of " + rel;
    if (type == "page")
        return "page " + page + " of " + rel;
    if (type == "tuple")
        return "row (" + page + "," + tuple + ") of " + rel;
    if (type == "transactionid")
        return "transaction " + text(r["transactionid"]);
    if (type == "virtualxid")
        return "virtual transaction " + text(r["virtualxid"]);
    if (type == "spectoken")
        return "speculative insertion of transaction " + text(r["transactionid"]);
    const std::string classid = text(r["class"]);
    const std::string objid = text(r["objid"]);
    const std::string objsubid = text(r["objsubid"]);
    if (type == "advisory") {
        // pg_advisory_lock(bigint): classid/objid are the key's high/low halves, objsubid 1;
        // pg_advisory_lock(int, int): the two keys, objsubid 2.
        const auto hi = int64(r["classid"]);
        const auto lo = int64(r["objid"]);
        std::string s =
            "advisory lock (" + orUnknown(text(r["classid"])) + "," + objid + "," + objsubid + ")";
        if (hi && lo && objsubid == "1")
            s += ", key " +
                 std::to_string(static_cast<std::int64_t>((static_cast<std::uint64_t>(*hi) << 32) |
                                                          static_cast<std::uint64_t>(*lo)));
        else if (objsubid == "2")
            s += ", keys " + text(r["classid"]) + " and " + objid;
        return s;
    }
    if (type == "object")
        return "object " + classid + "/" + objid +
               (objsubid.empty() || objsubid == "0" ? "" : "." + objsubid);
    return type;
}

// ---------------------------------------------------------------- the session

class PgSession final : public EngineSession {
public:
    explicit PgSession(ConnectOptions options)
        : options_(std::move(options)) {}

    ServerInfo connect() override;
    bool connected() const override { return conn_ && conn_->is_open(); }
    void disconnect() override { conn_.reset(); }
    std::vector<Finding> preflightFindings() const override { return preflight_; }
    void sample(Snapshot& snapshot) override;
    std::string explainJson(const std::string& sql, bool analyze) override;
    ExplainResult explain(const ExplainRequest& request) override;

private:
    pqxx::result run(const std::string& statement);
    // A statement of every sample, as a named prepared statement: planned once per
    // connection instead of at every sample (the planning of the lock and health statements
    // cost more than their execution). Falls back to run() for good when the server side
    // does not keep prepared statements (a pooler in transaction mode: SQLSTATE 26000).
    pqxx::result runPrepared(const char* name, const std::string& statement);
    [[noreturn]] void lost(const Message& detail);
    // Runs one probe; a failed statement becomes a ProbeNote, a lost connection throws.
    template<typename F> bool probe(Snapshot& s, const char* name, F&& body);
    void openConnection(const pg::ParsedTarget& target);
    void readServerInfo();
    void buildPreflight();

    void sampleActivity(Snapshot& s);
    void sampleLocks(Snapshot& s);
    void sampleStatements(Snapshot& s);
    void sampleStatementTexts(Snapshot& s, std::vector<StatementStat>& stats);
    void sampleDatabaseAndHealth(Snapshot& s);
    std::string notLoadedNote() const {
        return "unavailable: pg_stat_statements is created in database " + info_.database +
               " but not loaded (add it to shared_preload_libraries and restart)";
    }

    ConnectOptions options_;
    std::unique_ptr<MonitorConnection> conn_;
    std::vector<std::string> secrets_;
    std::string endpoint_;
    Message endpointText_; // endpoint_ as a Message (translated where it is shown)
    ServerInfo info_;
    std::vector<Finding> preflight_;
    std::int64_t ownPid_ = 0;
    bool startupOptions_ = true;
    bool prepare_ = true; // prepared statements work on this connection
    // pg_stat_statements in the connected database
    std::string pssSchema_;
    std::pair<int, int> pssVersion_{0, 0};
    std::optional<bool> pssLoaded_; // from pg_settings; unknown when hidden
    // statement texts by queryid
    std::unordered_map<std::string, std::string> texts_;
    // database and role names by oid, for the statement counters
    std::unordered_map<std::string, std::string> databaseNames_;
    std::unordered_map<std::string, std::string> roleNames_;
    std::optional<Clock::time_point> lastTextFetch_;
    int textFetches_ = 0;
    // per-sample scratch
    bool sawLockWait_ = false;
    std::string lockCapNote_;
    std::optional<Micros> serverNow_;
};

pqxx::result PgSession::run(const std::string& statement) {
    pqxx::nontransaction tx(*conn_);
    pqxx::result r = tx.exec(statement);
    tx.commit();
    return r;
}

pqxx::result PgSession::runPrepared(const char* name, const std::string& statement) {
    if (!prepare_)
        return run(statement);
    // libpqxx keeps the definition per connection and prepares it on first use; the same
    // name always gets the same text on one connection (versions are fixed at connect).
    conn_->prepare(name, statement);
    try {
        pqxx::nontransaction tx(*conn_);
        pqxx::result r = tx.exec_prepared(name);
        tx.commit();
        return r;
    } catch (const pqxx::sql_error& e) {
        if (e.sqlstate() != "26000" || !connected())
            throw;
    }
    prepare_ = false;
    return run(statement);
}

void PgSession::lost(const Message& detail) {
    conn_.reset();
    if (detail.empty())
        throw EngineError(Kind::Lost,
                          phrase(DBT_TR("Engine", "The connection to %1 was lost during a sample; "
                                                  "check that the server is up, then reconnect."),
                                 {endpointText_}));
    throw EngineError(Kind::Lost,
                      phrase(DBT_TR("Engine", "The connection to %1 was lost during a sample "
                                              "(%2); check that the server is up, then "
                                              "reconnect."),
                             {endpointText_, detail}));
}

template<typename F> bool PgSession::probe(Snapshot& s, const char* name, F&& body) {
    if (!connected())
        lost(phrase(DBT_TR("Engine", "the connection was already closed")));
    try {
        body();
        s.probes.push_back({name, "ok"});
        return true;
    } catch (const pqxx::broken_connection& e) {
        lost(lostReason(e, {}));
    } catch (const pqxx::sql_error& e) {
        if (!connected() || connectionGone(e.sqlstate()))
            lost(lostReason(e, e.sqlstate()));
        s.probes.push_back({name, probeStatus(e, secrets_)});
    } catch (const std::exception& e) {
        if (!connected())
            lost(lostReason(e, {}));
        s.probes.push_back({name, "failed: " + errorLine(e, secrets_)});
    }
    return false;
}

// ---------------------------------------------------------------- connect

void PgSession::openConnection(const pg::ParsedTarget& target) {
    const pg::SessionSettings settings{options_.statementTimeoutMs, options_.lockTimeoutMs,
                                       options_.idleInTransactionTimeoutMs};
    auto attempt = [&](bool withOptions) {
        conn_ = std::make_unique<MonitorConnection>(
            pg::buildConnInfo(target, options_.connectTimeoutS, settings, withOptions));
    };
    try {
        try {
            startupOptions_ = true;
            attempt(true);
        } catch (const StartupFailure& f) {
            // Poolers such as PgBouncer refuse the "options" startup parameter: connect
            // without it and SET the same settings as the first statement.
            if (!pg::isStartupOptionsRejected(f.info.message))
                throw;
            startupOptions_ = false;
            attempt(false);
        }
    } catch (const StartupFailure& f) {
        throw pg::classifyConnectFailure(f.info, secrets_, options_.connectTimeoutS);
    } catch (const pqxx::failure& e) {
        throw EngineError(Kind::Connect,
                          phrase(DBT_TR("Engine", "Could not connect (%1). Check the connection "
                                                  "target."),
                                 {literal(errorLine(e, secrets_))}));
    }
}

ServerInfo PgSession::connect() {
    disconnect();
    prepare_ = true;
    texts_.clear();
    lastTextFetch_.reset();
    textFetches_ = 0;
    const pg::ParsedTarget target = pg::parseTarget(options_.target);
    secrets_ = target.secrets;
    openConnection(target);
    endpointText_ = pg::endpointMessage(nonNull(conn_->hostname()), nonNull(conn_->port()));
    endpoint_ = englishText(endpointText_);
    if (const int v = conn_->server_version(); v < 120000) {
        conn_.reset();
        throw EngineError(
            Kind::Connect,
            phrase(DBT_TR("Engine",
                          "The server at %1 runs PostgreSQL %2; dbtriage supports PostgreSQL 12 "
                          "to 17."),
                   {endpointText_, literal(std::to_string(v >= 100000 ? v / 10000 : v / 100))}));
    }
    try {
        if (!startupOptions_) {
            std::string set;
            for (const auto& [name, value] :
                 pg::sessionGucs({options_.statementTimeoutMs, options_.lockTimeoutMs,
                                  options_.idleInTransactionTimeoutMs}))
                set += (set.empty() ? std::string(pg::sql::kTag) : std::string("; ")) + "SET " +
                       name + " = '" + value + "'";
            run(set);
        }
        const pqxx::result ro = run(pg::sql::kShowReadOnly);
        if (ro.empty() || text(ro[0][0]) != "on") {
            conn_.reset();
            throw EngineError(
                Kind::Connect,
                phrase(DBT_TR("Engine", "The session on %1 did not become read-only "
                                        "(transaction_read_only is not on), so dbtriage stops "
                                        "here; check for a pooler or proxy that drops start-up "
                                        "options."),
                       {endpointText_}));
        }
        readServerInfo();
    } catch (const EngineError&) {
        conn_.reset();
        throw;
    } catch (const pqxx::broken_connection& e) {
        conn_.reset();
        throw EngineError(Kind::Connect,
                          phrase(DBT_TR("Engine", "The connection to %1 closed while setting up "
                                                  "the session (%2). Try again."),
                                 {endpointText_, literal(errorLine(e, secrets_))}));
    } catch (const std::exception& e) {
        conn_.reset();
        throw EngineError(Kind::Query,
                          phrase(DBT_TR("Engine", "Setting up the monitoring session on %1 "
                                                  "failed (%2). Check the role's rights."),
                                 {endpointText_, literal(errorLine(e, secrets_))}));
    }
    buildPreflight();
    return info_;
}

void PgSession::readServerInfo() {
    info_ = ServerInfo{};
    info_.engine = Engine::PostgreSQL;
    info_.host = sanitizeText(nonNull(conn_->hostname()));
    info_.port = sanitizeText(nonNull(conn_->port()));

    const pqxx::result r = run(pg::sql::kServerInfo);
    const pqxx::row row = r.at(0);
    info_.version = text(row["version"]);
    info_.versionNum = static_cast<int>(orZero(int64(row["version_num"])));
    info_.database = text(row["dbname"]);
    info_.user = text(row["rolname"]);
    info_.inRecovery = boolean(row["in_recovery"]);
    info_.superuser = boolean(row["rolsuper"]);
    info_.readAllStats = info_.superuser || boolean(row["read_all_stats"]);
    ownPid_ = orZero(int64(row["own_pid"]));

    pssSchema_.clear();
    pssVersion_ = {0, 0};
    pssLoaded_.reset();
    const pqxx::result rows = run(pg::sql::kSettingsAndExtensions);
    bool sawPssGuc = false;
    std::optional<std::string> preload;
    for (const pqxx::row& x : rows) {
        const std::string kind = text(x["kind"]);
        const std::string name = text(x["name"]);
        const std::string value = text(x["value"]);
        if (kind == "E") {
            info_.extensions.push_back(name);
            if (name == "pg_stat_statements") {
                pssSchema_ = value;
                pssVersion_ = extVersion(text(x["version"]));
            }
            continue;
        }
        if (name == "pg_stat_statements.max")
            sawPssGuc = true;
        if (name == "shared_preload_libraries")
            preload = value;
        // These are this session's own values (dbtriage sets them at start-up), not the
        // server's: keep them apart so nobody reads them as the server's configuration.
        const bool own = name == "statement_timeout" || name == "lock_timeout" ||
                         name == "idle_in_transaction_session_timeout" ||
                         name == "default_transaction_read_only";
        info_.settings[own ? "dbtriage_session." + name : name] = value;
    }
    std::sort(info_.extensions.begin(), info_.extensions.end());
    // The library's GUCs exist in every backend when it is preloaded; the setting itself
    // may be hidden from roles without pg_read_all_settings.
    if (sawPssGuc)
        pssLoaded_ = true;
    else if (preload)
        pssLoaded_ = preload->find("pg_stat_statements") != std::string::npos;
}

void PgSession::buildPreflight() {
    preflight_.clear();
    const std::string& user = info_.user;
    if (info_.superuser) {
        Finding f;
        f.severity = Severity::Warning;
        f.code = "superuser-role";
        f.summary =
            "dbtriage is connected as " + user + ", a superuser; a role in pg_monitor is enough.";
        f.nextStep = "Create a monitoring role with pg_monitor and connect with it instead "
                     "(choose the password yourself and keep it in ~/.pgpass).";
        f.command = "CREATE ROLE dbtriage_monitor LOGIN PASSWORD '<choose a password>';\n"
                    "GRANT pg_monitor TO dbtriage_monitor;";
        preflight_.push_back(f);
    } else if (!info_.readAllStats) {
        Finding f;
        f.severity = Severity::Warning;
        f.code = "missing-pg-monitor";
        f.summary =
            "Role " + user +
            " is not a member of pg_monitor (pg_read_all_stats): for other users' sessions "
            "pg_stat_activity shows \"<insufficient privilege>\" instead of the query and "
            "hides their state, wait events, client and times, and pg_stat_statements hides "
            "their statements' texts and ids, so their statements are missing from the top "
            "statements and root blockers of other users show no query.";
        f.nextStep = "Ask a DBA to grant pg_monitor to " + user +
                     "; lock waits themselves stay complete (pg_locks is readable by every "
                     "role).";
        f.command = "GRANT pg_monitor TO " + quoteIdent(user) + ";";
        preflight_.push_back(f);
    }

    const std::string& db = info_.database;
    Finding pss;
    pss.severity = Severity::Warning;
    pss.code = "pg-stat-statements-missing";
    if (pssSchema_.empty() && pssLoaded_.value_or(false)) {
        pss.summary = "pg_stat_statements is loaded but not created in database " + db +
                      ": top statements are not available.";
        pss.nextStep = "Create the extension in " + db + " (no restart needed).";
        pss.command = "CREATE EXTENSION pg_stat_statements;";
        preflight_.push_back(pss);
    } else if (pssSchema_.empty()) {
        pss.summary = "pg_stat_statements is not installed in database " + db +
                      ": top statements are not available.";
        pss.nextStep = std::string(pssLoaded_ ? "Add" : "If it is not there yet, add") +
                       " pg_stat_statements to shared_preload_libraries (this needs a server "
                       "restart), then create the extension in " +
                       db + ".";
        pss.command = "-- postgresql.conf: shared_preload_libraries = 'pg_stat_statements' "
                      "(keep the libraries already listed), restart, then:\n"
                      "CREATE EXTENSION pg_stat_statements;";
        preflight_.push_back(pss);
    } else if (pssLoaded_.has_value() && !*pssLoaded_) {
        pss.summary = "pg_stat_statements is created in database " + db +
                      " but not in shared_preload_libraries, so it collects nothing.";
        pss.nextStep = "Add pg_stat_statements to shared_preload_libraries and restart the "
                       "server.";
        pss.command = "-- postgresql.conf: shared_preload_libraries = 'pg_stat_statements' "
                      "(keep the libraries already listed), then restart.";
        preflight_.push_back(pss);
    }

    if (info_.versionNum >= 180000) {
        Finding f;
        f.severity = Severity::Info;
        f.code = "untested-server-version";
        f.summary = "PostgreSQL " + info_.version +
                    " is newer than the versions dbtriage was tested with (12 to 17).";
        f.nextStep = "Check the figures against psql if something looks wrong.";
        preflight_.push_back(f);
    }
}

// ---------------------------------------------------------------- sample

void PgSession::sample(Snapshot& s) {
    if (!connected())
        lost(phrase(DBT_TR("Engine", "not connected")));
    if (s.server.versionNum == 0)
        s.server = info_;
    s.statementScope = StatementScope::Cumulative;
    sawLockWait_ = false;
    serverNow_.reset();

    const bool activityOk = probe(s, "activity", [&] { sampleActivity(s); });
    // Without pg_read_all_stats other users' wait events are hidden: always look at
    // pg_locks then. Otherwise only when someone waits for a lock.
    if (!activityOk || sawLockWait_ || !info_.readAllStats) {
        lockCapNote_.clear();
        if (probe(s, "locks", [&] { sampleLocks(s); }) && !lockCapNote_.empty())
            s.probes.back().status = lockCapNote_;
    } else
        s.probes.push_back({"locks", "ok"});
    // The collector asks for statement counters on their own, slower cadence; in between it
    // carries the last values (Snapshot::statementsFresh false on entry).
    if (!s.statementsFresh) {
        // not read in this sample
    } else if (pssSchema_.empty())
        s.probes.push_back({"statements", "unavailable: pg_stat_statements is not installed in "
                                          "database " +
                                              info_.database});
    else if (pssLoaded_.has_value() && !*pssLoaded_)
        // Calling it would only raise an error in the server log at every sample.
        s.probes.push_back({"statements", notLoadedNote()});
    else
        sampleStatements(s);
    sampleDatabaseAndHealth(s);
    s.collectedAt = serverNow_.value_or(nowMicros());
}

void PgSession::sampleActivity(Snapshot& s) {
    const pqxx::result r = runPrepared("dbtriage_activity", pg::sql::activity(info_.versionNum));
    std::vector<Session> sessions;
    sessions.reserve(r.size());
    ConnectionCounts counts;
    counts.max = 0;
    for (const pqxx::row& row : r) {
        if (!serverNow_)
            serverNow_ = int64(row["now_us"]);
        Session x;
        x.pid = orZero(int64(row["pid"]));
        x.user = text(row["usename"]);
        x.database = text(row["datname"]);
        x.application = text(row["application_name"]);
        const std::string host = text(row["client_host"]);
        const auto port = int64(row["client_port"]);
        if (host == "local")
            x.client = "local";
        else if (!host.empty())
            x.client = (host.find(':') != std::string::npos ? "[" + host + "]" : host) +
                       (port && *port > 0 ? ":" + std::to_string(*port) : std::string());
        x.backendType = text(row["backend_type"]);
        x.state = text(row["state"]);
        x.waitEventType = text(row["wait_event_type"]);
        x.waitEvent = text(row["wait_event"]);
        x.backendStart = int64(row["backend_start"]);
        x.transactionStart = int64(row["xact_start"]);
        x.queryStart = int64(row["query_start"]);
        x.stateChange = int64(row["state_change"]);
        x.xminAge = int64(row["xmin_age"]);
        x.query = text(row["query"]);
        x.queryId = text(row["query_id"]);
        if (x.waitEventType == "Lock")
            sawLockWait_ = true;
        // Without pg_read_all_stats the backend type of other users' sessions is hidden
        // too; one with a user and a database is counted as a client connection (parallel
        // workers look the same, and are rare).
        const bool client = x.backendType == "client backend" ||
                            (x.backendType.empty() && !x.user.empty() && !x.database.empty());
        if (client) {
            ++counts.total;
            ++counts.byState[orUnknown(x.state)];
            ++counts.byApplication[orUnknown(x.application)];
            ++counts.byUser[orUnknown(x.user)];
            ++counts.byDatabase[orUnknown(x.database)];
            const std::string clientName = text(row["client_hostname"]);
            ++counts.byClient[orUnknown(clientName.empty() ? host : clientName)];
        }
        sessions.push_back(std::move(x));
    }
    auto setting = [&](const char* name) -> std::int64_t {
        const auto it = info_.settings.find(name);
        if (it == info_.settings.end())
            return 0;
        std::int64_t v = 0;
        std::from_chars(it->second.data(), it->second.data() + it->second.size(), v);
        return v;
    };
    counts.max = setting("max_connections");
    counts.reserved = setting("superuser_reserved_connections") + setting("reserved_connections");

    // Longest transaction among client sessions (not this one); xmin age of every backend.
    std::optional<Micros> oldestXact;
    for (const Session& x : sessions) {
        if (x.pid == ownPid_)
            continue;
        if (x.backendType == "client backend" && x.transactionStart)
            oldestXact = std::min(oldestXact.value_or(*x.transactionStart), *x.transactionStart);
        if (x.xminAge)
            s.health.oldestXminAge = std::max(s.health.oldestXminAge.value_or(0), *x.xminAge);
    }
    if (oldestXact && serverNow_)
        s.health.longestTransactionSeconds =
            std::max<double>(0.0, static_cast<double>(*serverNow_ - *oldestXact) / 1e6);
    s.sessions = std::move(sessions);
    s.connections = std::move(counts);
}

void PgSession::sampleLocks(Snapshot& s) {
    const pqxx::result r = runPrepared("dbtriage_locks", pg::sql::locks(info_.versionNum));
    const bool queueKnown = info_.versionNum >= 140000;
    std::vector<LockWait> waits;
    std::vector<HeldLock> held;
    std::int64_t waiters = 0;
    std::set<std::int64_t> linked;
    for (const pqxx::row& row : r) {
        const std::string kind = text(row["kind"]);
        if (kind == "W") {
            LockWait w;
            w.waitingPid = orZero(int64(row["pid"]));
            w.blockingPid = orZero(int64(row["blocker"]));
            w.lockType = text(row["locktype"]);
            w.mode = text(row["mode"]);
            w.object = sanitizeText(lockObject(row));
            w.hard = boolean(row["hard"]);
            w.queuePosition = queueKnown ? static_cast<int>(orZero(int64(row["qpos"]))) : 0;
            waiters = std::max(waiters, orZero(int64(row["nwait"])));
            if (boolean(row["linked"]))
                linked.insert(w.waitingPid);
            waits.push_back(std::move(w));
        } else if (kind == "H") {
            HeldLock h;
            h.pid = orZero(int64(row["pid"]));
            h.lockType = text(row["locktype"]);
            h.mode = text(row["mode"]);
            h.object = sanitizeText(lockObject(row));
            held.push_back(std::move(h));
        }
    }
    s.lockWaits = std::move(waits);
    s.heldLocks = std::move(held);
    if (!linked.empty() || waiters > pg::sql::kLockWaiterCap)
        lockCapNote_ = "partial: " + std::to_string(linked.size()) + " of " +
                       std::to_string(waiters) +
                       " lock waiters were given the blockers of an earlier waiter for the "
                       "same lock and mode, or else the session queued ahead of them, "
                       "without a conflict check of their own (pg_blocking_pids is called "
                       "for at most " +
                       std::to_string(pg::sql::kAnalysedPerLock) + " waiters per lock and " +
                       std::to_string(pg::sql::kLockWaiterCap) + " in all)";
}

void PgSession::sampleStatements(Snapshot& s) {
    std::vector<StatementStat> stats;
    std::set<std::string> unknownOids;
    std::unordered_map<std::string, std::size_t> index; // id/dbid/userid -> stats
    const bool ok = probe(s, "statements", [&] {
        const std::string quoted = quoteIdent(pssSchema_);
        const pqxx::result r =
            runPrepared("dbtriage_statements",
                        pg::sql::statements(quoted, pssVersion_.first, pssVersion_.second));
        stats.reserve(r.size());
        for (const pqxx::row& row : r) {
            if (const auto dealloc = int64(row["dealloc"]))
                s.server.settings["pg_stat_statements.dealloc"] = std::to_string(*dealloc);
            if (const auto reset = int64(row["stats_reset"]))
                s.server.settings["pg_stat_statements.stats_reset"] = formatRfc3339(*reset);
            if (row["id"].is_null())
                continue;
            StatementStat st;
            st.id = text(row["id"]);
            // Names by oid from a cache (no join per sample); unknown oids are looked up below.
            st.database = text(row["dbid"]);
            st.user = text(row["userid"]);
            if (!databaseNames_.count(st.database))
                unknownOids.insert("d" + st.database);
            if (!roleNames_.count(st.user))
                unknownOids.insert("r" + st.user);
            st.calls = orZero(int64(row["calls"]));
            st.totalTimeMs = float64(row["total_ms"]).value_or(0);
            st.meanTimeMs = st.calls > 0 ? st.totalTimeMs / static_cast<double>(st.calls) : 0;
            st.rows = orZero(int64(row["rows"]));
            st.sharedBlksHit = orZero(int64(row["hit"]));
            st.sharedBlksRead = orZero(int64(row["read"]));
            st.tempBlksWritten = orZero(int64(row["temp_written"]));
            // PostgreSQL 14+ lists a queryid once top-level and once nested: summed here
            // (cheaper than a GROUP BY on the server).
            const std::string key = st.id + '\x1f' + st.database + '\x1f' + st.user;
            const auto [at, inserted] = index.try_emplace(key, stats.size());
            if (inserted) {
                stats.push_back(std::move(st));
                continue;
            }
            StatementStat& into = stats[at->second];
            into.calls = saturatingAdd(into.calls, st.calls);
            into.totalTimeMs += st.totalTimeMs;
            into.meanTimeMs =
                into.calls > 0 ? into.totalTimeMs / static_cast<double>(into.calls) : 0;
            into.rows = saturatingAdd(into.rows, st.rows);
            into.sharedBlksHit = saturatingAdd(into.sharedBlksHit, st.sharedBlksHit);
            into.sharedBlksRead = saturatingAdd(into.sharedBlksRead, st.sharedBlksRead);
            into.tempBlksWritten = saturatingAdd(into.tempBlksWritten, st.tempBlksWritten);
        }
    });
    if (!ok) {
        // Created but not loaded: say what it means instead of the server's sentence.
        auto& note = s.probes.back();
        if (note.status.find("shared_preload_libraries") != std::string::npos)
            note.status = notLoadedNote();
        return;
    }
    if (!unknownOids.empty()) {
        probe(s, "statement-names", [&] {
            const pqxx::result r = run(pg::sql::kDatabaseAndRoleNames);
            databaseNames_.clear();
            roleNames_.clear();
            for (const pqxx::row& row : r)
                (text(row["kind"]) == "d" ? databaseNames_ : roleNames_)[text(row["oid"])] =
                    text(row["name"]);
        });
        if (s.probes.back().ok())
            s.probes.pop_back(); // a name lookup is part of the statements probe
    }
    const auto nameOf = [](const std::unordered_map<std::string, std::string>& names,
                           const std::string& oid) {
        const auto it = names.find(oid);
        return it != names.end() ? it->second : oid; // dropped meanwhile: the oid
    };
    for (StatementStat& st : stats) {
        st.database = nameOf(databaseNames_, st.database);
        st.user = nameOf(roleNames_, st.user);
    }
    sampleStatementTexts(s, stats);
    for (StatementStat& st : stats) {
        const auto it = texts_.find(st.id);
        if (it != texts_.end())
            st.query = it->second;
    }
    s.statements = std::move(stats);
}

void PgSession::sampleStatementTexts(Snapshot& s, std::vector<StatementStat>& stats) {
    std::set<std::string> missing;
    for (const StatementStat& st : stats) {
        if (!texts_.count(st.id))
            missing.insert(st.id);
    }
    const auto now = Clock::now();
    // The first few fetches come as soon as new ids appear (the tool's own statements and the
    // workload seen in the first seconds); after that at most once per interval.
    const bool warmingUp = textFetches_ < kStatementTextWarmUpFetches;
    const bool due =
        warmingUp || !lastTextFetch_ || now - *lastTextFetch_ >= kStatementTextInterval;
    if (missing.empty() || !due)
        return;
    lastTextFetch_ = now;
    ++textFetches_;
    // Bounded memory: forget texts of statements that left pg_stat_statements.
    if (texts_.size() > 2 * stats.size() + 1000) {
        std::unordered_map<std::string, std::string> kept;
        for (const StatementStat& st : stats) {
            const auto it = texts_.find(st.id);
            if (it != texts_.end())
                kept.insert(*it);
        }
        texts_.swap(kept);
    }
    std::string ids = "{";
    for (const std::string& id : missing) {
        if (id.find_first_not_of("-0123456789") != std::string::npos)
            continue; // queryids are integers; anything else is not sent
        ids += (ids.size() > 1 ? "," : "") + id;
    }
    ids += "}";
    probe(s, "statement-texts", [&] {
        pqxx::nontransaction tx(*conn_);
        const pqxx::result r = tx.exec_params(pg::sql::statementTexts(quoteIdent(pssSchema_)), ids);
        tx.commit();
        for (const pqxx::row& row : r)
            texts_[text(row["id"])] = text(row["query"]);
        // Ids without a text (evicted meanwhile) are not asked for again.
        for (const std::string& id : missing)
            texts_.emplace(id, std::string());
    });
}

void PgSession::sampleDatabaseAndHealth(Snapshot& s) {
    const std::size_t before = s.probes.size();
    const bool ok = probe(s, "database", [&] {
        const pqxx::result r = runPrepared("dbtriage_health", pg::sql::databaseAndHealth());
        for (const pqxx::row& row : r) {
            const std::string kind = text(row["kind"]);
            if (kind == "D") {
                const std::int64_t hit = orZero(int64(row["hit"]));
                const std::int64_t read = orZero(int64(row["read"]));
                if (hit + read > 0)
                    s.health.cacheHitRatio =
                        static_cast<double>(hit) / static_cast<double>(hit + read);
                s.health.tempFiles = orZero(int64(row["temp_files"]));
                s.health.tempBytes = orZero(int64(row["temp_bytes"]));
                s.health.deadlocks = orZero(int64(row["deadlocks"]));
                for (const char* col : {"slot_xmin_age", "prepared_xmin_age"}) {
                    if (const auto age = int64(row[col]))
                        s.health.oldestXminAge = std::max(s.health.oldestXminAge.value_or(0), *age);
                }
            } else if (kind == "R") {
                ReplicaLag lag;
                lag.name = text(row["name"]);
                if (lag.name.empty())
                    lag.name = text(row["client"]);
                lag.state = text(row["state"]);
                lag.replayLagSeconds = float64(row["replay_lag_s"]);
                lag.lagBytes = int64(row["lag_bytes"]);
                s.health.replicas.push_back(std::move(lag));
            }
        }
    });
    // One statement serves both probes.
    s.probes.push_back({"health", ok ? std::string("ok") : s.probes[before].status});
}

// ---------------------------------------------------------------- explain

std::string PgSession::explainJson(const std::string& sql, bool analyze) {
    ExplainRequest request;
    request.sql = sql;
    request.analyze = analyze;
    return explain(request).plan;
}

// The same target with another dbname, as a keyword string (the user's options kept).
std::string targetForDatabase(const std::string& target, const std::string& database) {
    const pg::ParsedTarget parsed = pg::parseTarget(target);
    std::string out;
    auto add = [&](const std::string& key, const std::string& value) {
        out += (out.empty() ? "" : " ") + key + "=" + pg::quoteConnValue(value);
    };
    for (const auto& [key, value] : parsed.keywords)
        if (key != "dbname")
            add(key, value);
    add("dbname", database);
    if (!parsed.userOptions.empty())
        add("options", parsed.userOptions);
    return out;
}

ExplainResult PgSession::explain(const ExplainRequest& request) {
    if (!connected())
        throw EngineError(
            Kind::Lost,
            phrase(DBT_TR("Engine", "Not connected to %1; reconnect first."), {endpointText_}));
    const pg::ExplainContext context{options_.statementTimeoutMs, options_.lockTimeoutMs, secrets_};
    if (!request.database.empty() && request.database != info_.database) {
        // A short-lived second session on the statement's database, set up exactly like
        // this one (read-only, timeouts, application_name).
        ConnectOptions other = options_;
        other.target = targetForDatabase(options_.target, request.database);
        PgSession session(std::move(other));
        try {
            session.connect();
        } catch (const EngineError& e) {
            throw EngineError(
                Kind::Query,
                phrase(DBT_TR("Engine", "Could not connect to database %1 for EXPLAIN: %2"),
                       {literal(request.database),
                        e.message() ? *e.message() : literal(std::string(e.what()))}));
        }
        ExplainRequest here = request;
        here.database.clear();
        ExplainResult result = session.explain(here);
        addNote(result, phrase(DBT_TR("Engine", "Explained in database %1 on a second, "
                                                "short-lived connection."),
                               {literal(request.database)}));
        return result;
    }
    auto lostDuringExplain = [&](const std::exception& e) {
        conn_.reset();
        const auto* sqlError = dynamic_cast<const pqxx::sql_error*>(&e);
        return EngineError(
            Kind::Lost,
            phrase(DBT_TR("Engine", "The connection to %1 was lost during EXPLAIN (%2); "
                                    "reconnect and retry."),
                   {endpointText_, lostReason(e, sqlError ? sqlError->sqlstate() : "")}));
    };
    try {
        return pg::explainOn(*conn_, request, context);
    } catch (const EngineError&) {
        throw;
    } catch (const std::exception& e) {
        if (!connected() || pg::explainConnectionGone(e))
            throw lostDuringExplain(e);
        throw pg::explainFailure(e, context);
    }
}

} // namespace

std::unique_ptr<EngineSession> makePostgresSession(const ConnectOptions& options) {
    return std::make_unique<PgSession>(options);
}

} // namespace dbt
