// Statement deltas between two samples: window work, resets, new and evicted entries.
#include "analysis.h"
#include "deltas.h"
#include "models/snapshothistory.h"

#include <QTest>

using namespace dbt;

namespace {

using Stats = std::vector<StatementStat>;

StatementStat stat(std::string id, std::int64_t calls, double totalMs, std::int64_t rows = 0,
                   std::string database = "shop", std::string user = "app") {
    StatementStat s;
    s.id = std::move(id);
    s.query = "SELECT " + s.id;
    s.database = std::move(database);
    s.user = std::move(user);
    s.calls = calls;
    s.totalTimeMs = totalMs;
    s.meanTimeMs = calls ? totalMs / static_cast<double>(calls) : 0;
    s.rows = rows;
    return s;
}

StatementStat withBlocks(StatementStat s, std::int64_t hit, std::int64_t read, std::int64_t temp,
                         std::int64_t examined, std::int64_t noIndex, std::int64_t tmpDisk,
                         std::int64_t merges) {
    s.sharedBlksHit = hit;
    s.sharedBlksRead = read;
    s.tempBlksWritten = temp;
    s.rowsExamined = examined;
    s.noIndexUsed = noIndex;
    s.tmpDiskTables = tmpDisk;
    s.sortMergePasses = merges;
    return s;
}

} // namespace

Q_DECLARE_METATYPE(Stats)

class TestDeltas : public QObject {
    Q_OBJECT
private slots:
    void deltas_data();
    void deltas();
    void allCountersSubtracted();
    void sameIdOtherDatabaseOrUser();
    void duplicateKeysFolded();
    void foldingSaturates();
    void sortedByTotalTime();
    // Statement counters on their own cadence: carried samples repeat the last read.
    void windowStartsAtTheRead();
    void deltasOverCarriedSamplesAreEmpty();
    void historyWindowUsesFreshSamplesOnly();
    void historySeriesSkipsCarriedSamples();
};

void TestDeltas::deltas_data() {
    QTest::addColumn<Stats>("earlier");
    QTest::addColumn<Stats>("later");
    QTest::addColumn<int>("count");
    QTest::addColumn<QString>("firstId");
    QTest::addColumn<qint64>("firstCalls");
    QTest::addColumn<double>("firstTotal");
    QTest::addColumn<double>("firstMean");
    QTest::addColumn<qint64>("firstRows");
    QTest::addColumn<bool>("reset");
    QTest::addColumn<int>("newEntries");
    QTest::addColumn<int>("evicted");

    QTest::newRow("normal") << Stats{stat("q1", 100, 1000.0, 500), stat("q2", 10, 50.0, 10)}
                            << Stats{stat("q1", 150, 1600.0, 800), stat("q2", 12, 56.0, 12)} << 2
                            << "q1" << qint64(50) << 600.0 << 12.0 << qint64(300) << false << 0
                            << 0;
    // q1's counters went backwards: reset inside the window, the later value is the window.
    QTest::newRow("reset") << Stats{stat("q1", 1000, 9000.0, 100)}
                           << Stats{stat("q1", 40, 200.0, 4)} << 1 << "q1" << qint64(40) << 200.0
                           << 5.0 << qint64(4) << true << 0 << 0;
    // Calls equal but time lower also means a reset (then the entry was used again).
    QTest::newRow("reset by time")
        << Stats{stat("q1", 40, 900.0)} << Stats{stat("q1", 40, 100.0)} << 1 << "q1" << qint64(40)
        << 100.0 << 2.5 << qint64(0) << true << 0 << 0;
    QTest::newRow("new entry taken whole")
        << Stats{stat("q1", 10, 100.0)} << Stats{stat("q1", 10, 100.0), stat("q9", 3, 30.0, 3)} << 1
        << "q9" << qint64(3) << 30.0 << 10.0 << qint64(3) << false << 1 << 0;
    QTest::newRow("evicted entry")
        << Stats{stat("q1", 10, 100.0), stat("q2", 5, 5.0)} << Stats{stat("q1", 11, 110.0)} << 1
        << "q1" << qint64(1) << 10.0 << 10.0 << qint64(0) << false << 0 << 1;
    QTest::newRow("calls 0 filtered")
        << Stats{stat("q1", 10, 100.0), stat("q2", 7, 70.0)}
        << Stats{stat("q1", 10, 100.0), stat("q2", 9, 75.0)} << 1 << "q2" << qint64(2) << 5.0 << 2.5
        << qint64(0) << false << 0 << 0;
    QTest::newRow("nothing ran") << Stats{stat("q1", 10, 100.0)} << Stats{stat("q1", 10, 100.0)}
                                 << 0 << "" << qint64(0) << 0.0 << 0.0 << qint64(0) << false << 0
                                 << 0;
    QTest::newRow("new entry with 0 calls")
        << Stats{} << Stats{stat("q3", 0, 0.0)} << 0 << "" << qint64(0) << 0.0 << 0.0 << qint64(0)
        << false << 1 << 0;
    QTest::newRow("both empty") << Stats{} << Stats{} << 0 << "" << qint64(0) << 0.0 << 0.0
                                << qint64(0) << false << 0 << 0;
}

