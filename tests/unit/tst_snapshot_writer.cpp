// The streaming snapshot writer (snapshot_writer.h) against the DOM path it replaces in the
// bundle writer: snapshotJsonText must print exactly dumpJson(snapshotToJson(s), indent) and
// sampleJsonText exactly the compact sample delta of sampledelta.h, for rich snapshots (every
// section, empty and null fields, Unicode, control characters, invalid UTF-8, huge texts,
// special numbers), and bundles written with it must open verified with the same samples.
#include "bundle/bundlereader.h"
#include "bundle/bundlewriter.h"
#include "bundle/sampledelta.h"
#include "snapshot_json.h"
#include "snapshot_writer.h"
#include "tst_bundle_fixture.h"

#include <QCryptographicHash>
#include <QTemporaryDir>
#include <QTest>
#include <cmath>
#include <cstring>
#include <limits>
#include <random>
#include <string>
#include <vector>
#include <zip.h>

using namespace dbt;

namespace {

std::string dom(const Snapshot& s, int indent) {
    return dumpJson(snapshotToJson(s), indent);
}

std::string domSample(const Snapshot& current, const Snapshot* previous) {
    const nlohmann::json full = snapshotToJson(current);
    return previous ? dumpJson(deltaOfPrevious(snapshotToJson(*previous), full), -1)
                    : dumpJson(full, -1);
}

// The first position where two texts differ, with some context, for a readable failure.
QByteArray firstDifference(const std::string& a, const std::string& b) {
    std::size_t i = 0;
    while (i < a.size() && i < b.size() && a[i] == b[i])
        ++i;
    const std::size_t from = i > 40 ? i - 40 : 0;
    return QByteArray::fromStdString("at byte " + std::to_string(i) + ": streamed \"" +
                                     a.substr(from, 100) + "\" DOM \"" + b.substr(from, 100) +
                                     "\"");
}

#define COMPARE_TEXT(streamed, expected)                                                           \
    do {                                                                                           \
        const std::string s_ = (streamed);                                                         \
        const std::string e_ = (expected);                                                         \
        QVERIFY2(s_ == e_, firstDifference(s_, e_).constData());                                   \
    } while (false)

// Every byte from 0x00 to 0x7F, and text beyond ASCII: valid UTF-8 of 2, 3 and 4 bytes and
// several kinds of invalid UTF-8 (replaced by U+FFFD when printed).
std::string allAscii() {
    std::string s;
    for (int c = 0; c < 0x80; ++c)
        s += static_cast<char>(c);
    return s;
}

const std::vector<std::string>& awkwardTexts() {
    static const std::vector<std::string> texts = {
        "",
        allAscii(),
        "quote \" backslash \\ slash / tab\tnewline\ncr\rformfeed\fbackspace\b",
        std::string("nul\0inside", 10),
        "\x01\x1f\x7f",
        "Müller – 東京 – 😀 – ∑",
        "\xc3",                   // truncated two-byte sequence at the end
        "a\x80z",                 // lone continuation byte
        "\xc0\xaf",               // overlong '/'
        "\xed\xa0\x80",           // UTF-16 surrogate encoded in UTF-8
        "\xf4\x90\x80\x80",       // beyond U+10FFFF
        "ok \xe2\x82 then ascii", // truncated three-byte sequence in the middle
        "\xff\xfe",
        "SELECT 'x' FROM t WHERE a = $1 -- \"q\"\\n",
    };
    return texts;
}

const std::vector<double>& awkwardNumbers() {
    static const std::vector<double> numbers = {0.0,
                                                -0.0,
                                                1.0,
                                                -1.0,
                                                0.1,
                                                1.5,
                                                1.0 / 3.0,
                                                123456789.125,
                                                1e15,
                                                1e16,
                                                1e17,
                                                9007199254740993.0,
                                                1e-4,
                                                1e-5,
                                                1e300,
                                                -1e-300,
                                                std::numeric_limits<double>::min(),
                                                std::numeric_limits<double>::denorm_min(),
                                                std::numeric_limits<double>::max(),
                                                std::numeric_limits<double>::lowest(),
                                                std::numeric_limits<double>::quiet_NaN(),
                                                std::numeric_limits<double>::infinity(),
                                                -std::numeric_limits<double>::infinity()};
    return numbers;
}

// A snapshot with every section filled, texts and numbers from the lists above (rotating by
// `seed`), and null optional fields next to set ones.
Snapshot richSnapshot(std::size_t seed) {
    const auto& texts = awkwardTexts();
    const auto& numbers = awkwardNumbers();
    std::size_t n = seed;
    const auto text = [&] { return texts[n++ % texts.size()]; };
    const auto number = [&] { return numbers[n++ % numbers.size()]; };

    Snapshot s = fixture::snapshot();
    s.toolVersion = text();
    s.redacted = seed % 2 == 0;
    s.server.engine = seed % 3 == 0   ? Engine::MySQL
                      : seed % 3 == 1 ? Engine::MariaDB
                                      : Engine::PostgreSQL;
    s.server.version = text();
    s.server.host = text();
    s.server.inRecovery = true;
    s.server.superuser = seed % 2 == 1;
    s.server.extensions.push_back(text());
    s.server.settings[text()] = text();
    s.server.settings["empty"] = "";
    s.connections.byClient[text()] = std::numeric_limits<std::int64_t>::min();
    s.connections.byUser[text()] = std::numeric_limits<std::int64_t>::max();
    s.connections.max = 2; // below reserved: usable() falls back to max
    s.connections.reserved = 3;
    for (std::size_t i = 0; i < texts.size(); ++i) {
        Session x =
            fixture::session(static_cast<std::int64_t>(90000 + i), text(), text(), text(), 1.5);
        x.user = text();
        x.client = text();
        x.waitEventType = text();
        x.waitEvent = text();
        x.queryId = text();
        if (i % 2) {
            x.backendStart.reset();
            x.queryStart.reset();
            x.xminAge = -static_cast<std::int64_t>(i);
        } else {
            x.transactionStart = fixture::ago(0.000001 * static_cast<double>(i));
            x.stateChange = -static_cast<Micros>(i) * 1'000'123; // before 1970
        }
        s.sessions.push_back(std::move(x));
    }
    s.sessions.push_back(Session{});                              // every field empty or null
    s.sessions.back().query = std::string(1 << 20, 'q') + text(); // a huge text
    s.lockWaits.push_back(LockWait{});
    s.lockWaits.back().object = text();
    s.lockWaits.back().hard = false;
    s.heldLocks.push_back({-1, text(), text(), text()});
    s.rootBlockers.push_back(RootBlocker{});
    s.rootBlockers.back().inCycle = true;
    s.rootBlockers.back().query = text();
    s.cycles = {{1, 2, 3}, {}, {std::numeric_limits<std::int64_t>::min()}};
    for (std::size_t i = 0; i < numbers.size(); ++i) {
        StatementStat st = fixture::statement(static_cast<int>(100 + i), number(), 7, text());
        st.meanTimeMs = number();
        st.database = text();
        st.user = text();
        st.rowsExamined = static_cast<std::int64_t>(i) * 1'000'000'007LL;
        st.noIndexUsed = -static_cast<std::int64_t>(i);
        st.tmpDiskTables = 1;
        st.sortMergePasses = 2;
        st.tempBlksWritten = 3;
        if (i % 3 == 0)
            st.p95TimeMs = number();
        if (i % 3 == 1)
            st.p99TimeMs = number();
        if (i % 2 == 0)
            st.cpuTimeMs = number();
        s.statements.push_back(std::move(st));
    }
    s.statements.push_back(StatementStat{});
    s.health.cacheHitRatio = number();
    s.health.longestTransactionSeconds.reset();
    s.health.replicas.push_back({text(), text(), number(), std::int64_t{-5}});
    s.health.replicas.push_back({"", "", std::nullopt, std::nullopt});
    Finding f;
    f.severity = Severity::Info;
    f.code = text();
    f.summary = text();
    f.nextStep = text();
    s.findings.push_back(f);
    s.probes.push_back({text(), "failed: " + text()});
    s.statementsFresh = seed % 2 == 1;
    s.statementsSampledAt = seed % 2 ? fixture::ago(7) : 0;
    s.statementScope = seed % 2 ? StatementScope::Window : StatementScope::Cumulative;
    s.statementWindowStart = fixture::ago(60);
    return s;
}

Snapshot emptySnapshot() {
    Snapshot s;
    s.collectedAt = 0;
    return s;
}

// A series of samples that exercises the delta: counters and times that change or not,
// sessions that come and go, a null that becomes a value and back, duplicate keys (the first
// entry is the base), NaN (never equal to itself), times that differ by a microsecond.
std::vector<SnapshotPtr> deltaSeries(std::size_t count) {
    std::mt19937_64 rng(7);
    std::vector<SnapshotPtr> out;
    Snapshot s = richSnapshot(0);
    for (std::size_t k = 0; k < count; ++k) {
        s.collectedAt += 2'000'000;
        for (std::size_t i = 0; i < s.sessions.size(); ++i) {
            Session& x = s.sessions[i];
            if (rng() % 3 == 0)
                x.queryStart = x.queryStart ? std::optional<Micros>() : s.collectedAt;
            if (rng() % 4 == 0)
                x.stateChange = x.stateChange.value_or(0) + 1; // one microsecond
            if (rng() % 5 == 0)
                x.state = x.state == "active" ? "idle" : "active";
            if (rng() % 7 == 0)
                x.xminAge = x.xminAge ? std::optional<std::int64_t>() : std::int64_t(k);
        }
        if (k % 3 == 1 && !s.sessions.empty())
            s.sessions.erase(s.sessions.begin()); // gone
        if (k % 3 == 2)
            s.sessions.push_back(fixture::session(static_cast<std::int64_t>(100000 + k), "active",
                                                  "new", "SELECT 1", 1)); // new
        if (k == 2) {
            s.sessions.push_back(s.sessions.front()); // the same pid twice
            s.sessions.back().query = "second entry of the pid";
        }
        for (StatementStat& st : s.statements) {
            if (rng() % 2 == 0) {
                st.calls += 1;
                st.totalTimeMs += 0.25;
                st.meanTimeMs = std::nan("");
            }
            if (rng() % 5 == 0)
                st.p95TimeMs = st.p95TimeMs ? std::optional<double>() : 1.0;
        }
        if (k == 3) {
            s.statements.push_back(s.statements.front()); // the same key twice
            s.statements.back().calls = -1;
        }
        out.push_back(std::make_shared<const Snapshot>(s));
    }
    return out;
}

// The same snapshot with NaN, infinities and -0.0 replaced by plain numbers: the values on
// which the DOM delta differs on purpose (snapshot_writer.h).
Snapshot plainNumbers(Snapshot s) {
    const auto plain = [](double& d) {
        if (!std::isfinite(d))
            d = 1.25;
        else if (d == 0 && std::signbit(d))
            d = 0.0;
    };
    const auto plainOpt = [&](std::optional<double>& d) {
        if (d)
            plain(*d);
    };
    for (StatementStat& st : s.statements) {
        plain(st.totalTimeMs);
        plain(st.meanTimeMs);
        plainOpt(st.p95TimeMs);
        plainOpt(st.p99TimeMs);
        plainOpt(st.cpuTimeMs);
    }
    plainOpt(s.health.cacheHitRatio);
    plainOpt(s.health.longestTransactionSeconds);
    for (ReplicaLag& r : s.health.replicas)
        plainOpt(r.replayLagSeconds);
    return s;
}

std::vector<SnapshotPtr> plainNumbers(const std::vector<SnapshotPtr>& series) {
    std::vector<SnapshotPtr> out;
    for (const SnapshotPtr& p : series)
        out.push_back(std::make_shared<const Snapshot>(plainNumbers(*p)));
    return out;
}

// Restoring a sample from its text and the previous sample's printed document gives the
// sample's printed document (what the reader does; compared as printed, where NaN is null).
bool expandsExactly(const std::string& text, const Snapshot& current, const Snapshot& previous) {
    return expandDelta(parseJson(dom(previous, -1)), parseJson(text)) ==
           parseJson(dom(current, -1));
}

} // namespace

