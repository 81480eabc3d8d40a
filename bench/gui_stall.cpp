// bench/gui_stall — how long the GUI thread stalls while the main window refreshes big samples.
//
// The window (offscreen unless QT_QPA_PLATFORM says otherwise) is fed synthetic samples one
// per interval (default 1 s, as the sampler does) through MainWindow::addSnapshot(): 2,000
// ordinary sessions, 5,000 statements whose counters grow (read fresh every 10th sample, as
// the collector does, and shown as window deltas) and a lock pile-up of 5,000 waiters: four
// roots, 2,999 siblings queued on one row, a 20-deep chain, an ALTER TABLE with 1,200 readers
// queued behind it, and 300 waiters spread over 30 rows (too few per row to fold, so drawn).
// A few waiters leave and arrive each sample. Samples are built and analysed on a producer
// thread, as the real worker does, so only GUI work is measured.
//
// The run shows each view in turn (Overview, Sessions, Top queries, Locks; the switch half-way
// between samples, so a view's first refresh is measured too), then the same four with
// 50,000 sessions. A 1 ms timer on the GUI thread records its gaps; p50, p99 and the worst gap
// are printed per view and overall, with the share of the time spent in gaps longer than 16 ms
// ("stalled%": a 500 ms freeze once a second is 50 %, yet hardly moves the p99 of 1 ms ticks)
// and the time addSnapshot() itself took. Goal: p99 ≤ 16 ms.
// Asserts nothing.
//
// Usage: gui_stall [--interval MS] [--samples N (per view)] [--sessions N] [--statements N]
//                  [--waiters N] [--huge N (sessions of the second round, 0: skip it)]
//                  [--only VIEW (0 Overview, 1 Sessions, 2 Top queries, 3 Locks: for profiling)]
#include "analysis.h"
#include "mainwindow.h"

#include <QApplication>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QStandardPaths>
#include <QTimer>
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <string>
#include <thread>
#include <vector>

using namespace dbt;

namespace {

constexpr Micros kStart = 1'764'000'000'000'000; // 2025-11-24

struct Options {
    int intervalMs = 1000;
    int samplesPerView = 8;
    int sessions = 2000;
    int statements = 5000;
    int waiters = 5000;
    int huge = 50000;
    int freshEvery = 10; // statement counters read every N samples
    int only = -1;       // one view only (for profiling)
};

struct Phase {
    std::string label;
    MainWindow::View view;
    int sessions;
};

const char* const kTables[] = {"orders",   "order_items", "customers", "payments",  "shipments",
                               "products", "inventory",   "carts",     "audit_log", "events"};

std::string statementText(int i) {
    const std::string t = kTables[i % 10];
    switch (i % 3) {
    case 0:
        return "SELECT id, status, count(*) FROM " + t +
               " WHERE customer_id = $1 AND created_at > $2 GROUP BY 1, 2 /* q" +
               std::to_string(i) + " */";
    case 1:
        return "UPDATE " + t + " SET status = $1, updated_at = now() WHERE id = $2 /* q" +
               std::to_string(i) + " */";
    default:
        return "INSERT INTO " + t + " (customer_id, amount, note) VALUES ($1, $2, $3) /* q" +
               std::to_string(i) + " */";
    }
}

// Builds samples in order (the statement counters carry state from one to the next).
class Generator {
public:
    explicit Generator(const Options& o)
        : o_(o) {
        calls_.assign(std::size_t(o.statements), 0);
        time_.assign(std::size_t(o.statements), 0.0);
        rows_.assign(std::size_t(o.statements), 0);
        for (int j = 0; j < o.statements; ++j) {
            calls_[std::size_t(j)] = 1000 * (j % 13 + 1);
            time_[std::size_t(j)] = double(calls_[std::size_t(j)]) * mean(j, 0);
        }
    }