void TestDeltas::deltas() {
    QFETCH(Stats, earlier);
    QFETCH(Stats, later);
    QFETCH(int, count);
    QFETCH(QString, firstId);
    QFETCH(qint64, firstCalls);
    QFETCH(double, firstTotal);
    QFETCH(double, firstMean);
    QFETCH(qint64, firstRows);
    QFETCH(bool, reset);
    QFETCH(int, newEntries);
    QFETCH(int, evicted);

    const StatementDelta d = statementDeltas(earlier, later);
    QCOMPARE(int(d.statements.size()), count);
    QCOMPARE(d.resetDetected, reset);
    QCOMPARE(d.newEntries, newEntries);
    QCOMPARE(d.evictedEntries, evicted);
    for (const StatementStat& s : d.statements)
        QVERIFY(s.calls > 0);
    if (count == 0)
        return;
    const StatementStat& f = d.statements.front();
    QCOMPARE(QString::fromStdString(f.id), firstId);
    QCOMPARE(qint64(f.calls), firstCalls);
    QCOMPARE(f.totalTimeMs, firstTotal);
    QCOMPARE(f.meanTimeMs, firstMean);
    QCOMPARE(qint64(f.rows), firstRows);
    QCOMPARE(f.query, "SELECT " + f.id);
}

void TestDeltas::allCountersSubtracted() {
    const Stats earlier{withBlocks(stat("d1", 10, 100.0, 50), 1000, 200, 30, 5000, 4, 2, 1)};
    // noIndexUsed went down without a reset of calls/time: clamped at 0, not negative.
    const Stats later{withBlocks(stat("d1", 14, 180.0, 70), 1600, 260, 45, 9000, 3, 5, 1)};
    const StatementDelta d = statementDeltas(earlier, later);
    QCOMPARE(d.statements.size(), std::size_t(1));
    const StatementStat& s = d.statements.front();
    QCOMPARE(s.calls, std::int64_t(4));
    QCOMPARE(s.totalTimeMs, 80.0);
    QCOMPARE(s.meanTimeMs, 20.0);
    QCOMPARE(s.rows, std::int64_t(20));
    QCOMPARE(s.sharedBlksHit, std::int64_t(600));
    QCOMPARE(s.sharedBlksRead, std::int64_t(60));
    QCOMPARE(s.tempBlksWritten, std::int64_t(15));
    QCOMPARE(s.rowsExamined, std::int64_t(4000));
    QCOMPARE(s.noIndexUsed, std::int64_t(0));
    QCOMPARE(s.tmpDiskTables, std::int64_t(3));
    QCOMPARE(s.sortMergePasses, std::int64_t(0));
    QVERIFY(!d.resetDetected);
}

void TestDeltas::sameIdOtherDatabaseOrUser() {
    // The same queryid in two databases / for two users are different entries.
    const Stats earlier{stat("q1", 10, 100.0, 0, "shop", "app"),
                        stat("q1", 10, 100.0, 0, "crm", "app")};
    const Stats later{stat("q1", 12, 130.0, 0, "shop", "app"),
                      stat("q1", 20, 300.0, 0, "crm", "app"),
                      stat("q1", 5, 50.0, 0, "crm", "report")};
    const StatementDelta d = statementDeltas(earlier, later);
    QCOMPARE(d.statements.size(), std::size_t(3));
    QCOMPARE(d.statements[0].database, std::string("crm"));
    QCOMPARE(d.statements[0].user, std::string("app"));
    QCOMPARE(d.statements[0].calls, std::int64_t(10));
    QCOMPARE(d.statements[0].totalTimeMs, 200.0);
    QCOMPARE(d.statements[1].user, std::string("report")); // new, taken whole
    QCOMPARE(d.statements[1].totalTimeMs, 50.0);
    QCOMPARE(d.statements[2].database, std::string("shop"));
    QCOMPARE(d.statements[2].totalTimeMs, 30.0);
    QCOMPARE(d.newEntries, 1);
}

