#include "models/snapshotfiles.h"

#include "snapshot_json.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <algorithm>

namespace dbt {

namespace {

SnapshotPtr readOne(const QString& path, QString* error) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("Cannot read %1: %2.").arg(path, file.errorString());
        return {};
    }
    try {
        const QByteArray bytes = file.readAll();
        Snapshot s = snapshotFromJson(parseJson(bytes.toStdString()));
        return std::make_shared<const Snapshot>(std::move(s));
    } catch (const std::exception& e) {
        *error = QStringLiteral("%1 is not a dbtriage snapshot: %2")
                     .arg(path, QString::fromStdString(e.what()));
        return {};
    }
}

} // namespace

LoadedSnapshots loadSnapshots(const QStringList& paths) {
    LoadedSnapshots out;
    QStringList files;
    for (const QString& path : paths) {
        const QFileInfo info(path);
        if (info.isDir()) {
            QDir samples(QDir(path).filePath(QStringLiteral("samples")));
            const QStringList series =
                samples.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
            if (!series.isEmpty()) {
                for (const QString& f : series)
                    files << samples.filePath(f);
            } else {
                files << QDir(path).filePath(QStringLiteral("snapshot.json"));
            }
        } else {
            files << path;
        }
    }
    for (const QString& f : files) {
        QString error;
        if (SnapshotPtr s = readOne(f, &error))
            out.snapshots.push_back(std::move(s));
        else if (out.error.isEmpty())
            out.error = error;
    }
    std::stable_sort(
        out.snapshots.begin(), out.snapshots.end(),
        [](const SnapshotPtr& a, const SnapshotPtr& b) { return a->collectedAt < b->collectedAt; });
    if (!out.snapshots.empty())
        out.error.clear();
    else if (out.error.isEmpty())
        out.error = QStringLiteral("No snapshot file given.");
    return out;
}

} // namespace dbt
