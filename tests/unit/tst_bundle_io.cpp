// Bundle writing and reading (diagnostics/bundle): round trips through a directory and a
// zip, checksum verification and tamper detection, refusal of malicious zips (zip-slip paths,
// absolute paths, symlinks, bombs with honest and lying headers, too many entries, huge and
// deeply nested JSON) built with libzip here, and failed writes (unwritable target, a full
// disk injected or on a small tmpfs) that leave nothing under the final name.
#include "bundle/bundleplans.h"
#include "bundle/bundlereader.h"
#include "bundle/bundlewriter.h"
#include "bundle/recordingbanner.h"
#include "plans/statement.h"
#include "snapshot_json.h"
#include "tst_bundle_fixture.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <zip.h>

using namespace dbt;

namespace {

BundleInput fixtureInput() {
    BundleInput in;
    in.snapshot = fixture::snapshot();
    in.samples = fixture::samples();
    in.collection = fixture::collection();
    in.createdAt = fixture::kNow + 1'000'000;
    in.attachments.push_back({"charts/connections.png", QByteArray("\x89PNG fake", 9)});
    in.attachments.push_back({"../evil.txt", QByteArray("never written")});
    return in;
}

std::string json(const Snapshot& s) {
    return dumpJson(snapshotToJson(s));
}

struct Entry {
    std::string name;
    QByteArray data;
    bool symlink = false;
    bool directory = false;
};

// A zip in memory holding exactly these entries, names unchecked (libzip accepts them).
QByteArray makeZip(const std::vector<Entry>& entries, int level = 1) {
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* src = zip_source_buffer_create(nullptr, 0, 0, &error);
    zip_t* za = zip_open_from_source(src, ZIP_TRUNCATE, &error);
    zip_error_fini(&error);
    if (!za)
        qFatal("zip_open_from_source failed");
    zip_source_keep(src);
    for (const Entry& e : entries) {
        zip_int64_t idx = -1;
        if (e.directory) {
            idx = zip_dir_add(za, e.name.c_str(), 0);
        } else {
            zip_source_t* s = zip_source_buffer(za, e.data.constData(),
                                                static_cast<zip_uint64_t>(e.data.size()), 0);
            idx = zip_file_add(za, e.name.c_str(), s, ZIP_FL_OVERWRITE);
        }
        if (idx < 0)
            qFatal("zip_file_add failed: %s", zip_strerror(za));
        if (!e.directory)
            zip_set_file_compression(za, static_cast<zip_uint64_t>(idx), ZIP_CM_DEFLATE,
                                     static_cast<zip_uint32_t>(level));
        if (e.symlink)
            zip_file_set_external_attributes(za, static_cast<zip_uint64_t>(idx), 0, ZIP_OPSYS_UNIX,
                                             (0120777u) << 16);
    }
    if (zip_close(za) < 0)
        qFatal("zip_close failed");
    zip_stat_t st;
    zip_stat_init(&st);
    zip_source_stat(src, &st);
    QByteArray out(static_cast<qsizetype>(st.size), '\0');
    zip_source_open(src);
    zip_source_read(src, out.data(), st.size);
    zip_source_close(src);
    zip_source_free(src);
    return out;
}

QByteArray validSnapshotJson() {
    return QByteArray::fromStdString(json(fixture::snapshot()));
}

void writeFile(const QString& path, const QByteArray& data) {
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(data);
}

QByteArray readFile(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QStringList entriesOf(const QString& dir) {
    return QDir(dir).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden |
                               QDir::System);
}

// Replaces one entry of a zip file with other bytes (a tampered bundle).
void replaceInZip(const QString& path, const char* name, const QByteArray& data) {
    int err = 0;
    zip_t* za = zip_open(path.toLocal8Bit().constData(), 0, &err);
    QVERIFY(za);
    const zip_int64_t idx = zip_name_locate(za, name, 0);
    QVERIFY(idx >= 0);
    zip_source_t* s =
        zip_source_buffer(za, data.constData(), static_cast<zip_uint64_t>(data.size()), 0);
    QVERIFY(zip_file_replace(za, static_cast<zip_uint64_t>(idx), s, 0) == 0);
    QVERIFY(zip_close(za) == 0);
}

// Sets the uncompressed size in the local and central headers of the first entry (a zip that
// lies about its sizes).
void lieAboutSize(QByteArray& zip, quint32 size) {
    auto put = [&](qsizetype at) {
        for (int i = 0; i < 4; ++i)
            zip[at + i] = static_cast<char>((size >> (8 * i)) & 0xff);
    };
    const qsizetype local = zip.indexOf(QByteArray("PK\x03\x04", 4));
    const qsizetype central = zip.indexOf(QByteArray("PK\x01\x02", 4));
    QVERIFY(local >= 0 && central > local);
    put(local + 22);
    put(central + 24);
}

} // namespace

