// dbtriage collect CONNECTION [--out DIR] [--samples N] [--interval SECONDS] [--json]
#include "cli/cli.h"

#include "analysis.h"
#include "collect/collector.h"
#include "report.h"
#include "snapshot_json.h"

#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QSaveFile>
#include <QTextStream>
#include <QThread>

#include <vector>

namespace dbt::cli {

namespace {

QString q(const std::string& s)
{
    return QString::fromStdString(s);
}

// Writes atomically: a temporary file, then a rename. Returns an error sentence or "".
QString writeFileAtomically(const QString& path, const std::string& content)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        return QStringLiteral("Cannot write %1: %2. Choose another --out directory.")
            .arg(path, file.errorString());
    }
    if (file.write(content.data(), static_cast<qint64>(content.size())) !=
            static_cast<qint64>(content.size()) ||
        !file.commit()) {
        return QStringLiteral("Writing %1 failed: %2. Nothing was left under that name.")
            .arg(path, file.errorString());
    }
    return {};
}

QString writeOutput(const QString& outDir, const Snapshot& result,
                    const std::vector<SnapshotPtr>& series)
{
    QDir dir(outDir);
    if (!dir.mkpath(QStringLiteral("."))) {
        return QStringLiteral("Cannot create the directory %1. Check the path and its permissions.")
            .arg(outDir);
    }
    if (series.size() > 1) {
        if (!dir.mkpath(QStringLiteral("samples")))
            return QStringLiteral("Cannot create %1/samples.").arg(outDir);
        int n = 0;
        for (const SnapshotPtr& s : series) {
            const QString name =
                dir.filePath(QStringLiteral("samples/%1.json").arg(++n, 4, 10, QLatin1Char('0')));
            const QString error = writeFileAtomically(name, dumpJson(snapshotToJson(*s)) + '\n');
            if (!error.isEmpty())
                return error;
        }
    }
    return writeFileAtomically(dir.filePath(QStringLiteral("snapshot.json")),
                               dumpJson(snapshotToJson(result)) + '\n');
}

} // namespace

