// The window on an evidence bundle (File → Open bundle…, `dbtriage BUNDLE.zip`): every panel
// filled from the bundle with no connection, under a banner saying it is a recording; a
// tampered bundle opens marked UNVERIFIED with the file that failed; an unsafe one is refused
// with the reader's sentence and the panels keep what they showed.
#include "bundle/bundlereader.h"
#include "bundle/bundlewriter.h"
#include "bundle/comparedialog.h"
#include "bundle/recordingbanner.h"
#include "common/statusarea.h"
#include "fixtures.h"
#include "locks/lockgraphscene.h"
#include "locks/locksview.h"
#include "mainwindow.h"
#include "sessions/sessionsview.h"

#include <QDir>
#include <QFile>
#include <QLabel>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace dbt;

namespace {

const QByteArray kPlan = R"([{"Plan": {"Node Type": "Seq Scan", "Relation Name": "orders"}}])";

// Three samples two seconds apart of a pile-up of 12 waiters, with one plan attached.
BundleInput pileupInput() {
    BundleInput in;
    for (int i = 0; i < 3; ++i)
        in.samples.push_back(fixtures::pileup(12, 5, fixtures::kT0 + i * 2'000'000));
    in.snapshot = *in.samples.back();
    in.collection.samples = 3;
    in.collection.requestedSamples = 3;
    in.collection.intervalSeconds = 2;
    in.collection.firstAt = in.samples.front()->collectedAt;
    in.collection.lastAt = in.samples.back()->collectedAt;
    in.collection.note = "INC-1: checkout slow";
    in.attachments.push_back({"plans/q1.json", kPlan});
    return in;
}

} // namespace