void TestDeltas::duplicateKeysFolded() {
    // PostgreSQL 14+: one queryid as top-level and nested statement: folded on both sides.
    const Stats earlier{stat("q1", 10, 100.0), stat("q1", 5, 10.0)};
    const Stats later{stat("q1", 13, 160.0), stat("q1", 6, 12.0)};
    const StatementDelta d = statementDeltas(earlier, later);
    QCOMPARE(d.statements.size(), std::size_t(1));
    QCOMPARE(d.statements[0].calls, std::int64_t(4));
    QCOMPARE(d.statements[0].totalTimeMs, 62.0);
    QCOMPARE(d.statements[0].meanTimeMs, 15.5);
}

// A bundle is untrusted: counters near the int64 limit are clamped when duplicates are folded,
// not overflowed (UBSan in CI), and the window's work stays non-negative.
void TestDeltas::foldingSaturates() {
    const std::int64_t big = INT64_MAX - 5;
    const Stats earlier{withBlocks(stat("q1", 1, 1.0, 1), 1, 1, 1, 1, 1, 1, 1),
                        withBlocks(stat("q1", 1, 1.0, 1), 1, 1, 1, 1, 1, 1, 1)};
    const Stats later{withBlocks(stat("q1", big, 9.0, big), big, big, big, big, big, big, big),
                      withBlocks(stat("q1", big, 9.0, big), big, big, big, big, big, big, big)};
    const StatementDelta d = statementDeltas(earlier, later);
    QCOMPARE(d.statements.size(), std::size_t(1));
    const StatementStat& s = d.statements[0];
    QCOMPARE(s.calls, INT64_MAX - 2);
    QCOMPARE(s.rows, INT64_MAX - 2);
    QCOMPARE(s.tempBlksWritten, INT64_MAX - 2);
    QCOMPARE(s.sortMergePasses, INT64_MAX - 2);
    QCOMPARE(s.totalTimeMs, 16.0);
}

void TestDeltas::sortedByTotalTime() {
    Stats earlier, later;
    for (int i = 0; i < 50; ++i) {
        earlier.push_back(stat("s" + std::to_string(i), 100, 1000.0));
        later.push_back(stat("s" + std::to_string(i), 100 + i, 1000.0 + (i * 37 % 50) * 10.0));
    }
    const StatementDelta d = statementDeltas(earlier, later);
    QCOMPARE(d.statements.size(), std::size_t(49)); // s0 did not run
    for (std::size_t i = 1; i < d.statements.size(); ++i)
        QVERIFY(d.statements[i - 1].totalTimeMs >= d.statements[i].totalTimeMs);
    QCOMPARE(d.statements.front().totalTimeMs, 490.0);
}

namespace {

constexpr Micros kSecond = 1'000'000;

// A sample at `at` seconds whose counters were read at `readAt` seconds (fresh when equal).
SnapshotPtr sampleAt(int at, int readAt, Stats stats) {
    auto s = std::make_shared<Snapshot>();
    s->collectedAt = 1'700'000'000 * kSecond + at * kSecond;
    s->statementsFresh = at == readAt;
    s->statementsSampledAt = 1'700'000'000 * kSecond + readAt * kSecond;
    s->statements = std::move(stats);
    return s;
}

} // namespace

void TestDeltas::windowStartsAtTheRead() {
    // The earlier sample (t=4 s) carries counters read at t=0; the later one read at t=12.
    const SnapshotPtr earlier = sampleAt(4, 0, {stat("q1", 10, 100.0)});
    const SnapshotPtr later = sampleAt(12, 12, {stat("q1", 16, 160.0)});
    QCOMPARE(earlier->statementsAt(), earlier->collectedAt - 4 * kSecond);
    const Snapshot w = withStatementWindow(*earlier, *later);
    QCOMPARE(w.statementScope, StatementScope::Window);
    QCOMPARE(w.statementWindowStart, earlier->statementsAt()); // 12 s window, not 8 s
    QCOMPARE(w.collectedAt - w.statementWindowStart, 12 * kSecond);
    QCOMPARE(w.statements.size(), std::size_t(1));
    QCOMPARE(w.statements[0].calls, std::int64_t(6));
    QCOMPARE(w.statements[0].totalTimeMs, 60.0);
}

