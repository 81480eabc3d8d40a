#include "advisor/querymodel.h"

#include "plans/statement.h"

#include <algorithm>
#include <cctype>
#include <memory>
#include <nlohmann/json.hpp>
#include <pg_query.h>
#include <set>

namespace dbt::advisor {

using nlohmann::json;

namespace {

const json* child(const json& node, const char* key) {
    if (!node.is_object())
        return nullptr;
    const auto it = node.find(key);
    return it == node.end() ? nullptr : &*it;
}

std::string str(const json& node, const char* key) {
    const json* v = child(node, key);
    return v && v->is_string() ? v->get<std::string>() : std::string();
}

// {"String": {"sval": "x"}} -> "x"
std::string stringNode(const json& node) {
    if (const json* s = child(node, "String"))
        return str(*s, "sval");
    return {};
}

void addUnique(std::vector<std::string>& list, const std::string& value) {
    if (std::find(list.begin(), list.end(), value) == list.end())
        list.push_back(value);
}

// Does the expression mention any column (of any level)?
bool mentionsColumn(const json& node) {
    if (node.is_object()) {
        if (node.contains("ColumnRef"))
            return true;
        if (node.contains("SubLink"))
            return false; // a subquery is a value to this level
        for (const auto& [key, value] : node.items())
            if (mentionsColumn(value))
                return true;
    } else if (node.is_array()) {
        for (const auto& value : node)
            if (mentionsColumn(value))
                return true;
    }
    return false;
}

struct Level {
    const Level* parent = nullptr;
    struct Entry {
        std::string name; // alias or relation name
        int table = -1;   // index into QueryShape::tables; -1 for a CTE or subquery
    };
    std::vector<Entry> entries;
    std::set<std::string> ctes; // CTE names visible here
    bool isCte(const std::string& name) const {
        for (const Level* l = this; l; l = l->parent)
            if (l->ctes.count(name))
                return true;
        return false;
    }
};

struct ColumnAt {
    int table = -1;
    std::string column;
};

class Walker {
public:
    Walker(QueryShape& out, const ColumnLookup& lookup)
        : out_(out)
        , lookup_(lookup) {}

    void statement(const json& stmt) {
        if (const json* s = child(stmt, "SelectStmt")) {
            out_.statementKind = "select";
            select(*s, nullptr);
        } else if (const json* u = child(stmt, "UpdateStmt")) {
            out_.statementKind = "update";
            dml(*u, "fromClause");
        } else if (const json* d = child(stmt, "DeleteStmt")) {
            out_.statementKind = "delete";
            dml(*d, "usingClause");
        } else if (const json* i = child(stmt, "InsertStmt")) {
            out_.statementKind = "insert";
            if (const json* sel = child(*i, "selectStmt"))
                if (const json* inner = child(*sel, "SelectStmt"))
                    select(*inner, nullptr);
        } else if (const json* e = child(stmt, "ExplainStmt")) {
            if (const json* q = child(*e, "query"))
                statement(*q);
        } else {
            out_.statementKind = "other";
        }
    }

private:
    void with(const json& stmt, Level& level) {
        const json* w = child(stmt, "withClause");
        if (!w)
            return;
        const json* ctes = child(*w, "ctes");
        if (!ctes || !ctes->is_array())
            return;
        for (const auto& c : *ctes)
            if (const json* cte = child(c, "CommonTableExpr"))
                level.ctes.insert(str(*cte, "ctename"));
        for (const auto& c : *ctes)
            if (const json* cte = child(c, "CommonTableExpr"))
                if (const json* q = child(*cte, "ctequery"))
                    nested(*q, &level);
    }

    // A statement inside another (CTE body, subquery, sublink).
    void nested(const json& node, const Level* parent) {
        if (const json* s = child(node, "SelectStmt"))
            select(*s, parent);
        else if (const json* u = child(node, "UpdateStmt"))
            dmlIn(*u, "fromClause", parent);
        else if (const json* d = child(node, "DeleteStmt"))
            dmlIn(*d, "usingClause", parent);
    }

