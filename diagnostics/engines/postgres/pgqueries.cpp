#include "engines/postgres/pgqueries.h"

namespace dbt::pg::sql {

namespace {

std::string usec(const std::string& expr) {
    return "(extract(epoch FROM " + expr + ") * 1000000)::bigint";
}

} // namespace

std::string activity(int versionNum) {
    const std::string queryId = versionNum >= 140000 ? "a.query_id::text" : "NULL::text";
    return std::string(kTag) + "SELECT " + usec("(SELECT pg_catalog.clock_timestamp())") +
           " AS now_us,\n"
           "  a.pid, a.usename, a.datname, a.application_name,\n"
           "  CASE WHEN a.client_addr IS NOT NULL THEN pg_catalog.host(a.client_addr)\n"
           "       WHEN a.client_port = -1 THEN 'local' END AS client_host,\n"
           "  a.client_hostname, a.client_port, a.backend_type, a.state,\n"
           "  a.wait_event_type, a.wait_event,\n  " +
           usec("a.backend_start") + " AS backend_start,\n  " + usec("a.xact_start") +
           " AS xact_start,\n  " + usec("a.query_start") + " AS query_start,\n  " +
           usec("a.state_change") +
           " AS state_change,\n"
           "  pg_catalog.age(a.backend_xmin) AS xmin_age,\n"
           "  pg_catalog.left(a.query, 65536) AS query,\n  " +
           queryId +
           " AS query_id\n"
           "FROM pg_catalog.pg_stat_activity a";
}

// How the lock probe works:
//  * pg_locks is read once (materialised CTE "l"); each row gets a lock tag built from all
//    identifying columns, so that equal tags mean the same lockable object (the text form
//    treats NULLs as equal, like IS NOT DISTINCT FROM, and lets the planner hash-join).
//  * pg_blocking_pids() takes every lock-manager partition lock, so it is called only for
//    sessions that wait for a heavyweight lock (an ungranted pg_locks row), at most
//    kLockWaiterCap of them, oldest waits first.
//  * A blocker is "hard" when it holds a granted lock on the waiter's tag, "soft" when it
//    is only queued ahead (pg_blocking_pids lists every conflicting waiter ahead, which is
//    quadratic with many waiters on one row). All hard blockers are kept; of the soft ones
//    only the nearest one ahead: the latest wait start before the waiter's (PG14+
//    pg_locks.waitstart; PG12/13 the query_start of the waiting statement, best effort).
//    A waiter with only soft blockers (readers behind a queued ALTER TABLE) keeps one.
//  * queue position: rank of the wait start among the waiters of the same tag.
//  * "H" rows: granted locks of every kept blocker, relation and advisory locks first.
std::string locks(int versionNum) {
    const bool hasWaitstart = versionNum >= 140000;
    const std::string waitstart = hasWaitstart ? "k.waitstart" : "a.query_start";
    const std::string activityJoin =
        hasWaitstart ? ""
                     : "\n  LEFT JOIN pg_catalog.pg_stat_activity a ON NOT k.granted AND "
                       "a.pid = k.pid";
    return std::string(kTag) +
           "WITH l AS MATERIALIZED (\n"
           "  SELECT k.locktype, k.database, k.relation, k.page, k.tuple, k.virtualxid,\n"
           "    k.transactionid, k.classid, k.objid, k.objsubid, coalesce(k.pid, 0) AS hpid,\n"
           "    k.mode, k.granted, " +
           waitstart +
           " AS waitstart,\n"
           "    pg_catalog.format('%s/%s/%s/%s/%s/%s/%s/%s/%s/%s', k.locktype, k.database,\n"
           "      k.relation, k.page, k.tuple, k.virtualxid, k.transactionid, k.classid,\n"
           "      k.objid, k.objsubid) AS tag\n"
           "  FROM pg_catalog.pg_locks k" +
           activityJoin +
           "),\n"
           "wl AS MATERIALIZED (\n"
           "  SELECT * FROM (\n"
           "    SELECT l.*, rank() OVER (PARTITION BY l.tag ORDER BY l.waitstart NULLS LAST,\n"
           "      l.hpid) AS qpos, count(*) OVER () AS nwait\n"
           "    FROM l WHERE NOT l.granted AND l.hpid <> 0) s\n"
           "  ORDER BY s.waitstart NULLS LAST, s.hpid LIMIT " +
           std::to_string(kLockWaiterCap) +
           "),\n"
           "e AS MATERIALIZED (\n"
           "  SELECT w.hpid AS waiter, b.pid AS blocker, (g.hpid IS NOT NULL) AS hard,\n"
           "    s.waitstart AS bstart, w.waitstart AS wstart\n"
           "  FROM wl w\n"
           "  CROSS JOIN LATERAL pg_catalog.unnest(pg_catalog.pg_blocking_pids(w.hpid)) AS "
           "b(pid)\n"
           "  LEFT JOIN (SELECT DISTINCT l.hpid, l.tag FROM l WHERE l.granted) g\n"
           "    ON g.hpid = b.pid AND g.tag = w.tag\n"
           "  LEFT JOIN (SELECT l.hpid, l.tag, l.waitstart FROM l WHERE NOT l.granted) s\n"
           "    ON s.hpid = b.pid AND s.tag = w.tag),\n"
           "kept AS MATERIALIZED (\n"
           "  SELECT e.waiter, e.blocker, e.hard FROM e WHERE e.hard\n"
           "  UNION ALL\n"
           "  (SELECT DISTINCT ON (e.waiter) e.waiter, e.blocker, e.hard FROM e WHERE NOT "
           "e.hard\n"
           "   ORDER BY e.waiter, (e.bstart < e.wstart) DESC NULLS LAST,\n"
           "     e.bstart DESC NULLS LAST, e.blocker)),\n"
           "h AS (\n"
           "  SELECT l.*, row_number() OVER (PARTITION BY l.hpid ORDER BY\n"
           "    CASE l.locktype WHEN 'relation' THEN 0 WHEN 'advisory' THEN 1 ELSE 2 END,\n"
           "    l.relation, l.tag) AS rn\n"
           "  FROM l WHERE l.granted AND l.hpid IN (SELECT kept.blocker FROM kept)),\n"
           "o AS (\n"
           "  SELECT 'W' AS kind, k.waiter AS pid, k.blocker, k.hard, w.qpos, w.nwait,\n"
           "    w.locktype, w.mode, w.database, w.relation, w.page, w.tuple, w.virtualxid,\n"
           "    w.transactionid, w.classid, w.objid, w.objsubid\n"
           "  FROM kept k JOIN wl w ON w.hpid = k.waiter\n"
           "  UNION ALL\n"
           "  SELECT 'H', h.hpid, NULL, NULL, NULL, NULL, h.locktype, h.mode, h.database,\n"
           "    h.relation, h.page, h.tuple, h.virtualxid, h.transactionid, h.classid, "
           "h.objid,\n"
           "    h.objsubid\n"
           "  FROM h WHERE h.rn <= " +
           std::to_string(kHeldLocksPerPid) +
           ")\n"
           // regclass output reads the catalog cache and takes no lock; it only works for
           // relations of the connected database (or shared catalogs, database 0).
           "SELECT o.kind, o.pid, o.blocker, o.hard, o.qpos, o.nwait, o.locktype, o.mode,\n"
           "  CASE WHEN o.relation IS NULL THEN NULL\n"
           "       WHEN o.database = 0 OR o.database = (SELECT d.oid FROM "
           "pg_catalog.pg_database d\n"
           "         WHERE d.datname = pg_catalog.current_database())\n"
           "       THEN o.relation::pg_catalog.regclass::text\n"
           "       ELSE pg_catalog.format('relation %s in database %s', o.relation,\n"
           "         coalesce((SELECT d.datname::text FROM pg_catalog.pg_database d\n"
           "                   WHERE d.oid = o.database), o.database::text)) END AS rel,\n"
           "  o.page, o.tuple, o.virtualxid, o.transactionid,\n"
           "  o.classid, o.classid::pg_catalog.regclass::text AS class, o.objid, o.objsubid\n"
           "FROM o ORDER BY o.kind DESC, o.pid, o.blocker";
}

std::string statements(const std::string& quotedSchema, int extMajor, int extMinor) {
    const auto atLeast = [&](int major, int minor) {
        return extMajor > major || (extMajor == major && extMinor >= minor);
    };
    // 1.8 (PostgreSQL 13) split total_time into planning and execution time.
    const std::string time =
        atLeast(1, 8) ? "s.total_exec_time + s.total_plan_time" : "s.total_time";
    const std::string info =
        atLeast(1, 9) ? "SELECT i.dealloc, " + usec("i.stats_reset") + " AS stats_reset FROM " +
                            quotedSchema + ".pg_stat_statements_info i"
                      : "SELECT NULL::bigint AS dealloc, NULL::bigint AS stats_reset";
    return std::string(kTag) + "SELECT x.id, x.datname, x.rolname, x.calls, x.total_ms,\n" +
           "  x.rows, x.hit, x.read, x.temp_written, i.dealloc, i.stats_reset\n"
           "FROM (" +
           info +
           ") i\n"
           "LEFT JOIN (\n"
           "  SELECT s.queryid::text AS id, d.datname, r.rolname,\n"
           "    sum(s.calls)::bigint AS calls, sum(" +
           time +
           ")::float8 AS total_ms,\n"
           "    sum(s.rows)::bigint AS rows, sum(s.shared_blks_hit)::bigint AS hit,\n"
           "    sum(s.shared_blks_read)::bigint AS read,\n"
           "    sum(s.temp_blks_written)::bigint AS temp_written\n"
           "  FROM " +
           quotedSchema +
           ".pg_stat_statements(false) s\n"
           "  LEFT JOIN pg_catalog.pg_database d ON d.oid = s.dbid\n"
           "  LEFT JOIN pg_catalog.pg_roles r ON r.oid = s.userid\n"
           // Other users' entries have no queryid without pg_read_all_stats.
           "  WHERE s.queryid IS NOT NULL\n"
           "  GROUP BY s.queryid, s.dbid, s.userid, d.datname, r.rolname) x ON true";
}

std::string statementTexts(const std::string& quotedSchema) {
    return std::string(kTag) +
           "SELECT DISTINCT ON (s.queryid) s.queryid::text AS id,\n"
           "  pg_catalog.left(s.query, 65536) AS query\n"
           "FROM " +
           quotedSchema +
           ".pg_stat_statements(true) s\n"
           "WHERE s.queryid = ANY ($1::bigint[])\n"
           "ORDER BY s.queryid";
}

// All databases summed (pg_stat_database, including the shared-objects row): the
// instance's cache hit ratio, temp files and deadlocks, not only the connected database's.
std::string databaseAndHealth() {
    return std::string(kTag) +
           "SELECT 'D' AS kind, d.hit, d.read, d.temp_files, d.temp_bytes, d.deadlocks,\n"
           "  (SELECT max(greatest(pg_catalog.age(s.xmin), pg_catalog.age(s.catalog_xmin)))\n"
           "     FROM pg_catalog.pg_replication_slots s) AS slot_xmin_age,\n"
           "  (SELECT max(pg_catalog.age(p.transaction)) FROM pg_catalog.pg_prepared_xacts p)\n"
           "     AS prepared_xmin_age,\n"
           "  NULL::text AS name, NULL::text AS client, NULL::text AS state,\n"
           "  NULL::float8 AS replay_lag_s, NULL::bigint AS lag_bytes\n"
           "FROM (SELECT sum(blks_hit)::bigint AS hit, sum(blks_read)::bigint AS read,\n"
           "        sum(temp_files)::bigint AS temp_files, sum(temp_bytes)::bigint AS "
           "temp_bytes,\n"
           "        sum(deadlocks)::bigint AS deadlocks FROM pg_catalog.pg_stat_database) d\n"
           "UNION ALL\n"
           "SELECT 'R', NULL, NULL, NULL, NULL, NULL, NULL, NULL, r.application_name,\n"
           "  pg_catalog.host(r.client_addr), r.state,\n"
           "  extract(epoch FROM r.replay_lag)::float8,\n"
           "  pg_catalog.pg_wal_lsn_diff(r.sent_lsn, r.replay_lsn)::bigint\n"
           "FROM pg_catalog.pg_stat_replication r";
}

} // namespace dbt::pg::sql
