// The index advisor's entry point for every engine: PostgreSQL (HypoPG validation where the
// extension is installed, heuristic otherwise) and MySQL / MariaDB (heuristic, never
// validated). Same options, same Advice value, so the CLI, the bundle and the GUI panel call
// this one function. Blocking: run it off the GUI thread (options.progress / options.cancelled
// report and stop it). Nothing is ever created, altered or dropped.
#pragma once

#include "advisor/advice.h"
#include "advisor/pgadvisor.h"

#include <vector>

namespace dbt::advisor {

// The engine the target names: mysql:// and mariadb:// are MySQL / MariaDB (told apart once
// connected), anything else PostgreSQL.
bool isMysqlTarget(const std::string& target);

// Throws EngineError for connection failures; statement-level failures become notes.
Advice advise(const AdvisorOptions& options, const std::vector<WorkloadStatement>& workload);

} // namespace dbt::advisor
