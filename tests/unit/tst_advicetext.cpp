// The index advisor's texts in the user's language: candidate reasons from the query model
// (candidatesFor) and the MySQL column order (pickMysqlCandidate), the plan evidence of the
// fixtures in tests/data/mysql8 (scanFor), the validation hints and the refused digest texts,
// put together into an Advice and shown by `dbtriage advise`'s report (adviceToText with
// the CLI's text hook) and the Indexes view's model, with the shipped German and French
// translations. English stays byte for byte; advice read back from JSON (English strings
// only) shows its constant sentences translated and the others in English.
#include "advisor/advice.h"
#include "advisor/candidates.h"
#include "advisor/mysqladvisor.h"
#include "advisor/querymodel.h"
#include "i18n/messagetext.h"
#include "models/advicemodel.h"
#include "plans/parse.h"
#include "translationcheck.h"

#include <QFile>
#include <QTest>
#include <string>
#include <vector>

using namespace dbt;
using namespace dbt::advisor;

namespace {

std::string readData(const QString& relative) {
    QFile f(qEnvironmentVariable("DBTRIAGE_TEST_DATA") + QLatin1Char('/') + relative);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(relative));
    return f.readAll().toStdString();
}

TableUse useOf(const std::string& sql) {
    const QueryShape s = analyzeQuery(sql);
    if (!s.parsed || s.tables.empty())
        qFatal("%s: %s", sql.c_str(), s.error.c_str());
    return s.tables.front();
}

// PostgreSQL candidates with every kind of reason: equality (most selective first), range,
// prefix LIKE, join keys, ORDER BY, and the GIN / trigram hints.
std::vector<Candidate> pgCandidates() {
    TableInfo info;
    info.schema = "public";
    info.name = "orders";
    info.rows = 1e6;
    info.columns["status"] = {5, 0, 0.6, "text", true, true};
    info.columns["customer_id"] = {-0.01, 0, 0.001, "integer", true, true};
    info.columns["placed_at"] = {-0.9, 0, 0, "timestamp with time zone", true, true};
    info.columns["code"] = {-0.9, 0, 0, "text", true, true};
    std::vector<Candidate> out;
    for (const char* sql :
         {"SELECT * FROM orders WHERE status = $1 AND customer_id = $2 ORDER BY placed_at DESC "
          "LIMIT 10",
          "SELECT * FROM orders WHERE customer_id = $1 AND placed_at > $2",
          "SELECT * FROM orders WHERE code LIKE 'ab%'", "SELECT * FROM orders ORDER BY placed_at",
          "SELECT * FROM orders WHERE tags @> $1 AND body LIKE '%x%'"})
        for (auto& c : candidatesFor(useOf(sql), &info))
            out.push_back(std::move(c));
    const QueryShape join = analyzeQuery("SELECT * FROM customers c JOIN orders o ON o.customer_id "
                                         "= c.id WHERE o.status = $1");
    for (const auto& use : join.tables)
        if (use.table == "orders")
            for (auto& c : candidatesFor(use, &info))
                out.push_back(std::move(c));
    return out;
}

TableInfo mysqlOrders() {
    TableInfo t;
    t.schema = "demo";
    t.name = "orders";
    t.rows = 30000;
    t.columns["customer_id"] = statsFromColumnStats(0.0, 3.0, t.rows);
    t.columns["region_id"] = statsFromColumnStats(0.0, 600.0, t.rows);
    t.columns["created_at"] = ColumnStats{};
    t.indexes.push_back({"PRIMARY", {"id"}, true, true, false, "btree"});
    return t;
}

TableUse mysqlUse(const std::string& digest) {
    const MysqlText t = mysqlToPostgresText(digest);
    if (!t.ok)
        qFatal("%s: %s", digest.c_str(), t.reason.c_str());
    return useOf(t.sql);
}

