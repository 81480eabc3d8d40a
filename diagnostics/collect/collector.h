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
    // Statement counters (pg_stat_statements, performance_schema digests) are the costliest
    // probe: read at most this often; the samples in between carry the last values read
    // (Snapshot::statementsFresh false). 0 reads them at every sample.
    int statementIntervalMs = 10000;
};

// When a sample reads the statement counters.
enum class StatementRead {
    WhenDue, // the first sample, then once statementIntervalMs have passed
    Fresh,   // this sample (e.g. the last sample of a recording, whose window ends there)
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
    SnapshotPtr sample(StatementRead read = StatementRead::WhenDue);

    const ServerInfo& server() const { return server_; }
    const std::vector<Finding>& preflight() const { return preflight_; }
    const CollectorOptions& options() const { return options_; }

    // A statement's text as the server gave it (pg_stat_statements and digests normalise it
    // already), before the collector redacted it again, for EXPLAIN and the advisor ("" when
    // redaction is off or the statement is unknown). In memory only: never shown or written.
    std::string serverStatementText(const std::string& id, const std::string& database) const;

private:
    void redact(Snapshot& snapshot);
    static void dropOwnStatements(Snapshot& snapshot);

    CollectorOptions options_;
    std::unique_ptr<EngineSession> engine_;
    ServerInfo server_;
    std::vector<Finding> preflight_;
    std::unordered_map<std::string, std::string> statementTextCache_; // id -> redacted
    std::unordered_map<std::string, std::string> serverTexts_;        // id -> as read
    // the last statement counters read (redacted), carried into the samples in between
    std::vector<StatementStat> lastStatements_;
    std::vector<ProbeNote> lastStatementProbes_;
    Micros lastStatementsAt_ = 0;           // collectedAt of the sample that read them; 0: none yet
    std::int64_t lastStatementsSteady_ = 0; // steady clock, ms
};

} // namespace dbt