class TestBundleIo : public QObject {
    Q_OBJECT

private slots:
    void roundTrip_data() {
        QTest::addColumn<QString>("name");
        QTest::newRow("zip") << "bundle.zip";
        QTest::newRow("directory") << "bundle";
        QTest::newRow("zip upper case") << "BUNDLE.ZIP";
    }
    void roundTrip() {
        QFETCH(QString, name);
        QTemporaryDir tmp;
        const QString path = tmp.filePath(QStringLiteral("sub/") + name);
        const BundleInput in = fixtureInput();
        const BundleWriteResult w = BundleWriter::write(in, path);
        QVERIFY2(w.ok(), qPrintable(w.error));
        QCOMPARE(w.zip, name.endsWith(QLatin1String(".zip"), Qt::CaseInsensitive));
        QVERIFY(w.bytes > 0);
        // README, Jira, snapshot, 3 samples, 3 CSVs, settings, 1 chart, manifest
        QCOMPARE(w.files, 12);
        QCOMPARE(entriesOf(tmp.filePath(QStringLiteral("sub"))), QStringList{name});

        const Bundle b = BundleReader::open(path);
        QVERIFY2(b.ok(), qPrintable(b.error));
        QVERIFY2(b.verified(), qPrintable(b.verification));
        QCOMPARE(b.verification,
                 QStringLiteral("All 11 files match their SHA-256 in manifest.json."));
        QVERIFY(b.snapshot);
        QCOMPARE(json(*b.snapshot), json(in.snapshot));
        QCOMPARE(b.samples.size(), in.samples.size());
        for (std::size_t i = 0; i < in.samples.size(); ++i)
            QCOMPARE(json(*b.samples[i]), json(*in.samples[i]));
        QVERIFY(b.hasManifest);
        QCOMPARE(b.manifest.collection.note, in.collection.note);
        QCOMPARE(b.manifest.collection.samples, 3);
        QCOMPARE(b.manifest.collection.intervalSeconds, 30.0);
        QCOMPARE(b.manifest.createdAt, in.createdAt);
        QCOMPARE(b.manifest.server.host, std::string("db1.example.com"));
        QVERIFY(b.manifest.redacted);
        QCOMPARE(b.files.count("charts/connections.png"), std::size_t(1));
        QCOMPARE(b.files.at("charts/connections.png"), in.attachments[0].data);
        QCOMPARE(b.files.count("../evil.txt"), std::size_t(0));
        // What was written is what compose() makes, byte for byte.
        for (const BundleFile& f : BundleWriter::compose(in))
            QCOMPARE(b.files.at(f.path), f.data);
        QVERIFY(b.files.at("README.md").contains("INC-4711"));
        QVERIFY(b.files.at("summary.jira.txt").startsWith("h1. dbtriage evidence"));
        QVERIFY(b.files.at("settings.json").contains("\"work_mem\": \"4MB\""));
        QVERIFY(!QFile::exists(tmp.filePath(QStringLiteral("evil.txt"))));

        // A relative path opens the same bundle.
        const QString cwd = QDir::currentPath();
        QVERIFY(QDir::setCurrent(tmp.filePath(QStringLiteral("sub"))));
        const Bundle relative = BundleReader::open(name);
        QDir::setCurrent(cwd);
        QVERIFY2(relative.verified(), qPrintable(relative.error + relative.verification));
        QCOMPARE(json(*relative.snapshot), json(in.snapshot));
        if (!w.zip)
            QVERIFY(QFileInfo(path).permissions() & QFileDevice::ReadOther);
    }

