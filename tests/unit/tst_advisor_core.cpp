// Index advisor core: what each statement asks of its tables (parse tree walk), the candidates
// built from that, identifier quoting in the DDL, and the greedy workload choice.
#include "advisor/candidates.h"
#include "advisor/querymodel.h"

#include <QTest>
#include <string>

using namespace dbt::advisor;

Q_DECLARE_METATYPE(std::string)

namespace {

std::string join(const std::vector<std::string>& v) {
    std::string out;
    for (const auto& s : v)
        out += (out.empty() ? "" : ",") + s;
    return out;
}

// "t:eq=a,b;range=c;join=d;order=e desc;limit=10;gin=j;trgm=s" for the use of table `name`.
std::string describe(const QueryShape& shape, const std::string& name) {
    std::string out;
    for (const auto& u : shape.tables) {
        if (u.table != name)
            continue;
        std::string d = u.table + ":";
        if (!u.equality.empty())
            d += "eq=" + join(u.equality) + ";";
        if (!u.range.empty())
            d += "range=" + join(u.range) + ";";
        if (!u.joinKeys.empty())
            d += "join=" + join(u.joinKeys) + ";";
        if (!u.orderBy.empty()) {
            d += "order=";
            for (std::size_t i = 0; i < u.orderBy.size(); ++i)
                d +=
                    (i ? "," : "") + u.orderBy[i].column + (u.orderBy[i].descending ? " desc" : "");
            d += ";";
        }
        if (u.hasLimit)
            d += "limit=" + (u.limit ? std::to_string(*u.limit) : std::string("$")) + ";";
        if (!u.containment.empty())
            d += "gin=" + join(u.containment) + ";";
        if (!u.leadingWildcard.empty())
            d += "trgm=" + join(u.leadingWildcard) + ";";
        if (!u.updated.empty())
            d += "upd=" + join(u.updated) + ";";
        out += (out.empty() ? "" : " | ") + d;
    }
    return out;
}

} // namespace

class TestAdvisorCore : public QObject {
    Q_OBJECT

private slots:
    void shape_data() {
        QTest::addColumn<std::string>("sql");
        QTest::addColumn<std::string>("table");
        QTest::addColumn<std::string>("expected");
        QTest::newRow("equality, range, order, limit")
            << std::string("SELECT * FROM orders o WHERE o.customer_id = $1 AND o.created_at > "
                           "$2 ORDER BY o.created_at DESC LIMIT 20")
            << std::string("orders")
            << std::string("orders:eq=customer_id;range=created_at;order=created_at desc;"
                           "limit=20;");
        QTest::newRow("IN, IS NULL, BETWEEN, unqualified")
            << std::string("SELECT id FROM t WHERE status IN ($1, $2) AND deleted_at IS NULL "
                           "AND amount BETWEEN $3 AND $4 LIMIT $5")
            << std::string("t") << std::string("t:eq=status,deleted_at;range=amount;limit=$;");
        QTest::newRow("join keys")
            << std::string("SELECT * FROM a JOIN b ON b.a_id = a.id WHERE a.kind = $1")
            << std::string("b") << std::string("b:join=a_id;");
        QTest::newRow("interval parameter rewritten")
            << std::string("SELECT count(*) FROM events e WHERE e.at > now() - interval $1 AND "
                           "e.kind = $2")
            << std::string("events") << std::string("events:eq=kind;range=at;");
        QTest::newRow("concatenated parameter in LIKE is a prefix")
            << std::string("SELECT * FROM users WHERE email LIKE $1 || '%'") << std::string("users")
            << std::string("users:range=email;");
        QTest::newRow("leading wildcard and containment")
            << std::string("SELECT * FROM docs WHERE title LIKE '%' || $1 AND tags @> $2")
            << std::string("docs") << std::string("docs:gin=tags;trgm=title;");
        QTest::newRow("CTE body and outer level")
            << std::string("WITH recent AS (SELECT * FROM orders WHERE placed_at >= $1) SELECT "
                           "c.name FROM recent r JOIN customers c ON c.id = r.customer_id WHERE "
                           "c.region = $2")
            << std::string("orders") << std::string("orders:range=placed_at;");
        QTest::newRow("subquery in FROM")
            << std::string("SELECT x.n FROM (SELECT count(*) n FROM items i WHERE i.sku = $1) x")
            << std::string("items") << std::string("items:eq=sku;");
        QTest::newRow("correlated EXISTS: inner join key")
            << std::string("SELECT * FROM a WHERE EXISTS (SELECT 1 FROM b WHERE b.a_id = a.id "
                           "AND b.flag = true)")
            << std::string("b") << std::string("b:eq=flag;join=a_id;");
        QTest::newRow("IN subquery")
            << std::string("SELECT * FROM a WHERE a.owner IN (SELECT id FROM u WHERE u.team = $1)")
            << std::string("a") << std::string("a:join=owner;");
        QTest::newRow("UPDATE and DELETE")
            << std::string("UPDATE accounts SET balance = balance + $1 WHERE aid = $2")
            << std::string("accounts") << std::string("accounts:eq=aid;upd=balance;");
        QTest::newRow("quoted identifiers")
            << std::string("SELECT * FROM \"Kunden\" k WHERE k.\"Straße\" = $1")
            << std::string("Kunden") << std::string("Kunden:eq=Straße;");
        QTest::newRow("OR gives nothing") << std::string("SELECT * FROM t WHERE a = $1 OR b = $2")
                                          << std::string("t") << std::string("t:");
        QTest::newRow("expression on the column gives nothing")
            << std::string("SELECT * FROM t WHERE lower(a) = $1 AND b::text = $2")
            << std::string("t") << std::string("t:");
    }

