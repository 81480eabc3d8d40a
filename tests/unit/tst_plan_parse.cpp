// Plan parsers: every seed plan from the sandbox servers, psql decoration, the text format's
// details, errors as sentences, and inputs nested tens of thousands of levels deep.
#include "plans/insights.h"
#include "plans/parse.h"
#include "plans/render.h"

#include <QDir>
#include <QFile>
#include <QTest>
#include <nlohmann/json.hpp>
#include <string>

using namespace dbt::plans;

namespace {

QString dataDir() {
    return qEnvironmentVariable("DBTRIAGE_TEST_DATA") + QStringLiteral("/plans");
}

std::string readFile(const QString& path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    const QByteArray b = f.readAll();
    return std::string(b.constData(), static_cast<std::size_t>(b.size()));
}

std::string errorOf(std::string_view text) {
    try {
        parsePlan(text);
    } catch (const PlanError& e) {
        return e.what();
    }
    return {};
}

// A PostgreSQL JSON plan that is a chain of `depth` nodes.
std::string deepPgJson(int depth) {
    std::string s = "[{\"Plan\": ";
    for (int i = 0; i < depth; ++i) {
        s += "{\"Node Type\": \"Limit\", \"Total Cost\": 1.0, \"Plan Rows\": 1, \"Actual Total "
             "Time\": 1.0, \"Actual Rows\": 1, \"Actual Loops\": 1";
        if (i + 1 < depth)
            s += ", \"Plans\": [";
    }
    for (int i = 0; i < depth; ++i)
        s += i + 1 < depth ? "}]" : "}";
    s += "}]";
    return s;
}

} // namespace

class TestPlanParse : public QObject {
    Q_OBJECT
private slots:
    // Found by scripts/fuzz: a number beyond a double is nlohmann's out_of_range, not a
    // parse_error, and escaped the parser (the GUI and `dbtriage explain` would abort).
    void numberTooLarge() {
        for (const char* text :
             {"[{\"Plan\": {\"Node Type\": \"Seq Scan\", \"Total Cost\": 84e790}}]",
              "{\"query_block\": {\"select_id\": 1, \"r_total_time_ms\": 60.1e728}}"}) {
            const std::string error = errorOf(text);
            QVERIFY2(error.find("number too large") != std::string::npos, error.c_str());
        }
    }

    void seeds_data() {
        QTest::addColumn<QString>("file");
        const QDir dir(dataDir());
        const auto files = dir.entryList({QStringLiteral("*.json"), QStringLiteral("*.txt")},
                                         QDir::Files, QDir::Name);
        QVERIFY(files.size() >= 20);
        for (const QString& f : files)
            QTest::newRow(qPrintable(f)) << dir.filePath(f);
    }

    void seeds() {
        QFETCH(QString, file);
        const std::string text = readFile(file);
        const QString name = QFileInfo(file).fileName();
        Plan plan;
        try {
            plan = parsePlan(text);
        } catch (const PlanError& e) {
            QFAIL(e.what());
        }
        QVERIFY(!plan.nodes.empty());
        std::optional<Dialect> want;
        if (name.startsWith(QLatin1String("pg-")))
            want = name.endsWith(QLatin1String(".json")) ? Dialect::PostgresJson
                                                         : Dialect::PostgresText;
        else if (name.startsWith(QLatin1String("mariadb-analyze-")))
            want = Dialect::MariadbAnalyzeJson;
        else if (name.startsWith(QLatin1String("mariadb-")))
            want = Dialect::MariadbJson;
        else if (name.startsWith(QLatin1String("mysql8-")))
            want = Dialect::MysqlJson;
        if (name.endsWith(QLatin1String(".json.txt")))
            want = Dialect::PostgresJson; // psql's aligned output of a JSON plan
        QVERIFY(want.has_value());
        QCOMPARE(plan.dialect, *want);
        QCOMPARE(detectDialect(text), want);
        // Pre-order: parents before children, children point back.
        for (std::size_t i = 0; i < plan.nodes.size(); ++i) {
            const Node& n = plan.nodes[i];
            QVERIFY(n.parent < static_cast<int>(i));
            QVERIFY(!n.nodeType.empty());
            if (isPostgres(plan.dialect))
                QVERIFY(!n.raw.empty()); // MySQL wrappers may hold only child operations
            for (const int c : n.children)
                QCOMPARE(plan.nodes[static_cast<std::size_t>(c)].parent, static_cast<int>(i));
        }
        const auto insights = findInsights(plan);
        QVERIFY(!renderPlanText(plan, insights).empty());
        const auto json = nlohmann::json::parse(planToJson(plan, insights));
        QCOMPARE(json["plan"]["nodes"].size(), plan.nodes.size());
        QCOMPARE(json["plan"]["dialect"].get<std::string>(), std::string(dialectName(*want)));
        QCOMPARE(json["insights"].size(), insights.size());
        // Truncated anywhere: a sentence or a (partial, text) plan, never a crash.
        for (const std::size_t cut : {text.size() / 3, text.size() / 2, text.size() - 2}) {
            try {
                parsePlan(text.substr(0, cut));
            } catch (const PlanError& e) {
                QVERIFY(std::string(e.what()).size() > 20);
            }
        }
    }

