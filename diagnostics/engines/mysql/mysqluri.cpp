#include "mysqluri.h"

#include "engines/engine.h"

#include <algorithm>
#include <cctype>

namespace dbt::mysql {

namespace {

[[noreturn]] void usage(const char* context, const char* text, std::vector<Message> args = {}) {
    throw EngineError(EngineError::Kind::Usage, phrase(context, text, std::move(args)));
}

int hexValue(char c) {
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

// `what` names the part for the error sentence; the value itself is never quoted, as it
// may be a password.
std::string percentDecode(const std::string& text, const Message& what) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] != '%') {
            out += text[i];
            continue;
        }
        const int hi = i + 1 < text.size() ? hexValue(text[i + 1]) : -1;
        const int lo = i + 2 < text.size() ? hexValue(text[i + 2]) : -1;
        if (hi < 0 || lo < 0)
            usage(DBT_TR("Engine", "The %1 in the connection URI has a '%' that is not followed "
                                   "by two hex digits."),
                  {what});
        out += static_cast<char>(hi * 16 + lo);
        i += 2;
    }
    return out;
}

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

SslMode parseSslMode(const std::string& value) {
    std::string v = lower(value);
    std::replace(v.begin(), v.end(), '-', '_');
    if (v == "disabled")
        return SslMode::Disabled;
    if (v == "preferred")
        return SslMode::Preferred;
    if (v == "required")
        return SslMode::Required;
    if (v == "verify_ca")
        return SslMode::VerifyCa;
    if (v == "verify_identity")
        return SslMode::VerifyIdentity;
    usage(DBT_TR("Engine", "ssl-mode must be one of DISABLED, PREFERRED, REQUIRED, VERIFY_CA or "
                           "VERIFY_IDENTITY, not '%1'."),
          {literal(value)});
}

void applyParameter(MysqlTarget& t, std::string key, const std::string& value) {
    key = lower(key);
    std::replace(key.begin(), key.end(), '_', '-');
    if (key == "ssl-mode" || key == "sslmode")
        t.sslMode = parseSslMode(value);
    else if (key == "ssl-ca")
        t.sslCa = value;
    else if (key == "ssl-capath")
        t.sslCaPath = value;
    else if (key == "ssl-cert")
        t.sslCert = value;
    else if (key == "ssl-key")
        t.sslKey = value;
    else if (key == "socket")
        t.socket = value;
    else if (key == "option-file")
        t.optionFile = value;
    else if (key == "option-group")
        t.optionGroup = value;
    else if (key == "password")
        usage(DBT_TR("Engine", "Put the password in the user part (mysql://user:password@host) "
                               "or in an option file, not in a query parameter."));
    else
        usage(DBT_TR("Engine", "Unknown parameter '%1' in the connection URI (known: ssl-mode, "
                               "ssl-ca, ssl-capath, ssl-cert, ssl-key, socket, option-file, "
                               "option-group)."),
              {literal(key)});
}

} // namespace

const char* sslModeName(SslMode mode) {
    switch (mode) {
    case SslMode::Default:
        return "DEFAULT";
    case SslMode::Disabled:
        return "DISABLED";
    case SslMode::Preferred:
        return "PREFERRED";
    case SslMode::Required:
        return "REQUIRED";
    case SslMode::VerifyCa:
        return "VERIFY_CA";
    case SslMode::VerifyIdentity:
        return "VERIFY_IDENTITY";
    }
    return "DEFAULT";
}