class TestSnapshotWriter : public QObject {
    Q_OBJECT

private slots:
    void sameAsDom_data() {
        QTest::addColumn<int>("indent");
        QTest::newRow("pretty (snapshot.json)") << 2;
        QTest::newRow("compact (samples)") << -1;
        QTest::newRow("indent 0") << 0;
        QTest::newRow("indent 4") << 4;
    }
    void sameAsDom() {
        QFETCH(int, indent);
        COMPARE_TEXT(snapshotJsonText(fixture::snapshot(), indent),
                     dom(fixture::snapshot(), indent));
        COMPARE_TEXT(snapshotJsonText(emptySnapshot(), indent), dom(emptySnapshot(), indent));
        for (std::size_t seed = 0; seed < 6; ++seed) {
            const Snapshot s = richSnapshot(seed);
            COMPARE_TEXT(snapshotJsonText(s, indent), dom(s, indent));
        }
    }

    void defaultIndentIsSnapshotJson() {
        const Snapshot s = richSnapshot(1);
        COMPARE_TEXT(snapshotJsonText(s), dumpJson(snapshotToJson(s)));
    }

    // Random bytes in every text field and random bit patterns as numbers.
    void randomTextsAndNumbers() {
        std::mt19937_64 rng(20261202);
        for (int round = 0; round < 200; ++round) {
            Snapshot s = emptySnapshot();
            const auto bytes = [&] {
                std::string t(rng() % 12, '\0');
                for (char& c : t)
                    c = static_cast<char>(rng() % 4 == 0 ? 0x80 + rng() % 0x80 : rng() % 0x80);
                return t;
            };
            const auto bits = [&] {
                const std::uint64_t u = rng();
                double d;
                std::memcpy(&d, &u, sizeof d);
                return d;
            };
            Session x;
            x.pid = static_cast<std::int64_t>(rng());
            x.application = bytes();
            x.query = bytes();
            x.user = bytes();
            s.sessions.push_back(x);
            StatementStat st;
            st.id = bytes();
            st.query = bytes();
            st.totalTimeMs = bits();
            st.meanTimeMs = static_cast<double>(rng() % 1000000) / 1000.0;
            st.p99TimeMs = bits();
            s.statements.push_back(st);
            s.server.settings[bytes()] = bytes();
            s.connections.byApplication[bytes()] = static_cast<std::int64_t>(rng());
            s.health.cacheHitRatio = bits();
            COMPARE_TEXT(snapshotJsonText(s, 2), dom(s, 2));
            COMPARE_TEXT(snapshotJsonText(s, -1), dom(s, -1));
        }
    }

