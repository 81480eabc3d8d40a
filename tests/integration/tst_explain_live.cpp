// EXPLAIN on the sandbox servers, as dbtriage runs it for a statement from the top-queries
// list: generic plans for pg_stat_statements texts ($1, interval $1, IN lists, LIMIT $1,
// CTEs), no prepared statement left behind, ANALYZE for a plain SELECT only (and read-only
// even inside a function), the lock timeout under another session's ACCESS EXCLUSIVE lock,
// database and search_path selection; MariaDB digests; the CLI through the built binary.
#include "engines/engine.h"
#include "engines/postgres/pgexplain.h"
#include "engines/postgres/pgsession.h"
#include "livetest.h"
#include "plans/insights.h"
#include "plans/parse.h"
#include "toolrun.h"

#include <QFile>
#include <QProcessEnvironment>
#include <QTest>
#include <algorithm>
#include <cstdlib>
#include <libpq-fe.h>
#include <memory>
#include <mysql.h>
#include <nlohmann/json.hpp>
#include <pqxx/connection>
#include <pqxx/nontransaction>
#include <string>

#ifndef DBTRIAGE_BIN
#error "DBTRIAGE_BIN must name the built dbtriage executable"
#endif

using namespace dbt;

namespace {

using test::RawPg;

std::string env(const char* name) {
    const char* v = std::getenv(name);
    return v ? std::string(v) : std::string();
}

std::string withDatabase(std::string uri, const std::string& from, const std::string& to) {
    const auto at = uri.rfind("/" + from);
    if (at != std::string::npos)
        uri.replace(at + 1, from.size(), to);
    return uri;
}

using test::Run;

Run runTool(const QStringList& args) {
    QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
    e.remove(QStringLiteral("DISPLAY"));
    return test::runProgram(QStringLiteral(DBTRIAGE_BIN), args, e);
}

int preparedCount(pqxx::connection& c) {
    pqxx::nontransaction tx(c);
    return tx.exec("SELECT count(*) FROM pg_prepared_statements")[0][0].as<int>();
}

bool inTransaction(pqxx::connection& c) {
    // now() is the transaction's start: inside a leftover transaction block it stays put.
    pqxx::nontransaction tx(c);
    return tx.exec("SELECT now() <> statement_timestamp()")[0][0].as<bool>();
}

} // namespace

