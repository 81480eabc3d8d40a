#include "plans/parse.h"

#include "plans/derive.h"
#include "plans/jsontext.h"
#include "plans/parsers.h"

#include <algorithm>
#include <fmt/format.h>
#include <vector>

namespace dbt::plans {

using json = nlohmann::ordered_json;

namespace {

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r' ||
                          s.front() == '\n' || s.front() == '\f' || s.front() == '\v'))
        s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r' ||
                          s.back() == '\n' || s.back() == '\f' || s.back() == '\v'))
        s.remove_suffix(1);
    return s;
}

bool isRule(std::string_view s) {
    s = trim(s);
    return !s.empty() &&
           std::all_of(s.begin(), s.end(), [](char c) { return c == '-' || c == '+'; });
}

// "(1 row)", "(12 rows)"
bool isRowCountFooter(std::string_view s) {
    s = trim(s);
    if (s.size() < 7 || s.front() != '(' || s.back() != ')')
        return false;
    s = s.substr(1, s.size() - 2);
    std::size_t i = 0;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9')
        ++i;
    if (i == 0)
        return false;
    const std::string_view rest = s.substr(i);
    return rest == " row" || rest == " rows";
}

std::string_view firstContent(std::string_view text) {
    return trim(text);
}

} // namespace

std::size_t findInvalidUtf8(std::string_view text) {
    const auto* s = reinterpret_cast<const unsigned char*>(text.data());
    const std::size_t n = text.size();
    std::size_t i = 0;
    while (i < n) {
        const unsigned char c = s[i];
        if (c < 0x80) {
            ++i;
            continue;
        }
        std::size_t len = 0;
        unsigned int cp = 0;
        if (c >= 0xC2 && c <= 0xDF) {
            len = 2;
            cp = c & 0x1F;
        } else if (c >= 0xE0 && c <= 0xEF) {
            len = 3;
            cp = c & 0x0F;
        } else if (c >= 0xF0 && c <= 0xF4) {
            len = 4;
            cp = c & 0x07;
        } else {
            return i;
        }
        if (i + len > n)
            return i;
        for (std::size_t k = 1; k < len; ++k) {
            if ((s[i + k] & 0xC0) != 0x80)
                return i;
            cp = (cp << 6) | (s[i + k] & 0x3F);
        }
        if ((len == 3 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) ||
            (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)))
            return i;
        i += len;
    }
    return std::string_view::npos;
}

std::string unwrapPsqlOutput(std::string_view text) {
    if (text.size() >= 3 && text.substr(0, 3) == "\xEF\xBB\xBF")
        text.remove_prefix(3);
    std::vector<std::string_view> lines;
    std::size_t pos = 0;
    while (pos <= text.size()) {
        const std::size_t nl = text.find('\n', pos);
        std::string_view line =
            text.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos);
        if (!line.empty() && line.back() == '\r')
            line.remove_suffix(1);
        lines.push_back(line);
        if (nl == std::string_view::npos)
            break;
        pos = nl + 1;
    }
    // Header: "QUERY PLAN" (any column title psql centred) followed by a rule of dashes.
    std::size_t first = 0;
    while (first < lines.size() && trim(lines[first]).empty())
        ++first;
    bool psql = false;
    // Header: may follow command tags such as "SET" or "BEGIN" when a psql session was copied.
    for (std::size_t i = first; i + 1 < lines.size() && i < first + 20; ++i) {
        if (isRule(lines[i + 1]) && trim(lines[i]).find("QUERY PLAN") != std::string_view::npos) {
            first = i + 2;
            psql = true;
            break;
        }
    }
    if (psql) {
    } else if (first < lines.size() && isRule(lines[first]) && trim(lines[first]).size() > 3) {
        first += 1; // header cut off when copying, rule kept
        psql = true;
    }
    std::size_t last = lines.size();
    while (last > first && trim(lines[last - 1]).empty())
        --last;
    if (last > first && isRowCountFooter(lines[last - 1])) {
        --last;
        psql = true;
        while (last > first && trim(lines[last - 1]).empty())
            --last;
    }
    // " +" continuations: psql marks every line of a multi-line value but the last.
    std::size_t plusLines = 0;
    for (std::size_t i = first; i < last; ++i) {
        const std::string_view t = trim(lines[i]);
        if (!t.empty() && t.back() == '+')
            ++plusLines;
    }
    const bool stripPlus = last > first + 1 && plusLines + 1 >= (last - first);
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = first; i < last; ++i) {
        std::string_view line = lines[i];
        if (stripPlus) {
            std::string_view t = line;
            while (!t.empty() && (t.back() == ' ' || t.back() == '\t'))
                t.remove_suffix(1);
            if (!t.empty() && t.back() == '+') {
                t.remove_suffix(1);
                while (!t.empty() && (t.back() == ' ' || t.back() == '\t'))
                    t.remove_suffix(1);
            }
            line = t;
        }
        // psql aligned output puts one space before each row (and "|" with more columns).
        if (psql && !line.empty() && line.front() == ' ' && !stripPlus)
            line.remove_prefix(1);
        out.append(line);
        out += '\n';
    }
    return out;
}

