#include "bundle/bundleplans.h"

#include "advisor/advisor.h"
#include "advisor/workload.h"
#include "plans/insights.h"
#include "plans/parse.h"
#include "plans/render.h"
#include "redact.h"
#include "textutil.h"

#include <algorithm>
#include <cctype>
#include <fmt/format.h>
#include <map>
#include <memory>

namespace dbt {

namespace {

QByteArray bytes(const std::string& s) {
    return QByteArray(s.data(), static_cast<qsizetype>(s.size()));
}

// The first keyword of a statement, lower case, after blanks, comments and opening brackets.
std::string firstKeyword(std::string_view sql) {
    std::size_t i = 0;
    while (i < sql.size()) {
        const char c = sql[i];
        if (std::isspace(static_cast<unsigned char>(c)) || c == '(') {
            ++i;
        } else if (sql.substr(i, 2) == "--") {
            const std::size_t end = sql.find('\n', i);
            i = end == std::string_view::npos ? sql.size() : end + 1;
        } else if (sql.substr(i, 2) == "/*") {
            const std::size_t end = sql.find("*/", i + 2);
            i = end == std::string_view::npos ? sql.size() : end + 2;
        } else {
            break;
        }
    }
    std::string word;
    while (i < sql.size() && std::isalpha(static_cast<unsigned char>(sql[i])) && word.size() < 16)
        word += static_cast<char>(std::tolower(static_cast<unsigned char>(sql[i++])));
    return word;
}

bool explainable(std::string_view sql) {
    static const char* const kWords[] = {"select", "with",   "values", "table",  "insert",
                                         "update", "delete", "merge",  "replace"};
    const std::string word = firstKeyword(sql);
    return std::any_of(std::begin(kWords), std::end(kWords),
                       [&](const char* w) { return word == w; });
}

std::string millisText(double ms) {
    const long long tenths = std::llround(std::max(0.0, ms) * 10.0);
    return fmt::format("{}.{} ms", formatCount(tenths / 10), tenths % 10);
}

} // namespace

namespace {

PlanSummary summaryOf(const PlanTarget& t) {
    PlanSummary p;
    p.rank = t.rank;
    p.statementId = t.id;
    p.database = t.database;
    p.totalTimeMs = t.totalTimeMs;
    p.share = t.share;
    return p;
}

} // namespace

int BundlePlans::failed() const {
    return static_cast<int>(std::count_if(summaries.begin(), summaries.end(),
                                          [](const PlanSummary& p) { return !p.explained(); }));
}

std::vector<PlanTarget> choosePlanTargets(const Snapshot& snapshot, int top) {
    std::vector<PlanTarget> merged;
    std::map<std::pair<std::string, std::string>, std::size_t> index;
    double sum = 0;
    for (const StatementStat& st : snapshot.statements) {
        sum += std::max(0.0, st.totalTimeMs);
        if (st.query.empty() || st.totalTimeMs <= 0 || !explainable(st.query))
            continue;
        const auto key = std::make_pair(st.id.empty() ? st.query : st.id, st.database);
        const auto [it, added] = index.emplace(key, merged.size());
        if (added) {
            PlanTarget t;
            t.id = st.id;
            t.database = st.database;
            t.text = st.query;
            merged.push_back(std::move(t));
        }
        merged[it->second].totalTimeMs += st.totalTimeMs;
    }
    std::stable_sort(merged.begin(), merged.end(), [](const PlanTarget& a, const PlanTarget& b) {
        return a.totalTimeMs > b.totalTimeMs;
    });
    if (top >= 0 && merged.size() > static_cast<std::size_t>(top))
        merged.resize(static_cast<std::size_t>(top));
    for (std::size_t i = 0; i < merged.size(); ++i) {
        merged[i].rank = static_cast<int>(i + 1);
        merged[i].share = sum > 0 ? merged[i].totalTimeMs / sum : 0;
    }
    return merged;
}

std::string planFileStem(const PlanTarget& target) {
    std::string id;
    for (const char c : target.id) {
        if (id.size() == 64)
            break;
        if (std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_')
            id += c;
    }
    if (id.empty())
        id = "statement";
    return fmt::format("plans/{:02d}-{}", target.rank, id);
}

std::string planTextHeader(const ServerInfo& server, const std::string& database,
                           const ExplainResult& r) {
    std::string h = "Plan from " + std::string(engineName(server.engine)) + " " + server.version +
                    " (database " + (database.empty() ? server.database : database) + ")";
    if (r.analyzed)
        h += ", EXPLAIN ANALYZE (run read-only, rolled back)";
    else if (r.genericPlan)
        h += ", generic plan (no parameter values)";
    else
        h += ", estimated plan (EXPLAIN without ANALYZE: not run)";
    return h + "\n";
}

void addExplainedPlan(const PlanTarget& target, const ExplainResult& result,
                      const ServerInfo& server, bool redacted, BundlePlans& out) {
    PlanSummary summary = summaryOf(target);
    summary.dialect = result.dialect;
    summary.genericPlan = result.genericPlan;
    summary.analyzed = result.analyzed;
    const std::string stem = planFileStem(target);
    summary.jsonFile = stem + ".json";
    summary.textFile = stem + ".txt";

    const SqlDialect sqlDialect =
        server.engine == Engine::PostgreSQL ? SqlDialect::PostgreSQL : SqlDialect::MySQL;
    std::string text = planTextHeader(server, target.database, result);
    text +=
        fmt::format("Statement {}, rank {} by time: {} of all statements' time ({})\n", target.id,
                    target.rank, formatPercent(target.share), millisText(target.totalTimeMs));
    text += "Statement: " + oneLine(target.text, 100000) + "\n";
    if (!result.explained.empty()) {
        const std::string explained =
            redacted ? redactQuery(result.explained, sqlDialect).text : result.explained;
        if (oneLine(explained, 100000) != oneLine(target.text, 100000))
            text += "Explained as: " + oneLine(explained, 100000) + "\n";
    }
    for (const std::string& n : result.notes)
        text += "Note: " + n + "\n";
    text += "\n";
    try {
        plans::ParseOptions parseOptions;
        parseOptions.dialect = plans::dialectFromName(result.dialect);
        const plans::Plan plan = plans::parsePlan(result.plan, parseOptions);
        const std::vector<plans::Insight> insights = plans::findInsights(plan);
        text += plans::renderPlanText(plan, insights);
        for (const plans::Insight& i : insights) {
            if (summary.insights.size() == 3)
                break;
            const std::string node =
                i.node >= 0 && static_cast<std::size_t>(i.node) < plan.nodes.size()
                    ? plans::nodeLabel(plan.nodes[static_cast<std::size_t>(i.node)])
                    : std::string();
            summary.insights.push_back({severityName(i.severity), i.code, node, i.message});
        }
    } catch (const std::exception& e) {
        // A plan this build cannot read: kept as the server printed it.
        text += std::string("The plan could not be read for insights: ") + e.what() + "\n\n" +
                result.plan + "\n";
    }
    std::string plan = result.plan;
    if (plan.empty() || plan.back() != '\n')
        plan += '\n';
    out.files.push_back({summary.jsonFile, bytes(plan)});
    out.files.push_back({summary.textFile, bytes(text)});
    out.summaries.push_back(std::move(summary));
}

BundlePlans explainForBundle(EngineSession& session, const ServerInfo& server,
                             const Snapshot& snapshot, int top, const BundlePlansOptions& options) {
    BundlePlans out;
    const std::vector<PlanTarget> targets = choosePlanTargets(snapshot, top);
    const int count = static_cast<int>(targets.size());
    std::string reconnectError;
    for (int k = 0; k < count; ++k) {
        const PlanTarget& t = targets[static_cast<std::size_t>(k)];
        if (options.progress && !options.progress(k, count, t)) {
            out.cancelled = true;
            break;
        }
        PlanSummary failure = summaryOf(t);
        if (!reconnectError.empty()) {
            failure.error = reconnectError;
            out.summaries.push_back(std::move(failure));
            continue;
        }
        ExplainRequest request;
        request.database = t.database == server.database ? std::string() : t.database;
        request.sql = options.serverText ? options.serverText(t.id, t.database) : std::string();
        if (request.sql.empty())
            request.sql = t.text;
        try {
            if (!session.connected())
                session.connect();
            // MySQL/MariaDB digest quirks (COUNT ( * ), FROM EVENTS) are handled by the
            // session's explain (plans/statement.h).
            const ExplainResult result = session.explain(request);
            addExplainedPlan(t, result, server, snapshot.redacted, out);
            continue;
        } catch (const EngineError& e) {
            failure.error = e.what();
            if (e.kind() == EngineError::Kind::Lost || !session.connected()) {
                try {
                    session.disconnect();
                    session.connect();
                } catch (const EngineError& again) {
                    reconnectError = std::string("the connection for EXPLAIN could not be opened "
                                                 "again: ") +
                                     again.what();
                }
            }
        } catch (const std::exception& e) {
            failure.error = std::string("EXPLAIN failed: ") + e.what();
        }
        out.summaries.push_back(std::move(failure));
    }
    return out;
}

BundlePlans explainForBundle(const Snapshot& snapshot, int top, const BundlePlansOptions& options) {
    std::unique_ptr<EngineSession> session;
    ServerInfo server;
    try {
        session = openEngine(options.connect);
        server = session->connect();
    } catch (const EngineError& e) {
        BundlePlans out;
        for (const PlanTarget& t : choosePlanTargets(snapshot, top)) {
            PlanSummary p = summaryOf(t);
            p.error = std::string("the session for EXPLAIN could not connect: ") + e.what();
            out.summaries.push_back(std::move(p));
        }
        return out;
    }
    BundlePlans out = explainForBundle(*session, server, snapshot, top, options);
    session->disconnect();
    return out;
}

void addPlansToBundle(BundlePlans plans, int top, BundleInput& input) {
    input.collection.explainTopRequested = top;
    for (BundleAttachment& f : plans.files)
        input.attachments.push_back(std::move(f));
    input.collection.plans = std::move(plans.summaries);
    if (plans.cancelled)
        input.collection.unavailable.push_back(
            "Explaining the top statements was cancelled; the bundle holds the plans gathered "
            "until then.");
}

QString addAdviceToBundle(const ConnectOptions& connect, const StatementTextLookup& serverText,
                          BundleInput& input, const std::function<bool()>& cancelled) {
    const Snapshot& result = input.snapshot;
    CollectionInfo& collection = input.collection;
    collection.adviseRequested = true;
    try {
        Snapshot forAdvice = result;
        if (serverText) {
            for (StatementStat& st : forAdvice.statements) {
                const std::string text = serverText(st.id, st.database);
                if (!text.empty())
                    st.query = text;
            }
        }
        advisor::AdvisorOptions options;
        options.connect = connect;
        options.cancelled = cancelled;
        const advisor::Advice advice =
            advisor::advise(options, advisor::workloadFrom(forAdvice, 10));
        input.attachments.push_back(
            {"index-candidates.sql", bytes(advisor::adviceToSqlComments(advice))});
        return {};
    } catch (const std::exception& e) {
        collection.unavailable.push_back(std::string("Index candidates (--advise) failed: ") +
                                         e.what());
        return QString::fromStdString(e.what());
    }
}

} // namespace dbt
