#include "advisor/advice.h"

#include "textutil.h"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace dbt::advisor {

using nlohmann::json;

std::vector<RedundantIndex> findRedundant(const std::vector<IndexDef>& indexes) {
    std::vector<RedundantIndex> out;
    auto comparable = [](const IndexDef& d) {
        if (!d.valid || d.partial || d.columns.empty())
            return false;
        return std::none_of(d.columns.begin(), d.columns.end(),
                            [](const std::string& c) { return c.empty(); });
    };
    for (std::size_t i = 0; i < indexes.size(); ++i) {
        const IndexDef& a = indexes[i];
        if (!comparable(a) || a.unique || a.primary)
            continue;
        for (std::size_t j = 0; j < indexes.size(); ++j) {
            const IndexDef& b = indexes[j];
            if (i == j || !comparable(b) || a.schema != b.schema || a.table != b.table ||
                a.method != b.method)
                continue;
            const bool same = a.columns == b.columns;
            // Of two identical non-unique indexes report the later name only.
            if (same && !b.unique && !b.primary && b.name > a.name)
                continue;
            const bool prefix = a.method == "btree" && a.columns.size() < b.columns.size() &&
                                std::equal(a.columns.begin(), a.columns.end(), b.columns.begin());
            if (!same && !prefix)
                continue;
            out.push_back({a.schema, a.table, a.name, b.name, same ? "duplicate" : "prefix",
                           a.sizeBytes, a.definition});
            break;
        }
    }
    return out;
}

namespace {

json optionalNumber(const std::optional<double>& v) {
    return v ? json(*v) : json(nullptr);
}

std::string joinColumns(const std::vector<std::string>& cols) {
    std::string out;
    for (const auto& c : cols)
        out += (out.empty() ? "" : ", ") + c;
    return out;
}

std::string tableName(const Candidate& c) {
    return c.schema.empty() ? c.table : c.schema + "." + c.table;
}

std::string cost(double v) {
    return fmt::format("{:.0f}", v);
}

} // namespace

std::string adviceToJson(const Advice& a) {
    json cands = json::array();
    for (const auto& p : a.proposals) {
        json stmts = json::array();
        double before = 0;
        double after = 0;
        bool afterKnown = true;
        for (const auto& s : p.statements) {
            stmts.push_back({{"id", s.id},
                             {"share", s.share},
                             {"calls", s.calls},
                             {"cost_before", s.costBefore},
                             {"cost_after", optionalNumber(s.costAfter)},
                             {"uses_index", s.usesIndex}});
            before += s.costBefore;
            if (s.costAfter)
                after += *s.costAfter;
            else
                afterKnown = false;
        }
        cands.push_back({{"table", tableName(p.candidate)},
                         {"schema", p.candidate.schema},
                         {"table_name", p.candidate.table},
                         {"columns", p.candidate.columns},
                         {"descending", p.candidate.descending},
                         {"opclasses", p.candidate.opclasses},
                         {"index_method", p.candidate.method},
                         {"reason", p.candidate.reason},
                         {"ddl", p.ddl},
                         {"method", p.method},
                         {"cost_before", before},
                         {"cost_after", afterKnown ? json(after) : json(nullptr)},
                         {"statements", stmts},
                         {"size_bytes", optionalNumber(p.sizeBytes)},
                         {"caveats", p.caveats}});
    }
    json unused = json::array();
    for (const auto& u : a.unused)
        unused.push_back({{"schema", u.schema},
                          {"table", u.table},
                          {"name", u.name},
                          {"size_bytes", u.sizeBytes},
                          {"scans", u.scans},
                          {"definition", u.definition}});
    json redundant = json::array();
    for (const auto& r : a.redundant)
        redundant.push_back({{"schema", r.schema},
                             {"table", r.table},
                             {"name", r.name},
                             {"covered_by", r.coveredBy},
                             {"kind", r.kind},
                             {"size_bytes", r.sizeBytes},
                             {"definition", r.definition}});
    const json doc = {{"engine", a.engine},
                      {"candidates", cands},
                      {"unused_indexes", unused},
                      {"redundant_indexes", redundant},
                      {"stats_reset", a.statsReset},
                      {"notes", a.notes},
                      {"explains", a.explains},
                      {"statements_considered", a.statementsConsidered},
                      {"cost_unit", a.costUnit.empty() ? std::string("planner cost") : a.costUnit}};
    return doc.dump(2) + "\n";
}