namespace detail {

json parseJsonText(std::string_view text) {
    try {
        return json::parse(text.begin(), text.end());
    } catch (const json::parse_error& e) {
        std::string what = e.what();
        // "[json.exception.parse_error.101] parse error at line 1, column 5: syntax error
        // while parsing value - unexpected end of input; expected ..."
        const std::size_t bracket = what.find("] ");
        if (bracket != std::string::npos)
            what.erase(0, bracket + 2);
        const std::size_t lastRead = what.find("; last read");
        if (lastRead != std::string::npos)
            what.erase(lastRead);
        if (what.find("unexpected end of input") != std::string::npos || e.byte >= text.size()) {
            throw PlanError(fmt::format(
                "The JSON plan ends early (after {} bytes): it looks cut off; copy the whole "
                "EXPLAIN output and try again.",
                text.size()));
        }
        throw PlanError(fmt::format(
            "The plan is not valid JSON ({}); check that it was copied whole and unchanged.",
            what));
    } catch (const json::exception&) {
        // Not a syntax error: a number too large for a double ("84e790", out_of_range.406).
        throw PlanError("The plan holds a number too large to read; check that it was copied "
                        "whole and unchanged.");
    }
}

Dialect detectJsonDialect(const json& doc) {
    const json* top = &doc;
    if (doc.is_array()) {
        if (doc.empty())
            throw PlanError("The JSON holds an empty list, not a plan; paste the output of "
                            "EXPLAIN (FORMAT JSON) or EXPLAIN FORMAT=JSON.");
        top = &doc.front();
    }
    if (top->is_object() && top->contains("Plan"))
        return Dialect::PostgresJson;
    if (top->is_object() && top->contains("query_block")) {
        // MySQL and MariaDB share the layout; their field names differ.
        int mysql = 0;
        int mariadb = 0;
        bool analyze = false;
        std::vector<const json*> stack{top};
        std::size_t visited = 0;
        while (!stack.empty() && visited < 20000) {
            const json* v = stack.back();
            stack.pop_back();
            ++visited;
            if (v->is_array()) {
                for (const json& e : *v) {
                    if (e.is_structured())
                        stack.push_back(&e);
                }
                continue;
            }
            for (auto it = v->cbegin(); it != v->cend(); ++it) {
                const std::string& k = it.key();
                if (k == "cost_info" || k == "rows_examined_per_scan" ||
                    k == "rows_produced_per_join" || k == "using_filesort" ||
                    k == "using_temporary_table" || k == "ordering_operation" ||
                    k == "grouping_operation" || k == "duplicates_removal" || k == "used_columns")
                    ++mysql;
                else if (k == "filesort" || k == "temporary_table" || k == "read_sorted_file" ||
                         k == "block-nl-join" || k == "duplicate_removal" ||
                         k == "expression_cache" || k == "query_optimization" || k == "rows" ||
                         k == "r_loops" || k == "r_rows" || k == "r_total_time_ms" ||
                         k == "r_filtered")
                    ++mariadb;
                if (k.size() > 2 && k[0] == 'r' && k[1] == '_')
                    analyze = true;
                if (it->is_structured())
                    stack.push_back(&*it);
            }
        }
        if (analyze)
            return Dialect::MariadbAnalyzeJson;
        return mariadb > mysql ? Dialect::MariadbJson : Dialect::MysqlJson;
    }
    if (top->is_object() && (top->contains("inputs") || top->contains("operation")) &&
        top->contains("query_type"))
        throw PlanError("This is MySQL's JSON plan format version 2, which is not read yet; run "
                        "SET explain_json_format_version = 1 and EXPLAIN FORMAT=JSON again.");
    throw PlanError("The JSON is not an execution plan: expected PostgreSQL's [{\"Plan\": …}] "
                    "from EXPLAIN (FORMAT JSON) or MySQL/MariaDB's {\"query_block\": …} from "
                    "EXPLAIN FORMAT=JSON.");
}

} // namespace detail

