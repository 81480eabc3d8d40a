// The built dbtriage on the command line in German and French (DBTRIAGE_LANG): --help, the
// options of collect, a connection target it cannot read, a refused connection (port 1, no
// server needed) and a missing bundle. English stays as it was, byte for byte.
#include "toolrun.h"

#include <QFile>
#include <QFileInfo>
#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <QtTest>

#ifndef DBTRIAGE_BIN
#error "DBTRIAGE_BIN must name the built dbtriage executable"
#endif

namespace {

using dbt::test::Run;

Run runTool(const QString& lang, const QStringList& args) {
    QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
    e.remove(QStringLiteral("DISPLAY"));
    // No password from the environment or a service file may change the path taken.
    for (const char* name : {"PGPASSWORD", "PGSERVICE", "PGSERVICEFILE", "PGPASSFILE"})
        e.remove(QString::fromLatin1(name));
    e.insert(QStringLiteral("DBTRIAGE_LANG"), lang);
    e.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    return dbt::test::runProgram(QStringLiteral(DBTRIAGE_BIN), args, e, 60000);
}

const QString kRefused = QStringLiteral("postgresql://nobody@127.0.0.1:1/nothing");
const QString kBadTarget = QStringLiteral("host=db1 port");

} // namespace

class TestCliLanguage : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY(QFile::exists(QStringLiteral(DBTRIAGE_BIN))); }

    void helpGerman() {
        const Run r = runTool(QStringLiteral("de"), {QStringLiteral("--help")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.startsWith(QLatin1String("Aufruf:")), qPrintable(r.out));
        // every subcommand is listed, in German
        QVERIFY2(r.out.contains(QLatin1String("einen Abfrageplan")), qPrintable(r.out));
        QVERIFY2(r.out.contains(QStringLiteral("Indexe für die teuersten")), qPrintable(r.out));
        QVERIFY2(!r.out.contains(QLatin1String("open the window")), qPrintable(r.out));
    }

    void collectHelpGerman() {
        const Run r =
            runTool(QStringLiteral("de"), {QStringLiteral("collect"), QStringLiteral("--help")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(QLatin1String("--out <DATEI.zip|VERZ>")), qPrintable(r.out));
        QVERIFY2(r.out.contains(QLatin1String("--interval <SEKUNDEN>")), qPrintable(r.out));
        QVERIFY2(r.out.contains(QLatin1String("VERBINDUNG")), qPrintable(r.out));
        QVERIFY2(!r.out.contains(QLatin1String("SECONDS")), qPrintable(r.out));
    }

    void collectHelpFrench() {
        const Run r =
            runTool(QStringLiteral("fr"), {QStringLiteral("collect"), QStringLiteral("--help")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(QStringLiteral("--out <FICHIER.zip|RÉP>")), qPrintable(r.out));
        // Qt 6.4's own French lacks the help option's texts; dbtriage's translation has them
        QVERIFY2(!r.out.contains(QLatin1String("Displays help")), qPrintable(r.out));
        QVERIFY2(r.out.contains(QStringLiteral("Afficher l'aide")), qPrintable(r.out));
    }

    void refusedGermanAndFrench() {
        const Run de = runTool(QStringLiteral("de"), {QStringLiteral("collect"), kRefused});
        QCOMPARE(de.exitCode, 3);
        QVERIFY2(de.err.contains(QLatin1String("Unter 127.0.0.1:1 nimmt niemand Verbindungen an")),
                 qPrintable(de.err));
        QVERIFY2(!de.err.contains(QLatin1String("Nothing accepts")), qPrintable(de.err));

        const Run fr = runTool(QStringLiteral("fr"), {QStringLiteral("collect"), kRefused});
        QCOMPARE(fr.exitCode, 3);
        QVERIFY2(fr.err.contains(
                     QStringLiteral("Aucun serveur n'accepte de connexions sur 127.0.0.1:1")),
                 qPrintable(fr.err));
    }

    void mysqlRefusedGerman() {
        const Run r =
            runTool(QStringLiteral("de"), {QStringLiteral("collect"),
                                           QStringLiteral("mysql://nobody@127.0.0.1:1/nothing")});
        QCOMPARE(r.exitCode, 3);
        QVERIFY2(r.err.startsWith(QStringLiteral("dbtriage collect: Keine Verbindung zu "
                                                 "127.0.0.1:1 möglich: Verbindung abgelehnt")),
                 qPrintable(r.err));
    }

    void badMysqlTargetFrench() {
        const Run r = runTool(QStringLiteral("fr"), {QStringLiteral("collect"),
                                                     QStringLiteral("mysql://u@db1:99999/app")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral("Le port dans l'URI de connexion doit être un "
                                               "nombre de 1 à 65535, pas '99999'.")),
                 qPrintable(r.err));
    }

    void badTargetGerman() {
        const Run r = runTool(QStringLiteral("de"), {QStringLiteral("collect"), kBadTarget});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QLatin1String("Das PostgreSQL-Verbindungsziel konnte nicht "
                                              "gelesen werden")),
                 qPrintable(r.err));
        QVERIFY2(!r.err.contains(QLatin1String("Use a postgresql:// URI")), qPrintable(r.err));
    }

    // The timeouts are one set of options for collect, advise and explain: each names its
    // subcommand and its own limit, in the user's language, before connecting.
    void timeoutsRefused() {
        const QStringList query = {QStringLiteral("--query"), QStringLiteral("SELECT 1")};
        const struct {
            QString subcommand;
            QStringList extra;
            QString limit;
        } cases[] = {{QStringLiteral("collect"), {}, QStringLiteral("600000")},
                     {QStringLiteral("advise"), {}, QStringLiteral("600000")},
                     {QStringLiteral("explain"), query, QStringLiteral("3600000")}};
        for (const auto& c : cases) {
            QStringList args = {c.subcommand, kRefused};
            args << c.extra << QStringLiteral("--statement-timeout") << QStringLiteral("99999999");
            const Run en = runTool(QStringLiteral("en"), args);
            QCOMPARE(en.exitCode, 2);
            QCOMPARE(en.err, QStringLiteral("dbtriage %1: --statement-timeout takes milliseconds "
                                            "from 100 to %2.\n")
                                 .arg(c.subcommand, c.limit));
            args = {c.subcommand, kRefused};
            args << c.extra << QStringLiteral("--lock-timeout") << QStringLiteral("5");
            const Run de = runTool(QStringLiteral("de"), args);
            QCOMPARE(de.exitCode, 2);
            QCOMPARE(de.err, QStringLiteral("dbtriage %1: --lock-timeout erwartet Millisekunden "
                                            "von 10 bis 60000.\n")
                                 .arg(c.subcommand));
            const Run help =
                runTool(QStringLiteral("fr"), {c.subcommand, QStringLiteral("--help")});
            QCOMPARE(help.exitCode, 0);
            QVERIFY2(help.out.contains(QLatin1String("--statement-timeout <MS>")),
                     qPrintable(help.out));
            QVERIFY2(!help.out.contains(QLatin1String("default 500")), qPrintable(help.out));
        }
    }

    // An --out nobody can write is refused before any sampling (exit 2, no connection tried):
    // a file stands where its directory would be (root too cannot write below a file).
    void unwritableOutBeforeSampling() {
        QTemporaryDir dir;
        QFile blocker(dir.filePath(QStringLiteral("a-file")));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        const QString out = blocker.fileName() + QStringLiteral("/sub/bundle.zip");
        const Run de = runTool(QStringLiteral("de"),
                               {QStringLiteral("collect"), kRefused, QStringLiteral("--out"), out});
        QCOMPARE(de.exitCode, 2);
        QVERIFY2(de.err.contains(QLatin1String("kann nicht geschrieben werden")),
                 qPrintable(de.err));
        QVERIFY2(!de.err.contains(QLatin1String("127.0.0.1:1")), qPrintable(de.err));
        const Run en = runTool(QStringLiteral("en"),
                               {QStringLiteral("collect"), kRefused, QStringLiteral("--out"), out});
        QCOMPARE(en.exitCode, 2);
        QVERIFY2(en.err.contains(QLatin1String("is not a directory you can write to")),
                 qPrintable(en.err));
        QVERIFY(!QFileInfo::exists(out));
    }

    void missingBundleGerman() {
        const Run r = runTool(QStringLiteral("de"),
                              {QStringLiteral("open"), QStringLiteral("/nonexistent/b.zip")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QLatin1String("existiert nicht")), qPrintable(r.err));
    }

    // Needs a sandbox server (scripts/sandbox; its env exported): skipped without one.
    void explainNoteGerman() {
        const QString uri = qEnvironmentVariable("DBTRIAGE_PG_MONITOR_URI");
        if (uri.isEmpty())
            QSKIP("no sandbox: DBTRIAGE_PG_MONITOR_URI is not set");
        const Run r = runTool(QStringLiteral("de"),
                              {QStringLiteral("explain"), uri, QStringLiteral("--query"),
                               QStringLiteral("SELECT * FROM pg_class WHERE relname = $1")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(QStringLiteral("Hinweis: Generischer Plan: ohne Parameterwerte "
                                               "geplant")),
                 qPrintable(r.out));
        QVERIFY2(!r.out.contains(QLatin1String("Generic plan:")), qPrintable(r.out));
    }

    void englishUnchanged() {
        const Run r = runTool(QStringLiteral("en"), {QStringLiteral("collect"), kRefused});
        QCOMPARE(r.exitCode, 3);
        QCOMPARE(r.err, QStringLiteral("dbtriage collect: Nothing accepts connections at "
                                       "127.0.0.1:1 (connection refused). Check host and port, "
                                       "and that the server is running.\n"));
        const Run help =
            runTool(QStringLiteral("en"), {QStringLiteral("collect"), QStringLiteral("--help")});
        QVERIFY2(help.out.contains(QLatin1String("--out <FILE.zip|DIR>")), qPrintable(help.out));
    }
};

QTEST_GUILESS_MAIN(TestCliLanguage)
#include "tst_cli_language.moc"
