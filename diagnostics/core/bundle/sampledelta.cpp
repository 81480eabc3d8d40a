#include "bundle/sampledelta.h"

#include "snapshot_json.h"

#include <string>
#include <unordered_map>
#include <vector>

namespace dbt {

using nlohmann::json;

namespace {

constexpr const char* kMarker = "delta_of_previous_sample";

struct ListKind {
    const char* list;
    std::vector<const char*> keys;
};

const std::vector<ListKind>& kinds() {
    static const std::vector<ListKind> k = {{"statements", {"id", "database", "user"}},
                                            {"sessions", {"pid"}}};
    return k;
}

// The entry's key as text; false when a key field is missing.
bool keyOf(const json& entry, const ListKind& kind, std::string& key) {
    key.clear();
    if (!entry.is_object())
        return false;
    for (const char* field : kind.keys) {
        const auto it = entry.find(field);
        if (it == entry.end())
            return false;
        if (it->is_string())
            key += it->get_ref<const std::string&>();
        else if (it->is_number_integer())
            key += std::to_string(it->get<std::int64_t>());
        else
            key += it->dump();
        key += '\x1f';
    }
    return true;
}

std::unordered_map<std::string, const json*> index(const json& doc, const ListKind& kind) {
    std::unordered_map<std::string, const json*> out;
    const auto list = doc.find(kind.list);
    if (list == doc.end() || !list->is_array())
        return out;
    out.reserve(list->size());
    std::string key;
    for (const json& entry : *list) {
        if (keyOf(entry, kind, key))
            out.emplace(key, &entry); // the first entry of a key is the base
    }
    return out;
}

} // namespace

json deltaOfPrevious(const json& previous, const json& current) {
    if (!current.is_object())
        return current;
    // Built field by field: copying the whole document first would double the work.
    json out = json::object();
    bool any = false;
    for (const auto& [name, value] : current.items()) {
        const ListKind* kind = nullptr;
        for (const ListKind& k : kinds()) {
            if (name == k.list)
                kind = &k;
        }
        const auto base =
            kind ? index(previous, *kind) : std::unordered_map<std::string, const json*>();
        if (!kind || base.empty() || !value.is_array()) {
            out[name] = value;
            continue;
        }
        json list = json::array();
        list.get_ref<json::array_t&>().reserve(value.size());
        std::string key;
        for (const json& entry : value) {
            const auto it = keyOf(entry, *kind, key) ? base.find(key) : base.end();
            if (it == base.end()) {
                list.push_back(entry);
                continue;
            }
            const json& b = *it->second;
            // A field the base has and the entry lacks cannot be expressed: keep it whole.
            bool expressible = true;
            for (const auto& [field, v] : b.items()) {
                if (!entry.contains(field)) {
                    expressible = false;
                    break;
                }
            }
            if (!expressible) {
                list.push_back(entry);
                continue;
            }
            json slim = json::object();
            for (const auto& [field, v] : entry.items()) {
                bool isKey = false;
                for (const char* k : kind->keys)
                    isKey = isKey || field == k;
                const auto same = b.find(field);
                if (isKey || same == b.end() || *same != v)
                    slim[field] = v;
            }
            list.push_back(std::move(slim));
            any = true;
        }
        out[name] = std::move(list);
    }
    if (any)
        out[kMarker] = true;
    return out;
}

json expandDelta(const json& previous, const json& sample) {
    const auto marker = sample.find(kMarker);
    if (marker == sample.end())
        return sample;
    if (!marker->is_boolean())
        throw FormatError("Field \"delta_of_previous_sample\" should be true or false.");
    json out = sample;
    out.erase(kMarker);
    if (!marker->get<bool>())
        return out;
    for (const ListKind& kind : kinds()) {
        auto list = out.find(kind.list);
        if (list == out.end())
            continue;
        if (!list->is_array())
            throw FormatError(std::string("Field \"") + kind.list + "\" should be a list.");
        const auto base = index(previous, kind);
        std::string key;
        for (json& entry : *list) {
            if (!keyOf(entry, kind, key))
                continue;
            const auto it = base.find(key);
            if (it == base.end())
                continue;
            for (const auto& [field, value] : it->second->items()) {
                if (!entry.contains(field))
                    entry[field] = value;
            }
        }
    }
    return out;
}

} // namespace dbt
