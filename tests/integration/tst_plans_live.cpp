// Plans from the sandbox servers (scripts/sandbox start; variables from its env file): each
// scenario builds a real plan meant to trigger one insight, on PostgreSQL through libpq and
// on MariaDB through Connector/C, in JSON and (PostgreSQL) text format, and checks that the
// insight fires, and that the clean scenarios stay quiet.
//
// With DBTRIAGE_WRITE_PLANS=DIR the plans are also written to DIR; that is how the seed
// corpus in tests/data/plans was made.
#include "plans/derive.h"
#include "plans/insights.h"
#include "plans/parse.h"

#include <QDir>
#include <QFile>
#include <QTest>
#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <libpq-fe.h>
#include <mysql.h>
#include <set>
#include <string>
#include <vector>

using namespace dbt::plans;

Q_DECLARE_METATYPE(std::string)

namespace {

std::string env(const char* name) {
    const char* v = std::getenv(name);
    return v ? std::string(v) : std::string();
}

std::set<std::string> codes(const std::vector<Insight>& insights) {
    std::set<std::string> out;
    for (const Insight& i : insights)
        out.insert(i.code);
    return out;
}

std::string join(const std::set<std::string>& s) {
    std::string out;
    for (const auto& c : s)
        out += (out.empty() ? "" : ", ") + c;
    return out.empty() ? "(none)" : out;
}

void writePlan(const std::string& name, const std::string& text) {
    const std::string dir = env("DBTRIAGE_WRITE_PLANS");
    if (dir.empty())
        return;
    QDir().mkpath(QString::fromStdString(dir));
    QFile f(QString::fromStdString(dir + "/" + name));
    if (f.open(QIODevice::WriteOnly))
        f.write(text.data(), static_cast<qint64>(text.size()));
}

bool hasNode(const Plan& p, const std::string& type) {
    for (const Node& n : p.nodes) {
        if (n.nodeType == type)
            return true;
    }
    return false;
}

// Exclusive times add up to the plan total (no time lost or counted twice).
// The nodes' exclusive times add up to the plan's time. EXPLAIN prints each node's time per
// loop with three decimals, so a node run 100,000 times (a nested loop's inner side) carries
// up to 0.0005 ms x 100,000 of rounding in its all-loops time: the tolerance counts it.
bool timesAddUp(const Plan& p) {
    double sum = 0;
    double rounding = 0;
    for (const Node& n : p.nodes) {
        sum += n.derived.exclusiveTimeMs.value_or(0);
        rounding += 0.001 * std::max(1.0, n.derived.effectiveLoops);
    }
    const bool ok = p.totalTimeMs <= 0 ||
                    std::fabs(sum - p.totalTimeMs) <= 0.02 * p.totalTimeMs + 0.01 + rounding;
    if (!ok)
        qWarning("exclusive times add up to %.3f ms, the plan took %.3f ms (rounding %.3f ms)", sum,
                 p.totalTimeMs, rounding);
    return ok;
}

class Pg {
public:
    explicit Pg(const std::string& uri) {
        conn_ = PQconnectdb(uri.c_str());
        PQsetNoticeProcessor(
            conn_, [](void*, const char*) {}, nullptr);
    }
    ~Pg() { PQfinish(conn_); }
    Pg(const Pg&) = delete;
    Pg& operator=(const Pg&) = delete;
    bool ok() const { return PQstatus(conn_) == CONNECTION_OK; }
    std::string error() const { return PQerrorMessage(conn_); }

    // Runs sql; the rows' first column joined with newlines. Throws on error.
    std::string exec(const std::string& sql) {
        PGresult* r = PQexec(conn_, sql.c_str());
        const auto st = PQresultStatus(r);
        std::string out;
        if (st == PGRES_TUPLES_OK) {
            for (int i = 0; i < PQntuples(r); ++i)
                out += std::string(i ? "\n" : "") + PQgetvalue(r, i, 0);
        }
        const bool good = st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK;
        const std::string error = good ? std::string() : PQresultErrorMessage(r);
        PQclear(r);
        if (!good)
            throw std::runtime_error(sql.substr(0, 60) + ": " + error);
        return out;
    }

private:
    PGconn* conn_;
};

class My {
public:
    My(const std::string& host, unsigned port, const std::string& user, const std::string& pw,
       const std::string& db) {
        conn_ = mysql_init(nullptr);
        connected_ = mysql_real_connect(conn_, host.c_str(), user.c_str(), pw.c_str(), db.c_str(),
                                        port, nullptr, CLIENT_MULTI_STATEMENTS) != nullptr;
    }
    ~My() { mysql_close(conn_); }
    My(const My&) = delete;
    My& operator=(const My&) = delete;
    bool ok() const { return connected_; }
    std::string error() { return mysql_error(conn_); }

