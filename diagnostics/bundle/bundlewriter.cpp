#include "bundle/bundlewriter.h"

#include "bundle/csv.h"
#include "bundle/sampledelta.h"
#include "bundle/ticket.h"
#include "snapshot_json.h"
#include "snapshot_writer.h"
#include "timefmt.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QTemporaryDir>
#include <algorithm>
#include <cerrno>
#include <cstring>
#include <future>
#include <iterator>
#include <map>
#include <set>
#include <thread>
#include <unistd.h>
#include <zip.h>

#ifndef DBTRIAGE_VERSION
#define DBTRIAGE_VERSION "0"
#endif

namespace dbt {

namespace {

QByteArray bytes(const std::string& s) {
    return QByteArray(s.data(), static_cast<qsizetype>(s.size()));
}

QString q(const std::string& s) {
    return QString::fromStdString(s);
}

bool isReservedPath(const std::string& path) {
    static const std::set<std::string> reserved = {
        "README.md",      "summary.jira.txt", "snapshot.json", "sessions.csv",
        "statements.csv", "lock_waits.csv",   "settings.json", "manifest.json"};
    return reserved.count(path) > 0 || path.rfind("samples/", 0) == 0;
}

// Writes through a byte budget so that tests can simulate a full disk.
class Sink {
public:
    explicit Sink(qint64 failAfter)
        : left_(failAfter) {}
    // Returns "" or the error text of the device (or of the simulated full disk).
    QString write(QFileDevice& device, const QByteArray& data) {
        qint64 done = 0;
        constexpr qint64 kChunk = 1 << 20;
        while (done < data.size()) {
            qint64 n = std::min<qint64>(kChunk, data.size() - done);
            if (left_ >= 0) {
                if (left_ == 0)
                    return QString::fromLocal8Bit(std::strerror(ENOSPC));
                n = std::min(n, left_);
                left_ -= n;
            }
            const qint64 written = device.write(data.constData() + done, n);
            if (written <= 0)
                return device.errorString();
            done += written;
        }
        return {};
    }

private:
    qint64 left_;
};

QString sha256Hex(const QByteArray& data) {
    return QString::fromLatin1(QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex());
}

struct ZipCloser {
    zip_t* za = nullptr;
    zip_source_t* source = nullptr;
    ~ZipCloser() {
        if (za)
            zip_discard(za);
        if (source)
            zip_source_free(source);
    }
};

QString writeZip(const std::vector<BundleFile>& files, const QString& path, Micros mtime,
                 const BundleWriteOptions& options, qint64* size) {
    QByteArray zipped;
    const QString zipError =
        BundleWriter::zipFiles(files, mtime, options.zipCompressionLevel, &zipped);
    if (!zipError.isEmpty())
        return zipError;
    QSaveFile file(path);
    file.setDirectWriteFallback(false); // never write in place
    if (!file.open(QIODevice::WriteOnly))
        return QCoreApplication::translate("BundleWriter",
                                           "Cannot write %1: %2. Choose a place you can write to.")
            .arg(path, file.errorString());
    Sink sink(options.failAfterBytesForTesting);
    QString error = sink.write(file, zipped);
    if (error.isEmpty() && !file.commit())
        error = file.errorString();
    if (!error.isEmpty()) {
        file.cancelWriting();
        return QCoreApplication::translate(
                   "BundleWriter", "Writing %1 failed: %2. Nothing was left under that name; free "
                                   "some space or choose another place.")
            .arg(path, error);
    }
    *size = zipped.size();
    return {};
}

QString writeDirectory(const std::vector<BundleFile>& files, const QString& path,
                       const BundleWriteOptions& options, qint64* size) {
    const QFileInfo target(path);
    const QString parent = target.absolutePath();
    const QString name = target.fileName();
    if (target.exists()) {
        if (!target.isDir() || target.isSymLink())
            return QCoreApplication::translate(
                       "BundleWriter", "%1 exists and is not a directory. Name a new directory, or "
                                       "a file ending in .zip.")
                .arg(path);
        if (!QDir(path).isEmpty(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden |
                                QDir::System))
            return QCoreApplication::translate(
                       "BundleWriter", "%1 exists and is not empty. Name a new directory (dbtriage "
                                       "never writes into one that holds other files).")
                .arg(path);
    }
    QTemporaryDir tmp(parent + QStringLiteral("/.") + name + QStringLiteral(".partial-XXXXXX"));
    if (!tmp.isValid())
        return QCoreApplication::translate(
                   "BundleWriter", "Cannot write in %1: %2. Choose a place you can write to.")
            .arg(parent, tmp.errorString());
    Sink sink(options.failAfterBytesForTesting);
    qint64 total = 0;
    for (const BundleFile& f : files) {
        const QString rel = q(f.path);
        const QString full = tmp.filePath(rel);
        const QString dir = QFileInfo(full).absolutePath();
        if (!QDir().mkpath(dir))
            return QCoreApplication::translate("BundleWriter",
                                               "Cannot create %1 in %2. Nothing was left under %3.")
                .arg(QFileInfo(rel).path(), parent, path);
        QFile out(full);
        if (!out.open(QIODevice::WriteOnly | QIODevice::NewOnly))
            return QCoreApplication::translate("BundleWriter",
                                               "Cannot write %1: %2. Nothing was left under %3.")
                .arg(rel, out.errorString(), path);
        QString error = sink.write(out, f.data);
        if (error.isEmpty() && !out.flush())
            error = out.errorString();
        if (error.isEmpty() && ::fsync(out.handle()) != 0)
            error = QString::fromLocal8Bit(std::strerror(errno));
        out.close();
        if (error.isEmpty() && out.error() != QFileDevice::NoError)
            error = out.errorString();
        if (!error.isEmpty())
            return QCoreApplication::translate(
                       "BundleWriter",
                       "Writing %1 failed: %2. Nothing was left under %3; free some "
                       "space or choose another place.")
                .arg(rel, error, path);
        total += f.data.size();
    }
    if (target.exists() && !QDir().rmdir(path))
        return QCoreApplication::translate(
                   "BundleWriter", "Cannot replace the empty directory %1. Name a new directory.")
            .arg(path);
    if (!QDir().rename(tmp.path(), path))
        return QCoreApplication::translate(
                   "BundleWriter",
                   "Cannot rename the finished bundle to %1. Nothing was left under "
                   "that name.")
            .arg(path);
    tmp.setAutoRemove(false);
    // QTemporaryDir made it private (0700); a bundle is as readable as any new directory.
    QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                    QFileDevice::ExeOwner | QFileDevice::ReadGroup |
                                    QFileDevice::ExeGroup | QFileDevice::ReadOther |
                                    QFileDevice::ExeOther);
    *size = total;
    return {};
}

// One file's text with its SHA-256 (hex), hashed where it was composed.
struct HashedText {
    QByteArray data;
    std::string sha256;
};

// Samples as compact JSON, each after the first a delta of the one before it (sampledelta.h:
// 30 samples of a busy server stay a few MB), written straight from the Snapshots
// (snapshot_writer.h: no JSON documents are built). Contiguous runs of samples go to up to
// hardware_concurrency() threads, which hash them too. Nothing for a single sample
// (snapshot.json holds it).
std::vector<std::future<std::vector<HashedText>>>
composeSamples(const std::vector<SnapshotPtr>& samples) {
    std::vector<std::future<std::vector<HashedText>>> work;
    const std::size_t count = samples.size();
    if (count < 2)
        return work;
    const std::size_t threads = std::clamp<std::size_t>(std::thread::hardware_concurrency(), 1, 8);
    const std::size_t runs = std::min(threads, (count + 3) / 4);
    const std::size_t per = (count + runs - 1) / runs;
    for (std::size_t from = 0; from < count; from += per) {
        const std::size_t to = std::min(count, from + per);
        work.push_back(std::async(std::launch::async, [&samples, from, to] {
            std::vector<HashedText> texts;
            for (std::size_t k = from; k < to; ++k) {
                HashedText t;
                t.data = bytes(sampleJsonText(*samples[k], k > 0 ? samples[k - 1].get() : nullptr) +
                               '\n');
                t.sha256 = sha256Hex(t.data).toStdString();
                texts.push_back(std::move(t));
            }
            return texts;
        }));
    }
    return work;
}

} // namespace

