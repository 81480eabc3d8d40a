// Wall time of a whole-workload index advice over the top 50 statements on the sandbox
// PostgreSQL, with the number of EXPLAINs it sent and the candidates it found. Prints
// figures; asserts nothing.
//
// Usage: build/dev/bench/advise [--rows N] [--top N]
//   The sandbox's URIs come from DBTRIAGE_PG_ADMIN_URI and DBTRIAGE_PG_MONITOR_URI (source the
//   env file of `scripts/sandbox start`). Creates the schema advbench (4 tables of N rows,
//   default 100,000), runs 52 distinct statements with $n parameters (PQexecParams, so
//   pg_stat_statements holds them as the advisor meets them), advises on the top ones through
//   the monitoring role (HypoPG where the extension exists in the database), drops the schema.
#include "advisor/advisor.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <libpq-fe.h>
#include <random>
#include <string>
#include <vector>

using namespace dbt;
using namespace dbt::advisor;

namespace {

std::string env(const char* name) {
    const char* v = std::getenv(name);
    return v ? std::string(v) : std::string();
}

PGconn* connectTo(const std::string& uri) {
    const char* keys[] = {"dbname", nullptr};
    const char* vals[] = {uri.c_str(), nullptr};
    PGconn* c = PQconnectdbParams(keys, vals, 1);
    if (PQstatus(c) != CONNECTION_OK) {
        std::fprintf(stderr, "advise bench: cannot connect: %s", PQerrorMessage(c));
        std::exit(2);
    }
    return c;
}

bool exec(PGconn* c, const std::string& sql) {
    PGresult* r = PQexec(c, sql.c_str());
    const auto st = PQresultStatus(r);
    const bool ok = st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK;
    if (!ok)
        std::fprintf(stderr, "advise bench: %s\n", PQresultErrorMessage(r));
    PQclear(r);
    return ok;
}

struct Template {
    std::string sql; // %T: the table, %U: the next table
    int params;
};

// Per table: selective and non-selective equalities, pairs, ranges, ORDER BY ... LIMIT, a join.
const std::vector<Template> kTemplates = {
    {"SELECT id, e FROM advbench.%T WHERE a = $1", 1},
    {"SELECT id, a FROM advbench.%T WHERE b = $1", 1},
    {"SELECT id, a FROM advbench.%T WHERE c = $1", 1},
    {"SELECT id, b FROM advbench.%T WHERE e = $1", 1},
    {"SELECT id, b FROM advbench.%T WHERE f = $1", 1},
    {"SELECT id FROM advbench.%T WHERE a = $1 AND b = $2", 2},
    {"SELECT id, e FROM advbench.%T WHERE b = $1 AND d > $2 ORDER BY d LIMIT 20", 2},
    {"SELECT id, e FROM advbench.%T WHERE f = $1 ORDER BY d DESC LIMIT 10", 1},
    {"SELECT id FROM advbench.%T WHERE c = $1 AND f = $2", 2},
    {"SELECT count(*) FROM advbench.%T WHERE d > $1 AND d < $2", 2},
    {"SELECT count(*) FROM advbench.%T WHERE b = $1 AND c = $2", 2},
    {"SELECT id FROM advbench.%T WHERE a IN ($1, $2, $3)", 3},
    {"SELECT x.id, y.e FROM advbench.%T x JOIN advbench.%U y ON y.f = x.a WHERE x.b = $1", 1},
};

std::string param(const std::string& sql, int index, std::mt19937& rng) {
    // The column the parameter is compared with decides its value.
    const std::string marker = "$" + std::to_string(index);
    const auto at = sql.find(marker);
    const std::string before = sql.substr(0, at);
    const char column = before.size() >= 4 ? before[before.size() - 4] : 'a';
    std::uniform_int_distribution<int> any(0, 99999);
    switch (column) {
    case 'b':
        return std::to_string(any(rng) % 100);
    case 'c':
        return std::to_string(any(rng) % 10);
    case 'f':
        return std::to_string(any(rng) % 1000);
    case 'd':
        return index == 1 && sql.find("d < $2") != std::string::npos ? "2026-01-10" : "2026-02-01";
    case 'e':
        return "e" + std::to_string(any(rng) % 50000);
    default:
        return std::to_string(any(rng) % 10000);
    }
}

std::string replaceAll(std::string s, const std::string& from, const std::string& to) {
    for (std::size_t at = 0; (at = s.find(from, at)) != std::string::npos; at += to.size())
        s.replace(at, from.size(), to);
    return s;
}

} // namespace