    void tamperedDirectory_data() {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("action");
        QTest::addColumn<QString>("sentence");
        QTest::newRow("changed") << "statements.csv"
                                 << "change"
                                 << "statements.csv does not match its SHA-256 in manifest.json";
        QTest::newRow("truncated") << "sessions.csv"
                                   << "truncate"
                                   << "sessions.csv is shorter than manifest.json says";
        QTest::newRow("missing") << "lock_waits.csv"
                                 << "delete"
                                 << "lock_waits.csv is listed in manifest.json but missing";
        QTest::newRow("added") << "extra.txt"
                               << "add"
                               << "extra.txt is not listed in manifest.json";
        QTest::newRow("snapshot changed") << "snapshot.json"
                                          << "change"
                                          << "snapshot.json does not match its SHA-256";
        QTest::newRow("no manifest") << "manifest.json"
                                     << "delete"
                                     << "There is no manifest.json";
        QTest::newRow("bad manifest") << "manifest.json"
                                      << "truncate"
                                      << "manifest.json cannot be read";
    }
    void tamperedDirectory() {
        QFETCH(QString, file);
        QFETCH(QString, action);
        QFETCH(QString, sentence);
        QTemporaryDir tmp;
        const QString dir = tmp.filePath(QStringLiteral("b"));
        QVERIFY(BundleWriter::write(fixtureInput(), dir).ok());
        const QString path = dir + QLatin1Char('/') + file;
        if (action == QLatin1String("change")) {
            QByteArray data = readFile(path);
            // Same size, different content: only the checksum can tell.
            const qsizetype at = data.indexOf("shop");
            QVERIFY(at >= 0);
            data[at] = 'S';
            writeFile(path, data);
        } else if (action == QLatin1String("truncate")) {
            writeFile(path, readFile(path).left(20));
        } else if (action == QLatin1String("delete")) {
            QVERIFY(QFile::remove(path));
        } else {
            writeFile(path, "added later");
        }
        const Bundle b = BundleReader::open(dir);
        QVERIFY2(b.ok(), qPrintable(b.error));
        QVERIFY(!b.verified());
        QVERIFY2(b.verification.contains(sentence), qPrintable(b.verification));
        QVERIFY(b.verification.startsWith(QLatin1String("Unverified: ")));
        QVERIFY(b.snapshot);
    }

    void tamperedZip() {
        QTemporaryDir tmp;
        const QString path = tmp.filePath(QStringLiteral("b.zip"));
        QVERIFY(BundleWriter::write(fixtureInput(), path).ok());
        QByteArray readme = BundleReader::open(path).files.at("README.md");
        readme.replace("db1.example.com", "db9.example.com");
        replaceInZip(path, "README.md", readme);
        const Bundle b = BundleReader::open(path);
        QVERIFY(b.ok());
        QVERIFY(!b.verified());
        QCOMPARE(b.failedFiles, QStringList{QStringLiteral("README.md")});
        QVERIFY2(b.verification.contains(
                     QLatin1String("README.md does not match its SHA-256 in manifest.json")),
                 qPrintable(b.verification));
    }

    void truncatedZip() {
        QTemporaryDir tmp;
        const QString path = tmp.filePath(QStringLiteral("b.zip"));
        QVERIFY(BundleWriter::write(fixtureInput(), path).ok());
        const QByteArray whole = readFile(path);
        for (const qsizetype keep : {whole.size() / 2, whole.size() - 10, qsizetype(100)}) {
            writeFile(path, whole.left(keep));
            const Bundle b = BundleReader::open(path);
            QVERIFY2(!b.ok(), "a truncated zip was opened");
            QVERIFY2(b.error.contains(QLatin1String("not a readable zip file")) ||
                         b.error.contains(QLatin1String("damaged or truncated")),
                     qPrintable(b.error));
        }
    }

