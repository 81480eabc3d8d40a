// The evidence bundle against the sandbox PostgreSQL, through the built dbtriage binary:
// a lock pile-up and a session whose query holds a secret literal; "dbtriage collect URI
// --out X.zip" with PGPASSWORD set (the URI has no password); then every file of the bundle
// is searched for the passwords, the PGPASSWORD value and the literal. With --no-redact the
// literal appears and README and manifest say so. "open" and "compare" run on the result.
// Needs DBTRIAGE_PG_ADMIN_URI, DBTRIAGE_PG_MONITOR_URI and the passwords
// (source "$(scripts/sandbox start)", or scripts/test).
#include "bundle/bundlereader.h"
#include "bundle/recordingbanner.h"
#include "models/planmodel.h"
#include "toolrun.h"

#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QUrl>
#include <atomic>
#include <cstdlib>
#include <libpq-fe.h>
#include <memory>
#include <mysql.h>
#include <string>
#include <thread>

#ifndef DBTRIAGE_BIN
#error "DBTRIAGE_BIN must name the built dbtriage executable"
#endif

using namespace dbt;

namespace {

constexpr const char* kSecret = "card-4111111111111111";

QString env(const char* name) {
    return qEnvironmentVariable(name);
}

// A libpq connection of the workload (never the tool's).
class Conn {
public:
    Conn(const QString& uri, const char* app) {
        const QByteArray u = uri.toUtf8();
        const char* keys[] = {"dbname", "application_name", nullptr};
        const char* vals[] = {u.constData(), app, nullptr};
        conn_ = PQconnectdbParams(keys, vals, 1);
    }
    ~Conn() {
        if (conn_) {
            if (PGcancel* c = PQgetCancel(conn_)) {
                char buf[256];
                PQcancel(c, buf, sizeof buf);
                PQfreeCancel(c);
            }
            PQfinish(conn_);
        }
    }
    Conn(const Conn&) = delete;
    Conn& operator=(const Conn&) = delete;

