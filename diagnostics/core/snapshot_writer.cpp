#include "snapshot_writer.h"

#include "timefmt.h"

#include <charconv>
#include <cmath>
#include <nlohmann/json.hpp>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace dbt {

namespace {

// A JSON text written front to back the way nlohmann::json's serializer prints a document:
// pretty with `indent` spaces per level (newline after every opening bracket of a non-empty
// container, ": " after keys) or compact with indent < 0. The caller writes object keys in
// the order of nlohmann::json's std::map (bytewise ascending).
class Out {
public:
    Out(std::string& text, int indent)
        : s_(text)
        , indent_(indent) {}

    void beginObject() {
        value();
        s_ += '{';
        counts_.push_back(0);
    }
    void endObject() { end('}'); }
    void beginArray() {
        value();
        s_ += '[';
        counts_.push_back(0);
    }
    void endArray() { end(']'); }

    void key(std::string_view k) {
        element();
        quoted(k);
        if (indent_ >= 0)
            s_ += ": ";
        else
            s_ += ':';
        afterKey_ = true;
    }

    void null() {
        value();
        s_ += "null";
    }
    void boolean(bool v) {
        value();
        s_ += v ? "true" : "false";
    }
    void integer(std::int64_t v) {
        value();
        char buf[24];
        const auto r = std::to_chars(buf, buf + sizeof buf, v);
        s_.append(buf, static_cast<std::size_t>(r.ptr - buf));
    }
    void number(double v) {
        value();
        if (!std::isfinite(v)) { // as nlohmann::json prints NaN and infinities
            s_ += "null";
            return;
        }
        // nlohmann::json's own shortest round-trip formatting (Grisu2, "1.0", "1e+20"), so
        // that every number prints exactly as its serializer prints it.
        char buf[64];
        const char* end = nlohmann::detail::to_chars(buf, buf + sizeof buf, v);
        s_.append(buf, static_cast<std::size_t>(end - buf));
    }
    void string(std::string_view v) {
        value();
        quoted(v);
    }
    void time(Micros t) {
        value();
        s_ += '"';
        s_ += formatRfc3339(t); // ASCII digits and punctuation only: nothing to escape
        s_ += '"';
    }

    template<typename T> void optional(const std::optional<T>& v) {
        if (!v)
            null();
        else if constexpr (std::is_floating_point_v<T>)
            number(*v);
        else
            integer(*v);
    }
    void optionalTime(const OptMicros& t) {
        if (t)
            time(*t);
        else
            null();
    }

private:
    void value() {
        if (afterKey_) {
            afterKey_ = false;
            return;
        }
        element();
    }
    void element() {
        if (counts_.empty())
            return;
        if (counts_.back()++ > 0)
            s_ += ',';
        newline();
    }
    void end(char bracket) {
        const bool any = counts_.back() > 0;
        counts_.pop_back();
        if (any)
            newline();
        s_ += bracket;
    }
    void newline() {
        if (indent_ < 0)
            return;
        s_ += '\n';
        s_.append(counts_.size() * static_cast<std::size_t>(indent_), ' ');
    }

