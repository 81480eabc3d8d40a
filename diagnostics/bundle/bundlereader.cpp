#include "bundle/bundlereader.h"

#include "bundle/sampledelta.h"
#include "snapshot_json.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <algorithm>
#include <set>
#include <zip.h>

namespace dbt {

namespace {

QString q(const std::string& s) {
    return QString::fromStdString(s);
}

QString mib(qint64 bytes) {
    return QString::number(static_cast<double>(bytes) / (1024.0 * 1024.0), 'f', 0) +
           QStringLiteral(" MiB");
}

// Entries read so far, with the caps applied while reading.
class Collector {
public:
    Collector(const QString& name, const BundleLimits& limits)
        : name_(name)
        , limits_(limits) {}

    // Returns a refusal sentence or "".
    QString checkName(const std::string& path) const {
        if (!isSafeBundlePath(path))
            return QCoreApplication::translate(
                       "BundleReader", "%1 holds an unsafe file name \"%2\" (absolute, \"..\", a "
                                       "drive letter or too deep); it is refused and nothing was "
                                       "extracted.")
                .arg(name_, q(path.substr(0, 120)));
        if (files_.count(path))
            return QCoreApplication::translate("BundleReader",
                                               "%1 holds \"%2\" twice; it is refused.")
                .arg(name_, q(path));
        return {};
    }

    QString tooMany() const {
        return QCoreApplication::translate(
                   "BundleReader", "%1 holds more than %2 entries; it is refused as a possible zip "
                                   "bomb.")
            .arg(name_)
            .arg(limits_.maxEntries);
    }

    QString tooLarge(const std::string& path) const {
        return QCoreApplication::translate(
                   "BundleReader",
                   "%1 in %2 expands beyond %3; the bundle is refused as a possible "
                   "zip bomb.")
            .arg(q(path), name_, mib(limits_.maxFileBytes));
    }

    QString tooLargeInAll() const {
        return QCoreApplication::translate(
                   "BundleReader", "The files of %1 expand beyond %2 in all; the bundle is refused "
                                   "as a possible zip bomb.")
            .arg(name_, mib(limits_.maxTotalBytes));
    }

    // Room left for one more file.
    qint64 room() const { return std::min(limits_.maxFileBytes, limits_.maxTotalBytes - total_); }

    void add(const std::string& path, QByteArray data) {
        total_ += data.size();
        files_.emplace(path, std::move(data));
    }