std::vector<BundleFile> BundleWriter::compose(const BundleInput& in, Manifest* manifestOut) {
    const Snapshot& s = in.snapshot;
    CollectionInfo collection = in.collection;
    if (in.samples.size() > 1)
        collection.samples = static_cast<int>(in.samples.size());
    collection.requestedSamples = std::max(collection.requestedSamples, 1);
    if (collection.firstAt == 0)
        collection.firstAt = in.samples.empty() ? s.collectedAt : in.samples.front()->collectedAt;
    if (collection.lastAt == 0)
        collection.lastAt = s.collectedAt;

    // The samples (the bulk of the work) on worker threads while this thread writes the rest.
    std::vector<std::future<std::vector<HashedText>>> sampleWork = composeSamples(in.samples);

    std::vector<BundleFile> files;
    files.push_back({"README.md", {}});
    files.push_back({"summary.jira.txt", {}});
    files.push_back({"snapshot.json", bytes(snapshotJsonText(s) + '\n')});
    const std::size_t samplesAt = files.size();
    files.push_back({"sessions.csv", bytes(sessionsCsv(s))});
    files.push_back({"statements.csv", bytes(statementsCsv(s))});
    files.push_back({"lock_waits.csv", bytes(lockWaitsCsv(s))});
    files.push_back({"settings.json", bytes(dumpJson(settingsToJson(s)) + '\n')});
    std::vector<BundleFile> sampleFiles;
    std::map<std::string, std::string> hashes; // of the samples, by path
    int n = 0;
    for (auto& part : sampleWork) {
        for (HashedText& text : part.get()) {
            char name[32];
            std::snprintf(name, sizeof name, "samples/%04d.json", ++n);
            hashes[name] = std::move(text.sha256);
            sampleFiles.push_back({name, std::move(text.data)});
        }
    }
    files.insert(files.begin() + static_cast<std::ptrdiff_t>(samplesAt),
                 std::make_move_iterator(sampleFiles.begin()),
                 std::make_move_iterator(sampleFiles.end()));
    std::set<std::string> taken;
    for (const BundleFile& f : files)
        taken.insert(f.path);
    for (const BundleAttachment& a : in.attachments) {
        if (!isSafeBundlePath(a.path) || isReservedPath(a.path) || !taken.insert(a.path).second)
            continue;
        files.push_back({a.path, a.data});
    }

    TicketContext ticket;
    ticket.collection = collection;
    ticket.toolVersion = DBTRIAGE_VERSION;
    for (const BundleFile& f : files)
        ticket.files.push_back(f.path);
    ticket.files.push_back("manifest.json");
    files[0].data = bytes(renderReadmeMarkdown(s, ticket));
    files[1].data = bytes(renderJiraSummary(s, ticket));

    Manifest manifest;
    manifest.toolVersion = DBTRIAGE_VERSION;
    manifest.createdAt = in.createdAt ? in.createdAt : nowMicros();
    manifest.server = s.server;
    manifest.collection = collection;
    manifest.redacted = s.redacted;
    for (const BundleFile& f : files) {
        const auto hashed = hashes.find(f.path);
        manifest.files.push_back(
            {f.path, f.data.size(),
             hashed != hashes.end() ? hashed->second : sha256Hex(f.data).toStdString()});
    }
    std::sort(manifest.files.begin(), manifest.files.end(),
              [](const ManifestFile& a, const ManifestFile& b) { return a.path < b.path; });
    files.push_back({"manifest.json", bytes(dumpJson(manifestToJson(manifest)) + '\n')});
    if (manifestOut)
        *manifestOut = std::move(manifest);
    return files;
}

