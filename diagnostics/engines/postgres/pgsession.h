#pragma once

#include "engines/engine.h"

namespace dbt {
// PostgreSQL 12-17 monitoring session on libpqxx 6.4.
std::unique_ptr<EngineSession> makePostgresSession(const ConnectOptions& options);
} // namespace dbt