    void dml(const json& stmt, const char* extraFrom) { dmlIn(stmt, extraFrom, nullptr); }

    void dmlIn(const json& stmt, const char* extraFrom, const Level* parent) {
        Level level;
        level.parent = parent;
        with(stmt, level);
        std::vector<const json*> quals;
        if (const json* rel = child(stmt, "relation")) {
            from(json{{"RangeVar", *rel}}, level, quals);
            if (const json* targets = child(stmt, "targetList"); targets && targets->is_array() &&
                                                                 !out_.tables.empty() &&
                                                                 out_.statementKind == "update")
                for (const auto& t : *targets)
                    if (const json* rt = child(t, "ResTarget"))
                        addUnique(out_.tables.back().updated, str(*rt, "name"));
        }
        if (const json* f = child(stmt, extraFrom); f && f->is_array())
            for (const auto& item : *f)
                from(item, level, quals);
        if (const json* w = child(stmt, "whereClause"))
            qual(*w, level);
        for (const json* q : quals)
            qual(*q, level);
        if (const json* t = child(stmt, "targetList"))
            sublinks(*t, level);
    }

    void select(const json& s, const Level* parent) {
        const std::string op = str(s, "op");
        if (!op.empty() && op != "SETOP_NONE") {
            Level level;
            level.parent = parent;
            with(s, level);
            if (const json* l = child(s, "larg"))
                select(*l, &level);
            if (const json* r = child(s, "rarg"))
                select(*r, &level);
            return;
        }
        Level level;
        level.parent = parent;
        with(s, level);
        std::vector<const json*> quals;
        if (const json* f = child(s, "fromClause"); f && f->is_array())
            for (const auto& item : *f)
                from(item, level, quals);
        if (const json* w = child(s, "whereClause"))
            qual(*w, level);
        for (const json* q : quals)
            qual(*q, level);
        for (const char* key : {"targetList", "havingClause", "groupClause"})
            if (const json* t = child(s, key))
                sublinks(*t, level);
        order(s, level);
        group(s, level);
        limit(s, level);
    }

    void from(const json& item, Level& level, std::vector<const json*>& quals) {
        if (const json* rv = child(item, "RangeVar")) {
            const std::string schema = str(*rv, "schemaname");
            const std::string rel = str(*rv, "relname");
            std::string alias;
            if (const json* a = child(*rv, "alias"))
                alias = str(*a, "aliasname");
            const std::string name = alias.empty() ? rel : alias;
            if (schema.empty() && level.isCte(rel)) {
                level.entries.push_back({name, -1});
                return;
            }
            TableUse use;
            use.schema = schema;
            use.table = rel;
            use.alias = alias;
            out_.tables.push_back(std::move(use));
            level.entries.push_back({name, static_cast<int>(out_.tables.size()) - 1});
        } else if (const json* j = child(item, "JoinExpr")) {
            if (const json* l = child(*j, "larg"))
                from(*l, level, quals);
            if (const json* r = child(*j, "rarg"))
                from(*r, level, quals);
            if (const json* q = child(*j, "quals"))
                quals.push_back(q);
        } else if (const json* sub = child(item, "RangeSubselect")) {
            if (const json* q = child(*sub, "subquery"))
                nested(*q, &level);
            std::string alias;
            if (const json* a = child(*sub, "alias"))
                alias = str(*a, "aliasname");
            level.entries.push_back({alias, -1});
        }
    }

    // Table index of the level's real tables (alias entries only).
    std::vector<int> realTables(const Level& level) const {
        std::vector<int> t;
        for (const auto& e : level.entries)
            if (e.table >= 0)
                t.push_back(e.table);
        return t;
    }