    void samplesSameAsDomDelta() {
        const std::vector<SnapshotPtr> series = plainNumbers(deltaSeries(8));
        bool sawDelta = false;
        for (std::size_t k = 0; k < series.size(); ++k) {
            const Snapshot* previous = k ? series[k - 1].get() : nullptr;
            const std::string text = sampleJsonText(*series[k], previous);
            COMPARE_TEXT(text, domSample(*series[k], previous));
            sawDelta =
                sawDelta || text.find("\"delta_of_previous_sample\":true") != std::string::npos;
            if (previous)
                QVERIFY(expandsExactly(text, *series[k], *previous));
        }
        QVERIFY(sawDelta);
        // The first sample is the whole compact document.
        COMPARE_TEXT(sampleJsonText(*series[0], nullptr), dom(*series[0], -1));
    }

    // NaN, infinities and -0.0 between samples: every sample expands to what it prints.
    void samplesWithAwkwardNumbersExpandExactly() {
        const std::vector<SnapshotPtr> series = deltaSeries(8);
        for (std::size_t k = 1; k < series.size(); ++k)
            QVERIFY(expandsExactly(sampleJsonText(*series[k], series[k - 1].get()), *series[k],
                                   *series[k - 1]));
        for (std::size_t seed = 0; seed < 6; ++seed) {
            const Snapshot x = richSnapshot(seed);
            const Snapshot y = richSnapshot(seed + 1);
            QVERIFY(expandsExactly(sampleJsonText(y, &x), y, x));
        }
        Snapshot before = emptySnapshot();
        before.statements.push_back(fixture::statement(1, 10.0, 2, "SELECT 1"));
        before.statements.back().p95TimeMs = std::nan("");
        before.statements.back().cpuTimeMs = 0.0;
        Snapshot after = before;
        after.statements.back().meanTimeMs = std::nan(""); // was 5.0
        after.statements.back().p95TimeMs.reset();         // NaN and null both print null
        after.statements.back().cpuTimeMs = -0.0;
        const std::string text = sampleJsonText(after, &before);
        QVERIFY(expandsExactly(text, after, before));
        QVERIFY2(text.find("\"mean_time_ms\":null") != std::string::npos, text.c_str());
        QVERIFY2(text.find("p95_time_ms") == std::string::npos, text.c_str());
        QVERIFY2(text.find("\"cpu_time_ms\":-0.0") != std::string::npos, text.c_str());
    }

