// The Indexes view in the window on the sandbox PostgreSQL (HypoPG installed), as a user does
// it: a selective predicate on a column without an index runs a few times, Top queries lists
// the statement, "Suggest indexes for this statement" and "Advise for the workload" both end
// in a candidate on that column validated with HypoPG. Nothing is created on the server.
#include "advisor/indexesview.h"
#include "common/messagestack.h"
#include "livetest.h"
#include "mainwindow.h"
#include "models/advicemodel.h"
#include "statements/topqueriesview.h"
#include "topqueriesrows.h"

#include <QAction>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QStandardPaths>
#include <QTest>
#include <cstdlib>
#include <libpq-fe.h>
#include <string>

using namespace dbt;

namespace {

using test::RawPg;

void loadEnv() {
    test::loadSandboxEnv();
}

std::string env(const char* name) {
    return test::sandboxEnv(name);
}

using test::rowWith;

// The row of a candidate on tst_iv_orders (customer_id), or -1.
int candidateRow(const AdviceCandidatesModel& model) {
    for (int r = 0; r < model.rowCount(); ++r) {
        const advisor::Proposal* p = model.proposalAt(r);
        if (p && p->candidate.table == "tst_iv_orders" && !p->candidate.columns.empty() &&
            p->candidate.columns.front() == "customer_id")
            return r;
    }
    return -1;
}

} // namespace

class TestIndexesViewLive : public QObject {
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
        setup_ = std::make_unique<RawPg>(adminUri_, "tst_indexesview_live");
        QVERIFY2(setup_->ok(), setup_->error().c_str());
        QVERIFY2(
            !setup_->value("SELECT extname FROM pg_extension WHERE extname = 'hypopg'").empty(),
            "the sandbox database has HypoPG");
        for (const char* sql :
             {"DROP TABLE IF EXISTS tst_iv_orders",
              "CREATE TABLE tst_iv_orders (id bigint PRIMARY KEY, customer_id int NOT NULL, "
              "status text NOT NULL, amount numeric)",
              "INSERT INTO tst_iv_orders SELECT g, (g * 7919) % 20000, "
              "(ARRAY['new','paid','shipped','done'])[1 + g % 4], g % 1000 "
              "FROM generate_series(1, 150000) g",
              "ANALYZE tst_iv_orders", "GRANT SELECT ON tst_iv_orders TO PUBLIC",
              "SELECT pg_stat_statements_reset()"})
            QVERIFY2(setup_->exec(sql), setup_->last().c_str());
        indexesBefore_ = indexes();
    }

    void cleanupTestCase() {
        if (setup_ && setup_->ok())
            setup_->exec("DROP TABLE IF EXISTS tst_iv_orders");
    }

    void suggestAndAdvise() {
        MainWindow window;
        window.resize(1400, 900);
        window.show();
        window.connectToTarget(QString::fromStdString(monitorUri_), 1000);
        // The window's deltas start at the first sample: run the statement after it.
        QTRY_VERIFY_WITH_TIMEOUT(window.history().size() >= 1, 20000);
        for (int i = 0; i < 8; ++i)
            QVERIFY2(setup_->exec("SELECT id, amount FROM tst_iv_orders WHERE customer_id = " +
                                  std::to_string(100 + i)),
                     setup_->last().c_str());
        window.showView(MainWindow::TopQueries);
        gui::TopQueriesView* queries = window.topQueriesView();
        const QString needle = QStringLiteral("tst_iv_orders");
        QTRY_VERIFY_WITH_TIMEOUT(rowWith(*queries, needle) >= 0, 20000);

        // 1. From one statement in Top queries (the SELECT, not the set-up's INSERT).
        queries->proxy()->setFilterFixedString(QStringLiteral("tst_iv_orders WHERE customer_id"));
        QVERIFY(queries->proxy()->rowCount() >= 1); // sorted by total time: ours first
        queries->selectRow(0);
        QVERIFY(queries->suggestIndexesAction()->isEnabled());
        gui::IndexesView* view = window.indexesView();
        QSignalSpy shown(view, &gui::IndexesView::adviceShown);
        QSignalSpy failed(view, &gui::IndexesView::adviceFailed);
        queries->suggestIndexesAction()->trigger();
        QCOMPARE(window.currentView(), MainWindow::Indexes);
        QVERIFY(view->running());
        QTRY_VERIFY_WITH_TIMEOUT(shown.count() + failed.count() == 1, 30000);
        QVERIFY2(failed.isEmpty(), qPrintable(view->stack()->messageDetail()));
        int row = candidateRow(*view->candidatesModel());
        QVERIFY2(row >= 0, qPrintable(view->notesText()));
        const QModelIndex method =
            view->candidatesModel()->index(row, AdviceCandidatesModel::Method);
        QCOMPARE(method.data().toString(), QStringLiteral("validated with HypoPG"));
        QVERIFY(view->selectCandidate(row));
        QCOMPARE(view->ddlBox()->toPlainText(),
                 QStringLiteral("CREATE INDEX CONCURRENTLY idx_tst_iv_orders_customer_id ON "
                                "public.tst_iv_orders (customer_id);"));
        QVERIFY(view->detailText().contains(QStringLiteral("the plan uses the index")));

        // 2. For the whole workload: the top statements of Top queries' window.
        queries->proxy()->setFilterFixedString(QString());
        view->setTopN(10);
        QVERIFY(view->adviseButton()->isEnabled());
        QTest::mouseClick(view->adviseButton(), Qt::LeftButton);
        QVERIFY(view->running());
        QTRY_VERIFY_WITH_TIMEOUT(shown.count() + failed.count() == 2, 40000);
        QVERIFY2(failed.isEmpty(), qPrintable(view->stack()->messageDetail()));
        QVERIFY(view->summaryText().contains(QStringLiteral("Top 10 statements")));
        row = candidateRow(*view->candidatesModel());
        QVERIFY2(row >= 0, qPrintable(view->notesText()));
        QCOMPARE(view->candidatesModel()
                     ->index(row, AdviceCandidatesModel::Method)
                     .data(ValidatedRole)
                     .toBool(),
                 true);
        window.disconnectFromServer();

        // Nothing was created: the table has the indexes it had.
        QCOMPARE(indexes(), indexesBefore_);
    }

private:
    std::string indexes() {
        return setup_->value("SELECT coalesce(string_agg(indexname, ',' ORDER BY indexname), '') "
                             "FROM pg_indexes WHERE tablename = 'tst_iv_orders'");
    }

    std::string adminUri_;
    std::string monitorUri_;
    std::string indexesBefore_;
    std::unique_ptr<RawPg> setup_;
};

QTEST_MAIN(TestIndexesViewLive)
#include "tst_indexesview_live.moc"