    std::map<std::string, QByteArray>& files() { return files_; }
    const QString& name() const { return name_; }
    const BundleLimits& limits() const { return limits_; }

private:
    QString name_;
    BundleLimits limits_;
    std::map<std::string, QByteArray> files_;
    qint64 total_ = 0;
};

struct ZipHandle {
    zip_t* za = nullptr;
    zip_source_t* source = nullptr; // freed only when zip_open_from_source failed
    ~ZipHandle() {
        if (za)
            zip_discard(za);
        else if (source)
            zip_source_free(source);
    }
};

// Reads every entry of an opened zip into `c`. Returns a refusal sentence or "".
QString readZipEntries(zip_t* za, Collector& c) {
    const zip_int64_t count = zip_get_num_entries(za, 0);
    if (count < 0)
        return QCoreApplication::translate("BundleReader", "%1 is not a readable zip file.")
            .arg(c.name());
    if (count > c.limits().maxEntries)
        return c.tooMany();
    std::vector<char> buffer(64 * 1024);
    for (zip_uint64_t i = 0; i < static_cast<zip_uint64_t>(count); ++i) {
        zip_stat_t st;
        zip_stat_init(&st);
        if (zip_stat_index(za, i, 0, &st) < 0 || !(st.valid & ZIP_STAT_NAME) || !st.name)
            return QCoreApplication::translate("BundleReader", "%1 has a damaged entry %2: %3.")
                .arg(c.name())
                .arg(i)
                .arg(QString::fromUtf8(zip_strerror(za)));
        std::string path = st.name;
        zip_uint8_t opsys = 0;
        zip_uint32_t attributes = 0;
        if (zip_file_get_external_attributes(za, i, 0, &opsys, &attributes) < 0)
            return QCoreApplication::translate("BundleReader", "%1 has a damaged entry \"%2\".")
                .arg(c.name(), q(path));
        const bool isDirEntry = !path.empty() && path.back() == '/';
        if (opsys == ZIP_OPSYS_UNIX) {
            const zip_uint32_t type = (attributes >> 16) & 0170000u;
            if (type == 0120000u)
                return QCoreApplication::translate(
                           "BundleReader", "%1 holds a symbolic link \"%2\"; it is refused and "
                                           "nothing was extracted.")
                    .arg(c.name(), q(path.substr(0, 120)));
            if (type != 0 && type != 0100000u && type != 0040000u)
                return QCoreApplication::translate(
                           "BundleReader",
                           "%1 holds a special file \"%2\" (not a regular file); it "
                           "is refused.")
                    .arg(c.name(), q(path.substr(0, 120)));
        }
        if (isDirEntry) {
            path.pop_back();
            const QString error = c.checkName(path);
            if (!error.isEmpty())
                return error;
            continue;
        }
        if (const QString error = c.checkName(path); !error.isEmpty())
            return error;
        if ((st.valid & ZIP_STAT_ENCRYPTION_METHOD) && st.encryption_method != ZIP_EM_NONE)
            return QCoreApplication::translate(
                       "BundleReader", "%1 holds an encrypted entry \"%2\"; dbtriage bundles are "
                                       "never encrypted.")
                .arg(c.name(), q(path));
        const qint64 room = c.room();
        // The header's size is only used to refuse early; the real size is counted below.
        if ((st.valid & ZIP_STAT_SIZE) && st.size > static_cast<zip_uint64_t>(room))
            return room < c.limits().maxFileBytes ? c.tooLargeInAll() : c.tooLarge(path);
        zip_file_t* file = zip_fopen_index(za, i, 0);
        if (!file)
            return QCoreApplication::translate("BundleReader", "%1: cannot read \"%2\": %3.")
                .arg(c.name(), q(path), QString::fromUtf8(zip_strerror(za)));
        QByteArray data;
        QString error;
        for (;;) {
            const zip_int64_t n = zip_fread(file, buffer.data(), buffer.size());
            if (n < 0) {
                error = QCoreApplication::translate(
                            "BundleReader", "%1 in %2 is damaged or truncated (%3); the bundle is "
                                            "refused.")
                            .arg(q(path), c.name(), QString::fromUtf8(zip_file_strerror(file)));
                break;
            }
            if (n == 0)
                break;
            if (data.size() + n > room) {
                error = room < c.limits().maxFileBytes ? c.tooLargeInAll() : c.tooLarge(path);
                break;
            }
            data.append(buffer.data(), static_cast<qsizetype>(n));
        }
        zip_fclose(file);
        if (!error.isEmpty())
            return error;
        c.add(path, std::move(data));
    }
    return {};
}

QString readZip(zip_source_t* source, Collector& c) {
    zip_error_t error;
    zip_error_init(&error);
    ZipHandle z;
    z.source = source;
    z.za = zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &error);
    if (!z.za) {
        const QString why = QString::fromUtf8(zip_error_strerror(&error));
        zip_error_fini(&error);
        return QCoreApplication::translate(
                   "BundleReader", "%1 is not a readable zip file (%2): it may be truncated or "
                                   "damaged, and is refused.")
            .arg(c.name(), why);
    }
    zip_error_fini(&error);
    return readZipEntries(z.za, c);
}

QString readDirectory(const QString& path, Collector& c) {
    // Absolute paths: QDir::relativeFilePath returns a relative file path unchanged.
    const QDir root(QFileInfo(path).absoluteFilePath());
    QDirIterator it(root.path(),
                    QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System,
                    QDirIterator::Subdirectories);
    int entries = 0;
    while (it.hasNext()) {
        it.next();
        const QFileInfo info = it.fileInfo();
        const std::string rel = root.relativeFilePath(info.absoluteFilePath()).toStdString();
        if (++entries > c.limits().maxEntries)
            return c.tooMany();
        if (info.isSymLink())
            return QCoreApplication::translate("BundleReader",
                                               "%1 holds a symbolic link \"%2\"; it is refused.")
                .arg(c.name(), q(rel));
        if (const QString error = c.checkName(rel); !error.isEmpty())
            return error;
        if (info.isDir())
            continue;
        if (!info.isFile())
            return QCoreApplication::translate(
                       "BundleReader", "%1 holds a special file \"%2\" (not a regular file); it is "
                                       "refused.")
                .arg(c.name(), q(rel));
        const qint64 room = c.room();
        if (info.size() > room)
            return room < c.limits().maxFileBytes ? c.tooLargeInAll() : c.tooLarge(rel);
        QFile file(info.filePath());
        if (!file.open(QIODevice::ReadOnly))
            return QCoreApplication::translate("BundleReader", "Cannot read %1: %2.")
                .arg(info.filePath(), file.errorString());
        QByteArray data = file.read(room + 1);
        if (data.size() > room)
            return room < c.limits().maxFileBytes ? c.tooLargeInAll() : c.tooLarge(rel);
        if (file.error() != QFileDevice::NoError)
            return QCoreApplication::translate("BundleReader", "Cannot read %1: %2.")
                .arg(info.filePath(), file.errorString());
        c.add(rel, std::move(data));
    }
    return {};
}

// Parses one JSON file of the bundle with the size and depth caps.
nlohmann::json parseBundleJson(const std::string& path, const QByteArray& data,
                               const BundleLimits& limits) {
    if (data.size() > limits.maxJsonBytes)
        throw FormatError(
            QCoreApplication::translate("BundleReader", "%1 is larger than %2; it is not read.")
                .arg(q(path), mib(limits.maxJsonBytes))
                .toStdString());
    if (jsonNestingDepth(data, limits.maxJsonDepth + 1) > limits.maxJsonDepth)
        throw FormatError(QCoreApplication::translate(
                              "BundleReader", "%1 is nested deeper than %2 levels; it is not read.")
                              .arg(q(path))
                              .arg(limits.maxJsonDepth)
                              .toStdString());
    try {
        return parseJson(data.toStdString());
    } catch (const FormatError& e) {
        throw FormatError(path + ": " + e.what());
    }
}

QString sha256Hex(const QByteArray& data) {
    return QString::fromLatin1(QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex());
}

void verify(Bundle& b, const BundleLimits& limits) {
    QStringList problems;
    const auto manifestIt = b.files.find("manifest.json");
    if (manifestIt == b.files.end()) {
        problems << QCoreApplication::translate(
            "BundleReader", "There is no manifest.json, so no file can be verified.");
    } else {
        try {
            b.manifest =
                manifestFromJson(parseBundleJson("manifest.json", manifestIt->second, limits));
            b.hasManifest = true;
        } catch (const FormatError& e) {
            problems << QCoreApplication::translate(
                            "BundleReader", "manifest.json cannot be read (%1), so no file can be "
                                            "verified.")
                            .arg(QString::fromUtf8(e.what()));
        }
    }
    if (b.hasManifest) {
        std::set<std::string> listed;
        for (const ManifestFile& f : b.manifest.files) {
            listed.insert(f.path);
            const QString path = q(f.path);
            const auto it = b.files.find(f.path);
            if (it == b.files.end()) {
                b.failedFiles << path;
                problems << QCoreApplication::translate(
                                "BundleReader", "%1 is listed in manifest.json but missing.")
                                .arg(path);
                continue;
            }
            const qint64 size = it->second.size();
            if (size != f.size) {
                b.failedFiles << path;
                problems << (size < f.size ? QCoreApplication::translate(
                                                 "BundleReader",
                                                 "%1 is shorter than manifest.json says (%2 of "
                                                 "%3 bytes): it was truncated.")
                                           : QCoreApplication::translate(
                                                 "BundleReader",
                                                 "%1 is longer than manifest.json says (%2, not "
                                                 "%3 bytes): it was changed."))
                                .arg(path)
                                .arg(size)
                                .arg(f.size);
                continue;
            }
            if (sha256Hex(it->second) != q(f.sha256)) {
                b.failedFiles << path;
                problems << QCoreApplication::translate(
                                "BundleReader",
                                "%1 does not match its SHA-256 in manifest.json: it "
                                "was changed after the bundle was written.")
                                .arg(path);
            }
        }
        for (const auto& [path, data] : b.files) {
            if (path != "manifest.json" && !listed.count(path)) {
                b.failedFiles << q(path);
                problems << QCoreApplication::translate(
                                "BundleReader", "%1 is not listed in manifest.json: it was added "
                                                "after the bundle was written.")
                                .arg(q(path));
            }
        }
    }
    if (problems.isEmpty()) {
        b.verifiedFlag = true;
        b.verification = QCoreApplication::translate(
                             "BundleReader", "All %1 files match their SHA-256 in manifest.json.")
                             .arg(b.manifest.files.size());
        return;
    }
    b.verification =
        QCoreApplication::translate("BundleReader", "Unverified: %1").arg(problems.first());
    if (problems.size() > 1)
        b.verification += QCoreApplication::translate("BundleReader", " (%1 more problems: %2.)")
                              .arg(problems.size() - 1)
                              .arg(b.failedFiles.mid(1).join(QStringLiteral(", ")));
    b.verification +=
        QCoreApplication::translate("BundleReader", " Do not rely on this bundle as evidence.");
}

void finish(Bundle& b, Collector& c) {
    b.files = std::move(c.files());
    const auto snap = b.files.find("snapshot.json");
    if (snap == b.files.end()) {
        b.error = QCoreApplication::translate(
                      "BundleReader", "%1 holds no snapshot.json: it is not a dbtriage bundle.")
                      .arg(c.name());
        return;
    }
    verify(b, c.limits());
    try {
        b.snapshot = std::make_shared<const Snapshot>(
            snapshotFromJson(parseBundleJson("snapshot.json", snap->second, c.limits())));
    } catch (const FormatError& e) {
        const QString verification = b.verification;
        const bool unverified = !b.verifiedFlag;
        b = Bundle{};
        b.error = QCoreApplication::translate("BundleReader", "%1 cannot be opened: %2%3")
                      .arg(c.name(), QString::fromUtf8(e.what()),
                           unverified ? QStringLiteral(" ") + verification : QString());
        return;
    }
    // Samples in order (by number: samples/10000.json comes after samples/9999.json); each
    // after the first may be a delta of the one before it, so a sample that cannot be read
    // ends the series.
    std::vector<std::string> samplePaths;
    for (const auto& [path, data] : b.files) {
        if (path.rfind("samples/", 0) == 0 && path.size() > 13 &&
            path.compare(path.size() - 5, 5, ".json") == 0 &&
            path.find('/', 8) == std::string::npos)
            samplePaths.push_back(path);
    }
    std::stable_sort(samplePaths.begin(), samplePaths.end(), [](const auto& x, const auto& y) {
        return x.size() != y.size() ? x.size() < y.size() : x < y;
    });
    nlohmann::json previous;
    for (const std::string& path : samplePaths) {
        try {
            nlohmann::json full =
                expandDelta(previous, parseBundleJson(path, b.files.at(path), c.limits()));
            b.samples.push_back(std::make_shared<const Snapshot>(snapshotFromJson(full)));
            previous = std::move(full);
        } catch (const FormatError& e) {
            b.verifiedFlag = false;
            b.failedFiles << q(path);
            b.verification =
                QCoreApplication::translate("BundleReader", "Unverified: %1")
                    .arg(QCoreApplication::translate(
                             "BundleReader", "%1 This sample and the ones after it are left out.")
                             .arg(QString::fromUtf8(e.what())));
            break;
        }
    }
}

bool looksLikeZip(const QString& path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return false;
    const QByteArray head = f.read(4);
    return head == QByteArrayLiteral("PK\x03\x04") || head == QByteArrayLiteral("PK\x05\x06");
}

} // namespace

