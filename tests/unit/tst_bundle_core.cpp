// Bundle core (no Qt in the code under test): CSV quoting and the formula guard, Markdown and
// Jira escaping, safe paths, the manifest format, the comparison, and the golden README.md /
// summary.jira.txt of a fixed recording (regenerate with DBTRIAGE_UPDATE_GOLDEN=1).
#include "bundle/compare.h"
#include "bundle/csv.h"
#include "bundle/manifest.h"
#include "bundle/sampledelta.h"
#include "bundle/ticket.h"
#include "snapshot_json.h"
#include "tst_bundle_fixture.h"

#include <QFile>
#include <QTest>
#include <cstdlib>
#include <limits>
#include <string>

using namespace dbt;

namespace {

std::string dataPath(const char* name) {
    const char* dir = std::getenv("DBTRIAGE_TEST_DATA");
    return std::string(dir ? dir : "tests/data") + "/bundle/" + name;
}

TicketContext goldenContext() {
    TicketContext c;
    c.collection = fixture::collection();
    c.toolVersion = "0.1.0";
    c.files = {"README.md",
               "summary.jira.txt",
               "snapshot.json",
               "samples/0001.json",
               "samples/0002.json",
               "samples/0003.json",
               "sessions.csv",
               "statements.csv",
               "lock_waits.csv",
               "settings.json",
               "charts/connections.png",
               "charts/lock-graph.svg",
               "charts/lock-graph.png",
               "manifest.json"};
    return c;
}

// Compares with the golden file, or rewrites it when DBTRIAGE_UPDATE_GOLDEN=1.
void checkGolden(const std::string& actual, const char* name) {
    const QString path = QString::fromStdString(dataPath(name));
    if (qEnvironmentVariable("DBTRIAGE_UPDATE_GOLDEN") == QLatin1String("1")) {
        QFile f(path);
        QVERIFY2(f.open(QIODevice::WriteOnly | QIODevice::Truncate), qPrintable(path));
        f.write(actual.data(), static_cast<qint64>(actual.size()));
        qInfo("rewrote %s", qPrintable(path));
        return;
    }
    QFile f(path);
    QVERIFY2(f.open(QIODevice::ReadOnly),
             qPrintable(path + QStringLiteral(" is missing; run with DBTRIAGE_UPDATE_GOLDEN=1")));
    const std::string expected = f.readAll().toStdString();
    if (expected != actual) {
        // Show the first differing line.
        std::size_t i = 0;
        while (i < expected.size() && i < actual.size() && expected[i] == actual[i])
            ++i;
        const std::size_t from = actual.rfind('\n', i == 0 ? 0 : i - 1);
        const std::string a = actual.substr(from == std::string::npos ? 0 : from + 1, 160);
        const std::string e = expected.substr(from == std::string::npos ? 0 : from + 1, 160);
        qWarning("actual:   %s\nexpected: %s", a.c_str(), e.c_str());
    }
    QVERIFY2(expected == actual,
             qPrintable(QStringLiteral("%1 differs; if the change is intended, regenerate with "
                                       "DBTRIAGE_UPDATE_GOLDEN=1")
                            .arg(path)));
}

} // namespace

class TestBundleCore : public QObject {
    Q_OBJECT

private slots:
    // A snapshot.json with a number beyond a double is refused with a sentence (it threw
    // nlohmann's out_of_range past every catch of the reader before).
    void numberTooLargeIsAFormatError() {
        try {
            parseJson("{\"collected_at\": 1e999}");
            QFAIL("no error");
        } catch (const FormatError& e) {
            QVERIFY2(std::string(e.what()).find("number too large") != std::string::npos, e.what());
        }
    }

    // Numbers no writer would put there (found by scripts/fuzz: 1.5e111 as an integer field
    // was a float-to-integer cast, undefined behaviour): integer fields saturate, fractions
    // are cut, and the snapshot still opens.
    void absurdNumbersSaturate() {
        nlohmann::json j = snapshotToJson(fixture::snapshot());
        QVERIFY(!j["sessions"].empty() && !j["statements"].empty());
        j["sessions"][0]["pid"] = 1.55556e111;
        j["sessions"][1]["pid"] = -1e300;
        j["statements"][0]["calls"] = 18446744073709551615ULL;
        j["statements"][0]["rows"] = 42.9;
        j["connections"]["max"] = 1e30;
        const Snapshot s = snapshotFromJson(j);
        QCOMPARE(s.sessions[0].pid, std::numeric_limits<std::int64_t>::max());
        QCOMPARE(s.sessions[1].pid, std::numeric_limits<std::int64_t>::min());
        QCOMPARE(s.statements[0].calls, std::numeric_limits<std::int64_t>::max());
        QCOMPARE(s.statements[0].rows, std::int64_t(42));
        QCOMPARE(s.connections.max, std::numeric_limits<std::int64_t>::max());
    }