class TestExplainLive : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() {
        adminUri_ = env("DBTRIAGE_PG_ADMIN_URI");
        mariaUri_ = env("DBTRIAGE_MARIADB_ADMIN_URI");
        if (adminUri_.empty() || mariaUri_.empty())
            QSKIP("DBTRIAGE_PG_ADMIN_URI / DBTRIAGE_MARIADB_ADMIN_URI are not set: start the "
                  "servers with `source \"$(scripts/sandbox start)\"` or run scripts/test.");
        setup_ = std::make_unique<RawPg>(adminUri_, "tst_explain_setup");
        QVERIFY2(setup_->ok(), setup_->error().c_str());
        const char* statements[] = {
            "DROP TABLE IF EXISTS tst_ex_t, tst_ex_log",
            "DROP SCHEMA IF EXISTS tst_ex_s CASCADE",
            "CREATE TABLE tst_ex_t (id int PRIMARY KEY, ts timestamptz, name text, k int)",
            "INSERT INTO tst_ex_t SELECT g, now() - g * interval '1 min', 'n' || g, g % 50 "
            "FROM generate_series(1, 50000) g",
            "ANALYZE tst_ex_t",
            "CREATE TABLE tst_ex_log (x int)",
            "CREATE OR REPLACE FUNCTION tst_ex_write() RETURNS int LANGUAGE plpgsql VOLATILE AS "
            "$$BEGIN INSERT INTO tst_ex_log VALUES (1); RETURN 1; END$$",
            "CREATE SCHEMA tst_ex_s",
            "CREATE TABLE tst_ex_s.tst_ex_only_in_schema (a int)",
        };
        for (const char* s : statements)
            QVERIFY2(setup_->exec(s), setup_->last().c_str());
        otherDbUri_ = withDatabase(adminUri_, "dbtriage_test", "dbtriage_nopss");
        RawPg other(otherDbUri_, "tst_explain_setup");
        QVERIFY2(other.ok(), other.error().c_str());
        QVERIFY(other.exec("DROP TABLE IF EXISTS tst_ex_other_db"));
        QVERIFY(other.exec("CREATE TABLE tst_ex_other_db (a int)"));
    }

    void cleanupTestCase() {
        if (setup_ && setup_->ok()) {
            setup_->exec("DROP TABLE IF EXISTS tst_ex_t, tst_ex_log");
            setup_->exec("DROP FUNCTION IF EXISTS tst_ex_write()");
            setup_->exec("DROP SCHEMA IF EXISTS tst_ex_s CASCADE");
        }
        if (!otherDbUri_.empty()) {
            RawPg other(otherDbUri_, "tst_explain_setup");
            other.exec("DROP TABLE IF EXISTS tst_ex_other_db");
        }
    }

    // ------------------------------------------------------------ generic plans

    void genericPlans_data() {
        QTest::addColumn<QString>("sql");
        QTest::addColumn<QString>("nodeType"); // a node the plan must hold
        QTest::addColumn<bool>("rewritten");
        QTest::newRow("$1") << "SELECT * FROM tst_ex_t WHERE id = $1"
                            << "Index Scan" << false;
        QTest::newRow("interval $1")
            << "SELECT count(*) FROM tst_ex_t WHERE ts > now() - interval $1"
            << "Aggregate" << true;
        QTest::newRow("$1 || $2") << "SELECT * FROM tst_ex_t WHERE name = $1 || $2"
                                  << "Seq Scan" << false;
        QTest::newRow("$1 + $2, types guessed") << "SELECT $1 + $2"
                                                << "Result" << false;
        QTest::newRow("IN list") << "SELECT name FROM tst_ex_t WHERE id IN ($1, $2, $3)"
                                 << "Index Scan" << false;
        QTest::newRow("LIMIT $1") << "SELECT * FROM tst_ex_t ORDER BY id LIMIT $1"
                                  << "Limit" << false;
        QTest::newRow("CTE") << "WITH c AS MATERIALIZED (SELECT * FROM tst_ex_t WHERE k = $1) "
                                "SELECT count(*) FROM c"
                             << "CTE Scan" << false;
    }

    void genericPlans() {
        QFETCH(QString, sql);
        QFETCH(QString, nodeType);
        QFETCH(bool, rewritten);
        pqxx::connection conn(adminUri_);
        pg::ExplainContext context;
        ExplainRequest request;
        request.sql = sql.toStdString();
        ExplainResult r;
        try {
            r = pg::explainOn(conn, request, context);
        } catch (const std::exception& e) {
            QFAIL(e.what());
        }
        QVERIFY(r.genericPlan);
        QVERIFY(!r.analyzed);
        QCOMPARE(QString::fromStdString(r.dialect), QStringLiteral("postgres-json"));
        const plans::Plan plan = plans::parsePlan(r.plan);
        bool found = false;
        for (const plans::Node& n : plan.nodes)
            found = found || QString::fromStdString(n.nodeType) == nodeType;
        QVERIFY2(found, r.plan.c_str());
        bool noted = false;
        for (const std::string& n : r.notes)
            noted = noted || n.find("Rewrote") != std::string::npos;
        QCOMPARE(noted, rewritten);
        if (rewritten)
            QVERIFY(r.explained.find("$1::interval") != std::string::npos);
        QCOMPARE(preparedCount(conn), 0);
        QVERIFY(!inTransaction(conn));
    }

    // The cost of a generic plan is explained without ANALYZE: a filtered seq scan over the
    // table for few rows fires seq-scan-estimated; an index scan stays quiet.
    void genericPlanInsight() {
        pqxx::connection conn(adminUri_);
        auto insightCodes = [&](const char* sql) {
            ExplainRequest request;
            request.sql = sql;
            const ExplainResult r = pg::explainOn(conn, request, {});
            std::vector<std::string> codes;
            for (const plans::Insight& i : plans::findInsights(plans::parsePlan(r.plan)))
                codes.push_back(i.code);
            return codes;
        };
        const auto slow = insightCodes("SELECT * FROM tst_ex_t WHERE name = $1 AND k = $2");
        QVERIFY(std::find(slow.begin(), slow.end(), "seq-scan-estimated") != slow.end());
        const auto fast = insightCodes("SELECT * FROM tst_ex_t WHERE id = $1");
        QVERIFY(fast.empty());
    }

    // PREPARE succeeds, then planning fails (1/0 is folded by the planner): the aborted
    // transaction is rolled back first and the statement deallocated after it.
    void failedExecuteLeavesNoPreparedStatement() {
        pqxx::connection conn(adminUri_);
        ExplainRequest request;
        request.sql = "SELECT * FROM tst_ex_t WHERE id = $1 AND 1 / 0 = 1";
        QVERIFY_THROWS_EXCEPTION(EngineError, pg::explainOn(conn, request, {}));
        QCOMPARE(preparedCount(conn), 0);
        QVERIFY(!inTransaction(conn));
        // A statement PREPARE refuses, too.
        request.sql = "SELECT * FROM tst_ex_no_such_table WHERE id = $1";
        try {
            pg::explainOn(conn, request, {});
            QFAIL("explained a missing table");
        } catch (const std::exception& e) {
            const EngineError mapped = pg::explainFailure(e, {});
            QVERIFY2(std::string(mapped.what()).find("does not exist") != std::string::npos,
                     mapped.what());
        }
        QCOMPARE(preparedCount(conn), 0);
        QVERIFY(!inTransaction(conn));
    }

    // ------------------------------------------------------------ ANALYZE

    void analyzeSelect() {
        auto session = makePostgresSession(options(adminUri_));
        session->connect();
        ExplainRequest request;
        request.sql = "SELECT count(*) FROM tst_ex_t WHERE k = 7";
        request.analyze = true;
        const ExplainResult r = session->explain(request);
        QVERIFY(r.analyzed);
        QVERIFY(!r.genericPlan);
        const plans::Plan plan = plans::parsePlan(r.plan);
        QVERIFY(plan.analyzed);
        QVERIFY(r.plan.find("\"Shared Hit Blocks\"") != std::string::npos); // BUFFERS
    }

    void analyzeRefused_data() {
        QTest::addColumn<QString>("sql");
        QTest::addColumn<QString>("reason");
        QTest::newRow("insert") << "INSERT INTO tst_ex_log VALUES (2)"
                                << "INSERT";
        QTest::newRow("update") << "UPDATE tst_ex_t SET k = 0"
                                << "UPDATE";
        QTest::newRow("delete") << "DELETE FROM tst_ex_t"
                                << "DELETE";
        QTest::newRow("for update") << "SELECT * FROM tst_ex_t WHERE id = 1 FOR UPDATE"
                                    << "locks rows";
        QTest::newRow("writing cte")
            << "WITH d AS (DELETE FROM tst_ex_t WHERE id = 1 RETURNING *) SELECT * FROM d"
            << "data-modifying";
        QTest::newRow("parameters") << "SELECT * FROM tst_ex_t WHERE id = $1"
                                    << "values";
    }

    void analyzeRefused() {
        QFETCH(QString, sql);
        QFETCH(QString, reason);
        auto session = makePostgresSession(options(adminUri_));
        session->connect();
        ExplainRequest request;
        request.sql = sql.toStdString();
        request.analyze = true;
        try {
            session->explain(request);
            QFAIL("ANALYZE ran");
        } catch (const EngineError& e) {
            QCOMPARE(e.kind(), EngineError::Kind::Query);
            QVERIFY2(QString::fromUtf8(e.what()).contains(reason), e.what());
        }
        QCOMPARE(setup_->value("SELECT count(*) FROM tst_ex_t"), std::string("50000"));
        QCOMPARE(setup_->value("SELECT count(*) FROM tst_ex_t WHERE k = 0"), std::string("1000"));
        QCOMPARE(setup_->value("SELECT count(*) FROM tst_ex_log"), std::string("0"));
        // The session is usable afterwards.
        request.analyze = false;
        request.sql = "SELECT 1";
        QVERIFY(!session->explain(request).plan.empty());
    }

    // A SELECT that calls a writing function looks plain to the parser; the read-only
    // transaction stops it (the role is a superuser, so nothing else would).
    void analyzeWriteInFunctionIsStopped() {
        auto session = makePostgresSession(options(adminUri_));
        session->connect();
        ExplainRequest request;
        request.sql = "SELECT tst_ex_write()";
        request.analyze = true;
        try {
            session->explain(request);
            QFAIL("the function wrote");
        } catch (const EngineError& e) {
            QVERIFY2(QString::fromUtf8(e.what()).contains(QLatin1String("read-only")), e.what());
        }
        QCOMPARE(setup_->value("SELECT count(*) FROM tst_ex_log"), std::string("0"));
    }

    // ------------------------------------------------------------ locks, databases

    void lockTimeoutUnderAccessExclusive() {
        RawPg holder(adminUri_, "tst_explain_setup");
        QVERIFY(holder.ok());
        QVERIFY(holder.exec("BEGIN"));
        QVERIFY(holder.exec("LOCK TABLE tst_ex_t IN ACCESS EXCLUSIVE MODE"));
        ConnectOptions o = options(adminUri_);
        o.lockTimeoutMs = 200;
        auto session = makePostgresSession(o);
        session->connect();
        for (const char* sql : {"SELECT * FROM tst_ex_t WHERE id = $1", "SELECT * FROM tst_ex_t"}) {
            ExplainRequest request;
            request.sql = sql;
            try {
                session->explain(request);
                QFAIL("EXPLAIN went through an ACCESS EXCLUSIVE lock");
            } catch (const EngineError& e) {
                QCOMPARE(e.kind(), EngineError::Kind::Query);
                QVERIFY2(
                    QString::fromUtf8(e.what()).contains(QLatin1String("lock timeout (200 ms)")),
                    e.what());
            }
        }
        QVERIFY(holder.exec("ROLLBACK"));
        ExplainRequest request;
        request.sql = "SELECT * FROM tst_ex_t WHERE id = $1";
        QVERIFY(session->explain(request).genericPlan);
    }

    void databaseAndSearchPath() {
        auto session = makePostgresSession(options(adminUri_));
        session->connect();
        ExplainRequest request;
        request.sql = "SELECT * FROM tst_ex_other_db";
        QVERIFY_THROWS_EXCEPTION(EngineError, session->explain(request));
        request.database = "dbtriage_nopss";
        const ExplainResult r = session->explain(request);
        QVERIFY(r.plan.find("tst_ex_other_db") != std::string::npos);
        // The monitoring session itself stays where it was.
        request.database.clear();
        request.sql = "SELECT * FROM tst_ex_t";
        QVERIFY(!session->explain(request).plan.empty());

        request.sql = "SELECT * FROM tst_ex_only_in_schema WHERE a = $1";
        QVERIFY_THROWS_EXCEPTION(EngineError, session->explain(request));
        request.searchPath = "tst_ex_s, public";
        QVERIFY(session->explain(request).genericPlan);
        // SET LOCAL: gone after the EXPLAIN.
        request.searchPath.clear();
        QVERIFY_THROWS_EXCEPTION(EngineError, session->explain(request));
    }

    // ------------------------------------------------------------ MariaDB

    void mariadbDigestAndAnalyze() {
        MYSQL* m = mysql_init(nullptr);
        const std::string host = env("DBTRIAGE_MARIADB_HOST");
        const unsigned port =
            static_cast<unsigned>(std::atoi(env("DBTRIAGE_MARIADB_PORT").c_str()));
        QVERIFY(mysql_real_connect(m, host.c_str(), "dbtriage_admin",
                                   env("DBTRIAGE_MARIADB_ADMIN_PASSWORD").c_str(), "dbtriage_test",
                                   port, nullptr, 0));
        for (const char* s :
             {"DROP TABLE IF EXISTS tst_ex_m",
              "CREATE TABLE tst_ex_m (id int PRIMARY KEY, k int, name varchar(20), KEY (k))",
              "INSERT INTO tst_ex_m SELECT seq, seq % 100, concat('n', seq) FROM seq_1_to_5000",
              "ANALYZE TABLE tst_ex_m"}) {
            QVERIFY2(mysql_query(m, s) == 0, mysql_error(m));
            if (MYSQL_RES* res = mysql_store_result(m))
                mysql_free_result(res);
        }
        auto session = openEngine(options(mariaUri_));
        session->connect();
        ExplainRequest request;
        request.sql = "SELECT `name` FROM `tst_ex_m` WHERE `k` = ? AND `id` IN (...) LIMIT ?";
        const ExplainResult r = session->explain(request);
        QCOMPARE(QString::fromStdString(r.dialect), QStringLiteral("mariadb-json"));
        QVERIFY(r.explained.find('?') == std::string::npos);
        QVERIFY(!r.notes.empty() && r.notes[0].find("3 placeholders") != std::string::npos);
        QVERIFY(!plans::parsePlan(r.plan).nodes.empty());

        request.sql = "SELECT count(*) FROM tst_ex_m WHERE name LIKE 'n1%'";
        request.analyze = true;
        const ExplainResult a = session->explain(request);
        QVERIFY(a.analyzed);
        QCOMPARE(QString::fromStdString(a.dialect), QStringLiteral("mariadb-analyze-json"));
        QVERIFY(plans::parsePlan(a.plan).analyzed);

        for (const char* refused :
             {"UPDATE tst_ex_m SET k = 0", "DELETE FROM tst_ex_m",
              "SELECT * FROM tst_ex_m WHERE id = ?", "SELECT * FROM tst_ex_m FOR UPDATE"}) {
            request.sql = refused;
            QVERIFY_THROWS_EXCEPTION(EngineError, session->explain(request));
        }
        QVERIFY(mysql_query(m, "SELECT count(*) FROM tst_ex_m WHERE k = 0") == 0);
        MYSQL_RES* res = mysql_store_result(m);
        QCOMPARE(std::string(mysql_fetch_row(res)[0]), std::string("50"));
        mysql_free_result(res);
        mysql_query(m, "DROP TABLE IF EXISTS tst_ex_m");
        mysql_close(m);
    }

    // ------------------------------------------------------------ the CLI

    void cliExplain() {
        QVERIFY(QFile::exists(QStringLiteral(DBTRIAGE_BIN)));
        const QString uri = QString::fromStdString(adminUri_);
        const QString sql = QStringLiteral("SELECT * FROM tst_ex_t WHERE name = $1");
        const Run text = runTool({QStringLiteral("explain"), uri, QStringLiteral("--query"), sql});
        QVERIFY2(text.exitCode == 0, qPrintable(text.err));
        QVERIFY2(text.out.contains(QLatin1String("generic plan")), qPrintable(text.out));
        QVERIFY2(text.out.contains(QLatin1String("Seq Scan on tst_ex_t")), qPrintable(text.out));
        QVERIFY(!text.out.contains(QString::fromStdString(env("DBTRIAGE_PG_ADMIN_PASSWORD"))));

        const Run json = runTool({QStringLiteral("explain"), uri, QStringLiteral("--query"), sql,
                                  QStringLiteral("--json")});
        QVERIFY2(json.exitCode == 0, qPrintable(json.err));
        const auto doc = nlohmann::json::parse(json.out.toStdString());
        QVERIFY(doc.at("generic_plan").get<bool>());
        QVERIFY(!doc.at("analyzed").get<bool>());
        QVERIFY(doc.at("insights").is_array());
        QVERIFY(!doc.at("plan").at("nodes").empty());
        QVERIFY(!doc.at("notes").empty());

        const Run refused =
            runTool({QStringLiteral("explain"), uri, QStringLiteral("--analyze"),
                     QStringLiteral("--query"), QStringLiteral("DELETE FROM tst_ex_t")});
        QCOMPARE(refused.exitCode, 4);
        QVERIFY2(refused.err.contains(QLatin1String("plain SELECT")), qPrintable(refused.err));
        QCOMPARE(setup_->value("SELECT count(*) FROM tst_ex_t"), std::string("50000"));

        const Run usage = runTool({QStringLiteral("explain"), uri});
        QCOMPARE(usage.exitCode, 2);
    }

private:
    static ConnectOptions options(const std::string& uri) {
        ConnectOptions o;
        o.target = uri;
        return o;
    }

    std::string adminUri_;
    std::string mariaUri_;
    std::string otherDbUri_;
    std::unique_ptr<RawPg> setup_;
};

QTEST_GUILESS_MAIN(TestExplainLive)
#include "tst_explain_live.moc"
