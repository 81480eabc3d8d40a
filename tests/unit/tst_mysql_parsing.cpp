// The MySQL driver's pure parts: target URIs, SHOW GRANTS, the MDL matrices, preflight
// findings, MariaDB / 5.7 lock-wait rows, probe statuses.
#include "engines/engine.h"
#include "engines/mysql/mysqlrows.h"
#include "engines/mysql/mysqluri.h"

#include <QtTest>

using dbt::mysql::Row;
using dbt::mysql::Rows;
using dbt::mysql::SslMode;

namespace {

Row row(std::initializer_list<std::pair<const char*, const char*>> cells) {
    Row r;
    for (const auto& [k, v] : cells)
        r.columns.emplace_back(k, v ? std::optional<std::string>(v) : std::nullopt);
    return r;
}

} // namespace

class TestMysqlParsing : public QObject {
    Q_OBJECT

private slots:
    void uri() {
        const auto t = dbt::mysql::parseMysqlTarget(
            "mysql://mon%40itor:p%40ss%3Aw%2Fd@db.example.com:3307/shop%20db"
            "?ssl-mode=verify_identity&ssl-ca=%2Fetc%2Fca.pem&ssl_cert=c.pem&ssl-key=k.pem");
        QCOMPARE(t.scheme, std::string("mysql"));
        QCOMPARE(*t.user, std::string("mon@itor"));
        QCOMPARE(*t.password, std::string("p@ss:w/d"));
        QCOMPARE(t.host, std::string("db.example.com"));
        QCOMPARE(t.port, 3307u);
        QCOMPARE(t.database, std::string("shop db"));
        QCOMPARE(t.sslMode, SslMode::VerifyIdentity);
        QCOMPARE(t.sslCa, std::string("/etc/ca.pem"));
        QCOMPARE(t.sslCert, std::string("c.pem"));
        QCOMPARE(t.sslKey, std::string("k.pem"));

        const auto bare = dbt::mysql::parseMysqlTarget("mariadb://localhost");
        QCOMPARE(bare.scheme, std::string("mariadb"));
        QVERIFY(!bare.user && !bare.password);
        QCOMPARE(bare.port, 0u);
        QVERIFY(bare.database.empty());

        const auto sock = dbt::mysql::parseMysqlTarget(
            "mysql://u@/d?socket=%2Frun%2Fmysqld%2Fmysqld.sock&option-file=%2Fhome%2Fa%2Fmy.cnf");
        QVERIFY(sock.host.empty());
        QCOMPARE(sock.socket, std::string("/run/mysqld/mysqld.sock"));
        QCOMPARE(sock.optionFile, std::string("/home/a/my.cnf"));
        QVERIFY(!sock.password);

        const auto v6 = dbt::mysql::parseMysqlTarget("mysql://u:@[::1]:3306");
        QCOMPARE(v6.host, std::string("::1"));
        QCOMPARE(*v6.password, std::string()); // explicitly empty
        QCOMPARE(v6.port, 3306u);

        // An unencoded '/' or '?' in the password stays in the password.
        const auto raw = dbt::mysql::parseMysqlTarget("mysql://u:se/cr?et@h/db");
        QCOMPARE(*raw.password, std::string("se/cr?et"));
        QCOMPARE(raw.host, std::string("h"));
        QCOMPARE(raw.database, std::string("db"));
    }

    void badUri_data() {
        QTest::addColumn<QString>("uri");
        QTest::newRow("port") << "mysql://u:secretpw@h:99999/db";
        QTest::newRow("port text") << "mysql://u:secretpw@h:abc/db";
        QTest::newRow("percent") << "mysql://u:secret%zzpw@h/db";
        QTest::newRow("ssl mode") << "mysql://u:secretpw@h/db?ssl-mode=maybe";
        QTest::newRow("unknown key") << "mysql://u:secretpw@h/db?sslmod=REQUIRED";
        QTest::newRow("password key") << "mysql://u@h/db?password=secretpw";
        QTest::newRow("verify without ca") << "mysql://u:secretpw@h/db?ssl-mode=VERIFY_CA";
        QTest::newRow("scheme") << "postgres://u:secretpw@h/db";
    }
    void badUri() {
        QFETCH(QString, uri);
        try {
            dbt::mysql::parseMysqlTarget(uri.toStdString());
            QFAIL("no error");
        } catch (const dbt::EngineError& e) {
            QCOMPARE(e.kind(), dbt::EngineError::Kind::Usage);
            QVERIFY2(!std::string(e.what()).empty(), e.what());
            QVERIFY2(std::string(e.what()).find("secret") == std::string::npos, e.what());
        }
    }