    void sampleDeltaEdgeCases() {
        // Nothing in common: no marker, every entry whole.
        Snapshot a = fixture::snapshot();
        Snapshot b = fixture::snapshot();
        for (Session& x : b.sessions)
            x.pid += 1'000'000;
        for (StatementStat& st : b.statements)
            st.user = "other";
        std::string text = sampleJsonText(b, &a);
        COMPARE_TEXT(text, domSample(b, &a));
        QVERIFY(text.find("delta_of_previous_sample") == std::string::npos);
        // A previous sample with empty lists.
        const Snapshot empty = emptySnapshot();
        text = sampleJsonText(a, &empty);
        COMPARE_TEXT(text, domSample(a, &empty));
        QVERIFY(text.find("delta_of_previous_sample") == std::string::npos);
        // Identical samples: only the keys of every entry remain.
        text = sampleJsonText(a, &a);
        COMPARE_TEXT(text, domSample(a, &a));
        QVERIFY(text.find("\"delta_of_previous_sample\":true") != std::string::npos);
        QVERIFY(text.find("\"sessions\":[{\"pid\":4242},{\"pid\":5001},") != std::string::npos);
        QVERIFY(text.find("\"statements\":[{\"database\":\"shop\",\"id\":\"-8999999999999999999\","
                          "\"user\":\"app\"},") != std::string::npos);
        // Only sessions match, and only statements match.
        Snapshot onlySessions = b;
        onlySessions.sessions = a.sessions;
        COMPARE_TEXT(sampleJsonText(onlySessions, &a), domSample(onlySessions, &a));
        Snapshot onlyStatements = b;
        onlyStatements.statements = a.statements;
        COMPARE_TEXT(sampleJsonText(onlyStatements, &a), domSample(onlyStatements, &a));
        // Rich snapshots of different seeds against each other.
        for (std::size_t seed = 0; seed < 6; ++seed) {
            const Snapshot x = plainNumbers(richSnapshot(seed));
            const Snapshot y = plainNumbers(richSnapshot(seed + 1));
            COMPARE_TEXT(sampleJsonText(y, &x), domSample(y, &x));
            COMPARE_TEXT(sampleJsonText(x, &x), domSample(x, &x));
        }
    }

