// Integration tests of the MySQL / MariaDB monitoring driver against the sandbox MariaDB
// 10.11 (scripts/sandbox start; variables from its env file). Workload sessions are opened
// by the test through the C API, send their blocking statement without waiting
// (mysql_send_query) and are waited for through the process list before the driver samples.
#include "analysis.h"
#include "collect/collector.h"
#include "engines/engine.h"
#include "engines/mysql/mysqlrows.h"
#include "engines/mysql/mysqlsession.h"
#include "engines/mysql/mysqluri.h"
#include "snapshot_json.h"
#include "waitgraph.h"

#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryFile>
#include <QTest>
#include <QThread>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <map>
#include <memory>
#include <mysql.h>
#include <netinet/in.h>
#include <regex>
#include <set>
#include <string>
#include <sys/socket.h>
#include <unistd.h>
#include <vector>

using namespace dbt;

namespace {

std::map<std::string, std::string> gEnv;

// Environment first; the sandbox env file (DBTRIAGE_SANDBOX_ENV) fills the gaps.
void loadEnv() {
    const char* file = std::getenv("DBTRIAGE_SANDBOX_ENV");
    if (file) {
        std::ifstream in(file);
        std::string line;
        const std::regex re(R"(^\s*(?:export\s+)?([A-Z0-9_]+)='?([^']*)'?\s*$)");
        std::smatch m;
        while (std::getline(in, line))
            if (std::regex_match(line, m, re))
                gEnv[m[1]] = m[2];
    }
    for (const char* name : {"DBTRIAGE_MARIADB_ADMIN_URI", "DBTRIAGE_MARIADB_MONITOR_URI",
                             "DBTRIAGE_MARIADB_PLAIN_URI", "DBTRIAGE_MARIADB_NOPS_URI",
                             "DBTRIAGE_MARIADB_NOPS_ADMIN_URI", "DBTRIAGE_MARIADB_LOG",
                             "DBTRIAGE_MARIADB_ADMIN_PASSWORD", "DBTRIAGE_MARIADB_HOST",
                             "DBTRIAGE_MARIADB_PORT", "DBTRIAGE_PG_PORT"})
        if (const char* v = std::getenv(name))
            gEnv[name] = v;
}

std::string env(const char* name) {
    const auto it = gEnv.find(name);
    return it == gEnv.end() ? std::string() : it->second;
}

// A plain C API connection for set-up and workload (never the driver).
class RawConn {
public:
    RawConn(const std::string& uri, const char* program) {
        const auto t = mysql::parseMysqlTarget(uri);
        db_ = mysql_init(nullptr);
        mysql_optionsv(db_, MYSQL_OPT_CONNECT_ATTR_ADD, "program_name", program);
        mysql_optionsv(db_, MYSQL_SET_CHARSET_NAME, "utf8mb4");
        if (!mysql_real_connect(db_, t.host.c_str(), t.user ? t.user->c_str() : nullptr,
                                t.password ? t.password->c_str() : nullptr,
                                t.database.empty() ? nullptr : t.database.c_str(), t.port, nullptr,
                                0))
            qFatal("workload connection failed: %s", mysql_error(db_));
        id_ = mysql_thread_id(db_);
        exec("SET SESSION innodb_lock_wait_timeout = 120, lock_wait_timeout = 120");
    }
    ~RawConn() {
        // A statement still blocked (a failed test) must not hold the test up: drop the
        // socket; the server ends the session when the statement returns.
        if (pending_)
            mariadb_cancel(db_);
        else
            drain();
        mysql_close(db_);
    }
    RawConn(const RawConn&) = delete;
    RawConn& operator=(const RawConn&) = delete;

    unsigned long id() const { return id_; }

    // Runs sql and returns the first field of the first row ("" when none). Fails the
    // process on errors: a broken workload makes every later assertion meaningless.
    std::string exec(const std::string& sql) {
        if (mysql_real_query(db_, sql.data(), sql.size()) != 0)
            qFatal("workload statement failed (%s): %s", sql.c_str(), mysql_error(db_));
        return takeResult();
    }
    bool tryExec(const std::string& sql, unsigned* error = nullptr) {
        if (mysql_real_query(db_, sql.data(), sql.size()) != 0) {
            if (error)
                *error = mysql_errno(db_);
            return false;
        }
        takeResult();
        return true;
    }
    // Sends sql without waiting for its result (it may block on a lock).
    void send(const std::string& sql) {
        if (mysql_send_query(db_, sql.data(), sql.size()) != 0)
            qFatal("send failed: %s", mysql_error(db_));
        pending_ = true;
    }
    // Waits for the result of send().
    bool finish() {
        pending_ = false;
        if (mysql_read_query_result(db_) != 0)
            return false;
        takeResult();
        return true;
    }

private:
    std::string takeResult() {
        std::string value;
        if (MYSQL_RES* res = mysql_store_result(db_)) {
            if (MYSQL_ROW row = mysql_fetch_row(res); row && mysql_num_fields(res) > 0 && row[0])
                value = row[0];
            mysql_free_result(res);
        }
        drain();
        return value;
    }
    void drain() {
        while (mysql_more_results(db_) && mysql_next_result(db_) == 0)
            if (MYSQL_RES* r = mysql_store_result(db_))
                mysql_free_result(r);
    }

    MYSQL* db_ = nullptr;
    unsigned long id_ = 0;
    bool pending_ = false;
};

bool waitFor(const std::function<bool()>& condition, int timeoutMs = 15000) {
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < timeoutMs) {
        if (condition())
            return true;
        // Slower than 100 ms: InnoDB refreshes its INFORMATION_SCHEMA cache (INNODB_TRX,
        // INNODB_LOCKS) only when it was not read in the last 100 ms.
        QThread::msleep(200);
    }
    return condition();
}

std::unique_ptr<EngineSession> engineFor(const std::string& uri, bool redact = true) {
    ConnectOptions o;
    o.target = uri;
    o.redact = redact;
    return makeMysqlSession(o);
}

