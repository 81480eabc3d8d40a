// Integration tests of the PostgreSQL monitoring driver against the sandbox server
// (scripts/sandbox start; variables from its env file). Workload sessions are opened by the
// test itself through libpq, with their own long lock_timeout, and are waited for through
// pg_stat_activity before the driver samples.
#include "analysis.h"
#include "collect/collector.h"
#include "engines/postgres/pgconninfo.h"
#include "engines/postgres/pgqueries.h"
#include "engines/postgres/pgsession.h"
#include "textutil.h"
#include "waitgraph.h"

#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTest>
#include <QThread>
#include <arpa/inet.h>
#include <atomic>
#include <cstdlib>
#include <libpq-fe.h>
#include <map>
#include <memory>
#include <netinet/in.h>
#include <set>
#include <sstream>
#include <string>
#include <sys/socket.h>
#include <thread>
#include <tuple>
#include <unistd.h>
#include <vector>

using namespace dbt;

namespace {

std::string env(const char* name) {
    const char* v = std::getenv(name);
    return v ? std::string(v) : std::string();
}

// A plain libpq connection for set-up and workload (never the driver).
class RawConn {
public:
    RawConn(const std::string& uri, const char* app) {
        const char* keys[] = {"dbname", "application_name", nullptr};
        const char* vals[] = {uri.c_str(), app, nullptr};
        conn_ = PQconnectdbParams(keys, vals, 1);
    }
    explicit RawConn(const std::string& conninfo) { conn_ = PQconnectdb(conninfo.c_str()); }
    ~RawConn() {
        if (conn_)
            PQfinish(conn_);
    }
    RawConn(const RawConn&) = delete;
    RawConn& operator=(const RawConn&) = delete;

    bool ok() const { return conn_ && PQstatus(conn_) == CONNECTION_OK; }
    std::string error() const { return conn_ ? PQerrorMessage(conn_) : "no connection"; }
    int pid() const { return PQbackendPID(conn_); }

    // Runs sql; returns true on success. value: first field of the first row.
    bool exec(const std::string& sql, std::string* value = nullptr,
              std::string* sqlstate = nullptr) {
        PGresult* r = PQexec(conn_, sql.c_str());
        const auto st = PQresultStatus(r);
        const bool good = st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK;
        if (value && st == PGRES_TUPLES_OK && PQntuples(r) > 0)
            *value = PQgetvalue(r, 0, 0);
        if (sqlstate) {
            const char* s = PQresultErrorField(r, PG_DIAG_SQLSTATE);
            *sqlstate = s ? s : "";
        }
        if (!good)
            lastError_ = PQresultErrorMessage(r);
        PQclear(r);
        return good;
    }
    std::string value(const std::string& sql) {
        std::string v;
        if (!exec(sql, &v))
            qWarning("query failed: %s: %s", sql.c_str(), lastError_.c_str());
        return v;
    }
    // Sends without waiting for the answer: the session may wait for a lock.
    bool send(const std::string& sql) { return PQsendQuery(conn_, sql.c_str()) == 1; }
    const std::string& lastError() const { return lastError_; }

private:
    PGconn* conn_ = nullptr;
    std::string lastError_;
};

// Accepts TCP connections and answers with something that is not PostgreSQL.
class GarbageServer {
public:
    GarbageServer() {
        fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in addr{};
        addr.sin_family = AF_INET;
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        addr.sin_port = 0;
        ::bind(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
        socklen_t len = sizeof addr;
        ::getsockname(fd_, reinterpret_cast<sockaddr*>(&addr), &len);
        port_ = ntohs(addr.sin_port);
        ::listen(fd_, 8);
        thread_ = std::thread([this] {
            while (!stop_) {
                const int c = ::accept(fd_, nullptr, nullptr);
                if (c < 0)
                    break;
                char buf[256];
                [[maybe_unused]] const auto n = ::read(c, buf, sizeof buf);
                const char reply[] = "HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n";
                [[maybe_unused]] const auto w = ::write(c, reply, sizeof reply - 1);
                ::close(c);
            }
        });
    }
    ~GarbageServer() {
        stop_ = true;
        ::shutdown(fd_, SHUT_RDWR);
        ::close(fd_);
        thread_.join();
    }
    int port() const { return port_; }

private:
    int fd_ = -1;
    int port_ = 0;
    std::atomic<bool> stop_{false};
    std::thread thread_;
};

int closedPort() {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
    socklen_t len = sizeof addr;
    ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
    ::close(fd); // nothing listens there now
    return ntohs(addr.sin_port);
}

std::string replaceAll(std::string s, const std::string& from, const std::string& to) {
    for (std::size_t pos = 0; (pos = s.find(from, pos)) != std::string::npos; pos += to.size())
        s.replace(pos, from.size(), to);
    return s;
}

// postgresql://user:pw@host:port/db -> same with another database
std::string withDatabase(const std::string& uri, const std::string& db) {
    const auto slash = uri.find('/', uri.find("://") + 3);
    const auto query = uri.find('?', slash);
    return uri.substr(0, slash) + "/" + db + (query == std::string::npos ? "" : uri.substr(query));
}

ConnectOptions options(const std::string& target) {
    ConnectOptions o;
    o.target = target;
    o.statementTimeoutMs = 5000;
    o.lockTimeoutMs = 500;
    o.connectTimeoutS = 5;
    return o;
}

const ProbeNote* note(const Snapshot& s, const std::string& probe) {
    for (const ProbeNote& p : s.probes) {
        if (p.probe == probe)
            return &p;
    }
    return nullptr;
}

std::string probesText(const Snapshot& s) {
    std::string out;
    for (const ProbeNote& p : s.probes)
        out += p.probe + "=" + p.status + "; ";
    return out;
}

using Edge = std::tuple<std::int64_t, std::int64_t, bool>; // waiter, blocker, hard

std::set<Edge> edges(const Snapshot& s) {
    std::set<Edge> out;
    for (const LockWait& w : s.lockWaits)
        out.emplace(w.waitingPid, w.blockingPid, w.hard);
    return out;
}

const LockWait* edge(const Snapshot& s, std::int64_t waiter, std::int64_t blocker) {
    for (const LockWait& w : s.lockWaits) {
        if (w.waitingPid == waiter && w.blockingPid == blocker)
            return &w;
    }
    return nullptr;
}

std::string edgesText(const Snapshot& s) {
    std::ostringstream out;
    for (const LockWait& w : s.lockWaits)
        out << w.waitingPid << "->" << w.blockingPid << (w.hard ? " hard " : " soft ") << w.lockType
            << " " << w.mode << " [" << w.object << "] q" << w.queuePosition << "\n";
    return out.str();
}

constexpr const char* kWorkloadApp = "tst_pg_workload";

} // namespace

class TestPgEngine : public QObject {
    Q_OBJECT

private:
    std::string adminUri_;
    std::string monitorUri_;
    std::string plainUri_;
    std::unique_ptr<RawConn> admin_;
    std::vector<std::unique_ptr<RawConn>> workload_;

