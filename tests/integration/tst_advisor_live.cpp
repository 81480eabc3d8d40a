// The index advisor on the sandbox PostgreSQL (scripts/sandbox start; variables from its env
// file). The workload runs through pgbench in prepared mode, so pg_stat_statements holds `$n`
// texts, with `interval $1` and concatenated parameters, exactly as the advisor meets them.
#include "advisor/pgadvisor.h"
#include "advisor/querymodel.h"
#include "i18n/messagetext.h"
#include "translationcheck.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <cstdlib>
#include <libpq-fe.h>
#include <string>
#include <vector>

using namespace dbt;
using namespace dbt::advisor;

namespace {

std::string env(const char* name) {
    const char* v = std::getenv(name);
    return v ? std::string(v) : std::string();
}

std::string withDatabase(const std::string& uri, const std::string& db) {
    const auto slash = uri.rfind('/');
    const auto query = uri.find('?', slash);
    return uri.substr(0, slash + 1) + db + (query == std::string::npos ? "" : uri.substr(query));
}

class Conn {
public:
    explicit Conn(const std::string& uri) {
        const char* keys[] = {"dbname", nullptr};
        const char* vals[] = {uri.c_str(), nullptr};
        conn_ = PQconnectdbParams(keys, vals, 1);
    }
    ~Conn() { PQfinish(conn_); }
    Conn(const Conn&) = delete;
    Conn& operator=(const Conn&) = delete;
    bool ok() const { return PQstatus(conn_) == CONNECTION_OK; }
    // Rows of the result, fields joined with '|'; empty with a warning on failure.
    std::vector<std::string> rows(const std::string& sql) {
        std::vector<std::string> out;
        PGresult* r = PQexec(conn_, sql.c_str());
        const auto st = PQresultStatus(r);
        if (st != PGRES_TUPLES_OK && st != PGRES_COMMAND_OK)
            qWarning("%s: %s", sql.c_str(), PQresultErrorMessage(r));
        for (int i = 0; st == PGRES_TUPLES_OK && i < PQntuples(r); ++i) {
            std::string row;
            for (int j = 0; j < PQnfields(r); ++j)
                row += (j ? "|" : "") + std::string(PQgetvalue(r, i, j));
            out.push_back(row);
        }
        PQclear(r);
        return out;
    }
    bool exec(const std::string& sql) {
        PGresult* r = PQexec(conn_, sql.c_str());
        const auto st = PQresultStatus(r);
        const bool good = st == PGRES_TUPLES_OK || st == PGRES_COMMAND_OK;
        if (!good)
            qWarning("%s: %s", sql.c_str(), PQresultErrorMessage(r));
        PQclear(r);
        return good;
    }

private:
    PGconn* conn_ = nullptr;
};

const char* kSetup = R"(
DROP SCHEMA IF EXISTS advlive CASCADE;
CREATE SCHEMA advlive;
CREATE TABLE advlive.orders (id bigserial PRIMARY KEY, customer_id int NOT NULL,
  status text NOT NULL, created_at timestamptz NOT NULL, amount numeric);
INSERT INTO advlive.orders (customer_id, status, created_at, amount)
SELECT (g * 7919) % 20000, (ARRAY['new','paid','shipped','done'])[1 + (g % 4)],
  now() - (g % 100000) * interval '1 minute', g % 1000 FROM generate_series(1, 200000) g;
CREATE INDEX orders_created_at ON advlive.orders (created_at);
CREATE INDEX orders_created_at_copy ON advlive.orders (created_at);
CREATE INDEX orders_amount_unused ON advlive.orders (amount);
CREATE TABLE advlive."Kunden" ("KundenNr" int, "Straße" text, "Ort" text);
INSERT INTO advlive."Kunden" SELECT g, 'Straße ' || g, 'Ort ' || (g % 50)
FROM generate_series(1, 100000) g;
CREATE TABLE advlive."we""ird" (id int, "Order" int, payload text);
INSERT INTO advlive."we""ird" SELECT g, g, 'p' || g FROM generate_series(1, 100000) g;
ANALYZE advlive.orders; ANALYZE advlive."Kunden"; ANALYZE advlive."we""ird";
GRANT USAGE ON SCHEMA advlive TO dbtriage_monitor;
GRANT SELECT ON ALL TABLES IN SCHEMA advlive TO dbtriage_monitor;
)";

