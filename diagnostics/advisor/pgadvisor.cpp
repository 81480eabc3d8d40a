#include "advisor/pgadvisor.h"

#include "advisor/querymodel.h"
#include "engines/postgres/pgconninfo.h"
#include "engines/postgres/pgexplain.h"
#include "engines/postgres/pgqueries.h"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>
#include <map>
#include <nlohmann/json.hpp>
#include <pqxx/pqxx>
#include <set>

namespace dbt::advisor {

namespace {

using Kind = EngineError::Kind;
using nlohmann::json;

const std::string kTag = pg::sql::kTag;

// ---------------------------------------------------------------- catalog queries

const std::string kDatabase = kTag + R"(SELECT pg_catalog.current_database(),
  coalesce((SELECT d.stats_reset::text FROM pg_catalog.pg_stat_database d
            WHERE d.datname = pg_catalog.current_database()), ''),
  (SELECT n.nspname FROM pg_catalog.pg_extension e
     JOIN pg_catalog.pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'hypopg'),
  EXISTS (SELECT 1 FROM pg_catalog.pg_available_extensions WHERE name = 'hypopg'))";

const std::string kTable = kTag + R"(SELECT c.oid::bigint, n.nspname, c.relname,
  greatest(c.reltuples, 0)::float8,
  coalesce(s.n_tup_ins + s.n_tup_upd + s.n_tup_del, 0), coalesce(s.n_tup_upd, 0),
  coalesce(s.n_mod_since_analyze, -1),
  coalesce(greatest(s.last_analyze, s.last_autoanalyze)::text, ''), coalesce(s.n_tup_ins, 0)
FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_catalog.pg_stat_all_tables s ON s.relid = c.oid
WHERE c.oid = pg_catalog.to_regclass($1) AND c.relkind IN ('r', 'p', 'm'))";

const std::string kColumns = kTag + R"(SELECT a.attname,
  pg_catalog.format_type(a.atttypid, a.atttypmod),
  EXISTS (SELECT 1 FROM pg_catalog.pg_opclass oc JOIN pg_catalog.pg_am am ON am.oid = oc.opcmethod
          WHERE am.amname = 'btree' AND oc.opcdefault AND (oc.opcintype = a.atttypid
            OR oc.opcintype = t.typbasetype
            OR (oc.opcintype = 'anyarray'::regtype AND t.typcategory = 'A')
            OR (oc.opcintype = 'anyenum'::regtype AND t.typtype = 'e')
            OR EXISTS (SELECT 1 FROM pg_catalog.pg_cast k WHERE k.castsource = a.atttypid
                       AND k.casttarget = oc.opcintype AND k.castmethod = 'b'))),
  st.n_distinct::float8, st.null_frac::float8,
  (SELECT max(f) FROM unnest(st.most_common_freqs) f)::float8, st.attname IS NOT NULL
FROM pg_catalog.pg_attribute a JOIN pg_catalog.pg_type t ON t.oid = a.atttypid
LEFT JOIN pg_catalog.pg_stats st ON st.schemaname = $2 AND st.tablename = $3
  AND st.attname = a.attname AND NOT st.inherited
WHERE a.attrelid = $1::bigint::oid AND a.attnum > 0 AND NOT a.attisdropped)";

// Indexes with key columns as a JSON array ("" for an expression column).
std::string indexQuery(const std::string& where) {
    return kTag + R"(SELECT n.nspname, t.relname, ic.relname,
  (SELECT pg_catalog.array_to_json(pg_catalog.array_agg(coalesce(a.attname, '') ORDER BY k.ord))
   FROM unnest(i.indkey::int2[]) WITH ORDINALITY k(attnum, ord)
   LEFT JOIN pg_catalog.pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
   WHERE k.ord <= i.indnkeyatts)::text,
  i.indisunique, i.indisprimary, i.indpred IS NOT NULL, i.indisvalid, am.amname,
  pg_catalog.pg_relation_size(i.indexrelid), pg_catalog.pg_get_indexdef(i.indexrelid)
FROM pg_catalog.pg_index i
JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid
JOIN pg_catalog.pg_class t ON t.oid = i.indrelid
JOIN pg_catalog.pg_namespace n ON n.oid = t.relnamespace
JOIN pg_catalog.pg_am am ON am.oid = ic.relam
WHERE )" + where +
           " ORDER BY n.nspname, t.relname, ic.relname";
}

