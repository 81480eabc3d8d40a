// The lock forest's folding of sibling waiters: same lock type and mode on the same object,
// and for row waits on rows of the same table, with the object texts the engines write
// (PostgreSQL "row (0,3) of public.orders" / "transaction 827", InnoDB record locks through
// mysql::lockObjectText). The tree model's texts for such a fold.
#include "engines/mysql/mysqlrows.h"
#include "models/lockforest.h"
#include "models/locktreemodel.h"
#include "waitgraph.h"

#include <QTest>
#include <functional>
#include <numeric>

using namespace dbt;

namespace {

constexpr Micros kAt = 1'795'000'000'000'000;

// Root `root` (idle in transaction) and `count` waiters (pids from `first`) on it, waiter k
// waiting `lockType`/`mode` on object(k); waiter k waits longer than waiter k+1.
struct Pileup {
    Snapshot s;
    explicit Pileup(std::int64_t root = 40) {
        s.collectedAt = kAt;
        Session r;
        r.pid = root;
        r.state = "idle in transaction";
        r.stateChange = kAt - 100'000'000;
        r.application = "cart-sweeper";
        s.sessions.push_back(r);
        s.heldLocks.push_back({root, "transactionid", "ExclusiveLock", "transaction 827004"});
        root_ = root;
    }
    Pileup& waiters(std::int64_t first, int count, const std::string& lockType,
                    const std::string& mode, const std::function<std::string(int)>& object) {
        for (int k = 0; k < count; ++k) {
            Session w;
            w.pid = first + k;
            w.state = "active";
            w.stateChange = kAt - 90'000'000 + Micros(first + k) * 1000;
            w.queryStart = w.stateChange;
            w.waitEventType = "Lock";
            s.sessions.push_back(w);
            s.lockWaits.push_back({first + k, root_, lockType, mode, object(k), true, 1});
        }
        return *this;
    }
    SnapshotPtr done() {
        s.rootBlockers = analyzeWaitGraph(s.sessions, s.lockWaits, s.heldLocks).roots;
        return std::make_shared<const Snapshot>(s);
    }

private:
    std::int64_t root_;
};

std::string pgRow(int k) {
    return "row (0," + std::to_string(k % 30) + ") of public.orders";
}

std::vector<const LockNode*> aggregates(const LockForest& f) {
    std::vector<const LockNode*> out;
    for (const LockNode& n : f.nodes)
        if (n.kind == LockNode::Kind::Aggregate)
            out.push_back(&n);
    return out;
}

std::int64_t countSum(const LockNode& n) {
    std::int64_t sum = 0;
    for (const auto& [object, count] : n.waitObjects)
        sum += count;
    return sum;
}

} // namespace

