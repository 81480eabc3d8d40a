#include "bundle/csv.h"

#include "timefmt.h"

#include <algorithm>
#include <fmt/format.h>
#include <set>
#include <unordered_map>

namespace dbt {

std::string csvText(std::string_view text) {
    std::string cell;
    cell.reserve(text.size() + 3);
    if (!text.empty()) {
        const char c = text.front();
        if (c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r')
            cell += '\'';
    }
    cell += text;
    const bool quote = cell.find_first_of(",\"\r\n") != std::string::npos ||
                       (!cell.empty() && (cell.front() == ' ' || cell.back() == ' '));
    if (!quote)
        return cell;
    std::string out;
    out.reserve(cell.size() + 8);
    out += '"';
    for (const char c : cell) {
        if (c == '"')
            out += '"';
        out += c;
    }
    out += '"';
    return out;
}

CsvWriter::CsvWriter(const std::vector<std::string>& header) {
    for (const std::string& h : header)
        text(h);
    endRow();
}

void CsvWriter::separator() {
    if (rowStarted_)
        out_ += ',';
    rowStarted_ = true;
}

CsvWriter& CsvWriter::text(std::string_view value) {
    separator();
    out_ += csvText(value);
    return *this;
}

CsvWriter& CsvWriter::number(std::int64_t value) {
    separator();
    out_ += std::to_string(value);
    return *this;
}

CsvWriter& CsvWriter::number(double value) {
    separator();
    out_ += fmt::format("{}", value);
    return *this;
}

CsvWriter& CsvWriter::number(const std::optional<double>& value) {
    if (value)
        return number(*value);
    separator();
    return *this;
}

CsvWriter& CsvWriter::number(const std::optional<std::int64_t>& value) {
    if (value)
        return number(*value);
    separator();
    return *this;
}

CsvWriter& CsvWriter::time(const OptMicros& value) {
    separator();
    if (value)
        out_ += formatRfc3339(*value);
    return *this;
}

CsvWriter& CsvWriter::flag(bool value) {
    separator();
    out_ += value ? "true" : "false";
    return *this;
}

void CsvWriter::endRow() {
    out_ += "\r\n";
    rowStarted_ = false;
}

std::string sessionsCsv(const Snapshot& s) {
    CsvWriter csv({"pid", "user", "database", "application", "client", "backend_type", "state",
                   "wait_event_type", "wait_event", "backend_start", "transaction_start",
                   "query_start", "state_change", "xmin_age", "query_id", "query"});
    for (const Session& x : s.sessions) {
        csv.number(x.pid)
            .text(x.user)
            .text(x.database)
            .text(x.application)
            .text(x.client)
            .text(x.backendType)
            .text(x.state)
            .text(x.waitEventType)
            .text(x.waitEvent)
            .time(x.backendStart)
            .time(x.transactionStart)
            .time(x.queryStart)
            .time(x.stateChange)
            .number(x.xminAge)
            .text(x.queryId)
            .text(x.query);
        csv.endRow();
    }
    return csv.str();
}

std::string statementsCsv(const Snapshot& s) {
    CsvWriter csv({"rank", "id", "database", "user", "calls", "total_time_ms", "mean_time_ms",
                   "rows", "shared_blks_hit", "shared_blks_read", "temp_blks_written",
                   "rows_examined", "no_index_used", "tmp_disk_tables", "sort_merge_passes",
                   "p95_time_ms", "p99_time_ms", "cpu_time_ms", "query"});
    std::vector<const StatementStat*> order;
    order.reserve(s.statements.size());
    for (const StatementStat& st : s.statements)
        order.push_back(&st);
    std::stable_sort(order.begin(), order.end(),
                     [](const auto* a, const auto* b) { return a->totalTimeMs > b->totalTimeMs; });
    std::int64_t rank = 0;
    for (const StatementStat* st : order) {
        csv.number(++rank)
            .text(st->id)
            .text(st->database)
            .text(st->user)
            .number(st->calls)
            .number(st->totalTimeMs)
            .number(st->meanTimeMs)
            .number(st->rows)
            .number(st->sharedBlksHit)
            .number(st->sharedBlksRead)
            .number(st->tempBlksWritten)
            .number(st->rowsExamined)
            .number(st->noIndexUsed)
            .number(st->tmpDiskTables)
            .number(st->sortMergePasses)
            .number(st->p95TimeMs)
            .number(st->p99TimeMs)
            .number(st->cpuTimeMs)
            .text(st->query);
        csv.endRow();
    }
    return csv.str();
}

std::string lockWaitsCsv(const Snapshot& s) {
    // Which root blockers each waiter leads to (breadth-first from every root).
    std::unordered_map<std::int64_t, std::vector<std::int64_t>> waitersOf;
    for (const LockWait& w : s.lockWaits)
        waitersOf[w.blockingPid].push_back(w.waitingPid);
    std::unordered_map<std::int64_t, std::set<std::int64_t>> rootsOf;
    for (const RootBlocker& r : s.rootBlockers) {
        std::set<std::int64_t> seen{r.pid};
        std::vector<std::int64_t> queue{r.pid};
        for (std::size_t i = 0; i < queue.size(); ++i) {
            const auto it = waitersOf.find(queue[i]);
            if (it == waitersOf.end())
                continue;
            for (const std::int64_t w : it->second) {
                if (seen.insert(w).second) {
                    queue.push_back(w);
                    rootsOf[w].insert(r.pid);
                }
            }
        }
    }

    std::unordered_map<std::int64_t, const Session*> byPid;
    for (const Session& x : s.sessions)
        byPid.emplace(x.pid, &x);

    CsvWriter csv({"waiting_pid", "blocking_pid", "root_blockers", "lock_type", "mode", "object",
                   "hard", "queue_position", "waiting_state", "waiting_application",
                   "waiting_since", "blocking_state", "blocking_application", "waiting_query"});
    for (const LockWait& w : s.lockWaits) {
        std::string roots;
        if (const auto it = rootsOf.find(w.waitingPid); it != rootsOf.end()) {
            for (const std::int64_t r : it->second) {
                if (!roots.empty())
                    roots += ' ';
                roots += std::to_string(r);
            }
        }
        const auto find = [&](std::int64_t pid) -> const Session* {
            const auto it = byPid.find(pid);
            return it == byPid.end() ? nullptr : it->second;
        };
        const Session* waiter = find(w.waitingPid);
        const Session* blocker = find(w.blockingPid);
        csv.number(w.waitingPid)
            .number(w.blockingPid)
            .text(roots)
            .text(w.lockType)
            .text(w.mode)
            .text(w.object)
            .flag(w.hard)
            .number(static_cast<std::int64_t>(w.queuePosition))
            .text(waiter ? waiter->state : std::string())
            .text(waiter ? waiter->application : std::string())
            .time(waiter ? waiter->stateChange : std::nullopt)
            .text(blocker ? blocker->state : std::string())
            .text(blocker ? blocker->application : std::string())
            .text(waiter ? waiter->query : std::string());
        csv.endRow();
    }
    return csv.str();
}

} // namespace dbt