    // The bundle writer's files are the DOM path's texts, and the reader opens the bundle
    // verified with every sample as it was.
    void bundleRoundTrip_data() {
        QTest::addColumn<QString>("name");
        QTest::newRow("zip") << "bundle.zip";
        QTest::newRow("directory") << "bundle";
    }
    void bundleRoundTrip() {
        QFETCH(QString, name);
        BundleInput in;
        // Plain numbers: NaN is written as null and reads back as no value.
        std::vector<SnapshotPtr> series;
        for (const SnapshotPtr& p : plainNumbers(deltaSeries(9))) {
            Snapshot s = *p;
            s.probes = {{"activity", "ok"}};
            series.push_back(std::make_shared<const Snapshot>(std::move(s)));
        }
        in.samples = series;
        in.snapshot = *series.back();
        in.collection = fixture::collection();
        in.createdAt = fixture::kNow;

        Manifest manifest;
        const std::vector<BundleFile> files = BundleWriter::compose(in, &manifest);
        std::size_t samples = 0;
        for (const BundleFile& f : files) {
            if (f.path == "snapshot.json")
                COMPARE_TEXT(f.data.toStdString(), dom(in.snapshot, 2) + '\n');
            if (f.path.rfind("samples/", 0) == 0) {
                const std::size_t k = samples++;
                char expected[32];
                std::snprintf(expected, sizeof expected, "samples/%04zu.json", k + 1);
                QCOMPARE(f.path, std::string(expected));
                COMPARE_TEXT(f.data.toStdString(),
                             domSample(*series[k], k ? series[k - 1].get() : nullptr) + '\n');
            }
        }
        QCOMPARE(samples, series.size());

        QTemporaryDir tmp;
        const QString path = tmp.filePath(name);
        const BundleWriteResult w = BundleWriter::write(in, path);
        QVERIFY2(w.ok(), qPrintable(w.error));
        const Bundle b = BundleReader::open(path);
        QVERIFY2(b.ok(), qPrintable(b.error));
        QVERIFY2(b.verified(), qPrintable(b.verification));
        QCOMPARE(b.samples.size(), series.size());
        // As written: invalid UTF-8 comes back as U+FFFD, so compare with the written text
        // parsed and printed again.
        const auto asWritten = [](const Snapshot& s) {
            return dumpJson(parseJson(dom(s, -1)), -1);
        };
        for (std::size_t k = 0; k < series.size(); ++k)
            COMPARE_TEXT(snapshotJsonText(*b.samples[k], -1), asWritten(*series[k]));
        COMPARE_TEXT(snapshotJsonText(*b.snapshot, -1), asWritten(in.snapshot));
        for (const ManifestFile& f : manifest.files) {
            if (f.path.rfind("samples/", 0) == 0)
                QCOMPARE(f.sha256,
                         QCryptographicHash::hash(b.files.at(f.path), QCryptographicHash::Sha256)
                             .toHex()
                             .toStdString());
        }
    }

