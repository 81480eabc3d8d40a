// The MySQL 8 code paths of the MySQL driver against the fixtures in tests/data/mysql8
// (hand-written in the documented MySQL 8.0 layout; see the README there).
#include "engines/mysql/mysqlrows.h"
#include "waitgraph.h"

#include <QtTest>
#include <fstream>
#include <sstream>

using dbt::mysql::Row;
using dbt::mysql::Rows;

namespace {

std::string unescape(const std::string& field) {
    std::string out;
    for (std::size_t i = 0; i < field.size(); ++i) {
        if (field[i] != '\\' || i + 1 >= field.size()) {
            out += field[i];
            continue;
        }
        const char c = field[++i];
        if (c == 't')
            out += '\t';
        else if (c == 'n')
            out += '\n';
        else if (c == '0')
            out += '\0';
        else if (c == 'x' && i + 2 < field.size()) {
            out += static_cast<char>(std::stoi(field.substr(i + 1, 2), nullptr, 16));
            i += 2;
        } else
            out += c;
    }
    return out;
}

std::vector<std::string> splitTabs(const std::string& line) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (true) {
        const auto tab = line.find('\t', start);
        out.push_back(line.substr(start, tab - start));
        if (tab == std::string::npos)
            return out;
        start = tab + 1;
    }
}

Rows readFixture(const char* table) {
    const QByteArray dir = qgetenv("DBTRIAGE_TEST_DATA");
    if (dir.isEmpty())
        qFatal("DBTRIAGE_TEST_DATA is not set (ctest sets it)");
    const std::string path = dir.toStdString() + "/mysql8/" + table + "-fixture.tsv";
    std::ifstream in(path, std::ios::binary);
    if (!in)
        qFatal("missing fixture %s", path.c_str());
    std::string line;
    std::getline(in, line);
    const std::vector<std::string> header = splitTabs(line);
    Rows rows;
    while (std::getline(in, line)) {
        if (line.empty())
            continue;
        const auto fields = splitTabs(line);
        if (fields.size() != header.size())
            qFatal("%s: %zu fields where the header has %zu", path.c_str(), fields.size(),
                   header.size());
        Row row;
        for (std::size_t i = 0; i < fields.size(); ++i)
            row.columns.emplace_back(
                header[i], fields[i] == "\\N" ? std::nullopt : std::optional(unescape(fields[i])));
        rows.push_back(std::move(row));
    }
    return rows;
}

std::map<std::int64_t, std::int64_t> threadMap(const Rows& threads) {
    std::map<std::int64_t, std::int64_t> out;
    for (const Row& r : threads)
        if (auto t = r.integer("THREAD_ID"))
            if (auto p = r.integer("PROCESSLIST_ID"))
                out[*t] = *p;
    return out;
}

std::string edgeText(const dbt::LockWait& w) {
    return std::to_string(w.waitingPid) + "->" + std::to_string(w.blockingPid) + " " + w.lockType +
           " " + w.mode + " " + w.object + (w.hard ? " hard" : " soft") + " #" +
           std::to_string(w.queuePosition);
}

QStringList edgeTexts(const std::vector<dbt::LockWait>& waits) {
    QStringList out;
    for (const auto& w : waits)
        out << QString::fromStdString(edgeText(w));
    out.sort();
    return out;
}

const dbt::Micros kNow = 1'795'600'000'000'000; // any fixed instant

} // namespace

class TestMysql8Fixtures : public QObject {
    Q_OBJECT

private slots:
    void rowLockEdges() {
        const auto edges =
            dbt::mysql::dataLockWaits(readFixture("data_lock_waits"), readFixture("data_locks"),
                                      readFixture("innodb_trx"), {});
        const QStringList expected = {
            "102->101 record X,REC_NOT_GAP row (PRIMARY: 42) of demo.orders hard #1",
            "103->102 record X,REC_NOT_GAP row (PRIMARY: 7) of demo.orders hard #1",
            "104->101 record X,REC_NOT_GAP row (PRIMARY: 42) of demo.orders hard #2",
            "104->102 record X,REC_NOT_GAP row (PRIMARY: 42) of demo.orders soft #2",
        };
        QCOMPARE(edgeTexts(edges.waits), expected);

        // Granted locks of the hard blockers (101, 102), records first.
        QStringList held;
        for (const auto& h : edges.held)
            held << QString::fromStdString(std::to_string(h.pid) + " " + h.lockType + " " + h.mode +
                                           " " + h.object);
        QVERIFY(held.contains("101 record X,REC_NOT_GAP row (PRIMARY: 42) of demo.orders"));
        QVERIFY(held.contains("102 record X,REC_NOT_GAP row (PRIMARY: 7) of demo.orders"));
        QVERIFY(held.contains("101 table IX demo.orders"));
        QVERIFY(held.contains("101 record X supremum pseudo-record (PRIMARY) of demo.audit_log"));
        QVERIFY(!held.join("\n").contains("WAITING"));
        QCOMPARE(held.size(), 6);
        // Binary LOCK_DATA arrives as valid UTF-8.
        for (const auto& h : edges.held)
            QVERIFY(QString::fromStdString(h.object).toUtf8().toStdString() == h.object);
    }

