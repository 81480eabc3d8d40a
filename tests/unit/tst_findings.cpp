// Findings: each code fires with exact figures in its sentence and stays quiet below its
// threshold; MySQL wording; the text helpers the sentences are built with.
#include "findings.h"
#include "textutil.h"
#include "waitgraph.h"

#include <QTest>
#include <limits>
#include <set>

using namespace dbt;

namespace {

constexpr Micros kNow = 1'700'000'000'000'000; // 2023-11-14T22:13:20Z

Micros ago(double seconds) {
    return kNow - static_cast<Micros>(seconds * 1e6);
}

Session session(std::int64_t pid, std::string state, std::string user, std::string application) {
    Session s;
    s.pid = pid;
    s.state = std::move(state);
    s.user = std::move(user);
    s.application = std::move(application);
    s.backendType = "client backend";
    return s;
}

Session idleInTx(std::int64_t pid, double idleSeconds, double txSeconds,
                 std::string application = "billing-worker", std::string user = "app") {
    Session s = session(pid, "idle in transaction", std::move(user), std::move(application));
    s.stateChange = ago(idleSeconds);
    s.transactionStart = ago(txSeconds);
    s.queryStart = ago(idleSeconds + 0.01);
    s.query = "UPDATE orders SET status = $1 WHERE id = $2";
    return s;
}

Session active(std::int64_t pid, double runningSeconds, std::string query,
               std::string application = "checkout-api", std::string user = "app") {
    Session s = session(pid, "active", std::move(user), std::move(application));
    s.queryStart = ago(runningSeconds);
    s.stateChange = ago(runningSeconds);
    s.transactionStart = ago(runningSeconds);
    s.query = std::move(query);
    return s;
}

LockWait wait(std::int64_t waiter, std::int64_t blocker, bool hard = true,
              std::string mode = "AccessShareLock", std::string object = "public.orders",
              std::string lockType = "relation") {
    LockWait w;
    w.waitingPid = waiter;
    w.blockingPid = blocker;
    w.hard = hard;
    w.mode = std::move(mode);
    w.object = std::move(object);
    w.lockType = std::move(lockType);
    return w;
}

Snapshot base(Engine engine = Engine::PostgreSQL) {
    Snapshot s;
    s.collectedAt = kNow;
    s.server.engine = engine;
    s.connections.max = 460;
    s.connections.reserved = 10;
    s.connections.total = 20;
    return s;
}

// What analyseSnapshot does before deriving findings.
Snapshot analysed(Snapshot s) {
    WaitGraph g = analyzeWaitGraph(s.sessions, s.lockWaits, s.heldLocks);
    s.rootBlockers = std::move(g.roots);
    s.cycles = std::move(g.cycles);
    return s;
}

Snapshot saturation(std::int64_t total) {
    Snapshot s = base();
    s.connections.total = total;
    s.connections.byState = {{"idle", 300}, {"idle in transaction", 80}, {"active", total - 380}};
    s.connections.byApplication = {{"checkout-api", 250}, {"reports", 100}, {"dbtriage", 1}};
    for (int i = 0; i < 80; ++i)
        s.sessions.push_back(idleInTx(10000 + i, 2, 3, i < 62 ? "checkout-api" : "reports"));
    return analysed(std::move(s));
}

// 4242 idle in transaction for 12 min blocks 3 sessions directly and 4 more behind 5001.
Snapshot rootBlocker(Engine engine = Engine::PostgreSQL) {
    Snapshot s = base(engine);
    if (engine == Engine::PostgreSQL) {
        s.sessions.push_back(idleInTx(4242, 720, 730));
    } else {
        Session x = session(4242, "idle", "app", "billing-worker");
        x.backendType = "Sleep";
        x.stateChange = ago(690);
        x.transactionStart = ago(720);
        s.sessions.push_back(x);
    }
    for (std::int64_t pid = 5001; pid <= 5007; ++pid) {
        s.sessions.push_back(
            active(pid, pid == 5001 ? 30 : 10, "UPDATE orders SET total = $1 WHERE id = $2"));
        s.lockWaits.push_back(pid <= 5003 ? wait(pid, 4242, true, "RowExclusiveLock")
                                          : wait(pid, 5001, false, "RowExclusiveLock"));
    }
    s.heldLocks.push_back({4242, "relation", "RowExclusiveLock", "public.orders"});
    return analysed(std::move(s));
}

// One session waits on an active root for `waitSeconds`.
Snapshot smallRoot(double waitSeconds) {
    Snapshot s = base();
    s.sessions.push_back(active(300, 400, "SELECT * FROM orders FOR UPDATE", "reports", "rep"));
    s.sessions.push_back(active(301, waitSeconds, "UPDATE orders SET total = $1"));
    s.lockWaits.push_back(wait(301, 300, true, "ShareLock", "transaction 88", "transactionid"));
    return analysed(std::move(s));
}

Snapshot cycle() {
    Snapshot s = base();
    s.lockWaits = {wait(101, 103), wait(103, 102), wait(102, 101), wait(104, 102)};
    return analysed(std::move(s));
}

Snapshot idleSessions(bool withBlocker) {
    Snapshot s = base();
    s.sessions.push_back(idleInTx(7001, 360, 365, "checkout-api"));
    s.sessions.push_back(idleInTx(7002, 480, 490, "checkout-api"));
    s.sessions.push_back(idleInTx(7003, 1200, 1500, "checkout-api"));
    s.sessions.push_back(idleInTx(7004, 240, 250, "checkout-api")); // under 5 min
    if (withBlocker) {
        s.sessions.push_back(idleInTx(4242, 540, 540));
        s.sessions.push_back(active(5001, 20, "UPDATE orders SET total = $1"));
        s.lockWaits.push_back(wait(5001, 4242, true, "RowExclusiveLock"));
    }
    return analysed(std::move(s));
}

Snapshot longRunning(double longest) {
    Snapshot s = base();
    s.sessions.push_back(active(5150, longest, "SELECT count(*) FROM orders", "reports", "report"));
    s.sessions.push_back(active(5151, longest >= 120 ? 120 : longest / 2,
                                "SELECT sum(total) FROM orders", "reports", "report"));
    s.sessions.push_back(active(5152, 30, "SELECT 1"));
    Session vacuum = active(5153, 5000, "autovacuum: VACUUM public.orders", "", "postgres");
    vacuum.backendType = "autovacuum worker";
    s.sessions.push_back(vacuum);
    Session own = active(5154, 5000, "SELECT 1", "dbtriage", "monitor");
    s.sessions.push_back(own);
    return analysed(std::move(s));
}

Snapshot longTransaction() {
    Snapshot s = base();
    Session x = active(6001, 5, "INSERT INTO staging SELECT * FROM import", "nightly-load", "etl");
    x.transactionStart = ago(47 * 60);
    x.xminAge = 1234567;
    s.sessions.push_back(x);
    // Idle in transaction for 20 min: reported there, not again as a long transaction.
    s.sessions.push_back(idleInTx(6002, 1200, 3600));
    return analysed(std::move(s));
}

// 4242 (transaction open 15 min) blocks an ALTER TABLE queued for 3 min; 3 readers behind.
Snapshot ddlQueued(Engine engine = Engine::PostgreSQL,
                   const std::string& ddl = "ALTER TABLE orders ADD COLUMN note text",
                   double queuedSeconds = 180, int readers = 3) {
    Snapshot s = base(engine);
    s.sessions.push_back(idleInTx(4242, 120, 900));
    s.sessions.push_back(active(5003, queuedSeconds, ddl, "migration", "deploy"));
    const bool pg = engine == Engine::PostgreSQL;
    s.lockWaits.push_back(wait(5003, 4242, true, pg ? "AccessExclusiveLock" : "EXCLUSIVE",
                               "public.orders", pg ? "relation" : "metadata"));
    for (int i = 0; i < readers; ++i) {
        s.sessions.push_back(active(6000 + i, 20, "SELECT * FROM orders WHERE id = $1"));
        s.lockWaits.push_back(wait(6000 + i, 5003, false, pg ? "AccessShareLock" : "SHARED_READ",
                                   "public.orders", pg ? "relation" : "metadata"));
    }
    s.heldLocks.push_back({4242, "relation", "RowExclusiveLock", "public.orders"});
    return analysed(std::move(s));
}

Snapshot ddlMixedWaiters() {
    Snapshot s = ddlQueued(Engine::PostgreSQL, "/* ? */\n  truncate orders", 60, 2);
    s.sessions.push_back(active(6100, 15, "UPDATE orders SET total = $1"));
    s.lockWaits.push_back(wait(6100, 5003, false, "RowExclusiveLock"));
    return analysed(std::move(s));
}

const Finding* find(const std::vector<Finding>& list, const QString& code) {
    for (const Finding& f : list) {
        if (QString::fromStdString(f.code) == code)
            return &f;
    }
    return nullptr;
}

QString describe(const std::vector<Finding>& list) {
    QStringList out;
    for (const Finding& f : list)
        out << QString::fromStdString(f.code + ": " + f.summary);
    return out.join(QLatin1Char('\n'));
}

} // namespace

