// Views offscreen, populated from constructed snapshots and the recorded PostgreSQL pile-up:
// filters, the lock scene's node count and folding, empty states that say something.
#include "common/messagestack.h"
#include "connect/connectionprofile.h"
#include "fixtures.h"
#include "locks/lockgraphscene.h"
#include "locks/locksview.h"
#include "models/locktreemodel.h"
#include "models/snapshotfiles.h"
#include "models/snapshothistory.h"
#include "overview/connectionchart.h"
#include "overview/overviewview.h"
#include "sessions/sessionsview.h"
#include "statements/topqueriesview.h"

#include <QCheckBox>
#include <QFile>
#include <QLineEdit>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace dbt;
using namespace dbt::gui;

class TestGuiViews : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void sessionsHideIdleAndFilter();
    void sessionsEmptyStates();
    void locksSceneNodeCount();
    void locksFoldThreshold();
    void locksEmptyState();
    void locksExport();
    void recordedPileup();
    void overviewCardsAndChart();
    void topQueriesWindowsAndMissingExtension();
    void passwordsNeverStored();
};

void TestGuiViews::initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
}

void TestGuiViews::sessionsHideIdleAndFilter() {
    SessionsView view;
    view.resize(1200, 700);
    view.show();
    view.setSnapshot(fixtures::pileup(20, 40));
    const int all = 2 + 20 + 40 + 3;
    QCOMPARE(view.model()->rowCount(), all);
    QCOMPARE(view.filter()->rowCount(), all - 40); // idle hidden by default
    view.showIdleBox()->setChecked(true);
    QCOMPARE(view.filter()->rowCount(), all);
    view.filterEdit()->setText(QStringLiteral("billing"));
    QCOMPARE(view.filter()->rowCount(), 1);
    view.filterEdit()->setText(QStringLiteral("CHECKOUT orders"));
    QCOMPARE(view.filter()->rowCount(), 21);
    view.filterEdit()->clear();
    view.showIdleBox()->setChecked(false);

    // Selecting the root blocker shows whom it blocks, and copying gives a Markdown table.
    view.selectPid(100);
    const QString md = view.selectionAs(0);
    QVERIFY(md.startsWith(QStringLiteral("| PID |")));
    QVERIFY(md.contains(QStringLiteral("| 100 |")));
    QCOMPARE(md.count(QLatin1Char('\n')), 3);
    // A hidden idle session can still be shown on request.
    view.selectPid(5000);
    QVERIFY(view.showIdleBox()->isChecked());
}

void TestGuiViews::sessionsEmptyStates() {
    SessionsView view;
    QVERIFY(view.stack()->showingMessage());
    QCOMPARE(view.stack()->messageTitle(), QStringLiteral("Not connected."));
    auto idleOnly = std::make_shared<Snapshot>(*fixtures::pileup(0, 7));
    idleOnly->sessions.erase(idleOnly->sessions.begin(), idleOnly->sessions.begin() + 2);
    idleOnly->sessions.resize(7); // the idle ones
    idleOnly->lockWaits.clear();
    idleOnly->rootBlockers.clear();
    view.setSnapshot(idleOnly);
    QVERIFY(view.stack()->showingMessage());
    QCOMPARE(view.stack()->messageTitle(), QStringLiteral("All 7 sessions are idle."));
    auto none = std::make_shared<Snapshot>();
    none->probes = {{"activity", "failed: permission denied for view pg_stat_activity"}};
    view.setSnapshot(none);
    QVERIFY(view.stack()->messageDetail().contains(QStringLiteral("permission denied")));
}

void TestGuiViews::locksSceneNodeCount() {
    LocksView view;
    view.resize(1200, 700);
    view.show();
    view.setSnapshot(fixtures::pileup(5000));
    // root + first waiter + 3 longest waiting + one box for the other 4,997 (built on the
    // view's worker: 5,001 lock waits are above its synchronous limit).
    QTRY_COMPARE(view.scene()->nodeItemCount(), 6);
    QCOMPARE(view.scene()->aggregateItemCount(), 1);
    QCOMPARE(view.scene()->edgeItemCount(), 5);
    QVERIFY(view.summaryText().contains(QStringLiteral("5001 sessions waiting")));
    QVERIFY(view.summaryText().contains(QStringLiteral("4997 folded")));
    // Searching a folded pid finds its group; an unknown pid is reported.
    QVERIFY(view.findPid(4000));
    QVERIFY(view.findPid(100));
    QVERIFY(!view.findPid(999999));
    LockNodeItem* folded = view.scene()->itemForPid(4000);
    QVERIFY(folded);
    QVERIFY(folded->lines().first().startsWith(QStringLiteral("+4997 waiting")));
}

