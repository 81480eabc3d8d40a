// dbtriage advise CONNECTION [--top N] [--query SQL] [--window SECONDS] [--json]
//                 [--statement-timeout MS] [--lock-timeout MS]
// Index candidates for the statements that cost most over a short window (two samples), or
// for one statement. PostgreSQL: validated with HypoPG where the extension is installed,
// heuristic otherwise; MySQL / MariaDB: heuristic. Nothing is ever executed: the DDL is
// printed for a human to review.
#include "advisor/advisor.h"
#include "advisor/workload.h"
#include "cli/cli.h"
#include "cli/recording.h"
#include "i18n/messagetext.h"

#include <QCommandLineParser>
#include <QTextStream>
#include <cstdio>

namespace dbt::cli {

int advise(const QStringList& args) {
    QTextStream out(stdout);
    QTextStream err(stderr);
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "advise",
        "Proposes indexes for the statements that cost most over a short window, validated "
        "with HypoPG where it is installed (heuristic otherwise, and always on MySQL and "
        "MariaDB), plus unused and redundant indexes. Read-only: nothing is created or "
        "dropped; the DDL is for you to review."));
    parser.addHelpOption();
    parser.addPositionalArgument(
        QCoreApplication::translate("cli", "connection"),
        QCoreApplication::translate("advise", "postgresql:// URI, libpq keyword string, "
                                              "service=NAME, mysql:// or mariadb:// URI."));
    const QCommandLineOption topOpt(
        QStringLiteral("top"),
        QCoreApplication::translate("advise", "Statements to consider (default 10)."),
        QStringLiteral("N"), QStringLiteral("10"));
    const QCommandLineOption queryOpt(
        QStringLiteral("query"),
        QCoreApplication::translate("advise", "Advise for this one statement instead."),
        QStringLiteral("SQL"));
    const QCommandLineOption windowOpt(
        QStringLiteral("window"),
        QCoreApplication::translate("advise",
                                    "Seconds between the two samples of the window (default 10)."),
        QCoreApplication::translate("cli", "SECONDS"), QStringLiteral("10"));
    const QCommandLineOption jsonOpt(QStringLiteral("json"),
                                     QCoreApplication::translate("advise", "Print JSON."));
    const TimeoutOptions timeouts = timeoutOptions();
    parser.addOptions({topOpt, queryOpt, windowOpt, jsonOpt, timeouts.statement, timeouts.lock});

    if (!parser.parse(args)) {
        err << "dbtriage advise: " << parser.errorText() << '\n'
            << QCoreApplication::translate("advise",
                                           "Run \"dbtriage advise --help\" for the options.")
            << '\n';
        return Usage;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        out << parser.helpText();
        return Ok;
    }
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1) {
        err << "dbtriage advise: "
            << QCoreApplication::translate("advise", "give exactly one CONNECTION, for example "
                                                     "\"postgresql://monitor@db1/app\".")
            << '\n';
        return Usage;
    }
    bool ok = false;
    const int top = parser.value(topOpt).toInt(&ok);
    if (!ok || top < 1 || top > 500) {
        err << "dbtriage advise: "
            << QCoreApplication::translate("advise", "--top takes a whole number from 1 to 500.")
            << '\n';
        return Usage;
    }
    const double window = parser.value(windowOpt).toDouble(&ok);
    if (!ok || window < 0.5 || window > 3600) {
        err << "dbtriage advise: "
            << QCoreApplication::translate("advise", "--window takes seconds from 0.5 to 3600.")
            << '\n';
        return Usage;
    }
    int statementTimeout = 0;
    int lockTimeout = 0;
    if (!readTimeouts(parser, timeouts, QStringLiteral("advise"), err, statementTimeout,
                      lockTimeout))
        return Usage;
    if (parser.isSet(queryOpt) && parser.value(queryOpt).trimmed().isEmpty()) {
        err << "dbtriage advise: "
            << QCoreApplication::translate("advise", "--query needs a statement.") << '\n';
        return Usage;
    }
    const std::string target = positional.first().toStdString();

    advisor::AdvisorOptions options;
    options.connect.target = target;
    options.connect.statementTimeoutMs = statementTimeout;
    options.connect.lockTimeoutMs = lockTimeout;

    std::vector<advisor::WorkloadStatement> workload;
    QStringList problems;
    if (parser.isSet(queryOpt)) {
        advisor::WorkloadStatement w;
        w.id = "query";
        w.query = parser.value(queryOpt).toStdString();
        w.calls = 1;
        w.share = 1;
        workload.push_back(w);
    } else {
        CollectorOptions co;
        co.connect = options.connect;
        // pg_stat_statements texts are already normalised ($n); the redacted form does not
        // always parse back (ORDER BY 2 DESC, GROUP BY 1, 2). advise prints ids, never texts.
        // MySQL / MariaDB: digest texts (? placeholders); MySQL 8's sample texts otherwise.
        co.connect.redact = false;
        Collector collector(co);
        try {
            collector.connect();
        } catch (const EngineError& e) {
            err << "dbtriage advise: " << i18n::errorText(e) << '\n';
            return e.kind() == EngineError::Kind::Usage ? Usage : ConnectFailed;
        }
        Recording recording;
        if (!record(collector, 2, window, recording) || recording.series.size() < 2) {
            for (const QString& p : recording.problems)
                err << "dbtriage advise: " << p << '\n';
            err << "dbtriage advise: "
                << QCoreApplication::translate("advise",
                                               "the window needs two samples and did not get them.")
                << '\n';
            return ConnectFailed;
        }
        problems = recording.problems;
        workload = advisor::workloadFrom(recording.result, top);
        if (workload.empty())
            err << "dbtriage advise: "
                << QCoreApplication::translate(
                       "advise", "no statement took 1 % or more of the window's time; nothing to "
                                 "advise on (only unused and redundant indexes follow).")
                << '\n';
    }

    advisor::Advice advice;
    try {
        advice = advisor::advise(options, workload);
    } catch (const EngineError& e) {
        err << "dbtriage advise: " << i18n::errorText(e) << '\n';
        switch (e.kind()) {
        case EngineError::Kind::Usage:
            return Usage;
        case EngineError::Kind::Lost:
            return Partial;
        default:
            return ConnectFailed;
        }
    }
    // JSON stays English (docs/i18n.md); the report follows the user's language.
    const std::string text = parser.isSet(jsonOpt)
                                 ? advisor::adviceToJson(advice)
                                 : advisor::adviceToText(advice, i18n::localizedUtf8);
    out.flush();
    std::fwrite(text.data(), 1, text.size(), stdout);
    std::fflush(stdout);
    for (const QString& p : problems)
        err << "dbtriage advise: " << p << '\n';
    return problems.isEmpty() ? Ok : Partial;
}

} // namespace dbt::cli