const std::string kUnused = kTag + R"(SELECT s.schemaname, s.relname, s.indexrelname,
  pg_catalog.pg_relation_size(s.indexrelid), s.idx_scan, pg_catalog.pg_get_indexdef(s.indexrelid)
FROM pg_catalog.pg_stat_user_indexes s JOIN pg_catalog.pg_index i ON i.indexrelid = s.indexrelid
WHERE s.idx_scan = 0 AND NOT i.indisunique AND NOT i.indisprimary
  AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint c WHERE c.conindid = s.indexrelid)
ORDER BY 4 DESC, 1, 3 LIMIT 200)";

std::string text(const pqxx::field& f) {
    return f.is_null() ? std::string() : std::string(f.c_str(), f.size());
}
double num(const pqxx::field& f, double fallback = 0) {
    return f.is_null() ? fallback : f.as<double>();
}
std::int64_t int64(const pqxx::field& f) {
    return f.is_null() ? 0 : f.as<std::int64_t>();
}
bool boolean(const pqxx::field& f) {
    return !f.is_null() && f.as<bool>();
}

// The advisor's sentences: Messages in the context "Advisor" (advice.h).
Message say(const char* context, const char* text, std::vector<Message> args = {}) {
    return phrase(context, text, std::move(args));
}

Message number(double value) {
    return decimal(value, 'f', 0);
}

void addCaveats(Proposal& p, std::vector<Message> caveats) {
    for (auto& c : caveats)
        addCaveat(p, std::move(c));
}

IndexDef indexRow(const pqxx::row& r) {
    IndexDef d;
    d.schema = text(r[0]);
    d.table = text(r[1]);
    d.name = text(r[2]);
    try {
        d.columns = json::parse(text(r[3])).get<std::vector<std::string>>();
    } catch (const std::exception&) {
        d.columns.clear();
    }
    d.unique = boolean(r[4]);
    d.primary = boolean(r[5]);
    d.partial = boolean(r[6]);
    d.valid = boolean(r[7]);
    d.method = text(r[8]);
    d.sizeBytes = int64(r[9]);
    d.definition = text(r[10]);
    return d;
}

// ---------------------------------------------------------------- plans

double totalCost(const std::string& plan) {
    const json doc = json::parse(plan);
    const json& top = doc.is_array() ? doc.at(0) : doc;
    return top.at("Plan").at("Total Cost").get<double>();
}

bool seqScanOn(const json& node, const std::string& schema, const std::string& table) {
    if (node.is_object()) {
        if (node.value("Node Type", "") == "Seq Scan" && node.value("Relation Name", "") == table &&
            (!node.contains("Schema") || node.value("Schema", "") == schema))
            return true;
        for (const auto& [k, v] : node.items())
            if ((v.is_object() || v.is_array()) && seqScanOn(v, schema, table))
                return true;
    } else if (node.is_array()) {
        for (const auto& v : node)
            if (seqScanOn(v, schema, table))
                return true;
    }
    return false;
}

// ---------------------------------------------------------------- the advisor

struct Tried {
    Candidate candidate;
    double after = 0;
    bool uses = false;
    double size = 0;
};

class PgAdvisor {
public:
    explicit PgAdvisor(const AdvisorOptions& o)
        : options_(o) {}

