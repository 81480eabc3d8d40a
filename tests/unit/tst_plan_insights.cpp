// Plan insights: each fires on a plan built to trigger it, with the expected severity, and
// stays quiet on the same plan made clean. Plans are built as PostgreSQL or MySQL JSON.
#include "plans/insights.h"
#include "plans/parse.h"

#include <QTest>
#include <nlohmann/json.hpp>
#include <string>

using namespace dbt::plans;
using nlohmann::json;

Q_DECLARE_METATYPE(std::string)
Q_DECLARE_METATYPE(dbt::plans::Severity)

namespace {

// An analysed PostgreSQL node: type, per-loop total time, rows, loops.
json pg(const std::string& type, double timeMs, double rows, double planRows = -1,
        double loops = 1) {
    return json{{"Node Type", type},
                {"Startup Cost", 0.0},
                {"Total Cost", 100.0},
                {"Plan Rows", planRows < 0 ? rows : planRows},
                {"Plan Width", 8},
                {"Actual Startup Time", 0.0},
                {"Actual Total Time", timeMs},
                {"Actual Rows", rows},
                {"Actual Loops", loops}};
}

json with(json node, std::initializer_list<std::pair<const char*, json>> fields) {
    for (const auto& [k, v] : fields)
        node[k] = v;
    return node;
}

json withKids(json node, std::vector<json> kids, const char* rel = "Outer") {
    bool first = true;
    for (json& k : kids) {
        if (!k.contains("Parent Relationship"))
            k["Parent Relationship"] = node["Node Type"] == "Nested Loop" && !first ? "Inner" : rel;
        first = false;
    }
    node["Plans"] = kids;
    return node;
}

std::string pgPlan(const json& root, double execMs = -1) {
    json top = {{"Plan", root}, {"Planning Time", 0.1}};
    if (execMs >= 0)
        top["Execution Time"] = execMs;
    return json::array({top}).dump();
}

json myTable(const std::string& name, const std::string& access, double rows, double filtered) {
    return json{
        {"table_name", name},
        {"access_type", access},
        {"rows_examined_per_scan", rows},
        {"rows_produced_per_join", rows * filtered / 100},
        {"filtered", std::to_string(filtered)},
        {"cost_info", {{"read_cost", "10.00"}, {"eval_cost", "1.00"}, {"prefix_cost", "11.00"}}}};
}

std::string myPlan(const json& block) {
    json b = block;
    b["select_id"] = 1;
    b["cost_info"] = {{"query_cost", "11.00"}};
    return json{{"query_block", b}}.dump();
}

} // namespace

