// Faults and bad input in the window: a sample with no sessions or with 50,000, a probe refused
// with permission denied, statement timeouts, pg_stat_statements missing, the server gone. The
// affected panel says so in a sentence (visible on screen), the others keep showing their data
// and do not repeat it, and nothing crashes.
#include "common/messagestack.h"
#include "common/statusarea.h"
#include "fixtures.h"
#include "locks/lockgraphscene.h"
#include "locks/locksview.h"
#include "mainwindow.h"
#include "overview/overviewview.h"
#include "sessions/sessionsview.h"
#include "statements/topqueriesview.h"

#include <QLabel>
#include <QStandardPaths>
#include <QTest>

using namespace dbt;

namespace {

const MainWindow::View kViews[] = {MainWindow::Overview, MainWindow::Sessions,
                                   MainWindow::TopQueries, MainWindow::Locks};

QWidget* viewWidget(const MainWindow& w, MainWindow::View v) {
    switch (v) {
    case MainWindow::Overview:
        return w.overviewView();
    case MainWindow::Sessions:
        return w.sessionsView();
    case MainWindow::TopQueries:
        return w.topQueriesView();
    case MainWindow::Locks:
        return w.locksView();
    default:
        return nullptr;
    }
}

// Every label text a user can see in the view (hidden pages of message stacks excluded).
QString visibleText(MainWindow& window, MainWindow::View v) {
    window.showView(v);
    QWidget* root = viewWidget(window, v);
    QStringList parts;
    const QList<QLabel*> labels = root->findChildren<QLabel*>();
    for (const QLabel* label : labels) {
        if (label->isVisibleTo(root) && !label->text().isEmpty())
            parts << label->text();
    }
    return parts.join(QLatin1Char('\n'));
}

// `sentence` is on screen in `affected` and in none of the other views.
bool onlyIn(MainWindow& window, MainWindow::View affected, const QString& sentence, QString* why) {
    for (MainWindow::View v : kViews) {
        const QString text = visibleText(window, v);
        const bool shown = text.contains(sentence);
        if (shown != (v == affected)) {
            *why = QStringLiteral("view %1 %2 \"%3\":\n%4")
                       .arg(int(v))
                       .arg(shown ? QStringLiteral("shows") : QStringLiteral("does not show"),
                            sentence, text);
            return false;
        }
    }
    return true;
}

SnapshotPtr withProbe(SnapshotPtr base, const char* probe, const char* status) {
    auto s = std::make_shared<Snapshot>(*base);
    for (ProbeNote& n : s->probes) {
        if (n.probe == probe)
            n.status = status;
    }
    return s;
}

} // namespace

