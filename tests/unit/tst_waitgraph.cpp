// Wait-for graph: roots, distinct transitive counts, depth, cycles, and scale.
#include "waitgraph.h"

#include <QElapsedTimer>
#include <QTest>

using namespace dbt;

namespace {

struct Scenario {
    std::vector<Session> sessions;
    std::vector<LockWait> waits;
    std::vector<HeldLock> held;
};

Session session(std::int64_t pid, std::string state, std::string user = "app",
                std::string application = {}, std::string query = {}) {
    Session s;
    s.pid = pid;
    s.state = std::move(state);
    s.user = std::move(user);
    s.application = std::move(application);
    s.query = std::move(query);
    s.backendType = "client backend";
    return s;
}

LockWait wait(std::int64_t waiter, std::int64_t blocker, bool hard = true,
              std::string lockType = "relation", std::string mode = "AccessShareLock",
              std::string object = "public.orders") {
    LockWait w;
    w.waitingPid = waiter;
    w.blockingPid = blocker;
    w.hard = hard;
    w.lockType = std::move(lockType);
    w.mode = std::move(mode);
    w.object = std::move(object);
    return w;
}

// A idle in transaction holds RowExclusiveLock; ALTER TABLE (B) waits on A (hard); readers
// C1..C3 queue behind the pending ALTER (soft edges).
Scenario classicAlterQueue() {
    Scenario s;
    s.sessions.push_back(session(100, "idle in transaction", "app", "billing-worker",
                                 "UPDATE orders SET status = $1 WHERE id = $2"));
    s.sessions.push_back(
        session(200, "active", "deploy", "migration", "ALTER TABLE orders ADD COLUMN x int"));
    for (std::int64_t pid : {301, 302, 303})
        s.sessions.push_back(session(pid, "active", "app", "checkout-api", "SELECT 1"));
    s.waits.push_back(wait(200, 100, true, "relation", "AccessExclusiveLock"));
    for (std::int64_t pid : {301, 302, 303})
        s.waits.push_back(wait(pid, 200, false));
    s.held.push_back({100, "relation", "RowExclusiveLock", "public.orders"});
    s.held.push_back({100, "transactionid", "ExclusiveLock", "transaction 7781"});
    s.held.push_back({999, "relation", "AccessShareLock", "public.items"}); // someone else
    return s;
}

// 500 waiters on one row: the first waits on the holder's transactionid, the rest on the
// tuple lock held by the first waiter.
Scenario rowPileUp() {
    Scenario s;
    s.sessions.push_back(session(1000, "idle in transaction"));
    s.waits.push_back(wait(1001, 1000, true, "transactionid", "ShareLock", "transaction 55"));
    for (std::int64_t pid = 1002; pid <= 1500; ++pid)
        s.waits.push_back(
            wait(pid, 1001, true, "tuple", "ExclusiveLock", "row (0,3) of public.orders"));
    return s;
}

Scenario advisory() {
    Scenario s;
    s.sessions.push_back(session(10, "idle"));
    s.waits.push_back(wait(11, 10, true, "advisory", "ExclusiveLock", "advisory lock 42"));
    s.waits.push_back(wait(12, 10, true, "advisory", "ExclusiveLock", "advisory lock 42"));
    s.held.push_back({10, "advisory", "ExclusiveLock", "advisory lock 42"});
    return s;
}

Scenario twoRoots() {
    Scenario s;
    for (std::int64_t pid : {11, 12, 13})
        s.waits.push_back(wait(pid, 1));
    // root 2: 21..24 wait on 2 directly, 25 waits on 24
    for (std::int64_t pid : {21, 22, 23, 24})
        s.waits.push_back(wait(pid, 2));
    s.waits.push_back(wait(25, 24));
    return s;
}

// 101 -> 103 -> 102 -> 101, and 104 waits on 102 from outside.
Scenario cycle() {
    Scenario s;
    s.waits.push_back(wait(101, 103));
    s.waits.push_back(wait(103, 102));
    s.waits.push_back(wait(102, 101));
    s.waits.push_back(wait(104, 102));
    return s;
}

// 2 <-> 3 wait on each other, and 3 also waits on root 1.
Scenario cycleBelowRoot() {
    Scenario s;
    s.waits.push_back(wait(2, 3));
    s.waits.push_back(wait(3, 2));
    s.waits.push_back(wait(3, 1));
    return s;
}

Scenario chain(std::int64_t length) {
    Scenario s;
    s.waits.reserve(static_cast<std::size_t>(length));
    for (std::int64_t pid = 2; pid <= length; ++pid)
        s.waits.push_back(wait(pid, pid - 1));
    return s;
}

// 2 and 3 wait on 1; 4 waits on both 2 and 3; 5 waits on 4. Distinct count is 4.
Scenario diamond() {
    Scenario s;
    s.waits = {wait(2, 1), wait(3, 1), wait(4, 2), wait(4, 3), wait(5, 4)};
    return s;
}

Scenario selfEdgeOnly() {
    Scenario s;
    s.waits = {wait(7, 7)};
    return s;
}

Scenario selfEdgeAndWaiter() {
    Scenario s;
    s.waits = {wait(8, 8), wait(9, 8), wait(9, 8, false)};
    return s;
}

Scenario duplicates() {
    Scenario s;
    s.waits = {wait(2, 1), wait(2, 1), wait(2, 1, false, "tuple")};
    return s;
}

Scenario unknownBlocker() {
    Scenario s;
    s.sessions.push_back(session(2, "active"));
    s.waits = {wait(2, 99)};
    return s;
}

// 100,000 edges: 100,000 waiters spread over 10 roots (pids 0..9).
Scenario large() {
    Scenario s;
    s.waits.reserve(100000);
    for (std::int64_t pid = 10; pid < 100010; ++pid) {
        const std::int64_t root = pid % 10;
        s.waits.push_back(wait(pid, root));
    }
    return s;
}

} // namespace

