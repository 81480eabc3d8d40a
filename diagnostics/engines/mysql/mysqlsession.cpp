// MySQL 8 / MariaDB monitoring session on the MySQL C API (MariaDB Connector/C).
// Result handling lives in mysqlrows.cpp (pure functions, tested with fixtures); this file
// owns the connection, the statements it sends and the error sentences.
#include "mysqlsession.h"

#include "mysqlrows.h"
#include "mysqluri.h"
#include "plans/plan.h"
#include "plans/statement.h"
#include "redact.h"
#include "timefmt.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <mutex>
#include <mysql.h>
#include <netdb.h>
#include <poll.h>
#include <set>
#include <sys/socket.h>
#include <unistd.h>

namespace dbt {

namespace {

using mysql::Row;
using mysql::Rows;

// Every statement the tool sends starts with this tag (see docs and the general-log test).
// The per-sample SELECTs also carry a first column "1 AS dbtriage_tag": digest texts lose
// comments but keep that name, so any dbtriage session's statements are known as such.
constexpr const char* kTag = "/* dbtriage */ ";
constexpr int kDigestLimit = 500;
constexpr int kLockRowLimit = 2000;

// The row-locks probe's status when one of its two reads reached kLockRowLimit (else empty).
std::string lockRowCapNote(std::size_t waits, std::size_t locks, const char* tables) {
    const auto limit = static_cast<std::size_t>(kLockRowLimit);
    if (waits < limit && locks < limit)
        return {};
    return "partial: only the first " + std::to_string(kLockRowLimit) + " rows of " + tables +
           " were read; some waits and their blockers may be missing";
}

struct ServerError {
    unsigned code = 0;
    std::string message;
};

bool clientSideError(unsigned code) {
    return code >= 2000 && code < 3000; // CR_* codes: the connection itself failed
}

bool connectionLost(unsigned code) {
    // CR_* errors, server shutdown (1053), connection killed (1927 MariaDB), and
    // ER_CLIENT_INTERACTION_TIMEOUT (4031, MySQL 8.0.24+).
    return clientSideError(code) || code == 1053 || code == 1927 || code == 4031;
}

std::once_flag libraryInitOnce;

// A PostgreSQL server answers an SSLRequest with one byte, 'S' or 'N'. Asked only after a
// MySQL handshake failed, so a working MySQL server never sees it.
bool looksLikePostgres(const std::string& host, unsigned port, int timeoutS) {
    addrinfo hints{};
    hints.ai_socktype = SOCK_STREAM;
    addrinfo* res = nullptr;
    const std::string service = std::to_string(port);
    if (getaddrinfo(host.c_str(), service.c_str(), &hints, &res) != 0 || res == nullptr)
        return false;
    bool postgres = false;
    const int fd = ::socket(res->ai_family, res->ai_socktype | SOCK_CLOEXEC, res->ai_protocol);
    if (fd >= 0) {
        timeval tv{timeoutS, 0};
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
        if (::connect(fd, res->ai_addr, res->ai_addrlen) == 0) {
            // Int32 length 8, Int32 request code 80877103.
            const unsigned char request[8] = {0, 0, 0, 8, 0x04, 0xd2, 0x16, 0x2f};
            pollfd p{fd, POLLIN, 0};
            // A MySQL server speaks first; only a silent server gets the request.
            if (::poll(&p, 1, 200) == 0 &&
                ::send(fd, request, sizeof request, MSG_NOSIGNAL) == sizeof request) {
                char reply = 0;
                postgres = ::recv(fd, &reply, 1, 0) == 1 && (reply == 'S' || reply == 'N');
            }
        }
        ::close(fd);
    }
    freeaddrinfo(res);
    return postgres;
}

std::string quoteLiteral(MYSQL* db, const std::string& text) {
    std::string out(text.size() * 2 + 1, '\0');
    const unsigned long n = mysql_real_escape_string(db, out.data(), text.data(), text.size());
    out.resize(n);
    return "'" + out + "'";
}

std::string joinLiterals(MYSQL* db, const std::set<std::string>& values) {
    std::string out;
    for (const std::string& v : values)
        out += (out.empty() ? "" : ", ") + quoteLiteral(db, v);
    return out;
}

class MysqlSession final : public EngineSession {
public:
    explicit MysqlSession(ConnectOptions options)
        : options_(std::move(options))
        , target_(mysql::parseMysqlTarget(options_.target)) {}
    ~MysqlSession() override { disconnect(); }

    ServerInfo connect() override;
    bool connected() const override { return db_ != nullptr; }
    void disconnect() override {
        if (db_ != nullptr)
            mysql_close(db_);
        db_ = nullptr;
    }
    std::vector<Finding> preflightFindings() const override { return preflight_; }
    void sample(Snapshot& snapshot) override;
    std::string explainJson(const std::string& sql, bool analyze) override;
    ExplainResult explain(const ExplainRequest& request) override;
    Rows readQuery(const std::string& sql);

private:
    Rows query(const std::string& sql);
    // "db1:3306", "the socket /run/mysqld/mysqld.sock" (translated where it is shown)
    Message whereText() const;
    Message userText() const;
    [[noreturn]] void throwConnectError(unsigned code, const std::string& message);
    Message tlsErrorSentence(const std::string& msg) const;
    void setUpSession(const std::map<std::string, std::string>& variables);
    void detectFeatures(const std::map<std::string, std::string>& variables);
    void readPrivileges();
    void detectReplica();

    // Runs one probe: "ok", or the ProbeNote status of the failure. Lost connections throw.
    template<class F> bool probe(Snapshot& s, const char* name, F&& body) {
        try {
            body();
            s.probes.push_back({name, "ok"});
            return true;
        } catch (const ServerError& e) {
            if (connectionLost(e.code)) {
                disconnect();
                throw EngineError(EngineError::Kind::Lost,
                                  phrase(DBT_TR("Engine", "The connection to %1 was lost during "
                                                          "a sample (%2)."),
                                         {whereText(), literal(sanitizeText(e.message, 300))}));
            }
            s.probes.push_back({name, mysql::probeStatus(e.code, e.message)});
            return false;
        }
    }

