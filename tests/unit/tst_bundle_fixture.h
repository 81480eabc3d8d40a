// A fixed, fully specified recording for the bundle tests (golden README, round trips):
// a pile-up behind a session idle in transaction, an ALTER TABLE queued behind it, readers
// queued behind the ALTER, a second small chain, and texts that need escaping.
#pragma once

#include "bundle/manifest.h"
#include "snapshot.h"

#include <memory>
#include <string>
#include <vector>

namespace dbt::fixture {

constexpr Micros kNow = 1'700'000'000'000'000; // 2023-11-14T22:13:20Z

inline Micros ago(double seconds) {
    return kNow - static_cast<Micros>(seconds * 1e6);
}

inline Session session(std::int64_t pid, std::string state, std::string application,
                       std::string query, double since) {
    Session s;
    s.pid = pid;
    s.user = "app";
    s.database = "shop";
    s.application = std::move(application);
    s.client = "10.0.0.7:51234";
    s.backendType = "client backend";
    s.state = std::move(state);
    s.backendStart = ago(3600);
    s.queryStart = ago(since);
    s.stateChange = ago(since);
    s.query = std::move(query);
    s.queryId = std::to_string(pid * 7);
    return s;
}

inline LockWait wait(std::int64_t waiter, std::int64_t blocker, std::string mode, bool hard,
                     int position = 0) {
    LockWait w;
    w.waitingPid = waiter;
    w.blockingPid = blocker;
    w.lockType = "relation";
    w.mode = std::move(mode);
    w.object = "public.orders";
    w.hard = hard;
    w.queuePosition = position;
    return w;
}

inline StatementStat statement(int i, double totalMs, std::int64_t calls, std::string query) {
    StatementStat s;
    s.id = std::to_string(-9000000000000000000LL + i);
    s.query = std::move(query);
    s.database = "shop";
    s.user = "app";
    s.calls = calls;
    s.totalTimeMs = totalMs;
    s.meanTimeMs = calls ? totalMs / static_cast<double>(calls) : 0;
    s.rows = calls * 3;
    s.sharedBlksHit = calls * 40;
    s.sharedBlksRead = calls;
    return s;
}

inline Snapshot snapshot() {
    Snapshot s;
    s.collectedAt = kNow;
    s.toolVersion = "0.1.0";
    s.redacted = true;
    ServerInfo& sv = s.server;
    sv.engine = Engine::PostgreSQL;
    sv.version = "15.4";
    sv.versionNum = 150004;
    sv.host = "db1.example.com";
    sv.port = "5432";
    sv.database = "shop";
    sv.user = "dbtriage_monitor";
    sv.readAllStats = true;
    sv.extensions = {"pg_stat_statements", "plpgsql"};
    sv.settings = {{"max_connections", "100"},
                   {"superuser_reserved_connections", "3"},
                   {"work_mem", "4MB"},
                   {"lock_timeout", "0"},
                   {"dbtriage_session.lock_timeout", "500ms"}};

    s.sessions.push_back(session(4242, "idle in transaction", "billing-worker",
                                 "UPDATE orders SET status = $1 WHERE id = $2", 754));
    s.sessions.back().transactionStart = ago(760);
    s.sessions.push_back(
        session(5001, "active", "migrations", "ALTER TABLE orders ADD COLUMN note text", 120));
    s.sessions.back().waitEventType = "Lock";
    s.sessions.back().waitEvent = "relation";
    for (int i = 0; i < 4; ++i) {
        s.sessions.push_back(session(5002 + i, "active", "checkout|api *v2*",
                                     "SELECT * FROM orders WHERE customer_id = $1", 100 - i));
        s.sessions.back().waitEventType = "Lock";
        s.sessions.back().waitEvent = "relation";
    }
    s.sessions.push_back(session(4300, "idle in transaction", "=cmd|' /C calc'!A0",
                                 "SELECT `x` FROM t WHERE a = $1", 30));
    s.sessions.back().transactionStart = ago(40);
    s.sessions.push_back(session(6001, "active", "reports", "UPDATE t SET a = $1", 20));
    s.sessions.back().waitEventType = "Lock";
    s.sessions.push_back(session(7001, "idle", "checkout|api *v2*", "COMMIT", 2));
    s.sessions.push_back(session(7002, "active", "reports", "SELECT pg_sleep($1)", 3));

    s.lockWaits.push_back(wait(5001, 4242, "AccessExclusiveLock", true, 1));
    for (int i = 0; i < 4; ++i)
        s.lockWaits.push_back(wait(5002 + i, 5001, "AccessShareLock", false, 2 + i));
    s.lockWaits.push_back(wait(6001, 4300, "RowExclusiveLock", true, 1));
    s.lockWaits.back().object = "public.t";

    s.heldLocks = {{4242, "relation", "RowExclusiveLock", "public.orders"},
                   {4242, "transactionid", "ExclusiveLock", "transaction 7781"},
                   {4300, "relation", "RowExclusiveLock", "public.t"}};

    RootBlocker r1;
    r1.pid = 4242;
    r1.blockedDirect = 1;
    r1.blockedTotal = 5;
    r1.depth = 2;
    r1.state = "idle in transaction";
    r1.user = "app";
    r1.application = "billing-worker";
    r1.transactionStart = ago(760);
    r1.stateChange = ago(754);
    r1.query = "UPDATE orders SET status = $1 WHERE id = $2";
    r1.holds = {s.heldLocks[0], s.heldLocks[1]};
    RootBlocker r2;
    r2.pid = 4300;
    r2.blockedDirect = 1;
    r2.blockedTotal = 1;
    r2.depth = 1;
    r2.state = "idle in transaction";
    r2.user = "app";
    r2.application = "=cmd|' /C calc'!A0";
    r2.transactionStart = ago(40);
    r2.stateChange = ago(30);
    r2.query = "SELECT `x` FROM t WHERE a = $1";
    r2.holds = {s.heldLocks[2]};
    s.rootBlockers = {r1, r2};

    s.statementScope = StatementScope::Window;
    s.statementWindowStart = ago(60);
    s.statements.push_back(
        statement(1, 48213.25, 1204, "SELECT * FROM orders WHERE customer_id = $1"));
    s.statements.push_back(statement(2, 9120.5, 88, "UPDATE orders SET status = $1 WHERE id = $2"));
    s.statements.push_back(
        statement(3, 512.125, 3000, "SELECT a | b, `c` FROM t WHERE note LIKE $1"));
    s.statements.push_back(statement(4, 40.0, 12, ""));

    ConnectionCounts& c = s.connections;
    c.total = 64;
    c.max = 100;
    c.reserved = 3;
    c.byState = {{"active", 30}, {"idle", 28}, {"idle in transaction", 6}};
    c.byApplication = {{"checkout|api *v2*", 40},
                       {"billing-worker", 12},
                       {"reports", 8},
                       {"migrations", 1},
                       {"=cmd|' /C calc'!A0", 3}};
    c.byUser = {{"app", 64}};
    c.byDatabase = {{"shop", 64}};

    s.health.cacheHitRatio = 0.9731;
    s.health.tempFiles = 12;
    s.health.tempBytes = 50331648;
    s.health.deadlocks = 2;
    s.health.longestTransactionSeconds = 760;
    s.health.oldestXminAge = 15000;

    Finding f1;
    f1.severity = Severity::Critical;
    f1.code = "root-blocker";
    f1.summary = "Session 4242 (billing-worker, idle in transaction for 12 min) blocks 5 "
                 "sessions on public.orders.";
    f1.nextStep = "Ask the owner of billing-worker to commit or roll back; a senior may "
                  "terminate the session.";
    f1.command = "SELECT pg_terminate_backend(4242);";
    f1.pids = {4242};
    Finding f2;
    f2.severity = Severity::Warning;
    f2.code = "ddl-queued";
    f2.summary = "ALTER TABLE of session 5001 waits for public.orders and 4 readers queue "
                 "behind it.";
    f2.nextStep = "Cancel the ALTER TABLE and run it with a lock_timeout.";
    f2.pids = {5001};
    s.findings = {f1, f2};
    s.probes = {{"activity", "ok"}, {"locks", "ok"}, {"statements", "ok"}, {"health", "ok"}};
    return s;
}

// Three samples, 30 s apart, the last being the full fixture.
inline std::vector<SnapshotPtr> samples() {
    std::vector<SnapshotPtr> out;
    for (int i = 2; i >= 0; --i) {
        Snapshot s = snapshot();
        s.collectedAt = ago(30.0 * i);
        s.statementScope = StatementScope::Cumulative;
        s.statementWindowStart = 0;
        s.connections.total -= 10 * i;
        s.connections.byState["idle"] -= 10 * i;
        out.push_back(std::make_shared<const Snapshot>(s));
    }
    return out;
}

inline CollectionInfo collection() {
    CollectionInfo c;
    c.samples = 3;
    c.requestedSamples = 3;
    c.intervalSeconds = 30;
    c.firstAt = ago(60);
    c.lastAt = kNow;
    c.note = "INC-4711: checkout slow since 09:00\n(seen by the on-call)";
    return c;
}

} // namespace dbt::fixture