    void csvCells_data() {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("expected");
        QTest::newRow("plain") << "orders"
                               << "orders";
        QTest::newRow("empty") << ""
                               << "";
        QTest::newRow("comma") << "a,b"
                               << "\"a,b\"";
        QTest::newRow("quote") << "say \"hi\""
                               << "\"say \"\"hi\"\"\"";
        QTest::newRow("newline") << "a\nb"
                                 << "\"a\nb\"";
        QTest::newRow("crlf") << "a\r\nb"
                              << "\"a\r\nb\"";
        QTest::newRow("formula =") << "=1+2"
                                   << "'=1+2";
        QTest::newRow("formula +") << "+1"
                                   << "'+1";
        QTest::newRow("formula -") << "-- comment"
                                   << "'-- comment";
        QTest::newRow("formula @") << "@SUM(A1)"
                                   << "'@SUM(A1)";
        QTest::newRow("formula tab") << "\t=1"
                                     << "'\t=1";
        QTest::newRow("dde") << "=cmd|' /C calc'!A0"
                             << "'=cmd|' /C calc'!A0";
        QTest::newRow("formula with comma") << "=HYPERLINK(\"x\",1)"
                                            << "\"'=HYPERLINK(\"\"x\"\",1)\"";
        QTest::newRow("inner equals") << "a=b"
                                      << "a=b";
        QTest::newRow("leading space") << " a"
                                       << "\" a\"";
    }
    void csvCells() {
        QFETCH(QString, input);
        QFETCH(QString, expected);
        QCOMPARE(QString::fromStdString(csvText(input.toStdString())), expected);
    }

    void csvFiles() {
        const Snapshot s = fixture::snapshot();
        const std::string sessions = sessionsCsv(s);
        QVERIFY(sessions.rfind("pid,user,database,application,", 0) == 0);
        QCOMPARE(std::count(sessions.begin(), sessions.end(), '\n'),
                 static_cast<long>(s.sessions.size() + 1));
        // The DDE payload is an inert text cell.
        QVERIFY(sessions.find(",'=cmd|' /C calc'!A0,") != std::string::npos);
        QVERIFY(sessions.find(",=cmd") == std::string::npos);
        QVERIFY(sessions.find("\r\n") != std::string::npos);

        const std::string statements = statementsCsv(s);
        // Sorted by total time, numbers unquoted and unguarded (negative ids are text).
        QVERIFY(statements.find("\r\n1,'-8999999999999999999,shop,app,1204,48213.25,") !=
                std::string::npos);

        const std::string waits = lockWaitsCsv(s);
        // Readers queued behind the ALTER lead to root 4242.
        QVERIFY(waits.find("5003,5001,4242,relation,AccessShareLock,public.orders,false,3,") !=
                std::string::npos);
        QVERIFY(waits.find("6001,4300,4300,relation,RowExclusiveLock,public.t,true,1,") !=
                std::string::npos);
    }

    void markdownEscaping() {
        QCOMPARE(markdownEscape("a|b *c* _d_ [e](f) <g> `h` \\"),
                 std::string("a\\|b \\*c\\* \\_d\\_ \\[e\\](f) \\<g\\> \\`h\\` \\\\"));
        QCOMPARE(markdownEscape("dbtriage_test _x a_ __init__"),
                 std::string("dbtriage_test \\_x a\\_ \\_\\_init\\_\\_"));
        QCOMPARE(markdownCode("SELECT 1"), std::string("`SELECT 1`"));
        QCOMPARE(markdownCode("a `b` c"), std::string("``a `b` c``"));
        QCOMPARE(markdownCode("`x`"), std::string("`` `x` ``"));
        QCOMPARE(
            jiraEscape("a|b *c* {d} [e] !f! ^g^ ~h~ +i+ x??"),
            std::string("a\\|b \\*c\\* \\{d\\} \\[e\\] \\!f\\! \\^g\\^ \\~h\\~ \\+i\\+ x\\??"));
        QCOMPARE(jiraEscape("billing-worker -x- \\n"), std::string("billing-worker \\-x- &#92;n"));
    }