namespace {

bool isPng(const std::string& path) {
    return path.size() > 4 && path.compare(path.size() - 4, 4, ".png") == 0;
}

// Where the data of one zip entry comes from: the file itself (deflated by zip_close), or an
// entry of an archive deflated on another thread, copied as it is (zip_source_zip with the
// whole entry does not decompress it; zip_close does not recompress deflate into deflate).
struct EntrySource {
    const BundleFile* file = nullptr;
    zip_t* archive = nullptr;
    zip_uint64_t index = 0;
};

// The bytes of a zip of `entries`. Returns an error sentence or "".
QString zipEntries(const std::vector<EntrySource>& entries, Micros mtime, int level,
                   QByteArray* out) {
    zip_error_t error;
    zip_error_init(&error);
    ZipCloser z;
    z.source = zip_source_buffer_create(nullptr, 0, 0, &error);
    if (z.source)
        z.za = zip_open_from_source(z.source, ZIP_TRUNCATE, &error);
    if (!z.za) {
        const QString why = QString::fromUtf8(zip_error_strerror(&error));
        zip_error_fini(&error);
        return QCoreApplication::translate("BundleWriter", "Cannot create the zip archive: %1.")
            .arg(why);
    }
    zip_error_fini(&error);
    zip_source_keep(z.source); // it stays ours after zip_close
    const time_t seconds = static_cast<time_t>(mtime / 1000000);
    for (const EntrySource& e : entries) {
        const BundleFile& f = *e.file;
        zip_source_t* data = e.archive
                                 ? zip_source_zip(z.za, e.archive, e.index, 0, 0, -1)
                                 : zip_source_buffer(z.za, f.data.constData(),
                                                     static_cast<zip_uint64_t>(f.data.size()), 0);
        const zip_int64_t index =
            data ? zip_file_add(z.za, f.path.c_str(), data, ZIP_FL_ENC_UTF_8) : -1;
        if (index < 0) {
            if (data)
                zip_source_free(data);
            return QCoreApplication::translate("BundleWriter",
                                               "Cannot add %1 to the zip archive: %2.")
                .arg(q(f.path), QString::fromUtf8(zip_strerror(z.za)));
        }
        const auto idx = static_cast<zip_uint64_t>(index);
        const bool stored = isPng(f.path);
        if (zip_set_file_compression(z.za, idx, stored ? ZIP_CM_STORE : ZIP_CM_DEFLATE,
                                     stored ? 0 : static_cast<zip_uint32_t>(level)) < 0 ||
            zip_file_set_mtime(z.za, idx, seconds, 0) < 0 ||
            zip_file_set_external_attributes(z.za, idx, 0, ZIP_OPSYS_UNIX, 0100644u << 16) < 0)
            return QCoreApplication::translate("BundleWriter",
                                               "Cannot set up %1 in the zip archive: %2.")
                .arg(q(f.path), QString::fromUtf8(zip_strerror(z.za)));
    }
    if (zip_close(z.za) < 0)
        return QCoreApplication::translate("BundleWriter", "Cannot compress the bundle: %1.")
            .arg(QString::fromUtf8(zip_strerror(z.za)));
    z.za = nullptr;

    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_source_stat(z.source, &st) < 0 || zip_source_open(z.source) < 0)
        return QCoreApplication::translate("BundleWriter",
                                           "Cannot read back the compressed bundle.");
    out->resize(static_cast<qsizetype>(st.size));
    const zip_int64_t n = zip_source_read(z.source, out->data(), st.size);
    zip_source_close(z.source);
    if (n < 0 || static_cast<zip_uint64_t>(n) != st.size)
        return QCoreApplication::translate("BundleWriter",
                                           "Cannot read back the compressed bundle.");
    return {};
}