    void maliciousZips_data() {
        QTest::addColumn<QByteArray>("zip");
        QTest::addColumn<QString>("sentence");
        const QByteArray snap = validSnapshotJson();
        QTest::newRow("zip-slip") << makeZip({{"snapshot.json", snap}, {"../evil.txt", "x"}})
                                  << "unsafe file name";
        QTest::newRow("zip-slip nested")
            << makeZip({{"snapshot.json", snap}, {"charts/../../evil.txt", "x"}})
            << "unsafe file name";
        QTest::newRow("absolute") << makeZip({{"snapshot.json", snap}, {"/tmp/evil.txt", "x"}})
                                  << "unsafe file name";
        QTest::newRow("backslash")
            << makeZip({{"snapshot.json", snap}, {"..\\evil.txt", "x"}}) << "unsafe file name";
        QTest::newRow("drive letter")
            << makeZip({{"snapshot.json", snap}, {"C:/evil.txt", "x"}}) << "unsafe file name";
        QTest::newRow("directory entry ..")
            << makeZip({{"snapshot.json", snap}, {"../", {}, false, true}}) << "unsafe file name";
        QTest::newRow("symlink") << makeZip({{"snapshot.json", snap},
                                             {"charts/link", "/etc/passwd", true}})
                                 << "symbolic link";
        QTest::newRow("no snapshot")
            << makeZip({{"README.md", "hello"}}) << "holds no snapshot.json";
        QTest::newRow("not json") << makeZip({{"snapshot.json", "{not json"}}) << "snapshot.json";
        QTest::newRow("not a zip")
            << QByteArray("PK\x03\x04 garbage garbage garbage") << "not a readable zip file";
    }
    void maliciousZips() {
        QFETCH(QByteArray, zip);
        QFETCH(QString, sentence);
        QTemporaryDir tmp;
        const QString path = tmp.filePath(QStringLiteral("in/evil.zip"));
        QVERIFY(QDir().mkpath(tmp.filePath(QStringLiteral("in"))));
        writeFile(path, zip);
        for (const Bundle& b : {BundleReader::open(path),
                                BundleReader::openZipData(zip, QStringLiteral("evil.zip"))}) {
            QVERIFY2(!b.ok(), "a malicious zip was opened");
            QVERIFY2(b.error.contains(sentence), qPrintable(b.error));
            QVERIFY(!b.snapshot);
        }
        // Nothing was written anywhere near.
        QCOMPARE(entriesOf(tmp.path()), QStringList{QStringLiteral("in")});
        QCOMPARE(entriesOf(tmp.filePath(QStringLiteral("in"))),
                 QStringList{QStringLiteral("evil.zip")});
        QVERIFY(!QFile::exists(QStringLiteral("/tmp/evil.txt")));
    }