void TestDeltas::deltasOverCarriedSamplesAreEmpty() {
    // Two samples carrying the same read: no work seen between them, and nothing new.
    const Stats read{stat("q1", 10, 100.0), stat("q2", 3, 9.0)};
    const SnapshotPtr a = sampleAt(2, 0, read);
    const SnapshotPtr b = sampleAt(4, 0, read);
    const StatementDelta d = statementDeltas(a->statements, b->statements);
    QVERIFY(d.statements.empty());
    QCOMPARE(d.newEntries, 0);
    QVERIFY(!d.resetDetected);
    // Fresh, carried, carried, fresh: the window over all four is the two reads' difference.
    const SnapshotPtr fresh0 = sampleAt(0, 0, read);
    const SnapshotPtr fresh6 = sampleAt(6, 6, {stat("q1", 12, 130.0), stat("q2", 3, 9.0)});
    const Snapshot w = withStatementWindow(*fresh0, *fresh6);
    QCOMPARE(w.statements.size(), std::size_t(1));
    QCOMPARE(w.statements[0].id, std::string("q1"));
    QCOMPARE(w.statements[0].calls, std::int64_t(2));
    QCOMPARE(w.statements[0].meanTimeMs, 15.0);
}

void TestDeltas::historyWindowUsesFreshSamplesOnly() {
    SnapshotHistory history;
    QVERIFY(history.append(sampleAt(0, 0, {stat("q1", 10, 100.0)})));
    QVERIFY(history.append(sampleAt(2, 0, {stat("q1", 10, 100.0)})));
    QVERIFY(history.append(sampleAt(4, 0, {stat("q1", 10, 100.0)})));
    // Only one read so far: no window yet (a carried sample is no end of a window).
    QVERIFY(!history.statementWindow(StatementWindow::OneMinute));
    QVERIFY(history.append(sampleAt(10, 10, {stat("q1", 15, 150.0)})));
    QVERIFY(history.append(sampleAt(12, 10, {stat("q1", 15, 150.0)})));
    const SnapshotPtr w = history.statementWindow(StatementWindow::OneMinute);
    QVERIFY(w);
    // The window ends at the latest fresh sample (t=10), not the carried t=12 one.
    QCOMPARE(w->collectedAt, history.snapshots()[3]->collectedAt);
    QCOMPARE(w->statementWindowStart, history.first()->collectedAt);
    QCOMPARE(w->statements.size(), std::size_t(1));
    QCOMPARE(w->statements[0].calls, std::int64_t(5));
    QCOMPARE(w->statements[0].totalTimeMs, 50.0);
    const SnapshotPtr all = history.statementWindow(StatementWindow::SinceConnect);
    QVERIFY(all);
    QCOMPARE(all->statements.size(), std::size_t(1));
    QCOMPARE(all->statements[0].calls, std::int64_t(5));
}

void TestDeltas::historySeriesSkipsCarriedSamples() {
    SnapshotHistory history;
    history.append(sampleAt(0, 0, {stat("q1", 10, 100.0)}));
    history.append(sampleAt(2, 0, {stat("q1", 10, 100.0)}));
    history.append(sampleAt(10, 10, {stat("q1", 14, 140.0)}));
    history.append(sampleAt(12, 10, {stat("q1", 14, 140.0)}));
    history.append(sampleAt(20, 20, {stat("q1", 15, 160.0)}));
    const std::vector<StatementPoint> series = history.statementSeries("q1", "shop", "app");
    // One point per pair of reads, over the time between the reads: no zero points from
    // carried samples and no spikes after them.
    QCOMPARE(series.size(), std::size_t(2));
    QCOMPARE(series[0].calls, std::int64_t(4));
    QCOMPARE(series[0].seconds, 10.0);
    QCOMPARE(series[0].totalTimeMs, 40.0);
    QCOMPARE(series[1].calls, std::int64_t(1));
    QCOMPARE(series[1].totalTimeMs, 20.0);
}

QTEST_GUILESS_MAIN(TestDeltas)
#include "tst_deltas.moc"
