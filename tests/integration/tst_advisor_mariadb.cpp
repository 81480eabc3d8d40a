// The index advisor's heuristic path on the sandbox MariaDB 10.11 (scripts/sandbox start;
// variables from its env file). Tables with enough rows that a full scan shows, a workload run
// through a plain client so that the digests appear, then the digests read the way the CLI
// reads them (a driver sample, workloadFrom) and advised on through the monitoring user.
// At the end the proposed DDL is applied by the test's admin connection (dbtriage never does)
// to check that it is valid and that the plans then use the index.
#include "advisor/advisor.h"
#include "advisor/workload.h"
#include "engines/engine.h"
#include "engines/mysql/mysqluri.h"
#include "i18n/messagetext.h"
#include "translationcheck.h"

#include <QTest>
#include <cstdlib>
#include <fstream>
#include <map>
#include <mysql.h>
#include <regex>
#include <string>
#include <vector>

using namespace dbt;
using namespace dbt::advisor;

namespace {

std::map<std::string, std::string> gEnv;

void loadEnv() {
    if (const char* file = std::getenv("DBTRIAGE_SANDBOX_ENV")) {
        std::ifstream in(file);
        std::string line;
        const std::regex re(R"(^\s*(?:export\s+)?([A-Z0-9_]+)='?([^']*)'?\s*$)");
        std::smatch m;
        while (std::getline(in, line))
            if (std::regex_match(line, m, re))
                gEnv[m[1]] = m[2];
    }
    for (const char* name : {"DBTRIAGE_MARIADB_ADMIN_URI", "DBTRIAGE_MARIADB_MONITOR_URI"})
        if (const char* v = std::getenv(name))
            gEnv[name] = v;
}

std::string env(const char* name) {
    const auto it = gEnv.find(name);
    return it == gEnv.end() ? std::string() : it->second;
}

// A plain C API connection for set-up and workload (never the advisor's).
class RawConn {
public:
    explicit RawConn(const std::string& uri) {
        const auto t = mysql::parseMysqlTarget(uri);
        db_ = mysql_init(nullptr);
        mysql_optionsv(db_, MYSQL_SET_CHARSET_NAME, "utf8mb4");
        if (!mysql_real_connect(db_, t.host.c_str(), t.user ? t.user->c_str() : nullptr,
                                t.password ? t.password->c_str() : nullptr,
                                t.database.empty() ? nullptr : t.database.c_str(), t.port, nullptr,
                                0))
            qFatal("set-up connection failed: %s", mysql_error(db_));
    }
    ~RawConn() { mysql_close(db_); }
    RawConn(const RawConn&) = delete;
    RawConn& operator=(const RawConn&) = delete;