// pgbench -M prepared turns :c into $1 and pg_stat_statements the constants into $n.
const char* kScript = R"(\set c random(1, 20000)
\set k random(1, 100000)
SELECT id, amount FROM advlive.orders WHERE customer_id = :c;
SELECT * FROM advlive.orders WHERE status = 'paid' LIMIT 1;
SELECT count(*) FROM advlive.orders o WHERE o.created_at > now() - interval '5 minutes';
SELECT "Ort" FROM advlive."Kunden" WHERE "Straße" = 'Straße ' || :k;
SELECT payload FROM advlive."we""ird" WHERE "Order" = :k;
)";

const Proposal* find(const Advice& a, const std::string& table,
                     const std::vector<std::string>& columns) {
    for (const auto& p : a.proposals)
        if (p.candidate.table == table && p.candidate.columns == columns)
            return &p;
    return nullptr;
}

bool proposesColumn(const Advice& a, const std::string& table, const std::string& column) {
    for (const auto& p : a.proposals)
        if (p.candidate.table == table && !p.candidate.columns.empty() &&
            p.candidate.columns.front() == column)
            return true;
    return false;
}

} // namespace

class TestAdvisorLive : public QObject {
    Q_OBJECT

    std::string admin_, monitor_;
    std::vector<WorkloadStatement> workload_;
    Advice advice_;
    std::string indexesBefore_;

private slots:
    void initTestCase() {
        admin_ = env("DBTRIAGE_PG_ADMIN_URI");
        monitor_ = env("DBTRIAGE_PG_MONITOR_URI");
        if (admin_.empty() || monitor_.empty())
            QSKIP("DBTRIAGE_PG_ADMIN_URI / DBTRIAGE_PG_MONITOR_URI are not set: start "
                  "scripts/sandbox and source its env file.");
        Conn c(admin_);
        QVERIFY(c.ok());
        QVERIFY(c.exec(kSetup));
        QVERIFY(c.exec("SELECT pg_stat_statements_reset()"));

        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString script = dir.filePath(QStringLiteral("workload.sql"));
        QFile f(script);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(kScript);
        f.close();
        QProcess pgbench;
        pgbench.start(QStringLiteral("pgbench"),
                      {QStringLiteral("-n"), QStringLiteral("-M"), QStringLiteral("prepared"),
                       QStringLiteral("-f"), script, QStringLiteral("-t"), QStringLiteral("20"),
                       QString::fromStdString(admin_)});
        QVERIFY(pgbench.waitForFinished(300000));
        QVERIFY2(pgbench.exitCode() == 0, pgbench.readAllStandardError().constData());

        for (const auto& row :
             c.rows("SELECT queryid, calls, total_exec_time, query FROM pg_stat_statements "
                    "WHERE query LIKE '%advlive.%' AND query NOT LIKE '%pg_stat_statements%' "
                    "AND toplevel ORDER BY total_exec_time DESC")) {
            const auto a = row.find('|');
            const auto b = row.find('|', a + 1);
            const auto d = row.find('|', b + 1);
            WorkloadStatement w;
            w.id = row.substr(0, a);
            w.calls = std::stod(row.substr(a + 1, b - a - 1));
            w.totalTimeMs = std::stod(row.substr(b + 1, d - b - 1));
            w.query = row.substr(d + 1);
            w.share = 0.2;
            workload_.push_back(w);
        }
        QCOMPARE(workload_.size(), std::size_t(5));
        bool sawInterval = false;
        bool sawConcat = false;
        for (const auto& w : workload_) {
            sawInterval |= w.query.find("interval $") != std::string::npos;
            sawConcat |= w.query.find("$2 || $1") != std::string::npos ||
                         w.query.find("$1 || $2") != std::string::npos;
        }
        QVERIFY2(sawInterval, "pg_stat_statements should hold interval $n");
        QVERIFY2(sawConcat, "pg_stat_statements should hold a concatenation of parameters");

        indexesBefore_ = c.rows("SELECT string_agg(indexname, ',' ORDER BY indexname) FROM "
                                "pg_indexes WHERE schemaname = 'advlive'")
                             .at(0);
        AdvisorOptions options;
        options.connect.target = monitor_;
        advice_ = advisePostgres(options, workload_);
    }

    void adviceInGerman() { dbt::test::verifyAdviceGerman(advice_); }

    void selectivePredicateValidated() {
        const Proposal* p = find(advice_, "orders", {"customer_id"});
        QVERIFY2(p, adviceToText(advice_).c_str());
        QCOMPARE(p->method, std::string("hypopg"));
        QCOMPARE(p->ddl, std::string("CREATE INDEX CONCURRENTLY idx_orders_customer_id ON "
                                     "advlive.orders (customer_id);"));
        QVERIFY(p->sizeBytes && *p->sizeBytes > 1e6);
        QCOMPARE(p->statements.size(), std::size_t(1));
        QVERIFY(p->statements[0].usesIndex);
        QVERIFY(p->statements[0].costAfter);
        QVERIFY(*p->statements[0].costAfter <= p->statements[0].costBefore * 0.5);
    }

