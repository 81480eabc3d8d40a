// The Plans view offscreen on real plans from tests/data/plans (PostgreSQL JSON with ANALYZE
// and text, MariaDB ANALYZE, MySQL 8): tree and diagram hold every node, insights select their
// node in both, the details pane shows the raw fields, copy as text is the renderer's output,
// PNG/SVG export, paste without a connection, bad input, a 10,000-level plan; and the window's
// Plans view (Ctrl+5), the offline explain sentence and a bundle's plans.
#include "collect/sampler.h"
#include "common/messagestack.h"
#include "fixtures.h"
#include "mainwindow.h"
#include "models/planmodel.h"
#include "plans/plandiagram.h"
#include "plans/planview.h"
#include "plans/render.h"
#include "sessions/sessionsview.h"
#include "statements/topqueriesview.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QListWidget>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>
#include <QTreeWidget>

using namespace dbt;
using namespace dbt::gui;

namespace {

QByteArray planFile(const QString& name) {
    QFile f(
        QDir(qEnvironmentVariable("DBTRIAGE_TEST_DATA")).filePath(QStringLiteral("plans/") + name));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll();
}

// Rows of the tree model, walked without recursion.
int countRows(const QAbstractItemModel& model) {
    int count = 0;
    std::vector<QModelIndex> stack{QModelIndex()};
    while (!stack.empty()) {
        const QModelIndex parent = stack.back();
        stack.pop_back();
        const int rows = model.rowCount(parent);
        count += rows;
        for (int r = 0; r < rows; ++r)
            stack.push_back(model.index(r, 0, parent));
    }
    return count;
}

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

int treeNode(const PlansView& view) {
    const QModelIndex current = view.tree()->selectionModel()->currentIndex();
    return current.isValid() ? current.data(PlanModel::NodeIndexRole).toInt() : -1;
}

} // namespace

class TestPlanView : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void emptyStateSaysWhatToDo();
    void realPlans_data();
    void realPlans();
    void selectionFollowsAcrossPanes();
    void exportPngAndSvg();
    void pasteTextPlanOffline();
    void malformedPlanKeepsPrevious();
    void genericPlanHeader();
    void deepPlanLoads();
    void windowPlansViewAndOfflineExplain();
    void bundlePlansAppear();
    void sessionsExplainAsksForTheQuery();
};

void TestPlanView::initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("dbtriage-tests"));
    registerMetaTypes();
    QVERIFY2(!planFile(QStringLiteral("pg-seq-scan-filter.json")).isEmpty(),
             "DBTRIAGE_TEST_DATA must point at tests/data");
}

void TestPlanView::emptyStateSaysWhatToDo() {
    PlansView view;
    QVERIFY(view.stack()->showingMessage());
    QVERIFY(view.stack()->messageDetail().contains(
        QStringLiteral("Explain a statement from Top queries or Sessions")));
    QCOMPARE(view.planText(), QString());
    QVERIFY(!view.exportPng(QDir::temp().filePath(QStringLiteral("never.png"))));
}

void TestPlanView::realPlans_data() {
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("dialect");
    QTest::newRow("pg json analyze") << "pg-hash-spill.json"
                                     << "postgres-json";
    QTest::newRow("pg text analyze") << "pg-nested-loop.txt"
                                     << "postgres-text";
    QTest::newRow("pg json estimate") << "pg-nested-loop-estimate.json"
                                      << "postgres-json";
    QTest::newRow("mariadb analyze") << "mariadb-analyze-full-scan.json"
                                     << "mariadb-analyze-json";
    QTest::newRow("mysql 8") << "mysql8-join-group-order.json"
                             << "mysql-json";
}

