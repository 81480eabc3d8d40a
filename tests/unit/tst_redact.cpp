// Redaction: no literal survives, whatever the dialect, truncation or encoding.
#include "redact.h"

#include <QElapsedTimer>
#include <QTest>

using namespace dbt;

namespace {

QByteArray redact(const QByteArray& sql, SqlDialect dialect = SqlDialect::Auto) {
    return QByteArray::fromStdString(
        redactQuery(std::string_view(sql.constData(), std::size_t(sql.size())), dialect).text);
}

bool validUtf8(const std::string& s) {
    // QString round trip: invalid sequences would come back changed.
    const QByteArray bytes = QByteArray::fromStdString(s);
    return QString::fromUtf8(bytes).toUtf8() == bytes;
}

} // namespace

Q_DECLARE_METATYPE(dbt::SqlDialect)
Q_DECLARE_METATYPE(dbt::RedactMethod)

class TestRedact : public QObject {
    Q_OBJECT
private slots:
    void redaction_data();
    void redaction();
    void truncatedAtEveryByte_data();
    void truncatedAtEveryByte();
    void truncatedAt1024MidString();
    void largeTexts();
    void normalisePerformance();
    void sanitize_data();
    void sanitize();
    void lockObjects_data();
    void lockObjects();
};

void TestRedact::redaction_data() {
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<SqlDialect>("dialect");
    QTest::addColumn<QByteArray>("expected");
    QTest::addColumn<RedactMethod>("method");
    QTest::addColumn<QByteArrayList>("secrets"); // must not appear in the output

    const auto Auto = SqlDialect::Auto;
    const auto MySQL = SqlDialect::MySQL;
    const auto N = RedactMethod::Normalised;
    const auto M = RedactMethod::Masked;
    const auto U = RedactMethod::Unchanged;

    QTest::newRow("string") << QByteArray("SELECT * FROM users WHERE email = 'bob@example.com'")
                            << Auto << QByteArray("SELECT * FROM users WHERE email = $1") << N
                            << QByteArrayList{"bob@example.com"};
    QTest::newRow("numbers")
        << QByteArray(
               "SELECT * FROM t WHERE card = 4111111111111111 AND x > 1.5e3 AND y < .5 AND z = -7")
        << Auto
        << QByteArray("SELECT * FROM t WHERE card = $1 AND x > $2 AND y < "
                      "$3 AND z = $4")
        << N << QByteArrayList{"4111111111111111", "1.5e3", ".5", "7"};
    QTest::newRow("IN list") << QByteArray("SELECT a FROM t WHERE id IN (101, 202, 303)") << Auto
                             << QByteArray("SELECT a FROM t WHERE id IN ($1, $2, $3)") << N
                             << QByteArrayList{"101", "202", "303"};
    QTest::newRow("existing params kept")
        << QByteArray("SELECT * FROM t WHERE a = $1 AND b = $2") << Auto
        << QByteArray("SELECT * FROM t WHERE a = $1 AND b = $2") << U << QByteArrayList{};
    QTest::newRow("dollar quotes")
        << QByteArray("SELECT $body$ top secret $body$, $$x$$") << Auto
        << QByteArray("SELECT $1, $2") << N << QByteArrayList{"secret", "x$$"};
    QTest::newRow("dollar quotes, unparsable")
        << QByteArray("SELEC $q$ top secret $q$ FROM") << Auto << QByteArray("SELEC ? FROM") << M
        << QByteArrayList{"secret"};
    QTest::newRow("E-string") << QByteArray("SELECT E'it\\'s secret', U&'d\\0061t secret'") << Auto
                              << QByteArray("SELECT $1, $2") << N << QByteArrayList{"secret"};
    QTest::newRow("E-string, unparsable")
        << QByteArray("SELEC E'it\\'s secret' , x'1F' (") << Auto << QByteArray("SELEC ? , ? (")
        << M << QByteArrayList{"secret", "1F"};
    QTest::newRow("comments") << QByteArray("/* user=alice */ SELECT 1 -- token=xyz\nFROM t")
                              << Auto << QByteArray("/* ? */ SELECT $1 /* ? */\nFROM t") << N
                              << QByteArrayList{"alice", "xyz"};
    QTest::newRow("nested comment, unparsable")
        << QByteArray("/* a /* b */ 'secret' */ SELEC") << Auto
        << QByteArray("/* ? */?/* ? */ SELEC") << M << QByteArrayList{"secret"};
    QTest::newRow("utility statement literal")
        << QByteArray("CREATE INDEX i ON t (a) WHERE b = 'secret'") << Auto
        << QByteArray("CREATE INDEX i ON t (a) WHERE b = ?") << N << QByteArrayList{"secret"};
    QTest::newRow("COMMENT ON") << QByteArray("COMMENT ON TABLE t IS 'secret plan'") << Auto
                                << QByteArray("COMMENT ON TABLE t IS ?") << N
                                << QByteArrayList{"secret"};
    QTest::newRow("password") << QByteArray("CREATE USER bob PASSWORD 'hunter2'") << Auto
                              << QByteArray("CREATE USER bob PASSWORD $1") << N
                              << QByteArrayList{"hunter2"};
    QTest::newRow("cast") << QByteArray("SELECT '2024-01-01'::date") << Auto
                          << QByteArray("SELECT $1::date") << N << QByteArrayList{"2024"};
    QTest::newRow("identifiers with digits unchanged")
        << QByteArray("SELECT t1.col2 FROM t1") << Auto << QByteArray("SELECT t1.col2 FROM t1") << U
        << QByteArrayList{};
    QTest::newRow("PG16 number with underscores")
        << QByteArray("SELECT 1_000_000, 0x1F, 0b101") << Auto << QByteArray("SELECT ?, ?, ?") << M
        << QByteArrayList{"000", "1F", "101"};
    QTest::newRow("unterminated comment")
        << QByteArray("SELECT a FROM t /* secret") << Auto << QByteArray("SELECT a FROM t /* ? */")
        << M << QByteArrayList{"secret"};
    QTest::newRow("unterminated dollar quote")
        << QByteArray("SELECT $$ secret") << Auto << QByteArray("SELECT ?") << M
        << QByteArrayList{"secret"};
    QTest::newRow("unterminated quoted identifier")
        << QByteArray("SELECT \"secret") << Auto << QByteArray("SELECT ?") << M
        << QByteArrayList{"secret"};
    QTest::newRow("quoted identifier kept")
        << QByteArray("SELECT \"Order Id\" FROM \"Orders\" WHERE a = 'x1'") << Auto
        << QByteArray("SELECT \"Order Id\" FROM \"Orders\" WHERE a = $1") << N
        << QByteArrayList{"x1"};

    QTest::newRow("MySQL backticks and double-quoted strings")
        << QByteArray("SELECT `order`, `it's` FROM `t` WHERE a = 'x' AND b = \"secret\"") << MySQL
        << QByteArray("SELECT `order`, `it's` FROM `t` WHERE a = ? AND b = ?") << M
        << QByteArrayList{"secret", "'x'"};
    QTest::newRow("backticks, auto")
        << QByteArray("SELECT `col` FROM t WHERE a = 'secret'") << Auto
        << QByteArray("SELECT `col` FROM t WHERE a = ?") << M << QByteArrayList{"secret"};
    // Both sql_modes are read (with and without NO_BACKSLASH_ESCAPES): masked to the end.
    QTest::newRow("MySQL backslash escape")
        << QByteArray("SELECT * FROM t WHERE a = 'it\\'s secret' AND b = 'x'") << MySQL
        << QByteArray("SELECT * FROM t WHERE a = ?") << M << QByteArrayList{"secret"};
    QTest::newRow("MySQL backslash, no quote after it")
        << QByteArray("SELECT * FROM t WHERE a = 'C:\\\\temp' AND b = 'x'") << MySQL
        << QByteArray("SELECT * FROM t WHERE a = ? AND b = ?") << M << QByteArrayList{"temp"};
    // Auto cannot know the dialect: both readings are masked, here to the end.
    QTest::newRow("backslash escape, auto")
        << QByteArray("SELECT * FROM t WHERE a = 'it\\'s secret' AND b = 'x'") << Auto
        << QByteArray("SELECT * FROM t WHERE a = ?") << M << QByteArrayList{"secret"};
    QTest::newRow("MySQL hash comment")
        << QByteArray("SELECT 1 # secret note\nFROM t") << MySQL
        << QByteArray("SELECT ? /* ? */\nFROM t") << M << QByteArrayList{"secret"};
    QTest::newRow("MySQL hex, bit, national, charset")
        << QByteArray("SELECT x'DEADBEEF', b'1010', 0x1F, N'name', _utf8mb4'secret'") << MySQL
        << QByteArray("SELECT ?, ?, ?, ?, _utf8mb4?") << M
        << QByteArrayList{"DEADBEEF", "1010", "1F", "name", "secret"};
    QTest::newRow("MySQL digest unchanged")
        << QByteArray("SELECT * FROM `t` WHERE `a` = ? AND `b` IN (...)") << MySQL
        << QByteArray("SELECT * FROM `t` WHERE `a` = ? AND `b` IN (...)") << U << QByteArrayList{};
    QTest::newRow("MySQL digest, auto")
        << QByteArray("SELECT * FROM `t` WHERE `a` = ? AND `b` IN (...)") << Auto
        << QByteArray("SELECT * FROM `t` WHERE `a` = ? AND `b` IN (...)") << U << QByteArrayList{};

    // Column positions in ORDER BY / GROUP BY are the statement's shape, not values.
    QTest::newRow("positions kept, parsed")
        << QByteArray(
               "SELECT a, count(*) FROM t WHERE b = 'x' GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 10")
        << Auto
        << QByteArray(
               "SELECT a, count(*) FROM t WHERE b = $1 GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT $2")
        << N << QByteArrayList{"'x'", "10"};
    QTest::newRow("positions kept, pg_stat_statements text")
        << QByteArray("SELECT date_trunc($1, t) AS b, kind, count(*) FROM e WHERE t >= now() - "
                      "interval $2 AND x = 'secret' GROUP BY 1, 2 ORDER BY 1 DESC, 3 DESC NULLS "
                      "LAST LIMIT $3")
        << Auto
        << QByteArray("SELECT date_trunc($1, t) AS b, kind, count(*) FROM e WHERE t >= now() - "
                      "interval $2 AND x = $4 GROUP BY 1, 2 ORDER BY 1 DESC, 3 DESC NULLS LAST "
                      "LIMIT $3")
        << N << QByteArrayList{"secret"};
    QTest::newRow("numbers in ORDER BY that are not positions")
        << QByteArray("SELECT a FROM t WHERE b = 'x' ORDER BY 12345, a + 5, 6 + a, (7), f(8, 9), 2 "
                      "LIMIT 3")
        << MySQL
        << QByteArray(
               "SELECT a FROM t WHERE b = ? ORDER BY ?, a + ?, ? + a, (?), f(?, ?), 2 LIMIT ?")
        << M << QByteArrayList{"12345", "'x'"};
    QTest::newRow("MySQL GROUP BY position WITH ROLLUP")
        << QByteArray("SELECT a, SUM(b) FROM t WHERE c = 42 GROUP BY 1 WITH ROLLUP") << MySQL
        << QByteArray("SELECT a, SUM(b) FROM t WHERE c = ? GROUP BY 1 WITH ROLLUP") << M
        << QByteArrayList{"42"};
    QTest::newRow("a value after ORDER BY's list")
        << QByteArray("SELECT a FROM t ORDER BY 1 LIMIT 50 OFFSET 100") << MySQL
        << QByteArray("SELECT a FROM t ORDER BY 1 LIMIT ? OFFSET ?") << M
        << QByteArrayList{"50", "100"};

    QTest::newRow("dbtriage's own tag kept, other comments masked")
        << QByteArray("/* dbtriage */ SELECT a FROM t WHERE b = 'x' /* dbtriage user=bob */")
        << Auto << QByteArray("/* dbtriage */ SELECT a FROM t WHERE b = $1 /* ? */") << N
        << QByteArrayList{"bob", "'x'"};

    QTest::newRow("invalid UTF-8")
        << QByteArray("SELECT '\xff\xfe secret' FROM t\xc3") << Auto
        << QByteArray("SELECT $1 FROM t\xEF\xBF\xBD") << N << QByteArrayList{"secret", "\xff"};
    QTest::newRow("NUL byte") << QByteArray("SELECT 'a\0secret' FROM t", 24) << Auto
                              << QByteArray("SELECT ? FROM t") << M << QByteArrayList{"secret"};
    QTest::newRow("empty") << QByteArray() << Auto << QByteArray() << U << QByteArrayList{};
}

