#include "engines/engine.h"

#include "engines/mysql/mysqlsession.h"
#include "engines/postgres/pgsession.h"

#include <algorithm>
#include <cctype>

namespace dbt {

namespace {

bool startsWithNoCase(const std::string& s, const std::string& prefix)
{
    if (s.size() < prefix.size())
        return false;
    return std::equal(prefix.begin(), prefix.end(), s.begin(), [](char a, char b) {
        return std::tolower(static_cast<unsigned char>(a)) ==
               std::tolower(static_cast<unsigned char>(b));
    });
}

bool isUri(const std::string& target)
{
    return target.find("://") != std::string::npos;
}

// Masks "user:password@" in a URI and "password=..." query parameters.
std::string maskUri(std::string uri)
{
    const auto scheme = uri.find("://");
    const auto authorityStart = scheme + 3;
    auto authorityEnd = uri.find_first_of("/?#", authorityStart);
    if (authorityEnd == std::string::npos)
        authorityEnd = uri.size();
    const auto at = uri.rfind('@', authorityEnd);
    if (at != std::string::npos && at > authorityStart) {
        const auto colon = uri.find(':', authorityStart);
        if (colon != std::string::npos && colon < at)
            uri.replace(colon + 1, at - colon - 1, "***");
    }
    for (const char* key : {"password=", "sslpassword="}) {
        std::size_t pos = 0;
        while ((pos = uri.find(key, pos)) != std::string::npos) {
            const bool atParamStart = pos > 0 && (uri[pos - 1] == '?' || uri[pos - 1] == '&');
            const std::size_t valueStart = pos + std::char_traits<char>::length(key);
            if (!atParamStart) {
                pos = valueStart;
                continue;
            }
            auto valueEnd = uri.find_first_of("&#", valueStart);
            if (valueEnd == std::string::npos)
                valueEnd = uri.size();
            uri.replace(valueStart, valueEnd - valueStart, "***");
            pos = valueStart + 3;
        }
    }
    return uri;
}

// Masks the value of password= / sslpassword= in a libpq keyword string, quoted or not.
std::string maskKeywords(const std::string& s)
{
    std::string out;
    std::size_t i = 0;
    while (i < s.size()) {
        // copy whitespace
        while (i < s.size() && std::isspace(static_cast<unsigned char>(s[i])))
            out += s[i++];
        const std::size_t keyStart = i;
        while (i < s.size() && s[i] != '=' && !std::isspace(static_cast<unsigned char>(s[i])))
            ++i;
        std::string key = s.substr(keyStart, i - keyStart);
        out += key;
        while (i < s.size() && std::isspace(static_cast<unsigned char>(s[i])))
            out += s[i++];
        if (i >= s.size() || s[i] != '=')
            continue;
        out += s[i++];
        while (i < s.size() && std::isspace(static_cast<unsigned char>(s[i])))
            out += s[i++];
        std::string value;
        if (i < s.size() && s[i] == '\'') {
            value += s[i++];
            while (i < s.size() && s[i] != '\'') {
                if (s[i] == '\\' && i + 1 < s.size())
                    value += s[i++];
                value += s[i++];
            }
            if (i < s.size())
                value += s[i++];
        } else {
            while (i < s.size() && !std::isspace(static_cast<unsigned char>(s[i]))) {
                if (s[i] == '\\' && i + 1 < s.size())
                    value += s[i++];
                value += s[i++];
            }
        }
        std::transform(key.begin(), key.end(), key.begin(),
                       [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        out += (key == "password" || key == "sslpassword") ? std::string("***") : value;
    }
    return out;
}

} // namespace

std::unique_ptr<EngineSession> openEngine(const ConnectOptions& options)
{
    if (startsWithNoCase(options.target, "mysql://") ||
        startsWithNoCase(options.target, "mariadb://"))
        return makeMysqlSession(options);
    return makePostgresSession(options);
}

std::string describeTarget(const std::string& target)
{
    return isUri(target) ? maskUri(target) : maskKeywords(target);
}

} // namespace dbt
