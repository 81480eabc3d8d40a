// Ticket-ready renderings of a recording: README.md (GitHub/GitLab Markdown) and
// summary.jira.txt (Jira wiki markup), the same content in both. No Qt.
//
// Order: when, which server and version, what was collected and how; findings first; root
// blockers with what they hold and how many they block; top statements by window time;
// connections; index candidates with their method; health; what was collected; what was
// redacted. Every text that came from the server is escaped for the markup, so a query text
// or an application name cannot break the table or inject a link.
#pragma once

#include "bundle/manifest.h"
#include "snapshot.h"

#include <string>
#include <string_view>
#include <vector>

namespace dbt {

struct TicketContext {
    CollectionInfo collection;
    std::string toolVersion;        // the writer's version ("" -> the snapshot's)
    std::vector<std::string> files; // files of the bundle, listed under "What was collected"
    int topStatements = 10;
    int maxRootBlockers = 10;
    int maxWaitersPerRoot = 8;
    int topApplications = 8;
};

std::string renderReadmeMarkdown(const Snapshot& snapshot, const TicketContext& context);
std::string renderJiraSummary(const Snapshot& snapshot, const TicketContext& context);

// Markup helpers, public for tests.
std::string markdownEscape(std::string_view text); // \ ` * _ [ ] < > | escaped
std::string markdownCode(std::string_view text);   // a code span that survives any backticks
std::string jiraEscape(std::string_view text);     // Jira's markup characters escaped

// One line describing a bundle file, for README and `dbtriage open`: "sessions.csv — every
// session of the last sample". Empty for a file it does not know.
std::string describeBundleFile(std::string_view path);

} // namespace dbt