void TestRedact::redaction() {
    QFETCH(QByteArray, input);
    QFETCH(SqlDialect, dialect);
    QFETCH(QByteArray, expected);
    QFETCH(RedactMethod, method);
    QFETCH(QByteArrayList, secrets);

    const Redacted r =
        redactQuery(std::string_view(input.constData(), std::size_t(input.size())), dialect);
    const QByteArray out = QByteArray::fromStdString(r.text);
    QCOMPARE(out, expected);
    QCOMPARE(r.method, method);
    QVERIFY(validUtf8(r.text));
    for (const QByteArray& secret : secrets)
        QVERIFY2(!out.contains(secret), secret.constData());
}

void TestRedact::truncatedAtEveryByte_data() {
    QTest::addColumn<QByteArray>("sql");
    QTest::addColumn<SqlDialect>("dialect");
    QTest::addColumn<QByteArray>("secret");

    const QByteArray s = "SECRETXYZ";
    QTest::newRow("string") << QByteArray("SELECT * FROM t WHERE a = 'SECRETXYZ' AND b = 1")
                            << SqlDialect::Auto << s;
    QTest::newRow("doubled quotes")
        << QByteArray("SELECT 'it''s SECRETXYZ ''quoted''' FROM t") << SqlDialect::Auto << s;
    QTest::newRow("E-string") << QByteArray("SELECT E'\\\\\\'SECRETXYZ' FROM t") << SqlDialect::Auto
                              << s;
    QTest::newRow("dollar") << QByteArray("SELECT $f$ SECRETXYZ $f$ FROM t") << SqlDialect::Auto
                            << s;
    QTest::newRow("comment") << QByteArray("SELECT 1 /* SECRETXYZ */ FROM t") << SqlDialect::Auto
                             << s;
    QTest::newRow("line comment") << QByteArray("SELECT 1 -- SECRETXYZ\nFROM t") << SqlDialect::Auto
                                  << s;
    QTest::newRow("number") << QByteArray("SELECT * FROM t WHERE card = 987654321 LIMIT 5")
                            << SqlDialect::Auto << QByteArray("98765");
    QTest::newRow("MySQL double quotes")
        << QByteArray("SELECT * FROM t WHERE a = \"SECRETXYZ\"") << SqlDialect::MySQL << s;
    QTest::newRow("MySQL backslash")
        << QByteArray("SELECT * FROM t WHERE a = 'x\\'SECRETXYZ'") << SqlDialect::MySQL << s;
    QTest::newRow("MySQL backslash, auto")
        << QByteArray("SELECT * FROM t WHERE a = 'x\\'SECRETXYZ'") << SqlDialect::Auto << s;
}