    // Rows of the result, fields joined with '|'; a warning and false on failure.
    bool exec(const std::string& sql, std::vector<std::string>* rows = nullptr) {
        if (mysql_real_query(db_, sql.data(), sql.size()) != 0) {
            qWarning("%s: %s", sql.c_str(), mysql_error(db_));
            return false;
        }
        MYSQL_RES* res = mysql_store_result(db_);
        if (res) {
            const unsigned n = mysql_num_fields(res);
            while (MYSQL_ROW r = mysql_fetch_row(res)) {
                std::string row;
                for (unsigned i = 0; i < n; ++i)
                    row += (i ? "|" : "") + std::string(r[i] ? r[i] : "NULL");
                if (rows)
                    rows->push_back(row);
            }
            mysql_free_result(res);
        }
        return true;
    }
    std::string one(const std::string& sql) {
        std::vector<std::string> rows;
        exec(sql, &rows);
        return rows.empty() ? std::string() : rows.front();
    }

private:
    MYSQL* db_ = nullptr;
};

const char* kSetup[] = {
    "DROP TABLE IF EXISTS adv_orders, `adv_Kunden`, `adv_we``ird`",
    // customer_id: 5000 values (6 rows each); account_id: 400 values; status: 2 values, 90 %
    // one of them; region_id: indexed twice (region is a prefix of region_created).
    "CREATE TABLE adv_orders (id INT PRIMARY KEY AUTO_INCREMENT, customer_id INT NOT NULL, "
    "account_id INT NOT NULL, status TINYINT NOT NULL, region_id INT NOT NULL, created_at "
    "DATETIME NOT NULL, note VARCHAR(40), KEY region (region_id), KEY region_created "
    "(region_id, created_at), KEY note_unused (note)) ENGINE=InnoDB",
    "INSERT INTO adv_orders (customer_id, account_id, status, region_id, created_at, note) "
    "SELECT (seq * 7919) % 5000, seq % 400, IF(seq % 10 = 0, 0, 1), seq % 50, '2026-01-01' + "
    "INTERVAL seq MINUTE, CONCAT('n', seq) FROM seq_1_to_30000",
    "CREATE TABLE `adv_Kunden` (`KundenNr` INT PRIMARY KEY, `Straße` VARCHAR(40), `Ort` "
    "VARCHAR(40)) ENGINE=InnoDB",
    "INSERT INTO `adv_Kunden` SELECT seq, CONCAT('Straße ', seq), CONCAT('Ort ', seq % 50) FROM "
    "seq_1_to_20000",
    "CREATE TABLE `adv_we``ird` (id INT PRIMARY KEY, `Order` INT, payload VARCHAR(40)) "
    "ENGINE=InnoDB",
    "INSERT INTO `adv_we``ird` SELECT seq, seq, CONCAT('p', seq) FROM seq_1_to_20000",
    // Engine-independent statistics (mysql.column_stats), readable by the monitoring user.
    "ANALYZE TABLE adv_orders PERSISTENT FOR ALL",
    "ANALYZE TABLE `adv_Kunden` PERSISTENT FOR ALL",
    "ANALYZE TABLE `adv_we``ird` PERSISTENT FOR ALL",
    "GRANT SELECT ON mysql.column_stats TO 'dbtriage_monitor'@'127.0.0.1', "
    "'dbtriage_monitor'@'localhost'",
    "TRUNCATE TABLE performance_schema.events_statements_summary_by_digest",
    // ANALYZE ... PERSISTENT reads every index: start counting index reads after it.
    "TRUNCATE TABLE performance_schema.table_io_waits_summary_by_index_usage",
};

std::vector<std::string> workloadStatements(int i) {
    std::vector<std::string> out = {
        "SELECT id, created_at FROM adv_orders WHERE customer_id = " + std::to_string(i * 37),
        "SELECT id FROM adv_orders WHERE region_id = " + std::to_string(i % 50),
        "SELECT id, note FROM adv_orders WHERE account_id = " + std::to_string(i * 3) +
            " ORDER BY created_at LIMIT 20",
        "SELECT `Ort` FROM `adv_Kunden` WHERE `Straße` = 'Straße " + std::to_string(i * 11) + "'",
        "SELECT payload FROM `adv_we``ird` WHERE `Order` = " + std::to_string(i * 13),
    };
    if (i < 8)
        out.push_back("SELECT id, note FROM adv_orders WHERE status = " + std::to_string(i % 2));
    return out;
}

// performance_schema counts of the statements a user sent that change something.
const char* kWrites =
    "SELECT COALESCE(SUM(COUNT_STAR), 0) FROM "
    "performance_schema.events_statements_summary_by_user_by_event_name WHERE USER = "
    "'dbtriage_monitor' AND EVENT_NAME IN ('statement/sql/alter_table', "
    "'statement/sql/create_index', 'statement/sql/drop_index', 'statement/sql/insert', "
    "'statement/sql/update', 'statement/sql/delete', 'statement/sql/analyze', "
    "'statement/sql/create_table', 'statement/sql/drop_table', 'statement/sql/truncate')";

const Proposal* find(const Advice& a, const std::string& table,
                     const std::vector<std::string>& columns) {
    for (const auto& p : a.proposals)
        if (p.candidate.table == table && p.candidate.columns == columns)
            return &p;
    return nullptr;
}

bool proposesOn(const Advice& a, const std::string& table, const std::string& column) {
    for (const auto& p : a.proposals)
        if (p.candidate.table == table && !p.candidate.columns.empty() &&
            p.candidate.columns.front() == column)
            return true;
    return false;
}

bool anyContains(const std::vector<std::string>& texts, const std::string& part) {
    for (const auto& t : texts)
        if (t.find(part) != std::string::npos)
            return true;
    return false;
}

} // namespace