    void grants() {
        const auto monitor = dbt::mysql::parseGrants(
            {"GRANT PROCESS ON *.* TO `dbtriage_monitor`@`127.0.0.1` IDENTIFIED BY PASSWORD "
             "'*ABC'",
             "GRANT SELECT ON `performance_schema`.* TO `dbtriage_monitor`@`127.0.0.1`",
             "GRANT SELECT, EXECUTE ON `sys`.* TO `dbtriage_monitor`@`127.0.0.1`",
             "GRANT SELECT (`a`, `b`), INSERT ON `shop`.`t` TO `dbtriage_monitor`@`127.0.0.1`"});
        QVERIFY(monitor.process);
        QVERIFY(monitor.selectPerformanceSchema);
        QVERIFY(monitor.selectSys);
        QVERIFY(!monitor.all && !monitor.super && !monitor.selectAll);

        const auto admin = dbt::mysql::parseGrants(
            {"GRANT ALL PRIVILEGES ON *.* TO `root`@`localhost` WITH GRANT OPTION"});
        QVERIFY(admin.all && admin.process && admin.selectPerformanceSchema && admin.selectSys);

        const auto mysql8 =
            dbt::mysql::parseGrants({"GRANT SELECT, RELOAD, SUPER ON *.* TO `ops`@`%`",
                                     "GRANT BACKUP_ADMIN,CONNECTION_ADMIN ON *.* TO `ops`@`%`",
                                     "GRANT `monitoring_role`@`%` TO `ops`@`%`"});
        QVERIFY(mysql8.super && mysql8.selectAll && !mysql8.process && mysql8.roles);

        const auto plain = dbt::mysql::parseGrants(
            {"GRANT USAGE ON *.* TO `dbtriage_plain`@`127.0.0.1`",
             "GRANT SELECT ON `dbtriage\\_test`.* TO `dbtriage_plain`@`127.0.0.1`"});
        QVERIFY(!plain.process && !plain.selectPerformanceSchema && !plain.selectSys);
    }