    void nothingForNonSelectiveOrIndexed() {
        QVERIFY2(!proposesColumn(advice_, "orders", "status"), adviceToText(advice_).c_str());
        QVERIFY2(!proposesColumn(advice_, "orders", "created_at"), adviceToText(advice_).c_str());
        QVERIFY(advice_.proposals.size() == 3);
    }

    void identifiersQuoted() {
        const Proposal* k = find(advice_, "Kunden", {"Straße"});
        QVERIFY2(k, adviceToText(advice_).c_str());
        QCOMPARE(k->ddl, std::string("CREATE INDEX CONCURRENTLY \"idx_Kunden_Straße\" ON "
                                     "advlive.\"Kunden\" (\"Straße\");"));
        const Proposal* w = find(advice_, "we\"ird", {"Order"});
        QVERIFY2(w, adviceToText(advice_).c_str());
        QCOMPARE(w->ddl, std::string("CREATE INDEX CONCURRENTLY \"idx_we\"\"ird_Order\" ON "
                                     "advlive.\"we\"\"ird\" (\"Order\");"));
        // The DDL is valid SQL: it parses.
        for (const auto& p : advice_.proposals)
            QVERIFY2(!fingerprint(p.ddl).empty(), p.ddl.c_str());
    }

    void unusedAndRedundant() {
        bool unused = false;
        for (const auto& u : advice_.unused)
            unused |= u.name == "orders_amount_unused";
        QVERIFY(unused);
        for (const auto& u : advice_.unused)
            QVERIFY2(u.name != "orders_pkey", "primary keys are never unused");
        bool copy = false;
        for (const auto& r : advice_.redundant)
            copy |= (r.name == "orders_created_at_copy" && r.coveredBy == "orders_created_at" &&
                     r.kind == "duplicate");
        QVERIFY(copy);
        QVERIFY(advice_.explains > 5);
    }

    void nothingLeftBehind() {
        Conn c(admin_);
        QCOMPARE(c.rows("SELECT string_agg(indexname, ',' ORDER BY indexname) FROM pg_indexes "
                        "WHERE schemaname = 'advlive'")
                     .at(0),
                 indexesBefore_);
        // The monitor role sent no DDL, and its session is gone with its hypothetical indexes.
        QCOMPARE(c.rows("SELECT count(*) FROM pg_stat_statements s JOIN pg_roles r ON r.oid = "
                        "s.userid WHERE r.rolname = 'dbtriage_monitor' AND s.query ~* "
                        "'^\\s*(/\\*.*\\*/)?\\s*(create|drop|alter)'")
                     .at(0),
                 std::string("0"));
        QCOMPARE(c.rows("SELECT count(*) FROM pg_stat_activity WHERE usename = "
                        "'dbtriage_monitor' AND application_name = 'dbtriage'")
                     .at(0),
                 std::string("0"));
    }

    void heuristicWithoutHypopg() {
        const std::string nopss = env("DBTRIAGE_PG_NOPSS_URI");
        if (nopss.empty())
            QSKIP("DBTRIAGE_PG_NOPSS_URI is not set");
        {
            Conn c(withDatabase(admin_, "dbtriage_nopss"));
            QVERIFY(c.ok());
            QVERIFY(c.exec(kSetup));
        }
        AdvisorOptions options;
        options.connect.target = nopss;
        std::vector<WorkloadStatement> w = {
            {"1", "SELECT id, amount FROM advlive.orders WHERE customer_id = $1", "", 10, 100, 0.5},
            {"2", "SELECT * FROM advlive.orders WHERE status = $1", "", 10, 100, 0.5}};
        const Advice a = advisePostgres(options, w);
        const Proposal* p = find(a, "orders", {"customer_id"});
        QVERIFY2(p, adviceToText(a).c_str());
        QCOMPARE(p->method, std::string("heuristic"));
        QVERIFY(!p->statements.at(0).costAfter);
        bool labelled = false;
        for (const auto& c : p->caveats)
            labelled |= c.find("not validated") != std::string::npos;
        QVERIFY(labelled);
        QVERIFY(!proposesColumn(a, "orders", "status"));
        bool told = false;
        for (const auto& n : a.notes)
            told |= n.find("CREATE EXTENSION hypopg") != std::string::npos;
        QVERIFY2(told, "the note names the CREATE EXTENSION command");
        dbt::test::verifyAdviceGerman(a);
        Conn c(withDatabase(admin_, "dbtriage_nopss"));
        QCOMPARE(c.rows("SELECT count(*) FROM pg_extension WHERE extname = 'hypopg'").at(0),
                 std::string("0"));
    }