    void zipBombs() {
        BundleLimits limits;
        limits.maxFileBytes = 1 << 20;
        limits.maxTotalBytes = 3 << 20;
        limits.maxEntries = 50;
        const QByteArray snap = validSnapshotJson();
        const QByteArray zeros(4 << 20, '\0');

        // Honest header: refused before reading.
        QByteArray honest = makeZip({{"snapshot.json", snap}, {"bomb.bin", zeros}});
        QVERIFY(honest.size() < 100 * 1024); // 4 MiB of zeros compress to almost nothing
        Bundle b = BundleReader::openZipData(honest, QStringLiteral("bomb.zip"), limits);
        QVERIFY2(b.error.contains(QLatin1String("bomb.bin in bomb.zip expands beyond 1 MiB")),
                 qPrintable(b.error));

        // Lying header (claims 100 bytes): refused while reading, by counting.
        QByteArray liar = makeZip({{"bomb.bin", zeros}, {"snapshot.json", snap}});
        lieAboutSize(liar, 100);
        b = BundleReader::openZipData(liar, QStringLiteral("liar.zip"), limits);
        QVERIFY(!b.ok());
        QVERIFY2(b.error.contains(QLatin1String("possible zip bomb")) ||
                     b.error.contains(QLatin1String("damaged or truncated")),
                 qPrintable(b.error));

        // Many entries each under the cap, too much in all.
        std::vector<Entry> many{{"snapshot.json", snap}};
        for (int i = 0; i < 5; ++i)
            many.push_back({"part" + std::to_string(i), QByteArray(900 * 1024, 'a')});
        b = BundleReader::openZipData(makeZip(many), QStringLiteral("many.zip"), limits);
        QVERIFY2(b.error.contains(QLatin1String("expand beyond 3 MiB in all")),
                 qPrintable(b.error));

        // Too many entries.
        std::vector<Entry> count{{"snapshot.json", snap}};
        for (int i = 0; i < 60; ++i)
            count.push_back({"e" + std::to_string(i), "x"});
        b = BundleReader::openZipData(makeZip(count), QStringLiteral("count.zip"), limits);
        QVERIFY2(b.error.contains(QLatin1String("more than 50 entries")), qPrintable(b.error));
    }

    void hugeAndDeepJson() {
        BundleLimits limits;
        limits.maxJsonBytes = 1 << 20;
        QByteArray huge = validSnapshotJson();
        huge.insert(1, "\"padding\": \"" + QByteArray(2 << 20, 'x') + "\",");
        Bundle b = BundleReader::openZipData(makeZip({{"snapshot.json", huge}}),
                                             QStringLiteral("huge.zip"), limits);
        QVERIFY2(b.error.contains(QLatin1String("snapshot.json is larger than 1 MiB")),
                 qPrintable(b.error));

        const QByteArray deep = QByteArray(100000, '[') + QByteArray(100000, ']');
        b = BundleReader::openZipData(makeZip({{"snapshot.json", deep}}),
                                      QStringLiteral("deep.zip"));
        QVERIFY2(b.error.contains(QLatin1String("nested deeper than 64 levels")),
                 qPrintable(b.error));

        // Brackets inside strings do not count.
        QCOMPARE(jsonNestingDepth("{\"a\": \"[[[[\\\"[[\", \"b\": [1]}", 100), 2);
    }

    void symlinkInDirectory() {
        QTemporaryDir tmp;
        const QString dir = tmp.filePath(QStringLiteral("b"));
        QVERIFY(BundleWriter::write(fixtureInput(), dir).ok());
        QVERIFY(QFile::link(QStringLiteral("/etc/passwd"), dir + QStringLiteral("/passwd")));
        const Bundle b = BundleReader::open(dir);
        QVERIFY(!b.ok());
        QVERIFY2(b.error.contains(QLatin1String("symbolic link \"passwd\"")), qPrintable(b.error));
    }

    void singleSnapshotOpensUnverified() {
        QTemporaryDir tmp;
        const QString path = tmp.filePath(QStringLiteral("snapshot.json"));
        writeFile(path, validSnapshotJson());
        const Bundle b = BundleReader::open(path);
        QVERIFY2(b.ok(), qPrintable(b.error));
        QVERIFY(!b.verified());
        QVERIFY(b.verification.contains(QLatin1String("There is no manifest.json")));
        QCOMPARE(json(*b.snapshot), json(fixture::snapshot()));
    }

