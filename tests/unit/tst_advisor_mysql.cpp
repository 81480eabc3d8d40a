// The MySQL / MariaDB advisor's pure parts: digest texts read by the PostgreSQL query model,
// MySQL 8 histograms (information_schema.COLUMN_STATISTICS) and EXPLAIN FORMAT=JSON plans
// from the fixtures in tests/data/mysql8 (written by hand in the documented layout, see its
// README), the MySQL column order, and the validation hints (INVISIBLE / IGNORED).
#include "advisor/mysqladvisor.h"
#include "advisor/querymodel.h"
#include "plans/parse.h"

#include <QTest>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

using namespace dbt;
using namespace dbt::advisor;

namespace {

std::string dataDir() {
    const QByteArray dir = qgetenv("DBTRIAGE_TEST_DATA");
    if (dir.isEmpty())
        qFatal("DBTRIAGE_TEST_DATA is not set (ctest sets it)");
    return dir.toStdString() + "/mysql8/";
}

std::string readFile(const std::string& name) {
    std::ifstream in(dataDir() + name, std::ios::binary);
    if (!in)
        qFatal("missing fixture %s", name.c_str());
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

// column name -> HISTOGRAM of column_statistics-fixture.tsv (no escapes in that file).
std::map<std::string, std::string> histograms() {
    std::istringstream in(readFile("column_statistics-fixture.tsv"));
    std::string line;
    std::getline(in, line);
    if (line != "SCHEMA_NAME\tTABLE_NAME\tCOLUMN_NAME\tHISTOGRAM")
        qFatal("column_statistics-fixture.tsv: unexpected header");
    std::map<std::string, std::string> out;
    while (std::getline(in, line)) {
        std::vector<std::string> f;
        std::size_t start = 0;
        for (std::size_t tab; (tab = line.find('\t', start)) != std::string::npos; start = tab + 1)
            f.push_back(line.substr(start, tab - start));
        f.push_back(line.substr(start));
        if (f.size() == 4)
            out[f[2]] = f[3];
    }
    return out;
}

TableInfo ordersInfo() {
    TableInfo t;
    t.schema = "demo";
    t.name = "orders";
    t.rows = 30000;
    const auto h = histograms();
    for (const char* c : {"status", "customer_id", "country"})
        t.columns[c] = statsFromHistogram(h.at(c));
    t.columns["created_at"] = ColumnStats{};
    t.columns["region_id"] = statsFromColumnStats(0.0, 600.0, t.rows); // 50 values
    t.indexes.push_back({"PRIMARY", {"id"}, true, true, false, "btree"});
    t.indexes.push_back(
        {"orders_region", {"region_id", "created_at"}, false, false, false, "btree"});
    return t;
}

TableUse useOf(const std::string& digest) {
    const MysqlText t = mysqlToPostgresText(digest);
    if (!t.ok)
        qWarning("%s: %s", digest.c_str(), t.reason.c_str());
    const QueryShape s = analyzeQuery(t.sql);
    if (!s.parsed || s.tables.empty()) {
        qWarning("%s -> %s: %s", digest.c_str(), t.sql.c_str(), s.error.c_str());
        return {};
    }
    return s.tables.front();
}

} // namespace

class TestAdvisorMysql : public QObject {
    Q_OBJECT

private slots:
    void digestTextsReadByTheQueryModel() {
        const MysqlText t = mysqlToPostgresText(
            "SELECT `o` . `id` FROM `demo` . `orders` `o` WHERE `o` . `customer_id` = ? AND "
            "`status` IN (...) ORDER BY `o` . `created_at` DESC LIMIT ?, ?");
        QVERIFY(t.ok);
        QCOMPARE(t.sql, std::string("SELECT \"o\" . \"id\" FROM \"demo\" . \"orders\" \"o\" "
                                    "WHERE \"o\" . \"customer_id\" = $1 AND \"status\" IN ($2) "
                                    "ORDER BY \"o\" . \"created_at\" DESC LIMIT $3 OFFSET $4"));
        const QueryShape s = analyzeQuery(t.sql);
        QVERIFY2(s.parsed, s.error.c_str());
        QCOMPARE(s.tables.size(), std::size_t(1));
        QCOMPARE(s.tables[0].schema, std::string("demo"));
        QCOMPARE(s.tables[0].equality, (std::vector<std::string>{"customer_id", "status"}));
        QCOMPARE(s.tables[0].orderBy.size(), std::size_t(1));
        QVERIFY(s.tables[0].orderBy[0].descending);
        QVERIFY(s.tables[0].hasLimit);

        // Backticks doubled inside, a double quote inside, upper case and non-ASCII kept.
        const MysqlText w =
            mysqlToPostgresText("SELECT * FROM `we``i\"rd` WHERE `Straße` = ? GROUP BY `Ort`");
        QVERIFY(w.ok);
        QCOMPARE(w.sql, std::string("SELECT * FROM \"we`i\"\"rd\" WHERE \"Straße\" = $1 GROUP "
                                    "BY \"Ort\""));
        const QueryShape ws = analyzeQuery(w.sql);
        QVERIFY2(ws.parsed, ws.error.c_str());
        QCOMPARE(ws.tables[0].table, std::string("we`i\"rd"));
        QCOMPARE(ws.tables[0].groupBy, std::vector<std::string>{"Ort"});

        // INTERVAL ? DAY becomes one parameter; "strings" and \' escapes become PG literals.
        const MysqlText i = mysqlToPostgresText(
            "SELECT * FROM t WHERE created_at > NOW() - INTERVAL ? DAY AND name = \"it\\'s\"");
        QVERIFY(i.ok);
        QCOMPARE(i.sql,
                 std::string("SELECT * FROM t WHERE created_at > NOW() - $1 AND name = 'it''s'"));
        QVERIFY(analyzeQuery(i.sql).parsed);
        QCOMPARE(analyzeQuery(i.sql).tables[0].range, std::vector<std::string>{"created_at"});

        // MySQL-only syntax is refused with a reason, not misread.
        for (const char* sql :
             {"SELECT * FROM t FORCE INDEX (a) WHERE a = ?",
              "SELECT STRAIGHT_JOIN * FROM a, b WHERE a.x = b.y", "SELECT * FROM t WHERE a <=> ?",
              "SELECT /*+ BKA(t) */ * FROM t", "SELECT * FROM t WHERE a = ? LOCK IN SHARE MODE"}) {
            const MysqlText r = mysqlToPostgresText(sql);
            QVERIFY2(!r.ok, sql);
            QVERIFY(!r.reason.empty());
        }
    }

