// The Locks view builds big forests on a worker: the new forest shows up once built, results
// older than the one shown are dropped, the latest sample wins when samples come faster
// than forests are built, and a fold threshold changed meanwhile is honoured. Also the
// bench's spread pile-up (waiters on many rows of one table) drawn folded.
#include "fixtures.h"
#include "locks/lockgraphscene.h"
#include "locks/locksview.h"
#include "models/locktreemodel.h"
#include "waitgraph.h"

#include <QGraphicsItem>
#include <QSignalSpy>
#include <QTest>
#include <QTreeView>

using namespace dbt;
using namespace dbt::gui;

namespace {

// Root 40 idle in transaction, `count` waiters on 30 rows of public.carts behind it
// (the shape gui_stall's fourth root has).
SnapshotPtr spread(int count) {
    auto s = std::make_shared<Snapshot>(*fixtures::pileup(0));
    s->lockWaits.clear();
    Session root;
    root.pid = 40;
    root.state = "idle in transaction";
    root.application = "cart-sweeper";
    root.stateChange = s->collectedAt - 100'000'000;
    s->sessions.push_back(root);
    for (int k = 0; k < count; ++k) {
        Session w;
        w.pid = 7000 + k;
        w.state = "active";
        w.application = "cart-api";
        w.stateChange = s->collectedAt - 90'000'000 + k * 100'000;
        s->sessions.push_back(w);
        s->lockWaits.push_back({7000 + k, 40, "transactionid", "ShareLock",
                                "row (0," + std::to_string(k % 30) + ") of public.carts", true,
                                k / 30 + 1});
    }
    s->heldLocks = {{40, "transactionid", "ExclusiveLock", "transaction 827004"}};
    s->rootBlockers = analyzeWaitGraph(s->sessions, s->lockWaits, s->heldLocks).roots;
    return s;
}

} // namespace