Q_DECLARE_METATYPE(Scenario)

class TestWaitGraph : public QObject {
    Q_OBJECT
private slots:
    void roots_data();
    void roots();
    void classicDetails();
    void holdsRankedMostTellingFirst();
    void depthMap();
    void blockedByTransitive();
    void empty();
    void deepChainsDoNotOverflow();
};

void TestWaitGraph::roots_data() {
    QTest::addColumn<Scenario>("scenario");
    QTest::addColumn<int>("rootCount");
    QTest::addColumn<qint64>("pid");
    QTest::addColumn<qint64>("direct");
    QTest::addColumn<qint64>("total");
    QTest::addColumn<int>("depth");
    QTest::addColumn<bool>("inCycle");
    QTest::addColumn<QString>("cycles");

    QTest::newRow("classic ALTER queue") << classicAlterQueue() << 1 << qint64(100) << qint64(1)
                                         << qint64(4) << 2 << false << QString();
    QTest::newRow("row pile-up 500")
        << rowPileUp() << 1 << qint64(1000) << qint64(1) << qint64(500) << 2 << false << QString();
    QTest::newRow("advisory lock")
        << advisory() << 1 << qint64(10) << qint64(2) << qint64(2) << 1 << false << QString();
    QTest::newRow("two roots, larger first")
        << twoRoots() << 2 << qint64(2) << qint64(4) << qint64(5) << 2 << false << QString();
    // 104 -> 102 -> 101: one step into the cycle plus 2 inside it (103 -> 102 -> 101).
    QTest::newRow("cycle without root") << cycle() << 1 << qint64(101) << qint64(1) << qint64(3)
                                        << 3 << true << QStringLiteral("101,103,102");
    QTest::newRow("cycle below a root") << cycleBelowRoot() << 1 << qint64(1) << qint64(1)
                                        << qint64(2) << 1 << false << QStringLiteral("2,3");
    QTest::newRow("chain of 10,000") << chain(10000) << 1 << qint64(1) << qint64(1) << qint64(9999)
                                     << 9999 << false << QString();
    QTest::newRow("diamond counts distinct")
        << diamond() << 1 << qint64(1) << qint64(2) << qint64(4) << 3 << false << QString();
    QTest::newRow("self edge only")
        << selfEdgeOnly() << 0 << qint64(0) << qint64(0) << qint64(0) << 0 << false << QString();
    QTest::newRow("self edge and a waiter") << selfEdgeAndWaiter() << 1 << qint64(8) << qint64(1)
                                            << qint64(1) << 1 << false << QString();
    QTest::newRow("duplicate edges")
        << duplicates() << 1 << qint64(1) << qint64(1) << qint64(1) << 1 << false << QString();
    QTest::newRow("blocker not in sessions")
        << unknownBlocker() << 1 << qint64(99) << qint64(1) << qint64(1) << 1 << false << QString();
    QTest::newRow("100,000 edges, 10 roots")
        << large() << 10 << qint64(0) << qint64(10000) << qint64(10000) << 1 << false << QString();
}