void TestRedact::truncatedAtEveryByte() {
    QFETCH(QByteArray, sql);
    QFETCH(SqlDialect, dialect);
    QFETCH(QByteArray, secret);
    // Each prefix is what a server cuts at track_activity_query_size: a fragment of at least
    // 5 characters of the secret must never come out.
    for (qsizetype n = 0; n <= sql.size(); ++n) {
        const QByteArray out = redact(sql.left(n), dialect);
        for (qsizetype k = 0; k + 5 <= secret.size(); ++k) {
            const QByteArray fragment = secret.mid(k, 5);
            QVERIFY2(
                !out.contains(fragment),
                qPrintable(QStringLiteral("prefix %1: %2").arg(n).arg(QString::fromUtf8(out))));
        }
    }
}

void TestRedact::truncatedAt1024MidString() {
    // pg_stat_activity cuts at 1024 bytes, here inside a literal and inside a UTF-8 sequence.
    QByteArray sql = "SELECT * FROM notes WHERE body = 'SECRET ";
    while (sql.size() < 1100)
        sql += "gr\xC3\xBC\xC3\x9F ";
    QByteArray cut = sql.left(1024);
    if ((cut.back() & 0xC0) != 0xC0) // make the last byte a lead byte without continuation
        cut = sql.left(1023) + "\xC3";
    QCOMPARE(cut.size(), qsizetype(1024));
    const Redacted r = redactQuery(std::string_view(cut.constData(), std::size_t(cut.size())));
    QCOMPARE(QByteArray::fromStdString(r.text), QByteArray("SELECT * FROM notes WHERE body = ?"));
    QCOMPARE(r.method, RedactMethod::Masked);
}

