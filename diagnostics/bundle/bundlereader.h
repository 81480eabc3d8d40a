// Reading an evidence bundle (a directory or a .zip) for offline viewing, with verification.
//
// Nothing is ever extracted to disk: the entries of a zip are read into memory with caps on
// their number, on each entry's size and on the total, counted while decompressing (the sizes
// in the zip headers are not trusted). A bundle is refused, with a sentence, when it holds an
// unsafe path ("../", absolute, a drive letter), a symbolic link or other special entry, too
// many or too large entries, JSON nested too deep, or when snapshot.json cannot be read.
// When the files do not match manifest.json (changed, truncated, missing, added) or there is
// no manifest, the bundle opens marked unverified with the sentence naming the file.
//
// Usage:
//     const Bundle b = BundleReader::open(path);
//     if (!b.ok()) show(b.error);
//     else { if (!b.verified()) banner(b.verification); use(*b.snapshot, b.samples); }
#pragma once

#include "bundle/manifest.h"
#include "snapshot.h"

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <map>
#include <vector>

namespace dbt {

struct BundleLimits {
    int maxEntries = 10000;
    qint64 maxFileBytes = qint64(64) << 20;   // one file, uncompressed
    qint64 maxTotalBytes = qint64(512) << 20; // every file together, uncompressed
    qint64 maxArchiveBytes = qint64(1) << 30; // the .zip on disk
    qint64 maxJsonBytes = qint64(32) << 20;   // one JSON file (a parsed document takes more)
    int maxJsonDepth = 64;
};

struct Bundle {
    QString error; // non-empty: the bundle was refused and nothing else is set
    bool ok() const { return error.isEmpty(); }

    QString path;
    bool zip = false;
    bool verifiedFlag = false;
    bool verified() const { return ok() && verifiedFlag; }
    // "All 14 files match manifest.json." or the sentence that says which file failed.
    QString verification;
    QStringList failedFiles; // paths that did not match (or are missing / not listed)

    bool hasManifest = false;
    Manifest manifest;
    SnapshotPtr snapshot;                    // snapshot.json
    std::vector<SnapshotPtr> samples;        // samples/*.json in order (empty for one sample)
    std::map<std::string, QByteArray> files; // every file as read, by path
};

class BundleReader {
public:
    // A .zip file, a bundle directory, or a single snapshot.json (opened unverified).
    static Bundle open(const QString& path, const BundleLimits& limits = {});

    // The same from a zip held in memory (for tests); `name` is used in sentences.
    static Bundle openZipData(const QByteArray& zip, const QString& name,
                              const BundleLimits& limits = {});
};

// Deepest nesting of objects and arrays in a JSON text (strings skipped), for refusing texts
// that would make a parser recurse deep. Stops counting at `stopAt`.
int jsonNestingDepth(const QByteArray& text, int stopAt);

} // namespace dbt