// An advice as the advisors build it: MySQL proposals with their evidence and validation
// hints, a PostgreSQL one, unused and redundant indexes, and notes from refused digests.
Advice recordedAdvice() {
    Advice a;
    a.engine = "mysql";
    a.costUnit = "rows examined (estimate)";
    a.statsResetText = phrase(DBT_TR("Advisor", "%1 (server start, or the last TRUNCATE of "
                                                "performance_schema's summaries)"),
                              {literal("2026-12-01 08:00:00+00")});
    a.statsReset = englishText(a.statsResetText);
    const plans::Plan plan = plans::parseMysqlJson(readData("mysql8/explain_orders-fixture.json"));
    const PlanScan scan = scanFor(plan, "o");
    const TableInfo info = mysqlOrders();
    const char* digests[] = {
        "SELECT * FROM `orders` WHERE `customer_id` = ? AND `region_id` = ?",
        "SELECT * FROM `orders` WHERE `customer_id` = ? AND `created_at` > ?",
        "SELECT * FROM `orders` WHERE `region_id` = ? ORDER BY `created_at` LIMIT ?"};
    int n = 0;
    for (const char* digest : digests) {
        const MysqlPick pick = pickMysqlCandidate(mysqlUse(digest), info, true);
        if (!pick.candidate)
            qFatal("no candidate for %s: %s", digest, pick.why.c_str());
        Proposal p;
        p.candidate = *pick.candidate;
        p.ddl = ddl(p.candidate, Dialect::MySQL);
        p.method = "heuristic";
        p.sizeBytes = 1 << 20;
        p.statements.push_back({"d" + std::to_string(++n), 0.25, 1200, 3045.25, {}, false});
        addCaveat(p, scan.evidenceText);
        addCaveat(p, validationHintText(p.candidate,
                                        n == 1   ? Engine::MySQL
                                        : n == 2 ? Engine::MariaDB
                                                 : Engine::MySQL,
                                        n == 1   ? 80036
                                        : n == 2 ? 101119
                                                 : 50744));
        a.proposals.push_back(std::move(p));
    }
    for (const Candidate& c : pgCandidates()) {
        Proposal p;
        p.candidate = c;
        p.ddl = ddl(c, Dialect::PostgreSQL);
        p.method = "hypopg";
        p.statements.push_back({"q1", 0.5, 97, 4127, 41.9, true});
        a.proposals.push_back(std::move(p));
    }
    a.unused.push_back({"demo", "orders", "orders_note", 16384, 0, "KEY `orders_note` (`note`)"});
    a.redundant.push_back({"demo", "orders", "orders_a", "orders_a_b", "prefix", 16384, "KEY a"});
    a.redundant.push_back({"demo", "orders", "orders_c", "orders_c2", "duplicate", 0, "KEY c"});
    for (const char* refused :
         {"SELECT * FROM t USE INDEX (a) WHERE a = ?", "SELECT * FROM t WHERE a <=> ?",
          "SELECT 'abc", "SELECT /*! STRAIGHT_JOIN */ 1", "SELECT SQL_NO_CACHE a FROM t"}) {
        const MysqlText t = mysqlToPostgresText(refused);
        if (t.ok)
            qFatal("%s was read", refused);
        addNote(a, t.reasonText);
    }
    a.statementsConsidered = 3;
    a.explains = 4;
    return a;
}

// Every Message of the advice: reasons, caveats, notes, the statistics' start.
std::vector<Message> allMessages(const Advice& a) {
    std::vector<Message> out;
    for (const auto& p : a.proposals) {
        out.push_back(reasonMessage(p.candidate));
        for (const auto& c : caveatMessages(p))
            out.push_back(c);
    }
    for (const auto& n : noteMessages(a))
        out.push_back(n);
    out.push_back(statsResetMessage(a));
    return out;
}

QString localizedReport(const Advice& a) {
    return QString::fromStdString(adviceToText(a, i18n::localizedUtf8));
}

} // namespace

class TstAdviceText : public QObject {
    Q_OBJECT

private slots:
    void cleanup() { QVERIFY(test::useLanguage(QStringLiteral("en"))); }

