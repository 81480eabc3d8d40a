// Statement checks before EXPLAIN: which statements ANALYZE may run (plain SELECT only),
// $n parameter numbers, the rewrite of forms PREPARE rejects, and MySQL digest placeholders.
#include "plans/statement.h"

#include <QTest>

using namespace dbt::plans;

class TestPlanStatement : public QObject {
    Q_OBJECT
private slots:
    void postgresClassify_data();
    void postgresClassify();
    void postgresParams_data();
    void postgresParams();
    void rewrite_data();
    void rewrite();
    void rewriteRefusesWithoutParams();
    void mysqlClassify_data();
    void mysqlClassify();
    void mysqlFill_data();
    void mysqlFill();
};

void TestPlanStatement::postgresClassify_data() {
    QTest::addColumn<QString>("sql");
    QTest::addColumn<bool>("parsed");
    QTest::addColumn<bool>("plain");
    QTest::addColumn<QString>("reasonPart"); // a word the refusal must contain

    QTest::newRow("select") << "SELECT 1" << true << true << "";
    QTest::newRow("select join") << "select a.x from a join b using (id) where b.y > 3" << true
                                 << true << "";
    QTest::newRow("union") << "SELECT 1 UNION ALL SELECT 2" << true << true << "";
    QTest::newRow("read cte") << "WITH t AS (SELECT 1 AS x) SELECT x FROM t" << true << true << "";
    QTest::newRow("trailing semicolon") << "SELECT 1;" << true << true << "";
    QTest::newRow("insert") << "INSERT INTO t VALUES (1)" << true << false << "INSERT";
    QTest::newRow("update") << "UPDATE t SET x = 1" << true << false << "UPDATE";
    QTest::newRow("delete") << "DELETE FROM t" << true << false << "DELETE";
    QTest::newRow("create table as")
        << "CREATE TABLE x AS SELECT 1" << true << false << "CREATE TABLE AS";
    QTest::newRow("select into") << "SELECT 1 INTO newtable" << true << false << "INTO";
    QTest::newRow("for update") << "SELECT * FROM t FOR UPDATE" << true << false << "locks rows";
    QTest::newRow("for share in subquery")
        << "SELECT * FROM (SELECT * FROM t FOR SHARE) s" << true << false << "locks rows";
    QTest::newRow("for update in union arm")
        << "(SELECT 1 FROM t FOR UPDATE) UNION SELECT 2" << true << false << "locks rows";
    QTest::newRow("writing cte") << "WITH d AS (DELETE FROM t RETURNING *) SELECT * FROM d" << true
                                 << false << "data-modifying";
    QTest::newRow("two statements") << "SELECT 1; SELECT 2" << true << false << "2 statements";
    QTest::newRow("set") << "SET work_mem = '1GB'" << true << false << "VARIABLE SET";
    QTest::newRow("syntax error") << "SELEC 1" << false << false << "does not parse";
    // libpg_query's grammar accepts the normalised form the server's grammar refuses.
    QTest::newRow("interval param") << "SELECT now() - interval $1" << true << true << "";
}

void TestPlanStatement::postgresClassify() {
    QFETCH(QString, sql);
    QFETCH(bool, parsed);
    QFETCH(bool, plain);
    QFETCH(QString, reasonPart);
    const PgStatement st = inspectPostgres(sql.toStdString());
    QCOMPARE(st.parsed, parsed);
    QCOMPARE(st.plainSelect, plain);
    if (plain) {
        QVERIFY(st.refusal.empty());
    } else {
        const QString refusal = QString::fromStdString(st.refusal);
        QVERIFY2(refusal.contains(reasonPart), qPrintable(refusal));
        QVERIFY2(refusal.startsWith(QLatin1String("EXPLAIN ANALYZE executes the statement")),
                 qPrintable(refusal));
        QVERIFY(refusal.endsWith(QLatin1Char('.')));
    }
}

void TestPlanStatement::postgresParams_data() {
    QTest::addColumn<QString>("sql");
    QTest::addColumn<int>("highest");
    QTest::newRow("none") << "SELECT 1" << 0;
    QTest::newRow("one") << "SELECT * FROM t WHERE id = $1" << 1;
    QTest::newRow("gap") << "SELECT $3" << 3;
    QTest::newRow("ten") << "SELECT $1, $10, $2" << 10;
    QTest::newRow("in literal") << "SELECT '$5', $1" << 1;
    QTest::newRow("in comment") << "SELECT /* $7 */ $2 -- $9" << 2;
    QTest::newRow("dollar quote") << "SELECT $$ $4 $$, $1" << 1;
    QTest::newRow("unparsable") << "SELECT now() - interval $2" << 2;
}

void TestPlanStatement::postgresParams() {
    QFETCH(QString, sql);
    QFETCH(int, highest);
    QCOMPARE(highestPostgresParam(sql.toStdString()), highest);
    QCOMPARE(inspectPostgres(sql.toStdString()).highestParam, highest);
}

void TestPlanStatement::rewrite_data() {
    QTest::addColumn<QString>("sql");
    QTest::addColumn<QString>("expected");
    QTest::newRow("interval") << "SELECT count(*) FROM t WHERE ts > now() - interval $1"
                              << "SELECT count(*) FROM t WHERE ts > (now() - $1::interval)";
    QTest::newRow("two params, ten")
        << "SELECT * FROM t WHERE a = $1 AND b > timestamp $10 LIMIT $2"
        << "SELECT * FROM t WHERE a = $1 AND b > $10::timestamp LIMIT $2";
    QTest::newRow("marker-like text stays") << "SELECT 'dbtriage_param_1', interval $1"
                                            << "SELECT 'dbtriage_param_1', $1::interval";
}