    // Above a few MB the zip is deflated on worker threads and the final archive copies their
    // entries: the same entries in the same order, with the same data, CRC, method, time and
    // mode as the archive deflated on one thread, and the reader verifies the bundle.
    void largeZipDeflatedInParallel() {
        BundleInput in;
        in.samples = plainNumbers(deltaSeries(4));
        Snapshot big = *in.samples.back();
        // Few entries with long texts: past the parallel threshold in bytes without tens of
        // thousands of objects, which a sanitizer build takes minutes to write and read back.
        std::string predicate;
        for (int k = 0; k < 400; ++k)
            predicate += " AND c" + std::to_string(k) + " = $" + std::to_string(k + 1);
        for (int i = 0; i < 1500; ++i) {
            big.statements.push_back(fixture::statement(100000 + i, i * 0.5, i,
                                                        "SELECT " + std::to_string(i) +
                                                            " FROM t WHERE true" + predicate));
            big.sessions.push_back(fixture::session(
                200000 + i, "idle", "app-" + std::to_string(i % 50), "SELECT 1", 2));
        }
        in.snapshot = big;
        in.collection = fixture::collection();
        in.createdAt = fixture::kNow;
        QByteArray chart("\x89PNG\r\n\x1a\n", 8);
        chart += QByteArray(300000, 'p');
        in.attachments.push_back({"charts/connections.png", chart});
        std::vector<BundleFile> files = BundleWriter::compose(in);
        qint64 total = 0;
        for (const BundleFile& f : files)
            total += f.data.size();
        QVERIFY2(total > (8 << 20), "the files should take the parallel path");

        QByteArray zipped;
        QVERIFY(BundleWriter::zipFiles(files, fixture::kNow, 6, &zipped).isEmpty());
        const Bundle b = BundleReader::openZipData(zipped, QStringLiteral("large.zip"));
        QVERIFY2(b.ok(), qPrintable(b.error));
        QVERIFY2(b.verified(), qPrintable(b.verification));
        for (const BundleFile& f : files)
            QVERIFY(b.files.at(f.path) == f.data);

        zip_error_t error;
        zip_error_init(&error);
        zip_source_t* source = zip_source_buffer_create(
            zipped.constData(), static_cast<zip_uint64_t>(zipped.size()), 0, &error);
        QVERIFY(source);
        zip_t* za = zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &error);
        zip_error_fini(&error);
        QVERIFY(za);
        QCOMPARE(zip_get_num_entries(za, 0), static_cast<zip_int64_t>(files.size()));
        for (std::size_t i = 0; i < files.size(); ++i) {
            zip_stat_t st;
            QCOMPARE(zip_stat_index(za, i, 0, &st), 0);
            QCOMPARE(std::string(st.name), files[i].path);
            QCOMPARE(st.size, static_cast<zip_uint64_t>(files[i].data.size()));
            const bool png = files[i].path.size() > 4 &&
                             files[i].path.compare(files[i].path.size() - 4, 4, ".png") == 0;
            QCOMPARE(st.comp_method,
                     static_cast<zip_uint16_t>(png ? ZIP_CM_STORE : ZIP_CM_DEFLATE));
            if (!png && files[i].data.size() > 1000)
                QVERIFY(st.comp_size < st.size / 2);
            QCOMPARE(static_cast<qint64>(st.mtime), static_cast<qint64>(fixture::kNow / 1000000));
            zip_uint8_t opsys = 0;
            zip_uint32_t attributes = 0;
            QCOMPARE(zip_file_get_external_attributes(za, i, 0, &opsys, &attributes), 0);
            QCOMPARE(opsys, static_cast<zip_uint8_t>(ZIP_OPSYS_UNIX));
            QCOMPARE(attributes, 0100644u << 16);
        }
        zip_discard(za);

        // The whole bundle through write(): a zip the reader verifies, with every sample.
        QTemporaryDir tmp;
        const BundleWriteResult w = BundleWriter::write(in, tmp.filePath(QStringLiteral("b.zip")));
        QVERIFY2(w.ok(), qPrintable(w.error));
        const Bundle written = BundleReader::open(w.path);
        QVERIFY2(written.verified(), qPrintable(written.error + written.verification));
        QCOMPARE(written.samples.size(), in.samples.size());
    }
};

QTEST_APPLESS_MAIN(TestSnapshotWriter)
#include "tst_snapshot_writer.moc"
