// mysql:// and mariadb:// targets, parsed into what the MySQL C API needs. No I/O.
#pragma once

#include <optional>
#include <string>

namespace dbt::mysql {

enum class SslMode { Default, Disabled, Preferred, Required, VerifyCa, VerifyIdentity };

// mysql://user[:password]@host[:port][/db][?key=value&...], mariadb:// the same.
// Every part is percent-decoded. Query keys (dashes or underscores):
//   ssl-mode=DISABLED|PREFERRED|REQUIRED|VERIFY_CA|VERIFY_IDENTITY, ssl-ca, ssl-capath,
//   ssl-cert, ssl-key, socket, option-file, option-group.
struct MysqlTarget {
    std::string scheme;                  // "mysql" | "mariadb"
    std::optional<std::string> user;     // absent: from option files, else the login name
    std::optional<std::string> password; // absent: option files / MYSQL_PWD
    std::string host;                    // empty: localhost (Unix socket)
    unsigned port = 0;                   // 0: option files / MYSQL_TCP_PORT / 3306
    std::string database;
    std::string socket;
    SslMode sslMode = SslMode::Default;
    std::string sslCa;
    std::string sslCaPath;
    std::string sslCert;
    std::string sslKey;
    std::string optionFile;  // MYSQL_READ_DEFAULT_FILE
    std::string optionGroup; // MYSQL_READ_DEFAULT_GROUP, "client" when empty
};

// Throws EngineError(Usage) with a sentence that never contains the password.
MysqlTarget parseMysqlTarget(const std::string& uri);

const char* sslModeName(SslMode mode);

} // namespace dbt::mysql
