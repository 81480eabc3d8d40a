#include "snapshot_json.h"

#include "findings.h"
#include "jsonnumber.h"
#include "timefmt.h"
#include "waitgraph.h"

#include <fmt/format.h>

namespace dbt {

using nlohmann::json;

namespace {

constexpr const char* kFormatName = "dbtriage-snapshot";

json optTime(const OptMicros& t) {
    return t ? json(formatRfc3339(*t)) : json(nullptr);
}

template<typename T> json optValue(const std::optional<T>& v) {
    return v ? json(*v) : json(nullptr);
}

json counts(const std::map<std::string, std::int64_t>& m) {
    json o = json::object();
    for (const auto& [k, v] : m)
        o[k] = v;
    return o;
}

// --- reading helpers: tolerant of missing optional fields, strict on types ---

std::string str(const json& o, const char* key) {
    auto it = o.find(key);
    if (it == o.end() || it->is_null())
        return {};
    if (!it->is_string())
        throw FormatError(fmt::format("Field \"{}\" should be text.", key));
    return it->get<std::string>();
}

template<typename T> T num(const json& o, const char* key, T fallback = 0) {
    auto it = o.find(key);
    if (it == o.end() || it->is_null())
        return fallback;
    if (!it->is_number())
        throw FormatError(fmt::format("Field \"{}\" should be a number.", key));
    return jsonNumberAs<T>(*it);
}

template<typename T> std::optional<T> optNum(const json& o, const char* key) {
    auto it = o.find(key);
    if (it == o.end() || it->is_null())
        return std::nullopt;
    if (!it->is_number())
        throw FormatError(fmt::format("Field \"{}\" should be a number.", key));
    return jsonNumberAs<T>(*it);
}

bool flag(const json& o, const char* key, bool fallback = false) {
    auto it = o.find(key);
    if (it == o.end() || it->is_null())
        return fallback;
    if (!it->is_boolean())
        throw FormatError(fmt::format("Field \"{}\" should be true or false.", key));
    return it->get<bool>();
}

OptMicros time(const json& o, const char* key) {
    const std::string s = str(o, key);
    if (s.empty())
        return std::nullopt;
    auto t = parseRfc3339(s);
    if (!t)
        throw FormatError(fmt::format("Field \"{}\" is not an RFC 3339 time: \"{}\".", key, s));
    return t;
}

const json& array(const json& o, const char* key) {
    static const json empty = json::array();
    auto it = o.find(key);
    if (it == o.end() || it->is_null())
        return empty;
    if (!it->is_array())
        throw FormatError(fmt::format("Field \"{}\" should be a list.", key));
    return *it;
}

const json& object(const json& o, const char* key) {
    static const json empty = json::object();
    auto it = o.find(key);
    if (it == o.end() || it->is_null())
        return empty;
    if (!it->is_object())
        throw FormatError(fmt::format("Field \"{}\" should be an object.", key));
    return *it;
}

std::map<std::string, std::int64_t> readCounts(const json& o, const char* key) {
    std::map<std::string, std::int64_t> m;
    for (const auto& [k, v] : object(o, key).items()) {
        if (!v.is_number_integer())
            throw FormatError(
                fmt::format("Count \"{}\" in \"{}\" should be a whole number.", k, key));
        m[k] = v.get<std::int64_t>();
    }
    return m;
}

json heldLockJson(const HeldLock& h) {
    return {{"pid", h.pid}, {"lock_type", h.lockType}, {"mode", h.mode}, {"object", h.object}};
}

HeldLock heldLockFrom(const json& o) {
    return HeldLock{num<std::int64_t>(o, "pid"), str(o, "lock_type"), str(o, "mode"),
                    str(o, "object")};
}

} // namespace

// snapshot_writer.cpp prints the same document without building it (the bundle writer uses
// it): a field added or changed here must be added or changed there too; tst_snapshot_writer
// compares the two texts byte for byte.
json snapshotToJson(const Snapshot& s) {
    json j;
    j["format"] = kFormatName;
    j["format_version"] = Snapshot::kFormatVersion;
    j["tool_version"] = s.toolVersion;
    j["collected_at"] = formatRfc3339(s.collectedAt);
    j["redacted"] = s.redacted;

    const ServerInfo& sv = s.server;
    json settings = json::object();
    for (const auto& [k, v] : sv.settings)
        settings[k] = v;
    j["server"] = {{"engine", engineName(sv.engine)},
                   {"version", sv.version},
                   {"version_num", sv.versionNum},
                   {"host", sv.host},
                   {"port", sv.port},
                   {"database", sv.database},
                   {"user", sv.user},
                   {"in_recovery", sv.inRecovery},
                   {"superuser", sv.superuser},
                   {"read_all_stats", sv.readAllStats},
                   {"extensions", sv.extensions},
                   {"settings", settings}};

    const ConnectionCounts& c = s.connections;
    j["connections"] = {{"total", c.total},
                        {"max", c.max},
                        {"reserved", c.reserved},
                        {"usable", c.usable()},
                        {"by_state", counts(c.byState)},
                        {"by_application", counts(c.byApplication)},
                        {"by_user", counts(c.byUser)},
                        {"by_database", counts(c.byDatabase)},
                        {"by_client", counts(c.byClient)}};

    json sessions = json::array();
    for (const Session& x : s.sessions) {
        sessions.push_back({{"pid", x.pid},
                            {"user", x.user},
                            {"database", x.database},
                            {"application", x.application},
                            {"client", x.client},
                            {"backend_type", x.backendType},
                            {"state", x.state},
                            {"wait_event_type", x.waitEventType},
                            {"wait_event", x.waitEvent},
                            {"backend_start", optTime(x.backendStart)},
                            {"transaction_start", optTime(x.transactionStart)},
                            {"query_start", optTime(x.queryStart)},
                            {"state_change", optTime(x.stateChange)},
                            {"xmin_age", optValue(x.xminAge)},
                            {"query_id", x.queryId},
                            {"query", x.query}});
    }
    j["sessions"] = std::move(sessions);

    json waits = json::array();
    for (const LockWait& w : s.lockWaits) {
        waits.push_back({{"waiting_pid", w.waitingPid},
                         {"blocking_pid", w.blockingPid},
                         {"lock_type", w.lockType},
                         {"mode", w.mode},
                         {"object", w.object},
                         {"hard", w.hard},
                         {"queue_position", w.queuePosition}});
    }
    j["lock_waits"] = std::move(waits);

    json held = json::array();
    for (const HeldLock& h : s.heldLocks)
        held.push_back(heldLockJson(h));
    j["held_locks"] = std::move(held);

    json roots = json::array();
    for (const RootBlocker& r : s.rootBlockers) {
        json holds = json::array();
        for (const HeldLock& h : r.holds)
            holds.push_back(heldLockJson(h));
        roots.push_back({{"pid", r.pid},
                         {"blocked_direct", r.blockedDirect},
                         {"blocked_total", r.blockedTotal},
                         {"depth", r.depth},
                         {"state", r.state},
                         {"user", r.user},
                         {"application", r.application},
                         {"wait_event_type", r.waitEventType},
                         {"transaction_start", optTime(r.transactionStart)},
                         {"state_change", optTime(r.stateChange)},
                         {"query", r.query},
                         {"in_cycle", r.inCycle},
                         {"holds", std::move(holds)}});
    }
    j["root_blockers"] = std::move(roots);
    j["cycles"] = s.cycles;

    j["statements_scope"] = s.statementScope == StatementScope::Window ? "window" : "cumulative";
    j["statements_window_start"] = s.statementScope == StatementScope::Window
                                       ? json(formatRfc3339(s.statementWindowStart))
                                       : json(nullptr);
    j["statements_fresh"] = s.statementsFresh;
    j["statements_sampled_at"] = formatRfc3339(s.statementsAt());
    json stmts = json::array();
    for (const StatementStat& x : s.statements) {
        stmts.push_back({{"id", x.id},
                         {"query", x.query},
                         {"database", x.database},
                         {"user", x.user},
                         {"calls", x.calls},
                         {"total_time_ms", x.totalTimeMs},
                         {"mean_time_ms", x.meanTimeMs},
                         {"rows", x.rows},
                         {"shared_blks_hit", x.sharedBlksHit},
                         {"shared_blks_read", x.sharedBlksRead},
                         {"temp_blks_written", x.tempBlksWritten},
                         {"rows_examined", x.rowsExamined},
                         {"no_index_used", x.noIndexUsed},
                         {"tmp_disk_tables", x.tmpDiskTables},
                         {"sort_merge_passes", x.sortMergePasses},
                         {"p95_time_ms", optValue(x.p95TimeMs)},
                         {"p99_time_ms", optValue(x.p99TimeMs)},
                         {"cpu_time_ms", optValue(x.cpuTimeMs)}});
    }
    j["statements"] = std::move(stmts);

    const Health& h = s.health;
    json replicas = json::array();
    for (const ReplicaLag& r : h.replicas) {
        replicas.push_back({{"name", r.name},
                            {"state", r.state},
                            {"replay_lag_seconds", optValue(r.replayLagSeconds)},
                            {"lag_bytes", optValue(r.lagBytes)}});
    }
    j["health"] = {{"cache_hit_ratio", optValue(h.cacheHitRatio)},
                   {"temp_files", h.tempFiles},
                   {"temp_bytes", h.tempBytes},
                   {"deadlocks", h.deadlocks},
                   {"longest_transaction_seconds", optValue(h.longestTransactionSeconds)},
                   {"oldest_xmin_age", optValue(h.oldestXminAge)},
                   {"replicas", std::move(replicas)}};

    json findings = json::array();
    for (const Finding& f : s.findings) {
        findings.push_back({{"severity", severityName(f.severity)},
                            {"code", f.code},
                            {"summary", f.summary},
                            {"next_step", f.nextStep},
                            {"command", f.command},
                            {"pids", f.pids}});
    }
    j["findings"] = std::move(findings);

    json probes = json::array();
    for (const ProbeNote& p : s.probes)
        probes.push_back({{"probe", p.probe}, {"status", p.status}});
    j["probes"] = std::move(probes);
    j["partial"] = s.partial();
    return j;
}

Snapshot snapshotFromJson(const json& j) {
    if (!j.is_object())
        throw FormatError("This is not a dbtriage snapshot: the file does not hold a JSON object.");
    if (str(j, "format") != kFormatName)
        throw FormatError("This is not a dbtriage snapshot: its \"format\" field is missing or "
                          "is not \"dbtriage-snapshot\".");
    const int version = num<int>(j, "format_version", -1);
    if (version < 1)
        throw FormatError("The snapshot has no valid \"format_version\".");
    if (version > Snapshot::kFormatVersion)
        throw FormatError(fmt::format("The snapshot is format version {}, newer than this dbtriage "
                                      "reads ({}). Update dbtriage to open it.",
                                      version, Snapshot::kFormatVersion));

    Snapshot s;
    s.toolVersion = str(j, "tool_version");
    const auto at = time(j, "collected_at");
    if (!at)
        throw FormatError("The snapshot has no \"collected_at\" time.");
    s.collectedAt = *at;
    s.redacted = flag(j, "redacted", true);

    const json& sv = object(j, "server");
    const auto engine = engineFromName(str(sv, "engine"));
    if (!engine)
        throw FormatError(
            fmt::format("Unknown server engine \"{}\" in the snapshot.", str(sv, "engine")));
    s.server.engine = *engine;
    s.server.version = str(sv, "version");
    s.server.versionNum = num<int>(sv, "version_num");
    s.server.host = str(sv, "host");
    s.server.port = str(sv, "port");
    s.server.database = str(sv, "database");
    s.server.user = str(sv, "user");
    s.server.inRecovery = flag(sv, "in_recovery");
    s.server.superuser = flag(sv, "superuser");
    s.server.readAllStats = flag(sv, "read_all_stats");
    for (const json& e : array(sv, "extensions")) {
        if (e.is_string())
            s.server.extensions.push_back(e.get<std::string>());
    }
    for (const auto& [k, v] : object(sv, "settings").items()) {
        if (v.is_string())
            s.server.settings[k] = v.get<std::string>();
    }

    const json& c = object(j, "connections");
    s.connections.total = num<std::int64_t>(c, "total");
    s.connections.max = num<std::int64_t>(c, "max");
    s.connections.reserved = num<std::int64_t>(c, "reserved");
    s.connections.byState = readCounts(c, "by_state");
    s.connections.byApplication = readCounts(c, "by_application");
    s.connections.byUser = readCounts(c, "by_user");
    s.connections.byDatabase = readCounts(c, "by_database");
    s.connections.byClient = readCounts(c, "by_client");

    for (const json& o : array(j, "sessions")) {
        Session x;
        x.pid = num<std::int64_t>(o, "pid");
        x.user = str(o, "user");
        x.database = str(o, "database");
        x.application = str(o, "application");
        x.client = str(o, "client");
        x.backendType = str(o, "backend_type");
        x.state = str(o, "state");
        x.waitEventType = str(o, "wait_event_type");
        x.waitEvent = str(o, "wait_event");
        x.backendStart = time(o, "backend_start");
        x.transactionStart = time(o, "transaction_start");
        x.queryStart = time(o, "query_start");
        x.stateChange = time(o, "state_change");
        x.xminAge = optNum<std::int64_t>(o, "xmin_age");
        x.queryId = str(o, "query_id");
        x.query = str(o, "query");
        s.sessions.push_back(std::move(x));
    }

    for (const json& o : array(j, "lock_waits")) {
        LockWait w;
        w.waitingPid = num<std::int64_t>(o, "waiting_pid");
        w.blockingPid = num<std::int64_t>(o, "blocking_pid");
        w.lockType = str(o, "lock_type");
        w.mode = str(o, "mode");
        w.object = str(o, "object");
        w.hard = flag(o, "hard", true);
        w.queuePosition = num<int>(o, "queue_position");
        s.lockWaits.push_back(std::move(w));
    }
    for (const json& o : array(j, "held_locks"))
        s.heldLocks.push_back(heldLockFrom(o));

    for (const json& o : array(j, "root_blockers")) {
        RootBlocker r;
        r.pid = num<std::int64_t>(o, "pid");
        r.blockedDirect = num<std::int64_t>(o, "blocked_direct");
        r.blockedTotal = num<std::int64_t>(o, "blocked_total");
        r.depth = num<int>(o, "depth");
        r.state = str(o, "state");
        r.user = str(o, "user");
        r.application = str(o, "application");
        r.waitEventType = str(o, "wait_event_type");
        r.transactionStart = time(o, "transaction_start");
        r.stateChange = time(o, "state_change");
        r.query = str(o, "query");
        r.inCycle = flag(o, "in_cycle");
        std::vector<HeldLock> holds;
        for (const json& h : array(o, "holds")) {
            holds.push_back(heldLockFrom(h));
            holds.back().pid = r.pid; // a root blocker's holds are its own
        }
        // In rankedHolds order whatever order the file has (a recording by an older version
        // kept them as the server listed them), so that a finding derived again, the README
        // and the locks view name the same locks first as they would live.
        for (const HeldLock* h : rankedHolds(r.pid, holds, s.lockWaits))
            r.holds.push_back(*h);
        s.rootBlockers.push_back(std::move(r));
    }
    for (const json& cycle : array(j, "cycles")) {
        std::vector<std::int64_t> pids;
        if (cycle.is_array()) {
            for (const json& p : cycle) {
                if (p.is_number_integer())
                    pids.push_back(p.get<std::int64_t>());
            }
        }
        s.cycles.push_back(std::move(pids));
    }

    const std::string scope = str(j, "statements_scope");
    s.statementScope = scope == "window" ? StatementScope::Window : StatementScope::Cumulative;
    if (s.statementScope == StatementScope::Window)
        s.statementWindowStart = time(j, "statements_window_start").value_or(s.collectedAt);
    s.statementsFresh = flag(j, "statements_fresh", true);
    s.statementsSampledAt = time(j, "statements_sampled_at").value_or(0);
    if (s.statementsSampledAt == s.collectedAt)
        s.statementsSampledAt = 0;
    for (const json& o : array(j, "statements")) {
        StatementStat x;
        x.id = str(o, "id");
        x.query = str(o, "query");
        x.database = str(o, "database");
        x.user = str(o, "user");
        x.calls = num<std::int64_t>(o, "calls");
        x.totalTimeMs = num<double>(o, "total_time_ms");
        x.meanTimeMs = num<double>(o, "mean_time_ms");
        x.rows = num<std::int64_t>(o, "rows");
        x.sharedBlksHit = num<std::int64_t>(o, "shared_blks_hit");
        x.sharedBlksRead = num<std::int64_t>(o, "shared_blks_read");
        x.tempBlksWritten = num<std::int64_t>(o, "temp_blks_written");
        x.rowsExamined = num<std::int64_t>(o, "rows_examined");
        x.noIndexUsed = num<std::int64_t>(o, "no_index_used");
        x.tmpDiskTables = num<std::int64_t>(o, "tmp_disk_tables");
        x.sortMergePasses = num<std::int64_t>(o, "sort_merge_passes");
        x.p95TimeMs = optNum<double>(o, "p95_time_ms");
        x.p99TimeMs = optNum<double>(o, "p99_time_ms");
        x.cpuTimeMs = optNum<double>(o, "cpu_time_ms");
        s.statements.push_back(std::move(x));
    }

    const json& h = object(j, "health");
    s.health.cacheHitRatio = optNum<double>(h, "cache_hit_ratio");
    s.health.tempFiles = num<std::int64_t>(h, "temp_files");
    s.health.tempBytes = num<std::int64_t>(h, "temp_bytes");
    s.health.deadlocks = num<std::int64_t>(h, "deadlocks");
    s.health.longestTransactionSeconds = optNum<double>(h, "longest_transaction_seconds");
    s.health.oldestXminAge = optNum<std::int64_t>(h, "oldest_xmin_age");
    for (const json& o : array(h, "replicas")) {
        s.health.replicas.push_back(ReplicaLag{str(o, "name"), str(o, "state"),
                                               optNum<double>(o, "replay_lag_seconds"),
                                               optNum<std::int64_t>(o, "lag_bytes")});
    }

    for (const json& o : array(j, "findings")) {
        Finding f;
        const auto sev = severityFromName(str(o, "severity"));
        if (!sev)
            throw FormatError(fmt::format("Unknown finding severity \"{}\".", str(o, "severity")));
        f.severity = *sev;
        f.code = str(o, "code");
        f.summary = str(o, "summary");
        f.nextStep = str(o, "next_step");
        f.command = str(o, "command");
        for (const json& p : array(o, "pids")) {
            if (p.is_number_integer())
                f.pids.push_back(p.get<std::int64_t>());
        }
        s.findings.push_back(std::move(f));
    }
    for (const json& o : array(j, "probes"))
        s.probes.push_back(ProbeNote{str(o, "probe"), str(o, "status")});
    // The file keeps the English sentences; their translatable Messages come from deriving
    // the findings again from the same data (the file's content is not changed).
    restoreFindingMessages(s);
    return s;
}

std::string dumpJson(const json& j, int indent) {
    return j.dump(indent, ' ', false, json::error_handler_t::replace);
}

json parseJson(const std::string& text) {
    try {
        return json::parse(text);
    } catch (const json::parse_error& e) {
        throw FormatError(fmt::format("The file is not valid JSON (byte {}).", e.byte));
    } catch (const json::exception&) {
        // A number too large for a double ("84e790"): out_of_range, not a parse_error.
        throw FormatError("The file holds a number too large to read; it is not valid here.");
    }
}

} // namespace dbt