    void rowLockPidsFromThreadsWhenTransactionsAreGone() {
        // Without INNODB_TRX rows the pids come from performance_schema.threads.
        const auto edges =
            dbt::mysql::dataLockWaits(readFixture("data_lock_waits"), readFixture("data_locks"), {},
                                      threadMap(readFixture("threads")));
        QCOMPARE(edges.waits.size(), std::size_t(4));
        QCOMPARE(edges.waits.front().waitingPid, 102);
        QCOMPARE(edges.waits.front().blockingPid, 101);
        QCOMPARE(edges.waits.front().queuePosition, 0); // no wait ages: unknown
    }

    void metadataLockQueue() {
        const auto edges = dbt::mysql::metadataLockWaits(readFixture("metadata_locks"),
                                                         threadMap(readFixture("threads")));
        const QStringList expected = {
            "106->105 metadata EXCLUSIVE demo.customers hard #0",
            "107->106 metadata SHARED_READ demo.customers soft #0",
            "108->106 metadata SHARED_READ demo.customers soft #0",
        };
        QCOMPARE(edgeTexts(edges.waits), expected);
        QCOMPARE(edges.held.size(), std::size_t(1));
        QCOMPARE(edges.held[0].pid, 105);
        QCOMPARE(edges.held[0].mode, std::string("SHARED_READ"));
        QCOMPARE(edges.held[0].object, std::string("demo.customers"));
    }

    void sessions() {
        std::map<std::int64_t, std::string> programs;
        for (const Row& r : readFixture("session_connect_attrs"))
            if (r.text("ATTR_NAME") == "program_name")
                programs[*r.integer("PROCESSLIST_ID")] = r.text("ATTR_VALUE");
        const auto sessions = dbt::mysql::buildSessions(
            readFixture("processlist"), readFixture("innodb_trx"), programs, kNow, 100);
        QCOMPARE(sessions.size(), std::size_t(10)); // 11 rows minus dbtriage itself
        const auto get = [&](std::int64_t pid) -> const dbt::Session& {
            for (const auto& s : sessions)
                if (s.pid == pid)
                    return s;
            qFatal("no session %lld", static_cast<long long>(pid));
        };
        QCOMPARE(get(5).state, std::string("background"));
        QCOMPARE(get(101).state, std::string("idle in transaction"));
        QCOMPARE(get(101).application, std::string("checkout-api"));
        QCOMPARE(get(101).client, std::string("10.0.0.21:51001"));
        QCOMPARE(get(101).backendType, std::string("Sleep"));
        QCOMPARE(*get(101).transactionStart, kNow - 400'000'000);
        QCOMPARE(*get(101).stateChange, kNow - 400'000'000);
        QVERIFY(!get(101).queryStart);
        QCOMPARE(get(102).state, std::string("active"));
        QCOMPARE(get(102).waitEventType, std::string("Lock"));
        QCOMPARE(get(102).waitEvent, std::string("row lock"));
        QCOMPARE(*get(102).queryStart, kNow - 300'000'000);
        QCOMPARE(get(105).state, std::string("idle in transaction"));
        QCOMPARE(get(106).waitEvent, std::string("metadata lock"));
        QCOMPARE(get(106).waitEventType, std::string("Lock"));
        QCOMPARE(get(109).state, std::string("idle"));
        QVERIFY(!get(109).transactionStart);
        // Invalid UTF-8 and NUL in INFO: kept as valid UTF-8.
        const std::string& q = get(108).query;
        QVERIFY(QString::fromStdString(q).toUtf8().toStdString() == q);
        QVERIFY(q.find("\xef\xbf\xbd") != std::string::npos); // U+FFFD

        const auto counts =
            dbt::mysql::buildConnectionCounts(sessions, {{"Threads_connected", "11"}}, 151);
        QCOMPARE(counts.total, 11);
        QCOMPARE(counts.max, 151);
        QCOMPARE(counts.byState.at("idle in transaction"), 2);
        QCOMPARE(counts.byState.at("active"), 6);
        QCOMPARE(counts.byState.at("idle"), 1);
        QVERIFY(!counts.byState.count("background"));
        QCOMPARE(counts.byClient.at("10.0.0.21"), 2);
        QCOMPARE(counts.byUser.at("app"), 6);
        QCOMPARE(counts.byDatabase.at("(none)"), 1);
        QCOMPARE(counts.byApplication.at("checkout-api"), 2);
    }