    bool ok() const { return PQstatus(conn_) == CONNECTION_OK; }
    QString error() const { return QString::fromUtf8(PQerrorMessage(conn_)); }
    int pid() const { return PQbackendPID(conn_); }
    bool exec(const char* sql, QString* value = nullptr) {
        PGresult* r = PQexec(conn_, sql);
        const auto st = PQresultStatus(r);
        const bool good = st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK;
        if (value && st == PGRES_TUPLES_OK && PQntuples(r) > 0)
            *value = QString::fromUtf8(PQgetvalue(r, 0, 0));
        PQclear(r);
        return good;
    }
    bool send(const char* sql) { return PQsendQuery(conn_, sql) == 1; }

private:
    PGconn* conn_ = nullptr;
};

QString withoutPassword(const QString& uri) {
    QUrl url(uri);
    url.setPassword(QString());
    return url.toString();
}

using test::Run;

Run runTool(const QStringList& args, const QString& pgPassword,
            const QString& mysqlPassword = QString()) {
    QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
    e.insert(QStringLiteral("PGPASSWORD"), pgPassword);
    if (!mysqlPassword.isEmpty())
        e.insert(QStringLiteral("MYSQL_PWD"), mysqlPassword);
    // A bastion host: no display, no platform chosen; the CLI must pick offscreen itself.
    e.remove(QStringLiteral("QT_QPA_PLATFORM"));
    e.remove(QStringLiteral("DISPLAY"));
    e.remove(QStringLiteral("WAYLAND_DISPLAY"));
    e.remove(QStringLiteral("PGPASSFILE"));
    return test::runProgram(QStringLiteral(DBTRIAGE_BIN), args, e);
}

// Every file of a directory, by relative path.
std::map<QString, QByteArray> filesOf(const QString& dir) {
    std::map<QString, QByteArray> files;
    QDirIterator it(dir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile f(path);
        if (f.open(QIODevice::ReadOnly))
            files[QDir(dir).relativeFilePath(path)] = f.readAll();
    }
    return files;
}

// A MariaDB workload connection (Connector/C), from a mysql:// URI with a password.
class MyConn {
public:
    explicit MyConn(const QString& uri) {
        const QUrl url(uri);
        db_ = mysql_init(nullptr);
        const QByteArray host = url.host().toUtf8();
        const QByteArray user = url.userName().toUtf8();
        const QByteArray password = url.password().toUtf8();
        const QByteArray database = url.path().mid(1).toUtf8();
        ok_ = mysql_real_connect(db_, host.constData(), user.constData(), password.constData(),
                                 database.constData(), static_cast<unsigned>(url.port(3306)),
                                 nullptr, 0) != nullptr;
    }
    ~MyConn() {
        if (db_)
            mysql_close(db_);
    }
    MyConn(const MyConn&) = delete;
    MyConn& operator=(const MyConn&) = delete;
    bool ok() const { return ok_; }
    QString error() const { return QString::fromUtf8(mysql_error(db_)); }
    unsigned long id() const { return mysql_thread_id(db_); }
    bool send(const QByteArray& sql) {
        return mysql_send_query(db_, sql.constData(), static_cast<unsigned long>(sql.size())) == 0;
    }
    // First field of the first row, or "" (also on error).
    QString value(const QByteArray& sql) {
        if (mysql_real_query(db_, sql.constData(), static_cast<unsigned long>(sql.size())) != 0)
            return {};
        MYSQL_RES* r = mysql_store_result(db_);
        if (!r)
            return {};
        MYSQL_ROW row = mysql_fetch_row(r);
        const QString v = row && row[0] ? QString::fromUtf8(row[0]) : QString();
        mysql_free_result(r);
        return v;
    }

private:
    MYSQL* db_ = nullptr;
    bool ok_ = false;
};

} // namespace

class TestBundleLive : public QObject {
    Q_OBJECT

    QString adminUri_;
    QString monitorUri_;
    QString monitorPassword_;
    QString adminPassword_;
    std::unique_ptr<Conn> admin_;
    std::unique_ptr<Conn> holder_;
    std::unique_ptr<Conn> waiter_;
    std::unique_ptr<Conn> secret_;
    QTemporaryDir tmp_;

    QStringList secrets() const {
        QStringList s{monitorPassword_, adminPassword_, QString::fromLatin1(kSecret),
                      QStringLiteral("4111111111111111")};
        // Percent-encoded forms, as they would stand in a URI.
        s << QString::fromUtf8(QUrl::toPercentEncoding(monitorPassword_))
          << QString::fromUtf8(QUrl::toPercentEncoding(adminPassword_));
        s.removeDuplicates();
        s.removeAll(QString());
        return s;
    }