void TestGuiViews::locksFoldThreshold() {
    LocksView view;
    view.show();
    view.setSnapshot(fixtures::pileup(300));
    QCOMPARE(view.scene()->nodeItemCount(), 6);
    view.setAggregateAbove(1000); // nothing folded: every waiter drawn
    QCOMPARE(view.scene()->nodeItemCount(), 302);
    QCOMPARE(view.scene()->aggregateItemCount(), 0);
    QCOMPARE(
        view.treeModel()->rowCount(view.treeModel()->index(0, 0, view.treeModel()->index(0, 0))),
        300);
}

void TestGuiViews::locksEmptyState() {
    LocksView view;
    view.show();
    auto calm = std::make_shared<Snapshot>(*fixtures::pileup(0));
    calm->lockWaits.clear();
    calm->rootBlockers.clear();
    view.setSnapshot(calm);
    QVERIFY(view.stack()->showingMessage());
    QCOMPARE(view.stack()->messageTitle(), QStringLiteral("No lock waits right now."));
    calm->probes = {{"locks", "skipped: statement timeout"}};
    view.setSnapshot(calm);
    QCOMPARE(view.stack()->messageTitle(), QStringLiteral("Lock waits could not be read."));
    QVERIFY2(view.stack()->messageDetail().startsWith(
                 QStringLiteral("Lock waits could not be read in this sample: the query ran "
                                "longer than dbtriage's statement timeout")),
             qPrintable(view.stack()->messageDetail()));
}

void TestGuiViews::locksExport() {
    LocksView view;
    view.show();
    view.setSnapshot(fixtures::pileup(40));
    QTemporaryDir dir;
    const QString png = dir.filePath(QStringLiteral("g.png"));
    const QString svg = dir.filePath(QStringLiteral("g.svg"));
    QVERIFY(view.exportPng(png));
    QVERIFY(view.exportSvg(svg));
    QFile f(svg);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray text = f.readAll();
    QVERIFY(text.contains("<svg"));
    QVERIFY(text.contains("PID 100"));
    QVERIFY(QImage(png).width() > 500);
}

void TestGuiViews::recordedPileup() {
    // Recorded from scripts/demo-workload on PostgreSQL 15 (redacted, no credentials).
    const LoadedSnapshots loaded = loadSnapshots({fixtures::recordedPileup()});
    QVERIFY2(!loaded.snapshots.empty(), qPrintable(loaded.error));
    const SnapshotPtr last = loaded.snapshots.back();
    LocksView view;
    view.show();
    view.setSnapshot(last);
    // billing-worker holds the row; 3 checkout-api wait on the row, the ALTER TABLE waits on
    // the table, 3 reporting SELECTs are queued behind the ALTER: 1 root + 7 waiting.
    QCOMPARE(view.scene()->nodeItemCount(), 8);
    QCOMPARE(int(last->rootBlockers.size()), 1);
    const LockNode& root =
        view.scene()->forest().nodes[std::size_t(view.scene()->forest().roots.front())];
    QCOMPARE(QString::fromStdString(root.session->application), QStringLiteral("billing-worker"));
    QCOMPARE(root.blockedTotal, 7);

    SnapshotHistory history;
    for (const SnapshotPtr& s : loaded.snapshots)
        history.append(s);
    TopQueriesView queries(&history);
    queries.show();
    queries.setWindow(StatementWindow::FiveMinutes);
    QVERIFY(queries.model()->rowCount() > 3);
    QCOMPARE(queries.barCount(), TopQueriesView::kTopN);
    QVERIFY(!queries.stack()->showingMessage());
}