namespace {

bool looksLikeJson(std::string_view text) {
    const std::string_view t = firstContent(text);
    return !t.empty() && (t.front() == '{' || t.front() == '[');
}

void checkInput(std::string_view text) {
    const std::size_t bad = findInvalidUtf8(text);
    if (bad != std::string_view::npos)
        throw PlanError(fmt::format("The plan is not UTF-8 text (byte {} is invalid); save it as "
                                    "UTF-8 and try again.",
                                    bad));
    if (trim(text).empty())
        throw PlanError("The plan is empty; paste or save the output of EXPLAIN.");
}

} // namespace

std::optional<Dialect> detectDialect(std::string_view text) {
    try {
        checkInput(text);
        const std::string body = unwrapPsqlOutput(text);
        if (trim(body).empty())
            return std::nullopt;
        if (looksLikeJson(body))
            return detail::detectJsonDialect(detail::parseJsonText(body));
        return Dialect::PostgresText;
    } catch (const PlanError&) {
        return std::nullopt;
    }
}

Plan parsePostgresJson(std::string_view text) {
    checkInput(text);
    return detail::postgresFromJson(detail::parseJsonText(text));
}

Plan parseMysqlJson(std::string_view text, std::optional<Dialect> dialect) {
    checkInput(text);
    const json doc = detail::parseJsonText(text);
    Dialect d = dialect ? *dialect : detail::detectJsonDialect(doc);
    if (isPostgres(d))
        throw PlanError("This is a PostgreSQL plan, not a MySQL or MariaDB one.");
    return detail::mysqlFromJson(doc, d);
}

Plan parsePlan(std::string_view text, const ParseOptions& options) {
    checkInput(text);
    const std::string body = unwrapPsqlOutput(text);
    if (trim(body).empty())
        throw PlanError("The plan is empty; paste or save the output of EXPLAIN.");
    Plan plan;
    if (looksLikeJson(body)) {
        if (options.dialect == Dialect::PostgresText)
            throw PlanError("The plan is JSON, not PostgreSQL's text format.");
        const json doc = detail::parseJsonText(body);
        const Dialect d = options.dialect ? *options.dialect : detail::detectJsonDialect(doc);
        plan = d == Dialect::PostgresJson ? detail::postgresFromJson(doc)
                                          : detail::mysqlFromJson(doc, d);
    } else {
        if (options.dialect && *options.dialect != Dialect::PostgresText)
            throw PlanError(fmt::format("The plan is not JSON, so it cannot be {}; only "
                                        "PostgreSQL plans are read in text format.",
                                        dialectName(*options.dialect)));
        plan = parsePostgresText(body);
    }
    if (options.derive)
        derive(plan);
    return plan;
}

} // namespace dbt::plans