    // Fails the test when any of `needles` occurs in any file.
    void expectAbsent(const std::map<QString, QByteArray>& files, const QStringList& needles,
                      const QString& what, std::size_t minFiles = 10) {
        QVERIFY2(files.size() >= minFiles, qPrintable(what + QStringLiteral(": too few files")));
        for (const auto& [path, data] : files) {
            for (const QString& n : needles) {
                QVERIFY2(!data.contains(n.toUtf8()),
                         qPrintable(QStringLiteral("%1: %2 holds a secret (%3 characters long)")
                                        .arg(what, path)
                                        .arg(n.size())));
            }
        }
    }

private slots:
    void initTestCase() {
        adminUri_ = env("DBTRIAGE_PG_ADMIN_URI");
        monitorUri_ = env("DBTRIAGE_PG_MONITOR_URI");
        monitorPassword_ = env("DBTRIAGE_PG_MONITOR_PASSWORD");
        adminPassword_ = env("DBTRIAGE_PG_ADMIN_PASSWORD");
        if (adminUri_.isEmpty() || monitorUri_.isEmpty() || monitorPassword_.isEmpty())
            QSKIP("DBTRIAGE_PG_ADMIN_URI / DBTRIAGE_PG_MONITOR_URI / "
                  "DBTRIAGE_PG_MONITOR_PASSWORD are not set: start the servers with `source "
                  "\"$(scripts/sandbox start)\"` or run scripts/test.");
        QVERIFY(QFile::exists(QStringLiteral(DBTRIAGE_BIN)));
        QVERIFY(!withoutPassword(monitorUri_).contains(monitorPassword_));

        admin_ = std::make_unique<Conn>(adminUri_, "tst_bundle_admin");
        QVERIFY2(admin_->ok(), qPrintable(admin_->error()));
        QVERIFY(admin_->exec("SET lock_timeout = '10s'"));
        QVERIFY(admin_->exec("DROP TABLE IF EXISTS tst_bundle_orders"));
        QVERIFY(admin_->exec("CREATE TABLE tst_bundle_orders (id int PRIMARY KEY, v int)"));
        QVERIFY(admin_->exec("INSERT INTO tst_bundle_orders VALUES (1, 0), (2, 0)"));

        // A root blocker idle in transaction, a waiter behind it, a query with a secret.
        holder_ = std::make_unique<Conn>(adminUri_, "tst_bundle_holder");
        waiter_ = std::make_unique<Conn>(adminUri_, "tst_bundle_waiter");
        secret_ = std::make_unique<Conn>(adminUri_, "tst_bundle_secret");
        QVERIFY(holder_->ok() && waiter_->ok() && secret_->ok());
        QVERIFY(holder_->exec("BEGIN"));
        QVERIFY(holder_->exec("UPDATE tst_bundle_orders SET v = v + 1 WHERE id = 1"));
        QVERIFY(waiter_->exec("SET lock_timeout = '60s'"));
        QVERIFY(waiter_->send("UPDATE tst_bundle_orders SET v = v + 2 WHERE id = 1"));
        QVERIFY(secret_->send("SELECT pg_sleep(30) WHERE 'card-4111111111111111' <> ''"));

        QElapsedTimer clock;
        clock.start();
        QString ready;
        while (clock.elapsed() < 10000) {
            QVERIFY(admin_->exec(
                "SELECT count(*) FROM pg_stat_activity WHERE (application_name = "
                "'tst_bundle_waiter' AND wait_event_type = 'Lock') OR (application_name = "
                "'tst_bundle_secret' AND state = 'active')",
                &ready));
            if (ready == QLatin1String("2"))
                break;
            QThread::msleep(100);
        }
        QCOMPARE(ready, QStringLiteral("2"));
    }

    void cleanupTestCase() {
        secret_.reset();
        waiter_.reset();
        holder_.reset();
        if (admin_ && admin_->ok())
            admin_->exec("DROP TABLE IF EXISTS tst_bundle_orders, tst_bundle_big, "
                         "tst_bundle_hidden");
    }