    SnapshotPtr next(int i, int sessions) {
        auto s = std::make_shared<Snapshot>();
        const Micros at = kStart + Micros(i) * 1'000'000;
        s->collectedAt = at;
        s->toolVersion = "bench";
        s->server.engine = Engine::PostgreSQL;
        s->server.version = "15.8";
        s->server.versionNum = 150008;
        s->server.host = "db1.example.com";
        s->server.port = "5432";
        s->server.database = "shop";
        s->server.user = "dbtriage_monitor";
        s->server.extensions = {"pg_stat_statements"};
        s->connections.max = sessions + o_.waiters + 1000;
        s->connections.reserved = 3;
        addSessions(*s, sessions, i);
        addPileup(*s, i);
        for (const Session& x : s->sessions) {
            ++s->connections.byState[x.state];
            ++s->connections.byApplication[x.application];
        }
        s->connections.total = std::int64_t(s->sessions.size());
        addStatements(*s, i);
        s->health.cacheHitRatio = 0.991;
        s->health.longestTransactionSeconds = 900 + i;
        s->probes = {{"activity", "ok"}, {"locks", "ok"}, {"statements", "ok"}};
        analyseSnapshot(*s, {});
        return s;
    }

private:
    static double mean(int j, int f) { return 0.05 + (j % 97) * 0.013 + ((f * 31 + j) % 7) * 0.01; }