    ConnectOptions options_;
    mysql::MysqlTarget target_;
    MYSQL* db_ = nullptr;
    mysql::Features features_;
    mysql::Grants grants_;
    ServerInfo info_;
    std::vector<Finding> preflight_;
    std::int64_t ownId_ = 0;
    std::int64_t maxConnections_ = 0;
    std::string account_;
    bool replica_ = false;
    std::string replicaStatement_;
    std::string replicaProbe_ = "ok";
    std::set<std::string> ownShapes_; // of every statement sent, to know them in the digests
};

Message MysqlSession::whereText() const {
    if (!target_.socket.empty())
        return phrase(DBT_TR("Engine", "the socket %1"), {literal(target_.socket)});
    const std::string host = target_.host.empty() ? "localhost" : target_.host;
    const bool v6 = host.find(':') != std::string::npos;
    const std::string h = v6 ? "[" + host + "]" : host;
    return literal(target_.port ? h + ":" + std::to_string(target_.port) : h);
}

Message MysqlSession::userText() const {
    return target_.user ? literal("'" + sanitizeText(*target_.user, 128) + "'")
                        : phrase(DBT_TR("Engine", "the user from the option files"));
}

Rows MysqlSession::query(const std::string& sql) {
    if (db_ == nullptr)
        throw ServerError{2006, "not connected"};
    if (ownShapes_.size() < 256) // the driver's statements come in a few dozen shapes
        ownShapes_.insert(mysql::statementShape(sql));
    const std::string text = kTag + sql;
    if (mysql_real_query(db_, text.data(), text.size()) != 0)
        throw ServerError{mysql_errno(db_), mysql_error(db_)};
    Rows rows;
    MYSQL_RES* res = mysql_store_result(db_);
    if (res == nullptr) {
        if (mysql_field_count(db_) != 0)
            throw ServerError{mysql_errno(db_), mysql_error(db_)};
        return rows;
    }
    const unsigned n = mysql_num_fields(res);
    const MYSQL_FIELD* fields = mysql_fetch_fields(res);
    rows.reserve(mysql_num_rows(res));
    while (MYSQL_ROW r = mysql_fetch_row(res)) {
        const unsigned long* lengths = mysql_fetch_lengths(res);
        Row row;
        row.columns.reserve(n);
        for (unsigned i = 0; i < n; ++i) {
            std::optional<std::string> value;
            if (r[i] != nullptr)
                value.emplace(r[i], lengths[i]);
            row.columns.emplace_back(std::string(fields[i].name, fields[i].name_length),
                                     std::move(value));
        }
        rows.push_back(std::move(row));
    }
    mysql_free_result(res);
    return rows;
}

// CR_SSL_CONNECTION_ERROR: one sentence that names the certificate problem and what to do.
Message MysqlSession::tlsErrorSentence(const std::string& msg) const {
    const Message head =
        phrase(DBT_TR("Engine", "The TLS connection to %1 failed (ssl-mode=%2: %3)"),
               {whereText(), literal(mysql::sslModeName(target_.sslMode)), literal(msg)});
    const auto has = [&](const char* word) { return msg.find(word) != std::string::npos; };
    if (has("No such file") || has("no start line") || has("PEM"))
        return phrase(DBT_TR("Engine", "%1: a file named by ssl-ca, ssl-capath, ssl-cert or "
                                       "ssl-key cannot be read; check the paths."),
                      {head});
    if (has("Validation of SSL server certificate") || has("hostname") || has("host name") ||
        has("mismatch"))
        return phrase(
            DBT_TR("Engine", "%1: the server's certificate does not name the host %2; "
                             "connect with a host name (or address) its certificate "
                             "lists."),
            {head, literal(target_.host.empty() ? std::string("localhost") : target_.host)});
    if (has("certificate") || has("verify") || has("issuer"))
        return phrase(DBT_TR("Engine", "%1: the server's certificate could not be verified with "
                                       "the CA in ssl-ca; check that ssl-ca names the CA that "
                                       "signed the server's certificate."),
                      {head});
    return phrase(DBT_TR("Engine", "%1. Check ssl-mode, ssl-ca and the server's TLS set-up."),
                  {head});
}

void MysqlSession::throwConnectError(unsigned code, const std::string& message) {
    using Kind = EngineError::Kind;
    const Message msg = literal(sanitizeText(message, 300));
    const Message db = literal(
        target_.database.empty() ? std::string() : "'" + sanitizeText(target_.database, 128) + "'");
    const Message where = whereText();
    const Message user = userText();
    const auto fail = [](Kind kind, const char* context, const char* text,
                         std::vector<Message> args) {
        return EngineError(kind, phrase(context, text, std::move(args)));
    };
    switch (code) {
    case 1045: // ER_ACCESS_DENIED_ERROR
    case 1698: // ER_ACCESS_DENIED_NO_PASSWORD_ERROR
        throw fail(Kind::Auth,
                   DBT_TR("Engine", "%1 rejected %2: wrong password, or no such user for this "
                                    "client host."),
                   {where, user});
    case 1049: // ER_BAD_DB_ERROR
        throw fail(Kind::Auth, DBT_TR("Engine", "The database %1 does not exist on %2."),
                   {db, where});
    case 1044: // ER_DBACCESS_DENIED_ERROR
        throw fail(Kind::Auth, DBT_TR("Engine", "%1 may not use the database %2 on %3."),
                   {user, db, where});
    case 1130: // ER_HOST_NOT_PRIVILEGED
        throw fail(Kind::Auth,
                   DBT_TR("Engine", "%1 does not accept connections from this host (%2)."),
                   {where, msg});
    case 1251: // ER_NOT_SUPPORTED_AUTH_MODE
    case 2059: // CR_AUTH_PLUGIN_CANNOT_LOAD
    case 1820: // ER_MUST_CHANGE_PASSWORD
    case 1862: // ER_MUST_CHANGE_PASSWORD_LOGIN
        throw fail(Kind::Auth, DBT_TR("Engine", "Authentication of %1 at %2 failed: %3"),
                   {user, where, msg});
    case 1040: // ER_CON_COUNT_ERROR
        throw fail(Kind::Connect,
                   DBT_TR("Engine", "%1 has no free connection slot (too many connections); ask "
                                    "a senior to check who holds them."),
                   {where});
    case 2005: // CR_UNKNOWN_HOST
        throw fail(Kind::Connect, DBT_TR("Engine", "The host name of %1 is unknown."), {where});
    case 2026: // CR_SSL_CONNECTION_ERROR
        throw EngineError(Kind::Connect, tlsErrorSentence(msg.text));
    case 2002: // CR_CONNECTION_ERROR (socket)
    case 2003: // CR_CONN_HOST_ERROR
        throw fail(Kind::Connect,
                   DBT_TR("Engine", "Could not connect to %1: connection refused or timed out "
                                    "after %2 s (%3)."),
                   {where, literal(std::to_string(options_.connectTimeoutS)), msg});
    default:
        break;
    }
    if (clientSideError(code) && target_.socket.empty() && target_.port != 0 &&
        looksLikePostgres(target_.host.empty() ? "localhost" : target_.host, target_.port,
                          std::max(1, options_.connectTimeoutS)))
        throw fail(Kind::Connect,
                   DBT_TR("Engine", "%1 is a PostgreSQL server, not MySQL or MariaDB: use a "
                                    "postgresql:// target for it."),
                   {where});
    if (code == 2013 || code == 2006 || code == 2027)
        throw fail(Kind::Connect,
                   DBT_TR("Engine", "%1 accepted the connection but did not answer like a MySQL "
                                    "or MariaDB server (%2)."),
                   {where, msg});
    throw fail(Kind::Connect, DBT_TR("Engine", "Could not connect to %1: %2"), {where, msg});
}

ServerInfo MysqlSession::connect() {
    disconnect();
    std::call_once(libraryInitOnce, [] { mysql_library_init(0, nullptr, nullptr); });
    db_ = mysql_init(nullptr);
    if (db_ == nullptr)
        throw EngineError(EngineError::Kind::Connect, "Out of memory while opening a connection.");

    const unsigned connectTimeout = static_cast<unsigned>(std::max(1, options_.connectTimeoutS));
    // The socket timeouts bound everything the server may not answer: a statement is
    // stopped by the server after statementTimeoutMs, the socket a little later.
    const unsigned ioTimeout = static_cast<unsigned>(
        std::max<int>(static_cast<int>(connectTimeout),
                      static_cast<int>(std::ceil(options_.statementTimeoutMs / 1000.0)) + 5));
    mysql_optionsv(db_, MYSQL_OPT_CONNECT_TIMEOUT, &connectTimeout);
    mysql_optionsv(db_, MYSQL_OPT_READ_TIMEOUT, &ioTimeout);
    mysql_optionsv(db_, MYSQL_OPT_WRITE_TIMEOUT, &ioTimeout);
    mysql_optionsv(db_, MYSQL_SET_CHARSET_NAME, "utf8mb4");
    const my_bool off = 0;
    const my_bool on = 1;
    mysql_optionsv(db_, MYSQL_OPT_RECONNECT, &off);
    const unsigned noLocalInfile = 0;
    mysql_optionsv(db_, MYSQL_OPT_LOCAL_INFILE, &noLocalInfile);
    mysql_optionsv(db_, MYSQL_OPT_CONNECT_ATTR_ADD, "program_name", "dbtriage");
    // Option files the way the mysql client reads them: [client] (and [client-server],
    // [client-mariadb]) of the default files; ?option-file= names one more file.
    const std::string group = target_.optionGroup.empty() ? "client" : target_.optionGroup;
    mysql_optionsv(db_, MYSQL_READ_DEFAULT_GROUP, group.c_str());
    if (!target_.optionFile.empty())
        mysql_optionsv(db_, MYSQL_READ_DEFAULT_FILE, target_.optionFile.c_str());
    if (!target_.sslCa.empty())
        mysql_optionsv(db_, MYSQL_OPT_SSL_CA, target_.sslCa.c_str());
    if (!target_.sslCaPath.empty())
        mysql_optionsv(db_, MYSQL_OPT_SSL_CAPATH, target_.sslCaPath.c_str());
    if (!target_.sslCert.empty())
        mysql_optionsv(db_, MYSQL_OPT_SSL_CERT, target_.sslCert.c_str());
    if (!target_.sslKey.empty())
        mysql_optionsv(db_, MYSQL_OPT_SSL_KEY, target_.sslKey.c_str());
    switch (target_.sslMode) {
    case mysql::SslMode::Required:
        mysql_optionsv(db_, MYSQL_OPT_SSL_ENFORCE, &on);
        break;
    case mysql::SslMode::VerifyCa:
    case mysql::SslMode::VerifyIdentity:
        // Connector/C verifies the chain and the host name together.
        mysql_optionsv(db_, MYSQL_OPT_SSL_ENFORCE, &on);
        mysql_optionsv(db_, MYSQL_OPT_SSL_VERIFY_SERVER_CERT, &on);
        break;
    case mysql::SslMode::Disabled:
        mysql_optionsv(db_, MYSQL_OPT_SSL_ENFORCE, &off);
        break;
    case mysql::SslMode::Preferred:
        // TLS when the server offers it: Connector/C 3.3 then goes on in plain text with a
        // server without TLS (checked against the sandbox), which is what PREFERRED means.
        mysql_optionsv(db_, MYSQL_OPT_SSL_ENFORCE, &on);
        break;
    case mysql::SslMode::Default: // as Connector/C: no TLS unless asked for
        break;
    }

    const char* host = target_.host.empty() ? nullptr : target_.host.c_str();
    const char* user = target_.user ? target_.user->c_str() : nullptr;
    // No password in the target: the option files' password, else MYSQL_PWD (both read by
    // Connector/C itself when this is null).
    const char* password = target_.password ? target_.password->c_str() : nullptr;
    const char* database = target_.database.empty() ? nullptr : target_.database.c_str();
    const char* socket = target_.socket.empty() ? nullptr : target_.socket.c_str();
    if (mysql_real_connect(db_, host, user, password, database, target_.port, socket, 0) ==
        nullptr) {
        const unsigned code = mysql_errno(db_);
        const std::string message = mysql_error(db_);
        disconnect();
        throwConnectError(code, message);
    }
    // Connector/C 3.3 lets MYSQL_OPT_SSL_ENFORCE alone connect in plain text to a server
    // without TLS (checked against the sandbox): refuse to go on here.
    const bool tlsRequired = target_.sslMode == mysql::SslMode::Required ||
                             target_.sslMode == mysql::SslMode::VerifyCa ||
                             target_.sslMode == mysql::SslMode::VerifyIdentity;
    if (tlsRequired && mysql_get_ssl_cipher(db_) == nullptr) {
        disconnect();
        throw EngineError(EngineError::Kind::Connect,
                          phrase(DBT_TR("Engine", "The TLS connection to %1 failed (ssl-mode=%2): "
                                                  "the server does not offer TLS."),
                                 {whereText(), literal(mysql::sslModeName(target_.sslMode))}));
    }

    try {
        const Rows who = query("SELECT 1 AS dbtriage_tag, CONNECTION_ID() AS id, "
                               "CURRENT_USER() AS account, DATABASE() AS db");
        if (!who.empty()) {
            ownId_ = who[0].integer("id").value_or(0);
            const std::string account = who[0].text("account", 300);
            const auto at = account.rfind('@');
            info_.user = account.substr(0, at);
            account_ = at == std::string::npos
                           ? "'" + account + "'"
                           : "'" + account.substr(0, at) + "'@'" + account.substr(at + 1) + "'";
            info_.database = who[0].text("db", 256);
        }
        // Settings before the session's own SETs: these are the server's values.
        const auto variables = mysql::nameValueMap(
            query("SHOW VARIABLES WHERE Variable_name IN ('version', 'version_comment', "
                  "'max_statement_time', 'max_execution_time', 'performance_schema', "
                  "'max_connections', 'read_only', 'tx_read_only', 'transaction_read_only', "
                  "'lock_wait_timeout', 'innodb_lock_wait_timeout', 'innodb_buffer_pool_size', "
                  "'long_query_time', 'slow_query_log', 'transaction_isolation', "
                  "'tx_isolation', 'performance_schema_digests_size', 'wait_timeout', "
                  "'innodb_deadlock_detect', 'sql_mode')"));
        setUpSession(variables);
        detectFeatures(variables);
        readPrivileges();
        detectReplica();
    } catch (const ServerError& e) {
        disconnect();
        if (connectionLost(e.code))
            throw EngineError(EngineError::Kind::Connect,
                              phrase(DBT_TR("Engine", "The connection to %1 broke while setting "
                                                      "it up (%2)."),
                                     {whereText(), literal(sanitizeText(e.message, 300))}));
        throw EngineError(EngineError::Kind::Query,
                          phrase(DBT_TR("Engine", "Setting up the monitoring session on %1 "
                                                  "failed: %2"),
                                 {whereText(), literal(sanitizeText(e.message, 300))}));
    } catch (...) {
        disconnect();
        throw;
    }

    info_.engine = features_.engine;
    info_.version = sanitizeText(features_.version, 128);
    info_.versionNum = features_.versionNum;
    info_.host = target_.host.empty() ? (target_.socket.empty() ? "localhost" : target_.socket)
                                      : target_.host;
    info_.port = target_.port ? std::to_string(target_.port) : std::string();
    info_.superuser = grants_.all || grants_.super;
    info_.readAllStats = grants_.process;
    info_.inRecovery = replica_;
    preflight_ = mysql::preflightFindings(features_, grants_, account_);
    return info_;
}

void MysqlSession::setUpSession(const std::map<std::string, std::string>& variables) {
    const bool maria = variables.count("max_statement_time") > 0;
    const bool mysql8 = variables.count("max_execution_time") > 0;
    const int lockSeconds =
        std::max(1, static_cast<int>(std::ceil(options_.lockTimeoutMs / 1000.0)));
    query("SET SESSION TRANSACTION READ ONLY");
    std::string set =
        "SET SESSION autocommit = 1, lock_wait_timeout = " + std::to_string(lockSeconds) +
        ", innodb_lock_wait_timeout = " + std::to_string(lockSeconds);
    if (maria) {
        char seconds[32];
        std::snprintf(seconds, sizeof seconds, "%.3f", options_.statementTimeoutMs / 1000.0);
        set += std::string(", max_statement_time = ") + seconds;
    } else if (mysql8) {
        set += ", max_execution_time = " + std::to_string(options_.statementTimeoutMs);
    }
    query(set);

    const auto now = mysql::nameValueMap(
        query("SHOW VARIABLES WHERE Variable_name IN ('tx_read_only', 'transaction_read_only', "
              "'autocommit', 'lock_wait_timeout', 'innodb_lock_wait_timeout')"));
    const auto isOn = [&](const char* name) {
        const auto it = now.find(name);
        return it != now.end() && (it->second == "ON" || it->second == "1");
    };
    if (!isOn("transaction_read_only") && !isOn("tx_read_only"))
        throw EngineError(EngineError::Kind::Connect,
                          phrase(DBT_TR("Engine", "%1 did not make the monitoring session "
                                                  "read-only, so dbtriage does not go on."),
                                 {whereText()}));
    if (!isOn("autocommit"))
        throw EngineError(EngineError::Kind::Connect,
                          phrase(DBT_TR("Engine", "%1 kept autocommit off for the monitoring "
                                                  "session, so dbtriage does not go on."),
                                 {whereText()}));
    features_.readOnlyVariable =
        now.count("transaction_read_only") ? "transaction_read_only" : "tx_read_only";
}

void MysqlSession::detectFeatures(const std::map<std::string, std::string>& variables) {
    mysql::Features& f = features_;
    const auto var = [&](const char* name) {
        const auto it = variables.find(name);
        return it == variables.end() ? std::string() : it->second;
    };
    f.version = var("version");
    f.versionNum = mysql::versionNumber(f.version);
    f.performanceSchemaOn = var("performance_schema") == "ON" || var("performance_schema") == "1";
    f.maxStatementTime = variables.count("max_statement_time") > 0;
    f.maxExecutionTime = variables.count("max_execution_time") > 0;
    maxConnections_ = std::atoll(var("max_connections").c_str());
    for (const char* name :
         {"version_comment", "max_connections", "performance_schema", "read_only",
          "lock_wait_timeout", "innodb_lock_wait_timeout", "max_statement_time",
          "max_execution_time", "innodb_buffer_pool_size", "long_query_time", "slow_query_log",
          "transaction_isolation", "tx_isolation", "performance_schema_digests_size",
          "wait_timeout", "innodb_deadlock_detect", "sql_mode"})
        if (variables.count(name))
            info_.settings[name] = var(name);

    const Rows tables =
        query("SELECT 1 AS dbtriage_tag, LOWER(TABLE_SCHEMA) AS s, LOWER(TABLE_NAME) AS t FROM "
              "information_schema.TABLES WHERE (TABLE_SCHEMA = 'performance_schema' AND "
              "TABLE_NAME IN ('data_locks', 'data_lock_waits', 'processlist', "
              "'session_connect_attrs', 'metadata_locks', "
              "'events_statements_summary_by_digest', 'threads')) OR (TABLE_SCHEMA = "
              "'information_schema' AND TABLE_NAME IN ('INNODB_LOCK_WAITS', 'INNODB_LOCKS'))");
    std::set<std::string> present;
    for (const Row& r : tables)
        present.insert(r.text("s", 128) + "." + r.text("t", 128));
    const auto has = [&](const char* name) { return present.count(name) > 0; };
    f.dataLocks = has("performance_schema.data_locks") && has("performance_schema.data_lock_waits");
    f.innodbLockWaits =
        has("information_schema.innodb_lock_waits") && has("information_schema.innodb_locks");
    f.psProcesslist = has("performance_schema.processlist");
    f.connectAttrs = has("performance_schema.session_connect_attrs");
    f.metadataLocksTable = has("performance_schema.metadata_locks");
    f.digestTable = has("performance_schema.events_statements_summary_by_digest");
    f.engine = mysql::decideEngine(variables, f.dataLocks, f.innodbLockWaits);

    if (f.performanceSchemaOn) {
        try {
            const Rows setup = query(
                "SELECT 1 AS dbtriage_tag, NAME, ENABLED FROM performance_schema.setup_instruments "
                "WHERE NAME = 'wait/lock/metadata/sql/mdl' UNION ALL SELECT 1, NAME, ENABLED FROM "
                "performance_schema.setup_consumers WHERE NAME IN ('statements_digest', "
                "'global_instrumentation')");
            std::map<std::string, bool> enabled;
            for (const Row& r : setup)
                enabled[r.text("NAME", 128)] = r.text("ENABLED", 8) == "YES";
            f.mdlInstrumentOn =
                enabled["wait/lock/metadata/sql/mdl"] && enabled["global_instrumentation"];
            f.digestConsumerOn = enabled["statements_digest"] && enabled["global_instrumentation"];
            f.performanceSchemaReadable = true;
            if (f.digestTable)
                for (const Row& r : query("SELECT 1 AS dbtriage_tag, UPPER(COLUMN_NAME) AS c FROM "
                                          "information_schema.COLUMNS WHERE "
                                          "TABLE_SCHEMA = 'performance_schema' AND TABLE_NAME = "
                                          "'events_statements_summary_by_digest'"))
                    f.digestColumns.push_back(r.text("c", 128));
        } catch (const ServerError& e) {
            if (connectionLost(e.code))
                throw;
            f.performanceSchemaReadable = false;
        }
    }
    try {
        query("SELECT 1 AS dbtriage_tag FROM sys.sys_config LIMIT 1");
        f.sysSchema = f.sysReadable = true;
    } catch (const ServerError& e) {
        if (connectionLost(e.code))
            throw;
        // 1146 / 1049: sys (or its table) is missing. Access denied: present or not, the
        // user cannot read it (the server does not tell which, on purpose).
        f.sysSchema = !(e.code == 1146 || e.code == 1049);
        f.sysReadable = false;
    }
}

void MysqlSession::readPrivileges() {
    std::vector<std::string> lines;
    for (const Row& r : query("SHOW GRANTS"))
        if (!r.columns.empty() && r.columns[0].second)
            lines.push_back(*r.columns[0].second); // parsed only: may hold a password hash
    grants_ = mysql::parseGrants(lines);
    if (!grants_.process) {
        // PROCESS may come through a role: the InnoDB tables tell for sure.
        try {
            query("SELECT 1 AS dbtriage_tag, trx_id FROM information_schema.INNODB_TRX LIMIT 1");
            grants_.process = true;
        } catch (const ServerError& e) {
            if (connectionLost(e.code))
                throw;
        }
    }
}

void MysqlSession::detectReplica() {
    replica_ = false;
    replicaProbe_ = "ok";
    for (const char* statement : {"SHOW REPLICA STATUS", "SHOW SLAVE STATUS"}) {
        try {
            replica_ = !query(statement).empty();
            replicaStatement_ = statement;
            return;
        } catch (const ServerError& e) {
            if (connectionLost(e.code))
                throw;
            if (e.code == 1064) // older servers: try the old spelling
                continue;
            replicaProbe_ = mysql::probeStatus(e.code, e.message);
            break;
        }
    }
    // Without SLAVE MONITOR / REPLICATION CLIENT: is this a replica at all? Only then is
    // the missing lag worth a note in every sample.
    try {
        bool replica = false;
        if (features_.engine == Engine::MariaDB) {
            const auto st = mysql::nameValueMap(query(
                "SHOW GLOBAL STATUS WHERE Variable_name IN ('Slaves_running', 'Slave_running')"));
            const auto running = st.find("Slaves_running");
            replica = (running != st.end() && running->second != "0") ||
                      (st.count("Slave_running") && st.at("Slave_running") == "ON");
        } else {
            const Rows n = query("SELECT 1 AS dbtriage_tag, COUNT(*) AS n FROM "
                                 "performance_schema.replication_connection_configuration");
            replica = !n.empty() && n[0].integer("n").value_or(0) > 0;
        }
        replica_ = replica;
        replicaProbe_ = replica ? "unavailable: the monitoring user lacks SLAVE MONITOR "
                                  "(MariaDB) / REPLICATION CLIENT (MySQL) to read the "
                                  "replication lag"
                                : "ok";
        replicaStatement_.clear();
    } catch (const ServerError& e) {
        if (connectionLost(e.code))
            throw;
    }
}

void MysqlSession::sample(Snapshot& s) {
    if (db_ == nullptr)
        throw EngineError(EngineError::Kind::Lost,
                          phrase(DBT_TR("Engine", "The connection to %1 is closed; connect again."),
                                 {whereText()}));
    s.collectedAt = nowMicros();
    const mysql::Features& f = features_;
    const bool psUsable = f.performanceSchemaOn && f.performanceSchemaReadable;

    std::map<std::string, std::string> status;
    probe(s, "status", [&] {
        status = mysql::nameValueMap(
            query("SHOW GLOBAL STATUS WHERE Variable_name IN ('Threads_connected', "
                  "'Threads_running', 'Max_used_connections', "
                  "'Innodb_buffer_pool_read_requests', 'Innodb_buffer_pool_reads', "
                  "'Created_tmp_disk_tables', 'Innodb_deadlocks', 'Uptime')"));
    });

    Rows processlist;
    probe(s, "sessions", [&] {
        const bool attrs = psUsable && f.connectAttrs;
        const bool ps = psUsable && f.psProcesslist;
        std::string sql =
            "SELECT 1 AS dbtriage_tag, p.ID, p.USER, p.HOST, p.DB, p.COMMAND, p.TIME, ";
        if (!ps && f.engine == Engine::MariaDB)
            sql += "p.TIME_MS, ";
        sql += "p.STATE, SUBSTRING(p.INFO, 1, 16384) AS INFO";
        if (attrs)
            sql += ", a.ATTR_VALUE AS PROGRAM_NAME";
        sql += ps ? " FROM performance_schema.processlist p"
                  : " FROM information_schema.PROCESSLIST p";
        if (attrs)
            sql += " LEFT JOIN performance_schema.session_connect_attrs a ON a.PROCESSLIST_ID "
                   "= p.ID AND a.ATTR_NAME = 'program_name'";
        processlist = query(sql);
    });

    Rows trx;
    if (grants_.process) {
        probe(s, "transactions", [&] {
            trx = query("SELECT 1 AS dbtriage_tag, trx_id, trx_state, trx_mysql_thread_id, "
                        "trx_requested_lock_id, "
                        "TIMESTAMPDIFF(MICROSECOND, trx_started, NOW(6)) AS TRX_AGE_US, "
                        "TIMESTAMPDIFF(MICROSECOND, trx_wait_started, NOW(6)) AS "
                        "TRX_WAIT_AGE_US, trx_rows_locked, trx_tables_locked "
                        "FROM information_schema.INNODB_TRX");
        });
    } else {
        s.probes.push_back({"transactions", "unavailable: the monitoring user lacks PROCESS"});
    }

    s.sessions = mysql::buildSessions(processlist, trx, {}, s.collectedAt, ownId_);
    s.connections = mysql::buildConnectionCounts(s.sessions, status, maxConnections_);
    mysql::fillHealth(s.health, status, trx);

    // Without PROCESS, INNODB_TRX is unreadable: nothing says whether anything waits.
    const bool rowWaits = !grants_.process || std::any_of(trx.begin(), trx.end(), [](const Row& t) {
        return t.text("trx_state", 32) == "LOCK WAIT";
    });
    if (!rowWaits) {
        s.probes.push_back({"row locks", "ok"}); // nothing waits: no statement needed
    } else if (f.innodbLockWaits && grants_.process) {
        std::string capNote;
        const bool ok = probe(s, "row locks", [&] {
            // INNODB_LOCK_WAITS pairs every waiter with every conflicting waiter queued ahead
            // of it (n waiters on one row: n²/2 rows), so a LIMIT alone would cut the holder's
            // rows at random. MariaDB keeps, per waiter, every holder ("hard") and only the
            // nearest waiter queued ahead (latest wait start), as the PostgreSQL driver does:
            // about two rows per waiter. MySQL 5.7 and MariaDB before 10.2 have no window
            // functions: all rows, capped.
            const std::string waitsSql =
                f.engine == Engine::MariaDB && f.versionNum >= 100200
                    ? "SELECT 1 AS dbtriage_tag, x.requesting_trx_id, x.requested_lock_id, "
                      "x.blocking_trx_id, x.blocking_lock_id FROM (SELECT w.requesting_trx_id, "
                      "w.requested_lock_id, w.blocking_trx_id, w.blocking_lock_id, "
                      "COALESCE(b.trx_state = 'LOCK WAIT' AND w.blocking_lock_id = "
                      "b.trx_requested_lock_id, 0) AS queued, ROW_NUMBER() OVER (PARTITION BY "
                      "w.requesting_trx_id, COALESCE(b.trx_state = 'LOCK WAIT' AND "
                      "w.blocking_lock_id = b.trx_requested_lock_id, 0) ORDER BY "
                      "b.trx_wait_started DESC, w.blocking_trx_id) AS rn "
                      "FROM information_schema.INNODB_LOCK_WAITS w LEFT JOIN "
                      "information_schema.INNODB_TRX b ON b.trx_id = w.blocking_trx_id) x "
                      "WHERE x.queued = 0 OR x.rn = 1 LIMIT "
                    : "SELECT 1 AS dbtriage_tag, requesting_trx_id, requested_lock_id, "
                      "blocking_trx_id, blocking_lock_id FROM "
                      "information_schema.INNODB_LOCK_WAITS LIMIT ";
            const Rows waits = query(waitsSql + std::to_string(kLockRowLimit));
            const Rows locks = query(
                "SELECT 1 AS dbtriage_tag, lock_id, lock_trx_id, lock_mode, lock_type, lock_table, "
                "lock_index, lock_data FROM information_schema.INNODB_LOCKS LIMIT " +
                std::to_string(kLockRowLimit));
            auto edges = mysql::innodbLockWaits(waits, locks, trx);
            s.lockWaits.insert(s.lockWaits.end(), edges.waits.begin(), edges.waits.end());
            s.heldLocks.insert(s.heldLocks.end(), edges.held.begin(), edges.held.end());
            capNote =
                lockRowCapNote(waits.size(), locks.size(), "INNODB_LOCK_WAITS and INNODB_LOCKS");
        });
        if (ok && !capNote.empty())
            s.probes.back().status = capNote;
    } else if (f.dataLocks && psUsable) {
        std::string capNote;
        const bool ok = probe(s, "row locks", [&] {
            const Rows waits = query(
                "SELECT 1 AS dbtriage_tag, REQUESTING_ENGINE_LOCK_ID, "
                "REQUESTING_ENGINE_TRANSACTION_ID, "
                "REQUESTING_THREAD_ID, BLOCKING_ENGINE_LOCK_ID, BLOCKING_ENGINE_TRANSACTION_ID, "
                "BLOCKING_THREAD_ID FROM performance_schema.data_lock_waits LIMIT " +
                std::to_string(kLockRowLimit));
            std::set<std::string> lockIds, blockingTrx;
            for (const Row& w : waits) {
                for (const char* c : {"REQUESTING_ENGINE_LOCK_ID", "BLOCKING_ENGINE_LOCK_ID"})
                    if (auto v = w.raw(c))
                        lockIds.insert(*v);
                if (auto v = w.raw("BLOCKING_ENGINE_TRANSACTION_ID"))
                    blockingTrx.insert(*v);
            }
            Rows locks;
            if (!lockIds.empty())
                locks = query(
                    "SELECT 1 AS dbtriage_tag, ENGINE_LOCK_ID, ENGINE_TRANSACTION_ID, THREAD_ID, "
                    "OBJECT_SCHEMA, OBJECT_NAME, PARTITION_NAME, INDEX_NAME, "
                    "LOCK_TYPE, LOCK_MODE, LOCK_STATUS, LOCK_DATA FROM "
                    "performance_schema.data_locks WHERE ENGINE_LOCK_ID IN (" +
                    joinLiterals(db_, lockIds) + ") OR (ENGINE_TRANSACTION_ID IN (" +
                    joinLiterals(db_, blockingTrx) + ") AND LOCK_STATUS = 'GRANTED') LIMIT " +
                    std::to_string(kLockRowLimit));
            std::map<std::int64_t, std::int64_t> threadToPid;
            auto edges = mysql::dataLockWaits(waits, locks, trx, threadToPid);
            if (edges.waits.size() < waits.size()) {
                // Some transactions ended or are not in INNODB_TRX: map their threads.
                std::set<std::string> threads;
                for (const Row& w : waits)
                    for (const char* c : {"REQUESTING_THREAD_ID", "BLOCKING_THREAD_ID"})
                        if (auto v = w.integer(c))
                            threads.insert(std::to_string(*v));
                if (!threads.empty()) {
                    std::string list;
                    for (const std::string& t : threads)
                        list += (list.empty() ? "" : ", ") + t;
                    for (const Row& r : query("SELECT 1 AS dbtriage_tag, THREAD_ID, PROCESSLIST_ID "
                                              "FROM performance_schema.threads "
                                              "WHERE THREAD_ID IN (" +
                                              list + ")"))
                        if (auto t = r.integer("THREAD_ID"))
                            if (auto p = r.integer("PROCESSLIST_ID"))
                                threadToPid[*t] = *p;
                    edges = mysql::dataLockWaits(waits, locks, trx, threadToPid);
                }
            }
            s.lockWaits.insert(s.lockWaits.end(), edges.waits.begin(), edges.waits.end());
            s.heldLocks.insert(s.heldLocks.end(), edges.held.begin(), edges.held.end());
            capNote = lockRowCapNote(waits.size(), locks.size(), "data_lock_waits and data_locks");
        });
        if (ok && !capNote.empty())
            s.probes.back().status = capNote;
    } else {
        s.probes.push_back({"row locks", !grants_.process
                                             ? "unavailable: the monitoring user lacks PROCESS"
                                         : f.dataLocks ? "unavailable: the monitoring user cannot "
                                                         "read performance_schema.data_locks"
                                                       : "unavailable: the server has no InnoDB "
                                                         "lock-wait tables"});
    }

    const auto metadataWaiters = std::count_if(s.sessions.begin(), s.sessions.end(), [](auto& x) {
        return x.waitEventType == "Lock" && x.waitEvent != "row lock";
    });
    // Without PROCESS the process list shows only the tool's own session: look anyway.
    const bool mdlReadable = psUsable && f.metadataLocksTable && f.mdlInstrumentOn;
    if (metadataWaiters == 0 && grants_.process) {
        s.probes.push_back({"metadata locks", "ok"}); // nothing waits: no statement needed
    } else if (metadataWaiters == 0 && !mdlReadable) {
        s.probes.push_back({"metadata locks", "unavailable: the monitoring user lacks PROCESS "
                                              "and cannot read performance_schema.metadata_locks"});
    } else if (mdlReadable) {
        probe(s, "metadata locks", [&] {
            const Rows mdl = query(
                "SELECT 1 AS dbtriage_tag, m.OBJECT_TYPE, m.OBJECT_SCHEMA, m.OBJECT_NAME, "
                "m.LOCK_TYPE, "
                "m.LOCK_DURATION, m.LOCK_STATUS, m.OWNER_THREAD_ID, t.PROCESSLIST_ID FROM "
                "performance_schema.metadata_locks m LEFT JOIN performance_schema.threads t ON "
                "t.THREAD_ID = m.OWNER_THREAD_ID WHERE EXISTS (SELECT 1 FROM "
                "performance_schema.metadata_locks p WHERE p.LOCK_STATUS = 'PENDING' AND "
                "p.OBJECT_TYPE = m.OBJECT_TYPE AND p.OBJECT_SCHEMA <=> m.OBJECT_SCHEMA AND "
                "p.OBJECT_NAME <=> m.OBJECT_NAME) LIMIT " +
                std::to_string(kLockRowLimit));
            auto edges = mysql::metadataLockWaits(mdl, {});
            s.lockWaits.insert(s.lockWaits.end(), edges.waits.begin(), edges.waits.end());
            s.heldLocks.insert(s.heldLocks.end(), edges.held.begin(), edges.held.end());
        });
    } else {
        s.probes.push_back(
            {"metadata locks",
             "unavailable: " + std::to_string(metadataWaiters) +
                 (metadataWaiters == 1 ? " session waits" : " sessions wait") +
                 " for a metadata lock, but " +
                 (!f.performanceSchemaOn ? std::string("performance_schema is OFF")
                  : !f.performanceSchemaReadable
                      ? std::string("the monitoring user cannot read performance_schema")
                      : std::string("the metadata-lock instrument is off")) +
                 ", so who blocks is unknown"});
    }
    mysql::markWaiting(s.sessions, s.lockWaits);

    // The collector asks for statement counters on their own, slower cadence; in between it
    // carries the last values (Snapshot::statementsFresh false on entry), as for PostgreSQL.
    if (!s.statementsFresh) {
        // not read in this sample: no statement, no note
    } else if (psUsable && f.digestTable && f.digestConsumerOn) {
        probe(s, "statements", [&] {
            const auto hasColumn = [&](const char* c) {
                return std::find(f.digestColumns.begin(), f.digestColumns.end(), c) !=
                       f.digestColumns.end();
            };
            std::string sql =
                "SELECT 1 AS dbtriage_tag, SCHEMA_NAME, DIGEST, DIGEST_TEXT, COUNT_STAR, "
                "SUM_TIMER_WAIT, AVG_TIMER_WAIT, SUM_ROWS_SENT, "
                "SUM_ROWS_EXAMINED, SUM_NO_INDEX_USED, "
                "SUM_CREATED_TMP_DISK_TABLES, SUM_SORT_MERGE_PASSES";
            for (const char* c : {"QUANTILE_95", "QUANTILE_99", "SUM_CPU_TIME"})
                if (hasColumn(c))
                    sql += std::string(", ") + c;
            const bool sampleText = !options_.redact && hasColumn("QUERY_SAMPLE_TEXT");
            if (sampleText)
                sql += ", QUERY_SAMPLE_TEXT";
            sql += " FROM performance_schema.events_statements_summary_by_digest WHERE "
                   "COUNT_STAR > 0 ORDER BY SUM_TIMER_WAIT DESC LIMIT " +
                   std::to_string(kDigestLimit);
            s.statements = mysql::buildStatements(query(sql), sampleText, ownShapes_);
        });
    } else {
        s.probes.push_back(
            {"statements", !f.performanceSchemaOn ? "unavailable: performance_schema is OFF"
                           : !f.performanceSchemaReadable
                               ? "unavailable: the monitoring user cannot read performance_schema"
                           : !f.digestTable ? "unavailable: the server has no statement digests"
                                            : "unavailable: the statements_digest consumer is "
                                              "off"});
    }
    s.statementScope = StatementScope::Cumulative;

    if (replica_ && !replicaStatement_.empty()) {
        probe(s, "replication", [&] {
            for (const Row& r : query(replicaStatement_))
                s.health.replicas.push_back(mysql::replicaLag(r));
        });
    } else if (replicaProbe_ != "ok") {
        s.probes.push_back({"replication", replicaProbe_});
    }
}

std::string MysqlSession::explainJson(const std::string& sql, bool analyze) {
    ExplainRequest request;
    request.sql = sql;
    request.analyze = analyze;
    return explain(request).plan;
}

// EXPLAIN FORMAT=JSON in the read-only session; ANALYZE (MariaDB ANALYZE FORMAT=JSON, MySQL 8
// EXPLAIN ANALYZE) only for a plain SELECT, inside START TRANSACTION READ ONLY ... ROLLBACK.
// Digest texts get a plausible value for each placeholder.
ExplainResult MysqlSession::explain(const ExplainRequest& request) {
    using Kind = EngineError::Kind;
    if (db_ == nullptr)
        throw EngineError(Kind::Lost,
                          phrase(DBT_TR("Engine", "The connection to %1 is closed; connect again."),
                                 {whereText()}));
    const bool maria = info_.engine == Engine::MariaDB;
    const plans::MysqlStatement st = plans::inspectMysql(request.sql);
    ExplainResult result;
    std::string sql = request.sql;
    if (st.placeholders > 0) {
        if (request.analyze)
            throw EngineError(
                Kind::Query,
                phrase(DBT_TR("Engine", "EXPLAIN ANALYZE needs the real values, and this digest "
                                        "text has %1 placeholders (? or ...); explain it without "
                                        "ANALYZE, or put real values in."),
                       {literal(std::to_string(st.placeholders))}));
        int replaced = 0;
        sql = plans::fillMysqlPlaceholders(sql, &replaced);
        addNote(result,
                phrase(DBT_TR("Engine", "The digest text has %1 placeholders (? and ...); "
                                        "dbtriage put '1' in their place (1 after LIMIT), so "
                                        "this is the plan for one plausible value, not for the "
                                        "values the application sent."),
                       {literal(std::to_string(replaced))}));
    }
    if (request.analyze && !st.plainSelect)
        throw EngineError(Kind::Query, st.refusal);
    // Digest texts print "COUNT ( * )", which the server's parser rejects.
    sql = plans::joinMysqlFunctionParens(sql);
    result.explained = sql;

    bool inTransaction = false;
    bool switched = false;
    std::optional<std::string> previous;
    auto cleanUp = [&] {
        if (db_ == nullptr)
            return;
        if (inTransaction) {
            inTransaction = false;
            try {
                query("ROLLBACK");
            } catch (const ServerError&) {
                disconnect(); // never leave the session inside a transaction
                return;
            }
        }
        if (switched) {
            switched = false;
            if (previous && mysql_select_db(db_, previous->c_str()) != 0)
                disconnect();
        }
    };
    try {
        if (!request.database.empty() && request.database != info_.database) {
            const Rows current = query("SELECT 1 AS dbtriage_tag, DATABASE() AS db");
            if (!current.empty())
                previous = current[0].raw("db");
            if (mysql_select_db(db_, request.database.c_str()) != 0)
                throw ServerError{mysql_errno(db_), mysql_error(db_)};
            switched = true;
            addNote(result, phrase(DBT_TR("Engine", "Explained with default schema %1."),
                                   {literal(sanitizeText(request.database, 128))}));
            if (!previous)
                addNote(result,
                        phrase(DBT_TR("Engine", "The session had no default schema before; it "
                                                "keeps %1 (dbtriage's own statements name their "
                                                "schemas)."),
                               {literal(sanitizeText(request.database, 128))}));
        }
        // MariaDB digests print table names that are keywords in upper case ("FROM EVENTS"); on
        // a server with case-sensitive table names that table does not exist (error 1146).
        auto explainRows = [&](const std::string& prefix) -> Rows {
            try {
                return query(prefix + sql);
            } catch (const ServerError& e) {
                const std::string lowered = plans::lowerMysqlKeywordTables(sql);
                if (e.code != 1146 || lowered == sql)
                    throw;
                Rows again = query(prefix + lowered);
                sql = lowered;
                result.explained = sql;
                addNote(result, phrase(DBT_TR("Engine", "The digest printed table names in "
                                                        "upper case; they were explained in "
                                                        "lower case.")));
                return again;
            }
        };
        Rows rows;
        if (request.analyze) {
            query("START TRANSACTION READ ONLY");
            inTransaction = true;
            rows = explainRows(maria ? "ANALYZE FORMAT=JSON " : "EXPLAIN ANALYZE ");
            result.analyzed = true;
            result.dialect =
                maria ? std::string(plans::dialectName(plans::Dialect::MariadbAnalyzeJson))
                      : std::string("mysql-tree");
            addNote(result, phrase(DBT_TR("Engine", "ANALYZE ran the SELECT inside a read-only "
                                                    "transaction that was rolled back.")));
        } else {
            rows = explainRows("EXPLAIN FORMAT=JSON ");
            result.dialect = std::string(plans::dialectName(maria ? plans::Dialect::MariadbJson
                                                                  : plans::Dialect::MysqlJson));
        }
        cleanUp();
        if (rows.empty() || rows[0].columns.empty() || !rows[0].columns[0].second)
            throw EngineError(Kind::Query, "The server returned no plan.");
        result.plan = *rows[0].columns[0].second;
        return result;
    } catch (const ServerError& e) {
        if (connectionLost(e.code)) {
            disconnect();
            throw EngineError(Kind::Lost,
                              phrase(DBT_TR("Engine", "The connection to %1 was lost during "
                                                      "EXPLAIN (%2)."),
                                     {whereText(), literal(sanitizeText(e.message, 300))}));
        }
        cleanUp();
        const Message server = literal(sanitizeText(e.message, 300));
        const auto fail = [](const char* context, const char* text, std::vector<Message> args) {
            return EngineError(Kind::Query, phrase(context, text, std::move(args)));
        };
        if (e.code == 1792 || e.code == 1290 || e.code == 1207)
            throw fail(DBT_TR("Engine", "EXPLAIN failed: %1 (dbtriage runs EXPLAIN read-only, so "
                                        "a statement that writes, also inside a function, is "
                                        "stopped)."),
                       {server});
        if (e.code == 3024 || e.code == 1969)
            throw fail(DBT_TR("Engine", "EXPLAIN failed: %1 (the statement timeout, %2 ms, "
                                        "stopped it; retry when the server is less busy)."),
                       {server, literal(std::to_string(options_.statementTimeoutMs))});
        if (e.code == 1205)
            throw fail(DBT_TR("Engine", "EXPLAIN failed: %1 (the lock wait timeout stopped it; "
                                        "look at the lock waits, then retry)."),
                       {server});
        if (e.code == 1044 || e.code == 1142 || e.code == 1049)
            throw fail(DBT_TR("Engine", "EXPLAIN failed: %1. Check the database name and the "
                                        "account's rights."),
                       {server});
        throw fail(DBT_TR("Engine", "EXPLAIN failed: %1. Check the statement."), {server});
    } catch (...) {
        cleanUp();
        throw;
    }
}

// For the index advisor: SELECT / SHOW only, through query() (tagged, within the timeouts).
Rows MysqlSession::readQuery(const std::string& sql) {
    using Kind = EngineError::Kind;
    std::size_t i = sql.find_first_not_of(" \t\r\n");
    std::string head = sql.substr(i == std::string::npos ? sql.size() : i, 6);
    for (char& c : head)
        c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    if (head.rfind("SELECT", 0) != 0 && head.rfind("SHOW", 0) != 0)
        throw EngineError(Kind::Query, phrase(DBT_TR("Engine", "Only SELECT and SHOW are sent "
                                                               "through this session.")));
    if (db_ == nullptr)
        throw EngineError(Kind::Lost,
                          phrase(DBT_TR("Engine", "The connection to %1 is closed; connect again."),
                                 {whereText()}));
    try {
        return query(sql);
    } catch (const ServerError& e) {
        if (connectionLost(e.code)) {
            disconnect();
            throw EngineError(Kind::Lost,
                              phrase(DBT_TR("Engine", "The connection to %1 was lost (%2)."),
                                     {whereText(), literal(sanitizeText(e.message, 300))}));
        }
        throw EngineError(Kind::Query, phrase(DBT_TR("Engine", "%1 (error %2)"),
                                              {literal(sanitizeText(e.message, 300)),
                                               literal(std::int64_t(e.code))}));
    }
}

} // namespace

std::unique_ptr<EngineSession> makeMysqlSession(const ConnectOptions& options) {
    return std::make_unique<MysqlSession>(options);
}

mysql::Rows mysqlReadQuery(EngineSession& session, const std::string& sql) {
    auto* s = dynamic_cast<MysqlSession*>(&session);
    if (s == nullptr)
        throw EngineError(EngineError::Kind::Usage, "Not a MySQL or MariaDB session.");
    return s->readQuery(sql);
}

} // namespace dbt