Advice adviceFromJson(const std::string& text) {
    const json doc = json::parse(text);
    Advice a;
    a.engine = doc.value("engine", "");
    a.statsReset = doc.value("stats_reset", "");
    a.notes = doc.value("notes", std::vector<std::string>{});
    a.explains = doc.value("explains", 0);
    a.statementsConsidered = doc.value("statements_considered", 0);
    a.costUnit = doc.value("cost_unit", "");
    if (a.costUnit == "planner cost")
        a.costUnit.clear();
    for (const auto& c : doc.at("candidates")) {
        Proposal p;
        p.candidate.schema = c.value("schema", "");
        p.candidate.table = c.value("table_name", c.value("table", ""));
        p.candidate.columns = c.at("columns").get<std::vector<std::string>>();
        p.candidate.descending =
            c.value("descending", std::vector<bool>(p.candidate.columns.size()));
        p.candidate.opclasses =
            c.value("opclasses", std::vector<std::string>(p.candidate.columns.size()));
        p.candidate.method = c.value("index_method", "btree");
        p.candidate.reason = c.value("reason", "");
        p.ddl = c.at("ddl").get<std::string>();
        p.method = c.at("method").get<std::string>();
        if (c.contains("size_bytes") && c["size_bytes"].is_number())
            p.sizeBytes = c["size_bytes"].get<double>();
        p.caveats = c.value("caveats", std::vector<std::string>{});
        for (const auto& s : c.at("statements")) {
            StatementEffect e;
            e.id = s.value("id", "");
            e.share = s.value("share", 0.0);
            e.calls = s.value("calls", 0.0);
            e.costBefore = s.value("cost_before", 0.0);
            if (s.contains("cost_after") && s["cost_after"].is_number())
                e.costAfter = s["cost_after"].get<double>();
            e.usesIndex = s.value("uses_index", false);
            p.statements.push_back(e);
        }
        a.proposals.push_back(std::move(p));
    }
    for (const auto& u : doc.value("unused_indexes", json::array()))
        a.unused.push_back({u.value("schema", ""), u.value("table", ""), u.value("name", ""),
                            u.value("size_bytes", std::int64_t(0)),
                            u.value("scans", std::int64_t(0)), u.value("definition", "")});
    for (const auto& r : doc.value("redundant_indexes", json::array()))
        a.redundant.push_back({r.value("schema", ""), r.value("table", ""), r.value("name", ""),
                               r.value("covered_by", ""), r.value("kind", ""),
                               r.value("size_bytes", std::int64_t(0)), r.value("definition", "")});
    return a;
}

void addCaveat(Proposal& p, Message caveat) {
    p.caveats.push_back(englishText(caveat));
    p.caveatTexts.push_back(std::move(caveat));
}

void addNote(Advice& a, Message note) {
    a.notes.push_back(englishText(note));
    a.noteTexts.push_back(std::move(note));
}

namespace {

// An English sentence without its Message (advice read from JSON): a whole-sentence template
// of the context, translated when it is a known constant sentence.
Message whole(const std::string& english) {
    return english.empty() ? literal(std::string()) : phrase("Advisor", english.c_str());
}

std::vector<Message> messages(const std::vector<std::string>& english,
                              const std::vector<Message>& recorded) {
    if (recorded.size() == english.size())
        return recorded;
    std::vector<Message> out;
    out.reserve(english.size());
    for (const auto& e : english)
        out.push_back(whole(e));
    return out;
}

} // namespace