    void redactedZipHoldsNoSecret() {
        const QString zip = tmp_.filePath(QStringLiteral("evidence.zip"));
        const Run r = runTool(
            {QStringLiteral("collect"), withoutPassword(monitorUri_), QStringLiteral("--out"), zip,
             QStringLiteral("--samples"), QStringLiteral("2"), QStringLiteral("--interval"),
             QStringLiteral("1"), QStringLiteral("--note"), QStringLiteral("INC-1: checkout slow")},
            monitorPassword_);
        QVERIFY2(r.exitCode == 0 || r.exitCode == 4, qPrintable(r.err));
        QVERIFY2(r.out.contains(QLatin1String("Written: ")), qPrintable(r.out));
        for (const QString& s : secrets()) {
            QVERIFY(!r.out.contains(s));
            QVERIFY(!r.err.contains(s));
        }

        const Bundle b = BundleReader::open(zip);
        QVERIFY2(b.ok(), qPrintable(b.error));
        QVERIFY2(b.verified(), qPrintable(b.verification));
        QVERIFY(b.files.count("charts/connections.png"));
        QVERIFY(b.files.count("charts/lock-graph.svg"));
        QVERIFY(b.files.count("charts/lock-graph.png"));
        QCOMPARE(b.samples.size(), std::size_t(2));
        std::map<QString, QByteArray> files;
        for (const auto& [path, data] : b.files)
            files[QString::fromStdString(path)] = data;
        expectAbsent(files, secrets(), QStringLiteral("redacted zip"));
        // The raw zip too (names, comments, anything stored).
        QFile raw(zip);
        QVERIFY(raw.open(QIODevice::ReadOnly));
        expectAbsent({{QStringLiteral("evidence.zip"), raw.readAll()}}, secrets(),
                     QStringLiteral("raw zip"), 1);

        // The secret session is there, redacted; the root blocker is named in the README.
        bool sawSecretSession = false;
        for (const Session& s : b.snapshot->sessions) {
            if (s.application == "tst_bundle_secret") {
                sawSecretSession = true;
                QVERIFY2(s.query.find("pg_sleep(") != std::string::npos, s.query.c_str());
            }
        }
        QVERIFY(sawSecretSession);
        const QByteArray readme = b.files.at("README.md");
        QVERIFY(readme.contains("INC-1: checkout slow"));
        QVERIFY2(readme.contains(
                     QStringLiteral("pid %1: blocks 1 session").arg(holder_->pid()).toUtf8()),
                 readme.constData());
        QVERIFY(readme.contains("application tst_bundle_holder"));
        QVERIFY(b.manifest.redacted);
        QVERIFY(b.files.at("manifest.json").contains("\"query_texts_redacted\": true"));
        QVERIFY(b.files.at("manifest.json").contains("\"passwords_included\": false"));
    }

    void unredactedDirectoryShowsLiteral() {
        const QString dir = tmp_.filePath(QStringLiteral("unredacted"));
        const Run r = runTool({QStringLiteral("collect"), withoutPassword(monitorUri_),
                               QStringLiteral("--out"), dir, QStringLiteral("--no-redact")},
                              monitorPassword_);
        QVERIFY2(r.exitCode == 0 || r.exitCode == 4, qPrintable(r.err));
        const std::map<QString, QByteArray> files = filesOf(dir);
        QStringList passwords{monitorPassword_, adminPassword_};
        passwords.removeAll(QString());
        expectAbsent(files, passwords, QStringLiteral("unredacted directory"));
        QVERIFY(files.at(QStringLiteral("snapshot.json")).contains(kSecret));
        QVERIFY(files.at(QStringLiteral("sessions.csv")).contains(kSecret));
        QVERIFY(files.at(QStringLiteral("README.md")).contains("**NOT REDACTED.**"));
        QVERIFY(files.at(QStringLiteral("summary.jira.txt")).contains("*NOT REDACTED.*"));
        QVERIFY(
            files.at(QStringLiteral("manifest.json")).contains("\"query_texts_redacted\": false"));
        QVERIFY(BundleReader::open(dir).verified());
    }

