// PostgreSQL driver without a server: connection targets, messages for failed
// connections, and the shape of the SQL per version.
#include "engines/postgres/pgconninfo.h"
#include "engines/postgres/pgqueries.h"

#include <QTemporaryDir>
#include <QTest>
#include <cstdlib>
#include <fstream>
#include <libpq-fe.h>
#include <map>
#include <memory>

using namespace dbt;
using namespace dbt::pg;

namespace {

// What libpq itself reads back from a keyword string.
std::map<std::string, std::string> libpqView(const std::string& conninfo) {
    char* err = nullptr;
    std::unique_ptr<PQconninfoOption, void (*)(PQconninfoOption*)> opts(
        PQconninfoParse(conninfo.c_str(), &err), &PQconninfoFree);
    std::map<std::string, std::string> out;
    if (!opts) {
        out["<error>"] = err ? err : "?";
        PQfreemem(err);
        return out;
    }
    for (const PQconninfoOption* o = opts.get(); o->keyword; ++o) {
        if (o->val)
            out[o->keyword] = o->val;
    }
    return out;
}

std::string keyword(const ParsedTarget& t, const std::string& key) {
    for (const auto& [k, v] : t.keywords) {
        if (k == key)
            return v;
    }
    return "<absent>";
}

ConnectFailure failure(const std::string& message) {
    ConnectFailure f;
    f.message = message;
    f.host = "db.example.com";
    f.port = "5432";
    f.user = "bob";
    f.database = "shop";
    return f;
}

class EnvGuard {
public:
    EnvGuard(const char* name, const std::string& value)
        : name_(name) {
        if (const char* old = std::getenv(name))
            old_ = old;
        ::setenv(name, value.c_str(), 1);
    }
    ~EnvGuard() {
        if (old_)
            ::setenv(name_, old_->c_str(), 1);
        else
            ::unsetenv(name_);
    }

private:
    const char* name_;
    std::optional<std::string> old_;
};

} // namespace

class TestPgConnInfo : public QObject {
    Q_OBJECT

private slots:
    void init() { ::unsetenv("PGOPTIONS"); }

    void quoting() {
        QCOMPARE(quoteConnValue("plain"), std::string("'plain'"));
        QCOMPARE(quoteConnValue("it's a \\ test"), std::string("'it\\'s a \\\\ test'"));
        QCOMPARE(quoteConnValue(""), std::string("''"));
    }

    void uriIsRebuiltWithOwnKeywords() {
        const std::string pw = "p@ss 'w\\rd";
        const ParsedTarget t = parseTarget(
            "postgresql://bob:p%40ss%20%27w%5Crd@db.example.com:6432/shop?sslmode=verify-full"
            "&application_name=evil&connect_timeout=600&options=-c%20work_mem%3D64MB");
        QCOMPARE(keyword(t, "user"), std::string("bob"));
        QCOMPARE(keyword(t, "host"), std::string("db.example.com"));
        QCOMPARE(keyword(t, "port"), std::string("6432"));
        QCOMPARE(keyword(t, "dbname"), std::string("shop"));
        QCOMPARE(keyword(t, "sslmode"), std::string("verify-full"));
        QCOMPARE(keyword(t, "application_name"), std::string("<absent>"));
        QCOMPARE(t.userOptions, std::string("-c work_mem=64MB"));
        QCOMPARE(t.secrets.size(), std::size_t(1));
        QCOMPARE(t.secrets[0], pw);

        const std::string conninfo = buildConnInfo(t, 7, {4000, 300, 9000}, true);
        const auto view = libpqView(conninfo);
        QCOMPARE(view.at("password"), pw); // quoting survives libpq's own parser
        QCOMPARE(view.at("application_name"), std::string("dbtriage"));
        QCOMPARE(view.at("connect_timeout"), std::string("7"));
        QCOMPARE(view.at("client_encoding"), std::string("UTF8"));
        QCOMPARE(view.at("sslmode"), std::string("verify-full"));
        QCOMPARE(view.at("options"),
                 std::string("-c work_mem=64MB -c default_transaction_read_only=on "
                             "-c statement_timeout=4000 -c lock_timeout=300 "
                             "-c idle_in_transaction_session_timeout=9000"));

        const auto noOptions = libpqView(buildConnInfo(t, 1, {}, false));
        QCOMPARE(noOptions.at("options"), std::string("-c work_mem=64MB"));
        QCOMPARE(noOptions.at("connect_timeout"), std::string("2")); // libpq's minimum
    }

