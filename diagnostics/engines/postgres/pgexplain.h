// EXPLAIN on any open libpqxx connection, safely: generic plans for statements with $n
// parameters (PREPARE + force_generic_plan + EXPLAIN EXECUTE name(NULL, ...)), plain
// EXPLAIN otherwise, EXPLAIN ANALYZE only for a plain SELECT without parameters. Everything
// runs inside BEGIN READ ONLY ... ROLLBACK with SET LOCAL statement and lock timeouts, every
// statement tagged "/* dbtriage */", and a prepared statement is always deallocated (they
// survive ROLLBACK).
//
// PgSession::explain() uses it on its monitoring connection; the index advisor calls it on
// its own connection (with HypoPG's hypothetical indexes in place).
#pragma once

#include "engines/engine.h"

#include <exception>
#include <string>
#include <vector>

namespace pqxx {
class connection_base;
}

namespace dbt::pg {

struct ExplainContext {
    int statementTimeoutMs = 5000;    // SET LOCAL statement_timeout for the transaction
    int lockTimeoutMs = 500;          // SET LOCAL lock_timeout
    std::vector<std::string> secrets; // scrubbed from every error message
    int maxTypeRetries = 6;           // PREPARE attempts with guessed parameter types
};

// Runs request on conn, which must be open and not inside a transaction block. Ignores
// request.database (the caller connects to the right database first). Throws:
//  * EngineError(Query) with one sentence for a refused ANALYZE, a syntax error, a lock or
//    statement timeout, a missing permission, or a parameter type that could not be found;
//  * pqxx::broken_connection when the connection went away (the caller decides what that
//    means for its session).
// The transaction is rolled back and the prepared statement deallocated on every path; if
// even that fails, the exception is rethrown and the connection should be dropped.
ExplainResult explainOn(pqxx::connection_base& conn, const ExplainRequest& request,
                        const ExplainContext& context);

// One sentence for an exception thrown while explaining (lock timeout, statement timeout,
// syntax error, permission, anything else), as EngineError(Query).
EngineError explainFailure(const std::exception& e, const ExplainContext& context);

// True when a server error means the connection is gone (SQLSTATE class 08, 57P01-03).
bool explainConnectionGone(const std::exception& e);

} // namespace dbt::pg