    void mdlMatrix_data() {
        QTest::addColumn<QString>("objectType");
        QTest::addColumn<QString>("requested");
        QTest::addColumn<QString>("other");
        QTest::addColumn<bool>("otherPending");
        QTest::addColumn<bool>("conflict");
        QTest::newRow("SR vs granted SR") << "TABLE"
                                          << "SHARED_READ"
                                          << "SHARED_READ" << false << false;
        QTest::newRow("X vs granted SR") << "TABLE"
                                         << "EXCLUSIVE"
                                         << "SHARED_READ" << false << true;
        QTest::newRow("SR vs granted SU") << "TABLE"
                                          << "SHARED_READ"
                                          << "SHARED_UPGRADABLE" << false << false;
        QTest::newRow("SW vs granted SNW") << "TABLE"
                                           << "SHARED_WRITE"
                                           << "SHARED_NO_WRITE" << false << true;
        QTest::newRow("SR vs granted SNW") << "TABLE"
                                           << "SHARED_READ"
                                           << "SHARED_NO_WRITE" << false << false;
        QTest::newRow("SR vs granted SNRW") << "TABLE"
                                            << "SHARED_READ"
                                            << "SHARED_NO_READ_WRITE" << false << true;
        QTest::newRow("SU vs granted SU") << "TABLE"
                                          << "SHARED_UPGRADABLE"
                                          << "SHARED_UPGRADABLE" << false << true;
        QTest::newRow("SRO vs granted SW") << "TABLE"
                                           << "SHARED_READ_ONLY"
                                           << "SHARED_WRITE" << false << true;
        QTest::newRow("SH vs granted X") << "TABLE"
                                         << "SHARED_HIGH_PRIO"
                                         << "EXCLUSIVE" << false << true;
        QTest::newRow("SR behind pending X") << "TABLE"
                                             << "SHARED_READ"
                                             << "EXCLUSIVE" << true << true;
        QTest::newRow("SR behind pending SNRW") << "TABLE"
                                                << "SHARED_READ"
                                                << "SHARED_NO_READ_WRITE" << true << true;
        QTest::newRow("SW behind pending SNW") << "TABLE"
                                               << "SHARED_WRITE"
                                               << "SHARED_NO_WRITE" << true << true;
        QTest::newRow("SR behind pending SNW") << "TABLE"
                                               << "SHARED_READ"
                                               << "SHARED_NO_WRITE" << true << false;
        QTest::newRow("SH ignores pending X") << "TABLE"
                                              << "SHARED_HIGH_PRIO"
                                              << "EXCLUSIVE" << true << false;
        QTest::newRow("X ignores pending SR") << "TABLE"
                                              << "EXCLUSIVE"
                                              << "SHARED_READ" << true << false;
        QTest::newRow("scoped IX vs IX") << "GLOBAL"
                                         << "INTENTION_EXCLUSIVE"
                                         << "INTENTION_EXCLUSIVE" << false << false;
        QTest::newRow("scoped IX vs S (FTWRL)") << "GLOBAL"
                                                << "INTENTION_EXCLUSIVE"
                                                << "SHARED" << false << true;
        QTest::newRow("scoped IX behind pending S") << "GLOBAL"
                                                    << "INTENTION_EXCLUSIVE"
                                                    << "SHARED" << true << true;
        QTest::newRow("scoped S vs granted S") << "COMMIT"
                                               << "SHARED"
                                               << "SHARED" << false << false;
        QTest::newRow("unknown granted conflicts") << "BACKUP"
                                                   << "BACKUP_DDL"
                                                   << "BACKUP_DML" << false << true;
        QTest::newRow("unknown pending does not") << "BACKUP"
                                                  << "BACKUP_DDL"
                                                  << "BACKUP_DML" << true << false;
    }
    void mdlMatrix() {
        QFETCH(QString, objectType);
        QFETCH(QString, requested);
        QFETCH(QString, other);
        QFETCH(bool, otherPending);
        QFETCH(bool, conflict);
        const auto f =
            otherPending ? dbt::mysql::mdlPendingConflicts : dbt::mysql::mdlGrantedConflicts;
        QCOMPARE(f(objectType.toStdString(), requested.toStdString(), other.toStdString()),
                 conflict);
    }

    void mdlGrantedMatrixIsSymmetric() {
        const char* types[] = {"SHARED",           "SHARED_HIGH_PRIO",      "SHARED_READ",
                               "SHARED_WRITE",     "SHARED_WRITE_LOW_PRIO", "SHARED_UPGRADABLE",
                               "SHARED_READ_ONLY", "SHARED_NO_WRITE",       "SHARED_NO_READ_WRITE",
                               "EXCLUSIVE"};
        for (const char* a : types)
            for (const char* b : types)
                QVERIFY2(dbt::mysql::mdlGrantedConflicts("TABLE", a, b) ==
                             dbt::mysql::mdlGrantedConflicts("TABLE", b, a),
                         (std::string(a) + " / " + b).c_str());
    }

