// The evidence bundle against the sandbox PostgreSQL, through the built dbtriage binary:
// a lock pile-up and a session whose query holds a secret literal; "dbtriage collect URI
// --out X.zip" with PGPASSWORD set (the URI has no password); then every file of the bundle
// is searched for the passwords, the PGPASSWORD value and the literal. With --no-redact the
// literal appears and README and manifest say so. "open" and "compare" run on the result.
// Needs DBTRIAGE_PG_ADMIN_URI, DBTRIAGE_PG_MONITOR_URI and the passwords
// (source "$(scripts/sandbox start)", or scripts/test).
#include "bundle/bundlereader.h"

#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QUrl>
#include <cstdlib>
#include <libpq-fe.h>
#include <memory>
#include <string>

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

struct Run {
    int exitCode = -1;
    QString out;
    QString err;
};

Run runTool(const QStringList& args, const QString& pgPassword) {
    QProcess p;
    QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
    e.insert(QStringLiteral("PGPASSWORD"), pgPassword);
    // A bastion host: no display, no platform chosen; the CLI must pick offscreen itself.
    e.remove(QStringLiteral("QT_QPA_PLATFORM"));
    e.remove(QStringLiteral("DISPLAY"));
    e.remove(QStringLiteral("WAYLAND_DISPLAY"));
    e.remove(QStringLiteral("PGPASSFILE"));
    p.setProcessEnvironment(e);
    p.start(QStringLiteral(DBTRIAGE_BIN), args);
    Run r;
    if (!p.waitForFinished(120000)) {
        p.kill();
        p.waitForFinished();
        r.err = QStringLiteral("timed out");
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
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
            admin_->exec("DROP TABLE IF EXISTS tst_bundle_orders");
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