    // The strings the JSON keeps are the English of the Messages.
    void englishStringsMatchTheMessages() {
        const Advice a = recordedAdvice();
        QVERIFY(a.proposals.size() > 8);
        for (const auto& p : a.proposals) {
            QVERIFY2(!p.candidate.reasonText.empty(), p.candidate.reason.c_str());
            QCOMPARE(englishText(p.candidate.reasonText), p.candidate.reason);
            QCOMPARE(p.caveatTexts.size(), p.caveats.size());
            for (std::size_t i = 0; i < p.caveats.size(); ++i)
                QCOMPARE(englishText(p.caveatTexts[i]), p.caveats[i]);
        }
        QCOMPARE(a.noteTexts.size(), a.notes.size());
        for (std::size_t i = 0; i < a.notes.size(); ++i)
            QCOMPARE(englishText(a.noteTexts[i]), a.notes[i]);
        std::vector<std::string> reasons;
        for (const auto& p : a.proposals)
            reasons.push_back(p.candidate.reason);
        for (const char* r : {"equality", "equality columns, most selective first",
                              "equality + range", "equality + ORDER BY", "ORDER BY", "prefix LIKE",
                              "join key (inner side of a nested loop)", "equality + join key",
                              "@> containment needs a GIN index",
                              "LIKE with a leading wildcard needs a trigram GIN index (pg_trgm)"})
            QVERIFY2(std::find(reasons.begin(), reasons.end(), r) != reasons.end(), r);
    }

    // Without a translation the report is what it always was: the hook changes nothing.
    void englishReportUnchanged() {
        const Advice a = recordedAdvice();
        const std::string plain = adviceToText(a);
        QCOMPARE(adviceToText(a, i18n::localizedUtf8), plain);
        QVERIFY(plain.find("   why: equality + ORDER BY\n") != std::string::npos);
        QVERIFY(plain.find("   statement d1 (25.0 % of the window's time, 1200 calls): rows "
                           "examined (estimate) 3045\n") != std::string::npos);
        QVERIFY(plain.find("   statement q1 (50.0 % of the window's time, 97 calls): rows examined "
                           "(estimate) 4127 -> 42 (99 % less)\n") != std::string::npos);
        QVERIFY(plain.find("\nUnused indexes (no scans since the statistics reset at 2026-12-01 "
                           "08:00:00+00 (server start, or the last TRUNCATE of "
                           "performance_schema's summaries); not unique, not primary keys):\n") !=
                std::string::npos);
        QVERIFY(plain.find(
                    "   demo.orders_a on orders (16.0 KiB) is a prefix of orders_a_b: KEY a\n") !=
                std::string::npos);
        QVERIFY(plain.find("\n3 statements considered, 4 EXPLAINs. Nothing was executed: review "
                           "and run the DDL yourself.\n") != std::string::npos);
    }

    void everyTemplateTranslated_data() {
        QTest::addColumn<QString>("language");
        QTest::newRow("de") << QStringLiteral("de");
        QTest::newRow("fr") << QStringLiteral("fr");
    }

    void everyTemplateTranslated() {
        QFETCH(QString, language);
        QVERIFY(test::useLanguage(language));
        const Advice a = recordedAdvice();
        for (const Message& m : allMessages(a)) {
            const QStringList missing = test::untranslatedTemplates(m);
            QVERIFY2(missing.isEmpty(), qPrintable(missing.join(QStringLiteral(" | "))));
            const QString shown = i18n::localized(m);
            if (!m.empty() && englishText(m) != "ORDER BY")
                QVERIFY2(shown != QString::fromStdString(englishText(m)), qPrintable(shown));
        }
    }