Q_DECLARE_METATYPE(Snapshot)

class TestFindings : public QObject {
    Q_OBJECT
private slots:
    void fires_data();
    void fires();
    void quiet_data();
    void quiet();
    void noDuplicateReports();
    void sortedBySeverity();
    void noCommandsForPlainFacts();
    void longPidListsStayASentence();
    void manyRootBlockersFoldPastFive();

    void formatDuration_data();
    void formatDuration();
    void otherTextHelpers();
};

// A migration queued behind hundreds of writers (seen on a loaded server: 340 pids in one
// sentence) names the first few and counts the rest; the finding's pids keep every one.
void TestFindings::longPidListsStayASentence() {
    Snapshot s = ddlQueued();
    for (int i = 0; i < 20; ++i) {
        s.sessions.push_back(active(7000 + i, 30, "UPDATE orders SET total = $1"));
        s.lockWaits.push_back(wait(5003, 7000 + i, true, "AccessExclusiveLock"));
    }
    const std::vector<Finding> findings = deriveFindings(analysed(std::move(s)));
    const Finding* f = find(findings, QStringLiteral("ddl-queued"));
    QVERIFY2(f, qPrintable(describe(findings)));
    const QString summary = QString::fromStdString(f->summary);
    QVERIFY2(summary.contains(QLatin1String(" behind the transactions of pids 4242, 7000, 7001, "
                                            "7002, 7003, 7004, 7005 and 14 more; ")),
             qPrintable(summary));
    QVERIFY2(!summary.contains(QLatin1String("7019")), qPrintable(summary));
    const QString next = QString::fromStdString(f->nextStep);
    QVERIFY2(next.contains(QLatin1String("7005 and 14 more if they should not be open")),
             qPrintable(next));
    QCOMPARE(f->pids.size(), std::size_t(22));
    // Eight pids are still listed in full.
    Snapshot eight = ddlQueued();
    for (int i = 0; i < 7; ++i) {
        eight.sessions.push_back(active(7000 + i, 30, "UPDATE orders SET total = $1"));
        eight.lockWaits.push_back(wait(5003, 7000 + i, true, "AccessExclusiveLock"));
    }
    const std::vector<Finding> eightFindings = deriveFindings(analysed(std::move(eight)));
    const Finding* g = find(eightFindings, QStringLiteral("ddl-queued"));
    QVERIFY(g);
    QVERIFY2(QString::fromStdString(g->summary)
                 .contains(QLatin1String("pids 4242, 7000, 7001, 7002, 7003, 7004, 7005 and "
                                         "7006; ")),
             g->summary.c_str());
}