    Advice run(const std::vector<WorkloadStatement>& workload);

private:
    bool cancelled() const { return options_.cancelled && options_.cancelled(); }
    void connect();
    pqxx::result exec(const std::string& sql) {
        pqxx::nontransaction tx(*conn_);
        pqxx::result r = tx.exec(sql);
        tx.commit();
        return r;
    }
    template<typename... Args> pqxx::result execParams(const std::string& sql, Args&&... args) {
        pqxx::nontransaction tx(*conn_);
        pqxx::result r = tx.exec_params(sql, std::forward<Args>(args)...);
        tx.commit();
        return r;
    }
    std::string explain(const std::string& sql) {
        ++advice_.explains;
        ExplainRequest req;
        req.sql = sql;
        return pg::explainOn(*conn_, req, context_).plan;
    }
    const TableInfo* table(const TableUse& use);
    void statement(const WorkloadStatement& st);
    void heuristic(const WorkloadStatement& st, const QueryShape& shape, const std::string& plan,
                   double before);
    std::vector<Message> caveats(const Candidate& c) const;
    // For a candidate of equality columns only (no range, ORDER BY, join key): the estimated
    // fraction of rows it matches; nullopt otherwise.
    std::optional<double> equalityOnlySelectivity(const Candidate& c, const QueryShape& shape);

    AdvisorOptions options_;
    std::unique_ptr<pqxx::connection> conn_;
    pg::ExplainContext context_;
    std::vector<std::string> secrets_;
    std::string database_;
    bool hypo_ = false;
    std::string hypoSchemaQ_;
    Advice advice_;
    std::map<std::string, std::optional<TableInfo>> tables_;  // by "schema.table" as written
    std::map<std::string, std::vector<std::string>> updated_; // table -> updated columns
    std::map<std::string, Evaluated> evaluated_;              // by candidate key
    std::map<std::string, const WorkloadStatement*> byId_;
    std::vector<Proposal> heuristics_;
    std::map<std::string, std::size_t> heuristicIndex_;
};

void PgAdvisor::connect() {
    const pg::ParsedTarget target = pg::parseTarget(options_.connect.target);
    secrets_ = target.secrets;
    context_.statementTimeoutMs = options_.connect.statementTimeoutMs;
    context_.lockTimeoutMs = options_.connect.lockTimeoutMs;
    context_.secrets = secrets_;
    const pg::SessionSettings settings{options_.connect.statementTimeoutMs,
                                       options_.connect.lockTimeoutMs,
                                       options_.connect.idleInTransactionTimeoutMs};
    try {
        conn_ = std::make_unique<pqxx::connection>(
            pg::buildConnInfo(target, options_.connect.connectTimeoutS, settings, true));
    } catch (const pqxx::broken_connection& e) {
        pg::ConnectFailure f;
        f.message = e.what();
        throw pg::classifyConnectFailure(f, secrets_, options_.connect.connectTimeoutS);
    }
    const pqxx::result ro = exec(pg::sql::kShowReadOnly);
    if (ro.empty() || text(ro[0][0]) != "on") {
        conn_.reset();
        throw EngineError(Kind::Connect,
                          "The advisor's session did not become read-only (transaction_read_only "
                          "is not on), so dbtriage stops here; check for a pooler or proxy that "
                          "drops start-up options.");
    }
    const pqxx::row db = exec(kDatabase).at(0);
    database_ = text(db[0]);
    advice_.statsReset = text(db[1]);
    hypo_ = !db[2].is_null();
    if (hypo_)
        hypoSchemaQ_ = quoteIdentPg(text(db[2]));
    else if (boolean(db[3]))
        addNote(advice_,
                say(DBT_TR("Advisor",
                           "HypoPG is available on the server but not created in database "
                           "\"%1\": the candidates below are heuristic. To validate them with "
                           "the planner, a database owner can run: CREATE EXTENSION hypopg; "
                           "(dbtriage never runs it)."),
                    {literal(database_)}));
    else
        addNote(advice_, say(DBT_TR("Advisor", "HypoPG is not installed on this server: the "
                                               "candidates are heuristic, not validated. Install "
                                               "the hypopg package and CREATE EXTENSION hypopg "
                                               "to validate them, or test on a clone.")));
}

