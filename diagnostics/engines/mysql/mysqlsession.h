#pragma once

#include "engines/engine.h"

namespace dbt {
// MySQL 8 / MariaDB 10.x monitoring session on the MySQL C API (MariaDB Connector/C).
std::unique_ptr<EngineSession> makeMysqlSession(const ConnectOptions& options);
} // namespace dbt