void TestPlanView::realPlans() {
    QFETCH(QString, file);
    QFETCH(QString, dialect);
    PlansView view;
    view.resize(1300, 800);
    view.show();
    QAbstractItemModelTester tester(view.model(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    QString error;
    QVERIFY2(view.addPlanText(planFile(file), file, &error), qPrintable(error));
    QCOMPARE(view.planCount(), 1);
    QVERIFY(!view.stack()->showingMessage());
    const PlanDocumentPtr doc = view.currentDocument();
    QVERIFY(doc);
    const int nodes = int(doc->plan.nodes.size());
    QVERIFY(nodes >= 2);
    QCOMPARE(QString::fromStdString(std::string(plans::dialectName(doc->plan.dialect))), dialect);
    QVERIFY(view.headerText().contains(dialect));

    // Every node in the tree and in the diagram.
    QCOMPARE(countRows(*view.model()), nodes);
    QCOMPARE(view.scene()->nodeItemCount(), nodes);
    for (int n = 0; n < nodes; ++n)
        QCOMPARE(view.scene()->itemForNode(n)->label(),
                 QString::fromStdString(plans::nodeLabel(doc->plan.nodes[std::size_t(n)])));

    // The insights list: one row per insight; clicking one selects its node everywhere.
    QVERIFY2(!doc->insights.empty(), "each plan here is built to trigger an insight");
    QCOMPARE(view.insightsList()->topLevelItemCount(), int(doc->insights.size()));
    for (int i = int(doc->insights.size()) - 1; i >= 0; --i) {
        const int node = doc->insights[std::size_t(i)].node;
        view.activateInsight(i);
        QCOMPARE(view.selectedNode(), node);
        QCOMPARE(treeNode(view), node);
        QCOMPARE(view.scene()->selectedNode(), node);
        QCOMPARE(view.insightsList()->currentItem()->text(2),
                 QString::fromStdString(doc->insights[std::size_t(i)].message));
        // The details pane: every raw field of that node.
        const auto& raw = doc->plan.nodes[std::size_t(node)].raw;
        const QStringList lines = view.detailLines();
        QCOMPARE(lines.size(), int(raw.size()));
        for (std::size_t k = 0; k < raw.size(); ++k)
            QCOMPARE(lines[int(k)], QString::fromStdString(raw[k].first + ": " + raw[k].second));
    }

    // Copy as text: the renderer's output (a file's plan has no statement header).
    const QString expected =
        QString::fromStdString(plans::renderPlanText(doc->plan, doc->insights));
    QCOMPARE(view.planText(), expected);
    view.copyAsText();
    QCOMPARE(QGuiApplication::clipboard()->text(), expected);
}

void TestPlanView::selectionFollowsAcrossPanes() {
    PlansView view;
    view.show();
    QVERIFY(view.addPlanText(planFile(QStringLiteral("pg-nested-loop.json")),
                             QStringLiteral("nested")));
    const int nodes = view.model()->nodeCount();
    QVERIFY(nodes >= 3);
    // Diagram -> tree and details.
    const int last = nodes - 1;
    view.scene()->clearSelection();
    view.scene()->itemForNode(last)->setSelected(true);
    QCOMPARE(view.selectedNode(), last);
    QCOMPARE(treeNode(view), last);
    QVERIFY(!view.detailLines().isEmpty());
    // Tree -> diagram.
    view.tree()->selectionModel()->setCurrentIndex(view.model()->indexForNode(1),
                                                   QItemSelectionModel::ClearAndSelect |
                                                       QItemSelectionModel::Rows);
    QCOMPARE(view.selectedNode(), 1);
    QCOMPARE(view.scene()->selectedNode(), 1);
    QVERIFY(view.scene()->itemForNode(1)->isSelected());
    QVERIFY(!view.scene()->itemForNode(last)->isSelected());
}

void TestPlanView::exportPngAndSvg() {
    PlansView view;
    view.show();
    QVERIFY(
        view.addPlanText(planFile(QStringLiteral("pg-hash-spill.json")), QStringLiteral("hash")));
    QTemporaryDir dir;
    const QString png = dir.filePath(QStringLiteral("plan.png"));
    const QString svg = dir.filePath(QStringLiteral("plan.svg"));
    QVERIFY(view.exportPng(png));
    QVERIFY(view.exportSvg(svg));
    const QImage image(png);
    QVERIFY(!image.isNull());
    QVERIFY(image.width() > 200 && image.height() > 100);
    QFile f(svg);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(f.readAll());
    QVERIFY(text.startsWith(QStringLiteral("<?xml")) || text.contains(QStringLiteral("<svg")));
    const auto& root = view.currentDocument()->plan.nodes.front();
    QVERIFY2(text.contains(QString::fromStdString(root.nodeType)),
             qPrintable(QString::fromStdString(root.nodeType)));
    const QString hashNode = QStringLiteral("Hash Join");
    QVERIFY(text.contains(hashNode));
}

void TestPlanView::pasteTextPlanOffline() {
    PlansView view;
    view.show();
    QGuiApplication::clipboard()->setText(
        QString::fromUtf8(planFile(QStringLiteral("pg-seq-scan-filter.txt"))));
    QString error;
    QVERIFY2(view.pasteFromClipboard(&error), qPrintable(error));
    QCOMPARE(view.planCount(), 1);
    const PlanDocumentPtr doc = view.currentDocument();
    QCOMPARE(doc->plan.dialect, plans::Dialect::PostgresText);
    QVERIFY(view.planList()->item(0)->text().startsWith(QStringLiteral("Pasted plan")));
    bool seqScan = false;
    for (const auto& i : doc->insights)
        seqScan = seqScan || i.code == "seq-scan-few-rows" || i.code == "filter-removes-rows";
    QVERIFY(seqScan);
    QCOMPARE(view.messageText(), QString());

    // An empty clipboard says what to do.
    QGuiApplication::clipboard()->clear();
    QVERIFY(!view.pasteFromClipboard(&error));
    QVERIFY(view.messageIsError());
    QVERIFY(view.messageText().contains(QStringLiteral("clipboard")));
    QCOMPARE(view.planCount(), 1);
}

void TestPlanView::malformedPlanKeepsPrevious() {
    PlansView view;
    view.show();
    QVERIFY(
        view.addPlanText(planFile(QStringLiteral("pg-sort-spill.json")), QStringLiteral("sort")));
    const PlanDocumentPtr before = view.currentDocument();
    const QByteArray bad = "[{\"Plan\": {\"Node Type\": \"Seq Scan\", \"Plans\": [";
    std::string sentence;
    try {
        makePlanDocument(std::string_view(bad.constData(), std::size_t(bad.size())), "x");
        QFAIL("the truncated plan was accepted");
    } catch (const std::exception& e) {
        sentence = e.what();
    }
    QString error;
    QVERIFY(!view.addPlanText(bad, QStringLiteral("truncated.json"), &error));
    QVERIFY(view.messageIsError());
    QVERIFY2(view.messageText().contains(QString::fromStdString(sentence)),
             qPrintable(view.messageText()));
    QCOMPARE(error, view.messageText());
    QCOMPARE(view.planCount(), 1);
    QCOMPARE(view.currentDocument(), before);
    QCOMPARE(view.scene()->nodeItemCount(), int(before->plan.nodes.size()));
    // Garbage too.
    QVERIFY(!view.addPlanText("not a plan at all", QStringLiteral("garbage")));
    QCOMPARE(view.planCount(), 1);
    // The next good plan clears the message.
    QVERIFY(view.addPlanText(planFile(QStringLiteral("mariadb-filesort.json")),
                             QStringLiteral("filesort")));
    QCOMPARE(view.messageText(), QString());
    QCOMPARE(view.planCount(), 2);
}

void TestPlanView::genericPlanHeader() {
    PlansView view;
    view.show();
    const QByteArray text = planFile(QStringLiteral("pg-seq-scan-filter-estimate.json"));
    auto doc = std::make_shared<PlanDocument>(
        *makePlanDocument(std::string_view(text.constData(), std::size_t(text.size())), "explain"));
    doc->statement = "SELECT * FROM customers WHERE email = $1";
    doc->genericPlan = true;
    doc->notes = {"Generic plan: $1 planned as unknown."};
    view.addDocument(doc);
    QVERIFY(view.genericText().contains(
        QStringLiteral("Generic plan: parameter values unknown, costs are estimates")));
    QVERIFY(view.planList()->item(0)->text().contains(QStringLiteral("customers")));
    const QString copied = view.planText();
    QVERIFY(copied.startsWith(QStringLiteral("Statement: SELECT * FROM customers")));
    QVERIFY(
        copied.endsWith(QString::fromStdString(plans::renderPlanText(doc->plan, doc->insights))));
    QVERIFY(copied.contains(QStringLiteral("Note: Generic plan: $1 planned as unknown.")));
}

void TestPlanView::deepPlanLoads() {
    PlansView view;
    view.resize(1200, 800);
    view.show();
    const std::string deep = deepPlan(10000);
    QVERIFY(view.addPlanText(QByteArray::fromStdString(deep), QStringLiteral("deep")));
    QCOMPARE(view.model()->nodeCount(), 10000);
    QCOMPARE(view.scene()->nodeItemCount(), 10000);
    view.selectNode(9999);
    QCOMPARE(view.selectedNode(), 9999);
    QCOMPARE(view.scene()->selectedNode(), 9999);
    QVERIFY(!view.detailLines().isEmpty());
    view.selectNode(5);
    QCOMPARE(treeNode(view), 5);
    QTest::qWait(50); // paint a few times
    QVERIFY(!view.planText().isEmpty());
}

void TestPlanView::windowPlansViewAndOfflineExplain() {
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QTest::keyClick(&window, Qt::Key_5, Qt::ControlModifier);
    QCOMPARE(window.currentView(), MainWindow::Plans);
    QCOMPARE(MainWindow::Plans, 4);
    // Offline: explaining says a connection is needed, nothing else changes.
    window.explainStatement(QStringLiteral("SELECT 1"), QString());
    QCOMPARE(window.currentView(), MainWindow::Plans);
    QVERIFY(window.plansView()->messageIsError());
    QCOMPARE(window.plansView()->messageText(), JobRunner::needsConnectionSentence());
    QCOMPARE(window.plansView()->planCount(), 0);
    // From Top queries: the Explain action asks for the selected statement's plan.
    QVERIFY(window.openSnapshots({fixtures::recordedPileup()}));
    window.showView(MainWindow::TopQueries);
    window.topQueriesView()->selectRow(0);
    QVERIFY(window.topQueriesView()->explainAction()->isEnabled());
    QSignalSpy asked(window.topQueriesView(), &TopQueriesView::explainRequested);
    window.topQueriesView()->explainAction()->trigger();
    QCOMPARE(asked.size(), 1);
    QVERIFY(!asked.front().at(0).toString().isEmpty());
    QCOMPARE(window.currentView(), MainWindow::Plans);
    QCOMPARE(window.plansView()->messageText(), JobRunner::needsConnectionSentence());
}

void TestPlanView::bundlePlansAppear() {
    PlansView view;
    view.show();
    QVERIFY(view.addPlanText(planFile(QStringLiteral("pg-parallel.json")), QStringLiteral("own")));
    std::map<QString, QByteArray> plans;
    plans.emplace(QStringLiteral("plans/q1.json"), planFile(QStringLiteral("pg-misestimate.json")));
    plans.emplace(QStringLiteral("plans/q2.json"),
                  planFile(QStringLiteral("mariadb-filesort.json")));
    view.setBundlePlans(plans);
    QCOMPARE(view.planCount(), 3);
    QVERIFY(view.planList()->item(1)->text().contains(QStringLiteral("plans/q1.json")));
    // With what the bundle says of each plan: statement, rank and share, generic; statements
    // it could not explain become a note.
    BundlePlanEntry entry;
    entry.jsonPath = QStringLiteral("plans/01-42.json");
    entry.json = planFile(QStringLiteral("pg-misestimate.json"));
    entry.statement = QStringLiteral("SELECT * FROM t WHERE a = $1");
    entry.summary.rank = 1;
    entry.summary.statementId = "42";
    entry.summary.share = 0.5;
    entry.summary.genericPlan = true;
    PlanSummary failure;
    failure.statementId = "43";
    failure.error = "EXPLAIN gave up after the lock timeout";
    view.setBundlePlans(std::vector<BundlePlanEntry>{entry}, {failure});
    QCOMPARE(view.planCount(), 2);
    QVERIFY(view.planList()->item(1)->text().contains(QStringLiteral("statement 42")));
    QVERIFY(view.planList()->item(1)->text().contains(QStringLiteral("50 %")));
    view.planList()->setCurrentRow(1);
    QVERIFY(view.currentDocument());
    QCOMPARE(view.currentDocument()->statement, std::string("SELECT * FROM t WHERE a = $1"));
    QVERIFY(view.currentDocument()->genericPlan);
    QVERIFY(view.messageText().contains(QStringLiteral("lock timeout")));
    view.setBundlePlans(std::map<QString, QByteArray>{});
    QCOMPARE(view.planCount(), 1);
    QVERIFY(view.currentDocument());
    QCOMPARE(view.planList()->item(0)->text(), QStringLiteral("own"));
}

void TestPlanView::sessionsExplainAsksForTheQuery() {
    SessionsView view;
    view.show();
    const SnapshotPtr snapshot = fixtures::pileup(3);
    view.setSnapshot(snapshot);
    QSignalSpy asked(&view, &SessionsView::explainRequested);
    view.selectPid(6001);
    view.explainCurrent();
    QCOMPARE(asked.size(), 1);
    QCOMPARE(asked.front().at(0).toString(),
             QStringLiteral("SELECT kind, count(*) FROM events GROUP BY kind"));
    QCOMPARE(asked.front().at(1).toString(),
             QString::fromStdString(snapshot->sessions.back().database));
    // The context menu offers it.
    bool offered = false;
    for (QAction* a : view.table()->actions())
        offered = offered || a->text() == QStringLiteral("Explain query");
    QVERIFY(offered);
}

QTEST_MAIN(TestPlanView)
#include "tst_planview.moc"