class TestLocksAsync : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void bigSampleBuiltOnWorker() {
        LocksView view;
        view.resize(1200, 700);
        view.show();
        QSignalSpy shown(&view, &LocksView::forestShown);
        const SnapshotPtr big = fixtures::pileup(5000);
        QVERIFY(int(big->lockWaits.size()) > view.synchronousBuildLimit());
        view.setSnapshot(big);
        // Not built on the GUI thread: nothing new shown yet.
        QVERIFY(view.buildPending());
        QCOMPARE(view.scene()->nodeItemCount(), 0);
        QVERIFY(view.shownSnapshot() != big);
        // root + first waiter + 3 longest waiting + one box for the other 4,997.
        QTRY_COMPARE(view.scene()->nodeItemCount(), 6);
        QVERIFY(!view.buildPending());
        QCOMPARE(view.shownSnapshot(), big);
        QCOMPARE(shown.count(), 1);
        QCOMPARE(view.scene()->aggregateItemCount(), 1);
        QCOMPARE(view.treeModel()->rowCount(), 1);
        QCOMPARE(view.treeModel()->sharedForest(), view.scene()->graphLayout()->forest);
        QVERIFY(view.summaryText().contains(QStringLiteral("5001 sessions waiting")));
        QVERIFY(view.findPid(4000));
        QCOMPARE(view.droppedBuilds(), 0);
    }

    void staleResultDropped() {
        LocksView view;
        view.show();
        QSignalSpy dropped(&view, &LocksView::buildDropped);
        const SnapshotPtr big = fixtures::pileup(5000);
        const SnapshotPtr small = fixtures::pileup(3);
        view.setSnapshot(big);   // to the worker
        view.setSnapshot(small); // built at once: newer than what the worker returns
        QCOMPARE(view.shownSnapshot(), small);
        QCOMPARE(view.scene()->nodeItemCount(), 5);
        QVERIFY(!view.buildPending());
        QTRY_COMPARE(dropped.count(), 1);
        QCOMPARE(view.droppedBuilds(), 1);
        QCOMPARE(view.shownSnapshot(), small);
        QCOMPARE(view.scene()->nodeItemCount(), 5);
        QCOMPARE(view.treeModel()->forest().snapshot, small);
    }

    void latestSampleWins() {
        LocksView view;
        view.show();
        std::vector<SnapshotPtr> samples;
        for (int i = 0; i < 8; ++i)
            samples.push_back(fixtures::pileup(1000 + 10 * i));
        std::vector<int> shownOrder;
        connect(&view, &LocksView::forestShown, &view, [&] {
            for (std::size_t i = 0; i < samples.size(); ++i)
                if (samples[i] == view.shownSnapshot())
                    shownOrder.push_back(int(i));
        });
        for (const SnapshotPtr& s : samples)
            view.setSnapshot(s); // faster than the worker builds
        QTRY_VERIFY(!view.buildPending());
        QCOMPARE(view.shownSnapshot(), samples.back());
        QVERIFY(!shownOrder.empty());
        QCOMPARE(shownOrder.back(), int(samples.size()) - 1);
        QVERIFY(std::is_sorted(shownOrder.begin(), shownOrder.end()));
        QVERIFY(std::adjacent_find(shownOrder.begin(), shownOrder.end()) == shownOrder.end());
        QVERIFY(view.summaryText().contains(QStringLiteral("1071 sessions waiting")));
        QCOMPARE(view.scene()->forest().snapshot, samples.back());
    }

    void thresholdChangedWhileBuilding() {
        LocksView view;
        view.show();
        view.setSnapshot(fixtures::pileup(600));
        view.setAggregateAbove(1000); // the running build has the old threshold
        QTRY_VERIFY(!view.buildPending());
        QTRY_COMPARE(view.scene()->nodeItemCount(), 602);
        QCOMPARE(view.scene()->aggregateItemCount(), 0);
        // The old threshold's build was dropped, or replaced before it started.
        QVERIFY(view.droppedBuilds() <= 1);
    }

    void itemsReusedAcrossSamples() {
        // The scene reuses its items: nothing of the previous sample may show through.
        LocksView view;
        view.show();
        view.setSnapshot(fixtures::pileup(12)); // 14 boxes (none folded), 13 edges
        QCOMPARE(view.scene()->nodeItemCount(), 14);
        QCOMPARE(view.scene()->items().size(), 14 + 13);
        view.setSnapshot(spread(300)); // 5 boxes, 4 edges, in reused items
        QCOMPARE(view.scene()->nodeItemCount(), 5);
        QCOMPARE(view.scene()->items().size(), 5 + 4);
        LockNodeItem* root = view.scene()->itemForPid(40);
        QVERIFY(root);
        QVERIFY2(root->lines().value(0).startsWith(QStringLiteral("PID 40 · root blocker")),
                 qPrintable(root->lines().value(0)));
        QVERIFY(!view.scene()->itemForPid(100));
        QCOMPARE(view.scene()->itemForPid(7299)->lines().value(0), QStringLiteral("+297 waiting"));
        for (QGraphicsItem* item : view.scene()->items())
            QVERIFY(view.scene()->sceneRect().contains(item->sceneBoundingRect().center()));
        view.setSnapshot(fixtures::pileup(3));
        QCOMPARE(view.scene()->items().size(), 5 + 4);
        QCOMPARE(view.scene()->itemForPid(100)->lines().value(0),
                 QStringLiteral("PID 100 · root blocker · blocks 4"));
        // Search and selection work on the reused items.
        QVERIFY(view.findPid(1002));
        QCOMPARE(view.treeModel()->nodeAt(view.tree()->currentIndex())->pid, 1002);
    }

    void spreadWaitersDrawnFolded() {
        LocksView view;
        view.show();
        view.setSnapshot(spread(300));
        QTRY_COMPARE(view.shownSnapshot()->lockWaits.size(), std::size_t(300));
        // Root + 3 longest waiting + one box for the other 297 on 30 rows.
        QCOMPARE(view.scene()->nodeItemCount(), 5);
        QCOMPARE(view.scene()->aggregateItemCount(), 1);
        LockNodeItem* folded = view.scene()->itemForPid(7299);
        QVERIFY(folded);
        QCOMPARE(folded->lines().value(0), QStringLiteral("+297 waiting"));
        QCOMPARE(folded->lines().value(1),
                 QStringLiteral("for row locks on public.carts (30 rows)"));
        QVERIFY(folded->toolTip().contains(QStringLiteral("row (0,17) of public.carts: 10")));
        QVERIFY(view.summaryText().contains(QStringLiteral("297 folded")));
        // The tree lists them the same way.
        const QModelIndex root = view.treeModel()->index(0, 0);
        QCOMPARE(view.treeModel()->index(3, LockTreeModel::WaitsFor, root).data().toString(),
                 QStringLiteral("ShareLock on 30 rows of public.carts"));
        // Every one drawn when the threshold allows it.
        view.setAggregateAbove(1000);
        QTRY_COMPARE(view.scene()->nodeItemCount(), 301);
    }
};

QTEST_MAIN(TestLocksAsync)
#include "tst_locksasync.moc"
