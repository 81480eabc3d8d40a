// Writing an evidence bundle (docs/bundle-format.md) to a directory or a .zip, atomically:
// everything is composed in memory first, then written under a temporary name in the target's
// own directory and renamed into place, so a full disk or an unwritable target leaves nothing
// under the final name. Qt Core only; the charts come from the caller (diagnostics_render),
// which may draw them, as attachments.
//
// Usage (CLI and GUI alike):
//     BundleInput input;
//     input.snapshot = result;            // analysed; window deltas for a series
//     input.samples = series;             // every sample, oldest first
//     input.collection = {...};           // samples, interval, note, ...
//     render::addCharts(input);           // optional; needs a QGuiApplication
//     const BundleWriteResult r = BundleWriter::write(input, path);
//     if (!r.ok()) show(r.error);         // a sentence for the user
#pragma once

#include "bundle/manifest.h"
#include "snapshot.h"

#include <QByteArray>
#include <QString>
#include <string>
#include <vector>

namespace dbt {

// A file the caller produced (charts/*.png, charts/*.svg; later plans/*, index-candidates.sql).
struct BundleAttachment {
    std::string path; // relative, '/'-separated; must pass isSafeBundlePath
    QByteArray data;
};

struct BundleInput {
    Snapshot snapshot;                // the analysed result
    std::vector<SnapshotPtr> samples; // every sample, oldest first (written when 2 or more)
    CollectionInfo collection;        // how it was collected; note, requested options
    std::vector<BundleAttachment> attachments;
    Micros createdAt = 0; // 0: now
};

// One file of a composed bundle.
struct BundleFile {
    std::string path;
    QByteArray data;
};

struct BundleWriteOptions {
    // Testing hook: every write fails with "No space left on device" once this many bytes
    // were written in all (-1: never). Exercises the clean-up of a full disk.
    qint64 failAfterBytesForTesting = -1;
    int zipCompressionLevel = 6; // deflate 1..9 for text files; PNG is stored
};

struct BundleWriteResult {
    QString error; // a sentence for the user; empty on success
    bool ok() const { return error.isEmpty(); }
    QString path; // the final path
    bool zip = false;
    qint64 bytes = 0; // size of the .zip, or of all files of a directory
    int files = 0;    // files in the bundle, manifest.json included
    Manifest manifest;
};

class BundleWriter {
public:
    // A path ending in ".zip" (any case) writes a zip file; anything else a directory, which
    // must not exist yet or be empty. Missing parent directories are created.
    static BundleWriteResult write(const BundleInput& input, const QString& path,
                                   const BundleWriteOptions& options = {});

    // Every file of the bundle, manifest.json last, without writing anything (for tests and
    // the benchmark). Throws nothing; attachments with unsafe paths are left out.
    static std::vector<BundleFile> compose(const BundleInput& input, Manifest* manifest = nullptr);

    // The bytes of a zip holding `files` (in memory). Returns an error sentence or "".
    static QString zipFiles(const std::vector<BundleFile>& files, Micros mtime, int level,
                            QByteArray* out);
};

} // namespace dbt