class TestLockForest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void foldObjectOfEngineTexts() {
        // PostgreSQL tuple and transactionid waits (pgsession.cpp lockObject).
        QCOMPARE(LockForest::foldObject("tuple", "row (0,42) of public.orders"),
                 std::string("public.orders"));
        QCOMPARE(LockForest::foldObject("transactionid", "transaction 827001"),
                 std::string("transaction 827001"));
        // Other lock types are compared as they are.
        QCOMPARE(LockForest::foldObject("relation", "public.orders"), std::string("public.orders"));
        QCOMPARE(LockForest::foldObject("page", "page 3 of public.orders"),
                 std::string("page 3 of public.orders"));
        // InnoDB record locks, as the MySQL/MariaDB driver words them.
        using mysql::lockObjectText;
        QCOMPARE(LockForest::foldObject(
                     "record", lockObjectText("RECORD", "`shop`.`orders`", "PRIMARY", "42")),
                 std::string("shop.orders"));
        QCOMPARE(
            LockForest::foldObject("record", lockObjectText("RECORD", "`shop`.`orders`", "PRIMARY",
                                                            "supremum pseudo-record")),
            std::string("shop.orders"));
        // A key value with " of " in it: the table is what comes after the last one.
        QCOMPARE(LockForest::foldObject(
                     "record", lockObjectText("RECORD", "`shop`.`notes`", "k", "'end of day'")),
                 std::string("shop.notes"));
        // No table named: nothing to fold by but the text itself.
        QCOMPARE(LockForest::foldObject("record", lockObjectText("RECORD", "", "PRIMARY", "7")),
                 lockObjectText("RECORD", "", "PRIMARY", "7"));
    }

    void postgresRowsOfOneTableFold() {
        // 300 waiters on 30 rows of public.orders (10 each), all behind one blocker.
        const SnapshotPtr s = Pileup().waiters(1000, 300, "tuple", "ExclusiveLock", pgRow).done();
        const LockForest f = buildLockForest(s);
        QCOMPARE(int(f.roots.size()), 1);
        QCOMPARE(int(f.waitingSessions), 300);
        // The root, the 3 longest waiting, one box for the other 297.
        QCOMPARE(int(f.nodes.size()), 1 + 3 + 1);
        const auto aggs = aggregates(f);
        QCOMPARE(int(aggs.size()), 1);
        const LockNode& agg = *aggs.front();
        QCOMPARE(agg.object, std::string("public.orders"));
        QCOMPARE(agg.lockType, std::string("tuple"));
        QCOMPARE(agg.mode, std::string("ExclusiveLock"));
        QCOMPARE(int(agg.pids.size()), 297);
        QCOMPARE(int(f.aggregatedSessions), 297);
        // Every row listed, with how many wait on it: the 3 drawn waited on rows 0, 1 and 2.
        QCOMPARE(int(agg.waitObjects.size()), 30);
        QCOMPARE(countSum(agg), 297);
        for (const auto& [object, count] : agg.waitObjects) {
            const bool drawnRow = object == pgRow(0) || object == pgRow(1) || object == pgRow(2);
            QCOMPARE(int(count), drawnRow ? 9 : 10);
        }
        // The drawn ones are the longest waiting, each with its own row.
        for (int child : f.nodes[std::size_t(f.roots[0])].children) {
            const LockNode& n = f.nodes[std::size_t(child)];
            if (n.kind == LockNode::Kind::Session)
                QVERIFY2(n.pid >= 1000 && n.pid <= 1002, qPrintable(QString::number(n.pid)));
        }

        LockTreeModel model;
        model.setForest(f);
        const QModelIndex root = model.index(0, 0);
        const QModelIndex folded = model.index(3, 0, root);
        QCOMPARE(folded.data().toString(), QStringLiteral("+297 waiting"));
        QCOMPARE(model.index(3, LockTreeModel::WaitsFor, root).data().toString(),
                 QStringLiteral("ExclusiveLock on 30 rows of public.orders"));
        const QString tip = folded.data(Qt::ToolTipRole).toString();
        QVERIFY2(tip.contains(QStringLiteral("row (0,29) of public.orders: 10 waiting")),
                 qPrintable(tip));
        QVERIFY2(tip.contains(QStringLiteral("row (0,0) of public.orders: 9 waiting")),
                 qPrintable(tip));
    }

    void mysqlRecordLocksFold() {
        const auto record = [](int k) {
            return mysql::lockObjectText("RECORD", "`shop`.`orders`", "PRIMARY",
                                         std::to_string(k % 25));
        };
        const SnapshotPtr s = Pileup(7).waiters(100, 50, "record", "X", record).done();
        const LockForest f = buildLockForest(s);
        const auto aggs = aggregates(f);
        QCOMPARE(int(aggs.size()), 1);
        QCOMPARE(aggs.front()->object, std::string("shop.orders"));
        QCOMPARE(int(aggs.front()->pids.size()), 47);
        QCOMPARE(int(aggs.front()->waitObjects.size()), 25);
        QCOMPARE(int(f.nodes.size()), 1 + 3 + 1);
    }

    void foldsOnlyTheSameWait() {
        // Rows of two tables, and two modes on one table: three groups, each folded apart.
        const SnapshotPtr s =
            Pileup()
                .waiters(1000, 20, "tuple", "ExclusiveLock", pgRow)
                .waiters(
                    2000, 20, "tuple", "ExclusiveLock",
                    [](int k) { return "row (1," + std::to_string(k) + ") of public.payments"; })
                .waiters(3000, 20, "tuple", "ShareLock", pgRow)
                // Table locks are folded by the table itself: two tables, two groups.
                .waiters(4000, 13, "relation", "AccessShareLock",
                         [](int) { return std::string("public.a"); })
                .waiters(5000, 13, "relation", "AccessShareLock",
                         [](int) { return std::string("public.b"); })
                // A PostgreSQL transactionid wait names no table: folded by the transaction.
                .waiters(6000, 13, "transactionid", "ShareLock",
                         [](int) { return std::string("transaction 827004"); })
                .done();
        const LockForest f = buildLockForest(s);
        const auto aggs = aggregates(f);
        QCOMPARE(int(aggs.size()), 6);
        std::vector<std::string> seen;
        for (const LockNode* a : aggs) {
            seen.push_back(a->mode + " " + a->object);
            const bool rows = a->lockType == "tuple";
            QCOMPARE(int(a->waitObjects.size()), rows ? 17 : 1);
            QCOMPARE(countSum(*a), std::int64_t(a->pids.size()));
        }
        std::sort(seen.begin(), seen.end());
        const std::vector<std::string> expected{
            "AccessShareLock public.a",    "AccessShareLock public.b",
            "ExclusiveLock public.orders", "ExclusiveLock public.payments",
            "ShareLock public.orders",     "ShareLock transaction 827004"};
        QCOMPARE(seen, expected);
        QCOMPARE(int(f.nodes.size()), 1 + 6 * (3 + 1));
    }

    void thresholdCountsAllRowsOfTheTable() {
        // 12 waiters on 12 rows: at the threshold, all drawn; 13: folded.
        LockForest f =
            buildLockForest(Pileup().waiters(1000, 12, "tuple", "ExclusiveLock", pgRow).done());
        QCOMPARE(int(f.nodes.size()), 13);
        QVERIFY(aggregates(f).empty());
        f = buildLockForest(Pileup().waiters(1000, 13, "tuple", "ExclusiveLock", pgRow).done());
        QCOMPARE(int(f.nodes.size()), 1 + 3 + 1);
        QCOMPARE(int(aggregates(f).front()->waitObjects.size()), 10);
        // A higher threshold draws every one again.
        LockForestOptions options;
        options.aggregateAbove = 1000;
        f = buildLockForest(Pileup().waiters(1000, 300, "tuple", "ExclusiveLock", pgRow).done(),
                            options);
        QCOMPARE(int(f.nodes.size()), 301);
        QVERIFY(aggregates(f).empty());
    }

    void waiterWithWaitersIsNotFolded() {
        // 20 leaf waiters on rows of public.orders, plus one on a row with its own waiter:
        // that one stays drawn (it blocks someone), the leaves fold.
        Pileup p;
        p.waiters(1000, 20, "tuple", "ExclusiveLock", pgRow);
        Session behind;
        behind.pid = 9000;
        behind.state = "active";
        p.s.sessions.push_back(behind);
        p.s.lockWaits.push_back({9000, 1005, "tuple", "ExclusiveLock", pgRow(5), true, 1});
        const LockForest f = buildLockForest(p.done());
        QVERIFY(f.indexOfPid(1005) >= 0);
        QVERIFY(f.indexOfPid(9000) >= 0);
        const auto aggs = aggregates(f);
        QCOMPARE(int(aggs.size()), 1);
        QCOMPARE(int(aggs.front()->pids.size()), 20 - 1 - 3);
        QVERIFY(!std::binary_search(aggs.front()->pids.begin(), aggs.front()->pids.end(),
                                    std::int64_t(1005)));
    }
};

QTEST_GUILESS_MAIN(TestLockForest)
#include "tst_lockforest.moc"