    void pileUpRoots() {
        auto sessions = dbt::mysql::buildSessions(readFixture("processlist"),
                                                  readFixture("innodb_trx"), {}, kNow, 100);
        auto rows =
            dbt::mysql::dataLockWaits(readFixture("data_lock_waits"), readFixture("data_locks"),
                                      readFixture("innodb_trx"), {});
        auto mdl = dbt::mysql::metadataLockWaits(readFixture("metadata_locks"),
                                                 threadMap(readFixture("threads")));
        std::vector<dbt::LockWait> waits = rows.waits;
        waits.insert(waits.end(), mdl.waits.begin(), mdl.waits.end());
        std::vector<dbt::HeldLock> held = rows.held;
        held.insert(held.end(), mdl.held.begin(), mdl.held.end());
        dbt::mysql::markWaiting(sessions, waits);

        const auto graph = dbt::analyzeWaitGraph(sessions, waits, held);
        QCOMPARE(graph.roots.size(), std::size_t(2));
        std::map<std::int64_t, const dbt::RootBlocker*> roots;
        for (const auto& r : graph.roots)
            roots[r.pid] = &r;
        QVERIFY(roots.count(101) && roots.count(105));
        QCOMPARE(roots[101]->blockedTotal, 3); // 102, 104 and 103 behind 102
        QCOMPARE(roots[101]->state, std::string("idle in transaction"));
        QCOMPARE(roots[101]->depth, 2);
        QCOMPARE(roots[105]->blockedTotal, 3); // the ALTER and the two readers behind it
        QCOMPARE(roots[105]->blockedDirect, 1);
        QVERIFY(!roots[105]->holds.empty());
        QCOMPARE(graph.depth.at(103), 2);
        QCOMPARE(graph.depth.at(108), 2);
    }

    void statements() {
        const auto redacted =
            dbt::mysql::buildStatements(readFixture("events_statements_summary_by_digest"), false);
        QCOMPARE(redacted.size(), std::size_t(3));
        const auto& s = redacted[0];
        QCOMPARE(s.id,
                 std::string("5b1ddc9f3a2a4e3bb4fbb7b77d1e1a6c4ea6b0bbd3b3cba1f0cb0a0e0b3c7d21"));
        QCOMPARE(s.query, std::string("SELECT * FROM `orders` WHERE `customer_id` = ?"));
        QCOMPARE(s.database, std::string("demo"));
        QCOMPARE(s.calls, 1200);
        QCOMPARE(s.totalTimeMs, 90000.0); // 9e13 ps
        QCOMPARE(s.meanTimeMs, 75.0);
        QCOMPARE(s.rows, 2400);
        QCOMPARE(s.rowsExamined, 96000000);
        QCOMPARE(s.noIndexUsed, 1200);
        QCOMPARE(s.tmpDiskTables, 3);
        QCOMPARE(s.sortMergePasses, 7);
        QVERIFY(s.p95TimeMs && s.p99TimeMs && s.cpuTimeMs);
        QVERIFY(qAbs(*s.p95TimeMs - 131.825673855) < 1e-9);
        QCOMPARE(*s.cpuTimeMs, 60000.0);
        // The overflow row (NULL digest) is kept, named as such.
        QCOMPARE(redacted[2].id, std::string("(other)"));
        QVERIFY(!redacted[2].query.empty());

        const auto sampled =
            dbt::mysql::buildStatements(readFixture("events_statements_summary_by_digest"), true);
        QCOMPARE(sampled[0].query, std::string("SELECT * FROM orders WHERE customer_id = 4711"));
    }

    void engineDetection() {
        using dbt::Engine;
        QCOMPARE(dbt::mysql::decideEngine({{"version", "8.0.36"}, {"max_execution_time", "0"}},
                                          true, false),
                 Engine::MySQL);
        QCOMPARE(dbt::mysql::decideEngine(
                     {{"version", "10.11.19-MariaDB-0+deb12u1"}, {"max_statement_time", "0"}},
                     false, true),
                 Engine::MariaDB);
        // A proxy that hides the version still tells by the tables.
        QCOMPARE(dbt::mysql::decideEngine({{"version", "8.0.0-proxy"}}, true, false),
                 Engine::MySQL);
        QCOMPARE(dbt::mysql::decideEngine(
                     {{"version", "5.5.5"}, {"version_comment", "MariaDB Server"}}, false, true),
                 Engine::MariaDB);
        QCOMPARE(dbt::mysql::versionNumber("8.0.36"), 80036);
        QCOMPARE(dbt::mysql::versionNumber("10.11.19-MariaDB-0+deb12u1"), 101119);
        QCOMPARE(dbt::mysql::versionNumber("5.5.5-10.6.3-MariaDB"), 100603);
    }

    void replicaStatus() {
        Row r;
        r.columns = {{"Source_Host", "10.0.0.1"},
                     {"Source_Port", "3306"},
                     {"Replica_IO_Running", "Yes"},
                     {"Replica_SQL_Running", "Yes"},
                     {"Seconds_Behind_Source", "12"}};
        const auto lag = dbt::mysql::replicaLag(r);
        QCOMPARE(lag.name, std::string("10.0.0.1:3306"));
        QCOMPARE(*lag.replayLagSeconds, 12.0);
        Row broken;
        broken.columns = {{"Master_Host", "db1"},
                          {"Slave_IO_Running", "No"},
                          {"Seconds_Behind_Master", std::nullopt}};
        QVERIFY(!dbt::mysql::replicaLag(broken).replayLagSeconds);
    }
};

QTEST_GUILESS_MAIN(TestMysql8Fixtures)
#include "tst_mysql8_fixtures.moc"
