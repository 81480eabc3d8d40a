#include "advisor/candidates.h"

#include "advisor/keywords.h"

#include <algorithm>
#include <cmath>
#include <set>

namespace dbt::advisor {

namespace {

// The reasons are Messages in the context "Advisor" (advice.h); " + " joins two of them.
Message why(const char* context, const char* text) {
    return phrase(context, text);
}

Message both(Message a, Message b) {
    return phrase("", "%1 + %2", {std::move(a), std::move(b)});
}

bool contains(const std::vector<std::string>& list, const std::string& value) {
    return std::find(list.begin(), list.end(), value) != list.end();
}

bool btreeOk(const TableInfo* info, const std::string& column) {
    if (!info)
        return true;
    const auto it = info->columns.find(column);
    return it == info->columns.end() || it->second.btreeOpclass;
}

bool isTextType(const TableInfo* info, const std::string& column) {
    if (!info)
        return true;
    const auto it = info->columns.find(column);
    if (it == info->columns.end())
        return true;
    const std::string& t = it->second.type;
    return t == "text" || t.rfind("character varying", 0) == 0 || t.rfind("varchar", 0) == 0 ||
           t.rfind("character", 0) == 0 || t == "citext";
}

} // namespace

double equalitySelectivity(const ColumnStats& s, double rows) {
    if (!s.known)
        return 1.0;
    double distinct = s.nDistinct < 0 ? -s.nDistinct * std::max(rows, 1.0) : s.nDistinct;
    if (distinct < 1)
        distinct = 1;
    const double uniform = (1.0 - s.nullFrac) / distinct;
    // The most common value is what a parameter may well be: a generic plan assumes the
    // average, so take the uniform estimate unless one value dominates the column.
    return std::clamp(std::max(uniform, s.maxCommonFreq > 0.5 ? s.maxCommonFreq : 0.0), 0.0, 1.0);
}

std::string Candidate::key() const {
    std::string k = schema + "." + table + "|" + method + "(";
    for (std::size_t i = 0; i < columns.size(); ++i)
        k += columns[i] + (i < descending.size() && descending[i] ? " desc" : "") +
             (i < opclasses.size() && !opclasses[i].empty() ? " " + opclasses[i] : "") + ",";
    return k + ")";
}

bool coveredByExisting(const std::vector<std::string>& columns,
                       const std::vector<ExistingIndex>& indexes) {
    for (const auto& idx : indexes) {
        if (idx.method != "btree" || idx.partial || idx.columns.size() < columns.size())
            continue;
        if (std::equal(columns.begin(), columns.end(), idx.columns.begin()))
            return true;
    }
    return false;
}

std::vector<Candidate> candidatesFor(const TableUse& use, const TableInfo* info) {
    std::vector<Candidate> out;
    std::set<std::string> seen;
    const std::string schema = info ? info->schema : use.schema;
    const std::string table = info ? info->name : use.table;
    auto add = [&](std::vector<std::string> cols, std::vector<bool> desc, Message reason) {
        if (cols.empty() || cols.size() > 3)
            return;
        for (const auto& c : cols)
            if (!btreeOk(info, c))
                return;
        // a repeated column (a = 1 AND a > 0) adds nothing to an index
        std::set<std::string> unique(cols.begin(), cols.end());
        if (unique.size() != cols.size())
            return;
        if (info && coveredByExisting(cols, info->indexes))
            return;
        Candidate c;
        c.schema = schema;
        c.table = table;
        c.columns = std::move(cols);
        c.descending = desc.empty() ? std::vector<bool>(c.columns.size(), false) : std::move(desc);
        c.opclasses.assign(c.columns.size(), std::string());
        // A prefix LIKE uses a btree only in the C collation or with text_pattern_ops.
        for (std::size_t i = 0; i < c.columns.size(); ++i)
            if (contains(use.prefixLike, c.columns[i]) && isTextType(info, c.columns[i]))
                c.opclasses[i] = "text_pattern_ops";
        c.reason = englishText(reason);
        c.reasonText = std::move(reason);
        if (seen.insert(c.key()).second)
            out.push_back(std::move(c));
    };

    // Equality columns, most selective first.
    std::vector<std::string> eq = use.equality;
    if (info) {
        std::stable_sort(eq.begin(), eq.end(), [&](const std::string& a, const std::string& b) {
            const auto ia = info->columns.find(a);
            const auto ib = info->columns.find(b);
            const double sa =
                ia == info->columns.end() ? 1.0 : equalitySelectivity(ia->second, info->rows);
            const double sb =
                ib == info->columns.end() ? 1.0 : equalitySelectivity(ib->second, info->rows);
            return sa < sb;
        });
    }
    std::vector<std::string> eqPrefix(
        eq.begin(),
        eq.begin() + std::min<std::ptrdiff_t>(static_cast<std::ptrdiff_t>(eq.size()), 3));

    const Message equality = why(DBT_TR("Advisor", "equality"));
    const Message range = why(DBT_TR("Advisor", "range"));
    for (const auto& c : eq)
        add({c}, {}, equality);
    for (const auto& c : use.range)
        add({c}, {}, contains(use.prefixLike, c) ? why(DBT_TR("Advisor", "prefix LIKE")) : range);
    for (const auto& c : use.joinKeys)
        add({c}, {}, why(DBT_TR("Advisor", "join key (inner side of a nested loop)")));
    if (eqPrefix.size() >= 2)
        add(eqPrefix, {}, why(DBT_TR("Advisor", "equality columns, most selective first")));
    // equality + one range column
    for (const auto& r : use.range) {
        if (contains(eq, r))
            continue;
        std::vector<std::string> cols(
            eq.begin(),
            eq.begin() + std::min<std::ptrdiff_t>(static_cast<std::ptrdiff_t>(eq.size()), 2));
        if (cols.empty())
            continue;
        cols.push_back(r);
        add(cols, {}, both(equality, range));
    }
    // equality + ORDER BY (the index delivers the order: no sort, and LIMIT stops early)
    if (!use.orderBy.empty()) {
        std::vector<std::string> cols;
        std::vector<bool> desc;
        for (const auto& e : eq) {
            if (cols.size() >= 2)
                break;
            cols.push_back(e);
            desc.push_back(false);
        }
        bool allDesc = true;
        for (const auto& o : use.orderBy)
            allDesc &= o.descending;
        for (const auto& o : use.orderBy) {
            if (contains(cols, o.column))
                continue;
            cols.push_back(o.column);
            // A btree is read backwards just as well: spell DESC only for mixed directions.
            desc.push_back(allDesc ? false : o.descending);
        }
        if (cols.size() > eq.size() && cols.size() <= 3)
            add(cols, desc, eq.empty() ? literal("ORDER BY") : both(equality, literal("ORDER BY")));
    }
    // join key with the table's own equality columns
    for (const auto& j : use.joinKeys) {
        if (eq.empty() || contains(eq, j))
            continue;
        add({eq.front(), j}, {}, both(equality, why(DBT_TR("Advisor", "join key"))));
    }

    // GIN hints: containment and leading-wildcard LIKE cannot use a btree.
    for (const auto& c : use.containment) {
        if (info && coveredByExisting({c}, info->indexes))
            continue;
        Candidate g;
        g.schema = schema;
        g.table = table;
        g.columns = {c};
        g.descending = {false};
        g.opclasses = {""};
        g.method = "gin";
        g.reasonText = why(DBT_TR("Advisor", "@> containment needs a GIN index"));
        g.reason = englishText(g.reasonText);
        g.hintOnly = true;
        if (seen.insert(g.key()).second)
            out.push_back(std::move(g));
    }
    for (const auto& c : use.leadingWildcard) {
        Candidate g;
        g.schema = schema;
        g.table = table;
        g.columns = {c};
        g.descending = {false};
        g.opclasses = {"gin_trgm_ops"};
        g.method = "gin_trgm";
        g.reasonText = why(DBT_TR("Advisor", "LIKE with a leading wildcard needs a trigram GIN "
                                             "index (pg_trgm)"));
        g.reason = englishText(g.reasonText);
        g.hintOnly = true;
        if (seen.insert(g.key()).second)
            out.push_back(std::move(g));
    }
    return out;
}

std::string quoteIdentPg(const std::string& name) {
    bool safe = !name.empty() && ((name[0] >= 'a' && name[0] <= 'z') || name[0] == '_');
    for (char ch : name) {
        if (!safe)
            break;
        safe = (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '_';
    }
    if (safe && isQuotedKeyword(name))
        safe = false;
    if (safe)
        return name;
    std::string out = "\"";
    for (char ch : name) {
        if (ch == '"')
            out += '"';
        out += ch;
    }
    return out + '"';
}

std::string quoteIdentMy(const std::string& name) {
    std::string out = "`";
    for (char ch : name) {
        if (ch == '`')
            out += '`';
        out += ch;
    }
    return out + '`';
}

std::string indexName(const Candidate& c) {
    std::string name = "idx_" + c.table;
    for (const auto& col : c.columns)
        name += "_" + col;
    if (c.method != "btree")
        name += c.method == "gin" ? "_gin" : "_trgm";
    if (name.size() > 63) {
        std::size_t cut = 63;
        while (cut > 0 && (static_cast<unsigned char>(name[cut]) & 0xC0) == 0x80)
            --cut;
        name.resize(cut);
    }
    return name;
}

namespace {

std::string columnList(const Candidate& c) {
    std::string out;
    for (std::size_t i = 0; i < c.columns.size(); ++i) {
        if (i)
            out += ", ";
        out += quoteIdentPg(c.columns[i]);
        if (i < c.opclasses.size() && !c.opclasses[i].empty())
            out += " " + c.opclasses[i];
        if (i < c.descending.size() && c.descending[i])
            out += " DESC";
    }
    return out;
}

std::string usingClause(const Candidate& c) {
    return c.method == "btree" ? std::string() : " USING gin";
}

std::string qualifiedPg(const Candidate& c) {
    return (c.schema.empty() ? std::string() : quoteIdentPg(c.schema) + ".") +
           quoteIdentPg(c.table);
}

} // namespace

std::string ddl(const Candidate& c, Dialect dialect) {
    if (dialect == Dialect::MySQL) {
        std::string cols;
        for (std::size_t i = 0; i < c.columns.size(); ++i) {
            if (i)
                cols += ", ";
            cols += quoteIdentMy(c.columns[i]);
            if (i < c.descending.size() && c.descending[i])
                cols += " DESC";
        }
        std::string name = indexName(c);
        if (name.size() > 64)
            name.resize(64);
        return "ALTER TABLE " + (c.schema.empty() ? std::string() : quoteIdentMy(c.schema) + ".") +
               quoteIdentMy(c.table) + " ADD INDEX " + quoteIdentMy(name) + " (" + cols +
               "), ALGORITHM=INPLACE, LOCK=NONE;";
    }
    return "CREATE INDEX CONCURRENTLY " + quoteIdentPg(indexName(c)) + " ON " + qualifiedPg(c) +
           usingClause(c) + " (" + columnList(c) + ");";
}

std::string createIndexForHypo(const Candidate& c) {
    return "CREATE INDEX ON " + qualifiedPg(c) + usingClause(c) + " (" + columnList(c) + ")";
}

bool acceptSingle(double before, double after) {
    return before > 0 && after <= before * 0.5;
}

bool acceptMulti(double bestSingleAfter, double after) {
    return after <= bestSingleAfter * 0.8;
}

std::vector<std::size_t> chooseGreedy(const std::vector<Evaluated>& all, double minShare,
                                      std::size_t maxIndexes) {
    std::map<std::string, double> current; // statement id -> best cost so far
    for (const auto& e : all)
        for (const auto& f : e.effects) {
            auto it = current.find(f.statementId);
            if (it == current.end())
                current[f.statementId] = f.costBefore;
            else
                it->second = std::max(it->second, f.costBefore);
        }
    std::vector<std::size_t> chosen;
    std::vector<bool> taken(all.size(), false);
    double first = 0;
    while (chosen.size() < maxIndexes) {
        double best = 0;
        double bestBenefit = 0;
        std::size_t bestIndex = all.size();
        for (std::size_t i = 0; i < all.size(); ++i) {
            if (taken[i])
                continue;
            double benefit = 0;
            for (const auto& f : all[i].effects)
                benefit += f.weight * std::max(0.0, current[f.statementId] - f.costAfter);
            const double mb = std::max(all[i].sizeBytes / (1024.0 * 1024.0), 0.125);
            const double score = benefit / mb;
            if (benefit > 0 && score > best) {
                best = score;
                bestBenefit = benefit;
                bestIndex = i;
            }
        }
        if (bestIndex == all.size())
            break;
        if (chosen.empty())
            first = bestBenefit;
        else if (bestBenefit < first * minShare)
            break;
        taken[bestIndex] = true;
        chosen.push_back(bestIndex);
        for (const auto& f : all[bestIndex].effects)
            current[f.statementId] = std::min(current[f.statementId], f.costAfter);
    }
    // An early choice can be overtaken by later ones (a column that served two statements,
    // then a better index for each): drop, latest first, every chosen index whose removal
    // raises the workload's cost by less than the threshold of adding one.
    auto costWithout = [&](std::size_t skip) {
        std::map<std::string, double> best;
        std::map<std::string, double> weight;
        for (const auto& e : all)
            for (const auto& f : e.effects) {
                auto it = best.find(f.statementId);
                best[f.statementId] =
                    it == best.end() ? f.costBefore : std::max(it->second, f.costBefore);
                weight[f.statementId] = f.weight;
            }
        for (const std::size_t i : chosen)
            if (i != skip)
                for (const auto& f : all[i].effects)
                    best[f.statementId] = std::min(best[f.statementId], f.costAfter);
        double total = 0;
        for (const auto& [id, cost] : best)
            total += weight[id] * cost;
        return total;
    };
    for (std::size_t k = chosen.size(); k-- > 0;) {
        const double with = costWithout(all.size());
        if (costWithout(chosen[k]) - with < first * minShare)
            chosen.erase(chosen.begin() + static_cast<std::ptrdiff_t>(k));
    }
    return chosen;
}

} // namespace dbt::advisor