    void safePaths_data() {
        QTest::addColumn<QString>("path");
        QTest::addColumn<bool>("safe");
        QTest::newRow("plain") << "README.md" << true;
        QTest::newRow("nested") << "samples/0001.json" << true;
        QTest::newRow("dotdot") << "../evil" << false;
        QTest::newRow("inner dotdot") << "charts/../../evil" << false;
        QTest::newRow("dot") << "./README.md" << false;
        QTest::newRow("absolute") << "/etc/passwd" << false;
        QTest::newRow("backslash") << "..\\evil" << false;
        QTest::newRow("drive") << "C:/evil" << false;
        QTest::newRow("empty part") << "a//b" << false;
        QTest::newRow("trailing slash") << "a/" << false;
        QTest::newRow("empty") << "" << false;
        QTest::newRow("control") << "a\nb" << false;
        QTest::newRow("too deep") << "a/b/c/d/e" << false;
        QTest::newRow("dotfile") << ".hidden" << true;
    }
    void safePaths() {
        QFETCH(QString, path);
        QFETCH(bool, safe);
        QCOMPARE(isSafeBundlePath(path.toStdString()), safe);
    }

    void manifestRoundTrip() {
        Manifest m;
        m.toolVersion = "0.1.0";
        m.createdAt = fixture::kNow;
        m.server = fixture::snapshot().server;
        m.collection = fixture::collection();
        m.collection.unavailable = {"--advise: not available"};
        m.collection.adviseRequested = true;
        m.redacted = false;
        m.files = {{"README.md", 12, std::string(64, 'a')},
                   {"samples/0001.json", 0, std::string(64, '0')}};
        const nlohmann::json j = manifestToJson(m);
        QCOMPARE(j["format"].get<std::string>(), std::string("dbtriage-bundle"));
        QCOMPARE(j["redaction"]["query_texts_redacted"].get<bool>(), false);
        QCOMPARE(j["redaction"]["passwords_included"].get<bool>(), false);
        const Manifest back = manifestFromJson(parseJson(dumpJson(j)));
        QCOMPARE(back.toolVersion, m.toolVersion);
        QCOMPARE(back.createdAt, m.createdAt);
        QCOMPARE(back.server.host, m.server.host);
        QCOMPARE(back.collection.note, m.collection.note);
        QCOMPARE(back.collection.samples, 3);
        QCOMPARE(back.collection.intervalSeconds, 30.0);
        QCOMPARE(back.collection.adviseRequested, true);
        QCOMPARE(back.collection.unavailable, m.collection.unavailable);
        QCOMPARE(back.redacted, false);
        QVERIFY(back.files == m.files);
    }

    void manifestRefusals_data() {
        QTest::addColumn<QString>("json");
        QTest::addColumn<QString>("sentence");
        QTest::newRow("not a manifest") << R"({"format":"x","format_version":1})"
                                        << "not a dbtriage bundle manifest";
        QTest::newRow("newer") << R"({"format":"dbtriage-bundle","format_version":99})"
                               << "format_version 99";
        QTest::newRow("unsafe path")
            << R"({"format":"dbtriage-bundle","format_version":1,"files":[{"path":"../x","size":1,"sha256":"0000000000000000000000000000000000000000000000000000000000000000"}]})"
            << "unsafe file name";
        QTest::newRow("bad sha")
            << R"({"format":"dbtriage-bundle","format_version":1,"files":[{"path":"x","size":1,"sha256":"zz"}]})"
            << "no valid size and SHA-256";
    }
    void manifestRefusals() {
        QFETCH(QString, json);
        QFETCH(QString, sentence);
        try {
            manifestFromJson(parseJson(json.toStdString()));
            QFAIL("accepted");
        } catch (const FormatError& e) {
            QVERIFY2(QString::fromUtf8(e.what()).contains(sentence), e.what());
        }
    }