    // The same query in JSON and text format gives the same tree.
    void textMatchesJson_data() {
        QTest::addColumn<QString>("name");
        const QDir dir(dataDir());
        for (const QString& f : dir.entryList({QStringLiteral("pg-*.txt")}, QDir::Files)) {
            QString base = f;
            base.chop(4);
            if (QFile::exists(dir.filePath(base + QStringLiteral(".json"))))
                QTest::newRow(qPrintable(base)) << base;
        }
    }

    void textMatchesJson() {
        QFETCH(QString, name);
        const Plan text =
            parsePlan(readFile(dataDir() + QLatin1Char('/') + name + QStringLiteral(".txt")));
        const Plan json =
            parsePlan(readFile(dataDir() + QLatin1Char('/') + name + QStringLiteral(".json")));
        QCOMPARE(text.nodes.size(), json.nodes.size());
        for (std::size_t i = 0; i < text.nodes.size(); ++i) {
            const Node& a = text.nodes[i];
            const Node& b = json.nodes[i];
            QCOMPARE(a.nodeType, b.nodeType);
            QCOMPARE(a.parent, b.parent);
            QCOMPARE(a.joinType, b.joinType);
            QCOMPARE(a.index, b.index);
            QCOMPARE(a.relation, b.relation);
            QCOMPARE(a.parentRelationship, b.parentRelationship);
            QCOMPARE(a.planRows, b.planRows);
            QCOMPARE(a.totalCost, b.totalCost);
            QCOMPARE(a.hasBuffers, b.hasBuffers);
            QCOMPARE(a.sortSpaceType, b.sortSpaceType);
            QCOMPARE(a.workersPlanned, b.workersPlanned);
            QCOMPARE(a.lossyHeapBlocks.has_value(), b.lossyHeapBlocks.has_value());
            QCOMPARE(a.hashBatches.has_value(), b.hashBatches.has_value());
        }
        QVERIFY(text.planningTimeMs && text.executionTimeMs);
    }

    void psqlDecoration() {
        const std::string plain = "Seq Scan on t  (cost=0.00..35.50 rows=2550 width=4)\n"
                                  "  Filter: (a > 1)\n";
        const std::string psql = "SET\n                 QUERY PLAN\n"
                                 "---------------------------------------------\n"
                                 " Seq Scan on t  (cost=0.00..35.50 rows=2550 width=4)\r\n"
                                 "   Filter: (a > 1)\r\n"
                                 "(2 rows)\n\n";
        for (const std::string& s : {plain, psql, "\n\n   " + plain + "   \n"}) {
            const Plan p = parsePlan(s);
            QCOMPARE(p.nodes.size(), std::size_t(1));
            QCOMPARE(p.nodes[0].relation, std::string("t"));
            QCOMPARE(p.nodes[0].conditions.size(), std::size_t(1));
        }
        const std::string aligned = "       QUERY PLAN        \n"
                                    "-------------------------\n"
                                    " [                      +\n"
                                    "   {                    +\n"
                                    "     \"Plan\": {         +\n"
                                    "       \"Node Type\": \"Result\"+\n"
                                    "     }                  +\n"
                                    "   }                    +\n"
                                    " ]\n"
                                    "(1 row)\n";
        const Plan p = parsePlan(aligned);
        QCOMPARE(p.dialect, Dialect::PostgresJson);
        QCOMPARE(p.nodes[0].nodeType, std::string("Result"));
    }