    void addSessions(Snapshot& s, int count, int i) const {
        s.sessions.reserve(std::size_t(count + o_.waiters + 40));
        for (int k = 0; k < count; ++k) {
            Session x;
            x.pid = 100000 + k;
            x.user = k % 5 ? "app" : "reporting";
            x.database = "shop";
            x.application = "service-" + std::to_string(k % 40);
            x.client = "10.0." + std::to_string((k / 250) % 250) + "." + std::to_string(k % 250) +
                       ":5" + std::to_string(1000 + k % 9000);
            x.backendType = "client backend";
            const int p = (k * 37 + i / 5) % 100;
            x.state = p < 30 ? "active" : p < 90 ? "idle" : "idle in transaction";
            x.backendStart = kStart - 3'600'000'000LL + k * 1000;
            const bool active = x.state == "active";
            x.queryStart = (active ? s.collectedAt : kStart) - (p + 1) * 10'000;
            x.stateChange = x.queryStart;
            if (x.state != "idle")
                x.transactionStart = x.queryStart;
            const int q = active ? (k + i) % o_.statements : k % o_.statements;
            x.query = statementText(q);
            x.queryId = std::to_string(1'000'000'007LL * q);
            s.sessions.push_back(std::move(x));
        }
    }

    void session(Snapshot& s, std::int64_t pid, const char* state, Micros since, const char* app,
                 std::string query, bool waits) const {
        Session x;
        x.pid = pid;
        x.user = "app";
        x.database = "shop";
        x.application = app;
        x.client = "10.1.0." + std::to_string(pid % 250) + ":4" + std::to_string(pid % 10000);
        x.backendType = "client backend";
        x.state = state;
        x.backendStart = since - 60'000'000;
        x.stateChange = since;
        x.transactionStart = since - 1'000'000;
        x.queryStart = since;
        if (waits) {
            x.waitEventType = "Lock";
            x.waitEvent = "tuple";
        }
        x.query = std::move(query);
        s.sessions.push_back(std::move(x));
    }

    // Waiter w's pid: stable, except that every 50th is a new session each sample (churn).
    static std::int64_t waiterPid(int w, int i) {
        return w % 50 == 7 ? 5'000'000 + std::int64_t(i) * 10'000 + w : 200'000 + w;
    }

    void addPileup(Snapshot& s, int i) const {
        const Micros at = s.collectedAt;
        const int n = o_.waiters;
        const int rowSiblings = n * 6 / 10 - 1;
        const int chain = 20;
        const int chainTail = n / 10 - chain;
        const int readers = n * 24 / 100;
        const int spread = n - 1 - rowSiblings - chain - chainTail - 1 - readers;
        const std::string upd = "UPDATE orders SET status = $1 WHERE id = $2";
        // Root 1: idle in transaction, holds row (0,42) of orders; pid 11 waits on its
        // transaction, the siblings on the tuple lock 11 holds.
        session(s, 10, "idle in transaction", at - 600'000'000, "billing-worker", upd, false);
        s.heldLocks.push_back({10, "relation", "RowExclusiveLock", "public.orders"});
        s.heldLocks.push_back({10, "transactionid", "ExclusiveLock", "transaction 827001"});
        session(s, 11, "active", at - 590'000'000, "checkout-api", upd, true);
        s.lockWaits.push_back(
            {11, 10, "transactionid", "ShareLock", "transaction 827001", true, 1});
        int w = 0;
        for (int k = 0; k < rowSiblings; ++k, ++w) {
            const std::int64_t pid = waiterPid(w, i);
            session(s, pid, "active", at - 580'000'000 + Micros(k) * 100'000, "checkout-api", upd,
                    true);
            s.lockWaits.push_back(
                {pid, 11, "tuple", "ExclusiveLock", "row (0,42) of public.orders", true, k + 1});
        }
        // Root 2: a long UPDATE with a 20-deep chain behind it and the rest on its end.
        session(s, 20, "active", at - 400'000'000, "ledger", "UPDATE payments SET x = $1", false);
        s.heldLocks.push_back({20, "transactionid", "ExclusiveLock", "transaction 827002"});
        std::int64_t previous = 20;
        for (int k = 0; k < chain; ++k, ++w) {
            const std::int64_t pid = waiterPid(w, i);
            session(s, pid, "active", at - 390'000'000 + Micros(k) * 1'000'000, "ledger",
                    "UPDATE payments SET x = $1", true);
            s.lockWaits.push_back({pid, previous, "transactionid", "ShareLock",
                                   "transaction " + std::to_string(previous), true, 1});
            previous = pid;
        }
        for (int k = 0; k < chainTail; ++k, ++w) {
            const std::int64_t pid = waiterPid(w, i);
            session(s, pid, "active", at - 300'000'000 + Micros(k) * 100'000, "ledger",
                    "UPDATE payments SET y = $1", true);
            s.lockWaits.push_back({pid, previous, "tuple", "ExclusiveLock",
                                   "row (7,3) of public.payments", true, k + 1});
        }
        // Root 3: a long report holds inventory; ALTER TABLE waits; readers queue behind it.
        session(s, 30, "active", at - 200'000'000, "reporting",
                "SELECT sku, sum(qty) FROM inventory GROUP BY sku", false);
        s.heldLocks.push_back({30, "relation", "AccessShareLock", "public.inventory"});
        session(s, 31, "active", at - 150'000'000, "psql",
                "ALTER TABLE inventory ADD COLUMN note text", true);
        s.lockWaits.push_back(
            {31, 30, "relation", "AccessExclusiveLock", "public.inventory", true, 1});
        for (int k = 0; k < readers; ++k, ++w) {
            const std::int64_t pid = waiterPid(w, i);
            session(s, pid, "active", at - 140'000'000 + Micros(k) * 100'000, "storefront-api",
                    "SELECT * FROM inventory WHERE sku = $1", true);
            s.lockWaits.push_back(
                {pid, 31, "relation", "AccessShareLock", "public.inventory", false, k + 2});
        }
        // Root 4: idle in transaction on 30 cart rows, about 10 waiters each (not folded).
        session(s, 40, "idle in transaction", at - 100'000'000, "cart-sweeper",
                "UPDATE carts SET state = $1 WHERE id = ANY ($2)", false);
        s.heldLocks.push_back({40, "transactionid", "ExclusiveLock", "transaction 827004"});
        for (int k = 0; k < spread; ++k, ++w) {
            const std::int64_t pid = waiterPid(w, i);
            session(s, pid, "active", at - 90'000'000 + Micros(k) * 100'000, "cart-api",
                    "UPDATE carts SET qty = $1 WHERE id = $2", true);
            s.lockWaits.push_back({pid, 40, "transactionid", "ShareLock",
                                   "row (0," + std::to_string(k % 30) + ") of public.carts", true,
                                   k / 30 + 1});
        }
    }

    void addStatements(Snapshot& s, int i) {
        // Counters are read every freshEvery samples; in between they are carried over.
        const int f = i - i % o_.freshEvery;
        if (f > lastFresh_) {
            for (int j = 0; j < o_.statements; ++j) {
                const std::int64_t rate = j % 50 == 0 ? 200 : j % 10 + 1;
                const std::int64_t more = rate * (f - lastFresh_);
                calls_[std::size_t(j)] += more;
                time_[std::size_t(j)] += double(more) * mean(j, f);
                rows_[std::size_t(j)] += more * (1 + j % 7);
            }
            lastFresh_ = f;
        }
        s.statements.reserve(std::size_t(o_.statements));
        for (int j = 0; j < o_.statements; ++j) {
            StatementStat st;
            st.id = std::to_string(1'000'000'007LL * j);
            st.query = statementText(j);
            st.database = "shop";
            st.user = j % 5 ? "app" : "reporting";
            st.calls = calls_[std::size_t(j)];
            st.totalTimeMs = time_[std::size_t(j)];
            st.meanTimeMs = st.totalTimeMs / double(st.calls);
            st.rows = rows_[std::size_t(j)];
            st.sharedBlksHit = st.calls * 12;
            st.sharedBlksRead = st.calls / 10;
            s.statements.push_back(std::move(st));
        }
        s.statementsFresh = i == f;
        s.statementsSampledAt = kStart + Micros(f) * 1'000'000;
    }

    Options o_;
    std::vector<std::int64_t> calls_;
    std::vector<double> time_;
    std::vector<std::int64_t> rows_;
    int lastFresh_ = 0;
};

struct Figures {
    std::vector<qint64> gapsUs;
    std::vector<qint64> addUs; // addSnapshot() itself
};

double percentileMs(std::vector<qint64> v, double p) {
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    const auto i = std::size_t(std::ceil(p * double(v.size()))) - (p > 0 ? 1 : 0);
    return double(v[std::min(i, v.size() - 1)]) / 1000.0;
}

void printRow(const std::string& label, const Figures& f) {
    const double worstAdd =
        f.addUs.empty() ? 0 : double(*std::max_element(f.addUs.begin(), f.addUs.end())) / 1000;
    // The share of the time spent in gaps longer than a frame (16 ms): what the user feels.
    qint64 total = 0;
    qint64 stalled = 0;
    for (qint64 g : f.gapsUs) {
        total += g;
        stalled += g > 16'000 ? g : 0;
    }
    const double share = total > 0 ? 100.0 * double(stalled) / double(total) : 0;
    const double worst =
        f.gapsUs.empty() ? 0.0 : double(*std::max_element(f.gapsUs.begin(), f.gapsUs.end())) / 1000;
    std::printf("%-28s %8zu %8.1f %8.1f %9.1f %8.1f %12.1f %9.1f\n", label.c_str(), f.gapsUs.size(),
                percentileMs(f.gapsUs, 0.5), percentileMs(f.gapsUs, 0.99), worst, share,
                percentileMs(f.addUs, 0.5), worstAdd);
}

bool intArg(int argc, char** argv, int& i, const char* name, int& out) {
    if (std::strcmp(argv[i], name) != 0 || i + 1 >= argc)
        return false;
    out = std::atoi(argv[++i]);
    return true;
}

} // namespace

int main(int argc, char** argv) {
    Options o;
    for (int i = 1; i < argc; ++i) {
        if (!intArg(argc, argv, i, "--interval", o.intervalMs) &&
            !intArg(argc, argv, i, "--samples", o.samplesPerView) &&
            !intArg(argc, argv, i, "--sessions", o.sessions) &&
            !intArg(argc, argv, i, "--statements", o.statements) &&
            !intArg(argc, argv, i, "--waiters", o.waiters) &&
            !intArg(argc, argv, i, "--huge", o.huge) && !intArg(argc, argv, i, "--only", o.only)) {
            std::fprintf(stderr, "usage: gui_stall [--interval MS] [--samples N] [--sessions N] "
                                 "[--statements N] [--waiters N] [--huge N] [--only VIEW]\n");
            return 2;
        }
    }
    o.waiters = std::max(o.waiters, 200);
    o.statements = std::max(o.statements, 1);
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true); // no settings of a real user touched
    QCoreApplication::setOrganizationName(QStringLiteral("dbtriage-bench"));