void TestWaitGraph::roots() {
    QFETCH(Scenario, scenario);
    QFETCH(int, rootCount);
    QFETCH(qint64, pid);
    QFETCH(qint64, direct);
    QFETCH(qint64, total);
    QFETCH(int, depth);
    QFETCH(bool, inCycle);
    QFETCH(QString, cycles);

    const WaitGraph g = analyzeWaitGraph(scenario.sessions, scenario.waits, scenario.held);
    QCOMPARE(int(g.roots.size()), rootCount);
    QStringList cycleTexts;
    for (const auto& c : g.cycles) {
        QStringList pids;
        for (std::int64_t p : c)
            pids << QString::number(p);
        cycleTexts << pids.join(QLatin1Char(','));
    }
    QCOMPARE(cycleTexts.join(QLatin1Char(';')), cycles);
    if (rootCount == 0)
        return;
    const RootBlocker& r = g.roots.front();
    QCOMPARE(qint64(r.pid), pid);
    QCOMPARE(qint64(r.blockedDirect), direct);
    QCOMPARE(qint64(r.blockedTotal), total);
    QCOMPARE(r.depth, depth);
    QCOMPARE(r.inCycle, inCycle);
    for (std::size_t i = 1; i < g.roots.size(); ++i) {
        const RootBlocker& a = g.roots[i - 1];
        const RootBlocker& b = g.roots[i];
        QVERIFY(a.blockedTotal > b.blockedTotal ||
                (a.blockedTotal == b.blockedTotal && a.pid < b.pid));
    }
}

void TestWaitGraph::classicDetails() {
    Scenario s = classicAlterQueue();
    s.sessions[0].waitEventType = "Client";
    s.sessions[0].transactionStart = 1'000'000;
    s.sessions[0].stateChange = 2'000'000;
    const WaitGraph g = analyzeWaitGraph(s.sessions, s.waits, s.held);
    QCOMPARE(g.roots.size(), std::size_t(1));
    const RootBlocker& r = g.roots.front();
    QCOMPARE(r.state, std::string("idle in transaction"));
    QCOMPARE(r.user, std::string("app"));
    QCOMPARE(r.application, std::string("billing-worker"));
    QCOMPARE(r.waitEventType, std::string("Client"));
    QCOMPARE(r.transactionStart, OptMicros(1'000'000));
    QCOMPARE(r.stateChange, OptMicros(2'000'000));
    QCOMPARE(r.query, std::string("UPDATE orders SET status = $1 WHERE id = $2"));
    QCOMPARE(r.holds.size(), std::size_t(2)); // not the lock of pid 999
    QCOMPARE(r.holds[0].mode, std::string("RowExclusiveLock"));
    QCOMPARE(r.holds[0].object, std::string("public.orders"));
    QCOMPARE(r.holds[1].lockType, std::string("transactionid"));
}

// What a root blocker holds, as PostgreSQL lists it (virtual id and transaction id first,
// tables in no order): the table somebody queues on comes first, the stronger mode before the
// weaker, the transaction a row waiter waits for before an idle id, the virtual id last.
void TestWaitGraph::holdsRankedMostTellingFirst() {
    const auto held = [](std::string type, std::string mode, std::string object) {
        return HeldLock{100, std::move(type), std::move(mode), std::move(object)};
    };
    const std::vector<HeldLock> holds = {
        held("virtualxid", "ExclusiveLock", "virtual transaction 5/61"),
        held("transactionid", "ExclusiveLock", "transaction 799"),
        held("transactionid", "ExclusiveLock", "transaction 800"),
        held("relation", "AccessShareLock", "public.customers"),
        held("relation", "AccessShareLock", "public.orders"),
        held("relation", "RowExclusiveLock", "public.orders"),
        held("relation", "RowExclusiveLock", "public.carts"),
        {999, "relation", "AccessExclusiveLock", "public.orders"}};
    const std::vector<Session> sessions = {session(100, "idle in transaction"),
                                           session(200, "active"), session(300, "active")};
    const std::vector<LockWait> waits = {
        wait(200, 100, true, "relation", "AccessExclusiveLock", "public.orders"),
        wait(300, 100, true, "transactionid", "ShareLock", "transaction 800")};
    const WaitGraph g = analyzeWaitGraph(sessions, waits, holds);
    QCOMPARE(g.roots.size(), std::size_t(1));
    std::vector<std::string> got;
    for (const HeldLock& h : g.roots.front().holds)
        got.push_back(h.mode + " on " + h.object);
    const std::vector<std::string> want = {
        "RowExclusiveLock on public.orders",        "AccessShareLock on public.orders",
        "RowExclusiveLock on public.carts",         "AccessShareLock on public.customers",
        "ExclusiveLock on transaction 800",         "ExclusiveLock on transaction 799",
        "ExclusiveLock on virtual transaction 5/61"};
    QCOMPARE(got, want);
    // The same order for any session, as the locks tree asks for it.
    const auto ranked = rankedHolds(100, holds, waits);
    QCOMPARE(ranked.size(), want.size());
    QCOMPARE(ranked.front()->object, std::string("public.orders"));
    QCOMPARE(ranked.back()->lockType, std::string("virtualxid"));
}