// Twelve workers that each hold a row someone waits for: the five that block most are
// detailed, the other seven are one finding that counts them and names their applications.
void TestFindings::manyRootBlockersFoldPastFive() {
    Snapshot s = base();
    for (int i = 0; i < 12; ++i) {
        const std::int64_t holder = 100 + i;
        s.sessions.push_back(idleInTx(holder, 30, 40, i < 8 ? "batch" : "etl"));
        for (int k = 0; k <= (i < 2 ? 1 : 0); ++k) { // the first two block two sessions
            const std::int64_t waiter = 1000 + i * 10 + k;
            s.sessions.push_back(active(waiter, 20, "UPDATE t SET v = $1 WHERE id = $2"));
            s.lockWaits.push_back(
                wait(waiter, holder, true, "ShareLock", "transaction 7", "transactionid"));
        }
    }
    const std::vector<Finding> findings = deriveFindings(analysed(std::move(s)));
    int detailed = 0;
    const Finding* more = nullptr;
    for (const Finding& f : findings) {
        if (f.code == "root-blocker")
            ++detailed;
        if (f.code == "root-blockers-more")
            more = &f;
    }
    QCOMPARE(detailed, 5);
    QVERIFY2(more, qPrintable(describe(findings)));
    QCOMPARE(QString::fromStdString(more->summary),
             QStringLiteral("7 more sessions are root blockers and 7 sessions wait behind them; "
                            "by application: etl (4) and batch (3)."));
    QCOMPARE(more->pids, (std::vector<std::int64_t>{105, 106, 107, 108, 109, 110, 111}));
    QVERIFY2(QString::fromStdString(more->nextStep)
                 .contains(QLatin1String("ask the owner of application etl")),
             more->nextStep.c_str());
    QVERIFY(more->command.empty()); // nothing to run for seven sessions at once
    QCOMPARE(more->severity, Severity::Warning);
    // The two that block most are among the detailed ones.
    std::set<std::int64_t> detailedPids;
    for (const Finding& f : findings)
        if (f.code == "root-blocker")
            detailedPids.insert(f.pids.front());
    QVERIFY(detailedPids.count(100) && detailedPids.count(101));
}