    void mariadbLockWaits() {
        // 20 holds row 1; 21 waits for it; 22 waits for row 1 too, blocked by 20's granted
        // lock and queued behind 21's waiting request (the blocking lock is 21's request).
        const Rows trx = {
            row({{"trx_id", "700"},
                 {"trx_state", "RUNNING"},
                 {"trx_mysql_thread_id", "20"},
                 {"trx_requested_lock_id", nullptr},
                 {"TRX_AGE_US", "9000000"}}),
            row({{"trx_id", "701"},
                 {"trx_state", "LOCK WAIT"},
                 {"trx_mysql_thread_id", "21"},
                 {"trx_requested_lock_id", "701:5:3:2"},
                 {"TRX_AGE_US", "5000000"},
                 {"TRX_WAIT_AGE_US", "4000000"}}),
            row({{"trx_id", "702"},
                 {"trx_state", "LOCK WAIT"},
                 {"trx_mysql_thread_id", "22"},
                 {"trx_requested_lock_id", "702:5:3:2"},
                 {"TRX_AGE_US", "2000000"},
                 {"TRX_WAIT_AGE_US", "1000000"}}),
        };
        const Rows locks = {
            row({{"lock_id", "700:5:3:2"},
                 {"lock_trx_id", "700"},
                 {"lock_mode", "X"},
                 {"lock_type", "RECORD"},
                 {"lock_table", "`shop`.`orders`"},
                 {"lock_index", "PRIMARY"},
                 {"lock_data", "1"}}),
            row({{"lock_id", "701:5:3:2"},
                 {"lock_trx_id", "701"},
                 {"lock_mode", "X"},
                 {"lock_type", "RECORD"},
                 {"lock_table", "`shop`.`orders`"},
                 {"lock_index", "PRIMARY"},
                 {"lock_data", "1"}}),
            row({{"lock_id", "702:5:3:2"},
                 {"lock_trx_id", "702"},
                 {"lock_mode", "S"},
                 {"lock_type", "RECORD"},
                 {"lock_table", "`shop`.`orders`"},
                 {"lock_index", "PRIMARY"},
                 {"lock_data", nullptr}}),
        };
        const Rows waits = {
            row({{"requesting_trx_id", "701"},
                 {"requested_lock_id", "701:5:3:2"},
                 {"blocking_trx_id", "700"},
                 {"blocking_lock_id", "700:5:3:2"}}),
            row({{"requesting_trx_id", "702"},
                 {"requested_lock_id", "702:5:3:2"},
                 {"blocking_trx_id", "700"},
                 {"blocking_lock_id", "700:5:3:2"}}),
            row({{"requesting_trx_id", "702"},
                 {"requested_lock_id", "702:5:3:2"},
                 {"blocking_trx_id", "701"},
                 {"blocking_lock_id", "701:5:3:2"}}),
            row({{"requesting_trx_id", "799"},
                 {"requested_lock_id", "799:1"}, // trx gone
                 {"blocking_trx_id", "700"},
                 {"blocking_lock_id", "700:5:3:2"}}),
        };
        const auto edges = dbt::mysql::innodbLockWaits(waits, locks, trx);
        QCOMPARE(edges.waits.size(), std::size_t(3));
        QCOMPARE(edges.waits[0].waitingPid, 21);
        QCOMPARE(edges.waits[0].blockingPid, 20);
        QCOMPARE(edges.waits[0].object, std::string("row (PRIMARY: 1) of shop.orders"));
        QCOMPARE(edges.waits[0].mode, std::string("X"));
        QCOMPARE(edges.waits[0].lockType, std::string("record"));
        QVERIFY(edges.waits[0].hard);
        QCOMPARE(edges.waits[0].queuePosition, 1);
        QCOMPARE(edges.waits[1].object, std::string("row (PRIMARY) of shop.orders")); // NULL data
        QVERIFY(edges.waits[1].hard);
        QCOMPARE(edges.waits[2].blockingPid, 21);
        QVERIFY(!edges.waits[2].hard); // 21's lock is a waiting request
        QCOMPARE(edges.held.size(), std::size_t(1));
        QCOMPARE(edges.held[0].pid, 20);
    }

    void objectTexts() {
        using dbt::mysql::lockObjectText;
        QCOMPARE(lockObjectText("RECORD", "`demo`.`orders`", "PRIMARY", "42"),
                 std::string("row (PRIMARY: 42) of demo.orders"));
        QCOMPARE(lockObjectText("TABLE", "`demo`.`orders`", "", ""), std::string("demo.orders"));
        QCOMPARE(lockObjectText("RECORD", "demo.t", "", "'a', 1"),
                 std::string("row ('a', 1) of demo.t"));
        const std::string binary =
            lockObjectText("RECORD", "demo.t", "k", std::string("\xff\x00z", 3));
        QVERIFY(QString::fromStdString(binary).toUtf8().toStdString() == binary);
        QCOMPARE(dbt::mysql::hostWithoutPort("10.1.2.3:5555"), std::string("10.1.2.3"));
        QCOMPARE(dbt::mysql::hostWithoutPort("[::1]:5555"), std::string("::1"));
        QCOMPARE(dbt::mysql::hostWithoutPort("localhost"), std::string("localhost"));
    }

