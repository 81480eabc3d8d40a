// Sample refreshes of the Sessions model and view (rows point into the snapshot, one layout
// change per sample that the proxy re-sorts and re-filters on) and of the Overview's finding
// cards (updated in place while the findings stay the same). Models under
// QAbstractItemModelTester, attached before they are filled.
#include "fixtures.h"
#include "models/modelroles.h"
#include "models/sessionsmodel.h"
#include "overview/overviewview.h"
#include "sessions/sessionsview.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLineEdit>
#include <QPersistentModelIndex>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>
#include <algorithm>
#include <map>
#include <set>

using namespace dbt;
using namespace dbt::gui;

namespace {

qint64 pidAt(const QAbstractItemModel& m, int row) {
    return m.index(row, 0).data(PidRole).toLongLong();
}

qint64 currentPid(const SessionsView& view) {
    const QModelIndex current = view.table()->selectionModel()->currentIndex();
    return current.isValid() ? current.data(PidRole).toLongLong() : -1;
}

// The proxy's rows in the order of the model's rowLess for `column` (pid breaks ties, so the
// order is total).
bool sortedBy(const SessionsView& view, int column, Qt::SortOrder order) {
    const SessionsFilter& f = *view.filter();
    for (int r = 1; r < f.rowCount(); ++r) {
        const int a = f.mapToSource(f.index(r - 1, 0)).row();
        const int b = f.mapToSource(f.index(r, 0)).row();
        const bool inOrder = order == Qt::AscendingOrder ? view.model()->rowLess(a, b, column)
                                                         : view.model()->rowLess(b, a, column);
        if (!inOrder)
            return false;
    }
    return true;
}

// A sample with churn: `sessions` maps pid -> (state, query); the pile-up fixture gives the
// locks (pids 100, 101, 1000…).
SnapshotPtr sample(Micros at, const std::map<qint64, std::pair<std::string, std::string>>& extra,
                   int waiters) {
    auto s = std::make_shared<Snapshot>(*fixtures::pileup(waiters, 0, at));
    for (const auto& [pid, v] : extra) {
        Session x;
        x.pid = pid;
        x.user = pid % 3 ? "app" : "reporting";
        x.database = "shop";
        x.application = "svc-" + std::to_string(pid % 7);
        x.state = v.first;
        x.stateChange = at - (pid % 97) * 1'000'000;
        x.queryStart = x.stateChange;
        if (v.first != "idle")
            x.transactionStart = *x.stateChange - 5'000'000;
        x.query = v.second;
        s->sessions.push_back(std::move(x));
    }
    s->connections.total = std::int64_t(s->sessions.size());
    return s;
}

} // namespace

class TestSessionsRefresh : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void changedSessionUpdatesItsRowAndKeepsSelection();
    void manyRefreshesWithArrivalsAndDepartures();
    void everyColumnSortedAfterRefresh();
    void arrivalsSortedAndFilteredIn();
    void overviewCardsUpdatedInPlace();
};