    std::optional<ColumnAt> column(const json& node, const Level& level) {
        const json* ref = child(node, "ColumnRef");
        if (!ref) {
            // col::type keeps the column usable for the advisor only for a no-op cast of a
            // parameter, never for the column side: an index on the column would not be used.
            return std::nullopt;
        }
        const json* fields = child(*ref, "fields");
        if (!fields || !fields->is_array() || fields->empty())
            return std::nullopt;
        std::vector<std::string> parts;
        for (const auto& f : *fields) {
            if (f.contains("A_Star"))
                return std::nullopt;
            parts.push_back(stringNode(f));
        }
        const std::string col = parts.back();
        if (parts.size() == 1) {
            for (const Level* l = &level; l; l = l->parent) {
                const std::vector<int> tables = realTables(*l);
                bool derived = false;
                for (const auto& e : l->entries)
                    derived |= e.table == -1;
                if (tables.size() == 1 && !derived)
                    return ColumnAt{tables.front(), col};
                if (tables.empty() && !derived)
                    continue;
                if (lookup_) {
                    std::vector<int> hits;
                    for (int t : tables) {
                        const auto cols = lookup_(out_.tables[static_cast<std::size_t>(t)].table);
                        if (std::find(cols.begin(), cols.end(), col) != cols.end())
                            hits.push_back(t);
                    }
                    if (hits.size() == 1)
                        return ColumnAt{hits.front(), col};
                }
                addUnique(out_.notes, "Column \"" + col +
                                          "\" is not qualified in a query level with several "
                                          "tables; it was left out.");
                return std::nullopt;
            }
            return std::nullopt;
        }
        const std::string& qualifier = parts[parts.size() - 2];
        const std::string schema = parts.size() >= 3 ? parts[parts.size() - 3] : std::string();
        for (const Level* l = &level; l; l = l->parent) {
            for (const auto& e : l->entries) {
                if (e.name != qualifier)
                    continue;
                const int t = e.table;
                if (t < 0)
                    return std::nullopt; // a CTE or subquery column
                if (!schema.empty() && out_.tables[static_cast<std::size_t>(t)].schema != schema)
                    continue;
                return ColumnAt{t, col};
            }
        }
        return std::nullopt;
    }

    TableUse& use(const ColumnAt& c) { return out_.tables[static_cast<std::size_t>(c.table)]; }

    void sublinks(const json& node, const Level& level) {
        if (node.is_object()) {
            if (const json* sl = child(node, "SubLink")) {
                if (const json* q = child(*sl, "subselect"))
                    nested(*q, &level);
                return;
            }
            for (const auto& [key, value] : node.items())
                sublinks(value, level);
        } else if (node.is_array()) {
            for (const auto& value : node)
                sublinks(value, level);
        }
    }

    static std::string opName(const json& expr) {
        const json* names = child(expr, "name");
        if (!names || !names->is_array() || names->empty())
            return {};
        return stringNode(names->back());
    }

    // A LIKE pattern: 'ab%' / $1 || '%' is a prefix; '%ab' / '%' || $1 a leading wildcard.
    enum class Pattern { Prefix, LeadingWildcard, Unknown };
    static Pattern pattern(const json& node) {
        if (const json* c = child(node, "A_Const")) {
            if (const json* sv = child(*c, "sval")) {
                const std::string p = str(*sv, "sval");
                if (p.empty())
                    return Pattern::Unknown;
                if (p[0] == '%' || p[0] == '_')
                    return Pattern::LeadingWildcard;
                return Pattern::Prefix;
            }
            return Pattern::Unknown;
        }
        if (const json* e = child(node, "A_Expr"); e && opName(*e) == "||") {
            const json* l = child(*e, "lexpr");
            if (l && pattern(*l) == Pattern::LeadingWildcard)
                return Pattern::LeadingWildcard;
            if (l && !child(*l, "A_Const"))
                return Pattern::Prefix; // parameter || '%': the prefix is the parameter
            if (l)
                return pattern(*l);
        }
        if (const json* t = child(node, "TypeCast"))
            if (const json* a = child(*t, "arg"))
                return pattern(*a);
        return Pattern::Unknown;
    }

