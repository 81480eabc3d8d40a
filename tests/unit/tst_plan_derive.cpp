// Derived figures: exclusive/inclusive time and cost, parallel workers, CTEs, buffers, row
// estimate factors, removed-row shares.
#include "plans/derive.h"
#include "plans/parse.h"

#include <QFile>
#include <QTest>
#include <cmath>

using namespace dbt::plans;

namespace {

std::string readSeed(const char* name) {
    QFile f(qEnvironmentVariable("DBTRIAGE_TEST_DATA") + QStringLiteral("/plans/") +
            QLatin1String(name));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll().toStdString();
}

double exclusiveSum(const Plan& p) {
    double sum = 0;
    for (const Node& n : p.nodes)
        sum += n.derived.exclusiveTimeMs.value_or(0);
    return sum;
}

bool near(double a, double b) {
    return std::fabs(a - b) < 1e-6 * std::max(1.0, std::fabs(b));
}

} // namespace

class TestPlanDerive : public QObject {
    Q_OBJECT
private slots:
    void exclusiveTimeAndCost() {
        const Plan p = parsePlan(R"([{"Plan": {"Node Type": "Hash Join", "Total Cost": 100,
            "Actual Total Time": 50, "Actual Rows": 10, "Actual Loops": 1, "Plan Rows": 1000,
            "Shared Hit Blocks": 30, "Shared Read Blocks": 10, "Temp Written Blocks": 4,
            "Plans": [
              {"Node Type": "Seq Scan", "Parent Relationship": "Outer", "Total Cost": 40,
               "Actual Total Time": 20, "Actual Rows": 100, "Actual Loops": 1, "Plan Rows": 100,
               "Rows Removed by Filter": 300, "Shared Hit Blocks": 20, "Shared Read Blocks": 5},
              {"Node Type": "Hash", "Parent Relationship": "Inner", "Total Cost": 30,
               "Actual Total Time": 2.5, "Actual Rows": 5, "Actual Loops": 4, "Plan Rows": 5,
               "Shared Hit Blocks": 10, "Shared Read Blocks": 5}]}}])");
        const Node& join = p.nodes[0];
        QVERIFY(near(*join.derived.inclusiveTimeMs, 50));
        QVERIFY(near(*join.derived.exclusiveTimeMs, 50 - 20 - 10)); // Hash: 2.5 ms × 4 loops
        QVERIFY(near(*join.derived.exclusiveCost, 30));
        QVERIFY(near(p.totalTimeMs, 50));
        QVERIFY(near(exclusiveSum(p), p.totalTimeMs));
        QVERIFY(near(join.derived.timeShare, 0.4));
        QVERIFY(near(join.derived.costShare, 0.3));
        QVERIFY(near(*join.derived.rowFactor, 100));
        QVERIFY(!join.derived.underestimated);
        QCOMPARE(join.derived.exclusiveBuffers.sharedHit, std::int64_t(0));
        QCOMPARE(join.derived.exclusiveBuffers.tempWritten, std::int64_t(4));
        const Node& scan = p.nodes[1];
        QVERIFY(near(*scan.derived.filterRemovedShare, 0.75));
        QCOMPARE(scan.derived.exclusiveBuffers.sharedRead, std::int64_t(5));
        QVERIFY(near(*p.nodes[2].derived.inclusiveTimeMs, 10));
    }

    void parallelLoopsCountOnce() {
        const Plan p = parsePlan(R"([{"Plan": {"Node Type": "Gather", "Actual Total Time": 30,
            "Actual Rows": 3, "Actual Loops": 1, "Workers Planned": 2, "Workers Launched": 2,
            "Plans": [{"Node Type": "Aggregate", "Partial Mode": "Partial", "Actual Total Time": 28,
              "Actual Rows": 1, "Actual Loops": 3, "Plans": [{"Node Type": "Seq Scan",
              "Parallel Aware": true, "Actual Total Time": 20, "Actual Rows": 1000,
              "Actual Loops": 3}]}]}}])");
        QVERIFY(near(p.nodes[1].derived.effectiveLoops, 1));
        QVERIFY(near(*p.nodes[1].derived.inclusiveTimeMs, 28));
        QVERIFY(near(*p.nodes[0].derived.exclusiveTimeMs, 2));
        QVERIFY(near(*p.nodes[2].derived.exclusiveTimeMs, 20));
        QVERIFY(near(*totalActualRows(p.nodes[2]), 3000)); // rows count every process
    }

    // The CTE's subplan runs inside the CTE Scan: its time counts once, in the CTE's nodes.
    void cteCountedOnce() {
        const Plan p = parsePlan(R"([{"Plan": {"Node Type": "CTE Scan", "CTE Name": "x",
            "Alias": "x", "Actual Total Time": 10, "Actual Rows": 5, "Actual Loops": 1,
            "Plans": [{"Node Type": "Seq Scan", "Parent Relationship": "InitPlan",
              "Subplan Name": "CTE x", "Actual Total Time": 6, "Actual Rows": 5,
              "Actual Loops": 1}]}}])");
        QVERIFY(near(*p.nodes[0].derived.exclusiveTimeMs, 4));
        QVERIFY(near(*p.nodes[1].derived.exclusiveTimeMs, 6));
        QVERIFY(near(exclusiveSum(p), 10));
    }

    void neverExecuted() {
        const Plan p = parsePlan(
            "Append  (cost=0.00..2.00 rows=2 width=4) (actual time=0.1..1.0 rows=1 loops=1)\n"
            "  ->  Seq Scan on a  (cost=0.00..1.00 rows=1 width=4) (actual time=0.1..1.0 rows=1 "
            "loops=1)\n"
            "  ->  Seq Scan on b  (cost=0.00..1.00 rows=1 width=4) (never executed)\n");
        QVERIFY(p.nodes[2].neverExecuted);
        QVERIFY(near(*p.nodes[2].derived.inclusiveTimeMs, 0));
        QVERIFY(!p.nodes[2].derived.rowFactor);
        QCOMPARE(p.nodes[2].parentRelationship, std::string("Member"));
    }

    void mysqlCosts() {
        const Plan p = parsePlan(readSeed("mysql8-join-group-order.json"));
        QCOMPARE(p.dialect, Dialect::MysqlJson);
        QVERIFY(near(p.totalCost, 22671.41));
        const Node& o = p.nodes[3];
        QCOMPARE(o.tableName, std::string("o"));
        QVERIFY(near(*o.derived.exclusiveCost, 9124.71 + 978.60));
        QVERIFY(near(*o.filteredPercent, 9.8));
        QVERIFY(!p.analyzed);
    }

    void seedsAddUp_data() {
        QTest::addColumn<QString>("file");
        for (const char* f : {"pg-cte-initplan-subplan.json", "pg-cte-initplan-subplan.txt",
                              "pg-parallel.json", "pg-nested-loop.json", "pg-partitioned.txt",
                              "mariadb-analyze-subqueries.json", "mariadb-analyze-filesort.json"})
            QTest::newRow(f) << QString::fromLatin1(f);
    }

    void seedsAddUp() {
        QFETCH(QString, file);
        const Plan p = parsePlan(readSeed(qPrintable(file)));
        QVERIFY(p.analyzed);
        QVERIFY(p.totalTimeMs > 0);
        QVERIFY2(std::fabs(exclusiveSum(p) - p.totalTimeMs) <= 0.02 * p.totalTimeMs + 0.01,
                 qPrintable(QString::number(exclusiveSum(p)) + QStringLiteral(" vs ") +
                            QString::number(p.totalTimeMs)));
        for (const Node& n : p.nodes) {
            QVERIFY(n.derived.timeShare >= 0 && n.derived.timeShare <= 1);
            if (n.derived.exclusiveTimeMs && n.derived.inclusiveTimeMs)
                QVERIFY(*n.derived.exclusiveTimeMs <= *n.derived.inclusiveTimeMs + 1e-9);
        }
    }

    void mariadbActuals() {
        const Plan p = parsePlan(readSeed("mariadb-analyze-full-scan.json"));
        QCOMPARE(p.dialect, Dialect::MariadbAnalyzeJson);
        const Node& t = p.nodes[1];
        QVERIFY(t.actualRows && t.actualLoops && t.actualFilteredPercent);
        QVERIFY(t.derived.filterRemovedShare && *t.derived.filterRemovedShare > 0.99);
        QVERIFY(p.planningTimeMs && p.executionTimeMs);
    }
};

QTEST_GUILESS_MAIN(TestPlanDerive)
#include "tst_plan_derive.moc"
