// Findings, plan insights and the CLI summary in the user's language (diagnostics/i18n): the
// shipped German and French translations applied to the core's Messages, the English text
// unchanged without a translator, counts in the locale's digits, findings read back from a
// recorded snapshot.json translated, and whole-sentence fallbacks for engine findings.
#include "i18n/figures.h"
#include "i18n/lockobject.h"
#include "i18n/messagetext.h"
#include "language.h"
#include "models/planmodel.h"
#include "plans/insights.h"
#include "plans/parse.h"
#include "plans/render.h"
#include "report.h"
#include "snapshot_json.h"

#include <QCoreApplication>
#include <QFile>
#include <QLocale>
#include <QRegularExpression>
#include <QTest>
#include <functional>

using namespace dbt;

namespace {

QString dataPath(const QString& relative) {
    return qEnvironmentVariable("DBTRIAGE_TEST_DATA") + QLatin1Char('/') + relative;
}

std::string readFile(const QString& path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(path));
    return f.readAll().toStdString();
}

Snapshot pileup() {
    return snapshotFromJson(
        parseJson(readFile(dataPath(QStringLiteral("gui/pg-pileup/samples/0010.json")))));
}

} // namespace

class TstMessageText : public QObject {
    Q_OBJECT

    void use(const QString& language) {
        QVERIFY2(test::useLanguage(language), "the compiled translation (dbtriage_lrelease)");
    }

private slots:
    void cleanup() { use(QStringLiteral("en")); }

    void englishIsTheCoreText() {
        use(QStringLiteral("en"));
        const Snapshot s = pileup();
        QVERIFY(!s.findings.empty());
        for (const Finding& f : s.findings) {
            QCOMPARE(i18n::findingSummary(f), QString::fromStdString(f.summary));
            QCOMPARE(i18n::findingNextStep(f), QString::fromStdString(f.nextStep));
        }
    }

    // snapshot.json keeps English only; the Messages come back from deriving the findings
    // again, and render to exactly the stored sentence.
    void recordedFindingsGetTheirMessages() {
        const Snapshot s = pileup();
        for (const Finding& f : s.findings) {
            QVERIFY2(!f.summaryText.empty(), f.code.c_str());
            QCOMPARE(englishText(f.summaryText), f.summary);
            QCOMPARE(englishText(f.nextStepText), f.nextStep);
        }
    }

    // A recording by another version that worded the summary differently keeps its English
    // summary (what was recorded) and still gets its next step translated.
    void olderWordingKeepsItsSummary() {
        nlohmann::json j =
            parseJson(readFile(dataPath(QStringLiteral("gui/pg-pileup/samples/0010.json"))));
        bool changed = false;
        for (auto& f : j.at("findings")) {
            if (f.at("code") == "root-blocker") {
                f["summary"] = "Session 14800 blocks 7 sessions (worded by an older version).";
                changed = true;
            }
        }
        QVERIFY(changed);
        use(QStringLiteral("de"));
        const Snapshot s = snapshotFromJson(j);
        for (const Finding& f : s.findings) {
            if (f.code != "root-blocker")
                continue;
            QVERIFY(f.summaryText.empty());
            QCOMPARE(i18n::findingSummary(f), QString::fromStdString(f.summary));
            QVERIFY2(i18n::findingNextStep(f).startsWith(
                         QStringLiteral("Bitten Sie die Verantwortlichen für Anwendung "
                                        "billing-worker")),
                     qPrintable(i18n::findingNextStep(f)));
            return;
        }
        QFAIL("no root-blocker finding in the recording");
    }

    void germanFindings() {
        use(QStringLiteral("de"));
        const Snapshot s = pileup();
        bool sawRoot = false;
        for (const Finding& f : s.findings) {
            const QString summary = i18n::findingSummary(f);
            const QString next = i18n::findingNextStep(f);
            QVERIFY2(summary != QString::fromStdString(f.summary), f.code.c_str());
            QVERIFY2(!summary.contains(QStringLiteral("%1")), qPrintable(summary));
            QVERIFY2(!next.contains(QStringLiteral(" the ")), qPrintable(next));
            for (std::int64_t pid : f.pids) {
                if (f.summary.find(std::to_string(pid)) != std::string::npos)
                    QVERIFY2(summary.contains(QString::number(pid)), qPrintable(summary));
            }
            if (f.code == "root-blocker") {
                sawRoot = true;
                QVERIFY2(summary.startsWith(QStringLiteral("Sitzung 14800 (Benutzer ")),
                         qPrintable(summary));
                QVERIFY2(summary.contains(QStringLiteral("blockiert 7 Sitzungen")),
                         qPrintable(summary));
                QVERIFY2(next.startsWith(QStringLiteral("Bitten Sie die Verantwortlichen für "
                                                        "Anwendung billing-worker")),
                         qPrintable(next));
            }
        }
        QVERIFY(sawRoot);
    }