class TestPlanInsights : public QObject {
    Q_OBJECT
private slots:
    void insight_data() {
        QTest::addColumn<std::string>("plan");
        QTest::addColumn<QString>("code");
        QTest::addColumn<int>("node");
        QTest::addColumn<Severity>("severity"); // meaningful when node >= 0
        // node -1: the code must not appear at all (the clean twin).

        const auto scan = [](double rows, double planRows) {
            return pgPlan(with(pg("Seq Scan", 1, rows, planRows), {{"Relation Name", "t"}}));
        };
        QTest::newRow("misestimate 15x")
            << scan(150, 10) << "row-misestimate" << 0 << Severity::Info;
        QTest::newRow("misestimate 150x")
            << scan(1500, 10) << "row-misestimate" << 0 << Severity::Warning;
        QTest::newRow("misestimate 1500x over")
            << scan(10, 15000) << "row-misestimate" << 0 << Severity::Critical;
        QTest::newRow("misestimate clean")
            << scan(120, 100) << "row-misestimate" << -1 << Severity::Info;
        QTest::newRow("misestimate tiny")
            << scan(30, 1) << "row-misestimate" << -1 << Severity::Info;
        QTest::newRow("misestimate under Limit")
            << pgPlan(withKids(pg("Limit", 1, 10), {pg("Seq Scan", 1, 10, 100000)}))
            << "row-misestimate" << -1 << Severity::Info;

        const auto shared = [](double parentMs, double childMs) {
            return pgPlan(withKids(pg("Aggregate", parentMs, 1), {pg("Seq Scan", childMs, 100)}));
        };
        QTest::newRow("time share 95%")
            << shared(100, 95) << "time-share" << 1 << Severity::Critical;
        QTest::newRow("time share 50%")
            << shared(100, 50) << "time-share" << 1 << Severity::Warning;
        QTest::newRow("time share 20%") << shared(100, 80) << "time-share" << 0 << Severity::Info;
        QTest::newRow("time share fast plan")
            << shared(2, 1.9) << "time-share" << -1 << Severity::Info;

        const auto filtered = [](double rows, double removed) {
            return pgPlan(with(pg("Seq Scan", 1, rows),
                               {{"Filter", "(a = 1)"}, {"Rows Removed by Filter", removed}}));
        };
        QTest::newRow("filter 99%")
            << filtered(100, 9900) << "filter-removes-rows" << 0 << Severity::Warning;
        QTest::newRow("filter 60%")
            << filtered(1000, 1500) << "filter-removes-rows" << 0 << Severity::Info;
        QTest::newRow("filter 10%")
            << filtered(9000, 1000) << "filter-removes-rows" << -1 << Severity::Info;
        QTest::newRow("join filter 95%")
            << pgPlan(with(pg("Nested Loop", 1, 100),
                           {{"Join Filter", "(a.x = b.y)"}, {"Rows Removed by Join Filter", 5000}}))
            << "join-filter-removes-rows" << 0 << Severity::Warning;

        const auto seq = [](double rows, int blocks) {
            return pgPlan(
                with(pg("Seq Scan", 1, rows), {{"Shared Hit Blocks", blocks / 2},
                                               {"Shared Read Blocks", blocks - blocks / 2}}));
        };
        QTest::newRow("seq scan 5000 blocks 3 rows")
            << seq(3, 5000) << "seq-scan-few-rows" << 0 << Severity::Warning;
        QTest::newRow("seq scan 5000 blocks 90000 rows")
            << seq(90000, 5000) << "seq-scan-few-rows" << -1 << Severity::Info;
        QTest::newRow("seq scan small table")
            << seq(3, 20) << "seq-scan-few-rows" << -1 << Severity::Info;

        const auto sort = [](const char* type) {
            return pgPlan(
                with(pg("Sort", 1, 100),
                     {{"Sort Method", std::string(type) == "Disk" ? "external merge" : "quicksort"},
                      {"Sort Space Used", 4000},
                      {"Sort Space Type", type}}));
        };
        QTest::newRow("sort on disk") << sort("Disk") << "sort-spill" << 0 << Severity::Warning;
        QTest::newRow("sort in memory") << sort("Memory") << "sort-spill" << -1 << Severity::Info;

        const auto hash = [](int batches) {
            return pgPlan(with(pg("Hash", 1, 100), {{"Hash Buckets", 1024},
                                                    {"Hash Batches", batches},
                                                    {"Original Hash Batches", 1},
                                                    {"Peak Memory Usage", 4000}}));
        };
        QTest::newRow("hash 8 batches") << hash(8) << "hash-spill" << 0 << Severity::Warning;
        QTest::newRow("hash 1 batch") << hash(1) << "hash-spill" << -1 << Severity::Info;
        QTest::newRow("hashagg disk")
            << pgPlan(with(pg("Aggregate", 1, 100),
                           {{"Strategy", "Hashed"}, {"HashAgg Batches", 5}, {"Disk Usage", 8000}}))
            << "hash-spill" << 0 << Severity::Warning;

        const auto temp = [](int blocks) {
            return pgPlan(with(pg("Materialize", 1, 100), {{"Shared Hit Blocks", 1},
                                                           {"Temp Read Blocks", blocks},
                                                           {"Temp Written Blocks", blocks}}));
        };
        QTest::newRow("temp written") << temp(5000) << "temp-written" << 0 << Severity::Warning;
        QTest::newRow("no temp") << temp(0) << "temp-written" << -1 << Severity::Info;

        const auto bitmap = [](int lossy) {
            return pgPlan(
                with(pg("Bitmap Heap Scan", 1, 100), {{"Exact Heap Blocks", 10},
                                                      {"Lossy Heap Blocks", lossy},
                                                      {"Rows Removed by Index Recheck", 500}}));
        };
        QTest::newRow("lossy bitmap") << bitmap(40) << "lossy-bitmap" << 0 << Severity::Warning;
        QTest::newRow("exact bitmap") << bitmap(0) << "lossy-bitmap" << -1 << Severity::Info;

        const auto ios = [](int fetches) {
            return pgPlan(with(pg("Index Only Scan", 1, 1000),
                               {{"Index Name", "i"}, {"Heap Fetches", fetches}}));
        };
        QTest::newRow("heap fetches") << ios(900) << "heap-fetches" << 0 << Severity::Warning;
        QTest::newRow("no heap fetches") << ios(0) << "heap-fetches" << -1 << Severity::Info;

        const auto loop = [](double loops, double innerMs) {
            return pgPlan(withKids(
                pg("Nested Loop", 100, 1000),
                {pg("Seq Scan", 5, loops), pg("Index Scan", innerMs / loops, 1, 1, loops)}));
        };
        QTest::newRow("nested loop inner 80%")
            << loop(10000, 80) << "nested-loop-inner" << 2 << Severity::Warning;
        QTest::newRow("nested loop inner 30%")
            << loop(10000, 30) << "nested-loop-inner" << 2 << Severity::Info;
        QTest::newRow("nested loop few loops")
            << loop(10, 80) << "nested-loop-inner" << -1 << Severity::Info;

        QTest::newRow("large result")
            << scan(500000, 500000) << "large-result" << 0 << Severity::Info;
        QTest::newRow("large result under Limit")
            << pgPlan(withKids(pg("Limit", 1, 500000), {pg("Seq Scan", 1, 500000)}))
            << "large-result" << -1 << Severity::Info;
        QTest::newRow("small result") << scan(500, 500) << "large-result" << -1 << Severity::Info;

        const auto gather = [](int launched) {
            return pgPlan(withKids(
                with(pg("Gather", 10, 100),
                     {{"Workers Planned", 4}, {"Workers Launched", launched}}),
                {with(pg("Seq Scan", 9, 20, 20, launched + 1), {{"Parallel Aware", true}})}));
        };
        QTest::newRow("workers short") << gather(1) << "workers-short" << 0 << Severity::Warning;
        QTest::newRow("workers all") << gather(4) << "workers-short" << -1 << Severity::Info;

        QTest::newRow("mysql full scan 5%") << myPlan({{"table", myTable("t", "ALL", 100000, 5)}})
                                            << "full-scan" << 1 << Severity::Warning;
        QTest::newRow("mysql full scan 30%") << myPlan({{"table", myTable("t", "ALL", 100000, 30)}})
                                             << "full-scan" << 1 << Severity::Info;
        QTest::newRow("mysql full scan 100%")
            << myPlan({{"table", myTable("t", "ALL", 100000, 100)}}) << "full-scan" << -1
            << Severity::Info;
        QTest::newRow("mysql ref") << myPlan({{"table", myTable("t", "ref", 100000, 5)}})
                                   << "full-scan" << -1 << Severity::Info;
        json keyless = myTable("t", "ALL", 10, 100);
        keyless["possible_keys"] = json::array({"a", "b"});
        QTest::newRow("mysql key not used")
            << myPlan({{"table", keyless}}) << "key-not-used" << 1 << Severity::Warning;
        json keyed = keyless;
        keyed["key"] = "a";
        keyed["access_type"] = "ref";
        QTest::newRow("mysql key used")
            << myPlan({{"table", keyed}}) << "key-not-used" << -1 << Severity::Info;
        QTest::newRow("mysql filesort")
            << myPlan({{"ordering_operation", {{"using_filesort", true}, {"table", keyed}}}})
            << "filesort" << 1 << Severity::Info;
        QTest::newRow("mysql index order")
            << myPlan({{"ordering_operation", {{"using_filesort", false}, {"table", keyed}}}})
            << "filesort" << -1 << Severity::Info;
        QTest::newRow("mysql temporary")
            << myPlan({{"grouping_operation", {{"using_temporary_table", true}, {"table", keyed}}}})
            << "temporary-table" << 1 << Severity::Info;
        QTest::newRow("mariadb temporary")
            << json{{"query_block",
                     {{"select_id", 1},
                      {"temporary_table",
                       {{"table", {{"table_name", "t"}, {"access_type", "ALL"}, {"rows", 10}}}}}}}}
                   .dump()
            << "temporary-table" << 1 << Severity::Info;
        QTest::newRow("mysql no temporary")
            << myPlan(
                   {{"grouping_operation", {{"using_temporary_table", false}, {"table", keyed}}}})
            << "temporary-table" << -1 << Severity::Info;
    }

