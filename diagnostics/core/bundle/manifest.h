// The evidence bundle's own model (no Qt): how the recording was made and the manifest that
// lists every file of the bundle with its SHA-256. Format: docs/bundle-format.md
// ("dbtriage-bundle", format_version 1).
#pragma once

#include "snapshot.h"

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace dbt {

// One insight of a bundled plan, as the README and `dbtriage open` show it.
struct PlanInsightSummary {
    std::string severity; // "critical", "warning", "info"
    std::string code;     // "seq-scan-estimated", "full-scan", ...
    std::string node;     // the node's label: "Seq Scan on orders"
    std::string message;  // what and why, one sentence
};

// A plan of --explain-top (plans/NN-<id>.json and .txt), or a statement that could not be
// explained (`error` says why; no files then).
struct PlanSummary {
    int rank = 0; // 1-based rank among the statements by window time
    std::string statementId;
    std::string database;
    double totalTimeMs = 0; // in the window (or since the statistics reset for one sample)
    double share = 0;       // of all statements' time, 0..1
    std::string dialect;    // plans::dialectName(): "postgres-json", "mariadb-json", ...
    bool genericPlan = false;
    bool analyzed = false; // never in collect; kept for plans added by other tools
    std::string jsonFile;  // "plans/01-1234.json" (the engine's plan, untouched)
    std::string textFile;  // "plans/01-1234.txt" (statement, notes, tree, insights)
    std::vector<PlanInsightSummary> insights; // the most severe first, at most a few
    std::string error;                        // non-empty: not explained, this sentence says why
    bool explained() const { return error.empty(); }
};

// How the recording was made. Never holds the connection string: the server is described by
// the ServerInfo of the snapshot (host, port, database, role), which has no password.
struct CollectionInfo {
    int samples = 1;              // samples taken
    int requestedSamples = 1;     // samples asked for
    double intervalSeconds = 0;   // between samples
    Micros firstAt = 0;           // first sample's time (server clock)
    Micros lastAt = 0;            // last sample's time
    std::string note;             // the user's note (--note), verbatim
    int explainTopRequested = 0;  // --explain-top N (0: not asked)
    bool adviseRequested = false; // --advise
    // What the build could not do although it was asked ("--advise: not available in this
    // build yet"). Shown in the README and kept in the manifest.
    std::vector<std::string> unavailable;
    // The plans gathered for --explain-top, in rank order (failures included).
    std::vector<PlanSummary> plans;
};

struct ManifestFile {
    std::string path; // relative, '/'-separated, e.g. "samples/0001.json"
    std::int64_t size = 0;
    std::string sha256; // lower-case hex
    bool operator==(const ManifestFile&) const = default;
};

struct Manifest {
    static constexpr int kFormatVersion = 1;
    std::string toolVersion;
    Micros createdAt = 0;
    // The server, as in snapshot.json (no password): engine, version, host, port, database, user.
    ServerInfo server;
    CollectionInfo collection;
    bool redacted = true;
    std::vector<ManifestFile> files; // every other file of the bundle, sorted by path
};

nlohmann::json manifestToJson(const Manifest& manifest);
// Throws FormatError (snapshot_json.h) with a sentence.
Manifest manifestFromJson(const nlohmann::json& json);

// "PostgreSQL 15.4 at db1:5432/app as monitor" (no password: ServerInfo has none).
std::string describeServer(const ServerInfo& server);
// The same as a Message, for showing it in the user's language (diagnostics/i18n).
Message serverDescription(const ServerInfo& server);
// "PostgreSQL", "MySQL", "MariaDB".
std::string engineTitle(Engine engine);

// The server settings that matter for triage, as written to settings.json: the settings the
// driver read (already a short list), the tool's own session values apart, and never a
// setting whose name suggests a secret (password, conninfo, key).
nlohmann::json settingsToJson(const Snapshot& snapshot);

// A relative bundle path that is safe to create or extract: not empty, not absolute, no
// backslash, no drive letter, no "." or ".." component, no empty component, no control
// character, at most 4 levels and 200 bytes.
bool isSafeBundlePath(const std::string& path);

} // namespace dbt