const TableInfo* PgAdvisor::table(const TableUse& use) {
    const std::string key = use.schema + "." + use.table;
    auto it = tables_.find(key);
    if (it != tables_.end())
        return it->second ? &*it->second : nullptr;
    std::optional<TableInfo> info;
    const std::string name = (use.schema.empty() ? std::string() : quoteIdentPg(use.schema) + ".") +
                             quoteIdentPg(use.table);
    const pqxx::result t = execParams(kTable, name);
    if (!t.empty()) {
        TableInfo ti;
        const std::int64_t oid = int64(t[0][0]);
        ti.schema = text(t[0][1]);
        ti.name = text(t[0][2]);
        ti.rows = num(t[0][3]);
        ti.writes = int64(t[0][4]);
        ti.updates = int64(t[0][5]);
        ti.inserts = int64(t[0][8]);
        ti.modSinceAnalyze = int64(t[0][6]);
        ti.lastAnalyze = text(t[0][7]);
        for (const auto& r : execParams(kColumns, oid, ti.schema, ti.name)) {
            ColumnStats cs;
            cs.type = text(r[1]);
            cs.btreeOpclass = boolean(r[2]);
            cs.nDistinct = num(r[3]);
            cs.nullFrac = num(r[4]);
            cs.maxCommonFreq = num(r[5]);
            cs.known = boolean(r[6]);
            ti.columns[text(r[0])] = cs;
        }
        for (const auto& r : execParams(indexQuery("i.indrelid = $1::bigint::oid"), oid)) {
            const IndexDef d = indexRow(r);
            if (!d.valid)
                continue;
            ti.indexes.push_back({d.name, d.columns, d.unique, d.primary, d.partial, d.method});
        }
        bool anyStats = false;
        for (const auto& [n, c] : ti.columns)
            anyStats |= c.known;
        if (!anyStats)
            addNote(advice_, say(DBT_TR("Advisor", "No pg_stats rows are visible for %1 (never "
                                                   "analyzed, or the role may not read its "
                                                   "columns): equality columns keep the "
                                                   "statement's order."),
                                 {literal(ti.schema + "." + ti.name)}));
        info = std::move(ti);
    }
    it = tables_.emplace(key, std::move(info)).first;
    return it->second ? &*it->second : nullptr;
}

std::vector<Message> PgAdvisor::caveats(const Candidate& c) const {
    std::vector<Message> out;
    const TableInfo* info = nullptr;
    for (const auto& [k, t] : tables_)
        if (t && t->schema == c.schema && t->name == c.table)
            info = &*t;
    if (info) {
        // Inserts up to the table's size are its load; churn beyond that, updates and deletes
        // are what an index keeps paying for.
        const double churn = static_cast<double>(info->writes - info->inserts) +
                             std::max(0.0, static_cast<double>(info->inserts) - info->rows);
        if (churn >= std::max(1000.0, 0.2 * info->rows))
            out.push_back(say(DBT_TR("Advisor", "%1 takes many writes (%2 rows inserted, "
                                                "updated or deleted since the statistics "
                                                "reset): every index adds work to each of "
                                                "them."),
                              {literal(c.table), number(static_cast<double>(info->writes))}));
        if (info->lastAnalyze.empty())
            out.push_back(say(
                DBT_TR("Advisor", "%1 has never been analyzed: run ANALYZE %2 "
                                  "first; the estimates may change."),
                {literal(c.table), literal(quoteIdentPg(c.schema) + "." + quoteIdentPg(c.table))}));
        else if (info->modSinceAnalyze > std::max(1000.0, 0.1 * info->rows))
            out.push_back(say(DBT_TR("Advisor", "Statistics of %1 may be stale: %2 rows modified "
                                                "since the last analyze at %3."),
                              {literal(c.table), number(static_cast<double>(info->modSinceAnalyze)),
                               literal(info->lastAnalyze)}));
    }
    if (const auto u = updated_.find(c.schema + "." + c.table); u != updated_.end())
        for (const auto& col : c.columns)
            if (std::find(u->second.begin(), u->second.end(), col) != u->second.end())
                out.push_back(say(DBT_TR("Advisor", "Column %1 is updated by the workload: an "
                                                    "index on it turns those updates from HOT "
                                                    "into regular ones."),
                                  {literal(col)}));
    for (const auto& op : c.opclasses)
        if (op == "text_pattern_ops")
            out.push_back(say(DBT_TR("Advisor", "text_pattern_ops serves LIKE 'prefix%' but not "
                                                "<, > or ORDER BY in the database's "
                                                "collation.")));
    return out;
}