    void mariadbZipHoldsNoSecret() {
        const QString adminUri = env("DBTRIAGE_MARIADB_ADMIN_URI");
        const QString monitorUri = env("DBTRIAGE_MARIADB_MONITOR_URI");
        const QString monitorPassword = env("DBTRIAGE_MARIADB_MONITOR_PASSWORD");
        const QString adminPassword = env("DBTRIAGE_MARIADB_ADMIN_PASSWORD");
        if (adminUri.isEmpty() || monitorUri.isEmpty() || monitorPassword.isEmpty())
            QSKIP("DBTRIAGE_MARIADB_ADMIN_URI / _MONITOR_URI / _MONITOR_PASSWORD are not set.");
        MyConn admin(adminUri);
        QVERIFY2(admin.ok(), qPrintable(admin.error()));
        MyConn secret(adminUri);
        QVERIFY2(secret.ok(), qPrintable(secret.error()));
        QVERIFY(secret.send("SELECT SLEEP(20) FROM DUAL WHERE 'card-4111111111111111' <> ''"));
        const QByteArray id = QByteArray::number(static_cast<qulonglong>(secret.id()));
        QElapsedTimer clock;
        clock.start();
        QString seen;
        while (clock.elapsed() < 10000) {
            seen =
                admin.value("SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE ID = " + id +
                            " AND STATE = 'User sleep'");
            if (seen == QLatin1String("1"))
                break;
            QThread::msleep(100);
        }
        QCOMPARE(seen, QStringLiteral("1"));

        // MYSQL_PWD carries the password; the URI has none.
        const QString zip = tmp_.filePath(QStringLiteral("mariadb.zip"));
        const Run r = runTool(
            {QStringLiteral("collect"), withoutPassword(monitorUri), QStringLiteral("--out"), zip},
            QString(), monitorPassword);
        admin.value("KILL QUERY " + id);
        QVERIFY2(r.exitCode == 0 || r.exitCode == 4, qPrintable(r.err));
        const Bundle b = BundleReader::open(zip);
        QVERIFY2(b.verified(), qPrintable(b.error + b.verification));
        QCOMPARE(b.snapshot->server.engine, Engine::MariaDB);
        std::map<QString, QByteArray> files;
        for (const auto& [path, data] : b.files)
            files[QString::fromStdString(path)] = data;
        QStringList needles{monitorPassword, adminPassword, QString::fromLatin1(kSecret),
                            QStringLiteral("4111111111111111")};
        needles.removeAll(QString());
        expectAbsent(files, needles, QStringLiteral("MariaDB zip"));
        bool sawSleep = false;
        for (const Session& x : b.snapshot->sessions)
            sawSleep = sawSleep || x.query.find("SLEEP") != std::string::npos;
        QVERIFY2(sawSleep, "the session with the secret literal was not sampled");
        for (const QString& n : needles)
            QVERIFY(!r.out.contains(n) && !r.err.contains(n));
    }