    void unwritableTargets() {
        QTemporaryDir tmp;
        const QString file = tmp.filePath(QStringLiteral("plain-file"));
        writeFile(file, "x");
        for (const QString& path : {file + QStringLiteral("/b.zip"), file + QStringLiteral("/b")}) {
            const BundleWriteResult w = BundleWriter::write(fixtureInput(), path);
            QVERIFY(!w.ok());
            QVERIFY2(w.error.contains(QLatin1String("Cannot create the directory")),
                     qPrintable(w.error));
        }
        // A non-empty directory is never written into.
        const QString full = tmp.filePath(QStringLiteral("full"));
        QVERIFY(QDir().mkpath(full));
        writeFile(full + QStringLiteral("/keep.txt"), "mine");
        BundleWriteResult w = BundleWriter::write(fixtureInput(), full);
        QVERIFY2(w.error.contains(QLatin1String("exists and is not empty")), qPrintable(w.error));
        QCOMPARE(entriesOf(full), QStringList{QStringLiteral("keep.txt")});
        // An empty one is replaced by the bundle.
        const QString empty = tmp.filePath(QStringLiteral("empty"));
        QVERIFY(QDir().mkpath(empty));
        w = BundleWriter::write(fixtureInput(), empty);
        QVERIFY2(w.ok(), qPrintable(w.error));
        QVERIFY(BundleReader::open(empty).verified());
        // A directory named like a zip.
        QVERIFY(QDir().mkpath(tmp.filePath(QStringLiteral("d.zip"))));
        w = BundleWriter::write(fixtureInput(), tmp.filePath(QStringLiteral("d.zip")));
        QVERIFY2(w.error.contains(QLatin1String("is a directory")), qPrintable(w.error));
    }

    void injectedFullDisk_data() {
        QTest::addColumn<QString>("name");
        QTest::addColumn<qint64>("failAfter");
        QTest::newRow("zip, at once") << "b.zip" << qint64(0);
        QTest::newRow("zip, part-way") << "b.zip" << qint64(5000);
        QTest::newRow("directory, at once") << "b" << qint64(0);
        QTest::newRow("directory, part-way") << "b" << qint64(20000);
    }
    void injectedFullDisk() {
        QFETCH(QString, name);
        QFETCH(qint64, failAfter);
        QTemporaryDir tmp;
        BundleWriteOptions options;
        options.failAfterBytesForTesting = failAfter;
        const BundleWriteResult w =
            BundleWriter::write(fixtureInput(), tmp.filePath(name), options);
        QVERIFY(!w.ok());
        QVERIFY2(w.error.contains(QLatin1String("No space left on device")), qPrintable(w.error));
        QVERIFY2(w.error.contains(QLatin1String("Nothing was left under")), qPrintable(w.error));
        QCOMPARE(entriesOf(tmp.path()), QStringList()); // no bundle, no temporary left-overs
    }

    void realFullDisk() {
        QTemporaryDir tmp;
        const QString mountPoint = tmp.filePath(QStringLiteral("small"));
        QVERIFY(QDir().mkpath(mountPoint));
        if (QProcess::execute(QStringLiteral("mount"),
                              {QStringLiteral("-t"), QStringLiteral("tmpfs"), QStringLiteral("-o"),
                               QStringLiteral("size=64k"), QStringLiteral("tmpfs"), mountPoint}) !=
            0)
            QSKIP("cannot mount a 64 KiB tmpfs here (needs root); the injected test covers it");
        BundleInput in = fixtureInput();
        in.attachments.push_back({"charts/big.png", QByteArray(256 * 1024, 'z')}); // stored
        const BundleWriteResult zip =
            BundleWriter::write(in, mountPoint + QStringLiteral("/b.zip"));
        const BundleWriteResult dir = BundleWriter::write(in, mountPoint + QStringLiteral("/b"));
        const QStringList left = entriesOf(mountPoint);
        QProcess::execute(QStringLiteral("umount"), {mountPoint});
        QVERIFY(!zip.ok());
        QVERIFY2(zip.error.contains(QLatin1String("No space left on device")),
                 qPrintable(zip.error));
        QVERIFY(!dir.ok());
        QVERIFY2(dir.error.contains(QLatin1String("No space left on device")),
                 qPrintable(dir.error));
        QCOMPARE(left, QStringList());
    }

