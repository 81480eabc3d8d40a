// Comparing two recordings (before/after a fix, or a bundle and the live server): statements
// whose time changed most, root blockers new or gone, connection counts before and after,
// settings that changed. No Qt.
#pragma once

#include "snapshot.h"

#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace dbt {

struct StatementChange {
    std::string id;
    std::string database;
    std::string user;
    std::string query;
    double before = 0; // see Comparison::statementUnit
    double after = 0;
    std::int64_t callsBefore = 0;
    std::int64_t callsAfter = 0;
    bool onlyBefore = false; // not in the later recording
    bool onlyAfter = false;  // new in the later recording
    double change() const { return after - before; }
};

struct SettingChange {
    std::string name;
    std::optional<std::string> before; // nullopt: not read in that recording
    std::optional<std::string> after;
};

struct Comparison {
    std::string serverBefore; // describeServer()
    std::string serverAfter;
    Message serverBeforeText; // the same as Messages (serverDescription())
    Message serverAfterText;
    bool sameServer = true; // engine, host, port and database agree
    Micros beforeAt = 0;
    Micros afterAt = 0;
    // How statement figures compare: "ms per second of window" when both recordings hold a
    // window (windows of different lengths stay comparable), "ms in the window" is never
    // used; "ms since the statistics reset" when both are cumulative (the change is the work
    // done between the two recordings); mixed scopes compare totals and say so.
    std::string statementUnit;
    std::string statementNote;               // a sentence when the comparison is approximate
    std::vector<StatementChange> statements; // by |change|, largest first, at most `top`
    std::vector<RootBlocker> blockersNew;
    std::vector<RootBlocker> blockersGone;
    std::vector<RootBlocker> blockersStill; // the later recording's entry
    ConnectionCounts connectionsBefore;
    ConnectionCounts connectionsAfter;
    std::vector<SettingChange> settings;
};

Comparison compareSnapshots(const Snapshot& before, const Snapshot& after, int top = 10);

// Plain text for a terminal, 100 columns at most. `text` turns its labels (Messages) into
// text: English (englishText) when empty; the CLI passes the user's language (diagnostics/i18n).
std::string renderComparisonText(const Comparison& comparison,
                                 const std::function<std::string(const Message&)>& text = {});
nlohmann::json comparisonToJson(const Comparison& comparison);

} // namespace dbt