    // `dbtriage advise` under LANG=de_DE.UTF-8: no English phrase of the report or the
    // advisor left, German figures.
    void germanReport() {
        QVERIFY(test::useLanguage(QStringLiteral("de")));
        const Advice a = recordedAdvice();
        const QString report = localizedReport(a);
        for (const char* english : {"why:",
                                    "caveat:",
                                    "estimated size:",
                                    "statement d1",
                                    "of the window's time",
                                    "Unused indexes",
                                    "Duplicate and redundant",
                                    "Notes:",
                                    "statements considered",
                                    "Nothing was executed",
                                    "validated with HypoPG",
                                    "heuristic, not validated",
                                    "equality",
                                    "range",
                                    "join key",
                                    "full table scan",
                                    "To validate",
                                    "unterminated",
                                    "index hint",
                                    "MySQL operator",
                                    "MySQL-only syntax",
                                    "server start",
                                    "rows examined",
                                    " on orders ",
                                    "is a prefix of",
                                    "is a duplicate of",
                                    "then a sort"})
            QVERIFY2(
                !report.contains(QLatin1String(english)),
                qPrintable(QStringLiteral("\"%1\" in:\n%2").arg(QLatin1String(english), report)));
        for (const char* german :
             {"   Grund: Gleichheitsspalten, die selektivste zuerst\n",
              "   Grund: Gleichheit + ORDER BY\n", "   Grund: Gleichheit + Bereich\n",
              "   Grund: Join-Schlüssel (innere Seite eines Nested Loop)\n",
              "   geschätzte Größe: 1,0 MiB\n",
              "   Anweisung d1 (25,0 % der Zeit des Zeitfensters, 1.200 Aufrufe): untersuchte "
              "Zeilen (Schätzung) 3045\n",
              "-> 42 (99 % weniger)\n",
              "   Vorbehalt: einen vollständigen Tabellenscan "
              "(access_type ALL, etwa 29.900 Zeilen), danach eine "
              "Sortierung (Filesort oder temporäre Tabelle)\n",
              "Heuristisch, nicht geprüft (MySQL hat keine hypothetischen Indexe).",
              "Heuristisch, nicht geprüft (MariaDB hat keine hypothetischen Indexe).",
              "[mit HypoPG geprüft]", "[heuristisch, nicht geprüft]",
              "\nUngenutzte Indexe (keine Scans seit dem Zurücksetzen der Statistiken um "
              "2026-12-01 08:00:00+00 (Serverstart",
              "   demo.orders_note auf orders (16,0 KiB): KEY `orders_note` (`note`)\n",
              "ist ein Präfix von orders_a_b", "ist ein Duplikat von orders_c2",
              "\nHinweise:\n   einen Index-Hinweis (USE INDEX)\n",
              "\n3 Anweisungen betrachtet, 4 EXPLAINs. Nichts wurde ausgeführt"})
            QVERIFY2(
                report.contains(QString::fromUtf8(german)),
                qPrintable(
                    QStringLiteral("no \"%1\" in:\n%2").arg(QString::fromUtf8(german), report)));
    }

    // One call, one statement, one EXPLAIN: the singular, in English and in German.
    void singular() {
        Advice a = recordedAdvice();
        a.proposals.front().statements.front().calls = 1;
        a.statementsConsidered = 1;
        a.explains = 1;
        const std::string plain = adviceToText(a);
        QVERIFY2(plain.find("of the window's time, 1 call): ") != std::string::npos, plain.c_str());
        QVERIFY2(plain.find("\n1 statement considered, 1 EXPLAIN. Nothing was executed") !=
                     std::string::npos,
                 plain.c_str());
        QVERIFY(test::useLanguage(QStringLiteral("de")));
        const QString report = localizedReport(a);
        QVERIFY2(report.contains(QStringLiteral("der Zeit des Zeitfensters, 1 Aufruf): ")),
                 qPrintable(report));
        QVERIFY2(report.contains(QStringLiteral("\n1 Anweisung betrachtet, 1 EXPLAIN. Nichts")),
                 qPrintable(report));
    }

    void frenchReport() {
        QVERIFY(test::useLanguage(QStringLiteral("fr")));
        const QString report = localizedReport(recordedAdvice());
        for (const char* french :
             {"   raison : égalité + ORDER BY\n", "   réserve : un parcours complet de la table",
              "Remarques :", "Index inutilisés", "3 requêtes examinées, 4 EXPLAIN.",
              "requête d1 (25,0 % du temps de la fenêtre"})
            QVERIFY2(
                report.contains(QString::fromUtf8(french)),
                qPrintable(
                    QStringLiteral("no \"%1\" in:\n%2").arg(QString::fromUtf8(french), report)));
        QVERIFY2(!report.contains(QLatin1String("why:")), qPrintable(report));
    }

