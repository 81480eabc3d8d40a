// bench/bundle_export — size and time of exporting an evidence bundle for a busy server:
// 5,000 statements, 2,000 sessions, 30 samples (synthetic, deterministic). Prints the zip size
// (goal ≤ 5 MB) and the export time (goal ≤ 2 s), with a breakdown, and the time to open and
// verify the result. Asserts nothing.
//
// Usage: bundle_export [--samples N] [--statements N] [--sessions N] [--out FILE.zip]
//                      [--all-active] [--details]
//
// --details adds the zip at deflate levels 1, 3 and 6, and the same snapshot.json and samples
// written through nlohmann::json documents (the writer's former path), with a byte comparison.
#include "analysis.h"
#include "bundle/bundleplans.h"
#include "bundle/bundlereader.h"
#include "bundle/bundlewriter.h"
#include "bundle/csv.h"
#include "bundle/sampledelta.h"
#include "bundle/ticket.h"
#include "render/charts.h"
#include "snapshot_json.h"
#include "snapshot_writer.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QGuiApplication>
#include <QTemporaryDir>
#include <QTextStream>
#include <cstdint>
#include <ctime>
#include <random>
#include <string>
#include <thread>
#include <vector>

using namespace dbt;

namespace {

constexpr Micros kStart = 1'764'000'000'000'000; // 2025-11-24

const char* const kTables[] = {"orders",   "order_items", "customers", "payments", "shipments",
                               "products", "inventory",   "carts",     "sessions", "audit_log"};
const char* const kColumns[] = {"id",     "customer_id", "status",       "created_at", "updated_at",
                                "amount", "sku",         "warehouse_id", "email",      "note"};

std::string statementText(int i) {
    const std::string t = kTables[i % 10];
    const std::string c1 = kColumns[i % 7];
    const std::string c2 = kColumns[(i / 7) % 10];
    switch (i % 4) {
    case 0:
        return "SELECT " + c1 + ", " + c2 + ", count(*) FROM " + t + " WHERE " + c2 +
               " = $1 AND created_at > $2 GROUP BY " + c1 + ", " + c2 +
               " ORDER BY 3 DESC LIMIT $3 /* q" + std::to_string(i) + " */";
    case 1:
        return "UPDATE " + t + " SET " + c1 + " = $1, updated_at = now() WHERE id = $2 /* q" +
               std::to_string(i) + " */";
    case 2:
        return "INSERT INTO " + t + " (" + c1 + ", " + c2 + ", note) VALUES ($1, $2, $3) /* q" +
               std::to_string(i) + " */";
    default:
        return "SELECT o.id, o.status, i.sku, i.amount FROM " + t +
               " o JOIN order_items i ON i.order_id = o.id WHERE o." + c2 +
               " = ANY ($1) AND o.status <> $2 ORDER BY o.created_at DESC /* q" +
               std::to_string(i) + " */";
    }
}

// Activity: the 200 costliest statements are called in every sample, each other statement in
// about 10 % of the samples; sessions keep their state (30 % active, 60 % idle, 10 % idle in
// transaction) and only the active ones start a new query in each sample. With --all-active
// every statement and every session changes in every sample (the worst case for the size).
struct Activity {
    double tailShare = 0.1;
    bool all = false;
    std::vector<std::int64_t> calls; // counters so far, by statement
};

Snapshot makeSample(int sample, int statements, int sessions, Activity& activity,
                    std::mt19937_64& rng) {
    Snapshot s;
    s.collectedAt = kStart + static_cast<Micros>(sample) * 2'000'000;
    s.toolVersion = "bench";
    s.server.engine = Engine::PostgreSQL;
    s.server.version = "15.4";
    s.server.versionNum = 150004;
    s.server.host = "db1.example.com";
    s.server.port = "5432";
    s.server.database = "shop";
    s.server.user = "dbtriage_monitor";
    s.server.settings = {{"max_connections", "2500"}, {"work_mem", "4MB"}};
    s.connections.max = 2500;
    s.connections.reserved = 3;
    std::uniform_int_distribution<int> pct(0, 99);
    for (int i = 0; i < sessions; ++i) {
        Session x;
        x.pid = 10000 + i;
        x.user = i % 5 ? "app" : "reporting";
        x.database = "shop";
        x.application = "service-" + std::to_string(i % 40);
        x.client = "10.0." + std::to_string(i / 250) + "." + std::to_string(i % 250) + ":5" +
                   std::to_string(1000 + i);
        x.backendType = "client backend";
        const int p = activity.all ? pct(rng) : (i * 37) % 100;
        x.state = p < 30 ? "active" : p < 90 ? "idle" : "idle in transaction";
        x.backendStart = kStart - 3'600'000'000LL + i * 1000;
        const bool changes = activity.all || x.state == "active";
        x.queryStart = (changes ? s.collectedAt : kStart) - (p + 1) * 10'000;
        x.stateChange = x.queryStart;
        if (x.state != "idle")
            x.transactionStart = x.queryStart;
        x.query = statementText(i % statements);
        x.queryId = std::to_string(1'000'000'007LL * (i % statements));
        s.connections.byState[x.state]++;
        s.connections.byApplication[x.application]++;
        s.sessions.push_back(std::move(x));
    }
    s.connections.total = sessions;
    // 20 root blockers with 10 waiters each
    for (int r = 0; r < 20; ++r) {
        for (int w = 0; w < 10; ++w) {
            LockWait lw;
            lw.waitingPid = 10000 + 100 + r * 10 + w;
            lw.blockingPid = 10000 + r;
            lw.lockType = "transactionid";
            lw.mode = "ShareLock";
            lw.object = "transaction " + std::to_string(900000 + r);
            s.lockWaits.push_back(lw);
        }
        s.heldLocks.push_back({10000 + r, "relation", "RowExclusiveLock", "public.orders"});
    }
    activity.calls.resize(static_cast<std::size_t>(statements), 0);
    std::uniform_real_distribution<double> chance(0, 1);
    for (int i = 0; i < statements; ++i) {
        const bool called = activity.all || i < 200 || chance(rng) < activity.tailShare;
        if (called || sample == 0)
            activity.calls[static_cast<std::size_t>(i)] += (statements - i) * 3 + sample;
        StatementStat st;
        st.id = std::to_string(1'000'000'007LL * i);
        st.query = statementText(i);
        st.database = "shop";
        st.user = i % 5 ? "app" : "reporting";
        st.calls = activity.calls[static_cast<std::size_t>(i)];
        st.totalTimeMs = static_cast<double>(st.calls) * (0.05 + (i % 97) * 0.013);
        st.meanTimeMs = st.totalTimeMs / static_cast<double>(st.calls);
        st.rows = st.calls * (1 + i % 7);
        st.sharedBlksHit = st.calls * 12;
        st.sharedBlksRead = st.calls / 10;
        s.statements.push_back(std::move(st));
    }
    s.probes = {{"activity", "ok"}, {"locks", "ok"}, {"statements", "ok"}};
    analyseSnapshot(s, {});
    return s;
}

// How fast this machine builds and writes JSON at all: nlohmann::json for 7,000 entries of 15
// fields (one sample's statements and sessions), built, dumped and freed. Shared or slow
// machines make every figure above larger; this one says by how much.
double jsonCalibrationMs() {
    const std::clock_t start = std::clock();
    for (int rep = 0; rep < 3; ++rep) {
        nlohmann::json list = nlohmann::json::array();
        for (int i = 0; i < 7000; ++i)
            list.push_back({{"calls", i},
                            {"database", "shop"},
                            {"id", std::to_string(i * 1000000007LL)},
                            {"mean_time_ms", i * 0.1},
                            {"no_index_used", 0},
                            {"query", "SELECT a, b FROM t WHERE x = $1 AND y = $2 ORDER BY z"},
                            {"rows", i * 3},
                            {"rows_examined", 0},
                            {"shared_blks_hit", i * 12},
                            {"shared_blks_read", i},
                            {"sort_merge_passes", 0},
                            {"temp_blks_written", 0},
                            {"tmp_disk_tables", 0},
                            {"total_time_ms", i * 1.5},
                            {"user", "app"}});
        const std::string text = list.dump();
        if (text.empty())
            return 0;
    }
    return static_cast<double>(std::clock() - start) * 1000.0 / CLOCKS_PER_SEC / 3;
}

struct Spent {
    double wallMs = 0;
    double cpuMs = 0; // of the whole process (the machine may be shared: wall can be longer)
};

class Clock {
public:
    Clock()
        : cpu_(std::clock()) {
        wall_.start();
    }
    Spent lap() {
        const std::clock_t now = std::clock();
        Spent s{static_cast<double>(wall_.nsecsElapsed()) / 1e6,
                static_cast<double>(now - cpu_) * 1000.0 / CLOCKS_PER_SEC};
        wall_.restart();
        cpu_ = now;
        return s;
    }

private:
    QElapsedTimer wall_;
    std::clock_t cpu_;
};

// A PostgreSQL JSON plan of `joins` hash joins over sequential scans (as EXPLAIN (FORMAT JSON)
// prints a generic plan), nested the way the engine nests them.
std::string makePlanJson(int joins, int seed) {
    std::string plan;
    for (int j = 0; j < joins; ++j)
        plan += "{\"Node Type\": \"Hash Join\", \"Parallel Aware\": false, \"Join Type\": "
                "\"Inner\", \"Startup Cost\": 120.5, \"Total Cost\": " +
                std::to_string(5000 - j * 10) +
                ".25, \"Plan Rows\": 1200, \"Plan Width\": 48, \"Inner Unique\": false, "
                "\"Hash Cond\": \"(t" +
                std::to_string(j) + ".id = t" + std::to_string(j + 1) + ".ref_id)\", \"Plans\": [";
    plan += "{\"Node Type\": \"Seq Scan\", \"Parent Relationship\": \"Outer\", "
            "\"Relation Name\": \"orders_" +
            std::to_string(seed) +
            "\", \"Alias\": \"t0\", \"Startup Cost\": 0.0, \"Total Cost\": 2500.0, "
            "\"Plan Rows\": 10, \"Plan Width\": 24, \"Filter\": \"(status = $1)\"}";
    for (int j = joins - 1; j >= 0; --j)
        plan += ", {\"Node Type\": \"Hash\", \"Parent Relationship\": \"Inner\", \"Startup "
                "Cost\": 40.0, \"Total Cost\": 40.0, \"Plan Rows\": 2000, \"Plan Width\": 24, "
                "\"Plans\": [{\"Node Type\": \"Seq Scan\", \"Parent Relationship\": "
                "\"Outer\", \"Relation Name\": \"items_" +
                std::to_string(j) + "\", \"Alias\": \"t" + std::to_string(j + 1) +
                "\", \"Startup Cost\": 0.0, \"Total Cost\": 40.0, \"Plan Rows\": 2000, "
                "\"Plan Width\": 24}]}]}";
    return "[{\"Plan\": " + plan + "}]";
}

double mb(std::size_t bytes) {
    return static_cast<double>(bytes) / 1e6;
}

// What BundleWriter::compose() does, part by part on this thread (it runs the samples on
// worker threads next to the rest).
void printComposeParts(QTextStream& out, const BundleInput& input,
                       const std::vector<BundleFile>& files) {
    Clock clock;
    const std::string snapshot = snapshotJsonText(input.snapshot);
    const Spent snapshotTime = clock.lap();
    std::size_t sampleBytes = 0;
    for (std::size_t k = 0; k < input.samples.size() && input.samples.size() > 1; ++k)
        sampleBytes +=
            sampleJsonText(*input.samples[k], k ? input.samples[k - 1].get() : nullptr).size();
    const Spent samplesTime = clock.lap();
    TicketContext ticket;
    ticket.collection = input.collection;
    for (const BundleFile& f : files)
        ticket.files.push_back(f.path);
    const std::size_t other =
        sessionsCsv(input.snapshot).size() + statementsCsv(input.snapshot).size() +
        lockWaitsCsv(input.snapshot).size() + renderReadmeMarkdown(input.snapshot, ticket).size() +
        renderJiraSummary(input.snapshot, ticket).size();
    const Spent otherTime = clock.lap();
    std::size_t hashed = 0;
    for (const BundleFile& f : files)
        hashed += static_cast<std::size_t>(
            QCryptographicHash::hash(f.data, QCryptographicHash::Sha256).size());
    const Spent hashTime = clock.lap();
    out << QStringLiteral(
               "    compose, each part on one thread (CPU): snapshot.json %1 ms (%2 MB), "
               "%3 samples %4 ms (%5 MB), CSV + README + Jira %6 ms (%7 MB), SHA-256 "
               "of %8 files %9 ms\n")
               .arg(snapshotTime.cpuMs, 0, 'f', 0)
               .arg(mb(snapshot.size()), 0, 'f', 1)
               .arg(input.samples.size())
               .arg(samplesTime.cpuMs, 0, 'f', 0)
               .arg(mb(sampleBytes), 0, 'f', 1)
               .arg(otherTime.cpuMs, 0, 'f', 0)
               .arg(mb(other), 0, 'f', 1)
               .arg(hashed / 32)
               .arg(hashTime.cpuMs, 0, 'f', 0);
}

// --details: the zip at other deflate levels, and the JSON through nlohmann::json documents.
void printDetails(QTextStream& out, const BundleInput& input,
                  const std::vector<BundleFile>& files) {
    Clock clock;
    for (const int level : {1, 3, 6}) {
        QByteArray zipped;
        BundleWriter::zipFiles(files, input.snapshot.collectedAt, level, &zipped);
        const Spent t = clock.lap();
        out << QStringLiteral("    zip at deflate level %1: %2 MB in %3 ms CPU\n")
                   .arg(level)
                   .arg(mb(static_cast<std::size_t>(zipped.size())), 0, 'f', 2)
                   .arg(t.cpuMs, 0, 'f', 0);
    }
    clock.lap();
    const std::string snapshot = dumpJson(snapshotToJson(input.snapshot));
    const Spent snapshotTime = clock.lap();
    const bool snapshotSame = snapshot == snapshotJsonText(input.snapshot);
    clock.lap();
    double build = 0, delta = 0, dump = 0;
    int differ = 0;
    nlohmann::json previous;
    for (std::size_t k = 0; k < input.samples.size() && input.samples.size() > 1; ++k) {
        nlohmann::json full = snapshotToJson(*input.samples[k]);
        build += clock.lap().cpuMs;
        nlohmann::json written = k ? deltaOfPrevious(previous, full) : full;
        delta += clock.lap().cpuMs;
        const std::string text = dumpJson(written, -1);
        dump += clock.lap().cpuMs;
        differ +=
            text != sampleJsonText(*input.samples[k], k ? input.samples[k - 1].get() : nullptr);
        previous = std::move(full);
        clock.lap();
    }
    out << QStringLiteral(
               "    through nlohmann::json documents (CPU): snapshot.json %1 ms; samples "
               "%2 ms = build %3 + delta %4 + dump %5; same bytes as the writer's: "
               "snapshot.json %6, %7 of %8 samples differ\n")
               .arg(snapshotTime.cpuMs, 0, 'f', 0)
               .arg(build + delta + dump, 0, 'f', 0)
               .arg(build, 0, 'f', 0)
               .arg(delta, 0, 'f', 0)
               .arg(dump, 0, 'f', 0)
               .arg(snapshotSame ? QStringLiteral("yes") : QStringLiteral("NO"))
               .arg(differ)
               .arg(input.samples.size());
}

} // namespace

int main(int argc, char** argv) {
    render::useOffscreenPlatform();
    QGuiApplication app(argc, argv);
    QTextStream out(stdout);
    int samples = 30;
    int statements = 5000;
    int sessions = 2000;
    QString outPath;
    Activity activity;
    QStringList args = QCoreApplication::arguments();
    activity.all = args.removeAll(QStringLiteral("--all-active")) > 0;
    const bool details = args.removeAll(QStringLiteral("--details")) > 0;
    for (qsizetype i = 1; i + 1 < args.size(); i += 2) {
        if (args[i] == QLatin1String("--samples"))
            samples = args[i + 1].toInt();
        else if (args[i] == QLatin1String("--statements"))
            statements = args[i + 1].toInt();
        else if (args[i] == QLatin1String("--sessions"))
            sessions = args[i + 1].toInt();
        else if (args[i] == QLatin1String("--out"))
            outPath = args[i + 1];
    }
    samples = std::max(samples, 1);
    statements = std::max(statements, 1);
    sessions = std::max(sessions, 1);

    std::mt19937_64 rng(42);
    BundleInput input;
    for (int i = 0; i < samples; ++i)
        input.samples.push_back(
            std::make_shared<const Snapshot>(makeSample(i, statements, sessions, activity, rng)));
    input.snapshot = samples > 1
                         ? withStatementWindow(*input.samples.front(), *input.samples.back())
                         : *input.samples.back();
    input.collection.samples = samples;
    input.collection.requestedSamples = samples;
    input.collection.intervalSeconds = 2;
    input.collection.note = "bench";
    // The plans of the 10 costliest statements, as collect --explain-top 10 adds them.
    BundlePlans plans;
    for (const PlanTarget& t : choosePlanTargets(input.snapshot, 10)) {
        ExplainResult r;
        r.plan = makePlanJson(12, t.rank);
        r.dialect = "postgres-json";
        r.genericPlan = true;
        r.explained = t.text;
        r.notes = {"Generic plan: planned without parameter values."};
        addExplainedPlan(t, r, input.snapshot.server, true, plans);
    }
    const std::size_t planCount = plans.summaries.size();
    addPlansToBundle(std::move(plans), 10, input);

    QTemporaryDir tmp;
    if (outPath.isEmpty())
        outPath = tmp.filePath(QStringLiteral("bench.zip"));

    // End to end, as "dbtriage collect --out" does it: charts, then compose + zip + write.
    Clock clock;
    render::addCharts(input);
    const Spent charts = clock.lap();
    const BundleWriteResult w = BundleWriter::write(input, outPath);
    const Spent write = clock.lap();

    // The parts alone.
    const std::vector<BundleFile> files = BundleWriter::compose(input);
    const Spent compose = clock.lap();
    qint64 raw = 0;
    for (const BundleFile& f : files)
        raw += f.data.size();
    QByteArray zipped;
    const QString zipError = BundleWriter::zipFiles(files, input.snapshot.collectedAt, 6, &zipped);
    const Spent zip = clock.lap();

    const Bundle b = BundleReader::open(outPath);
    const Spent open = clock.lap();

    out << "bundle_export: " << samples << " samples, " << statements << " statements, " << sessions
        << " sessions per sample, " << planCount << " plans; "
        << (activity.all ? QStringLiteral("every statement and session changes in every sample")
                         : QStringLiteral("the top 200 statements, 10 % of the others and the "
                                          "active sessions change in each sample"))
        << '\n';
    if (!zipError.isEmpty() || !w.ok()) {
        out << "  FAILED: " << (zipError.isEmpty() ? w.error : zipError) << '\n';
        return 1;
    }
    out << QStringLiteral("  files: %1, uncompressed %2 MB\n")
               .arg(files.size())
               .arg(static_cast<double>(raw) / 1e6, 0, 'f', 1);
    out << QStringLiteral("  zip size: %1 MB (goal <= 5 MB)\n")
               .arg(static_cast<double>(w.bytes) / 1e6, 0, 'f', 2);
    out << QStringLiteral("  export time: %1 ms wall, %2 ms CPU (goal <= 2000 ms) = charts %3 + "
                          "compose, zip and atomic write %4 (wall)\n")
               .arg(charts.wallMs + write.wallMs, 0, 'f', 0)
               .arg(charts.cpuMs + write.cpuMs, 0, 'f', 0)
               .arg(charts.wallMs, 0, 'f', 0)
               .arg(write.wallMs, 0, 'f', 0);
    out << QStringLiteral("    parts alone (CPU / wall): compose %1 / %2 ms (JSON, sample deltas, "
                          "CSV, README, SHA-256), zip %3 / %4 ms, charts %5 / %6 ms\n")
               .arg(compose.cpuMs, 0, 'f', 0)
               .arg(compose.wallMs, 0, 'f', 0)
               .arg(zip.cpuMs, 0, 'f', 0)
               .arg(zip.wallMs, 0, 'f', 0)
               .arg(charts.cpuMs, 0, 'f', 0)
               .arg(charts.wallMs, 0, 'f', 0);
    printComposeParts(out, input, files);
    if (details)
        printDetails(out, input, files);
    out << QStringLiteral("  this machine: nlohmann::json builds, dumps and frees a 7,000-entry "
                          "document in %1 ms CPU; %2 hardware threads\n")
               .arg(jsonCalibrationMs(), 0, 'f', 0)
               .arg(std::thread::hardware_concurrency());
    out << QStringLiteral("  open + verify + parse: %1 ms wall, %2 ms CPU; %3\n")
               .arg(open.wallMs, 0, 'f', 0)
               .arg(open.cpuMs, 0, 'f', 0)
               .arg(b.ok() ? b.verification : b.error);
    return 0;
}
