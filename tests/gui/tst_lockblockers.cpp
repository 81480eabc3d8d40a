// A waiter with several blockers: the forest draws it under one, lists the others in
// alsoBlockedBy; the lock graph draws an extra (dotted) edge to each drawn one and the tree
// says "also blocked by N".
#include "fixtures.h"
#include "locks/lockgraphscene.h"
#include "models/lockforest.h"
#include "models/locktreemodel.h"
#include "waitgraph.h"

#include <QApplication>
#include <QTest>

using namespace dbt;

namespace {

// The pile-up of 3 waiters (1000..1002 on 101, 101 on root 100) plus a second root, pid 200,
// idle in transaction, that 1000 and 1001 also wait on (a table lock besides the row lock).
SnapshotPtr twoBlockers() {
    Snapshot s = *fixtures::pileup(3);
    Session root = s.sessions.front();
    root.pid = 200;
    root.state = "idle in transaction";
    root.application = "batch-job";
    s.sessions.push_back(root);
    for (std::int64_t waiter : {1000, 1001})
        s.lockWaits.push_back(
            {waiter, 200, "relation", "AccessShareLock", "public.customers", true, 1});
    s.heldLocks.push_back({200, "relation", "AccessExclusiveLock", "public.customers"});
    s.rootBlockers = analyzeWaitGraph(s.sessions, s.lockWaits, s.heldLocks).roots;
    return std::make_shared<const Snapshot>(std::move(s));
}

} // namespace

class TestLockBlockers : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void forestListsOtherBlockers() {
        const LockForest forest = buildLockForest(twoBlockers());
        QCOMPARE(forest.roots.size(), std::size_t(2));
        int withTwo = 0;
        for (const LockNode& n : forest.nodes) {
            if (n.kind != LockNode::Kind::Session)
                continue;
            const std::int64_t parentPid =
                n.parent >= 0 ? forest.nodes[std::size_t(n.parent)].pid : -1;
            if (n.pid == 1000 || n.pid == 1001) {
                QCOMPARE(n.alsoBlockedBy.size(), std::size_t(1));
                // Drawn under one of 101 / 200, the other one listed.
                QVERIFY(parentPid == 101 || parentPid == 200);
                QCOMPARE(n.alsoBlockedBy.front(), parentPid == 101 ? 200 : 101);
                ++withTwo;
            } else {
                QVERIFY2(n.alsoBlockedBy.empty(), qPrintable(QString::number(n.pid)));
            }
        }
        QCOMPARE(withTwo, 2);
    }

    void graphAndTreeShowEveryEdge() {
        const LockForest forest = buildLockForest(twoBlockers());
        gui::LockGraphScene scene;
        scene.setForest(forest, QApplication::palette());
        QCOMPARE(scene.extraEdgeItemCount(), 2);
        // One tree edge per non-root node, plus the two extra ones.
        QCOMPARE(scene.edgeItemCount(), int(forest.nodes.size() - forest.roots.size()));

        LockTreeModel model;
        model.setForest(forest);
        int said = 0;
        for (std::size_t i = 0; i < forest.nodes.size(); ++i) {
            const QString waits =
                model.data(model.indexOfNode(int(i), LockTreeModel::WaitsFor)).toString();
            if (!forest.nodes[i].alsoBlockedBy.empty()) {
                QVERIFY2(waits.contains(QStringLiteral("also blocked by 1 (PID ")),
                         qPrintable(waits));
                QVERIFY(waits.contains(QString::number(forest.nodes[i].alsoBlockedBy.front())));
                ++said;
            } else {
                QVERIFY(!waits.contains(QStringLiteral("also blocked")));
            }
        }
        QCOMPARE(said, 2);
    }
};

QTEST_MAIN(TestLockBlockers)
#include "tst_lockblockers.moc"
