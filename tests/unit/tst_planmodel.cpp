// PlanModel on recorded plans: tree shape equals the plan, the model tester stays quiet, the
// columns show the derived figures, insights are counted on their nodes, deep plans work.
#include "models/planmodel.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QTest>

using namespace dbt;

namespace {

std::string readPlan(const char* name) {
    QFile f(qEnvironmentVariable("DBTRIAGE_TEST_DATA") + QStringLiteral("/plans/") +
            QString::fromLatin1(name));
    if (!f.open(QIODevice::ReadOnly))
        qFatal("missing test plan %s", name);
    return f.readAll().toStdString();
}

// A PostgreSQL JSON plan `depth` levels deep, built without recursion.
std::string deepPlan(int depth) {
    std::string s = "[{\"Plan\": ";
    for (int i = 0; i < depth; ++i) {
        s += "{\"Node Type\": \"Subquery Scan\", \"Total Cost\": ";
        s += std::to_string(depth - i);
        s += ".0, \"Plan Rows\": 1";
        if (i + 1 < depth)
            s += ", \"Plans\": [";
    }
    for (int i = 0; i < depth; ++i)
        s += i == 0 ? "}" : "]}";
    s += "}]";
    return s;
}

int countIterative(const QAbstractItemModel& model, int* maxDepth) {
    int count = 0;
    *maxDepth = 0;
    std::vector<std::pair<QModelIndex, int>> stack{{QModelIndex(), 0}};
    while (!stack.empty()) {
        auto [parent, depth] = stack.back();
        stack.pop_back();
        for (int r = 0; r < model.rowCount(parent); ++r) {
            ++count;
            *maxDepth = std::max(*maxDepth, depth + 1);
            stack.emplace_back(model.index(r, 0, parent), depth + 1);
        }
    }
    return count;
}

} // namespace

class TestPlanModel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void testerOnRecordedPlans_data();
    void testerOnRecordedPlans();
    void columnsAndInsights();
    void deepPlanWithoutRecursion();
    void badInputThrowsSentence();
};

void TestPlanModel::testerOnRecordedPlans_data() {
    QTest::addColumn<QString>("file");
    for (const char* f : {"pg-hash-spill.json", "pg-cte-initplan-subplan.json",
                          "pg-cte-initplan-subplan.txt", "pg-clean-join-estimate.json",
                          "mariadb-analyze-filesort.json", "mysql8-join-group-order.json"})
        QTest::newRow(f) << QString::fromLatin1(f);
}

void TestPlanModel::testerOnRecordedPlans() {
    QFETCH(QString, file);
    PlanModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    auto doc = makePlanDocument(readPlan(file.toLatin1().constData()), file.toStdString());
    model.setDocument(doc);
    QVERIFY(!doc->plan.nodes.empty());
    int depth = 0;
    QCOMPARE(countIterative(model, &depth), int(doc->plan.nodes.size()));
    QCOMPARE(model.nodeCount(), int(doc->plan.nodes.size()));
    // every node's index maps back to the node, and its parent to the node's parent
    for (int n = 0; n < model.nodeCount(); ++n) {
        const QModelIndex idx = model.indexForNode(n);
        QVERIFY(idx.isValid());
        QCOMPARE(idx.data(PlanModel::NodeIndexRole).toInt(), n);
        const int p = doc->plan.nodes[std::size_t(n)].parent;
        if (p < 0)
            QVERIFY(!idx.parent().isValid());
        else
            QCOMPARE(idx.parent().data(PlanModel::NodeIndexRole).toInt(), p);
        QCOMPARE(model.index(idx.row(), 0, idx.parent()), idx);
    }
    model.setDocument(nullptr);
    QCOMPARE(model.rowCount(), 0);
}

void TestPlanModel::columnsAndInsights() {
    PlanModel model;
    auto doc = makePlanDocument(readPlan("pg-hash-spill.json"), "test");
    model.setDocument(doc);
    QVERIFY(model.hasTimes());
    QVERIFY(!doc->insights.empty());
    int counted = 0;
    for (int n = 0; n < model.nodeCount(); ++n)
        counted += model.indexForNode(n).data(PlanModel::InsightCountRole).toInt();
    QCOMPARE(counted, int(doc->insights.size()));
    const auto& first = doc->insights.front();
    const QModelIndex flagged = model.indexForNode(first.node, PlanModel::InsightsCol);
    QCOMPARE(flagged.data(PlanModel::MaxSeverityRole).toInt(), int(first.severity));
    QVERIFY(flagged.data().toString().contains(QString::fromLatin1(severityName(first.severity))));
    // the node label and the raw fields
    const QModelIndex root = model.indexForNode(0);
    QCOMPARE(root.data().toString(), QString::fromStdString(plans::nodeLabel(doc->plan.nodes[0])));
    const QStringList raw = root.data(PlanModel::RawFieldsRole).toStringList();
    QCOMPARE(raw.size(), int(doc->plan.nodes[0].raw.size()));
    QVERIFY(raw.join(QLatin1Char('\n')).contains(QStringLiteral("Node Type")));
    // bars: the node with the largest exclusive time has the full bar
    double maxBar = 0;
    for (int n = 0; n < model.nodeCount(); ++n)
        maxBar = std::max(
            maxBar,
            model.indexForNode(n, PlanModel::ExclusiveCol).data(PlanModel::BarRole).toDouble());
    QCOMPARE(maxBar, 1.0);
    QVERIFY(model.indexForNode(0, PlanModel::InclusiveCol)
                .data()
                .toString()
                .contains(QStringLiteral("ms")));
}

void TestPlanModel::deepPlanWithoutRecursion() {
    PlanModel model;
    auto doc = makePlanDocument(deepPlan(10000), "deep");
    QCOMPARE(int(doc->plan.nodes.size()), 10000);
    model.setDocument(doc);
    int depth = 0;
    QCOMPARE(countIterative(model, &depth), 10000);
    QCOMPARE(depth, 10000);
    const QModelIndex leaf = model.indexForNode(9999);
    QCOMPARE(leaf.parent().data(PlanModel::NodeIndexRole).toInt(), 9998);
}

void TestPlanModel::badInputThrowsSentence() {
    try {
        makePlanDocument("this is not a plan {", "pasted");
        QFAIL("garbage was accepted");
    } catch (const plans::PlanError& e) {
        QVERIFY(std::string(e.what()).size() > 10);
    }
}

QTEST_GUILESS_MAIN(TestPlanModel)
#include "tst_planmodel.moc"