struct ZipReader {
    zip_t* za = nullptr;
    ~ZipReader() {
        if (za)
            zip_discard(za);
    }
};

} // namespace

QString BundleWriter::zipFiles(const std::vector<BundleFile>& files, Micros mtime, int level,
                               QByteArray* out) {
    // Deflate is the bulk of the work: above a few MB, contiguous runs of files are deflated
    // into archives of their own on up to hardware_concurrency() threads, and the final
    // archive copies their compressed entries in the original order.
    constexpr qint64 kParallelFrom = 4 << 20;
    qint64 deflated = 0;
    for (const BundleFile& f : files)
        deflated += isPng(f.path) ? 0 : f.data.size();
    const std::size_t threads = std::clamp<std::size_t>(std::thread::hardware_concurrency(), 1, 4);
    std::vector<EntrySource> entries;
    for (const BundleFile& f : files)
        entries.push_back({&f, nullptr, 0});
    if (threads < 2 || deflated < kParallelFrom || files.size() < 2)
        return zipEntries(entries, mtime, level, out);

    // Runs of about equal deflated size; PNGs are stored, so they stay with the final archive.
    std::vector<std::vector<EntrySource>> runs(1);
    qint64 inRun = 0;
    const qint64 perRun =
        (deflated + static_cast<qint64>(threads) - 1) / static_cast<qint64>(threads);
    std::vector<std::pair<std::size_t, zip_uint64_t>> placed(files.size(), {0, 0}); // run, index
    std::vector<bool> inRuns(files.size(), false);
    for (std::size_t i = 0; i < files.size(); ++i) {
        if (isPng(files[i].path))
            continue;
        if (inRun >= perRun && runs.size() < threads) {
            runs.emplace_back();
            inRun = 0;
        }
        placed[i] = {runs.size() - 1, static_cast<zip_uint64_t>(runs.back().size())};
        inRuns[i] = true;
        runs.back().push_back({&files[i], nullptr, 0});
        inRun += files[i].data.size();
    }
    std::vector<std::future<std::pair<QString, QByteArray>>> work;
    for (const std::vector<EntrySource>& run : runs) {
        work.push_back(std::async(std::launch::async, [&run, mtime, level] {
            std::pair<QString, QByteArray> r;
            r.first = zipEntries(run, mtime, level, &r.second);
            return r;
        }));
    }
    std::vector<std::pair<QString, QByteArray>> parts;
    for (auto& w : work)
        parts.push_back(w.get());
    std::vector<ZipReader> readers(parts.size());
    for (std::size_t r = 0; r < parts.size(); ++r) {
        if (!parts[r].first.isEmpty())
            return parts[r].first;
        zip_error_t error;
        zip_error_init(&error);
        zip_source_t* source =
            zip_source_buffer_create(parts[r].second.constData(),
                                     static_cast<zip_uint64_t>(parts[r].second.size()), 0, &error);
        if (source) {
            readers[r].za = zip_open_from_source(source, ZIP_RDONLY, &error);
            if (!readers[r].za)
                zip_source_free(source);
        }
        const QString why = QString::fromUtf8(zip_error_strerror(&error));
        zip_error_fini(&error);
        if (!readers[r].za)
            return QCoreApplication::translate("BundleWriter", "Cannot compress the bundle: %1.")
                .arg(why);
    }
    for (std::size_t i = 0; i < files.size(); ++i) {
        if (inRuns[i])
            entries[i] = {&files[i], readers[placed[i].first].za, placed[i].second};
    }
    return zipEntries(entries, mtime, level, out);
}