    void rowNulls() {
        const Row r =
            row({{"a", nullptr}, {"B", "12.000"}, {"c", "x"}, {"big", "18446744073709551615"}});
        QVERIFY(r.isNull("a"));
        QCOMPARE(r.text("a"), std::string());
        QCOMPARE(*r.integer("b"), 12); // case-insensitive, decimal text
        QVERIFY(!r.integer("c"));
        QVERIFY(!r.integer("missing"));
        QCOMPARE(*r.integer("big"), std::numeric_limits<std::int64_t>::max());
    }

    void findings() {
        dbt::mysql::Features off;
        off.engine = dbt::Engine::MariaDB;
        off.performanceSchemaOn = false;
        dbt::mysql::Grants monitor;
        monitor.process = monitor.selectPerformanceSchema = monitor.selectSys = true;
        auto fs = dbt::mysql::preflightFindings(off, monitor, "'m'@'%'");
        QCOMPARE(fs.size(), std::size_t(1));
        QCOMPARE(fs[0].code, std::string("mysql-performance-schema-off"));
        QVERIFY(fs[0].command.find("[mysqld]\nperformance_schema = ON") == 0);
        QVERIFY(fs[0].command.find("wait/lock/metadata/sql/mdl=ON") != std::string::npos);
        QVERIFY(fs[0].nextStep.find("restart") != std::string::npos);

        dbt::mysql::Features on;
        on.performanceSchemaOn = true;
        on.metadataLocksTable = on.digestTable = true;
        on.mdlInstrumentOn = false;
        on.digestConsumerOn = false;
        on.sysSchema = false;
        on.sysReadable = false;
        dbt::mysql::Grants broad;
        broad.all = broad.process = true;
        fs = dbt::mysql::preflightFindings(on, broad, "'root'@'localhost'");
        QStringList codes;
        for (const auto& f : fs)
            codes << QString::fromStdString(f.code);
        QCOMPARE(codes, QStringList({"mysql-digest-consumer-off", "mysql-mdl-instrument-off",
                                     "mysql-sys-schema-missing", "mysql-broad-privileges"}));
        const std::string& grant = fs.back().command;
        QVERIFY(grant.find("GRANT PROCESS ON *.* TO") != std::string::npos);
        QVERIFY(grant.find("GRANT SELECT ON performance_schema.* TO") != std::string::npos);
        QVERIFY(grant.find("GRANT SELECT ON sys.* TO") != std::string::npos);

        dbt::mysql::Grants none;
        on.mdlInstrumentOn = on.digestConsumerOn = on.sysSchema = true;
        on.performanceSchemaReadable = false;
        fs = dbt::mysql::preflightFindings(on, none, "'p'@'%'");
        codes.clear();
        for (const auto& f : fs)
            codes << QString::fromStdString(f.code);
        QCOMPARE(codes, QStringList({"mysql-no-performance-schema-select",
                                     "mysql-no-process-privilege", "mysql-no-sys-select"}));
        QCOMPARE(fs[1].command, std::string("GRANT PROCESS ON *.* TO 'p'@'%';"));
    }

