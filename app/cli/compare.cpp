// dbtriage compare A B [--samples N] [--interval S] [--top N] [--json]: two bundles, or a
// bundle (A, before) and a live server (B, a CONNECTION, sampled now).
#include "bundle/compare.h"

#include "bundle/bundlereader.h"
#include "cli/cli.h"
#include "cli/recording.h"
#include "collect/collector.h"
#include "i18n/messagetext.h"
#include "snapshot_json.h"

#include <QCommandLineParser>
#include <QFileInfo>
#include <QTextStream>

namespace dbt::cli {

namespace {

QString q(const std::string& s) {
    return QString::fromStdString(s);
}

} // namespace

int compare(const QStringList& args) {
    QTextStream out(stdout);
    QTextStream err(stderr);
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "compare",
        "Compares two recordings: statements whose time changed most, root blockers new or "
        "gone, connection counts before and after, settings that changed. B may be a live "
        "CONNECTION instead of a bundle: it is sampled now."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("A"),
                                 QCoreApplication::translate("compare", "The earlier bundle."));
    parser.addPositionalArgument(
        QStringLiteral("B"),
        QCoreApplication::translate("compare", "The later bundle, or a CONNECTION to sample now."));
    const QCommandLineOption samplesOpt(
        QStringLiteral("samples"),
        QCoreApplication::translate("compare", "Samples of a live B (default 2)."),
        QStringLiteral("N"), QStringLiteral("2"));
    const QCommandLineOption intervalOpt(
        QStringLiteral("interval"),
        QCoreApplication::translate("compare", "Seconds between samples of a live B (default 2)."),
        QCoreApplication::translate("cli", "SECONDS"), QStringLiteral("2"));
    const QCommandLineOption topOpt(
        QStringLiteral("top"),
        QCoreApplication::translate("compare", "Statements to list (default 10)."),
        QStringLiteral("N"), QStringLiteral("10"));
    const QCommandLineOption jsonOpt(
        QStringLiteral("json"),
        QCoreApplication::translate("compare", "Print the comparison as JSON."));
    parser.addOptions({samplesOpt, intervalOpt, topOpt, jsonOpt});
    if (!parser.parse(args)) {
        err << "dbtriage compare: " << parser.errorText() << '\n'
            << QCoreApplication::translate("compare",
                                           "Run \"dbtriage compare --help\" for the options.")
            << '\n';
        return Usage;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        out << parser.helpText();
        return Ok;
    }
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 2) {
        err << "dbtriage compare: "
            << QCoreApplication::translate(
                   "compare", "give two bundles A and B, or a bundle A and a CONNECTION B.")
            << '\n';
        return Usage;
    }
    bool ok = false;
    const int samples = parser.value(samplesOpt).toInt(&ok);
    if (!ok || samples < 1 || samples > 1000) {
        err << "dbtriage compare: "
            << QCoreApplication::translate("compare",
                                           "--samples takes a whole number from 1 to 1000.")
            << '\n';
        return Usage;
    }
    const double interval = parser.value(intervalOpt).toDouble(&ok);
    if (!ok || interval < 0.1 || interval > 3600) {
        err << "dbtriage compare: "
            << QCoreApplication::translate("compare", "--interval takes seconds from 0.1 to 3600.")
            << '\n';
        return Usage;
    }
    const int top = parser.value(topOpt).toInt(&ok);
    if (!ok || top < 1 || top > 1000) {
        err << "dbtriage compare: "
            << QCoreApplication::translate("compare", "--top takes a whole number from 1 to 1000.")
            << '\n';
        return Usage;
    }

    bool unverified = false;
    auto load = [&](const QString& path, const char* label) -> Bundle {
        Bundle b = BundleReader::open(path);
        if (!b.ok())
            return b;
        err << label << ": " << recordingBanner(b) << '\n';
        if (!b.verified()) {
            unverified = true;
            err << label << ": " << loud(b.verification) << '\n';
        }
        return b;
    };
    const Bundle before = load(positional[0], "A");
    if (!before.ok()) {
        err << "dbtriage compare: " << before.error << '\n';
        return Usage;
    }

    Snapshot after;
    if (QFileInfo::exists(positional[1])) {
        const Bundle b = load(positional[1], "B");
        if (!b.ok()) {
            err << "dbtriage compare: " << b.error << '\n';
            return Usage;
        }
        after = *b.snapshot;
    } else {
        CollectorOptions options;
        options.connect.target = positional[1].toStdString();
        Collector collector(options);
        try {
            collector.connect();
        } catch (const EngineError& e) {
            err << "dbtriage compare: "
                << QCoreApplication::translate("compare",
                                               "B is neither a file nor a reachable server: %1")
                       .arg(i18n::errorText(e))
                << '\n';
            return e.kind() == EngineError::Kind::Usage ? Usage : ConnectFailed;
        }
        err << "B: "
            << (samples == 1
                    ? QCoreApplication::translate("compare", "sampling %1 now (1 sample)")
                          .arg(q(describeTarget(options.connect.target)))
                    : QCoreApplication::translate("compare", "sampling %1 now (%2 samples)")
                          .arg(q(describeTarget(options.connect.target)))
                          .arg(samples))
            << '\n';
        Recording recording;
        if (!record(collector, samples, interval, recording)) {
            for (const QString& p : recording.problems)
                err << "dbtriage compare: " << p << '\n';
            return ConnectFailed;
        }
        after = recording.result;
    }

    const Comparison c = compareSnapshots(*before.snapshot, after, top);
    if (parser.isSet(jsonOpt))
        out << q(dumpJson(comparisonToJson(c))) << '\n';
    else
        out << q(renderComparisonText(c, i18n::localizedUtf8));
    out.flush();
    return unverified ? Unverified : Ok;
}

} // namespace dbt::cli