MysqlTarget parseMysqlTarget(const std::string& uri) {
    MysqlTarget t;
    const auto schemeEnd = uri.find("://");
    if (schemeEnd == std::string::npos)
        usage(DBT_TR("Engine", "A MySQL target must look like mysql://user@host:port/database."));
    t.scheme = lower(uri.substr(0, schemeEnd));
    if (t.scheme != "mysql" && t.scheme != "mariadb")
        usage(DBT_TR("Engine", "A MySQL target must start with mysql:// or mariadb://."));

    // The user part ends at the last '@' of the whole URI, so that a password with an
    // unencoded '/', '?' or '#' never leaks into the host, database or parameters.
    std::string rest = uri.substr(schemeEnd + 3);
    if (const auto at = rest.rfind('@'); at != std::string::npos) {
        const std::string userInfo = rest.substr(0, at);
        rest = rest.substr(at + 1);
        const auto colon = userInfo.find(':');
        const std::string user = userInfo.substr(0, colon);
        if (!user.empty())
            t.user = percentDecode(user, phrase(DBT_TR("Engine", "user name")));
        if (colon != std::string::npos)
            t.password =
                percentDecode(userInfo.substr(colon + 1), phrase(DBT_TR("Engine", "password")));
    }
    std::string query;
    if (const auto q = rest.find('?'); q != std::string::npos) {
        query = rest.substr(q + 1);
        rest.resize(q);
    }
    std::string path;
    if (const auto slash = rest.find('/'); slash != std::string::npos) {
        path = rest.substr(slash + 1);
        rest.resize(slash);
    }
    std::string hostPort = rest;

    std::string portText;
    if (!hostPort.empty() && hostPort.front() == '[') {
        const auto close = hostPort.find(']');
        if (close == std::string::npos)
            usage(
                DBT_TR("Engine", "The IPv6 address in the connection URI lacks its closing ']'."));
        t.host = hostPort.substr(1, close - 1);
        const std::string after = hostPort.substr(close + 1);
        if (!after.empty()) {
            if (after.front() != ':')
                usage(DBT_TR("Engine", "Unexpected text after the IPv6 address in the connection "
                                       "URI."));
            portText = after.substr(1);
        }
    } else {
        const auto colon = hostPort.rfind(':');
        if (colon != std::string::npos) {
            portText = hostPort.substr(colon + 1);
            hostPort.resize(colon);
        }
        t.host = percentDecode(hostPort, phrase(DBT_TR("Engine", "host name")));
    }
    if (!portText.empty()) {
        const bool digits = std::all_of(portText.begin(), portText.end(),
                                        [](unsigned char c) { return std::isdigit(c) != 0; });
        const long port = digits && portText.size() <= 5 ? std::stol(portText) : 0;
        if (port < 1 || port > 65535)
            usage(DBT_TR("Engine", "The port in the connection URI must be a number from 1 to "
                                   "65535, not '%1'."),
                  {literal(portText)});
        t.port = static_cast<unsigned>(port);
    }
    t.database = percentDecode(path, phrase(DBT_TR("Engine", "database name")));
    if (t.database.find('/') != std::string::npos)
        usage(DBT_TR("Engine", "The database name in the connection URI must not contain '/'."));

    std::size_t pos = 0;
    while (pos < query.size()) {
        auto amp = query.find('&', pos);
        if (amp == std::string::npos)
            amp = query.size();
        const std::string item = query.substr(pos, amp - pos);
        pos = amp + 1;
        if (item.empty())
            continue;
        const auto eq = item.find('=');
        const std::string key =
            percentDecode(item.substr(0, eq), phrase(DBT_TR("Engine", "parameter name")));
        const std::string value = eq == std::string::npos
                                      ? std::string()
                                      : percentDecode(item.substr(eq + 1), literal(key));
        applyParameter(t, key, value);
    }
    if (t.sslMode == SslMode::Disabled &&
        (!t.sslCa.empty() || !t.sslCert.empty() || !t.sslKey.empty() || !t.sslCaPath.empty()))
        usage(DBT_TR("Engine", "ssl-mode=DISABLED contradicts the ssl-ca / ssl-cert / ssl-key "
                               "parameters."));
    if ((t.sslMode == SslMode::VerifyCa || t.sslMode == SslMode::VerifyIdentity) &&
        t.sslCa.empty() && t.sslCaPath.empty())
        usage(DBT_TR("Engine", "ssl-mode=%1 needs ssl-ca (or ssl-capath): the certificate "
                               "authority to verify the server against."),
              {literal(sslModeName(t.sslMode))});
    return t;
}

} // namespace dbt::mysql