    void insight() {
        QFETCH(std::string, plan);
        QFETCH(QString, code);
        QFETCH(int, node);
        QFETCH(Severity, severity);
        Plan p;
        try {
            p = parsePlan(plan);
        } catch (const PlanError& e) {
            QFAIL(e.what());
        }
        const auto insights = findInsights(p);
        const Insight* found = nullptr;
        for (const Insight& i : insights) {
            if (i.code == code.toStdString())
                found = &i;
        }
        if (node < 0) {
            QVERIFY2(!found, found ? found->message.c_str() : "");
            return;
        }
        QVERIFY2(found, qPrintable(code));
        QCOMPARE(found->node, node);
        QCOMPARE(found->severity, severity);
        QVERIFY(found->message.size() > 20 && found->message.back() == '.');
        QVERIFY(found->suggestion.size() > 20 && found->suggestion.back() == '.');
    }

    // A plain, fast, well-estimated plan: no insight at all.
    void cleanPlanIsQuiet() {
        const std::string plan = pgPlan(withKids(
            pg("Nested Loop", 0.05, 10),
            {with(pg("Index Scan", 0.01, 1), {{"Index Name", "c_pkey"}, {"Relation Name", "c"}}),
             with(pg("Index Scan", 0.03, 10), {{"Index Name", "o_c"}, {"Relation Name", "o"}})}));
        QVERIFY(findInsights(parsePlan(plan)).empty());
    }

