// TLS against the sandbox servers (scripts/sandbox start makes a throwaway CA and a server
// certificate for localhost / 127.0.0.1; its path is DBTRIAGE_SANDBOX_CA): verified
// connections to PostgreSQL (sslmode=verify-full) and MariaDB (ssl-mode=VERIFY_IDENTITY),
// the server's view that TLS is in use, a wrong CA refused with a sentence that names the
// certificate problem (exit 3 from the CLI), and `dbtriage collect` over TLS.
#include "engines/engine.h"
#include "engines/mysql/mysqlsession.h"
#include "engines/mysql/mysqluri.h"
#include "engines/postgres/pgsession.h"
#include "toolrun.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <cstdlib>
#include <fstream>
#include <libpq-fe.h>
#include <map>
#include <mysql.h>
#include <regex>
#include <string>

#ifndef DBTRIAGE_BIN
#error "DBTRIAGE_BIN must name the built dbtriage executable"
#endif

using namespace dbt;

namespace {

std::map<std::string, std::string> gEnv;

// Environment first; the sandbox env file (DBTRIAGE_SANDBOX_ENV) fills the gaps.
void loadEnv() {
    if (const char* file = std::getenv("DBTRIAGE_SANDBOX_ENV")) {
        std::ifstream in(file);
        std::string line;
        const std::regex re(R"(^\s*(?:export\s+)?([A-Z0-9_]+)='?([^']*)'?\s*$)");
        std::smatch m;
        while (std::getline(in, line))
            if (std::regex_match(line, m, re))
                gEnv[m[1]] = m[2];
    }
    for (const char* name :
         {"DBTRIAGE_SANDBOX_CA", "DBTRIAGE_PG_PORT", "DBTRIAGE_PG_MONITOR_PASSWORD",
          "DBTRIAGE_PG_ADMIN_URI", "DBTRIAGE_MARIADB_PORT", "DBTRIAGE_MARIADB_MONITOR_PASSWORD",
          "DBTRIAGE_MARIADB_ADMIN_URI", "DBTRIAGE_MARIADB_NOPS_PORT"})
        if (const char* v = std::getenv(name))
            gEnv[name] = v;
}

std::string env(const char* name) {
    const auto it = gEnv.find(name);
    return it == gEnv.end() ? std::string() : it->second;
}

using test::Run;

// The CLI, with the passwords in the environment (never on the command line).
Run runTool(const QStringList& args) {
    QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
    e.insert(QStringLiteral("PGPASSWORD"),
             QString::fromStdString(env("DBTRIAGE_PG_MONITOR_PASSWORD")));
    e.insert(QStringLiteral("MYSQL_PWD"),
             QString::fromStdString(env("DBTRIAGE_MARIADB_MONITOR_PASSWORD")));
    e.remove(QStringLiteral("PGPASSFILE"));
    e.remove(QStringLiteral("DISPLAY"));
    e.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    return test::runProgram(QStringLiteral(DBTRIAGE_BIN), args, e);
}

// One value from the PostgreSQL server as the administrator ("" on failure).
std::string pgValue(const std::string& sql) {
    PGconn* c = PQconnectdb(env("DBTRIAGE_PG_ADMIN_URI").c_str());
    std::string value;
    if (PQstatus(c) == CONNECTION_OK) {
        PGresult* r = PQexec(c, sql.c_str());
        if (PQresultStatus(r) == PGRES_TUPLES_OK && PQntuples(r) > 0)
            value = PQgetvalue(r, 0, 0);
        PQclear(r);
    }
    PQfinish(c);
    return value;
}

// One value from the MariaDB server as the administrator ("" on failure).
std::string myValue(const std::string& sql) {
    const auto t = mysql::parseMysqlTarget(env("DBTRIAGE_MARIADB_ADMIN_URI"));
    MYSQL* db = mysql_init(nullptr);
    std::string value;
    if (mysql_real_connect(db, t.host.c_str(), t.user ? t.user->c_str() : nullptr,
                           t.password ? t.password->c_str() : nullptr, nullptr, t.port, nullptr,
                           0) != nullptr &&
        mysql_real_query(db, sql.data(), sql.size()) == 0) {
        if (MYSQL_RES* res = mysql_store_result(db)) {
            if (MYSQL_ROW row = mysql_fetch_row(res); row && row[0])
                value = row[0];
            mysql_free_result(res);
        }
    }
    mysql_close(db);
    return value;
}

// The TLS cipher of the newest dbtriage connection of the monitor, as the server sees it.
std::string toolCipher() {
    const std::string id =
        myValue("SELECT MAX(p.ID) FROM information_schema.PROCESSLIST p JOIN "
                "performance_schema.session_connect_attrs a ON a.PROCESSLIST_ID = p.ID AND "
                "a.ATTR_NAME = 'program_name' AND a.ATTR_VALUE = 'dbtriage' WHERE p.USER = "
                "'dbtriage_monitor'");
    if (id.empty())
        return "(no dbtriage connection)";
    return myValue("SELECT s.VARIABLE_VALUE FROM performance_schema.status_by_thread s JOIN "
                   "performance_schema.threads t ON t.THREAD_ID = s.THREAD_ID WHERE "
                   "t.PROCESSLIST_ID = " +
                   id + " AND s.VARIABLE_NAME = 'Ssl_cipher'");
}

ConnectOptions optionsFor(const std::string& target) {
    ConnectOptions o;
    o.target = target;
    o.connectTimeoutS = 5;
    return o;
}

} // namespace

