// dbtriage explain --plan-file FILE|- [--json]
// dbtriage explain CONNECTION (--query SQL | --file FILE) [--analyze] [--database DB]
//                  [--search-path PATH] [--json] [--statement-timeout MS] [--lock-timeout MS]
#include "bundle/manifest.h"
#include "cli/cli.h"
#include "engines/engine.h"
#include "i18n/messagetext.h"
#include "plans/insights.h"
#include "plans/parse.h"
#include "plans/render.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QTextStream>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <string>

namespace dbt::cli {

namespace {

QString q(const std::string& s) {
    return QString::fromStdString(s);
}

// Text output: headings and insights in the user's language (JSON stays English).
plans::RenderOptions textOptions() {
    plans::RenderOptions options;
    options.text = i18n::localizedUtf8;
    return options;
}

// Reads the plan bytes; returns an error sentence or "".
QString readPlanBytes(const QString& path, std::string& bytes) {
    QFile file;
    bool opened = false;
    if (path == QLatin1String("-"))
        opened = file.open(stdin, QIODevice::ReadOnly);
    else {
        file.setFileName(path);
        opened = file.open(QIODevice::ReadOnly);
    }
    if (!opened)
        return QCoreApplication::translate("explain", "Cannot read %1: %2.")
            .arg(path, file.errorString());
    const QByteArray data = file.readAll();
    if (file.error() != QFileDevice::NoError)
        return QCoreApplication::translate("explain", "Reading %1 failed: %2.")
            .arg(path, file.errorString());
    bytes.assign(data.constData(), static_cast<std::size_t>(data.size()));
    return {};
}

void print(QTextStream& out, const std::string& text) {
    out.flush();
    std::fwrite(text.data(), 1, text.size(), stdout);
    std::fflush(stdout);
}

// The header above a live plan: engine, generic or not, what was run, the notes.
std::string liveHeader(const ServerInfo& info, const ExplainRequest& request,
                       const ExplainResult& r) {
    QString h = QCoreApplication::translate("explain", "Plan from %1 %2 (database %3)")
                    .arg(q(engineTitle(info.engine)), q(info.version),
                         q(request.database.empty() ? info.database : request.database));
    if (r.analyzed)
        h += QCoreApplication::translate("explain",
                                         ", EXPLAIN ANALYZE (run read-only, rolled back)");
    else if (r.genericPlan)
        h += QCoreApplication::translate("explain", ", generic plan (no parameter values)");
    h += QLatin1Char('\n');
    if (!r.explained.empty())
        h += QCoreApplication::translate("explain", "Statement: %1").arg(q(r.explained)) +
             QLatin1Char('\n');
    const bool withTexts = r.noteTexts.size() == r.notes.size(); // translatable notes
    for (std::size_t i = 0; i < r.notes.size(); ++i)
        h += QCoreApplication::translate("explain", "Note: %1")
                 .arg(withTexts ? i18n::localized(r.noteTexts[i]) : q(r.notes[i])) +
             QLatin1Char('\n');
    h += QLatin1Char('\n');
    return h.toStdString();
}

int explainLive(const QString& target, const std::string& sql, bool json,
                const ExplainRequest& base, int statementTimeout, int lockTimeout) {
    QTextStream out(stdout);
    QTextStream err(stderr);
    ConnectOptions options;
    options.target = target.toStdString();
    options.statementTimeoutMs = statementTimeout;
    options.lockTimeoutMs = lockTimeout;
    ServerInfo info;
    std::unique_ptr<EngineSession> session;
    try {
        session = openEngine(options);
        info = session->connect();
    } catch (const EngineError& e) {
        err << "dbtriage explain: " << i18n::errorText(e) << '\n';
        return e.kind() == EngineError::Kind::Usage ? Usage : ConnectFailed;
    }
    ExplainRequest request = base;
    request.sql = sql;
    ExplainResult result;
    try {
        result = session->explain(request);
    } catch (const EngineError& e) {
        err << "dbtriage explain: " << i18n::errorText(e) << '\n';
        return e.kind() == EngineError::Kind::Lost ? ConnectFailed : Partial;
    }
    const auto dialect = plans::dialectFromName(result.dialect);
    try {
        plans::ParseOptions parseOptions;
        if (dialect)
            parseOptions.dialect = dialect;
        const plans::Plan plan = plans::parsePlan(result.plan, parseOptions);
        const auto insights = plans::findInsights(plan);
        if (json) {
            nlohmann::json doc = nlohmann::json::parse(plans::planToJson(plan, insights));
            doc["generic_plan"] = result.genericPlan;
            doc["analyzed"] = result.analyzed;
            doc["notes"] = result.notes;
            doc["explained"] = result.explained;
            doc["engine"] = engineName(info.engine);
            print(out, doc.dump(2) + "\n");
        } else {
            print(out, liveHeader(info, request, result) +
                           plans::renderPlanText(plan, insights, textOptions()));
        }
    } catch (const std::exception& e) {
        // A plan this build cannot read (such as MySQL 8's EXPLAIN ANALYZE tree): shown as
        // the server printed it.
        if (json) {
            nlohmann::json doc;
            doc["plan"] = nullptr;
            doc["raw_plan"] = result.plan;
            doc["insights"] = nlohmann::json::array();
            doc["generic_plan"] = result.genericPlan;
            doc["analyzed"] = result.analyzed;
            doc["notes"] = result.notes;
            doc["notes"].push_back(std::string("The plan could not be read for insights: ") +
                                   e.what());
            doc["explained"] = result.explained;
            doc["engine"] = engineName(info.engine);
            print(out, doc.dump(2) + "\n");
        } else {
            print(out, liveHeader(info, request, result) + result.plan + "\n");
        }
    }
    return Ok;
}

} // namespace

int explain(const QStringList& args) {
    QTextStream out(stdout);
    QTextStream err(stderr);
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "explain",
        "Prints a query plan as a tree with insights: what is slow, why, and what to try. "
        "Reads PostgreSQL EXPLAIN (JSON or text, with or without ANALYZE), MySQL 8 "
        "EXPLAIN FORMAT=JSON and MariaDB EXPLAIN/ANALYZE FORMAT=JSON."));
    parser.addHelpOption();
    parser.addPositionalArgument(
        QCoreApplication::translate("cli", "connection"),
        QCoreApplication::translate("explain",
                                    "Server to explain on: a PostgreSQL URI or keyword string, or "
                                    "mysql://... / mariadb://..."),
        QCoreApplication::translate("cli", "[CONNECTION]"));
    const QCommandLineOption planFileOpt(
        QStringLiteral("plan-file"),
        QCoreApplication::translate("explain",
                                    "Read a saved plan from FILE (\"-\" for standard input)."),
        QCoreApplication::translate("cli", "FILE"));
    const QCommandLineOption queryOpt(
        QStringLiteral("query"),
        QCoreApplication::translate("explain", "Statement to explain on CONNECTION."),
        QStringLiteral("SQL"));
    const QCommandLineOption fileOpt(
        QStringLiteral("file"),
        QCoreApplication::translate("explain", "Read the statement to explain from FILE."),
        QCoreApplication::translate("cli", "FILE"));
    const QCommandLineOption analyzeOpt(
        QStringLiteral("analyze"),
        QCoreApplication::translate(
            "explain", "Run the statement (plain SELECT only, rolled back) for actual figures."));
    const QCommandLineOption jsonOpt(
        QStringLiteral("json"),
        QCoreApplication::translate(
            "explain",
            "Print {\"plan\", \"insights\", \"generic_plan\", \"analyzed\", \"notes\"} as "
            "JSON."));
    const QCommandLineOption databaseOpt(
        QStringLiteral("database"),
        QCoreApplication::translate(
            "explain", "Explain in database DB (PostgreSQL: a second short-lived connection; "
                       "MySQL: the default schema)."),
        QCoreApplication::translate("cli", "DB"));
    const QCommandLineOption searchPathOpt(
        QStringLiteral("search-path"),
        QCoreApplication::translate("explain", "PostgreSQL search_path for this EXPLAIN only."),
        QCoreApplication::translate("cli", "PATH"));
    const TimeoutOptions timeouts = timeoutOptions(
        3600000,
        QCoreApplication::translate(
            "explain", "Statement timeout, ms (default 5000); ANALYZE is stopped after it."),
        QCoreApplication::translate(
            "explain", "Lock timeout, ms (default 500): EXPLAIN never queues longer behind "
                       "another session's lock."));
    parser.addOptions({planFileOpt, queryOpt, fileOpt, analyzeOpt, jsonOpt, databaseOpt,
                       searchPathOpt, timeouts.statement, timeouts.lock});

    if (!parser.parse(args)) {
        err << "dbtriage explain: " << parser.errorText() << '\n'
            << QCoreApplication::translate("explain",
                                           "Run \"dbtriage explain --help\" for the options.")
            << '\n';
        return Usage;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        out << parser.helpText() << '\n'
            << QCoreApplication::translate(
                   "explain",
                   "Statements with $1, $2 ... (as pg_stat_statements prints them) get a generic "
                   "plan through PREPARE; MySQL/MariaDB digests get a plausible value for each ?. "
                   "Everything runs in a read-only transaction that is rolled back. --analyze "
                   "runs a plain SELECT only.")
            << '\n'
            << QCoreApplication::translate(
                   "explain",
                   "Exit codes: 0 printed, 2 usage, 3 connection failed or lost, 4 EXPLAIN "
                   "refused or failed (the sentence says why).")
            << '\n';
        return Ok;
    }
    const QStringList positional = parser.positionalArguments();
    const bool planFile = parser.isSet(planFileOpt);
    const bool statement = parser.isSet(queryOpt) || parser.isSet(fileOpt);

    if (planFile) {
        if (!positional.isEmpty() || statement || parser.isSet(analyzeOpt)) {
            err << "dbtriage explain: "
                << QCoreApplication::translate(
                       "explain",
                       "--plan-file reads a saved plan; it takes no CONNECTION, --query, --file "
                       "or --analyze.")
                << '\n';
            return Usage;
        }
        std::string bytes;
        const QString readError = readPlanBytes(parser.value(planFileOpt), bytes);
        if (!readError.isEmpty()) {
            err << "dbtriage explain: " << readError << '\n';
            return Usage;
        }
        try {
            const plans::Plan plan = plans::parsePlan(bytes);
            const auto insights = plans::findInsights(plan);
            const std::string text = parser.isSet(jsonOpt)
                                         ? plans::planToJson(plan, insights)
                                         : plans::renderPlanText(plan, insights, textOptions());
            out.flush();
            std::fwrite(text.data(), 1, text.size(), stdout);
            std::fflush(stdout);
        } catch (const plans::PlanError& e) {
            err << "dbtriage explain: " << parser.value(planFileOpt) << ": " << q(e.what()) << '\n';
            return Usage;
        }
        return Ok;
    }

    if (positional.size() != 1 || !statement) {
        err << "dbtriage explain: "
            << QCoreApplication::translate(
                   "explain",
                   "give --plan-file FILE, or a CONNECTION with --query SQL or --file FILE.")
            << '\n';
        return Usage;
    }
    if (parser.isSet(queryOpt) && parser.isSet(fileOpt)) {
        err << "dbtriage explain: "
            << QCoreApplication::translate("explain", "give either --query or --file, not both.")
            << '\n';
        return Usage;
    }
    int statementTimeout = 0;
    int lockTimeout = 0;
    if (!readTimeouts(parser, timeouts, QStringLiteral("explain"), err, statementTimeout,
                      lockTimeout))
        return Usage;
    std::string sql;
    if (parser.isSet(queryOpt)) {
        sql = parser.value(queryOpt).toStdString();
    } else {
        const QString readError = readPlanBytes(parser.value(fileOpt), sql);
        if (!readError.isEmpty()) {
            err << "dbtriage explain: " << readError << '\n';
            return Usage;
        }
    }
    if (sql.find_first_not_of(" \t\r\n;") == std::string::npos) {
        err << "dbtriage explain: "
            << QCoreApplication::translate("explain", "the statement is empty.") << '\n';
        return Usage;
    }
    ExplainRequest request;
    request.analyze = parser.isSet(analyzeOpt);
    request.database = parser.value(databaseOpt).toStdString();
    request.searchPath = parser.value(searchPathOpt).toStdString();
    return explainLive(positional.first(), sql, parser.isSet(jsonOpt), request, statementTimeout,
                       lockTimeout);
}

} // namespace dbt::cli
