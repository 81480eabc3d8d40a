// Models under QAbstractItemModelTester (attached before they are filled), the lock forest's
// folding, the history's statement windows and thinning, and table export.
#include "fixtures.h"
#include "models/lockforest.h"
#include "models/locktreemodel.h"
#include "models/modelroles.h"
#include "models/sessionsmodel.h"
#include "models/snapshothistory.h"
#include "models/statementsmodel.h"
#include "models/tableexport.h"

#include <QAbstractItemModelTester>
#include <QPersistentModelIndex>
#include <QTest>

using namespace dbt;

class TestGuiModels : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void sessionsModel();
    void sessionsModelKeepsRowsAcrossSamples();
    void statementsModel();
    void lockTreeModel();
    void lockForestFolding_data();
    void lockForestFolding();
    void lockForestCycleAndDeepChain();
    void historyWindows();
    void historyIsBounded();
    void tableExport();
};

void TestGuiModels::sessionsModel() {
    SessionsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setSnapshot(fixtures::pileup(20));
    QCOMPARE(model.rowCount(), 2 + 20 + 5 + 3);
    const int root = model.rowOfPid(100);
    QVERIFY(root >= 0);
    QCOMPARE(model.index(root, SessionsModel::Blocks).data(SortRole).toLongLong(), 21);
    QCOMPARE(model.index(root, SessionsModel::Duration).data().toString(), QStringLiteral("5 min"));
    QCOMPARE(model.index(root, 0).data(SeverityRole).toInt(), int(Severity::Critical));
    const int waiter = model.rowOfPid(1000);
    QCOMPARE(model.index(waiter, SessionsModel::BlockedBy).data().toString(),
             QStringLiteral("101"));
    QVERIFY(!model.index(waiter, 0).data(IsIdleRole).toBool());
    QVERIFY(model.index(model.rowOfPid(5000), 0).data(IsIdleRole).toBool());
    // Live durations move with the clock.
    model.setNow(fixtures::kT0 + 60'000'000);
    QCOMPARE(model.index(root, SessionsModel::Duration).data().toString(), QStringLiteral("6 min"));
    model.setSnapshot(nullptr);
    QCOMPARE(model.rowCount(), 0);
}

void TestGuiModels::sessionsModelKeepsRowsAcrossSamples() {
    SessionsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setSnapshot(fixtures::pileup(10));
    const QPersistentModelIndex root = model.index(model.rowOfPid(100), 0);
    // Fewer waiters and no idle sessions: rows go, the root's row stays valid and correct.
    model.setSnapshot(fixtures::pileup(4, 0, fixtures::kT0 + 2'000'000));
    QVERIFY(root.isValid());
    QCOMPARE(root.data(PidRole).toLongLong(), 100);
    QCOMPARE(model.rowCount(), 2 + 4 + 0 + 3);
    model.setSnapshot(fixtures::pileup(30, 2, fixtures::kT0 + 4'000'000));
    QCOMPARE(model.rowCount(), 2 + 30 + 2 + 3);
    QCOMPARE(root.data(PidRole).toLongLong(), 100);
}

void TestGuiModels::statementsModel() {
    StatementsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setSnapshot(fixtures::withStatements(fixtures::kT0, 10));
    QCOMPARE(model.rowCount(), 5);
    const int top = model.rowOfKey(StatementsModel::keyOf(*model.rowAt(4)));
    QCOMPARE(top, 4);
    QCOMPARE(model.index(4, StatementsModel::Calls).data(SortRole).toLongLong(), 50);
    QCOMPARE(model.index(4, StatementsModel::CacheHit).data().toString(), QStringLiteral("90 %"));
    model.setSnapshot(fixtures::withStatements(fixtures::kT0 + 60'000'000, 11, 3));
    QCOMPARE(model.rowCount(), 3);
}

