#include "plans/jsontext.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <vector>

namespace dbt::plans::detail {

using json = nlohmann::ordered_json;

void appendJsonString(std::string& out, std::string_view s) {
    static constexpr char kHex[] = "0123456789abcdef";
    out += '"';
    for (const char c : s) {
        const auto u = static_cast<unsigned char>(c);
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        default:
            if (u < 0x20) {
                out += "\\u00";
                out += kHex[u >> 4];
                out += kHex[u & 0xf];
            } else {
                out += c;
            }
        }
    }
    out += '"';
}

std::string jsonString(std::string_view s) {
    std::string out;
    appendJsonString(out, s);
    return out;
}

void appendJsonNumber(std::string& out, double d) {
    if (!std::isfinite(d)) {
        out += "null";
        return;
    }
    char buf[32];
    const auto r = std::to_chars(buf, buf + sizeof buf, d);
    out.append(buf, r.ptr);
}

namespace {

void appendScalar(std::string& out, const json& v) {
    switch (v.type()) {
    case json::value_t::string:
        appendJsonString(out, v.get_ref<const std::string&>());
        break;
    case json::value_t::boolean:
        out += v.get<bool>() ? "true" : "false";
        break;
    case json::value_t::number_integer:
        out += std::to_string(v.get<std::int64_t>());
        break;
    case json::value_t::number_unsigned:
        out += std::to_string(v.get<std::uint64_t>());
        break;
    case json::value_t::number_float:
        appendJsonNumber(out, v.get<double>());
        break;
    default:
        out += "null";
    }
}

} // namespace

void appendJsonValue(std::string& out, const json& root) {
    if (!root.is_structured()) {
        appendScalar(out, root);
        return;
    }
    struct Frame {
        const json* value;
        json::const_iterator it;
        bool first;
    };
    std::vector<Frame> stack;
    auto open = [&](const json& v) {
        if (v.is_structured()) {
            out += v.is_object() ? '{' : '[';
            stack.push_back(Frame{&v, v.cbegin(), true});
        } else {
            appendScalar(out, v);
        }
    };
    open(root);
    while (!stack.empty()) {
        Frame& f = stack.back();
        if (f.it == f.value->cend()) {
            out += f.value->is_object() ? '}' : ']';
            stack.pop_back();
            continue;
        }
        if (!f.first)
            out += ',';
        f.first = false;
        const json& child = *f.it;
        if (f.value->is_object()) {
            appendJsonString(out, f.it.key());
            out += ':';
        }
        ++f.it;
        open(child); // may reallocate the stack: f is not used after this
    }
}

std::string jsonText(const json& v) {
    std::string out;
    appendJsonValue(out, v);
    return out;
}

std::optional<double> numberOf(const json& v) {
    if (v.is_number())
        return v.get<double>();
    if (v.is_string()) {
        const auto& s = v.get_ref<const std::string&>();
        double d = 0;
        const char* begin = s.data();
        const char* end = s.data() + s.size();
        while (begin < end && *begin == ' ')
            ++begin;
        const auto r = std::from_chars(begin, end, d);
        if (r.ec == std::errc() && r.ptr != begin)
            return d;
    }
    return std::nullopt;
}

std::string textOf(const json& v) {
    if (v.is_string())
        return v.get<std::string>();
    return jsonText(v);
}

bool truthy(const json& v) {
    if (v.is_boolean())
        return v.get<bool>();
    if (v.is_number())
        return v.get<double>() != 0;
    if (v.is_string()) {
        const auto& s = v.get_ref<const std::string&>();
        return s == "true" || s == "1" || s == "yes";
    }
    return false;
}

std::int64_t toInt64(double d) {
    if (std::isnan(d))
        return 0;
    if (d >= 9.2e18)
        return INT64_C(9200000000000000000);
    if (d <= -9.2e18)
        return -INT64_C(9200000000000000000);
    return static_cast<std::int64_t>(d);
}

int toInt(double d) {
    if (std::isnan(d))
        return 0;
    return static_cast<int>(std::clamp(d, -2.0e9, 2.0e9));
}

} // namespace dbt::plans::detail
