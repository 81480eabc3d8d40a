// Connection errors and the status area in German and French (compiled .qm files): every
// sentence the PostgreSQL driver composes for a failed connection is translated while what()
// stays English (it may go into a bundle); the sampler's status sentence for a refused
// connection and the status area's server line follow the language.
#include "collect/sampler.h"
#include "common/statusarea.h"
#include "engines/postgres/pgconninfo.h"
#include "engines/postgres/pgexplain.h"
#include "i18n/messagetext.h"
#include "language.h"

#include <QLocale>
#include <QSignalSpy>
#include <QtTest>
#include <pqxx/except>

#ifndef DBTRIAGE_QM_DIR
#error "DBTRIAGE_QM_DIR must name the directory of the compiled translations"
#endif

using namespace dbt;

namespace {

pg::ConnectFailure failure(const std::string& message, const std::string& host = "db1") {
    pg::ConnectFailure f;
    f.message = message;
    f.host = host;
    f.port = "5433";
    f.user = "monitor";
    f.database = "app";
    return f;
}

// One server message for each sentence of classifyConnectFailure.
const char* const kServerMessages[] = {
    "FATAL:  password authentication failed for user \"monitor\"",
    "fe_sendauth: no password supplied",
    "FATAL:  database \"app\" does not exist",
    "FATAL:  role \"monitor\" does not exist",
    "FATAL:  no pg_hba.conf entry for host \"10.0.0.1\"",
    "FATAL:  Peer authentication failed for user \"monitor\"",
    "received invalid response to SSL negotiation: H",
    "could not connect to server: Connection refused",
    "timeout expired",
    "could not connect to server: No route to host",
    "could not translate host name \"db1\" to address: Name or service not known",
    "FATAL:  sorry, too many clients already",
    "FATAL:  the database system is starting up",
    "SSL error: certificate verify failed",
    "server certificate for \"x\" does not match host name \"db1\"",
    "root certificate file \"/nope\" does not exist",
    "SSL SYSCALL error: EOF detected",
    "server closed the connection unexpectedly",
    "something nobody expected",
};

} // namespace

class TestErrorText : public QObject {
    Q_OBJECT

    void use(const QString& language) {
        QVERIFY2(test::useLanguage(language), "the compiled translation (dbtriage_lrelease)");
    }

private slots:
    void initTestCase() { qRegisterMetaType<dbt::SamplerStatus>(); }
    void cleanup() { use(QStringLiteral("en")); }

    void englishIsWhat() {
        use(QStringLiteral("en"));
        const EngineError e = pg::classifyConnectFailure(failure("Connection refused", ""), {}, 5);
        QCOMPARE(std::string(e.what()),
                 std::string("Nothing accepts connections at the local socket (port 5433) "
                             "(connection refused). Check host and port, and that the server "
                             "is running."));
        QCOMPARE(i18n::errorText(e), QString::fromStdString(e.what()));
    }

    void everyConnectSentenceTranslated_data() {
        QTest::addColumn<QString>("language");
        QTest::newRow("de") << QStringLiteral("de");
        QTest::newRow("fr") << QStringLiteral("fr");
    }

    void everyConnectSentenceTranslated() {
        QFETCH(QString, language);
        use(language);
        for (const char* message : kServerMessages) {
            const EngineError e = pg::classifyConnectFailure(failure(message), {}, 5);
            QVERIFY2(e.message() != nullptr, message);
            const QString shown = i18n::errorText(e);
            const QString english = QString::fromStdString(e.what());
            QVERIFY2(english.startsWith(QLatin1String("The ")) ||
                         english.startsWith(QLatin1String("No")) ||
                         english.startsWith(QLatin1String("Authentication")) ||
                         english.startsWith(QLatin1String("Database")) ||
                         english.startsWith(QLatin1String("Role")) ||
                         english.startsWith(QLatin1String("There")) ||
                         english.startsWith(QLatin1String("Could")),
                     qPrintable(english)); // what() stays English
            QVERIFY2(shown != english, qPrintable(shown));
            QVERIFY2(shown.contains(QLatin1String("db1")), qPrintable(shown));
        }
    }

