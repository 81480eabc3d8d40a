// The snapshot model: plain value types, no Qt. One Snapshot is what one sample of a
// monitored server looks like; it is built on the worker thread, then shared read-only
// (SnapshotPtr) with every consumer. Field names follow docs/snapshot-format.md.
#pragma once

#include "message.h"

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace dbt {

// Microseconds since the Unix epoch, UTC. Optional where the server may return NULL.
using Micros = std::int64_t;
using OptMicros = std::optional<Micros>;

enum class Engine { PostgreSQL, MySQL, MariaDB };
const char* engineName(Engine e); // "postgresql" | "mysql" | "mariadb"
std::optional<Engine> engineFromName(const std::string& name);

enum class Severity { Info, Warning, Critical };
const char* severityName(Severity s); // "info" | "warning" | "critical"
std::optional<Severity> severityFromName(const std::string& name);

struct ServerInfo {
    Engine engine = Engine::PostgreSQL;
    std::string version; // human version string, e.g. "15.18"
    int versionNum = 0;  // PostgreSQL server_version_num, MySQL 80036, MariaDB 101119
    std::string host;    // as the user named it (never a password)
    std::string port;
    std::string database;                // connected database (PG) / default schema (MySQL)
    std::string user;                    // role the tool connected as
    bool inRecovery = false;             // hot standby / replica
    bool superuser = false;              // the tool's role is a superuser (or has SUPER/ALL)
    bool readAllStats = false;           // pg_read_all_stats / PROCESS: sees other users' texts
    std::vector<std::string> extensions; // e.g. pg_stat_statements, hypopg
    std::map<std::string, std::string> settings; // triage-relevant settings by name
};

struct ConnectionCounts {
    std::int64_t total = 0;    // client connections now
    std::int64_t max = 0;      // max_connections
    std::int64_t reserved = 0; // superuser_reserved_connections (+ reserved_connections)
    std::map<std::string, std::int64_t> byState;
    std::map<std::string, std::int64_t> byApplication;
    std::map<std::string, std::int64_t> byUser;
    std::map<std::string, std::int64_t> byDatabase;
    std::map<std::string, std::int64_t> byClient;
    std::int64_t usable() const { return max > reserved ? max - reserved : max; }
};

struct Session {
    std::int64_t pid = 0; // PG backend pid; MySQL processlist id
    std::string user;
    std::string database;
    std::string application;
    std::string client;      // client address (host:port or socket)
    std::string backendType; // "client backend", "autovacuum worker", ... (MySQL: command)
    std::string state;       // active, idle, idle in transaction, ... (MySQL: normalised)
    std::string waitEventType;
    std::string waitEvent;
    OptMicros backendStart;
    OptMicros transactionStart;
    OptMicros queryStart;
    OptMicros stateChange;
    std::optional<std::int64_t> xminAge; // age(backend_xmin), PG only
    std::string query;                   // redacted unless the snapshot says otherwise
    std::string queryId;                 // statement id when the server exposes it
};

struct LockWait {
    std::int64_t waitingPid = 0;
    std::int64_t blockingPid = 0;
    std::string lockType;  // relation, tuple, transactionid, advisory, metadata, record, ...
    std::string mode;      // mode the waiter asks for
    std::string object;    // human description: "public.orders", "row (0,3) of public.orders"
    bool hard = true;      // blocker holds a conflicting lock (false: queued ahead of the waiter)
    int queuePosition = 0; // 1-based position among waiters of the same object, 0 unknown
};

// A lock held (granted) by a session, reported for root blockers.
struct HeldLock {
    std::int64_t pid = 0;
    std::string lockType;
    std::string mode;
    std::string object;
};

struct StatementStat {
    std::string id;    // queryid / digest, as text
    std::string query; // normalised text (may be empty until texts are fetched)
    std::string database;
    std::string user;
    std::int64_t calls = 0;
    double totalTimeMs = 0;
    double meanTimeMs = 0;
    std::int64_t rows = 0;
    std::int64_t sharedBlksHit = 0;
    std::int64_t sharedBlksRead = 0;
    std::int64_t tempBlksWritten = 0;
    // MySQL/MariaDB digest extras (0 where not applicable)
    std::int64_t rowsExamined = 0;
    std::int64_t noIndexUsed = 0;
    std::int64_t tmpDiskTables = 0;
    std::int64_t sortMergePasses = 0;
    // MySQL 8 digest extras where the server has them (cumulative, like the counters)
    std::optional<double> p95TimeMs; // QUANTILE_95
    std::optional<double> p99TimeMs; // QUANTILE_99
    std::optional<double> cpuTimeMs; // SUM_CPU_TIME (8.0.28+)
};

struct ReplicaLag {
    std::string name; // application_name / client of the replica
    std::string state;
    std::optional<double> replayLagSeconds;
    std::optional<std::int64_t> lagBytes;
};

struct Health {
    std::optional<double> cacheHitRatio; // 0..1
    std::int64_t tempFiles = 0;
    std::int64_t tempBytes = 0;
    std::int64_t deadlocks = 0;
    std::optional<double> longestTransactionSeconds;
    std::optional<std::int64_t> oldestXminAge;
    std::vector<ReplicaLag> replicas;
};

struct RootBlocker {
    std::int64_t pid = 0;
    std::int64_t blockedDirect = 0;
    std::int64_t blockedTotal = 0; // transitively blocked sessions
    int depth = 0;                 // longest chain below this root
    std::string state;
    std::string user;
    std::string application;
    std::string waitEventType;
    OptMicros transactionStart;
    OptMicros stateChange;
    std::string query;
    bool inCycle = false; // a deadlock-like cycle with no true root
    std::vector<HeldLock> holds;
};

struct Finding {
    Severity severity = Severity::Info;
    std::string code;     // stable identifier, e.g. "root-blocker"
    std::string summary;  // plain sentence of what is wrong
    std::string nextStep; // plain sentence of what to do next
    std::string command;  // exact command a senior could run; shown, never executed
    std::vector<std::int64_t> pids;
    // summary and nextStep as translatable templates (message.h), for the GUI and the CLI
    // (diagnostics/i18n); empty where a finding was read back from snapshot.json or built
    // without them: the English sentence is shown then.
    Message summaryText = {};
    Message nextStepText = {};
};

// How one probe of a sample went: "ok", "skipped: lock timeout", "skipped: statement timeout",
// "failed: <sentence>" (these two make a sample partial), "unavailable: <sentence>" (the
// feature is not there; a finding says so) and "partial: <sentence>" (collected, reduced on
// purpose to bound the cost, e.g. very long lock queues).
struct ProbeNote {
    std::string probe;
    std::string status;
    bool ok() const { return status == "ok"; }
    bool failed() const {
        return status.rfind("failed", 0) == 0 || status.rfind("skipped", 0) == 0;
    }
};

enum class StatementScope { Cumulative, Window };

struct Snapshot {
    static constexpr int kFormatVersion = 1;
    Micros collectedAt = 0;
    ServerInfo server;
    ConnectionCounts connections;
    std::vector<Session> sessions;
    std::vector<LockWait> lockWaits;
    std::vector<HeldLock> heldLocks; // granted locks of blocking sessions
    std::vector<StatementStat> statements;
    StatementScope statementScope = StatementScope::Cumulative;
    Micros statementWindowStart = 0; // for Window scope: the earlier sample's time
    // Statement counters are read on their own, slower cadence. statementsFresh: this
    // sample read them; otherwise `statements` are the last values read, carried over, and
    // statementsSampledAt says when they were read (0: read in this sample / unknown).
    bool statementsFresh = true;
    Micros statementsSampledAt = 0;
    Micros statementsAt() const { return statementsSampledAt ? statementsSampledAt : collectedAt; }
    Health health;
    std::vector<RootBlocker> rootBlockers; // derived by analysis
    std::vector<std::vector<std::int64_t>> cycles;
    std::vector<Finding> findings; // derived by analysis
    std::vector<ProbeNote> probes;
    bool redacted = true;
    std::string toolVersion;

    bool partial() const; // a probe failed or was skipped
    const Session* session(std::int64_t pid) const;
};

using SnapshotPtr = std::shared_ptr<const Snapshot>;

} // namespace dbt