    void ownStatementsKnownByShape() {
        using dbt::mysql::statementShape;
        const std::string sent = "SELECT p.ID, SUBSTRING(p.INFO, 1, 16384) AS INFO FROM "
                                 "information_schema.PROCESSLIST p WHERE a = 'it''s' AND b IN "
                                 "('x', 'y') /* note */ LIMIT 500";
        const std::string digest = "SELECT `p` . `ID` , SUBSTRING ( `p` . `INFO` , ?, ... ) AS "
                                   "`INFO` FROM `information_schema` . `PROCESSLIST` `p` WHERE "
                                   "`a` = ? AND `b` IN (...) LIMIT ?";
        QCOMPARE(statementShape(sent), statementShape(digest));
        QCOMPARE(statementShape("SELECT 0x1F, 1.5e3, \"q\\\"x\" FROM t"),
                 std::string("SELECT FROM T"));

        const Rows rows = {
            row({{"DIGEST", "d1"}, {"DIGEST_TEXT", digest.c_str()}, {"COUNT_STAR", "3"}}),
            row({{"DIGEST", "d2"},
                 {"DIGEST_TEXT", "SELECT `p` . `ID` , SUBSTRING ( `p` . `INFO` ..."},
                 {"COUNT_STAR", "1"}}),
            row({{"DIGEST", "d3"},
                 {"DIGEST_TEXT", "SELECT * FROM `orders` WHERE `id` = ?"},
                 {"COUNT_STAR", "9"}}),
        };
        const auto st = dbt::mysql::buildStatements(rows, false, {statementShape(sent)});
        QVERIFY(st[0].query.rfind("/* dbtriage */ SELECT `p`", 0) == 0);
        QVERIFY(st[1].query.rfind("/* dbtriage */ ", 0) == 0); // truncated digest text
        QCOMPARE(st[2].query, std::string("SELECT * FROM `orders` WHERE `id` = ?"));
        // Another dbtriage session's SELECT: known by its dbtriage_tag column.
        const auto other = dbt::mysql::buildStatements(
            {row({{"DIGEST", "d4"},
                  {"DIGEST_TEXT", "SELECT ? AS `dbtriage_tag` , `trx_id` FROM `x`"}})},
            false);
        QVERIFY(other[0].query.rfind("/* dbtriage */ ", 0) == 0);
        // Another dbtriage session's SHOW and SET statements (digest texts as MariaDB 10.11
        // writes them), which this session never sent: known by the driver's fixed shapes.
        // A user's SHOW TABLES and SET stay the workload's.
        const auto shows = dbt::mysql::buildStatements(
            {row({{"DIGEST", "s1"}, {"DIGEST_TEXT", "SHOW SLAVE STATUS "}}),
             row({{"DIGEST", "s2"},
                  {"DIGEST_TEXT", "SHOW GLOBAL STATUS WHERE `Variable_name` IN "
                                  "(...) "}}),
             row({{"DIGEST", "s3"},
                  {"DIGEST_TEXT", "SET SESSION `autocommit` = ? , `lock_wait_timeout` = ? , "
                                  "`innodb_lock_wait_timeout` = ? , MAX_STATEMENT_TIME = ? "}}),
             row({{"DIGEST", "s4"},
                  {"DIGEST_TEXT", "SHOW VARIABLES WHERE `Variable_name` IN "
                                  "..."}}),
             row({{"DIGEST", "u1"}, {"DIGEST_TEXT", "SHOW TABLES "}}),
             row({{"DIGEST", "u2"}, {"DIGEST_TEXT", "SET SESSION `sql_mode` = ? "}})},
            false);
        for (int i = 0; i < 4; ++i)
            QVERIFY2(shows[i].query.rfind("/* dbtriage */ ", 0) == 0, shows[i].query.c_str());
        QCOMPARE(shows[4].query, std::string("SHOW TABLES "));
        QCOMPARE(shows[5].query, std::string("SET SESSION `sql_mode` = ? "));
    }

    void probeStatuses() {
        QCOMPARE(dbt::mysql::probeStatus(1205, "Lock wait timeout exceeded"),
                 std::string("skipped: lock timeout"));
        QCOMPARE(dbt::mysql::probeStatus(3024, "Query execution was interrupted"),
                 std::string("skipped: statement timeout"));
        QCOMPARE(dbt::mysql::probeStatus(1969, "max_statement_time exceeded"),
                 std::string("skipped: statement timeout"));
        QVERIFY(dbt::mysql::probeStatus(1227, "Access denied; you need PROCESS")
                    .rfind("unavailable: ", 0) == 0);
        QVERIFY(dbt::mysql::probeStatus(1064, "syntax").rfind("failed: ", 0) == 0);
    }
};

QTEST_GUILESS_MAIN(TestMysqlParsing)
#include "tst_mysql_parsing.moc"