Message reasonMessage(const Candidate& c) {
    return c.reasonText.empty() ? whole(c.reason) : c.reasonText;
}

std::vector<Message> caveatMessages(const Proposal& p) {
    return messages(p.caveats, p.caveatTexts);
}

std::vector<Message> noteMessages(const Advice& a) {
    return messages(a.notes, a.noteTexts);
}

Message statsResetMessage(const Advice& a) {
    return a.statsResetText.empty() ? literal(a.statsReset) : a.statsResetText;
}

Message costUnitMessage(const std::string& unit) {
    if (unit.empty() || unit == "planner cost")
        return phrase(DBT_TR("AdviceReport", "cost"));
    if (unit == "rows examined (estimate)")
        return phrase(DBT_TR("Advisor", "rows examined (estimate)"));
    return literal(unit);
}

std::string adviceToText(const Advice& a, const std::function<std::string(const Message&)>& text) {
    const auto T = [&](const Message& m) { return text ? text(m) : englishText(m); };
    const auto L = [&](const char* context, const char* pattern, std::vector<Message> args = {}) {
        return T(phrase(context, pattern, std::move(args)));
    };
    // Glue without words (numbering, indentation) is not translated.
    const auto glue = [](const char* pattern, std::vector<Message> args) {
        return phrase("", pattern, std::move(args));
    };
    std::string out;
    if (a.proposals.empty())
        out += L(DBT_TR("AdviceReport",
                        "No index candidate would help the workload enough to propose one.")) +
               "\n";
    int n = 0;
    for (const auto& p : a.proposals) {
        const Message method = p.method == "hypopg"
                                   ? phrase(DBT_TR("AdviceReport", "validated with HypoPG"))
                                   : phrase(DBT_TR("AdviceReport", "heuristic, not validated"));
        out += "\n" +
               T(glue("%1. %2 (%3) [%4]", {literal(++n), literal(tableName(p.candidate)),
                                           literal(joinColumns(p.candidate.columns)), method})) +
               "\n";
        out += "   " + p.ddl + "\n";
        out += "   " + L(DBT_TR("AdviceReport", "why: %1"), {reasonMessage(p.candidate)}) + "\n";
        if (p.sizeBytes)
            out += "   " +
                   L(DBT_TR("AdviceReport", "estimated size: %1"),
                     {figure(formatBytes(static_cast<std::int64_t>(std::llround(*p.sizeBytes))))}) +
                   "\n";
        for (const auto& s : p.statements) {
            const Message calls =
                std::llround(s.calls) == 1
                    ? phrase(DBT_TR("AdviceReport", "1 call"))
                    : phrase(DBT_TR("AdviceReport", "%1 calls"), {decimal(s.calls, 'f', 0)});
            const std::vector<Message> figures = {literal(s.id), decimal(s.share * 100.0, 'f', 1),
                                                  calls, costUnitMessage(a.costUnit),
                                                  literal(cost(s.costBefore))};
            if (s.costAfter) {
                std::vector<Message> args = figures;
                args.push_back(literal(cost(*s.costAfter)));
                args.push_back(decimal(
                    s.costBefore > 0 ? 100.0 * (1.0 - *s.costAfter / s.costBefore) : 0.0, 'f', 0));
                out += "   " +
                       L(DBT_TR("AdviceReport", "statement %1 (%2 % of the window's time, %3): "
                                                "%4 %5 -> %6 (%7 % less)"),
                         std::move(args));
            } else {
                out += "   " + L(DBT_TR("AdviceReport", "statement %1 (%2 % of the window's "
                                                        "time, %3): %4 %5"),
                                 figures);
            }
            out += "\n";
        }
        for (const auto& c : caveatMessages(p))
            out += "   " + L(DBT_TR("AdviceReport", "caveat: %1"), {c}) + "\n";
    }
    if (!a.unused.empty()) {
        out += "\n" +
               (a.statsReset.empty()
                    ? L(DBT_TR("AdviceReport", "Unused indexes (no scans since the statistics "
                                               "were last reset; not unique, not primary "
                                               "keys):"))
                    : L(DBT_TR("AdviceReport", "Unused indexes (no scans since the statistics "
                                               "reset at %1; not unique, not primary keys):"),
                        {statsResetMessage(a)})) +
               "\n";
        for (const auto& u : a.unused)
            out += "   " +
                   L(DBT_TR("AdviceReport", "%1.%2 on %3 (%4): %5"),
                     {literal(u.schema), literal(u.name), literal(u.table),
                      figure(formatBytes(u.sizeBytes)), literal(u.definition)}) +
                   "\n";
    }
    if (!a.redundant.empty()) {
        out += "\n" + L(DBT_TR("AdviceReport", "Duplicate and redundant indexes:")) + "\n";
        for (const auto& r : a.redundant) {
            std::vector<Message> args = {literal(r.schema),    literal(r.name),
                                         literal(r.table),     figure(formatBytes(r.sizeBytes)),
                                         literal(r.coveredBy), literal(r.definition)};
            out += "   " +
                   (r.kind == "duplicate"
                        ? L(DBT_TR("AdviceReport", "%1.%2 on %3 (%4) is a duplicate of %5: %6"),
                            std::move(args))
                        : L(DBT_TR("AdviceReport", "%1.%2 on %3 (%4) is a prefix of %5: %6"),
                            std::move(args))) +
                   "\n";
        }
    }
    if (!a.notes.empty()) {
        out += "\n" + L(DBT_TR("AdviceReport", "Notes:")) + "\n";
        for (const auto& note : noteMessages(a))
            out += "   " + T(note) + "\n";
    }
    const Message considered = a.statementsConsidered == 1
                                   ? phrase(DBT_TR("AdviceReport", "1 statement considered"))
                                   : phrase(DBT_TR("AdviceReport", "%1 statements considered"),
                                            {decimal(a.statementsConsidered, 'f', 0)});
    const Message explains = a.explains == 1 ? phrase(DBT_TR("AdviceReport", "1 EXPLAIN"))
                                             : phrase(DBT_TR("AdviceReport", "%1 EXPLAINs"),
                                                      {decimal(a.explains, 'f', 0)});
    out +=
        "\n" +
        L(DBT_TR("AdviceReport", "%1, %2. Nothing was executed: review and run the DDL yourself."),
          {considered, explains}) +
        "\n";
    return out;
}