    void settingsLeaveSecretsOut() {
        Snapshot s = fixture::snapshot();
        s.server.settings["primary_conninfo"] = "host=x password=hunter2";
        s.server.settings["ssl_key_file"] = "/etc/key";
        const std::string text = dumpJson(settingsToJson(s));
        QVERIFY(text.find("hunter2") == std::string::npos);
        QVERIFY(text.find("ssl_key_file") == std::string::npos);
        const nlohmann::json j = settingsToJson(s);
        QCOMPARE(j["settings"]["work_mem"].get<std::string>(), std::string("4MB"));
        QCOMPARE(j["dbtriage_session"]["lock_timeout"].get<std::string>(), std::string("500ms"));
        QVERIFY(!j["settings"].contains("dbtriage_session.lock_timeout"));
    }

    void goldenReadme() {
        const std::string readme = renderReadmeMarkdown(fixture::snapshot(), goldenContext());
        checkGolden(readme, "golden-README.md");
    }

    void goldenJira() {
        const std::string jira = renderJiraSummary(fixture::snapshot(), goldenContext());
        checkGolden(jira, "golden-summary.jira.txt");
    }

    void readmeEssentials() {
        Snapshot s = fixture::snapshot();
        const std::string readme = renderReadmeMarkdown(s, goldenContext());
        // Findings come before root blockers, which come before statements and connections.
        const auto findings = readme.find("## Findings");
        const auto blockers = readme.find("## Root blockers");
        const auto statements = readme.find("## Top statements by window time");
        const auto connections = readme.find("## Connections");
        const auto candidates =
            readme.find("No index candidates were gathered (run with --advise).");
        QVERIFY(findings < blockers && blockers < statements && statements < connections &&
                connections < candidates && candidates != std::string::npos);
        QVERIFY(readme.find("pid 4242: blocks 5 sessions (1 directly)") != std::string::npos);
        QVERIFY(readme.find("RowExclusiveLock on public.orders") != std::string::npos);
        QVERIFY(readme.find("`SELECT pg_terminate_backend(4242);`") != std::string::npos);
        QVERIFY(readme.find("NOT REDACTED") == std::string::npos);
        // A table cell cannot be broken by a pipe in a query or application name.
        QVERIFY(readme.find("``SELECT a \\| b, `c` FROM t WHERE note LIKE $1``") !=
                std::string::npos);
        QVERIFY(readme.find("checkout\\|api \\*v2\\*") != std::string::npos);

        s.redacted = false;
        const std::string raw = renderReadmeMarkdown(s, goldenContext());
        QVERIFY(raw.find("**NOT REDACTED.**") != std::string::npos);
        QVERIFY(raw.find("Query texts were NOT redacted") != std::string::npos);
    }

    // The Plans section in both markups: per plan the statement id with its share, the kind
    // of plan, the text file, the top insights with severity and node; a failure's sentence.
    void plansSection() {
        TicketContext ctx = goldenContext();
        ctx.collection.explainTopRequested = 3;
        PlanSummary seq;
        seq.rank = 1;
        seq.statementId = fixture::snapshot().statements[0].id;
        seq.database = "shop";
        seq.totalTimeMs = 48213.25;
        seq.share = 0.835;
        seq.dialect = "postgres-json";
        seq.genericPlan = true;
        seq.jsonFile = "plans/01-x.json";
        seq.textFile = "plans/01-x.txt";
        seq.insights = {{"warning", "seq-scan-estimated", "Seq Scan on orders",
                         "The planner expects to read all of orders for few rows."}};
        PlanSummary failed;
        failed.rank = 2;
        failed.statementId = "42";
        failed.database = "shop";
        failed.totalTimeMs = 9120.5;
        failed.share = 0.158;
        failed.error = "permission denied for table orders_*secret*";
        ctx.collection.plans = {seq, failed};
        const Snapshot s = fixture::snapshot();

        const std::string md = renderReadmeMarkdown(s, ctx);
        const auto plans = md.find("## Plans (1)");
        QVERIFY(plans != std::string::npos);
        QVERIFY(md.find("## Top statements by window time") < plans);
        QVERIFY(plans < md.find("## Connections"));
        const std::string section = md.substr(plans, md.find("## Connections") - plans);
        QVERIFY2(section.find("**1. Statement** `" + seq.statementId +
                              "` (84 % of window time, 48,213.3 ms, database shop): generic "
                              "plan (no parameter values), `plans/01-x.txt`") != std::string::npos,
                 section.c_str());
        QVERIFY(section.find("**Statement:** `SELECT * FROM orders WHERE customer_id = $1`") !=
                std::string::npos);
        QVERIFY(section.find("  - **WARNING** Seq Scan on orders: The planner expects") !=
                std::string::npos);
        QVERIFY(section.find("`seq-scan-estimated`") != std::string::npos);
        // The failure's sentence, escaped like every text from the server.
        QVERIFY2(section.find("**2. Statement** `42` (16 % of window time, 9,120.5 ms, database "
                              "shop): not explained: permission denied for table "
                              "orders\\_\\*secret\\*") != std::string::npos,
                 section.c_str());

        const std::string jira = renderJiraSummary(s, ctx);
        QVERIFY(jira.find("h2. Plans (1)") != std::string::npos);
        QVERIFY(jira.find("* *1. Statement* {{" + jiraEscape(seq.statementId) + "}}") !=
                std::string::npos);
        QVERIFY(jira.find("** *WARNING* Seq Scan on orders: ") != std::string::npos);
        QVERIFY(jira.find("not explained: permission denied for table orders\\_\\*secret\\*") !=
                std::string::npos);

        // Not asked: the section says how to ask.
        ctx.collection.explainTopRequested = 0;
        ctx.collection.plans.clear();
        QVERIFY(renderReadmeMarkdown(s, ctx).find(
                    "## Plans (0)\n\nNo plans were gathered (run with --explain-top N).") !=
                std::string::npos);
    }