class TestAdvisorMariadb : public QObject {
    Q_OBJECT

    std::string admin_, monitor_;
    std::vector<WorkloadStatement> workload_;
    Advice advice_;
    std::string indexesBefore_;
    std::string writesBefore_;
    std::vector<std::pair<int, int>> progress_;

private slots:
    void initTestCase() {
        loadEnv();
        admin_ = env("DBTRIAGE_MARIADB_ADMIN_URI");
        monitor_ = env("DBTRIAGE_MARIADB_MONITOR_URI");
        if (admin_.empty() || monitor_.empty())
            QSKIP("DBTRIAGE_MARIADB_ADMIN_URI / _MONITOR_URI are not set: start scripts/sandbox "
                  "and set DBTRIAGE_SANDBOX_ENV to its env file.");
        RawConn c(admin_);
        for (const char* sql : kSetup)
            QVERIFY(c.exec(sql));
        {
            RawConn w(admin_);
            for (int i = 0; i < 30; ++i)
                for (const auto& sql : workloadStatements(i))
                    QVERIFY(w.exec(sql));
        }
        indexesBefore_ = c.one("SELECT GROUP_CONCAT(CONCAT(TABLE_NAME, '.', INDEX_NAME) ORDER BY "
                               "1) FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = "
                               "'dbtriage_test' AND TABLE_NAME LIKE 'adv\\_%'");
        writesBefore_ = c.one(kWrites);

        // The workload as the CLI gets it: the driver's statement counters, the costliest.
        ConnectOptions co;
        co.target = monitor_;
        co.redact = false;
        auto session = openEngine(co);
        session->connect();
        Snapshot snapshot;
        snapshot.server.engine = Engine::MariaDB;
        session->sample(snapshot);
        session->disconnect();
        for (const auto& w : workloadFrom(snapshot, 50, 0.0))
            if (w.query.find("adv_") != std::string::npos &&
                w.query.find("TRUNCATE") == std::string::npos)
                workload_.push_back(w);
        QVERIFY2(workload_.size() == 6, std::to_string(workload_.size()).c_str());
        bool placeholders = true;
        for (const auto& w : workload_)
            placeholders &= w.query.find('?') != std::string::npos && w.calls >= 8;
        QVERIFY2(placeholders, "the digests should hold ? placeholders");

        AdvisorOptions options;
        options.connect.target = monitor_;
        options.progress = [this](int done, int total, const std::string&) {
            progress_.emplace_back(done, total);
        };
        advice_ = advise(options, workload_);
    }

    void adviceInGerman() { dbt::test::verifyAdviceGerman(advice_); }

    void selectiveEqualityProposed() {
        const Proposal* p = find(advice_, "adv_orders", {"customer_id"});
        QVERIFY2(p, adviceToText(advice_).c_str());
        QCOMPARE(advice_.engine, std::string("mariadb"));
        QCOMPARE(p->method, std::string("heuristic"));
        QCOMPARE(p->ddl, std::string("ALTER TABLE `dbtriage_test`.`adv_orders` ADD INDEX "
                                     "`idx_adv_orders_customer_id` (`customer_id`), "
                                     "ALGORITHM=INPLACE, LOCK=NONE;"));
        QCOMPARE(p->statements.size(), std::size_t(1));
        // MariaDB 10.11 prints no cost: rows examined, and no invented "after".
        QCOMPARE(advice_.costUnit, std::string("rows examined (estimate)"));
        QVERIFY(p->statements[0].costBefore > 20000);
        QVERIFY(!p->statements[0].costAfter);
        QVERIFY(anyContains(p->caveats, "not validated"));
        QVERIFY(anyContains(p->caveats, "IGNORED"));
        QVERIFY(anyContains(p->caveats, "mysql.column_stats"));
        QVERIFY(anyContains(p->caveats, "access_type ALL"));
        // Sizes from column_stats' average lengths: 30000 rows of a few bytes.
        QVERIFY(p->sizeBytes && *p->sizeBytes > 100000 && *p->sizeBytes < 5e6);
    }

