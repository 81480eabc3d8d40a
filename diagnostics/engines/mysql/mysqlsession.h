#pragma once

#include "engines/engine.h"
#include "engines/mysql/mysqlrows.h"

namespace dbt {
// MySQL 8 / MariaDB 10.x monitoring session on the MySQL C API (MariaDB Connector/C).
std::unique_ptr<EngineSession> makeMysqlSession(const ConnectOptions& options);
// A read-only statement (SELECT or SHOW; anything else is refused) on a connected session made
// by makeMysqlSession: tagged "/* dbtriage */", within the session's timeouts. For the index
// advisor. Throws EngineError(Query) with the server's message (and error number), or
// EngineError(Lost) when the connection broke.
mysql::Rows mysqlReadQuery(EngineSession& session, const std::string& sql);
} // namespace dbt