int collect(const QStringList& args)
{
    QTextStream out(stdout);
    QTextStream err(stderr);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Samples a PostgreSQL, MySQL or MariaDB server read-only and prints a summary: "
        "connections, root blockers of lock waits, top statements and findings."));
    parser.addHelpOption();
    parser.addPositionalArgument(
        QStringLiteral("connection"),
        QStringLiteral("postgresql:// URI, libpq keyword string, service=NAME, or mysql:// URI."));
    const QCommandLineOption outOpt(QStringLiteral("out"),
                                    QStringLiteral("Write snapshot.json (and samples/) into DIR."),
                                    QStringLiteral("DIR"));
    const QCommandLineOption samplesOpt(QStringLiteral("samples"),
                                        QStringLiteral("Number of samples (default 1)."),
                                        QStringLiteral("N"), QStringLiteral("1"));
    const QCommandLineOption intervalOpt(QStringLiteral("interval"),
                                         QStringLiteral("Seconds between samples (default 2)."),
                                         QStringLiteral("SECONDS"), QStringLiteral("2"));
    const QCommandLineOption jsonOpt(QStringLiteral("json"),
                                     QStringLiteral("Print the snapshot as JSON."));
    const QCommandLineOption noRedactOpt(
        QStringLiteral("no-redact"),
        QStringLiteral("Keep literals in query texts (they may hold customers' data)."));
    const QCommandLineOption stmtTimeoutOpt(
        QStringLiteral("statement-timeout"),
        QStringLiteral("Timeout of each of the tool's statements, ms (default 5000)."),
        QStringLiteral("MS"), QStringLiteral("5000"));
    const QCommandLineOption lockTimeoutOpt(
        QStringLiteral("lock-timeout"),
        QStringLiteral("Longest wait for another session's lock, ms (default 500)."),
        QStringLiteral("MS"), QStringLiteral("500"));
    parser.addOptions({outOpt, samplesOpt, intervalOpt, jsonOpt, noRedactOpt, stmtTimeoutOpt,
                       lockTimeoutOpt});

    if (!parser.parse(args)) {
        err << "dbtriage collect: " << parser.errorText() << '\n'
            << "Run \"dbtriage collect --help\" for the options.\n";
        return Usage;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        out << parser.helpText();
        return Ok;
    }
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1) {
        err << "dbtriage collect: give exactly one CONNECTION, for example "
               "\"postgresql://monitor@db1/app\" or \"service=prod\".\n";
        return Usage;
    }
    bool ok = false;
    const int samples = parser.value(samplesOpt).toInt(&ok);
    if (!ok || samples < 1 || samples > 100000) {
        err << "dbtriage collect: --samples takes a whole number from 1 up.\n";
        return Usage;
    }
    const double interval = parser.value(intervalOpt).toDouble(&ok);
    if (!ok || interval < 0.1 || interval > 3600) {
        err << "dbtriage collect: --interval takes seconds from 0.1 to 3600.\n";
        return Usage;
    }
    const int statementTimeout = parser.value(stmtTimeoutOpt).toInt(&ok);
    if (!ok || statementTimeout < 100 || statementTimeout > 600000) {
        err << "dbtriage collect: --statement-timeout takes milliseconds from 100 to 600000.\n";
        return Usage;
    }
    const int lockTimeout = parser.value(lockTimeoutOpt).toInt(&ok);
    if (!ok || lockTimeout < 10 || lockTimeout > 60000) {
        err << "dbtriage collect: --lock-timeout takes milliseconds from 10 to 60000.\n";
        return Usage;
    }
    const QString outDir = parser.value(outOpt);
    if (parser.isSet(outOpt)) {
        const QFileInfo info(outDir);
        if (info.exists() && !info.isDir()) {
            err << "dbtriage collect: --out " << outDir
                << " exists and is not a directory; name a directory.\n";
            return Usage;
        }
    }

    CollectorOptions options;
    options.connect.target = positional.first().toStdString();
    options.connect.statementTimeoutMs = statementTimeout;
    options.connect.lockTimeoutMs = lockTimeout;
    options.connect.redact = !parser.isSet(noRedactOpt);
    Collector collector(options);

    try {
        collector.connect();
    } catch (const EngineError& e) {
        err << "dbtriage collect: " << q(e.what()) << '\n';
        return e.kind() == EngineError::Kind::Usage ? Usage : ConnectFailed;
    }

    std::vector<SnapshotPtr> series;
    QStringList problems;
    QElapsedTimer clock;
    for (int i = 0; i < samples; ++i) {
        if (i > 0) {
            const qint64 due = static_cast<qint64>(interval * 1000.0 * i);
            const qint64 wait = due - clock.elapsed();
            if (wait > 0)
                QThread::msleep(static_cast<unsigned long>(wait));
        } else {
            clock.start();
        }
        try {
            series.push_back(collector.sample());
        } catch (const EngineError& e) {
            problems << QStringLiteral("Sample %1 of %2 failed: %3")
                            .arg(i + 1)
                            .arg(samples)
                            .arg(q(e.what()));
            collector.disconnect();
        }
    }

    if (series.empty()) {
        for (const QString& p : problems)
            err << "dbtriage collect: " << p << '\n';
        err << "dbtriage collect: no sample could be taken; nothing was written.\n";
        return ConnectFailed;
    }

    Snapshot result = series.size() > 1 ? withStatementWindow(*series.front(), *series.back())
                                        : *series.back();

    if (!outDir.isEmpty()) {
        const QString error = writeOutput(outDir, result, series);
        if (!error.isEmpty()) {
            err << "dbtriage collect: " << error << '\n';
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
        out << q(renderTextSummary(result, context));
        if (!outDir.isEmpty()) {
            out << "\nWritten: " << QDir(outDir).filePath(QStringLiteral("snapshot.json"));
            if (series.size() > 1)
                out << " and " << series.size() << " samples in "
                    << QDir(outDir).filePath(QStringLiteral("samples/"));
            out << '\n';
        }
    }
    out.flush();

    for (const QString& p : problems)
        err << "dbtriage collect: " << p << '\n';
    if (!problems.isEmpty()) {
        err << "dbtriage collect: " << series.size() << " of " << samples
            << " samples were taken; the output holds those.\n";
        return Partial;
    }
    if (result.partial()) {
        QStringList failed;
        for (const ProbeNote& p : result.probes) {
            if (!p.ok())
                failed << q(p.probe) + QStringLiteral(" (") + q(p.status) + QLatin1Char(')');
        }
        err << "dbtriage collect: partial result; these probes did not complete: "
            << failed.join(QStringLiteral(", ")) << ".\n";
        return Partial;
    }
    return Ok;
}

} // namespace dbt::cli