    void nothingForNonSelectiveOrIndexed() {
        QVERIFY2(!proposesOn(advice_, "adv_orders", "status"), adviceToText(advice_).c_str());
        QVERIFY2(!proposesOn(advice_, "adv_orders", "region_id"), adviceToText(advice_).c_str());
        QCOMPARE(advice_.proposals.size(), std::size_t(4));
        QCOMPARE(advice_.statementsConsidered, 6);
    }

    void equalityThenOrderBy() {
        const Proposal* p = find(advice_, "adv_orders", {"account_id", "created_at"});
        QVERIFY2(p, adviceToText(advice_).c_str());
        QVERIFY(p->candidate.reason.find("ORDER BY") != std::string::npos);
        QVERIFY(!find(advice_, "adv_orders", {"account_id"}));
    }

    void identifiersQuoted() {
        const Proposal* k = find(advice_, "adv_Kunden", {"Straße"});
        QVERIFY2(k, adviceToText(advice_).c_str());
        QCOMPARE(k->ddl, std::string("ALTER TABLE `dbtriage_test`.`adv_Kunden` ADD INDEX "
                                     "`idx_adv_Kunden_Straße` (`Straße`), ALGORITHM=INPLACE, "
                                     "LOCK=NONE;"));
        const Proposal* w = find(advice_, "adv_we`ird", {"Order"});
        QVERIFY2(w, adviceToText(advice_).c_str());
        QCOMPARE(w->ddl, std::string("ALTER TABLE `dbtriage_test`.`adv_we``ird` ADD INDEX "
                                     "`idx_adv_we``ird_Order` (`Order`), ALGORITHM=INPLACE, "
                                     "LOCK=NONE;"));
    }

    void unusedAndRedundantFromSys() {
        bool unused = false;
        for (const auto& u : advice_.unused) {
            unused |= u.table == "adv_orders" && u.name == "note_unused";
            QVERIFY2(u.name != "PRIMARY", "primary keys are never unused");
        }
        QVERIFY2(unused, adviceToJson(advice_).c_str());
        bool prefix = false;
        for (const auto& r : advice_.redundant)
            prefix |= r.table == "adv_orders" && r.name == "region" &&
                      r.coveredBy == "region_created" && r.kind == "prefix";
        QVERIFY2(prefix, adviceToJson(advice_).c_str());
        QVERIFY(advice_.statsReset.find("server start") != std::string::npos);
        QVERIFY(advice_.explains >= 6);
        QVERIFY(!progress_.empty());
        QCOMPARE(progress_.back(), std::make_pair(6, 6));
    }

    void jsonShape() {
        const std::string text = adviceToJson(advice_);
        const Advice back = adviceFromJson(text);
        QCOMPARE(back.proposals.size(), advice_.proposals.size());
        QCOMPARE(back.costUnit, advice_.costUnit);
        QVERIFY(text.find("\"cost_before\"") != std::string::npos);
        QVERIFY(text.find("\"cost_after\": null") != std::string::npos);
        QVERIFY(text.find("\"unused_indexes\"") != std::string::npos);
    }

    void cancelled() {
        AdvisorOptions options;
        options.connect.target = monitor_;
        options.cancelled = [] { return true; };
        const Advice a = advise(options, workload_);
        QVERIFY(a.proposals.empty());
        QCOMPARE(a.explains, 0);
        QVERIFY(anyContains(a.notes, "Cancelled after 0 of 6"));
        dbt::test::verifyAdviceGerman(a);
    }

