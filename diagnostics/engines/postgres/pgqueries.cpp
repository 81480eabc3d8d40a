#include "engines/postgres/pgqueries.h"

namespace dbt::pg::sql {

namespace {

// Epoch microseconds. date_part() computes in float8 where extract() (PostgreSQL 14+)
// computes in numeric: a quarter of the activity statement's execution time with 200
// sessions. Exact to the microsecond (checked on 100,000 timestamps up to 2099).
std::string usec(const std::string& expr) {
    return "(pg_catalog.date_part('epoch', " + expr + ") * 1000000)::bigint";
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

namespace {

std::string replaceAll(std::string text, const std::string& from, const std::string& to) {
    for (std::size_t pos = 0; (pos = text.find(from, pos)) != std::string::npos; pos += to.size())
        text.replace(pos, from.size(), to);
    return text;
}

} // namespace

// How the lock probe works:
//  * pg_locks is read once (materialised CTE "l"). Waiters' rows and the granted rows of
//    their blockers get a lock tag built from all identifying columns, so that equal tags
//    mean the same lockable object (the text form treats NULLs as equal, like IS NOT
//    DISTINCT FROM, and lets the planner hash-join); the other rows are never formatted.
//  * Waiters are the ungranted rows (sessions with wait_event_type 'Lock'), ordered per
//    lock tag by wait start (PG14+ pg_locks.waitstart; PG12/13 the query_start of the
//    waiting statement, best effort): that order is the queue position.
//  * pg_blocking_pids() takes every lock-manager partition lock and costs as much as the
//    whole queue of the lock, so it is called only for waiters, only for the first
//    kAnalysedPerLock of each lock's queue and at most kLockWaiterCap times in all.
//  * A blocker is "hard" when it holds a granted lock on the waiter's tag, "soft" when it
//    is only queued ahead (pg_blocking_pids lists every conflicting waiter ahead, which is
//    quadratic with many waiters on one row). All hard blockers are kept; of the soft ones
//    only the nearest one ahead: the latest wait start before the waiter's. A waiter with
//    only soft blockers (readers behind a queued ALTER TABLE) keeps one.
//  * Waiters past those caps ("linked") get the hard blockers of an analysed waiter for the
//    same lock tag in the same mode: those are the granted holders that conflict with that
//    mode, the same for every such waiter, so hundreds of waiters on one row stay siblings
//    under the row's holder instead of a chain. A waiter without such a twin is linked (soft)
//    to the waiter just ahead of it in the same queue. Either way every waiter stays
//    reachable from its root blocker at a cost linear in the number of waiters; the driver
//    reports the probe as partial then.
//  * "H" rows: granted locks of every analysed blocker, relation and advisory locks first.
std::string locks(int versionNum) {
    const bool hasWaitstart = versionNum >= 140000;
    std::string sql = R"(/* dbtriage */ WITH l AS MATERIALIZED (
  SELECT k.locktype, k.database, k.relation, k.page, k.tuple, k.virtualxid,
    k.transactionid, k.classid, k.objid, k.objsubid, coalesce(k.pid, 0) AS hpid,
    k.mode, k.granted, @WAITSTART@ AS waitstart
  FROM pg_catalog.pg_locks k),
wl AS MATERIALIZED (
  SELECT w.*,
    row_number() OVER q AS qpos,
    lag(w.hpid) OVER q AS ahead,
    count(*) OVER () AS nwait
  FROM (SELECT l.*, @TAG@ AS tag FROM l WHERE NOT l.granted AND l.hpid <> 0) w
  WINDOW q AS (PARTITION BY w.tag ORDER BY w.waitstart NULLS LAST, w.hpid)),
wa AS MATERIALIZED (
  SELECT wl.hpid, wl.tag, wl.waitstart FROM wl WHERE wl.qpos <= @PER_LOCK@
  ORDER BY wl.waitstart NULLS LAST, wl.hpid LIMIT @CAP@),
bp AS MATERIALIZED (
  SELECT w.hpid AS waiter, b.pid AS blocker, w.tag, w.waitstart AS wstart
  FROM wa w
  CROSS JOIN LATERAL pg_catalog.unnest(pg_catalog.pg_blocking_pids(w.hpid)) AS b(pid)),
g AS MATERIALIZED (
  SELECT DISTINCT x.hpid, x.tag FROM (
    SELECT l.hpid, @TAG@ AS tag FROM l
    WHERE l.granted AND l.hpid IN (SELECT bp.blocker FROM bp)) x
  WHERE x.tag IN (SELECT wa.tag FROM wa)),
e AS MATERIALIZED (
  SELECT p.waiter, p.blocker, (g.hpid IS NOT NULL) AS hard,
    s.waitstart AS bstart, p.wstart
  FROM bp p
  LEFT JOIN g ON g.hpid = p.blocker AND g.tag = p.tag
  LEFT JOIN wl s ON s.hpid = p.blocker),
hb AS MATERIALIZED (
  SELECT DISTINCT a.tag, a.mode, e.blocker
  FROM e JOIN wl a ON a.hpid = e.waiter WHERE e.hard),
soft AS (
  SELECT e.waiter, max(e.bstart) FILTER (WHERE e.bstart < e.wstart) AS nearest,
    max(e.bstart) AS latest, min(e.blocker) AS anyone
  FROM e WHERE NOT e.hard GROUP BY e.waiter),
kept AS MATERIALIZED (
  SELECT e.waiter, e.blocker, e.hard, false AS linked FROM e WHERE e.hard
  UNION ALL
  (SELECT DISTINCT ON (x.waiter) x.waiter, x.blocker, false, false FROM (
     SELECT so.waiter, e.blocker FROM soft so
     JOIN e ON e.waiter = so.waiter AND NOT e.hard
       AND e.bstart = coalesce(so.nearest, so.latest)
     UNION ALL
     SELECT so.waiter, so.anyone FROM soft so WHERE so.latest IS NULL) x
   ORDER BY x.waiter, x.blocker)
  UNION ALL
  SELECT wl.hpid, hb.blocker, true, true FROM wl
  JOIN hb ON hb.tag = wl.tag AND hb.mode = wl.mode AND hb.blocker <> wl.hpid
  WHERE wl.hpid NOT IN (SELECT wa.hpid FROM wa)
  UNION ALL
  SELECT wl.hpid, wl.ahead, false, true FROM wl
  WHERE wl.ahead IS NOT NULL AND wl.hpid NOT IN (SELECT wa.hpid FROM wa)
    AND NOT EXISTS (SELECT 1 FROM hb WHERE hb.tag = wl.tag AND hb.mode = wl.mode
                    AND hb.blocker <> wl.hpid)),
h AS (
  SELECT l.*, row_number() OVER (PARTITION BY l.hpid ORDER BY
    CASE l.locktype WHEN 'relation' THEN 0 WHEN 'advisory' THEN 1 ELSE 2 END,
    l.relation, l.locktype, l.page, l.tuple, l.transactionid::text, l.virtualxid,
    l.classid, l.objid, l.objsubid, l.mode) AS rn
  FROM l WHERE l.granted
    AND l.hpid IN (SELECT kept.blocker FROM kept WHERE NOT kept.linked)),
o AS (
  SELECT 'W' AS kind, k.waiter AS pid, k.blocker, k.hard, k.linked, w.qpos, w.nwait,
    w.locktype, w.mode, w.database, w.relation, w.page, w.tuple, w.virtualxid,
    w.transactionid, w.classid, w.objid, w.objsubid
  FROM kept k JOIN wl w ON w.hpid = k.waiter
  UNION ALL
  SELECT 'H', h.hpid, NULL, NULL, NULL, NULL, NULL, h.locktype, h.mode, h.database,
    h.relation, h.page, h.tuple, h.virtualxid, h.transactionid, h.classid, h.objid,
    h.objsubid
  FROM h WHERE h.rn <= @HELD@)
SELECT o.kind, o.pid, o.blocker, o.hard, o.linked, o.qpos, o.nwait, o.locktype, o.mode,
  CASE WHEN o.relation IS NULL THEN NULL
       WHEN o.database = 0 OR o.database = (SELECT d.oid FROM pg_catalog.pg_database d
         WHERE d.datname = pg_catalog.current_database())
       THEN o.relation::pg_catalog.regclass::text
       ELSE pg_catalog.format('relation %s in database %s', o.relation,
         coalesce((SELECT d.datname::text FROM pg_catalog.pg_database d
                   WHERE d.oid = o.database), o.database::text)) END AS rel,
  o.page, o.tuple, o.virtualxid, o.transactionid,
  o.classid, o.classid::pg_catalog.regclass::text AS class, o.objid, o.objsubid
FROM o ORDER BY o.kind DESC, o.pid, o.blocker)";
    // regclass output (above) reads the catalog cache and takes no lock; it only names
    // relations of the connected database and shared catalogs (database 0).
    // PG12/13: the waiting statement's start, read for the waiters only (one backend's
    // row each) instead of joining every backend's activity.
    sql = replaceAll(sql, "@WAITSTART@",
                     hasWaitstart ? "k.waitstart"
                                  : "CASE WHEN NOT k.granted THEN (SELECT a.query_start\n"
                                    "      FROM pg_catalog.pg_stat_get_activity(k.pid) a) END");
    sql = replaceAll(sql, "@TAG@",
                     "pg_catalog.format('%s/%s/%s/%s/%s/%s/%s/%s/%s/%s', l.locktype, "
                     "l.database,\n    l.relation, l.page, l.tuple, l.virtualxid, "
                     "l.transactionid, l.classid, l.objid,\n    l.objsubid)");
    sql = replaceAll(sql, "@PER_LOCK@", std::to_string(kAnalysedPerLock));
    sql = replaceAll(sql, "@CAP@", std::to_string(kLockWaiterCap));
    sql = replaceAll(sql, "@HELD@", std::to_string(kHeldLocksPerPid));
    return sql;
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
    // No join, no GROUP BY: the server only walks its hash table once. Names of databases and
    // roles come from a cache in the driver; top-level/nested duplicates are summed there.
    return std::string(kTag) +
           "SELECT NULL::text AS id, NULL::oid AS dbid, NULL::oid AS userid,\n" +
           "  NULL::bigint AS calls, NULL::float8 AS total_ms, NULL::bigint AS rows,\n"
           "  NULL::bigint AS hit, NULL::bigint AS read, NULL::bigint AS temp_written,\n"
           "  i.dealloc, i.stats_reset\n"
           "FROM (" +
           info +
           ") i\n"
           "UNION ALL\n"
           "SELECT s.queryid::text, s.dbid, s.userid, s.calls, (" +
           time +
           ")::float8,\n"
           "  s.rows, s.shared_blks_hit, s.shared_blks_read, s.temp_blks_written, NULL, NULL\n"
           "FROM " +
           quotedSchema +
           ".pg_stat_statements(false) s\n"
           // Other users' entries have no queryid without pg_read_all_stats.
           "WHERE s.queryid IS NOT NULL";
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
           "SELECT 'R', NULL, NULL, NULL, NULL, NULL, NULL, NULL, a.application_name,\n"
           "  pg_catalog.host(a.client_addr), w.state,\n"
           "  extract(epoch FROM w.replay_lag)::float8,\n"
           "  pg_catalog.pg_wal_lsn_diff(w.sent_lsn, w.replay_lsn)::bigint\n"
           // pg_stat_replication without its scan of every backend (pg_stat_get_activity(NULL)
           // cost more than the rest of the statement): the sender's own row, only when
           // there are senders.
           "FROM pg_catalog.pg_stat_get_wal_senders() w\n"
           "LEFT JOIN LATERAL pg_catalog.pg_stat_get_activity(w.pid) a ON true";
}

} // namespace dbt::pg::sql
