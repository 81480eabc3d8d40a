// The evidence bundle's own model (no Qt): how the recording was made and the manifest that
// lists every file of the bundle with its SHA-256. Format: docs/bundle-format.md
// ("dbtriage-bundle", format_version 1).
#pragma once

#include "snapshot.h"

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace dbt {

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