    // collect --explain-top 3 --advise while a workload runs a slow sequential scan (the
    // monitor may read that table) and a query on a table the monitor may not read: the first
    // gets its plan files with the seq-scan insight, the second a "not explained" note, exit 4.
    void plansAndAdviceOnPostgres() {
        QVERIFY(admin_->exec("DROP TABLE IF EXISTS tst_bundle_big, tst_bundle_hidden"));
        QVERIFY(admin_->exec("CREATE TABLE tst_bundle_big (id int, v int, pad text)"));
        QVERIFY(admin_->exec("INSERT INTO tst_bundle_big SELECT g, g, 'x' FROM "
                             "generate_series(1, 100000) g"));
        QVERIFY(admin_->exec("CREATE TABLE tst_bundle_hidden (id int, v int)"));
        QVERIFY(admin_->exec("INSERT INTO tst_bundle_hidden SELECT g, g FROM "
                             "generate_series(1, 50000) g"));
        QVERIFY(admin_->exec("ANALYZE tst_bundle_big"));
        QVERIFY(admin_->exec("ANALYZE tst_bundle_hidden"));
        QVERIFY(admin_->exec("GRANT SELECT ON tst_bundle_big TO dbtriage_monitor"));

        std::atomic<bool> stop{false};
        std::atomic<int> runs{0};
        std::thread workload([&] {
            Conn c(adminUri_, "tst_bundle_workload");
            while (c.ok() && !stop.load()) {
                c.exec("SELECT count(*) FROM tst_bundle_big WHERE v = 4242");
                c.exec("SELECT count(*) FROM tst_bundle_big WHERE v = 4243");
                c.exec("SELECT count(*) FROM tst_bundle_hidden WHERE v = 7");
                ++runs;
            }
        });
        QThread::msleep(300);
        const QString zip = tmp_.filePath(QStringLiteral("plans.zip"));
        const Run r = runTool({QStringLiteral("collect"), withoutPassword(monitorUri_),
                               QStringLiteral("--out"), zip, QStringLiteral("--samples"),
                               QStringLiteral("2"), QStringLiteral("--interval"),
                               QStringLiteral("1"), QStringLiteral("--explain-top"),
                               QStringLiteral("3"), QStringLiteral("--advise")},
                              monitorPassword_);
        stop = true;
        workload.join();
        admin_->exec("DROP TABLE IF EXISTS tst_bundle_hidden");
        QVERIFY(runs.load() > 0);
        // The hidden table's statement could not be explained: a partial result (exit 4).
        QVERIFY2(r.exitCode == 4, qPrintable(r.err));
        QVERIFY2(r.err.contains(QLatin1String("was not explained: ")), qPrintable(r.err));
        QVERIFY2(r.err.contains(QLatin1String("tst_bundle_hidden")), qPrintable(r.err));
        for (const QString& secret : secrets())
            QVERIFY(!r.out.contains(secret) && !r.err.contains(secret));

        const Bundle b = BundleReader::open(zip);
        QVERIFY2(b.ok(), qPrintable(b.error));
        QVERIFY2(b.verified(), qPrintable(b.verification));
        std::map<QString, QByteArray> files;
        for (const auto& [path, data] : b.files)
            files[QString::fromStdString(path)] = data;
        expectAbsent(files, secrets(), QStringLiteral("zip with plans"));
        // Every plan file is listed in the manifest with its checksum.
        int jsonPlans = 0;
        for (const auto& [path, data] : b.files) {
            if (path.rfind("plans/", 0) != 0)
                continue;
            const bool listed = std::any_of(b.manifest.files.begin(), b.manifest.files.end(),
                                            [&](const ManifestFile& f) { return f.path == path; });
            QVERIFY2(listed, path.c_str());
            if (path.size() > 5 && path.compare(path.size() - 5, 5, ".json") == 0) {
                ++jsonPlans;
                const auto doc = makePlanDocument(
                    std::string_view(data.constData(), std::size_t(data.size())), path);
                QVERIFY(doc && !doc->plan.empty());
            }
        }
        QVERIFY(jsonPlans >= 1);

        // The seq-scan statement: explained (generic plan), its .txt holds the insight.
        const auto& summaries = b.manifest.collection.plans;
        QCOMPARE(b.manifest.collection.explainTopRequested, 3);
        const PlanSummary* seq = nullptr;
        const PlanSummary* hidden = nullptr;
        for (const PlanSummary& p : summaries) {
            const QString text = QString::fromUtf8(
                b.files.count(p.textFile) ? b.files.at(p.textFile) : QByteArray());
            if (text.contains(QLatin1String("tst_bundle_big")))
                seq = &p;
            if (p.error.find("tst_bundle_hidden") != std::string::npos)
                hidden = &p;
        }
        QVERIFY2(seq, b.files.at("manifest.json").constData());
        QVERIFY(seq->genericPlan && !seq->analyzed);
        const QByteArray txt = b.files.at(seq->textFile);
        QVERIFY2(txt.contains("generic plan (no parameter values)"), txt.constData());
        QVERIFY2(txt.contains("Seq Scan on tst_bundle_big"), txt.constData());
        QVERIFY2(txt.contains("seq-scan-estimated"), txt.constData());
        QVERIFY(txt.contains("Statement: SELECT count(*) FROM tst_bundle_big WHERE v = $1"));
        QVERIFY(std::any_of(
            seq->insights.begin(), seq->insights.end(), [](const PlanInsightSummary& i) {
                return i.code == "seq-scan-estimated" && i.node == "Seq Scan on tst_bundle_big";
            }));
        QVERIFY2(hidden, b.files.at("manifest.json").constData());
        QVERIFY(hidden->jsonFile.empty());
        QVERIFY(hidden->error.find("permission denied") != std::string::npos);

        // README: the Plans section names the statement, its file and the insight, and the
        // statement that was not explained with its sentence.
        const QByteArray readme = b.files.at("README.md");
        const qsizetype plans = readme.indexOf("## Plans (");
        QVERIFY2(plans > 0, readme.constData());
        const QByteArray section = readme.mid(plans, readme.indexOf("## Connections") - plans);
        QVERIFY2(section.contains(QByteArray("`") + seq->statementId.c_str() + "`"),
                 section.constData());
        QVERIFY(section.contains(QByteArray("`") + seq->textFile.c_str() + "`"));
        QVERIFY(section.contains("seq-scan-estimated"));
        QVERIFY(section.contains("Seq Scan on tst\\_bundle\\_big") ||
                section.contains("Seq Scan on tst_bundle_big"));
        QVERIFY(section.contains("not explained: "));
        QVERIFY(b.files.at("summary.jira.txt").contains("h2. Plans ("));
        // --advise: the commented candidates file.
        QVERIFY(b.files.count("index-candidates.sql"));
        QVERIFY(b.files.at("index-candidates.sql").startsWith("-- Index candidates"));

        // What the window's Plans view gets: the JSON with the statement's text.
        const auto entries = bundlePlanEntries(b);
        QVERIFY(std::any_of(entries.begin(), entries.end(), [&](const BundlePlanEntry& e) {
            return e.summary.statementId == seq->statementId && !e.text.isEmpty() &&
                   e.statement.contains(QLatin1String("tst_bundle_big"));
        }));
        QCOMPARE(bundlePlanFailures(b).size(), std::size_t(1));

        // dbtriage open shows the Plans section from the bundle.
        const Run opened = runTool({QStringLiteral("open"), zip}, QString());
        QCOMPARE(opened.exitCode, 0);
        QVERIFY(opened.out.contains(QLatin1String("## Plans (")));
        QVERIFY(opened.out.contains(QString::fromStdString(seq->textFile)));
    }