    std::string exec(const std::string& sql) {
        if (mysql_query(conn_, sql.c_str()) != 0)
            throw std::runtime_error(sql.substr(0, 60) + ": " + mysql_error(conn_));
        std::string out;
        do {
            MYSQL_RES* res = mysql_store_result(conn_);
            if (res) {
                MYSQL_ROW row;
                while ((row = mysql_fetch_row(res)))
                    out += row[0] ? row[0] : "";
                mysql_free_result(res);
            }
        } while (mysql_next_result(conn_) == 0);
        if (mysql_errno(conn_))
            throw std::runtime_error(sql.substr(0, 60) + ": " + mysql_error(conn_));
        return out;
    }

private:
    MYSQL* conn_;
    bool connected_ = false;
};

const char* kPgSetup = R"(
DROP SCHEMA IF EXISTS dbt_plans CASCADE;
CREATE SCHEMA dbt_plans;
SET search_path = dbt_plans;
CREATE TABLE customers (id int PRIMARY KEY, name text NOT NULL, country text NOT NULL);
INSERT INTO customers SELECT g, 'customer ' || g, (ARRAY['de','fr','us','jp'])[1 + g % 4]
  FROM generate_series(1, 20000) g;
CREATE TABLE orders (id int PRIMARY KEY, customer_id int NOT NULL, amount numeric NOT NULL,
  note text NOT NULL, created date NOT NULL);
INSERT INTO orders SELECT g, 1 + (g * 7919) % 20000, (g % 1000) / 10.0, md5(g::text),
  date '2024-01-01' + (g % 365) FROM generate_series(1, 200000) g;
CREATE INDEX orders_customer ON orders (customer_id);
CREATE TABLE items (order_id int NOT NULL, line int NOT NULL, qty int NOT NULL,
  PRIMARY KEY (order_id, line));
INSERT INTO items SELECT o, l, 1 + (o + l) % 5 FROM generate_series(1, 200000) o,
  generate_series(1, 2) l;
CREATE TABLE corr (a int NOT NULL, b int NOT NULL, pad text);
INSERT INTO corr SELECT g % 100, g % 100, 'x' FROM generate_series(1, 100000) g;
CREATE TABLE vm (id int PRIMARY KEY, v int NOT NULL) WITH (autovacuum_enabled = false);
INSERT INTO vm SELECT g, g FROM generate_series(1, 100000) g;
CREATE TABLE events (id int NOT NULL, at date NOT NULL, kind text NOT NULL)
  PARTITION BY RANGE (at);
CREATE TABLE events_q1 PARTITION OF events FOR VALUES FROM ('2024-01-01') TO ('2024-04-01');
CREATE TABLE events_q2 PARTITION OF events FOR VALUES FROM ('2024-04-01') TO ('2024-07-01');
CREATE TABLE events_q3 PARTITION OF events FOR VALUES FROM ('2024-07-01') TO ('2024-10-01');
CREATE TABLE events_q4 PARTITION OF events FOR VALUES FROM ('2024-10-01') TO ('2025-01-01');
INSERT INTO events SELECT g, date '2024-01-01' + (g % 366), (ARRAY['view','click','buy'])[1 + g % 3]
  FROM generate_series(1, 100000) g;
VACUUM ANALYZE customers, orders, items, corr, vm, events;
UPDATE vm SET v = v + 1 WHERE id % 10 = 0;
)";

const char* kMySetup = R"(
DROP TABLE IF EXISTS plan_orders, plan_customers;
CREATE TABLE plan_customers (id INT PRIMARY KEY, name VARCHAR(64) NOT NULL,
  country CHAR(2) NOT NULL) ENGINE=InnoDB;
INSERT INTO plan_customers SELECT seq, CONCAT('customer ', seq),
  ELT(1 + seq % 4, 'de', 'fr', 'us', 'jp') FROM seq_1_to_20000;
CREATE TABLE plan_orders (id INT PRIMARY KEY, customer_id INT NOT NULL,
  amount DECIMAL(10,2) NOT NULL, note CHAR(32) NOT NULL,
  KEY plan_orders_customer (customer_id)) ENGINE=InnoDB;
INSERT INTO plan_orders SELECT seq, 1 + (seq * 7919) % 20000, (seq % 1000) / 10.0, MD5(seq)
  FROM seq_1_to_100000;
ANALYZE TABLE plan_customers, plan_orders PERSISTENT FOR ALL;
)";