int main(int argc, char** argv) {
    int rows = 100000;
    int top = 50;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string a = argv[i];
        if (a == "--rows")
            rows = std::atoi(argv[i + 1]);
        else if (a == "--top")
            top = std::atoi(argv[i + 1]);
    }
    const std::string admin = env("DBTRIAGE_PG_ADMIN_URI");
    const std::string monitor = env("DBTRIAGE_PG_MONITOR_URI");
    if (admin.empty() || monitor.empty()) {
        std::fprintf(stderr, "advise bench: set DBTRIAGE_PG_ADMIN_URI and DBTRIAGE_PG_MONITOR_URI "
                             "(source the env file of scripts/sandbox start).\n");
        return 2;
    }
    PGconn* c = connectTo(admin);
    std::string setup = "SET client_min_messages = warning; DROP SCHEMA IF EXISTS advbench "
                        "CASCADE; CREATE SCHEMA advbench;";
    for (int t = 0; t < 4; ++t) {
        const std::string name = "advbench.t" + std::to_string(t);
        setup += "CREATE TABLE " + name +
                 " (id bigserial PRIMARY KEY, a int, b int, c int, d timestamptz, e text, f "
                 "int); INSERT INTO " +
                 name +
                 " (a, b, c, d, e, f) SELECT (g * 7919) % 10000, g % 100, g % 10, "
                 "'2026-01-01'::timestamptz + (g % 100000) * interval '1 minute', 'e' || (g % "
                 "50000), (g * 31) % 1000 FROM generate_series(1, " +
                 std::to_string(rows) + ") g; ANALYZE " + name + ";";
    }
    setup += "GRANT USAGE ON SCHEMA advbench TO dbtriage_monitor; GRANT SELECT ON ALL TABLES IN "
             "SCHEMA advbench TO dbtriage_monitor; SELECT pg_stat_statements_reset();";
    if (!exec(c, setup))
        return 2;

    std::mt19937 rng(42);
    int executed = 0;
    for (int t = 0; t < 4; ++t)
        for (const auto& tpl : kTemplates) {
            std::string sql = replaceAll(tpl.sql, "%T", "t" + std::to_string(t));
            sql = replaceAll(sql, "%U", "t" + std::to_string((t + 1) % 4));
            for (int rep = 0; rep < 3; ++rep) {
                std::vector<std::string> values;
                for (int p = 1; p <= tpl.params; ++p)
                    values.push_back(param(sql, p, rng));
                std::vector<const char*> ptrs;
                for (const auto& v : values)
                    ptrs.push_back(v.c_str());
                PGresult* r = PQexecParams(c, sql.c_str(), tpl.params, nullptr, ptrs.data(),
                                           nullptr, nullptr, 0);
                if (PQresultStatus(r) != PGRES_TUPLES_OK)
                    std::fprintf(stderr, "advise bench: %s: %s", sql.c_str(),
                                 PQresultErrorMessage(r));
                PQclear(r);
                ++executed;
            }
        }

    std::vector<WorkloadStatement> workload;
    double total = 0;
    PGresult* r = PQexec(c, ("SELECT queryid, calls, total_exec_time, query FROM "
                             "pg_stat_statements WHERE query LIKE '%advbench.t%' AND query NOT "
                             "LIKE '%pg_stat_statements%' AND query NOT LIKE '%CREATE%' AND "
                             "toplevel ORDER BY total_exec_time DESC LIMIT " +
                             std::to_string(top))
                                .c_str());
    for (int i = 0; PQresultStatus(r) == PGRES_TUPLES_OK && i < PQntuples(r); ++i) {
        WorkloadStatement w;
        w.id = PQgetvalue(r, i, 0);
        w.calls = std::atof(PQgetvalue(r, i, 1));
        w.totalTimeMs = std::atof(PQgetvalue(r, i, 2));
        w.query = PQgetvalue(r, i, 3);
        total += w.totalTimeMs;
        workload.push_back(w);
    }
    PQclear(r);
    for (auto& w : workload)
        w.share = total > 0 ? w.totalTimeMs / total : 0;

    AdvisorOptions options;
    options.connect.target = monitor;
    options.connect.statementTimeoutMs = 30000;
    const auto start = std::chrono::steady_clock::now();
    Advice advice;
    try {
        advice = advise(options, workload);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "advise bench: %s\n", e.what());
        exec(c, "DROP SCHEMA IF EXISTS advbench CASCADE");
        PQfinish(c);
        return 3;
    }
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    int hypo = 0;
    int multi = 0;
    for (const auto& p : advice.proposals) {
        hypo += p.method == "hypopg";
        multi += p.candidate.columns.size() > 1;
    }
    std::printf("tables: 4 x %d rows; statements run: %d (%zu distinct in the workload)\n", rows,
                executed, workload.size());
    std::printf("advice over the top %zu statements: %.2f s wall time\n", workload.size(), seconds);
    std::printf("EXPLAINs: %d (%.1f per statement, %.1f ms each on average)\n", advice.explains,
                workload.empty() ? 0.0 : double(advice.explains) / double(workload.size()),
                advice.explains ? seconds * 1000.0 / advice.explains : 0.0);
    std::printf("statements considered: %d; candidates chosen: %zu (%d validated with HypoPG, %d "
                "multi-column); notes: %zu\n",
                advice.statementsConsidered, advice.proposals.size(), hypo, multi,
                advice.notes.size());
    for (const auto& p : advice.proposals) {
        std::string cols;
        for (const auto& col : p.candidate.columns)
            cols += (cols.empty() ? "" : ", ") + col;
        std::printf("  %s (%s) [%s], %zu statement(s)\n", p.candidate.table.c_str(), cols.c_str(),
                    p.method.c_str(), p.statements.size());
    }
    exec(c, "DROP SCHEMA IF EXISTS advbench CASCADE");
    PQfinish(c);
    return 0;
}
