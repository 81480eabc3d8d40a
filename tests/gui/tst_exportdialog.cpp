// Export evidence… offscreen: a recorded history written by the dialog (charts drawn headless,
// the bundle written on a worker) reads back with BundleReader as the same model; a target that
// cannot be written gives one sentence and leaves nothing under the final name.
#include "bundle/bundlereader.h"
#include "bundle/recordingbanner.h"
#include "export/exportdialog.h"
#include "fixtures.h"
#include "models/snapshothistory.h"
#include "render/charts.h"
#include "snapshot_json.h"

#include <QCheckBox>
#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace dbt;
using namespace dbt::gui;

class TestExportDialog : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void exportReadsBackAsTheSameModel_data() {
        QTest::addColumn<QString>("name");
        QTest::newRow("zip") << QStringLiteral("evidence.zip");
        QTest::newRow("directory") << QStringLiteral("evidence");
    }

    void exportReadsBackAsTheSameModel() {
        QFETCH(QString, name);
        SnapshotHistory history;
        for (int i = 0; i < 4; ++i)
            QVERIFY(history.append(fixtures::pileup(20, 5, fixtures::kT0 + i * 2'000'000)));
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(name);

        ExportDialog dialog(&history, &render::addCharts);
        dialog.show();
        dialog.setNote(QStringLiteral("INC-7: checkout stalls"));
        dialog.setSamples(3);
        dialog.setDestination(path);
        QSignalSpy done(&dialog, &ExportDialog::exported);
        QVERIFY(dialog.startExport());
        QVERIFY(dialog.busy());
        QVERIFY(!dialog.startExport()); // one export at a time
        QTRY_VERIFY_WITH_TIMEOUT(!dialog.busy(), 30000);
        QVERIFY2(dialog.result().ok(), qPrintable(dialog.result().error));
        QCOMPARE(done.count(), 1);
        QVERIFY2(dialog.resultText().contains(QStringLiteral("Wrote")),
                 qPrintable(dialog.resultText()));

        const Bundle b = BundleReader::open(path);
        QVERIFY2(b.ok(), qPrintable(b.error));
        QVERIFY2(b.verified(), qPrintable(b.verification));
        QCOMPARE(b.samples.size(), std::size_t(3));
        const auto& kept = history.snapshots();
        for (std::size_t i = 0; i < 3; ++i)
            QVERIFY(snapshotToJson(*b.samples[i]) == snapshotToJson(*kept[i + 1]));
        QVERIFY(snapshotToJson(*b.snapshot) ==
                snapshotToJson(exportInput({kept[1], kept[2], kept[3]}, {}).snapshot));
        QCOMPARE(b.manifest.collection.note, std::string("INC-7: checkout stalls"));
        QCOMPARE(b.manifest.collection.samples, 3);
        QVERIFY(b.files.count("charts/connections.png") == 1);
        QVERIFY(b.files.count("charts/lock-graph.svg") == 1);
        QVERIFY(b.files.at("README.md").contains("INC-7: checkout stalls"));
    }

    void unwritableTargetSaysSo() {
        SnapshotHistory history;
        QVERIFY(history.append(fixtures::pileup(3)));
        QTemporaryDir dir;
        // The parent of the destination is a regular file: no directory can be made there.
        QFile blocker(dir.filePath(QStringLiteral("file")));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        const QString path = dir.filePath(QStringLiteral("file/evidence.zip"));

        ExportDialog dialog(&history, &render::addCharts);
        dialog.setDestination(path);
        QSignalSpy failed(&dialog, &ExportDialog::failed);
        QVERIFY(dialog.startExport());
        QTRY_VERIFY_WITH_TIMEOUT(!dialog.busy(), 30000);
        QCOMPARE(failed.count(), 1);
        QVERIFY(!dialog.result().ok());
        QVERIFY2(dialog.resultText().startsWith(QStringLiteral("Not exported: ")),
                 qPrintable(dialog.resultText()));
        QVERIFY(dialog.resultText().contains(dialog.result().error));
        QVERIFY(!QFileInfo::exists(path));
        QCOMPARE(QDir(dir.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot),
                 QStringList{QStringLiteral("file")});
    }

    // Offline (no connection options: a bundle or snapshot is open): plans and advice are
    // disabled, and their tooltips say why; an export then has no plans.
    void plansAndAdviceNeedAConnection() {
        SnapshotHistory history;
        QVERIFY(history.append(fixtures::pileup(3)));
        ExportDialog offline(&history, &render::addCharts);
        auto* top = offline.findChild<QSpinBox*>(QStringLiteral("exportExplainTop"));
        auto* advise = offline.findChild<QCheckBox*>(QStringLiteral("exportAdvise"));
        QVERIFY(top && advise);
        QVERIFY(!top->isEnabled());
        QVERIFY(!advise->isEnabled());
        QVERIFY(!offline.canGatherFromServer());
        QCOMPARE(top->toolTip(), QStringLiteral("Plans need a connection to the server: connect "
                                                "first (an opened bundle or snapshot cannot be "
                                                "explained)."));
        QVERIFY(advise->toolTip().startsWith(
            QStringLiteral("Index candidates need a connection to the server: connect first")));
        offline.setExplainTop(5);
        offline.setAdvise(true);
        QCOMPARE(offline.explainTop(), 0);
        QVERIFY(!offline.advise());

        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("offline.zip"));
        offline.setDestination(path);
        QVERIFY(offline.startExport());
        QTRY_VERIFY_WITH_TIMEOUT(!offline.busy(), 30000);
        QVERIFY2(offline.result().ok(), qPrintable(offline.result().error));
        const Bundle b = BundleReader::open(path);
        QVERIFY(b.verified());
        QCOMPARE(b.manifest.collection.explainTopRequested, 0);
        QVERIFY(bundlePlans(b).empty());
        QVERIFY(b.files.at("README.md").contains("No plans were gathered"));

        // Connected: both are offered (the server is not contacted before Export).
        ConnectOptions connect;
        connect.target = "postgresql://monitor@127.0.0.1:1/app";
        ExportDialog online(&history, &render::addCharts, nullptr, connect);
        QVERIFY(online.findChild<QSpinBox*>(QStringLiteral("exportExplainTop"))->isEnabled());
        QVERIFY(online.findChild<QCheckBox*>(QStringLiteral("exportAdvise"))->isEnabled());
        online.setExplainTop(4);
        QCOMPARE(online.explainTop(), 4);
    }

    // Connected to a server that does not answer: each chosen statement gets the sentence,
    // the bundle is still written (plans are extra evidence), with the notes in its README.
    void unreachableServerGivesNotes() {
        SnapshotHistory history;
        QVERIFY(history.append(fixtures::withStatements(fixtures::kT0, 1)));
        QVERIFY(history.append(fixtures::withStatements(fixtures::kT0 + 60'000'000, 2)));
        ConnectOptions connect;
        connect.target = "postgresql://monitor@127.0.0.1:1/app?connect_timeout=2";
        connect.connectTimeoutS = 2;
        ExportDialog dialog(&history, &render::addCharts, nullptr, connect);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("unreachable.zip"));
        dialog.setDestination(path);
        dialog.setExplainTop(3);
        QVERIFY(dialog.startExport());
        QTRY_VERIFY_WITH_TIMEOUT(!dialog.busy(), 30000);
        QVERIFY2(dialog.result().ok(), qPrintable(dialog.result().error));
        const Bundle b = BundleReader::open(path);
        QVERIFY(b.verified());
        QCOMPARE(b.manifest.collection.explainTopRequested, 3);
        QCOMPARE(b.manifest.collection.plans.size(), std::size_t(3));
        for (const PlanSummary& p : b.manifest.collection.plans)
            QVERIFY2(!p.explained() && p.error.find("could not connect") != std::string::npos,
                     p.error.c_str());
        // The costliest statement of the window first (fixture: statement i costs i + 1).
        QCOMPARE(b.manifest.collection.plans[0].statementId, std::string("1004"));
        QVERIFY(b.files.at("README.md").contains("not explained: "));
        QVERIFY(bundlePlans(b).empty());
    }

    void emptyHistoryCannotExport() {
        SnapshotHistory history;
        ExportDialog dialog(&history, &render::addCharts);
        QTemporaryDir dir;
        dialog.setDestination(dir.filePath(QStringLiteral("x.zip")));
        QVERIFY(!dialog.startExport());
        QVERIFY(dialog.resultText().contains(QStringLiteral("Nothing to export")));
    }
};

QTEST_MAIN(TestExportDialog)
#include "tst_exportdialog.moc"
