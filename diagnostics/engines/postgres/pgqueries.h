// The SQL the PostgreSQL driver sends. Every text starts with "/* dbtriage */" so that it
// can be told apart in the server log and pg_stat_statements, reads catalogs and
// statistics views only, and is bounded by the session's statement and lock timeouts.
// Versions: PostgreSQL 12-17 (server_version_num 120000-179999).
#pragma once

#include <string>

namespace dbt::pg::sql {

inline constexpr const char* kTag = "/* dbtriage */ ";

inline constexpr int kLockWaiterCap = 2000;  // pg_blocking_pids() calls per sample, at most
inline constexpr int kAnalysedPerLock = 100; // ... and per lock (queue), at most
inline constexpr int kHeldLocksPerPid = 50;

// --- connect --------------------------------------------------------------------------

inline constexpr const char* kShowReadOnly = "/* dbtriage */ SHOW transaction_read_only";

inline constexpr const char* kServerInfo = R"(/* dbtriage */ SELECT
  pg_catalog.current_setting('server_version') AS version,
  pg_catalog.current_setting('server_version_num') AS version_num,
  pg_catalog.current_database() AS dbname,
  current_user AS rolname,
  pg_catalog.pg_is_in_recovery() AS in_recovery,
  coalesce((SELECT r.rolsuper FROM pg_catalog.pg_roles r WHERE r.rolname = current_user), false)
    AS rolsuper,
  pg_catalog.pg_has_role(current_user, 'pg_read_all_stats', 'USAGE') AS read_all_stats,
  pg_catalog.pg_has_role(current_user, 'pg_monitor', 'USAGE') AS monitor,
  pg_catalog.pg_backend_pid() AS own_pid)";

// Settings (only those the role may see: pg_settings hides the others) and extensions of
// the connected database. "pg_stat_statements.max" only exists when the library is loaded.
inline constexpr const char* kSettingsAndExtensions = R"(/* dbtriage */ SELECT 'S' AS kind,
  s.name, pg_catalog.current_setting(s.name) AS value, NULL AS version
FROM pg_catalog.pg_settings s
WHERE s.name = ANY ('{max_connections,superuser_reserved_connections,reserved_connections,
  work_mem,maintenance_work_mem,shared_buffers,effective_cache_size,statement_timeout,
  lock_timeout,idle_in_transaction_session_timeout,idle_session_timeout,deadlock_timeout,
  track_activity_query_size,track_io_timing,track_counts,compute_query_id,
  log_min_duration_statement,log_lock_waits,max_locks_per_transaction,
  max_prepared_transactions,default_transaction_isolation,default_transaction_read_only,
  server_encoding,shared_preload_libraries,pg_stat_statements.max,pg_stat_statements.track,
  hot_standby_feedback,wal_level,max_wal_senders,autovacuum,jit,random_page_cost,TimeZone,
  max_parallel_workers_per_gather}'::text[])
UNION ALL
SELECT 'E', e.extname, n.nspname, e.extversion
FROM pg_catalog.pg_extension e JOIN pg_catalog.pg_namespace n ON n.oid = e.extnamespace)";

// --- sample ---------------------------------------------------------------------------

// Every backend (all backend types). Times as epoch microseconds; the server's clock read
// once for the whole statement.
std::string activity(int versionNum);

// Lock waits and the granted locks of blockers, in one statement that reads pg_locks once.
std::string locks(int versionNum);

// pg_stat_statements counters without texts, one row per entry (dbid and userid as oids;
// PostgreSQL 14+ has toplevel and nested entries of one queryid: the driver sums them),
// after a first row with pg_stat_statements_info (1.9+; NULLs before) and a NULL id.
std::string statements(const std::string& quotedSchema, int extMajor, int extMinor);

// Names of databases and roles by oid ("d" / "r" rows), for the statement counters: read
// only when a counter names an oid the driver has not seen yet.
inline constexpr const char* kDatabaseAndRoleNames = R"(/* dbtriage */ SELECT 'd' AS kind,
  d.oid::text AS oid, d.datname::text AS name FROM pg_catalog.pg_database d
UNION ALL
SELECT 'r', r.oid::text, r.rolname::text FROM pg_catalog.pg_roles r)";

// Texts for the queryids in $1 (a bigint[] literal). Loads the query-text file on the
// server: called rarely.
std::string statementTexts(const std::string& quotedSchema);

// pg_stat_database sums and health figures, replicas as extra rows.
std::string databaseAndHealth();

// --- on demand ------------------------------------------------------------------------
inline constexpr const char* kBeginReadOnly =
    "/* dbtriage */ BEGIN TRANSACTION ISOLATION LEVEL READ COMMITTED READ ONLY";
inline constexpr const char* kRollback = "/* dbtriage */ ROLLBACK";
inline constexpr const char* kExplainPrefix = "/* dbtriage */ EXPLAIN (FORMAT JSON) ";

} // namespace dbt::pg::sql