    // Choosing the statements: by time, explainable texts only, merged by id and database.
    void planTargets() {
        Snapshot s = fixture::snapshot();
        StatementStat commit = fixture::statement(9, 99999.0, 5000, "COMMIT");
        s.statements.push_back(commit);
        StatementStat again = s.statements[1]; // the same statement of another user
        again.user = "batch";
        again.totalTimeMs = 50000;
        s.statements.push_back(again);
        const auto targets = choosePlanTargets(s, 2);
        QCOMPARE(targets.size(), std::size_t(2));
        QCOMPARE(targets[0].id, s.statements[1].id); // 9,120.5 + 50,000 ms
        QCOMPARE(targets[0].totalTimeMs, 59120.5);
        QCOMPARE(targets[0].rank, 1);
        QCOMPARE(targets[1].id, s.statements[0].id);
        double sum = 0;
        for (const StatementStat& st : s.statements)
            sum += st.totalTimeMs;
        QCOMPARE(targets[0].share, 59120.5 / sum);
        QCOMPARE(planFileStem(targets[1]), "plans/02-" + s.statements[0].id);
        PlanTarget odd;
        odd.rank = 3;
        odd.id = "a/b\\..c d";
        QCOMPARE(planFileStem(odd), std::string("plans/03-abcd"));
        QVERIFY(isSafeBundlePath(planFileStem(odd) + ".json"));
    }

    void mysqlDigestParens_data() {
        QTest::addColumn<QString>("digest");
        QTest::addColumn<QString>("explained");
        QTest::newRow("count") << "SELECT COUNT ( * ) FROM `t` WHERE `v` = ?"
                               << "SELECT COUNT( * ) FROM `t` WHERE `v` = ?";
        QTest::newRow("lower case, several") << "SELECT sum (a), max  (b), coalesce (c) FROM t"
                                             << "SELECT sum(a), max(b), coalesce (c) FROM t";
        QTest::newRow("quoted and qualified stay")
            << "SELECT 'count (' , `sum` (1), db.max (x) /* min ( */ FROM t"
            << "SELECT 'count (' , `sum` (1), db.max (x) /* min ( */ FROM t";
        QTest::newRow("in and values") << "SELECT * FROM t WHERE a IN (...) AND b = CAST (? AS "
                                          "CHAR)"
                                       << "SELECT * FROM t WHERE a IN (...) AND b = CAST(? AS "
                                          "CHAR)";
    }
    void mysqlDigestParens() {
        QFETCH(QString, digest);
        QFETCH(QString, explained);
        QCOMPARE(QString::fromStdString(plans::joinMysqlFunctionParens(digest.toStdString())),
                 explained);
    }

    void mysqlDigestTables() {
        QCOMPARE(plans::lowerMysqlKeywordTables(
                     "SELECT ID , NAME FROM EVENTS JOIN `ORDERS` o WHERE x IN ( SELECT 1 FROM "
                     "Status ) AND 'FROM EVENTS' = ?"),
                 std::string("SELECT ID , NAME FROM events JOIN `ORDERS` o WHERE x IN ( SELECT 1 "
                             "FROM Status ) AND 'FROM EVENTS' = ?"));
        QCOMPARE(plans::lowerMysqlKeywordTables("INSERT INTO EVENTS ( kind ) VALUES ( ? )"),
                 std::string("INSERT INTO events ( kind ) VALUES ( ? )"));
        QCOMPARE(plans::lowerMysqlKeywordTables("UPDATE db.EVENTS SET a = ?"),
                 std::string("UPDATE db.EVENTS SET a = ?"));
    }