void TestGuiViews::overviewCardsAndChart() {
    SnapshotHistory history;
    OverviewView view(&history);
    view.show();
    view.refresh();
    QCOMPARE(view.findingCount(), 0);
    for (int i = 0; i < 10; ++i)
        history.append(fixtures::pileup(20 + i, 5, fixtures::kT0 + i * 10'000'000LL));
    view.refresh();
    QCOMPARE(view.findingCount(), 1);
    // One stacked area per state (active, idle in transaction, idle); the usable maximum
    // (397) is far above the peak, so it goes to the title instead of a line.
    QCOMPARE(view.chart()->seriesCount(), 3);
    view.chart()->setWindowMinutes(5);
    QCOMPARE(view.chart()->windowMinutes(), 5);
}

void TestGuiViews::topQueriesWindowsAndMissingExtension() {
    SnapshotHistory history;
    TopQueriesView view(&history);
    view.show();
    QVERIFY(view.stack()->showingMessage());
    auto missing = std::make_shared<Snapshot>(*fixtures::pileup(1));
    missing->probes = {{"statements", "unavailable: pg_stat_statements is not installed"}};
    Finding f;
    f.code = "pg-stat-statements-missing";
    f.summary = "pg_stat_statements is not installed: top queries cannot be shown.";
    f.nextStep = "Ask a DBA to add it to shared_preload_libraries and CREATE EXTENSION.";
    missing->findings.push_back(f);
    history.append(missing);
    view.refresh();
    QVERIFY(view.stack()->showingMessage());
    QVERIFY(view.stack()->messageDetail().startsWith(
        QStringLiteral("pg_stat_statements is not installed")));

    history.clear();
    for (int m = 0; m <= 10; ++m)
        history.append(fixtures::withStatements(fixtures::kT0 + m * 60'000'000LL, m));
    view.setWindow(StatementWindow::OneMinute);
    view.refresh();
    QVERIFY(!view.stack()->showingMessage());
    QCOMPARE(view.model()->rowCount(), 5);
    QCOMPARE(view.proxy()->index(0, StatementsModel::Calls).data().toString(), QStringLiteral("5"));
    view.setWindow(StatementWindow::SinceConnect);
    QCOMPARE(view.proxy()->index(0, StatementsModel::Calls).data().toString(),
             QStringLiteral("50"));
    QVERIFY(view.scopeText().contains(QStringLiteral("deltas between samples")));
}

void TestGuiViews::passwordsNeverStored() {
    // Typed into a URI or a keyword string: taken out, and never reaches QSettings.
    SplitTarget u = splitPassword(QStringLiteral("postgresql://mon:s3cr%40t@db1:5432/app"));
    QCOMPARE(u.password, QStringLiteral("s3cr@t"));
    QCOMPARE(u.target, QStringLiteral("postgresql://mon@db1:5432/app"));
    SplitTarget k = splitPassword(QStringLiteral("host=db1 password='it\\'s x' dbname=app"));
    QCOMPARE(k.password, QStringLiteral("it's x"));
    QCOMPARE(k.target, QStringLiteral("host=db1 dbname=app"));
    QCOMPARE(splitPassword(targetWithPassword(QStringLiteral("host=db1"), QStringLiteral("a b")))
                 .password,
             QStringLiteral("a b"));
    QCOMPARE(targetWithPassword(QStringLiteral("mysql://mon@db2/shop"), QStringLiteral("p:w@x")),
             QStringLiteral("mysql://mon:p%3Aw%40x@db2/shop"));
    QCOMPARE(splitPassword(
                 targetWithPassword(QStringLiteral("postgresql://db1:5432/app?sslmode=require"),
                                    QStringLiteral("s/e#c?r:e@t")))
                 .password,
             QStringLiteral("s/e#c?r:e@t"));

    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("settings.ini"));
    {
        QSettings settings(file, QSettings::IniFormat);
        ProfileStore store(settings);
        ConnectionProfile p;
        p.name = QStringLiteral("prod");
        p.useUri = true;
        p.uri = QStringLiteral("postgresql://mon:hunter2@db1/app");
        store.saveProfile(p);
        store.addRecent(QStringLiteral("host=db1 password=hunter2 dbname=app"));
        QCOMPARE(store.profiles().first().uri, QStringLiteral("postgresql://mon@db1/app"));
        QCOMPARE(store.recent().first(), QStringLiteral("host=db1 dbname=app"));
    }
    QFile f(file);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QVERIFY(!f.readAll().contains("hunter2"));
}

QTEST_MAIN(TestGuiViews)
#include "tst_guiviews.moc"