class TestTls : public QObject {
    Q_OBJECT

    QTemporaryDir tmp_;
    std::string ca_;
    std::string wrongCa_; // a second throwaway CA that signed nothing the servers use

    std::string pgTarget(const std::string& ca) const {
        return "postgresql://dbtriage_monitor@localhost:" + env("DBTRIAGE_PG_PORT") +
               "/dbtriage_test?sslmode=verify-full&sslrootcert=" + ca;
    }
    std::string myTarget(const std::string& ca) const {
        return "mysql://dbtriage_monitor@127.0.0.1:" + env("DBTRIAGE_MARIADB_PORT") +
               "/dbtriage_test?ssl-mode=VERIFY_IDENTITY&ssl-ca=" + ca;
    }

private slots:
    void initTestCase() {
        loadEnv();
        if (env("DBTRIAGE_PG_ADMIN_URI").empty() || env("DBTRIAGE_MARIADB_ADMIN_URI").empty())
            QFAIL("the sandbox is not running: start it (scripts/sandbox start) and run "
                  "through ctest, or set DBTRIAGE_SANDBOX_ENV.");
        ca_ = env("DBTRIAGE_SANDBOX_CA");
        QVERIFY2(!ca_.empty() && QFile::exists(QString::fromStdString(ca_)),
                 "DBTRIAGE_SANDBOX_CA missing: the sandbox predates TLS; restart it");
        QVERIFY(tmp_.isValid());
        wrongCa_ = QDir(tmp_.path()).filePath(QStringLiteral("other-ca.crt")).toStdString();
        QProcess openssl;
        openssl.setWorkingDirectory(tmp_.path());
        openssl.start(QStringLiteral("openssl"),
                      {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                       QStringLiteral("rsa:2048"), QStringLiteral("-nodes"),
                       QStringLiteral("-days"), QStringLiteral("1"), QStringLiteral("-subj"),
                       QStringLiteral("/CN=not the dbtriage sandbox CA"), QStringLiteral("-keyout"),
                       QStringLiteral("other-ca.key"), QStringLiteral("-out"),
                       QString::fromStdString(wrongCa_)});
        QVERIFY(openssl.waitForFinished(60000));
        QVERIFY2(openssl.exitCode() == 0, openssl.readAllStandardError().constData());
        // In-process sessions take the passwords the way libpq and Connector/C read them.
        qputenv("PGPASSWORD", QByteArray::fromStdString(env("DBTRIAGE_PG_MONITOR_PASSWORD")));
        qputenv("MYSQL_PWD", QByteArray::fromStdString(env("DBTRIAGE_MARIADB_MONITOR_PASSWORD")));
        qunsetenv("PGPASSFILE");
    }

    void postgresVerifyFull() {
        auto e = makePostgresSession(optionsFor(pgTarget(ca_)));
        e->connect();
        QVERIFY(e->connected());
        Snapshot s;
        e->sample(s);
        QVERIFY(!s.sessions.empty() || s.connections.total >= 1);
        // The server's view of the tool's connection: TLS, verified against the CA.
        const std::string ssl =
            pgValue("SELECT string_agg(s.ssl::text || ':' || coalesce(s.version, ''), ',') FROM "
                    "pg_stat_ssl s JOIN pg_stat_activity a USING (pid) WHERE a.usename = "
                    "'dbtriage_monitor' AND a.application_name = 'dbtriage'");
        QVERIFY2(ssl.rfind("true:TLS", 0) == 0 && ssl.find("false") == std::string::npos,
                 ssl.c_str());
        e->disconnect();
    }