    void shape() {
        QFETCH(std::string, sql);
        QFETCH(std::string, table);
        QFETCH(std::string, expected);
        const QueryShape s = analyzeQuery(sql);
        QVERIFY2(s.parsed, s.error.c_str());
        QCOMPARE(describe(s, table), expected);
    }

    void unqualifiedWithSeveralTables() {
        const std::string sql = "SELECT * FROM a JOIN b ON b.a_id = a.id WHERE kind = $1";
        QCOMPARE(describe(analyzeQuery(sql), "a"), std::string("a:join=id;"));
        QVERIFY(!analyzeQuery(sql).notes.empty());
        const auto lookup = [](const std::string& t) {
            return t == "a" ? std::vector<std::string>{"id", "kind"}
                            : std::vector<std::string>{"a_id"};
        };
        QCOMPARE(describe(analyzeQuery(sql, lookup), "a"), std::string("a:eq=kind;join=id;"));
    }

    void notParsed() {
        const QueryShape s = analyzeQuery("SELEC * FROM t");
        QVERIFY(!s.parsed);
        QVERIFY(!s.error.empty());
    }

    void fingerprintMergesParameters() {
        QCOMPARE(fingerprint("SELECT * FROM t WHERE a = $1"),
                 fingerprint("SELECT * FROM t WHERE a = 5"));
        QVERIFY(fingerprint("SELECT * FROM t WHERE a = $1") !=
                fingerprint("SELECT * FROM t WHERE b = $1"));
        QVERIFY(!fingerprint("SELECT 1 FROM t WHERE x > now() - interval $1").empty());
    }

    void quoting_data() {
        QTest::addColumn<std::string>("name");
        QTest::addColumn<std::string>("pg");
        QTest::addColumn<std::string>("my");
        QTest::newRow("plain") << std::string("orders") << std::string("orders")
                               << std::string("`orders`");
        QTest::newRow("upper case")
            << std::string("Orders") << std::string("\"Orders\"") << std::string("`Orders`");
        QTest::newRow("keyword") << std::string("order") << std::string("\"order\"")
                                 << std::string("`order`");
        QTest::newRow("unreserved keyword")
            << std::string("name") << std::string("name") << std::string("`name`");
        QTest::newRow("embedded quote")
            << std::string("a\"b`c") << std::string("\"a\"\"b`c\"") << std::string("`a\"b``c`");
        QTest::newRow("non-ASCII")
            << std::string("straße") << std::string("\"straße\"") << std::string("`straße`");
        QTest::newRow("leading digit")
            << std::string("1st") << std::string("\"1st\"") << std::string("`1st`");
        QTest::newRow("space") << std::string("a b") << std::string("\"a b\"")
                               << std::string("`a b`");
    }

    void quoting() {
        QFETCH(std::string, name);
        QFETCH(std::string, pg);
        QFETCH(std::string, my);
        QCOMPARE(quoteIdentPg(name), pg);
        QCOMPARE(quoteIdentMy(name), my);
    }

    void candidatesOrderedBySelectivity() {
        const QueryShape s = analyzeQuery(
            "SELECT * FROM orders WHERE status = $1 AND customer_id = $2 ORDER BY placed_at DESC "
            "LIMIT 10");
        QVERIFY(s.parsed);
        TableInfo info;
        info.schema = "public";
        info.name = "orders";
        info.rows = 1e6;
        info.columns["status"] = {5, 0, 0.6, "text", true, true};
        info.columns["customer_id"] = {-0.01, 0, 0.001, "integer", true, true};
        info.columns["placed_at"] = {-0.9, 0, 0, "timestamp with time zone", true, true};
        const auto cands = candidatesFor(s.tables.at(0), &info);
        std::vector<std::string> got;
        for (const auto& c : cands)
            got.push_back(join(c.columns) + "/" + c.reason);
        const std::vector<std::string> expected = {
            "customer_id/equality", "status/equality",
            "customer_id,status/equality columns, most selective first",
            "customer_id,status,placed_at/equality + ORDER BY"};
        QCOMPARE(got, expected);
        // ORDER BY all DESC: a btree is read backwards, so no DESC in the DDL
        QCOMPARE(ddl(cands.back(), Dialect::PostgreSQL),
                 std::string("CREATE INDEX CONCURRENTLY idx_orders_customer_id_status_placed_at ON "
                             "public.orders (customer_id, status, placed_at);"));
    }