    void nothingChangedByTheAdvisor() {
        RawConn c(admin_);
        QCOMPARE(c.one("SELECT GROUP_CONCAT(CONCAT(TABLE_NAME, '.', INDEX_NAME) ORDER BY 1) FROM "
                       "information_schema.STATISTICS WHERE TABLE_SCHEMA = 'dbtriage_test' AND "
                       "TABLE_NAME LIKE 'adv\\_%'"),
                 indexesBefore_);
        QCOMPARE(c.one(kWrites), writesBefore_);
    }

    void withoutColumnStats() {
        // Without mysql.column_stats the unindexed columns have no statistics: no guess, and
        // notes say why and what collects them. The advisor's own EXPLAINs, now in the
        // digests, are no workload.
        RawConn c(admin_);
        QVERIFY(c.exec("REVOKE SELECT ON mysql.column_stats FROM 'dbtriage_monitor'@'127.0.0.1', "
                       "'dbtriage_monitor'@'localhost'"));
        std::vector<WorkloadStatement> w = workload_;
        w.push_back({"explain", "EXPLAIN FORMAT = JSON SELECT * FROM `adv_orders`", "dbtriage_test",
                     5, 100, 0.1});
        AdvisorOptions options;
        options.connect.target = monitor_;
        const Advice a = advise(options, w);
        QVERIFY2(!find(a, "adv_orders", {"customer_id"}), adviceToText(a).c_str());
        QVERIFY2(anyContains(a.notes, "mysql.column_stats could not be read"),
                 adviceToText(a).c_str());
        QVERIFY2(anyContains(a.notes, "PERSISTENT FOR COLUMNS (`customer_id`) INDEXES ()"),
                 adviceToText(a).c_str());
        QVERIFY(!anyContains(a.notes, "explain"));
        QCOMPARE(a.statementsConsidered, 6);
        dbt::test::verifyAdviceGerman(a);
        QVERIFY(c.exec("GRANT SELECT ON mysql.column_stats TO 'dbtriage_monitor'@'127.0.0.1', "
                       "'dbtriage_monitor'@'localhost'"));
    }

    void proposedDdlIsValidAndUsed() {
        // The admin applies the DDL (dbtriage never does): it runs, and the plans use it.
        RawConn c(admin_);
        for (const auto& p : advice_.proposals)
            QVERIFY2(c.exec(p.ddl), p.ddl.c_str());
        auto keyOf = [&](const std::string& sql) {
            std::vector<std::string> rows;
            c.exec("EXPLAIN FORMAT=JSON " + sql, &rows);
            const std::string plan = rows.empty() ? std::string() : rows.front();
            const std::regex key("\"key\":\\s*\"([^\"]+)\"");
            std::smatch m;
            return std::regex_search(plan, m, key)
                       ? m[1].str() +
                             (plan.find("filesort") != std::string::npos ? "+filesort" : "")
                       : std::string("none");
        };
        QCOMPARE(keyOf("SELECT id, created_at FROM adv_orders WHERE customer_id = 74"),
                 std::string("idx_adv_orders_customer_id"));
        QCOMPARE(keyOf("SELECT id, note FROM adv_orders WHERE account_id = 9 ORDER BY created_at "
                       "LIMIT 20"),
                 std::string("idx_adv_orders_account_id_created_at"));
    }

    void cleanupTestCase() {
        if (admin_.empty())
            return;
        RawConn c(admin_);
        c.exec("DROP TABLE IF EXISTS adv_orders, `adv_Kunden`, `adv_we``ird`");
        c.exec("REVOKE SELECT ON mysql.column_stats FROM 'dbtriage_monitor'@'127.0.0.1', "
               "'dbtriage_monitor'@'localhost'");
    }
};

QTEST_GUILESS_MAIN(TestAdvisorMariadb)
#include "tst_advisor_mariadb.moc"
