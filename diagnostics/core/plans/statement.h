// What a statement is before dbtriage explains it: may EXPLAIN ANALYZE run it (a plain
// SELECT only), how many $n parameters it has, and how to rewrite forms that PREPARE
// rejects (pg_stat_statements prints `interval '5 min'` as `interval $1`, which does not
// even parse). PostgreSQL through libpg_query's parser; MySQL/MariaDB by tokens.
#pragma once

#include <string>

namespace dbt::plans {

struct PgStatement {
    bool parsed = false;
    std::string parseError;   // libpg_query's message when the text does not parse
    bool plainSelect = false; // one SELECT, no INTO, no FOR UPDATE/SHARE, no writing CTE
    std::string refusal;      // why ANALYZE is refused, one sentence ("" for a plain SELECT)
    int highestParam = 0;     // the largest n of the $n parameters (0: none)
};

// Parses sql with libpg_query. $n parameters are counted with the scanner, so a text that
// does not parse still reports them.
PgStatement inspectPostgres(const std::string& sql);

// The largest n of the $n parameter tokens (not inside literals or comments); 0 if none.
int highestPostgresParam(const std::string& sql);

struct ParamRewrite {
    bool ok = false;
    std::string sql;   // the rewritten text, with $n back in place
    std::string error; // why it could not be rewritten
};

// Replaces every $n by a unique marker string literal, parses, deparses through the
// protobuf tree, then puts $n back: `now() - interval $1` becomes `now() - $1::interval`.
ParamRewrite rewritePostgresParams(const std::string& sql);

struct MysqlStatement {
    bool plainSelect = false; // SELECT (or WITH ... SELECT), no INTO, no locking read
    std::string refusal;      // why ANALYZE is refused ("" for a plain SELECT)
    int placeholders = 0;     // digest placeholders: ? and ... (value lists)
};

MysqlStatement inspectMysql(const std::string& sql);

// A digest text with a plausible value for each placeholder: '1' for ? (compares with
// numbers and strings alike, and keeps an index usable), 1 after LIMIT/OFFSET, and '1' for
// a "..." list. Quoted strings, identifiers and comments are left alone.
std::string fillMysqlPlaceholders(const std::string& sql, int* replaced = nullptr);

// MySQL/MariaDB digest texts have "COUNT ( * )"; the server parses COUNT, SUM, MAX, CAST, …
// only with "(" right after the name. Takes the space out for those names (outside quotes and
// comments) before EXPLAIN.
std::string joinMysqlFunctionParens(const std::string& sql);

// MariaDB digests print table names that are keywords in upper case ("FROM EVENTS"): such a
// bare upper-case word right after FROM, JOIN, INTO, UPDATE or TABLE is put in lower case
// (tried when the server says the table does not exist).
std::string lowerMysqlKeywordTables(const std::string& sql);

} // namespace dbt::plans