const Finding* findingByCode(const std::vector<Finding>& fs, const std::string& code) {
    for (const auto& f : fs)
        if (f.code == code)
            return &f;
    return nullptr;
}

std::string probeStatus(const Snapshot& s, const std::string& name) {
    for (const auto& p : s.probes)
        if (p.probe == name)
            return p.status;
    return "(no probe)";
}

const Session* sessionOf(const Snapshot& s, unsigned long id) {
    return s.session(static_cast<std::int64_t>(id));
}

bool validUtf8(const std::string& s) {
    return QString::fromStdString(s).toStdString() == s;
}

int freePort() {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ::bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a);
    socklen_t len = sizeof a;
    ::getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len);
    ::close(fd);
    return ntohs(a.sin_port);
}

} // namespace

class TestMariadbEngine : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<RawConn> admin_;
    std::string db_;

    // Number of sessions in the process list in a given state (as the server says it).
    int countState(const std::string& like) {
        return std::stoi(admin_->exec("SELECT COUNT(*) FROM information_schema.PROCESSLIST "
                                      "WHERE STATE LIKE '" +
                                      like + "'"));
    }
    int lockWaits() {
        return std::stoi(admin_->exec(
            "SELECT COUNT(*) FROM information_schema.INNODB_TRX WHERE trx_state = 'LOCK WAIT'"));
    }

