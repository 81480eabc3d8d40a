#include "collect/collector.h"

#include "analysis.h"
#include "redact.h"
#include "timefmt.h"

#include <algorithm>
#include <chrono>

#ifndef DBTRIAGE_VERSION
#define DBTRIAGE_VERSION "0"
#endif

namespace dbt {

Collector::Collector(CollectorOptions options)
    : options_(std::move(options)) {}

Collector::~Collector() = default;

const ServerInfo& Collector::connect() {
    if (engine_)
        engine_->disconnect();
    engine_ = openEngine(options_.connect);
    server_ = engine_->connect();
    preflight_ = engine_->preflightFindings();
    return server_;
}

bool Collector::connected() const {
    return engine_ && engine_->connected();
}

void Collector::disconnect() {
    if (engine_)
        engine_->disconnect();
}

namespace {

std::int64_t steadyMs() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

bool isStatementProbe(const ProbeNote& p) {
    return p.probe == "statements" || p.probe == "statement-texts";
}

} // namespace

SnapshotPtr Collector::sample(StatementRead read) {
    if (!connected())
        connect();
    auto snapshot = std::make_shared<Snapshot>();
    snapshot->server = server_;
    snapshot->toolVersion = DBTRIAGE_VERSION;
    const std::int64_t steadyNow = steadyMs();
    const bool due = read == StatementRead::Fresh || lastStatementsAt_ == 0 ||
                     options_.statementIntervalMs <= 0 ||
                     steadyNow - lastStatementsSteady_ >= options_.statementIntervalMs;
    // Drivers read the statement counters only when asked to (statementsFresh on entry).
    snapshot->statementsFresh = due;
    engine_->sample(*snapshot);
    if (snapshot->collectedAt == 0)
        snapshot->collectedAt = nowMicros();
    // A driver that read the counters anyway (or could not skip them) has fresh ones.
    const bool readNow =
        due || std::any_of(snapshot->probes.begin(), snapshot->probes.end(), isStatementProbe);
    dropOwnStatements(*snapshot);
    snapshot->redacted = options_.connect.redact;
    if (options_.connect.redact)
        redact(*snapshot);
    const bool failed = readNow && std::any_of(snapshot->probes.begin(), snapshot->probes.end(),
                                               [](const ProbeNote& p) {
                                                   return p.probe == "statements" && p.failed();
                                               });
    if (failed && lastStatementsAt_ != 0) {
        // A failed read is tried again at the next sample; the last values read are carried
        // (next to the failure's note), so that deltas never start from an empty list.
        snapshot->statementsFresh = false;
        snapshot->statementsSampledAt = lastStatementsAt_;
        snapshot->statements = lastStatements_;
    } else if (readNow) {
        snapshot->statementsFresh = true;
        snapshot->statementsSampledAt = snapshot->collectedAt;
        if (!failed) {
            lastStatements_ = snapshot->statements;
            lastStatementProbes_.clear();
            for (const ProbeNote& p : snapshot->probes) {
                if (isStatementProbe(p))
                    lastStatementProbes_.push_back(p);
            }
            lastStatementsAt_ = snapshot->collectedAt;
            lastStatementsSteady_ = steadyNow;
        }
    } else {
        snapshot->statementsFresh = false;
        snapshot->statementsSampledAt = lastStatementsAt_;
        snapshot->statements = lastStatements_;
        snapshot->probes.insert(snapshot->probes.end(), lastStatementProbes_.begin(),
                                lastStatementProbes_.end());
    }
    analyseSnapshot(*snapshot, preflight_, options_.findings);
    return snapshot;
}

std::string Collector::serverStatementText(const std::string& id,
                                           const std::string& database) const {
    if (id.empty())
        return {};
    const auto it = serverTexts_.find(id + '\x1f' + database);
    return it == serverTexts_.end() ? std::string() : it->second;
}

// The tool's own monitoring statements are not the workload: leave them out of the
// statement list (their text starts with the tag every driver puts on its statements).
void Collector::dropOwnStatements(Snapshot& s) {
    static constexpr std::string_view kTag = "/* dbtriage */";
    std::erase_if(s.statements, [](const StatementStat& st) {
        return std::string_view(st.query).substr(0, kTag.size()) == kTag;
    });
}

void Collector::redact(Snapshot& s) {
    const SqlDialect dialect =
        s.server.engine == Engine::PostgreSQL ? SqlDialect::PostgreSQL : SqlDialect::MySQL;
    if (s.server.engine != Engine::PostgreSQL) {
        for (LockWait& w : s.lockWaits)
            w.object = redactLockObject(w.object);
        for (HeldLock& h : s.heldLocks)
            h.object = redactLockObject(h.object);
    }
    for (Session& session : s.sessions) {
        if (!session.query.empty())
            session.query = redactQuery(session.query, dialect).text;
    }
    // Statement texts are normalised by the server already, except for utility statements
    // and engines that keep samples; redacting again is cheap with the cache.
    if (statementTextCache_.size() > 50000) {
        statementTextCache_.clear();
        serverTexts_.clear();
    }
    for (StatementStat& st : s.statements) {
        if (st.query.empty())
            continue;
        // Keyed by statement id (queryid / digest): one text per id, bounded memory.
        const std::string key = st.id.empty() ? st.query : st.id + '\x1f' + st.database;
        auto it = statementTextCache_.find(key);
        if (it == statementTextCache_.end()) {
            it = statementTextCache_.emplace(key, redactQuery(st.query, dialect).text).first;
            if (!st.id.empty())
                serverTexts_[key] = st.query;
        }
        st.query = it->second;
    }
}

} // namespace dbt