    RawConn& startWorkload() {
        workload_.push_back(std::make_unique<RawConn>(adminUri_, kWorkloadApp));
        RawConn& c = *workload_.back();
        if (!c.ok())
            qFatal("workload connection failed: %s", c.error().c_str());
        c.exec("SET lock_timeout = '120s'");
        c.exec("SET statement_timeout = '180s'");
        return c;
    }

    // Polls pg_stat_activity until `count` of the pids wait for a heavyweight lock.
    bool waitForLockWaiters(const std::vector<int>& pids, std::size_t count) {
        std::string list;
        for (int p : pids)
            list += (list.empty() ? "" : ",") + std::to_string(p);
        const std::string sql = "SELECT count(*) FROM pg_stat_activity WHERE pid IN (" + list +
                                ") AND wait_event_type = 'Lock'";
        for (int i = 0; i < 400; ++i) {
            if (admin_->value(sql) == std::to_string(count))
                return true;
            QThread::msleep(25);
        }
        return false;
    }

    void stopWorkload() {
        if (admin_ && admin_->ok())
            admin_->exec(std::string("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                                     "WHERE application_name = '") +
                         kWorkloadApp + "'");
        workload_.clear();
    }

    std::unique_ptr<EngineSession> connectDriver(const std::string& uri) {
        auto session = makePostgresSession(options(uri));
        try {
            session->connect();
        } catch (const EngineError& e) {
            qInfo("%s", e.what());
            qFatal("driver connect failed: %s", e.what());
        }
        return session;
    }

    Snapshot sampleOnce(EngineSession& session) {
        Snapshot s;
        session.sample(s);
        return s;
    }

private slots:
    void initTestCase() {
        adminUri_ = env("DBTRIAGE_PG_ADMIN_URI");
        monitorUri_ = env("DBTRIAGE_PG_MONITOR_URI");
        plainUri_ = env("DBTRIAGE_PG_PLAIN_URI");
        if (adminUri_.empty() || monitorUri_.empty() || plainUri_.empty())
            QSKIP("DBTRIAGE_PG_ADMIN_URI / DBTRIAGE_PG_MONITOR_URI / DBTRIAGE_PG_PLAIN_URI are "
                  "not set: start the servers with `source \"$(scripts/sandbox start)\"` or run "
                  "scripts/test, which always provides them.");
        admin_ = std::make_unique<RawConn>(adminUri_, "tst_pg_admin");
        QVERIFY2(admin_->ok(), admin_->error().c_str());
        admin_->exec("SET lock_timeout = '10s'");
    }

    void cleanup() { stopWorkload(); }

    void cleanupTestCase() {
        stopWorkload();
        if (admin_ && admin_->ok())
            admin_->exec("DROP TABLE IF EXISTS tst_pg_chain, tst_pg_many, tst_pg_ax, tst_pg_ro");
    }

    // ------------------------------------------------------------ connect and set-up

    void connectReadsServerInfo() {
        auto session = makePostgresSession(options(monitorUri_));
        QVERIFY(!session->connected());
        const ServerInfo info = session->connect();
        QVERIFY(session->connected());
        QCOMPARE(info.engine, Engine::PostgreSQL);
        QVERIFY(info.versionNum >= 120000);
        QCOMPARE(info.user, std::string("dbtriage_monitor"));
        QCOMPARE(info.database, std::string("dbtriage_test"));
        QVERIFY(!info.superuser);
        QVERIFY(info.readAllStats);
        QVERIFY(!info.inRecovery);
        QCOMPARE(info.host, env("DBTRIAGE_PG_HOST").empty() ? info.host : env("DBTRIAGE_PG_HOST"));
        const std::set<std::string> ext(info.extensions.begin(), info.extensions.end());
        QVERIFY(ext.count("pg_stat_statements"));
        QVERIFY(ext.count("hypopg"));
        for (const char* name :
             {"max_connections", "superuser_reserved_connections", "work_mem", "shared_buffers",
              "track_activity_query_size", "log_min_duration_statement",
              "max_locks_per_transaction", "default_transaction_isolation", "server_encoding",
              "dbtriage_session.statement_timeout", "dbtriage_session.lock_timeout"})
            QVERIFY2(info.settings.count(name), name);
        QCOMPARE(info.settings.at("dbtriage_session.statement_timeout"), std::string("5s"));
        QCOMPARE(info.settings.at("dbtriage_session.lock_timeout"), std::string("500ms"));
        // A pg_monitor role that is no superuser, in a database with pg_stat_statements:
        // nothing to say about the set-up.
        QVERIFY(session->preflightFindings().empty());
    }

    // The exact connection dbtriage makes, opened here with libpq: read-only from the
    // first statement, even for a superuser and against the user's own options.
    void startupOptionsMakeSessionReadOnly() {
        const std::string target = adminUri_ +
                                   (adminUri_.find('?') == std::string::npos ? "?" : "&") +
                                   "options=-c%20search_path%3Dpublic%20-c%20"
                                   "default_transaction_read_only%3Doff";
        const pg::ParsedTarget parsed = pg::parseTarget(target);
        RawConn c(pg::buildConnInfo(parsed, 5, {5000, 500, 10000}, true));
        QVERIFY2(c.ok(), c.error().c_str());
        QCOMPARE(c.value("SHOW transaction_read_only"), std::string("on"));
        QCOMPARE(c.value("SHOW statement_timeout"), std::string("5s"));
        QCOMPARE(c.value("SHOW lock_timeout"), std::string("500ms"));
        QCOMPARE(c.value("SHOW idle_in_transaction_session_timeout"), std::string("10s"));
        QCOMPARE(c.value("SHOW application_name"), std::string("dbtriage"));
        QCOMPARE(c.value("SHOW client_encoding"), std::string("UTF8"));
        QCOMPARE(c.value("SHOW search_path"), std::string("public")); // the user's option kept
        std::string state;
        QVERIFY(!c.exec("CREATE TABLE tst_pg_must_not_exist(a int)", nullptr, &state));
        QCOMPARE(state, std::string("25006")); // read_only_sql_transaction
        QCOMPARE(admin_->value("SELECT count(*) FROM pg_class WHERE relname = "
                               "'tst_pg_must_not_exist'"),
                 std::string("0"));
    }

    // The SQL variants for older servers use only columns that newer ones still have:
    // run them here so that a typo cannot hide until someone monitors PostgreSQL 12.
    void olderVersionStatementsRun() {
        RawConn c(adminUri_, "tst_pg_admin");
        QVERIFY(c.ok());
        for (int version : {120000, 130000, 140000, 150000, 160000, 170000}) {
            QVERIFY2(c.exec(pg::sql::activity(version)), c.lastError().c_str());
            QVERIFY2(c.exec(pg::sql::locks(version)), c.lastError().c_str());
        }
        QVERIFY2(c.exec(pg::sql::statements("public", 1, 8)), c.lastError().c_str());
        QVERIFY2(c.exec(pg::sql::statements("public", 1, 10)), c.lastError().c_str());
        QVERIFY2(c.exec(pg::sql::databaseAndHealth()), c.lastError().c_str());
        QVERIFY2(c.exec(pg::sql::kServerInfo), c.lastError().c_str());
        QVERIFY2(c.exec(pg::sql::kSettingsAndExtensions), c.lastError().c_str());
    }

    void wrongPasswordIsAuth() {
        const std::string pw = env("DBTRIAGE_PG_ADMIN_PASSWORD");
        QVERIFY(!pw.empty());
        const std::string badPw = "Wr0ngPassw0rd-tst";
        const std::string target = replaceAll(adminUri_, ":" + pw + "@", ":" + badPw + "@");
        QVERIFY(target != adminUri_);
        auto session = makePostgresSession(options(target));
        try {
            session->connect();
            QFAIL("connect with a wrong password succeeded");
        } catch (const EngineError& e) {
            qInfo("%s", e.what());
            const std::string msg = e.what();
            QCOMPARE(e.kind(), EngineError::Kind::Auth);
            QVERIFY2(msg.find("Authentication failed for user dbtriage_admin") == 0, e.what());
            QVERIFY2(msg.find("~/.pgpass") != std::string::npos, e.what());
            QVERIFY(msg.find(badPw) == std::string::npos);
            QVERIFY(msg.find(pw) == std::string::npos);
        }
        QVERIFY(!session->connected());
    }

    void closedPortIsConnect() {
        const int port = closedPort();
        auto session = makePostgresSession(
            options("postgresql://dbtriage_monitor:secretpw@127.0.0.1:" + std::to_string(port) +
                    "/dbtriage_test"));
        try {
            session->connect();
            QFAIL("connect to a closed port succeeded");
        } catch (const EngineError& e) {
            qInfo("%s", e.what());
            QCOMPARE(e.kind(), EngineError::Kind::Connect);
            const std::string msg = e.what();
            QVERIFY2(msg.find("connection refused") != std::string::npos, e.what());
            QVERIFY2(msg.find("127.0.0.1:" + std::to_string(port)) != std::string::npos, e.what());
            QVERIFY(msg.find("secretpw") == std::string::npos);
        }
    }

    void notPostgresIsConnect_data() {
        QTest::addColumn<QString>("sslmode");
        QTest::newRow("prefer") << QStringLiteral("prefer");
        QTest::newRow("disable") << QStringLiteral("disable");
    }

    void notPostgresIsConnect() {
        QFETCH(QString, sslmode);
        GarbageServer server;
        const std::string target =
            "host=127.0.0.1 port=" + std::to_string(server.port()) +
            " user=dbtriage_monitor password=secretpw dbname=x sslmode=" + sslmode.toStdString();
        auto session = makePostgresSession(options(target));
        QElapsedTimer t;
        t.start();
        try {
            session->connect();
            QFAIL("connect to a non-PostgreSQL port succeeded");
        } catch (const EngineError& e) {
            qInfo("%s", e.what());
            QCOMPARE(e.kind(), EngineError::Kind::Connect);
            const std::string msg = e.what();
            QVERIFY2(msg.find("did not answer as PostgreSQL") != std::string::npos, e.what());
            QVERIFY(msg.find("secretpw") == std::string::npos);
        }
        QVERIFY(t.elapsed() < 10000); // bounded by the connect timeout: no hang
    }

    void unknownDatabaseIsAuth() {
        auto session =
            makePostgresSession(options(withDatabase(monitorUri_, "dbtriage_no_such_db")));
        try {
            session->connect();
            QFAIL("connect to a missing database succeeded");
        } catch (const EngineError& e) {
            qInfo("%s", e.what());
            QCOMPARE(e.kind(), EngineError::Kind::Auth);
            QVERIFY2(std::string(e.what()).find("dbtriage_no_such_db does not exist") !=
                         std::string::npos,
                     e.what());
        }
    }

    void badTargetIsUsage() {
        auto session =
            makePostgresSession(options("host=127.0.0.1 password=Sup3rSecretPw nonsense"));
        try {
            session->connect();
            QFAIL("a broken target was accepted");
        } catch (const EngineError& e) {
            qInfo("%s", e.what());
            QCOMPARE(e.kind(), EngineError::Kind::Usage);
            QVERIFY(std::string(e.what()).find("Sup3rSecret") == std::string::npos);
            QVERIFY(std::string(e.what()).find("nonsense") == std::string::npos);
        }
    }

    void plainRoleGetsMissingPgMonitor() {
        auto session = connectDriver(plainUri_);
        const auto findings = session->preflightFindings();
        const Finding* f = nullptr;
        for (const Finding& x : findings) {
            if (x.code == "missing-pg-monitor")
                f = &x;
        }
        QVERIFY(f);
        QCOMPARE(f->severity, Severity::Warning);
        QVERIFY(f->summary.find("<insufficient privilege>") != std::string::npos);
        QVERIFY(f->command.find("GRANT pg_monitor TO") == 0);
        // Another user's session is visible only partially; the sample still completes.
        RawConn& other = startWorkload();
        other.exec("SELECT 1");
        const Snapshot s = sampleOnce(*session);
        for (const ProbeNote& n : s.probes)
            QVERIFY2(n.ok(), probesText(s).c_str());
        QVERIFY(note(s, "locks")); // always looked at: other users' wait events are hidden
        const Session* seen = s.session(other.pid());
        QVERIFY(seen);
        QCOMPARE(seen->query, std::string("<insufficient privilege>"));
        QCOMPARE(s.connections.byState.count("unknown"), std::size_t(1));
    }

    void databaseWithoutPgStatStatements() {
        std::string uri = env("DBTRIAGE_PG_NOPSS_URI");
        if (uri.empty())
            uri = withDatabase(monitorUri_, "dbtriage_nopss");
        auto session = connectDriver(uri);
        bool found = false;
        for (const Finding& f : session->preflightFindings()) {
            if (f.code == "pg-stat-statements-missing") {
                found = true;
                QVERIFY(f.summary.find("dbtriage_nopss") != std::string::npos);
                QVERIFY(f.command.find("CREATE EXTENSION pg_stat_statements") != std::string::npos);
            }
        }
        QVERIFY(found);
        const Snapshot s = sampleOnce(*session);
        const ProbeNote* n = note(s, "statements");
        QVERIFY(n);
        QVERIFY2(n->status.rfind("unavailable: ", 0) == 0, n->status.c_str());
        QVERIFY(s.statements.empty());
        QVERIFY2(note(s, "activity")->ok(), probesText(s).c_str());
    }

    // ------------------------------------------------------------ sample

    void sampleFillsEverything() {
        // A statement shape no other test runs, so that its text in pg_stat_statements is
        // this one's (the text of a queryid is the first execution's: "SELECT 1 /* x */"
        // shares an entry with every other SELECT 1 of the test run).
        admin_->exec("SELECT 'tst_pg_engine'::text AS warm_up, count(*) FROM pg_namespace");
        const std::string warmUpId =
            admin_->value("SELECT queryid::text FROM pg_stat_statements WHERE query LIKE "
                          "'%AS warm_up, count(*) FROM pg_namespace%' LIMIT 1");
        auto session = connectDriver(monitorUri_);
        RawConn& idle = startWorkload();
        idle.exec("BEGIN");
        idle.exec("SELECT txid_current()");
        const Snapshot s = sampleOnce(*session);
        for (const char* probe : {"activity", "locks", "statements", "database", "health"}) {
            const ProbeNote* n = note(s, probe);
            QVERIFY2(n && n->ok(), (std::string(probe) + ": " + probesText(s)).c_str());
        }
        // statement texts are fetched on the first sample
        QVERIFY2(note(s, "statement-texts") && note(s, "statement-texts")->ok(),
                 probesText(s).c_str());
        QVERIFY(s.collectedAt > 1700000000LL * 1000000);
        QVERIFY(s.connections.total >= 2);
        QVERIFY(s.connections.max >= 10);
        QVERIFY(s.connections.reserved >= 1);
        QVERIFY(s.connections.byApplication.count("dbtriage"));
        QVERIFY(s.connections.byApplication.count(kWorkloadApp));
        QVERIFY(s.connections.byUser.count("dbtriage_monitor"));
        QVERIFY(s.connections.byDatabase.count("dbtriage_test"));
        QVERIFY(s.connections.byState.count("idle in transaction"));
        const Session* x = s.session(idle.pid());
        QVERIFY(x);
        QCOMPARE(x->state, std::string("idle in transaction"));
        QCOMPARE(x->backendType, std::string("client backend"));
        QCOMPARE(x->application, std::string(kWorkloadApp));
        QVERIFY(x->transactionStart && *x->transactionStart <= s.collectedAt);
        QVERIFY(x->backendStart && x->stateChange && x->queryStart);
        QVERIFY(x->client.rfind("127.0.0.1:", 0) == 0);
        QCOMPARE(x->query, std::string("SELECT txid_current()"));
        bool background = false;
        for (const Session& y : s.sessions)
            background = background || y.backendType == "checkpointer";
        QVERIFY(background);
        QVERIFY(s.health.longestTransactionSeconds.has_value());
        QVERIFY(s.health.cacheHitRatio && *s.health.cacheHitRatio > 0 &&
                *s.health.cacheHitRatio <= 1);
        QVERIFY(!s.statements.empty());
        bool warmUp = false;
        for (const StatementStat& st : s.statements) {
            QVERIFY(!st.id.empty());
            QVERIFY(st.calls >= 0);
            if (st.query.find("AS warm_up, count(*) FROM pg_namespace") != std::string::npos ||
                (!warmUpId.empty() && st.id == warmUpId))
                warmUp = true;
        }
        QVERIFY2(warmUp, ("warm-up queryid " + warmUpId + " not among " +
                          std::to_string(s.statements.size()) + " statements")
                             .c_str());
        QVERIFY(s.server.settings.count("pg_stat_statements.dealloc") ||
                s.server.versionNum < 140000);
        // A second sample right away does not read the texts again.
        const Snapshot s2 = sampleOnce(*session);
        QVERIFY(!note(s2, "statement-texts"));
        QVERIFY(!s2.statements.empty());
    }

    // Statement counters on their own cadence: the sample in between carries the last read
    // and sends nothing to pg_stat_statements; a fresh read ends the window.
    void statementCountersOnTheirOwnCadence() {
        const std::string reads =
            "SELECT coalesce(sum(calls), 0) FROM pg_stat_statements WHERE query LIKE "
            "'/* dbtriage */%AS dbid,%pg_stat_statements(%'";
        CollectorOptions o;
        o.connect = options(monitorUri_);
        o.statementIntervalMs = 3'600'000;
        Collector collector(o);
        collector.connect();
        const SnapshotPtr a = collector.sample();
        QVERIFY(a->statementsFresh);
        QCOMPARE(a->statementsAt(), a->collectedAt);
        QVERIFY2(note(*a, "statements") && note(*a, "statements")->ok(), probesText(*a).c_str());
        QVERIFY(!a->statements.empty());
        const long long readsBefore = std::stoll(admin_->value(reads));

        for (int i = 0; i < 3; ++i)
            QVERIFY(admin_->exec("SELECT 'x' AS tst_pg_cadence"));
        const SnapshotPtr b = collector.sample();
        QVERIFY(!b->statementsFresh);
        QVERIFY(b->collectedAt > a->collectedAt);
        QCOMPARE(b->statementsAt(), a->collectedAt);
        QCOMPARE(b->statements.size(), a->statements.size());
        for (std::size_t i = 0; i < a->statements.size(); ++i) {
            QCOMPARE(b->statements[i].id, a->statements[i].id);
            QCOMPARE(b->statements[i].calls, a->statements[i].calls);
        }
        QVERIFY(note(*b, "statements"));                         // the carried read's note
        QCOMPARE(std::stoll(admin_->value(reads)), readsBefore); // nothing read on the server
        QVERIFY(withStatementWindow(*a, *b).statements.empty());

        const SnapshotPtr c = collector.sample(StatementRead::Fresh);
        QVERIFY(c->statementsFresh);
        QCOMPARE(c->statementsAt(), c->collectedAt);
        QCOMPARE(std::stoll(admin_->value(reads)), readsBefore + 1);
        const Snapshot w = withStatementWindow(*b, *c);
        QCOMPARE(w.statementWindowStart, a->collectedAt); // b's counters were a's
        bool seen = false;
        for (const StatementStat& st : w.statements) {
            if (st.query.find("tst_pg_cadence") != std::string::npos) {
                seen = true;
                QCOMPARE(st.calls, std::int64_t(3));
                QCOMPARE(st.database, std::string("dbtriage_test"));
            }
            QVERIFY2(st.query.rfind("/* dbtriage */", 0) != 0, st.query.c_str());
        }
        QVERIFY2(seen, "the workload's statement is missing from the window");
    }

    // Holder idle in transaction; two writers on the same row; ALTER TABLE queued behind
    // them; two readers queued behind the ALTER.
    void lockChainWithQueuedAlterTable() {
        admin_->exec("DROP TABLE IF EXISTS tst_pg_chain");
        QVERIFY(admin_->exec("CREATE TABLE tst_pg_chain(id int PRIMARY KEY, v int)"));
        QVERIFY(admin_->exec("INSERT INTO tst_pg_chain SELECT g, 0 FROM generate_series(1, 10) g"));

        RawConn& holder = startWorkload();
        QVERIFY(holder.exec("BEGIN"));
        QVERIFY(holder.exec("UPDATE tst_pg_chain SET v = 1 WHERE id = 1"));
        std::vector<int> pids;
        // One at a time, each waiting before the next comes: a known queue order.
        auto queue = [&](const std::string& sql) -> int {
            RawConn& c = startWorkload();
            pids.push_back(c.pid());
            if (!c.send(sql) || !waitForLockWaiters(pids, pids.size()))
                return -1;
            return c.pid();
        };
        const int w1 = queue("UPDATE tst_pg_chain SET v = 2 WHERE id = 1");
        const int w2 = queue("UPDATE tst_pg_chain SET v = 3 WHERE id = 1");
        const int alter = queue("ALTER TABLE tst_pg_chain ADD COLUMN c int");
        const int r1 = queue("SELECT count(*) FROM tst_pg_chain");
        const int r2 = queue("SELECT count(*) FROM tst_pg_chain");
        QVERIFY(w1 > 0 && w2 > 0 && alter > 0 && r1 > 0 && r2 > 0);
        const int h = holder.pid();

        auto session = connectDriver(monitorUri_);
        const Snapshot s = sampleOnce(*session);
        QVERIFY2(note(s, "locks") && note(s, "locks")->ok(), probesText(s).c_str());
        const std::set<Edge> expected = {{w1, h, true},     {w2, w1, true},    {alter, h, true},
                                         {alter, w1, true}, {alter, w2, true}, {r1, alter, false},
                                         {r2, alter, false}};
        QVERIFY2(edges(s) == expected, edgesText(s).c_str());
        QCOMPARE(s.lockWaits.size(), expected.size());

        const LockWait* e = edge(s, w1, h);
        QCOMPARE(e->lockType, std::string("transactionid"));
        QCOMPARE(e->mode, std::string("ShareLock"));
        QVERIFY(e->object.rfind("transaction ", 0) == 0);
        e = edge(s, w2, w1);
        QCOMPARE(e->lockType, std::string("tuple"));
        QCOMPARE(e->object, std::string("row (0,1) of tst_pg_chain"));
        e = edge(s, alter, h);
        QCOMPARE(e->lockType, std::string("relation"));
        QCOMPARE(e->mode, std::string("AccessExclusiveLock"));
        QCOMPARE(e->object, std::string("tst_pg_chain"));
        e = edge(s, r2, alter);
        QCOMPARE(e->mode, std::string("AccessShareLock"));
        QCOMPARE(e->object, std::string("tst_pg_chain"));
        if (s.server.versionNum >= 140000) {
            QCOMPARE(edge(s, alter, h)->queuePosition, 1);
            QCOMPARE(edge(s, r1, alter)->queuePosition, 2);
            QCOMPARE(edge(s, r2, alter)->queuePosition, 3);
        }

        // Held locks of the blockers: the holder's row-exclusive lock on the table first.
        bool holderTable = false;
        for (const HeldLock& l : s.heldLocks) {
            if (l.pid == h && l.lockType == "relation" && l.object == "tst_pg_chain")
                holderTable = l.mode == "RowExclusiveLock";
        }
        QVERIFY(holderTable);

        const WaitGraph g = analyzeWaitGraph(s.sessions, s.lockWaits, s.heldLocks);
        QCOMPARE(g.roots.size(), std::size_t(1));
        QCOMPARE(g.roots[0].pid, std::int64_t(h));
        QCOMPARE(g.roots[0].blockedTotal, std::int64_t(5));
        QCOMPARE(g.roots[0].state, std::string("idle in transaction"));
        QVERIFY(g.cycles.empty());
    }

    void advisoryLockWait() {
        RawConn& holder = startWorkload();
        QVERIFY(holder.exec("SELECT pg_advisory_lock(4242)"));
        RawConn& waiter = startWorkload();
        QVERIFY(waiter.send("SELECT pg_advisory_lock(4242)"));
        QVERIFY(waitForLockWaiters({waiter.pid()}, 1));

        auto session = connectDriver(monitorUri_);
        const Snapshot s = sampleOnce(*session);
        QVERIFY2(note(s, "locks") && note(s, "locks")->ok(), probesText(s).c_str());
        const std::set<Edge> expected = {{waiter.pid(), holder.pid(), true}};
        QVERIFY2(edges(s) == expected, edgesText(s).c_str());
        const LockWait& e = s.lockWaits.front();
        QCOMPARE(e.lockType, std::string("advisory"));
        QCOMPARE(e.mode, std::string("ExclusiveLock"));
        QVERIFY2(e.object.rfind("advisory lock (0,4242,1)", 0) == 0, e.object.c_str());
        QVERIFY2(e.object.find("key 4242") != std::string::npos, e.object.c_str());
        bool held = false;
        for (const HeldLock& l : s.heldLocks)
            held = held || (l.pid == holder.pid() && l.lockType == "advisory");
        QVERIFY(held);
    }

    // Many waiters on one row: pg_blocking_pids lists every waiter queued ahead (quadratic);
    // the driver keeps the hard blockers and the nearest soft one. Past 100 waiters on one
    // lock, the rest get the hard blockers of an earlier waiter in the same mode (and the
    // probe says so).
    void manyWaitersOnOneRow_data() {
        QTest::addColumn<int>("waiters");
        QTest::newRow("40") << 40;
        QTest::newRow("130") << 130;
    }

    void manyWaitersOnOneRow() {
        QFETCH(int, waiters);
        admin_->exec("DROP TABLE IF EXISTS tst_pg_many");
        QVERIFY(admin_->exec("CREATE TABLE tst_pg_many(id int PRIMARY KEY, v int)"));
        QVERIFY(admin_->exec("INSERT INTO tst_pg_many VALUES (1, 0)"));
        RawConn& holder = startWorkload();
        QVERIFY(holder.exec("BEGIN"));
        QVERIFY(holder.exec("UPDATE tst_pg_many SET v = -1 WHERE id = 1"));
        std::vector<int> pids;
        for (int i = 0; i < waiters; ++i) {
            RawConn& c = startWorkload();
            pids.push_back(c.pid());
            QVERIFY(c.send("UPDATE tst_pg_many SET v = " + std::to_string(i) + " WHERE id = 1"));
        }
        QVERIFY(waitForLockWaiters(pids, pids.size()));

        auto session = connectDriver(monitorUri_);
        QElapsedTimer t;
        t.start();
        const Snapshot s = sampleOnce(*session);
        const auto elapsed = t.elapsed();
        const ProbeNote* locks = note(s, "locks");
        QVERIFY(locks);
        qInfo("%d waiters: %zu edges, sample took %lld ms; locks: %s", waiters, s.lockWaits.size(),
              static_cast<long long>(elapsed), locks->status.c_str());
        if (waiters <= 100)
            QVERIFY2(locks->ok(), probesText(s).c_str());
        else // the first waiter waits on the holder's transaction, the others on the row
            QVERIFY2(locks->status.rfind("partial: " + std::to_string(waiters - 1 - 100) + " of " +
                                             std::to_string(waiters) + " lock waiters",
                                         0) == 0,
                     locks->status.c_str());
        QVERIFY2(s.lockWaits.size() >= std::size_t(waiters), edgesText(s).c_str());
        QVERIFY2(s.lockWaits.size() <= std::size_t(2 * waiters), edgesText(s).c_str());
        std::set<std::int64_t> waiting;
        std::map<std::int64_t, int> softPerWaiter;
        for (const LockWait& w : s.lockWaits) {
            waiting.insert(w.waitingPid);
            if (!w.hard)
                ++softPerWaiter[w.waitingPid];
        }
        QCOMPARE(waiting, std::set<std::int64_t>(pids.begin(), pids.end()));
        for (const auto& [pid, n] : softPerWaiter)
            QVERIFY2(n == 1, edgesText(s).c_str());
        // The first waiter holds the row's tuple lock and waits on the holder's transaction;
        // every other waiter, past the cap too, waits hard on it: siblings, not a chain.
        std::int64_t first = 0;
        for (const LockWait& w : s.lockWaits) {
            if (w.lockType == "transactionid")
                first = w.waitingPid;
        }
        QVERIFY2(first != 0, edgesText(s).c_str());
        std::set<std::int64_t> hardOnFirst;
        for (const LockWait& w : s.lockWaits) {
            if (w.hard && w.blockingPid == first)
                hardOnFirst.insert(w.waitingPid);
        }
        QCOMPARE(hardOnFirst.size(), std::size_t(waiters - 1));

        const WaitGraph g = analyzeWaitGraph(s.sessions, s.lockWaits, s.heldLocks);
        QCOMPARE(g.roots.size(), std::size_t(1));
        QCOMPARE(g.roots[0].pid, std::int64_t(holder.pid()));
        QCOMPARE(g.roots[0].blockedTotal, std::int64_t(waiters));
        for (int p : pids)
            QVERIFY(g.depth.count(p));
        QVERIFY(elapsed < 5000); // within the statement timeout: the probe did not time out
    }

    // Another session holds ACCESS EXCLUSIVE on a table: the sample never queues behind it,
    // and EXPLAIN on that table gives up after the lock timeout.
    void accessExclusiveDoesNotBlockSampling() {
        admin_->exec("DROP TABLE IF EXISTS tst_pg_ax");
        QVERIFY(admin_->exec("CREATE TABLE tst_pg_ax(id int)"));
        RawConn& holder = startWorkload();
        QVERIFY(holder.exec("BEGIN"));
        QVERIFY(holder.exec("LOCK TABLE tst_pg_ax IN ACCESS EXCLUSIVE MODE"));
        RawConn& reader = startWorkload(); // so that the locks probe runs and names the table
        QVERIFY(reader.send("SELECT * FROM tst_pg_ax"));
        QVERIFY(waitForLockWaiters({reader.pid()}, 1));

        auto session = connectDriver(adminUri_);
        QElapsedTimer t;
        t.start();
        const Snapshot s = sampleOnce(*session);
        // Not a speed check: a probe queued behind the lock would run into the 5 s statement
        // timeout (or wait for as long as the holder keeps the lock).
        QVERIFY2(t.elapsed() < 5000, qPrintable(QString::number(t.elapsed())));
        for (const ProbeNote& n : s.probes)
            QVERIFY2(n.ok() || n.status == "skipped: lock timeout", probesText(s).c_str());
        QVERIFY(edge(s, reader.pid(), holder.pid()));
        QCOMPARE(edge(s, reader.pid(), holder.pid())->object, std::string("tst_pg_ax"));

        t.restart();
        try {
            session->explainJson("SELECT * FROM tst_pg_ax", false);
            QFAIL("EXPLAIN did not time out");
        } catch (const EngineError& e) {
            qInfo("%s", e.what());
            QCOMPARE(e.kind(), EngineError::Kind::Query);
            QVERIFY2(std::string(e.what()).find("lock timeout") != std::string::npos, e.what());
        }
        QVERIFY(t.elapsed() < 5000); // gave up on the lock timeout, not the statement timeout
        // The session is still usable and not left in a transaction.
        QVERIFY(session->connected());
        const Snapshot s2 = sampleOnce(*session);
        QVERIFY2(note(s2, "activity")->ok(), probesText(s2).c_str());
    }

    // Superuser through the driver: nothing it sends changes anything, and every statement
    // in the server log is tagged.
    void readOnlyAndTaggedInServerLog() {
        const std::string logPath = env("DBTRIAGE_PG_LOG");
        if (logPath.empty())
            QSKIP("DBTRIAGE_PG_LOG is not set");
        admin_->exec("DROP TABLE IF EXISTS tst_pg_ro");
        QVERIFY(admin_->exec("CREATE TABLE tst_pg_ro(id int)"));
        QVERIFY(admin_->exec("INSERT INTO tst_pg_ro VALUES (1), (2)"));

        auto session = connectDriver(adminUri_);
        bool superuserFinding = false;
        for (const Finding& f : session->preflightFindings()) {
            if (f.code == "superuser-role") {
                superuserFinding = true;
                QVERIFY(f.command.find("GRANT pg_monitor TO dbtriage_monitor") !=
                        std::string::npos);
            }
        }
        QVERIFY(superuserFinding);

        std::set<std::int64_t> own; // the driver's own backend: active in every sample
        for (int i = 0; i < 3; ++i) {
            const Snapshot s = sampleOnce(*session);
            std::set<std::int64_t> candidates;
            for (const Session& x : s.sessions) {
                if (x.application == "dbtriage" && x.user == "dbtriage_admin" &&
                    x.state == "active" && x.query.find("pg_stat_activity") != std::string::npos)
                    candidates.insert(x.pid);
            }
            if (i == 0)
                own = candidates;
            else {
                std::set<std::int64_t> both;
                for (auto p : own) {
                    if (candidates.count(p))
                        both.insert(p);
                }
                own = both;
            }
        }
        QCOMPARE(own.size(), std::size_t(1));
        const std::int64_t pid = *own.begin();

        const std::string plan =
            session->explainJson("SELECT * FROM tst_pg_ro WHERE id = 1", false);
        QVERIFY(plan.find("\"Plan\"") != std::string::npos);
        // A plain EXPLAIN of a write plans it and runs nothing.
        QVERIFY(!session->explainJson("INSERT INTO tst_pg_ro VALUES (3)", false).empty());
        for (const char* bad :
             {"CREATE TABLE tst_pg_ro_x(a int)", "SELECT 1; CREATE TABLE tst_pg_ro_y(a int)",
              "SELECT 1; COMMIT; SET default_transaction_read_only = off; "
              "DELETE FROM tst_pg_ro"}) {
            try {
                session->explainJson(bad, false);
                QFAIL(bad);
            } catch (const EngineError& e) {
                qInfo("%s", e.what());
                QCOMPARE(e.kind(), EngineError::Kind::Query);
            }
        }
        // ANALYZE runs for a plain SELECT only (issue 5); anything else is refused.
        try {
            session->explainJson("DELETE FROM tst_pg_ro", true);
            QFAIL("EXPLAIN ANALYZE of a DELETE accepted");
        } catch (const EngineError& e) {
            qInfo("%s", e.what());
            QCOMPARE(e.kind(), EngineError::Kind::Query);
        }
        QVERIFY(session->connected());
        sampleOnce(*session);
        QCOMPARE(admin_->value("SELECT count(*) FROM tst_pg_ro"), std::string("2"));
        QCOMPARE(admin_->value("SELECT count(*) FROM pg_class WHERE relname LIKE 'tst_pg_ro_%'"),
                 std::string("0"));
        // Not left inside a transaction between calls.
        QCOMPARE(admin_->value("SELECT coalesce(state, '') FROM pg_stat_activity WHERE pid = " +
                               std::to_string(pid)),
                 std::string("idle"));
        session->disconnect();

        // The server log: every statement of that backend is tagged and read-only.
        QFile log(QString::fromStdString(logPath));
        QVERIFY(log.open(QIODevice::ReadOnly));
        const std::string marker = "[" + std::to_string(pid) + "] dbtriage_admin@";
        int statements = 0;
        bool sawShow = false;
        bool sawNamed = false;
        const std::set<std::string> allowed = {"SELECT", "WITH",     "SHOW",   "SET",
                                               "BEGIN",  "ROLLBACK", "EXPLAIN"};
        while (!log.atEnd()) {
            const std::string line = log.readLine().toStdString();
            if (line.find(marker) == std::string::npos ||
                line.find(" app=dbtriage ") == std::string::npos)
                continue;
            std::string text;
            for (const char* key : {"LOG:  statement: ", "STATEMENT:  "}) {
                const auto pos = line.find(key);
                if (pos != std::string::npos)
                    text = line.substr(pos + std::string(key).size());
            }
            // Protocol-level executions, unnamed or of the sampler's named prepared
            // statements: "LOG:  execute <name>: <text>".
            if (const auto pos = line.find("LOG:  execute "); pos != std::string::npos) {
                const auto colon = line.find(": ", pos + 14);
                if (colon != std::string::npos) {
                    const std::string name = line.substr(pos + 14, colon - pos - 14);
                    sawNamed = sawNamed || name != "<unnamed>";
                    text = line.substr(colon + 2);
                }
            }
            if (text.empty())
                continue;
            ++statements;
            QVERIFY2(text.rfind("/* dbtriage */ ", 0) == 0, line.c_str());
            const auto words = leadingKeywords(text, 2);
            QVERIFY2(!words.empty() && allowed.count(words[0]), line.c_str());
            if (words[0] == "EXPLAIN")
                QVERIFY2(words.size() > 1 && words[1] == "FORMAT", line.c_str());
            sawShow = sawShow || text.find("SHOW transaction_read_only") != std::string::npos;
        }
        QVERIFY2(statements >= 10, qPrintable(QString::number(statements)));
        QVERIFY(sawShow);
        QVERIFY2(sawNamed, "no execution of a named prepared statement was checked");
    }

    // The server goes away in the middle of a collection, then comes back.
    void serverStopAndReconnect() {
        const std::string script = env("DBTRIAGE_SANDBOX_SCRIPT");
        if (script.empty())
            QSKIP("DBTRIAGE_SANDBOX_SCRIPT is not set");
        stopWorkload();
        admin_.reset();
        auto session = connectDriver(monitorUri_);
        sampleOnce(*session);

        auto run = [&](const char* command) {
            QStringList args;
            if (!env("DBTRIAGE_SANDBOX_DIR").empty())
                args << QStringLiteral("--dir")
                     << QString::fromStdString(env("DBTRIAGE_SANDBOX_DIR"));
            args << QString::fromLatin1(command);
            QProcess p;
            p.start(QString::fromStdString(script), args);
            return p.waitForFinished(180000) && p.exitStatus() == QProcess::NormalExit &&
                   p.exitCode() == 0;
        };
        QVERIFY(run("pg-stop"));
        try {
            Snapshot s;
            session->sample(s);
            QFAIL("sample succeeded with the server stopped");
        } catch (const EngineError& e) {
            qInfo("%s", e.what());
            QCOMPARE(e.kind(), EngineError::Kind::Lost);
            QVERIFY2(std::string(e.what()).find("was lost") != std::string::npos, e.what());
        }
        QVERIFY(!session->connected());
        try {
            session->connect();
            QFAIL("connect succeeded with the server stopped");
        } catch (const EngineError& e) {
            qInfo("%s", e.what());
            QCOMPARE(e.kind(), EngineError::Kind::Connect);
        }
        QVERIFY(run("pg-start"));
        bool connected = false;
        for (int i = 0; i < 40 && !connected; ++i) {
            try {
                session->connect();
                connected = true;
            } catch (const EngineError&) {
                QThread::msleep(250);
            }
        }
        QVERIFY(connected);
        const Snapshot s = sampleOnce(*session);
        QVERIFY2(note(s, "activity")->ok(), probesText(s).c_str());
        admin_ = std::make_unique<RawConn>(adminUri_, "tst_pg_admin");
        QVERIFY(admin_->ok());
    }
};

QTEST_GUILESS_MAIN(TestPgEngine)
#include "tst_pg_engine.moc"