    void multiColumnBeatsBestSingle() {
        Conn c(admin_);
        // 200 tenants of 1000 rows each; ref_no unique.
        QVERIFY(c.exec("DROP TABLE IF EXISTS advlive.events; CREATE TABLE advlive.events (id "
                       "bigserial PRIMARY KEY, tenant_id int NOT NULL, ref_no int NOT NULL, "
                       "created_at timestamptz NOT NULL, payload text); INSERT INTO "
                       "advlive.events (tenant_id, ref_no, created_at, payload) SELECT g % 200, "
                       "g, now() - (g * 7 % 200000) * interval '1 minute', 'p' || g FROM "
                       "generate_series(1, 200000) g; ANALYZE advlive.events; GRANT SELECT ON "
                       "advlive.events TO dbtriage_monitor;"));
        AdvisorOptions options;
        options.connect.target = monitor_;
        std::vector<WorkloadStatement> w = {
            {"m1",
             "SELECT id, payload FROM advlive.events WHERE tenant_id = $1 AND created_at > $2 "
             "ORDER BY created_at LIMIT 20",
             "", 100, 1000, 0.5},
            {"s1", "SELECT payload FROM advlive.events WHERE ref_no = $1 AND tenant_id = $2", "",
             100, 1000, 0.5}};
        const Advice a = advisePostgres(options, w);
        const std::string text = adviceToText(a);
        dbt::test::verifyAdviceGerman(a);
        // The two-column index, equality first, validated by HypoPG, chosen for m1.
        const Proposal* multi = find(a, "events", {"tenant_id", "created_at"});
        QVERIFY2(multi, text.c_str());
        QCOMPARE(multi->method, std::string("hypopg"));
        QCOMPARE(multi->statements.size(), std::size_t(1));
        QCOMPARE(multi->statements[0].id, std::string("m1"));
        QVERIFY(multi->statements[0].usesIndex);
        QVERIFY(multi->statements[0].costAfter);
        QVERIFY(*multi->statements[0].costAfter <= multi->statements[0].costBefore * 0.2);
        QVERIFY2(!find(a, "events", {"created_at", "tenant_id"}), text.c_str());
        // No single column serves m1 once the two-column index is chosen.
        for (const auto& p : a.proposals)
            for (const auto& s : p.statements)
                if (s.id == "m1")
                    QVERIFY2(&p == multi, text.c_str());
        // s1: ref_no alone finds the one row; no two-column candidate is chosen for it.
        const Proposal* single = find(a, "events", {"ref_no"});
        QVERIFY2(single, text.c_str());
        QCOMPARE(single->method, std::string("hypopg"));
        for (const auto& p : a.proposals)
            if (p.candidate.table == "events" && p.candidate.columns.size() > 1)
                for (const auto& s : p.statements)
                    QVERIFY2(s.id != "s1", text.c_str());
        c.exec("DROP TABLE advlive.events");
    }

    void progressAndCancel() {
        AdvisorOptions options;
        options.connect.target = monitor_;
        std::vector<std::pair<int, int>> seen;
        options.progress = [&](int done, int total, const std::string&) {
            seen.emplace_back(done, total);
        };
        int polls = 0;
        // Cancelled after the first statement: the second is not explained.
        options.cancelled = [&] { return ++polls > 1; };
        const Advice a = advisePostgres(options, workload_);
        QVERIFY(!seen.empty());
        QCOMPARE(seen.front(), std::make_pair(0, int(workload_.size())));
        QCOMPARE(seen.back(), std::make_pair(int(workload_.size()), int(workload_.size())));
        bool noted = false;
        for (const auto& n : a.notes)
            noted |= n.find("Cancelled after 1 of 5") != std::string::npos;
        QVERIFY2(noted, adviceToText(a).c_str());
        QCOMPARE(a.statementsConsidered, 1);
        dbt::test::verifyAdviceGerman(a);
    }

    void cleanupTestCase() {
        if (admin_.empty())
            return;
        Conn c(admin_);
        c.exec("DROP SCHEMA IF EXISTS advlive CASCADE");
        Conn d(withDatabase(admin_, "dbtriage_nopss"));
        d.exec("DROP SCHEMA IF EXISTS advlive CASCADE");
    }
};

QTEST_GUILESS_MAIN(TestAdvisorLive)
#include "tst_advisor_live.moc"
