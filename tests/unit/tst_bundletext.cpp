// What dbtriage says about a bundle in the user's language: the reader's verification and
// refusal sentences, the loud "UNVERIFIED" form, the recording banner and the comparison that
// `dbtriage compare` prints, with the shipped German and French translations (compiled .qm of
// the build), and the same in English without a translator.
#include "bundle/bundlereader.h"
#include "bundle/bundlewriter.h"
#include "bundle/compare.h"
#include "bundle/recordingbanner.h"
#include "i18n/messagetext.h"
#include "language.h"
#include "snapshot_json.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QLocale>
#include <QTemporaryDir>
#include <QTest>

using namespace dbt;

namespace {

QString dataPath(const QString& relative) {
    return qEnvironmentVariable("DBTRIAGE_TEST_DATA") + QLatin1Char('/') + relative;
}

QByteArray readFile(const QString& path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(path));
    return f.readAll();
}

Snapshot sample(int n) {
    return snapshotFromJson(
        parseJson(readFile(dataPath(QStringLiteral("gui/pg-pileup/samples/%1.json")
                                        .arg(n, 4, 10, QLatin1Char('0'))))
                      .toStdString()));
}

} // namespace

class TstBundleText : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;

    void use(const QString& language) {
        QVERIFY2(test::useLanguage(language), "the compiled translation (dbtriage_lrelease)");
    }

    // A bundle directory holding only snapshot.json: it opens, unverified (no manifest).
    QString unverifiedBundle() {
        const QString path = dir_.filePath(QStringLiteral("no-manifest"));
        QDir().mkpath(path);
        QFile f(path + QStringLiteral("/snapshot.json"));
        if (!f.open(QIODevice::WriteOnly))
            qFatal("cannot write");
        f.write(readFile(dataPath(QStringLiteral("gui/pg-pileup/samples/0010.json"))));
        return path;
    }

private Q_SLOTS:
    void cleanup() { use(QStringLiteral("en")); }

    void english() {
        use(QStringLiteral("en"));
        const Bundle b = BundleReader::open(unverifiedBundle());
        QVERIFY2(b.ok(), qPrintable(b.error));
        QVERIFY(!b.verified());
        QVERIFY2(b.verification.startsWith(
                     QLatin1String("Unverified: There is no manifest.json, so no file can be "
                                   "verified.")),
                 qPrintable(b.verification));
        QVERIFY(loudVerification(b.verification).startsWith(QLatin1String("UNVERIFIED: There")));
        QVERIFY2(recordingBanner(b).startsWith(QLatin1String("Recording from ")),
                 qPrintable(recordingBanner(b)));
        QVERIFY(recordingBanner(b).contains(QLatin1String(" at 127.0.0.1:")));

        const Comparison c = compareSnapshots(sample(1), sample(10));
        const std::string text = renderComparisonText(c, i18n::localizedUtf8);
        QVERIFY2(text.find("Before: PostgreSQL") == 0, text.c_str());
        QVERIFY(text.find("Root blockers: ") != std::string::npos);
        QVERIFY(text.find("Settings that changed: ") != std::string::npos);
        // Without a hook the same English text.
        QCOMPARE(renderComparisonText(c), text);
    }

    void translated_data() {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("unverified"); // the start of the sentence
        QTest::addColumn<QString>("loud");
        QTest::addColumn<QString>("banner");
        QTest::addColumn<QString>("blockers");
        QTest::addColumn<QString>("writeError"); // a part of the sentence for a file in the way
        QTest::newRow("de") << QStringLiteral("de") << QStringLiteral("Nicht verifiziert: ")
                            << QStringLiteral("NICHT VERIFIZIERT: ")
                            << QStringLiteral("Aufzeichnung vom ")
                            << QStringLiteral("Ursprüngliche Blockierer: ")
                            << QStringLiteral("ist ein Verzeichnis");
        QTest::newRow("fr") << QStringLiteral("fr") << QStringLiteral("Non vérifié : ")
                            << QStringLiteral("NON VÉRIFIÉ : ")
                            << QStringLiteral("Enregistrement du ")
                            << QStringLiteral("Bloqueurs racines : ")
                            << QStringLiteral("est un répertoire");
    }

    void translated() {
        QFETCH(QString, language);
        QFETCH(QString, unverified);
        QFETCH(QString, loud);
        QFETCH(QString, banner);
        QFETCH(QString, blockers);
        QFETCH(QString, writeError);
        use(language);
        const Bundle b = BundleReader::open(unverifiedBundle());
        QVERIFY2(b.ok(), qPrintable(b.error));
        QVERIFY2(b.verification.startsWith(unverified), qPrintable(b.verification));
        QVERIFY2(!b.verification.contains(QLatin1String("manifest.json, so")),
                 qPrintable(b.verification));
        QVERIFY2(loudVerification(b.verification).startsWith(loud),
                 qPrintable(loudVerification(b.verification)));
        QVERIFY2(recordingBanner(b).startsWith(banner), qPrintable(recordingBanner(b)));
        QVERIFY2(!recordingBanner(b).contains(QLatin1String(" at 127.0.0.1")),
                 qPrintable(recordingBanner(b)));

        // A refusal: a file name that escapes the bundle.
        const QString evil = dir_.filePath(QStringLiteral("missing-%1").arg(language));
        const Bundle refused = BundleReader::open(evil);
        QVERIFY(!refused.ok());
        QVERIFY2(!refused.error.contains(QLatin1String("does not exist")),
                 qPrintable(refused.error));

        const Comparison c = compareSnapshots(sample(1), sample(10));
        const QString text = QString::fromStdString(renderComparisonText(c, i18n::localizedUtf8));
        QVERIFY2(text.contains(blockers), qPrintable(text));

        // Writing a bundle where a directory is in the way: the sentence in the language.
        const QString inTheWay = dir_.filePath(QStringLiteral("in-the-way-%1.zip").arg(language));
        QVERIFY(QDir().mkpath(inTheWay));
        BundleInput input;
        input.snapshot = sample(10);
        const BundleWriteResult written = BundleWriter::write(input, inTheWay);
        QVERIFY(!written.error.isEmpty());
        QVERIFY2(written.error.contains(writeError), qPrintable(written.error));
        for (const char* english : {"Before: ", "After: ", "Root blockers:", "Connections: ",
                                    "Settings that changed", "Statements whose time", " at 20"})
            QVERIFY2(!text.contains(QLatin1String(english)), english);
    }
};

QTEST_GUILESS_MAIN(TstBundleText)
#include "tst_bundletext.moc"