    void frenchOwnerPhrase() {
        use(QStringLiteral("fr"));
        for (const Finding& f : pileup().findings) {
            if (f.code != "root-blocker")
                continue;
            const QString next = i18n::findingNextStep(f);
            QVERIFY2(next.startsWith(QStringLiteral(
                         "Demandez au responsable de l'application billing-worker de valider")),
                     qPrintable(next));
            return;
        }
        QFAIL("no root-blocker finding in the recording");
    }

    void countsInTheLocalesDigits() {
        const Message m =
            phrase(DBT_TR("Finding", "%1 of %2 usable connection slots are in use (%3)"),
                   {count(1234), count(1500), literal("82 %")});
        QCOMPARE(QString::fromStdString(englishText(m)),
                 QStringLiteral("1,234 of 1,500 usable connection slots are in use (82 %)"));
        use(QStringLiteral("de"));
        QCOMPARE(i18n::localized(m),
                 QStringLiteral("1.234 von 1.500 nutzbaren Verbindungsplätzen sind belegt (82 %)"));
    }

    // Engine findings have no Message: a sentence matching a known template is translated
    // with its parts; an unknown sentence stays as it is.
    void wholeSentenceFallback() {
        use(QStringLiteral("de"));
        Finding f;
        f.code = "pg-stat-statements-missing";
        f.summary = "pg_stat_statements is not installed in database shop: top statements are "
                    "not available.";
        f.nextStep = "Something no template knows.";
        QCOMPARE(i18n::findingSummary(f),
                 QStringLiteral("pg_stat_statements ist in der Datenbank shop nicht installiert: "
                                "Top-Anweisungen sind nicht verfügbar."));
        QCOMPARE(i18n::findingNextStep(f), QStringLiteral("Something no template knows."));
    }

    void summaryHeadings() {
        const Snapshot s = pileup();
        SummaryContext english;
        const std::string en = renderTextSummary(s, english);
        QVERIFY(en.find("Findings (") != std::string::npos);
        use(QStringLiteral("de"));
        SummaryContext german;
        german.text = i18n::localizedUtf8;
        const QString de = QString::fromStdString(renderTextSummary(s, german));
        QVERIFY2(de.contains(QStringLiteral("Befunde (")), qPrintable(de));
        QVERIFY2(de.contains(QStringLiteral("Sperrwartezeiten:")), qPrintable(de));
        QVERIFY2(de.contains(QStringLiteral("KRITISCH  Sitzung 14800")), qPrintable(de));
        QVERIFY2(!de.contains(QStringLiteral("Findings (")), qPrintable(de));
    }

    void insightsAndPlanText() {
        const plans::Plan plan =
            plans::parsePlan(readFile(dataPath(QStringLiteral("plans/pg-nested-loop.json"))));
        const auto insights = plans::findInsights(plan);
        QVERIFY(!insights.empty());
        use(QStringLiteral("en"));
        for (const auto& i : insights)
            QCOMPARE(i18n::insightMessage(i), QString::fromStdString(i.message));
        use(QStringLiteral("fr"));
        for (const auto& i : insights) {
            QVERIFY2(!i.messageText.empty(), i.code.c_str());
            QVERIFY2(i18n::insightMessage(i) != QString::fromStdString(i.message), i.code.c_str());
            QVERIFY2(i18n::insightSuggestion(i) != QString::fromStdString(i.suggestion),
                     i.code.c_str());
        }
        plans::RenderOptions options;
        options.text = i18n::localizedUtf8;
        const QString text = QString::fromStdString(plans::renderPlanText(plan, insights, options));
        QVERIFY2(text.contains(QStringLiteral("Constats (")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("Suggestion : ")), qPrintable(text));
        QCOMPARE(plans::renderPlanText(plan, insights, {}),
                 plans::renderPlanText(plan, insights)); // English without the hook
    }