BundleWriteResult BundleWriter::write(const BundleInput& input, const QString& path,
                                      const BundleWriteOptions& options) {
    BundleWriteResult result;
    result.path = path;
    if (path.isEmpty()) {
        result.error =
            QCoreApplication::translate("BundleWriter", "No path was given for the bundle.");
        return result;
    }
    result.zip = path.endsWith(QLatin1String(".zip"), Qt::CaseInsensitive);
    const QFileInfo target(path);
    const QString parent = target.absolutePath();
    if (!QFileInfo(parent).isDir() && !QDir().mkpath(parent)) {
        result.error = QCoreApplication::translate(
                           "BundleWriter", "Cannot create the directory %1. Check the path and its "
                                           "permissions.")
                           .arg(parent);
        return result;
    }
    if (result.zip && target.isDir()) {
        result.error = QCoreApplication::translate("BundleWriter",
                                                   "%1 is a directory. Name a file ending in .zip.")
                           .arg(path);
        return result;
    }

    std::vector<BundleFile> files = compose(input, &result.manifest);
    result.files = static_cast<int>(files.size());
    if (result.zip)
        result.error = writeZip(files, path, result.manifest.createdAt, options, &result.bytes);
    else
        result.error = writeDirectory(files, path, options, &result.bytes);
    return result;
}

} // namespace dbt
