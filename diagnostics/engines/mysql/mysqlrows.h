// The MySQL / MariaDB driver's result handling as pure functions of row data, so that the
// MySQL 8 paths (not runnable against the test servers) are tested with recorded fixtures
// (tests/data/mysql8) and the MariaDB paths with both fixtures and the real server.
// No I/O, no Qt. Every text that reaches the snapshot goes through dbt::sanitizeText.
#pragma once

#include "snapshot.h"

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace dbt::mysql {

// One result row: column name -> value (nullopt = SQL NULL), in result order.
struct Row {
    std::vector<std::pair<std::string, std::optional<std::string>>> columns;

    // Column lookup is case-insensitive (information_schema spells names both ways).
    const std::optional<std::string>* find(std::string_view name) const;
    bool has(std::string_view name) const { return find(name) != nullptr; }
    bool isNull(std::string_view name) const;
    // Sanitised text, "" for NULL or a missing column.
    std::string text(std::string_view name, std::size_t maxBytes = 64 * 1024) const;
    // Raw bytes (not sanitised), nullopt for NULL or a missing column.
    std::optional<std::string> raw(std::string_view name) const;
    std::optional<std::int64_t> integer(std::string_view name) const;
    std::optional<double> number(std::string_view name) const;
};
using Rows = std::vector<Row>;

// --- connect time --------------------------------------------------------------------

// What the server offers, decided by the variables and tables that exist.
struct Features {
    Engine engine = Engine::MySQL;
    std::string version;                   // "10.11.19-MariaDB-0+deb12u1", "8.0.36"
    int versionNum = 0;                    // 101119, 80036
    bool performanceSchemaOn = false;      // @@performance_schema
    bool performanceSchemaReadable = true; // SELECT on performance_schema works
    bool sysSchema = true;                 // the sys schema exists
    bool sysReadable = true;               // SELECT on sys works
    bool dataLocks = false;          // performance_schema.data_locks / data_lock_waits (MySQL 8)
    bool innodbLockWaits = false;    // information_schema.INNODB_LOCK_WAITS (MariaDB, MySQL 5.7)
    bool psProcesslist = false;      // performance_schema.processlist (MySQL 8.0.22+)
    bool connectAttrs = false;       // performance_schema.session_connect_attrs
    bool metadataLocksTable = false; // performance_schema.metadata_locks
    bool digestTable = false;        // events_statements_summary_by_digest
    bool mdlInstrumentOn = false;    // setup_instruments wait/lock/metadata/sql/mdl
    bool digestConsumerOn = false;   // setup_consumers statements_digest
    std::vector<std::string> digestColumns; // upper-case names of the digest table's columns
    bool maxExecutionTime = false;          // MySQL statement timeout (ms)
    bool maxStatementTime = false;          // MariaDB statement timeout (s)
    std::string readOnlyVariable;           // "transaction_read_only" or "tx_read_only"
};

// Engine by feature: MariaDB has max_statement_time, MySQL max_execution_time and
// performance_schema.data_locks; "MariaDB" in version / version_comment is a secondary hint.
Engine decideEngine(const std::map<std::string, std::string>& variables, bool dataLocks,
                    bool innodbLockWaits);

// "10.11.19-MariaDB-log" -> 101119, "5.5.5-10.6.3-MariaDB" -> 100603, "8.0.36" -> 80036.
int versionNumber(const std::string& version);

// What SHOW GRANTS says about the monitoring privileges (global and schema level).
struct Grants {
    bool all = false;                     // ALL PRIVILEGES ON *.*
    bool super = false;                   // SUPER on *.*
    bool process = false;                 // PROCESS on *.* (or ALL)
    bool selectAll = false;               // SELECT on *.*
    bool selectPerformanceSchema = false; // SELECT on performance_schema.* (or *.*)
    bool selectSys = false;               // SELECT on sys.* (or *.*)
    bool roles = false;                   // role grants seen (not expanded)
};
Grants parseGrants(const std::vector<std::string>& showGrantsLines);

// Findings about the monitoring set-up; `account` is 'user'@'host' as the server sees it.
std::vector<Finding> preflightFindings(const Features& features, const Grants& grants,
                                       const std::string& account);

// --- sessions ------------------------------------------------------------------------

// processlist: information_schema.PROCESSLIST or performance_schema.processlist rows
// (ID, USER, HOST, DB, COMMAND, TIME, STATE, INFO; TIME_MS on MariaDB; PROGRAM_NAME when
// the driver joined session_connect_attrs). innodbTrx: INFORMATION_SCHEMA.INNODB_TRX rows
// plus the driver's computed TRX_AGE_US / TRX_WAIT_AGE_US (microseconds, server clock).
// programNames: processlist id -> program_name connect attribute, used when the
// processlist row has no PROGRAM_NAME column. ownId is left out (the tool itself).
std::vector<Session> buildSessions(const Rows& processlist, const Rows& innodbTrx,
                                   const std::map<std::int64_t, std::string>& programNames,
                                   Micros now, std::int64_t ownId);

// Counts by state, user, database, application and client host (port removed) over client
// sessions (background threads left out). total = Threads_connected when known.
ConnectionCounts buildConnectionCounts(const std::vector<Session>& sessions,
                                       const std::map<std::string, std::string>& status,
                                       std::int64_t maxConnections);

// "10.0.0.5:53422" -> "10.0.0.5", "[::1]:5000" -> "::1", "localhost" -> "localhost".
std::string hostWithoutPort(const std::string& host);

// --- lock waits ----------------------------------------------------------------------

struct LockEdges {
    std::vector<LockWait> waits;
    std::vector<HeldLock> held; // granted locks of blocking sessions
};

// MariaDB / MySQL 5.7: INFORMATION_SCHEMA.INNODB_LOCK_WAITS, INNODB_LOCKS, INNODB_TRX.
LockEdges innodbLockWaits(const Rows& lockWaits, const Rows& locks, const Rows& innodbTrx);

// MySQL 8: performance_schema.data_lock_waits, data_locks (the rows of the locks named in
// data_lock_waits and the granted locks of the blocking transactions), INNODB_TRX;
// threadToPid maps performance_schema THREAD_ID -> PROCESSLIST_ID for transactions that
// are not in INNODB_TRX any more.
LockEdges dataLockWaits(const Rows& lockWaits, const Rows& locks, const Rows& innodbTrx,
                        const std::map<std::int64_t, std::int64_t>& threadToPid);

// performance_schema.metadata_locks rows (OBJECT_TYPE, OBJECT_SCHEMA, OBJECT_NAME,
// LOCK_TYPE, LOCK_DURATION, LOCK_STATUS, OWNER_THREAD_ID; PROCESSLIST_ID when the driver
// joined threads, else threadToPid). PENDING requests get a hard edge to every other
// session holding an incompatible GRANTED lock on the same object, and a soft edge to every
// other PENDING request whose type it must wait behind (the MDL priority matrix: a pending
// EXCLUSIVE holds back new SHARED_READ requests). Granted locks of blockers go to `held`.
LockEdges metadataLockWaits(const Rows& metadataLocks,
                            const std::map<std::int64_t, std::int64_t>& threadToPid);

// The MDL matrices of the MySQL / MariaDB server (mdl.cc) for object locks (TABLE,
// FUNCTION, ...) and scoped locks (GLOBAL, SCHEMA, COMMIT, ...). Unknown types conflict.
bool mdlGrantedConflicts(const std::string& objectType, const std::string& requested,
                         const std::string& granted);
bool mdlPendingConflicts(const std::string& objectType, const std::string& requested,
                         const std::string& pending);

// "row (PRIMARY: 42) of demo.orders", "demo.orders"; `table` may be "`demo`.`orders`".
std::string lockObjectText(const std::string& lockType, const std::string& table,
                           const std::string& index, const std::string& lockData);

// Sessions that the edges show as waiting get waitEventType "Lock" and the lock kind.
void markWaiting(std::vector<Session>& sessions, const std::vector<LockWait>& waits);

// --- statements and health -----------------------------------------------------------

// The words of a statement (keywords and identifiers, upper-cased) without literals,
// comments, quotes and punctuation: the same for a statement text and its DIGEST_TEXT
// ("SELECT p.ID FROM t LIMIT 5" and "SELECT `p` . `ID` FROM `t` LIMIT ?" both give
// "SELECT P ID FROM T LIMIT").
std::string statementShape(std::string_view sql);

// The shapes of the driver's statements that cannot carry a dbtriage_tag column (its SHOW
// and SET SESSION statements), whichever dbtriage session sent them.
const std::set<std::string>& driverStatementShapes();

// events_statements_summary_by_digest rows; timers in picoseconds. QUERY_SAMPLE_TEXT is
// used only when useSampleText (redaction off). Digest texts are normalised without
// comments, so the tool's own statements are recognised by the column name dbtriage_tag
// (every SELECT of any dbtriage session), by driverStatementShapes() (its SHOW and SET
// statements) or by ownShapes (statementShape of what this session sent) and get the
// "/* dbtriage */ " tag back in front, which is how consumers tell them from the workload.
std::vector<StatementStat> buildStatements(const Rows& digests, bool useSampleText,
                                           const std::set<std::string>& ownShapes = {});

// SHOW GLOBAL STATUS rows (Variable_name, Value) -> name -> value.
std::map<std::string, std::string> nameValueMap(const Rows& rows);

void fillHealth(Health& health, const std::map<std::string, std::string>& status,
                const Rows& innodbTrx);

// One SHOW REPLICA STATUS / SHOW SLAVE STATUS row.
ReplicaLag replicaLag(const Row& replicaStatus);

// --- errors --------------------------------------------------------------------------

// ProbeNote status for a failed statement: "skipped: lock timeout" (1205),
// "skipped: statement timeout" (3024, 1969), "unavailable: ..." (privileges), "failed: ...".
std::string probeStatus(unsigned errorNumber, const std::string& message);

} // namespace dbt::mysql