    void mysql8HistogramsFromFixtures() {
        const auto h = histograms();
        // singleton: 2 values, 10 % and 90 %
        const ColumnStats status = statsFromHistogram(h.at("status"));
        QVERIFY(status.known);
        QCOMPARE(status.nDistinct, 2.0);
        QCOMPARE(status.nullFrac, 0.0);
        QVERIFY(qFuzzyCompare(status.maxCommonFreq, 0.9));
        QVERIFY(equalitySelectivity(status, 30000) >= 0.5);
        // equi-height: 4 buckets of 1250 distinct values, 2 % NULL
        const ColumnStats cust = statsFromHistogram(h.at("customer_id"));
        QVERIFY(cust.known);
        QCOMPARE(cust.nDistinct, 5000.0);
        QVERIFY(qFuzzyCompare(cust.nullFrac, 0.02));
        QVERIFY(equalitySelectivity(cust, 30000) < 0.001);
        // string values (base64 in the JSON) do not matter: frequencies do
        const ColumnStats country = statsFromHistogram(h.at("country"));
        QVERIFY(country.known);
        QCOMPARE(country.nDistinct, 3.0);
        QVERIFY(qFuzzyCompare(country.maxCommonFreq, 0.7));
        // not a histogram
        QVERIFY(!statsFromHistogram(h.at("broken")).known);
        QVERIFY(!statsFromHistogram("not json").known);
        // MariaDB's column_stats: 30000 rows, 6 rows per value -> 5000 distinct
        const ColumnStats m = statsFromColumnStats(0.0, 6.0, 30000);
        QVERIFY(m.known);
        QCOMPARE(m.nDistinct, 5000.0);
        QVERIFY(!statsFromColumnStats(0.0, std::nullopt, 30000).known);
    }

    void mysql8PlansFromFixtures() {
        const plans::Plan scan = plans::parseMysqlJson(readFile("explain_orders-fixture.json"));
        const PlanCost cost = planCost(scan);
        QVERIFY(cost.queryCost);
        QCOMPARE(cost.value, 3045.25);
        const PlanScan s = scanFor(scan, "o");
        QVERIFY(s.found);
        QVERIFY(s.replaceable);
        QVERIFY(s.sorts);
        QCOMPARE(s.rows, 29900.0);
        QVERIFY2(s.evidence.find("access_type ALL") != std::string::npos, s.evidence.c_str());
        QVERIFY(!scanFor(scan, "customers").found);

        // An index lookup (ref, filtered 100 %) is no scan to replace.
        const plans::Plan ref = plans::parseMysqlJson(readFile("explain_indexed-fixture.json"));
        const PlanScan r = scanFor(ref, "orders");
        QVERIFY(r.found);
        QVERIFY(!r.replaceable);
        QVERIFY(!r.sorts);

        // Without query_cost (MariaDB 10.x): rows examined.
        const plans::Plan maria = plans::parseMysqlJson(
            R"({"query_block":{"select_id":1,"nested_loop":[{"table":{"table_name":"a",)"
            R"("access_type":"ALL","rows":1000,"filtered":10}},{"table":{"table_name":"b",)"
            R"("access_type":"ref","key":"k","rows":5,"filtered":100}}]}})");
        const PlanCost mc = planCost(maria);
        QVERIFY(!mc.queryCost);
        QCOMPARE(mc.value, 1000.0 + 100.0 * 5.0);
    }