const char* kSerial = "SET max_parallel_workers_per_gather = 0;";
const char* kParallel = "SET max_parallel_workers_per_gather = 2; SET parallel_setup_cost = 0; "
                        "SET parallel_tuple_cost = 0; SET min_parallel_table_scan_size = 0;";

} // namespace

class TestPlansLive : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() {
        pgUri_ = env("DBTRIAGE_PG_ADMIN_URI");
        myPassword_ = env("DBTRIAGE_MARIADB_ADMIN_PASSWORD");
        myPort_ = env("DBTRIAGE_MARIADB_PORT");
        if (pgUri_.empty() || myPassword_.empty() || myPort_.empty())
            QSKIP("DBTRIAGE_PG_ADMIN_URI / DBTRIAGE_MARIADB_ADMIN_PASSWORD / "
                  "DBTRIAGE_MARIADB_PORT are not set: source the env file printed by "
                  "scripts/sandbox start.");
        pg_ = std::make_unique<Pg>(pgUri_);
        QVERIFY2(pg_->ok(), pg_->error().c_str());
        try {
            // One statement at a time: VACUUM cannot run in the implicit transaction of a
            // multi-statement query.
            const std::string setup = kPgSetup;
            std::size_t pos = 0;
            while (pos < setup.size()) {
                std::size_t end = setup.find(";\n", pos);
                if (end == std::string::npos)
                    end = setup.size();
                const std::string statement = setup.substr(pos, end - pos);
                if (statement.find_first_not_of(" \n") != std::string::npos)
                    pg_->exec(statement);
                pos = end + 2;
            }
        } catch (const std::exception& e) {
            QFAIL(e.what());
        }
        const std::string host = env("DBTRIAGE_MARIADB_HOST").empty()
                                     ? std::string("127.0.0.1")
                                     : env("DBTRIAGE_MARIADB_HOST");
        my_ = std::make_unique<My>(host, static_cast<unsigned>(std::stoul(myPort_)),
                                   "dbtriage_admin", myPassword_, "dbtriage_test");
        QVERIFY2(my_->ok(), my_->error().c_str());
        try {
            my_->exec(kMySetup);
        } catch (const std::exception& e) {
            QFAIL(e.what());
        }
    }

    void postgres_data() {
        QTest::addColumn<std::string>("settings");
        QTest::addColumn<std::string>("query");
        QTest::addColumn<QStringList>("expected"); // empty: no insight at all
        QTest::addColumn<QString>("node");         // a node type the plan must have

        QTest::newRow("clean-join")
            << std::string(kSerial)
            << std::string("SELECT c.name, o.amount FROM customers c JOIN orders o ON "
                           "o.customer_id = c.id WHERE c.id = 42")
            << QStringList() << QStringLiteral("Nested Loop");
        QTest::newRow("seq-scan-filter")
            << std::string(kSerial) << std::string("SELECT * FROM orders WHERE note = md5('12345')")
            << QStringList{QStringLiteral("filter-removes-rows"),
                           QStringLiteral("seq-scan-few-rows")}
            << QStringLiteral("Seq Scan");
        QTest::newRow("sort-spill")
            << std::string(kSerial) + "SET work_mem = '64kB';"
            << std::string("SELECT * FROM orders ORDER BY note")
            << QStringList{QStringLiteral("sort-spill"), QStringLiteral("large-result")}
            << QStringLiteral("Sort");
        QTest::newRow("hash-spill")
            << std::string(kSerial) +
                   "SET work_mem = '64kB'; SET enable_mergejoin = off; SET enable_nestloop = off;"
            << std::string("SELECT o.id, c.name FROM orders o JOIN customers c ON c.id = "
                           "o.customer_id")
            << QStringList{QStringLiteral("hash-spill"), QStringLiteral("large-result")}
            << QStringLiteral("Hash Join");
        QTest::newRow("hashagg-spill")
            << std::string(kSerial) + "SET work_mem = '64kB'; SET enable_sort = off; "
                                      "SET enable_indexscan = off; SET enable_indexonlyscan = off;"
            << std::string("SELECT customer_id, count(*) FROM orders GROUP BY customer_id")
            << QStringList{QStringLiteral("hash-spill")} << QStringLiteral("Aggregate");
        QTest::newRow("nested-loop")
            << std::string(kSerial) + "SET enable_hashjoin = off; SET enable_mergejoin = off;"
            << std::string("SELECT sum(i.qty) FROM orders o JOIN items i ON i.order_id = o.id "
                           "WHERE o.id <= 100000")
            << QStringList{QStringLiteral("nested-loop-inner")} << QStringLiteral("Nested Loop");
        QTest::newRow("index-only-heap-fetches")
            << std::string(kSerial) + "SET enable_seqscan = off; SET enable_bitmapscan = off;"
            << std::string("SELECT count(id) FROM vm WHERE id <= 50000")
            << QStringList{QStringLiteral("heap-fetches")} << QStringLiteral("Index Only Scan");
        QTest::newRow("lossy-bitmap")
            << std::string(kSerial) +
                   "SET work_mem = '64kB'; SET enable_seqscan = off; SET enable_indexscan = off;"
            << std::string("SELECT count(*) FROM orders WHERE customer_id <= 10000")
            << QStringList{QStringLiteral("lossy-bitmap")} << QStringLiteral("Bitmap Heap Scan");
        QTest::newRow("parallel")
            << std::string(kParallel)
            << std::string("SELECT count(*), avg(amount) FROM orders WHERE amount > 10")
            << QStringList() << QStringLiteral("Gather");
        QTest::newRow("parallel-workers-short")
            << std::string(kParallel) + "SET max_parallel_workers = 0;"
            << std::string("SELECT count(*), avg(amount) FROM orders WHERE amount > 10")
            << QStringList{QStringLiteral("workers-short")} << QStringLiteral("Gather");
        QTest::newRow("misestimate")
            << std::string(kSerial) << std::string("SELECT * FROM corr WHERE a = 1 AND b = 1")
            << QStringList{QStringLiteral("row-misestimate")} << QStringLiteral("Seq Scan");
        // sum(qty), not count(*): an index-only scan's heap fetches depend on whether other
        // sessions' snapshots let VACUUM mark the pages all-visible.
        QTest::newRow("cte-initplan-subplan")
            << std::string(kSerial)
            << std::string("WITH x AS MATERIALIZED (SELECT * FROM orders WHERE id < 100) "
                           "SELECT x.id, (SELECT max(id) FROM customers) m, (SELECT sum(qty) "
                           "FROM items i WHERE i.order_id = x.id) c FROM x WHERE x.amount > "
                           "(SELECT avg(amount) FROM orders WHERE id < 50)")
            << QStringList() << QStringLiteral("CTE Scan");
        QTest::newRow("cte-temp-written")
            << std::string(kSerial) + "SET work_mem = '64kB';"
            << std::string("WITH x AS MATERIALIZED (SELECT * FROM orders) SELECT count(*) "
                           "FROM x")
            << QStringList{QStringLiteral("temp-written")} << QStringLiteral("CTE Scan");
        QTest::newRow("partitioned")
            << std::string(kSerial)
            << std::string("SELECT kind, count(*) FROM events WHERE at >= '2024-04-01' AND "
                           "at < '2024-10-01' GROUP BY kind")
            << QStringList() << QStringLiteral("Append");
    }

    void postgres() {
        QFETCH(std::string, settings);
        QFETCH(std::string, query);
        QFETCH(QStringList, expected);
        QFETCH(QString, node);
        const std::string name = QTest::currentDataTag();
        std::string json;
        std::string text;
        try {
            pg_->exec("RESET ALL; SET search_path = dbt_plans; " + settings);
            json = pg_->exec("EXPLAIN (ANALYZE, BUFFERS, VERBOSE, SETTINGS, FORMAT JSON) " + query);
            text = pg_->exec("EXPLAIN (ANALYZE, BUFFERS) " + query);
            const std::string estimate = pg_->exec("EXPLAIN (FORMAT JSON) " + query);
            writePlan("pg-" + name + ".json", json + "\n");
            writePlan("pg-" + name + ".txt", text + "\n");
            writePlan("pg-" + name + "-estimate.json", estimate + "\n");
            pg_->exec("RESET ALL");
        } catch (const std::exception& e) {
            QFAIL(e.what());
        }
        for (const std::string* source : {&json, &text}) {
            const bool isJson = source == &json;
            Plan plan;
            try {
                plan = parsePlan(*source);
            } catch (const PlanError& e) {
                QFAIL(e.what());
            }
            QCOMPARE(plan.dialect, isJson ? Dialect::PostgresJson : Dialect::PostgresText);
            QVERIFY(plan.analyzed);
            QVERIFY2(hasNode(plan, node.toStdString()), qPrintable(node));
            QVERIFY2(timesAddUp(plan), isJson ? "json" : "text");
            const auto found = codes(findInsights(plan));
            const std::string where =
                std::string(isJson ? "JSON" : "text") + " plan: " + join(found);
            if (expected.isEmpty()) {
                // Clean: nothing beyond a time share (the plan's slowest node always has one).
                for (const auto& c : found)
                    QVERIFY2(c == "time-share", where.c_str());
            }
            for (const QString& code : expected)
                QVERIFY2(found.count(code.toStdString()),
                         (code.toStdString() + " missing from " + where).c_str());
        }
    }

    void mariadb_data() {
        QTest::addColumn<std::string>("query");
        QTest::addColumn<QStringList>("expected");        // ANALYZE FORMAT=JSON
        QTest::addColumn<QStringList>("expectedExplain"); // EXPLAIN FORMAT=JSON

        QTest::newRow("clean-join")
            << std::string("SELECT c.name, o.amount FROM plan_customers c JOIN plan_orders o "
                           "ON o.customer_id = c.id WHERE c.id = 42")
            << QStringList() << QStringList();
        QTest::newRow("full-scan")
            << std::string("SELECT * FROM plan_orders WHERE note = MD5(12345)")
            << QStringList{QStringLiteral("full-scan"), QStringLiteral("filter-removes-rows")}
            << QStringList{QStringLiteral("full-scan")};
        QTest::newRow("key-not-used")
            << std::string("SELECT * FROM plan_orders WHERE customer_id > 10")
            << QStringList{QStringLiteral("key-not-used")}
            << QStringList{QStringLiteral("key-not-used")};
        QTest::newRow("filesort") << std::string("SELECT * FROM plan_orders ORDER BY note LIMIT 10")
                                  << QStringList{QStringLiteral("filesort")}
                                  << QStringList{QStringLiteral("filesort")};
        QTest::newRow("temporary-table")
            << std::string("SELECT note, count(*) FROM plan_orders GROUP BY note")
            << QStringList{QStringLiteral("temporary-table")}
            << QStringList{QStringLiteral("temporary-table")};
        QTest::newRow("subqueries")
            << std::string("SELECT c.id, (SELECT count(*) FROM plan_orders o WHERE "
                           "o.customer_id = c.id) n FROM plan_customers c WHERE c.country = "
                           "'de' AND c.id IN (SELECT customer_id FROM plan_orders WHERE amount "
                           "> 99) ORDER BY c.name LIMIT 5")
            << QStringList{QStringLiteral("full-scan"), QStringLiteral("filesort")}
            << QStringList{QStringLiteral("filesort")};
    }

    void mariadb() {
        QFETCH(std::string, query);
        QFETCH(QStringList, expected);
        QFETCH(QStringList, expectedExplain);
        const std::string name = QTest::currentDataTag();
        std::string analyze;
        std::string explain;
        try {
            analyze = my_->exec("ANALYZE FORMAT=JSON " + query);
            explain = my_->exec("EXPLAIN FORMAT=JSON " + query);
        } catch (const std::exception& e) {
            QFAIL(e.what());
        }
        writePlan("mariadb-analyze-" + name + ".json", analyze + "\n");
        writePlan("mariadb-" + name + ".json", explain + "\n");
        for (const bool isAnalyze : {true, false}) {
            Plan plan;
            try {
                plan = parsePlan(isAnalyze ? analyze : explain);
            } catch (const PlanError& e) {
                QFAIL(e.what());
            }
            QCOMPARE(plan.dialect, isAnalyze ? Dialect::MariadbAnalyzeJson : Dialect::MariadbJson);
            QCOMPARE(plan.analyzed, isAnalyze);
            QVERIFY(hasNode(plan, "table"));
            QVERIFY(timesAddUp(plan));
            const auto found = codes(findInsights(plan));
            const std::string where =
                std::string(isAnalyze ? "ANALYZE" : "EXPLAIN") + " plan: " + join(found);
            const QStringList& want = isAnalyze ? expected : expectedExplain;
            if (want.isEmpty()) {
                for (const auto& c : found)
                    QVERIFY2(c == "time-share", where.c_str());
            }
            for (const QString& code : want)
                QVERIFY2(found.count(code.toStdString()),
                         (code.toStdString() + " missing from " + where).c_str());
        }
    }

    void cleanupTestCase() {
        try {
            if (pg_ && pg_->ok())
                pg_->exec("DROP SCHEMA IF EXISTS dbt_plans CASCADE");
            if (my_ && my_->ok())
                my_->exec("DROP TABLE IF EXISTS plan_orders, plan_customers");
        } catch (const std::exception&) {
        }
    }

private:
    std::string pgUri_;
    std::string myPassword_;
    std::string myPort_;
    std::unique_ptr<Pg> pg_;
    std::unique_ptr<My> my_;
};

QTEST_GUILESS_MAIN(TestPlansLive)
#include "tst_plans_live.moc"
