#include "advisor/mysqladvisor.h"

#include "advisor/querymodel.h"
#include "engines/mysql/mysqlsession.h"
#include "plans/parse.h"
#include "textutil.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <fmt/format.h>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

namespace dbt::advisor {

using nlohmann::json;

namespace {

std::string upper(std::string s) {
    for (char& c : s)
        c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return s;
}

std::string lower(std::string s) {
    for (char& c : s)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

bool sameName(const std::string& a, const std::string& b) {
    return lower(a) == lower(b);
}

bool contains(const std::vector<std::string>& list, const std::string& value) {
    return std::find(list.begin(), list.end(), value) != list.end();
}

// The advisor's sentences: Messages in the context "Advisor" (advice.h).
Message say(const char* context, const char* text, std::vector<Message> args = {}) {
    return phrase(context, text, std::move(args));
}

Message number(double value) {
    return decimal(value, 'f', 0);
}

Message both(Message a, Message b) {
    return phrase("", "%1 + %2", {std::move(a), std::move(b)});
}

// dbt::literal (the advisor below has a literal() of its own, for SQL).
Message lit(std::string text) {
    return dbt::literal(std::move(text));
}

void addCaveats(Proposal& p, std::vector<Message> caveats) {
    for (auto& c : caveats)
        addCaveat(p, std::move(c));
}

// ---------------------------------------------------------------- the text rewrite

struct Token {
    enum Kind { Space, Word, Ident, String, Param, Number, Punct, Comment } kind;
    std::string text; // Ident: the name; String: the value; others: as written
};

bool identChar(unsigned char c) {
    return std::isalnum(c) || c == '_' || c == '$' || c >= 0x80;
}

std::string pgIdent(const std::string& name) {
    std::string out = "\"";
    for (char c : name) {
        if (c == '"')
            out += '"';
        out += c;
    }
    return out + '"';
}

std::string pgString(const std::string& value) {
    std::string out = "'";
    for (char c : value) {
        if (c == '\'')
            out += '\'';
        out += c;
    }
    return out + '\'';
}

const std::set<std::string> kUnits = {"MICROSECOND",
                                      "SECOND",
                                      "MINUTE",
                                      "HOUR",
                                      "DAY",
                                      "WEEK",
                                      "MONTH",
                                      "QUARTER",
                                      "YEAR",
                                      "SECOND_MICROSECOND",
                                      "MINUTE_MICROSECOND",
                                      "MINUTE_SECOND",
                                      "HOUR_MICROSECOND",
                                      "HOUR_SECOND",
                                      "HOUR_MINUTE",
                                      "DAY_MICROSECOND",
                                      "DAY_SECOND",
                                      "DAY_MINUTE",
                                      "DAY_HOUR",
                                      "YEAR_MONTH"};

const std::set<std::string> kMysqlOnly = {"STRAIGHT_JOIN",
                                          "SQL_CALC_FOUND_ROWS",
                                          "SQL_NO_CACHE",
                                          "SQL_CACHE",
                                          "HIGH_PRIORITY",
                                          "DIV",
                                          "XOR",
                                          "REGEXP",
                                          "RLIKE",
                                          "SOUNDS",
                                          "DUPLICATE",
                                          "SQL_BIG_RESULT",
                                          "SQL_SMALL_RESULT",
                                          "SQL_BUFFER_RESULT",
                                          "MATCH"};

} // namespace

MysqlText mysqlToPostgresText(const std::string& text) {
    MysqlText out;
    std::vector<Token> tokens;
    const std::size_t n = text.size();
    std::size_t i = 0;
    auto fail = [&](Message why) {
        out.ok = false;
        out.reason = englishText(why);
        out.reasonText = std::move(why);
        return out;
    };
    while (i < n) {
        const unsigned char c = static_cast<unsigned char>(text[i]);
        if (std::isspace(c)) {
            std::size_t j = i;
            while (j < n && std::isspace(static_cast<unsigned char>(text[j])))
                ++j;
            tokens.push_back({Token::Space, " "});
            i = j;
        } else if (c == '`') {
            std::string name;
            std::size_t j = i + 1;
            bool closed = false;
            while (j < n) {
                if (text[j] == '`') {
                    if (j + 1 < n && text[j + 1] == '`') {
                        name += '`';
                        j += 2;
                        continue;
                    }
                    closed = true;
                    ++j;
                    break;
                }
                name += text[j++];
            }
            if (!closed)
                return fail(say(DBT_TR("Advisor", "an unterminated `identifier`")));
            tokens.push_back({Token::Ident, name});
            i = j;
        } else if (c == '\'' || c == '"') {
            const char q = static_cast<char>(c);
            std::string value;
            std::size_t j = i + 1;
            bool closed = false;
            while (j < n) {
                if (text[j] == '\\' && j + 1 < n) {
                    const char e = text[j + 1];
                    value += e == 'n' ? '\n' : e == 't' ? '\t' : e == '0' ? '\0' : e;
                    j += 2;
                    continue;
                }
                if (text[j] == q) {
                    if (j + 1 < n && text[j + 1] == q) {
                        value += q;
                        j += 2;
                        continue;
                    }
                    closed = true;
                    ++j;
                    break;
                }
                value += text[j++];
            }
            if (!closed)
                return fail(say(DBT_TR("Advisor", "an unterminated string (a truncated text?)")));
            tokens.push_back({Token::String, value});
            i = j;
        } else if (c == '#') {
            while (i < n && text[i] != '\n')
                ++i;
        } else if (c == '-' && i + 2 < n && text[i + 1] == '-' &&
                   std::isspace(static_cast<unsigned char>(text[i + 2]))) {
            while (i < n && text[i] != '\n')
                ++i;
        } else if (c == '/' && i + 1 < n && text[i + 1] == '*') {
            if (i + 2 < n && (text[i + 2] == '!' || text[i + 2] == '+'))
                return fail(say(
                    DBT_TR("Advisor", "a MySQL-specific comment (/*! */ or an optimizer hint)")));
            const std::size_t end = text.find("*/", i + 2);
            if (end == std::string::npos)
                return fail(say(DBT_TR("Advisor", "an unterminated comment")));
            i = end + 2;
            tokens.push_back({Token::Space, " "});
        } else if (c == '?') {
            tokens.push_back({Token::Param, "?"});
            ++i;
        } else if (c == '.' && text.compare(i, 3, "...") == 0) {
            tokens.push_back({Token::Param, "..."});
            i += 3;
        } else if (std::isdigit(c) || (c == '.' && i + 1 < n && std::isdigit(text[i + 1]))) {
            std::size_t j = i;
            while (j < n && (std::isalnum(static_cast<unsigned char>(text[j])) || text[j] == '.'))
                ++j;
            tokens.push_back({Token::Number, text.substr(i, j - i)});
            i = j;
        } else if (identChar(c)) {
            std::size_t j = i;
            while (j < n && identChar(static_cast<unsigned char>(text[j])))
                ++j;
            tokens.push_back({Token::Word, text.substr(i, j - i)});
            i = j;
        } else {
            // Operators: the longest of the multi-character ones.
            for (const char* op : {"<=>", "&&", "||", ":=", "<=", ">=", "<>", "!=", "->>", "->"}) {
                const std::size_t len = std::char_traits<char>::length(op);
                if (text.compare(i, len, op) == 0) {
                    tokens.push_back({Token::Punct, op});
                    i += len;
                    goto next;
                }
            }
            tokens.push_back({Token::Punct, std::string(1, static_cast<char>(c))});
            ++i;
        next:;
        }
    }

    // Significant tokens (no spaces) for the look-ahead rewrites.
    std::vector<std::size_t> sig;
    for (std::size_t k = 0; k < tokens.size(); ++k)
        if (tokens[k].kind != Token::Space)
            sig.push_back(k);
    auto word = [&](std::size_t s) {
        return s < sig.size() && tokens[sig[s]].kind == Token::Word ? upper(tokens[sig[s]].text)
                                                                    : std::string();
    };
    auto punct = [&](std::size_t s, const char* p) {
        return s < sig.size() && tokens[sig[s]].kind == Token::Punct && tokens[sig[s]].text == p;
    };
    auto value = [&](std::size_t s) {
        return s < sig.size() &&
               (tokens[sig[s]].kind == Token::Param || tokens[sig[s]].kind == Token::Number ||
                tokens[sig[s]].kind == Token::String);
    };

    int param = 0;
    std::vector<bool> drop(tokens.size(), false);
    std::map<std::size_t, std::string> replace; // token index -> text
    for (std::size_t s = 0; s < sig.size(); ++s) {
        const Token& t = tokens[sig[s]];
        if (t.kind == Token::Punct && (t.text == "<=>" || t.text == "&&" || t.text == "||" ||
                                       t.text == ":=" || t.text == "->" || t.text == "->>"))
            return fail(say(DBT_TR("Advisor", "the MySQL operator %1"), {literal(t.text)}));
        if (t.kind != Token::Word)
            continue;
        const std::string w = upper(t.text);
        if (kMysqlOnly.count(w))
            return fail(say(DBT_TR("Advisor", "MySQL-only syntax (%1)"), {literal(w)}));
        if ((w == "USE" || w == "FORCE" || w == "IGNORE") &&
            (word(s + 1) == "INDEX" || word(s + 1) == "KEY"))
            return fail(say(DBT_TR("Advisor", "an index hint (%1 INDEX)"), {literal(w)}));
        if (w == "LOCK" && word(s + 1) == "IN")
            return fail(literal("LOCK IN SHARE MODE"));
        if (w == "INTERVAL" && value(s + 1) && kUnits.count(word(s + 2))) {
            replace[sig[s]] = "\x01";
            for (std::size_t k = sig[s] + 1; k <= sig[s + 2]; ++k)
                drop[k] = true;
            s += 2;
            continue;
        }
        if (w == "LIMIT" && value(s + 1) && punct(s + 2, ",") && value(s + 3)) {
            // LIMIT offset, count -> LIMIT count OFFSET offset
            auto render = [&](std::size_t k) {
                const Token& v = tokens[sig[k]];
                if (v.kind == Token::Param)
                    return std::string("\x01"); // numbered in text order below
                return v.kind == Token::String ? pgString(v.text) : v.text;
            };
            const std::string offset = render(s + 1);
            const std::string count = render(s + 3);
            replace[sig[s]] = "LIMIT " + count + " OFFSET " + offset;
            for (std::size_t k = sig[s] + 1; k <= sig[s + 3]; ++k)
                drop[k] = true;
            s += 3;
            continue;
        }
    }
    std::string sql;
    for (std::size_t k = 0; k < tokens.size(); ++k) {
        if (drop[k])
            continue;
        if (const auto r = replace.find(k); r != replace.end()) {
            for (char ch : r->second)
                sql += ch == '\x01' ? "$" + std::to_string(++param) : std::string(1, ch);
            continue;
        }
        const Token& t = tokens[k];
        switch (t.kind) {
        case Token::Ident:
            sql += pgIdent(t.text);
            break;
        case Token::String:
            sql += pgString(t.text);
            break;
        case Token::Param:
            sql += "$" + std::to_string(++param);
            break;
        default:
            sql += t.text;
        }
    }
    out.ok = true;
    out.sql = sql;
    return out;
}

// ---------------------------------------------------------------- statistics

ColumnStats statsFromHistogram(const std::string& histogramJson) {
    ColumnStats s;
    json doc;
    try {
        doc = json::parse(histogramJson);
    } catch (const std::exception&) {
        return s;
    }
    if (!doc.is_object() || !doc.contains("buckets") || !doc["buckets"].is_array())
        return s;
    const std::string type = doc.value("histogram-type", "");
    const json& buckets = doc["buckets"];
    if (doc.contains("null-values") && doc["null-values"].is_number())
        s.nullFrac = doc["null-values"].get<double>();
    double previous = 0;
    double distinct = 0;
    double maxFreq = 0;
    for (const json& b : buckets) {
        if (!b.is_array())
            return ColumnStats{};
        if (type == "singleton") {
            // [value, cumulative frequency]
            if (b.size() < 2 || !b[1].is_number())
                return ColumnStats{};
            const double cum = b[1].get<double>();
            maxFreq = std::max(maxFreq, cum - previous);
            previous = cum;
            distinct += 1;
        } else if (type == "equi-height") {
            // [lower, upper, cumulative frequency, distinct values]
            if (b.size() < 4 || !b[2].is_number() || !b[3].is_number())
                return ColumnStats{};
            const double cum = b[2].get<double>();
            const double d = std::max(1.0, b[3].get<double>());
            // One value per bucket: its frequency is known exactly; otherwise spread evenly.
            maxFreq = std::max(maxFreq, (cum - previous) / d);
            previous = cum;
            distinct += d;
        } else {
            return ColumnStats{};
        }
    }
    s.nDistinct = distinct;
    s.maxCommonFreq = maxFreq;
    s.known = distinct > 0 || s.nullFrac >= 1.0;
    return s;
}

ColumnStats statsFromColumnStats(std::optional<double> nullsRatio,
                                 std::optional<double> avgFrequency, double rows) {
    ColumnStats s;
    if (!avgFrequency || *avgFrequency <= 0)
        return s;
    s.nullFrac = std::clamp(nullsRatio.value_or(0.0), 0.0, 1.0);
    const double nonNull = std::max(1.0, rows * (1.0 - s.nullFrac));
    s.nDistinct = std::max(1.0, nonNull / *avgFrequency);
    s.known = true;
    return s;
}

// ---------------------------------------------------------------- plans

PlanScan scanFor(const plans::Plan& plan, const std::string& tableOrAlias) {
    PlanScan out;
    for (const auto& n : plan.nodes)
        if (n.usingFilesort || n.usingTemporary)
            out.sorts = true;
    for (const auto& n : plan.nodes) {
        if (n.nodeType != "table" || !sameName(n.tableName, tableOrAlias))
            continue;
        out.found = true;
        out.rows = n.rowsExaminedPerScan.value_or(0);
        const double filtered = n.filteredPercent.value_or(100);
        const bool hasCondition = !n.conditions.empty();
        std::string keys;
        for (const auto& k : n.possibleKeys)
            keys += (keys.empty() ? "" : ", ") + k;
        Message evidence;
        if (n.accessType == "ALL") {
            out.replaceable = true;
            evidence = say(DBT_TR("Advisor", "a full table scan (access_type ALL, about %1 rows)"),
                           {number(out.rows)});
        } else if (n.accessType == "index" && (hasCondition || out.sorts)) {
            out.replaceable = true;
            evidence = say(DBT_TR("Advisor", "a full scan of index %1 (access_type index, about "
                                             "%2 rows) with a filter"),
                           {literal(n.key), number(out.rows)});
        } else if (n.key.empty() && !n.possibleKeys.empty() && n.accessType != "const" &&
                   n.accessType != "system") {
            out.replaceable = true;
            evidence = say(DBT_TR("Advisor", "no index used although possible_keys lists %1"),
                           {literal(keys)});
        } else if (filtered <= 10 && out.rows >= 1000 && n.accessType != "const" &&
                   n.accessType != "system" && n.accessType != "eq_ref") {
            out.replaceable = true;
            evidence = say(DBT_TR("Advisor", "%1 reads about %2 rows and keeps %3 % of them"),
                           {n.accessType.empty() ? say(DBT_TR("Advisor", "the table"))
                                                 : literal("access_type " + n.accessType),
                            number(out.rows), decimal(filtered, 'g', 2)});
        }
        if (out.sorts) {
            const Message sort = say(DBT_TR("Advisor", "a sort (filesort or temporary table)"));
            evidence = evidence.empty()
                           ? sort
                           : say(DBT_TR("Advisor", "%1, then %2"), {std::move(evidence), sort});
        }
        out.evidence = englishText(evidence);
        out.evidenceText = std::move(evidence);
        return out;
    }
    return out;
}

namespace {

double rowsExamined(const plans::Plan& plan) {
    double prefix = 1;
    double examined = 0;
    for (const auto& n : plan.nodes) {
        if (n.nodeType != "table")
            continue;
        const double rows = n.rowsExaminedPerScan.value_or(1);
        examined += prefix * rows;
        prefix *= std::max(1.0, rows * n.filteredPercent.value_or(100) / 100.0);
    }
    return examined;
}

} // namespace

PlanCost planCost(const plans::Plan& plan) {
    PlanCost out;
    for (const auto& n : plan.nodes)
        if (n.nodeType == "query_block" && n.queryCost) {
            out.value = *n.queryCost;
            out.queryCost = true;
            return out;
        }
    out.value = rowsExamined(plan);
    return out;
}

// ---------------------------------------------------------------- candidates

namespace {

std::optional<double> selectivityOf(const TableInfo& info, const std::string& col) {
    const auto it = info.columns.find(col);
    if (it == info.columns.end() || !it->second.known)
        return std::nullopt;
    return equalitySelectivity(it->second, info.rows);
}

} // namespace

MysqlPick pickMysqlCandidate(const TableUse& use, const TableInfo& info, bool planSorts) {
    MysqlPick out;
    if (info.rows < 1000) {
        out.why = fmt::format("the table has about {:.0f} rows; a scan of it is cheap", info.rows);
        return out;
    }
    // Equality columns (join keys count: one lookup per row of the outer side).
    std::vector<std::pair<std::string, double>> eq;
    for (const auto* list : {&use.equality, &use.joinKeys})
        for (const auto& c : *list) {
            if (std::any_of(eq.begin(), eq.end(), [&](const auto& e) { return e.first == c; }))
                continue;
            if (const auto sel = selectivityOf(info, c))
                eq.emplace_back(c, *sel);
            else if (!contains(out.noStats, c))
                out.noStats.push_back(c);
        }
    std::stable_sort(eq.begin(), eq.end(),
                     [](const auto& a, const auto& b) { return a.second < b.second; });
    if (eq.size() > 3)
        eq.resize(3);

    Candidate c;
    c.schema = info.schema;
    c.table = info.name;
    double sel = 1;
    for (const auto& [col, s] : eq) {
        c.columns.push_back(col);
        sel *= s;
    }
    c.reasonText = eq.size() > 1 ? say(DBT_TR("Advisor", "equality columns, most selective first"))
                                 : say(DBT_TR("Advisor", "equality"));
    const Message range_ = say(DBT_TR("Advisor", "range"));

    // Then one range column, or the columns of the sort the plan does.
    std::vector<std::string> sortCols;
    std::vector<bool> sortDesc;
    std::string sortWhat;
    if (planSorts && !use.orderBy.empty()) {
        bool allDesc = true;
        for (const auto& o : use.orderBy)
            allDesc &= o.descending;
        for (const auto& o : use.orderBy) {
            sortCols.push_back(o.column);
            sortDesc.push_back(allDesc ? false : o.descending);
        }
        sortWhat = "ORDER BY"; // SQL: not translated
    } else if (planSorts && !use.groupBy.empty()) {
        sortCols = use.groupBy;
        sortDesc.assign(sortCols.size(), false);
        sortWhat = "GROUP BY";
    }
    std::string range;
    for (const auto& r : use.range)
        if (!contains(c.columns, r)) {
            range = r;
            break;
        }
    bool servesSort = false;
    const bool rangeIsSort = !range.empty() && !sortCols.empty() && sortCols.front() == range;
    if (!range.empty() && !rangeIsSort && c.columns.size() < 3) {
        c.columns.push_back(range);
        sel *= 0.3;
        c.reasonText = both(c.reasonText, range_);
    } else if (!sortCols.empty()) {
        std::vector<std::string> cols = c.columns;
        std::vector<bool> desc(cols.size(), false);
        for (std::size_t k = 0; k < sortCols.size(); ++k) {
            if (contains(cols, sortCols[k]))
                continue;
            cols.push_back(sortCols[k]);
            desc.push_back(sortDesc[k]);
        }
        if (cols.size() <= 3 && cols.size() > c.columns.size()) {
            c.columns = cols;
            c.descending = desc;
            servesSort = true;
            if (rangeIsSort)
                sel *= 0.3;
            c.reasonText = eq.empty() ? literal(sortWhat) : both(c.reasonText, literal(sortWhat));
        }
    } else if (!range.empty() && c.columns.size() < 3) {
        c.columns.push_back(range);
        sel *= 0.3;
        c.reasonText = both(c.reasonText, range_);
    }
    c.reason = englishText(c.reasonText);
    if (c.descending.size() != c.columns.size())
        c.descending.assign(c.columns.size(), false);
    c.opclasses.assign(c.columns.size(), std::string());
    out.selectivity = sel;

    if (c.columns.empty()) {
        out.why = out.noStats.empty() ? "no equality, range, ORDER BY or GROUP BY column to index"
                                      : "no statistics for its columns";
        return out;
    }
    if (eq.empty() && !servesSort) {
        out.why = out.noStats.empty() ? "a range alone is not selective enough to judge"
                                      : "no statistics for its equality columns";
        return out;
    }
    if (coveredByExisting(c.columns, info.indexes)) {
        out.why = "an existing index already covers these columns";
        return out;
    }
    const bool earlyStop = servesSort && sortWhat == "ORDER BY" && use.hasLimit;
    if (sel > 0.05 && !earlyStop) {
        out.why = fmt::format("it would match about {:.0f} % of the rows, too many for an index "
                              "to pay off",
                              sel * 100.0);
        return out;
    }
    out.candidate = std::move(c);
    return out;
}

std::string validationHint(const Candidate& c, Engine engine, int versionNum) {
    return englishText(validationHintText(c, engine, versionNum));
}

Message validationHintText(const Candidate& c, Engine engine, int versionNum) {
    const std::string table =
        (c.schema.empty() ? std::string() : quoteIdentMy(c.schema) + ".") + quoteIdentMy(c.table);
    std::string name = indexName(c);
    const std::string idx = quoteIdentMy(name);
    std::string base = ddl(c, Dialect::MySQL);
    const std::string tail = ", ALGORITHM=INPLACE, LOCK=NONE;";
    auto withOption = [&](const std::string& option) {
        std::string s = base;
        const auto at = s.rfind(tail);
        if (at != std::string::npos)
            s.insert(at, " " + option);
        return s;
    };
    if (engine == Engine::MySQL && versionNum >= 80000)
        return say(DBT_TR("Advisor",
                          "Heuristic, not validated (MySQL has no hypothetical indexes). To "
                          "validate: create it on a clone and compare EXPLAIN; or build it "
                          "invisible on this server (%1), check the plans in one session with "
                          "SET SESSION optimizer_switch = 'use_invisible_indexes=on', then %2; "
                          "building it costs I/O and write overhead either way."),
                   {lit(withOption("INVISIBLE")),
                    lit("ALTER TABLE " + table + " ALTER INDEX " + idx + " VISIBLE")});
    if (engine == Engine::MariaDB && versionNum >= 100600)
        return say(DBT_TR("Advisor",
                          "Heuristic, not validated (MariaDB has no hypothetical indexes). To "
                          "validate: create it on a clone and compare EXPLAIN; or build it "
                          "ignored on this server (%1), which no plan uses, switch it on with "
                          "%2 and back with %3 if plans get worse."),
                   {lit(withOption("IGNORED")),
                    lit("ALTER TABLE " + table + " ALTER INDEX " + idx + " NOT IGNORED"),
                    lit("ALTER INDEX " + idx + " IGNORED")});
    return say(DBT_TR("Advisor", "Heuristic, not validated (no hypothetical, invisible or "
                                 "ignored indexes on this version). To validate: create it on a "
                                 "clone and compare EXPLAIN before and after."));
}

// ---------------------------------------------------------------- the advisor

namespace {

using Kind = EngineError::Kind;
using mysql::Row;
using mysql::Rows;

const std::set<std::string> kSystemSchemas = {"mysql", "sys", "performance_schema",
                                              "information_schema"};

// A string literal that means the same in every sql_mode (ANSI_QUOTES, NO_BACKSLASH_ESCAPES).
std::string literal(const std::string& text) {
    static const char* hex = "0123456789ABCDEF";
    if (text.empty())
        return "''";
    std::string out = "_utf8mb4 X'";
    for (unsigned char c : text) {
        out += hex[c >> 4];
        out += hex[c & 15];
    }
    return out + "'";
}

// Bytes of a fixed-length column type (0 when variable or unknown).
double fixedLength(const std::string& dataType) {
    static const std::map<std::string, double> sizes = {
        {"tinyint", 1},   {"smallint", 2}, {"mediumint", 3}, {"int", 4},  {"integer", 4},
        {"bigint", 8},    {"float", 4},    {"double", 8},    {"date", 3}, {"datetime", 8},
        {"timestamp", 4}, {"year", 1},     {"time", 3},      {"bit", 8}};
    const auto it = sizes.find(lower(dataType));
    return it == sizes.end() ? 0 : it->second;
}

struct MyTable {
    TableInfo info;
    std::map<std::string, double> avgLength; // column -> average bytes (MariaDB column_stats)
    std::map<std::string, std::string> statsSource;
    std::vector<std::string> primary;
    std::int64_t modified = -1; // InnoDB MODIFIED_COUNTER
};

// Unquoted words (outside strings, backticks and comments) that name one of `tables` in
// another letter case, replaced by the table's name in backticks.
std::string backtickTables(const std::string& text, const std::vector<std::string>& tables) {
    std::string out;
    std::size_t i = 0;
    const std::size_t n = text.size();
    while (i < n) {
        const char c = text[i];
        if (c == '\'' || c == '"' || c == '`') {
            std::size_t j = i + 1;
            while (j < n && text[j] != c)
                j += text[j] == '\\' && c != '`' ? 2 : 1;
            j = std::min(n, j + 1);
            out += text.substr(i, j - i);
            i = j;
        } else if (c == '/' && i + 1 < n && text[i + 1] == '*') {
            const std::size_t end = text.find("*/", i + 2);
            const std::size_t j = end == std::string::npos ? n : end + 2;
            out += text.substr(i, j - i);
            i = j;
        } else if (std::isalpha(static_cast<unsigned char>(c)) || c == '_') {
            std::size_t j = i;
            while (j < n && identChar(static_cast<unsigned char>(text[j])))
                ++j;
            const std::string word = text.substr(i, j - i);
            std::string replaced = word;
            for (const auto& t : tables)
                if (t != word && sameName(t, word))
                    replaced = quoteIdentMy(t);
            out += replaced;
            i = j;
        } else {
            out += c;
            ++i;
        }
    }
    return out;
}

class MyAdvisor {
public:
    explicit MyAdvisor(const AdvisorOptions& o)
        : options_(o) {}
    Advice run(const std::vector<WorkloadStatement>& workload);

private:
    bool cancelled() const { return options_.cancelled && options_.cancelled(); }
    Rows query(const std::string& sql) { return mysqlReadQuery(*session_, sql); }
    const MyTable* table(const std::string& schema, const std::string& name);
    void loadStats(MyTable& t);
    void statement(const WorkloadStatement& st);
    std::vector<Message> caveats(const MyTable& t, const Candidate& c) const;
    std::optional<double> sizeOf(const MyTable& t, const Candidate& c) const;
    void unusedAndRedundant();