    void manifestKeepsPlans() {
        Manifest m;
        m.toolVersion = "0.1.0";
        m.createdAt = fixture::kNow;
        m.collection = fixture::collection();
        m.collection.explainTopRequested = 2;
        PlanSummary p;
        p.rank = 1;
        p.statementId = "-123";
        p.database = "shop";
        p.totalTimeMs = 10.5;
        p.share = 0.5;
        p.dialect = "postgres-json";
        p.genericPlan = true;
        p.jsonFile = "plans/01--123.json";
        p.textFile = "plans/01--123.txt";
        p.insights = {{"warning", "seq-scan-estimated", "Seq Scan on t", "why"}};
        PlanSummary f;
        f.rank = 2;
        f.statementId = "7";
        f.error = "canceling statement due to lock timeout";
        m.collection.plans = {p, f};
        const Manifest back = manifestFromJson(parseJson(dumpJson(manifestToJson(m))));
        QCOMPARE(back.collection.plans.size(), std::size_t(2));
        const PlanSummary& b = back.collection.plans[0];
        QCOMPARE(b.statementId, p.statementId);
        QCOMPARE(b.jsonFile, p.jsonFile);
        QCOMPARE(b.textFile, p.textFile);
        QVERIFY(b.genericPlan && b.explained());
        QCOMPARE(b.share, 0.5);
        QCOMPARE(b.insights.size(), std::size_t(1));
        QCOMPARE(b.insights[0].node, std::string("Seq Scan on t"));
        QCOMPARE(back.collection.plans[1].error, f.error);
        QVERIFY(!back.collection.plans[1].explained());

        // A plan file name that would leave the bundle is refused.
        nlohmann::json j = manifestToJson(m);
        j["collection"]["plans"][0]["json"] = "../escape.json";
        QVERIFY_THROWS_EXCEPTION(FormatError, manifestFromJson(j));
    }