std::optional<double> PgAdvisor::equalityOnlySelectivity(const Candidate& c,
                                                         const QueryShape& shape) {
    for (const auto& use : shape.tables) {
        const TableInfo* info = table(use);
        if (!info || info->schema != c.schema || info->name != c.table)
            continue;
        double sel = 1;
        for (const auto& col : c.columns) {
            if (std::find(use.equality.begin(), use.equality.end(), col) == use.equality.end())
                return std::nullopt;
            const auto cs = info->columns.find(col);
            if (cs == info->columns.end() || !cs->second.known)
                return std::nullopt;
            sel *= equalitySelectivity(cs->second, info->rows);
        }
        return sel;
    }
    return std::nullopt;
}

void PgAdvisor::heuristic(const WorkloadStatement& st, const QueryShape& shape,
                          const std::string& plan, double before) {
    const json doc = json::parse(plan);
    for (const auto& use : shape.tables) {
        const TableInfo* info = table(use);
        if (!info || !seqScanOn(doc, info->schema, info->name))
            continue;
        // The most selective candidate whose estimated matches are a small share of the rows.
        const Candidate* best = nullptr;
        double bestSel = 1;
        std::vector<Candidate> cands = candidatesFor(use, info);
        for (const auto& c : cands) {
            double sel = 1;
            if (c.hintOnly)
                sel = 0.01;
            for (const auto& col : c.columns) {
                const auto cs = info->columns.find(col);
                if (std::find(use.equality.begin(), use.equality.end(), col) !=
                        use.equality.end() &&
                    cs != info->columns.end())
                    sel *= equalitySelectivity(cs->second, info->rows);
                else if (std::find(use.joinKeys.begin(), use.joinKeys.end(), col) !=
                             use.joinKeys.end() &&
                         cs != info->columns.end())
                    sel *= equalitySelectivity(cs->second, info->rows);
                else if (std::find(use.range.begin(), use.range.end(), col) != use.range.end())
                    sel *= 0.3;
            }
            if (info->rows >= 1000 && sel <= 0.05 && sel < bestSel * 0.9) {
                best = &c;
                bestSel = sel;
            }
        }
        if (!best)
            continue;
        const std::string key = best->key();
        auto it = heuristicIndex_.find(key);
        if (it == heuristicIndex_.end()) {
            Proposal p;
            p.candidate = *best;
            p.ddl = ddl(*best, Dialect::PostgreSQL);
            p.method = "heuristic";
            addCaveats(p, caveats(*best));
            addCaveat(p, say(DBT_TR("Advisor", "Heuristic, not validated: about %1 % of %2 rows "
                                               "match, and the current plan reads the table "
                                               "with a sequential scan. Validate with HypoPG "
                                               "(hypopg_create_index) or by creating it on a "
                                               "clone."),
                             {decimal(bestSel * 100.0, 'g', 2), number(info->rows)}));
            if (best->hintOnly)
                addCaveat(p, best->method == "gin_trgm"
                                 ? say(DBT_TR("Advisor", "Needs the pg_trgm extension."))
                                 : say(DBT_TR("Advisor",
                                              "A GIN index serves @>, not equality or ranges.")));
            heuristics_.push_back(std::move(p));
            it = heuristicIndex_.emplace(key, heuristics_.size() - 1).first;
        }
        heuristics_[it->second].statements.push_back(
            {st.id, st.share, st.calls, before, std::nullopt, false});
    }
}

