// The SQL the PostgreSQL driver chooses for each server version (12-17) and
// pg_stat_statements version: pure functions of the versions, checked here for the versions
// that do not run in the test sandbox (PostgreSQL 15 is exercised by tst_pg_engine).
// Every text must parse (libpg_query, the PostgreSQL 15 grammar, which accepts what 12-17
// accept for these statements), carry the tag and name only columns that version has.
#include "engines/postgres/pgqueries.h"

#include <QTest>
#include <pg_query.h>
#include <string>

using namespace dbt::pg;

namespace {

bool has(const std::string& text, const std::string& what) {
    return text.find(what) != std::string::npos;
}

std::string parseError(const std::string& sql) {
    PgQueryParseResult r = pg_query_parse(sql.c_str());
    std::string error = r.error ? std::string(r.error->message) : std::string();
    pg_query_free_parse_result(r);
    return error;
}

void checkStatement(const std::string& sql) {
    QVERIFY2(sql.rfind(sql::kTag, 0) == 0, sql.c_str());
    const std::string error = parseError(sql);
    QVERIFY2(error.empty(), (error + "\n" + sql).c_str());
    // Read-only catalog and statistics reads: nothing that writes, locks or resets.
    for (const char* word : {"pg_stat_statements_reset", "FOR UPDATE", "FOR SHARE", "INSERT ",
                             "UPDATE ", "DELETE ", "pg_terminate_backend", "pg_cancel_backend"})
        QVERIFY2(!has(sql, word), (std::string(word) + "\n" + sql).c_str());
}

// pg_stat_statements as shipped with each major version (CREATE EXTENSION's default).
struct Release {
    int serverVersionNum;
    int extMajor;
    int extMinor;
};
constexpr Release kReleases[] = {
    {120000, 1, 7},  {130000, 1, 8},  {140000, 1, 9},
    {150000, 1, 10}, {160000, 1, 10}, {170000, 1, 11},
};

} // namespace

class TestPgQueries : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void everyVersionParses_data() {
        QTest::addColumn<int>("server");
        QTest::addColumn<int>("extMajor");
        QTest::addColumn<int>("extMinor");
        for (const Release& r : kReleases)
            QTest::newRow(std::to_string(r.serverVersionNum / 10000).c_str())
                << r.serverVersionNum << r.extMajor << r.extMinor;
    }
    void everyVersionParses() {
        QFETCH(int, server);
        QFETCH(int, extMajor);
        QFETCH(int, extMinor);
        checkStatement(sql::activity(server));
        checkStatement(sql::locks(server));
        checkStatement(sql::statements("\"public\"", extMajor, extMinor));
        checkStatement(sql::statementTexts("\"public\""));
        checkStatement(sql::databaseAndHealth());
        checkStatement(sql::kServerInfo);
        checkStatement(sql::kSettingsAndExtensions);
        checkStatement(sql::kDatabaseAndRoleNames);
    }

    // pg_stat_activity.query_id exists from 14 on.
    void activityColumns() {
        for (int v : {120000, 130000})
            QVERIFY(!has(sql::activity(v), "a.query_id"));
        for (int v : {140000, 160000, 170000})
            QVERIFY(has(sql::activity(v), "a.query_id::text AS query_id"));
        for (int v : {120000, 170000}) {
            const std::string a = sql::activity(v);
            for (const char* col : {"a.backend_type", "a.wait_event_type", "a.backend_xmin",
                                    "a.xact_start", "a.state_change", "a.client_hostname"})
                QVERIFY2(has(a, col), col);
        }
    }

    // pg_locks.waitstart exists from 14 on; before, the queue order is the waiting
    // statement's start (pg_stat_activity.query_start).
    void lockQueueOrder() {
        for (int v : {120000, 130000}) {
            const std::string l = sql::locks(v);
            QVERIFY(!has(l, "k.waitstart"));
            QVERIFY(has(l, "query_start"));
        }
        for (int v : {140000, 160000, 170000}) {
            const std::string l = sql::locks(v);
            QVERIFY(has(l, "k.waitstart AS waitstart"));
            QVERIFY(!has(l, "query_start"));
        }
        // pg_blocking_pids() only for the waiters, bounded per lock and in all.
        const std::string l = sql::locks(170000);
        QVERIFY(has(l, "pg_catalog.pg_blocking_pids(w.hpid)"));
        QVERIFY(has(l, "LIMIT " + std::to_string(sql::kLockWaiterCap)));
        QVERIFY(has(l, "<= " + std::to_string(sql::kAnalysedPerLock)));
    }

    // 1.7 (PostgreSQL 12): total_time; 1.8 (13): total_exec_time + total_plan_time;
    // 1.9 (14): pg_stat_statements_info and toplevel (the driver sums top-level and nested
    // rows, so toplevel is not read); 1.11 (17): blk_read_time/blk_write_time renamed to
    // shared_blk_*_time and local_blk_*_time (not read by any version's text).
    void statementColumns() {
        const std::string v17 = sql::statements("\"public\"", 1, 7);
        QVERIFY(has(v17, "s.total_time"));
        QVERIFY(!has(v17, "total_exec_time"));
        QVERIFY(!has(v17, "pg_stat_statements_info"));
        const std::string v18 = sql::statements("\"public\"", 1, 8);
        QVERIFY(has(v18, "s.total_exec_time + s.total_plan_time"));
        QVERIFY(!has(v18, "s.total_time"));
        QVERIFY(!has(v18, "pg_stat_statements_info"));
        for (const auto& [major, minor] : {std::pair{1, 9}, {1, 10}, {1, 11}, {2, 0}}) {
            const std::string s = sql::statements("\"public\"", major, minor);
            QVERIFY(has(s, "s.total_exec_time + s.total_plan_time"));
            QVERIFY(has(s, "\"public\".pg_stat_statements_info i"));
        }
        for (const auto& [major, minor] : {std::pair{1, 7}, {1, 8}, {1, 9}, {1, 10}, {1, 11}}) {
            const std::string s = sql::statements("\"public\"", major, minor);
            QVERIFY(has(s, "\"public\".pg_stat_statements(false) s"));
            for (const char* col : {"s.shared_blks_hit", "s.shared_blks_read",
                                    "s.temp_blks_written", "s.calls", "s.rows", "s.queryid"})
                QVERIFY2(has(s, col), col);
            for (const char* gone : {"blk_read_time", "blk_write_time", "toplevel"})
                QVERIFY2(!has(s, gone), gone);
        }
        // Texts: by queryid, from the function with texts.
        QVERIFY(has(sql::statementTexts("\"x\""), "\"x\".pg_stat_statements(true) s"));
    }

    // reserved_connections (16+) is asked for by name: older servers simply return no row.
    // pg_stat_bgwriter lost its checkpoint columns to pg_stat_checkpointer in 17: not read.
    void settingsAndHealth() {
        const std::string settings = sql::kSettingsAndExtensions;
        QVERIFY(has(settings, "superuser_reserved_connections,reserved_connections"));
        QVERIFY(has(settings, "max_connections"));
        const std::string health = sql::databaseAndHealth();
        QVERIFY(!has(health, "pg_stat_bgwriter"));
        QVERIFY(!has(health, "pg_stat_checkpointer"));
        QVERIFY(has(health, "pg_catalog.pg_stat_get_wal_senders() w"));
        QVERIFY(has(health, "w.replay_lag"));
    }
};

QTEST_APPLESS_MAIN(TestPgQueries)
#include "tst_pg_queries.moc"