    // A recorded generic plan becomes plans/NN-<id>.json (untouched) and .txt (statement,
    // notes, tree, insights), summed up in README and manifest; the reader gives it back with
    // its text and summary.
    void explainedPlanInTheBundle() {
        QFile recorded(qEnvironmentVariable("DBTRIAGE_TEST_DATA", QStringLiteral("tests/data")) +
                       QStringLiteral("/plans/pg-seq-scan-filter-estimate.json"));
        QVERIFY(recorded.open(QIODevice::ReadOnly));
        const QByteArray planJson = recorded.readAll();
        BundleInput in = fixtureInput();
        const auto targets = choosePlanTargets(in.snapshot, 2);
        QCOMPARE(targets.size(), std::size_t(2));
        BundlePlans plans;
        ExplainResult r;
        r.plan = planJson.toStdString();
        r.dialect = "postgres-json";
        r.genericPlan = true;
        r.explained = targets[0].text;
        r.notes = {"Generic plan: planned without parameter values."};
        addExplainedPlan(targets[0], r, in.snapshot.server, true, plans);
        PlanSummary failed;
        failed.rank = 2;
        failed.statementId = targets[1].id;
        failed.error = "canceling statement due to lock timeout";
        plans.summaries.push_back(failed);
        QCOMPARE(plans.failed(), 1);
        addPlansToBundle(plans, 2, in);
        QCOMPARE(in.collection.explainTopRequested, 2);

        QTemporaryDir tmp;
        const QString path = tmp.filePath(QStringLiteral("plans.zip"));
        const BundleWriteResult w = BundleWriter::write(in, path);
        QVERIFY2(w.ok(), qPrintable(w.error));
        const Bundle b = BundleReader::open(path);
        QVERIFY2(b.verified(), qPrintable(b.verification));
        const std::string stem = "plans/01-" + targets[0].id;
        QCOMPARE(b.files.at(stem + ".json"), planJson.endsWith('\n') ? planJson : planJson + '\n');
        const QByteArray txt = b.files.at(stem + ".txt");
        QVERIFY2(txt.startsWith("Plan from postgresql 15.4"), txt.constData());
        QVERIFY(txt.contains("generic plan (no parameter values)"));
        QVERIFY(txt.contains(QByteArray("Statement: ") + targets[0].text.c_str()));
        QVERIFY(txt.contains("Note: Generic plan"));
        QVERIFY(txt.contains("Seq Scan on orders"));
        QVERIFY(txt.contains("seq-scan-estimated"));
        QVERIFY(!txt.contains("Explained as:"));
        // Both files are in the manifest with their checksums.
        int listed = 0;
        for (const ManifestFile& f : b.manifest.files)
            listed += f.path == stem + ".json" || f.path == stem + ".txt";
        QCOMPARE(listed, 2);
        QCOMPARE(b.manifest.collection.plans.size(), std::size_t(2));
        QCOMPARE(b.manifest.collection.plans[0].insights.front().code,
                 std::string("seq-scan-estimated"));
        QCOMPARE(b.manifest.collection.plans[0].insights.front().node,
                 std::string("Seq Scan on orders"));
        const QByteArray readme = b.files.at("README.md");
        QVERIFY(readme.contains("## Plans (1)"));
        QVERIFY(readme.contains(QByteArray("`") + stem.c_str() + ".txt`"));
        QVERIFY(readme.contains("not explained: canceling statement due to lock timeout"));
        QVERIFY(readme.contains("an execution plan as the engine printed it (JSON)"));

        const auto entries = bundlePlanEntries(b);
        QCOMPARE(entries.size(), std::size_t(1));
        QCOMPARE(entries[0].jsonPath, QString::fromStdString(stem + ".json"));
        QCOMPARE(entries[0].text, txt);
        QCOMPARE(entries[0].summary.statementId, targets[0].id);
        QCOMPARE(entries[0].statement, QString::fromStdString(targets[0].text));
        QCOMPARE(bundlePlanFailures(b).size(), std::size_t(1));
        QCOMPARE(bundlePlans(b).size(), std::size_t(1));

        // A tampered plan file is caught like any other file.
        std::vector<BundleFile> files;
        for (const auto& [p, data] : b.files)
            files.push_back({p, p == stem + ".json" ? data + " " : data});
        QByteArray changed;
        QVERIFY(BundleWriter::zipFiles(files, 0, 6, &changed).isEmpty());
        const Bundle t = BundleReader::openZipData(changed, QStringLiteral("changed.zip"));
        QVERIFY(t.ok() && !t.verified());
        QVERIFY2(t.verification.contains(QString::fromStdString(stem + ".json")),
                 qPrintable(t.verification));
    }
};

QTEST_GUILESS_MAIN(TestBundleIo)
#include "tst_bundle_io.moc"
