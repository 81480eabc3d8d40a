#include "bundle/manifest.h"

#include "jsonnumber.h"
#include "snapshot_json.h"
#include "timefmt.h"

#include <algorithm>
#include <cctype>
#include <fmt/format.h>

namespace dbt {

using nlohmann::json;

namespace {

constexpr const char* kFormatName = "dbtriage-bundle";

std::string text(const json& o, const char* key) {
    const auto it = o.find(key);
    if (it == o.end() || it->is_null())
        return {};
    if (!it->is_string())
        throw FormatError(fmt::format("manifest.json: field \"{}\" should be text.", key));
    return it->get<std::string>();
}

template<typename T> T number(const json& o, const char* key, T fallback = 0) {
    const auto it = o.find(key);
    if (it == o.end() || it->is_null())
        return fallback;
    if (!it->is_number())
        throw FormatError(fmt::format("manifest.json: field \"{}\" should be a number.", key));
    return jsonNumberAs<T>(*it);
}

bool flag(const json& o, const char* key, bool fallback) {
    const auto it = o.find(key);
    if (it == o.end() || it->is_null())
        return fallback;
    if (!it->is_boolean())
        throw FormatError(fmt::format("manifest.json: field \"{}\" should be true or false.", key));
    return it->get<bool>();
}

const json& member(const json& o, const char* key, json::value_t type) {
    static const json emptyObject = json::object();
    static const json emptyArray = json::array();
    const json& empty = type == json::value_t::array ? emptyArray : emptyObject;
    const auto it = o.find(key);
    if (it == o.end() || it->is_null())
        return empty;
    if (it->type() != type)
        throw FormatError(fmt::format("manifest.json: field \"{}\" should be {}.", key,
                                      type == json::value_t::array ? "a list" : "an object"));
    return *it;
}

Micros timeField(const json& o, const char* key) {
    const std::string s = text(o, key);
    if (s.empty())
        return 0;
    const auto t = parseRfc3339(s);
    if (!t)
        throw FormatError(
            fmt::format("manifest.json: field \"{}\" is not an RFC 3339 time: \"{}\".", key, s));
    return *t;
}

bool isHex64(const std::string& s) {
    return s.size() == 64 && std::all_of(s.begin(), s.end(), [](char c) {
               return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
           });
}

bool looksSecret(const std::string& name) {
    std::string lower = name;
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    for (const char* word : {"password", "passwd", "secret", "conninfo", "key", "token"}) {
        if (lower.find(word) != std::string::npos)
            return true;
    }
    return false;
}

} // namespace

std::string engineTitle(Engine engine) {
    switch (engine) {
    case Engine::MySQL:
        return "MySQL";
    case Engine::MariaDB:
        return "MariaDB";
    case Engine::PostgreSQL:
        break;
    }
    return "PostgreSQL";
}

Message serverDescription(const ServerInfo& sv) {
    std::string where = sv.host;
    if (!sv.port.empty())
        where += ":" + sv.port;
    if (!sv.database.empty())
        where += "/" + sv.database;
    std::string title = engineTitle(sv.engine);
    if (!sv.version.empty())
        title += " " + sv.version;
    Message place = sv.host.empty() ? phrase(DBT_TR("Server", "local socket%1"), {literal(where)})
                                    : literal(where);
    Message line = sv.user.empty()
                       ? phrase(DBT_TR("Server", "%1 at %2"), {literal(title), std::move(place)})
                       : phrase(DBT_TR("Server", "%1 at %2 as %3"),
                                {literal(title), std::move(place), literal(sv.user)});
    if (sv.inRecovery)
        line = phrase(DBT_TR("Server", "%1 (standby)"), {std::move(line)});
    return line;
}

std::string describeServer(const ServerInfo& sv) {
    return englishText(serverDescription(sv));
}

json manifestToJson(const Manifest& m) {
    const CollectionInfo& c = m.collection;
    json files = json::array();
    for (const ManifestFile& f : m.files)
        files.push_back({{"path", f.path}, {"size", f.size}, {"sha256", f.sha256}});
    json unavailable = json::array();
    for (const std::string& u : c.unavailable)
        unavailable.push_back(u);
    json plans = json::array();
    for (const PlanSummary& p : c.plans) {
        json insights = json::array();
        for (const PlanInsightSummary& i : p.insights)
            insights.push_back({{"severity", i.severity},
                                {"code", i.code},
                                {"node", i.node},
                                {"message", i.message}});
        json entry = {{"rank", p.rank},
                      {"statement_id", p.statementId},
                      {"database", p.database},
                      {"total_time_ms", p.totalTimeMs},
                      {"share", p.share}};
        if (p.explained()) {
            entry["dialect"] = p.dialect;
            entry["generic_plan"] = p.genericPlan;
            entry["analyzed"] = p.analyzed;
            entry["json"] = p.jsonFile;
            entry["txt"] = p.textFile;
            entry["insights"] = insights;
        } else {
            entry["error"] = p.error;
        }
        plans.push_back(std::move(entry));
    }
    const ServerInfo& sv = m.server;
    return json{
        {"format", kFormatName},
        {"format_version", Manifest::kFormatVersion},
        {"tool_version", m.toolVersion},
        {"created_at", formatRfc3339(m.createdAt)},
        {"server",
         {{"engine", engineName(sv.engine)},
          {"version", sv.version},
          {"host", sv.host},
          {"port", sv.port},
          {"database", sv.database},
          {"user", sv.user},
          {"in_recovery", sv.inRecovery}}},
        {"collection",
         {{"samples", c.samples},
          {"requested_samples", c.requestedSamples},
          {"interval_seconds", c.intervalSeconds},
          {"first_sample_at", formatRfc3339(c.firstAt)},
          {"last_sample_at", formatRfc3339(c.lastAt)},
          {"explain_top", c.explainTopRequested},
          {"advise", c.adviseRequested},
          {"unavailable", unavailable},
          {"plans", plans},
          {"note", c.note}}},
        {"redaction",
         {{"query_texts_redacted", m.redacted},
          {"query_texts",
           m.redacted ? "literals replaced by placeholders ($1, ?) before anything was written"
                      : "NOT redacted: query texts are as the server gave them and may hold "
                        "customers' data"},
          {"passwords_included", false}}},
        {"files", files}};
}

Manifest manifestFromJson(const json& j) {
    if (!j.is_object())
        throw FormatError("manifest.json is not a JSON object.");
    if (text(j, "format") != kFormatName)
        throw FormatError("manifest.json is not a dbtriage bundle manifest (its \"format\" is not "
                          "\"dbtriage-bundle\").");
    const int version = number<int>(j, "format_version", 0);
    if (version < 1)
        throw FormatError("manifest.json has no valid format_version.");
    if (version > Manifest::kFormatVersion)
        throw FormatError(fmt::format("manifest.json has format_version {}; this dbtriage reads "
                                      "up to {}. Open it with a newer dbtriage.",
                                      version, Manifest::kFormatVersion));
    Manifest m;
    m.toolVersion = text(j, "tool_version");
    m.createdAt = timeField(j, "created_at");
    const json& sv = member(j, "server", json::value_t::object);
    if (const auto engine = engineFromName(text(sv, "engine")))
        m.server.engine = *engine;
    m.server.version = text(sv, "version");
    m.server.host = text(sv, "host");
    m.server.port = text(sv, "port");
    m.server.database = text(sv, "database");
    m.server.user = text(sv, "user");
    m.server.inRecovery = flag(sv, "in_recovery", false);

    const json& c = member(j, "collection", json::value_t::object);
    m.collection.samples = number<int>(c, "samples", 1);
    m.collection.requestedSamples = number<int>(c, "requested_samples", m.collection.samples);
    m.collection.intervalSeconds = number<double>(c, "interval_seconds", 0);
    m.collection.firstAt = timeField(c, "first_sample_at");
    m.collection.lastAt = timeField(c, "last_sample_at");
    m.collection.explainTopRequested = number<int>(c, "explain_top", 0);
    m.collection.adviseRequested = flag(c, "advise", false);
    m.collection.note = text(c, "note");
    for (const json& u : member(c, "unavailable", json::value_t::array)) {
        if (!u.is_string())
            throw FormatError("manifest.json: \"unavailable\" should be a list of texts.");
        m.collection.unavailable.push_back(u.get<std::string>());
    }
    for (const json& p : member(c, "plans", json::value_t::array)) {
        if (!p.is_object())
            throw FormatError("manifest.json: every entry of \"plans\" should be an object.");
        PlanSummary plan;
        plan.rank = number<int>(p, "rank", 0);
        plan.statementId = text(p, "statement_id");
        plan.database = text(p, "database");
        plan.totalTimeMs = number<double>(p, "total_time_ms", 0);
        plan.share = number<double>(p, "share", 0);
        plan.dialect = text(p, "dialect");
        plan.genericPlan = flag(p, "generic_plan", false);
        plan.analyzed = flag(p, "analyzed", false);
        plan.jsonFile = text(p, "json");
        plan.textFile = text(p, "txt");
        plan.error = text(p, "error");
        for (const std::string* file : {&plan.jsonFile, &plan.textFile}) {
            if (!file->empty() && !isSafeBundlePath(*file))
                throw FormatError(fmt::format("manifest.json names an unsafe plan file \"{}\".",
                                              file->substr(0, 200)));
        }
        for (const json& i : member(p, "insights", json::value_t::array)) {
            if (!i.is_object())
                throw FormatError("manifest.json: every insight of a plan should be an object.");
            plan.insights.push_back(
                {text(i, "severity"), text(i, "code"), text(i, "node"), text(i, "message")});
        }
        m.collection.plans.push_back(std::move(plan));
    }

    const json& r = member(j, "redaction", json::value_t::object);
    m.redacted = flag(r, "query_texts_redacted", true);

    for (const json& f : member(j, "files", json::value_t::array)) {
        if (!f.is_object())
            throw FormatError("manifest.json: every entry of \"files\" should be an object.");
        ManifestFile file;
        file.path = text(f, "path");
        file.size = number<std::int64_t>(f, "size", -1);
        file.sha256 = text(f, "sha256");
        if (!isSafeBundlePath(file.path))
            throw FormatError(fmt::format("manifest.json lists an unsafe file name \"{}\".",
                                          file.path.substr(0, 200)));
        if (file.size < 0 || !isHex64(file.sha256))
            throw FormatError(fmt::format(
                "manifest.json: the entry for {} has no valid size and SHA-256.", file.path));
        m.files.push_back(std::move(file));
    }
    return m;
}

json settingsToJson(const Snapshot& s) {
    json server = json::object();
    json own = json::object();
    constexpr std::string_view kOwnPrefix = "dbtriage_session.";
    for (const auto& [name, value] : s.server.settings) {
        if (looksSecret(name))
            continue;
        if (name.compare(0, kOwnPrefix.size(), kOwnPrefix) == 0)
            own[name.substr(kOwnPrefix.size())] = value;
        else
            server[name] = value;
    }
    json extensions = json::array();
    for (const std::string& e : s.server.extensions)
        extensions.push_back(e);
    return json{{"format", "dbtriage-settings"},
                {"engine", engineName(s.server.engine)},
                {"version", s.server.version},
                {"version_num", s.server.versionNum},
                {"collected_at", formatRfc3339(s.collectedAt)},
                {"in_recovery", s.server.inRecovery},
                {"extensions", extensions},
                {"settings", server},
                {"dbtriage_session", own}};
}

bool isSafeBundlePath(const std::string& path) {
    if (path.empty() || path.size() > 200 || path.front() == '/' || path.back() == '/')
        return false;
    int depth = 1;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= path.size(); ++i) {
        if (i < path.size()) {
            const unsigned char c = static_cast<unsigned char>(path[i]);
            if (c < 0x20 || c == 0x7f || c == '\\' || c == ':')
                return false;
            if (c != '/')
                continue;
            ++depth;
        }
        const std::string_view part(path.data() + start, i - start);
        if (part.empty() || part == "." || part == "..")
            return false;
        start = i + 1;
    }
    return depth <= 4;
}

} // namespace dbt