void TestRedact::largeTexts() {
    // 1 MB IN list: parsed and normalised.
    QByteArray in = "SELECT a FROM t WHERE id IN (";
    int i = 0;
    while (in.size() < 1024 * 1024)
        in += QByteArray::number(1000000 + i++) + ", ";
    in += "1)";
    QElapsedTimer timer;
    timer.start();
    Redacted r = redactQuery(std::string_view(in.constData(), std::size_t(in.size())));
    const qint64 parsedMs = timer.elapsed();
    QCOMPARE(r.method, RedactMethod::Normalised);
    QVERIFY(r.text.find("1000000") == std::string::npos);
    QVERIFY(r.text.rfind("SELECT a FROM t WHERE id IN ($1, $2, ", 0) == 0);

    // 1 MB that does not parse and ends inside a string, with invalid bytes throughout.
    QByteArray garbage = "SELEC a FROM t WHERE x = 'SECRET";
    while (garbage.size() < 1024 * 1024)
        garbage += "SECRET \xff\xfe\x80 ";
    timer.restart();
    r = redactQuery(std::string_view(garbage.constData(), std::size_t(garbage.size())));
    const qint64 maskedMs = timer.elapsed();
    QCOMPARE(r.text, std::string("SELEC a FROM t WHERE x = ?"));
    QCOMPARE(r.method, RedactMethod::Masked);

    // 1 MB of invalid UTF-8 outside literals: output is valid UTF-8.
    QByteArray bad(1024 * 1024, '\xff');
    r = redactQuery(std::string_view(bad.constData(), std::size_t(bad.size())));
    QVERIFY(validUtf8(r.text));
    QCOMPARE(r.text.size(), std::size_t(3 * 1024 * 1024)); // one U+FFFD per byte
    qInfo("1 MB IN list: %lld ms; 1 MB unterminated garbage: %lld ms", parsedMs, maskedMs);
}