    void textDetails() {
        const std::string text =
            "Hash Left Join  (cost=1.00..2.00 rows=10 width=4) (actual time=0.1..5.0 rows=12 "
            "loops=1)\n"
            "  Hash Cond: (a.id = b.id)\n"
            "  Buffers: shared hit=5 read=3 dirtied=1 written=2, local hit=7, temp read=9 "
            "written=11\n"
            "  InitPlan 1 (returns $0)\n"
            "    ->  Result  (cost=0.00..0.01 rows=1 width=4) (actual time=0.001..0.001 rows=1 "
            "loops=1)\n"
            "  ->  Parallel Seq Scan on public.a x  (cost=0.00..1.00 rows=10 width=4) (never "
            "executed)\n"
            "        Filter: (v > 1)\n"
            "        Rows Removed by Filter: 40\n"
            "        Worker 0:  actual time=0.1..0.2 rows=3 loops=1\n"
            "          Buffers: shared hit=99\n"
            "  ->  Hash  (cost=1.00..1.00 rows=10 width=4) (actual time=0.5..0.5 rows=10 loops=1)\n"
            "        Buckets: 65536 (originally 1024)  Batches: 4 (originally 1)  Memory Usage: "
            "4097kB\n"
            "        ->  Sort  (cost=1.00..1.00 rows=10 width=4) (actual time=0.4..0.4 rows=10 "
            "loops=1)\n"
            "              Sort Method: external merge  Disk: 1432kB\n"
            "              ->  Bitmap Heap Scan on b  (cost=1.00..1.00 rows=10 width=4) (actual "
            "rows=10 loops=1)\n"
            "                    Heap Blocks: exact=12 lossy=34\n"
            "                    ->  Bitmap Index Scan on b_idx  (cost=0.00..1.00 rows=10 "
            "width=0)\n"
            "Planning Time: 0.5 ms\n"
            "Trigger for constraint fk: time=1.5 calls=3\n"
            "Settings: work_mem = '64kB', search_path = 'a, b'\n"
            "Execution Time: 6.0 ms\n";
        const Plan p = parsePlan(text);
        QCOMPARE(p.nodes.size(), std::size_t(7));
        const Node& join = p.nodes[0];
        QCOMPARE(join.nodeType, std::string("Hash Join"));
        QCOMPARE(join.joinType, std::string("Left"));
        QCOMPARE(join.buffers.sharedHit, std::int64_t(5));
        QCOMPARE(join.buffers.sharedRead, std::int64_t(3));
        QCOMPARE(join.buffers.sharedDirtied, std::int64_t(1));
        QCOMPARE(join.buffers.sharedWritten, std::int64_t(2));
        QCOMPARE(join.buffers.localHit, std::int64_t(7));
        QCOMPARE(join.buffers.tempRead, std::int64_t(9));
        QCOMPARE(join.buffers.tempWritten, std::int64_t(11));
        QCOMPARE(join.children, (std::vector<int>{1, 2, 3}));
        QCOMPARE(p.nodes[1].parentRelationship, std::string("InitPlan"));
        QCOMPARE(p.nodes[1].subplanName, std::string("InitPlan 1 (returns $0)"));
        const Node& scan = p.nodes[2];
        QVERIFY(scan.parallelAware);
        QVERIFY(scan.neverExecuted);
        QCOMPARE(scan.schema, std::string("public"));
        QCOMPARE(scan.relation, std::string("a"));
        QCOMPARE(scan.alias, std::string("x"));
        QCOMPARE(scan.parentRelationship, std::string("Outer"));
        QCOMPARE(scan.rowsRemovedByFilter, std::optional<double>(40));
        QVERIFY(!scan.hasBuffers); // the worker's Buffers line is the worker's
        QCOMPARE(scan.rawField("Worker 0 / Buffers"), std::string_view("\"shared hit=99\""));
        const Node& hash = p.nodes[3];
        QCOMPARE(hash.parentRelationship, std::string("Inner"));
        QCOMPARE(hash.hashBuckets, std::optional<std::int64_t>(65536));
        QCOMPARE(hash.originalHashBuckets, std::optional<std::int64_t>(1024));
        QCOMPARE(hash.hashBatches, std::optional<std::int64_t>(4));
        QCOMPARE(hash.originalHashBatches, std::optional<std::int64_t>(1));
        QCOMPARE(hash.peakMemoryKb, std::optional<std::int64_t>(4097));
        QCOMPARE(p.nodes[4].sortMethod, std::string("external merge"));
        QCOMPARE(p.nodes[4].sortSpaceType, std::string("Disk"));
        QCOMPARE(p.nodes[4].sortSpaceUsedKb, std::optional<std::int64_t>(1432));
        QCOMPARE(p.nodes[5].lossyHeapBlocks, std::optional<double>(34));
        QCOMPARE(p.nodes[5].exactHeapBlocks, std::optional<double>(12));
        QVERIFY(!p.nodes[5].actualTotalTimeMs); // TIMING OFF
        QCOMPARE(p.nodes[6].index, std::string("b_idx"));
        QCOMPARE(p.planningTimeMs, std::optional<double>(0.5));
        QCOMPARE(p.executionTimeMs, std::optional<double>(6.0));
        QCOMPARE(p.triggers.size(), std::size_t(1));
        QCOMPARE(p.triggers[0].calls, std::optional<double>(3));
        QCOMPARE(p.settings.size(), std::size_t(2));
        QCOMPARE(p.settings[1].second, std::string("a, b"));
    }