    // Figures the core formats the English way get the locale's separators where they are
    // shown: "176,471" rows must not read as a fraction in German.
    void figuresInTheLocalesSeparators() {
        use(QStringLiteral("de"));
        QCOMPARE(i18n::localizedFigure(std::string("176,471")), QStringLiteral("176.471"));
        QCOMPARE(i18n::localizedFigure(std::string("1,234.56 ms")), QStringLiteral("1.234,56 ms"));
        QCOMPARE(i18n::localizedFigure(std::string("Seq Scan on t1.x, 3.4×")),
                 QStringLiteral("Seq Scan on t1.x, 3,4×"));
        QCOMPARE(i18n::localizedPercent(12.34), QStringLiteral("12,3 %"));
        QCOMPARE(i18n::localized(figure("1.4 MiB")), QStringLiteral("1,4 MiB"));
        use(QStringLiteral("en"));
        QCOMPARE(i18n::localized(figure("1,234.5 ms")), QStringLiteral("1,234.5 ms"));

        // An insight's figures and the plan tree's columns, in German.
        const std::string json = readFile(dataPath(QStringLiteral("plans/pg-nested-loop.json")));
        const PlanDocumentPtr doc = makePlanDocument(json, "test");
        PlanModel model;
        model.setDocument(doc);
        use(QStringLiteral("de"));
        bool sawGrouped = false;
        for (const auto& insight : doc->insights) {
            const QString de = i18n::insightMessage(insight);
            QVERIFY2(!de.contains(QRegularExpression(QStringLiteral("\\d,\\d{3}\\b"))),
                     qPrintable(de));
            sawGrouped =
                sawGrouped || de.contains(QRegularExpression(QStringLiteral("\\d\\.\\d{3}\\b")));
        }
        QVERIFY2(sawGrouped, "the fixture's insights name a figure of four digits or more");
        bool sawDecimalComma = false;
        std::function<void(const QModelIndex&)> walk = [&](const QModelIndex& parent) {
            for (int r = 0; r < model.rowCount(parent); ++r) {
                for (int c = 0; c < model.columnCount(parent); ++c) {
                    const QString text = model.index(r, c, parent).data().toString();
                    if (c == PlanModel::NodeCol)
                        continue;
                    QVERIFY2(
                        !text.contains(QRegularExpression(QStringLiteral("\\d\\.\\d{1,2}\\b"))),
                        qPrintable(text));
                    sawDecimalComma = sawDecimalComma ||
                                      text.contains(QRegularExpression(QStringLiteral("\\d,\\d")));
                }
                walk(model.index(r, 0, parent));
            }
        };
        walk({});
        QVERIFY(sawDecimalComma);
    }

    // The engines' English lock objects in German: the words change, the server's names and
    // key values stay; a text of another shape is shown as it is.
    void lockObjects() {
        use(QStringLiteral("de"));
        QCOMPARE(i18n::localizedLockObject("row (0,42) of public.orders"),
                 QStringLiteral("Zeile (0,42) von public.orders"));
        QCOMPARE(i18n::localizedLockObject("row (PRIMARY: 42) of shop.orders"),
                 QStringLiteral("Zeile (PRIMARY: 42) von shop.orders"));
        QCOMPARE(i18n::localizedLockObject("row (k: 'a) of b') of shop.t"),
                 QStringLiteral("Zeile (k: 'a) of b') von shop.t"));
        QCOMPARE(i18n::localizedLockObject("transaction 827"), QStringLiteral("Transaktion 827"));
        QCOMPARE(i18n::localizedLockObject("virtual transaction 5/62"),
                 QStringLiteral("virtuelle Transaktion 5/62"));
        QCOMPARE(i18n::localizedLockObject("page 3 of t"), QStringLiteral("Seite 3 von t"));
        QCOMPARE(i18n::localizedLockObject("public.orders"), QStringLiteral("public.orders"));
        QCOMPARE(i18n::localizedLockObject("advisory lock (1,2,2)"),
                 QStringLiteral("advisory lock (1,2,2)"));

        // The printed summary's waits of the recorded pile-up.
        SummaryContext german;
        german.text = i18n::localizedUtf8;
        const QString de = QString::fromStdString(renderTextSummary(pileup(), german));
        QVERIFY2(de.contains(QStringLiteral("auf Transaktion 827")), qPrintable(de));
        QVERIFY2(!de.contains(QStringLiteral("transaction 827")), qPrintable(de));
        use(QStringLiteral("en"));
        QCOMPARE(i18n::localizedLockObject("row (0,42) of public.orders"),
                 QStringLiteral("row (0,42) of public.orders"));
    }
};

QTEST_GUILESS_MAIN(TstMessageText)
#include "tst_messagetext.moc"
