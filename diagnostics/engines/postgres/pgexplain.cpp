#include "engines/postgres/pgexplain.h"

#include "engines/postgres/pgconninfo.h"
#include "engines/postgres/pgqueries.h"
#include "plans/plan.h"
#include "plans/statement.h"

#include <atomic>
#include <charconv>
#include <iterator>
#include <pqxx/connection_base>
#include <pqxx/except>
#include <pqxx/nontransaction>
#include <pqxx/result>
#include <string>
#include <unistd.h>
#include <vector>

namespace dbt::pg {

namespace {

using Kind = EngineError::Kind;

constexpr const char* kExplainJson = "/* dbtriage */ EXPLAIN (FORMAT JSON) ";
constexpr const char* kExplainAnalyze = "/* dbtriage */ EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ";
// Types tried, in order, for a parameter whose type PREPARE cannot infer.
constexpr const char* kGuessTypes[] = {"text", "numeric", "bigint", "timestamptz", "boolean"};
constexpr int kGuessCount = static_cast<int>(std::size(kGuessTypes));

std::string line(const std::exception& e, const ExplainContext& c) {
    return scrubSecrets(firstMessageLine(e.what()), c.secrets);
}

pqxx::result exec(pqxx::connection_base& conn, const std::string& statement) {
    pqxx::nontransaction tx(conn);
    // The extended protocol accepts exactly one statement: a text such as
    // "SELECT 1; SET default_transaction_read_only = off" is refused whole.
    pqxx::result r = tx.exec_params(statement);
    tx.commit();
    return r;
}

// BEGIN READ ONLY with the timeouts (and search_path) as SET LOCAL; body(); ROLLBACK.
// prepared: set by body once a prepared statement exists; it is deallocated after the
// ROLLBACK (prepared statements are not transactional, and DEALLOCATE fails inside an
// aborted transaction). A failed clean-up becomes broken_connection: the caller must drop
// the connection rather than reuse it in an unknown state.
template<typename Body>
std::string inReadOnlyTransaction(pqxx::connection_base& conn, const ExplainContext& c,
                                  const std::string& searchPath, std::string* preparedName,
                                  Body&& body) {
    bool open = false;
    auto cleanUp = [&] {
        try {
            if (open) {
                open = false;
                exec(conn, sql::kRollback);
            }
            if (preparedName && !preparedName->empty()) {
                const std::string name = *preparedName;
                preparedName->clear();
                exec(conn, std::string(sql::kTag) + "DEALLOCATE " + name);
            }
        } catch (const std::exception& e) {
            throw pqxx::broken_connection("could not roll back or deallocate after EXPLAIN (" +
                                          line(e, c) + ")");
        }
    };
    try {
        {
            pqxx::nontransaction tx(conn);
            tx.exec(sql::kBeginReadOnly);
            open = true;
            const std::string set =
                std::string(sql::kTag) +
                "SELECT set_config('statement_timeout', $1, true), "
                "set_config('lock_timeout', $2, true), "
                "set_config('plan_cache_mode', 'force_generic_plan', true)" +
                (searchPath.empty() ? std::string() : ", set_config('search_path', $3, true)");
            if (searchPath.empty())
                tx.exec_params(set, std::to_string(c.statementTimeoutMs),
                               std::to_string(c.lockTimeoutMs));
            else
                tx.exec_params(set, std::to_string(c.statementTimeoutMs),
                               std::to_string(c.lockTimeoutMs), searchPath);
            tx.commit();
        }
        std::string plan = body();
        cleanUp();
        return plan;
    } catch (...) {
        cleanUp();
        throw;
    }
}

std::string planOf(const pqxx::result& r) {
    if (r.empty() || r[0][0].is_null())
        throw EngineError(Kind::Query, phrase(DBT_TR("Engine", "EXPLAIN returned no plan.")));
    return std::string(r[0][0].c_str(), r[0][0].size());
}

std::string uniqueName() {
    static std::atomic<unsigned> counter{0};
    return "dbtriage_explain_" + std::to_string(::getpid()) + "_" +
           std::to_string(counter.fetch_add(1) + 1);
}

// "could not determine data type of parameter $3" -> 3
int parameterInMessage(const std::string& message) {
    const auto at = message.find("parameter $");
    if (at == std::string::npos)
        return 0;
    int n = 0;
    const char* b = message.data() + at + 11;
    std::from_chars(b, message.data() + message.size(), n);
    return n;
}

std::string typeList(const std::vector<int>& guess) {
    std::string s;
    for (size_t i = 0; i < guess.size(); ++i)
        s += (i ? ", " : "") + std::string(guess[i] < 0 ? "unknown" : kGuessTypes[guess[i]]);
    return s;
}

// The next guess after PREPARE failed with e; false when there is nothing left to try.
bool nextGuess(const pqxx::sql_error& e, std::vector<int>& guess) {
    const std::string& state = e.sqlstate();
    if (state == "42P18") { // could not determine data type of parameter $n
        const int n = parameterInMessage(e.what());
        if (n <= 0 || n > static_cast<int>(guess.size()))
            return false;
        int& g = guess[static_cast<size_t>(n - 1)];
        if (g + 1 >= kGuessCount)
            return false;
        ++g;
        return true;
    }
    if (state == "42725" || state == "42883" || state == "42804") {
        // operator is not unique (unknown || unknown), does not exist, or a type mismatch:
        // type the open parameters as text first, then move the guessed ones on.
        bool changed = false;
        for (int& g : guess)
            if (g < 0) {
                g = 0;
                changed = true;
            }
        if (changed)
            return true;
        for (int& g : guess)
            if (g + 1 < kGuessCount) {
                ++g;
                changed = true;
            }
        return changed;
    }
    return false;
}

} // namespace

bool explainConnectionGone(const std::exception& e) {
    if (dynamic_cast<const pqxx::broken_connection*>(&e))
        return true;
    if (const auto* s = dynamic_cast<const pqxx::sql_error*>(&e)) {
        const std::string& state = s->sqlstate();
        return state.rfind("08", 0) == 0 || state == "57P01" || state == "57P02" ||
               state == "57P03";
    }
    return false;
}

EngineError explainFailure(const std::exception& e, const ExplainContext& c) {
    if (const auto* engine = dynamic_cast<const EngineError*>(&e))
        return *engine;
    const auto* s = dynamic_cast<const pqxx::sql_error*>(&e);
    const std::string state = s ? s->sqlstate() : std::string();
    const auto fail = [](const char* context, const char* text, std::vector<Message> args) {
        return EngineError(Kind::Query, phrase(context, text, std::move(args)));
    };
    if (state == "55P03")
        return fail(DBT_TR("Engine", "EXPLAIN gave up after the lock timeout (%1 ms): another "
                                     "session holds a conflicting lock on a table of the "
                                     "statement. Look at the lock waits, then retry."),
                    {literal(std::to_string(c.lockTimeoutMs))});
    if (state == "57014")
        return fail(DBT_TR("Engine", "EXPLAIN was cancelled by the statement timeout (%1 ms). "
                                     "Retry when the server is less busy."),
                    {literal(std::to_string(c.statementTimeoutMs))});
    const Message detail = literal(line(e, c));
    // libpqxx 6.4 throws insufficient_privilege without its SQLSTATE.
    if (state == "42501" || dynamic_cast<const pqxx::insufficient_privilege*>(&e))
        return fail(DBT_TR("Engine", "EXPLAIN failed: %1. Grant the role the rights to read the "
                                     "statement's tables, or explain as a role that has them."),
                    {detail});
    if (state == "25006")
        return fail(DBT_TR("Engine", "EXPLAIN stopped: %1 (dbtriage runs EXPLAIN read-only, so "
                                     "a statement that writes, also inside a function, is "
                                     "stopped)."),
                    {detail});
    if (state == "42601" || state == "42P01" || state == "3F000" || state == "42703")
        return fail(DBT_TR("Engine", "EXPLAIN failed: %1. Check the statement, its database and "
                                     "the search_path."),
                    {detail});
    if (!s)
        return fail(DBT_TR("Engine", "EXPLAIN failed: %1."), {detail});
    return fail(DBT_TR("Engine", "EXPLAIN failed: %1. Check the statement."), {detail});
}

namespace {

ExplainResult explainUnmapped(pqxx::connection_base& conn, const ExplainRequest& request,
                              const ExplainContext& c) {
    ExplainResult result;
    result.dialect = std::string(plans::dialectName(plans::Dialect::PostgresJson));
    result.explained = request.sql;
    const plans::PgStatement st = plans::inspectPostgres(request.sql);

    if (request.analyze) {
        if (!st.plainSelect)
            throw EngineError(Kind::Query, st.refusal);
        if (st.highestParam > 0)
            throw EngineError(
                Kind::Query,
                phrase(DBT_TR("Engine", "EXPLAIN ANALYZE needs values for $1..$%1, and dbtriage "
                                        "does not invent them; explain without ANALYZE for a "
                                        "generic plan, or put real values in."),
                       {literal(std::to_string(st.highestParam))}));
        result.plan = inReadOnlyTransaction(conn, c, request.searchPath, nullptr, [&] {
            return planOf(exec(conn, kExplainAnalyze + request.sql));
        });
        result.analyzed = true;
        addNote(result, phrase(DBT_TR("Engine", "EXPLAIN ANALYZE ran the SELECT inside a "
                                                "read-only transaction that was rolled back.")));
        return result;
    }

    if (st.highestParam == 0) {
        result.plan = inReadOnlyTransaction(conn, c, request.searchPath, nullptr, [&] {
            return planOf(exec(conn, kExplainJson + request.sql));
        });
        return result;
    }

    // A generic plan: PREPARE, then EXPLAIN EXECUTE with NULL for every parameter.
    std::string body = request.sql;
    bool rewritten = false;
    result.explained = body;
    const int n = st.highestParam;
    std::string nulls;
    for (int i = 0; i < n; ++i)
        nulls += i ? ", NULL" : "NULL";
    std::vector<int> guess(static_cast<size_t>(n), -1); // -1: let PREPARE infer
    for (int attempt = 0;; ++attempt) {
        std::string prepared;
        const std::string name = uniqueName();
        try {
            result.plan = inReadOnlyTransaction(conn, c, request.searchPath, &prepared, [&] {
                exec(conn, std::string(sql::kTag) + "PREPARE " + name + "(" + typeList(guess) +
                               ") AS " + body);
                prepared = name;
                return planOf(
                    exec(conn, std::string(kExplainJson) + "EXECUTE " + name + "(" + nulls + ")"));
            });
            break;
        } catch (const pqxx::sql_error& e) {
            if (explainConnectionGone(e) || attempt + 1 >= c.maxTypeRetries)
                throw;
            if (e.sqlstate() == "42601" && !rewritten) {
                // A syntax error the server's grammar has for normalised texts, such as
                // interval $1 (libpg_query accepts it): print the statement back through
                // libpg_query with literals in place of the parameters.
                rewritten = true;
                const plans::ParamRewrite rw = plans::rewritePostgresParams(body);
                if (!rw.ok || rw.sql == body)
                    throw;
                body = rw.sql;
                result.explained = body;
                addNote(result,
                        phrase(DBT_TR("Engine", "Rewrote the statement so that PREPARE accepts "
                                                "it (parsed and printed back by libpg_query, "
                                                "e.g. interval $1 becomes $1::interval).")));
                continue;
            }
            if (!nextGuess(e, guess))
                throw;
        }
    }
    result.genericPlan = true;
    addNote(result,
            phrase(DBT_TR("Engine", "Generic plan: planned without parameter values (PREPARE "
                                    "with plan_cache_mode = force_generic_plan, EXECUTE with NULL "
                                    "for $1..$%1), so row estimates use average selectivities."),
                   {literal(std::to_string(n))}));
    bool guessed = false;
    for (int g : guess)
        guessed = guessed || g >= 0;
    if (guessed)
        addNote(result, phrase(DBT_TR("Engine", "PREPARE could not infer every parameter type; "
                                                "dbtriage used (%1)."),
                               {literal(typeList(guess))}));
    return result;
}

} // namespace

ExplainResult explainOn(pqxx::connection_base& conn, const ExplainRequest& request,
                        const ExplainContext& c) {
    try {
        return explainUnmapped(conn, request, c);
    } catch (const EngineError&) {
        throw;
    } catch (const pqxx::broken_connection&) {
        throw;
    } catch (const std::exception& e) {
        if (explainConnectionGone(e))
            throw pqxx::broken_connection(e.what());
        throw explainFailure(e, c);
    }
}

} // namespace dbt::pg