    // MariaDB: EXPLAIN FORMAT=JSON of the digest of a full table scan.
    void mariadbPlans() {
        const QString adminUri = env("DBTRIAGE_MARIADB_ADMIN_URI");
        const QString monitorUri = env("DBTRIAGE_MARIADB_MONITOR_URI");
        const QString monitorPassword = env("DBTRIAGE_MARIADB_MONITOR_PASSWORD");
        if (adminUri.isEmpty() || monitorUri.isEmpty() || monitorPassword.isEmpty())
            QSKIP("DBTRIAGE_MARIADB_ADMIN_URI / _MONITOR_URI / _MONITOR_PASSWORD are not set.");
        MyConn admin(adminUri);
        QVERIFY2(admin.ok(), qPrintable(admin.error()));
        admin.value("DROP TABLE IF EXISTS tst_bundle_my");
        admin.value("CREATE TABLE tst_bundle_my (id INT, v INT)");
        admin.value("INSERT INTO tst_bundle_my SELECT seq, seq FROM seq_1_to_20000");
        QCOMPARE(admin.value("SELECT COUNT(*) FROM tst_bundle_my"), QStringLiteral("20000"));
        admin.value("ANALYZE TABLE tst_bundle_my PERSISTENT FOR ALL");

        std::atomic<bool> stop{false};
        std::thread workload([&] {
            MyConn c(adminUri);
            while (c.ok() && !stop.load())
                c.value("SELECT COUNT(*) FROM tst_bundle_my WHERE v = 4242");
        });
        QThread::msleep(300);
        const QString zip = tmp_.filePath(QStringLiteral("mariadb-plans.zip"));
        const Run r = runTool(
            {QStringLiteral("collect"), withoutPassword(monitorUri), QStringLiteral("--out"), zip,
             QStringLiteral("--samples"), QStringLiteral("2"), QStringLiteral("--interval"),
             QStringLiteral("1"), QStringLiteral("--explain-top"), QStringLiteral("3")},
            QString(), monitorPassword);
        stop = true;
        workload.join();
        admin.value("DROP TABLE IF EXISTS tst_bundle_my");
        QVERIFY2(r.exitCode == 0 || r.exitCode == 4, qPrintable(r.err));
        const Bundle b = BundleReader::open(zip);
        QVERIFY2(b.verified(), qPrintable(b.error + b.verification));
        const PlanSummary* scan = nullptr;
        for (const PlanSummary& p : b.manifest.collection.plans) {
            if (p.explained() && b.files.count(p.textFile) &&
                b.files.at(p.textFile).contains("tst_bundle_my"))
                scan = &p;
        }
        QVERIFY2(scan, b.files.at("manifest.json").constData());
        QCOMPARE(scan->dialect, std::string("mariadb-json"));
        const QByteArray json = b.files.at(scan->jsonFile);
        QVERIFY(json.contains("\"query_block\""));
        const auto doc = makePlanDocument(
            std::string_view(json.constData(), std::size_t(json.size())), scan->jsonFile);
        QVERIFY(doc && !doc->plan.empty());
        const QByteArray txt = b.files.at(scan->textFile);
        QVERIFY2(txt.contains("table tst_bundle_my (ALL)"), txt.constData());
        QVERIFY2(txt.contains("full-scan"), txt.constData());
        QVERIFY(b.files.at("README.md").contains(scan->textFile.c_str()));
        std::map<QString, QByteArray> files;
        for (const auto& [path, data] : b.files)
            files[QString::fromStdString(path)] = data;
        QStringList needles{monitorPassword, env("DBTRIAGE_MARIADB_ADMIN_PASSWORD")};
        needles.removeAll(QString());
        expectAbsent(files, needles, QStringLiteral("MariaDB zip with plans"));
    }