std::string adviceToSqlComments(const Advice& a) {
    std::string out =
        "-- Index candidates from dbtriage. NOT executed; every statement is commented out.\n"
        "-- Review each, test it on a clone, then run it yourself outside peak hours.\n";
    for (const auto& p : a.proposals) {
        out += fmt::format("\n-- {} ({}): {} [{}]\n", tableName(p.candidate),
                           joinColumns(p.candidate.columns), p.candidate.reason, p.method);
        for (const auto& s : p.statements)
            out += fmt::format("--   helps statement {} ({:.1f} % of the window's time)\n", s.id,
                               s.share * 100.0);
        for (const auto& c : p.caveats)
            out += "--   caveat: " + c + "\n";
        out += "-- " + p.ddl + "\n";
    }
    if (!a.unused.empty()) {
        out += "\n-- Unused indexes (no scans since " +
               (a.statsReset.empty() ? std::string("the statistics reset") : a.statsReset) + "):\n";
        for (const auto& u : a.unused)
            out += fmt::format("--   {}.{} on {} ({})\n", u.schema, u.name, u.table,
                               formatBytes(u.sizeBytes));
    }
    if (!a.redundant.empty()) {
        out += "\n-- Duplicate and redundant indexes:\n";
        for (const auto& r : a.redundant)
            out += fmt::format("--   {}.{} ({} of {})\n", r.schema, r.name, r.kind, r.coveredBy);
    }
    return out;
}

} // namespace dbt::advisor