    void postgresWrongCa() {
        try {
            makePostgresSession(optionsFor(pgTarget(wrongCa_)))->connect();
            QFAIL("connected although the CA did not sign the server's certificate");
        } catch (const EngineError& err) {
            QCOMPARE(err.kind(), EngineError::Kind::Connect);
            const std::string what = err.what();
            QVERIFY2(what.find("certificate") != std::string::npos, what.c_str());
            QVERIFY2(what.find("sslrootcert") != std::string::npos, what.c_str());
            QVERIFY2(what.find("could not be verified") != std::string::npos, what.c_str());
            QVERIFY2(what.find('\n') == std::string::npos, what.c_str()); // one sentence
        }
        try {
            makePostgresSession(
                optionsFor(pgTarget(tmp_.filePath(QStringLiteral("none.crt")).toStdString())))
                ->connect();
            QFAIL("connected with an sslrootcert file that does not exist");
        } catch (const EngineError& err) {
            QCOMPARE(err.kind(), EngineError::Kind::Connect);
            QVERIFY2(std::string(err.what()).find("sslrootcert file") != std::string::npos,
                     err.what());
        }
        const Run r =
            runTool({QStringLiteral("collect"), QString::fromStdString(pgTarget(wrongCa_)),
                     QStringLiteral("--out"), tmp_.filePath(QStringLiteral("pgwrong"))});
        QCOMPARE(r.exitCode, 3);
        QVERIFY2(r.err.contains(QStringLiteral("certificate")), qPrintable(r.err));
    }

    void mariadbVerifyIdentity() {
        auto e = makeMysqlSession(optionsFor(myTarget(ca_)));
        e->connect();
        QVERIFY(e->connected());
        Snapshot s;
        e->sample(s);
        QVERIFY(s.connections.total >= 1);
        // The server's view: the tool's connection has a TLS cipher.
        const std::string cipher = toolCipher();
        QVERIFY2(!cipher.empty() && cipher[0] != '(', cipher.c_str());
        e->disconnect();
    }

    // PREFERRED: TLS when the server offers it (not verified), plain text when it does not
    // (the nops instance has no TLS); no ssl-mode: plain text, as Connector/C does.
    void mariadbPreferred() {
        const std::string base = "mysql://dbtriage_monitor@127.0.0.1:";
        {
            auto e = makeMysqlSession(optionsFor(base + env("DBTRIAGE_MARIADB_PORT") +
                                                 "/dbtriage_test?ssl-mode=PREFERRED"));
            e->connect();
            const std::string cipher = toolCipher();
            QVERIFY2(!cipher.empty() && cipher[0] != '(', cipher.c_str());
        }
        {
            auto e = makeMysqlSession(
                optionsFor(base + env("DBTRIAGE_MARIADB_PORT") + "/dbtriage_test"));
            e->connect();
            QCOMPARE(toolCipher(), std::string());
        }
        auto plain = makeMysqlSession(optionsFor(base + env("DBTRIAGE_MARIADB_NOPS_PORT") +
                                                 "/dbtriage_test?ssl-mode=PREFERRED"));
        plain->connect();
        QVERIFY(plain->connected());
    }

    void mariadbWrongCa() {
        try {
            makeMysqlSession(optionsFor(myTarget(wrongCa_)))->connect();
            QFAIL("connected although the CA did not sign the server's certificate");
        } catch (const EngineError& err) {
            QCOMPARE(err.kind(), EngineError::Kind::Connect);
            const std::string what = err.what();
            QVERIFY2(what.find("certificate") != std::string::npos, what.c_str());
            QVERIFY2(what.find("ssl-ca") != std::string::npos, what.c_str());
            QVERIFY2(what.find("could not be verified") != std::string::npos, what.c_str());
        }
        const Run r =
            runTool({QStringLiteral("collect"), QString::fromStdString(myTarget(wrongCa_)),
                     QStringLiteral("--out"), tmp_.filePath(QStringLiteral("mywrong"))});
        QCOMPARE(r.exitCode, 3);
        QVERIFY2(r.err.contains(QStringLiteral("certificate")), qPrintable(r.err));
    }

    void collectOverTls() {
        for (const std::string& target : {pgTarget(ca_), myTarget(ca_)}) {
            const QString out = tmp_.filePath(QString::fromStdString(
                target.rfind("postgresql", 0) == 0 ? "pg-collect" : "my-collect"));
            const Run r =
                runTool({QStringLiteral("collect"), QString::fromStdString(target),
                         QStringLiteral("--out"), out, QStringLiteral("--samples"),
                         QStringLiteral("2"), QStringLiteral("--interval"), QStringLiteral("1")});
            QVERIFY2(r.exitCode == 0, qPrintable(r.err + r.out));
            QVERIFY(QFile::exists(QDir(out).filePath(QStringLiteral("snapshot.json"))));
        }
    }
};

QTEST_GUILESS_MAIN(TestTls)
#include "tst_tls.moc"
