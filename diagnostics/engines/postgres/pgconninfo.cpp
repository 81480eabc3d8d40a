#include "engines/postgres/pgconninfo.h"

#include "redact.h"

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <libpq-fe.h>
#include <memory>
#include <set>

namespace dbt::pg {

namespace {

using Kind = EngineError::Kind;

// Keywords dbtriage always sets itself; the user's values are dropped (options is merged).
const std::set<std::string> kOwnKeywords = {"application_name", "fallback_application_name",
                                            "connect_timeout", "client_encoding", "options"};

bool contains(const std::string& haystack, const char* needle) {
    return haystack.find(needle) != std::string::npos;
}

std::string trim(const std::string& s) {
    const auto b = s.find_first_not_of(" \t\r\n");
    if (b == std::string::npos)
        return {};
    const auto e = s.find_last_not_of(" \t\r\n");
    return s.substr(b, e - b + 1);
}

// libpq's parse errors quote pieces of the target. Keep the quoted piece only where it
// is a keyword name; anything else could be (part of) a password.
std::string safeParseError(const std::string& raw) {
    std::string msg = firstMessageLine(raw);
    const bool keywordQuoted = msg.rfind("invalid connection option", 0) == 0 ||
                               msg.rfind("invalid URI query parameter", 0) == 0;
    if (keywordQuoted)
        return msg;
    std::string out;
    bool inQuote = false;
    for (char c : msg) {
        if (c == '"') {
            if (!inQuote)
                out += "\"…\"";
            inQuote = !inQuote;
            continue;
        }
        if (!inQuote)
            out += c;
    }
    return out;
}

// The "options" value of a service in a pg_service.conf file, as libpq reads it.
// Returns true when the service section was found (even without options).
bool readServiceOptions(const std::string& file, const std::string& service, std::string& options) {
    std::ifstream in(file);
    if (!in)
        return false;
    std::string line;
    bool inGroup = false;
    bool found = false;
    while (std::getline(in, line)) {
        line = trim(line);
        if (line.empty() || line[0] == '#')
            continue;
        if (line[0] == '[') {
            const auto close = line.find(']');
            inGroup = close != std::string::npos && line.substr(1, close - 1) == service;
            found = found || inGroup;
            continue;
        }
        if (!inGroup)
            continue;
        const auto eq = line.find('=');
        if (eq != std::string::npos && line.substr(0, eq) == "options")
            options = line.substr(eq + 1);
    }
    return found;
}

// Where libpq finds the service's options: PGSERVICEFILE or ~/.pg_service.conf first,
// then the system file (PGSYSCONFDIR or Debian's /etc/postgresql-common).
std::string serviceOptions(const std::string& service) {
    std::string options;
    std::string userFile;
    if (const char* f = std::getenv("PGSERVICEFILE"))
        userFile = f;
    else if (const char* home = std::getenv("HOME"))
        userFile = std::string(home) + "/.pg_service.conf";
    if (!userFile.empty() && readServiceOptions(userFile, service, options))
        return options;
    const char* sysconf = std::getenv("PGSYSCONFDIR");
    const std::string sysFile =
        std::string(sysconf ? sysconf : "/etc/postgresql-common") + "/pg_service.conf";
    readServiceOptions(sysFile, service, options);
    return options;
}

EngineError fail(Kind kind, const char* context, const char* text, std::vector<Message> args) {
    return EngineError(kind, phrase(context, text, std::move(args)));
}

} // namespace

std::string quoteConnValue(const std::string& value) {
    std::string out = "'";
    for (char c : value) {
        if (c == '\\' || c == '\'')
            out += '\\';
        out += c;
    }
    out += '\'';
    return out;
}

ParsedTarget parseTarget(const std::string& target) {
    char* err = nullptr;
    std::unique_ptr<PQconninfoOption, void (*)(PQconninfoOption*)> opts(
        PQconninfoParse(target.c_str(), &err), &PQconninfoFree);
    if (!opts) {
        std::string detail = err ? safeParseError(err) : std::string("out of memory");
        if (err)
            PQfreemem(err);
        throw fail(Kind::Usage,
                   DBT_TR("Engine", "The PostgreSQL connection target could not be read (%1). "
                                    "Use a postgresql:// URI, a libpq keyword string such as "
                                    "\"host=... dbname=...\" or service=NAME."),
                   {literal(detail)});
    }
    ParsedTarget parsed;
    std::string service;
    bool optionsGiven = false;
    for (const PQconninfoOption* o = opts.get(); o->keyword; ++o) {
        if (!o->val)
            continue;
        const std::string key = o->keyword;
        const std::string val = o->val;
        if (o->dispchar && o->dispchar[0] == '*' && !val.empty())
            parsed.secrets.push_back(val);
        if (key == "service")
            service = val;
        if (key == "options") {
            parsed.userOptions = val;
            optionsGiven = true;
        }
        if (kOwnKeywords.count(key))
            continue;
        parsed.keywords.emplace_back(key, val);
    }
    // libpq's precedence for "options": explicit keyword, then the service file, then
    // PGOPTIONS. Setting it explicitly hides the other two, so merge them here.
    if (!optionsGiven) {
        if (service.empty()) {
            if (const char* s = std::getenv("PGSERVICE"))
                service = s;
        }
        if (!service.empty())
            parsed.userOptions = serviceOptions(service);
        if (parsed.userOptions.empty()) {
            if (const char* env = std::getenv("PGOPTIONS"))
                parsed.userOptions = env;
        }
    }
    if (const char* pw = std::getenv("PGPASSWORD"); pw && *pw)
        parsed.secrets.emplace_back(pw);
    return parsed;
}

std::vector<std::pair<std::string, std::string>> sessionGucs(const SessionSettings& s) {
    return {{"default_transaction_read_only", "on"},
            {"statement_timeout", std::to_string(std::max(1, s.statementTimeoutMs))},
            {"lock_timeout", std::to_string(std::max(1, s.lockTimeoutMs))},
            {"idle_in_transaction_session_timeout",
             std::to_string(std::max(1, s.idleInTransactionTimeoutMs))}};
}

std::string buildConnInfo(const ParsedTarget& target, int connectTimeoutS,
                          const SessionSettings& settings, bool withStartupOptions) {
    std::string out;
    auto add = [&out](const std::string& key, const std::string& value) {
        if (!out.empty())
            out += ' ';
        out += key + '=' + quoteConnValue(value);
    };
    for (const auto& [key, value] : target.keywords)
        add(key, value);
    add("application_name", "dbtriage");
    // libpq treats 1 as 2 seconds; 0 would mean "wait forever".
    add("connect_timeout", std::to_string(std::max(2, connectTimeoutS)));
    add("client_encoding", "UTF8");
    std::string options = trim(target.userOptions);
    if (withStartupOptions) {
        // Later -c settings win over earlier ones: dbtriage's go last.
        for (const auto& [name, value] : sessionGucs(settings))
            options += (options.empty() ? "" : " ") + std::string("-c ") + name + '=' + value;
    }
    if (!options.empty())
        add("options", options);
    return out;
}

Message endpointMessage(const std::string& host, const std::string& port) {
    const Message p = literal(port.empty() ? std::string("5432") : port);
    if (host.empty())
        return phrase(DBT_TR("Engine", "the local socket (port %1)"), {p});
    if (host[0] == '/' || host[0] == '@')
        return phrase(DBT_TR("Engine", "the local socket in %1 (port %2)"), {literal(host), p});
    if (host.find(':') != std::string::npos)
        return literal('[' + host + "]:" + p.text);
    return literal(host + ':' + p.text);
}

std::string describeEndpoint(const std::string& host, const std::string& port) {
    return englishText(endpointMessage(host, port));
}

std::string scrubSecrets(std::string text, const std::vector<std::string>& secrets) {
    for (const std::string& secret : secrets) {
        if (secret.empty() || text.find(secret) == std::string::npos)
            continue;
        if (secret.size() < 4)
            return "details withheld";
        std::size_t pos = 0;
        while ((pos = text.find(secret, pos)) != std::string::npos) {
            text.replace(pos, secret.size(), "***");
            pos += 3;
        }
    }
    return text;
}

std::string firstMessageLine(const std::string& message) {
    std::string line = trim(message.substr(0, message.find('\n')));
    // libpq 14+: 'connection to server at "h" (1.2.3.4), port 5432 failed: <reason>'
    for (const char* prefix : {"connection to server at ", "connection to server on socket "}) {
        if (line.rfind(prefix, 0) == 0) {
            const auto failed = line.find(" failed: ");
            if (failed != std::string::npos)
                line = line.substr(failed + 9);
        }
    }
    for (const char* prefix : {"FATAL:  ", "ERROR:  ", "FATAL: ", "ERROR: "}) {
        if (line.rfind(prefix, 0) == 0)
            line = line.substr(std::char_traits<char>::length(prefix));
    }
    return sanitizeText(trim(line), 400);
}

bool isStartupOptionsRejected(const std::string& message) {
    return contains(message, "unsupported startup parameter: options") ||
           contains(message, "unsupported startup parameter \"options\"");
}

EngineError classifyConnectFailure(const ConnectFailure& f, const std::vector<std::string>& secrets,
                                   int connectTimeoutS) {
    const std::string& m = f.message;
    const Message where = endpointMessage(f.host, f.port);
    const Message user = f.user.empty() ? phrase(DBT_TR("Engine", "(default)")) : literal(f.user);
    const Message db = f.database.empty() ? user : literal(f.database);
    const Message detail = literal(scrubSecrets(firstMessageLine(m), secrets));

    // Authentication and authorisation (server messages; SQLSTATE is not exposed by libpq
    // for a failed start-up, so the English texts are matched).
    if (contains(m, "password authentication failed") || contains(m, "SCRAM authentication") ||
        contains(m, "invalid password"))
        return fail(Kind::Auth,
                    DBT_TR("Engine", "Authentication failed for user %1 on %2. Check the password "
                                     "in ~/.pgpass, PGPASSWORD or the service file."),
                    {user, where});
    if (f.needsPassword || contains(m, "no password supplied"))
        return fail(Kind::Auth,
                    DBT_TR("Engine", "The server at %1 wants a password for user %2 and none was "
                                     "found. Put it in ~/.pgpass, PGPASSWORD or the service file."),
                    {where, user});
    if (contains(m, "does not exist") && contains(m, "database \""))
        return fail(Kind::Auth,
                    DBT_TR("Engine", "Database %1 does not exist on %2. Check the database name in "
                                     "the connection target."),
                    {db, where});
    if (contains(m, "does not exist") && contains(m, "role \""))
        return fail(
            Kind::Auth,
            DBT_TR("Engine",
                   "Role %1 does not exist on %2. Check the user name in the connection target."),
            {user, where});
    if (contains(m, "pg_hba.conf"))
        return fail(Kind::Auth,
                    DBT_TR("Engine", "The server at %1 does not accept this client for user %2 and "
                                     "database %3 (pg_hba.conf). Ask the DBA for an entry, or "
                                     "check user, database and TLS settings."),
                    {where, user, db});
    if (contains(m, "authentication failed") || contains(m, "permission denied for database") ||
        contains(m, "not permitted to log in") || contains(m, "Peer authentication"))
        return fail(Kind::Auth,
                    DBT_TR("Engine", "The server at %1 refused user %2 for database %3 (%4). Check "
                                     "the role's login rights and the credentials."),
                    {where, user, db, detail});

    // Something that is not PostgreSQL on that port.
    if (contains(m, "invalid response to SSL negotiation") ||
        contains(m, "expected authentication request") ||
        contains(m, "invalid response to GSSAPI negotiation") ||
        contains(m, "unexpected message from server") || contains(m, "bogus startup packet") ||
        contains(m, "invalid message format") ||
        contains(m, "received invalid protocol negotiation"))
        return fail(Kind::Connect,
                    DBT_TR("Engine", "The server at %1 did not answer as PostgreSQL (%2). Check "
                                     "the port: another service may listen there."),
                    {where, detail});

    // Reachability.
    if (contains(m, "Connection refused"))
        return fail(Kind::Connect,
                    DBT_TR("Engine", "Nothing accepts connections at %1 (connection refused). "
                                     "Check host and port, and that the server is running."),
                    {where});
    if (contains(m, "timeout expired") || contains(m, "timed out"))
        return fail(
            Kind::Connect,
            DBT_TR("Engine", "No answer from %1 within %2 s. Check host, port, firewall and VPN."),
            {where, literal(std::to_string(std::max(2, connectTimeoutS)))});
    if (contains(m, "No route to host") || contains(m, "Network is unreachable") ||
        contains(m, "Host is unreachable"))
        return fail(
            Kind::Connect,
            DBT_TR("Engine",
                   "There is no network route to %1. Check the host name, VPN and firewall."),
            {where});
    if (contains(m, "could not translate host name") || contains(m, "Name or service not known") ||
        contains(m, "nodename nor servname"))
        return fail(Kind::Connect,
                    DBT_TR("Engine",
                           "The host name %1 could not be resolved. Check the host name and DNS."),
                    {literal(f.host)});
    if (contains(m, "No such file or directory") && (f.host.empty() || f.host[0] == '/'))
        return fail(Kind::Connect,
                    DBT_TR("Engine", "No PostgreSQL server listens on %1. Check the socket "
                                     "directory and port, or give host= for a TCP connection."),
                    {where});
    if (contains(m, "too many connections") || contains(m, "too many clients") ||
        contains(m, "remaining connection slots"))
        return fail(Kind::Connect,
                    DBT_TR("Engine",
                           "The server at %1 has no free connection slot (%2). Retry shortly; "
                           "connection saturation is itself a finding to escalate."),
                    {where, detail});
    if (contains(m, "starting up") || contains(m, "shutting down") ||
        contains(m, "in recovery mode") || contains(m, "not yet accepting connections"))
        return fail(
            Kind::Connect,
            DBT_TR(
                "Engine",
                "The server at %1 is not accepting connections right now (%2). Retry in a moment."),
            {where, detail});
    if (contains(m, "certificate verify failed"))
        return fail(
            Kind::Connect,
            DBT_TR("Engine",
                   "The server certificate of %1 could not be verified with the CA in sslrootcert "
                   "(%2). Point sslrootcert to the CA that signed the server's certificate."),
            {where, detail});
    if (contains(m, "does not match host name"))
        return fail(Kind::Connect,
                    DBT_TR("Engine", "The server certificate of %1 does not name the host %2 (%3). "
                                     "Connect with a host name the certificate lists."),
                    {where, literal(f.host), detail});
    if (contains(m, "root certificate file") && contains(m, "does not exist"))
        return fail(Kind::Connect,
                    DBT_TR("Engine", "The sslrootcert file for %1 does not exist (%2). Give the "
                                     "path of the CA certificate."),
                    {where, detail});
    if (contains(m, "SSL") || contains(m, "certificate") || contains(m, "GSSAPI"))
        return fail(Kind::Connect,
                    DBT_TR("Engine", "The TLS/GSS set-up with %1 failed (%2). Check sslmode, "
                                     "sslrootcert and the server certificate."),
                    {where, detail});
    if (contains(m, "server closed the connection unexpectedly"))
        return fail(Kind::Connect,
                    DBT_TR("Engine",
                           "The server at %1 closed the connection during start-up (%2). Check "
                           "that the port belongs to PostgreSQL and the server log."),
                    {where, detail});
    return fail(Kind::Connect,
                DBT_TR("Engine", "Could not connect to %1 (%2). Check the connection target."),
                {where, detail});
}

} // namespace dbt::pg