    // Figures at the edge of int64 (a corrupt or hostile plan): the spill advice still comes
    // out, with a bounded work_mem suggestion, and no arithmetic overflows (UBSan in CI).
    void absurdFiguresDoNotOverflow() {
        const std::int64_t huge = INT64_C(9200000000000000000);
        const std::string plan = pgPlan(withKids(
            with(pg("Gather", 10, 1),
                 {{"Workers Planned", 2147483647}, {"Workers Launched", 2147483647}}),
            {with(pg("Sort", 9, 1), {{"Sort Method", "external merge"},
                                     {"Sort Space Type", "Disk"},
                                     {"Sort Space Used", huge}}),
             with(pg("Hash", 1, 1), {{"Hash Batches", huge}, {"Peak Memory Usage", huge}})}));
        const auto insights = findInsights(parsePlan(plan));
        int spills = 0;
        for (const Insight& i : insights) {
            if (i.code == "sort-spill" || i.code == "hash-spill") {
                ++spills;
                QVERIFY2(i.suggestion.find("MB'") != std::string::npos, i.suggestion.c_str());
            }
        }
        QCOMPARE(spills, 2);
    }

    void ordering() {
        const std::string plan =
            pgPlan(withKids(pg("Aggregate", 100, 1),
                            {with(pg("Seq Scan", 95, 150, 10),
                                  {{"Filter", "(a = 1)"}, {"Rows Removed by Filter", 99000}})}));
        const auto insights = findInsights(parsePlan(plan));
        QVERIFY(insights.size() >= 3);
        for (std::size_t i = 1; i < insights.size(); ++i)
            QVERIFY(insights[i - 1].severity >= insights[i].severity);
        QCOMPARE(insights.front().severity, Severity::Critical);
    }
};

QTEST_GUILESS_MAIN(TestPlanInsights)
#include "tst_plan_insights.moc"
