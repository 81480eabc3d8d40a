// The window on the sandbox PostgreSQL, as a user does it: a slow statement (a filtered
// sequential scan over a table without an index) runs a few times, Top queries lists it, the
// Explain action on its row shows the generic plan in the Plans view with the insight that
// explains its cost.
#include "livetest.h"
#include "mainwindow.h"
#include "models/planmodel.h"
#include "plans/planview.h"
#include "statements/topqueriesview.h"
#include "topqueriesrows.h"

#include <QAction>
#include <QSortFilterProxyModel>
#include <QStandardPaths>
#include <QTest>
#include <cstdlib>
#include <libpq-fe.h>
#include <string>

using namespace dbt;
using dbt::gui::TopQueriesView;

namespace {

using test::RawPg;

void loadEnv() {
    test::loadSandboxEnv();
}

std::string env(const char* name) {
    return test::sandboxEnv(name);
}

using test::rowWith;

} // namespace

class TestPlanViewLive : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        loadEnv();
        adminUri_ = env("DBTRIAGE_PG_ADMIN_URI");
        monitorUri_ = env("DBTRIAGE_PG_MONITOR_URI");
        if (adminUri_.empty() || monitorUri_.empty())
            QSKIP("DBTRIAGE_PG_ADMIN_URI / DBTRIAGE_PG_MONITOR_URI are not set: start the "
                  "sandbox (scripts/sandbox start) and set DBTRIAGE_SANDBOX_ENV, or run "
                  "scripts/test.");
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("dbtriage-tests"));
        registerMetaTypes();
        setup_ = std::make_unique<RawPg>(adminUri_, "tst_planview_live");
        QVERIFY2(setup_->ok(), setup_->error().c_str());
        for (const char* sql :
             {"DROP TABLE IF EXISTS tst_pv_customers",
              "CREATE TABLE tst_pv_customers (id int, email text, name text)",
              // Small enough (~5 MB) for a plain, not a parallel, sequential scan.
              "INSERT INTO tst_pv_customers SELECT g, 'c' || g || '@example.com', 'n' || g "
              "FROM generate_series(1, 80000) g",
              "ANALYZE tst_pv_customers", "GRANT SELECT ON tst_pv_customers TO PUBLIC"})
            QVERIFY2(setup_->exec(sql), setup_->last().c_str());
    }

    void cleanupTestCase() {
        if (setup_ && setup_->ok())
            setup_->exec("DROP TABLE IF EXISTS tst_pv_customers");
    }

    void explainFromTopQueries() {
        MainWindow window;
        window.resize(1400, 900);
        window.show();
        window.connectToTarget(QString::fromStdString(monitorUri_), 1000);
        // The window's deltas start at the first sample: run the statement after it.
        QTRY_VERIFY_WITH_TIMEOUT(window.history().size() >= 1, 20000);
        for (int i = 0; i < 5; ++i)
            QVERIFY2(setup_->exec("SELECT * FROM tst_pv_customers WHERE email = 'c" +
                                  std::to_string(1000 + i) + "@example.com'"),
                     setup_->last().c_str());
        window.showView(MainWindow::TopQueries);
        TopQueriesView* queries = window.topQueriesView();
        const QString needle = QStringLiteral("FROM tst_pv_customers WHERE email");
        QTRY_VERIFY_WITH_TIMEOUT(rowWith(*queries, needle) >= 0, 20000);
        // The statement at the top of the list once the list is filtered to it.
        queries->proxy()->setFilterFixedString(needle);
        QVERIFY(queries->proxy()->rowCount() >= 1);
        queries->selectRow(0);
        QVERIFY(queries->explainAction()->isEnabled());
        queries->explainAction()->trigger();
        QCOMPARE(window.currentView(), MainWindow::Plans);

        gui::PlansView* plans = window.plansView();
        QTRY_VERIFY_WITH_TIMEOUT(plans->planCount() == 1 || plans->messageIsError(), 30000);
        QVERIFY2(!plans->messageIsError(), qPrintable(plans->messageText()));
        const PlanDocumentPtr doc = plans->currentDocument();
        QVERIFY(doc);
        QVERIFY(QString::fromStdString(doc->statement).contains(needle));
        QVERIFY(QString::fromStdString(doc->statement).contains(QStringLiteral("$1")));
        QVERIFY(doc->genericPlan);
        QVERIFY(!doc->analyzed);
        QVERIFY(plans->genericText().contains(QStringLiteral("Generic plan")));
        bool seqScan = false;
        int seqNode = -1;
        for (const auto& insight : doc->insights)
            if (insight.code == "seq-scan-estimated") {
                seqScan = true;
                seqNode = insight.node;
            }
        QVERIFY2(seqScan, qPrintable(plans->planText()));
        QCOMPARE(QString::fromStdString(doc->plan.nodes[std::size_t(seqNode)].nodeType),
                 QStringLiteral("Seq Scan"));
        // The view opens on the worst insight's node.
        QCOMPARE(plans->selectedNode(), doc->insights.front().node);

        // A statement the server rejects: its sentence in the view, the plan stays.
        window.explainStatement(QStringLiteral("SELECT * FROM tst_pv_no_such_table"), QString());
        QTRY_VERIFY_WITH_TIMEOUT(plans->messageIsError(), 20000);
        QVERIFY2(plans->messageText().contains(QStringLiteral("tst_pv_no_such_table")),
                 qPrintable(plans->messageText()));
        QCOMPARE(plans->planCount(), 1);
        QCOMPARE(plans->currentDocument(), doc);
        window.disconnectFromServer();
    }

private:
    std::string adminUri_;
    std::string monitorUri_;
    std::unique_ptr<RawPg> setup_;
};

QTEST_MAIN(TestPlanViewLive)
#include "tst_planview_live.moc"