    void openAndCompare() {
        const QString zip = tmp_.filePath(QStringLiteral("evidence.zip"));
        QVERIFY(QFile::exists(zip));
        Run r = runTool({QStringLiteral("open"), zip}, QString());
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.startsWith(QLatin1String("Recording from ")), qPrintable(r.out.left(200)));
        QVERIFY(r.out.contains(QLatin1String("Checksums: All ")));
        QVERIFY(r.out.contains(QLatin1String("## Root blockers")));

        r = runTool({QStringLiteral("open"), QStringLiteral("--json"), zip}, QString());
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.startsWith(QLatin1String("{")));

        r = runTool({QStringLiteral("compare"), zip, withoutPassword(monitorUri_),
                     QStringLiteral("--samples"), QStringLiteral("2"), QStringLiteral("--interval"),
                     QStringLiteral("1")},
                    monitorPassword_);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(r.out.contains(QLatin1String("Connections: ")));
        QVERIFY(r.out.contains(QLatin1String("still there")));
        for (const QString& s : secrets())
            QVERIFY(!r.out.contains(s) && !r.err.contains(s));

        // A tampered directory bundle opens marked unverified, with exit code 5.
        const QString dir = tmp_.filePath(QStringLiteral("unredacted"));
        QFile csv(dir + QStringLiteral("/statements.csv"));
        QVERIFY(csv.open(QIODevice::Append));
        csv.write("tampered\r\n");
        csv.close();
        r = runTool({QStringLiteral("open"), dir}, QString());
        QCOMPARE(r.exitCode, 5);
        QVERIFY(r.out.contains(QLatin1String("UNVERIFIED: statements.csv is longer")));
    }
};

QTEST_GUILESS_MAIN(TestBundleLive)
#include "tst_bundle_live.moc"
