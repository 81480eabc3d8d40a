// Shared pieces of the live tests: the sandbox's connection strings and a bare libpq
// connection for set-up and workload (never the tool's own session).
#pragma once

#include <cstdlib>
#include <fstream>
#include <libpq-fe.h>
#include <map>
#include <regex>
#include <string>

namespace dbt::test {

// The sandbox env file (DBTRIAGE_SANDBOX_ENV, lines "export NAME='value'") read once;
// DBTRIAGE_PG_ADMIN_URI and DBTRIAGE_PG_MONITOR_URI from the process environment win.
inline std::map<std::string, std::string>& sandboxEnvMap() {
    static std::map<std::string, std::string> values;
    return values;
}

inline void loadSandboxEnv() {
    auto& values = sandboxEnvMap();
    if (const char* file = std::getenv("DBTRIAGE_SANDBOX_ENV")) {
        std::ifstream in(file);
        std::string line;
        const std::regex re(R"(^\s*(?:export\s+)?([A-Z0-9_]+)='?([^']*)'?\s*$)");
        std::smatch m;
        while (std::getline(in, line))
            if (std::regex_match(line, m, re))
                values[m[1]] = m[2];
    }
    for (const char* name : {"DBTRIAGE_PG_ADMIN_URI", "DBTRIAGE_PG_MONITOR_URI"})
        if (const char* v = std::getenv(name))
            values[name] = v;
}

inline std::string sandboxEnv(const char* name) {
    const auto& values = sandboxEnvMap();
    const auto it = values.find(name);
    return it == values.end() ? std::string() : it->second;
}

class RawPg {
public:
    RawPg(const std::string& uri, const char* applicationName) {
        const char* keys[] = {"dbname", "application_name", nullptr};
        const char* vals[] = {uri.c_str(), applicationName, nullptr};
        conn_ = PQconnectdbParams(keys, vals, 1);
    }
    ~RawPg() {
        if (conn_)
            PQfinish(conn_);
    }
    RawPg(const RawPg&) = delete;
    RawPg& operator=(const RawPg&) = delete;
    bool ok() const { return conn_ && PQstatus(conn_) == CONNECTION_OK; }
    std::string error() const { return conn_ ? PQerrorMessage(conn_) : "no connection"; }
    // Runs `sql`; false with the server's message in last().
    bool exec(const std::string& sql) {
        PGresult* r = PQexec(conn_, sql.c_str());
        const auto st = PQresultStatus(r);
        const bool good = st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK;
        if (!good)
            last_ = PQresultErrorMessage(r);
        PQclear(r);
        return good;
    }
    const std::string& last() const { return last_; }
    // The first column of the first row, or "" (also on an error).
    std::string value(const std::string& sql) {
        PGresult* r = PQexec(conn_, sql.c_str());
        std::string out;
        if (PQresultStatus(r) == PGRES_TUPLES_OK && PQntuples(r) > 0)
            out = PQgetvalue(r, 0, 0);
        PQclear(r);
        return out;
    }

private:
    PGconn* conn_ = nullptr;
    std::string last_;
};

} // namespace dbt::test