void TestWaitGraph::depthMap() {
    const Scenario s = classicAlterQueue();
    const WaitGraph g = analyzeWaitGraph(s.sessions, s.waits, s.held);
    QCOMPARE(g.depth.size(), std::size_t(4));
    QCOMPARE(g.depth.at(200), 1);
    QCOMPARE(g.depth.at(301), 2);
    QCOMPARE(g.depth.at(303), 2);
    QVERIFY(!g.depth.count(100)); // the root itself

    // Diamond: 5 -> 4 -> {2, 3} -> 1: nearest distance 3.
    const Scenario d = diamond();
    const WaitGraph gd = analyzeWaitGraph(d.sessions, d.waits, d.held);
    QCOMPARE(gd.depth.at(4), 2);
    QCOMPARE(gd.depth.at(5), 3);

    // Cycle: the representative (101) is the root; 102 waits on it directly.
    const Scenario c = cycle();
    const WaitGraph gc = analyzeWaitGraph(c.sessions, c.waits, c.held);
    QVERIFY(!gc.depth.count(101));
    QCOMPARE(gc.depth.at(102), 1);
    QCOMPARE(gc.depth.at(103), 2);
    QCOMPARE(gc.depth.at(104), 2);
}

void TestWaitGraph::blockedByTransitive() {
    const Scenario s = classicAlterQueue();
    QCOMPARE(blockedBy(100, s.waits), (std::vector<std::int64_t>{200, 301, 302, 303}));
    QCOMPARE(blockedBy(200, s.waits), (std::vector<std::int64_t>{301, 302, 303}));
    QVERIFY(blockedBy(301, s.waits).empty());
    const Scenario c = cycle();
    QCOMPARE(blockedBy(101, c.waits), (std::vector<std::int64_t>{102, 103, 104}));
}

void TestWaitGraph::empty() {
    const WaitGraph g = analyzeWaitGraph({session(1, "active")}, {}, {});
    QVERIFY(g.roots.empty());
    QVERIFY(g.cycles.empty());
    QVERIFY(g.depth.empty());
}

void TestWaitGraph::deepChainsDoNotOverflow() {
    // 100,000 sessions in one chain, closed into one cycle: every algorithm must be
    // iterative to survive this (recursion would need 100,000 frames).
    Scenario s = chain(100000);
    QElapsedTimer timer;
    timer.start();
    WaitGraph g = analyzeWaitGraph(s.sessions, s.waits, s.held);
    QCOMPARE(g.roots.size(), std::size_t(1));
    QCOMPARE(g.roots.front().blockedTotal, std::int64_t(99999));
    QCOMPARE(g.roots.front().depth, 99999);
    s.waits.push_back(wait(1, 100000));
    g = analyzeWaitGraph(s.sessions, s.waits, s.held);
    QCOMPARE(g.cycles.size(), std::size_t(1));
    QCOMPARE(g.cycles.front().size(), std::size_t(100000));
    QCOMPARE(g.cycles.front().front(), std::int64_t(1));
    QCOMPARE(g.cycles.front()[1], std::int64_t(100000)); // 1 waits on 100000
    QCOMPARE(g.roots.size(), std::size_t(1));
    QVERIFY(g.roots.front().inCycle);
    QCOMPARE(g.roots.front().blockedTotal, std::int64_t(99999));
    qInfo("two graphs of 100,000 edges analysed in %lld ms", qint64(timer.elapsed()));
}

QTEST_GUILESS_MAIN(TestWaitGraph)
#include "tst_waitgraph.moc"