void TestFindings::fires_data() {
    QTest::addColumn<Snapshot>("snapshot");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("severity");
    QTest::addColumn<QString>("summary"); // exact sentence
    QTest::addColumn<QStringList>("nextContains");
    QTest::addColumn<QString>("command");
    QTest::addColumn<QList<qint64>>("pids"); // leading pids of the finding

    QTest::newRow("saturation warning")
        << saturation(412) << "connection-saturation"
        << "warning"
        << "412 of 450 usable connection slots are in use (92 %); 300 are idle, 80 idle in "
           "transaction (62 of them from application checkout-api)."
        << QStringList{"application checkout-api", "pool", "PgBouncer"} << QString()
        << QList<qint64>{};
    QTest::newRow("saturation critical at 95 %")
        << saturation(428) << "connection-saturation"
        << "critical"
        << "428 of 450 usable connection slots are in use (95 %); 300 are idle, 80 idle in "
           "transaction (62 of them from application checkout-api)."
        << QStringList{"checkout-api"} << QString() << QList<qint64>{};

    QTest::newRow("root blocker, PostgreSQL")
        << rootBlocker() << "root-blocker"
        << "critical"
        << "Session 4242 (user app, application billing-worker) is idle in transaction for 12 "
           "min and blocks 7 sessions (3 directly), the oldest waiting statement started 30 s "
           "ago; it holds RowExclusiveLock on public.orders."
        << QStringList{"commit or roll back", "pg_cancel_backend would not help",
                       "application billing-worker"}
        << "SELECT pg_terminate_backend(4242);"
        << QList<qint64>{4242, 5001, 5002, 5003, 5004, 5005, 5006, 5007};
    QTest::newRow("root blocker, MySQL sleeping connection")
        << rootBlocker(Engine::MySQL) << "root-blocker"
        << "critical"
        << "Session 4242 (user app, application billing-worker) is a sleeping connection with an "
           "open transaction (open for 12 min, idle for 11 min) and blocks 7 sessions (3 "
           "directly), the oldest waiting statement started 30 s ago; it holds "
           "RowExclusiveLock on public.orders."
        << QStringList{"sleeping connection with an open transaction", "KILL QUERY would not help"}
        << "KILL 4242;" << QList<qint64>{4242};
    QTest::newRow("root blocker, MariaDB")
        << rootBlocker(Engine::MariaDB) << "root-blocker"
        << "critical"
        << "Session 4242 (user app, application billing-worker) is a sleeping connection with an "
           "open transaction (open for 12 min, idle for 11 min) and blocks 7 sessions (3 "
           "directly), the oldest waiting statement started 30 s ago; it holds "
           "RowExclusiveLock on public.orders."
        << QStringList{"sleeping connection with an open transaction"} << "KILL 4242;"
        << QList<qint64>{4242};
    QTest::newRow("root blocker, small and young: warning")
        << smallRoot(20) << "root-blocker"
        << "warning"
        << "Session 300 (user rep, application reports) has been running a statement for 6 min "
           "40 s and blocks 1 session, the oldest waiting statement started 20 s ago."
        << QStringList{"pg_cancel_backend(300) cancels only the running statement"}
        << "SELECT pg_terminate_backend(300);" << QList<qint64>{300, 301};
    QTest::newRow("root blocker, one waiter for 90 s: critical")
        << smallRoot(90) << "root-blocker"
        << "critical"
        << "Session 300 (user rep, application reports) has been running a statement for 6 min "
           "40 s and blocks 1 session, the oldest waiting statement started 1 min 30 s ago."
        << QStringList{} << "SELECT pg_terminate_backend(300);" << QList<qint64>{300, 301};
    QTest::newRow("lock cycle")
        << cycle() << "lock-cycle"
        << "warning"
        << "Sessions 101, 103 and 102 wait on each other in a lock cycle; 1 more session waits "
           "behind them."
        << QStringList{"deadlock_timeout", "pid 101"} << "SELECT pg_terminate_backend(101);"
        << QList<qint64>{101, 103, 102, 104};

    QTest::newRow("idle in transaction")
        << idleSessions(false) << "idle-in-transaction"
        << "warning"
        << "3 sessions have been idle in transaction for more than 5 min; the oldest, pid 7003 "
           "(user app, application checkout-api), for 20 min (transaction open for 25 min); 3 "
           "of them come from application checkout-api."
        << QStringList{"idle_in_transaction_session_timeout", "vacuum"}
        << "SELECT pg_terminate_backend(7003);" << QList<qint64>{7003, 7002, 7001};
    QTest::newRow("idle in transaction, one also a root blocker")
        << idleSessions(true) << "idle-in-transaction"
        << "warning"
        << "3 sessions have been idle in transaction for more than 5 min; the oldest, pid 7003 "
           "(user app, application checkout-api), for 20 min (transaction open for 25 min); 3 "
           "of them come from application checkout-api; pid 4242, also idle in transaction, "
           "blocks other sessions and is reported as a root blocker."
        << QStringList{} << "SELECT pg_terminate_backend(7003);" << QList<qint64>{7003, 7002, 7001};

    QTest::newRow("long-running query")
        << longRunning(860) << "long-running-query"
        << "warning"
        << "2 statements have been running for more than 1 min; the longest, pid 5150 (user "
           "report, application reports), for 14 min; 2 of them come from application reports."
        << QStringList{"plan", "cancel"} << "SELECT pg_cancel_backend(5150);"
        << QList<qint64>{5150, 5151};
    QTest::newRow("long transaction")
        << longTransaction() << "long-transaction"
        << "warning"
        << "1 transaction has been open for more than 5 min; the oldest, pid 6001 (user etl, "
           "application nightly-load), for 47 min (now active); it holds the xmin horizon back "
           "by 1,234,567 transactions."
        << QStringList{"xmin horizon", "vacuum", "application nightly-load"} << QString()
        << QList<qint64>{6001};

    QTest::newRow("ddl queued")
        << ddlQueued() << "ddl-queued"
        << "critical"
        << "ALTER TABLE from pid 5003 (migration) has been queued for 3 min behind the "
           "transaction of pid 4242 (open for 15 min); 3 sessions that only read public.orders "
           "wait behind the ALTER."
        << QStringList{"Cancel the ALTER TABLE", "lock_timeout", "transaction of pid 4242"}
        << "SELECT pg_cancel_backend(5003);" << QList<qint64>{5003, 4242};
    QTest::newRow("ddl queued, lower case after a comment, mixed waiters")
        << ddlMixedWaiters() << "ddl-queued"
        << "critical"
        << "TRUNCATE from pid 5003 (migration) has been queued for 1 min behind the transaction "
           "of pid 4242 (open for 15 min); 3 sessions wait behind the TRUNCATE on public.orders "
           "(2 of them only read)."
        << QStringList{"Cancel the TRUNCATE"} << "SELECT pg_cancel_backend(5003);"
        << QList<qint64>{5003, 4242};
    QTest::newRow("ddl queued, nothing behind yet: warning")
        << ddlQueued(Engine::PostgreSQL, "CREATE UNIQUE INDEX orders_ref ON orders (ref)", 45, 0)
        << "ddl-queued"
        << "warning"
        << "CREATE INDEX from pid 5003 (migration) has been queued for 45 s behind the "
           "transaction of pid 4242 (open for 15 min); nothing waits behind it yet."
        << QStringList{} << "SELECT pg_cancel_backend(5003);" << QList<qint64>{5003, 4242};
    QTest::newRow("ddl queued, MySQL metadata lock")
        << ddlQueued(Engine::MySQL, "ALTER TABLE orders ADD COLUMN note text", 180, 1)
        << "ddl-queued"
        << "critical"
        << "ALTER TABLE from pid 5003 (migration) has been queued for 3 min behind the "
           "transaction of pid 4242 (open for 15 min); 1 session that only reads public.orders "
           "waits behind the ALTER."
        << QStringList{"lock_wait_timeout"} << "KILL QUERY 5003;" << QList<qint64>{5003, 4242};
}