int jsonNestingDepth(const QByteArray& text, int stopAt) {
    int depth = 0;
    int deepest = 0;
    bool inString = false;
    bool escaped = false;
    for (const char ch : text) {
        if (inString) {
            if (escaped)
                escaped = false;
            else if (ch == '\\')
                escaped = true;
            else if (ch == '"')
                inString = false;
            continue;
        }
        if (ch == '"') {
            inString = true;
        } else if (ch == '{' || ch == '[') {
            deepest = std::max(deepest, ++depth);
            if (deepest >= stopAt)
                return deepest;
        } else if (ch == '}' || ch == ']') {
            --depth;
        }
    }
    return deepest;
}

Bundle BundleReader::open(const QString& path, const BundleLimits& limits) {
    Bundle b;
    b.path = path;
    const QFileInfo info(path);
    if (!info.exists()) {
        b.error = QCoreApplication::translate("BundleReader", "%1 does not exist.").arg(path);
        return b;
    }
    Collector c(path, limits);
    if (info.isDir()) {
        b.error = readDirectory(path, c);
    } else if (looksLikeZip(path) || path.endsWith(QLatin1String(".zip"), Qt::CaseInsensitive)) {
        b.zip = true;
        if (info.size() > limits.maxArchiveBytes) {
            b.error =
                QCoreApplication::translate("BundleReader", "%1 is larger than %2; it is refused.")
                    .arg(path, mib(limits.maxArchiveBytes));
            return b;
        }
        zip_error_t error;
        zip_error_init(&error);
        zip_source_t* source =
            zip_source_file_create(path.toLocal8Bit().constData(), 0, -1, &error);
        if (!source) {
            b.error = QCoreApplication::translate("BundleReader", "Cannot read %1: %2.")
                          .arg(path, QString::fromUtf8(zip_error_strerror(&error)));
            zip_error_fini(&error);
            return b;
        }
        zip_error_fini(&error);
        b.error = readZip(source, c);
    } else {
        // A single snapshot.json (e.g. from an older "collect --out DIR").
        if (info.size() > limits.maxJsonBytes) {
            b.error =
                QCoreApplication::translate("BundleReader", "%1 is larger than %2; it is not read.")
                    .arg(path, mib(limits.maxJsonBytes));
            return b;
        }
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            b.error = QCoreApplication::translate("BundleReader", "Cannot read %1: %2.")
                          .arg(path, file.errorString());
            return b;
        }
        c.add("snapshot.json", file.read(limits.maxJsonBytes + 1));
    }
    if (!b.error.isEmpty())
        return b;
    finish(b, c);
    if (b.ok())
        b.path = path;
    return b;
}

Bundle BundleReader::openZipData(const QByteArray& zip, const QString& name,
                                 const BundleLimits& limits) {
    Bundle b;
    b.path = name;
    b.zip = true;
    Collector c(name, limits);
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* source =
        zip_source_buffer_create(zip.constData(), static_cast<zip_uint64_t>(zip.size()), 0, &error);
    zip_error_fini(&error);
    if (!source) {
        b.error = QCoreApplication::translate("BundleReader", "%1 cannot be read.").arg(name);
        return b;
    }
    b.error = readZip(source, c);
    if (!b.error.isEmpty())
        return b;
    finish(b, c);
    if (b.ok()) {
        b.path = name;
        b.zip = true;
    }
    return b;
}

} // namespace dbt