void PgAdvisor::statement(const WorkloadStatement& st) {
    QueryShape shape = analyzeQuery(st.query);
    if (!shape.parsed) {
        addNote(advice_, say(DBT_TR("Advisor", "Statement %1 was skipped: it does not parse (%2)."),
                             {literal(st.id), literal(shape.error)}));
        return;
    }
    if (shape.tables.empty())
        return;
    for (const auto& use : shape.tables)
        table(use);
    shape = analyzeQuery(st.query, [this](const std::string& t) {
        std::vector<std::string> cols;
        for (const auto& [k, info] : tables_)
            if (info && (info->name == t))
                for (const auto& [c, s] : info->columns)
                    cols.push_back(c);
        return cols;
    });
    for (const auto& use : shape.tables)
        if (const TableInfo* info = table(use))
            for (const auto& u : use.updated)
                updated_[info->schema + "." + info->name].push_back(u);

    std::string plan;
    double before = 0;
    try {
        plan = explain(st.query);
        before = totalCost(plan);
    } catch (const pqxx::broken_connection&) {
        throw;
    } catch (const std::exception& e) {
        addNote(advice_, say(DBT_TR("Advisor", "Statement %1 was skipped: %2"),
                             {literal(st.id), literal(pg::explainFailure(e, context_).what())}));
        return;
    }
    ++advice_.statementsConsidered;
    if (before < options_.minCost)
        return;
    if (!hypo_) {
        heuristic(st, shape, plan, before);
        return;
    }

    std::vector<Candidate> cands;
    std::set<std::string> keys;
    for (const auto& use : shape.tables)
        if (const TableInfo* info = table(use))
            for (auto& c : candidatesFor(use, info))
                if (keys.insert(c.key()).second)
                    cands.push_back(std::move(c));
    std::vector<Tried> tried;
    int created = 0;
    for (const auto& c : cands) {
        if (c.hintOnly)
            continue;
        if (created >= options_.maxCandidatesPerStatement || cancelled())
            break;
        ++created;
        Tried t;
        t.candidate = c;
        try {
            exec(kTag + "SELECT " + hypoSchemaQ_ + ".hypopg_reset()");
            const pqxx::row h = execParams(kTag + "SELECT indexrelid::bigint, indexname FROM " +
                                               hypoSchemaQ_ + ".hypopg_create_index($1)",
                                           createIndexForHypo(c))
                                    .at(0);
            const std::int64_t oid = int64(h[0]);
            const std::string name = text(h[1]);
            const std::string after = explain(st.query);
            t.after = totalCost(after);
            // The plan is JSON: the name appears escaped (a quote in a table name is \").
            const std::string escaped = json(name).dump();
            t.uses = after.find(escaped.substr(1, escaped.size() - 2)) != std::string::npos;
            t.size = num(execParams(kTag + "SELECT " + hypoSchemaQ_ +
                                        ".hypopg_relation_size($1::bigint::oid)::float8",
                                    oid)
                             .at(0)[0]);
            tried.push_back(t);
        } catch (const pqxx::broken_connection&) {
            throw;
        } catch (const std::exception& e) {
            addNote(advice_,
                    say(DBT_TR("Advisor", "Candidate %1 for statement %2 could not be tried: %3"),
                        {literal(indexName(c)), literal(st.id),
                         literal(pg::explainFailure(e, context_).what())}));
        }
    }
    exec(kTag + "SELECT " + hypoSchemaQ_ + ".hypopg_reset()");

    double bestSingle = before;
    for (const auto& t : tried)
        if (t.uses && t.candidate.columns.size() == 1)
            bestSingle = std::min(bestSingle, t.after);
    for (const auto& t : tried) {
        if (!t.uses || !acceptSingle(before, t.after))
            continue;
        if (const auto sel = equalityOnlySelectivity(t.candidate, shape); sel && *sel > 0.2) {
            addNote(advice_,
                    say(DBT_TR("Advisor", "%1 was not proposed for statement %2: its "
                                          "columns match about %3 % of the rows, too "
                                          "many for an index to pay off beyond an "
                                          "index-only scan."),
                        {literal(indexName(t.candidate)), literal(st.id), number(*sel * 100.0)}));
            continue;
        }
        if (t.candidate.columns.size() > 1 && !acceptMulti(bestSingle, t.after))
            continue;
        Evaluated& e = evaluated_[t.candidate.key()];
        e.candidate = t.candidate;
        e.sizeBytes = t.size;
        e.effects.push_back({st.id, st.calls > 0 ? st.calls : 1, before, t.after});
    }
    // GIN / trigram hints when the table is read by a sequential scan.
    for (const auto& c : cands)
        if (c.hintOnly && seqScanOn(json::parse(plan), c.schema, c.table)) {
            const std::string key = c.key();
            if (!heuristicIndex_.count(key)) {
                Proposal p;
                p.candidate = c;
                p.ddl = ddl(c, Dialect::PostgreSQL);
                p.method = "heuristic";
                addCaveats(p, caveats(c));
                addCaveat(p, say(DBT_TR("Advisor", "%1; a hint, not validated (HypoPG's "
                                                   "validation here covers btree candidates)."),
                                 {reasonMessage(c)}));
                heuristics_.push_back(std::move(p));
                heuristicIndex_[key] = heuristics_.size() - 1;
            }
            heuristics_[heuristicIndex_[key]].statements.push_back(
                {st.id, st.share, st.calls, before, std::nullopt, false});
        }
}