    void existingPrefixAndTypesDropped() {
        const QueryShape s =
            analyzeQuery("SELECT * FROM t WHERE a = $1 AND b = $2 AND doc = $3 AND pos = $4");
        TableInfo info;
        info.name = "t";
        info.rows = 1000;
        info.columns["a"] = {-1, 0, 0, "integer", true, true};
        info.columns["b"] = {-0.5, 0, 0, "integer", true, true};
        info.columns["doc"] = {-0.5, 0, 0, "json", false, true};
        info.columns["pos"] = {-0.5, 0, 0, "point", false, true};
        info.indexes.push_back({"t_a_b", {"a", "b"}, false, false, false, "btree"});
        const auto cands = candidatesFor(s.tables.at(0), &info);
        for (const auto& c : cands) {
            QVERIFY2(c.columns != std::vector<std::string>({"a"}), "a is covered by t_a_b");
            QVERIFY2(c.columns != std::vector<std::string>({"a", "b"}), "a,b is covered");
            for (const auto& col : c.columns)
                QVERIFY2(col != "doc" && col != "pos", "no btree opclass");
        }
        QCOMPARE(cands.size(), std::size_t(1)); // b alone
        QCOMPARE(cands[0].columns, std::vector<std::string>({"b"}));
    }

    void prefixLikeGetsPatternOps() {
        const QueryShape s = analyzeQuery("SELECT * FROM \"Users\" WHERE \"E-Mail\" LIKE 'ab%'");
        const auto cands = candidatesFor(s.tables.at(0), nullptr);
        QCOMPARE(cands.size(), std::size_t(1));
        QCOMPARE(ddl(cands[0], Dialect::PostgreSQL),
                 std::string("CREATE INDEX CONCURRENTLY \"idx_Users_E-Mail\" ON \"Users\" "
                             "(\"E-Mail\" text_pattern_ops);"));
        QCOMPARE(ddl(cands[0], Dialect::MySQL),
                 std::string("ALTER TABLE `Users` ADD INDEX `idx_Users_E-Mail` (`E-Mail`), "
                             "ALGORITHM=INPLACE, LOCK=NONE;"));
    }

    void ginHints() {
        const QueryShape s =
            analyzeQuery("SELECT * FROM docs WHERE tags @> $1 AND body LIKE '%x%'");
        const auto cands = candidatesFor(s.tables.at(0), nullptr);
        QCOMPARE(cands.size(), std::size_t(2));
        QVERIFY(cands[0].hintOnly && cands[1].hintOnly);
        QCOMPARE(
            ddl(cands[0], Dialect::PostgreSQL),
            std::string("CREATE INDEX CONCURRENTLY idx_docs_tags_gin ON docs USING gin (tags);"));
        QCOMPARE(ddl(cands[1], Dialect::PostgreSQL),
                 std::string("CREATE INDEX CONCURRENTLY idx_docs_body_trgm ON docs USING gin (body "
                             "gin_trgm_ops);"));
    }

    void indexNameCutAtUtf8Boundary() {
        Candidate c;
        c.table = std::string(60, 'x');
        c.columns = {"\xc3\xa4\xc3\xa4"}; // ää
        const std::string n = indexName(c);
        QVERIFY(n.size() <= 63);
        QCOMPARE(n.size(), std::size_t(63)); // "idx_" + 60 x = 64 > 63: cut inside the table name
        c.table = "t";
        c.columns = {std::string(56, 'y') + "\xc3\xa4\xc3\xa4"};
        const std::string m = indexName(c);
        QVERIFY(m.size() <= 63);
        QVERIFY((static_cast<unsigned char>(m.back()) & 0xC0) != 0xC0); // no dangling lead byte
    }

    void acceptance() {
        QVERIFY(acceptSingle(1000, 500));
        QVERIFY(!acceptSingle(1000, 600));
        QVERIFY(acceptMulti(100, 80));
        QVERIFY(!acceptMulti(100, 95));
    }

    void greedy() {
        // A helps s1 a lot, B helps s1 a little less and s2; C adds almost nothing after A.
        std::vector<Evaluated> all(3);
        all[0].candidate.columns = {"a"};
        all[0].sizeBytes = 1 << 20;
        all[0].effects = {{"s1", 100, 1000, 10}};
        all[1].candidate.columns = {"b"};
        all[1].sizeBytes = 1 << 20;
        all[1].effects = {{"s1", 100, 1000, 20}, {"s2", 10, 500, 50}};
        all[2].candidate.columns = {"c"};
        all[2].sizeBytes = 1 << 20;
        all[2].effects = {{"s1", 100, 1000, 9}};
        const auto chosen = chooseGreedy(all);
        // B first (98,000 + 4,500), then nothing adds 5 % of that: A saves only 1,000 more on s1.
        QCOMPARE(chosen, std::vector<std::size_t>({1}));
        // A large index scores per MB: the small one wins when the saving is similar.
        all[1].sizeBytes = 100.0 * (1 << 20);
        QCOMPARE(chooseGreedy(all).front(), std::size_t(2));
    }
};

QTEST_APPLESS_MAIN(TestAdvisorCore)
#include "tst_advisor_core.moc"