    void comparison(const std::string& op, const json& lhs, const json& rhs, const Level& level) {
        const auto l = column(lhs, level);
        const auto r = column(rhs, level);
        if (l && r) {
            if (l->table != r->table && op == "=") {
                addUnique(use(*l).joinKeys, l->column);
                addUnique(use(*r).joinKeys, r->column);
            }
            return;
        }
        const auto side = l ? l : r;
        if (!side)
            return;
        const json& other = l ? rhs : lhs;
        const bool otherHasColumns = mentionsColumn(other);
        if (op == "=") {
            if (otherHasColumns)
                addUnique(use(*side).joinKeys, side->column);
            else
                addUnique(use(*side).equality, side->column);
        } else if (op == "<" || op == ">" || op == "<=" || op == ">=") {
            if (!otherHasColumns)
                addUnique(use(*side).range, side->column);
        } else if (op == "@>" && l) {
            addUnique(use(*side).containment, side->column);
        }
    }

    void qual(const json& node, const Level& level) {
        if (const json* b = child(node, "BoolExpr")) {
            if (str(*b, "boolop") == "AND_EXPR") {
                if (const json* args = child(*b, "args"); args && args->is_array())
                    for (const auto& a : *args)
                        qual(a, level);
            } else {
                sublinks(*b, level); // OR / NOT: no single column predicate, but subqueries
            }
            return;
        }
        if (const json* e = child(node, "A_Expr")) {
            const std::string kind = str(*e, "kind");
            const json* lhs = child(*e, "lexpr");
            const json* rhs = child(*e, "rexpr");
            if (lhs && rhs) {
                const std::string op = opName(*e);
                if (kind == "AEXPR_OP")
                    comparison(op, *lhs, *rhs, level);
                else if (kind == "AEXPR_IN" && op == "=") {
                    if (const auto c = column(*lhs, level); c && !mentionsColumn(*rhs))
                        addUnique(use(*c).equality, c->column);
                } else if (kind == "AEXPR_OP_ANY" && op == "=") {
                    if (const auto c = column(*lhs, level); c && !mentionsColumn(*rhs))
                        addUnique(use(*c).equality, c->column);
                } else if (kind == "AEXPR_BETWEEN" || kind == "AEXPR_BETWEEN_SYM") {
                    if (const auto c = column(*lhs, level); c && !mentionsColumn(*rhs))
                        addUnique(use(*c).range, c->column);
                } else if (kind == "AEXPR_LIKE" || kind == "AEXPR_ILIKE") {
                    if (const auto c = column(*lhs, level); c && (op == "~~" || op == "~~*")) {
                        const Pattern p = pattern(*rhs);
                        if (p == Pattern::LeadingWildcard || kind == "AEXPR_ILIKE")
                            addUnique(use(*c).leadingWildcard, c->column);
                        else if (p == Pattern::Prefix) {
                            addUnique(use(*c).range, c->column);
                            addUnique(use(*c).prefixLike, c->column);
                        }
                    }
                }
            }
            sublinks(*e, level);
            return;
        }
        if (const json* n = child(node, "NullTest")) {
            if (str(*n, "nulltesttype") == "IS_NULL")
                if (const json* a = child(*n, "arg"))
                    if (const auto c = column(*a, level))
                        addUnique(use(*c).equality, c->column);
            return;
        }
        if (const json* sl = child(node, "SubLink")) {
            if (str(*sl, "subLinkType") == "ANY_SUBLINK")
                if (const json* t = child(*sl, "testexpr"))
                    if (const auto c = column(*t, level))
                        addUnique(use(*c).joinKeys, c->column);
            if (const json* q = child(*sl, "subselect"))
                nested(*q, &level);
            return;
        }
        sublinks(node, level);
    }

