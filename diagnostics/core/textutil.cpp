#include "textutil.h"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>

namespace dbt {

std::string formatDuration(double seconds) {
    if (!(seconds > 0)) // also NaN
        return "0 s";
    if (seconds < 1.0) {
        const auto ms = static_cast<std::int64_t>(std::llround(seconds * 1000.0));
        return ms < 1000 ? fmt::format("{} ms", ms) : std::string("1 s");
    }
    // A bundle may hold any figure; past int64 the cast would be undefined: cap it first.
    const auto total = static_cast<std::int64_t>(std::floor(std::min(seconds, 9.0e18)));
    if (total < 60)
        return fmt::format("{} s", total);
    const std::int64_t minutes = total / 60;
    const std::int64_t secs = total % 60;
    if (total < 600)
        return secs == 0 ? fmt::format("{} min", minutes)
                         : fmt::format("{} min {} s", minutes, secs);
    if (total < 3600)
        return fmt::format("{} min", minutes);
    const std::int64_t hours = total / 3600;
    if (total < 86400)
        return fmt::format("{} h {:02} min", hours, minutes % 60);
    return fmt::format("{} d {:02} h", total / 86400, hours % 24);
}

std::string formatBytes(std::int64_t bytes) {
    if (bytes < 0)
        return "-" + formatBytes(bytes == INT64_MIN ? INT64_MAX : -bytes);
    if (bytes < 1024)
        return fmt::format("{} B", bytes);
    static const char* const units[] = {"KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
    double v = static_cast<double>(bytes) / 1024.0;
    std::size_t u = 0;
    while (v >= 1023.95 && u + 1 < std::size(units)) {
        v /= 1024.0;
        ++u;
    }
    return fmt::format("{:.1f} {}", v, units[u]);
}

std::string formatCount(std::int64_t n) {
    const bool negative = n < 0;
    std::string digits =
        negative ? std::to_string(n).substr(1) : std::to_string(n); // INT64_MIN safe
    std::string out;
    out.reserve(digits.size() + digits.size() / 3 + 1);
    const std::size_t lead = digits.size() % 3;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i != 0 && i >= lead && (i - lead) % 3 == 0)
            out += ',';
        out += digits[i];
    }
    return negative ? "-" + out : out;
}

std::string formatPercent(double ratio) {
    if (!std::isfinite(ratio))
        return "? %";
    return fmt::format("{} %", static_cast<std::int64_t>(std::llround(ratio * 100.0)));
}

std::string plural(std::int64_t n, std::string_view singular, std::string_view pluralForm) {
    if (n == 1)
        return fmt::format("1 {}", singular);
    if (pluralForm.empty())
        return fmt::format("{} {}s", formatCount(n), singular);
    return fmt::format("{} {}", formatCount(n), pluralForm);
}

std::string joinWithAnd(const std::vector<std::string>& items) {
    std::string out;
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (i > 0)
            out += (i + 1 == items.size()) ? " and " : ", ";
        out += items[i];
    }
    return out;
}

std::string quoteSqlLiteral(std::string_view text) {
    std::string out = "'";
    for (char c : text) {
        if (c == '\'')
            out += '\'';
        out += c;
    }
    out += '\'';
    return out;
}

std::string quoteIdentifier(std::string_view name) {
    bool plain = !name.empty() && ((name[0] >= 'a' && name[0] <= 'z') || name[0] == '_');
    for (char c : name) {
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '$'))
            plain = false;
    }
    if (plain)
        return std::string(name);
    std::string out = "\"";
    for (char c : name) {
        if (c == '"')
            out += '"';
        out += c;
    }
    out += '"';
    return out;
}

std::size_t utf8Length(std::string_view text) {
    std::size_t n = 0;
    for (unsigned char c : text)
        n += (c & 0xC0) != 0x80;
    return n;
}

std::string oneLine(std::string_view text, std::size_t maxBytes) {
    std::string out;
    out.reserve(std::min(text.size(), maxBytes + 4));
    bool pendingSpace = false;
    for (char c : text) {
        const bool space =
            c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
        if (space) {
            pendingSpace = !out.empty();
            continue;
        }
        if (pendingSpace) {
            out += ' ';
            pendingSpace = false;
        }
        out += c;
        if (out.size() > maxBytes + 4)
            break; // enough to know it is cut
    }
    if (out.size() <= maxBytes)
        return out;
    std::size_t cut = maxBytes;
    while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80)
        --cut; // do not split a UTF-8 sequence
    out.resize(cut);
    while (!out.empty() && out.back() == ' ')
        out.pop_back();
    out += "\xE2\x80\xA6"; // …
    return out;
}

std::string_view skipSqlNoise(std::string_view sql) {
    std::size_t i = 0;
    const std::size_t n = sql.size();
    while (i < n) {
        const char c = sql[i];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
            ++i;
        } else if (c == '-' && i + 1 < n && sql[i + 1] == '-') {
            while (i < n && sql[i] != '\n')
                ++i;
        } else if (c == '/' && i + 1 < n && sql[i + 1] == '*') {
            int nesting = 1;
            i += 2;
            while (i < n && nesting > 0) {
                if (sql[i] == '/' && i + 1 < n && sql[i + 1] == '*') {
                    ++nesting;
                    i += 2;
                } else if (sql[i] == '*' && i + 1 < n && sql[i + 1] == '/') {
                    --nesting;
                    i += 2;
                } else {
                    ++i;
                }
            }
        } else {
            break;
        }
    }
    return sql.substr(i);
}

std::vector<std::string> leadingKeywords(std::string_view sql, std::size_t count) {
    std::vector<std::string> words;
    std::string_view rest = skipSqlNoise(sql);
    while (words.size() < count && !rest.empty()) {
        std::size_t len = 0;
        while (len < rest.size()) {
            const char c = rest[len];
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                c == '_')
                ++len;
            else
                break;
        }
        if (len == 0) {
            // '(' as in VACUUM (FULL) counts as a separator; anything else ends the words.
            if (rest[0] == '(' || rest[0] == ',') {
                rest = skipSqlNoise(rest.substr(1));
                continue;
            }
            break;
        }
        std::string w(rest.substr(0, len));
        for (char& c : w) {
            if (c >= 'a' && c <= 'z')
                c = static_cast<char>(c - 'a' + 'A');
        }
        words.push_back(std::move(w));
        rest = skipSqlNoise(rest.substr(len));
    }
    return words;
}

} // namespace dbt