    // The Indexes view's candidate table and its helpers show the same translations.
    void germanModel() {
        QVERIFY(test::useLanguage(QStringLiteral("de")));
        const auto advice = std::make_shared<const Advice>(recordedAdvice());
        AdviceCandidatesModel model;
        model.setAdvice(advice);
        const QString tip =
            model.index(0, AdviceCandidatesModel::Caveats).data(Qt::ToolTipRole).toString();
        QVERIFY2(tip.startsWith(QStringLiteral("einen vollständigen Tabellenscan")),
                 qPrintable(tip));
        QVERIFY2(tip.contains(QStringLiteral("Zum Prüfen: Legen Sie ihn auf einem Klon an")),
                 qPrintable(tip));
        QVERIFY2(!tip.contains(QLatin1String("To validate")), qPrintable(tip));
        QCOMPARE(AdviceCandidatesModel::reasonText(advice->proposals.front().candidate),
                 QStringLiteral("Gleichheitsspalten, die selektivste zuerst"));
        const QStringList notes = AdviceCandidatesModel::notesText(*advice);
        QCOMPARE(notes.size(), int(advice->notes.size()));
        QCOMPARE(notes.front(), QStringLiteral("einen Index-Hinweis (USE INDEX)"));
        UnusedIndexesModel unused;
        unused.setAdvice(advice);
        const QString why = unused.index(0, UnusedIndexesModel::Why).data().toString();
        QVERIFY2(why.contains(QStringLiteral("(Serverstart oder das letzte TRUNCATE")),
                 qPrintable(why));
    }

    // A bundle's index-candidates.json keeps English strings only: the constant ones (a
    // reason such as "equality") are shown translated, the others as they are.
    void adviceFromJsonShowsEnglishOrKnownSentences() {
        Advice a = adviceFromJson(readData(QStringLiteral("advisor/advice-pg.json")));
        QVERIFY(!a.proposals.empty());
        QVERIFY(a.proposals.front().candidate.reasonText.empty());
        a.notes = {"Statement 42 was skipped: it does not parse (syntax error at end of input).",
                   "Needs the pg_trgm extension."};
        a.proposals.front().caveats = {"Something no template knows."};
        const Advice back = adviceFromJson(adviceToJson(a));
        QCOMPARE(back.notes, a.notes);
        QVERIFY(back.noteTexts.empty());
        QVERIFY(test::useLanguage(QStringLiteral("de")));
        QCOMPARE(AdviceCandidatesModel::reasonText(back.proposals.front().candidate),
                 QStringLiteral("Gleichheit"));
        const QStringList notes = AdviceCandidatesModel::notesText(back);
        QCOMPARE(notes.at(0), QString::fromStdString(a.notes[0]));
        QCOMPARE(notes.at(1), QStringLiteral("Benötigt die Erweiterung pg_trgm."));
        QCOMPARE(AdviceCandidatesModel::caveatsText(back.proposals.front()),
                 QStringList{QStringLiteral("Something no template knows.")});
        const QString report = localizedReport(back);
        QVERIFY2(report.contains(QStringLiteral("   Grund: Gleichheit\n")), qPrintable(report));
        QVERIFY2(report.contains(QStringLiteral("   Vorbehalt: Something no template knows.\n")),
                 qPrintable(report));
    }

    // Advice JSON stays English whatever the language.
    void jsonStaysEnglish() {
        QVERIFY(test::useLanguage(QStringLiteral("de")));
        const std::string json = adviceToJson(recordedAdvice());
        QVERIFY(json.find("equality columns, most selective first") != std::string::npos);
        QVERIFY(json.find("Gleichheit") == std::string::npos);
        QVERIFY(json.find("an index hint (USE INDEX)") != std::string::npos);
    }
};

QTEST_GUILESS_MAIN(TstAdviceText)
#include "tst_advicetext.moc"
