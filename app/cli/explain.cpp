// dbtriage explain --plan-file FILE|- [--json]
// dbtriage explain CONNECTION (--query SQL | --file FILE) [--analyze] [--json]  (not wired yet)
#include "cli/cli.h"
#include "plans/insights.h"
#include "plans/parse.h"
#include "plans/render.h"

#include <QCommandLineParser>
#include <QFile>
#include <QTextStream>
#include <cstdio>
#include <string>

namespace dbt::cli {

namespace {

QString q(const std::string& s) {
    return QString::fromStdString(s);
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
        return QStringLiteral("Cannot read %1: %2.").arg(path, file.errorString());
    const QByteArray data = file.readAll();
    if (file.error() != QFileDevice::NoError)
        return QStringLiteral("Reading %1 failed: %2.").arg(path, file.errorString());
    bytes.assign(data.constData(), static_cast<std::size_t>(data.size()));
    return {};
}

} // namespace

int explain(const QStringList& args) {
    QTextStream out(stdout);
    QTextStream err(stderr);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Prints a query plan as a tree with insights: what is slow, why, and what to try. "
        "Reads PostgreSQL EXPLAIN (JSON or text, with or without ANALYZE), MySQL 8 "
        "EXPLAIN FORMAT=JSON and MariaDB EXPLAIN/ANALYZE FORMAT=JSON."));
    parser.addHelpOption();
    parser.addPositionalArgument(
        QStringLiteral("connection"),
        QStringLiteral("Server to explain on (not available in this build yet)."),
        QStringLiteral("[CONNECTION]"));
    const QCommandLineOption planFileOpt(
        QStringLiteral("plan-file"),
        QStringLiteral("Read a saved plan from FILE (\"-\" for standard input)."),
        QStringLiteral("FILE"));
    const QCommandLineOption queryOpt(QStringLiteral("query"),
                                      QStringLiteral("Statement to explain on CONNECTION."),
                                      QStringLiteral("SQL"));
    const QCommandLineOption fileOpt(QStringLiteral("file"),
                                     QStringLiteral("Read the statement to explain from FILE."),
                                     QStringLiteral("FILE"));
    const QCommandLineOption analyzeOpt(
        QStringLiteral("analyze"),
        QStringLiteral("Run the statement (plain SELECT only, rolled back) for actual figures."));
    const QCommandLineOption jsonOpt(QStringLiteral("json"),
                                     QStringLiteral("Print {\"plan\", \"insights\"} as JSON."));
    parser.addOptions({planFileOpt, queryOpt, fileOpt, analyzeOpt, jsonOpt});

    if (!parser.parse(args)) {
        err << "dbtriage explain: " << parser.errorText() << '\n'
            << "Run \"dbtriage explain --help\" for the options.\n";
        return Usage;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        out << parser.helpText();
        return Ok;
    }
    const QStringList positional = parser.positionalArguments();
    const bool planFile = parser.isSet(planFileOpt);
    const bool statement = parser.isSet(queryOpt) || parser.isSet(fileOpt);

    if (planFile) {
        if (!positional.isEmpty() || statement || parser.isSet(analyzeOpt)) {
            err << "dbtriage explain: --plan-file reads a saved plan; it takes no CONNECTION, "
                   "--query, --file or --analyze.\n";
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
            const std::string text = parser.isSet(jsonOpt) ? plans::planToJson(plan, insights)
                                                           : plans::renderPlanText(plan, insights);
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
        err << "dbtriage explain: give --plan-file FILE, or a CONNECTION with --query SQL or "
               "--file FILE.\n";
        return Usage;
    }
    if (parser.isSet(queryOpt) && parser.isSet(fileOpt)) {
        err << "dbtriage explain: give either --query or --file, not both.\n";
        return Usage;
    }
    err << "dbtriage explain: Explaining on a live server is not available in this build yet; "
           "save the plan with EXPLAIN (FORMAT JSON) and use --plan-file.\n";
    return Usage;
}

} // namespace dbt::cli