void TestFindings::fires() {
    QFETCH(Snapshot, snapshot);
    QFETCH(QString, code);
    QFETCH(QString, severity);
    QFETCH(QString, summary);
    QFETCH(QStringList, nextContains);
    QFETCH(QString, command);
    QFETCH(QList<qint64>, pids);

    const std::vector<Finding> findings = deriveFindings(snapshot);
    const Finding* f = find(findings, code);
    QVERIFY2(f, qPrintable(describe(findings)));
    QCOMPARE(QString::fromLatin1(severityName(f->severity)), severity);
    QCOMPARE(QString::fromStdString(f->summary), summary);
    const QString next = QString::fromStdString(f->nextStep);
    for (const QString& part : nextContains)
        QVERIFY2(next.contains(part), qPrintable(next));
    QCOMPARE(QString::fromStdString(f->command), command);
    QVERIFY(f->pids.size() >= std::size_t(pids.size()));
    for (qsizetype i = 0; i < pids.size(); ++i)
        QCOMPARE(qint64(f->pids[std::size_t(i)]), pids[i]);
}

void TestFindings::quiet_data() {
    QTest::addColumn<Snapshot>("snapshot");
    QTest::addColumn<QString>("code");

    QTest::newRow("connections at 79 %") << saturation(355) << "connection-saturation";
    QTest::newRow("no lock waits") << longRunning(30) << "root-blocker";
    QTest::newRow("no cycle") << rootBlocker() << "lock-cycle";
    QTest::newRow("idle in transaction 4 min") << analysed([] {
        Snapshot s = base();
        s.sessions.push_back(idleInTx(1, 240, 245));
        return s;
    }()) << "idle-in-transaction";
    QTest::newRow("only the root blocker is idle in transaction")
        << rootBlocker() << "idle-in-transaction";
    QTest::newRow("statements under 1 min (and not ours, not autovacuum)")
        << longRunning(59) << "long-running-query";
    QTest::newRow("lock waiters are not long-running queries")
        << smallRoot(600) << "long-running-query";
    QTest::newRow("transaction 4 min") << analysed([] {
        Snapshot s = base();
        Session x = active(1, 5, "INSERT INTO t VALUES ($1)");
        x.transactionStart = ago(240);
        s.sessions.push_back(x);
        return s;
    }()) << "long-transaction";
    QTest::newRow("DDL queued 2 s, nothing behind")
        << ddlQueued(Engine::PostgreSQL, "ALTER TABLE orders ADD COLUMN x int", 2, 0)
        << "ddl-queued";
    QTest::newRow("UPDATE is not DDL") << rootBlocker() << "ddl-queued";
    QTest::newRow("DDL not waiting") << analysed([] {
        Snapshot s = base();
        s.sessions.push_back(active(1, 600, "VACUUM FULL orders", "ops", "dba"));
        return s;
    }()) << "ddl-queued";
}