void TestGuiModels::lockTreeModel() {
    LockTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setForest(buildLockForest(fixtures::pileup(500)));
    QCOMPARE(model.rowCount(), 1); // one root blocker
    const QModelIndex root = model.index(0, 0);
    QCOMPARE(root.data(PidRole).toLongLong(), 100);
    QCOMPARE(model.rowCount(root), 1); // pid 101
    const QModelIndex first = model.index(0, 0, root);
    QCOMPARE(first.data(PidRole).toLongLong(), 101);
    // 3 longest waiting drawn, the other 497 folded into one row.
    QCOMPARE(model.rowCount(first), 4);
    const QModelIndex folded = model.index(3, 0, first);
    QCOMPARE(folded.data(NodeKindRole).toInt(), 1);
    QCOMPARE(folded.data().toString(), QStringLiteral("+497 waiting"));
    QVERIFY(model.index(3, LockTreeModel::WaitsFor, first)
                .data()
                .toString()
                .contains(QStringLiteral("row (0,42) of public.orders")));
    model.setForest(buildLockForest(fixtures::pileup(0)));
    model.setForest(LockForest{});
    QCOMPARE(model.rowCount(), 0);
}

void TestGuiModels::lockForestFolding_data() {
    QTest::addColumn<int>("waiters");
    QTest::addColumn<int>("threshold");
    QTest::addColumn<int>("nodes");
    QTest::addColumn<int>("folded");
    QTest::newRow("none waiting behind the first") << 0 << 12 << 2 << 0;
    QTest::newRow("at the threshold: all drawn") << 12 << 12 << 14 << 0;
    QTest::newRow("one above: folded") << 13 << 12 << 2 + 3 + 1 << 10;
    QTest::newRow("a pile-up of 5000") << 5000 << 12 << 2 + 3 + 1 << 4997;
    QTest::newRow("threshold raised") << 500 << 1000 << 502 << 0;
}

void TestGuiModels::lockForestFolding() {
    QFETCH(int, waiters);
    QFETCH(int, threshold);
    QFETCH(int, nodes);
    QFETCH(int, folded);
    LockForestOptions options;
    options.aggregateAbove = threshold;
    const LockForest forest = buildLockForest(fixtures::pileup(waiters), options);
    QCOMPARE(int(forest.nodes.size()), nodes);
    QCOMPARE(int(forest.aggregatedSessions), folded);
    QCOMPARE(int(forest.waitingSessions), waiters + 1);
    QCOMPARE(int(forest.roots.size()), 1);
    QCOMPARE(forest.nodes[std::size_t(forest.roots[0])].blockedTotal, waiters + 1);
}

void TestGuiModels::lockForestCycleAndDeepChain() {
    // A cycle 1 -> 2 -> 3 -> 1 with a waiter 4 on 2, and no analysis filled in.
    auto s = std::make_shared<Snapshot>();
    for (std::int64_t pid : {1, 2, 3, 4}) {
        Session x;
        x.pid = pid;
        x.state = "active";
        s->sessions.push_back(x);
    }
    s->lockWaits = {{1, 2, "transactionid", "ShareLock", "", true, 0},
                    {2, 3, "transactionid", "ShareLock", "", true, 0},
                    {3, 1, "transactionid", "ShareLock", "", true, 0},
                    {4, 2, "relation", "AccessShareLock", "public.t", true, 0}};
    LockForest forest = buildLockForest(s);
    QCOMPARE(int(forest.nodes.size()), 4); // every session exactly once
    QCOMPARE(int(forest.roots.size()), 1);
    QVERIFY(forest.nodes[std::size_t(forest.roots[0])].inCycle);

    // A chain 10,000 deep: no recursion anywhere.
    auto chain = std::make_shared<Snapshot>();
    for (std::int64_t pid = 1; pid <= 10000; ++pid) {
        Session x;
        x.pid = pid;
        chain->sessions.push_back(x);
        if (pid > 1)
            chain->lockWaits.push_back({pid, pid - 1, "tuple", "ExclusiveLock", "row", true, 0});
    }
    forest = buildLockForest(chain);
    QCOMPARE(int(forest.nodes.size()), 10000);
    QCOMPARE(forest.nodes[std::size_t(forest.roots[0])].blockedTotal, 9999);
}