class TestBundleGui : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("dbtriage-tests"));
        registerMetaTypes();
    }

    void opensZipWithEveryPanel() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString zip = dir.filePath(QStringLiteral("evidence.zip"));
        const BundleWriteResult written = BundleWriter::write(pileupInput(), zip);
        QVERIFY2(written.ok(), qPrintable(written.error));

        // The same snapshot fed directly, for the expected panel contents.
        MainWindow direct;
        direct.show();
        direct.addSnapshot(fixtures::pileup(12, 5, fixtures::kT0 + 4'000'000));
        direct.showView(MainWindow::Locks);

        MainWindow window;
        window.show();
        QSignalSpy changed(&window, &MainWindow::bundleChanged);
        QString error;
        QVERIFY2(window.openBundle(zip, &error), qPrintable(error));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(window.history().size(), std::size_t(3));
        QVERIFY(window.bundle() != nullptr);
        QVERIFY(window.bundle()->verified());

        // The banner: a recording, when and which server, verified.
        QVERIFY(window.recordingBannerLabel()->isVisible());
        const QString banner = window.recordingBannerLabel()->text();
        QVERIFY2(banner.contains(QStringLiteral("recording")), qPrintable(banner));
        QVERIFY2(banner.contains(recordingBanner(*window.bundle())), qPrintable(banner));
        QVERIFY2(banner.contains(QStringLiteral("2026-11-")), qPrintable(banner));
        QVERIFY2(banner.contains(QStringLiteral("in manifest.json")), qPrintable(banner));
        QVERIFY(!banner.contains(QStringLiteral("UNVERIFIED")));
        QCOMPARE(window.statusArea()->stateText(), QStringLiteral("Offline"));
        QVERIFY(window.windowTitle().contains(QStringLiteral("recording")));

        // Every panel from the bundle.
        window.showView(MainWindow::Sessions);
        QCOMPARE(window.sessionsView()->model()->rowCount(), 2 + 12 + 5 + 3);
        window.showView(MainWindow::Locks);
        QVERIFY(window.locksView()->scene()->nodeItemCount() > 0);
        QCOMPARE(window.locksView()->scene()->nodeItemCount(),
                 direct.locksView()->scene()->nodeItemCount());

        // The plans, for the Plans view.
        QCOMPARE(window.bundlePlans().size(), std::size_t(1));
        QCOMPARE(window.bundlePlans().at(QStringLiteral("plans/q1.json")), kPlan);
    }

    void tamperedDirectoryOpensUnverified() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("evidence"));
        const BundleWriteResult written = BundleWriter::write(pileupInput(), path);
        QVERIFY2(written.ok(), qPrintable(written.error));
        QFile csv(QDir(path).filePath(QStringLiteral("sessions.csv")));
        QVERIFY(csv.open(QIODevice::Append));
        csv.write("9999,evil\n");
        csv.close();

        MainWindow window;
        window.show();
        QString error;
        QVERIFY2(window.openBundle(path, &error), qPrintable(error));
        QVERIFY(!window.bundle()->verified());
        const QString banner = window.recordingBannerLabel()->text();
        QVERIFY2(banner.contains(QStringLiteral("UNVERIFIED")), qPrintable(banner));
        QVERIFY2(banner.contains(QStringLiteral("sessions.csv")), qPrintable(banner));
        QVERIFY(window.windowTitle().contains(QStringLiteral("UNVERIFIED")));
        window.showView(MainWindow::Sessions);
        QCOMPARE(window.sessionsView()->model()->rowCount(), 2 + 12 + 5 + 3);
    }

    void unsafeBundleRefused() {
        QTemporaryDir dir;
        const QString good = dir.filePath(QStringLiteral("good.zip"));
        QVERIFY(BundleWriter::write(pileupInput(), good).ok());

        // A zip with a "../" entry next to a valid snapshot.
        const std::vector<BundleFile> files = BundleWriter::compose(pileupInput());
        std::vector<BundleFile> evil = files;
        evil.push_back({"../evil.txt", QByteArray("x")});
        QByteArray data;
        QCOMPARE(BundleWriter::zipFiles(evil, fixtures::kT0, 6, &data), QString());
        const QString bad = dir.filePath(QStringLiteral("bad.zip"));
        QFile f(bad);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(data);
        f.close();
        const Bundle expected = BundleReader::open(bad);
        QVERIFY(!expected.ok());

        MainWindow window;
        window.show();
        window.showView(MainWindow::Sessions);
        QVERIFY(window.openBundle(good));
        QSignalSpy changed(&window, &MainWindow::bundleChanged);
        QString error;
        QVERIFY(!window.openBundle(bad, &error));
        QCOMPARE(error, expected.error);
        QCOMPARE(changed.count(), 0);
        QVERIFY2(window.recordingBannerLabel()->text().contains(expected.error),
                 qPrintable(window.recordingBannerLabel()->text()));
        // The panels keep the bundle opened before.
        QCOMPARE(window.history().size(), std::size_t(3));
        QCOMPARE(window.sessionsView()->model()->rowCount(), 2 + 12 + 5 + 3);
        QVERIFY(!QFileInfo::exists(dir.filePath(QStringLiteral("../evil.txt"))));
    }

    void compareBundleWithWindow() {
        QTemporaryDir dir;
        const QString zip = dir.filePath(QStringLiteral("before.zip"));
        QVERIFY(BundleWriter::write(pileupInput(), zip).ok());
        // After the fix: no lock waits, statements over a window of two samples.
        MainWindow window;
        window.show();
        QString error;
        QVERIFY(!window.compareWithBundle(zip, &error)); // nothing shown yet
        QVERIFY(error.contains(QStringLiteral("nothing to compare")));
        window.addSnapshot(fixtures::withStatements(fixtures::kT0 + 60'000'000, 1.0));
        window.addSnapshot(fixtures::withStatements(fixtures::kT0 + 120'000'000, 2.0));
        QVERIFY2(window.compareWithBundle(zip, &error), qPrintable(error));
        auto* dialog = window.findChild<gui::CompareDialog*>();
        QVERIFY(dialog != nullptr);
        QVERIFY(dialog->isVisible());
        const Comparison& c = dialog->comparison();

        // The root blocker of the bundle (pid 100) is gone, in the table too.
        QCOMPARE(c.blockersGone.size(), std::size_t(1));
        QCOMPARE(c.blockersGone.front().pid, std::int64_t(100));
        QTableWidget* blockers = dialog->blockersTable();
        QCOMPARE(blockers->rowCount(),
                 int(c.blockersNew.size() + c.blockersGone.size() + c.blockersStill.size()));
        bool goneRow = false;
        for (int r = 0; r < blockers->rowCount(); ++r)
            goneRow = goneRow || (blockers->item(r, 0)->text() == QStringLiteral("gone") &&
                                  blockers->item(r, 1)->text() == QStringLiteral("100"));
        QVERIFY(goneRow);

        // Connections before (the bundle) and after (the window).
        const Bundle b = BundleReader::open(zip);
        QTableWidget* connections = dialog->connectionsTable();
        QCOMPARE(connections->item(0, 1)->text(), QString::number(b.snapshot->connections.total));
        QCOMPARE(connections->item(0, 2)->text(),
                 QString::number(window.history().latest()->connections.total));
        // Statements whose time changed, one row each.
        QCOMPARE(dialog->statementsTable()->rowCount(), int(c.statements.size()));
        QVERIFY(!c.statements.empty());
        QVERIFY(dialog->tabs()->tabText(1).contains(QStringLiteral("1 gone")));
        QVERIFY(dialog->headerLabel()->text().contains(QStringLiteral("before.zip")));
        QVERIFY(dialog->headerLabel()->text().contains(QStringLiteral("shown snapshots")));

        // An unsafe bundle is refused with the reader's sentence.
        QVERIFY(!window.compareWithBundle(dir.filePath(QStringLiteral("missing.zip")), &error));
        QCOMPARE(error, BundleReader::open(dir.filePath(QStringLiteral("missing.zip"))).error);
    }

    void connectingClearsTheBundle() {
        QTemporaryDir dir;
        const QString zip = dir.filePath(QStringLiteral("e.zip"));
        QVERIFY(BundleWriter::write(pileupInput(), zip).ok());
        MainWindow window;
        window.show();
        QVERIFY(window.openBundle(zip));
        QVERIFY(window.openSnapshots({fixtures::recordedPileup()}));
        QVERIFY(window.bundle() == nullptr);
        QVERIFY(window.bundlePlans().empty());
        QVERIFY(!window.recordingBannerLabel()->isVisible());
    }
};

QTEST_MAIN(TestBundleGui)
#include "tst_bundlegui.moc"
