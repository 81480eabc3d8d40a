#include "plans/plan.h"

#include <algorithm>
#include <cstdint>

namespace dbt::plans {

namespace {

// Saturating: counts come from untrusted input.
void add(std::int64_t& a, std::int64_t b) {
    if (__builtin_add_overflow(a, b, &a))
        a = b > 0 ? INT64_MAX : INT64_MIN;
}

} // namespace

std::string_view dialectName(Dialect d) {
    switch (d) {
    case Dialect::PostgresJson:
        return "postgres-json";
    case Dialect::PostgresText:
        return "postgres-text";
    case Dialect::MysqlJson:
        return "mysql-json";
    case Dialect::MariadbJson:
        return "mariadb-json";
    case Dialect::MariadbAnalyzeJson:
        return "mariadb-analyze-json";
    }
    return "unknown";
}

std::optional<Dialect> dialectFromName(std::string_view name) {
    for (const Dialect d : {Dialect::PostgresJson, Dialect::PostgresText, Dialect::MysqlJson,
                            Dialect::MariadbJson, Dialect::MariadbAnalyzeJson}) {
        if (dialectName(d) == name)
            return d;
    }
    return std::nullopt;
}

bool isPostgres(Dialect d) {
    return d == Dialect::PostgresJson || d == Dialect::PostgresText;
}

bool Buffers::any() const {
    return sharedHit || sharedRead || sharedDirtied || sharedWritten || localHit || localRead ||
           localDirtied || localWritten || tempRead || tempWritten;
}

std::int64_t Buffers::sharedTotal() const {
    std::int64_t r = sharedHit;
    add(r, sharedRead);
    return r;
}

Buffers Buffers::minus(const Buffers& o) const {
    auto sub = [](std::int64_t a, std::int64_t b) {
        std::int64_t r = 0;
        if (__builtin_sub_overflow(a, b, &r))
            return b < 0 ? INT64_MAX : std::int64_t{0};
        return std::max<std::int64_t>(0, r);
    };
    Buffers r;
    r.sharedHit = sub(sharedHit, o.sharedHit);
    r.sharedRead = sub(sharedRead, o.sharedRead);
    r.sharedDirtied = sub(sharedDirtied, o.sharedDirtied);
    r.sharedWritten = sub(sharedWritten, o.sharedWritten);
    r.localHit = sub(localHit, o.localHit);
    r.localRead = sub(localRead, o.localRead);
    r.localDirtied = sub(localDirtied, o.localDirtied);
    r.localWritten = sub(localWritten, o.localWritten);
    r.tempRead = sub(tempRead, o.tempRead);
    r.tempWritten = sub(tempWritten, o.tempWritten);
    return r;
}

Buffers& Buffers::operator+=(const Buffers& o) {
    add(sharedHit, o.sharedHit);
    add(sharedRead, o.sharedRead);
    add(sharedDirtied, o.sharedDirtied);
    add(sharedWritten, o.sharedWritten);
    add(localHit, o.localHit);
    add(localRead, o.localRead);
    add(localDirtied, o.localDirtied);
    add(localWritten, o.localWritten);
    add(tempRead, o.tempRead);
    add(tempWritten, o.tempWritten);
    return *this;
}

std::string_view Node::rawField(std::string_view k) const {
    for (const auto& [name, value] : raw) {
        if (name == k)
            return value;
    }
    return {};
}

std::string nodeLabel(const Node& n) {
    std::string s;
    if (!n.accessType.empty() || !n.tableName.empty()) {
        // MySQL / MariaDB table access.
        s = n.nodeType;
        if (!n.tableName.empty())
            s += ' ' + n.tableName;
        if (!n.accessType.empty())
            s += " (" + n.accessType + (n.key.empty() ? "" : ", key " + n.key) + ')';
        return s;
    }
    if (n.parallelAware)
        s += "Parallel ";
    if (n.partialMode == "Partial" || n.partialMode == "Finalize")
        s += n.partialMode + ' ';
    if (n.nodeType == "Aggregate" && n.strategy == "Hashed")
        s += "HashAggregate";
    else if (n.nodeType == "Aggregate" && n.strategy == "Sorted")
        s += "GroupAggregate";
    else if (n.nodeType == "Aggregate" && n.strategy == "Mixed")
        s += "MixedAggregate";
    else if (n.nodeType == "ModifyTable" && !n.operation.empty())
        s += n.operation;
    else if (!n.joinType.empty() && n.joinType != "Inner" &&
             (n.nodeType == "Hash Join" || n.nodeType == "Merge Join"))
        s += n.nodeType.substr(0, n.nodeType.size() - 4) + n.joinType + " Join";
    else if (!n.joinType.empty() && n.joinType != "Inner" && n.nodeType == "Nested Loop")
        s += "Nested Loop " + n.joinType + " Join";
    else
        s += n.nodeType;
    if (n.scanDirection == "Backward")
        s += " Backward";
    if (!n.index.empty() && n.nodeType != "Bitmap Index Scan")
        s += " using " + n.index;
    if (n.nodeType == "Bitmap Index Scan" && !n.index.empty())
        s += " on " + n.index;
    std::string target = n.relation;
    if (target.empty())
        target = !n.cteName.empty() ? n.cteName : n.functionName;
    if (!target.empty()) {
        s += " on ";
        if (!n.schema.empty())
            s += n.schema + '.';
        s += target;
        if (!n.alias.empty() && n.alias != target)
            s += ' ' + n.alias;
    }
    return s;
}

} // namespace dbt::plans