Advice PgAdvisor::run(const std::vector<WorkloadStatement>& workload) {
    advice_.engine = "postgresql";
    connect();
    int otherDb = 0;
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
        if (!st.database.empty() && st.database != database_) {
            ++otherDb;
            continue;
        }
        byId_[st.id] = &st;
        try {
            statement(st);
        } catch (const pqxx::broken_connection& e) {
            throw EngineError(Kind::Lost,
                              std::string("The advisor's connection was lost (") +
                                  pg::scrubSecrets(pg::firstMessageLine(e.what()), secrets_) +
                                  "); reconnect and retry.");
        }
    }
    if (options_.progress)
        options_.progress(total, total, std::string());
    if (otherDb > 0)
        addNote(advice_, say(DBT_TR("Advisor", "%1 statement(s) of other databases were skipped: "
                                               "connect to each database to advise on its "
                                               "statements."),
                             {number(otherDb)}));

    std::vector<Evaluated> all;
    for (auto& [k, e] : evaluated_)
        all.push_back(e);
    for (const std::size_t i : chooseGreedy(all)) {
        const Evaluated& e = all[i];
        Proposal p;
        p.candidate = e.candidate;
        p.ddl = ddl(e.candidate, Dialect::PostgreSQL);
        p.method = "hypopg";
        p.sizeBytes = e.sizeBytes;
        for (const auto& f : e.effects) {
            const WorkloadStatement* s = byId_[f.statementId];
            p.statements.push_back({f.statementId, s ? s->share : 0, s ? s->calls : 0, f.costBefore,
                                    f.costAfter, true});
        }
        addCaveats(p, caveats(e.candidate));
        advice_.proposals.push_back(std::move(p));
    }
    for (auto& h : heuristics_)
        advice_.proposals.push_back(std::move(h));

    try {
        for (const auto& r : exec(kUnused))
            advice_.unused.push_back(
                {text(r[0]), text(r[1]), text(r[2]), int64(r[3]), int64(r[4]), text(r[5])});
        std::vector<IndexDef> defs;
        for (const auto& r : exec(indexQuery(
                 "n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE "
                 "'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp%'")))
            defs.push_back(indexRow(r));
        advice_.redundant = findRedundant(defs);
    } catch (const pqxx::broken_connection&) {
        throw EngineError(Kind::Lost, "The advisor's connection was lost while reading indexes; "
                                      "reconnect and retry.");
    } catch (const std::exception& e) {
        addNote(advice_,
                say(DBT_TR("Advisor", "Unused and redundant indexes could not be read: %1"),
                    {literal(pg::scrubSecrets(pg::firstMessageLine(e.what()), secrets_))}));
    }
    return advice_;
}

} // namespace

Advice advisePostgres(const AdvisorOptions& options,
                      const std::vector<WorkloadStatement>& workload) {
    PgAdvisor advisor(options);
    return advisor.run(workload);
}

} // namespace dbt::advisor
