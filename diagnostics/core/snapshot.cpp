#include "snapshot.h"

#include <algorithm>

namespace dbt {

const char* engineName(Engine e) {
    switch (e) {
    case Engine::PostgreSQL:
        return "postgresql";
    case Engine::MySQL:
        return "mysql";
    case Engine::MariaDB:
        return "mariadb";
    }
    return "postgresql";
}

namespace {
std::string lowered(const std::string& s) {
    std::string out = s;
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) {
        return static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    });
    return out;
}
} // namespace

std::optional<Engine> engineFromName(const std::string& name) {
    const std::string n = lowered(name);
    if (n == "postgresql" || n == "postgres")
        return Engine::PostgreSQL;
    if (n == "mysql")
        return Engine::MySQL;
    if (n == "mariadb")
        return Engine::MariaDB;
    return std::nullopt;
}

const char* severityName(Severity s) {
    switch (s) {
    case Severity::Info:
        return "info";
    case Severity::Warning:
        return "warning";
    case Severity::Critical:
        return "critical";
    }
    return "info";
}

std::optional<Severity> severityFromName(const std::string& name) {
    const std::string n = lowered(name);
    if (n == "info")
        return Severity::Info;
    if (n == "warning")
        return Severity::Warning;
    if (n == "critical")
        return Severity::Critical;
    return std::nullopt;
}

bool Snapshot::partial() const {
    return std::any_of(probes.begin(), probes.end(), [](const ProbeNote& p) { return p.failed(); });
}

const Session* Snapshot::session(std::int64_t pid) const {
    for (const Session& s : sessions) {
        if (s.pid == pid)
            return &s;
    }
    return nullptr;
}

} // namespace dbt