    void keywordStringAndZeroTimeouts() {
        const ParsedTarget t = parseTarget("host=/run/postgresql dbname=app user=mon");
        QVERIFY(t.secrets.empty());
        const auto view = libpqView(buildConnInfo(t, 5, {0, 0, 0}, true));
        QCOMPARE(view.at("host"), std::string("/run/postgresql"));
        // 0 would mean "no limit": never sent.
        QCOMPARE(view.at("options"),
                 std::string("-c default_transaction_read_only=on -c statement_timeout=1 "
                             "-c lock_timeout=1 -c idle_in_transaction_session_timeout=1"));
    }

    void serviceFileOptionsAreMerged() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const std::string file = dir.filePath(QStringLiteral("pg_service.conf")).toStdString();
        std::ofstream(file) << "# comment\n[other]\noptions=-c wrong=1\n\n[triage]\n"
                               "host=db1\noptions=-c search_path=app\n";
        EnvGuard guard("PGSERVICEFILE", file);
        const ParsedTarget t = parseTarget("service=triage");
        QCOMPARE(keyword(t, "service"), std::string("triage"));
        QCOMPARE(t.userOptions, std::string("-c search_path=app"));
        const auto view = libpqView(buildConnInfo(t, 5, {}, true));
        QVERIFY(view.at("options").rfind("-c search_path=app -c default_transaction_read_only=on",
                                         0) == 0);
    }

    void pgoptionsIsMerged() {
        EnvGuard guard("PGOPTIONS", "-c geqo=off");
        QCOMPARE(parseTarget("host=x").userOptions, std::string("-c geqo=off"));
        QCOMPARE(parseTarget("host=x options='-c a=b'").userOptions, std::string("-c a=b"));
    }

    void unreadableTargetIsUsageWithoutSecrets() {
        for (const char* target : {"host=x password=Hunter2Secret extra", "postgresql://a:b@[::1",
                                   "host=x password='Hunter2Secret"}) {
            try {
                parseTarget(target);
                QFAIL(target);
            } catch (const EngineError& e) {
                QCOMPARE(e.kind(), EngineError::Kind::Usage);
                QVERIFY2(std::string(e.what()).find("Hunter2") == std::string::npos, e.what());
                QVERIFY2(std::string(e.what()).find("extra") == std::string::npos, e.what());
            }
        }
        try {
            parseTarget("host=x nosuchkeyword=1");
            QFAIL("unknown keyword accepted");
        } catch (const EngineError& e) {
            QVERIFY2(std::string(e.what()).find("nosuchkeyword") != std::string::npos, e.what());
        }
    }

    void scrubbing() {
        QCOMPARE(scrubSecrets("a LongSecret b LongSecret", {"LongSecret"}),
                 std::string("a *** b ***"));
        QCOMPARE(scrubSecrets("a xy b", {"xy"}), std::string("details withheld"));
        QCOMPARE(scrubSecrets("nothing here", {"LongSecret", ""}), std::string("nothing here"));
    }

    void firstLine() {
        QCOMPARE(firstMessageLine("connection to server at \"h\" (10.0.0.1), port 5432 failed: "
                                  "FATAL:  password authentication failed for user \"bob\"\n"),
                 std::string("password authentication failed for user \"bob\""));
        QCOMPARE(firstMessageLine("ERROR:  canceling statement due to lock timeout\nLINE 1: x"),
                 std::string("canceling statement due to lock timeout"));
    }

    void endpoints() {
        QCOMPARE(describeEndpoint("db", "6432"), std::string("db:6432"));
        QCOMPARE(describeEndpoint("::1", ""), std::string("[::1]:5432"));
        QCOMPARE(describeEndpoint("/run/postgresql", "5432"),
                 std::string("the local socket in /run/postgresql (port 5432)"));
    }

    void classification_data() {
        QTest::addColumn<QString>("message");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("start");
        const int auth = static_cast<int>(EngineError::Kind::Auth);
        const int conn = static_cast<int>(EngineError::Kind::Connect);
        QTest::newRow("password")
            << QStringLiteral("connection to server at \"db.example.com\" (10.1.1.1), port 5432 "
                              "failed: FATAL:  password authentication failed for user \"bob\"")
            << auth
            << QStringLiteral("Authentication failed for user bob on db.example.com:5432. Check "
                              "the password in ~/.pgpass, PGPASSWORD or the service file.");
        QTest::newRow("no password")
            << QStringLiteral("fe_sendauth: no password supplied") << auth
            << QStringLiteral("The server at db.example.com:5432 wants a password for user bob");
        QTest::newRow("database") << QStringLiteral("FATAL:  database \"shop\" does not exist")
                                  << auth
                                  << QStringLiteral(
                                         "Database shop does not exist on db.example.com:5432.");
        QTest::newRow("role") << QStringLiteral("FATAL:  role \"bob\" does not exist") << auth
                              << QStringLiteral("Role bob does not exist");
        QTest::newRow("hba")
            << QStringLiteral("FATAL:  no pg_hba.conf entry for host \"10.0.0.9\", user \"bob\", "
                              "database \"shop\", no encryption")
            << auth << QStringLiteral("The server at db.example.com:5432 does not accept");
        QTest::newRow("refused")
            << QStringLiteral("connection to server at \"db.example.com\" (10.1.1.1), port 5432 "
                              "failed: Connection refused\n\tIs the server running on that "
                              "host and accepting TCP/IP connections?")
            << conn << QStringLiteral("Nothing accepts connections at db.example.com:5432");
        QTest::newRow("timeout") << QStringLiteral("connection to server at \"db.example.com\" "
                                                   "(10.1.1.1), port 5432 failed: timeout expired")
                                 << conn << QStringLiteral("No answer from db.example.com:5432");
        QTest::newRow("dns")
            << QStringLiteral("could not translate host name \"db.example.com\" to address: Name "
                              "or service not known")
            << conn << QStringLiteral("The host name db.example.com could not be resolved");
        QTest::newRow("not pg ssl")
            << QStringLiteral("received invalid response to SSL negotiation: H") << conn
            << QStringLiteral("The server at db.example.com:5432 did not answer as PostgreSQL");
        QTest::newRow("not pg startup")
            << QStringLiteral("expected authentication request from server, but received H") << conn
            << QStringLiteral("The server at db.example.com:5432 did not answer as");
        QTest::newRow("full")
            << QStringLiteral("FATAL:  sorry, too many clients already") << conn
            << QStringLiteral("The server at db.example.com:5432 has no free connection slot");
        QTest::newRow("other") << QStringLiteral("something odd happened") << conn
                               << QStringLiteral("Could not connect to db.example.com:5432 "
                                                 "(something odd happened).");
    }

    void classification() {
        QFETCH(QString, message);
        QFETCH(int, kind);
        QFETCH(QString, start);
        const EngineError e = classifyConnectFailure(failure(message.toStdString()), {}, 5);
        QCOMPARE(static_cast<int>(e.kind()), kind);
        QVERIFY2(std::string(e.what()).rfind(start.toStdString(), 0) == 0, e.what());
    }

    void classificationNeverShowsThePassword() {
        ConnectFailure f = failure("FATAL:  invalid value for parameter \"x\": \"Sekr3tValue\"");
        const EngineError e = classifyConnectFailure(f, {"Sekr3tValue"}, 5);
        QVERIFY2(std::string(e.what()).find("Sekr3tValue") == std::string::npos, e.what());
        QVERIFY(isStartupOptionsRejected("ERROR:  unsupported startup parameter: options"));
        QVERIFY(!isStartupOptionsRejected("FATAL:  password authentication failed"));
    }

    void sqlPerVersion() {
        for (int v : {120000, 130000, 140000, 170000}) {
            QVERIFY(sql::activity(v).rfind(sql::kTag, 0) == 0);
            QVERIFY(sql::locks(v).rfind(sql::kTag, 0) == 0);
            QCOMPARE(sql::activity(v).find("a.query_id") != std::string::npos, v >= 140000);
            QCOMPARE(sql::locks(v).find("k.waitstart") != std::string::npos, v >= 140000);
            QVERIFY(sql::locks(v).find("@") == std::string::npos);
        }
        const std::string old = sql::statements("\"public\"", 1, 7);
        QVERIFY(old.find("s.total_time") != std::string::npos);
        QVERIFY(old.find("pg_stat_statements_info") == std::string::npos);
        const std::string v18 = sql::statements("\"public\"", 1, 8);
        QVERIFY(v18.find("total_exec_time + s.total_plan_time") != std::string::npos);
        QVERIFY(v18.find("pg_stat_statements_info") == std::string::npos);
        const std::string v110 = sql::statements("\"ext\"", 1, 10);
        QVERIFY(v110.find("\"ext\".pg_stat_statements_info") != std::string::npos);
        QVERIFY(v110.find("\"ext\".pg_stat_statements(false)") != std::string::npos);
        QVERIFY(sql::statementTexts("\"ext\"").find("pg_stat_statements(true)") !=
                std::string::npos);
        for (const std::string& s :
             {sql::databaseAndHealth(), sql::statementTexts("x"), std::string(sql::kServerInfo),
              std::string(sql::kSettingsAndExtensions), std::string(sql::kShowReadOnly),
              std::string(sql::kBeginReadOnly), std::string(sql::kRollback)}) {
            QVERIFY2(s.rfind(sql::kTag, 0) == 0, s.c_str());
            QVERIFY(s.find("pg_stat_statements_reset") == std::string::npos);
        }
    }
};

QTEST_GUILESS_MAIN(TestPgConnInfo)
#include "tst_pg_conninfo.moc"
