// Connection targets for the PostgreSQL driver: parsing the user's target with libpq,
// rebuilding it with dbtriage's own keywords (application name, timeouts, read-only
// session), and turning a failed connection attempt into one sentence for the user.
// Passwords stay in memory only: never in a message, never in a log line.
#pragma once

#include "engines/engine.h"

#include <string>
#include <utility>
#include <vector>

namespace dbt::pg {

struct ParsedTarget {
    // Keywords the user gave (URI, keyword string or service=NAME), in libpq's order,
    // without the ones dbtriage always sets itself.
    std::vector<std::pair<std::string, std::string>> keywords;
    std::string userOptions;          // the user's "options" keyword, service file or PGOPTIONS
    std::vector<std::string> secrets; // password-like values, to scrub from messages
};

// Parses a libpq target. Throws EngineError(Usage) with a message that quotes no part of
// the target that could be a password.
ParsedTarget parseTarget(const std::string& target);

// The session settings that go into the "options" startup keyword (and, if a pooler
// refuses startup options, into SET statements).
struct SessionSettings {
    int statementTimeoutMs = 5000;
    int lockTimeoutMs = 500;
    int idleInTransactionTimeoutMs = 10000;
};
std::vector<std::pair<std::string, std::string>> sessionGucs(const SessionSettings& s);

// The keyword string handed to libpq: the user's keywords, then application_name=dbtriage,
// connect_timeout, client_encoding=UTF8 and (withStartupOptions) options="<user's> -c ...".
std::string buildConnInfo(const ParsedTarget& target, int connectTimeoutS,
                          const SessionSettings& settings, bool withStartupOptions);

// libpq keyword value quoting: 'it\'s' (backslash and quote escaped).
std::string quoteConnValue(const std::string& value);

// What libpq told us about a connection attempt that failed.
struct ConnectFailure {
    std::string message; // PQerrorMessage
    std::string host;    // PQhost / PQport / PQuser / PQdb of the failed attempt
    std::string port;
    std::string user;
    std::string database;
    bool needsPassword = false; // PQconnectionNeedsPassword
    bool usedPassword = false;  // PQconnectionUsedPassword
};

// "db.example.com:5432", "[::1]:5432", "the local socket in /run/postgresql (port 5432)".
std::string describeEndpoint(const std::string& host, const std::string& port);
// The same as a Message ("the local socket (port 5432)" is translated where it is shown).
Message endpointMessage(const std::string& host, const std::string& port);

// Removes every secret from text (whole occurrences); if a secret is too short to be
// removed safely, the text is dropped.
std::string scrubSecrets(std::string text, const std::vector<std::string>& secrets);

// First line of a libpq/server message without "FATAL:  " / "ERROR:  " and without the
// "connection to server at ... failed: " prefix.
std::string firstMessageLine(const std::string& message);

// One sentence with what to do, and its kind (Auth, Connect).
EngineError classifyConnectFailure(const ConnectFailure& failure,
                                   const std::vector<std::string>& secrets, int connectTimeoutS);

// A pooler (PgBouncer, some proxies) refused the "options" startup parameter.
bool isStartupOptionsRejected(const std::string& message);

} // namespace dbt::pg
