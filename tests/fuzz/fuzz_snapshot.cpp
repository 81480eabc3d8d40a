// libFuzzer target: a snapshot file as a bundle or `dbtriage open` reads it, then everything a
// read snapshot goes through: analysis (wait-for graph, findings), the statement window, the
// ticket README and Jira summary, the terminal summary, the CSVs, the comparison and the
// writers. A FormatError is a correct answer; anything else (crash, sanitizer report) is a bug.
#include "analysis.h"
#include "bundle/compare.h"
#include "bundle/csv.h"
#include "bundle/sampledelta.h"
#include "bundle/ticket.h"
#include "report.h"
#include "snapshot_json.h"
#include "snapshot_writer.h"

#include <cstddef>
#include <cstdint>
#include <string>

using namespace dbt;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    try {
        const nlohmann::json doc = parseJson(text);
        // A sample may be a delta of the previous one: expand it against itself.
        Snapshot s = snapshotFromJson(expandDelta(doc, doc));
        analyseSnapshot(s, {});
        const Snapshot windowed = withStatementWindow(s, s);
        TicketContext ticket;
        ticket.files = {"snapshot.json", "sessions.csv"};
        (void)renderReadmeMarkdown(windowed, ticket);
        (void)renderJiraSummary(windowed, ticket);
        (void)renderTextSummary(windowed);
        (void)sessionsCsv(s);
        (void)statementsCsv(windowed);
        (void)lockWaitsCsv(s);
        const Comparison c = compareSnapshots(s, windowed);
        (void)renderComparisonText(c);
        (void)comparisonToJson(c);
        const std::string written = snapshotJsonText(s);
        (void)sampleJsonText(windowed, &s);
        // What was written reads back.
        (void)snapshotFromJson(parseJson(written));
    } catch (const FormatError&) {
    }
    return 0;
}