class TestGuiFaults : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("dbtriage-tests"));
    }

    void zeroSessions() {
        MainWindow window;
        window.show();
        auto empty = std::make_shared<Snapshot>(*fixtures::withStatements(fixtures::kT0, 1));
        empty->sessions.clear();
        empty->lockWaits.clear();
        empty->heldLocks.clear();
        empty->rootBlockers.clear();
        empty->findings.clear();
        empty->connections.total = 0;
        empty->connections.byState.clear();
        window.addSnapshot(empty);
        QString why;
        QVERIFY2(onlyIn(window, MainWindow::Sessions, QStringLiteral("No sessions in this sample."),
                        &why),
                 qPrintable(why));
        QVERIFY(visibleText(window, MainWindow::Sessions)
                    .contains(QStringLiteral("The server reported no client sessions.")));
        // The others keep working: statements are listed, locks say there are none.
        window.showView(MainWindow::TopQueries);
        QCOMPARE(window.topQueriesView()->model()->rowCount(), 5);
        QVERIFY(!window.topQueriesView()->stack()->showingMessage());
        QVERIFY(visibleText(window, MainWindow::Locks)
                    .contains(QStringLiteral("No lock waits right now.")));
    }

    void fiftyThousandSessions() {
        MainWindow window;
        window.show();
        auto big = std::make_shared<Snapshot>(*fixtures::pileup(2000, 0));
        for (int i = 0; i < 48000; ++i) {
            Session idle = big->sessions.back();
            idle.pid = 100000 + i;
            idle.state = "idle";
            idle.transactionStart.reset();
            big->sessions.push_back(idle);
        }
        window.addSnapshot(big);
        const int all = int(big->sessions.size());
        QVERIFY(all > 50000);
        window.showView(MainWindow::Sessions);
        QCOMPARE(window.sessionsView()->model()->rowCount(), all);
        // Idle hidden by default: the 2,000 waiters, their blockers and the active ones.
        QCOMPARE(window.sessionsView()->filter()->rowCount(), all - 48000);
        QVERIFY(visibleText(window, MainWindow::Sessions)
                    .contains(QStringLiteral("of %1 sessions").arg(all)));
        window.sessionsView()->selectPid(100);
        QVERIFY(visibleText(window, MainWindow::Sessions)
                    .contains(QStringLiteral("Blocks 2001 sessions as a root blocker")));
        window.showView(MainWindow::Locks);
        // 2,001 lock waits: built on the Locks view's worker.
        QTRY_COMPARE(window.locksView()->scene()->aggregateItemCount(), 1);
        QVERIFY(window.locksView()->scene()->nodeItemCount() < 20);
        // A second sample of the same size updates in place (rows keyed by pid).
        auto next = std::make_shared<Snapshot>(*big);
        next->collectedAt += 1'000'000;
        next->sessions.pop_back();
        window.addSnapshot(next);
        window.showView(MainWindow::Sessions);
        QCOMPARE(window.sessionsView()->model()->rowCount(), all - 1);
    }

    void permissionDeniedOnLocks() {
        MainWindow window;
        window.show();
        auto s = std::make_shared<Snapshot>(
            *withProbe(fixtures::withStatements(fixtures::kT0, 1), "locks",
                       "failed: permission denied (ERROR:  permission denied for view pg_locks)"));
        s->lockWaits.clear();
        s->heldLocks.clear();
        s->rootBlockers.clear();
        window.addSnapshot(s);
        QString why;
        const QString sentence = QStringLiteral(
            "Lock waits could not be read: permission denied for view pg_locks. Ask a DBA to grant "
            "pg_monitor to monitor (GRANT pg_monitor TO monitor;)");
        QVERIFY2(onlyIn(window, MainWindow::Locks, sentence, &why), qPrintable(why));
        QVERIFY(window.locksView()->stack()->showingMessage());
        // The Overview does not claim "no lock waits": the figure says it was not read.
        const QString overview = visibleText(window, MainWindow::Overview);
        QVERIFY2(overview.contains(QStringLiteral("not read in this sample (see Locks)")),
                 qPrintable(overview));
        QVERIFY(!overview.contains(QStringLiteral("no lock waits")));
        // Sessions and statements are shown as usual.
        window.showView(MainWindow::Sessions);
        QVERIFY(!window.sessionsView()->stack()->showingMessage());
        QCOMPARE(window.sessionsView()->model()->rowCount(), int(s->sessions.size()));
        window.showView(MainWindow::TopQueries);
        QCOMPARE(window.topQueriesView()->model()->rowCount(), 5);
    }

    void permissionDeniedOnActivityMySql() {
        MainWindow window;
        window.show();
        auto s = std::make_shared<Snapshot>(*withProbe(
            fixtures::withStatements(fixtures::kT0, 1), "activity",
            "unavailable: permission denied (SELECT command denied to user 'mon'@'%' for table "
            "'processlist')"));
        s->server.engine = Engine::MariaDB;
        s->server.user = "mon";
        s->sessions.clear();
        s->lockWaits.clear();
        s->rootBlockers.clear();
        window.addSnapshot(s);
        QString why;
        QVERIFY2(onlyIn(window, MainWindow::Sessions,
                        QStringLiteral("Sessions could not be read: SELECT command denied to user "
                                       "'mon'@'%' for table 'processlist'. Ask a DBA to grant "
                                       "PROCESS"),
                        &why),
                 qPrintable(why));
        QVERIFY(visibleText(window, MainWindow::Sessions)
                    .contains(QStringLiteral("No sessions in this sample.")));
    }

    void statementTimeouts() {
        MainWindow window;
        window.show();
        window.addSnapshot(fixtures::withStatements(fixtures::kT0, 1));
        // The next read of the counters ran into the statement timeout: the collector carries
        // the last values read and says so in the probe note; the locks probe timed out too.
        auto late = std::make_shared<Snapshot>(
            *withProbe(fixtures::withStatements(fixtures::kT0 + 60'000'000, 2), "statements",
                       "skipped: statement timeout"));
        late->statements = fixtures::withStatements(fixtures::kT0, 1)->statements;
        late->statementsFresh = false;
        late->statementsSampledAt = fixtures::kT0;
        for (ProbeNote& n : late->probes) {
            if (n.probe == "locks")
                n.status = "skipped: statement timeout";
        }
        late->lockWaits.clear();
        late->rootBlockers.clear();
        window.addSnapshot(late);
        QString why;
        QVERIFY2(onlyIn(window, MainWindow::TopQueries,
                        QStringLiteral("Statement statistics could not be read in this sample: "
                                       "the query ran longer than dbtriage's statement timeout"),
                        &why),
                 qPrintable(why));
        // The table keeps the counters read before, and says when they were read.
        window.showView(MainWindow::TopQueries);
        QVERIFY(!window.topQueriesView()->stack()->showingMessage());
        QCOMPARE(window.topQueriesView()->model()->rowCount(), 5);
        QVERIFY(window.topQueriesView()->scopeText().contains(
            QStringLiteral("The table shows the counters read at")));
        QVERIFY2(onlyIn(window, MainWindow::Locks,
                        QStringLiteral("Lock waits could not be read in this sample: the query "
                                       "ran longer than dbtriage's statement timeout"),
                        &why),
                 qPrintable(why));
        window.showView(MainWindow::Sessions);
        QVERIFY(!window.sessionsView()->stack()->showingMessage());
    }

    void pgStatStatementsMissing() {
        MainWindow window;
        window.show();
        auto s = std::make_shared<Snapshot>(
            *withProbe(fixtures::pileup(3), "statements",
                       "unavailable: pg_stat_statements is not installed in database shop"));
        Finding f;
        f.severity = Severity::Warning;
        f.code = "pg-stat-statements-missing";
        f.summary = "pg_stat_statements is not installed in database shop: top statements are "
                    "not available.";
        f.nextStep = "Add pg_stat_statements to shared_preload_libraries (this needs a server "
                     "restart), then create the extension in shop.";
        s->findings.push_back(f);
        window.addSnapshot(s);
        const QString queries = visibleText(window, MainWindow::TopQueries);
        QVERIFY2(queries.contains(QStringLiteral("Statement statistics are not available.")),
                 qPrintable(queries));
        QVERIFY(queries.contains(QStringLiteral("pg_stat_statements is not installed in database "
                                                "shop: top statements are not available.")));
        // Findings are the Overview's job; Sessions and Locks do not repeat it.
        for (MainWindow::View v : {MainWindow::Sessions, MainWindow::Locks})
            QVERIFY(!visibleText(window, v).contains(QStringLiteral("pg_stat_statements")));
        window.showView(MainWindow::Locks);
        QCOMPARE(window.locksView()->scene()->nodeItemCount(), 5);
    }

    void serverGone() {
        MainWindow window;
        window.show();
        window.addSnapshot(fixtures::pileup(10));
        window.showView(MainWindow::Sessions);
        const int rows = window.sessionsView()->model()->rowCount();
        SamplerStatus lost;
        lost.state = SamplerStatus::State::Reconnecting;
        lost.sentence = QStringLiteral("The connection to db1:5432 was lost during a sample; "
                                       "check that the server is up, then reconnect.");
        lost.failedAttempts = 1;
        Q_EMIT window.monitor()->statusChanged(lost);
        // The status area says so, the data is marked stale, and every panel keeps its data
        // under a line that says how old it is.
        QCOMPARE(window.statusArea()->sentenceText(), lost.sentence);
        QVERIFY(window.statusArea()->ageIsStale());
        QVERIFY(window.recordingBannerLabel()->isVisible());
        QVERIFY2(window.recordingBannerLabel()->text().startsWith(
                     QStringLiteral("The server is not answering: the panels show the sample")),
                 qPrintable(window.recordingBannerLabel()->text()));
        QCOMPARE(window.sessionsView()->model()->rowCount(), rows);
        QVERIFY(!window.sessionsView()->stack()->showingMessage());
        window.showView(MainWindow::Locks);
        QCOMPARE(window.locksView()->scene()->nodeItemCount(), 12);
        // Back: a new sample clears the line.
        SamplerStatus back;
        back.state = SamplerStatus::State::Connected;
        Q_EMIT window.monitor()->statusChanged(back);
        window.addSnapshot(fixtures::pileup(10, 5, fixtures::kT0 + 2'000'000));
        Q_EMIT window.monitor()->statusChanged(back);
        QVERIFY(!window.statusArea()->ageIsStale());
        QVERIFY(!window.recordingBannerLabel()->isVisible());
    }
};

QTEST_MAIN(TestGuiFaults)
#include "tst_guifaults.moc"