    AdvisorOptions options_;
    std::unique_ptr<EngineSession> session_;
    ServerInfo server_;
    Advice advice_;
    std::map<std::string, std::optional<MyTable>> tables_; // by schema + "\x1f" + name
    std::vector<Proposal> proposals_;
    std::map<std::string, std::size_t> byKey_;
    std::optional<bool> queryCostUnit_;
    bool columnStatsDenied_ = false;
    bool histogramsMissing_ = false;
    std::set<std::string> noStatsNoted_;
};

const MyTable* MyAdvisor::table(const std::string& schema, const std::string& name) {
    const std::string key = schema + "\x1f" + name;
    if (const auto it = tables_.find(key); it != tables_.end())
        return it->second ? &*it->second : nullptr;
    std::optional<MyTable> result;
    const std::string where =
        "TABLE_SCHEMA = " + literal(schema) + " AND TABLE_NAME = " + literal(name);
    Rows t = query("SELECT 1 AS dbtriage_tag, TABLE_SCHEMA, TABLE_NAME, TABLE_ROWS FROM "
                   "information_schema.TABLES WHERE " +
                   where + " AND TABLE_TYPE = 'BASE TABLE'");
    if (t.empty()) // MySQL column names are case-insensitive, table names only sometimes
        t = query("SELECT 1 AS dbtriage_tag, TABLE_SCHEMA, TABLE_NAME, TABLE_ROWS FROM "
                  "information_schema.TABLES WHERE LOWER(TABLE_SCHEMA) = LOWER(" +
                  literal(schema) + ") AND LOWER(TABLE_NAME) = LOWER(" + literal(name) +
                  ") AND TABLE_TYPE = 'BASE TABLE' LIMIT 2");
    if (t.size() == 1) {
        MyTable mt;
        mt.info.schema = t[0].raw("TABLE_SCHEMA").value_or(schema);
        mt.info.name = t[0].raw("TABLE_NAME").value_or(name);
        mt.info.rows = t[0].number("TABLE_ROWS").value_or(0);
        const std::string w = "TABLE_SCHEMA = " + literal(mt.info.schema) +
                              " AND TABLE_NAME = " + literal(mt.info.name);
        for (const Row& r : query("SELECT 1 AS dbtriage_tag, COLUMN_NAME, DATA_TYPE FROM "
                                  "information_schema.COLUMNS WHERE " +
                                  w + " ORDER BY ORDINAL_POSITION")) {
            ColumnStats cs;
            cs.type = r.text("DATA_TYPE", 64);
            cs.btreeOpclass = cs.type != "json" && cs.type != "geometry" &&
                              cs.type.find("blob") == std::string::npos &&
                              cs.type.find("text") == std::string::npos;
            mt.info.columns[r.raw("COLUMN_NAME").value_or("")] = cs;
        }
        std::map<std::string, ExistingIndex> indexes;
        std::vector<std::string> order;
        for (const Row& r :
             query("SELECT 1 AS dbtriage_tag, s.* FROM information_schema.STATISTICS "
                   "s WHERE " +
                   w + " ORDER BY INDEX_NAME, SEQ_IN_INDEX")) {
            const std::string idx = r.raw("INDEX_NAME").value_or("");
            auto it = indexes.find(idx);
            if (it == indexes.end()) {
                ExistingIndex e;
                e.name = idx;
                e.unique = r.integer("NON_UNIQUE").value_or(1) == 0;
                e.primary = idx == "PRIMARY";
                e.method = lower(r.text("INDEX_TYPE", 32));
                it = indexes.emplace(idx, e).first;
                order.push_back(idx);
            }
            const std::string col = r.raw("COLUMN_NAME").value_or(""); // NULL: an expression
            it->second.columns.push_back(col);
            if (it->second.primary)
                mt.primary.push_back(col);
            // The first column's cardinality: its distinct values (InnoDB's estimate).
            if (r.integer("SEQ_IN_INDEX").value_or(0) == 1 && !col.empty())
                if (const auto card = r.number("CARDINALITY"); card && *card > 0) {
                    auto cs = mt.info.columns.find(col);
                    if (cs != mt.info.columns.end() && !cs->second.known) {
                        cs->second.nDistinct = *card;
                        cs->second.known = true;
                        mt.statsSource[col] = "index cardinality";
                    }
                }
        }
        for (const auto& name2 : order)
            mt.info.indexes.push_back(indexes[name2]);
        loadStats(mt);
        result = std::move(mt);
    }
    const auto it = tables_.emplace(key, std::move(result)).first;
    return it->second ? &*it->second : nullptr;
}

void MyAdvisor::loadStats(MyTable& t) {
    const std::string schema = literal(t.info.schema);
    const std::string name = literal(t.info.name);
    const bool maria = server_.engine == Engine::MariaDB;
    // Column statistics: histograms / engine-independent statistics win over the index
    // cardinality read above (they exist for unindexed columns, and are exact counts).
    try {
        if (maria) {
            for (const Row& r :
                 query("SELECT 1 AS dbtriage_tag, column_name, nulls_ratio, avg_length, "
                       "avg_frequency FROM mysql.column_stats WHERE db_name = " +
                       schema + " AND table_name = " + name)) {
                const std::string col = r.raw("column_name").value_or("");
                auto cs = t.info.columns.find(col);
                if (cs == t.info.columns.end())
                    continue;
                const ColumnStats s = statsFromColumnStats(r.number("nulls_ratio"),
                                                           r.number("avg_frequency"), t.info.rows);
                if (s.known) {
                    const std::string type = cs->second.type;
                    const bool btree = cs->second.btreeOpclass;
                    cs->second = s;
                    cs->second.type = type;
                    cs->second.btreeOpclass = btree;
                    t.statsSource[col] = "mysql.column_stats";
                }
                if (const auto len = r.number("avg_length"))
                    t.avgLength[col] = *len;
            }
        } else if (server_.versionNum >= 80000) {
            for (const Row& r : query("SELECT 1 AS dbtriage_tag, COLUMN_NAME, HISTOGRAM FROM "
                                      "information_schema.COLUMN_STATISTICS WHERE SCHEMA_NAME = " +
                                      schema + " AND TABLE_NAME = " + name)) {
                const std::string col = r.raw("COLUMN_NAME").value_or("");
                auto cs = t.info.columns.find(col);
                if (cs == t.info.columns.end())
                    continue;
                const ColumnStats s = statsFromHistogram(r.raw("HISTOGRAM").value_or(""));
                if (s.known) {
                    const std::string type = cs->second.type;
                    const bool btree = cs->second.btreeOpclass;
                    cs->second = s;
                    cs->second.type = type;
                    cs->second.btreeOpclass = btree;
                    t.statsSource[col] = "histogram";
                }
            }
        }
    } catch (const EngineError& e) {
        if (e.kind() == Kind::Lost)
            throw;
        if (maria && !columnStatsDenied_) {
            columnStatsDenied_ = true;
            addNote(advice_, say(DBT_TR("Advisor", "mysql.column_stats could not be read (%1): "
                                                   "only indexed columns have statistics. GRANT "
                                                   "SELECT ON mysql.column_stats to the "
                                                   "monitoring user for the others."),
                                 {lit(e.what())}));
        }
    }
    // Writes since the server start, and rows modified since InnoDB's last statistics update.
    try {
        const Rows w = query("SELECT 1 AS dbtriage_tag, COUNT_INSERT, COUNT_UPDATE, COUNT_DELETE "
                             "FROM performance_schema.table_io_waits_summary_by_table WHERE "
                             "OBJECT_TYPE = 'TABLE' AND OBJECT_SCHEMA = " +
                             schema + " AND OBJECT_NAME = " + name);
        if (!w.empty()) {
            t.info.inserts = w[0].integer("COUNT_INSERT").value_or(0);
            t.info.updates = w[0].integer("COUNT_UPDATE").value_or(0);
            t.info.writes =
                t.info.inserts + t.info.updates + w[0].integer("COUNT_DELETE").value_or(0);
        }
    } catch (const EngineError& e) {
        if (e.kind() == Kind::Lost)
            throw;
    }
    try {
        const Rows m = query(
            std::string("SELECT 1 AS dbtriage_tag, MODIFIED_COUNTER FROM information_schema.") +
            (maria ? "INNODB_SYS_TABLESTATS" : "INNODB_TABLESTATS") +
            " WHERE NAME = " + literal(t.info.schema + "/" + t.info.name));
        if (!m.empty())
            t.modified = m[0].integer("MODIFIED_COUNTER").value_or(-1);
    } catch (const EngineError& e) {
        if (e.kind() == Kind::Lost)
            throw;
    }
}

std::vector<Message> MyAdvisor::caveats(const MyTable& t, const Candidate& c) const {
    std::vector<Message> out;
    const TableInfo& info = t.info;
    const double churn = static_cast<double>(info.writes - info.inserts) +
                         std::max(0.0, static_cast<double>(info.inserts) - info.rows);
    if (churn >= std::max(1000.0, 0.2 * info.rows))
        out.push_back(say(DBT_TR("Advisor", "%1 takes many writes (%2 rows inserted, updated or "
                                            "deleted since the server started): every index "
                                            "adds work to each of them."),
                          {lit(c.table), number(static_cast<double>(info.writes))}));
    if (t.modified > std::max(1000.0, 0.1 * info.rows))
        out.push_back(say(DBT_TR("Advisor", "Statistics of %1 may be stale: about %2 rows "
                                            "modified since InnoDB last updated them; run "
                                            "ANALYZE TABLE %3 and advise again."),
                          {lit(c.table), number(static_cast<double>(t.modified)),
                           lit(quoteIdentMy(c.schema) + "." + quoteIdentMy(c.table))}));
    return out;
}

std::optional<double> MyAdvisor::sizeOf(const MyTable& t, const Candidate& c) const {
    // A secondary InnoDB index entry: its columns, the primary key, a few header bytes; leaf
    // pages about 70 % full after random inserts. Only when every length is known.
    double entry = 6;
    std::vector<std::string> cols = c.columns;
    for (const auto& p : t.primary)
        if (!contains(cols, p))
            cols.push_back(p);
    if (t.primary.empty())
        entry += 6; // the hidden row id
    for (const auto& col : cols) {
        if (const auto a = t.avgLength.find(col); a != t.avgLength.end()) {
            entry += a->second + 1;
            continue;
        }
        const auto info = t.info.columns.find(col);
        const double fixed = info == t.info.columns.end() ? 0 : fixedLength(info->second.type);
        if (fixed <= 0)
            return std::nullopt;
        entry += fixed;
    }
    return std::max(16384.0, t.info.rows * entry / 0.7);
}

void MyAdvisor::statement(const WorkloadStatement& st) {
    const std::string& text = st.query;
    if (text.rfind("/* dbtriage */", 0) == 0 || text.find("dbtriage_tag") != std::string::npos)
        return; // dbtriage's own statements
    {
        // Only reads, updates and deletes can use an index; EXPLAIN, SHOW, SET, INSERT, DDL,
        // transaction control are left out without a note.
        const std::size_t b = text.find_first_not_of(" \t\r\n(");
        std::size_t e = b;
        while (e < text.size() && std::isalpha(static_cast<unsigned char>(text[e])))
            ++e;
        const std::string first =
            b == std::string::npos ? std::string() : upper(text.substr(b, e - b));
        if (first != "SELECT" && first != "WITH" && first != "UPDATE" && first != "DELETE")
            return;
    }
    const MysqlText converted = mysqlToPostgresText(text);
    if (!converted.ok) {
        addNote(advice_, say(DBT_TR("Advisor", "Statement %1 was skipped: it uses %2, which the "
                                               "query model does not read."),
                             {lit(st.id), converted.reasonText}));
        return;
    }
    const std::string defaultSchema = st.database.empty() ? server_.database : st.database;
    QueryShape shape = analyzeQuery(converted.sql);
    if (!shape.parsed) {
        if (text.size() > 3 && text.compare(text.size() - 3, 3, "...") == 0)
            addNote(advice_, say(DBT_TR("Advisor", "Statement %1 was skipped: its digest text is "
                                                   "truncated "
                                                   "(performance_schema_max_digest_length)."),
                                 {lit(st.id)}));
        else
            addNote(advice_,
                    say(DBT_TR("Advisor", "Statement %1 was skipped: it does not parse (%2)."),
                        {lit(st.id), lit(shape.error)}));
        return;
    }
    if (shape.tables.empty() ||
        (shape.statementKind != "select" && shape.statementKind != "update" &&
         shape.statementKind != "delete"))
        return;
    auto tableOf = [&](const TableUse& use) {
        return table(use.schema.empty() ? defaultSchema : use.schema, use.table);
    };
    for (const auto& use : shape.tables)
        tableOf(use);
    shape = analyzeQuery(converted.sql, [&](const std::string& name) {
        std::vector<std::string> cols;
        for (const auto& [k, t] : tables_)
            if (t && sameName(t->info.name, name))
                for (const auto& [c, s] : t->info.columns)
                    cols.push_back(c);
        return cols;
    });

    ExplainRequest req;
    req.sql = text;
    req.database = defaultSchema;
    plans::Plan plan;
    try {
        ExplainResult r;
        try {
            ++advice_.explains;
            r = session_->explain(req);
        } catch (const EngineError& e) {
            // MariaDB's digests print a table named like a keyword in upper case ("FROM
            // EVENTS"); table names are case-sensitive: explain again with the real names.
            std::vector<std::string> names;
            for (const auto& use : shape.tables)
                if (const MyTable* t = tableOf(use))
                    names.push_back(t->info.name);
            const std::string again = backtickTables(text, names);
            if (e.kind() == Kind::Lost || again == text ||
                std::string(e.what()).find("doesn't exist") == std::string::npos)
                throw;
            req.sql = again;
            ++advice_.explains;
            r = session_->explain(req);
        }
        plan = plans::parseMysqlJson(r.plan);
    } catch (const EngineError& e) {
        if (e.kind() == Kind::Lost)
            throw;
        addNote(advice_, say(DBT_TR("Advisor", "Statement %1 was skipped: %2"),
                             {lit(st.id), lit(e.what())}));
        return;
    } catch (const std::exception& e) {
        addNote(advice_,
                say(DBT_TR("Advisor", "Statement %1 was skipped: its plan could not be read (%2)."),
                    {lit(st.id), lit(e.what())}));
        return;
    }
    ++advice_.statementsConsidered;
    PlanCost cost = planCost(plan);
    if (!queryCostUnit_)
        queryCostUnit_ = cost.queryCost;
    if (*queryCostUnit_ && !cost.queryCost) { // one unit across the advice
        addNote(advice_,
                say(DBT_TR("Advisor", "Statement %1 was skipped: its plan has no query_cost."),
                    {lit(st.id)}));
        return;
    }
    if (!*queryCostUnit_ && cost.queryCost)
        cost.value = rowsExamined(plan);
    if (cost.value < options_.minCost)
        return;

    // Column names as the table spells them (MySQL compares them case-insensitively).
    for (auto& use : shape.tables) {
        const MyTable* t = tableOf(use);
        if (!t)
            continue;
        auto canon = [&](std::string& col) {
            if (t->info.columns.count(col))
                return;
            for (const auto& [c, s] : t->info.columns)
                if (sameName(c, col)) {
                    col = c;
                    return;
                }
        };
        for (auto* list : {&use.equality, &use.range, &use.joinKeys, &use.groupBy})
            for (auto& c : *list)
                canon(c);
        for (auto& o : use.orderBy)
            canon(o.column);
    }

    for (const auto& use : shape.tables) {
        const MyTable* t = tableOf(use);
        if (!t)
            continue;
        const PlanScan scan = scanFor(plan, use.alias.empty() ? use.table : use.alias);
        if (!scan.found || !scan.replaceable)
            continue;
        // ORDER BY / GROUP BY columns are only on a use when all of them are on its table.
        const MysqlPick pick = pickMysqlCandidate(use, t->info, scan.sorts);
        if (!pick.noStats.empty() && !pick.candidate) {
            const std::string key = t->info.schema + "." + t->info.name;
            if (noStatsNoted_.insert(key).second) {
                std::string cols;
                for (const auto& c : pick.noStats)
                    cols += (cols.empty() ? "" : ", ") + quoteIdentMy(c);
                const std::string qt =
                    quoteIdentMy(t->info.schema) + "." + quoteIdentMy(t->info.name);
                addNote(advice_,
                        say(DBT_TR("Advisor", "No statistics for %1 of %2, so no candidate on "
                                              "them: %3 collects them (dbtriage runs neither)."),
                            {lit(cols), lit(qt),
                             lit(server_.engine == Engine::MariaDB
                                     ? "ANALYZE TABLE " + qt + " PERSISTENT FOR COLUMNS (" + cols +
                                           ") INDEXES ()"
                                     : "ANALYZE TABLE " + qt + " UPDATE HISTOGRAM ON " + cols)}));
            }
        }
        if (!pick.candidate)
            continue;
        const Candidate& c = *pick.candidate;
        auto it = byKey_.find(c.key());
        if (it == byKey_.end()) {
            Proposal p;
            p.candidate = c;
            p.ddl = ddl(c, Dialect::MySQL);
            p.method = "heuristic";
            p.sizeBytes = sizeOf(*t, c);
            addCaveats(p, caveats(*t, c));
            Message sources;
            std::set<std::string> seen;
            for (const auto& col : c.columns)
                if (const auto s = t->statsSource.find(col);
                    s != t->statsSource.end() && seen.insert(s->second).second) {
                    // "histogram" and "index cardinality" are words; the rest a table name
                    Message source = s->second == "histogram" ? say(DBT_TR("Advisor", "histogram"))
                                     : s->second == "index cardinality"
                                         ? say(DBT_TR("Advisor", "index cardinality"))
                                         : lit(s->second);
                    sources = sources.empty() ? std::move(source)
                                              : phrase("", "%1, %2", {sources, std::move(source)});
                }
            addCaveat(p, say(DBT_TR("Advisor", "About %1 % of %2 rows match (statistics: %3); "
                                               "the current plan shows %4."),
                             {decimal(pick.selectivity * 100.0, 'g', 2), number(t->info.rows),
                              sources.empty() ? say(DBT_TR("Advisor", "none")) : sources,
                              scan.evidenceText}));
            addCaveat(p, validationHintText(c, server_.engine, server_.versionNum));
            if (!p.sizeBytes)
                addCaveat(p, say(DBT_TR("Advisor", "Estimated size: unknown (the average length "
                                                   "of a column is not known).")));
            else
                addCaveat(p, say(DBT_TR("Advisor", "Estimated size from rows x average entry "
                                                   "length, pages taken as 70 % full: a rough "
                                                   "figure.")));
            proposals_.push_back(std::move(p));
            it = byKey_.emplace(c.key(), proposals_.size() - 1).first;
        }
        proposals_[it->second].statements.push_back(
            {st.id, st.share, st.calls, cost.value, std::nullopt, false});
    }
}

void MyAdvisor::unusedAndRedundant() {
    // Every index of the user schemas, for definitions, sizes and the fallback without sys.
    std::vector<IndexDef> defs;
    std::map<std::string, std::size_t> defIndex; // schema \x1f table \x1f index
    try {
        for (const Row& r :
             query("SELECT 1 AS dbtriage_tag, TABLE_SCHEMA, TABLE_NAME, INDEX_NAME, NON_UNIQUE, "
                   "COLUMN_NAME, INDEX_TYPE, SUB_PART FROM information_schema.STATISTICS WHERE "
                   "TABLE_SCHEMA NOT IN ('mysql', 'sys', 'performance_schema', "
                   "'information_schema') ORDER BY TABLE_SCHEMA, TABLE_NAME, INDEX_NAME, "
                   "SEQ_IN_INDEX LIMIT 20000")) {
            const std::string key = r.raw("TABLE_SCHEMA").value_or("") + "\x1f" +
                                    r.raw("TABLE_NAME").value_or("") + "\x1f" +
                                    r.raw("INDEX_NAME").value_or("");
            auto it = defIndex.find(key);
            if (it == defIndex.end()) {
                IndexDef d;
                d.schema = r.raw("TABLE_SCHEMA").value_or("");
                d.table = r.raw("TABLE_NAME").value_or("");
                d.name = r.raw("INDEX_NAME").value_or("");
                d.unique = r.integer("NON_UNIQUE").value_or(1) == 0;
                d.primary = d.name == "PRIMARY";
                d.method = lower(r.text("INDEX_TYPE", 32));
                defs.push_back(d);
                it = defIndex.emplace(key, defs.size() - 1).first;
            }
            std::string col = r.raw("COLUMN_NAME").value_or("");
            if (!r.isNull("SUB_PART"))
                col += "(" + r.text("SUB_PART", 16) + ")"; // a prefix is not the column
            defs[it->second].columns.push_back(col);
        }
    } catch (const EngineError& e) {
        if (e.kind() == Kind::Lost)
            throw;
        addNote(advice_,
                say(DBT_TR("Advisor", "Unused and redundant indexes could not be read: %1"),
                    {lit(e.what())}));
        return;
    }
    for (auto& d : defs) {
        std::string cols;
        for (const auto& c : d.columns)
            cols += (cols.empty() ? "" : ", ") + quoteIdentMy(c);
        d.definition = std::string(d.primary  ? "PRIMARY KEY"
                                   : d.unique ? "UNIQUE KEY"
                                              : "KEY") +
                       (d.primary ? "" : " " + quoteIdentMy(d.name)) + " (" + cols + ")" +
                       (d.method == "btree" ? "" : " USING " + upper(d.method));
    }
    // Sizes where mysql.innodb_index_stats is readable.
    bool sizes = false;
    try {
        for (const Row& r : query("SELECT 1 AS dbtriage_tag, database_name, table_name, "
                                  "index_name, stat_value * @@innodb_page_size AS bytes FROM "
                                  "mysql.innodb_index_stats WHERE stat_name = 'size'")) {
            const std::string key = r.raw("database_name").value_or("") + "\x1f" +
                                    r.raw("table_name").value_or("") + "\x1f" +
                                    r.raw("index_name").value_or("");
            if (const auto it = defIndex.find(key); it != defIndex.end())
                defs[it->second].sizeBytes = r.integer("bytes").value_or(0);
        }
        sizes = true;
    } catch (const EngineError& e) {
        if (e.kind() == Kind::Lost)
            throw;
    }
    auto defOf = [&](const std::string& s, const std::string& t,
                     const std::string& i) -> const IndexDef* {
        const auto it = defIndex.find(s + "\x1f" + t + "\x1f" + i);
        return it == defIndex.end() ? nullptr : &defs[it->second];
    };

    // Unused: no index reads since the server start. sys.schema_unused_indexes counts the
    // writes that maintain an index as use (an index that is only ever written never shows
    // there), so its source table is read here with reads only.
    try {
        for (const Row& r :
             query("SELECT 1 AS dbtriage_tag, OBJECT_SCHEMA, OBJECT_NAME, INDEX_NAME FROM "
                   "performance_schema.table_io_waits_summary_by_index_usage WHERE "
                   "INDEX_NAME IS NOT NULL AND INDEX_NAME <> 'PRIMARY' AND COUNT_READ = 0 "
                   "AND OBJECT_SCHEMA NOT IN ('mysql', 'sys', 'performance_schema', "
                   "'information_schema') ORDER BY 2, 3, 4 LIMIT 1000")) {
            const IndexDef* d =
                defOf(r.raw("OBJECT_SCHEMA").value_or(""), r.raw("OBJECT_NAME").value_or(""),
                      r.raw("INDEX_NAME").value_or(""));
            if (!d || d->unique || d->primary)
                continue;
            advice_.unused.push_back(
                {d->schema, d->table, d->name, d->sizeBytes, 0, d->definition});
        }
    } catch (const EngineError& e) {
        if (e.kind() == Kind::Lost)
            throw;
        addNote(advice_, say(DBT_TR("Advisor", "Unused indexes could not be read from "
                                               "performance_schema (%1); GRANT SELECT ON "
                                               "performance_schema.* to the monitoring user "
                                               "for them."),
                             {lit(e.what())}));
    }
    // Redundant: sys.schema_redundant_indexes where present, else the same rule over
    // information_schema.STATISTICS.
    try {
        for (const Row& r :
             query("SELECT 1 AS dbtriage_tag, table_schema, table_name, redundant_index_name, "
                   "redundant_index_columns, dominant_index_name, dominant_index_columns FROM "
                   "sys.schema_redundant_indexes ORDER BY table_schema, table_name, "
                   "redundant_index_name LIMIT 1000")) {
            const IndexDef* d =
                defOf(r.raw("table_schema").value_or(""), r.raw("table_name").value_or(""),
                      r.raw("redundant_index_name").value_or(""));
            if (!d || d->unique || d->primary)
                continue;
            const bool same = r.raw("redundant_index_columns") == r.raw("dominant_index_columns");
            advice_.redundant.push_back(
                {d->schema, d->table, d->name, r.raw("dominant_index_name").value_or(""),
                 same ? "duplicate" : "prefix", d->sizeBytes, d->definition});
        }
    } catch (const EngineError& e) {
        if (e.kind() == Kind::Lost)
            throw;
        advice_.redundant = findRedundant(defs);
        addNote(advice_, say(DBT_TR("Advisor", "The sys schema is missing or not readable (%1): "
                                               "duplicate and redundant indexes were found from "
                                               "information_schema.STATISTICS instead. GRANT "
                                               "SELECT ON sys.* to the monitoring user to use "
                                               "its view."),
                             {lit(e.what())}));
    }
    if (!sizes && (!advice_.unused.empty() || !advice_.redundant.empty()))
        addNote(advice_, say(DBT_TR("Advisor", "Index sizes are unknown (shown as 0 B): "
                                               "mysql.innodb_index_stats is not readable; GRANT "
                                               "SELECT ON mysql.innodb_index_stats to the "
                                               "monitoring user for them.")));
    try {
        const Rows up = query("SHOW GLOBAL STATUS LIKE 'Uptime'");
        if (!up.empty() && up[0].columns.size() >= 2 && up[0].columns[1].second) {
            const long long seconds = std::atoll(up[0].columns[1].second->c_str());
            const Rows at =
                query("SELECT 1 AS dbtriage_tag, DATE_FORMAT(UTC_TIMESTAMP() - INTERVAL " +
                      std::to_string(seconds) + " SECOND, '%Y-%m-%d %H:%i:%s+00') AS t");
            if (!at.empty()) {
                advice_.statsResetText =
                    say(DBT_TR("Advisor", "%1 (server start, or the last TRUNCATE of "
                                          "performance_schema's summaries)"),
                        {lit(at[0].text("t", 64))});
                advice_.statsReset = englishText(advice_.statsResetText);
            }
        }
    } catch (const EngineError& e) {
        if (e.kind() == Kind::Lost)
            throw;
    }
}

Advice MyAdvisor::run(const std::vector<WorkloadStatement>& workload) {
    session_ = makeMysqlSession(options_.connect);
    server_ = session_->connect();
    advice_.engine = engineName(server_.engine);
    addNote(advice_, say(DBT_TR("Advisor", "%1 has no hypothetical indexes: every candidate is "
                                           "heuristic, not validated; each says how to validate "
                                           "it."),
                         {lit(server_.engine == Engine::MariaDB ? "MariaDB" : "MySQL")}));
    const int total = static_cast<int>(workload.size());
    int done = 0;
    for (const auto& st : workload) {
        if (cancelled()) {
            addNote(advice_, say(DBT_TR("Advisor", "Cancelled after %1 of %2 statements: the "
                                                   "advice covers only those."),
                                 {number(done), number(total)}));
            break;
        }
        if (options_.progress)
            options_.progress(done, total, st.id);
        ++done;
        statement(st);
    }
    if (options_.progress)
        options_.progress(total, total, std::string());
    if (queryCostUnit_ && *queryCostUnit_) {
        advice_.costUnit = "query_cost";
    } else {
        advice_.costUnit = "rows examined (estimate)";
        if (queryCostUnit_)
            addNote(advice_, say(DBT_TR("Advisor", "This server's EXPLAIN prints no cost: "
                                                   "cost_before is the plan's estimate of the "
                                                   "rows examined per execution; cost_after is "
                                                   "unknown (heuristic).")));
    }
    // Most benefit first: Σ calls × cost before.
    std::stable_sort(proposals_.begin(), proposals_.end(), [](const auto& a, const auto& b) {
        auto benefit = [](const Proposal& p) {
            double sum = 0;
            for (const auto& s : p.statements)
                sum += std::max(1.0, s.calls) * s.costBefore;
            return sum;
        };
        return benefit(a) > benefit(b);
    });
    advice_.proposals = std::move(proposals_);
    if (!cancelled())
        unusedAndRedundant();
    session_->disconnect();
    return advice_;
}

} // namespace

Advice adviseMySql(const AdvisorOptions& options, const std::vector<WorkloadStatement>& workload) {
    MyAdvisor advisor(options);
    return advisor.run(workload);
}

} // namespace dbt::advisor
