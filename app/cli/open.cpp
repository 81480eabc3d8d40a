// dbtriage open BUNDLE [--json]: a recorded bundle (.zip, directory or snapshot.json), checksums
// verified first, shown as its README summary under a banner saying it is a recording.
#include "bundle/bundlereader.h"
#include "bundle/recordingbanner.h"
#include "bundle/ticket.h"
#include "cli/cli.h"
#include "cli/recording.h"
#include "i18n/messagetext.h"
#include "plans/insights.h"
#include "plans/parse.h"
#include "report.h"
#include "snapshot_json.h"
#include "timefmt.h"

#include <QCommandLineParser>
#include <QTextStream>

namespace dbt::cli {

namespace {

QString q(const std::string& s) {
    return QString::fromStdString(s);
}

} // namespace

int open(const QStringList& args) {
    QTextStream out(stdout);
    QTextStream err(stderr);
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "open",
        "Shows an evidence bundle written by \"dbtriage collect --out\" with no connection: "
        "checksums are verified first, then the README summary is printed."));
    parser.addHelpOption();
    parser.addPositionalArgument(
        QCoreApplication::translate("cli", "bundle"),
        QCoreApplication::translate("open", "A bundle .zip, a bundle directory, or a "
                                            "snapshot.json."));
    const QCommandLineOption jsonOpt(
        QStringLiteral("json"), QCoreApplication::translate("open", "Print the snapshot as JSON."));
    parser.addOption(jsonOpt);
    if (!parser.parse(args)) {
        err << "dbtriage open: " << parser.errorText() << '\n'
            << QCoreApplication::translate("open", "Run \"dbtriage open --help\" for the options.")
            << '\n';
        return Usage;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        out << parser.helpText();
        return Ok;
    }
    if (parser.positionalArguments().size() != 1) {
        err << "dbtriage open: "
            << QCoreApplication::translate("open",
                                           "give exactly one BUNDLE (a .zip file or a directory).")
            << '\n';
        return Usage;
    }
    const Bundle b = BundleReader::open(parser.positionalArguments().first());
    if (!b.ok()) {
        err << "dbtriage open: " << b.error << '\n';
        return Usage;
    }
    if (parser.isSet(jsonOpt)) {
        out << q(dumpJson(snapshotToJson(*b.snapshot))) << '\n';
        out.flush();
        if (!b.verified())
            err << "dbtriage open: " << b.verification << '\n';
        return b.verified() ? Ok : Unverified;
    }

    out << recordingBanner(b) << '\n';
    out << (b.verified() ? QCoreApplication::translate("open", "Checksums: %1").arg(b.verification)
                         : loud(b.verification))
        << "\n\n";
    TicketContext context;
    if (b.hasManifest) {
        context.collection = b.manifest.collection;
        context.toolVersion = b.manifest.toolVersion;
    } else {
        context.collection.samples = b.samples.empty() ? 1 : static_cast<int>(b.samples.size());
        context.collection.requestedSamples = context.collection.samples;
        context.collection.firstAt =
            b.samples.empty() ? b.snapshot->collectedAt : b.samples.front()->collectedAt;
    }
    for (const auto& [path, data] : b.files)
        context.files.push_back(path);
    if (i18n::english()) {
        out << q(renderReadmeMarkdown(*b.snapshot, context)) << '\n';
    } else {
        // The README is written for a ticket and stays English (docs/i18n.md); what is shown
        // here follows the user's language: the same summary as collect prints.
        SummaryContext summary;
        summary.samples = context.collection.samples;
        summary.requestedSamples = context.collection.requestedSamples;
        summary.intervalSeconds = context.collection.intervalSeconds;
        summary.firstAt = context.collection.firstAt;
        summary.text = i18n::localizedUtf8;
        out << q(renderTextSummary(*b.snapshot, summary)) << '\n'
            << QCoreApplication::translate("open",
                                           "The bundle's README.md and summary.jira.txt are in "
                                           "English, for the ticket.")
            << "\n\n";
    }
    // The README's Plans section comes from the manifest; plans it does not list (added by
    // hand or by another tool) are summed up here from their files.
    bool header = false;
    for (const BundlePlanEntry& e : bundlePlanEntries(b)) {
        if (e.summary.rank > 0)
            continue;
        if (!header)
            out << '\n'
                << QCoreApplication::translate("open", "Other plans in this bundle:") << '\n';
        header = true;
        QString line;
        try {
            const plans::Plan plan =
                plans::parsePlan(std::string_view(e.json.constData(), std::size_t(e.json.size())));
            const auto insights = plans::findInsights(plan);
            if (insights.empty())
                line = QCoreApplication::translate("open", "no insight");
            else
                line = QStringLiteral("%1 %2: %3")
                           .arg(q(severityName(insights.front().severity)).toUpper(),
                                q(plans::nodeLabel(plan.nodes.at(
                                    static_cast<std::size_t>(insights.front().node)))),
                                q(insights.front().message));
        } catch (const std::exception& ex) {
            line = QCoreApplication::translate("open", "not readable: %1").arg(q(ex.what()));
        }
        out << "- " << e.jsonPath << ": " << line << '\n';
    }
    out.flush();
    if (!b.verified()) {
        err << "dbtriage open: " << b.verification << '\n';
        return Unverified;
    }
    return Ok;
}

} // namespace dbt::cli