void TestPlanStatement::rewrite() {
    QFETCH(QString, sql);
    QFETCH(QString, expected);
    const ParamRewrite rw = rewritePostgresParams(sql.toStdString());
    QVERIFY2(rw.ok, rw.error.c_str());
    QCOMPARE(QString::fromStdString(rw.sql), expected);
    // The result parses, and keeps its parameters.
    const PgStatement st = inspectPostgres(rw.sql);
    QVERIFY(st.parsed);
    QCOMPARE(st.highestParam, highestPostgresParam(sql.toStdString()));
}

void TestPlanStatement::rewriteRefusesWithoutParams() {
    QVERIFY(!rewritePostgresParams("SELECT 1").ok);
    const ParamRewrite broken = rewritePostgresParams("SELEC $1");
    QVERIFY(!broken.ok);
    QVERIFY(!broken.error.empty());
}

void TestPlanStatement::mysqlClassify_data() {
    QTest::addColumn<QString>("sql");
    QTest::addColumn<bool>("plain");
    QTest::addColumn<QString>("reasonPart");
    QTest::addColumn<int>("placeholders");
    QTest::newRow("digest select")
        << "SELECT `id` , `name` FROM `t` WHERE `id` = ? AND `x` IN (...)" << true << "" << 2;
    QTest::newRow("lower case, comment") << "/* hi */ select 1" << true << "" << 0;
    QTest::newRow("parenthesised") << "(SELECT 1) UNION (SELECT 2)" << true << "" << 0;
    QTest::newRow("with select") << "WITH a AS (SELECT 1) SELECT * FROM a" << true << "" << 0;
    QTest::newRow("string with keyword") << "SELECT 'for update; delete' FROM t" << true << "" << 0;
    QTest::newRow("quoted identifier") << "SELECT `update` FROM t" << true << "" << 0;
    QTest::newRow("insert") << "INSERT INTO t VALUES (?)" << false << "INSERT" << 1;
    QTest::newRow("update") << "UPDATE t SET a = ?" << false << "UPDATE" << 1;
    QTest::newRow("for update") << "SELECT * FROM t WHERE id = ? FOR UPDATE" << false
                                << "locks rows" << 1;
    QTest::newRow("lock in share mode")
        << "SELECT * FROM t LOCK IN SHARE MODE" << false << "locks rows" << 0;
    QTest::newRow("into outfile") << "SELECT * FROM t INTO OUTFILE '/tmp/x'" << false << "INTO"
                                  << 0;
    QTest::newRow("with delete") << "WITH a AS (SELECT 1) DELETE FROM t" << false << "DELETE" << 0;
    QTest::newRow("two statements") << "SELECT 1; DROP TABLE t" << false << "more than one" << 0;
    QTest::newRow("executable comment")
        << "SELECT * FROM t /*!40000 FOR UPDATE */" << false << "locks rows" << 0;
    QTest::newRow("hash comment hides nothing") << "SELECT 1 # FOR UPDATE" << true << "" << 0;
}

void TestPlanStatement::mysqlClassify() {
    QFETCH(QString, sql);
    QFETCH(bool, plain);
    QFETCH(QString, reasonPart);
    QFETCH(int, placeholders);
    const MysqlStatement st = inspectMysql(sql.toStdString());
    QCOMPARE(st.plainSelect, plain);
    QCOMPARE(st.placeholders, placeholders);
    const QString refusal = QString::fromStdString(st.refusal);
    if (plain)
        QVERIFY(refusal.isEmpty());
    else
        QVERIFY2(refusal.contains(reasonPart), qPrintable(refusal));
}

void TestPlanStatement::mysqlFill_data() {
    QTest::addColumn<QString>("sql");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<int>("count");
    QTest::newRow("none") << "SELECT 1"
                          << "SELECT 1" << 0;
    QTest::newRow("equality and list")
        << "SELECT * FROM `t` WHERE `id` = ? AND `k` IN (...)"
        << "SELECT * FROM `t` WHERE `id` = '1' AND `k` IN ('1')" << 2;
    QTest::newRow("limit") << "SELECT * FROM t WHERE a = ? LIMIT ?, ?"
                           << "SELECT * FROM t WHERE a = '1' LIMIT 1, 1" << 3;
    QTest::newRow("limit offset") << "SELECT * FROM t LIMIT ? OFFSET ?"
                                  << "SELECT * FROM t LIMIT 1 OFFSET 1" << 2;
    QTest::newRow("question mark in string stays") << "SELECT '?' , `a?` FROM t WHERE b = ?"
                                                   << "SELECT '?' , `a?` FROM t WHERE b = '1'" << 1;
}

void TestPlanStatement::mysqlFill() {
    QFETCH(QString, sql);
    QFETCH(QString, expected);
    QFETCH(int, count);
    int replaced = -1;
    QCOMPARE(QString::fromStdString(fillMysqlPlaceholders(sql.toStdString(), &replaced)), expected);
    QCOMPARE(replaced, count);
}

QTEST_APPLESS_MAIN(TestPlanStatement)
#include "tst_plan_statement.moc"