    void mysqlColumnOrder() {
        const TableInfo info = ordersInfo();
        // A selective equality column.
        MysqlPick p = pickMysqlCandidate(useOf("SELECT * FROM `orders` WHERE `customer_id` = ?"),
                                         info, false);
        QVERIFY2(p.candidate, p.why.c_str());
        QCOMPARE(p.candidate->columns, std::vector<std::string>{"customer_id"});
        QCOMPARE(ddl(*p.candidate, Dialect::MySQL),
                 std::string("ALTER TABLE `demo`.`orders` ADD INDEX `idx_orders_customer_id` "
                             "(`customer_id`), ALGORITHM=INPLACE, LOCK=NONE;"));
        // Two values over all rows: no candidate.
        p = pickMysqlCandidate(useOf("SELECT * FROM `orders` WHERE `status` = ?"), info, false);
        QVERIFY(!p.candidate);
        QVERIFY2(p.why.find("%") != std::string::npos, p.why.c_str());
        // Most selective first, then the ORDER BY column when the plan sorts.
        p = pickMysqlCandidate(useOf("SELECT * FROM `orders` WHERE `status` = ? AND "
                                     "`customer_id` = ? ORDER BY `created_at` LIMIT ?"),
                               info, true);
        QVERIFY2(p.candidate, p.why.c_str());
        QCOMPARE(p.candidate->columns,
                 (std::vector<std::string>{"customer_id", "status", "created_at"}));
        // No sort in the plan: the ORDER BY column is not added.
        p = pickMysqlCandidate(
            useOf("SELECT * FROM `orders` WHERE `customer_id` = ? ORDER BY `created_at`"), info,
            false);
        QCOMPARE(p.candidate->columns, std::vector<std::string>{"customer_id"});
        // Equality, then one range column.
        p = pickMysqlCandidate(
            useOf("SELECT * FROM `orders` WHERE `customer_id` = ? AND `created_at` > ?"), info,
            false);
        QCOMPARE(p.candidate->columns, (std::vector<std::string>{"customer_id", "created_at"}));
        // A non-selective equality, but the index delivers the ORDER BY of a LIMIT query.
        p = pickMysqlCandidate(
            useOf("SELECT * FROM `orders` WHERE `status` = ? ORDER BY `created_at` LIMIT ?"), info,
            true);
        QVERIFY2(p.candidate, p.why.c_str());
        QCOMPARE(p.candidate->columns, (std::vector<std::string>{"status", "created_at"}));
        // Already covered as a prefix by an existing index.
        p = pickMysqlCandidate(useOf("SELECT * FROM `orders` WHERE `region_id` = ?"), info, false);
        QVERIFY(!p.candidate);
        QVERIFY2(p.why.find("existing index") != std::string::npos, p.why.c_str());
        // No statistics for the column (no histogram, not indexed): no guess.
        TableInfo bare = info;
        bare.columns["customer_id"] = ColumnStats{};
        p = pickMysqlCandidate(useOf("SELECT * FROM `orders` WHERE `customer_id` = ?"), bare,
                               false);
        QVERIFY(!p.candidate);
        QCOMPARE(p.noStats, std::vector<std::string>{"customer_id"});
        // A small table.
        TableInfo small = info;
        small.rows = 200;
        QVERIFY(!pickMysqlCandidate(useOf("SELECT * FROM `orders` WHERE `customer_id` = ?"), small,
                                    false)
                     .candidate);
    }

    void validationHints() {
        Candidate c;
        c.schema = "demo";
        c.table = "we`ird";
        c.columns = {"Straße"};
        c.descending = {false};
        c.opclasses = {""};
        QCOMPARE(ddl(c, Dialect::MySQL),
                 std::string("ALTER TABLE `demo`.`we``ird` ADD INDEX `idx_we``ird_Straße` "
                             "(`Straße`), ALGORITHM=INPLACE, LOCK=NONE;"));
        const std::string my = validationHint(c, Engine::MySQL, 80036);
        QVERIFY2(my.find("not validated") != std::string::npos, my.c_str());
        QVERIFY2(my.find("ALTER TABLE `demo`.`we``ird` ADD INDEX `idx_we``ird_Straße` "
                         "(`Straße`) INVISIBLE, ALGORITHM=INPLACE, LOCK=NONE;") !=
                     std::string::npos,
                 my.c_str());
        QVERIFY(my.find("use_invisible_indexes=on") != std::string::npos);
        QVERIFY(my.find("ALTER INDEX `idx_we``ird_Straße` VISIBLE") != std::string::npos);
        const std::string maria = validationHint(c, Engine::MariaDB, 101119);
        QVERIFY2(maria.find("(`Straße`) IGNORED, ALGORITHM=INPLACE") != std::string::npos,
                 maria.c_str());
        QVERIFY(maria.find("NOT IGNORED") != std::string::npos);
        const std::string old = validationHint(c, Engine::MariaDB, 100511);
        QVERIFY(old.find("IGNORED") == std::string::npos);
        QVERIFY(old.find("clone") != std::string::npos);
        QVERIFY(validationHint(c, Engine::MySQL, 50744).find("INVISIBLE") == std::string::npos);
    }
};

QTEST_GUILESS_MAIN(TestAdvisorMysql)
#include "tst_advisor_mysql.moc"
