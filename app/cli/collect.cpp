// dbtriage collect CONNECTION [--out FILE.zip|DIR] [--samples N] [--interval SECONDS] [--json]
//                  [--note TEXT] [--explain-top N] [--advise] [--no-redact]
#include "bundle/bundleplans.h"
#include "bundle/bundlewriter.h"
#include "cli/cli.h"
#include "cli/recording.h"
#include "collect/collector.h"
#include "i18n/figures.h"
#include "i18n/messagetext.h"
#include "render/charts.h"
#include "report.h"
#include "snapshot_json.h"
#include "textutil.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QGuiApplication>
#include <QTextStream>
#include <vector>

namespace dbt::cli {

namespace {

QString q(const std::string& s) {
    return QString::fromStdString(s);
}

bool isZipPath(const QString& path) {
    return path.endsWith(QLatin1String(".zip"), Qt::CaseInsensitive);
}

// Checked before connecting, so that nobody samples a server for minutes to learn that the
// bundle cannot go where they asked. Returns an error sentence or "".
// Before sampling for minutes: the nearest existing directory above the bundle (which the
// writer creates the rest of) must be writable. The writer still reports every failure.
QString checkWritable(const QString& path) {
    QFileInfo dir(QFileInfo(path).absolutePath());
    while (!dir.exists() && !dir.isRoot() && dir.absoluteFilePath() != dir.absolutePath())
        dir = QFileInfo(dir.absolutePath());
    if (dir.exists() && (!dir.isDir() || !dir.isWritable()))
        return QCoreApplication::translate(
                   "collect", "--out %1 cannot be written: %2 is not a directory you can "
                              "write to. Choose a place you can write to.")
            .arg(path, dir.absoluteFilePath());
    return {};
}

QString checkOutPath(const QString& path) {
    const QFileInfo info(path);
    if (isZipPath(path)) {
        if (info.isDir())
            return QCoreApplication::translate(
                       "collect", "--out %1 is a directory; name a file ending in .zip.")
                .arg(path);
        return checkWritable(path);
    }
    if (info.exists() && !info.isDir())
        return QCoreApplication::translate(
                   "collect", "--out %1 exists and is not a directory; name a new directory or a "
                              "file ending in .zip.")
            .arg(path);
    if (info.isDir() &&
        !QDir(path).isEmpty(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System))
        return QCoreApplication::translate(
                   "collect", "--out %1 is a directory that is not empty; name a new directory "
                              "(dbtriage never writes into one that holds other files) or a "
                              "file ending in .zip.")
            .arg(path);
    return checkWritable(path);
}

} // namespace

int collect(const QStringList& args) {
    QTextStream out(stdout);
    QTextStream err(stderr);
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "collect", "Samples a PostgreSQL, MySQL or MariaDB server read-only and prints a summary: "
                   "connections, root blockers of lock waits, top statements and findings."));
    parser.addHelpOption();
    parser.addPositionalArgument(
        QCoreApplication::translate("cli", "connection"),
        QCoreApplication::translate(
            "collect", "postgresql:// URI, libpq keyword string, service=NAME, or mysql:// URI."));
    const QCommandLineOption outOpt(
        QStringLiteral("out"),
        QCoreApplication::translate(
            "collect", "Write an evidence bundle: a .zip file, or a new (or empty) directory."),
        QCoreApplication::translate("cli", "FILE.zip|DIR"));
    const QCommandLineOption noteOpt(
        QStringLiteral("note"),
        QCoreApplication::translate("collect", "A note for the bundle's README (ticket, "
                                               "what was seen)."),
        QCoreApplication::translate("cli", "TEXT"));
    const QCommandLineOption explainTopOpt(
        QStringLiteral("explain-top"),
        QCoreApplication::translate(
            "collect", "Add the plans of the N costliest statements (plans/*.json and .txt; "
                       "generic plans, EXPLAIN without ANALYZE)."),
        QStringLiteral("N"));
    const QCommandLineOption adviseOpt(
        QStringLiteral("advise"),
        QCoreApplication::translate(
            "collect", "Add index candidates (index-candidates.sql, commented, never executed)."));
    const QCommandLineOption samplesOpt(
        QStringLiteral("samples"),
        QCoreApplication::translate("collect", "Number of samples (default 1)."),
        QStringLiteral("N"), QStringLiteral("1"));
    const QCommandLineOption intervalOpt(
        QStringLiteral("interval"),
        QCoreApplication::translate("collect", "Seconds between samples (default 2)."),
        QCoreApplication::translate("cli", "SECONDS"), QStringLiteral("2"));
    const QCommandLineOption jsonOpt(
        QStringLiteral("json"),
        QCoreApplication::translate("collect", "Print the snapshot as JSON."));
    const QCommandLineOption noRedactOpt(
        QStringLiteral("no-redact"),
        QCoreApplication::translate(
            "collect", "Keep literals in query texts (they may hold customers' data)."));
    const TimeoutOptions timeouts = timeoutOptions();
    parser.addOptions({outOpt, samplesOpt, intervalOpt, jsonOpt, noRedactOpt, timeouts.statement,
                       timeouts.lock, noteOpt, explainTopOpt, adviseOpt});

    if (!parser.parse(args)) {
        err << "dbtriage collect: " << parser.errorText() << '\n'
            << QCoreApplication::translate("collect",
                                           "Run \"dbtriage collect --help\" for the options.")
            << '\n';
        return Usage;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        out << parser.helpText();
        return Ok;
    }
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1) {
        err << "dbtriage collect: "
            << QCoreApplication::translate("collect",
                                           "give exactly one CONNECTION, for example "
                                           "\"postgresql://monitor@db1/app\" or \"service=prod\".")
            << '\n';
        return Usage;
    }
    bool ok = false;
    const int samples = parser.value(samplesOpt).toInt(&ok);
    if (!ok || samples < 1 || samples > 100000) {
        err << "dbtriage collect: "
            << QCoreApplication::translate("collect", "--samples takes a whole number from 1 up.")
            << '\n';
        return Usage;
    }
    const double interval = parser.value(intervalOpt).toDouble(&ok);
    if (!ok || interval < 0.1 || interval > 3600) {
        err << "dbtriage collect: "
            << QCoreApplication::translate("collect", "--interval takes seconds from 0.1 to 3600.")
            << '\n';
        return Usage;
    }
    int statementTimeout = 0;
    int lockTimeout = 0;
    if (!readTimeouts(parser, timeouts, QStringLiteral("collect"), err, statementTimeout,
                      lockTimeout))
        return Usage;
    const QString outPath = parser.value(outOpt);
    if (parser.isSet(outOpt)) {
        const QString error = outPath.isEmpty()
                                  ? QCoreApplication::translate("collect", "--out needs a path.")
                                  : checkOutPath(outPath);
        if (!error.isEmpty()) {
            err << "dbtriage collect: " << error << '\n';
            return Usage;
        }
    }
    int explainTop = 0;
    if (parser.isSet(explainTopOpt)) {
        explainTop = parser.value(explainTopOpt).toInt(&ok);
        if (!ok || explainTop < 1 || explainTop > 100) {
            err << "dbtriage collect: "
                << QCoreApplication::translate("collect",
                                               "--explain-top takes a whole number from 1 to 100.")
                << '\n';
            return Usage;
        }
    }
    const QString note = parser.value(noteOpt);
    if (note.size() > 4000) {
        err << "dbtriage collect: "
            << QCoreApplication::translate("collect", "--note takes at most 4,000 characters.")
            << '\n';
        return Usage;
    }
    if ((explainTop > 0 || parser.isSet(adviseOpt)) && outPath.isEmpty())
        err << "dbtriage collect: "
            << QCoreApplication::translate("collect",
                                           "--explain-top and --advise add files to a bundle; "
                                           "give --out FILE.zip|DIR for them.")
            << '\n';
    CollectionInfo collection;
    collection.requestedSamples = samples;
    collection.intervalSeconds = interval;
    collection.note = note.toStdString();
    collection.explainTopRequested = explainTop;
    collection.adviseRequested = parser.isSet(adviseOpt);

    CollectorOptions options;
    options.connect.target = positional.first().toStdString();
    options.connect.statementTimeoutMs = statementTimeout;
    options.connect.lockTimeoutMs = lockTimeout;
    options.connect.redact = !parser.isSet(noRedactOpt);
    Collector collector(options);

    try {
        collector.connect();
    } catch (const EngineError& e) {
        err << "dbtriage collect: " << i18n::errorText(e) << '\n';
        return e.kind() == EngineError::Kind::Usage ? Usage : ConnectFailed;
    }

    Recording recording;
    const bool any = record(collector, samples, interval, recording);
    const QStringList& problems = recording.problems;
    if (!any) {
        for (const QString& p : problems)
            err << "dbtriage collect: " << p << '\n';
        err << "dbtriage collect: "
            << QCoreApplication::translate("collect",
                                           "no sample could be taken; nothing was written.")
            << '\n';
        return ConnectFailed;
    }
    const std::vector<SnapshotPtr>& series = recording.series;
    const Snapshot& result = recording.result;

    BundleWriteResult written;
    int notExplained = 0; // statements of --explain-top that failed: a failed probe (exit 4)
    if (!outPath.isEmpty()) {
        BundleInput input;
        input.snapshot = result;
        input.samples = series;
        collection.samples = static_cast<int>(series.size());
        collection.firstAt = series.front()->collectedAt;
        collection.lastAt = result.collectedAt;
        input.collection = collection;
        // The server's normalised texts (kept unredacted in memory by the collector) for
        // EXPLAIN and the advisor: redacting again turns ORDER BY 2 into ORDER BY $3.
        const StatementTextLookup serverText = [&collector](const std::string& id,
                                                            const std::string& database) {
            return collector.serverStatementText(id, database);
        };
        if (explainTop > 0) {
            BundlePlansOptions planOptions;
            planOptions.connect = options.connect;
            planOptions.serverText = serverText;
            BundlePlans plans = explainForBundle(result, explainTop, planOptions);
            for (const PlanSummary& p : plans.summaries) {
                if (!p.explained()) {
                    ++notExplained;
                    err << "dbtriage collect: "
                        << QCoreApplication::translate("collect",
                                                       "statement %1 was not explained: %2")
                               .arg(q(p.statementId), q(p.error))
                        << '\n';
                }
            }
            addPlansToBundle(std::move(plans), explainTop, input);
        }
        if (collection.adviseRequested) {
            const QString adviceError = addAdviceToBundle(options.connect, serverText, input);
            if (!adviceError.isEmpty())
                err << "dbtriage collect: --advise: " << adviceError << '\n';
        }
        if (qobject_cast<QGuiApplication*>(QCoreApplication::instance()))
            render::addCharts(input);
        else
            err << "dbtriage collect: "
                << QCoreApplication::translate(
                       "collect", "charts need a QGuiApplication; the bundle has none.")
                << '\n';
        written = BundleWriter::write(input, outPath);
        if (!written.ok()) {
            err << "dbtriage collect: " << written.error << '\n';
            return Failure;
        }
    }

    if (parser.isSet(jsonOpt)) {
        out << q(dumpJson(snapshotToJson(result))) << '\n';
    } else {
        SummaryContext context;
        context.samples = static_cast<int>(series.size());
        context.requestedSamples = samples;
        context.intervalSeconds = interval;
        context.firstAt = series.front()->collectedAt;
        context.text = i18n::localizedUtf8; // headings and findings in the user's language
        out << q(renderTextSummary(result, context));
        if (written.ok() && !outPath.isEmpty())
            out << '\n'
                << (written.zip
                        ? QCoreApplication::translate("collect", "Written: %1 (zip, %n files, %2",
                                                      nullptr, written.files)
                        : QCoreApplication::translate("collect",
                                                      "Written: %1 (directory, %n files, %2",
                                                      nullptr, written.files))
                       .arg(written.path, i18n::localizedBytes(written.bytes))
                << (result.redacted
                        ? QCoreApplication::translate("collect", ", query texts redacted")
                        : QCoreApplication::translate("collect", ", NOT redacted"))
                << ")\n";
    }
    out.flush();

    for (const QString& p : problems)
        err << "dbtriage collect: " << p << '\n';
    if (!problems.isEmpty()) {
        err << "dbtriage collect: "
            << QCoreApplication::translate("collect",
                                           "%1 of %n samples were taken; the output holds those.",
                                           nullptr, samples)
                   .arg(series.size())
            << '\n';
        return Partial;
    }
    if (notExplained > 0)
        err << "dbtriage collect: "
            << QCoreApplication::translate("collect",
                                           "partial result: %n of the top statements could not "
                                           "be explained; the bundle says why.",
                                           nullptr, notExplained)
            << '\n';
    if (!result.partial() && notExplained > 0)
        return Partial;
    if (result.partial()) {
        QStringList failed;
        for (const ProbeNote& p : result.probes) {
            if (p.failed())
                failed << q(p.probe) + QStringLiteral(" (") + q(p.status) + QLatin1Char(')');
        }
        err << "dbtriage collect: "
            << QCoreApplication::translate("collect",
                                           "partial result; these probes did not complete: %1.")
                   .arg(failed.join(QStringLiteral(", ")))
            << '\n';
        return Partial;
    }
    return Ok;
}

} // namespace dbt::cli
