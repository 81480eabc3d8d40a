#include "fixtures.h"

#include "waitgraph.h"

#include <QDir>
#include <QString>

namespace fixtures {

using namespace dbt;

namespace {

Session session(std::int64_t pid, const char* state, Micros since, const char* app) {
    Session s;
    s.pid = pid;
    s.user = "app";
    s.database = "shop";
    s.application = app;
    s.client = "10.0.0.7:5" + std::to_string(pid % 10000);
    s.backendType = "client backend";
    s.state = state;
    s.backendStart = since - 60'000'000;
    s.stateChange = since;
    if (std::string(state) != "idle") {
        s.transactionStart = since;
        s.queryStart = since;
    }
    return s;
}

} // namespace

SnapshotPtr pileup(int waiters, int idle, Micros at) {
    auto s = std::make_shared<Snapshot>();
    s->collectedAt = at;
    s->server.engine = Engine::PostgreSQL;
    s->server.version = "15.8";
    s->server.host = "db1";
    s->server.port = "5432";
    s->server.database = "shop";
    s->server.user = "monitor";
    s->connections.max = 400;
    s->connections.reserved = 3;

    Session root = session(100, "idle in transaction", at - 300'000'000, "billing-worker");
    root.transactionStart = at - 310'000'000;
    root.query = "UPDATE orders SET status = $1 WHERE id = $2";
    s->sessions.push_back(root);
    Session first = session(101, "active", at - 290'000'000, "checkout-api");
    first.waitEventType = "Lock";
    first.waitEvent = "transactionid";
    first.query = "UPDATE orders SET total = total + $1 WHERE id = $2";
    s->sessions.push_back(first);
    s->lockWaits.push_back({101, 100, "transactionid", "ShareLock", "transaction 827", true, 1});
    for (int i = 0; i < waiters; ++i) {
        Session w = session(1000 + i, "active", at - 280'000'000 + i * 1000, "checkout-api");
        w.waitEventType = "Lock";
        w.waitEvent = "tuple";
        w.query = first.query;
        s->sessions.push_back(w);
        s->lockWaits.push_back(
            {1000 + i, 101, "tuple", "ExclusiveLock", "row (0,42) of public.orders", true, i + 1});
    }
    for (int i = 0; i < idle; ++i)
        s->sessions.push_back(session(5000 + i, "idle", at - 20'000'000, "storefront-api"));
    for (int i = 0; i < 3; ++i) {
        Session a = session(6000 + i, "active", at - 1'000'000, "analytics-report");
        a.query = "SELECT kind, count(*) FROM events GROUP BY kind";
        s->sessions.push_back(a);
    }
    s->heldLocks.push_back({100, "relation", "RowExclusiveLock", "public.orders"});
    s->heldLocks.push_back({100, "transactionid", "ExclusiveLock", "transaction 827"});
    s->connections.total = std::int64_t(s->sessions.size());
    for (const Session& x : s->sessions)
        ++s->connections.byState[x.state];
    s->rootBlockers = analyzeWaitGraph(s->sessions, s->lockWaits, s->heldLocks).roots;
    s->health.cacheHitRatio = 0.993;
    s->health.longestTransactionSeconds = 310;
    s->probes = {{"activity", "ok"}, {"locks", "ok"}, {"statements", "ok"}};
    Finding f;
    f.severity = Severity::Critical;
    f.code = "root-blocker";
    f.summary = "Session 100 is idle in transaction and blocks " + std::to_string(waiters + 1) +
                " sessions.";
    f.nextStep = "Ask the owner of billing-worker to commit or roll back.";
    f.command = "SELECT pg_terminate_backend(100);";
    f.pids = {100};
    s->findings.push_back(f);
    return s;
}

SnapshotPtr withStatements(Micros at, double minutes, int statements) {
    auto s = std::make_shared<Snapshot>(*pileup(3, 2, at));
    for (int i = 0; i < statements; ++i) {
        StatementStat st;
        st.id = std::to_string(1000 + i);
        st.query = "SELECT * FROM t" + std::to_string(i) + " WHERE id = $1";
        st.database = "shop";
        st.user = "app";
        st.calls = std::int64_t((i + 1) * minutes);
        st.totalTimeMs = double(st.calls) * (i + 1);
        st.meanTimeMs = i + 1;
        st.rows = st.calls;
        st.sharedBlksHit = 90 * st.calls;
        st.sharedBlksRead = 10 * st.calls;
        s->statements.push_back(st);
    }
    return s;
}

QString recordedPileup() {
    return QDir(qEnvironmentVariable("DBTRIAGE_TEST_DATA"))
        .filePath(QStringLiteral("gui/pg-pileup"));
}

} // namespace fixtures