    std::vector<Phase> phases;
    const std::vector<std::pair<const char*, MainWindow::View>> views{
        {"Overview", MainWindow::Overview},
        {"Sessions", MainWindow::Sessions},
        {"Top queries", MainWindow::TopQueries},
        {"Locks", MainWindow::Locks}};
    for (const auto& [name, view] : views) {
        if (o.only < 0 || o.only == int(view))
            phases.push_back({name, view, o.sessions});
    }
    if (o.huge > 0) {
        for (const auto& [name, view] : views)
            if (o.only < 0 || o.only == int(view))
                phases.push_back({std::string(name) + " @" + std::to_string(o.huge), view, o.huge});
    }
    const int total = int(phases.size()) * o.samplesPerView;

    MainWindow window;
    window.resize(1440, 900);
    window.show();
    window.showView(phases.front().view);

    std::vector<Figures> figures(phases.size());
    std::size_t phase = 0;
    QElapsedTimer clock;
    clock.start();
    qint64 last = -1;
    QTimer probe;
    probe.setTimerType(Qt::PreciseTimer);
    probe.setInterval(1);
    QObject::connect(&probe, &QTimer::timeout, &probe, [&] {
        const qint64 now = clock.nsecsElapsed() / 1000;
        if (last >= 0)
            figures[phase].gapsUs.push_back(now - last);
        last = now;
    });