void TestFindings::quiet() {
    QFETCH(Snapshot, snapshot);
    QFETCH(QString, code);
    const std::vector<Finding> findings = deriveFindings(snapshot);
    QVERIFY2(!find(findings, code), qPrintable(describe(findings)));
}

void TestFindings::noDuplicateReports() {
    // The root blocker is not counted again as idle in transaction; the ALTER and its readers
    // (lock waiters) are not long-running queries.
    const std::vector<Finding> ddl =
        deriveFindings(ddlQueued(Engine::PostgreSQL, "ALTER TABLE orders DROP COLUMN x", 400, 3));
    QVERIFY(find(ddl, QStringLiteral("ddl-queued")));
    QVERIFY(find(ddl, QStringLiteral("root-blocker")));
    QVERIFY(!find(ddl, QStringLiteral("long-running-query")));
    QVERIFY(!find(ddl, QStringLiteral("long-transaction")));
    QCOMPARE(ddl.size(), std::size_t(2));

    // Long transaction leaves out the idle-in-transaction session 6002.
    const std::vector<Finding> lt = deriveFindings(longTransaction());
    const Finding* f = find(lt, QStringLiteral("long-transaction"));
    QVERIFY(f);
    QCOMPARE(f->pids, std::vector<std::int64_t>{6001});
    QVERIFY(find(lt, QStringLiteral("idle-in-transaction")));
}