    // As nlohmann::json escapes with ensure_ascii off: ", \ and \b \f \n \r \t by name, other
    // control characters as \u00xx, everything else as it is. Text with bytes beyond ASCII
    // (UTF-8, or invalid UTF-8 that is replaced by U+FFFD) goes through the serializer itself.
    void quoted(std::string_view v) {
        for (const char c : v) {
            if (static_cast<unsigned char>(c) >= 0x80) {
                s_ += nlohmann::json(std::string(v))
                          .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
                return;
            }
        }
        s_ += '"';
        std::size_t from = 0;
        for (std::size_t i = 0; i < v.size(); ++i) {
            const auto c = static_cast<unsigned char>(v[i]);
            if (c >= 0x20 && c != '"' && c != '\\')
                continue;
            s_.append(v.data() + from, i - from);
            from = i + 1;
            switch (c) {
            case '"':
                s_ += "\\\"";
                break;
            case '\\':
                s_ += "\\\\";
                break;
            case '\b':
                s_ += "\\b";
                break;
            case '\f':
                s_ += "\\f";
                break;
            case '\n':
                s_ += "\\n";
                break;
            case '\r':
                s_ += "\\r";
                break;
            case '\t':
                s_ += "\\t";
                break;
            default: {
                static const char kHex[] = "0123456789abcdef";
                const char escape[] = {'\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 0xF]};
                s_.append(escape, sizeof escape);
            }
            }
        }
        s_.append(v.data() + from, v.size() - from);
        s_ += '"';
    }

    std::string& s_;
    int indent_;
    std::vector<std::size_t> counts_; // elements written so far, per open container
    bool afterKey_ = false;
};

// Whether two numbers print the same: NaN and infinities all print as null; -0.0 prints as
// "-0.0". (sampledelta.cpp's DOM comparison differs for these only: nlohmann::json's != calls
// NaN "not different" from any number, so a NaN after 5.0 is left out there and expands to
// 5.0; it keeps -0.0 after 0.0 out, and null after NaN in.)
bool samePrinted(double a, double b) {
    if (!std::isfinite(a) || !std::isfinite(b))
        return !std::isfinite(a) && !std::isfinite(b);
    return a == b && std::signbit(a) == std::signbit(b);
}

bool samePrinted(const std::optional<double>& a, const std::optional<double>& b) {
    const bool nullA = !a || !std::isfinite(*a);
    const bool nullB = !b || !std::isfinite(*b);
    if (nullA || nullB)
        return nullA && nullB;
    return samePrinted(*a, *b);
}

// Whether two times print the same (they are compared as text in the DOM, see sampledelta).
bool sameTime(const OptMicros& a, const OptMicros& b) {
    if (a == b)
        return true;
    if (!a || !b)
        return false;
    return formatRfc3339(*a) == formatRfc3339(*b);
}

void writeCounts(Out& o, const std::map<std::string, std::int64_t>& m) {
    o.beginObject();
    for (const auto& [k, v] : m) {
        o.key(k);
        o.integer(v);
    }
    o.endObject();
}

void writeIntegers(Out& o, const std::vector<std::int64_t>& list) {
    o.beginArray();
    for (const std::int64_t v : list)
        o.integer(v);
    o.endArray();
}

void writeHeldLock(Out& o, const HeldLock& h) {
    o.beginObject();
    o.key("lock_type");
    o.string(h.lockType);
    o.key("mode");
    o.string(h.mode);
    o.key("object");
    o.string(h.object);
    o.key("pid");
    o.integer(h.pid);
    o.endObject();
}

void writeServer(Out& o, const ServerInfo& sv) {
    o.beginObject();
    o.key("database");
    o.string(sv.database);
    o.key("engine");
    o.string(engineName(sv.engine));
    o.key("extensions");
    o.beginArray();
    for (const std::string& e : sv.extensions)
        o.string(e);
    o.endArray();
    o.key("host");
    o.string(sv.host);
    o.key("in_recovery");
    o.boolean(sv.inRecovery);
    o.key("port");
    o.string(sv.port);
    o.key("read_all_stats");
    o.boolean(sv.readAllStats);
    o.key("settings");
    o.beginObject();
    for (const auto& [k, v] : sv.settings) {
        o.key(k);
        o.string(v);
    }
    o.endObject();
    o.key("superuser");
    o.boolean(sv.superuser);
    o.key("user");
    o.string(sv.user);
    o.key("version");
    o.string(sv.version);
    o.key("version_num");
    o.integer(sv.versionNum);
    o.endObject();
}

void writeConnections(Out& o, const ConnectionCounts& c) {
    o.beginObject();
    o.key("by_application");
    writeCounts(o, c.byApplication);
    o.key("by_client");
    writeCounts(o, c.byClient);
    o.key("by_database");
    writeCounts(o, c.byDatabase);
    o.key("by_state");
    writeCounts(o, c.byState);
    o.key("by_user");
    writeCounts(o, c.byUser);
    o.key("max");
    o.integer(c.max);
    o.key("reserved");
    o.integer(c.reserved);
    o.key("total");
    o.integer(c.total);
    o.key("usable");
    o.integer(c.usable());
    o.endObject();
}

// One entry of "sessions"; with a base (the previous sample's entry with the same pid) only the
// key and the fields whose value differs from the base's (sampledelta.h).
void writeSession(Out& o, const Session& x, const Session* base) {
    const auto text = [&](const char* k, std::string Session::*m) {
        if (!base || base->*m != x.*m) {
            o.key(k);
            o.string(x.*m);
        }
    };
    const auto time = [&](const char* k, OptMicros Session::*m) {
        if (!base || !sameTime(base->*m, x.*m)) {
            o.key(k);
            o.optionalTime(x.*m);
        }
    };
    o.beginObject();
    text("application", &Session::application);
    time("backend_start", &Session::backendStart);
    text("backend_type", &Session::backendType);
    text("client", &Session::client);
    text("database", &Session::database);
    o.key("pid");
    o.integer(x.pid);
    text("query", &Session::query);
    text("query_id", &Session::queryId);
    time("query_start", &Session::queryStart);
    text("state", &Session::state);
    time("state_change", &Session::stateChange);
    time("transaction_start", &Session::transactionStart);
    text("user", &Session::user);
    text("wait_event", &Session::waitEvent);
    text("wait_event_type", &Session::waitEventType);
    if (!base || base->xminAge != x.xminAge) {
        o.key("xmin_age");
        o.optional(x.xminAge);
    }
    o.endObject();
}

// One entry of "statements"; with a base (key: id, database, user) only the key fields and the
// fields whose value differs.
void writeStatement(Out& o, const StatementStat& x, const StatementStat* base) {
    const auto count = [&](const char* k, std::int64_t StatementStat::*m) {
        if (!base || base->*m != x.*m) {
            o.key(k);
            o.integer(x.*m);
        }
    };
    const auto real = [&](const char* k, double StatementStat::*m) {
        if (!base || !samePrinted(base->*m, x.*m)) {
            o.key(k);
            o.number(x.*m);
        }
    };
    const auto optReal = [&](const char* k, std::optional<double> StatementStat::*m) {
        if (!base || !samePrinted(base->*m, x.*m)) {
            o.key(k);
            o.optional(x.*m);
        }
    };
    o.beginObject();
    count("calls", &StatementStat::calls);
    optReal("cpu_time_ms", &StatementStat::cpuTimeMs);
    o.key("database");
    o.string(x.database);
    o.key("id");
    o.string(x.id);
    real("mean_time_ms", &StatementStat::meanTimeMs);
    count("no_index_used", &StatementStat::noIndexUsed);
    optReal("p95_time_ms", &StatementStat::p95TimeMs);
    optReal("p99_time_ms", &StatementStat::p99TimeMs);
    if (!base || base->query != x.query) {
        o.key("query");
        o.string(x.query);
    }
    count("rows", &StatementStat::rows);
    count("rows_examined", &StatementStat::rowsExamined);
    count("shared_blks_hit", &StatementStat::sharedBlksHit);
    count("shared_blks_read", &StatementStat::sharedBlksRead);
    count("sort_merge_passes", &StatementStat::sortMergePasses);
    count("temp_blks_written", &StatementStat::tempBlksWritten);
    count("tmp_disk_tables", &StatementStat::tmpDiskTables);
    real("total_time_ms", &StatementStat::totalTimeMs);
    o.key("user");
    o.string(x.user);
    o.endObject();
}

void writeLockWait(Out& o, const LockWait& w) {
    o.beginObject();
    o.key("blocking_pid");
    o.integer(w.blockingPid);
    o.key("hard");
    o.boolean(w.hard);
    o.key("lock_type");
    o.string(w.lockType);
    o.key("mode");
    o.string(w.mode);
    o.key("object");
    o.string(w.object);
    o.key("queue_position");
    o.integer(w.queuePosition);
    o.key("waiting_pid");
    o.integer(w.waitingPid);
    o.endObject();
}

void writeRootBlocker(Out& o, const RootBlocker& r) {
    o.beginObject();
    o.key("application");
    o.string(r.application);
    o.key("blocked_direct");
    o.integer(r.blockedDirect);
    o.key("blocked_total");
    o.integer(r.blockedTotal);
    o.key("depth");
    o.integer(r.depth);
    o.key("holds");
    o.beginArray();
    for (const HeldLock& h : r.holds)
        writeHeldLock(o, h);
    o.endArray();
    o.key("in_cycle");
    o.boolean(r.inCycle);
    o.key("pid");
    o.integer(r.pid);
    o.key("query");
    o.string(r.query);
    o.key("state");
    o.string(r.state);
    o.key("state_change");
    o.optionalTime(r.stateChange);
    o.key("transaction_start");
    o.optionalTime(r.transactionStart);
    o.key("user");
    o.string(r.user);
    o.key("wait_event_type");
    o.string(r.waitEventType);
    o.endObject();
}

void writeHealth(Out& o, const Health& h) {
    o.beginObject();
    o.key("cache_hit_ratio");
    o.optional(h.cacheHitRatio);
    o.key("deadlocks");
    o.integer(h.deadlocks);
    o.key("longest_transaction_seconds");
    o.optional(h.longestTransactionSeconds);
    o.key("oldest_xmin_age");
    o.optional(h.oldestXminAge);
    o.key("replicas");
    o.beginArray();
    for (const ReplicaLag& r : h.replicas) {
        o.beginObject();
        o.key("lag_bytes");
        o.optional(r.lagBytes);
        o.key("name");
        o.string(r.name);
        o.key("replay_lag_seconds");
        o.optional(r.replayLagSeconds);
        o.key("state");
        o.string(r.state);
        o.endObject();
    }
    o.endArray();
    o.key("temp_bytes");
    o.integer(h.tempBytes);
    o.key("temp_files");
    o.integer(h.tempFiles);
    o.endObject();
}

void writeFinding(Out& o, const Finding& f) {
    o.beginObject();
    o.key("code");
    o.string(f.code);
    o.key("command");
    o.string(f.command);
    o.key("next_step");
    o.string(f.nextStep);
    o.key("pids");
    writeIntegers(o, f.pids);
    o.key("severity");
    o.string(severityName(f.severity));
    o.key("summary");
    o.string(f.summary);
    o.endObject();
}

// The entry of `previous` each entry of `current` is written as a delta of (sampledelta.h:
// the first entry with the same key), or null.
template<typename Entry, typename Key, typename KeyOf>
std::vector<const Entry*> basesOf(const std::vector<Entry>& current,
                                  const std::vector<Entry>& previous, KeyOf keyOf, bool& any) {
    std::vector<const Entry*> bases(current.size(), nullptr);
    if (previous.empty())
        return bases;
    std::unordered_map<Key, const Entry*> index;
    index.reserve(previous.size());
    for (const Entry& e : previous)
        index.emplace(keyOf(e), &e);
    for (std::size_t i = 0; i < current.size(); ++i) {
        const auto it = index.find(keyOf(current[i]));
        if (it != index.end()) {
            bases[i] = it->second;
            any = true;
        }
    }
    return bases;
}

std::string statementKey(const StatementStat& x) {
    std::string key;
    key.reserve(x.id.size() + x.database.size() + x.user.size() + 3);
    key += x.id;
    key += '\x1f';
    key += x.database;
    key += '\x1f';
    key += x.user;
    key += '\x1f';
    return key;
}

std::string snapshotText(const Snapshot& s, int indent, const Snapshot* previous) {
    bool delta = false;
    std::vector<const Session*> sessionBases;
    std::vector<const StatementStat*> statementBases;
    if (previous) {
        sessionBases = basesOf<Session, std::int64_t>(
            s.sessions, previous->sessions, [](const Session& x) { return x.pid; }, delta);
        statementBases = basesOf<StatementStat, std::string>(s.statements, previous->statements,
                                                             statementKey, delta);
    }
    const auto sessionBase = [&](std::size_t i) {
        return sessionBases.empty() ? nullptr : sessionBases[i];
    };
    const auto statementBase = [&](std::size_t i) {
        return statementBases.empty() ? nullptr : statementBases[i];
    };

    std::string out;
    out.reserve(4096 + s.sessions.size() * (indent >= 0 ? 900 : 450) +
                s.statements.size() * (indent >= 0 ? 1000 : 500));
    Out o(out, indent);
    o.beginObject();
    o.key("collected_at");
    o.time(s.collectedAt);
    o.key("connections");
    writeConnections(o, s.connections);
    o.key("cycles");
    o.beginArray();
    for (const std::vector<std::int64_t>& cycle : s.cycles)
        writeIntegers(o, cycle);
    o.endArray();
    if (delta) {
        o.key("delta_of_previous_sample");
        o.boolean(true);
    }
    o.key("findings");
    o.beginArray();
    for (const Finding& f : s.findings)
        writeFinding(o, f);
    o.endArray();
    o.key("format");
    o.string("dbtriage-snapshot");
    o.key("format_version");
    o.integer(Snapshot::kFormatVersion);
    o.key("health");
    writeHealth(o, s.health);
    o.key("held_locks");
    o.beginArray();
    for (const HeldLock& h : s.heldLocks)
        writeHeldLock(o, h);
    o.endArray();
    o.key("lock_waits");
    o.beginArray();
    for (const LockWait& w : s.lockWaits)
        writeLockWait(o, w);
    o.endArray();
    o.key("partial");
    o.boolean(s.partial());
    o.key("probes");
    o.beginArray();
    for (const ProbeNote& p : s.probes) {
        o.beginObject();
        o.key("probe");
        o.string(p.probe);
        o.key("status");
        o.string(p.status);
        o.endObject();
    }
    o.endArray();
    o.key("redacted");
    o.boolean(s.redacted);
    o.key("root_blockers");
    o.beginArray();
    for (const RootBlocker& r : s.rootBlockers)
        writeRootBlocker(o, r);
    o.endArray();
    o.key("server");
    writeServer(o, s.server);
    o.key("sessions");
    o.beginArray();
    for (std::size_t i = 0; i < s.sessions.size(); ++i)
        writeSession(o, s.sessions[i], sessionBase(i));
    o.endArray();
    o.key("statements");
    o.beginArray();
    for (std::size_t i = 0; i < s.statements.size(); ++i)
        writeStatement(o, s.statements[i], statementBase(i));
    o.endArray();
    o.key("statements_fresh");
    o.boolean(s.statementsFresh);
    o.key("statements_sampled_at");
    o.time(s.statementsAt());
    o.key("statements_scope");
    o.string(s.statementScope == StatementScope::Window ? "window" : "cumulative");
    o.key("statements_window_start");
    if (s.statementScope == StatementScope::Window)
        o.time(s.statementWindowStart);
    else
        o.null();
    o.key("tool_version");
    o.string(s.toolVersion);
    o.endObject();
    return out;
}

} // namespace

std::string snapshotJsonText(const Snapshot& snapshot, int indent) {
    return snapshotText(snapshot, indent, nullptr);
}

std::string sampleJsonText(const Snapshot& current, const Snapshot* previous) {
    return snapshotText(current, -1, previous);
}

} // namespace dbt