void TestGuiModels::historyWindows() {
    SnapshotHistory history;
    QVERIFY(!history.statementWindow(StatementWindow::FiveMinutes));
    // One sample a minute for 20 minutes; statement i runs (i+1) calls a minute.
    for (int m = 0; m <= 20; ++m)
        history.append(fixtures::withStatements(fixtures::kT0 + m * 60'000'000LL, m));
    const auto window = [&](StatementWindow w) { return history.statementWindow(w); };
    SnapshotPtr five = window(StatementWindow::FiveMinutes);
    QVERIFY(five);
    QCOMPARE(five->statementScope, StatementScope::Window);
    QCOMPARE(five->collectedAt - five->statementWindowStart, 5 * 60'000'000LL);
    QCOMPARE(five->statements.front().calls, 5 * 5); // the busiest: 5 calls a minute
    QCOMPARE(window(StatementWindow::OneMinute)->statements.front().calls, 5);
    QCOMPARE(window(StatementWindow::FifteenMinutes)->statements.front().calls, 15 * 5);
    QCOMPARE(window(StatementWindow::SinceConnect)->statements.front().calls, 20 * 5);
    QCOMPARE(window(StatementWindow::FiveMinutes).get(), five.get()); // cached

    const auto series = history.statementSeries("1004", "shop", "app");
    QVERIFY(series.size() >= 10);
    QCOMPARE(series.back().calls, 5);
    QCOMPARE(series.back().meanTimeMs, 5.0);
    QCOMPARE(int(history.connectionPoints().size()), 21);
    // Out-of-order samples are ignored.
    QVERIFY(!history.append(fixtures::withStatements(fixtures::kT0, 0)));
}

void TestGuiModels::historyIsBounded() {
    SnapshotHistory history;
    // Two hours at one sample per second.
    for (int i = 0; i <= 7200; i += 1)
        history.append(fixtures::pileup(1, 0, fixtures::kT0 + i * 1'000'000LL));
    QVERIFY2(history.size() <= 200, qPrintable(QString::number(history.size())));
    QCOMPARE(history.first()->collectedAt, fixtures::kT0); // kept for "since connect"
    // The 15-minute window still finds a baseline within a thinning step of its start.
    SnapshotPtr fifteen = history.statementWindow(StatementWindow::FifteenMinutes);
    const Micros span = fifteen->collectedAt - fifteen->statementWindowStart;
    QVERIFY(span <= 15 * 60'000'000LL && span > 14 * 60'000'000LL);
    QVERIFY(history.connectionPoints().size() <= 7200);
}

void TestGuiModels::tableExport() {
    SessionsModel model;
    model.setSnapshot(fixtures::pileup(1, 0));
    const int root = model.rowOfPid(100);
    const QString md = exportRows(model, {root}, TableFormat::Markdown,
                                  {SessionsModel::Pid, SessionsModel::State, SessionsModel::Query});
    QCOMPARE(md, QStringLiteral("| PID | State | Query |\n|---|---|---|\n"
                                "| 100 | idle in transaction | UPDATE orders SET status = $1 "
                                "WHERE id = $2 |\n"));
    auto s = std::make_shared<Snapshot>(*fixtures::pileup(1, 0));
    s->sessions[0].application = "a,b \"c\" | d";
    model.setSnapshot(s);
    const QString csv = exportRows(model, {model.rowOfPid(100)}, TableFormat::Csv,
                                   {SessionsModel::Pid, SessionsModel::Application});
    QCOMPARE(csv, QStringLiteral("PID,Application\r\n100,\"a,b \"\"c\"\" | d\"\r\n"));
    const QString md2 = exportRows(model, {model.rowOfPid(100)}, TableFormat::Markdown,
                                   {SessionsModel::Application});
    QVERIFY(md2.contains(QStringLiteral("a,b \"c\" \\| d")));
}

QTEST_GUILESS_MAIN(TestGuiModels)
#include "tst_guimodels.moc"