void TestFindings::sortedBySeverity() {
    Snapshot s = saturation(412); // warning
    Snapshot r = rootBlocker();   // critical
    s.sessions.insert(s.sessions.end(), r.sessions.begin(), r.sessions.end());
    s.lockWaits = r.lockWaits;
    s.heldLocks = r.heldLocks;
    s.sessions.push_back(idleInTx(8000, 4000, 4000)); // warning
    const std::vector<Finding> findings = deriveFindings(analysed(s));
    QVERIFY(findings.size() >= 3);
    QCOMPARE(findings.front().code, std::string("root-blocker"));
    for (std::size_t i = 1; i < findings.size(); ++i)
        QVERIFY(int(findings[i - 1].severity) >= int(findings[i].severity));
    QVERIFY(find(findings, QStringLiteral("connection-saturation")));
    QVERIFY(find(findings, QStringLiteral("idle-in-transaction")));
}

void TestFindings::noCommandsForPlainFacts() {
    const std::vector<Finding> sat = deriveFindings(saturation(412));
    QVERIFY(find(sat, QStringLiteral("connection-saturation"))->command.empty());
    // Nothing at all for a quiet server.
    QVERIFY(deriveFindings(analysed(base())).empty());
}

void TestFindings::formatDuration_data() {
    QTest::addColumn<double>("seconds");
    QTest::addColumn<QString>("text");
    QTest::newRow("negative") << -5.0 << "0 s";
    QTest::newRow("zero") << 0.0 << "0 s";
    QTest::newRow("250 ms") << 0.25 << "250 ms";
    QTest::newRow("999.6 ms rounds up to 1 s") << 0.9996 << "1 s";
    QTest::newRow("45 s") << 45.7 << "45 s";
    QTest::newRow("90 s") << 90.0 << "1 min 30 s";
    QTest::newRow("3 min") << 180.0 << "3 min";
    QTest::newRow("12 min") << 725.0 << "12 min";
    QTest::newRow("2 h 05 min") << 7500.0 << "2 h 05 min";
    QTest::newRow("23 h 59 min") << 86399.0 << "23 h 59 min";
    QTest::newRow("3 d 04 h") << 3 * 86400.0 + 4 * 3600.0 + 59 << "3 d 04 h";
    QTest::newRow("absurd, from a bundle: capped") << 1e300 << "104166666666666 d 16 h";
    QTest::newRow("infinity") << std::numeric_limits<double>::infinity()
                              << "104166666666666 d 16 h";
}