    std::atomic<bool> stop{false};
    int late = 0; // samples the producer could not build in time
    int delivered = 0;
    auto deliver = [&](int i, const SnapshotPtr& s) {
        QElapsedTimer t;
        t.start();
        window.addSnapshot(s);
        figures[phase].addUs.push_back(t.nsecsElapsed() / 1000);
        ++delivered;
        if (i + 1 >= total) {
            QTimer::singleShot(o.intervalMs, &app, &QCoreApplication::quit);
        } else if ((i + 1) % o.samplesPerView == 0) {
            // The next view half-way to the next sample: its first refresh is measured too.
            QTimer::singleShot(o.intervalMs / 2, &window, [&, i] {
                phase = std::size_t((i + 1) / o.samplesPerView);
                window.showView(phases[phase].view);
            });
        }
    };
    std::thread producer([&] {
        Generator gen(o);
        const auto start = std::chrono::steady_clock::now() + std::chrono::milliseconds(500);
        for (int i = 0; i < total && !stop; ++i) {
            SnapshotPtr s = gen.next(i, phases[std::size_t(i / o.samplesPerView)].sessions);
            const auto due = start + std::chrono::milliseconds(std::int64_t(i) * o.intervalMs);
            if (std::chrono::steady_clock::now() > due)
                ++late;
            std::this_thread::sleep_until(due);
            QMetaObject::invokeMethod(
                &window, [&deliver, i, s] { deliver(i, s); }, Qt::QueuedConnection);
        }
    });
    probe.start();
    app.exec();
    probe.stop();
    stop = true;
    producer.join();

#ifdef NDEBUG
    const char* build = "optimised build";
#else
    const char* build = "debug build (assertions on; the dev preset does not optimise)";
#endif
    std::printf("GUI thread gaps of a 1 ms timer while the window refreshes one sample every %d ms "
                "(%s, QT_QPA_PLATFORM=%s)\n",
                o.intervalMs, build, qgetenv("QT_QPA_PLATFORM").constData());
    std::printf("samples: %d sessions (+%d in the second round) and %d lock waiters (4 roots), "
                "%d statements (counters read every %d samples); %d per view, %d delivered, "
                "%d built late\n",
                o.sessions, o.huge, o.waiters, o.statements, o.freshEvery, o.samplesPerView,
                delivered, late);
    std::printf("%-28s %8s %8s %8s %9s %8s %12s %9s\n", "view", "ticks", "p50 ms", "p99 ms",
                "worst ms", "stalled%", "add p50 ms", "add max");
    Figures all;
    Figures normal;
    for (std::size_t p = 0; p < phases.size(); ++p) {
        printRow(phases[p].label, figures[p]);
        for (Figures* into : {&all, phases[p].sessions == o.sessions ? &normal : nullptr}) {
            if (!into)
                continue;
            into->gapsUs.insert(into->gapsUs.end(), figures[p].gapsUs.begin(),
                                figures[p].gapsUs.end());
            into->addUs.insert(into->addUs.end(), figures[p].addUs.begin(), figures[p].addUs.end());
        }
    }
    printRow("overall (" + std::to_string(o.sessions) + " sessions)", normal);
    if (o.huge > 0)
        printRow("overall (both rounds)", all);
    const double p99 = percentileMs(normal.gapsUs, 0.99);
    std::printf("goal: p99 <= 16 ms -> %s (p99 %.1f ms)\n", p99 <= 16 ? "met" : "NOT met", p99);
    return 0;
}