    void compareRecordings() {
        Snapshot before = fixture::snapshot();
        Snapshot after = fixture::snapshot();
        after.collectedAt = before.collectedAt + 3600'000'000LL;
        after.statementWindowStart = after.collectedAt - 120'000'000LL; // a window twice as long
        // Statement 1 doubles its total over a window twice as long: same rate.
        after.statements[0].totalTimeMs *= 2;
        // Statement 2 is gone, a new one appears with a high rate.
        after.statements.erase(after.statements.begin() + 1);
        after.statements.push_back(fixture::statement(9, 240000, 10, "SELECT slow()"));
        // 4242 is gone (committed), 4300 is still there, a new root appears.
        after.rootBlockers.erase(after.rootBlockers.begin());
        RootBlocker r;
        r.pid = 8000;
        r.blockedTotal = 3;
        r.state = "active";
        after.rootBlockers.push_back(r);
        after.connections.total = 20;
        after.connections.byState = {{"active", 5}, {"idle", 15}};
        after.server.settings["work_mem"] = "64MB";
        after.server.settings["dbtriage_session.lock_timeout"] = "1s";
        after.server.settings.erase("lock_timeout");

        const Comparison c = compareSnapshots(before, after, 10);
        QVERIFY(c.sameServer);
        QCOMPARE(c.statementUnit, std::string("ms per second of window"));
        QVERIFY(c.statements.size() >= 2);
        QCOMPARE(c.statements[0].query, std::string("SELECT slow()"));
        QVERIFY(c.statements[0].onlyAfter);
        QCOMPARE(c.statements[0].after, 2000.0); // 240,000 ms over 120 s
        QCOMPARE(c.statements[1].query, std::string("UPDATE orders SET status = $1 WHERE id = $2"));
        QVERIFY(c.statements[1].onlyBefore);
        for (const StatementChange& ch : c.statements)
            QVERIFY(ch.query != "SELECT * FROM orders WHERE customer_id = $1"); // unchanged rate
        QCOMPARE(c.blockersGone.size(), std::size_t(1));
        QCOMPARE(c.blockersGone[0].pid, std::int64_t(4242));
        QCOMPARE(c.blockersNew.size(), std::size_t(1));
        QCOMPARE(c.blockersNew[0].pid, std::int64_t(8000));
        QCOMPARE(c.blockersStill.size(), std::size_t(1));
        QCOMPARE(c.settings.size(), std::size_t(2));
        QCOMPARE(c.settings[0].name, std::string("lock_timeout"));
        QVERIFY(!c.settings[0].after);
        QCOMPARE(c.settings[1].name, std::string("work_mem"));

        const std::string text = renderComparisonText(c);
        QVERIFY(text.find("Connections: 64 of 97 usable before, 20 of 97 after (-44)") !=
                std::string::npos);
        QVERIFY(text.find("Root blockers: 1 new, 1 gone, 1 still there") != std::string::npos);
        QVERIFY(text.find("work_mem: 4MB → 64MB") != std::string::npos);
        QVERIFY(text.find("lock_timeout: 0 → (not read)") != std::string::npos);
        const nlohmann::json j = comparisonToJson(c);
        QCOMPARE(j["root_blockers"]["gone"][0]["pid"].get<int>(), 4242);
    }

    void sampleDeltas() {
        const std::vector<SnapshotPtr> samples = fixture::samples();
        Snapshot changed = *samples[2];
        changed.statements[0].calls += 5;                    // one field of one statement
        changed.statements.push_back(changed.statements[1]); // a key twice
        changed.statements.back().calls = 1;
        changed.statements.erase(changed.statements.begin() + 2); // one gone
        changed.sessions[3].state = "idle";                       // one session changes
        changed.sessions.push_back(fixture::session(9999, "active", "new", "SELECT 1", 1));
        const nlohmann::json previous = snapshotToJson(*samples[1]);
        const nlohmann::json full = snapshotToJson(changed);
        const nlohmann::json delta = deltaOfPrevious(previous, full);
        QVERIFY(delta["delta_of_previous_sample"].get<bool>());
        QVERIFY(dumpJson(delta, -1).size() < dumpJson(full, -1).size() / 2);
        // Unchanged entries keep only their key; a changed one its key and what changed.
        QCOMPARE(delta["sessions"][0].size(), std::size_t(1));
        QCOMPARE(delta["statements"][0].size(), std::size_t(4)); // id, database, user, calls
        QCOMPARE(delta["sessions"].back().size(), full["sessions"].back().size());
        // Exactly the full document again.
        QVERIFY(expandDelta(previous, delta) == full);
        QCOMPARE(dumpJson(snapshotToJson(snapshotFromJson(expandDelta(previous, delta)))),
                 dumpJson(full));
        // A first sample (no marker) is returned as it is.
        QVERIFY(expandDelta(nlohmann::json(), full) == full);
        nlohmann::json bad = delta;
        bad["delta_of_previous_sample"] = "yes";
        QVERIFY_THROWS_EXCEPTION(FormatError, expandDelta(previous, bad));
    }

    void compareMixedScopes() {
        Snapshot before = fixture::snapshot();
        before.statementScope = StatementScope::Cumulative;
        const Comparison c = compareSnapshots(before, fixture::snapshot());
        QVERIFY(c.statementNote.find("not directly comparable") != std::string::npos);
    }
};

QTEST_APPLESS_MAIN(TestBundleCore)
#include "tst_bundle_core.moc"
