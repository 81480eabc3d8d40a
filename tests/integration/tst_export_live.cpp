// Export evidence… against the sandbox PostgreSQL: a window of two samples taken by a Collector
// while a workload runs a slow sequential scan, then the dialog (offscreen) with plans of the top
// statements and index candidates: the bundle holds plans/*.json and .txt with the seq-scan
// insight and index-candidates.sql, the stages were shown, and Cancel writes nothing.
// Needs DBTRIAGE_PG_ADMIN_URI and DBTRIAGE_PG_MONITOR_URI (environment or DBTRIAGE_SANDBOX_ENV).
#include "bundle/bundlereader.h"
#include "collect/collector.h"
#include "export/exportdialog.h"
#include "livetest.h"
#include "models/snapshothistory.h"
#include "render/charts.h"

#include <QDir>
#include <QFileInfo>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QUrl>
#include <atomic>
#include <cstdlib>
#include <libpq-fe.h>
#include <string>
#include <thread>

using namespace dbt;
using dbt::gui::ExportDialog;

namespace {

using test::RawPg;

void loadEnv() {
    test::loadSandboxEnv();
}

std::string env(const char* name) {
    return test::sandboxEnv(name);
}

} // namespace

class TestExportLive : public QObject {
    Q_OBJECT

    std::string admin_;
    ConnectOptions connect_;
    SnapshotHistory history_;

private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        loadEnv();
        admin_ = env("DBTRIAGE_PG_ADMIN_URI");
        connect_.target = env("DBTRIAGE_PG_MONITOR_URI");
        if (admin_.empty() || connect_.target.empty())
            QSKIP("DBTRIAGE_PG_ADMIN_URI / DBTRIAGE_PG_MONITOR_URI are not set: start the servers "
                  "with `source \"$(scripts/sandbox start)\"` or run scripts/test.");
        RawPg admin(admin_, "tst_export_live");
        QVERIFY(admin.ok());
        QVERIFY(admin.exec("DROP TABLE IF EXISTS tst_export_big, tst_export_other"));
        QVERIFY(admin.exec("CREATE TABLE tst_export_big (id int, v int, pad text)"));
        QVERIFY(admin.exec("INSERT INTO tst_export_big SELECT g, g, 'x' FROM "
                           "generate_series(1, 100000) g"));
        QVERIFY(admin.exec("CREATE TABLE tst_export_other AS SELECT g AS id, g AS v FROM "
                           "generate_series(1, 50000) g"));
        QVERIFY(admin.exec("ANALYZE tst_export_big"));
        QVERIFY(admin.exec("ANALYZE tst_export_other"));
        QVERIFY(admin.exec("GRANT SELECT ON tst_export_big, tst_export_other TO "
                           "dbtriage_monitor"));

        // Two samples one second apart while the workload runs: a window with both statements.
        std::atomic<bool> stop{false};
        std::thread workload([&] {
            RawPg c(admin_, "tst_export_live");
            while (c.ok() && !stop.load()) {
                c.exec("SELECT count(*) FROM tst_export_big WHERE v = 4242");
                c.exec("SELECT count(*) FROM tst_export_other WHERE v = 7");
            }
        });
        CollectorOptions options;
        options.connect = connect_;
        Collector collector(options);
        bool sampled = true;
        try {
            collector.connect();
            QThread::msleep(300);
            history_.append(collector.sample(StatementRead::Fresh));
            QThread::msleep(1000);
            history_.append(collector.sample(StatementRead::Fresh));
        } catch (const EngineError&) {
            sampled = false;
        }
        stop = true;
        workload.join();
        QVERIFY(sampled);
        QCOMPARE(history_.size(), std::size_t(2));
    }

    void cleanupTestCase() {
        if (admin_.empty())
            return;
        RawPg admin(admin_, "tst_export_live");
        if (admin.ok())
            admin.exec("DROP TABLE IF EXISTS tst_export_big, tst_export_other");
    }

    void exportWithPlansAndAdvice() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("live.zip"));
        ExportDialog dialog(&history_, &render::addCharts, nullptr, connect_);
        QVERIFY(dialog.canGatherFromServer());
        dialog.setDestination(path);
        dialog.setExplainTop(3);
        dialog.setAdvise(true);
        QSignalSpy stages(&dialog, &ExportDialog::stageChanged);
        QVERIFY(dialog.startExport());
        QTRY_VERIFY_WITH_TIMEOUT(!dialog.busy(), 50000);
        QVERIFY2(dialog.result().ok(), qPrintable(dialog.result().error));
        QStringList seen;
        for (const auto& args : stages)
            seen << args.at(0).toString();
        QVERIFY2(seen.contains(QStringLiteral("Explaining statement 1 of 2…")),
                 qPrintable(seen.join(QLatin1Char('|'))));
        QVERIFY(seen.contains(QStringLiteral("Explaining statement 2 of 2…")));
        QVERIFY(seen.contains(QStringLiteral("Asking the index advisor…")));

        const Bundle b = BundleReader::open(path);
        QVERIFY2(b.verified(), qPrintable(b.error + b.verification));
        QCOMPARE(b.manifest.collection.explainTopRequested, 3);
        QCOMPARE(b.manifest.collection.plans.size(), std::size_t(2));
        bool seqScan = false;
        for (const PlanSummary& p : b.manifest.collection.plans) {
            QVERIFY2(p.explained(), p.error.c_str());
            QVERIFY(b.files.count(p.jsonFile) && b.files.count(p.textFile));
            const QByteArray txt = b.files.at(p.textFile);
            QVERIFY(txt.contains("generic plan (no parameter values)"));
            seqScan = seqScan || (txt.contains("Seq Scan on tst_export_big") &&
                                  txt.contains("seq-scan-estimated"));
        }
        QVERIFY(seqScan);
        QVERIFY(b.files.count("index-candidates.sql"));
        QVERIFY2(b.files.at("index-candidates.sql").contains("tst_export_big"),
                 b.files.at("index-candidates.sql").constData());
        QVERIFY(b.files.at("README.md").contains("## Plans (2)"));
        // The password of the monitor URI is nowhere.
        const QString password = QUrl(QString::fromStdString(connect_.target)).password();
        if (!password.isEmpty()) {
            for (const auto& [name, data] : b.files)
                QVERIFY2(!data.contains(password.toUtf8()), name.c_str());
        }
    }

    // Cancel while the first statement is being explained: nothing is written.
    void cancelWritesNothing() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("cancelled.zip"));
        ExportDialog dialog(&history_, &render::addCharts, nullptr, connect_);
        dialog.setDestination(path);
        dialog.setExplainTop(3);
        // From the worker, at the first statement: the cancel is in before the second.
        connect(
            &dialog, &ExportDialog::stageChanged, &dialog,
            [&dialog](const QString& stage) {
                if (stage.startsWith(QLatin1String("Explaining statement 1 of")))
                    QMetaObject::invokeMethod(
                        &dialog, [&dialog] { dialog.cancelExport(); },
                        Qt::BlockingQueuedConnection);
            },
            Qt::DirectConnection);
        QSignalSpy failed(&dialog, &ExportDialog::failed);
        QVERIFY(dialog.startExport());
        QTRY_VERIFY_WITH_TIMEOUT(!dialog.busy(), 50000);
        QCOMPARE(failed.count(), 1);
        QCOMPARE(dialog.resultText(), QStringLiteral("Cancelled: nothing was written."));
        QVERIFY(!QFileInfo::exists(path));
        QCOMPARE(QDir(dir.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot),
                 QStringList());
    }
};

QTEST_MAIN(TestExportLive)
#include "tst_export_live.moc"