void TestFindings::formatDuration() {
    QFETCH(double, seconds);
    QFETCH(QString, text);
    QCOMPARE(QString::fromStdString(dbt::formatDuration(seconds)), text);
}

void TestFindings::otherTextHelpers() {
    QCOMPARE(formatBytes(512), std::string("512 B"));
    QCOMPARE(formatBytes(1536), std::string("1.5 KiB"));
    QCOMPARE(formatBytes(12897484), std::string("12.3 MiB"));
    QCOMPARE(formatBytes(1288490189), std::string("1.2 GiB"));
    QCOMPARE(formatCount(0), std::string("0"));
    QCOMPARE(formatCount(999), std::string("999"));
    QCOMPARE(formatCount(1000), std::string("1,000"));
    QCOMPARE(formatCount(1234567), std::string("1,234,567"));
    QCOMPARE(formatCount(-123456), std::string("-123,456"));
    QCOMPARE(formatPercent(0.9156), std::string("92 %"));
    QCOMPARE(plural(1, "session"), std::string("1 session"));
    QCOMPARE(plural(1500, "session"), std::string("1,500 sessions"));
    QCOMPARE(joinWithAnd({"a", "b", "c"}), std::string("a, b and c"));
    QCOMPARE(joinWithAnd({"a"}), std::string("a"));
    QCOMPARE(quoteSqlLiteral("it's"), std::string("'it''s'"));
    QCOMPARE(quoteIdentifier("orders"), std::string("orders"));
    QCOMPARE(quoteIdentifier("Order Items"), std::string("\"Order Items\""));
    QCOMPARE(quoteIdentifier("a\"b"), std::string("\"a\"\"b\""));
    QCOMPARE(oneLine("  SELECT *\n\tFROM   orders  "), std::string("SELECT * FROM orders"));
    QCOMPARE(oneLine("SELECT 'ééééé'", 10), std::string("SELECT '\xC3\xA9\xE2\x80\xA6"));
    QCOMPARE(leadingKeywords("  /* a /* nested */ */ -- x\n alter table t", 2),
             (std::vector<std::string>{"ALTER", "TABLE"}));
    QCOMPARE(leadingKeywords("VACUUM (FULL, VERBOSE) t", 2),
             (std::vector<std::string>{"VACUUM", "FULL"}));
    QVERIFY(leadingKeywords("/* unterminated", 1).empty());
}

QTEST_GUILESS_MAIN(TestFindings)
#include "tst_findings.moc"