void TestRedact::normalisePerformance() {
    // What one sample costs: 2,000 typical texts (pg_stat_statements is already normalised,
    // pg_stat_activity texts carry literals).
    std::vector<std::string> texts;
    for (int i = 0; i < 2000; ++i) {
        switch (i % 4) {
        case 0:
            texts.push_back("SELECT o.id, o.total, c.name FROM orders o JOIN customers c ON c.id "
                            "= o.customer_id WHERE o.status = 'open' AND o.created_at > now() - "
                            "interval '1 day' AND c.region IN (1, 2, 3) ORDER BY o.created_at "
                            "DESC LIMIT " +
                            std::to_string(i));
            break;
        case 1:
            texts.push_back("UPDATE orders SET status = $1, updated_at = now() WHERE id = $2");
            break;
        case 2:
            texts.push_back("INSERT INTO events (kind, payload, at) VALUES ('click', "
                            "'{\"page\": \"/checkout\", \"user\": " +
                            std::to_string(i) + "}', now())");
            break;
        default:
            texts.push_back("SELECT count(*) FROM order_items WHERE order_id = " +
                            std::to_string(i) + " AND sku LIKE 'AB-%'");
            break;
        }
    }
    QElapsedTimer timer;
    timer.start();
    std::size_t bytes = 0;
    for (const std::string& t : texts)
        bytes += redactQuery(t).text.size();
    const qint64 ms = timer.elapsed();
    QVERIFY(bytes > 0);
    qInfo("2,000 texts redacted in %lld ms (%.1f us each)", ms, double(ms) * 1000.0 / 2000.0);
}

