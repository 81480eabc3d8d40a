// One monitored instance: the engine session plus redaction and analysis. Synchronous;
// used directly by the CLI and wrapped by Sampler for the GUI's worker thread. Not
// thread-safe: one thread owns a Collector.
#pragma once

#include "engines/engine.h"
#include "findings.h"
#include "snapshot.h"

#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

namespace dbt {

struct CollectorOptions {
    ConnectOptions connect;
    FindingOptions findings;
};

class Collector {
public:
    explicit Collector(CollectorOptions options);
    ~Collector();
    Collector(const Collector&) = delete;
    Collector& operator=(const Collector&) = delete;

    // Connects (again). Throws EngineError with a sentence for the user.
    const ServerInfo& connect();
    bool connected() const;
    void disconnect();

    // One redacted, analysed snapshot. When the connection was lost it reconnects first.
    // Throws EngineError (Lost, Connect, Auth) when the server cannot be reached.
    SnapshotPtr sample();

    const ServerInfo& server() const { return server_; }
    const std::vector<Finding>& preflight() const { return preflight_; }
    const CollectorOptions& options() const { return options_; }

private:
    void redact(Snapshot& snapshot);
    static void dropOwnStatements(Snapshot& snapshot);

    CollectorOptions options_;
    std::unique_ptr<EngineSession> engine_;
    ServerInfo server_;
    std::vector<Finding> preflight_;
    std::unordered_map<std::string, std::string> statementTextCache_; // id -> redacted
};

} // namespace dbt