    void germanSentences() {
        use(QStringLiteral("de"));
        const EngineError refused =
            pg::classifyConnectFailure(failure("Connection refused", ""), {}, 5);
        QCOMPARE(i18n::errorText(refused),
                 QStringLiteral("Unter dem lokalen Socket (Port 5433) nimmt niemand Verbindungen "
                                "an (Verbindung abgelehnt). Prüfen Sie Host und Port und ob der "
                                "Server läuft."));
        const EngineError auth = pg::classifyConnectFailure(
            failure("FATAL:  password authentication failed for user \"monitor\""), {}, 5);
        QCOMPARE(i18n::errorText(auth),
                 QStringLiteral("Die Anmeldung von Benutzer monitor an db1:5433 ist "
                                "fehlgeschlagen. Prüfen Sie das Passwort in ~/.pgpass, "
                                "PGPASSWORD oder der Service-Datei."));
        try {
            pg::parseTarget("host=db1 port");
            QFAIL("parseTarget accepted a broken keyword string");
        } catch (const EngineError& e) {
            QVERIFY2(i18n::errorText(e).startsWith(
                         QLatin1String("Das PostgreSQL-Verbindungsziel konnte nicht gelesen")),
                     qPrintable(i18n::errorText(e)));
        }
    }

    void explainFailureGerman() {
        const pg::ExplainContext context;
        const pqxx::sql_error syntax("ERROR:  syntax error at or near \"SELEC\"", "SELEC 1",
                                     "42601");
        use(QStringLiteral("en"));
        QCOMPARE(std::string(pg::explainFailure(syntax, context).what()),
                 std::string("EXPLAIN failed: syntax error at or near \"SELEC\". Check the "
                             "statement, its database and the search_path."));
        use(QStringLiteral("de"));
        QCOMPARE(i18n::errorText(pg::explainFailure(syntax, context)),
                 QStringLiteral("EXPLAIN ist fehlgeschlagen: syntax error at or near \"SELEC\". "
                                "Prüfen Sie die Anweisung, ihre Datenbank und den search_path."));
        const pqxx::sql_error lock("ERROR:  canceling statement due to lock timeout", "", "55P03");
        QVERIFY2(i18n::errorText(pg::explainFailure(lock, context))
                     .startsWith(QLatin1String("EXPLAIN hat nach dem Sperr-Timeout (500 ms)")),
                 qPrintable(i18n::errorText(pg::explainFailure(lock, context))));
        use(QStringLiteral("fr"));
        QVERIFY2(i18n::errorText(pg::explainFailure(syntax, context))
                     .startsWith(QStringLiteral("EXPLAIN a échoué : syntax error")),
                 qPrintable(i18n::errorText(pg::explainFailure(syntax, context))));
    }

    void samplerAndStatusAreaGerman() {
        use(QStringLiteral("de"));
        CollectorOptions options;
        options.connect.target = "postgresql://nobody@127.0.0.1:1/nothing";
        Sampler sampler(options, 1);
        QSignalSpy spy(&sampler, &Sampler::statusChanged);
        sampler.start();
        QTRY_VERIFY(!spy.isEmpty() &&
                    spy.last().at(1).value<SamplerStatus>().state == SamplerStatus::State::Failed);
        const SamplerStatus failed = spy.last().at(1).value<SamplerStatus>();
        QVERIFY2(failed.sentence.startsWith(
                     QLatin1String("Unter 127.0.0.1:1 nimmt niemand Verbindungen an")),
                 qPrintable(failed.sentence));
        QVERIFY2(failed.sentence.endsWith(QLatin1String(" Neuer Versuch alle 2 s.")),
                 qPrintable(failed.sentence));
        sampler.stop();

        gui::StatusArea area;
        area.setStatus(failed);
        QCOMPARE(area.stateText(), QStringLiteral("Verbindung fehlgeschlagen"));
        QCOMPARE(area.sentenceText(), failed.sentence);
        ServerInfo server;
        server.engine = Engine::PostgreSQL;
        server.version = "16.4";
        area.setOffline(QStringLiteral("b.zip"), server);
        QVERIFY2(area.serverText().contains(QLatin1String("lokaler Socket")),
                 qPrintable(area.serverText()));
    }
};

QTEST_MAIN(TestErrorText)
#include "tst_errortext.moc"