void TestRedact::sanitize_data() {
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<int>("maxBytes");
    QTest::addColumn<QByteArray>("expected");

    const QByteArray fffd = "\xEF\xBF\xBD";
    QTest::newRow("ascii") << QByteArray("SELECT 1") << 100 << QByteArray("SELECT 1");
    QTest::newRow("valid multibyte") << QByteArray("gr\xC3\xBC\xC3\x9F \xF0\x9F\x98\x80") << 100
                                     << QByteArray("gr\xC3\xBC\xC3\x9F \xF0\x9F\x98\x80");
    QTest::newRow("overlong slash") << QByteArray("a\xC0\xAF"
                                                  "b")
                                    << 100 << QByteArray("a" + fffd + fffd + "b");
    QTest::newRow("overlong 3-byte") << QByteArray("\xE0\x80\xAF") << 100 << fffd + fffd + fffd;
    QTest::newRow("surrogate") << QByteArray("\xED\xA0\x80") << 100 << fffd + fffd + fffd;
    QTest::newRow("above U+10FFFF")
        << QByteArray("\xF4\x90\x80\x80") << 100 << fffd + fffd + fffd + fffd;
    QTest::newRow("truncated at end") << QByteArray("ab\xE2\x82") << 100 << QByteArray("ab" + fffd);
    QTest::newRow("truncated then ascii") << QByteArray("\xE2\x82"
                                                        "A")
                                          << 100 << QByteArray(fffd + "A");
    QTest::newRow("truncated 4-byte") << QByteArray("\xF0\x9F\x98") << 100 << fffd;
    QTest::newRow("stray continuation") << QByteArray("\x80x") << 100 << QByteArray(fffd + "x");
    QTest::newRow("0xFF") << QByteArray("\xFF") << 100 << fffd;
    QTest::newRow("exactly the cap") << QByteArray(20, 'a') << 20 << QByteArray(20, 'a');
    QTest::newRow("cut with marker")
        << QByteArray(30, 'a') << 20 << QByteArray("aaaaaa\xE2\x80\xA6[truncated]");
    QTest::newRow("cut on a code point boundary")
        << QByteArray("\xC3\xA9").repeated(20) << 21
        << QByteArray("\xC3\xA9\xC3\xA9\xC3\xA9\xE2\x80\xA6[truncated]");
    QTest::newRow("cap below the marker size") << QByteArray("abcdef") << 4 << QByteArray("abcd");
    QTest::newRow("replacement counted in the cap")
        << QByteArray(40, '\xff') << 20 << QByteArray(fffd + fffd + "\xE2\x80\xA6[truncated]");
}

void TestRedact::sanitize() {
    QFETCH(QByteArray, input);
    QFETCH(int, maxBytes);
    QFETCH(QByteArray, expected);
    const std::string out = sanitizeText(
        std::string_view(input.constData(), std::size_t(input.size())), std::size_t(maxBytes));
    QCOMPARE(QByteArray::fromStdString(out), expected);
    QVERIFY(out.size() <= std::size_t(maxBytes));
    QVERIFY(validUtf8(out));
}

void TestRedact::lockObjects_data() {
    QTest::addColumn<QString>("object");
    QTest::addColumn<QString>("expected");
    QTest::newRow("string key") << QStringLiteral(
                                       "row (PRIMARY: 'alice@example.com') of shop.customers")
                                << QStringLiteral("row (PRIMARY: ?) of shop.customers");
    QTest::newRow("composite key") << QStringLiteral("row (ix_a: 42, 'secret') of shop.t")
                                   << QStringLiteral("row (ix_a: ?, ?) of shop.t");
    QTest::newRow("no index") << QStringLiteral("row (7) of shop.t")
                              << QStringLiteral("row (?) of shop.t");
    QTest::newRow("pseudo record") << QStringLiteral("row (supremum pseudo-record) of shop.t")
                                   << QStringLiteral("row (supremum pseudo-record) of shop.t");
    QTest::newRow("table") << QStringLiteral("shop.orders") << QStringLiteral("shop.orders");
    QTest::newRow("unterminated") << QStringLiteral("row (PRIMARY: 'sec")
                                  << QStringLiteral("row (PRIMARY: ?");
}

void TestRedact::lockObjects() {
    QFETCH(QString, object);
    QFETCH(QString, expected);
    QCOMPARE(QString::fromStdString(redactLockObject(object.toStdString())), expected);
}

QTEST_GUILESS_MAIN(TestRedact)
#include "tst_redact.moc"
