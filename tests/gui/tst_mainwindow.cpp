// The window: the GUI thread keeps running while the worker waits on a server that never
// answers; the failure shows in the status area without a password; offline viewing.
#include "common/statusarea.h"
#include "fixtures.h"
#include "locks/lockgraphscene.h"
#include "locks/locksview.h"
#include "mainwindow.h"
#include "sessions/sessionsview.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTest>
#include <QTimer>

using namespace dbt;

class TestMainWindow : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void guiNeverBlocksOnSilentServer();
    void offlineSnapshots();
    void shortcutsSwitchViews();
};

void TestMainWindow::initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("dbtriage-tests"));
    registerMetaTypes();
}

void TestMainWindow::guiNeverBlocksOnSilentServer() {
    // Accepts TCP connections (the kernel completes them in the backlog) and never says a
    // word: libpq on the worker waits for its connect timeout.
    QTcpServer silent;
    QVERIFY(silent.listen(QHostAddress::LocalHost));
    MainWindow window;
    window.show();
    QSignalSpy statuses(window.monitor(), &Monitor::statusChanged);
    window.connectToTarget(QStringLiteral("host=127.0.0.1 port=%1 dbname=shop user=mon "
                                          "password=topsecret connect_timeout=3")
                               .arg(silent.serverPort()),
                           1000);

    // Measure the GUI thread's gaps with a 1 ms timer for 1.5 s.
    qint64 worst = 0;
    QElapsedTimer clock;
    clock.start();
    qint64 last = 0;
    QTimer probe;
    probe.setTimerType(Qt::PreciseTimer);
    probe.setInterval(1);
    connect(&probe, &QTimer::timeout, &probe, [&] {
        const qint64 now = clock.elapsed();
        worst = std::max(worst, now - last);
        last = now;
    });
    probe.start();
    QEventLoop loop;
    QTimer::singleShot(1500, &loop, &QEventLoop::quit);
    loop.exec();
    probe.stop();
    QVERIFY2(worst < 250, qPrintable(QStringLiteral("worst gap %1 ms").arg(worst)));
    QCOMPARE(window.statusArea()->stateText(), QStringLiteral("Connecting…"));
    QVERIFY(!window.statusArea()->serverText().contains(QStringLiteral("topsecret")));

    // The failure arrives as a status, with a sentence and without the password.
    QTRY_VERIFY_WITH_TIMEOUT(window.statusArea()->stateText() != QStringLiteral("Connecting…"),
                             20000);
    QVERIFY(!window.statusArea()->sentenceText().isEmpty());
    QVERIFY(!window.statusArea()->sentenceText().contains(QStringLiteral("topsecret")));

    // Stopping never waits on the worker.
    QElapsedTimer stop;
    stop.start();
    window.disconnectFromServer();
    // The worker is stuck on a silent server for seconds; returning well before that shows the
    // GUI thread did not wait for it (a loose bound: CI machines are busy).
    QVERIFY(stop.elapsed() < 1000);
}

void TestMainWindow::offlineSnapshots() {
    MainWindow window;
    window.show();
    QString error;
    QVERIFY(!window.openSnapshots({QStringLiteral("/nonexistent/snapshot.json")}, &error));
    QVERIFY(!error.isEmpty());
    QVERIFY2(window.openSnapshots({fixtures::recordedPileup()}, &error), qPrintable(error));
    QCOMPARE(window.statusArea()->stateText(), QStringLiteral("Offline"));
    QVERIFY(window.statusArea()->serverText().startsWith(QStringLiteral("PostgreSQL 15")));
    QVERIFY(window.history().size() > 1);
    window.showView(MainWindow::Locks);
    QCOMPARE(window.locksView()->scene()->nodeItemCount(), 8);
}

void TestMainWindow::shortcutsSwitchViews() {
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.addSnapshot(fixtures::pileup(10));
    QTest::keyClick(&window, Qt::Key_3, Qt::ControlModifier);
    QCOMPARE(window.currentView(), MainWindow::TopQueries);
    QTest::keyClick(&window, Qt::Key_4, Qt::ControlModifier);
    QCOMPARE(window.currentView(), MainWindow::Locks);
    QTest::keyClick(&window, Qt::Key_2, Qt::ControlModifier);
    QCOMPARE(window.currentView(), MainWindow::Sessions);
    QCOMPARE(window.sessionsView()->model()->rowCount(), 2 + 10 + 5 + 3);
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