private slots:
    void initTestCase() {
        loadEnv();
        if (env("DBTRIAGE_MARIADB_ADMIN_URI").empty())
            QFAIL("DBTRIAGE_MARIADB_ADMIN_URI is not set: start the sandbox (scripts/sandbox "
                  "start) and run through ctest, or set DBTRIAGE_SANDBOX_ENV.");
        admin_ = std::make_unique<RawConn>(env("DBTRIAGE_MARIADB_ADMIN_URI"), "tst_admin");
        db_ = mysql::parseMysqlTarget(env("DBTRIAGE_MARIADB_ADMIN_URI")).database;
        QVERIFY(!db_.empty());
        for (const char* sql :
             {"DROP TABLE IF EXISTS tst_my_rowlock, tst_my_mdl, tst_my_log",
              "CREATE TABLE tst_my_rowlock (id INT PRIMARY KEY, v INT) ENGINE=InnoDB",
              "INSERT INTO tst_my_rowlock VALUES (1, 0), (2, 0), (3, 0)",
              "CREATE TABLE tst_my_mdl (id INT PRIMARY KEY) ENGINE=InnoDB",
              "INSERT INTO tst_my_mdl VALUES (1)", "CREATE TABLE tst_my_log (id INT) ENGINE=InnoDB",
              "DROP FUNCTION IF EXISTS tst_my_write",
              "CREATE FUNCTION tst_my_write() RETURNS INT MODIFIES SQL DATA "
              "BEGIN INSERT INTO tst_my_log VALUES (1); RETURN 1; END"})
            admin_->exec(sql);
    }

    void cleanupTestCase() {
        if (!admin_)
            return;
        admin_->exec("DROP TABLE IF EXISTS tst_my_rowlock, tst_my_mdl, tst_my_log");
        admin_->exec("DROP FUNCTION IF EXISTS tst_my_write");
    }

    void connectsAsMonitor() {
        auto e = engineFor(env("DBTRIAGE_MARIADB_MONITOR_URI"));
        const ServerInfo info = e->connect();
        QVERIFY(e->connected());
        QCOMPARE(info.engine, Engine::MariaDB);
        QVERIFY2(info.versionNum >= 101100, info.version.c_str());
        QVERIFY(!info.superuser);
        QVERIFY(info.readAllStats);
        QCOMPARE(info.database, db_);
        QCOMPARE(info.settings.at("performance_schema"), std::string("ON"));
        const auto findings = e->preflightFindings();
        QVERIFY(!findingByCode(findings, "mysql-no-process-privilege"));
        QVERIFY(!findingByCode(findings, "mysql-broad-privileges"));
        QVERIFY(!findingByCode(findings, "mysql-performance-schema-off"));
        QVERIFY(!findingByCode(findings, "mysql-mdl-instrument-off"));

        Snapshot s;
        e->sample(s);
        for (const auto& p : s.probes) // not a replica: no replication note either
            QVERIFY2(p.ok(), (p.probe + ": " + p.status).c_str());
        QVERIFY(s.connections.total >= 1);
        QVERIFY(s.connections.max > 0);
        QVERIFY(s.health.cacheHitRatio.has_value());
        QVERIFY(!s.statements.empty()); // the sandbox's own set-up statements at least
        for (const auto& st : s.statements)
            QVERIFY(!st.id.empty() && st.calls > 0);
        // The tool's own statements carry the tag again (digest texts lose comments), so
        // that the collector leaves them out of the top statements.
        Snapshot again;
        e->sample(again);
        int own = 0;
        for (const auto& st : again.statements) {
            const bool tagged = st.query.rfind("/* dbtriage */ ", 0) == 0;
            own += tagged;
            if (st.query.find("dbtriage_tag") != std::string::npos) // any dbtriage session
                QVERIFY2(tagged, st.query.c_str());
        }
        QVERIFY(own >= 3);
        e->disconnect();
        QVERIFY(!e->connected());
    }

    void broadPrivilegesWarned() {
        auto e = engineFor(env("DBTRIAGE_MARIADB_ADMIN_URI"));
        const ServerInfo info = e->connect();
        QVERIFY(info.superuser);
        const auto findings = e->preflightFindings();
        const Finding* f = findingByCode(findings, "mysql-broad-privileges");
        QVERIFY(f);
        QCOMPARE(f->severity, Severity::Warning);
        QVERIFY(f->command.find("GRANT PROCESS ON *.* TO") != std::string::npos);
        QVERIFY(f->command.find("GRANT SELECT ON performance_schema.* TO") != std::string::npos);
        QVERIFY(f->command.find("GRANT SELECT ON sys.* TO") != std::string::npos);
    }

    void rowLockChain() {
        // A holds row 1; B holds row 2 and waits for row 1 (A); C waits for row 2 (B).
        RawConn a(env("DBTRIAGE_MARIADB_ADMIN_URI"), "tst_row_a");
        RawConn b(env("DBTRIAGE_MARIADB_ADMIN_URI"), "tst_row_b");
        RawConn c(env("DBTRIAGE_MARIADB_ADMIN_URI"), "tst_row_c");
        a.exec("BEGIN");
        a.exec("UPDATE tst_my_rowlock SET v = v + 1 WHERE id = 1");
        b.exec("BEGIN");
        b.exec("UPDATE tst_my_rowlock SET v = v + 1 WHERE id = 2");
        b.send("UPDATE tst_my_rowlock SET v = v + 1 WHERE id = 1");
        QVERIFY2(waitFor([&] { return lockWaits() == 1; }), std::to_string(lockWaits()).c_str());
        c.exec("BEGIN");
        c.send("UPDATE tst_my_rowlock SET v = v + 1 WHERE id = 2");
        QVERIFY2(waitFor([&] { return lockWaits() == 2; }),
                 admin_
                     ->exec("SELECT GROUP_CONCAT(CONCAT(ID, ':', COMMAND, ':', IFNULL(STATE, '-'), "
                            "':', IFNULL(INFO, '-'))) FROM information_schema.PROCESSLIST")
                     .c_str());

        auto e = engineFor(env("DBTRIAGE_MARIADB_MONITOR_URI"));
        e->connect();
        Snapshot s;
        e->sample(s);
        QCOMPARE(probeStatus(s, "row locks"), std::string("ok"));

        std::set<std::string> edges;
        for (const auto& w : s.lockWaits) {
            const std::int64_t ids[] = {static_cast<std::int64_t>(a.id()),
                                        static_cast<std::int64_t>(b.id()),
                                        static_cast<std::int64_t>(c.id())};
            if (std::find(std::begin(ids), std::end(ids), w.waitingPid) == std::end(ids))
                continue;
            edges.insert(std::to_string(w.waitingPid) + "->" + std::to_string(w.blockingPid) + " " +
                         w.lockType + " " + w.mode + " " + w.object + (w.hard ? " hard" : " soft"));
        }
        const std::string table = db_ + ".tst_my_rowlock";
        const std::set<std::string> expected = {
            std::to_string(b.id()) + "->" + std::to_string(a.id()) +
                " record X row (PRIMARY: 1) of " + table + " hard",
            std::to_string(c.id()) + "->" + std::to_string(b.id()) +
                " record X row (PRIMARY: 2) of " + table + " hard",
        };
        QCOMPARE(edges, expected);

        const Session* sa = sessionOf(s, a.id());
        const Session* sb = sessionOf(s, b.id());
        QVERIFY(sa && sb);
        QCOMPARE(sa->state, std::string("idle in transaction"));
        QVERIFY(sa->transactionStart.has_value());
        QCOMPARE(sa->application, std::string("tst_row_a"));
        QCOMPARE(sb->state, std::string("active"));
        QCOMPARE(sb->waitEventType, std::string("Lock"));
        QCOMPARE(sb->waitEvent, std::string("row lock"));
        QVERIFY(sb->query.find("UPDATE tst_my_rowlock") != std::string::npos);
        QCOMPARE(s.connections.byState.at("idle in transaction"), 1);
        bool heldByA = false;
        for (const auto& h : s.heldLocks)
            heldByA = heldByA || (h.pid == static_cast<std::int64_t>(a.id()) &&
                                  h.object == "row (PRIMARY: 1) of " + table);
        QVERIFY(heldByA);
        QVERIFY(s.health.longestTransactionSeconds.has_value());

        const WaitGraph g = analyzeWaitGraph(s.sessions, s.lockWaits, s.heldLocks);
        QCOMPARE(g.roots.size(), std::size_t(1));
        QCOMPARE(g.roots[0].pid, static_cast<std::int64_t>(a.id()));
        QCOMPARE(g.roots[0].blockedTotal, 2);
        QCOMPARE(g.roots[0].blockedDirect, 1);
        QCOMPARE(g.roots[0].depth, 2);
        QCOMPARE(g.roots[0].state, std::string("idle in transaction"));

        a.exec("ROLLBACK");
        QVERIFY(b.finish());
        b.exec("ROLLBACK");
        QVERIFY(c.finish());
        c.exec("ROLLBACK");
    }

    // Many waiters on one row: INNODB_LOCK_WAITS pairs each with every waiter queued ahead
    // (n²/2 rows: 3,240 for 80), more than the 2,000 rows read. The holder stays the only
    // root blocker of all of them, each waiter keeps at most one soft edge, and nothing is
    // cut (the read would have lost the holder's rows and made waiters into roots).
    void manyWaitersOnOneRow() {
        constexpr int kWaiters = 80;
        RawConn holder(env("DBTRIAGE_MARIADB_ADMIN_URI"), "tst_many_holder");
        holder.exec("BEGIN");
        holder.exec("UPDATE tst_my_rowlock SET v = v + 1 WHERE id = 3");
        std::vector<std::unique_ptr<RawConn>> waiters;
        std::set<std::int64_t> pids;
        for (int i = 0; i < kWaiters; ++i) {
            waiters.push_back(
                std::make_unique<RawConn>(env("DBTRIAGE_MARIADB_ADMIN_URI"), "tst_many_waiter"));
            pids.insert(static_cast<std::int64_t>(waiters.back()->id()));
            waiters.back()->send("UPDATE tst_my_rowlock SET v = v + 1 WHERE id = 3");
        }
        QVERIFY2(waitFor([&] { return lockWaits() == kWaiters; }),
                 std::to_string(lockWaits()).c_str());
        QVERIFY(std::stoi(admin_->exec(
                    "SELECT COUNT(*) FROM information_schema.INNODB_LOCK_WAITS")) > 2000);

        auto e = engineFor(env("DBTRIAGE_MARIADB_MONITOR_URI"));
        e->connect();
        Snapshot s;
        e->sample(s);
        QCOMPARE(probeStatus(s, "row locks"), std::string("ok"));
        std::set<std::int64_t> waiting, hardOnHolder;
        std::map<std::int64_t, int> soft;
        for (const LockWait& w : s.lockWaits) {
            if (!pids.count(w.waitingPid))
                continue;
            waiting.insert(w.waitingPid);
            if (w.hard && w.blockingPid == static_cast<std::int64_t>(holder.id()))
                hardOnHolder.insert(w.waitingPid);
            if (!w.hard)
                ++soft[w.waitingPid];
        }
        QCOMPARE(waiting, pids);
        QCOMPARE(hardOnHolder, pids);
        for (const auto& [pid, n] : soft)
            QVERIFY2(n == 1, std::to_string(pid).c_str());
        const WaitGraph g = analyzeWaitGraph(s.sessions, s.lockWaits, s.heldLocks);
        QCOMPARE(g.roots.size(), std::size_t(1));
        QCOMPARE(g.roots[0].pid, static_cast<std::int64_t>(holder.id()));
        QCOMPARE(g.roots[0].blockedTotal, kWaiters);

        holder.exec("ROLLBACK");
        for (auto& w : waiters) {
            QVERIFY(w->finish());
            w->exec("ROLLBACK");
        }
    }

    void metadataLockQueue() {
        // A read t in an open transaction; the ALTER waits for A; readers queue behind it.
        RawConn a(env("DBTRIAGE_MARIADB_ADMIN_URI"), "tst_mdl_a");
        RawConn alter(env("DBTRIAGE_MARIADB_ADMIN_URI"), "tst_mdl_alter");
        RawConn r1(env("DBTRIAGE_MARIADB_ADMIN_URI"), "tst_mdl_r1");
        RawConn r2(env("DBTRIAGE_MARIADB_ADMIN_URI"), "tst_mdl_r2");
        a.exec("BEGIN");
        a.exec("SELECT COUNT(*) FROM tst_my_mdl");
        alter.send("ALTER TABLE tst_my_mdl ADD COLUMN note INT");
        QVERIFY(waitFor([&] { return countState("Waiting for table metadata lock") == 1; }));
        r1.send("SELECT * FROM tst_my_mdl");
        r2.send("SELECT * FROM tst_my_mdl");
        QVERIFY(waitFor([&] { return countState("Waiting for table metadata lock") == 3; }));

        auto e = engineFor(env("DBTRIAGE_MARIADB_MONITOR_URI"));
        e->connect();
        Snapshot s;
        e->sample(s);
        QCOMPARE(probeStatus(s, "metadata locks"), std::string("ok"));
        const auto A = static_cast<std::int64_t>(a.id());
        const auto X = static_cast<std::int64_t>(alter.id());
        const auto R1 = static_cast<std::int64_t>(r1.id());
        const auto R2 = static_cast<std::int64_t>(r2.id());
        const std::string table = db_ + ".tst_my_mdl";
        std::map<std::pair<std::int64_t, std::int64_t>, LockWait> edges;
        for (const auto& w : s.lockWaits)
            edges[{w.waitingPid, w.blockingPid}] = w;
        const auto edge = [&](std::int64_t waiter, std::int64_t blocker) -> const LockWait* {
            const auto it = edges.find({waiter, blocker});
            return it == edges.end() ? nullptr : &it->second;
        };
        QVERIFY(edge(X, A));
        QVERIFY(edge(X, A)->hard);
        QCOMPARE(edge(X, A)->lockType, std::string("metadata"));
        QCOMPARE(edge(X, A)->object, table);
        for (const auto r : {R1, R2}) {
            QVERIFY(edge(r, X));
            QVERIFY(!edge(r, X)->hard); // queued behind the pending ALTER
            QCOMPARE(edge(r, X)->mode, std::string("SHARED_READ"));
            QVERIFY(!edge(r, A)); // SHARED_READ is compatible with A's lock
        }
        QVERIFY(!edge(R1, R2) && !edge(R2, R1));
        const Session* sx = sessionOf(s, alter.id());
        QVERIFY(sx);
        QCOMPARE(sx->waitEvent, std::string("metadata lock"));
        bool heldByA = false;
        for (const auto& h : s.heldLocks)
            heldByA = heldByA || (h.pid == A && h.lockType == "metadata" && h.object == table);
        QVERIFY(heldByA);

        const WaitGraph g = analyzeWaitGraph(s.sessions, s.lockWaits, s.heldLocks);
        QCOMPARE(g.roots.size(), std::size_t(1));
        QCOMPARE(g.roots[0].pid, A);
        QCOMPARE(g.roots[0].blockedTotal, 3);

        a.exec("COMMIT");
        QVERIFY(alter.finish());
        QVERIFY(r1.finish());
        QVERIFY(r2.finish());
        admin_->exec("ALTER TABLE tst_my_mdl DROP COLUMN note");
    }

    void performanceSchemaOff() {
        auto e = engineFor(env("DBTRIAGE_MARIADB_NOPS_URI"));
        e->connect();
        const auto findings = e->preflightFindings();
        const Finding* f = findingByCode(findings, "mysql-performance-schema-off");
        QVERIFY(f);
        QVERIFY(f->command.find("performance_schema = ON") != std::string::npos);
        QVERIFY(f->nextStep.find("restart") != std::string::npos);

        // A metadata-lock waiter still shows as waiting, blocker unknown.
        const std::string adminUri = env("DBTRIAGE_MARIADB_NOPS_ADMIN_URI");
        if (adminUri.empty())
            QSKIP("DBTRIAGE_MARIADB_NOPS_ADMIN_URI not set");
        RawConn admin(adminUri, "tst_nops_admin");
        admin.exec("DROP TABLE IF EXISTS tst_my_nops");
        admin.exec("CREATE TABLE tst_my_nops (id INT PRIMARY KEY) ENGINE=InnoDB");
        {
            RawConn a(adminUri, "tst_nops_a");
            RawConn alter(adminUri, "tst_nops_alter");
            a.exec("BEGIN");
            a.exec("SELECT COUNT(*) FROM tst_my_nops");
            alter.send("ALTER TABLE tst_my_nops ADD COLUMN note INT");
            QVERIFY(waitFor([&] {
                return admin.exec("SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE "
                                  "STATE = 'Waiting for table metadata lock'") == "1";
            }));
            Snapshot s;
            e->sample(s);
            const Session* sx = sessionOf(s, alter.id());
            QVERIFY(sx);
            QCOMPARE(sx->waitEventType, std::string("Lock"));
            QCOMPARE(sx->waitEvent, std::string("metadata lock"));
            for (const auto& w : s.lockWaits)
                QVERIFY(w.waitingPid != static_cast<std::int64_t>(alter.id()));
            QVERIFY2(probeStatus(s, "metadata locks").rfind("unavailable: ", 0) == 0,
                     probeStatus(s, "metadata locks").c_str());
            QCOMPARE(probeStatus(s, "statements"),
                     std::string("unavailable: performance_schema is OFF"));
            QCOMPARE(probeStatus(s, "sessions"), std::string("ok"));
            a.exec("COMMIT");
            QVERIFY(alter.finish());
        }
        admin.exec("DROP TABLE tst_my_nops");
    }

    void withoutProcessPrivilege() {
        auto e = engineFor(env("DBTRIAGE_MARIADB_PLAIN_URI"));
        const ServerInfo info = e->connect();
        QVERIFY(!info.readAllStats);
        const auto findings = e->preflightFindings();
        const Finding* f = findingByCode(findings, "mysql-no-process-privilege");
        QVERIFY(f);
        QVERIFY(f->command.rfind("GRANT PROCESS ON *.* TO 'dbtriage_plain'@", 0) == 0);
        QVERIFY(findingByCode(findings, "mysql-no-performance-schema-select"));
        Snapshot s;
        e->sample(s);
        QCOMPARE(probeStatus(s, "sessions"), std::string("ok"));
        QVERIFY(probeStatus(s, "transactions").rfind("unavailable: ", 0) == 0);
        QVERIFY(probeStatus(s, "row locks").rfind("unavailable: ", 0) == 0);
        QVERIFY(probeStatus(s, "metadata locks").rfind("unavailable: ", 0) == 0);
        QVERIFY(probeStatus(s, "statements").rfind("unavailable: ", 0) == 0);
        for (const auto& session : s.sessions)
            QCOMPARE(session.user, std::string("dbtriage_plain"));
    }

    void connectErrors() {
        const auto target = mysql::parseMysqlTarget(env("DBTRIAGE_MARIADB_MONITOR_URI"));
        const std::string host = target.host;
        const std::string port = std::to_string(target.port);
        const auto expectError = [](const std::string& uri, EngineError::Kind kind,
                                    const char* mustContain, int maxMs) {
            QElapsedTimer t;
            t.start();
            try {
                ConnectOptions o;
                o.target = uri;
                o.connectTimeoutS = 3;
                makeMysqlSession(o)->connect();
                QFAIL(("no error for " + describeTarget(uri)).c_str());
            } catch (const EngineError& e) {
                const std::string what = e.what();
                QVERIFY2(e.kind() == kind, what.c_str());
                QVERIFY2(what.find(mustContain) != std::string::npos, what.c_str());
                QVERIFY2(what.find("Sup3rS3cret") == std::string::npos, what.c_str());
            }
            QVERIFY2(t.elapsed() < maxMs, std::to_string(t.elapsed()).c_str());
        };
        expectError("mysql://dbtriage_monitor:Sup3rS3cret@" + host + ":" + port + "/",
                    EngineError::Kind::Auth, "wrong password", 5000);
        expectError(env("DBTRIAGE_MARIADB_ADMIN_URI") + "_no_such_db", EngineError::Kind::Auth,
                    "does not exist", 5000);
        expectError("mysql://u:Sup3rS3cret@127.0.0.1:" + std::to_string(freePort()) + "/",
                    EngineError::Kind::Connect, "Could not connect", 5000);
        if (!env("DBTRIAGE_PG_PORT").empty())
            expectError("mysql://u:Sup3rS3cret@127.0.0.1:" + env("DBTRIAGE_PG_PORT") + "/",
                        EngineError::Kind::Connect, "PostgreSQL", 12000);
    }

    void credentialsFromOptionFileAndEnvironment() {
        const auto t = mysql::parseMysqlTarget(env("DBTRIAGE_MARIADB_MONITOR_URI"));
        const std::string base =
            "mysql://" + *t.user + "@" + t.host + ":" + std::to_string(t.port) + "/" + t.database;
        // ?option-file=: [client] password, as the mysql client reads it.
        QTemporaryFile cnf;
        QVERIFY(cnf.open());
        cnf.write(("[client]\npassword=" + t.password.value_or("") + "\n").c_str());
        cnf.flush();
        {
            auto e = engineFor(base + "?option-file=" + cnf.fileName().toStdString());
            QCOMPARE(e->connect().user, *t.user);
        }
        // MYSQL_PWD, read by Connector/C when the target has no password.
        qputenv("MYSQL_PWD", QByteArray::fromStdString(t.password.value_or("")));
        {
            auto e = engineFor(base);
            QCOMPARE(e->connect().user, *t.user);
        }
        qunsetenv("MYSQL_PWD");
        // An explicit (wrong) password in the target wins over both.
        try {
            engineFor("mysql://" + *t.user + ":wrong@" + t.host + ":" + std::to_string(t.port) +
                      "/?option-file=" + cnf.fileName().toStdString())
                ->connect();
            QFAIL("connected with a wrong password");
        } catch (const EngineError& e) {
            QCOMPARE(e.kind(), EngineError::Kind::Auth);
        }
    }

    void tlsRequiredWithoutServerTls() {
        // The sandbox's main MariaDB offers TLS (tst_tls); the nops instance does not.
        RawConn nops(env("DBTRIAGE_MARIADB_NOPS_ADMIN_URI"), "tst_nops_tls");
        QCOMPARE(nops.exec("SELECT @@have_ssl"), std::string("DISABLED"));
        try {
            engineFor(env("DBTRIAGE_MARIADB_NOPS_URI") + "?ssl-mode=REQUIRED")->connect();
            QFAIL("connected without TLS although ssl-mode=REQUIRED");
        } catch (const EngineError& e) {
            QCOMPARE(e.kind(), EngineError::Kind::Connect);
            QVERIFY2(std::string(e.what()).find("TLS") != std::string::npos, e.what());
        }
    }

    void binaryAndNullInfo() {
        RawConn w(env("DBTRIAGE_MARIADB_ADMIN_URI"), "tst_binary");
        // Invalid UTF-8 inside a comment of a running statement, and a NUL byte.
        const std::string sql =
            std::string("SELECT /* \xff\xfe\xc3 */ SLEEP(3), 'a\\0b', _binary 0xFF00FE");
        w.send(sql);
        QVERIFY(waitFor([&] {
            return admin_->exec("SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE ID = " +
                                std::to_string(w.id()) + " AND COMMAND = 'Query'") == "1";
        }));
        auto e = engineFor(env("DBTRIAGE_MARIADB_MONITOR_URI"), false);
        e->connect();
        Snapshot s;
        e->sample(s);
        const Session* sw = sessionOf(s, w.id());
        QVERIFY(sw);
        QVERIFY(validUtf8(sw->query));
        QVERIFY(sw->query.find("SLEEP(3)") != std::string::npos);
        for (const auto& x : s.sessions)
            QVERIFY(validUtf8(x.query) && validUtf8(x.user) && validUtf8(x.client));
        QVERIFY(w.finish());
    }

    // Bad input: a row lock on a latin1 key with a NUL byte (LOCK_DATA), and a waiter whose
    // statement text (INFO) holds a raw latin1 byte and binary bytes that are not UTF-8. The
    // snapshot, through the collector (redacted) and unredacted, is valid UTF-8 JSON.
    void oddBytesInLockDataAndInfo() {
        admin_->exec("DROP TABLE IF EXISTS tst_my_oddkey");
        admin_->exec("CREATE TABLE tst_my_oddkey (k VARCHAR(8) CHARACTER SET latin1 PRIMARY KEY, "
                     "v INT) ENGINE=InnoDB");
        admin_->exec("INSERT INTO tst_my_oddkey VALUES (_latin1 x'41E900FF', 0)");
        RawConn holder(env("DBTRIAGE_MARIADB_ADMIN_URI"), "tst_odd_holder");
        RawConn waiter(env("DBTRIAGE_MARIADB_ADMIN_URI"), "tst_odd_waiter");
        holder.exec("BEGIN");
        holder.exec("SELECT v FROM tst_my_oddkey WHERE k = _latin1 x'41E900FF' FOR UPDATE");
        waiter.exec("BEGIN");
        waiter.send(std::string("UPDATE tst_my_oddkey SET v = v + 1 WHERE k = _latin1 x'41E900FF' "
                                "AND _latin1'caf\xe9' <> _binary'\xff\xfe\x80' /* \xc3\x28 */"));
        QVERIFY(waitFor([&] { return lockWaits() == 1; }));

        auto unredacted = engineFor(env("DBTRIAGE_MARIADB_MONITOR_URI"), false);
        unredacted->connect();
        Snapshot raw;
        unredacted->sample(raw);
        CollectorOptions o;
        o.connect.target = env("DBTRIAGE_MARIADB_MONITOR_URI");
        Collector collector(o);
        collector.connect();
        const SnapshotPtr redacted = collector.sample();
        for (const Snapshot* s : {static_cast<const Snapshot*>(&raw), redacted.get()}) {
            QCOMPARE(probeStatus(*s, "row locks"), std::string("ok"));
            const LockWait* edge = nullptr;
            for (const LockWait& w : s->lockWaits)
                if (w.waitingPid == static_cast<std::int64_t>(waiter.id()))
                    edge = &w;
            QVERIFY(edge);
            QCOMPARE(edge->blockingPid, static_cast<std::int64_t>(holder.id()));
            QVERIFY2(edge->object.find("tst_my_oddkey") != std::string::npos, edge->object.c_str());
            QVERIFY(validUtf8(edge->object));
            const Session* w = sessionOf(*s, waiter.id());
            QVERIFY(w);
            QVERIFY(validUtf8(w->query));
            QVERIFY2(w->query.find("tst_my_oddkey") != std::string::npos, w->query.c_str());
            std::string json;
            try {
                json = dumpJson(snapshotToJson(*s));
            } catch (const std::exception& e) {
                QFAIL(e.what());
            }
            QVERIFY(validUtf8(json));
            QCOMPARE(parseJson(json).at("lock_waits").size(), s->lockWaits.size());
        }
        // Unredacted, the key's characters are kept (as the server converts them to UTF-8).
        bool keyShown = false;
        for (const LockWait& w : raw.lockWaits)
            keyShown = keyShown || w.object.find("A\xc3\xa9") != std::string::npos;
        QVERIFY(keyShown);
        holder.exec("ROLLBACK");
        QVERIFY(waiter.finish());
        waiter.exec("ROLLBACK");
        admin_->exec("DROP TABLE IF EXISTS tst_my_oddkey");
    }

    // Two dbtriage samplers on one server, as two accounts: in each one's statement window
    // the other's probes (SHOW, SET SESSION, information_schema and performance_schema
    // reads; digest texts have no comments) are left out, the user's statement is there.
    void twoSamplersHideEachOthersProbes() {
        RawConn user(env("DBTRIAGE_MARIADB_ADMIN_URI"), "tst_two_samplers");
        const auto collectorFor = [](const std::string& uri) {
            CollectorOptions o;
            o.connect.target = uri;
            o.statementIntervalMs = 0; // counters at every sample
            return std::make_unique<Collector>(o);
        };
        auto a = collectorFor(env("DBTRIAGE_MARIADB_ADMIN_URI"));
        auto b = collectorFor(env("DBTRIAGE_MARIADB_MONITOR_URI"));
        a->connect();
        const SnapshotPtr a1 = a->sample();
        b->connect(); // b's connect-time statements fall into a's window
        for (int i = 0; i < 3; ++i)
            user.exec("SELECT COUNT(*) AS tst_my_two_samplers FROM tst_my_rowlock");
        const SnapshotPtr b1 = b->sample();
        const SnapshotPtr a2 = a->sample();
        a->connect(); // and a's again into b's window
        a->sample();
        const SnapshotPtr b2 = b->sample();
        QVERIFY(a1->statementsFresh && a2->statementsFresh && b1->statementsFresh &&
                b2->statementsFresh);

        // Between a1 and a2 only b and the user sent statements, and a itself; between b1
        // and b2 only a and b. Every dbtriage statement must be gone, the user's must stay.
        const Snapshot wa = withStatementWindow(*a1, *a2);
        const Snapshot wb = withStatementWindow(*b1, *b2);
        bool userSeen = false;
        for (const Snapshot* w : {&wa, &wb}) {
            for (const StatementStat& st : w->statements) {
                if (st.query.find("tst_my_two_samplers") != std::string::npos) {
                    QVERIFY(w == &wa);
                    QCOMPARE(st.calls, std::int64_t(3));
                    userSeen = true;
                    continue;
                }
                QFAIL(("a dbtriage probe among the top statements: " + st.query).c_str());
            }
        }
        QVERIFY2(userSeen, "the user's statement is missing from the window");
        // The windows did hold the samplers' statements before they were left out.
        QVERIFY(std::stoi(admin_->exec(
                    "SELECT COUNT(*) FROM performance_schema.events_statements_summary_by_digest "
                    "WHERE DIGEST_TEXT LIKE 'SHOW GLOBAL STATUS%' OR DIGEST_TEXT LIKE "
                    "'SELECT ? AS `dbtriage\\_tag`%'")) >= 5);
    }

    // Statement counters on their own cadence, as on PostgreSQL: the samples in between
    // carry the last read and send nothing to the digest table; a fresh read ends the window.
    void statementCountersOnTheirOwnCadence() {
        const std::string reads =
            "SELECT IFNULL(SUM(COUNT_STAR), 0) FROM "
            "performance_schema.events_statements_summary_by_digest WHERE DIGEST_TEXT LIKE "
            "'SELECT ? AS `dbtriage\\_tag` , SCHEMA_NAME , `DIGEST` , `DIGEST_TEXT`%'";
        RawConn user(env("DBTRIAGE_MARIADB_ADMIN_URI"), "tst_cadence");
        CollectorOptions o;
        o.connect.target = env("DBTRIAGE_MARIADB_MONITOR_URI");
        o.statementIntervalMs = 3'600'000;
        Collector collector(o);
        collector.connect();
        const SnapshotPtr a = collector.sample();
        QVERIFY(a->statementsFresh);
        QCOMPARE(a->statementsAt(), a->collectedAt);
        QCOMPARE(probeStatus(*a, "statements"), std::string("ok"));
        QVERIFY(!a->statements.empty());
        // The digest table counts a statement when the server has finished with it, which can
        // be a moment after the client has the result: read the count once it has settled.
        const auto settledReads = [&] {
            long long last = std::stoll(admin_->exec(reads));
            for (int i = 0; i < 20; ++i) {
                QTest::qWait(150);
                const long long now = std::stoll(admin_->exec(reads));
                if (now == last)
                    break;
                last = now;
            }
            return last;
        };
        const long long readsBefore = settledReads();
        QVERIFY(readsBefore >= 1);

        for (int i = 0; i < 3; ++i)
            user.exec("SELECT 'x' AS tst_my_cadence");
        const SnapshotPtr b = collector.sample();
        const SnapshotPtr c = collector.sample();
        for (const SnapshotPtr& x : {b, c}) {
            QVERIFY(!x->statementsFresh);
            QVERIFY(x->collectedAt > a->collectedAt);
            QCOMPARE(x->statementsAt(), a->collectedAt);
            QCOMPARE(x->statements.size(), a->statements.size());
            for (std::size_t i = 0; i < a->statements.size(); ++i) {
                QCOMPARE(x->statements[i].id, a->statements[i].id);
                QCOMPARE(x->statements[i].calls, a->statements[i].calls);
            }
            QCOMPARE(probeStatus(*x, "statements"), std::string("ok")); // the carried read's
            const auto json = snapshotToJson(*x);
            QCOMPARE(json.at("statements_fresh").get<bool>(), false);
            QVERIFY(json.contains("statements_sampled_at"));
        }
        QVERIFY(snapshotToJson(*a).at("statements_fresh").get<bool>());
        QCOMPARE(settledReads(), readsBefore); // nothing read on the server
        QVERIFY(withStatementWindow(*a, *b).statements.empty());

        const SnapshotPtr d = collector.sample(StatementRead::Fresh);
        QVERIFY(d->statementsFresh);
        QCOMPARE(d->statementsAt(), d->collectedAt);
        QCOMPARE(settledReads(), readsBefore + 1);
        const Snapshot w = withStatementWindow(*c, *d);
        QCOMPARE(w.statementWindowStart, a->collectedAt); // c's counters were a's
        bool seen = false;
        for (const StatementStat& st : w.statements) {
            if (st.query.find("tst_my_cadence") != std::string::npos) {
                seen = true;
                QCOMPARE(st.calls, std::int64_t(3));
                QCOMPARE(st.database, db_);
            }
            QVERIFY2(st.query.rfind("/* dbtriage */", 0) != 0, st.query.c_str());
        }
        QVERIFY2(seen, "the workload's statement is missing from the window");
    }

    void explainIsReadOnly() {
        // As an administrator: the read-only session is what stops a writing function.
        auto e = engineFor(env("DBTRIAGE_MARIADB_ADMIN_URI"));
        e->connect();
        const std::string plan = e->explainJson("SELECT * FROM tst_my_rowlock WHERE id = 1", false);
        QVERIFY2(plan.find("query_block") != std::string::npos, plan.c_str());
        // MariaDB evaluates these while explaining: the function's INSERT would run.
        for (const char* sql : {"SELECT * FROM (SELECT tst_my_write() AS x) d",
                                "SELECT * FROM tst_my_rowlock WHERE id = tst_my_write()"}) {
            try {
                e->explainJson(sql, false);
                QFAIL(("EXPLAIN went through: " + std::string(sql)).c_str());
            } catch (const EngineError& err) {
                QCOMPARE(err.kind(), EngineError::Kind::Query);
                QVERIFY2(std::string(err.what()).find("read-only") != std::string::npos,
                         err.what());
            }
        }
        QCOMPARE(admin_->exec("SELECT COUNT(*) FROM tst_my_log"), std::string("0"));
        // ANALYZE runs the statement: a plain SELECT may be analysed (issue 5), a write never.
        try {
            e->explainJson("DELETE FROM tst_my_log", true);
            QFAIL("EXPLAIN ANALYZE of a DELETE ran");
        } catch (const EngineError& err) {
            QCOMPARE(err.kind(), EngineError::Kind::Query);
        }
        // Two statements in one call are refused: multi-statements are off.
        try {
            e->explainJson("SELECT 1; INSERT INTO tst_my_log VALUES (2)", false);
            QFAIL("two statements ran");
        } catch (const EngineError& err) {
            QCOMPARE(err.kind(), EngineError::Kind::Query);
        }
        QCOMPARE(admin_->exec("SELECT COUNT(*) FROM tst_my_log"), std::string("0"));
        QCOMPARE(admin_->exec("SELECT COUNT(*) FROM tst_my_log"), std::string("0"));
        // Control: the same EXPLAIN outside a read-only session does write.
        admin_->exec("EXPLAIN SELECT * FROM (SELECT tst_my_write() AS x) d");
        QCOMPARE(admin_->exec("SELECT COUNT(*) FROM tst_my_log"), std::string("1"));
        admin_->exec("DELETE FROM tst_my_log");
    }

    void lostConnection() {
        auto e = engineFor(env("DBTRIAGE_MARIADB_MONITOR_URI"));
        e->connect();
        // The monitor's newest connection with program_name dbtriage is this one.
        const std::string id = admin_->exec(
            "SELECT MAX(p.ID) FROM information_schema.PROCESSLIST p JOIN "
            "performance_schema.session_connect_attrs a ON a.PROCESSLIST_ID = p.ID AND "
            "a.ATTR_NAME = 'program_name' AND a.ATTR_VALUE = 'dbtriage' WHERE p.USER = "
            "'dbtriage_monitor'");
        QVERIFY(!id.empty());
        admin_->exec("KILL CONNECTION " + id);
        Snapshot s;
        try {
            e->sample(s);
            QFAIL("sample went on after KILL");
        } catch (const EngineError& err) {
            QCOMPARE(err.kind(), EngineError::Kind::Lost);
        }
        QVERIFY(!e->connected());
        e->connect(); // and it comes back
        Snapshot again;
        e->sample(again);
        QCOMPARE(probeStatus(again, "sessions"), std::string("ok"));
    }

    // Last: every statement of the tool's sessions in this run is tagged and read-only.
    void generalLogTaggedAndReadOnly() {
        const std::string logPath = env("DBTRIAGE_MARIADB_LOG");
        if (logPath.empty())
            QSKIP("DBTRIAGE_MARIADB_LOG not set");
        QFile log(QString::fromStdString(logPath));
        QVERIFY2(log.open(QIODevice::ReadOnly), logPath.c_str());
        const qint64 start = log.size();
        {
            auto e = engineFor(env("DBTRIAGE_MARIADB_MONITOR_URI"));
            e->connect();
            Snapshot s1, s2;
            e->sample(s1);
            e->sample(s2);
            e->explainJson("SELECT * FROM tst_my_rowlock", false);
        }
        // The general log is written as statements arrive; give it a moment.
        QThread::msleep(300);
        log.seek(start);
        const QList<QByteArray> lines = log.readAll().split('\n');
        // "<time>\t<id> <Command>\t<text>" (time only when it changed); continuation lines
        // of multi-line statements have no id.
        const std::regex entry(
            R"(^(?:\d{6}\s+\d{1,2}:\d{2}:\d{2})?\s+(\d+)\s+([A-Za-z ]+)\t(.*)$)");
        std::map<std::string, std::vector<std::string>> queries; // thread id -> statements
        std::map<std::string, bool> dbtriage;                    // first statement tagged
        std::smatch m;
        for (const QByteArray& raw : lines) {
            const std::string line = raw.toStdString();
            if (!std::regex_match(line, m, entry))
                continue;
            const std::string id = m[1], command = m[2], text = m[3];
            if (command != "Query" && command != "Prepare" && command != "Execute")
                continue;
            if (!dbtriage.count(id))
                dbtriage[id] = text.rfind("/* dbtriage */", 0) == 0;
            queries[id].push_back(text);
        }
        int tool = 0, statements = 0;
        for (const auto& [id, texts] : queries) {
            if (!dbtriage[id])
                continue;
            ++tool;
            for (const std::string& q : texts) {
                ++statements;
                QVERIFY2(q.rfind("/* dbtriage */ ", 0) == 0, q.c_str());
                const std::string body = q.substr(15);
                const bool readOnly =
                    body.rfind("SELECT ", 0) == 0 || body.rfind("SHOW ", 0) == 0 ||
                    body.rfind("EXPLAIN ", 0) == 0 || body.rfind("SET SESSION ", 0) == 0;
                QVERIFY2(readOnly, q.c_str());
            }
        }
        QVERIFY2(tool >= 1, "no dbtriage session in the general log");
        QVERIFY(statements >= 10);
    }
};

QTEST_GUILESS_MAIN(TestMariadbEngine)
#include "tst_mariadb_engine.moc"