    void order(const json& s, const Level& level) {
        const json* sort = child(s, "sortClause");
        if (!sort || !sort->is_array() || sort->empty())
            return;
        std::vector<OrderColumn> cols;
        int table = -1;
        for (const auto& item : *sort) {
            const json* by = child(item, "SortBy");
            const json* n = by ? child(*by, "node") : nullptr;
            const auto c = n ? column(*n, level) : std::nullopt;
            if (!c || (table >= 0 && c->table != table))
                return;
            table = c->table;
            cols.push_back({c->column, str(*by, "sortby_dir") == "SORTBY_DESC"});
        }
        if (table >= 0 && cols.size() <= 3)
            out_.tables[static_cast<std::size_t>(table)].orderBy = std::move(cols);
    }

    void group(const json& s, const Level& level) {
        const json* g = child(s, "groupClause");
        if (!g || !g->is_array() || g->empty())
            return;
        std::vector<std::string> cols;
        int table = -1;
        for (const auto& item : *g) {
            const auto c = column(item, level);
            if (!c || (table >= 0 && c->table != table))
                return;
            table = c->table;
            cols.push_back(c->column);
        }
        if (table >= 0 && cols.size() <= 3)
            out_.tables[static_cast<std::size_t>(table)].groupBy = std::move(cols);
    }

    void limit(const json& s, const Level& level) {
        const json* lc = child(s, "limitCount");
        if (!lc)
            return;
        std::optional<long long> n;
        if (const json* c = child(*lc, "A_Const"))
            if (const json* iv = child(*c, "ival"))
                if (const json* v = child(*iv, "ival"); v && v->is_number_integer())
                    n = v->get<long long>();
        // LIMIT belongs to the level: record it on each of its tables.
        for (int t : realTables(level)) {
            out_.tables[static_cast<std::size_t>(t)].hasLimit = true;
            out_.tables[static_cast<std::size_t>(t)].limit = n;
        }
    }

    QueryShape& out_;
    const ColumnLookup& lookup_;
};

struct ParseHolder {
    PgQueryParseResult r;
    ~ParseHolder() { pg_query_free_parse_result(r); }
};

} // namespace

std::string rewriteTypedParameters(const std::string& sql) {
    const plans::ParamRewrite rw = plans::rewritePostgresParams(sql);
    return rw.ok ? rw.sql : sql;
}

std::string fingerprint(const std::string& sql) {
    PgQueryFingerprintResult f = pg_query_fingerprint(sql.c_str());
    std::string out;
    if (!f.error && f.fingerprint_str)
        out = f.fingerprint_str;
    pg_query_free_fingerprint_result(f);
    if (out.empty() && sql.find('$') != std::string::npos) {
        const std::string rewritten = rewriteTypedParameters(sql);
        if (rewritten != sql)
            return fingerprint(rewritten);
    }
    return out;
}

QueryShape analyzeQuery(const std::string& sql, const ColumnLookup& columnsOf) {
    QueryShape shape;
    std::string text = sql;
    ParseHolder p{pg_query_parse(text.c_str())};
    if (p.r.error) {
        const std::string rewritten = rewriteTypedParameters(sql);
        if (rewritten != sql) {
            ParseHolder again{pg_query_parse(rewritten.c_str())};
            if (!again.r.error) {
                std::swap(p.r, again.r);
                text = rewritten;
                shape.notes.push_back("Rewrote forms such as interval $1 as $1::interval to parse "
                                      "the statement.");
            }
        }
    }
    if (p.r.error) {
        shape.error = p.r.error->message ? p.r.error->message : "syntax error";
        return shape;
    }
    json tree;
    try {
        tree = json::parse(p.r.parse_tree);
    } catch (const std::exception& e) {
        shape.error = std::string("unreadable parse tree: ") + e.what();
        return shape;
    }
    const json* stmts = child(tree, "stmts");
    if (!stmts || !stmts->is_array() || stmts->size() != 1) {
        shape.error = "not exactly one statement";
        return shape;
    }
    Walker w(shape, columnsOf);
    if (const json* st = child((*stmts)[0], "stmt"))
        w.statement(*st);
    shape.parsed = true;
    shape.parsedText = text;
    return shape;
}

} // namespace dbt::advisor