void TestSessionsRefresh::changedSessionUpdatesItsRowAndKeepsSelection() {
    SessionsView view;
    QAbstractItemModelTester modelTester(view.model(),
                                         QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester proxyTester(view.filter(),
                                         QAbstractItemModelTester::FailureReportingMode::QtTest);
    view.resize(1200, 700);
    view.show();
    view.setSnapshot(fixtures::pileup(20, 5));
    view.selectPid(1005);
    QCOMPARE(currentPid(view), 1005);

    auto next = std::make_shared<Snapshot>(*fixtures::pileup(20, 5, fixtures::kT0 + 1'000'000));
    for (Session& s : next->sessions) {
        if (s.pid == 1005)
            s.query = "UPDATE orders SET note = $1 WHERE id = $2";
    }
    // Some rows go (pid 1000 and the idle 5000) and one arrives, around the selected one.
    std::erase_if(next->sessions, [](const Session& s) { return s.pid == 1000 || s.pid == 5000; });
    Session arrived = next->sessions.back();
    arrived.pid = 7000;
    next->sessions.push_back(arrived);
    view.setSnapshot(next);

    QCOMPARE(currentPid(view), 1005);
    QCOMPARE(view.table()->selectionModel()->selectedRows().size(), 1);
    const int row = view.model()->rowOfPid(1005);
    QCOMPARE(view.model()->index(row, SessionsModel::Query).data().toString(),
             QStringLiteral("UPDATE orders SET note = $1 WHERE id = $2"));
    // The row points into the new snapshot, no copy.
    const auto it = std::find_if(next->sessions.begin(), next->sessions.end(),
                                 [](const Session& s) { return s.pid == 1005; });
    QCOMPARE(view.model()->rowAt(row)->session, &*it);
    QCOMPARE(view.model()->rowOfPid(1000), -1);
    QVERIFY(view.model()->rowOfPid(7000) >= 0);
    QCOMPARE(view.model()->rowCount(), int(next->sessions.size()));
    QVERIFY(sortedBy(view, SessionsModel::Duration, Qt::DescendingOrder));
    // The copy of the selection is the changed row.
    QVERIFY(view.selectionAs(0).contains(QStringLiteral("| 1005 |")));
    QVERIFY(view.selectionAs(0).contains(QStringLiteral("SET note")));
}

void TestSessionsRefresh::manyRefreshesWithArrivalsAndDepartures() {
    SessionsView view;
    QAbstractItemModelTester modelTester(view.model(),
                                         QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester proxyTester(view.filter(),
                                         QAbstractItemModelTester::FailureReportingMode::QtTest);
    view.show();
    QRandomGenerator rng(42);
    std::map<qint64, std::pair<std::string, std::string>> live;
    const char* states[] = {"active", "idle", "idle in transaction"};
    for (qint64 pid = 20000; pid < 20300; ++pid)
        live[pid] = {states[pid % 3], "SELECT " + std::to_string(pid)};
    view.setSnapshot(sample(fixtures::kT0, live, 10));
    view.selectPid(100); // the root blocker: stays in every sample
    QPersistentModelIndex doomed = view.model()->index(view.model()->rowOfPid(20001), 0);
    QVERIFY(doomed.isValid());

    qint64 nextPid = 30000;
    for (int i = 1; i <= 60; ++i) {
        // Departures and arrivals anywhere, and some sessions change state or query.
        for (auto it = live.begin(); it != live.end();) {
            if (rng.bounded(10) == 0 || (i == 1 && it->first == 20001))
                it = live.erase(it);
            else
                ++it;
        }
        for (int k = int(rng.bounded(40)); k > 0; --k)
            live[nextPid++] = {states[rng.bounded(3)], "SELECT new"};
        for (auto& [pid, v] : live) {
            if (rng.bounded(5) == 0)
                v = {states[rng.bounded(3)],
                     "SELECT " + std::to_string(pid) + " at " + std::to_string(i)};
        }
        const int waiters = 5 + int(rng.bounded(10));
        const SnapshotPtr s = sample(fixtures::kT0 + i * 1'000'000LL, live, waiters);
        view.setSnapshot(s);

        // Every session once, each row showing its own session's values.
        QCOMPARE(view.model()->rowCount(), int(s->sessions.size()));
        std::set<qint64> pids;
        int notIdle = 0;
        for (int r = 0; r < view.model()->rowCount(); ++r) {
            const SessionRow* row = view.model()->rowAt(r);
            QVERIFY(row->session >= s->sessions.data() &&
                    row->session < s->sessions.data() + s->sessions.size());
            pids.insert(row->session->pid);
            QCOMPARE(pidAt(*view.model(), r), row->session->pid);
            QCOMPARE(view.model()->index(r, SessionsModel::Query).data().toString(),
                     QString::fromStdString(row->session->query));
            notIdle += !view.model()->index(r, 0).data(IsIdleRole).toBool();
        }
        QCOMPARE(int(pids.size()), int(s->sessions.size()));
        QCOMPARE(view.filter()->rowCount(), notIdle);
        QVERIFY(sortedBy(view, SessionsModel::Duration, Qt::DescendingOrder));
        QCOMPARE(currentPid(view), 100);
        QVERIFY(!doomed.isValid());
    }
}

void TestSessionsRefresh::everyColumnSortedAfterRefresh() {
    SessionsView view;
    view.show();
    view.showIdleBox()->setChecked(true);
    std::map<qint64, std::pair<std::string, std::string>> live;
    for (qint64 pid = 20000; pid < 20100; ++pid)
        live[pid] = {pid % 2 ? "active" : "idle", "SELECT " + std::to_string(pid % 13)};
    view.setSnapshot(sample(fixtures::kT0, live, 8));
    for (int column = 0; column < SessionsModel::ColumnCount; ++column) {
        for (Qt::SortOrder order : {Qt::AscendingOrder, Qt::DescendingOrder}) {
            view.table()->sortByColumn(column, order);
            QVERIFY2(sortedBy(view, column, order), qPrintable(QString::number(column)));
            // The next sample changes states and queries: still in order, without the view
            // re-sorting explicitly.
            for (auto& [pid, v] : live)
                v = {(pid + column + int(order)) % 3 ? "active" : "idle",
                     "SELECT " + std::to_string((pid + column) % 11)};
            view.setSnapshot(sample(fixtures::kT0 + (column * 2 + int(order) + 1) * 1'000'000LL,
                                    live, 8 - column % 3));
            QVERIFY2(sortedBy(view, column, order), qPrintable(QString::number(column)));
            QCOMPARE(view.filter()->rowCount(), view.model()->rowCount());
        }
    }
}

void TestSessionsRefresh::arrivalsSortedAndFilteredIn() {
    SessionsView view;
    view.show();
    view.setSnapshot(fixtures::pileup(3, 2));
    // By PID, ascending: a new session with a small pid goes first, not after the others.
    view.table()->sortByColumn(SessionsModel::Pid, Qt::AscendingOrder);
    auto next = std::make_shared<Snapshot>(*fixtures::pileup(3, 2, fixtures::kT0 + 1'000'000));
    Session early = next->sessions.back(); // active
    early.pid = 7;
    next->sessions.push_back(early);
    Session idle = next->sessions.back();
    idle.pid = 8;
    idle.state = "idle";
    next->sessions.push_back(idle);
    view.setSnapshot(next);
    QCOMPARE(pidAt(*view.filter(), 0), 7);
    QVERIFY(sortedBy(view, SessionsModel::Pid, Qt::AscendingOrder));
    QCOMPARE(view.model()->rowCount(), 2 + 3 + 2 + 3 + 2);
    QCOMPARE(view.filter()->rowCount(), 2 + 3 + 3 + 1); // idle ones hidden, 8 too
    view.filterEdit()->setText(QStringLiteral("checkout"));
    QCOMPARE(view.filter()->rowCount(), 1 + 3);
    view.setSnapshot(fixtures::pileup(3, 2, fixtures::kT0 + 2'000'000));
    QCOMPARE(view.filter()->rowCount(), 1 + 3); // the text filter holds across samples
}

void TestSessionsRefresh::overviewCardsUpdatedInPlace() {
    SnapshotHistory history;
    OverviewView view(&history);
    view.show();
    history.append(fixtures::pileup(20, 5, fixtures::kT0));
    view.refresh();
    QCOMPARE(view.findingCount(), 1);
    QWidget* card = view.findingCard(0);
    QVERIFY(card);
    QVERIFY(view.cardSummary(0).contains(QStringLiteral("blocks 21 sessions")));
    auto* command = card->findChild<QLineEdit*>();
    QVERIFY(command);
    command->setFocus();
    command->selectAll();

    // The same finding with other numbers: the same card, its text updated, the command's
    // selection (same command) kept.
    history.append(fixtures::pileup(30, 5, fixtures::kT0 + 10'000'000));
    view.refresh();
    QCOMPARE(view.findingCard(0), card);
    QVERIFY(view.cardSummary(0).contains(QStringLiteral("blocks 31 sessions")));
    QCOMPARE(command->selectedText(), QStringLiteral("SELECT pg_terminate_backend(100);"));
    QVERIFY(!view.findingCard(1));

    // Another set of findings: the cards are rebuilt.
    auto two = std::make_shared<Snapshot>(*fixtures::pileup(30, 5, fixtures::kT0 + 20'000'000));
    Finding other;
    other.severity = Severity::Warning;
    other.code = "idle-in-transaction";
    other.summary = "Session 100 is idle in transaction.";
    two->findings.push_back(other);
    history.append(two);
    view.refresh();
    QCOMPARE(view.findingCount(), 2);
    QVERIFY(view.findingCard(1));
    QCOMPARE(view.cardSummary(1), QStringLiteral("Session 100 is idle in transaction."));

    auto none = std::make_shared<Snapshot>(*fixtures::pileup(0, 5, fixtures::kT0 + 30'000'000));
    none->findings.clear();
    history.append(none);
    view.refresh();
    QCOMPARE(view.findingCount(), 0);
    QCOMPARE(view.cardSummary(0), QStringLiteral("Nothing needs attention in the latest sample."));
    QVERIFY(!view.findingCard(1));
}

QTEST_MAIN(TestSessionsRefresh)
#include "tst_sessionsrefresh.moc"