    void unknownFieldsKept() {
        const std::string text =
            R"([{"Plan": {"Node Type": "Seq Scan", "Relation Name": "t", "Future Field": {"x": [1, 2.5, "y"]},
            "Plans": []}, "Planning Time": 0.1, "Query Identifier": 42, "Serialization": {"Time": 1}}])";
        const Plan p = parsePlan(text);
        QCOMPARE(p.nodes[0].rawField("Future Field"), std::string_view(R"({"x":[1,2.5,"y"]})"));
        QCOMPARE(p.nodes[0].rawField("Relation Name"), std::string_view("\"t\""));
        bool found = false;
        for (const auto& [k, v] : p.raw)
            found = found || (k == "Serialization" && v == R"({"Time":1})");
        QVERIFY(found);
        // Input order kept.
        QCOMPARE(p.nodes[0].raw[0].first, std::string("Node Type"));
        QCOMPARE(p.nodes[0].raw[2].first, std::string("Future Field"));
    }

    void errors_data() {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QString>("words");
        QTest::newRow("empty") << QByteArray() << QStringLiteral("empty");
        QTest::newRow("blank") << QByteArray(" \n\t\n") << QStringLiteral("empty");
        QTest::newRow("psql only")
            << QByteArray(" QUERY PLAN\n------\n(0 rows)\n") << QStringLiteral("empty");
        QTest::newRow("latin1") << QByteArray(
                                       "Seq Scan on caf\xe9  (cost=0.00..1.00 rows=1 width=4)")
                                << QStringLiteral("UTF-8");
        QTest::newRow("overlong") << QByteArray("{\"a\": \"\xc0\xaf\"}") << QStringLiteral("UTF-8");
        QTest::newRow("malformed") << QByteArray("[{\"Plan\": {\"Node Type\" \"Seq Scan\"}}]")
                                   << QStringLiteral("not valid JSON");
        QTest::newRow("truncated")
            << QByteArray("[{\"Plan\": {\"Node Type\": \"Seq") << QStringLiteral("cut off");
        QTest::newRow("not a plan")
            << QByteArray("{\"hello\": \"world\"}") << QStringLiteral("not an execution plan");
        QTest::newRow("empty list") << QByteArray("[]") << QStringLiteral("empty list");
        QTest::newRow("plan not object")
            << QByteArray("[{\"Plan\": 3}]") << QStringLiteral("not an object");
        QTest::newRow("prose") << QByteArray("Hello, the query is slow.\nPlease help.")
                               << QStringLiteral("does not read as a PostgreSQL plan");
        QTest::newRow("mysql v2") << QByteArray(
                                         R"({"query": "x", "inputs": [], "query_type": "select"})")
                                  << QStringLiteral("version 2");
        QTest::newRow("deep garbage") << QByteArray(200000, '[') << QStringLiteral("cut off");
    }

    void errors() {
        QFETCH(QByteArray, input);
        QFETCH(QString, words);
        const std::string error =
            errorOf(std::string_view(input.constData(), static_cast<std::size_t>(input.size())));
        QVERIFY2(error.find(words.toStdString()) != std::string::npos, error.c_str());
        QVERIFY2(error.back() == '.', error.c_str());
    }

    // 10,000 nested plan levels (20,000 JSON levels): parse, derive, insights, render,
    // destroy, without recursion.
    void deepJsonPlan() {
        const int depth = 10000;
        const Plan p = parsePlan(deepPgJson(depth));
        QCOMPARE(p.nodes.size(), std::size_t(depth));
        QCOMPARE(p.nodes.back().derived.depth, depth - 1);
        const auto insights = findInsights(p);
        const std::string text = renderPlanText(p, insights);
        QVERIFY(text.size() < std::size_t(depth) * 400); // indentation is capped
        const auto json = nlohmann::json::parse(planToJson(p, insights));
        QCOMPARE(json["plan"]["nodes"].size(), std::size_t(depth));
    }

    void deepTextPlan() {
        const int depth = 3000;
        std::string text = "Limit  (cost=0.00..1.00 rows=1 width=4)\n";
        for (int i = 1; i < depth; ++i)
            text += std::string(static_cast<std::size_t>(i), ' ') +
                    "->  Limit  (cost=0.00..1.00 rows=1 width=4)\n";
        const Plan p = parsePlan(text);
        QCOMPARE(p.nodes.size(), std::size_t(depth));
        QCOMPARE(p.nodes.back().parent, depth - 2);
    }

    // An unknown field holding a value nested 100,000 levels deep is kept as text.
    void deepUnknownField() {
        const int depth = 100000;
        std::string s = R"([{"Plan": {"Node Type": "Result", "Odd": )";
        s += std::string(depth, '[') + std::string(depth, ']') + "}}]";
        const Plan p = parsePlan(s);
        QCOMPARE(p.nodes[0].rawField("Odd").size(), std::size_t(2 * depth));
        QVERIFY(!planToJson(p, {}).empty());
    }

    // nlohmann's DOM: parsing and destroying 300,000 levels must not recurse.
    void deepJsonDestroys() {
        const std::string s = std::string(300000, '[') + std::string(300000, ']');
        {
            auto doc = nlohmann::ordered_json::parse(s);
            QVERIFY(doc.is_array());
        }
        QVERIFY(errorOf(s).find("not an execution plan") != std::string::npos);
        QVERIFY(errorOf(std::string(300000, '{')).size() > 0);
    }

    void forcedDialect() {
        ParseOptions o;
        o.dialect = Dialect::MysqlJson;
        bool threw = false;
        try {
            parsePlan("Seq Scan on t  (cost=0.00..1.00 rows=1 width=4)", o);
        } catch (const PlanError&) {
            threw = true;
        }
        QVERIFY(threw);
        const Plan p = parseMysqlJson(
            R"({"query_block": {"select_id": 1, "table": {"table_name": "t", "access_type": "ALL", "rows": 5}}})");
        QCOMPARE(p.dialect, Dialect::MariadbJson);
        QCOMPARE(p.nodes.size(), std::size_t(2));
        QCOMPARE(p.nodes[1].rowsExaminedPerScan, std::optional<double>(5));
    }
};

QTEST_GUILESS_MAIN(TestPlanParse)
#include "tst_plan_parse.moc"
