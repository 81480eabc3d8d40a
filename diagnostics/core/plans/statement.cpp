#include "plans/statement.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstdint>
#include <pg_query.h>
#include <pg_query/pg_query.pb-c.h>
#include <string_view>
#include <vector>

namespace dbt::plans {

namespace {

constexpr const char* kAnalyzeOnlySelect =
    "EXPLAIN ANALYZE executes the statement, so dbtriage runs it only for a plain SELECT; ";

struct ParamToken {
    int start = 0;
    int end = 0;
    int number = 0;
};

// The $n tokens of sql, from libpg_query's scanner (which knows literals and comments).
// Empty when the text cannot be scanned.
std::vector<ParamToken> paramTokens(const std::string& sql) {
    std::vector<ParamToken> out;
    PgQueryScanResult scan = pg_query_scan(sql.c_str());
    if (!scan.error) {
        PgQuery__ScanResult* r = pg_query__scan_result__unpack(
            nullptr, scan.pbuf.len, reinterpret_cast<const uint8_t*>(scan.pbuf.data));
        if (r) {
            for (size_t i = 0; i < r->n_tokens; ++i) {
                const PgQuery__ScanToken* t = r->tokens[i];
                if (t->token != PG_QUERY__TOKEN__PARAM || t->start < 0 || t->end <= t->start ||
                    static_cast<size_t>(t->end) > sql.size())
                    continue;
                int n = 0;
                const char* b = sql.data() + t->start + 1; // after '$'
                const char* e = sql.data() + t->end;
                const auto [ptr, ec] = std::from_chars(b, e, n);
                if (ec != std::errc{} || ptr != e || n <= 0)
                    continue;
                out.push_back({t->start, t->end, n});
            }
            pg_query__scan_result__free_unpacked(r, nullptr);
        }
    }
    pg_query_free_scan_result(scan);
    return out;
}

// "insert_stmt" -> "INSERT", "create_table_as_stmt" -> "CREATE TABLE AS".
std::string statementName(const PgQuery__Node* node) {
    const ProtobufCFieldDescriptor* f = protobuf_c_message_descriptor_get_field(
        &pg_query__node__descriptor, static_cast<unsigned>(node->node_case));
    if (!f || !f->name)
        return "statement";
    std::string name = f->name;
    if (name.size() > 5 && name.compare(name.size() - 5, 5, "_stmt") == 0)
        name.resize(name.size() - 5);
    for (char& c : name)
        c = c == '_' ? ' ' : static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return name;
}

// Walks the whole protobuf tree (iteratively: parse trees can be deep) and returns the
// first thing that makes a SELECT more than a read.
std::string writingPart(const ProtobufCMessage* root) {
    std::vector<const ProtobufCMessage*> stack{root};
    while (!stack.empty()) {
        const ProtobufCMessage* m = stack.back();
        stack.pop_back();
        const ProtobufCMessageDescriptor* d = m->descriptor;
        if (d == &pg_query__locking_clause__descriptor)
            return "this SELECT locks rows (FOR UPDATE / FOR SHARE).";
        if (d == &pg_query__into_clause__descriptor)
            return "this SELECT ... INTO creates a table.";
        if (d == &pg_query__insert_stmt__descriptor || d == &pg_query__update_stmt__descriptor ||
            d == &pg_query__delete_stmt__descriptor || d == &pg_query__merge_stmt__descriptor)
            return "this SELECT has a data-modifying WITH (INSERT, UPDATE or DELETE).";
        const char* base = reinterpret_cast<const char*>(m);
        for (unsigned i = 0; i < d->n_fields; ++i) {
            const ProtobufCFieldDescriptor& f = d->fields[i];
            if (f.type != PROTOBUF_C_TYPE_MESSAGE)
                continue;
            if (f.label == PROTOBUF_C_LABEL_REPEATED) {
                const size_t n = *reinterpret_cast<const size_t*>(base + f.quantifier_offset);
                const auto* items =
                    *reinterpret_cast<const ProtobufCMessage* const* const*>(base + f.offset);
                for (size_t k = 0; k < n && items; ++k)
                    if (items[k])
                        stack.push_back(items[k]);
                continue;
            }
            if (f.flags & PROTOBUF_C_FIELD_FLAG_ONEOF) {
                const uint32_t which =
                    *reinterpret_cast<const uint32_t*>(base + f.quantifier_offset);
                if (which != f.id)
                    continue;
            }
            if (const auto* p = *reinterpret_cast<const ProtobufCMessage* const*>(base + f.offset))
                stack.push_back(p);
        }
    }
    return {};
}

std::string firstLine(const char* message) {
    std::string s = message ? message : "unknown error";
    if (const auto nl = s.find('\n'); nl != std::string::npos)
        s.resize(nl);
    return s;
}

} // namespace

int highestPostgresParam(const std::string& sql) {
    int highest = 0;
    for (const ParamToken& t : paramTokens(sql))
        highest = std::max(highest, t.number);
    return highest;
}

PgStatement inspectPostgres(const std::string& sql) {
    PgStatement out;
    out.highestParam = highestPostgresParam(sql);
    PgQueryProtobufParseResult parsed = pg_query_parse_protobuf(sql.c_str());
    if (parsed.error) {
        out.parseError = firstLine(parsed.error->message);
        out.refusal = std::string(kAnalyzeOnlySelect) + "the statement does not parse (" +
                      out.parseError + ").";
        pg_query_free_protobuf_parse_result(parsed);
        return out;
    }
    out.parsed = true;
    PgQuery__ParseResult* tree = pg_query__parse_result__unpack(
        nullptr, parsed.parse_tree.len, reinterpret_cast<const uint8_t*>(parsed.parse_tree.data));
    pg_query_free_protobuf_parse_result(parsed);
    if (!tree) {
        out.refusal = std::string(kAnalyzeOnlySelect) + "the parse tree could not be read.";
        return out;
    }
    if (tree->n_stmts != 1) {
        out.refusal = std::string(kAnalyzeOnlySelect) + "the text holds " +
                      std::to_string(tree->n_stmts) + " statements; explain one at a time.";
    } else if (const PgQuery__Node* node = tree->stmts[0]->stmt; !node) {
        out.refusal = std::string(kAnalyzeOnlySelect) + "the text holds no statement.";
    } else if (node->node_case != PG_QUERY__NODE__NODE_SELECT_STMT) {
        out.refusal =
            std::string(kAnalyzeOnlySelect) + "this is a(n) " + statementName(node) + " statement.";
    } else if (std::string why = writingPart(&node->select_stmt->base); !why.empty()) {
        out.refusal = std::string(kAnalyzeOnlySelect) + why;
    } else {
        out.plainSelect = true;
    }
    pg_query__parse_result__free_unpacked(tree, nullptr);
    return out;
}

ParamRewrite rewritePostgresParams(const std::string& sql) {
    ParamRewrite out;
    const std::vector<ParamToken> params = paramTokens(sql);
    if (params.empty()) {
        out.error = "the statement has no $n parameters to rewrite";
        return out;
    }
    // A marker prefix that occurs nowhere in the text, so every marker is unique.
    std::string prefix = "dbtriage_param_";
    while (sql.find(prefix) != std::string::npos)
        prefix += 'x';
    auto marker = [&](int n) { return "'" + prefix + std::to_string(n) + "'"; };

    std::string marked;
    marked.reserve(sql.size() + params.size() * (prefix.size() + 4));
    int at = 0;
    for (const ParamToken& t : params) {
        marked.append(sql, static_cast<size_t>(at), static_cast<size_t>(t.start - at));
        marked += ' ' + marker(t.number) + ' ';
        at = t.end;
    }
    marked.append(sql, static_cast<size_t>(at), std::string::npos);

    PgQueryProtobufParseResult parsed = pg_query_parse_protobuf(marked.c_str());
    if (parsed.error) {
        out.error = "it does not parse even with literals for its parameters (" +
                    firstLine(parsed.error->message) + ")";
        pg_query_free_protobuf_parse_result(parsed);
        return out;
    }
    PgQueryDeparseResult deparsed = pg_query_deparse_protobuf(parsed.parse_tree);
    pg_query_free_protobuf_parse_result(parsed);
    if (deparsed.error || !deparsed.query) {
        out.error = "libpg_query could not print it back (" +
                    firstLine(deparsed.error ? deparsed.error->message : nullptr) + ")";
        pg_query_free_deparse_result(deparsed);
        return out;
    }
    std::string text = deparsed.query;
    pg_query_free_deparse_result(deparsed);

    int highest = 0;
    for (const ParamToken& t : params)
        highest = std::max(highest, t.number);
    // Longest numbers first is not needed: a marker ends with its closing quote.
    for (int n = 1; n <= highest; ++n) {
        const std::string m = marker(n);
        const std::string param = "$" + std::to_string(n);
        for (size_t pos = text.find(m); pos != std::string::npos; pos = text.find(m, pos)) {
            text.replace(pos, m.size(), param);
            pos += param.size();
        }
    }
    if (text.find(prefix) != std::string::npos) {
        out.error = "a parameter did not come back as a plain literal";
        return out;
    }
    out.ok = true;
    out.sql = std::move(text);
    return out;
}

// ---------------------------------------------------------------- MySQL / MariaDB

namespace {

struct MyToken {
    enum Kind { Word, Symbol, Placeholder, List } kind = Word;
    size_t start = 0;
    size_t end = 0;
    std::string upper; // words: upper-case text; symbols: the character
};

bool wordChar(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '$' ||
           static_cast<unsigned char>(c) >= 0x80;
}

// Tokens outside string literals, quoted identifiers and comments. The body of an
// executable comment (/*! ... */, /*M! ... */) is read as code: the server runs it.
std::vector<MyToken> mysqlTokens(const std::string& s) {
    std::vector<MyToken> out;
    size_t i = 0;
    const size_t n = s.size();
    bool inExecComment = false;
    while (i < n) {
        const char c = s[i];
        if (std::isspace(static_cast<unsigned char>(c))) {
            ++i;
        } else if (inExecComment && c == '*' && i + 1 < n && s[i + 1] == '/') {
            inExecComment = false;
            i += 2;
        } else if (c == '/' && i + 1 < n && s[i + 1] == '*') {
            if (i + 2 < n &&
                (s[i + 2] == '!' || (s[i + 2] == 'M' && i + 3 < n && s[i + 3] == '!'))) {
                i += s[i + 2] == '!' ? 3 : 4;
                while (i < n && std::isdigit(static_cast<unsigned char>(s[i])))
                    ++i;
                inExecComment = true;
                continue;
            }
            const size_t e = s.find("*/", i + 2);
            i = e == std::string::npos ? n : e + 2;
        } else if (c == '#' ||
                   (c == '-' && i + 1 < n && s[i + 1] == '-' &&
                    (i + 2 == n || std::isspace(static_cast<unsigned char>(s[i + 2]))))) {
            const size_t e = s.find('\n', i);
            i = e == std::string::npos ? n : e + 1;
        } else if (c == '\'' || c == '"' || c == '`') {
            size_t j = i + 1;
            while (j < n) {
                if (s[j] == '\\' && c != '`') {
                    j += 2;
                    continue;
                }
                if (s[j] == c) {
                    if (j + 1 < n && s[j + 1] == c) {
                        j += 2;
                        continue;
                    }
                    break;
                }
                ++j;
            }
            i = j < n ? j + 1 : n;
        } else if (c == '?') {
            out.push_back({MyToken::Placeholder, i, i + 1, "?"});
            ++i;
        } else if (c == '.' && s.compare(i, 3, "...") == 0) {
            out.push_back({MyToken::List, i, i + 3, "..."});
            i += 3;
        } else if (wordChar(c)) {
            size_t j = i;
            std::string w;
            while (j < n && wordChar(s[j])) {
                w += static_cast<char>(std::toupper(static_cast<unsigned char>(s[j])));
                ++j;
            }
            out.push_back({MyToken::Word, i, j, std::move(w)});
            i = j;
        } else {
            out.push_back({MyToken::Symbol, i, i + 1, std::string(1, c)});
            ++i;
        }
    }
    return out;
}

bool isWord(const MyToken& t, std::string_view w) {
    return t.kind == MyToken::Word && t.upper == w;
}

} // namespace

MysqlStatement inspectMysql(const std::string& sql) {
    MysqlStatement out;
    const std::vector<MyToken> tokens = mysqlTokens(sql);
    for (const MyToken& t : tokens)
        if (t.kind == MyToken::Placeholder || t.kind == MyToken::List)
            ++out.placeholders;
    auto refuse = [&](const std::string& why) {
        out.refusal = std::string(kAnalyzeOnlySelect) + why;
        return out;
    };
    size_t first = 0;
    while (first < tokens.size() && tokens[first].kind == MyToken::Symbol &&
           tokens[first].upper == "(")
        ++first;
    if (first == tokens.size())
        return refuse("the text holds no statement.");
    const MyToken& head = tokens[first];
    if (!isWord(head, "SELECT") && !isWord(head, "WITH"))
        return refuse("this is a(n) " + (head.kind == MyToken::Word ? head.upper : head.upper) +
                      " statement.");
    for (size_t i = first; i < tokens.size(); ++i) {
        const MyToken& t = tokens[i];
        const MyToken* next = i + 1 < tokens.size() ? &tokens[i + 1] : nullptr;
        if (t.kind == MyToken::Symbol && t.upper == ";") {
            if (next)
                return refuse("the text holds more than one statement; explain one at a time.");
            continue;
        }
        if (t.kind != MyToken::Word)
            continue;
        if (t.upper == "INTO")
            return refuse("this SELECT ... INTO writes variables or a file.");
        if ((t.upper == "FOR" && next && (isWord(*next, "UPDATE") || isWord(*next, "SHARE"))) ||
            (t.upper == "LOCK" && next && isWord(*next, "IN")))
            return refuse("this SELECT locks rows (FOR UPDATE / LOCK IN SHARE MODE).");
        if (t.upper == "UPDATE" || t.upper == "DELETE" || t.upper == "INSERT" ||
            t.upper == "REPLACE")
            return refuse("this statement writes (" + t.upper + ").");
    }
    out.plainSelect = true;
    return out;
}

std::string fillMysqlPlaceholders(const std::string& sql, int* replaced) {
    std::string out;
    out.reserve(sql.size() + 16);
    size_t at = 0;
    int count = 0;
    int limitSlots = 0; // LIMIT ?, ? and OFFSET ? take numbers
    for (const MyToken& t : mysqlTokens(sql)) {
        if (t.kind == MyToken::Word) {
            limitSlots = (t.upper == "LIMIT" || t.upper == "OFFSET") ? 2 : 0;
            continue;
        }
        if (t.kind == MyToken::Symbol) {
            if (t.upper != ",")
                limitSlots = 0;
            continue;
        }
        out.append(sql, at, t.start - at);
        if (t.kind == MyToken::Placeholder && limitSlots > 0) {
            out += "1";
            --limitSlots;
        } else {
            out += "'1'";
            limitSlots = 0;
        }
        at = t.end;
        ++count;
    }
    out.append(sql, at, std::string::npos);
    if (replaced)
        *replaced = count;
    return out;
}

// MySQL and MariaDB digests put a space between every token: "COUNT ( * )". The server only
// parses the functions of its "Function Name Parsing" list when "(" follows the name directly
// (without IGNORE_SPACE), so "COUNT (" is a syntax error. The space after these names is taken
// out, outside quotes and comments; nothing else changes.
std::string joinMysqlFunctionParens(const std::string& sql) {
    static const char* const kNames[] = {
        "adddate",   "bit_and", "bit_or",     "bit_xor",     "cast",     "count",
        "curdate",   "curtime", "date_add",   "date_sub",    "extract",  "group_concat",
        "max",       "mid",     "min",        "now",         "position", "session_user",
        "std",       "stddev",  "stddev_pop", "stddev_samp", "subdate",  "substr",
        "substring", "sum",     "sysdate",    "system_user", "trim",     "variance",
        "var_pop",   "var_samp"};
    std::string out;
    out.reserve(sql.size());
    std::size_t i = 0;
    const std::size_t n = sql.size();
    while (i < n) {
        const char c = sql[i];
        if (c == '\'' || c == '"' || c == '`') {
            const std::size_t start = i++;
            while (i < n && sql[i] != c) {
                if (sql[i] == '\\' && c != '`' && i + 1 < n)
                    ++i;
                ++i;
            }
            i = std::min(n, i + 1);
            out.append(sql, start, i - start);
            continue;
        }
        if (c == '/' && i + 1 < n && sql[i + 1] == '*') {
            const std::size_t end = sql.find("*/", i + 2);
            const std::size_t stop = end == std::string::npos ? n : end + 2;
            out.append(sql, i, stop - i);
            i = stop;
            continue;
        }
        if (std::isalpha(static_cast<unsigned char>(c)) || c == '_') {
            const std::size_t start = i;
            while (i < n && (std::isalnum(static_cast<unsigned char>(sql[i])) || sql[i] == '_'))
                ++i;
            std::string word = sql.substr(start, i - start);
            out += word;
            for (char& ch : word)
                ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
            const bool qualified = start > 0 && sql[start - 1] == '.';
            std::size_t j = i;
            while (j < n && sql[j] == ' ')
                ++j;
            if (!qualified && j > i && j < n && sql[j] == '(' &&
                std::any_of(std::begin(kNames), std::end(kNames),
                            [&](const char* name) { return word == name; }))
                i = j; // drop the spaces
            continue;
        }
        out += c;
        ++i;
    }
    return out;
}

std::string lowerMysqlKeywordTables(const std::string& sql) {
    static const char* const kBefore[] = {"from", "join", "into", "update", "table"};
    std::string out = sql;
    std::string previous; // the previous bare word, lower case ("" after anything else)
    std::size_t i = 0;
    const std::size_t n = sql.size();
    while (i < n) {
        const char c = sql[i];
        if (c == '\'' || c == '"' || c == '`') {
            ++i;
            while (i < n && sql[i] != c) {
                if (sql[i] == '\\' && c != '`' && i + 1 < n)
                    ++i;
                ++i;
            }
            i = std::min(n, i + 1);
            previous.clear();
            continue;
        }
        if (c == '/' && i + 1 < n && sql[i + 1] == '*') {
            const std::size_t end = sql.find("*/", i + 2);
            i = end == std::string::npos ? n : end + 2;
            continue;
        }
        if (std::isalpha(static_cast<unsigned char>(c)) || c == '_') {
            const std::size_t start = i;
            bool lower = false;
            while (i < n && (std::isalnum(static_cast<unsigned char>(sql[i])) || sql[i] == '_')) {
                lower = lower || std::islower(static_cast<unsigned char>(sql[i]));
                ++i;
            }
            const bool qualified = start > 0 && sql[start - 1] == '.';
            const bool tablePosition =
                !qualified && std::any_of(std::begin(kBefore), std::end(kBefore),
                                          [&](const char* w) { return previous == w; });
            std::string word = sql.substr(start, i - start);
            for (char& ch : word)
                ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
            if (tablePosition && !lower)
                out.replace(start, word.size(), word);
            previous = word;
            continue;
        }
        if (!std::isspace(static_cast<unsigned char>(c)))
            previous.clear();
        ++i;
    }
    return out;
}

} // namespace dbt::plans
